"""ICD-10-CM April 2026 tabular XML (CDC/CMS, US government work, public domain).

The official tabular XML shipped inside simple-icd-10-cm 1.5.0 is copied verbatim: the Swift
importer (TerminologyMap) reads this format directly, including inclusion terms, hierarchy
and 7th-character rules. Its SHA-256 is pinned here and written to SHA256SUMS.

Outputs (lexicons/data/sources/icd10cm/):
  icd10cm-tabular-2026-04.xml   verbatim copy
  SHA256SUMS                    sha256sum-format line for the copy
"""
from __future__ import annotations

import os
import shutil

from lexcommon import SOURCES, ExtractError, require, sha256, site_file

OUT = os.path.join(SOURCES, "icd10cm")
XML_NAME = "icd10cm-tabular-2026-04.xml"
PINNED_SHA256 = "f161f8182aff3ce3a2a78e202f8259c08eaee2c670a9e45b0072445c52302935"


def extract() -> dict[str, int]:
    require("simple_icd_10_cm", "1.5.0")
    src = site_file("simple_icd_10_cm", "simple_icd_10_cm/data/icd10c-tabular-April-1-2026.xml")
    got = sha256(src)
    if got != PINNED_SHA256:
        raise ExtractError(f"{src}: SHA-256 {got} differs from the pinned {PINNED_SHA256}")
    os.makedirs(OUT, exist_ok=True)
    dst = os.path.join(OUT, XML_NAME)
    shutil.copyfile(src, dst)
    if sha256(dst) != PINNED_SHA256:
        raise ExtractError(f"{dst}: copy does not match the source")
    with open(os.path.join(OUT, "SHA256SUMS"), "w", encoding="utf-8", newline="\n") as f:
        f.write(f"{PINNED_SHA256}  {XML_NAME}\n")
    from report import icd10cm_counts
    diags, leaves = icd10cm_counts(dst)
    return {f"icd10cm/{XML_NAME} (diag elements)": diags, f"icd10cm/{XML_NAME} (diag without child diag)": leaves}
