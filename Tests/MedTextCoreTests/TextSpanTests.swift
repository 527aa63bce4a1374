import MedTextCore
import Testing

@Suite struct TextSpanTests {
    @Test(arguments: [
        (TextSpan(0, 5), TextSpan(4, 8), true),
        (TextSpan(0, 5), TextSpan(5, 8), false),  // half-open: touching is not overlapping
        (TextSpan(3, 3), TextSpan(0, 8), false),  // empty spans overlap nothing
        (TextSpan(2, 6), TextSpan(3, 4), true),
    ])
    func overlaps(a: TextSpan, b: TextSpan, expected: Bool) {
        #expect(a.overlaps(b) == expected)
        #expect(b.overlaps(a) == expected)
    }

    @Test func containsAndClamp() {
        let s = TextSpan(10, 20)
        #expect(s.contains(10))
        #expect(!s.contains(20))
        #expect(s.contains(TextSpan(12, 20)))
        #expect(!s.contains(TextSpan(9, 12)))
        #expect(TextSpan(5, 15).clamped(to: s) == TextSpan(10, 15))
        #expect(TextSpan(25, 30).clamped(to: s) == TextSpan(20, 20))
        #expect(TextSpan(0, 5).clamped(to: s) == TextSpan(10, 10))
        #expect(s.union(TextSpan(18, 25)) == TextSpan(10, 25))
        #expect(s.intersection(TextSpan(18, 25)) == TextSpan(18, 20))
        #expect(s.intersection(TextSpan(20, 25)) == nil)
        #expect(s.shifted(by: -10) == TextSpan(0, 10))
        #expect(s.length == 10)
    }

    @Test func ordersOuterBeforeInner() {
        let spans = [TextSpan(5, 6), TextSpan(0, 3), TextSpan(0, 10), TextSpan(5, 9)]
        #expect(spans.sorted() == [TextSpan(0, 10), TextSpan(0, 3), TextSpan(5, 9), TextSpan(5, 6)])
    }

    @Test func codableAsPair() throws {
        let data = try JSONEncoder().encode(TextSpan(3, 7))
        #expect(String(decoding: data, as: UTF8.self) == "[3,7]")
        #expect(try JSONDecoder().decode(TextSpan.self, from: data) == TextSpan(3, 7))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(TextSpan.self, from: Data("[7,3]".utf8)) }
    }
}

import Foundation
