import MedTextKit
import Testing

/// AGE and PROFESSION classes of session 18 (issue #6, helper `phiage`): the age of a life event after `at`, ages after
/// `is now`, `who is` and `, now`, the days of a gestation written as a fraction near `birth`, and a job title after
/// `is a`/`was an`. Rows are our own, both locales, mixed case, capitals and lower case, with negatives of the same shapes.
@Suite struct PHIAgesProfessionsSession18Tests {
    /// A life event (`age_event_words`) among the three words before `at`, and a number that closes the clause.
    static let lifeEventAges = [
        "First episode of psychosis at [[22|AGE]] in the context of daily amphetamine use.",
        "He moved interstate at [[9|AGE]] with his mother.",
        "Juvenile adjudication at [[16|AGE]] (theft); no adult charges.",
        "Grandfather died suddenly at [[58|AGE]] while fishing.",
        "EMIGRATED WITH FAMILY AT [[14|AGE]].",
        "she was adopted at [[2|AGE]] and raised by her aunt.",
        "Methylphenidate, stopped at [[13|AGE]].",
    ]

    /// The same words before a clock time, a dose, a schedule or a part of the day: no age.
    static let notLifeEventAges = [
        "Bowels moved at 10 in the morning.",
        "Infusion stopped at 20 mL/h overnight.",
        "Patient moved to the chair at 14:30.",
        "Repeat RPR at 3, 6 and 12 months.",
        "Diagnosed at 10 am in clinic.",
        "GA at birth 28 2/7 weeks; PMA at discharge 38 3/7 weeks.",
    ]

    @Test(arguments: lifeEventAges + notLifeEventAges)
    func lifeEventAgesAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: lifeEventAges + notLifeEventAges)
    func lifeEventAgesUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// An age after `is now` or `who is` with a person before it, or after `, now` in a clause about a relative.
    static let nowAges = [
        "Her son is now [[5|AGE]] and starts school next year.",
        "HER HUSBAND IS NOW [[80|AGE]].",
        "his wife is now [[62|AGE]] and well.",
        "II-1 mother, breast cancer at [[49|AGE]], now [[71|AGE]], lives nearby.",
        "Her brother is now [[9|AGE]] months.",
    ]

    /// A score, a value or a post-operative day after `is now` or `, now`: no age.
    static let notNowAges = [
        "Pain is now 3.",
        "The score is now 12.",
        "Mother: weight 90 kg, now 85.",
        "He is now 5 days post-op.",
    ]

    /// Session 18: an age with a lower-case `y` before a sex letter, or after a relative or a named person and before a
    /// comma (GUIDELINE A1: the number only); a duration after `for` is no age.
    static let yAges = [
        "Donor: [[34|AGE]] y M, blood group A.",
        "Mother [[31|AGE]] y, G2P1, GDM on diet.",
        "father [[58|AGE]] y, well.",
    ]

    static let notYAges = [
        "Levothyroxine for 3 y, stable.",
        "Smoked 20 y, quit.",
    ]

    @Test(arguments: yAges + notYAges)
    func yAgesAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: yAges + notYAges)
    func yAgesUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: nowAges + notNowAges)
    func nowAgesAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: nowAges + notNowAges)
    func nowAgesUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// A title of two or more words ending in a job head after `is a`/`was an` (GUIDELINE PR1), also across a wrapped line.
    static let copulaTitles = [
        "He is a [[wet-etch process technician|PROFESSION]].",
        "Her husband is an [[orchard supervisor|PROFESSION]] and has leave.",
        "She was a [[school canteen manager|PROFESSION]] for many years.",
        "HE IS A [[GRAIN SILO OPERATOR|PROFESSION]], ON LEAVE.",
        "pt is a [[warehouse forklift operator|PROFESSION]].",
        "Her partner is a\n[[locomotive driver|PROFESSION]] and works shifts.",
    ]

    /// A description of the person, a head alone or a phrase with no job head after `is a`: no occupation.
    static let notCopulaTitles = [
        "He was a restrained driver in a rollover.",
        "She is a good surgical candidate.",
        "He is a heavy smoker.",
        "This is a pleasant elderly woman.",
        "She is a third-year nursing student on placement.",
        "He was a passenger worker on the day.",
        "The back was a little tender on palpation.",
        "P2 is a regular partner; P3 is casual.",
    ]

    @Test(arguments: copulaTitles + notCopulaTitles)
    func copulaTitlesAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: copulaTitles + notCopulaTitles)
    func copulaTitlesUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }
}
