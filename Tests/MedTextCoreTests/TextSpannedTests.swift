import MedTextCore
import Testing

@Suite struct TextSpannedTests {
    /// Sentences at bytes 0..<5, 7..<10 and 10..<14 (a gap at 5..<7).
    let sentences = [
        Sentence(span: TextSpan(0, 5), tokens: 0..<1), Sentence(span: TextSpan(7, 10), tokens: 1..<2),
        Sentence(span: TextSpan(10, 14), tokens: 2..<3),
    ]

    @Test(arguments: [(0, 0), (4, 0), (5, 1), (6, 1), (7, 1), (9, 1), (10, 2), (13, 2), (14, 3), (99, 3)])
    func firstIndexEndingAfter(_ row: (offset: Int, index: Int)) {
        #expect(sentences.firstIndex(endingAfter: row.offset) == row.index)
    }

    /// The binary search answers as a linear scan does at every offset, for tokens too.
    @Test func agreesWithALinearScan() {
        let tokens = (0..<40).map { Token(span: TextSpan($0 * 3, $0 * 3 + 1 + $0 % 2), kind: .word) }
        for offset in -1...125 {
            let linear = tokens.firstIndex(where: { $0.span.end > offset }) ?? tokens.count
            #expect(tokens.firstIndex(endingAfter: offset) == linear)
        }
        #expect([Token]().firstIndex(endingAfter: 3) == 0)
    }
}
