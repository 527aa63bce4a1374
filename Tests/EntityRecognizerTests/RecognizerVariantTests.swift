@testable import EntityRecognizer
import MedTextCore
import Testing
import Foundation
import MedTextLexicons
import Tokenizer

/// Plural and typo variants in the recognizer: the token is not in the vocabulary, and its
/// singular or its one-edit correction is a word of a concept term.
@Suite struct RecognizerVariantTests {
    static let tokenizer: ClinicalTokenizer = {
        let dir = MedTextLexicons.bundledDataDirectory
        let abbr = try! String(contentsOf: dir.appendingPathComponent("tokenizer/abbreviations.tsv"), encoding: .utf8)
        let sec = try! String(contentsOf: dir.appendingPathComponent("tokenizer/sections.tsv"), encoding: .utf8)
        return ClinicalTokenizer(rules: try! TokenizerRules(abbreviations: abbr, sections: sec))
    }()

    static func recognizer(ordinary: Set<String> = []) -> Recognizer {
        let n = Normalizer()
        func term(_ id: Int64, _ text: String, _ type: EntityType = .dxName, typoTarget: Bool = true, abbr: Bool = false) -> LexiconTerm {
            var t = LexiconTerm(conceptID: id, normalized: n.normalizedTerm(text), type: type, isAbbreviation: abbr, ruleID: "test:\(id)")
            t.typoTarget = typoTarget
            return t
        }
        var resources = RecognizerResources(terms: [
            term(1, "inguinal hernia"), term(2, "hernia"), term(3, "spinal stenosis"), term(4, "artery", .systemOrganSite),
            term(5, "appendix", .systemOrganSite), term(6, "amlodipine", .genericName), term(6, "amlodipene", .genericName, typoTarget: false),
            term(7, "shivers"), term(8, "vertebra", .systemOrganSite), term(9, "pulmonary embolus"), term(10, "hypertension"),
            term(11, "abscess"), term(12, "Lipitor", .brandName, typoTarget: false), term(13, "pneumothorax", abbr: true),
        ], contextRules: [], sectionTraits: [])
        let words = ordinary
        resources.ordinaryWord = { b in words.contains(String(decoding: b, as: UTF8.self)) }
        return Recognizer(resources: resources)
    }

    static func run(_ text: String, ordinary: Set<String> = []) -> [String] {
        let doc = recognizer(ordinary: ordinary).recognize(tokenizer.analyze(Document(text: text)))
        var out: [String] = []
        for e in doc.entities where e.category != .protectedHealthInformation {
            var s = String(doc.document.text(in: e.span)) + "|" + e.type.rawValue
            if let v = e.evidence.first(where: { $0.subject == "typo" || $0.subject == "variant" }) { s += "|" + v.ruleID }
            out.append(s)
        }
        return out
    }

    /// "text|rule id" of each entity `recognizer` finds in `text` (the variant suites' view).
    static func matchRules(_ recognizer: Recognizer, _ text: String) -> [String] {
        let doc = recognizer.recognize(tokenizer.analyze(Document(text: text)))
        return doc.entities.map { e in
            "\(doc.document.text(in: e.span))|" + (e.evidence.first { $0.subject == "match" }?.ruleID ?? "")
        }
    }

    @Test(arguments: [
        ("bilateral inguinal hernias", ["inguinal hernias|DX_NAME|plural:hernia"]),
        ("multiple spinal stenoses", ["spinal stenoses|DX_NAME|plural:stenosis"]),
        ("coronary arteries", ["arteries|SYSTEM_ORGAN_SITE|plural:artery"]),
        ("appendices", ["appendices|SYSTEM_ORGAN_SITE|plural:appendix"]),
        ("lumbar vertebrae", ["vertebrae|SYSTEM_ORGAN_SITE|plural:vertebra"]),
        ("pulmonary emboli", ["pulmonary emboli|DX_NAME|plural:embolus"]),
        ("two abscesses", ["abscesses|DX_NAME|plural:abscess"]),
        ("hernia", ["hernia|DX_NAME"]),  // exact words are not variants
        ("abscess", ["abscess|DX_NAME"]),
    ])
    func plurals(text: String, expected: [String]) {
        #expect(Self.run(text) == expected)
    }

    @Test(arguments: [
        ("inguinal herina", ["inguinal herina|DX_NAME|typo:hernia"]),
        ("hx of hypertenion", ["hypertenion|DX_NAME|typo:hypertension"]),
        ("on amlodipne 5 mg", ["amlodipne|GENERIC_NAME|typo:amlodipine"]),  // ties within one concept
        ("spinal stenossis", ["spinal stenossis|DX_NAME|typo:stenosis"]),
        ("Lipitro", []),  // brand names are not typo targets
        ("herna", []),  // one corrected word alone needs 7 letters
        ("pneumothorx", []),  // abbreviation terms never match through a correction
    ])
    func typos(text: String, expected: [String]) {
        #expect(Self.run(text) == expected)
    }

    @Test func ordinaryWordsAreNotCorrected() {
        #expect(Self.run("shavers") == ["shavers|DX_NAME|typo:shivers"])
        #expect(Self.run("shavers", ordinary: ["shavers"]).isEmpty)
    }

    @Test func typoMatchesScoreLower() {
        let r = Self.recognizer(), tokenizer = Self.tokenizer
        let exact = r.recognize(tokenizer.analyze(Document(text: "hypertension"))).entities[0]
        let typo = r.recognize(tokenizer.analyze(Document(text: "hypertenion"))).entities[0]
        #expect(typo.score < exact.score)
        #expect(typo.evidence.contains { $0.subject == "typo" && $0.trigger == TextSpan(0, 11) })
    }
}

/// `--explain`: runner-up candidates of a match.
@Suite struct RecognizerRunnerUpTests {
    static let recognizer: Recognizer = {
        let n = Normalizer()
        func term(_ id: Int64, _ text: String, _ type: EntityType, priority: Int = 0) -> LexiconTerm {
            LexiconTerm(conceptID: id, normalized: n.normalizedTerm(text), type: type, priority: priority, ruleID: "test:\(id)")
        }
        return Recognizer(resources: RecognizerResources(terms: [
            term(1, "chest pain", .dxName), term(2, "chest pain", .dxName, priority: 1), term(3, "chest", .systemOrganSite),
            term(4, "pain", .dxName),
        ], contextRules: [], sectionTraits: []))
    }()

    @Test func explainListsOtherConceptsAndShorterPhrases() {
        let doc = RecognizerVariantTests.tokenizer.analyze(Document(text: "Severe chest pain."))
        let explained = Self.recognizer.recognize(doc, explain: true).entities
        #expect(explained.count == 1)
        let e = explained[0]
        #expect(e.evidence.first { $0.subject == "match" }?.ruleID == "test:1")  // priority 0 wins
        let runnerUps = e.evidence.filter { $0.subject == "runner-up" }.map { "\($0.ruleID)@\($0.trigger.map { "\($0.start)-\($0.end)" } ?? "")" }
        #expect(runnerUps == ["test:2@7-17", "test:3@7-12"])
        // Without explain, no runner-ups (and the same entities).
        let plain = Self.recognizer.recognize(doc).entities
        #expect(plain.count == 1 && !plain[0].evidence.contains { $0.subject == "runner-up" })
        #expect(plain[0].span == e.span && plain[0].type == e.type)
    }
}

/// Word-order variants of curated condition and procedure terms.
@Suite struct RecognizerWordOrderTests {
    static let recognizer: Recognizer = {
        let n = Normalizer()
        func term(_ id: Int64, _ text: String, _ type: EntityType = .dxName, priority: Int = 0) -> LexiconTerm {
            LexiconTerm(conceptID: id, normalized: n.normalizedTerm(text), type: type, priority: priority, ruleID: "test:\(id)")
        }
        return Recognizer(resources: RecognizerResources(terms: [
            term(1, "type 2 diabetes mellitus"), term(2, "fracture of the femur"), term(3, "history of falls"),
            term(4, "evacuation of hematoma", .procedureName), term(5, "cancer of breast", priority: 1),
            term(6, "diabetes mellitus, type 1"), term(7, "infection of skin and soft tissue"),
        ], contextRules: [], sectionTraits: []))
    }()

    static func run(_ text: String) -> [String] { RecognizerVariantTests.matchRules(recognizer, text) }

    @Test(arguments: [
        ("Diabetes mellitus type 2.", ["Diabetes mellitus type 2|test:1~order"]),
        ("Type 2 diabetes mellitus.", ["Type 2 diabetes mellitus|test:1"]),
        ("Type 1 diabetes mellitus.", ["Type 1 diabetes mellitus|test:6~order"]),
        ("Left femur fracture.", ["femur fracture|test:2~order"]),
        ("Hematoma evacuation done.", ["Hematoma evacuation|test:4~order"]),
        ("Falls history.", []),  // "history of" keeps its order
        ("Breast cancer.", []),  // only curated (priority 0) terms get variants
        ("Skin and soft tissue infection.", []),  // a complement with a conjunction is not swapped
    ])
    func variants(text: String, expected: [String]) {
        #expect(Self.run(text) == expected)
    }
}

/// Phrases and line ends.
@Suite struct RecognizerLineTests {
    static let recognizer: Recognizer = {
        let n = Normalizer()
        return Recognizer(resources: RecognizerResources(terms: [
            LexiconTerm(conceptID: 1, normalized: n.normalizedTerm("bolus insulin"), type: .genericName, ruleID: "test:1"),
            LexiconTerm(conceptID: 2, normalized: n.normalizedTerm("insulin"), type: .genericName, ruleID: "test:2"),
            LexiconTerm(conceptID: 3, normalized: n.normalizedTerm("congestive heart failure"), type: .dxName, ruleID: "test:3"),
        ], contextRules: [], sectionTraits: []))
    }()

    static func run(_ text: String) -> [String] {
        let doc = recognizer.recognize(RecognizerVariantTests.tokenizer.analyze(Document(text: text)))
        return doc.entities.map { String(doc.document.text(in: $0.span)) }
    }

    @Test(arguments: [
        ("NS 1 L bolus\nInsulin glargine 10 units", ["Insulin"]),  // a new item on the next line
        ("- fluids bolus\n- insulin", ["insulin"]),
        ("bolus insulin given", ["bolus insulin"]),
        ("known congestive heart\nfailure, on frusemide", ["congestive heart\nfailure"]),  // hard-wrapped prose
    ])
    func lineEnds(text: String, expected: [String]) {
        #expect(Self.run(text) == expected)
    }
}

/// Number variants made at build time: the other number form of a term's last word when the
/// vocabulary holds it (so the reading-time plural rule, which only sees unknown words, cannot).
@Suite struct RecognizerNumberVariantTests {
    static let recognizer: Recognizer = {
        let n = Normalizer()
        func term(_ id: Int64, _ text: String, _ type: EntityType = .dxName) -> LexiconTerm {
            LexiconTerm(conceptID: id, normalized: n.normalizedTerm(text), type: type, ruleID: "test:\(id)")
        }
        return Recognizer(resources: RecognizerResources(terms: [
            term(1, "abscess"), term(2, "multiple abscesses"),  // "abscesses" is a vocabulary word
            term(3, "vision changes"), term(4, "change", .procedureName),  // "change" is a vocabulary word
            term(5, "secondaries"), term(6, "secondary hypertension"),  // a lexicalized plural; "secondary" is a vocabulary word
            term(7, "stenosis"), term(8, "multiple stenoses"), term(9, "artery", .systemOrganSite), term(10, "coronary arteries", .systemOrganSite),
            term(11, "aspirin", .genericName), term(12, "low dose aspirins", .genericName),  // medications take none
            term(13, "clot"), term(14, "clots", .procedureName),  // a term spelled that way outranks the variant
        ], contextRules: [], sectionTraits: []))
    }()

    static func run(_ text: String) -> [String] { RecognizerVariantTests.matchRules(recognizer, text) }

    @Test(arguments: [
        ("No abscesses.", ["abscesses|test:1~number"]),
        ("No vision change.", ["vision change|test:3~number"]),
        ("Multiple stenoses.", ["Multiple stenoses|test:8"]),
        ("Two stenoses.", ["stenoses|test:7~number"]),
        ("Left arteries.", ["arteries|test:9~number"]),
        ("A secondary.", []),  // single-word plurals are not singularized
        ("Two aspirins.", []),
        ("Clots.", ["Clots|test:14"]),
        ("Low dose aspirins.", ["Low dose aspirins|test:12"]),
        ("Abscess.", ["Abscess|test:1"]),
    ])
    func variants(text: String, expected: [String]) {
        #expect(Self.run(text) == expected)
    }

    @Test(arguments: [
        ("abscess", ["abscesses"], [String]()), ("stenosis", ["stenoses", "stenosises"], []),
        ("artery", ["arteries"], []), ("embolus", ["emboli", "emboluses"], []), ("vertebra", ["vertebrae", "vertebras"], ["vertebrum"]),
        ("appendix", ["appendices", "appendixes"], []), ("calf", ["calves", "calfs"], []), ("kidney", ["kidneys"], []),
        ("changes", ["changeses"], ["chang", "change"]), ("testes", ["testeses"], ["test", "teste"]),
        ("emboli", ["embolis"], ["embolus"]), ("pus", [], []), ("t4", [], []),
    ])
    func forms(word: String, plurals: [String], singulars: [String]) {
        let f = Recognizer.numberForms(of: Array(word.utf8))
        #expect(f.plurals.map { String(decoding: $0, as: UTF8.self) } == plurals)
        #expect(f.singulars.map { String(decoding: $0, as: UTF8.self) } == singulars)
    }
}
