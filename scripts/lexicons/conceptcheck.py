"""Structural and meaning checks for curated concept files (developer-time).

Usage:
    /work/venv-lex/bin/python scripts/lexicons/conceptcheck.py [--meanings] FILE.tsv ...

Checks, over all files given together:
- header row `id type preferred synonyms codes attributes`, six tab-separated columns per row;
- ids unique across files, lower-case `prefix:slug`;
- term tags are known (`abbr lay misspelling au us cs`);
- no term is claimed by two concepts (case-folded unless tagged `cs`);
- every code passes codecheck.py (Verhoeff + partition for SNOMED CT, mod-10 for LOINC, ...);
- where a source is at hand, each SNOMED CT id is looked up in the DICOM SNOMED freeset of the pinned
  pydicom (3.0.2) and in ../shared/reference/snomed-gps-2020.tsv, and each LOINC code in the DICOM LOINC
  set and ../shared/reference/synthea-codes.tsv. `--meanings` prints the source meaning next to our
  preferred term so a curator can confirm it; ids found in neither source are listed as "unconfirmed".

Exit status 1 when a structural problem or an invalid code is found (unconfirmed codes only warn).
"""
from __future__ import annotations

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import codecheck  # noqa: E402

HEADER = ["id", "type", "preferred", "synonyms", "codes", "attributes"]
TAGS = {"abbr", "lay", "misspelling", "au", "us", "cs"}
ID_RE = re.compile(r"[a-z]+:[a-z0-9_]+")


def _dicom():
    try:
        from pydicom.sr._concepts_dict import concepts  # pinned: pydicom==3.0.2
    except ImportError:
        return {}, {}
    out = {}
    for scheme, key in (("SCT", "SNOMED"), ("LN", "LOINC")):
        table = {}
        for _kw, entries in concepts.get(scheme, {}).items():
            for code, (meaning, _cids) in entries.items():
                table.setdefault(code, meaning)
        out[key] = table
    return out.get("SNOMED", {}), out.get("LOINC", {})


def _reference(name):
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.normpath(os.path.join(here, "..", "..", "..", "shared", "reference", name))


def _synthea_loinc():
    path = _reference("synthea-codes.tsv")
    table = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            next(f)
            for line in f:
                system, code, display = line.rstrip("\n").split("\t")
                if system == "LOINC" and display:
                    table.setdefault(code, display)
    return table


def main(argv):
    meanings = "--meanings" in argv
    # abbreviations.tsv has its own format (lexicons/README.md); check_curated.py checks it.
    files = [a for a in argv if not a.startswith("--") and os.path.basename(a) != "abbreviations.tsv"]
    problems, unconfirmed = [], []
    ids, owner = {}, {}
    dicom_sct, dicom_ln = _dicom()
    synthea_ln = _synthea_loinc()
    counts = {}
    for path in files:
        with open(path, encoding="utf-8") as f:
            header = None
            for lineno, line in enumerate(f, 1):
                if line.startswith("#") or not line.strip():
                    continue
                cols = line.rstrip("\n").split("\t")
                where = f"{path}:{lineno}"
                if header is None:
                    header = cols
                    if cols != HEADER:
                        problems.append(f"{where}: header is not {' '.join(HEADER)}")
                    continue
                if len(cols) != 6:
                    problems.append(f"{where}: {len(cols)} columns, want 6")
                    continue
                cid, _ctype, preferred, synonyms, codes, _attrs = cols
                if not ID_RE.fullmatch(cid):
                    problems.append(f"{where}: bad id {cid!r}")
                if cid in ids:
                    problems.append(f"{where}: id {cid} also at {ids[cid]}")
                ids[cid] = where
                terms = [(preferred, set())]
                for item in filter(None, synonyms.split("|")):
                    term, _, tagtext = item.partition("#")
                    tags = set(filter(None, tagtext.split(",")))
                    if tags - TAGS:
                        problems.append(f"{where}: unknown tag(s) {sorted(tags - TAGS)} on {term!r}")
                    terms.append((term, tags))
                for term, tags in terms:
                    if not term.strip() or term != term.strip():
                        problems.append(f"{where}: empty or padded term {term!r}")
                    key = term if "cs" in tags else term.casefold()
                    if key in owner and owner[key] != cid:
                        problems.append(f"{where}: term {term!r} also claimed by {owner[key]}")
                    owner.setdefault(key, cid)
                for item in filter(None, codes.split("|")):
                    system, _, code = item.partition(":")
                    counts[system] = counts.get(system, 0) + 1
                    check = codecheck.CHECKS.get(system)
                    if check is not None and not check(code):
                        problems.append(f"{where}: invalid {system} code {code}")
                        continue
                    if system == "SNOMED":
                        source = dicom_sct.get(code) or codecheck.snomed_gps_fsn(code)
                    elif system == "LOINC":
                        source = dicom_ln.get(code) or synthea_ln.get(code)
                    else:
                        continue
                    if source is None:
                        unconfirmed.append(f"{where}: {system}:{code} ({preferred}) not in DICOM or reference sets")
                    elif meanings:
                        print(f"{cid}\t{system}:{code}\t{preferred}\t=> {source}")
    for p in problems:
        print("PROBLEM", p)
    for u in unconfirmed:
        print("unconfirmed", u)
    print(f"{len(ids)} concepts, {len(owner)} distinct terms, codes: "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
