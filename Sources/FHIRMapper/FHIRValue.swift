public import MedTextCore

/// A JSON value of a FHIR resource, with members in the order they are written. Decimals are
/// kept as their literal text (FHIR decimals keep their precision: `38.50` is not `38.5`).
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
