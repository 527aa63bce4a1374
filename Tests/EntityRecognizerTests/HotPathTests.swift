@testable import EntityRecognizer
import Testing

/// The allocation-free structures of the entity hot path answer exactly what the structures
/// they replaced answered (DESIGN.md "Entity recognition performance").
@Suite struct HotPathTests {
    // MARK: TokenIDSet

    @Test func tokenIDSetAgreesWithSet() {
        let ids: [UInt32] = [1, 63, 64, 65, 1000]
        let b = TokenIDSet(ids)
        for id in ids { #expect(b.contains(id)) }
        for id: UInt32 in [0, 2, 62, 66, 999, 1001, 100_000, .max] { #expect(!b.contains(id)) }
        #expect(!TokenIDSet([UInt32]()).contains(0))
    }

    // MARK: PhraseMatcher hits

    static let phrases: [[UInt32]] = [
        [1], [1, 2], [1, 2, 3], [2, 3], [5], [5, 6, 7], [9, 1], [1, 9, 9], [300], [300, 1], [9, 9],
    ]

    static func matcher() -> PhraseMatcher {
        var b = PhraseMatcher.Builder()
        for (n, p) in phrases.enumerated() {
            b.add(p, payload: UInt32(n))
            if n % 3 == 0 { b.add(p, payload: UInt32(100 + n)) }  // some phrases carry two payloads
        }
        return b.build()
    }

    @Test(arguments: [
        [1, 2, 3, 4], [9, 1, 2], [1, 9, 9, 9], [5, 6, 7, 5, 6], [300, 1, 2, 3], [0, 1, 2], [4, 4, 4], [1000, 1],
    ] as [[UInt32]])
    func hitsEqualAllMatches(keys: [UInt32]) {
        let m = Self.matcher()
        var hits: [PhraseMatcher.Hit] = []
        keys.withUnsafeBufferPointer { k in
            for i in 0..<k.count {
                let all = m.allMatches(in: k, at: i)
                m.hits(in: k, at: i, into: &hits)
                #expect(hits.map { i..<$0.end } == all.map(\.tokens))
                #expect(hits.map { Array(m.payloadSlice(of: $0.node)) } == all.map { Array($0.payloads) })
                if !m.startsPhrase(k[i]) { #expect(all.isEmpty) }
            }
        }
    }

    /// With alternates (a number token's literal id and its `{n}` placeholder): the same matches
    /// in the same order as `allMatches(in:alternates:at:)`, which the signature pass reverses.
    @Test(arguments: [
        ([1, 2, 3, 4], [9, 9, 9, 9]), ([4, 2, 3], [1, 9, 9]), ([9, 4, 9], [9, 1, 9]), ([5, 6, 8], [5, 6, 7]),
        ([7, 7], [0, 0]), ([300, 8], [300, 1]),
    ] as [([UInt32], [UInt32])])
    func alternateHitsEqualAllMatches(keys: [UInt32], alternates: [UInt32]) {
        let m = Self.matcher()
        var hits: [PhraseMatcher.Hit] = []
        keys.withUnsafeBufferPointer { k in
            alternates.withUnsafeBufferPointer { a in
                for i in 0..<k.count {
                    let all = m.allMatches(in: k, alternates: a, at: i)
                    m.hits(in: k, alternates: a, at: i, into: &hits)
                    #expect(hits.map { i..<$0.end } == all.map(\.tokens))
                    #expect(hits.map { Array(m.payloadSlice(of: $0.node)) } == all.map { Array($0.payloads) })
                }
            }
        }
    }

    // MARK: PHI vocabulary byte readers

    static let tsv = "# comment\nname\tsex\tpercent\tcommon\n\nmary\tF\t0.5\tyes\r\nzoë\tF\t0.01\tno\n# late comment\nbob\tM\tx\tno\n"

    @Test func forEachLineEqualsLines() {
        for text in [Self.tsv, "", "\n\n", "a", "a\r\nb\n#c\n\n d \n", "naïve\ncafé"] {
            var got: [String] = []
            PHIVocabulary.forEachLine(text) { got.append(String(decoding: $0, as: UTF8.self)) }
            #expect(got == PHIVocabulary.lines(text).map(String.init))
        }
    }

    @Test func forEachRowEqualsRows() throws {
        var got: [[String]] = []
        try PHIVocabulary.forEachRow(Self.tsv, file: "t.tsv", columns: 4) { b, cols in
            got.append(cols.map { String(decoding: UnsafeBufferPointer(rebasing: b[$0]), as: UTF8.self) })
        }
        let want = try PHIVocabulary.rows(Self.tsv, file: "t.tsv", columns: 4).map { $0.1.map(String.init) }
        #expect(got == want)
        #expect(got.count == 3)
        // A short row fails with the same line number either way.
        let bad = "h\tx\na\tb\nc\n"
        var lineFast = 0, lineSlow = 0
        do { try PHIVocabulary.forEachRow(bad, file: "b.tsv", columns: 2) { _, _ in } } catch let e as PHIVocabularyError { lineFast = e.line }
        do { _ = try PHIVocabulary.rows(bad, file: "b.tsv", columns: 2) } catch let e as PHIVocabularyError { lineSlow = e.line }
        #expect(lineFast == 3 && lineSlow == 3)
    }
}
