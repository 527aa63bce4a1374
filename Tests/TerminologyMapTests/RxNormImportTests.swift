import Foundation
import MedTextCore
import Testing
@testable import TerminologyMap

@Suite struct RxNormImportTests {
    static let release = Fixtures.url("rxnorm/RxNorm_full_01062025")

    func build(_ dir: TempDir) throws -> TerminologyStore {
        let out = dir.file("t.sqlite")
        let b = try TerminologyBuilder(target: out, normalizer: TestNormalizer(), options: BuildOptions(progress: false))
        try b.importRxNorm(directory: Self.release)
        try b.finish()
        return try TerminologyStore(url: out, normalizer: TestNormalizer())
    }

    @Test func conceptsTermTypesAndMatchability() throws {
        let dir = TempDir()
        let store = try build(dir)
        let terms = try store.matchableTerms()
        #expect(Set(terms.map(\.normalized)) == ["acetaminophen", "metformin", "metformin hydrochloride", "tylenol"])
        #expect(terms.first { $0.normalized == "tylenol" }?.entityType == .brandName)
        #expect(terms.first { $0.normalized == "acetaminophen" }?.entityType == .genericName)
        // SY rows, other sources and obsolete rows are not imported.
        #expect(try store.conceptID(system: .rxNorm, code: "999991") == nil)
        #expect(try store.conceptIDs(matching: "APAP").isEmpty)
        let scd = try #require(try store.conceptID(system: .rxNorm, code: "861007"))
        let d = try #require(try store.concepts(ids: [scd])[scd])
        #expect(d.category == "SCD" && d.code.display == "metformin hydrochloride 500 MG Oral Tablet" && d.entityType == nil)
        #expect(try store.versions().first { $0.system == .rxNorm }?.version == "2025-01-06")
    }

    @Test func relationshipsAndAttributes() throws {
        let dir = TempDir()
        let store = try build(dir)
        let scd = try #require(try store.conceptID(system: .rxNorm, code: "861007"))
        let links = try #require(try store.concepts(ids: [scd])[scd]).links
        #expect(links.map { "\($0.relation) \($0.code.code)" } == ["has_ingredient 235743"])
        let apap = try #require(try store.conceptID(system: .rxNorm, code: "161"))
        // "202433 has_tradename 161" is stored on the second concept: acetaminophen has_tradename Tylenol.
        #expect(try store.concepts(ids: [apap])[apap]!.links.map { "\($0.relation) \($0.code.code)" } == ["has_tradename 202433"])
        let attrs = try store.withDatabase { db throws(TerminologyError) in
            try db.scalarText("SELECT group_concat(name || '=' || value, ';') FROM concept_attribute WHERE concept = ?", [.int(scd)])
        }
        #expect(attrs == "RXN_STRENGTH=500 MG;RXN_HUMAN_DRUG=US")
    }

    @Test func malformedRowNamesFileAndLine() throws {
        let dir = TempDir()
        _ = dir.write("rx/rrf/RXNCONSO.RRF", "161|ENG||||||2397181|2397181|161||RXNORM|IN|161|acetaminophen||N|4096|\n6809|ENG|RXNORM|IN|metformin|\n")
        let b = try TerminologyBuilder(target: dir.file("t.sqlite"), normalizer: TestNormalizer(), options: BuildOptions(progress: false))
        let error = #expect(throws: TerminologyError.self) { try b.importRxNorm(directory: dir.file("rx")) }
        #expect(error?.file == "RXNCONSO.RRF" && error?.line == 2)
    }
}
