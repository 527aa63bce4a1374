/// A half-open range of UTF-8 byte offsets into the *original* text of a document.
///
/// Every stage of medtext reports positions as `TextSpan`s. Conversions to Unicode
/// code points (what Comprehend Medical and Python report), UTF-16 code units
/// (JavaScript, Java) or line/column go through one ``OffsetConverter`` per document;
/// never do offset arithmetic by hand elsewhere.
public struct TextSpan: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// First byte of the span.
    public var start: Int
    /// One past the last byte of the span.
    public var end: Int

    /// Creates a span. `start` must not exceed `end`.
    @inlinable
    public init(_ start: Int, _ end: Int) {
        precondition(start <= end, "TextSpan start must not exceed end")
        self.start = start
        self.end = end
    }

    /// Creates a span from a range of byte offsets.
    @inlinable
    public init(_ range: Range<Int>) {
        self.start = range.lowerBound
        self.end = range.upperBound
    }

    /// Number of bytes covered.
    /// - Complexity: O(1)
    @inlinable public var length: Int { end - start }

    /// True when the span covers no byte.
    @inlinable public var isEmpty: Bool { start == end }

    /// The span as a `Range<Int>`.
    @inlinable public var range: Range<Int> { start..<end }

    /// True when `offset` lies inside the span.
    @inlinable public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }

    /// True when `other` lies entirely inside this span. An empty span at a boundary is contained.
    @inlinable public func contains(_ other: TextSpan) -> Bool { other.start >= start && other.end <= end }

    /// True when the two spans share at least one byte.
    @inlinable public func overlaps(_ other: TextSpan) -> Bool {
        start < end && other.start < other.end && start < other.end && other.start < end
    }

    /// The part of this span that lies inside `bounds` (possibly empty, placed at the nearest bound).
    @inlinable
    public func clamped(to bounds: TextSpan) -> TextSpan {
        let s = Swift.min(Swift.max(start, bounds.start), bounds.end)
        let e = Swift.min(Swift.max(end, s), bounds.end)
        return TextSpan(s, e)
    }

    /// The smallest span covering both spans.
    @inlinable
    public func union(_ other: TextSpan) -> TextSpan {
        TextSpan(Swift.min(start, other.start), Swift.max(end, other.end))
    }

    /// The shared bytes of both spans, or `nil` when they do not overlap.
    @inlinable
    public func intersection(_ other: TextSpan) -> TextSpan? {
        let s = Swift.max(start, other.start), e = Swift.min(end, other.end)
        return s < e ? TextSpan(s, e) : nil
    }

    /// The span moved by `delta` bytes.
    @inlinable public func shifted(by delta: Int) -> TextSpan { TextSpan(start + delta, end + delta) }

    /// Orders by start, then by *longer first* (so an outer span sorts before the spans it contains).
    @inlinable
    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end > rhs.end
    }

    public var description: String { "[\(start),\(end))" }
}

extension TextSpan: Codable {
    public init(from decoder: any Decoder) throws {
        var c = try decoder.unkeyedContainer()
        let s = try c.decode(Int.self), e = try c.decode(Int.self)
        guard s <= e, s >= 0 else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "TextSpan start must be >= 0 and <= end")
        }
        self.init(s, e)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(start)
        try c.encode(end)
    }
}

/// A value that covers a span of the note's bytes (tokens, sentences, sections, entities).
public protocol TextSpanned {
    var span: TextSpan { get }
}

extension Token: TextSpanned {}
extension Sentence: TextSpanned {}
extension Section: TextSpanned {}
extension Entity: TextSpanned {}

extension Array where Element: TextSpanned {
    /// The index of the first element whose span ends after byte `offset` (`count` when none does). In an array of
    /// spans in text order that do not overlap, that element holds `offset` when any does (check with
    /// `span.contains(offset)`), else it is the first after `offset`.
    /// - Complexity: O(log n).
    @inlinable
    public func firstIndex(endingAfter offset: Int) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid].span.end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Whether the elements are already in the order of their spans (`sorted { $0.span < $1.span }` would leave
    /// them as they are), so a caller can skip that sort.
    /// - Complexity: O(n).
    @inlinable
    public var isInSpanOrder: Bool {
        var k = 1
        while k < count {
            if self[k].span < self[k - 1].span { return false }
            k += 1
        }
        return true
    }
}
