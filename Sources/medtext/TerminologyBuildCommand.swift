import ArgumentParser
import Foundation
import MedTextKit
import TerminologyMap

struct TerminologyBuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the default terminology database from medtext's lexicons.",
        discussion: """
            Deterministic: the same lexicons give a byte-identical file. Without --out, the database
            goes to the cache folder, where medtext finds it with no flag. MEDTEXT_LEXICONS=DIR builds
            from another lexicon folder. The recognizer's compiled lexicon and PHI vocabulary for it are
            then written to the cache folder too (MEDTEXT_LEXICON_IMAGES=off skips them).
            """
    )

    @Option(help: ArgumentHelp("Write the database here instead of the cache folder.", valueName: "path"))
    var out: String?

    func run() throws {
        try runReportingErrors {
            let url = try MedTextTerminology.buildDefault(to: out.map { URL(fileURLWithPath: $0) })
            // Best effort: without the images the first annotator compiles and writes them itself.
            _ = try? MedTextAnnotator.writeCompiledImages(configuration: MedTextConfiguration(terminologyURL: url))
            print(url.path)
        }
    }
}
