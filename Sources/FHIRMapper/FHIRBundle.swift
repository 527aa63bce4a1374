public import MedTextCore

/// Serialized outputs of a mapping: transaction and collection Bundles, NDJSON per resource type.
///
/// Transaction bundles use `PUT ResourceType/id` with the deterministic ids (update-as-create):
/// ingesting the same document version twice replaces the same resources instead of adding
/// duplicates. `fullUrl` is `urn:uuid:<id>` (every id is a UUID); references between
/// generated resources are relative (`Condition/<id>`), which the PUTs make resolvable.
public enum FHIRBundle {
    public enum Kind: String, Sendable, CaseIterable {
        case transaction, collection, ndjson
    }

    /// Resource types in NDJSON output order.
    public static let typeOrder = ["Condition", "FamilyMemberHistory", "AllergyIntolerance", "MedicationStatement", "Observation", "Procedure", "Provenance"]

    /// A Bundle of `type` `transaction` or `collection` over the mapping's resources (Provenance last).
    public static func bundle(_ mapping: FHIRMapping, kind: Kind, context: FHIRContext) -> FHIRValue {
        let type = kind == .transaction ? "transaction" : "collection"
        let id = NameBasedUUID.v5(namespace: FHIRMapper.idNamespace, name: "\(context.document.id)|\(context.document.version ?? "")|Bundle|\(type)")
        let entries: [FHIRValue] = mapping.all.map { r in
            obj([
                "fullUrl": .string("urn:uuid:\(r.id)"),
                "resource": r.json,
                "request": kind == .transaction ? obj(["method": .string("PUT"), "url": .string(r.reference)]) : nil,
            ])
        }
        let meta = obj(["security": .array(context.security.map(\.value)), "tag": .array(context.tags.map(\.value))])
        return obj(["resourceType": .string("Bundle"), "id": .string(id), "meta": meta, "type": .string(type), "entry": .array(entries)])
    }

    /// The bundle as JSON bytes (no trailing newline): the same bytes as writing ``bundle(_:kind:context:)``,
    /// streamed into one buffer without building the Bundle's value tree.
    public static func bundleJSON(_ mapping: FHIRMapping, kind: Kind, context: FHIRContext, indent: Int = 0) -> [UInt8] {
        let type = kind == .transaction ? "transaction" : "collection"
        let id = NameBasedUUID.v5(namespace: FHIRMapper.idNamespace, name: "\(context.document.id)|\(context.document.version ?? "")|Bundle|\(type)")
        let all = mapping.all
        var w = JSONWriter(indent: indent, reserve: 4096 + all.count * (indent > 0 ? 3072 : 1536))
        w.beginObject()
        w.field("resourceType", "Bundle")
        w.field("id", id)
        let meta = obj(["security": .array(context.security.map(\.value)), "tag": .array(context.tags.map(\.value))])
        if case .object(let m) = meta, !m.members.isEmpty {
            w.key("meta")
            meta.write(into: &w)
        }
        w.field("type", type)
        if !all.isEmpty {
            w.key("entry")
            w.beginArray()
            for r in all {
                w.beginObject()
                w.field("fullUrl", "urn:uuid:\(r.id)")
                w.key("resource")
                if indent == 0 { w.raw(r.bytes) } else { r.json.write(into: &w) }
                if kind == .transaction {
                    w.key("request")
                    w.beginObject()
                    w.field("method", "PUT")
                    w.field("url", r.reference)
                    w.endObject()
                }
                w.endObject()
            }
            w.endArray()
        }
        w.endObject()
        return w.bytes
    }

    /// NDJSON lines grouped by resource type in ``typeOrder`` (one compact resource per line,
    /// each ending with a newline); types without resources are absent.
    public static func ndjson(_ resources: [FHIRResource]) -> [(resourceType: String, bytes: [UInt8])] {
        var out: [(String, [UInt8])] = []
        let extra = Set(resources.map(\.resourceType)).subtracting(typeOrder).sorted()
        for type in typeOrder + extra {
            var bytes: [UInt8] = []
            for r in resources where r.resourceType == type {
                bytes += r.bytes
                bytes.append(0x0A)
            }
            if !bytes.isEmpty { out.append((type, bytes)) }
        }
        return out
    }
}
