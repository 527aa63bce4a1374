"""Reader for the medtext PHI gold corpus (corpora/phi), standard library only.

Same inline-marker syntax and offset conventions as corpora/gold (see gold.py): a file holds
the note text with markers ``[[surface text|TYPE]]`` or ``[[surface text|TYPE|kind=SUBTYPE]]``;
the plain note is the text with every marker replaced by its surface; offsets are Python
``str`` indices (Unicode code points), half-open. Rules: corpora/phi/GUIDELINE.md and FORMAT.md.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from gold import GoldError, parse_marked

# Comprehend Medical DetectPHI types, then the extended types de-identification needs.
CM_TYPES = ("NAME", "AGE", "DATE", "ADDRESS", "PHONE_OR_FAX", "EMAIL", "ID", "URL", "PROFESSION")
EXTENDED_TYPES = ("IP_ADDRESS", "ORGANIZATION")
PHI_TYPES = CM_TYPES + EXTENDED_TYPES
CATEGORY = "PROTECTED_HEALTH_INFORMATION"

# kind= subtypes allowed on ID markers (checked ones have a validator in phi_ids.VALIDATORS).
ID_KINDS = ("mrn", "ur", "ssn", "mbi", "npi", "dea", "medicare", "ihi", "dva", "hpii", "hpio", "tfn", "abn",
            "provider", "account", "licence", "device", "serial", "insurance", "prescriber", "accession", "other")

FILE_NAME = re.compile(r"^(\d{3,4})-([a-z0-9]+(?:-[a-z0-9]+)*)-(us|au)\.txt$")


@dataclass(frozen=True)
class Span:
    type: str
    begin: int
    end: int
    text: str
    kind: str | None = None  # ID subtype


@dataclass
class PhiNote:
    name: str  # file stem, e.g. 001-letter-au
    split: str  # dev | test | ""
    kind: str
    region: str
    text: str  # plain note
    spans: list


def build_note(marked: str, name: str = "note", split: str = "", where: str | None = None) -> PhiNote:
    where = where or name
    text, marks = parse_marked(marked, where)
    spans = []
    for begin, end, surface, labels in marks:
        typ = labels[0]
        if typ not in PHI_TYPES:
            raise GoldError(f"{where}: unknown PHI type '{typ}' at {begin}")
        kind = None
        for lab in labels[1:]:
            if lab.startswith("kind=") and typ == "ID" and kind is None:
                kind = lab[5:]
                if kind not in ID_KINDS:
                    raise GoldError(f"{where}: unknown ID kind '{kind}' at {begin}")
            else:
                raise GoldError(f"{where}: unexpected label '{lab}' at {begin}")
        if "\n" in surface:
            raise GoldError(f"{where}: span crosses a line break at {begin}")
        spans.append(Span(typ, begin, end, surface, kind))
    m = FILE_NAME.match(name if name.endswith(".txt") else name + ".txt")
    kind, region = (m.group(2), m.group(3)) if m else ("", "")
    return PhiNote(name[:-4] if name.endswith(".txt") else name, split, kind, region, text, spans)


def load_file(path: str) -> PhiNote:
    with open(path, encoding="utf-8") as f:
        marked = f.read()
    base = os.path.basename(path)
    split = os.path.basename(os.path.dirname(path))
    if split not in ("dev", "test"):
        split = ""
    return build_note(marked, base, split, where=base)


def load_dir(gold_dir: str) -> list:
    """Loads notes from GOLD_DIR/{dev,test}/*.txt, or GOLD_DIR/*.txt when it has no splits."""
    notes = []
    subdirs = [d for d in ("dev", "test") if os.path.isdir(os.path.join(gold_dir, d))]
    dirs = [os.path.join(gold_dir, d) for d in subdirs] or [gold_dir]
    for d in dirs:
        for fn in sorted(os.listdir(d)):
            if fn.endswith(".txt"):
                notes.append(load_file(os.path.join(d, fn)))
    return notes


def default_gold_dir() -> str:
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.normpath(os.path.join(here, "..", "..", "corpora", "phi"))
