import Foundation
import MedTextCore
import Testing
@testable import TerminologyMap

@Suite struct DefaultTerminologyTests {
    static let data = Fixtures.url("lexicon-data")

    @Test func inputsInBuildOrder() {
        let inputs = DefaultTerminology.inputs(lexiconDirectory: Self.data)
        #expect(inputs.map(\.name) == [
            "sources/icd10cm/icd10cm-tabular-fixture.xml", "sources/hl7/CodeSystem-test-route.json",
            "concepts/conditions.tsv", "sources/hpo.tsv", "concepts/abbreviations.tsv",
        ])
    }

    @Test func sameInputGivesAByteIdenticalFile() throws {
        let dir = TempDir()
        let a = try DefaultTerminology.build(lexiconDirectory: Self.data, normalizer: TestNormalizer(), target: dir.file("a.sqlite"), medtextVersion: "test", progress: false)
        let b = try DefaultTerminology.build(lexiconDirectory: Self.data, normalizer: TestNormalizer(), target: dir.file("b.sqlite"), medtextVersion: "test", progress: false)
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
        let info = try TerminologyStore(url: a, normalizer: TestNormalizer()).info()
        #expect(info.metadata["built_at"] == nil)
        #expect(info.metadata["kind"] == "default")
        #expect(info.sources.map(\.name) == DefaultTerminology.inputs(lexiconDirectory: Self.data).map(\.name))
        #expect(info.sources.allSatisfy { $0.sha256.count == 64 })
    }

    @Test func abbreviationSensesResolveTargets() throws {
        let dir = TempDir()
        let url = try DefaultTerminology.build(lexiconDirectory: Self.data, normalizer: TestNormalizer(), target: dir.file("a.sqlite"), medtextVersion: "test", progress: false)
        let store = try TerminologyStore(url: url, normalizer: TestNormalizer())
        let terms = try store.matchableTerms()
        // HTN: resolved by expansion to the curated concept (not the HPO one), merged with its existing term.
        let htn = terms.filter { $0.normalized == "htn" }
        #expect(htn.map(\.code) == ["cond:essential_hypertension"])
        #expect(htn.first?.expansion == "hypertension" && htn.first?.isDefaultSense == true)
        // RA: a NONE sense and a sense whose target is missing, each with a concept of its own.
        let ra = terms.filter { $0.normalized == "ra" }.sorted { $0.code < $1.code }
        #expect(ra.map(\.code) == ["abbr:ra:rheumatoid_arthritis", "abbr:ra:room_air"])
        #expect(ra.map(\.entityType.rawValue) == ["DX_NAME", "NONE"])
        #expect(ra.last?.cues == ["sats", "spo2", "on"])
        #expect(ra.first?.isDefaultSense == false)
        #expect(terms.first { $0.normalized == "panadol" && $0.code == "med:paracetamol" }?.dialect == .enAU)
        // Curated entries rank before extracted ones.
        #expect(terms.first { $0.normalized == "hypertension" && $0.code == "hpo:0000822" }?.priority == 1)
        #expect(terms.first { $0.normalized == "hypertension" && $0.code == "cond:essential_hypertension" }?.priority == 0)
    }

    @Test func resolveBuildsIntoTheCacheOnceAndHonoursOverrides() throws {
        let dir = TempDir()
        let explicit = dir.file("mine.sqlite")
        #expect(try DefaultTerminology.resolve(explicit: explicit, lexiconDirectory: Self.data, normalizer: TestNormalizer(), medtextVersion: "t") == explicit)
        let first = try DefaultTerminology.resolve(lexiconDirectory: Self.data, normalizer: TestNormalizer(), medtextVersion: "t", progress: false, cacheDirectory: dir.url)
        #expect(first.deletingLastPathComponent().path == dir.url.path)
        #expect(first.lastPathComponent.hasPrefix("terminology-"))
        let modified = try FileManager.default.attributesOfItem(atPath: first.path)[.modificationDate] as? Date
        let second = try DefaultTerminology.resolve(lexiconDirectory: Self.data, normalizer: TestNormalizer(), medtextVersion: "t", progress: false, cacheDirectory: dir.url)
        #expect(second == first)
        #expect(try FileManager.default.attributesOfItem(atPath: second.path)[.modificationDate] as? Date == modified)
        // Another medtext version (or changed lexicons) gives another key.
        #expect(DefaultTerminology.cacheKey(lexiconDirectory: Self.data, normalizer: TestNormalizer(), medtextVersion: "other")
            != DefaultTerminology.cacheKey(lexiconDirectory: Self.data, normalizer: TestNormalizer(), medtextVersion: "t"))
    }
}

@Suite struct DefaultTerminologyCacheErrors {
    @Test func unwritableCacheFolderSaysWhatToDo() throws {
        let dir = TempDir()
        let file = dir.write("not-a-folder", "x")
        let error = #expect(throws: TerminologyError.self) {
            _ = try DefaultTerminology.resolve(lexiconDirectory: DefaultTerminologyTests.data, normalizer: TestNormalizer(), medtextVersion: "t",
                                               progress: false, cacheDirectory: file.appendingPathComponent("cache"))
        }
        #expect(error?.code == "MT-TERM-007" && error?.message.contains("MEDTEXT_CACHE_DIR") == true)
    }
}

@Suite struct DefaultTerminologyEviction {
    /// Different builds of medtext use different cache keys; alternating between two of them
    /// must not rebuild on every run, so a new build keeps the most recent others.
    @Test func aNewBuildKeepsTheMostRecentOthers() throws {
        let dir = TempDir()
        let fm = FileManager.default
        for (n, age) in [("terminology-old1.sqlite", 400.0), ("terminology-old2.sqlite", 300), ("terminology-old3.sqlite", 200), ("terminology-new.sqlite", 100)] {
            let path = dir.url.appendingPathComponent(n).path
            fm.createFile(atPath: path, contents: Data("x".utf8))
            try fm.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -age)], ofItemAtPath: path)
        }
        let built = try DefaultTerminology.resolve(
            lexiconDirectory: DefaultTerminologyTests.data, normalizer: TestNormalizer(), medtextVersion: "t", progress: false, cacheDirectory: dir.url)
        let left = Set(try fm.contentsOfDirectory(atPath: dir.url.path).filter { $0.hasSuffix(".sqlite") })
        #expect(left == [built.lastPathComponent, "terminology-new.sqlite", "terminology-old3.sqlite"])
        #expect(DefaultTerminology.keptDatabases == 3)
    }
}
