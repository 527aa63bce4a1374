import MedTextKit
import Testing

/// AGE classes of session 20 (issue #6, helper `phiage`): an age after a date of birth in a header, after `Age/Sex:` and
/// `Age today:`, after a relative's name with a colon or a sex letter, bracketed ages in a list opened by a plural
/// relative, the age a habit began after `since`/`from`, and the age of a cancer or a violent death after `at`. Rows are
/// our own, both locales, mixed case, capitals and lower case, with negatives of the same shapes.
@Suite struct PHIAgesSession20Tests {
    /// The number after a date of birth, then a sex letter, an age unit, `y`, a clause end or a wide gap (GUIDELINE A1).
    static let dobAges = [
        "DOB [[02/11/1955|DATE]]   [[71|AGE]] M",
        "DOB: [[03/08/2025|DATE]], [[15|AGE]] months",
        "dob [[3/1/1952|DATE]]   [[74|AGE]] y f",
        "DOB [[12-03-1948|DATE]], [[78|AGE]].",
        "Age/Sex: [[67|AGE]] M",
        "Age today: [[15|AGE]] days",
    ]

    /// A number after a date that is no date of birth, or followed by what is no age.
    static let notDobAges = [
        "Ordered [[02/11/2026|DATE]], 12 tablets.",
        "DOB [[02/11/1955|DATE]] 3 children at home.",
        "Sex: 2 partners in the last year.",
        "Born [[12/03/2026|DATE]], 32 weeks gestation.",
    ]

    @Test(arguments: dobAges + notDobAges)
    func dobAgesAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: dobAges + notDobAges)
    func dobAgesUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// A relative's name, a comma and the age with a colon joined to it (a family-history entry); a capitalised word, a
    /// comma and the age with a capital sex letter after it.
    static let listAges = [
        "- Your mother [[Eleni Papadakis|NAME]], [[61|AGE]]: no cancer; not yet tested.",
        "- Father [[Mark Jensen|NAME]], [[57|AGE]]: healthy.",
        "- Daughter, [[14|AGE]] F   - Son, [[11|AGE]] M",
    ]

    /// A clock time after a name's comma is no age.
    static let notListAges = [
        "Called [[Mark Jensen|NAME]], 10:30 today.",
        "Potassium, 4 mmol/L.",
    ]

    @Test(arguments: listAges + notListAges)
    func listAgesAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: listAges + notListAges)
    func listAgesUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// A bracketed age after a capitalised name in a list that a plural relative opens; the name is a NAME.
    static let kinListAges = [
        "Older children: [[Ka|NAME]] ([[6|AGE]]) and [[Fue|NAME]] ([[4|AGE]]) stay with their grandmother.",
        "Four children: [[Rahima|NAME]] ([[15|AGE]]), [[Anwar|NAME]] ([[12|AGE]]) and [[Sadek|NAME]] ([[3|AGE]]).",
        "Siblings: [[Paw Lah|NAME]] ([[15|AGE]]) and [[Eh Say Wah|NAME]]\n([[4|AGE]], attends preschool).",
    ]

    /// Bracketed counts after ordinary words, drugs, a plural relative itself, or with no plural relative before them.
    static let notKinListAges = [
        "Tablets (2) and capsules (3) daily.",
        "Hypertension (1) and Diabetes (2) on the problem list.",
        "Children (2) live at home.",
        "Paracetamol (2) and Ibuprofen (1) given.",
    ]

    @Test(arguments: kinListAges + notKinListAges)
    func kinListAgesAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: kinListAges + notKinListAges)
    func kinListAgesUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// The age a habit began after `since`/`from` (GUIDELINE: `smoking since age [14]`), and a cancer or a violent death
    /// dated by an age after `at`.
    static let habitAndEventAges = [
        "Alcohol since [[14|AGE]], heaviest at weekends.",
        "Cannabis daily from [[16|AGE]] to [[24|AGE]]; none since.",
        "SMOKING SINCE [[15|AGE]].",
        "Proband: endometrial cancer at [[37|AGE]].",
        "High-grade serous ovarian cancer at [[56|AGE]], BRCA2 variant carrier.",
        "uncle drowned at [[19|AGE]].",
    ]

    /// A clock time, a dose range, a tumour's position or distance: no age.
    static let notHabitAndEventAges = [
        "Alcohol since 10 pm last night.",
        "Smoking from 20 to 40 cigarettes a day.",
        "Breast cancer at 12 o'clock, 3 cm from the nipple.",
        "Carcinoma at 5 cm from the anal verge.",
    ]

    @Test(arguments: habitAndEventAges + notHabitAndEventAges)
    func habitAndEventAgesAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: habitAndEventAges + notHabitAndEventAges)
    func habitAndEventAgesUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }
}
