public import FHIRMapper
public import Foundation
public import MedTextCore

/// The library API for a FHIR store's ingestion hook: built once from a configuration, then
/// called from any number of tasks at once for each DocumentReference (or plain note) the
/// store ingests.
///
/// The hook holds only immutable state (the compiled pipeline and a read-only terminology
/// store), so concurrent calls share nothing mutable. Annotating never throws: a document that
/// cannot be read comes back as a failure with an OperationOutcome, never note text.
///
/// ```swift
/// let hook = try MedTextIngestionHook(configuration: .init())
/// let result = await hook.annotate(documentReference: Array(jsonLine.utf8))
/// if let outcome = result.operationOutcome { store.reject(outcome) } else if let bundle = result.transactionBundle { store.transact(bundle) }
/// ```
public struct MedTextIngestionHook: Sendable {
    public struct Configuration: Sendable {
        /// Terminology database; nil for `$MEDTEXT_TERMINOLOGY` or the built-in one.
        public var terminologyURL: URL?
        /// Lexicon data directory; nil for the bundled one.
        public var lexiconsDirectory: URL?
        /// Largest note text accepted, in bytes (all attachments together).
        public var maxNoteBytes: Int
        /// Offset unit of the Comprehend-Medical-shaped JSON.
        public var offsets: OffsetUnit
        /// How much concept linking to do (``ConceptLinking/linked`` costs one batched lookup).
        public var linking: ConceptLinking

        public init(
            terminologyURL: URL? = nil, lexiconsDirectory: URL? = nil,
            maxNoteBytes: Int = DocumentReferenceDecoder.defaultMaxNoteBytes,
            offsets: OffsetUnit = .codePoints, linking: ConceptLinking = .linked
        ) {
            self.terminologyURL = terminologyURL
            self.lexiconsDirectory = lexiconsDirectory
            self.maxNoteBytes = maxNoteBytes
            self.offsets = offsets
            self.linking = linking
        }
    }

    /// What annotating one document gave.
    public struct Result: Sendable {
        /// The DocumentReference id (or the id passed with plain text).
        public var id: String?
        /// The decoded DocumentReference (nil for plain text and for failures).
        public var note: DocumentReferenceNote?
        /// The annotated note (nil when the document failed).
        public var annotated: AnnotatedDocument?
        /// Comprehend Medical DetectEntitiesV2 response JSON (empty when the document failed).
        public var entitiesJSON: [UInt8]
        /// The FHIR R4 resources derived from the note (clinical resources, then Provenance);
        /// empty when the document failed or has no valid FHIR id to point back to.
        public var resources: [FHIRResource] = []
        /// The resources as a FHIR transaction Bundle (PUT with deterministic ids, so re-ingesting
        /// replaces instead of duplicating); nil when there are no resources.
        public var transactionBundle: [UInt8]? = nil
        /// Warnings about the document (skipped attachments, repaired input); never note text.
        public var diagnostics: [Diagnostic]
        /// Why the document could not be annotated, if it could not.
        public var failure: DocumentReferenceFailure?
        /// The failure as a FHIR OperationOutcome (JSON), if it failed.
        public var operationOutcome: [UInt8]?

        public var succeeded: Bool { failure == nil }
    }

    public let annotator: MedTextAnnotator
    public let configuration: Configuration
    let decoder: DocumentReferenceDecoder
    let writer: ComprehendMedicalJSON
    let fhir: MedTextFHIR

    /// Builds the hook (compiles the lexicons and opens the terminology; takes a few seconds).
    /// - Throws: ``PipelineBuildError`` when lexicons or the terminology cannot be used.
    public init(configuration: Configuration = Configuration()) throws {
        let annotator = try MedTextAnnotator(configuration: MedTextConfiguration(
            lexiconsDirectory: configuration.lexiconsDirectory, terminologyURL: configuration.terminologyURL, preloadConcepts: true))
        try self.init(annotator: annotator, configuration: configuration)
    }

    /// A hook over an annotator that is already built (share one annotator between uses).
    /// - Throws: ``PipelineBuildError`` when the FHIR mapper's sig tables cannot be read.
    public init(annotator: MedTextAnnotator, configuration: Configuration = Configuration()) throws {
        self.annotator = annotator
        self.configuration = configuration
        self.decoder = DocumentReferenceDecoder(maxNoteBytes: configuration.maxNoteBytes)
        self.writer = ComprehendMedicalJSON(offsets: configuration.offsets)
        self.fhir = try MedTextFHIR(annotator: annotator)
    }

    /// Maps an annotated note to FHIR when it has a valid id.
    func withFHIR(_ result: inout Result, note: DocumentReferenceNote?, id: String?, doc: AnnotatedDocument) {
        guard let id, FHIRFormat.isID(id) else { return }
        let n = note ?? DocumentReferenceNote(
            id: id, versionID: nil, security: [], tags: [], subject: nil, encounter: nil, date: nil,
            document: doc.document, segments: [], diagnostics: [])
        let context = BatchProcessor.fhirContext(n, id: id, terminologyVersions: fhir.terminologyVersions)
        let mapping = fhir.mapper.map(doc, context: context)
        result.resources = mapping.all
        if !mapping.all.isEmpty { result.transactionBundle = FHIRBundle.bundleJSON(mapping, kind: .transaction, context: context) }
    }

    /// Annotates a FHIR R4 DocumentReference given as JSON bytes.
    public func annotate(documentReference json: [UInt8]) async -> Result {
        annotateNow(documentReference: json)
    }

    /// Annotates a plain-text note. When `id` is a valid FHIR id, the resources point back to
    /// `DocumentReference/<id>`; otherwise no FHIR resources are derived.
    public func annotate(text: String, id: String = "") async -> Result {
        annotateNow(text: text, id: id)
    }

    /// The synchronous form of ``annotate(documentReference:)``, for callers on their own threads.
    public func annotateNow(documentReference json: [UInt8]) -> Result {
        switch decoder.decode(json) {
        case .failure(let f):
            return Result(
                id: f.id, note: nil, annotated: nil, entitiesJSON: [], diagnostics: [], failure: f,
                operationOutcome: BatchProcessor.operationOutcome(f, line: 1, source: nil))
        case .success(let note):
            var doc = annotator.annotate(note.document, linking: configuration.linking)
            doc.diagnostics.insert(contentsOf: note.diagnostics, at: 0)
            var result = Result(
                id: note.id, note: note, annotated: doc, entitiesJSON: writer.response(.detectEntitiesV2, for: doc),
                diagnostics: doc.diagnostics, failure: nil, operationOutcome: nil)
            withFHIR(&result, note: note, id: note.id, doc: doc)
            return result
        }
    }

    /// The DocumentReference `json` with medtext's annotation-summary extension (status,
    /// versions, entity counts per category), as `medtext batch --write-back` writes it; nil
    /// when `json` is not a JSON object. Store it back to record that the note was annotated.
    public func summarized(documentReference json: [UInt8], result: Result) -> [UInt8]? {
        var counts: [String: Int] = [:]
        for e in result.annotated?.entities ?? [] { counts[e.category.rawValue, default: 0] += 1 }
        let summary = BatchProcessor.summaryExtension(
            status: result.succeeded ? "annotated" : "failed", reason: result.failure?.reason,
            counts: counts.sorted { $0.key < $1.key }, references: [], terminologyVersions: annotator.terminologyVersions)
        return BatchProcessor.writeBack(json, summary: summary)
    }

    /// The synchronous form of ``annotate(text:id:)``.
    public func annotateNow(text: String, id: String = "") -> Result {
        if text.utf8.count > configuration.maxNoteBytes {
            let f = DocumentReferenceFailure(.tooLarge, id: id, detail: "the note is \(text.utf8.count) bytes, over the \(configuration.maxNoteBytes)-byte limit")
            return Result(id: id, note: nil, annotated: nil, entitiesJSON: [], diagnostics: [], failure: f, operationOutcome: BatchProcessor.operationOutcome(f, line: 1, source: nil))
        }
        let doc = annotator.annotate(Document(id: id, text: text), linking: configuration.linking)
        var result = Result(
            id: id, note: nil, annotated: doc, entitiesJSON: writer.response(.detectEntitiesV2, for: doc),
            diagnostics: doc.diagnostics, failure: nil, operationOutcome: nil)
        withFHIR(&result, note: nil, id: id, doc: doc)
        return result
    }
}
