// Times entity recognition (the work of `medtext detect-entities` without JSON output) over a
// JSONL corpus ({"text": ...} or {"transcription": ...} per line) on one core, and checks the
// entity counts per category.
//
//   EntityBenchmark CORPUS.jsonl [--iterations N] [--expect FILE] [--record FILE]
//                   [--join BYTES] [--cold-start MEDTEXT_BINARY] [--phi-tagger | --no-phi-tagger]
//
// Setup (timed separately, not part of MB/s): MedTextAnnotator(configuration:) once: tokenizer
// rules, the default terminology database (built into ~/.cache/medtext on first use), every
// matchable term compiled into the recognizer, ConText rules, PHI recognizer.
// Timed: annotator.annotate(note, linking: .none) for every note, best of N iterations.
// --expect FILE fails (exit 1) unless the counts per category equal the ones in FILE, so that a
// fast wrong answer fails. --record FILE writes them.
// --join BYTES joins consecutive corpus notes (blank line between) into notes of at least BYTES
// bytes, for the 2-20 KB note sizes of issue #5 (the generated notes average about 700 bytes).
// --cold-start BINARY runs `BINARY detect-entities NOTE` 5 times on a ~3 KB note (consecutive
// corpus notes joined up to 3,000 bytes, written to a temporary file) and reports the best wall
// time from process start to exit (all output written), after one unmeasured run that fills the
// binary's database cache (with the tagger flag given, if any).
// --phi-tagger / --no-phi-tagger: the PHI detector's learned tagger on / off (PROTECTED_HEALTH_INFORMATION entities,
// as `medtext detect-entities --phi-tagger`); neither measures the library's default (PHIRecognizer.Options.taggerDefault).
import BenchSupport
import EntityRecognizer
import Foundation
import MedTextCore
import MedTextKit

let usage = "usage: EntityBenchmark CORPUS.jsonl [--iterations N] [--expect FILE] [--record FILE] [--join BYTES] [--cold-start MEDTEXT_BINARY] [--phi-tagger | --no-phi-tagger]"
let (corpusPath, options) = parseArguments(usage: usage, known: ["--iterations", "--expect", "--record", "--cold-start", "--join"], flags: taggerFlags)
let taggerFlag = taggerChoice(options)
let tagger = taggerFlag ?? PHIRecognizer.Options.taggerDefault
let iterations = max(1, options["--iterations"].flatMap { Int($0) } ?? 3)
let expectPath = options["--expect"]
let recordPath = options["--record"]
let coldStartBinary = options["--cold-start"]
let joinBytes = options["--join"].flatMap { Int($0) } ?? 0

var documents = readCorpus(corpusPath)
guard !documents.isEmpty else { fail("no notes in \(corpusPath)") }
let corpusDocuments = documents
if joinBytes > 0 {
    var joined: [Document] = []
    var text = ""
    for d in documents {
        text += (text.isEmpty ? "" : "\n\n") + d.text
        if text.utf8.count >= joinBytes {
            joined.append(Document(id: "\(joined.count + 1)", text: text))
            text = ""
        }
    }
    if !text.isEmpty { joined.append(Document(id: "\(joined.count + 1)", text: text)) }
    documents = joined
}
let bytes = documents.reduce(0) { $0 + $1.utf8Count }


let clock = ContinuousClock()
var annotatorOrNil: MedTextAnnotator?
let buildCPU0 = processCPUSeconds()
let build = clock.measure {
    do { annotatorOrNil = try MedTextAnnotator(configuration: MedTextConfiguration(), phiOptions: PHIRecognizer.Options(tagger: tagger)) } catch { fail("annotator: \(error)") }
}
let annotator = annotatorOrNil!
let buildCPU = processCPUSeconds() - buildCPU0
let rssAfterBuildKiB = peakRSSKiB()

func annotateAll(_ documents: [Document], _ annotator: MedTextAnnotator) -> [String: Int] {
    var counts: [String: Int] = [:]
    for d in documents {
        for e in annotator.annotate(d, linking: .none).entities { counts[e.category.rawValue, default: 0] += 1 }
    }
    return counts
}

let counts = annotateAll(documents, annotator)  // warm-up, and the counts to check
var best = Double.infinity, bestCPU = Double.infinity
for _ in 0..<iterations {
    var c: [String: Int] = [:]
    let cpu0 = processCPUSeconds()
    best = min(best, seconds(clock.measure { c = annotateAll(documents, annotator) }))
    bestCPU = min(bestCPU, processCPUSeconds() - cpu0)
    guard c == counts else { fail("entity counts differ between runs") }
}
let total = counts.values.reduce(0, +)
let mb = Double(bytes) / 1_000_000
let countLines = "notes \(documents.count)\nbytes \(bytes)\n" + counts.keys.sorted().map { "\($0) \(counts[$0]!)\n" }.joined()
print("""
    corpus        \(corpusPath)\(joinBytes > 0 ? " (notes joined to >= \(joinBytes) bytes)" : "")
    PHI tagger    \(tagger ? "on" : "off") (\(taggerFlag == nil ? "default" : tagger ? "--phi-tagger" : "--no-phi-tagger"))
    notes         \(documents.count)  (mean \(bytes / documents.count) bytes)
    bytes         \(bytes)
    build         \(String(format: "%.3f", seconds(build))) s wall, \(String(format: "%.3f", buildCPU)) s CPU  MedTextAnnotator(configuration:) (includes building the default database if it was not cached); peak RSS after build \(rssAfterBuildKiB / 1024) MiB
    entities      \(total)  \(counts.keys.sorted().map { "\($0)=\(counts[$0]!)" }.joined(separator: " "))
    iterations    \(iterations) (+1 warm-up)
    annotate      wall \(String(format: "%.3f", best)) s  \(String(format: "%.2f", mb / best)) MB/s  \(String(format: "%.0f", Double(documents.count) / best)) notes/s  (one thread, linking .none, best of \(iterations))
    annotate CPU  \(String(format: "%.3f", bestCPU)) s  \(String(format: "%.2f", mb / bestCPU)) MB per CPU-second  \(String(format: "%.0f", Double(documents.count) / bestCPU)) notes per CPU-second
    load avg      \(loadAverage())
    peak RSS      \(peakRSSKiB() / 1024) MiB
    """)

if let binary = coldStartBinary {
    // A ~3 KB note: consecutive corpus notes joined with blank lines up to 3,000 bytes.
    var note = ""
    for d in corpusDocuments {
        if note.utf8.count >= 3000 { break }
        note += (note.isEmpty ? "" : "\n\n") + d.text
    }
    let notePath = FileManager.default.temporaryDirectory.appendingPathComponent("medtext-entity-bench-\(getpid()).txt").path
    do { try note.write(toFile: notePath, atomically: true, encoding: .utf8) } catch { fail("cannot write \(notePath)") }
    defer { try? FileManager.default.removeItem(atPath: notePath) }
    // The default database's cache key hashes the lexicon files' sizes and mtimes, which differ
    // between this benchmark's resource bundle and the medtext binary's, and a build deletes the
    // other databases, so each would evict the other's: the binary gets a cache folder of its
    // own, filled by one unmeasured run.
    var environment = ProcessInfo.processInfo.environment
    environment["MEDTEXT_CACHE_DIR"] = FileManager.default.temporaryDirectory.appendingPathComponent("medtext-entity-bench-cli-cache").path
    var times: [Double] = []
    var outputBytes = 0
    for run in 0..<6 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["detect-entities"] + (taggerFlag.map { [$0 ? "--phi-tagger" : "--no-phi-tagger"] } ?? []) + [notePath]
        p.environment = environment
        let pipe = Pipe()
        p.standardOutput = pipe
        var out = Data()
        let t = clock.measure {
            do { try p.run() } catch { fail("cannot run \(binary)") }
            out = pipe.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
        }
        guard p.terminationStatus == 0 else { fail("\(binary) detect-entities exited with \(p.terminationStatus)") }
        guard let obj = try? JSONSerialization.jsonObject(with: out) as? [String: Any], let ents = obj["Entities"] as? [Any], !ents.isEmpty else {
            fail("\(binary) detect-entities printed no entities")
        }
        outputBytes = out.count
        if run > 0 { times.append(seconds(t)) } else { print("cold start    warm-up run (fills the binary's database cache if needed) \(String(format: "%.0f", seconds(t) * 1000)) ms") }
    }
    print("""
        cold start    best \(String(format: "%.0f", times.min()! * 1000)) ms, all \(times.map { String(format: "%.0f", $0 * 1000) }.joined(separator: "/")) ms  \
        (\(binary) detect-entities on a \(note.utf8.count)-byte note, \(outputBytes) bytes of JSON)
        """)
}

if let recordPath {
    do { try countLines.write(toFile: recordPath, atomically: true, encoding: .utf8) } catch { fail("cannot write \(recordPath)") }
    print("recorded counts to \(recordPath)")
}
if let expectPath {
    guard let expected = try? String(contentsOfFile: expectPath, encoding: .utf8) else { fail("cannot read \(expectPath)") }
    guard expected == countLines else { fail("counts differ from \(expectPath):\nexpected:\n\(expected)actual:\n\(countLines)") }
    print("counts match \(expectPath)")
}
