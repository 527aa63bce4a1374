import Foundation
import MedTextCore
import MedTextKit
import TerminologyMap
import Testing

/// ICD-10-CM classes read from the Alphabetic Index and the Tabular conventions (DESIGN.md
/// "ICD-10-CM classes from the Index and the Tabular"): organisms named as the cause of an
/// infection, pneumonia and sepsis by organism, hypertension with both heart failure and chronic
/// kidney disease (I13), diabetic chronic kidney disease, a ureteral stone with hydronephrosis,
/// primary open-angle glaucoma and age-related macular degeneration by type, a side written with
/// its organ, and injuries written without their site.
@Suite struct ICDConditionClassTests {
    @Test(arguments: [
        // The organism is its own DX_NAME (B95-B96), not the disease its epithet spells.
        ("Sputum culture: Streptococcus pneumoniae.", "Streptococcus pneumoniae", "B95.3"),
        ("Blood cultures: Haemophilus influenzae.", "Haemophilus influenzae", "B96.3"),
        ("Urine culture: >100,000 CFU/mL E. coli.", "E. coli", "B96.20"),
        // One pneumonia, one sepsis per note: the bare mention takes the organism's code the note
        // documents (covers rows: J18 with J12-J16, A41.9 with A40).
        ("Dx: pneumococcal pneumonia.\nPlan: ceftriaxone for pneumonia.", "pneumonia", "J13"),
        ("Dx: pneumococcal sepsis.\nSepsis physiology resolving.", "Sepsis", "A40.3"),
        ("Dx: E. coli sepsis.\nSepsis resolving.", "Sepsis", "A41.51"),
        // Negatives: no organism documented, or only a negated one, leaves the unspecified code.
        ("Dx: community-acquired pneumonia.\nPlan: ceftriaxone for pneumonia.", "pneumonia", "J18.9"),
        ("No pneumococcal pneumonia.\nPlan: ceftriaxone for pneumonia.", "pneumonia", "J18.9"),
        ("Sepsis, source unclear.", "Sepsis", "A41.9"),
        // Hypertension with heart failure and CKD: I13 (I.C.9.a.3); the parts keep their own codes.
        ("PMH: HTN, CCF, CKD stage 3b.", "HTN", "I13.0"),
        ("PMH: HTN, CCF, ESRD on dialysis.", "HTN", "I13.2"),
        ("PMH: HTN, CCF, CKD stage 3b.", "CKD stage 3b", "N18.32"),
        ("PMH: HTN, CCF.", "HTN", "I11.0"),
        ("PMH: HTN, CKD stage 3b.", "HTN", "I12.9"),
        ("PMH: HTN, CKD stage 3b. No heart failure.", "HTN", "I12.9"),
        // Diabetic kidney disease is diabetic CKD (Index); a nephropathy with a CKD stage is too.
        ("Type 2 diabetes mellitus with diabetic kidney disease.", "diabetic kidney disease", "E11.22"),
        ("CKD stage 4 secondary to diabetic nephropathy.", "diabetic nephropathy", "E11.22"),
        ("Diabetic nephropathy, on an ACE inhibitor.", "Diabetic nephropathy", "E11.21"),
        // A ureteral stone with hydronephrosis (Excludes1 at N20): N13.2 on both parts.
        ("CT: 6 mm left ureteric stone with moderate hydronephrosis.", "ureteric stone", "N13.2"),
        ("CT: 6 mm left ureteric stone with moderate hydronephrosis.", "hydronephrosis", "N13.2"),
        ("CT: 6 mm left ureteric stone, no hydronephrosis.", "ureteric stone", "N20.1"),
        ("Renal US: 2 mm non-obstructing renal stone. Mild hydronephrosis.", "renal stone", "N20.0"),
        // Primary open-angle glaucoma is its own subcategory (H40.11-), AMD by its type.
        ("POAG, on latanoprost.", "POAG", "H40.1190"),
        ("Open-angle glaucoma, on latanoprost.", "Open-angle glaucoma", "H40.10X0"),
        ("Dry AMD, on AREDS vitamins.", "Dry AMD", "H35.3190"),
        ("Wet AMD, for aflibercept.", "Wet AMD", "H35.3290"),
        ("AMD, for review.", "AMD", "H35.30"),
    ])
    func conditionClass(text: String, mention: String, code: String) {
        #expect(GoldRuleTests.topICD(text, mention) == code)
    }

    @Test(arguments: [
        // A side written with its organ ("right ear") adds the side only: the curated code's
        // sided sibling (Index "Otitis, media, acute H66.90"; H66.91 right ear).
        ("Acute otitis media, right ear.", "Acute otitis media", "H66.91"),
        ("Acute otitis media.", "Acute otitis media", "H66.90"),
        // A code with no sided sibling at its level keeps its code ("Unspecified cataract" has
        // none; the traumatic cataracts H26.1- are sided but another condition).
        ("Cataract right eye, awaiting surgery.", "Cataract", "H26.9"),
        // Injuries keep the category test: a sided code exists, so the side selects it.
        ("Colles fracture left.", "Colles fracture", "S52.532A"),
        // A sided sibling of another side is not the side written ("bilateral" is not "right").
        ("Right hip osteoarthritis, end stage.", "hip osteoarthritis", "M16.11"),
    ])
    func sideWithItsOrgan(text: String, mention: String, code: String) {
        #expect(GoldRuleTests.topICD(text, mention) == code)
    }

    /// `also` on a presumed row: the joint code is offered only when both parts are documented.
    @Test func jointPresumedRowNeedsBothParts() throws {
        let rules = try ICDCombinationRules.parse("""
            id\tmention\tcue\tlink\tcode\tnote\tunless\tcue_names\talso
            joint\tI10\ticd:I50\tpresumed\tI13.0\tboth\t\t\ticd:N18
            heart\tI10\ticd:I50\tpresumed\tI11.0\tone
            """)
        #expect(rules.rules.first?.also == ["N18"])
        #expect(throws: TerminologyError.self) {
            try ICDCombinationRules.parse("id\tmention\tcue\tlink\tcode\tnote\tunless\tcue_names\talso\nbad\tI10\ticd:I50\tnote\tI11.0\tx\t\t\ticd:N18")
        }
    }
}

/// Qualifier words in a diagnosis's clause fill the axis its code leaves unspecified
/// (`lexicons/data/icd/qualifiers.tsv`).
@Suite struct ICDQualifierTests {
    @Test(arguments: [
        ("POAG both eyes, severe.", "POAG", "H40.1133"),
        ("Primary open-angle glaucoma, right eye, moderate stage, on latanoprost.", "Primary open-angle glaucoma", "H40.1112"),
        ("Dry AMD right eye, intermediate stage.", "Dry AMD", "H35.3112"),
        ("MDD, single episode, moderate.", "MDD", "F32.1"),
        // Negatives: nothing written fills the stage; a severity of the next condition is not
        // this one's; a code whose title says more than the note is not taken.
        ("POAG both eyes, on latanoprost.", "POAG", "H40.1130"),
        ("POAG both eyes, severe anxiety.", "POAG", "H40.1130"),
        ("Dry AMD right eye.", "Dry AMD", "H35.3110"),
        ("Pneumonia, severe.", "Pneumonia", "J18.9"),
    ])
    func qualifierFillsTheAxis(text: String, mention: String, code: String) {
        #expect(GoldRuleTests.topICD(text, mention) == code)
    }

    /// The pass on its own: only axis words may be dropped, every added word must be written,
    /// and two equally good codes are no answer.
    @Test func filledCode() {
        let q = ICDCombinationRules.Qualifiers(axis: ["unspecified", "eye", "stage"], minor: ["with", "of", "stage"], ends: ["and"])
        let title = "Primary open-angle glaucoma, unspecified eye, stage unspecified"
        let candidates = [
            (code: "H40.1131", display: "Primary open-angle glaucoma, bilateral, mild stage"),
            (code: "H40.1133", display: "Primary open-angle glaucoma, bilateral, severe stage"),
            (code: "H40.1123", display: "Primary open-angle glaucoma, left eye, severe stage"),
        ]
        #expect(q.filled(code: "H40.1190", title: title, candidates: candidates, said: ["bilateral", "severe"]) == "H40.1133")
        #expect(q.filled(code: "H40.1190", title: title, candidates: candidates, said: ["severe"]) == nil)
        #expect(q.filled(code: "H40.1190", title: title, candidates: candidates, said: ["bilateral", "left", "severe"]) == nil)
        #expect(q.filled(code: "H40.1190", title: "Primary open-angle glaucoma", candidates: candidates, said: ["bilateral", "severe"]) == nil)
        #expect(ICDCombinationRules.Qualifiers.subcategory(of: "H40.1190") == "H40.11")
        #expect(ICDCombinationRules.Qualifiers.subcategory(of: "H66.90") == "H66.9")
    }

    @Test func clauseStopsAtAnotherConditionAndAtSentenceEnds() {
        let q = ICDCombinationRules.Qualifiers(axis: ["unspecified"], ends: ["and"])
        let text = "Dx: POAG both eyes, severe anxiety. Next"
        let bytes = Array(text.utf8)
        let poag = TextSpan(4, 8), anxiety = TextSpan(27, 34)
        #expect(q.clause(around: poag, in: bytes, others: [anxiety]) == ["dx", "both", "eyes"])
        #expect(q.clause(around: anxiety, in: bytes, others: [poag]) == ["severe"])
    }

    @Test func shippedTableParses() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let q = try ICDCombinationRules.Qualifiers.parse(try String(contentsOf: root.appendingPathComponent("lexicons/data/icd/qualifiers.tsv"), encoding: .utf8))
        #expect(q.axis.contains("unspecified"))
        #expect(q.minor.contains("with"))
    }
}

/// An injury written without its site takes the site words of its clause (DESIGN.md "ICD-10-CM
/// classes from the Index and the Tabular"); a bare one elsewhere in the note takes the site's code.
@Suite struct ICDInjurySiteTests {
    @Test(arguments: [
        ("1. Left mandibular angle fracture", "fracture", "S02.652A"),
        ("Op findings: a fracture of the left mandibular angle, reduced and plated.", "fracture", "S02.652A"),
        // Rule I1: a bare "fracture" later in the note is the fracture documented by site.
        ("Dx: Colles fracture left.\nPlan: the fracture was reduced under a haematoma block.", "fracture", "S52.532A"),
        // Negatives: no site anywhere; a laceration does not take a fracture's code.
        ("The fracture was reduced.", "fracture", "T14.8XXA"),
        ("Dx: Colles fracture left.\nA laceration was closed.", "laceration", "T14.8XXA"),
    ])
    func injurySite(text: String, mention: String, code: String) {
        #expect(GoldRuleTests.topICD(text, mention) == code)
    }
}

/// Skin neoplasms by the site written beside them (`lexicons/data/icd/skin_sites.tsv`; Index,
/// Neoplasm Table "skin, by site"), and valve lesions in a note that documents rheumatic heart disease.
@Suite struct ICDSkinSiteAndValveTests {
    @Test(arguments: [
        ("2. BCC L nasal ala - refer for Mohs surgery.", "BCC", "C44.311"),
        ("1. Invasive SCC R dorsum of hand - excision with 4 mm margins.", "SCC", "C44.622"),
        ("Diagnosis: Stage IIIB melanoma of the back, s/p wide local excision.", "melanoma", "C43.59"),
        ("Melanoma in situ left forearm, re-excised.", "Melanoma in situ", "D03.62"),
        // Negatives: no site written; a site of another condition in the next list item; two sites.
        ("BCC, for review.", "BCC", "C44.91"),
        ("BCC, back pain.", "BCC", "C44.91"),
        ("Melanoma on the arm or leg, unclear which.", "Melanoma", "C43.9"),
    ])
    func skinSite(text: String, mention: String, code: String) {
        #expect(GoldRuleTests.topICD(text, mention) == code)
    }

    @Test(arguments: [
        ("Rheumatic heart disease - moderate mitral regurgitation on last echo.", "mitral regurgitation", "I05.1"),
        ("Rheumatic heart disease - moderate mitral regurgitation on last echo.", "Rheumatic heart disease", "I05.1"),
        ("Rheumatic heart disease. Echo: aortic stenosis, moderate.", "aortic stenosis", "I06.0"),
        // Negatives: without rheumatic heart disease the lesion is nonrheumatic; RHD alone stays I09.9.
        ("Echo: moderate mitral regurgitation.", "mitral regurgitation", "I34.0"),
        ("Rheumatic heart disease, on penicillin prophylaxis.", "Rheumatic heart disease", "I09.9"),
    ])
    func rheumaticValve(text: String, mention: String, code: String) {
        #expect(GoldRuleTests.topICD(text, mention) == code)
    }

    @Test func siteWordsAndMorphology() throws {
        let sites = try ICDCombinationRules.SkinSites.parse("kind\tcodes\tphrases\twords\ncategories\tC44\nsite\t\tnose,other parts of face\tnasal,nose\nsite\t\tupper limb\thand")
        #expect(sites.site(in: ["l", "nasal", "ala"]) == ["nose", "other parts of face"])
        #expect(sites.site(in: ["nasal", "and", "hand"]) == nil)
        let candidates = [(code: "C44.310", display: "Basal cell carcinoma of skin of unspecified parts of face"),
                          (code: "C44.311", display: "Basal cell carcinoma of skin of nose"),
                          (code: "C44.321", display: "Squamous cell carcinoma of skin of nose")]
        #expect(sites.code(for: "C44.91", title: "Basal cell carcinoma of skin, unspecified", phrases: ["nose"], side: nil, candidates: candidates) == "C44.311")
        #expect(sites.code(for: "C44.311", title: "Basal cell carcinoma of skin of nose", phrases: ["nose"], side: nil, candidates: candidates) == nil)
    }
}

/// A fracture not said to be a stress or pathological one is traumatic (Index "Fracture,
/// traumatic"): the S codes by site, not M84.3- / M84.4-; its 7th character is the encounter its
/// clause documents (`encounter_X` rows of `qualifiers.tsv`).
@Suite struct ICDFractureKindTests {
    @Test(arguments: [
        ("XR: fracture of the right fibula.", "fracture", "S82.4"),
        ("XR: stress fracture of the right fibula.", "stress fracture", "M84.363A"),
        ("Pathological fracture of the right femur.", "Pathological fracture", "M84.451A"),
        // The 7th character of the encounter the clause documents (I.C.19.a).
        ("Imp: Colles fracture left, routine healing at 6/52.", "Colles fracture", "S52.532D"),
        ("Colles fracture left, nonunion at 4 months.", "Colles fracture", "S52.532K"),
        ("Colles fracture left with malunion.", "Colles fracture", "S52.532P"),
        // Negatives: no encounter written; a planned review; a denied nonunion.
        ("Colles fracture left.", "Colles fracture", "S52.532A"),
        ("Colles fracture left - review in fracture clinic in 1 week.", "Colles fracture", "S52.532A"),
        ("Colles fracture left, no nonunion.", "Colles fracture", "S52.532A"),
        ("Cellulitis L shin. 2cm healing abrasion anterior shin.", "abrasion", "T14.8XXA"),
    ])
    func fractureKind(text: String, mention: String, codePrefix: String) {
        let code = GoldRuleTests.topICD(text, mention) ?? ""
        #expect(code.hasPrefix(codePrefix), "\(code)")
    }
}
