import MedTextCore

// Every mention of a string found as PHI (GUIDELINE G1). A place, organisation, name or identifier that a rule found
// once, with its cue or context, is the same PHI wherever else the note writes it without that context ("lives in
// Toongabbie" ... "back to Toongabbie on Friday"; "MRN 4471-WCSD" ... "quote 4471-WCSD"). This is the standard
// de-identification practice of replacing every occurrence of an identified string, done in the detector so that
// detect-phi reports the mentions too. One walk over the tokens after selection, one mask test per token
// (DESIGN.md "PHI", "Repeated mentions").

/// A string selected as PHI, as the token keys it spans.
struct PHIRepeatSource {
    var type: EntityType
    /// Token keys (the last one without a possessive `'s`).
    var keys: [UInt64]
    /// Byte gaps between consecutive tokens (the occurrence must be written with the same spacing).
    var gaps: [Int]
    /// The string's bytes, for the exact-case test of strings made only of ordinary words.
    var bytes: [UInt8]
    /// Some word of it is no ordinary word (`Toongabbie`, `Nguyen`): any case matches. Otherwise (`Meridian`,
    /// `Mission Heart`) only the exact bytes do.
    var distinctive: Bool
    /// The plural of a surname ("the Nguyens"): the mention's span leaves the `s` outside, as a possessive's (so a
    /// surrogate name takes the plural ending: "the Thornes").
    var plural = false
}

extension PHIDetection {
    /// Types whose other mentions are marked: names, places, organisations and identifiers. Dates, ages, phones,
    /// e-mails and URLs have their own scanners (their repeats are found by shape); occupations are also clinical
    /// roles (`nurse`), so their repeats are not PHI by themselves.
    @inline(__always) func repeatable(_ type: EntityType) -> Bool {
        type == .name || type == .address || type == .organization || type == .id
    }

    /// The sources among the selected `entities`: whole tokens, at most eight, not a number alone shorter than six
    /// digits (a postcode or a short number also occurs as a value), not a single word shorter than three letters
    /// (initials), not a single stop-listed word (eponyms, drugs, calendar words).
    func repeatSources(_ entities: [Entity]) -> [PHIRepeatSource] {
        var out: [PHIRepeatSource] = []
        var k = 0
        let tagger = options.tagger ? vocab.tagger : nil
        for e in entities where repeatable(e.type) {
            // Spans the learned tagger added are read only for the types `phi/tagger_types.tsv` marks `repeat`, and
            // only when their margin reaches the type's `repeat_min_margin` (session 19, ``PHITaggerModel/seedsRepeats(_:)``).
            let tagged = e.evidence.first?.ruleID == PHIDetection.taggerRuleID
            if let tagger, tagged, !tagger.seedsRepeats(e) { continue }
            while k < t.count && t[k].s < e.span.start { k += 1 }
            guard k < t.count, t[k].s == e.span.start else { continue }
            var m = k
            while m < t.count && t[m].e < e.span.end && m - k < 8 { m += 1 }
            guard m < t.count, t[m].e == e.span.end || (t[m].base != t[m].key && e.span.end < t[m].e && e.span.end > t[m].s)
            else { continue }
            let n = m - k + 1
            var letters = false, distinctive = false
            for q in k...m {
                if t[q].flags.contains(.hasLetter) { letters = true }
                if t[q].kind == .word && t[q].flags.contains(.hasLetter) && !t[q].bits.contains(.ordinaryWord)
                    && !t[q].bits.contains(.stopWord) && t[q].e - t[q].s >= 3
                { distinctive = true }
            }
            if !letters && (e.type != .id || e.span.length < 6) { continue }
            if e.type == .id && e.span.length < 5 { continue }
            if n == 1 {
                if t[k].e - t[k].s < 3 || t[k].bits.contains(.stopWord) || t[k].bits.contains(.eponym) { continue }
                if t[k].bits.contains(.title) || t[k].bits.contains(.credential) || t[k].bits.contains(.stateAbbr) { continue }
                // "flu shot at CVS. CVS: HS dual": a short upper-case name is also an abbreviation (`CVS`, `AMR`, `CTA`).
                if t[k].flags.contains(.allUpper) && t[k].e - t[k].s <= 4 && e.type != .id { continue }
            }
            // A known organisation that is also an ordinary or clinical word counts only after a place word
            // (organisations.tsv context `place`): its other mentions are the word.
            if e.type != .id && e.type != .name && t[k].ps,
                let (_, pe) = phrase(at: k, kinds: .startsOrganization, where: { if case .organization(true) = $0 { true } else { false } }),
                pe == m + 1
            { continue }
            add(e.type, k, m, end: e.span.end, distinctive: distinctive, to: &out)
            // Session 19 (helper `taggerrep`): the given name or surname of a person the tagger found, written alone
            // elsewhere ("Carer Anouk Teerling present" ... "Teerling rang"). The rules' names do this as they are found
            // (``propagateBack()``); the tagger's come after the rules, so their words are sources here.
            if tagged && e.type == .name && n >= 2 { namePartSources(k, m, to: &out) }
            // "the Nguyens": the plural of a detected surname names the family (one word outside the ordinary words,
            // not ending in s).
            if e.type == .name, t[m].kind == .word, t[m].base == t[m].key, t[m].e - t[m].s >= 3, b[t[m].e - 1] | 0x20 != 0x73,
                !t[m].bits.contains(.ordinaryWord), !t[m].bits.contains(.stopWord), !t[m].flags.contains(.hasDigit)
            {
                let plural = wordKeyAppending(t[m].key, UInt8(ascii: "s"))
                if !out.contains(where: { $0.keys == [plural] }) {
                    out.append(PHIRepeatSource(type: .name, keys: [plural], gaps: [], bytes: [], distinctive: true, plural: true))
                }
            }
            // The town of an address line ("Mackay QLD 4740", "6140 W Emerald St, Boise, ID 83704") is a place wherever
            // else the note names it ("Blue Care (Mackay North office)").
            if e.type == .address && n >= 2, let (ts, te) = townOfAddress(k, m) {
                var d = false
                for q in ts..<te where !t[q].bits.contains(.ordinaryWord) && !t[q].bits.contains(.stopWord) && t[q].e - t[q].s >= 3 { d = true }
                add(.address, ts, te - 1, end: t[te - 1].e, distinctive: d, to: &out)
            }
        }
        return out
    }

    /// Session 19: each word of the tagger's NAME `k...m` that can be a name alone, as a source: a capitalised word (or
    /// any word of a lower-case note) of three letters or more, no initial, in no ordinary-word, stop, eponym, title,
    /// credential, common-name (`May`, `Will`, `Brown`), street, unit, state or direction list, and no state or country
    /// (`Indonesia` of a tagger's `Sorong Indonesia`).
    private func namePartSources(_ k: Int, _ m: Int, to out: inout [PHIRepeatSource]) {
        let excluded: PHIWordBits = [
            .ordinaryWord, .stopWord, .eponym, .drugWord, .title, .weakTitle, .credential, .commonName, .streetType, .unitWord,
            .stateAbbr, .direction,
        ]
        for q in k...m where t[q].kind == .word && t[q].e - t[q].s >= 3 && (cap(q) || lowerDoc) && !t[q].flags.contains(.hasPeriod)
            && !t[q].flags.contains(.hasDigit) && t[q].bits.isDisjoint(with: excluded) && !stateOrCountry(q, q + 1)
        {
            add(.name, q, q, end: t[q].e, distinctive: true, to: &out)
        }
    }

    private func add(_ type: EntityType, _ k: Int, _ m: Int, end: Int, distinctive: Bool, to out: inout [PHIRepeatSource]) {
        var keys: [UInt64] = []
        var gaps: [Int] = []
        for q in k...m {
            keys.append(q == m ? t[q].base : t[q].key)
            if q > k { gaps.append(t[q].s - t[q - 1].e) }
        }
        if out.contains(where: { $0.keys == keys }) { return }
        let bytes = distinctive ? [] : Array(b[t[k].s..<min(end, t[m].e)])
        out.append(PHIRepeatSource(type: type, keys: keys, gaps: gaps, bytes: bytes, distinctive: distinctive))
    }

    /// The town words of an address spanning tokens `k...m`: one to three capitalised words (no street type, unit word
    /// or number) right before an upper-case state code, after a comma, a number or the start of the span.
    func townOfAddress(_ k: Int, _ m: Int) -> (Int, Int)? {
        guard m > k else { return nil }
        for q in (k + 1)...m where t[q].bits.contains(.stateAbbr) && t[q].flags.contains(.allUpper) {
            var te = q
            if punct(te - 1, 0x2C) { te -= 1 }
            var ts = te
            while ts > k && te - ts < 3 {
                let w = ts - 1
                guard cap(w), !t[w].bits.contains(.streetType), !t[w].bits.contains(.unitWord), !t[w].bits.contains(.direction)
                else { break }
                ts -= 1
            }
            guard ts < te, ts == k || punct(ts - 1, 0x2C) || t[ts - 1].kind == .number || t[ts - 1].bits.contains(.streetType)
            else { return nil }
            if te - ts == 1 && t[ts].e - t[ts].s < 3 { return nil }
            return (ts, te)
        }
        return nil
    }

    /// The other mentions of the selected `entities`' strings that no selected entity covers, as new entities of the
    /// same type (rule `phi:repeat-<type>`). Occurrences are whole tokens on one line with the original spacing; a
    /// possessive `'s` stays outside (GUIDELINE N3).
    /// - Complexity: O(n) in the tokens (one mask test each), plus a comparison per candidate start.
    /// `sources`: the entities whose strings are looked for (all of `entities` when nil; session 19: the tagger's
    /// spans alone, after the rules' repeats were found).
    @inline(never) func repeatedMentions(of entities: [Entity], sources sourceEntities: [Entity]? = nil) -> [Entity] {
        let sources = repeatSources(sourceEntities ?? entities)
        guard !sources.isEmpty else { return [] }
        var mask: UInt64 = 0
        for s in sources { mask |= 1 << (s.keys[0] & 63) }
        // Each source's first key, and whether it is also its last (then compared with a token's `base`), in flat
        // arrays: the walk tests a token against them before it reads a source (reading one retains its three arrays).
        let firsts = sources.map { $0.keys[0] }, single = sources.map { $0.keys.count == 1 }
        var out: [Entity] = []
        var next = 0  // first selected entity that may overlap the current token
        var i = 0
        while i < t.count {
            let key = t[i].key
            let base = t[i].base
            guard mask >> (key & 63) & 1 != 0 || mask >> (base & 63) & 1 != 0 else { i += 1; continue }
            var matched = -1, end = i
            for si in 0..<sources.count {
                guard single[si] ? base == firsts[si] : key == firsts[si] else { continue }
                let s = sources[si]
                let n = s.keys.count
                guard i + n <= t.count else { continue }
                var ok = true
                for q in 0..<n {
                    let tk = t[i + q]
                    let want = s.keys[q]
                    if q == n - 1 ? (tk.base != want) : (tk.key != want) { ok = false; break }
                    if q > 0 && (tk.nl || tk.s - t[i + q - 1].e != s.gaps[q - 1]) { ok = false; break }
                }
                guard ok else { continue }
                if !s.distinctive {
                    let e = mentionEnd(i + n - 1)
                    guard e - t[i].s == s.bytes.count, b[t[i].s..<e].elementsEqual(s.bytes) else { continue }
                }
                matched = si
                end = i + n
                break
            }
            guard matched >= 0 else { i += 1; continue }
            // A word continuing the string (`Toongabbie` in `Toongabbie-Smith`) is another word.
            if i > 0 && adjacent(i) && t[i - 1].kind != .punctuation { i += 1; continue }
            if end < t.count && adjacent(end) && (t[end].kind == .word || t[end].kind == .number || punct(end, 0x2D)) { i += 1; continue }
            // A mention written against another capitalised word ("University Hospital Geelong") is part of a longer
            // name that no rule found; it is still marked, so that de-identification removes the place (the longer
            // name's other words may survive; the relaxed scores count such a span as a wrong-type partial match).
            let s = t[i].s, e = mentionEnd(end - 1) - (sources[matched].plural ? 1 : 0)
            while next < entities.count && entities[next].span.end <= s { next += 1 }
            if next < entities.count && entities[next].span.start < e { i = end; continue }
            out.append(
                Entity(
                    category: .protectedHealthInformation, type: sources[matched].type, span: TextSpan(s, e), score: 0.7,
                    evidence: [Evidence(subject: "match", ruleID: "phi:repeat-" + sources[matched].type.rawValue.lowercased())]))
            i = end
        }
        return out
    }

    /// The end of token `k` without a possessive `'s` / `’s`.
    @inline(__always) func mentionEnd(_ k: Int) -> Int {
        let e = t[k].e
        guard t[k].base != t[k].key && t[k].kind == .word else { return e }
        return e - (b[e - 1] | 0x20 == 0x73 && b[e - 2] == 0x27 ? 2 : 4)
    }
}
