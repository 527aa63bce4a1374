import Foundation
import MedTextCore
import MedTextKit
import MedTextTestSupport
import Testing

/// Date and identifier forms that new authors write (issue #6 §3, GUIDELINE D3, D4, §2 and §9): holidays of many
/// faiths, approximate years in a life-event clause, en-dash year ranges; identifiers after a bracketed aside, the last
/// digits of an SSN, referral codes, a licence written with its state and letter apart; and the words that must not
/// become an identifier value or a surname. Each class has negatives.
@Suite struct PHIHolidaysAndIdentifierFormsTests {
    /// Holidays that date an event (GUIDELINE D4), `rule_words.tsv` sets `holiday_first`, `holiday_alone`,
    /// `holiday_last`, `new_year_qualifiers`. Negatives: nationalities and words without New Year, a qualifier alone.
    @Test(arguments: [
        "Booked to travel for [[Ramadan|DATE]] and will fast.",
        "Plans to travel over [[Lunar New Year|DATE]].",
        "Family gathering at [[Chinese New Year|DATE]] caused stress.",
        "Flew home for [[Chinese New Year's Day|DATE]].",
        "Will fast during [[Yom Kippur|DATE]].",
        "Admitted the day after [[Diwali|DATE]].",
        "Pt plans travel for [[Eid|DATE]].",
        "[[Hanukkah|DATE]] visit with grandchildren.",
        "Seen before [[Passover|DATE]], reviewed after [[Easter|DATE]].",
        "Ate Chinese food. Chinese medicine used.",
        "Lunar phases discussed. Korean speaking.",
    ])
    func holidaysOfManyFaiths(_ row: String) { PHIPipelineTests.check(row) }

    /// Years after an approximation cue are years in a life-event clause (`year_event_words`), clock times otherwise;
    /// an en dash joins a year range as a hyphen does, and the range is one DATE (decision of session 12).
    @Test(arguments: [
        "Born around [[1934|DATE]] in a village.",
        "She was born in the year of the dog, around [[1934|DATE]].",
        "Married around [[1955|DATE]], widowed later.",
        "Worked in the mines [[1972–1989|DATE]].",
        "Patient became agitated around 1930 tonight.",
        "Settled around 1930, slept well.",
        "Arrived in ED around 1945, triaged.",
    ])
    func approximateYearsAndRanges(_ row: String) { PHIPipelineTests.check(row) }

    /// Identifier forms: a bracketed aside between cue and value, the last digits of an SSN (GUIDELINE §2: a partial
    /// SSN is ID), a referral code, a licence with its state and letter written apart, a payer member number.
    @Test(arguments: [
        "Centrelink CRN (mother) [[419 502 773K|ID]].",
        "SSN ending [[4821|ID]] on file.",
        "SSN: last four [[7719|ID]]",
        "Referral code [[1-8JQ4K2P|ID]] received.",
        "Medi-Cal # [[91234567A|ID]]",
        "Lic. CA A [[154420|ID]]",
        "Discord handle shared for the peer group: [[@skydancer_jw|ID]].",
        "Phone interpreter via the national service, interpreter no. [[3381046|ID]].",
        "SSN (last 4): [[7702|ID]]   MRN: [[MHS-3014482|ID]]",
        "RUN #: [[25-118406|ID]]   UNIT: M14",
        "Referral from GP, reviewed. Run 2 km daily.",
        "Saw him @ 1400 and @home. E-mail [[j.smith@example.com|EMAIL]].",
        "SSN ending not recorded.",
    ])
    func identifierForms(_ row: String) { PHIPipelineTests.check(row) }

    /// A word after an ID cue is no value (`Case manager`, `provider services` before a phone number), and a word right
    /// before a colon is the next field's label, no surname after an initial (`Sex: M. Age:`).
    @Test(arguments: [
        "Case manager [[1300 647 552 ext 4418|PHONE_OR_FAX]]",
        "BCBS PPO (provider services [[800-555-0123|PHONE_OR_FAX]])",
        "Sex: M. Age: [[67|AGE]]. DOB: [[4/5/1958|DATE]]",
        "Interpreter: Dari, by phone. Asthma plan translated into Dari.",
        "Critical result called by phone at [[555-0107|PHONE_OR_FAX]]. Seen at 1430 on the ward, Hb 104-110.",
        "pt seen for wound care.\n\nvisit - [[lmorales|NAME]] rn\npt home.\n- [[tbrennan|NAME]] lpn covering",
        "pt seen.\n- dressing rn to review",
        "Interpreter: [[Maria Lopez|NAME]] attended.",
        "SW: [[A. Warsame|NAME]], LICSW ([[x6-3305|PHONE_OR_FAX]])",
        "Reviewed by [[A. Pillai|NAME]] today.",
    ])
    func wordsThatAreNoValueOrSurname(_ row: String) { PHIPipelineTests.check(row) }
}
