import Foundation
import MedTextCore
import Testing
@testable import TerminologyMap

@Suite struct RankingTests {
    /// Fixture database: the small ICD-10-CM tabular, the test lexicon and abbreviations.
    static let fixtureStore: TerminologyStore = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("medtext-term-rank-\(getpid()).sqlite")
        try! DefaultTerminology.build(lexiconDirectory: Fixtures.url("lexicon-data"), normalizer: TestNormalizer(), target: url, medtextVersion: "test", progress: false)
        return try! TerminologyStore(url: url, normalizer: TestNormalizer())
    }()

    @Test(arguments: [
        ("type 2 diabetes with diabetic neuropathy", [String](), "E11.40"),
        ("type 2 diabetes mellitus", [], "E11.9"),
        ("HTN", [], "I10"),
        ("high blood pressure", [], "I10"),
        ("acute on chronic systolic heart failure", [], "I50.23"),
        ("heart failure", ["acute on chronic", "systolic"], "I50.23"),
        ("heart failure", ["chronic", "systolic"], "I50.22"),
        ("CHF", [], "I50.9"),
        ("Ménière's disease", ["right ear"], "H81.01"),
        ("fracture of frontal bone", ["initial encounter for closed fracture"], "S02.0XXA"),
    ])
    func fixtureTopCode(text: String, context: [String], expected: String) throws {
        let ranked = try Self.fixtureStore.icd10cmCandidates(for: MentionQuery(text: text, context: context))
        #expect(ranked.first?.code == expected, "\(ranked.map { "\($0.code) \($0.score)" })")
        #expect(ranked.count <= 5)
        #expect(ranked.allSatisfy { (0...1).contains($0.score) })
        #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test func scoresSeparateTheBestFromTheRest() throws {
        let ranked = try Self.fixtureStore.icd10cmCandidates(for: MentionQuery(text: "acute on chronic systolic heart failure"))
        #expect(ranked.map(\.code).prefix(3) == ["I50.23", "I50.21", "I50.22"])
        #expect(ranked[0].score > ranked[1].score)
    }

    @Test func snomedAndRxNormFromLexiconLinks() throws {
        let s = try Self.fixtureStore.snomedCandidates(for: MentionQuery(text: "type 2 diabetes"))
        #expect(s.map(\.code) == ["44054006"])
        #expect(s.first?.score == 1)
        let r = try Self.fixtureStore.rxNormCandidates(for: MentionQuery(text: "acetaminophen"))
        #expect(r.map(\.code) == ["161"])
    }

    @Test func rxNormProductsRankedByStrengthAndForm() throws {
        let dir = TempDir()
        let out = dir.file("t.sqlite")
        let b = try TerminologyBuilder(target: out, normalizer: TestNormalizer(), options: BuildOptions(progress: false))
        try b.importRxNorm(directory: Fixtures.url("rxnorm/RxNorm_full_01062025"))
        try b.finish()
        let store = try TerminologyStore(url: out, normalizer: TestNormalizer())
        let ranked = try store.rxNormCandidates(for: MentionQuery(text: "metformin hydrochloride", context: ["500 mg", "tablet"]))
        #expect(ranked.first?.code == "861007", "\(ranked)")
        #expect(ranked.contains { $0.code == "235743" })
        let plain = try store.rxNormCandidates(for: MentionQuery(text: "metformin"))
        #expect(plain.first?.code == "6809")
    }

    @Test func snomedReleaseMapsToICD10CMForRanking() throws {
        let dir = TempDir()
        let out = dir.file("t.sqlite")
        let b = try TerminologyBuilder(target: out, normalizer: TestNormalizer(), options: BuildOptions(progress: false))
        try b.importICD10CMTabular(Fixtures.url("icd10cm/icd10cm-tabular-fixture.xml"))
        try b.importSNOMEDRF2(directory: SNOMEDImportTests.us)
        try b.finish()
        let store = try TerminologyStore(url: out, normalizer: TestNormalizer())
        let sct = try #require(try store.conceptID(system: .snomedCT, code: "230572002"))
        let ranked = try store.icd10cmCandidates(for: MentionQuery(text: "diabetic neuropathy", context: ["type 2 diabetes"], conceptIDs: [sct]))
        #expect(ranked.first?.code == "E11.40", "\(ranked)")
        let snomed = try store.snomedCandidates(for: MentionQuery(text: "Diabetic neuropathy"))
        #expect(snomed.first?.code == "230572002" && (snomed.first?.score ?? 0) >= 0.95)
    }

    /// The issue's examples against the real default database (full ICD-10-CM, real lexicons).
    @Test(arguments: [
        ("type 2 diabetes with diabetic neuropathy", [String](), "E11.40"),
        ("HTN", [], "I10"),
        ("acute on chronic systolic heart failure", [], "I50.23"),
        ("hypertension", [], "I10"),
        ("COPD", ["with acute exacerbation"], "J44.1"),
        // Categories hand their match to the default billable code under them.
        ("cholelithiasis", [], "K80.20"),
        ("BPH", [], "N40.0"),
        ("tonsillitis", [], "J03.90"),
        // "unspecified organism" need not be said; "Other specified sepsis" is a residual code.
        ("sepsis", [], "A41.9"),
        // 7th character: the initial encounter unless the note says otherwise.
        ("fracture of femoral neck", ["left"], "S72.002A"),
        // A side given as an abbreviation; "unilateral" is a side too.
        ("inguinal hernia", ["Right"], "K40.90"),
        ("fracture of femoral neck", ["L"], "S72.002A"),
        // A bare mention gets the curated code of its concept.
        ("delirium", [], "F05"),
    ])
    func realDefaultDatabase(text: String, context: [String], expected: String) throws {
        guard let store = RealDefaultDatabase.store else { return }
        let ranked = try store.icd10cmCandidates(for: MentionQuery(text: text, context: context))
        #expect(ranked.first?.code == expected, "\(ranked.map { "\($0.code) \($0.score)" })")
    }
}
