import EntityRecognizer
import Foundation
import MedTextCore
import MedTextLexicons
import Testing
import Tokenizer

/// The shipped ConText data (`lexicons/data/context/rules.tsv`, `section_traits.tsv`) parsed
/// and run through the real tokenizer and recognizer on sentences written for these tests:
/// a regression test for the data (see `scripts/lexicons/context_eval.py` for corpus figures).
@Suite struct ShippedContextRulesTests {
    static func read(_ path: String) -> String {
        try! String(contentsOf: MedTextLexicons.bundledDataDirectory.appendingPathComponent(path), encoding: .utf8)
    }

    static let rules: [ContextRule] = try! RecognizerRuleFiles.contextRules(read("context/rules.tsv"))
    static let sectionTraits: [SectionTraitRule] = try! RecognizerRuleFiles.sectionTraits(read("context/section_traits.tsv"))

    static let tokenizer: ClinicalTokenizer = ClinicalTokenizer(
        rules: try! TokenizerRules(abbreviations: read("tokenizer/abbreviations.tsv"), sections: read("tokenizer/sections.tsv")))

    /// A recognizer over the shipped ConText rules, section defaults and word classes and the
    /// given test terms (text, type, traits).
    static func recognizer(_ terms: [(String, EntityType, Traits)]) -> Recognizer {
        let n = Normalizer()
        let lexicon = terms.enumerated().map { i, t in
            LexiconTerm(conceptID: Int64(i + 1), normalized: n.normalizedTerm(t.0), original: t.0, type: t.1, traits: t.2, ruleID: "test:\(i + 1)")
        }
        return Recognizer(resources: RecognizerResources(terms: lexicon, contextRules: rules, sectionTraits: sectionTraits, wordClasses: .shipped))
    }

    /// "text|TRAITS" per entity of `recognizer`, context traits only (SIGN/SYMPTOM/DIAGNOSIS dropped).
    static func run(_ text: String, with recognizer: Recognizer) -> [String] {
        let doc = recognizer.recognize(tokenizer.analyze(Document(text: text)))
        let kinds: Traits = [.sign, .symptom, .diagnosis]
        return doc.entities.filter { $0.category != .protectedHealthInformation && $0.category != .timeExpression }.map {
            "\(doc.document.text(in: $0.span))|\($0.traits.subtracting(kinds).names.joined(separator: ","))"
        }
    }

    static let recognizer: Recognizer = recognizer([
        ("chest pain", .dxName, .symptom), ("fever", .dxName, .sign), ("chills", .dxName, .symptom),
        ("night sweats", .dxName, .symptom), ("cough", .dxName, .symptom), ("confusion", .dxName, .symptom),
        ("crackles", .dxName, .sign), ("pneumonia", .dxName, .diagnosis), ("pulmonary embolism", .dxName, .diagnosis),
        ("breast cancer", .dxName, .diagnosis), ("hypertension", .dxName, .diagnosis), ("diabetes", .dxName, .diagnosis),
        ("stroke", .dxName, .diagnosis), ("sepsis", .dxName, .diagnosis), ("chest", .systemOrganSite, []),
        ("metformin", .genericName, []), ("aspirin", .genericName, []), ("warfarin", .genericName, []), ("apixaban", .genericName, []),
        ("CT", .testName, []), ("troponin", .testName, []), ("colonoscopy", .procedureName, []), ("blood transfusion", .treatmentName, []),
        ("ST elevation", .dxName, .sign), ("ST depression", .dxName, .sign), ("tachycardia", .dxName, .sign),
        ("diarrhoea", .dxName, .symptom), ("antibiotics", .genericName, []), ("physiotherapy", .treatmentName, []),
        ("weight loss", .dxName, .symptom), ("night pain", .dxName, .symptom), ("change in bowel habit", .dxName, .symptom),
        ("use of accessory muscles", .dxName, .sign), ("urinary retention", .dxName, .sign), ("bladder scan", .testName, []),
        ("tenderness", .dxName, .sign), ("knee", .systemOrganSite, []), ("pregabalin", .genericName, []),
        ("drowsiness", .dxName, .symptom), ("x-ray", .testName, []), ("fracture", .dxName, .diagnosis),
        ("short of breath", .dxName, .symptom), ("Murphy's sign", .testName, []), ("mitral regurgitation", .dxName, .diagnosis),
        ("aortic stenosis", .dxName, .diagnosis), ("methotrexate", .genericName, []), ("nausea", .dxName, .symptom),
    ])

    static func run(_ text: String) -> [String] { run(text, with: recognizer) }

    @Test func shippedFilesParse() {
        #expect(Self.rules.count >= 300)
        #expect(Set(Self.rules.map(\.id)).count == Self.rules.count)
        let categories = Set(Self.rules.map(\.category))
        for c in ["NEGATED_EXISTENCE", "POSSIBLE_EXISTENCE", "HYPOTHETICAL", "HISTORICAL", "FAMILY", "FUTURE", "PSEUDO", "TERMINATE"] {
            #expect(categories.contains(c), "no \(c) rules")
        }
        // Every phrase yields tokens once normalized (placeholders aside).
        let n = Normalizer()
        for r in Self.rules {
            let pieces = r.phrase.split(separator: " ").filter { $0 != "<NUM>" && $0 != "<YEAR>" }
            #expect(pieces.allSatisfy { !n.normalizedTerm(String($0)).isEmpty }, "rule \(r.id) has a phrase piece that normalizes to nothing")
        }
        #expect(Self.sectionTraits.contains { $0.section == .familyHistory && $0.traits == .pertainsToFamily })
    }

    @Test(arguments: [
        ("Denies fever, chills or night sweats.", ["fever|NEGATION", "chills|NEGATION", "night sweats|NEGATION"]),
        ("Nil chest pain, nil fever.", ["chest pain|NEGATION", "fever|NEGATION"]),
        ("No increase in chest pain.", ["chest pain|"]),
        ("Denies fever but reports cough.", ["fever|NEGATION", "cough|"]),
        ("Chest: no crackles", ["Chest|", "crackles|NEGATION"]),
        ("Blood transfusion: No", ["Blood transfusion|NEGATION"]),
        ("Fever: none.", ["Fever|NEGATION"]),
        ("Troponin negative.", ["Troponin|"]),
        ("Gram negative sepsis.", ["sepsis|"]),
        ("Possible pneumonia.", ["pneumonia|LOW_CONFIDENCE"]),
        ("CT to exclude pulmonary embolism.", ["CT|", "pulmonary embolism|HYPOTHETICAL"]),
        ("Rule out pulmonary embolism.", ["pulmonary embolism|LOW_CONFIDENCE"]),
        ("Pneumonia unlikely.", ["Pneumonia|NEGATION"]),
        ("Findings consistent with pneumonia.", ["pneumonia|"]),
        ("Return to ED if chest pain or fever.", ["chest pain|HYPOTHETICAL", "fever|HYPOTHETICAL"]),
        ("Mother had breast cancer.", ["breast cancer|PERTAINS_TO_FAMILY"]),
        ("Brought in by daughter with confusion.", ["confusion|"]),
        ("No family history of breast cancer.", ["breast cancer|NEGATION,PERTAINS_TO_FAMILY"]),
        ("Stroke in 2019.", ["Stroke|PAST_HISTORY"]),
        ("Previously on warfarin, now on apixaban.", ["warfarin|PAST_HISTORY", "apixaban|"]),
        ("Aspirin ceased.", ["Aspirin|PAST_HISTORY"]),
        ("Chest pain resolved.", ["Chest pain|PAST_HISTORY"]),
        ("Will commence metformin.", ["metformin|FUTURE"]),
        ("Booked for colonoscopy.", ["colonoscopy|FUTURE"]),
        ("FAMILY HISTORY:\nFather: stroke at 60.\n", ["stroke|PERTAINS_TO_FAMILY"]),
        ("No focal chest pain.", ["chest pain|NEGATION"]),
        ("Blood transfusion: No.", ["Blood transfusion|NEGATION"]),
        ("No fever; cough present.", ["fever|NEGATION", "cough|"]),
        ("Avoid aspirin.", ["aspirin|"]),  // advice to avoid is no negation (GUIDELINE §8 N2)
        ("Do not stop aspirin.", ["aspirin|"]),
        ("Cease warfarin, commence apixaban.", ["warfarin|PAST_HISTORY", "apixaban|FUTURE"]),
        ("Patient's mother has hypertension; patient has diabetes.", ["hypertension|PERTAINS_TO_FAMILY", "diabetes|"]),
    ])
    func shippedRulesAssignTraits(text: String, expected: [String]) {
        #expect(Self.run(text) == expected)
    }

    /// Negation scope that must not run too far, and negation that must reach every item
    /// (issue #5 §3, §8): one row per rule class, on the shipped rules.
    @Test(arguments: [
        // terminators: a new affirmed clause after a comma (graded, measured or introduced by "with")
        ("No ST elevation, 1 mm ST depression.", ["ST elevation|NEGATION", "ST depression|"]),
        ("No fever, mild cough.", ["fever|NEGATION", "cough|"]),
        ("Denies chest pain, with new cough.", ["chest pain|NEGATION", "cough|"]),
        ("No chest pain with new cough.", ["chest pain|NEGATION", "cough|"]),
        ("No tachycardia, normal troponin.", ["tachycardia|NEGATION", "troponin|"]),
        // terminators: the drug after "since starting" was taken
        ("No diarrhoea since starting antibiotics.", ["diarrhoea|NEGATION", "antibiotics|"]),
        // pseudo-triggers: a finding that persists despite a treatment, a treatment that failed
        ("Chest pain has not settled with physiotherapy.", ["Chest pain|", "physiotherapy|"]),
        ("No relief from aspirin.", ["aspirin|"]),
        ("Cough without relief from physiotherapy.", ["Cough|", "physiotherapy|"]),
        // a qualified or predicated item after a comma starts an affirmed clause
        ("Nil chest pain, occasional cough.", ["chest pain|NEGATION", "cough|"]),
        ("Denies fever, is short of breath.", ["fever|NEGATION", "short of breath|"]),
        // backward triggers
        ("Pulmonary embolism not suspected.", ["Pulmonary embolism|NEGATION"]),
        ("Pneumonia and sepsis have been ruled out.", ["Pneumonia|NEGATION", "sepsis|NEGATION"]),
        ("Pulmonary embolism clinically excluded.", ["Pulmonary embolism|NEGATION"]),
        // a backward trigger without the list flag stops at a comma; the test it was excluded on was done
        ("Chest pain, tachycardia, pulmonary embolism excluded on CT.",
         ["Chest pain|", "tachycardia|", "pulmonary embolism|NEGATION", "CT|"]),
        // a backward list trigger runs back through the list
        ("Weight loss, night pain, fever: none", ["Weight loss|NEGATION", "night pain|NEGATION", "fever|NEGATION"]),
        ("Weight loss, night pain - nil", ["Weight loss|NEGATION", "night pain|NEGATION"]),
        // a trigger never swallows the start of an entity ("no change in" is a pseudo-trigger)
        ("No change in bowel habit.", ["change in bowel habit|NEGATION"]),
        ("No use of accessory muscles.", ["use of accessory muscles|NEGATION"]),
        ("No change in chest pain.", ["chest pain|"]),
        // a test named as where the finding was sought was done; a site is never negated
        ("No urinary retention on bladder scan.", ["urinary retention|NEGATION", "bladder scan|"]),
        ("No fracture on the repeat x-ray.", ["fracture|NEGATION", "x-ray|"]),
        ("No fever, chest clear.", ["fever|NEGATION", "chest|"]),
        // a drug not tolerated was taken and stopped
        ("Pregabalin was not tolerated (drowsiness).", ["Pregabalin|PAST_HISTORY", "drowsiness|"]),
        // Y/N and (-) forms; 'no further' is a negation, not a pseudo-trigger
        ("Fever: N\nCough: Y\n", ["Fever|NEGATION", "Cough|"]),
        ("fever (-), cough (+)", ["fever|NEGATION", "cough|"]),
        ("No further fever.", ["fever|NEGATION"]),
        // session 4: ROS '(-)' before each finding, '(+)' ends it; charting 'Ø'
        ("(-) fever, (-) weight loss, (+) cough.", ["fever|NEGATION", "weight loss|NEGATION", "cough|"]),
        ("Ø fever overnight. Ø chest pain, Ø cough.", ["fever|NEGATION", "chest pain|NEGATION", "cough|NEGATION"]),
        // a question answered by a negative word in the next sentence; a positive answer leaves it
        ("Any chest pain? None.", ["chest pain|NEGATION"]),
        ("Any fever, chills or night sweats? Nil.", ["fever|NEGATION", "chills|NEGATION", "night sweats|NEGATION"]),
        ("Cough? No. Fever? Yes.", ["Cough|NEGATION", "Fever|"]),
        ("Any chest pain? No fever.", ["chest pain|", "fever|NEGATION"]),
        // a drug named as the setting of negated findings was taken; a trigger right before it negates it
        ("Nil nausea with methotrexate.", ["nausea|NEGATION", "methotrexate|"]),
        ("No fever or confusion on metformin.", ["fever|NEGATION", "confusion|NEGATION", "metformin|"]),
        ("Never been on warfarin.", ["warfarin|NEGATION"]),
        ("No aspirin or warfarin.", ["aspirin|NEGATION", "warfarin|NEGATION"]),
        // ... and a condition named with a possessive or article after the preposition
        ("No fever with her pneumonia.", ["fever|NEGATION", "pneumonia|"]),
        ("No fever with pneumonia.", ["fever|NEGATION", "pneumonia|NEGATION"]),
        ("No nausea on her metformin.", ["nausea|NEGATION", "metformin|"]),
        // 'are not associated with' beats 'are not' (whose scope 'associated with' would end)
        ("The chest pain episodes are not associated with fever or cough.", ["chest pain|", "fever|NEGATION", "cough|NEGATION"]),
        // a graded item after a comma is affirmed (Rule N1)
        ("No aortic stenosis, trivial mitral regurgitation.", ["aortic stenosis|NEGATION", "mitral regurgitation|"]),
        // ... also after 'and' ('no pericardial effusion and mild tricuspid regurgitation')
        ("No aortic stenosis and mild mitral regurgitation.", ["aortic stenosis|NEGATION", "mitral regurgitation|"]),
        // consent wording negates nothing; '.,' (flattened line breaks in transcribed reports) ends every scope
        ("Risks include but are not limited to sepsis and stroke.", ["sepsis|", "stroke|"]),
        ("No fever.,CHEST: crackles.", ["fever|NEGATION", "CHEST|", "crackles|"]),
        // post-posed values without a colon, a trailing '-' in Y/N shorthand, 'has not recurred'
        ("Chest pain nil.", ["Chest pain|NEGATION"]),
        ("Diarrhoea: nil noted.", ["Diarrhoea|NEGATION"]),
        ("Nausea +, cough -", ["Nausea|", "cough|NEGATION"]),
        ("Fever has not recurred.", ["Fever|NEGATION"]),
        ("Has not noticed any chest pain.", ["chest pain|NEGATION"]),
        ("Unable to elicit tenderness.", ["tenderness|NEGATION"]),
        // 'no red flags for' negates (the HYPOTHETICAL 'red flags for' is inside it)
        ("No red flags for sepsis.", ["sepsis|NEGATION"]),
        // a named sign reported 'absent' is a test with a result (GUIDELINE C6, T1), not a negated test
        ("Murphy's sign absent.", ["Murphy's sign|"]),
        // a new sentence or a new line ends the scope
        ("No fever. Cough.", ["fever|NEGATION", "Cough|"]),
        ("No fever\nCough for 3 days", ["fever|NEGATION", "Cough|"]),
    ])
    func negationScope(text: String, expected: [String]) {
        #expect(Self.run(text) == expected)
    }
}
