import Foundation
import MedTextCore
import MedTextKit
import MedTextTestSupport
import Testing

/// Session 6 (issue #6 §3, recall on unseen notes): rows for every general rule and vocabulary added this session
/// (names of many languages, given names that are ordinary words or eponyms, initials, relatives' ages, dates written
/// as durations after a date word, month-year with a two-digit year, compact dates after date labels, masked SSNs,
/// logins), each class with negatives: drugs, eponymous diseases, signs and instruments, section words, units, scores.
@Suite struct PHIRecallVocabularyTests {
    /// Names the census lists lack (Faker's world names, the curated list) and given names that are ordinary words or
    /// eponyms before a frequent surname.
    @Test(arguments: [
        "[[Xiaoming Chen|NAME]] is a [[45|AGE]]-year-old man with diabetes.",
        "[[Dimitrios|NAME]] has been unwell. [[Anh|NAME]] was seen by the team.",
        "Family meeting with [[Fatima|NAME]], [[Omar|NAME]] and [[Yusuf|NAME]].",
        "[[Hope Williams|NAME]] was seen in clinic today. [[May Nguyen|NAME]] is stable.",
        "The Aboriginal Health Worker [[Tyson Bell|NAME]] attended. Parents ([[Dwayne|NAME]] and [[Hope Bell|NAME]]) live nearby.",
        "Employer contact [[Janelle Price|NAME]], safety office.",
        "OT home assessment ([[Kate Hope|NAME]], OT).",
        "Holds EPOA; son [[Graham|NAME]] lives nearby.",
        "Lives with daughter [[Mei|NAME]]; son [[Quang|NAME]] visits weekly.",
        "Patient [[Jedda Wunungmurra|NAME]] was flown in from community.",
        "Records requested by attorney [[Harlan \"Buddy\" Goins|NAME]]. Her caseworker [[Tanya Moore|NAME]] will call.",
        "Client: Mr [[Leslie Ronald Wong|NAME]]   preferred name \"[[Les|NAME]]\"",
        "Seen with roommate [[Angel|NAME]] and coach [[Dmitri|NAME]]. Known as [[Bud|NAME]].",
    ])
    func names(_ row: String) { PHIPipelineTests.check(row) }

    /// Initials: dotted in one token, spaced, two capitals after a person cue; earlier initials of an initial + surname.
    @Test(arguments: [
        "Seen by [[J.P. Walsh|NAME]].",
        "Seen by [[J. P. Walsh|NAME]].",
        "Examined by [[JP Walsh|NAME]].",
        "[[A. Nguyen|NAME]] and [[B. K. Singh|NAME]] reviewed.",
        "SIGNED: [[T NGUYEN|NAME]]",
    ])
    func initials(_ row: String) { PHIPipelineTests.check(row) }

    /// Ages: after "he/she is/was" ending a clause, a relative's age before a bracket, ages after relatives' names.
    @Test(arguments: [
        "He is [[58|AGE]], and remains abstinent. She was [[84|AGE]] and still drove.",
        "His brother had prostate cancer at [[61|AGE]] (treated locally).",
        "Household of 4, children ([[Kai|NAME]] [[12|AGE]], [[Leia|NAME]] [[9|AGE]]) attend school.",
    ])
    func ages(_ row: String) { PHIPipelineTests.check(row) }

    /// Dates: month and two-digit year, `3/12` after a date word, compact YYYYMMDD after a date label, a month after a
    /// date label, lists of day/months, a day/month after a comma when it cannot be a score.
    @Test(arguments: [
        "DOB: [[Nov-57|DATE]]. Commenced [[Nov 57|DATE]].",
        "Reviewed on [[3/12|DATE]] by the team. Letter dated [[1/7|DATE]].",
        "Specimen date [[20250304|DATE]].",
        "Next review [[Feb|DATE]].",
        "Seen [[14/3|DATE]], [[21/3|DATE]] and [[28/3|DATE]].",
        "Doppler was done, [[13/10|DATE]].",
        "Drawn by the lab [[11/18|DATE]].",
    ])
    func dates(_ row: String) { PHIPipelineTests.check(row) }

    /// IDs and logins: the last four digits of a masked SSN; a login after "user".
    @Test(arguments: [
        "SSN (last 4 only on file) xxx-xx-[[4418|ID]]",
        "Photo uploaded to app, user [[jtrinh|NAME]].",
    ])
    func identifiers(_ row: String) { PHIPipelineTests.check(row) }

    /// Negatives: eponymous diseases, signs, tables and instruments; drugs; durations; scores; units; codes.
    @Test(arguments: [
        "Parkinson's disease, Bell's palsy, Graves' disease, Hodgkin lymphoma, Down syndrome. Bell palsy improving.",
        "May cause drowsiness. Grace period. Hope this helps. Young adult. Will continue. Joy at seeing family?",
        "Commenced on Keppra and Endone. Apixaban 5 mg BD. Panadol, Lyrica, Keflex.",
        "Allen test normal. Romberg negative. Kernig sign absent. Trendelenburg gait. Whipple procedure planned.",
        "Modified Le Fort I osteotomy. Placed on the Hana table. A Mallory Weiss tear.",
        "Follow up in 3/12 with bloods. Antibiotics x 5/7. Review 2/52. For 3/12 ago.",
        "Pain, 6/10 for two days. Power 5/5 proximally, 4/5 at the elbow. Pupils 3/3.",
        "ICD code I10, CPT code 99213. Hb 120 g/L. Na 138 mmol/L. Plt 250.",
        "He is 5 days post-op. She is 2 weeks pregnant.",
        "Plan: Chest physio. Impression: Right lower lobe pneumonia. The patient is stable.",
        "Attorney General's office; lawyer fees; the coach was late; teacher training. He is known as a hard worker.",
        "Languages: Warlpiri and Kriol. Interpreter: Warlpiri, booked.",
    ])
    func negatives(_ row: String) { PHIPipelineTests.check(row) }
}
