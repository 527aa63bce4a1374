import MedTextKit
import Testing

/// Organisation and profession rules of session 16 (issue #6, helper `phiorg`). Rows are our own invented text; each
/// class keeps negative rows for the confounders a real note has next to it.
@Suite struct PHIOrganisationSession16Tests {
    /// A military base named after a service, a service member or a unit (`military_member_words`,
    /// `military_unit_words`) and `at`, a comma, a bracket or a spaced dash is the base where someone serves (GUIDELINE §6,
    /// decision of session 11); `X Air Base` and `X Air Force Base` name a base without any such word, `X AFB` and `X Airfield`
    /// with one; `LSA` and `COB` head a base like `FOB`. A town after a residence word stays a town; an airfield and acid-fast
    /// bacilli (`Sputum AFB`) without a service word stay out.
    @Test(arguments: [
        "Her grandson, a Marine at [[Camp Pendleton|ORGANIZATION]], will phone tonight.",
        "Last tetanus in the Army ([[2009|DATE]], [[Fort Sill|ORGANIZATION]]).",
        "Assigned to the [[2nd Infantry Division|ORGANIZATION]], [[Fort Carson|ORGANIZATION]] until [[2015|DATE]].",
        "Son joins by video from [[Aviano Air Base|ORGANIZATION]], Italy.",
        "Her son, an [[airman|PROFESSION]] at [[Lackland AFB|ORGANIZATION]], calls weekly.",
        "Blood AFB culture and Sputum AFB smears pending.",
        "Wife works in the commissary at [[Travis Air Force Base|ORGANIZATION]].",
        "Two deployments, to [[COB Speicher|ORGANIZATION]] and [[LSA Adder|ORGANIZATION]].",
        "Burn pit exposure: deployed to [[Bagram Airfield|ORGANIZATION]] twice.",
        "Army veteran who moved to [[Fort Collins|ADDRESS]] last year.",
        "Took a charter flight from [[Camden|ADDRESS]] Airfield on Sunday.",
    ])
    func militaryBasesUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        "Son is a [[soldier|PROFESSION]] at [[Camp Bastion|ORGANIZATION]] this year.",
        "Husband posted to [[Butterworth Air Base|ORGANIZATION]], Malaysia, from [[January|DATE]].",
    ])
    func militaryBasesAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    /// A professional limited liability company (`PLLC`) after a comma ends a company's name like `LLC` or `Inc.`, also in
    /// a letterhead in capitals.
    @Test(arguments: [
        "Records from [[Harrowgate Pediatrics, PLLC|ORGANIZATION]] were reviewed.",
        "His lawyer, of [[Pemberton & Achebe, PLLC|ORGANIZATION]], was sent a copy.",
        "[[NORTHFORK BEHAVIORAL SERVICES, PLLC|ORGANIZATION]]\nPSYCHIATRY FOLLOW-UP",
    ])
    func professionalCompanies(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// A person who serves the patient or the note's process (a courier, a dispatcher, a priest, a notary, an underwriter,
    /// a parole officer, a funeral director, an athletic trainer, this writer) or a word with another sense (an ESBL
    /// producer, a dishwasher pod, an actor in a delusion, a recreational diver, a student-athlete) is no PROFESSION
    /// without an occupation context (`role_words`); the same words after `works as`, `is a`, `retired` or an occupation
    /// label stay PROFESSION.
    @Test(arguments: [
        "Specimens sent by courier to the reference laboratory.",
        "Aspirin 300 mg chewed per dispatcher before arrival.",
        "Family asked that a priest attend this evening.",
        "Affidavit signed before a notary as required.",
        "Funeral director chosen by the family.",
        "Copy to parole officer with consent.",
        "Symptoms to be reported to the athletic trainer.",
        "Urine culture: Klebsiella pneumoniae (ESBL producer).",
        "Accidentally bit into a dishwasher pod.",
        "Recreational diver, about 60 logged dives.",
        "This writer spoke with the family.",
        "He works as a [[courier|PROFESSION]] for a pharmacy chain.",
        "Her brother is a [[priest|PROFESSION]] in the next town.",
        "Occupation: [[dispatcher|PROFESSION]]",
        "Retired [[funeral director|PROFESSION]], lives alone.",
    ])
    func serviceRolesAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: [
        "Lab kit shipped by overnight courier.",
        "Preparticipation physical, reviewed with athlete and parent.",
        "Believes his wife was replaced by an actor.",
        "She worked as a [[dispatcher|PROFESSION]] for many years.",
        "He was a [[notary|PROFESSION]] before he retired.",
    ])
    func serviceRolesUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// A department named by descriptive words beside an organisation on a letterhead or address line (a spaced dash, a
    /// bar or a comma between) is outside the organisation's name and no organisation itself (GUIDELINE O2); two
    /// organisations side by side both stay.
    @Test(arguments: [
        "[[Wattle Grove Hospital|ORGANIZATION]] - Paediatric Outreach Clinic",
        "[[HALVERSTON REGIONAL HOSPITAL|ORGANIZATION]] - DEPARTMENT OF EMERGENCY MEDICINE",
        "Referred by the Amputee Clinic, [[Gold Coast University Hospital|ORGANIZATION]].",
        "[[Western Health|ORGANIZATION]] - [[Sunshine Hospital|ORGANIZATION]]",
        "[[East Harbour Health Service|ORGANIZATION]] - [[Midvale Hospital|ORGANIZATION]]",
    ])
    func departmentsBesideOrganisationsAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: [
        "[[Providence Holy Family Medical Center|ORGANIZATION]] - Family Birth Center",
        "[[Bayview Family Practice|ORGANIZATION]] | Sports Medicine",
    ])
    func departmentsBesideOrganisationsUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }
}
