public import FHIRMapper
public import Foundation
public import MedTextCore

/// Annotation plus FHIR R4 mapping, built once: the annotator and the sig tables the mapper
/// re-parses attributes with (read from the configuration's `lexicons/data/sig/`). Shared by
/// `medtext fhir` and batch processing of DocumentReferences.
public struct MedTextFHIR: Sendable {
    public let annotator: MedTextAnnotator
    public let mapper: FHIRMapper

    /// - Throws: ``PipelineBuildError`` when a sig file is missing or malformed.
    public init(annotator: MedTextAnnotator) throws {
        self.annotator = annotator
        self.mapper = FHIRMapper(sig: try Self.sigTables(lexiconsDirectory: annotator.pipeline.configuration.lexiconsDirectory))
    }

    /// The sig tables from `<lexicons>/sig/*.tsv`.
    public static func sigTables(lexiconsDirectory dir: URL) throws -> FHIRSigTables {
        func read(_ name: String) throws -> String { try MedTextPipeline.read(dir.appendingPathComponent("sig/" + name)) }
        do {
            return try FHIRSigTables(
                units: read("units.tsv"), testUnits: read("test_units.tsv"), routes: read("routes.tsv"), frequencies: read("frequencies.tsv"))
        } catch let e as FHIRMapperError {
            throw PipelineBuildError(reason: .invalidRules, path: dir.appendingPathComponent("sig").path, detail: e.description)
        }
    }

    /// The annotator's terminology versions, for `Coding.version` and Provenance.
    public var terminologyVersions: [FHIRTerminologyVersion] {
        annotator.terminologyVersions.map { FHIRTerminologyVersion(system: $0.system.uri, name: $0.name, version: $0.version) }
    }

    /// Annotates `document` with linked codes and maps it to FHIR resources.
    public func map(_ document: Document, context: FHIRContext) -> FHIRMapping {
        mapper.map(annotator.annotate(document, linking: .linked, phi: false), context: context)
    }
}
