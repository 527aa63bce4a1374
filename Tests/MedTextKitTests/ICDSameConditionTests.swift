import Foundation
import MedTextCore
import MedTextKit
import TerminologyMap
import Testing

/// ICD-10-CM Rule I1 (gold guideline §9: one code per condition per note) and Rule I2 (what is
/// not combined): the note-level pass of ``ICDCombinationRules/SameCondition``
/// (`lexicons/data/icd/same_condition.tsv`, DESIGN.md "ICD-10-CM: one code per condition per note").
@Suite struct ICDSameConditionTests {
    @Test(arguments: [
        // Combination codes on both parts, the parts in different sections of the note.
        ("PMH: T2DM, hypertension.\nExam: diabetic peripheral neuropathy both feet.", "T2DM", "E11.42"),
        ("T2DM.\nDiabetic polyneuropathy.", "T2DM", "E11.42"),
        // One standing condition written at several levels of detail takes the most specific.
        ("Background: CKD stage 3b.\nRenal: CKD, eGFR stable at 38.", "CKD", "N18.32"),
        // Several complications: a state of the disease itself wins; otherwise the first written.
        ("Diabetic peripheral neuropathy.\nHypoglycaemia twice this week.\nT2DM on insulin.", "T2DM", "E11.649"),
        ("Diabetic peripheral neuropathy.\nPoorly controlled T2DM.\nAssessment: diabetes, on metformin.", "diabetes", "E11.65"),
        // Presumed links offered at the complication's place: the nearest in the list item.
        ("PMH: T2DM, hypertension, CKD stage 3b, HFrEF.", "T2DM", "E11.22"),
        ("PMH: T2DM, hypertension, CKD stage 3b, HFrEF.", "CKD stage 3b", "N18.32"),
        ("PMH: HFrEF.\nHypertension, on perindopril.", "Hypertension", "I11.0"),
        ("PMH: HFrEF.\nHypertension, on perindopril.", "HFrEF", "I50.20"),
        // Recurrent depression, exacerbations, remission, hypercapnia, retinopathy severity.
        ("MDD, recurrent, moderate.", "MDD", "F33.1"),
        ("MDD, single episode, moderate.", "MDD", "F32.1"),
        ("Depression, recurrent.", "Depression", "F33.9"),
        ("Bronchiectasis exacerbation.", "Bronchiectasis", "J47.1"),
        ("Bronchiectasis, stable.", "Bronchiectasis", "J47.9"),
        // A denied or plural (history) exacerbation is no cue.
        ("COPD, no exacerbation this year.", "COPD", "J44.9"),
        ("COPD, two exacerbations last winter.", "COPD", "J44.9"),
        ("Opioid use disorder, in remission on buprenorphine.", "Opioid use disorder", "F11.21"),
        ("Opioid use disorder on buprenorphine.", "Opioid use disorder", "F11.20"),
        ("Alcohol use disorder, severe, in early remission.", "Alcohol use disorder", "F10.21"),
        ("Type 2 respiratory failure.", "Type 2 respiratory failure", "J96.92"),
        ("Hypoxic respiratory failure.", "Hypoxic respiratory failure", "J96.91"),
        ("Perforated appendicitis with localized peritonitis.", "Perforated appendicitis", "K35.32"),
        ("Acute appendicitis.", "Acute appendicitis", "K35.80"),
        ("Eyes: moderate non-proliferative diabetic retinopathy, right eye.", "non-proliferative diabetic retinopathy", "E11.3391"),
        ("Eyes: non-proliferative diabetic retinopathy, right eye.", "non-proliferative diabetic retinopathy", "E11.3291"),
        // One note, one bronchiolitis: the RSV one.
        ("Admission diagnosis: bronchiolitis due to RSV.\nDay 2: Bronchiolitis improving, feeding well.", "Bronchiolitis", "J21.0"),
        // A side written beside the mention selects the sided code, and Rule I1 carries it.
        ("Background:\n- Type 2 diabetes, on metformin\nAssessment:\n3. Mild NPDR both eyes, no DMO.", "NPDR", "E11.3293"),
        ("Background:\n- Type 2 diabetes, on metformin\nAssessment:\n3. Mild NPDR both eyes, no DMO.", "Type 2 diabetes", "E11.3293"),
        ("Assessment:\n3. Mild NPDR, no DMO.", "NPDR", "E11.3299"),
        // Rule I2: conditions the Index does not link stay separate.
        ("PMH: T2DM, hypertension.\nExam: diabetic peripheral neuropathy both feet.", "hypertension", "I10"),
        ("Iron deficiency.\nNormocytic anaemia.", "Iron deficiency", "E61.1"),
        // Negated, uncertain, hypothetical and relatives' mentions neither give nor take a code.
        ("PMH: T2DM.\nFeet: no diabetic peripheral neuropathy.", "T2DM", "E11.9"),
        ("PMH: T2DM.\n?diabetic peripheral neuropathy - for nerve conduction studies.", "T2DM", "E11.9"),
        ("Paroxysmal AF on apixaban.\nECG today: no AF.", "AF", "I48.91"),
    ])
    func noteLevelCode(text: String, mention: String, code: String) {
        #expect(GoldRuleTests.topICD(text, mention) == code)
    }

    /// The mention's own ranked candidates follow the note-level code, so nothing is lost.
    @Test func ownCandidatesFollowTheNoteLevelCode() {
        let doc = GoldRuleTests.annotator.annotate(Document(text: "PMH: paroxysmal AF.\nECG: AF, rate 90."), linking: .ranked)
        let af = doc.entities.first { doc.document.text(in: $0.span) == "AF" }
        let codes = af?.concepts.filter { $0.system == .icd10CM }.map(\.code) ?? []
        #expect(codes.first == "I48.0")
        #expect(codes.contains("I48.91"), "\(codes)")
    }

    /// `--explain` names the rule and the mention that supplied the code.
    @Test func explainNamesRuleAndSource() throws {
        let text = "PMH: paroxysmal AF.\nECG: AF, rate 90."
        let doc = GoldRuleTests.annotator.annotate(Document(text: text), linking: .ranked, explain: true)
        let af = try #require(doc.entities.first { doc.document.text(in: $0.span) == "AF" })
        let ev = try #require(af.evidence.first { $0.ruleID.hasPrefix("icd-rule:") })
        #expect(ev.ruleID == "icd-rule:I1:same-condition")
        #expect(ev.subject.hasSuffix("|I48.0"))
        let source = try #require(ev.trigger)
        #expect(doc.document.text(in: source) == "paroxysmal AF")
    }

    /// The pass on its own, with titles given by a table (no terminology).
    static let titles: [String: String] = [
        "E11": "Type 2 diabetes mellitus", "E11.9": "Type 2 diabetes mellitus without complications",
        "E11.3": "Type 2 diabetes mellitus with ophthalmic complications",
        "E11.31": "Type 2 diabetes mellitus with unspecified diabetic retinopathy",
        "E11.319": "Type 2 diabetes mellitus with unspecified diabetic retinopathy without macular edema",
        "E11.3293": "Type 2 diabetes mellitus with mild nonproliferative diabetic retinopathy without macular edema, bilateral",
        "E11.42": "Type 2 diabetes mellitus with diabetic polyneuropathy", "E11.65": "Type 2 diabetes mellitus with hyperglycemia",
        "I10": "Essential (primary) hypertension", "J44.9": "Chronic obstructive pulmonary disease, unspecified",
        "J44": "Other chronic obstructive pulmonary disease", "J44.1": "Chronic obstructive pulmonary disease with (acute) exacerbation",
        "S52.609A": "Unspecified fracture of lower end of unspecified ulna, initial encounter", "S52.532A": "Colles' fracture of left radius, initial encounter",
    ]

    static let rules = ICDCombinationRules.SameCondition(
        generalWords: ["unspecified", "without complications", "uncomplicated"], separate: ["R", "S", "T", "Z"],
        episodes: ["J44.1"], states: ["E11": [".65", ".64"]])

    @Test(arguments: [
        // (codes in reading order, each "CODE" or "CODE!" for a negated or "CODE~" for a past-history mention; expected)
        (["E11.9", "E11.3293"], ["E11.3293", nil]),
        // The retinopathy written without detail takes the detailed one; the diabetes takes it too.
        (["E11.9", "E11.319", "E11.3293"], ["E11.3293", "E11.3293", nil]),
        // Several complications: the first in reading order (separate lines), or the state code.
        (["E11.42", "E11.3293", "E11.9"], [nil, nil, "E11.42"]),
        (["E11.42", "E11.65", "E11.9"], [nil, nil, "E11.65"]),
        // Negated mentions neither give nor take.
        (["E11.9", "E11.3293!"], [nil, nil]),
        (["E11.9!", "E11.3293"], [nil, nil]),
        // Not linked (I2), and injuries never grouped.
        (["E11.9", "I10"], [nil, nil]),
        (["S52.609A", "S52.532A"], [nil, nil]),
        // An episode is given only by a mention of this encounter.
        (["J44.1~", "J44.9"], [nil, nil]),
        (["J44.1", "J44.9~"], [nil, "J44.1"]),
    ] as [([String], [String?])])
    func pass(codes: [String], expected: [String?]) {
        var text = ""
        var mentions: [ICDCombinationRules.Mention] = []
        for raw in codes {
            let code = raw.trimmingCharacters(in: CharacterSet(charactersIn: "!~"))
            let start = text.utf8.count
            text += "x\n"
            mentions.append(ICDCombinationRules.Mention(span: TextSpan(start, start + 1), topCode: code, affirmed: !raw.hasSuffix("!"), current: !raw.hasSuffix("~")))
        }
        let out = Self.rules.assignments(for: mentions, bytes: Array(text.utf8), title: { Self.titles[$0] })
        #expect(out.map { $0?.code } == expected)
    }

    /// Within one sentence or list item the nearest complication wins over the first in the note.
    @Test func nearestInSentence() {
        let text = "retinopathy\nneuropathy; diabetes"
        let mentions = [
            ICDCombinationRules.Mention(span: TextSpan(0, 11), topCode: "E11.3293", affirmed: true),
            ICDCombinationRules.Mention(span: TextSpan(12, 22), topCode: "E11.42", affirmed: true),
            ICDCombinationRules.Mention(span: TextSpan(24, 32), topCode: "E11.9", affirmed: true),
        ]
        #expect(Self.rules.assignments(for: mentions, bytes: Array(text.utf8), title: { Self.titles[$0] }).map { $0?.code } == [nil, nil, "E11.3293"])
        let joined = "retinopathy\nneuropathy, diabetes"
        #expect(Self.rules.assignments(for: mentions, bytes: Array(joined.utf8), title: { Self.titles[$0] }).map { $0?.ruleID } == [nil, nil, "I1:nearest"])
    }

    @Test(arguments: [
        ("Mild NPDR both eyes, no DMO.", "NPDR", "bilateral"),
        ("Cataract right, not significant.", "Cataract", "right"),
        ("a right conductive hearing loss", "conductive hearing loss", "right"),
        ("4. L TM perforation, dry.", "TM perforation", "left"),
        ("AF, rate controlled.", "AF", nil),
        ("Retinopathy screening booked.", "Retinopathy", nil),
    ] as [(String, String, String?)])
    func sideBeside(text: String, mention: String, side: String?) throws {
        let sides = ICDCombinationRules.Sides(words: ["right": "right", "left": "left", "l": "left", "both eyes": "bilateral", "both": "bilateral"])
        let r = try #require(text.range(of: mention))
        let start = text.utf8.distance(from: text.utf8.startIndex, to: r.lowerBound)
        let span = TextSpan(start, start + mention.utf8.count)
        #expect(sides.side(beside: span, in: Array(text.utf8)) == side)
    }

    @Test func shippedTableParses() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("lexicons/data/icd/same_condition.tsv"), encoding: .utf8)
        let table = try ICDCombinationRules.SameCondition.parse(text)
        #expect(table.generalWords.contains("unspecified"))
        #expect(table.separate.contains("S"))
        #expect(table.states["E11"]?.contains(".65") == true)
        #expect(throws: TerminologyError.self) { try ICDCombinationRules.SameCondition.parse("kind\tcodes\tvalues\nbogus\tE11\t\n") }
        let sides = try ICDCombinationRules.Sides.parse(try String(contentsOf: root.appendingPathComponent("lexicons/data/icd/sides.tsv"), encoding: .utf8))
        #expect(sides.words["both eyes"] == "bilateral")
        #expect(sides.words["os"] == "left")
        #expect(throws: TerminologyError.self) { try ICDCombinationRules.Sides.parse("side\twords\nup\tabove\n") }
    }
}
