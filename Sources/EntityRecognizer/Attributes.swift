public import MedTextCore

/// Token ids of the cue words the attribute, allergy, infection-test, time and context-setting
/// rules test (bit maps over the dictionary: a lookup per token, no hashing).
struct AttributeWords: Sendable {
    let durationLead: TokenIDSet  // word class duration_lead
    let rateLead: TokenIDSet  // word class rate_lead
    let valueLead: TokenIDSet  // word class value_lead
    let comparators: TokenIDSet  // word class comparators
    let qualitative: TokenIDSet  // word class qualitative
    let numberWords: TokenIDSet  // word class number_words
    let rangeJoin: TokenIDSet  // word class range_join
    let slash: UInt32
    let not: UInt32
    let detected: UInt32
    let colon: UInt32
    let comma: UInt32
    let phraseEnd: TokenIDSet  // word class phrase_end
    let on: UInt32
    let sitePrepositions: TokenIDSet  // word class site_prepositions
    let siteFillers: TokenIDSet  // word class site_fillers
    let acuity: TokenIDSet  // word class acuity
    let allergyCues: TokenIDSet  // word class allergy_cues
    let allergyHeadings: TokenIDSet  // word class allergy_headings
    let allergyClasses: TokenIDSet  // word class allergy_classes
    let nilWords: TokenIDSet  // word class nil_words
    let listSeparators: TokenIDSet  // word class list_separators
    let clauseSeparators: TokenIDSet  // word class clause_separators
    let testLeads: TokenIDSet  // word class test_leads
    let testLeadFillers: TokenIDSet  // word class test_lead_fillers
    let causeLeads: TokenIDSet  // word class cause_leads
    let settingDeterminers: TokenIDSet  // word class setting_determiners
    let listGapStops: TokenIDSet  // word class list_gap_stops
    let semicolon: UInt32
    let inWord: UInt32
    let questionMark: UInt32
    let negativeAnswers: TokenIDSet  // word class negative_answers
    let positiveAnswers: TokenIDSet  // word class positive_answers
    let listHeadingCues: TokenIDSet  // word class list_heading_cues
    let listHeadingPairs: Set<[UInt32]>  // word class list_heading_pairs
    let bullets: TokenIDSet  // word class bullets
    let yearLead: TokenIDSet  // word class year_lead
    let yearLeadPunctuation: TokenIDSet  // word class year_lead_punctuation
    let episode: UInt32
    let openParen: UInt32
    let closeParen: UInt32
    let dash: UInt32
    let limitCues: TokenIDSet  // word class limit_cues
    let doseJoin: TokenIDSet  // word class dose_join
    let previousDoseCues: TokenIDSet  // word class previous_dose_cues
    let once: UInt32
    let infectionWords: TokenIDSet  // word class infection_words
    let testNouns: TokenIDSet  // word class test_nouns
    let testResults: TokenIDSet  // word class test_results
    let resultJoins: TokenIDSet  // word class result_joins
    let to: UInt32
    let of: UInt32
    let digits: [UInt32]  // "1" to "4" (simple fractions of a dose unit)
    let toleranceCues: TokenIDSet  // word class tolerance_cues
    let timeDeictics: TokenIDSet  // word class time_deictics
    let severity: TokenIDSet  // word class severity
    let supplementTests: TokenIDSet  // word class supplement_tests
    let drugLevelNouns: TokenIDSet  // word class drug_level_nouns
    let drugScreenResults: TokenIDSet  // word class drug_screen_results
    let statusWords: TokenIDSet  // word class status_words
    let statusPairs: Set<[UInt32]>  // word class status_pairs
    let planCurrentCues: TokenIDSet  // word class plan_current_cues
    let planConditionalCues: TokenIDSet  // word class plan_conditional_cues
    let planDoneCues: TokenIDSet  // word class plan_done_cues
    let replacementCues: TokenIDSet  // word class replacement_cues
    let doseStepLead: TokenIDSet  // word class dose_step_lead
    let patchForms: TokenIDSet  // word class patch_forms
    let bareDoses: TokenIDSet  // word class bare_doses
    let courseLead: TokenIDSet  // word class course_lead
    let sigDenominators: TokenIDSet  // word class sig_denominators
    let flowDrugs: TokenIDSet  // word class flow_drugs
    let productFormTails: TokenIDSet  // word class product_form_tails
    let imagingModalities: TokenIDSet  // word class imaging_modalities
    let siteJoins: TokenIDSet  // word class site_joins
    let siteCompoundHeads: TokenIDSet  // word class site_compound_heads
    let resultListLabels: TokenIDSet  // word class result_list_labels
    let qualitativePairs: Set<[UInt32]>  // word class qualitative_pairs
    let bodySystemHeadings: TokenIDSet  // word class body_system_headings
    let monthNames: TokenIDSet  // word class month_names
    let monthLead: TokenIDSet  // word class month_lead

    /// The cue words come from `context/word_classes.tsv` (``WordClasses``); the one-token
    /// anchors below are syntax the rules are written around, not vocabulary.
    init(classes: WordClasses, intern: (String) -> UInt32) {
        func set(_ name: WordClasses.Name) -> TokenIDSet { TokenIDSet(classes[name].map(intern).filter { $0 != 0 }) }
        /// A class of `first+second` rows as two-token keys (rows with an unknown word are dropped).
        func pairs(_ name: WordClasses.Name) -> Set<[UInt32]> {
            Set(classes[name].compactMap { pair -> [UInt32]? in
                let w = pair.split(separator: "+", omittingEmptySubsequences: false).map { intern(String($0)) }
                return w.count == 2 && !w.contains(0) ? w : nil
            })
        }
        durationLead = set(.durationLead)
        rateLead = set(.rateLead)
        valueLead = set(.valueLead)
        comparators = set(.comparators)
        qualitative = set(.qualitative)
        numberWords = set(.numberWords)
        rangeJoin = set(.rangeJoin)
        limitCues = set(.limitCues)
        doseJoin = set(.doseJoin)
        previousDoseCues = set(.previousDoseCues)
        infectionWords = set(.infectionWords)
        testNouns = set(.testNouns)
        testResults = set(.testResults)
        resultJoins = set(.resultJoins)
        phraseEnd = set(.phraseEnd)
        sitePrepositions = set(.sitePrepositions)
        siteFillers = set(.siteFillers)
        acuity = set(.acuity)
        allergyCues = set(.allergyCues)
        allergyHeadings = set(.allergyHeadings)
        allergyClasses = set(.allergyClasses)
        nilWords = set(.nilWords)
        listSeparators = set(.listSeparators)
        clauseSeparators = set(.clauseSeparators)
        testLeads = set(.testLeads)
        testLeadFillers = set(.testLeadFillers)
        causeLeads = set(.causeLeads)
        settingDeterminers = set(.settingDeterminers)
        listGapStops = set(.listGapStops)
        negativeAnswers = set(.negativeAnswers)
        positiveAnswers = set(.positiveAnswers)
        listHeadingCues = set(.listHeadingCues)
        listHeadingPairs = pairs(.listHeadingPairs)
        bullets = set(.bullets)
        yearLead = set(.yearLead)
        yearLeadPunctuation = set(.yearLeadPunctuation)
        toleranceCues = set(.toleranceCues)
        timeDeictics = set(.timeDeictics)
        severity = set(.severity)
        supplementTests = set(.supplementTests)
        drugLevelNouns = set(.drugLevelNouns)
        drugScreenResults = set(.drugScreenResults)
        statusWords = set(.statusWords)
        planCurrentCues = set(.planCurrentCues)
        planConditionalCues = set(.planConditionalCues)
        planDoneCues = set(.planDoneCues)
        replacementCues = set(.replacementCues)
        statusPairs = pairs(.statusPairs)
        doseStepLead = set(.doseStepLead)
        patchForms = set(.patchForms)
        bareDoses = set(.bareDoses)
        courseLead = set(.courseLead)
        sigDenominators = set(.sigDenominators)
        flowDrugs = set(.flowDrugs)
        productFormTails = set(.productFormTails)
        imagingModalities = set(.imagingModalities)
        siteJoins = set(.siteJoins)
        siteCompoundHeads = set(.siteCompoundHeads)
        resultListLabels = set(.resultListLabels)
        qualitativePairs = pairs(.qualitativePairs)
        bodySystemHeadings = set(.bodySystemHeadings)
        monthNames = set(.monthNames)
        monthLead = set(.monthLead)
        of = intern("of")
        digits = ["1", "2", "3", "4"].map(intern)
        once = intern("once")
        to = intern("to")
        slash = intern("/")
        not = intern("not")
        detected = intern("detected")
        colon = intern(":")
        comma = intern(",")
        semicolon = intern(";")
        inWord = intern("in")
        on = intern("on")
        questionMark = intern("?")
        episode = intern("episode")
        openParen = intern("(")
        closeParen = intern(")")
        dash = intern("-")
    }
}

/// A set of ``SigKind``s as a bit mask (a `Set<SigKind>` literal per call allocated and hashed
/// on the hot path).
struct SigKinds: OptionSet, Sendable {
    let rawValue: UInt16
    init(rawValue: UInt16) { self.rawValue = rawValue }
    init(_ kind: SigKind) {
        switch kind {
        case .strengthUnit: self = .strengthUnit
        case .doseUnit: self = .doseUnit
        case .rateUnit: self = .rateUnit
        case .route: self = .route
        case .form: self = .form
        case .frequency: self = .frequency
        case .duration: self = .duration
        case .testUnit: self = .testUnit
        case .time: self = .time
        }
    }
    static let strengthUnit = SigKinds(rawValue: 1 << 0)
    static let doseUnit = SigKinds(rawValue: 1 << 1)
    static let rateUnit = SigKinds(rawValue: 1 << 2)
    static let route = SigKinds(rawValue: 1 << 3)
    static let form = SigKinds(rawValue: 1 << 4)
    static let frequency = SigKinds(rawValue: 1 << 5)
    static let duration = SigKinds(rawValue: 1 << 6)
    static let testUnit = SigKinds(rawValue: 1 << 7)
    static let time = SigKinds(rawValue: 1 << 8)
}

extension Recognizer {
    /// The longest signature phrase at content index `k`, allowing number placeholders,
    /// whose kind is in `kinds`, respecting case-sensitive terms.
    func sigMatch(
        at k: Int, kinds: SigKinds, keys: UnsafeBufferPointer<UInt32>, alternates: UnsafeBufferPointer<UInt32>,
        limit: Int, content c: Content, doc: AnnotatedDocument, bytes p: UnsafeBufferPointer<UInt8>
    ) -> (tokens: Range<Int>, term: SigTerm)? {
        guard k < limit else { return nil }
        let kk = UnsafeBufferPointer(rebasing: keys[..<limit])
        let aa = UnsafeBufferPointer(rebasing: alternates[..<limit])
        // Almost every token starts no signature phrase of the wanted kinds: decide that before
        // any other work.
        let key = Int(kk[k]), alt = Int(aa[k])
        let starting = (key < sigStartKinds.count ? sigStartKinds[key] : []).union(alt < sigStartKinds.count ? sigStartKinds[alt] : [])
        guard !starting.isDisjoint(with: kinds) else { return nil }
        var hits: [PhraseMatcher.Hit] = []
        sigMatcher.hits(in: kk, alternates: aa, at: k, into: &hits)
        for h in hits.reversed() {
            for pi in sigMatcher.payloadRange(of: h.node) {
                let pl = Int(sigMatcher.payload(at: pi))
                guard kinds.contains(sigKinds[pl]) else { continue }
                if let exact = sigExactBytes[pl], !matchesExactly(exact, tokens: k..<h.end, content: c, doc: doc, bytes: p) {
                    continue
                }
                return (k..<h.end, sigTerms[pl])
            }
        }
        return nil
    }

    /// Content indices of a number expression starting at `k` (`2`, `1-2`, `1 to 2`, `½`,
    /// `two`), or nil.
    func numberExpression(at k: Int, limit: Int, content c: Content, doc: AnnotatedDocument) -> Range<Int>? {
        guard k < limit else { return nil }
        let isNum: (Int) -> Bool = { doc.tokens[c.tokenIndex[$0]].kind == .number }
        guard isNum(k) || words.numberWords.contains(c.lexKeys[k]) else { return nil }
        var e = k + 1
        if e + 1 < limit, words.rangeJoin.contains(c.lexKeys[e]), isNum(e + 1) || words.numberWords.contains(c.lexKeys[e + 1]) {
            e += 2
        } else if e + 1 < limit, c.lexKeys[e] == words.slash, isNum(k), isNum(e + 1), let f = simpleFraction(k, content: c, doc: doc) {
            // "1/2 tab", "3/4 tablet": a fraction of a dose unit (never "4/24" or "5/7").
            e = f
        }
        return k..<e
    }

    /// The end of a simple fraction written without spaces at `k` (`1/2`, `1/4`, `3/4`, `2/3`:
    /// numerator smaller than a denominator of 2 to 4), or nil.
    private func simpleFraction(_ k: Int, content c: Content, doc: AnnotatedDocument) -> Int? {
        let a = doc.tokens[c.tokenIndex[k]], slash = doc.tokens[c.tokenIndex[k + 1]], b = doc.tokens[c.tokenIndex[k + 2]]
        guard slash.span.start == a.span.end, b.span.start == slash.span.end else { return nil }
        guard let n = words.digits.firstIndex(of: c.lexKeys[k]), let d = words.digits.firstIndex(of: c.lexKeys[k + 2]) else { return nil }
        return (2...4).contains(d + 1) && (1...d).contains(n + 1) ? k + 3 : nil
    }

    /// Whether a count of dose units ("1 cap", "2 tabs") follows at or after `k` before `limit`.
    func countDoseFollows(
        from k: Int, limit: Int, keys: UnsafeBufferPointer<UInt32>, alts: UnsafeBufferPointer<UInt32>,
        content c: Content, doc: AnnotatedDocument, bytes p: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        var j = k
        while j < limit {
            if let num = numberExpression(at: j, limit: limit, content: c, doc: doc),
               let u = sigMatch(at: num.upperBound, kinds: [.doseUnit], keys: keys, alternates: alts, limit: limit, content: c, doc: doc, bytes: p),
               u.term.id != "unit:iu"
            {
                return true
            }
            j += 1
        }
        return false
    }

    /// The end of the numeric result (with its unit) of the test whose name starts at `k`
    /// ("HbF 18%", "HbA1c: 6.2 %", "Plt <75"), or nil when no number follows the name.
    func testResultEnd(
        after k: Int, limit: Int, testToken: [Bool], keys: UnsafeBufferPointer<UInt32>, alts: UnsafeBufferPointer<UInt32>,
        content c: Content, doc: AnnotatedDocument, bytes p: UnsafeBufferPointer<UInt8>
    ) -> Int? {
        var v = k
        while v < limit, testToken[v] { v += 1 }
        var skipped = 0
        while v < limit, skipped < 2, words.valueLead.contains(keys[v]) {
            v += 1
            skipped += 1
        }
        if v < limit, words.comparators.contains(keys[v]) { v += 1 }
        guard v < limit, doc.tokens[c.tokenIndex[v]].kind == .number else { return nil }
        v += 1
        if v + 1 < limit, words.rangeJoin.contains(keys[v]), doc.tokens[c.tokenIndex[v + 1]].kind == .number { v += 2 }  // "88-92%"
        if let u = sigMatch(at: v, kinds: [.testUnit, .strengthUnit, .rateUnit], keys: keys, alternates: alts, limit: limit, content: c, doc: doc, bytes: p) {
            v = u.tokens.upperBound
        }
        return v
    }

    func span(_ r: Range<Int>, _ c: Content, _ doc: AnnotatedDocument) -> TextSpan {
        TextSpan(doc.tokens[c.tokenIndex[r.lowerBound]].span.start, doc.tokens[c.tokenIndex[r.upperBound - 1]].span.end)
    }

    /// Attaches medication-signature attributes to medications (Rule M1/M2 of the gold
    /// guideline: STRENGTH, DOSAGE, ROUTE_OR_MODE, FORM, FREQUENCY, DURATION, RATE, scanning
    /// from the drug to the next drug or the end of its sentence) and TEST_VALUE / TEST_UNIT to
    /// tests.
    func attachAttributes(
        _ entities: inout [Entity], ranges: [Range<Int>], content c: Content, doc: AnnotatedDocument,
        bytes p: UnsafeBufferPointer<UInt8>, sentences: [Range<Int>], sentenceOf: [Int]
    ) {
        guard !ranges.isEmpty, !sentences.isEmpty else { return }
        supplementDoses(&entities, ranges: ranges, content: c, doc: doc, bytes: p)
        // Which content tokens lie inside a lexicon entity.
        let owner = Self.tokenOwners(ranges, count: c.lexKeys.count)
        // Only medication signatures read it: not built for notes without a medication.
        let hasMedication = entities.contains { $0.category == .medication }
        let conditionToken = hasMedication ? owner.map { $0 >= 0 && entities[$0].category == .medicalCondition } : []
        let testToken = hasMedication ? owner.map { $0 >= 0 && entities[$0].type == .testName } : []
        c.lexKeys.withUnsafeBufferPointer { keys in
            c.ctxKeys.withUnsafeBufferPointer { alts in
                // A drug named again in parentheses right after another ("insulin glargine
                // (Lantus) 100 units/mL", "Coversyl (perindopril) 5 mg") is an alias: the
                // signature after it belongs to the first drug (guideline M2: nearest drug of
                // the item, the alias being the same drug).
                // The alias may name its device or form before the parenthesis closes
                // ("insulin glargine (Basaglar KwikPen) 100 units/mL").
                func aliasClose(_ m: Int) -> Int? {
                    guard m > 0, entities[m].category == .medication, entities[m - 1].category == .medication else { return nil }
                    let prev = ranges[m - 1], r = ranges[m]
                    // A release or device word may stand between ("ProAir HFA (albuterol sulfate)").
                    var open = prev.upperBound
                    if open < keys.count, keys[open] != words.openParen,
                       let f = sigMatch(at: open, kinds: [.form], keys: keys, alternates: alts, limit: min(keys.count, open + 3), content: c, doc: doc, bytes: p)
                    {
                        open = f.tokens.upperBound
                    }
                    guard r.lowerBound == open + 1, open < keys.count, keys[open] == words.openParen else { return nil }
                    var e = r.upperBound
                    if e < keys.count, keys[e] != words.closeParen,
                       let f = sigMatch(at: e, kinds: [.form], keys: keys, alternates: alts, limit: min(keys.count, e + 4), content: c, doc: doc, bytes: p)
                    {
                        e = f.tokens.upperBound
                    }
                    return e < keys.count && keys[e] == words.closeParen ? e : nil
                }
                func isAlias(_ m: Int) -> Bool { aliasClose(m) != nil }
                for (n, r) in ranges.enumerated() {
                    switch entities[n].category {
                    case .medication:
                        if isAlias(n) { continue }
                        // A release or device abbreviation that ends a product name ("Diamicron
                        // MR", "Cardizem CD", "Seretide MDI") is the drug's FORM (guideline §2),
                        // not part of its name.
                        // So is a dose form written in lower case after the name ("nicotine
                        // patch", "GTN spray", "Saline nose drops"); capitalised device brands
                        // ("Trelegy Ellipta") keep their name.
                        var releaseForm: Attribute? = nil
                        if r.count >= 2, let tail = productForm(in: r, keys: keys, alts: alts, content: c, doc: doc, bytes: p) {
                            // "Toprol-XL": the hyphen before the form belongs to neither.
                            let end = tail.lowerBound - 1 > r.lowerBound && keys[tail.lowerBound - 1] == words.dash ? tail.lowerBound - 1 : tail.lowerBound
                            entities[n].span = span(r.lowerBound..<end, c, doc)
                            releaseForm = attribute(.form, .form, tail, c, doc)
                        }
                        defer { if let f = releaseForm { entities[n].attributes.insert(f, at: 0) } }
                        let sentenceEnd = sentences[sentenceOf[r.lowerBound]].upperBound
                        var from = r.upperBound
                        var next = n + 1
                        if next < ranges.count, let close = aliasClose(next) {
                            from = close + 1
                            next += 1
                        }
                        var limit = min(sentenceEnd, from + 40)
                        // Stop at the next medication.
                        var nextDrug: Int? = nil
                        for m in next..<max(next, ranges.count) where entities[m].category == .medication {
                            if ranges[m].lowerBound <= limit { nextDrug = ranges[m].lowerBound }
                            limit = min(limit, ranges[m].lowerBound)
                            break
                        }
                        entities[n].attributes = from < limit ? medicationAttributes(
                            from: from, limit: limit, keys: keys, alts: alts, owner: owner, conditionToken: conditionToken,
                            testToken: testToken, content: c, doc: doc, bytes: p) : []
                        // A route right before the next drug is that drug's ("IV ceftriaxone then
                        // oral amoxicillin", "while on IV diuretics"): it takes it below.
                        if let d = nextDrug, d > from {
                            let end = doc.tokens[c.tokenIndex[d - 1]].span.end
                            entities[n].attributes.removeAll { $0.type == .routeOrMode && $0.span.end == end }
                        }
                        // A route written before the drug ("IV frusemide", "nebulised salbutamol").
                        let lineStart = sentences[sentenceOf[r.lowerBound]].lowerBound
                        // A flow written before oxygen ("on 2 L NC O2", "2L home oxygen").
                        // Litres written after oxygen are its flow too ("on O2 2L NP", "oxygen 4 L/min").
                        if let last = r.last, words.flowDrugs.contains(keys[last]) {
                            for i in entities[n].attributes.indices where entities[n].attributes[i].type == .dosage || entities[n].attributes[i].type == .strength {
                                let s = entities[n].attributes[i].span
                                if p[s.end - 1] | 0x20 == UInt8(ascii: "l") || p[s.end - 1] | 0x20 == UInt8(ascii: "n") && s.length > 4 {
                                    entities[n].attributes[i].type = .rate
                                    entities[n].attributes[i].relationshipType = .rate
                                }
                            }
                        }
                        if let last = r.last, words.flowDrugs.contains(keys[last]),
                           let flow = flowBefore(r.lowerBound, lineStart: lineStart, owner: owner, keys: keys, alts: alts, content: c, doc: doc, bytes: p)
                        {
                            entities[n].attributes.insert(attribute(.rate, .rate, flow, c, doc), at: 0)
                        }
                        for back in 1...3 where r.lowerBound - back >= lineStart && owner[r.lowerBound - back] < 0 {
                            if let m = sigMatch(at: r.lowerBound - back, kinds: [.route], keys: keys, alternates: alts, limit: r.lowerBound, content: c, doc: doc, bytes: p),
                               m.tokens.upperBound == r.lowerBound
                            {
                                entities[n].attributes.insert(attribute(.routeOrMode, .routeOrMode, m.tokens, c, doc), at: 0)
                                break
                            }
                        }
                    case .testTreatmentProcedure where entities[n].type == .testName:
                        var limit = min(sentences[sentenceOf[r.lowerBound]].upperBound, r.upperBound + 8)
                        if n + 1 < ranges.count { limit = min(limit, ranges[n + 1].lowerBound) }
                        // After the qualifiers a test already has (a side before it, an imaging test's site).
                        let results = testAttributes(
                            from: r.upperBound, limit: limit, keys: keys, alts: alts, content: c, doc: doc, bytes: p)
                        if entities[n].attributes.isEmpty {
                            entities[n].attributes = results
                        } else if !results.isEmpty {
                            entities[n].attributes += results
                            entities[n].attributes.sort { $0.span < $1.span }
                        }
                    default:
                        break
                    }
                }
            }
        }
    }

    /// A mineral named as a lab test (word class `supplement_tests`) followed by a dose in a mass
    /// or amount unit is the supplement given ("Magnesium 400mg daily", "Calcium 600 mg BD",
    /// "potassium 20 mmol IV"): a GENERIC_NAME without a concept. A result with a concentration
    /// unit or none ("Magnesium 0.7 mmol/L", "Mg 0.7") stays a test. So does a mineral followed
    /// right away by a dose form (`sig/forms.tsv`): "magnesium powder nocte", "iron tablets",
    /// "zinc capsules" name the supplement, never a result.
    func supplementDoses(_ entities: inout [Entity], ranges: [Range<Int>], content c: Content, doc: AnnotatedDocument, bytes p: UnsafeBufferPointer<UInt8>) {
        c.lexKeys.withUnsafeBufferPointer { keys in
            c.ctxKeys.withUnsafeBufferPointer { alts in
                for (n, r) in ranges.enumerated() where entities[n].type == .testName && r.count == 1 && words.supplementTests.contains(keys[r.lowerBound]) {
                    let limit = min(keys.count, r.upperBound + 6)
                    let formed = !c.lineEnd[r.upperBound - 1]
                        && sigMatch(at: r.upperBound, kinds: [.form], keys: keys, alternates: alts, limit: limit, content: c, doc: doc, bytes: p) != nil
                    guard formed || isSupplementDose(after: r, limit: limit, keys: keys, alts: alts, content: c, doc: doc, bytes: p) else { continue }
                    entities[n].category = .medication
                    entities[n].type = .genericName
                    entities[n].conceptIDs = []
                    entities[n].evidence.append(Evidence(subject: "MEDICATION", ruleID: "rule:supplement-dose"))
                }
            }
        }
    }

    /// Whether a dose in mg, g, mcg, mmol or mEq follows the mineral at `r`.
    private func isSupplementDose(
        after r: Range<Int>, limit: Int, keys: UnsafeBufferPointer<UInt32>, alts: UnsafeBufferPointer<UInt32>,
        content c: Content, doc: AnnotatedDocument, bytes p: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard let num = numberExpression(at: r.upperBound, limit: limit, content: c, doc: doc),
              let u = sigMatch(at: num.upperBound, kinds: [.strengthUnit, .testUnit, .rateUnit], keys: keys, alternates: alts, limit: limit, content: c, doc: doc, bytes: p)
        else { return false }
        return u.term.kind == .strengthUnit && ["unit:mg", "unit:g", "unit:ug", "unit:mmol", "unit:meq"].contains(u.term.id)
    }

    /// Per content token, the index of the lexicon entity whose range holds it, or -1.
    static func tokenOwners(_ ranges: [Range<Int>], count: Int) -> [Int] {
        var owner = [Int](repeating: -1, count: count)
        for (n, r) in ranges.enumerated() { for k in r { owner[k] = n } }
        return owner
    }

    /// Whether content tokens `k`, `k + 1` are `/24` (the "4/24" of an AU interval, not a count).
    private func isPerDay(_ k: Int, _ limit: Int, _ keys: UnsafeBufferPointer<UInt32>, _ c: Content, _ doc: AnnotatedDocument, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard k + 1 < limit, keys[k] == words.slash else { return false }
        return p[doc.tokens[c.tokenIndex[k + 1]].span.range].elementsEqual("24".utf8)
    }

    /// The dose form or release abbreviation that ends the medication name at `r` (the longest
    /// such tail, never the whole name), or nil: an upper-case abbreviation of two to four letters
    /// as the last token ("Diamicron MR", "Seretide MDI"), or a form term starting with a
    /// lower-case word and ending in a word of `product_form_tails` ("nicotine patch", "Xalatan
    /// eye drops").
    private func productForm(
        in r: Range<Int>, keys: UnsafeBufferPointer<UInt32>, alts: UnsafeBufferPointer<UInt32>,
        content c: Content, doc: AnnotatedDocument, bytes p: UnsafeBufferPointer<UInt8>
    ) -> Range<Int>? {
        for t in (r.lowerBound + 1)..<r.upperBound {
            let first = p[doc.tokens[c.tokenIndex[t]].span.start]
            let isLower = first >= 0x61 && first <= 0x7A
            guard isLower || t == r.upperBound - 1 && isUpperAbbreviation(t, c, doc, p) else { continue }
            // Lower-case tails only of the forms that are never part of a product's name
            // (word class `product_form_tails`: "nicotine patch", "GTN spray"; not "glucose gel",
            // "Ringer's solution").
            if let m = sigMatch(at: t, kinds: [.form], keys: keys, alternates: alts, limit: r.upperBound, content: c, doc: doc, bytes: p),
               m.tokens == t..<r.upperBound, !isLower || words.productFormTails.contains(keys[r.upperBound - 1])
            {
                return m.tokens
            }
        }
        return nil
    }

    /// A flow in litres ("2 L", "2L/min") ending right before `drug` or before a route written
    /// right before it ("2 L NC O2"), on its line and outside other entities, or nil.
    private func flowBefore(
        _ drug: Int, lineStart: Int, owner: [Int], keys: UnsafeBufferPointer<UInt32>, alts: UnsafeBufferPointer<UInt32>,
        content c: Content, doc: AnnotatedDocument, bytes p: UnsafeBufferPointer<UInt8>
    ) -> Range<Int>? {
        var end = drug
        for back in 1...3 where drug - back >= lineStart {
            if let m = sigMatch(at: drug - back, kinds: [.route], keys: keys, alternates: alts, limit: drug, content: c, doc: doc, bytes: p), m.tokens.upperBound == drug {
                end = drug - back
                break
            }
        }
        for s in stride(from: end - 1, through: max(lineStart, end - 4), by: -1) where owner[s] < 0 {
            guard let num = numberExpression(at: s, limit: end, content: c, doc: doc), doc.tokens[c.tokenIndex[s]].kind == .number,
                  let u = sigMatch(at: num.upperBound, kinds: [.strengthUnit, .rateUnit], keys: keys, alternates: alts, limit: end, content: c, doc: doc, bytes: p),
                  u.tokens.upperBound == end, u.term.id == "unit:l" || u.term.id == "unit:l_per_min"
            else { continue }
            return s..<end
        }
        return nil
    }

    /// Whether a patch is named in the drug's signature or at the end of its name (word class
    /// `patch_forms`, looked at only when a per-time unit is found).
    private func isPatchSignature(from start: Int, limit: Int, keys: UnsafeBufferPointer<UInt32>) -> Bool {
        var j = max(0, start - 2)
        while j < limit {
            if words.patchForms.contains(keys[j]) { return true }
            j += 1
        }
        return false
    }

    /// Whether content token `k` is an upper-case abbreviation of two to four letters ("MR", "XR", "MDI").
    private func isUpperAbbreviation(_ k: Int, _ c: Content, _ doc: AnnotatedDocument, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let text = p[doc.tokens[c.tokenIndex[k]].span.range]
        return (2...4).contains(text.count) && text.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
    }

    private func attribute(_ type: EntityType, _ rel: RelationshipType, _ r: Range<Int>, _ c: Content, _ doc: AnnotatedDocument, category: EntityCategory = .medication, score: Float = 0.9) -> Attribute {
        Attribute(type: type, category: category, span: span(r, c, doc), score: score, relationshipType: rel, relationshipScore: score)
    }

    func medicationAttributes(
        from start: Int, limit: Int, keys: UnsafeBufferPointer<UInt32>, alts: UnsafeBufferPointer<UInt32>, owner: [Int],
        conditionToken: [Bool], testToken: [Bool], content c: Content, doc: AnnotatedDocument, bytes p: UnsafeBufferPointer<UInt8>
    ) -> [Attribute] {
        var out: [Attribute] = []
        var hasStrength = false
        var lastFrequency: Int? = nil  // index in `out` of a FREQUENCY that ends at the previous token
        var k = start
        while k < limit {
            // A dose limit ("(max 3 g/day)", "max 200mg/day"): not a dose; skipped to the end of
            // its clause.
            if words.limitCues.contains(keys[k]) {
                k += 1
                while k < limit, !words.clauseSeparators.contains(keys[k]), keys[k] != words.closeParen, !c.lineEnd[k - 1] { k += 1 }
                lastFrequency = nil
                continue
            }
            // A previous dose ("reduced from 20 mg", "previously 40mg") is not a dose of the drug.
            if words.previousDoseCues.contains(keys[k]), let num = numberExpression(at: k + 1, limit: limit, content: c, doc: doc) {
                // "increased from 20 to 40 mg": only the old number is skipped.
                if num.count == 3, keys[num.lowerBound + 1] == words.to {
                    k = num.lowerBound + 2
                    lastFrequency = nil
                    continue
                }
                guard let u = sigMatch(at: num.upperBound, kinds: [.strengthUnit, .doseUnit, .rateUnit], keys: keys, alternates: alts, limit: limit, content: c, doc: doc, bytes: p) else {
                    k += 1
                    continue
                }
                k = u.tokens.upperBound
                lastFrequency = nil
                continue
            }
            // A test with its result inside a drug's sentence ("hydroxyurea (HbF 18%)",
            // "gliclazide (HbA1c 6.2% on it)"): the result is not a strength. Skipped with its
            // unit; a test name without a number after it is read as before.
            if testToken[k], k == start || !testToken[k - 1], let v = testResultEnd(after: k, limit: limit, testToken: testToken, keys: keys, alts: alts, content: c, doc: doc, bytes: p) {
                k = v
                lastFrequency = nil
                continue
            }
            // A condition ("for CAP", "PRN pain") is never read as a form, route or frequency.
            if conditionToken[k] {
                lastFrequency = nil
                k += 1
                continue
            }
            // A bare strength right after the drug or its release form, with no unit: numbers
            // joined by "/" are a combination product's strength ("Symbicort 400/12 2 puffs",
            // "Caduet 5/40 - 1 nocte"); a single number of 5 or more (or a decimal) is one
            // before a frequency or a dash ("metformin 500 bid"); small whole numbers are left
            // alone (in "Panadol 2 qid" the 2 is a count of tablets).
            if !hasStrength, out.allSatisfy({ $0.type == .form }),
               k == start || out.last.map({ $0.span.end == doc.tokens[c.tokenIndex[k - 1]].span.end }) == true,
               let r = bareStrength(at: k, limit: limit, keys: keys, alts: alts, content: c, doc: doc, bytes: p)
            {
                out.append(attribute(.strength, .strength, r, c, doc))
                hasStrength = true
                lastFrequency = nil
                k = r.upperBound
                continue
            }
            // A bare count right after the strength, as in medication charts ("Lasix 40mg 1, ...",
            // "Coversyl 10mg - 1 mane").
            let beforeCount = k - 1 > start && keys[k - 1] == words.dash ? k - 2 : k - 1
            if let last = out.last, last.type == .strength, k > start, beforeCount >= start,
               doc.tokens[c.tokenIndex[beforeCount]].span.end <= last.span.end,
               let num = numberExpression(at: k, limit: limit, content: c, doc: doc),
               !isPerDay(num.upperBound, limit, keys, c, doc, p),
               num.upperBound >= limit || words.listSeparators.contains(keys[num.upperBound]) || keys[num.upperBound] == words.openParen
                   || c.lineEnd[num.upperBound - 1]
                   || sigMatch(at: num.upperBound, kinds: [.frequency], keys: keys, alternates: alts, limit: limit, content: c, doc: doc, bytes: p) != nil
            {
                out.append(attribute(.dosage, .dosage, num, c, doc))
                k = num.upperBound
                continue
            }
            // Phrases that start here: durations, rates, frequencies, routes, forms.
            if let m = sigMatch(at: k, kinds: [.duration, .frequency, .route, .form, .rateUnit], keys: keys, alternates: alts, limit: limit, content: c, doc: doc, bytes: p),
               m.term.kind != .rateUnit
            {
                var r = m.tokens
                switch m.term.kind {
                case .duration:
                    // Only "for 7 days" / "x 5/7" / "over 2 weeks" (gold rule: the lead word is
                    // left out of the span); a bare "7 days" in a drug's sentence is usually history.
                    // The lead word may also come right before a duration phrase that has none of
                    // its own ("over 60 min", "× 5 days").
                    if r.count > 1, words.durationLead.contains(keys[r.lowerBound]) {
                        r = (r.lowerBound + 1)..<r.upperBound
                    } else if !(k > start && (words.durationLead.contains(keys[k - 1])
                        // "total 7 days", "to complete 5 days": the course, when no other duration
                        // was given ("x 3 days (to complete 7 days)" is not annotated twice).
                        || words.courseLead.contains(keys[k - 1]) && !out.contains { $0.type == .duration }))
                    {
                        k += 1
                        continue
                    }
                    out.append(attribute(.duration, .duration, r, c, doc))
                    lastFrequency = nil
                case .frequency:
                    // A time of day after "this" / "last" / "yesterday" or before "of" is a time,
                    // not how often ("| this morning |" in a last-dose column, "withhold
                    // morning of surgery").
                    if k > start && words.timeDeictics.contains(keys[k - 1]) || r.upperBound < limit && keys[r.upperBound] == words.of {
                        k = r.upperBound
                        lastFrequency = nil
                        continue
                    }
                    // "4/24" (AU: every 4 hours) is also how a date is written ("since 4/24"): it is a
                    // frequency only as the drug's first frequency, right after the drug or another
                    // attribute of its sig ("Endone 5mg PO 4/24 PRN").
                    if isPerDay(r.lowerBound + 1, r.upperBound, keys, c, doc, p) || isPerDay(r.lowerBound + 3, r.upperBound, keys, c, doc, p),
                       out.contains(where: { $0.type == .frequency })
                           || !(k == start || out.last.map({ $0.span.end == doc.tokens[c.tokenIndex[k - 1]].span.end }) == true)
                    {
                        k = r.upperBound
                        continue
                    }
                    // "once" before a clause is a conjunction ("restart once renal function is
                    // stable"), not a frequency.
                    if r.count == 1, keys[r.lowerBound] == words.once, r.upperBound < limit, !c.lineEnd[r.lowerBound],
                       !words.clauseSeparators.contains(keys[r.upperBound]), keys[r.upperBound] != words.closeParen,
                       sigMatch(at: r.upperBound, kinds: [.frequency, .route, .duration], keys: keys, alternates: alts, limit: limit, content: c, doc: doc, bytes: p) == nil,
                       // "once in the day unit", "once at 0800": a frequency before a preposition.
                       !words.sitePrepositions.contains(keys[r.upperBound]),
                       doc.tokens[c.tokenIndex[r.upperBound]].kind == .word
                    {
                        k = r.upperBound
                        continue
                    }
                    if let f = lastFrequency, out[f].span.end <= span(r, c, doc).start,
                       doc.tokens[c.tokenIndex[r.lowerBound] - 1].kind != .newline, k > start,
                       out[f].span.end == doc.tokens[c.tokenIndex[k - 1]].span.end
                    {
                        out[f].span = out[f].span.union(span(r, c, doc))  // "q4h PRN": one span
                    } else {
                        out.append(attribute(.frequency, .frequency, r, c, doc))
                        lastFrequency = out.count - 1
                    }
                case .route:
                    out.append(attribute(.routeOrMode, .routeOrMode, r, c, doc))
                    lastFrequency = nil
                case .form:
                    out.append(attribute(.form, .form, r, c, doc))
                    lastFrequency = nil
                default: break
                }
                k = r.upperBound
                continue
            }
            // "@ 100 mL/hr": a rate.
            var lead = k
            if words.rateLead.contains(keys[k]) { lead = k + 1 }
            // An amount said without a number ("apply thinly", "apply a thin layer"): a dose.
            if words.bareDoses.contains(keys[k]),
               let u = sigMatch(at: k, kinds: [.doseUnit], keys: keys, alternates: alts, limit: limit, content: c, doc: doc, bytes: p)
            {
                out.append(attribute(.dosage, .dosage, u.tokens, c, doc))
                lastFrequency = nil
                k = u.tokens.upperBound
                continue
            }
            if let num = numberExpression(at: lead, limit: limit, content: c, doc: doc),
               num.upperBound >= limit || !words.bareDoses.contains(keys[num.upperBound]) || doc.tokens[c.tokenIndex[num.lowerBound]].kind == .number
            {
                if let u = sigMatch(at: num.upperBound, kinds: [.strengthUnit, .doseUnit, .rateUnit, .form], keys: keys, alternates: alts, limit: limit, content: c, doc: doc, bytes: p) {
                    let r = num.lowerBound..<u.tokens.upperBound
                    // Two amounts joined by "/" are one strength: a combination product
                    // ("Fosamax Plus 70mg/140mcg") or a concentration ("Heparin 25,000 units/250 mL");
                    // so is an amount "in" a volume ("actrapid 50 units in 50 mL", "KCl 40 mmol in 1 L").
                    if !hasStrength, lead == k, u.term.kind == .strengthUnit || u.term.kind == .doseUnit,
                       r.upperBound + 1 < limit, keys[r.upperBound] == words.slash || keys[r.upperBound] == words.inWord,
                       let num2 = numberExpression(at: r.upperBound + 1, limit: limit, content: c, doc: doc),
                       let u2 = sigMatch(at: num2.upperBound, kinds: [.strengthUnit], keys: keys, alternates: alts, limit: limit, content: c, doc: doc, bytes: p),
                       keys[r.upperBound] == words.slash || u2.term.id == "unit:ml" || u2.term.id == "unit:l"
                    {
                        out.append(attribute(.strength, .strength, num.lowerBound..<u2.tokens.upperBound, c, doc))
                        hasStrength = true
                        lastFrequency = nil
                        k = u2.tokens.upperBound
                        continue
                    }
                    switch u.term.kind {
                    case .rateUnit where lead == k && isPatchSignature(from: start, limit: limit, keys: keys):
                        // What a patch delivers per hour or day is its strength ("Durogesic 25mcg/hr
                        // patch", "nicotine patch 21 mg/24 h"), not an infusion rate.
                        out.append(attribute(.strength, .strength, r, c, doc))
                        hasStrength = true
                    case .rateUnit:
                        out.append(attribute(.rate, .rate, r, c, doc))
                    case .strengthUnit where k > start && words.doseStepLead.contains(keys[k - 1]):
                        // The step of a taper or titration ("tapering by 5 mg weekly").
                        out.append(attribute(.dosage, .dosage, r, c, doc))
                    case .strengthUnit where u.term.id == "unit:ml" || u.term.id == "unit:l" || u.term.id == "unit:ul":
                        // A plain volume is a measured dose ("normal saline 1 L", "Tdap 0.5 mL",
                        // "lactulose 20 mL"); concentrations ("mg/mL") are strength units of their own.
                        out.append(attribute(.dosage, .dosage, r, c, doc))
                    case .strengthUnit:
                        // "500 mg" (and "5 mg/kg"): strength. A second mass after the first
                        // strength is a dose ("1 tab = 500 mg"), unless a frequency or "+"/"then"
                        // comes between: a split or stepped dose is another strength
                        // ("frusemide 40mg mane + 20mg midday", "colchicine 1mg stat then 0.5mg").
                        // A later mass ("1 tab = 500 mg", "40 mg daily x 2 days, then 30 mg",
                        // "40mg mane + 20mg midday") is how much one dose gives: a dosage (M1:
                        // only the mass right after the drug is its strength).
                        if hasStrength && lead == k {
                            out.append(attribute(.dosage, .dosage, r, c, doc))
                        } else {
                            out.append(attribute(.strength, .strength, r, c, doc))
                            hasStrength = true
                        }
                    case .doseUnit where u.term.id == "unit:iu" && !hasStrength && lead == k
                        && (k == start || out.last.map({ $0.span.end == doc.tokens[c.tokenIndex[k - 1]].span.end }) == true)
                        && countDoseFollows(from: u.tokens.upperBound, limit: limit, keys: keys, alts: alts, content: c, doc: doc, bytes: p):
                        // Units right after the drug and before a count of tablets or capsules
                        // are what one tablet holds ("Vitamin D3 1,000 units | 1 cap PO daily"):
                        // a strength (insulin "20 units" stays a dose, M1).
                        out.append(attribute(.strength, .strength, r, c, doc))
                        hasStrength = true
                    case .strengthUnit, .doseUnit, .form:
                        out.append(attribute(.dosage, .dosage, r, c, doc))
                    default: break
                    }
                    lastFrequency = nil
                    k = r.upperBound
                    continue
                }
            }
            // Another entity (a PRN indication, a condition): skip over it.
            if owner[k] >= 0 {
                lastFrequency = nil
            }
            k += 1
        }
        return out
    }

    /// The bare strength at `k` (see `medicationAttributes`), or nil.
    func bareStrength(
        at k: Int, limit: Int, keys: UnsafeBufferPointer<UInt32>, alts: UnsafeBufferPointer<UInt32>,
        content c: Content, doc: AnnotatedDocument, bytes p: UnsafeBufferPointer<UInt8>
    ) -> Range<Int>? {
        func token(_ i: Int) -> Token { doc.tokens[c.tokenIndex[i]] }
        guard k < limit, token(k).kind == .number else { return nil }
        var e = k + 1
        var parts = 1
        // A ratio ("Adrenaline 1:1000 0.5mg IM"): the strength of a solution.
        if e + 1 < limit, keys[e] == words.colon, token(e + 1).kind == .number,
           token(e).span.start == token(k).span.end, token(e + 1).span.start == token(e).span.end
        {
            return k..<(e + 2)
        }
        // A combination product's strengths written as a chain of three or more numbers joined by
        // hyphens without spaces, with a strength unit after the last, are one strength ("Biktarvy
        // 50-200-25 mg", "Trelegy 100-62.5-25 mcg"). Without the unit the chain is read as before
        // (the AU dose pattern "1-0-1" is a FREQUENCY).
        var chainEnd = e
        var dashes = 0
        while chainEnd + 1 < limit, keys[chainEnd] == words.dash, token(chainEnd + 1).kind == .number,
              token(chainEnd).span.start == token(chainEnd - 1).span.end, token(chainEnd + 1).span.start == token(chainEnd).span.end
        {
            chainEnd += 2
            dashes += 1
        }
        if dashes >= 2, let u = sigMatch(at: chainEnd, kinds: [.strengthUnit], keys: keys, alternates: alts, limit: limit, content: c, doc: doc, bytes: p) {
            return k..<u.tokens.upperBound
        }
        while e + 1 < limit, keys[e] == words.slash, token(e + 1).kind == .number,
              token(e).span.start == token(e - 1).span.end, token(e + 1).span.start == token(e).span.end
        {
            // "4/24" (every 4 hours), "5/7" (days), "2/52" (weeks) are AU shorthand, not strengths.
            if parts == 1, words.sigDenominators.contains(keys[e + 1]) { return nil }
            e += 2
            parts += 1
        }
        // A unit after it makes it an ordinary strength or dose, read elsewhere; so does a unit
        // after a range ("morphine 2.5-5mg", "Entresto 24-26 mg": one strength, not a bare
        // strength and a dose). A combination product's strengths with a unit after the last
        // are one strength with it ("Targin 10/5mg", "Janumet 50/1000 mg").
        if let u = sigMatch(at: e, kinds: [.strengthUnit, .doseUnit, .rateUnit], keys: keys, alternates: alts, limit: limit, content: c, doc: doc, bytes: p) {
            return parts > 1 && u.term.kind == .strengthUnit ? k..<u.tokens.upperBound : nil
        }
        if parts == 1, e + 2 < limit, words.rangeJoin.contains(keys[e]), token(e + 1).kind == .number,
           sigMatch(at: e + 2, kinds: [.strengthUnit, .doseUnit, .rateUnit], keys: keys, alternates: alts, limit: limit, content: c, doc: doc, bytes: p) != nil
        {
            return nil
        }
        if parts > 1 { return k..<e }
        let text = p[token(k).span.range]
        let isDecimal = text.contains(UInt8(ascii: "."))
        var value = 0
        for b in text where b >= 0x30 && b <= 0x39 { value = min(value * 10 + Int(b - 0x30), 1_000_000) }
        guard isDecimal || value >= 5, e < limit else { return nil }
        if keys[e] == words.dash || sigMatch(at: e, kinds: [.frequency], keys: keys, alternates: alts, limit: limit, content: c, doc: doc, bytes: p) != nil {
            return k..<e
        }
        // Before a count of dose units ("Creon 25,000 2 caps with meals", "metformin 500 1 tab bd").
        if let num = numberExpression(at: e, limit: limit, content: c, doc: doc),
           let u = sigMatch(at: num.upperBound, kinds: [.doseUnit], keys: keys, alternates: alts, limit: limit, content: c, doc: doc, bytes: p),
           u.term.id != "unit:iu"
        {
            return k..<e
        }
        return nil
    }

    func testAttributes(
        from start: Int, limit: Int, keys: UnsafeBufferPointer<UInt32>, alts: UnsafeBufferPointer<UInt32>,
        content c: Content, doc: AnnotatedDocument, bytes p: UnsafeBufferPointer<UInt8>
    ) -> [Attribute] {
        var k = start
        var skipped = 0
        while k < limit && skipped < 2 && words.valueLead.contains(keys[k]) {
            k += 1
            skipped += 1
        }
        guard k < limit else { return [] }
        var out: [Attribute] = []
        let valueStart = k
        if words.comparators.contains(keys[k]) { k += 1 }
        let isNum: (Int) -> Bool = { $0 < limit && doc.tokens[c.tokenIndex[$0]].kind == .number }
        if isNum(k) {
            var e = k + 1
            // "142/88" (blood pressure) and "1.2-1.5".
            if e + 1 < limit && (keys[e] == words.slash || words.rangeJoin.contains(keys[e])) && isNum(e + 1)
                && doc.tokens[c.tokenIndex[e]].span.start == doc.tokens[c.tokenIndex[e - 1]].span.end
            {
                e += 2
            }
            out.append(attribute(.testValue, .testValue, valueStart..<e, c, doc, category: .testTreatmentProcedure))
            if let u = sigMatch(at: e, kinds: [.testUnit, .strengthUnit, .rateUnit], keys: keys, alternates: alts, limit: limit, content: c, doc: doc, bytes: p) {
                out.append(attribute(.testUnit, .testUnit, u.tokens, c, doc, category: .testTreatmentProcedure))
            }
        } else if keys[k] == words.not, k + 1 < limit, keys[k + 1] == words.detected {
            out.append(attribute(.testValue, .testValue, k..<(k + 2), c, doc, category: .testTreatmentProcedure))
        } else if k + 1 < limit, !c.lineEnd[k], words.qualitativePairs.contains([keys[k], keys[k + 1]]) {
            // Two-word results ("Blood cultures: [no growth] at 48h", "[nil growth]", "CRP [not elevated]").
            out.append(attribute(.testValue, .testValue, k..<(k + 2), c, doc, category: .testTreatmentProcedure))
        } else if words.qualitative.contains(keys[k]) {
            out.append(attribute(.testValue, .testValue, k..<(k + 1), c, doc, category: .testTreatmentProcedure))
        }
        return out
    }
}
