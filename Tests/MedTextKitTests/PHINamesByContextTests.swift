import Foundation
import MedTextCore
import MedTextKit
import MedTextTestSupport
import Testing

/// Names decided by their shape or their context rather than by the lists alone (issue #6 §3): family names written
/// before the given name, particles before any listed given name, relatives in lower-case notes whose given name is
/// also a word (and the later mentions only a person can be), signature lines, nicknames after a naming word; ages of
/// relatives set off by commas or after `is`. Every class has negatives: the same words as words, places, eponyms,
/// counts and modal verbs.
@Suite struct PHINamesByContextTests {
    /// A lower-case nursing note: the lower-case rules only run in notes with at least 20 words and almost no
    /// capitalised ones, so each row is padded with a lower-case sentence.
    static let lowerPadding = "\npt settled overnight, obs stable, pain controlled, slept well, tolerating diet and fluids, mobilising with frame."

    /// Family name first: Vietnamese names with a middle syllable, Korean hyphenated given names, Chinese given names
    /// written apart; a comma-inverted form after a label.
    @Test(arguments: [
        "[[Tran Van Minh|NAME]] is her husband.",
        "[[Nguyen Thi Thu Ha|NAME]], [[72|AGE]]F, interpreter required.",
        "Seen [[Le Thi Hoa|NAME]] today.",
        "[[Kim Min-jun|NAME]] and [[Park Ji-woo|NAME]], parents.",
        "[[Lee Seo-yeon|NAME]] consented.",
        "Daughter [[Wang Xiao Ming|NAME]] attended.",
    ])
    func familyNameFirst(_ row: String) { PHIPipelineTests.check(row) }

    /// The same family names as English words, and a family name before words that are no given-name syllables or
    /// before a place word, stay out.
    @Test(arguments: [
        "Do Not Resuscitate order in place.",
        "Le Fort I osteotomy planned.",
        "He Long term plan discussed.",
        "Moon Boot fitted to the left ankle.",
    ])
    func familyNameFirstNegatives(_ row: String) { PHIPipelineTests.check(row) }

    /// Particles before the surname after a listed given name that is not a frequent one: Dutch, Arabic, Māori.
    @Test(arguments: [
        "[[Pieter van der Berg|NAME]] attended.",
        "[[Yusuf bin Khalid Al-Farsi|NAME]] was reviewed.",
        "Seen with [[Fatima abu Bakr|NAME]] today.",
        "Discussed with [[Aroha Te Whare|NAME]] this morning.",
    ])
    func particles(_ row: String) { PHIPipelineTests.check(row) }

    /// Lower-case relatives whose given name is also a word: before `and`, a comma or a bracketed age; alone in brackets;
    /// before a person's verb; later mentions before a person's verb or after `by`/`with`; signature lines.
    @Test(arguments: [
        "daughter [[may|NAME]] and grandson [[tanner|NAME]] ([[16|AGE]]) present. [[may|NAME]] asked if pt can go home. ativan given by [[may|NAME]] at 1300.",
        "pt's dtr [[rose|NAME]] rang this am, will visit after work.",
        "wife ([[joy|NAME]]) at bedside. [[joy|NAME]] states pt slept well.",
        "spoke with son [[grant|NAME]] re plan.",
        "obs done.\n- [[k. cook|NAME]], rn\n- [[ruth joy|NAME]], rn (on-call)",
        "pt: [[beverley anne|NAME]] (\"[[bev|NAME]]\") ur [[884120|ID]]. [[bev|NAME]] asked for her rosary.",
        "phone call from daughter [[hope cook-delaney|NAME]] in [[auckland|ADDRESS]].",
    ])
    func lowerCaseRelatives(_ row: String) { PHIPipelineTests.check(row + Self.lowerPadding) }

    /// The same words as words in a lower-case note: a modal verb, a month, a rising value, a grant, joy.
    @Test(arguments: [
        "daughter may visit tomorrow. wife will call. son grant application pending.",
        "crp rose to 40. next review may. she may need a hoist.",
        "wife present, brought a snack, joy at seeing the grandchildren.",
    ])
    func lowerCaseWordsStayWords(_ row: String) { PHIPipelineTests.check(row + Self.lowerPadding) }

    /// A quoted nickname after a naming word in brackets, after an inverted name.
    @Test(arguments: [
        "Patient: [[TRAN, Van Minh|NAME]] (prefers \"[[Vinnie|NAME]]\")",
        "[[Marcus Reid|NAME]] (aka \"[[Moose|NAME]]\") attended.",
    ])
    func nicknamesAfterNamingWords(_ row: String) { PHIPipelineTests.check(row) }

    /// Ages of relatives between commas or after `is`; counts and durations stay out.
    @Test(arguments: [
        "Father, [[78|AGE]], has COPD.",
        "Mother, [[54|AGE]]; well.",
        "Mrs [[Ianello|NAME]] is [[84|AGE]] and lives alone.",
        "Sister, 2 brothers and a niece live nearby.",
        "Father, 2 weeks post CABG, is well.",
    ])
    func relativesAges(_ row: String) { PHIPipelineTests.check(row) }

    /// An age beside a sex letter and a slash, or before an abbreviated unit and `old` (the number only, GUIDELINE A1);
    /// blood pressures, fractions, dates, follow-up shorthand, catheter sizes and ratios stay out.
    @Test(arguments: [
        "[[72|AGE]]/F presenting with chest pain.",
        "Age/Sex: [[58|AGE]]/M",
        "M/[[45|AGE]], fall from ladder. F/[[72|AGE]] with SOB.",
        "[[2|AGE]] wk old baby, feeding poorly. [[9|AGE]] mo old boy with otitis.",
        "BP 120/80. 14 F catheter. 12/3/F. F/U 2/52. M/F ratio. 45/Fr sheath. Power 4/5. Dose 1/2 tab.",
    ])
    func agesBesideSexOrUnit(_ row: String) { PHIPipelineTests.check(row) }
}

/// Occupations written as job titles after their cue, and roles of people in the patient's care (issue #6 §3,
/// GUIDELINE PR1, PR2).
@Suite struct PHIJobTitleTests {
    /// After `as` with a work verb before it, or after an occupation label, a noun phrase ending in a job title's head
    /// is PROFESSION even when the whole title is in no list; articles and employment states stay outside.
    @Test(arguments: [
        "Works at [[Woolworths|ORGANIZATION]] as a [[night-fill supervisor|PROFESSION]].",
        "He works at the council as a [[parks maintenance officer|PROFESSION]].",
        "Occupation: [[warehouse team leader|PROFESSION]].",
        "Occupation: [[Senior Software Engineer|PROFESSION]]",
        "He is employed as a [[heavy vehicle mechanic|PROFESSION]].",
        "Job: [[HR business partner|PROFESSION]] at a bank.",
        "Employment: casual [[barista|PROFESSION]]",
        "Works as a [[CNA|PROFESSION]] at a nursing home.",
        "Dad works nights as a\n[[poultry line supervisor|PROFESSION]] at the plant.",
    ])
    func jobTitles(_ row: String) { PHIPipelineTests.check(row) }

    /// No job title: `as` without a work verb, a phrase without a job head, a status alone.
    @Test(arguments: [
        "Pain described as a dull ache.",
        "Works as a team with the carers.",
        "Employed as a result of the scheme.",
        "Occupation: unemployed.",
        "Used as a walking aid.",
    ])
    func notJobTitles(_ row: String) { PHIPipelineTests.check(row) }

    /// A care or claim role right after a person's name is that person's role (PR2); another occupation there is PROFESSION.
    @Test(arguments: [
        "Called to Dr [[Hana Kimura|NAME]] at 13:45 by [[K. Dimitriou|NAME]], scientist.",
        "Contacts: [[Travis Gunderson|NAME]], claims adjuster.",
        "Witness: Mr [[Ashok Patel|NAME]], [[taxi driver|PROFESSION]].",
        "SpO2 95% on RA. PMH: AF on apixaban. [[Rebecca Adams|NAME]] reviewed.",
        "Phoned to the ward by [[R. Delacroix|NAME]] (lab scientist).",
        "Granddaughter [[Kalia Xiong|NAME]], a [[registered nurse|PROFESSION]], will help.",
        "Their imam [[Muhamed|NAME]] visited. Script faxed to pharmacist [[T. Hossain|NAME]].",
    ])
    func rolesAfterNames(_ row: String) { PHIPipelineTests.check(row) }
}
