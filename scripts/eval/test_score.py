"""Tests of the gold reader and the scorer (unittest, standard library only).

Run: python3 -m unittest discover -s scripts/eval -p 'test_*.py'
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gold as G  # noqa: E402
import gold_to_cm  # noqa: E402
import score  # noqa: E402

CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "corpora", "gold"))


def ent(text, surface, category, typ, traits=(), attrs=(), icd=None, nth=0):
    """A predicted entity located by its surface text (nth occurrence) in the plain text."""
    b = -1
    for _ in range(nth + 1):
        b = text.index(surface, b + 1)
    e = {"Id": 0, "BeginOffset": b, "EndOffset": b + len(surface), "Score": 0.9, "Text": surface,
         "Category": category, "Type": typ, "Traits": [{"Name": t, "Score": 0.9} for t in traits],
         "Attributes": list(attrs)}
    if icd:
        e["ICD10CMConcepts"] = [{"Code": icd, "Description": "", "Score": 0.8}]
    return e


def attr(text, surface, typ, nth=0):
    b = -1
    for _ in range(nth + 1):
        b = text.index(surface, b + 1)
    return {"Type": typ, "Score": 0.9, "RelationshipScore": 0.9, "RelationshipType": typ, "Id": 1,
            "BeginOffset": b, "EndOffset": b + len(surface), "Text": surface, "Category": "MEDICATION", "Traits": []}


def run(marked, entities, unmapped=(), split="dev"):
    """Scores one gold note (marked text) against predicted entities; returns the 'all' results."""
    with tempfile.TemporaryDirectory() as gd, tempfile.TemporaryDirectory() as pd:
        os.makedirs(os.path.join(gd, split))
        with open(os.path.join(gd, split, "001-ed-us.txt"), "w", encoding="utf-8") as f:
            f.write(marked)
        with open(os.path.join(pd, "001-ed-us.json"), "w", encoding="utf-8") as f:
            json.dump({"Entities": entities, "UnmappedAttributes": list(unmapped), "ModelVersion": "t"}, f)
        notes = G.load_dir(gd)
        return score.evaluate(notes, pd)["results"]["all"]


def prf(row):
    return (row["precision"], row["recall"], row["f1"])


MEDS = "[[Metformin|GENERIC_NAME|id=m1]] [[500 mg|STRENGTH|of=m1]] BID and [[lisinopril|GENERIC_NAME|id=m2]] [[10 mg|STRENGTH|of=m2]] daily."
MEDS_PLAIN = "Metformin 500 mg BID and lisinopril 10 mg daily."


class GoldReaderTests(unittest.TestCase):
    def test_plain_text_and_offsets(self):
        n = G.build_note("Pt with [[left|DIRECTION|of=c1]] [[knee pain|DX_NAME|SYMPTOM|id=c1]], [[afebrile|DX_NAME|SIGN|NEGATION]].",
                         "001-ed-us")
        self.assertEqual(n.text, "Pt with left knee pain, afebrile.")
        c = n.entities[0]
        self.assertEqual((c.begin, c.end, c.text), (13, 22, "knee pain"))
        self.assertEqual([(a.type, a.begin, a.end) for a in c.attributes], [("DIRECTION", 8, 12)])
        self.assertEqual(n.entities[1].traits, {"SIGN", "NEGATION"})
        self.assertEqual((n.kind, n.region), ("ed", "us"))

    def test_code_point_offsets(self):
        n = G.build_note("Temp 38.6 °C — [[fièvre|DX_NAME|SIGN]] 🙂 [[toux|DX_NAME|SYMPTOM]]")
        self.assertEqual(n.text[n.entities[0].begin:n.entities[0].end], "fièvre")
        self.assertEqual(n.text[n.entities[1].begin:n.entities[1].end], "toux")

    def test_rejects_bad_markers(self):
        bad = [
            "[[a [[b|DX_NAME|SIGN]]|DX_NAME|SIGN]]",  # nested
            "[[fever|DX_NAME]]",  # no kind
            "[[fever|DX_NAME|SIGN|SYMPTOM]]",  # two kinds
            "[[500 mg|STRENGTH|of=m9]]",  # unknown owner
            "[[pain|DX_NAME|SYMPTOM|id=c1]] [[500 mg|STRENGTH|of=c1]]",  # wrong owner type
            "[[x|WHATEVER]]",  # unknown type
            "[[x|DX_NAME|SIGN|SAD]]",  # unknown trait
            "[[x|GENERIC_NAME|icd=E11.9]]",  # icd on a drug
            "text ]] here",
            "[[open|DX_NAME|SIGN",
        ]
        for b in bad:
            with self.subTest(b=b):
                with self.assertRaises(G.GoldError):
                    G.build_note(b)

    def test_unmapped_attribute(self):
        n = G.build_note("Sig: [[BID|FREQUENCY]]")
        self.assertEqual(len(n.unmapped), 1)
        self.assertEqual(n.entities, [])


class ScoreTests(unittest.TestCase):
    def test_perfect(self):
        t = MEDS_PLAIN
        r = run(MEDS, [ent(t, "Metformin", "MEDICATION", "GENERIC_NAME", attrs=[attr(t, "500 mg", "STRENGTH")]),
                       ent(t, "lisinopril", "MEDICATION", "GENERIC_NAME", attrs=[attr(t, "10 mg", "STRENGTH")])])
        for mode in ("relaxed", "strict"):
            self.assertEqual(prf(r[mode]["category"]["MEDICATION"]), (1.0, 1.0, 1.0))
            self.assertEqual(prf(r[mode]["attribute"]["STRENGTH"]), (1.0, 1.0, 1.0))

    def test_missed_entity(self):
        t = MEDS_PLAIN
        r = run(MEDS, [ent(t, "Metformin", "MEDICATION", "GENERIC_NAME", attrs=[attr(t, "500 mg", "STRENGTH")])])
        self.assertEqual(prf(r["relaxed"]["category"]["MEDICATION"]), (1.0, 0.5, 0.6667))
        # the missed drug's strength is missed too
        self.assertEqual(prf(r["relaxed"]["attribute"]["STRENGTH"]), (1.0, 0.5, 0.6667))
        self.assertEqual(r["relaxed"]["category"]["MEDICATION"]["fn"], 1)

    def test_extra_entity(self):
        marked = "Started [[aspirin|GENERIC_NAME]] today."
        t = "Started aspirin today."
        r = run(marked, [ent(t, "aspirin", "MEDICATION", "GENERIC_NAME"), ent(t, "today", "MEDICATION", "GENERIC_NAME")])
        self.assertEqual(prf(r["relaxed"]["category"]["MEDICATION"]), (0.5, 1.0, 0.6667))
        self.assertEqual(prf(r["strict"]["type"]["GENERIC_NAME"]), (0.5, 1.0, 0.6667))

    def test_wrong_trait(self):
        marked = ("Denies [[fever|DX_NAME|SYMPTOM|NEGATION]] and [[cough|DX_NAME|SYMPTOM|NEGATION]]. "
                  "Has [[nausea|DX_NAME|SYMPTOM]] and [[vomiting|DX_NAME|SYMPTOM]].")
        t = "Denies fever and cough. Has nausea and vomiting."
        r = run(marked, [ent(t, "fever", "MEDICAL_CONDITION", "DX_NAME", ["SYMPTOM", "NEGATION"]),
                         ent(t, "cough", "MEDICAL_CONDITION", "DX_NAME", ["SYMPTOM"]),
                         ent(t, "nausea", "MEDICAL_CONDITION", "DX_NAME", ["SYMPTOM", "NEGATION"]),
                         ent(t, "vomiting", "MEDICAL_CONDITION", "DX_NAME", ["SIGN"])])
        # NEGATION: gold 2, predicted 2, right 1
        self.assertEqual(prf(r["relaxed"]["trait"]["NEGATION"]), (0.5, 0.5, 0.5))
        # SYMPTOM: gold 4, predicted 3, right 3
        self.assertEqual(prf(r["relaxed"]["trait"]["SYMPTOM"]), (1.0, 0.75, 0.8571))
        self.assertEqual(prf(r["relaxed"]["trait"]["SIGN"]), (0.0, 0.0, 0.0))
        self.assertEqual(prf(r["relaxed"]["category"]["MEDICAL_CONDITION"]), (1.0, 1.0, 1.0))

    def test_trait_needs_entity(self):
        marked = "No [[chest pain|DX_NAME|SYMPTOM|NEGATION]] or [[dyspnoea|DX_NAME|SYMPTOM|NEGATION]]."
        t = "No chest pain or dyspnoea."
        r = run(marked, [ent(t, "chest pain", "MEDICAL_CONDITION", "DX_NAME", ["SYMPTOM", "NEGATION"])])
        self.assertEqual(prf(r["relaxed"]["trait"]["NEGATION"]), (1.0, 0.5, 0.6667))
        self.assertEqual(prf(r["relaxed"]["trait_on_matched"]["NEGATION"]), (1.0, 1.0, 1.0))

    def test_partial_overlap(self):
        marked = "Hx of [[type 2 diabetes mellitus|DX_NAME|DIAGNOSIS|icd=E11.9]] and [[chest pain|DX_NAME|SYMPTOM]]."
        t = "Hx of type 2 diabetes mellitus and chest pain."
        r = run(marked, [ent(t, "diabetes mellitus", "MEDICAL_CONDITION", "DX_NAME", ["DIAGNOSIS"], icd="E11.9"),
                         ent(t, "chest pain", "MEDICAL_CONDITION", "DX_NAME", ["SYMPTOM"])])
        self.assertEqual(prf(r["relaxed"]["category"]["MEDICAL_CONDITION"]), (1.0, 1.0, 1.0))
        self.assertEqual(prf(r["strict"]["category"]["MEDICAL_CONDITION"]), (0.5, 0.5, 0.5))
        self.assertEqual(r["icd10cm"]["top1_accuracy"], 1.0)

    def test_one_to_one_overlap(self):
        # one long prediction covering two gold entities matches only one of them
        marked = "[[nausea|DX_NAME|SYMPTOM]] [[vomiting|DX_NAME|SYMPTOM]]"
        t = "nausea vomiting"
        r = run(marked, [ent(t, "nausea vomiting", "MEDICAL_CONDITION", "DX_NAME", ["SYMPTOM"])])
        self.assertEqual(prf(r["relaxed"]["category"]["MEDICAL_CONDITION"]), (1.0, 0.5, 0.6667))

    def test_attribute_on_wrong_drug(self):
        t = MEDS_PLAIN
        r = run(MEDS, [ent(t, "Metformin", "MEDICATION", "GENERIC_NAME"),
                       ent(t, "lisinopril", "MEDICATION", "GENERIC_NAME",
                           attrs=[attr(t, "500 mg", "STRENGTH"), attr(t, "10 mg", "STRENGTH")])])
        self.assertEqual(prf(r["relaxed"]["category"]["MEDICATION"]), (1.0, 1.0, 1.0))
        # 10 mg right; 500 mg on the wrong drug is both a false positive and a miss
        self.assertEqual(prf(r["relaxed"]["attribute"]["STRENGTH"]), (0.5, 0.5, 0.5))
        self.assertEqual(prf(r["strict"]["attribute"]["MEDICATION (all)"]), (0.5, 0.5, 0.5))

    def test_category_right_type_wrong(self):
        marked = "[[Panadol|BRAND_NAME|id=m1]] [[1 g|STRENGTH|of=m1]]"
        t = "Panadol 1 g"
        r = run(marked, [ent(t, "Panadol", "MEDICATION", "GENERIC_NAME", attrs=[attr(t, "1 g", "STRENGTH")])])
        self.assertEqual(prf(r["strict"]["category"]["MEDICATION"]), (1.0, 1.0, 1.0))
        self.assertEqual(prf(r["strict"]["type"]["BRAND_NAME"]), (0.0, 0.0, 0.0))
        self.assertEqual(prf(r["strict"]["type"]["GENERIC_NAME"]), (0.0, 0.0, 0.0))
        self.assertEqual(prf(r["strict"]["attribute"]["STRENGTH"]), (1.0, 1.0, 1.0))

    def test_phi_ignored_time_aliases_and_attribute_as_entity(self):
        marked = ("Seen by Dr Ames. [[Pain|DX_NAME|SYMPTOM|id=c1]] in the [[right|DIRECTION|of=c1]] "
                  "[[hip|SYSTEM_ORGAN_SITE|of=c1]] [[2 days ago|TIME_EXPRESSION|of=c1]].")
        t = "Seen by Dr Ames. Pain in the right hip 2 days ago."
        anat = attr(t, "hip", "SYSTEM_ORGAN_SITE")
        r = run(marked, [ent(t, "Ames", "PROTECTED_HEALTH_INFORMATION", "NAME"),
                         ent(t, "Pain", "MEDICAL_CONDITION", "DX_NAME", ["SYMPTOM"],
                             attrs=[anat, attr(t, "right", "DIRECTION")]),
                         ent(t, "hip", "ANATOMY", "SYSTEM_ORGAN_SITE"),
                         ent(t, "2 days ago", "TIME_EXPRESSION", "TIME_TO_DX_NAME")])
        self.assertEqual(prf(r["strict"]["category"]["ALL"]), (1.0, 1.0, 1.0))
        self.assertNotIn("ANATOMY", r["strict"]["category"])
        self.assertEqual(prf(r["strict"]["category"]["TIME_EXPRESSION"]), (1.0, 1.0, 1.0))
        self.assertEqual(prf(r["strict"]["attribute"]["SYSTEM_ORGAN_SITE"]), (1.0, 1.0, 1.0))

    def test_unmapped_attributes(self):
        marked = "Frequency: [[BID|FREQUENCY]]"
        t = "Frequency: BID"
        u = {"Type": "MEDICATION", "Attribute": attr(t, "BID", "FREQUENCY")}
        r = run(marked, [], [u])
        self.assertEqual(prf(r["strict"]["attribute"]["FREQUENCY"]), (1.0, 1.0, 1.0))
        r = run(marked, [], [])
        self.assertEqual(prf(r["strict"]["attribute"]["FREQUENCY"]), (0.0, 0.0, 0.0))

    def test_icd_accuracy(self):
        marked = ("[[AF|DX_NAME|DIAGNOSIS|icd=I48.91]], [[HTN|DX_NAME|DIAGNOSIS|icd=I10]], "
                  "[[T2DM|DX_NAME|DIAGNOSIS|icd=E11.9]], [[CCF|DX_NAME|DIAGNOSIS|icd=I50.9]]")
        t = "AF, HTN, T2DM, CCF"
        r = run(marked, [ent(t, "AF", "MEDICAL_CONDITION", "DX_NAME", ["DIAGNOSIS"], icd="I48.91"),
                         ent(t, "HTN", "MEDICAL_CONDITION", "DX_NAME", ["DIAGNOSIS"], icd="i10"),
                         ent(t, "T2DM", "MEDICAL_CONDITION", "DX_NAME", ["DIAGNOSIS"], icd="E11.65")])
        icd = r["icd10cm"]
        self.assertEqual((icd["coded"], icd["found"], icd["with_code"], icd["exact"], icd["category3"]), (4, 3, 3, 2, 3))
        self.assertEqual(icd["top1_accuracy"], 0.5)
        self.assertEqual(icd["category3_accuracy"], 0.75)

    def test_missing_output_counts_empty(self):
        with tempfile.TemporaryDirectory() as gd, tempfile.TemporaryDirectory() as pd:
            os.makedirs(os.path.join(gd, "test"))
            with open(os.path.join(gd, "test", "002-gp-au.txt"), "w") as f:
                f.write("[[GORD|DX_NAME|DIAGNOSIS|icd=K21.9]]")
            res = score.evaluate(G.load_dir(gd), pd)
            self.assertEqual(res["missing_outputs"], ["002-gp-au"])
            self.assertEqual(prf(res["results"]["test"]["relaxed"]["category"]["MEDICAL_CONDITION"]), (0.0, 0.0, 0.0))
            self.assertEqual(res["results"]["test"]["icd10cm"]["top1_accuracy"], 0.0)


def time_link(text, surface, owner_type="DX_NAME", nth=0):
    """A TIME_TO_* attribute (Comprehend Medical shape) pointing at the time expression SURFACE."""
    a = attr(text, surface, "TIME_TO_" + owner_type, nth)
    a.update(Category="TIME_EXPRESSION", RelationshipType="OVERLAP")
    return a


def for_link(text, surface, after=""):
    """A FOR attribute of a medication pointing at its indication SURFACE (first occurrence after AFTER)."""
    a = attr(text, surface, "DX_NAME")
    b = text.index(surface, text.index(after) if after else 0)
    a.update(Category="MEDICAL_CONDITION", RelationshipType="FOR", BeginOffset=b, EndOffset=b + len(surface))
    return a


LINKED = ("[[Chest pain|DX_NAME|SYMPTOM|id=c1]] [[2 hours ago|TIME_EXPRESSION|of=c1]], [[cough|DX_NAME|SYMPTOM|id=c2]] "
          "[[3 days|TIME_EXPRESSION|of=c2]]. [[Paracetamol|GENERIC_NAME|id=m1]] [[1 g|STRENGTH|of=m1]] "
          "[[PRN|FREQUENCY|of=m1]] [[pain|DX_NAME|SYMPTOM|HYPOTHETICAL|for=m1]]; [[ondansetron|GENERIC_NAME|id=m2]] "
          "[[PRN|FREQUENCY|of=m2]] [[nausea|DX_NAME|SYMPTOM|HYPOTHETICAL|for=m2]].")
LINKED_PLAIN = "Chest pain 2 hours ago, cough 3 days. Paracetamol 1 g PRN pain; ondansetron PRN nausea."


def linked_prediction(t, chest_times=("2 hours ago",), cough_times=("3 days",), para_for=("pain",),
                      ond_for=("nausea",), chest_span="Chest pain"):
    return [ent(t, chest_span, "MEDICAL_CONDITION", "DX_NAME", ["SYMPTOM"], attrs=[time_link(t, x) for x in chest_times]),
            ent(t, "2 hours ago", "TIME_EXPRESSION", "TIME_TO_DX_NAME"),
            ent(t, "cough", "MEDICAL_CONDITION", "DX_NAME", ["SYMPTOM"], attrs=[time_link(t, x) for x in cough_times]),
            ent(t, "3 days", "TIME_EXPRESSION", "TIME_TO_DX_NAME"),
            ent(t, "Paracetamol", "MEDICATION", "GENERIC_NAME", attrs=[for_link(t, x, "Paracetamol") for x in para_for]),
            ent(t, "pain", "MEDICAL_CONDITION", "DX_NAME", ["SYMPTOM", "HYPOTHETICAL"], nth=1),
            ent(t, "ondansetron", "MEDICATION", "GENERIC_NAME", attrs=[for_link(t, x, "Paracetamol") for x in ond_for]),
            ent(t, "nausea", "MEDICAL_CONDITION", "DX_NAME", ["SYMPTOM", "HYPOTHETICAL"])]


class RelationReaderTests(unittest.TestCase):
    def test_links_parsed(self):
        n = G.build_note(LINKED, "001-ed-us")
        got = sorted((k, o.text, n.text[b:e]) for k, o, b, e, _ in G.links(n))
        self.assertEqual(got, [("FOR", "Paracetamol", "pain"), ("FOR", "ondansetron", "nausea"),
                               ("TIME_TO", "Chest pain", "2 hours ago"), ("TIME_TO", "cough", "3 days")])

    def test_rejects_bad_links(self):
        bad = [
            "[[pain|DX_NAME|SYMPTOM|for=m9]]",  # unknown medication
            "[[ECG|TEST_NAME|id=t1]] [[pain|DX_NAME|SYMPTOM|for=t1]]",  # for= must name a medication
            "[[aspirin|GENERIC_NAME|id=m1|for=m1]]",  # for= only on DX_NAME
            "[[aspirin|GENERIC_NAME|id=m1]] [[daily|FREQUENCY|of=m1|for=m1]]",  # not on attributes
            "[[aspirin|GENERIC_NAME|id=m1]] [[pain|DX_NAME|SYMPTOM|for=m1|for=m1]]",  # duplicate key
            "[[2 days|TIME_EXPRESSION|of=c9]]",  # unknown timed entity
            "[[hip|SYSTEM_ORGAN_SITE|id=a1]] [[2 days|TIME_EXPRESSION|of=a1]]",  # anatomy is not timed
        ]
        for b in bad:
            with self.subTest(b=b):
                with self.assertRaises(G.GoldError):
                    G.build_note(b)

    def test_gold_to_cm_shape(self):
        out = gold_to_cm.note_to_cm(G.build_note(LINKED, "001-ed-us"))
        by_text = {e["Text"]: e for e in out["Entities"]}
        self.assertEqual(by_text["2 hours ago"]["Type"], "TIME_TO_DX_NAME")
        (tl,) = [a for a in by_text["Chest pain"]["Attributes"]]
        self.assertEqual((tl["Type"], tl["Category"], tl["RelationshipType"], tl["Text"]),
                         ("TIME_TO_DX_NAME", "TIME_EXPRESSION", "OVERLAP", "2 hours ago"))
        fl = [a for a in by_text["Paracetamol"]["Attributes"] if a["RelationshipType"] == "FOR"]
        self.assertEqual([(a["Type"], a["Category"], a["Text"]) for a in fl], [("DX_NAME", "MEDICAL_CONDITION", "pain")])
        # the indication stays a top-level condition
        self.assertEqual(by_text["pain"]["Category"], "MEDICAL_CONDITION")
        out = gold_to_cm.note_to_cm(G.build_note("[[Metformin|GENERIC_NAME|id=m1]] started [[2 weeks ago|TIME_EXPRESSION|of=m1]]"))
        self.assertEqual(out["Entities"][1]["Type"], "TIME_TO_MEDICATION_NAME")
        self.assertEqual(out["Entities"][0]["Attributes"][0]["Type"], "TIME_TO_MEDICATION_NAME")


class CheckGoldLinkTests(unittest.TestCase):
    def check(self, marked):
        import contextlib
        import io
        import check_gold
        with tempfile.TemporaryDirectory() as gd:
            os.makedirs(os.path.join(gd, "dev"))
            with open(os.path.join(gd, "dev", "001-ed-us.txt"), "w", encoding="utf-8") as f:
                f.write(marked)
            buf = io.StringIO()
            with contextlib.redirect_stdout(buf):
                rc = check_gold.main(["--gold", gd, "--json"])
            return rc, json.loads(buf.getvalue())

    def test_links_counted(self):
        rc, stats = self.check(LINKED)
        self.assertEqual(rc, 0)
        self.assertEqual(stats["links"], {"dev/FOR": 2, "dev/TIME_TO": 2})

    def test_link_across_lines_and_indication_before_drug(self):
        rc, stats = self.check("[[fever|DX_NAME|SYMPTOM|id=c1]]\n[[2 days|TIME_EXPRESSION|of=c1]]")
        self.assertEqual(rc, 1)
        self.assertIn("crosses a line break", " ".join(stats["problems"]))
        rc, stats = self.check("[[AF|DX_NAME|DIAGNOSIS|for=m1]] on [[apixaban|GENERIC_NAME|id=m1]]")
        self.assertEqual(rc, 1)
        self.assertIn("precedes its medication", " ".join(stats["problems"]))


class RelationScoreTests(unittest.TestCase):
    def rows(self, pred):
        r = run(LINKED, pred)
        return {m: (r[m]["relation"].get("TIME_TO (link)"), r[m]["relation"].get("FOR (link)")) for m in ("relaxed", "strict")}

    def test_all_found(self):
        rows = self.rows(linked_prediction(LINKED_PLAIN))
        for mode in ("relaxed", "strict"):
            for row in rows[mode]:
                self.assertEqual(prf(row), (1.0, 1.0, 1.0))
                self.assertEqual(row["gold"], 2)

    def test_missing_links(self):
        rows = self.rows(linked_prediction(LINKED_PLAIN, cough_times=(), ond_for=()))
        for mode in ("relaxed", "strict"):
            time_row, for_row = rows[mode]
            self.assertEqual((time_row["tp"], time_row["gold"], time_row["predicted"]), (1, 2, 1))
            self.assertEqual(prf(time_row), (1.0, 0.5, 0.6667))
            self.assertEqual(prf(for_row), (1.0, 0.5, 0.6667))
        # no link predicted at all: recall 0, nothing predicted
        rows = self.rows(linked_prediction(LINKED_PLAIN, (), (), (), ()))
        self.assertEqual(prf(rows["relaxed"][0]), (0.0, 0.0, 0.0))
        self.assertEqual(rows["relaxed"][1]["predicted"], 0)

    def test_wrong_owner(self):
        # the cough's time hangs on the chest pain, the nausea on paracetamol: both miss and are false positives
        rows = self.rows(linked_prediction(LINKED_PLAIN, chest_times=("2 hours ago", "3 days"), cough_times=(),
                                           para_for=("pain", "nausea"), ond_for=()))
        for mode in ("relaxed", "strict"):
            for row in rows[mode]:
                self.assertEqual((row["tp"], row["gold"], row["predicted"]), (1, 2, 2))
                self.assertEqual(prf(row), (0.5, 0.5, 0.5))

    def test_wrong_kind_does_not_count(self):
        t = LINKED_PLAIN
        pred = linked_prediction(t, para_for=())
        pred[4]["Attributes"] = [time_link(t, "pain", "MEDICATION_NAME", nth=1)]  # a time relation, not FOR
        rows = self.rows(pred)
        self.assertEqual((rows["strict"][1]["tp"], rows["strict"][1]["predicted"]), (1, 1))
        self.assertEqual((rows["strict"][0]["tp"], rows["strict"][0]["predicted"]), (2, 3))

    def test_strict_vs_relaxed_span(self):
        t = LINKED_PLAIN
        pred = linked_prediction(t, chest_times=("2 hours",), para_for=("PRN pain",))
        rows = self.rows(pred)
        self.assertEqual(prf(rows["relaxed"][0]), (1.0, 1.0, 1.0))
        self.assertEqual(prf(rows["relaxed"][1]), (1.0, 1.0, 1.0))
        self.assertEqual(prf(rows["strict"][0]), (0.5, 0.5, 0.5))
        self.assertEqual(prf(rows["strict"][1]), (0.5, 0.5, 0.5))

    def test_owner_must_align(self):
        # the owner is found only with relaxed alignment (span "Chest"), so strict misses its link
        rows = self.rows(linked_prediction(LINKED_PLAIN, chest_span="Chest"))
        self.assertEqual(prf(rows["relaxed"][0]), (1.0, 1.0, 1.0))
        self.assertEqual(prf(rows["strict"][0]), (0.5, 0.5, 0.5))

    def test_relations_in_json(self):
        import contextlib
        import io
        with tempfile.TemporaryDirectory() as gd, tempfile.TemporaryDirectory() as pd:
            os.makedirs(os.path.join(gd, "dev"))
            with open(os.path.join(gd, "dev", "001-ed-us.txt"), "w", encoding="utf-8") as f:
                f.write(LINKED)
            with open(os.path.join(pd, "001-ed-us.json"), "w", encoding="utf-8") as f:
                json.dump({"Entities": linked_prediction(LINKED_PLAIN, ond_for=())}, f)
            buf = io.StringIO()
            with contextlib.redirect_stdout(buf):
                score.main(["--gold", gd, "--pred", pd, "--json"])
            res = json.loads(buf.getvalue())["results"]["dev"]
            self.assertEqual(prf(res["strict"]["relation"]["FOR (link)"]), (1.0, 0.5, 0.6667))
            self.assertEqual(prf(res["relaxed"]["relation"]["TIME_TO (link)"]), (1.0, 1.0, 1.0))
            buf = io.StringIO()
            with contextlib.redirect_stdout(buf):
                score.main(["--gold", gd, "--pred", pd])
            self.assertIn("TIME_TO (link)", buf.getvalue())
            self.assertIn("FOR (link)", buf.getvalue())


class GoldVsGoldTests(unittest.TestCase):
    def test_corpus_against_itself_is_perfect(self):
        notes = G.load_dir(CORPUS)
        self.assertGreater(len(notes), 0)
        with tempfile.TemporaryDirectory() as pd:
            for n in notes:
                d = os.path.join(pd, n.split)
                os.makedirs(d, exist_ok=True)
                with open(os.path.join(d, n.name + ".json"), "w", encoding="utf-8") as f:
                    json.dump(gold_to_cm.note_to_cm(n), f)
            res = score.evaluate(notes, pd)
        self.assertEqual(res["missing_outputs"], [])
        for split, r in res["results"].items():
            for mode in ("relaxed", "strict"):
                for section, rows in r[mode].items():
                    for key, row in rows.items():
                        with self.subTest(split=split, mode=mode, section=section, key=key):
                            self.assertEqual(prf(row), (1.0, 1.0, 1.0))
            if r["icd10cm"]["coded"]:
                self.assertEqual(r["icd10cm"]["top1_accuracy"], 1.0)
            # the corpus has both kinds of relation links in every split, and they score 1.0 (above)
            for kind in ("TIME_TO (link)", "FOR (link)"):
                with self.subTest(split=split, relation=kind):
                    self.assertGreater(r["strict"]["relation"][kind]["gold"], 0)

    def test_plain_text_has_no_markers(self):
        for n in G.load_dir(CORPUS):
            with self.subTest(note=n.name):
                self.assertNotIn("[[", n.text)
                self.assertNotIn("]]", n.text)
                for e in n.entities:
                    self.assertEqual(n.text[e.begin:e.end], e.text)


if __name__ == "__main__":
    unittest.main()
