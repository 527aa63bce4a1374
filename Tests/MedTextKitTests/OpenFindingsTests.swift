import MedTextCore
import MedTextKit
import Testing

/// Open-vocabulary negated findings (EntityRecognizer/OpenFindings.swift): unknown words a
/// negation cue governs become negated DX_NAME entities without a concept; anything the context
/// rules do not negate, and anything that is not finding-like, is never reported.
@Suite struct OpenFindingsTests {
    @Test(arguments: [
        // A word the lexicon lacks, with a finding suffix or not ordinary English.
        ("Iris: no synechiae.", ["synechiae|DX_NAME|NEGATION|"]),
        ("Fundus: no IRMA.", ["IRMA|DX_NAME|NEGATION|"]),
        // Lexicon words in a list after one cue.
        ("Retina flat, no tears or holes.", ["tears|DX_NAME|NEGATION|", "holes|DX_NAME|NEGATION|"]),
        // "not" governs one lexicon or suffix word.
        ("Secretions not purulent.", ["purulent|DX_NAME|NEGATION|"]),
    ])
    func negatedUnknownFindingsAreReported(text: String, expected: [String]) {
        let rows = GoldRuleTests.run(text).filter { $0.contains("|DX_NAME|") }
        for row in expected { #expect(rows.contains(row), "\(rows)") }
    }

    @Test(arguments: [
        "Rubeosis present.",                       // never affirmed: only ConText-negated candidates stay
        "No family history of synechiae.",          // a relative's negated finding is not reported
        "No refills. No drains.",                  // words that never head a finding
        "Not making sense.",                       // "not" governs one finding word only
        "Denies completely eliminating salt.",     // an adverb ends the run
        "No injected sclera.",                     // an adjective/participle is no head
        "Do not crush. No sleep aids.",
        "MDQ not repeated.",                       // an action after 'not' (session 6)
        "Insulin infusion, no bolus.",
        "Prolia: not due.",
    ])
    func nonFindingsAreNotReported(text: String) {
        let open = GoldRuleTests.annotator.annotate(Document(text: text), linking: .none).entities
            .filter { $0.evidence.contains { $0.ruleID == "open:negated-finding" } }
        #expect(open.isEmpty)
    }

    /// "no [retroperitoneal] or pelvic [lymphadenopathy]": the first item modifies the shared
    /// head; only the lexicon entity is reported.
    @Test func coordinatedModifiersAreNotFindings() {
        let rows = GoldRuleTests.run("No retroperitoneal or pelvic lymphadenopathy.")
        #expect(rows.filter { $0.contains("|DX_NAME|") } == ["lymphadenopathy|DX_NAME|NEGATION|"])
    }

    @Test func openFindingsCarryNoConceptAndALowerScore() {
        let doc = GoldRuleTests.annotator.annotate(Document(text: "Iris: no synechiae."), linking: .none)
        let e = doc.entities.first { doc.document.text(in: $0.span) == "synechiae" }
        #expect(e?.conceptIDs == [])
        #expect(e?.score == 0.6)
        #expect(e?.evidence.first?.ruleID == "open:negated-finding")
    }
}

/// Open-vocabulary medications (EntityRecognizer/OpenMedications.swift): an unknown word with a
/// dose signature is a drug; test results, doses after ordinary words and names are not.
@Suite struct OpenMedicationsTests {
    @Test(arguments: [
        ("Meds: Blorvatix 35 mg BD PO.", "Blorvatix|BRAND_NAME||STRENGTH=35 mg,FREQUENCY=BD,ROUTE_OR_MODE=PO"),
        ("quenzamide 10 mg nocte", "quenzamide|GENERIC_NAME||STRENGTH=10 mg,FREQUENCY=nocte"),
        ("KARDIQUON 2.5 MG DAILY", "KARDIQUON|GENERIC_NAME||STRENGTH=2.5 MG,FREQUENCY=DAILY"),
    ])
    func unknownDrugsWithASignatureAreMedications(text: String, row: String) {
        #expect(GoldRuleTests.has(text, row), "\(GoldRuleTests.run(text))")
    }

    @Test(arguments: [
        "Hb 142 g/L, CRP 5 mg/L.",           // test units
        "Given 2 g IV stat.",                 // an ordinary word before the dose
        "Blorvatix 35 mg.",                   // no frequency or route: not enough evidence
        "O2Sat 95 mg daily",                  // digits in the word
        "totaled 20 mg daily",                // a past tense
    ])
    func otherShapesAreNot(text: String) {
        let open = GoldRuleTests.annotator.annotate(Document(text: text), linking: .none).entities
            .filter { $0.evidence.contains { $0.ruleID == "open:medication-with-sig" } }
        #expect(open.isEmpty)
    }
}
