#!/usr/bin/env bash
# Trains the learned PHI tagger's weights from the PHI dev gold notes 001-999 (and, as examples of no PHI, the clinical
# entity spans of the entity gold dev notes corpora/gold/dev, and the capitalised drug, brand, condition, procedure and
# test names of lexicons/data/concepts in invented frames: scripts/phi/tagger_negatives.py), plus one keyed surrogate copy of every PHI gold note
# (--augment 1: each gold PHI string replaced by a surrogate of its type), and writes
# lexicons/data/phi/tagger_weights.tsv (or OUT). Deterministic: a seeded note order, a fixed number of
# epochs and a fixed float order, so re-running it reproduces the committed file byte for byte.
#   scripts/phi/train_tagger.sh [OUT]
# Never train on corpora/phi/test (held out) nor on dev notes above 999 (1000-1019 are the session-22 fresh check).
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-lexicons/data/phi/tagger_weights.tsv}"
swift build -c release --product medtext >&2
bin="$(swift build -c release --show-bin-path)/medtext"
neg="$(mktemp -d)"; trap 'rm -rf "$neg"' EXIT
python3 scripts/phi/tagger_negatives.py --out "$neg" >&2
MEDTEXT_LEXICONS="$PWD/lexicons/data" "$bin" train-phi-tagger --gold corpora/phi/dev --min-note 1 --max-note 999 \
  --negatives corpora/gold/dev --negatives "$neg" --augment 1 --epochs 5 --seed 1 --prune 1 --out "$out"
