#!/usr/bin/env python3
"""Validates the gold corpus and prints its statistics.

Usage:
  /work/venv-lex/bin/python scripts/eval/check_gold.py [--gold corpora/gold] [--json]

Checks every file parses (markers, ids, of= and for= targets, DX kinds), that file names follow
NNN-<kind>-<us|au>.txt with unique numbers, that relation links stay within one line (a time and
the entity it dates; a medication and the indication written after it in its own line or sig),
and, when simple-icd-10-cm is importable, that every icd= code is a valid ICD-10-CM code
(April 2026 table). Exits 1 on any problem.
Reports counts per split, kind and region, entities per category and type, traits,
attributes, relation links per split and coded diagnoses. Never prints note text.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gold as G  # noqa: E402


def unannotated_repeats(note):
    """Occurrences (whole words, any case) of an annotated entity surface outside every marker."""
    import re
    covered = [(e.begin, e.end) for e in note.entities]
    covered += [(a.begin, a.end) for e in note.entities for a in e.attributes]
    covered += [(a.begin, a.end) for a in note.unmapped]
    surfaces = {e.text.lower() for e in note.entities if len(e.text) >= 3}
    low = note.text.lower()
    out = []
    for s in sorted(surfaces):
        for m in re.finditer(r"(?<![\w-])" + re.escape(s) + r"(?![\w-])", low):
            if not any(b < m.end() and m.start() < e for b, e in covered):
                out.append((s, m.start()))
    return out


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=os.path.normpath(os.path.join(here, "..", "..", "corpora", "gold")))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--warn", action="store_true",
                    help="also list unannotated repeats of annotated words (annotator aid; prints note words)")
    args = ap.parse_args(argv)
    try:
        import simple_icd_10_cm as cm  # type: ignore
    except ImportError:
        cm = None
    problems, notes, numbers = [], [], {}
    for sp in ("dev", "test"):
        d = os.path.join(args.gold, sp)
        if not os.path.isdir(d):
            continue
        for fn in sorted(os.listdir(d)):
            if not fn.endswith(".txt"):
                continue
            m = G.FILE_NAME.match(fn)
            if not m:
                problems.append(f"{sp}/{fn}: name does not follow NNN-<kind>-<us|au>.txt")
            elif m.group(1) in numbers:
                problems.append(f"{sp}/{fn}: number {m.group(1)} also used by {numbers[m.group(1)]}")
            else:
                numbers[m.group(1)] = fn
            try:
                n = G.load_file(os.path.join(d, fn))
            except G.GoldError as e:
                problems.append(str(e))
                continue
            if "[[" in n.text or "]]" in n.text:
                problems.append(f"{sp}/{fn}: plain text contains '[[' or ']]'")
            for e in n.entities:
                if n.text[e.begin:e.end] != e.text:
                    problems.append(f"{sp}/{fn}: offset bug at {e.begin}")
                if e.icd and "DIAGNOSIS" not in e.traits:
                    problems.append(f"{sp}/{fn}: icd= on a DX_NAME without DIAGNOSIS at {e.begin}")
                if e.icd and cm is not None and not cm.is_valid_item(e.icd):
                    problems.append(f"{sp}/{fn}: invalid ICD-10-CM code {e.icd} at {e.begin}")
                if e.icd and cm is not None and cm.is_valid_item(e.icd) and not cm.is_leaf(e.icd):
                    problems.append(f"{sp}/{fn}: ICD-10-CM code {e.icd} at {e.begin} is not billable (not a leaf)")
            for kind, owner, b, e, linked in G.links(n):
                if "\n" in n.text[min(owner.begin, b):max(owner.end, e)]:
                    problems.append(f"{sp}/{fn}: {kind} link at {b} crosses a line break")
                if kind == "FOR" and b < owner.begin:
                    problems.append(f"{sp}/{fn}: FOR link at {b}: the indication precedes its medication")
            notes.append(n)
            if args.warn:
                for w in unannotated_repeats(n):
                    print(f"warning: {sp}/{fn}: unannotated '{w[0]}' at {w[1]}")
    ent_cat, ent_type, traits, attrs = (collections.Counter() for _ in range(4))
    splits, kinds, regions = (collections.Counter() for _ in range(3))
    coded = 0
    chars = 0
    links = collections.Counter()
    for n in notes:
        for kind, *_ in G.links(n):
            links[(n.split, kind)] += 1
        splits[n.split] += 1
        kinds[n.kind] += 1
        regions[(n.split, n.region)] += 1
        chars += len(n.text)
        for e in n.entities:
            ent_cat[e.category] += 1
            ent_type[e.type] += 1
            for t in e.traits:
                traits[t] += 1
            for a in e.attributes:
                attrs[a.type] += 1
            coded += 1 if e.icd else 0
        for a in n.unmapped:
            attrs[a.type + " (unmapped)"] += 1
    stats = {"notes": len(notes), "characters": chars, "splits": dict(splits), "kinds": dict(kinds),
             "regions": {f"{k[0]}/{k[1]}": v for k, v in sorted(regions.items())},
             "entities": sum(ent_cat.values()), "categories": dict(ent_cat), "types": dict(ent_type),
             "traits": dict(traits), "attributes": dict(attrs), "coded_diagnoses": coded,
             "links": {f"{k[0]}/{k[1]}": v for k, v in sorted(links.items())},
             "icd_checked": cm is not None, "problems": problems}
    if args.json:
        print(json.dumps(stats, indent=1, sort_keys=True))
    else:
        print(f"notes {len(notes)} ({chars} characters); splits {dict(splits)}")
        print(f"regions {stats['regions']}")
        print(f"kinds {dict(sorted(kinds.items()))}")
        print(f"entities {stats['entities']}")
        for title, c in (("category", ent_cat), ("type", ent_type), ("trait", traits), ("attribute", attrs)):
            print(f"  {title}: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
        print("relation links: " + ", ".join(f"{k} {v}" for k, v in stats["links"].items()))
        print(f"coded diagnoses {coded}; ICD codes checked: {cm is not None}")
        for p in problems:
            print("PROBLEM: " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
