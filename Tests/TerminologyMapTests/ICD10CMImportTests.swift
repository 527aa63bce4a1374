import Foundation
import MedTextCore
import Testing
@testable import TerminologyMap

@Suite struct ICD10CMImportTests {
    func buildFixture(_ dir: TempDir) throws -> TerminologyStore {
        let out = dir.file("t.sqlite")
        let b = try TerminologyBuilder(target: out, normalizer: TestNormalizer(), options: BuildOptions(progress: false))
        try b.importICD10CMTabular(Fixtures.url("icd10cm/icd10cm-tabular-fixture.xml"))
        try b.finish()
        return try TerminologyStore(url: out, normalizer: TestNormalizer())
    }

    @Test(arguments: [
        ("E11", false), ("E11.40", true), ("E11.9", true), ("I10", true), ("I50.2", false), ("I50.23", true),
        ("S02.0", false), ("S02.0XXA", true), ("S02.0XXS", true), ("S02.101", false), ("S02.101A", true), ("H81.01", true),
    ])
    func codesAndBillableFlags(code: String, billable: Bool) throws {
        let dir = TempDir()
        let store = try buildFixture(dir)
        let id = try #require(try store.conceptID(system: .icd10CM, code: code))
        let details = try #require(try store.concepts(ids: [id])[id])
        #expect(details.billable == billable)
    }

    /// Concurrent lookups (served by the main connection and spare ones) give the serial answers.
    @Test func concurrentLookupsMatchSerial() async throws {
        let dir = TempDir()
        let store = try buildFixture(dir)
        let ids = try ["E11.40", "E11.9", "I10", "I50.23", "S02.0XXA", "H81.01"].map { try #require(try store.conceptID(system: .icd10CM, code: $0)) }
        let serial = try store.concepts(ids: ids).mapValues(\.code)
        #expect(serial.count == ids.count)
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for t in 0..<8 {
                group.addTask {
                    var bad = 0
                    for k in 0..<40 {
                        let subset = Array(ids.prefix(1 + (t + k) % ids.count))
                        let got = (try? store.concepts(ids: subset).mapValues(\.code)) ?? [:]
                        if got != serial.filter({ subset.contains($0.key) }) { bad += 1 }
                    }
                    return bad
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }

    @Test func seventhCharacterTitlesAndInclusionTerms() throws {
        let dir = TempDir()
        let store = try buildFixture(dir)
        let id = try #require(try store.conceptID(system: .icd10CM, code: "S02.0XXA"))
        #expect(try store.concepts(ids: [id])[id]?.code.display == "Fracture of vault of skull, initial encounter for closed fracture")
        // Non-ASCII title kept as is.
        let m = try #require(try store.conceptID(system: .icd10CM, code: "H81.0"))
        #expect(try store.concepts(ids: [m])[m]?.code.display == "Ménière's disease")
        // Inclusion terms are searchable, not matchable.
        #expect(try store.matchableTerms().isEmpty)
        let info = try store.info()
        #expect(info.versions.first { $0.system == .icd10CM }?.version == "FY2026")
        #expect(info.sources.first?.kind == "icd10cm-tabular")
        #expect(info.sources.first?.rows == 30)
    }

    @Test func hierarchyFromNesting() throws {
        let dir = TempDir()
        let store = try buildFixture(dir)
        let parents = try store.withDatabase { db throws(TerminologyError) in
            try db.scalarText("""
                SELECT group_concat(p.code) FROM is_a i JOIN concept c ON c.id = i.child JOIN concept p ON p.id = i.parent WHERE c.code = 'S02.101A'
                """)
        }
        #expect(parents == "S02.101")
    }

    @Test func orderFileAddsCodesAndBillableFlags() throws {
        let dir = TempDir()
        let out = dir.file("t.sqlite")
        let b = try TerminologyBuilder(target: out, normalizer: TestNormalizer(), options: BuildOptions(progress: false))
        try b.importICD10CMOrderFile(Fixtures.url("icd10cm/icd10cm_order_2026.txt"))
        try b.finish()
        let store = try TerminologyStore(url: out, normalizer: TestNormalizer())
        let id = try #require(try store.conceptID(system: .icd10CM, code: "J45.909"))
        let d = try #require(try store.concepts(ids: [id])[id])
        #expect(d.billable == true)
        #expect(d.code.display == "Unspecified asthma, uncomplicated")
        let menieres = try #require(try store.conceptID(system: .icd10CM, code: "H81.01"))
        #expect(try store.concepts(ids: [menieres])[menieres]?.code.display == "Ménière's disease, right ear")
        let parent = try store.withDatabase { db throws(TerminologyError) in
            try db.scalarText("SELECT p.code FROM is_a i JOIN concept c ON c.id = i.child JOIN concept p ON p.id = i.parent WHERE c.code = 'J45.909'")
        }
        #expect(parent == "J45.9")
    }

    @Test(arguments: [
        ("<?xml version=\"1.0\"?>\n<ICD10CM.tabular>\n<diag>\n<name>E11</name>\n</diag>\n</ICD10CM.tabular>\n", 3),
        ("<?xml version=\"1.0\"?>\n<ICD10CM.tabular>\n<diag>\n<name>E11</name>\n<desc>x</desc>\n</ICD10CM.tabular>\n", 6),
        ("<?xml version=\"1.0\"?>\n<other/>\n", 2),
    ])
    func malformedXMLNamesFileAndLine(xml: String, line: Int) throws {
        let dir = TempDir()
        let src = dir.write("bad-tabular.xml", xml)
        let b = try TerminologyBuilder(target: dir.file("t.sqlite"), normalizer: TestNormalizer(), options: BuildOptions(progress: false))
        let error = #expect(throws: TerminologyError.self) { try b.importICD10CMTabular(src) }
        #expect(error?.kind == .malformedSource)
        #expect(error?.file == "bad-tabular.xml")
        #expect(error?.line == line)
        #expect(error?.message.hasPrefix("bad-tabular.xml:\(line): ") == true)
    }

    @Test func malformedOrderFileNamesLine() throws {
        let dir = TempDir()
        let src = dir.write("icd10cm_order_2026.txt", "00001 E11     0 Type 2 diabetes mellitus                                     Type 2 diabetes mellitus\n00002 E11.9 1 short\n")
        let b = try TerminologyBuilder(target: dir.file("t.sqlite"), normalizer: TestNormalizer(), options: BuildOptions(progress: false))
        let error = #expect(throws: TerminologyError.self) { try b.importICD10CMOrderFile(src) }
        #expect(error?.file == "icd10cm_order_2026.txt")
        #expect(error?.line == 2)
    }

    @Test func realApril2026TableWhenPresent() throws {
        guard let url = Fixtures.icd10cmApril2026 else { return }
        let dir = TempDir()
        let out = dir.file("t.sqlite")
        let b = try TerminologyBuilder(target: out, normalizer: TestNormalizer(), options: BuildOptions(progress: false))
        try b.importICD10CMTabular(url)
        try b.finish()
        let store = try TerminologyStore(url: out, normalizer: TestNormalizer())
        for code in ["E11.40", "I50.23", "I10", "S72.001A", "T36.0X1A"] {
            let id = try #require(try store.conceptID(system: .icd10CM, code: code), "missing \(code)")
            #expect(try store.concepts(ids: [id])[id]?.billable == true)
        }
        #expect(try store.info().versions.first { $0.system == .icd10CM }?.version?.hasPrefix("2026-04") == true)
    }
}
