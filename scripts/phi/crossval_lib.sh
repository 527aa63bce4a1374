# The shared shape of the PHI cross-validation drivers (scripts/phi/crossval_tagger.sh, crossval_retyper.sh): sourced,
# never run. A driver calls crossval_begin HOLD_MIN HOLD_MAX, makes a lexicon directory per model with crossval_lexicon,
# trains the fold into it, then scores the held-out block with crossval_score.
# Dev notes only; the block must not reach above 999 (dev 1000-1019 are the session-22 fresh check: never trained on nor scored).

# crossval_begin HOLD_MIN HOLD_MAX: sets hold_min, hold_max, bin (the release medtext, or BIN=PATH: e.g. a copy built
# before a feature change, so that two feature sets are compared side by side) and work (KEEP=DIR, else a temporary
# directory removed on exit), and copies the held-out block's gold notes into $work/gold/dev.
crossval_begin() {
  hold_min="$((10#$1))"; hold_max="$((10#$2))"
  if [ "$hold_max" -gt 999 ]; then echo "dev 1000 and above are the fresh check: never scored here" >&2; exit 64; fi
  bin="${BIN:-$(swift build -c release --show-bin-path)/medtext}"
  if [ -n "${KEEP:-}" ]; then work="$KEEP"; rm -rf "$work"; mkdir -p "$work"; else work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT; fi
  mkdir -p "$work/gold/dev"
  local f n
  for f in corpora/phi/dev/*.txt; do
    n=$((10#$(basename "$f" | cut -d- -f1)))
    if [ "$n" -ge "$hold_min" ] && [ "$n" -le "$hold_max" ]; then cp "$f" "$work/gold/dev/"; fi
  done
}

# crossval_lexicon DIR PREFIX: a lexicon directory DIR linking every lexicon file except phi/PREFIX* (the fold's model
# files, which the driver writes there).
crossval_lexicon() {
  local dir="$1" prefix="$2" f
  mkdir -p "$dir/phi"
  for f in lexicons/data/*; do [ "$(basename "$f")" = phi ] || ln -s "$PWD/$f" "$dir/"; done
  for f in lexicons/data/phi/*; do case "$(basename "$f")" in "$prefix"*) ;; *) ln -s "$PWD/$f" "$dir/phi/";; esac; done
}

# crossval_score TITLE LEXICON_DIR KEEP_NAME [medtext flags...]: scores the held-out block with the lexicons of
# LEXICON_DIR (predictions kept in $work/KEEP_NAME when KEEP is set); $EVAL_FLAGS are added.
crossval_score() {
  local title="$1" lex="$2" keep="$3"; shift 3
  echo "== $title: dev $hold_min-$hold_max"
  MEDTEXT_LEXICONS="$lex" MEDTEXT_LEXICON_IMAGES=off scripts/eval/evaluate_phi.sh --bin "$bin" "$@" --split dev --gold "$work/gold" \
    ${KEEP:+--keep "$work/$keep"} ${EVAL_FLAGS:-}
}
