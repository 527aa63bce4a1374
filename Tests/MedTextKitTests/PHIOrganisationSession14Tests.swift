import MedTextKit
import Testing

/// Organisation rules of session 14 (issue #6, helper `phiorg`): head nouns of organisations, a legal form after a
/// comma, words a header's bracket or a hyphen hid, church parishes, state health departments and the state branches of
/// national charities, lower-case facility names after a bracket or a comma. Rows are our own invented text; each class
/// keeps negative rows for the confounders a real note has next to it.
@Suite struct PHIOrganisationSession14Tests {
    /// Head nouns that end an organisation's name (`org_suffixes`), plain nouns that need a distinctive word before them
    /// (`plain_noun_org_suffixes`); a laboratory's name inside a header's bracketed qualifier; a compound joined by a
    /// hyphen inside the name. Not a ward's laboratory (`Cath Lab`), a public body's ordinary words (`State Mental
    /// Institution`), a kind of clinic (`Walk-In Clinic`) or a relative (`DAUGHTER-IN-LAW`).
    @Test(arguments: [
        "Car towed to [[Yarrawonga Smash Repairs|ORGANIZATION]] after the crash.",
        "Swabs sent to [[Quorra Molecular Lab|ORGANIZATION]] today.",
        "Taken to the Cath Lab at 0300.",
        "Results (collected [[02/03/2026|DATE]] at [[Ironbark Reference Laboratory|ORGANIZATION]]):",
        "Referred to the [[Tamarind Drop-In Centre|ORGANIZATION]] for meals.",
        "Seen at the Walk-In Clinic yesterday.",
        "HIS DAUGHTER-IN-LAW VISITED TODAY.",
    ])
    func headNounsAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: [
        "He was released from [[Coyote Flats Correctional Institution|ORGANIZATION]] in [[May 2025|DATE]].",
        "He was hospitalized at State Mental Institution as a youth.",
        "Booked with [[Sapphire Coast Cruises|ORGANIZATION]] for the summer.",
        "Evicted from [[Bellhaven Apartments|ORGANIZATION]] last year.",
        "Attending Physicians were paged.",
    ])
    func headNounsUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// A legal form after a comma ends a company's name, also a law firm's partners listed with commas and `&`.
    @Test(arguments: [
        "Claim against [[Brindle Creek Stoneworks, Inc|ORGANIZATION]]. was settled.",
        "[[MARLOWE, DESAI & FINCH, LLP|ORGANIZATION]]\nAttorneys at Law",
    ])
    func legalFormAfterComma(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// A church's parish is an organisation, a county's parish stays an ADDRESS; a state health department that runs
    /// hospitals and the state branches of national charities are organisations (GUIDELINE §6, decision of session 13),
    /// a state's ambulance service is not.
    @Test(arguments: [
        "Attends Mass at [[Holy Cross Maronite Parish|ORGANIZATION]] weekly.",
        "Transfer approved by [[NSW Health|ORGANIZATION]] on [[3 June|DATE]].",
        "Transport by NSW Ambulance to the ED.",
        "Respite through [[Carers NSW|ORGANIZATION]] was arranged.",
        "Hamper from [[Foodbank Victoria|ORGANIZATION]] weekly.",
    ])
    func parishesAndStateBodiesAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: [
        "Lives in [[Orleans Parish|ADDRESS]] with her son.",
    ])
    func countyParishUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// An employer in a bracket right after an occupation, closing it or followed by its years; a shift, an acronym and a
    /// lone place or name in the bracket stay out.
    @Test(arguments: [
        "Retired [[boilermaker|PROFESSION]] ([[Port of Newcastle|ORGANIZATION]], 30 years).",
        "retired [[spinner|PROFESSION]] ([[kellerton mills|ORGANIZATION]]). lives alone.",
        "he is a [[cleaner|PROFESSION]] (Night Shift) at present",
        "a [[miner|PROFESSION]] (FIFO) in the pilbara",
    ])
    func employerInBracketAfterOccupationAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: [
        "Retired [[machinist|PROFESSION]] ([[Delmont Tool Works|ORGANIZATION]], 31 years).",
    ])
    func employerInBracketAfterOccupationUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// A lower-case facility name after an opening bracket or a comma, when a word of it is a place or outside the
    /// ordinary-word list; a kind of facility (`rehab hospital`) or an abbreviation (`f/u clinic`) stays out.
    @Test(arguments: [
        "seen last year ([[tamworth hospital|ORGANIZATION]]) for chest pain",
        "seen last year (rehab hospital) for a fall",
        "splint, f/u clinic thursday",
    ])
    func lowerCaseAfterBracketOrComma(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }
}
