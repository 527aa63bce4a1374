import ArgumentParser
import Dispatch
import Foundation
import MedTextCore
import MedTextKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Annotate FHIR R4 DocumentReferences in bulk (NDJSON in, NDJSON out, in input order).",
        discussion: """
            Reads NDJSON DocumentReferences (plain or gzip) from standard input, files, or directories
            (searched recursively for *.ndjson, *.ndjson.gz, *.jsonl, *.jsonl.gz, in name order).
            Text comes from content[].attachment.data (base64; text/plain or text/markdown; UTF-8 with
            or without BOM, ISO-8859-1 or US-ASCII as declared by the charset parameter).

            A bad record is data, not an error: it becomes an OperationOutcome with its line number
            and document id, and the run goes on (exit 0; exit 65 with --strict). Unreadable input
            or an unusable terminology stops the run at once (exit 66/74, 70).

            --format fhir (default) writes the FHIR R4 resources derived from each document (deterministic
            ids; --out DIR writes one NDJSON file per resource type); --format cm writes one
            Comprehend-Medical-shaped result per document.

            --emit envelope writes exactly one line per non-blank input line, in order:
              {"id":…,"line":N,"status":"ok","resources":[…]} or {"id":…,"line":N,"status":"error","reason":…,"resources":[OperationOutcome]}
            Output is byte-identical for any --jobs.
            """
    )

    @Argument(help: "NDJSON files or directories; '-' or none for standard input.")
    var inputs: [String] = []

    @Option(help: "Output format: fhir (FHIR R4 resources derived from each document) or cm (Comprehend-Medical-shaped results per document).")
    var format: String = "fhir"

    @Option(help: "resources (one line per output record) or envelope (exactly one line per input line).")
    var emit: String = "resources"

    @Flag(help: "Also output each DocumentReference with an annotation-summary extension.")
    var writeBack = false

    @Option(help: ArgumentHelp("Write one NDJSON file per resource type into DIR instead of standard output.", valueName: "DIR"))
    var out: String?

    @Flag(help: "With --out: skip documents whose output DIR already holds (after an interrupted run).")
    var resume = false

    @Option(help: "Documents annotated at once (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Exit with status 65 when any record failed.")
    var strict = false

    @Option(help: "Largest note text accepted, in bytes (all attachments together).")
    var maxNoteBytes: Int = DocumentReferenceDecoder.defaultMaxNoteBytes

    @Option(help: "Offset unit: codepoints (as Comprehend Medical), utf16 or utf8.")
    var offsets: OffsetUnit = .codePoints

    @Option(help: ArgumentHelp("Number of the first input line (for a shard that starts inside a larger file; one input only).", valueName: "N"))
    var firstLine: Int = 1

    @Option(name: .customLong("terminology"), help: ArgumentHelp("Terminology database (default: $MEDTEXT_TERMINOLOGY, else the built-in one).", valueName: "path"))
    var terminology: String?

    func validate() throws {
        guard BatchFormat(rawValue: format) != nil else { throw ValidationError("--format must be cm or fhir") }
        guard let e = BatchEmit(rawValue: emit) else { throw ValidationError("--emit must be resources or envelope") }
        if resume && out == nil { throw ValidationError("--resume needs --out DIR") }
        if out != nil && e == .envelope { throw ValidationError("--emit envelope writes to standard output; leave out --out") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if firstLine < 1 { throw ValidationError("--first-line must be at least 1") }
        if firstLine != 1 && inputs.count > 1 { throw ValidationError("--first-line applies to a single input") }
        if maxNoteBytes < 1 { throw ValidationError("--max-note-bytes must be positive") }
    }

    func run() throws {
        let options = BatchOptions(
            format: BatchFormat(rawValue: format)!, emit: BatchEmit(rawValue: emit)!, writeBack: writeBack,
            maxNoteBytes: maxNoteBytes, offsets: offsets)
        let run = BatchRun(
            inputs: inputs, options: options, outDirectory: out, resume: resume, jobs: jobs, strict: strict,
            firstLine: firstLine, terminology: terminology)
        // The executor is async; the CLI's root command is synchronous. The run reports its
        // own errors and summary, then exits the process with its status.
        let done = DispatchSemaphore(value: 0)
        Task {
            let status = await run.execute()
            Foundation.exit(status)
        }
        done.wait()
    }
}

/// One `medtext batch` run: inputs, sink, summary, progress.
struct BatchRun: Sendable {
    var inputs: [String]
    var options: BatchOptions
    var outDirectory: String?
    var resume: Bool
    var jobs: Int
    var strict: Bool
    var firstLine: Int
    var terminology: String?

    func execute() async -> Int32 {
        do {
            return try await executeThrowing()
        } catch let e as CLIError {
            StandardError.write(e.description)
            return e.exitCode
        } catch {
            StandardError.write("error: MT-BATCH-099: unexpected \(type(of: error)); no input text is shown")
            return 70
        }
    }

    func executeThrowing() async throws -> Int32 {
        let sources = try BatchInputs.expand(inputs)
        let annotator: MedTextAnnotator
        do {
            annotator = try MedTextAnnotator(configuration: MedTextConfiguration(
                terminologyURL: terminology.map { URL(fileURLWithPath: $0) }, preloadConcepts: true))
        } catch let e as PipelineBuildError {
            throw e.cliError(exitCode: 70)
        }
        let processor: BatchProcessor
        do {
            processor = try BatchProcessor(annotator: annotator, options: options)
        } catch let e as PipelineBuildError {
            throw e.cliError(exitCode: 70)
        }
        let sink: any BatchSink
        var done: Set<String> = []
        if let outDirectory {
            let d = try DirectorySink(path: outDirectory, resume: resume)
            done = d.done
            sink = d
        } else {
            sink = StdoutSink()
        }
        var summary = BatchSummary()
        let progress = BatchProgress(totalBytes: sources.totalPlainBytes)
        var reader: LineReader? = nil
        var sourceIndex = 0
        var sourceName: String? = nil
        // Blocks of one line: the reader's line limit is above the note limit so that a note
        // over the limit still yields its id; a line over the reader's limit is not kept.
        let maxLine = max(64 << 20, options.maxNoteBytes / 3 * 4 + (1 << 20))
        let executor = OrderedExecutor(jobs: jobs, maxCostInFlight: max(64 << 20, maxLine))
        let start = DispatchTime.now().uptimeNanoseconds

        try await executor.run(
            next: { () throws -> (input: BatchItem, cost: Int)? in
                while true {
                    if reader == nil {
                        guard sourceIndex < sources.paths.count else { return nil }
                        let path = sources.paths[sourceIndex]
                        sourceIndex += 1
                        do {
                            reader = try LineReader(path: path, maxLineBytes: maxLine)
                        } catch let e as InputError {
                            throw e.cliError(exitCode: 66)
                        }
                        sourceName = path == "-" ? nil : path
                    }
                    let line: InputLine?
                    do {
                        line = try reader!.next()
                    } catch let e as InputError {
                        throw e.cliError(exitCode: 74)
                    }
                    guard let line else {
                        reader = nil
                        continue
                    }
                    let number = reader!.lineNumber + (sourceIndex == 1 ? firstLine - 1 : 0)
                    switch line {
                    case .tooLong(let n):
                        progress.read(bytes: n + 1)
                        return (BatchItem(content: .tooLong(byteCount: n), line: number, source: sourceName), 1)
                    case .line(let bytes):
                        progress.read(bytes: bytes.count + 1)
                        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                        if !done.isEmpty, let key = BatchInputs.resumeKey(bytes, source: sourceName, line: number), done.contains(key) {
                            summary.skipped += 1
                            continue
                        }
                        return (BatchItem(content: .line(bytes), line: number, source: sourceName), bytes.count)
                    }
                }
            },
            transform: { item in processor.process(item) },
            emit: { outcome in
                summary.add(outcome)
                try sink.write(outcome, emit: options.emit)
                progress.tick(documents: summary.read + summary.skipped)
            })
        try sink.finish()
        progress.clear()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        StandardError.write(summary.report(seconds: seconds, jobs: jobs))
        return strict && summary.failed > 0 ? 65 : 0
    }
}

/// Counts for the end-of-run summary.
struct BatchSummary: Sendable {
    var read = 0
    var annotated = 0
    var failed = 0
    var skipped = 0
    var textBytes = 0
    var entities = 0
    var reasons: [DocumentReferenceFailure.Reason: Int] = [:]

    mutating func add(_ o: BatchOutcome) {
        read += 1
        if let r = o.failure {
            failed += 1
            reasons[r, default: 0] += 1
        } else {
            annotated += 1
            textBytes += o.textBytes
            entities += o.entityCount
        }
    }

    func report(seconds: Double, jobs: Int) -> String {
        var lines = ["medtext batch: read \(read) = annotated \(annotated) + failed \(failed)" + (skipped > 0 ? "; skipped \(skipped) already in the output (--resume)" : "")]
        for (r, n) in reasons.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(r.rawValue) (\(r.code)): \(n)")
        }
        let mb = Double(textBytes) / 1_000_000
        let rate = seconds > 0 ? mb / seconds : 0
        lines.append(String(format: "  %d entities; %.2f MB of note text in %.2f s (%.2f MB/s, %.0f documents/s) with %d jobs", entities, mb, seconds, rate, seconds > 0 ? Double(read) / seconds : 0, jobs))
        return lines.joined(separator: "\n")
    }
}

/// The input list, expanded.
struct BatchInputs: Sendable {
    var paths: [String]
    /// Total size of the inputs when they are all regular, uncompressed files (for the ETA).
    var totalPlainBytes: Int?

    static let suffixes = [".ndjson", ".ndjson.gz", ".jsonl", ".jsonl.gz"]

    static func expand(_ inputs: [String]) throws(CLIError) -> BatchInputs {
        let fm = FileManager.default
        var paths: [String] = []
        for input in inputs.isEmpty ? ["-"] : inputs {
            var isDir: ObjCBool = false
            if input != "-", fm.fileExists(atPath: input, isDirectory: &isDir), isDir.boolValue {
                guard let e = fm.enumerator(atPath: input) else {
                    throw CLIError(code: "MT-IO-001", message: "cannot list directory \(input)", exitCode: 66)
                }
                var found: [String] = []
                while let rel = e.nextObject() as? String {
                    if suffixes.contains(where: { rel.hasSuffix($0) }) { found.append(rel) }
                }
                paths += found.sorted().map { (input as NSString).appendingPathComponent($0) }
            } else {
                paths.append(input)
            }
        }
        var total: Int? = 0
        for p in paths {
            guard p != "-", !p.hasSuffix(".gz"), let size = (try? fm.attributesOfItem(atPath: p))?[.size] as? Int else {
                total = nil
                break
            }
            total! += size
        }
        return BatchInputs(paths: paths, totalPlainBytes: total)
    }

    /// The key `--resume` knows a document by (its id, else source and line), read cheaply.
    static func resumeKey(_ bytes: [UInt8], source: String?, line: Int) -> String? {
        let data = bytes.withUnsafeBufferPointer { Data(buffer: $0) }
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        return BatchOutcome.key(id: object?["id"] as? String, source: source, line: line)
    }
}

/// Where outcomes go.
protocol BatchSink {
    func write(_ outcome: BatchOutcome, emit: BatchEmit) throws(CLIError)
    func finish() throws(CLIError)
}

/// Writes all bytes to a file descriptor.
enum FD {
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], name: String) throws(CLIError) {
        var off = 0
        while off < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + off, bytes.count - off) }
            if n < 0 {
                if errno == EINTR { continue }
                throw CLIError(code: "MT-IO-004", message: "cannot write \(name): \(String(cString: strerror(errno)))", exitCode: 74)
            }
            off += n
        }
    }
}

/// Standard output, buffered in 256 KiB blocks.
final class StdoutSink: BatchSink {
    // Used only from the executor's calling task (emit runs there, one call at a time).
    private var buffer: [UInt8] = []

    func write(_ outcome: BatchOutcome, emit: BatchEmit) throws(CLIError) {
        switch emit {
        case .envelope:
            buffer.append(contentsOf: outcome.envelope)
            buffer.append(0x0A)
        case .resources:
            for r in outcome.records {
                buffer.append(contentsOf: r.json)
                buffer.append(0x0A)
            }
        }
        if buffer.count >= 1 << 18 { try flush() }
    }

    func flush() throws(CLIError) {
        guard !buffer.isEmpty else { return }
        try FD.writeAll(1, buffer, name: "standard output")
        buffer.removeAll(keepingCapacity: true)
    }

    func finish() throws(CLIError) { try flush() }
}
