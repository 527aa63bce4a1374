import MedTextKit
import Testing

/// Roads, bridges and rivers in more frames, and places before more site words (issue #6, session 14, helper
/// `phiplace`; GUIDELINE §5, decision of session 13): a named highway, road, bridge, trail or river after `the` and a road
/// preposition (`road_prepositions`: along, across, under, past, up, down, ...), after the `and` of a list of roads, at
/// the start of a clause, or with `the` ending a wrapped line; the same in lower case when the name is no ordinary word;
/// a numbered highway before a direction of travel (`travel_directions`) whatever comes before it; a known place before
/// more site words (`place_feature_nouns`: exit, turnoff, outreach, satellite, location, airport, airstrip, crossing);
/// a known place after `Home:` opening its line; a one-word known place after a person's name and `of`; a known place
/// before `to` and another known place (a route). Negatives: generic and ordinary road words in lower case, a river's
/// disease, radio-iodine isotopes before a direction word, given names before a site word, and `home:` inside a label.
@Suite struct PHIRoadsAndSitesSession14Tests {
    @Test(arguments: [
        "Drove down the [[New England Highway|ADDRESS]] overnight with her sister.",
        "Cyclist struck riding under the [[Story Bridge|ADDRESS]] at dusk.",
        "Road access cut: the [[Tanami Road|ADDRESS]] is closed after the rain.",
        "Stranded for two days past the\n[[Roper River|ADDRESS]] crossing with no signal.",
        "Travelling along the [[Bruce Highway|ADDRESS]] and the [[Capricorn Highway|ADDRESS]] to get here.",
        "pt late - traffic on the [[monash freeway|ADDRESS]] after a truck rollover.",
        "Reviewed at the [[Wodonga|ADDRESS]] outreach last month.",
        "Home: [[Toowoomba|ADDRESS]]   Mobile: [[0491 570 110|PHONE_OR_FAX]]",
        "Picked up at the [[Gympie|ADDRESS]] airstrip by the retrieval team.",
        "Next of kin is her brother, [[Tomas Ruiz|NAME]] of [[Kiama|ADDRESS]].",
        "Drives a stock truck ([[Mudgee|ADDRESS]] to [[Bowral|ADDRESS]]) three days a week.",
    ])
    func australianRoadsAndSites(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        "Collision, [[I-70|ADDRESS]] westbound near mile 212; restrained driver.",
        "SCENE: [[US-50|ADDRESS]] EB at the county line.",
        "Fell while hiking across the [[Hoover Dam Bridge|ADDRESS]] walkway.",
        "Monitoring bloods at our [[Modesto|ADDRESS]] satellite on day 5.",
        "Please send the records held at your [[Tulsa|ADDRESS]] location.",
        "Rear-ended near the [[Yuma|ADDRESS]] exit on the way home.",
        "Hauls freight, [[Tulsa|ADDRESS]] to [[Modesto|ADDRESS]], on a weekly run.",
    ])
    func usRoadsAndSites(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        "traffic on the old highway, then stuck on the coast road and along the river.",
        "Drove up the freeway and across the bridge to the clinic.",
        "Mosquito bites along the Ross River virus belt.",
        "Imaging: I-123 uptake scan, then I-131 WB at 48 h.",
        "Use the Austin exit of the car park after 6 pm.",
        "The outskirts of town; the node of Ranvier; a man of Kiama stock.",
    ])
    func wordsThatAreNoRoadOrSite(_ row: String) {
        PHIPipelineTests.check(row)
        PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline)
    }
}
