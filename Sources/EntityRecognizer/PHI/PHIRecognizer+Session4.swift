import MedTextCore

// Session-4 rules (issue #6 §3): typist and sign-off initials, initials and lower-case given names before a
// credential, dates of birth without separators, ordinal days after more cues. Each rule is out of line and
// behind a one-flag pre-test at its call site, as the session-3 rules are (DESIGN.md "PHI").

extension PHIDetection {
    /// Initials standing for a person: two to four letters, all capitals or all lower case, not a credential,
    /// title, unit or one of the short words a label can hold instead (`NA`, `nil`, `yes`).
    @inline(never) func initialsToken(_ k: Int) -> Bool {
        guard isWord(k), !t[k].flags.contains(.hasDigit), (2...4).contains(t[k].e - t[k].s) else { return false }
        for c in t[k].s..<t[k].e where !isAlpha(b[c]) { return false }
        let upper = t[k].flags.contains(.allUpper)
        let lower = !upper && !t[k].flags.contains(.titleCase) && b[t[k].s] &- 0x61 < 26
        guard upper || lower else { return false }
        let bits = t[k].bits
        if bits.contains(.credential) || bits.contains(.title) || bits.contains(.weakTitle) || bits.contains(.stateAbbr) { return false }
        if t[k].rb.contains(.shortWord) && K.notInitials.contains(t[k].key) { return false }
        if t[k].rb.contains(.monthName) || t[k].rb.contains(.weekday) { return false }
        return true
    }

    /// A post-nominal at token c, or the AU nursing title `EN` used as one ("KT EN").
    @inline(__always) func credentialAt(_ c: Int) -> Bool {
        // `EN` compared on its bytes: a `K` constant here would cost a lazy-global check on every word.
        isWord(c) && (t[c].bits.contains(.credential)
            || (t[c].e - t[c].s == 2 && b[t[c].s] | 0x20 == 0x65 && b[t[c].s + 1] | 0x20 == 0x6E))
    }

    /// "Typed SH/kb 04.03.2025", "Transcribed: dro/tw", "DICTATED: PDS 03/14/2025", "T: 03/05/2025 16:40 KMW":
    /// typist, dictation and verification initials after their label, one NAME per group of initials.
    @inline(never) mutating func typistInitials(_ i: Int) -> Int? {
        guard K.typistCues.contains(t[i].key), i + 1 < t.count, !covered[i] else { return nil }
        var j = i + 1
        if !t[j].nl && t[j].key == K.by { j += 1 }
        let colon = punct(j, 0x3A) && !t[j].nl
        if colon { j += 1 }
        // One-letter labels ("T:", "D:") need their colon and a date stamp before the initials.
        let short = t[i].e - t[i].s == 1
        if short && !colon { return nil }
        // A lower-case word without a colon is prose ("typed a letter").
        if !colon && !cap(i) { return nil }
        var k = j
        while k < t.count && !t[k].nl && k - j < 8
            && (t[k].kind == .number || (t[k].flags.contains(.hasDigit) && b[t[k].s] &- 0x30 < 10) || punct(k, 0x2F) || punct(k, 0x3A)
                || punct(k, 0x2D) || punct(k, 0x2E) || punct(k, 0x40))
        { k += 1 }
        if short && k == j { return nil }
        guard k < t.count, !t[k].nl, k == j || !adjacent(k) else { return nil }
        var groups: [Int] = []
        var m = k
        while m < t.count && !t[m].nl && !covered[m] && initialsToken(m) && groups.count < 4 {
            groups.append(m)
            m += 1
            guard punct(m, 0x2F) && adjacent(m) && adjacent(m + 1) && m + 1 < t.count else { break }
            m += 1
        }
        guard !groups.isEmpty, m >= t.count || t[m].nl || t[m].kind != .word || (cap(m) && punct(m + 1, 0x3A)) else { return nil }
        // Session 5: "T: 10/03/2025 14:02   job #774102": a word before a number sign or a number is a label.
        if groups.count == 1 && m < t.count && !t[m].nl && (punct(m, 0x23) || t[m].kind == .number) && !t[groups[0]].flags.contains(.allUpper) { return nil }
        // "Verified: NA" / "Checked: ok": a single lower-case word that is an ordinary word is a value, not initials.
        if groups.count == 1 && !t[groups[0]].flags.contains(.allUpper) && t[groups[0]].bits.contains(.ordinaryWord) && !colon { return nil }
        for g in groups { emit(.name, g, g + 1, priority: 3, score: 0.6, rule: "name-initials") }
        return m
    }

    /// Initials right after a sign-off ("Cheers - HP"), ending the line.
    @inline(never) mutating func signOffInitials(_ j: Int) -> Int? {
        guard j < t.count, initialsToken(j), j + 1 >= t.count || t[j + 1].nl else { return nil }
        emit(.name, j, j + 1, priority: 3, score: 0.6, rule: "name-initials")
        return j + 1
    }

    /// "KT EN", "- lk rn", "— JN, RN 0715": initials before a credential, at the start of a line or after a dash,
    /// with nothing but a time or date after the credential.
    @inline(never) mutating func initialsBeforeCredential(_ i: Int) -> Int? {
        guard initialsToken(i), !covered[i] else { return nil }
        var c = i + 1
        if punct(c, 0x2C) { c += 1 }
        guard c < t.count, !t[c].nl, credentialAt(c) else { return nil }
        let atStart = t[i].nl || (i > 0 && t[i - 1].kind == .punctuation && b[t[i - 1].s] != 0x2E && b[t[i - 1].s] != 0x2C
            && (t[i - 1].nl || (i > 1 && t[i - 2].kind != .word)))
        guard atStart else { return nil }
        var e = c + 1
        while e < t.count && !t[e].nl && (t[e].kind == .number || t[e].flags.contains(.hasDigit) || t[e].kind == .punctuation || t[e].kind == .symbol) { e += 1 }
        guard e >= t.count || t[e].nl else { return nil }
        emit(.name, i, i + 1, priority: 3, score: 0.6, rule: "name-initials-credential")
        return c + 1
    }

    /// "report given to crystal rn", "handed over to sione, RN": a listed given name in lower case before a
    /// credential; an ordinary word ("crystal") only after a handover word or a dash.
    @inline(never) mutating func lowerNameBeforeCredential(_ i: Int) -> Int? {
        guard isWord(i), !cap(i), !capsDoc, t[i].e - t[i].s >= 3, !covered[i], !t[i].flags.contains(.hasDigit) else { return nil }
        let bits = t[i].bits
        guard bits.contains(.firstName), !bits.contains(.eponym), !bits.contains(.drugWord), !bits.contains(.title),
            !bits.contains(.credential), !t[i].rb.contains(.monthName)
        else { return nil }
        var c = i + 1
        if punct(c, 0x2C) { c += 1 }
        guard c < t.count, !t[c].nl, credentialAt(c) else { return nil }
        if bits.contains(.ordinaryWord) || bits.contains(.stopWord) {
            guard i > 0, !t[i].nl, K.handoverWords.contains(t[i - 1].key) || (punct(i - 1, 0x2D) && !adjacent(i)) else { return nil }
        }
        // "d. okafor-ellis rn": the hyphenated first part and an initial belong to the name.
        var s = i
        if s >= 2 && punct(s - 1, 0x2D) && adjacent(s) && adjacent(s - 1) && isWord(s - 2) && !covered[s - 2] { s -= 2 }
        if s >= 2 && punct(s - 1, 0x2E) && adjacent(s - 1) && isWord(s - 2) && t[s - 2].e - t[s - 2].s == 1 && !t[s].nl { s -= 2 }
        emitName(s, i + 1, priority: 3, score: 0.7, rule: "name-lower-credential")
        return c + 1
    }

    /// `DOB: 14031958`, `DOB 19580314`: a date of birth written without separators (day-month-year,
    /// month-day-year or year-month-day, whichever is a valid date).
    @inline(never) mutating func compactBirthDate(_ i: Int) -> Int? {
        guard t[i].kind == .number, t[i].e - t[i].s == 8, i > 0, !t[i].nl else { return nil }
        var j = i - 1
        if punct(j, 0x3A) || punct(j, 0x2D) { j -= 1 }
        guard j >= 0, isWord(j) else { return nil }
        // Session 6: after another date label ("Specimen date 20250304", "Collected: 20250304") only year-month-day.
        let birth = K.birthCues.contains(t[j].key)
        guard birth || K.dateLabels.contains(t[j].key) else { return nil }
        guard i + 1 >= t.count || !adjacent(i + 1) || t[i + 1].kind == .punctuation else { return nil }
        var d: [Int] = []
        for c in t[i].s..<t[i].e { d.append(Int(b[c] &- 0x30)) }
        func n(_ a: Int, _ l: Int) -> Int { var v = 0; for k in a..<(a + l) { v = v * 10 + d[k] }; return v }
        let year4 = n(4, 4), yearFirst = n(0, 4)
        let dmy = (1900...2099).contains(year4) && (1...31).contains(n(0, 2)) && (1...12).contains(n(2, 2))
        let mdy = (1900...2099).contains(year4) && (1...12).contains(n(0, 2)) && (1...31).contains(n(2, 2))
        let ymd = (1900...2099).contains(yearFirst) && (1...12).contains(n(4, 2)) && (1...31).contains(n(6, 2))
        guard ymd || (birth && (dmy || mdy)) else { return nil }
        emit(.date, i, i + 1, priority: 4, score: 0.75, rule: birth ? "date-compact-birth" : "date-compact")
        return i + 1
    }

    /// "Cath on the\n16th showed", "starting the 12th": an ordinal day after "the" and a date cue, across a
    /// wrapped line, unless a noun follows that makes it a count ("on the 3rd day", "the 5th floor").
    @inline(never) mutating func ordinalDayAfterThe(_ i: Int) -> Int? {
        guard isWord(i), i >= 2, t[i - 1].key == K.the, !covered[i], ordinalDay(i),
            t[i - 2].key == K.on || t[i - 2].rb.contains(.dayMonthCue) || K.ordinalCues.contains(t[i - 2].key)
        else { return nil }
        if t[i - 1].nl && !softBreak(i - 1) { return nil }
        if t[i].nl && !softBreak(i) { return nil }
        if i + 1 < t.count && !t[i + 1].nl && isWord(i + 1) && K.ordinalNouns.contains(t[i + 1].key) { return nil }
        if i + 1 < t.count && !t[i + 1].nl && (t[i + 1].rb.contains(.monthName) || punct(i + 1, 0x2D)) { return nil }
        emit(.date, i, i + 1, priority: 4, score: 0.65, rule: "date-ordinal-day")
        return i + 1
    }

    /// Token k starts a line that continues a wrapped sentence: the previous line is long (60 bytes or more)
    /// and ends in a word, not a colon or full stop.
    @inline(never) func softBreak(_ k: Int) -> Bool {
        guard k > 0, k < t.count, t[k].nl, t[k - 1].kind == .word else { return false }
        var s = k - 1
        while s > 0 && !t[s].nl { s -= 1 }
        return t[k - 1].e - t[s].s >= 60
    }
}

extension PHIDetection {
    /// A stop-listed given name (`Harmony`, `Ivy`, `Dale`) that may still be propagated or paired: a first name
    /// that is a common word, not an eponym, drug, place, month or title, capitalised in a mixed-case note.
    @inline(never) func stopListedGivenName(_ k: Int) -> Bool {
        guard isWord(k), !capsDoc, cap(k), !t[k].flags.contains(.allUpper), t[k].e - t[k].s >= 3 else { return false }
        let bits = t[k].bits
        return bits.contains(.firstName) && bits.contains(.stopWord) && !bits.contains(.eponym) && !bits.contains(.drugWord)
            && !bits.contains(.placeWord) && !bits.contains(.title) && !bits.contains(.credential) && !t[k].rb.contains(.monthName)
            && !t[k].rb.contains(.weekday)
    }

    /// Token k starts a sentence or a line (after `.`, `:`, `!`, `?`, a dash or a bullet).
    @inline(never) func sentenceStart(_ k: Int) -> Bool {
        k == 0 || t[k].nl || punct(k - 1, 0x2E) || punct(k - 1, 0x3A) || punct(k - 1, 0x21) || punct(k - 1, 0x3F) || punct(k - 1, 0x2D)
            || punct(k - 1, 0x2A)
    }

    /// A stop-listed given name found with strong evidence is propagated only where it cannot be the word:
    /// capitalised, and not at a sentence start if it is also an ordinary word ("Summer", "Faith").
    @inline(never) func stopNameMentionOK(_ k: Int) -> Bool {
        stopListedGivenName(k) && (!t[k].bits.contains(.ordinaryWord) || !sentenceStart(k))
    }

    /// "caseworker Ivy Tran", "physio Penny Tran": a stop-listed given name followed by a listed surname that is
    /// not an ordinary or stop-listed word, inside a sentence.
    @inline(never) mutating func stopFirstPair(_ i: Int) -> Int? {
        // The surname first (cheap bit tests), then the given name and its cue.
        guard i >= 1, i + 1 < t.count, !t[i + 1].nl, t[i + 1].bits.contains(.lastName), cap(i + 1), stopListedGivenName(i), !covered[i],
            !sentenceStart(i)
        else { return nil }
        // Only after a person cue: a role or kinship word, a handover word or a label ("The Lily Guide", "Indigo
        // Carmine dye", "including Slim Fast" stay out).
        let p = t[i - 1]
        guard p.rb.contains(.kinship) || K.handoverWords.contains(p.key) || K.roleWords.contains(p.key) || K.personCues.contains(p.key)
        else { return nil }
        let j = i + 1
        guard !t[j].flags.contains(.allUpper), !covered[j] else { return nil }
        let lb = t[j].bits
        // An ordinary-word surname ("Tran", "Marsh") only after a given name that is not itself an ordinary word.
        guard lb.contains(.lastName), !lb.contains(.ordinaryWord) || !t[i].bits.contains(.ordinaryWord), !lb.contains(.stopWord), !lb.contains(.eponym), !lb.contains(.title),
            !lb.contains(.credential), !lb.contains(.placeWord), !lb.contains(.streetType), !lb.contains(.drugWord)
        else { return nil }
        if j + 1 < t.count && !t[j + 1].nl && cap(j + 1) { return nil }
        if t[i].ps, phrase(at: i, kinds: [.startsPlace, .startsOrganization], where: { _ in true }) != nil { return nil }
        var end = j + 1
        if punct(end, 0x2D) && adjacent(end) && end + 1 < t.count && cap(end + 1) && adjacent(end + 1) { end += 2 }
        emitName(i, end, priority: 2, score: 0.7, rule: "name-pair-stop-first")
        return end
    }
}

extension PHIDetection {
    /// A given name after a naming cue: capitalised or in a lower-case note, listed as a first name, not an
    /// eponym, drug, month, title or credential ("lily", "Rusty").
    @inline(never) func namingCueName(_ j: Int) -> Bool {
        guard isWord(j), !t[j].nl, cap(j) || lowerDoc || !capsDoc, t[j].e - t[j].s >= 2, !t[j].flags.contains(.hasDigit) else { return false }
        let bits = t[j].bits
        return bits.contains(.firstName) && !bits.contains(.eponym) && !bits.contains(.drugWord) && !bits.contains(.title)
            && !bits.contains(.credential) && !t[j].rb.contains(.monthName) && !t[j].rb.contains(.weekday)
    }

    /// "Patient: Ngaio Paewai-Smith": after a label, a capitalised given name that is also an ordinary word,
    /// followed on the same line by a capitalised surname the name rules accept.
    @inline(never) func ordinaryGivenBeforeSurname(_ j: Int) -> Int? {
        guard cap(j), !t[j].flags.contains(.allUpper), !capsDoc, t[j].bits.contains(.ordinaryWord), !t[j].bits.contains(.stopWord),
            !t[j].bits.contains(.title), !t[j].bits.contains(.drugWord), !t[j].bits.contains(.eponym), j + 1 < t.count, !t[j + 1].nl,
            cap(j + 1), !t[j + 1].flags.contains(.allUpper), nameWord(j + 1, strong: true, first: false),
            t[j + 1].bits.contains(.lastName) || !t[j + 1].bits.contains(.ordinaryWord) || (j + 2 < t.count && punct(j + 2, 0x2D) && adjacent(j + 2))
        else { return nil }
        return nameRun(j + 1, strong: true, maxWords: 3)
    }

    /// "JP attended with Ellie", "NA 03/04/2025 15:02": the initials of a two- or three-word name found in the
    /// note stand for that person. Capitals only; a short word a label can hold (`NA`) only at the start of a
    /// line before a date stamp.
    @inline(never) mutating func initialsOfKnownNames() {
        // Most notes have no candidate at all: look for one before building the initials of the names.
        var first = -1
        for i in 0..<t.count where t[i].kind == .word && t[i].e - t[i].s <= 3 && t[i].e - t[i].s >= 2 && t[i].flags.contains(.allUpper)
            && !covered[i] && !named[i]
        {
            first = i
            break
        }
        guard first >= 0 else { return }
        var known: [UInt64] = []
        for c in found where c.entity.type == .name {
            // FNV-1a over the lower-cased initials, as `wordKey` hashes a token.
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            var count = 0
            var k = c.entity.span.start
            var startOfWord = true
            while k < c.entity.span.end {
                let ch = b[k]
                if isAlpha(ch) {
                    if startOfWord && ch &- 0x41 < 26 {
                        h ^= UInt64(ch | 0x20)
                        h &*= 0x100_0000_01b3
                        count += 1
                    }
                    startOfWord = false
                } else {
                    startOfWord = ch == 0x20 || ch == 0x2D
                }
                k += 1
            }
            if (2...3).contains(count) && !known.contains(h) { known.append(h) }
        }
        guard !known.isEmpty else { return }
        for i in first..<t.count where !covered[i] && !named[i] && isWord(i) && (2...3).contains(t[i].e - t[i].s) && t[i].flags.contains(.allUpper)
            && known.contains(t[i].key)
        {
            guard !t[i].bits.contains(.credential), !t[i].bits.contains(.title), !t[i].bits.contains(.stateAbbr) else { continue }
            if punct(i + 1, 0x3A) { continue }  // a label
            if t[i].rb.contains(.shortWord) && K.notInitials.contains(t[i].key) {
                // "NA 03/04/2025 15:02": only as the signature at the start of a line before a date stamp.
                guard t[i].nl, i + 1 < t.count, !t[i + 1].nl, t[i + 1].kind == .number || t[i + 1].flags.contains(.hasDigit) else { continue }
                var e = i + 1
                while e < t.count && !t[e].nl && (t[e].kind == .number || t[e].flags.contains(.hasDigit) || t[e].kind == .punctuation || t[e].kind == .symbol) { e += 1 }
                guard e >= t.count || t[e].nl else { continue }
            }
            emitName(i, i + 1, priority: 2, score: 0.6, rule: "name-initials-known")
        }
    }
}

extension PHIDetection {
    /// "28/2 - 3/3", "3/14 to 3/17", "week of 10/3": the second day/month of a range between two dates (its own
    /// DATE, GUIDELINE D1) and a day/month after "week of".
    @inline(never) mutating func dayMonthAfterRangeOrWeek(_ i: Int) -> Int? {
        guard t[i].kind == .number, i >= 2, !t[i].nl, let e = dayMonth(i) else { return nil }
        var ok = false
        if (punct(i - 1, 0x2D) && !adjacent(i)) || t[i - 1].key == K.to {
            // The token before the dash ends a day/month or a full date.
            let k = i - 2
            ok = k >= 2 && t[k].kind == .number && punct(k - 1, 0x2F) && t[k - 2].kind == .number && !t[i - 1].nl
            // ... and a date rule took it ("Ratio 3/4 to 1/2" stays out).
            if ok {
                ok = false
                for c in found.reversed() where c.entity.type == .date && c.entity.span.end == t[k].e {
                    ok = true
                    break
                }
            }
        } else if t[i - 1].key == K.of && t[i - 2].key == K.week {
            ok = true
        } else if K.approxWords.contains(t[i - 1].key) {
            // "(approx 18/03)": an approximate date only in brackets ("approximately 8/10 in severity" is a score).
            ok = punct(e, 0x29) && i >= 2 && (punct(i - 2, 0x28) || (i >= 3 && punct(i - 3, 0x28)))
        }
        guard ok, !PHIRecognizer.isDuration(b, TextSpan(t[i].s, t[e - 1].e), vocab) else { return nil }
        emit(.date, i, e, priority: 4, score: 0.7, rule: "date-day-month-range-end")
        return e
    }

    /// "the fourteenth of March", "Fourth of July", "first of June 2025": an ordinal word, "of" (optional) and a
    /// month name (and a year).
    @inline(never) mutating func ordinalWordDate(_ i: Int) -> Int? {
        guard isWord(i), K.ordinalWords.contains(t[i].key), i + 1 < t.count, !t[i + 1].nl else { return nil }
        var j = i + 1
        let of = t[j].key == K.of
        if of { j += 1 }
        guard j < t.count, !t[j].nl, isWord(j), t[j].rb.contains(.monthName), t[j].key != K.may || cap(j) else { return nil }
        var e = j + 1
        if punct(e, 0x2C) && e + 1 < t.count && t[e + 1].kind == .number && t[e + 1].e - t[e + 1].s == 4 { e += 1 }
        let year = e < t.count && !t[e].nl && t[e].kind == .number && t[e].e - t[e].s == 4 && (1900...2099).contains(intValue(e))
        if year { e += 1 } else if e > j + 1 { e -= 1 }
        // "first May then June": without "of", only before a year.
        guard of || year else { return nil }
        // "the" stays outside, as before an ordinal day ("on the [[14th]]").
        emit(.date, i, e, priority: 5, score: 0.7, rule: "date-ordinal-word")
        return e
    }
}

extension PHIDetection {
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
}

extension PHIDetection {
    /// "lives in Emeryville", "originally from Rotorua", "moved to Grove City": after a residence or travel word and a
    /// preposition, a capitalised word in no list at all (not a name, not an ordinary word: so no country such as
    /// Vietnam, no agency such as Centrelink), with town words after it. Known places have their own rule.
    @inline(never) mutating func unlistedPlace(_ i: Int) -> Int? {
        guard K.residencePrepositions.contains(t[i - 1].key), !t[i - 1].nl, !t[i].nl, isWord(i - 2),
            K.residenceWords.contains(t[i - 2].key), t[i].e - t[i].s >= 4, !t[i].flags.contains(.hasDigit), !covered[i],
            !K.agencies.contains(t[i].key),
            !t[i].ps || phrase(at: i, kinds: [.startsOrganization, .startsFacilityAfter, .startsStateName], where: { _ in true }) == nil
        else { return nil }
        // "is from" and "comes from" only before "from".
        if (t[i - 2].key == K.is || t[i - 2].key == K.comes || t[i - 2].key == K.came || t[i - 2].key == K.family) && t[i - 1].key != K.from { return nil }
        var e = i + 1
        while e < t.count && !t[e].nl && e - i < 3 && cap(e) && K.townWords.contains(t[e].key) { e += 1 }
        // A facility or organisation word after it makes it an organisation ("moved to Kinross Aged Care").
        if e < t.count && !t[e].nl && cap(e) { return nil }
        emit(.address, i, e, priority: 3, score: 0.65, rule: "address-unlisted-place")
        return e
    }
}
