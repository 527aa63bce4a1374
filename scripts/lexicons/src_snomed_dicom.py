"""SNOMED CT concepts of the DICOM standard (pydicom 3.0.2, pydicom/sr/_concepts_dict.py, scheme SCT).

The DICOM standard licenses these SNOMED CT concepts for free use (they are part of the SNOMED
International Global Patient Set). pydicom lists each SNOMED code with its DICOM code meaning and
the DICOM context groups (CIDs) it belongs to. We keep only the codes whose CIDs say what they
mean, and classify each code by its CIDs (rules below, documented in lexicons/README.md):

  class       type (Comprehend Medical)   CIDs (by name)
  route       ROUTE_OR_MODE               CID 11 AdministrationRoute
  laterality  DIRECTION                   CID 244 Laterality, CID 245 LateralitywithMedian
  modifier    DIRECTION                   anatomic/site/vessel modifiers (CID 2, 212, 3019, ...)
  anatomy     SYSTEM_ORGAN_SITE           anatomic regions, structures, sites, vessels, organs, teeth
  procedure   PROCEDURE_NAME              CIDs named ...Procedure... / ...Intervention...
  finding     DX_NAME                     CIDs named ...Finding..., ...Diagnosis..., ...Symptom..., ...

A code in several classes takes the first class in the order above. Codes only in other CIDs
(animal breeds and species, stains, radiopharmaceuticals, devices, departments, image views,
measurements, ...) are left out. Every SNOMED id is checked (Verhoeff check digit and partition).

Output: lexicons/data/sources/snomed-dicom.tsv in the common concept format, id `dicom:<SCTID>`.
"""
from __future__ import annotations

import os
import re

from codecheck import snomed_ok
from lexcommon import CONCEPT_HEADER, SOURCES, ExtractError, require, write_tsv

OUT = os.path.join(SOURCES, "snomed-dicom.tsv")

CLASS_ORDER = ["route", "laterality", "modifier", "anatomy", "procedure", "finding"]
CLASS_TYPE = {
    "route": "ROUTE_OR_MODE",
    "laterality": "DIRECTION",
    "modifier": "DIRECTION",
    "anatomy": "SYSTEM_ORGAN_SITE",
    "procedure": "PROCEDURE_NAME",
    "finding": "DX_NAME",
}

_EXCLUDE = re.compile(r"Animal|Breed|Species|Taxonom|Phantom|Segmentation(?!PropertyType$)|View|Projection|"
                      r"Specimen|Stain|Fixative|Radiopharmaceutical|Radionuclide|Isotope|Device|Implant(?!Target)|"
                      r"Object|Measurement|Protocol|Department|PersonRole|Phase|Reason|Intent|Urgency|Indication|"
                      r"Discontinuation|Temporal|Dose|Substance|Agent|Drug|Medication|Contrast|Fiducial|Material|"
                      r"Feature$|QuantitativeImage|ReferenceBasis|Orientation|Approach")


# Context groups whose names mislead the rules below (checked by reading their members).
EXCLUDED_CIDS = {
    7452,  # OrganizationalRole: nurse, surgeon, ... (not organs)
    3712,  # VesselDescriptor: calcified, culprit, ... (lesion qualifiers)
    3802,  # PlaqueStructure: fibrous, fatty, ...
    6161,  # PathologicalRegionalLymphNodeAssessmentforBreast: pN0, pN1, ... (staging)
    3425,  # InterventionParameter: inflation pressure, ablation power, ...
    6319,  # AbdominalInterventionType: "Diagnostic", "Therapeutic procedure" (too generic)
}
FIXED_CIDS = {
    6018: "modifier",  # ClockfaceLocationorRegion: 1 o'clock position, ...
    7194: "finding",   # MorphologicallyAbnormalStructureSegmentationPropertyType: tumor, cyst, nodule, ...
}


def cid_class(cid: int, name: str) -> str | None:
    """The class a DICOM context group stands for, or None when it is not one we keep."""
    if cid in EXCLUDED_CIDS:
        return None
    if cid in FIXED_CIDS:
        return FIXED_CIDS[cid]
    if cid == 11:
        return "route"
    if cid in (244, 245):
        return "laterality"
    if cid == 7192:  # AnatomicalStructureSegmentationPropertyType: anatomy only
        return "anatomy"
    if cid == 6115:  # OsseousAnatomyModifier: bone landmarks (costal groove, suprasternal notch)
        return "anatomy"
    if re.search(r"Modifier", name):
        if re.search(r"Anatom|Site|Location|Vessel|Branch|Segment|Vein|Arter|Region", name) and not re.search(
                r"View|Orientation|Measurement", name):
            return "modifier"
        return None
    if re.search(r"FindingSite", name):
        return "anatomy"
    if re.search(r"Finding|Diagnosis|Symptom|Disorder|PathologyCode|Pathology$|Morphology|AdverseEvent|"
                 r"Complication|Problem|Lesion(?!Location|Segmentation|Margin|Color)|AneurysmType|SclerosisType",
                 name):
        if re.search(r"FindingorFeature$|Animal|NonMorphological|Status|Degree|Comparison|Severity|Source|"
                     r"CalculatedValue|Method|ObservationType|Descriptor|Characteristic|Visual|STSegment|"
                     r"EctopicBeat|Perfusion", name):
            return None
        return "finding"
    if re.search(r"Procedure|Intervention|Surgical|Mammoplasty", name):
        if _EXCLUDE.search(name) or re.search(r"Result|Action|Reported", name):
            return None
        return "procedure"
    if re.search(r"Anatom|Vessel|Arter|Vein|LymphNode|Vertebra|IntervertebralDisc|Teeth|Dentition|Organ|"
                 r"BrainStructure|Site$|Location$|CoronaryArtery|Region$|Structure", name):
        if _EXCLUDE.search(name) and not re.search(r"AnatomyImaged|ImplantTarget", name):
            return None
        if re.search(r"ArterialLesionLocation|RadiographicAnatomy", name):
            return None
        return "anatomy"
    return None


_TAG = re.compile(r"\s*\((body structure|finding|disorder|procedure|observable entity|qualifier value|"
                  r"morphologic abnormality|regime/therapy|spatial concept|attribute|substance|"
                  r"physical object|situation|event|record artifact|environment)\)$")


def extract() -> dict[str, int]:
    require("pydicom", "3.0.2")
    from pydicom.sr._cid_dict import name_for_cid
    from pydicom.sr._concepts_dict import concepts

    meanings: dict[str, dict[str, int]] = {}
    cids: dict[str, set[int]] = {}
    for _keyword, by_code in concepts["SCT"].items():
        for code, (meaning, cid_list) in by_code.items():
            m = meanings.setdefault(code, {})
            m[meaning] = m.get(meaning, 0) + 1
            cids.setdefault(code, set()).update(cid_list)

    bad = sorted(c for c in meanings if not snomed_ok(c))
    if len(bad) > 5:
        raise ExtractError(f"pydicom SCT codes failing the SNOMED check: {bad[:10]} ({len(bad)})")

    rows = []
    for code in meanings:
        if code in bad:
            continue  # not a valid SNOMED CT id (check digit or partition): never emit it
        classes = {cid_class(c, name_for_cid.get(c, "")) for c in cids[code]} - {None}
        if not classes:
            continue
        cls = next(c for c in CLASS_ORDER if c in classes)
        terms = []
        for meaning in sorted(meanings[code], key=lambda t: (-meanings[code][t], len(t), t)):
            t = _TAG.sub("", meaning).strip()
            if t and t.lower() not in (x.lower() for x in terms):
                terms.append(t)
        if not terms:
            continue
        keep_cids = sorted(c for c in cids[code] if cid_class(c, name_for_cid.get(c, "")) == cls)
        attrs = f"class={cls};cids={','.join(str(c) for c in keep_cids)}"
        rows.append([f"dicom:{code}", CLASS_TYPE[cls], terms[0], "|".join(terms[1:]), f"SNOMED:{code}", attrs])

    n = write_tsv(OUT, CONCEPT_HEADER, rows, [
        "SNOMED CT concepts used by the DICOM standard, from pydicom 3.0.2 pydicom/sr/_concepts_dict.py (scheme SCT).",
        "This material includes SNOMED Clinical Terms(R) (SNOMED CT(R)) which is used by permission of SNOMED International.",
        "All rights reserved. SNOMED CT(R) was originally created by the College of American Pathologists.",
        "SNOMED and SNOMED CT are registered trademarks of SNOMED International. See lexicons/NOTICE.",
        "Generated by scripts/lexicons/extract.py snomed-dicom; do not edit by hand.",
        f"Left out because they fail the SNOMED CT id check: {', '.join(bad) or 'none'}.",
        "attributes: class=route|laterality|modifier|anatomy|procedure|finding; cids=DICOM context groups (CIDs) that gave the class.",
    ])
    return {"snomed-dicom.tsv": n}
