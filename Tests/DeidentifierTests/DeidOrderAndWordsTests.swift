@testable import Deidentifier
import MedTextCore
import Testing

/// speedB session 19: `deidentify` skips its sort when the spans come in order, and the avoid words of a surrogate run
/// are lowered on their bytes for ASCII words. Both must give what the sort and `lowercased()` give.
struct DeidOrderAndWordsTests {
    static func entities(_ spans: [(Int, Int)]) -> [Entity] {
        spans.map { Entity(category: .protectedHealthInformation, type: .name, span: TextSpan($0.0, $0.1)) }
    }

    @Test(arguments: [
        ([(0, 4), (6, 9), (12, 20)], true),
        // A longer span sorts before a shorter one of the same start (``TextSpan`` `<`).
        ([(0, 6), (0, 4), (6, 9)], true),
        ([(0, 4), (0, 6), (6, 9)], false),
        ([(3, 5), (3, 5)], true),
        ([(6, 9), (0, 4)], false),
        ([(2, 4), (0, 6)], false),
        ([], true),
    ] as [([(Int, Int)], Bool)])
    func inOrderAgreesWithTheSort(spans: [(Int, Int)], expected: Bool) {
        let e = Self.entities(spans)
        #expect(e.isInSpanOrder == expected)
        #expect(e.isInSpanOrder == (e.map(\.span) == e.sorted { $0.span < $1.span }.map(\.span)))
    }

    /// Spans given out of order are sorted before they are replaced: the output is the one of the sorted list.
    @Test func outOfOrderSpansAreSortedFirst() {
        let text = "Seen by Ann Lee and Bob Roe today."
        let ann = Entity(category: .protectedHealthInformation, type: .name, span: TextSpan(8, 15))
        let bob = Entity(category: .protectedHealthInformation, type: .name, span: TextSpan(20, 27))
        let deid = Deidentifier(options: DeidOptions(mode: .redact, key: Array("k".utf8)), words: DeidWords(), lists: DeidLists())
        let inOrder = deid.deidentify(text: text, entities: [ann, bob])
        let reversed = deid.deidentify(text: text, entities: [bob, ann])
        #expect(inOrder.text == "Seen by [NAME] and [NAME] today.")
        #expect(reversed.text == inOrder.text)
        #expect(reversed.replacements == inOrder.replacements)
    }

    @Test(arguments: [
        "Mary O'BRIEN-Smith",
        "ZOË Łukasz-Petrović",
        "dr J. McDONALD, RN",
        "Ἀθηνᾶ Straße İstanbul",
        "A b CD éé",
    ])
    func nameWordsAreTheLowerCasedWords(name: String) {
        var got: Set<String> = []
        Surrogates.nameWords(Array(name.utf8), into: &got)
        // The reference: every run of two or more letters (non-ASCII bytes count as letters), lower-cased by `String`.
        var want: Set<String> = []
        let bytes = Array(name.utf8)
        var i = 0
        while i < bytes.count {
            let letter = { (c: UInt8) in (c | 0x20) &- 0x61 < 26 || c >= 0x80 }
            guard letter(bytes[i]) else { i += 1; continue }
            var j = i
            while j < bytes.count && letter(bytes[j]) { j += 1 }
            if j - i >= 2 { want.insert(String(decoding: bytes[i..<j], as: UTF8.self).lowercased()) }
            i = j
        }
        #expect(got == want)
        #expect(!got.isEmpty)
    }
}
