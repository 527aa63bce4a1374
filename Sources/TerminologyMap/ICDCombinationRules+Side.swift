public import MedTextCore

extension ICDCombinationRules {
    /// Sides written right beside a diagnosis (`lexicons/data/icd/sides.tsv`): "Mild NPDR both
    /// eyes", "Cataract right", "a right conductive hearing loss". The recognizer attaches a side
    /// to its condition when it reads one as a DIRECTION; one it did not attach still selects the
    /// sided sibling of an "unspecified eye" code (ICD-10-CM laterality: right, left, bilateral).
    public struct Sides: Sendable, Hashable {
        /// Lower-case word or two-word phrase → `right`, `left` or `bilateral`.
        public var words: [String: String]

        public init(words: [String: String] = [:]) { self.words = words }

        /// Parses rows `side`, `words` (comma-separated lower-case words or two-word phrases).
        public static func parse(_ contents: String, file: String = "icd/sides.tsv") throws(TerminologyError) -> Sides {
            var out = Sides()
            for row in ICDTableRow.rows(contents) {
                let side = row.field("side")
                guard ["right", "left", "bilateral"].contains(side) else {
                    throw TerminologyError(.malformedSource, "a row is a side (right, left or bilateral) and its words", file: file, line: row.line)
                }
                for word in row.list("words") { out.words[word.lowercased()] = side }
            }
            return out
        }

        /// The side written in the one or two words right after the span on its line, else in
        /// the one or two words right before it, or nil.
        /// - Complexity: O(length of the four words read).
        public func side(beside span: TextSpan, in bytes: [UInt8]) -> String? {
            guard !words.isEmpty, span.end <= bytes.count else { return nil }
            func isWord(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || c == UInt8(ascii: "/") }
            func isGap(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == UInt8(ascii: "(") || c == UInt8(ascii: ")") }
            // Up to two words after the span.
            var after: [String] = []
            var k = span.end
            while after.count < 2, k < bytes.count {
                while k < bytes.count, isGap(bytes[k]) { k += 1 }
                let s = k
                while k < bytes.count, isWord(bytes[k]) { k += 1 }
                if k == s { break }
                after.append(String(decoding: bytes[s..<k], as: UTF8.self).lowercased())
            }
            if after.count == 2, let side = words[after[0] + " " + after[1]] { return side }
            if let first = after.first, let side = words[first] { return side }
            // Up to two words before the span.
            var before: [String] = []
            k = span.start
            while before.count < 2, k > 0 {
                while k > 0, isGap(bytes[k - 1]) { k -= 1 }
                let e = k
                while k > 0, isWord(bytes[k - 1]) { k -= 1 }
                if k == e { break }
                before.insert(String(decoding: bytes[k..<e], as: UTF8.self).lowercased(), at: 0)
            }
            if before.count == 2, let side = words[before[0] + " " + before[1]] { return side }
            if let last = before.last, let side = words[last] { return side }
            return nil
        }
    }
}
