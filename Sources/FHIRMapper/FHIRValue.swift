public import MedTextCore

/// A JSON value of a FHIR resource, with members in the order they are written. Decimals are
/// kept as their literal text (FHIR decimals keep their precision: `38.50` is not `38.5`).
///
/// Equality is that of the JSON text: `.integer(4)` equals `.decimal("4")` (a resource parsed
/// back from its bytes, ``init(json:)``, has every number as `.decimal`).
public enum FHIRValue: Sendable, Hashable {
    case string(String)
    /// A valid FHIR/JSON decimal literal, written as is.
    case decimal(String)
    case integer(Int)
    case bool(Bool)
    case array([FHIRValue])
    case object(FHIRObject)

    /// The member `key` of an object, or nil.
    public subscript(key: String) -> FHIRValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// Element `index` of an array, or nil.
    public subscript(index: Int) -> FHIRValue? {
        if case .array(let a) = self, index >= 0, index < a.count { return a[index] }
        return nil
    }

    public var stringValue: String? {
        switch self {
        case .string(let s), .decimal(let s): return s
        case .integer(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    public var arrayValue: [FHIRValue] {
        if case .array(let a) = self { return a }
        return []
    }

    /// The value of parsed JSON (numbers as `.decimal` literals), or nil when it holds a `null`,
    /// which FHIR resources never contain.
    public init?(_ json: JSONValue) {
        switch json {
        case .null: return nil
        case .bool(let b): self = .bool(b)
        case .number(let n): self = .decimal(n)
        case .string(let s): self = .string(s)
        case .array(let a):
            var out: [FHIRValue] = []
            out.reserveCapacity(a.count)
            for x in a {
                guard let v = FHIRValue(x) else { return nil }
                out.append(v)
            }
            self = .array(out)
        case .object(let o):
            var out = FHIRObject()
            out.members.reserveCapacity(o.count)
            for m in o {
                guard let v = FHIRValue(m.value) else { return nil }
                out.members.append(.init(key: m.key, value: v))
            }
            self = .object(out)
        }
    }

    /// Parses compact or pretty JSON text (numbers as `.decimal` literals); nil when invalid.
    public init?(json bytes: [UInt8]) {
        guard let v = JSONReader.parse(bytes) else { return nil }
        self.init(v)
    }

    /// The JSON text of a number (nil for other values).
    var numberText: String? {
        switch self {
        case .integer(let i): return String(i)
        case .decimal(let d): return d
        default: return nil
        }
    }

    public static func == (a: FHIRValue, b: FHIRValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)): return x == y
        default:
            guard let x = a.numberText, let y = b.numberText else { return false }
            return x == y
        }
    }

    public func hash(into h: inout Hasher) {
        switch self {
        case .string(let s):
            h.combine(0)
            h.combine(s)
        case .bool(let b):
            h.combine(1)
            h.combine(b)
        case .integer, .decimal:
            h.combine(2)
            h.combine(numberText)
        case .array(let a):
            h.combine(3)
            h.combine(a)
        case .object(let o):
            h.combine(4)
            h.combine(o)
        }
    }

    /// Writes the value with `writer`.
    public func write(into w: inout JSONWriter) {
        switch self {
        case .string(let s): w.string(s)
        case .decimal(let d): w.raw(d)
        case .integer(let i): w.int(i)
        case .bool(let b): w.bool(b)
        case .array(let a):
            w.beginArray()
            for v in a { v.write(into: &w) }
            w.endArray()
        case .object(let o):
            w.beginObject()
            for m in o.members {
                w.key(m.key)
                m.value.write(into: &w)
            }
            w.endObject()
        }
    }
}

/// A JSON object with ordered members.
public struct FHIRObject: Sendable, Hashable {
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: FHIRValue
    }

    public var members: [Member]

    public init(_ members: [Member] = []) { self.members = members }

    public subscript(key: String) -> FHIRValue? {
        get { members.first(where: { $0.key == key })?.value }
        set {
            if let i = members.firstIndex(where: { $0.key == key }) {
                if let v = newValue { members[i].value = v } else { members.remove(at: i) }
            } else if let v = newValue {
                members.append(Member(key: key, value: v))
            }
        }
    }
}

/// Builds an object from key/value pairs, leaving out nil values and empty arrays and objects,
/// so optional FHIR elements are simply absent.
func obj(_ pairs: KeyValuePairs<String, FHIRValue?>) -> FHIRValue {
    var o = FHIRObject()
    o.members.reserveCapacity(pairs.count)
    for (k, v) in pairs {
        guard let v else { continue }
        switch v {
        case .array(let a) where a.isEmpty: continue
        case .object(let x) where x.members.isEmpty: continue
        default: o.members.append(.init(key: k, value: v))
        }
    }
    return .object(o)
}

func str(_ s: String?) -> FHIRValue? { s.flatMap { $0.isEmpty ? nil : .string($0) } }
func arr(_ a: [FHIRValue?]) -> FHIRValue? {
    let v = a.compactMap { $0 }
    return v.isEmpty ? nil : .array(v)
}
