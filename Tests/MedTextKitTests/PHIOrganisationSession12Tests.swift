import MedTextKit
import Testing

/// Organisation and place rules of session 12 (issue #6, helper `phiorg`). Rows are our own invented text; each class
/// keeps positive rows so the shape still finds PHI where it is one.
@Suite struct PHIOrganisationSession12Tests {
    /// False positives from real transcribed reports (MTSamples audit): a Roman numeral after a classification word is
    /// the class (`NYHA Class III`), a test noun after an acronym cue makes a laboratory test (`CMV and AFB cultures`), a
    /// facility word alone before a department is generic (`Hospital Emergency Department`), a slash after an ALL-CAPS
    /// word makes a heading list (`PAST MEDICAL/SURGICAL`), `Word Association` is a test.
    @Test(arguments: [
        "Congestive heart failure, NYHA Class III. Clinically he is in NYHA Class II.",
        "Peripheral arterial disease, Fontaine Stage II.",
        "Breast development Tanner Stage IV, pubic hair Tanner Stage III.",
        "Airway: Mallampati Grade II.",
        "Seen with [[John Smith|NAME]] III today.",
        "Bacterial, fungal, HSV, CMV and AFB cultures were negative.",
        "Sputum AFB smears x3 pending.",
        "He was stationed at [[Travis AFB|ORGANIZATION]] in [[2001|DATE]].",
        "Transferred from Hospital Emergency Department for further evaluation.",
        "Brought to Hospital Day Surgery by her mother.",
        "Presented to [[Westmead Hospital Emergency Department|ORGANIZATION]] by ambulance.",
        "Nothing further.\nPAST MEDICAL/SURGICAL/SOCIAL HISTORY: Reviewed.",
        "NUCLEAR CARDIOLOGY/CARDIAC STRESS REPORT",
        "Referred by [[Gold City Medical|ORGANIZATION]] last week.",
        "Tests: Token Test, Visual Naming, Controlled Oral Word Association, Spelling Test.",
        "She volunteers with the [[Country Women's Association|ORGANIZATION]] in town.",
    ])
    func clinicalWordsAreNoOrganisations(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// A street type that is a plain noun (`Access`, `Reserve`, `Center`) makes no street without a name, a place or an
    /// unlisted word before it; a brand before a product noun is no town.
    @Test(arguments: [
        "She served six years in Naval Reserve before nursing school.",
        "He spent four years in the Army Reserve.",
        "She is not currently on Project Access, and so she is here.",
        "She was referred to Medical Center's Outpatient Rehabilitation Department.",
        "Wash her hands in Cetaphil cleansing lotion. Continue Cetaphil cream.",
        "Bathe in Aveeno oil twice a week.",
        "She moved in with her sister in [[Emeryville|ADDRESS]] last year.",
        "The unit is on [[Kurrajong Access|ADDRESS]] behind the school.",
    ])
    func nounStreetTypesAndProducts(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// Employers named by their frame: after an occupation and `for`/`with`, capitalised words that do not start with a
    /// given name name a company even when every word is ordinary (`a taxi driver with Swan Taxis`); `the` stays outside
    /// (`a welder at the Port of Geelong`); a duration or shift may stand between a work verb and its preposition
    /// (`worked 22 years at`, `works nights at`). People, a noun after the capitals (`the Yarrabee school`), government
    /// bodies, generic services and ALL-CAPS clinical words stay out.
    @Test(arguments: [
        "Her son is a [[taxi driver|PROFESSION]] with [[Koala Cabs|ORGANIZATION]] in the evenings.",
        "Dad is a [[welder|PROFESSION]] at the [[Port of Geelong|ORGANIZATION]].",
        "She is a [[pilot|PROFESSION]] with [[Air Tasman|ORGANIZATION]] and flies weekly.",
        "He is a [[nurse|PROFESSION]] with the Smith family.",
        "She was a [[teacher|PROFESSION]] at the Yarrabee school for years.",
        "He is a [[fisheries officer|PROFESSION]] with the NT Government.",
        "HISTORY: [[75|AGE]]YO RETIRED [[RAIL WORKER|PROFESSION]] WITH INFERIOR STEMI, ONSET 0330.",
    ])
    func employersAfterAnOccupationAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: [
        "He works as a [[forklift driver|PROFESSION]] for [[Pacific Cold Storage|ORGANIZATION]].",
        "She worked 22 years at [[Riverbend Textiles|ORGANIZATION]] before retiring.",
        "Husband works nights at [[Northgate Bottling|ORGANIZATION]].",
        "He works part time at [[Blue Heron Marina|ORGANIZATION]].",
        "She works as a [[bookkeeper|PROFESSION]] with [[Tom Baker|NAME]] on weekends.",
        "She currently works for the Social Security Administration in data processing.",
        "Dr [[Lee|NAME]] is a [[psychiatrist|PROFESSION]] who works for the Pain Service.",
    ])
    func employersAfterWorkVerbsUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }
}
