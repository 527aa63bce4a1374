public import MedTextCore
public import Tokenizer
public import Foundation
import MedTextLexicons
import TerminologyMap

/// How to build a ``MedTextPipeline``.
public struct MedTextConfiguration: Sendable {
    /// The lexicon data directory (laid out like `lexicons/data`). Defaults to
    /// `$MEDTEXT_LEXICONS` when set, else the copy bundled with medtext.
    public var lexiconsDirectory: URL
    /// The terminology database; `nil` selects `$MEDTEXT_TERMINOLOGY`, else the default one
    /// (built from the lexicons on first use, see `DefaultTerminology`).
    public var terminologyURL: URL?
    /// Load the details of every concept the recognizer can match when the annotator is built,
    /// so `.linked` annotation reads codes from memory instead of querying the database once
    /// per document: for batch runs and ingestion hooks (tens of milliseconds once, about half a
    /// millisecond saved per note); off for one-note command-line runs.
    public var preloadConcepts: Bool = false
    /// Where ``MedTextAnnotator`` keeps compiled-lexicon images, so that building it loads the
    /// compiled matcher instead of compiling every term (DESIGN.md "Compiled lexicon images");
    /// `nil` compiles at every build. Defaults to the terminology cache folder
    /// (`$MEDTEXT_CACHE_DIR`, ...), or `nil` when `$MEDTEXT_LEXICON_IMAGES` is `off`.
    public var lexiconImageDirectory: URL?

    public init(lexiconsDirectory: URL? = nil, terminologyURL: URL? = nil, preloadConcepts: Bool = false) {
        self.lexiconsDirectory = lexiconsDirectory ?? MedTextLexicons.dataDirectory
        self.terminologyURL = terminologyURL
        self.preloadConcepts = preloadConcepts
        self.lexiconImageDirectory = Self.defaultLexiconImageDirectory
    }

    /// The environment variable that turns compiled-lexicon images off (`off`).
    public static let lexiconImagesEnvironmentVariable = "MEDTEXT_LEXICON_IMAGES"

    /// The cache folder, unless `$MEDTEXT_LEXICON_IMAGES` is `off`.
    public static var defaultLexiconImageDirectory: URL? {
        ProcessInfo.processInfo.environment[lexiconImagesEnvironmentVariable] == "off" ? nil : DefaultTerminology.cacheDirectory
    }

    /// Path of the tokenizer's abbreviation rules.
    public var abbreviationsURL: URL { lexiconsDirectory.appendingPathComponent("tokenizer/abbreviations.tsv") }
    /// Path of the tokenizer's section-header rules.
    public var sectionsURL: URL { lexiconsDirectory.appendingPathComponent("tokenizer/sections.tsv") }
}

/// A failure while building a pipeline (never while annotating).
public struct PipelineBuildError: MedTextError {
    public enum Reason: Sendable { case unreadableFile, invalidRules, terminology }
    public var reason: Reason
    /// The file involved.
    public var path: String
    /// Details (for rule errors: file, line and what is wrong).
    public var detail: String

    public var code: String {
        switch reason {
        case .unreadableFile: "MT-KIT-001"
        case .invalidRules: "MT-KIT-002"
        case .terminology: "MT-KIT-003"
        }
    }

    public var message: String {
        switch reason {
        case .unreadableFile:
            "cannot read lexicon file \(path): \(detail); check the installation or set MEDTEXT_LEXICONS to a lexicons/data directory"
        case .invalidRules:
            "invalid rules in \(path): \(detail)"
        case .terminology:
            "cannot use the terminology database \(path): \(detail)"
        }
    }
}

/// medtext's pipeline: built once (rules compiled, lexicons loaded), then used for any
/// number of documents, from any number of tasks. Annotating never throws.
public struct MedTextPipeline: Sendable {
    public let configuration: MedTextConfiguration
    public let tokenizer: ClinicalTokenizer

    /// Builds the pipeline, loading the rule files of `configuration`.
    /// - Throws: ``PipelineBuildError``.
    public init(configuration: MedTextConfiguration = MedTextConfiguration()) throws {
        self.configuration = configuration
        let abbreviations = try Self.read(configuration.abbreviationsURL)
        let sections = try Self.read(configuration.sectionsURL)
        do {
            let rules = try TokenizerRules(
                abbreviations: abbreviations, sections: sections,
                abbreviationsFile: configuration.abbreviationsURL.path, sectionsFile: configuration.sectionsURL.path)
            self.tokenizer = ClinicalTokenizer(rules: rules)
        } catch let e as TokenizerRuleError {
            throw PipelineBuildError(reason: .invalidRules, path: e.file, detail: e.description)
        }
    }

    static func read(_ url: URL) throws -> String {
        do {
            let data = try Data(contentsOf: url)
            guard let s = String(validating: data, as: UTF8.self) else {
                throw PipelineBuildError(reason: .unreadableFile, path: url.path, detail: "not valid UTF-8")
            }
            return s
        } catch let e as PipelineBuildError {
            throw e
        } catch {
            throw PipelineBuildError(reason: .unreadableFile, path: url.path, detail: "file missing or unreadable")
        }
    }

    /// Tokens, sentences and sections of `document` (later stages add entities).
    /// - Complexity: O(n) in the text's bytes.
    public func analyze(_ document: Document) -> AnnotatedDocument {
        tokenizer.analyze(document)
    }
}
