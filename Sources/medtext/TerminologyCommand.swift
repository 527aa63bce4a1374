import ArgumentParser
import Foundation
import MedTextKit
import TerminologyMap

/// `medtext terminology ...`: build, import, inspect and query terminology databases.
struct TerminologyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terminology",
        abstract: "Build, import, inspect and query the terminology database.",
        discussion: """
            Without --terminology, medtext uses the default database built from its lexicons into
            the cache folder ($MEDTEXT_CACHE_DIR, else $XDG_CACHE_HOME/medtext or ~/.cache/medtext).
            MEDTEXT_TERMINOLOGY=PATH selects another database. The recognizer's compiled lexicon and
            PHI vocabulary are kept in the same folder as images keyed on their inputs' contents
            (MEDTEXT_LEXICON_IMAGES=off compiles them at every start instead).
            """,
        subcommands: [TerminologyBuildCommand.self, TerminologyImportCommand.self, TerminologyInfoCommand.self, TerminologyLookupCommand.self]
    )
}

/// The shared `--terminology PATH` option.
struct TerminologyOption: ParsableArguments {
    @Option(name: .customLong("terminology"), help: ArgumentHelp("Terminology database to use (default: $MEDTEXT_TERMINOLOGY, else the built-in one).", valueName: "path"))
    var path: String?

    var url: URL? { path.map { URL(fileURLWithPath: $0) } }
}

extension TerminologyError {
    /// Exit code by kind: 66 missing input, 65 bad data, 74 I/O, 70 otherwise.
    var exitCode: Int32 {
        switch kind {
        case .openFailed, .unreadableSource: return 66
        case .malformedSource, .incompatibleSchema: return 65
        case .replaceFailed, .defaultDatabase: return 74
        case .invalidArgument: return 64
        case .sqlite: return 70
        }
    }
}

/// Runs `body`, printing a TerminologyError or CLIError on stderr and exiting with its code.
func runReportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as TerminologyError {
        StandardError.write("error: \(e.code): \(e.message)")
        throw ExitCode(e.exitCode)
    } catch let e as CLIError {
        StandardError.write(e.description)
        throw ExitCode(e.exitCode)
    }
}
