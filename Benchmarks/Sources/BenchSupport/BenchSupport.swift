// Helpers every benchmark program shares: failing loudly, reading the generated corpus, command
// options, process CPU time, peak memory and the machine's load.
public import Foundation
public import MedTextCore

/// Prints `benchmark: MESSAGE` on stderr and exits 1.
public func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("benchmark: \(message)\n".utf8))
    exit(1)
}

/// Peak resident set size of this process (VmHWM), in KiB; -1 when unknown.
public func peakRSSKiB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? -1
    }
    return -1
}

/// The 1, 5 and 15 minute load averages, as `/proc/loadavg` writes them.
public func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
}

/// User + system CPU time of the whole process (every thread), which a busy shared machine
/// distorts far less than wall time.
public func processCPUSeconds() -> Double {
    var u = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u)
    return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6
}

/// A `Duration` in seconds.
public func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }

/// The notes of a JSONL corpus (`scripts/bench/generate_corpus.py`: one object per line with
/// `text`, or MTSamples' `transcription`), numbered by line; fails on a line that is not JSON.
public func readCorpus(_ path: String) -> [Document] {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    var documents: [Document] = []
    for (n, line) in data.split(separator: 0x0A).enumerated() {
        guard let obj = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { fail("line \(n + 1) is not a JSON object") }
        guard let text = (obj["text"] ?? obj["transcription"]) as? String else { continue }
        documents.append(Document(id: "\(n + 1)", text: text))
    }
    return documents
}

/// The flags that choose the learned PHI tagger (PHIBenchmark, EntityBenchmark; as `medtext detect-phi`).
public let taggerFlags: Set<String> = ["--phi-tagger", "--no-phi-tagger"]

/// `--phi-tagger` -> true, `--no-phi-tagger` -> false, neither -> nil (the library's default,
/// `PHIRecognizer.Options.taggerDefault`); both fail. Figures meant to stay comparable name one of them.
public func taggerChoice(_ options: [String: String]) -> Bool? {
    switch (options["--phi-tagger"] != nil, options["--no-phi-tagger"] != nil) {
    case (true, true): fail("--phi-tagger and --no-phi-tagger exclude each other")
    case (true, false): return true
    case (false, true): return false
    case (false, false): return nil
    }
}

/// `PROGRAM POSITIONAL [--name value]... [--flag]...`: the positional argument and the options, each of
/// which must be one of `known` (with a value) or `flags` (without one, value ""); fails with `usage` otherwise.
public func parseArguments(usage: String, known: Set<String>, flags: Set<String> = []) -> (positional: String, options: [String: String]) {
    var args = Array(CommandLine.arguments.dropFirst())
    guard let positional = args.first, !positional.hasPrefix("--") else { fail(usage) }
    args.removeFirst()
    var options: [String: String] = [:]
    while !args.isEmpty {
        let a = args.removeFirst()
        // A flag takes no value: its presence is the option ("" as its value).
        if flags.contains(a) { options[a] = ""; continue }
        guard known.contains(a) else { fail("unknown option \(a)\n\(usage)") }
        guard let v = args.first else { fail("missing value after \(a)") }
        args.removeFirst()
        options[a] = v
    }
    return (positional, options)
}
