#!/usr/bin/env bash
# Runs medtext over the gold corpus and scores it (entity corpus, corpora/gold).
#   scripts/eval/evaluate.sh [--split dev|test|all|each] [--json] [--release] [--keep DIR] [--bin PATH] [--phi-tagger|--no-phi-tagger]
# --bin PATH scores another medtext binary (e.g. an earlier release build) without building.
# --keep DIR leaves the plain notes, gold JSON and predictions in DIR for error analysis.
# --phi-tagger / --no-phi-tagger pass that flag to detect-entities (its PROTECTED_HEALTH_INFORMATION entities with the
# learned PHI tagger / rules only); without either the binary's default (PHIRecognizer.Options.taggerDefault).
# Builds medtext, writes the plain notes, runs detect-entities and infer-icd10cm once each in
# --ndjson mode (one process for all notes), splits the results per note and runs score.py.
set -euo pipefail
cd "$(dirname "$0")/../.."
split=all; json=""; config=debug; keep=""; bin=""; tagger=()
while [ $# -gt 0 ]; do
  case "$1" in
    --split) split="$2"; shift 2 ;;
    --json) json="--json"; shift ;;
    --release) config=release; shift ;;
    --keep) keep="$2"; shift 2 ;;
    --bin) bin="$2"; shift 2 ;;
    --phi-tagger|--no-phi-tagger) tagger=("$1"); shift ;;
    *) echo "usage: $0 [--split dev|test|all|each] [--json] [--release] [--keep DIR] [--bin PATH] [--phi-tagger|--no-phi-tagger]" >&2; exit 64 ;;
  esac
done
if [ -z "$bin" ]; then
  swift build -c "$config" --product medtext >&2
  bin="$(swift build -c "$config" --show-bin-path)/medtext"
fi
if [ -n "$keep" ]; then work="$keep"; rm -rf "$work"; mkdir -p "$work"; else work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT; fi
python3 scripts/eval/gold_to_cm.py --out "$work/gold-json" --plain-dir "$work/plain" >&2
python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
with open(os.path.join(work, "notes.ndjson"), "w", encoding="utf-8") as out:
    for split in sorted(os.listdir(os.path.join(work, "plain"))):
        d = os.path.join(work, "plain", split)
        for name in sorted(os.listdir(d)):
            with open(os.path.join(d, name), encoding="utf-8") as f:
                out.write(json.dumps({"id": f"{split}/{name[:-4]}", "text": f.read()}) + "\n")
PY
"$bin" detect-entities --ndjson ${tagger[@]+"${tagger[@]}"} "$work/notes.ndjson" > "$work/entities.ndjson"
"$bin" infer-icd10cm --ndjson "$work/notes.ndjson" > "$work/icd.ndjson"
python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
for src, dst in (("entities.ndjson", "pred"), ("icd.ndjson", "pred-icd")):
    with open(os.path.join(work, src), encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if "result" not in rec:
                sys.exit(f"medtext reported an error for {rec.get('id')}: {rec.get('error')}")
            path = os.path.join(work, dst, rec["id"] + ".json")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as out:
                json.dump(rec["result"], out)
PY
python3 scripts/eval/score.py --pred "$work/pred" --icd-dir "$work/pred-icd" --split "$split" $json
