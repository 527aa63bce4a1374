#!/usr/bin/env python3
"""Converts gold notes to Comprehend Medical DetectEntitiesV2 JSON (standard library only).

Usage:
  python3 scripts/eval/gold_to_cm.py [--gold corpora/gold] --out DIR [--plain-dir DIR]

Writes DIR/<split>/<name>.json for every gold note (scores 1.0; gold ICD-10-CM codes as
ICD10CMConcepts; relation links as Comprehend Medical does: a linked TIME_EXPRESSION has Type
TIME_TO_<owner type> and its owner an attribute of that Type with RelationshipType OVERLAP; a
medication's indication is a DX_NAME attribute of the medication with RelationshipType FOR). With --plain-dir also writes the plain note text (<name>.txt), which is
what medtext should be run on. Scoring this output against the gold gives 1.0 everywhere.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gold as G  # noqa: E402


def note_to_cm(note) -> dict:
    next_id = 0

    def new_id():
        nonlocal next_id
        next_id += 1
        return next_id - 1

    by_id = {e.id: e for e in note.entities if e.id}

    def attr_json(a):
        return {"Type": a.type, "Score": 1.0, "RelationshipScore": 1.0, "RelationshipType": a.type,
                "Id": new_id(), "BeginOffset": a.begin, "EndOffset": a.end, "Text": a.text,
                "Category": G.ATTRIBUTE_TYPES[a.type], "Traits": []}

    def link_json(kind, owner, linked):
        # TIME_TO: the timed entity carries the time (Type TIME_TO_<owner type>, RelationshipType OVERLAP).
        # FOR: the medication carries its indication (Type DX_NAME, RelationshipType FOR).
        if kind == "TIME_TO":
            typ, rel = "TIME_TO_" + G.TIME_TARGETS[owner.type], "OVERLAP"
        else:
            typ, rel = linked.type, "FOR"
        return {"Type": typ, "Score": 1.0, "RelationshipScore": 1.0, "RelationshipType": rel,
                "Id": new_id(), "BeginOffset": linked.begin, "EndOffset": linked.end, "Text": linked.text,
                "Category": linked.category,
                "Traits": [{"Name": t, "Score": 1.0} for t in sorted(linked.traits)]}

    owned_links = {}
    for kind, owner, _, _, linked in G.links(note):
        owned_links.setdefault(id(owner), []).append((kind, linked))

    entities = []
    for e in sorted(note.entities, key=lambda e: (e.begin, e.end)):
        typ = e.type
        if typ == "TIME_EXPRESSION" and e.time_of and e.time_of in by_id:
            typ = "TIME_TO_" + G.TIME_TARGETS[by_id[e.time_of].type]
        ent = {"Id": new_id(), "BeginOffset": e.begin, "EndOffset": e.end, "Score": 1.0, "Text": e.text,
               "Category": e.category, "Type": typ,
               "Traits": [{"Name": t, "Score": 1.0} for t in sorted(e.traits)]}
        attrs = [(a.begin, a.end, attr_json(a)) for a in e.attributes]
        attrs += [(x.begin, x.end, link_json(k, e, x)) for k, x in owned_links.get(id(e), [])]
        if attrs:
            ent["Attributes"] = [a for _, _, a in sorted(attrs, key=lambda t: (t[0], t[1]))]
        if e.icd:
            ent["ICD10CMConcepts"] = [{"Code": e.icd, "Description": "", "Score": 1.0}]
        entities.append(ent)
    unmapped = [{"Type": G.ATTRIBUTE_TYPES[a.type], "Attribute": attr_json(a)}
                for a in sorted(note.unmapped, key=lambda a: (a.begin, a.end))]
    return {"Entities": entities, "UnmappedAttributes": unmapped, "ModelVersion": "gold"}


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=os.path.normpath(os.path.join(here, "..", "..", "corpora", "gold")))
    ap.add_argument("--out", required=True)
    ap.add_argument("--plain-dir", help="also write the plain note texts here")
    args = ap.parse_args(argv)
    notes = G.load_dir(args.gold)
    for n in notes:
        d = os.path.join(args.out, n.split)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, n.name + ".json"), "w", encoding="utf-8") as f:
            json.dump(note_to_cm(n), f, indent=1, ensure_ascii=False)
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
