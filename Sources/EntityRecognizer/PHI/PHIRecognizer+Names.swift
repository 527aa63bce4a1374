import MedTextCore

// Person names found by shape and context rather than by the name lists alone: initials (typist, sign-off, before a
// credential, after a person cue), stop-listed and ordinary given names paired with a surname, unlisted names after
// cues, `SURNAME, Given`, names before reporting verbs, names joined by `and`.
// Each rule is out of line and behind a one-flag pre-test at its call site (DESIGN.md "PHI").

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
        if t[k].rb.contains(.shortWord) && inSet(.notInitials, t[k].key) { return false }
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
        guard inSet(.typistCues, t[i].key), i + 1 < t.count, !covered[i] else { return nil }
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
        if !bits.contains(.firstName), let e = lowerGivenSurnameBeforeCredential(i) { return e }
        guard bits.contains(.firstName), !bits.contains(.eponym), !bits.contains(.drugWord), !bits.contains(.title),
            !bits.contains(.credential), !t[i].rb.contains(.monthName)
        else { return nil }
        var c = i + 1
        if punct(c, 0x2C) { c += 1 }
        guard c < t.count, !t[c].nl, credentialAt(c) else { return nil }
        if bits.contains(.ordinaryWord) || bits.contains(.stopWord) {
            guard i > 0, !t[i].nl, inSet(.handoverWords, t[i - 1].key) || (punct(i - 1, 0x2D) && !adjacent(i)) else { return nil }
        }
        // "d. okafor-ellis rn": the hyphenated first part and an initial belong to the name.
        var s = i
        if s >= 2 && punct(s - 1, 0x2D) && adjacent(s) && adjacent(s - 1) && isWord(s - 2) && !covered[s - 2] { s -= 2 }
        if s >= 2 && punct(s - 1, 0x2E) && adjacent(s - 1) && isWord(s - 2) && t[s - 2].e - t[s - 2].s == 1 && !t[s].nl { s -= 2 }
        emitName(s, i + 1, priority: 3, score: 0.7, rule: "name-lower-credential")
        return c + 1
    }

    /// A stop-listed given name (`Harmony`, `Ivy`, `Dale`) that may still be propagated or paired: a first name
    /// that is a common word, not an eponym, drug, place, month or title, capitalised in a mixed-case note.
    /// Token k can be a nickname in brackets inside a name (`Anastasia (Tasia) Liapis`, `William (Bill) Harrington`):
    /// capitalised, a listed given name (a stop-listed one only if it is a given name, not a month, drug or eponym), not
    /// an acronym in a mixed-case note (`Anika (SW) Jones`), a title or a credential.
    @inline(never) func bracketedNickname(_ k: Int) -> Bool {
        guard cap(k) || lowerDoc, t[k].e - t[k].s >= 2, capsDoc || !t[k].flags.contains(.allUpper) else { return false }
        let bits = t[k].bits
        // "giuseppina (pina) di stefano": a lower-case nickname in a lower-case note, not an ordinary word.
        if !cap(k) && bits.contains(.ordinaryWord) { return false }
        return bits.contains(.firstName) && !bits.contains(.title) && !bits.contains(.credential)
            && (!bits.contains(.stopWord) || stopListedGivenName(k))
    }

    /// "wife lan visiting", "daughter faith bell at bedside", "social worker joy to call", "hha precious:": after a
    /// relative or role cue, in a note that is not ALL CAPS, a lower-case listed given name that is also an ordinary
    /// or stop-listed word, when what follows reads as a person (a clause end, a bracket, a verb or preposition of
    /// the `person_followers` set), maybe with a listed surname between. The end of the name, or nil. Never a modal
    /// verb (`wife will call`), a month, weekday, drug, eponym, place or title.
    @inline(never) func lowerWordGivenName(_ k: Int) -> Int? {
        guard !capsDoc, k < t.count, isWord(k), !t[k].nl, !cap(k), t[k].e - t[k].s >= 3, !t[k].flags.contains(.hasDigit) else { return nil }
        let bits = t[k].bits
        // "daughter may and grandson tanner (16)": before `and`, a comma or a bracket a modal verb or a month cannot stand,
        // and a word before a bracketed age is a person, not the occupation or place phrase it may start.
        let joiner = k + 1 < t.count && !t[k + 1].nl && (t[k + 1].key == K.and || punct(k + 1, 0x2C) || punct(k + 1, 0x28))
        let ageAfter = punct(k + 1, 0x28) && ageNumber(k + 2) && punct(k + 3, 0x29)
        guard bits.contains(.firstName), !bits.contains(.drugWord), !bits.contains(.eponym) || ageAfter, !bits.contains(.placeWord),
            !bits.contains(.title), !bits.contains(.credential), !t[k].rb.contains(.monthName) || joiner, !t[k].rb.contains(.weekday),
            !inSet(.modalNames, t[k].key) || joiner, !verbForm(k),
            // "teacher aide at": a word that starts a cue, occupation or place phrase is that phrase.
            !t[k].ps || ageAfter || phrase(at: k, kinds: [.startsCue, .startsProfession, .startsPlace, .startsOrganization, .startsFacilityAfter, .startsTitle], where: { _ in true }) == nil
        else { return nil }
        var e = k + 1
        // "faith bell": a lower-case listed surname after it.
        // "social worker faith mbeki.": or an unlisted word that is no ordinary word.
        if e < t.count, !t[e].nl, isWord(e), !cap(e),
            t[e].bits.contains(.lastName) || t[e].bits.contains(.eponym) || (!t[e].bits.contains(.ordinaryWord) && !t[e].bits.contains(.stopWord)),
            !inSet(.personFollowers, t[e].key), !verbForm(e), t[e].e - t[e].s >= 2
        {
            e += 1
            // "daughter hope cook-delaney": a hyphenated surname.
            if punct(e, 0x2D) && adjacent(e) && e + 1 < t.count && adjacent(e + 1) && isWord(e + 1) && !cap(e + 1) && !t[e + 1].flags.contains(.hasDigit) {
                e += 2
            }
        }
        if e >= t.count || t[e].nl { return e }
        if punct(e, 0x2C) || punct(e, 0x28) || punct(e, 0x29) || punct(e, 0x3A) || punct(e, 0x3B) { return e }
        if punct(e, 0x2E) && (e + 1 >= t.count || !adjacent(e + 1)) { return e }
        if isWord(e) && !cap(e) && inSet(.personFollowers, t[e].key) { return e }
        return nil
    }

    /// "HUSBAND STATES SHE ...", "PT REPORTS": in capitals, a reporting verb that is no given name never continues a
    /// name (called only for words with the `verbLabelPlaceWord` rule bit).
    @inline(never) func capsReportingVerb(_ k: Int) -> Bool {
        !t[k].bits.contains(.firstName) && inSet(.nameVerbs, t[k].key)
    }

    /// `Anastasia (Tasia) Liapis`, `William (Bill) Harrington`, `giuseppina (pina) di stefano`: at the bracket `j`, a
    /// nickname in brackets between given name and surname stays in the name's span like a quoted one (GUIDELINE
    /// N2): a listed given name, never an acronym or a role (`Anika (SW) Jones`), then a surname (maybe after a
    /// particle).
    @inline(never) func bracketedNicknameInside(_ j: Int) -> Bool {
        guard j + 3 < t.count, adjacent(j + 1), punct(j + 2, 0x29), adjacent(j + 2), bracketedNickname(j + 1), !t[j + 3].nl else { return false }
        if (cap(j + 3) || lowerDoc) && nameWord(j + 3, strong: true, first: false) { return true }
        return isWord(j + 3) && !cap(j + 3) && t[j + 3].rb.contains(.auxWord) && inSet(.nameParticles, t[j + 3].key)
            && j + 4 < t.count && !t[j + 4].nl && (cap(j + 4) || lowerDoc) && nameWord(j + 4, strong: true, first: false)
    }

    /// "wife lan visiting" after the kinship word at i (not a cue phrase): a lower-case given name that is also a word.
    @inline(never) mutating func kinshipLowerWordName(_ i: Int) -> Int? {
        // "wife (joy) at bedside": a lower-case given name alone in brackets after the relative.
        if !capsDoc, punct(i + 1, 0x28), let end = bracketedLowerNameAfterKin(i) {
            emitName(i + 2, end, priority: 3, score: 0.7, rule: "name-cue-relative-lower")
            return end + 1
        }
        guard i + 1 < t.count, !t[i + 1].nl, !covered[i + 1], !cap(i + 1), !lowerGivenName(i + 1),
            !t[i].ps || phrase(at: i, kinds: .startsCue, where: { _ in true }) == nil, let end = lowerWordGivenName(i + 1)
        else { return nil }
        emitName(i + 1, end, priority: 3, score: 0.7, rule: "name-cue-relative-lower")
        return end
    }

    /// "social worker joy to call", "hha precious:": after the role cue at i, a lower-case given name at j that is also
    /// a word; not when the cue and the word are one occupation ("teacher aide at").
    @inline(never) mutating func roleLowerWordName(_ i: Int, _ j: Int) -> Int? {
        guard j < t.count, t[j].bits.contains(.stopWord) || t[j].bits.contains(.ordinaryWord),
            (phrase(at: i, kinds: .startsProfession, where: { $0 == .profession })?.1 ?? 0) <= j,
            let end = lowerWordGivenName(j)
        else { return nil }
        emitName(j, end, priority: 3, score: 0.7, rule: "name-cue-clinician-lower")
        return end
    }

    /// "the Aboriginal Interpreter Service", "Carers Support Group": the capitalised cue at i inside a run of capitalised
    /// words (after an ordinary word that is no possessive or article) is part of a proper name, not a cue.
    @inline(never) func cueInsideProperName(_ i: Int) -> Bool {
        // Capitals say nothing in an ALL-CAPS line ("HOME WITH HUSBAND CURTIS").
        !capsDoc && !t[i].flags.contains(.allUpper) && !t[i - 1].flags.contains(.allUpper) && !t[i].nl && cap(i - 1)
            && t[i - 1].bits.contains(.ordinaryWord) && !t[i - 1].bits.isName
            && !inSet(.determiners, t[i - 1].key)
    }

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
        guard p.rb.contains(.kinship) || inSet(.handoverWords, p.key) || inSet(.roleWords, p.key) || inSet(.personCues, p.key)
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
            // The key of the lower-cased initials, as `wordKey` keys a token.
            var h = wordKeySeed
            var count = 0
            var k = c.entity.span.start
            var startOfWord = true
            while k < c.entity.span.end {
                let ch = b[k]
                if isAlpha(ch) {
                    if startOfWord && ch &- 0x41 < 26 {
                        h = wordKeyAppending(h, ch)
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
            if t[i].rb.contains(.shortWord) && inSet(.notInitials, t[i].key) {
                // "NA 03/04/2025 15:02": only as the signature at the start of a line before a date stamp.
                guard t[i].nl, i + 1 < t.count, !t[i + 1].nl, t[i + 1].kind == .number || t[i + 1].flags.contains(.hasDigit) else { continue }
                var e = i + 1
                while e < t.count && !t[e].nl && (t[e].kind == .number || t[e].flags.contains(.hasDigit) || t[e].kind == .punctuation || t[e].kind == .symbol) { e += 1 }
                guard e >= t.count || t[e].nl else { continue }
            }
            emitName(i, i + 1, priority: 2, score: 0.6, rule: "name-initials-known")
        }
    }

    /// "next visit wed. - tk", "rebooked fri 7th. - lp", "- dgreenberg": initials or a user name after a dash that
    /// ends the line sign an entry.
    /// Called for a word `k` that ends its line (from `unlabelledName`); the end of the name or nil.
    @inline(never) mutating func dashSignature(_ k: Int) -> Int? {
        let i = k - 1
        guard i >= 1, !t[k].nl, !covered[k],
            punct(i, 0x2D) || (t[i].e - t[i].s == 2 && b[t[i].s] == 0x2D && b[t[i].s + 1] == 0x2D)
                || (t[i].e - t[i].s == 3 && b[t[i].s] == 0xE2 && b[t[i].s + 1] == 0x80 && (b[t[i].s + 2] == 0x93 || b[t[i].s + 2] == 0x94))
        else { return nil }
        // Session 13: "... mom texted. -ko": a dash joined to the initials signs too when a space and a sentence's end
        // stand before it (`nitrites -ve` stays a result).
        if adjacent(k) && (t[i].nl || adjacent(i) || !(punct(i - 1, 0x2E) || punct(i - 1, 0x29)) || !initialsToken(k) || t[k].e - t[k].s > 3) {
            return nil
        }
        // Session 13: "1/6/26 0915 - jw (phone)", "- kt (katie tran)": initials before a bracket only.
        if k + 1 < t.count && !t[k + 1].nl && punct(k + 1, 0x28) && !(initialsToken(k) && t[k].e - t[k].s <= 3 && !t[k].flags.contains(.allUpper)) {
            return nil
        }
        // A dash opening its line signs an entry only as the entry's last line (a blank line or the end of the note
        // after it, or a date stamp on it) after a sentence, and initials there only in lower case, so that bullet
        // lists ("Impression:" / "- UTI", "- ecg" / "- fbc") stay out.
        if t[i].nl && !((entryEndsAfter(k) || dateStampAt(k + 1)) && (punct(i - 1, 0x2E) || punct(i - 1, 0x29))) { return nil }
        if t[i].nl && t[k].flags.contains(.allUpper) && !dateStampAt(k + 1) { return nil }
        let len = t[k].e - t[k].s
        // Session 13: "1/6/26 0915 - jw": or after the time of a date stamp that opens the line (an entry's header).
        if initialsToken(k) && len <= 3 && (t[i - 1].kind == .punctuation || t[i - 1].kind == .word || (t[i - 1].kind == .number && !t[i].nl && headerStamp(i - 1))) {
            emit(.name, k, k + 1, priority: 3, score: 0.55, rule: "name-dash-initials")
            return k + 1
        }
        if !cap(k), (5...16).contains(len), !t[k].bits.contains(.ordinaryWord), !t[k].bits.isName {
            // A login: a first initial and a listed surname, digits allowed at the end ("dgreenberg", "mrodriguez3").
            var e = t[k].e
            while e > t[k].s && b[e - 1] &- 0x30 < 10 { e -= 1 }
            // "cosullivan2": two initials before the surname.
            if e - t[k].s >= 5, vocab.bits(wordKey(b, t[k].s + 1, e)).contains(.lastName)
                || (e - t[k].s >= 7 && vocab.bits(wordKey(b, t[k].s + 2, e)).contains(.frequentLast))
            {
                emit(.name, k, k + 1, priority: 3, score: 0.55, rule: "name-username")
                return k + 1
            }
        }
        return nil
    }

    /// Session 13: token k is the last of an entry header `d/m/yy hhmm` (or `d/m/yyyy`) that opens its line: a date
    /// stamp at the line's first token and at most one number after it.
    @inline(never) func headerStamp(_ k: Int) -> Bool {
        var j = k
        var n = 0
        while j > 0 && !t[j].nl && n < 6 { j -= 1; n += 1 }
        guard t[j].nl || j == 0, t[j].kind == .number, j + 2 <= k, punct(j + 1, 0x2F) || punct(j + 1, 0x2E), adjacent(j + 1), adjacent(j + 2),
            t[j + 2].kind == .number
        else { return false }
        var e = j + 3
        if e + 1 <= k && (punct(e, 0x2F) || punct(e, 0x2E)) && adjacent(e) && adjacent(e + 1) && t[e + 1].kind == .number { e += 2 }
        return e == k + 1 || (e == k && t[k].kind == .number && !adjacent(k))
    }

    /// The session-5 name rules that start at a capitalised word, behind one call from `unlabelledName`.
    @inline(never) mutating func unlistedNames(_ i: Int) -> Int? {
        // "Tran Van Minh", "Kim Min-jun": a family name written first before its given-name syllables.
        // (Session 16: its first test, a capitalised word after this one, before the out-of-line call.)
        if i + 1 < t.count, t[i + 1].cp, let e = surnameFirstName(i) {
            emitName(i, e, priority: 2, score: 0.75, rule: "name-surname-first")
            return e
        }
        // "Young-jae Shin": a hyphenated Korean or Chinese given name before a trusted surname.
        if punct(i + 1, 0x2D), !capsDoc, !lowerDoc, !covered[i], let g = hyphenatedGivenName(i), g < t.count, !t[g].nl, cap(g), !covered[g],
            t[g].bits.contains(.lastName), t[g].bits.isDisjoint(with: [.stopWord, .placeWord, .title, .weakTitle, .credential, .drugWord, .streetType]),
            !t[g].flags.contains(.allUpper), pairEndsAt(g)
        {
            emitName(i, g + 1, priority: 2, score: 0.75, rule: "name-hyphenated-given-surname")
            return g + 1
        }
        // "Tyson (15), Shania (12)": a listed given name before a bracketed age.
        if punct(i + 1, 0x28), let e = givenNameBeforeAge(i) {
            emitName(i, e, priority: 2, score: 0.75, rule: "name-before-age")
            return e
        }
        let lineStart = i == 0 || t[i].nl
        if (lineStart && (punct(i + 1, 0x2F) || punct(i + 1, 0x3A))) || punct(i - 1, 0x28), let e = bracketAndInitialNames(i) { return e }
        if lineStart || punct(i - 1, 0x3A), punct(i + 1, 0x2C) || (punct(i + 1, 0x2D) && punct(i + 3, 0x2C)), let e = surnameCommaGiven(i) { return e }
        if punct(i + 1, 0x2C), punct(i + 4, 0x28) || punct(i + 5, 0x28), let e = surnameInitialBeforeRole(i) {
            emitName(i, e, priority: 2, score: 0.75, rule: "name-surname-initial-role")
            return e
        }
        if !capsDoc && !lowerDoc && i + 1 < t.count && (t[i + 1].rb.contains(.verbLabelPlaceWord) || (i + 2 < t.count && t[i + 2].rb.contains(.verbLabelPlaceWord))),
            let e = nameBeforeVerb(i)
        { return e }
        // Session 6: name pairs whose given name is in no list or is a word, or whose surname is a word or an eponym.
        // (Session 16: every pair of ``namePairs(_:)`` needs a listed surname after a given name or a frequent surname
        // after any word: tested before the out-of-line call.)
        if !capsDoc && !lowerDoc && i + 1 < t.count,
            t[i + 1].bits.contains(.frequentLast) || (t[i].bits.contains(.firstName) && t[i + 1].bits.contains(.lastName)),
            let e = namePairs(i)
        { return e }
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
        // "seen by Sinéad Murphy": a surname that is also an eponym or a word, unless a possessive or a follower makes it
        // the eponym.
        if end == j + 1 { end = cueSurnameEnd(end) }
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

    /// Crew and staff lists written surname first: `OKAFOR, E. (EMT-B)`, `Martínez, J. (paramedic)`: a capitalised word
    /// that is no ordinary word, drug, title, credential, state or place, a comma, one initial and a bracketed credential
    /// or occupation; the bracket is the evidence. The end after the initial, or nil.
    @inline(never) func surnameInitialBeforeRole(_ i: Int) -> Int? {
        guard isWord(i), cap(i), !covered[i], t[i].e - t[i].s >= 2, !t[i].flags.contains(.hasDigit), adjacent(i + 1), i + 3 < t.count,
            !t[i + 2].nl, initial(i + 2)
        else { return nil }
        let sb = t[i].bits
        guard sb.isName || !sb.contains(.ordinaryWord), !sb.contains(.drugWord), !sb.contains(.title), !sb.contains(.credential),
            !sb.contains(.stateAbbr), !sb.contains(.placeWord), !t[i].rb.contains(.monthName), !t[i].rb.contains(.weekday),
            !(t[i].rb.contains(.shortWord) && inSet(.notInitials, t[i].key))
        else { return nil }
        var e = i + 3
        if punct(e, 0x2E) && adjacent(e) { e += 1 }
        guard punct(e, 0x28), e + 2 < t.count, !t[e + 1].nl, isWord(e + 1) else { return nil }
        let r = e + 1
        let role = t[r].bits.contains(.credential) || inSet(.roleWords, t[r].key)
            || (t[r].ps && phrase(at: r, kinds: .startsProfession, where: { $0 == .profession }) != nil)
        return role ? e : nil
    }

    /// A name opening a sentence before a reporting verb: `Kostopoulos has a history of AF`, `Jayden was brought in`.
    /// One or two capitalised words, each a listed name or an unlisted word (never an ordinary word, drug, eponym,
    /// place, title or acronym), then a verb from `name_verbs`.
    @inline(never) mutating func nameBeforeVerb(_ i: Int) -> Int? {
        // A sentence start, not the second half of a hyphenated word ("Passy-Muir", "Bard-Parker").
        guard !capsDoc, !lowerDoc, sentenceStart(i), i == 0 || t[i].nl || !adjacent(i), cap(i), !covered[i] else { return nil }
        guard verbNameWord(i) else { return nil }
        var end = i + 1
        if end < t.count && !t[end].nl && !covered[end] && verbNameWord(end) { end += 1 }
        guard end < t.count, !t[end].nl, isWord(end), t[end].rb.contains(.verbLabelPlaceWord), inSet(.nameVerbs, t[end].key) else { return nil }
        // "Dermabond was applied", "Healon has been used": auxiliaries follow products as often as people, so they
        // need a listed name; an unlisted word needs a verb only people do ("Kostopoulos reports", "Ngaire declined").
        if inSet(.auxiliaryVerbs, t[end].key) {
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

    /// `AK/jm   dictated 13/3` (typist initials opening a line before a dictation word), `(Marisol)` (a given name
    /// alone in brackets), `(KLM 1/28/25)` (initials before a date in brackets).
    @inline(never) mutating func bracketAndInitialNames(_ i: Int) -> Int? {
        // A state code is no obstacle here ("AK/jm"): the dictation word vouches for the initials.
        if punct(i + 1, 0x2F) || punct(i + 1, 0x3A), t[i].nl || i == 0, !covered[i], typistLetters(i), adjacent(i + 1), i + 2 < t.count,
            adjacent(i + 2), typistLetters(i + 2)
        {
            var k = i + 3
            while k < t.count && !t[k].nl && k - i < 8 {
                if isWord(k) && inSet(.typistCues, t[k].key) {
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
        // "(EDD 03/06/2026)", "(LMP 2/1/26)": a date label is no initials either.
        if initialsToken(i), t[i].flags.contains(.allUpper), !inSet(.birthCues, t[i].key), !inSet(.dateLabels, t[i].key), i + 3 < t.count, !t[i + 1].nl,
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

    /// The session-6 name pairs at capitalised token i (``givenStopSurname(_:)``, ``ordinaryGivenFrequentSurname(_:)``,
    /// ``unlistedGivenFrequentSurname(_:)``), asked from the one out-of-line call for capitalised words so that
    /// `unlabelledName` stays small (inlined, the bit tests made the optimiser copy tokens on every word).
    @inline(never) mutating func namePairs(_ i: Int) -> Int? {
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

    /// Token i follows a number, `#` or a word with digits on its line ("#10 blade Bard Parker", "size 7 Jackson"):
    /// an instrument or product, not a person.
    @inline(never) func afterCount(_ i: Int) -> Bool {
        guard i > 0, !t[i].nl else { return false }
        return t[i - 1].kind == .number || punct(i - 1, 0x23) || t[i - 1].flags.contains(.hasDigit)
            || (i > 1 && !t[i - 1].nl && isWord(i - 1) && inSet(.instrumentCue, t[i - 1].key))
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
        if t[i].rb.contains(.monthName) && i > 0 && !t[i].nl && isWord(i - 1) && inSet(.monthAloneCues, t[i - 1].key) { return nil }
        if i > 0 && !t[i].nl && (cap(i - 1) || (punct(i - 1, 0x2D) && adjacent(i))) && !t[i - 1].bits.contains(.title) { return nil }
        guard pairEndsAt(i + 1), !afterCount(i) else { return nil }
        if t[i].ps, phrase(at: i, kinds: [.startsPlace, .startsOrganization, .startsFacilityAfter], where: { _ in true }) != nil { return nil }
        emitName(i, i + 2, priority: 2, score: 0.7, rule: "name-ordinary-given-surname")
        return i + 2
    }

    /// After a person cue: initials then a surname on the same line ("J.P. Walsh", "J. P. Walsh", "JP Walsh"); the
    /// surname is a listed name that is no ordinary word, or a capitalised word in no list. The end, or nil.
    @inline(never) func initialsNameAfterCue(_ j: Int) -> Int? {
        guard j < t.count, isWord(j) else { return nil }
        if initial(j) {
            let k = punct(j + 1, 0x2E) && adjacent(j + 1) ? j + 2 : j + 1
            if capsDoc || (k < t.count && t[k].flags.contains(.allUpper)) { return capsInitialSurnameAfterCue(j) }
        } else if capsDoc { return nil }
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
                !(t[j].rb.contains(.shortWord) && inSet(.notInitials, t[j].key))
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

    /// In capitals, after a role or person cue: one initial and a surname ("PILOT R. WEBER", "PARAMEDIC S. ØDEGAARD").
    /// The cue and the initial vouch for the surname: a listed name (even an eponym or a stop-listed one) or a word in
    /// no list; never an ordinary word that is no name, a credential, title, state, drug, month or function word
    /// ("BY E. COLI"). The end, or nil.
    @inline(never) func capsInitialSurnameAfterCue(_ j: Int) -> Int? {
        guard initial(j) else { return nil }
        var k = j + 1
        if punct(k, 0x2E) && adjacent(k) { k += 1 }
        guard k < t.count, !t[k].nl, isWord(k), cap(k), !covered[k], t[k].e - t[k].s >= 2, !t[k].flags.contains(.hasDigit) else { return nil }
        let lb = t[k].bits
        guard lb.isName || !lb.contains(.ordinaryWord), !lb.contains(.credential), !lb.contains(.title), !lb.contains(.stateAbbr),
            !lb.contains(.drugWord), !t[k].rb.contains(.monthName), !t[k].rb.contains(.weekday),
            !(t[k].rb.contains(.shortWord) && (inSet(.notInitials, t[k].key) || inSet(.capsFunctionWords, t[k].key)))
        else { return nil }
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
            && !inSet(.roleWords, t[i - 1].key)
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

    /// The surname of a list pair at j ends place names or, when it is no given name, starts a state's name.
    @inline(never) func pairSurnameIsPlace(_ j: Int) -> Bool {
        inSet(.placeSuffix, t[j].key) || (!t[j].bits.contains(.firstName) && placeSuffix(j))
            // Session 14: "University of Northern Vermont", "Legal Aid of Western Missouri": a state after a region's
            // adjective (`region_adjectives`) is a region, even when the state is also a given name.
            || (j > 0 && isWord(j - 1) && inSet(.regionAdjectives, t[j - 1].key) && placeSuffix(j))
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

// MARK: long names and particles

extension PHIDetection {
    /// "al-Rashid", "el-Sayed", "bin-Laden" at the particle run ending before token `k`: when `k` is a hyphen joined to
    /// the particle and to a capitalised word, the end after that word; else nil.
    @inline(never) func hyphenParticleSurname(_ k: Int) -> Int? {
        guard k > 0, k + 1 < t.count, punct(k, 0x2D), adjacent(k), adjacent(k + 1), !t[k + 1].nl, cap(k + 1),
            t[k + 1].e - t[k + 1].s >= 2, isWord(k - 1), inSet(.nameParticles, t[k - 1].key)
        else { return nil }
        return k + 2
    }

    /// A word that may continue a name found by the list pair rule: a listed given or family name that is no ordinary or
    /// stop-listed word, title, credential, place, street word, state, month or weekday, in the case of the name before
    /// it (an ALL-CAPS word continues only an ALL-CAPS name).
    @inline(never) func nameTailWord(_ k: Int, after p: Int) -> Bool {
        guard k < t.count, isWord(k), cap(k), !covered[k], t[k].e - t[k].s >= 2 else { return false }
        let lb = t[k].bits
        guard lb.isName, !lb.contains(.ordinaryWord), !lb.contains(.stopWord), !lb.contains(.title), !lb.contains(.weakTitle),
            !lb.contains(.credential), !lb.contains(.placeWord), !lb.contains(.streetType), !lb.contains(.stateAbbr),
            !t[k].rb.contains(.monthName), !t[k].rb.contains(.weekday)
        else { return false }
        if t[k].flags.contains(.allUpper) != t[p].flags.contains(.allUpper) { return false }
        return !placeSuffix(k) && !eponymFollows(k + 1)
    }

    /// The end of a name found by the list pair rule at `e`, taking up to two more name words on its line: a third and
    /// fourth listed name (`Hoang Thi Mai`, `María José García López`, `NGUYEN THI HOA`, `Dmitri Ivanovich Petrov`), name
    /// particles before a capitalised name (`Mohammed bin Salman`, `Maria de los Angeles Ortiz`, `Khalid Al Mansouri`),
    /// a particle joined by a hyphen (`al-Rashid`) and hyphenated surnames (`Hernández-Sánchez`). A gap of three spaces
    /// (a table column) ends the name.
    @inline(never) func nameTail(_ e: Int) -> Int {
        var j = e, added = 0
        while added < 2, j < t.count, j > 0, !t[j].nl, t[j].s - t[j - 1].e < 3, !covered[j] {
            var k = j
            while k < t.count, k - j < 3, !t[k].nl, isWord(k), t[k].rb.contains(.auxWord), inSet(.nameParticles, t[k].key) { k += 1 }
            if k > j {
                if let h = hyphenParticleSurname(k) {
                    j = h
                } else if k < t.count, !t[k].nl, cap(k), !covered[k], t[k].e - t[k].s >= 2, !t[k].flags.contains(.hasDigit),
                    (nameTailWord(k, after: j - 1) || (!t[k].bits.contains(.ordinaryWord) && !t[k].bits.contains(.stopWord)
                        && !t[k].bits.contains(.placeWord)))
                {
                    j = k + 1
                } else {
                    break
                }
            } else {
                guard nameTailWord(j, after: j - 1) else { break }
                j += 1
            }
            added += 1
            if punct(j, 0x2D) && adjacent(j) && j + 1 < t.count && adjacent(j + 1) && cap(j + 1) && !t[j + 1].flags.contains(.hasDigit) {
                j += 2
            }
        }
        return j
    }
}

// MARK: ages of relatives and lists of ages

extension PHIDetection {
    /// The rule id for an age at number token `i` in brackets after a relative (`Son (8)`, `brother (49) is well`,
    /// `her daughter (5, Year 1)`) or later in a list of ages after an age word (`aged 8, 5 and 2`, `ages 12, 9, 4`), or
    /// nil. A singular kinship word only (`Sons (2)`, `children (3)` count people); the number closes the bracket or
    /// is followed by a comma inside it.
    @inline(never) func ageAfterRelativeOrList(_ i: Int) -> String? {
        guard ageNumber(i, sentenceEnd: true), t[i].e - t[i].s <= 3 else { return nil }
        if !punct(i - 1, 0x28), let a = ageAtDeath(i) { return a }
        if let a = ageListAfterPluralKin(i) { return a }
        if punct(i - 1, 0x28) {
            guard isWord(i - 2), !t[i - 1].nl, inSet(.kinship, t[i - 2].base), punct(i + 1, 0x29) || punct(i + 1, 0x2C) else { return nil }
            return "age-relative-bracket"
        }
        // "Father, 78, has COPD", "Mother, 54." : a relative's age set off by commas (a singular kinship word; the number
        // closes the aside, so `sister, 2 brothers` stays a count).
        if punct(i - 1, 0x2C), i >= 2, isWord(i - 2), !t[i - 1].nl, !t[i].nl, inSet(.kinship, t[i - 2].base), t[i - 2].base == t[i - 2].key,
            punct(i + 1, 0x2C) || punct(i + 1, 0x3B) || (punct(i + 1, 0x2E) && asideEnd(i + 1))
        {
            return "age-relative-comma"
        }
        // Walk back over earlier ages of the list: `8, 5 and` ... to the age word.
        var j = i - 1, ages = 0
        while j >= 1 && ages < 6 && !t[j].nl && (punct(j, 0x2C) || t[j].key == K.and) && t[j - 1].kind == .number && ageNumber(j - 1, sentenceEnd: true) {
            j -= 2
            ages += 1
        }
        guard ages > 0, j >= 0, isWord(j), inSet(.agedWords, t[j].key) else { return nil }
        // "aged 8, 5 and 2": the list ends at a clause end or an age unit.
        guard asideEnd(i + 1) || (i + 1 < t.count && !t[i + 1].nl && (inSet(.ageUnits, t[i + 1].key) || t[i + 1].key == K.and)) else { return nil }
        return "age-list"
    }
}

extension PHIDetection {
    /// The rule id for an age at death at number token `i` in brackets after a relative or a capitalised name
    /// (`maternal aunt Teuila (d. 58)`, `Father (died 72, MI)`, `grandmother (dec., 90)`): an opening bracket, a word
    /// of `death_words` with its full stop or comma, and the number closing the bracket or followed by a comma; never
    /// a year (`(d. 1998)`), nor after a lower-case word that is no relative (`cycle 2 (d. 5)`). Or nil.
    @inline(never) func ageAtDeath(_ i: Int) -> String? {
        guard i >= 3, !t[i].nl, punct(i + 1, 0x29) || punct(i + 1, 0x2C), t[i].e - t[i].s <= 3 else { return nil }
        var w = i - 1
        if punct(w, 0x2E) || punct(w, 0x2C) { w -= 1 }
        guard w >= 2, isWord(w), !t[w].nl, inSet(.deathWords, t[w].key), punct(w - 1, 0x28), isWord(w - 2), !t[w - 1].nl,
            inSet(.kinship, t[w - 2].base) || (cap(w - 2) && !t[w - 2].bits.contains(.ordinaryWord))
        else { return nil }
        return "age-at-death"
    }

    /// The rule id for an age at number token `i` in a list of two or more ages right after a plural relative and a comma
    /// or bracket (`Three children, 14, 11 and 6;`, `2 children (15 and 11)`, `grandchildren (9, 7, 4)`); the list ends
    /// at a clause end or the bracket. One number there is a count (`Sons (2)`). Or nil.
    @inline(never) func ageListAfterPluralKin(_ i: Int) -> String? {
        // Back to the first number of the list.
        var s = i
        while s >= 2 && !t[s].nl && (punct(s - 1, 0x2C) || t[s - 1].key == K.and) && t[s - 2].kind == .number && ageNumber(s - 2, sentenceEnd: true) {
            s -= 2
        }
        guard s >= 2, !t[s].nl, punct(s - 1, 0x2C) || punct(s - 1, 0x28) else { return nil }
        let bracket = punct(s - 1, 0x28)
        // Session 14: "their children\n(14 and 9)": the bracket may open the next line; "Her parents are alive in
        // Toowoomba (84 and 82)": a plural relative earlier in the clause before a bracket that holds only the ages.
        let kinBefore = isWord(s - 2) && inSet(.pluralKin, t[s - 2].key) && (!t[s - 1].nl || bracket)
        guard kinBefore || (bracket && !t[s - 1].nl && pluralKinInClause(before: s - 2)) else { return nil }
        // Forward to its end: at least two ages, then a clause end or the closing bracket.
        var e = s, n = 1
        while e + 2 < t.count && !t[e + 2].nl && (punct(e + 1, 0x2C) || t[e + 1].key == K.and) && t[e + 2].kind == .number
            && ageNumber(e + 2, sentenceEnd: true) && n < 8
        {
            e += 2
            n += 1
        }
        guard n >= 2, e + 1 >= t.count || t[e + 1].nl || punct(e + 1, 0x3B) || punct(e + 1, 0x29) || punct(e + 1, 0x2E)
            || (punct(e + 1, 0x2C) && !punct(s - 1, 0x28)) || (isWord(e + 1) && inSet(.ageUnits, t[e + 1].key))
        else { return nil }
        if !kinBefore && !punct(e + 1, 0x29) { return nil }
        return "age-list-relatives"
    }

    /// Session 14: a plural relative (`parents`, `children`) among the eight tokens up to `k` on its line, with no
    /// clause or bracket boundary between.
    @inline(never) func pluralKinInClause(before k: Int) -> Bool {
        var q = k
        while q >= 0 && k - q < 8 {
            if t[q].kind == .punctuation && (punct(q, 0x2E) || punct(q, 0x3B) || punct(q, 0x3A) || punct(q, 0x28) || punct(q, 0x29)) { return false }
            if isWord(q) && inSet(.pluralKin, t[q].key) { return true }
            if t[q].nl { return false }
            q -= 1
        }
        return false
    }

    /// Session 14: an opening bracket that no bracket closes stands on the line among the ten tokens before `e`
    /// (`(husband Ernesto Delgado`, `("Nanna Nellie"`).
    @inline(never) func bracketOpenBefore(_ e: Int) -> Bool {
        var q = e - 1
        while q >= 0 && e - q <= 10 {
            if punct(q, 0x29) { return false }
            if punct(q, 0x28) { return true }
            if t[q].nl { return false }
            q -= 1
        }
        return false
    }

    /// Ages in the Australian fraction notation before `old` (`a 6/12 old boy`, `3/52 old baby`, `baby is 10/7 old.`:
    /// months, weeks, days): the number before the slash is the age (GUIDELINE A1), when a person noun (`infant_nouns`,
    /// a relative) follows `old`, or `is`/`was`/`now` comes before and a clause end after it; `a 3/7 old wound` is a
    /// thing's age. The rule id, or nil.
    @inline(never) func fractionAge(_ i: Int) -> String? {
        guard i + 3 < t.count, adjacent(i + 1), adjacent(i + 2), t[i + 2].kind == .number, !t[i + 3].nl else { return nil }
        var o = i + 3
        if punct(o, 0x2D) && adjacent(o) { o += 1 }
        guard o < t.count, isWord(o), t[o].key == AgeKeys.old else { return nil }
        let d = intValue(i + 2), n = intValue(i)
        guard (d == 12 && n < 12) || (d == 52 && n < 52) || (d == 7 && n < 7), n > 0, t[i].e - t[i].s <= 2 else { return nil }
        let p = o + 1 < t.count && !t[o + 1].nl && isWord(o + 1) && (inSet(.infantNouns, t[o + 1].key) || inSet(.kinship, t[o + 1].base))
        let predicate = i > 0 && isWord(i - 1) && (t[i - 1].key == K.is || t[i - 1].key == K.was || t[i - 1].key == K.now) && asideEnd(o + 1)
        return p || predicate ? "age-fraction" : nil
    }
}

// MARK: logins of names found in the note

extension PHIDetection {
    /// "Caller ID amirzoyan" beside `A. Mirzoyan`, "- mjbaptiste" beside `marie-claude jean-baptiste`, "jsmith2" beside
    /// `John Smith`: a lower-case word that is the first letter of a name found in the note, up to two more letters, and
    /// the name's last word (four letters or more), maybe with digits after it, is that person's login (GUIDELINE N: a
    /// user name written as a person's name is NAME). Ordinary words and listed names stay out (`across` beside `Anne
    /// Ross`).
    @inline(never) mutating func loginsOfKnownNames() {
        var pairs: [(first: UInt8, last: UInt64, length: Int)] = []
        for c in found where c.entity.type == .name {
            let s = c.entity.span.start, e = c.entity.span.end
            var w = e
            while w > s && isAlpha(b[w - 1]) { w -= 1 }
            guard e - w >= 4, w > s, isAlpha(b[s]) else { continue }
            pairs.append((b[s] | 0x20, wordKey(b, w, e), e - w))
        }
        guard !pairs.isEmpty else { return }
        for k in 0..<t.count where isWord(k) && !covered[k] && !named[k] && !cap(k) && t[k].e - t[k].s >= 5 && t[k].e - t[k].s <= 24 {
            let bits = t[k].bits
            if bits.contains(.ordinaryWord) || bits.isName || bits.contains(.stopWord) || bits.contains(.drugWord) { continue }
            var e = t[k].e
            while e > t[k].s && b[e - 1] &- 0x30 < 10 { e -= 1 }
            let s = t[k].s
            for p in pairs where b[s] == p.first {
                var hit = false
                for skip in 1...3 where e - s - skip == p.length && isAlpha(b[s + skip - 1]) {
                    if wordKey(b, s + skip, e) == p.last { hit = true }
                }
                if hit {
                    emitName(k, k + 1, priority: 3, score: 0.6, rule: "name-login-of-known-name")
                    break
                }
            }
        }
    }
}

extension PHIDetection {
    /// After a title that is also a word (`Pastor`, `Father`, `Sister`): a listed given name, even one that is a word
    /// (`Ray`), and a capitalised surname in no list (``unlistedNameWord``): "Pastor Ray Etsitty", "Father Tom Kealoha".
    /// The end, or nil; drugs, eponyms, months and places are no given names here.
    @inline(never) func weakTitleGivenUnlistedSurname(_ j: Int) -> Int? {
        guard j + 1 < t.count, !t[j].nl, !t[j + 1].nl, isWord(j), cap(j), !t[j].flags.contains(.allUpper), t[j].e - t[j].s >= 2 else { return nil }
        let g = t[j].bits
        guard g.contains(.firstName), !g.contains(.drugWord), !g.contains(.eponym), !g.contains(.placeWord), !g.contains(.title),
            !t[j].rb.contains(.monthName), !t[j].rb.contains(.weekday), unlistedNameWord(j + 1)
        else { return nil }
        var e = j + 2
        if punct(e, 0x2D) && adjacent(e) && e + 1 < t.count && adjacent(e + 1) && cap(e + 1) { e += 2 }
        return e
    }
}

extension PHIDetection {
    /// Token `k` is the last of its line and a blank line or the end of the note follows.
    @inline(never) func entryEndsAfter(_ k: Int) -> Bool {
        if k + 1 >= t.count { return true }
        guard t[k + 1].nl else { return false }
        var n = 0
        for c in t[k].e..<t[k + 1].s where b[c] == 0x0A { n += 1 }
        return n >= 2
    }

    /// A date stamp (`10/14/2025 11:47`) starts at token `k` on the same line: a number, a slash or dot and a number.
    @inline(never) func dateStampAt(_ k: Int) -> Bool {
        k + 2 < t.count && !t[k].nl && t[k].kind == .number && (punct(k + 1, 0x2F) || punct(k + 1, 0x2E)) && adjacent(k + 1)
            && adjacent(k + 2) && t[k + 2].kind == .number
    }
}

extension PHIDetection {
    /// "Tyson (15), Shania (12), Jayden (8)", "Kai (7 months)": a capitalised listed given name in a mixed-case note,
    /// right before a bracket holding an age (a number up to 120, maybe an age unit, then `)` or `,`). Ordinary and
    /// stop-listed words, eponyms, drugs, places, titles, months and weekdays never (`Grade (2)`, `Tanner (3)`). The end
    /// of the name, or nil; the age is taken by the ages-after-names pass.
    @inline(never) func givenNameBeforeAge(_ i: Int) -> Int? {
        guard !capsDoc, !lowerDoc, !covered[i], cap(i), !t[i].flags.contains(.allUpper), t[i].e - t[i].s >= 3, i + 3 < t.count,
            ageNumber(i + 2), t[i + 2].e - t[i + 2].s <= 3
        else { return nil }
        // Session 13: "two children, Mia\n(8) and Lachlan (5)": the bracketed age may open the next line when the bracket
        // closes and the list or the sentence goes on (a numbered item `(2) Review` does not).
        if t[i + 1].nl {
            guard punct(i + 3, 0x29), i + 4 >= t.count || t[i + 4].nl || t[i + 4].key == K.and || punct(i + 4, 0x2C)
                || punct(i + 4, 0x3B) || punct(i + 4, 0x2E)
            else { return nil }
        }
        let g = t[i].bits
        guard g.contains(.firstName), !g.contains(.ordinaryWord), !g.contains(.stopWord), !g.contains(.eponym), !g.contains(.drugWord),
            !g.contains(.placeWord), !g.contains(.title), !g.contains(.weakTitle), !g.contains(.credential),
            !t[i].rb.contains(.monthName), !t[i].rb.contains(.weekday)
        else { return nil }
        // Session 13: "Jason (36; works as a concreter)": a semicolon after the age.
        guard punct(i + 3, 0x29) || punct(i + 3, 0x2C) || punct(i + 3, 0x3B)
            || (isWord(i + 3) && inSet(.ageUnits, t[i + 3].key) && (punct(i + 4, 0x29) || punct(i + 4, 0x2C)))
        else { return nil }
        // Part of a capitalised run ("Santa Ana (2)") is left to the other rules.
        if i > 0 && !t[i].nl && cap(i - 1) && !t[i - 1].bits.contains(.title) && !sentenceStart(i - 1) && !inSet(.roleWords, t[i - 1].key) {
            return nil
        }
        return i + 1
    }
}

extension PHIDetection {
    /// "Ji-woo", "min-jun", "Soon-ja", "Mei-Ling": a word, a hyphen and a word, joined, whose two parts are both syllables
    /// of Korean or Chinese given names (`hyphenated_given_syllables`); the end after the second part, or nil.
    /// English compounds (`in-law`, `x-ray`, `so-called`) have a part outside the set.
    @inline(never) func hyphenatedGivenName(_ k: Int) -> Int? {
        guard k + 2 < t.count, isWord(k), !t[k].nl, punct(k + 1, 0x2D), adjacent(k + 1), adjacent(k + 2), isWord(k + 2),
            !t[k].flags.contains(.hasDigit), !t[k + 2].flags.contains(.hasDigit),
            inSet(.hyphenatedGivenSyllables, t[k].key), inSet(.hyphenatedGivenSyllables, t[k + 2].key),
            t[k].e - t[k].s + t[k + 2].e - t[k + 2].s >= 4
        else { return nil }
        // Reduplications are English ("so-so", "bye-bye").
        if t[k].key == t[k + 2].key { return nil }
        // Not one part of a longer hyphenated word ("well-to-do").
        if k + 3 < t.count && punct(k + 3, 0x2D) && adjacent(k + 3) { return nil }
        if k > 0 && punct(k - 1, 0x2D) && adjacent(k) { return nil }
        return k + 3
    }

    /// "Jean-Paul Dubois", "Mary-Rose attended", "ANNE-MARIE": two capitalised listed given names joined by a hyphen, at
    /// least one of them no ordinary or stop-listed word (both in capitals), neither a title, eponym, drug, place, month
    /// or weekday, not one part of a longer hyphenated word, a known place or an eponym's phrase (`... syndrome`); a
    /// capitalised surname after it joins the name. The end, or nil.
    @inline(never) func hyphenatedListedGivenName(_ i: Int) -> Int? {
        guard !lowerDoc, i + 2 < t.count, cap(i), punct(i + 1, 0x2D), adjacent(i + 1), adjacent(i + 2), cap(i + 2), !covered[i + 2],
            t[i].key != t[i + 2].key, t[i].e - t[i].s >= 2, t[i + 2].e - t[i + 2].s >= 2,
            !(i > 0 && punct(i - 1, 0x2D) && adjacent(i)), !(punct(i + 3, 0x2D) && adjacent(i + 3))
        else { return nil }
        var plain = 0
        // "Carter-Thomason", "Jansen-Middleton" (instruments), double-barrelled surnames: each part must be a frequent
        // given name or a given name that is no surname, unless both are given-name syllables ("Wei-Ling").
        let syllables = hyphenatedGivenName(i) != nil
        for k in [i, i + 2] {
            let g = t[k].bits
            guard g.contains(.firstName), !g.contains(.title), !g.contains(.weakTitle), !g.contains(.eponym), !g.contains(.drugWord),
                !g.contains(.placeWord), !g.contains(.credential), !t[k].flags.contains(.hasDigit),
                !t[k].rb.contains(.monthName), !t[k].rb.contains(.weekday),
                syllables || g.contains(.frequentFirst) || !g.contains(.lastName)
            else { return nil }
            if !g.contains(.ordinaryWord) && !g.contains(.stopWord) { plain += 1 }
        }
        guard plain >= ((capsDoc || t[i].flags.contains(.allUpper)) ? 2 : 1) else { return nil }
        if t[i].ps, phrase(at: i, kinds: [.startsPlace, .startsOrganization, .startsFacilityAfter], where: { _ in true }) != nil { return nil }
        var e = i + 3
        if eponymFollows(e) { return nil }
        // "Mary-Anne Street", "Rose-Marie Bay": a street or place word after it makes a place.
        if e < t.count, !t[e].nl, cap(e), t[e].bits.contains(.streetType) || t[e].bits.contains(.placeWord) || placeSuffix(e) { return nil }
        // A surname: a listed one, or after a listed pair any capitalised word in no list ("Jean-Paul Dubois").
        if e < t.count, !t[e].nl, !covered[e], t[e].s - t[e - 1].e == 1, cap(e), t[e].e - t[e].s >= 2,
            t[e].flags.contains(.allUpper) == t[i].flags.contains(.allUpper)
        {
            let lb = t[e].bits
            if (lb.contains(.lastName) && !lb.contains(.ordinaryWord) && !lb.contains(.stopWord) && !lb.contains(.title)
                && !lb.contains(.credential) && !lb.contains(.placeWord) && !lb.contains(.streetType) && !pairSurnameIsPlace(e))
                || unlistedNameWord(e)
            {
                e += 1
                if punct(e, 0x2D) && adjacent(e) && e + 1 < t.count && cap(e + 1) && adjacent(e + 1) { e += 2 }
                e = nameTail(e)
            }
        }
        return e
    }

    /// `Graham "Gus" Pilcher`, `Shane "Sparra" Sparrow`, `KEITH "SPUD" MURPHY`: a capitalised listed given name, a quoted
    /// capitalised nickname and a capitalised surname (a listed surname, or in mixed case a word in no list) are one name
    /// without any cue (GUIDELINE N2); the shape is the evidence. Never a title, drug, place or month. The end, or nil.
    @inline(never) func givenQuotedNicknameSurname(_ i: Int) -> Int? {
        guard !lowerDoc, i + 4 < t.count, cap(i), punct(i + 1, 0x22), !adjacent(i + 1), adjacent(i + 2), cap(i + 2), punct(i + 3, 0x22),
            adjacent(i + 3), !t[i + 4].nl, !adjacent(i + 4), cap(i + 4), !covered[i + 4], t[i].e - t[i].s >= 2, t[i + 4].e - t[i + 4].s >= 2
        else { return nil }
        let g = t[i].bits, lb = t[i + 4].bits
        guard !g.contains(.title), !g.contains(.weakTitle), !g.contains(.drugWord), !g.contains(.placeWord), !t[i].rb.contains(.monthName),
            !t[i].rb.contains(.weekday), !t[i + 2].bits.contains(.title)
        else { return nil }
        let caps = t[i + 4].flags.contains(.allUpper)
        // In mixed case even a surname that is a word (`Sparrow`): the nickname's shape vouches for it.
        guard lb.contains(.lastName) || (!caps && (unlistedNameWord(i + 4) || lb.contains(.ordinaryWord))), !lb.contains(.drugWord),
            !lb.contains(.placeWord), !lb.contains(.title), !lb.contains(.weakTitle), !lb.contains(.credential), !lb.contains(.streetType),
            !lb.contains(.stateAbbr), !t[i + 4].rb.contains(.monthName), !t[i + 4].rb.contains(.weekday)
        else { return nil }
        var e = i + 5
        if punct(e, 0x2D) && adjacent(e) && e + 1 < t.count && cap(e + 1) && adjacent(e + 1) { e += 2 }
        return e
    }

    /// A hyphenated given name (``hyphenatedGivenName(_:)``) after a relative or person cue, maybe with a surname after
    /// it: a listed surname, or in a lower-case note a word that is no ordinary word, verb or follower ("son min-jun
    /// park" takes `park` only as a listed surname). The end, or nil.
    @inline(never) func hyphenatedGivenNameRun(_ k: Int) -> Int? {
        guard var e = hyphenatedGivenName(k) else { return nil }
        if e < t.count, !t[e].nl, isWord(e), t[e].s - t[e - 1].e == 1, t[e].e - t[e].s >= 2, !t[e].flags.contains(.hasDigit),
            cap(e) == cap(k) || lowerDoc,
            // "son min-jun park": a Korean or Chinese family name after the given name even when it is also a word.
            ((t[e].bits.contains(.lastName) || t[e].bits.contains(.frequentLast)) && !t[e].bits.contains(.stopWord))
                || inSet(.surnameFirstFamilyNames, t[e].key),
            !t[e].bits.contains(.title), !t[e].bits.contains(.credential),
            !inSet(.personFollowers, t[e].key), !inSet(.nameVerbs, t[e].key), !verbForm(e)
        { e += 1 }
        return e
    }
}

extension PHIDetection {
    /// "report given to precious ndlovu rn": in lower case, a listed given name and a surname (a listed surname or a word
    /// in no list, never an ordinary or stop-listed word) before a credential; a given name that is itself a word only
    /// after a handover word or a dash. The token after the credential, or nil.
    @inline(never) mutating func lowerGivenSurnameBeforeCredential(_ i: Int) -> Int? {
        guard i >= 1, !t[i].nl, isWord(i - 1), !cap(i - 1), !covered[i - 1], t[i - 1].e - t[i - 1].s >= 3, !t[i - 1].flags.contains(.hasDigit)
        else { return nil }
        let g = t[i - 1].bits, lb = t[i].bits
        guard g.contains(.firstName), !g.contains(.eponym), !g.contains(.drugWord), !g.contains(.title), !g.contains(.credential),
            !t[i - 1].rb.contains(.monthName), !lb.contains(.stopWord), !lb.contains(.ordinaryWord) || lb.contains(.frequentLast),
            !lb.contains(.drugWord), !lb.contains(.credential), !lb.contains(.title), !verbForm(i)
        else { return nil }
        var c = i + 1
        if punct(c, 0x2C) { c += 1 }
        guard c < t.count, !t[c].nl, credentialAt(c) else { return nil }
        if g.contains(.ordinaryWord) || g.contains(.stopWord) || lb.contains(.ordinaryWord) {
            guard i >= 2, !t[i - 1].nl, inSet(.handoverWords, t[i - 2].key) || (punct(i - 2, 0x2D) && !adjacent(i - 1)) else { return nil }
        }
        emitName(i - 1, i + 1, priority: 3, score: 0.7, rule: "name-lower-credential")
        return c + 1
    }
}

// MARK: names written family name first, signature lines and relatives in lower-case notes

extension PHIDetection {
    /// "Tran Van Minh", "NGUYEN Thi Thu Ha", "Kim Min-jun", "Wang Xiao Ming": a family name written before the given name
    /// (`surname_first_family_names`: Vietnamese, Korean and Chinese family names), capitalised, then on its line either a
    /// capitalised hyphenated given name (`Min-jun`, ``hyphenatedGivenName(_:)``) or two or three capitalised given-name
    /// syllables (`surname_first_given_syllables` or `hyphenated_given_syllables`) of one case. Two syllables are asked
    /// for because many of these family names are also English words (`Le`, `Do`, `Ho`, `Song`, `Moon`): `Do Not
    /// Resuscitate`, `Moon Boot` stay out. Not before a place or organisation word (`Ho Chi Minh City`, `Ha Long Bay`).
    /// The end of the name, or nil.
    @inline(never) func surnameFirstName(_ i: Int) -> Int? {
        guard i + 2 < t.count, !covered[i], !t[i + 1].nl, cap(i + 1), !covered[i + 1], t[i].e - t[i].s <= 7,
            inSet(.surnameFirstFamilyNames, t[i].key)
        else { return nil }
        var e: Int
        if punct(i + 2, 0x2D), let h = hyphenatedGivenName(i + 1) {
            e = h
        } else {
            var j = i + 1
            let upper = t[i + 1].flags.contains(.allUpper)
            while j < t.count, j - i <= 3, !t[j].nl, isWord(j), cap(j), !covered[j], t[j].s - t[j - 1].e < 3, t[j].e - t[j].s >= 2,
                t[j].flags.contains(.allUpper) == upper,
                inSet(.surnameFirstGivenSyllables, t[j].key) || inSet(.hyphenatedGivenSyllables, t[j].key)
            { j += 1 }
            guard j - i >= 3 else { return nil }
            e = j
        }
        if e < t.count, !t[e].nl, isWord(e), cap(e),
            t[e].bits.contains(.streetType) || t[e].rb.contains(.orgSuffix) || placeSuffix(e)
                || (t[e].ps && phrase(at: e, kinds: [.startsFacilityAfter, .startsOrganization], where: { _ in true }) != nil)
        { return nil }
        if t[i].ps, let (_, pe) = phrase(at: i, kinds: .startsPlace, where: { $0 == .place }), pe > i + 1 { return nil }
        return e
    }

    /// "- ruth joy, rn", "- may cook rn": on a signature line opened by a dash, in lower case, a listed given name and a
    /// listed surname that are both ordinary or stop-listed words, before a credential. The dash at the line start and
    /// the credential after the pair make it a signature, whatever the words mean. Token `i` is the surname. The token
    /// after the credential, or nil.
    @inline(never) mutating func signatureLineWordName(_ i: Int) -> Int? {
        guard i >= 3, !cap(i), !cap(i - 1), isWord(i - 1), !t[i].nl, !t[i - 1].nl, punct(i - 2, 0x2D), t[i - 2].nl,
            !covered[i - 1], !covered[i], t[i - 1].e - t[i - 1].s >= 3, t[i].e - t[i].s >= 3,
            t[i - 1].bits.contains(.firstName), t[i].bits.contains(.lastName)
        else { return nil }
        for k in (i - 1)...i {
            let bits = t[k].bits
            if bits.contains(.drugWord) || bits.contains(.eponym) || bits.contains(.title) || bits.contains(.credential)
                || bits.contains(.placeWord) || t[k].rb.contains(.monthName) || t[k].rb.contains(.weekday) || t[k].flags.contains(.hasDigit)
            { return nil }
        }
        var c = i + 1
        if punct(c, 0x2C) { c += 1 }
        guard c < t.count, !t[c].nl, credentialAt(c) else { return nil }
        emitName(i - 1, i + 1, priority: 3, score: 0.7, rule: "name-signature-line")
        return c + 1
    }

    /// "wife (joy) at bedside", "son (bill)": a lower-case listed given name alone in brackets right after a kinship word,
    /// even when it is also a word; never a number, month, weekday, drug, eponym, place, title or credential. The end of
    /// the name, or nil.
    @inline(never) func bracketedLowerNameAfterKin(_ i: Int) -> Int? {
        let k = i + 2
        guard k + 1 < t.count, punct(i + 1, 0x28), !t[i + 1].nl, !t[k].nl, adjacent(k), punct(k + 1, 0x29), adjacent(k + 1), isWord(k),
            !cap(k), !covered[k], t[k].e - t[k].s >= 3, !t[k].flags.contains(.hasDigit)
        else { return nil }
        let bits = t[k].bits
        guard bits.contains(.firstName), !bits.contains(.drugWord), !bits.contains(.eponym), !bits.contains(.placeWord),
            !bits.contains(.title), !bits.contains(.credential), !t[k].rb.contains(.monthName), !t[k].rb.contains(.weekday)
        else { return nil }
        return k + 1
    }

    /// In a lower-case note, a later mention of a stop-listed given name found after a relative or role cue (`daughter
    /// may and grandson tanner` ... `may asked if`, `given by may at 1300`) is the person only where the word cannot be
    /// read otherwise: before a verb of `name_verbs` that is no auxiliary (`may asked`, `may called him`), or after a
    /// `by` or `with` and before a clause end or `at`.
    @inline(never) func lowerStopNameMentionOK(_ k: Int) -> Bool {
        guard lowerDoc, !cap(k) else { return false }
        let n = k + 1
        if n < t.count, !t[n].nl, isWord(n), inSet(.nameVerbs, t[n].key), !inSet(.auxiliaryVerbs, t[n].key) { return true }
        guard k > 0, !t[k].nl, isWord(k - 1), t[k - 1].key == K.by || t[k - 1].key == K.with else { return false }
        return n >= t.count || t[n].nl || punct(n, 0x2C) || punct(n, 0x2E) || punct(n, 0x3B) || t[n].key == K.at
    }
}

extension PHIDetection {
    /// A lower-case given name of a lower-case note that is also a stop-listed word (`may`, `joy`, `rose`), not an eponym,
    /// drug, place, title or credential: found after a relative or role cue, it is propagated (only to the mentions
    /// ``lowerStopNameMentionOK(_:)`` accepts).
    @inline(never) func lowerStopListedGivenName(_ k: Int) -> Bool {
        guard lowerDoc, isWord(k), !cap(k), t[k].e - t[k].s >= 3 else { return false }
        let bits = t[k].bits
        return bits.contains(.firstName) && bits.contains(.stopWord) && !bits.contains(.eponym) && !bits.contains(.drugWord)
            && !bits.contains(.placeWord) && !bits.contains(.title) && !bits.contains(.credential) && !t[k].rb.contains(.weekday)
    }
}

// MARK: job titles after an occupation cue

extension PHIDetection {
    /// Session 17 (phiA): token `i` is the age word of an age written before a noun (`54-year-old`, `54 year old`,
    /// `54-year old`, `54 yo`), with the number before it on its line.
    @inline(__always) func ageWordBeforeTitle(_ i: Int) -> Bool {
        let k = t[i].key
        guard k == K.yearOld || k == AgeKeys.yo || k == AgeKeys.old, i >= 1, !t[i].nl else { return false }
        if k != AgeKeys.old { return t[i - 1].kind == .number || (punct(i - 1, 0x2D) && i >= 2 && !t[i - 1].nl && t[i - 2].kind == .number) }
        var j = i - 1
        if punct(j, 0x2D) && j >= 1 && !t[j].nl { j -= 1 }
        guard j >= 1, !t[j].nl, t[j].key == AgeKeys.year || t[j].key == AgeKeys.years else { return false }
        j -= 1
        if punct(j, 0x2D) && j >= 1 && !t[j].nl { j -= 1 }
        return j >= 0 && t[j].kind == .number
    }


    /// Session 18: the subject at token `k` before `is a`/`was an` is a person: `he`, `she`, `pt`, `patient`, a person found
    /// in the note, a kinship word (`Her husband is a ...`) or a capitalised given name in no ordinary-word list (`Murat is
    /// an ...`); not a body part or a thing (`The back was a little tender`) nor `who` (`Dr X who is a ... specialist`).
    @inline(never) func copulaPerson(_ k: Int) -> Bool {
        guard k >= 0, isWord(k), !t[k + 1].nl else { return false }
        let key = t[k].key
        if key == K.he || key == K.she || key == K.pt || key == K.patient || named[k] || inSet(.kinship, t[k].base) { return true }
        let bits = t[k].bits
        return cap(k) && !capsDoc && bits.contains(.firstName) && !bits.contains(.ordinaryWord) && !bits.contains(.stopWord)
            && !bits.contains(.drugWord) && !bits.contains(.placeWord)
    }

    /// "works nights as a poultry line supervisor", "employed as a heavy vehicle mechanic", "Occupation: Senior Software
    /// Engineer", "Job: HR business partner at a bank": after `as` (with a work verb or occupation cue at most four words
    /// before it in its sentence: "works at the council as a parks maintenance officer") or after an occupation label and its colon, the noun phrase up to a word of `occupation_phrase_ends`
    /// (at most five words, hyphenated words kept whole) is PROFESSION when its last word is a job title's head
    /// (`occupation_heads`) or a listed occupation ends there. An article and employment states before the title
    /// (`retired`, `casual`, `part-time`: `occupation_cues`, `not_professions`) stay outside (GUIDELINE PR1); an employer
    /// after `at`/`for`/`with` is found as after any occupation. Token `i` is the cue; the end, or nil.
    @inline(never) mutating func occupationNounPhrase(_ i: Int) -> Int? {
        var s = i + 1
        guard s < t.count, !t[s].nl else { return nil }
        // Session 17 (phiA): "a 54-year-old high school chemistry teacher at ...", "a 47-year-old right-handed order
        // selector", "this 61 yo retired wharfie": a job title right after an age word (`year-old`, `year old`, `yo`), past
        // handedness words and an employment state (`aged_occupation_skips`, `occupation_cues`).
        let aged = ageWordBeforeTitle(i)
        if aged {
            while s < t.count && !t[s].nl && isWord(s) && (inSet(.agedOccupationSkips, t[s].key) || inSet(.occupationCues, t[s].key)) {
                s += 1
                while punct(s, 0x2D) && adjacent(s) && s + 1 < t.count && adjacent(s + 1) && isWord(s + 1) { s += 2 }
            }
            // The common continuations first, cheaply: "67 yo M", "a 54-year-old woman", "45 yo male".
            guard s < t.count, !t[s].nl, isWord(s), t[s].e - t[s].s > 1, !inSet(.agedOccupationStops, t[s].key) else { return nil }
        }
        // Session 13: "Mr. Delacroix is a retired railroad conductor (34 years with CSX)", "a 44-year-old former FedEx package
        // handler", "SHX: Retired school bus driver.": `retired` or `former` after `is a`/`was a`, an age, or opening a
        // sentence or field.
        // Session 18 (phiage): "Mr. Tesfaye is a wet-etch process technician.", "Murat is an orchard supervisor at ...": after
        // `is a`/`was an` a title of two words or more ending in a job head, that ends at a phrase end, a bracket or the
        // clause (one-word titles are the listed occupations' business; a description word of `aged_occupation_stops`
        // makes it none: `was a restrained driver`).
        let copula = !aged && (t[i].key == K.is || t[i].key == K.was)
        if copula {
            guard isWord(s), t[s].key == K.a || t[s].key == K.an, !t[s].nl, copulaPerson(i - 1) else { return nil }
        }
        let state = !aged && !copula && (t[i].key == K.retired || t[i].key == K.former)
        if state {
            let copula = i >= 2 && (t[i - 1].key == K.a || t[i - 1].key == K.an) && (t[i - 2].key == K.is || t[i - 2].key == K.was)
            let aged = i >= 1 && !t[i].nl && (t[i - 1].key == AgeKeys.yo || t[i - 1].key == AgeKeys.old || t[i - 1].key == K.yearOld)
            let opens = i == 0 || t[i].nl || punct(i - 1, 0x2E) || punct(i - 1, 0x3A) || punct(i - 1, 0x3B)
            guard copula || aged || opens, isWord(s) else { return nil }
        }
        let label = !state && !aged && !copula && (punct(s, 0x3A) || punct(s, 0x2D))
        if aged || copula {
        } else if label {
            // A label: `Occupation:` opening its line or field.
            guard i == 0 || t[i].nl || punct(i - 1, 0x2E) || t[i].s - t[i - 1].e >= 3 || punct(i - 1, 0x3B) else { return nil }
            s += 1
        } else if !state {
            // `as` after a work verb or an occupation cue ("works as", "works nights as", "employed full time as").
            var ok = false
            var j = i - 1
            while j >= 0 && i - j <= 5 && !t[j + 1].nl && !punct(j, 0x2E) && !punct(j, 0x3B) {
                if isWord(j) && (inSet(.workVerbs, t[j].key) || inSet(.occupationCues, t[j].key))
                    && (!inSet(.occupationPhraseCues, t[j].key) || t[j].key == K.retired || t[j].key == K.former)
                {
                    ok = true
                    break
                }
                j -= 1
            }
            guard ok else { return nil }
        }
        if s < t.count && !t[s].nl && isWord(s) && (t[s].key == K.a || t[s].key == K.an) { s += 1 }
        // "works nights as a\npoultry line supervisor": a wrapped line may fall between `as a` and the title.
        let wrapped = s < t.count && t[s].nl && !label && s > i + 1 && isWord(s - 1) && (t[s - 1].key == K.a || t[s - 1].key == K.an)
        // Employment states before the title stay outside.
        while s < t.count && !t[s].nl && isWord(s) && (inSet(.occupationCues, t[s].key) || inSet(.notProfessions, t[s].key)) {
            s += 1
            if punct(s, 0x2D) && adjacent(s) && s + 1 < t.count && adjacent(s + 1) && isWord(s + 1) { s += 2 }
        }
        var k = s, last = -1, words = 0
        while k < t.count && (!t[k].nl || (k == s && wrapped)) && words < 5 && isWord(k) && !covered[k] && !t[k].flags.contains(.hasDigit)
            && !inSet(.occupationPhraseEnds, t[k].key) && (k == s || t[k].s - t[k - 1].e <= 1)
        {
            var e = k + 1
            // "night-fill", "long-haul": a hyphenated word is one word of the title.
            while punct(e, 0x2D) && adjacent(e) && e + 1 < t.count && adjacent(e + 1) && isWord(e + 1) && !t[e + 1].flags.contains(.hasDigit) { e += 2 }
            last = e - 1
            words += 1
            k = e
        }
        guard last >= s else { return nil }
        // Session 17: after an age a head alone is no title ("a 41-year-old worker who"); a listed occupation is.
        var head = inSet(.occupationHeads, t[last].key) && !(aged && s == last)
        if !head {
            for p in s...last where t[p].ps {
                if let (_, pe) = phrase(at: p, kinds: .startsProfession, where: { $0 == .profession }), pe == last + 1 {
                    head = true
                    break
                }
            }
        }
        // Session 17: after an age the title may be followed by a verb ("a 71-year-old grain carrier presents with"): the
        // longest run of two or more words ending in a head.
        if aged && !head && last > s + 1 {
            var q = last - 1
            while q > s && !(isWord(q) && inSet(.occupationHeads, t[q].key)) { q -= 1 }
            if q > s {
                last = q
                head = true
            }
        }
        guard head else { return nil }
        if copula {
            guard last > s, inSet(.occupationHeads, t[last].key) else { return nil }
            let n = last + 1
            guard n >= t.count || t[n].nl || asideEnd(n) || punct(n, 0x28) || (isWord(n) && inSet(.occupationPhraseEnds, t[n].key)) else { return nil }
            for p in s...last where isWord(p) && inSet(.agedOccupationStops, t[p].key) { return nil }
        }
        // Session 17: "a 45-year-old restrained driver", "a 30-year-old female patient care worker": after an age, a word of
        // `aged_occupation_stops` makes the phrase the person's description, not a job.
        if aged {
            for p in s...last where isWord(p) && inSet(.agedOccupationStops, t[p].key) { return nil }
        }
        // Session 13: "Former partner (Darren)": after a state alone a kinship word is a relative.
        if state && s == last && t[s].rb.contains(.kinship) { return nil }
        // A person's name after a role word is the person, not a title ("works as a carer for Dad" stays the title).
        if s == last && cap(s) && !capsDoc && t[s].bits.contains(.firstName) && !t[s].bits.contains(.ordinaryWord) { return nil }
        let end = last + 1
        emit(.profession, s, end, priority: 1, score: 0.75, rule: "profession-title")
        return employerAfterOccupation(end) ?? end
    }
}

// MARK: ages beside a sex letter or an abbreviated unit

extension PHIDetection {
    /// The rule id for an age at number token `i` written beside a sex letter and a slash (`72/F`, `Age/Sex: 58/M`,
    /// `M/45`, `F/72`; GUIDELINE A1: the number only) or before an abbreviated unit of `age_units` and `old` (`2 wk old`,
    /// `9 mo old`), or nil. The slash forms take one letter `M` or `F` joined on both sides, never inside a longer slash
    /// group (`12/3/F`, `F/72/3`) or before a letter or digit (`45/Fr`).
    @inline(never) func ageBesideSexOrUnit(_ i: Int) -> String? {
        guard t[i].kind == .number, t[i].e - t[i].s <= 3, intValue(i) <= 120 else { return nil }
        if punct(i + 1, 0x2F), adjacent(i + 1), adjacent(i + 2), sexLetter(i + 2), ageTokenEnds(i + 2),
            !(i > 0 && adjacent(i) && (punct(i - 1, 0x2F) || t[i - 1].kind == .number))
        {
            return "age-sex-slash"
        }
        if i >= 2, punct(i - 1, 0x2F), adjacent(i), adjacent(i - 1), sexLetter(i - 2), ageTokenEnds(i),
            !(i >= 3 && adjacent(i - 2) && (punct(i - 3, 0x2F) || isWord(i - 3) || t[i - 3].kind == .number))
        {
            return "age-sex-slash"
        }
        // Session 17: not the end of a range ("bruises 2-4 days old": an estimate, GUIDELINE A).
        if i + 2 < t.count, !t[i + 1].nl, !t[i + 2].nl, isWord(i + 1), inSet(.ageUnits, t[i + 1].key), t[i + 2].key == AgeKeys.old,
            !(i >= 2 && punct(i - 1, 0x2D) && adjacent(i) && adjacent(i - 1) && t[i - 2].kind == .number)
        {
            return "age-unit-old"
        }
        return nil
    }
}

extension PHIDetection {
    /// Token `k` is the capital letter `M` or `F` alone.
    @inline(__always) func sexLetter(_ k: Int) -> Bool {
        k >= 0 && k < t.count && isWord(k) && t[k].e - t[k].s == 1 && b[t[k].s] &- 0x41 < 26 && (t[k].key == AgeKeys.m || t[k].key == AgeKeys.f)
    }

    /// The token after `k` does not continue it: no letter, digit, slash or decimal point joined to it.
    @inline(__always) func ageTokenEnds(_ k: Int) -> Bool {
        if k + 1 >= t.count || !adjacent(k + 1) { return true }
        if punct(k + 1, 0x2E) { return !(k + 2 < t.count && adjacent(k + 2) && t[k + 2].kind == .number) }
        return t[k + 1].kind == .punctuation && !punct(k + 1, 0x2F)
    }
}
