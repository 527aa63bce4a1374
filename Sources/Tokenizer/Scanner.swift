public import MedTextCore

/// The byte-level token scanner. Splits UTF-8 text into tokens that cover it completely
/// (whitespace and newlines are tokens too), with the clinical rules described in
/// DESIGN.md ("Tokenizer"). Never fails and never splits inside a Unicode scalar or a
/// cluster of a base and its combining marks / joiners.
///
/// - Complexity: O(n) in the text's bytes; no allocation besides the token array.
public struct Scanner: Sendable {
    public init() {}

    /// Tokens of `text`.
    public func scan(_ text: String) -> [Token] {
        var t = text
        if let r = t.utf8.withContiguousStorageIfAvailable({ scan($0) }) { return r }
        t.makeContiguousUTF8()
        return t.utf8.withContiguousStorageIfAvailable { scan($0) } ?? []
    }

    /// Tokens of valid UTF-8 bytes.
    public func scan(_ bytes: [UInt8]) -> [Token] {
        bytes.withUnsafeBufferPointer { scan($0) }
    }

    /// Tokens of valid UTF-8 bytes.
    public func scan(_ p: UnsafeBufferPointer<UInt8>) -> [Token] {
        // Clinical text averages ~0.42 tokens per byte. The tokens are written straight into the array's reserved
        // storage (no uniqueness and capacity check per token, which were about 15 % of the scan); a text with more
        // tokens than reserved continues with appends.
        let capacity = p.count / 2 + 16
        var state = State()
        var tokens = [Token](unsafeUninitializedCapacity: capacity) { buffer, count in
            var k = 0
            while k < capacity && state.i < p.count {
                (buffer.baseAddress! + k).initialize(to: next(p, &state))
                k += 1
            }
            count = k
        }
        while state.i < p.count { tokens.append(next(p, &state)) }
        return tokens
    }

    /// Appends the tokens of `p` to `tokens`.
    public func scan(_ p: UnsafeBufferPointer<UInt8>, into tokens: inout [Token]) {
        var state = State()
        while state.i < p.count { tokens.append(next(p, &state)) }
    }

    /// Where the scan stands: the next byte, and what the previous token leaves for the next one's flags.
    struct State {
        var i = 0
        var prevSpace = true
        var atLineStart = true
    }

    /// The token at `state.i` (which must be before the end), advancing `state` past it.
    @inline(__always)
    func next(_ p: UnsafeBufferPointer<UInt8>, _ state: inout State) -> Token {
        let n = p.count
        var i = state.i
        let start = i
        var kind: TokenKind
        let b = p[i]
        if b < 0x80 {
            if isAlpha(b) {
                // Most words are ASCII letters ended by a space or punctuation: one loop gives their end and flags.
                if let (e, f) = plainWord(p, i) {
                    return finish(start: start, end: e, kind: .word, flags: f, &state)
                }
                i = wordEnd(p, i)
                kind = .word
            } else if isDigit(b) {
                (i, kind) = numberEnd(p, i)
            } else if b == 0x20 || b == 0x09 {
                // One space before a printable ASCII byte (most spaces): nothing for `spaceEnd` and `clusterEnd` to extend.
                if i + 1 < n, p[i + 1] &- 0x21 < 0x5E {
                    return finish(start: start, end: i + 1, kind: .whitespace, flags: .ascii, &state)
                }
                i = spaceEnd(p, i + 1)
                kind = .whitespace
            } else if b == 0x0A {
                i += 1
                kind = .newline
            } else if b == 0x0D {
                i += (i + 1 < n && p[i + 1] == 0x0A) ? 2 : 1
                kind = .newline
            } else {
                (i, kind) = asciiOther(p, i)
            }
        } else {
            let (v, len) = decodeScalar(p, i)
            switch classify(v) {
            case .letter, .digit:
                i = wordEnd(p, i)
                kind = .word
            case .space:
                i = spaceEnd(p, i + len)
                kind = .whitespace
            case .newline:
                i += len
                kind = .newline
            case .punctuation:
                i += len
                kind = .punctuation
            case .mark, .extender:
                i += len
                kind = .symbol
            case .symbol:
                if v == 0xB0, i + 2 < n, p[i + 2] == UInt8(ascii: "C") || p[i + 2] == UInt8(ascii: "F")
                    || p[i + 2] == UInt8(ascii: "c") || p[i + 2] == UInt8(ascii: "f"),
                    i + 3 >= n || !isWordish(p[i + 3])
                {
                    i += 3  // °C, °F: one unit token
                    kind = .word
                } else {
                    i += len
                    // A flag is a pair of regional indicators.
                    if (0x1F1E6...0x1F1FF).contains(v), i + 3 < n {
                        let (w, l2) = decodeScalar(p, i)
                        if (0x1F1E6...0x1F1FF).contains(w) { i += l2 }
                    }
                    kind = .symbol
                }
            }
        }
        if kind != .newline { i = clusterEnd(p, i) }
        let flags: TokenFlags
        switch kind {
        case .word, .number: flags = wordFlags(p, start, i)
        default: flags = asciiFlag(p, start, i)
        }
        return finish(start: start, end: i, kind: kind, flags: flags, &state)
    }

    /// The token from `start` to `end` with `flags` and the flags the previous token leaves (space before, line start),
    /// advancing `state` past it.
    @inline(__always)
    func finish(start: Int, end: Int, kind: TokenKind, flags: TokenFlags, _ state: inout State) -> Token {
        var flags = flags
        let space = kind == .whitespace || kind == .newline
        if state.prevSpace { flags.insert(.spaceBefore) }
        if !space && state.atLineStart { flags.insert(.lineStart) }
        if kind == .newline { state.atLineStart = true } else if !space { state.atLineStart = false }
        state.prevSpace = space
        state.i = end
        return Token(span: TextSpan(start, end), kind: kind, flags: flags)
    }

    /// A word of ASCII letters only from `i` (an ASCII letter), ended by a byte that none of ``wordEnd(_:_:)``'s rules
    /// reads on: its end and ``wordFlags(_:_:_:)``'s flags, in one loop over its bytes. Nil when the letters run into a
    /// digit, an apostrophe or a non-ASCII byte, or when one letter is followed by `.` or `/` (`b.i.d.`, `h/o`): those
    /// take `wordEnd` and `wordFlags` (session 14; before, every word was read by both, `alnumRun` tracking segments).
    @inline(__always)
    func plainWord(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Int, TokenFlags)? {
        let n = p.count
        let c0 = byteClass(p[i])
        var rest: UInt8 = 0
        var j = i + 1
        while j < n {
            let k = byteClass(p[j])
            guard k & 3 != 0 else { break }
            rest |= k
            j += 1
        }
        if j < n {
            let c = p[j]
            // A digit (letters then digits), a non-ASCII byte (a letter, a mark, a curly apostrophe), an apostrophe.
            if c &- 0x30 < 10 || c >= 0x80 || c == 0x27 { return nil }
            if j == i + 1 && (c == 0x2E || c == 0x2F) { return nil }
        }
        var f: TokenFlags = [.ascii, .hasLetter]
        if (c0 | rest) & 2 == 0 { f.insert(.allUpper) }
        if c0 == 1 && rest & 1 == 0 { f.insert(.titleCase) }
        return (j, f)
    }

    // MARK: - clusters and spaces

    /// Extends `i` over combining marks and joiners (and the scalar after a ZWJ), so that a
    /// token never ends inside a cluster.
    @inline(__always)
    func clusterEnd(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        var i = i
        while i < p.count && p[i] >= 0x80 {
            let (v, len) = decodeScalar(p, i)
            let c = classify(v)
            guard c == .mark || c == .extender else { break }
            i += len
            if v == 0x200D, i < p.count {  // ZWJ joins the next scalar (emoji sequences)
                let (w, l2) = decodeScalar(p, i)
                let cw = classify(w)
                if cw != .newline && cw != .space { i += l2 }
            }
        }
        return i
    }

    @inline(__always)
    func spaceEnd(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        var i = i
        while i < p.count {
            let b = p[i]
            if b == 0x20 || b == 0x09 { i += 1; continue }
            if b < 0x80 {
                if b == 0x0B || b == 0x0C || (b < 0x20 && b != 0x0A && b != 0x0D) || b == 0x7F { i += 1; continue }
                break
            }
            let (v, len) = decodeScalar(p, i)
            if classify(v) == .space { i += len } else { break }
        }
        return i
    }

    // MARK: - punctuation and symbols

    func asciiOther(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Int, TokenKind) {
        let n = p.count
        let b = p[i]
        switch b {
        case UInt8(ascii: "."):
            // .5 is a number when not glued to a preceding word or number.
            if i + 1 < n, isDigit(p[i + 1]), i == 0 || !isWordish(p[i - 1]) {
                var j = i + 2
                while j < n && isDigit(p[j]) { j += 1 }
                return (j, .number)
            }
            return (run(p, i), .punctuation)
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            // +ve / -ve
            if i + 2 < n, p[i + 1] | 0x20 == UInt8(ascii: "v"), p[i + 2] | 0x20 == UInt8(ascii: "e"),
                i + 3 >= n || !isWordish(p[i + 3])
            {
                return (i + 3, .word)
            }
            if b == UInt8(ascii: "-") { return (run(p, i), .punctuation) }
            return (i + 1, .symbol)
        case UInt8(ascii: "!"), UInt8(ascii: "?"):
            return (run(p, i), .punctuation)
        case UInt8(ascii: "#"), UInt8(ascii: "*"), UInt8(ascii: "="), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return (run(p, i), .symbol)
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "\""),
            UInt8(ascii: "'"):
            return (i + 1, .punctuation)
        case 0x00..<0x20, 0x7F:
            return (spaceEnd(p, i + 1), .whitespace)
        default:
            return (i + 1, .symbol)
        }
    }

    /// End of a run of the byte at `i`.
    @inline(__always)
    func run(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b = p[i]
        var j = i + 1
        while j < p.count && p[j] == b { j += 1 }
        return j
    }

    // MARK: - numbers

    /// A number starting with an ASCII digit: `12`, `2.5`, `1,000`; ordinals `1st` are words.
    func numberEnd(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Int, TokenKind) {
        let n = p.count
        var j = i + 1
        while j < n && isDigit(p[j]) { j += 1 }
        // Thousands separators: 1,000 and 12,500,000 (exactly three digits after each comma).
        if j - i <= 3 {
            while j + 3 < n, p[j] == UInt8(ascii: ","), isDigit(p[j + 1]), isDigit(p[j + 2]), isDigit(p[j + 3]),
                j + 4 >= n || !isDigit(p[j + 4])
            {
                j += 4
            }
        }
        if j + 1 < n, p[j] == UInt8(ascii: "."), isDigit(p[j + 1]) {
            j += 2
            while j < n && isDigit(p[j]) { j += 1 }
            return (j, .number)
        }
        // Ordinals: 1st 2nd 3rd 4th.
        if j + 1 < n, j + 2 >= n || !isWordish(p[j + 2]) {
            let a = p[j] | 0x20, c = p[j + 1] | 0x20
            if (a == UInt8(ascii: "s") && c == UInt8(ascii: "t")) || (a == UInt8(ascii: "n") && c == UInt8(ascii: "d"))
                || (a == UInt8(ascii: "r") && c == UInt8(ascii: "d")) || (a == UInt8(ascii: "t") && c == UInt8(ascii: "h"))
            {
                return (j + 2, .word)
            }
        }
        return (j, .number)
    }

    // MARK: - words

    /// Measurement prefixes glued to their value, which are split off: `BP140/90` → `BP` `140`.
    static let measurementPrefixes: [[UInt8]] = [
        "bp", "hr", "rr", "pr", "temp", "wt", "ht", "sat", "sats", "bsl", "bgl", "gcs", "hb", "inr", "wcc",
        "plt", "crp", "pulse", "resp", "bmi", "egfr", "cr", "na", "weight", "height", "age",
    ].map { Array($0.utf8) }

    /// Units after `q<digits>` that make a frequency token (`q6h`, `q4-6h`, `q30min`).
    static let frequencyUnits: [[UInt8]] = ["h", "hr", "hrs", "hrly", "d", "wk", "wks", "min", "mins", "m"].map { Array($0.utf8) }

    static func equalsLower(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ word: [UInt8]) -> Bool {
        guard r.count == word.count else { return false }
        var k = 0
        for j in r {
            if lowerASCII(p[j]) != word[k] { return false }
            k += 1
        }
        return true
    }

    struct AlnumRun {
        var end: Int
        var segments: Int
        var seg1End: Int
        var seg2End: Int
        var lastIsDigit: Bool
    }

    /// The maximal run of letters (any script, with their marks) and ASCII digits from `i`,
    /// with its letter/digit segments.
    @inline(__always)
    func alnumRun(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> AlnumRun {
        let n = p.count
        var j = i
        var segs = 0
        var last = false
        var seg1End = i, seg2End = i
        while j < n {
            let c = p[j]
            let d: Bool
            var len = 1
            if c < 0x80 {
                if isAlpha(c) { d = false } else if isDigit(c) { d = true } else { break }
            } else {
                let (v, l) = decodeScalar(p, j)
                let k = classify(v)
                guard k == .letter || k == .mark || k == .extender else { break }
                if v == 0x200D { break }  // a ZWJ inside a word ends it (handled as a cluster)
                d = false
                len = l
            }
            if segs == 0 || d != last {
                segs += 1
                if segs == 2 { seg1End = j }
                if segs == 3 { seg2End = j }
            }
            last = d
            j += len
        }
        if segs == 1 { seg1End = j }
        if segs == 2 { seg2End = j }
        return AlnumRun(end: j, segments: segs, seg1End: seg1End, seg2End: seg2End, lastIsDigit: last)
    }

    /// End of a word starting with a letter at `i`, after the clinical splitting rules.
    func wordEnd(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let n = p.count
        let r = alnumRun(p, i)
        var j = r.end
        if r.segments == 1 {
            // Single ASCII letter: dotted abbreviations (b.i.d., e.g.) and slash abbreviations (h/o, n/v/d).
            if j == i + 1 && p[i] < 0x80 {
                if let e = joined(p, j, UInt8(ascii: ".")) {
                    return e < n && p[e] == UInt8(ascii: ".") ? e + 1 : e
                }
                if i == 0 || p[i - 1] != UInt8(ascii: "/"), let e = joined(p, j, UInt8(ascii: "/")) {
                    return e
                }
            }
            // Inner apostrophes: O'Brien, Crohn's, don't.
            while j < n {
                let alen: Int
                if p[j] == UInt8(ascii: "'") { alen = 1 } else if isCurlyApostrophe(p, j) { alen = 3 } else { break }
                guard j + alen < n else { break }
                let c = p[j + alen]
                if c < 0x80 {
                    guard isAlpha(c) else { break }
                } else {
                    guard classify(decodeScalar(p, j + alen).value) == .letter else { break }
                }
                let r2 = alnumRun(p, j + alen)
                guard r2.segments == 1 else { break }
                j = r2.end
            }
            return j
        }
        // Letters then digits.
        let seg1 = i..<r.seg1End
        let digits = r.seg2End - r.seg1End
        // x3days, x2d, x10: the multiplier x is its own token.
        if seg1.count == 1 && p[i] | 0x20 == UInt8(ascii: "x") { return i + 1 }
        // Frequencies: q6h, q12h, q30min (kept by the segment rule below) and q4-6h.
        if seg1.count == 1 && p[i] | 0x20 == UInt8(ascii: "q") && r.segments == 2 && digits <= 2,
            j + 1 < n, p[j] == UInt8(ascii: "-"), isDigit(p[j + 1])
        {
            var k = j + 1
            while k < n && isDigit(p[k]) { k += 1 }
            var u = k
            while u < n && isAlpha(p[u]) { u += 1 }
            if u > k, u >= n || !isWordish(p[u]), Self.frequencyUnits.contains(where: { Self.equalsLower(p, k..<u, $0) }) {
                return u
            }
        }
        if digits >= 3 || Self.measurementPrefixes.contains(where: { Self.equalsLower(p, seg1, $0) }) {
            return r.seg1End
        }
        if r.segments == 2 && j + 1 < n && (p[j] == UInt8(ascii: ".") || p[j] == UInt8(ascii: ",")) && isDigit(p[j + 1]) {
            return r.seg1End  // T38.5, K4.2: a value glued to its label
        }
        j = r.end
        return j
    }

    /// From `j` (just after a single letter), the end of `<sep><letter>` repeats where each
    /// letter stands alone; `nil` unless at least one repeat matched.
    @inline(__always)
    func joined(_ p: UnsafeBufferPointer<UInt8>, _ j: Int, _ sep: UInt8) -> Int? {
        let n = p.count
        var k = j
        var groups = 0
        while k + 1 < n, p[k] == sep, isAlpha(p[k + 1]), k + 2 >= n || !isWordish(p[k + 2]) {
            k += 2
            groups += 1
        }
        return groups > 0 ? k : nil
    }

    // MARK: - flags

    @inline(__always)
    func asciiFlag(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> TokenFlags {
        for k in s..<e where p[k] >= 0x80 { return [] }
        return .ascii
    }

    @inline(__always)
    func wordFlags(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> TokenFlags {
        // A token led by an ASCII letter (most words): its first letter is its first byte, and a later upper-case
        // letter is any upper-case byte after it, so one OR of byte classes over the rest gives every flag.
        let c0 = byteClass(p[s])
        if c0 & 3 != 0 {
            var rest: UInt8 = 0
            for k in (s + 1)..<e { rest |= byteClass(p[k]) }
            let any = c0 | rest
            if any & 16 != 0 { return unicodeWordFlags(p, s, e) }
            var f: TokenFlags = [.ascii, .hasLetter]
            if any & 4 != 0 { f.insert(.hasDigit) }
            if any & 2 == 0 { f.insert(.allUpper) }
            if c0 == 1 && rest & 1 == 0 { f.insert(.titleCase) }
            if any & 8 != 0 { f.insert(.hasPeriod) }
            return f
        }
        var any: UInt8 = 0
        var sawLetter = false, firstUpper = false, laterUpper = false
        for k in s..<e {
            let c = byteClass(p[k])
            any |= c
            if c & 3 != 0 {
                if !sawLetter {
                    sawLetter = true
                    firstUpper = c == 1
                } else if c == 1 {
                    laterUpper = true
                }
            }
        }
        if any & 16 != 0 { return unicodeWordFlags(p, s, e) }
        var f: TokenFlags = .ascii
        if any & 4 != 0 { f.insert(.hasDigit) }
        if any & 3 != 0 {
            f.insert(.hasLetter)
            if any & 2 == 0 { f.insert(.allUpper) }
            if firstUpper && !laterUpper { f.insert(.titleCase) }
            if any & 8 != 0 { f.insert(.hasPeriod) }
        }
        return f
    }

    func unicodeWordFlags(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> TokenFlags {
        var ascii = true, upper = 0, lower = 0, digit = false, period = false
        var firstUpper = false, sawLetter = false, laterUpper = false
        var k = s
        while k < e {
            let b = p[k]
            if b < 0x80 {
                if isUpperASCII(b) {
                    upper += 1
                    if !sawLetter { firstUpper = true } else { laterUpper = true }
                    sawLetter = true
                } else if isLowerASCII(b) {
                    lower += 1
                    sawLetter = true
                } else if isDigit(b) {
                    digit = true
                } else if b == UInt8(ascii: ".") {
                    period = true
                }
                k += 1
            } else {
                ascii = false
                let (v, len) = decodeScalar(p, k)
                if let sc = Unicode.Scalar(v), sc.properties.isAlphabetic {
                    if sc.properties.isUppercase {
                        upper += 1
                        if !sawLetter { firstUpper = true } else { laterUpper = true }
                    } else if sc.properties.isLowercase {
                        lower += 1
                    }
                    sawLetter = true
                }
                k += len
            }
        }
        var f: TokenFlags = []
        if ascii { f.insert(.ascii) }
        if digit { f.insert(.hasDigit) }
        if sawLetter {
            f.insert(.hasLetter)
            if upper > 0 && lower == 0 { f.insert(.allUpper) }
            if firstUpper && !laterUpper { f.insert(.titleCase) }
        }
        if period && sawLetter { f.insert(.hasPeriod) }
        return f
    }
}
