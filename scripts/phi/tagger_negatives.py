#!/usr/bin/env python3
"""Writes hard negatives for the learned PHI tagger: notes in the entity gold format (corpora/gold FORMAT:
`[[surface|TYPE]]`) whose marked spans are capitalised clinical names of our own lexicons (brand and generic drug
names, eponymous conditions, procedures and tests of lexicons/data/concepts/*.tsv) set in invented clinical frames.
`medtext train-phi-tagger --negatives` learns O inside the marked spans only (nothing elsewhere), so the tagger sees
drug brands and eponyms (`Tussionex`, `Stickler syndrome`, `Kirschner wire fixation`) in the places real reports put
them. Deterministic: sorted terms, frames chosen by the term's position, so the output is the same on every run.
  python3 scripts/phi/tagger_negatives.py --out DIR [--per-note 40]
"""
from __future__ import annotations

import argparse
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CONCEPTS = os.path.join(HERE, "..", "..", "lexicons", "data", "concepts")

# Invented frames (ours), one clinical line each; {x} is the term.
FRAMES = {
    "BRAND_NAME": ["Started {x} 20 mg daily.", "Continue {x} as prescribed.", "She takes {x} at night for the pain.",
                   "Allergy: {x} (rash).", "{x} was ceased on admission.", "Medications: {x} and paracetamol.",
                   "He was given {x} in the emergency department.", "Switched from {x} to the generic."],
    "GENERIC_NAME": ["Commenced {x} this morning.", "{x} withheld before the procedure.", "On {x} since March.",
                     "Discharge medications include {x}.", "Reaction to {x} documented."],
    "DX_NAME": ["History of {x}.", "Diagnosed with {x} two years ago.", "Impression: {x}.", "{x} - stable on review.",
                "No evidence of {x}.", "Family history of {x} in her mother.", "Known {x}, followed by the clinic."],
    "PROCEDURE_NAME": ["{x} was performed without complication.", "Plan: {x} next week.", "Status post {x}.",
                       "Consented for {x}.", "Underwent {x} in 2019."],
    "TEST_NAME": ["{x} was normal.", "{x} ordered today.", "Results: {x} pending.", "Repeat {x} in six weeks.",
                  "{x} showed no change."],
    "TREATMENT_NAME": ["Continue {x}.", "Referred for {x}.", "{x} completed last month."],
}
FILES = ("brands.tsv", "medications.tsv", "conditions.tsv", "procedures.tsv", "tests.tsv")


def capitalised(term: str) -> bool:
    """A term with a word that starts with a capital and has a lower-case letter (the words the tagger's gate scores)."""
    return any(w[:1].isupper() and any(c.islower() for c in w) for w in term.replace("-", " ").split())


def terms() -> list:
    out = set()
    for name in FILES:
        with open(os.path.join(CONCEPTS, name), encoding="utf-8") as f:
            for row in csv.reader((l for l in f if not l.startswith("#")), delimiter="\t"):
                if len(row) < 3 or row[0] == "id" or row[1] not in FRAMES:
                    continue
                for t in [row[2]] + (row[3].split("|") if len(row) > 3 and row[3] else []):
                    t = t.strip()
                    if t and "[" not in t and "|" not in t and capitalised(t):
                        out.add((row[1], t))
    return sorted(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="directory to write lexneg-NNN.txt notes into")
    ap.add_argument("--per-note", type=int, default=40, help="terms per note")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    ts = terms()
    for k in range(0, len(ts), args.per_note):
        lines = []
        for i, (typ, t) in enumerate(ts[k:k + args.per_note], start=k):
            frames = FRAMES[typ]
            lines.append(frames[i % len(frames)].replace("{x}", f"[[{t}|{typ}]]"))
        with open(os.path.join(args.out, f"lexneg-{k // args.per_note + 1:04d}.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    print(f"{len(ts)} terms in {(len(ts) + args.per_note - 1) // args.per_note} notes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
