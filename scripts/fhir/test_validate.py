#!/usr/bin/env python3
"""Tests for validate.py: broken resources must be reported (python3 scripts/fhir/test_validate.py [--package TGZ|WHL])."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import validate as V  # noqa: E402

PACKAGE = None


def errors(resource: str) -> list[str]:
    v = V.Validator(DEFS)
    v.validate_value(V.loads(resource), "t")
    return v.errors


class ValidatorTests(unittest.TestCase):
    def assertError(self, resource: str, fragment: str):
        errs = errors(resource)
        self.assertTrue(any(fragment in e for e in errs), f"{fragment!r} not in {errs}")

    def test_valid_condition(self):
        self.assertEqual(errors('{"resourceType":"Condition","id":"a","subject":{"reference":"Patient/1"},'
                                '"verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-ver-status","code":"refuted"}]}}'), [])

    def test_unknown_element(self):
        self.assertError('{"resourceType":"Condition","id":"a","subject":{"reference":"Patient/1"},"foo":1}', "unknown element")

    def test_required_missing(self):
        self.assertError('{"resourceType":"Condition","id":"a"}', "Condition.subject: required element missing")

    def test_cardinality(self):
        self.assertError('{"resourceType":"Condition","id":"a","subject":[{"reference":"Patient/1"}]}', "must not be an array")
        self.assertError('{"resourceType":"Condition","id":"a","subject":{"reference":"Patient/1"},"category":{"text":"x"}}', "must be an array")

    def test_formats(self):
        self.assertError('{"resourceType":"Condition","id":"a b","subject":{"reference":"Patient/1"}}', "does not match")
        self.assertError('{"resourceType":"Condition","id":"a","subject":{"reference":"Patient/1"},"recordedDate":"2026-13-01"}', "does not match")
        self.assertError('{"resourceType":"Observation","id":"a","status":"final","code":{"text":"x"},"valueQuantity":{"value":"1.5"}}', "decimal must be a JSON number")

    def test_required_binding(self):
        self.assertError('{"resourceType":"MedicationStatement","id":"a","status":"taking","medicationCodeableConcept":{"text":"x"},"subject":{"reference":"Patient/1"}}', "required ValueSet")
        self.assertError('{"resourceType":"Condition","id":"a","subject":{"reference":"Patient/1"},"clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"gone"}]}}', "required ValueSet")

    def test_reference_target(self):
        self.assertError('{"resourceType":"Condition","id":"a","subject":{"reference":"Medication/1"}}', "not allowed here")
        self.assertError('{"resourceType":"Condition","id":"a","subject":{"reference":"Patient 1"}}', "is not Type/id")

    def test_contained_and_extension(self):
        self.assertError('{"resourceType":"Condition","id":"a","subject":{"reference":"#p"}}', "ref-1")
        self.assertError('{"resourceType":"Condition","id":"a","subject":{"reference":"Patient/1"},"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/derivation-reference","extension":[{"url":"offset","valueInteger":1}]}]}', "derivation-reference")

    def test_transaction_bundle(self):
        self.assertError('{"resourceType":"Bundle","id":"b","type":"transaction","entry":[{"fullUrl":"urn:uuid:1","resource":{"resourceType":"Condition","id":"a","subject":{"reference":"Patient/1"}}}]}', "bdl-3")
        self.assertError('{"resourceType":"Bundle","id":"b","type":"transaction","entry":[{"fullUrl":"urn:uuid:1","resource":{"resourceType":"Condition","id":"a","subject":{"reference":"Patient/1"}},"request":{"method":"PUT","url":"Condition/b"}}]}', "PUT url")


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--package"]:
        PACKAGE = args[1]
        args = args[2:]
    DEFS = V.Definitions(PACKAGE or V.find_package(), None)
    unittest.main(argv=[sys.argv[0]] + args)
