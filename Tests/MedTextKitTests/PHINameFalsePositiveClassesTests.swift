import MedTextKit
import Testing

/// Words read as names in real transcribed reports (MTSamples audit, session 12), fixed by class: the verb `do` read as
/// the credential D.O., a Roman numeral after a test's name, a lone town before a state code that is also a
/// credential, a language word after a person cue, a device brand before a given name. Each class keeps positive rows.
@Suite struct PHINameFalsePositiveClassesTests {
    /// `do` is a verb in lower case and after a question word in capitals; D.O. is written in capitals after a name
    /// (and after a comma in an ALL-CAPS line).
    @Test(arguments: [
        "Parents do smoke around the house.",
        "Siblings do well at school; grandparents do the school run.",
        "HOW DO I KNOW IF I HAVE A CATARACT?",
        "WHY DO WE CHECK THE BLOOD SUGAR?",
        "Seen by [[Alan Pierce|NAME]] DO in clinic.",
        "Signed: [[Karen Whitley|NAME]], DO",
        "[[JOHN MARSHALL|NAME]], DO",
    ])
    func doIsAVerbUnlessACredential(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// A Roman numeral names a generation only after a given name and a surname; after a test's or a scale's name, or
    /// after an imperative `See`, it is part of that name.
    @Test(arguments: [
        "Growth and development: Denver II normal for age.",
        "See Denver II form in the chart.",
        "NYHA Class II symptoms on exertion.",
        "Breast development Tanner III, pubic hair Tanner II.",
        "Met [[Harrison Ford|NAME]] III at the clinic.",
        "Letter copied to [[Thomas Baxter|NAME]] III.",
    ])
    func romanNumeralsAfterTestNamesAreNoSuffix(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// A known town alone before `, MD` or `, PA` is Maryland or Pennsylvania, not a doctor; a title keeps the person.
    @Test(arguments: [
        "The patient lives in [[Hagerstown|ADDRESS]], MD with his wife.",
        "He moved from [[Frederick, MD|ADDRESS]] last year.",
        "Her daughter lives in [[Erie, PA|ADDRESS]].",
        "Dr. [[Erie|NAME]], MD reviewed the films.",
        "[[Rebecca Thornton|NAME]], MD",
    ])
    func townBeforeStateCredentialIsAPlace(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// A language or nationality word after a person cue (`under`, `per`) is no surname.
    @Test(arguments: [
        "She moved to Germany, which was under Russian occupation at that time.",
        "The family lived under English rule before emigrating.",
        "Dosing per Polish guidelines was continued.",
        "Admitted under [[Petrova|NAME]] for review.",
    ])
    func languageWordsAfterCuesAreNoNames(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// A device brand (stop list kind `brand`) is no given name of a pair after `with` or `using`, so its maker's
    /// second word is not propagated either.
    @Test(arguments: [
        "The first hole began with Midas Rex drill, then was tapped.",
        "Burr holes made using Midas Rex drill with a round bit; Midas Rex was then put away.",
        "Repair with Mitek anchors was performed.",
        "Seen with [[Rex Holloway|NAME]] from the clinic.",
    ])
    func deviceBrandsAreNoGivenNames(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }
}
