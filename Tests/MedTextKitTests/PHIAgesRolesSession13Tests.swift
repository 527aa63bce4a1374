import MedTextKit
import Testing

/// Ages after names in more written forms, job titles after `retired`/`former`, care-team roles that are no
/// occupation, lower-case names after clinician cues and roles, and real-report false positives (session 13,
/// issue #6). Rows are our own, both locales, mixed case, capitals and lower-case lines, with negatives of the same
/// shapes.
@Suite struct PHIAgesRolesSession13Tests {
    /// A bracketed age after a semicolon or on the next line, an age unit before a colon, an approximate age, an
    /// aside in brackets after the age; a numbered item on the next line is no age.
    @Test(arguments: [
        "Lives with [[Corey|NAME]] ([[41|AGE]]; unemployed) in a rented flat.",
        "Two children from her first marriage, [[Zara|NAME]]\n([[7|AGE]]) and [[Oscar|NAME]] ([[4|AGE]]).",
        "Her father [[Albert|NAME]]\n([[79|AGE]], a retired [[boilermaker|PROFESSION]]) lives nearby.",
        "Her baby sister [[Amira|NAME]]\n([[5|AGE]] months) sleeps in the same room.",
        "Son [[Mateo Ruiz|NAME]], [[6|AGE]] months: vaccinations up to date.",
        "Her aunt [[Rosa Delgado|NAME]], about [[64|AGE]], helps with meals.",
        "Son [[Kofi Mensah|NAME]], [[3|AGE]] (born in Ghana), attends kindy.",
        "Discussed with Ruby\n(2) Repeat bloods next week.",
    ])
    func agesAfterNamesInMoreForms(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    /// A number under an `Age` column heading after a name (and an MRN field), in mixed case and capitals; a number
    /// in a column with another heading stays out.
    @Test(arguments: [
        "CLINIC LIST\nPatient            MRN       Age  Reason\n[[Harold Finch|NAME]]       [[M552031|ID]]   [[77|AGE]]   review\n"
            + "[[Agnes Moorcroft|NAME]]    [[M118420|ID]]   [[83|AGE]]   wound check",
        "CLINIC LIST\nPatient            Bed  Reason\n[[Harold Finch|NAME]]       12   review",
    ])
    func agesInAnAgeColumn(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: [
        "CLINIC LIST\nPATIENT            AGE  REASON\n[[HAROLD FINCH|NAME]]       [[77|AGE]]   REVIEW",
    ])
    func agesInAnAgeColumnInCapitals(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// A job title after `retired`/`former` (after `is a`, or opening a sentence), in mixed case and capitals; a
    /// kinship word after `Former` is a relative.
    @Test(arguments: [
        "He is a retired [[tram conductor|PROFESSION]] and lives alone.",
        "She is a retired [[woollen mill spinner|PROFESSION]] (Lowell mills).",
        "RETIRED [[SCHOOL BUS DRIVER|PROFESSION]]. LIVES ALONE.",
        "SOCIAL HISTORY: She works as a [[nurse|PROFESSION]]; her husband is a retired [[police officer|PROFESSION]].",
        "Former partner ([[Darren|NAME]]) is not involved.",
    ])
    func jobTitlesAfterRetiredOrFormer(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// Care-team roles after `the`, a possessive or `per` are no occupation (GUIDELINE PR2); nor are `executive
    /// functioning`, `academic` alone, `pilot holes` or an eponym's stage.
    @Test(arguments: [
        "SOCIAL HISTORY: Records were requested from his former physician.",
        "SOCIAL HISTORY: History obtained from the emergency room physician on duty.",
        "DVT prophylaxis as per surgeon.",
        "Testing showed deficits in executive functioning and memory.",
        "No academic problems were reported.",
        "Drilled two 3.2 mm pilot holes.",
        "Genitalia: normal tanner III.",
    ])
    func careTeamRolesAndThingsAreNoOccupation(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// In a lower-case line of a mixed-case note: a listed given name after a clinician cue, a given name and surname
    /// after a role; not a word after the cue or the role.
    @Test(arguments: [
        "Ward note. Patient settled overnight.\nspoke to [[bronwyn|NAME]] at the pharmacy, packs changed.",
        "Ward note. Patient settled overnight.\nspoke with [[tamsin|NAME]] re discharge plan.",
        "Ward note. Patient settled overnight.\nwound reviewed by podiatrist [[imogen whitlock|NAME]], dressing changed.",
        "Ward note. Patient settled overnight.\northotist: [[callum fraser|NAME]], boot fitted.",
        "Ward note. Patient settled overnight.\nspoke to pharmacy re packs.",
        "Ward note. Patient settled overnight.\nper protocol, obs four hourly.",
        "Ward note. Patient settled overnight.\npodiatrist to review wound next week.",
    ])
    func lowerCaseNamesAfterCuesAndRoles(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    /// Initials signing an entry: after the time of a date stamp that opens its line, before a bracket, or joined to
    /// a dash after a sentence's end; a result after a joined dash, `ok` after a dash and bullet items stay out.
    @Test(arguments: [
        "[[2/3/26 0915|DATE]] - [[jw|NAME]]\ninitial visit, diet reviewed and goals set.",
        "[[2/3/26 0915|DATE]] - [[jw|NAME]] (phone)\nsensor checked, readings stable.",
        "[[14/03/2026|DATE]] - [[ab|NAME]]\nwound dressed, healing well.",
        "mum rang at lunch, all well. -[[ko|NAME]]\nnext visit tuesday.",
        "no incidents overnight. - [[kt|NAME]] (support worker)\nslept well.",
        "urine dip: nitrites -ve\nleucocytes +ve, sent for culture.",
        "bp stable this morning - ok\nfor review tomorrow.",
        "Plan:\n- fbc\n- bd obs",
    ])
    func initialsSigningEntries(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    /// An initial's full stop before a word that opens the next sentence, and a rank abbreviation before an ordinary
    /// word (MTSamples audit classes); a surname after an initial and a given name after the rank stay names.
    @Test(arguments: [
        "Vitals: temperature 99.1 degrees F.  Pulse oximetry 97% on room air.",
        "Catheter irrigated by Dr. X.  Her symptoms settled overnight.",
        "Seen by Dr. [[K. Hill|NAME]] in clinic.",
        "Labs: CBC, Gen Screen, TSH all normal.",
        "Visited by Gen [[Peter Cosgrove|NAME]] last year.",
    ])
    func sentenceAfterInitialAndRankBeforeWord(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }
}
