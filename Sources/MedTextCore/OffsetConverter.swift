/// The unit in which offsets are reported to the outside world.
public enum OffsetUnit: String, Sendable, Hashable, CaseIterable, Codable {
    /// UTF-8 bytes: medtext's internal unit.
    case utf8
    /// UTF-16 code units (JavaScript, Java, .NET).
    case utf16
    /// Unicode scalar values (Comprehend Medical, Python `str`). The default for JSON output.
    case codePoints = "codepoints"
}

/// A 1-based line and 1-based column; the column counts Unicode scalars from the line start.
public struct LineColumn: Hashable, Sendable, Codable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public var description: String { "\(line):\(column)" }
}

/// The one place where UTF-8 byte offsets become code points, UTF-16 units or
/// line/column, and back. Build it once per document.
///
/// Offsets inside a multi-byte scalar are rounded down to the scalar's start.
/// ASCII-only text takes an identity fast path.
///
/// - Complexity: building is O(n) in the text's bytes; each conversion is
///   O(log k) where k is the number of non-ASCII scalars (or lines).
public struct OffsetConverter: Sendable {
    /// Byte offset of every non-ASCII scalar, in order.
    private let wideStarts: [Int]
    /// Code point offset of every non-ASCII scalar.
    private let wideCodePoints: [Int]
    /// UTF-16 offset of every non-ASCII scalar.
    private let wideUTF16: [Int]
    /// UTF-8 length of every non-ASCII scalar (2, 3 or 4).
    private let wideLengths: [UInt8]
    /// Byte offset at which each line starts (line 1 starts at 0).
    private let lineStarts: [Int]
    /// Total sizes of the text in each unit.
    public let utf8Count: Int
    public let codePointCount: Int
    public let utf16Count: Int

    public init(_ text: String) {
        var t = text
        t.makeContiguousUTF8()
        var starts: [Int] = [], cps: [Int] = [], u16: [Int] = [], lens: [UInt8] = []
        var lines: [Int] = [0]
        var extra8 = 0, extra16 = 0
        let count = t.utf8.count
        t.utf8.withContiguousStorageIfAvailable { bytes in
            var i = 0
            let base = UnsafeRawPointer(bytes.baseAddress)
            while i < bytes.count {
                // Eight bytes at a time up to the first non-ASCII byte, LF or CR (SWAR; the lowest
                // flagged byte is exact because a borrow only reaches the bytes above a zero one).
                if i + 8 <= bytes.count, let base {
                    let w = UInt64(littleEndian: (base + i).loadUnaligned(as: UInt64.self))  // byte i lowest
                    let ones: UInt64 = 0x0101_0101_0101_0101
                    let lf = w ^ (ones &* 0x0A), cr = w ^ (ones &* 0x0D)
                    let found = (((lf &- ones) & ~lf) | ((cr &- ones) & ~cr) | w) & (ones &* 0x80)
                    if found == 0 {
                        i += 8
                        continue
                    }
                    i += found.trailingZeroBitCount >> 3
                }
                let b = bytes[i]
                if b < 0x80 {
                    if b == 0x0A {
                        lines.append(i + 1)
                    } else if b == 0x0D {
                        if i + 1 >= bytes.count || bytes[i + 1] != 0x0A { lines.append(i + 1) }
                    }
                    i += 1
                    continue
                }
                let len = b >= 0xF0 ? 4 : (b >= 0xE0 ? 3 : 2)
                starts.append(i)
                cps.append(i - extra8)
                u16.append(i - extra8 + extra16)
                lens.append(UInt8(len))
                extra8 += len - 1
                if len == 4 { extra16 += 1 }
                // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR, U+0085 NEL end lines too.
                if (len == 3 && b == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80
                    && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9))
                    || (len == 2 && b == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0x85)
                {
                    lines.append(i + len)
                }
                i += len
            }
        }
        wideStarts = starts
        wideCodePoints = cps
        wideUTF16 = u16
        wideLengths = lens
        lineStarts = lines
        utf8Count = count
        codePointCount = count - extra8
        utf16Count = count - extra8 + extra16
    }

    /// True when the text is pure ASCII (every conversion is the identity).
    public var isASCII: Bool { wideStarts.isEmpty }

    /// Number of entries of `array` strictly less than `value` (array sorted ascending).
    @inline(__always)
    private static func countLess(_ array: [Int], _ value: Int) -> Int {
        var lo = 0, hi = array.count
        while lo < hi {
            let mid = (lo &+ hi) >> 1
            if array[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    // MARK: UTF-8 -> other units

    /// The code point offset of a UTF-8 offset.
    public func codePointOffset(ofUTF8 offset: Int) -> Int {
        if wideStarts.isEmpty { return offset }
        let k = Self.countLess(wideStarts, offset)
        if k == 0 { return offset }
        let j = k - 1
        let scalarEnd = wideStarts[j] + Int(wideLengths[j])
        if offset < scalarEnd { return wideCodePoints[j] }  // inside a scalar: round down
        return wideCodePoints[j] + 1 + (offset - scalarEnd)
    }

    /// The UTF-16 offset of a UTF-8 offset.
    public func utf16Offset(ofUTF8 offset: Int) -> Int {
        if wideStarts.isEmpty { return offset }
        let k = Self.countLess(wideStarts, offset)
        if k == 0 { return offset }
        let j = k - 1
        let scalarEnd = wideStarts[j] + Int(wideLengths[j])
        if offset < scalarEnd { return wideUTF16[j] }
        let width = wideLengths[j] == 4 ? 2 : 1
        return wideUTF16[j] + width + (offset - scalarEnd)
    }

    /// The offset of a UTF-8 offset in `unit`.
    public func offset(ofUTF8 offset: Int, in unit: OffsetUnit) -> Int {
        switch unit {
        case .utf8: return offset
        case .utf16: return utf16Offset(ofUTF8: offset)
        case .codePoints: return codePointOffset(ofUTF8: offset)
        }
    }

    /// `span` expressed in `unit`, as a half-open range.
    public func range(of span: TextSpan, in unit: OffsetUnit) -> Range<Int> {
        offset(ofUTF8: span.start, in: unit)..<offset(ofUTF8: span.end, in: unit)
    }

    // MARK: other units -> UTF-8

    /// The UTF-8 offset of a code point offset, or `nil` when it lies outside the text.
    public func utf8Offset(ofCodePoint cp: Int) -> Int? {
        guard cp >= 0, cp <= codePointCount else { return nil }
        if wideStarts.isEmpty { return cp }
        let k = Self.countLess(wideCodePoints, cp)
        if k == 0 { return cp }
        let j = k - 1
        return wideStarts[j] + Int(wideLengths[j]) + (cp - wideCodePoints[j] - 1)
    }

    /// The UTF-8 offset of a UTF-16 offset, or `nil` when it lies outside the text or
    /// between the two halves of a surrogate pair.
    public func utf8Offset(ofUTF16 u: Int) -> Int? {
        guard u >= 0, u <= utf16Count else { return nil }
        if wideStarts.isEmpty { return u }
        let k = Self.countLess(wideUTF16, u)
        if k == 0 { return u }
        let j = k - 1
        let width = wideLengths[j] == 4 ? 2 : 1
        if u < wideUTF16[j] + width { return nil }
        return wideStarts[j] + Int(wideLengths[j]) + (u - wideUTF16[j] - width)
    }

    /// The UTF-8 offset of an offset in `unit`, or `nil` when it is out of range.
    public func utf8Offset(of offset: Int, in unit: OffsetUnit) -> Int? {
        switch unit {
        case .utf8: return (0...utf8Count).contains(offset) ? offset : nil
        case .utf16: return utf8Offset(ofUTF16: offset)
        case .codePoints: return utf8Offset(ofCodePoint: offset)
        }
    }

    /// The span for a half-open range given in `unit`, or `nil` when either end is out of range.
    public func span(from range: Range<Int>, in unit: OffsetUnit) -> TextSpan? {
        guard let s = utf8Offset(of: range.lowerBound, in: unit),
              let e = utf8Offset(of: range.upperBound, in: unit) else { return nil }
        return TextSpan(s, e)
    }

    // MARK: lines

    /// Number of lines (a trailing line break starts an empty last line).
    public var lineCount: Int { lineStarts.count }

    /// The 1-based line and column (in code points) of a UTF-8 offset.
    /// Line breaks are LF, CRLF, CR, NEL, U+2028 and U+2029.
    public func lineColumn(ofUTF8 offset: Int) -> LineColumn {
        let line = Self.countLess(lineStarts, offset + 1)  // lines starting at or before offset
        let start = lineStarts[line - 1]
        return LineColumn(line: line, column: codePointOffset(ofUTF8: offset) - codePointOffset(ofUTF8: start) + 1)
    }

    /// The UTF-8 offset of a 1-based line and column, or `nil` when the line does not exist.
    /// A column past the end of the line is clamped to the line's end.
    public func utf8Offset(of position: LineColumn) -> Int? {
        guard position.line >= 1, position.line <= lineStarts.count, position.column >= 1 else { return nil }
        let start = lineStarts[position.line - 1]
        let next = position.line < lineStarts.count ? lineStarts[position.line] : utf8Count
        let target = codePointOffset(ofUTF8: start) + position.column - 1
        guard let off = utf8Offset(ofCodePoint: Swift.min(target, codePointCount)) else { return nil }
        return Swift.min(off, next)
    }
}
