import MedTextKit
import Testing

/// AGE and PROFESSION classes of session 17 (issue #6, helper `phiA`): a job title right after an age, an occupation in
/// apposition to a relative's bracket, a role labelling a person after a colon, ranges of ages, and `(N y F)` after a
/// date of birth. Rows are our own, both locales, with negatives of the same shapes.
@Suite struct PHIAgesProfessionsSession17Tests {
    /// A job title after an age word, past handedness words and an employment state (GUIDELINE PR1: the title alone).
    static let titlesAfterAges = [
        "Thank you for seeing Mr [[Okafor|NAME]], a [[58|AGE]]-year-old [[secondary school maths teacher|PROFESSION]] at home on leave.",
        "HPI: [[39|AGE]]-year-old right-hand-dominant [[warehouse associate|PROFESSION]] who cut his palm.",
        "I examined Ms [[Duval|NAME]], a [[44|AGE]]-year-old right-handed [[order selector|PROFESSION]], on request.",
        "This [[71|AGE]] yo retired [[grain silo operator|PROFESSION]] presents with dyspnoea.",
        "a [[63|AGE]] year old [[dairy goat farmer|PROFESSION]] with chest pain.",
        "an [[80|AGE]]-year-old former [[woollen mill loom fixer|PROFESSION]] with tremor.",
    ]

    /// The same frame with a description of the person, a state or a head alone: no occupation.
    static let notTitlesAfterAges = [
        "A [[45|AGE]]-year-old restrained driver involved in a rollover.",
        "She is a [[21|AGE]]-year-old third-year nursing student on placement.",
        "Initial visit for a [[41|AGE]]-year-old worker who has a foreign body in the eye.",
        "a [[74|AGE]]-year-old Vietnam veteran with hearing loss.",
        "This is a [[17|AGE]]-year-old high school athlete who swims daily.",
    ]

    @Test(arguments: titlesAfterAges + notTitlesAfterAges)
    func titlesAfterAgesAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: titlesAfterAges + notTitlesAfterAges)
    func titlesAfterAgesUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// A relative's occupation in or after the bracket that follows them, maybe after their age; a carer word there is a
    /// role, and a role before a colon and a person labels that person (GUIDELINE PR2).
    static let relativeOccupations = [
        "- Son (a [[paramedic|PROFESSION]] at the coast) visits weekly.",
        "Granddaughter [[Talia|NAME]] ([[26|AGE]]), a [[nurse|PROFESSION]] at a private hospital, helps with meds.",
        "son [[Rafael Mendes|NAME]] ([[47|AGE]], a [[pharmacist|PROFESSION]], holds EPOA) attended.",
        "Brother ([[49|AGE]]) well; sister ([[55|AGE]], nurse) helps.",
        "- Daughter (a [[physiotherapist|PROFESSION]] interstate) phones daily.",
        "daughter [[Priya Raman|NAME]] (carer, lives nearby) attended.",
        "FLIGHT NURSE: [[KELLY ANNE BROOKS|NAME]]",
        "Certifying scientist: [[Ingrid Solberg|NAME]], PhD",
    ]

    @Test(arguments: relativeOccupations)
    func relativeOccupationsAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: relativeOccupations)
    func relativeOccupationsUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// Ages in a bracket after a date of birth or a name with `y` and a sex letter or a comma; ranges of ages and the
    /// years of a job in a bracket are no ages (GUIDELINE A).
    static let ages = [
        "Traveller: DOB [[14/02/1979|DATE]]   ([[46|AGE]] y F)   MRN [[K4471209|ID]]",
        "Patient DOB [[03/11/1950|DATE]] ([[75|AGE]] y M) seen today.",
        "Thank you for seeing [[Kofi|NAME]] ([[31|AGE]] y, a [[bus driver|PROFESSION]]) today.",
    ]

    static let notAges = [
        "Screening is offered from age 18-25 in this group.",
        "Statin for adults age 40-75 with diabetes.",
        "Bruising on the arm, likely 2-4 days old.",
        "Retired [[postal carrier|PROFESSION]] (29 years); keen [[gardener|PROFESSION]].",
        "Worked as a [[boilermaker|PROFESSION]] (31 years) at the dockyard.",
    ]

    @Test(arguments: ages + notAges)
    func agesAndRangesAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: ages + notAges)
    func agesAndRangesUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }
}
