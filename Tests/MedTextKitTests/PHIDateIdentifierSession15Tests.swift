import MedTextKit
import Testing

/// Identifier and date classes of session 15 (issue #6, GUIDELINE §9, D4; helper `phitype`): the mark `no.` after any
/// word labels that word's number; a date after an ID cue (a day, month name and year, a month/year, or a year with
/// nothing between) dates an event; a year opening a bracket or after a comma in a list; a full month name in lower
/// case ending a clause; a month that is also a given name two words after `last`. Each class has rows that must keep
/// the other reading.
@Suite struct PHIDateIdentifierSession15Tests {
    @Test(arguments: [
        "Participant no.: [[0318-0052|ID]]     Initials on file",
        "Cruise voyage No. [[CD4419|ID]] sailed on the Monday.",
        "Certificate lodged (registry no. [[2025/771204|ID]]) with the coroner.",
        "Tissue bank donor no. [[5208 441|ID]] consented.",
        "BARCODE no. [[77120456|ID]] attached to the tube.",
    ])
    func anyWordBeforeNoLabelsAnIdentifier(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        "Trial subject no. [[0412-0077|ID]] randomised today.",
    ])
    func anyWordBeforeNoLabelsAnIdentifierAU(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        // Counts, codes, lots and rooms keep their numbers; short numbers are no identifiers; a telephone word keeps
        // the telephone number.
        "Room no. 4411 on the east wing.",
        "Lot no. 88123 of the vaccine.",
        "Step no. 3 of the protocol.",
        "Mobile no. [[0412 345 678|PHONE_OR_FAX]] for the family.",
        "There was no. 2 pencil in the box.",
    ])
    func numberLabelsThatStayOut(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        "Source check planned at the next monitoring visit [[03-Mar-2027|DATE]].",
        "Prior visit here [[10/2023|DATE]] for a cut hand.",
        "Diagnosis bipolar disorder, first episode [[2018|DATE]] while at college.",
        "One chargeable incident [[2022|DATE]] at work.",
        // A mark between the cue and the number keeps the identifier.
        "Incident #[[2022-0415|ID]] logged with security.",
        "Episode no. [[88123|ID]] opened for the admission.",
    ])
    func datesAfterIdentifierCues(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        "Previous concussions: one, [[2019|DATE]], in junior hockey.",
        "Tetanus up to date ([[2022|DATE]] booster per the record).",
        "Last laryngoscopy ([[2014|DATE]] anaesthetic chart) was easy.",
        // Clock times in brackets and counts in lists stay out.
        "Obs stable (1945 settled well).",
        "Fluid balance (2000 mL in) positive.",
        "Readings 120, 2000 and 140 noted.",
    ])
    func yearsInBracketsAndLists(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        "Contact with the children resumed [[october|DATE]], first visit went well.",
        "Metformin 500 mg (started by her gp [[august|DATE]]), no side effects.",
        "Gout (last flare [[June|DATE]]), no tophi.",
        "She last worked [[June|DATE]] on her brother's farm.",
        // A given name after `last` and a verb is a person when a capitalised surname follows; `may` and `march` are verbs.
        "He last saw [[June Baxter|NAME]] on the ward.",
        "The family may march in the parade.",
    ])
    func monthsAlone(_ row: String) { PHIPipelineTests.check(row) }
}
