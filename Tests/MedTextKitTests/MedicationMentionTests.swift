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
        ("Previously tried: Alphagan P (allergic conjunctivitis), Diamox tablets (tingling).", ["Diamox|BRAND_NAME|PAST_HISTORY|FORM=tablets"]),
        ("Urine culture: E. coli sensitive to ceftriaxone and gentamicin.", ["ceftriaxone|GENERIC_NAME||", "gentamicin|GENERIC_NAME||"]),
        // Still allergens: a list under its own heading (a blank line before the list ends
        // nothing), an inline list, a cue before the drug, a cue right after it.
        ("ALLERGIES:\n\nPenicillin - rash\nCodeine - nausea", ["Penicillin|ALLERGIES||", "Codeine|ALLERGIES||"]),
        ("Allergies: penicillin (rash); codeine (nausea).", ["penicillin|ALLERGIES||", "codeine|ALLERGIES||"]),
        ("She is allergic to amoxicillin.", ["amoxicillin|ALLERGIES||"]),
        ("Known penicillin allergy.", ["penicillin|ALLERGIES||"]),
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
        ("iron tablets daily", "iron|GENERIC_NAME||FORM=tablets,FREQUENCY=daily"),
        ("zinc capsules 1 daily", "zinc|GENERIC_NAME||"),
        // Negatives: results and studies.
        ("Magnesium 0.7 mmol/L", "Magnesium|TEST_NAME||TEST_VALUE=0.7,TEST_UNIT=mmol/L"),
        ("Iron studies normal.", "Iron studies|TEST_NAME||TEST_VALUE=normal"),
    ])
    func supplementsNamedWithTheirForm(text: String, row: String) {
        let got = GoldRuleTests.run(text)
        #expect(got.contains { $0.hasPrefix(row) }, "\(got)")
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
    ])
    func shorthandClassesVaccinesAndTheatreProducts(text: String, row: String) {
        #expect(Self.medications(text).contains(row), "\(Self.medications(text))")
    }

    /// Negatives: words and abbreviations the shorthand must not take.
    @Test(arguments: [
        "A pleasant gent aged 80.",
        "Referred by Metro North Health.",
        "Skin glue closure.",
        "On supplemental oxygen at night.",
        "Oral intake poor; no oral thrush.",
    ])
    func shorthandNegatives(text: String) {
        let meds = Self.medications(text)
        #expect(!meds.contains { $0.hasPrefix("gent|") || $0.hasPrefix("Metro|") || $0.hasPrefix("glue|") || $0.hasPrefix("supplemental") || $0.hasPrefix("oral|") }, "\(meds)")
    }
}
