import Foundation
import MedTextCore
import MedTextTestSupport
import Testing
import Tokenizer

/// `SectionDetector.lineHeaders(containing:tokens:in:)` and `headerType(atOrBefore:tokens:in:)` (session 18, speedA): PHI
/// detection asks whether a token lies in a section header by reading the token's line only, and the type of its section
/// by reading lines back to the last header. Their answers must be the full detector's: the `headerSpan` of the section
/// that contains the byte when that span contains it, and that section's type when a header starts it.
@Suite struct LineHeadersTests {
    static let detector = Fixtures.tokenizer.sectionDetector

    /// The byte offsets of `text` where a line-read answer differs from the full sections' (empty when they agree), and
    /// how many offsets lay in a header.
    static func disagreements(_ text: String) -> (wrong: [Int], inHeader: Int) {
        var s = text
        return s.withUTF8 { p in
            let tokens = Fixtures.tokenizer.tokenize(text)
            let sections = detector.detect(tokens: tokens, in: p)
            var wrong: [Int] = [], inHeader = 0
            var line = LineHeaders(bytes: 0..<0, spans: [])
            for offset in 0..<p.count {
                var expected: TextSpan?
                let section = Section.containing(offset, in: sections)
                if let h = section?.headerSpan, h.contains(offset) { expected = h }
                // The type of the section holding the offset, when a header starts it.
                let type = section?.headerSpan == nil ? nil : section?.type
                if detector.headerType(atOrBefore: offset, tokens: tokens, in: p) != type { wrong.append(offset) }
                if !line.bytes.contains(offset) { line = detector.lineHeaders(containing: offset, tokens: tokens, in: p) }
                // A fresh read of the line at every offset, and the read of the line's first offset reused.
                let fresh = detector.lineHeaders(containing: offset, tokens: tokens, in: p).headerSpan(containing: offset)
                if fresh != expected || line.headerSpan(containing: offset) != expected { wrong.append(offset) }
                if expected != nil { inHeader += 1 }
            }
            return (wrong, inHeader)
        }
    }

    /// Headers at line starts, mid-line after a sentence end or a comma, in markdown, with a bracketed qualifier, two on
    /// one line, alone on a line, and text with no header.
    @Test(arguments: [
        "PAST MEDICAL HISTORY:\nHTN, T2DM.\nSocial history: lives alone.\n",
        "Seen today for review. Hx: HTN. Plan: review in 2/52\n",
        "...no known allergies.,MEDICATIONS: ,aspirin 100 mg daily,ALLERGIES: nil",
        "## Medications\n- aspirin\n**Allergies:** nil known\n",
        "Medications (per RACF chart):\n  aspirin 100 mg\nO/E afebrile, Ix FBC\n",
        "HISTORY OF PRESENT ILLNESS\n\nPain for two days.\nASSESSMENT AND PLAN:- rest\n",
        "patient reports pain in the left knee, no header here\nand none on this line either",
        "   \n\nPlan:",
        "",
    ])
    func lineAnswerIsTheFullDetectorsAnswer(_ text: String) {
        #expect(Self.disagreements(text).wrong.isEmpty)
    }

    /// The line-only answer names the header's bytes: `Hx:` mid-line, not the words after it or before it.
    @Test func midLineHeaderSpan() {
        let text = "Seen today. Hx: HTN\nPlan: rest"
        var s = text
        s.withUTF8 { p in
            let tokens = Fixtures.tokenizer.tokenize(text)
            let hx = text.utf8.count - "Hx: HTN\nPlan: rest".utf8.count
            #expect(Self.detector.lineHeaders(containing: hx, tokens: tokens, in: p).headerSpan(containing: hx) == TextSpan(hx, hx + 3))
            #expect(Self.detector.lineHeaders(containing: hx + 4, tokens: tokens, in: p).headerSpan(containing: hx + 4) == nil)
            #expect(Self.detector.lineHeaders(containing: 0, tokens: tokens, in: p).headerSpan(containing: 0) == nil)
            let plan = text.utf8.count - "Plan: rest".utf8.count
            #expect(Self.detector.lineHeaders(containing: plan, tokens: tokens, in: p).headerSpan(containing: plan) == TextSpan(plan, plan + 5))
        }
    }

    /// Every dev note of both gold corpora and every sample note (the test splits stay unread), at every byte.
    @Test func everyDevNoteAgreesAtEveryByte() throws {
        var notes = 0, inHeader = 0
        for corpus in ["corpora/phi/dev", "corpora/gold/dev", "corpora/samples"] {
            let dir = Fixtures.root.appendingPathComponent(corpus)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).filter({ $0.hasSuffix(".txt") }).sorted() {
                let text = MarkedText(try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)).text
                let r = Self.disagreements(text)
                #expect(r.wrong.isEmpty, "\(corpus)/\(name): \(r.wrong.count) offsets")
                notes += 1
                inHeader += r.inHeader
            }
        }
        #expect(notes >= 700 && inHeader > 10_000)
    }
}
