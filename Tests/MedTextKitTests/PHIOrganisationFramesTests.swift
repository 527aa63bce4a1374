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
}
