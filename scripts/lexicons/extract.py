#!/usr/bin/env python3
"""Extract licence-clean sources into lexicons/data/sources/ and lexicons/data/phi/.

Run by a developer (not at build time), with the pinned packages of requirements.txt:

    python3 -m venv /tmp/venv-lex && /tmp/venv-lex/bin/pip install -r scripts/lexicons/requirements.txt
    /tmp/venv-lex/bin/python scripts/lexicons/extract.py --all        # or: scripts/lexicons/extract_all.sh
    /tmp/venv-lex/bin/python scripts/lexicons/extract.py hpo hl7      # only some sources

Outputs are deterministic (sorted rows, no timestamps) and committed; `git diff` after a run
shows exactly what a package upgrade changed. See lexicons/README.md for every file's columns
and lexicons/NOTICE for the licences.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from lexcommon import ExtractError  # noqa: E402

# name -> module; each module has extract() -> {output: row count}
EXTRACTORS = {
    "icd10cm": "src_icd10cm",
    "medspacy": "src_medspacy",
    "snomed-dicom": "src_snomed_dicom",
    "hpo": "src_hpo",
    "hl7": "src_hl7",
    "phi": "src_phi",
}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sources", nargs="*", help="sources to extract: " + ", ".join(EXTRACTORS)
                    + "; or `fhir-defs [DIR]` to unpack the FHIR R4 StructureDefinitions outside the repo")
    ap.add_argument("--all", action="store_true", help="extract every source")
    args = ap.parse_args(argv)
    if args.sources[:1] == ["fhir-defs"]:
        # Not part of --all: writes outside the repository, for a FHIR validator.
        import src_hl7
        dest = args.sources[1] if len(args.sources) > 1 else "/work/fhir-r4-defs"
        for out, c in src_hl7.extract_defs(dest).items():
            print(f"fhir-defs\t{out}\t{c}")
        return 0
    names = list(EXTRACTORS) if args.all else args.sources
    if not names:
        ap.error("name sources or pass --all")
    unknown = [n for n in names if n not in EXTRACTORS]
    if unknown:
        ap.error(f"unknown source(s) {unknown}; known: {', '.join(EXTRACTORS)}")
    status = 0
    for n in names:
        try:
            counts = importlib.import_module(EXTRACTORS[n]).extract()
        except ExtractError as e:
            print(f"{n}: error: {e}", file=sys.stderr)
            status = 1
            continue
        for out, c in counts.items():
            print(f"{n}\t{out}\t{c}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
