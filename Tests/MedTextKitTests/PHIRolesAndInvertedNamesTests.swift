import MedTextKit
import Testing

/// Names after role words and in inverted form lines (session 12, issue #6): a role before a given name that is also a
/// word or a place, role abbreviations of care staff, plural carers, and `SURNAME, Given` after a label when no list
/// holds the given name (then a quoted nickname after it is found too). Rows are our own, both locales, mixed case,
/// capitals and lower case, with negatives of the same shapes.
@Suite struct PHIRolesAndInvertedNamesTests {
    /// A role cue, then a given name that is also a word or a place, then a surname; role abbreviations of care staff.
    @Test(arguments: [
        "Witnesses: AIN [[Faith Ogunleye|NAME]] (emp. [[E0620377|ID]]).",
        "Discussed with her nurse unit manager [[Georgia Tan|NAME]] today.",
        "Handover to PCA [[Joy Mbeki|NAME]] at 1500.",
        "Seen with practice manager [[Leanne|NAME]] about the invoice.",
        "Spoke with her supervisor [[Hope Kaczmarek|NAME]] by phone.",
        "Pastor [[Grace Villalobos|NAME]] visited on Sunday.",
        "Doula: [[Wren Castellanos|NAME]], certified.",
        "Foster carers [[Gavin|NAME]] and [[Lorraine Schubert|NAME]] attended.",
        "Discussed with the nurse unit manager on duty.",
        "The practice manager will send the invoice.",
        "Supervisor review due in [[March|DATE]].",
        "She studied at [[Georgia Tech|ORGANIZATION]] before moving.",
        "Her manager at [[Grace Hospital|ORGANIZATION]] was supportive.",
    ])
    func rolesBeforeNames(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    /// The same in capitals (an ALL-CAPS form) and a US note.
    @Test(arguments: [
        "ALTERNATE CONTACT: PASTOR [[GRACE ENGEBRETSON|NAME]], [[(701) 555-0145|PHONE_OR_FAX]]",
        "CNA [[Destiny Ortiz|NAME]] assisted with the transfer.",
        "PCT [[Summer Nakamura|NAME]] obtained vitals at 0400.",
    ])
    func rolesBeforeNamesInCapitalsAndUSNotes(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// `Label: SURNAME, Given` with a given name in no list, a hyphenated given name after the family name, and the
    /// quoted nickname after it.
    @Test(arguments: [
        "Patient: [[Pérez Cárdenas, Yoandri|NAME]] (\"[[Yoyo|NAME]]\")     DOB: [[1/30/1974|DATE]]",
        "Patient: [[LEIATAUA, FALANIKO|NAME]] (\"[[Frank|NAME]]\")     Ward 4",
        "Client: [[LAU Kwok-wing|NAME]] (\"[[Kenny|NAME]]\")     Age [[84|AGE]]",
        "Next of kin: [[Tuipulotu, Sione-Vaha|NAME]]; phone below.",
        "Patient: [[Whitlock, Marguerite|NAME]]",
        "Patient: [[Smith|NAME]], MRN to follow",
    ])
    func invertedNamesWithUnlistedGivenNames(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// Lower-case inverted names: a hyphenated surname, particles between given names, a hyphenated given name.
    @Test(arguments: [
        "pt: [[rodriguez-pena, maria del carmen|NAME]] (\"[[carmen|NAME]]\")   rm 412-b\nobs stable overnight, afebrile, pain 2/10,"
            + " tolerating diet and fluids, mobilising with frame, family visited this evening, for review by the team in the morning.",
        "pt: [[park, ji-woo|NAME]]   rm 12\nslept well, pain 2/10, family to visit.",
        "pt: park, walking with frame\nslept well overnight.",
    ])
    func lowerCaseInvertedNames(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// A maiden or married name after `née`, `nee`, `maiden name`, `married name`.
    @Test(arguments: [
        "Maternal grandmother [[Bridget Lynch|NAME]] (née [[Feeney|NAME]]) had a stroke at [[91|AGE]].",
        "Her mother, [[Ruth Okafor|NAME]] nee [[Whitcombe|NAME]], lives nearby.",
        "Mother's maiden name [[Castellanos|NAME]] on the old chart.",
        "R knee swollen, nee-high stockings advised.",
    ])
    func maidenAndMarriedNames(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }
}
