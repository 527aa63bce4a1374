import Foundation
import MedTextCore
import Testing
@testable import TerminologyMap

@Suite struct LexiconImportTests {
    func build(_ dir: TempDir, _ files: [URL]) throws -> TerminologyStore {
        let out = dir.file("t.sqlite")
        let b = try TerminologyBuilder(target: out, normalizer: TestNormalizer(), options: BuildOptions(progress: false))
        for f in files { try b.importLexicon(f) }
        try b.finish()
        return try TerminologyStore(url: out, normalizer: TestNormalizer())
    }

    @Test func entriesTermsTagsAndCodes() throws {
        let dir = TempDir()
        let store = try build(dir, [Fixtures.url("lexicon/concepts.tsv")])
        let id = try #require(try store.conceptID(system: .medtext, code: "cond:type_2_diabetes_mellitus"))
        let d = try #require(try store.concepts(ids: [id])[id])
        #expect(d.entityType == .dxName && d.lexiconClass == "DIAGNOSIS" && d.code.display == "type 2 diabetes mellitus")
        #expect(d.codes(in: .icd10CM).map(\.code) == ["E11.9"])
        #expect(d.codes(in: .snomedCT).map(\.code) == ["44054006"])
        let terms = try store.matchableTerms().filter { $0.conceptID == id }
        #expect(terms.map(\.normalized) == ["type 2 diabetes mellitus", "type 2 diabetes", "t2dm", "dm2", "diabetes type 2", "sugar diabetes"])
        let t2dm = try #require(terms.first { $0.normalized == "t2dm" })
        #expect(t2dm.termType == .abbreviation && t2dm.caseSensitive && t2dm.original == "T2DM")
        #expect(terms.first { $0.normalized == "sugar diabetes" }?.termType == .lay)
        let anaemia = try #require(try store.conceptID(system: .medtext, code: "cond:anaemia"))
        let aTerms = try store.matchableTerms().filter { $0.conceptID == anaemia }
        // "anemia#us" duplicates the preferred term's normalized form and is dropped.
        #expect(aTerms.map { "\($0.normalized) \($0.dialect.rawValue)" } == ["anemia 3", "anaemia 2"])
        // Non-ASCII preferred term normalized with diacritics folded by the (test) normalizer.
        let m = try #require(try store.conceptID(system: .medtext, code: "cond:menieres_disease"))
        #expect(try store.matchableTerms().filter { $0.conceptID == m }.first?.normalized == "meniere s disease")
    }

    @Test func brandIngredientAndClassLinks() throws {
        let dir = TempDir()
        let store = try build(dir, [Fixtures.url("lexicon/concepts.tsv")])
        let brand = try #require(try store.conceptID(system: .medtext, code: "brand:panadol"))
        let d = try #require(try store.concepts(ids: [brand])[brand])
        #expect(d.entityType == .brandName && d.attributes["region"] == "AU")
        #expect(d.links.map { "\($0.relation) \($0.code.code) \($0.code.display)" } == ["has_ingredient med:paracetamol paracetamol"])
        let para = try #require(try store.conceptID(system: .medtext, code: "med:paracetamol"))
        let p = try #require(try store.concepts(ids: [para])[para])
        #expect(p.links.map(\.relation) == ["equivalent", "member_of_class"])
        #expect(p.codes(in: .rxNorm).map(\.code) == ["161"])
    }

    @Test func lookupByTextAndCode() throws {
        let dir = TempDir()
        let store = try build(dir, [Fixtures.url("lexicon/concepts.tsv")])
        let ids = try store.conceptIDs(matching: "High Blood Pressure")
        let details = try store.concepts(ids: ids)
        #expect(ids.compactMap { details[$0]?.code.code } == ["cond:essential_hypertension"])
        #expect(try store.conceptIDs(code: "cond:heart_failure").count == 1)
    }

    @Test func customLexiconOverridesAnEntryOfTheDatabaseItExtends() throws {
        let dir = TempDir()
        let out = dir.file("t.sqlite")
        var b = try TerminologyBuilder(target: out, normalizer: TestNormalizer(), options: BuildOptions(progress: false))
        try b.importLexicon(Fixtures.url("lexicon/concepts.tsv"))
        try b.finish()
        let site = dir.write("site.tsv", "id\ttype\tpreferred\tsynonyms\tcodes\tattributes\ncond:heart_failure\tDX_NAME\theart failure\tHF#abbr,cs|pump failure#lay\tICD10CM:I50.9\tclass=DIAGNOSIS\ncond:site_only\tDX_NAME\tsite term\t\t\tclass=SIGN\n")
        b = try TerminologyBuilder(target: out, normalizer: TestNormalizer(), options: BuildOptions(progress: false))
        try b.importLexicon(site)
        try b.finish()
        let store = try TerminologyStore(url: out, normalizer: TestNormalizer())
        let hf = try #require(try store.conceptID(system: .medtext, code: "cond:heart_failure"))
        #expect(try store.matchableTerms().filter { $0.conceptID == hf }.map(\.normalized) == ["heart failure", "hf", "pump failure"])
        #expect(try store.conceptID(system: .medtext, code: "cond:site_only") != nil)
        #expect(try store.info().sources.map(\.name) == ["concepts.tsv", "site.tsv"])
    }

    @Test(arguments: [
        ("malformed-fields.tsv", 3, "expected 6 tab-separated fields"),
        ("malformed-system.tsv", 2, "SYSTEM:code"),
    ])
    func malformedRowsNameFileAndLine(name: String, line: Int, detail: String) throws {
        let dir = TempDir()
        let b = try TerminologyBuilder(target: dir.file("t.sqlite"), normalizer: TestNormalizer(), options: BuildOptions(progress: false))
        let error = #expect(throws: TerminologyError.self) { try b.importLexicon(Fixtures.url("lexicon/\(name)")) }
        #expect(error?.file == name && error?.line == line)
        #expect(error?.message.contains(detail) == true)
    }

    @Test func duplicateIDAcrossFilesIsAnError() throws {
        let dir = TempDir()
        let b = try TerminologyBuilder(target: dir.file("t.sqlite"), normalizer: TestNormalizer(), options: BuildOptions(progress: false))
        try b.importLexicon(Fixtures.url("lexicon/concepts.tsv"))
        let again = dir.write("again.tsv", "# comment\nid\ttype\tpreferred\tsynonyms\tcodes\tattributes\ncond:anaemia\tDX_NAME\tanaemia\t\t\tclass=DIAGNOSIS\n")
        let error = #expect(throws: TerminologyError.self) { try b.importLexicon(again) }
        #expect(error?.line == 3 && error?.message.contains("concepts.tsv:7") == true)
    }

    @Test func failedImportLeavesThePreviousDatabaseUntouched() throws {
        let dir = TempDir()
        let out = dir.file("t.sqlite")
        var b = try TerminologyBuilder(target: out, normalizer: TestNormalizer(), options: BuildOptions(progress: false))
        try b.importLexicon(Fixtures.url("lexicon/concepts.tsv"))
        try b.finish()
        let before = try Data(contentsOf: out)
        b = try TerminologyBuilder(target: out, normalizer: TestNormalizer(), options: BuildOptions(progress: false))
        #expect(throws: TerminologyError.self) { try b.importLexicon(Fixtures.url("lexicon/malformed-fields.tsv")) }
        b = try TerminologyBuilder(target: dir.file("other.sqlite"), normalizer: TestNormalizer(), options: BuildOptions(progress: false))
        #expect(try Data(contentsOf: out) == before)
        // No temporary files are left behind once builders are gone.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.count == 1)  // only the live builder's
    }

    @Test func refusesAFileThatIsNotATerminologyDatabase() throws {
        let dir = TempDir()
        let bogus = dir.write("bogus.sqlite", "not sqlite at all, just text that is long enough to be a header ........................................................")
        let error = #expect(throws: TerminologyError.self) { _ = try TerminologyStore(url: bogus, normalizer: TestNormalizer()) }
        #expect(error?.code == "MT-TERM-003" || error?.code == "MT-TERM-002" || error?.code == "MT-TERM-001")
        let missing = #expect(throws: TerminologyError.self) { _ = try TerminologyStore(url: dir.file("none.sqlite"), normalizer: TestNormalizer()) }
        #expect(missing?.code == "MT-TERM-001" && missing?.message.contains("medtext terminology build") == true)
    }
}
