import MedTextCore

/// The mapper's streaming JSON writer: compact JSON appended straight into one byte buffer per
/// resource, with no value tree in between.
///
/// It writes exactly the bytes `FHIRValue.write(into:)` writes for the same members through a
/// compact ``JSONWriter`` (same string escapes, via ``JSONWriter/appendQuoted(_:to:)``), and it
/// reproduces what `obj(_:)` does for optional elements: a member whose object or array turns out
/// empty is taken back (``Mark``), so optional FHIR elements are simply absent.
///
/// Keys are static ASCII strings and are not escaped. Containers need no stack: `more` says
/// whether the innermost open container already has a member or element; closing a container
/// sets it, since the enclosing container then has at least that one.
struct JSONOut {
    var bytes: [UInt8]
    /// Whether the innermost open container already holds a member or element.
    var more = false

    init(reserve: Int) {
        bytes = []
        bytes.reserveCapacity(reserve)
    }

    @inline(__always)
    mutating func separator() {
        if more { bytes.append(UInt8(ascii: ",")) } else { more = true }
    }

    @inline(__always)
    mutating func appendStatic(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// `"key":`; the next call writes its value.
    @inline(__always)
    mutating func key(_ k: StaticString) {
        separator()
        bytes.append(UInt8(ascii: "\""))
        appendStatic(k)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    // MARK: Values (after a key, or as array elements: array elements call `element()` first)

    /// Starts an array element (writes the comma when needed).
    @inline(__always)
    mutating func element() { separator() }

    @inline(__always)
    mutating func string(_ s: String) { JSONWriter.appendQuoted(s, to: &bytes) }

    mutating func string(_ s: Substring) {
        var s = s
        s.withUTF8 { JSONWriter.appendQuoted($0, to: &bytes) }
    }

    @inline(__always)
    mutating func int(_ v: Int) { bytes.append(contentsOf: String(v).utf8) }

    /// Already-serialized JSON.
    @inline(__always)
    mutating func raw(_ json: [UInt8]) { bytes.append(contentsOf: json) }

    @inline(__always)
    mutating func openObject() {
        bytes.append(UInt8(ascii: "{"))
        more = false
    }

    @inline(__always)
    mutating func closeObject() {
        bytes.append(UInt8(ascii: "}"))
        more = true
    }

    @inline(__always)
    mutating func openArray() {
        bytes.append(UInt8(ascii: "["))
        more = false
    }

    @inline(__always)
    mutating func closeArray() {
        bytes.append(UInt8(ascii: "]"))
        more = true
    }

    /// A value tree (the parts of a resource still built as ``FHIRValue``s).
    mutating func value(_ v: FHIRValue) {
        switch v {
        case .string(let s): string(s)
        case .decimal(let d): bytes.append(contentsOf: d.utf8)
        case .integer(let i): int(i)
        case .bool(let b): appendStatic(b ? "true" : "false")
        case .array(let a):
            openArray()
            for x in a {
                element()
                value(x)
            }
            closeArray()
        case .object(let o):
            openObject()
            for m in o.members {
                separator()
                string(m.key)
                bytes.append(UInt8(ascii: ":"))
                value(m.value)
            }
            closeObject()
        }
    }

    // MARK: Members, with obj(_:)'s rules for optional ones

    /// `"key":"s"` (written even when `s` is empty, like `.string(s)`).
    @inline(__always)
    mutating func member(_ k: StaticString, _ s: String) {
        key(k)
        string(s)
    }

    /// `"key":"s"` unless `s` is nil or empty (like `str(s)`).
    @inline(__always)
    mutating func optionalMember(_ k: StaticString, _ s: String?) {
        guard let s, !s.isEmpty else { return }
        key(k)
        string(s)
    }

    /// `"key":<json>` for a serialized value.
    @inline(__always)
    mutating func member(_ k: StaticString, raw json: [UInt8]) {
        key(k)
        bytes.append(contentsOf: json)
    }

    /// `"key":<json>` unless `json` is nil (serialized optional values are never empty objects).
    @inline(__always)
    mutating func member(_ k: StaticString, raw json: [UInt8]?) {
        guard let json else { return }
        key(k)
        bytes.append(contentsOf: json)
    }

    /// `"key":` + a value tree, unless it is an empty array or object (like `obj(_:)`).
    mutating func member(_ k: StaticString, _ v: FHIRValue?) {
        guard let v else { return }
        switch v {
        case .array(let a) where a.isEmpty: return
        case .object(let o) where o.members.isEmpty: return
        default:
            key(k)
            value(v)
        }
    }

    /// Where an optional container member began: ``end(_:)`` takes it back when it stayed empty.
    struct Mark {
        var position: Int
        var more: Bool
        var close: UInt8
    }

    /// `"key":{` for an object member that is left out if nothing is written into it.
    @inline(__always)
    mutating func optionalObject(_ k: StaticString) -> Mark {
        let m = Mark(position: bytes.count, more: more, close: UInt8(ascii: "}"))
        key(k)
        openObject()
        return m
    }

    /// `"key":[` for an array member that is left out if it gets no element.
    @inline(__always)
    mutating func optionalArray(_ k: StaticString) -> Mark {
        let m = Mark(position: bytes.count, more: more, close: UInt8(ascii: "]"))
        key(k)
        openArray()
        return m
    }

    /// Closes an optional container, or removes it (key included) when it is empty.
    @inline(__always)
    mutating func end(_ m: Mark) {
        if more {
            bytes.append(m.close)
            more = true
        } else {
            bytes.removeSubrange(m.position...)
            more = m.more
        }
    }

    /// Serializes a value tree on its own (fragments shared by every resource of a document).
    static func bytes(_ v: FHIRValue) -> [UInt8] {
        var w = JSONOut(reserve: 128)
        w.value(v)
        return w.bytes
    }
}
