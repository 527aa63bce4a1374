// A FHIR store's ingestion hook, as a small program: it receives DocumentReferences (here:
// every *.ndjson file in INPUT_DIR, one resource per line), annotates each one with a single
// shared `MedTextIngestionHook` from many concurrent tasks, and writes for each document a FHIR
// transaction Bundle to OUTPUT_DIR/bundles.ndjson (in input order, one Bundle per line).
//
// Each Bundle PUTs the resources derived from the note (Condition, MedicationStatement,
// Observation..., Provenance; deterministic ids, so re-running the hook updates rather than
// duplicates) and the DocumentReference itself with medtext's annotation-summary extension.
// Documents that cannot be read go to OUTPUT_DIR/errors.ndjson as OperationOutcomes (file,
// line, document id; never note text), and the Comprehend-Medical-shaped entities of each note
// go to OUTPUT_DIR/entities.ndjson.
//
//   swift run -c release IngestionHook ../../Benchmarks/corpus in-dir out-dir --concurrency 8
import Foundation
import MedTextCore
import MedTextKit

struct Usage: Error, CustomStringConvertible {
    var description: String
}

/// One document the hook received.
struct Received: Sendable {
    var file: String
    var line: Int
    var json: [UInt8]
}

/// What the hook wrote for one document.
struct Written: Sendable {
    var bundle: [UInt8]?
    var entities: [UInt8]?
    var error: [UInt8]?
}

/// The hook's transaction Bundle of derived resources, plus a PUT of the summarized
/// DocumentReference as a last entry.
func transactionBundle(derived: [UInt8]?, documentReference: [UInt8], id: String) -> [UInt8] {
    var entries: [[UInt8]] = []
    if let derived, let object = try? JSONSerialization.jsonObject(with: Data(derived)) as? [String: Any],
       let list = object["entry"] as? [Any]
    {
        for e in list { if let d = try? JSONSerialization.data(withJSONObject: e, options: [.sortedKeys]) { entries.append(Array(d)) } }
    }
    var put = JSONWriter()
    put.beginObject()
    put.key("resource")
    put.raw(documentReference)
    put.key("request")
    put.beginObject()
    put.field("method", "PUT")
    put.field("url", "DocumentReference/\(id)")
    put.endObject()
    put.endObject()
    entries.append(put.bytes)
    var w = JSONWriter()
    w.beginObject()
    w.field("resourceType", "Bundle")
    w.field("type", "transaction")
    w.key("entry")
    w.beginArray()
    for e in entries { w.raw(e) }
    w.endArray()
    w.endObject()
    return w.bytes
}

func handle(_ item: Received, hook: MedTextIngestionHook) async -> Written {
    let result = await hook.annotate(documentReference: item.json)
    guard result.succeeded, let id = result.id else {
        // A document without an id cannot be PUT back: report it like a failed one.
        let failure = result.failure ?? DocumentReferenceFailure(.invalidResource, detail: "the DocumentReference has no id")
        return Written(error: BatchProcessor.operationOutcome(failure, line: item.line, source: item.file))
    }
    var entities = JSONWriter()
    entities.beginObject()
    entities.field("id", id)
    entities.key("result")
    entities.raw(result.entitiesJSON)
    entities.endObject()
    let summarized = hook.summarized(documentReference: item.json, result: result) ?? item.json
    return Written(bundle: transactionBundle(derived: result.transactionBundle, documentReference: summarized, id: id), entities: entities.bytes)
}

func main() async throws {
    var args = Array(CommandLine.arguments.dropFirst())
    var concurrency = ProcessInfo.processInfo.activeProcessorCount * 2
    if let i = args.firstIndex(of: "--concurrency"), i + 1 < args.count {
        concurrency = max(1, Int(args[i + 1]) ?? concurrency)
        args.removeSubrange(i...(i + 1))
    }
    guard args.count == 2 else { throw Usage(description: "usage: IngestionHook INPUT_DIR OUTPUT_DIR [--concurrency N]") }
    let (input, output) = (args[0], args[1])
    let fm = FileManager.default
    guard let names = try? fm.contentsOfDirectory(atPath: input) else { throw Usage(description: "cannot list \(input)") }
    try fm.createDirectory(atPath: output, withIntermediateDirectories: true)

    // Built once (compiles the lexicons, opens the terminology), shared by every task.
    let hook = try MedTextIngestionHook(configuration: .init())

    var files: [String: FileHandle] = [:]
    for name in ["bundles", "entities", "errors"] {
        let path = (output as NSString).appendingPathComponent(name + ".ndjson")
        fm.createFile(atPath: path, contents: nil)
        files[name] = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    }
    var counts = (bundles: 0, errors: 0)
    // Documents are annotated `concurrency` at a time by concurrent tasks sharing the one hook;
    // results are written in input order.
    for name in names.sorted() where name.hasSuffix(".ndjson") {
        let path = (input as NSString).appendingPathComponent(name)
        let reader = try LineReader(path: path)
        var chunk: [Received] = []
        func flush() async {
            let results = await withTaskGroup(of: (Int, Written).self) { group in
                for (i, item) in chunk.enumerated() { group.addTask { (i, await handle(item, hook: hook)) } }
                var out = [Written?](repeating: nil, count: chunk.count)
                for await (i, w) in group { out[i] = w }
                return out.compactMap { $0 }
            }
            for w in results {
                if let b = w.bundle { files["bundles"]!.write(Data(b + [0x0A])); counts.bundles += 1 }
                if let e = w.entities { files["entities"]!.write(Data(e + [0x0A])) }
                if let e = w.error { files["errors"]!.write(Data(e + [0x0A])); counts.errors += 1 }
            }
            chunk.removeAll()
        }
        while let line = try reader.next() {
            guard case .line(let bytes) = line, !bytes.isEmpty else { continue }
            chunk.append(Received(file: path, line: reader.lineNumber, json: bytes))
            if chunk.count == concurrency { await flush() }
        }
        await flush()
    }
    for (_, h) in files { try h.close() }
    FileHandle.standardError.write(Data("ingestion hook: \(counts.bundles) transaction bundles, \(counts.errors) errors in \(output)\n".utf8))
}

do {
    try await main()
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
