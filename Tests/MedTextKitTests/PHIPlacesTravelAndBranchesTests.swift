import MedTextKit
import Testing

/// Places named by travel words and branches named by their street or town (issue #6, session 13, helper `phiplace`):
/// a known place after a travel word (`extra_place_prepositions`: visiting, depart, leaving, transit, through), also a
/// capitalised one opening an itinerary line; the next known place of an itinerary after a spaced dash; a street
/// written without a number after an organisation and its separator; a town that is also a name or a word
/// (`places_residence_only.tsv`) alone after an organisation and its comma, or after its name and `in`. GUIDELINE §5 (a town or street of the patient
/// or an event is ADDRESS) and O1/O3 (a town after an organisation behind a separator is its own ADDRESS).
/// Negatives: travel words before words that are no place, a capitalised travel word inside a sentence, dashes inside a
/// name, streets that are a person's title, and a residence-only town that goes on into a sentence.
@Suite struct PHIPlacesTravelAndBranchesTests {
    @Test(arguments: [
        // A known place after a travel word.
        "She is visiting [[Darwin|ADDRESS]] for the funeral.",
        "Transit through [[Denpasar|ADDRESS]] for two nights before the flight home.",
        "- Depart [[Brisbane|ADDRESS]] on [[3 March|DATE]]; return via [[Cairns|ADDRESS]].",
        // The next place of an itinerary after a spaced dash.
        "Travelled to [[Bangkok|ADDRESS]] - [[Hanoi|ADDRESS]] - [[Denpasar|ADDRESS]] in [[May|DATE]].",
        "Itinerary: fly out of [[Adelaide|ADDRESS]] - [[Dubai|ADDRESS]] - [[Nairobi|ADDRESS]].",
        // A street without a number after an organisation and a comma or dash.
        "Exposure sites: [[Anytime Fitness|ORGANIZATION]], [[Pitt St|ADDRESS]] - gym class on Saturday.",
        "Scripts from [[Priceline Pharmacy|ORGANIZATION]], [[Ruthven St|ADDRESS]] store.",
    ])
    func australianTravelAndBranches(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        "Plans: visiting [[Denver|ADDRESS]] over [[Thanksgiving|DATE]].",
        "Leaving [[Phoenix|ADDRESS]] tomorrow; she departs [[Tucson|ADDRESS]] on Friday.",
        "- Depart [[Chicago|ADDRESS]] [[Feb 14, 2026|DATE]] on Lufthansa.",
        "- Return via [[Nairobi|ADDRESS]] - [[Amsterdam|ADDRESS]] - [[Minneapolis|ADDRESS]] (Delta).",
        "Recent travel to [[Houston|ADDRESS]] and [[Dallas|ADDRESS]].",
        // A street without a number after an organisation and a separator.
        "Exposure: [[Ironwood Strength Gym|ORGANIZATION]], [[Oracle Rd|ADDRESS]] - spin class.",
        "Preferred pharmacy: [[Walgreens #04417|ORGANIZATION]], [[Lakeland Dr|ADDRESS]]",
        "Waiting room of [[NextCare Urgent Care|ORGANIZATION]], [[Grant Rd|ADDRESS]] on [[3/3/2026|DATE]].",
        // A town that is also a name or a word, alone after an organisation and a comma.
        "Follow-up with [[Saint Barnabas Burn Center|ORGANIZATION]], [[Livingston|ADDRESS]], tel [[973-555-0191|PHONE_OR_FAX]].",
        "Hearing aids from [[Sound Advantage Hearing Center|ORGANIZATION]], [[Redmond|ADDRESS]].",
        // A town that is also a name or a word right after an organisation and `in`.
        "Her son is an [[engineer|PROFESSION]] at [[Lockheed Martin|ORGANIZATION]] in [[Marietta|ADDRESS]] and visits weekly.",
    ])
    func usTravelAndBranches(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        // Travel words before words that are no place; a capitalised travel word inside a sentence.
        "Visiting hours are over; she is leaving tomorrow.",
        "Worked through lunch; transit time 40 minutes.",
        "Family Visit Policy reviewed with the patient.",
        // A dash after a place that joins no list.
        "Lives in [[Geelong|ADDRESS]] - independent with all ADLs.",
        // A street type that is a person's title, and a plain noun as the street type.
        "Seen at [[Northside Medical Centre|ORGANIZATION]], Dr [[Jones|NAME]] reviewing.",
        "Referred to [[Harbour Care Services|ORGANIZATION]], Community Place team.",
        "[[Mesa Verde Community Hospital|ORGANIZATION]] - Patient Access\nPrinted by the ward clerk.",
        // A town and its region or country after a comma is one place, not a list.
        "Migrated from [[Chania|ADDRESS]], Crete in [[1962|DATE]].",
    ])
    func wordsThatAreNoPlace(_ row: String) {
        PHIPipelineTests.check(row)
        PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline)
    }
}

/// Highways, interstates and rivers as the location of the patient or an event (issue #6, session 13, helper `phiplace`;
/// GUIDELINE §5, decision of session 13): a named highway, road or river after a place word (or `on`, `off`, `by`) and
/// `the` (`highway_words`), and a numbered interstate, US or state highway with its prefix and hyphen after `on`, `off`,
/// a place word or another such highway and a slash. Negatives: a generic road word, radio-iodine isotopes, a disease
/// named after a river, and a river's name starting an organisation's name.
@Suite struct PHIHighwaysAndRiversTests {
    @Test(arguments: [
        "He rolled his car on the [[Bruce Highway|ADDRESS]] near [[Gympie|ADDRESS]].",
        "Single vehicle crash on the [[Gillies Range Road|ADDRESS]] at night.",
        "Found by the [[Murray River|ADDRESS]] by a passer-by.",
        "Swimming in the [[Brisbane River|ADDRESS]] when he went under.",
        "Retrieved from the [[Gibb River Road|ADDRESS]], 40 km west of the airstrip.",
    ])
    func australianHighwaysAndRivers(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        "MVA on [[I-17|ADDRESS]] northbound at 0300.",
        "Route via [[US-385|ADDRESS]]/[[I-80|ADDRESS]] to the trauma center.",
        "Rollover on [[SR-87|ADDRESS]] this morning; restrained driver.",
        "Pulled from the [[Colorado River|ADDRESS]] by bystanders.",
        "Motorcycle down on the [[Pacific Coast Highway|ADDRESS]], helmeted.",
    ])
    func usHighwaysAndRivers(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        "Traffic on the freeway made her late; stuck on the interstate for an hour.",
        "Started on I-131 therapy after the thyroidectomy.",
        "Mosquito bites in the Ross River virus season.",
        "Referred to the [[Hunter River Hospital|ORGANIZATION]] by the GP.",
    ])
    func wordsThatAreNoRoad(_ row: String) {
        PHIPipelineTests.check(row)
        PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline)
    }
}
