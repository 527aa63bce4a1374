"""Code-validity checks shared by the lexicon scripts and curators.

Usage as a library:
    from codecheck import verhoeff_ok, snomed_ok, loinc_ok, icd10cm_exists, icd10cm_billable, rxcui_ok, unii_ok
Usage as a command (checks every codes column of the given concept TSV files):
    python scripts/lexicons/codecheck.py lexicons/data/concepts/*.tsv

ICD-10-CM existence uses the pinned `simple-icd-10-cm` package (April 2026 tabular). SNOMED CT
ids are checked for form (Verhoeff check digit, partition); when ../shared/reference is present,
`snomed_gps_fsn` gives the GPS fully specified name for a meaning check (developer-time only).
"""
from __future__ import annotations

import os
import re
import sys

from lexcommon import numbered_tsv

_D = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]
_P = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]


def verhoeff_ok(num: str) -> bool:
    c = 0
    for i, ch in enumerate(reversed(num)):
        c = _D[c][_P[i % 8][int(ch)]]
    return c == 0


def snomed_ok(sctid: str) -> bool:
    """Form check: 6-18 digits, no leading zero, partition 00/01/02/10/11/12, Verhoeff digit."""
    if not re.fullmatch(r"[1-9][0-9]{5,17}", sctid):
        return False
    if sctid[-3:-1] not in ("00", "01", "02", "10", "11", "12"):
        return False
    return verhoeff_ok(sctid)


def loinc_ok(code: str) -> bool:
    """LOINC form: digits, hyphen, mod-10 check digit."""
    m = re.fullmatch(r"([0-9]{1,7})-([0-9])", code)
    if not m:
        return False
    digits = m.group(1)
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d = d // 10 + d % 10
        total += d
    return (10 - total % 10) % 10 == int(m.group(2))


def rxcui_ok(code: str) -> bool:
    return re.fullmatch(r"[1-9][0-9]{0,8}", code) is not None


def unii_ok(code: str) -> bool:
    return re.fullmatch(r"[0-9A-Z]{10}", code) is not None


_icd = None


def _icd_mod():
    global _icd
    if _icd is None:
        import simple_icd_10_cm as cm  # pinned: simple-icd-10-cm==1.5.0
        _icd = cm
    return _icd


def icd10cm_exists(code: str) -> bool:
    """A code (category, subcategory or code), not a chapter or a block. A few three-character
    categories are also one-category blocks in the tabular (B20, F99, P84, R99, Z66, ...): they
    are codes, and billable."""
    cm = _icd_mod()
    if not cm.is_valid_item(code) or cm.is_chapter(code):
        return False
    return not cm.is_block(code) or cm.is_category(code)


def icd10cm_billable(code: str) -> bool:
    cm = _icd_mod()
    return cm.is_valid_item(code) and cm.is_leaf(code)


def icd10cm_title(code: str) -> str:
    return _icd_mod().get_description(code)


_gps = None


def snomed_gps_fsn(sctid: str) -> str | None:
    """FSN from ../shared/reference/snomed-gps-2020.tsv, for checking meaning (None if absent)."""
    global _gps
    if _gps is None:
        _gps = {}
        here = os.path.dirname(os.path.abspath(__file__))
        path = os.path.normpath(os.path.join(here, "..", "..", "..", "shared", "reference", "snomed-gps-2020.tsv"))
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                next(f)
                for line in f:
                    cid, fsn, _tag = line.rstrip("\n").split("\t")
                    _gps[cid] = fsn
    return _gps.get(sctid)


CHECKS = {
    "SNOMED": snomed_ok,
    "ICD10CM": lambda c: icd10cm_exists(c),
    "LOINC": loinc_ok,
    "RXNORM": rxcui_ok,
    "UNII": unii_ok,
}


def check_file(path: str) -> list[str]:
    problems = []
    for lineno, row in numbered_tsv(path):
        for item in filter(None, row.get("codes", "").split("|")):
            system, _, code = item.partition(":")
            check = CHECKS.get(system)
            if check is None:
                continue
            if not check(code):
                problems.append(f"{path}:{lineno}: invalid {system} code {code}")
    return problems


if __name__ == "__main__":
    all_problems = []
    for p in sys.argv[1:]:
        all_problems += check_file(p)
    print("\n".join(all_problems) if all_problems else "all codes valid")
    sys.exit(1 if all_problems else 0)
