// Byte and scalar classification shared by the scanner, the normalizer, the sentence
// splitter and the section detector. ASCII is decided by comparisons on bytes; only
// non-ASCII scalars go through Unicode properties.

@inline(__always) func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
@inline(__always) func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
@inline(__always) func isUpperASCII(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
@inline(__always) func isLowerASCII(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
@inline(__always) func lowerASCII(_ b: UInt8) -> UInt8 { isUpperASCII(b) ? b | 0x20 : b }
/// A byte that may start (or continue) a word: ASCII letter or digit, or any non-ASCII byte
/// (conservative: used where a following letter must block a rule).
@inline(__always) func isWordish(_ b: UInt8) -> Bool { isAlpha(b) || isDigit(b) || b >= 0x80 }

/// Unicode class of a scalar, as the tokenizer sees it.
enum ScalarClass: UInt8 {
    /// Letters and non-ASCII numbers: part of words.
    case letter
    /// ASCII digits.
    case digit
    /// Combining marks: extend the previous scalar's cluster.
    case mark
    /// ZWJ, variation selectors, emoji modifiers, tags, format characters: extend the cluster.
    case extender
    case space
    case newline
    case punctuation
    case symbol
}

/// Decodes the scalar starting at `i` (the text is valid UTF-8). Returns its value and length.
@inline(__always)
func decodeScalar(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (value: UInt32, length: Int) {
    let b0 = UInt32(p[i])
    if b0 < 0x80 { return (b0, 1) }
    let n = p.count
    if b0 < 0xE0 {
        guard i + 1 < n else { return (0xFFFD, 1) }
        return (((b0 & 0x1F) << 6) | (UInt32(p[i + 1]) & 0x3F), 2)
    }
    if b0 < 0xF0 {
        guard i + 2 < n else { return (0xFFFD, n - i) }
        return (((b0 & 0x0F) << 12) | ((UInt32(p[i + 1]) & 0x3F) << 6) | (UInt32(p[i + 2]) & 0x3F), 3)
    }
    guard i + 3 < n else { return (0xFFFD, n - i) }
    return (((b0 & 0x07) << 18) | ((UInt32(p[i + 1]) & 0x3F) << 12) | ((UInt32(p[i + 2]) & 0x3F) << 6)
        | (UInt32(p[i + 3]) & 0x3F), 4)
}

/// Class of a scalar value.
func classify(_ v: UInt32) -> ScalarClass {
    if v < 0x80 {
        let b = UInt8(v)
        if isAlpha(b) { return .letter }
        if isDigit(b) { return .digit }
        switch b {
        case 0x0A, 0x0D: return .newline
        case 0x20, 0x09, 0x0B, 0x0C: return .space
        case 0x00..<0x20, 0x7F: return .space
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
            UInt8(ascii: "?"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "-"):
            return .punctuation
        default: return .symbol
        }
    }
    switch v {
    case 0x85, 0x2028, 0x2029: return .newline
    case 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF, 0x2060: return .space
    case 0x200C, 0x200D, 0xFE00...0xFE0F, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F, 0xE0100...0xE01EF:
        return .extender
    default: break
    }
    guard let s = Unicode.Scalar(v) else { return .symbol }
    switch s.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
        .decimalNumber, .letterNumber, .otherNumber:
        return .letter
    case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
    case .format: return .extender
    case .spaceSeparator: return .space
    case .lineSeparator, .paragraphSeparator: return .newline
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
        .initialPunctuation, .finalPunctuation, .otherPunctuation:
        return .punctuation
    case .control: return .space
    default: return .symbol
    }
}

/// True for U+2019 RIGHT SINGLE QUOTATION MARK, used as an apostrophe.
@inline(__always)
func isCurlyApostrophe(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    i + 2 < p.count && p[i] == 0xE2 && p[i + 1] == 0x80 && p[i + 2] == 0x99
}

/// Class bits of a byte: 1 upper-case ASCII letter, 2 lower-case ASCII letter, 4 ASCII digit,
/// 8 period, 16 non-ASCII byte. A 256-byte constant table (printable: value + 0x40).
@inline(__always)
func byteClass(_ b: UInt8) -> UInt8 {
    let table: StaticString = """
        @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@H@DDDDDDDDDD@@@@@@@AAAAAAAAAAAAAAAAAAAAAAAAAA@@@@@@BBBBBBBBBBBBBBBBBBBBBBBBBB@@@@@PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP
        """
    return table.utf8Start[Int(b)] & 0x1F
}

/// An immutable open-addressing hash table from 64-bit keys to small integers, built once.
/// Lookups hash with one multiplication (no `Hasher`), for per-line and per-period lookups.
struct UInt64Table: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var used: [Bool]
    private let shift: UInt64

    init(_ pairs: [(UInt64, Int32)]) {
        var bits: UInt64 = 4
        while (1 << bits) < pairs.count * 4 { bits += 1 }
        let size = 1 << Int(bits)
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
        used = [Bool](repeating: false, count: size)
        shift = 64 - bits
        for (k, v) in pairs {
            var i = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while used[i] && keys[i] != k { i = (i + 1) & (size - 1) }
            keys[i] = k
            values[i] = v
            used[i] = true
        }
    }

    @inline(__always)
    func find(_ k: UInt64) -> Int32? {
        let mask = keys.count - 1
        var i = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while used[i] {
            if keys[i] == k { return values[i] }
            i = (i + 1) & mask
        }
        return nil
    }
}
