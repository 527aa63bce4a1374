/// A minimal scanner over JSON text that is already known to be valid (it was parsed once):
/// finds the byte ranges of an object's members and an array's elements, so that a record can
/// be edited (write-back) without re-serializing it and changing its numbers or key order.
enum JSONScan {
    static func skipWhitespace(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        var i = i
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        return i
    }

    /// The index just past the string that starts at `i` (a quote).
    static func skipString(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        var i = i + 1
        while i < b.count {
            switch b[i] {
            case UInt8(ascii: "\\"): i += 2
            case UInt8(ascii: "\""): return i + 1
            default: i += 1
            }
        }
        return nil
    }

    /// The index just past the value that starts at `i`.
    static func skipValue(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        guard i < b.count else { return nil }
        switch b[i] {
        case UInt8(ascii: "\""):
            return skipString(b, i)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var j = i
            while j < b.count {
                switch b[j] {
                case UInt8(ascii: "\""):
                    guard let k = skipString(b, j) else { return nil }
                    j = k
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return j + 1 }
                default: break
                }
                j += 1
            }
            return nil
        default:
            var j = i
            while j < b.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09].contains(b[j]) { j += 1 }
            return j
        }
    }

    struct Member {
        /// The key's bytes between the quotes (escapes not decoded).
        var key: Range<Int>
        var value: Range<Int>
    }

    /// The members of the object starting at `i` (a `{`), and the index of its closing brace.
    static func members(_ b: UnsafeBufferPointer<UInt8>, objectAt i: Int) -> (members: [Member], close: Int)? {
        var partial: [Member] = []
        return members(b, objectAt: i, partial: &partial)
    }

    /// The value of top-level member `key` when it is a plain string (no escapes), read from the
    /// start of a line that may be broken further on (e.g. truncated by a crash).
    static func leadingString(_ bytes: [UInt8], key: String) -> String? {
        bytes.withUnsafeBufferPointer { b -> String? in
            var partial: [Member] = []
            _ = members(b, objectAt: skipWhitespace(b, 0), partial: &partial)
            let k = Array(key.utf8)
            guard let m = partial.first(where: { Array(b[$0.key]) == k }), m.value.count >= 2,
                  b[m.value.lowerBound] == UInt8(ascii: "\""), !b[m.value].contains(UInt8(ascii: "\\")),
                  m.value.count <= 130
            else { return nil }
            return String(validating: b[(m.value.lowerBound + 1)..<(m.value.upperBound - 1)], as: UTF8.self)
        }
    }

    static func members(_ b: UnsafeBufferPointer<UInt8>, objectAt i: Int, partial out: inout [Member]) -> (members: [Member], close: Int)? {
        guard i < b.count, b[i] == UInt8(ascii: "{") else { return nil }
        var j = skipWhitespace(b, i + 1)
        if j < b.count, b[j] == UInt8(ascii: "}") { return (out, j) }
        while j < b.count {
            let keyStart = j
            guard b[j] == UInt8(ascii: "\""), let keyEnd = skipString(b, j) else { return nil }
            j = skipWhitespace(b, keyEnd)
            guard j < b.count, b[j] == UInt8(ascii: ":") else { return nil }
            let vStart = skipWhitespace(b, j + 1)
            guard let vEnd = skipValue(b, vStart) else { return nil }
            out.append(Member(key: (keyStart + 1)..<(keyEnd - 1), value: vStart..<vEnd))
            j = skipWhitespace(b, vEnd)
            guard j < b.count else { return nil }
            if b[j] == UInt8(ascii: "}") { return (out, j) }
            guard b[j] == UInt8(ascii: ",") else { return nil }
            j = skipWhitespace(b, j + 1)
        }
        return nil
    }

    /// The elements of the array starting at `i` (a `[`), and the index of its closing bracket.
    static func elements(_ b: UnsafeBufferPointer<UInt8>, arrayAt i: Int) -> (elements: [Range<Int>], close: Int)? {
        guard i < b.count, b[i] == UInt8(ascii: "[") else { return nil }
        var out: [Range<Int>] = []
        var j = skipWhitespace(b, i + 1)
        if j < b.count, b[j] == UInt8(ascii: "]") { return (out, j) }
        while j < b.count {
            guard let end = skipValue(b, j) else { return nil }
            out.append(j..<end)
            j = skipWhitespace(b, end)
            guard j < b.count else { return nil }
            if b[j] == UInt8(ascii: "]") { return (out, j) }
            guard b[j] == UInt8(ascii: ",") else { return nil }
            j = skipWhitespace(b, j + 1)
        }
        return nil
    }
}
