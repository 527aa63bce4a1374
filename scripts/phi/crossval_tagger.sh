#!/usr/bin/env bash
# Cross-validates the learned PHI tagger on dev notes only: trains on dev 001-TRAIN_MAX, then scores the dev notes
# EVAL_MIN-660 with the tagger (margins of lexicons/data/phi/tagger_types.tsv, or TYPES) and without it.
#   scripts/phi/crossval_tagger.sh TRAIN_MAX EVAL_MIN [TYPES_TSV]      e.g. 620 621, 580 581
# Extra training flags (epochs, prune) come from $TRAIN_FLAGS. Needs a release build of medtext.
set -euo pipefail
cd "$(dirname "$0")/../.."
train_max="$1"; eval_min="$2"; types="${3:-lexicons/data/phi/tagger_types.tsv}"
bin="$(swift build -c release --show-bin-path)/medtext"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
# A lexicon directory whose phi/tagger_* files are this fold's.
mkdir -p "$work/lex/phi" "$work/gold/dev"
for f in lexicons/data/*; do [ "$(basename "$f")" = phi ] || ln -s "$PWD/$f" "$work/lex/"; done
for f in lexicons/data/phi/*; do case "$(basename "$f")" in tagger_*) ;; *) ln -s "$PWD/$f" "$work/lex/phi/";; esac; done
cp "$types" "$work/lex/phi/tagger_types.tsv"
MEDTEXT_LEXICONS="$work/lex" "$bin" train-phi-tagger --gold corpora/phi/dev --max-note "$train_max" \
  --negatives corpora/gold/dev --epochs 5 --seed 1 --prune 0.5 ${TRAIN_FLAGS:-} \
  --out "$work/lex/phi/tagger_weights.tsv" 2>/dev/null
for f in corpora/phi/dev/*.txt; do
  n=$((10#$(basename "$f" | cut -c1-3)))
  if [ "$n" -ge "$eval_min" ] && [ "$n" -le 660 ]; then cp "$f" "$work/gold/dev/"; fi
done
printf '#!/bin/sh\nexec "%s" "$@" --phi-tagger\n' "$bin" > "$work/with-tagger"; chmod +x "$work/with-tagger"
export MEDTEXT_LEXICONS="$work/lex" MEDTEXT_LEXICON_IMAGES=off
echo "== rules only: dev $eval_min-660"
scripts/eval/evaluate_phi.sh --bin "$bin" --split dev --gold "$work/gold" ${EVAL_FLAGS:-}
echo "== rules + tagger trained on dev 001-$train_max: dev $eval_min-660"
scripts/eval/evaluate_phi.sh --bin "$work/with-tagger" --split dev --gold "$work/gold" ${EVAL_FLAGS:-}
