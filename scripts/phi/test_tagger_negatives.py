"""Tests of scripts/phi/tagger_negatives.py (the tagger's lexicon negatives).

Run: python3 -m unittest discover -s scripts/phi -p 'test_*.py'   (standard library only)
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import tagger_negatives as N  # noqa: E402

MARK = re.compile(r"\[\[([^\[\]|]+)\|([A-Z_]+)\]\]")


class CapitalisedTest(unittest.TestCase):
    def test_rows(self):
        for term, want in [("Tussionex", True), ("Stickler syndrome", True), ("Kirschner wire fixation", True),
                           ("Cockcroft-Gault", True), ("non-Hodgkin lymphoma", True), ("aspirin", False),
                           ("CT head", False), ("ECG", False), ("type 2 diabetes mellitus", False)]:
            with self.subTest(term=term):
                self.assertEqual(N.capitalised(term), want)


class NotesTest(unittest.TestCase):
    def write(self, per_note=40):
        d = tempfile.mkdtemp()
        argv = sys.argv
        sys.argv = ["tagger_negatives.py", "--out", d, "--per-note", str(per_note)]
        try:
            N.main()
        finally:
            sys.argv = argv
        return d, {n: open(os.path.join(d, n), encoding="utf-8").read() for n in sorted(os.listdir(d))}

    def test_every_line_marks_one_capitalised_lexicon_term(self):
        _, notes = self.write()
        terms = set(N.terms())
        self.assertGreater(len(terms), 1000)
        seen = 0
        for text in notes.values():
            for line in text.splitlines():
                marks = MARK.findall(line)
                self.assertEqual(len(marks), 1, line)
                term, typ = marks[0]
                self.assertIn((typ, term), terms)
                self.assertTrue(N.capitalised(term))
                self.assertNotIn("[[", MARK.sub("", line))
                seen += 1
        self.assertEqual(seen, len(terms))

    def test_deterministic(self):
        _, a = self.write(25)
        _, b = self.write(25)
        self.assertEqual(a, b)
        self.assertTrue(all(len(t.splitlines()) <= 25 for t in a.values()))


if __name__ == "__main__":
    unittest.main()
