import Foundation
import MedTextCore
import MedTextKit
import MedTextTestSupport
import Testing

@Suite struct ComprehendMedicalJSONTests {
    /// A hand-built annotation: the writer is tested apart from the recognizer.
    static func sample() -> AnnotatedDocument {
        let m = MarkedText("Café pt denies [[chest pain|cp]]. Takes [[aspirin|asa]] [[81 mg|str]] [[daily|freq]]. [[PO|route]]")
        let doc = Document(id: "n1", text: m.text)
        func span(_ label: String) -> TextSpan { m.spans(labelled: label)[0] }
        let cp = Entity(
            category: .medicalCondition, type: .dxName, span: span("cp"), score: 0.9, traits: [.negation, .symptom],
            traitScores: ["NEGATION": 0.8],
            concepts: [
                ConceptCode(system: .icd10CM, code: "R07.9", display: "Chest pain, unspecified", score: 0.7),
                ConceptCode(system: .snomedCT, code: "29857009", display: "Chest pain", score: 0.9),
            ],
            evidence: [Evidence(subject: "NEGATION", ruleID: "context:neg-0001", trigger: TextSpan(8, 14))])
        let asa = Entity(
            category: .medication, type: .genericName, span: span("asa"), score: 0.99,
            attributes: [
                Attribute(type: .frequency, category: .medication, span: span("freq"), relationshipType: .frequency),
                Attribute(type: .strength, category: .medication, span: span("str"), score: 0.95, relationshipType: .strength),
            ])
        let route = Attribute(type: .routeOrMode, category: .medication, span: span("route"))
        return AnnotatedDocument(document: doc, entities: [asa, cp], unmappedAttributes: [route])
    }

    func parse(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test func detectEntitiesShapeAndCodePointOffsets() throws {
        let json = try parse(ComprehendMedicalJSON().response(.detectEntitiesV2, for: Self.sample()))
        let entities = try #require(json["Entities"] as? [[String: Any]])
        #expect(entities.count == 2)
        // Sorted by text order; "Café" has a 2-byte é, so code point offsets are one less than bytes.
        #expect(entities[0]["Text"] as? String == "chest pain")
        #expect(entities[0]["BeginOffset"] as? Int == 15)
        #expect(entities[0]["Id"] as? Int == 0)
        let traits = try #require(entities[0]["Traits"] as? [[String: Any]])
        #expect(traits.map { $0["Name"] as? String } == ["NEGATION", "SYMPTOM"])
        #expect(entities[0]["ICD10CMConcepts"] == nil)
        #expect(entities[0]["Explanation"] == nil)
        let attrs = try #require(entities[1]["Attributes"] as? [[String: Any]])
        #expect(attrs.map { $0["Type"] as? String } == ["FREQUENCY", "STRENGTH"])
        // Ids in text order: chest pain 0, aspirin 1, 81 mg 2, daily 3, PO 4.
        #expect(entities[1]["Id"] as? Int == 1)
        #expect(attrs.map { $0["Id"] as? Int } == [3, 2])
        let unmapped = try #require(json["UnmappedAttributes"] as? [[String: Any]])
        #expect(unmapped.first?["Type"] as? String == "MEDICATION")
        #expect((unmapped.first?["Attribute"] as? [String: Any])?["Id"] as? Int == 4)
        #expect(json["ModelVersion"] as? String == MedTextVersion.string)
    }

    @Test func inferOperationsFilterAndCarryConcepts() throws {
        let doc = Self.sample()
        let icd = try parse(ComprehendMedicalJSON().response(.inferICD10CM, for: doc))
        let e = try #require((icd["Entities"] as? [[String: Any]])?.first)
        #expect((icd["Entities"] as? [Any])?.count == 1)
        let concepts = try #require(e["ICD10CMConcepts"] as? [[String: Any]])
        #expect(concepts.map { $0["Code"] as? String } == ["R07.9"])
        #expect(icd["UnmappedAttributes"] == nil)

        let sct = ComprehendMedicalJSON(snomedDetails: .init(edition: "US", language: "en", versionDate: "20250901"))
        let s = try parse(sct.response(.inferSNOMEDCT, for: doc))
        #expect((s["SNOMEDCTDetails"] as? [String: Any])?["Edition"] as? String == "US")
        #expect((s["Characters"] as? [String: Any])?["OriginalTextCharacters"] as? Int == doc.document.text.unicodeScalars.count)

        let rx = try parse(ComprehendMedicalJSON().response(.inferRxNorm, for: doc))
        let rxe = try #require((rx["Entities"] as? [[String: Any]])?.first)
        #expect(rxe["Text"] as? String == "aspirin")
        #expect((rxe["RxNormConcepts"] as? [Any])?.isEmpty == true)
    }

    @Test func explainAddsRuleAndTrigger() throws {
        let json = try parse(ComprehendMedicalJSON(explain: true).response(.detectEntitiesV2, for: Self.sample()))
        let e = try #require((json["Entities"] as? [[String: Any]])?.first)
        let ex = try #require((e["Explanation"] as? [[String: Any]])?.first)
        #expect(ex["Rule"] as? String == "context:neg-0001")
        #expect(ex["TriggerBeginOffset"] as? Int == 7)  // "denies" starts at code point 8 - 1
    }

    @Test func utf16AndDeterminism() throws {
        let doc = Self.sample()
        let a = ComprehendMedicalJSON(offsets: .utf16).response(.detectEntitiesV2, for: doc)
        let b = ComprehendMedicalJSON(offsets: .utf16).response(.detectEntitiesV2, for: doc)
        #expect(a == b)
        let json = try parse(a)
        #expect((json["Entities"] as? [[String: Any]])?.first?["BeginOffset"] as? Int == 15)
    }
}
