#!/usr/bin/env python3
"""Medication vocabulary coverage through the engine.

Reads lexicons/coverage/common_medicines.txt (our own list of commonly prescribed, dispensed and
bought medicines in the US and Australia), writes one short medication-list note per name
("Medications:\\n- NAME\\n"), runs `medtext detect-entities --ndjson` once over all of them and
reports, per group and kind (generic, US/AU/both brand), how many names the recognizer finds as
one MEDICATION entity covering exactly the name. Misses are listed as:

  missing   no MEDICATION entity overlaps the name
  split     several MEDICATION entities share the name (a combination read as its parts)
  partial   one MEDICATION entity overlaps the name but does not cover it, and is not its head
  head      one MEDICATION entity covers the first word(s) of the name (`Xigduo` of `Xigduo XR`,
            `Symbicort` of `Symbicort Turbuhaler`): the gold makes release and device words FORM,
            so a head counts as found; listed with --heads to review product-line words
            (`Forte`, `Duo`, `Osteo`) that belong to the name
  other     the name was found as another category (TEST_NAME, PROCEDURE_NAME, ...)
  type      found exactly, but as GENERIC_NAME where a brand was expected or the reverse
            (reported, not counted as a miss: the scorer counts categories)

Usage:
  python3 scripts/lexicons/med_coverage.py [--bin PATH] [--misses] [--types] [--group G]
Exit status 1 when --fail-on-miss is given and a name is missing, partial or other.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections import defaultdict

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
LIST = os.path.join(ROOT, "lexicons", "coverage", "common_medicines.txt")
KEYS = {"generic": "GENERIC_NAME", "us": "BRAND_NAME", "au": "BRAND_NAME", "both": "BRAND_NAME"}
PREFIX = "Medications:\n- "


def load(path: str) -> list[tuple[str, str, str]]:
    """(group, key, name) rows in file order."""
    rows, group = [], "-"
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("@"):
                group = line[1:].strip()
                continue
            m = re.match(r"^(generic|us|au|both):\s*(.*)$", line)
            if not m:
                sys.exit(f"{path}:{n}: expected 'generic|us|au|both: name, name'")
            for name in m.group(2).split(","):
                name = name.strip()
                if name:
                    rows.append((group, m.group(1), name))
    return rows


def find_binary(explicit: str | None) -> str:
    if explicit:
        return explicit
    for cfg in ("release", "debug"):
        p = os.path.join(ROOT, ".build", cfg, "medtext")
        if os.path.exists(p):
            return p
    sys.exit("no medtext binary: run `swift build --product medtext` or pass --bin")


def classify(result: dict, name: str, want: str) -> tuple[str, str]:
    begin = len(PREFIX)
    end = begin + len(name)
    meds, others = [], []
    for e in result.get("Entities", []):
        b, en = e["BeginOffset"], e["EndOffset"]
        if en <= begin or b >= end:
            continue
        (meds if e["Category"] == "MEDICATION" else others).append(e)
    if not meds:
        if others:
            e = others[0]
            return ("other", f'{e["Category"]}/{e["Type"]} "{e["Text"]}"')
        return ("missing", "")
    shown = ", ".join(f'{e["Type"]} "{e["Text"]}"' for e in meds)
    if len(meds) > 1:
        return ("split", shown)
    e = meds[0]
    if e["BeginOffset"] == begin and e["EndOffset"] == end:
        return ("ok" if e["Type"] == want else "type", e["Type"])
    if e["BeginOffset"] == begin and name[e["EndOffset"] - begin:e["EndOffset"] - begin + 1] in (" ", "-"):
        return ("head", shown)
    return ("partial", shown)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin")
    ap.add_argument("--list", default=LIST)
    ap.add_argument("--misses", action="store_true", help="list every name not covered")
    ap.add_argument("--types", action="store_true", help="also list names found with the other type")
    ap.add_argument("--heads", action="store_true", help="also list names found by their head only")
    ap.add_argument("--group", help="only this group")
    ap.add_argument("--fail-on-miss", action="store_true")
    args = ap.parse_args()

    rows = [r for r in load(args.list) if not args.group or r[0] == args.group]
    payload = "".join(json.dumps({"id": str(i), "text": f"{PREFIX}{name}\n"}) + "\n" for i, (_, _, name) in enumerate(rows))
    proc = subprocess.run([find_binary(args.bin), "detect-entities", "--ndjson", "-"], input=payload.encode(),
                          capture_output=True, check=True)
    results = {}
    for line in proc.stdout.decode().splitlines():
        rec = json.loads(line)
        results[int(rec["id"])] = rec.get("result", {})

    stats: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    misses = []
    for i, (group, key, name) in enumerate(rows):
        status, detail = classify(results.get(i, {}), name, KEYS[key])
        stats[(group, key)][status] += 1
        if status in ("missing", "partial", "other", "split") or (status == "type" and args.types) \
                or (status == "head" and args.heads):
            misses.append((group, key, name, status, detail))

    total = defaultdict(int)
    print(f"{'group':34} {'kind':8} {'names':>6} {'found':>6} {'miss':>5} {'split':>5} {'partial':>7} {'other':>6} {'head':>5} {'type':>5}")
    for (group, key), s in stats.items():
        n = sum(s.values())
        found = s["ok"] + s["type"] + s["head"]
        for k, v in s.items():
            total[k] += v
        print(f"{group:34} {key:8} {n:6} {found:6} {s['missing']:5} {s['split']:5} {s['partial']:7} {s['other']:6} {s['head']:5} {s['type']:5}")
    n = sum(total.values())
    found = total["ok"] + total["type"] + total["head"]
    print(f"{'TOTAL':34} {'':8} {n:6} {found:6} {total['missing']:5} {total['split']:5} {total['partial']:7} {total['other']:6} {total['head']:5} {total['type']:5}"
          f"   coverage {found / max(n, 1):.3f} (exact {total['ok'] + total['type']})")
    for kind in ("generic", "us", "au", "both"):
        ks = [s for (g, k), s in stats.items() if k == kind]
        kn = sum(sum(s.values()) for s in ks)
        kf = sum(s["ok"] + s["type"] + s["head"] for s in ks)
        if kn:
            print(f"  {kind:8} {kf}/{kn} = {kf / kn:.3f}")
    if args.misses:
        for group, key, name, status, detail in misses:
            print(f"{status:8} {group:28} {key:8} {name}" + (f"   [{detail}]" if detail else ""))
    bad = total["missing"] + total["partial"] + total["other"] + total["split"]
    return 1 if args.fail_on_miss and bad else 0


if __name__ == "__main__":
    sys.exit(main())
