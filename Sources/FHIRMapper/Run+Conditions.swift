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
    static let resolvedCues = ["resolved", "resolution", "recovered", "cured", "healed", "no longer", "settled", "cleared"]
    static let remissionCues = ["remission"]
    static let inactiveCues = ["inactive", "quiescent", "dormant", "burnt out", "burned out"]
    static let differentialCues = ["differential", "ddx", "vs", "versus", "differentials"]

    /// The fixed CodeableConcepts, built once (mapping reuses the values instead of rebuilding them).
    static let clinicalStatusValues = constants(conditionClinical, ["active", "resolved", "remission", "inactive"])
    static let verificationValues = constants(conditionVerification, ["refuted", "differential", "provisional", "confirmed", "unconfirmed"])
    static let problemListCategory: FHIRValue = .array([fixed(conditionCategory, "problem-list-item", "Problem List Item")])
    static let encounterDiagnosisCategory: FHIRValue = .array([fixed(conditionCategory, "encounter-diagnosis", "Encounter Diagnosis")])
    static let allergyClinical = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"
    static let allergyVerification = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification"
    static let allergyClinicalValues = constants(allergyClinical, ["active", "inactive"])
    static let allergyVerificationValues = constants(allergyVerification, ["confirmed", "refuted", "unconfirmed"])

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
        if mentions(Self.remissionCues, in: s) != nil { return "remission" }
        if mentions(Self.resolvedCues, in: s) != nil { return "resolved" }
        if mentions(Self.inactiveCues, in: s) != nil { return "inactive" }
        return "active"
    }

    func condition(_ i: Int, _ flags: [String]) -> FHIRResource {
        let e = doc.entities[i]
        let (id, head) = header("Condition", e, flags: flags, primaryCode: primaryCode(e, Self.conditionSystems))
        let section = doc.section(containing: e.span.start)?.type ?? .unknown
        let verification = verification(e)
        // Refuted mentions document what was ruled out in this encounter.
        let problem = Self.problemListSections.contains(section) && verification != "refuted"
        let sev = severity(e)
        let body = obj([
            "clinicalStatus": clinicalStatus(e).map { Self.clinicalStatusValues[$0] ?? Self.fixed(Self.conditionClinical, $0) },
            "verificationStatus": Self.verificationValues[verification] ?? Self.fixed(Self.conditionVerification, verification),
            "category": problem ? Self.problemListCategory : Self.encounterDiagnosisCategory,
            "severity": sev.map { obj(["coding": .array([obj(["system": .string(CodeSystem.snomedCT.uri), "code": .string($0.code), "display": .string($0.display)])]), "text": .string($0.word)]) },
            "code": codeable(e, systems: Self.conditionSystems),
            "bodySite": .array(bodySites(e)),
            "subject": subjectRequired,
            "encounter": encounterReference,
            "recordedDate": recordedValue,
            "evidence": evidence,
        ])
        return Self.resource("Condition", id, head, body)
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
        let (id, head) = header("FamilyMemberHistory", e, flags: flags, primaryCode: primaryCode(e, Self.conditionSystems) + "|" + rel.code)
        let body = obj([
            "status": .string("completed"),
            "patient": subjectRequired,
            "date": recordedValue,
            "relationship": obj([
                "coding": .array([obj(["system": .string("http://terminology.hl7.org/CodeSystem/v3-RoleCode"), "code": .string(rel.code), "display": .string(rel.display)])]),
                "text": str(rel.text),
            ]),
            "condition": .array([obj(["code": codeable(e, systems: Self.conditionSystems)])]),
        ])
        return Self.resource("FamilyMemberHistory", id, head, body)
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
        let code: FHIRValue
        var primary = primaryCode(e, Self.allergySystems)
        if noKnown {
            let drug = mentions(["nkda", "drug", "drugs", "medication", "medications", "adr", "adrs"], in: sentence) != nil
            let (c, d) = drug ? ("409137002", "No known drug allergy") : ("716186003", "No known allergy")
            code = obj(["coding": .array([obj(["system": .string(CodeSystem.snomedCT.uri), "code": .string(c), "display": .string(d)])]), "text": .string(text(e.span))])
            primary = "\(CodeSystem.snomedCT.uri)|\(c)"
        } else {
            code = codeable(e, systems: Self.allergySystems)
        }
        let verification = noKnown ? "confirmed" : (e.traits.contains(.negation) ? "refuted" : (e.traits.contains(.lowConfidence) ? "unconfirmed" : "confirmed"))
        let (id, head) = header("AllergyIntolerance", e, flags: flags, primaryCode: primary)
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
        let manifestations = (reactions[i] ?? []).map { j -> FHIRValue in
            codeable(doc.entities[j], systems: Self.conditionSystems)
        }
        let isDrug = e.concepts.contains { $0.system == .rxNorm || $0.system == .unii }
        let body = obj([
            "clinicalStatus": Self.allergyClinicalValues[verification == "refuted" ? "inactive" : "active"]!,
            "verificationStatus": Self.allergyVerificationValues[verification] ?? Self.fixed(Self.allergyVerification, verification),
            "category": isDrug && !noKnown ? .array([.string("medication")]) : nil,
            "criticality": str(criticality),
            "code": code,
            "patient": subjectRequired,
            "encounter": encounterReference,
            "recordedDate": recordedValue,
            "reaction": manifestations.isEmpty ? nil : .array([obj(["manifestation": .array(manifestations), "severity": str(reactionSeverity)])]),
        ])
        return Self.resource("AllergyIntolerance", id, head, body)
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
        let (id, head) = header("Procedure", e, flags: flags, primaryCode: primaryCode(e, Self.procedureSystems))
        let body = obj([
            "status": .string(status),
            "code": codeable(e, systems: Self.procedureSystems),
            "subject": subjectRequired,
            "encounter": encounterReference,
            "bodySite": .array(bodySites(e)),
        ])
        return Self.resource("Procedure", id, head, body)
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
        let meta = obj(["security": .array(securityValues), "tag": .array(tagValues)])
        let json = obj([
            "resourceType": .string("Provenance"), "id": .string(id), "meta": meta,
            "contained": .array([device]),
            "target": .array(resources.map { obj(["reference": .string($0.reference)]) }),
            "recorded": .string(recorded),
            "agent": .array([obj([
                "type": Self.fixed("http://terminology.hl7.org/CodeSystem/provenance-participant-type", "assembler", "Assembler"),
                "who": obj(["reference": .string("#medtext"), "display": .string("medtext \(ctx.medtextVersion)")]),
            ])]),
            "entity": .array([obj(["role": .string("source"), "what": documentReference])]),
        ])
        return FHIRResource(resourceType: "Provenance", id: id, json: json)
    }
}
