import MedTextCore
import Testing
import Tokenizer

/// A small seeded generator (SplitMix64), so property tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random clinical-ish text with hard Unicode: emoji (with modifiers and ZWJ), combining
/// marks, CJK, İ, ß, ligatures, full-width letters, CRLF, NEL, U+2028, tabs and punctuation.
func randomText(_ rng: inout SeededGenerator, pieces: Int) -> String {
    let atoms = [
        "BP", "140/90", "5mg", "b.i.d.", "q4-6h", "x3days", "c/o", "n/v/d", "+ve", "38.5°C", "SpO2", "T2DM", "O'Brien",
        "Crohn’s", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{85}", "\u{2028}", ".", ",", ":", "-", "(", ")", "#", "**", "1.",
        "İ", "ß", "ﬁ", "ＡＢＣ", "é", "e\u{301}", "\u{301}", "a\u{308}\u{301}", "東京", "😀", "👍🏽", "👨\u{200D}👩\u{200D}👧",
        "🇦🇺", "\u{FE0F}", "\u{200D}", "\u{AD}", "\u{A0}", "Dr.", "e.g.", "HPI:", "PLAN", "O/E", "1,000", ".5", "'", "’",
        "\u{0}", "µg", "Ω", "x", "q", "’s",
    ]
    var s = ""
    for _ in 0..<pieces { s += atoms.randomElement(using: &rng)! }
    return s
}

@Suite struct TokenizerPropertyTests {
    static let seeds: [UInt64] = Array(1...60)

    @Test(arguments: seeds)
    func tokensCoverTextOnScalarBoundaries(_ seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let text = randomText(&rng, pieces: Int.random(in: 1...120, using: &rng))
        let doc = Document(text: text)
        let a = Fixtures.tokenizer.analyze(doc)
        // Ordered, non-overlapping, covering the whole text.
        var pos = 0
        for t in a.tokens {
            #expect(t.span.start == pos && t.span.length > 0)
            pos = t.span.end
        }
        #expect(pos == text.utf8.count)
        // Every boundary is a scalar boundary; text[span] round-trips.
        var scalarStarts = Set<Int>([text.utf8.count])
        var off = 0
        for s in text.unicodeScalars { scalarStarts.insert(off); off += String(s).utf8.count }
        var rebuilt = ""
        for t in a.tokens {
            #expect(scalarStarts.contains(t.span.start) && scalarStarts.contains(t.span.end))
            rebuilt += doc.text(in: t.span)
        }
        #expect(rebuilt == text)
        // Never split a base from its combining marks: no token but the first starts with a mark
        // unless the previous token is a newline (marks after a line break stand alone).
        for (prev, t) in zip(a.tokens, a.tokens.dropFirst()) where prev.kind != .newline {
            let first = doc.text(in: t.span).unicodeScalars.first!
            let isMark = [.nonspacingMark, .spacingMark, .enclosingMark].contains(first.properties.generalCategory)
            #expect(!isMark, "token at \(t.span) starts with a combining mark")
        }
        // Sentences and sections are ordered, within the text, on token boundaries.
        let starts = Set(a.tokens.map(\.span.start)), ends = Set(a.tokens.map(\.span.end))
        for (x, y) in zip(a.sentences, a.sentences.dropFirst()) { #expect(x.span.end <= y.span.start) }
        for s in a.sentences {
            #expect(starts.contains(s.span.start) && ends.contains(s.span.end))
            #expect(a.tokens[s.tokens.lowerBound].span.start == s.span.start)
            #expect(a.tokens[s.tokens.upperBound - 1].span.end == s.span.end)
        }
        for (x, y) in zip(a.sections, a.sections.dropFirst()) { #expect(x.span.end == y.span.start) }
    }

    @Test(arguments: seeds)
    func normalizationAlignmentStaysInsideOriginalClusters(_ seed: UInt64) {
        var rng = SeededGenerator(seed: seed &* 7919)
        let text = randomText(&rng, pieces: Int.random(in: 1...80, using: &rng))
        let doc = Document(text: text)
        let n = Normalizer().normalize(text)
        #expect(n.alignment.count == n.bytes.count + 1)
        #expect(n.alignment.last == text.utf8.count)
        var scalarStarts = Set<Int>([text.utf8.count])
        var off = 0
        for s in text.unicodeScalars { scalarStarts.insert(off); off += String(s).utf8.count }
        for k in 0..<n.bytes.count {
            #expect(n.alignment[k] <= n.alignment[k + 1])
            #expect(scalarStarts.contains(n.alignment[k]))
            let span = n.originalSpan(of: k..<(k + 1))
            #expect(span.start >= 0 && span.end <= text.utf8.count && !span.isEmpty)
            #expect(doc.scalarAligned(span) == span)
        }
        // The normalized bytes are valid UTF-8.
        #expect(String(validating: n.bytes, as: UTF8.self) != nil)
    }
}

@Suite struct TokenizerRobustnessTests {
    /// Arbitrary bytes, repaired with U+FFFD as `--lenient` does, never crash the tokenizer and
    /// still give covering, ordered tokens.
    @Test(arguments: Array(UInt64(1000)..<UInt64(1040)))
    func randomBytes(_ seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let count = Int.random(in: 0...600, using: &rng)
        let bytes = (0..<count).map { _ in
            // Mostly ASCII text bytes, with every other byte value possible.
            Bool.random(using: &rng) ? UInt8.random(in: 0x20...0x7E, using: &rng) : UInt8.random(in: 0...255, using: &rng)
        }
        let text = UTF8Input.decodeLenient(bytes).text
        let a = Fixtures.tokenizer.analyze(Document(text: text))
        var pos = 0
        for t in a.tokens {
            #expect(t.span.start == pos && t.span.length > 0)
            pos = t.span.end
        }
        #expect(pos == text.utf8.count)
        _ = Normalizer().normalize(text)
    }

    /// A long note (many copies of a sample) tokenizes in one piece with the same counts per copy.
    @Test func longNoteIsLinear() {
        let unit = "HPI: 58 yo M c/o CP x2d, BP140/90, SpO2 96%.\nPlan: serial troponins q6h.\n\n"
        let one = Fixtures.tokenizer.analyze(Document(text: unit))
        let many = Fixtures.tokenizer.analyze(Document(text: String(repeating: unit, count: 2000)))
        #expect(many.tokens.count == one.tokens.count * 2000)
        #expect(many.sentences.count == one.sentences.count * 2000)
        #expect(many.sections.count == one.sections.count * 2000)
    }
}

/// `Scanner.scan(_:)` writes tokens into storage reserved for half a token per byte and appends past it; the tokens
/// are those of `scan(_:into:)`, which appends every token (session 13, helper `speedA`). Rows: random text, and
/// texts denser than the reserve (one token per byte) so that the appending tail runs.
@Suite struct ScannerReservedStorageTests {
    static func agree(_ text: String) -> (same: Bool, tokens: Int, bytes: Int) {
        var text = text
        return text.withUTF8 { p in
            var appended: [Token] = []
            Scanner().scan(p, into: &appended)
            let written = Scanner().scan(p)
            return (written == appended, written.count, p.count)
        }
    }

    @Test(arguments: TokenizerPropertyTests.seeds)
    func randomTextScansAlike(_ seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        #expect(Self.agree(randomText(&rng, pieces: Int.random(in: 1...200, using: &rng))).same)
    }

    @Test(arguments: [String(repeating: ",", count: 200), String(repeating: "a,", count: 150), String(repeating: "(x)", count: 90) + "\n",
                      String(repeating: "1;", count: 40), ""])
    func denseTextScansAlike(_ text: String) {
        let r = Self.agree(text)
        #expect(r.same)
        #expect(text.count < 100 || r.tokens > r.bytes / 2 + 16)  // the long rows outgrow the reserve
    }
}
