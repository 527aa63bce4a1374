import ArgumentParser
import Foundation
import MedTextCore
import MedTextKit

/// `medtext assert`: context traits for spans the caller's own recognizer found.
struct AssertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assert",
        abstract: "Negation, hypothetical, history, family and future traits for spans you found (Comprehend Medical entity JSON).",
        discussion: """
            Reads {"Text": "...", "Targets": [{"BeginOffset": b, "EndOffset": e}, ...]} and prints \
            {"Entities": [...]} with one entity per target, in target order (Id = target index). \
            A target that is out of range or splits a character becomes {"Id", "BeginOffset", "EndOffset", \
            "Error": {"Code", "Message"}}. With --ndjson each line is such an object with an "id".
            """)

    @OptionGroup var options: NoteOptions

    func run() throws {
        let o = options
        do {
            let annotator: MedTextAnnotator
            do {
                annotator = try MedTextAnnotator(configuration: MedTextConfiguration(terminologyURL: o.terminology.map { URL(fileURLWithPath: $0) }))
            } catch let e as PipelineBuildError {
                throw e.cliError(exitCode: 70)
            }
            let writer = ComprehendMedicalJSON(offsets: o.offsets, explain: o.explain, indent: o.pretty && !o.ndjson ? 2 : 0)
            func respond(_ request: AssertRequest) -> [UInt8] {
                let results = annotator.assert(text: request.text, targets: request.targets, offsets: o.offsets)
                var w = JSONWriter(indent: writer.indent)
                writer.writeAssert(results, targets: request.targets, text: request.text, into: &w)
                return w.bytes
            }
            if o.ndjson {
                try NDJSONRunner.run(path: o.file) { bytes in
                    switch AssertRequest.parse(bytes, needsID: true) {
                    case .failure(let e): return .failure(e)
                    case .success(let r): return .success((r.id ?? "", respond(r)))
                    }
                }
                return
            }
            let bytes = try InputReader(path: o.file, lenient: false).readBytes()
            switch AssertRequest.parse(bytes, needsID: false) {
            case .failure(let e):
                throw CLIError(code: e.code, message: e.message, exitCode: 65)
            case .success(let request):
                var out = respond(request)
                out.append(0x0A)
                FileHandle.standardOutput.write(Data(out))
            }
        } catch let e as CLIError {
            StandardError.write(e.description)
            throw ExitCode(e.exitCode)
        }
    }
}

/// One parsed `assert` request.
struct AssertRequest {
    var id: String?
    var text: String
    var targets: [AssertTarget]

    /// Parses `{"Text": ..., "Targets": [...]}` (plus `"id"` for NDJSON). Messages name the
    /// missing or malformed key, never the text.
    static func parse(_ bytes: [UInt8], needsID: Bool) -> Result<AssertRequest, NDJSONRunner.LineError> {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            return .failure(.init(id: nil, code: "MT-ASSERT-010", message: "the request is not a JSON object"))
        }
        var id: String? = nil
        switch object["id"] {
        case let s as String: id = s
        case let n as NSNumber: id = n.stringValue
        default:
            if needsID { return .failure(.init(id: nil, code: "MT-NDJSON-002", message: "missing \"id\" (a string or number)")) }
        }
        guard let text = (object["Text"] ?? object["text"]) as? String else {
            return .failure(.init(id: id, code: "MT-ASSERT-011", message: "missing \"Text\" (a string)"))
        }
        guard let list = object["Targets"] as? [Any] else {
            return .failure(.init(id: id, code: "MT-ASSERT-012", message: "missing \"Targets\" (an array of {\"BeginOffset\", \"EndOffset\"})"))
        }
        var targets: [AssertTarget] = []
        for (i, item) in list.enumerated() {
            guard let t = item as? [String: Any], let b = integer(t["BeginOffset"]), let e = integer(t["EndOffset"]) else {
                return .failure(.init(id: id, code: "MT-ASSERT-013", message: "target \(i) needs integer \"BeginOffset\" and \"EndOffset\""))
            }
            targets.append(AssertTarget(beginOffset: b, endOffset: e))
        }
        return .success(AssertRequest(id: id, text: text, targets: targets))
    }

    private static func integer(_ value: Any?) -> Int? {
        guard let n = value as? NSNumber else { return nil }
        let d = n.doubleValue
        guard d.rounded() == d, abs(d) < 1e15 else { return nil }
        return Int(d)
    }
}
