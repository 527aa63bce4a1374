// End-to-end batch throughput and ingestion-hook latency.
//
//   python3 ../scripts/batch/generate_docrefs.py --count 2000 --target-bytes 3000 --out corpus/docrefs-3k.ndjson
//   swift run -c release BatchBenchmark corpus/docrefs-3k.ndjson [--format fhir|cm] [--jobs 1,2] [--callers 32] [--requests 2000] [--expect-entities N] [--no-hook]
//
// Real notes: the MTSamples transcriptions (kept outside the repository, ../shared/mtsamples)
// wrapped as DocumentReferences into the git-ignored corpus folder:
//   python3 ../scripts/batch/mtsamples_docrefs.py --out corpus/mts-docrefs.ndjson
//   swift run -c release BatchBenchmark corpus/mts-docrefs.ndjson --jobs 1 --expect-entities 289403 --no-hook
// (--expect-entities is optional; the counts of both corpora are recorded in DESIGN.md, Batch,
// "Speed and memory". The hook part needs a note of 2,500-3,600 bytes in the input.)
//
// 1. Throughput: the DocumentReference lines go through what `medtext batch --emit resources`
//    does per line (JSON parse, base64 and charset decoding, annotation, Comprehend-Medical JSON
//    serialization, ordered output) with the ordered executor, for each --jobs value; reports MB
//    of note text per second, per core, and the speed-up over one job. Output bytes must be
//    identical for every job count, and the entity count must equal --expect-entities when given
//    (so that a fast wrong answer fails).
// 2. Hook latency: `MedTextIngestionHook.annotate(documentReference:)` for a ~3 KB note, called
//    by --callers concurrent tasks, --requests calls in all; reports p50/p90/p99/max.
import Dispatch
import Foundation
import FHIRMapper
import MedTextCore
import MedTextKit

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("benchmark: \(message)\n".utf8))
    exit(1)
}

func peakRSSMiB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return (Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? -1) / 1024
    }
    return -1
}

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// CPU time of the calling thread, in nanoseconds.
func threadCPUNanoseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// CPU time (user + system) of the whole process, in seconds.
func cpuSeconds() -> Double {
    var u = rusage()
    getrusage(RUSAGE_SELF.rawValue, &u)
    return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
}

func run() async {
    var args = Array(CommandLine.arguments.dropFirst())
    guard let path = args.first else { fail("usage: BatchBenchmark DOCREFS.ndjson [--jobs 1,2] [--callers N] [--requests N] [--expect-entities N] [--no-hook]") }
    args.removeFirst()
    var hookPart = true
    if let k = args.firstIndex(of: "--no-hook") {
        hookPart = false
        args.remove(at: k)
    }
    var jobList = [1, 2]
    var callers = 32
    var requests = 2000
    var expectEntities: Int?
    var format = BatchFormat.fhir
    while !args.isEmpty {
        let a = args.removeFirst()
        guard let v = args.first else { fail("missing value after \(a)") }
        args.removeFirst()
        switch a {
        case "--jobs": jobList = v.split(separator: ",").compactMap { Int($0) }
        case "--callers": callers = Int(v) ?? callers
        case "--requests": requests = Int(v) ?? requests
        case "--expect-entities": expectEntities = Int(v)
        case "--format": format = BatchFormat(rawValue: v) ?? format
        default: fail("unknown option \(a)")
        }
    }

    // Setup (not timed).
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    let lines: [[UInt8]] = data.split(separator: 0x0A).map { Array($0) }
    let inputMB = Double(data.count) / 1_000_000
    let annotator: MedTextAnnotator
    // As `medtext batch` and the ingestion hook build it: every matchable concept's codes preloaded.
    do { annotator = try MedTextAnnotator(configuration: MedTextConfiguration(preloadConcepts: true)) } catch { fail("\(error)") }
    let processor: BatchProcessor
    do { processor = try BatchProcessor(annotator: annotator, options: BatchOptions(format: format, emit: .resources)) } catch { fail("\(error)") }
    print("input: \(path), \(lines.count) lines, \(String(format: "%.1f", inputMB)) MB of NDJSON; --format \(format.rawValue)")

    // Warm-up (caches, lazily built tables).
    for l in lines.prefix(50) { _ = processor.process(BatchItem(content: .line(l), line: 1, source: nil)) }

    // 0. Where the time goes, one core: decoding, annotation, mapping, JSON writing.
    do {
        let decoder = DocumentReferenceDecoder()
        var t = cpuSeconds()
        var notes: [DocumentReferenceNote] = []
        for l in lines { if case .success(let n) = decoder.decode(l) { notes.append(n) } }
        let decode = (cpuSeconds() - t)
        let linking: ConceptLinking = format == .fhir ? .linked : .none
        t = cpuSeconds()
        var docs: [AnnotatedDocument] = []
        for n in notes { docs.append(annotator.annotate(n.document, linking: linking, phi: format != .fhir)) }  // as BatchProcessor
        let annotate = (cpuSeconds() - t)
        t = cpuSeconds()
        for d in docs { _ = annotator.pipeline.analyze(d.document) }
        let tokenize = (cpuSeconds() - t)
        if format == .fhir {
            let fhir: MedTextFHIR
            do { fhir = try MedTextFHIR(annotator: annotator) } catch { fail("\(error)") }
            let versions = fhir.terminologyVersions
            // The mapper writes each resource's JSON as it maps (no value tree), so mapping and
            // serialization are one phase.
            t = cpuSeconds()
            var bytes = 0, resources = 0
            for (n, d) in zip(notes, docs) {
                let context = BatchProcessor.fhirContext(n, id: n.id ?? "x", terminologyVersions: versions)
                for r in fhir.mapper.map(d, context: context).all {
                    bytes += r.bytes.count + 1
                    resources += 1
                }
            }
            let map = (cpuSeconds() - t)
            print(String(format: "phases (1 core, CPU seconds): decode %.2f s, annotate with linked codes %.2f s (of which tokenize+sections %.2f s), FHIR mapping + JSON %.2f s (%d resources, %d bytes)",
                         decode, annotate, tokenize, map, resources, bytes))
        } else {
            t = cpuSeconds()
            let writer = ComprehendMedicalJSON()
            var n = 0
            for d in docs { n += writer.response(.detectEntitiesV2, for: d).count }
            let write = (cpuSeconds() - t)
            print(String(format: "phases (1 core, CPU seconds): decode %.2f s, annotate %.2f s (of which tokenize+sections %.2f s), CM JSON %.2f s (%d bytes)", decode, annotate, tokenize, write, n))
        }
    }

    // 1. Throughput.
    var baseline: Double? = nil
    var reference: [UInt8]? = nil
    for jobs in jobList {
        var i = 0
        var out: [UInt8] = []
        out.reserveCapacity(data.count * 3)
        var textBytes = 0, entities = 0, failed = 0
        let t0 = now()
        let c0 = cpuSeconds()
        do {
            try await OrderedExecutor(jobs: jobs).run(
                next: {
                    guard i < lines.count else { return nil }
                    defer { i += 1 }
                    return (BatchItem(content: .line(lines[i]), line: i + 1, source: nil), lines[i].count)
                },
                transform: { processor.process($0) },
                emit: { o in
                    for r in o.records {
                        out.append(contentsOf: r.json)
                        out.append(0x0A)
                    }
                    textBytes += o.textBytes
                    entities += o.entityCount
                    if o.failure != nil { failed += 1 }
                })
        } catch { fail("\(error)") }
        let seconds = Double(now() - t0) / 1e9
        let cpu = cpuSeconds() - c0
        let mbps = Double(textBytes) / 1_000_000 / seconds
        if let reference, reference != out { fail("output with --jobs \(jobs) differs from --jobs \(jobList[0])") }
        reference = reference ?? out
        if let expectEntities, entities != expectEntities { fail("expected \(expectEntities) entities, got \(entities)") }
        let speedup = baseline.map { mbps / $0 } ?? 1
        if baseline == nil { baseline = mbps }
        print(String(format: "batch jobs %d: %d docs (%d failed), %.2f MB note text, %d entities in %.2f s: %.2f MB/s (%.2f MB/s per core), %.0f docs/s, speed-up %.2fx; CPU %.2f s = %.2f MB per CPU-second; peak RSS %d MiB",
                     jobs, lines.count, failed, Double(textBytes) / 1_000_000, entities, seconds, mbps, mbps / Double(jobs),
                     Double(lines.count) / seconds, speedup, cpu, Double(textBytes) / 1_000_000 / cpu, peakRSSMiB()))
    }

    guard hookPart else { return }

    // 2. Hook latency for a ~3 KB note.
    let hook: MedTextIngestionHook
    do { hook = try MedTextIngestionHook(annotator: annotator, configuration: .init(linking: .linked)) } catch { fail("\(error)") }
    guard let sample = lines.first(where: { l in
        if case .success(let n) = DocumentReferenceDecoder().decode(l) { return n.document.utf8Count >= 2500 && n.document.utf8Count <= 3600 }
        return false
    }) else { fail("no ~3 KB note in the input (generate with --target-bytes 3000)") }
    let sampleBytes = (try? DocumentReferenceDecoder().decode(sample).get())?.document.utf8Count ?? 0
    let perCaller = max(1, requests / callers)
    let t0 = now()
    let latencies: [UInt64] = await withTaskGroup(of: [UInt64].self) { group in
        for _ in 0..<callers {
            group.addTask {
                var mine: [UInt64] = []
                mine.reserveCapacity(perCaller)
                for _ in 0..<perCaller {
                    let s = now()
                    let r = await hook.annotate(documentReference: sample)
                    mine.append(now() - s)
                    if !r.succeeded { fail("hook failed on the sample note") }
                }
                return mine
            }
        }
        var all: [UInt64] = []
        for await part in group { all += part }
        return all.sorted()
    }
    let wall = Double(now() - t0) / 1e9
    func pct(_ p: Double) -> Double { Double(latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]) / 1e6 }
    print(String(format: "hook: %d-byte note, %d callers, %d calls in %.2f s (%.0f calls/s): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms",
                 sampleBytes, callers, latencies.count, wall, Double(latencies.count) / wall, pct(0.5), pct(0.9), pct(0.99), pct(1.0)))
    // Single caller: the latency of one annotation without queueing behind other callers.
    var solo: [UInt64] = []
    for _ in 0..<200 {
        let s = now()
        _ = await hook.annotate(documentReference: sample)
        solo.append(now() - s)
    }
    solo.sort()
    print(String(format: "hook, 1 caller: p50 %.2f ms, p99 %.2f ms", Double(solo[100]) / 1e6, Double(solo[197]) / 1e6))

    // 3. Where one hook call's time goes (1 caller, medians of 200 runs): decoding, annotation
    // with linked codes, Comprehend-Medical JSON, FHIR mapping, transaction Bundle JSON.
    do {
        let fhir: MedTextFHIR
        do { fhir = try MedTextFHIR(annotator: annotator) } catch { fail("\(error)") }
        let decoder = DocumentReferenceDecoder()
        let writer = ComprehendMedicalJSON()
        var steps: [[UInt64]] = Array(repeating: [], count: 7)
        for _ in 0..<200 {
            var t = now()
            func lap(_ k: Int) { let n = now(); steps[k].append(n - t); t = n }
            guard case .success(let note) = decoder.decode(sample) else { fail("sample does not decode") }
            lap(0)
            let doc = annotator.annotate(note.document, linking: .linked)
            lap(1)
            _ = writer.response(.detectEntitiesV2, for: doc)
            lap(2)
            let context = BatchProcessor.fhirContext(note, id: note.id ?? "x", terminologyVersions: fhir.terminologyVersions)
            let mapping = fhir.mapper.map(doc, context: context)
            lap(3)
            _ = FHIRBundle.bundleJSON(mapping, kind: .transaction, context: context)
            lap(4)
            _ = hook.annotateNow(documentReference: sample)
            lap(5)
            let c0 = threadCPUNanoseconds()
            _ = hook.annotateNow(documentReference: sample)
            steps[6].append(threadCPUNanoseconds() - c0)
            t = now()
        }
        let med = steps.map { s in Double(s.sorted()[s.count / 2]) / 1e6 }
        print(String(format: "hook steps (1 caller, medians): decode %.2f ms, annotate (linked) %.2f ms, CM JSON %.2f ms, FHIR mapping %.2f ms, Bundle JSON %.2f ms; whole call %.2f ms wall, %.2f ms thread CPU",
                     med[0], med[1], med[2], med[3], med[4], med[5], med[6]))
    }

}

await run()
