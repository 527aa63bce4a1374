import Foundation
import MedTextCore
import MedTextKit
import Testing

/// How clinicians write medicines beyond their common names, and where an allergy statement ends
/// (GUIDELINE §2, §7). Rows run the shipped pipeline (`GoldRuleTests.run`: `text|TYPE|TRAITS|ATTRS`).
@Suite struct MedicationMentionTests {
    /// The medication entities of `text` as `text|TYPE`.
    static func medications(_ text: String) -> [String] {
        let doc = GoldRuleTests.annotator.annotate(Document(text: text), linking: .none)
        return doc.entities.filter { $0.category == .medication }.map { "\(doc.document.text(in: $0.span))|\($0.type.rawValue)" }
    }

    /// An allergy list that has begun ends at a blank line; an allergy cue that closes its own
    /// clause or sits inside a condition's name governs no later drug; an organism "sensitive to"
    /// a drug is a susceptibility result, not an allergy.
    @Test(arguments: [
        // A medication table after an inline allergy line and a blank line.
        ("Allergies: lisinopril (angioedema); sulfa drugs (hives).\n\n| Home medication | Sig |\n|---|---|\n| Entresto 24-26 mg | 1 tab PO BID |\n| Farxiga 10 mg | 1 tab PO daily |",
         ["lisinopril|ALLERGIES||", "Entresto|BRAND_NAME||STRENGTH=24-26 mg,DOSAGE=1 tab,ROUTE_OR_MODE=PO,FREQUENCY=BID", "Farxiga|BRAND_NAME||STRENGTH=10 mg,DOSAGE=1 tab,ROUTE_OR_MODE=PO,FREQUENCY=daily"]),
        ("ALLERGIES: penicillin (rash)\n\nCurrent medications:\n- metformin 500 mg BD", ["penicillin|ALLERGIES||", "metformin|GENERIC_NAME||STRENGTH=500 mg,FREQUENCY=BD"]),
        ("Cefazolin 2 g IV (no beta-lactam allergy); tranexamic acid 1 g IV at incision.", ["tranexamic acid|GENERIC_NAME||STRENGTH=1 g,ROUTE_OR_MODE=IV"]),
        ("2. Allergic rhinitis - add fluticasone nasal spray daily.", ["fluticasone|GENERIC_NAME|FUTURE|FORM=nasal spray,FREQUENCY=daily"]),
        // (a labelled list of past trials is PAST_HISTORY, as the dev gold writes it)
        ("Previously tried: Alphagan P (allergic conjunctivitis), Diamox tablets (tingling).", ["Diamox|BRAND_NAME|PAST_HISTORY|FORM=tablets"]),
        ("Urine culture: E. coli sensitive to ceftriaxone and gentamicin.", ["ceftriaxone|GENERIC_NAME||", "gentamicin|GENERIC_NAME||"]),
        // Still allergens: a list under its own heading (a blank line before the list ends
        // nothing), an inline list, a cue before the drug, a cue right after it.
        ("ALLERGIES:\n\nPenicillin - rash\nCodeine - nausea", ["Penicillin|ALLERGIES||", "Codeine|ALLERGIES||"]),
        ("Allergies: penicillin (rash); codeine (nausea).", ["penicillin|ALLERGIES||", "codeine|ALLERGIES||"]),
        ("She is allergic to amoxicillin.", ["amoxicillin|ALLERGIES||"]),
        // (the reaction carries the history; the allergen is current, GUIDELINE §8 Allergies)
        ("Anaphylaxis to penicillin in 2019.", ["penicillin|ALLERGIES||", "Anaphylaxis|DX_NAME|PAST_HISTORY|TIME_TO_DX_NAME=2019"]),
        ("Drug intolerance: atorvastatin (myalgia).", ["atorvastatin|ALLERGIES||"]),
    ])
    func allergyStatementsEnd(text: String, rows: [String]) {
        let got = GoldRuleTests.run(text)
        for row in rows { #expect(got.contains(row), "\(got)") }
    }

    /// A mineral that names a lab test is the supplement when a dose form follows it; a result
    /// stays a test.
    @Test(arguments: [
        ("magnesium powder nocte for leg cramps", "magnesium|GENERIC_NAME||FORM=powder,FREQUENCY=nocte"),
        ("calcium tablets BD", "calcium|GENERIC_NAME||FORM=tablets,FREQUENCY=BD"),
        ("potassium tablets 2 BD", "potassium|GENERIC_NAME||FORM=tablets"),
        // Negatives: results and studies.
        ("Magnesium 0.7 mmol/L", "Magnesium|TEST_NAME||TEST_VALUE=0.7,TEST_UNIT=mmol/L"),
        ("Iron studies normal.", "Iron studies|TEST_NAME||TEST_VALUE=normal"),
    ])
    func supplementsNamedWithTheirForm(text: String, row: String) {
        let got = GoldRuleTests.run(text)
        #expect(got.contains { $0.hasPrefix(row) }, "\(got)")
    }

    /// A medication named with its level or a toxicology result is the test (GUIDELINE §5).
    @Test(arguments: [
        ("Lamotrigine level sent.", "Lamotrigine level|TEST_NAME|FUTURE|"),
        ("lithium level 0.8 mmol/L", "lithium level|TEST_NAME||TEST_VALUE=0.8,TEST_UNIT=mmol/L"),
        ("Repeat LFTs, INR and APAP level at end of infusion.", "APAP level|TEST_NAME||"),
        ("note clozapine levels rise if he quits", "clozapine levels|TEST_NAME||"),
        ("Ethanol negative. Salicylate undetectable.", "Ethanol|TEST_NAME||TEST_VALUE=negative"),
        // Negatives: the drug with its dose, and a level of something else after it.
        ("lithium 450 mg nocte", "lithium|GENERIC_NAME||STRENGTH=450 mg,FREQUENCY=nocte"),
        ("Continue digoxin; check K level.", "digoxin|GENERIC_NAME||"),
    ])
    func drugLevelsAreTests(text: String, row: String) {
        let got = GoldRuleTests.run(text)
        #expect(got.contains(row), "\(got)")
    }

    /// Shorthand, abbreviations, classes, vaccines by abbreviation and operating-theatre products
    /// that `lexicons/coverage/medication_mentions.txt` found missing.
    @Test(arguments: [
        ("azithro 500 mg PO daily", "azithro|GENERIC_NAME"),
        ("clinda 600 mg IV q8h", "clinda|GENERIC_NAME"),
        ("ceftriax 2 g IV daily", "ceftriax|GENERIC_NAME"),
        ("tobra nebs BD", "tobra|GENERIC_NAME"),
        ("PTU 100 mg TDS", "PTU|GENERIC_NAME"),
        ("given PCC 2000 units", "PCC|GENERIC_NAME"),
        ("ZnO paste to peri-wound skin", "ZnO|GENERIC_NAME"),
        ("Not on ARBs.", "ARBs|GENERIC_NAME"),
        ("Denies sleep aids or diet pills.", "sleep aids|GENERIC_NAME"),
        ("Denies sleep aids or diet pills.", "diet pills|GENERIC_NAME"),
        ("No supplements.", "supplements|GENERIC_NAME"),
        ("No oral steroids in the past year.", "oral steroids|GENERIC_NAME"),
        ("Series complete (DTaP, IPV, MMR).", "IPV|GENERIC_NAME"),
        ("Imojev (JE vaccine) single dose", "JE vaccine|GENERIC_NAME"),
        ("Prepped with ChloraPrep and draped.", "ChloraPrep|BRAND_NAME"),
        ("Layered closure, Dermabond to skin.", "Dermabond|BRAND_NAME"),
        ("Tisseel applied to the raw surface.", "Tisseel|BRAND_NAME"),
        ("Minims Tropicamide 1% both eyes", "Minims Tropicamide|BRAND_NAME"),
        ("lidocaine with adrenaline 1% 10 mL infiltrated", "lidocaine with adrenaline|GENERIC_NAME"),
        ("Suprep bowel prep the evening before", "Suprep|BRAND_NAME"),
        // Not a new drug: a word inside another drug's signature.
        ("Spinal: bupivacaine 0.5% isobaric 2.8 mL intrathecal.", "bupivacaine|GENERIC_NAME"),
    ])
    func shorthandClassesVaccinesAndTheatreProducts(text: String, row: String) {
        #expect(Self.medications(text).contains(row), "\(Self.medications(text))")
    }

    /// Negatives: words and abbreviations the shorthand must not take.
    @Test(arguments: [
        "A pleasant gent aged 80.",
        "Referred by Metro North Health.",
        "Skin glue closure.",
        "Oral intake poor; no oral thrush.",
        "Spinal: bupivacaine 0.5% isobaric 2.8 mL intrathecal.",
        "Antimicrobials:\n- Vancomycin - stopped yesterday",
        "Normal saline IV at 100 mL/hr.",
    ])
    func shorthandNegatives(text: String) {
        let meds = Self.medications(text)
        let wrong = ["gent|", "Metro|", "glue|", "oral|", "isobaric|", "Antimicrobials|", "at 100|"]
        #expect(!meds.contains { m in wrong.contains { m.hasPrefix($0) } }, "\(meds)")
    }
}
