import Foundation
import MedTextCore
import MedTextKit
import TerminologyMap
import Testing

/// Document-level ICD-10-CM rules (`lexicons/data/icd/combinations.tsv`, DESIGN.md "ICD-10-CM
/// combination codes"): combination codes stated or presumed from the rest of the note, the
/// trimester of a pregnancy code from the note's gestational age, and a side named in the note.
@Suite struct ICDCombinationTests {
    @Test(arguments: [
        // Stated links (gold guideline §9): the combination goes on the diabetes or hypertension.
        ("PMH: T2DM with peripheral neuropathy. HTN.", "T2DM", "E11.42"),
        ("Hypertension with CKD stage 3a.", "Hypertension", "I12.9"),
        ("Type 1 diabetes mellitus, suboptimal control.", "Type 1 diabetes mellitus", "E10.65"),
        // Presumed links: a neuropathy, hypoglycaemia or anaemia in a note about diabetes or CKD.
        ("Feet: sensation reduced bilat - peripheral neuropathy.\nBackground: T2DM on metformin.", "peripheral neuropathy", "E11.42"),
        ("Two episodes of hypoglycemia last week.\nType 2 diabetes on insulin.", "hypoglycemia", "E11.649"),
        ("CKD stage 4.\nAnaemia - on darbepoetin.", "Anaemia", "D63.1"),
        ("Principal diagnosis: Febrile neutropenia following cycle 2 of chemotherapy for DLBCL.", "Febrile neutropenia", "D70.1"),
        // The trimester of the note's gestational age, and the severity stated.
        ("G2P1, 33+4/40, admitted with pre-eclampsia without severe features.", "pre-eclampsia", "O14.03"),
        // A side before a severity word selects the sided code.
        ("Eye: L mild nuclear sclerosis.", "nuclear sclerosis", "H25.12"),
        // Hypertension and CKD on separate lines: the link is presumed (Official Guidelines
        // I.C.9.a.2; gold Rule I1 as refined) and the CKD keeps its stage.
        ("Hypertension.\nCKD stage 3a.", "Hypertension", "I12.9"),
        ("Hypertension.\nCKD stage 3a.", "CKD stage 3a", "N18.31"),
        // Negatives: conditions the Index does not link stay apart (Rule I2); a bare mention keeps its code.
        ("T2DM.\nHypertension.", "Hypertension", "I10"),
        ("T2DM.\nNo neuropathy.", "T2DM", "E11.9"),
        ("Febrile neutropenia.", "Febrile neutropenia", "D70.9"),
        ("Pre-eclampsia.", "Pre-eclampsia", "O14.90"),
        // Qualifiers written on the mention's line select the combination code.
        ("3. Alcohol use disorder, moderate, with mild withdrawal", "Alcohol use disorder", "F10.230"),
        ("ADHD, inattentive type, on Vyvanse.", "ADHD", "F90.0"),
        ("Acute pancreatitis, most likely gallstone related.", "Acute pancreatitis", "K85.10"),
        ("1. Rheumatoid arthritis - RF and anti-CCP positive, erosions at MTP joints", "Rheumatoid arthritis", "M05.9"),
        ("| Flomax 0.4 mg | 1 cap PO every evening | BPH with LUTS |", "BPH", "N40.1"),
        ("Principal diagnosis: urosepsis due to E. coli.", "urosepsis", "A41.51"),
        // Presumed from the note: an ulcer in a note about an upper GI bleed; a diabetic's
        // hyperglycaemia.
        ("Presenting with melaena.\nEGD: duodenal ulcer with a visible vessel, clipped.", "duodenal ulcer", "K26.4"),
        ("4. Hyperglycemia on insulin drip.\n5. T2DM - transition to glargine.", "T2DM", "E11.65"),
        // Negatives: the bare mentions keep their own codes.
        ("Alcohol use disorder.", "Alcohol use disorder", "F10.20"),
        ("ADHD.", "ADHD", "F90.9"),
        ("Duodenal ulcer on PPI.", "Duodenal ulcer", "K26.9"),
        ("Acute pancreatitis.", "Acute pancreatitis", "K85.90"),
        ("Rheumatoid arthritis on methotrexate.", "Rheumatoid arthritis", "M06.9"),
        ("BPH.", "BPH", "N40.0"),
        ("T2DM.\nNo hyperglycaemia.", "T2DM", "E11.9"),
        // The Index codes "poorly / inadequately controlled" and "out of control" diabetes with
        // hyperglycemia; "uncontrolled" alone goes to hyper- or hypoglycemia by what it means, so it
        // is no cue on its own. "With hyperglycaemia" written next to the diabetes is the
        // complication it takes, before a hypoglycaemia later on the line.
        ("T2DM, poorly controlled (HbA1c 9.8%).", "T2DM", "E11.65"),
        ("Uncontrolled T2DM.", "T2DM", "E11.9"),
        ("Assessment: T1DM with hyperglycaemia and impaired hypoglycaemia awareness.", "T1DM", "E10.65"),
        // The "with" presumption needs a hyperglycaemia or bleed of this encounter: one that is
        // risked, or past history, is no cue.
        ("T2DM on metformin.\nPlan: prednisolone 50 mg; monitor for hyperglycaemia.", "T2DM", "E11.9"),
        ("PMH: steroid-induced hyperglycaemia 2019.\nT2DM on metformin.", "T2DM", "E11.9"),
        ("Past history: upper GI bleed 2019.\nEGD today: duodenal ulcer, clean base.", "duodenal ulcer", "K26.9"),
        ("Haematemesis x2 overnight.\nEGD: gastric ulcer with clean base.", "gastric ulcer", "K25.4"),
        // The documented type of diabetes: type 2 is the default only when no type is documented
        // (Official Guidelines I.C.4.a.2); a mention that names type 2 keeps it.
        ("T1DM on pump.\nEyes: diabetic retinopathy, mild.", "diabetic retinopathy", "E10.319"),
        ("Type 1 diabetes since age 9.\nTwo episodes of hypoglycaemia needing assistance.", "hypoglycaemia", "E10.649"),
        ("Diabetic retinopathy on screening.", "Diabetic retinopathy", "E11.319"),
        ("Mother has T1DM.\nPatient: diabetic retinopathy.", "diabetic retinopathy", "E11.319"),
        // One standing condition documented more specifically elsewhere in the note takes that
        // code (AF type, CKD stage, heart failure type; Rule I1, ICDSameConditionTests); a
        // relative's or a negated one does not.
        ("PMH: paroxysmal AF on apixaban.\nECG: AF, rate 90.", "AF", "I48.0"),
        ("Background: CKD stage 4.\nPlan: follow-up CKD clinic; avoid NSAIDs for CKD.", "CKD", "N18.4"),
        ("HFrEF, LVEF 30%.\nHeart failure: euvolaemic, continue GDMT.", "Heart failure", "I50.20"),
        ("Family history: paroxysmal AF in his mother.\nECG: AF, rate 90.", "AF", "I48.91"),
        ("ECG: AF, rate 90.", "AF", "I48.91"),
        // Diabetes written with its complication as two mentions takes the combination code;
        // diabetic (peripheral) polyneuropathy is E11.42 (Index: Polyneuropathy, diabetic).
        ("1. Type 2 diabetes mellitus with diabetic polyneuropathy - A1c 7.4%", "Type 2 diabetes mellitus with diabetic polyneuropathy", "E11.42"),
        ("PMH: T2DM with diabetic retinopathy.", "T2DM", "E11.319"),
        ("Diabetic peripheral neuropathy.", "Diabetic peripheral neuropathy", "E11.42"),
        ("Diabetic neuropathy.", "Diabetic neuropathy", "E11.40"),
        ("Reason for visit: type 2 diabetes mellitus with diabetic chronic kidney disease.\nGabapentin 300 mg TID for diabetic neuropathy.", "diabetic neuropathy", "E11.40"),
    ])
    func combination(text: String, mention: String, code: String) {
        #expect(GoldRuleTests.topICD(text, mention) == code)
    }

    /// A negated mention is no longer a condition: "Not on aspirin" names a drug (the lay
    /// synonym "on aspirin" of long-term antiplatelet use is gone).
    @Test func notOnAspirinIsANegatedDrug() {
        let rows = GoldRuleTests.run("Not on aspirin or clopidogrel.")
        #expect(rows.contains("aspirin|GENERIC_NAME|NEGATION|"), "\(rows)")
        #expect(!rows.contains { $0.contains("DX_NAME") }, "\(rows)")
    }

    @Test(arguments: [
        ("33+4/40", 3), ("G1P0 at 12/40", 1), ("GA 27+6/40", 2), ("24 weeks gestation", 2), ("30 weeks pregnant", 3),
        ("BP 140/90", nil), ("Hb 140/40", nil), ("no pregnancy", nil),
    ] as [(String, Int?)])
    func trimester(text: String, expected: Int?) {
        #expect(ICDCombinationRules.trimester(in: text) == expected)
    }

    @Test func rulesFileParsesAndNamesLinkWords() throws {
        let rules = try ICDCombinationRules.parse("""
            id\tmention\tcue\tlink\tcode\tnote
            links\t\twith,due\tlinks\t\t
            a\tE11.9\ticd:N18\tstated\tE11.22\t
            b\tD70.9\tword:chemo\tnote\tD70.1\t
            """)
        #expect(rules.linkWords == ["with", "due"])
        #expect(rules.rules.map(\.code) == ["E11.22", "D70.1"])
        #expect(rules.rules[1].cueWords == ["chemo"])
        #expect(throws: TerminologyError.self) { try ICDCombinationRules.parse("id\tmention\tcue\tlink\tcode\nx\tE11.9\tN18\tstated\tE11.22\n") }
        let retype = try ICDCombinationRules.parse("id\tmention\tcue\tlink\tcode\tnote\tunless\tcue_names\nt\tE11\ticd:E10\tnote\tE10*\t\t2,t2dm\t1,t1dm\n")
        #expect(retype.rules.first?.retypes == true)
        #expect(retype.rules.first?.unless == ["2", "t2dm"])
        let mentions = [
            ICDCombinationRules.Mention(span: TextSpan(0, 4), topCode: "E10.9", affirmed: true, text: "T1DM"),
            ICDCombinationRules.Mention(span: TextSpan(6, 26), topCode: "E11.319", affirmed: true, text: "diabetic retinopathy"),
            ICDCombinationRules.Mention(span: TextSpan(28, 32), topCode: "E11.9", affirmed: true, text: "T2DM"),
        ]
        #expect(retype.combinations(for: mentions, entityTexts: [], text: String(repeating: " ", count: 40)) == [nil, "E10.319", nil])
        // A cue that does not name type 1 ("diabetic" ranked E10.9) documents no type.
        var untyped = mentions
        untyped[0] = ICDCombinationRules.Mention(span: TextSpan(0, 4), topCode: "E10.9", affirmed: true, text: "diabetic")
        #expect(retype.combinations(for: untyped, entityTexts: [], text: String(repeating: " ", count: 40)) == [nil, nil, nil])
    }

    /// Every combination code of the shipped rules is an ICD-10-CM code of the terminology.
    @Test func shippedCodesExist() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("lexicons/data/icd/combinations.tsv"), encoding: .utf8)
        let rules = try ICDCombinationRules.parse(text)
        #expect(rules.rules.count >= 20)
        #expect(rules.linkWords.contains("with"))
        for rule in rules.rules where !rule.retypes && !rule.takesCueCode {
            #expect(try GoldRuleTests.annotator.terminology.conceptID(system: .icd10CM, code: rule.code) != nil, "\(rule.id)")
        }
        // A retyping rule names a category on both sides: E11 → E10*.
        for rule in rules.rules where rule.retypes {
            #expect(try GoldRuleTests.annotator.terminology.conceptID(system: .icd10CM, code: String(rule.code.dropLast())) != nil, "\(rule.id)")
            #expect(rule.mention.allSatisfy { (try? GoldRuleTests.annotator.terminology.conceptID(system: .icd10CM, code: $0)) != nil }, "\(rule.id)")
        }
    }
}
