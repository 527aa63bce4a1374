import MedTextCore
import MedTextKit
import Testing

/// Where a body-site word is an ANATOMY entity and where it is part of something else (GUIDELINE §4,
/// §5, G2), and which generic test words name a test: one row per class of text, each with rows that
/// must stay as they are. Rows are `text|TYPE|TRAITS|ATTR=text,...` as in ``GoldRuleTests``.
@Suite struct AnatomyAndTestSpanTests {
    static func rows(_ text: String) -> [String] { GoldRuleTests.run(text) }

    /// Rows that must be present.
    @Test(arguments: [
        // An imaging word and the site written with it are one TEST_NAME (GUIDELINE §5).
        ("- CT abdo/pelvis with PR contrast today.", "CT abdo/pelvis|TEST_NAME||"),
        ("XR hands and feet: no erosions.", "XR hands and feet|TEST_NAME||"),
        ("US abdo: findings of appendicitis.", "US abdo|TEST_NAME||"),
        ("Hand x-rays show no erosions.", "Hand x-rays|TEST_NAME||"),
        // A side between the imaging word and the site, or "of the": the side and site are the test's attributes.
        ("XRAY LEFT WRIST - 3 views", "XRAY|TEST_NAME||DIRECTION=LEFT,SYSTEM_ORGAN_SITE=WRIST"),
        ("MRI L knee next week.", "MRI|TEST_NAME|FUTURE|DIRECTION=L,SYSTEM_ORGAN_SITE=knee"),
        ("Ultrasound of the left kidney: normal.", "Ultrasound|TEST_NAME||DIRECTION=left,SYSTEM_ORGAN_SITE=kidney"),
        // Two-word and abbreviated qualitative results.
        ("Blood cultures: no growth at 48h.", "Blood cultures|TEST_NAME||TEST_VALUE=no growth"),
        ("Blood cx NGTD.", "Blood cx|TEST_NAME||TEST_VALUE=NGTD"),
        // Eye and skin examinations are tests.
        ("Hydroxychloroquine 200 mg twice daily; baseline eye examination.", "eye examination|TEST_NAME||"),
        ("Full skin exam performed.", "Full skin exam|TEST_NAME||"),
        // Sites that stay ANATOMY entities.
        ("Cannula sited in the left arm.", "arm|SYSTEM_ORGAN_SITE||DIRECTION=left"),
        ("Chest: coarse crackles R base.", "Chest|SYSTEM_ORGAN_SITE||"),  // a site heading (A1)
        // Headings that name a body system or region are sites too (GUIDELINE §4 A1).
        ("Resp: clear, nil wheeze.", "Resp|SYSTEM_ORGAN_SITE||"),
        ("CVS: HS dual, nil added.", "CVS|SYSTEM_ORGAN_SITE||"),
        ("HEENT: anicteric.", "HEENT|SYSTEM_ORGAN_SITE||"),
        ("MSK: negative for back pain.", "MSK|SYSTEM_ORGAN_SITE||"),
        ("Exam:\nCV: RRR, no murmur\nGI: soft\nNeuro: grossly intact", "Neuro|SYSTEM_ORGAN_SITE||"),
        ("Exam:\nCV: RRR, no murmur\nGI: soft\nNeuro: grossly intact", "GI|SYSTEM_ORGAN_SITE||"),
        ("- Ext: warm, no edema", "Ext|SYSTEM_ORGAN_SITE||"),
        ("Chest clear. Cardiovascular: dual heart sounds.", "Cardiovascular|SYSTEM_ORGAN_SITE||"),
        ("Lens: mild cataract OS.", "cataract|DX_NAME||DIRECTION=OS"),
        ("IDC inserted into the bladder.", "bladder|SYSTEM_ORGAN_SITE||"),
        ("Examined lying on his back.", "back|SYSTEM_ORGAN_SITE||"),
        ("Ears NAD.", "Ears|SYSTEM_ORGAN_SITE||"),
        // A route in a signature stays the drug's route.
        ("Furosemide 40 mg by mouth every morning.", "Furosemide|GENERIC_NAME||STRENGTH=40 mg,ROUTE_OR_MODE=by mouth,FREQUENCY=every morning"),
        // A test word that labels nothing stays a test.
        ("Bloods sent.", "Bloods|TEST_NAME|FUTURE|"),
        ("Weight 84.6 kg.", "Weight|TEST_NAME||TEST_VALUE=84.6,TEST_UNIT=kg"),
        // A test with a value in a plan was measured, not ordered; one without a value is planned (GUIDELINE §8 FUTURE, T1).
        ("Plan:\n- HbA1c 8.4%, continue current regimen.", "HbA1c|TEST_NAME||TEST_VALUE=8.4,TEST_UNIT=%"),
        ("Plan:\n- Repeat UEC.", "UEC|TEST_NAME|FUTURE|"),
        // A release form written only in capitals (CR) leaves the lab abbreviation in other cases.
        ("Hb 108, Cr 96, Mg 0.62.", "Cr|TEST_NAME||TEST_VALUE=96"),
        ("Na 131, K 4.0, Cr 1.2, BUN 28.", "Cr|TEST_NAME||TEST_VALUE=1.2"),
        ("Tegretol CR 200 mg bd.", "Tegretol|BRAND_NAME||FORM=CR,STRENGTH=200 mg,FREQUENCY=bd"),
    ])
    func present(_ text: String, _ row: String) {
        #expect(Self.rows(text).contains(row), "\(Self.rows(text))")
    }

    /// Words that must not be an entity of the given type: `text`, the entity's text, its type.
    @Test(arguments: [
        // A site read as a drug's route or form (GUIDELINE §2).
        ("Metformin ER 750 mg tablet - take 2 tablets by mouth daily with dinner.", "mouth", "SYSTEM_ORGAN_SITE"),
        ("Fluticasone 50 mcg/spray 2 sprays each nostril daily.", "nostril", "SYSTEM_ORGAN_SITE"),
        ("- Xalatan eye drops 1 drop both eyes nocte.", "eye", "SYSTEM_ORGAN_SITE"),
        ("- Xalatan eye drops 1 drop both eyes nocte.", "both eyes", "SYSTEM_ORGAN_SITE"),
        // A site that modifies another noun.
        ("Calm, cooperative, good eye contact.", "eye", "SYSTEM_ORGAN_SITE"),
        ("DEXA and vitamin D for bone health.", "bone", "SYSTEM_ORGAN_SITE"),
        ("Worse with hand washing.", "hand", "SYSTEM_ORGAN_SITE"),
        ("Mobilising with 4WW, knee flexion 85 degrees.", "knee", "SYSTEM_ORGAN_SITE"),
        // "back" as an adverb.
        ("If leak confirmed -> back to theatre for washout.", "back", "SYSTEM_ORGAN_SITE"),
        ("Restart ACE inhibitor only if Cr back to baseline.", "back", "SYSTEM_ORGAN_SITE"),
        // Headings that name no part of the body are not sites (GUIDELINE §4 A1), nor is a body-system
        // word that labels a vital sign or is no heading.
        ("General: alert, well.", "General", "SYSTEM_ORGAN_SITE"),
        ("Constitutional: no fevers.", "Constitutional", "SYSTEM_ORGAN_SITE"),
        ("Psych: normal mood and affect.", "Psych", "SYSTEM_ORGAN_SITE"),
        ("Pulse: 80, Resp: 18, BP 120/80.", "Resp", "SYSTEM_ORGAN_SITE"),
        ("CVS exam unremarkable.", "CVS", "SYSTEM_ORGAN_SITE"),
        // Eye sides of an examination are DIRECTIONs, not sites (GUIDELINE §2 decisions).
        ("IOP (Goldmann): OD 16, OS 19.", "OD", "SYSTEM_ORGAN_SITE"),
        ("IOP (Goldmann): OD 16, OS 19.", "OS", "SYSTEM_ORGAN_SITE"),
        ("Gonioscopy: open to CBB 360 OU.", "OU", "SYSTEM_ORGAN_SITE"),
        ("Some resp distress overnight.", "resp", "SYSTEM_ORGAN_SITE"),
        // A site inside an imaging compound is not annotated again (G2).
        ("- CT abdo/pelvis with PR contrast today.", "pelvis", "SYSTEM_ORGAN_SITE"),
        ("XR hands and feet: no erosions.", "feet", "SYSTEM_ORGAN_SITE"),
        // A result-list label is not a test.
        ("Labs: lipase 2,340 U/L. WBC 15.8.", "Labs", "TEST_NAME"),
        ("Recent bloods:\nHb 98 g/L", "bloods", "TEST_NAME"),
        // Mobility, not a weight or a procedure.
        ("Able to weight bear 4 steps in ED.", "weight", "TEST_NAME"),
        ("Unable to bear weight.", "weight", "TEST_NAME"),
        ("Uneventful recovery, mobilising, tolerating diet.", "mobilising", "TREATMENT_NAME"),
        ("Received 1 unit PRBC intra-op. Post-op Hb 88.", "op", "PROCEDURE_NAME"),
        // Normal-exam shorthand names no test (GUIDELINE C5), nor hidradenitis.
        ("CVS: HS dual, nil added.", "HS", "TEST_NAME"),
        ("CVS: HS dual, nil added.", "HS", "DX_NAME"),
    ])
    func absent(_ text: String, _ entity: String, _ type: String) {
        let rows = Self.rows(text)
        #expect(!rows.contains { $0.hasPrefix("\(entity)|\(type)|") }, "\(rows)")
    }
}

/// A bare year right after an event verb dates the event (GUIDELINE §6); other bare numbers stay numbers.
@Suite struct BareYearTests {
    static func times(_ text: String) -> [String] {
        let doc = GoldRuleTests.annotator.annotate(Document(text: text), linking: .none)
        return doc.entities.filter { $0.category == .timeExpression }.map { String(doc.document.text(in: $0.span)) }
    }

    @Test(arguments: [
        ("Former smoker, quit 2009.", ["2009"]),
        ("Hydroxychloroquine ceased 2024 (ineffective).", ["2024"]),
        ("Haemorrhoids banded 2015.", ["2015"]),
        ("DKA x2, last 2021.", ["2021"]),
        ("Type 2 diabetes diagnosed 2009.", ["2009"]),
        // Not a year after an event verb: no time.
        ("Platelets 2009 on the analyser.", []),
        ("Heparin 2000 units given.", []),
    ])
    func yearAfterEventVerb(_ text: String, _ expected: [String]) {
        #expect(Self.times(text) == expected)
    }

    /// A month name after an event word, after "(" or right after the entity it dates is a time
    /// (GUIDELINE §6); a month of a plan, the modal "may" and a month with no lead are not.
    @Test(arguments: [
        ("He had a gout flare in January treated with prednisolone.", ["January"]),
        ("Flu vaccine received October.", ["October"]),
        ("Temazepam 10 mg nocte - ceased after fall in March.", ["March"]),
        ("Eliquis started (March); no bleeding.", ["March"]),
        ("Three admissions, last January.", ["January"]),
        // No event word before the month: no time.
        ("Prolia 60mg - next due Feb.", []),
        ("May try mirtazapine 7.5 mg at bedtime.", []),
        ("Review in May.", []),
        ("Clinic letter of March to follow.", []),
    ])
    func monthAfterEventWord(_ text: String, _ expected: [String]) {
        #expect(Self.times(text) == expected)
    }
}
