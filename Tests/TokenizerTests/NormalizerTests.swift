import MedTextCore
import Testing
import Tokenizer

@Suite struct NormalizerTests {
    let normalizer = Normalizer()

    @Test(arguments: [
        ("HTN", "htn"), ("İstanbul", "istanbul"), ("Straße", "strasse"), ("ﬁbrosis", "fibrosis"), ("ＡＢＣ", "abc"),
        ("café", "cafe"), ("e\u{301}tat", "etat"), ("naïve", "naive"), ("Ærø", "ærø"), ("µg", "μg"), ("😀 ok", "😀 ok"),
        ("Crohn’s", "crohn’s"), ("x\u{AD}y", "xy"),
    ])
    func normalizedText(_ input: String, _ expected: String) {
        #expect(normalizer.normalize(input).string == expected)
    }

    /// Every normalized byte maps into the original text on a scalar boundary, and the
    /// original span of each normalized scalar is the cluster it came from.
    @Test(arguments: ["İİ ß ﬁ ＡＢＣ 😀👍🏽 e\u{301} x", "Grüße aus Köln", "東京 ok", "plain ascii"])
    func alignment(_ input: String) {
        let n = normalizer.normalize(input)
        let doc = Document(text: input)
        #expect(n.alignment.count == n.bytes.count + 1)
        #expect(n.alignment.last == input.utf8.count)
        #expect(zip(n.alignment, n.alignment.dropFirst()).allSatisfy { $0 <= $1 })
        for (k, off) in n.alignment.enumerated() where k < n.bytes.count {
            #expect(doc.scalarAligned(TextSpan(off, off)).start == off)
        }
    }

    @Test func spansFoundInNormalizedTextMapBack() {
        let text = "ＡＢＣ Straße İstanbul 😀 ﬁne"
        let n = normalizer.normalize(text)
        let doc = Document(text: text)
        func find(_ needle: String) -> TextSpan {
            let b = Array(needle.utf8)
            let start = (0...(n.bytes.count - b.count)).first { Array(n.bytes[$0..<($0 + b.count)]) == b }!
            return n.originalSpan(of: start..<(start + b.count))
        }
        #expect(doc.text(in: find("abc")) == "ＡＢＣ")
        #expect(doc.text(in: find("strasse")) == "Straße")
        #expect(doc.text(in: find("istanbul")) == "İstanbul")
        #expect(doc.text(in: find("😀")) == "😀")
        #expect(doc.text(in: find("fine")) == "ﬁne")
        #expect(doc.text(in: find("ss")) == "ß")
    }

    @Test(arguments: [
        ("Crohn's disease", "crohns disease"), ("Crohn’s Disease", "crohns disease"), ("b.i.d.", "bid"),
        ("Non-Small-Cell lung cancer", "non - small - cell lung cancer"), ("  Type 2  diabetes ", "type 2 diabetes"),
        ("T2DM", "t2dm"), ("5,000 units", "5000 units"), ("mg/dL", "mg / dl"), ("n/v/d", "n/v/d"), ("Sjögren", "sjogren"),
        ("FIBROSIS", "fibrosis"), ("ﬁbrosis", "fibrosis"),
    ])
    func normalizedTerms(_ term: String, _ expected: String) {
        #expect(normalizer.normalizedTerm(term) == expected)
    }

    @Test func tokenKeysMatchNormalizedTerms() {
        // A note's token keys joined equal the lexicon term's normalized form.
        let note = "Hx of Crohn’s Disease."
        let bytes = Array(note.utf8)
        let keys = Fixtures.tokenizer.tokenize(note).filter { !$0.isSpace }.map { Normalizer.tokenKey($0, in: bytes) }
        #expect(String(decoding: keys[2], as: UTF8.self) + " " + String(decoding: keys[3], as: UTF8.self)
            == normalizer.normalizedTerm("Crohn's disease"))
    }
}

@Suite struct TokenizerRulesTests {
    let abbreviations = "abbreviation\tkind\nDr.\ttitle\n"
    let sections = "rule_id\ttype\theader\tforms\nsec-1\tplan\tplan\talone\n"

    @Test func buildsFromMinimalRules() throws {
        let rules = try TokenizerRules(abbreviations: abbreviations, sections: sections)
        #expect(rules.sectionRules.count == 1)
        #expect(rules.abbreviations[Array("dr".utf8)] == .title)
    }

    @Test(arguments: [
        ("abbreviation\tkind\nDr.\tsometimes\n", 2), ("abbr\tkind\n", 1), ("abbreviation\tkind\n# c\nDr\ttitle\n", 3),
        ("abbreviation\tkind\nDr.\ttitle\textra\n", 2),
    ])
    func abbreviationErrorsNameFileAndLine(_ text: String, _ line: Int) {
        #expect(throws: TokenizerRuleError.self) { try TokenizerRules(abbreviations: text, sections: sections, abbreviationsFile: "a.tsv") }
        do {
            _ = try TokenizerRules(abbreviations: text, sections: sections, abbreviationsFile: "a.tsv")
        } catch let e as TokenizerRuleError {
            #expect(e.file == "a.tsv" && e.line == line)
            #expect(e.description.hasPrefix("MT-TOK-001: a.tsv:\(line):"))
        } catch {}
    }

    @Test(arguments: [
        ("rule_id\ttype\theader\tforms\nsec-1\tPlan!\tplan\t\n", 2), ("rule_id\ttype\theader\tforms\nsec-1\tplan\tplan\tsometimes\n", 2),
        ("rule_id\ttype\theader\tforms\nsec-1\tplan\tplan\t\nsec-1\tplan\tp\t\n", 3), ("rule_id\ttype\theader\tforms\nsec-1\tplan\t \t\n", 2),
    ])
    func sectionErrorsNameFileAndLine(_ text: String, _ line: Int) {
        do {
            _ = try TokenizerRules(abbreviations: abbreviations, sections: text, sectionsFile: "s.tsv")
            Issue.record("expected an error")
        } catch let e as TokenizerRuleError {
            #expect(e.file == "s.tsv" && e.line == line)
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func bundledRulesCoverAtLeast25SectionTypes() {
        let types = Set(Fixtures.rules.sectionRules.map(\.type))
        #expect(types.count >= 25)
        for t: SectionType in [
            .chiefComplaint, .historyOfPresentIllness, .pastMedicalHistory, .pastSurgicalHistory, .familyHistory, .socialHistory,
            .medications, .admissionMedications, .dischargeMedications, .allergies, .reviewOfSystems, .physicalExam, .vitalSigns,
            .labs, .imaging, .assessment, .plan, .assessmentAndPlan, .impression, .hospitalCourse, .diagnoses, .procedures,
            .dischargeInstructions, .followUp, .problemList,
        ] {
            #expect(types.contains(t), "\(t)")
        }
    }
}
