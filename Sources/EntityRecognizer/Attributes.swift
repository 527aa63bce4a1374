public import MedTextCore

/// Token ids of the few function words the attribute rules test.
struct AttributeWords: Sendable {
    let durationLead: TokenIDSet  // for, x, over, ×
    let rateLead: TokenIDSet  // @, at
    let valueLead: TokenIDSet  // : = of was is at -
    let comparators: TokenIDSet  // < > <= >= ≤ ≥ ~
    let qualitative: TokenIDSet  // negative, positive, normal, nad...
    let numberWords: TokenIDSet  // one, two, half...
    let rangeJoin: TokenIDSet  // - to /
    let slash: UInt32
    let not: UInt32
    let detected: UInt32
    let colon: UInt32
    let comma: UInt32
    let phraseEnd: TokenIDSet  // , . ; (what may follow an appositive site)
    let on: UInt32
    let sitePrepositions: TokenIDSet  // in, of, over, to, at, on, around, behind, under, above, below
    let siteFillers: TokenIDSet  // the, his, her, their, both, a
    let acuity: TokenIDSet  // acute, chronic, subacute, hyperacute
    let allergyCues: TokenIDSet  // allergic, allergy, allergies, intolerance, anaphylaxis...
    let allergyHeadings: TokenIDSet  // allergies, allergy, adrs
    let nilWords: TokenIDSet  // nil, none, no, nka, nkda
    let listSeparators: TokenIDSet  // , ; / and or &
    let clauseSeparators: TokenIDSet  // , ;
    let testLeads: TokenIDSet  // on, by, at: "no fracture on [XR]"
    let testLeadFillers: TokenIDSet  // the, a, repeat, bedside, formal...: "on the repeat [CT]"
    let causeLeads: TokenIDSet  // on, with, from, since, after, despite: "no nausea with [methotrexate]"
    let settingDeterminers: TokenIDSet  // her, his, the, their, this...: "no aura with her [migraines]"
    let questionMark: UInt32
    let negativeAnswers: TokenIDSet  // no, none, nil, neg, negative, denies, denied, nope, not: "Any auras? None."
    let yearLead: TokenIDSet  // in, since, from, until
    let yearLeadPunctuation: TokenIDSet  // ( [
    let episode: UInt32
    let openParen: UInt32
    let closeParen: UInt32
    let dash: UInt32
    let limitCues: TokenIDSet  // max, maximum: a dose limit, not a dose
    let doseJoin: TokenIDSet  // + then: a further dose
    let previousDoseCues: TokenIDSet  // from, previously, was: a dose no longer given
    let once: UInt32
    let infectionWords: TokenIDSet  // hepatitis, hiv, influenza, covid, diff...: names of infections tested for
    let testNouns: TokenIDSet  // serology, pcr, antigen, toxin, swab...: words that make a name a test
    let testResults: TokenIDSet  // neg, negative, -ve, positive, nonreactive, detected
    let resultJoins: TokenIDSet  // , and or / : all were was both: between a tested name and its result
    let to: UInt32

    init(intern: (String) -> UInt32) {
        func set(_ words: [String]) -> TokenIDSet { TokenIDSet(words.map(intern).filter { $0 != 0 }) }
        durationLead = set(["for", "x", "over", "×", "X"])
        rateLead = set(["@", "at"])
        valueLead = set([":", "=", "of", "was", "is", "at", "-", "were", "now", "today", "measured", "all", "both"])
        comparators = set(["<", ">", "≤", "≥", "~"])
        qualitative = set([
            "negative", "positive", "normal", "nad", "unremarkable", "elevated", "raised", "low", "high", "detected",
            "nil", "neg", "pos", "abnormal", "clear", "reactive", "nonreactive", "non-reactive", "ok", "stable",
            // "[Sonographic Murphy sign] [absent]": a named sign reported with a result is a test (GUIDELINE C6, T1).
            "absent", "present", "equivocal", "indeterminate", "inconclusive",
        ])
        numberWords = set(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "half", "½", "a"])
        rangeJoin = set(["-", "to", "–"])
        limitCues = set(["max", "maximum", "mdd"])
        doseJoin = set(["+", "then", "and"])
        previousDoseCues = set(["from", "previously", "was", "formerly"])
        once = intern("once")
        infectionWords = set([
            "hepatitis", "hep", "hiv", "syphilis", "influenza", "flu", "covid", "covid-19", "sars-cov-2", "rsv", "diff",
            "difficile", "strep", "streptococcal", "streptococcus", "chlamydia", "gonorrhoea", "gonorrhea", "gonococcal",
            "mrsa", "vre", "mssa", "tb", "tuberculosis", "cmv", "ebv", "hsv", "herpes", "pertussis", "measles", "rubella",
            "mumps", "varicella", "legionella", "mycoplasma", "norovirus", "rotavirus", "adenovirus", "giardia",
            "salmonella", "campylobacter", "shigella", "malaria", "dengue", "toxoplasmosis", "lyme", "trichomonas",
            "cryptococcal", "pneumococcal", "meningococcal", "hpv", "mpox", "monkeypox", "zika",
        ])
        testNouns = set([
            "serology", "serologies", "pcr", "antigen", "antigens", "ag", "antibody", "antibodies", "ab", "abs", "toxin",
            "toxins", "swab", "swabs", "screen", "screening", "test", "tests", "testing", "titre", "titer", "titres",
            "titers", "igg", "igm", "nat", "culture", "cultures", "cx", "studies", "rapid", "naat", "sag", "sab", "cab",
            "core", "surface", "dna", "rna", "load", "viral", "panel", "rat",
        ])
        testResults = set([
            "neg", "negative", "-ve", "pos", "positive", "+ve", "nonreactive", "non-reactive", "reactive", "detected",
            "undetectable", "nr",
        ])
        resultJoins = set([",", "and", "or", "/", ":", "all", "were", "was", "is", "are", "both", "&", "-", "="])
        to = intern("to")
        slash = intern("/")
        not = intern("not")
        detected = intern("detected")
        colon = intern(":")
        comma = intern(",")
        phraseEnd = set([",", ".", ";"])
        on = intern("on")
        sitePrepositions = set(["in", "of", "over", "to", "at", "on", "around", "behind", "under", "above", "below", "across", "into", "involving", "affecting"])
        siteFillers = set(["the", "his", "her", "their", "both", "a", "an", "its"])
        acuity = set(["acute", "chronic", "subacute", "hyperacute", "acutely", "chronically"])
        allergyCues = set(["allergic", "allergy", "allergies", "intolerance", "intolerant", "anaphylaxis", "anaphylactic", "adr", "adrs", "hypersensitivity", "sensitive"])
        allergyHeadings = set(["allergies", "allergy", "adrs", "adr"])
        nilWords = set(["nil", "none", "no", "nka", "nkda", "nkfa", "not"])
        listSeparators = set([",", ";", "/", "and", "or", "&", "+"])
        clauseSeparators = set([",", ";"])
        testLeads = set(["on", "by", "at"])
        testLeadFillers = set(["the", "a", "an", "this", "repeat", "bedside", "formal", "recent", "today's", "his", "her", "plain", "initial", "follow-up"])
        causeLeads = set(["on", "with", "from", "since", "after", "despite", "while", "w/"])
        settingDeterminers = set(["her", "his", "the", "their", "this", "these", "its", "my", "your"])
        questionMark = intern("?")
        negativeAnswers = set(["no", "none", "nil", "neg", "negative", "denies", "denied", "nope", "not"])
        yearLead = set(["in", "since", "from", "until", "till", "circa", "c."])
        yearLeadPunctuation = set(["(", "["])
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
        }
        return k..<e
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
        // Which content tokens lie inside a lexicon entity.
        let owner = Self.tokenOwners(ranges, count: c.lexKeys.count)
        // Only medication signatures read it: not built for notes without a medication.
        let conditionToken = entities.contains { $0.category == .medication }
            ? owner.map { $0 >= 0 && entities[$0].category == .medicalCondition } : []
        c.lexKeys.withUnsafeBufferPointer { keys in
            c.ctxKeys.withUnsafeBufferPointer { alts in
                // A drug named again in parentheses right after another ("insulin glargine
                // (Lantus) 100 units/mL", "Coversyl (perindopril) 5 mg") is an alias: the
                // signature after it belongs to the first drug (guideline M2: nearest drug of
                // the item, the alias being the same drug).
                func isAlias(_ m: Int) -> Bool {
                    guard m > 0, entities[m].category == .medication, entities[m - 1].category == .medication else { return false }
                    let prev = ranges[m - 1], r = ranges[m]
                    return r.lowerBound == prev.upperBound + 1 && keys[prev.upperBound] == words.openParen
                        && r.upperBound < keys.count && keys[r.upperBound] == words.closeParen
                }
                for (n, r) in ranges.enumerated() {
                    switch entities[n].category {
                    case .medication:
                        if isAlias(n) { continue }
                        // A release or device abbreviation that ends a product name ("Diamicron
                        // MR", "Cardizem CD", "Seretide MDI") is the drug's FORM (guideline §2),
                        // not part of its name.
                        var releaseForm: Attribute? = nil
                        if r.count >= 2, let last = r.last, isUpperAbbreviation(last, c, doc, p),
                           let m = sigMatch(at: last, kinds: [.form], keys: keys, alternates: alts, limit: r.upperBound, content: c, doc: doc, bytes: p),
                           m.tokens == last..<r.upperBound
                        {
                            entities[n].span = span(r.lowerBound..<last, c, doc)
                            releaseForm = attribute(.form, .form, m.tokens, c, doc)
                        }
                        defer { if let f = releaseForm { entities[n].attributes.insert(f, at: 0) } }
                        let sentenceEnd = sentences[sentenceOf[r.lowerBound]].upperBound
                        var from = r.upperBound
                        var next = n + 1
                        if next < ranges.count && isAlias(next) {
                            from = ranges[next].upperBound + 1
                            next += 1
                        }
                        var limit = min(sentenceEnd, from + 40)
                        // Stop at the next medication.
                        for m in next..<max(next, ranges.count) where entities[m].category == .medication {
                            limit = min(limit, ranges[m].lowerBound)
                            break
                        }
                        entities[n].attributes = from < limit ? medicationAttributes(
                            from: from, limit: limit, keys: keys, alts: alts, owner: owner, conditionToken: conditionToken,
                            content: c, doc: doc, bytes: p) : []
                        // A route written before the drug ("IV frusemide", "nebulised salbutamol").
                        let lineStart = sentences[sentenceOf[r.lowerBound]].lowerBound
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
                        entities[n].attributes = testAttributes(
                            from: r.upperBound, limit: limit, keys: keys, alts: alts, content: c, doc: doc, bytes: p)
                    default:
                        break
                    }
                }
            }
        }
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
        conditionToken: [Bool], content c: Content, doc: AnnotatedDocument, bytes p: UnsafeBufferPointer<UInt8>
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
                    guard r.count > 1, words.durationLead.contains(keys[r.lowerBound]) else { k += 1; continue }
                    r = (r.lowerBound + 1)..<r.upperBound
                    out.append(attribute(.duration, .duration, r, c, doc))
                    lastFrequency = nil
                case .frequency:
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
            if let num = numberExpression(at: lead, limit: limit, content: c, doc: doc) {
                if let u = sigMatch(at: num.upperBound, kinds: [.strengthUnit, .doseUnit, .rateUnit, .form], keys: keys, alternates: alts, limit: limit, content: c, doc: doc, bytes: p) {
                    let r = num.lowerBound..<u.tokens.upperBound
                    switch u.term.kind {
                    case .rateUnit:
                        out.append(attribute(.rate, .rate, r, c, doc))
                    case .strengthUnit where u.term.id == "unit:ml" || u.term.id == "unit:l" || u.term.id == "unit:ul":
                        // A plain volume is a measured dose ("normal saline 1 L", "Tdap 0.5 mL",
                        // "lactulose 20 mL"); concentrations ("mg/mL") are strength units of their own.
                        out.append(attribute(.dosage, .dosage, r, c, doc))
                    case .strengthUnit:
                        // "500 mg" (and "5 mg/kg"): strength. A second mass after the first
                        // strength is a dose ("1 tab = 500 mg"), unless a frequency or "+"/"then"
                        // comes between: a split or stepped dose is another strength
                        // ("frusemide 40mg mane + 20mg midday", "colchicine 1mg stat then 0.5mg").
                        let nextDose = k > start && (words.doseJoin.contains(keys[k - 1]) || out.last?.type == .frequency)
                        if hasStrength && lead == k && !nextDose {
                            out.append(attribute(.dosage, .dosage, r, c, doc))
                        } else {
                            out.append(attribute(.strength, .strength, r, c, doc))
                            hasStrength = true
                        }
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
        while e + 1 < limit, keys[e] == words.slash, token(e + 1).kind == .number,
              token(e).span.start == token(e - 1).span.end, token(e + 1).span.start == token(e).span.end
        {
            e += 2
            parts += 1
        }
        // A unit after it makes it an ordinary strength or dose, read elsewhere; so does a unit
        // after a range ("morphine 2.5-5mg", "Entresto 24-26 mg": one strength, not a bare
        // strength and a dose).
        if sigMatch(at: e, kinds: [.strengthUnit, .doseUnit, .rateUnit], keys: keys, alternates: alts, limit: limit, content: c, doc: doc, bytes: p) != nil {
            return nil
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
        } else if words.qualitative.contains(keys[k]) {
            out.append(attribute(.testValue, .testValue, k..<(k + 1), c, doc, category: .testTreatmentProcedure))
        }
        return out
    }
}
