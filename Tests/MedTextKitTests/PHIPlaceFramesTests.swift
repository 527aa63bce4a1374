import MedTextKit
import Testing

/// Towns named by their frame (issue #6, session 12, helper `phiplace`): a known place before a lower-case word of a site
/// it names (`place_feature_nouns`), a place right after `born` without `in`; rows for a known place alone in brackets
/// after an organisation (the `phitype` helper's rule of the same session) pin that class in both locales. GUIDELINE §5 (AD2: the town
/// alone; the site word stays out) and O1/O3 (a town after an organisation behind a separator is its own ADDRESS).
/// Negatives: frequent given names and ordinary words before a site word, a town written straight after an organisation's
/// name (part of the name), generic clinics, and ALL-CAPS words before a comma and a state code that is also a word.
@Suite struct PHIPlaceFramesTests {
    @Test(arguments: [
        // A known place before a lower-case word of a site it names: the place alone.
        "He fishes off the [[Frankston|ADDRESS]] pier most mornings.",
        "Mother studying at [[Chisholm TAFE|ORGANIZATION]] ([[Dandenong|ADDRESS]] campus).",
        "Hearing aids from Hearing Australia, [[Moorooka|ADDRESS]] centre.",
        "He started at the [[Orange|ADDRESS]] campus this year.",
        "The [[Geelong|ADDRESS]] plant closed in [[2019|DATE]].",
        "Volunteers with the [[Queenscliff|ADDRESS]] lifeboat crew on weekends.",
        "Clinician: Dr [[Smith|NAME]] (GP, [[Coonamble|ADDRESS]] site)",
        // A known place alone in brackets after an organisation and its store number.
        "Scripts filled at [[Priceline Pharmacy #412|ORGANIZATION]] ([[Dubbo|ADDRESS]]).",
        // `born` and a place without `in`.
        "Born [[Hobart|ADDRESS]], raised in [[Perth|ADDRESS]].",
    ])
    func australianPlaceFrames(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        // A known place alone in brackets after an organisation, also when the town is a given name too.
        "Refills from [[Fred Meyer #671|ORGANIZATION]] ([[Tacoma|ADDRESS]]) and [[Safeway #1559|ORGANIZATION]] ([[Lakewood|ADDRESS]]).",
        "Pediatrician: Dr [[Asante|NAME]], [[Santiam Pediatrics|ORGANIZATION]] ([[Stayton|ADDRESS]]).",
        // A rare given name is no obstacle before a site word.
        "His wife left the [[Tulsa|ADDRESS]] depot in [[June|DATE]].",
        "Grandfather born [[Tuam|ADDRESS]]; [[coal miner|PROFESSION]] in [[Scranton|ADDRESS]].",
        "Her father was born [[Limerick|ADDRESS]], Ireland.",
        // Towns with a state code that is also a word stay addresses.
        "Moved from [[SALEM, OR|ADDRESS]] last year.",
    ])
    func usPlaceFrames(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        // Frequent given names, ordinary words and eponyms before a site word; generic clinics.
        "She attends the Hope clinic weekly.",
        "She attends the Austin clinic weekly.",
        "Reviewed at the Mayo clinic in [[2019|DATE]].",
        "Referred to the falls clinic and the wound clinic.",
        // A town written straight after an organisation's name is part of the name (GUIDELINE O3), not a place alone.
        "Her daughter is a [[teller|PROFESSION]] at the [[Westpac|ORGANIZATION]] Blacktown branch.",
        // `born` before words that are no place.
        "Born premature at 32 weeks; born by caesarean section.",
        // An ALL-CAPS heading word before a comma and a state code that is also a word (OR, IN, OK) is no town.
        "There is no evidence for ,HYDRONEPHROSIS, or ,PERINEPHRIC ,fluid collections.",
        "Rule out PNEUMONIA, OK to discharge; no ASCITES, IN the pelvis.",
        "Seen with Dr [[Patel|NAME]] (Cardiology), booked for the echo clinic.",
    ])
    func wordsThatAreNoPlace(_ row: String) {
        PHIPipelineTests.check(row)
        PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline)
    }

    /// A known place before a police, fire, rescue or EMS word names a government-run service's locality: the town is an
    /// ADDRESS, the service no organisation (GUIDELINE §6), also in an ALL-CAPS note where the organisation rules do not run.
    @Test(arguments: [
        "Brought in by the [[Dubbo|ADDRESS]] Police after a fall.",
        "She was picked up by [[Kent|ADDRESS]] Police Department last week.",
        "CREW ARRIVED 0612. PT SITTING IN CHAIR, ALERT.\nALSO ON SCENE: [[GREAT BEND|ADDRESS]] FIRE ENGINE 2.\nPT TRANSPORTED CODE 1.",
        // A given name or word before the service word is no town.
        "Hope Fire Brigade attended.",
    ])
    func townsOfEmergencyServices(_ row: String) {
        PHIPipelineTests.check(row)
        PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline)
    }
}
