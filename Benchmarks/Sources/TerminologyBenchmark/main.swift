// Terminology store benchmarks (release build; each mode in its own process so peak RSS is its own).
//
//   TerminologyBenchmark load-default                 open the default database, load all matchable terms
//   TerminologyBenchmark matcher-default              open the default database, load all matchable terms and
//                                                     compile them into the recognizer's matcher (no rules)
//   TerminologyBenchmark import-rf2 DIR OUT.sqlite    import a (synthetic) RF2 snapshot, check counts in DIR/expected.txt
//   TerminologyBenchmark load DB [--expect N]         open DB and load all matchable terms
//   TerminologyBenchmark probe                        check that the normalizer is deterministic in this build
//   TerminologyBenchmark key                          print the normalizer fingerprint and default-database cache key
//
// Every mode checks its result count (a fast wrong answer fails) and prints time and peak RSS.
import Foundation
import EntityRecognizer
import MedTextCore
import MedTextKit
import TerminologyMap
import Tokenizer

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("benchmark: \(message)\n".utf8))
    exit(1)
}

func peakRSSMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Double(line.split(separator: " ", omittingEmptySubsequences: true)[1]).map { $0 / 1024 } ?? -1
    }
    return -1
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// Opens `url` and loads every matchable term; returns (seconds, count).
func load(_ url: URL) throws -> (Double, Int) {
    let t0 = now()
    let store = try TerminologyStore(url: url, normalizer: Normalizer())
    var terms: [MatchableTerm] = []
    try store.forEachMatchableTerm { terms.append($0) }
    let t1 = now()
    return (t1 - t0, terms.count)
}

var args = Array(CommandLine.arguments.dropFirst())
guard let mode = args.first else { fail("usage: TerminologyBenchmark load-default | import-rf2 DIR OUT | load DB [--expect N]") }
args.removeFirst()
do {
    switch mode {
    case "load-default":
        // Build (or find) the default database first, outside the measured part.
        let url = try MedTextTerminology.databaseURL()
        let store = try TerminologyStore(url: url, normalizer: Normalizer())
        let expected = try store.info().matchableTerms
        var best = Double.infinity
        var count = 0
        for _ in 0..<5 {
            let (t, n) = try load(url)
            best = min(best, t)
            count = n
        }
        guard count == expected, count > 10_000 else { fail("loaded \(count) terms, expected \(expected)") }
        print(String(format: "load-default: %d terms, best of 5 open+load %.1f ms, peak RSS %.0f MiB", count, best * 1000, peakRSSMiB()))
    case "matcher-default":
        // "Open the default database and have the matcher ready" (issue #3 §5): the terms become
        // LexiconTerms as MedTextAnnotator makes them and are compiled into a Recognizer (token
        // dictionary, phrase trie, typo index); context, signature and PHI rules are not included.
        let url = try MedTextTerminology.databaseURL()
        var best = Double.infinity
        var phrases = 0
        for _ in 0..<5 {
            let t0 = now()
            let store = try TerminologyStore(url: url, normalizer: Normalizer())
            var terms: [LexiconTerm] = []
            try store.forEachMatchableTerm { t in
                var term = LexiconTerm(
                    conceptID: t.conceptID, normalized: t.normalized, original: t.original, type: t.entityType,
                    caseSensitive: t.caseSensitive, isAbbreviation: t.isAbbreviation, cues: t.cues,
                    isDefaultSense: t.isDefaultSense, priority: t.priority, ruleID: "lexicon:" + t.code)
                term.typoTarget = t.termType != .misspelling && t.termType != .brand && t.entityType != .brandName
                terms.append(term)
            }
            let recognizer = Recognizer(resources: RecognizerResources(terms: terms, contextRules: [], sectionTraits: []))
            best = min(best, now() - t0)
            phrases = recognizer.phraseCount
        }
        guard phrases > 10_000 else { fail("compiled \(phrases) phrases") }
        print(String(format: "matcher-default: %d phrases, best of 5 open+load+compile %.1f ms, peak RSS %.0f MiB", phrases, best * 1000, peakRSSMiB()))
    case "import-rf2":
        guard args.count >= 2 else { fail("usage: import-rf2 DIR OUT.sqlite") }
        let dir = URL(fileURLWithPath: args[0]), out = URL(fileURLWithPath: args[1])
        var expected: [String: Int] = [:]
        if let text = try? String(contentsOf: dir.appendingPathComponent("expected.txt"), encoding: .utf8) {
            for line in text.split(separator: "\n") {
                let p = line.split(separator: " ")
                if p.count == 2 { expected[String(p[0])] = Int(p[1]) }
            }
        }
        try? FileManager.default.removeItem(at: out)
        let t0 = now()
        let b = try TerminologyBuilder(target: out, normalizer: Normalizer(), extendExisting: false, options: BuildOptions(medtextVersion: MedTextVersion.string))
        try b.importSNOMEDRF2(directory: dir)
        try b.finish()
        let t1 = now()
        let store = try TerminologyStore(url: out, normalizer: Normalizer())
        let info = try store.info()
        let concepts = info.counts.first { $0.system == .snomedCT }?.concepts ?? 0
        if let e = expected["concepts"], e != concepts { fail("imported \(concepts) concepts, expected \(e)") }
        if let e = expected["matchable_terms"], e != info.matchableTerms { fail("\(info.matchableTerms) matchable terms, expected \(e)") }
        let size = (try? FileManager.default.attributesOfItem(atPath: out.path)[.size] as? Int) ?? 0
        print(String(format: "import-rf2: %d concepts, %d matchable terms in %.1f s, peak RSS %.0f MiB, database %.0f MiB",
                     concepts, info.matchableTerms, t1 - t0, peakRSSMiB(), Double(size) / 1_048_576))
    case "probe":
        let probes = ["Type 2 Diabetes Mellitus", "Crohn's disease", "NON-SMALL-CELL lung cancer", "Anaemia", "Œdème",
            "İstanbul", "Sjögren syndrome", "q4h", "HbA1c", "non‑small cell", "co-amoxiclav 500/125", "ＡＢＣ", "straße",
            "acute-on-chronic", "T2DM", "1-0-1", "N/V/D", "Parkinson’s", "beta-blocker", "eGFR"]
        for p in probes {
            let outs = (0..<4).map { _ in Normalizer().normalizedTerm(p) }
            if Set(outs).count > 1 { print("UNSTABLE", p, outs.map { Array($0.utf8) }) }
        }
        print("probe done")
    case "key":
        for _ in 0..<3 {
            print(normalizerFingerprint(Normalizer()), MedTextTerminology.defaultCacheKey())
        }
    case "load":
        guard let path = args.first else { fail("usage: load DB [--expect N]") }
        let (t, n) = try load(URL(fileURLWithPath: path))
        if args.count >= 3, args[1] == "--expect", let e = Int(args[2]), e != n { fail("loaded \(n) terms, expected \(e)") }
        print(String(format: "load: %d terms in %.2f s, peak RSS %.0f MiB", n, t, peakRSSMiB()))
    default:
        fail("unknown mode \(mode)")
    }
} catch {
    fail("\(error)")
}
