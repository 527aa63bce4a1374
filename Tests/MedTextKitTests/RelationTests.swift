import FHIRMapper
import Foundation
import MedTextCore
import MedTextKit
import Testing

/// Relations end to end with the shipped lexicons: TIME_TO_* links (gold guideline Rule TI1),
/// FOR links from medications to their indications (Rule M4), and their shape in each
/// Comprehend Medical operation.
@Suite struct RelationTests {
    static let annotator = try! MedTextAnnotator()

    /// "owner <- time|TIME_TO_TYPE" or "owner <- condition|FOR" per link.
    static func links(_ text: String) -> [String] {
        let doc = annotator.annotate(Document(text: text), linking: .none)
        var out: [String] = []
        for e in doc.entities {
            for a in e.attributes where a.type.rawValue.hasPrefix("TIME_TO_") || a.relationshipType == .for {
                let kind = a.relationshipType == .for ? "FOR" : a.type.rawValue
                out.append("\(doc.document.text(in: e.span)) <- \(doc.document.text(in: a.span))|\(kind)")
            }
        }
        return out
    }

    @Test(arguments: [
        ("Chest pain 2 hours ago.", ["Chest pain <- 2 hours ago|TIME_TO_DX_NAME"]),
        ("Cellulitis lt lower leg x 4 days.", ["Cellulitis <- 4 days|TIME_TO_DX_NAME"]),
        ("Sore throat + fever 2/7.", ["fever <- 2/7|TIME_TO_DX_NAME"]),
        ("MI in 2019.", ["MI <- 2019|TIME_TO_DX_NAME"]),
        ("Started metformin 2 weeks ago.", ["metformin <- 2 weeks ago|TIME_TO_MEDICATION_NAME"]),
        ("TURP 2016.", ["TURP <- 2016|TIME_TO_PROCEDURE_NAME"]),
        ("Cough, 3 days ago developed fever.", ["fever <- 3 days ago|TIME_TO_DX_NAME"]),
        // Not times of an event: plans, follow-up, dose timing, vital signs.
        ("Repeat HbA1c in 3 months.", []),
        ("GP review in 1 week for wound check.", []),
        ("Thyroxine 75mcg 1 (30 min before food)", []),
        ("Exam: t 38.3 hr 106 bp 148/90", []),
    ])
    func timeLinks(text: String, expected: [String]) {
        #expect(Self.links(text).filter { !$0.hasSuffix("|FOR") } == expected)
    }

    @Test func bareDurationsAreTimesOnlyWhenTheyDateAnEvent() {
        let doc = Self.annotator.annotate(Document(text: "Length of stay: 9 days.\nHeadache x 2 days."), linking: .none)
        let times = doc.entities.filter { $0.category == .timeExpression }.map { "\(doc.document.text(in: $0.span))|\($0.type.rawValue)" }
        #expect(times == ["2 days|TIME_TO_DX_NAME"])
    }

    @Test(arguments: [
        ("Paracetamol 1 g PO q6h PRN pain or fever.", ["Paracetamol <- pain|FOR", "Paracetamol <- fever|FOR"]),
        ("Metoprolol 25 mg BD for AF.", ["Metoprolol <- AF|FOR"]),
        ("Salbutamol 2 puffs q4h as needed for wheeze", ["Salbutamol <- wheeze|FOR"]),
        ("Coversyl 10mg - 1 mane - hypertension", ["Coversyl <- hypertension|FOR"]),
        ("| Lipitor | 40 mg | PO | nocte | hypercholesterolaemia |", ["Lipitor <- hypercholesterolaemia|FOR"]),
        // Not indications: a condition before the drug, another clause, a plan, another line.
        ("AF on rivaroxaban.", []),
        ("Consider eplerenone, TEER for MR.", []),
        ("Avoid NSAIDs and go to the ED for heavy bleeding.", []),
        ("Do not take within 48 hours of tadalafil\n- Call 911 if chest pain at rest", []),
    ])
    func indications(text: String, expected: [String]) {
        #expect(Self.links(text).filter { $0.hasSuffix("|FOR") } == expected)
    }

    @Test func inferOperationsKeepOnlyTheirAttributeTypes() throws {
        let doc = Self.annotator.annotate(Document(text: "Metoprolol 25 mg BD for AF since 2019.\nChest pain 2 hours ago."), linking: .ranked)
        let writer = ComprehendMedicalJSON()
        func attributeTypes(_ op: ComprehendMedicalJSON.Operation) throws -> Set<String> {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(writer.response(op, for: doc))) as? [String: Any])
            let entities = try #require(json["Entities"] as? [[String: Any]])
            return Set(entities.flatMap { ($0["Attributes"] as? [[String: Any]] ?? []).compactMap { $0["Type"] as? String } })
        }
        let v2 = try attributeTypes(.detectEntitiesV2)
        #expect(v2.contains("DX_NAME") && v2.contains("TIME_TO_DX_NAME"))
        let rx = try attributeTypes(.inferRxNorm)
        #expect(!rx.contains("DX_NAME") && rx.contains("STRENGTH"))
        let icd = try attributeTypes(.inferICD10CM)
        #expect(icd.isSubset(of: ["ACUITY", "DIRECTION", "SYSTEM_ORGAN_SITE", "QUALITY", "QUANTITY", "TIME_TO_DX_NAME", "TIME_EXPRESSION"]))
        #expect(icd.contains("TIME_TO_DX_NAME"))
    }

    /// Each Infer operation ranks only the system it prints: the same codes in that system as
    /// ranking all three, and none in the others (the ICD-10-CM ranking is most of the cost).
    @Test(arguments: [CodeSystem.icd10CM, .snomedCT, .rxNorm])
    func rankingOneSystemGivesThatSystemsCodesOnly(system: CodeSystem) {
        let text = "Metoprolol 25 mg BD for paroxysmal AF since 2019.\nT2DM with CKD stage 3b. CT abdomen: no free fluid."
        let all = Self.annotator.annotate(Document(text: text), linking: .ranked)
        let one = Self.annotator.annotate(Document(text: text), linking: .rankedIn([system]))
        #expect(all.entities.count == one.entities.count)
        func codes(_ doc: AnnotatedDocument, _ s: CodeSystem) -> [[String]] {
            doc.entities.map { $0.concepts.filter { $0.system == s }.map(\.code) }
        }
        #expect(codes(one, system) == codes(all, system))
        // The built-in terminology has no RxNorm (it arrives with the user's own release), so
        // for RxNorm only the equality above and the absence of other systems are checked.
        if system != .rxNorm { #expect(codes(one, system).contains { !$0.isEmpty }) }
        for other in [CodeSystem.icd10CM, .snomedCT, .rxNorm] where other != system {
            #expect(codes(one, other).allSatisfy { $0.isEmpty })
        }
    }
}

/// `--explain` on codes: where each code comes from.
@Suite struct CodeExplanationTests {
    @Test func linkedCodesNameTheirLexiconEntryAndRankedCodesTheirRank() throws {
        let annotator = RelationTests.annotator
        let linked = annotator.annotate(Document(text: "Hx of HTN."), linking: .linked, explain: true)
        let htn = try #require(linked.entities.first { $0.type == .dxName })
        #expect(htn.evidence.contains { $0.subject == "http://hl7.org/fhir/sid/icd-10-cm|I10" && $0.ruleID == "lexicon:cond:hypertension" })
        let ranked = annotator.annotate(Document(text: "Hx of HTN."), linking: .ranked, explain: true)
        let r = try #require(ranked.entities.first { $0.type == .dxName })
        let icd = r.evidence.filter { $0.subject.hasPrefix("http://hl7.org/fhir/sid/icd-10-cm|") }
        #expect(icd.first?.subject == "http://hl7.org/fhir/sid/icd-10-cm|I10" && icd.first?.ruleID == "rank:1")
        #expect(icd.count == r.concepts.filter { $0.system == .icd10CM }.count)
        // Without explain, codes carry no evidence.
        let plain = annotator.annotate(Document(text: "Hx of HTN."), linking: .ranked)
        #expect(!(plain.entities.first { $0.type == .dxName }?.evidence.contains { $0.subject.contains("|") } ?? true))
    }
}

/// Relations in FHIR output, end to end: FOR links are MedicationStatement.reasonCode (coded from
/// the condition entity), TIME_TO_DX_NAME is Condition.onset[x].
@Suite struct RelationFHIRTests {
    static let fhir = try! MedTextFHIR(annotator: RelationTests.annotator)

    static func resources(_ text: String) -> [FHIRValue] {
        let context = FHIRContext(subject: "Patient/1", document: DocumentReferenceID(id: "d1"), medtextVersion: "test")
        return fhir.map(Document(text: text), context: context).resources.map(\.json)
    }

    @Test func indicationsAreReasonCodes() {
        let rs = Self.resources("Medications:\nmetformin 500 mg bd for T2DM\nparacetamol 1 g qid PRN pain\n")
        let meds = rs.filter { $0["resourceType"] == .string("MedicationStatement") }
        #expect(meds.count == 2)
        #expect(meds.first?["reasonCode"]?[0]?["text"] == .string("T2DM"))
        #expect(meds.first?["reasonCode"]?[0]?["coding"]?[0]?["code"] != nil)
        #expect(meds.last?["reasonCode"]?[0]?["text"] == .string("pain"))
    }

    @Test func timesAreOnsets() {
        let rs = Self.resources("Chest pain since yesterday. Diagnosed with asthma in 2019.")
        let conditions = rs.filter { $0["resourceType"] == .string("Condition") }
        #expect(conditions.first?["onsetString"] == .string("since yesterday"))
        #expect(conditions.last?["onsetDateTime"] == .string("2019"))
    }

    @Test func durationKeepsItsLeadWordAndTimesMayComeFirst() {
        // The time before its condition (a crash once: the look-back span ran backwards).
        let first = Self.resources("Cough, 3 days ago developed fever.").filter { $0["resourceType"] == .string("Condition") }
        #expect(first.last?["onsetString"] == .string("3 days ago"))
        let duration = Self.resources("Cough for 4 days.").filter { $0["resourceType"] == .string("Condition") }
        #expect(duration.first?["onsetString"] == .string("for 4 days"))
    }
}

/// `MedTextConfiguration.preloadConcepts`: the same codes from memory as from the database.
@Suite struct PreloadedConceptTests {
    @Test func preloadedLinkingEqualsQueriedLinking() throws {
        let preloaded = try MedTextAnnotator(configuration: MedTextConfiguration(preloadConcepts: true))
        let text = """
            Hx of HTN, T2DM on metformin 500 mg BD and atorvastatin 40 mg nocte. Chest pain 2 hours ago.
            Allergies: penicillin (rash). CXR: no consolidation. Hb 98 g/L.
            """
        let a = preloaded.annotate(Document(text: text), linking: .linked)
        let b = RelationTests.annotator.annotate(Document(text: text), linking: .linked)
        #expect(a.entities.count == b.entities.count)
        #expect(a.entities.map(\.concepts) == b.entities.map(\.concepts))
        #expect(a.entities.contains { !$0.concepts.isEmpty })
    }
}

/// `annotate(phi: false)`, used for FHIR output: the same entities without the PHI detector's.
@Suite struct AnnotateWithoutPHITests {
    @Test func sameEntitiesButNoPHI() {
        let text = """
            Seen by Dr. Jane Smith on 04/11/2025 at St Vincent's Hospital, phone (02) 9876 5432.
            Hx of HTN, T2DM on metformin 500 mg BD. Denies chest pain. Mother had breast cancer.
            """
        let with = RelationTests.annotator.annotate(Document(text: text), linking: .linked)
        let without = RelationTests.annotator.annotate(Document(text: text), linking: .linked, phi: false)
        #expect(with.entities.contains { $0.category == .protectedHealthInformation })
        #expect(!without.entities.contains { $0.category == .protectedHealthInformation })
        #expect(with.entities.filter { $0.category != .protectedHealthInformation } == without.entities)
    }
}
