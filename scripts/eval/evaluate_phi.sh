#!/usr/bin/env bash
# Runs `medtext detect-phi --ndjson` over the PHI gold corpus and scores it with score_phi.py.
#   scripts/eval/evaluate_phi.sh [--split dev|test|all|each] [--release] [--keep DIR] [--details] [--json] [--bin PATH] [--gold DIR]
#                                [--phi-tagger | --no-phi-tagger]
# --phi-tagger / --no-phi-tagger pass that flag to detect-phi (learned tagger on / rules only); without either the
# binary's default is scored (PHIRecognizer.Options.taggerDefault). Say which when a figure must stay comparable.
# --gold DIR scores another gold directory laid out like corpora/phi (dev/, test/), e.g. a batch of new notes.
# The locale of each note comes from its file name (`-au` -> en-AU, otherwise en-US): one
# detect-phi process per locale. Only score_phi.py's output is printed; --details lists per-note
# errors for the dev split only (the test split is held out: look at its aggregate rows only).
set -euo pipefail
cd "$(dirname "$0")/../.."
split=each; config=debug; keep=""; extra=(); bin=""; gold=corpora/phi; tagger=()
while [ $# -gt 0 ]; do
  case "$1" in
    --split) split="$2"; shift 2 ;;
    --release) config=release; shift ;;
    --keep) keep="$2"; shift 2 ;;
    --details) extra+=(--details); shift ;;
    --json) extra+=(--json); shift ;;
    --bin) bin="$2"; shift 2 ;;
    --gold) gold="$2"; shift 2 ;;
    --phi-tagger|--no-phi-tagger) tagger=("$1"); shift ;;
    *) echo "usage: $0 [--split dev|test|all|each] [--release] [--keep DIR] [--details] [--json] [--bin PATH] [--gold DIR] [--phi-tagger|--no-phi-tagger]" >&2; exit 64 ;;
  esac
done
if [ -z "$bin" ]; then
  swift build -c "$config" --product medtext >&2
  bin="$(swift build -c "$config" --show-bin-path)/medtext"
fi
if [ -n "$keep" ]; then work="$keep"; rm -rf "$work"; mkdir -p "$work"; else work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT; fi
python3 scripts/eval/phi_gold_to_cm.py --gold "$gold" --out "$work/gold-json" --plain-dir "$work/plain" 2>/dev/null
# Only the notes of the scored split are run: `--split dev` never produces predictions for the held-out test notes.
python3 - "$work" "$split" <<'PY'
import json, os, sys
work, wanted = sys.argv[1], sys.argv[2]
outs = {loc: open(os.path.join(work, f"notes-{loc}.ndjson"), "w", encoding="utf-8") for loc in ("en-AU", "en-US")}
for split in sorted(os.listdir(os.path.join(work, "plain"))):
    if wanted not in ("all", "each") and split != wanted:
        continue
    d = os.path.join(work, "plain", split)
    for name in sorted(os.listdir(d)):
        loc = "en-AU" if name[:-4].endswith("-au") else "en-US"
        with open(os.path.join(d, name), encoding="utf-8") as f:
            outs[loc].write(json.dumps({"id": f"{split}/{name[:-4]}", "text": f.read()}) + "\n")
for f in outs.values():
    f.close()
PY
for loc in en-AU en-US; do
  "$bin" detect-phi --ndjson --locale "$loc" ${tagger[@]+"${tagger[@]}"} "$work/notes-$loc.ndjson" > "$work/phi-$loc.ndjson"
done
python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
for loc in ("en-AU", "en-US"):
    with open(os.path.join(work, f"phi-{loc}.ndjson"), encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if "result" not in rec:
                sys.exit(f"medtext reported an error for {rec.get('id')}")
            path = os.path.join(work, "pred", rec["id"] + ".json")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as out:
                json.dump(rec["result"], out)
PY
python3 scripts/eval/score_phi.py --gold "$gold" --pred "$work/pred" --split "$split" "${extra[@]}"
