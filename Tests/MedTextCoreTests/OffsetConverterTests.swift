import MedTextCore
import Testing

@Suite struct OffsetConverterTests {
    @Test func asciiIsIdentity() {
        let c = OffsetConverter("Pt c/o CP x2d.\nHx: HTN")
        #expect(c.isASCII)
        #expect(c.codePointOffset(ofUTF8: 7) == 7)
        #expect(c.utf16Offset(ofUTF8: 7) == 7)
        #expect(c.lineColumn(ofUTF8: 15) == LineColumn(line: 2, column: 1))
        #expect(c.lineCount == 2)
    }

    @Test func mixedWidthScalars() {
        // "aé中😀b": bytes a(1) é(2) 中(3) 😀(4) b(1)
        let text = "aé中😀b"
        let c = OffsetConverter(text)
        #expect(c.utf8Count == 11)
        #expect(c.codePointCount == 5)
        #expect(c.utf16Count == 6)
        let utf8Starts = [0, 1, 3, 6, 10, 11]
        let cps = [0, 1, 2, 3, 4, 5]
        let u16 = [0, 1, 2, 3, 5, 6]
        for i in 0..<utf8Starts.count {
            #expect(c.codePointOffset(ofUTF8: utf8Starts[i]) == cps[i])
            #expect(c.utf16Offset(ofUTF8: utf8Starts[i]) == u16[i])
            #expect(c.utf8Offset(ofCodePoint: cps[i]) == utf8Starts[i])
            #expect(c.utf8Offset(ofUTF16: u16[i]) == utf8Starts[i])
        }
        // Inside a scalar rounds down to its start.
        #expect(c.codePointOffset(ofUTF8: 7) == 3)
        // Between the halves of a surrogate pair there is no UTF-8 offset.
        #expect(c.utf8Offset(ofUTF16: 4) == nil)
        #expect(c.utf8Offset(ofCodePoint: 6) == nil)
        #expect(c.range(of: TextSpan(3, 10), in: .codePoints) == 2..<4)
        #expect(c.span(from: 2..<4, in: .codePoints) == TextSpan(3, 10))
    }

    @Test func lineBreakKinds() {
        let text = "a\r\nb\rc\nd\u{2028}e\u{85}f"
        let c = OffsetConverter(text)
        #expect(c.lineCount == 6)
        let f = text.utf8.count - 1
        #expect(c.lineColumn(ofUTF8: f) == LineColumn(line: 6, column: 1))
        #expect(c.lineColumn(ofUTF8: 1) == LineColumn(line: 1, column: 2))  // the CR of CRLF stays on line 1
        #expect(c.utf8Offset(of: LineColumn(line: 2, column: 1)) == 3)
        #expect(c.utf8Offset(of: LineColumn(line: 9, column: 1)) == nil)
    }

    /// Property: conversions agree with Swift's own views on random text.
    @Test(arguments: [1 as UInt64, 2, 3, 4, 5])
    func agreesWithSwiftViews(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let alphabet: [Unicode.Scalar] = [
            "a", "Z", " ", "\n", "\r", "é", "İ", "ß", "中", "文", "😀", "👍", "\u{301}", "\u{FB01}", "Ａ", "\u{2028}",
        ]
        var text = ""
        for _ in 0..<400 { text.unicodeScalars.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
        let c = OffsetConverter(text)
        var utf8 = 0, cp = 0, u16 = 0
        for scalar in text.unicodeScalars {
            #expect(c.codePointOffset(ofUTF8: utf8) == cp)
            #expect(c.utf16Offset(ofUTF8: utf8) == u16)
            #expect(c.utf8Offset(ofCodePoint: cp) == utf8)
            #expect(c.utf8Offset(ofUTF16: u16) == utf8)
            utf8 += scalar.utf8.count
            cp += 1
            u16 += scalar.utf16.count
        }
        #expect(c.utf8Count == utf8 && c.codePointCount == cp && c.utf16Count == u16)
        #expect(c.codePointCount == text.unicodeScalars.count)
        #expect(c.utf16Count == text.utf16.count)
    }
}
