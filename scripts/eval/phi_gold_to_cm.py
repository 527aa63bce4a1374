#!/usr/bin/env python3
"""Converts PHI gold notes to Comprehend Medical DetectPHI JSON (standard library only).

Usage:
  python3 scripts/eval/phi_gold_to_cm.py [--gold corpora/phi] --out DIR [--plain-dir DIR]
                                         [--alias ORGANIZATION=ADDRESS ...]

Writes DIR/<split>/<name>.json for every gold note: {"Entities": [...], "ModelVersion": "gold"},
each entity with Id, BeginOffset, EndOffset (code points), Score 1.0, Text,
Category PROTECTED_HEALTH_INFORMATION, Type and empty Traits. With --plain-dir also writes the
plain note text (<split>/<name>.txt), which is what medtext detect-phi / deid should be run on.
Scoring this output against the gold gives 1.0 everywhere.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import phi_gold as P  # noqa: E402


def note_to_cm(note, aliases=None) -> dict:
    aliases = aliases or {}
    ents = []
    for i, s in enumerate(sorted(note.spans, key=lambda s: (s.begin, s.end))):
        ents.append({"Id": i, "BeginOffset": s.begin, "EndOffset": s.end, "Score": 1.0, "Text": s.text,
                     "Category": P.CATEGORY, "Type": aliases.get(s.type, s.type), "Traits": []})
    return {"Entities": ents, "ModelVersion": "gold"}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=P.default_gold_dir())
    ap.add_argument("--out", required=True)
    ap.add_argument("--plain-dir", help="also write the plain note texts here")
    ap.add_argument("--alias", action="append", metavar="GOLD=PRED", help="write gold type GOLD as PRED")
    args = ap.parse_args(argv)
    aliases = dict(a.split("=", 1) for a in args.alias or [])
    notes = P.load_dir(args.gold)
    for n in notes:
        d = os.path.join(args.out, n.split)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, n.name + ".json"), "w", encoding="utf-8") as f:
            json.dump(note_to_cm(n, aliases), f, indent=1, ensure_ascii=False)
            f.write("\n")
        if args.plain_dir:
            p = os.path.join(args.plain_dir, n.split)
            os.makedirs(p, exist_ok=True)
            with open(os.path.join(p, n.name + ".txt"), "w", encoding="utf-8") as f:
                f.write(n.text)
    print(f"wrote {len(notes)} notes to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
