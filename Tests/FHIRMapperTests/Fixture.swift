import FHIRMapper
import Foundation
import MedTextCore
import MedTextLexicons
import MedTextTestSupport

/// Builds annotated documents from marked text, so mapping rules are tested without the
/// recognizer: `[[pneumonia|DX_NAME|NEGATION|SNOMED=233604007]]` is an entity with a trait and a
/// code; attribute marks (`[[bd|FREQUENCY]]`) attach to the nearest entity before them;
/// `[[...|SECTION=past_medical_history]]` marks a section.
enum Fixture {
    static let entityTypes: Set<String> = ["DX_NAME", "GENERIC_NAME", "BRAND_NAME", "TEST_NAME", "PROCEDURE_NAME", "ALLERGIES"]
    static let systems: [String: CodeSystem] = [
        "SNOMED": .snomedCT, "ICD10CM": .icd10CM, "RXNORM": .rxNorm, "UNII": .unii, "LOINC": .loinc,
    ]

    static let sig: FHIRSigTables = {
        let dir = MedTextLexicons.dataDirectory.appendingPathComponent("sig")
        func read(_ n: String) -> String { try! String(contentsOf: dir.appendingPathComponent(n), encoding: .utf8) }
        return try! FHIRSigTables(units: read("units.tsv"), testUnits: read("test_units.tsv"), routes: read("routes.tsv"), frequencies: read("frequencies.tsv"))
    }()

    static let mapper = FHIRMapper(sig: sig)

    static func document(_ marked: String, id: String = "note") -> AnnotatedDocument {
        let m = MarkedText(marked)
        var entities: [Entity] = []
        var sections: [Section] = []
        for mark in m.marks {
            guard let first = mark.labels.first else { continue }
            if first.hasPrefix("SECTION=") {
                sections.append(Section(type: SectionType(String(first.dropFirst(8))), span: mark.span, headerSpan: nil))
                continue
            }
            var traits: Traits = []
            var codes: [ConceptCode] = []
            for l in mark.labels.dropFirst() {
                if let t = Traits(name: l) {
                    traits.insert(t)
                } else if let eq = l.firstIndex(of: "="), let sys = systems[String(l[..<eq])] {
                    codes.append(ConceptCode(system: sys, code: String(l[l.index(after: eq)...]), display: mark.text))
                }
            }
            let type = EntityType(first)
            if entityTypes.contains(first) {
                let category: EntityCategory = switch first {
                case "DX_NAME": .medicalCondition
                case "GENERIC_NAME", "BRAND_NAME": .medication
                case "ALLERGIES": .behavioralEnvironmentalSocial
                default: .testTreatmentProcedure
                }
                entities.append(Entity(category: category, type: type, span: mark.span, traits: traits, concepts: codes))
            } else if !entities.isEmpty {
                entities[entities.count - 1].attributes.append(
                    Attribute(type: type, category: entities[entities.count - 1].category, span: mark.span, concepts: codes))
            }
        }
        entities.sort { $0.span < $1.span }
        sections.sort { $0.span < $1.span }
        return AnnotatedDocument(document: Document(id: id, text: m.text), sections: sections, entities: entities)
    }

    static func context(
        include: FHIRInclude = [], version: String? = "2", security: [FHIRCoding] = [], tags: [FHIRCoding] = []
    ) -> FHIRContext {
        FHIRContext(
            subject: "Patient/123", encounter: "Encounter/9", document: DocumentReferenceID(id: "abc", version: version),
            security: security, tags: tags, recorded: "2026-11-29T10:00:00Z", medtextVersion: "0.1.0",
            terminologyVersions: [FHIRTerminologyVersion(system: CodeSystem.snomedCT.uri, name: "SNOMED CT", version: "2025-01-01")],
            include: include)
    }

    static func map(_ marked: String, context: FHIRContext = context()) -> FHIRMapping {
        mapper.map(document(marked), context: context)
    }

    static func json(_ v: FHIRValue) -> String {
        var w = JSONWriter()
        v.write(into: &w)
        return w.string
    }
}

extension FHIRValue {
    /// Follows a path like `dosage.0.timing.repeat.frequency`.
    func at(_ path: String) -> FHIRValue? {
        var cur: FHIRValue? = self
        for part in path.split(separator: ".") {
            if let i = Int(part) { cur = cur?[i] } else { cur = cur?[String(part)] }
        }
        return cur
    }

    func string(_ path: String) -> String? { at(path)?.stringValue }
}
