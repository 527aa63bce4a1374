import MedTextKit
import Testing

/// Organisations named by what they are (issue #6, GUIDELINE §6): community groups, small businesses named by their
/// trade after an owner's or a place name, schools, practices and early-learning programmes, an organisation's acronym
/// in brackets after its name, and what is not an organisation: a locality's emergency service (its town is an ADDRESS),
/// federal and national government services (GUIDELINE §6). Negatives: plain nouns after ordinary, number and drug
/// words ("Two Brothers", "Normal Saline Solutions"), devices ("Lap Band"), national services.
@Suite struct PHIOrganisationKindsTests {
    @Test(arguments: [
        // Community groups named by what they are.
        "He is treasurer of the [[Meander Valley Pipe Band|ORGANIZATION]] and plays on Sundays.",
        "Attending DBT group on Tuesdays at [[Triad Wellness Collective|ORGANIZATION]].",
        "Caseworker from [[Hmong American Partnership|ORGANIZATION]] visited.",
        // Practices and early-learning programmes.
        "Copy to: Dr [[Grace Whitfield|NAME]], [[Southside Family Physicians|ORGANIZATION]], [[Greenfield, WI|ADDRESS]]",
        "Kenzie attends [[Jones Elementary Head Start|ORGANIZATION]] on weekdays.",
        // Small businesses named by their trade after an owner's or a place name.
        "Funeral arranged with [[Tobin Brothers|ORGANIZATION]] for Friday.",
        "Her son runs [[Bortolotto Tiling|ORGANIZATION]] in the eastern suburbs.",
        "She worked for years at [[Khoury's Sweets|ORGANIZATION]] on the weekend.",
        // An ending that is a plain noun after ordinary words only after `at`, `from` or `via`.
        "Interpreter via [[Language Line Solutions|ORGANIZATION]] today.",
        // Trades named after an owner; an abbreviated company ending with its full stop.
        "Husband works as a [[truck driver|PROFESSION]] for [[Schnuck Markets|ORGANIZATION]] distribution.",
        "Needs a work medical (form from [[Hays Recruitment|ORGANIZATION]]).",
        "Husband works as a [[fisherman|PROFESSION]] on a scalloper (owner [[Atlantic Red Crab Co|ORGANIZATION]].)",
        // Schools named by a place or a proper name.
        "Siblings [[Garang|NAME]] ([[9|AGE]], Yr 3 at [[Dandenong West Primary|ORGANIZATION]]) and baby.",
        "[[Elias|NAME]] is off school from [[Holy Trinity Primary|ORGANIZATION]] for the holidays.",
    ])
    func organisationsNamedByWhatTheyAre(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        // Plain nouns after number, ordinary and drug words; devices and a heading word.
        "Two Brothers and one sister alive. Her Brothers are well.",
        "Flushed with Normal Saline Solutions. Contact Lens Solutions used.",
        "Lap Band placed [[2015|DATE]]. Gastric Band removed. Wound Healing slow.",
        "She booked Swan Taxis to get to the appointment.",
        "No concerns about the Community Center visits.",
        "Biopsy shows metastasis from Unknown Primary. Breast Primary was excluded. Essential Primary Hypertension noted.",
        "Referred to Clinical Psychology. Seen by Health Psychology team.",
        "CO 12% on arrival. Exposure to CO overnight. Financial Markets were down.",
        // A title or a column gap is no part of such a name.
        "Consultant: Dr [[Anjali Raghunathan|NAME]]     Registrar: Dr [[Connor McAlister|NAME]]     Primary nurse: [[Losaline Taufa|NAME]]",
    ])
    func plainNounsAreNoOrganisations(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        // Federal and national government services are no organisations (GUIDELINE §6) ...
        "Referred by the Indian Health Service clinic. Transport arranged by Indian Health Service.",
        "Records from the Department of Veterans Affairs and Child Protective Services were requested.",
        // ... hospitals that carry such a word are.
        "Admitted to [[Veterans Memorial Hospital|ORGANIZATION]]. Saw the National Health Service GP.",
        "Seen at [[National Jewish Health|ORGANIZATION]] in [[Denver|ADDRESS]].",
    ])
    func nationalServicesAreNoOrganisations(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        // A locality's police, fire or county emergency service is a government service; its locality is an ADDRESS
        // (GUIDELINE §6, decision of session 10).
        "Police: Sen Const [[B. Karagiannis|NAME]], [[Mill Park|ADDRESS]] Police Station",
        "Granddaughter is a [[paramedic|PROFESSION]] with [[Buncombe County|ADDRESS]] EMS and attends church.",
        "Mode: EMS ([[Ada County|ADDRESS]] Paramedics)",
        "He volunteers with the [[Raleigh|ADDRESS]] Fire Department.",
        // Services named by generic words carry no place; a private ambulance company is an organisation.
        "Member of the Metropolitan Fire Brigade and the Rural Fire Service. Left at the Fire Station.",
        "Transferred by [[Lifeline Ambulance|ORGANIZATION]] and [[Acadian Ambulance|ORGANIZATION]].",
    ])
    func emergencyServicesOfALocality(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        // An acronym in brackets right after an organisation, made of its words' initials (GUIDELINE O2).
        "FROM: [[LOGAN HOSPITAL|ORGANIZATION]] ED    TO: [[PRINCESS ALEXANDRA HOSPITAL|ORGANIZATION]] ([[PAH|ORGANIZATION]]) ICU",
        "Admitted from [[Mount Druitt Hospital|ORGANIZATION]] ([[MDH|ORGANIZATION]]) with delirium.",
        "Known pulmonary arterial hypertension (PAH). Seen at [[St Vincent's Hospital|ORGANIZATION]] ([[SVH|ORGANIZATION]]).",
        // Letters that are not the name's initials are a ward or department.
        "Transferred from [[Logan Hospital|ORGANIZATION]] (ED) and [[Royal Adelaide Hospital|ORGANIZATION]] (ICU) overnight.",
    ])
    func acronymsOfOrganisations(_ row: String) { PHIPipelineTests.check(row) }
}
