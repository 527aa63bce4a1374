import EntityRecognizer
import Foundation
import MedTextCore
import MedTextLexicons
import Testing
import Tokenizer

extension WordClasses {
    /// The shipped `lexicons/data/context/word_classes.tsv`, for recognizers built by hand in tests.
    static let shipped: WordClasses = try! RecognizerRuleFiles.wordClasses(
        String(contentsOf: MedTextLexicons.bundledDataDirectory.appendingPathComponent("context/word_classes.tsv"), encoding: .utf8))
}

/// The cue words of the attribute and relation rules are data (`context/word_classes.tsv`):
/// the file's checks, and proof that the recognizer reads its words from it.
@Suite struct WordClassesTests {
    static let header = "class\twords\tnote\n"

    /// A file with one row per class (the given rows replace a class's default row).
    static func file(_ rows: [WordClasses.Name: String]) -> String {
        header + WordClasses.Name.allCases.map { "\($0.rawValue)\t\(rows[$0] ?? ($0.rawValue.hasSuffix("_pairs") ? "as+needed" : "for"))\n" }.joined()
    }

    @Test func shippedFileHasEveryClassAndEveryWordIsOneToken() throws {
        let n = Normalizer()
        for name in WordClasses.Name.allCases {
            let words = WordClasses.shipped[name]
            #expect(!words.isEmpty, "\(name.rawValue)")
            for w in words {
                let pieces = name.rawValue.hasSuffix("_pairs") ? w.split(separator: "+").map(String.init) : [w]
                for p in pieces {
                    // A word that normalizes to several tokens would be interned as its first token only.
                    #expect(n.normalizedTerm(p).split(separator: " ").count == 1, Comment(rawValue: "\(name.rawValue): \(p) -> \(n.normalizedTerm(p))"))
                }
            }
        }
        #expect(WordClasses.shipped[.limitCues].contains("max"))
        #expect(WordClasses.shipped[.indicationPairs].contains("as+needed"))
    }

    @Test func rowsOfOneClassAccumulateInFileOrder() throws {
        let text = Self.file([.acuity: "acute chronic"]) + "acuity\tsubacute\n"
        #expect(try RecognizerRuleFiles.wordClasses(text)[.acuity] == ["acute", "chronic", "subacute"])
    }

    @Test(arguments: [
        ("unknown_class\tfoo\n", "unknown word class 'unknown_class'"),
        ("acuity\t\n", "no words"),
        ("indication_pairs\tas needed\n", "is not a pair"),
        ("indication_pairs\tasneeded\n", "is not a pair"),
        ("indication_pairs\t+needed\n", "is not a pair"),
        ("qualitative\tnon-reactive\n", "'non-reactive' is not one token"),
        ("indication_pairs\tas+follow-up\n", "'follow-up' is not one token"),
    ])
    func badRowsAreErrorsNamingTheLine(row: String, reason: String) {
        let text = Self.file([:]) + row
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect {
            _ = try RecognizerRuleFiles.wordClasses(text, file: "context/word_classes.tsv")
        } throws: { error in
            guard let e = error as? RecognizerRuleError else { return false }
            return e.line == line && e.reason.contains(reason) && e.file == "context/word_classes.tsv"
        }
    }

    @Test func aClassWithoutAnyRowIsAnError() {
        let text = Self.header + "acuity\tacute\n"
        #expect(throws: RecognizerRuleError.self) { _ = try RecognizerRuleFiles.wordClasses(text) }
    }

    /// The recognizer's behaviour follows the file: removing `chronic` from the acuity class
    /// removes the ACUITY attribute, removing `max` from the limit cues turns a dose limit into a
    /// dose, and an empty set of classes turns the acuity off.
    @Test func theRecognizerReadsItsCueWordsFromTheFile() throws {
        let n = Normalizer()
        let terms = [
            LexiconTerm(conceptID: 1, normalized: n.normalizedTerm("pain"), original: "pain", type: .dxName, traits: .symptom, ruleID: "t:1"),
            LexiconTerm(conceptID: 2, normalized: n.normalizedTerm("paracetamol"), original: "paracetamol", type: .genericName, ruleID: "t:2"),
        ]
        let sig = [SigTerm(phrase: "g", kind: .strengthUnit, id: "unit:g")]
        let tokenizer = ShippedContextRulesTests.tokenizer
        func run(_ classes: WordClasses, _ text: String) -> [String] {
            let r = Recognizer(resources: RecognizerResources(terms: terms, contextRules: [], sectionTraits: [], sig: sig, wordClasses: classes))
            let doc = r.recognize(tokenizer.analyze(Document(text: text)))
            return doc.entities.flatMap { e in e.attributes.map { "\($0.type.rawValue):\(doc.document.text(in: $0.span))" } }
        }
        var edited: WordClasses
        #expect(run(.shipped, "Chronic pain.") == ["ACUITY:Chronic"])
        edited = try RecognizerRuleFiles.wordClasses(Self.fileWithout("chronic", in: .acuity))
        #expect(run(edited, "Chronic pain.") == [])
        #expect(run(WordClasses(), "Chronic pain.") == [])
        #expect(run(.shipped, "paracetamol 1 g, max 4 g") == ["STRENGTH:1 g"])
        edited = try RecognizerRuleFiles.wordClasses(Self.fileWithout("max", in: .limitCues))
        #expect(run(edited, "paracetamol 1 g, max 4 g") == ["STRENGTH:1 g", "DOSAGE:4 g"])
    }

    /// The shipped classes as a file, without `word` in `name`.
    static func fileWithout(_ word: String, in name: WordClasses.Name) -> String {
        header + WordClasses.Name.allCases.map { c in
            let words = WordClasses.shipped[c].filter { !(c == name && $0 == word) }
            return "\(c.rawValue)\t\((words.isEmpty ? ["unused"] : words).joined(separator: " "))\n"
        }.joined()
    }
}
