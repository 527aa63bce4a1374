public import ArgumentParser
import Foundation
public import MedTextCore
import MedTextKit

extension OffsetUnit: ExpressibleByArgument {}

struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Print the tokens, sentences and sections of a note as JSON.",
        discussion: """
            Reads FILE (or standard input when FILE is absent or '-'), which must be UTF-8.
            Offsets are half-open [begin, end) ranges in the unit chosen with --offsets.
            """
    )

    @Argument(help: "The note to read; '-' or absent for standard input.")
    var file: String?

    @Option(help: "Offset unit: utf8, utf16 or codepoints.")
    var offsets: OffsetUnit = .codePoints

    @Flag(help: "Replace invalid UTF-8 with U+FFFD (with a warning) instead of failing.")
    var lenient = false

    @Flag(help: "Also list whitespace and newline tokens.")
    var includeSpace = false

    func run() throws {
        do {
            let (text, diagnostic) = try InputReader(path: file, lenient: lenient).read()
            if let d = diagnostic { StandardError.write("warning: \(d.code): \(d.message)") }
            let pipeline: MedTextPipeline
            do {
                pipeline = try MedTextPipeline()
            } catch let e as PipelineBuildError {
                throw e.cliError(exitCode: 70)
            }
            let annotated = pipeline.analyze(Document(id: file ?? "-", text: text))
            let output = TokenizeOutput(annotated, unit: offsets, includeSpace: includeSpace)
            let data: Data
            do {
                data = try output.jsonData()
            } catch {
                throw CLIError(code: "MT-CLI-002", message: "could not encode the output as JSON", exitCode: 70)
            }
            FileHandle.standardOutput.write(data)
        } catch let e as CLIError {
            StandardError.write(e.description)
            throw ExitCode(e.exitCode)
        }
    }
}
