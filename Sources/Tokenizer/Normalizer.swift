public import MedTextCore
import CICU

/// medtext's one text normalization: NFKC case folding and diacritic removal (through ICU,
/// see `medtext_icu_fold`), with an exact alignment back to the original bytes.
///
/// ASCII bytes are lower-cased directly. Non-ASCII text is folded one *cluster* at a time
/// (a base scalar with its combining marks and joiners), and every byte the cluster
/// produces is aligned to the cluster's first original byte. So `İ` → `i`, `ß` → `ss`,
/// `ﬁ` → `fi`, `Ａ` → `a`, `é`/`e\u{301}` → `e`, and an emoji stays itself: no normalized
/// span can end inside an original scalar, and lengths that change never shift later spans.
/// Default-ignorable scalars (soft hyphen, ZWJ, variation selectors) fold to nothing.
public struct Normalizer: TextNormalizing {
    private let scanner = Scanner()

    public init() {}

    // MARK: - TextNormalizing

    /// The normalized text of `text`, with alignment.
    /// - Complexity: O(n); ASCII text does no Unicode work.
    public func normalize(_ text: String) -> NormalizedText {
        var t = text
        t.makeContiguousUTF8()
        return t.utf8.withContiguousStorageIfAvailable { p -> NormalizedText in
            var bytes: [UInt8] = []
            var align: [Int] = []
            bytes.reserveCapacity(p.count)
            align.reserveCapacity(p.count + 1)
            var scratch = FoldScratch()
            var i = 0
            while i < p.count {
                let b = p[i]
                let e = Self.clusterEnd(p, i)
                if b < 0x80 && e == i + 1 {
                    bytes.append(lowerASCII(b))
                    align.append(i)
                } else {
                    let before = bytes.count
                    scratch.fold(p, i..<e, into: &bytes)
                    for _ in before..<bytes.count { align.append(i) }
                }
                i = e
            }
            align.append(p.count)
            return NormalizedText(bytes: bytes, alignment: align)
        }!
    }

    /// The normalized form of a lexicon term: the keys of its non-space tokens (see
    /// ``tokenKey(_:in:)``) joined by single spaces. Punctuation tokens are kept (so that
    /// `non-small-cell` becomes `non - small - cell`, exactly as a note's tokens are keyed);
    /// apostrophes and the periods of dotted abbreviations are dropped inside words
    /// (`Crohn's` → `crohns`, `b.i.d.` → `bid`).
    public func normalizedTerm(_ term: String) -> String {
        var t = term
        t.makeContiguousUTF8()
        return t.utf8.withContiguousStorageIfAvailable { p -> String in
            var out: [UInt8] = []
            out.reserveCapacity(p.count)
            for token in scanner.scan(p) where !token.isSpace {
                if !out.isEmpty { out.append(0x20) }
                let before = out.count
                Self.appendKey(token, in: p, to: &out)
                // A token whose key is empty (a lone ignorable) leaves no double space.
                if out.count == before && before > 0 { out.removeLast() }
            }
            return String(decoding: out, as: UTF8.self)
        }!
    }

    // MARK: - token keys

    /// The normalized key of one token, as bytes: the folded text, without apostrophes and
    /// without periods for words (`b.i.d.` → `bid`, `O'Brien` → `obrien`), without
    /// thousands commas for numbers (`1,000` → `1000`). Used by the phrase matcher and the
    /// section detector.
    /// - Complexity: O(token length); ASCII tokens do no Unicode work.
    public static func tokenKey(_ token: Token, in p: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(token.span.length)
        appendKey(token, in: p, to: &out)
        return out
    }

    /// The normalized key of one token of `bytes`.
    public static func tokenKey(_ token: Token, in bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { tokenKey(token, in: $0) }
    }

    /// Appends the key of `token` to `out` (no allocation when `out` has capacity and the
    /// token is ASCII).
    public static func appendKey(_ token: Token, in p: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let kind = token.kind
        @inline(__always) func drop(_ b: UInt8) -> Bool {
            switch kind {
            case .word: b == UInt8(ascii: "'") || b == UInt8(ascii: ".")
            case .number: b == UInt8(ascii: ",")
            default: false
            }
        }
        if token.flags.contains(.ascii) {
            for k in token.span.range {
                let b = p[k]
                if !drop(b) { out.append(lowerASCII(b)) }
            }
            return
        }
        var scratch = FoldScratch()
        var i = token.span.start
        let end = token.span.end
        while i < end {
            let b = p[i]
            let e = min(end, clusterEnd(p, i))
            if b < 0x80 && e == i + 1 {
                if !drop(b) { out.append(lowerASCII(b)) }
            } else if token.kind == .word && isCurlyApostrophe(p, i) && e == i + 3 {
                // U+2019 used as an apostrophe: dropped like '.
            } else {
                scratch.fold(p, i..<e, into: &out)
            }
            i = e
        }
    }

    /// ``appendKey(_:in:to:)`` for an ASCII token, written into a caller's buffer instead of an
    /// array (no growth or uniqueness checks per byte; the recognizer keys every token this way).
    /// - Returns: the key's length, or `nil` when the token is not ASCII or longer than `out`
    ///   (then use ``appendKey(_:in:to:)``).
    public static func writeASCIIKey(_ token: Token, in p: UnsafeBufferPointer<UInt8>, to out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        guard token.flags.contains(.ascii), token.span.length <= out.count else { return nil }
        var n = 0
        switch token.kind {
        case .word:
            for k in token.span.range {
                let b = p[k]
                if b == UInt8(ascii: "'") || b == UInt8(ascii: ".") { continue }
                out[n] = lowerASCII(b)
                n &+= 1
            }
        case .number:
            for k in token.span.range {
                let b = p[k]
                if b == UInt8(ascii: ",") { continue }
                out[n] = lowerASCII(b)
                n &+= 1
            }
        default:
            for k in token.span.range {
                out[n] = lowerASCII(p[k])
                n &+= 1
            }
        }
        return n
    }

    /// Token keys joined by single spaces.
    public static func join(_ keys: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        for (n, k) in keys.enumerated() {
            if n > 0 { out.append(0x20) }
            out.append(contentsOf: k)
        }
        return out
    }

    /// Lower-case ASCII with periods removed: the lookup key of an abbreviation (`Dr.` → `dr`).
    static func abbreviationKey(_ bytes: [UInt8]) -> [UInt8] {
        bytes.filter { $0 != UInt8(ascii: ".") }.map(lowerASCII)
    }

    /// End of the cluster starting at `i`: the scalar and its marks/joiners.
    @inline(__always)
    static func clusterEnd(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let first = p[i] < 0x80 ? 1 : decodeScalar(p, i).length
        if i + first < p.count && p[i + first] < 0x80 { return i + first }
        return Scanner().clusterEnd(p, i + first)
    }
}

/// Reusable UTF-16 buffers for ICU folding.
struct FoldScratch {
    var src: [UInt16] = []
    var dst: [UInt16] = []

    /// Folds the cluster `range` of `p` with ICU and appends the UTF-8 result to `out`.
    /// On an ICU failure the cluster is appended unchanged (normalization never fails).
    mutating func fold(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: inout [UInt8]) {
        src.removeAll(keepingCapacity: true)
        var i = range.lowerBound
        while i < range.upperBound {
            let (v, len) = decodeScalar(p, i)
            if let s = Unicode.Scalar(v) { src.append(contentsOf: UTF16.encode(s)!) }
            i += len
        }
        if dst.count < src.count * 4 + 16 { dst = [UInt16](repeating: 0, count: src.count * 4 + 16) }
        var n = src.withUnsafeBufferPointer { s in
            dst.withUnsafeMutableBufferPointer { d in
                medtext_icu_fold(s.baseAddress, Int32(s.count), d.baseAddress, Int32(d.count))
            }
        }
        if n > Int32(dst.count) {
            dst = [UInt16](repeating: 0, count: Int(n))
            n = src.withUnsafeBufferPointer { s in
                dst.withUnsafeMutableBufferPointer { d in
                    medtext_icu_fold(s.baseAddress, Int32(s.count), d.baseAddress, Int32(d.count))
                }
            }
        }
        guard n >= 0 else {
            out.append(contentsOf: p[range])
            return
        }
        for scalar in Unicode.UTF16.decode(dst[0..<Int(n)]) {
            out.append(contentsOf: UTF8.encode(scalar)!)
        }
    }
}

extension Unicode.UTF16 {
    /// Scalars of well-formed UTF-16 (ill-formed units become U+FFFD).
    fileprivate static func decode(_ units: ArraySlice<UInt16>) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var it = units.makeIterator()
        var d = UTF16()
        loop: while true {
            switch d.decode(&it) {
            case .scalarValue(let s): out.append(s)
            case .emptyInput: break loop
            case .error: out.append("\u{FFFD}")
            }
        }
        return out
    }
}
