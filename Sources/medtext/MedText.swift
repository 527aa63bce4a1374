import ArgumentParser
import MedTextKit

@main
struct MedText: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "medtext",
        abstract: "Clinical NLP: find medications, conditions, anatomy, tests and PHI in clinical notes.",
        version: MedTextVersion.string,
        subcommands: [TokenizeCommand.self, TerminologyCommand.self]
    )
}
