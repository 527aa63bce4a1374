import Testing

@testable import Tokenizer

/// The scanner's fast paths (session 14, helper `speedA`): a word of ASCII letters (``Scanner/plainWord(_:_:)``) and
/// one space or tab before a printable ASCII byte give the end and the flags that the general path gives
/// (``Scanner/wordEnd(_:_:)``, ``Scanner/clusterEnd(_:_:)`` and ``Scanner/wordFlags(_:_:_:)``; ``Scanner/spaceEnd(_:_:)``
/// and ``Scanner/asciiFlag(_:_:_:)``), at every position of the text where they apply.
@Suite struct ScannerFastPathTests {
    /// Whether both fast paths agree with the general path at every position of `text`, and how often they applied.
    static func agree(_ text: String) -> (same: Bool, words: Int, spaces: Int) {
        var text = text
        return text.withUTF8 { p in
            let scanner = Scanner()
            var same = true, words = 0, spaces = 0
            for i in 0..<p.count where isAlpha(p[i]) {
                guard let (e, f) = scanner.plainWord(p, i) else { continue }
                words += 1
                let end = scanner.clusterEnd(p, scanner.wordEnd(p, i))
                if e != end || f != scanner.wordFlags(p, i, end) { same = false }
            }
            for i in 0..<p.count where (p[i] == 0x20 || p[i] == 0x09) && i + 1 < p.count && p[i + 1] &- 0x21 < 0x5E {
                spaces += 1
                let end = scanner.clusterEnd(p, scanner.spaceEnd(p, i + 1))
                if end != i + 1 || scanner.asciiFlag(p, i, end) != .ascii { same = false }
            }
            return (same, words, spaces)
        }
    }

    /// Rows of the forms the general path splits or joins: dotted and slashed abbreviations, letters before digits,
    /// measurement prefixes, apostrophes (straight and curly), non-ASCII letters and marks, `+ve`, units, tabs, DEL.
    @Test(arguments: [
        "Dr Kaur's b.i.d. dose, h/o n/v/d, x3days q4-6h BP140/90 SpO2 T38.5 e.g. ab.cd O'Brien Crohn’s don't",
        "naïve café ﬁne İstanbul Straße e\u{301}t\u{301} ＡＢＣ 東京 x\u{200D}y 😀a",
        "+ve -ve 38.5°C µg Ω a.b c/d a/ b. A. Zz.\tword\u{7F}x  two  spaces\t\ttabs \u{A0}nbsp end",
        "a", "ab", "a.", "a/", "a'", "ab'", "a1", " ", " x", "\tx", " \u{7F}", " \u{0}",
    ])
    func fastPathsAgreeOnRows(_ text: String) {
        #expect(Self.agree(text).same)
    }

    /// Random clinical-ish text with hard Unicode (``randomText(_:pieces:)``): the fast paths apply at many positions
    /// and agree at each.
    @Test func fastPathsAgreeOnRandomText() {
        var words = 0, spaces = 0
        for seed in TokenizerPropertyTests.seeds {
            var rng = SeededGenerator(seed: seed)
            let r = Self.agree(randomText(&rng, pieces: Int.random(in: 1...300, using: &rng)))
            #expect(r.same, "seed \(seed)")
            words += r.words
            spaces += r.spaces
        }
        #expect(words > 100 && spaces > 100)
    }
}
