/// Text after normalization (case folding, compatibility and diacritic folding), with an
/// alignment back to the original text, so that a span found in normalized text maps to
/// an exact span of the original.
public struct NormalizedText: Sendable, Hashable {
    /// The normalized UTF-8 bytes.
    public var bytes: [UInt8]
    /// For each normalized byte (and one past the end), the original byte offset it came from.
    /// `alignment.count == bytes.count + 1`; non-decreasing.
    public var alignment: [Int]

    public init(bytes: [UInt8], alignment: [Int]) {
        precondition(alignment.count == bytes.count + 1, "alignment needs one entry per byte plus the end")
        self.bytes = bytes
        self.alignment = alignment
    }

    /// The normalized text as a String.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The original span of a range of normalized bytes.
    public func originalSpan(of range: Range<Int>) -> TextSpan {
        let s = alignment[range.lowerBound]
        // The end maps to where the last included byte's original scalar ends:
        // the start of the next normalized byte that comes from a different original offset.
        var e = alignment[range.upperBound]
        if range.upperBound > range.lowerBound, e == alignment[range.upperBound - 1] {
            // The range ends inside the expansion of one original scalar: extend to its end.
            var j = range.upperBound
            while j < bytes.count && alignment[j] == e { j += 1 }
            e = alignment[j]
        }
        return TextSpan(s, Swift.max(s, e))
    }
}

/// Turns a term or a note into its normalized form. The Tokenizer provides the one
/// implementation; the terminology store takes it as a parameter so that lexicon terms
/// are normalized exactly like notes without depending on the Tokenizer module.
public protocol TextNormalizing: Sendable {
    /// The normalized form of `text`, with alignment to the original.
    func normalize(_ text: String) -> NormalizedText
    /// The normalized tokens of a lexicon term, as strings (for the terminology store's `norm` column).
    func normalizedTerm(_ term: String) -> String
}
