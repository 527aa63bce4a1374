import MedTextCore

// Session 14 (helper `phinames`): frequent given names that the stop list holds as eponyms (`Thomas`, `Patrick`,
// `Marie`, `Kelly`, `Craig`, `Curtis`, `Lauren`, `Russell`: an instrument, sign or syndrome is named after someone of
// that name) were refused by every cue path, so `son Thomas Smith`, `spoke with Marie Jones` and `peer Curtis` were
// no names at all. As an eponym the word stands before its follower (`Thomas splint`, `Kelly clamp`), in a possessive
// (`Marie's`), joined by a hyphen (`Charcot-Marie-Tooth`) or inside a run of capitalised words; before a capitalised
// surname, after a person cue or once the note has named that person, it is the given name.

extension PHIDetection {
    /// Token `k` is a capitalised frequent given name that the stop list holds as an eponym, written as a name
    /// can be: no possessive, no hyphen joining it to another word, no drug, place, title or credential.
    @inline(never) func eponymGivenName(_ k: Int) -> Bool {
        guard k >= 0, k < t.count, isWord(k), !capsDoc, cap(k), !t[k].flags.contains(.allUpper), t[k].e - t[k].s >= 3 else { return false }
        let bits = t[k].bits
        guard bits.contains(.eponym), bits.contains(.firstName), bits.contains(.frequentFirst),
            bits.isDisjoint(with: [.drugWord, .placeWord, .title, .weakTitle, .credential, .ordinaryWord]),
            !t[k].rb.contains(.monthName), !t[k].rb.contains(.weekday)
        else { return false }
        if k > 0 && adjacent(k) && punct(k - 1, 0x2D) { return false }
        if k + 1 < t.count && adjacent(k + 1) && punct(k + 1, 0x2D) { return false }
        return true
    }

    /// "Curtis Olanrewaju, peer support specialist", "Thomas Kennedy": an eponym given name (``eponymGivenName(_:)``)
    /// before a capitalised surname that is a listed surname or a word in no list, no ordinary or stop-listed word,
    /// inside no longer run of capitalised words and before no eponym follower (`Bernard Soulier syndrome`). The end,
    /// or nil.
    @inline(never) func eponymGivenSurname(_ i: Int) -> Int? {
        guard eponymGivenName(i), t[i].base == t[i].key, i + 1 < t.count, !t[i + 1].nl, !covered[i + 1] else { return nil }
        // "Fitz Hugh Curtis": a word inside a capitalised phrase (a title, or a line or sentence start, may stand before).
        if i > 0 && !t[i].nl && cap(i - 1) && !t[i - 1].bits.contains(.title) && !sentenceStart(i - 1) && !inSet(.roleWords, t[i - 1].key) {
            return nil
        }
        let s = t[i + 1].bits
        guard s.isDisjoint(with: [.ordinaryWord, .placeWord]), !t[i + 1].flags.contains(.allUpper), let end = roleGivenSurname(i) else { return nil }
        if eponymFollows(end) { return nil }
        // "Marshall Marchetti Krantz": a third capitalised word that is no credential makes it something else.
        if end < t.count && !t[end].nl && isWord(end) && cap(end) && !t[end].bits.contains(.credential) { return nil }
        return end
    }

    /// A later mention of an eponym given name found with its surname ("Lauren is a teacher", "(Lauren)"): not before
    /// an eponym follower (`Kelly clamp`, `Thomas's splint`) or a capitalised word (`Thomas Splint`) on its line.
    @inline(never) func eponymGivenMentionOK(_ k: Int) -> Bool {
        guard eponymGivenName(k), !eponymFollows(k + 1) else { return false }
        if t[k].base != t[k].key { return !(k + 1 < t.count && !t[k + 1].nl && cap(k + 1)) }
        if k + 1 < t.count && !t[k + 1].nl && isWord(k + 1) && cap(k + 1) && !nameKeys.contains(t[k + 1].base) { return false }
        return true
    }

    /// "(gestational carrier for transfer): ": a bracket opening at `j` that closes on its line within eight tokens,
    /// right before a colon. The token after the colon, or nil.
    @inline(never) func asideBeforeColon(_ j: Int) -> Int? {
        var q = j + 1
        while q < t.count && !t[q].nl && q - j <= 8 && !punct(q, 0x29) && !punct(q, 0x28) { q += 1 }
        guard q > j + 1, punct(q, 0x29), q + 2 < t.count, punct(q + 1, 0x3A), !t[q + 1].nl, !t[q + 2].nl else { return nil }
        return q + 2
    }

}

// Session 14: initials that sign nursing and support-work entries, written once before the name they stand for
// ("jk (jess kowalski, rn)", "- dm (daniel mahoney)"), then alone at the end of later entries ("... reassured.\njk").

extension PHIDetection {
    /// Two or three letters at `i` before a bracket holding as many words whose first letters they are, the first a
    /// listed given name and the last a listed surname or no ordinary word, closed by `)` or a comma (`bd (before
    /// dinner)`, `pr (per rectum)` stay out). Emits both names; the end, or nil.
    @inline(never) mutating func initialsBeforeTheirName(_ i: Int) -> Int? {
        let n = t[i].e - t[i].s
        guard n >= 2, n <= 3, !covered[i], i + 2 < t.count, !t[i + 1].nl, !t[i + 2].nl else { return nil }
        for c in t[i].s..<t[i].e where !isAlpha(b[c]) { return nil }
        var q = i + 2, words = 0
        while q < t.count && words < n && !t[q].nl && isWord(q) && t[q].e - t[q].s >= 2 && !t[q].flags.contains(.hasDigit)
            && b[t[q].s] | 0x20 == b[t[i].s + words] | 0x20
        {
            q += 1
            words += 1
        }
        guard words == n, q < t.count, punct(q, 0x29) || punct(q, 0x2C), !covered[i + 2] else { return nil }
        let g = t[i + 2].bits, l = t[q - 1].bits
        guard g.contains(.firstName), !g.contains(.ordinaryWord), l.contains(.lastName) || !l.contains(.ordinaryWord),
            l.isDisjoint(with: [.title, .credential, .drugWord])
        else { return nil }
        emit(.name, i, i + 1, priority: 3, score: 0.6, rule: "name-initials-bracket")
        emitName(i + 2, q, priority: 3, score: 0.8, rule: "name-initials-bracket")
        if !signedInitials.contains(t[i].key) { signedInitials.append(t[i].key) }
        return q
    }

    /// The other sign-offs of the initials of ``initialsBeforeTheirName(_:)``: ending their line, alone on it or after a
    /// sentence's end, a bracket, a dash, or a short role label's colon (`sw: kt`).
    @inline(never) mutating func signedInitialsRepeats() {
        for i in 0..<t.count where isWord(i) && (2...3).contains(t[i].e - t[i].s) && !covered[i] && !named[i] && signedInitials.contains(t[i].key) {
            guard i + 1 >= t.count || t[i + 1].nl else { continue }
            let before = t[i].nl || i == 0 || punct(i - 1, 0x2E) || punct(i - 1, 0x29) || (t[i - 1].kind != .word && dashByte(b[t[i - 1].s]))
                || (punct(i - 1, 0x3A) && i >= 2 && isWord(i - 2) && t[i - 2].e - t[i - 2].s <= 3)
            guard before else { continue }
            emit(.name, i, i + 1, priority: 3, score: 0.55, rule: "name-initials-repeat")
        }
    }
}
