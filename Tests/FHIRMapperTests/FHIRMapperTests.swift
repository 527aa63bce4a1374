import FHIRMapper
import MedTextCore
import Testing

@Suite struct ConditionRules {
    @Test func negatedConditionIsRefutedWithoutClinicalStatus() throws {
        let m = Fixture.map("CXR: no [[consolidation|DX_NAME|NEGATION|SNOMED=95436008]].")
        let c = try #require(m.resources.first)
        #expect(c.resourceType == "Condition")
        #expect(c.json.string("verificationStatus.coding.0.code") == "refuted")
        #expect(c.json.string("verificationStatus.coding.0.system") == "http://terminology.hl7.org/CodeSystem/condition-ver-status")
        #expect(c.json["clinicalStatus"] == nil)
        #expect(c.json.string("category.0.coding.0.code") == "encounter-diagnosis")
        #expect(c.json.string("code.text") == "consolidation")
        #expect(c.json.string("code.coding.0.system") == "http://snomed.info/sct")
        #expect(c.json.string("code.coding.0.version") == "2025-01-01")
        #expect(c.json.string("evidence.0.detail.0.reference") == "DocumentReference/abc/_history/2")
        #expect(c.json.string("subject.reference") == "Patient/123")
        #expect(c.json.string("encounter.reference") == "Encounter/9")
        #expect(c.json.string("recordedDate") == "2026-11-29T10:00:00Z")
    }

    @Test(arguments: [
        ("[[pneumonia|DX_NAME|DIAGNOSIS]] confirmed on CXR.", "confirmed"),
        ("?[[pneumonia|DX_NAME|LOW_CONFIDENCE]]", "provisional"),
        ("Differential: [[pneumonia|DX_NAME|LOW_CONFIDENCE]] versus [[PE|DX_NAME|LOW_CONFIDENCE]].", "differential"),
    ])
    func verificationStatusFromTraits(marked: String, expected: String) throws {
        let c = try #require(Fixture.map(marked).resources.first)
        #expect(c.json.string("verificationStatus.coding.0.code") == expected)
    }

    @Test func hypotheticalAndFutureAreLeftOutByDefault() throws {
        let text = "Return to ED if [[chest pain|DX_NAME|SYMPTOM|HYPOTHETICAL]]. Plan: [[colonoscopy|PROCEDURE_NAME|FUTURE]]."
        #expect(Fixture.map(text).resources.isEmpty)
        #expect(Fixture.map(text).provenance == nil)
        let kept = Fixture.map(text, context: Fixture.context(include: [.hypothetical, .future])).resources
        #expect(kept.map(\.resourceType) == ["Condition", "Procedure"])
        #expect(kept[0].json.string("verificationStatus.coding.0.code") == "provisional")
        #expect(kept[0].json.string("meta.tag.0.code") == "hypothetical")
        #expect(kept[0].json.string("meta.tag.0.system") == "https://medtext.dev/fhir/CodeSystem/assertion")
        #expect(kept[1].json.string("status") == "preparation")
        #expect(kept[1].json.string("meta.tag.0.code") == "future")
        let onlyFuture = Fixture.map(text, context: Fixture.context(include: [.future])).resources
        #expect(onlyFuture.map(\.resourceType) == ["Procedure"])
    }

    @Test(arguments: [
        ("[[PMHx:\n[[asthma|DX_NAME|DIAGNOSIS|PAST_HISTORY]] as a child, resolved.|SECTION=past_medical_history]]", "resolved", "problem-list-item"),
        ("[[PMHx:\n[[T2DM|DX_NAME|DIAGNOSIS|PAST_HISTORY]] on metformin.|SECTION=past_medical_history]]", "active", "problem-list-item"),
        ("[[Imp:\n[[Crohn disease|DX_NAME|DIAGNOSIS]], in remission.|SECTION=impression]]", "remission", "encounter-diagnosis"),
        ("[[Imp:\n[[Community-acquired pneumonia|DX_NAME|DIAGNOSIS]].|SECTION=impression]]", "active", "encounter-diagnosis"),
    ])
    func clinicalStatusAndCategory(marked: String, status: String, category: String) throws {
        let c = try #require(Fixture.map(marked).resources.first)
        #expect(c.json.string("clinicalStatus.coding.0.code") == status)
        #expect(c.json.string("category.0.coding.0.code") == category)
    }

    @Test func severityAndLaterality() throws {
        let c = try #require(Fixture.map("Severe [[pain|DX_NAME|SYMPTOM]] in the [[left|DIRECTION]] [[knee|SYSTEM_ORGAN_SITE|SNOMED=72696002]].").resources.first)
        #expect(c.json.string("severity.coding.0.code") == "24484000")
        #expect(c.json.string("bodySite.0.text") == "left knee")
        #expect(c.json.string("bodySite.0.coding.0.code") == "72696002")
        #expect(c.json.string("bodySite.0.coding.1.code") == "72696002:272741003=7771000")
    }
}

@Suite struct FamilyHistoryRules {
    @Test(arguments: [
        ("Mother had [[breast cancer|DX_NAME|DIAGNOSIS|PERTAINS_TO_FAMILY]].", "MTH"),
        ("FHx: [[IHD|DX_NAME|DIAGNOSIS|PERTAINS_TO_FAMILY]] in father at 55.", "FTH"),
        ("Maternal grandmother with [[T2DM|DX_NAME|DIAGNOSIS|PERTAINS_TO_FAMILY]].", "MGRMTH"),
        ("Brother has [[T1DM|DX_NAME|DIAGNOSIS|PERTAINS_TO_FAMILY]].", "BRO"),
        ("Her sister: [[asthma|DX_NAME|DIAGNOSIS|PERTAINS_TO_FAMILY]].", "SIS"),
        ("Family history of [[bowel cancer|DX_NAME|DIAGNOSIS|PERTAINS_TO_FAMILY]].", "FAMMEMB"),
    ])
    func relationshipFromNearbyWords(marked: String, code: String) throws {
        let r = try #require(Fixture.map(marked).resources.first)
        #expect(r.resourceType == "FamilyMemberHistory")
        #expect(r.json.string("relationship.coding.0.code") == code)
        #expect(r.json.string("relationship.coding.0.system") == "http://terminology.hl7.org/CodeSystem/v3-RoleCode")
        #expect(r.json.string("status") == "completed")
        #expect(r.json.string("patient.reference") == "Patient/123")
        #expect(r.json.at("condition.0.code.text") != nil)
    }

    @Test func negatedFamilyHistoryIsLeftOut() {
        #expect(Fixture.map("No family history of [[bowel cancer|DX_NAME|DIAGNOSIS|PERTAINS_TO_FAMILY|NEGATION]].").resources.isEmpty)
    }
}

@Suite struct MedicationRules {
    static func dosage(_ marked: String) throws -> FHIRValue {
        let r = try #require(Fixture.map(marked).resources.first(where: { $0.resourceType == "MedicationStatement" }))
        return try #require(r.json.at("dosage.0"))
    }

    @Test func prnWithoutReasonIsAsNeededBoolean() throws {
        let d = try Self.dosage("[[Paracetamol|GENERIC_NAME]] [[1g|STRENGTH]] [[QID PRN|FREQUENCY]]")
        #expect(d["asNeededBoolean"] == .bool(true))
        #expect(d.at("timing.repeat.frequency") == .integer(4))
        #expect(d.string("timing.code.coding.0.code") == "QID")
        #expect(d.string("text") == "1g QID PRN")
    }

    @Test func prnWithReasonIsAsNeededCodeableConcept() throws {
        let m = Fixture.map("[[Endone|BRAND_NAME]] [[5 mg|STRENGTH]] [[q4h PRN|FREQUENCY]] [[pain|DX_NAME|SYMPTOM|HYPOTHETICAL|SNOMED=22253000]]")
        #expect(m.resources.map(\.resourceType) == ["MedicationStatement"])
        let d = try #require(m.resources[0].json.at("dosage.0"))
        #expect(d.string("asNeededCodeableConcept.text") == "pain")
        #expect(d.string("asNeededCodeableConcept.coding.0.code") == "22253000")
        #expect(d["asNeededBoolean"] == nil)
    }

    @Test(arguments: [
        ("bd", 2, "1", "d", [String]()),
        ("BID", 2, "1", "d", []),
        ("tds", 3, "1", "d", []),
        ("q6h", 1, "6", "h", []),
        ("6 hourly", 1, "6", "h", []),
        ("mane", 1, "1", "d", ["MORN"]),
        ("nocte", 1, "1", "d", ["NIGHT"]),
        ("weekly", 1, "1", "wk", []),
        ("6-monthly", 1, "6", "mo", []),
    ])
    func timing(frequency: String, count: Int, period: String, unit: String, when: [String]) throws {
        let d = try Self.dosage("[[metformin|GENERIC_NAME]] [[500 mg|STRENGTH]] [[\(frequency)|FREQUENCY]]")
        #expect(d.at("timing.repeat.frequency") == .integer(count))
        #expect(d.at("timing.repeat.period") == .decimal(period))
        #expect(d.string("timing.repeat.periodUnit") == unit)
        #expect((d.at("timing.repeat.when")?.arrayValue ?? []).compactMap(\.stringValue) == when)
    }

    @Test func rangeInterval() throws {
        let d = try Self.dosage("[[salbutamol|GENERIC_NAME]] [[2 puffs|DOSAGE]] [[q4-6h|FREQUENCY]] [[prn|FREQUENCY]]")
        #expect(d.at("timing.repeat.period") == .decimal("4"))
        #expect(d.at("timing.repeat.periodMax") == .decimal("6"))
        #expect(d["asNeededBoolean"] == .bool(true))
    }

    @Test(arguments: [
        ("[[500 mg|STRENGTH]]", "doseQuantity", "500", "mg"),
        ("[[75mcg|STRENGTH]]", "doseQuantity", "75", "ug"),
        ("[[1 g|STRENGTH]] [[2 tabs|DOSAGE]]", "doseQuantity", "2", "{tablet}"),
        ("[[20 units|DOSAGE]]", "doseQuantity", "20", "[IU]"),
        ("[[10 mL|DOSAGE]]", "doseQuantity", "10", "mL"),
    ])
    func doseInUCUM(sig: String, key: String, value: String, ucum: String) throws {
        let d = try Self.dosage("[[drug|GENERIC_NAME]] \(sig) [[daily|FREQUENCY]]")
        let q = try #require(d.at("doseAndRate.0.\(key)"))
        #expect(q["value"] == .decimal(value))
        #expect(q.string("system") == "http://unitsofmeasure.org")
        #expect(q.string("code") == ucum)
    }

    @Test func doseRange() throws {
        let d = try Self.dosage("[[Endone|BRAND_NAME]] [[5 mg|STRENGTH]] [[1-2 tabs|DOSAGE]] [[q4h|FREQUENCY]]")
        #expect(d.at("doseAndRate.0.doseRange.low.value") == .decimal("1"))
        #expect(d.at("doseAndRate.0.doseRange.high.value") == .decimal("2"))
    }

    @Test func concentrationIsNotADose() throws {
        let d = try Self.dosage("[[morphine|GENERIC_NAME]] [[10 mg/mL|STRENGTH]] [[PO|ROUTE_OR_MODE]]")
        #expect(d["doseAndRate"] == nil)
    }

    @Test func limitIsNotADose() throws {
        let d = try Self.dosage("[[Panadol|BRAND_NAME]] [[1 g|STRENGTH]] [[6 hrly PRN|FREQUENCY]] (max [[4 g|DOSAGE]]/day)")
        #expect(d.at("doseAndRate.0.doseQuantity.value") == .decimal("1"))
    }

    @Test func doseWrittenWithItsFrequency() throws {
        let d = try Self.dosage("[[Jardiance|BRAND_NAME]] [[10 mg daily|STRENGTH]]")
        #expect(d.at("doseAndRate.0.doseQuantity.value") == .decimal("10"))
        #expect(d.string("doseAndRate.0.doseQuantity.code") == "mg")
        #expect(d.at("timing.repeat.frequency") == .integer(1))
        #expect(d.string("timing.repeat.periodUnit") == "d")
    }

    @Test func amountsPerTimeAreRates() throws {
        let infusion = try Self.dosage("[[heparin|GENERIC_NAME]] [[1000 units/h|RATE]] [[IV|ROUTE_OR_MODE]]")
        #expect(infusion.string("doseAndRate.0.rateQuantity.code") == "[IU]/h")
        #expect(infusion.at("doseAndRate.0.doseQuantity") == nil)
        let oxygen = try Self.dosage("[[oxygen|GENERIC_NAME]] [[2 L/min|RATE]]")
        #expect(oxygen.string("doseAndRate.0.rateQuantity.code") == "L/min")
    }

    @Test func strengthFractionIsNotADuration() throws {
        let d = try Self.dosage("[[Symbicort|BRAND_NAME]] [[400/12|DURATION]] [[2 puffs|DOSAGE]] [[bd|FREQUENCY]]")
        #expect(d.at("timing.repeat.boundsDuration") == nil)
        #expect(d.at("timing.repeat.frequency") == .integer(2))
        let course = try Self.dosage("[[prednisolone|GENERIC_NAME]] [[50 mg|STRENGTH]] [[mane|FREQUENCY]] x [[5/7|DURATION]]")
        #expect(course.at("timing.repeat.boundsDuration.value") == .decimal("5"))
    }

    @Test func routeFromRoutesTable() throws {
        let d = try Self.dosage("[[enoxaparin|GENERIC_NAME]] [[40 mg|STRENGTH]] [[SC|ROUTE_OR_MODE]] [[daily|FREQUENCY]]")
        #expect(d.string("route.coding.0.system") == "http://snomed.info/sct")
        #expect(d.string("route.coding.0.code") == "34206005")
        #expect(d.string("route.coding.1.code") == "SQ")
        #expect(d.string("route.text") == "SC")
    }

    @Test(arguments: [("5/7", "5", "d"), ("2 weeks", "2", "wk"), ("3 months", "3", "mo"), ("10 days", "10", "d")])
    func durationIsBoundsDuration(text: String, value: String, unit: String) throws {
        let d = try Self.dosage("[[amoxicillin|GENERIC_NAME]] [[500 mg|STRENGTH]] [[tds|FREQUENCY]] x [[\(text)|DURATION]]")
        #expect(d.at("timing.repeat.boundsDuration.value") == .decimal(value))
        #expect(d.string("timing.repeat.boundsDuration.code") == unit)
        #expect(d.at("timing.repeat.frequency") == .integer(3))
    }

    @Test(arguments: [
        ("Not taking [[aspirin|GENERIC_NAME|NEGATION]].", "not-taken"),
        ("[[Warfarin|GENERIC_NAME|PAST_HISTORY]] ceased in 2019.", "stopped"),
        ("Completed course of [[amoxicillin|GENERIC_NAME|PAST_HISTORY]].", "completed"),
        ("[[Metformin|GENERIC_NAME]] 500 mg bd.", "active"),
    ])
    func status(marked: String, status: String) throws {
        let r = try #require(Fixture.map(marked).resources.first)
        #expect(r.json.string("status") == status)
    }

    @Test func codingsAndReason() throws {
        let r = try #require(Fixture.map("[[Metformin|GENERIC_NAME|RXNORM=6809|UNII=9100L32L2N]] for [[T2DM|DX_NAME|DIAGNOSIS|SNOMED=44054006]].").resources.first)
        #expect(r.json.string("medicationCodeableConcept.coding.0.system") == "http://www.nlm.nih.gov/research/umls/rxnorm")
        #expect(r.json.string("medicationCodeableConcept.coding.1.system") == "http://fdasis.nlm.nih.gov")
        #expect(r.json.string("reasonCode.0.coding.0.code") == "44054006")
        #expect(r.json.string("derivedFrom.0.reference") == "DocumentReference/abc/_history/2")
        #expect(r.json.string("context.reference") == "Encounter/9")
    }
}

/// Condition.onset[x] and Procedure.performed[x] from the time the note gives the event
/// (TIME_TO_* attributes): a FHIR dateTime for absolute calendar dates that read the same in the
/// US and Australia, the note's words otherwise.
@Suite struct EventTimes {
    @Test(arguments: [
        ("2019", "2019"),
        ("March 2019", "2019-03"),
        ("Mar-2019", "2019-03"),
        ("03/2019", "2019-03"),
        ("2019-03-14", "2019-03-14"),
        ("14 March 2019", "2019-03-14"),
        ("14th Mar 2019", "2019-03-14"),
        ("March 14, 2019", "2019-03-14"),
        ("29 Feb 2024", "2024-02-29"),
    ])
    func absoluteDatesAreDateTimes(time: String, dateTime: String) throws {
        let r = try #require(Fixture.map("[[Asthma|DX_NAME]] diagnosed [[\(time)|TIME_TO_DX_NAME]].").resources.first)
        #expect(r.json.string("onsetDateTime") == dateTime)
        #expect(r.json.at("onsetString") == nil)
    }

    @Test(arguments: ["yesterday", "3 days ago", "3/4/2019", "29 Feb 2023", "age 40", "1850", "last week"])
    func otherTimesStayText(time: String) throws {
        let r = try #require(Fixture.map("[[Chest pain|DX_NAME]] since [[\(time)|TIME_TO_DX_NAME]].").resources.first)
        // The lead word that makes it a duration or a starting point stays with the words.
        #expect(r.json.string("onsetString") == "since " + time)
        #expect(r.json.at("onsetDateTime") == nil)
    }

    @Test func timeWithoutLeadWordIsItsOwnWords() throws {
        let r = try #require(Fixture.map("[[Chest pain|DX_NAME]] [[2 hours ago|TIME_TO_DX_NAME]].").resources.first)
        #expect(r.json.string("onsetString") == "2 hours ago")
    }

    @Test func negatedConditionHasNoOnset() throws {
        let r = try #require(Fixture.map("No [[chest pain|DX_NAME|NEGATION]] since [[2019|TIME_TO_DX_NAME]].").resources.first)
        #expect(r.json.at("onsetDateTime") == nil && r.json.at("onsetString") == nil)
    }

    @Test func completedProcedureIsPerformedThen() throws {
        let r = try #require(Fixture.map("[[Appendicectomy|PROCEDURE_NAME]] [[2010|TIME_TO_PROCEDURE_NAME]].").resources.first)
        #expect(r.resourceType == "Procedure")
        #expect(r.json.string("performedDateTime") == "2010")
    }
}

@Suite struct SigPhrases {
    /// Frequency phrases, longest match left to right; the byte path (ASCII) and the Unicode
    /// path (a no-break space forces it) give the same hits.
    @Test(arguments: [
        ("QID PRN", ["freq:qid", "freq:prn"], [nil, nil]),
        ("q4-6h prn", ["freq:q4_6h", "freq:prn"], [nil, nil]),
        ("7-monthly", ["freq:pattern_every_n_months"], ["7"]),
        ("take  1  tab   TWICE daily", ["freq:bid"], [nil]),
        ("every 3 days", ["freq:q72h"], [nil]),
        ("nothing here", [], []),
    ])
    func frequencyHits(text: String, ids: [String], n: [String?]) {
        let sig = Fixture.sig
        let hits = sig.frequencyHits(in: text)
        #expect(hits.map(\.row.id) == ids)
        #expect(hits.map(\.n) == n)
        let unicode = sig.frequencyHits(in: text.replacingOccurrences(of: " ", with: "\u{A0}") + "\u{A0}")
        #expect(unicode == hits)
    }

    /// A literal term wins over an equally long `{n}` pattern listed after it.
    @Test func literalTermBeforePattern() {
        #expect(Fixture.sig.frequencyHits(in: "6-monthly").map(\.row.id) == ["freq:q6m"])
    }
}

@Suite struct OtherResources {
    @Test func bloodPressureComponents() throws {
        let r = try #require(Fixture.map("[[BP|TEST_NAME]] [[142/88|TEST_VALUE]] [[mmHg|TEST_UNIT]]").resources.first)
        #expect(r.resourceType == "Observation")
        #expect(r.json.string("code.coding.0.code") == "85354-9")
        #expect(r.json.string("component.0.code.coding.0.code") == "8480-6")
        #expect(r.json.at("component.0.valueQuantity.value") == .decimal("142"))
        #expect(r.json.string("component.1.code.coding.0.code") == "8462-4")
        #expect(r.json.string("component.1.valueQuantity.code") == "mm[Hg]")
        #expect(r.json["valueQuantity"] == nil)
        #expect(r.json.string("category.0.coding.0.code") == "vital-signs")
    }

    @Test(arguments: [
        ("[[Cr|TEST_NAME|LOINC=2160-0]] [[140|TEST_VALUE]] [[umol/L|TEST_UNIT]]", "valueQuantity.code", "umol/L"),
        ("[[Temp|TEST_NAME]] [[38.50|TEST_VALUE]][[°C|TEST_UNIT]]", "valueQuantity.code", "Cel"),
        ("[[troponin|TEST_NAME]] [[<5|TEST_VALUE]] [[ng/L|TEST_UNIT]]", "valueQuantity.comparator", "<"),
        ("[[troponin|TEST_NAME]] [[negative|TEST_VALUE]]", "valueString", "negative"),
        ("[[SpO2|TEST_NAME|LOINC=59408-5]] [[97|TEST_VALUE]]", "valueQuantity.code", "%"),
        ("[[T|TEST_NAME|LOINC=8310-5]] [[38.1|TEST_VALUE]]", "valueQuantity.code", "Cel"),
        ("[[temp|TEST_NAME|LOINC=8310-5]] [[99.1|TEST_VALUE]]", "valueQuantity.code", "[degF]"),
    ])
    func observationValues(marked: String, path: String, expected: String) throws {
        let r = try #require(Fixture.map(marked).resources.first)
        #expect(r.json.string(path) == expected)
    }

    @Test func decimalKeepsItsPrecision() throws {
        let r = try #require(Fixture.map("[[Temp|TEST_NAME]] [[38.50|TEST_VALUE]] [[C|TEST_UNIT]]").resources.first)
        #expect(Fixture.json(r.json).contains("\"value\":38.50"))
    }

    @Test func testWithoutValueGivesNoObservation() {
        #expect(Fixture.map("[[CXR|TEST_NAME]] requested.").resources.isEmpty)
    }

    @Test func allergyWithReactionAndCriticality() throws {
        let m = Fixture.map("Allergies: [[penicillin|ALLERGIES|RXNORM=70618]] ([[anaphylaxis|DX_NAME|SIGN|PAST_HISTORY]])")
        #expect(m.resources.map(\.resourceType) == ["AllergyIntolerance"])
        let a = m.resources[0].json
        #expect(a.string("criticality") == "high")
        #expect(a.string("reaction.0.manifestation.0.text") == "anaphylaxis")
        #expect(a.string("verificationStatus.coding.0.code") == "confirmed")
        #expect(a.string("clinicalStatus.coding.0.code") == "active")
        #expect(a.at("category.0") == .string("medication"))
        #expect(a.string("patient.reference") == "Patient/123")
    }

    @Test func noKnownDrugAllergies() throws {
        let a = try #require(Fixture.map("Allergies: [[NKDA|ALLERGIES|NEGATION]]").resources.first).json
        #expect(a.string("code.coding.0.code") == "409137002")
        #expect(a.string("verificationStatus.coding.0.code") == "confirmed")
        #expect(a["criticality"] == nil)
    }

    @Test(arguments: [
        ("s/p [[appendicectomy|PROCEDURE_NAME|PAST_HISTORY]]", "completed"),
        ("[[Blood transfusion|PROCEDURE_NAME|NEGATION]]: No", "not-done"),
    ])
    func procedureStatus(marked: String, status: String) throws {
        let r = try #require(Fixture.map(marked).resources.first)
        #expect(r.resourceType == "Procedure")
        #expect(r.json.string("status") == status)
    }
}

@Suite struct ProvenanceAndIdentity {
    static let note = "Pt denies [[chest pain|DX_NAME|SYMPTOM|NEGATION]]. On [[aspirin|GENERIC_NAME]] [[100 mg|STRENGTH]] [[daily|FREQUENCY]]."

    @Test func idsAreDeterministicUUIDv5() throws {
        let a = Fixture.map(Self.note), b = Fixture.map(Self.note)
        #expect(a.all.map(\.id) == b.all.map(\.id))
        let ctx = Fixture.context()
        #expect(FHIRBundle.bundleJSON(a, kind: .transaction, context: ctx) == FHIRBundle.bundleJSON(b, kind: .transaction, context: ctx))
        for r in a.all {
            let chars = Array(r.id)
            #expect(chars.count == 36 && chars[14] == "5")
        }
        let otherVersion = Fixture.map(Self.note, context: Fixture.context(version: "3"))
        #expect(Set(otherVersion.all.map(\.id)).isDisjoint(with: a.all.map(\.id)))
        #expect(FHIRMapper.resourceID(document: DocumentReferenceID(id: "abc", version: "2"), resourceType: "Condition", offset: 10, length: 10, code: "")
            == FHIRMapper.resourceID(document: DocumentReferenceID(id: "abc", version: "2"), resourceType: "Condition", offset: 10, length: 10, code: ""))
    }

    @Test func tagsAndSecurityAreCopiedOntoEveryResource() throws {
        let security = [FHIRCoding(system: "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", code: "R")]
        let tags = [FHIRCoding(system: "https://example.org/tenant", code: "t1")]
        let m = Fixture.map(Self.note, context: Fixture.context(security: security, tags: tags))
        #expect(m.all.count == 3)
        for r in m.all {
            #expect(r.json.string("meta.security.0.code") == "R")
            #expect(r.json.string("meta.tag.0.code") == "t1")
            #expect(r.json.string("meta.tag.0.system") == "https://example.org/tenant")
        }
    }

    @Test func derivationReferenceCountsCodePoints() throws {
        // "é" is 2 UTF-8 bytes, "👍🏽" 8 bytes, "東京" 6 bytes: offsets are code points.
        let m = Fixture.map("Café 👍🏽 東京: [[pneumonia|DX_NAME|DIAGNOSIS]]")
        let ext = try #require(m.resources.first?.json.at("extension.0"))
        #expect(ext.string("url") == "http://hl7.org/fhir/StructureDefinition/derivation-reference")
        #expect(ext.string("extension.0.url") == "reference")
        #expect(ext.string("extension.0.valueReference.reference") == "DocumentReference/abc/_history/2")
        let text = "Café 👍🏽 東京: pneumonia"
        let expected = Array(text.unicodeScalars).count - "pneumonia".count
        #expect(ext.at("extension.1.valueInteger") == .integer(expected))
        #expect(ext.at("extension.2.valueInteger") == .integer(9))
        #expect(expected != text.utf8.count - 9)
    }

    @Test func attachmentOffsetsAreRelativeToTheirAttachment() throws {
        // Two attachments joined by a blank line; the mention is in the second one.
        let doc = Fixture.document("First café note.\n\nSecond: [[pneumonia|DX_NAME|DIAGNOSIS]]")
        let second = TextSpan(("First café note.\n\n").utf8.count, doc.document.utf8Count)
        var ctx = Fixture.context()
        ctx.attachments = [
            FHIRAttachmentSegment(path: "DocumentReference.content[0].attachment", span: TextSpan(0, 17)),
            FHIRAttachmentSegment(path: "DocumentReference.content[1].attachment", span: second),
        ]
        let ext = try #require(Fixture.mapper.map(doc, context: ctx).resources.first?.json.at("extension.0"))
        #expect(ext.string("extension.1.url") == "path")
        #expect(ext.string("extension.1.valueString") == "DocumentReference.content[1].attachment")
        #expect(ext.at("extension.2.valueInteger") == .integer("Second: ".count))
    }

    @Test func provenanceTargetsEveryResource() throws {
        let m = Fixture.map(Self.note)
        let p = try #require(m.provenance)
        #expect(p.json.at("target")?.arrayValue.compactMap { $0["reference"]?.stringValue } == m.resources.map(\.reference))
        #expect(p.json.string("entity.0.role") == "source")
        #expect(p.json.string("entity.0.what.reference") == "DocumentReference/abc/_history/2")
        #expect(p.json.string("agent.0.who.reference") == "#medtext")
        #expect(p.json.string("contained.0.version.0.value") == "0.1.0")
        #expect(p.json.string("contained.0.version.1.value") == "2025-01-01")
        #expect(p.json.string("recorded") == "2026-11-29T10:00:00Z")
    }

    @Test func transactionBundleUsesPUT() throws {
        let m = Fixture.map(Self.note)
        let b = FHIRBundle.bundle(m, kind: .transaction, context: Fixture.context())
        #expect(b.string("type") == "transaction")
        let entries = b.at("entry")?.arrayValue ?? []
        #expect(entries.count == m.all.count)
        for (e, r) in zip(entries, m.all) {
            #expect(e.string("request.method") == "PUT")
            #expect(e.string("request.url") == r.reference)
            #expect(e.string("fullUrl") == "urn:uuid:\(r.id)")
        }
        let c = FHIRBundle.bundle(m, kind: .collection, context: Fixture.context())
        #expect(c.at("entry.0.request") == nil)
    }

    /// bundleJSON streams the Bundle; its bytes equal writing the Bundle's value tree.
    @Test(arguments: [FHIRBundle.Kind.transaction, .collection], [0, 2])
    func streamedBundleEqualsTree(kind: FHIRBundle.Kind, indent: Int) {
        var ctx = Fixture.context()
        ctx.security = [FHIRCoding(system: "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", code: "R")]
        for m in [Fixture.map(Self.note, context: ctx), Fixture.map("Nothing to see.", context: ctx)] {
            var w = JSONWriter(indent: indent)
            FHIRBundle.bundle(m, kind: kind, context: ctx).write(into: &w)
            #expect(FHIRBundle.bundleJSON(m, kind: kind, context: ctx, indent: indent) == w.bytes)
        }
    }

    @Test func ndjsonGroupsByType() {
        let groups = FHIRBundle.ndjson(Fixture.map(Self.note).all)
        #expect(groups.map(\.resourceType) == ["Condition", "MedicationStatement", "Provenance"])
        for g in groups { #expect(g.bytes.last == 0x0A && g.bytes.filter { $0 == 0x0A }.count == 1) }
    }

    @Test func missingSubjectIsDataAbsentNotInvented() throws {
        var ctx = Fixture.context()
        ctx.subject = nil
        let r = try #require(Fixture.map("[[asthma|DX_NAME|DIAGNOSIS]]", context: ctx).resources.first)
        #expect(r.json.string("subject.extension.0.url") == "http://hl7.org/fhir/StructureDefinition/data-absent-reason")
        #expect(r.json.string("subject.extension.0.valueCode") == "unknown")
        #expect(r.json.at("subject.reference") == nil)
    }

    @Test(arguments: [
        ("DocumentReference/abc/_history/2", "abc", "2"), ("DocumentReference/abc", "abc", nil), ("abc", "abc", nil),
    ])
    func documentReferenceParsing(text: String, id: String, version: String?) throws {
        let d = try #require(DocumentReferenceID(reference: text))
        #expect(d.id == id && d.version == version)
    }

    @Test(arguments: ["DocumentReference/a b", "DocumentReference/abc/2", "Patient/1/_history/"])
    func badDocumentReference(text: String) {
        #expect(DocumentReferenceID(reference: text) == nil)
    }
}

@Suite struct Hashing {
    @Test(arguments: [
        ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
        ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        (String(repeating: "a", count: 1000), "291e9a6c66994949b57ba5e650361e98fc36b1ba"),
    ])
    func sha1KnownVectors(input: String, hex: String) {
        let digest = SHA1.hash(Array(input.utf8))
        #expect(digest.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined() == hex)
    }

    @Test func uuidV5MatchesRFC() {
        // Python: uuid.uuid5(uuid.NAMESPACE_URL, "http://python.org/")
        #expect(NameBasedUUID.v5(namespace: NameBasedUUID.urlNamespace, name: "http://python.org/") == "4c565f0d-3f5a-5890-b41b-20cf47701c5e")
        #expect(NameBasedUUID.v5(namespace: NameBasedUUID.urlNamespace, name: "https://medtext.dev/fhir/id") == "1871d1bd-b08c-5360-98c2-14d524b5bc3a")
    }
}
