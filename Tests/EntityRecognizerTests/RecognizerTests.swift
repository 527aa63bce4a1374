import EntityRecognizer
import Foundation
import MedTextCore
import MedTextLexicons
import MedTextTestSupport
import Testing
import Tokenizer

/// The recognizer on a small hand-made lexicon (the default lexicons are tested end to end
/// through MedTextKit).
@Suite struct RecognizerTests {
    static let tokenizer: ClinicalTokenizer = {
        let dir = MedTextLexicons.bundledDataDirectory
        let abbr = try! String(contentsOf: dir.appendingPathComponent("tokenizer/abbreviations.tsv"), encoding: .utf8)
        let sec = try! String(contentsOf: dir.appendingPathComponent("tokenizer/sections.tsv"), encoding: .utf8)
        return ClinicalTokenizer(rules: try! TokenizerRules(abbreviations: abbr, sections: sec))
    }()

    static let recognizer: Recognizer = {
        let n = Normalizer()
        func term(_ id: Int64, _ text: String, _ type: EntityType, cs: Bool = false, abbr: Bool = false, cues: [String] = [],
                  isDefault: Bool = true, traits: Traits = [], priority: Int = 0) -> LexiconTerm {
            LexiconTerm(conceptID: id, normalized: n.normalizedTerm(text), original: text, type: type, caseSensitive: cs,
                        isAbbreviation: abbr, cues: cues, isDefaultSense: isDefault, traits: traits, priority: priority,
                        ruleID: "test:\(id)")
        }
        let terms = [
            term(1, "chest pain", .dxName, traits: .symptom),
            term(2, "pain", .dxName, traits: .symptom),
            term(3, "chest", .systemOrganSite),
            term(4, "pneumonia", .dxName, traits: .diagnosis),
            term(5, "multiple sclerosis", .dxName, traits: .diagnosis),
            term(5, "MS", .dxName, cs: true, abbr: true, cues: ["relapsing", "neurology", "demyelinating"], isDefault: false, traits: .diagnosis),
            term(6, "MS", .dxName, cs: true, abbr: true, cues: ["murmur", "valve", "echo"], isDefault: false, traits: .diagnosis),
            term(7, "metformin", .genericName),
            term(8, "fever", .dxName, traits: .sign),
            term(8, "afebrile", .dxName, traits: [.sign, .negation]),
            term(9, "Crohn's disease", .dxName, traits: .diagnosis),
            term(10, "hypertension", .dxName, traits: .diagnosis),
            term(11, "high blood pressure", .dxName, traits: .diagnosis, priority: 1),
            term(12, "high blood pressure", .dxName, traits: .diagnosis),
            term(13, "knee", .systemOrganSite),
            term(14, "left", .direction),
            term(15, "pneumonia", .dxName, traits: .diagnosis),
            term(16, "lower lobe", .systemOrganSite),
            term(17, "right", .direction),
        ]
        let rules = [
            ContextRule(id: "neg.f.denies", phrase: "denies", category: "NEGATED_EXISTENCE", traits: .negation, direction: .forward, maxScope: 10),
            ContextRule(id: "neg.f.no", phrase: "no", category: "NEGATED_EXISTENCE", traits: .negation, direction: .forward, maxScope: 5),
            ContextRule(id: "hist.f.hx", phrase: "history of", category: "HISTORICAL", traits: .pastHistory, direction: .forward, maxScope: 6),
            ContextRule(id: "hist.f.in_year", phrase: "in <YEAR>", category: "HISTORICAL", traits: .pastHistory, direction: .backward, maxScope: 6),
        ]
        let sections = [SectionTraitRule(section: .familyHistory, traits: .pertainsToFamily, appliesTo: [.medicalCondition], ruleID: "fhx")]
        return Recognizer(resources: RecognizerResources(terms: terms, contextRules: rules, sectionTraits: sections, wordClasses: .shipped))
    }()

    /// Runs the recognizer; returns "text|TYPE|TRAITS" per non-PHI entity.
    static func run(_ text: String) -> [String] {
        let doc = recognizer.recognize(tokenizer.analyze(Document(text: text)))
        return doc.entities.filter { $0.category != .protectedHealthInformation }.map {
            "\(doc.document.text(in: $0.span))|\($0.type.rawValue)|\($0.traits.names.joined(separator: ","))"
        }
    }

    @Test(arguments: [
        ("Pt denies chest pain.", ["chest pain|DX_NAME|NEGATION,SYMPTOM"]),
        ("Chest wall pain, no fever", ["pain|DX_NAME|SYMPTOM", "fever|DX_NAME|NEGATION,SIGN"]),  // chest: site of pain
        ("Chest: clear.", ["Chest|SYSTEM_ORGAN_SITE|"]),  // a heading stays an entity (rule A1)
        ("PNEUMONIA.", ["PNEUMONIA|DX_NAME|DIAGNOSIS"]),
        ("Afebrile, on metformin.", ["Afebrile|DX_NAME|NEGATION,SIGN", "metformin|GENERIC_NAME|"]),
        ("Relapsing MS, seen by neurology.", ["MS|DX_NAME|DIAGNOSIS"]),
        ("Echo shows MS with murmur.", ["MS|DX_NAME|DIAGNOSIS"]),
        ("Pt has ms.", []),  // case-sensitive abbreviation
        ("MS.", []),  // no cue, no default: ambiguous, dropped
        ("History of pneumonia in 2019. Crohns disease and Crohn's disease.", [
            "pneumonia|DX_NAME|DIAGNOSIS,PAST_HISTORY", "2019|TIME_TO_DX_NAME|", "Crohns disease|DX_NAME|DIAGNOSIS",
            "Crohn's disease|DX_NAME|DIAGNOSIS",
        ]),
        ("Spain trip. Painful.", []),
        ("FAMILY HISTORY:\nMother: hypertension.\n", ["hypertension|DX_NAME|DIAGNOSIS,PERTAINS_TO_FAMILY"]),
    ])
    func recognizes(text: String, expected: [String]) {
        #expect(Self.run(text) == expected)
    }

    @Test func ambiguityResolvedByPriorityAndExplained() {
        let doc = Self.recognizer.recognize(Self.tokenizer.analyze(Document(text: "high blood pressure; denies chest pain")))
        let hbp = doc.entities[0]
        #expect(hbp.conceptIDs == [12])
        let cp = doc.entities[1]
        let neg = cp.evidence.first { $0.subject == "NEGATION" }
        #expect(neg?.ruleID == "context:neg.f.denies")
        #expect(neg.flatMap { $0.trigger.map { doc.document.text(in: $0) } } == "denies")
        #expect(cp.evidence.first?.ruleID == "test:1")
    }

    /// Qualifiers become attributes of what they qualify (gold guideline C1, C2, A1).
    @Test(arguments: [
        ("Pain in the left knee.", "pain", ["SYSTEM_ORGAN_SITE:knee", "DIRECTION:left"]),
        ("Right lower lobe pneumonia.", "pneumonia", ["DIRECTION:Right", "SYSTEM_ORGAN_SITE:lower lobe"]),
        ("Acute on chronic pain.", "pain", ["ACUITY:Acute on chronic"]),
        ("Chronic pain.", "pain", ["ACUITY:Chronic"]),
    ])
    func qualifiersAttach(text: String, entity: String, attributes: [String]) throws {
        let doc = Self.recognizer.recognize(Self.tokenizer.analyze(Document(text: text)))
        let e = try #require(doc.entities.first { doc.document.text(in: $0.span).lowercased() == entity })
        #expect(e.attributes.map { "\($0.type.rawValue):\(doc.document.text(in: $0.span))" }.sorted() == attributes.sorted())
        #expect(doc.entities.allSatisfy { $0.type != .direction })
    }

    @Test func recognizesPHIPatternsToo() {
        let doc = Self.recognizer.recognize(Self.tokenizer.analyze(Document(text: "Seen 04/11/2024, ph 0412 345 678.")))
        #expect(doc.entities.map(\.type) == [.date, .phoneOrFax])
    }
}
