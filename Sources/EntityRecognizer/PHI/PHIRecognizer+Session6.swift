// Session 6 (issue #6 §3, recall on unseen notes): name pairs whose given name is in no list or is an
// ordinary word, and surnames that are eponyms after a frequent given name. Each rule is one out-of-line call
// behind bit tests on the token, so the per-token cost of the walk is unchanged for other words.

extension PHIDetection {
    /// A frequent, unambiguous surname: in the census (or curated) lists as frequent, not an ordinary or
    /// stop-listed word, no place, street, title or credential, written in title case.
    @inline(never) func trustedSurname(_ j: Int) -> Bool {
        guard j < t.count, !t[j].nl, isWord(j), cap(j), !t[j].flags.contains(.allUpper), !covered[j], t[j].e - t[j].s >= 2 else { return false }
        let lb = t[j].bits
        return lb.contains(.lastName) && lb.contains(.frequentLast) && !lb.contains(.ordinaryWord) && !lb.contains(.commonName)
            && !lb.contains(.stopWord) && !lb.contains(.placeWord) && !lb.contains(.streetType) && !lb.contains(.title)
            && !lb.contains(.weakTitle) && !lb.contains(.credential) && !lb.contains(.stateAbbr) && !t[j].rb.contains(.monthName)
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
        guard pairEndsAt(i + 1) else { return nil }
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
        guard pairEndsAt(i + 1) else { return nil }
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
}
