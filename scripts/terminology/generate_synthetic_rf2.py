#!/usr/bin/env python3
"""Generates a synthetic SNOMED CT RF2 Snapshot the size of the International Edition, for the
terminology import benchmark. Deterministic (fixed seed): same arguments -> same files.

    python3 scripts/terminology/generate_synthetic_rf2.py --out /tmp/medtext-rf2 \
        [--concepts 370000 --descriptions 1600000 --relationships 1200000]

Writes OUT/Snapshot/Terminology/sct2_{Concept,Description,Relationship}_Snapshot*_INT_20250101.txt,
OUT/Snapshot/Refset/Language/der2_cRefset_LanguageSnapshot-en_INT_20250101.txt (en-US and en-GB
acceptability for every active description) and OUT/expected.txt (counts the benchmark checks).
The terms are made-up words; nothing here is SNOMED CT content. Generate it under /tmp; never
commit it. Standard library only.
"""
import argparse
import os
import random

D = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],
     [5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
P = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],
     [4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
INV = [0,4,3,2,1,5,6,7,8,9]


def sctid(seq, partition):
    base = f"{seq}{partition}"
    c = 0
    for i, ch in enumerate(reversed(base)):
        c = D[c][P[(i + 1) % 8][ord(ch) - 48]]
    return base + str(INV[c])


TAGS = [("disorder", 20), ("finding", 12), ("procedure", 15), ("body structure", 10), ("substance", 7),
        ("organism", 9), ("product", 5), ("qualifier value", 3), ("observable entity", 3), ("situation", 2),
        ("regime/therapy", 2), ("morphologic abnormality", 2), ("physical object", 3), ("event", 2),
        ("occupation", 1), ("environment", 1), ("specimen", 3)]
SYLLABLES = ["car", "di", "o", "neu", "ro", "path", "y", "gas", "tro", "en", "ter", "itis", "hep", "a", "to", "ma",
             "lith", "ia", "sis", "pulmo", "nar", "re", "nal", "os", "teo", "my", "el", "derm", "al", "cyst", "ec",
             "tomy", "plas", "ty", "scop", "ic", "ven", "tri", "cu", "lar", "an", "gi", "ar", "thr", "op", "sy"]
QUALIFIERS = ["acute", "chronic", "left", "right", "bilateral", "primary", "secondary", "congenital", "recurrent",
              "severe", "mild", "of", "with", "due to", "structure", "disease", "syndrome", "injury", "fracture",
              "procedure", "measurement", "finding", "lesion", "disorder", "pain", "infection", "Ménière"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--concepts", type=int, default=370_000)
    ap.add_argument("--descriptions", type=int, default=1_600_000)
    ap.add_argument("--relationships", type=int, default=1_200_000)
    ap.add_argument("--seed", type=int, default=20250101)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    term_dir = os.path.join(a.out, "Snapshot", "Terminology")
    lang_dir = os.path.join(a.out, "Snapshot", "Refset", "Language")
    os.makedirs(term_dir, exist_ok=True)
    os.makedirs(lang_dir, exist_ok=True)
    module = "900000000000207008"
    tag_list = [t for t, w in TAGS for _ in range(w)]

    def word():
        return "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 4)))

    def phrase():
        words = [word() for _ in range(rnd.randint(1, 3))]
        if rnd.random() < 0.6:
            words.insert(rnd.randrange(len(words) + 1), rnd.choice(QUALIFIERS))
        return " ".join(words)

    concept_ids = [sctid(100000 + i, "00") for i in range(a.concepts)]
    # Concepts: ~5% inactive.
    active = [rnd.random() >= 0.05 for _ in range(a.concepts)]
    active[0] = True
    with open(os.path.join(term_dir, "sct2_Concept_Snapshot_INT_20250101.txt"), "w", encoding="utf-8", newline="") as f:
        f.write("id\teffectiveTime\tactive\tmoduleId\tdefinitionStatusId\r\n")
        for i, cid in enumerate(concept_ids):
            f.write(f"{cid}\t2002{rnd.randint(1, 9):02d}31\t{1 if active[i] else 0}\t{module}\t900000000000074008\r\n")
    # Descriptions: one FSN per concept, then synonyms spread over concepts; ~4% inactive.
    n_syn = a.descriptions - a.concepts
    syn_per = [0] * a.concepts
    for _ in range(n_syn):
        syn_per[rnd.randrange(a.concepts)] += 1
    n_desc_active = 0
    n_matchable = 0
    matchable_tags = {"disorder", "finding", "body structure", "procedure", "regime/therapy", "observable entity"}
    seq = 1000000
    with open(os.path.join(term_dir, "sct2_Description_Snapshot-en_INT_20250101.txt"), "w", encoding="utf-8", newline="") as f, \
         open(os.path.join(lang_dir, "der2_cRefset_LanguageSnapshot-en_INT_20250101.txt"), "w", encoding="utf-8", newline="") as lf:
        f.write("id\teffectiveTime\tactive\tmoduleId\tconceptId\tlanguageCode\ttypeId\tterm\tcaseSignificanceId\r\n")
        lf.write("id\teffectiveTime\tactive\tmoduleId\trefsetId\treferencedComponentId\tacceptabilityId\r\n")
        member = 0
        for i, cid in enumerate(concept_ids):
            tag = rnd.choice(tag_list)
            base = phrase()
            rows = [("900000000000003001", f"{base} ({tag})")]
            rows.append(("900000000000013009", base))
            for _ in range(max(0, syn_per[i] - 1)):
                rows.append(("900000000000013009", phrase()))
            for k, (typ, term) in enumerate(rows):
                seq += 1
                did = sctid(seq, "01")
                is_active = k < 2 or rnd.random() >= 0.04
                f.write(f"{did}\t20{rnd.randint(2, 24):02d}0131\t{1 if is_active else 0}\t{module}\t{cid}\ten\t{typ}\t{term}\t900000000000448009\r\n")
                if not is_active:
                    continue
                n_desc_active += 1
                if typ != "900000000000003001" and active[i] and tag in matchable_tags:
                    n_matchable += 1
                acceptability = "900000000000548007" if k < 2 else "900000000000549004"
                for refset in ("900000000000509007", "900000000000508004"):
                    member += 1
                    lf.write(f"{member:08x}-0000-5000-8000-{member:012x}\t20020131\t1\t{module}\t{refset}\t{did}\t{acceptability}\r\n")
    # Relationships: ~48% is-a to an earlier concept (a tree), the rest attribute relationships; ~3% inactive.
    n_isa = 0
    with open(os.path.join(term_dir, "sct2_Relationship_Snapshot_INT_20250101.txt"), "w", encoding="utf-8", newline="") as f:
        f.write("id\teffectiveTime\tactive\tmoduleId\tsourceId\tdestinationId\trelationshipGroup\ttypeId\tcharacteristicTypeId\tmodifierId\r\n")
        seen = set()
        for r in range(a.relationships):
            src = rnd.randrange(1, a.concepts)
            isa = rnd.random() < 0.48
            dst = rnd.randrange(0, src) if isa else rnd.randrange(a.concepts)
            typ = "116680003" if isa else rnd.choice(["363698007", "116676008", "246075003", "260686004", "405813007"])
            is_active = rnd.random() >= 0.03
            if isa and is_active and (src, dst) not in seen:
                seen.add((src, dst))
                n_isa += 1
            f.write(f"{sctid(5000000 + r, '02')}\t20020131\t{1 if is_active else 0}\t{module}\t{concept_ids[src]}\t{concept_ids[dst]}\t0\t{typ}\t900000000000011006\t900000000000451002\r\n")
    with open(os.path.join(a.out, "expected.txt"), "w") as f:
        f.write(f"concepts {a.concepts}\nactive_descriptions {n_desc_active}\nmatchable_terms {n_matchable}\nisa {n_isa}\n")
    print(f"concepts {a.concepts} descriptions {a.descriptions} relationships {a.relationships} matchable {n_matchable} isa {n_isa}")


if __name__ == "__main__":
    main()
