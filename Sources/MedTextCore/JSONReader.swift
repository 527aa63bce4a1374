/// A parsed JSON value. Objects keep their members in input order (duplicates included: a
/// lookup takes the last, as Foundation's `JSONSerialization` does); numbers keep their literal.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number as written (`38.50`, `-1e3`).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    /// The member `key` of an object (the last one when the key repeats), or nil when this is not
    /// an object or has no such member.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last(where: { $0.key == key })?.value
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var isObject: Bool {
        if case .object = self { return true }
        return false
    }

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)): return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    public func hash(into h: inout Hasher) {
        switch self {
        case .null: h.combine(0)
        case .bool(let b): h.combine(b)
        case .number(let n): h.combine(n)
        case .string(let s): h.combine(s)
        case .array(let a): h.combine(a)
        case .object(let o):
            h.combine(o.count)
            for m in o {
                h.combine(m.key)
                h.combine(m.value)
            }
        }
    }
}

/// A strict JSON parser (RFC 8259) over UTF-8 bytes that accepts and rejects what Foundation's
/// `JSONSerialization` does for a document whose top level is an object or array: a leading
/// UTF-8 byte-order mark is skipped; invalid UTF-8, unescaped control characters, lone
/// surrogate escapes, numbers outside the grammar or beyond `Double`'s range, trailing content
/// and nesting deeper than 512 levels are errors; like Foundation, one trailing comma in an
/// object or array is accepted. Never traps on bad input.
public enum JSONReader {
    /// Nesting limit (arrays and objects), as in Foundation's parser.
    public static let maximumDepth = 512

    /// The parsed value, or nil when `bytes` is not valid JSON.
    public static func parse(_ bytes: [UInt8]) -> JSONValue? {
        bytes.withUnsafeBufferPointer { parse($0) }
    }

    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        var p = Parser(b: bytes)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { p.i = 3 }
        p.skipWhitespace()
        guard let v = p.value(depth: 0) else { return nil }
        p.skipWhitespace()
        return p.i == bytes.count ? v : nil
    }

    struct Parser {
        let b: UnsafeBufferPointer<UInt8>
        var i = 0

        @inline(__always)
        mutating func skipWhitespace() {
            while i < b.count {
                let c = b[i]
                guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
                i += 1
            }
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard b.count - i >= n else { return false }
            for k in 0..<n where b[i + k] != word.utf8Start[k] { return false }
            i += n
            return true
        }

        mutating func value(depth: Int) -> JSONValue? {
            guard i < b.count else { return nil }
            switch b[i] {
            case UInt8(ascii: "{"):
                guard depth < JSONReader.maximumDepth else { return nil }
                i += 1
                var members: [(key: String, value: JSONValue)] = []
                skipWhitespace()
                if i < b.count, b[i] == UInt8(ascii: "}") {
                    i += 1
                    return .object(members)
                }
                while true {
                    guard i < b.count, b[i] == UInt8(ascii: "\""), let k = string() else { return nil }
                    skipWhitespace()
                    guard i < b.count, b[i] == UInt8(ascii: ":") else { return nil }
                    i += 1
                    skipWhitespace()
                    guard let v = value(depth: depth + 1) else { return nil }
                    members.append((k, v))
                    skipWhitespace()
                    guard i < b.count else { return nil }
                    if b[i] == UInt8(ascii: "}") {
                        i += 1
                        return .object(members)
                    }
                    guard b[i] == UInt8(ascii: ",") else { return nil }
                    i += 1
                    skipWhitespace()
                    // Foundation accepts one trailing comma.
                    if i < b.count, b[i] == UInt8(ascii: "}") {
                        i += 1
                        return .object(members)
                    }
                }
            case UInt8(ascii: "["):
                guard depth < JSONReader.maximumDepth else { return nil }
                i += 1
                var elements: [JSONValue] = []
                skipWhitespace()
                if i < b.count, b[i] == UInt8(ascii: "]") {
                    i += 1
                    return .array(elements)
                }
                while true {
                    guard let v = value(depth: depth + 1) else { return nil }
                    elements.append(v)
                    skipWhitespace()
                    guard i < b.count else { return nil }
                    if b[i] == UInt8(ascii: "]") {
                        i += 1
                        return .array(elements)
                    }
                    guard b[i] == UInt8(ascii: ",") else { return nil }
                    i += 1
                    skipWhitespace()
                    if i < b.count, b[i] == UInt8(ascii: "]") {
                        i += 1
                        return .array(elements)
                    }
                }
            case UInt8(ascii: "\""):
                return string().map { .string($0) }
            case UInt8(ascii: "t"):
                return literal("true") ? .bool(true) : nil
            case UInt8(ascii: "f"):
                return literal("false") ? .bool(false) : nil
            case UInt8(ascii: "n"):
                return literal("null") ? .null : nil
            default:
                return number()
            }
        }

        @inline(__always)
        func isDigit(_ k: Int) -> Bool { k < b.count && b[k] >= 0x30 && b[k] <= 0x39 }

        mutating func number() -> JSONValue? {
            let start = i
            if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
            guard isDigit(i) else { return nil }
            if b[i] == 0x30 {
                i += 1
            } else {
                while isDigit(i) { i += 1 }
            }
            var simple = true
            if i < b.count, b[i] == UInt8(ascii: ".") {
                simple = false
                i += 1
                guard isDigit(i) else { return nil }
                while isDigit(i) { i += 1 }
            }
            if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
                simple = false
                i += 1
                if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
                guard isDigit(i) else { return nil }
                while isDigit(i) { i += 1 }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
            // Foundation reads numbers as Int64 or Double and refuses those that overflow to infinity.
            if !(simple && i - start <= 18), !(Double(text)?.isFinite ?? false) { return nil }
            return .number(text)
        }

        /// Four hex digits at `k`.
        func hex4(_ k: Int) -> UInt32? {
            guard k + 4 <= b.count else { return nil }
            var v: UInt32 = 0
            for j in k..<(k + 4) {
                let c = b[j]
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x41...0x46: d = UInt32(c - 0x41 + 10)
                case 0x61...0x66: d = UInt32(c - 0x61 + 10)
                default: return nil
                }
                v = v << 4 | d
            }
            return v
        }

        /// True when the 8 bytes at `k` (all inside the buffer) are printable ASCII other than
        /// a quote or a backslash: one word test instead of eight byte tests (SWAR: a byte's
        /// high bit is set in `x - 0x01...` & ~x only when that byte, or one below it, is zero,
        /// so "any byte matches" is exact).
        @inline(__always)
        func plainWord(_ k: Int) -> Bool {
            let w = UnsafeRawPointer(b.baseAddress! + k).loadUnaligned(as: UInt64.self)
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            let quote = w ^ (ones &* 0x22), backslash = w ^ (ones &* 0x5C)
            let control = (w &- ones &* 0x20) & ~w
            let found = control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | w
            return found & highs == 0
        }

        /// The string starting at the quote at `i`; nil when it is invalid.
        mutating func string() -> String? {
            i += 1
            let start = i
            // Fast path: no escapes, printable ASCII or valid UTF-8 multibyte sequences.
            var ascii = true
            while i < b.count {
                if i + 8 <= b.count, plainWord(i) {
                    i += 8
                    continue
                }
                let c = b[i]
                if c == UInt8(ascii: "\"") {
                    let raw = UnsafeBufferPointer(rebasing: b[start..<i])
                    i += 1
                    if ascii { return String(decoding: raw, as: UTF8.self) }
                    return String(validating: raw, as: UTF8.self)
                }
                if c == UInt8(ascii: "\\") { break }
                if c < 0x20 { return nil }
                if c >= 0x80 { ascii = false }
                i += 1
            }
            guard i < b.count else { return nil }
            // Slow path: unescape into a buffer, validating UTF-8 of the raw runs.
            var out: [UInt8] = Array(UnsafeBufferPointer(rebasing: b[start..<i]))
            while i < b.count {
                // Runs of plain ASCII are copied eight bytes at a time.
                var j = i
                while j + 8 <= b.count, plainWord(j) { j += 8 }
                if j > i {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<j]))
                    i = j
                    guard i < b.count else { break }
                }
                let c = b[i]
                if c == UInt8(ascii: "\"") {
                    i += 1
                    return String(validating: out, as: UTF8.self)
                }
                if c < 0x20 { return nil }
                if c != UInt8(ascii: "\\") {
                    out.append(c)
                    i += 1
                    continue
                }
                guard i + 1 < b.count else { return nil }
                let e = b[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard let u = hex4(i) else { return nil }
                    i += 4
                    var scalar = u
                    if u >= 0xD800 && u <= 0xDBFF {
                        // A high surrogate must be followed by an escaped low surrogate.
                        guard i + 6 <= b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u"),
                            let lo = hex4(i + 2), lo >= 0xDC00 && lo <= 0xDFFF
                        else { return nil }
                        i += 6
                        scalar = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00)
                    } else if u >= 0xDC00 && u <= 0xDFFF {
                        return nil
                    }
                    guard let s = Unicode.Scalar(scalar) else { return nil }
                    out.append(contentsOf: UTF8.encode(s)!)
                default: return nil
                }
            }
            return nil
        }
    }
}
