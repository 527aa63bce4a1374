import Foundation
import MedTextCore
import MedTextKit
import Testing

/// Golden files: corpora/golden/tokenize/<sample>.json is the `medtext tokenize` output for
/// corpora/samples/<sample>. `MEDTEXT_RECORD=1 swift test` rewrites them, and that run fails on
/// purpose so that a human reads the diff (`git diff corpora/golden`) before committing.
@Suite struct GoldenTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samples: [String] = {
        let dir = root.appendingPathComponent("corpora/samples")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }()
    static let pipeline = try! MedTextPipeline()

    @Test func samplesExist() { #expect(Self.samples.count >= 8) }

    @Test(arguments: samples)
    func tokenizeGolden(_ sample: String) throws {
        let input = try String(contentsOf: Self.root.appendingPathComponent("corpora/samples/\(sample)"), encoding: .utf8)
        let annotated = Self.pipeline.analyze(Document(id: sample, text: input))
        let actual = try TokenizeOutput(annotated, unit: .codePoints).jsonData()
        let goldenURL = Self.root.appendingPathComponent("corpora/golden/tokenize/\(sample).json")
        if ProcessInfo.processInfo.environment["MEDTEXT_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: goldenURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: goldenURL)
            Issue.record("recorded \(goldenURL.lastPathComponent): review `git diff corpora/golden`, then run without MEDTEXT_RECORD")
            return
        }
        let expected = try Data(contentsOf: goldenURL)
        if actual != expected {
            let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
            let show = { (lines: [Substring]) in lines[max(0, first - 3)..<min(lines.count, first + 4)].joined(separator: "\n") }
            Issue.record("""
                \(sample): output differs from \(goldenURL.lastPathComponent) at line \(first + 1).
                expected:
                \(show(e))
                actual:
                \(show(a))
                Re-record with MEDTEXT_RECORD=1 swift test if the change is intended.
                """)
        }
    }

    /// The CLI prints exactly the golden output for one sample (binary and library agree).
    @Test func cliMatchesGolden() throws {
        let sample = "au_gp_referral.txt"
        let r = try CLIRunner.run(["tokenize", Self.root.appendingPathComponent("corpora/samples/\(sample)").path])
        #expect(r.status == 0)
        let expected = try Data(contentsOf: Self.root.appendingPathComponent("corpora/golden/tokenize/\(sample).json"))
        #expect(r.stdout == expected)
    }
}
