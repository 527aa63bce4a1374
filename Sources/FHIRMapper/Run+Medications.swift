import MedTextCore

/// MedicationStatement and Observation, with the quantity and timing parsing they share.
extension Run {
    static let medicationSystems: [CodeSystem] = [.rxNorm, .unii, .snomedCT]
    static let ucum = "http://unitsofmeasure.org"

    static let stoppedCues: CueList = ["ceased", "cease", "stopped", "stop", "discontinued", "d/c", "dc'd", "withheld", "held", "suspended", "switched", "changed", "replaced"]
    static let completedCues: CueList = ["completed", "finished", "course", "completion"]

    /// status: NEGATION → not-taken; PAST_HISTORY → completed when the sentence says the course
    /// was completed, else stopped; FUTURE or HYPOTHETICAL (kept with `include`) → intended;
    /// otherwise active.
    func medicationStatus(_ e: Entity) -> String {
        if e.traits.contains(.negation) { return "not-taken" }
        if e.traits.contains(.pastHistory) {
            return mentions(Self.completedCues, in: sentenceSpan(e.span.start)) != nil ? "completed" : "stopped"
        }
        if e.traits.contains(.future) || e.traits.contains(.hypothetical) { return "intended" }
        return "active"
    }

    func medicationStatement(_ i: Int, _ flags: [String]) -> FHIRResource {
        let e = doc.entities[i]
        var (id, w) = header("MedicationStatement", e, flags: flags, primaryCode: primaryCode(e, Self.medicationSystems))
        w.member("status", medicationStatus(e))
        codeableMember(&w, "medicationCodeableConcept", e, systems: Self.medicationSystems)
        w.member("subject", raw: subjectRequiredJSON)
        w.member("context", raw: encounterJSON)
        w.optionalMember("dateAsserted", recorded)
        w.member("derivedFrom", raw: derivedFromJSON)
        let reasons = reasons(i)
        if !reasons.isEmpty {
            w.key("reasonCode")
            w.openArray()
            for r in reasons {
                if let j = r.entity {
                    codeableElement(&w, doc.entities[j], systems: Self.conditionSystems)
                } else {
                    w.element()
                    w.openObject()
                    w.member("text", text(r.span))
                    w.closeObject()
                }
            }
            w.closeArray()
        }
        if let d = dosage(i) {
            w.key("dosage")
            w.openArray()
            w.element()
            w.value(d)
            w.closeArray()
        }
        return Self.finish("MedicationStatement", id, &w)
    }

    /// The drug's indications: its `FOR` attributes (`metformin for T2DM`, `PRN nausea`, a
    /// table's reason column), each coded from the condition entity at the same place when there
    /// is one (a negated condition is no reason). Without such attributes (resources mapped from
    /// entities made elsewhere), a condition right after the drug behind "for"/"to treat".
    func reasons(_ i: Int) -> [(entity: Int?, span: TextSpan)] {
        let e = doc.entities[i]
        var out: [(entity: Int?, span: TextSpan)] = []
        for a in e.attributes where a.relationshipType == .for && a.type == .dxName {
            let j = doc.entities.indices.first { doc.entities[$0].type == .dxName && doc.entities[$0].span.overlaps(a.span) }
            if let j, doc.entities[j].traits.contains(.negation) { continue }
            out.append((j, j.map { doc.entities[$0].span } ?? a.span))
        }
        if !out.isEmpty { return out }
        let end = e.attributes.map(\.span.end).max().map { max($0, e.span.end) } ?? e.span.end
        let sentence = sentenceSpan(e.span.start)
        for j in (i + 1)..<doc.entities.count {
            let c = doc.entities[j]
            if c.span.start >= sentence.end || c.category == .medication { break }
            guard c.type == .dxName, !c.traits.contains(.negation), c.span.start >= end else { continue }
            let gap = words(in: TextSpan(end, c.span.start))
            if gap.last == "for" || gap.last == "treat" || gap == ["for", "treatment", "of"] || gap == ["to", "treat"] { out.append((j, c.span)) }
            break
        }
        return out
    }

    // MARK: Dosage

    /// Attribute types of a sig, and those that can give a dose or rate (built once: an array
    /// literal in the filter allocated per attribute).
    static let sigTypes: [EntityType] = [.dosage, .strength, .routeOrMode, .frequency, .duration, .rate, .form]
    static let doseTypes: [EntityType] = [.dosage, .strength, .rate]

    func dosage(_ i: Int) -> FHIRValue? {
        let e = doc.entities[i]
        let attrs = e.attributes.filter { Self.sigTypes.contains($0.type) }
        guard !attrs.isEmpty else { return nil }
        let sigSpan = attrs.map(\.span).reduce(attrs[0].span) { $0.union($1) }
        // Timing and as-needed.
        var repeatObj = FHIRObject()
        var timingCodes: [String] = []
        var asNeeded = false
        // A dose written with its frequency as one attribute ("40mg daily") is split in two.
        let split = Dictionary(uniqueKeysWithValues: attrs.compactMap { a in doseWithFrequency(a).map { (a.span, $0) } })
        var timingTexts = attrs.filter { ($0.type == .frequency || $0.type == .duration) && !($0.type == .duration && Self.impossibleFraction(text($0.span))) }.map { text($0.span) }
        timingTexts += attrs.compactMap { split[$0.span]?.frequency }
        for t in timingTexts {
            for hit in sig.frequencyHits(in: t) {
                apply(hit, to: &repeatObj, asNeeded: &asNeeded)
                if !hit.row.timingCode.isEmpty, !hit.row.timingCode.contains("{") { timingCodes.append(hit.row.timingCode) }
            }
        }
        var timing: FHIRValue? = nil
        let orderedRepeat = Self.orderRepeat(repeatObj)
        let code: FHIRValue? = timingCodes.count == 1
            ? Self.fixed("http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation", timingCodes[0]) : nil
        if !orderedRepeat.members.isEmpty || code != nil {
            timing = obj(["repeat": .object(orderedRepeat), "code": code])
        }
        var asNeededValue: (String, FHIRValue)? = nil
        if asNeeded {
            if let r = prnReason[i] {
                asNeededValue = ("asNeededCodeableConcept", codeableValue(doc.entities[r], systems: Self.conditionSystems))
            } else {
                asNeededValue = ("asNeededBoolean", .bool(true))
            }
        }
        // Route.
        var route: FHIRValue? = nil
        if let r = attrs.first(where: { $0.type == .routeOrMode }) {
            var codings: [FHIRValue] = []
            if let row = sig.route(text(r.span)) {
                if !row.snomed.isEmpty {
                    codings.append(obj(["system": .string(CodeSystem.snomedCT.uri), "code": .string(row.snomed), "display": .string(row.preferred)]))
                }
                if !row.hl7.isEmpty {
                    codings.append(obj(["system": .string(CodeSystem.hl7RouteOfAdministration.uri), "code": .string(row.hl7)]))
                }
            }
            route = obj(["coding": .array(codings), "text": .string(text(r.span))])
        }
        // Dose and rate: DOSAGE first, then a STRENGTH that measures a dose; amounts per time
        // (mg/h, mL/h, L/min, mg/day) are rates; concentrations are neither. "max 4 g" is a limit,
        // not a dose.
        var doseAndRate = FHIRObject()
        for a in attrs where Self.doseTypes.contains(a.type) && !isLimit(a.span) {
            guard let q = quantity(split[a.span]?.dose ?? text(a.span), test: false, kinds: Self.doseOrRateKinds) else { continue }
            if Self.rateKinds.contains(q.kind) || a.type == .rate {
                if doseAndRate["rateQuantity"] == nil, doseAndRate["rateRange"] == nil {
                    doseAndRate[q.high == nil ? "rateQuantity" : "rateRange"] = q.high == nil ? q.low : obj(["low": q.low, "high": q.high])
                }
            } else if doseAndRate["doseQuantity"] == nil, doseAndRate["doseRange"] == nil, a.type == .dosage || !attrs.contains(where: { $0.type == .dosage && !isLimit($0.span) }) {
                doseAndRate[q.high == nil ? "doseQuantity" : "doseRange"] = q.high == nil ? q.low : obj(["low": q.low, "high": q.high])
            }
        }
        // FHIR order: dose before rate.
        doseAndRate = FHIRObject(["doseRange", "doseQuantity", "rateRange", "rateQuantity"].compactMap { k in doseAndRate[k].map { FHIRObject.Member(key: k, value: $0) } })
        var m = FHIRObject()
        m["text"] = .string(text(sigSpan))
        if let timing { m["timing"] = timing }
        if let (k, v) = asNeededValue { m[k] = v }
        if let route { m["route"] = route }
        if !doseAndRate.members.isEmpty { m["doseAndRate"] = .array([.object(doseAndRate)]) }
        return .object(m)
    }

    /// Adds one frequency/duration phrase to a Timing.repeat.
    func apply(_ hit: FHIRSigTables.FrequencyHit, to r: inout FHIRObject, asNeeded: inout Bool) {
        let row = hit.row
        func sub(_ v: String) -> String? {
            // Most cells hold no slot: no `{`, nothing to replace.
            guard v.utf8.contains(UInt8(ascii: "{")) else { return v.isEmpty ? nil : v }
            let s = v.replacingOccurrences("{n}", hit.n ?? "").replacingOccurrences("{m}", hit.m ?? "")
            return s.isEmpty ? nil : s
        }
        func posInt(_ v: String) -> FHIRValue? {
            guard let s = sub(v), let n = Int(s), n > 0 else { return nil }
            return .integer(n)
        }
        if row.asNeeded { asNeeded = true }
        switch row.kind {
        case "frequency", "interval", "pattern", "slots":
            guard r["frequency"] == nil, r["period"] == nil else { break }
            r["frequency"] = posInt(row.frequency)
            r["frequencyMax"] = posInt(row.frequencyMax)
            if let p = sub(row.period).flatMap(Self.decimal), let u = row.periodUnit.isEmpty ? nil : row.periodUnit {
                r["period"] = .decimal(p)
                if let pm = sub(row.periodMax).flatMap(Self.decimal) { r["periodMax"] = .decimal(pm) }
                r["periodUnit"] = .string(u)
            }
            if r["frequencyMax"] != nil, r["frequency"] == nil { r["frequencyMax"] = nil }
        case "once":
            r["count"] = posInt(row.count)
        case "duration":
            if !row.count.isEmpty {
                r["count"] = posInt(row.count)
            } else if let n = hit.n.flatMap(Self.decimal), !row.durationUnit.isEmpty {
                let unit = row.durationUnit
                func q(_ v: String) -> FHIRValue {
                    obj(["value": .decimal(v), "unit": .string(Self.durationWords[unit] ?? unit), "system": .string(Self.ucum), "code": .string(unit)])
                }
                if let m = hit.m.flatMap(Self.decimal) {
                    r["boundsRange"] = obj(["low": q(n), "high": q(m)])
                } else {
                    r["boundsDuration"] = q(n)
                }
            }
        default: break
        }
        if !row.when.isEmpty {
            var w = r["when"]?.arrayValue ?? []
            for x in row.when where !w.contains(.string(x)) { w.append(.string(x)) }
            r["when"] = .array(w)
        }
        if !row.dayOfWeek.isEmpty {
            var w = r["dayOfWeek"]?.arrayValue ?? []
            for x in row.dayOfWeek where !w.contains(.string(x)) { w.append(.string(x)) }
            r["dayOfWeek"] = .array(w)
        }
    }

    static let durationWords = ["s": "seconds", "min": "minutes", "h": "hours", "d": "days", "wk": "weeks", "mo": "months", "a": "years"]

    /// Timing.repeat members in the order of the specification.
    static func orderRepeat(_ r: FHIRObject) -> FHIRObject {
        let order = ["boundsDuration", "boundsRange", "count", "frequency", "frequencyMax", "period", "periodMax", "periodUnit", "dayOfWeek", "when"]
        return FHIRObject(order.compactMap { k in r[k].map { FHIRObject.Member(key: k, value: $0) } })
    }

    // MARK: Quantities

    static let numberWords: [String: String] = [
        "half": "0.5", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
        "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    ]

    /// A FHIR decimal literal from a written number (`1,000` → `1000`, `.5` → `0.5`, `05` → `5`).
    static func decimal(_ s: String) -> String? {
        let t = s.filter { $0 != "," }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), t.filter({ $0 == "." }).count <= 1,
            t.first != "." || t.count > 1, t.last != "."
        else { return numberWords[s.lowercased()] }
        var parts = t.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var intPart = String(parts[0].drop(while: { $0 == "0" }))
        if intPart.isEmpty { intPart = "0" }
        parts[0] = intPart
        return parts.joined(separator: ".")
    }

    /// `40mg daily`, `2 tabs bd` as one DOSAGE/STRENGTH attribute: the dose and the frequency
    /// text, when the words after a dose quantity are a frequency phrase.
    func doseWithFrequency(_ a: Attribute) -> (dose: String, frequency: String)? {
        guard a.type == .dosage || a.type == .strength else { return nil }
        let t = text(a.span)
        let words = t.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 2 else { return nil }
        for k in stride(from: words.count - 1, through: 1, by: -1) {
            let head = words[..<k].joined(separator: " "), tail = words[k...].joined(separator: " ")
            guard quantity(head, test: false, kinds: Self.doseKinds, values: false) != nil else { continue }
            let hits = sig.frequencyHits(in: tail)
            if !hits.isEmpty, hits.allSatisfy({ $0.row.kind != "duration" }) { return (head, tail) }
        }
        return nil
    }

    /// Unit kinds (units.tsv) that measure one dose, and amounts per time.
    static let doseKinds: Set<String> = ["mass", "volume", "amount", "count", "weight-based dose", "BSA-based dose"]
    static let rateKinds: Set<String> = ["rate", "flow", "weight-based rate", "daily dose"]
    static let doseOrRateKinds = doseKinds.union(rateKinds)
    static let comparators = ["<=", ">=", "≤", "≥", "<", ">"]

    /// Whether the text just before `span` makes it a limit (`max 4 g`, `up to 8 tabs`).
    func isLimit(_ span: TextSpan) -> Bool {
        let before = words(in: TextSpan(max(0, span.start - 16), span.start))
        return ["max", "maximum", "mdd", "limit"].contains(before.last ?? "") || before.suffix(2) == ["up", "to"]
    }

    /// `400/12`, `9/7`: the days/weeks/months fraction notation with a numerator that cannot be
    /// one (a strength such as `400/12` misread as a duration).
    static func impossibleFraction(_ s: String) -> Bool {
        let parts = s.filter { !$0.isWhitespace && $0 != "x" && $0 != "×" }.split(separator: "/")
        guard parts.count == 2, let n = Double(parts[0]), let d = Int(parts[1]), [7, 52, 12].contains(d) else { return false }
        return n > Double(d)
    }

    /// A UCUM Quantity (and the high end of a range) from text such as `500 mg`, `1-2 tabs`,
    /// `20 units`, `<0.5 mmol/L`, with its unit kind. `kinds` accepts only units of those kinds
    /// (and requires a unit).
    /// With `values: false` only whether there is one counts: `low` is then a placeholder and
    /// `high` nil.
    func quantity(_ s: String, test: Bool, kinds: Set<String>? = nil, unitText: String? = nil, values: Bool = true) -> (low: FHIRValue, high: FHIRValue?, kind: String)? {
        var rest = Substring(s.trimmingCharacters(in: " \t"))
        var comparator: String? = nil
        // A comparator can only start with `<`, `>` or the lead byte of `≤`/`≥` (E2).
        if let b = rest.utf8.first, b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || b == 0xE2 {
            for c in Self.comparators where rest.hasPrefix(c) {
                comparator = ["≤": "<=", "≥": ">="][c] ?? c
                rest = rest.dropFirst(c.count).drop(while: { $0 == " " })
                break
            }
        }
        func number() -> String? {
            let digits = rest.prefix(while: { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") })
            if !digits.isEmpty {
                rest = rest.dropFirst(digits.count)
                return Self.decimal(String(digits))
            }
            let word = rest.prefix(while: { $0.isLetter })
            if let v = Self.numberWords[word.lowercased()] {
                rest = rest.dropFirst(word.count)
                return v
            }
            return nil
        }
        guard let low = number() else { return nil }
        var high: String? = nil
        let afterLow = rest
        rest = rest.drop(while: { $0 == " " })
        if rest.hasPrefix("-") || rest.hasPrefix("–") || rest.lowercased().hasPrefix("to ") {
            rest = rest.dropFirst(rest.hasPrefix("to") || rest.hasPrefix("TO") ? 2 : 1).drop(while: { $0 == " " })
            high = number()
            if high == nil { rest = afterLow }
        }
        let written = (unitText ?? String(rest)).trimmingCharacters(in: " \t.,;")
        var unit: FHIRSigTables.Unit? = nil
        if !written.isEmpty {
            unit = sig.unit(written, test: test)
            if unit == nil, unitText == nil { return nil }
            if let kinds, let u = unit, !kinds.contains(u.kind) { return nil }
        } else if kinds != nil {
            return nil
        }
        guard values else { return (.bool(false), nil, unit?.kind ?? "") }
        func q(_ v: String, _ comp: String?) -> FHIRValue {
            obj([
                "value": .decimal(v), "comparator": str(comp), "unit": str(written),
                "system": unit.map { _ in .string(Self.ucum) }, "code": unit.map { .string($0.ucum) },
            ])
        }
        return (q(low, high == nil ? comparator : nil), high.map { q($0, nil) }, unit?.kind ?? "")
    }

    // MARK: Observation

    static let observationSystems: [CodeSystem] = [.loinc, .snomedCT]
    static let observationCategory = "http://terminology.hl7.org/CodeSystem/observation-category"
    static let observationCategories: [String: FHIRValue] = Dictionary(uniqueKeysWithValues: ["vital-signs", "laboratory", "imaging"].map {
        ($0, .array([fixed(observationCategory, $0)]))
    })
    static let observationCategoriesJSON = observationCategories.mapValues(JSONOut.bytes)
    static let vitalLOINC: Set<String> = ["85354-9", "8480-6", "8462-4", "8867-4", "9279-1", "2708-6", "59408-5", "8310-5", "29463-7", "8302-2", "39156-5", "55284-4"]
    static let bpWords: Set<String> = ["bp", "blood pressure", "b/p", "nibp", "abp"]
    /// Units implied by a vital sign's LOINC code when the note gives none.
    static let impliedUnits: [String: (ucum: String, unit: String)] = [
        "8867-4": ("/min", "beats/minute"), "9279-1": ("/min", "breaths/minute"), "2708-6": ("%", "%"), "59408-5": ("%", "%"),
    ]

    /// Observation for a TEST_NAME with a TEST_VALUE: valueQuantity in UCUM for numbers (LOINC
    /// coding when linked), valueString for qualitative results, and a blood pressure `120/80` as
    /// a panel (85354-9) with systolic (8480-6) and diastolic (8462-4) components.
    func observation(_ i: Int, _ flags: [String]) -> FHIRResource? {
        let e = doc.entities[i]
        guard let valueAttr = e.attributes.first(where: { $0.type == .testValue }) else { return nil }
        let valueText = text(valueAttr.span).trimmingCharacters(in: " \t.,;:")
        guard !valueText.isEmpty else { return nil }
        let unitAttr = e.attributes.first(where: { ($0.type == .testUnit || $0.type == .testUnits) && $0.span.start >= valueAttr.span.start })
        let unitText = unitAttr.map { text($0.span) }
        let loinc = e.concepts.first(where: { $0.system == .loinc })?.code
        let name = words(in: e.span).joined(separator: " ")
        let isBP = loinc == "85354-9" || loinc == "55284-4" || Self.bpWords.contains(name) || Self.bpWords.contains(lower(e.span))
        let section = doc.section(containing: e.span.start)?.type ?? .unknown

        var bpPanel = false
        var value: (quantity: FHIRValue?, string: String?) = (nil, nil)
        var components: [FHIRValue] = []
        let parts = valueText.split(separator: "/").map { String($0).trimmingCharacters(in: " ") }
        if isBP, parts.count == 2, let sys = Self.decimal(parts[0]), let dia = Self.decimal(parts[1]) {
            bpPanel = loinc == nil
            func comp(_ c: String, _ d: String, _ v: String) -> FHIRValue {
                obj([
                    "code": obj(["coding": .array([obj(["system": .string(CodeSystem.loinc.uri), "code": .string(c), "display": .string(d)])])]),
                    "valueQuantity": obj(["value": .decimal(v), "unit": .string("mmHg"), "system": .string(Self.ucum), "code": .string("mm[Hg]")]),
                ])
            }
            components = [comp("8480-6", "Systolic blood pressure", sys), comp("8462-4", "Diastolic blood pressure", dia)]
        } else if let q = quantity(valueText, test: true, unitText: unitText), q.high == nil {
            var qv = q.low
            var implied = loinc.flatMap { Self.impliedUnits[$0] }
            if loinc == "8310-5", case .decimal(let v)? = qv["value"], let t = Double(v) {
                // Body temperature: the unit follows from the range of the value.
                implied = (30...45).contains(t) ? ("Cel", "°C") : ((86...113).contains(t) ? ("[degF]", "°F") : nil)
            }
            if unitText == nil, let implied, case .object(var o) = qv {
                o["unit"] = .string(implied.unit)
                o["system"] = .string(Self.ucum)
                o["code"] = .string(implied.ucum)
                qv = .object(o)
            }
            value.quantity = qv
        } else {
            value.string = valueText + (unitText.map { " " + $0 } ?? "")
        }
        let vital = (loinc.map { Self.vitalLOINC.contains($0) } ?? false) || isBP || section == .vitalSigns
        let lab = section == .labs || section == .investigations
        let imaging = section == .imaging
        let category: String? = vital ? "vital-signs" : (lab ? "laboratory" : (imaging ? "imaging" : nil))
        // The primary code is the first coding of `code`: the blood pressure panel when it
        // replaces an uncoded name, else the entity's first LOINC or SNOMED CT code.
        let primary = bpPanel ? "\(CodeSystem.loinc.uri)|85354-9" : primaryCode(e, Self.observationSystems)
        var (id, w) = header("Observation", e, flags: flags, primaryCode: primary)
        w.member("status", e.traits.contains(.future) ? "registered" : "final")
        if let category { w.member("category", raw: Self.observationCategoriesJSON[category] ?? JSONOut.bytes(.array([Self.fixed(Self.observationCategory, category)]))) }
        if bpPanel {
            w.key("code")
            w.openObject()
            w.key("coding")
            w.openArray()
            w.element()
            Self.coding(&w, system: CodeSystem.loinc.uri, code: "85354-9", display: "Blood pressure panel with all children optional")
            w.closeArray()
            w.member("text", text(e.span))
            w.closeObject()
        } else {
            codeableMember(&w, "code", e, systems: Self.observationSystems)
        }
        w.member("subject", raw: subjectJSON)
        w.member("encounter", raw: encounterJSON)
        if let q = value.quantity {
            w.key("valueQuantity")
            w.value(q)
        } else if let s = value.string {
            w.member("valueString", s)
        }
        w.member("derivedFrom", raw: derivedFromJSON)
        if !components.isEmpty {
            w.key("component")
            w.value(.array(components))
        }
        return Self.finish("Observation", id, &w)
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        replacing(target, with: replacement)
    }
}
