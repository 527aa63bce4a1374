import MedTextKit
import Testing

/// False positives found by running detect-phi over real transcribed reports (MTSamples, session 11): clinical text that
/// had the shape of an identifier, a phone extension, a town and state, a name with a suffix or an initial, or a
/// facility. Each class keeps positive rows so that the shape still finds PHI where the cue really governs it.
@Suite struct PHIRealNotePrecisionTests {
    /// An identifier cue governs a number only through fillers and punctuation: a verb or preposition between them
    /// (`episode was 1989`, `pin in 1990`: the year is a date), and thousands separators (a count), make no identifier.
    @Test(arguments: [
        "He has had spontaneous pneumothorax. The first episode was [[1989|DATE]] on his right lung.",
        "Right patellar fracture with pin in [[1990|DATE]], and history of blood clots.",
        "Weight from last week's visit was 238.9 pounds.",
        "His platelet count was 1,240,000 and he was started on hydroxyurea.",
        "Urine culture grew 50-100,000 colonies of Enterococcus.",
        "Visit [[88213|ID]] closed; episode no. [[4471902|ID]] opened.",
        "Patient ID: [[00482913|ID]]",
        "Claim number [[12345-67890|ID]] was lodged.",
        "Account ending in [[0918|ID]] was charged.",
    ])
    func identifierCuesNeedTheirValue(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// Range of motion is measured in degrees after `Extension`; an extension number has no unit.
    @Test(arguments: [
        "Flexion 70 degrees. Extension 20 degrees. Side bending symmetric.",
        "The right wrist showed extension 45 degrees and flexion 45 degrees.",
        "Call the ward on ext [[2231|PHONE_OR_FAX]] after 5 pm.",
    ])
    func extensionsAreNotRangesOfMotion(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// `Town, ST` needs a town: one or two capitals in a mixed-case note are abbreviations in a list, and a name before
    /// a state code that is also a credential is a person (`Dr. Y, MD`).
    @Test(arguments: [
        "Review of systems: negative for head, neck, heart, lungs, GI, GU, orthopedic and skin.",
        "Abdomen: NT, ND, normal bowel sounds.",
        "Cranial nerves III, IV, VI: extraocular movements full.",
        "Temp 36.0C,MS: alert and oriented.",
        "Moved here from [[Bethlehem, PA|ADDRESS]] last year.",
        "She lives in [[Bethesda, MD|ADDRESS]] with her son.",
    ])
    func townAndStateNeedATown(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// A Roman numeral is a generational suffix only after a given name and a surname; after a grade, stage, level or a
    /// test's name it is the grade.
    @Test(arguments: [
        "Stage IV necrotic sacral decubitus.",
        "Borderline enlargement of the jugulodigastric nodes (Level II).",
        "Found to have a Grade II endometrial carcinoma.",
    ])
    func romanNumeralsAfterOrdinaryWordsAreGrades(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// A pronoun after an initial's full stop opens the next sentence; a lettered list item before an ordinary word is
    /// no initial and surname.
    @Test(arguments: [
        "He is to follow up with Dr. X.  He was given emergency contact numbers.",
        "PROCEDURES:\nA. Left heart catheterization.\nB. Both lungs were clear.",
        "Seen by Dr. [[J. Okafor|NAME]] in clinic.",
        "Handover to [[J. Green|NAME]] at 1900.",
    ])
    func initialsBeforeSentencesAndListItems(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// A facility word after specialty words only names a department (GUIDELINE §0); a distinctive word makes it an
    /// institution.
    @Test(arguments: [
        "She was referred to the Neurology Clinic for follow-up.",
        "He will be seen in Pain Management Clinic next month.",
        "Taken to Same Day Surgery in stable condition.",
        "Consult with Cardiothoracic Surgery was obtained.",
        "Follow-up at [[Wilmer Eye Institute|ORGANIZATION]] in 3 weeks.",
        "Referred to [[Riverside Neurology Clinic|ORGANIZATION]] for EEG.",
        "The patient was scanned in a 1.5 Tesla magnet.",
        "He works on the assembly line at [[Tesla|ORGANIZATION]] in [[Fremont|ADDRESS]].",
    ])
    func departmentsAreNotOrganisations(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// Drug brands, devices and classification eponyms the name lists do not hold stay out after a weak cue.
    @Test(arguments: [
        "We then took a Midas Rex and removed the superior portion of the pedicle.",
        "Pharmacologic stress test with Lexiscan was negative.",
        "Continue MS Contin 30 mg twice daily.",
        "Tibial plateau fracture, Schatzker type II.",
        "She was discharged on Orapred and albuterol.",
    ])
    func brandsDevicesAndEponymsAreNotNames(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// A care provider the patient sees (`the dentist`, `a chiropractor`, `primary care physician`, `via translator`) is
    /// no occupation (GUIDELINE PR2), nor are words with another sense (a device `model`, `executive function`, `able to
    /// cook`); `as` of a comparison (`as well as`, `such as`) is no occupation cue. In an occupation context they stay.
    @Test(arguments: [
        "The patient neglected to return to the dentist until this weekend.",
        "He was initially treated by a chiropractor and then by physical therapy.",
        "Encouraged her to speak with her family, as well as primary care physician about it.",
        "Risks were explained via translator, such as a dentist would.",
        "Pulse generator model Sigma, model #: 12345.",
        "Continue ReQuip for the restless legs as her primary care physician has suggested.",
        "Her husband works as a [[teacher|PROFESSION]] in a high school.",
        "Attention, memory and executive functions were impaired.",
        "Are you able to cook, do your shopping and yard work?",
        "The patient is a [[63|AGE]]-year-old [[executive|PROFESSION]] seen for a company physical.",
        "He had been working as a [[cook|PROFESSION]] and cut fish for long periods.",
        "She is a [[dentist|PROFESSION]] and plays tennis.",
        "Works as a [[translator|PROFESSION]] for a law firm.",
    ])
    func careProvidersAndOtherSensesAreNoOccupation(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// A two-word state's name is no given name and surname (`North Carolina`); an eponym before a Roman numeral is a
    /// stage or a test's edition (`Tanner III`, `Denver II`), as an ordinary word before one is (`Grade III`). A person's
    /// name keeps its generational suffix.
    @Test(arguments: [
        "The patient was born and raised in North Carolina.  She was the sixth of nine siblings.",
        "Growth and development:  Denver II normal, passing all milestones.",
        "GU exam:  Normal Tanner III male.  Testes descended.",
        "Mr [[Tanner|NAME]] was reviewed in the clinic.",
        "Her sister [[Carolina Mendes|NAME]] visits daily.",
    ])
    func stateNamesAndEponymStagesAreNoNames(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }
}
