import MedTextKit
import Testing

/// Organisation rules of session 13 (issue #6, helper `phiorg`). Rows are our own invented text; each class keeps
/// negative rows for the confounders a real note has next to it.
@Suite struct PHIOrganisationSession13Tests {
    /// An organisation written after a person's name and a comma or bracket, with up to two credentials between, in
    /// care-team, contact and cc lines (mixed case, lower case, capitals). Not a credential or board acronym, a
    /// specialty, a role, a relative's or legal role, an initial, a number's label or a locality's government service.
    @Test(arguments: [
        "Dietitian: [[Ana Kowhai|NAME]], APD, [[Kettle & Crumb|ORGANIZATION]] - 2 visits.",
        "Support coordinator: [[Ruby Talbot|NAME]], [[Brightside Tasmania|ORGANIZATION]], [[0491 570 111|PHONE_OR_FAX]]",
        "cc: [[Ruby Talbot|NAME]] ([[Brightside Tasmania|ORGANIZATION]]); GP",
        "Case manager [[Oliver Petrakis|NAME]] ([[Harbourline Recovery Service|ORGANIZATION]]) attended.",
        "support coordinator: [[sally quinn|NAME]] ([[tidewater plan partners|ORGANIZATION]]) [[0491 570 222|PHONE_OR_FAX]]",
        "GP: DR [[H. O'CONNELL|NAME]], [[WATTLEGROVE MEDICAL|ORGANIZATION]], [[CHARTERS TOWERS|ADDRESS]]",
        "Seen by Dr [[Lachlan Barnes|NAME]] (SRMO) overnight.",
        "Reviewed by Dr [[Amir Haddad|NAME]], Cardiology, today.",
        "Dr [[Mia Chen|NAME]], Consultant Physician, reviewed her.",
        "Seen by Dr [[Mia Chen|NAME]] (cardiology) on the ward.",
        "gp: dr [[rohan mehta|NAME]] (on leave) this week",
        "gp: dr [[rohan mehta|NAME]] ([[riverbend family practice|ORGANIZATION]])",
        "Apologies: [[Grace Young|NAME]] (ACAT), [[Bernadette|NAME]] (physio)",
    ])
    func affiliationAfterPersonAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: [
        "Therapy: continue CBT with [[Rosa Delgado|NAME]], LMSW ([[Mesa Verde Family Counseling|ORGANIZATION]]), weekly.",
        "Doula [[Jenna Pruitt|NAME]] ([[Cedar Ridge Birth Support|ORGANIZATION]]) was present.",
        "PCP: DR [[ALEJANDRO RUIZ|NAME]], [[CLINICA SANTA LUCIA|ORGANIZATION]].",
        "Sincerely, [[Daniel R. Okafor|NAME]], M.D.",
        "Sincerely, [[Maria Vance|NAME]], MD, FACG",
        "Final report: [[Jordan Blake|NAME]], MD, Diagnostic Radiology, [[04/12/2026|DATE]]",
        "Trained staff: [[K. Oyelowo|NAME]], [[B. Kowalski|NAME]], front office.",
        "Interpreting physician: [[Anand Rao|NAME]], MD, Diplomate ABIM (Sleep Medicine)",
        "Dr. [[Rukhsana Qadri|NAME]], Provider No. [[4014638Y|ID]]",
    ])
    func affiliationAfterPersonUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// False positives of the MTSamples audit: ordinary words before `of` and an organisation suffix make a clinical
    /// phrase (`PLAN OF CARE`, `Goals of Care`); a school cue alone names a kind of school (`at High School`), not one.
    @Test(arguments: [
        "PLAN OF CARE: continue physiotherapy twice a week.",
        "Goals of Care discussed with the family.",
        "COORDINATION OF CARE: discussed with the on-call team.",
        "He is in year 11 at High School and plays cricket.",
        "She attends [[Hollowbrook High School|ORGANIZATION]].",
        "Transferred to [[Memorial Hospital|ORGANIZATION]] overnight for review.",
    ])
    func clinicalPhrasesAndSchoolKinds(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// An employer in lower case after an occupation or a work verb and its preposition, ending the clause: a word
    /// outside the ordinary-word list vouches for it. Ordinary words (`at home`, `at the local hospital`), a person, a
    /// noun the words modify (`with rostered shifts`) stay out.
    @Test(arguments: [
        "pt's son is a [[lineman|PROFESSION]] for [[westgrid energy|ORGANIZATION]], visits sundays.",
        "daughter works nights at [[brumbyz bakery|ORGANIZATION]] in [[box hill|ADDRESS]].",
        "husband works at home most days.",
        "son works nights at the local hospital.",
        "[[Darren|NAME]] is a [[firefighter|PROFESSION]] with rostered shifts.",
        "he works for dave on the farm.",
        "Ex-[[bus driver|PROFESSION]] with the depot for 20 years.",
        "she works at the quarry on weekends.",
    ])
    func lowerCaseEmployersAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: [
        "pt is a retired [[welder|PROFESSION]] (worked for [[zenthor steel|ORGANIZATION]] for 30 yrs).",
    ])
    func lowerCaseEmployersUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// An organisation on the line above a street address (a letterhead, with its legal form) or before the address and
    /// a comma. A person, a label line (`Residential Address`), a floor and a public department stay out.
    @Test(arguments: [
        "[[Mindful Harbour Psychology|ORGANIZATION]]\n[[Shop 5, 101 Example St, Fitzroy VIC 3065|ADDRESS]]",
        "[[Quarrywood Freight Lines, Inc|ORGANIZATION]].\n[[2750 Example Hwy, Alcoa, TN 37701|ADDRESS]]",
        "Residential Address\n[[12 Example St, Fitzroy VIC 3065|ADDRESS]]",
        "Ground Floor, [[12 Example St, Fitzroy VIC 3065|ADDRESS]]",
        "Department of Paediatrics\n[[12 Example St, Fitzroy VIC 3065|ADDRESS]]",
    ])
    func organisationsBeforeAddressesAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: [
        "Rx sent to [[Harlow Drugs|ORGANIZATION]], [[10116 NE 8th St, Bellevue, WA 98004|ADDRESS]].",
        "[[Jane Citizen|NAME]], [[12 Example St, Dayton, OH 45402|ADDRESS]]",
    ])
    func organisationsBeforeAddressesUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }
}
