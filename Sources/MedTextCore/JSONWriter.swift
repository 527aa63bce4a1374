/// A small, fast, deterministic JSON writer into a byte buffer.
///
/// Keys are written in the order the caller writes them, numbers in their shortest
/// round-tripping form, strings as UTF-8 with the escapes JSON requires (plus U+2028 and
/// U+2029, so output is safe to embed in JavaScript). Output is always valid UTF-8.
/// Used for every JSON and NDJSON output of medtext, where `JSONEncoder` is too slow for
/// batch throughput and gives no control over key order.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = []
    private var afterKey = false
    private let indentUnit: Int

    /// - Parameter indent: spaces per level for pretty output; 0 for compact output.
    public init(indent: Int = 0, reserve: Int = 1024) {
        indentUnit = indent
        bytes.reserveCapacity(reserve)
    }

    /// The output as a String.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    @inline(__always)
    private mutating func newlineIndent() {
        guard indentUnit > 0 else { return }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: indentUnit * needsComma.count))
    }

    @inline(__always)
    private mutating func beforeValue() {
        if afterKey {
            afterKey = false
            return
        }
        if let last = needsComma.last {
            if last { bytes.append(UInt8(ascii: ",")) }
            needsComma[needsComma.count - 1] = true
            newlineIndent()
        }
    }

    public mutating func beginObject() {
        beforeValue()
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
    }

    public mutating func endObject() {
        let hadMembers = needsComma.removeLast()
        if hadMembers { newlineIndent() }
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        beforeValue()
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
    }

    public mutating func endArray() {
        let hadMembers = needsComma.removeLast()
        if hadMembers { newlineIndent() }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes an object key; the next call writes its value.
    public mutating func key(_ k: String) {
        beforeValue()
        writeEscaped(k)
        bytes.append(UInt8(ascii: ":"))
        if indentUnit > 0 { bytes.append(0x20) }
        afterKey = true
    }

    public mutating func string(_ s: String) {
        beforeValue()
        writeEscaped(s)
    }

    public mutating func string(_ s: Substring) {
        beforeValue()
        var s = s
        s.withUTF8 { writeEscaped($0) }
    }

    public mutating func int(_ v: Int) {
        beforeValue()
        bytes.append(contentsOf: String(v).utf8)
    }

    /// Writes a float in its shortest round-tripping decimal form (`0.99`, `1`, `1e-05`).
    /// Non-finite values, which JSON cannot represent, are written as `null`.
    public mutating func float(_ v: Float) {
        number(isFinite: v.isFinite, integral: v == v.rounded() && abs(v) < 1e15 ? Int64(v) : nil, description: v.description)
    }

    /// Writes a double like ``float(_:)``.
    public mutating func double(_ v: Double) {
        number(isFinite: v.isFinite, integral: v.isFinite && v == v.rounded() && abs(v) < 1e15 ? Int64(v) : nil, description: v.description)
    }

    private mutating func number(isFinite: Bool, integral: Int64?, description: String) {
        beforeValue()
        if !isFinite {
            bytes.append(contentsOf: "null".utf8)
        } else if let i = integral {
            bytes.append(contentsOf: String(i).utf8)
        } else {
            bytes.append(contentsOf: description.utf8)
        }
    }

    public mutating func bool(_ v: Bool) {
        beforeValue()
        bytes.append(contentsOf: (v ? "true" : "false").utf8)
    }

    public mutating func null() {
        beforeValue()
        bytes.append(contentsOf: "null".utf8)
    }

    /// Writes already-serialized JSON as a value (the caller guarantees it is valid JSON).
    public mutating func raw(_ json: [UInt8]) {
        beforeValue()
        bytes.append(contentsOf: json)
    }

    /// Writes already-serialized JSON text as a value (the caller guarantees it is valid JSON).
    public mutating func raw(_ json: String) {
        beforeValue()
        bytes.append(contentsOf: json.utf8)
    }

    // Convenience for "key": value pairs.
    public mutating func field(_ k: String, _ v: String) { key(k); string(v) }
    public mutating func field(_ k: String, _ v: Int) { key(k); int(v) }
    public mutating func field(_ k: String, _ v: Float) { key(k); float(v) }
    public mutating func field(_ k: String, _ v: Bool) { key(k); bool(v) }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Per byte: 0 copied as is, 1 escaped (control characters, `"`, `\\`), 2 the lead byte of
    /// U+2028/U+2029 (escaped when the next two bytes complete one).
    private static let escapeClass: [UInt8] = (0..<256).map { b in
        b < 0x20 || b == 0x22 || b == 0x5C ? 1 : (b == 0xE2 ? 2 : 0)
    }

    private mutating func writeEscaped(_ s: String) {
        Self.appendQuoted(s, to: &bytes)
    }

    private mutating func writeEscaped(_ src: UnsafeBufferPointer<UInt8>) {
        Self.appendQuoted(src, to: &bytes)
    }

    /// Appends `s` as a JSON string literal, quotes included, with the escapes of ``string(_:)``
    /// (for writers that build JSON bytes themselves, such as the FHIR mapper's).
    public static func appendQuoted(_ s: String, to bytes: inout [UInt8]) {
        var s = s
        s.withUTF8 { appendQuoted($0, to: &bytes) }
    }

    /// Appends the UTF-8 text `src` as a JSON string literal, quotes included.
    /// - Complexity: O(n); runs of bytes that need no escape are copied in one call.
    public static func appendQuoted(_ src: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        escapeClass.withUnsafeBufferPointer { cls in
            let n = src.count
            var i = 0
            var runStart = 0
            while i < n {
                let c = cls[Int(src[i])]
                if c == 0 {
                    i += 1
                    continue
                }
                if c == 2 {
                    // U+2028 / U+2029 (E2 80 A8 / E2 80 A9)
                    guard i + 2 < n, src[i + 1] == 0x80, src[i + 2] == 0xA8 || src[i + 2] == 0xA9 else {
                        i += 1
                        continue
                    }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: src[runStart..<i]))
                    bytes.append(contentsOf: (src[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    i += 3
                    runStart = i
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: src[runStart..<i]))
                let b = src[i]
                bytes.append(UInt8(ascii: "\\"))
                switch b {
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x22, 0x5C: bytes.append(b)
                default:
                    bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                }
                i += 1
                runStart = i
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: src[runStart..<n]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
