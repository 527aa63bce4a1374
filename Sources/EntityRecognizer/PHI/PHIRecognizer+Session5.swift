import MedTextCore

// Session-5 rules (issue #6 §3, recall on unseen notes): names that are in no list, found by their shape and
// context rather than by the lists: an unlisted capitalised word after a person cue, `SURNAME, Given` at the
// start of a line, a name opening a sentence before a reporting verb, a second name joined by `and`, a sign-off
// name without its comma. Every rule is out of line and behind a one-flag pre-test at its call site.

extension PHIDetection {
    /// A town written right after an organisation, alone or after a comma or dash, ending its clause: "Chemist
    /// Warehouse Bankstown.", "I-MED Radiology Network - Frankston", "Broadwater Family Practice, Biggera Waters",
    /// "(Kane Constructions site, Mornington)". A known place, or one or two capitalised words in no list.
    @inline(never) mutating func placesAfterOrganizations() {
        for oe in orgEnds where oe < t.count && !t[oe].nl {
            var k = oe
            if punct(k, 0x2C) || punct(k, 0x2D) { k += 1 }
            // "(Kane Constructions site, Mornington)": one lower-case word between the organisation and the comma.
            else if isWord(k) && !cap(k) && punct(k + 1, 0x2C) && k + 2 < t.count && !t[k + 1].nl { k += 2 }
            guard k < t.count, !t[k].nl, !covered[k], cap(k) || (lowerDoc && isWord(k)) else { continue }
            var e = -1
            if let pe = knownPlaceAfterComma(k) { e = pe }
            else if !capsDoc || t[k].bits.isEmpty {
                var m = k
                while m < t.count && m - k < 2 && !t[m].nl && !covered[m] && (cap(m) || lowerDoc) && isWord(m)
                    && (t[m].bits.isEmpty || t[m].bits == .lastName || t[m].bits.contains(.placeWord) || K.townWords.contains(t[m].key))
                    && !t[m].rb.contains(.monthName) && !t[m].rb.contains(.weekday)
                { m += 1 }
                if m > k && (m >= t.count || t[m].nl || t[m].kind == .punctuation) && !(m < t.count && punct(m, 0x2D)) { e = m }
            }
            guard e > k else { continue }
            var clash = false
            for q in k..<e where covered[q] { clash = true }
            if clash { continue }
            // Session 6: a town written straight after the name, without a comma or dash, is part of the name
            // ("Mercy Hospital Springfield", "Northern Hospital Epping", "TerryWhite Chemmart Inverell", "Estia Health
            // Keilor Downs": GUIDELINE O2, the full name as written; 14 of the 17 such names in the dev gold are
            // marked so); after a separator it is its own ADDRESS (O1, G2).
            if k == oe, extendOrganization(endingAt: oe, to: e) { continue }
            emit(.address, k, e, priority: 3, score: 0.6, rule: "address-after-organization")
        }
    }

    /// Session 6: a saint's name after a place preposition names a hospital, school or parish ("transferred back from
    /// st. luke's", "chaplain from st anne's parish", "attends meetings at St. Procopius", "at st vincents"): in lower
    /// case the name must be possessive or outside the ordinary words; a listed place (`St Kilda`, `St Ives`) or a
    /// street (`St Kilda Rd`) is not an organisation. Facility words and organisation suffixes after it are inside.
    @inline(never) mutating func saintAfterPreposition(_ i: Int) -> Int? {
        guard i > 0, !t[i].nl, isWord(i - 1), K.organizationPrepositions.contains(t[i - 1].key), !cap(i - 1) || capsDoc else { return nil }
        var j = i + 1
        if punct(j, 0x2E) && adjacent(j) { j += 1 }
        // (A cued-name rule may have covered "john's" in "from st. john's": the longer organisation wins the selection.)
        guard j < t.count, !t[j].nl, isWord(j), !t[j].flags.contains(.hasDigit), t[j].e - t[j].s >= 3 else { return nil }
        // "st luke's", and "st vincents" written without the apostrophe (a given name and an s).
        let possessive = t[j].base != t[j].key
            || (b[t[j].e - 1] | 0x20 == 0x73 && vocab.bits(wordKey(b, t[j].s, t[j].e - 1)).contains(.firstName))
        if cap(j) && !lowerDoc {
            guard cap(i), !t[j].bits.contains(.ordinaryWord) || possessive else { return nil }
        } else {
            // "message for st john": without a possessive, only after a place preposition.
            guard possessive || (!t[j].bits.contains(.ordinaryWord) && t[j].bits.contains(.firstName) && K.placePrepositions.contains(t[i - 1].key))
            else { return nil }
        }
        var e = j + 1
        if e < t.count && !t[e].nl && (t[e].bits.contains(.streetType) || t[e].kind == .number) { return nil }
        // "St Luke's Lutheran", "st anne's parish", "St John's Hospital".
        while e < t.count && e - j <= 2 && !t[e].nl && isWord(e)
            && (K.saintFacilityWords.contains(t[e].key) || t[e].rb.contains(.orgSuffix) || K.congregationWords.contains(t[e].key)
                || (t[e].rb.contains(.startsFacilityAfter) && phrase(at: e, kinds: .startsFacilityAfter, where: { $0 == .facilityAfter }) != nil))
        {
            if let (_, pe) = phrase(at: e, kinds: .startsFacilityAfter, where: { $0 == .facilityAfter }), pe > e { e = pe } else { e += 1 }
        }
        // A listed place alone ("in St Kilda", "from St. John's") stays a place; with a facility word after it, it names one.
        if e == j + 1, t[i].ps, phrase(at: i, kinds: .startsPlace, where: { $0 == .place }) != nil { return nil }
        emit(options.facilityType, i, e, priority: 3, score: 0.65, rule: "organization-saint-after-preposition")
        return e
    }

    /// A known place (gazetteer) standing alone between a bracket or comma and a closing bracket, comma, semicolon,
    /// full stop, dash or the line end: capitalised as a name (any case in a lower-case note), not a person's name,
    /// an ordinary word or an ALL-CAPS acronym, and not followed by an instrument or method word. Returns its end.
    @inline(never) mutating func placeSetOff(_ i: Int) -> Int? {
        guard !t[i].nl, !covered[i], cap(i) || lowerDoc, !capsDoc || !t[i].bits.contains(.ordinaryWord),
            !t[i].flags.contains(.allUpper) || capsDoc,
            let (_, e) = phrase(at: i, kinds: .startsPlace, where: { $0 == .place })
        else { return nil }
        // One-word places that are also given names or words ("Hope", "Sydney" the given name is a listed place)
        // need more than punctuation; a surname-only word may be a town ("Midland", "Richmond").
        let bits = t[i].bits
        if e == i + 1 && !bits.contains(.placeWord)
            && (bits.contains(.firstName) || bits.contains(.ordinaryWord) || bits.contains(.stopWord) || bits.contains(.title))
        {
            return nil
        }
        guard e >= t.count || t[e].nl || (t[e].kind == .punctuation && (punct(e, 0x29) || punct(e, 0x2C) || punct(e, 0x3B) || punct(e, 0x2E) || punct(e, 0x2D)))
        else { return nil }
        if eponymFollows(e) { return nil }
        for q in i..<e where covered[q] { return nil }
        emit(.address, i, e, priority: 2, score: 0.6, rule: "address-place-set-off")
        return e
    }

    /// Extends the organisation candidate that ends at token `oe` to end at token `e` (exclusive); false when
    /// no such candidate exists.
    @inline(never) mutating func extendOrganization(endingAt oe: Int, to e: Int) -> Bool {
        let end = t[oe - 1].e
        guard let c = found.lastIndex(where: { $0.entity.type == options.facilityType && $0.entity.span.end == end }) else { return false }
        let span = found[c].entity.span
        found[c].entity.span = TextSpan(span.start, t[e - 1].e)
        for q in oe..<e { covered[q] = true }
        return true
    }

    /// "next visit wed. - tk", "rebooked fri 7th. - lp", "- dgreenberg": initials or a user name after a dash that
    /// ends the line sign an entry.
    /// Called for a word `k` that ends its line (from `unlabelledName`); the end of the name or nil.
    @inline(never) mutating func dashSignature(_ k: Int) -> Int? {
        let i = k - 1
        guard i >= 1, !t[k].nl, !t[i].nl, !adjacent(k), !covered[k],
            punct(i, 0x2D) || (t[i].e - t[i].s == 3 && b[t[i].s] == 0xE2 && b[t[i].s + 1] == 0x80 && (b[t[i].s + 2] == 0x93 || b[t[i].s + 2] == 0x94))
        else { return nil }
        let len = t[k].e - t[k].s
        if initialsToken(k) && len <= 3 && (t[i - 1].kind == .punctuation || t[i - 1].kind == .word) {
            emit(.name, k, k + 1, priority: 3, score: 0.55, rule: "name-dash-initials")
            return k + 1
        }
        if !cap(k), (5...16).contains(len), !t[k].bits.contains(.ordinaryWord), !t[k].bits.isName {
            // A login: a first initial and a listed surname, digits allowed at the end ("dgreenberg", "mrodriguez3").
            var e = t[k].e
            while e > t[k].s && b[e - 1] &- 0x30 < 10 { e -= 1 }
            if e - t[k].s >= 5, vocab.bits(wordKey(b, t[k].s + 1, e)).contains(.lastName) {
                emit(.name, k, k + 1, priority: 3, score: 0.55, rule: "name-username")
                return k + 1
            }
        }
        return nil
    }

    /// The session-5 name rules that start at a capitalised word, behind one call from `unlabelledName`.
    @inline(never) mutating func session5Names(_ i: Int) -> Int? {
        let lineStart = i == 0 || t[i].nl
        if (lineStart && (punct(i + 1, 0x2F) || punct(i + 1, 0x3A))) || punct(i - 1, 0x28), let e = session5BracketAndInitialNames(i) { return e }
        if lineStart || punct(i - 1, 0x3A), punct(i + 1, 0x2C) || (punct(i + 1, 0x2D) && punct(i + 3, 0x2C)), let e = surnameCommaGiven(i) { return e }
        if !capsDoc && !lowerDoc && i + 1 < t.count && (t[i + 1].rb.contains(.session5Word) || (i + 2 < t.count && t[i + 2].rb.contains(.session5Word))),
            let e = nameBeforeVerb(i)
        { return e }
        // Session 6: name pairs whose given name is in no list or is a word, or whose surname is a word or an eponym.
        if !capsDoc && !lowerDoc && i + 1 < t.count, let e = session6Pairs(i) { return e }
        return nil
    }

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
        guard isWord(i), cap(i), !covered[i], t[i].e - t[i].s >= 2 else { return nil }
        // "MCCOY-DELGADO, Rosalind Faye", "AL-SAADI, Mohammed": a hyphenated surname is one word here.
        var h = i
        if punct(i + 1, 0x2D) && adjacent(i + 1) && i + 3 < t.count && adjacent(i + 2) && cap(i + 2) && punct(i + 3, 0x2C) { h = i + 2 }
        let start = i
        let i = h
        guard punct(i + 1, 0x2C), adjacent(i + 1), i + 2 < t.count, !t[i + 2].nl, cap(i + 2), !covered[i + 2] else { return nil }
        let sb = h > start ? t[start].bits.union(t[h].bits).subtracting([.ordinaryWord]) : t[i].bits, gb = t[i + 2].bits
        if sb.contains(.drugWord) || sb.contains(.title) || sb.contains(.credential) || sb.contains(.placeWord)
            || sb.contains(.stateAbbr) || t[i].rb.contains(.monthName) || t[i].rb.contains(.weekday)
        { return nil }
        let surnameOK = (sb.isName && !sb.contains(.stopWord) && !(sb.contains(.ordinaryWord) && !sb.contains(.lastName)))
            || (!sb.isName && !sb.contains(.ordinaryWord) && !sb.contains(.stopWord))
        // An eponym that is also a surname ("SMITH, John", "MCCOY-DELGADO, Rosalind") before a frequent given name.
        let eponymSurname = sb.contains(.lastName) && sb.contains(.eponym) && !gb.contains(.ordinaryWord) && !gb.contains(.stopWord)
            && (gb.contains(.frequentFirst) || (h > start && gb.contains(.firstName)))
        guard surnameOK || eponymSurname else { return nil }
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
        emitName(start, end, priority: 3, score: 0.8, rule: "name-surname-comma-given")
        return end
    }

    /// A name opening a sentence before a reporting verb: `Kostopoulos has a history of AF`, `Jayden was brought in`.
    /// One or two capitalised words, each a listed name or an unlisted word (never an ordinary word, drug, eponym,
    /// place, title or acronym), then a verb from `K.nameVerbs`.
    @inline(never) mutating func nameBeforeVerb(_ i: Int) -> Int? {
        // A sentence start, not the second half of a hyphenated word ("Passy-Muir", "Bard-Parker").
        guard !capsDoc, !lowerDoc, sentenceStart(i), i == 0 || t[i].nl || !adjacent(i), cap(i), !covered[i] else { return nil }
        guard verbNameWord(i) else { return nil }
        var end = i + 1
        if end < t.count && !t[end].nl && !covered[end] && verbNameWord(end) { end += 1 }
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

    /// A word of a name before a reporting verb: a listed name that is no ordinary, stop-listed or place word, or an
    /// unlisted capitalised word.
    @inline(never) func verbNameWord(_ k: Int) -> Bool {
        guard isWord(k), cap(k), !t[k].flags.contains(.allUpper), t[k].e - t[k].s >= 3 else { return false }
        let bits = t[k].bits
        if bits.isName {
            return !bits.contains(.ordinaryWord) && !bits.contains(.stopWord) && !bits.contains(.title)
                && !bits.contains(.credential) && !bits.contains(.placeWord) && !t[k].rb.contains(.monthName)
        }
        return unlistedNameWord(k)
    }

    /// Letters that may be typist initials at a line start; a state code is no obstacle ("AK/jm").
    @inline(never) func typistLetters(_ k: Int) -> Bool {
        initialsToken(k) || (isWord(k) && t[k].bits.contains(.stateAbbr) && (2...3).contains(t[k].e - t[k].s) && !t[k].flags.contains(.hasDigit))
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
        guard v <= 2039, i > 0, !t[i].nl, !streetFollows(i + 1) else { return false }  // "ADDRESS: 1908 QUARRY PKWY"
        var w = i - 1
        if punct(w, 0x3A) { w -= 1 }
        // "CABG x3 2015": a multiplier before the year.
        if w >= 1 && t[w].kind == .number && adjacent(w) && t[w - 1].key == K.x { w -= 1 }
        guard w >= 0, isWord(w) else { return false }
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

extension PHIDetection {
    /// Session-5 token patterns, tried after every older one declined the token: a day/month after any word,
    /// ages in header shapes, long numbers and `#` codes as IDs.
    @inline(never) mutating func session5Patterns(_ i: Int) -> Int? {
        let tok = t[i]
        if tok.kind == .number {
            // Session 6: the last four digits of a masked SSN ("xxx-xx-4418"); "He is 58, ..." (an age after "he/she is").
            if tok.e - tok.s == 4 && tok.s >= 7 && b[tok.s - 1] == 0x2D, let e = maskedSSNDigits(i) { return e }
            if i >= 2 && t[i - 1].kind == .word && t[i - 1].e - t[i - 1].s <= 3, let e = pronounAgeAt(i) { return e }
            if punct(i + 1, 0x2F), let e = dayMonthAfterWord(i) {
                emit(.date, i, e, priority: 4, score: 0.6, rule: "date-day-month-after-word")
                return e
            }
            let len = tok.e - tok.s
            let nextShort = i + 1 < t.count && t[i + 1].e - t[i + 1].s == 1 && !t[i + 1].nl
            // Ages: a one-letter `y`/`Y`/`s` word after the number, or an opening bracket before it.
            let yOrS = nextShort && isWord(i + 1) && (b[t[i + 1].s] | 0x20 == 0x79 || b[t[i + 1].s] == 0x73)
            let unitAfter = i + 1 < t.count && isWord(i + 1) && t[i + 1].rb.contains(.auxWord) && b[t[i + 1].s] | 0x20 == 0x79
            if len <= 3, yOrS || unitAfter || punct(i - 1, 0x28) || (punct(i - 1, 0x2F) && i + 1 < t.count && !adjacent(i + 1)), let rule = ageShape(i) {
                emitAgeToken(i, rule: rule)
                return i + 1
            }
            if len <= 5, i >= 2, (adjacent(i) && t[i - 1].e - t[i - 1].s == 1) || (len <= 2 && punct(i + 1, 0x2D)), let e = extensionAfterName(i) {
                emit(.phoneOrFax, i, e, priority: 4, score: 0.7, rule: "phone-extension")
                return e
            }
            if len >= 8 || ((2...4).contains(len) && punct(i + 1, 0x2D)), let e = longNumberID(i) {
                emit(.id, i, e, priority: 3, score: 0.6, rule: "id-long-number")
                return e
            }
        } else if punct(i, 0x23), i + 1 < t.count, adjacent(i + 1), !(i > 0 && isWord(i - 1) && K.lotWords.contains(t[i - 1].key)),
            let e = hashCode(i + 1)
        {
            emit(.id, i + 1, e, priority: 3, score: 0.6, rule: "id-hash-code")
            return e
        }
        return nil
    }

    /// `EGD 1/27.`, `bed avail 12/18`, `last a1c there 8/24`, `dictated 13/3, typed 14/3`: a day/month (or month/year)
    /// after any word, when neither the word before nor the word after makes it a fraction, score, dose, strength or
    /// interval (`pain 7/10`, `power 4/5`, `1/2 tab`, `PO 4/24 PRN`, `2/3 of`, `3/6 murmur`); durations (`/7`, `/12`,
    /// `/52`) stay out as before.
    @inline(never) func dayMonthAfterWord(_ i: Int) -> Int? {
        // After a word, a comma or bracket ("visited yesterday evening, 10/13.", "(pulmonology) 9/30;") or a clock time
        // ("PHONE 06:30 17/5", "ETA 8/10 01:40" is taken with its time by the date-time rule).
        guard i > 0 else { return nil }
        let prevOK = isWord(i - 1) || punct(i - 1, 0x2C) || punct(i - 1, 0x29) || (t[i - 1].kind == .number && punct(i - 2, 0x3A) && adjacent(i - 1))
        guard !t[i].nl, prevOK, !adjacent(i), let e = dayMonth(i),
            !PHIRecognizer.isDuration(b, TextSpan(t[i].s, t[e - 1].e), vocab), !streetFollows(e)
        else { return nil }
        // Session 6: "seen 14/3, 21/3 and 28/3": the next day/month of a list of dates; "follow up 1/5".
        if (dateListBefore(i) || followUpBefore(i)) && !(e < t.count && adjacent(e) && t[e].kind != .punctuation) { return e }
        if isWord(i - 1) && t[i - 1].flags.contains(.hasDigit) { return nil }  // "5mg 4/24", "x2 1/2"
        // Scores and grades: equal parts ("Pupils 3/3", "5/5"), out of 4, 5, 6 or 10 ("2/4 pulses", "4/5 power", "3/6
        // murmur", "pain 7/10"); and no calendar day in either reading ("RV 31/9").
        let a = intValue(i), c = intValue(i + 2)
        if a == c || ((c == 4 || c == 5 || c == 6) && a <= c) || c == 24 { return nil }  // "repositioned 2/24": two-hourly
        // After a comma or bracket a score is as likely as a date ("5/5 proximally, 5/4 @ elbow", "pain, 6/10 for");
        // session 6: a day after a comma is more than ten out of ten ("Mackay Radiology, 13/10."); "5/4 at the elbow" stays out.
        if !isWord(i - 1) && (c == 4 || c == 5 || c == 6 || c == 10) && (a <= c || c != 10) { return nil }
        let monthDays = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        if !((c <= 12 && a <= monthDays[c - 1]) || (a <= 12 && c <= monthDays[a - 1])) { return nil }
        if (t[i - 1].rb.contains(.fractionWord) && K.fractionBefore.contains(t[i - 1].key))
            || (t[i - 1].rb.contains(.session5Word) && K.numberLabels.contains(t[i - 1].key))
        { return nil }
        if isWord(i - 1) && t[i - 1].e - t[i - 1].s == 1 { return nil }  // "x 1/2", "a 1/2"
        if e < t.count && !t[e].nl {
            if adjacent(e) && !(t[e].kind == .punctuation && (punct(e, 0x2E) || punct(e, 0x2C) || punct(e, 0x3B) || punct(e, 0x29) || punct(e, 0x3A))) {
                return nil
            }
            if isWord(e) && ((t[e].rb.contains(.fractionWord) && K.fractionAfter.contains(t[e].key))
                || (t[e].rb.contains(.auxWord) && K.quantityUnits.contains(t[e].key)))
            { return nil }
            if punct(e, 0x2B) || punct(e, 0x25) { return nil }
        }
        return e
    }

    /// Ages in header and aside shapes (GUIDELINE A1, the number only): `38Y / F`, `F 27 y`, `in his 70s`,
    /// `DOB 30 Jul 2009 (15)`. The rule id, or nil.
    @inline(never) func ageShape(_ i: Int) -> String? {
        guard ageNumber(i), i + 1 < t.count else { return nil }
        let n = t[i + 1]
        // "38Y / F", "27 y UR", "F 27 y": a y or Y right after the number, then a slash, a sex letter, a capitalised
        // field or the line end.
        if isWord(i + 1), !n.nl, n.e - n.s == 1, b[n.s] | 0x20 == 0x79 {
            let sexBefore = i > 0 && !t[i].nl && isWord(i - 1) && t[i - 1].e - t[i - 1].s == 1 && (t[i - 1].key == AgeKeys.m || t[i - 1].key == AgeKeys.f)
            let k = i + 2
            let fieldAfter = k >= t.count || t[k].nl || punct(k, 0x2F) || punct(k, 0x2C) || punct(k, 0x29)
                || (isWord(k) && t[k].flags.contains(.allUpper))
            if fieldAfter && (sexBefore || b[n.s] == 0x59 || punct(k, 0x2F)) { return "age-header" }
        }
        // "DOB 09/10/1949   75 yrs", "DOB / AGE   09-02-1987 / 38": an age after a date of birth on the same line.
        if (isWord(i + 1) && !n.nl && K.ageUnits.contains(n.key)) || (punct(i - 1, 0x2F) && !adjacent(i) && i >= 2 && t[i - 2].kind == .number) {
            if birthCueBefore(i - 1, within: 12) { return "age-after-birth-date" }
        }
        // "in his 70s", "in her early 80s": a decade of life after a possessive.
        if isWord(i + 1), adjacent(i + 1), n.e - n.s == 1, b[n.s] | 0x20 == 0x73, t[i].e - t[i].s == 2, b[t[i].s + 1] == 0x30, i >= 2 {
            var k = i - 1
            if isWord(k) && (K.decadeQualifiers.contains(t[k].key)) { k -= 1 }
            if k >= 1, isWord(k), K.possessives.contains(t[k].key), t[k - 1].key == K.in { return "age-decade" }
        }
        // "DOB 30 Jul 2009 (15)": a bracketed number after a date of birth on the same line.
        if punct(i - 1, 0x28), punct(i + 1, 0x29), i >= 2, t[i - 2].kind == .number || t[i - 2].rb.contains(.monthName) {
            if birthCueBefore(i - 2, within: 10) { return "age-after-birth-date" }
        }
        return nil
    }

    /// Whether a date-of-birth cue (`DOB`, `born`, ...) stands among the `within` tokens before
    /// `start` on its line (an age after a date of birth: `DOB 09/10/1949   75 yrs`).
    func birthCueBefore(_ start: Int, within: Int) -> Bool {
        var k = start
        var steps = 0
        while k > 0 && !t[k].nl && steps < within {
            k -= 1
            steps += 1
            if isWord(k) && K.birthCues.contains(t[k].key) { return true }
        }
        return false
    }

    /// `Tiffani LeBlanc x114` (an extension after a name, ending the line) and `ext. 6-4419` (an extension with a dash).
    @inline(never) func extensionAfterName(_ i: Int) -> Int? {
        let len = t[i].e - t[i].s
        if i >= 2, t[i - 1].e - t[i - 1].s == 1, b[t[i - 1].s] == 0x78, adjacent(i), !adjacent(i - 1), !t[i - 1].nl, (3...5).contains(len), cap(i - 2),
            !t[i - 2].bits.contains(.ordinaryWord),
            i + 1 >= t.count || t[i + 1].nl || (t[i + 1].kind == .punctuation && !adjacent(i + 1) || punct(i + 1, 0x2C) || punct(i + 1, 0x3B))
        {
            return i + 1
        }
        if len <= 2, punct(i + 1, 0x2D), adjacent(i + 1), i + 2 < t.count, adjacent(i + 2), t[i + 2].kind == .number,
            (3...4).contains(t[i + 2].e - t[i + 2].s), pagerCueBefore(i) != nil,
            i + 3 >= t.count || !adjacent(i + 3) || (t[i + 3].kind == .punctuation && !punct(i + 3, 0x2D))
        {
            return i + 3
        }
        return nil
    }

    /// A number of eight or more digits standing alone (`CLM 9930047512`, `ED Presentation 24-0917733`): an
    /// identifier unless a unit follows. Phone shapes are taken by the byte scanner first.
    @inline(never) func longNumberID(_ i: Int) -> Int? {
        guard i == 0 || !adjacent(i) || punct(i - 1, 0x23) || punct(i - 1, 0x28) || punct(i - 1, 0x3A) else { return nil }
        var e = i + 1
        var digits = t[i].e - t[i].s
        // "24-0917733": one dash between two digit groups.
        if punct(e, 0x2D) && adjacent(e) && e + 1 < t.count && adjacent(e + 1) && t[e + 1].kind == .number && (2...4).contains(digits) {
            digits += t[e + 1].e - t[e + 1].s
            guard t[e + 1].e - t[e + 1].s >= 6 else { return nil }
            e += 2
        }
        guard digits >= 8 else { return nil }
        if e < t.count && adjacent(e) && !(t[e].kind == .punctuation && !punct(e, 0x2D) && !punct(e, 0x2F)) { return nil }
        if e < t.count && !t[e].nl && isWord(e) && t[e].rb.contains(.auxWord) && K.quantityUnits.contains(t[e].key) { return nil }
        return e
    }

    /// `application #A-662094`, `ticket #INC0098123`: a code right after `#` with at least five digits, or a letter
    /// and four digits. Suture sizes and counts (`#15 blade`, `#2-0 Vicryl`) have fewer.
    @inline(never) func hashCode(_ j: Int) -> Int? {
        guard j < t.count, t[j].kind == .number || isWord(j) else { return nil }
        var e = j
        var digits = 0, letters = 0
        while e < t.count && (e == j || adjacent(e)) && (t[e].kind == .number || isWord(e) || (punct(e, 0x2D) && e + 1 < t.count && adjacent(e + 1))) {
            for c in t[e].s..<t[e].e { if b[c] &- 0x30 < 10 { digits += 1 } else if isAlpha(b[c]) { letters += 1 } }
            e += 1
        }
        guard digits >= 5 || (letters >= 1 && digits >= 4) else { return nil }
        if t[e - 1].kind == .punctuation { e -= 1 }
        return e
    }
}

extension PHIDetection {
    /// A capitalised word and a street type within the next three tokens ("4/22 Fosters Rd").
    @inline(never) func streetFollows(_ e: Int) -> Bool {
        guard e < t.count, !t[e].nl, cap(e) else { return false }
        var k = e
        while k < t.count && k - e < 3 && !t[k].nl && cap(k) {
            if k > e && t[k].bits.contains(.streetType) { return true }
            k += 1
        }
        return false
    }

    /// `June/July`, `Jun-Jul` (a month pair) and `March of 2022` (a month of a year): one DATE.
    @inline(never) func monthPairOrMonthOfYear(_ i: Int) -> Int? {
        guard i + 2 < t.count, !t[i + 1].nl, cap(i) || capsDoc || t[i].e - t[i].s >= 4 else { return nil }
        if (punct(i + 1, 0x2F)) && adjacent(i + 1) && adjacent(i + 2) && t[i + 2].rb.contains(.monthName) && isWord(i + 2) {
            // "April/May 2025": the year belongs to the pair.
            return yearAfter(i + 3) ?? i + 3
        }
        if t[i + 1].key == K.of, t[i + 2].kind == .number, t[i + 2].e - t[i + 2].s == 4, !t[i + 2].nl, (1900...2099).contains(intValue(i + 2)),
            t[i].key != K.may || cap(i)
        {
            return i + 3
        }
        return nil
    }

    /// An unlisted capitalised place after "in", "at", "near" or "from" ending a clause or before a lower-case word:
    /// `Appendicectomy 2011 in Ludhiana.`, `youth group at Woodridge on Fridays`. Words in any list (names,
    /// ordinary words, drugs, places already known) are left to their own rules.
    @inline(never) mutating func unlistedPlaceAfterPreposition(_ i: Int) -> Int? {
        guard !t[i - 1].nl, !t[i].nl, K.townPrepositions.contains(t[i - 1].key), !covered[i], unlistedNameWord(i),
            !K.agencies.contains(t[i].key), t[i].e - t[i].s >= 4
        else { return nil }
        // "dressed in Acticoat", "placed in Endocatch bag": after a verb of placing it is a product.
        if i >= 2, isWord(i - 2), t[i - 2].e - t[i - 2].s > 3, b[t[i - 2].e - 1] | 0x20 == 0x64, b[t[i - 2].e - 2] | 0x20 == 0x65 { return nil }
        var e = i + 1
        while e < t.count && !t[e].nl && e - i < 3 && cap(e) && (K.townWords.contains(t[e].key) || t[e].bits.isEmpty) { e += 1 }
        // The clause ends, or a function word, preposition or weekday follows (not a noun: "Endocatch bag").
        let ing = isWord(e) && !cap(e) && t[e].e - t[e].s > 5 && b[t[e].e - 1] == 0x67 && b[t[e].e - 2] == 0x6E && b[t[e].e - 3] == 0x69
        guard e >= t.count || t[e].nl || asideEnd(e) || punct(e, 0x28) || ing
            || (isWord(e) && (K.functionWords.contains(t[e].key) || K.townFollowers.contains(t[e].key) || t[e].rb.contains(.weekday)))
        else { return nil }
        // "at Ngaire's", "in Tipene Clinic": a possessive or an organisation word after it.
        if t[e - 1].base != t[e - 1].key { return nil }
        emit(.address, i, e, priority: 2, score: 0.6, rule: "address-unlisted-place-preposition")
        return e
    }

    /// `Facility: Swedish Ballard Campus` (an organisation label), `St. Joseph Regional` (a saint's name and a facility
    /// filler).
    @inline(never) mutating func session5Organization(_ i: Int) -> Int? {
        if K.organizationLabels.contains(t[i].key), punct(i + 1, 0x3A), i + 2 < t.count, !t[i + 2].nl, cap(i + 2), !covered[i + 2],
            !t[i + 2].bits.contains(.title), !t[i + 2].bits.contains(.weakTitle)
        {
            var e = i + 2
            var distinctive = false
            while e < t.count && e - i <= 8 && !t[e].nl && !covered[e]
                && (cap(e) || punct(e, 0x26) || (punct(e, 0x2D) && adjacent(e)) || (isWord(e) && (t[e].key == K.of || t[e].key == K.and)))
            {
                if isWord(e) && cap(e) && (!t[e].bits.contains(.ordinaryWord) || (t[e].rb.contains(.orgSuffix) && e > i + 2)) { distinctive = true }
                e += 1
            }
            while e > i + 2 && !cap(e - 1) { e -= 1 }
            guard e > i + 2, distinctive else { return nil }
            emit(options.facilityType, i + 2, e, priority: 3, score: 0.7, rule: "organization-label")
            return e
        }
        if K.saintWords.contains(t[i].key), cap(i) {
            var j = i + 1
            if punct(j, 0x2E) && adjacent(j) { j += 1 }
            guard j + 1 < t.count, !t[j].nl, cap(j), !covered[j], t[j].bits.contains(.firstName) || t[j].bits.isEmpty,
                !t[j + 1].nl, isWord(j + 1), cap(j + 1), K.saintFacilityWords.contains(t[j + 1].key)
            else { return saintAfterPreposition(i) }
            var e = j + 2
            if e < t.count && !t[e].nl && cap(e) && K.saintFacilityWords.contains(t[e].key) { e += 1 }
            emit(options.facilityType, i, e, priority: 3, score: 0.7, rule: "organization-saint")
            return e
        }
        if K.saintWords.contains(t[i].key), let e = saintAfterPreposition(i) { return e }
        return nil
    }

    /// `AK/jm   dictated 13/3` (typist initials opening a line before a dictation word), `(Marisol)` (a given name
    /// alone in brackets), `(KLM 1/28/25)` (initials before a date in brackets).
    @inline(never) mutating func session5BracketAndInitialNames(_ i: Int) -> Int? {
        // A state code is no obstacle here ("AK/jm"): the dictation word vouches for the initials.
        if punct(i + 1, 0x2F) || punct(i + 1, 0x3A), t[i].nl || i == 0, !covered[i], typistLetters(i), adjacent(i + 1), i + 2 < t.count,
            adjacent(i + 2), typistLetters(i + 2)
        {
            var k = i + 3
            while k < t.count && !t[k].nl && k - i < 8 {
                if isWord(k) && K.typistCues.contains(t[k].key) {
                    emit(.name, i, i + 1, priority: 3, score: 0.6, rule: "name-initials")
                    emit(.name, i + 2, i + 3, priority: 3, score: 0.6, rule: "name-initials")
                    return i + 3
                }
                k += 1
            }
            return nil
        }
        guard punct(i - 1, 0x28), !covered[i], cap(i) else { return nil }
        let bits = t[i].bits
        if punct(i + 1, 0x29), !t[i].flags.contains(.allUpper), !capsDoc, bits.contains(.firstName), !bits.contains(.ordinaryWord),
            !bits.contains(.stopWord), !bits.contains(.title), !bits.contains(.placeWord), t[i].e - t[i].s >= 3
        {
            emitName(i, i + 1, priority: 2, score: 0.6, rule: "name-in-brackets")
            return i + 1
        }
        // The date must be a calendar date ("(MMSE 19/30 Nov 2024)" is a score) and the letters no label ("(DOB ...").
        if initialsToken(i), t[i].flags.contains(.allUpper), !K.birthCues.contains(t[i].key), i + 3 < t.count, !t[i + 1].nl,
            t[i + 1].kind == .number, punct(i + 2, 0x2F), t[i + 3].kind == .number,
            (1...31).contains(intValue(i + 1)), (1...31).contains(intValue(i + 3)), intValue(i + 1) <= 12 || intValue(i + 3) <= 12
        {
            var k = i + 1
            while k < t.count && !t[k].nl && k - i < 8 && !punct(k, 0x29) { k += 1 }
            if punct(k, 0x29) {
                emit(.name, i, i + 1, priority: 3, score: 0.6, rule: "name-initials-date")
                return i + 1
            }
        }
        return nil
    }
}

extension K {
    static let page = wordKey("page")
    static let driveVerbs: Set<UInt64> = Set(["drives", "drove", "driving", "driver", "delivers", "delivered", "delivering", "courier"].map(wordKey))
    /// Prepositions before a known place besides `placeContext`'s own ("a roof plumber around Dubbo").
    static let placePrepositions5: Set<UInt64> = Set(["around", "outside", "towards", "toward", "past", "beyond"].map(wordKey))
    static let townPrepositions: Set<UInt64> = Set(["in", "at", "near"].map(wordKey))
    /// Words that may follow a town ("in Ludhiana since 2019", "at Woodridge on Fridays").
    static let townFollowers: Set<UInt64> = Set(
        ["in", "on", "at", "since", "until", "till", "where", "when", "who", "before", "after", "during", "last", "this",
         "next", "over", "near", "then", "but", "so", "because", "while", "every", "each", "most", "recently", "previously",
         "now", "today", "yesterday"].map(wordKey))
    /// Labels whose value is an organisation ("Facility:", "Practice:").
    static let organizationLabels: Set<UInt64> = Set(
        ["facility", "hospital", "clinic", "practice", "pharmacy", "school", "agency", "organisation", "organization",
         "company", "racf", "snf", "vendor", "supplier", "laboratory", "centre", "center", "college", "university",
         "employer", "workplace", "firm", "business", "venue", "site", "campus"].map(wordKey))
    static let saintWords: Set<UInt64> = Set(["st", "saint", "ste", "sainte"].map(wordKey))
    /// Denominations and congregation words after a saint's name ("St Luke's Lutheran", "St Anne's Parish").
    static let congregationWords: Set<UInt64> = Set(
        ["parish", "church", "lutheran", "anglican", "catholic", "episcopal", "presbyterian", "methodist", "baptist",
         "uniting", "orthodox", "cathedral", "school", "college", "primary", "catholic"].map(wordKey))
    /// Words after a saint's name that make a facility ("St. Joseph Regional", "St Luke's General").
    static let saintFacilityWords: Set<UInt64> = Set(
        ["regional", "general", "memorial", "medical", "community", "mercy", "private", "public", "university", "health",
         "hospital", "healthcare", "infirmary", "district"].map(wordKey))
    /// Words before a slash number that make it a fraction, score or strength ("pain 7/10", "power 4/5").
    static let fractionBefore: Set<UInt64> = Set(
        ["power", "strength", "vision", "va", "acuity", "gcs", "score", "scored", "scores", "of", "over", "ratio", "bp",
         "rated", "rates", "pain", "severity", "nrs", "vas", "grade", "graded", "murmur", "mmt", "reflexes", "reflex",
         "mrc", "apgar", "apgars", "motor", "sensation", "scale", "take", "takes", "taking", "po", "iv", "sc", "im", "sl",
         "pr", "ng", "peg", "inh", "top", "neb", "nebs", "x", "about", "approximately", "only", "half", "was", "is",
         "tab", "tabs", "tablet", "tablets", "cap", "caps", "puff", "puffs", "q", "every", "each", "and", "or", "to", "from",
         "sats", "sat", "spo2", "fio2", "peep", "ie", "i:e", "e", "v", "m", "g", "p", "para", "gravida", "mmse", "moca",
         "phq", "gad", "k10", "audit", "edinburgh", "epds", "pulses", "pulse", "edema", "oedema", "tone", "tenderness",
         "ttp", "strength:", "rom", "abduction", "flexion", "extension", "up", "by", "fraction", "fractions", "marks",
         "points", "stage", "dilated", "effaced", "station", "sleep", "mood", "anxiety", "energy", "appetite", "pupils",
         "pupil", "rv", "ra", "pa", "lv", "la", "ao", "pressure", "pressures", "wedge", "pcwp", "than", "at", "as", "day", "week",
         "cycle", "dose", "fraction", "session"].map(wordKey))
    /// Words after a slash number that make it a fraction, dose or score ("1/2 tab", "3/6 murmur", "2/3 of").
    static let fractionAfter: Set<UInt64> = Set(
        ["tab", "tabs", "tablet", "tablets", "strength", "power", "vision", "dose", "doses", "of", "ago", "hourly", "daily",
         "times", "puffs", "puff", "cap", "caps", "capsule", "capsules", "scoop", "scoops", "cup", "cups", "glass", "bottle",
         "murmur", "pain", "prn", "inch", "inches", "in", "cm", "mm", "way", "pack", "packs", "ppd", "strength", "score",
         "positive", "negative", "nodes", "lymph", "cores", "specimens", "slices", "lobes", "segments", "vessels", "sessions",
         "patients", "cases", "criteria", "points", "beats", "sec", "mmhg", "reflexes", "bilaterally", "throughout",
         "proximally", "distally", "ue", "le", "x", "mane", "nocte", "bd", "tds", "qid", "od", "ns", "nss", "saline",
         "percent", "strength", "flex", "french", "fr", "gauge", "g", "size"].map(wordKey))
    /// Qualifiers of a decade of life ("in her early 80s").
    static let decadeQualifiers: Set<UInt64> = Set(["early", "mid", "late", "mid-"].map(wordKey))

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
    static var session5Words: Set<UInt64> { nameVerbs.union(numberLabels).union(placePrepositions5) }
}
