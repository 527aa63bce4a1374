#!/usr/bin/env bash
# Integration test: medtext on Apache Spark (local mode, bound to 127.0.0.1).
#
#   bash integrations/spark/test_spark.sh            # from the repository root
#
# - Uses $MEDTEXT_BIN, else builds the debug `medtext` (swift build --product medtext).
# - PySpark goes into a venv cached under $MEDTEXT_CI_CACHE (default /var/cache/medtext-ci),
#   reused when present: a cold `pip install pyspark` downloads ~450 MB.
# - Needs Java 17 (`java` on PATH or $JAVA_HOME).
# - Generates $SPARK_TEST_DOCS (default 3000) DocumentReferences with bad records of every kind,
#   runs them through medtext_spark.py and checks the output is byte-identical to one
#   `medtext batch --emit envelope` process, then that a crashing binary, a binary exiting 0
#   early and an upstream exception each fail the job loudly.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
PYSPARK_VERSION=4.3.0
CACHE=${MEDTEXT_CI_CACHE:-/var/cache/medtext-ci}
VENV="$CACHE/venv-pyspark-$PYSPARK_VERSION"
COUNT=${SPARK_TEST_DOCS:-3000}

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import pyspark" 2>/dev/null; then
  mkdir -p "$CACHE"
  rm -rf "$VENV.tmp"
  start=$(date +%s)
  python3 -m venv "$VENV.tmp"
  "$VENV.tmp/bin/pip" install -q --disable-pip-version-check "pyspark==$PYSPARK_VERSION"
  rm -rf "$VENV"
  mv "$VENV.tmp" "$VENV"
  # Only $VENV/bin/python is used below, which works after the move (the scripts' shebangs would not).
  echo "installed pyspark $PYSPARK_VERSION into $VENV in $(( $(date +%s) - start )) s"
fi

if [ -z "${MEDTEXT_BIN:-}" ]; then
  swift build --product medtext >/dev/null
  MEDTEXT_BIN="$ROOT/.build/debug/medtext"
fi

WORK=$(mktemp -d /tmp/medtext-spark-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
python3 scripts/batch/generate_docrefs.py --count "$COUNT" --bad-every 37 --big-bytes 300000 --out "$WORK/docrefs.ndjson"
"$MEDTEXT_BIN" terminology build --out "$WORK/terminology.sqlite" >/dev/null
start=$(date +%s)
"$MEDTEXT_BIN" batch --emit envelope --max-note-bytes 200000 --terminology "$WORK/terminology.sqlite" \
  < "$WORK/docrefs.ndjson" > "$WORK/expected.ndjson"
echo "single process: $(wc -l < "$WORK/expected.ndjson") envelopes in $(( $(date +%s) - start )) s"

export SPARK_LOCAL_IP=127.0.0.1
export PYSPARK_PYTHON="$VENV/bin/python"
timeout 900 "$VENV/bin/python" integrations/spark/test_spark.py \
  --medtext "$MEDTEXT_BIN" --terminology "$WORK/terminology.sqlite" \
  --input "$WORK/docrefs.ndjson" --expected "$WORK/expected.ndjson" --work "$WORK"
