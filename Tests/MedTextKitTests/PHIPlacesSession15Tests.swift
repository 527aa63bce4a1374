import MedTextKit
import Testing

/// Places in labels and itineraries, numbered streets without a house number, and what is no street in an ALL-CAPS run
/// sheet (issue #6, session 15, helper `phiplace`; GUIDELINE AD2). A known place after a label opening its line or field
/// (`field_place_labels`: Branch, Camp, Station, Base, Depot) or after a country's name and its colon in an itinerary; a
/// known place before the nights of a stay (`stay_nouns`); a rural or worker village and an outstation named like a
/// property (`property_words`), after a place label also when its words are ordinary words; a known place before a library
/// (`place_feature_nouns`); a numbered street after `on`, `off` or a place word, also when `on` ends the line above; a
/// known place opening the next line after an organisation and the comma ending the line above. Negatives: clock times (a leading zero), decimals, function words, prepositions and units in
/// ALL-CAPS lines, an upper-case `PT` before more words (the patient), ward names after `Location:`, a body site after
/// `Site:`, a service's station after `Station:` or `at`, and ordinal words that are no street.
@Suite struct PHIPlacesSession15Tests {
    @Test(arguments: [
        "Camp: [[Yandicoogina Village|ADDRESS]], room C-12",
        "Station: [[Tobermorey Downs|ADDRESS]], 90 km south of the highway",
        "Depot: [[Tamworth|ADDRESS]]   Driver: casual",
        "Usual residence: [[Yuelamu|ADDRESS]] outstation",
        "- Peru: [[Cusco|ADDRESS]] 4 nights, then the Sacred Valley.",
        "- [[Lisbon|ADDRESS]] 3 nights, then Porto.",
        "Meets her friends at the [[Ipswich|ADDRESS]] library on Fridays.",
        "ADDRESS: [[14 THE ESPLANADE, CAIRNS QLD 4870|ADDRESS]]",
        "Station: [[Spinifex Downs|ADDRESS]], 80 km east of the roadhouse",
        "Camp: [[Saltbush Village|ADDRESS]], room 12",
    ])
    func australianLabelsAndItineraries(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        "Branch: [[Wichita|ADDRESS]]   Intake by phone",
        "- Japan: [[Kyoto|ADDRESS]] 3 nights",
        "Itinerary: 10 days; [[Osaka|ADDRESS]] 2 nights.",
        "Works at a bakery on [[5th Avenue|ADDRESS]].",
        "Lives off [[21st St|ADDRESS]] near the park.",
        "ADDRESS: [[22 HERON PT, PENSACOLA, FL 32501|ADDRESS]]",
        "CABG [[2011|DATE]] at [[Mercy Medical Center|ORGANIZATION]],\n[[Janesville|ADDRESS]] (three grafts).",
        "A [[barista|PROFESSION]] at [[Lantern Coffee|ORGANIZATION]] on\n[[6th Avenue|ADDRESS]], weekdays.",
    ])
    func usLabelsItinerariesAndStreets(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        "AT SCENE 0641  AT PT 0643  DEPART 0722  AT HOSP 0808",
        "HPI: SUBSTERNAL PRESSURE 6/10 WOKE PT FROM SLEEP AT 0315, RADIATES TO L ARM.",
        "GIVEN: PARACETAMOL 1000 MG PR AT 0140. O2 2 L VIA NP.",
        "0215 NURSE NOTED PT DIAPHORETIC IN BED, BGL 2.9.",
        "1340 ETT 8.0 PLACED BY DR ON FIRST PASS.",
        "SON CALLED 1415 ASKING HOW SHE IS - NO INFORMATION GIVEN.",
        "AT 0110 CNA FOUND PT COUGHING AFTER A SNACK.",
        "Site: left deltoid, 0.5 mL IM.",
        "Location: Banksia wing, room 4",
        "Branch: Oncology; Station: 4B",
        "Slept poorly for 3 nights; worse the last 2 nights.",
        "Jordan 2 nights ago had a fever.",
        "Started on 2nd line therapy.",
        "Seen on 4th floor, bed 2.",
        "Reviewed on\n2nd day post op.",
        "Station: Nurses Station",
        "Left the bag at Railway Station.",
    ])
    func wordsThatAreNoPlace(_ row: String) {
        PHIPipelineTests.check(row)
        PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline)
    }
}
