"""Checks the medication-signature vocabulary in lexicons/data/sig/ (developer-time and CI-safe).

Usage:
    python3 scripts/lexicons/sigcheck.py [lexicons/data/sig]

For units.tsv, routes.tsv, forms.tsv and frequencies.tsv: the header is the documented one and
every row has that many columns; ids are unique and carry the file's prefix; term tags are known;
no term (case-folded unless tagged `cs`) belongs to two rows of the same file; SNOMED CT ids pass
the Verhoeff/partition check (codecheck.py); HL7 route, dose-form and timing codes exist in
lexicons/data/sources/hl7/hl7-codes.tsv (the FHIR R4 core CodeSystems); `when` values are FHIR
EventTiming codes; forms.tsv `route` and `dose_unit` references resolve. Exit status 1 on a problem.
"""
from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import codecheck  # noqa: E402

HEADERS = {
    "units.tsv": ("unit:", ["id", "ucum", "display", "kind", "role", "terms"]),
    "routes.tsv": ("route:", ["id", "preferred", "terms", "snomed", "hl7", "note"]),
    "forms.tsv": ("form:", ["id", "preferred", "kind", "terms", "hl7", "route", "dose_unit"]),
    "frequencies.tsv": ("freq:", ["id", "terms", "code", "timing_code", "kind", "frequency", "frequency_max",
                                  "period", "period_max", "period_unit", "when", "day_of_week", "as_needed",
                                  "count", "duration_unit", "slots", "note"]),
}
TAGS = {"abbr", "lay", "misspelling", "au", "us", "cs"}


def rows(path):
    header = None
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if header is None:
                header = cols
                yield lineno, None, cols
                continue
            yield lineno, dict(zip(header, cols)), cols


def hl7_codes(sig_dir):
    path = os.path.join(sig_dir, "..", "sources", "hl7", "hl7-codes.tsv")
    sets = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            c = line.rstrip("\n").split("\t")
            if len(c) > 2:
                sets.setdefault(c[0], set()).add(c[2])
    return sets


def main(argv):
    sig_dir = argv[0] if argv else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lexicons", "data", "sig")
    hl7 = hl7_codes(sig_dir)
    problems = []
    ids = {}
    counts = {}
    for name, (prefix, header) in HEADERS.items():
        path = os.path.join(sig_dir, name)
        owner = {}
        n = 0
        for lineno, row, cols in rows(path):
            where = f"{name}:{lineno}"
            if row is None:
                if cols != header:
                    problems.append(f"{where}: header {cols} is not {header}")
                continue
            if len(cols) != len(header):
                problems.append(f"{where}: {len(cols)} columns, want {len(header)}")
                continue
            n += 1
            rid = row["id"]
            if not rid.startswith(prefix) or rid in ids:
                problems.append(f"{where}: bad or duplicate id {rid}")
            ids[rid] = where
            for item in filter(None, row["terms"].split("|")):
                term, _, tagtext = item.partition("#")
                tags = set(filter(None, tagtext.split(",")))
                if tags - TAGS or not term.strip():
                    problems.append(f"{where}: bad term {item!r}")
                key = term if "cs" in tags else term.casefold()
                if key in owner and owner[key] != rid:
                    problems.append(f"{where}: term {term!r} also in {owner[key]}")
                owner.setdefault(key, rid)
            if name == "routes.tsv":
                if row["snomed"] and not codecheck.snomed_ok(row["snomed"]):
                    problems.append(f"{where}: invalid SNOMED {row['snomed']}")
                if row["hl7"] and row["hl7"] not in hl7.get("route", set()):
                    problems.append(f"{where}: {row['hl7']} is not an HL7 RouteOfAdministration code")
            if name == "forms.tsv" and row["hl7"] and row["hl7"] not in hl7.get("dose-form", set()):
                problems.append(f"{where}: {row['hl7']} is not an HL7 orderableDrugForm code")
            if name == "frequencies.tsv":
                if row["timing_code"] and row["timing_code"] not in hl7.get("timing-abbreviation", set()):
                    problems.append(f"{where}: {row['timing_code']} is not a GTSAbbreviation code")
                events = hl7.get("timing-event", set()) | hl7.get("event-timing", set())
                for w in filter(None, row["when"].split(",")):
                    if w not in events:
                        problems.append(f"{where}: {w} is not an EventTiming code")
        counts[name] = n
    # cross references from forms.tsv
    for lineno, row, cols in rows(os.path.join(sig_dir, "forms.tsv")):
        if row is None:
            continue
        if row.get("route") and row["route"] not in ids:
            problems.append(f"forms.tsv:{lineno}: unknown route {row['route']}")
        unit = row.get("dose_unit", "")
        if unit and not unit.startswith("{") and unit not in ids:
            problems.append(f"forms.tsv:{lineno}: unknown dose unit {unit}")
    for p in problems:
        print("PROBLEM", p)
    print(", ".join(f"{k} {v}" for k, v in counts.items()))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
