import Foundation
import MedTextCore
import MedTextKit
import Testing

/// Medication vocabulary breadth (session 6): the shipped lexicons know the medicines commonly
/// prescribed, dispensed and bought in Australia and the US, as brand and generic names, fixed
/// combinations, vaccines, fluids, topicals and OTC products; and ordinary words that are also some
/// product's name elsewhere are not medications. `lexicons/coverage/common_medicines.txt` is the
/// list (our own); `scripts/lexicons/med_coverage.py` prints the same report through the CLI.
@Suite struct MedicationCoverageTests {
    /// (name, expected type) rows of the coverage list, in file order.
    static let list: [(name: String, type: String)] = load("common_medicines.txt")

    /// (name, expected type) rows of a list in `lexicons/coverage/`, in file order.
    static func load(_ file: String) -> [(name: String, type: String)] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../lexicons/coverage/\(file)").standardized
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var rows: [(String, String)] = []
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix("#"), !line.hasPrefix("@") else { continue }
            let type: String
            switch line[..<colon] {
            case "generic": type = "GENERIC_NAME"
            case "us", "au", "both": type = "BRAND_NAME"
            default: continue
            }
            for name in line[line.index(after: colon)...].split(separator: ",") {
                let n = name.trimmingCharacters(in: .whitespaces)
                if !n.isEmpty { rows.append((n, type)) }
            }
        }
        return rows
    }

    static let prefix = "Medications:\n- "

    /// The MEDICATION entities overlapping `name` in a one-line medication list.
    static func medications(_ name: String) -> [(text: String, type: String, whole: Bool, head: Bool)] {
        let text = prefix + name + "\n"
        let doc = GoldRuleTests.annotator.annotate(Document(text: text), linking: .none)
        let begin = prefix.utf8.count, end = begin + name.utf8.count
        return doc.entities.filter { $0.category == .medication && $0.span.end > begin && $0.span.start < end }.map { e in
            let s = Int(e.span.start), t = Int(e.span.end)
            let next = t - begin < name.utf8.count ? Array(name.utf8)[t - begin] : 0
            return (String(doc.document.text(in: e.span)), e.type.rawValue, s == begin && t == end,
                    s == begin && t < end && (next == UInt8(ascii: " ") || next == UInt8(ascii: "-")))
        }
    }

    /// Every name is found as ONE medication covering it, or covering its first words (`Xigduo`
    /// of `Xigduo XR`, `Symbicort` of `Symbicort Turbuhaler`: release and device words are FORM).
    /// The few known gaps are listed; a new gap fails the test with its name.
    @Test func commonMedicinesAreRecognised() {
        #expect(Self.list.count >= 3000)
        let knownGaps: Set<String> = [
            // A copper intrauterine device: no ingredient row to link the brand to.
            "Paragard",
        ]
        var misses: [String] = []
        for (name, _) in Self.list where !knownGaps.contains(name) {
            let found = Self.medications(name)
            if !(found.count == 1 && (found[0].whole || found[0].head)) {
                misses.append("\(name) -> \(found.map { $0.text })")
            }
        }
        #expect(misses.isEmpty, "\(misses.count) of \(Self.list.count) not recognised: \(misses)")
    }

    /// The second, independent list (`medication_mentions.txt`): abbreviations and formulae,
    /// ward shorthand, salt forms, classes and generic mentions, vaccines by abbreviation, insulin
    /// and injector devices, theatre products, specialist and less common brands. Known gaps are
    /// listed with their reason; a new gap fails the test with its name.
    @Test func medicationMentionsAreRecognised() {
        let mentions = Self.load("medication_mentions.txt")
        #expect(mentions.count >= 1100)
        let knownGaps: Set<String> = [
            // Abbreviations whose other sense wins without a cue in a one-line list: LAMA (left
            // against medical advice), INH (inhaled), gent (gentleman), dex/pred/metro (lower-case
            // shorthand that needs a dose or route cue), FTC (a duplicate case-sensitive row).
            "LAMA", "INH", "gent", "dex", "pred", "metro", "FTC", "amoxy",
            // Immunoglobulin given as a treatment (TREATMENT_NAME in procedures.tsv).
            "IVIG",
            // Products whose ingredients have no medication row here.
            "Xermelo", "Spersallerg", "Cerumol", "Ceruminex", "Aquaear", "Cepacaid",
        ]
        var misses: [String] = []
        for (name, _) in mentions where !knownGaps.contains(name) {
            let found = Self.medications(name)
            if !(found.count == 1 && (found[0].whole || found[0].head)) {
                misses.append("\(name) -> \(found.map { $0.text })")
            }
        }
        #expect(misses.isEmpty, "\(misses.count) of \(mentions.count) not recognised: \(misses)")
    }

    @Test(arguments: [
        // Australian PBS brands and their product lines.
        ("Somac", "BRAND_NAME"), ("Coversyl", "BRAND_NAME"), ("Karvea", "BRAND_NAME"), ("Noten", "BRAND_NAME"),
        ("Cartia", "BRAND_NAME"), ("Diaformin", "BRAND_NAME"), ("Targin", "BRAND_NAME"), ("Endone", "BRAND_NAME"),
        ("Panadol Osteo", "BRAND_NAME"), ("Optisulin", "BRAND_NAME"), ("NovoRapid", "BRAND_NAME"),
        ("Ostelin", "BRAND_NAME"), ("Coloxyl with Senna", "BRAND_NAME"), ("Champix", "BRAND_NAME"),
        ("Glyade", "BRAND_NAME"), ("Trajentamet", "BRAND_NAME"), ("Colgout", "BRAND_NAME"), ("Progout", "BRAND_NAME"),
        ("Pepzan", "BRAND_NAME"), ("Ondaz", "BRAND_NAME"), ("Nausetil", "BRAND_NAME"), ("Paxtine", "BRAND_NAME"),
        ("Buscopan Forte", "BRAND_NAME"), ("Septrin Forte", "BRAND_NAME"), ("Movicol Half", "BRAND_NAME"),
        ("Hydromorph Contin", "BRAND_NAME"), ("Fluad Quad", "BRAND_NAME"), ("Vaxigrip Tetra", "BRAND_NAME"),
        ("Infanrix IPV", "BRAND_NAME"), ("Neo B12", "BRAND_NAME"), ("Albumex 20", "BRAND_NAME"),
        ("Sustagen", "BRAND_NAME"), ("Fortisip", "BRAND_NAME"), ("QV Cream", "BRAND_NAME"), ("Dermeze", "BRAND_NAME"),
        ("Calcium Sandoz", "BRAND_NAME"), ("Caltrate Bone & Muscle", "BRAND_NAME"), ("Ostelin Vitamin D", "BRAND_NAME"),
        // Australian branded generics and wound-care products (nursing notes).
        ("Salpraz", "BRAND_NAME"), ("Oziclide", "BRAND_NAME"), ("Ranmoxy", "BRAND_NAME"), ("Perindo", "BRAND_NAME"),
        ("Aquacel Ag", "BRAND_NAME"), ("Prontosan", "BRAND_NAME"), ("Mepilex Border", "BRAND_NAME"), ("Inadine", "BRAND_NAME"),
        ("Moviprep", "BRAND_NAME"), ("Nulax", "BRAND_NAME"),
        // US brands.
        ("DuoNeb", "BRAND_NAME"), ("Z-Pak", "BRAND_NAME"), ("Benefiber", "BRAND_NAME"), ("Dramamine", "BRAND_NAME"),
        ("Cortisporin", "BRAND_NAME"), ("Centrum Silver", "BRAND_NAME"), ("Caltrate 600+D", "BRAND_NAME"),
        // Combination generics, hyphen and slash (one span, GUIDELINE §2).
        ("lisinopril-hydrochlorothiazide", "GENERIC_NAME"), ("losartan/HCTZ", "GENERIC_NAME"),
        ("amoxicillin/clavulanic acid", "GENERIC_NAME"), ("budesonide/formoterol", "GENERIC_NAME"),
        ("fluticasone-salmeterol", "GENERIC_NAME"), ("sitagliptin/metformin", "GENERIC_NAME"),
        ("perindopril/amlodipine", "GENERIC_NAME"), ("ipratropium-albuterol", "GENERIC_NAME"),
        ("fluticasone furoate/umeclidinium/vilanterol", "GENERIC_NAME"), ("amphetamine-dextroamphetamine", "GENERIC_NAME"),
        ("tramadol/paracetamol", "GENERIC_NAME"), ("dorzolamide/timolol", "GENERIC_NAME"),
        // Products written by their generic name.
        ("multivitamin", "GENERIC_NAME"), ("vitamin B complex", "GENERIC_NAME"), ("artificial tears", "GENERIC_NAME"),
        ("half normal saline", "GENERIC_NAME"), ("glucose gel", "GENERIC_NAME"), ("Ringer's solution", "GENERIC_NAME"),
        ("glucose tablets", "GENERIC_NAME"), ("senna-docusate", "GENERIC_NAME"), ("biphasic insulin aspart", "GENERIC_NAME"),
        // Shorthand and lay names; a named vaccination is the vaccine.
        ("vit D3", "GENERIC_NAME"), ("vit C", "GENERIC_NAME"), ("blue puffer", "GENERIC_NAME"), ("stool softeners", "GENERIC_NAME"),
        ("4-factor PCC", "GENERIC_NAME"), ("hepatitis B vaccination", "GENERIC_NAME"), ("pneumococcal vaccination", "GENERIC_NAME"),
    ])
    func namesAreOneMedication(name: String, type: String) {
        let found = Self.medications(name)
        #expect(found.count == 1 && found[0].whole && found[0].type == type, "\(name): \(found)")
    }

    /// `the flu` is a lay name of influenza; `had the flu vaccine` is the vaccine (leftmost-longest
    /// would otherwise read the illness), and `had the flu` stays the illness.
    @Test func fluVaccineIsNotTheIllness() {
        #expect(GoldRuleTests.run("Had the flu vaccine this year.").contains { $0.contains("flu vaccine|GENERIC_NAME|") })
        #expect(GoldRuleTests.run("Had the flu last week.").contains { $0.hasPrefix("the flu|DX_NAME|") })
    }

    /// Device names are FORM words of the drug before them, never a brand of their own (UNII lists
    /// `GENUAIR` as a brand name; scripts/lexicons/unii_sources.py drops dose-form and device terms).
    @Test func deviceNamesAreNotBrands() {
        let rows = GoldRuleTests.run("Bretaris Genuair 322 mcg 1 puff bd")
        #expect(rows.contains { $0.hasPrefix("Bretaris|BRAND_NAME|") && $0.contains("FORM=Genuair") }, "\(rows)")
        #expect(!rows.contains { $0.hasPrefix("Genuair|") }, "\(rows)")
    }

    /// Ordinary words and clinical words that are some product's name somewhere, or that a spaced
    /// hyphenated brand could produce, are not medications in ordinary sentences.
    @Test(arguments: [
        "Patient to ensure adequate fluid intake.",
        "Refresh the dressing daily.",
        "Resolve with rest; boost oral intake.",
        "Align the fracture under sedation.",
        "Quick review today, slow progress with physio.",
        "Vaccines up to date.",
        "Immunisations: up to date.",
        // The bare class word names the immunisation record, not a drug (gold dev: never annotated).
        "- Vaccines: due at next visit.",
        "No reaction to previous vaccines.",
        // A hyphenated UNII brand made of ordinary words (`PRE-OP`) and a clinical word.
        "Cease 7 days pre-op.",
        "Wound cleansed, dressing intact, foam dressing applied.",
    ])
    func ordinaryWordsAreNotMedications(text: String) {
        let meds = GoldRuleTests.annotator.annotate(Document(text: text), linking: .none).entities
            .filter { $0.category == .medication }
        #expect(meds.isEmpty, "\(text): \(meds.map { $0.type.rawValue })")
    }

    /// Medications under a Plan or Mx heading (GUIDELINE §8): new drugs are FUTURE; a drug after a
    /// current-drug cue (continue, increase, cease, hold), in a conditional or deliberative sentence,
    /// or already given, is not; a medication list is untouched.
    @Test(arguments: [
        ("Plan:\n- Start atorvastatin 20 mg nightly.", "atorvastatin", true),
        ("Mx:\n- Prednisolone 50mg mane x 5/7", "Prednisolone", true),
        ("Plan:\n- Cease Nurofen; use Panadol Osteo 1330mg tds instead.", "Panadol Osteo", true),
        ("Plan:\n- Hold metformin for contrast.", "contrast", true),
        ("Plan:\n- Hold metformin for contrast.", "metformin", false),
        ("Plan:\n- Continue metformin 500 mg bd.", "metformin", false),
        ("Plan:\n- Cont digoxin 62.5mcg mane, bisoprolol 2.5mg daily", "digoxin", false),
        ("Plan:\n- Increase lamotrigine to 150 mg daily.", "lamotrigine", false),
        ("Plan:\n- Losartan 50 mg daily if UACR remains high.", "Losartan", false),
        ("Plan:\n- Discuss Ezetrol at next visit.", "Ezetrol", false),
        ("Mx:\n- Plasma-Lyte 2L bolus given, reassess.", "Plasma-Lyte", false),
        ("Medications:\n- Prednisolone 50mg mane", "Prednisolone", false),
    ])
    func plannedMedicationsAreFuture(text: String, drug: String, future: Bool) {
        let doc = GoldRuleTests.annotator.annotate(Document(text: text), linking: .none)
        let e = doc.entities.first { $0.category == .medication && doc.document.text(in: $0.span) == drug }
        #expect(e != nil, "\(drug) not found")
        #expect(e?.traits.contains(.future) == future, "\(drug): \(e?.traits.names ?? [])")
    }
}
