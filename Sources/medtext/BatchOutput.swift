import Dispatch
import Foundation
import MedTextCore
import MedTextKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--out DIR`: one NDJSON file per resource type (`OperationOutcome.ndjson`,
/// `DocumentReference.ndjson`, `ComprehendMedical.ndjson`…), plus a checkpoint ledger
/// `.medtext-batch.ndjson` that makes `--resume` exact.
///
/// Every checkpoint first writes the buffered records of all files, then appends one ledger
/// line: `{"sizes":{"<file>":<bytes>,…},"done":["<key>",…]}` (keys of the documents whose
/// records are all in the files). `--resume` reads the ledger, truncates every file to the
/// sizes of the last complete checkpoint (dropping records written after it, e.g. by a killed
/// run), and skips the documents listed as done. So no document is lost or written twice.
final class DirectorySink: BatchSink {
    static let ledgerName = ".medtext-batch.ndjson"
    let directory: String
    /// Keys of documents already done (from the ledger).
    private(set) var done: Set<String> = []
    private var files: [String: Int32] = [:]
    private var sizes: [String: Int] = [:]
    private var buffers: [String: [UInt8]] = [:]
    private var pendingKeys: [String] = []
    private var buffered = 0
    private let ledger: Int32

    init(path: String, resume: Bool) throws(CLIError) {
        directory = path
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw CLIError(code: "MT-IO-005", message: "cannot create \(path)", exitCode: 73)
        }
        let existing = ((try? fm.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".ndjson") }
        let ledgerPath = (path as NSString).appendingPathComponent(Self.ledgerName)
        if !resume && !existing.isEmpty {
            throw CLIError(code: "MT-BATCH-101", message: "\(path) already holds batch output; pass --resume to continue that run, or choose an empty directory", exitCode: 64)
        }
        var lastSizes: [String: Int] = [:]
        if resume, let data = fm.contents(atPath: ledgerPath) {
            var validLength = 0
            var offset = 0
            for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
                let lineEnd = offset + line.count
                defer { offset = lineEnd + 1 }
                guard lineEnd < data.count,  // a complete line ends with a newline
                      let o = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any],
                      let s = o["sizes"] as? [String: Int], let d = o["done"] as? [String]
                else { continue }
                lastSizes = s
                done.formUnion(d)
                validLength = lineEnd + 1
            }
            truncate(ledgerPath, off_t(validLength))
        }
        ledger = open(ledgerPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard ledger >= 0 else {
            throw CLIError(code: "MT-IO-005", message: "cannot write \(ledgerPath): \(String(cString: strerror(errno)))", exitCode: 73)
        }
        if resume {
            for name in existing where name != Self.ledgerName {
                let size = lastSizes[name] ?? 0
                truncate((path as NSString).appendingPathComponent(name), off_t(size))
            }
        }
    }

    deinit { close(ledger) }

    private func fd(_ name: String) throws(CLIError) -> Int32 {
        if let fd = files[name] { return fd }
        let p = (directory as NSString).appendingPathComponent(name)
        let fd = open(p, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else {
            throw CLIError(code: "MT-IO-005", message: "cannot write \(p): \(String(cString: strerror(errno)))", exitCode: 73)
        }
        files[name] = fd
        var st = stat()
        fstat(fd, &st)
        sizes[name] = Int(st.st_size)
        return fd
    }

    func write(_ outcome: BatchOutcome, emit: BatchEmit) throws(CLIError) {
        for r in outcome.records {
            let name = r.resourceType + ".ndjson"
            buffers[name, default: []].append(contentsOf: r.json)
            buffers[name]!.append(0x0A)
            buffered += r.json.count + 1
        }
        pendingKeys.append(outcome.key)
        if buffered >= 1 << 20 || pendingKeys.count >= 2000 { try checkpoint() }
    }

    func checkpoint() throws(CLIError) {
        guard !pendingKeys.isEmpty else { return }
        for (name, bytes) in buffers.sorted(by: { $0.key < $1.key }) where !bytes.isEmpty {
            let f = try fd(name)
            try FD.writeAll(f, bytes, name: name)
            sizes[name, default: 0] += bytes.count
        }
        buffers.removeAll(keepingCapacity: true)
        buffered = 0
        var w = JSONWriter()
        w.beginObject()
        w.key("sizes")
        w.beginObject()
        for (name, size) in sizes.sorted(by: { $0.key < $1.key }) { w.field(name, size) }
        w.endObject()
        w.key("done")
        w.beginArray()
        for k in pendingKeys { w.string(k) }
        w.endArray()
        w.endObject()
        var line = w.bytes
        line.append(0x0A)
        try FD.writeAll(ledger, line, name: Self.ledgerName)
        pendingKeys.removeAll(keepingCapacity: true)
    }

    func finish() throws(CLIError) {
        try checkpoint()
        for (_, f) in files { close(f) }
        files.removeAll()
    }
}

/// The progress line on standard error: only when it is a terminal, at most twice a second.
final class BatchProgress {
    let enabled = isatty(2) == 1
    let totalBytes: Int?
    private var bytesRead = 0
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0
    private var drawn = false

    init(totalBytes: Int?) { self.totalBytes = totalBytes }

    func read(bytes: Int) { bytesRead += bytes }

    func tick(documents: Int) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastDraw >= 500_000_000 else { return }
        lastDraw = now
        let seconds = Double(now - start) / 1e9
        let rate = seconds > 0 ? Double(documents) / seconds : 0
        var line = String(format: "\r%d documents, %.1f MB, %.0f documents/s", documents, Double(bytesRead) / 1_000_000, rate)
        if let total = totalBytes, bytesRead > 0, seconds > 1 {
            let remaining = Double(max(0, total - bytesRead)) / (Double(bytesRead) / seconds)
            line += String(format: ", ETA %d:%02d", Int(remaining) / 60, Int(remaining) % 60)
        }
        line += "\u{1B}[K"
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    func clear() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
