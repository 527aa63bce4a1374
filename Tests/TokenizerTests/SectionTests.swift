import Foundation
import MedTextCore
import Testing
import Tokenizer

/// Whole notes from corpora/samples (written by us) with their expected sections.
struct SampleNote: Sendable, CustomTestStringConvertible {
    var file: String
    /// (type, header text) in order; `unknown` with `nil` header for leading text.
    var sections: [(SectionType, String?)]
    var testDescription: String { file }
}

let sampleNotes: [SampleNote] = [
    SampleNote(file: "us_ed_note.txt", sections: [
        (.chiefComplaint, "CHIEF COMPLAINT:"), (.historyOfPresentIllness, "HISTORY OF PRESENT ILLNESS:"),
        (.pastMedicalHistory, "PAST MEDICAL HISTORY:"), (.medications, "MEDICATIONS:"), (.allergies, "ALLERGIES:"),
        (.socialHistory, "SOCIAL HISTORY:"), (.familyHistory, "FAMILY HISTORY:"), (.reviewOfSystems, "REVIEW OF SYSTEMS:"),
        (.physicalExam, "PHYSICAL EXAM:"), (.vitalSigns, "Vitals:"), (.labs, "LABS:"), (.assessmentAndPlan, "ASSESSMENT AND PLAN:"),
    ]),
    SampleNote(file: "us_discharge_summary.txt", sections: [
        (.unknown, nil), (.diagnoses, "ADMISSION DIAGNOSIS:"), (.diagnoses, "DISCHARGE DIAGNOSES:"), (.hospitalCourse, "HOSPITAL COURSE:"),
        (.procedures, "PROCEDURES:"), (.dischargeMedications, "DISCHARGE MEDICATIONS:"),
        (.dischargeInstructions, "DISCHARGE INSTRUCTIONS:"), (.followUp, "FOLLOW-UP:"),
    ]),
    SampleNote(file: "au_gp_referral.txt", sections: [
        (.unknown, nil), (.reasonForReferral, "Reason for referral:"), (.pastMedicalHistory, "PMHx:"), (.medications, "Medications:"),
        (.allergies, "Allergies:"), (.socialHistory, "SHx:"), (.familyHistory, "FHx:"), (.physicalExam, "O/E"),
        (.investigations, "Ix:"), (.impression, "Imp:"), (.management, "Mx:"),
    ]),
    SampleNote(file: "au_discharge_summary.txt", sections: [
        (.unknown, nil), (.chiefComplaint, "Presenting complaint"), (.historyOfPresentIllness, "HOPC"), (.pastMedicalHistory, "PMHx"),
        (.physicalExam, "O/E"), (.investigations, "Ix"), (.labs, "Bloods:"), (.impression, "Imp"), (.management, "Mx"),
        (.dischargeMedications, "Discharge medications"), (.followUp, "Follow up"),
    ]),
    SampleNote(file: "allcaps_note.txt", sections: [
        (.unknown, nil), (.historyOfPresentIllness, "HISTORY OF PRESENT ILLNESS"), (.medications, "CURRENT MEDICATIONS"),
        (.physicalExam, "PHYSICAL EXAMINATION"), (.impression, "IMPRESSION"), (.plan, "PLAN"),
    ]),
    SampleNote(file: "nursing_note.txt", sections: [(.unknown, nil), (.plan, "Plan:")]),
    SampleNote(file: "markdown_note.md", sections: [
        (.chiefComplaint, "# Chief Complaint"), (.historyOfPresentIllness, "## History of Present Illness"),
        (.medications, "## Medications"), (.assessment, "## Assessment"), (.plan, "## Plan"),
    ]),
    SampleNote(file: "medication_list.txt", sections: [(.medications, "Current Medications:"), (.allergies, "Allergies:")]),
    SampleNote(file: "soap_note.txt", sections: [
        (.historyOfPresentIllness, "S:"), (.physicalExam, "O:"), (.assessment, "A:"), (.plan, "P:"),
    ]),
]

@Suite struct SectionTests {
    static func load(_ file: String) throws -> Document {
        let url = Fixtures.root.appendingPathComponent("corpora/samples/\(file)")
        return Document(id: file, text: try String(contentsOf: url, encoding: .utf8))
    }

    @Test(arguments: sampleNotes)
    func sampleNoteSections(_ note: SampleNote) throws {
        let doc = try Self.load(note.file)
        let sections = Fixtures.tokenizer.analyze(doc).sections
        #expect(sections.map(\.type) == note.sections.map(\.0))
        #expect(sections.map { $0.headerSpan.map { String(doc.text(in: $0)) } } == note.sections.map(\.1))
        // Sections tile the text from the first one to the end, and every header has a rule id.
        #expect(sections.last?.span.end == doc.utf8Count)
        for (a, b) in zip(sections, sections.dropFirst()) { #expect(a.span.end == b.span.start) }
        #expect(sections.allSatisfy { ($0.headerSpan == nil) == ($0.ruleID == nil) })
    }

    /// `tokensAndSections` (PHI detection's analysis) gives the tokens and sections of `analyze`, without sentences.
    @Test(arguments: sampleNotes)
    func tokensAndSectionsAreAnalyzesWithoutSentences(_ note: SampleNote) throws {
        let doc = try Self.load(note.file)
        let full = Fixtures.tokenizer.analyze(doc), light = Fixtures.tokenizer.tokensAndSections(doc)
        #expect(light.tokens == full.tokens)
        #expect(light.sections == full.sections)
        #expect(light.sentences.isEmpty && !full.sentences.isEmpty)
    }

    @Test(arguments: [
        ("PLAN\nadmit", SectionType.plan), ("Plan:\nadmit", .plan), ("Plan - admit", .plan), ("**Plan:** admit", .plan),
        ("## plan", .plan), ("Plan", .plan), ("Impression: viral", .impression), ("O/E afebrile", .physicalExam),
        ("Imp viral URTI", .impression), ("Ix FBC normal", .investigations), ("Rx amoxicillin", .treatment),
        ("A/P: admit", .assessmentAndPlan), ("Assessment & Plan:", .assessmentAndPlan), ("FOLLOW UP\nGP 1/52", .followUp),
        ("Problem list:", .problemList), ("Immunisations: up to date", .immunizations), ("Vital signs: stable", .vitalSigns),
        ("Meds on admission:", .admissionMedications), ("Hx: HTN", .historyOfPresentIllness), ("PSH: appendicectomy", .pastSurgicalHistory),
        ("Radiology: CXR clear", .imaging), ("Chief complaint: cough", .chiefComplaint), ("Dx: CAP", .diagnoses),
        ("Procedures: nil", .procedures), ("ROS: negative", .reviewOfSystems),
        ("Presentation: 2 days of cough", .historyOfPresentIllness), ("FAMILY HX: mother with migraine", .familyHistory),
        ("ADRs / Allergies:\nCodeine - vomiting", .allergies), ("Allergies/ADRs: nil", .allergies),
        ("D/C: keep dry", .dischargeInstructions), ("Dispo: home", .plan), ("Comorbidities: CCF, AF", .diagnoses),
        // A parenthesised qualifier between header and colon.
        ("MEDS (PER RACF CHART, WEBSTER PACK): DIGOXIN 62.5MCG MANE", .medications),
        ("Medications (on admission):\nmetformin", .medications),
    ])
    func headerForms(_ text: String, _ type: SectionType) {
        let sections = Fixtures.tokenizer.sections(text)
        #expect(sections.map(\.type) == [type], "\(text)")
    }

    @Test(arguments: [
        "plan to admit", "o/e afebrile", "imp viral", "Pain: 5/10", "HEENT: normal", "Plan admit", "The plan: admit",
        "Plan (see below) is to admit", "Meds (see list)\nmetformin",
    ])
    func notHeaders(_ text: String) {
        #expect(Fixtures.tokenizer.sections(text).map(\.type) == [.unknown], "\(text)")
    }

    @Test func colonHeaderAfterSentenceEnd() {
        let doc = Document(text: "Pt c/o CP x2d, denies SOB. Hx: HTN, DM2.")
        let s = Fixtures.tokenizer.analyze(doc).sections
        #expect(s.map(\.type) == [.unknown, .historyOfPresentIllness])
        #expect(s.last.flatMap { $0.headerSpan.map { String(doc.text(in: $0)) } } == "Hx:")
    }
}
