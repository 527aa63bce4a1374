import ArgumentParser
import Foundation
import MedTextKit
import TerminologyMap

struct TerminologyImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import official releases and custom lexicons into a terminology database.",
        discussion: """
            Any subset of sources, each option repeatable; they are imported in the order ICD-10-CM,
            SNOMED CT, RxNorm, FHIR, lexicons. A new database starts with medtext's default lexicons
            (unless --no-default-lexicons); an existing one is extended. Everything is written to a
            temporary file that replaces --out only when every import succeeded. The recognizer's
            compiled lexicon for the new database is then written to the cache folder, so the first
            run with --terminology starts fast (MEDTEXT_LEXICON_IMAGES=off skips it).
            """
    )

    @Option(name: .customLong("snomed-rf2"), help: ArgumentHelp("SNOMED CT RF2 release folder (Snapshot files).", valueName: "dir"))
    var snomed: [String] = []

    @Option(name: .customLong("icd10cm"), help: ArgumentHelp("ICD-10-CM tabular XML or order file (icd10cm_order_YYYY.txt).", valueName: "file"))
    var icd10cm: [String] = []

    @Option(name: .customLong("rxnorm"), help: ArgumentHelp("RxNorm release folder (rrf/RXNCONSO.RRF ...).", valueName: "dir"))
    var rxnorm: [String] = []

    @Option(name: .customLong("lexicon"), help: ArgumentHelp("Custom lexicon TSV (common concept format, or the abbreviation format).", valueName: "file"))
    var lexicon: [String] = []

    @Option(name: .customLong("fhir"), help: ArgumentHelp("FHIR R4 CodeSystem or ValueSet JSON.", valueName: "file"))
    var fhir: [String] = []

    @Option(name: .customLong("fhir-entity-type"), help: ArgumentHelp("Make the FHIR concepts matchable as this entity type (e.g. DX_NAME).", valueName: "type"))
    var fhirEntityType: String?

    @Option(help: ArgumentHelp("The database to create or extend.", valueName: "path"))
    var out: String

    @Flag(help: "Start a new database without medtext's default lexicons.")
    var noDefaultLexicons = false

    func validate() throws {
        if snomed.isEmpty && icd10cm.isEmpty && rxnorm.isEmpty && lexicon.isEmpty && fhir.isEmpty {
            throw ValidationError("give at least one of --snomed-rf2, --icd10cm, --rxnorm, --lexicon, --fhir")
        }
    }

    func run() throws {
        try runReportingErrors {
            let final = URL(fileURLWithPath: out)
            let normalizer = MedTextTerminology.normalizer
            var target = final
            var staged: URL? = nil
            if !FileManager.default.fileExists(atPath: final.path) && !noDefaultLexicons {
                // Start from the default lexicons so recognizer entries and their links exist. Build
                // them beside the output and move the result into place only when every import worked.
                let s = final.deletingLastPathComponent().appendingPathComponent(".\(final.lastPathComponent).base-\(getpid())")
                staged = s
                target = s
                try MedTextTerminology.buildDefault(to: s)
            }
            defer { if let staged { try? FileManager.default.removeItem(at: staged) } }
            let builder = try TerminologyBuilder(target: target, normalizer: normalizer, options: BuildOptions(medtextVersion: MedTextVersion.string))
            for f in icd10cm {
                let url = URL(fileURLWithPath: f)
                if url.pathExtension.lowercased() == "xml" { try builder.importICD10CMTabular(url) } else { try builder.importICD10CMOrderFile(url) }
            }
            for d in snomed { try builder.importSNOMEDRF2(directory: URL(fileURLWithPath: d)) }
            for d in rxnorm { try builder.importRxNorm(directory: URL(fileURLWithPath: d)) }
            for f in fhir { try builder.importFHIR(URL(fileURLWithPath: f), entityType: fhirEntityType) }
            for f in lexicon {
                let url = URL(fileURLWithPath: f)
                if try Self.isAbbreviationFile(url) { try builder.importAbbreviations(url) } else { try builder.importLexicon(url) }
            }
            try builder.finish()
            if let staged, rename(staged.path, final.path) != 0 {
                throw TerminologyError(.replaceFailed, "cannot move the new database into place; check permissions", file: final.path)
            }
            // Best effort: without the image the first annotator compiles and writes it itself.
            _ = try? MedTextAnnotator.writeCompiledImages(configuration: MedTextConfiguration(terminologyURL: final))
            print(final.path)
        }
    }

    static func isAbbreviationFile(_ url: URL) throws -> Bool {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return false }
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            return line.hasPrefix("abbr\t")
        }
        return false
    }
}
