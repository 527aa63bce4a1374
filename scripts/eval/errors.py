#!/usr/bin/env python3
"""Error analysis for the entity gold corpus: prints misses and false positives with context.

Usage (after `scripts/eval/evaluate.sh --keep DIR`):
  python3 scripts/eval/errors.py --pred DIR/pred [--icd-dir DIR/pred-icd] [--split dev]
                                 [--what trait:NEGATION | icd | medattr | category:MEDICAL_CONDITION
                                  | attr:DIRECTION | missed-negated] [--context 40]

`missed-negated` lists gold negated entities that no predicted entity of the same category overlaps
(with any overlapping entity of another category), the part of the NEGATION loss that is a missing
or mistyped entity rather than a missing trait.

It reads the same files as score.py and uses its alignment (relaxed), so every line printed is one
unit of the corresponding score's false negatives (FN) or false positives (FP). Output goes to the
terminal only: it shows note text, so never redirect it into the repository or a log.
Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gold as G  # noqa: E402
import score as S  # noqa: E402


def ctx(text: str, b: int, e: int, width: int) -> str:
    left = text[max(0, b - width):b].replace("\n", "⏎")
    right = text[e:e + width].replace("\n", "⏎")
    return f"{left}[{text[b:e]}]{right}"


def load(note, pred_dir, icd_dir):
    p = S.find_output(pred_dir, note)
    ents, unm = ([], [])
    if p:
        with open(p, encoding="utf-8") as f:
            ents, unm = S.load_prediction(json.load(f))
    icd_ents = None
    if icd_dir:
        q = S.find_output(icd_dir, note)
        icd_ents = []
        if q:
            with open(q, encoding="utf-8") as f:
                icd_ents, _ = S.load_prediction(json.load(f))
    # same filter as score_note: system entities equal to a gold attribute span are ignored
    attr_spans = {(a.type, a.begin, a.end) for e in note.entities for a in e.attributes}
    attr_spans |= {(a.type, a.begin, a.end) for a in note.unmapped}
    ent_spans = {(e.type, e.begin, e.end) for e in note.entities}
    ents = [s for s in ents if (s.type, s.begin, s.end) not in attr_spans or (s.type, s.begin, s.end) in ent_spans]
    return ents, unm, icd_ents


def report_trait(note, ents, trait, width, out):
    golds = note.entities
    pairs = S.align(golds, ents, "relaxed", lambda g, s: g.category == s.category)
    gi = {i: j for i, j in pairs}
    sj = {j: i for i, j in pairs}
    for i, g in enumerate(golds):
        if trait not in g.traits:
            continue
        j = gi.get(i)
        if j is None:
            out.append(f"FN-missing  {note.name}: {g.type} {ctx(note.text, g.begin, g.end, width)}")
        elif trait not in ents[j].traits:
            out.append(f"FN-trait    {note.name}: {g.type} {ctx(note.text, g.begin, g.end, width)}"
                       f"  sys={sorted(ents[j].traits)}")
    for j, s in enumerate(ents):
        if trait not in s.traits:
            continue
        i = sj.get(j)
        if i is None:
            out.append(f"FP-spurious {note.name}: {s.type} {ctx(note.text, s.begin, s.end, width)}")
        elif trait not in golds[i].traits:
            out.append(f"FP-trait    {note.name}: {s.type} {ctx(note.text, s.begin, s.end, width)}"
                       f"  gold={sorted(golds[i].traits)}")


def report_category(note, ents, cat, width, out):
    golds = [g for g in note.entities if g.category == cat]
    syss = [s for s in ents if s.category == cat]
    pairs = S.align(golds, syss, "relaxed")
    gi = {i for i, _ in pairs}
    sj = {j for _, j in pairs}
    for i, g in enumerate(golds):
        if i not in gi:
            out.append(f"FN {note.name}: {g.type} {ctx(note.text, g.begin, g.end, width)}")
    for j, s in enumerate(syss):
        if j not in sj:
            out.append(f"FP {note.name}: {s.type} {ctx(note.text, s.begin, s.end, width)}")


def report_attrs(note, ents, unm, types, width, out):
    golds = note.entities
    pairs = S.align(golds, ents, "relaxed", lambda g, s: g.category == s.category)
    owner_of = {}
    matched_sys = set()
    for i, j in pairs:
        g, s = golds[i], ents[j]
        matched_sys.add(j)
        ga = [a for a in g.attributes if a.type in types]
        sa = [a for a in s.attributes if a.type in types]
        ap = S.align(ga, sa, "relaxed", lambda a, b: a.type == b.type)
        gm = {x for x, _ in ap}
        sm = {y for _, y in ap}
        for x, a in enumerate(ga):
            if x not in gm:
                out.append(f"FN {note.name}: {a.type} of {g.text!r} {ctx(note.text, a.begin, a.end, width)}")
        for y, a in enumerate(sa):
            if y not in sm:
                out.append(f"FP {note.name}: {a.type} of {note.text[s.begin:s.end]!r} "
                           f"{ctx(note.text, a.begin, a.end, width)}")
        owner_of[i] = j
    for i, g in enumerate(golds):
        if i not in owner_of:
            for a in g.attributes:
                if a.type in types:
                    out.append(f"FN-owner-missing {note.name}: {a.type} of {g.text!r} "
                               f"{ctx(note.text, a.begin, a.end, width)}")
    for j, s in enumerate(ents):
        if j not in matched_sys:
            for a in s.attributes:
                if a.type in types:
                    out.append(f"FP-owner-spurious {note.name}: {a.type} of {note.text[s.begin:s.end]!r} "
                               f"{ctx(note.text, a.begin, a.end, width)}")
    gu = [a for a in note.unmapped if a.type in types]
    su = [a for a in unm if a.type in types]
    up = S.align(gu, su, "relaxed", lambda a, b: a.type == b.type)
    for x, a in enumerate(gu):
        if x not in {p for p, _ in up}:
            out.append(f"FN-unmapped {note.name}: {a.type} {ctx(note.text, a.begin, a.end, width)}")
    for y, a in enumerate(su):
        if y not in {q for _, q in up}:
            out.append(f"FP-unmapped {note.name}: {a.type} {ctx(note.text, a.begin, a.end, width)}")


def report_missed_negated(note, ents, width, out):
    """Gold negated entities that no predicted entity overlaps (any category): the negation
    could not be right because the thing itself was not found. `other=` lists predicted
    entities of another category overlapping it (found, but typed differently)."""
    for g in note.entities:
        if "NEGATION" not in g.traits:
            continue
        same = [s for s in ents if s.category == g.category and S.overlap(g, s) > 0]
        if same:
            continue
        other = [f"{s.category}/{s.type}" for s in ents if S.overlap(g, s) > 0]
        tag = f"  other={other}" if other else ""
        out.append(f"MISSED-NEG {note.name}: {g.category}/{g.type} "
                   f"{ctx(note.text, g.begin, g.end, width)}{tag}")


def report_icd(note, ents, icd_ents, width, out):
    coded = [g for g in note.entities if g.icd]
    source = icd_ents if icd_ents is not None else ents
    cands = [s for s in source if s.category == "MEDICAL_CONDITION"]
    matched = dict(S.align(coded, cands, "relaxed"))
    for i, g in enumerate(coded):
        j = matched.get(i)
        code = cands[j].icd if j is not None else None
        if code and S.norm_code(code) == S.norm_code(g.icd):
            continue
        what = "missing" if j is None else f"sys={code}"
        out.append(f"ICD {note.name}: gold={g.icd} {what} {ctx(note.text, g.begin, g.end, width)}")


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=os.path.normpath(os.path.join(here, "..", "..", "corpora", "gold")))
    ap.add_argument("--pred", required=True)
    ap.add_argument("--icd-dir")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--what", default="trait:NEGATION",
                    help="trait:NAME, category:NAME, attr:TYPE[,TYPE], medattr, icd or missed-negated")
    ap.add_argument("--context", type=int, default=40)
    args = ap.parse_args(argv)
    notes = G.load_dir(args.gold)
    if args.split != "all":
        notes = [n for n in notes if n.split == args.split]
    out: list = []
    for n in notes:
        ents, unm, icd_ents = load(n, args.pred, args.icd_dir)
        if args.what.startswith("trait:"):
            report_trait(n, ents, args.what[6:], args.context, out)
        elif args.what.startswith("category:"):
            report_category(n, ents, args.what[9:], args.context, out)
        elif args.what == "medattr":
            report_attrs(n, ents, unm, set(G.MED_ATTRS), args.context, out)
        elif args.what.startswith("attr:"):
            report_attrs(n, ents, unm, set(args.what[5:].split(",")), args.context, out)
        elif args.what == "missed-negated":
            report_missed_negated(n, ents, args.context, out)
        elif args.what == "icd":
            report_icd(n, ents, icd_ents, args.context, out)
        else:
            ap.error(f"unknown --what {args.what}")
    for line in out:
        print(line)
    print(f"{len(out)} lines", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
