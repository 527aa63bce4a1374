// Session 6 (issue #6 §3, recall on unseen notes): name pairs whose given name is in no list or is an
// ordinary word, and surnames that are eponyms after a frequent given name. Each rule is one out-of-line call
// behind bit tests on the token, so the per-token cost of the walk is unchanged for other words.

extension PHIDetection {
    /// The session-6 name pairs at capitalised token i (``givenStopSurname(_:)``, ``ordinaryGivenFrequentSurname(_:)``,
    /// ``unlistedGivenFrequentSurname(_:)``), asked from the one out-of-line call for capitalised words so that
    /// `unlabelledName` stays small (inlined, the bit tests made the optimiser copy tokens on every word).
    @inline(never) mutating func session6Pairs(_ i: Int) -> Int? {
        guard !covered[i] else { return nil }
        let bits = t[i].bits, next = t[i + 1].bits
        if bits.contains(.firstName) && next.contains(.lastName) && (next.contains(.stopWord) || next.contains(.ordinaryWord)),
            let e = givenStopSurname(i)
        { return e }
        guard next.contains(.frequentLast) else { return nil }
        if bits.contains(.firstName) && (bits.contains(.ordinaryWord) || bits.contains(.stopWord)), let e = ordinaryGivenFrequentSurname(i) {
            return e
        }
        if !bits.isName && !bits.contains(.ordinaryWord) && !bits.contains(.stopWord), let e = unlistedGivenFrequentSurname(i) { return e }
        return nil
    }

    /// The last four digits of a masked SSN at number token i ("xxx-xx-4418"), emitted as ID.
    @inline(never) mutating func maskedSSNDigits(_ i: Int) -> Int? {
        guard maskedSSN(t[i].s) else { return nil }
        emit(.id, i, i + 1, priority: 4, score: 0.8, rule: "id-masked-ssn")
        return i + 1
    }

    /// "He is 58, ...": ``pronounAge(_:)`` after "is"/"was", emitted as AGE.
    @inline(never) mutating func pronounAgeAt(_ i: Int) -> Int? {
        guard t[i - 1].key == K.is || t[i - 1].key == K.was, pronounAge(i) else { return nil }
        emitAgeToken(i, rule: "age-pronoun")
        return i + 1
    }

    /// A frequent, unambiguous surname: in the census (or curated) lists as frequent, not an ordinary or
    /// stop-listed word, no place, street, title or credential, written in title case.
    @inline(never) func trustedSurname(_ j: Int) -> Bool {
        guard j < t.count, !t[j].nl, isWord(j), cap(j), !t[j].flags.contains(.allUpper), !covered[j], t[j].e - t[j].s >= 2 else { return false }
        let lb = t[j].bits
        return lb.contains(.lastName) && lb.contains(.frequentLast) && !lb.contains(.ordinaryWord) && !lb.contains(.commonName)
            && !lb.contains(.stopWord) && !lb.contains(.placeWord) && !lb.contains(.streetType) && !lb.contains(.title)
            && !lb.contains(.weakTitle) && !lb.contains(.credential) && !lb.contains(.stateAbbr) && !t[j].rb.contains(.monthName)
            && !placeSuffix(j)
    }

    /// "Barkly Downs", "Webb City", "Western Missouri": a word that ends place names (`place_suffix` in `phi/rule_words.tsv`) or starts a
    /// state's name is no surname.
    @inline(never) func placeSuffix(_ j: Int) -> Bool {
        if vocab.ruleWords.placeSuffixes.contains(t[j].key) { return true }
        return t[j].ps && phrase(at: j, kinds: .startsStateName, where: { $0 == .stateName }) != nil
    }

    /// Token i follows a number, `#` or a word with digits on its line ("#10 blade Bard Parker", "size 7 Jackson"):
    /// an instrument or product, not a person.
    @inline(never) func afterCount(_ i: Int) -> Bool {
        guard i > 0, !t[i].nl else { return false }
        return t[i - 1].kind == .number || punct(i - 1, 0x23) || t[i - 1].flags.contains(.hasDigit)
            || (i > 1 && !t[i - 1].nl && isWord(i - 1) && vocab.ruleWords.instrumentCues.contains(t[i - 1].key))
    }

    /// After the surname at `j`: no further capitalised word (an organisation or place would continue), no eponym
    /// follower (`Chen classification`), no facility or organisation phrase.
    @inline(never) func pairEndsAt(_ j: Int) -> Bool {
        let k = j + 1
        if k < t.count && !t[k].nl && (cap(k) || (punct(k, 0x2D) && adjacent(k))) { return false }
        if eponymFollows(k) { return false }
        return true
    }

    /// "Xiaoming Chen was admitted", "Jedda Wunungmurra": a capitalised word in no list (``unlistedNameWord``)
    /// before a frequent surname, in a mixed-case note, starting a run of capitalised words.
    @inline(never) mutating func unlistedGivenFrequentSurname(_ i: Int) -> Int? {
        guard !capsDoc, !lowerDoc, i + 1 < t.count, trustedSurname(i + 1), !adjacent(i + 1), unlistedNameWord(i), !covered[i] else { return nil }
        if i > 0 && !t[i].nl && (cap(i - 1) || (punct(i - 1, 0x2D) && adjacent(i))) { return nil }
        guard pairEndsAt(i + 1), !afterCount(i) else { return nil }
        if t[i].ps, phrase(at: i, kinds: [.startsPlace, .startsOrganization, .startsFacilityAfter, .startsProfession], where: { _ in true }) != nil {
            return nil
        }
        emitName(i, i + 2, priority: 2, score: 0.7, rule: "name-unlisted-given-surname")
        return i + 2
    }

    /// "Hope Williams was seen", "May Nguyen is stable": a given name that is also an ordinary or stop-listed word
    /// (Hope, Grace, Joy, May) before a frequent surname that is not (``trustedSurname``), with no person cue needed;
    /// never a month after a date word ("in May Smith ..." is left alone) and never an eponym, drug or place.
    @inline(never) mutating func ordinaryGivenFrequentSurname(_ i: Int) -> Int? {
        guard !capsDoc, !lowerDoc, i + 1 < t.count, trustedSurname(i + 1), !adjacent(i + 1), !covered[i], cap(i),
            !t[i].flags.contains(.allUpper), t[i].e - t[i].s >= 3
        else { return nil }
        let bits = t[i].bits
        guard bits.contains(.firstName), !bits.contains(.eponym), !bits.contains(.drugWord), !bits.contains(.placeWord),
            !bits.contains(.title), !bits.contains(.weakTitle), !bits.contains(.credential), !t[i].rb.contains(.weekday)
        else { return nil }
        if t[i].rb.contains(.monthName) && i > 0 && !t[i].nl && isWord(i - 1) && K.monthAloneCues.contains(t[i - 1].key) { return nil }
        if i > 0 && !t[i].nl && (cap(i - 1) || (punct(i - 1, 0x2D) && adjacent(i))) && !t[i - 1].bits.contains(.title) { return nil }
        guard pairEndsAt(i + 1), !afterCount(i) else { return nil }
        if t[i].ps, phrase(at: i, kinds: [.startsPlace, .startsOrganization, .startsFacilityAfter], where: { _ in true }) != nil { return nil }
        emitName(i, i + 2, priority: 2, score: 0.7, rule: "name-ordinary-given-surname")
        return i + 2
    }

    /// Token i follows "and", "or", "&" or a comma right after a DATE this walk emitted ("14/3, 21/3 and 28/3").
    @inline(never) func dateListBefore(_ i: Int) -> Bool {
        guard i >= 2, !t[i].nl else { return false }
        let k = i - 1
        guard punct(k, 0x2C) || punct(k, 0x26) || t[k].key == K.and || t[k].key == K.or, !t[k].nl else { return false }
        let end = t[k - 1].e
        for c in found.reversed().prefix(4) where c.entity.type == .date && c.entity.span.end == end { return true }
        return false
    }

    /// After a person cue: initials then a surname on the same line ("J.P. Walsh", "J. P. Walsh", "JP Walsh"); the
    /// surname is a listed name that is no ordinary word, or a capitalised word in no list. The end, or nil.
    @inline(never) func initialsNameAfterCue(_ j: Int) -> Int? {
        guard j < t.count, isWord(j), !capsDoc else { return nil }
        var k = j
        if initial(j) {
            while k < t.count && (k == j || !t[k].nl) && initial(k) {
                k += 1
                if punct(k, 0x2E) && adjacent(k) { k += 1 }
            }
        } else if dottedInitials(j) {
            k = j + 1
        } else {
            // "JP Walsh": two or three capitals, no label word.
            let len = t[j].e - t[j].s
            guard (2...3).contains(len), t[j].flags.contains(.allUpper), !t[j].flags.contains(.hasDigit), !t[j].bits.isName,
                !t[j].bits.contains(.credential), !t[j].bits.contains(.title), !t[j].bits.contains(.stateAbbr),
                !(t[j].rb.contains(.shortWord) && K.notInitials.contains(t[j].key))
            else { return nil }
            k = j + 1
        }
        guard k > j, k < t.count, !t[k].nl, isWord(k), cap(k), !t[k].flags.contains(.allUpper), !covered[k], t[k].e - t[k].s >= 2 else { return nil }
        let lb = t[k].bits
        guard (lb.isName && !lb.contains(.ordinaryWord) && !lb.contains(.stopWord)) || unlistedNameWord(k) else { return nil }
        var end = k + 1
        if punct(end, 0x2D) && adjacent(end) && end + 1 < t.count && cap(end + 1) && adjacent(end + 1) { end += 2 }
        return end
    }

    /// One token of dotted initials: "J.P.", "A.K", "J.R.R." (capital letters each followed by a full stop, the last
    /// one's optional).
    @inline(never) func dottedInitials(_ j: Int) -> Bool {
        let s = t[j].s, e = t[j].e
        guard e - s >= 3, e - s <= 8 else { return false }
        var k = s, letters = 0
        while k < e {
            guard b[k] &- 0x41 < 26 else { return false }
            letters += 1
            k += 1
            if k < e { guard b[k] == 0x2E else { return false }; k += 1 }
        }
        return letters >= 2
    }

    /// "He is 58, a bus operator", "She was 84 and ...": a number of years after "he/she is/was" that ends the
    /// clause (a comma, full stop, semicolon or "and" follows; "He is 5 days post-op" stays out).
    @inline(never) func pronounAge(_ i: Int) -> Bool {
        guard !t[i].nl, !t[i - 1].nl, t[i].e - t[i].s <= 3, t[i - 2].key == K.he || t[i - 2].key == K.she else { return false }
        let v = intValue(i)
        guard (2...115).contains(v) else { return false }
        guard i + 1 < t.count, !t[i + 1].nl, !adjacent(i + 1) || t[i + 1].kind == .punctuation else { return i + 1 >= t.count }
        return punct(i + 1, 0x2C) || (punct(i + 1, 0x2E) && (i + 2 >= t.count || !adjacent(i + 2))) || punct(i + 1, 0x3B)
            || t[i + 1].key == K.and
    }

    /// "Tyson Bell", "Janelle Price", "Hope Bell", "Kate Hope": a listed given name before a surname that is also a
    /// stop-listed (eponym, common word) or ordinary word, inside a mixed-case sentence. Not both ordinary words
    /// ("Will Price"), never a drug, place, month or title, never before a possessive, an eponym's follower
    /// ("Bell palsy", "Mallory Weiss tear") or another capitalised word; an ordinary-word given name not at a sentence
    /// start.
    @inline(never) mutating func givenStopSurname(_ i: Int) -> Int? {
        guard !capsDoc, !lowerDoc, cap(i), cap(i + 1), !t[i + 1].nl, !adjacent(i + 1), !covered[i], !covered[i + 1],
            !t[i].flags.contains(.allUpper), !t[i + 1].flags.contains(.allUpper), t[i].e - t[i].s >= 3, t[i + 1].e - t[i + 1].s >= 3
        else { return nil }
        let g = t[i].bits, lb = t[i + 1].bits
        let givenOK = (!g.contains(.ordinaryWord) && !g.contains(.stopWord) && !g.contains(.commonName)) || stopListedGivenName(i)
        guard givenOK, !g.contains(.title), !g.contains(.weakTitle), !g.contains(.eponym), !g.contains(.drugWord), !g.contains(.placeWord),
            !t[i].rb.contains(.monthName), !t[i].rb.contains(.weekday)
        else { return nil }
        guard !(g.contains(.ordinaryWord) && lb.contains(.ordinaryWord)), !lb.contains(.drugWord), !lb.contains(.placeWord), !placeSuffix(i + 1),
            !lb.contains(.title), !lb.contains(.weakTitle), !lb.contains(.credential), !lb.contains(.streetType),
            !t[i + 1].rb.contains(.monthName), !t[i + 1].rb.contains(.weekday)
        else { return nil }
        if g.contains(.ordinaryWord) && sentenceStart(i) { return nil }
        // "The Lily Guide", "tried Slim Fast": a given name that is itself a word needs a surname that is not one.
        if (g.contains(.ordinaryWord) || g.contains(.stopWord)) && lb.contains(.ordinaryWord) { return nil }
        if i > 0 && !t[i].nl && (t[i - 1].key == K.the || t[i - 1].key == K.a || t[i - 1].key == K.an) { return nil }
        if i > 0 && !t[i].nl && cap(i - 1) && !t[i - 1].bits.contains(.title) && !t[i - 1].bits.contains(.weakTitle) && !sentenceStart(i - 1)
            && !K.roleWords.contains(t[i - 1].key)
        {
            return nil
        }
        // "Parkinson's", "Bell palsy": possessives and eponym followers make the pair a disease or sign.
        if t[i + 1].base != t[i + 1].key || t[i].base != t[i].key { return nil }
        if i + 2 < t.count && adjacent(i + 2) && punct(i + 2, 0x27) { return nil }
        guard pairEndsAt(i + 1), !afterCount(i) else { return nil }
        if t[i].ps, phrase(at: i, kinds: [.startsPlace, .startsOrganization, .startsFacilityAfter, .startsProfession], where: { _ in true }) != nil {
            return nil
        }
        emitName(i, i + 2, priority: 2, score: 0.7, rule: "name-given-stop-surname")
        return i + 2
    }

    /// The bytes before `s` read `xxx-xx-` (or `XXX-XX-`, `***-**-`, `###-##-`): a masked SSN's first five digits.
    @inline(never) func maskedSSN(_ s: Int) -> Bool {
        guard s >= 7, b[s - 1] == 0x2D, b[s - 4] == 0x2D else { return false }
        let m = b[s - 2]
        guard m == 0x78 || m == 0x58 || m == 0x2A || m == 0x23 else { return false }
        for k in [s - 7, s - 6, s - 5, s - 3, s - 2] where b[k] | (m == 0x58 || m == 0x78 ? 0x20 : 0) != (m == 0x58 || m == 0x78 ? 0x78 : m) {
            return false
        }
        return s == 7 || !isAlnum(b[s - 8])
    }

    /// "user jtrinh", "user rvasquez2": a lower-case login of an initial and a listed surname (digits allowed at the
    /// end) after "user"/"username" (GUIDELINE N: user names written as a person's name are NAME).
    @inline(never) mutating func loginAfterUserCue(_ i: Int) -> Int? {
        guard i > 0, t[i - 1].key == K.user || t[i - 1].key == K.username, i < t.count, isWord(i), !t[i].nl, !cap(i), !covered[i], (5...16).contains(t[i].e - t[i].s), !t[i].bits.contains(.ordinaryWord), !t[i].bits.isName,
            isAlpha(b[t[i].s])
        else { return nil }
        var e = t[i].e
        while e > t[i].s && b[e - 1] &- 0x30 < 10 { e -= 1 }
        guard e - t[i].s >= 5 else { return nil }
        for k in t[i].s..<e where !isAlpha(b[k]) { return nil }
        guard vocab.bits(wordKey(b, t[i].s + 1, e)).contains(.lastName) else { return nil }
        emit(.name, i, i + 1, priority: 3, score: 0.6, rule: "name-username")
        return i + 1
    }

    /// "follow up 1/5", "Follow-up 1/5": token i - 1 is "up" after "follow" (a hyphen between allowed).
    @inline(never) func followUpBefore(_ i: Int) -> Bool {
        guard i > 1, !t[i].nl, !t[i - 1].nl, t[i - 1].key == K.up else { return false }
        if t[i - 2].key == K.follow { return true }
        return i > 2 && punct(i - 2, 0x2D) && t[i - 3].key == K.follow
    }

    /// "next review Feb.": the month at token i follows a date label on its line (not "May").
    @inline(never) func monthAfterDateLabel(_ i: Int) -> Bool {
        t[i].key != K.may && !t[i].nl && K.dateLabels.contains(t[i - 1].key)
    }

    /// The surname of a list pair at j ends place names or, when it is no given name, starts a state's name.
    @inline(never) func pairSurnameIsPlace(_ j: Int) -> Bool {
        vocab.ruleWords.placeSuffixes.contains(t[j].key) || (!t[j].bits.contains(.firstName) && placeSuffix(j))
    }

    /// After a cue and a given name ending at `e`: the end including a capitalised listed surname that the weak name
    /// rules refuse (a word or an eponym: "Price", "Bell"), unless a possessive, an eponym's follower, a drug, place or
    /// title, or another capitalised word makes it something else.
    @inline(never) func cueSurnameEnd(_ e: Int) -> Int {
        guard e < t.count, !t[e].nl, !adjacent(e), cap(e), !t[e].flags.contains(.allUpper) || capsDoc, t[e].e - t[e].s >= 2 else { return e }
        let lb = t[e].bits
        guard lb.contains(.lastName), !lb.contains(.drugWord), !lb.contains(.placeWord), !lb.contains(.title), !lb.contains(.weakTitle),
            !lb.contains(.credential), !lb.contains(.streetType), !t[e].rb.contains(.monthName), t[e].base == t[e].key,
            !placeSuffix(e), pairEndsAt(e), !(e + 1 < t.count && adjacent(e + 1) && punct(e + 1, 0x27))
        else { return e }
        return e + 1
    }
}
