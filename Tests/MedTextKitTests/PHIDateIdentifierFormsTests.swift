import Foundation
import MedTextCore
import MedTextKit
import MedTextTestSupport
import Testing

/// Date, identifier and pager forms of new authors (issue #6 §1 and §3, GUIDELINE D1-D4, §7 and §9), and what a
/// surrogate must not reproduce (§2 of the issue: no gold PHI string survives `deid`). Each class has negatives:
/// durations, fractions, scores, doses, obstetric shorthand, MBS items, clock times in a run log.
@Suite struct PHIDateIdentifierFormsTests {
    /// Notes written in the US: a day/month after a word is a date even when it ends in /7, /12 or /24 (the
    /// Commonwealth duration notation is not theirs); after a duration preposition (`in`, `x`, `over`) it stays a
    /// duration, `24/7` is round the clock, and fractions, scores and doses stay out as everywhere.
    @Test(arguments: [
        "Blood culture [[2/7|DATE]] no growth at 48 h.",
        "Admit: [[02/06/2026|DATE]] (hip fracture, s/p ORIF [[2/7|DATE]])",
        "Urosepsis (blood cultures [[1/24|DATE]], accession [[M26-02418|ID]]).",
        "Last a1c there [[8/24|DATE]].",
        "Work note for [[2/12|DATE]] provided per request.",
        "Dispo: ortho hand clinic [[3/12|DATE]] (bring films).",
        "Please repeat in 3/12.",
        "Antibiotics x 5/7 then review.",
        "Nurse line available 24/7 for questions.",
        "Pain 7/10, power 4/5, 1/2 tab nocte.",
        "Murmur 3/6 at the apex.",
        "An incision incorporating the 10/12 subxiphoid port was made.",
        "He rated himself 4/7 on the sleepiness scale.",
    ])
    func usNotesReadSlashValuesAsDates(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// The same values in notes that use the duration notation (the default, `--locale en-AU`): durations.
    @Test(arguments: [
        "Blood culture 2/7 no growth at 48 h.",
        "Review in clinic 3/12.",
        "Repositioned 2/24 overnight.",
        "Seen on [[3/12|DATE]] in clinic.",
    ])
    func commonwealthNotesKeepTheDurationNotation(_ row: String) { PHIPipelineTests.check(row) }

    /// Date shapes of GUIDELINE D1 and D4 (decisions of session 10): a range of days before a numeric date, a range of
    /// two month/year values, the second month of a pair, holidays in lower case (in a lower-case note of at least twenty
    /// words) and `Three Kings Day`. Negatives: a pain range, month names that are no pair, a number word that is no holiday.
    @Test(arguments: [
        "Medical certificate for school [[17-19/11/25|DATE]].",
        "Methotrexate 20 mg weekly SC, [[07/2023-10/2025|DATE]] - inadequate response",
        "Trial [[11/2025-12/2025|DATE]] stopped.",
        "Missed injections in [[December|DATE]] and [[January|DATE]] (away for a funeral).",
        "pt tearful this evening, misses late husband (died [[christmas eve 2019|DATE]]). reported to rn. pt calm and settled after tea, slept well overnight.",
        "pt asked about travel to see her sister for [[three kings day|DATE]] - advised to discuss travel with her doctor first. pt settled.",
        "Plans to visit family for [[Three Kings Day|DATE]].",
        "Last colonoscopy was\n[[2014|DATE]] at the clinic (two small adenomas).",
        "Insulin was given,\n2000 units in total.",
        "Doses given were\n1000 mg and 500 mg.",
        "cna [[ro|NAME]]\n\n1915 rec'd pt from er via stretcher.",
        "handover given to night staff\n1915 rec'd pt from er.",
        "Call received [[9/14/25 @ 23:58|DATE]] from ED; seen [[Mar 3, 2025 3:10 PM|DATE]] PST.",
        "He worked in the mines in the [[1990s|DATE]]; smoked since the late [[1970's|DATE]].",
        "Attended the Christmas bazaar on [[12 Dec|DATE]] with family.",
        "Looking forward to the [[Christmas|DATE]] party.",
        "Seen @ the clinic. In his [[70|AGE]]s.",
        "Pain 1-2/10 at rest.",
        "three day course of antibiotics completed.",
        "March and walk daily; may and will attend.",
    ])
    func dateShapes(_ row: String) { PHIPipelineTests.check(row) }

    /// Identifier shapes (GUIDELINE §9, I1) and pager numbers (§7): a spaced device serial, a secure-messaging address
    /// after the service's name, an accession number in brackets, three dash-separated digit groups, a staff code, a pager
    /// after `paged ... on`. Negatives: obstetric shorthand, an MBS item before its service, a clock time after `PT` in a
    /// run log, a phone number, an ISO date, a suture size.
    @Test(arguments: [
        "Implanted (generator serial [[PJN 882143 S|ID]]; RA lead [[BBK 40217 V|ID]]).",
        "Sent to GP via Medical Objects ([[NBMED-QLD-4471|ID]]).",
        "Prior biopsy ([[S22-18830|ID]], [[March 2022|DATE]]) showed metaplasia.",
        "Verified ID: CO driver license\n[[193-418-220|ID]]   Pages released: 214",
        "Staff code [[RD417|ID]] entered.",
        "Result phoned at 14:40 (staff code [[RD417|ID]]).",
        "paged med reg dr [[aroha tipene|NAME]] on [[4418|PHONE_OR_FAX]]. reviewed at 0215.",
        "G2P1102. IUP at 36w3d, preterm labor, delivered.",
        "Drug trolley asset tag AT-20417 checked; barcode scanner asset #55123 faulty.",
        "Group no. [[88123-A|ID]], member no. [[7712345|ID]].",
        "Reason for visit: 715 health check + contraception",
        "TIMES: DISPATCHED 0322  AT PT 0418  DEPART 0451",
        "Call [[555-010-4567|PHONE_OR_FAX]] or see [[2025-02-14|DATE]].",
        "Closed with #2-0 Vicryl; paged on call team at 0300 hrs.",
        "BP 140 L arm, HR 88 R.",
    ])
    func identifierAndPagerShapes(_ row: String) { PHIPipelineTests.check(row) }

    /// A store number after a capitalised name stays inside the organisation's name when the organisation is found
    /// (GUIDELINE O3), and is still an identifier after a lower-case word.
    @Test(arguments: [
        "Rx sent to [[Walgreens #11872|ORGANIZATION]], [[3130 Battleground Ave|ADDRESS]].",
        "application #[[A-662094|ID]] lodged.",
    ])
    func storeNumbers(_ row: String) { PHIPipelineTests.check(row) }
}
