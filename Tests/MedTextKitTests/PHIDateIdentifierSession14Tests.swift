import MedTextKit
import Testing

/// Identifier and date classes of session 14 (issue #6, GUIDELINE §9, §0, D3; helper `phitype`): an acronym before
/// `no.` or `#` labels a registration or membership number; seal and cycle numbers; ten bare digits after a label's
/// `no.` are its identifier, not a telephone number; the last four digits of an SSN after a comma; an accession number
/// after `ACC` without a mark. Not dates: a four-digit clock time after a verb of a timed entry, a pain score out of ten
/// later in the clause, a readiness ruler. Each class has rows that must keep the other reading.
@Suite struct PHIDateIdentifierSession14Tests {
    @Test(arguments: [
        "Statement witnessed (JP no. [[7304|ID]]) at the station.",
        "Counsel for the family, OBA No. [[40917|ID]], attended by phone.",
        "Union delegate present (CFMEU # [[118244|ID]]).",
        "Body bag closed and sealed (seal no. [[0041772|ID]]); transport arrived later.",
        "Frozen embryo transfer, cycle no. [[25-0917|ID]], confirmed with the lab.",
        "Medical examiner no. [[4105550187|ID]] on the certificate.",
        "Identity checked against the last four of her SSN, [[4471|ID]].",
        "Troponin sent (ACC [[26-118-04412|ID]]) with the bloods.",
    ])
    func labelledNumbersAreIDs(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        "Carer registration (CRA no. [[55082|ID]]) sighted.",
        "Sealed property (seal no. [[7730915|ID]]) handed to the police.",
    ])
    func labelledNumbersAreIDsAU(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        // A laboratory's accreditation, a procedure code, a short count and a chemotherapy cycle stay out.
        "Tested in a NATA No. 2719 accredited laboratory.",
        "ECG no. 2 showed sinus rhythm.",
        "Chemo cycle no. 3 due next week.",
        // Telephone labels keep ten bare digits a telephone number.
        "Mobile no. [[4105550187|PHONE_OR_FAX]] for results.",
        "Phone no. [[2125550143|PHONE_OR_FAX]], leave a message.",
    ])
    func numbersThatStayOut(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        "On-call doctor notified 1935 and family informed by text.",
        "Retrieval crew departed 1950 with the patient.",
        "Evening meds 2000 given, settled after.",
        "Registrar paged 1915, reviewed at bedside.",
        // Years after event verbs stay dates.
        "Parents migrated [[1968|DATE]] and settled inland.",
        "Her husband retired [[1999|DATE]].",
    ])
    func clockTimesAfterEntryVerbs(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        "Chest pain along the belt line 6/10, worse on inspiration.",
        "Pain with debridement 5/10 at the wound edge.",
        "Neck pain after lifting 7/10 at rest.",
        "Readiness ruler 8/10 today.",
    ])
    func painScoresLaterInTheClause(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        // A date word right before, or a new clause, keeps the date.
        "Knee pain worse since [[4/10|DATE]].",
        "Pain settled. Seen again [[3/10|DATE]] by the team.",
    ])
    func datesAfterPainStay(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        // A day or month with a leading zero is a date whatever word follows; the next column of a row of dates too.
        "Missed [[20/03|DATE]] dose, given late.",
        "Oxygen delivered ([[22/03|DATE]], order no. [[OX-4471902|ID]]).",
        "HAEMATOLOGY      [[14/08|DATE]]    [[21/08|DATE]]    [[28/08|DATE]]    Units",
        // Without the zero a count before its word stays out.
        "Missed 2/3 doses this week.",
    ])
    func zeroPaddedDaysAndColumns(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        // A given name and a surname before MA (a medical assistant) are a person; a town before MA stays an address.
        "Rooming: [[Kayla Brooks|NAME]], MA. Vitals taken.",
        "Chaperone for exam: [[Maddie Osterhout|NAME]], MA",
        "Moved from [[Worcester, MA|ADDRESS]] last year.",
        "Her son lives in [[Springfield, MA|ADDRESS]].",
    ])
    func medicalAssistantsAreNoStates(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        "Two deployments with the [[101st Airborne Division|ORGANIZATION]] out of [[Fort Campbell|ORGANIZATION]].",
        "Burn pit exposure at [[FOB Salerno|ORGANIZATION]] in [[2011|DATE]].",
        // A key fob is no base.
        "Lost his car key fob in the waiting room.",
    ])
    func forwardOperatingBasesAndDeployments(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        // A head, `of` and a capitalised name are one organisation; a region's adjective before a state is no person.
        "Student at the [[University of Northern Vermont|ORGANIZATION]].",
        "Seen at the [[University of Texas Medical Branch|ORGANIZATION]] in [[2019|DATE]].",
        "Her son is at [[College of the Ozarks|ORGANIZATION]] now.",
        // A capitalised word before the head leaves the name to the other rules.
        "Evaluated at [[Baylor College of Medicine|ORGANIZATION]] last year.",
        "Her daughter [[Virginia Moss|NAME]] visits on Sundays.",
    ])
    func organisationsNamedHeadOfName(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        "Uses the pantry at [[Iglesia Bautista Gracia y Verdad|ORGANIZATION]] and the food bank.",
        "Sunday service at [[Iglesia Cristiana Roca Firme|ORGANIZATION]] - went despite fever.",
        "Attends Friday prayers at [[Masjid Al-Noor|ORGANIZATION]] with her brother.",
        "visitor from [[iglesia bautista emanuel|ORGANIZATION]] came this evening",
    ])
    func congregationsNamedAfterTheirLeadingWord(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        // A trial's registry number and an ethics board's approval number identify a study, no person.
        "Registry number NCT05512094 recorded on the consent.",
        "Protocol approved by the board (IRB #2024-0377).",
        // A record number with capitals and digits stays an ID.
        "Specimen [[RQ7720314|ID]] received.",
    ])
    func studyNumbersAreNoIDs(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }
}
