import MedTextKit
import Testing

/// Date and identifier classes that new authors write, and the type of spans found with another type (issue #6,
/// GUIDELINE D1, D4, §9, PR1, §6; helper `phitype`, session 13). A hyphenated range of two years is one DATE; a symptom,
/// rating or screening score is no date; a range of counts before a unit of time is no month/year; a month ending a
/// clause and lower-case holidays date events; a CMS Certification Number, an agency, inmate or property number and an
/// officer's badge number are IDs; a known company before an occupation is part of the PROFESSION; a person named
/// before `of` and an organisation is no part of it. Each class has rows that must keep the other reading.
@Suite struct PHIDateAndIdentifierClassesTests {
    @Test(arguments: [
        "Lived overseas ([[1998-2019|DATE]]).",
        "Served in the navy [[1985–1992|DATE]] as a stoker.",
        "WORK HISTORY: [[MINER|PROFESSION]] [[1972-1989|DATE]], THEN TRUCKS.",
        "lived up north [[2003-2011|DATE]] then moved south",
        "Hospitalised [[2017|DATE]] and [[2021|DATE]].",
        // Years after a closing bracket, closing a bracket after a comma, and the first of two years in a bracket.
        "MTX, HCQ and SSZ (triple therapy) [[2021|DATE]], inadequate response.",
        "One prior charge (criminal damage, [[2022|DATE]]).",
        "Grommets x2 ([[2013|DATE]] and [[2015|DATE]], at the base hospital).",
        "Fluid balance (mL) 1500, urine (mL) 900.",
        // A decade after an identifier cue word dates the event.
        "ALLERGIES: penicillin (anaphylaxis per patient, [[1990s|DATE]]).",
    ])
    func yearRangesAreOneDate(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        // Scores out of ten, nine, eight or fifteen after a symptom, rating or screen, or before a count word.
        "Pain 7/10 epigastric, nausea 6/10, fatigue 8/10, breathlessness 2/10.",
        "Cravings 3/10 this week. Headache 7/10 for 2 days.",
        "Inattention 7/9 items, hyperactivity 3/9.",
        "BIMS 12/15. Lawton IADL 2/8. Delayed recall 6/10.",
        "Monofilament absent 6/10 sites bilaterally.",
    ])
    func scoresAreNoDates(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        // The same fractions after a date word stay dates.
        "Labs from [[3/8|DATE]] reviewed.",
        "Repeat scan on [[2/10|DATE]] was clear.",
        "Permit revoked [[2/10|DATE]] by the board.",
    ])
    func dayMonthsAfterDateWordsStay(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        "Hep A booster in 6-12 months.",
        "Cardiology review in 10-12 weeks with Holter.",
        "Repeat echo in 3-6 mo.",
    ])
    func countRangesBeforeUnitsAreNoDates(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        "Review in this clinic in 6 months (about [[September|DATE]]); sooner if needed.",
        "Own knee replacement planned [[October|DATE]].",
        "Gout (last flare [[November|DATE]]), moderate OSA.",
        "Retinal photos [[September|DATE]] (report to GP).",
        "Respite hours were in place [[Nov|DATE]].",
        "weight down 2.8 kg since [[jan|DATE]].",
        "Met a partner via an app, [[January|DATE]], on holiday.",
        "Admitted the week after [[Holi|DATE]].",
        "son will take him away for the [[australia day|DATE]] long weekend",
        "asks for an early chair on [[Mardi Gras|DATE]], when the unit closes early",
    ])
    func monthsAndHolidaysThatDateEvents(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        // Months that are also given names, the modal verb, and lower-case abbreviations without a cue stay out.
        "Her sister [[June|NAME]] visits daily.",
        "Spoke with April, the case manager.",
        "He may, if needed, call back.",
        "had a good sunday with family",
        "apr and jun readings were normal",
        "Naming the months backwards: December, November, September, October.",
        "She hoped for a good day tomorrow.",
        "Quality of life improved since her APR. Repeat fields and OCT.",
    ])
    func monthWordsThatStayOut(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        "Home health: agency (Medicare-certified, CCN [[397214|ID]]), visits weekly.",
        "CMS Certification Number (CCN): [[675432|ID]]",
        "AGENCY #[[4417|ID]]   PCR #[[26-118402|ID]]",
        "DOC #: [[771903-2|ID]] on file.",
        "Belongings bag no. [[20417|ID]] sent with the patient.",
        "Property no. [[88213|ID]] signed for by the ward.",
        // A cue ending a wrapped line of prose, its value opening the next line.
        "We agreed that I would notify the licensing authority about this; licence no.\n   [[048 215 773|ID]]. Driving may continue.",
    ])
    func agencyInmateAndPropertyNumbersAreIDs(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        // A lot number and a short count stay out.
        "Vaccine lot #: 55120 given.",
        "Bag 2 of 3 sent with the patient.",
        // A short label line (a form) keeps its next line apart.
        "Licence no.\n1200 mg paracetamol given.",
    ])
    func numbersThatStayOut(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        "Mother works as a part-time [[DoorDash driver|PROFESSION]] at night.",
        "He is a former [[FedEx courier|PROFESSION]], now on disability.",
        "Her son is a [[Qantas baggage handler|PROFESSION]].",
        "Daughter drives for [[FedEx|ORGANIZATION]] on weekends.",
        // A role before a person's name is the care team's: the organisation keeps its type.
        "Also present today: the [[Gidgee Healing|ORGANIZATION]] Aboriginal Liaison Officer [[Marlene Doyle|NAME]].",
    ])
    func companiesBeforeOccupations(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        "Seen by case manager [[Tobias Ferrante|NAME]] of [[Southeast Healthcare Services|ORGANIZATION]] today.",
        "Referred to the [[Sisters of Charity Health Service|ORGANIZATION]] for respite.",
    ])
    func peopleBeforeOfAndAnOrganisation(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }
}
