public import FHIRMapper
public import MedTextCore
public import TerminologyMap

/// What `medtext batch` writes for each document.
public enum BatchFormat: String, Sendable, CaseIterable {
    /// FHIR R4 resources derived from each document (Condition, MedicationStatement,
    /// FamilyMemberHistory, AllergyIntolerance, Observation, Procedure, Provenance), see
    /// DESIGN.md "FHIR mapping".
    case fhir
    /// Comprehend-Medical-shaped results (DetectEntitiesV2) per document.
    case cm
}

/// How records are laid out on the output stream.
public enum BatchEmit: String, Sendable, CaseIterable {
    /// The fan-out form: each output record on its own line (for `cm`, one line per document;
    /// an OperationOutcome line for a failed document).
    case resources
    /// Exactly one line per non-blank input line, in order:
    /// `{"id":…,"line":N,"status":"ok","resources":[…]}` (for `cm`: `"result":{…}` instead of
    /// `"resources"`) or `{"id":…,"line":N,"status":"error","reason":"…","resources":[OperationOutcome]}`.
    case envelope
}

/// Options of a batch run.
public struct BatchOptions: Sendable {
    public var format: BatchFormat
    public var emit: BatchEmit
    /// Also output each DocumentReference with an annotation-summary extension.
    public var writeBack: Bool
    public var maxNoteBytes: Int
    public var offsets: OffsetUnit

    public init(
        format: BatchFormat = .fhir, emit: BatchEmit = .resources, writeBack: Bool = false,
        maxNoteBytes: Int = DocumentReferenceDecoder.defaultMaxNoteBytes, offsets: OffsetUnit = .codePoints
    ) {
        self.format = format
        self.emit = emit
        self.writeBack = writeBack
        self.maxNoteBytes = maxNoteBytes
        self.offsets = offsets
    }
}

/// One line of batch input.
public struct BatchItem: Sendable {
    public enum Content: Sendable {
        case line([UInt8])
        /// Longer than the reader's line limit; its bytes were not kept.
        case tooLong(byteCount: Int)
    }
    public var content: Content
    /// 1-based line number in its source.
    public var line: Int
    /// The file it came from; nil for standard input.
    public var source: String?

    public init(content: Content, line: Int, source: String?) {
        self.content = content
        self.line = line
        self.source = source
    }

    public var byteCount: Int {
        switch content {
        case .line(let b): b.count
        case .tooLong(let n): n
        }
    }
}

/// One output record: a FHIR resource (or, for `cm`, a per-document result) as compact JSON.
public struct BatchRecord: Sendable, Hashable {
    /// The FHIR resource type (`OperationOutcome`, `DocumentReference`…), or
    /// `ComprehendMedical` for `cm` results. `--out` writes one file per type.
    public var resourceType: String
    public var json: [UInt8]
}

/// The result of one input line.
public struct BatchOutcome: Sendable {
    /// The document id, when it could be read.
    public var id: String?
    public var line: Int
    public var source: String?
    /// nil when annotated.
    public var failure: DocumentReferenceFailure.Reason?
    /// Records for the fan-out form, in output order.
    public var records: [BatchRecord]
    /// The envelope line (without newline), when emitting envelopes.
    public var envelope: [UInt8]
    /// Bytes of decoded note text annotated.
    public var textBytes: Int
    /// Entities found.
    public var entityCount: Int

    /// How `--resume` recognizes the document: its id, else its source and line.
    public var key: String { BatchOutcome.key(id: id, source: source, line: line) }

    public static func key(id: String?, source: String?, line: Int) -> String {
        if let id, !id.isEmpty { return id }
        return "#\(source ?? "-"):\(line)"
    }
}

/// Turns a line of DocumentReference NDJSON into output records. Built once; `Sendable`; never
/// throws: a bad line becomes an OperationOutcome.
public struct BatchProcessor: Sendable {
    public static let summaryExtensionURL = "https://medtext.dev/fhir/StructureDefinition/annotation-summary"
    public static let inputExtensionURL = "https://medtext.dev/fhir/StructureDefinition/batch-input"
    public static let failureCodeSystem = "https://medtext.dev/fhir/CodeSystem/batch-failure"

    public let annotator: MedTextAnnotator
    public let options: BatchOptions
    public let decoder: DocumentReferenceDecoder
    let cmWriter: ComprehendMedicalJSON
    /// The FHIR mapping (for `--format fhir`).
    let fhir: MedTextFHIR?

    /// - Throws: ``PipelineBuildError`` when the FHIR mapper's sig tables cannot be read.
    public init(annotator: MedTextAnnotator, options: BatchOptions) throws {
        self.annotator = annotator
        self.options = options
        self.decoder = DocumentReferenceDecoder(maxNoteBytes: options.maxNoteBytes)
        self.cmWriter = ComprehendMedicalJSON(offsets: options.offsets)
        self.fhir = options.format == .fhir ? try MedTextFHIR(annotator: annotator) : nil
    }

    public func process(_ item: BatchItem) -> BatchOutcome {
        let bytes: [UInt8]
        switch item.content {
        case .tooLong(let n):
            let f = DocumentReferenceFailure(.tooLarge, detail: "the line is \(n) bytes, over the reader's line limit; its id could not be read")
            return failed(f, item: item, raw: nil)
        case .line(let b): bytes = b
        }
        guard let object = DocumentReferenceDecoder.jsonObject(bytes) else {
            let id = JSONScan.leadingString(bytes, key: "id")
            let detail = "the line is not a JSON object" + (id == nil ? "" : " (its id was read from the readable start of the line)")
            return failed(.init(.invalidJSON, id: id, detail: detail), item: item, raw: nil)
        }
        switch decoder.decode(json: object) {
        case .failure(let f):
            let isDocRef = f.reason != .wrongResourceType && f.reason != .invalidJSON
            return failed(f, item: item, raw: isDocRef && options.writeBack ? bytes : nil)
        case .success(let note):
            if let fhir {
                guard let id = note.id, FHIRFormat.isID(id) else {
                    let f = DocumentReferenceFailure(
                        .invalidResource, id: note.id,
                        detail: "FHIR output needs a DocumentReference id ([A-Za-z0-9-.]{1,64}) to point back to; use --format cm for documents without one",
                        expression: "DocumentReference.id")
                    return failed(f, item: item, raw: options.writeBack ? bytes : nil)
                }
                var doc = annotator.annotate(note.document, linking: .linked, phi: false)
                doc.diagnostics.insert(contentsOf: note.diagnostics, at: 0)
                return mapped(note, id: id, doc, fhir: fhir, item: item, raw: options.writeBack ? bytes : nil)
            }
            var doc = annotator.annotate(note.document, linking: .none)
            doc.diagnostics.insert(contentsOf: note.diagnostics, at: 0)
            return annotated(note, doc, item: item, raw: options.writeBack ? bytes : nil)
        }
    }

    /// The mapping context of a DocumentReference: subject, encounter, version, security labels
    /// and tags (copied onto every derived resource), `date` as the recorded time (only when it
    /// is a full instant; otherwise Provenance is left out, as FHIRMapper documents), and the
    /// attachment segments when the note joins several attachments.
    public static func fhirContext(_ note: DocumentReferenceNote, id: String, terminologyVersions: [FHIRTerminologyVersion]) -> FHIRContext {
        let recorded = note.date.flatMap { d in FHIRFormat.isDateTime(d) && d.utf8.count >= 20 ? d : nil }
        var context = FHIRContext(
            subject: note.subject, encounter: note.encounter, document: DocumentReferenceID(id: id, version: note.versionID),
            security: note.security, tags: note.tags, recorded: recorded, medtextVersion: MedTextVersion.string,
            terminologyVersions: terminologyVersions)
        if note.segments.count > 1 {
            context.attachments = note.segments.map {
                FHIRAttachmentSegment(path: "DocumentReference.content[\($0.contentIndex)].attachment", span: $0.span)
            }
        }
        return context
    }

    func mapped(_ note: DocumentReferenceNote, id: String, _ doc: AnnotatedDocument, fhir: MedTextFHIR, item: BatchItem, raw: [UInt8]?) -> BatchOutcome {
        let context = Self.fhirContext(note, id: id, terminologyVersions: fhir.terminologyVersions)
        let mapping = fhir.mapper.map(doc, context: context)
        var records: [BatchRecord] = []
        var counts: [String: Int] = [:]
        for r in mapping.all {
            records.append(BatchRecord(resourceType: r.resourceType, json: r.bytes))
            counts[r.resourceType, default: 0] += 1
        }
        if let raw, let back = Self.writeBack(raw, summary: summary(
            status: "annotated", reason: nil, counts: counts.sorted { $0.key < $1.key }, references: mapping.all.map(\.reference)))
        {
            records.append(BatchRecord(resourceType: "DocumentReference", json: back))
        }
        var envelope: [UInt8] = []
        if options.emit == .envelope {
            var e = JSONWriter(reserve: records.reduce(256) { $0 + $1.json.count + 1 })
            e.beginObject()
            e.field("id", id)
            e.field("line", item.line)
            e.field("status", "ok")
            writeDiagnostics(doc.diagnostics, into: &e)
            e.key("resources")
            e.beginArray()
            for r in records { e.raw(r.json) }
            e.endArray()
            e.endObject()
            envelope = e.bytes
        }
        return BatchOutcome(
            id: id, line: item.line, source: item.source, failure: nil,
            records: options.emit == .resources ? records : [], envelope: envelope,
            textBytes: doc.document.utf8Count, entityCount: doc.entities.count)
    }

    // MARK: success

    func annotated(_ note: DocumentReferenceNote, _ doc: AnnotatedDocument, item: BatchItem, raw: [UInt8]?) -> BatchOutcome {
        var records: [BatchRecord] = []
        var w = JSONWriter(reserve: doc.document.utf8Count * 3 + 512)
        if options.emit == .resources {
            w.beginObject()
            if let id = note.id { w.field("id", id) } else { w.key("id"); w.null() }
            w.field("documentReference", note.reference)
            writeSegments(note, doc, into: &w)
            writeDiagnostics(doc.diagnostics, into: &w)
            w.key("result")
            cmWriter.write(.detectEntitiesV2, for: doc, into: &w)
            w.endObject()
            records.append(BatchRecord(resourceType: "ComprehendMedical", json: w.bytes))
        }
        var counts: [String: Int] = [:]
        for e in doc.entities { counts[e.category.rawValue, default: 0] += 1 }
        var writeBack: [UInt8]? = nil
        if let raw {
            writeBack = Self.writeBack(raw, summary: summary(status: "annotated", reason: nil, counts: counts.sorted { $0.key < $1.key }, references: []))
            if let writeBack, options.emit == .resources { records.append(BatchRecord(resourceType: "DocumentReference", json: writeBack)) }
        }
        var envelope: [UInt8] = []
        if options.emit == .envelope {
            var e = JSONWriter(reserve: doc.document.utf8Count * 3 + 512)
            e.beginObject()
            if let id = note.id { e.field("id", id) } else { e.key("id"); e.null() }
            e.field("line", item.line)
            e.field("status", "ok")
            e.field("documentReference", note.reference)
            writeSegments(note, doc, into: &e)
            writeDiagnostics(doc.diagnostics, into: &e)
            e.key("result")
            cmWriter.write(.detectEntitiesV2, for: doc, into: &e)
            if let writeBack {
                e.key("resources")
                e.beginArray()
                e.raw(writeBack)
                e.endArray()
            }
            e.endObject()
            envelope = e.bytes
        }
        return BatchOutcome(
            id: note.id, line: item.line, source: item.source, failure: nil, records: records, envelope: envelope,
            textBytes: doc.document.utf8Count, entityCount: doc.entities.count)
    }

    /// `"segments"`: where each attachment's text lies, when the note came from several.
    func writeSegments(_ note: DocumentReferenceNote, _ doc: AnnotatedDocument, into w: inout JSONWriter) {
        guard note.segments.count > 1 else { return }
        let converter = OffsetConverter(doc.document.text)
        w.key("segments")
        w.beginArray()
        for s in note.segments {
            let range = converter.range(of: s.span, in: options.offsets)
            w.beginObject()
            w.field("content", s.contentIndex)
            w.field("contentType", s.mediaType)
            w.field("BeginOffset", range.lowerBound)
            w.field("EndOffset", range.upperBound)
            w.endObject()
        }
        w.endArray()
    }

    func writeDiagnostics(_ diagnostics: [Diagnostic], into w: inout JSONWriter) {
        guard !diagnostics.isEmpty else { return }
        w.key("diagnostics")
        w.beginArray()
        for d in diagnostics {
            w.beginObject()
            w.field("severity", d.severity.rawValue)
            w.field("code", d.code)
            w.field("message", d.message)
            w.endObject()
        }
        w.endArray()
    }

    // MARK: failure

    func failed(_ f: DocumentReferenceFailure, item: BatchItem, raw: [UInt8]?) -> BatchOutcome {
        let outcome = Self.operationOutcome(f, line: item.line, source: item.source)
        var records = [BatchRecord(resourceType: "OperationOutcome", json: outcome)]
        var writeBack: [UInt8]? = nil
        if let raw {
            writeBack = Self.writeBack(raw, summary: summary(status: "failed", reason: f.reason, counts: [], references: []))
            if let writeBack { records.append(BatchRecord(resourceType: "DocumentReference", json: writeBack)) }
        }
        var envelope: [UInt8] = []
        if options.emit == .envelope {
            var e = JSONWriter()
            e.beginObject()
            if let id = f.id { e.field("id", id) } else { e.key("id"); e.null() }
            e.field("line", item.line)
            e.field("status", "error")
            e.field("reason", f.reason.rawValue)
            e.key("resources")
            e.beginArray()
            for r in records { e.raw(r.json) }
            e.endArray()
            e.endObject()
            envelope = e.bytes
        }
        return BatchOutcome(
            id: f.id, line: item.line, source: item.source, failure: f.reason,
            records: options.emit == .resources ? records : [], envelope: envelope, textBytes: 0, entityCount: 0)
    }

    /// An OperationOutcome for a failed line: the failure code, FHIR issue type, FHIRPath,
    /// and an extension with the input line number, document id and source file. No note text.
    public static func operationOutcome(_ f: DocumentReferenceFailure, line: Int, source: String?) -> [UInt8] {
        var w = JSONWriter(reserve: 512)
        w.beginObject()
        w.field("resourceType", "OperationOutcome")
        w.key("extension")
        w.beginArray()
        w.beginObject()
        w.field("url", inputExtensionURL)
        w.key("extension")
        w.beginArray()
        w.beginObject(); w.field("url", "line"); w.field("valueInteger", line); w.endObject()
        if let id = f.id { w.beginObject(); w.field("url", "documentId"); w.field("valueString", id); w.endObject() }
        if let source { w.beginObject(); w.field("url", "source"); w.field("valueString", source); w.endObject() }
        w.endArray()
        w.endObject()
        w.endArray()
        w.key("issue")
        w.beginArray()
        w.beginObject()
        w.field("severity", "error")
        w.field("code", f.reason.issueType)
        w.key("details")
        w.beginObject()
        w.key("coding")
        w.beginArray()
        w.beginObject()
        w.field("system", failureCodeSystem)
        w.field("code", f.reason.rawValue)
        w.endObject()
        w.endArray()
        w.field("text", "\(f.reason.code): \(f.detail)")
        w.endObject()
        w.field("diagnostics", "line \(line)" + (f.id.map { ", DocumentReference/\($0)" } ?? ""))
        if let x = f.expression {
            w.key("expression")
            w.beginArray()
            w.string(x)
            w.endArray()
        }
        w.endObject()
        w.endArray()
        w.endObject()
        return w.bytes
    }

    // MARK: write-back

    /// The annotation-summary extension (compact JSON).
    func summary(status: String, reason: DocumentReferenceFailure.Reason?, counts: [(key: String, value: Int)], references: [String]) -> [UInt8] {
        Self.summaryExtension(status: status, reason: reason, counts: counts, references: references, terminologyVersions: annotator.terminologyVersions)
    }

    /// The annotation-summary extension: `status` (`annotated` or `failed`), `failureReason`,
    /// `medtextVersion`, one `terminologyVersion` per code system, one `count` (kind + value)
    /// per entity category or resource type, one `generated` reference per derived resource.
    public static func summaryExtension(
        status: String, reason: DocumentReferenceFailure.Reason?, counts: [(key: String, value: Int)], references: [String],
        terminologyVersions: [TerminologyVersion]
    ) -> [UInt8] {
        var w = JSONWriter(reserve: 512)
        w.beginObject()
        w.field("url", Self.summaryExtensionURL)
        w.key("extension")
        w.beginArray()
        func sub(_ url: String, _ type: String, _ body: (inout JSONWriter) -> Void) {
            w.beginObject()
            w.field("url", url)
            w.key(type)
            body(&w)
            w.endObject()
        }
        sub("status", "valueCode") { $0.string(status) }
        if let reason { sub("failureReason", "valueCode") { $0.string(reason.rawValue) } }
        sub("medtextVersion", "valueString") { $0.string(MedTextVersion.string) }
        for v in terminologyVersions {
            let text = [v.name, v.edition, v.version].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            sub("terminologyVersion", "valueString") { $0.string(text) }
        }
        for (k, n) in counts {
            w.beginObject()
            w.field("url", "count")
            w.key("extension")
            w.beginArray()
            w.beginObject(); w.field("url", "kind"); w.field("valueString", k); w.endObject()
            w.beginObject(); w.field("url", "value"); w.field("valueInteger", n); w.endObject()
            w.endArray()
            w.endObject()
        }
        for r in references {
            sub("generated", "valueReference") { w in
                w.beginObject()
                w.field("reference", r)
                w.endObject()
            }
        }
        w.endArray()
        w.endObject()
        return w.bytes
    }

    /// The DocumentReference `raw` with `summary` in its top-level `extension` list, replacing
    /// an earlier summary from medtext (so write-back is idempotent). Everything else is kept
    /// byte for byte. nil if `raw` is not a JSON object.
    public static func writeBack(_ raw: [UInt8], summary: [UInt8]) -> [UInt8]? {
        raw.withUnsafeBufferPointer { b -> [UInt8]? in
            let start = JSONScan.skipWhitespace(b, 0)
            guard let (members, close) = JSONScan.members(b, objectAt: start) else { return nil }
            let urlKey = Array("url".utf8)
            let ours = Array("\"\(summaryExtensionURL)\"".utf8)
            if let ext = members.first(where: { Array(b[$0.key]) == Array("extension".utf8) }) {
                guard let (elements, _) = JSONScan.elements(b, arrayAt: ext.value.lowerBound) else { return nil }
                let kept = elements.filter { r in
                    guard let (m, _) = JSONScan.members(b, objectAt: r.lowerBound) else { return true }
                    return !m.contains { Array(b[$0.key]) == urlKey && Array(b[$0.value]) == ours }
                }
                var out = Array(b[..<ext.value.lowerBound])
                out.append(UInt8(ascii: "["))
                for r in kept {
                    out.append(contentsOf: b[r])
                    out.append(UInt8(ascii: ","))
                }
                out.append(contentsOf: summary)
                out.append(UInt8(ascii: "]"))
                out.append(contentsOf: b[ext.value.upperBound...])
                return out
            }
            // No extension yet: add one after the first member (resourceType, by convention).
            let insertAt = members.first?.value.upperBound ?? (start + 1)
            var out = Array(b[..<insertAt])
            if !members.isEmpty { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: Array("\"extension\":[".utf8))
            out.append(contentsOf: summary)
            out.append(UInt8(ascii: "]"))
            if members.isEmpty { out.append(contentsOf: b[insertAt...]) } else { out.append(contentsOf: b[insertAt...]) }
            _ = close
            return out
        }
    }
}
