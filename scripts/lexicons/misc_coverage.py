"""Coverage of the curated anatomy, direction, test, procedure and signature lexicons on the gold corpus.

For every gold mention of type SYSTEM_ORGAN_SITE, DIRECTION, TEST_NAME, PROCEDURE_NAME,
TREATMENT_NAME (lexicons/data/concepts/{anatomy,directions,tests,procedures}.tsv, plus the
abbreviation senses of those types in abbreviations.tsv) and ROUTE_OR_MODE, FORM, FREQUENCY,
DURATION (lexicons/data/sig/routes.tsv, forms.tsv, frequencies.tsv, with the `{n}`/`{m}` pattern
rows compiled to regular expressions), checks whether the whole surface text equals a term of
the right file (case-folded, unless the term is tagged `cs`; hyphens and slashes read as spaces;
a trailing period dropped). Whole-mention equality is a floor for what a longest-match lookup
finds, not a recognizer score.

Run: python3 scripts/lexicons/misc_coverage.py corpora/gold/dev [corpora/gold/test]
     --misses lists unmatched dev mentions (never use it on test: the test split is held out).
"""
from __future__ import annotations

import glob
import os
import re
import sys

from lexcommon import read_tsv

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DATA = os.path.join(ROOT, "lexicons", "data")
MARK = re.compile(r"\[\[([^\]|]+)\|([A-Z_]+)(?:\|[^\]]*)?\]\]")
CONCEPT_FILES = {
    "SYSTEM_ORGAN_SITE": ["concepts/anatomy.tsv"],
    "DIRECTION": ["concepts/directions.tsv"],
    "TEST_NAME": ["concepts/tests.tsv"],
    "PROCEDURE_NAME": ["concepts/procedures.tsv"],
    "TREATMENT_NAME": ["concepts/procedures.tsv"],
}
SIG_FILES = {
    "ROUTE_OR_MODE": ["sig/routes.tsv"],
    "FORM": ["sig/forms.tsv"],
    "FREQUENCY": ["sig/frequencies.tsv"],
    "DURATION": ["sig/frequencies.tsv"],
}


def norm(s: str) -> str:
    s = s.casefold().strip().rstrip(".")
    s = re.sub(r"[-/]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


class Lexicon:
    def __init__(self):
        self.folded: set[str] = set()
        self.exact: set[str] = set()
        self.patterns: list[re.Pattern] = []

    def add(self, item: str):
        term, _, tags = item.partition("#")
        if not term:
            return
        if "{n}" in term:
            rx = re.escape(norm(term)).replace(r"\{n\}", r"\d+(?:\.\d+)?").replace(r"\{m\}", r"\d+(?:\.\d+)?")
            self.patterns.append(re.compile(rx + r"$"))
        elif "cs" in tags.split(","):
            self.exact.add(term.strip())
        else:
            self.folded.add(norm(term))

    def has(self, surface: str) -> bool:
        n = norm(surface)
        return surface.strip() in self.exact or n in self.folded or any(p.match(n) for p in self.patterns)


def build() -> dict[str, Lexicon]:
    lex: dict[str, Lexicon] = {}
    for etype, files in CONCEPT_FILES.items():
        lx = lex.setdefault(etype, Lexicon())
        for rel in files:
            for row in read_tsv(os.path.join(DATA, rel)):
                if etype in ("PROCEDURE_NAME", "TREATMENT_NAME") and row["type"] not in ("PROCEDURE_NAME", "TREATMENT_NAME"):
                    continue
                lx.add(row["preferred"])
                for s in filter(None, row["synonyms"].split("|")):
                    lx.add(s)
    abbr = os.path.join(DATA, "concepts", "abbreviations.tsv")
    if os.path.exists(abbr):
        for row in read_tsv(abbr):
            t = row.get("type", "")
            if t in lex:
                lex[t].add(row["abbr"] + ("#cs" if row.get("case") == "exact" else ""))
    for etype, files in SIG_FILES.items():
        lx = lex.setdefault(etype, Lexicon())
        for rel in files:
            for row in read_tsv(os.path.join(DATA, rel)):
                if "preferred" in row:
                    lx.add(row["preferred"])
                for s in filter(None, row["terms"].split("|")):
                    lx.add(s)
    return lex


def main(argv):
    misses = "--misses" in argv
    dirs = [a for a in argv if not a.startswith("--")]
    lex = build()
    for d in dirs:
        counts: dict[str, list[int]] = {}
        missed: dict[str, list[str]] = {}
        for path in sorted(glob.glob(os.path.join(d, "*.txt"))):
            text = open(path, encoding="utf-8").read()
            for m in MARK.finditer(text):
                surface, etype = m.group(1), m.group(2)
                if etype not in lex:
                    continue
                c = counts.setdefault(etype, [0, 0])
                c[1] += 1
                if lex[etype].has(surface):
                    c[0] += 1
                else:
                    missed.setdefault(etype, []).append(surface)
        total = [sum(v[0] for v in counts.values()), sum(v[1] for v in counts.values())]
        print(f"{d}: {total[0]}/{total[1]} mentions matched ({100 * total[0] / max(total[1], 1):.1f}%)")
        for etype, (hit, n) in sorted(counts.items()):
            print(f"  {etype:18} {hit:4}/{n:<4} {100 * hit / max(n, 1):5.1f}%")
        if misses and os.path.basename(os.path.normpath(d)) != "test":
            for etype, items in sorted(missed.items()):
                print(f"  missed {etype}: " + "; ".join(sorted(set(items), key=str.casefold)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
