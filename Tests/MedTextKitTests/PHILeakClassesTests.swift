import Deidentifier
import Foundation
import MedTextCore
import MedTextKit
import MedTextTestSupport
import Testing

/// Session 11 (issue #6 §1 and §3, helper `phileak`): the guideline decisions of session 11 on numbers that are no ID,
/// planned and expected dates, occupations named by a workplace or a platform, and the de-identification repeat layer
/// (no distinctive word of a detected name, place or organisation survives `deid`). Our own text and fake values.
@Suite struct PHILeakClassesTests {
    /// A blood-unit donation number (ISBT 128) is ID (decision of session 11), with or without a cue; a station name and a
    /// workstation name are no ID.
    @Test(arguments: [
        "1 UNIT PRBC (UNIT # [[W0417 26 118833 Z|ID]]) STARTED AT 0420.",
        "Donation number [[W1234 25 654321 K|ID]] transfused.",
        "Platelets [[W0123 26 004417|ID]] given over 30 min.",
        "Scanner: Siemens MAGNETOM Vida 3T, station name SIP-MR2, host [[10.40.12.88|IP_ADDRESS]].",
    ])
    func donationNumbersAndEquipmentNames(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// Accreditation numbers of a laboratory are no ID whatever body issues them (GUIDELINE §9, decision of session 11),
    /// whichever rule would read them (a cue, a capital-and-digit code, a `#` code, a lab cue before). The record
    /// numbers beside them, and a number after an accreditation word with other words between, stay ID.
    @Test(arguments: [
        "Performed at the central laboratory, CLIA 05D0987654.",
        "CLIA # 38D0982214   CAP # 7190344",
        "Lab: CLIA 11D2233445   Accession: [[SP26-004471|ID]]",
        "NATA Accreditation No. 2719   Lab no. [[25-6618032|ID]]",
        "NATA/RCPA Accreditation 3051   APA 62-1183",
        "This report is confidential. Accredited laboratory NATA 2718.",
        "NATA Accred. No. 2841   UR [[7734521|ID]]",
        "CLIA Certificate Number: 45D0912345",
        "Accredited Consultant Pharmacist, Accreditation No. [[AP-20417|ID]]",
        "NATA accredited laboratory. Lab no. [[25-6618032|ID]]",
        "NATA accredited laboratory. Accession [[SP26-004471|ID]]",
            ])
    func accreditationNumbersAreNoID(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        "CLIA ID: 05D0642871   CAP Number: 7193304   MRN: [[00482913|ID]]",
        "COLA #1234567   Specimen [[M26-02418|ID]]",
    ])
    func accreditationNumbersAreNoIDInUSNotes(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// An extension written right after a number is inside the PHONE span (GUIDELINE P1, decision of session 11).
    @Test(arguments: [
        "Clinic backup line [[(07) 5550 8802 ext 12|PHONE_OR_FAX]].",
        "Case manager on [[1300 647 552 ext. 4418|PHONE_OR_FAX]] weekdays.",
    ])
    func extensionsAfterANumberAreInside(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: ["PCP office [[(608) 555-0172 ext. 204|PHONE_OR_FAX]]", "Call [[555-010-4567 x204|PHONE_OR_FAX]] after 5."])
    func extensionsAfterANumberAreInsideInUSNotes(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// A day/month after a word that schedules an event is a date (`discharge anticipated 2/6`, `rescheduled 11/4`);
    /// `expected` and `planned` are no such cue (`expected 1/2 of the dose`, `planned 1/2 tab`).
    @Test(arguments: [
        "Baby's discharge anticipated [[2/6|DATE]].",
        "Surgery scheduled [[9/14|DATE]] with Ortho.",
        "Induction tentatively [[3/12|DATE]] per dating scan.",
        "Clinic rescheduled [[11/4|DATE]].",
        "Expected 1/2 of the usual dose to be absorbed.",
        "Pain 7/10, better than expected.",
        "Planned 1/2 tab nocte for a week.",
    ])
    func plannedAndExpectedDayMonths(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// `extension` written out before two or three digits is a movement, not a telephone extension; `ext 12` still is.
    @Test(arguments: [
        "Lumbar flexion to mid-shin; extension 20 degrees. Knee extension 15 with pain.",
        "Clinic line [[(07) 5550 8802 ext 12|PHONE_OR_FAX]] for bookings.",
    ])
    func movementsAreNoExtensions(_ row: String) { PHIPipelineTests.check(row) }

    /// Occupations named by a workplace (`feedlot hand`) or a gig platform (`DoorDash driver`), in any case; a hand and a
    /// hand alone is none.
    @Test(arguments: [
        "OCCUPATION: [[FEEDLOT HAND|PROFESSION]]",
        "he is an [[orchard hand|PROFESSION]] in the season.",
        "Her son is an [[Amazon driver|PROFESSION]].",
        "Laceration to the left hand from a stock gate.",
    ])
    func occupationsByWorkplaceOrPlatform(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    static func entity(_ type: EntityType, _ text: String, _ part: String) -> Entity {
        let r = text.range(of: part)!
        let s = text.utf8.distance(from: text.startIndex, to: r.lowerBound)
        return Entity(category: .protectedHealthInformation, type: type, span: TextSpan(s, s + part.utf8.count), score: 1, evidence: [])
    }

    /// The repeat layer: every other mention of a distinctive word of a detected name, place or organisation, in any
    /// case and inside undetected longer names, outside the detected spans; never the ordinary, title, street or
    /// state words of those spans, a word shorter than four letters unless written as a name (`Isa`, not `ISA`), or a
    /// word joined to digits.
    @Test func repeatedWordsOfDetectedSpans() {
        let text = """
            Seen at Nightcliff Pharmacy, 4 Example St, Wulagi NT 0812 by Dr Okonkwo-Hale. Lives in Mount Isa.
            Back to Nightcliff on Friday; the nightcliff clinic rang. Wulagi's bus. Nightcliff-based carer.
            Pharmacy closed. Example St. NT review. Nightcliff2 code. Okonkwo family. Isa Hospital. ISA score.
            """
        let ents = [
            Self.entity(.organization, text, "Nightcliff Pharmacy"), Self.entity(.address, text, "4 Example St, Wulagi NT 0812"),
            Self.entity(.name, text, "Okonkwo-Hale"), Self.entity(.address, text, "Mount Isa"),
        ].sorted { $0.span < $1.span }
        let got = PHIPipelineTests.pipeline.recognizer.repeatedWords(in: text, of: ents).map {
            "\(String(decoding: Array(text.utf8)[$0.span.range], as: UTF8.self))|\($0.type.rawValue)|\($0.evidence.first?.ruleID ?? "")"
        }
        #expect(got == [
            "Nightcliff|ORGANIZATION|phi:deid-repeat-word", "nightcliff|ORGANIZATION|phi:deid-repeat-word",
            "Wulagi|ADDRESS|phi:deid-repeat-word", "Nightcliff|ORGANIZATION|phi:deid-repeat-word",
            "Okonkwo|NAME|phi:deid-repeat-word", "Isa|ADDRESS|phi:deid-repeat-word",
        ])
    }

    /// Through the pipeline, every mode: the repeated word is gone from the output, while detect-phi (the `detected`
    /// document) reports only what the rules found.
    @Test(arguments: DeidMode.allCases)
    func deidReplacesRepeatedWords(_ mode: DeidMode) {
        let text = "Referred by Dr Amara Okonkwo-Hale (Wulagi Family Practice).\nPt says Okonkwo was kind; will see Okonkwo again."
        let pipeline = PHIPipelineTests.pipeline
        let deid = pipeline.deidentifier(options: DeidOptions(mode: mode, shiftDates: true, key: Array("k".utf8), locale: .enAU))
        let (detected, result) = pipeline.deidentify(Document(text: text), with: deid)
        #expect(!detected.entities.contains { $0.evidence.contains { $0.ruleID == "phi:deid-repeat-word" } })
        #expect(PHIPipelineTests.occurrences("Okonkwo", in: result.text) == 0, "\(mode)")
        #expect(PHIPipelineTests.occurrences("Wulagi", in: result.text) == 0, "\(mode)")
        #expect(result.text.contains("was kind; will see"))
    }
}
