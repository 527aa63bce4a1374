import MedTextKit
import Testing

/// Which type a found span gets: ADDRESS, ORGANIZATION or NAME (issue #6, GUIDELINE §5, §6, helper `phitype`, session
/// 12). A court of law is government-run (its town or county is the ADDRESS, the court no organisation) unless it is
/// named as an employer; a column gap of a form ends an organisation's name; a known place in brackets after an
/// organisation, or after it and a dash ending a letterhead line, is its town, not a name or the organisation; a degree written as a state code between a name and a credential is no
/// state; a military base named where someone serves is an organisation, the same words without a service word stay a
/// place. Each class has rows that must keep the other type.
@Suite struct PHITypeDecisionsTests {
    @Test(arguments: [
        "Court: [[Pinecrest County|ADDRESS]] District Court, case no. [[24-CR-0077123|ID]].",
        "Next hearing at the [[Ballina|ADDRESS]] Magistrates Court on [[4 June|DATE]].",
        "Orders from [[Harlan County|ADDRESS]] Superior Court remain in place.",
        "CUSTODY MATTER LISTED AT [[WODONGA|ADDRESS]] CHILDREN'S COURT.",
        "Referred by the [[Dunmore|ADDRESS]] Juvenile Court for assessment.",
    ])
    func lawCourtsAreNoOrganisations(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        // A state before the court is no ADDRESS; a court without a kind (a residence) stays an organisation; a court
        // named as the employer is the workplace.
        "Hearing at the NSW Local Court next week.",
        "Moved into [[Kensington Court|ORGANIZATION]] aged care last month.",
        "Employer: retired ([[Beaumont County Circuit Court|ORGANIZATION]])",
    ])
    func courtsThatStayAsTheyAre(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        // A form's column gap separates the town and state from the next field.
        "Sending facility: [[Dry Creek Correctional Facility|ORGANIZATION]], [[Los Alamos, NM|ADDRESS]]     Medical unit [[(505) 555-0148|PHONE_OR_FAX]]",
        "Daily Progress Note            Hospital Day 4",
    ])
    func columnGapsEndOrganisationNames(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        // A known place in brackets right after an organisation is its town, even when the word is also a given name.
        "Fills from [[Walgreens #3318|ORGANIZATION]] ([[Tacoma|ADDRESS]]) and mail order.",
        "PCP: Dr [[Lena Ortiz|NAME]], [[Santiam Pediatrics|ORGANIZATION]] ([[Stayton|ADDRESS]]).",
        "Seen at [[Kestrel Family Practice|ORGANIZATION]] ([[Florence|ADDRESS]]) last year.",
    ])
    func placesInBracketsAfterOrganisations(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        // The same bracket after a relative or a clinician holds a name.
        "Her daughter ([[Florence|NAME]]) drives her to appointments.",
        "Her granddaughter [[Mia|NAME]] ([[Florence|NAME]]) visits on Sundays.",
    ])
    func namesInBracketsAfterPeople(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        // A letterhead's site after the organisation and a spaced dash, ending the line: the town is the ADDRESS, a site
        // word after it nothing.
        "[[Ridgeline Imaging Partners|ORGANIZATION]] - [[Nampa|ADDRESS]] Outpatient Center",
        "[[Copperleaf Occupational Health|ORGANIZATION]] - [[Pasadena|ADDRESS]] Clinic",
        "[[Concentra Urgent Care|ORGANIZATION]] - [[Elk Grove Village|ADDRESS]]",
    ])
    func sitesAfterOrganisationsOnALetterhead(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        // A hospital's own name after the dash, or a department, is no site.
        "[[Mercy Health|ORGANIZATION]] - [[Springfield Hospital|ORGANIZATION]]",
        "Seen at [[Northside Medical Centre|ORGANIZATION]] - Cardiology today.",
    ])
    func namesAndDepartmentsAfterADashStay(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        // A two-letter degree (MS, MA, PA) between commas before a credential: the name's, no city and state.
        "[[Hannah Oduya|NAME]], MS, CGC, Licensed Genetic Counselor",
        "[[Priya Raman|NAME]], MA, CCC-SLP",
        "Report by [[Kevin Marsh|NAME]], MS, ATC",
    ])
    func degreesBeforeCredentialsAreNoStates(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        // A town and its state stay an ADDRESS.
        "Lives in [[Jackson, MS|ADDRESS]] with her sister.",
        "Moved to [[Worcester, MA|ADDRESS]] in [[2019|DATE]].",
        "Family in [[Springfield, MA|ADDRESS]], MS diagnosed [[2015|DATE]].",
    ])
    func townsAndStatesStay(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        // A base named where someone serves.
        "Her grandson is deployed at [[fort hood|ORGANIZATION]] this year.",
        "Basic training at\n[[Fort Jackson|ORGANIZATION]], then overseas.",
        "Son was stationed at [[Camp Pendleton|ORGANIZATION]] for four years.",
        "Brother serves in the Coast Guard at [[Air Station Kodiak|ORGANIZATION]].",
        "PT'S SON IS STATIONED AT [[FORT CAMPBELL|ORGANIZATION]], KY.",
    ])
    func militaryBasesWhereSomeoneServes(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        // Without a service word the base's town is a place; `camp` as a noun is nothing.
        "She lives near [[Fort Bragg|ADDRESS]] with her mother.",
        "Moved to [[Fort Worth|ADDRESS]] in [[2019|DATE]].",
        "Went to summer camp in [[July|DATE]]; training at the gym resumed.",
    ])
    func placesNamedFortOrCampStay(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }
}
