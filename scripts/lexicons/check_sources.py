#!/usr/bin/env python3
"""Checks over the extracted files (lexicons/data/sources, lexicons/data/phi). Standard library only.

    python3 scripts/lexicons/check_sources.py        # plain run: prints problems, exit 1 if any
    python3 -m pytest scripts/lexicons/check_sources.py   # the same checks as pytest tests

Every SNOMED CT id passes the Verhoeff check digit and partition (codecheck.snomed_ok), every HPO
id has its form, concept files follow the common format (lexicons/README.md) with unique ids,
rows are sorted (deterministic output), the ICD-10-CM XML matches its pinned SHA-256, the HL7
CodeSystems hold the expected number of concepts, and the PHI lists are clean lower-case words.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from codecheck import snomed_ok  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "..", "lexicons", "data"))
SRC = os.path.join(DATA, "sources")
PHI = os.path.join(DATA, "phi")
HEADER = ["id", "type", "preferred", "synonyms", "codes", "attributes"]
TYPES = {"DX_NAME", "GENERIC_NAME", "BRAND_NAME", "SYSTEM_ORGAN_SITE", "TEST_NAME", "PROCEDURE_NAME",
         "TREATMENT_NAME", "ROUTE_OR_MODE", "DIRECTION"}
TAGS = {"abbr", "lay", "misspelling", "au", "us", "cs"}
CONCEPT_FILES = {"snomed-dicom.tsv": "dicom:", "hpo.tsv": "hpo:"}
ICD_SHA256 = "f161f8182aff3ce3a2a78e202f8259c08eaee2c670a9e45b0072445c52302935"


def _rows(path):
    header, rows = None, []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if "\r" in line:
                raise AssertionError(f"{path}:{n}: CR in line")
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if header is None:
                header = cols
            else:
                rows.append((n, cols))
    return header, rows


def check_concept_file(name: str, prefix: str) -> list[str]:
    path = os.path.join(SRC, name)
    if not os.path.exists(path):
        return [f"{path}: missing (run scripts/lexicons/extract_all.sh)"]
    problems = []
    header, rows = _rows(path)
    if header != HEADER:
        return [f"{path}: header {header} is not {HEADER}"]
    ids = set()
    previous = None
    for n, r in rows:
        where = f"{path}:{n}"
        if len(r) != 6:
            problems.append(f"{where}: {len(r)} fields")
            continue
        cid, typ, preferred, synonyms, codes, _attrs = r
        if previous is not None and r < previous:
            problems.append(f"{where}: rows not sorted")
        previous = r
        if not re.fullmatch(re.escape(prefix) + r"[a-z0-9_]+", cid):
            problems.append(f"{where}: bad id {cid}")
        if cid in ids:
            problems.append(f"{where}: duplicate id {cid}")
        ids.add(cid)
        if typ not in TYPES:
            problems.append(f"{where}: unknown type {typ}")
        if not preferred.strip():
            problems.append(f"{where}: empty preferred term")
        seen = {preferred.lower()}
        for syn in filter(None, synonyms.split("|")):
            term, _, tags = syn.partition("#")
            if not term.strip() or term.lower() in seen:
                problems.append(f"{where}: empty or repeated synonym")
            seen.add(term.lower())
            if tags and not set(tags.split(",")) <= TAGS:
                problems.append(f"{where}: unknown tag in {tags}")
        if not codes:
            problems.append(f"{where}: no codes")
        for item in filter(None, codes.split("|")):
            system, _, code = item.partition(":")
            if system == "SNOMED" and not snomed_ok(code):
                problems.append(f"{where}: invalid SNOMED CT id {code}")
            elif system == "HPO" and not re.fullmatch(r"HP:[0-9]{7}", code):
                problems.append(f"{where}: invalid HPO id {code}")
            elif system not in ("SNOMED", "HPO"):
                problems.append(f"{where}: unexpected code system {system}")
    if not rows:
        problems.append(f"{path}: no rows")
    return problems


def check_icd10cm() -> list[str]:
    path = os.path.join(SRC, "icd10cm", "icd10cm-tabular-2026-04.xml")
    if not os.path.exists(path):
        return [f"{path}: missing"]
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    with open(os.path.join(SRC, "icd10cm", "SHA256SUMS"), encoding="utf-8") as f:
        listed = f.read().split()[0]
    if h.hexdigest() != ICD_SHA256 or listed != ICD_SHA256:
        return [f"{path}: SHA-256 {h.hexdigest()} (SHA256SUMS {listed}) is not the pinned {ICD_SHA256}"]
    return []


def check_hl7() -> list[str]:
    expected = {"CodeSystem-v3-RouteOfAdministration.json": 386, "CodeSystem-v3-orderableDrugForm.json": 161,
                "CodeSystem-v3-GTSAbbreviation.json": 44, "CodeSystem-v3-TimingEvent.json": 18,
                "CodeSystem-event-timing.json": 12}

    def count(cs):
        return sum(1 + count(c.get("concept", [])) for c in cs)

    problems = []
    for name, n in expected.items():
        path = os.path.join(SRC, "hl7", name)
        if not os.path.exists(path):
            problems.append(f"{path}: missing")
            continue
        with open(path, encoding="utf-8") as f:
            res = json.load(f)
        if res.get("resourceType") != "CodeSystem" or count(res.get("concept", [])) != n:
            problems.append(f"{path}: not a CodeSystem with {n} concepts")
    return problems


def check_phi() -> list[str]:
    problems = []
    word = re.compile(r"[a-z][a-z'\-]*[a-z]")
    lists = {}
    for name in ("philter-first-names.txt", "philter-last-names.txt", "philter-whitelist.txt"):
        path = os.path.join(PHI, name)
        if not os.path.exists(path):
            problems.append(f"{path}: missing")
            continue
        with open(path, encoding="utf-8") as f:
            items = [line.rstrip("\n") for line in f if not line.startswith("#")]
        if items != sorted(set(items)):
            problems.append(f"{path}: not sorted and unique")
        bad = [x for x in items if not word.fullmatch(x)]
        if bad:
            problems.append(f"{path}: {len(bad)} entries are not lower-case words")
        lists[name] = set(items)
    for kind, census_file in (("first", "census-first-names.tsv"), ("last", "census-last-names.tsv")):
        path = os.path.join(PHI, census_file)
        if not os.path.exists(path):
            problems.append(f"{path}: missing")
            continue
        _h, rows = _rows(path)
        names = {r[0] for _n, r in rows}
        overlap = names & lists.get(f"philter-{kind}-names.txt", set())
        if overlap:
            problems.append(f"philter-{kind}-names.txt repeats {len(overlap)} census names")
    return problems


def all_problems() -> list[str]:
    out = []
    for name, prefix in CONCEPT_FILES.items():
        out += check_concept_file(name, prefix)
    return out + check_icd10cm() + check_hl7() + check_phi()


# pytest entry points
def test_concept_files():
    problems = []
    for name, prefix in CONCEPT_FILES.items():
        problems += check_concept_file(name, prefix)
    assert problems == []


def test_icd10cm_sha256():
    assert check_icd10cm() == []


def test_hl7_codesystems():
    assert check_hl7() == []


def test_phi_lists():
    assert check_phi() == []


def test_checker_rejects_bad_snomed_id():
    assert snomed_ok("25064002")       # headache
    assert not snomed_ok("25064003")   # wrong check digit
    assert not snomed_ok("115347700")  # bad partition (left out of snomed-dicom.tsv)


if __name__ == "__main__":
    problems = all_problems()
    for p in problems:
        print(p)
    print(f"check_sources: {len(problems)} problem(s)")
    sys.exit(1 if problems else 0)
