import MedTextCore
import MedTextTestSupport
import Testing
import Tokenizer

/// Table tests: every marked span is one expected non-space token (rows in TableRows.swift).
@Suite struct TokenizationTableTests {
    @Test(arguments: tokenizationRows)
    func tokens(_ row: String) {
        let m = MarkedText(row)
        let doc = Document(text: m.text)
        let tokens = Fixtures.tokenizer.tokenize(m.text).filter { !$0.isSpace }
        #expect(tokens.map { String(doc.text(in: $0.span)) } == m.marks.map(\.text), "\(m.text)")
        #expect(tokens.map(\.span) == m.marks.map(\.span), "\(m.text)")
    }

    @Test(arguments: sentenceRows)
    func sentences(_ row: String) {
        let m = MarkedText(row)
        let doc = Document(text: m.text)
        let sentences = Fixtures.tokenizer.analyze(doc).sentences
        #expect(sentences.map { String(doc.text(in: $0.span)) } == m.marks.map(\.text), "\(m.text)")
        #expect(sentences.map(\.span) == m.marks.map(\.span))
    }
}

@Suite struct TokenKindAndFlagTests {
    func kinds(_ text: String) -> [TokenKind] { Fixtures.tokenizer.tokenize(text).map(\.kind) }

    @Test func kindsOfAClinicalLine() {
        #expect(kinds("BP 140/90, 2.5mg 😀\n") == [.word, .whitespace, .number, .symbol, .number, .punctuation, .whitespace, .number, .word, .whitespace, .symbol, .newline])
    }

    @Test func newlineForms() {
        #expect(kinds("a\r\nb\rc\u{2028}d\u{85}e") == [.word, .newline, .word, .newline, .word, .newline, .word, .newline, .word])
    }

    @Test func flags() {
        let text = "HTN Smith café b.i.d. T2DM 42 word"
        let t = Fixtures.tokenizer.tokenize(text).filter { !$0.isSpace }
        #expect(t[0].flags.isSuperset(of: [.allUpper, .hasLetter, .ascii, .lineStart, .spaceBefore]))
        #expect(t[1].flags.contains(.titleCase) && !t[1].flags.contains(.allUpper))
        #expect(!t[2].flags.contains(.ascii) && t[2].flags.contains(.hasLetter))
        #expect(t[3].flags.contains(.hasPeriod))
        #expect(t[4].flags.isSuperset(of: [.allUpper, .hasDigit]))
        #expect(t[5].kind == .number && t[5].flags.contains(.hasDigit) && !t[5].flags.contains(.hasLetter))
        #expect(!t[6].flags.contains(.lineStart))
    }

    @Test func lineStartAfterNewline() {
        let t = Fixtures.tokenizer.tokenize("a b\n  c d")
        let starts = t.filter { $0.flags.contains(.lineStart) }.map(\.span.start)
        #expect(starts == [0, 6])
    }

    @Test func emptyAndSpaceOnlyText() {
        #expect(Fixtures.tokenizer.tokenize("").isEmpty)
        let a = Fixtures.tokenizer.analyze(Document(text: " \n\n "))
        #expect(a.sentences.isEmpty && a.sections.isEmpty)
    }

    @Test func loneCombiningMarkAndControlCharacters() {
        let text = "\u{301}a\u{0}\u{7}b"
        let t = Fixtures.tokenizer.tokenize(text)
        #expect(t.first?.kind == .symbol)
        #expect(t.map(\.span.length).reduce(0, +) == text.utf8.count)
    }
}
