#!/usr/bin/env python3
"""Validates the PHI gold corpus and prints its statistics (standard library only).

Usage:
  python3 scripts/eval/check_phi.py [--gold corpora/phi] [--json]

Checks: every file parses (markers, PHI types, ID kinds, no span across a line break); file names
follow NNN-<kind>-<us|au>.txt with numbers unique across splits; every ID with a check digit
(kind=medicare, ihi, hpii, hpio, tfn, abn, provider, npi, dea; mbi and ssn by structure) is
valid; no annotated string of 3+ characters (NAME, ID, PHONE_OR_FAX, EMAIL, URL, IP_ADDRESS,
ADDRESS, ORGANIZATION) also occurs unannotated in the same note (forgotten repeats). Exits 1 on
any problem. Reports notes per split, region and kind, spans per type, ID kinds, professions.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import phi_gold as P  # noqa: E402
import phi_ids  # noqa: E402
from gold import GoldError  # noqa: E402

REPEAT_TYPES = ("NAME", "ID", "PHONE_OR_FAX", "EMAIL", "URL", "IP_ADDRESS", "ADDRESS", "ORGANIZATION")


def unannotated_repeats(note):
    covered = [(s.begin, s.end) for s in note.spans]
    out = []
    for text in sorted({s.text for s in note.spans if s.type in REPEAT_TYPES and len(s.text) >= 3}):
        for m in re.finditer(r"(?<![0-9A-Za-z])" + re.escape(text) + r"(?![0-9A-Za-z])", note.text):
            if not any(b < m.end() and m.start() < e for b, e in covered):
                out.append((text, m.start()))
    return out


def check(gold_dir: str):
    problems, notes = [], []
    numbers = collections.Counter()
    for sp in ("dev", "test"):
        d = os.path.join(gold_dir, sp)
        if not os.path.isdir(d):
            problems.append(f"missing split directory {sp}/")
            continue
        for fn in sorted(os.listdir(d)):
            if not fn.endswith(".txt"):
                continue
            m = P.FILE_NAME.match(fn)
            if not m:
                problems.append(f"{sp}/{fn}: bad file name")
                continue
            numbers[m.group(1)] += 1
            try:
                notes.append(P.load_file(os.path.join(d, fn)))
            except GoldError as e:
                problems.append(str(e))
    problems += [f"number {n} used {c} times" for n, c in numbers.items() if c > 1]
    for n in notes:
        for s in n.spans:
            if s.type == "ID" and s.kind in phi_ids.VALIDATORS and not phi_ids.VALIDATORS[s.kind](s.text):
                problems.append(f"{n.name}: invalid {s.kind} at {s.begin}")
        for text, at in unannotated_repeats(n):
            problems.append(f"{n.name}: annotated string also unannotated at {at} ({len(text)} chars)")
        if "[[" in n.text or "]]" in n.text:
            problems.append(f"{n.name}: marker residue")
    return notes, problems


def stats(notes) -> dict:
    c = collections.Counter
    st = {
        "notes": len(notes),
        "split": dict(c(n.split for n in notes)),
        "region": dict(c(n.region for n in notes)),
        "split_region": dict(c(f"{n.split}/{n.region}" for n in notes)),
        "kind": dict(sorted(c(n.kind for n in notes).items())),
        "spans": sum(len(n.spans) for n in notes),
        "spans_per_type": {t: sum(1 for n in notes for s in n.spans if s.type == t) for t in P.PHI_TYPES},
        "spans_per_split_type": {sp: {t: sum(1 for n in notes if n.split == sp for s in n.spans if s.type == t)
                                      for t in P.PHI_TYPES} for sp in ("dev", "test")},
        "id_kinds": dict(sorted(c(s.kind or "unlabelled" for n in notes for s in n.spans if s.type == "ID").items())),
        "distinct_professions": len({s.text.lower() for n in notes for s in n.spans if s.type == "PROFESSION"}),
        "checked_ids": sum(1 for n in notes for s in n.spans if s.type == "ID" and s.kind in phi_ids.VALIDATORS),
        "characters": sum(len(n.text) for n in notes),
    }
    return st


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=P.default_gold_dir())
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    notes, problems = check(args.gold)
    st = stats(notes)
    if args.json:
        json.dump({"stats": st, "problems": problems}, sys.stdout, indent=1, sort_keys=True)
        print()
    else:
        for p in problems:
            print("PROBLEM", p)
        for k, v in st.items():
            print(f"{k}: {v}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
