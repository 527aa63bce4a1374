import Foundation
import MedTextCore
import MedTextLexicons
import Testing
import Tokenizer
@testable import TerminologyMap

/// A small normalizer for tests only: lower-cases, folds diacritics, splits on anything that
/// is not a letter or digit and joins the tokens with one space. The real one is the
/// Tokenizer's `Normalizer`, which TerminologyMap must not import.
struct TestNormalizer: TextNormalizing {
    func normalize(_ text: String) -> NormalizedText {
        let s = normalizedTerm(text)
        let bytes = Array(s.utf8)
        return NormalizedText(bytes: bytes, alignment: Array(0...bytes.count))
    }

    func normalizedTerm(_ term: String) -> String {
        let folded = term.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var tokens: [String] = []
        var current = ""
        for ch in folded {
            if ch.isLetter || ch.isNumber { current.append(ch) } else if !current.isEmpty { tokens.append(current); current = "" }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens.joined(separator: " ")
    }
}

enum Fixtures {
    static var directory: URL { Bundle.module.resourceURL!.appendingPathComponent("Fixtures") }
    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// The official April 2026 ICD-10-CM tabular XML, if present on this machine (lexicons copy first).
    static var icd10cmApril2026: URL? {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [
            here.appendingPathComponent("lexicons/data/sources/icd10cm/icd10cm-tabular-2026-04.xml"),
            here.appendingPathComponent("lexicons/data/sources/icd10cm/icd10c-tabular-April-1-2026.xml"),
            URL(fileURLWithPath: "/work/venv-lex/lib/python3.11/site-packages/simple_icd_10_cm/data/icd10c-tabular-April-1-2026.xml"),
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }
}

/// A fresh temporary directory, removed when the value is dropped.
final class TempDir: @unchecked Sendable {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("medtext-term-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func file(_ name: String) -> URL { url.appendingPathComponent(name) }
    func write(_ name: String, _ content: String) -> URL {
        let u = file(name)
        try! FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! content.write(to: u, atomically: true, encoding: .utf8)
        return u
    }
}

/// The default database built once per test process from the real `lexicons/data` with the
/// Tokenizer's normalizer (what users get), removed at exit.
enum RealDefaultDatabase {
    nonisolated(unsafe) static var path: String = ""
    static let store: TerminologyStore? = {
        let data = MedTextLexicons.bundledDataDirectory
        guard !DefaultTerminology.inputs(lexiconDirectory: data).isEmpty else { return nil }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("medtext-term-real-\(getpid()).sqlite")
        path = url.path
        atexit { unlink(RealDefaultDatabase.path) }
        do {
            try DefaultTerminology.build(lexiconDirectory: data, normalizer: Normalizer(), target: url, medtextVersion: "test", progress: false)
            return try TerminologyStore(url: url, normalizer: Normalizer())
        } catch {
            Issue.record("building the default database failed: \(error)")
            return nil
        }
    }()
}
