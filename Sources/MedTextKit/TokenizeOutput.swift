public import MedTextCore
public import Foundation

/// The JSON document `medtext tokenize` prints. Offsets are converted from UTF-8 only
/// through ``OffsetConverter``, into the unit named by `offsets`; `end` is exclusive.
public struct TokenizeOutput: Codable, Sendable, Hashable {
    public struct TokenEntry: Codable, Sendable, Hashable {
        public var begin: Int
        public var end: Int
        public var kind: String
        public var text: String
    }

    public struct SentenceEntry: Codable, Sendable, Hashable {
        public var begin: Int
        public var end: Int
        public var text: String
    }

    public struct SectionEntry: Codable, Sendable, Hashable {
        public var type: String
        public var begin: Int
        public var end: Int
        public var headerBegin: Int?
        public var headerEnd: Int?
        public var header: String?
        public var ruleId: String?
    }

    /// The unit of every offset: `utf8`, `utf16` or `codepoints`.
    public var offsets: String
    public var tokens: [TokenEntry]
    public var sentences: [SentenceEntry]
    public var sections: [SectionEntry]

    /// Builds the output for an annotated document.
    /// - Parameters:
    ///   - unit: the offset unit.
    ///   - includeSpace: include whitespace and newline tokens.
    public init(_ annotated: AnnotatedDocument, unit: OffsetUnit, includeSpace: Bool = false) {
        let doc = annotated.document
        let converter = OffsetConverter(doc.text)
        func range(_ s: TextSpan) -> Range<Int> { converter.range(of: s, in: unit) }
        offsets = unit.rawValue
        tokens = annotated.tokens.compactMap { t in
            if t.isSpace && !includeSpace { return nil }
            let r = range(t.span)
            return TokenEntry(begin: r.lowerBound, end: r.upperBound, kind: "\(t.kind)", text: String(doc.text(in: t.span)))
        }
        sentences = annotated.sentences.map { s in
            let r = range(s.span)
            return SentenceEntry(begin: r.lowerBound, end: r.upperBound, text: String(doc.text(in: s.span)))
        }
        sections = annotated.sections.map { s in
            let r = range(s.span)
            let h = s.headerSpan.map(range)
            return SectionEntry(
                type: s.type.rawValue, begin: r.lowerBound, end: r.upperBound, headerBegin: h?.lowerBound,
                headerEnd: h?.upperBound, header: s.headerSpan.map { String(doc.text(in: $0)) }, ruleId: s.ruleID)
        }
    }

    /// Deterministic JSON: sorted keys, pretty-printed, `/` not escaped, trailing newline.
    public func jsonData() throws -> Data {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try enc.encode(self)
        data.append(0x0A)
        return data
    }
}
