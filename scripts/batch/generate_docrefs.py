#!/usr/bin/env python3
"""Generate FHIR R4 DocumentReference NDJSON for medtext batch tests and benchmarks.

Notes are assembled from our own sentence templates (written for this script, no external
corpus) with a fixed seed, so the output is reproducible byte for byte. Standard library only.

  python3 scripts/batch/generate_docrefs.py --count 3000 --out /tmp/docrefs.ndjson
  python3 scripts/batch/generate_docrefs.py --count 200 --bad-every 10        # include bad records
  python3 scripts/batch/generate_docrefs.py --count 1000 --target-bytes 3000  # ~3 KB notes

With --bad-every K, every K-th record is a bad one, cycling through every failure kind medtext
reports: invalid JSON, wrong resourceType, no attachment, attachment.url only, bad base64,
unsupported content type, empty text, undecodable text, and a note over the size limit
(--big-bytes, default 5 MiB, above the default 4 MiB limit). Good records exercise every
charset path: UTF-8, UTF-8 with BOM, ISO-8859-1 (declared), US-ASCII, text/markdown, and
several content entries per document.
"""
import argparse
import base64
import json
import random
import sys

SEED = 20261129

OPENINGS = [
    "Patient seen in clinic today for review of {cond}.",
    "Presented to the emergency department with {sym} for {n} days.",
    "Follow-up visit. History of {cond} and {cond2}.",
    "Referred by the GP for assessment of {sym}.",
    "Admitted overnight with worsening {sym}.",
]
HISTORY = [
    "Past history: {cond}, {cond2}.",
    "Known {cond}, diagnosed {n} years ago.",
    "No history of {cond}.",
    "Denies {sym}. Reports {sym2} at night.",
    "Family history of {cond} in her mother.",
    "Previously on {drug}, stopped because of nausea.",
]
MEDS = [
    "Current medications: {drug} {dose} mg {route} {freq}.",
    "Continue {drug} {dose} mg {freq}; start {drug2} {dose2} mg {route} {freq2}.",
    "{drug} {dose} mg {route} {freq} PRN for pain.",
    "Allergic to {allergen}.",
]
EXAM = [
    "On examination: BP {sbp}/{dbp}, HR {hr}, temperature {temp} C, SpO2 {spo2}% on room air.",
    "Chest clear. Heart sounds dual, no murmur. Abdomen soft, non-tender.",
    "Mild tenderness over the {site}. No swelling.",
    "Alert and oriented. No focal neurological deficit.",
]
PLAN = [
    "Plan: check {test} and review in {n} weeks.",
    "Impression: {cond}. Will arrange {test}.",
    "Advised to return if {sym} worsens.",
    "Possible {cond}; rule out {cond2}.",
]
CONDITIONS = ["hypertension", "type 2 diabetes mellitus", "asthma", "atrial fibrillation", "chronic kidney disease",
              "heart failure", "COPD", "osteoarthritis", "pneumonia", "urinary tract infection", "gout", "migraine",
              "hypothyroidism", "depression", "anaemia", "GORD"]
SYMPTOMS = ["chest pain", "shortness of breath", "cough", "fever", "headache", "nausea", "abdominal pain",
            "dizziness", "back pain", "fatigue", "palpitations", "leg swelling"]
DRUGS = ["metformin", "amlodipine", "atorvastatin", "paracetamol", "salbutamol", "warfarin", "ramipril",
         "furosemide", "omeprazole", "sertraline", "levothyroxine", "apixaban", "prednisolone", "amoxicillin"]
ALLERGENS = ["penicillin", "sulfonamides", "codeine", "latex"]
ROUTES = ["PO", "orally", "IV", "inhaled"]
FREQS = ["daily", "BID", "TDS", "nocte", "mane", "q6h", "twice daily"]
TESTS = ["full blood count", "HbA1c", "chest X-ray", "ECG", "renal function", "echocardiogram", "urine culture"]
SITES = ["left knee", "right shoulder", "lumbar spine", "right ankle"]
LATIN1_WORDS = ["café", "naïve", "façade", "Müller", "Gómez", "résumé"]


def sentence(rng, template):
    return template.format(
        cond=rng.choice(CONDITIONS), cond2=rng.choice(CONDITIONS), sym=rng.choice(SYMPTOMS),
        sym2=rng.choice(SYMPTOMS), drug=rng.choice(DRUGS), drug2=rng.choice(DRUGS),
        dose=rng.choice([5, 10, 20, 40, 500, 1000]), dose2=rng.choice([2.5, 25, 50, 100]),
        route=rng.choice(ROUTES), freq=rng.choice(FREQS), freq2=rng.choice(FREQS),
        allergen=rng.choice(ALLERGENS), n=rng.randint(2, 12), sbp=rng.randint(100, 170),
        dbp=rng.randint(60, 100), hr=rng.randint(55, 115), temp=round(rng.uniform(36.0, 39.2), 1),
        spo2=rng.randint(89, 100), test=rng.choice(TESTS), site=rng.choice(SITES))


def note(rng, target_bytes):
    parts = ["HISTORY OF PRESENTING COMPLAINT:", sentence(rng, rng.choice(OPENINGS))]
    sections = [("PAST HISTORY:", HISTORY), ("MEDICATIONS:", MEDS), ("EXAMINATION:", EXAM), ("PLAN:", PLAN)]
    while True:
        for header, pool in sections:
            parts.append("\n" + header)
            for _ in range(rng.randint(1, 3)):
                parts.append(sentence(rng, rng.choice(pool)))
        text = "\n".join(parts) + "\n"
        if len(text.encode("utf-8")) >= target_bytes:
            return text


def docref(i, rng, content, meta=True):
    d = {"resourceType": "DocumentReference", "id": f"doc-{i:06d}"}
    if meta:
        d["meta"] = {"versionId": str(1 + i % 3),
                     "security": [{"system": "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "code": "R"}],
                     "tag": [{"system": "https://example.org/tenant", "code": f"tenant-{i % 4}"}]}
    d["status"] = "current"
    d["subject"] = {"reference": f"Patient/p{rng.randint(1, 500):04d}"}
    d["date"] = f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T09:30:00Z"
    d["content"] = content
    d["context"] = {"encounter": [{"reference": f"Encounter/e{i:06d}"}]}
    return d


def b64(data):
    return base64.b64encode(data).decode("ascii")


def good(i, rng, target):
    kind = i % 7
    text = note(rng, target)
    if kind == 0:
        content = [{"attachment": {"contentType": "text/plain; charset=utf-8", "data": b64(text.encode("utf-8"))}}]
    elif kind == 1:
        content = [{"attachment": {"contentType": "text/plain;charset=UTF-8", "data": b64(b"\xef\xbb\xbf" + text.encode("utf-8"))}}]
    elif kind == 2:
        text = text.replace("Chest clear.", "Chest clear, seen at the " + rng.choice(LATIN1_WORDS) + ".")
        text += "Seen with " + rng.choice(LATIN1_WORDS) + ".\n"
        content = [{"attachment": {"contentType": "text/plain; charset=ISO-8859-1", "data": b64(text.encode("latin-1"))}}]
    elif kind == 3:
        content = [{"attachment": {"contentType": "text/plain; charset=us-ascii", "data": b64(text.encode("ascii"))}}]
    elif kind == 4:
        md = text.replace("PLAN:", "## Plan")
        content = [{"attachment": {"contentType": "text/markdown", "data": b64(md.encode("utf-8"))}}]
    elif kind == 5:
        addendum = "ADDENDUM:\n" + sentence(rng, rng.choice(PLAN)) + "\n"
        content = [{"attachment": {"contentType": "application/pdf", "url": "Binary/pdf-%d" % i}},
                   {"attachment": {"contentType": "text/plain", "data": b64(text.encode("utf-8"))}},
                   {"attachment": {"contentType": "text/plain", "data": b64(addendum.encode("utf-8"))}}]
    else:
        content = [{"attachment": {"contentType": "text/plain", "data": b64(text.encode("utf-8"))}}]
    return json.dumps(docref(i, rng, content, meta=(i % 5 != 0)), separators=(",", ":"), ensure_ascii=False)


BAD_KINDS = ["invalid-json", "wrong-resource-type", "no-attachment", "attachment-url-only", "bad-base64",
             "unsupported-content-type", "empty-text", "undecodable-text", "too-large"]


def bad(i, rng, kind, big_bytes):
    if kind == "invalid-json":
        return '{"resourceType":"DocumentReference","id":"doc-%06d","content":[' % i
    if kind == "wrong-resource-type":
        return json.dumps({"resourceType": "Patient", "id": f"doc-{i:06d}"}, separators=(",", ":"))
    if kind == "no-attachment":
        return json.dumps(docref(i, rng, []), separators=(",", ":"))
    if kind == "attachment-url-only":
        return json.dumps(docref(i, rng, [{"attachment": {"contentType": "text/plain", "url": "Binary/%d" % i}}]), separators=(",", ":"))
    if kind == "bad-base64":
        return json.dumps(docref(i, rng, [{"attachment": {"contentType": "text/plain", "data": "not*base64!"}}]), separators=(",", ":"))
    if kind == "unsupported-content-type":
        return json.dumps(docref(i, rng, [{"attachment": {"contentType": "application/pdf", "data": b64(b"%PDF-1.4 test")}}]), separators=(",", ":"))
    if kind == "empty-text":
        return json.dumps(docref(i, rng, [{"attachment": {"contentType": "text/plain", "data": b64(b"  \n ")}}]), separators=(",", ":"))
    if kind == "undecodable-text":
        return json.dumps(docref(i, rng, [{"attachment": {"contentType": "text/plain; charset=utf-8", "data": b64(b"fever \xff\xfe cough")}}]), separators=(",", ":"))
    if kind == "too-large":
        text = ("Patient well. " * (big_bytes // 14 + 1)).encode("ascii")
        return json.dumps(docref(i, rng, [{"attachment": {"contentType": "text/plain", "data": b64(text)}}]), separators=(",", ":"))
    raise ValueError(kind)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--bad-every", type=int, default=0, help="every K-th record is bad (0: none)")
    ap.add_argument("--target-bytes", type=int, default=1500, help="approximate note size")
    ap.add_argument("--big-bytes", type=int, default=5 << 20, help="size of the too-large note")
    ap.add_argument("--no-big", action="store_true", help="leave out the too-large kind (keeps files small)")
    ap.add_argument("--out", default="-")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    kinds = [k for k in BAD_KINDS if not (args.no_big and k == "too-large")]
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8", newline="\n")
    nbad = 0
    for i in range(1, args.count + 1):
        if args.bad_every and i % args.bad_every == 0:
            line = bad(i, rng, kinds[nbad % len(kinds)], args.big_bytes)
            nbad += 1
        else:
            line = good(i, rng, args.target_bytes)
        out.write(line + "\n")
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
