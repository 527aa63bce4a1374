import MedTextCore

/// Condition, FamilyMemberHistory, AllergyIntolerance, Procedure.
extension Run {
    static let conditionSystems: [CodeSystem] = [.snomedCT, .icd10CM, .hpo]
    static let conditionCategory = "http://terminology.hl7.org/CodeSystem/condition-category"
    static let conditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical"
    static let conditionVerification = "http://terminology.hl7.org/CodeSystem/condition-ver-status"

    /// Sections whose conditions are problem-list items; every other section gives encounter diagnoses.
    static let problemListSections: Set<SectionType> = [.pastMedicalHistory, .pastSurgicalHistory, .problemList]

    /// Words that put a condition in the past: resolved, inactive, in remission.
    static let resolvedCues: CueList = ["resolved", "resolution", "recovered", "cured", "healed", "no longer", "settled", "cleared"]
    static let remissionCues: CueList = ["remission"]
    static let inactiveCues: CueList = ["inactive", "quiescent", "dormant", "burnt out", "burned out"]
    static let differentialCues: CueList = ["differential", "ddx", "vs", "versus", "differentials"]

    /// The fixed CodeableConcepts, built once (mapping reuses the values instead of rebuilding them).
    static let clinicalStatusValues = constants(conditionClinical, ["active", "resolved", "remission", "inactive"])
    static let verificationValues = constants(conditionVerification, ["refuted", "differential", "provisional", "confirmed", "unconfirmed"])
    static let problemListCategory: FHIRValue = .array([fixed(conditionCategory, "problem-list-item", "Problem List Item")])
    static let encounterDiagnosisCategory: FHIRValue = .array([fixed(conditionCategory, "encounter-diagnosis", "Encounter Diagnosis")])
    static let allergyClinical = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"
    static let allergyVerification = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification"
    static let allergyClinicalValues = constants(allergyClinical, ["active", "inactive"])
    static let allergyVerificationValues = constants(allergyVerification, ["confirmed", "refuted", "unconfirmed"])
    /// The same, serialized.
    static let clinicalStatusJSON = clinicalStatusValues.mapValues(JSONOut.bytes)
    static let verificationJSON = verificationValues.mapValues(JSONOut.bytes)
    static let problemListCategoryJSON = JSONOut.bytes(problemListCategory)
    static let encounterDiagnosisCategoryJSON = JSONOut.bytes(encounterDiagnosisCategory)
    static let allergyClinicalJSON = allergyClinicalValues.mapValues(JSONOut.bytes)
    static let allergyVerificationJSON = allergyVerificationValues.mapValues(JSONOut.bytes)

    /// `fixed(system, code)` for each code.
    static func constants(_ system: String, _ codes: [String]) -> [String: FHIRValue] {
        Dictionary(uniqueKeysWithValues: codes.map { ($0, fixed(system, $0)) })
    }

    /// verificationStatus (DESIGN.md "FHIR mapping"):
    /// NEGATION → refuted; LOW_CONFIDENCE → differential when the sentence lists alternatives,
    /// else provisional; HYPOTHETICAL (kept with `include`) → provisional; otherwise confirmed
    /// (unconfirmed when the detection score is below 0.5).
    func verification(_ e: Entity) -> String {
        if e.traits.contains(.negation) { return "refuted" }
        if e.traits.contains(.lowConfidence) {
            return mentions(Self.differentialCues, in: sentenceSpan(e.span.start)) != nil ? "differential" : "provisional"
        }
        if e.traits.contains(.hypothetical) { return "provisional" }
        return e.score < 0.5 ? "unconfirmed" : "confirmed"
    }

    /// clinicalStatus: active, unless the sentence says resolved (resolved), in remission
    /// (remission) or inactive (inactive). PAST_HISTORY alone keeps `active`: chronic conditions
    /// listed under past history are ongoing. Refuted conditions carry none.
    func clinicalStatus(_ e: Entity) -> String? {
        if e.traits.contains(.negation) { return nil }
        let s = sentenceSpan(e.span.start)
        // It depends on the sentence only, and a sentence's mentions come one after another.
        if let last = lastClinicalStatus, last.sentence == s { return last.status }
        let status: String
        if mentions(Self.remissionCues, in: s) != nil {
            status = "remission"
        } else if mentions(Self.resolvedCues, in: s) != nil {
            status = "resolved"
        } else if mentions(Self.inactiveCues, in: s) != nil {
            status = "inactive"
        } else {
            status = "active"
        }
        lastClinicalStatus = (s, status)
        return status
    }

    func condition(_ i: Int, _ flags: [String]) -> FHIRResource {
        let e = doc.entities[i]
        var (id, w) = header("Condition", e, flags: flags, primaryCode: primaryCode(e, Self.conditionSystems))
        let section = doc.section(containing: e.span.start)?.type ?? .unknown
        let verification = verification(e)
        // Refuted mentions document what was ruled out in this encounter.
        let problem = Self.problemListSections.contains(section) && verification != "refuted"
        if let status = clinicalStatus(e) {
            w.member("clinicalStatus", raw: Self.clinicalStatusJSON[status] ?? JSONOut.bytes(Self.fixed(Self.conditionClinical, status)))
        }
        w.member("verificationStatus", raw: Self.verificationJSON[verification] ?? JSONOut.bytes(Self.fixed(Self.conditionVerification, verification)))
        w.member("category", raw: problem ? Self.problemListCategoryJSON : Self.encounterDiagnosisCategoryJSON)
        if let sev = severity(e) {
            w.key("severity")
            w.openObject()
            w.key("coding")
            w.openArray()
            w.element()
            Self.coding(&w, system: CodeSystem.snomedCT.uri, code: sev.code, display: sev.display)
            w.closeArray()
            w.member("text", sev.word)
            w.closeObject()
        }
        codeableMember(&w, "code", e, systems: Self.conditionSystems)
        bodySites(&w, e)
        w.member("subject", raw: subjectRequiredJSON)
        w.member("encounter", raw: encounterJSON)
        if !e.traits.contains(.negation), let t = eventTime(e) {
            if let d = t.dateTime { w.member("onsetDateTime", d) } else { w.member("onsetString", t.text) }
        }
        w.optionalMember("recordedDate", recorded)
        w.member("evidence", raw: evidenceJSON)
        return Self.finish("Condition", id, &w)
    }

    // MARK: FamilyMemberHistory

    /// Relatives and their HL7 v3 RoleCode (http://terminology.hl7.org/CodeSystem/v3-RoleCode).
    static let relatives: [String: (code: String, display: String)] = [
        "mother": ("MTH", "mother"), "mum": ("MTH", "mother"), "mom": ("MTH", "mother"), "mothers": ("MTH", "mother"),
        "mother's": ("MTH", "mother"), "mum's": ("MTH", "mother"), "mom's": ("MTH", "mother"),
        "father": ("FTH", "father"), "dad": ("FTH", "father"), "fathers": ("FTH", "father"), "father's": ("FTH", "father"), "dad's": ("FTH", "father"),
        "brother": ("BRO", "brother"), "brothers": ("BRO", "brother"), "brother's": ("BRO", "brother"),
        "sister": ("SIS", "sister"), "sisters": ("SIS", "sister"), "sister's": ("SIS", "sister"),
        "son": ("SON", "natural son"), "sons": ("SON", "natural son"),
        "daughter": ("DAU", "natural daughter"), "daughters": ("DAU", "natural daughter"),
        "grandmother": ("GRMTH", "grandmother"), "grandma": ("GRMTH", "grandmother"), "nan": ("GRMTH", "grandmother"), "nana": ("GRMTH", "grandmother"),
        "grandfather": ("GRFTH", "grandfather"), "grandpa": ("GRFTH", "grandfather"),
        "grandparent": ("GRPRN", "grandparent"), "grandparents": ("GRPRN", "grandparent"),
        "aunt": ("AUNT", "aunt"), "aunty": ("AUNT", "aunt"), "auntie": ("AUNT", "aunt"),
        "uncle": ("UNCLE", "uncle"), "cousin": ("COUSN", "cousin"), "cousins": ("COUSN", "cousin"),
        "sibling": ("SIB", "sibling"), "siblings": ("SIB", "sibling"),
        "parent": ("PRN", "parent"), "parents": ("PRN", "parent"),
        "child": ("CHILD", "child"), "children": ("CHILD", "child"),
        "twin": ("TWIN", "twin"), "niece": ("NIECE", "niece"), "nephew": ("NEPHEW", "nephew"),
        "half-brother": ("HBRO", "half-brother"), "half-sister": ("HSIS", "half-sister"),
    ]
    /// `maternal`/`paternal` + relative.
    static let sided: [String: (maternal: (String, String), paternal: (String, String))] = [
        "GRMTH": (("MGRMTH", "maternal grandmother"), ("PGRMTH", "paternal grandmother")),
        "GRFTH": (("MGRFTH", "maternal grandfather"), ("PGRFTH", "paternal grandfather")),
        "AUNT": (("MAUNT", "maternal aunt"), ("PAUNT", "paternal aunt")),
        "UNCLE": (("MUNCLE", "maternal uncle"), ("PUNCLE", "paternal uncle")),
        "COUSN": (("MCOUSN", "maternal cousin"), ("PCOUSN", "paternal cousin")),
    ]

    /// The relative named nearest before the mention in its sentence, else nearest after it,
    /// else "family member" (FAMMEMB).
    func relationship(_ e: Entity) -> (code: String, display: String, text: String?) {
        let s = sentenceSpan(e.span.start)
        let before = words(in: TextSpan(s.start, e.span.start))
        let after = words(in: TextSpan(e.span.end, max(e.span.end, s.end)))
        func find(_ ws: [String], reversed: Bool) -> (String, String, String)? {
            let idx = reversed ? Array(ws.indices.reversed()) : Array(ws.indices)
            for k in idx {
                guard let r = Self.relatives[ws[k]] else { continue }
                if k > 0, let side = Self.sided[r.code] {
                    if ws[k - 1] == "maternal" { return (side.maternal.0, side.maternal.1, ws[k - 1] + " " + ws[k]) }
                    if ws[k - 1] == "paternal" { return (side.paternal.0, side.paternal.1, ws[k - 1] + " " + ws[k]) }
                }
                return (r.code, r.display, ws[k])
            }
            return nil
        }
        if let r = find(before, reversed: true) ?? find(after, reversed: false) { return (r.0, r.1, r.2) }
        return ("FAMMEMB", "family member", nil)
    }

    /// FamilyMemberHistory for a PERTAINS_TO_FAMILY condition. Negated family mentions ("no
    /// family history of bowel cancer") are left out: R4 has no element to state that a relative
    /// did not have a condition.
    func familyHistory(_ i: Int, _ flags: [String]) -> FHIRResource? {
        let e = doc.entities[i]
        if e.traits.contains(.negation) { return nil }
        let rel = relationship(e)
        var (id, w) = header("FamilyMemberHistory", e, flags: flags, primaryCode: primaryCode(e, Self.conditionSystems) + "|" + rel.code)
        w.member("status", "completed")
        w.member("patient", raw: subjectRequiredJSON)
        w.optionalMember("date", recorded)
        w.key("relationship")
        w.openObject()
        w.key("coding")
        w.openArray()
        w.element()
        Self.coding(&w, system: "http://terminology.hl7.org/CodeSystem/v3-RoleCode", code: rel.code, display: rel.display)
        w.closeArray()
        w.optionalMember("text", rel.text)
        w.closeObject()
        w.key("condition")
        w.openArray()
        w.element()
        w.openObject()
        codeableMember(&w, "code", e, systems: Self.conditionSystems)
        w.closeObject()
        w.closeArray()
        return Self.finish("FamilyMemberHistory", id, &w)
    }

    // MARK: AllergyIntolerance

    static let allergySystems: [CodeSystem] = [.rxNorm, .unii, .snomedCT]

    /// AllergyIntolerance for an ALLERGIES entity. "NKDA" / "nil known allergies" (ALLERGIES with
    /// NEGATION and no substance code) → SNOMED CT 409137002 No known drug allergy (716186003 No
    /// known allergy when drugs are not named), confirmed; a negated named substance → refuted.
    /// Reactions: the conditions after the substance in its sentence. Criticality only when stated.
    func allergy(_ i: Int, _ flags: [String]) -> FHIRResource {
        let e = doc.entities[i]
        let sentence = sentenceSpan(e.span.start)
        let hasSubstanceCode = e.concepts.contains { Self.allergySystems.contains($0.system) }
        let noKnown = e.traits.contains(.negation) && !hasSubstanceCode
        var noKnownCode: (code: String, display: String)? = nil
        var primary = primaryCode(e, Self.allergySystems)
        if noKnown {
            let drug = mentions(["nkda", "drug", "drugs", "medication", "medications", "adr", "adrs"], in: sentence) != nil
            let (c, d) = drug ? ("409137002", "No known drug allergy") : ("716186003", "No known allergy")
            noKnownCode = (c, d)
            primary = "\(CodeSystem.snomedCT.uri)|\(c)"
        }
        let verification = noKnown ? "confirmed" : (e.traits.contains(.negation) ? "refuted" : (e.traits.contains(.lowConfidence) ? "unconfirmed" : "confirmed"))
        var (id, w) = header("AllergyIntolerance", e, flags: flags, primaryCode: primary)
        var criticality: String? = nil
        var reactionSeverity: String? = nil
        if !noKnown {
            if mentions(["anaphylaxis", "anaphylactic", "anaphylaxsis", "life-threatening", "life threatening", "angioedema"], in: sentence) != nil {
                criticality = "high"
            } else if mentions(["severe", "serious"], in: sentence) != nil {
                criticality = "high"
            } else if mentions(["mild"], in: sentence) != nil {
                criticality = "low"
            }
            reactionSeverity = mentions(["severe", "moderate", "mild"], in: sentence)
        }
        let manifestations = reactions[i] ?? []
        let isDrug = e.concepts.contains { $0.system == .rxNorm || $0.system == .unii }
        w.member("clinicalStatus", raw: Self.allergyClinicalJSON[verification == "refuted" ? "inactive" : "active"]!)
        w.member("verificationStatus", raw: Self.allergyVerificationJSON[verification] ?? JSONOut.bytes(Self.fixed(Self.allergyVerification, verification)))
        if isDrug && !noKnown {
            w.key("category")
            w.appendStatic("[\"medication\"]")
        }
        w.optionalMember("criticality", criticality)
        if let noKnownCode {
            w.key("code")
            w.openObject()
            w.key("coding")
            w.openArray()
            w.element()
            Self.coding(&w, system: CodeSystem.snomedCT.uri, code: noKnownCode.code, display: noKnownCode.display)
            w.closeArray()
            w.key("text")
            w.string(doc.document.text(in: e.span))
            w.closeObject()
        } else {
            codeableMember(&w, "code", e, systems: Self.allergySystems)
        }
        w.member("patient", raw: subjectRequiredJSON)
        w.member("encounter", raw: encounterJSON)
        w.optionalMember("recordedDate", recorded)
        if !manifestations.isEmpty {
            w.key("reaction")
            w.openArray()
            w.element()
            w.openObject()
            w.key("manifestation")
            w.openArray()
            for j in manifestations { codeableElement(&w, doc.entities[j], systems: Self.conditionSystems) }
            w.closeArray()
            w.optionalMember("severity", reactionSeverity)
            w.closeObject()
            w.closeArray()
        }
        return Self.finish("AllergyIntolerance", id, &w)
    }

    // MARK: Procedure

    static let procedureSystems: [CodeSystem] = [.snomedCT]

    /// Procedure: NEGATION → not-done; FUTURE (kept with `include`) → preparation; HYPOTHETICAL
    /// (kept) → unknown; otherwise completed.
    func procedure(_ i: Int, _ flags: [String]) -> FHIRResource {
        let e = doc.entities[i]
        let status: String
        if e.traits.contains(.negation) {
            status = "not-done"
        } else if e.traits.contains(.future) {
            status = "preparation"
        } else if e.traits.contains(.hypothetical) {
            status = "unknown"
        } else {
            status = "completed"
        }
        var (id, w) = header("Procedure", e, flags: flags, primaryCode: primaryCode(e, Self.procedureSystems))
        w.member("status", status)
        codeableMember(&w, "code", e, systems: Self.procedureSystems)
        w.member("subject", raw: subjectRequiredJSON)
        w.member("encounter", raw: encounterJSON)
        if status == "completed", let t = eventTime(e) {
            if let d = t.dateTime { w.member("performedDateTime", d) } else { w.member("performedString", t.text) }
        }
        bodySites(&w, e)
        return Self.finish("Procedure", id, &w)
    }

    // MARK: Provenance

    /// One Provenance per document: target = every derived resource, entity = the source
    /// DocumentReference version, agent = medtext (a contained Device with its version and the
    /// terminology versions). Nil when nothing was derived or no recorded time was given.
    func provenance(_ resources: [FHIRResource]) -> FHIRResource? {
        // Provenance.recorded is an instant: a full date and time with a zone.
        guard !resources.isEmpty, let recorded = ctx.recorded, recorded.contains("T") else { return nil }
        let id = NameBasedUUID.v5(namespace: FHIRMapper.idNamespace, name: "\(ctx.document.id)|\(ctx.document.version ?? "")|Provenance")
        var versions: [FHIRValue] = [obj(["type": obj(["text": .string("medtext")]), "value": .string(ctx.medtextVersion)])]
        for t in ctx.terminologyVersions {
            guard let v = t.version, !v.isEmpty else { continue }
            versions.append(obj(["type": obj(["text": .string("\(t.name) \(t.system)")]), "value": .string(v)]))
        }
        let device = obj([
            "resourceType": .string("Device"), "id": .string("medtext"),
            "deviceName": .array([obj(["name": .string("medtext"), "type": .string("user-friendly-name")])]),
            "version": .array(versions),
        ])
        var w = JSONOut(reserve: 1024 + resources.count * 64)
        w.openObject()
        w.member("resourceType", "Provenance")
        w.member("id", id)
        w.member("meta", raw: plainMetaJSON)
        w.key("contained")
        w.openArray()
        w.element()
        w.value(device)
        w.closeArray()
        w.key("target")
        w.openArray()
        for r in resources {
            w.element()
            w.openObject()
            w.member("reference", r.reference)
            w.closeObject()
        }
        w.closeArray()
        w.member("recorded", recorded)
        w.key("agent")
        w.value(.array([obj([
            "type": Self.fixed("http://terminology.hl7.org/CodeSystem/provenance-participant-type", "assembler", "Assembler"),
            "who": obj(["reference": .string("#medtext"), "display": .string("medtext \(ctx.medtextVersion)")]),
        ])]))
        w.key("entity")
        w.value(.array([obj(["role": .string("source"), "what": documentReference])]))
        return Self.finish("Provenance", id, &w)
    }
}
