#!/usr/bin/env bash
# Maps every gold note (corpora/gold, as plain text via gold_to_cm.py --plain-dir) and every sample
# (corpora/samples) to FHIR R4 with `medtext fhir`, as transaction and collection Bundles and as
# NDJSON, with hypothetical and future mentions included (so flagged resources are checked too)
# and without them, and validates everything with scripts/fhir/validate.py: zero errors expected.
# Also checks that a second run gives byte-identical output.
#
# Usage: scripts/fhir/validate_corpus.sh            (from the repository root; CI calls this)
# Env:   MEDTEXT_BIN   the medtext binary (default: .build/debug/medtext, built if missing)
#        FHIR_PYTHON   a python with google-fhir-r4==0.11.0 (default: a venv in $FHIR_VENV,
#                      /tmp/medtext-fhir-venv, created with scripts/fhir/requirements.txt)
set -euo pipefail
cd "$(dirname "$0")/../.."

BIN=${MEDTEXT_BIN:-.build/debug/medtext}
if [ ! -x "$BIN" ]; then swift build --product medtext; fi

if [ -z "${FHIR_PYTHON:-}" ]; then
  VENV=${FHIR_VENV:-/tmp/medtext-fhir-venv}
  if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import os,sys; sys.exit(0 if any(os.path.isfile(os.path.join(p,'google/fhir/r4/data/hl7.fhir.r4.core.tgz')) for p in sys.path) else 1)"; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q -r scripts/fhir/requirements.txt
  fi
  FHIR_PYTHON="$VENV/bin/python"
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 scripts/eval/gold_to_cm.py --out "$WORK/cm" --plain-dir "$WORK/plain" >/dev/null
mapfile -t NOTES < <(find "$WORK/plain" -name '*.txt' | sort; find corpora/samples -maxdepth 1 -type f \( -name '*.txt' -o -name '*.md' \) ! -name 'FORMAT.md' ! -name 'GUIDELINE.md' | sort)
echo "notes: ${#NOTES[@]}" >&2

COMMON=(--subject Patient/example --encounter Encounter/example --recorded 2026-11-29T10:00:00Z
  --security 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality|R'
  --tag 'https://medtext.dev/fhir/CodeSystem/tenant|ci')
"$BIN" fhir "${COMMON[@]}" --bundle transaction --include hypothetical,future --out "$WORK/transaction" "${NOTES[@]}" 2>/dev/null
"$BIN" fhir "${COMMON[@]}" --bundle collection --out "$WORK/collection" "${NOTES[@]}" 2>/dev/null
"$BIN" fhir "${COMMON[@]}" --bundle ndjson --include hypothetical,future --out "$WORK/ndjson" "${NOTES[@]}" 2>/dev/null
# One note with an explicit versioned DocumentReference and no subject (data-absent-reason).
"$BIN" fhir --document DocumentReference/example/_history/2 --recorded 2026-11-29T10:00:00Z --include hypothetical,future "${NOTES[0]}" > "$WORK/nosubject.json" 2>/dev/null

"$BIN" fhir "${COMMON[@]}" --bundle transaction --include hypothetical,future --out "$WORK/again" "${NOTES[@]}" 2>/dev/null
if ! diff -r -q "$WORK/transaction" "$WORK/again" >/dev/null; then
  echo "FAIL: a second run of medtext fhir gave different output" >&2
  exit 1
fi

# The same notes as DocumentReferences through `medtext batch` (FHIR output and write-back), one
# of them with two attachments, so batch contexts (version, tags, segments) are validated too.
python3 - "$WORK/docrefs.ndjson" "${NOTES[@]}" <<'PY'
import base64, json, sys
out = open(sys.argv[1], "w", encoding="utf-8")
for n, path in enumerate(sys.argv[2:]):
    text = open(path, encoding="utf-8").read()
    parts = [text] if n else [text[: len(text) // 2], text[len(text) // 2:]]
    doc = {"resourceType": "DocumentReference", "id": f"note-{n}",
           "meta": {"versionId": "2", "security": [{"system": "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "code": "R"}],
                    "tag": [{"system": "https://medtext.dev/fhir/CodeSystem/tenant", "code": "ci"}]},
           "status": "current", "subject": {"reference": "Patient/example"}, "date": "2026-11-29T10:00:00Z",
           "context": {"encounter": [{"reference": "Encounter/example"}]},
           "content": [{"attachment": {"contentType": "text/plain; charset=utf-8", "data": base64.b64encode(p.encode()).decode()}} for p in parts]}
    out.write(json.dumps(doc) + "\n")
PY
"$BIN" batch --out "$WORK/batch" --write-back "$WORK/docrefs.ndjson" 2>/dev/null

"$FHIR_PYTHON" scripts/fhir/test_validate.py 2>&1 | tail -1 >&2
"$FHIR_PYTHON" scripts/fhir/validate.py --quiet "$WORK/transaction" "$WORK/collection" "$WORK/ndjson" "$WORK/nosubject.json" "$WORK/batch"
