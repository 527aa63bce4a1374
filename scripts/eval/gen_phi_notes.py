#!/usr/bin/env python3
"""Generates the synthetic part of the PHI gold corpus (corpora/phi/{dev,test}/1NN-<kind>-<us|au>.txt).

Usage:
  python3 scripts/eval/gen_phi_notes.py [--out corpora/phi] [--count 34] [--seed 20251129] [--check]

Everything here is our own: the templates, the name, street, organisation and profession pools
and every value are invented for the medtext project (no external data). The output is
deterministic for a given seed and count; re-running rewrites the same files. Telephone numbers
use fiction/documentation ranges (US 555-01xx, AU 5550 xxxx / 7010 xxxx / 0491 57x xxx), e-mail
and web addresses example domains, IP addresses documentation ranges. Identifiers with a check
digit are built valid (phi_ids.make_*), and every generated note is re-parsed and checked
(check digits, forgotten repeats) before it is written; --check only verifies, writing nothing.
Notes 101..(100+count) are split dev/test 3:2; every template is used for AU and US notes. Standard library only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_phi  # noqa: E402
import phi_gold as P  # noqa: E402
import phi_ids as I  # noqa: E402

# ----------------------------------------------------------------- pools (invented for medtext)

GIVEN_F = ["Amelia", "Anh", "Beatriz", "Bronwyn", "Chiara", "Deepa", "Elif", "Fatuma", "Gabriela", "Imogen", "Ines",
           "Jasmine", "Keisha", "Layla", "Matilda", "Ngozi", "Niamh", "Paloma", "Rhiannon", "Saoirse", "Tamsin",
           "Thanh", "Ulla", "Valentina", "Yasmin", "Zara", "Cressida", "Eleni", "Giulia", "Marguerite", "Aroha"]
GIVEN_M = ["Aiden", "Arjun", "Callum", "Darnell", "Eamon", "Finn", "Hamid", "Hiroshi", "Jarrah", "Kai", "Lachlan",
           "Malik", "Mateo", "Oskar", "Quentin", "Ravi", "Tariq", "Wiremu", "Xavier", "Yusuf", "Bartholomew",
           "Dmitri", "Florin", "Hemi", "Cormac", "Ignatius", "Thaddeus", "Rangi", "Bao", "Emeka", "Lorenzo"]
FAMILY = ["Abernethy", "Achterberg", "Baxter-Lowe", "Bianchi", "Castellano", "Chua", "D'Souza", "Dimitriou",
          "Eklund", "Fairweather", "Fonoti", "Gallagher", "Haddad", "Ikeda", "Jablonski", "Kaur", "Kovacevic",
          "Lindqvist", "Mac Giolla", "McAllister", "Mendoza", "Nakashima", "Nwachukwu", "O'Donoghue", "Okonkwo",
          "Papadopoulos", "Quaye", "Rahimi", "Rasmussen", "Santangelo", "Sharma-Reid", "Szabo", "Thorne",
          "Trinh", "Underhill", "Vasquez", "Wojcik", "Whitcombe", "Yilmaz", "Zielinski", "Tuiasosopo", "Marangoni",
          "Featherstone", "Ellery", "Quintal", "Huang-Fisher", "N'Diaye", "van Rooyen", "Oyelaran", "Pakeha-Ward"]

PROFESSIONS = ["aged care worker", "air traffic controller", "architect", "arborist", "baker", "barista",
               "beekeeper", "boilermaker", "bricklayer", "butcher", "cabinet maker", "chef", "chemical engineer",
               "civil engineer", "concreter", "cleaner", "crane operator", "dairy farmer", "data analyst",
               "dental technician", "dock worker", "early childhood educator", "flight attendant", "florist",
               "forklift driver", "glazier", "graphic designer", "greenkeeper", "high school maths teacher",
               "horticulturist", "jockey", "journalist", "landscaper", "lawyer", "locksmith", "midwife",
               "miner", "music teacher", "optometrist", "painter and decorator", "paramedic", "plasterer",
               "plumber", "police officer", "postal worker", "real estate agent", "sheet metal worker",
               "social worker", "stonemason", "surveyor", "tiler", "train driver", "truck driver",
               "university lecturer", "vineyard hand", "warehouse supervisor", "wool classer", "youth worker",
               "pharmacy assistant", "bank teller", "church organist", "tattoo artist", "panel beater"]

STREETS = ["Banksia", "Wattle", "Jacaranda", "Kurrajong", "Ironbark", "Elm", "Maple", "Magnolia", "Sycamore",
           "Chestnut", "Bellbird", "Currawong", "Lyrebird", "Quarry", "Mill", "Orchard", "Tannery", "Foundry",
           "Ridgeview", "Lakeside", "Harbourview", "Paperbark", "Bottlebrush", "Cedar Creek", "Old Mill"]
AU_ST = ["Street", "St", "Road", "Rd", "Avenue", "Ave", "Crescent", "Cres", "Place", "Pl", "Parade", "Drive",
         "Close", "Court", "Lane", "Terrace", "Way"]
US_ST = ["Street", "St", "Avenue", "Ave", "Road", "Rd", "Boulevard", "Blvd", "Drive", "Dr", "Lane", "Ln",
         "Court", "Ct", "Way", "Pkwy", "Circle"]
AU_PLACES = [("Parramatta", "NSW", "2150"), ("Penrith", "NSW", "2750"), ("Dubbo", "NSW", "2830"),
             ("Wagga Wagga", "NSW", "2650"), ("Geelong", "VIC", "3220"), ("Ballarat", "VIC", "3350"),
             ("Dandenong", "VIC", "3175"), ("Toowoomba", "QLD", "4350"), ("Cairns", "QLD", "4870"),
             ("Ipswich", "QLD", "4305"), ("Mandurah", "WA", "6210"), ("Bunbury", "WA", "6230"),
             ("Elizabeth", "SA", "5112"), ("Mount Gambier", "SA", "5290"), ("Launceston", "TAS", "7250"),
             ("Palmerston", "NT", "0830"), ("Belconnen", "ACT", "2617"), ("Orange", "NSW", "2800")]
US_PLACES = [("Albany", "NY", "12208", "518"), ("Akron", "OH", "44307", "330"), ("Boise", "ID", "83702", "208"),
             ("Fresno", "CA", "93721", "559"), ("Lubbock", "TX", "79401", "806"), ("Mobile", "AL", "36602", "251"),
             ("Omaha", "NE", "68102", "402"), ("Provo", "UT", "84601", "801"), ("Savannah", "GA", "31401", "912"),
             ("Spokane", "WA", "99201", "509"), ("Topeka", "KS", "66603", "785"), ("Worcester", "MA", "01608", "508"),
             ("Duluth", "MN", "55802", "218"), ("Eugene", "OR", "97401", "541"), ("Reno", "NV", "89501", "775")]
AU_AREA = {"NSW": "02", "ACT": "02", "VIC": "03", "TAS": "03", "QLD": "07", "WA": "08", "SA": "08", "NT": "08"}

ORG_STEMS = ["Riverbend", "Wattle Grove", "Northgate", "Bluegum", "Cedar Valley", "Harbourline", "Kingfisher",
             "Stonebridge", "Silver Creek", "Pinecrest", "Mountain View", "Bayside", "Westmead Park", "Lakeshore",
             "Saint Columba's", "Saint Aidan's", "Hollybrook", "Redgum", "Prairie Ridge", "Copperfield"]
HOSP_AU = ["Hospital", "Base Hospital", "Private Hospital", "Health Service"]
HOSP_US = ["Medical Center", "Regional Hospital", "Memorial Hospital", "Community Hospital"]
PRACTICE_AU = ["Medical Centre", "Family Practice", "General Practice", "Medical Group", "Health Hub"]
PRACTICE_US = ["Family Medicine", "Primary Care", "Internal Medicine Associates", "Health Partners"]
LAB = ["Pathology", "Diagnostics", "Imaging", "Laboratories"]
EMPLOYERS = ["{s} Logistics", "{s} Constructions", "{s} Council", "{s} Grammar School", "{s} Foods",
             "{s} Mining Co", "{s} Transit Authority", "{s} Hardware", "{s} Aged Care"]

# Confounders: must never be annotated.
CONFOUNDERS = [
    "Hx of Parkinson's disease, stable on Sinemet.", "Known Crohn's disease, in remission on azathioprine.",
    "Bell's palsy (right) in childhood, full recovery.", "Graves' disease treated with radioiodine.",
    "Down syndrome; lives in supported accommodation.", "Hodgkin lymphoma in remission.",
    "Murphy's sign negative.", "Babinski downgoing bilaterally.", "Addison's disease on hydrocortisone 10/5/5.",
    "Barrett's oesophagus on surveillance.", "Hashimoto's thyroiditis on thyroxine 100 mcg.",
    "Wells score 1.", "Glasgow Coma Scale 15/15.", "Apgar scores 9 and 9 at birth.",
    "Cushingoid appearance noted.", "Trendelenburg test negative.", "Raynaud's phenomenon in winter.",
]
CONFOUNDER_WORDS = ["May need a repeat FBC.", "Will review with results.", "Grace period for the form noted.",
                    "Mark the site before theatre.", "Bill to the account on file.", "Hope to wean O2 tomorrow."]
VITALS = ["BP 140/90, HR 76, RR 16, SpO2 97% RA, T 36.8.", "BP 118/72 HR 64 reg RR 14 sats 99% T 37.1",
          "BP 156/94, P 88, RR 18, O2 sat 95% on 2 L, Temp 38.2 C.", "BP 102/60 HR 110 RR 22 SpO2 93% RA T 38.6"]
MEDS = ["amoxicillin 500 mg tds x 5/7", "metformin 1 g bd", "atorvastatin 40 mg nocte", "Lasix 40 mg mane",
        "Keflex 500 mg qid x 7/7", "apixaban 5 mg bd", "Ventolin 2 puffs prn", "Panadol Osteo 2 tabs tds",
        "Endone 5 mg q4h prn (max 4/24)", "prednisolone 25 mg daily, wean by 5 mg every 3/7",
        "lisinopril 10 mg daily", "gabapentin 300 mg TID", "insulin glargine 22 units nocte"]
US_MEDS = ["lisinopril 10 mg daily", "metformin 500 mg BID", "atorvastatin 40 mg qHS", "amlodipine 5 mg daily",
           "levothyroxine 75 mcg qAM", "albuterol HFA 2 puffs q4h PRN", "Eliquis 5 mg BID", "Lasix 20 mg daily"]
PROBLEMS = [("cellulitis of the left leg", "cellulitis"), ("community-acquired pneumonia", "pneumonia"),
            ("acute exacerbation of COPD", "COPD"), ("urinary tract infection", "UTI"),
            ("fast AF", "AF with RVR"), ("diabetic foot ulcer", "foot ulcer"), ("renal colic", "renal colic"),
            ("syncope", "syncope"), ("cholecystitis", "cholecystitis"), ("DKA", "DKA")]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def lo(marked: str) -> str:
    """Lower-cases the note text and marker surfaces but not the marker labels."""
    return re.sub(r"\[\[([^|\]]*)((?:\|[^|\]]*)+)\]\]|([^\[]+|\[)",
                  lambda m: f"[[{m.group(1).lower()}{m.group(2)}]]" if m.group(1) is not None else m.group(3).lower(),
                  marked)


def up(marked: str) -> str:
    """Upper-cases the note text and marker surfaces but not the marker labels."""
    return re.sub(r"\[\[([^|\]]*)((?:\|[^|\]]*)+)\]\]|([^\[]+|\[)",
                  lambda m: f"[[{m.group(1).upper()}{m.group(2)}]]" if m.group(1) is not None else m.group(3).upper(),
                  marked)


def ordinal(n: int) -> str:
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


class Gen:
    """Random fake values, each returned as a marker string."""

    def __init__(self, rng: random.Random, region: str):
        self.r, self.region = rng, region
        self.used_names: set = set()
        self.sex: dict = {}

    # markers
    @staticmethod
    def m(text, typ, kind=None):
        return f"[[{text}|{typ}{'|kind=' + kind if kind else ''}]]"

    def pick(self, seq):
        return self.r.choice(seq)

    # names
    def person(self, sex=None):
        sex = sex or self.pick("FM")
        pool = GIVEN_F if sex == "F" else GIVEN_M
        for _ in range(100):
            g, f = self.pick(pool), self.pick(FAMILY)
            if g not in self.used_names and f not in self.used_names:
                break
        self.used_names |= {g, f}
        self.sex[g] = sex
        return g, f

    def is_f(self, person) -> bool:
        return self.sex.get(person[0]) == "F"

    def title(self, person) -> str:
        return self.pick(["Mrs", "Ms", "Miss"]) if self.is_f(person) else "Mr"

    def pron(self, person, which="subj") -> str:
        f = self.is_f(person)
        return {"subj": "she" if f else "he", "poss": "her" if f else "his"}[which]

    def kin(self, person) -> str:
        return self.pick(["daughter", "wife", "sister", "niece", "mother"] if self.is_f(person)
                         else ["son", "husband", "brother", "nephew", "father"])

    def name(self, style="full", person=None):
        g, f = person or self.person()
        text = {"full": f"{g} {f}", "inv": f"{f}, {g}", "init": f"{g[0]}. {f}", "caps": f"{g} {f}".upper(),
                "capsinv": f"{f.upper()}, {g}", "lower": f"{g} {f}".lower(), "given": g, "family": f,
                "mid": f"{g} {self.pick('ABCDEFGHJKLMNPRST')}. {f}"}[style]
        return self.m(text, "NAME")

    # dates
    def date_value(self, start=1930, end=2025):
        d = dt.date(self.r.randint(start, end), self.r.randint(1, 12), self.r.randint(1, 28))
        return d

    def date(self, d=None, style=None, time=False):
        d = d or self.date_value(2023, 2025)
        au = self.region == "au"
        styles_au = ["dd/mm/yyyy", "d/m/yy", "dd-Mon-yyyy", "d Month yyyy", "dth Month yyyy", "iso", "dd.mm.yyyy",
                     "dd/mm/yy", "Wkd d Mon yyyy"]
        styles_us = ["mm/dd/yyyy", "m/d/yy", "Month d, yyyy", "Mon d, yyyy", "iso", "mm-dd-yyyy", "m/d/yyyy",
                     "Wkd, Month d, yyyy"]
        style = style or self.pick(styles_au if au else styles_us)
        mon = MONTHS[d.month - 1]
        txt = {
            "dd/mm/yyyy": f"{d.day:02d}/{d.month:02d}/{d.year}", "d/m/yy": f"{d.day}/{d.month}/{d.year % 100:02d}",
            "dd-Mon-yyyy": f"{d.day:02d}-{mon[:3]}-{d.year}", "d Month yyyy": f"{d.day} {mon} {d.year}",
            "dth Month yyyy": f"{ordinal(d.day)} {mon} {d.year}", "iso": d.isoformat(),
            "dd.mm.yyyy": f"{d.day:02d}.{d.month:02d}.{d.year}", "dd/mm/yy": f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}",
            "Wkd d Mon yyyy": f"{d.strftime('%a')} {d.day} {mon[:3]} {d.year}",
            "mm/dd/yyyy": f"{d.month:02d}/{d.day:02d}/{d.year}", "m/d/yy": f"{d.month}/{d.day}/{d.year % 100:02d}",
            "Month d, yyyy": f"{mon} {d.day}, {d.year}", "Mon d, yyyy": f"{mon[:3]} {d.day}, {d.year}",
            "mm-dd-yyyy": f"{d.month:02d}-{d.day:02d}-{d.year}", "m/d/yyyy": f"{d.month}/{d.day}/{d.year}",
            "Wkd, Month d, yyyy": f"{d.strftime('%A')}, {mon} {d.day}, {d.year}",
            "Mon yyyy": f"{mon[:3]} {d.year}", "Month yyyy": f"{mon} {d.year}",
            "m/yy": f"{d.month}/{d.year % 100:02d}", "short": f"{d.day}/{d.month}" if au else f"{d.month}/{d.day}",
            "yyyy": str(d.year),
        }[style]
        if time:
            h, mi = self.r.randint(6, 22), self.r.choice([0, 5, 10, 15, 20, 30, 40, 45, 50, 55])
            txt += self.pick([f" {h:02d}:{mi:02d}", f" {h:02d}{mi:02d}", f" at {h % 12 or 12}:{mi:02d} {'AM' if h < 12 else 'PM'}",
                              f" {h:02d}{mi:02d}hrs" if au else f" {h:02d}:{mi:02d}"])
        return self.m(txt, "DATE")

    def dob_age(self, old=False):
        age = self.r.randint(90, 101) if old else self.r.randint(18, 88)
        born = dt.date(2025 - age, self.r.randint(1, 12), self.r.randint(1, 28))
        return born, age

    # places
    def address(self, full=True):
        n = self.r.randint(1, 2400 if self.region == "us" else 220)
        street = f"{self.pick(STREETS)} {self.pick(AU_ST if self.region == 'au' else US_ST)}"
        if self.region == "au":
            sub, st, pc = self.pick(AU_PLACES)
            unit = self.pick(["", f"Unit {self.r.randint(1, 30)}/", f"{self.r.randint(1, 12)}/", ""])
            line = f"{unit}{n} {street}, {sub} {st} {pc}" if full else f"{sub} {st} {pc}"
        else:
            city, st, z, _ = self.pick(US_PLACES)
            apt = self.pick(["", f", Apt {self.r.randint(1, 40)}{self.pick('ABCD')}", "", f" #{self.r.randint(100, 999)}"])
            line = f"{n} {street}{apt}, {city}, {st} {z}" if full else f"{city}, {st}"
        return self.m(line, "ADDRESS"), line

    def po_box(self):
        if self.region == "au":
            sub, st, pc = self.pick(AU_PLACES)
            return self.m(f"PO Box {self.r.randint(10, 2999)}, {sub} {st} {pc}", "ADDRESS")
        city, st, z, _ = self.pick(US_PLACES)
        return self.m(f"P.O. Box {self.r.randint(10, 9999)}, {city}, {st} {z}", "ADDRESS")

    def city(self):
        return self.m(self.pick(AU_PLACES)[0] if self.region == "au" else self.pick(US_PLACES)[0], "ADDRESS")

    def org(self, what="hospital"):
        s = self.pick(ORG_STEMS)
        au = self.region == "au"
        tail = {"hospital": HOSP_AU if au else HOSP_US, "practice": PRACTICE_AU if au else PRACTICE_US,
                "lab": LAB}[what] if what in ("hospital", "practice", "lab") else None
        if not tail:
            s = self.pick([x for x in ORG_STEMS if not x.startswith("Saint")])
        text = f"{s} {self.pick(tail)}" if tail else self.pick(EMPLOYERS).format(s=s)
        return self.m(text, "ORGANIZATION"), text

    # contacts
    def phone(self, mobile=None, org=False):
        """A fictional-range number; org=True also allows 1300/1800 numbers (AU) and toll-free (US)."""
        r = self.r
        if self.region == "au":
            mobile = r.random() < 0.5 if mobile is None else mobile
            if mobile:
                x = f"{r.randint(570, 579)} {r.randint(0, 999):03d}"
                return self.m(self.pick([f"0491 {x}", f"+61 491 {x}", f"0491{x.replace(' ', '')}"]), "PHONE_OR_FAX")
            area = self.pick(["02", "03", "07", "08"])
            mid = "7010" if area == "03" else "5550"
            last = f"{r.randint(0, 9999):04d}"
            forms = [f"({area}) {mid} {last}", f"{area} {mid} {last}", f"+61 {area[1]} {mid} {last}", f"{area}{mid}{last}"]
            if org:
                forms += [f"1300 975 {r.randint(700, 799)}", f"1800 160 {r.randint(400, 499)}"]
            return self.m(self.pick(forms), "PHONE_OR_FAX")
        area = self.pick(US_PLACES)[3]
        last = f"01{r.randint(0, 99):02d}"
        ext = self.pick(["", "", "", f" ext. {r.randint(100, 9999)}", f" x{r.randint(100, 999)}"])
        forms = [f"({area}) 555-{last}", f"{area}-555-{last}", f"{area}.555.{last}", f"+1 {area} 555 {last}",
                 f"+1-{area}-555-{last}"]
        if org:
            forms.append(f"1-800-555-{last}")
        return self.m(self.pick(forms) + (ext if org else ""), "PHONE_OR_FAX")

    def email(self, given, family, domain=None):
        dom = domain or self.pick(["example.com", "example.net", "example.org", "mail.example.com.au",
                                   "health.example.org"])
        clean = lambda s: "".join(ch for ch in s.lower() if ch.isalnum())  # noqa: E731
        local = self.pick([f"{clean(given)}.{clean(family)}", f"{clean(given)[0]}{clean(family)}",
                           f"{clean(family)}{self.r.randint(1, 99)}"])
        return self.m(f"{local}@{dom}", "EMAIL")

    def url(self, stem):
        host = "".join(ch for ch in stem.lower() if ch.isalnum())
        tld = "example.com.au" if self.region == "au" else "example.org"
        return self.m(self.pick([f"https://www.{host}.{tld}", f"www.{host}.{tld}",
                                 f"https://portal.{host}.{tld}/patient?id={self.r.randint(1000, 99999)}"]), "URL")

    def ip(self):
        r = self.r
        return self.m(self.pick([f"192.0.2.{r.randint(1, 254)}", f"198.51.100.{r.randint(1, 254)}",
                                 f"203.0.113.{r.randint(1, 254)}", f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
                                 f"2001:db8:{r.randint(1, 0xffff):x}::{r.randint(1, 0xff):x}"]), "IP_ADDRESS")

    # identifiers
    def digits(self, n):
        return "".join(self.pick("0123456789") for _ in range(n))

    def mrn(self):
        return self.m(self.pick([self.digits(8), f"{self.digits(3)}-{self.digits(3)}-{self.digits(3)}",
                                 f"{self.pick(['MRN', 'HX', 'P'])}{self.digits(7)}", self.digits(7)]),
                      "ID", "mrn" if self.region == "us" else "ur")

    def medicare(self):
        return self.m(I.make_medicare(self.pick("23456") + self.digits(7), self.r.randint(1, 6)), "ID", "medicare")

    def ihi(self):
        return self.m(I.make_hi("800360", self.digits(9)), "ID", "ihi")

    def hpii(self):
        return self.m(I.make_hi("800361", self.digits(9)), "ID", "hpii")

    def hpio(self):
        return self.m(I.make_hi("800362", self.digits(9)), "ID", "hpio")

    def abn(self):
        while True:
            v = I.make_abn(self.digits(9))
            if v:
                return self.m(v, "ID", "abn")

    def tfn(self):
        while True:
            v = I.make_tfn(self.digits(8))
            if v:
                return self.m(v, "ID", "tfn")

    def provider(self):
        return self.m(I.make_provider(self.digits(6), self.pick(I.PLV[:16])), "ID", "provider")

    def dva(self):
        return self.m(f"{self.pick('NVQWST')}{self.pick(['X', '', 'SM', 'X'])}{self.digits(self.r.randint(5, 6))}"
                      f"{self.pick(['', '', 'A', 'B'])}", "ID", "dva")

    def npi(self):
        return self.m(I.make_npi(self.pick("12") + self.digits(8)), "ID", "npi")

    def dea(self):
        return self.m(I.make_dea(self.pick("ABFM") + self.pick("CDHKLMNPRTW"), self.digits(6)), "ID", "dea")

    def mbi(self):
        a, n = I.MBI_ALPHA, "0123456789"
        pat = [n[1:], a, a + n, n, a, a + n, n, a, a, n, n]
        v = "".join(self.pick(p) for p in pat)
        return self.m(self.pick([v, f"{v[:4]}-{v[4:7]}-{v[7:]}"]), "ID", "mbi")

    def ssn(self):
        while True:
            v = f"{self.r.randint(1, 899):03d}-{self.r.randint(1, 99):02d}-{self.r.randint(1, 9999):04d}"
            if I.valid_ssn(v):
                return self.m(v, "ID", "ssn")

    def account(self):
        return self.m(self.pick([f"{self.digits(10)}", f"ACC-{self.digits(7)}", f"V{self.digits(9)}"]), "ID", "account")

    def device(self):
        return self.m(f"{self.pick(['SN', 'PJN', 'RNB', 'LOT-free SN '])}{self.digits(7)}".replace(" ", ""), "ID", "device")

    def licence(self):
        if self.region == "au":
            return self.m(self.pick([self.digits(8), f"{self.digits(2)} {self.digits(3)} {self.digits(3)}"]), "ID", "licence")
        return self.m(f"{self.pick('ABCDFGHKLMNPRSTW')}{self.digits(7)}", "ID", "licence")

    def profession(self):
        return self.m(self.pick(PROFESSIONS), "PROFESSION")

    def age(self, n):
        return self.m(str(n), "AGE")


# ----------------------------------------------------------------- templates

def t_letter(g: Gen):
    au = g.region == "au"
    org_m, org_t = g.org("practice" if g.r.random() < 0.5 else "hospital")
    addr_m, _ = g.address()
    gp = g.person()
    doc = g.person()
    pt = g.person()
    born, age = g.dob_age(old=g.r.random() < 0.2)
    rel = g.person()
    sal = g.pick(["Dear Dr", "Dear Dr.", "Dear Doctor"]) if g.r.random() < 0.7 else "Dear"
    lines = [org_m, addr_m, f"{g.pick(['Ph', 'Tel', 'P', 'Phone'])} {g.phone(False, org=True)}   {g.pick(['Fax', 'F'])} {g.phone(False)}",
             f"{g.email(doc[0], doc[1], 'rooms.' + ''.join(c for c in org_t.lower() if c.isalpha())[:14] + '.example.com')}   {g.url(org_t)}"]
    if au:
        lines.append(f"ABN {g.abn()}   HPI-O {g.hpio()}")
    seen = g.date_value(2024, 2025)
    lines += ["", g.date(seen + dt.timedelta(days=g.r.randint(0, 6))), "", f"Dr {g.name('full', gp)}", g.org('practice')[0], g.po_box(), "",
              f"{sal} {g.m(gp[1], 'NAME') if sal != 'Dear' else g.m(gp[0], 'NAME')},", ""]
    ids = f"Medicare {g.medicare()}" if au else f"MRN {g.mrn()}"
    lines.append(f"Re: {g.title(pt)} {g.name('full', pt)}, DOB {g.date(born, g.pick(['dd/mm/yyyy', 'dd-Mon-yyyy']) if au else 'mm/dd/yyyy')}, {ids}")
    prob = g.pick(PROBLEMS)
    lines += ["", f"Thank you for your referral of this {g.age(age)}-year-old {g.profession()} whom I saw on "
                  f"{g.date(seen)} with {g.pron(pt, 'poss')} {g.kin(rel)} "
                  f"{g.name('given', rel)}. The main issue was {prob[0]}.",
              f"{g.pick(CONFOUNDERS)} {g.pick(VITALS)}",
              f"Current medications: {g.pick(MEDS if au else US_MEDS)}; {g.pick(MEDS if au else US_MEDS)}.",
              f"{g.pick(CONFOUNDER_WORDS)} I will see {g.name('given', pt)} again in "
              f"{g.date(seen + dt.timedelta(days=g.r.randint(40, 180)), style=g.pick(['Month yyyy', 'Mon yyyy']))}.",
              "", g.pick(["Kind regards,", "Yours sincerely,", "Best wishes,", "Sincerely,"]), "",
              f"Dr {g.name('mid', doc)}" + (" FRACP" if au else ", MD"),
              f"Provider No. {g.provider()}" if au else f"NPI {g.npi()}   DEA {g.dea()}",
              f"cc: {g.name('full', gp)}"]
    return "\n".join(lines) + "\n"


def t_nursing(g: Gen):
    au = g.region == "au"
    pt, rel, rn = g.person(), g.person(), g.person()
    born, age = g.dob_age(old=g.r.random() < 0.3)
    lines = [f"{g.date(style='short')} {g.pick(['am', 'pm', 'nocte', 'night'])} shift",
             f"pt {g.name('lower', pt)}, {g.age(age)}{g.pick(['yo', ' yo', 'y', ' y/o'])}, bed {g.r.randint(1, 30)}. "
             f"{'ur' if au else 'mrn'} {g.mrn()}",
             g.pick(["settled overnight, slept in short periods.", "alert and orientated, pleasant.",
                     "restless early in shift, redirected easily."]),
             g.pick(VITALS),
             f"{g.pick(MEDS if au else US_MEDS)} given as charted. {g.pick(CONFOUNDER_WORDS)}",
             f"{g.kin(rel)} {g.name('given', rel)} called, "
             f"ph {g.phone(True)}, update given. {g.name('given', rel)} works as a {g.profession()}.",
             f"pt states {g.pron(pt)} used to be a {g.profession()} in {g.city()}.",
             f"for review by team on {g.date(style='short')}.",
             f"{g.name('init', rn)} {g.pick(['rn', 'en', 'cn'])}"]
    return lo("\n".join(lines)) + "\n"


def t_lab(g: Gen):
    au = g.region == "au"
    org_m, org_t = g.org("lab")
    pt, doc, sci = g.person(), g.person(), g.person()
    born, age = g.dob_age()
    coll = g.date_value(2024, 2025)
    lines = [f"{org_m}   {'ABN ' + g.abn() if au else 'CLIA ' + '0' + g.digits(1) + 'D' + g.digits(7)}",
             f"{g.address()[0]}   {g.phone(False, org=True)}", "",
             f"Patient: {g.name(g.pick(['capsinv', 'inv']), pt)}   DOB: {g.date(born)}   Age: {g.age(age)}   Sex: {'F' if g.is_f(pt) else 'M'}",
             f"{'Medicare' if au else 'MRN'}: {g.medicare() if au else g.mrn()}   Lab no: {g.m(g.digits(2) + '-' + g.digits(6), 'ID', 'accession')}",
             f"Collected: {g.date(coll, time=True)}   Reported: {g.date(coll + dt.timedelta(days=1), time=True)}",
             f"Requesting doctor: Dr {g.name('init', doc)} ({g.provider() if au else g.npi()})", "",
             "Test            Result   Units      Ref",
             f"Sodium          {g.r.randint(128, 146)}      mmol/L     135-145",
             f"Potassium       {g.r.randint(33, 58) / 10}      mmol/L     3.5-5.2",
             f"Creatinine      {g.r.randint(50, 190)}      umol/L     45-90" if au else f"Creatinine      {g.r.randint(6, 24) / 10}      mg/dL      0.6-1.2",
             f"CRP             {g.r.randint(1, 240)}       mg/L       <5",
             f"Hb              {g.r.randint(90, 165)}      g/L        115-165" if au else f"Hemoglobin      {g.r.randint(90, 165) / 10}     g/dL       12.0-15.5",
             "", f"Comment: {g.pick(['Haemolysed sample; potassium may be falsely elevated.', 'Results phoned to the rooms.', 'Please repeat in 3/12.', 'Guthrie card received.'])}",
             f"Authorised by {g.name('full', sci)} {g.date(coll + dt.timedelta(days=1), style='iso')}",
             f"View online: {g.url(org_t)}"]
    return "\n".join(lines) + "\n"


def t_discharge(g: Gen):
    au = g.region == "au"
    org_m, _ = g.org("hospital")
    pt, cons, gp, nok = g.person(), g.person(), g.person(), g.person()
    born, age = g.dob_age(old=g.r.random() < 0.25)
    adm = g.date_value(2024, 2025)
    dis = adm + dt.timedelta(days=g.r.randint(1, 12))
    prob = g.pick(PROBLEMS)
    lines = [f"{org_m} - DISCHARGE SUMMARY", "",
             f"Name: {g.name('inv', pt)}     {'URN' if au else 'MRN'}: {g.mrn()}",
             f"DOB: {g.date(born)} (age {g.age(age)})     " + (f"Medicare: {g.medicare()}" if au else f"MBI: {g.mbi()}"),
             f"Address: {g.address()[0]}",
             f"Admitted: {g.date(adm, time=True)}     Discharged: {g.date(dis)}",
             f"Consultant: Dr {g.name('full', cons)}     GP: Dr {g.name('init', gp)}, {g.org('practice')[0]}",
             f"NOK: {g.name('full', nok)} ({g.kin(nok)}) {g.phone()}", "",
             f"Principal diagnosis: {prob[0]}.",
             f"Background: {g.pick(CONFOUNDERS)} Previous admission "
             f"{g.date(g.date_value(2015, adm.year - 1), style='Mon yyyy')}; appendicectomy "
             f"{g.date(g.date_value(born.year + 8, adm.year - 1), style='yyyy')}.",
             f"Course: {g.pick(VITALS)} Treated with {g.pick(MEDS if au else US_MEDS)}. {g.pick(CONFOUNDER_WORDS)}",
             f"Social: {g.pick(['lives alone', 'lives with partner', 'lives with family'])} in {g.city()}; "
             f"{'retired' if age >= 70 else 'works as a'} {g.profession()}.",
             f"Follow-up: GP in 1 week; clinic on {g.date(dis + dt.timedelta(days=g.r.randint(7, 40)), time=True)}.",
             f"Medications on discharge: {g.pick(MEDS if au else US_MEDS)}; {g.pick(MEDS if au else US_MEDS)}.", "",
             f"Signed: Dr {g.name('full')} {g.date(dis, style='iso', time=True)}"]
    return "\n".join(lines) + "\n"


def t_caps(g: Gen):
    au = g.region == "au"
    pt, doc, rel = g.person(), g.person(), g.person()
    born, age = g.dob_age(old=g.r.random() < 0.3)
    org_m, _ = g.org("hospital")
    lines = [f"{org_m} - EMERGENCY DEPARTMENT",
             f"DATE: {g.date(time=True)}",
             f"PT: {g.name('caps', pt)}  {g.age(age)}{g.pick(['', ' '])}{'F' if g.is_f(pt) else 'M'}  DOB {g.date(born, g.pick(['dd-Mon-yyyy', 'iso']) if au else g.pick(['mm/dd/yyyy', 'iso']))}",
             f"{'UR' if au else 'MRN'} {g.mrn()}   " + (f"IHI {g.ihi()}" if au else f"SSN {g.ssn()}"),
             f"ADDRESS: {g.address()[0]}",
             f"HX: {g.pick(CONFOUNDERS)} {g.pick(PROBLEMS)[0]}.",
             f"OBS: {g.pick(VITALS)}",
             f"RX: {g.pick(MEDS if au else US_MEDS)}.",
             f"OCC: {g.profession()}. NOK {g.name('caps', rel)} {g.phone()}.",
             f"SEEN BY DR {g.name('caps', doc)}."]
    return up("\n".join(lines)) + "\n"


def t_admin(g: Gen):
    au = g.region == "au"
    pt, nok, clerk = g.person(), g.person(), g.person()
    born, age = g.dob_age(old=g.r.random() < 0.2)
    org_m, _ = g.org("hospital")
    lines = [f"REGISTRATION - {org_m}", f"Created {g.date(time=True)} by {g.m((clerk[0][0] + clerk[1]).lower().replace(' ', '').replace(chr(39), ''), 'NAME')} from {g.ip()}",
             f"Name: {g.name('full', pt)}   DOB: {g.date(born)}   Age: {g.age(age)}",
             f"Address: {g.address()[0]}", f"Postal: {g.po_box()}",
             f"Phone: {g.phone(False)}   Mobile: {g.phone(True)}   Email: {g.email(pt[0], pt[1])}",
             f"Occupation: {g.profession()}   Employer: {g.org('employer')[0]}"]
    if au:
        lines += [f"Medicare: {g.medicare()}  exp {g.m(f'{g.r.randint(1, 12):02d}/{g.r.randint(2026, 2030)}', 'DATE')}   IHI: {g.ihi()}", f"DVA: {g.dva()}   TFN (WorkCover): {g.tfn()}",
                  f"Driver licence: {g.licence()}"]
    else:
        lines += [f"SSN: {g.ssn()}   MBI: {g.mbi()}", f"Insurance member ID: {g.m(g.pick(['XJH', 'W', 'ZGP']) + g.digits(9), 'ID', 'insurance')}",
                  f"Driver license: {g.licence()}   Account: {g.account()}"]
    lines += [f"NOK: {g.name('full', nok)} {g.phone(True)}", f"Patient portal: {g.url(org_m.split('|')[0][2:])}"]
    return "\n".join(lines) + "\n"


def t_referral(g: Gen):
    au = g.region == "au"
    pt, gp, spec = g.person(), g.person(), g.person()
    born, age = g.dob_age()
    org_m, org_t = g.org("practice")
    prob = g.pick(PROBLEMS)
    lines = [f"REFERRAL - {org_m}", f"{g.address()[0]}", f"Ph {g.phone(False, org=True)}  Fax {g.phone(False)}", "",
             f"Date: {g.date()}", f"To: Dr {g.name('full', spec)}, {g.org('hospital')[0]}", "",
             f"Patient: {g.name(g.pick(['full', 'mid']), pt)}  DOB {g.date(born)}  Ph {g.phone(True)}",
             f"{'Medicare ' + g.medicare() + '  IHI ' + g.ihi() if au else 'MRN ' + g.mrn() + '  Medicare MBI ' + g.mbi()}", "",
             f"Please see this {g.age(age)} {g.pick(['yo', 'year old', 'y/o'])} {g.profession()} with {prob[0]} since {g.date(style='Month yyyy' if au else g.pick(['m/yy', 'Month yyyy']))}.",
             f"{g.pick(CONFOUNDERS)} {g.pick(VITALS)}", f"Meds: {g.pick(MEDS if au else US_MEDS)}.",
             f"{g.pick(CONFOUNDER_WORDS)}", "", "Regards,", f"Dr {g.name('full', gp)}",
             (f"Provider number {g.provider()}" if au else f"NPI {g.npi()}"), f"{g.email(gp[0], gp[1])}"]
    return "\n".join(lines) + "\n"


def t_telehealth(g: Gen):
    au = g.region == "au"
    pt, clin, rel = g.person(), g.person(), g.person()
    born, age = g.dob_age()
    org_m, org_t = g.org("practice")
    lines = [f"Telehealth consultation - {org_m}",
             f"Start: {g.date(time=True)}   Client IP {g.ip()}   Server {g.ip()}",
             f"Patient: {g.name('full', pt)} ({g.age(age)}{'F' if g.is_f(pt) else 'M'})   DOB {g.date(born)}",
             f"Located at: {g.address()[0]}   Callback: {g.phone(True)}",
             f"Identity confirmed with {'Medicare card ' + g.medicare() if au else 'driver license ' + g.licence()}.",
             f"Works as a {g.profession()} at {g.org('employer')[0]}; partner {g.name('given', rel)} present.",
             f"Follow-up of {g.pick(PROBLEMS)[0]}. {g.pick(CONFOUNDERS)}",
             f"Plan: {g.pick(MEDS if au else US_MEDS)}. Link for next visit {g.url(org_t)}.",
             f"{g.name('full', clin)}, {g.pick(['GP', 'NP', 'MD', 'Psychologist'])}   {g.email(clin[0], clin[1])}"]
    return "\n".join(lines) + "\n"


TEMPLATES = [("letter", t_letter), ("nursing", t_nursing), ("lab", t_lab), ("discharge", t_discharge),
             ("caps", t_caps), ("admin", t_admin), ("referral", t_referral), ("telehealth", t_telehealth)]


def generate(count: int, seed: int):
    """Yields (split, file name, marked text), deterministic for (count, seed)."""
    for i in range(count):
        num = 101 + i
        region = "au" if (i + i // len(TEMPLATES)) % 2 == 0 else "us"  # every template in both regions
        kind, fn = TEMPLATES[i % len(TEMPLATES)]
        split = "dev" if i % 5 in (0, 1, 3) else "test"
        attempt = 0
        while True:
            rng = random.Random(f"{seed}-{num}-{attempt}")
            marked = fn(Gen(rng, region))
            name = f"{num:03d}-{kind}-{region}.txt"
            note = P.build_note(marked, name, split)
            bad = [s for s in note.spans if s.type == "ID" and s.kind in I.VALIDATORS and not I.VALIDATORS[s.kind](s.text)]
            if bad:
                raise AssertionError(f"{name}: generated invalid {bad[0].kind}")
            if not check_phi.unannotated_repeats(note):
                break
            attempt += 1  # a value collided with unannotated text: draw again
        yield split, name, marked


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=P.default_gold_dir())
    ap.add_argument("--count", type=int, default=34)
    ap.add_argument("--seed", type=int, default=20251129)
    ap.add_argument("--check", action="store_true", help="verify the committed files match, write nothing")
    args = ap.parse_args(argv)
    stale = 0
    for split, name, marked in generate(args.count, args.seed):
        path = os.path.join(args.out, split, name)
        if args.check:
            try:
                with open(path, encoding="utf-8") as f:
                    same = f.read() == marked
            except FileNotFoundError:
                same = False
            if not same:
                stale += 1
                print(f"differs: {split}/{name}", file=sys.stderr)
            continue
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(marked)
    if args.check:
        print(f"{args.count} generated notes, {stale} differ", file=sys.stderr)
        return 1 if stale else 0
    print(f"wrote {args.count} notes to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
