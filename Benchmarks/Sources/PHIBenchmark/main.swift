// Times PHI detection (detect-phi) and de-identification (deid) over a JSONL corpus
// ({"text": ...} or {"transcription": ...} per line) on one core, and checks the result counts.
//
//   PHIBenchmark CORPUS.jsonl [--iterations N] [--expect FILE] [--record FILE] [--phi-tagger | --no-phi-tagger]
//
// detect = tokenize + PHIRecognizer (the work of `medtext detect-phi` without JSON output);
// deid   = detect + Deidentifier in surrogate mode with date shifting (the costliest mode).
// --expect FILE fails (exit 1) unless the entity counts per type equal the ones in FILE,
// so that a fast wrong answer fails. --record FILE writes them.
// --phi-tagger turns the learned PHI tagger on, --no-phi-tagger off (PHIRecognizer.Options.tagger, as `medtext
// detect-phi --phi-tagger`); neither measures the library's default (PHIRecognizer.Options.taggerDefault).
import Deidentifier
import EntityRecognizer
import BenchSupport
import Foundation
import MedTextCore
import MedTextKit

let (corpusPath, options) = parseArguments(
    usage: "usage: PHIBenchmark CORPUS.jsonl [--iterations N] [--expect FILE] [--record FILE] [--phi-tagger | --no-phi-tagger]",
    known: ["--iterations", "--expect", "--record"], flags: taggerFlags)
let iterations = options["--iterations"].flatMap { Int($0) } ?? 5
let expectPath = options["--expect"]
let recordPath = options["--record"]
let taggerFlag = taggerChoice(options)
let tagger = taggerFlag ?? PHIRecognizer.Options.taggerDefault

// Setup (not timed): read the corpus, build the pipeline and the de-identifier.
let documents = readCorpus(corpusPath)
let bytes = documents.reduce(0) { $0 + $1.utf8Count }
let setupClock = ContinuousClock()
var pipelineOrNil: PHIPipeline?
let setup = setupClock.measure {
    do { pipelineOrNil = try PHIPipeline(options: PHIRecognizer.Options(tagger: tagger)) } catch { fail("\(error)") }
}
let pipeline = pipelineOrNil!
let deid = pipeline.deidentifier(options: DeidOptions(mode: .surrogate, shiftDates: true, key: Array("benchmark-key".utf8)))

func detectAll(_ documents: [Document], _ pipeline: PHIPipeline) -> [String: Int] {
    var counts: [String: Int] = [:]
    for d in documents {
        for e in pipeline.detect(d).entities { counts[e.type.rawValue, default: 0] += 1 }
    }
    return counts
}

func deidAll(_ documents: [Document], _ pipeline: PHIPipeline, _ deid: Deidentifier) -> Int {
    var n = 0
    for d in documents { n += pipeline.deidentify(d, with: deid).result.replacements.count }
    return n
}

/// User + system CPU time of the process: on a busy shared machine wall time counts the waits
/// for a core, CPU time does not (MB per CPU-second is the per-core throughput).

let counts = detectAll(documents, pipeline)  // warm-up, and the counts to check
let replacements = deidAll(documents, pipeline, deid)
guard replacements == counts.values.reduce(0, +) else { fail("deid replaced \(replacements) spans, detect found \(counts.values.reduce(0, +))") }
var bestDetect = Double.infinity, bestDeid = Double.infinity, cpuDetect = Double.infinity, cpuDeid = Double.infinity
for _ in 0..<iterations {
    let clock = ContinuousClock()
    var c: [String: Int] = [:]
    var cpu0 = processCPUSeconds()
    bestDetect = min(bestDetect, seconds(clock.measure { c = detectAll(documents, pipeline) }))
    cpuDetect = min(cpuDetect, processCPUSeconds() - cpu0)
    guard c == counts else { fail("detect counts differ between runs") }
    var r = 0
    cpu0 = processCPUSeconds()
    bestDeid = min(bestDeid, seconds(clock.measure { r = deidAll(documents, pipeline, deid) }))
    cpuDeid = min(cpuDeid, processCPUSeconds() - cpu0)
    guard r == replacements else { fail("deid counts differ between runs") }
}
let mb = Double(bytes) / 1_000_000
if ProcessInfo.processInfo.environment["BENCH_STAGES"] != nil {
    // Stage breakdown (diagnostic): tokenizer alone, byte patterns alone.
    let clock = ContinuousClock()
    var n = 0
    let tok = clock.measure { for d in documents { n += pipeline.pipeline.analyze(d).tokens.count } }
    print("tokenize only   \(tok)  tokens \(n)")
    let patterns = PHIPatternRecognizer(words: pipeline.recognizer.vocabulary.scanWords)
    var m = 0
    let pat = clock.measure { for d in documents { m += patterns.recognize(d.text).count } }
    print("patterns only   \(pat)  entities \(m)")
}
let countLines = "notes \(documents.count)\nbytes \(bytes)\n" + counts.keys.sorted().map { "\($0) \(counts[$0]!)\n" }.joined()
print("""
    corpus      \(corpusPath)
    tagger      \(tagger ? "on" : "off") (\(taggerFlag == nil ? "default" : tagger ? "--phi-tagger" : "--no-phi-tagger"))
    notes       \(documents.count)
    bytes       \(bytes)
    setup       \(String(format: "%.2f", seconds(setup))) s (tokenizer rules + PHI vocabulary)
    entities    \(counts.values.reduce(0, +))  \(counts.keys.sorted().map { "\($0)=\(counts[$0]!)" }.joined(separator: " "))
    iterations  \(iterations)
    detect-phi  \(String(format: "%.3f", bestDetect)) s  \(String(format: "%.1f", mb / bestDetect)) MB/s  \(String(format: "%.0f", Double(documents.count) / bestDetect)) notes/s
    deid        \(String(format: "%.3f", bestDeid)) s  \(String(format: "%.1f", mb / bestDeid)) MB/s  (surrogate + shift-dates; \(String(format: "%.2f", bestDeid / bestDetect))x detect-phi)
    CPU time    detect-phi \(String(format: "%.3f", cpuDetect)) s  \(String(format: "%.1f", mb / cpuDetect)) MB per CPU-second; deid \(String(format: "%.3f", cpuDeid)) s  \(String(format: "%.1f", mb / cpuDeid)) MB per CPU-second (\(String(format: "%.2f", cpuDeid / cpuDetect))x)
    peak RSS    \(peakRSSKiB() / 1024) MiB
    """)
if let recordPath {
    do { try countLines.write(toFile: recordPath, atomically: true, encoding: .utf8) } catch { fail("cannot write \(recordPath)") }
    print("recorded counts to \(recordPath)")
}
if let expectPath {
    guard let expected = try? String(contentsOfFile: expectPath, encoding: .utf8) else { fail("cannot read \(expectPath)") }
    guard expected == countLines else { fail("counts differ from \(expectPath):\nexpected:\n\(expected)actual:\n\(countLines)") }
    print("counts match \(expectPath)")
}
