import MedTextCore

// Identifiers beyond the labelled ID shapes: numbers after a patient name, extensions, long numbers, hash codes,
// masked SSNs and logins.
// Each rule is out of line and behind a one-flag pre-test at its call site (DESIGN.md "PHI").

/// Single word keys of the identifier rules of this file (their word sets are in `phi/rule_words.tsv`).
/// Each key is the literal ``wordKey(_:)`` of the word in its comment (session 15, as ``K``): a `static let` cost a
/// lazy-global check (`swift_once`) at every read; `PHIWordKeyLiteralTests` recomputes every literal from its word.
enum IdentifierKeys {
    @inline(__always) static var ending: UInt64 { 0xba075a8a47144f76 }  // "ending"
    @inline(__always) static var endingIn: UInt64 { 0x08b73807b55c4bbe }  // "in"
    @inline(__always) static var badge: UInt64 { 0x10bda981fe095518 }  // "badge"
    @inline(__always) static var paged: UInt64 { 0xab01e7a76a488cb6 }  // "paged"
    @inline(__always) static var page: UInt64 { 0x038b2a0deba58916 }  // "page"
    @inline(__always) static var bleeped: UInt64 { 0xf23bda12b6ccecd6 }  // "bleeped"
    @inline(__always) static var extensionWord: UInt64 { 0x1f82d98c5190e81a }  // "extension"
}

extension PHIDetection {
    /// `Meridian, ID 83642`, `Boise, ID (83704)`: the capital `ID` at token i follows a comma after a word and comes
    /// before an Idaho ZIP code (83200-83899), so it is the state, not an identifier cue (`Smith, ID 55321` stays one).
    @inline(never) func idahoZIPAfter(_ i: Int) -> Bool {
        guard i >= 2, punct(i - 1, 0x2C), isWord(i - 2), i + 1 < t.count, !t[i + 1].nl else { return false }
        let z = punct(i + 1, 0x28) ? i + 2 : i + 1
        guard z < t.count, t[z].kind == .number, t[z].e - t[z].s == 5 else { return false }
        return (832...838).contains(intValue(z) / 100)
    }

    /// Token k is `ending` or `in` (compared by bytes: this runs before every number).
    @inline(__always) func endingOrIn(_ k: Int) -> Bool {
        let s = t[k].s, n = t[k].e - s
        if n == 2 { return b[s] | 0x20 == 0x69 && b[s + 1] | 0x20 == 0x6E }
        return n == 6 && b[s] | 0x20 == 0x65 && b[s + 1] | 0x20 == 0x6E && b[s + 5] | 0x20 == 0x67 && t[k].key == IdentifierKeys.ending
    }

    /// `card on file ending 4471`, `account ending in 0918`: the last three to six digits of a card or account number
    /// after `ending (in)`, when a card or account word is among the six words before.
    @inline(never) func cardEndingDigits(_ i: Int) -> Int? {
        guard (3...6).contains(t[i].e - t[i].s), i > 0, !t[i].nl else { return nil }
        var k = i - 1
        if t[k].key == IdentifierKeys.endingIn && k > 0 { k -= 1 }
        guard t[k].key == IdentifierKeys.ending, !t[k].nl || k == i - 1 else { return nil }
        if i + 1 < t.count && adjacent(i + 1) && !(punct(i + 1, 0x2E) || punct(i + 1, 0x2C) || punct(i + 1, 0x29) || punct(i + 1, 0x3B)) { return nil }
        var j = k - 1
        while j >= 0 && k - j <= 6 && !t[j + 1].nl {
            if isWord(j) && inSet(.cardWords, t[j].key) { return i + 1 }
            j -= 1
        }
        return nil
    }

    /// `constable Hayes #4471`, `badge #0917`, `Sgt K. Whiteley #2231`: a `#` number of three to six digits after a rank
    /// word (with or without a name between) is a badge number.
    @inline(never) func badgeNumber(_ h: Int) -> Int? {
        guard h + 1 < t.count, t[h + 1].kind == .number, adjacent(h + 1), (3...6).contains(t[h + 1].e - t[h + 1].s) else { return nil }
        if h + 2 < t.count && adjacent(h + 2) && !(t[h + 2].kind == .punctuation && !punct(h + 2, 0x2D) && !punct(h + 2, 0x2F)) { return nil }
        var j = h - 1
        while j >= 0 && h - j <= 4 && !t[j + 1].nl {
            if isWord(j) && inSet(.rankWords, t[j].key) { return h + 2 }
            if !(isWord(j) && (cap(j) || initial(j))) && !punct(j, 0x2E) { break }
            j -= 1
        }
        return nil
    }

    /// "Patient: Jane Citizen 4471203", "SMITH, John  00482913  M": a bare number of six to ten digits right after
    /// a name on its line, ending the line or followed by a wide gap, is the record number of a label header.
    @inline(never) mutating func idsAfterNames() {
        for e in nameEnds where e < t.count && !t[e].nl && t[e].kind == .number && !covered[e] {
            let len = t[e].e - t[e].s
            guard (6...10).contains(len), t[e].s > t[e - 1].e else { continue }
            // Only after a name under a patient label ("Patient:", "Name:"), not after any capitalised pair.
            var labelled = false
            for c in found.reversed() where c.entity.type == .name && c.entity.span.end == t[e - 1].e {
                labelled = c.entity.evidence.first?.ruleID == "phi:name-label-patient"
                break
            }
            guard labelled else { continue }
            let endsField = e + 1 >= t.count || t[e + 1].nl || t[e + 1].s - t[e].e >= 2
            guard endsField else { continue }
            emit(.id, e, e + 1, priority: 3, score: 0.6, rule: "id-after-name")
        }
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
        // "platelets 1,240,000", "grew 50-100,000 colonies": thousands separators make a count, never an identifier.
        for k in i..<e where t[k].kind == .number { for c in t[k].s..<t[k].e where b[c] == 0x2C { return nil } }
        if e < t.count && adjacent(e) && !(t[e].kind == .punctuation && !punct(e, 0x2D) && !punct(e, 0x2F)) { return nil }
        if e < t.count && !t[e].nl && isWord(e) && t[e].rb.contains(.auxWord) && inSet(.quantityUnits, t[e].key) { return nil }
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

    /// The last four digits of a masked SSN at number token i ("xxx-xx-4418"), emitted as ID.
    @inline(never) mutating func maskedSSNDigits(_ i: Int) -> Int? {
        guard maskedSSN(t[i].s) else { return nil }
        emit(.id, i, i + 1, priority: 4, score: 0.8, rule: "id-masked-ssn")
        return i + 1
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
    /// end) after "user"/"username" (GUIDELINE N: user names written as a person's name are NAME). `afterCue`: right
    /// after another person cue (`signed`, `by`), where the login must end in digits or come before a credential
    /// (`signed kmaxwell2 rn`, `printed by mrodriguez3`), so an ordinary lower-case word after the cue stays out.
    @inline(never) mutating func loginAfterUserCue(_ i: Int, afterCue: Bool = false) -> Int? {
        guard i > 0, i < t.count else { return nil }
        // Session 15: "app login mochoa72", "LOGIN: SPETTIGREW", "portal username ...": any word of `login_cues`, maybe with
        // its colon.
        let c = punct(i - 1, 0x3A) && i >= 2 && !t[i - 1].nl ? i - 2 : i - 1
        let userCue = t[i - 1].key == K.user || t[i - 1].key == K.username || (isWord(c) && inSet(.loginCues, t[c].key))
        // Session 15: a login in capitals after a login cue or `BY` in capitals (`LAST EDIT ... BY SPETTIGREW`).
        let caps = t[i].flags.contains(.allUpper) && (userCue || t[i - 1].key == K.by) && t[c].flags.contains(.allUpper)
        guard userCue || afterCue, isWord(i), !t[i].nl, !cap(i) || caps, !covered[i], (5...16).contains(t[i].e - t[i].s), !t[i].bits.contains(.ordinaryWord), !t[i].bits.isName,
            isAlpha(b[t[i].s])
        else { return nil }
        var e = t[i].e
        while e > t[i].s && b[e - 1] &- 0x30 < 10 { e -= 1 }
        guard e - t[i].s >= 5 else { return nil }
        for k in t[i].s..<e where !isAlpha(b[k]) { return nil }
        // The initial (session 15: or two or three, `rlbegay`, `jmpatterson`) before a listed surname of four letters or more.
        var surname = false
        for skip in 1...3 where e - t[i].s - skip >= 4 && vocab.bits(wordKey(b, t[i].s + skip, e)).contains(.lastName) { surname = true }
        guard surname else { return nil }
        if !userCue && e == t[i].e && !caps && !(i + 1 < t.count && !t[i + 1].nl && t[i + 1].bits.contains(.credential)) { return nil }
        emit(.name, i, i + 1, priority: 3, score: 0.6, rule: "name-username")
        return i + 1
    }
}

// MARK: short codes after reference cues

extension PHIDetection {
    /// "Booking code K7Q-22X", "Confirmation code 7QX2", "Ref AB12C", "Pt ID SIP-MR2": after a cue that names a
    /// reference, booking, confirmation or access code (`short_code_cues`, at the cue or among the fillers from `i` to
    /// `j`), a code with fewer than four digits is still an ID when it is written in capitals and digits only (letters
    /// and at least one digit, four to twelve of them, inner hyphens allowed). Lower-case letters (`HbA1c`), words without
    /// digits (`Group A`) and shorter codes (`2B`) stay out.
    @inline(never) func shortCode(_ i: Int, _ j: Int, _ e: Int) -> Bool {
        var cued = false
        for k in i..<j where isWord(k) && inSet(.shortCodeCues, t[k].key) { cued = true }
        guard cued, e > j else { return false }
        var letters = 0, digits = 0
        for c in t[j].s..<t[e - 1].e {
            let x = b[c]
            if x &- 0x30 < 10 { digits += 1 } else if x &- 0x41 < 26 { letters += 1 } else if x != 0x2D { return false }
        }
        return letters >= 1 && digits >= 1 && (4...12).contains(letters + digits)
    }
}

// MARK: messaging handles

extension PHIDetection {
    /// "Discord handle: @skydancer_jw", "Instagram @kiri.t": an `@` handle (not inside an e-mail) after a handle cue
    /// (`handle_cues`) earlier on its line is an ID (GUIDELINE §2: messaging and app handles that are not names). The
    /// `@` at `i` starts the span; letters, digits, `_` and inner `.` follow, three to thirty of them.
    @inline(never) mutating func messagingHandle(_ i: Int) -> Int? {
        guard i + 1 < t.count, adjacent(i + 1), i == 0 || !adjacent(i) || !(isWord(i - 1) || t[i - 1].kind == .number) else { return nil }
        var e = i + 1
        var len = 0
        while e < t.count && adjacent(e) && !t[e].nl
            && (isWord(e) || t[e].kind == .number || punct(e, 0x5F)
                || (punct(e, 0x2E) && e + 1 < t.count && adjacent(e + 1) && (isWord(e + 1) || t[e + 1].kind == .number)))
        {
            len += t[e].e - t[e].s
            e += 1
        }
        guard (3...30).contains(len), !(e < t.count && adjacent(e) && punct(e, 0x40)) else { return nil }
        // Session 16: "runs a TikTok account (handle" / "@rowsfast)": a handle cue ending the line before, the handle
        // opening the next.
        guard handleCueBefore(i, wrapped: true) else { return nil }
        emit(.id, i, e, priority: 4, score: 0.7, rule: "id-messaging-handle")
        return e
    }

    /// A handle cue (`handle_cues`) at most eight tokens before token i on its line; with `wrapped`, also a cue word
    /// ending the line before when token i opens its line.
    @inline(never) func handleCueBefore(_ i: Int, wrapped: Bool) -> Bool {
        var k = i - 1
        var n = 0
        while k >= 0 && n < 8 && (!t[k + 1].nl || (wrapped && k == i - 1 && isWord(k))) {
            if isWord(k) && inSet(.handleCues, t[k].key) { return true }
            k -= 1
            n += 1
        }
        return false
    }
}

// MARK: identifier shapes and their precision guards

extension PHIDetection {
    /// `Drug trolley asset tag AT-20417`, `scanner asset #55123`: an asset tag of ward equipment identifies no patient,
    /// record or patient's device (GUIDELINE §9, decision of session 10): an `asset_words` word among the three tokens
    /// before token j on its line.
    @inline(never) func afterAssetWord(_ j: Int) -> Bool {
        var k = j - 1
        while k >= 0 && j - k <= 3 && !t[k + 1].nl {
            if isWord(k) && inSet(.assetWords, t[k].key) { return true }
            k -= 1
        }
        return false
    }

    /// `W0417 26 118833 Z`, `W1234 25 654321`: a blood-unit donation identification number (ISBT 128: a capital and four
    /// digits for the collecting facility, two for the year, six for the donation, and an optional check character),
    /// written with single spaces, at token i (the capital); the end of the number, or nil. An ID (GUIDELINE §9, decision
    /// of session 11): it traces back to one donor. No clinical value has this shape.
    @inline(never) func donationNumber(_ i: Int) -> Int? {
        guard i + 3 < t.count, isWord(i), t[i].e - t[i].s == 1, b[t[i].s] &- 0x41 < 26, i == 0 || !adjacent(i) || punct(i - 1, 0x28),
            t[i + 1].kind == .number, adjacent(i + 1), t[i + 1].e - t[i + 1].s == 4,
            t[i + 2].kind == .number, t[i + 2].s == t[i + 1].e + 1, t[i + 2].e - t[i + 2].s == 2, !t[i + 2].nl,
            t[i + 3].kind == .number, t[i + 3].s == t[i + 2].e + 1, t[i + 3].e - t[i + 3].s == 6, !t[i + 3].nl
        else { return nil }
        var e = i + 4
        // The check character: one capital or digit after a single space.
        if e < t.count, !t[e].nl, t[e].s == t[e - 1].e + 1, t[e].e - t[e].s == 1, b[t[e].s] &- 0x41 < 26 || b[t[e].s] &- 0x30 < 10,
            e + 1 >= t.count || !adjacent(e + 1) || t[e + 1].kind == .punctuation
        { e += 1 }
        guard e >= t.count || !adjacent(e) || t[e].kind == .punctuation else { return nil }
        return e
    }

    /// `G2P1102`, `G3P2`: obstetric gravida/para shorthand at token i, no identifier.
    @inline(never) func obstetricShorthand(_ i: Int, _ e: Int) -> Bool {
        let s = t[i].s, end = t[e - 1].e
        guard end - s >= 4, b[s] | 0x20 == 0x67 else { return false }
        var k = s + 1
        var sawP = false, digitsAfterP = 0
        while k < end {
            let c = b[k]
            if c &- 0x30 < 10 { if sawP { digitsAfterP += 1 } } else if c | 0x20 == 0x70 && !sawP && k > s + 1 { sawP = true } else { return false }
            k += 1
        }
        return sawP && digitsAfterP >= 1 && b[s + 1] &- 0x30 < 10
    }

    /// `715 health check`, `721 care plan`: an MBS item number named before its service (GUIDELINE §9: MBS item
    /// numbers are no ID): the word after token e - 1 is a service head (`item_service_heads`) and one of the next two
    /// words a service tail (`item_service_tails`).
    @inline(never) func itemServiceAfter(_ e: Int) -> Bool {
        e > 0 && e <= t.count && PHIRecognizer.itemServiceFollows(b, t[e - 1].e, vocab.ruleWords)
    }

    /// `DISPATCHED 0322  AT PT 0418  DEPART 0451`: after the patient cue `PT`, four digits that read as a 24-hour
    /// clock time are a time (a run log), not a record number.
    @inline(never) func clockAfterPatientCue(_ i: Int, _ j: Int, _ e: Int) -> Bool {
        guard t[i].key == K.pt, e == j + 1, t[j].kind == .number, t[j].e - t[j].s == 4 else { return false }
        let v = intValue(j)
        return v / 100 < 24 && v % 100 < 60
    }

    /// `RA lead BBK 40217 V`, `generator serial PJN 882143 S`: a device serial written in spaced groups, two to four
    /// capitals, five to eight digits and one capital check letter, at token i (the capitals). No clinical text has
    /// this shape (a lab value has a unit, not a letter group, on both sides).
    @inline(never) func spacedSerial(_ i: Int) -> Int? {
        guard i + 2 < t.count, isWord(i), t[i].flags.contains(.allUpper), (2...4).contains(t[i].e - t[i].s),
            i == 0 || !adjacent(i) || punct(i - 1, 0x28),
            t[i + 1].kind == .number, !t[i + 1].nl, t[i + 1].s == t[i].e + 1, (5...8).contains(t[i + 1].e - t[i + 1].s),
            isWord(i + 2), !t[i + 2].nl, t[i + 2].s == t[i + 1].e + 1, t[i + 2].e - t[i + 2].s == 1, b[t[i + 2].s] &- 0x41 < 26
        else { return nil }
        let e = i + 3
        guard e >= t.count || !adjacent(e) || (t[e].kind == .punctuation && !punct(e, 0x2D) && !punct(e, 0x2F)) else { return nil }
        if i > 0 && isWord(i - 1) && inSet(.lotWords, t[i - 1].key) { return nil }
        return e
    }

    /// `via Medical Objects (NBMED-QLD-4471)`, `Argus: DRSMITH-4471`: a secure-messaging address after the name of a
    /// messaging service (`messaging_services`; the last word of the service's name) and an optional bracket or colon:
    /// capitals, digits and hyphens with at least one hyphen and three digits.
    @inline(never) func messagingAddress(_ i: Int) -> Int? {
        guard isWord(i), t[i].flags.contains(.allUpper), i >= 1 else { return nil }
        var k = i - 1
        if punct(k, 0x28) || punct(k, 0x3A) { k -= 1 }
        guard k >= 0, isWord(k), !t[k + 1].nl, inSet(.messagingServices, t[k].key) else { return nil }
        var e = i
        var digits = 0, hyphens = 0
        while e < t.count && (e == i || adjacent(e)) {
            if punct(e, 0x2D) && e + 1 < t.count && adjacent(e + 1) && t[e + 1].kind != .punctuation {
                hyphens += 1
            } else if isWord(e) || t[e].kind == .number {
                for c in t[e].s..<t[e].e {
                    if b[c] &- 0x30 < 10 { digits += 1 } else if b[c] &- 0x41 >= 26 { return nil }
                }
            } else {
                break
            }
            e += 1
        }
        guard hyphens >= 1, digits >= 3, e - i >= 3 else { return nil }
        return e
    }

    /// `paged med reg dr aroha tipene on 4418`: a pager number after `on`, when the clause began with a paging verb
    /// (`paged`, `page`, `bleeped`) within the ten tokens before on the same line (GUIDELINE §7: pager numbers). Three
    /// to five digits; never a clock time with `hrs`/`h` after it or a number that a unit follows.
    @inline(never) func pagerAfterPagedOn(_ i: Int) -> Bool {
        guard i >= 3, t[i].kind == .number, (3...5).contains(t[i].e - t[i].s), !t[i].nl else { return false }
        if punct(i - 1, 0x28) {
            // Session 16: `(7719)`: the number alone in the bracket, and no clock time (`(0240)`).
            let v = intValue(i)
            guard adjacent(i), i + 1 < t.count, punct(i + 1, 0x29), adjacent(i + 1), !(t[i].e - t[i].s == 4 && v / 100 < 24 && v % 100 < 60)
            else { return false }
        } else {
            guard t[i - 1].key == K.on, !adjacent(i) else { return false }
        }
        if i + 1 < t.count && !t[i + 1].nl && (adjacent(i + 1) && !(punct(i + 1, 0x2E) || punct(i + 1, 0x2C) || punct(i + 1, 0x3B) || punct(i + 1, 0x29))) { return false }
        if i + 1 < t.count && !t[i + 1].nl && isWord(i + 1) && (inSet(.timeWords, t[i + 1].key) || inSet(.quantityUnits, t[i + 1].key)) { return false }
        var k = i - 2
        while k >= 0 && i - k <= 10 && !t[k + 1].nl {
            if punct(k, 0x2E) || punct(k, 0x3B) { return false }
            if isWord(k) && (t[k].key == IdentifierKeys.paged || t[k].key == IdentifierKeys.page || t[k].key == IdentifierKeys.bleeped) { return true }
            k -= 1
        }
        return false
    }

    /// `193-418-220`, `4471-2290-118`: three or more dash-separated groups of three or four digits (nine digits or
    /// more), standing alone. No phone (3-3-4 is taken by the phone scanner first), date (2-2-4, 4-2-2) or range has
    /// this shape.
    @inline(never) func groupedNumberID(_ i: Int) -> Int? {
        guard i == 0 || !adjacent(i) || punct(i - 1, 0x28) || punct(i - 1, 0x3A) else { return nil }
        var e = i
        var groups = 0, digits = 0
        while e < t.count && t[e].kind == .number && (3...4).contains(t[e].e - t[e].s) && (e == i || adjacent(e)) {
            groups += 1
            digits += t[e].e - t[e].s
            e += 1
            guard e + 1 < t.count, punct(e, 0x2D), adjacent(e), adjacent(e + 1), t[e + 1].kind == .number else { break }
            e += 1
        }
        guard groups >= 3, digits >= 9, t[e - 1].kind == .number else { return nil }
        if e < t.count && adjacent(e) && !(t[e].kind == .punctuation && !punct(e, 0x2D) && !punct(e, 0x2F)) { return nil }
        return e
    }
}

extension PHIRecognizer {
    /// The bytes after `end` read a service named after an MBS item number (`health check`, `care plan`, `mental health
    /// plan`): a head word of `item_service_heads` on the same line, then a tail of `item_service_tails` among the next
    /// two words. Byte-level, for the scanner's IDs and the token rules alike.
    static func itemServiceFollows(_ b: UnsafeBufferPointer<UInt8>, _ end: Int, _ words: PHIRuleWords) -> Bool {
        var k = end
        guard k < b.count, b[k] == 0x20 else { return false }
        var n = 0
        while n < 3 {
            while k < b.count && b[k] == 0x20 { k += 1 }
            let s = k
            while k < b.count && isAlpha(b[k]) { k += 1 }
            guard k > s else { return false }
            let key = wordKey(b, s, k)
            if n == 0 {
                guard words.contains(.itemServiceHeads, key) else { return false }
            } else if words.contains(.itemServiceTails, key) {
                return true
            }
            n += 1
        }
        return false
    }
}
