// Times tokenize + sentences + sections over a JSONL corpus ({"text": ...} or
// {"transcription": ...} per line) on one core, and checks the result counts.
//
//   TokenizerBenchmark CORPUS.jsonl [--iterations N] [--expect FILE] [--record FILE]
//
// --expect FILE: fail (exit 1) unless the token, sentence and section counts equal the
// ones in FILE (lines "notes N", "bytes N", "tokens N", "sentences N", "sections N"),
// so that a fast wrong answer fails. --record FILE writes them.
import BenchSupport
import Foundation
import MedTextCore
import MedTextKit
import Tokenizer

let (corpusPath, options) = parseArguments(
    usage: "usage: TokenizerBenchmark CORPUS.jsonl [--iterations N] [--expect FILE] [--record FILE]",
    known: ["--iterations", "--expect", "--record"])
let iterations = options["--iterations"].flatMap { Int($0) } ?? 5
let expectPath = options["--expect"]
let recordPath = options["--record"]

// Setup (not timed): read the corpus, build the pipeline.
let documents = readCorpus(corpusPath)
let bytes = documents.reduce(0) { $0 + $1.utf8Count }
let pipeline: MedTextPipeline
do { pipeline = try MedTextPipeline() } catch { fail("\(error)") }

func runOnce(_ documents: [Document], _ pipeline: MedTextPipeline) -> (tokens: Int, sentences: Int, sections: Int) {
    var t = 0, s = 0, c = 0
    for d in documents {
        let a = pipeline.analyze(d)
        t += a.tokens.count
        s += a.sentences.count
        c += a.sections.count
    }
    return (t, s, c)
}

let counts = runOnce(documents, pipeline)  // warm-up, and the counts to check
var best = Double.infinity
var total = 0.0
for _ in 0..<iterations {
    let clock = ContinuousClock()
    var r = (tokens: 0, sentences: 0, sections: 0)
    let elapsed = clock.measure { r = runOnce(documents, pipeline) }
    guard r == counts else { fail("counts differ between runs") }
    let secs = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    best = min(best, secs)
    total += secs
}
let mb = Double(bytes) / 1_000_000
if ProcessInfo.processInfo.environment["BENCH_STAGES"] != nil {
    // Stage breakdown (diagnostic): scanner alone.
    let clock = ContinuousClock()
    var n = 0
    let e = clock.measure { for d in documents { n += pipeline.tokenizer.tokenize(d.text).count } }
    print("scan only   \(e)  tokens \(n)")
}
let report = """
    corpus      \(corpusPath)
    notes       \(documents.count)
    bytes       \(bytes)
    tokens      \(counts.tokens)
    sentences   \(counts.sentences)
    sections    \(counts.sections)
    iterations  \(iterations)
    best        \(String(format: "%.3f", best)) s  \(String(format: "%.1f", mb / best)) MB/s  \(String(format: "%.0f", Double(documents.count) / best)) notes/s
    mean        \(String(format: "%.3f", total / Double(iterations))) s  \(String(format: "%.1f", mb / (total / Double(iterations)))) MB/s
    peak RSS    \(peakRSSKiB() / 1024) MiB
    """
print(report)

let countLines = "notes \(documents.count)\nbytes \(bytes)\ntokens \(counts.tokens)\nsentences \(counts.sentences)\nsections \(counts.sections)\n"
if let recordPath {
    do { try countLines.write(toFile: recordPath, atomically: true, encoding: .utf8) } catch { fail("cannot write \(recordPath)") }
    print("recorded counts to \(recordPath)")
}
if let expectPath {
    guard let expected = try? String(contentsOfFile: expectPath, encoding: .utf8) else { fail("cannot read \(expectPath)") }
    guard expected == countLines else {
        fail("counts differ from \(expectPath):\nexpected:\n\(expected)actual:\n\(countLines)")
    }
    print("counts match \(expectPath)")
}
