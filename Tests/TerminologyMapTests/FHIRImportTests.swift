import Foundation
import MedTextCore
import Testing
@testable import TerminologyMap

@Suite struct FHIRImportTests {
    @Test func codeSystemWithHierarchyDesignationsAndRetiredConcepts() throws {
        let dir = TempDir()
        let out = dir.file("t.sqlite")
        let b = try TerminologyBuilder(target: out, normalizer: TestNormalizer(), options: BuildOptions(progress: false))
        try b.importFHIR(Fixtures.url("fhir/CodeSystem-test-route.json"), entityType: "ROUTE_OR_MODE")
        try b.finish()
        let store = try TerminologyStore(url: out, normalizer: TestNormalizer())
        let system = CodeSystem(uri: "http://example.org/fhir/CodeSystem/test-route")
        let po = try #require(try store.conceptID(system: system, code: "PO"))
        #expect(try store.concepts(ids: [po])[po]?.code.display == "swallow, oral")
        let terms = try store.matchableTerms()
        #expect(terms.contains { $0.normalized == "by mouth" && $0.dialect == .enAU && $0.conceptID == po })
        #expect(!terms.contains { $0.normalized == "oral" })  // German designation skipped
        let old = try #require(try store.conceptID(system: system, code: "OLD"))
        #expect(try store.concepts(ids: [old])[old]?.active == false)
        #expect(try store.conceptID(system: system, code: "CRÈME") != nil)
        let parent = try store.withDatabase { db throws(TerminologyError) in
            try db.scalarText("SELECT p.code FROM is_a i JOIN concept p ON p.id = i.parent WHERE i.child = ?", [.int(po)])
        }
        #expect(parent == "_Oral")
        let v = try #require(try store.versions().first { $0.system == system })
        #expect(v.version == "1.2.0" && v.edition == "Test route of administration")
    }

    @Test func valueSetExpansionAndCompose() throws {
        let dir = TempDir()
        let out = dir.file("t.sqlite")
        let b = try TerminologyBuilder(target: out, normalizer: TestNormalizer(), options: BuildOptions(progress: false))
        try b.importFHIR(Fixtures.url("fhir/ValueSet-test-conditions.json"))
        try b.importFHIR(Fixtures.url("fhir/ValueSet-compose.json"))
        try b.finish()
        let store = try TerminologyStore(url: out, normalizer: TestNormalizer())
        let members = try store.withDatabase { db throws(TerminologyError) in
            try db.scalarText("""
                SELECT group_concat(c.code, ',') FROM (SELECT c.code FROM value_set_member m JOIN value_set v ON v.id = m.value_set
                JOIN concept c ON c.id = m.concept WHERE v.url = 'http://example.org/fhir/ValueSet/test-conditions' ORDER BY c.code) c
                """)
        }
        #expect(members == "13445001,44054006,I10")
        // No entity type given: stored for lookups, not matched.
        #expect(try store.matchableTerms().isEmpty)
        #expect(try store.conceptID(system: .loinc, code: "4548-4") != nil)
        #expect(try store.versions().first { $0.system == .loinc }?.version == "2.78")
    }

    @Test func malformedJSONNamesFileAndLine() throws {
        let dir = TempDir()
        let b = try TerminologyBuilder(target: dir.file("t.sqlite"), normalizer: TestNormalizer(), options: BuildOptions(progress: false))
        let error = #expect(throws: TerminologyError.self) { try b.importFHIR(Fixtures.url("fhir/malformed.json")) }
        #expect(error?.file == "malformed.json")
        #expect(error?.line == 6)
    }

    @Test func unsupportedResourceType() throws {
        let dir = TempDir()
        let src = dir.write("patient.json", #"{"resourceType": "Patient"}"#)
        let b = try TerminologyBuilder(target: dir.file("t.sqlite"), normalizer: TestNormalizer(), options: BuildOptions(progress: false))
        let error = #expect(throws: TerminologyError.self) { try b.importFHIR(src) }
        #expect(error?.kind == .malformedSource && error?.line == 1)
    }
}
