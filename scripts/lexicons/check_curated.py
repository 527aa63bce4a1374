#!/usr/bin/env python3
"""Validates the curated context, abbreviation and PHI vocabulary files (stdlib only).

    python3 scripts/lexicons/check_curated.py            # checks everything under lexicons/data
    python3 scripts/lexicons/check_curated.py --counts   # also prints counts per file and category

Exits 1 and prints `file:line: message` for each problem. Formats: lexicons/README.md.
"""
from __future__ import annotations

import collections
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lexicons", "data")
errors: list[str] = []
counts: dict[str, collections.Counter] = {}

CATEGORIES = {
    "NEGATED_EXISTENCE": "NEGATION", "POSSIBLE_EXISTENCE": "LOW_CONFIDENCE", "HYPOTHETICAL": "HYPOTHETICAL",
    "HISTORICAL": "PAST_HISTORY", "FAMILY": "PERTAINS_TO_FAMILY", "FUTURE": "FUTURE",
    "OTHER_EXPERIENCER": "", "PSEUDO": "", "TERMINATE": "",
}
ENTITY_CATEGORIES = {"MEDICATION", "MEDICAL_CONDITION", "ANATOMY", "TEST_TREATMENT_PROCEDURE", "TIME_EXPRESSION",
                     "PROTECTED_HEALTH_INFORMATION", "BEHAVIORAL_ENVIRONMENTAL_SOCIAL"}
FLAGS = {"list", "line_end", "attached", "cs", "prefix", "verb", "aside", "suffix"}
SOURCES = {"medtext", "medspacy", "negspacy"}
PLACEHOLDER = re.compile(r"<[A-Z]+>")
PLACEHOLDERS = {"<NUM>", "<YEAR>"}
ID_PREFIX = re.compile(r"^(cond|med|class|brand|anat|dir|test|proc|soc):[a-z0-9_]+$")


def err(path: str, line: int, msg: str) -> None:
    errors.append(f"{os.path.relpath(path)}:{line}: {msg}")


def read_tsv(path: str, header: list[str]):
    """Yields (line number, dict) for data rows; checks the header and field counts."""
    seen_header = False
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            if "\r" in raw:
                err(path, n, "CR line ending")
            line = raw.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if not seen_header:
                seen_header = True
                if fields != header:
                    err(path, n, f"header must be {header}, got {fields}")
                continue
            if len(fields) != len(header):
                err(path, n, f"{len(fields)} fields, expected {len(header)}")
                continue
            for v in fields:
                if v != v.strip():
                    err(path, n, f"field {v!r} has leading/trailing spaces")
            yield n, dict(zip(header, fields))
    if not seen_header:
        err(path, 1, "no header row")


def norm_phrase(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower()).strip()


def check_context_rules(path: str) -> None:
    hdr = ["id", "literal", "category", "trait", "direction", "max_scope", "applies_to", "terminates", "flags", "source", "note"]
    ids = set()
    keys = set()
    roles = collections.defaultdict(set)
    c = collections.Counter()
    for n, r in read_tsv(path, hdr):
        if not re.fullmatch(r"[a-z]+\.[a-z]+\.[a-z0-9_.-]+", r["id"]):
            err(path, n, f"bad id {r['id']!r}")
        if r["id"] in ids:
            err(path, n, f"duplicate id {r['id']}")
        ids.add(r["id"])
        cat, d = r["category"], r["direction"]
        if not r["literal"]:
            err(path, n, "empty literal")
        for ph in PLACEHOLDER.findall(r["literal"]):
            if ph not in PLACEHOLDERS:
                err(path, n, f"unknown placeholder {ph}")
        if cat not in CATEGORIES:
            err(path, n, f"unknown category {cat}")
            continue
        if r["trait"] != CATEGORIES[cat]:
            err(path, n, f"trait for {cat} must be {CATEGORIES[cat]!r}")
        if cat in ("PSEUDO", "TERMINATE"):
            if d != cat:
                err(path, n, f"{cat} rules have direction {cat}")
            if r["max_scope"]:
                err(path, n, "pseudo/terminate rules have no scope")
            role = cat
        else:
            if d not in ("FORWARD", "BACKWARD", "BIDIRECTIONAL"):
                err(path, n, f"bad direction {d} for a trigger")
            if not re.fullmatch(r"[1-9][0-9]?", r["max_scope"]):
                err(path, n, f"max_scope must be 1..99, got {r['max_scope']!r}")
            role = "TRIGGER"
        if r["applies_to"] != "ALL" and not set(r["applies_to"].split("|")) <= ENTITY_CATEGORIES:
            err(path, n, f"bad applies_to {r['applies_to']}")
        if cat == "TERMINATE":
            t = r["terminates"]
            if t != "ALL" and not set(t.split("|")) <= set(CATEGORIES) - {"PSEUDO", "TERMINATE"}:
                err(path, n, f"bad terminates {t}")
        elif r["terminates"]:
            err(path, n, "terminates is only for TERMINATE rules")
        if r["flags"] and not set(r["flags"].split("|")) <= FLAGS:
            err(path, n, f"bad flags {r['flags']}")
        if not set(r["source"].split("|")) <= SOURCES:
            err(path, n, f"bad source {r['source']}")
        lit = norm_phrase(r["literal"])
        key = (lit, cat, d, r["applies_to"], r["flags"])
        if key in keys:
            err(path, n, f"duplicate rule for {r['literal']!r} ({cat} {d})")
        keys.add(key)
        roles[lit].add((role, n))
        c[cat] += 1
    for lit, rs in roles.items():
        kinds = {k for k, _ in rs}
        # A pseudo-trigger may also end other triggers' scopes ('prior to', 'found to have'):
        # neither role makes it a trigger. A trigger must be nothing else.
        if len(kinds) > 1 and kinds != {"PSEUDO", "TERMINATE"}:
            err(path, min(n for _, n in rs), f"{lit!r} is used as {sorted(kinds)}: a phrase is a trigger, or a pseudo-trigger and/or a terminator, not both kinds")
    counts["context/rules.tsv"] = c


def check_fused(path: str) -> None:
    hdr = ["id", "term", "kind", "finding", "target", "type", "trait", "case", "cues", "note"]
    c = collections.Counter()
    ids, terms = set(), set()
    for n, r in read_tsv(path, hdr):
        if r["id"] in ids:
            err(path, n, f"duplicate id {r['id']}")
        ids.add(r["id"])
        t = norm_phrase(r["term"])
        if t in terms:
            err(path, n, f"duplicate term {r['term']!r}")
        terms.add(t)
        k = r["kind"]
        if k not in ("NEGATED", "HISTORICAL", "NORMAL", "NOT_NEGATION"):
            err(path, n, f"bad kind {k}")
        want = {"NEGATED": "NEGATION", "HISTORICAL": "PAST_HISTORY"}.get(k, "")
        if r["trait"] != want:
            err(path, n, f"trait for {k} rows must be {want!r}")
        if k != "NOT_NEGATION" and (not r["finding"] or not r["type"]):
            err(path, n, "finding and type are required")
        if r["target"] and not ID_PREFIX.match(r["target"]):
            err(path, n, f"bad target id {r['target']}")
        if r["case"] not in ("cs", "ci"):
            err(path, n, "case must be cs or ci")
        if r["cues"] and (k != "NEGATED" or any(not cue or cue != cue.lower() for cue in r["cues"].split("|"))):
            err(path, n, "cues: lower-case words separated by |, on NEGATED rows only")
        c[k] += 1
    counts["context/fused.tsv"] = c


ABBR_TYPES = {
    # Comprehend Medical entity types
    "DX_NAME", "GENERIC_NAME", "BRAND_NAME", "TEST_NAME", "PROCEDURE_NAME", "TREATMENT_NAME", "SYSTEM_ORGAN_SITE", "DIRECTION",
    # attribute types (sig senses of ambiguous abbreviations; the sig vocabulary itself is in data/sig/)
    "ROUTE_OR_MODE", "FREQUENCY", "FORM", "DOSAGE", "STRENGTH", "DURATION", "TEST_VALUE",
    # BEHAVIORAL_ENVIRONMENTAL_SOCIAL types
    "ALCOHOL_CONSUMPTION", "TOBACCO_USE", "REC_DRUG_USE", "ALLERGIES",
    # PHI types (a sense that is PHI, e.g. CA = California)
    "ADDRESS", "DATE", "PROFESSION", "NAME",
    # a real sense that is not an entity (ED = emergency department, pt = patient)
    "NONE",
}


def check_abbreviations(path: str) -> None:
    hdr = ["abbr", "expansion", "target", "type", "case", "cues", "default", "region", "note"]
    pairs = set()
    groups = collections.defaultdict(list)
    c = collections.Counter()
    for n, r in read_tsv(path, hdr):
        key = (r["abbr"].lower(), r["expansion"].lower())
        if key in pairs:
            err(path, n, f"duplicate (abbr, expansion) {key}")
        pairs.add(key)
        if not r["abbr"] or not r["expansion"]:
            err(path, n, "abbr and expansion are required")
        if r["type"] not in ABBR_TYPES:
            err(path, n, f"bad type {r['type']!r}")
        if r["target"] and not ID_PREFIX.match(r["target"]):
            err(path, n, f"bad target id {r['target']}")
        if r["case"] not in ("cs", "ci"):
            err(path, n, "case must be cs or ci")
        if r["default"] not in ("yes", "no"):
            err(path, n, "default must be yes or no")
        if r["region"] not in ("US", "AU", "both"):
            err(path, n, "region must be US, AU or both")
        if r["cues"] and any(not cue or cue != cue.strip() or cue != cue.lower() for cue in r["cues"].split("|")):
            err(path, n, f"cues must be lower-case, non-empty, |-separated: {r['cues']!r}")
        groups[r["abbr"].lower()].append((n, r))
        c["senses"] += 1
    for abbr, senses in groups.items():
        # Two senses compete when they can match the same text: same spelling, or either is
        # case-insensitive. `PsA` (cs) and `PSA` (cs) never compete; `pt` (ci) and `PT` do.
        surfaces = {r["abbr"] for _, r in senses}
        competing = set()
        for surface in surfaces:
            cands = [(n, r) for n, r in senses if r["abbr"] == surface or r["case"] == "ci"]
            defaults = [n for n, r in cands if r["default"] == "yes"]
            if len(defaults) > 1:
                err(path, defaults[1], f"{surface!r}: more than one default sense")
            if len(cands) > 1:
                competing.update(n for n, _ in cands)
        if competing:
            c["ambiguous"] += 1
            if not any(r["default"] == "yes" for n, r in senses if n in competing):
                c["ambiguous_no_default"] += 1
        for n, r in senses:
            if n in competing and not r["cues"]:
                err(path, n, f"{abbr!r} is ambiguous: every competing sense needs cues")
            if n not in competing and r["default"] == "no":
                c["cue_only"] += 1
                if not r["cues"]:
                    err(path, n, f"{abbr!r}: a sense without default needs cues")
    c["distinct_abbreviations"] = len(groups)
    counts["concepts/abbreviations.tsv"] = c


REGIONS = {"US", "AU", "both"}


def check_simple(rel: str, header: list[str], key, enums: dict[str, set[str]], count_by: str | None, minimum: int = 0):
    """A curated PHI table: header, enum columns, unique keys, optional minimum row count."""
    path = os.path.join(ROOT, rel)
    seen = set()
    c = collections.Counter()
    rows = []
    for n, r in read_tsv(path, header):
        for col, allowed in enums.items():
            if r[col] not in allowed:
                err(path, n, f"{col} {r[col]!r} not in {sorted(allowed)}")
        k = key(r)
        if k in seen:
            err(path, n, f"duplicate {k}")
        seen.add(k)
        if not r[header[0]]:
            err(path, n, f"empty {header[0]}")
        c[r[count_by] if count_by else "rows"] += 1
        rows.append((n, r))
    if len(rows) < minimum:
        err(path, 1, f"{len(rows)} rows, at least {minimum} expected")
    counts[rel] = c
    return rows


def rule_set_names() -> set[str]:
    """The `set` names `rule_words.tsv` may use: the cases of `PHIRuleSet` (Sources/EntityRecognizer/PHI/PHIRuleWords.swift)
    in snake case, as the recognizer reads them (an unknown or a missing set is a build error there too)."""
    src = open(os.path.join(ROOT, "..", "..", "Sources", "EntityRecognizer", "PHI", "PHIRuleWords.swift"), encoding="utf-8").read()
    body = re.search(r"enum PHIRuleSet\b[^{]*\{(.*?)\n\n", src, re.S).group(1)
    cases = [c.strip() for line in re.findall(r"^\s*case ([^\n]*)$", body, re.M) for c in line.split(",")]
    return {re.sub(r"([A-Z])", lambda m: "_" + m.group(1).lower(), c) for c in cases if c}


def name_lists() -> set[str]:
    """Lower-case names from the extracted census and philter lists (empty when absent)."""
    names: set[str] = set()
    phi = os.path.join(ROOT, "phi")
    for fn in ("census-first-names.tsv", "census-last-names.tsv", "philter-first-names.txt", "philter-last-names.txt"):
        path = os.path.join(phi, fn)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or line.startswith("name\t"):
                    continue
                names.add(line.split("\t")[0].strip())
    return names


def check_section_traits() -> None:
    rel = "context/section_traits.tsv"
    path = os.path.join(ROOT, rel)
    sections = set()
    sp = os.path.join(ROOT, "tokenizer", "sections.tsv")
    if os.path.exists(sp):
        for _, r in read_tsv(sp, ["rule_id", "type", "header", "forms"]):
            sections.add(r["type"])
    traits = {t for t in CATEGORIES.values() if t}
    rows = check_simple(rel, ["id", "section", "trait", "applies_to", "note"], lambda r: (r["section"], r["trait"]),
                        {"trait": traits}, "trait")
    for n, r in rows:
        if sections and r["section"] not in sections:
            err(path, n, f"section {r['section']} is not a type in tokenizer/sections.tsv")
        if r["applies_to"] != "ALL" and not set(r["applies_to"].split("|")) <= ENTITY_CATEGORIES:
            err(path, n, f"bad applies_to {r['applies_to']}")


def check_phi() -> None:
    rows = check_simple("phi/name_stoplist.tsv", ["word", "kind", "in_name_lists", "note"], lambda r: r["word"].lower(),
                        {"kind": {"eponym", "common_word", "calendar", "clinical_word", "drug", "brand", "place"},
                         "in_name_lists": {"yes", "no"}}, "kind")
    names = name_lists()
    if names:
        path = os.path.join(ROOT, "phi/name_stoplist.tsv")
        for n, r in rows:
            actual = "yes" if r["word"].lower() in names else "no"
            if r["in_name_lists"] != actual:
                err(path, n, f"in_name_lists for {r['word']!r} is {actual} in the extracted name lists")
    check_simple("phi/titles.tsv", ["title", "kind", "region", "note"], lambda r: (r["title"], r["kind"]),
                 {"kind": {"professional", "honorific", "academic", "nursing", "religious", "civil", "military", "suffix", "credential"},
                  "region": REGIONS}, "kind")
    check_simple("phi/name_cues.tsv", ["cue", "position", "role", "region", "note"], lambda r: (r["cue"], r["position"], r["role"]),
                 {"position": {"label", "before", "after", "sign_off"}, "role": {"patient", "clinician", "relative"},
                  "region": REGIONS}, "position")
    check_simple("phi/professions.tsv", ["profession", "region", "note"], lambda r: r["profession"].lower(),
                 {"region": REGIONS}, "region", minimum=200)
    check_simple("phi/facility_cues.tsv", ["cue", "position", "kind", "region", "note"], lambda r: (r["cue"], r["position"]),
                 {"position": {"after", "before", "before_name"}, "kind": {"facility", "context", "location"}, "region": REGIONS}, "position")
    check_simple("phi/organisations.tsv", ["name", "region", "kind", "context"], lambda r: r["name"].lower(),
                 {"region": REGIONS, "context": {"any", "place"},
                  "kind": {"pathology", "radiology", "pharmacy", "hospital", "aged care", "health service", "employer", "education", "ambulance"}},
                 "kind")
    # Names of communities the census lists cover thinly, and the PHI rules' word sets.
    check_simple("phi/names_curated.tsv", ["name", "kind", "origin", "common_word", "note"], lambda r: (r["name"], r["kind"]),
                 {"kind": {"first", "last"}, "common_word": {"", "yes"}}, "origin")
    def check_word_sets(path, sets, owner):
        """A set/word/note file of lower-case words: every set known to `owner` and every one with a row."""
        rows = check_simple(path, ["set", "word", "note"], lambda r: (r["set"], r["word"]), {"set": sets}, "set")
        for n, r in rows:
            if r["word"] != r["word"].lower() or not r["word"].strip() or r["word"] != r["word"].strip():
                err(os.path.join(ROOT, path), n, f"word {r['word']!r} is not lower case or has spaces around it")
        for missing in sorted(sets - {r["set"] for _, r in rows}):
            err(os.path.join(ROOT, path), 1, f"set {missing!r} of {owner} has no row")
    check_word_sets("phi/rule_words.tsv", rule_set_names(), "PHIRuleSet")
    # The de-identifier's word sets (Sources/Deidentifier/DeidWords.swift, DeidWords.WordSet.fileName).
    check_word_sets("phi/deid_words.tsv", {"keep_words", "month_qualifiers", "ordinal_suffixes", "exempt_month_names"}, "DeidWords")
    # The de-identifier's value lists and holidays (Sources/Deidentifier/DeidLists.swift, DeidLists.List.fileName).
    check_simple("phi/surrogate_values.tsv", ["list", "value", "note"], lambda r: (r["list"], r["value"]),
                 {"list": {"given_names", "surnames", "place_words", "professions"}}, "list")
    for n, r in check_simple("phi/holidays.tsv", ["holiday", "month", "day", "note"], lambda r: r["holiday"], {}, None):
        days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        ok = r["month"].isdigit() and r["day"].isdigit() and 1 <= int(r["month"]) <= 12 and 1 <= int(r["day"]) <= days[int(r["month"]) - 1]
        if not ok or r["holiday"] != r["holiday"].lower():
            err(os.path.join(ROOT, "phi/holidays.tsv"), n, "expected a lower-case holiday and a valid 2001 month and day")
    check_simple("phi/street_abbreviations.tsv", ["abbr", "expansion", "region"], lambda r: r["abbr"], {"region": REGIONS}, "region")
    states = {"AU": {"NSW", "VIC", "QLD", "WA", "SA", "TAS", "ACT", "NT"}}
    regions = os.path.join(ROOT, "phi/regions.tsv")
    if os.path.exists(regions):
        for _, r in read_tsv(regions, ["country", "kind", "abbr", "name"]):
            states.setdefault(r["country"], set()).add(r["abbr"])
    rows = check_simple("phi/places_curated.tsv", ["country", "state", "place", "kind"], lambda r: (r["country"], r["state"], r["place"].lower()),
                        {"country": {"AU", "US", "INTL"}, "kind": {"capital", "place", "city", "region"}}, "country")
    states["INTL"] = {"-"}  # world cities and regions (session 3): no state
    for n, r in rows:
        if states.get(r["country"]) and r["state"] not in states[r["country"]]:
            err(os.path.join(ROOT, "phi/places_curated.tsv"), n, f"unknown state {r['state']} for {r['country']}")


def main() -> int:
    checks = [
        ("context/rules.tsv", check_context_rules),
        ("context/fused.tsv", check_fused),
        ("concepts/abbreviations.tsv", check_abbreviations),
    ]
    for rel, fn in checks:
        p = os.path.join(ROOT, rel)
        if os.path.exists(p):
            fn(p)
        else:
            errors.append(f"{rel}: missing")
    check_section_traits()
    check_phi()
    for e in errors:
        print(e)
    if "--counts" in sys.argv:
        for f, c in counts.items():
            print(f"{f}: " + " ".join(f"{k}={v}" for k, v in sorted(c.items())))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
