#!/usr/bin/env bash
# Cross-validates the learned PHI tagger on dev notes only: trains on the training set of scripts/phi/train_tagger.sh
# (dev 001-999) minus the block HOLD_MIN-HOLD_MAX, then scores that block with the tagger (margins of
# lexicons/data/phi/tagger_types.tsv, or TYPES) and without it.
#   scripts/phi/crossval_tagger.sh HOLD_MIN HOLD_MAX [TYPES_TSV]      e.g. 621 660, 661 700
# The block must not reach above 999 (dev 1000-1019, the session-22 fresh check, is never trained on nor scored here).
# Extra training flags (epochs, prune, augment) come from $TRAIN_FLAGS; RULES=no skips the rules-only run (the same for
# every tagger); KEEP=DIR keeps the fold's weights and predictions (DIR/eval). Needs a release build of medtext.
# The driver's shape (block, lexicon directory, scoring) is scripts/phi/crossval_lib.sh, shared with crossval_retyper.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/phi/crossval_lib.sh
types="${3:-lexicons/data/phi/tagger_types.tsv}"
crossval_begin "$1" "$2"
# A lexicon directory whose phi/tagger_* files are this fold's.
crossval_lexicon "$work/lex" tagger_
cp "$types" "$work/lex/phi/tagger_types.tsv"
python3 scripts/phi/tagger_negatives.py --out "$work/lexneg" >/dev/null
MEDTEXT_LEXICONS="$work/lex" "$bin" train-phi-tagger --gold corpora/phi/dev --min-note 1 --max-note 999 \
  --exclude "$hold_min-$hold_max" --negatives corpora/gold/dev --negatives "$work/lexneg" --augment 1 --epochs 5 --seed 1 --prune 1 ${TRAIN_FLAGS:-} \
  --out "$work/lex/phi/tagger_weights.tsv" 2>"$work/train.log"
if [ "${RULES:-yes}" != no ]; then crossval_score "rules only" "$work/lex" eval-rules --no-phi-tagger; fi
crossval_score "rules + tagger trained without dev $hold_min-$hold_max ($(tail -1 "$work/train.log"))" "$work/lex" eval --phi-tagger
