import Foundation
import MedTextCore
import MedTextKit

/// The `--ndjson` mode shared by the note commands: reads lines of `{"id": ..., "text": ...}`
/// (plain or gzip, from a file or standard input) and writes exactly one line per non-blank
/// input line, in input order: `{"id": ..., "result": {...}}`, or for a bad line
/// `{"id": ..., "line": N, "error": {"code": ..., "message": ...}}`. Bad lines never stop the
/// run; messages never contain note text.
enum NDJSONRunner {
    static func run(path: String?, process: (String, String) -> [UInt8]) throws(CLIError) {
        try run(path: path, handle: { bytes in parse(bytes).map { (id, text) in (id, process(id, text)) } })
    }

    /// The same loop for commands whose lines carry more than a text (`assert`): `handle`
    /// parses one line and returns its id and result JSON, or a ``LineError``.
    static func run(path: String?, handle: ([UInt8]) -> Result<(String, [UInt8]), LineError>) throws(CLIError) {
        let reader: LineReader
        do {
            reader = try LineReader(path: path ?? "-")
        } catch let e as InputError {
            throw e.cliError(exitCode: 66)
        } catch {
            throw CLIError(code: "MT-IO-001", message: "cannot open the input", exitCode: 66)
        }
        let out = FileHandle.standardOutput
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)
        func flush(force: Bool) {
            if buffer.count >= 1 << 16 || (force && !buffer.isEmpty) {
                out.write(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        while true {
            let next: InputLine?
            do {
                next = try reader.next()
            } catch let e as InputError {
                throw e.cliError(exitCode: 74)
            } catch {
                throw CLIError(code: "MT-IO-002", message: "cannot read the input", exitCode: 74)
            }
            guard let line = next else { break }
            let number = reader.lineNumber
            var w = JSONWriter()
            switch line {
            case .tooLong(let n):
                writeError(&w, id: nil, line: number, code: "MT-NDJSON-004", message: "line is \(n) bytes, over the \(reader.maxLineBytes)-byte limit")
            case .line(let bytes):
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                switch handle(bytes) {
                case .failure(let e):
                    writeError(&w, id: e.id, line: number, code: e.code, message: e.message)
                case .success(let (id, result)):
                    w.beginObject()
                    w.field("id", id)
                    w.key("result")
                    w.raw(result)
                    w.endObject()
                }
            }
            buffer.append(contentsOf: w.bytes)
            buffer.append(0x0A)
            flush(force: false)
        }
        flush(force: true)
    }

    struct LineError: Error {
        var id: String?
        var code: String
        var message: String
    }

    static func parse(_ bytes: [UInt8]) -> Result<(String, String), LineError> {
        if let line = FastLine(bytes) {
            guard case .found(let id) = line.id else {
                return .failure(LineError(id: nil, code: "MT-NDJSON-002", message: "missing \"id\" (a string or number)"))
            }
            guard let text = line.string("text") else {
                return .failure(LineError(id: id, code: "MT-NDJSON-003", message: "missing \"text\" (a string)"))
            }
            return .success((id, text))
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            return .failure(LineError(id: nil, code: "MT-NDJSON-001", message: "not a JSON object"))
        }
        let id: String
        switch object["id"] {
        case let s as String: id = s
        case let n as NSNumber: id = n.stringValue
        default: return .failure(LineError(id: nil, code: "MT-NDJSON-002", message: "missing \"id\" (a string or number)"))
        }
        guard let text = object["text"] as? String else {
            return .failure(LineError(id: id, code: "MT-NDJSON-003", message: "missing \"text\" (a string)"))
        }
        return .success((id, text))
    }

    /// A line read with the byte-level ``JSONReader`` (several times faster than
    /// `JSONSerialization`, which costs about a fifth of a `detect-phi --ndjson` run), or nil when
    /// the line needs Foundation's reading so that it is handled exactly as before: it is not a
    /// JSON object, or its `id` is neither a string nor a plain integer (floats, booleans, null,
    /// arrays and objects keep Foundation's spelling or error). The two readers accept the same
    /// documents (`JSONReaderTests`), so a valid line never takes the slow path for its syntax.
    struct FastLine {
        enum ID {
            case found(String)
            case missing
        }
        let members: [(key: String, value: JSONValue)]
        let id: ID

        init?(_ bytes: [UInt8]) {
            guard case .object(let members)? = JSONReader.parse(bytes) else { return nil }
            self.members = members
            switch members.last(where: { $0.key == "id" })?.value {
            case nil: id = .missing
            case .string(let s)?: id = .found(s)
            case .number(let literal)? where Self.isPlainInteger(literal): id = .found(literal)
            default: return nil
            }
        }

        /// The string member `key` (the last when it repeats), or nil when absent or not a string.
        func string(_ key: String) -> String? {
            members.last(where: { $0.key == key })?.value.stringValue
        }

        /// `-?[1-9][0-9]*` or `0`, short enough for Int64: Foundation prints such an id as written.
        static func isPlainInteger(_ literal: String) -> Bool {
            let u = literal.utf8
            guard u.count <= 18, u.allSatisfy({ $0 == UInt8(ascii: "-") || ($0 >= 0x30 && $0 <= 0x39) }) else { return false }
            return literal != "-0"
        }
    }

    static func writeError(_ w: inout JSONWriter, id: String?, line: Int, code: String, message: String) {
        w.beginObject()
        if let id { w.field("id", id) } else { w.key("id"); w.null() }
        w.field("line", line)
        w.key("error")
        w.beginObject()
        w.field("code", code)
        w.field("message", message)
        w.endObject()
        w.endObject()
    }
}
