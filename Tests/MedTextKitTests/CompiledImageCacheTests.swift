import EntityRecognizer
import Foundation
import MedTextCore
@testable import MedTextKit
import MedTextLexicons
import TerminologyMap
import Testing

/// The annotator's compiled images in a cache folder: written on the first build, loaded on the
/// next, rebuilt when damaged or when an input changes, and never a change in output.
@Suite(.serialized) struct CompiledImageCacheTests {
    /// A fresh folder for one test's images.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("medtext-images-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A private copy of the default database: other suites running at the same time may rebuild
    /// the shared one, which (rightly) gives it a new identity and the images a new key.
    static let terminology: URL = {
        let source = try! MedTextTerminology.databaseURL()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("medtext-images-db-\(UUID().uuidString)", isDirectory: true)
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let copy = dir.appendingPathComponent("terminology.sqlite")
        try! FileManager.default.copyItem(at: source, to: copy)
        return copy
    }()

    static func configuration(images: URL?) -> MedTextConfiguration {
        var c = MedTextConfiguration(terminologyURL: terminology)
        c.lexiconImageDirectory = images
        return c
    }

    static func images(in folder: URL, kind: String) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasPrefix(kind + "-") && $0.hasSuffix(".mtximg") }
            .map { folder.appendingPathComponent($0) }
    }

    /// Our own gold dev notes (markup included: it is text like any other here).
    static let notes: [String] = {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../corpora/gold/dev").standardized
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
        return names.prefix(12).compactMap { try? String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8) }
    }()

    static func outputs(_ annotator: MedTextAnnotator) -> [[Entity]] {
        notes.map { annotator.annotate(Document(text: $0), linking: .linked, explain: true).entities }
    }

    @Test func imagesAreWrittenThenLoadedWithIdenticalOutput() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(Self.notes.count >= 10)
        let reference = try MedTextAnnotator(configuration: Self.configuration(images: nil))
        #expect(reference.lexiconOrigin == .compiled(imageUnusable: nil))
        let first = try MedTextAnnotator(configuration: Self.configuration(images: dir))
        #expect(first.lexiconOrigin == .compiled(imageUnusable: LexiconImageError(kind: .missing, detail: "no image for these inputs")))
        #expect(!first.phi.vocabularyFromImage)
        #expect(Self.images(in: dir, kind: "lexicon").count == 1 && Self.images(in: dir, kind: "phi").count == 1)
        let second = try MedTextAnnotator(configuration: Self.configuration(images: dir))
        #expect(second.lexiconOrigin == .image)
        #expect(second.phi.vocabularyFromImage)
        #expect(second.recognizer.phraseCount == reference.recognizer.phraseCount)
        let want = Self.outputs(reference)
        #expect(Self.outputs(first) == want)
        #expect(Self.outputs(second) == want)
        // PHI detection alone (detect-phi, deid) from the image too.
        let phi = try PHIPipeline(configuration: Self.configuration(images: dir))
        #expect(phi.vocabularyFromImage)
        for note in Self.notes {
            #expect(phi.detect(Document(text: note)).entities == reference.phi.detect(Document(text: note)).entities)
        }
    }

    @Test func aDamagedImageIsDetectedAndRebuilt() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try MedTextAnnotator(configuration: Self.configuration(images: dir))
        for kind in ["lexicon", "phi"] {
            let url = try #require(Self.images(in: dir, kind: kind).first)
            var bytes = try Data(contentsOf: url)
            bytes[bytes.count / 2] ^= 0x40
            try bytes.write(to: url)
        }
        let damaged = try MedTextAnnotator(configuration: Self.configuration(images: dir))
        #expect(damaged.lexiconOrigin == .compiled(imageUnusable: LexiconImageError(kind: .checksum, detail: "payload checksum mismatch")))
        #expect(!damaged.phi.vocabularyFromImage)
        let rebuilt = try MedTextAnnotator(configuration: Self.configuration(images: dir))
        #expect(rebuilt.lexiconOrigin == .image && rebuilt.phi.vocabularyFromImage, "\(rebuilt.lexiconOrigin)")
        let reference = try MedTextAnnotator(configuration: Self.configuration(images: nil))
        #expect(Self.outputs(damaged) == Self.outputs(reference))
        #expect(Self.outputs(rebuilt) == Self.outputs(reference))

        // A truncated image (an interrupted copy) is detected the same way.
        let url = try #require(Self.images(in: dir, kind: "lexicon").first)
        let bytes = try Data(contentsOf: url)
        try bytes.prefix(bytes.count - 100).write(to: url)
        let truncated = try MedTextAnnotator(configuration: Self.configuration(images: dir))
        if case .compiled(let why?) = truncated.lexiconOrigin { #expect(why.kind == .truncated) } else { Issue.record("a truncated image was loaded") }
    }

    /// A lexicons folder whose files are links to the bundled ones, except `changed`, copied with
    /// a comment line appended (same meaning, other content).
    static func lexicons(changing changed: String?) throws -> URL {
        let fm = FileManager.default
        let source = MedTextLexicons.dataDirectory
        let root = fm.temporaryDirectory.appendingPathComponent("medtext-lexicons-\(UUID().uuidString)", isDirectory: true)
        for sub in ["context", "phi", "tokenizer", "sig", "concepts"] {
            try fm.createDirectory(at: root.appendingPathComponent(sub), withIntermediateDirectories: true)
            for name in try fm.contentsOfDirectory(atPath: source.appendingPathComponent(sub).path) {
                let rel = sub + "/" + name
                let from = source.appendingPathComponent(rel), to = root.appendingPathComponent(rel)
                if rel == changed {
                    var text = try String(contentsOf: from, encoding: .utf8)
                    text += "# a comment added by CompiledImageCacheTests\n"
                    try text.write(to: to, atomically: true, encoding: .utf8)
                } else {
                    try fm.createSymbolicLink(at: to, withDestinationURL: from)
                }
            }
        }
        return root
    }

    @Test(arguments: ["context/fused.tsv", "context/stopterms.tsv", "context/rules.tsv", "sig/units.tsv"])
    func theLexiconKeyFollowsTheRuleFilesItCompiles(file: String) throws {
        let store = try MedTextTerminology.open(explicit: Self.terminology)
        let same = try Self.lexicons(changing: nil), changed = try Self.lexicons(changing: file)
        defer {
            try? FileManager.default.removeItem(at: same)
            try? FileManager.default.removeItem(at: changed)
        }
        let bundled = try LexiconImageCache.key(store: store, lexiconsDirectory: MedTextLexicons.dataDirectory)
        #expect(try LexiconImageCache.key(store: store, lexiconsDirectory: same) == bundled)  // content, not path or mtime
        #expect(try LexiconImageCache.key(store: store, lexiconsDirectory: changed) != bundled)
    }

    @Test func thePHIImageFollowsThePHIFiles() throws {
        let dir = try Self.folder()
        let same = try Self.lexicons(changing: nil), changed = try Self.lexicons(changing: "phi/titles.tsv")
        defer {
            for u in [dir, same, changed] { try? FileManager.default.removeItem(at: u) }
        }
        func pipeline(_ lexicons: URL) throws -> PHIPipeline {
            var c = MedTextConfiguration(lexiconsDirectory: lexicons, terminologyURL: Self.terminology)
            c.lexiconImageDirectory = dir
            return try PHIPipeline(configuration: c)
        }
        #expect(try !pipeline(same).vocabularyFromImage)
        #expect(try pipeline(same).vocabularyFromImage)
        #expect(try !pipeline(changed).vocabularyFromImage)  // one file changed: another key
        #expect(Self.images(in: dir, kind: "phi").count == 2)
        #expect(try pipeline(changed).vocabularyFromImage)
    }

    @Test func theTerminologyIdentityChangesWithItsFile() throws {
        let store = try MedTextTerminology.open(explicit: Self.terminology)
        let id = try store.contentIdentity()
        #expect(try store.contentIdentity() == id)
        // A copy of the database (another inode, another modification time) is another identity:
        // a re-import or an edit in place never reuses an image of the old content.
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("medtext-term-\(UUID().uuidString).sqlite")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: store.url, to: copy)
        let other = try TerminologyStore(url: copy, normalizer: MedTextTerminology.normalizer)
        #expect(try other.contentIdentity() != id)
    }
}
