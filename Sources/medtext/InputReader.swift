import Foundation
import MedTextCore

/// Reads a note from a file or standard input, as UTF-8. Shared by every subcommand.
struct InputReader {
    /// A file path, or `nil` / `-` for standard input.
    var path: String?
    /// Replace invalid UTF-8 with U+FFFD (and warn) instead of failing.
    var lenient: Bool

    /// Where the input came from, for messages (never the text).
    var sourceName: String { path == nil || path == "-" ? "standard input" : path! }

    /// The decoded text, and a diagnostic when invalid bytes were replaced.
    func read() throws(CLIError) -> (text: String, diagnostic: Diagnostic?) {
        let bytes = try readBytes()
        if lenient {
            let (text, bad) = UTF8Input.decodeLenient(bytes)
            let diagnostic = bad.map {
                Diagnostic(
                    severity: .warning, code: "MT-INPUT-002",
                    message: "\(sourceName) is not valid UTF-8 (first invalid byte at offset \($0)); invalid bytes were replaced with U+FFFD, so offsets refer to the repaired text",
                    offset: $0)
            }
            return (text, diagnostic)
        }
        switch UTF8Input.decode(bytes) {
        case .success(let s): return (s, nil)
        case .failure(let e): throw CLIError(code: e.code, message: "\(sourceName): \(e.message)", exitCode: 65)
        }
    }

    func readBytes() throws(CLIError) -> [UInt8] {
        if path == nil || path == "-" {
            return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        guard let data = FileManager.default.contents(atPath: path!) else {
            throw CLIError(code: "MT-CLI-001", message: "cannot read \(path!): no such file, or not readable", exitCode: 66)
        }
        return [UInt8](data)
    }
}

/// An error shown to the user: a stable code, a message without note text, an exit code
/// (sysexits: 64 usage, 65 data, 66 no input, 70 software, 74 I/O).
struct CLIError: Error, CustomStringConvertible {
    var code: String
    var message: String
    var exitCode: Int32
    var description: String { "error: \(code): \(message)" }
}

/// Writes to standard error.
enum StandardError {
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

extension MedTextError {
    /// The error as a ``CLIError`` with exit code `exitCode`.
    func cliError(exitCode: Int32) -> CLIError { CLIError(code: code, message: message, exitCode: exitCode) }
}
