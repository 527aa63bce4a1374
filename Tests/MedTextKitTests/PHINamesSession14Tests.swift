import MedTextKit
import Testing

/// NAME, AGE and PROFESSION classes of session 14 (issue #6, helper `phinames`). Rows are our own, both locales,
/// with negatives of the same shapes.
@Suite struct PHINamesSession14Tests {
    /// Frequent given names that the stop list holds as eponyms (`Marie`, `Thomas`, `Kelly`, `Curtis`, `Lauren`,
    /// `Patrick`) before a surname after a cue, a role or alone, and their later mentions; a bracketed aside between a
    /// relative cue and its colon.
    static let eponymGivenNames = [
        "Spoke with [[Marie Kowalczyk|NAME]] about the discharge plan.",
        "His son [[Thomas Adebayo|NAME]] will drive him home.",
        "physio [[Kelly Brannigan|NAME]] reviewed the transfers.",
        "[[Curtis Adeyemi|NAME]], peer support worker, will ring on Monday.",
        "Partner (surrogate for transfer): [[Lauren Abernathy|NAME]]\n[[Lauren|NAME]] will carry the pregnancy; mother of [[Lauren|NAME]] to drive.",
        "Team: [[Nadia Fairweather|NAME]], NP; [[Patrick Oyelaran|NAME]], social worker",
    ]

    /// The same words as eponyms: joined by hyphens, before their follower, inside a run of capitalised words, before
    /// a service word.
    static let eponymsStayEponyms = [
        "Charcot-Marie-Tooth disease; right leg in a Thomas splint.",
        "The Kelly clamp was applied. Fitz-Hugh-Curtis syndrome was considered.",
        "Marshall Marchetti Krantz procedure in the past. Russell Silver syndrome.",
        "Reported to Allen Police on Friday.",
        "Gordon reflex absent. Allen test normal at the wrist.",
    ]

    @Test(arguments: eponymGivenNames + eponymsStayEponyms)
    func eponymGivenNamesAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: eponymGivenNames + eponymsStayEponyms)
    func eponymGivenNamesUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// Ages of relatives in a bracketed list on the next line or later in the clause, a name's age closing the aside
    /// it stands in, an age after a quoted nickname in brackets; numbers with units, and a numbered item, stay out.
    @Test(arguments: [
        "Lives with wife [[Marisol|NAME]] and their children\n([[14|AGE]] and [[9|AGE]]). Works nights.",
        "Her parents live on a farm near town ([[84|AGE]] and [[82|AGE]]). No sudden deaths.",
        "Driver (husband [[Ernesto Delgado|NAME]], [[66|AGE]]) uninjured.",
        "Grandmother [[Nellie Martin|NAME]] (\"Nanna [[Nellie|NAME]]\", [[61|AGE]]) helps.",
        "His sons were given doses (2 and 3 mL). Her children had scores (12 and 14 points).",
        "Discussed with [[Jane Okafor|NAME]], 2) arrange bloods.",
        "Her parents were seen in [[2019|DATE]] (twice).",
    ])
    func agesOfRelativesInAsides(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    /// Lower-case initials written before the bracketed name they stand for, and their later sign-offs; abbreviations
    /// explained in brackets and the same letters inside a sentence stay out.
    @Test(arguments: [
        "0815 visit 1. dressing intact. next visit tomorrow. [[jk|NAME]] ([[jess kowalski|NAME]], rn)",
        "bloods taken. [[tk|NAME]] ([[tamsin kerr|NAME]], rn)\nvisit 2. wound clean, reviewed.\n[[tk|NAME]]\nvisit 3. afebrile. [[tk|NAME]]",
        "evening meds given.\n- [[dm|NAME]] ([[declan mahoney|NAME]])\nsw: [[dm|NAME]]\nhx of dm. bgl 7.2",
        "metformin 500 mg bd (before dinner). pr (per rectum) paracetamol given.",
    ])
    func initialsBeforeTheirNames(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }
}
