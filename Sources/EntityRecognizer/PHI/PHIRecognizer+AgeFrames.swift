import MedTextCore

// MARK: ages in more frames (issue #6, helper `phinames`, session 15)

extension PHIDetection {
    /// Ages at number token `i` in frames the other age rules do not read (session 15), each emitted here; the end of
    /// the span, or nil.
    /// - `Started drinking at 14.`, `left school at 16 (Year 10)`: an onset verb (`onset_verbs`), one word of what was
    ///   begun or left (`onset_objects`) and `at` before a one- or two-digit number that closes the clause or opens a
    ///   bracket (`started heparin at 18:00`, `started work at 5 mg` do not take the frame).
    /// - `Age nearest birthday: 47`, `Age last birthday: 62`: an insurance form's age label (`age`, one word, `birthday`).
    /// - `CA at testing: 6;4`, `Chronological age: 4;11`: years;months after a label with `age` or `CA` (the span holds
    ///   both numbers, as paediatric reports write them).
    /// - Session 16: `(mother, 47)`: a relative noun alone in a bracket before the age; `Age at vaccination: 68`: a label
    ///   opened by `age at` and one word.
    @inline(never) mutating func agesInOnsetAndLabelFrames(_ i: Int) -> Int? {
        guard i >= 2, !t[i].nl, t[i].e - t[i].s <= 2 else { return nil }
        if t[i - 1].key == K.at, ageNumber(i, sentenceEnd: true), !t[i - 1].nl, i >= 3, isWord(i - 2), !t[i - 2].nl,
            inSet(.onsetObjects, t[i - 2].key), isWord(i - 3), inSet(.onsetVerbs, t[i - 3].key),
            asideEnd(i + 1) || (punct(i + 1, 0x28) && !adjacent(i + 1))
        {
            emitAgeToken(i, rule: "age-onset")
            return i + 1
        }
        if punct(i - 1, 0x3A), i >= 4, t[i - 2].key == K.birthday, t[i - 4].key == K.age, !t[i - 1].nl, !t[i - 2].nl, !t[i - 3].nl,
            isWord(i - 3), ageNumber(i, sentenceEnd: true), asideEnd(i + 1) || (i + 1 < t.count && t[i + 1].s - t[i].e >= 2)
        {
            emitAgeToken(i, rule: "age-birthday-label")
            return i + 1
        }
        // Session 16: "(mother, 47)", "Kayla (girlfriend, 19)": a relative or companion noun alone in a bracket, a comma and
        // a number that closes the bracket.
        if punct(i - 1, 0x2C), i >= 3, i + 1 < t.count, punct(i + 1, 0x29), isWord(i - 2), punct(i - 3, 0x28), !t[i - 1].nl,
            !t[i - 2].nl, !t[i + 1].nl, inSet(.kinship, t[i - 2].base), ageNumber(i), intValue(i) >= 1
        {
            emitAgeToken(i, rule: "age-bracketed-relative")
            return i + 1
        }
        // Session 16: "mother living, 72, type 2 diabetes", "Cousin Brendan (son of II-3), 33, rectal polyp": a number between
        // commas in a clause about a relative (a `kinship` word among the eight tokens before it on its line, no `.`, `;`
        // or `:` between) is the relative's age.
        if punct(i - 1, 0x2C), i + 1 < t.count, punct(i + 1, 0x2C) || punct(i + 1, 0x3B), !t[i - 1].nl, !t[i + 1].nl,
            ageNumber(i), intValue(i) >= 1, kinshipEarlierInClause(i - 2)
        {
            emitAgeToken(i, rule: "age-relative-between-commas")
            return i + 1
        }
        // Session 16: "Age at vaccination: 68 years", "Age at diagnosis: 52": a label opened by `age`, `at` and one word
        // (not `Gestational age at birth: 32 weeks`, whose label `age` does not open).
        if punct(i - 1, 0x3A), i >= 4, t[i - 3].key == K.at, t[i - 4].key == K.age, isWord(i - 2), !t[i - 1].nl, !t[i - 2].nl,
            !t[i - 3].nl, t[i - 4].nl || i == 4 || !isWord(i - 5), ageNumber(i),
            asideEnd(i + 1) || (i + 1 < t.count && isWord(i + 1) && inSet(.ageUnits, t[i + 1].key)) || (i + 1 < t.count && t[i + 1].s - t[i].e >= 2)
        {
            emitAgeToken(i, rule: "age-at-label")
            return i + 1
        }
        // Session 18 (phiage): "First episode of psychosis at 22 in the context of", "moved to Portland at 9.", "juvenile
        // adjudication at 16 (theft)", "died suddenly at 52 while hiking": a life event (`age_event_words`, or a death word)
        // among the three words before `at` in its clause, and a one- or two-digit number that closes the clause or is
        // followed by a word of `age_event_followers` (not a part of the day: `moved at 10 in the morning`).
        if t[i - 1].key == K.at, !t[i - 1].nl, ageNumber(i, sentenceEnd: true), lifeEventBefore(i - 2), lifeEventAgeCloses(i + 1) {
            emitAgeToken(i, rule: "age-life-event")
            return i + 1
        }
        // Session 18 (phiage): "Daughter Nora is now 3.", "Sione is now 5 and starts school", "Daniel, who is 15, fainted",
        // "II-1 mother Eleni, breast cancer at 49, now 71, lives in": an age after `is now` or `who is` with a person before
        // it, or after `, now` in a clause about a relative.
        if t[i - 1].key == K.now || t[i - 1].key == K.is, !t[i - 1].nl, ageNumber(i, sentenceEnd: true), intValue(i) >= 1,
            nowAgeCloses(i + 1), nowAgeSubject(i - 1)
        {
            emitAgeToken(i, rule: "age-now")
            return i + 1
        }
        // years;months
        if i + 2 < t.count, punct(i + 1, 0x3B), adjacent(i + 1), adjacent(i + 2), t[i + 2].kind == .number, t[i + 2].e - t[i + 2].s <= 2,
            intValue(i + 2) < 12, intValue(i) <= 21, punct(i - 1, 0x3A), yearsMonthsLabel(before: i - 1),
            asideEnd(i + 3) || (i + 3 < t.count && t[i + 3].s - t[i + 2].e >= 2)
        {
            emit(.age, i, i + 3, priority: 4, score: 0.8, rule: "age-years-months")
            return i + 3
        }
        return agesInHeaderAndListFrames(i)
    }

    /// Session 20 (phiage): ages at number token `i` in header, label, family-list and substance frames, each emitted
    /// here; the end of the span, or nil.
    /// - `DOB 02/11/1955   71 M`, `DOB 03/08/2025, 15 months`, `dob 3/1/1952   74 y f`: the number right after a date of
    ///   birth (``dobDateBefore(_:)``), then a sex letter, an age unit, `y`/`yo`, a clause end or a wide gap.
    /// - `Age/Sex: 67 M`, `Age today: 15 days`: the number after these labels.
    /// - `children Archer (11) and Poppy`, `daughters Mele (12) and⏎Ana (9)`: a bracketed age after a capitalised name in a
    ///   list opened by a plural relative (``kinListBefore(_:)``); the name (up to three words) is emitted too.
    /// - `alcohol since 14, heaviest`, `Cannabis daily from 16 to 24;`: an age after `since`/`from` with a substance or
    ///   habit of `onset_objects` among the two words before, closing the clause (or `from N to M` and then a clause end).
    @inline(never) mutating func agesInHeaderAndListFrames(_ i: Int) -> Int? {
        if !adjacent(i), ageNumber(i, sentenceEnd: true), dobDateBefore(i), ageAfterDOBCloses(i + 1) {
            emitAgeToken(i, rule: "age-after-dob")
            return i + 1
        }
        // "- Neema, 14 F   - Amani, 11 M": a capitalised word, a comma and the number with a capital sex letter alone after it.
        if punct(i - 1, 0x2C), cap(i - 2), !t[i - 1].nl, !t[i - 2].nl, !adjacent(i), ageNumber(i), sexLetter(i + 1), !t[i + 1].nl,
            i + 2 >= t.count || t[i + 2].nl || !isWord(i + 2) || t[i + 2].s - t[i + 1].e >= 2
        {
            emitAgeToken(i, rule: "age-after-name-sex")
            return i + 1
        }
        if punct(i - 1, 0x3A), i >= 3, !t[i - 1].nl, !t[i - 2].nl, ageNumber(i),
            (t[i - 2].key == K.today && t[i - 3].key == K.age && isWord(i - 3))
                || (i >= 4 && t[i - 2].key == AgeKeys.sex && punct(i - 3, 0x2F) && t[i - 4].key == K.age && !t[i - 3].nl && isWord(i - 4))
        {
            emitAgeToken(i, rule: "age-sex-label")
            return i + 1
        }
        if punct(i - 1, 0x28), i + 1 < t.count, punct(i + 1, 0x29) || punct(i + 1, 0x2C), !t[i + 1].nl, ageNumber(i), intValue(i) >= 1,
            kinListBefore(i - 2)
        {
            emitAgeToken(i, rule: "age-kin-list-bracket")
            // The name before the bracket (up to three capitalised words on its line: `Eh Say Wah`), unless already found.
            let w = i - 2
            if !named[w] {
                var s = w
                while w - s < 2 && !t[s].nl && cap(s - 1) && !named[s - 1] && !inSet(.pluralKin, t[s - 1].key) && !inSet(.kinship, t[s - 1].base)
                    && t[s - 1].bits.isDisjoint(with: [.drugWord, .title, .weakTitle, .credential, .stopWord])
                { s -= 1 }
                emitName(s, w + 1, priority: 3, score: 0.75, rule: "name-kin-list-bracket")
            }
            return i + 1
        }
        if t[i - 1].key == AgeKeys.since || t[i - 1].key == K.from, !t[i - 1].nl, ageNumber(i, sentenceEnd: true), intValue(i) >= 5,
            habitBefore(i - 2)
        {
            if asideEnd(i + 1) {
                emitAgeToken(i, rule: "age-habit-since")
                return i + 1
            }
            if t[i - 1].key == K.from, i + 2 < t.count, t[i + 1].key == K.to, !t[i + 1].nl, ageNumber(i + 2, sentenceEnd: true),
                intValue(i + 2) > intValue(i), asideEnd(i + 3)
            {
                emitAgeToken(i, rule: "age-habit-since")
                emitAgeToken(i + 2, rule: "age-habit-since")
                return i + 3
            }
        }
        return nil
    }

    /// Session 20: a date of birth ends right before number token `i`: numbers joined by `/`, `-` or `.` (or a month
    /// name), at least two separators, ending in a year of two or four digits, maybe a comma joined to it; before it
    /// `DOB` (a colon may follow), all on the number's line. Not `born`: `Born 12/03/2026, 32 weeks` is a gestation.
    @inline(never) func dobDateBefore(_ i: Int) -> Bool {
        var j = i - 1
        if punct(j, 0x2C) && adjacent(j) { j -= 1 }
        guard j >= 2, t[j].kind == .number, !t[j].nl, t[j].e - t[j].s == 2 || t[j].e - t[j].s == 4 else { return false }
        var s = j, seps = 0
        while s > 0 && j - s < 6 && adjacent(s) && !t[s].nl {
            let p = s - 1
            if punct(p, 0x2F) || punct(p, 0x2D) || punct(p, 0x2E) { seps += 1 }
            else if !(t[p].kind == .number || (isWord(p) && t[p].rb.contains(.monthName))) { break }
            s -= 1
        }
        guard seps >= 2, s >= 1, !t[s].nl, t[s].kind == .number || isWord(s) else { return false }
        var l = s - 1
        if punct(l, 0x3A) { l -= 1 }
        return l >= 0 && isWord(l) && t[l].key == PK.dob && (l == s - 1 || !t[l + 1].nl)
    }

    /// Session 20: what may follow an age after a date of birth at token `k`: the line end, `,` `;` `)`, a sex letter
    /// (`M`, `f`), `y`/`yo`/`yrs` or an age unit, or a gap of two spaces or more (the next header field).
    @inline(never) func ageAfterDOBCloses(_ k: Int) -> Bool {
        if asideEnd(k) { return true }
        if t[k].s - t[k - 1].e >= 2 { return true }
        guard isWord(k) else { return false }
        let key = t[k].key
        if t[k].e - t[k].s == 1 && (key == AgeKeys.m || key == AgeKeys.f) { return k + 1 >= t.count || t[k + 1].nl || !isWord(k + 1) || t[k + 1].s - t[k].e >= 2 }
        return key == AgeKeys.y || key == AgeKeys.yo || inSet(.ageUnits, key)
    }

    /// Session 20: number token `k` (one or two digits) with a colon joined to it and no digit after the colon, on one line
    /// (`Eleni Papadakis, 61: no cancer`; not `12:30`).
    @inline(never) func colonAfterListAge(_ k: Int) -> Bool {
        guard k + 1 < t.count, t[k].kind == .number, t[k].e - t[k].s <= 2, !t[k].nl, punct(k + 1, 0x3A), adjacent(k + 1), !t[k + 1].nl,
            intValue(k) >= 1
        else { return false }
        return !(k + 2 < t.count && adjacent(k + 2) && t[k + 2].kind == .number)
    }

    /// Session 20: a capitalised given name at token `w` before a bracketed age, in a list that a plural relative opens
    /// (`children Archer (11)`, `Older children: Ka (6) and Fue (4)`, `Siblings: Paw Lah (15), Ta Mla Htoo (11) and Eh Say
    /// Wah⏎(4, ...)`): back over capitalised words, bracketed numbers, `,`, `and` and line breaks (at most 30 tokens, no
    /// `.` or `;`) to a word of `plural_kin`, with a colon only right after it. No drug, title, month or weekday (an
    /// ordinary word may be a name here: `Archer`, `Mason`).
    @inline(never) func kinListBefore(_ w: Int) -> Bool {
        guard w >= 1, isWord(w), cap(w), t[w].e - t[w].s >= 2, !t[w].flags.contains(.hasDigit), !inSet(.pluralKin, t[w].key) else { return false }
        let bits = t[w].bits
        guard bits.isDisjoint(with: [.drugWord, .title, .weakTitle, .credential, .stopWord]), !t[w].rb.contains(.monthName),
            !t[w].rb.contains(.weekday)
        else { return false }
        var q = w - 1, n = 0
        while q >= 0 && n < 30 {
            if isWord(q) && inSet(.pluralKin, t[q].key) { return true }
            if punct(q, 0x3A) { return isWord(q - 1) && inSet(.pluralKin, t[q - 1].key) }
            if isWord(q) {
                if !cap(q) && t[q].key != K.and { return false }
            } else if !(t[q].kind == .number || punct(q, 0x28) || punct(q, 0x29) || punct(q, 0x2C) || punct(q, 0x2D) || punct(q, 0x27)) {
                return false
            }
            q -= 1
            n += 1
        }
        return false
    }

    /// Session 20: a word of `onset_objects` (a substance or habit: `alcohol`, `cannabis`, `smoking`) at token `k` or the
    /// word before it on its line (`Cannabis daily`).
    @inline(never) func habitBefore(_ k: Int) -> Bool {
        guard isWord(k) else { return false }
        if inSet(.onsetObjects, t[k].key) { return true }
        return !t[k].nl && isWord(k - 1) && inSet(.onsetObjects, t[k - 1].key)
    }

    /// Session 18: a word of `age_event_words` or `death_words` (of three letters or more) at token `k` or among the two
    /// words before it on its line, with only words between (`psychosis`, `moved to Portland`, `died suddenly`).
    @inline(never) func lifeEventBefore(_ k: Int) -> Bool {
        var q = k
        while q >= 0 && k - q < 3 && isWord(q) {
            if inSet(.ageEventWords, t[q].key) || (t[q].e - t[q].s >= 3 && inSet(.deathWords, t[q].key)) { return true }
            if t[q].nl { return false }
            q -= 1
        }
        return false
    }

    /// Session 18: what may follow a life event's age at token `k`: the clause end, a bracket, or a word of
    /// `age_event_followers` (`in`, `while`, `and` ...) that is not followed by a part of the day within two words.
    @inline(never) func lifeEventAgeCloses(_ k: Int) -> Bool {
        if asideEnd(k) || punct(k, 0x28) { return true }
        guard isWord(k), !t[k].nl, inSet(.ageEventFollowers, t[k].key) else { return false }
        for q in (k + 1)...(k + 2) where q < t.count && !t[q].nl && isWord(q) && (inSet(.partsOfDay, t[q].key) || inSet(.timeWords, t[q].key)) {
            return false
        }
        return true
    }

    /// Session 18: an age after `now` closes its clause at token `k`: `,` `;` `.` `)`, the line end, `and`, or an age unit
    /// and then one of these (`is now 9 months.`).
    @inline(never) func nowAgeCloses(_ k: Int) -> Bool {
        if asideEnd(k) || (k < t.count && !t[k].nl && t[k].key == K.and) { return true }
        return isWord(k) && !t[k].nl && inSet(.ageUnits, t[k].key) && asideEnd(k + 1)
    }

    /// Session 18: the person before an age after `now`/`is` at token `c` (`is now N`, `who is N`, `, now N`): a person
    /// found in the note, a kinship word, `he`/`she` or a capitalised given name in no ordinary-word list before `is`
    /// (`Nora is now 3`); a person found before `, who is` (`Daniel, who is 15,`); a relative or person earlier in the
    /// clause before `, now` with no measurement between (`mother ..., breast cancer at 49, now 71`).
    @inline(never) func nowAgeSubject(_ c: Int) -> Bool {
        func person(_ k: Int) -> Bool {
            guard k >= 0, isWord(k) else { return false }
            if named[k] || inSet(.kinship, t[k].base) || t[k].key == K.he || t[k].key == K.she { return true }
            let bits = t[k].bits
            return cap(k) && !capsDoc && bits.contains(.firstName) && !bits.contains(.ordinaryWord) && !bits.contains(.stopWord)
                && !bits.contains(.drugWord) && !bits.contains(.placeWord)
        }
        if t[c].key == K.is {
            // "Daniel, who is 15,"
            guard c >= 3, t[c - 1].key == K.who, !t[c - 1].nl, punct(c - 2, 0x2C), !t[c - 2].nl else { return false }
            return named[c - 3] || person(c - 3)
        }
        guard c >= 2 else { return false }
        if t[c - 1].key == K.is { return !t[c - 1].nl && person(c - 2) }
        guard punct(c - 1, 0x2C), !t[c - 1].nl else { return false }
        // ", now 71": back over the clause to a relative or a person; a number there must be an age after `at`.
        var q = c - 2, n = 0
        while q >= 0 && n < 16 {
            if punct(q, 0x2E) || punct(q, 0x3B) { return false }
            if t[q].kind == .number && !(q >= 1 && t[q - 1].key == K.at) { return false }
            if isWord(q) && (inSet(.kinship, t[q].base) || named[q]) { return true }
            if t[q].nl { return false }
            q -= 1
            n += 1
        }
        return false
    }

    /// Session 16: a `kinship` word at token `k` or among the seven tokens before it on its line, with no `.`, `;`, `:`
    /// or number between (`mother living`, `Cousin Brendan (son of II-3)`).
    @inline(never) func kinshipEarlierInClause(_ k: Int) -> Bool {
        var q = k
        while q >= 0 && k - q < 8 {
            if isWord(q) && inSet(.kinship, t[q].base) { return true }
            if t[q].nl || punct(q, 0x2E) || punct(q, 0x3B) || punct(q, 0x3A) || t[q].kind == .number { return false }
            q -= 1
        }
        return false
    }

    /// A label ending at the colon `c` on its line with the word `age` (`Chronological age:`, `Age at assessment:`) or
    /// `CA` in capitals (`CA at testing:`) among its four words.
    @inline(never) func yearsMonthsLabel(before c: Int) -> Bool {
        var q = c - 1
        while q >= 0 && c - q <= 4 {
            if isWord(q) && (t[q].key == K.age || (t[q].e - t[q].s == 2 && t[q].flags.contains(.allUpper) && b[t[q].s] == 0x43 && b[t[q].s + 1] == 0x41)) {
                return true
            }
            if t[q].nl || !isWord(q) { return false }
            q -= 1
        }
        return false
    }

    /// Session 15: `girl (Hazel, now 3)`, `(Oliver, aged 7)`, `son (Mateo, 4)`: a capitalised given name in a bracket before
    /// a comma and an age that closes it is the child's name; the age after it is read by ``agesAfterNames()``. At number
    /// token `i`; either `now` or an age word stands before the number, or a relative or person noun before the bracket.
    /// Drugs, months, weekdays, places and ordinary words are no names here (`(Panadol, 500)`, `(March, 2)`).
    @inline(never) mutating func bracketedNameBeforeAge(_ i: Int) {
        guard i >= 4, ageNumber(i), !t[i].nl, t[i].e - t[i].s <= 2, bracketedAgeCloses(i + 1) else { return }
        var c = i - 1
        let cued = t[c].key == K.now || inSet(.agedWords, t[c].key)
        if cued { c -= 1 }
        guard c >= 3, punct(c, 0x2C), isWord(c - 1), punct(c - 2, 0x28), !t[c - 1].nl, !t[c].nl, !named[c - 1] else { return }
        let w = c - 1
        guard cap(w), !t[w].flags.contains(.allUpper), t[w].e - t[w].s >= 3, !t[w].flags.contains(.hasDigit) else { return }
        let bits = t[w].bits
        guard bits.isDisjoint(with: [.drugWord, .title, .weakTitle, .credential, .placeWord]), !t[w].rb.contains(.monthName),
            !t[w].rb.contains(.weekday), bits.contains(.firstName) || (!bits.isName && !bits.contains(.ordinaryWord)),
            !bits.contains(.ordinaryWord) || bits.contains(.firstName), !bits.contains(.eponym) || cued
        else { return }
        let before = c - 3
        guard cued || (before >= 0 && isWord(before) && !t[c - 2].nl
            && (inSet(.kinship, t[before].base) || inSet(.infantNouns, t[before].key)))
        else { return }
        emitName(w, w + 1, priority: 3, score: 0.75, rule: "name-bracketed-before-age")
    }
}
