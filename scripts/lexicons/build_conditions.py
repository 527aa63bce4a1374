"""Build lexicons/data/concepts/conditions.tsv from the hand-curated sources in
scripts/lexicons/conditions/*.txt, validate it, and write review files.

Source line format (one concept per line, `#` starts a comment line):

    CLASS CODES | preferred | synonym; synonym#lay; synonym#misspelling | sct=ID

- CLASS: `dx` (DIAGNOSIS), `sx` (SYMPTOM, reported by the patient), `sg` (SIGN, observed/measured).
- CODES: comma-separated ICD-10-CM codes (first = the code for the bare mention), or `-`.
- synonyms: `;`-separated; tags after `#` as in lexicons/README.md.
- optional 4th field: `sct=ID` (a SNOMED CT id we checked by hand) or `sct=-` (no SNOMED id).

What the script adds:
- `id` = `cond:` + slug of the preferred term.
- Australian/British spelling variants (`#au`) derived from every non-misspelled term by the
  fixed rules in AU_RULES (anaemia, oedema, oesophag-, haem-, paediatric, diarrhoea, -ise, ...).
- SNOMED CT id when not given by hand: only when the preferred term or a non-lay synonym equals,
  case-insensitively, the FSN (without semantic tag) of exactly one SNOMED GPS 2020 concept
  tagged `disorder` or `finding`; or, failing that, when the Disease Ontology term named exactly
  like the preferred term has exactly one SNOMED xref AND an ICD-10-CM xref in the same ICD-10-CM
  category (first three characters) as our first code and the id is also in the GPS (so it is a
  current International concept whose FSN we can read). Every SNOMED id must pass Verhoeff.
  Ids chosen by hand (`sct=`) were checked against the GPS FSN.
  The reference lists are read only to check codes for the concepts curated here; they are not
  copied (developer-time only, ../shared/reference/).

Run: /work/venv-lex/bin/python scripts/lexicons/build_conditions.py
Checks: ICD-10-CM existence and billability (April 2026, simple-icd-10-cm 1.5.0), unique ids,
unique normalised terms within a concept, terms shared between concepts (reported), class.
Review files (not committed): /tmp/cond-review-*.tsv
"""
from __future__ import annotations

import glob
import os
import re
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import codecheck  # noqa: E402

ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SRC = os.path.join(HERE, "conditions")
OUT = os.path.join(ROOT, "lexicons", "data", "concepts", "conditions.tsv")
REF = os.path.normpath(os.path.join(ROOT, "..", "shared", "reference"))
if not os.path.isdir(REF):
    REF = "/work/shared/reference"

CLASSES = {"dx": "DIAGNOSIS", "sx": "SYMPTOM", "sg": "SIGN"}

# ---- Australian/British spelling rules (applied to lower-cased terms, word-aware) ----
_EMIA_STEMS = (
    "glyc|isch|an|ur|uric|kal|natr|lipid|lipoprotein|cholesterol|triglycerid|ox|calc|leuk|septic|"
    "bacter|vir|fung|parasit|thalass|vol|magnes|phosphat|capn|protein|albumin|globulin|ammon|acid|"
    "alkal|tox|hyper|cyth|py|pyr|lithium|cyan|chlor|bilirubin|methemoglobin|carb|insulin|gastrin|"
    "paraprotein|cryoglobulin|lact|ket|azot|uremic"
)
AU_RULES: list[tuple[str, str]] = [
    (r"\b(hypo|hyper|normo|an|dys|par|hyp|)esthesi", r"\1aesthesi"),
    (r"(" + _EMIA_STEMS + r")emi(a|c)", r"\1aemi\2"),
    (r"\bhem(a|o|orrh|ol|op|ang|at)", r"haem\1"),
    (r"(?<=[a-z])(?<!yt)hem(at|orrh|olytic|oglobin|osiderin|angi|arthros|opoie|ophag)", r"haem\1"),
    (r"edema", r"oedema"),
    (r"\besophag", r"oesophag"),
    (r"gastroesophag", r"gastro-oesophag"),
    (r"tracheoesophag", r"tracheo-oesophag"),
    (r"\bestrogen", r"oestrogen"),
    (r"\bestradiol", r"oestradiol"),
    (r"rrhea\b", r"rrhoea"),
    (r"rrheic\b", r"rrhoeic"),
    (r"pnea\b", r"pnoea"),
    (r"pneic\b", r"pnoeic"),
    (r"pediatric", r"paediatric"),
    (r"orthopedic", r"orthopaedic"),
    (r"gynecolog", r"gynaecolog"),
    (r"\bceliac", r"coeliac"),
    (r"\bcesarean", r"caesarean"),
    (r"\bfetal\b", r"foetal"),
    (r"\bfetus\b", r"foetus"),
    (r"tumor", r"tumour"),
    (r"\bcolor(?!ectal)", r"colour"),
    (r"behavior", r"behaviour"),
    (r"\bfec(al|es|aloma)", r"faec\1"),
    (r"\bcec(um|al)\b", r"caec\1"),
    (r"\bamebi", r"amoebi"),
    (r"\bameba", r"amoeba"),
    (r"\betiolog", r"aetiolog"),
    (r"\bmold\b", r"mould"),
    (r"\bsulfur", r"sulphur"),
    (r"\bgray\b", r"grey"),
    (r"\bleukocyt", r"leucocyt"),
    (r"\bhumor", r"humour"),
    (r"\blabor\b", r"labour"),
    (r"\bcaliber", r"calibre"),
    (r"\bcenter\b", r"centre"),
    (r"\bfiber", r"fibre"),
    (r"\bmaneuver", r"manoeuvre"),
    (r"\bhospitalized\b", r"hospitalised"),
    (r"\bparalyz", r"paralys"),
    (r"\banalyz", r"analys"),
]
_IZE_STOP = {"size", "prize", "seize", "maize", "capsize", "downsize", "oversize", "resize", "citizen"}


def au_variant(term: str) -> str:
    t = term
    for pat, rep in AU_RULES:
        t = re.sub(pat, rep, t)

    def ize(m: re.Match) -> str:
        word = m.group(0)
        if word.lower() in _IZE_STOP or len(word) < 6:
            return word
        return re.sub(r"iz(e|ed|ing|ation|ations|er|es)$", r"is\1", word)

    t = re.sub(r"\b[A-Za-z]+iz(e|ed|ing|ation|ations|er|es)\b", ize, t)
    return t


def slug(term: str) -> str:
    s = unicodedata.normalize("NFKD", term).encode("ascii", "ignore").decode().lower()
    s = s.replace("'", "").replace("’", "")
    s = re.sub(r"[^a-z0-9]+", "_", s).strip("_")
    return s


def norm(term: str) -> str:
    s = term.lower().replace("’", "'").replace("'s ", " ").replace("'", "")
    s = re.sub(r"[-/,()]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def load_gps() -> dict[str, list[tuple[str, str]]]:
    by_name: dict[str, list[tuple[str, str]]] = defaultdict(list)
    path = os.path.join(REF, "snomed-gps-2020.tsv")
    if not os.path.exists(path):
        return by_name
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            cid, fsn, tag = line.rstrip("\n").split("\t")
            if tag not in ("disorder", "finding"):
                continue
            name = re.sub(r"\s*\([^()]*\)$", "", fsn).lower()
            by_name[name].append((cid, fsn))
    return by_name


def load_do() -> dict[str, tuple[list[str], list[str]]]:
    out: dict[str, tuple[list[str], list[str]]] = {}
    path = os.path.join(REF, "doid-xrefs.tsv")
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            name = cols[1].lower()
            sct = [s for s in cols[2].split(";") if s]
            icd = [s for s in cols[3].split(";") if s]
            out[name] = (sct, icd)
    return out


def parse_sources():
    rows = []
    for path in sorted(glob.glob(os.path.join(SRC, "*.txt"))):
        with open(path, encoding="utf-8") as f:
            for lineno, raw in enumerate(f, 1):
                line = raw.strip()
                if not line or line.startswith("#"):
                    continue
                parts = [p.strip() for p in line.split("|")]
                if len(parts) < 2:
                    raise SystemExit(f"{path}:{lineno}: bad line")
                head = parts[0].split()
                if len(head) != 2 or head[0] not in CLASSES:
                    raise SystemExit(f"{path}:{lineno}: bad head {parts[0]!r}")
                cls, codes = head
                pref = parts[1]
                syns = [s.strip() for s in parts[2].split(";")] if len(parts) > 2 and parts[2] else []
                sct = None
                if len(parts) > 3 and parts[3].startswith("sct="):
                    sct = parts[3][4:]
                icds = [] if codes == "-" else codes.split(",")
                rows.append(dict(src=f"{os.path.basename(path)}:{lineno}", cls=CLASSES[cls], icd=icds,
                                 pref=pref, syns=[s for s in syns if s], sct=sct))
    return rows


def main() -> int:
    rows = parse_sources()
    gps = load_gps()
    do = load_do()
    errors: list[str] = []
    warnings: list[str] = []
    seen_ids: dict[str, str] = {}
    term_owner: dict[str, list[str]] = defaultdict(list)
    out_rows = []
    review_icd = []
    review_sct = []
    stats = defaultdict(int)
    for r in rows:
        cid = "cond:" + slug(r["pref"])
        if cid in seen_ids:
            errors.append(f"{r['src']}: duplicate id {cid} (first {seen_ids[cid]})")
            continue
        seen_ids[cid] = r["src"]
        # terms
        terms: list[tuple[str, list[str]]] = []
        seen_norm = {norm(r["pref"]): r["pref"]}
        seen_exact = {r["pref"].lower()}
        for s in r["syns"]:
            text, _, tags = s.partition("#")
            text = text.strip()
            tag_list = [t for t in tags.split(",") if t]
            n = norm(text)
            if text.lower() in seen_exact:
                warnings.append(f"{r['src']}: duplicate term {text!r} in {cid}")
                continue
            seen_exact.add(text.lower())
            if "abbr" in tag_list:
                errors.append(f"{r['src']}: abbreviation {text!r} belongs in abbreviations.tsv")
            seen_norm.setdefault(n, text)
            terms.append((text, tag_list))
        # AU variants
        base = [(r["pref"], [])] + terms
        for text, tags in base:
            if "misspelling" in tags or "au" in tags:
                continue
            v = au_variant(text)
            if v != text and norm(v) not in seen_norm:
                seen_norm[norm(v)] = v
                terms.append((v, ["au"] + [t for t in tags if t == "lay"]))
        # ICD checks
        for code in r["icd"]:
            if not codecheck.icd10cm_exists(code):
                errors.append(f"{r['src']}: ICD-10-CM {code} does not exist ({r['pref']})")
            elif not codecheck.icd10cm_billable(code):
                warnings.append(f"{r['src']}: ICD-10-CM {code} not billable ({r['pref']})")
        if r["icd"] and codecheck.icd10cm_exists(r["icd"][0]):
            review_icd.append(f"{cid}\t{r['icd'][0]}\t{codecheck.icd10cm_title(r['icd'][0])}")
        elif not r["icd"]:
            review_icd.append(f"{cid}\t-\t")
        # SNOMED
        sct = r["sct"]
        how = "hand"
        if sct == "-":
            sct = None
        elif sct is None:
            how = "gps-pref"
            pref_c = gps.get(r["pref"].lower(), [])
            if len(pref_c) == 1:
                sct = pref_c[0][0]
            else:
                cands = {}
                for text, tags in terms:
                    if "lay" in tags or "misspelling" in tags:
                        continue
                    for c, fsn in gps.get(text.lower(), []):
                        cands[c] = text
                if len(cands) == 1:
                    sct, text = next(iter(cands.items()))
                    how = "gps-syn:" + text
                elif len(cands) > 1:
                    warnings.append(f"{r['src']}: several GPS matches for {cid}: {sorted(cands.items())}")
            if sct is None and r["pref"].lower() in do and r["icd"]:
                dsct, dicd = do[r["pref"].lower()]
                if (len(dsct) == 1 and any(c[:3] == r["icd"][0][:3] for c in dicd)
                        and codecheck.snomed_gps_fsn(dsct[0]) is not None):
                    sct, how = dsct[0], "do"
        if sct:
            if not codecheck.snomed_ok(sct):
                errors.append(f"{r['src']}: SNOMED {sct} fails Verhoeff/partition")
                sct = None
            else:
                fsn = codecheck.snomed_gps_fsn(sct) or "(not in GPS)"
                review_sct.append(f"{cid}\t{sct}\t{how}\t{fsn}")
        codes = [f"ICD10CM:{c}" for c in r["icd"]]
        if sct:
            codes.insert(0, f"SNOMED:{sct}")
            stats["snomed"] += 1
        if r["icd"]:
            stats["icd"] += 1
        stats[r["cls"]] += 1
        syn_field = "|".join(t + ("#" + ",".join(tags) if tags else "") for t, tags in terms)
        for text, tags in [(r["pref"], [])] + terms:
            term_owner[norm(text)].append(cid)
            for t in tags:
                stats["tag_" + t] += 1
        out_rows.append((cid, "DX_NAME", r["pref"], syn_field, "|".join(codes), f"class={r['cls']}"))
    clashes = {t: ids for t, ids in term_owner.items() if len(set(ids)) > 1}
    for t, ids in sorted(clashes.items()):
        warnings.append(f"term {t!r} shared by {sorted(set(ids))}")
    for row in out_rows:
        for field in row:
            if "\t" in field or "\n" in field:
                errors.append(f"tab/newline in {row[0]}")
    out_rows.sort(key=lambda x: x[0])
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Curated clinical conditions (diseases, symptoms, signs, injuries, findings) for medtext.\n")
        f.write("# Generated by scripts/lexicons/build_conditions.py from scripts/lexicons/conditions/*.txt; edit those.\n")
        f.write("id\ttype\tpreferred\tsynonyms\tcodes\tattributes\n")
        for row in out_rows:
            f.write("\t".join(row) + "\n")
    with open("/tmp/cond-review-icd.tsv", "w") as f:
        f.write("\n".join(review_icd) + "\n")
    with open("/tmp/cond-review-sct.tsv", "w") as f:
        f.write("\n".join(review_sct) + "\n")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    print(f"rows={len(out_rows)} DIAGNOSIS={stats['DIAGNOSIS']} SIGN={stats['SIGN']} SYMPTOM={stats['SYMPTOM']} "
          f"with_ICD10CM={stats['icd']} with_SNOMED={stats['snomed']} au={stats['tag_au']} lay={stats['tag_lay']} "
          f"misspelling={stats['tag_misspelling']} clashes={len(clashes)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
