"""Coverage of lexicons/data/concepts/conditions.tsv on the gold corpus (developer-time).

For every DX_NAME mention in the given gold split directories (corpora/gold/dev, .../test), checks
whether its surface text, normalised like build_conditions.norm (case-folded, hyphen/slash/comma
as space), equals a preferred term or synonym of a condition concept, or else an abbreviation
with a DX_NAME sense in abbreviations.tsv. Reports the match rate, how often the concept's
default class (SIGN/SYMPTOM/DIAGNOSIS) equals the gold trait, and how often the gold ICD-10-CM
code is among the concept's codes. Whole-mention string equality is a floor for what the
recognizer's longest-match lookup finds; it says nothing about context (negation, history).

Run: /work/venv-lex/bin/python scripts/lexicons/conditions_coverage.py corpora/gold/dev [corpora/gold/test]
     add --misses to list unmatched mentions (use it on dev only; test is held out).
"""
from __future__ import annotations

import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from build_conditions import norm  # noqa: E402

ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
MARK = re.compile(r"\[\[([^\]|]+)\|DX_NAME\|([^\]]*)\]\]")


def load_terms() -> dict[str, tuple[str, str, set[str]]]:
    terms: dict[str, tuple[str, str, set[str]]] = {}
    with open(os.path.join(ROOT, "lexicons", "data", "concepts", "conditions.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("id\t"):
                continue
            cid, _t, pref, syns, codes, attrs = line.rstrip("\n").split("\t")
            cls = attrs.split("class=")[1].split(";")[0]
            icd = {c[8:] for c in codes.split("|") if c.startswith("ICD10CM:")}
            for term in [pref] + [s.split("#")[0] for s in syns.split("|") if s]:
                terms.setdefault(norm(term), (cid, cls, icd))
    return terms


def load_abbreviations() -> set[str]:
    out: set[str] = set()
    path = os.path.join(ROOT, "lexicons", "data", "concepts", "abbreviations.tsv")
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("abbr\t"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 3 and cols[3] == "DX_NAME":
                out.add(norm(cols[0]))
    return out


def main(argv: list[str]) -> int:
    show_misses = "--misses" in argv
    dirs = [a for a in argv if not a.startswith("--")]
    terms, abbrs = load_terms(), load_abbreviations()
    for d in dirs:
        total = hit = abbr = cls_ok = icd_n = icd_ok = 0
        misses = []
        for path in sorted(glob.glob(os.path.join(d, "*.txt"))):
            with open(path, encoding="utf-8") as f:
                text = f.read()
            for m in MARK.finditer(text):
                surface, labels = m.group(1), m.group(2).split("|")
                gold_cls = next((l for l in labels if l in ("SIGN", "SYMPTOM", "DIAGNOSIS")), None)
                gold_icd = next((l[4:] for l in labels if l.startswith("icd=")), None)
                total += 1
                key = norm(surface)
                if key in terms:
                    hit += 1
                    _cid, cls, icd = terms[key]
                    cls_ok += cls == gold_cls
                    if gold_icd:
                        icd_n += 1
                        icd_ok += gold_icd in icd
                elif key in abbrs:
                    abbr += 1
                else:
                    misses.append(surface)
        if total == 0:
            print(f"{d}: no DX_NAME mentions")
            continue
        print(f"{d}: {total} DX_NAME mentions; condition terms {hit} ({hit / total:.1%}), "
              f"abbreviations {abbr} ({abbr / total:.1%}), together {(hit + abbr) / total:.1%}; "
              f"class agrees {cls_ok}/{hit}; gold ICD-10-CM among codes {icd_ok}/{icd_n}")
        if show_misses:
            for s in misses:
                print("  miss:", s)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
