import Foundation
import MedTextCore
import Testing
@testable import TerminologyMap

@Suite struct SNOMEDImportTests {
    static let international = Fixtures.url("snomed-int/SnomedCT_InternationalRF2_PRODUCTION_20250101T120000Z")
    static let us = Fixtures.url("snomed-us/SnomedCT_ManagedServiceUS_PRODUCTION_US1000124_20250301T120000Z")
    static let au = Fixtures.url("snomed-au/SnomedCT_Release_AU1000036_20250531")

    func build(_ dir: TempDir, _ folders: [URL]) throws -> TerminologyStore {
        let out = dir.file("t.sqlite")
        let b = try TerminologyBuilder(target: out, normalizer: TestNormalizer(), options: BuildOptions(progress: false))
        for f in folders { try b.importSNOMEDRF2(directory: f) }
        try b.finish()
        return try TerminologyStore(url: out, normalizer: TestNormalizer())
    }

    func details(_ store: TerminologyStore, _ code: String) throws -> ConceptDetails {
        let id = try #require(try store.conceptID(system: .snomedCT, code: code))
        return try #require(try store.concepts(ids: [id])[id])
    }

    @Test func conceptsDisplaysAndCategories() throws {
        let dir = TempDir()
        let store = try build(dir, [Self.international])
        let t2 = try details(store, "44054006")
        #expect(t2.code.display == "Type 2 diabetes mellitus")
        #expect(t2.category == "disorder")
        #expect(t2.entityType == .dxName)
        #expect(try details(store, "80891009").entityType == .systemOrganSite)
        #expect(try details(store, "13445001").code.display == "Ménière's disease")
        // US dialect preferred term is the display in the International edition.
        #expect(try details(store, "271737000").code.display == "Anemia")
        let v = try #require(try store.versions().first { $0.system == .snomedCT })
        #expect(v.edition == "International")
        #expect(v.version == "20250101")
    }

    @Test func supersededAndInactiveRows() throws {
        let dir = TempDir()
        let store = try build(dir, [Self.international])
        // The later row of a description id wins; the inactive description is gone.
        let eh = try details(store, "59621000")
        #expect(eh.code.display == "Essential hypertension")
        #expect(try store.conceptIDs(matching: "essential hypertension old wording").isEmpty)
        #expect(try store.conceptIDs(matching: "idiopathic hypertension").isEmpty)
        // The retired concept (its later row says inactive) is stored inactive and not matchable.
        let terms = try store.matchableTerms()
        let retired = try #require(try store.conceptID(system: .snomedCT, code: "9100001002"))
        #expect(try store.concepts(ids: [retired])[retired]?.active == false)
        #expect(!terms.contains { $0.conceptID == retired })
        // FSNs are not matchable; synonyms are.
        #expect(!terms.contains { $0.normalized == "diabetes mellitus type 2" })
        #expect(terms.contains { $0.normalized == "type ii diabetes mellitus" && $0.termType == .synonym })
        // Case significance is kept.
        #expect(terms.contains { $0.original == "CHF - Congestive heart failure" && $0.caseSensitive })
    }

    @Test func dialectsFromLanguageRefsets() throws {
        let dir = TempDir()
        let store = try build(dir, [Self.international])
        let terms = try store.matchableTerms()
        let anemia = try #require(terms.first { $0.normalized == "anemia" })
        let anaemia = try #require(terms.first { $0.normalized == "anaemia" })
        #expect(anemia.dialect == .enUS && anemia.termType == .preferred)
        #expect(anaemia.dialect == .enAU && anaemia.termType == .preferred)
        let heart = try #require(terms.first { $0.normalized == "heart failure" })
        #expect(heart.dialect == .both)
    }

    @Test func isARelationshipsOnlyActive() throws {
        let dir = TempDir()
        let store = try build(dir, [Self.international])
        let parents = try store.withDatabase { db throws(TerminologyError) in
            try db.scalarText("SELECT group_concat(p.code, ',') FROM (SELECT p.code FROM is_a i JOIN concept c ON c.id = i.child JOIN concept p ON p.id = i.parent WHERE c.code = '84114007' ORDER BY p.code) p")
        }
        #expect(parents == "64572001")
        let count = try store.withDatabase { db throws(TerminologyError) in try db.scalarInt("SELECT count(*) FROM is_a") }
        #expect(count == 13)
    }

    @Test func usEditionExtendedMapToICD10CM() throws {
        let dir = TempDir()
        let store = try build(dir, [Self.us])
        let neuro = try details(store, "230572002")
        let maps = neuro.links.filter { $0.relation == "maps-to" }
        #expect(maps.map(\.code.code) == ["E11.40", "E13.40"])
        #expect(maps.first?.mapRule == "IFA 44054006 | Diabetes mellitus type 2 (disorder) |")
        #expect(maps.first?.mapGroup == 1 && maps.first?.mapPriority == 1)
        #expect(maps.last?.mapAdvice == "ALWAYS E13.40")
        // The inactive map row is not imported.
        #expect(try details(store, "84114007").links.isEmpty)
        #expect(try details(store, "44054006").codes(in: .icd10CM).map(\.code) == ["E11.9"])
        #expect(try store.versions().first { $0.system == .snomedCT }?.edition == "US")
    }

    @Test func australianEditionPrefersAustralianTerms() throws {
        let dir = TempDir()
        let store = try build(dir, [Self.au])
        #expect(try details(store, "271737000").code.display == "Anaemia")
        let v = try #require(try store.versions().first { $0.system == .snomedCT })
        #expect(v.edition == "AU" && v.version == "20250531")
    }

    @Test func secondEditionReplacesTermsOfSharedConcepts() throws {
        let dir = TempDir()
        let store = try build(dir, [Self.international, Self.au])
        let anaemiaTerms = try store.matchableTerms().filter { $0.normalized == "anaemia" }
        #expect(anaemiaTerms.count == 1)
    }

    @Test(arguments: [
        ("sct2_Concept_Snapshot_INT_20250101.txt", "id\teffectiveTime\tactive\tmoduleId\n", 1, "unexpected header"),
        ("sct2_Concept_Snapshot_INT_20250101.txt", "id\teffectiveTime\tactive\tmoduleId\tdefinitionStatusId\n44054006\t20020131\t1\t900000000000207008\n", 2, "expected 5"),
        ("sct2_Concept_Snapshot_INT_20250101.txt", "id\teffectiveTime\tactive\tmoduleId\tdefinitionStatusId\n44054006\t2002-01-31\t1\t900000000000207008\t900000000000074008\n", 2, "effectiveTime"),
        ("sct2_Concept_Snapshot_INT_20250101.txt", "id\teffectiveTime\tactive\tmoduleId\tdefinitionStatusId\n44054006\t20020131\t1\t900000000000207008\t900000000000074008\nabc\t20020131\t1\t900000000000207008\t900000000000074008\n", 3, "identifier"),
        ("sct2_Concept_Snapshot_INT_20250101.txt", "id\teffectiveTime\tactive\tmoduleId\tdefinitionStatusId\n44054006\t20020131\t2\t900000000000207008\t900000000000074008\n", 2, "active"),
    ])
    func malformedFilesNameFileAndLine(name: String, content: String, line: Int, detail: String) throws {
        let dir = TempDir()
        _ = dir.write("rf2/Snapshot/Terminology/\(name)", content)
        let b = try TerminologyBuilder(target: dir.file("t.sqlite"), normalizer: TestNormalizer(), options: BuildOptions(progress: false))
        let error = #expect(throws: TerminologyError.self) { try b.importSNOMEDRF2(directory: dir.file("rf2")) }
        #expect(error?.file == "Snapshot/Terminology/\(name)")
        #expect(error?.line == line)
        #expect(error?.message.contains(detail) == true)
    }
}
