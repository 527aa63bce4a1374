import Foundation
@testable import MedTextKit
import MedTextCore
import Testing

@Suite struct BatchProcessorTests {
    static let annotator = try! MedTextAnnotator()

    static func json(_ bytes: [UInt8]) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] ?? [:]
    }

    @Test(arguments: DocumentReferenceTests.failureRows)
    func everyFailureBecomesAnOperationOutcome(_ row: DocumentReferenceTests.FailureRow) throws {
        let p = try BatchProcessor(annotator: Self.annotator, options: BatchOptions(emit: .envelope, maxNoteBytes: 1000))
        let outcome = p.process(BatchItem(content: .line(row.line), line: 42, source: nil))
        #expect(outcome.failure == row.reason)
        let envelope = Self.json(outcome.envelope)
        #expect(envelope["line"] as? Int == 42)
        #expect(envelope["status"] as? String == "error")
        #expect(envelope["reason"] as? String == row.reason.rawValue)
        #expect(envelope["id"] as? String == row.id)
        let resources = try #require(envelope["resources"] as? [[String: Any]])
        let oo = try #require(resources.first)
        #expect(oo["resourceType"] as? String == "OperationOutcome")
        let ext = try #require((oo["extension"] as? [[String: Any]])?.first?["extension"] as? [[String: Any]])
        #expect(ext.first { $0["url"] as? String == "line" }?["valueInteger"] as? Int == 42)
        #expect(ext.first { $0["url"] as? String == "documentId" }?["valueString"] as? String == row.id)
        let issue = try #require((oo["issue"] as? [[String: Any]])?.first)
        #expect(issue["code"] as? String == row.reason.issueType)
        #expect(!String(decoding: outcome.envelope, as: UTF8.self).contains("fever"))
    }

    @Test func tooLongLineIsAnOutcomeWithoutItsBytes() throws {
        let p = try BatchProcessor(annotator: Self.annotator, options: BatchOptions(emit: .resources))
        let outcome = p.process(BatchItem(content: .tooLong(byteCount: 99_000_000), line: 3, source: "a.ndjson"))
        #expect(outcome.failure == .tooLarge)
        #expect(outcome.records.map(\.resourceType) == ["OperationOutcome"])
        #expect(outcome.key == "#a.ndjson:3")
    }

    @Test func annotatedDocumentGivesCMResultAndWriteBack() throws {
        let p = try BatchProcessor(annotator: Self.annotator, options: BatchOptions(format: .cm, emit: .resources, writeBack: true))
        let line = DocRef.line(id: "w1", content: [DocRef.attachment("text/plain", data: Array("Patient has asthma. Taking salbutamol 100 mcg inhaled PRN.".utf8))])
        let outcome = p.process(BatchItem(content: .line(line), line: 1, source: nil))
        #expect(outcome.failure == nil)
        #expect(outcome.records.map(\.resourceType) == ["ComprehendMedical", "DocumentReference"])
        let cm = Self.json(outcome.records[0].json)
        #expect(cm["id"] as? String == "w1")
        let entities = try #require((cm["result"] as? [String: Any])?["Entities"] as? [[String: Any]])
        #expect(entities.contains { $0["Text"] as? String == "asthma" })
        let back = Self.json(outcome.records[1].json)
        let summary = try #require((back["extension"] as? [[String: Any]])?.first { $0["url"] as? String == BatchProcessor.summaryExtensionURL })
        let parts = try #require(summary["extension"] as? [[String: Any]])
        #expect(parts.first { $0["url"] as? String == "status" }?["valueCode"] as? String == "annotated")
        #expect(parts.first { $0["url"] as? String == "medtextVersion" }?["valueString"] as? String == MedTextVersion.string)
        #expect(parts.contains { $0["url"] as? String == "count" })
        #expect(back["id"] as? String == "w1")
    }

    @Test func fhirFormatDerivesResourcesWithProvenanceTagsAndWriteBack() throws {
        let p = try BatchProcessor(annotator: Self.annotator, options: BatchOptions(format: .fhir, emit: .envelope, writeBack: true))
        let text = "Patient has asthma. No chest pain. Salbutamol 100 mcg inhaled PRN wheeze."
        let line = DocRef.line(id: "f1", content: [DocRef.attachment("text/plain", data: Array(text.utf8))], extra: [
            "meta": ["versionId": "2", "security": [["system": "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "code": "R"]]],
            "subject": ["reference": "Patient/p9"], "date": "2026-03-04T05:06:07Z",
        ])
        let outcome = p.process(BatchItem(content: .line(line), line: 7, source: nil))
        #expect(outcome.failure == nil)
        let envelope = Self.json(outcome.envelope)
        #expect(envelope["status"] as? String == "ok")
        #expect(envelope["line"] as? Int == 7)
        let resources = try #require(envelope["resources"] as? [[String: Any]])
        let types = resources.compactMap { $0["resourceType"] as? String }
        #expect(types.contains("Condition"))
        #expect(types.contains("MedicationStatement"))
        #expect(types.contains("Provenance"))
        #expect(types.last == "DocumentReference")
        for r in resources where r["resourceType"] as? String != "DocumentReference" {
            let security = ((r["meta"] as? [String: Any])?["security"] as? [[String: Any]])?.compactMap { $0["code"] as? String }
            #expect(security == ["R"], "security labels copied onto \(r["resourceType"] ?? "")")
        }
        // The write-back names every generated resource.
        let back = try #require(resources.last)
        let summary = try #require((back["extension"] as? [[String: Any]])?.first { $0["url"] as? String == BatchProcessor.summaryExtensionURL })
        let generated = (summary["extension"] as? [[String: Any]] ?? []).filter { $0["url"] as? String == "generated" }
        #expect(generated.count == resources.count - 1)
        // Deterministic: the same line gives the same bytes.
        #expect(p.process(BatchItem(content: .line(line), line: 7, source: nil)).envelope == outcome.envelope)
        // FHIR output needs an id to point back to.
        let noID = p.process(BatchItem(content: .line(DocRef.line(id: nil, content: [DocRef.attachment("text/plain", data: Array(text.utf8))])), line: 8, source: nil))
        #expect(noID.failure == .invalidResource)
    }

    @Test func hookIsSafeFromManyTasks() async throws {
        let hook = try MedTextIngestionHook(annotator: Self.annotator, configuration: .init(linking: .linked))
        let notes = (0..<8).map { i in
            DocRef.line(id: "h\(i)", content: [DocRef.attachment("text/plain", data: Array("Day \(i): chest pain, no fever. Metformin 500 mg BID. History of hypertension.".utf8))])
        }
        let sequential = notes.map { hook.annotateNow(documentReference: $0).entitiesJSON }
        let concurrent = await withTaskGroup(of: (Int, [UInt8]).self) { group in
            for round in 0..<6 {
                for (i, n) in notes.enumerated() {
                    group.addTask { (i + round * 0, await hook.annotate(documentReference: n).entitiesJSON) }
                }
            }
            var out: [(Int, [UInt8])] = []
            for await r in group { out.append(r) }
            return out
        }
        #expect(concurrent.count == 48)
        for (i, json) in concurrent { #expect(json == sequential[i]) }
        #expect(sequential.allSatisfy { !$0.isEmpty })
        let text = await hook.annotate(text: "Denies chest pain.", id: "t")
        #expect(text.succeeded)
        #expect(text.annotated?.entities.isEmpty == false)
        let bad = await hook.annotate(documentReference: Array("nope".utf8))
        #expect(bad.failure?.reason == .invalidJSON)
        #expect(bad.operationOutcome != nil)
    }
}
