import MedTextKit
import Testing

/// Organisations named without a cue word, found by the frame around them (issue #6, GUIDELINE §6, session 11): a
/// sports club after its sport or a verb of playing for a team, a known organisation that is also an ordinary word in
/// a carrier, branch or staff frame, a known organisation after a label that also cues people (`cc:`), an employer
/// after an occupation and `from`, a company named after its founder after `worked for`, Aboriginal
/// community-controlled health services by name, congregations named by their denomination. Negatives: people,
/// relatives, countries and places after the same words.
@Suite struct PHIOrganisationFramesTests {
    @Test(arguments: [
        // A sport, then for/with and the club's name (`the` outside).
        "She plays netball for [[Kooringal Kestrels|ORGANIZATION]] on Saturdays.",
        "Back at footy with the [[Tarrawonga Magpies|ORGANIZATION]] after the injury.",
        "Son plays soccer for [[Pinewood United|ORGANIZATION]] and swims.",
        "Returned to netball with [[Penola Eagles|ORGANIZATION]] last week.",
        "PLAYS RUGBY LEAGUE FOR THE [[BIRRIGAN BULLDOGS|ORGANIZATION]] AND WORKS PART TIME.",
        // A verb of playing for a team, then `for`.
        "He played for [[Marlow Heights Rovers|ORGANIZATION]] until his knee went.",
        "Coaches for the [[Fernbrook Falcons|ORGANIZATION]] under 12s.",
    ])
    func sportsClubs(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        "He plays tennis with [[Tom|NAME]] on Sundays and golf with [[Jake Morrow|NAME]].",
        "Plays footy with Dad. Plays cricket for Australia in his dreams.",
        "Likes to play with Lego and plays with the Duplo blocks.",
        "Golf with Dr [[Hartnell|NAME]] was cancelled. Plays for Fun on Fridays.",
    ])
    func peopleAndCountriesAfterASportAreNoClubs(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        // A known organisation that is also an ordinary word: after `by`/`via`, before a branch town, before its staff.
        "Dispo: back to facility; transport by [[AMR|ORGANIZATION]] at 0310.",
        "[[headspace Mount Gambier|ORGANIZATION]] via video",
        "Also present: [[Congress|ORGANIZATION]] Aboriginal Liaison Officer [[Gary Stuart|NAME]].",
        // A known organisation after a label that also cues a person; its branch and store number inside.
        "cc: [[Chemmart Drummoyne #2214|ORGANIZATION]], fax [[(02) 5550 3963|PHONE_OR_FAX]]",
    ])
    func knownOrganisationsInMoreFrames(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        // The ordinary words stay words in the same frames.
        "Symptoms brought on by Rush hour traffic. Quest for answers continues.",
        "Congress passed the bill. The headspace approach was discussed.",
        "Retrieved by the [[Royal Flying Doctor Service|ORGANIZATION]] overnight.",
    ])
    func knownOrganisationWordsStayWords(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        // An employer after an occupation and `from`; a company named after its founder after `worked for`.
        "PT IS A RETIRED [[MACHINIST|PROFESSION]] FROM [[NABISCO|ORGANIZATION]]. LIVES ALONE.",
        "She is a retired [[bookkeeper|PROFESSION]] from [[Kessler Freight|ORGANIZATION]] and lives alone.",
        "He is a retired [[boilermaker|PROFESSION]] (worked for [[Hargreaves|ORGANIZATION]] for 28 years).",
    ])
    func employersInMoreFrames(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        "She is a [[nurse|PROFESSION]] from [[Ballarat|ADDRESS]] and he is a [[teacher|PROFESSION]] from Vietnam.",
        "Her son works for [[Kylie|NAME]] at the cafe. He works for [[Kylie Chen|NAME]] now.",
    ])
    func placesAndPeopleAfterAnOccupationAreNoEmployers(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        // Aboriginal community-controlled health services named without a cue word.
        "Also present: the [[Gidgee Healing|ORGANIZATION]] Aboriginal Health Worker.",
        "Shared care with [[Bidgerdii|ORGANIZATION]] and [[Mawarnkarra|ORGANIZATION]] for her diabetes.",
    ])
    func communityControlledHealthServices(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        // A congregation named by its denomination after its place or name.
        "Supports: attends [[Coolidge First Assembly of God|ORGANIZATION]] with her husband.",
        "Pastor visited from [[Riverside Assembly of God|ORGANIZATION]].",
    ])
    func congregations(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        // A union branch, a veterans' post: the name, the branch word and its number.
        "Before prison he was a [[roofer|PROFESSION]] and a member of [[Roofers Local 123|ORGANIZATION]].",
        "Member of [[VFW Post 292|ORGANIZATION]] and [[American Legion Post 151|ORGANIZATION]].",
        "HE IS A MEMBER OF [[PLUMBERS LOCAL 38|ORGANIZATION]] AND DRIVES.",
    ])
    func numberedBranches(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        // A named unit, ship or base is ORGANIZATION; a branch alone is not (lead decision, session 11).
        "Served in the US Army with the [[1st Cavalry Division|ORGANIZATION]], later the [[94th Training Division|ORGANIZATION]].",
        "Machinist's mate aboard the [[USS Harold E. Stassen|ORGANIZATION]] for six years. Navy veteran.",
        "Posted to [[HMAS Stirling|ORGANIZATION]] in [[2019|DATE]], then [[Lavarack Barracks|ORGANIZATION]]; now out of the Army.",
        "Stationed at [[Travis Air Force Base|ORGANIZATION]] with the Air Force.",
    ])
    func militaryUnitsShipsAndBases(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        "Division of Surgery review. Metropolitan Fire Brigade attended. Day 2 post op; seen on Ward 4 Post 2.",
        "Third Division ladder. Local 3 mm lesion. Post 2 weeks.",
    ])
    func unitsAndBranchesNeedTheirFrame(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        // Organisation endings of session 11 after a distinctive word.
        "Crane driver at [[Corio Quay Stevedores|ORGANIZATION]] and works rotating shifts.",
        "On the list for a unit with [[Kaurna Plains Housing Co-operative|ORGANIZATION]] since spring.",
        "On the waitlist with [[Plymouth Housing|ORGANIZATION]]; support from [[Kinway Supports|ORGANIZATION]].",
        "Panel sent to [[Helix Point Genomics|ORGANIZATION]]; profile by [[Castle Biosciences|ORGANIZATION]].",
        "Audiology at [[Worcester CBOC|ORGANIZATION]] last month.",
    ])
    func organisationEndings(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        // Ordinary words before a plain ending, and a drug plan after its payer label, stay out.
        "Needs Public Housing and Community Housing support. Law of averages.",
        "Part D: Humana Premier Rx, member ID [[H71935520|ID]]. New Rx sent.",
    ])
    func plainEndingsAfterOrdinaryWordsAndPayers(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }
}
