public import MedTextCore

/// Writes Amazon Comprehend Medical response JSON (DetectEntitiesV2, DetectPHI, InferICD10CM,
/// InferRxNorm, InferSNOMEDCT) from an annotated document, so that code written against the
/// service parses medtext's output unchanged.
///
/// - Field names, nesting and enum values are the service's (botocore's service model).
/// - Offsets are Unicode code points by default (the service's unit), converted only through
///   the document's ``OffsetConverter``.
/// - `Id`s number entities, their attributes and unmapped attributes together in text order
///   (by begin offset; an entity before its own attributes at the same offset), from 0.
/// - Output is deterministic: key order is fixed, scores are written in shortest form.
public struct ComprehendMedicalJSON: Sendable {
    public enum Operation: String, Sendable, CaseIterable {
        case detectEntitiesV2 = "DetectEntitiesV2"
        case detectPHI = "DetectPHI"
        case inferICD10CM = "InferICD10CM"
        case inferRxNorm = "InferRxNorm"
        case inferSNOMEDCT = "InferSNOMEDCT"
    }

    /// Details of the SNOMED CT release used, reported by InferSNOMEDCT.
    public struct SNOMEDCTDetails: Sendable, Hashable {
        public var edition: String
        public var language: String
        public var versionDate: String
        public init(edition: String, language: String, versionDate: String) {
            self.edition = edition
            self.language = language
            self.versionDate = versionDate
        }
    }

    public var modelVersion: String
    public var offsets: OffsetUnit
    /// Adds an `Explanation` list to each entity (rule ids and trigger spans). Off by default:
    /// clients that validate strictly against the service's shapes see no extra keys.
    public var explain: Bool
    /// Number of concepts per entity in Infer* responses (the service returns up to 5).
    public var maxConcepts: Int
    public var snomedDetails: SNOMEDCTDetails?
    /// Indentation for pretty output; 0 for compact JSON.
    public var indent: Int

    public init(
        modelVersion: String = MedTextVersion.string, offsets: OffsetUnit = .codePoints, explain: Bool = false,
        maxConcepts: Int = 5, snomedDetails: SNOMEDCTDetails? = nil, indent: Int = 0
    ) {
        self.modelVersion = modelVersion
        self.offsets = offsets
        self.explain = explain
        self.maxConcepts = maxConcepts
        self.snomedDetails = snomedDetails
        self.indent = indent
    }

    /// The entities an operation reports.
    public static func entities(for operation: Operation, in doc: AnnotatedDocument) -> [Entity] {
        switch operation {
        case .detectEntitiesV2:
            return doc.entities
        case .detectPHI:
            return doc.entities.filter { $0.category == .protectedHealthInformation }
        case .inferICD10CM:
            return doc.entities.filter { $0.category == .medicalCondition && $0.type == .dxName }
        case .inferRxNorm:
            return doc.entities.filter { $0.category == .medication && ($0.type == .genericName || $0.type == .brandName) }
        case .inferSNOMEDCT:
            return doc.entities.filter {
                ($0.category == .medicalCondition && $0.type == .dxName)
                    || ($0.category == .testTreatmentProcedure
                        && [.testName, .procedureName, .treatmentName].contains($0.type))
            }
        }
    }

    /// The response JSON for `operation` as UTF-8 bytes.
    public func response(_ operation: Operation, for doc: AnnotatedDocument) -> [UInt8] {
        var w = JSONWriter(indent: indent, reserve: doc.document.utf8Count * 4 + 256)
        write(operation, for: doc, into: &w)
        return w.bytes
    }

    /// Writes the response object for `operation` into `w` (for embedding in NDJSON envelopes).
    public func write(_ operation: Operation, for doc: AnnotatedDocument, into w: inout JSONWriter) {
        let converter = OffsetConverter(doc.document.text)
        // In place: `sorted` and `map` copied every entity twice (a retain and release per stored
        // array of each). The annotator's entities come sorted; the sort is stable, so skipping it
        // then changes nothing.
        var entities = Self.entities(for: operation, in: doc)
        if !Self.isSortedBySpan(entities) { entities.sort { $0.span < $1.span } }
        if let allowed = Self.allowedAttributes(operation) {
            for n in entities.indices { entities[n].attributes.removeAll { !allowed.contains($0.type) } }
        }
        let unmapped = operation == .detectEntitiesV2 ? doc.unmappedAttributes.sorted { $0.span < $1.span } : []
        let ids = Self.assignIDs(entities: entities, unmapped: unmapped)
        let context = Context(doc: doc, converter: converter, operation: operation)

        w.beginObject()
        w.key("Entities")
        w.beginArray()
        entities.withUnsafeBufferPointer { es in
            for i in es.indices { writeEntity(es[i], id: ids.entity[i], attributeIDs: ids.attributes[i], context: context, into: &w) }
        }
        w.endArray()
        if operation == .detectEntitiesV2 {
            w.key("UnmappedAttributes")
            w.beginArray()
            for (i, a) in unmapped.enumerated() {
                w.beginObject()
                w.field("Type", a.category.rawValue)
                w.key("Attribute")
                writeAttribute(a, id: ids.unmapped[i], context: context, into: &w)
                w.endObject()
            }
            w.endArray()
        }
        w.field("ModelVersion", modelVersion)
        if operation == .inferSNOMEDCT {
            if let d = snomedDetails {
                w.key("SNOMEDCTDetails")
                w.beginObject()
                w.field("Edition", d.edition)
                w.field("Language", d.language)
                w.field("VersionDate", d.versionDate)
                w.endObject()
            }
            w.key("Characters")
            w.beginObject()
            w.field("OriginalTextCharacters", converter.codePointCount)
            w.endObject()
        }
        w.endObject()
    }

    private struct Context {
        let doc: AnnotatedDocument
        let converter: OffsetConverter
        let operation: Operation
    }

    private struct IDs {
        var entity: [Int] = []
        var attributes: [[Int]] = []
        var unmapped: [Int] = []
    }

    /// Whether `entities` are in span order already (what sorting them would leave unchanged).
    static func isSortedBySpan(_ entities: [Entity]) -> Bool {
        entities.withUnsafeBufferPointer { es in
            for i in es.indices.dropFirst() where es[i].span < es[i - 1].span { return false }
            return true
        }
    }

    /// Numbers entities, attributes and unmapped attributes in text order.
    private static func assignIDs(entities: [Entity], unmapped: [Attribute]) -> IDs {
        // (start, rank, entityIndex, attributeIndex): rank 0 entity, 1 its attribute, 2 unmapped.
        var items: [(start: Int, rank: Int, e: Int, a: Int)] = []
        entities.withUnsafeBufferPointer { es in
            for i in es.indices {
                items.append((es[i].span.start, 0, i, -1))
                es[i].attributes.withUnsafeBufferPointer { attrs in
                    for j in attrs.indices { items.append((attrs[j].span.start, 1, i, j)) }
                }
            }
        }
        for (j, a) in unmapped.enumerated() { items.append((a.span.start, 2, -1, j)) }
        items.sort { ($0.start, $0.rank, $0.e, $0.a) < ($1.start, $1.rank, $1.e, $1.a) }
        var ids = IDs()
        ids.entity = Array(repeating: 0, count: entities.count)
        ids.attributes = entities.map { Array(repeating: 0, count: $0.attributes.count) }
        ids.unmapped = Array(repeating: 0, count: unmapped.count)
        for (n, item) in items.enumerated() {
            switch item.rank {
            case 0: ids.entity[item.e] = n
            case 1: ids.attributes[item.e][item.a] = n
            default: ids.unmapped[item.a] = n
            }
        }
        return ids
    }

    private func writeOffsetsAndText(_ span: TextSpan, context: Context, into w: inout JSONWriter) {
        let r = context.converter.range(of: span, in: offsets)
        w.field("BeginOffset", r.lowerBound)
        w.field("EndOffset", r.upperBound)
        w.field("Text", String(context.doc.document.text(in: span)))
    }

    /// Attribute types each Infer operation's shape allows (its `*AttributeType` enum); nil: all.
    /// DetectEntitiesV2 carries every attribute, including TIME_TO_* and FOR links.
    static func allowedAttributes(_ op: Operation) -> Set<EntityType>? {
        switch op {
        case .inferICD10CM:
            return [.acuity, .direction, .systemOrganSite, .quality, .quantity, .timeToDxName, .timeExpression]
        case .inferRxNorm:
            return [.dosage, .duration, .form, .frequency, .rate, .routeOrMode, .strength]
        case .inferSNOMEDCT:
            return [.acuity, .quality, .direction, .systemOrganSite, .testValue, .testUnit]
        case .detectEntitiesV2, .detectPHI:
            return nil
        }
    }

    /// Traits allowed in each operation's shape.
    private func allowedTraits(_ op: Operation) -> Traits {
        switch op {
        case .inferRxNorm: return [.negation, .pastHistory]
        case .inferICD10CM: return [.negation, .diagnosis, .sign, .symptom, .pertainsToFamily, .hypothetical, .lowConfidence]
        default: return Traits(rawValue: 0x1FF)
        }
    }

    private func writeTraits(_ traits: Traits, score: (Traits) -> Float, context: Context, into w: inout JSONWriter) {
        w.key("Traits")
        w.beginArray()
        for (t, name) in Traits.named where traits.contains(t) && allowedTraits(context.operation).contains(t) {
            w.beginObject()
            w.field("Name", name)
            w.field("Score", score(t))
            w.endObject()
        }
        w.endArray()
    }

    private func writeEntity(_ e: Entity, id: Int, attributeIDs: [Int], context: Context, into w: inout JSONWriter) {
        w.beginObject()
        w.field("Id", id)
        writeOffsetsAndText(e.span, context: context, into: &w)
        w.field("Score", e.score)
        w.field("Category", e.category.rawValue)
        w.field("Type", e.type.rawValue)
        writeTraits(e.traits, score: { e.score(of: $0) }, context: context, into: &w)
        w.key("Attributes")
        w.beginArray()
        e.attributes.withUnsafeBufferPointer { attrs in
            for j in attrs.indices { writeAttribute(attrs[j], id: attributeIDs[j], context: context, into: &w) }
        }
        w.endArray()
        switch context.operation {
        case .inferICD10CM: writeConcepts(e.concepts, system: .icd10CM, key: "ICD10CMConcepts", into: &w)
        case .inferRxNorm: writeConcepts(e.concepts, system: .rxNorm, key: "RxNormConcepts", into: &w)
        case .inferSNOMEDCT: writeConcepts(e.concepts, system: .snomedCT, key: "SNOMEDCTConcepts", into: &w)
        case .detectEntitiesV2, .detectPHI: break
        }
        if explain { writeEvidence(e.evidence, context: context, into: &w) }
        w.endObject()
    }

    private func writeAttribute(_ a: Attribute, id: Int, context: Context, into w: inout JSONWriter) {
        w.beginObject()
        w.field("Type", a.type.rawValue)
        w.field("Score", a.score)
        w.field("RelationshipScore", a.relationshipScore)
        if let r = a.relationshipType { w.field("RelationshipType", r.rawValue) }
        w.field("Id", id)
        writeOffsetsAndText(a.span, context: context, into: &w)
        if context.operation != .inferICD10CM && context.operation != .inferRxNorm {
            w.field("Category", a.category.rawValue)
        } else if context.operation == .inferICD10CM {
            // InferICD10CM attributes carry Category DX_NAME or TIME_EXPRESSION (its own enum).
            w.field("Category", a.category == .timeExpression ? "TIME_EXPRESSION" : "DX_NAME")
        }
        writeTraits(a.traits, score: { _ in a.score }, context: context, into: &w)
        if context.operation == .inferSNOMEDCT {
            writeConcepts(a.concepts, system: .snomedCT, key: "SNOMEDCTConcepts", into: &w)
        }
        w.endObject()
    }

    private func writeConcepts(_ concepts: [ConceptCode], system: CodeSystem, key: String, into w: inout JSONWriter) {
        w.key(key)
        w.beginArray()
        for c in concepts.filter({ $0.system == system }).prefix(maxConcepts) {
            w.beginObject()
            w.field("Description", c.display)
            w.field("Code", c.code)
            w.field("Score", c.score)
            w.endObject()
        }
        w.endArray()
    }

    private func writeEvidence(_ evidence: [Evidence], context: Context, into w: inout JSONWriter) {
        w.key("Explanation")
        w.beginArray()
        for ev in evidence {
            w.beginObject()
            w.field("For", ev.subject)
            w.field("Rule", ev.ruleID)
            if let t = ev.trigger {
                let r = context.converter.range(of: t, in: offsets)
                w.field("TriggerBeginOffset", r.lowerBound)
                w.field("TriggerEndOffset", r.upperBound)
            }
            w.endObject()
        }
        w.endArray()
    }
}
