import MedTextKit
import Testing

/// AGE and NAME classes of session 15 (issue #6, helper `phinames`): ages in onset frames, an insurance form's age
/// label, years;months, a child's name bracketed before an age, a relative's age before a spaced dash, and logins after
/// login cues. Rows are our own, both locales, with negatives of the same shapes.
@Suite struct PHIAgesLoginsSession15Tests {
    static let ages = [
        "Social: started drinking at [[15|AGE]]. Began smoking at [[13|AGE]] (roll-your-own).",
        "Left school at [[15|AGE]] (Year 9) and started working at [[16|AGE]].",
        "STARTED DRINKING AT [[14|AGE]]. STARTED USING AT [[19|AGE]].",
        "Age nearest birthday: [[47|AGE]]   Smoker: no",
        "AGE LAST BIRTHDAY: [[62|AGE]]",
        "Chronological age: [[4;11|AGE]]\nCA at testing: [[5;7|AGE]]",
        "Previous birth: a girl ([[Amelia|NAME]], now [[6|AGE]]), normal delivery.",
        "Second baby: boy ([[Kaito|NAME]], aged [[2|AGE]]) at home with his father.",
        "Household:\n- daughter [[Amira Haddad|NAME]], [[9|AGE]] - attends year 4\n- son [[Tariq Haddad|NAME]], [[14|AGE]] - asthma",
    ]

    /// The same shapes that are no ages or names: times and doses after an onset verb, other objects, ratios without
    /// an age label, drugs and months in brackets before a number, a range after a name.
    static let notAges = [
        "Started heparin at 18. Started insulin at 10 units. Started vomiting at 14.",
        "started drinking at 5 pm with friends.",
        "Ratio 3;1 on the pump. Score: 3;4 noted.",
        "Analgesia (Panadol, 500) given. Pump (Alaris, 2) in use.",
    ]

    @Test(arguments: ages + notAges)
    func agesInMoreFramesAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: ages + notAges)
    func agesInMoreFramesUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// Logins after a login cue (an initial or two before a listed surname, maybe with digits), in lower case or
    /// capitals; ordinary words, drugs and words that are no login after the same cues stay out.
    static let logins = [
        "Report printed by user [[tdharris|NAME]].",
        "Readings synced from the app login [[mgarcia72|NAME]]; fasting 7-9.",
        "LOGIN: [[RWILLIAMS|NAME]]\nTRIAGE COMPLETE",
        "LAST EDITED BY [[KTHOMPSON|NAME]]\n",
        "Imaging ordered (requester [[smiller|NAME]]).",
    ]

    static let notLogins = [
        "IV drug user, heroin daily. Login failed twice; user friendly app.",
        "LOGIN: FAILED\nARRIVED BY AMBULANCE\nHANDOVER GIVEN BY PHONE",
    ]

    @Test(arguments: logins + notLogins)
    func loginsAfterCuesAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: logins + notLogins)
    func loginsAfterCuesUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// After a role cue, a given name that is also a word before a surname that is listed as a given name only.
    @Test(arguments: [
        "The case manager [[Brooke Wiremu|NAME]] phoned about the claim.",
        "manager [[Grace Rawiri|NAME]] aware of the fall.",
        "Spoke with case manager today; the manager will call back.",
    ])
    func roleGivenNameGivenSurname(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }
}
