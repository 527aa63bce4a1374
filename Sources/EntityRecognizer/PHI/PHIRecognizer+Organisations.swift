import MedTextCore

// Organisations named without a cue word, found by the frame around them (session 11, issue #6).
extension PHIDetection {
    /// Session 11: a sports club or team after its sport and `for`/`with` ("plays netball for Western Districts", "back
    /// at footy with the Penola Eagles"), or after a verb of playing for a team and `for` ("plays for Souths Juniors";
    /// not "plays with Lego"): one to four capitalised words, `the` before them outside (GUIDELINE §6: a named club
    /// locates the patient's life). `p` is the `for`/`with` token. Not a person ("tennis with Tom", "golf with Dr
    /// Shaw", "footy with Dad"), a country or state ("cricket for Australia"), a month or weekday, or a known place alone
    /// (the place rules decide "plays for Penola"). Emits the ORGANIZATION and returns its end, or nil.
    @inline(never) mutating func sportsTeam(_ p: Int) -> Int? {
        guard p > 0, p + 1 < t.count, !t[p].nl else { return nil }
        // "plays rugby league (hooker) for the Runaway Bay Seagulls": an aside in brackets after the sport.
        var q = p - 1
        if punct(q, 0x29) {
            var o = q - 1
            while o > 0 && q - o <= 4 && !t[o + 1].nl && !punct(o, 0x28) { o -= 1 }
            guard punct(o, 0x28) else { return nil }
            q = o - 1
        }
        guard q >= 0, isWord(q) else { return nil }
        guard inSet(.sportWords, t[q].key) || (t[p].key == K.for && inSet(.teamVerbs, t[q].key)) else { return nil }
        // A line written in capitals reads like an ALL-CAPS note ("PLAYS FOOTY FOR THE TIGERS AND ...").
        let caps = capsDoc || t[p].flags.contains(.allUpper)
        var i = p + 1
        if i + 1 < t.count, !t[i].nl, isWord(i), t[i].key == K.the, !cap(i) || caps { i += 1 }
        guard !t[i].nl, isWord(i), cap(i), !covered[i] else { return nil }
        var e = i
        var person = true
        while e < t.count && e - i < 4 && !t[e].nl && isWord(e) && cap(e) && !covered[e] {
            let key = t[e].key
            // "PLAYS NETBALL FOR WESTERN DISTRICTS AND IS ...": in an ALL-CAPS note a function word ends the name.
            if caps && e > i && (inSet(.functionWords, key) || inSet(.capsFunctionWords, key) || inSet(.employerPrepositions, key)
                || key == K.in || key == K.and || key == K.with)
            { break }
            let bits = t[e].bits
            if bits.contains(.title) || bits.contains(.weakTitle) || t[e].rb.contains(.kinship) || t[e].rb.contains(.monthName)
                || t[e].rb.contains(.weekday) || bits.contains(.stateAbbr) || inSet(.countries, key) || bits.contains(.drugWord)
            { return nil }
            // A person: given name first, every word a listed name and none a place ("with Jake Smith").
            if (e == i && !bits.contains(.firstName)) || !(bits.contains(.firstName) || bits.contains(.lastName)) || bits.contains(.placeWord) {
                person = false
            }
            e += 1
        }
        // "with Penola Eagles": a town's name before a plural is a club even when both words are listed names.
        if person, e > i + 1, t[i].ps, phrase(at: i, kinds: .startsPlace, where: { $0 == .place }) != nil,
            b[t[e - 1].e - 1] | 0x20 == 0x73, !t[e - 1].flags.contains(.allUpper) || caps
        {
            person = false
        }
        guard e > i, !person else { return nil }
        if e == i + 1 {
            // "plays for Penola": a known place alone is the place rules'; a lone ordinary word must read as a team's
            // plural ("with Souths", not "for Fun").
            if let (_, pe) = phrase(at: i, kinds: .startsPlace, where: { $0 == .place }), pe == e { return nil }
            if t[i].bits.contains(.ordinaryWord) && !t[i].flags.contains(.allUpper) && b[t[i].e - 1] | 0x20 != 0x73 { return nil }
        }
        emit(options.facilityType, i, e, priority: 3, score: 0.65, rule: "organization-sports-team")
        return e
    }

    /// Session 11: a known organisation that is also an ordinary or clinical word (organisations.tsv context `place`)
    /// in a context that names the organisation other than a place preposition: capitalised after `by` or `via`
    /// ("transport by AMR", "labs drawn by Quest"), straight before a known town that ends the clause (a branch,
    /// GUIDELINE O3: "headspace Mount Gambier", "Congress Alice Springs"), or before a care role of its staff
    /// ("Congress Aboriginal Liaison Officer", "Quest phlebotomist": one word may come between). Token `e` is the end of
    /// the name starting at token `i`.
    @inline(never) func placeOnlyOrganizationContext(_ i: Int, _ e: Int) -> Bool {
        if i > 0, !t[i].nl, cap(i), isWord(i - 1), t[i - 1].key == K.by || t[i - 1].key == K.via,
            // ("brought on by Rush hour traffic": a noun after the word makes it a word.)
            e >= t.count || t[e].nl || !isWord(e) || inSet(.functionWords, t[e].key) || inSet(.employerPrepositions, t[e].key)
                || inSet(.placePrepositions, t[e].key) || t[e].key == K.on
        {
            return true
        }
        guard e < t.count, !t[e].nl, isWord(e) else { return false }
        if cap(e), t[e].ps, let (_, pe) = phrase(at: e, kinds: .startsPlace, where: { $0 == .place }),
            pe >= t.count || t[pe].nl || t[pe].kind == .punctuation || (isWord(pe) && !cap(pe)), !eponymFollows(pe)
        {
            return true
        }
        for q in e...min(e + 1, t.count - 1) where !t[q].nl && isWord(q) && t[q].ps {
            // ("Retrieved by the Royal Flying Doctor Service": a capitalised word after the role that is no person's name
            // continues a longer name.)
            if let (_, pe) = phrase(at: q, kinds: .startsProfession, where: { $0 == .profession }), inSet(.careRoleHeads, t[pe - 1].key),
                pe >= t.count || t[pe].nl || !cap(pe) || t[pe].bits.contains(.firstName)
            {
                return true
            }
        }
        return false
    }
}

extension PHIDetection {
    /// Session 11: a numbered branch of a union or a veterans' association ("Roofers Local 123", "UA Local 198",
    /// "VFW Post 292", "American Legion Post 151"): one to four capitalised words on the line, then a
    /// capitalised branch word (`numbered_branch_words`) at `i - 1` and its number at `i` (GUIDELINE §6, decision of
    /// session 10: a trade-union branch is ORGANIZATION). A title, month, weekday, ward or room word never joins the
    /// name; `of`, `and` and a line start end it. Emits the ORGANIZATION and returns its end, or nil.
    @inline(never) mutating func numberedBranch(_ i: Int) -> Int? {
        guard i >= 2, !t[i].nl, !t[i - 1].nl, isWord(i - 1), cap(i - 1), inSet(.numberedBranchWords, t[i - 1].key), !covered[i - 1],
            t[i].e - t[i].s <= 5
        else { return nil }
        var s = i - 1
        while s - 1 >= 0 && i - 1 - (s - 1) <= 4 && !t[s].nl && isWord(s - 1) && cap(s - 1) && !covered[s - 1] {
            let key = t[s - 1].key, bits = t[s - 1].bits
            if bits.contains(.title) || bits.contains(.weakTitle) || t[s - 1].rb.contains(.monthName) || t[s - 1].rb.contains(.weekday)
                || inSet(.wardWords, key) || inSet(.roomWords, key) || inSet(.functionWords, key) || inSet(.employerPrepositions, key)
                || key == K.of || key == K.and || key == K.in
            { break }
            s -= 1
        }
        guard s < i - 1 else { return nil }
        emit(options.facilityType, s, i + 1, priority: 3, score: 0.7, rule: "organization-numbered-branch")
        return i + 1
    }

    /// Session 11: a named military unit, ship or base (lead decision of session 11: a military branch alone is not
    /// ORGANIZATION, a named unit or base is). A ship after its prefix (`ship_prefixes`: "USS Harold E. Stassen", "HMAS
    /// Stirling"), or a unit from its ordinal to its unit word (`military_unit_words`: "1st Cavalry Division", "94th
    /// Training Division", "3rd Battalion"); "Division of Surgery", "Fire Brigade" carry no ordinal and stay out. `i` is
    /// the prefix or the ordinal. Emits the ORGANIZATION and returns its end, or nil.
    @inline(never) mutating func militaryUnit(_ i: Int) -> Int? {
        guard !covered[i], i + 1 < t.count, !t[i + 1].nl else { return nil }
        if t[i].flags.contains(.allUpper), inSet(.shipPrefixes, t[i].key) {
            var e = i + 1
            while e < t.count && e - i <= 5 && !t[e].nl && !covered[e]
                && ((isWord(e) && cap(e) && !t[e].bits.contains(.title) && !inSet(.functionWords, t[e].key))
                    || (punct(e, 0x2E) && adjacent(e) && initial(e - 1)))
            { e += 1 }
            guard e > i + 1 else { return nil }
            emit(options.facilityType, i, e, priority: 3, score: 0.7, rule: "organization-ship")
            return e
        }
        // An ordinal: digits, then st/nd/rd/th.
        var k = t[i].s
        while k < t[i].e && b[k] &- 0x30 < 10 { k += 1 }
        guard k > t[i].s, t[i].e - k == 2 else { return nil }
        let a = b[k] | 0x20, c = b[k + 1] | 0x20
        guard (a == 0x73 && c == 0x74) || (a == 0x6E && c == 0x64) || (a == 0x72 && c == 0x64) || (a == 0x74 && c == 0x68) else { return nil }
        // The last unit word of the run ends the name ("1st Cavalry Division").
        var e = i + 1, end = -1
        while e < t.count && e - i <= 4 && !t[e].nl && isWord(e) && cap(e) && !covered[e] {
            if inSet(.militaryUnitWords, t[e].key) { end = e + 1 }
            e += 1
        }
        guard end > 0 else { return nil }
        emit(options.facilityType, i, end, priority: 3, score: 0.7, rule: "organization-military-unit")
        return end
    }

    /// Session 12: a military base named where someone serves ("stationed at Camp Lejeune", "deployed at fort bliss",
    /// "Basic training at / Fort Dix", "serves in the Coast Guard at Air Station Miami"): `Fort`, `Ft` or `Camp`
    /// (`military_base_heads`), or `Station` or `Base` after `Air`, `Naval` or `Joint` (`military_base_prefixes`), then one or two
    /// capitalised words (lower-case in a lower-case line), with a service word (`military_cues`: deployed, stationed,
    /// training, served, enlisted) at most eight tokens before, within the sentence: an ORGANIZATION (GUIDELINE §6,
    /// decision of session 11: a named base is an organisation). Without such a word the town or the place stays an
    /// ADDRESS ("lives near Fort Bragg", "moved to Fort Worth").
    @inline(never) mutating func militaryBase(_ i: Int) -> Int? {
        // (Inside the start set of the address rules: capitalised, or in a lower-case line.)
        guard cap(i) || lowerAt(i) else { return nil }
        var n = i + 1
        if !inSet(.militaryBaseHeads, t[i].key) {
            // "Air Station Miami", "Naval Air Station Pensacola", "Joint Base Lewis-McChord".
            guard inSet(.militaryBasePrefixes, t[i].key) else { return nil }
            // Session 16: "Air Force Base" (`force` is a word of `military_branch_words`).
            while n < t.count && n - i <= 2 && !t[n].nl && isWord(n)
                && (inSet(.militaryBasePrefixes, t[n].key) || (t[n - 1].key == t[i].key && inSet(.militaryBranchWords, t[n].key)))
            { n += 1 }
            guard n < t.count, !t[n].nl, isWord(n), t[n].key == K.station || t[n].key == K.base else { return nil }
            n += 1
            // Session 16: "Ramstein Air Base", "Travis Air Force Base", "Whidbey Island Naval Air Station": the base's name
            // before these words makes a military base without a service word; a capitalised name after them is the
            // base's own ("Coast Guard Air Station Miami" below).
            if cap(i), n >= t.count || t[n].nl || !cap(n), let s = militaryBaseNameBefore(i) {
                emit(options.facilityType, s, n, priority: 3, score: 0.7, rule: "organization-military-base")
                return n
            }
        }
        var e = n
        while e < t.count && e - n < 2 && !t[e].nl && isWord(e) && !covered[e] && (cap(e) || lowerAt(e))
            && !t[e].bits.contains(.title) && !inSet(.functionWords, t[e].key) && !t[e].rb.contains(.monthName)
        {
            e += 1
            // "Joint Base Lewis-McChord": a hyphen inside the name.
            if punct(e, 0x2D), adjacent(e), e + 1 < t.count, adjacent(e + 1), isWord(e + 1) { e += 2 }
        }
        guard e > n else { return nil }
        for q in i..<e where covered[q] { return nil }
        // Session 16: a service, a service member or a unit (`military_member_words`, `military_unit_words`: "a Marine at Camp
        // Lejeune", "in the Army (2013, Fort Lee)", "1st Cavalry Division, Fort Hood") counts when the base is written after
        // `at`, a comma, an opening bracket or a spaced dash ("lives in Fort Worth" after "Army veteran" stays a town).
        let framed = i > 0 && !t[i].nl && ((isWord(i - 1) && t[i - 1].key == K.at) || punct(i - 1, 0x2C) || punct(i - 1, 0x28)
            || (punct(i - 1, 0x2D) && !adjacent(i - 1)))
        guard militaryCueBefore(i, member: framed)
            // Session 14: "FOB Salerno": a forward operating base, in capitals before a capitalised name, is military without
            // a service word (not a key fob).
            || (t[i].key == K.fob && t[i].flags.contains(.allUpper) && !capsDoc && cap(n))
        else { return nil }
        emit(options.facilityType, i, e, priority: 3, score: 0.7, rule: "organization-military-base")
        return e
    }

    /// Session 16: a service word (`military_cues`: deployed, stationed, served) at most eight tokens before token `i` in
    /// its sentence; with `member`, also a service, a service member or a unit (`military_member_words`,
    /// `military_unit_words`: Army, Marine, soldier, Division, Regiment).
    @inline(never) func militaryCueBefore(_ i: Int, member: Bool) -> Bool {
        var j = i - 1
        while j >= 0 && i - j <= 8 && !punct(j, 0x2E) && !punct(j, 0x3B) {
            if isWord(j) {
                let key = t[j].key
                if inSet(.militaryCues, key) { return true }
                if member && (inSet(.militaryMemberWords, key) || inSet(.militaryUnitWords, key)) { return true }
            }
            j -= 1
        }
        return false
    }

    /// Session 16: the first token of a military base's name of one to three capitalised words ending right before token
    /// `i` (`Air Base`, `AFB`, `Airfield` at `i`): no title, function word, month, state, person cue or covered token, on
    /// the line; nil when there is none.
    @inline(never) func militaryBaseNameBefore(_ i: Int) -> Int? {
        var s = i
        while s > 0 && i - s < 3 && !t[s].nl && isWord(s - 1) && cap(s - 1) && !covered[s - 1] {
            let bits = t[s - 1].bits, key = t[s - 1].key
            if bits.contains(.title) || bits.contains(.weakTitle) || bits.contains(.stateAbbr) || t[s - 1].rb.contains(.monthName)
                || inSet(.functionWords, key) || inSet(.employerPrepositions, key) || inSet(.placePrepositions, key)
                || inSet(.militaryBaseHeads, key) || inSet(.militaryBasePrefixes, key)
            { break }
            s -= 1
        }
        // "Travis Air Force Base": a hyphenated name joins ("Wright-Patterson AFB").
        if s > 1, s < i, punct(s - 1, 0x2D), adjacent(s - 1), adjacent(s), !t[s].nl, !t[s - 1].nl, isWord(s - 2), cap(s - 2), !covered[s - 2] {
            s -= 2
        }
        return s < i ? s : nil
    }

    /// Session 16: "Lackland AFB", "Kandahar Airfield": a base's name before a word of `military_base_tails` at `i`, with a
    /// service word or a service member before it (a civil airfield stays out, and so does a sample's acid-fast bacilli:
    /// "Sputum AFB smears"). Emits the ORGANIZATION and returns its end, or nil.
    @inline(never) mutating func militaryBaseBeforeTail(_ i: Int) -> Int? {
        guard !covered[i], inSet(.militaryBaseTails, t[i].key), let s = militaryBaseNameBefore(i), militaryCueBefore(s, member: true)
        else { return nil }
        emit(options.facilityType, s, i + 1, priority: 3, score: 0.7, rule: "organization-military-base")
        return i + 1
    }
}

// Session 13: organisations named as a person's affiliation in care-team, contact and cc lines.
extension PHIDetection {
    /// Session 13: the organisation a person found in the note works for, written right after the name and a comma or
    /// an opening bracket, with up to two credentials between (GUIDELINE §6: a practice, agency or provider that
    /// locates the patient's care): `Dietitian: Tui Rawiri, APD, Plate & Purpose - 1 visit`, `case manager Troy Ellery
    /// (Coastal Pathways AOD Service)`, `GP: DR O'SULLIVAN, GOLD CITY MEDICAL, CHARTERS TOWERS`, `dr ann-marie koval
    /// (pilsen community health)`. The name ends the clause (a comma, a bracket, a semicolon, a full stop, a spaced dash,
    /// a column gap or the line end). Not a role or specialty (`Dr Lee, Cardiology`, `Jo Smith, Clinical Nurse
    /// Consultant`, `dr x (mental health)`), a relative or another person (`Tom Baker (son)`, `Dr A, Dr B`, `Mary Smith,
    /// Jane Doe`), a date or weekday, a lone place, state or country (`Dr Lee, Ballarat`). `i` is the first token after
    /// the punctuation; returns the organisation's end, or nil.
    @inline(never) mutating func affiliationAfterPerson(_ i: Int) -> Int? {
        let bracket = punct(i - 1, 0x28)
        // The person: the last token of a NAME right before the punctuation, or before one or two credentials.
        var q = i - 2
        var credentials = 0
        while q > 0 && credentials < 2 && !t[q + 1].nl && isWord(q) && t[q].bits.contains(.credential) && !named[q] && punct(q - 1, 0x2C) {
            q -= 2
            credentials += 1
        }
        guard q >= 0, !t[q + 1].nl, isWord(q), named[q] else { return nil }
        let lower = !cap(i)
        let caps = capsDoc || t[i].flags.contains(.allUpper)
        var e = i
        var words = 0
        while e < t.count && !t[e].nl && e - i < 8 {
            if e > i && (t[e].s - t[e - 1].e >= 3 || b[t[e - 1].e] == 0x09) { break }
            if isWord(e) && !t[e].flags.contains(.hasDigit) && (lower ? !cap(e) && lowerAt(e) : cap(e)) && !covered[e] {
                let key = t[e].key
                if key == K.of || key == K.and || key == K.the {
                    // "Bank of Queensland", "Eyre and Far North" inside; in capitals or lower case a function word ends it.
                    guard e > i, e + 1 < t.count, !t[e + 1].nl, !caps, !lower else { break }
                    e += 1
                    continue
                }
                if (caps || lower) && (inSet(.functionWords, key) || inSet(.capsFunctionWords, key) || inSet(.employerPrepositions, key)
                    || key == K.in || key == K.with || key == K.for || key == K.on)
                { return nil }
                words += 1
                e += 1
                continue
            }
            // "Plate & Purpose", "Ventura Spine & Sport PT", "TRI-COUNTY", "St. Luke's".
            if (punct(e, 0x26) || (punct(e, 0x2D) && adjacent(e) && e + 1 < t.count && adjacent(e + 1)) || (punct(e, 0x2E) && adjacent(e) && e > i))
                && e + 1 < t.count && !t[e + 1].nl && isWord(e + 1)
            {
                e += 1
                continue
            }
            break
        }
        guard words > 0, e > i, isWord(e - 1) else { return nil }
        // The clause ends here.
        let closes = e >= t.count || t[e].nl || punct(e, 0x2C) || punct(e, 0x29) || punct(e, 0x3B) || (punct(e, 0x28) && !bracket)
            || (punct(e, 0x2E) && (e + 1 >= t.count || t[e + 1].nl || !adjacent(e + 1)))
            || (punct(e, 0x2D) && !adjacent(e)) || t[e].s - t[e - 1].e >= 3
        guard closes else { return nil }
        if bracket && !(punct(e, 0x29) || punct(e, 0x2C)) { return nil }
        var distinctive = false, proper = false, person = true, ending = false, government = false, allCaps = true
        // An organisation's suffix ending the name vouches for nothing by itself ("Diagnostic Radiology").
        let suffixAtEnd = e - 1 > i && t[e - 1].rb.contains(.orgSuffix)
        for k in i..<e where isWord(k) {
            let key = t[k].key, bits = t[k].bits
            if key == K.of || key == K.and || key == K.the { continue }
            // An initial ("M.D.", "B. Kowalski"), a title, credential, relative, month, weekday, drug or eponym, a number's
            // label ("Provider No. 4014638Y"), a public body ("Department", "Council").
            if t[k].e - t[k].s < 2 || bits.contains(.title) || bits.contains(.weakTitle) || bits.contains(.credential) || t[k].rb.contains(.kinship)
                || t[k].rb.contains(.monthName) || t[k].rb.contains(.weekday) || bits.contains(.drugWord) || bits.contains(.eponym)
                || t[k].rb.contains(.idCue) || inSet(.numberLabels, key) || inSet(.publicBodyWords, key)
            { return nil }
            if !t[k].flags.contains(.allUpper) { allCaps = false }
            if inSet(.governmentServiceWords, key) && key != K.health { government = true }
            let generic = inSet(.genericOrgWords, key) || inSet(.genericServiceWords, key) || inSet(.specialtyWords, key)
                || inSet(.governmentServiceWords, key) || (suffixAtEnd && k == e - 1)
            if !generic { proper = true }
            // ("Diplomate ABIM", "RN, CCDS": a short acronym in mixed-case text is a credential or a board as often as a
            // name, and vouches for nothing.)
            if !generic && (!bits.contains(.ordinaryWord) || bits.isName || bits.contains(.placeWord))
                && !(t[k].flags.contains(.allUpper) && t[k].e - t[k].s <= 5)
            { distinctive = true }
            if !(bits.contains(.firstName) || bits.contains(.lastName)) || bits.contains(.placeWord) || (k == i && !bits.contains(.firstName)) {
                person = false
            }
        }
        guard proper, !person || lower else { return nil }
        // "FACOEM", "ED REG": acronyms alone in mixed-case text; "Community Corrections Wollongong": a locality's
        // government service (GUIDELINE §6).
        if allCaps && !caps { return nil }
        if government && t[e - 1].bits.contains(.placeWord) { return nil }
        // A role or job title after the name ("Site Paramedic", "Clinical Nurse Consultant", "Occupational Therapist").
        let last = t[e - 1].key
        if inSet(.careRoleHeads, last) || inSet(.occupationHeads, last) || inSet(.roleWords, last) || inSet(.personCues, last) { return nil }
        for k in i..<e where isWord(k) && t[k].ps && phrase(at: k, kinds: .startsProfession, where: { $0 == .profession }).map({ $0.1 == e }) == true {
            return nil
        }
        // An organisation's ending: a suffix word, a facility cue ending the name, or `&` inside.
        if t[e - 1].rb.contains(.orgSuffix) && !inSet(.specialtyWords, last) { ending = true }
        for k in i..<e where punct(k, 0x26) { ending = true }
        for k in i..<(e - 1) where isWord(k) && t[k].ps
            && phrase(at: k, kinds: .startsFacilityAfter, where: { $0 == .facilityAfter }).map({ $0.1 == e }) == true
        { ending = true }
        // A facility cue ending a capitalised name: the facility rules decide it ("Dr Lee, Mercy Hospital, Janesville").
        var facilityEnding = false
        for k in i..<(e - 1) where isWord(k) && t[k].ps
            && phrase(at: k, kinds: .startsFacilityAfter, where: { $0 == .facilityAfter }).map({ $0.1 == e }) == true
        { facilityEnding = true }
        if !lower && facilityEnding && !t[e - 1].rb.contains(.orgSuffix) { return nil }
        if lower {
            // Lower case: two words at least, with an organisation's ending or a word outside the ordinary-word list.
            guard words >= 2, ending || distinctive else { return nil }
        } else if words == 1 {
            // One word: outside the ordinary-word list, not a listed name, place, state or country alone.
            let bits = t[i].bits
            guard distinctive, !caps, !bits.isName, !bits.contains(.placeWord), !bits.contains(.stateAbbr), !inSet(.countries, t[i].key),
                !(t[i].flags.contains(.allUpper) && t[i].e - t[i].s <= 3)
            else { return nil }
        } else {
            guard distinctive || ending else { return nil }
        }
        // A known place alone ("Dr Lee, Mount Gambier").
        if let (_, pe) = phrase(at: i, kinds: .startsPlace, where: { $0 == .place }), pe >= e { return nil }
        emit(options.facilityType, i, e, priority: 3, score: 0.65, rule: "organization-after-person")
        return e
    }
}

extension PHIDetection {
    /// Session 13: "PLAN OF CARE", "Goals of Care", "COORDINATION OF CARE": one ordinary word, `of` and an organisation
    /// suffix at `suffix` (from token `s`) make a clinical phrase, not a name (MTSamples audit); a name of more words
    /// keeps its form ("American Academy of Pediatrics").
    @inline(never) func ordinaryNounOfSuffix(_ s: Int, _ suffix: Int) -> Bool {
        guard suffix - s == 2, isWord(s), isWord(suffix - 1), t[suffix - 1].key == K.of else { return false }
        let bits = t[s].bits
        return bits.contains(.ordinaryWord) && !bits.contains(.placeWord) && !bits.contains(.firstName)
    }

    /// Session 13: the facility name from token `s` to `e` is a listed school cue alone ("a sophomore at High School", "in
    /// Middle School", "PRIMARY SCHOOL"): a kind of school, no name (MTSamples audit). Other cues alone stay names
    /// ("Memorial Hospital in Dumas", "University Hospital Geelong").
    @inline(never) func facilityCueAlone(_ s: Int, _ e: Int) -> Bool {
        guard e - s >= 2, t[e - 1].key == K.school, t[s].ps,
            let (_, pe) = phrase(at: s, kinds: .startsFacilityAfter, where: { $0 == .facilityAfter })
        else { return false }
        return pe == e
    }
}

extension PHIDetection {
    /// Session 13: an employer written in lower case after an occupation or a work verb and its preposition (a nursing
    /// note or a lower-case line): "works as a lineman for northwestern energy", "a baker at kumgang bakery, works
    /// nights", "works nights at toyota mississippi in blue springs", "a crane operator at the port of brisbane". One to
    /// four lower-case words (`of` and a hyphen or `&` inside, `the` before them outside) ending the clause at
    /// punctuation, the line end or a function word. They name an employer when a word is outside the ordinary-word list
    /// (not a lone place, state, country or person: "works at westmead", "works for dave"); ordinary words alone stay
    /// out ("at the local hospital", "at home", "at night", "at talking stick resort"), and so does one word after `the`
    /// ("with the depot"). `i0` is the token after the preposition; returns the name's end.
    @inline(never) func lowerEmployerRun(_ i0: Int) -> Int? {
        var i = i0
        let afterThe = i + 1 < t.count && !t[i].nl && isWord(i) && t[i].key == K.the
        if afterThe { i += 1 }
        guard i < t.count, !t[i].nl, isWord(i), !cap(i), lowerAt(i), !covered[i], !t[i].bits.contains(.firstName) || !t[i].bits.contains(.ordinaryWord) else { return nil }
        var e = i
        var words = 0, distinctive = false
        while e < t.count && !t[e].nl {
            if isWord(e) && !cap(e) && !t[e].flags.contains(.hasDigit) && !covered[e] {
                let key = t[e].key, bits = t[e].bits
                if key == K.of && e > i && e + 1 < t.count && !t[e + 1].nl && isWord(e + 1) && !cap(e + 1) { e += 1; continue }
                if inSet(.functionWords, key) || inSet(.employerPrepositions, key) || inSet(.placePrepositions, key) || key == K.of
                    || key == K.on || key == K.with || inSet(.possessives, key) || inSet(.workFillers, key) || inSet(.partsOfDay, key)
                { break }
                if words == 4 { return nil }
                if bits.contains(.drugWord) || bits.contains(.eponym) || bits.contains(.title) || bits.contains(.weakTitle)
                    || t[e].rb.contains(.kinship) || t[e].rb.contains(.monthName) || t[e].rb.contains(.weekday)
                    || inSet(.countries, key) || inSet(.publicBodyWords, key) || inSet(.governmentServiceWords, key) && key != K.health
                { return nil }
                let generic = inSet(.genericOrgWords, key) || inSet(.genericServiceWords, key) || inSet(.specialtyWords, key)
                if !generic && !bits.contains(.ordinaryWord) && !bits.contains(.stopWord) && t[e].e - t[e].s >= 3 { distinctive = true }
                words += 1
                e += 1
                continue
            }
            // "la-z-boy", "ben & jerry's".
            if (punct(e, 0x26) || (punct(e, 0x2D) && adjacent(e))) && e > i && e + 1 < t.count && !t[e + 1].nl && isWord(e + 1) && !cap(e + 1) {
                e += 1
                continue
            }
            break
        }
        guard words > 0, isWord(e - 1) else { return nil }
        // The clause ends: punctuation, the line end or a function word or preposition (not a capitalised word, a number
        // or a noun the words modify: "a firefighter with rostered shifts").
        guard e >= t.count || t[e].nl || t[e].kind == .punctuation
            || (isWord(e) && !cap(e) && !t[e].flags.contains(.hasDigit) && !inSet(.workFillers, t[e].key) && !inSet(.partsOfDay, t[e].key)
                && (inSet(.functionWords, t[e].key) || inSet(.employerPrepositions, t[e].key) || inSet(.placePrepositions, t[e].key)
                    || t[e].key == K.on || t[e].key == K.with || t[e].key == K.of))
        else { return nil }
        guard distinctive else { return nil }
        if words == 1 {
            // "driver with the depot", "works at the quarry": one lower-case word after `the` is a kind of workplace.
            if afterThe { return nil }
            let bits = t[i].bits
            if bits.contains(.placeWord) || bits.contains(.stateAbbr) || bits.contains(.firstName) { return nil }
        }
        // A known place alone ("works at westmead", "a miner at mount isa").
        if let (_, pe) = phrase(at: i, kinds: .startsPlace, where: { $0 == .place }), pe >= e { return nil }
        return e
    }
}

extension PHIDetection {
    /// Session 13: organisations named on the line above a street address or right before it and a comma: letterheads,
    /// contact blocks and referral lines (`Mindful Harbour Psychology` / `Shop 5, 101 Example St`, `Rx sent to Harlow
    /// Drugs, 10116 NE 8th St`, `CLIENT: PIEDMONT INTERNAL MEDICINE ASSOC, 2205 S CHURCH ST`, `Smoky Gap Freight Lines,
    /// Inc.` / `2750 Example Hwy`). One walk over the addresses found, after the address rules. The name is a run of
    /// capitalised words (`of`, `and`, `&` inside) that is not a person (a title, a credential, a relative, given name
    /// first and names only), has no number, initial, floor or street word, and holds a word outside the ordinary-word
    /// list or a listed name or place, or ends with an organisation's suffix or a legal form (`Residential Address`,
    /// `Ground Floor`, `Home` stay out).
    @inline(never) mutating func organisationsBeforeStreetAddresses() {
        var starts: [Int] = []
        for c in found where c.entity.type == .address { starts.append(c.entity.span.start) }
        guard !starts.isEmpty else { return }
        var k = 0
        for s in starts.sorted() {
            while k < t.count && t[k].s < s { k += 1 }
            guard k < t.count, t[k].s == s, k > 0 else { continue }
            // A street address: a number, a digit-initial word or a unit word first ("Suite 6, 118 ...").
            guard t[k].kind == .number || (isWord(k) && b[t[k].s] &- 0x30 < 10) || t[k].bits.contains(.unitWord) else { continue }
            if t[k].nl {
                // The line above: the whole line, or the line up to `, Inc.` or a spaced dash.
                var ls = k - 1
                while ls > 0 && !t[ls].nl { ls -= 1 }
                guard let e0 = orgRunForward(ls, limit: k) else { continue }
                var e = e0
                var legal = false
                if e < k, punct(e, 0x2C), let le = legalSuffixEnd(e + 1) {
                    e = le
                    legal = true
                }
                // ("Jacaranda Health - general practice": the rest of the line after a spaced dash.)
                let tail = e < k && punct(e, 0x2D) && !adjacent(e) ? k : e
                guard tail == k else { continue }
                if organisationRunAccepted(ls, e0, legal: legal) {
                    emit(options.facilityType, ls, e, priority: 3, score: 0.65, rule: "organization-above-address")
                }
            } else if punct(k - 1, 0x2C), k >= 3, !t[k - 1].nl {
                // Before the comma on the same line: back over capitalised words to a line start, a colon, a bracket or a
                // lower-case word ("sent to", "at").
                var rs = k - 1
                var n = 0
                while rs > 0 && n < 8 && !t[rs].nl {
                    let p = rs - 1
                    guard cap(p) || ((punct(p, 0x26) || (isWord(p) && (t[p].key == K.of || t[p].key == K.and))) && p > 0 && cap(p - 1)) else { break }
                    rs = p
                    n += 1
                }
                guard rs < k - 1, cap(rs) else { continue }
                let before = rs - 1
                guard t[rs].nl || rs == 0 || punct(before, 0x3A) || punct(before, 0x28) || (isWord(before) && !cap(before)) else { continue }
                if organisationRunAccepted(rs, k - 1, legal: false) {
                    emit(options.facilityType, rs, k - 1, priority: 3, score: 0.65, rule: "organization-before-address")
                }
            }
        }
    }

    /// The end of a run of capitalised words from token `i` (before `limit`), `&`, `of`, `and` and a joining hyphen
    /// inside; nil when none.
    @inline(never) func orgRunForward(_ i: Int, limit: Int) -> Int? {
        var e = i
        while e < limit && e - i < 10 {
            if cap(e) { e += 1; continue }
            if (punct(e, 0x26) || (isWord(e) && (t[e].key == K.of || t[e].key == K.and)) || (punct(e, 0x2D) && adjacent(e) && e + 1 < limit && adjacent(e + 1)))
                && e > i && e + 1 < limit && cap(e + 1)
            { e += 1; continue }
            break
        }
        return e > i ? e : nil
    }

    /// Whether tokens `i..<e` name an organisation rather than a person, a label or part of an address.
    @inline(never) func organisationRunAccepted(_ i: Int, _ e: Int, legal: Bool) -> Bool {
        guard e > i, isWord(e - 1) else { return false }
        var distinctive = false, person = true, words = 0
        for k in i..<e {
            if covered[k] || named[k] { return false }
            guard isWord(k) else { continue }
            let key = t[k].key, bits = t[k].bits
            if key == K.of || key == K.and { continue }
            if t[k].e - t[k].s < 2 || t[k].flags.contains(.hasDigit) || bits.contains(.title) || bits.contains(.weakTitle) || bits.contains(.credential)
                || bits.contains(.streetType) || bits.contains(.unitWord) || t[k].rb.contains(.kinship) || t[k].rb.contains(.monthName)
                || t[k].rb.contains(.weekday) || inSet(.floorWords, key) || bits.contains(.drugWord)
                // ("Department of Paediatrics", "Lidcombe Coronial Complex": a public body or government service.)
                || inSet(.publicBodyWords, key) || (inSet(.governmentServiceWords, key) && key != K.health && key != K.of && key != K.and)
            { return false }
            words += 1
            let generic = inSet(.genericOrgWords, key) || inSet(.genericServiceWords, key) || inSet(.specialtyWords, key)
            if !generic && (!bits.contains(.ordinaryWord) || bits.isName || bits.contains(.placeWord)) && !(t[k].flags.contains(.allUpper) && t[k].e - t[k].s <= 3) {
                distinctive = true
            }
            if !(bits.contains(.firstName) || bits.contains(.lastName)) || bits.contains(.placeWord) || (k == i && !bits.contains(.firstName)) {
                person = false
            }
        }
        guard words > 0, !person else { return false }
        let ending = legal || (words >= 2 && t[e - 1].rb.contains(.orgSuffix))
        guard distinctive || ending else { return false }
        // A known place alone is the town of a line, not an organisation.
        if let (_, pe) = phrase(at: i, kinds: .startsPlace, where: { $0 == .place }), pe >= e { return false }
        if words == 1 && (t[i].bits.isName || t[i].bits.contains(.placeWord) || t[i].bits.contains(.stateAbbr)) { return false }
        return true
    }
}

extension PHIDetection {
    /// Session 15: a hospital or laboratory named by one coined word or acronym that no list holds, right before one of
    /// its departments (`department_heads`), with at most one lower-case word between ("arrival at Benefis trauma bay",
    /// "copy pushed to Benefis PACS", "review at UNMH eye clinic", "HANDOVER PHONED TO LGH ED", "HLA typing sent to
    /// Quorra lab"). The word is capitalised, has no digit, is no phrase start, possessive, title, name, place or
    /// ordinary or medical word, and no capitalised word stands right before it (a longer name, or a person's: "Dr
    /// Kowalczyk clinic"). A capitalised department word that is not an acronym belongs to the facility rules ("Benefis
    /// Clinic"). Emits the ORGANIZATION and returns its end, or nil.
    @inline(never) mutating func organisationBeforeDepartment(_ i: Int) -> Int? {
        let tok = t[i]
        guard tok.e - tok.s >= 3, tok.e - tok.s <= 14, i + 1 < t.count, !t[i + 1].nl, isWord(i + 1), !covered[i],
            !tok.flags.contains(.hasDigit)
        else { return nil }
        if i > 0, !tok.nl, isWord(i - 1), cap(i - 1) || t[i - 1].bits.contains(.title) {
            // "PHONED TO LGH ED": in capitals a function word or preposition may stand before the name.
            guard t[i - 1].flags.contains(.allUpper), tok.flags.contains(.allUpper),
                inSet(.functionWords, t[i - 1].key) || inSet(.placePrepositions, t[i - 1].key) || inSet(.employerPrepositions, t[i - 1].key)
            else { return nil }
        }
        var h = i + 1
        if !cap(h), !inSet(.departmentHeads, t[h].key) {
            // One lower-case qualifier: "eye clinic", "trauma bay"; not "and clinic", "in clinic".
            let q = t[h].bits
            guard q.contains(.ordinaryWord), !inSet(.functionWords, t[h].key), !inSet(.placePrepositions, t[h].key),
                !inSet(.employerPrepositions, t[h].key)
            else { return nil }
            h += 1
            guard h < t.count, !t[h].nl, isWord(h) else { return nil }
        }
        guard inSet(.departmentHeads, t[h].key) else { return nil }
        // "Benefis Clinic": a capitalised department word is the facility rules'; an acronym ("ED", "PACS") is not.
        let acronymHead = t[h].flags.contains(.allUpper) && t[h].e - t[h].s <= 4
        if cap(h), !acronymHead { return nil }
        // "the Barunga clinic", "Yuendumu lab": a word in title case straight before a lower-case department is a remote
        // community's clinic (its place); a qualifier or an acronym makes the department one of an organisation's.
        if h == i + 1, !acronymHead, !tok.flags.contains(.allUpper) { return nil }
        // "the NeuroOncology clinic": a coined specialty.
        if specialtyEnding(i) { return nil }
        emit(options.facilityType, i, i + 1, priority: 3, score: 0.6, rule: "organization-before-department")
        return i + 1
    }
}

extension PHIDetection {
    /// Session 15: word i ends like the name of a specialty or a procedure (`-logy`, `-iatry`, `-ics`, `-scopy`, `-graphy`:
    /// "NeuroOncology", "Psychogeriatrics"), which a coined organisation name rarely does.
    @inline(never) func specialtyEnding(_ i: Int) -> Bool {
        let s = t[i].s, e = t[i].e
        @inline(__always) func ends(_ tail: StaticString) -> Bool {
            let n = tail.utf8CodeUnitCount
            guard e - s > n else { return false }
            let p = tail.utf8Start
            for k in 0..<n where b[e - n + k] | 0x20 != p[k] { return false }
            return true
        }
        return ends("logy") || ends("iatry") || ends("ics") || ends("scopy") || ends("graphy")
    }
}

extension PHIDetection {
    /// Session 18 (phiorg): an unlisted acronym of three to five capitals that closes the bracket after a person's name,
    /// behind a comma and a role or specialty, names the person's hospital or service (care-team lists, MDT attendance,
    /// letters: `Dr Lin Xiaoming (upper GI surgeon, JHH)`, `V. Desai, MD (thoracic medical oncology, PVCI)`,
    /// `Dr A Fa'alogo (radiologist, chair, RHH)`): ORGANIZATION (GUIDELINE O2, abbreviations of a named hospital). The
    /// bracket holds words only, one of them a care role, an occupation head or a specialty (`role_words`,
    /// `care_role_heads`, `occupation_heads`, `specialty_words`, a word ending in `ist` or `ogy`) and no relative
    /// (`Jan Lee (daughter, NOK)`); a credential, state or country code, department or unit, ward or role acronym
    /// carries vocabulary bits and never reaches here (`(cardiology, ICU)`, `(nurse, CNC)`). Mixed-case text only: in
    /// capitals every word is an acronym. `i` is the acronym, after the comma; returns its end.
    @inline(never) mutating func acronymAfterBracketedRole(_ i: Int) -> Int? {
        let n = t[i].e - t[i].s
        guard !capsDoc, n >= 3, n <= 5, t[i].flags.contains(.allUpper), !t[i].flags.contains(.hasDigit), !t[i].rb.contains(.idCue),
            i + 1 < t.count, punct(i + 1, 0x29), !t[i + 1].nl,
            !inSet(.townAcronymStops, t[i].key), !inSet(.clinicalStateCodes, t[i].key), !inSet(.countries, t[i].key)
        else { return nil }
        // Back to the opening bracket on the line: words, commas, hyphens, slashes and `&` only, at most ten tokens.
        var j = i - 2
        var role = false
        while j > 0 && i - j <= 12 && !t[j + 1].nl && !punct(j, 0x28) {
            if isWord(j) {
                let key = t[j].key
                if t[j].rb.contains(.kinship) || t[j].flags.contains(.hasDigit) { return nil }
                if inSet(.roleWords, key) || inSet(.careRoleHeads, key) || inSet(.occupationHeads, key) || inSet(.specialtyWords, key) {
                    role = true
                } else if !t[j].flags.contains(.allUpper) && t[j].e - t[j].s >= 5 {
                    let e = t[j].e
                    // "oncologist", "haematology": the endings of a specialist and a specialty.
                    if (b[e - 3] | 0x20 == 0x69 && b[e - 2] | 0x20 == 0x73 && b[e - 1] | 0x20 == 0x74)
                        || (b[e - 3] | 0x20 == 0x6F && b[e - 2] | 0x20 == 0x67 && b[e - 1] | 0x20 == 0x79)
                    { role = true }
                }
            } else if !(punct(j, 0x2C) || punct(j, 0x2D) || punct(j, 0x2F) || punct(j, 0x26)) {
                return nil
            }
            j -= 1
        }
        guard role, j > 0, punct(j, 0x28), !t[j].nl, j + 1 < i - 1 else { return nil }
        // The person: a NAME right before the bracket, or a name and one or two credentials ("Vikram Desai, MD (").
        var q = j - 1
        var credentials = 0
        while q > 1 && credentials < 2 && !t[q + 1].nl && isWord(q) && t[q].bits.contains(.credential) && !named[q] {
            q -= 1
            if punct(q, 0x2C) { q -= 1 }
            credentials += 1
        }
        guard q >= 0, !t[q + 1].nl, isWord(q), named[q] else { return nil }
        emit(options.facilityType, i, i + 1, priority: 3, score: 0.6, rule: "organization-acronym-after-role")
        return i + 1
    }
}
