#!/usr/bin/env python3
"""Scores medtext (Comprehend Medical DetectEntitiesV2 JSON) output against the gold corpus.

Usage:
  python3 scripts/eval/score.py [--gold corpora/gold] --pred OUT_DIR [--icd-dir ICD_DIR]
                                [--split dev|test|all] [--json] [--details]

OUT_DIR holds one <note-name>.json per gold note (either OUT_DIR/<name>.json or
OUT_DIR/<split>/<name>.json). A missing output file counts as an empty result.
Standard library only. See corpora/gold/FORMAT.md for the scoring rules.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gold as G  # noqa: E402

MODES = ("relaxed", "strict")
TYPE_ALIASES = {"TEST_UNITS": "TEST_UNIT"}


# ---------------------------------------------------------------- system output

class SysAttr:
    __slots__ = ("type", "begin", "end")

    def __init__(self, typ, begin, end):
        self.type, self.begin, self.end = typ, begin, end


class SysEntity:
    __slots__ = ("category", "type", "begin", "end", "traits", "attributes", "icd", "links")

    def __init__(self, category, typ, begin, end, traits, attributes, icd, links=()):
        self.category, self.type, self.begin, self.end = category, typ, begin, end
        self.traits, self.attributes, self.icd = traits, attributes, icd
        self.links = list(links)  # SysAttr whose type is a link kind (TIME_TO, FOR)


def norm_type(t: str) -> str:
    if t.startswith("TIME_TO_"):
        return "TIME_EXPRESSION"
    return TYPE_ALIASES.get(t, t)


def _attr(a: dict):
    t = norm_type(a.get("Type", ""))
    if t not in G.ATTRIBUTE_TYPES:
        return None  # attribute types we do not annotate (QUALITY, TIME_TO_*, ...) are ignored
    return SysAttr(t, int(a["BeginOffset"]), int(a["EndOffset"]))


def link_kind(a: dict):
    """The relation kind an attribute expresses: TIME_TO (Type TIME_TO_*), FOR (RelationshipType FOR), else None."""
    if a.get("Type", "").startswith("TIME_TO_"):
        return "TIME_TO"
    if a.get("RelationshipType") == "FOR":
        return "FOR"
    return None


def _links(e: dict):
    out = []
    for a in e.get("Attributes", []) or []:
        kind = link_kind(a)
        if kind is not None:
            out.append(SysAttr(kind, int(a["BeginOffset"]), int(a["EndOffset"])))
    return out


def _first_code(e: dict):
    concepts = e.get("ICD10CMConcepts") or []
    if concepts and concepts[0].get("Code"):
        return concepts[0]["Code"]
    return None


def load_prediction(data: dict):
    """Returns (entities, unmapped attributes). PHI and unknown categories are dropped."""
    ents, unmapped = [], []
    for e in data.get("Entities", []):
        cat = e.get("Category", "")
        if cat not in G.CATEGORIES:
            continue
        attrs = [a for a in (_attr(x) for x in e.get("Attributes", []) or []) if a is not None]
        traits = {t["Name"] for t in e.get("Traits", []) or [] if "Name" in t}
        ents.append(SysEntity(cat, norm_type(e.get("Type", "")), int(e["BeginOffset"]), int(e["EndOffset"]),
                              traits, attrs, _first_code(e), _links(e)))
    for u in data.get("UnmappedAttributes", []) or []:
        a = u.get("Attribute", u)
        sa = _attr(a)
        if sa is not None:
            unmapped.append(sa)
    return ents, unmapped


def find_output(pred_dir: str, note) -> str | None:
    for p in (os.path.join(pred_dir, note.split, note.name + ".json"), os.path.join(pred_dir, note.name + ".json")):
        if os.path.isfile(p):
            return p
    return None


# ---------------------------------------------------------------- matching

def overlap(a, b) -> int:
    return min(a.end, b.end) - max(a.begin, b.begin)


def align(golds, syss, mode, same=lambda g, s: True):
    """One-to-one greedy alignment. strict: identical spans; relaxed: overlapping spans.
    Exact matches are preferred, then larger overlaps. Returns list of (gold index, sys index)."""
    cands = []
    for i, g in enumerate(golds):
        for j, s in enumerate(syss):
            if not same(g, s):
                continue
            exact = g.begin == s.begin and g.end == s.end
            if mode == "strict":
                if exact:
                    cands.append((0, 0, i, j))
            else:
                ov = overlap(g, s)
                if ov > 0 or exact:
                    cands.append((0 if exact else 1, -ov, i, j))
    cands.sort()
    used_g, used_s, pairs = set(), set(), []
    for _, _, i, j in cands:
        if i in used_g or j in used_s:
            continue
        used_g.add(i)
        used_s.add(j)
        pairs.append((i, j))
    return pairs


class Counts:
    __slots__ = ("tp", "gold", "sys")

    def __init__(self):
        self.tp = self.gold = self.sys = 0

    def add(self, tp, gold, sys_):
        self.tp += tp
        self.gold += gold
        self.sys += sys_

    def as_dict(self):
        p = self.tp / self.sys if self.sys else (1.0 if self.gold == 0 else 0.0)
        r = self.tp / self.gold if self.gold else (1.0 if self.sys == 0 else 0.0)
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"tp": self.tp, "fp": self.sys - self.tp, "fn": self.gold - self.tp, "gold": self.gold,
                "predicted": self.sys, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


class Tally:
    def __init__(self):
        self.groups = {}  # (section, key) -> Counts

    def add(self, section, key, tp, gold, sys_):
        self.groups.setdefault((section, key), Counts()).add(tp, gold, sys_)

    def as_dict(self):
        out = {}
        for (section, key), c in sorted(self.groups.items()):
            if c.gold or c.sys:
                out.setdefault(section, {})[key] = c.as_dict()
        return out


def norm_code(c):
    return c.replace(".", "").strip().upper() if c else None


def score_note(note, ents, unmapped, tallies, icd_stats, icd_ents=None):
    """Adds one note's counts to tallies[mode] and icd_stats."""
    gold_ents = note.entities
    # A system top-level entity whose type and exact span equal a gold attribute (e.g. an anatomy
    # attribute of a condition that the system also lists as ANATOMY) is neither right nor wrong.
    attr_spans = {(a.type, a.begin, a.end) for e in gold_ents for a in e.attributes}
    attr_spans |= {(a.type, a.begin, a.end) for a in note.unmapped}
    ent_spans = {(e.type, e.begin, e.end) for e in gold_ents}
    ents = [s for s in ents if (s.type, s.begin, s.end) not in attr_spans or (s.type, s.begin, s.end) in ent_spans]

    for mode in MODES:
        t = tallies[mode]
        # categories
        pairs = align(gold_ents, ents, mode, lambda g, s: g.category == s.category)
        for cat in G.CATEGORIES:
            tp = sum(1 for i, _ in pairs if gold_ents[i].category == cat)
            t.add("category", cat, tp, sum(1 for g in gold_ents if g.category == cat),
                  sum(1 for s in ents if s.category == cat))
        t.add("category", "ALL", len(pairs), len(gold_ents), len(ents))
        # types
        tpairs = align(gold_ents, ents, mode, lambda g, s: g.type == s.type)
        types = {g.type for g in gold_ents} | {s.type for s in ents}
        for typ in types:
            tp = sum(1 for i, _ in tpairs if gold_ents[i].type == typ)
            t.add("type", typ, tp, sum(1 for g in gold_ents if g.type == typ), sum(1 for s in ents if s.type == typ))
        # traits (end to end: the entity must be found in the right category and carry the trait)
        for tr in G.TRAITS:
            tp = sum(1 for i, j in pairs if tr in gold_ents[i].traits and tr in ents[j].traits)
            t.add("trait", tr, tp, sum(1 for g in gold_ents if tr in g.traits), sum(1 for s in ents if tr in s.traits))
        # traits given a matched entity: accuracy of the trait decision on found entities
        for tr in G.TRAITS:
            relevant = [(i, j) for i, j in pairs if tr in gold_ents[i].traits or tr in ents[j].traits]
            if relevant:
                tp = sum(1 for i, j in relevant if tr in gold_ents[i].traits and tr in ents[j].traits)
                t.add("trait_on_matched", tr, tp, sum(1 for i, _ in relevant if tr in gold_ents[i].traits),
                      sum(1 for _, j in relevant if tr in ents[j].traits))
        # attributes: the span must match AND the attribute must hang on the system entity
        # aligned with the gold owner (category alignment of the same mode).
        atp = {}
        for i, j in pairs:
            g, s = gold_ents[i], ents[j]
            apairs = align(g.attributes, s.attributes, mode, lambda a, b: a.type == b.type)
            for ai, _ in apairs:
                atp[g.attributes[ai].type] = atp.get(g.attributes[ai].type, 0) + 1
        upairs = align(note.unmapped, unmapped, mode, lambda a, b: a.type == b.type)
        for ai, _ in upairs:
            atp[note.unmapped[ai].type] = atp.get(note.unmapped[ai].type, 0) + 1
        gold_attrs = [a for g in gold_ents for a in g.attributes] + list(note.unmapped)
        sys_attrs = [a for s in ents for a in s.attributes] + list(unmapped)
        for typ in G.ATTRIBUTE_TYPES:
            ng = sum(1 for a in gold_attrs if a.type == typ)
            ns = sum(1 for a in sys_attrs if a.type == typ)
            t.add("attribute", typ, atp.get(typ, 0), ng, ns)
        for label, members in (("MEDICATION (all)", G.MED_ATTRS), ("ALL", tuple(G.ATTRIBUTE_TYPES))):
            t.add("attribute", label, sum(atp.get(x, 0) for x in members),
                  sum(1 for a in gold_attrs if a.type in members), sum(1 for a in sys_attrs if a.type in members))
        # relations: a gold link is found when the system entity aligned with the gold owner (category
        # alignment of the same mode) carries a link of the same kind whose span matches the linked
        # time (TIME_TO) or condition (FOR) span.
        gold_links = G.links(note)
        aligned = {id(gold_ents[i]): ents[j] for i, j in pairs}
        for kind in G.LINK_KINDS:
            mine = [(owner, G.Attribute(kind, b, e, "", None)) for k, owner, b, e, _ in gold_links if k == kind]
            tp = 0
            by_owner = {}
            for owner, link in mine:
                by_owner.setdefault(id(owner), (owner, []))[1].append(link)
            for owner, glinks in by_owner.values():
                s = aligned.get(id(owner))
                if s is not None:
                    tp += len(align(glinks, [x for x in s.links if x.type == kind], mode))
            t.add("relation", f"{kind} (link)", tp, len(mine), sum(1 for s in ents for x in s.links if x.type == kind))

    # ICD-10-CM top-1 on gold-coded diagnoses
    coded = [g for g in gold_ents if g.icd]
    if not coded:
        return
    source = icd_ents if icd_ents is not None else ents
    cands = [s for s in source if s.category == "MEDICAL_CONDITION"]
    pairs = align(coded, cands, "relaxed")
    matched = dict(pairs)
    for i, g in enumerate(coded):
        icd_stats["coded"] += 1
        j = matched.get(i)
        code = cands[j].icd if j is not None else None
        if j is not None:
            icd_stats["found"] += 1
        if code:
            icd_stats["with_code"] += 1
        if code and norm_code(code) == norm_code(g.icd):
            icd_stats["exact"] += 1
        if code and norm_code(code)[:3] == norm_code(g.icd)[:3]:
            icd_stats["category3"] += 1


def new_icd_stats():
    return {"coded": 0, "found": 0, "with_code": 0, "exact": 0, "category3": 0}


def icd_summary(s):
    n = s["coded"]
    return dict(s, top1_accuracy=round(s["exact"] / n, 4) if n else None,
                category3_accuracy=round(s["category3"] / n, 4) if n else None)


def evaluate(notes, pred_dir, icd_dir=None):
    """Returns a JSON-able dict of results per split ('dev', 'test', 'all')."""
    results = {}
    groups = {"all": notes}
    for sp in ("dev", "test"):
        sel = [n for n in notes if n.split == sp]
        if sel:
            groups[sp] = sel
    missing = []
    loaded = {}
    for n in notes:
        p = find_output(pred_dir, n)
        if p is None:
            missing.append(n.name)
            loaded[n.name] = ([], [], None)
            continue
        with open(p, encoding="utf-8") as f:
            ents, unm = load_prediction(json.load(f))
        icd_ents = None
        if icd_dir:
            q = find_output(icd_dir, n)
            icd_ents = []
            if q is not None:
                with open(q, encoding="utf-8") as f:
                    icd_ents, _ = load_prediction(json.load(f))
        loaded[n.name] = (ents, unm, icd_ents)
    for key, sel in groups.items():
        tallies = {m: Tally() for m in MODES}
        icd = new_icd_stats()
        for n in sel:
            ents, unm, icd_ents = loaded[n.name]
            score_note(n, ents, unm, tallies, icd, icd_ents)
        results[key] = {"notes": len(sel), **{m: tallies[m].as_dict() for m in MODES}, "icd10cm": icd_summary(icd)}
    return {"results": results, "missing_outputs": missing}


# ---------------------------------------------------------------- printing

SECTION_TITLES = (("category", "Category"), ("type", "Entity type"), ("trait", "Trait (entity found + trait)"),
                  ("trait_on_matched", "Trait on matched entities"), ("attribute", "Attribute (span + right entity)"),
                  ("relation", "Relation (link on right entity)"))


def print_report(res, splits, out=None):
    out = out if out is not None else sys.stdout
    for sp in splits:
        r = res["results"].get(sp)
        if r is None:
            continue
        print(f"=== split: {sp} ({r['notes']} notes) ===", file=out)
        for section, title in SECTION_TITLES:
            rel = r["relaxed"].get(section, {})
            st = r["strict"].get(section, {})
            keys = list(dict.fromkeys(list(rel) + list(st)))
            if not keys:
                continue
            print(f"\n{title:34s} {'gold':>5s} {'pred':>5s} | {'relaxed P':>9s} {'R':>6s} {'F1':>6s} |"
                  f" {'strict P':>8s} {'R':>6s} {'F1':>6s}", file=out)
            for k in keys:
                a, b = rel.get(k), st.get(k)
                base = a or b
                ra = f"{a['precision']:9.3f} {a['recall']:6.3f} {a['f1']:6.3f}" if a else f"{'-':>9s} {'-':>6s} {'-':>6s}"
                sb = f"{b['precision']:8.3f} {b['recall']:6.3f} {b['f1']:6.3f}" if b else f"{'-':>8s} {'-':>6s} {'-':>6s}"
                print(f"  {k:32s} {base['gold']:5d} {base['predicted']:5d} | {ra} | {sb}", file=out)
        icd = r["icd10cm"]
        if icd["coded"]:
            print(f"\nICD-10-CM top-1 on {icd['coded']} gold-coded diagnoses: accuracy {icd['top1_accuracy']:.3f}"
                  f" (3-char category {icd['category3_accuracy']:.3f}; entity found {icd['found']},"
                  f" with a code {icd['with_code']})", file=out)
        print("", file=out)
    if res["missing_outputs"]:
        print(f"warning: {len(res['missing_outputs'])} gold notes had no output file (scored as empty)", file=out)


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    default_gold = os.path.normpath(os.path.join(here, "..", "..", "corpora", "gold"))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=default_gold, help="gold directory (with dev/ and test/)")
    ap.add_argument("--pred", required=True, help="directory of DetectEntitiesV2 JSON outputs")
    ap.add_argument("--icd-dir", help="directory of InferICD10CM JSON outputs (default: codes in --pred)")
    ap.add_argument("--split", choices=("dev", "test", "all", "each"), default="each",
                    help="which split(s) to print (default: dev, test and all)")
    ap.add_argument("--json", action="store_true", help="print machine-readable JSON")
    args = ap.parse_args(argv)
    notes = G.load_dir(args.gold)
    if args.split in ("dev", "test"):
        notes = [n for n in notes if n.split == args.split]
    res = evaluate(notes, args.pred, args.icd_dir)
    if args.json:
        json.dump(res, sys.stdout, indent=1, sort_keys=True)
        print()
    else:
        splits = ["dev", "test", "all"] if args.split in ("each", "all") else [args.split]
        if args.split == "all":
            splits = ["all"]
        print_report(res, splits)
    return 0


if __name__ == "__main__":
    sys.exit(main())
