import MedTextKit
import Testing

/// Rules-only recall of session 21 (issue #6, helper `rulesrecall`): classes behind the misses of the fresh dev notes
/// 941-980, each added as words of an existing rule (`phi/rule_words.tsv`, `phi/name_cues.tsv`). Rows are our own
/// invented text; each class keeps negative rows for the confounders a real note has next to it.
@Suite struct PHIRecallSession21Tests {
    /// Business endings that are also plain nouns (`org_suffixes` and `plain_noun_org_suffixes`: meats, aviation,
    /// garments, interpreters, contracting, surgeons) end an organisation's name when a distinctive word or an
    /// organisation preposition comes before them; the plain nouns in ordinary text stay words.
    @Test(arguments: [
        "He works day shifts at [[Tarrawonga Meats|ORGANIZATION]] on the chain.",
        "Retired; worked for [[Kestrel Aviation|ORGANIZATION]] for twenty years.",
        "Sleeves ordered from [[Bellwood Compression Garments|ORGANIZATION]] this week.",
        "Referred to Dr [[Ana Lee|NAME]], [[Brisbane Eye Surgeons|ORGANIZATION]], for cataract review.",
        "No processed meats, low salt diet advised.",
        "Seen by the Cardiothoracic Surgeons on the ward round.",
    ])
    func businessEndingsAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: [
        "Phone interpreter booked through [[Tranzlingo Interpreters|ORGANIZATION]] for the consent.",
        "She does payroll at [[Carrow Ridge Contracting|ORGANIZATION]] and works from home.",
        "Avoid processed meats, deli meats and soft cheeses in pregnancy.",
        "Discussed with the interpreters present; patient agrees.",
        "Continue normal saline and see the surgeons in the morning.",
    ])
    func businessEndingsUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// A known place after `out of` (`place_of_nouns`: a trade or trip based out of a town), and before a lower-case
    /// word of a site it names (`place_feature_nouns`: base, rooms, aerodrome); drugs, beds and anatomical bases stay
    /// out.
    @Test(arguments: [
        "He skippered a trawler out of [[Mooloolaba|ADDRESS]] for thirty years.",
        "Discussed with the retrieval doctor on call at the [[Alice Springs|ADDRESS]] base.",
        "Scan booked at our [[Chatswood|ADDRESS]] rooms on Friday.",
        "Plane met at the [[Longreach|ADDRESS]] aerodrome by road ambulance.",
        "Ran out of Ventolin yesterday; out of bed and mobilising.",
        "Acid base balance normal. Left base crackles; the base of the ulcer is clean.",
        "No chaperone offered; patient declined.",
    ])
    func placeFramesAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: [
        "Long-haul driver working out of [[Tulsa|ADDRESS]] until last year.",
        "She ran out of Lasix; out of Hospital care discussed.",
        "Family rooms are on level 2; the base of the wound is granulating.",
        "Hurt his knee in a playoff game at [[Delmont Stadium|ADDRESS]] on the weekend.",
        "Stadium seating is hard for him; he watches the games at home.",
    ])
    func placeFramesUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// A known place right after a home-town verb written without its preposition (telegraphic notes: `lives
    /// Newcastle`), like `born Hobart`; words that are no place stay out.
    @Test(arguments: [
        "Son resides [[Parramatta|ADDRESS]] with his wife; daughter lives [[Newcastle|ADDRESS]].",
        "Lives alone, independent with ADLs; lives Monday to Friday with her father.",
    ])
    func bareResidenceVerbAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    /// A facility name whose cue is followed by a colon that ends its line, after a place preposition, is a name that
    /// introduces what follows; a label line or a label with its value on the same line stays out.
    @Test(arguments: [
        "The hernia repair was done at [[Dunmore Valley Surgery Center|ORGANIZATION]]:\n- mesh placed, no complications.",
        "Referring Hospital:\nnone listed.",
        "Outpatient Surgery Center: pending authorization.",
    ])
    func facilityBeforeLineEndColonUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// A chaperone or witness before a name and a pilot's label (`name_cues.tsv`); the words in ordinary use stay out.
    @Test(arguments: [
        "Examination (chaperone [[Kerry-Ann Doyle|NAME]], EN) was unremarkable.",
    ])
    func peopleByRoleAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: [
        "Consent signed; witness [[Mara Quinlan|NAME]], RN.",
        "Pilot: [[Sam Okafor|NAME]]",
        "Witness statement taken by police. The witness was her neighbour.",
        "Pilot study enrolment discussed; pilot program not available.",
    ])
    func peopleByRoleUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }
}
