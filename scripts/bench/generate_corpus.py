#!/usr/bin/env python3
"""Deterministic synthetic clinical notes for medtext's tokenizer benchmark.

Every template below was written by the medtext authors for this script; no text comes
from any corpus. Same seed and size -> byte-identical output (Python's `random.Random`
with a fixed seed; standard library only).

    python3 scripts/bench/generate_corpus.py --out Benchmarks/corpus/synthetic.jsonl --megabytes 12

Writes one JSON object per line: {"id": "syn-000001", "text": "..."}.
"""
import argparse
import json
import random

SEED = 20261129

FIRST = ["Alex", "Sam", "Jordan", "Casey", "Morgan", "Riley", "Taylor", "Jamie", "Robin", "Avery"]
LAST = ["Nguyen", "Smith", "O'Brien", "Patel", "Garcia", "Kowalski", "Müller", "Chen", "Okafor", "Rossi"]
COMPLAINTS = ["chest pain", "SOB", "abdo pain", "headache", "fever", "cough", "back pain", "dizziness",
              "palpitations", "n/v/d", "syncope", "rash", "dysuria", "leg swelling"]
CONDITIONS = ["HTN", "T2DM", "DM2", "AF", "COPD", "CKD stage 3", "hypercholesterolaemia", "hyperlipidemia",
              "asthma", "OA", "GORD", "GERD", "hypothyroidism", "CCF", "IHD", "Crohn's disease", "depression"]
MEDS = [("metformin", "500mg", "BD"), ("atorvastatin", "40 mg", "nocte"), ("aspirin", "100mg", "daily"),
        ("lisinopril", "10 mg", "q.d."), ("salbutamol", "2 puffs", "q4-6h PRN"), ("paracetamol", "1g", "QID PRN"),
        ("apixaban", "5 mg", "b.i.d."), ("furosemide", "40mg", "mane"), ("omeprazole", "20 mg", "daily"),
        ("levothyroxine", "50mcg", "daily"), ("amoxicillin", "500 mg", "t.i.d. x7days"),
        ("insulin glargine", "20 units", "SC nocte"), ("ondansetron", "4mg", "q8h PRN"), ("morphine", "2.5mg", "IV q2h prn")]
ALLERGIES = ["NKDA", "penicillin (rash)", "sulfa drugs - hives", "codeine: nausea", "nil known"]
SPECIALTIES = ["cardiology", "respiratory", "gastroenterology", "endocrinology", "neurology"]


def vitals(r):
    return (f"BP {r.randint(95, 185)}/{r.randint(55, 105)}, HR {r.randint(48, 132)}, RR {r.randint(12, 28)}, "
            f"T {r.randint(355, 395) / 10}°C, SpO2 {r.randint(88, 100)}% RA")


def us_ed_note(r):
    age, sex = r.randint(18, 95), r.choice(["M", "F"])
    cc = r.choice(COMPLAINTS)
    meds = r.sample(MEDS, r.randint(2, 6))
    conds = r.sample(CONDITIONS, r.randint(1, 5))
    lines = [
        "CHIEF COMPLAINT:", f"{cc.capitalize()} x{r.randint(1, 9)}days.", "",
        "HISTORY OF PRESENT ILLNESS:",
        f"{age} yo {sex} with h/o {', '.join(conds)} presents c/o {cc} since {r.randint(2, 11)} p.m. yesterday. "
        f"Pt. reports pain {r.randint(2, 10)}/10, radiating to the L arm, assoc. with nausea, "
        f"e.g. after meals. Denies fever, chills, or LOC. Was seen by Dr. {r.choice(LAST)} approx. "
        f"{r.randint(2, 8)} wks ago and started on {meds[0][0]} {meds[0][1]}.", "",
        "PAST MEDICAL HISTORY:", *[f"- {c}" for c in conds], "",
        "MEDICATIONS:", *[f"{k + 1}. {m} {d} {f}" for k, (m, d, f) in enumerate(meds)], "",
        f"ALLERGIES: {r.choice(ALLERGIES)}.", "",
        "SOCIAL HISTORY: Former smoker, quit 2015. Drinks 2-3 beers/wk. No IVDU.", "",
        "PHYSICAL EXAM:", f"Vitals: {vitals(r)}.",
        "General: alert, oriented x3, in mild distress.",
        "HEENT: PERRLA, EOMI. Neck: supple, no JVD.",
        f"Lungs: {'clear bilaterally' if r.random() < 0.6 else 'crackles at the R base'}.",
        "CV: RRR, no m/r/g.", "Abd: soft, NT/ND, +ve bowel sounds.", "",
        "LABS:", f"Na {r.randint(128, 146)}, K {r.randint(30, 55) / 10}, Cr {r.randint(6, 25) / 10} mg/dL, "
        f"Hb {r.randint(80, 165) / 10} g/dL, troponin <0.01 ng/mL, glucose {r.randint(70, 320)} mg/dL.", "",
        "ASSESSMENT AND PLAN:",
        f"{age} yo {sex} with {cc}, likely {r.choice(['musculoskeletal', 'viral', 'cardiac', 'GI'])} in origin.",
        f"1. {cc.capitalize()}: serial troponins q6h, ECG in a.m., continue {meds[-1][0]}.",
        f"2. {conds[0]}: continue home meds, check HbA1c.",
        "3. Dispo: obs overnight, f/u with PCP in 1-2 wks.", "",
    ]
    return "\n".join(lines)


def au_discharge(r):
    age = r.randint(20, 98)
    conds = r.sample(CONDITIONS, r.randint(2, 6))
    meds = r.sample(MEDS, r.randint(3, 7))
    lines = [
        "Discharge Summary", "",
        f"Presenting complaint: {r.choice(COMPLAINTS)} and {r.choice(COMPLAINTS)}", "",
        "HOPC",
        f"{age}yo {r.choice(['man', 'woman'])} BIBA after {r.randint(1, 5)}/7 of worsening {r.choice(COMPLAINTS)},",
        "not relieved by simple analgesia, and associated with reduced oral intake",
        "over the preceding 48 hrs.", "",
        "PMHx", *[f"• {c}" for c in conds], "",
        "O/E afebrile, " + vitals(r) + ".",
        f"Chest: {'clear' if r.random() < 0.5 else 'bibasal creps'}. Abdo: SNT. Calves SNT, no oedema.", "",
        f"Ix: FBC - Hb {r.randint(80, 160)}, WCC {r.randint(30, 220) / 10}; UEC - Cr {r.randint(50, 300)} umol/L; "
        f"CRP {r.randint(1, 250)}. CXR: {'NAD' if r.random() < 0.5 else 'RLL consolidation'}.", "",
        f"Imp: {r.choice(['community-acquired pneumonia', 'UTI with delirium', 'exacerbation of COPD', 'AKI on CKD'])}",
        "", "Mx",
        f"- IV {r.choice(['ceftriaxone 1g daily', 'benzylpenicillin 1.2g q4h', 'fluids 1L/8hrly'])} then PO step-down",
        "- Physio review, mobilising independently on discharge",
        "- Family meeting held with Dr. " + r.choice(LAST) + " (geriatrics)", "",
        "Discharge medications:", *[f"{m} {d} {f}" for (m, d, f) in meds], "",
        f"Follow up: GP in 1/52; {r.choice(SPECIALTIES)} OPD in 6/52.", "",
    ]
    return "\n".join(lines)


def au_gp_letter(r):
    name = f"{r.choice(FIRST)} {r.choice(LAST)}"
    lines = [
        f"Dear Dr {r.choice(LAST)},", "",
        f"Re: {name}", "",
        f"Thank you for seeing this pleasant {r.randint(18, 90)} year old for review of {r.choice(COMPLAINTS)}.",
        f"Symptoms began approx. {r.randint(2, 12)} months ago, i.e. before the move interstate.",
        "", "Background:", *[f"{k + 1}) {c}" for k, c in enumerate(r.sample(CONDITIONS, 3))], "",
        "Current medications:", *[f"{m} {d} {f}" for (m, d, f) in r.sample(MEDS, 4)], "",
        f"Allergies: {r.choice(ALLERGIES)}", "",
        "On examination", f"{vitals(r)}. HS dual, nil added. Chest clear.", "",
        "Kind regards,", f"Dr {r.choice(FIRST)} {r.choice(LAST)}", "",
    ]
    return "\n".join(lines)


def nursing_note(r):
    lines = [
        f"{r.randint(0, 23):02d}:{r.choice(['00', '15', '30', '45'])} pt settled overnight",
        f"obs stable, {vitals(r)}",
        "tolerating diet and fluids",
        f"c/o {r.choice(COMPLAINTS)} at {r.randint(1, 12)}am, given paracetamol 1g PO with good effect",
        "IDC draining clear urine, 50-100 ml/hr",
        "pressure areas intact, repositioned 2/24",
        "family updated", "",
    ]
    return "\n".join(lines)


def markdown_note(r):
    lines = [
        "# Chief Complaint", f"{r.choice(COMPLAINTS).capitalize()}.", "",
        "## Assessment", f"Likely {r.choice(CONDITIONS)} flare. Differential includes {r.choice(CONDITIONS)}.", "",
        "## Plan", f"- Start {r.choice(MEDS)[0]} {r.choice(MEDS)[1]}", "- Review in 2/52", "",
    ]
    return "\n".join(lines)


GENERATORS = [us_ed_note, us_ed_note, au_discharge, au_gp_letter, nursing_note, markdown_note]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--megabytes", type=float, default=12.0)
    ap.add_argument("--seed", type=int, default=SEED)
    a = ap.parse_args()
    r = random.Random(a.seed)
    target = int(a.megabytes * 1_000_000)
    total = 0
    n = 0
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        while total < target:
            n += 1
            text = r.choice(GENERATORS)(r)
            total += len(text.encode("utf-8"))
            f.write(json.dumps({"id": f"syn-{n:06d}", "text": text}, ensure_ascii=False) + "\n")
    print(f"wrote {n} notes, {total} bytes of text to {a.out}")


if __name__ == "__main__":
    main()
