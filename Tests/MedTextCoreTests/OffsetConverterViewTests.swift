import MedTextCore
import Testing

/// Property tests: OffsetConverter against Swift's String.Index arithmetic on the
/// `utf8`, `utf16` and `unicodeScalars` views, both directions, on seeded random text with
/// emoji (modifiers, ZWJ sequences, flags), combining marks, CJK, İ, ß and CRLF.
@Suite struct OffsetConverterViewTests {
    struct Rng {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = [
        "Pt", " ", "c/o", "\r\n", "\n", "\r", "İ", "ß", "é", "e\u{301}", "中文", "😀", "👍🏽", "👨\u{200D}👩\u{200D}👧", "🇦🇺",
        "\u{FB01}", "Ａ", "\u{85}", "\u{2028}", "\u{2029}", "\t", "38.5°C", "µg", "\u{FEFF}", "x",
    ]

    static func text(seed: UInt64) -> String {
        var rng = Rng(state: seed)
        var s = ""
        for _ in 0..<Int(rng.next() % 300) { s += pieces[Int(rng.next() % UInt64(pieces.count))] }
        return s
    }

    /// Text with long ASCII runs, which the converter skips eight bytes at a time: line breaks
    /// and wide scalars fall at every position of a word.
    static func longRunText(seed: UInt64) -> String {
        var rng = Rng(state: seed)
        var s = ""
        for _ in 0..<Int(rng.next() % 120) {
            if rng.next() % 3 == 0 {
                s += pieces[Int(rng.next() % UInt64(pieces.count))]
            } else {
                s += String(repeating: "a", count: Int(rng.next() % 23))
            }
        }
        return s
    }

    @Test(arguments: Array(UInt64(100)..<UInt64(140)))
    func agreesWithStringIndexViews(_ seed: UInt64) {
        Self.checkViews(Self.text(seed: seed))
    }

    @Test(arguments: Array(UInt64(300)..<UInt64(340)))
    func longASCIIRunsAgreeWithViewsAndLines(_ seed: UInt64) {
        let text = Self.longRunText(seed: seed)
        Self.checkViews(text)
        Self.checkLines(text)
    }

    static func checkViews(_ text: String) {
        let c = OffsetConverter(text)
        #expect(c.utf8Count == text.utf8.count && c.utf16Count == text.utf16.count && c.codePointCount == text.unicodeScalars.count)
        for idx in text.unicodeScalars.indices + [text.endIndex] {
            let u8 = text.utf8.distance(from: text.startIndex, to: idx)
            let u16 = text.utf16.distance(from: text.startIndex, to: idx)
            let cp = text.unicodeScalars.distance(from: text.startIndex, to: idx)
            #expect(c.codePointOffset(ofUTF8: u8) == cp)
            #expect(c.utf16Offset(ofUTF8: u8) == u16)
            #expect(c.utf8Offset(ofCodePoint: cp) == u8)
            #expect(c.utf8Offset(ofUTF16: u16) == u8)
            #expect(c.offset(ofUTF8: u8, in: .utf8) == u8)
        }
        // Spans of whole Characters convert both ways and slice the same text.
        let doc = Document(text: text)
        for idx in text.indices {
            let next = text.index(after: idx)
            let s = TextSpan(text.utf8.distance(from: text.startIndex, to: idx), text.utf8.distance(from: text.startIndex, to: next))
            for unit in OffsetUnit.allCases {
                let r = c.range(of: s, in: unit)
                #expect(c.span(from: r, in: unit) == s)
            }
            #expect(doc.text(in: s) == text[idx..<next])
        }
    }

    @Test(arguments: Array(UInt64(200)..<UInt64(220)))
    func lineColumnAgreesWithSplittingOnLineBreaks(_ seed: UInt64) {
        Self.checkLines(Self.text(seed: seed))
    }

    static func checkLines(_ text: String) {
        let c = OffsetConverter(text)
        var line = 1, column = 1, u8 = 0
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasCR {
                // The LF of a CRLF stays on the CR's line.
            } else {
                #expect(c.lineColumn(ofUTF8: u8) == LineColumn(line: line, column: column))
            }
            u8 += scalar.utf8.count
            if scalar == "\r" || scalar == "\n" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                if !(scalar == "\n" && previousWasCR) { line += 1 }
                column = 1
            } else {
                column += 1
            }
            previousWasCR = scalar == "\r"
        }
        #expect(c.lineCount == line)
    }

    @Test func bomIsStrippedWithoutTheFollowingMark() {
        #expect(UTF8Input.stripBOM("\u{FEFF}\u{301}x") == "\u{301}x")
        #expect(UTF8Input.stripBOM("\u{FEFF}abc") == "abc")
        #expect(UTF8Input.stripBOM("abc") == "abc")
    }
}
