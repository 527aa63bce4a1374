"""Reader for medtext gold notes with inline markers (standard library only).

A gold file holds the note text with markers ``[[surface text|TYPE|LABEL|key=value...]]``.
Markers do not nest. The plain note is the text with every marker replaced by its surface
text; offsets are Python ``str`` indices (Unicode code points) into the plain note, half-open.
The format is documented in corpora/gold/FORMAT.md.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

# Entity types (top-level entities) and their Comprehend Medical category.
ENTITY_TYPES = {
    "GENERIC_NAME": "MEDICATION",
    "BRAND_NAME": "MEDICATION",
    "DX_NAME": "MEDICAL_CONDITION",
    "SYSTEM_ORGAN_SITE": "ANATOMY",
    "DIRECTION": "ANATOMY",
    "TEST_NAME": "TEST_TREATMENT_PROCEDURE",
    "PROCEDURE_NAME": "TEST_TREATMENT_PROCEDURE",
    "TREATMENT_NAME": "TEST_TREATMENT_PROCEDURE",
    "TIME_EXPRESSION": "TIME_EXPRESSION",
    "ALLERGIES": "BEHAVIORAL_ENVIRONMENTAL_SOCIAL",
    "TOBACCO_USE": "BEHAVIORAL_ENVIRONMENTAL_SOCIAL",
    "ALCOHOL_CONSUMPTION": "BEHAVIORAL_ENVIRONMENTAL_SOCIAL",
    "REC_DRUG_USE": "BEHAVIORAL_ENVIRONMENTAL_SOCIAL",
    "GENDER": "BEHAVIORAL_ENVIRONMENTAL_SOCIAL",
    "RACE_ETHNICITY": "BEHAVIORAL_ENVIRONMENTAL_SOCIAL",
}

# Attribute types, their category, and the entity types they may attach to.
MED_ATTRS = ("DOSAGE", "STRENGTH", "ROUTE_OR_MODE", "FORM", "FREQUENCY", "DURATION", "RATE")
ATTRIBUTE_TYPES = {t: "MEDICATION" for t in MED_ATTRS}
ATTRIBUTE_TYPES.update({
    "ACUITY": "MEDICAL_CONDITION",
    "TEST_VALUE": "TEST_TREATMENT_PROCEDURE",
    "TEST_UNIT": "TEST_TREATMENT_PROCEDURE",
    "SYSTEM_ORGAN_SITE": "ANATOMY",
    "DIRECTION": "ANATOMY",
})
ATTRIBUTE_OWNERS = {t: {"GENERIC_NAME", "BRAND_NAME"} for t in MED_ATTRS}
ATTRIBUTE_OWNERS.update({
    "ACUITY": {"DX_NAME"},
    "TEST_VALUE": {"TEST_NAME"},
    "TEST_UNIT": {"TEST_NAME"},
    "SYSTEM_ORGAN_SITE": {"DX_NAME", "TEST_NAME", "PROCEDURE_NAME", "TREATMENT_NAME"},
    "DIRECTION": {"DX_NAME", "SYSTEM_ORGAN_SITE", "TEST_NAME", "PROCEDURE_NAME", "TREATMENT_NAME"},
})
# Types that are always attributes (a marker of these types without of= is an unmapped attribute).
ALWAYS_ATTRIBUTE = set(MED_ATTRS) | {"ACUITY", "TEST_VALUE", "TEST_UNIT"}
# TIME_EXPRESSION may carry of= (the entity it times); it stays an entity. The link is a
# TIME_TO_<target> relation (Comprehend Medical's TIME_TO_DX_NAME, TIME_TO_MEDICATION_NAME, ...).
TIME_TARGETS = {"GENERIC_NAME": "MEDICATION_NAME", "BRAND_NAME": "MEDICATION_NAME", "DX_NAME": "DX_NAME",
                "TEST_NAME": "TEST_NAME", "PROCEDURE_NAME": "PROCEDURE_NAME", "TREATMENT_NAME": "TREATMENT_NAME"}
# DX_NAME may carry for= (the medication it is the indication of); it stays an entity. The link is a
# FOR relation: the medication gets a DX_NAME attribute with RelationshipType FOR.
FOR_TARGETS = {"GENERIC_NAME", "BRAND_NAME"}
LINK_KINDS = ("TIME_TO", "FOR")

TRAITS = ("NEGATION", "HYPOTHETICAL", "PAST_HISTORY", "PERTAINS_TO_FAMILY", "FUTURE", "LOW_CONFIDENCE",
          "SIGN", "SYMPTOM", "DIAGNOSIS")
DX_KIND = ("SIGN", "SYMPTOM", "DIAGNOSIS")
CATEGORIES = ("MEDICATION", "MEDICAL_CONDITION", "ANATOMY", "TEST_TREATMENT_PROCEDURE", "TIME_EXPRESSION",
              "BEHAVIORAL_ENVIRONMENTAL_SOCIAL")

MARKER = re.compile(r"\[\[(.*?)\]\]", re.S)
FILE_NAME = re.compile(r"^(\d{3,4})-([a-z0-9]+(?:-[a-z0-9]+)*)-(us|au)\.txt$")


class GoldError(ValueError):
    """A malformed gold file. The message names the file and marker position, never note text beyond the marker."""


@dataclass
class Attribute:
    type: str
    begin: int
    end: int
    text: str
    owner: str | None  # entity id, None for an unmapped attribute


@dataclass
class Entity:
    type: str
    begin: int
    end: int
    text: str
    traits: set = field(default_factory=set)
    id: str | None = None
    icd: str | None = None
    time_of: str | None = None  # TIME_EXPRESSION: id of the entity it times
    for_of: str | None = None  # DX_NAME: id of the medication it is the indication of
    attributes: list = field(default_factory=list)

    @property
    def category(self) -> str:
        return ENTITY_TYPES[self.type]


@dataclass
class GoldNote:
    name: str  # file stem, e.g. 001-ed-us
    split: str  # dev | test | "" when not under a split directory
    kind: str
    region: str
    text: str
    entities: list
    unmapped: list  # Attribute without owner


def parse_marked(marked: str, where: str = "<text>"):
    """Returns (plain text, list of (begin, end, surface, labels)). Raises GoldError."""
    out = []
    marks = []
    pos = 0
    length = 0
    for m in MARKER.finditer(marked):
        before = marked[pos:m.start()]
        if "]]" in before:
            raise GoldError(f"{where}: stray ']]' before offset {m.start()}")
        out.append(before)
        length += len(before)
        inner = m.group(1)
        if "[[" in inner:
            raise GoldError(f"{where}: nested or unclosed marker at offset {m.start()}")
        parts = inner.split("|")
        if len(parts) < 2:
            raise GoldError(f"{where}: marker without labels at offset {m.start()}")
        surface, labels = parts[0], [p.strip() for p in parts[1:]]
        if not surface or surface != surface.strip():
            raise GoldError(f"{where}: marker surface empty or with outer spaces at offset {m.start()}")
        marks.append((length, length + len(surface), surface, labels))
        out.append(surface)
        length += len(surface)
        pos = m.end()
    rest = marked[pos:]
    if "[[" in rest or "]]" in rest:
        raise GoldError(f"{where}: unbalanced marker after offset {pos}")
    out.append(rest)
    text = "".join(out)
    return text, marks


def build_note(marked: str, name: str = "note", split: str = "", where: str | None = None) -> GoldNote:
    where = where or name
    text, marks = parse_marked(marked, where)
    entities: list = []
    attrs: list = []
    by_id: dict = {}
    for begin, end, surface, labels in marks:
        typ = labels[0]
        traits, kv = set(), {}
        for lab in labels[1:]:
            if "=" in lab:
                k, v = lab.split("=", 1)
                if k not in ("id", "of", "icd", "for") or not v:
                    raise GoldError(f"{where}: bad key=value '{lab}' at {begin}")
                if k in kv:
                    raise GoldError(f"{where}: duplicate key '{k}' at {begin}")
                kv[k] = v
            elif lab in TRAITS:
                traits.add(lab)
            else:
                raise GoldError(f"{where}: unknown label '{lab}' at {begin}")
        is_attr = typ in ALWAYS_ATTRIBUTE or (typ in ("SYSTEM_ORGAN_SITE", "DIRECTION") and "of" in kv)
        if typ not in ENTITY_TYPES and typ not in ATTRIBUTE_TYPES:
            raise GoldError(f"{where}: unknown type '{typ}' at {begin}")
        if is_attr:
            if traits or "id" in kv or "icd" in kv or "for" in kv:
                raise GoldError(f"{where}: attribute {typ} at {begin} may only carry of=")
            attrs.append(Attribute(typ, begin, end, surface, kv.get("of")))
            continue
        ent = Entity(typ, begin, end, surface, traits, kv.get("id"), kv.get("icd"))
        if "of" in kv:
            if typ != "TIME_EXPRESSION":
                raise GoldError(f"{where}: entity {typ} at {begin} has of=")
            ent.time_of = kv["of"]
        if "for" in kv:
            if typ != "DX_NAME":
                raise GoldError(f"{where}: for= on {typ} at {begin} (only DX_NAME may name the medication it is for)")
            ent.for_of = kv["for"]
        if typ == "DX_NAME":
            kinds = traits & set(DX_KIND)
            if len(kinds) != 1:
                raise GoldError(f"{where}: DX_NAME at {begin} needs exactly one of SIGN/SYMPTOM/DIAGNOSIS")
        elif traits & set(DX_KIND):
            raise GoldError(f"{where}: SIGN/SYMPTOM/DIAGNOSIS on non-DX_NAME at {begin}")
        if ent.icd is not None and typ != "DX_NAME":
            raise GoldError(f"{where}: icd= on non-DX_NAME at {begin}")
        if ent.id is not None:
            if ent.id in by_id:
                raise GoldError(f"{where}: duplicate id '{ent.id}'")
            by_id[ent.id] = ent
        entities.append(ent)
    unmapped = []
    for a in attrs:
        if a.owner is None:
            unmapped.append(a)
            continue
        owner = by_id.get(a.owner)
        if owner is None:
            raise GoldError(f"{where}: of={a.owner} at {a.begin} names no entity")
        if owner.type not in ATTRIBUTE_OWNERS[a.type]:
            raise GoldError(f"{where}: {a.type} at {a.begin} cannot attach to {owner.type}")
        owner.attributes.append(a)
    for e in entities:
        if e.time_of is not None:
            target = by_id.get(e.time_of)
            if target is None:
                raise GoldError(f"{where}: of={e.time_of} at {e.begin} names no entity")
            if target.type not in TIME_TARGETS:
                raise GoldError(f"{where}: TIME_EXPRESSION at {e.begin} cannot time a {target.type}")
        if e.for_of is not None:
            target = by_id.get(e.for_of)
            if target is None:
                raise GoldError(f"{where}: for={e.for_of} at {e.begin} names no entity")
            if target.type not in FOR_TARGETS:
                raise GoldError(f"{where}: for={e.for_of} at {e.begin} names a {target.type}, not a medication")
    kind, region = "", ""
    m = FILE_NAME.match(name + ".txt") if not name.endswith(".txt") else FILE_NAME.match(name)
    if m:
        kind, region = m.group(2), m.group(3)
    return GoldNote(name, split, kind, region, text, entities, unmapped)


def links(note: GoldNote):
    """The note's relation links as (kind, owner entity, begin, end, linked entity).

    TIME_TO: the owner is the timed entity, the span is the time expression's.
    FOR: the owner is the medication, the span is the condition's (its indication)."""
    by_id = {e.id: e for e in note.entities if e.id}
    out = []
    for e in note.entities:
        if e.time_of is not None:
            out.append(("TIME_TO", by_id[e.time_of], e.begin, e.end, e))
        if e.for_of is not None:
            out.append(("FOR", by_id[e.for_of], e.begin, e.end, e))
    return out


def load_file(path: str) -> GoldNote:
    with open(path, encoding="utf-8") as f:
        marked = f.read()
    base = os.path.basename(path)
    split = os.path.basename(os.path.dirname(path))
    if split not in ("dev", "test"):
        split = ""
    return build_note(marked, base[:-4] if base.endswith(".txt") else base, split, where=base)


def load_dir(gold_dir: str) -> list:
    """Loads gold notes from GOLD_DIR/{dev,test}/*.txt, or GOLD_DIR/*.txt when it has no splits."""
    notes = []
    subdirs = [d for d in ("dev", "test") if os.path.isdir(os.path.join(gold_dir, d))]
    dirs = [os.path.join(gold_dir, d) for d in subdirs] or [gold_dir]
    for d in dirs:
        for fn in sorted(os.listdir(d)):
            if fn.endswith(".txt"):
                notes.append(load_file(os.path.join(d, fn)))
    return notes
