import MedTextCore
import MedTextKit
import MedTextTestSupport
import Testing

/// How US and Australian clinicians negate, as a table run through the shipped pipeline (the
/// default terminology, `lexicons/data/context/*.tsv`, the tokenizer's sentences and sections):
/// pre-posed and post-posed cues, list scope, what ends a scope, pseudo-negations, double
/// negatives, fused forms, AU shorthand, ALL-CAPS notes, review-of-systems and examination
/// templates, every entity category, and the traits negation meets (HYPOTHETICAL, PAST_HISTORY,
/// PERTAINS_TO_FAMILY, LOW_CONFIDENCE) as corpora/gold/GUIDELINE.md §8 defines them.
///
/// Rows are marked text: `[[span|TRAIT|...]]` must be an entity (not PHI) with exactly that span
/// and exactly those context traits (SIGN/SYMPTOM/DIAGNOSIS aside); `[[span]]` is an affirmed
/// entity (no context trait); a label that is not a trait name is the entity's type
/// (`[[NKDA|ALLERGIES|NEGATION]]`). Unmarked entities are not checked. Every sentence was written
/// for this table.
@Suite struct ClinicianNegationTests {
    static let traitNames: Set<String> = ["NEGATION", "HYPOTHETICAL", "PAST_HISTORY", "PERTAINS_TO_FAMILY", "FUTURE", "LOW_CONFIDENCE"]

    /// The marks the pipeline gets wrong, one line each (empty when the row holds).
    static func mismatches(_ marked: String) -> [String] {
        let m = MarkedText(marked)
        let doc = GoldRuleTests.annotator.annotate(Document(text: m.text), linking: .none)
        let kinds: Traits = [.sign, .symptom, .diagnosis]
        let entities = doc.entities.filter { $0.category != .protectedHealthInformation && $0.category != .timeExpression }
        var out: [String] = []
        for mark in m.marks {
            let want = Set(mark.labels.filter { traitNames.contains($0) })
            let type = mark.labels.first { !traitNames.contains($0) && !$0.isEmpty }
            guard let e = entities.first(where: { $0.span == mark.span }) else {
                let near = entities.filter { $0.span.overlaps(mark.span) }.map { doc.document.text(in: $0.span) }
                out.append("[\(mark.text)] is not an entity\(near.isEmpty ? "" : " (overlapping: \(near))")")
                continue
            }
            let got = Set(e.traits.subtracting(kinds).names)
            if got != want { out.append("[\(mark.text)] traits \(got.sorted()) expected \(want.sorted())") }
            if let type, e.type.rawValue != type { out.append("[\(mark.text)] type \(e.type.rawValue) expected \(type)") }
        }
        return out
    }

    static func check(_ marked: String) {
        let wrong = mismatches(marked)
        #expect(wrong.isEmpty, "\(MarkedText(marked).text.debugDescription): \(wrong.joined(separator: "; "))")
    }

    // MARK: pre-posed cues

    /// A cue before a finding, a pair and a list; `{}` is where the findings go.
    static let preposedCues = [
        "No {}.", "no {}.", "Denies {}.", "denies {}.", "Pt denies any {}.", "Patient denied {}.", "Negative for {}.",
        "negative for {}.", "Without {}.", "Presented without {}.", "Absence of {}.", "Free of {}.", "Nil {}.", "nil {}.",
        "No evidence of {}.", "No signs of {}.", "No clinical features of {}.", "No symptoms of {}.", "There is no {}.",
        "There was no {}.", "She has no {}.", "He did not have {}.", "Has not had any {}.", "Doesn't have {}.",
        "Not experiencing {}.", "Not complaining of {}.", "No complaints of {}.", "No c/o {}.", "Nil c/o {}.",
        "No new {}.", "No recent {}.", "No obvious {}.", "No significant {}.", "No further {}.", "Never had {}.",
        "No reported {}.", "Neg for {}.", "Ø {}.", "w/o {}.", "Reports no {}.", "Nil evidence of {}.", "Nil signs of {}.",
        "No apparent {}.", "Fails to demonstrate {}.", "Has been free from {}.", "No longer has {}.", "Negative: {}.",
    ]
    static let preposedFindings = [
        "[[fever|NEGATION]]",
        "[[chest pain|NEGATION]] or [[shortness of breath|NEGATION]]",
        "[[nausea|NEGATION]], [[vomiting|NEGATION]], [[diarrhoea|NEGATION]] or [[abdominal pain|NEGATION]]",
    ]

    @Test(arguments: preposedCues, preposedFindings)
    func preposedCueNegatesEveryItem(cue: String, findings: String) {
        Self.check(cue.replacingOccurrences(of: "{}", with: findings))
    }

    /// Cues that negate and carry a second trait of their own.
    @Test(arguments: [
        "No history of [[stroke|NEGATION|PAST_HISTORY]].",
        "No h/o [[DVT|NEGATION|PAST_HISTORY]] or [[PE|NEGATION|PAST_HISTORY]].",
        "Nil hx of [[asthma|NEGATION|PAST_HISTORY]].",
        "No previous [[MI|NEGATION|PAST_HISTORY]].",
        "No family history of [[bowel cancer|NEGATION|PERTAINS_TO_FAMILY]].",
        "No FHx of [[IHD|NEGATION|PERTAINS_TO_FAMILY]] or [[diabetes|NEGATION|PERTAINS_TO_FAMILY]].",
        "Nil family hx of [[breast cancer|NEGATION|PERTAINS_TO_FAMILY]].",
    ])
    func cuesWithASecondTrait(row: String) { Self.check(row) }

    // MARK: post-posed cues

    static let postposedCues = [
        "{}: nil", "{}: nil.", "{}: Nil", "{}: NIL", "{}: neg", "{}: negative", "{}: none", "{}: None.", "{}: no", "{}: No.",
        "{} - nil", "{} - no", "{} - none", "{}: N", "{}: Ø", "{} -ve", "{}: -ve", "{}: denies", "{} denied.", "{}: absent.",
        "{} are not present.", "{} were not seen.", "{}: nil reported.", "{}: nil noted", "{} nil.",
    ]
    static let postposedFindings = [
        "[[Fever|NEGATION]]",
        "[[Fever|NEGATION]], [[chills|NEGATION]], [[night sweats|NEGATION]]",
        "[[N/V|NEGATION]]",
    ]

    @Test(arguments: postposedCues, postposedFindings)
    func postposedValueCoversTheList(cue: String, findings: String) {
        Self.check(cue.replacingOccurrences(of: "{}", with: findings) + "\n[[Cough]]: yes.")
    }

    /// Exclusion wording covers the item before it, up to a comma (Rule N1).
    @Test(arguments: [
        "[[PE|NEGATION]] was excluded.", "[[PE|NEGATION]] excluded.", "[[Pulmonary embolism|NEGATION]] ruled out.",
        "[[DVT|NEGATION]] has been ruled out.", "[[Fracture|NEGATION]] not seen.", "[[Pneumothorax|NEGATION]] is not seen.",
        "[[Appendicitis|NEGATION]] unlikely.", "[[ACS|NEGATION]] felt unlikely.", "[[Sepsis|NEGATION]] not suspected.",
        "[[Chest pain]], [[tachycardia]], [[PE|NEGATION]] excluded.",
        "[[Meningitis|NEGATION]] clinically excluded.", "[[Cholecystitis|NEGATION]] was ruled out by [[ultrasound]].",
        "[[Fracture|NEGATION]] excluded on [[x-ray]].",
    ])
    func exclusionWording(row: String) { Self.check(row) }

    /// "X is/was/are/were not P": only a predicate of presence, observation or an action not done
    /// negates the subject; a plural verb runs back through a list. A property leaves it affirmed.
    @Test(arguments: [
        "[[Fever|NEGATION]], [[chills|NEGATION]] and [[night sweats|NEGATION]] were absent.",
        "[[Wheeze|NEGATION]], [[crackles|NEGATION]] or [[stridor|NEGATION]] were not heard.",
        "[[Nausea|NEGATION]], [[vomiting|NEGATION]] and [[diarrhoea|NEGATION]] are not present.",
        "[[Lumbar puncture|NEGATION]] was not performed.",
        "[[Aspirin|NEGATION]] was not given.",
        "[[Splenomegaly|NEGATION]] is not appreciated.",
        "[[Pneumonia|NEGATION]] is not a concern.",
        "[[Sepsis|NEGATION]] is not likely.",
        "[[Lymphadenopathy|NEGATION]] wasn't found.",
        "He was not found to have a [[fracture|NEGATION]].",
        "She was not noted to have any [[rash|NEGATION]].",
        "[[CT head|NEGATION]] has not been performed.",
        "[[Fevers|NEGATION]] and [[rigors|NEGATION]] have not been present.",
        "Has not been taking [[metformin|NEGATION]].",
        "[[Hepatomegaly|NEGATION]] was not clinically evident.",
        // a property of the subject: the subject exists
        "The [[rash]] is not [[itchy|NEGATION]].",
        "[[Headache]] is not new.",
        "[[Chest pain]] was not exertional.",
        "[[Cough]] is not productive.",
        "[[Back pain]] is not severe.",
    ])
    func copulaPredicates(row: String) { Self.check(row) }

    // MARK: list scope

    @Test(arguments: [
        // commas, or, nor, and, slashes
        "Denies [[fever|NEGATION]], [[chills|NEGATION]], [[night sweats|NEGATION]] and [[weight loss|NEGATION]].",
        "No [[fever|NEGATION]] nor [[rigors|NEGATION]].",
        "Neither [[fever|NEGATION]] nor [[rigors|NEGATION]].",
        "No [[fevers|NEGATION]]/[[chills|NEGATION]]/[[sweats|NEGATION]].",
        "Nil [[N/V/D|NEGATION]].",
        "No [[headache|NEGATION]], [[neck stiffness|NEGATION]] or [[photophobia|NEGATION]].",
        "No [[dysuria|NEGATION]], [[frequency|NEGATION]] or [[haematuria|NEGATION]].",
        // a list wrapped over two lines by the writer
        "Denies [[fever|NEGATION]], [[chills|NEGATION]],\n[[night sweats|NEGATION]] or [[weight loss|NEGATION]].",
        "No [[chest pain|NEGATION]], [[palpitations|NEGATION]] or\n[[syncope|NEGATION]].",
        // items the lexicon does not name do not stop the list
        "No [[fever|NEGATION]], orthopnoea, PND or [[ankle swelling|NEGATION]].",
        // modifiers of an item
        "No [[exertional chest pain|NEGATION]], [[palpitations|NEGATION]] or recent [[syncope|NEGATION]].",
        // a negated heading and the bulleted lines under it (the heading's list trigger reaches every bullet)
        "Denies:\n- [[fever|NEGATION]]\n- [[chills|NEGATION]]\n- [[cough|NEGATION]]\n\n[[Headache]] today.",
        "Negative for:\n* [[chest pain|NEGATION]]\n* [[palpitations|NEGATION]]\n",
        "Medications:\n- [[aspirin]]\n- no [[NSAIDs|NEGATION]]\n- [[metformin]]\n",
        "Negatives: [[fever|NEGATION]], [[chills|NEGATION]], [[cough|NEGATION]].",
        "Pertinent negatives include [[fever|NEGATION]] and [[cough|NEGATION]].",
        // the negation reaches the items of a long list
        "Denies [[headache|NEGATION]], [[dizziness|NEGATION]], [[blurred vision|NEGATION]], [[chest pain|NEGATION]], [[palpitations|NEGATION]], [[shortness of breath|NEGATION]], [[cough|NEGATION]], [[abdominal pain|NEGATION]], [[nausea|NEGATION]] or [[vomiting|NEGATION]].",
    ])
    func listScope(row: String) { Self.check(row) }

    // MARK: what ends a scope

    @Test(arguments: [
        "No [[fever|NEGATION]] but has a [[cough]].",
        "Denies [[chest pain|NEGATION]], however reports [[palpitations]].",
        "No [[vomiting|NEGATION]] although [[nausea]] persists.",
        "No complaints apart from [[cough]].",
        "No [[fever|NEGATION]] apart from [[cough]].",
        "Nil [[fever|NEGATION]], except [[headache]].",
        "No [[rash|NEGATION]] except for mild [[itch]].",
        "No [[fever|NEGATION]]. [[Cough]] for 3 days.",
        "No [[fever|NEGATION]]; [[cough]] productive.",
        "Denies [[chest pain|NEGATION]]\n[[Palpitations]] daily.",
        "No [[fever|NEGATION]].\nASSESSMENT: [[pneumonia]].",
        "Denies [[fever|NEGATION]] but admits [[headache]].",
        "No [[dysuria|NEGATION]]. Reports [[haematuria]].",
        "No [[nausea|NEGATION]], has [[diarrhoea]].",
        "No [[chest pain|NEGATION]] though [[dyspnoea on exertion]].",
        "Nil [[fever|NEGATION]], mild [[cough]].",
        // a qualifier word that is part of the next finding's name does not end the list
        "No [[nausea|NEGATION]], [[early satiety|NEGATION]] or [[weight loss|NEGATION]].",
        "No [[chest pain|NEGATION]], [[intermittent claudication|NEGATION]] or [[rest pain|NEGATION]].",
        "No [[fever|NEGATION]] which had been present last week.",
        "No [[chest pain|NEGATION]], ongoing [[palpitations]].",
    ])
    func scopeEnds(row: String) { Self.check(row) }

    // MARK: pseudo-negations and double negatives

    @Test(arguments: [
        "No increase in [[pain]].",
        "Not only [[fever]] but also [[rash]].",
        "Gram negative [[sepsis]].",
        "No change in [[headache]].",
        "No significant change in [[rash]].",
        "No improvement in [[cough]].",
        "[[Cough]] has not resolved.",
        "[[Pain]] not improved despite [[paracetamol]].",
        "No relief from [[paracetamol]].",
        "Walked without difficulty.",
        "[[Migraine without aura]].",
        "Not certain whether [[pneumonia|LOW_CONFIDENCE]].",
        "Not sure if [[PE|LOW_CONFIDENCE]].",
        "No [[change in bowel habit|NEGATION]].",
    ])
    func pseudoNegations(row: String) { Self.check(row) }

    @Test(arguments: [
        "Cannot exclude [[PE|LOW_CONFIDENCE]].",
        "[[PE|LOW_CONFIDENCE]] cannot be excluded.",
        "[[PE|LOW_CONFIDENCE]] not excluded.",
        "[[Pneumonia|LOW_CONFIDENCE]] not ruled out.",
        "Could not rule out [[appendicitis|LOW_CONFIDENCE]].",
        "Unable to exclude [[fracture|LOW_CONFIDENCE]].",
        "[[Sepsis|LOW_CONFIDENCE]] cannot be ruled out.",
    ])
    func doubleNegatives(row: String) { Self.check(row) }

    // MARK: fused forms and shorthand

    @Test(arguments: [
        "Pt [[afebrile|NEGATION]].", "[[Apyrexial|NEGATION]] overnight.", "Abdo soft, [[non-tender|NEGATION]].",
        "Abdomen [[nontender|NEGATION]], [[non-distended|NEGATION]].", "[[Non-tender|NEGATION]] calves.",
        "Allergies: [[NKDA|ALLERGIES|NEGATION]]", "[[NKA|ALLERGIES|NEGATION]].", "[[nkda|ALLERGIES|NEGATION]]",
        "[[Non-smoker|TOBACCO_USE|NEGATION]].", "[[Anicteric|NEGATION]], [[acyanotic|NEGATION]].",
        "[[Non-productive cough]].", "[[Non-small cell lung cancer]].", "[[Non-ST elevation myocardial infarction]].",
        "[[Asymptomatic|NEGATION]].",
    ])
    func fusedForms(row: String) { Self.check(row) }

    @Test(arguments: [
        "Nil [[chest pain|NEGATION]], nil [[SOB|NEGATION]].",
        "NIL [[FEVER|NEGATION]].",
        "Ø [[fever|NEGATION]], Ø [[cough|NEGATION]].",
        "[[LOC|NEGATION]]: nil",
        "Nil [[LOC|NEGATION]], nil [[vomiting|NEGATION]].",
        "[[Asthma]], nil else.",
        "PMHx: [[asthma|PAST_HISTORY]], [[GORD|PAST_HISTORY]]. Nil else.",
        "[[PR bleeding|NEGATION]] nil.",
        "[[N/V|NEGATION]]: nil",
        "Nil [[urinary symptoms|NEGATION]].",
        "Nil [[acute distress|NEGATION]].",
    ])
    func australianShorthand(row: String) { Self.check(row) }

    @Test(arguments: [
        "DENIES [[FEVER|NEGATION]], [[CHILLS|NEGATION]] OR [[COUGH|NEGATION]].",
        "NO [[CHEST PAIN|NEGATION]] OR [[SHORTNESS OF BREATH|NEGATION]].",
        "NEGATIVE FOR [[PNEUMONIA|NEGATION]].",
        "NO [[FRACTURE|NEGATION]] SEEN ON [[XRAY]].",
        "PT [[AFEBRILE|NEGATION]]. NIL [[VOMITING|NEGATION]] BUT [[NAUSEA]] ONGOING.",
        "[[PE|NEGATION]] EXCLUDED.",
        "RETURN IF [[FEVER|HYPOTHETICAL]].",
    ])
    func allCapsNotes(row: String) { Self.check(row) }

    // MARK: review-of-systems and examination templates

    @Test(arguments: [
        "CVS: HS dual, nil added. No [[murmurs|NEGATION]].",
        "Chest: clear, no [[wheeze|NEGATION]] or [[creps|NEGATION]].",
        "Resp: no [[wheeze|NEGATION]], [[crackles|NEGATION]] or [[rubs|NEGATION]].",
        "Abdo: [[SNT|NEGATION]], no [[organomegaly|NEGATION]].",
        "Ext: no [[oedema|NEGATION]], no [[calf tenderness|NEGATION]].",
        "Skin: no [[rash|NEGATION]].",
        "Neuro: no [[focal deficit|NEGATION]].",
        "GU: no [[dysuria|NEGATION]] or [[haematuria|NEGATION]].",
        "Constitutional: Negative for [[fever|NEGATION]] and [[chills|NEGATION]].",
        "Respiratory: Positive for [[cough]]. Negative for [[wheezing|NEGATION]].",
        "Cardiovascular: Negative for [[chest pain|NEGATION]], [[palpitations|NEGATION]] and [[leg swelling|NEGATION]].",
        "Gastrointestinal: Positive for [[nausea]]. Negative for [[vomiting|NEGATION]] and [[diarrhea|NEGATION]].",
        "ROS:\n[[Fever|NEGATION]]: no\n[[Cough]]: yes\n[[Dyspnoea|NEGATION]]: no\n",
        "(-) [[fever|NEGATION]], (-) [[chills|NEGATION]], (+) [[cough]]",
        "[[fever|NEGATION]] (-), [[cough]] (+)",
        "Heart: RRR, no [[murmurs|NEGATION]], [[rubs|NEGATION]] or [[gallops|NEGATION]].",
        "HEENT: no [[lymphadenopathy|NEGATION]].",
        "Abdomen: soft, [[non-tender|NEGATION]], no [[guarding|NEGATION]] or [[rebound|NEGATION]].",
    ])
    func examinationTemplates(row: String) { Self.check(row) }

    /// Commonly negated findings the lexicon lacked before session 6
    /// (scripts/lexicons/conditions/23_negated_findings_probed.txt).
    @Test(arguments: [
        "Nil [[sundowning|NEGATION]], nil [[exit seeking|NEGATION]] or [[absconding|NEGATION]] this shift.",
        "Chest: clear, no added sounds.", "No [[succussion splash|NEGATION]].",
        "No [[PONV|NEGATION]].", "No [[akathisia|NEGATION]] or [[respiratory depression|NEGATION]].",
        "Denies [[cravings|NEGATION]].", "Breasts soft, no [[breast engorgement|NEGATION]] or [[cracked nipples|NEGATION]].",
        "Nil [[offensive lochia|NEGATION]].", "Denies [[postural dizziness|NEGATION]] or [[haloes|NEGATION]].",
        "No [[loss of anal tone|NEGATION]].", "No [[catatonia|NEGATION]].",
    ])
    func commonlyNegatedFindingsVocabulary(row: String) { Self.check(row) }

    // MARK: every category

    @Test(arguments: [
        // medications
        "Not on [[warfarin|NEGATION]].", "Not taking [[aspirin|NEGATION]] or [[clopidogrel|NEGATION]].",
        "No [[anticoagulants|NEGATION]].", "Nil [[NSAIDs|NEGATION]].", "Has never taken [[metformin|NEGATION]].",
        "[[Enoxaparin|NEGATION]] not given.", "[[Aspirin|NEGATION]] - not taking",
        "[[Colchicine|NEGATION]] avoided given renal function.", "[[Ibuprofen|NEGATION]] not to be used with [[dexamethasone]].",
        "[[Ondansetron]] PRN (not with [[metoclopramide]] within 1 hr).",
        // tests and procedures
        "[[ECG|NEGATION]] not done.", "[[CT head|NEGATION]] not performed.", "[[Troponin|NEGATION]] not done.",
        "No [[CXR|NEGATION]] performed.", "Has not had a [[colonoscopy|NEGATION]].", "[[Blood transfusion|NEGATION]]: No",
        "No [[surgery|NEGATION]] required.", "[[Physiotherapy|NEGATION]] not required.",
        // findings qualified by a site: the site is never negated (Rule N2)
        "No [[tenderness|NEGATION]] over the knee.", "No [[swelling|NEGATION]] of the ankle.",
        // social history
        "Denies [[alcohol|NEGATION]].", "No [[IVDU|NEGATION]].", "Denies [[smoking|NEGATION]].",
        // a test with a negative result is a test with a value, not a negated test (Rule T1)
        "[[Troponin]] negative.", "[[bHCG]] negative.", "[[Urine dipstick]] negative for blood.",
    ])
    func everyCategory(row: String) { Self.check(row) }

    // MARK: must NOT be negated

    @Test(arguments: [
        "Nil by mouth. [[IV fluids]] running.",
        "Patient has [[fever]] and [[cough]].",
        "[[Fever]], no [[rash|NEGATION]].",
        "Reports [[chest pain]], no [[radiation|NEGATION]].",
        "Not for resuscitation. [[Pneumonia]] on [[antibiotics]].",
        "No. of episodes of [[vomiting]]: 3.",
        "Did not attend. [[Diabetes]] review due.",
        "[[Headache]] is not new.",
        "The [[rash]] is not itchy.",
        "Unable to walk due to [[knee pain]].",
        "Negative [[Murphy's sign]].",
        "She could not sleep because of [[cough]].",
        "Started [[amoxicillin]] for [[pneumonia]].",
        "No known cause for [[anaemia]].",
        "Noted [[hypertension]].",
        "[[Diabetes]] not well controlled.",
        "[[Pain]] not controlled with [[paracetamol]].",
        "[[Asthma]] nonetheless controlled.",
        "Unable to work owing to [[back pain]].",
        "Nonetheless [[dyspnoea]] persists.",
    ])
    func notNegated(row: String) { Self.check(row) }

    // MARK: the other traits where they meet negation

    @Test(arguments: [
        // HYPOTHETICAL
        "Return if [[fever|HYPOTHETICAL]] or [[vomiting|HYPOTHETICAL]].",
        "Return to ED if [[chest pain|HYPOTHETICAL]], [[SOB|HYPOTHETICAL]] or [[fever|HYPOTHETICAL]].",
        "Should she develop [[rash|HYPOTHETICAL]], stop the tablets.",
        "Watch for [[bleeding|HYPOTHETICAL]].",
        "In case of [[seizure|HYPOTHETICAL]], call an ambulance.",
        "If [[vomiting|HYPOTHETICAL]] persists, see GP.",
        "No [[fever|NEGATION]] today; return if [[fever|HYPOTHETICAL]] develops.",
        "[[Paracetamol]] 1 g PRN [[pain|HYPOTHETICAL]].",
        // PAST_HISTORY
        "History of [[stroke|PAST_HISTORY]].", "Hx of [[DVT|PAST_HISTORY]].", "Previous [[MI|PAST_HISTORY]].",
        "s/p [[appendicectomy|PAST_HISTORY]].", "[[Asthma|PAST_HISTORY]] as a child.",
        "[[Chest pain|PAST_HISTORY]] resolved.", "[[Headache|PAST_HISTORY]] has settled.",
        // PERTAINS_TO_FAMILY
        "Mother has [[breast cancer|PERTAINS_TO_FAMILY]].", "Brother with [[T1DM|PERTAINS_TO_FAMILY]].",
        "Family history of [[diabetes|PERTAINS_TO_FAMILY]].", "FHx: father [[MI|PERTAINS_TO_FAMILY]] at 55.",
        // LOW_CONFIDENCE
        "?[[pneumonia|LOW_CONFIDENCE]]", "Query [[appendicitis|LOW_CONFIDENCE]].", "Possible [[UTI|LOW_CONFIDENCE]].",
        "Likely viral [[URTI|LOW_CONFIDENCE]].", "Probable [[gastroenteritis|LOW_CONFIDENCE]].", "Suspected [[PE|LOW_CONFIDENCE]].",
        "[[Pneumonia|LOW_CONFIDENCE]] vs [[atelectasis|LOW_CONFIDENCE]].", "R/O [[PE|LOW_CONFIDENCE]].",
        "Suspicious for [[malignancy|LOW_CONFIDENCE]].", "Findings consistent with [[pneumonia]].",
        // post-posed at a line end or closed by punctuation; before a cause it reads forward
        "A: [[pneumonia|LOW_CONFIDENCE]] likely.", "[[Gastroenteritis|LOW_CONFIDENCE]] possible, review tomorrow.",
        "Impression: [[gout|LOW_CONFIDENCE]] probable\n", "[[Chest pain]] likely musculoskeletal.",
        // combined
        "No [[fever|NEGATION]] but ?[[UTI|LOW_CONFIDENCE]].",
        "Denies [[chest pain|NEGATION]]; possible [[GORD|LOW_CONFIDENCE]].",
        "No [[rash|NEGATION]]. Mother has [[eczema|PERTAINS_TO_FAMILY]].",
    ])
    func otherTraits(row: String) { Self.check(row) }

    /// A relative who brings, accompanies or is with the patient is a companion, not the
    /// experiencer; a relative who has the condition still is.
    @Test(arguments: [
        "Mum brings in 4yo girl with [[fever]] and [[cough]].",
        "2yo boy BIB mum with [[vomiting]] x3.",
        "8 yo here with mom for [[asthma]] review.",
        "Seen with her husband; [[headache]] for 2 days.",
        "Attends with parents, [[wheeze]] overnight.",
        "Presents with dad after a [[fall]].",
        "Reviewed with his mother in week 2 of [[clozapine]].",
        // the relative is the experiencer
        "Mother with [[breast cancer|PERTAINS_TO_FAMILY]] at 50.",
        "Dad has [[T2DM|PERTAINS_TO_FAMILY]].",
        "Lives with mum. Sister with [[asthma|PERTAINS_TO_FAMILY]].",
    ])
    func relativeAsCompanion(row: String) { Self.check(row) }

    /// Section defaults (Past History, Family History) stop at a paragraph that opens with a
    /// label the sectioner does not know; a test with a result in a history section is a current
    /// measurement; the allergy heading of a note's last line is negated like any other.
    @Test(arguments: [
        "FHx: father [[MI|PERTAINS_TO_FAMILY]] at 60.\n\nSince last visit: [[nausea]] most mornings.",
        "FH: mother [[glaucoma|PERTAINS_TO_FAMILY]]\n\nInterval history: [[dizziness on standing]] most days; no [[falls|NEGATION]].",
        "Background:\n- [[HTN|PAST_HISTORY]]\n- [[Asthma|PAST_HISTORY]]\n\nExamination on arrival:\n[[Wheeze]] bilaterally, no [[rash|NEGATION]].",
        "Past history: [[AF|PAST_HISTORY]], [[hypothyroidism|PAST_HISTORY]].\n\nInpatient course: [[nausea]] day 1.",
        // a labelled line without a blank line before it stays in the section
        "Family history:\nMother: [[breast cancer|PERTAINS_TO_FAMILY]]\nFather: [[MI|PERTAINS_TO_FAMILY]]",
        "PMHx:\n- [[T2DM|PAST_HISTORY]] (last [[HbA1c]] 8.1%)\n- [[CKD|PAST_HISTORY]] ([[eGFR]] 41)",
        "PMHx: [[asthma|PAST_HISTORY]].\n[[Allergies|ALLERGIES|NEGATION]]: nil",
        "Social: lives alone.\n[[Allergies|ALLERGIES|NEGATION]]: none.\n",
    ])
    func sectionDefaultsEnd(row: String) { Self.check(row) }

    /// Medications: taken and stopped (by the patient, the prescriber, a heading) is PAST_HISTORY;
    /// never started, omitted, declined or not given is NEGATION; held, withheld and advice to
    /// avoid are neither (GUIDELINE §8 N2); a replacement drug is current.
    @Test(arguments: [
        "Ran out of [[amlodipine|PAST_HISTORY]] a week ago.", "She no longer takes [[sertraline|PAST_HISTORY]].",
        "No longer needs [[oxycodone|PAST_HISTORY]].", "[[Ramipril|PAST_HISTORY]] self-ceased in May.",
        "MAP 70 off [[noradrenaline|PAST_HISTORY]].", "[[Perindopril|PAST_HISTORY]] (no longer indicated).",
        "[[Celecoxib|NEGATION]] omitted (renal function).", "[[Zostavax|NEGATION]] must not be given.",
        "Declined [[influenza vaccine|NEGATION]].", "Never started [[allopurinol|NEGATION]].",
        // neither
        "[[Metformin]] withheld pre-contrast.", "[[Apixaban]] on hold.", "Hold [[frusemide]] today.",
        "Avoid [[NSAIDs]].", "Advised to avoid [[ibuprofen]] and [[naproxen]].",
        "Januvia (ceased, no benefit), [[Lipitor|PAST_HISTORY]] (myalgia).", "No dose increase in [[methotrexate]] this visit.",
        // a ceased-medications heading and the drugs that replace them
        "CEASED:\n- [[Nurofen|PAST_HISTORY]] 200 mg PRN\n- [[Crestor|PAST_HISTORY]] 20 mg - switched to [[Lipitor]]\n",
        "STOP: [[naproxen|PAST_HISTORY]], [[ibuprofen|PAST_HISTORY]].\n\nFollow-up: GP in 1 week.",
        "Discontinued: [[quetiapine|PAST_HISTORY]] 25 mg qhs.",
        "STOP these medications:\n- [[metoprolol|PAST_HISTORY]] 50 mg daily - replaced by [[carvedilol]]\n",
        "PRESCRIBED BUT NOT TAKING\n- [[Atorvastatin|NEGATION]] 40 mg daily\n",
    ])
    func stoppedHeldAndAvoidedMedications(row: String) { Self.check(row) }

    /// Post-posed values in a checklist written across one line (fields apart by three or more
    /// spaces or a tab), "not yet" values, tests not drawn, exclusions still to be made.
    @Test(arguments: [
        "[[Fever|NEGATION]]: none   [[Chest pain|NEGATION]] - no   [[Palpitations|NEGATION]]: N   [[Abdominal pain]]: yes",
        "[[Headache|NEGATION]] - denies\t[[Cough]]: yes",
        "[[Cough]] - yes  [[Vomiting]] - occasional",
        "[[Cataract surgery|NEGATION]]: not yet.", "[[Flatus|NEGATION]] - nil yet, BNO.",
        "[[Paracetamol level|NEGATION]] not drawn (time unknown).", "[[Hepatotoxicity|NEGATION]] not yet present.",
        "Fever on return ([[malaria|HYPOTHETICAL]] must be excluded).", "[[PE|LOW_CONFIDENCE]] needs to be ruled out.",
    ])
    func checklistAndPendingValues(row: String) { Self.check(row) }

    /// A negated list mixes findings the lexicon knows with words it does not: the list runs on
    /// past known conditions to unknown items; affirmed items, activities, grades and
    /// non-condition entities end it.
    @Test(arguments: [
        "No [[otalgia|NEGATION]] or [[discharge|NEGATION]].",
        "Denies [[pelvic pain|NEGATION]], [[vaginal bleeding|NEGATION]] or [[discharge|NEGATION]].",
        "Nil [[cough|NEGATION]] or [[wheeze|NEGATION]], nil [[sputum|NEGATION]].",
        "No [[haematuria|NEGATION]] or [[dribbling|NEGATION]].",
        "No [[chest pain|NEGATION]], [[palpitations|NEGATION]] or [[racing heart|NEGATION]].",
        "Nil perianal [[pain|NEGATION]] or [[discharge|NEGATION]].", "No [[fistula|NEGATION]], no [[skin tags|NEGATION]].",
        "No [[abdominal pain|NEGATION]] or LUQ [[fullness|NEGATION]].",
        // not negated, or not findings
        "No [[fever|NEGATION]], chest clear.", "No [[vomiting|NEGATION]], passing flatus.",
        "Denies [[fever|NEGATION]], reports [[cough]].", "No [[nystagmus|NEGATION]], power 5/5 in all limbs.",
        "No [[rigors|NEGATION]], normal appetite.", "No [[rash|NEGATION]]; abdomen soft.",
        "No [[alcohol|ALCOHOL_CONSUMPTION|NEGATION]], [[drugs|REC_DRUG_USE|NEGATION]] or [[tobacco|TOBACCO_USE|NEGATION]].",
    ])
    func listsOfKnownAndUnknownFindings(row: String) {
        Self.check(row)
        // Unmarked words must not become negated findings ("chest clear", "passing flatus", "power").
        let m = MarkedText(row)
        let doc = GoldRuleTests.annotator.annotate(Document(text: m.text), linking: .none)
        let extra = doc.entities.filter { e in
            e.traits.contains(.negation) && !m.marks.contains { $0.span == e.span }
        }.map { doc.document.text(in: $0.span) }
        #expect(extra.isEmpty, "\(m.text.debugDescription): unexpected negated entities \(extra)")
    }

    /// A test or procedure not done is negated (GUIDELINE §8: "not done"): not checked, measured,
    /// repeated, taken, requested, attempted; a condition or site before the same words is not.
    @Test(arguments: [
        "[[HbA1c|NEGATION]] not checked this visit.", "[[Ferritin|NEGATION]] not measured.",
        "[[Troponin|NEGATION]] not repeated.", "[[Blood cultures|NEGATION]] not taken before antibiotics.",
        "[[Urine MCS|NEGATION]] not requested.", "[[Spirometry|NEGATION]] not attempted.",
        "[[Metformin|NEGATION]] not taken today.",
        // not negated
        "[[Knee]] not examined.", "[[Headache]] not assessed further.",
    ])
    func testsNotDone(row: String) { Self.check(row) }

    /// "No latex allergy" states an absent allergy: a negated ALLERGIES entity naming the allergen
    /// (or the whole class phrase: "drug allergies"); an affirmed "peanut allergy" stays a condition.
    @Test(arguments: [
        "No [[latex|ALLERGIES|NEGATION]] allergy.", "No [[drug allergies|ALLERGIES|NEGATION]].",
        "Denies [[food allergies|ALLERGIES|NEGATION]].", "Nil [[peanut|ALLERGIES|NEGATION]] allergy.",
        "Known [[peanut allergy|DX_NAME]], carries an EpiPen.", "[[Allergies|ALLERGIES|NEGATION]]/ADRs: nil known.",
    ])
    func negatedAllergyStatements(row: String) { Self.check(row) }

    /// Social history written with a negated verb of use is one negated entity; an affirmed verb is not negated.
    @Test(arguments: [
        "[[Does not smoke|TOBACCO_USE|NEGATION]].",
        "He [[doesn't smoke|TOBACCO_USE|NEGATION]] and [[doesn't drink|ALCOHOL_CONSUMPTION|NEGATION]].",
        "[[Does not vape|TOBACCO_USE|NEGATION]].", "No [[smoke exposure|TOBACCO_USE|NEGATION]] at home.",
        // not negated
        "[[Smokes|TOBACCO_USE]] 10 a day.", "[[Drinks alcohol|ALCOHOL_CONSUMPTION]] socially.",
    ])
    func negatedSocialVerbs(row: String) { Self.check(row) }

    /// Unmarked entities of `row` that carry NEGATION (they must not).
    static func extraNegations(_ row: String) -> [String] {
        let m = MarkedText(row)
        let doc = GoldRuleTests.annotator.annotate(Document(text: m.text), linking: .none)
        return doc.entities.filter { e in
            e.traits.contains(.negation) && !m.marks.contains { $0.span == e.span }
        }.map { String(doc.document.text(in: $0.span)) }
    }

    /// Examination shorthand after a site: `NT` (non-tender), `NTTP`, `NTND`, and `ND`
    /// (non-distended) only in an abdominal examination, since `ND` is also "not done".
    @Test(arguments: [
        "Abdomen soft, [[NT|NEGATION]]/[[ND|NEGATION]], BS present.", "Abdo: soft, [[NT|NEGATION]], [[ND|NEGATION]].",
        "Abd soft [[NTND|NEGATION]].", "Abdomen: soft, [[NTTP|NEGATION]].", "Lateral malleolus [[NT|NEGATION]].",
        "Abdomen: [[SNT|NEGATION]].",
        // not findings: "ND" is "not done" outside the abdomen; lower-case "nt" is no shorthand
        "Gait: ND. Romberg: ND.", "Coordination ND, reflexes 2+ symmetric.", "[[Troponin]] ND.",
        "Pt cant walk, dont know.",
    ])
    func examinationShorthand(row: String) {
        Self.check(row)
        let extra = Self.extraNegations(row)
        #expect(extra.isEmpty, "\(MarkedText(row).text.debugDescription): unexpected negated entities \(extra)")
    }

    /// Checklist templates: an empty box negates the item after it, a ticked box starts a present
    /// item; `Label: N` fields two spaces apart are separate fields.
    @Test(arguments: [
        "[ ] [[chest pain|NEGATION]] [x] [[dyspnoea]] [ ] [[palpitations|NEGATION]]",
        "[ ] [[Fever|NEGATION]]\n[X] [[Cough]]\n[ ] [[Haemoptysis|NEGATION]]",
        "☐ [[fever|NEGATION]] ☑ [[cough]] ☐ [[wheeze|NEGATION]]",
        "[[Fever|NEGATION]]: N  [[Chills|NEGATION]]: N  [[Cough]]: Y",
        "[[Nausea|NEGATION]]: no  [[Vomiting|NEGATION]]: no  [[Diarrhoea]]: yes",
        // not negated
        "[x] [[chest pain]]", "Reviewed [[ECG]] [x] and [[CXR]] [x].",
    ])
    func checkboxesAndTwoSpaceFields(row: String) { Self.check(row) }

    /// Recreational drug use written as a substance class; a negated one is one negated
    /// REC_DRUG_USE entity, an affirmed one carries no trait.
    @Test(arguments: [
        "Nil [[illicit substances|REC_DRUG_USE|NEGATION]].", "Denies [[IV drugs|REC_DRUG_USE|NEGATION]].",
        "No [[PEDs|REC_DRUG_USE|NEGATION]] or supplements.", "Nil [[IVDU|REC_DRUG_USE|NEGATION]].",
        "Never used [[illegal drugs|REC_DRUG_USE|NEGATION]].",
        // affirmed
        "Uses [[illegal drugs|REC_DRUG_USE]] on weekends.", "Current [[IVDU|REC_DRUG_USE]], last use yesterday.",
    ])
    func negatedDrugUse(row: String) { Self.check(row) }

    /// GUIDELINE §8 N2: `not taking` a drug that the note says was taken and then stopped is
    /// PAST_HISTORY only; `not taking` with no such sign stays NEGATION; adherence wording
    /// (`not taking regularly`) negates nothing.
    @Test(arguments: [
        "Not taking [[aspirin|PAST_HISTORY]] - ceased by cardiology in 2023.",
        "Not taking [[amitriptyline|PAST_HISTORY]] (stopped by GP last year).",
        "[[Penicillin V|PAST_HISTORY]] - not taking since age 5.",
        "[[Metformin|PAST_HISTORY]] not taken since March.",
        // still negated: never taken, or no sign it was
        "Not taking [[aspirin|NEGATION]].", "Not on [[anticoagulants|NEGATION]].",
        "Declined [[influenza vaccine|NEGATION]].",
        // adherence, not absence
        "[[Thiamine]] 100 mg daily (not taking regularly).", "[[Budesonide]] - not taking as prescribed.",
    ])
    func notTakingAStoppedDrug(row: String) { Self.check(row) }

    /// Normal-examination shorthand for joints (GUIDELINE C5) names no finding.
    @Test(arguments: [
        "Hips: full painless range.", "Shoulder: full pain-free range of movement.", "Knees: pain free range, no effusion.",
    ])
    func normalRangeIsNoFinding(row: String) {
        let extra = Self.extraNegations(row)
        #expect(extra.allSatisfy { $0.lowercased() == "effusion" }, "\(row.debugDescription): unexpected negated entities \(extra)")
    }

    /// A negation does not reach into an aside that names something ("CT without contrast
    /// ([[AKI]])"), but runs on over a bracketed measurement inside a list, and a post-posed cue
    /// inside brackets still reaches back; tests deferred or not assessable were not done.
    @Test(arguments: [
        "CT abdomen/pelvis without contrast ([[AKI]]): no [[hydronephrosis|NEGATION]].",
        "No [[opioid|NEGATION]] prescribed ([[codeine|ALLERGIES]] allergy).",
        "No B symptoms ([[fevers|NEGATION]], [[night sweats|NEGATION]] or [[weight loss|NEGATION]]).",
        "No [[wall thickening|NEGATION]] (2 mm) or [[pericholecystic fluid|NEGATION]].",
        "[[Fish oil|NEGATION]] (not taking).",
        "[[Pelvic exam|NEGATION]] deferred - no gynaecological symptoms.", "[[CAM-ICU|NEGATION]] not assessable while sedated.",
        "[[TTE|NEGATION]] not to be repeated.",
        // not negated: a condition before "deferred" ("decision deferred") is no test
        "[[Pneumonia]] - decision on antibiotics deferred.",
    ])
    func asidesAndTestsNotDone(row: String) { Self.check(row) }

    /// Findings of pathology, retina, ENT, skin and family histories that notes state as absent.
    @Test(arguments: [
        "Well-differentiated SCC, no [[perineural invasion|NEGATION]] seen.", "Mild NPDR both eyes, no [[DMO|NEGATION]].",
        "No [[aspirin sensitivity|NEGATION]].", "No [[lipohypertrophy|NEGATION]] at injection sites.",
        "No family history of [[MEN2|PERTAINS_TO_FAMILY|NEGATION]].", "Pupils: no [[APD|NEGATION]].",
        "Low concern for [[nec fasc|NEGATION]].", "Nil [[wandering|NEGATION]] this shift.",
        "Scabies; no secondary [[impetigo|NEGATION]].", "No [[dream enactment|NEGATION]].",
        "[[MSLT|NEGATION]] not indicated at this time.",
        // affirmed
        "Centre-involving [[DMO]] right eye, for intravitreal aflibercept.",
    ])
    func negatedSpecialtyFindings(row: String) { Self.check(row) }

    /// Pseudo-negations (GUIDELINE §8: `no increase in`, `no change in`): a finding that did not get
    /// worse, better, bigger or smaller exists; the phrase also ends a list negation before it, so
    /// "no pneumothorax, no increase in [effusion]" keeps the effusion affirmed.
    @Test(arguments: [
        "No [[pneumothorax|NEGATION]], no increase in [[effusion]].", "No [[fever|NEGATION]], no worsening of [[cough]].",
        "No decrease in [[swelling]].", "No reduction in [[pain]] with paracetamol.", "No progression of [[retinopathy]].",
        "No [[cough|NEGATION]] and no increase in [[wheeze]].",
        // still negated: a list without a pseudo-negation, and a finding named "change in ..."
        "No [[nausea|NEGATION]], no [[vomiting|NEGATION]].", "No [[change in bowel habit|NEGATION]].",
    ])
    func pseudoNegationsEndAList(row: String) { Self.check(row) }

    /// `rather than` sets a finding aside ("limited by hip pain rather than [breathlessness]"); the
    /// finding before it stays affirmed.
    @Test(arguments: [
        "Walks 400 m, limited by hip pain rather than [[breathlessness|NEGATION]].",
        "[[Breathlessness]] rather than pain limits him.",
    ])
    func ratherThanSetsAFindingAside(row: String) { Self.check(row) }

    /// LOW_CONFIDENCE written after a finding or around it (GUIDELINE §8: `?`, `likely`, `less likely`,
    /// `vs`): a question mark right after a finding, `likely` closing an aside, `less likely` after a
    /// list, `wondered about`, `was questioned`; an answered question, `?` before a finding, `to suggest`
    /// after a negated finding, `suggest` before a test and `vs` between treatments are not uncertainty.
    @Test(arguments: [
        "[[Anaphylaxis|LOW_CONFIDENCE]]? Ate peanuts 40 min ago.", "Tramadol - [[seizure|LOW_CONFIDENCE]]?",
        "Husband says she acts out her dreams ([[REM sleep behaviour disorder|LOW_CONFIDENCE]]?).",
        "[[AKI]] ([[ATN|LOW_CONFIDENCE]] likely) - improving.",
        "[[Dengue|LOW_CONFIDENCE]] and [[typhoid|LOW_CONFIDENCE]] less likely.",
        "I wondered about [[PSC|LOW_CONFIDENCE]] given her [[IBD]].", "Mild [[gastritis|LOW_CONFIDENCE]] was questioned.",
        "Findings suggest [[pneumonia|LOW_CONFIDENCE]].", "[[Pneumonia|LOW_CONFIDENCE]] vs [[atelectasis|LOW_CONFIDENCE]].",
        // not uncertain, or another trait
        "[[Cough]] ?[[pneumonia|LOW_CONFIDENCE]]", "[[Fever]]? Yes.", "[[Rash]]? Present on both arms.",
        "Any [[haematuria|NEGATION]]? Nil.", "No nodularity to suggest [[cirrhosis|NEGATION]].",
        "No filling defect to suggest [[pulmonary embolism|NEGATION]].", "Suggest repeat [[UEC|FUTURE]].",
        "Discussed [[haemodialysis|HYPOTHETICAL]] vs [[peritoneal dialysis|HYPOTHETICAL]].",
    ])
    func uncertaintyAfterAndAroundAFinding(row: String) { Self.check(row) }

    /// HYPOTHETICAL (GUIDELINE §8: return precautions, options): `go to (the) ED for` lists, warning
    /// signs, a treatment that `can/may be considered` or is kept `only if` something happens; a drug
    /// warning is no hypothetical drug.
    @Test(arguments: [
        "Go to ED for new [[leg weakness|HYPOTHETICAL]], [[urinary retention|HYPOTHETICAL]] or [[faecal incontinence|HYPOTHETICAL]].",
        "Asked her to go to the ED for heavy [[bleeding|HYPOTHETICAL]] or [[fever|HYPOTHETICAL]].",
        "[[Preeclampsia|HYPOTHETICAL]] warning signs reviewed.", "Reviewed [[SJS|HYPOTHETICAL]] warning.",
        "[[Eplerenone|HYPOTHETICAL]] can be considered by cardiology.",
        "[[DCCV|HYPOTHETICAL]] may be considered after 3 weeks of anticoagulation.",
        "[[Pramipexole|HYPOTHETICAL]] only if symptoms persist.",
        "[[Hip MRI|HYPOTHETICAL]] only if [[hip pain|HYPOTHETICAL]] develops.",
        // not hypothetical
        "[[Ciprofloxacin]] warning given.",
    ])
    func returnPrecautionsAndOptions(row: String) { Self.check(row) }

    /// FUTURE: a test repeated at an interval is a planned test (`annual`, `6-monthly`, `every 3
    /// months`, `yearly`); a drug's interval is its frequency.
    @Test(arguments: [
        "Annual [[skin exam|FUTURE]].", "[[FBC|FUTURE]] and [[LFTs|FUTURE]] every 3 months.",
        "6-monthly [[skin checks|FUTURE]].", "[[Skin check|FUTURE]] yearly.",
        // a drug's frequency
        "[[Prolia]] 60 mg subcut 6-monthly.", "[[Denosumab]] 60 mg every 6 months.",
    ])
    func recurringTests(row: String) { Self.check(row) }

    /// PAST_HISTORY: treatments completed or failed, and labelled lists of past trials with their
    /// effects; a test completed now is no history; an allergen keeps no history cue (GUIDELINE §8,
    /// Allergies: the reaction carries it).
    @Test(arguments: [
        "Completed [[enoxaparin|PAST_HISTORY]] 40 mg daily x 4 weeks.", "[[Shingrix|PAST_HISTORY]] x2 completed 2024.",
        "Failed [[physical therapy|PAST_HISTORY]] and [[NSAIDs|PAST_HISTORY]].",
        "Failed trials of [[risperidone|PAST_HISTORY]] and [[olanzapine|PAST_HISTORY]].",
        "Previously tried: [[gliclazide|PAST_HISTORY]] (ceased 2021, [[hypos|PAST_HISTORY]]), [[sitagliptin|PAST_HISTORY]].",
        "Past trials: [[Lexapro|PAST_HISTORY]] ([[insomnia|PAST_HISTORY]]), [[quetiapine|PAST_HISTORY]] ([[weight gain|PAST_HISTORY]]).",
        "A course of [[amoxicillin|PAST_HISTORY]] was completed.",
        // not history: the current operation, a test completed now, a failure to respond
        "[[CT abdomen]] completed today.", "CT failed to show [[fracture|NEGATION]].",
        "Once this was completed, [[Gelfoam]] was placed into the pelvis.",
        "The procedure was completed with [[electrocautery]].",
        "He failed to respond to conservative care and sought [[surgery]].",
        "Allergies: [[Penicillin|ALLERGIES]] - rash as a child.", "Allergies: [[Bactrim|ALLERGIES]] - rash 2015.",
    ])
    func finishedAndFailedTreatments(row: String) { Self.check(row) }
}
