import MedTextKit
import Testing

/// Named natural and travel places, church parishes and credentials that are also state codes (issue #6, session 18, helper
/// `phiplace`; GUIDELINE AD2 and §6). A capitalised head word of `feature_heads` (Airport, Cemetery, Island, Lake, Mountain,
/// Reef, Docks, ...) after one to three capitalised words, or a capitalised word of `feature_prefixes` (Mount, Mt, Lake)
/// before one, names a place that locates the patient: ADDRESS, whatever comes before it. A church's parish
/// (`parish_openers`: Sacred Heart Parish, St. Gerard Majella Parish) is an organisation, no county; a person's name and a
/// credential that is also a state code (`Kendra Lindqvist, MS`) is no town and state. Negatives: a state (`Rhode Island`),
/// a known organisation (`Mount Sinai`), a facility after the place
/// (`Mount Druitt Hospital`), eponym followers (`Lake Louise score`, `Rocky Mountain spotted fever`), anatomy (`islands of
/// Langerhans`), street names, and towns before a state code that is also a credential or degree.
@Suite struct PHIPlacesSession18Tests {
    @Test(arguments: [
        "Depart [[Archerfield Airport|ADDRESS]] 0330, arrive [[Cairns Airport|ADDRESS]] 0555.",
        "Funeral on Friday; burial at\n[[Wattle Grove Cemetery|ADDRESS]] after the service.",
        "Works as a [[deckhand|PROFESSION]] on the [[Magnetic Island|ADDRESS]] run.",
        "Goal: walk the [[Yarralumla Lake|ADDRESS]] loop with her grandson.",
        "Fell while skiing at [[Mt Buller|ADDRESS]] last winter.",
        "Snorkelling at [[Hastings Reef|ADDRESS]], no decompression.",
        "Swims most mornings in [[Lake Eacham|ADDRESS]] with a friend.",
        "Retrieval: flew from [[Learmonth Airport|ADDRESS]] at 0710, landed at [[Jandakot|ADDRESS]].",
        "Member of [[Sacred Heart Parish|ORGANIZATION]]; the priest visits monthly.",
        "Chaplain from [[St. Gerard Majella Parish|ORGANIZATION]] visited.",
        "She sings at [[St Patrick's Parish|ORGANIZATION]] on Sundays.",
        "Family attends [[Christ the King Parish|ORGANIZATION]].",
        "[[Mount Druitt Hospital|ORGANIZATION]] discharge summary reviewed.",
        "Admitted to [[Mount Isa Hospital|ORGANIZATION]] overnight.",
        "Worked on the killing floor at [[Dinmore Meatworks|ORGANIZATION]] until [[2024|DATE]].",
        "Monks from [[Springvale Buddhist Vihara|ORGANIZATION]] visited on Sunday.",
        "Orchard supervisor at [[Lemnos Valley Orchards|ORGANIZATION]] since [[2019|DATE]].",
    ])
    func australianPlacesAndParishes(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        "Flight lands at [[Hector International Airport|ADDRESS]] 06:35.",
        "Her father died hiking on [[Mount Baldy|ADDRESS]] in [[1994|DATE]].",
        "He was a dock master at the [[Sponge Docks|ADDRESS]] for years.",
        "Trip: [[Lake Tahoe|ADDRESS]] for a week, then home.",
        "Camped near [[Havasu Canyon|ADDRESS]] for a week.",
        "Buried at [[Greenwood Cemetery|ADDRESS]].",
        "Delivered lambs to the [[Yakima Abattoir|ORGANIZATION]] each spring.",
        "went fishing on [[Lake Okoboji|ADDRESS]] all summer.",
        "She is a lifelong member of [[Our Lady of Lourdes Parish|ORGANIZATION]].",
        "Chaplain from [[St. Anthony of Padua Parish|ORGANIZATION]] came at the family's request.",
        "Exercise physiologist: [[Kendra Lindqvist|NAME]], MS, ACSM-CEP",
        "Referred to [[Lakshmi Varadarajan|NAME]], MD, for review.",
        "Seen in [[Olive Branch, MS|ADDRESS]] last year.",
    ])
    func usPlacesAndParishes(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        "Rhode Island license plate on her car.",
        "Rocky Mountain spotted fever was ruled out.",
        "Lake Louise score 5 on arrival at altitude.",
        "Beta cells of the islands of Langerhans.",
        "The cyst lies near the Island of Reil.",
        "Mountain biking twice a week.",
        "Airport security staff helped him.",
    ])
    func wordsThatAreNoPlace(_ row: String) {
        PHIPipelineTests.check(row)
        PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline)
    }
}
