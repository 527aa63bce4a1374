/// A clinical note: an identifier and its text.
///
/// The document owns the text; tokens, sentences, sections and entities are
/// views into it by ``TextSpan``.
public struct Document: Sendable, Hashable {
    /// Caller-chosen identifier (a DocumentReference id, a file name, a line number...).
    public var id: String
    /// The original text, exactly as received. All spans index its UTF-8 bytes.
    public var text: String

    public init(id: String = "", text: String) {
        self.id = id
        var t = text
        t.makeContiguousUTF8()
        self.text = t
    }

    /// Number of UTF-8 bytes in the text.
    /// - Complexity: O(1) for native strings.
    public var utf8Count: Int { text.utf8.count }

    /// The text covered by `span`. `span` must lie on Unicode scalar boundaries
    /// (every span medtext produces does); otherwise invalid bytes are repaired.
    /// - Complexity: O(span.length)
    public func text(in span: TextSpan) -> Substring {
        let u = text.utf8
        let clamped = span.clamped(to: TextSpan(0, u.count))
        let lo = u.index(u.startIndex, offsetBy: clamped.start)
        let hi = u.index(lo, offsetBy: clamped.length)
        if scalarAligned(clamped) == clamped { return Substring(u[lo..<hi]) }
        return Substring(String(decoding: u[lo..<hi], as: UTF8.self))
    }

    /// A scalar-aligned span: moves `start` back and `end` forward to the nearest
    /// Unicode scalar boundaries.
    public func scalarAligned(_ span: TextSpan) -> TextSpan {
        text.utf8.withContiguousStorageIfAvailable { bytes -> TextSpan in
            var s = Swift.max(0, Swift.min(span.start, bytes.count))
            var e = Swift.max(s, Swift.min(span.end, bytes.count))
            while s > 0 && UTF8.isContinuation(bytes[s]) { s -= 1 }
            while e < bytes.count && UTF8.isContinuation(bytes[e]) { e += 1 }
            return TextSpan(s, e)
        } ?? span
    }
}
