import MedTextCore
import MedTextKit
import Testing

/// Trait cues written after the entity or around it that independent authors use for planned, conditional
/// and past events (GUIDELINE §8 FUTURE, HYPOTHETICAL, PAST_HISTORY): one class of text per group of rows,
/// each with rows that must stay as they are. Rows are `text|TYPE|TRAITS|ATTR=text,...` as in ``GoldRuleTests``.
@Suite struct TraitCueTests {
    static func rows(_ text: String) -> [String] { GoldRuleTests.run(text) }

    @Test(arguments: [
        // FUTURE: a test asked for, ordered or recommended, written after it.
        ("CTKUB requested.", "CTKUB|TEST_NAME|FUTURE|"),
        ("MRI brain ordered.", "MRI brain|TEST_NAME|FUTURE|"),
        ("MRI liver or biopsy recommended for confirmation.", "MRI liver|TEST_NAME|FUTURE|"),
        ("Pulmonary rehab referral placed.", "Pulmonary rehab|TREATMENT_NAME|FUTURE|"),
        // FUTURE: morning bloods and next-visit items of a plan, through a list.
        ("- CBC and BMP in AM; drain output monitoring", "CBC|TEST_NAME|FUTURE|"),
        ("- UEC, CRP in am", "UEC|TEST_NAME|FUTURE|"),
        ("Repeat viral load and CD4 at next visit.", "CD4|TEST_NAME|FUTURE|"),
        // FUTURE: the drug switched to.
        ("- Switch to ciprofloxacin 750 mg PO BID to complete 14 days.", "ciprofloxacin|GENERIC_NAME|FUTURE|STRENGTH=750 mg,ROUTE_OR_MODE=PO,FREQUENCY=BID,DURATION=14 days"),
        ("Continue cefazolin, transition to cephalexin 500 mg PO QID tomorrow.", "cephalexin|GENERIC_NAME|FUTURE|STRENGTH=500 mg,ROUTE_OR_MODE=PO,FREQUENCY=QID"),
        // HYPOTHETICAL: what a drug prevents, and a falls risk (the falls are the possible event).
        ("| Eliquis | 2.5 mg | 1 tab | bd | stroke prevention |", "stroke|DX_NAME|HYPOTHETICAL|"),
        ("DVT ppx: heparin 5000 units SC q8h.", "DVT|DX_NAME|HYPOTHETICAL|"),
        ("Falls risk - high, sensor mat on.", "Falls|DX_NAME|HYPOTHETICAL|"),
        // PAST_HISTORY: an event dated by a bare year written right after it.
        ("G3P1 (1 x miscarriage 2021, 1 x LSCS 2022 for failure to progress).", "LSCS|PROCEDURE_NAME|PAST_HISTORY|TIME_TO_PROCEDURE_NAME=2022"),
        ("- Colonoscopy 2019, two polyps removed.", "Colonoscopy|PROCEDURE_NAME|PAST_HISTORY|TIME_TO_PROCEDURE_NAME=2019"),
        ("Day 3 post anterior resection 2019.", "anterior resection|PROCEDURE_NAME|PAST_HISTORY|TIME_TO_PROCEDURE_NAME=2019"),
        // FUTURE: a test repeated at an interval.
        ("Annual skin exam.", "skin exam|TEST_NAME|FUTURE|"),
        ("Skin check yearly.", "Skin check|TEST_NAME|FUTURE|"),
        // HYPOTHETICAL: counselling about a condition, and a treatment that may be considered.
        ("Reviewed SJS warning.", "SJS|DX_NAME|HYPOTHETICAL|"),
        ("DCCV may be considered after anticoagulation.", "DCCV|PROCEDURE_NAME|HYPOTHETICAL|"),
        // PAST_HISTORY: a finished treatment.
        ("Completed enoxaparin.", "enoxaparin|GENERIC_NAME|PAST_HISTORY|"),
    ])
    func present(_ text: String, _ row: String) {
        #expect(Self.rows(text).contains(row), "\(Self.rows(text))")
    }

    /// Entities that must not carry the trait: `text`, the entity's text, the trait.
    @Test(arguments: [
        // A drug's morning dose is its frequency, not a plan.
        ("Furosemide 40 mg in the morning.", "Furosemide", "FUTURE"),
        ("Metformin 500 mg in AM.", "Metformin", "FUTURE"),
        // The drug switched from is no planned drug.
        ("Lisinopril - switched to losartan due to cough.", "Lisinopril", "FUTURE"),
        // A test done today with its result is no plan.
        ("HbA1c today 8.9%.", "HbA1c", "FUTURE"),
        // A disease dated by its onset is ongoing, and a four-digit amount is no year.
        ("Hypertension since 2015, on amlodipine.", "Hypertension", "PAST_HISTORY"),
        ("T2DM diagnosed 2009.", "T2DM", "PAST_HISTORY"),
        ("Heparin 2000 units IV bolus.", "Heparin", "PAST_HISTORY"),
        ("NT-proBNP 1950 ng/L.", "NT-proBNP", "PAST_HISTORY"),
        // A condition prevented is hypothetical, a condition treated is not.
        ("Apixaban for AF.", "AF", "HYPOTHETICAL"),
        // A drug's interval is its frequency, a drug warning no hypothetical drug, a test completed
        // now no history, and an allergen takes no history cue (the reaction does).
        ("Prolia 60 mg subcut 6-monthly.", "Prolia", "FUTURE"),
        ("Ciprofloxacin warning given.", "Ciprofloxacin", "HYPOTHETICAL"),
        ("CT abdomen completed today.", "CT abdomen", "PAST_HISTORY"),
        ("Allergies: Penicillin - rash as a child.", "Penicillin", "PAST_HISTORY"),
    ])
    func absent(_ text: String, _ entity: String, _ trait: String) {
        let hits = Self.rows(text).filter { $0.hasPrefix(entity + "|") }
        #expect(!hits.isEmpty, "\(Self.rows(text))")
        #expect(!hits.contains { $0.split(separator: "|", omittingEmptySubsequences: false)[2].split(separator: ",").contains(Substring(trait)) },
                "\(Self.rows(text))")
    }
}
