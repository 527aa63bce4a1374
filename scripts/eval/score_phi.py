#!/usr/bin/env python3
"""Scores medtext `detect-phi` output (Comprehend Medical DetectPHI JSON) against the PHI gold corpus.

Usage:
  python3 scripts/eval/score_phi.py [--gold corpora/phi] --pred OUT_DIR [--split dev|test|all|each]
                                    [--alias GOLD=PRED ...] [--json] [--details] [--regions]

OUT_DIR holds one <note-name>.json per gold note (OUT_DIR/<split>/<name>.json or OUT_DIR/<name>.json),
shaped {"Entities": [{"Id", "BeginOffset", "EndOffset", "Score", "Text", "Category", "Type", "Traits"}],
"ModelVersion"}, offsets in Unicode code points. Only entities of category PROTECTED_HEALTH_INFORMATION
(or without a category) are scored, so detect-entities output can be scored too. A missing file
counts as an empty result and is reported.

Rows: one per PHI type, ALL (type must match) and ANY TYPE (type-blind: what redaction needs).
strict = identical begin and end; relaxed = overlap of at least one code point. Matching is
one-to-one and greedy (exact spans first, then larger overlaps), as in score.py. --alias maps a
gold type before scoring, e.g. --alias ORGANIZATION=ADDRESS for a system that reports facilities
as ADDRESS the way Comprehend Medical does. --details prints per-note misses and false alarms for
the dev split only (the test split is held out). --regions adds rows for AU and US notes (results
"region:au" / "region:us" in --json, which always has them). Standard library only; rules in corpora/phi/FORMAT.md.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import phi_gold as P  # noqa: E402
from score import Counts, align  # noqa: E402

MODES = ("relaxed", "strict")
ANY = "ANY TYPE"

# Accuracy targets of issue #6 §3 (checked on relaxed figures of each split).
TARGETS = (("ALL", "precision", 0.90), ("ALL", "recall", 0.97), ("DATE", "recall", 0.99),
           ("PHONE_OR_FAX", "recall", 0.99), ("EMAIL", "recall", 0.99), ("URL", "recall", 0.99),
           ("ID", "recall", 0.99), ("NAME", "recall", 0.95))


class Pred:
    __slots__ = ("type", "begin", "end", "text")

    def __init__(self, typ, begin, end, text=""):
        self.type, self.begin, self.end, self.text = typ, begin, end, text


def load_prediction(data: dict) -> list:
    out = []
    for e in data.get("Entities", []) or []:
        cat = e.get("Category", P.CATEGORY)
        if cat != P.CATEGORY:
            continue
        out.append(Pred(e.get("Type", ""), int(e["BeginOffset"]), int(e["EndOffset"]), e.get("Text", "")))
    return out


def find_output(pred_dir: str, note) -> str | None:
    for p in (os.path.join(pred_dir, note.split, note.name + ".json"), os.path.join(pred_dir, note.name + ".json")):
        if os.path.isfile(p):
            return p
    return None


def gold_spans(note, aliases):
    return [Pred(aliases.get(s.type, s.type), s.begin, s.end, s.text) for s in note.spans]


def score_note(golds, preds, tallies, errors=None):
    for mode in MODES:
        t = tallies[mode]
        pairs = align(golds, preds, mode, lambda g, s: g.type == s.type)
        types = {g.type for g in golds} | {p.type for p in preds}
        for typ in types:
            tp = sum(1 for i, _ in pairs if golds[i].type == typ)
            t.setdefault(typ, Counts()).add(tp, sum(1 for g in golds if g.type == typ),
                                            sum(1 for p in preds if p.type == typ))
        t.setdefault("ALL", Counts()).add(len(pairs), len(golds), len(preds))
        blind = align(golds, preds, mode)
        t.setdefault(ANY, Counts()).add(len(blind), len(golds), len(preds))
        if errors is not None and mode == "relaxed":
            mg = {i for i, _ in pairs}
            mp = {j for _, j in pairs}
            errors.extend(("miss", g) for i, g in enumerate(golds) if i not in mg)
            errors.extend(("extra", p) for j, p in enumerate(preds) if j not in mp)


def evaluate(notes, pred_dir, aliases=None, details=False):
    """Returns a JSON-able dict: results per split ('dev', 'test', 'all'), missing outputs, dev errors."""
    aliases = aliases or {}
    groups = {"all": notes}
    for sp in ("dev", "test"):
        sel = [n for n in notes if n.split == sp]
        if sel:
            groups[sp] = sel
    for rg in ("au", "us"):  # all notes of one region (both splits)
        sel = [n for n in notes if n.region == rg]
        if sel:
            groups["region:" + rg] = sel
    missing, loaded = [], {}
    for n in notes:
        p = find_output(pred_dir, n)
        if p is None:
            missing.append(n.name)
            loaded[n.name] = []
            continue
        with open(p, encoding="utf-8") as f:
            loaded[n.name] = load_prediction(json.load(f))
    results = {}
    for key, sel in groups.items():
        tallies = {m: {} for m in MODES}
        for n in sel:
            score_note(gold_spans(n, aliases), loaded[n.name], tallies)
        res = {"notes": len(sel)}
        for m in MODES:
            res[m] = {k: c.as_dict() for k, c in sorted(tallies[m].items()) if c.gold or c.sys}
        res["targets"] = check_targets(res["relaxed"])
        results[key] = res
    out = {"results": results, "missing_outputs": missing}
    if details:
        errs = {}
        for n in notes:
            if n.split == "test":
                continue  # held out: never show per-note errors
            e = []
            score_note(gold_spans(n, aliases), loaded[n.name], {m: {} for m in MODES}, e)
            if e:
                errs[n.name] = [{"error": k, "type": s.type, "begin": s.begin, "end": s.end,
                                 "text": n.text[s.begin:s.end]} for k, s in sorted(e, key=lambda x: x[1].begin)]
        out["dev_errors"] = errs
    return out


def check_targets(rows: dict) -> list:
    out = []
    for key, metric, goal in TARGETS:
        row = rows.get(key)
        if row is None or row["gold"] == 0:
            continue
        out.append({"row": key, "metric": metric, "target": goal, "value": row[metric], "met": row[metric] >= goal})
    return out


def order(keys):
    rank = {t: i for i, t in enumerate(P.PHI_TYPES)}
    body = sorted((k for k in keys if k not in ("ALL", ANY)), key=lambda k: (rank.get(k, 99), k))
    return body + [k for k in ("ALL", ANY) if k in keys]


def print_report(res, splits, out=sys.stdout):
    for sp in splits:
        r = res["results"].get(sp)
        if r is None:
            continue
        print(f"=== split: {sp} ({r['notes']} notes) ===", file=out)
        rel, st = r["relaxed"], r["strict"]
        print(f"{'PHI type':16s} {'gold':>5s} {'pred':>5s} | {'relaxed P':>9s} {'R':>6s} {'F1':>6s} |"
              f" {'strict P':>8s} {'R':>6s} {'F1':>6s}", file=out)
        for k in order(set(rel) | set(st)):
            a, b = rel.get(k), st.get(k)
            base = a or b
            ra = f"{a['precision']:9.3f} {a['recall']:6.3f} {a['f1']:6.3f}" if a else f"{'-':>9s} {'-':>6s} {'-':>6s}"
            sb = f"{b['precision']:8.3f} {b['recall']:6.3f} {b['f1']:6.3f}" if b else f"{'-':>8s} {'-':>6s} {'-':>6s}"
            print(f"  {k:14s} {base['gold']:5d} {base['predicted']:5d} | {ra} | {sb}", file=out)
        if r["targets"]:
            marks = ", ".join(f"{t['row']} {t['metric'][0].upper()} {t['value']:.3f}>={t['target']:.2f}"
                              f" {'ok' if t['met'] else 'MISSED'}" for t in r["targets"])
            print(f"targets (relaxed): {marks}", file=out)
        print("", file=out)
    if res["missing_outputs"]:
        print(f"warning: {len(res['missing_outputs'])} gold notes had no output file (scored as empty)", file=out)
    for name, errs in sorted(res.get("dev_errors", {}).items()):
        print(f"--- {name}", file=out)
        for e in errs:
            print(f"  {e['error']:5s} {e['type']:14s} {e['begin']:5d}-{e['end']:<5d} {e['text']!r}", file=out)


def parse_aliases(items):
    out = {}
    for it in items or []:
        if "=" not in it:
            raise SystemExit(f"--alias needs GOLD=PRED, got {it!r}")
        a, b = it.split("=", 1)
        out[a.strip()] = b.strip()
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=P.default_gold_dir(), help="PHI gold directory (with dev/ and test/)")
    ap.add_argument("--pred", required=True, help="directory of DetectPHI JSON outputs")
    ap.add_argument("--split", choices=("dev", "test", "all", "each"), default="each",
                    help="which split(s) to print (default each: dev, test and all)")
    ap.add_argument("--alias", action="append", metavar="GOLD=PRED", help="score gold type GOLD as PRED")
    ap.add_argument("--json", action="store_true", help="print machine-readable JSON")
    ap.add_argument("--details", action="store_true", help="list misses and false alarms per dev note")
    ap.add_argument("--regions", action="store_true", help="also print AU and US notes separately (both splits)")
    args = ap.parse_args(argv)
    notes = P.load_dir(args.gold)
    if args.split in ("dev", "test"):
        notes = [n for n in notes if n.split == args.split]
    res = evaluate(notes, args.pred, parse_aliases(args.alias), args.details)
    if args.json:
        json.dump(res, sys.stdout, indent=1, sort_keys=True)
        print()
    else:
        splits = {"each": ["dev", "test", "all"], "all": ["all"]}.get(args.split, [args.split])
        if args.regions:
            splits += ["region:au", "region:us"]
        print_report(res, splits)
    return 0


if __name__ == "__main__":
    sys.exit(main())
