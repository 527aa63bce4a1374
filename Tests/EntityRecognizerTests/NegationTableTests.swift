import EntityRecognizer
import MedTextCore
import Testing
import Tokenizer

/// Negation as a table: cue forms × list shapes × what ends the list, run through the shipped
/// ConText rules (`lexicons/data/context/rules.tsv`), the real tokenizer and the recognizer, so
/// that each class of scope found by mining real transcriptions (session 5) is pinned, with the
/// negatives (pseudo-triggers, failed treatments, hypotheticals) next to it.
@Suite struct NegationTableTests {
    static let recognizer = ShippedContextRulesTests.recognizer([
        ("fever", .dxName, .sign), ("chills", .dxName, .symptom), ("cough", .dxName, .symptom),
        ("chest pain", .dxName, .symptom), ("night sweats", .dxName, .symptom), ("weight loss", .dxName, .symptom),
        ("headache", .dxName, .symptom), ("pneumonia", .dxName, .diagnosis), ("stroke", .dxName, .diagnosis),
        ("sepsis", .dxName, .diagnosis), ("fracture", .dxName, .diagnosis), ("joint pain", .dxName, .symptom),
        ("metformin", .genericName, []), ("aspirin", .genericName, []), ("physiotherapy", .treatmentName, []),
        ("x-ray", .testName, []), ("CXR", .testName, []),
    ])

    /// "text|TRAITS" per entity, context traits only.
    static func run(_ text: String) -> [String] { ShippedContextRulesTests.run(text, with: recognizer) }

    /// A forward cue and the list after it: the findings named in the list (unnamed items such as
    /// "orthopnea" or "nocturnal diaphoresis" and modifiers such as "any"/"other" sit between them).
    struct Shape: Sendable, CustomTestStringConvertible {
        var cue: String
        var list: String
        var findings: [String]
        var testDescription: String { "\(cue) \(list)" }
    }

    static let cues = ["No", "Denies", "Negative for", "Without", "No evidence of", "Nil", "Patient denies any", "There is no", "She has no"]
    static let lists: [(String, [String])] = [
        ("fever", ["fever"]),
        ("fever, chills or cough", ["fever", "chills", "cough"]),
        ("fever and chills", ["fever", "chills"]),
        // an item medtext does not name does not stop the list
        ("fever, orthopnea, chills", ["fever", "chills"]),
        ("fever, chills, nocturnal diaphoresis, night sweats, weight loss, orthopnoea, odynophagia, cough", ["fever", "chills", "night sweats", "weight loss", "cough"]),
        // modifiers of the next item ('any', 'other') do not either
        ("fever, any chills or any cough", ["fever", "chills", "cough"]),
        ("fever, chills, night sweats, weight loss or other joint pain", ["fever", "chills", "night sweats", "weight loss", "joint pain"]),
    ]
    static let shapes: [Shape] = cues.flatMap { cue in lists.map { Shape(cue: cue, list: $0.0, findings: $0.1) } }

    /// What ends the list; the finding after it ("chest pain") is affirmed.
    static let endings = [
        " but reports chest pain.", ". Chest pain.", "; chest pain persists.", ", mild chest pain.", " however has chest pain.",
        ".\nChest pain today.", ", although chest pain.",
    ]

    @Test(arguments: shapes, endings)
    func forwardListEndsAtTerminator(shape: Shape, ending: String) {
        let text = "\(shape.cue) \(shape.list)\(ending)"
        let pain = ending.hasPrefix(".") || ending.hasPrefix("\n") ? (ending.contains("Chest") ? "Chest pain" : "chest pain") : "chest pain"
        #expect(Self.run(text) == shape.findings.map { "\($0)|NEGATION" } + ["\(pain)|"], "\(text)")
    }

    /// Post-posed cues cover the list before them; the next line is affirmed.
    @Test(arguments: [
        ("fever: none.", ["fever"]), ("fever, chills or cough: none.", ["fever", "chills", "cough"]), ("fever - nil", ["fever"]),
        ("fever and chills: negative.", ["fever", "chills"]), ("fever: denies.", ["fever"]), ("fever, chills: nil", ["fever", "chills"]),
        ("Fever and chills are not present.", ["Fever", "chills"]), ("Pneumonia has been ruled out.", ["Pneumonia"]),
        ("Fever is absent.", ["Fever"]), ("Fever was not seen.", ["Fever"]),
        // session 5, round 2: post-posed values closed by punctuation, and multi-word values
        ("fever - never.", ["fever"]), ("fever or chills: nil known.", ["fever", "chills"]), ("fever: no evidence.", ["fever"]),
        ("fever, chills - none noted", ["fever", "chills"]), ("aspirin 100 mg daily - not taking,", ["aspirin"]),
        ("aspirin not reqd.", ["aspirin"]), ("physiotherapy: not required", ["physiotherapy"]),
    ] as [(String, [String])])
    func postPosedCue(list: String, findings: [String]) {
        #expect(Self.run(list + "\nChest pain: yes.") == findings.map { "\($0)|NEGATION" } + ["Chest pain|"], "\(list)")
    }

    /// Classes fixed in session 5, each with its negative.
    @Test(arguments: [
        // a verb right after the negation is the negated verb, not a new clause
        ("He no longer has headache.", ["headache|NEGATION"]),
        ("Patient is not complaining of chest pain.", ["chest pain|NEGATION"]),
        ("He was not found to have a fracture.", ["fracture|NEGATION"]),
        ("Pregnancy was not complicated by sepsis or stroke.", ["sepsis|NEGATION", "stroke|NEGATION"]),
        // ... but after a list item it still starts a new clause
        ("No fever, has cough.", ["fever|NEGATION", "cough|"]),
        ("Denies fever, complains of cough.", ["fever|NEGATION", "cough|"]),
        ("Stroke unlikely given no headache.", ["Stroke|NEGATION", "headache|NEGATION"]),
        // 'no prior/previous history of' negates as well as dating
        ("No prior history of stroke.", ["stroke|NEGATION,PAST_HISTORY"]),
        ("No previous history of pneumonia or sepsis.", ["pneumonia|NEGATION,PAST_HISTORY", "sepsis|NEGATION,PAST_HISTORY"]),
        // a list does not run over a clause: a verb, a pronoun or a preposition between items
        ("No fever, chills, night sweats or weight loss, took aspirin for chest pain.",
         ["fever|NEGATION", "chills|NEGATION", "night sweats|NEGATION", "weight loss|NEGATION", "aspirin|", "chest pain|"]),
        ("No fever, chills, night sweats or weight loss, she is on metformin.",
         ["fever|NEGATION", "chills|NEGATION", "night sweats|NEGATION", "weight loss|NEGATION", "metformin|"]),
        ("Denies fever, chills, night sweats, weight loss; orthopnoea, odynophagia, cough.",
         ["fever|NEGATION", "chills|NEGATION", "night sweats|NEGATION", "weight loss|NEGATION", "cough|"]),
        // pseudo-negations
        ("No change in the cough.", ["cough|"]),
        ("Not only fever but also cough.", ["fever|", "cough|"]),
        ("Gram negative sepsis.", ["sepsis|"]),
        ("Chest pain and cough are not common with pneumonia.", ["Chest pain|", "cough|", "pneumonia|"]),
        ("Risks included but not restricted to sepsis and stroke.", ["sepsis|", "stroke|"]),
        // failed treatments were given (GUIDELINE §8)
        ("Symptoms have not improved with physiotherapy.", ["physiotherapy|"]),
        ("Headache did not improve with aspirin.", ["Headache|", "aspirin|"]),
        ("Chest pain not relieved by aspirin.", ["Chest pain|", "aspirin|"]),
        // uncertainty and hypotheticals are not negations
        ("Cannot exclude pneumonia.", ["pneumonia|LOW_CONFIDENCE"]),
        ("Pneumonia not ruled out.", ["Pneumonia|LOW_CONFIDENCE"]),
        ("Return if fever or chest pain.", ["fever|HYPOTHETICAL", "chest pain|HYPOTHETICAL"]),
        // medications
        ("Not taking aspirin or metformin.", ["aspirin|NEGATION", "metformin|NEGATION"]),
        // a dash or colon before a value mid-line starts a new item: the forward reading stays
        ("- Nil known stroke\n- Not taking aspirin", ["stroke|NEGATION", "aspirin|NEGATION"]),
        ("CXR: no evidence of pneumonia.", ["CXR|", "pneumonia|NEGATION"]),
        // a test named as where a finding was sought was done, also with 'prior'/'previous'/'last'
        ("No fracture on prior x-ray.", ["fracture|NEGATION", "x-ray|PAST_HISTORY"]),
        ("No pneumonia on the last CXR.", ["pneumonia|NEGATION", "CXR|"]),
    ] as [(String, [String])])
    func sessionFiveClasses(text: String, expected: [String]) {
        #expect(Self.run(text) == expected, "\(text)")
    }
}
