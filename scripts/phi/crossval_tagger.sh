#!/usr/bin/env bash
# Cross-validates the learned PHI tagger on dev notes only: trains on the training set of scripts/phi/train_tagger.sh
# (dev 001-980 without 941-960) minus the block HOLD_MIN-HOLD_MAX, then scores that block with the tagger (margins of
# lexicons/data/phi/tagger_types.tsv, or TYPES) and without it.
#   scripts/phi/crossval_tagger.sh HOLD_MIN HOLD_MAX [TYPES_TSV]      e.g. 621 660, 661 700
# The block must not reach into 941-960 (the session-20 fresh check is never trained on nor scored here).
# Extra training flags (epochs, prune, augment) come from $TRAIN_FLAGS; RULES=no skips the rules-only run (the same for
# every tagger); KEEP=DIR keeps the fold's weights and predictions. Needs a release build of medtext.
set -euo pipefail
cd "$(dirname "$0")/../.."
hold_min="$((10#$1))"; hold_max="$((10#$2))"; types="${3:-lexicons/data/phi/tagger_types.tsv}"
if [ "$hold_max" -ge 941 ] && [ "$hold_min" -le 960 ]; then echo "dev 941-960 are the fresh check: never scored here" >&2; exit 64; fi
bin="$(swift build -c release --show-bin-path)/medtext"
if [ -n "${KEEP:-}" ]; then work="$KEEP"; rm -rf "$work"; mkdir -p "$work"; else work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT; fi
# A lexicon directory whose phi/tagger_* files are this fold's.
mkdir -p "$work/lex/phi" "$work/gold/dev"
for f in lexicons/data/*; do [ "$(basename "$f")" = phi ] || ln -s "$PWD/$f" "$work/lex/"; done
for f in lexicons/data/phi/*; do case "$(basename "$f")" in tagger_*) ;; *) ln -s "$PWD/$f" "$work/lex/phi/";; esac; done
cp "$types" "$work/lex/phi/tagger_types.tsv"
python3 scripts/phi/tagger_negatives.py --out "$work/lexneg" >/dev/null
MEDTEXT_LEXICONS="$work/lex" "$bin" train-phi-tagger --gold corpora/phi/dev --min-note 1 --max-note 980 \
  --exclude "941-960,$hold_min-$hold_max" --negatives corpora/gold/dev --negatives "$work/lexneg" --augment 1 --epochs 5 --seed 1 --prune 1 ${TRAIN_FLAGS:-} \
  --out "$work/lex/phi/tagger_weights.tsv" 2>"$work/train.log"
for f in corpora/phi/dev/*.txt; do
  n=$((10#$(basename "$f" | cut -c1-3)))
  if [ "$n" -ge "$hold_min" ] && [ "$n" -le "$hold_max" ]; then cp "$f" "$work/gold/dev/"; fi
done
export MEDTEXT_LEXICONS="$work/lex" MEDTEXT_LEXICON_IMAGES=off
if [ "${RULES:-yes}" != no ]; then
  echo "== rules only: dev $hold_min-$hold_max"
  scripts/eval/evaluate_phi.sh --bin "$bin" --no-phi-tagger --split dev --gold "$work/gold" ${EVAL_FLAGS:-}
fi
echo "== rules + tagger trained without dev $hold_min-$hold_max ($(tail -1 "$work/train.log")): dev $hold_min-$hold_max"
scripts/eval/evaluate_phi.sh --bin "$bin" --phi-tagger --split dev --gold "$work/gold" ${KEEP:+--keep "$work/eval"} ${EVAL_FLAGS:-}
