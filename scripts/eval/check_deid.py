#!/usr/bin/env python3
"""Proves that no gold PHI string survives de-identification (standard library only).

Usage:
  python3 scripts/eval/check_deid.py [--gold corpora/phi] --deid OUT_DIR [--split dev|test|all]
                                     [--ignore-case] [--json] [--quiet]

OUT_DIR holds the de-identified plain text of every gold note with the same name
(OUT_DIR/<split>/<name>.txt or OUT_DIR/<name>.txt), e.g. from
  medtext deid --mode redact /tmp/phi-plain/dev/001-letter-au.txt > OUT_DIR/dev/001-letter-au.txt

For every distinct gold PHI string of a note, counts its whole-token occurrences in the output
(an edge digit must not touch another digit, an edge letter another letter: `67` is found in
`67M`, `Jo` is not found in `John`). The same string may legitimately occur in the
original note outside every PHI span (an age `67` that is also a heart rate `HR 67`); those
occurrences are allowed. A string is a LEAK when the output holds more occurrences than the
original has outside PHI spans. Missing output files are failures. Exits 1 on any leak or
missing file, 0 otherwise. Leaks are listed with note, type and string (the corpus is fictional).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import phi_gold as P  # noqa: E402


def _guard(ch: str, behind: bool) -> str:
    """A string edge that is a digit must not touch another digit, a letter edge another letter
    (so the age in `67M` and the date in `on 3/4` are found, but `Jo` is not found in `John`)."""
    cls = "0-9" if ch.isdigit() else "A-Za-z" if ch.isalpha() else ""
    if not cls:
        return ""
    return f"(?<![{cls}])" if behind else f"(?![{cls}])"


def occurrences(s: str, text: str, ignore_case: bool):
    pat = re.compile(_guard(s[0], True) + re.escape(s) + _guard(s[-1], False), re.I if ignore_case else 0)
    return [(m.start(), m.end()) for m in pat.finditer(text)]


def note_leaks(note, output: str, ignore_case: bool = False) -> list:
    """Returns [{"type", "text", "in_output", "allowed"}] for every gold string that leaked."""
    covered = [(s.begin, s.end) for s in note.spans]
    seen, leaks = {}, []
    for s in note.spans:
        key = s.text.lower() if ignore_case else s.text
        if key in seen:
            continue
        seen[key] = True
        allowed = sum(1 for b, e in occurrences(s.text, note.text, ignore_case)
                      if not any(b < ce and cb < e for cb, ce in covered))
        n = len(occurrences(s.text, output, ignore_case))
        if n > allowed:
            leaks.append({"type": s.type, "text": s.text, "in_output": n, "allowed": allowed})
    return leaks


def find_output(out_dir: str, note) -> str | None:
    for p in (os.path.join(out_dir, note.split, note.name + ".txt"), os.path.join(out_dir, note.name + ".txt")):
        if os.path.isfile(p):
            return p
    return None


def check(notes, out_dir: str, ignore_case: bool = False) -> dict:
    res = {"notes": len(notes), "gold_strings": 0, "leaks": {}, "missing_outputs": []}
    for n in notes:
        res["gold_strings"] += len({(s.text.lower() if ignore_case else s.text) for s in n.spans})
        p = find_output(out_dir, n)
        if p is None:
            res["missing_outputs"].append(n.name)
            continue
        with open(p, encoding="utf-8") as f:
            leaks = note_leaks(n, f.read(), ignore_case)
        if leaks:
            res["leaks"][n.name] = leaks
    res["leaked_strings"] = sum(len(v) for v in res["leaks"].values())
    res["ok"] = not res["leaks"] and not res["missing_outputs"]
    return res


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=P.default_gold_dir())
    ap.add_argument("--deid", required=True, help="directory of de-identified plain texts")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="all")
    ap.add_argument("--ignore-case", action="store_true", help="also count case variants as leaks")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--quiet", action="store_true", help="summary line only")
    args = ap.parse_args(argv)
    notes = P.load_dir(args.gold)
    if args.split != "all":
        notes = [n for n in notes if n.split == args.split]
    res = check(notes, args.deid, args.ignore_case)
    if args.json:
        json.dump(res, sys.stdout, indent=1, sort_keys=True)
        print()
    else:
        if not args.quiet:
            for name, leaks in sorted(res["leaks"].items()):
                for lk in leaks:
                    print(f"LEAK {name} {lk['type']:14s} {lk['text']!r} (output {lk['in_output']}, "
                          f"allowed {lk['allowed']})")
            for name in res["missing_outputs"]:
                print(f"MISSING {name}")
        print(f"{res['notes']} notes, {res['gold_strings']} distinct gold PHI strings: "
              f"{res['leaked_strings']} leaked, {len(res['missing_outputs'])} outputs missing"
              f" -> {'OK' if res['ok'] else 'FAIL'}")
    return 0 if res["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
