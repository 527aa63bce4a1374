import MedTextCore

// The out-of-line token patterns tried after the core ones declined a token, and their shared helpers.
// Each rule is out of line and behind a one-flag pre-test at its call site (DESIGN.md "PHI").

extension PHIDetection {
    /// Token k starts a line that continues a wrapped sentence: the previous line is long (60 bytes or more)
    /// and ends in a word, not a colon or full stop.
    @inline(never) func softBreak(_ k: Int) -> Bool {
        guard k > 0, k < t.count, t[k].nl, t[k - 1].kind == .word else { return false }
        var s = k - 1
        while s > 0 && !t[s].nl { s -= 1 }
        return t[k - 1].e - t[s].s >= 60
    }

    /// Session-5 token patterns, tried after every older one declined the token: a day/month after any word,
    /// ages in header shapes, long numbers and `#` codes as IDs.
    @inline(never) mutating func laterTokenPatterns(_ i: Int) -> Int? {
        let tok = t[i]
        if tok.kind == .number {
            // Session 6: the last four digits of a masked SSN ("xxx-xx-4418"); "He is 58, ..." (an age after "he/she is").
            if tok.e - tok.s == 4 && tok.s >= 7 && b[tok.s - 1] == 0x2D, let e = maskedSSNDigits(i) { return e }
            if i >= 2 && t[i - 1].kind == .word && t[i - 1].e - t[i - 1].s <= 3, let e = pronounAgeAt(i) { return e }
            if punct(i + 1, 0x2F), let e = dayMonthAfterWord(i) {
                emit(.date, i, e, priority: 4, score: 0.6, rule: "date-day-month-after-word")
                return e
            }
            // "72/F", "M/45", "2 wk old": an age beside a sex letter and a slash, or before an abbreviated unit and `old`.
            if tok.e - tok.s <= 3, punct(i + 1, 0x2F) || punct(i - 1, 0x2F) || (i + 2 < t.count && t[i + 2].key == AgeKeys.old),
                let rule = ageBesideSexOrUnit(i)
            {
                emitAgeToken(i, rule: rule)
                return i + 1
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
            // "card ending 4471", "ending in 0918": a byte test on the word before (no key read per number).
            if i > 0 && (len >= 3 && len <= 6) && endingOrIn(i - 1), let e = cardEndingDigits(i) {
                emit(.id, i, e, priority: 3, score: 0.6, rule: "id-card-ending")
                return e
            }
            if len >= 8 || ((2...4).contains(len) && punct(i + 1, 0x2D)), let e = longNumberID(i) {
                emit(.id, i, e, priority: 3, score: 0.6, rule: "id-long-number")
                return e
            }
            // "Verified ID: CO driver license" / "193-418-220": three or more dash-separated digit groups.
            if (3...4).contains(len) && punct(i + 1, 0x2D), let e = groupedNumberID(i) {
                emit(.id, i, e, priority: 3, score: 0.6, rule: "id-grouped-number")
                return e
            }
        } else if punct(i, 0x23), i + 1 < t.count, adjacent(i + 1), !(i > 0 && isWord(i - 1) && inSet(.lotWords, t[i - 1].key)),
            let e = hashCode(i + 1), !afterAssetWord(i + 1)
        {
            // "Walgreens #11872": after a capitalised word the number may be a store number inside an organisation's
            // name (GUIDELINE O3); below the organisation rules' priority, so a found organisation takes it.
            let storeNumber = i > 0 && isWord(i - 1) && cap(i - 1) && !adjacent(i)
            emit(.id, i + 1, e, priority: storeNumber ? 2 : 3, score: 0.6, rule: "id-hash-code")
            return e
        } else if punct(i, 0x23), i > 0, i + 2 < t.count, punct(i + 1, 0x3A), adjacent(i + 1), !adjacent(i + 2), !t[i + 2].nl,
            isWord(i - 1), cap(i - 1), !inSet(.lotWords, t[i - 1].key), let e = hashCode(i + 2), !afterAssetWord(i + 2)
        {
            // Session 13: "NMCD #: 88142-07", "Booking #: 4471-2209": a label, `#:` and a value of five or more digits.
            emit(.id, i + 2, e, priority: 3, score: 0.6, rule: "id-hash-colon-code")
            return e
        } else if punct(i, 0x23), i > 0, !adjacent(i), let e = badgeNumber(i) {
            emit(.id, i + 1, e, priority: 3, score: 0.6, rule: "id-badge")
            return e
        }
        return nil
    }
}
