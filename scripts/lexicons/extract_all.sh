#!/bin/sh
# Regenerate every extracted lexicon file (lexicons/data/sources/, lexicons/data/phi/).
# PYTHON defaults to /work/venv-lex/bin/python when present, else python3; it must have
# the pinned packages of scripts/lexicons/requirements.txt installed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${PYTHON:-}" ]; then
  if [ -x /work/venv-lex/bin/python ]; then PYTHON=/work/venv-lex/bin/python; else PYTHON=python3; fi
fi
"$PYTHON" "$here/extract.py" --all
"$PYTHON" "$here/check_sources.py"
"$PYTHON" "$here/report.py"
