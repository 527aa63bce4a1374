#!/usr/bin/env python3
"""Counts over lexicons/data: per file, per code system, per semantic class.

    python3 scripts/lexicons/report.py                 # all of lexicons/data
    python3 scripts/lexicons/report.py --data DIR      # another lexicons/data folder
    python3 scripts/lexicons/report.py --coverage corpora/   # + gold-mention coverage (see HOOK below)

Walks every file under the data folder, so curated files added later are counted without
changing this script; files in EXPECTED that do not exist yet are listed as missing, never an
error. Concept files are recognised by their header (`id type preferred synonyms codes
attributes`, lexicons/README.md). Standard library only.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

from lexcommon import tsv_lines

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.normpath(os.path.join(HERE, "..", "..", "lexicons", "data"))
CONCEPT_HEADER = ["id", "type", "preferred", "synonyms", "codes", "attributes"]

# Files the issue asks for (lexicons/README.md); reported as missing until someone adds them.
EXPECTED = [
    "concepts/conditions.tsv", "concepts/medications.tsv", "concepts/brands.tsv", "concepts/anatomy.tsv",
    "concepts/tests.tsv", "concepts/procedures.tsv", "concepts/abbreviations.tsv",
    "sources/icd10cm/icd10cm-tabular-2026-04.xml", "sources/snomed-dicom.tsv", "sources/hpo.tsv",
    "sources/hl7/hl7-codes.tsv", "sources/medspacy/context_rules.tsv", "sources/medspacy/section_patterns.tsv",
    "sources/medspacy/negspacy_termsets.tsv", "phi/census-first-names.tsv", "phi/census-last-names.tsv",
    "phi/philter-whitelist.txt",
]


def read_tsv(path: str):
    """(header, rows) of a TSV with `#` comments; rows are lists of fields."""
    lines = [cols for _, cols in tsv_lines(path)]
    return (lines[0], lines[1:]) if lines else ([], [])


def split_terms(field: str) -> list[str]:
    return [t.split("#", 1)[0] for t in field.split("|") if t]


def attrs(field: str) -> dict[str, str]:
    out = {}
    for kv in filter(None, field.split(";")):
        k, _, v = kv.partition("=")
        out[k.strip()] = v.strip()
    return out


class Report:
    def __init__(self):
        self.files = []  # (relpath, kind, rows, terms, coded rows)
        self.systems = collections.Counter()           # system -> code occurrences
        self.distinct = collections.defaultdict(set)   # system -> distinct codes
        self.classes = collections.Counter()           # (file, type, class) -> rows
        self.terms: dict[str, set[str]] = collections.defaultdict(set)  # normalized term -> types
        self.other = collections.Counter()             # (file, column, value) for small category columns

    def concept_file(self, rel: str, header, rows):
        idx = {h: i for i, h in enumerate(header)}
        nterms = coded = 0
        for r in rows:
            r = r + [""] * (len(header) - len(r))
            typ = r[idx["type"]]
            names = [r[idx["preferred"]]] + split_terms(r[idx["synonyms"]])
            nterms += len(names)
            for n in names:
                self.terms[normalize(n)].add(typ)
            codes = [c for c in r[idx["codes"]].split("|") if c]
            if codes:
                coded += 1
            for c in codes:
                system, _, code = c.partition(":")
                self.systems[system] += 1
                self.distinct[system].add(code)
            a = attrs(r[idx["attributes"]])
            cls = a.get("class") or a.get("kind") or ""
            self.classes[(rel, typ, cls)] += 1
        self.files.append((rel, "concepts", len(rows), nterms, coded))

    def other_tsv(self, rel: str, header, rows):
        self.files.append((rel, "table", len(rows), "", ""))
        for col in ("category", "set", "list", "kind", "country", "sex"):
            if col in header:
                i = header.index(col)
                for r in rows:
                    if i < len(r):
                        self.other[(rel, col, r[i])] += 1

    def add(self, data: str, path: str):
        rel = os.path.relpath(path, data)
        if path.endswith(".tsv"):
            header, rows = read_tsv(path)
            if header[:len(CONCEPT_HEADER)] == CONCEPT_HEADER:
                self.concept_file(rel, header, rows)
            else:
                self.other_tsv(rel, header, rows)
        elif path.endswith(".txt"):
            with open(path, encoding="utf-8") as f:
                n = sum(1 for line in f if line.strip() and not line.startswith("#"))
            self.files.append((rel, "list", n, "", ""))
        elif path.endswith(".json"):
            with open(path, encoding="utf-8") as f:
                res = json.load(f)
            n = count_concepts(res.get("concept", [])) if res.get("resourceType") == "CodeSystem" else ""
            if res.get("resourceType") == "ValueSet":
                n = sum(len(inc.get("concept", [])) for inc in res.get("compose", {}).get("include", []))
            self.files.append((rel, res.get("resourceType", "json"), n, "", ""))
        elif path.endswith(".xml") and "icd10cm" in rel:
            diags, leaves = icd10cm_counts(path)
            self.files.append((rel, "ICD-10-CM XML", diags, "", leaves))
            self.systems["ICD10CM (tabular XML)"] += diags
        else:
            self.files.append((rel, "other", "", "", ""))


def count_concepts(concepts) -> int:
    return sum(1 + count_concepts(c.get("concept", [])) for c in concepts)


def icd10cm_counts(path: str) -> tuple[int, int]:
    """(<diag> elements, <diag> elements without child <diag>) of a CDC tabular XML."""
    diags = leaves = 0
    depth_children = []
    for event, el in ET.iterparse(path, events=("start", "end")):
        if el.tag != "diag":
            continue
        if event == "start":
            if depth_children:
                depth_children[-1] = True
            depth_children.append(False)
        else:
            diags += 1
            if not depth_children.pop():
                leaves += 1
            el.clear()
    return diags, leaves


def normalize(term: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", term.lower()))


# ---------------------------------------------------------------------------------------------
# HOOK: coverage on gold corpora (issue 4 §4). Not wired to a gold format yet: corpora/ has no
# gold annotations at the time of writing. load_gold_mentions() reads Comprehend-Medical-style
# JSON (`{"Entities": [{"Category": ..., "Text": ...}]}`) files named *.gold.json under the
# corpus folder; change it when the gold format is fixed. coverage() itself is complete.
# ---------------------------------------------------------------------------------------------
def load_gold_mentions(corpus_dir: str) -> list[tuple[str, str]]:
    out = []
    for root, _dirs, files in os.walk(corpus_dir):
        for fn in sorted(files):
            if fn.endswith(".gold.json"):
                with open(os.path.join(root, fn), encoding="utf-8") as f:
                    doc = json.load(f)
                for e in doc.get("Entities", []):
                    out.append((e.get("Category", ""), e.get("Text", "")))
    return out


def coverage(mentions: list[tuple[str, str]], terms: dict[str, set[str]]) -> dict[str, tuple[int, int]]:
    """Per gold category: (mentions whose normalized text is a lexicon term, all mentions).
    Counts only; no mention text is printed."""
    out: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for cat, text in mentions:
        out[cat][1] += 1
        if normalize(text) in terms:
            out[cat][0] += 1
    return {k: (v[0], v[1]) for k, v in sorted(out.items())}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=DEFAULT_DATA, help="lexicons/data folder (default: this repository's)")
    ap.add_argument("--coverage", metavar="CORPUS_DIR", help="also report gold-mention coverage (HOOK, see source)")
    args = ap.parse_args(argv)

    rep = Report()
    if os.path.isdir(args.data):
        for root, dirs, files in os.walk(args.data):
            dirs.sort()
            for fn in sorted(files):
                if fn.startswith("LICENSE") or fn == "SHA256SUMS":
                    continue
                rep.add(args.data, os.path.join(root, fn))

    print("## Files\n")
    print("| file | kind | rows | terms | coded rows / ICD leaves |")
    print("|---|---|---:|---:|---:|")
    for rel, kind, rows, nterms, coded in rep.files:
        print(f"| {rel} | {kind} | {rows} | {nterms} | {coded} |")
    present = {f[0] for f in rep.files}
    missing = [e for e in EXPECTED if e not in present]
    if missing:
        print("\nNot present yet: " + ", ".join(missing))

    print("\n## Codes per system (concept files; ICD-10-CM XML counted separately)\n")
    print("| system | occurrences | distinct |")
    print("|---|---:|---:|")
    for system, n in sorted(rep.systems.items()):
        print(f"| {system} | {n} | {len(rep.distinct.get(system, ())) or ''} |")

    print("\n## Concepts per semantic class\n")
    print("| file | type | class/kind | rows |")
    print("|---|---|---|---:|")
    for (rel, typ, cls), n in sorted(rep.classes.items()):
        print(f"| {rel} | {typ} | {cls} | {n} |")
    by_type = collections.Counter()
    for (_rel, typ, _cls), n in rep.classes.items():
        by_type[typ] += n
    print("\nTotal concepts per type: " + ", ".join(f"{t} {n}" for t, n in sorted(by_type.items())))
    print(f"Distinct normalized terms over all concept files: {len(rep.terms)}")

    if rep.other:
        print("\n## Other tables by category column\n")
        print("| file | column | value | rows |")
        print("|---|---|---|---:|")
        for (rel, col, val), n in sorted(rep.other.items()):
            if col in ("country", "sex") or len([k for k in rep.other if k[0] == rel and k[1] == col]) <= 30:
                print(f"| {rel} | {col} | {val} | {n} |")

    if args.coverage:
        print("\n## Coverage of gold mentions (HOOK: see load_gold_mentions)\n")
        mentions = load_gold_mentions(args.coverage)
        if not mentions:
            print(f"No *.gold.json gold annotations under {args.coverage}: coverage not computed.")
        else:
            print("| category | matched | mentions | share |")
            print("|---|---:|---:|---:|")
            for cat, (hit, total) in coverage(mentions, rep.terms).items():
                print(f"| {cat} | {hit} | {total} | {hit / total:.1%} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
