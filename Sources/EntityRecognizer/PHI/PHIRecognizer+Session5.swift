import MedTextCore

// Session-5 rules (issue #6 §3, recall on unseen notes): names that are in no list, found by their shape and
// context rather than by the lists: an unlisted capitalised word after a person cue, `SURNAME, Given` at the
// start of a line, a name opening a sentence before a reporting verb, a second name joined by `and`, a sign-off
// name without its comma. Every rule is out of line and behind a one-flag pre-test at its call site.

extension PHIDetection {
    /// A capitalised word in no list that can still be a person's name after a strong cue: not an ordinary
    /// English or medical word, not stop-listed (drugs, eponyms, places, months), not a title, credential or
    /// state, not an acronym, and starting no place, organisation or facility phrase.
    @inline(never) func unlistedNameWord(_ k: Int) -> Bool {
        guard isWord(k), cap(k), !capsDoc, !t[k].flags.contains(.allUpper), t[k].e - t[k].s >= 3 else { return false }
        let bits = t[k].bits
        if bits.contains(.ordinaryWord) || bits.contains(.stopWord) || bits.contains(.drugWord) || bits.contains(.placeWord)
            || bits.contains(.title) || bits.contains(.weakTitle) || bits.contains(.credential) || bits.contains(.stateAbbr)
            || bits.contains(.streetType) || bits.contains(.unitWord) || bits.contains(.eponym)
        { return false }
        if t[k].rb.contains(.monthName) || t[k].rb.contains(.weekday) { return false }
        // Brand and device names have inner capitals ("DuraGen", "FloSeal", "MHPs"); names only after Mc, Mac or O'.
        var uppers = 0
        for c in t[k].s..<t[k].e where b[c] &- 0x41 < 26 { uppers += 1 }
        if uppers > 1 {
            let mc = b[t[k].s + 1] == 0x63 || (t[k].e - t[k].s > 3 && b[t[k].s + 1] == 0x61 && b[t[k].s + 2] == 0x63) || b[t[k].s + 1] == 0x27
            if !mc { return false }
        }
        if t[k].ps, phrase(at: k, kinds: [.startsPlace, .startsOrganization, .startsFacilityAfter, .startsStateName], where: { _ in true }) != nil {
            return false
        }
        // "Ngaire", "Oluwaseun" but not a word with inner capitals or digits ("iPhone", "McDonald's" is fine: Mc).
        return true
    }

    /// After a person cue that asked for a listed name ("spoke to", "informed", "verified by"): an unlisted
    /// capitalised name (`spoke to Ngaire on the phone`, `Verified by Juhani Korhonen`). The end of the name, or nil.
    @inline(never) func unlistedNameAfterCue(_ j: Int) -> Int? {
        guard j < t.count, unlistedNameWord(j) else { return nil }
        var end = j + 1
        // A second capitalised word continues it when it is a listed name or also unlisted ("Juhani Korhonen").
        while end < t.count, end - j < 3, !t[end].nl, cap(end), !t[end].flags.contains(.allUpper),
            unlistedNameWord(end) || (t[end].bits.isName && !t[end].bits.contains(.ordinaryWord) && !t[end].bits.contains(.stopWord))
        { end += 1 }
        if punct(end, 0x2D) && adjacent(end) && end + 1 < t.count && adjacent(end + 1) && cap(end + 1) && !t[end + 1].flags.contains(.hasDigit) {
            end += 2
        }
        // An organisation or facility word after it makes it an organisation ("Ngaire Street", "Tipene Clinic").
        if end < t.count && !t[end].nl && (t[end].bits.contains(.streetType) || t[end].rb.contains(.orgSuffix)) { return nil }
        if end < t.count && !t[end].nl && t[end].ps
            && phrase(at: end, kinds: [.startsFacilityAfter, .startsOrganization], where: { _ in true }) != nil
        { return nil }
        return end
    }

    /// `WHITFIELD, Karen`, `Ngata, Hemi`, `TRAN, Thi Lan` opening a line (a header, a list of patients): a
    /// surname, a comma and a given name, one NAME. The surname is a listed name or no ordinary word; the given
    /// name is a listed first name or, after a listed surname, an unlisted capitalised word.
    @inline(never) mutating func surnameCommaGiven(_ i: Int) -> Int? {
        guard t[i].nl || i == 0 || (punct(i - 1, 0x3A) && !t[i - 1].nl && i >= 2 && t[i - 2].nl) else { return nil }
        guard isWord(i), cap(i), !covered[i], t[i].e - t[i].s >= 2, punct(i + 1, 0x2C), adjacent(i + 1), i + 2 < t.count,
            !t[i + 2].nl, cap(i + 2), !covered[i + 2]
        else { return nil }
        let sb = t[i].bits, gb = t[i + 2].bits
        if sb.contains(.drugWord) || sb.contains(.title) || sb.contains(.credential) || sb.contains(.placeWord)
            || sb.contains(.stateAbbr) || t[i].rb.contains(.monthName) || t[i].rb.contains(.weekday)
        { return nil }
        let surnameOK = (sb.isName && !sb.contains(.stopWord) && !(sb.contains(.ordinaryWord) && !sb.contains(.lastName)))
            || (!sb.isName && !sb.contains(.ordinaryWord) && !sb.contains(.stopWord))
        guard surnameOK else { return nil }
        // An ordinary surname ("WARD, Mary", "Brown, Karen") needs a given name that is no ordinary word.
        let givenOK = (gb.contains(.firstName) && !gb.contains(.stopWord) && !gb.contains(.title)
            && (!gb.contains(.ordinaryWord) || !sb.contains(.ordinaryWord)))
            || (sb.contains(.lastName) && !sb.contains(.ordinaryWord) && unlistedNameWord(i + 2))
        guard givenOK, !t[i + 2].rb.contains(.monthName), !t[i + 2].rb.contains(.weekday) else { return nil }
        var end = i + 3
        // Middle names and initials: "TRAN, Thi Lan", "SMITH, John A".
        while end < t.count, end - i < 6, !t[end].nl, isWord(end), cap(end),
            initial(end) || (t[end].bits.isName && !t[end].bits.contains(.ordinaryWord) && !t[end].bits.contains(.stopWord))
                || unlistedNameWord(end)
        { end += 1 }
        if punct(end, 0x2E) && adjacent(end) && initial(end - 1) { end += 1 }
        emitName(i, end, priority: 3, score: 0.8, rule: "name-surname-comma-given")
        return end
    }

    /// A name opening a sentence before a reporting verb: `Kostopoulos has a history of AF`, `Jayden was brought in`.
    /// One or two capitalised words, each a listed name or an unlisted word (never an ordinary word, drug, eponym,
    /// place, title or acronym), then a verb from `K.nameVerbs`.
    @inline(never) mutating func nameBeforeVerb(_ i: Int) -> Int? {
        // A sentence start, not the second half of a hyphenated word ("Passy-Muir", "Bard-Parker").
        guard !capsDoc, !lowerDoc, sentenceStart(i), i == 0 || t[i].nl || !adjacent(i), cap(i), !covered[i] else { return nil }
        func ok(_ k: Int) -> Bool {
            guard isWord(k), cap(k), !t[k].flags.contains(.allUpper), t[k].e - t[k].s >= 3 else { return false }
            let bits = t[k].bits
            if bits.isName {
                return !bits.contains(.ordinaryWord) && !bits.contains(.stopWord) && !bits.contains(.title)
                    && !bits.contains(.credential) && !bits.contains(.placeWord) && !t[k].rb.contains(.monthName)
            }
            return unlistedNameWord(k)
        }
        guard ok(i) else { return nil }
        var end = i + 1
        if end < t.count && !t[end].nl && !covered[end] && ok(end) { end += 1 }
        guard end < t.count, !t[end].nl, isWord(end), t[end].rb.contains(.session5Word), K.nameVerbs.contains(t[end].key) else { return nil }
        // "Dermabond was applied", "Healon has been used": auxiliaries follow products as often as people, so they
        // need a listed name; an unlisted word needs a verb only people do ("Kostopoulos reports", "Ngaire declined").
        if K.auxiliaryVerbs.contains(t[end].key) {
            for k in i..<end where t[k].bits.isDisjoint(with: [.frequentFirst, .frequentLast]) { return nil }
        }
        // "Ward was quiet": a place, organisation or facility phrase at the start is no person.
        if t[i].ps, phrase(at: i, kinds: [.startsPlace, .startsOrganization, .startsFacilityAfter, .startsProfession], where: { _ in true }) != nil {
            return nil
        }
        // Weak evidence: not propagated to other mentions.
        emit(.name, i, end, priority: 2, score: 0.65, rule: "name-before-verb")
        return end
    }

    /// A second name joined to a found one: `Marguerite and Hamid`, `Dr Ioannidis and Tevita Fifita`. The second is
    /// a listed given name or an unlisted capitalised word.
    @inline(never) mutating func namesJoinedByAnd() {
        for e in nameEnds where e + 1 < t.count && !t[e].nl && !t[e + 1].nl && (t[e].key == K.and || punct(e, 0x26)) {
            let k = e + 1
            guard !covered[k], cap(k), !capsDoc, !t[k].flags.contains(.allUpper) else { continue }
            let bits = t[k].bits
            let listed = bits.contains(.firstName) && !bits.contains(.ordinaryWord) && !bits.contains(.stopWord) && !bits.contains(.title)
            guard listed || unlistedNameWord(k) else { continue }
            guard let end = nameRun(k, strong: true, maxWords: 3) else { continue }
            // "Smith and Nephew", "Johnson and Johnson": an organisation word right after ends it.
            if end < t.count && !t[end].nl && t[end].rb.contains(.orgSuffix) { continue }
            var clash = false
            for m in k..<end where covered[m] { clash = true }
            if clash { continue }
            emitName(k, end, priority: 2, score: 0.7, rule: "name-and-name")
        }
    }
}

extension PHIDetection {
    /// A year after any word or label, not only after a year cue: `MI 2018, stented`, `CABG x3 2015;`, `Pap smear
    /// 2021 normal`, `Tetanus booster: 2017`. Clock times (`at 2015`, `2000 obs stable` at a line start), counts and
    /// lab values after their label (`EBL 2000`, `Plt 1950`), and numbers before a unit stay out. Years from 1900
    /// to 2039 only.
    @inline(never) func yearAfterWord(_ i: Int, _ v: Int) -> Bool {
        guard v <= 2039, i > 0, !t[i].nl else { return false }
        var w = i - 1
        if punct(w, 0x3A) { w -= 1 }
        guard w >= 0, isWord(w), !t[w].nl || w < i - 1 || true else { return false }
        if t[w].rb.contains(.session5Word) && K.numberLabels.contains(t[w].key) { return false }
        if K.clockCues.contains(t[w].key) || K.timeWords.contains(t[w].key) { return false }
        // The next word is no unit, time word or clock separator ("2015 hrs", "2000 mL", "1930-2000").
        if i + 1 < t.count && !t[i + 1].nl {
            let n = t[i + 1]
            if isWord(i + 1) && (K.timeWords.contains(n.key) || (n.rb.contains(.auxWord) && K.quantityUnits.contains(n.key))
                || (n.rb.contains(.session5Word) && K.numberLabels.contains(n.key)))
            { return false }
            // Decades ("the 1980s", "1950's") and compounds ("a 2000-calorie plan").
            if adjacent(i + 1) && (isWord(i + 1) || punct(i + 1, 0x27) || (punct(i + 1, 0x2D) && i + 2 < t.count && isWord(i + 2))) { return false }
            if adjacent(i + 1) && (punct(i + 1, 0x2D) || punct(i + 1, 0x3A) || punct(i + 1, 0x2F) || punct(i + 1, 0x2E)) && i + 2 < t.count
                && t[i + 2].kind == .number
            { return false }
            if n.kind == .number { return false }
        }
        return true
    }
}

extension K {
    /// Labels of counts, volumes, lab values and codes before a number that is no year ("EBL 2000", "item 2013").
    static let numberLabels: Set<UInt64> = Set(
        ["ebl", "blood", "loss", "uo", "output", "intake", "input", "total", "balance", "weight", "wt", "count", "plt",
         "platelets", "ferritin", "ck", "bnp", "glucose", "bsl", "kcal", "calories", "calorie", "fluid", "fluids",
         "restriction", "volume", "vol", "dose", "units", "steps", "room", "rm", "bed", "ext", "page", "pager", "no",
         "number", "code", "item", "cpt", "icd", "model", "version", "ver", "lot", "batch", "level", "suite", "box", "po",
         "ward", "unit", "bay", "pod", "floor", "score", "scale", "drain", "drains", "urine", "ua", "sg", "osmolality",
         "osm", "na", "k", "cl", "hco3", "ldh", "alp", "alt", "ast", "ggt", "lipase", "amylase", "wbc", "wcc", "rbc",
         "hb", "hgb", "ptt", "aptt", "fibrinogen", "d-dimer", "troponin", "trop", "psa", "cea", "tsh", "vitamin", "b12",
         "folate", "iron", "igg", "iga", "igm", "ige", "cd4", "load", "copies", "titre", "titer", "mosm", "pco2", "po2",
         "lactate", "cr", "creatinine", "egfr", "urea", "bun", "albumin", "protein", "cholesterol", "ldl", "hdl",
         "triglycerides", "hba1c", "a1c", "insulin", "heparin", "infusion", "rate", "ml", "mls", "cc", "cc's", "mg",
         "mcg", "g", "kg", "lbs", "lb", "grams", "kilojoules", "kj", "pack", "packs", "cost", "price", "fee", "$",
         "amount", "paid", "balance", "invoice", "ref", "reference", "id", "mrn", "ur", "urn", "pin", "postcode", "zip",
         "ajcc", "figo", "edition", "guideline", "guidelines", "criteria", "standard", "hours", "minutes", "cal", "cals", "feet", "ft", "pounds", "calls", "visits", "patients", "beds", "staff", "members", "residents", "population"].map(wordKey))

    /// Reporting verbs after a name that opens a sentence ("Kostopoulos has ...", "Jayden was brought in").
    static let nameVerbs: Set<UInt64> = Set(
        ["is", "was", "has", "had", "reports", "reported", "states", "stated", "denies", "denied", "says", "said", "feels",
         "felt", "presents", "presented", "attended", "arrived", "agreed", "agrees", "declined", "declines", "lives", "works",
         "worked", "complains", "complained", "describes", "described", "notes", "noted", "tells", "told", "remains",
         "continues", "continued", "wishes", "wants", "wanted", "asked", "asks", "understands", "understood", "consented",
         "consents", "ate", "slept", "walked", "mobilised", "mobilized", "tolerated", "tolerating", "appears", "appeared",
         "returned", "returns", "visited", "visits", "rang", "called", "phoned", "would", "will", "did", "does", "can",
         "cannot", "could", "should", "became", "went", "came", "comes", "brought", "requested", "requests", "expressed",
         "admits", "admitted", "endorses", "endorsed", "confirms", "confirmed", "explained", "mentioned", "spent", "enjoys",
         "likes", "loves", "lost", "got", "gets", "took", "takes", "uses", "used", "needs", "needed"].map(wordKey))
    /// Australian state and territory abbreviations: the states a four-digit postcode follows.
    static let auStates: Set<UInt64> = Set(["nsw", "vic", "qld", "sa", "wa", "tas", "nt", "act"].map(wordKey))
    /// Person cues that also introduce products and regimens ("under Provisc", "per Protocol"): no unlisted name after them.
    static let weakPersonCueEnds: Set<UInt64> = Set(["under", "per", "of", "c/o", "called"].map(wordKey))
    /// Auxiliaries among `nameVerbs`: after them only a listed name opens a sentence as a person.
    static let auxiliaryVerbs: Set<UInt64> = Set(
        ["is", "was", "has", "had", "would", "will", "did", "does", "can", "cannot", "could", "should", "remains", "continues",
         "appears", "appeared", "became", "went", "came", "comes", "brought", "returned", "returns", "took", "takes", "uses",
         "used", "needs", "needed", "got", "gets", "lost", "spent", "tolerated", "tolerating", "notes", "noted", "visited",
         "visits", "continued", "admitted"].map(wordKey))
    /// Every word of the session-5 sets tested behind `.session5Word`.
    static var session5Words: Set<UInt64> { nameVerbs.union(numberLabels) }
}
