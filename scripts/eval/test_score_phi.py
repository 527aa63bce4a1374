"""Tests of the PHI gold reader, scorer, converter, de-identification check and ID check digits.

Run: python3 -m unittest discover -s scripts/eval -p 'test_*phi*.py'   (standard library only)
"""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import check_deid  # noqa: E402
import check_phi  # noqa: E402
import gen_phi_notes  # noqa: E402
import phi_gold as P  # noqa: E402
import phi_gold_to_cm  # noqa: E402
import phi_ids  # noqa: E402
import score_phi  # noqa: E402
from gold import GoldError  # noqa: E402

CORPUS = P.default_gold_dir()

NOTE = ("Dear Dr [[Priya Raman|NAME]],\n"
        "Re: [[Thomas O'Brien|NAME]], DOB [[04/11/1957|DATE]], UR [[7734521|ID|kind=ur]]\n"
        "Seen with his wife [[Maureen|NAME]] at [[Harbour Clinic|ORGANIZATION]]. HR 67, aged [[67|AGE]].\n"
        "Ph [[(02) 5550 1234|PHONE_OR_FAX]]\n")


def ent(text, surface, typ, nth=0, cut=(0, 0)):
    """A predicted DetectPHI entity located by its surface (nth occurrence); cut trims (left, right)."""
    b = -1
    for _ in range(nth + 1):
        b = text.index(surface, b + 1)
    b, e = b + cut[0], b + len(surface) - cut[1]
    return {"Id": 0, "BeginOffset": b, "EndOffset": e, "Score": 0.9, "Text": text[b:e],
            "Category": P.CATEGORY, "Type": typ, "Traits": []}


def run(marked, entities, split="dev", aliases=None, name="001-letter-au"):
    with tempfile.TemporaryDirectory() as gd, tempfile.TemporaryDirectory() as pd:
        os.makedirs(os.path.join(gd, split))
        with open(os.path.join(gd, split, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(marked)
        with open(os.path.join(pd, name + ".json"), "w", encoding="utf-8") as f:
            json.dump({"Entities": entities, "ModelVersion": "t"}, f)
        return score_phi.evaluate(P.load_dir(gd), pd, aliases)["results"]["all"]


def prf(row):
    return (row["precision"], row["recall"], row["f1"])


class ReaderTests(unittest.TestCase):
    def test_parse_offsets_and_kind(self):
        n = P.build_note(NOTE, "001-letter-au", "dev")
        self.assertNotIn("[[", n.text)
        self.assertEqual(len(n.spans), 8)
        for s in n.spans:
            self.assertEqual(n.text[s.begin:s.end], s.text)
        ids = [s for s in n.spans if s.type == "ID"]
        self.assertEqual(ids[0].kind, "ur")
        self.assertEqual((n.kind, n.region), ("letter", "au"))

    def test_code_point_offsets(self):
        n = P.build_note("Café ☕ [[Zoë Müller|NAME]] 😀 [[2/3/25|DATE]]", "x")
        self.assertEqual([(s.begin, s.end) for s in n.spans], [(7, 17), (20, 26)])

    def test_errors(self):
        for bad in ("[[x|NOPE]]", "[[x|NAME|kind=mrn]]", "[[x|ID|kind=zzz]]", "[[a\nb|NAME]]", "[[x|NAME]",
                    "[[ x|NAME]]"):
            with self.assertRaises(GoldError, msg=bad):
                P.build_note(bad, "x")


class ScorerTests(unittest.TestCase):
    def test_gold_vs_itself_is_perfect(self):
        n = P.build_note(NOTE, "001-letter-au", "dev")
        res = run(NOTE, phi_gold_to_cm.note_to_cm(n)["Entities"])
        for mode in score_phi.MODES:
            for key, row in res[mode].items():
                self.assertEqual(prf(row), (1.0, 1.0, 1.0), (mode, key))
        self.assertTrue(all(t["met"] for t in res["targets"]))

    def test_crafted_errors_give_exact_numbers(self):
        text = P.build_note(NOTE, "x").text
        preds = [
            ent(text, "Priya Raman", "NAME"),                 # exact
            ent(text, "Thomas O'Brien", "NAME", cut=(0, 8)),  # "Thomas": relaxed only
            ent(text, "Maureen", "ADDRESS"),                  # wrong type: ANY TYPE only
            ent(text, "04/11/1957", "DATE"),                  # exact
            ent(text, "HR 67", "AGE", cut=(3, 0)),            # false alarm (the heart rate)
            ent(text, "Harbour Clinic", "ADDRESS"),           # CM-style facility
        ]
        res = run(NOTE, preds)
        rel, st = res["relaxed"], res["strict"]
        # NAME: 3 gold; predicted 2 as NAME; relaxed tp 2, strict tp 1
        self.assertEqual((rel["NAME"]["tp"], rel["NAME"]["gold"], rel["NAME"]["predicted"]), (2, 3, 2))
        self.assertEqual(prf(rel["NAME"]), (1.0, 0.6667, 0.8))
        self.assertEqual(prf(st["NAME"]), (0.5, 0.3333, 0.4))
        # AGE: gold "67" after "aged" missed, predicted the HR
        self.assertEqual(prf(rel["AGE"]), (0.0, 0.0, 0.0))
        # ALL: gold 8, predicted 6; relaxed tp = Priya, Thomas, DOB = 3; strict = 2
        self.assertEqual((rel["ALL"]["tp"], rel["ALL"]["gold"], rel["ALL"]["predicted"]), (3, 8, 6))
        self.assertEqual((st["ALL"]["tp"]), 2)
        self.assertEqual(rel["ALL"]["precision"], 0.5)
        self.assertEqual(rel["ALL"]["recall"], round(3 / 8, 4))
        # ANY TYPE adds Maureen and the clinic: 5 of 8
        self.assertEqual(rel[score_phi.ANY]["tp"], 5)
        self.assertEqual(st[score_phi.ANY]["tp"], 4)
        self.assertEqual(rel["ADDRESS"]["predicted"], 2)
        self.assertNotIn("EMAIL", rel)  # empty rows are omitted

    def test_alias_org_as_address(self):
        text = P.build_note(NOTE, "x").text
        preds = [ent(text, "Harbour Clinic", "ADDRESS")]
        res = run(NOTE, preds, aliases={"ORGANIZATION": "ADDRESS"})
        self.assertEqual(res["strict"]["ADDRESS"]["tp"], 1)
        self.assertNotIn("ORGANIZATION", res["strict"])

    def test_other_categories_ignored_and_missing_output(self):
        text = P.build_note(NOTE, "x").text
        e = ent(text, "Priya Raman", "NAME")
        e["Category"] = "MEDICATION"
        res = run(NOTE, [e])
        self.assertEqual(res["relaxed"]["ALL"]["predicted"], 0)
        with tempfile.TemporaryDirectory() as gd, tempfile.TemporaryDirectory() as pd:
            os.makedirs(os.path.join(gd, "test"))
            with open(os.path.join(gd, "test", "002-gp-us.txt"), "w") as f:
                f.write(NOTE)
            out = score_phi.evaluate(P.load_dir(gd), pd, details=True)
            self.assertEqual(out["missing_outputs"], ["002-gp-us"])
            self.assertEqual(out["dev_errors"], {})  # test notes never listed
            self.assertEqual(out["results"]["test"]["relaxed"]["ALL"]["recall"], 0.0)

    def test_report_prints(self):
        n = P.build_note(NOTE, "001-letter-au", "dev")
        with tempfile.TemporaryDirectory() as gd, tempfile.TemporaryDirectory() as pd:
            os.makedirs(os.path.join(gd, "dev"))
            with open(os.path.join(gd, "dev", "001-letter-au.txt"), "w") as f:
                f.write(NOTE)
            with open(os.path.join(pd, "001-letter-au.json"), "w") as f:
                json.dump(phi_gold_to_cm.note_to_cm(n), f)
            buf = io.StringIO()
            score_phi.print_report(score_phi.evaluate(P.load_dir(gd), pd), ["dev", "all"], buf)
            self.assertIn("ANY TYPE", buf.getvalue())
            self.assertIn("targets (relaxed)", buf.getvalue())
            res = score_phi.evaluate(P.load_dir(gd), pd)
            self.assertEqual(set(res["results"]), {"all", "dev", "region:au"})


class CorpusTests(unittest.TestCase):
    def test_corpus_is_valid(self):
        notes, problems = check_phi.check(CORPUS)
        self.assertEqual(problems, [])
        self.assertGreaterEqual(len(notes), 60)
        st = check_phi.stats(notes)
        self.assertGreater(st["split"].get("test", 0), 0)
        self.assertEqual(set(st["region"]), {"us", "au"})

    def test_corpus_gold_vs_gold_is_perfect(self):
        notes = P.load_dir(CORPUS)
        with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as plain:
            phi_gold_to_cm.main(["--gold", CORPUS, "--out", out, "--plain-dir", plain])
            res = score_phi.evaluate(notes, out)
            self.assertEqual(res["missing_outputs"], [])
            for split, r in res["results"].items():
                for mode in score_phi.MODES:
                    for key, row in r[mode].items():
                        self.assertEqual(prf(row), (1.0, 1.0, 1.0), (split, mode, key))
            # the plain text is the identity de-identification: every string leaks
            leak = check_deid.check(notes, plain)
            self.assertFalse(leak["ok"])
            self.assertEqual(leak["leaked_strings"], leak["gold_strings"])


class GeneratorTests(unittest.TestCase):
    def test_committed_generated_notes_are_reproducible(self):
        # gen_phi_notes.py --check: the committed 1NN notes are exactly what the fixed seed produces
        self.assertEqual(gen_phi_notes.main(["--check"]), 0)

    def test_generated_ids_and_formatting(self):
        notes = [P.build_note(m, n, sp) for sp, n, m in gen_phi_notes.generate(16, 7)]
        self.assertEqual({n.region for n in notes}, {"au", "us"})
        for n in notes:
            for s in n.spans:
                if s.type == "ID" and s.kind in phi_ids.VALIDATORS:
                    self.assertTrue(phi_ids.VALIDATORS[s.kind](s.text), (n.name, s.kind))
            self.assertEqual(check_phi.unannotated_repeats(n), [])
        low = [n for n in notes if n.kind == "nursing"]
        self.assertTrue(low and all(n.text == n.text.lower() for n in low))
        caps = [n for n in notes if n.kind == "caps"]
        self.assertTrue(caps and all(n.text == n.text.upper() for n in caps))


class DeidCheckTests(unittest.TestCase):
    def note(self):
        return P.build_note(NOTE, "001-letter-au", "dev")

    def redact(self, n):
        out, pos = [], 0
        for s in sorted(n.spans, key=lambda s: s.begin):
            out.append(n.text[pos:s.begin])
            out.append(f"[{s.type}]")
            pos = s.end
        out.append(n.text[pos:])
        return "".join(out)

    def test_full_redaction_is_clean_and_benign_repeat_allowed(self):
        n = self.note()
        red = self.redact(n)
        self.assertIn("HR 67", red)  # the heart rate stays: not a leak of AGE 67
        self.assertEqual(check_deid.note_leaks(n, red), [])

    def test_leaks_are_reported(self):
        n = self.note()
        red = self.redact(n).replace("[ID]", "7734521", 1) + " Raman"
        leaks = {(lk["type"], lk["text"]) for lk in check_deid.note_leaks(n, red)}
        self.assertEqual(leaks, {("ID", "7734521")})  # "Raman" alone is not a gold string
        red2 = self.redact(n) + " aged 67"
        self.assertEqual([lk["text"] for lk in check_deid.note_leaks(n, red2)], ["67"])
        red3 = self.redact(n) + " MAUREEN"
        self.assertEqual(check_deid.note_leaks(n, red3), [])
        self.assertEqual([lk["text"] for lk in check_deid.note_leaks(n, red3, ignore_case=True)], ["Maureen"])

    def test_directory_check(self):
        n = self.note()
        with tempfile.TemporaryDirectory() as d:
            os.makedirs(os.path.join(d, "dev"))
            with open(os.path.join(d, "dev", n.name + ".txt"), "w") as f:
                f.write(self.redact(n))
            self.assertTrue(check_deid.check([n], d)["ok"])
            m = P.build_note(NOTE, "002-gp-us", "test")
            self.assertEqual(check_deid.check([n, m], d)["missing_outputs"], ["002-gp-us"])


class IdCheckDigitTests(unittest.TestCase):
    def test_published_examples(self):
        self.assertTrue(phi_ids.valid_medicare("2123 45670 1"))
        self.assertFalse(phi_ids.valid_medicare("2123 45671 1"))
        self.assertTrue(phi_ids.valid_tfn("123 456 782"))
        self.assertFalse(phi_ids.valid_tfn("123 456 789"))
        self.assertTrue(phi_ids.valid_abn("51 824 753 556"))
        self.assertFalse(phi_ids.valid_abn("51 824 753 557"))
        self.assertTrue(phi_ids.valid_npi("1234567893"))
        self.assertFalse(phi_ids.valid_npi("1234567890"))
        self.assertTrue(phi_ids.valid_mbi("1EG4-TE5-MK73"))
        self.assertFalse(phi_ids.valid_mbi("1EG4-TS5-MK73"))  # S is not used
        self.assertTrue(phi_ids.valid_dea("AB1234563"))
        self.assertFalse(phi_ids.valid_dea("AB1234564"))
        self.assertFalse(phi_ids.valid_ssn("666-12-3456"))

    def test_builders_round_trip(self):
        self.assertTrue(phi_ids.valid_medicare(phi_ids.make_medicare("29501762", 3)))
        self.assertTrue(phi_ids.valid_ihi(phi_ids.make_hi("800360", "816669139")))
        self.assertTrue(phi_ids.valid_hpio(phi_ids.make_hi("800362", "123456789")))
        self.assertFalse(phi_ids.valid_ihi(phi_ids.make_hi("800361", "123456789")))
        self.assertTrue(phi_ids.valid_provider(phi_ids.make_provider("254336", "1")))
        self.assertTrue(phi_ids.valid_npi(phi_ids.make_npi("123456789")))
        self.assertTrue(phi_ids.valid_dea(phi_ids.make_dea("FW", "340722")))


if __name__ == "__main__":
    unittest.main()
