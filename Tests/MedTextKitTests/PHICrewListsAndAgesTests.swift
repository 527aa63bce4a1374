import Foundation
import MedTextCore
import MedTextKit
import MedTextTestSupport
import Testing

/// Names in crew and staff lists (ALL CAPS and mixed case), before credentials in brackets or joined to their board,
/// hyphenated given names that are two listed given names; ages at death in brackets, lists of ages, and infant ages in
/// the fraction notation (issue #6, session 11). Every class has negatives: bacteria, eponyms, syndromes, places,
/// streets, years, a population's age range, a thing's age and visual acuity.
@Suite struct PHICrewListsAndAgesTests {
    /// Crew lists: an initial and a surname in capitals before a bracketed credential, after a role (`PILOT`), with
    /// accented capitals; surname-first crew entries before a bracketed credential or occupation.
    @Test(arguments: [
        "CREW: [[A. FITZGERALD|NAME]] (PARAMEDIC), [[B. ÑÚÑEZ|NAME]] (EMT), PILOT [[C. LINDQVIST|NAME]]",
        "CREW: [[M. OKAFOR|NAME]] (FP-C), [[T. HALVORSEN|NAME]] (CCP), PILOT [[S. MBEKI|NAME]]",
        "UNIT 4 CREW: [[R. OYELARAN|NAME]] / [[S. BÖHM|NAME]] / PILOT [[T. ØDEGAARD|NAME]]",
        "STAFF: [[KOWALCZYK, T.|NAME]] (RN) / [[OKAFOR, E.|NAME]] (EMT-B)",
        "Crew: [[Martínez, J.|NAME]] (paramedic) / [[Okafor, E.|NAME]] (EMT)",
    ])
    func crewLists(_ row: String) { PHIPipelineTests.check(row) }

    /// A credential joined to its certifying board (`PA(ASCP)`, `MT(ASCP)`) is no state after a town: the name before it
    /// is a person.
    @Test(arguments: [
        "Grossed by [[J. Mahoney|NAME]], PA(ASCP) on the ward.",
        "Specimen received by [[K. Osei|NAME]], MT(ASCP) at the bench.",
    ])
    func credentialWithBoard(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// Two listed given names joined by a hyphen, alone or before a surname, in mixed case and capitals.
    @Test(arguments: [
        "[[Jean-Paul Dubois|NAME]] is the patient's partner.",
        "Call from [[Rose-Ellen|NAME]], the patient's sister.",
        "[[Ana-Maria Popescu|NAME]] (daughter) rang.",
        "Discussed with [[ZHANG, Wei-Ling|NAME]] at the desk.",
    ])
    func hyphenatedGivenNames(_ row: String) { PHIPipelineTests.check(row) }

    /// Eponyms, syndromes, places and streets written with hyphens, bacteria after an initial, and a lab antibody stay
    /// out.
    @Test(arguments: [
        "Stevens-Johnson syndrome excluded.",
        "Creutzfeldt-Jakob disease not suspected.",
        "Mary-Anne Street is closed for works.",
        "Anti-CCP positive, RF negative.",
        "CULTURE: E. COLI (ESBL) ISOLATED.",
        "Dose, A. (see chart).",
    ])
    func namesNegatives(_ row: String) { PHIPipelineTests.check(row) }

    /// Ages at death in brackets after a relative or a name; the first age of a list; infant ages in the fraction
    /// notation before `old` and a person.
    @Test(arguments: [
        "Maternal aunt [[Teuila|NAME]] (d. [[58|AGE]]) had breast cancer.",
        "Father (d. [[72|AGE]], MI), mother (died [[80|AGE]]).",
        "Three grandchildren (ages [[8|AGE]], [[5|AGE]] and [[2|AGE]]) live nearby.",
        "A [[9|AGE]]/12 old boy with fever.",
        "Baby is [[6|AGE]]/12 old, afebrile.",
        "Her [[3|AGE]]/52 old daughter is unsettled.",
    ])
    func ages(_ row: String) { PHIPipelineTests.check(row) }

    /// Ages of relatives in lists after a plural relative, at death without a relative nearby, after a name and `was`, in
    /// brackets on the next line, after a quoted nickname, with a unit before a bracket, and after `now` in brackets.
    @Test(arguments: [
        "Three children, [[14|AGE]], [[11|AGE]] and [[6|AGE]]; the oldest is well.",
        "Lives with her husband and 2 children ([[15|AGE]] and [[11|AGE]]).",
        "Grandfather: colon cancer at [[52|AGE]], died at [[59|AGE]] ([[1988|DATE]]).",
        "She has been his carer since [[Michael|NAME]] was [[19|AGE]]. She is worried.",
        "Granddaughter [[Emily|NAME]]\n([[15|AGE]]) also helps.",
        "Grandson \"[[Manny|NAME]]\" ([[19|AGE]]) visits daily.",
        "Sibling: [[Lachlan Mitchell|NAME]], [[22|AGE]] months (DOB [[27/03/2024|DATE]]), examined.",
        "Daughter ([[Sophia|NAME]], now [[3|AGE]]) at home.",
    ])
    func agesOfRelatives(_ row: String) { PHIPipelineTests.check(row) }

    /// Counts of relatives and a value after a non-person stay out.
    @Test(arguments: [
        "Sons (2) live nearby.",
        "Two children, both well.",
        "Hb was 19. Transfused.",
    ])
    func agesOfRelativesNegatives(_ row: String) { PHIPipelineTests.check(row) }

    /// A quoted nickname between a listed given name and a surname, without any cue, in mixed case and capitals.
    @Test(arguments: [
        "His boss [[Graham \"Gus\" Pilcher|NAME]] has been in touch.",
        "His coach, [[Shane \"Sparra\" Sparrow|NAME]], brought him off.",
        "DRIVER: [[KEITH \"SPUD\" MURPHY|NAME]], AMBULANCE OFFICER",
    ])
    func quotedNicknameInsideName(_ row: String) { PHIPipelineTests.check(row) }

    /// Years of death, a day of a cycle, a population's age range, a thing's age and visual acuity stay out.
    @Test(arguments: [
        "Cycle 2 (d. 5) chemotherapy given.",
        "Adults ages 18-65 were included.",
        "Tx 3/7 old wound on the shin.",
        "Visual acuity 6/12 bilaterally.",
        "He took the 6/12 old prescription home.",
    ])
    func agesNegatives(_ row: String) { PHIPipelineTests.check(row) }
}
