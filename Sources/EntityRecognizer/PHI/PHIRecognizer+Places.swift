import MedTextCore

// Places and organisations beyond the gazetteer phrases: towns after a residence word or an organisation, street
// types ahead of a capitalised word, organisations after a label, place-name endings.
// Each rule is out of line and behind a one-flag pre-test at its call site (DESIGN.md "PHI").

extension PHIDetection {
    /// A rural property or locality named with a property word (`property_words`: Station, Downs, Homestead,
    /// Farm, ...) after a place preposition: "a stockman at Mount Doreen Station", "a ringer on Barkly Downs station",
    /// "grew up on Willowbank Station". One to three capitalised words, the last of them distinctive (a name, a
    /// place, or a word outside the ordinary-word list), then the capitalised property word (inside the span) or a
    /// lower-case one (outside). "at Central Station", "the Police Station" (ordinary words only), a title, month or
    /// weekday stay out. A place, not an employer: ADDRESS (GUIDELINE AD2, "named places that locate the patient").
    @inline(never) mutating func propertyName(_ i: Int) -> Int? {
        var k = i
        // Session 15: after a place label and its colon ("Station: Mulga Downs", "Camp: Spinifex Village") the label
        // vouches for the name, whose words may be ordinary words.
        let labelled = i > 0 && !t[i].nl && punct(i - 1, 0x3A) && placeLabelBefore(i - 1)
        var distinctive = labelled, lastDistinctive = labelled
        while k < t.count && k - i < 4 && (k == i || !t[k].nl) && isWord(k) && cap(k) && !covered[k] {
            if k > i && inSet(.propertyWords, t[k].key) {
                // The word before the property word is distinctive itself: "Mill Park Police Station" is a service
                // (`service_station_words`), not a property.
                guard distinctive, lastDistinctive, !inSet(.serviceStationWords, t[k - 1].key) else { return nil }
                emit(.address, i, k + 1, priority: 3, score: 0.7, rule: "address-property")
                return k + 1
            }
            let bits = t[k].bits
            if bits.contains(.title) || t[k].rb.contains(.monthName) || t[k].rb.contains(.weekday) || bits.contains(.drugWord)
                || bits.contains(.eponym)
            { return nil }
            lastDistinctive = labelled || !bits.contains(.ordinaryWord) || bits.isName || bits.contains(.placeWord)
            if lastDistinctive { distinctive = true }
            k += 1
        }
        guard distinctive, lastDistinctive, k > i, k < t.count, !t[k].nl, isWord(k), !cap(k), inSet(.propertyWords, t[k].key),
            !inSet(.serviceStationWords, t[k - 1].key)
        else { return nil }
        emit(.address, i, k, priority: 3, score: 0.65, rule: "address-property")
        return k
    }

    /// A town written before a comma and its country (`countries`: "from Zahlé, Lebanon", "Place of birth: Treviso,
    /// Italy", "(mother), Galway, Ireland"), after a place preposition, a label's colon, a comma, a bracket or at a line
    /// start: one to three capitalised words, one of them outside the ordinary-word list, none a country, title, month
    /// or weekday; the country (one to three words, its last one in the set) ends the clause. The town is an ADDRESS,
    /// the country stays out (GUIDELINE AD2, §0). Returns the town's end.
    @inline(never) mutating func placeBeforeCountry(_ i: Int) -> Int? {
        guard !covered[i], isWord(i) else { return nil }
        let before = i == 0 || t[i].nl || punct(i - 1, 0x2C) || punct(i - 1, 0x28) || punct(i - 1, 0x3A)
            || (isWord(i - 1) && !cap(i - 1) && (placeContext(i - 1) || inSet(.residencePrepositions, t[i - 1].key)))
        guard before else { return nil }
        var k = i
        var distinctive = false
        while k < t.count && k - i < 3 && (k == i || !t[k].nl) && isWord(k) && cap(k) && !covered[k] {
            let bits = t[k].bits
            if inSet(.countries, t[k].key) || bits.contains(.title) || t[k].rb.contains(.monthName) || t[k].rb.contains(.weekday)
                || bits.contains(.drugWord) || bits.contains(.eponym)
            { return nil }
            if !bits.contains(.ordinaryWord) { distinctive = true }
            k += 1
        }
        guard distinctive, k > i, punct(k, 0x2C), k + 1 < t.count, !t[k + 1].nl else { return nil }
        // Session 16: "Ramstein Air Base, Germany": a military base before its country is the base rule's (``militaryBase(_:)``).
        if k - i >= 2, t[k - 1].key == K.base || t[k - 1].key == K.station, inSet(.militaryBasePrefixes, t[k - 2].key) { return nil }
        var c = k + 1
        var country = false
        while c < t.count && c - k <= 3 && !t[c].nl && isWord(c) && cap(c) {
            c += 1
            if inSet(.countries, t[c - 1].key) {
                country = true
                break
            }
        }
        guard country, c >= t.count || t[c].nl || t[c].kind == .punctuation || (isWord(c) && !cap(c)) else { return nil }
        emit(.address, i, k, priority: 3, score: 0.7, rule: "address-before-country")
        return k
    }

    /// A known one-word place written with a possessive after a place word: "in Melbourne's west", "lives in Sydney's
    /// inner west". The possessive is outside the span (as for names, GUIDELINE N3). Returns the token's end.
    @inline(never) mutating func possessivePlace(_ i: Int) -> Int? {
        guard !covered[i], vocab.phraseIndex.phrases(startingWith: t[i].base).contains(where: { $0.kind == .place && $0.keys.count == 1 }),
            !eponymFollows(i + 1), !t[i].bits.contains(.title), !t[i].bits.contains(.eponym)
        else { return nil }
        emit(.address, i, i + 1, priority: 2, score: 0.65, rule: "address-place-possessive")
        if let last = found.last, last.entity.span.start == t[i].s {
            var end = t[i].e
            end -= b[end - 1] | 0x20 == 0x73 && b[end - 2] == 0x27 ? 2 : 4
            found[found.count - 1].entity.span = TextSpan(t[i].s, end)
        }
        return i + 1
    }

    /// A street name and type written alone on a line that starts a line, when the next line is a locality with
    /// its state (letterheads and address blocks: "Ryrie St" / "Geelong VIC 3220"). Returns the street's end.
    @inline(never) mutating func streetLineAboveLocality(_ i: Int) -> Int? {
        var k = i
        while k < t.count && k - i < 4 && isWord(k) && cap(k) && (k == i || !t[k].nl) && !(k > i && t[k].bits.contains(.streetType)) {
            k += 1
        }
        guard k > i, k < t.count, !t[k].nl, isWord(k), cap(k), t[k].bits.contains(.streetType),
            !inSet(.wardWords, t[i].key), !covered[i]
        else { return nil }
        var end = k + 1
        if punct(end, 0x2E) && adjacent(end) { end += 1 }
        guard end < t.count, t[end].nl, cap(end), locality(end, allowNewline: true, standalone: true) != nil else { return nil }
        for q in i..<end where phrase(at: q, kinds: .startsFacilityAfter, where: { $0 == .facilityAfter }) != nil { return nil }
        emit(.address, i, end, priority: 3, score: 0.75, rule: "address-street-line")
        return end
    }

    /// The colon at `j` ends a place label: "Place of birth:", "Town of birth:", "Birthplace:", "Suburb:", "Town:",
    /// "City:", "Hometown:", "Home:" opening its line or field (`place_labels`). Only known places follow it as ADDRESS (the gazetteer rule), so a country
    /// ("Country of birth: Vietnam") stays out.
    @inline(never) func placeLabelBefore(_ j: Int) -> Bool {
        guard j > 0, isWord(j - 1), !t[j].nl else { return false }
        // Session 14: "Home: Mandurah" opens its line or field ("Funeral home: Forest Lawn Glendale" names a business).
        if t[j - 1].key == K.home { return t[j - 1].nl || j == 1 || t[j - 2].kind == .punctuation }
        if inSet(.placeLabels, t[j - 1].key) { return true }
        // Session 15: "Site: Newman", "Branch: Sioux Falls", "Camp: Karijini Village" (`field_place_labels`), and a country
        // before its towns in an itinerary ("- Nepal: Kathmandu 3 nights"), each opening its line or field.
        if inSet(.fieldPlaceLabels, t[j - 1].key) || inSet(.countries, t[j - 1].key) {
            return t[j - 1].nl || j == 1 || t[j - 2].kind == .punctuation
        }
        // "Place of birth", "Town of birth".
        return j >= 3 && t[j - 1].key == K.birth && t[j - 2].key == K.of && isWord(j - 3) && inSet(.placeLabels, t[j - 3].key)
    }

    /// "lives in Emeryville", "originally from Rotorua", "moved to Grove City": after a residence or travel word and a
    /// preposition, a capitalised word in no list at all (not a name, not an ordinary word: so no country such as
    /// Vietnam, no agency such as Centrelink), with town words after it. Known places have their own rule.
    @inline(never) mutating func unlistedPlace(_ i: Int) -> Int? {
        guard inSet(.residencePrepositions, t[i - 1].key), !t[i - 1].nl, !t[i].nl, isWord(i - 2),
            inSet(.residenceWords, t[i - 2].key), t[i].e - t[i].s >= 4, !t[i].flags.contains(.hasDigit), !covered[i],
            !inSet(.agencies, t[i].key), !inSet(.countries, t[i].key),
            !t[i].ps || phrase(at: i, kinds: [.startsOrganization, .startsFacilityAfter, .startsStateName], where: { _ in true }) == nil
        else { return nil }
        // "is from" and "comes from" only before "from".
        if (t[i - 2].key == K.is || t[i - 2].key == K.comes || t[i - 2].key == K.came || t[i - 2].key == K.family) && t[i - 1].key != K.from { return nil }
        var e = i + 1
        while e < t.count && !t[e].nl && e - i < 3 && cap(e) && inSet(.townWords, t[e].key) { e += 1 }
        // A facility or organisation word after it makes it an organisation ("moved to Kinross Aged Care").
        if e < t.count && !t[e].nl && cap(e) { return nil }
        emit(.address, i, e, priority: 3, score: 0.65, rule: "address-unlisted-place")
        return e
    }

    /// A town of `places_residence_only.tsv` (its name is also an ordinary word or a given name: Cary, Kyle, Sawmill,
    /// Millicent) right after a home-town verb or noun and `in`, `to`, `from` or `near` (`home_town_verbs`, maybe with a
    /// particle: "lives in Cary", "grew up in Juba", "moved back to Millicent", "born in Keren", "at home in Sawmill",
    /// "their property near Frances"); not before a possessive or a
    /// capitalised word ("moved in with Kyle's family", "moved to Cary Street"). Returns its end.
    @inline(never) mutating func residenceTown(_ i: Int) -> Int? {
        // (The town may open the next line of wrapped text: "born in\nKeren".)
        guard i >= 2, !t[i - 1].nl, !covered[i], t[i].base == t[i].key, isWord(i - 1), t[i - 1].key != K.at,
            inSet(.residencePrepositions, t[i - 1].key), isWord(i - 2)
        else { return nil }
        var v = i - 2
        if inSet(.homeTownParticles, t[v].key), v > 0, isWord(v - 1) { v -= 1 }
        // Session 13: or right after an organisation's name and `in` ("a software engineer at SAS Institute in Cary",
        // "an aide for Harmony Home Care in Randolph"): the organisation's town (GUIDELINE O3, a town behind a separator).
        let afterOrganization = t[i - 1].key == K.in
            && found.last.map { $0.entity.type == options.facilityType && $0.entity.span.end == t[i - 2].e } == true
        guard afterOrganization || inSet(.homeTownVerbs, t[v].key) else { return nil }
        if i + 1 < t.count, !t[i + 1].nl, cap(i + 1) || (punct(i + 1, 0x2D) && adjacent(i + 1)) { return nil }
        // "lives in Gary, IN": the town and its state are one span, which the city-state rule writes.
        if punct(i + 1, 0x2C), i + 2 < t.count, !t[i + 2].nl, isStateAt(i + 2) { return nil }
        emit(.address, i, i + 1, priority: 3, score: 0.65, rule: "address-residence-town")
        return i + 1
    }

    /// A town written right after an organisation, alone or after a comma or dash, ending its clause: "Chemist
    /// Warehouse Bankstown.", "I-MED Radiology Network - Frankston", "Broadwater Family Practice, Biggera Waters",
    /// "(Kane Constructions site, Mornington)". A known place, or one or two capitalised words in no list.
    @inline(never) mutating func placesAfterOrganizations() {
        for oe in orgEnds where oe < t.count && !t[oe].nl {
            // "Princess Alexandra Hospital (PAH)": the name's acronym in brackets names the same organisation (GUIDELINE O2).
            if punct(oe, 0x28), acronymAfterOrganization(oe) { continue }
            // "Fred Meyer #671 (Tacoma)", "Santiam Pediatrics (Stayton)": a known place alone in brackets right after the
            // name is the organisation's town (GUIDELINE O3), even when its word is also a given name, which the
            // bracketed-name rule read it as; it is then no name to propagate ("Tacoma General").
            // "Summit Imaging Partners - Boise Outpatient Center", "WorkWell Occupational Health - Baytown Clinic",
            // "Concentra Urgent Care - Elk Grove Village": a letterhead's site after the name and a spaced dash, ending the
            // line, is the organisation's town (ADDRESS, GUIDELINE O3); a site word after it (`site_words`) is nothing.
            if punct(oe, 0x2D), !adjacent(oe), let (pe, le) = siteAfterDash(oe + 1) {
                let s = t[oe + 1].s, end = t[le - 1].e
                found.removeAll { $0.entity.span.start >= s && $0.entity.span.end <= end }
                emit(.address, oe + 1, pe, priority: 3, score: 0.65, rule: "address-site-after-organization")
                for q in (oe + 1)..<le { covered[q] = true }
                continue
            }
            if punct(oe, 0x28), let pe = bracketedPlace(oe + 1) {
                emit(.address, oe + 1, pe, priority: 3, score: 0.65, rule: "address-bracket-after-organization")
                for q in (oe + 1)..<pe { let key = t[q].base; nameKeys.removeAll { $0 == key } }
                continue
            }
            // "Greenfield Orthopedic Associates, P.C.": the legal form after a comma is part of the name (GUIDELINE O2).
            if punct(oe, 0x2C), let le = legalSuffixEnd(oe + 1) {
                _ = extendOrganization(endingAt: oe, to: le)
                continue
            }
            // "at Epworth Geelong in 2016": a known town straight after the name, the clause going on (GUIDELINE O3).
            if !covered[oe], let pe = knownPlaceEndingName(oe), extendOrganization(endingAt: oe, to: pe) { continue }
            var k = oe
            if punct(k, 0x2C) || punct(k, 0x2D) { k += 1 }
            // "(Kane Constructions site, Mornington)": one lower-case word between the organisation and the comma.
            else if isWord(k) && !cap(k) && punct(k + 1, 0x2C) && k + 2 < t.count && !t[k + 1].nl { k += 2 }
            guard k < t.count, !t[k].nl, !covered[k], cap(k) || (lowerAt(k) && isWord(k)) else { continue }
            var e = -1
            if let pe = knownPlaceAfterComma(k) { e = pe }
            // Session 13: "Ironwood Strength Gym, Oracle Rd", "Walgreens #04417, Seargent Prentiss Dr": the street of a
            // branch, written without a number after the name and a separator.
            else if k > oe, let se = streetAfterOrganization(k) {
                emit(.address, k, se, priority: 3, score: 0.65, rule: "address-street-after-organization")
                continue
            }
            else if !capsDoc || t[k].bits.isEmpty {
                var m = k
                while m < t.count && m - k < 2 && !t[m].nl && !covered[m] && (cap(m) || lowerAt(m)) && isWord(m)
                    && (t[m].bits.isEmpty || t[m].bits == .lastName || t[m].bits.contains(.placeWord) || inSet(.townWords, t[m].key)
                        // Session 13: "Saint Barnabas Burn Center, Livingston (...)": a town that is also a name or a word,
                        // alone after the separator.
                        || (k > oe && m == k && t[m].bits.contains(.residenceTown) && !t[m].flags.contains(.allUpper)))
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
        guard i > 0, !t[i].nl, isWord(i - 1), inSet(.organizationPrepositions, t[i - 1].key), !cap(i - 1) || capsDoc else { return nil }
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
            guard possessive || (!t[j].bits.contains(.ordinaryWord) && t[j].bits.contains(.firstName) && inSet(.placePrepositions, t[i - 1].key))
            else { return nil }
        }
        var e = j + 1
        if e < t.count && !t[e].nl && (t[e].bits.contains(.streetType) || t[e].kind == .number) { return nil }
        // "St Luke's Lutheran", "st anne's parish", "St John's Hospital".
        while e < t.count && e - j <= 2 && !t[e].nl && isWord(e)
            && (inSet(.saintFacilityWords, t[e].key) || t[e].rb.contains(.orgSuffix) || inSet(.congregationWords, t[e].key)
                || (t[e].rb.contains(.startsFacilityAfter) && phrase(at: e, kinds: .startsFacilityAfter, where: { $0 == .facilityAfter }) != nil))
        {
            if let (_, pe) = phrase(at: e, kinds: .startsFacilityAfter, where: { $0 == .facilityAfter }), pe > e { e = pe } else { e += 1 }
        }
        // A listed place alone ("in St Kilda", "from St. John's") stays a place; with a facility word after it, it names one.
        if e == j + 1, t[i].ps, phrase(at: i, kinds: .startsPlace, where: { $0 == .place }) != nil { return nil }
        // "Son lives in St. Paul", "moved to St Albans": after a residence word a saint's name alone is a town.
        if e == j + 1, !possessive, i >= 2, isWord(i - 2), !t[i - 1].nl, inSet(.residenceWords, t[i - 2].key) {
            emit(.address, i, e, priority: 3, score: 0.65, rule: "address-saint-town")
            return e
        }
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

    /// End of a known place (`place` phrases) of one to three words starting at token k and closed by a bracket, on the
    /// line, capitalised and not yet covered; else nil.
    @inline(never) func bracketedPlace(_ k: Int) -> Int? {
        guard k < t.count, !t[k].nl, cap(k), !covered[k], t[k].ps,
            let (_, pe) = phrase(at: k, kinds: .startsPlace, where: { $0 == .place }), pe - k <= 3, punct(pe, 0x29)
        else { return nil }
        return pe
    }

    /// A known place starting at token k, on the line and capitalised, followed only by site words (`site_words`:
    /// Clinic, Campus, Outpatient Center) up to the end of its line: the place's end and the line's end; else nil.
    @inline(never) func siteAfterDash(_ k: Int) -> (Int, Int)? {
        guard k < t.count, !t[k].nl, cap(k), t[k].ps, let (_, pe) = phrase(at: k, kinds: .startsPlace, where: { $0 == .place }), pe - k <= 3
        else { return nil }
        var m = pe
        while m < t.count && !t[m].nl && isWord(m) && cap(m) && inSet(.siteWords, t[m].key) { m += 1 }
        guard m >= t.count || t[m].nl else { return nil }
        return (pe, m)
    }

    /// Extends the organisation candidate that ends at token `oe` to end at token `e` (exclusive); false when
    /// no such candidate exists.
    @inline(never) mutating func extendOrganization(endingAt oe: Int, to e: Int) -> Bool {
        let end = t[oe - 1].e
        guard let c = found.lastIndex(where: { $0.entity.type == options.facilityType && $0.entity.span.end == end }) else { return false }
        let span = found[c].entity.span
        var e = e
        // Session 11: a branch's store number after its town is inside too ("Chemmart Drummoyne #2214").
        if e + 1 < t.count && punct(e, 0x23) && !t[e].nl && t[e + 1].kind == .number && adjacent(e + 1) && !covered[e + 1] { e += 2 }
        found[c].entity.span = TextSpan(span.start, t[e - 1].e)
        for q in oe..<e { covered[q] = true }
        return true
    }

    /// "Princess Alexandra Hospital (PAH)", "Mount Druitt Hospital (MDH)", "ROYAL ADELAIDE HOSPITAL (RAH)": an upper-case
    /// acronym of two to six letters in brackets right after an organisation's name, whose letters are the initials of
    /// the name's words (`of`, `and`, `the` and punctuation skipped), is an ORGANIZATION too (GUIDELINE O2: abbreviations
    /// of a named hospital). Letters that are not the name's initials ("Logan Hospital (ED)", "(ICU)") are not.
    @inline(never) mutating func acronymAfterOrganization(_ oe: Int) -> Bool {
        let a = oe + 1
        guard a + 1 < t.count, !t[a].nl, isWord(a), adjacent(a), t[a].flags.contains(.allUpper), punct(a + 1, 0x29), adjacent(a + 1),
            !covered[a], t[a].e - t[a].s >= 2, t[a].e - t[a].s <= 6, oe > 0
        else { return false }
        let end = t[oe - 1].e
        guard let c = found.lastIndex(where: { $0.entity.type == options.facilityType && $0.entity.span.end == end }) else { return false }
        let start = found[c].entity.span.start
        var letter = t[a].s
        var q = oe - 1
        while q > 0 && t[q - 1].s >= start { q -= 1 }
        while q < oe {
            if isWord(q) && t[q].key != K.of && t[q].key != K.and && t[q].key != K.the {
                guard letter < t[a].e, b[t[q].s] | 0x20 == b[letter] | 0x20 else { return false }
                letter += 1
            }
            q += 1
        }
        guard letter == t[a].e else { return false }
        emit(options.facilityType, a, a + 1, priority: 3, score: 0.8, rule: "organization-acronym")
        return true
    }

    /// A capitalised word and a street type within the next three tokens ("4/22 Fosters Rd").
    @inline(never) func streetFollows(_ e: Int) -> Bool {
        guard e < t.count, !t[e].nl, cap(e) || lowerStreetWord(e) else { return false }
        var k = e
        while k < t.count && k - e < 3 && !t[k].nl && (cap(k) || lowerStreetWord(k)) {
            // ("22/02 at club": a lower-case type must end its street.)
            if k > e && t[k].bits.contains(.streetType) { return cap(k) || lowerStreetEnds(k) }
            k += 1
        }
        return false
    }

    /// An unlisted capitalised place after "in", "at", "near" or "from" ending a clause or before a lower-case word:
    /// `Appendicectomy 2011 in Ludhiana.`, `youth group at Woodridge on Fridays`. Words in any list (names,
    /// ordinary words, drugs, places already known) are left to their own rules.
    @inline(never) mutating func unlistedPlaceAfterPreposition(_ i: Int) -> Int? {
        guard !t[i - 1].nl, !t[i].nl, inSet(.townPrepositions, t[i - 1].key), !covered[i], unlistedNameWord(i),
            !inSet(.agencies, t[i].key), !inSet(.countries, t[i].key), t[i].e - t[i].s >= 4
        else { return nil }
        // "dressed in Acticoat", "placed in Endocatch bag": after a verb of placing it is a product.
        if i >= 2, isWord(i - 2), t[i - 2].e - t[i - 2].s > 3, b[t[i - 2].e - 1] | 0x20 == 0x64, b[t[i - 2].e - 2] | 0x20 == 0x65 { return nil }
        var e = i + 1
        while e < t.count && !t[e].nl && e - i < 3 && cap(e) && (inSet(.townWords, t[e].key) || t[e].bits.isEmpty) { e += 1 }
        // The clause ends, or a function word, preposition or weekday follows (not a noun: "Endocatch bag").
        let ing = isWord(e) && !cap(e) && t[e].e - t[e].s > 5 && b[t[e].e - 1] == 0x67 && b[t[e].e - 2] == 0x6E && b[t[e].e - 3] == 0x69
        // Session 12: "wash in Cetaphil cleansing lotion", "in Aveeno cream": a brand before its product noun.
        if e < t.count, !t[e].nl, isWord(e), inSet(.productNouns, t[e].key) || (ing && e + 1 < t.count && isWord(e + 1) && inSet(.productNouns, t[e + 1].key)) {
            return nil
        }
        guard e >= t.count || t[e].nl || asideEnd(e) || punct(e, 0x28) || ing
            || (isWord(e) && (inSet(.functionWords, t[e].key) || inSet(.townFollowers, t[e].key) || t[e].rb.contains(.weekday)))
        else { return nil }
        // "at Ngaire's", "in Tipene Clinic": a possessive or an organisation word after it.
        if t[e - 1].base != t[e - 1].key { return nil }
        emit(.address, i, e, priority: 2, score: 0.6, rule: "address-unlisted-place-preposition")
        return e
    }

    /// `Facility: Swedish Ballard Campus` (an organisation label), `St. Joseph Regional` (a saint's name and a facility
    /// filler).
    @inline(never) mutating func organizationAfterLabel(_ i: Int) -> Int? {
        if inSet(.organizationLabels, t[i].key), punct(i + 1, 0x3A), i + 2 < t.count, !t[i + 2].nl, cap(i + 2), !covered[i + 2],
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
        if inSet(.saintWords, t[i].key), cap(i) {
            var j = i + 1
            if punct(j, 0x2E) && adjacent(j) { j += 1 }
            guard j + 1 < t.count, !t[j].nl, cap(j), !covered[j], t[j].bits.contains(.firstName) || t[j].bits.isEmpty,
                !t[j + 1].nl, isWord(j + 1), cap(j + 1), inSet(.saintFacilityWords, t[j + 1].key)
            else { return saintAfterPreposition(i) }
            var e = j + 2
            if e < t.count && !t[e].nl && cap(e) && inSet(.saintFacilityWords, t[e].key) { e += 1 }
            emit(options.facilityType, i, e, priority: 3, score: 0.7, rule: "organization-saint")
            return e
        }
        if inSet(.saintWords, t[i].key), let e = saintAfterPreposition(i) { return e }
        return nil
    }

    /// "Barkly Downs", "Webb City", "Western Missouri": a word that ends place names (`place_suffix` in `phi/rule_words.tsv`) or starts a
    /// state's name is no surname.
    @inline(never) func placeSuffix(_ j: Int) -> Bool {
        if inSet(.placeSuffix, t[j].key) { return true }
        return t[j].ps && phrase(at: j, kinds: .startsStateName, where: { $0 == .stateName }) != nil
    }

    /// A numbered street name: `21st`, `2ND`, `18th`, `103rd` (1-199).
    @inline(never) func streetOrdinal(_ k: Int) -> Bool {
        guard isWord(k), t[k].flags.contains(.hasDigit) else { return false }
        let s = t[k].s, e = t[k].e
        guard e - s >= 3, e - s <= 5 else { return false }
        var q = s, v = 0
        while q < e && b[q] &- 0x30 < 10 { v = v * 10 + Int(b[q] &- 0x30); q += 1 }
        guard q > s, e - q == 2, (1...199).contains(v) else { return false }
        let a = b[q] | 0x20, c = b[q + 1] | 0x20
        return (a == 0x73 && c == 0x74) || (a == 0x6E && c == 0x64) || (a == 0x72 && c == 0x64) || (a == 0x74 && c == 0x68)
    }

    /// The end of a grid street after a house number ("2890 W 600 S", "455 N 300 E"): a one-letter direction, a number
    /// of two to four digits and another one-letter direction, after a house number of at least two digits ("ward 4 W
    /// 2 S" is none), or nil.
    @inline(never) func gridStreet(_ j: Int) -> Int? {
        guard j >= 1, j + 2 < t.count, t[j - 1].e - t[j - 1].s >= 2, !t[j].nl, !t[j + 1].nl, !t[j + 2].nl, oneLetterDirection(j),
            t[j + 1].kind == .number, t[j + 1].e - t[j + 1].s >= 2, t[j + 1].e - t[j + 1].s <= 4, oneLetterDirection(j + 2)
        else { return nil }
        return j + 3
    }

    @inline(__always) func oneLetterDirection(_ k: Int) -> Bool {
        guard isWord(k), t[k].e - t[k].s == 1 else { return false }
        let c = b[t[k].s]
        return c == 0x4E || c == 0x53 || c == 0x45 || c == 0x57
    }
}

// Government services, legal suffixes, towns after organisations (GUIDELINE §5, §6 decisions of session 9).
extension PHIDetection {
    /// Tokens `i..<end` name a government-run service (GUIDELINE §6): they start with a state ambulance or emergency
    /// service's abbreviation (`government_service_abbreviations`: "QAS CRITICAL CARE"), or they are agencies
    /// (`agencies`), states or territories (code or name), countries of national services and service words only
    /// (`government_service_words`): "NSW Ambulance", "Ambulance Victoria", "Queensland Ambulance Service", "Victoria
    /// Police", "Hearing Australia", "Centrelink and Services Australia". A distinctive word ("Lifeline Ambulance") makes
    /// a private organisation.
    @inline(never) func governmentService(_ i: Int, _ end: Int) -> Bool {
        guard i < end, end <= t.count, isWord(i) else { return false }
        if inSet(.governmentServiceAbbreviations, t[i].key) { return true }
        var state = false, service = false
        var onlyHealth = true, words = 0
        var k = i
        while k < end {
            if t[k].kind == .punctuation { k += 1; continue }
            // A state or territory, or the country of a national service ("Services Australia", "Hearing Australia"); a
            // word that makes a service federal or national ("Indian Health Service", "Department of Veterans Affairs",
            // "Child Protective Services").
            if t[k].bits.contains(.stateAbbr) || (isWord(k) && (inSet(.countries, t[k].key) || inSet(.nationalServiceQualifiers, t[k].key))) {
                state = true
                k += 1
                continue
            }
            // "Centrelink and Services Australia": an agency (`agencies`) is a government service with or without a state.
            if isWord(k) && inSet(.agencies, t[k].key) { state = true; service = true; k += 1; continue }
            if t[k].ps, let (_, pe) = phrase(at: k, kinds: .startsStateName, where: { $0 == .stateName }), pe <= end {
                state = true
                k = pe
                continue
            }
            guard isWord(k), inSet(.governmentServiceWords, t[k].key) else { return false }
            if t[k].key != K.of && t[k].key != K.and { service = true }
            if t[k].key != K.health { onlyHealth = false }
            words += 1
            k += 1
        }
        // Session 14: "Queensland Health", "NSW Health": a state health department runs hospitals, an organisation
        // (GUIDELINE §6, decision of session 13).
        if onlyHealth && words == 1 { return false }
        return state && service
    }

    /// Where the words of an emergency service start in the name `i..<end`, or nil: the name ends with police, fire,
    /// rescue, EMS, sheriff, brigade or paramedic words and their fillers (`emergency_services`,
    /// `emergency_service_fillers`: "Police Station", "Fire Rescue", "Volunteer Fire Department", "County EMS"
    /// without the county). Police, fire and county emergency services are government-run (GUIDELINE §6); they are
    /// named after their locality, which is an ADDRESS (`[Raleigh] Fire Department`).
    @inline(never) func emergencyServiceStart(_ i: Int, _ end: Int) -> Int? {
        var k = end
        var core = false
        while k > i {
            let q = k - 1
            if isWord(q) && inSet(.emergencyServices, t[q].key) { core = true } else if !(punct(q, 0x26) || (isWord(q) && inSet(.emergencyServiceFillers, t[q].key))) { break }
            k -= 1
        }
        return core ? k : nil
    }

    /// Where the words of a court of law start in the name `i..<end`, or nil: the name ends with `Court` or `Courts` after
    /// one or more kinds of court (`law_court_kinds`: "District", "Magistrates", "Superior", "Supreme", "Circuit",
    /// "Juvenile", "Family"): "[King County] District Court", "[Townsville] Magistrates Court", "[Maricopa County]
    /// Superior Court". `County` is never read as a kind, so that it stays with its county's name. A court without a
    /// kind ("Kensington Court", a residence or aged-care home) is not one.
    @inline(never) func lawCourtStart(_ i: Int, _ end: Int) -> Int? {
        guard end - i >= 2, isWord(end - 1), t[end - 1].key == K.court || t[end - 1].key == K.courts else { return nil }
        var k = end - 1
        while k > i, isWord(k - 1), inSet(.lawCourtKinds, t[k - 1].base) { k -= 1 }
        return k < end - 1 ? k : nil
    }

    /// Tokens `i..<e` are a state or territory (code or name) or a country alone: never an ADDRESS (GUIDELINE §0).
    @inline(never) func stateOrCountry(_ i: Int, _ e: Int) -> Bool {
        if e == i + 1, t[i].bits.contains(.stateAbbr) || inSet(.countries, t[i].key) { return true }
        if t[i].ps, let (_, pe) = phrase(at: i, kinds: .startsStateName, where: { $0 == .stateName }), pe == e { return true }
        return false
    }

    /// The capitalised words `i..<e` name a locality: a known place or county, or a word outside the ordinary-word
    /// list that is no title or name-list word alone ("Miami-Dade", "Buncombe County", "Mill Park"; not "Metropolitan",
    /// "Rural", "Country").
    @inline(never) func localityName(_ i: Int, _ e: Int) -> Bool {
        guard e - i <= 4 else { return false }
        for q in i..<e where !(cap(q) || punct(q, 0x2D)) || t[q].bits.contains(.title) { return false }
        if t[i].ps, let (_, pe) = phrase(at: i, kinds: .startsPlace, where: { $0 == .place }), pe == e { return true }
        if e - i >= 2, isWord(e - 1), inSet(.countyWords, t[e - 1].key) { return true }
        for q in i..<e where isWord(q) && !t[q].bits.contains(.ordinaryWord) && !t[q].bits.contains(.stopWord) { return true }
        return false
    }

    /// Whether the capitalised name `s..<suffix` may end with the organisation ending at `suffix`. Endings that are also
    /// plain nouns (`plain_noun_org_suffixes`: "Brothers", "Solutions", "Collective", "Taxis") need a word outside the
    /// ordinary-word list before them (a surname, a place, a coined word: "Tobin Brothers", "Hmong American Partnership")
    /// or `at`, `from` or `via` before a name of two words or more ("via Language Line Solutions"; not "with", "for": "flushed with Normal
    /// Saline Solutions"); a drug, an eponym or a number
    /// word never starts such a name ("Normal Saline Solutions", "Two Brothers"). Other endings always may.
    @inline(never) func plainNounOrganization(_ s: Int, _ suffix: Int) -> Bool {
        // "Atlantic Red Crab Co.", "MIDWEST MEDICAL TRANSPORT CO.": an abbreviated ending counts only with its full stop
        // (`dotted_org_suffixes`; "CO" alone is carbon monoxide).
        if inSet(.dottedOrgSuffixes, t[suffix].key) { return punct(suffix + 1, 0x2E) && adjacent(suffix + 1) && suffix - s <= 5 }
        guard inSet(.plainNounOrgSuffixes, t[suffix].key) else { return true }
        var distinctive = false
        for q in s..<suffix where isWord(q) {
            let bits = t[q].bits
            // "Registrar: Dr Connor McAlister     Primary nurse": a title or a column gap is no part of such a name.
            if bits.contains(.title) || t[q + 1].s - t[q].e > 1 { return false }
            if bits.contains(.drugWord) || bits.contains(.eponym) || inSet(.ordinalWords, t[q].key) { return false }
            if !bits.contains(.ordinaryWord) || bits.contains(.placeWord) { distinctive = true }
        }
        if distinctive { return true }
        // Two words at least: "metastasis from Unknown Primary" stays out.
        guard s > 0, suffix - s >= 2, !t[s].nl, isWord(s - 1), !cap(s - 1) else { return false }
        // Session 14: "hospitalized at State Mental Institution": ordinary words after a public body's word name a kind.
        if inSet(.publicBodyWords, t[s].key) { return false }
        let k = t[s - 1].key
        return k == K.at || k == K.from || k == K.via
    }

    /// Session 14: the first token of a company name ending right before the comma at `c` that precedes its legal form
    /// (`Summit Freight Carriers, Inc.`), or nil: the facility walk's capitalised words with a proper word among them, not
    /// a person's given name and surname. A law firm's partners joined by `&` may stand in a list of single capitalised
    /// words joined by commas (`HARTWELL, OKONJO & BRANDT, LLP`).
    @inline(never) func legalNameStart(_ c: Int) -> Int? {
        guard c > 0, isWord(c - 1), cap(c - 1), !covered[c - 1], !t[c - 1].bits.contains(.title), let s0 = facilityStart(c) else { return nil }
        var s = s0
        var joined = false
        for q in s..<c where punct(q, 0x26) || (isWord(q) && t[q].key == K.and) { joined = true }
        if !joined {
            // "Dr Mark Ellis, Inc." names no company: a given name and a surname alone are a person.
            if c - s == 2, t[s].bits.contains(.firstName), !t[s].bits.contains(.ordinaryWord), t[c - 1].bits.isName { return nil }
            return s
        }
        var n = 0
        while n < 3, s >= 2, punct(s - 1, 0x2C), !t[s].nl, !t[s - 1].nl, isWord(s - 2), cap(s - 2), !covered[s - 2],
            !t[s - 2].bits.contains(.title), s - 2 == 0 || t[s - 2].nl || !(isWord(s - 3) && cap(s - 3))
        {
            s -= 2
            n += 1
        }
        return s
    }

    /// The end of a company's legal form written after a comma at token `k` ("P.C.", "P.A.", "LLC", "Inc."): one to
    /// four letters-and-dots tokens with no space between them whose letters form a word of `legal_suffixes`, ending
    /// the clause. Nil otherwise.
    @inline(never) func legalSuffixEnd(_ k: Int) -> Int? {
        guard k < t.count, !t[k].nl, isWord(k), upperInitial(k) else { return nil }
        var e = k
        var key = wordKeySeed
        var letters = 0
        while e < t.count && e - k < 6 && (e == k || adjacent(e)) && (isWord(e) || punct(e, 0x2E)) {
            if isWord(e) {
                for q in t[e].s..<t[e].e where b[q] != 0x2E {
                    key = wordKeyAppending(key, b[q])
                    letters += 1
                }
            }
            e += 1
        }
        guard letters >= 2, letters <= 4, inSet(.legalSuffixes, key) else { return nil }
        guard e >= t.count || t[e].nl || t[e].kind == .punctuation || (isWord(e) && !cap(e)) else { return nil }
        return e
    }

    /// A known place straight after an organisation's name ends the name when the clause goes on in lower case
    /// ("colonoscopy at Epworth Geelong in 2016", "Anglicare Kinross Toongabbie for respite"): GUIDELINE O3, a town
    /// written without a comma is part of the organisation's name.
    @inline(never) func knownPlaceEndingName(_ k: Int) -> Int? {
        guard k < t.count, !t[k].nl, cap(k), !capsDoc, t[k].ps,
            let (_, pe) = phrase(at: k, kinds: .startsPlace, where: { $0 == .place }),
            pe < t.count, !t[pe].nl, isWord(pe), !cap(pe), inSet(.functionWords, t[pe].key) || inSet(.townFollowers, t[pe].key) || t[pe].key == K.via
                || inSet(.placePrepositions, t[pe].key) || inSet(.employerPrepositions, t[pe].key)
        else { return nil }
        if eponymFollows(pe) { return nil }
        return pe
    }

    /// The end of a road written after a rural mail-box or lot number at token `k` ("RMB 1420 Riddoch Highway"): up to
    /// four capitalised words ending in a street type, on the same line. Nil otherwise.
    @inline(never) func roadAfterBoxNumber(_ k: Int) -> Int? {
        guard streetFollows(k) else { return nil }
        var e = k
        while e < t.count && e - k < 4 && !t[e].nl && (cap(e) || lowerStreetWord(e)) && !(e > k && t[e].bits.contains(.streetType)) { e += 1 }
        guard e > k, e < t.count, !t[e].nl, cap(e) || lowerStreetWord(e), t[e].bits.contains(.streetType) else { return nil }
        e += 1
        if punct(e, 0x2E) && adjacent(e) { e += 1 }
        return e
    }

    /// A known place or sub-state region after a place word and `the` ("lives in the Kimberley", "from the Riverina",
    /// "grew up in the Pilbara"): GUIDELINE §5, a region smaller than a state is ADDRESS, `the` inside the span as in
    /// the guideline's `[the Kimberley]`. Not an ordinary word ("in the Valley"), an instrument or a facility
    /// ("at the Royal Melbourne" is the organisation rule's). Returns the end.
    @inline(never) mutating func placeAfterArticle(_ i: Int) -> Int? {
        guard !covered[i], !covered[i - 1], !t[i].bits.contains(.ordinaryWord) || t[i].bits.contains(.placeWord),
            !t[i].bits.contains(.title), !t[i].flags.contains(.allUpper),
            let (_, e) = phrase(at: i, kinds: .startsPlace, where: { $0 == .place }), !eponymFollows(e)
        else { return nil }
        // "at the Alfred Hospital", "the Kimberley Ambulance": a capitalised word after it makes a longer name; "secured to
        // the Mayfield headrest", "the Toronto valve": a noun after it makes an eponymous device. The clause ends, or a
        // function word or an area word (`region_followers`: "in the Houston area") follows.
        if e < t.count, !t[e].nl, t[e].kind != .punctuation,
            !(isWord(e) && !cap(e) && (inSet(.functionWords, t[e].key) || inSet(.townFollowers, t[e].key) || inSet(.regionFollowers, t[e].key)))
        { return nil }
        emit(.address, i - 1, e, priority: 2, score: 0.65, rule: "address-place-article")
        return e
    }

    /// Token `j` is `and` or `or` right after a place the rules marked: "worked in tailem bend and mannum", "lives
    /// between Gympie and Noosa" (the second place of a list takes the first one's context); session 13: or a spaced
    /// dash between the places of an itinerary ("Return Accra - Amsterdam - Minneapolis").
    @inline(never) func placeListGoesOn(_ j: Int) -> Bool {
        guard j > 0, !t[j].nl, let last = found.last, last.entity.type == .address, last.entity.span.end == t[j - 1].e
        else { return false }
        if isWord(j) { return t[j].key == K.and || t[j].key == K.or }
        // (Not a comma: "Chania, Crete", "Zahlé, Lebanon", "Nogales, Sonora" write a town and its region or country.)
        return punct(j, 0x2D) && !adjacent(j) && !adjacent(j + 1)
    }

    /// One to three capitalised words followed by a known town that ends the clause, after an organisation preposition
    /// or a bracket: "community worker at SSCA Dandenong.", "a left TKR at Calvary Wakefield in 2017", "(Regis Port
    /// Lincoln)". One word before the town must be distinctive (outside the ordinary-word and name lists, or a known
    /// organisation's first word); none may be a title, month, weekday, drug, eponym or state code, and the words
    /// before the town must not be a place themselves ("from Mount Isa", "at Box Hill"). ORGANIZATION (GUIDELINE O3).
    @inline(never) mutating func organisationEndingInTown(_ i: Int) -> Int? {
        if let (_, pe) = phrase(at: i, kinds: .startsPlace, where: { $0 == .place }), pe > i { _ = pe; return nil }
        var k = i
        var distinctive = false
        while k < t.count && k - i < 4 && !t[k].nl && isWord(k) && cap(k) && !covered[k] {
            if k > i, t[k].ps, let (_, pe) = phrase(at: k, kinds: .startsPlace, where: { $0 == .place }) {
                guard distinctive, pe >= t.count || t[pe].nl || t[pe].kind == .punctuation || (isWord(pe) && !cap(pe)),
                    !eponymFollows(pe), !t[k].flags.contains(.allUpper) || t[k].e - t[k].s > 4
                else { return nil }
                for q in k..<pe where covered[q] { return nil }
                emit(options.facilityType, i, pe, priority: 3, score: 0.6, rule: "organization-town")
                return pe
            }
            let bits = t[k].bits
            if bits.contains(.title) || bits.contains(.weakTitle) || t[k].rb.contains(.monthName) || t[k].rb.contains(.weekday)
                || bits.contains(.drugWord) || bits.contains(.eponym) || bits.contains(.stateAbbr) || inSet(.countries, t[k].key)
            { return nil }
            if (!bits.contains(.ordinaryWord) && !bits.isName) || t[k].rb.contains(.startsOrganization) { distinctive = true }
            k += 1
        }
        return nil
    }

    /// One to three capitalised words from token `e` on, on the same line, end in a facility cue word or an organisation
    /// suffix ("Family YMCA", "Murugan Temple", "Base Hospital"): the place before them starts the organisation's name.
    @inline(never) func facilityNameFollows(_ e: Int) -> Bool {
        var q = e
        // (Capitalised words only: a lower-case name is found by rules too narrow to trust with the town.)
        while q < t.count && q - e < 3 && !t[q].nl && isWord(q) && cap(q) && !capsDoc {
            if t[q].rb.contains(.orgSuffix) { return true }
            if t[q].ps, let (_, fe) = phrase(at: q, kinds: .startsFacilityAfter, where: { $0 == .facilityAfter }),
                fe >= t.count || t[fe].nl || !isWord(fe) || !cap(fe)
            { return true }
            q += 1
        }
        return false
    }

    /// Session 17: the end of an organisation whose name is a known town (tokens before `e`) and one head word that no
    /// place has, written at the end of its clause, or nil. The head is a hospital's name word (`hospital_name_tails`:
    /// "Tacoma General", "Rutland Regional", "Riverside Methodist") or an unlisted acronym of two to four capitals in a
    /// mixed-case note ("College Station ISD", "Fresno EOC", "Blacktown CMH"): the town names the organisation, which
    /// is ORGANIZATION as a whole (GUIDELINE O3). Not a state or country code ("Dubbo NSW", "London UK"), a credential,
    /// a department ("Busselton ED": the department rules decide), a police or fire department, a business district or a
    /// time zone (`town_acronym_stops`: "Sacramento PD", "Sydney CBD"), or a word that a place goes on with.
    @inline(never) func townOrganisationTail(_ e: Int) -> Int? {
        guard e < t.count, !t[e].nl, isWord(e), cap(e), !capsDoc, !covered[e] else { return nil }
        let n = t[e].e - t[e].s
        // The clause ends after the head: a line end, punctuation other than a joining hyphen or apostrophe, or a
        // lower-case word.
        let after = e + 1
        guard after >= t.count || t[after].nl || (isWord(after) && !cap(after))
            || (t[after].kind == .punctuation && !(adjacent(after) && (punct(after, 0x2D) || punct(after, 0x27) || punct(after, 0x2F))))
        else { return nil }
        if t[e].flags.contains(.allUpper) {
            guard n >= 2, n <= 4, !t[e].flags.contains(.hasDigit) else { return nil }
            let bits = t[e].bits
            if bits.contains(.stateAbbr) || bits.contains(.credential) || bits.contains(.title) || bits.contains(.placeWord)
                || bits.contains(.direction) || t[e].ps || inSet(.countries, t[e].key) || inSet(.departmentHeads, t[e].key)
                || inSet(.quantityUnits, t[e].key) || inSet(.townFollowers, t[e].key) || inSet(.functionWords, t[e].key)
                || inSet(.townAcronymStops, t[e].key) || inSet(.emergencyServices, t[e].key)
            { return nil }
            return after
        }
        guard n >= 6, inSet(.hospitalNameTails, t[e].key) else { return nil }
        return after
    }

    /// An upper-case rural mail-box or route word (`rural_box_words`: `RSD`, `RMB`, `HC`, `RR`, `CMB`): the abbreviations
    /// are also clinical (reflex sympathetic dystrophy, head circumference, respiratory rate), so they count only where
    /// an address needs them (before a house number and a street, or a box and a locality).
    @inline(never) func ruralBoxWord(_ k: Int) -> Bool {
        k >= 0 && isWord(k) && t[k].flags.contains(.allUpper) && inSet(.ruralBoxWords, t[k].key)
    }

    /// A rural mail-box or route word in lower-case text (`rr 2 box 114`, `rt 2 box 118, belden ms 38826`): only before
    /// a number and `box` (an address line that ``lotOrBoxLine(_:)`` still closes with a locality and its state).
    @inline(never) func lowerRuralBoxWord(_ k: Int) -> Bool {
        k >= 0 && k + 3 < t.count && isWord(k) && !cap(k) && lowerAt(k) && inSet(.ruralBoxWords, t[k].key)
            && t[k + 1].kind == .number && isWord(k + 2) && t[k + 2].key == K.box && t[k + 3].kind == .number
    }

    /// The start of a unit ("Unit 3B", "Level 1,", "Shop 5,") written right before token `s` of an address, or nil.
    @inline(never) func unitBefore(_ s: Int) -> Int? {
        guard s > 0, !t[s].nl else { return nil }
        var k = s - 1
        if punct(k, 0x2C) { k -= 1 }
        guard k >= 1, !t[k].nl || k == s - 1 else { return nil }
        // "3B": a number and an adjacent letter.
        if isWord(k) && t[k].e - t[k].s == 1 && adjacent(k) && t[k - 1].kind == .number { k -= 1 }
        guard k >= 1, t[k].kind == .number || t[k].flags.contains(.hasDigit), isWord(k - 1), t[k - 1].bits.contains(.unitWord),
            cap(k - 1) || lowerAt(k - 1), !t[k].nl
        else { return nil }
        return k - 1
    }

    /// A lot or rural box number at token `i` (after `Lot`, `RSD`, `HC`, ...) with a locality but no street: "Lot 42,
    /// Barunga Community, via Katherine NT 0852" (one to three capitalised words naming the community), "HC 61 Box 3127,
    /// Shiprock, NM 87420" (a box after the route number). The locality must carry its state. Returns the end.
    @inline(never) mutating func lotOrBoxLine(_ i: Int) -> Int? {
        guard i >= 1, !covered[i - 1] else { return nil }
        var start = i - 1
        var e = i + 1
        // "HC 61 Box 3127".
        var box = false
        do {
            var b = e
            if punct(b, 0x2C) { b += 1 }
            if b + 1 < t.count, isWord(b), !t[b].nl, !t[b + 1].nl, t[b].key == K.box, t[b + 1].kind == .number {
                e = b + 2
                box = true
                if e < t.count, isWord(e), adjacent(e), t[e].e - t[e].s == 1 { e += 1 }  // "Box 62A"
            }
        }
        if let r = ruralRouteStart(i - 1, box: box) { start = r } else {
            guard (t[i - 1].bits.contains(.unitWord) && cap(i - 1) && !inSet(.lotWords, t[i - 1].key)) || ruralBoxWord(i - 1) || isLotWord(i - 1)
                || lowerRuralBoxWord(i - 1)
            else { return nil }
        }
        var k = e
        if punct(k, 0x2C) { k += 1 }
        // "HC 61 Box 3127" / "Shiprock, NM 87420": a rural box on its own line above its town's line (GUIDELINE AD1: one
        // span per line) when the next line starts with a locality and its state.
        if box, k >= t.count || t[k].nl {
            guard k < t.count, let l = locality(k, allowNewline: true, standalone: true) else { return nil }
            var state = false
            for q in k..<l where isStateAt(q) { state = true }
            guard state else { return nil }
            for q in start..<e where covered[q] { return nil }
            emit(.address, start, e, priority: 3, score: 0.75, rule: "address-box-line")
            return e
        }
        guard k < t.count, !t[k].nl else { return nil }
        var found = locality(k, allowNewline: false, standalone: true)
        if found == nil {
            // "Barunga Community": the community's name, then the locality (maybe after `via`).
            var words = k
            while words < t.count && words - k < 3 && !t[words].nl && isWord(words) && cap(words) && !t[words].bits.contains(.stateAbbr)
                && K.via != t[words].key
            { words += 1 }
            if words > k, punct(words, 0x2C) { k = words + 1 } else if words > k { k = words }
            if k < t.count, isWord(k), t[k].key == K.via, !t[k].nl { k += 1 }
            if k < t.count, !t[k].nl { found = locality(k, allowNewline: false, standalone: true) }
        }
        guard let l = found else { return nil }
        // A locality of its own needs its state ("via Katherine NT 0852").
        var state = false
        for q in k..<l where isStateAt(q) || lowerStateAt(q) { state = true }
        guard state else { return nil }
        for q in start..<l where covered[q] { return nil }
        emit(.address, start, l, priority: 3, score: 0.8, rule: "address-lot-line")
        return l
    }

    /// A lower-case word of a street name in lower-case text (`rmb 1420 riddoch hwy`): no digits, no function word.
    @inline(never) func lowerStreetWord(_ k: Int) -> Bool {
        isWord(k) && !cap(k) && lowerAt(k) && !t[k].flags.contains(.hasDigit) && t[k].e - t[k].s >= 2 && !inSet(.functionWords, t[k].key)
            && !inSet(.placePrepositions, t[k].key) && !inSet(.handoverWords, t[k].key) && !inSet(.townFollowers, t[k].key)
    }

    /// The start of a US rural route before its number at token `k` (`rural_route_words`): "Rural Route 2" (the span
    /// starts at `Rural`), or "Rt 3" / "Route 3" when a box number follows ("Rt 3 Box 118"). Capitalised (any case in a
    /// lower-case note); "route 2" alone stays a word and a number. Nil otherwise.
    @inline(never) func ruralRouteStart(_ k: Int, box: Bool) -> Int? {
        guard k >= 0, isWord(k), cap(k) || lowerDoc, inSet(.ruralRouteWords, t[k].key) else { return nil }
        if k >= 1, isWord(k - 1), !t[k].nl, t[k - 1].key == K.rural, cap(k - 1) || lowerDoc { return k - 1 }
        return box ? k : nil
    }

    /// The end of a route number after a numbered road's type at token `k` (`numbered_road_types`: "County Road 12",
    /// "State Hwy 9", "Route 66", "FM Road 1960A"): a number of one to four digits, maybe with a letter, that ends
    /// the street (a line end, a comma, a full stop, a bracket or a direction follows). Nil otherwise.
    @inline(never) func routeNumberEnd(_ k: Int) -> Int? {
        var n = k + 1
        if punct(n, 0x2E), adjacent(n) { n += 1 }
        guard isWord(k), inSet(.numberedRoadTypes, t[k].key), n < t.count, !t[n].nl, t[n].kind == .number, t[n].e - t[n].s <= 4
        else { return nil }
        var e = n + 1
        if e < t.count, isWord(e), adjacent(e), t[e].e - t[e].s == 1 { e += 1 }
        guard e >= t.count || t[e].nl || punct(e, 0x2C) || punct(e, 0x2E) || punct(e, 0x29) || punct(e, 0x3B)
            || (isWord(e) && t[e].bits.contains(.direction) && cap(e))
            // "4410 Route 66 with her son": a function word goes on with the clause ("12 Smith Rd 3 doors" does not).
            || (isWord(e) && !cap(e) && inSet(.functionWords, t[e].key))
        else { return nil }
        return e
    }

    /// `Lot` capitalised (a land lot, not a medicine's lot number, which is lower-case or followed by letters and digits).
    @inline(never) func isLotWord(_ k: Int) -> Bool {
        k >= 0 && isWord(k) && cap(k) && t[k].key == K.lot
    }

    /// A lower-case street name and type after a place word in a lower-case note ("labs at labcorp on sherman ave"):
    /// one or two words, the first outside the ordinary-word list, then an abbreviated or full street type that is not
    /// a title or `pt`. Returns the end.
    @inline(never) mutating func lowerStreetName(_ i: Int) -> Int? {
        guard !covered[i], !t[i].bits.contains(.ordinaryWord), t[i].e - t[i].s >= 3, !inSet(.functionWords, t[i].key), !t[i].bits.contains(.streetType), !t[i].flags.contains(.hasDigit),
            !inSet(.wardWords, t[i].key)
        else { return nil }
        var k = i + 1
        if k < t.count, isWord(k), !t[k].nl, !t[k].bits.contains(.streetType) { k += 1 }
        // ("in a row": a street type that is also a word ends a street only as ``lowerStreetEnds(_:)`` allows.)
        guard k < t.count, !t[k].nl, isWord(k), t[k].bits.contains(.streetType), !t[k].bits.contains(.title), t[k].key != K.pt,
            lowerStreetEnds(k),
            k + 1 >= t.count || t[k + 1].nl || t[k + 1].kind == .punctuation || !isWord(k + 1) || inSet(.functionWords, t[k + 1].key)
                || inSet(.townFollowers, t[k + 1].key)
        else { return nil }
        // "at chermside medical centre": a facility word makes a facility, not a street.
        for q in i...k where t[q].ps && phrase(at: q, kinds: .startsFacilityAfter, where: { $0 == .facilityAfter }) != nil { return nil }
        var end = k + 1
        if punct(end, 0x2E) && adjacent(end) { end += 1 }
        emit(.address, i, end, priority: 3, score: 0.7, rule: "address-street-name-lower")
        return end
    }
}

// Places named by their frame (issue #6, helper `phiplace`, session 12).
extension PHIDetection {
    /// A known place (gazetteer) at token `i` written before a lower-case word of a site it names (`place_feature_nouns`:
    /// clinic, campus, site, centre, plant, mine, jetty, works, ...): "(Dandenong campus)", "fishing off Nightcliff
    /// jetty", "Hearing Australia, Moorooka centre", "the Geelong plant". The place alone is the ADDRESS, the noun stays
    /// out (GUIDELINE AD2); ``placeNamesWhatFollows(_:_:)`` keeps longer names, given names and words out.
    /// Returns the place's end.
    @inline(never) mutating func placeBeforeFeatureNoun(_ i: Int) -> Int? {
        guard !covered[i], !t[i].flags.contains(.allUpper), let (_, e) = phrase(at: i, kinds: .startsPlace, where: { $0 == .place }),
            e < t.count, !t[e].nl, isWord(e), !cap(e), inSet(.placeFeatureNouns, t[e].key), t[e - 1].base == t[e - 1].key
        else { return nil }
        guard placeNamesWhatFollows(i, e) else { return nil }
        emit(.address, i, e, priority: 2, score: 0.65, rule: "address-place-feature")
        return e
    }

    /// Session 15: a known place before the nights of a stay, an itinerary's stop ("Pokhara 2 nights", "- Kumasi 3 nights
    /// then the coast"): a number of one or two digits and a word of `stay_nouns`. ``placeNamesWhatFollows(_:_:)`` keeps
    /// given names, ordinary words and longer names out. Returns the place's end.
    @inline(never) mutating func placeBeforeStay(_ i: Int) -> Int? {
        var n = i + 1
        while n < t.count && n - i <= 3 && isWord(n) { n += 1 }
        guard n + 1 < t.count, t[n].kind == .number, t[n].e - t[n].s <= 2, isWord(n + 1), inSet(.stayNouns, t[n + 1].key),
            !covered[i], !t[i].flags.contains(.allUpper), let (_, e) = phrase(at: i, kinds: .startsPlace, where: { $0 == .place }),
            e == n, !t[e].nl, !t[e + 1].nl, placeNamesWhatFollows(i, e)
        else { return nil }
        emit(.address, i, e, priority: 2, score: 0.65, rule: "address-place-stay")
        return e
    }

    /// A known place (gazetteer) at token `i` written before a police, fire, rescue or EMS word (`emergency_services`):
    /// "GREAT BEND FIRE ENGINE 2", "Kent Police Department", "the Dubbo Police". The service is
    /// government-run, no organisation, and its town is an ADDRESS (GUIDELINE §6, `[Raleigh] Fire Department`); the
    /// organisation rules that find such names in mixed case (``emergencyServiceStart(_:_:)``) do not run on an ALL-CAPS
    /// note. ``placeNamesWhatFollows(_:_:)`` keeps longer names, given names and words out. Returns the place's end.
    @inline(never) mutating func placeBeforeEmergencyService(_ i: Int) -> Int? {
        guard !covered[i], let (_, e) = phrase(at: i, kinds: .startsPlace, where: { $0 == .place }), e + 1 < t.count, !t[e].nl,
            isWord(e), cap(e)
        else { return nil }
        guard inSet(.emergencyServices, t[e].key), placeNamesWhatFollows(i, e) else { return nil }
        emit(.address, i, e, priority: 3, score: 0.7, rule: "address-emergency-service")
        return e
    }

    /// The known place `i..<e` stands alone before the word that names what it locates (a site word, a service word):
    /// not after a capitalised word other than a determiner ("The Geelong plant" is the place; "Westpac Blacktown
    /// branch" is an organisation's name, GUIDELINE O3), not an eponym, drug or title, not one frequent given name,
    /// ordinary or stop-listed word alone (a rare given name is no obstacle, the word after it vouching for the place:
    /// "the Tulsa depot"; "the Jordan clinic", "Hope Fire Brigade" stay out), and not covered by another entity.
    @inline(never) func placeNamesWhatFollows(_ i: Int, _ e: Int) -> Bool {
        if i > 0, !t[i].nl, isWord(i - 1), cap(i - 1), !inSet(.determiners, t[i - 1].key) { return false }
        let bits = t[i].bits
        if bits.contains(.eponym) || bits.contains(.drugWord) || bits.contains(.title) { return false }
        if e == i + 1 && !bits.contains(.placeWord)
            && (bits.contains(.frequentFirst) || bits.contains(.ordinaryWord) || bits.contains(.stopWord))
        {
            return false
        }
        for q in i..<e where covered[q] { return false }
        return true
    }

    /// Token `j` is `born` (any case) right before the place at `j + 1` on the same line: "Born Daegu, in Australia
    /// since 2012", "grandfather born Tuam, Co. Galway" (the place written without `in`).
    @inline(__always) func bornBefore(_ j: Int) -> Bool {
        j >= 0 && isWord(j) && !t[j + 1].nl && (t[j].key == K.born || bareResidenceVerb(j))
    }

    /// Session 21 (rulesrecall): a home-town verb written without its preposition before a known place in telegraphic
    /// notes ("daughter lives Newcastle, mob ...", "resides Parramatta with wife"): `home_town_verbs`, not capitalised
    /// (a heading word is no verb). Only known places reach it (``bornBefore(_:)``).
    @inline(never) func bareResidenceVerb(_ j: Int) -> Bool {
        !cap(j) && inSet(.homeTownVerbs, t[j].key)
    }

    /// Session 21 (rulesrecall): a facility name whose cue is followed by a colon that ends its line is a name, not a
    /// label, when a place preposition (`at`, `to`, `from`, `in`) on the same line comes right before its first word
    /// ("We operated on 24 November at Raleigh Eye Surgery Center:"); a label line ("Referring Hospital:") has none.
    @inline(never) func facilityAfterPlacePreposition(_ s: Int) -> Bool {
        guard s > 0, !t[s].nl, isWord(s - 1) else { return false }
        let k = t[s - 1].key
        return k == K.at || k == K.to || k == K.from || k == K.in
    }

    /// "no evidence for ,HYDRONEPHROSIS, or ,PERINEPHRIC": an ALL-CAPS word before a comma and a state code that is
    /// also a word (`clinical_state_codes`: OR, IN, ME, OK, PA, ...) is no town and state when the code is in lower
    /// case (a town written in capitals carries its state in capitals), or when the word is an ordinary word and no
    /// place in a note that is not ALL CAPS ("HYDRONEPHROSIS, OR").
    @inline(never) func capsWordBeforeWordStateCode(_ i: Int) -> Bool {
        guard t[i].flags.contains(.allUpper), isWord(i + 2), inSet(.clinicalStateCodes, t[i + 2].key) else { return false }
        if !t[i + 2].flags.contains(.allUpper) { return true }
        return !capsDoc && t[i].bits.contains(.ordinaryWord) && !t[i].bits.contains(.placeWord)
    }
}

// Places after organisations and travel words (issue #6, helper `phiplace`, session 13).
extension PHIDetection {
    /// A street written without a number right after an organisation and its comma or dash (`k` the first word after the
    /// separator): one to three capitalised words or a street ordinal ("4th"), then a capitalised street type, then the
    /// clause's end or a lower-case word ("Ironwood Strength Gym, Oracle Rd - spin class", "Saguaro Roast Coffee Co., 4th
    /// Avenue location", "Walgreens #04417, Seargent Prentiss Dr"): an unambiguous street type (`lower_street_types`),
    /// or `Dr` ending its line ("Clinic, Smith Dr Jones" stays out); a type that is also an ordinary word needs names outside the ordinary words and the
    /// clause's end ("Harbour Care Services, Community Place team" stays out).
    /// Returns the street's end.
    @inline(never) func streetAfterOrganization(_ k: Int, wrapped: Bool = false) -> Int? {
        guard k < t.count, !t[k].nl || wrapped, !covered[k], cap(k) || streetOrdinal(k), !t[k].flags.contains(.allUpper) || capsDoc else { return nil }
        var q = k
        while q < t.count && q - k < 3 && (!t[q].nl || q == k) && isWord(q) && (cap(q) || streetOrdinal(q)) && !covered[q]
            && !t[q].bits.contains(.streetType) && !t[q].bits.contains(.title)
        { q += 1 }
        guard q > k, q < t.count, !t[q].nl, isWord(q), cap(q), !covered[q], t[q].bits.contains(.streetType),
            !t[q].flags.contains(.allUpper) || capsDoc, !inSet(.wardWords, t[k].key)
        else { return nil }
        var end = q + 1
        if punct(end, 0x2E) && adjacent(end) && t[q].e - t[q].s <= 4 { end += 1 }
        let clauseEnds = end >= t.count || t[end].nl || t[end].kind == .punctuation
        guard clauseEnds || (isWord(end) && !cap(end)) else { return nil }
        // Only the unambiguous street types (`lower_street_types`: St, Rd, Ave, Street, Road, ...; "Mesa Verde Hospital -
        // Patient Access", "- Telepsychiatry Follow-up Note" are no streets), and `Dr` only ending its line.
        let drive = t[q].e - t[q].s == 2 && b[t[q].s] | 0x20 == 0x64 && b[t[q].s + 1] | 0x20 == 0x72
        guard inSet(.lowerStreetTypes, t[q].key) || (drive && (end >= t.count || t[end].nl)) else { return nil }
        // A full type that is also a word ("Community Place team", "Family Court"): only after names outside the ordinary
        // words, ending the clause (abbreviations of three letters or fewer, St, Rd, Ave, may be ordinary words too).
        if t[q].e - t[q].s > 3 && t[q].bits.contains(.ordinaryWord) {
            guard clauseEnds else { return nil }
            for r in k..<q where t[r].bits.contains(.ordinaryWord) { return nil }
        }
        for r in k..<q where t[r].ps && phrase(at: r, kinds: .startsFacilityAfter, where: { $0 == .facilityAfter }) != nil { return nil }
        return end
    }
}

// Highways, interstates and rivers as event locations (issue #6, helper `phiplace`, session 13; GUIDELINE §5).
extension PHIDetection {
    /// A named highway, road or river after a place word (or `on`, `off`, `by`, session 14: a road preposition of
    /// `road_prepositions`, `along`, `across`, `under`, `past`, ..., the `and` of a list after such a road, or the start
    /// of a clause) and `the`: "rolled his car on the Bruce Highway", "a crash on the Gillies Range Road", "found by the
    /// Murray River", "driving along the Warrego Highway and the Landsborough Highway", "Access cut: the Gibb River Road is
    /// closed", "closed past the" / "Fitzroy River crossing" (`the` ending a wrapped line). One to three capitalised
    /// words, then a capitalised word of `highway_words` (maybe two: "the Gibb River Road"), then no capitalised word
    /// ("the Hunter River Hospital" is an organisation's name), no eponym follower ("the Ross River virus") and no
    /// facility name. A generic road word alone ("on the freeway") has no name before it. Returns the end.
    @inline(never) mutating func namedRoadOrRiver(_ i: Int) -> Int? {
        // (`the` may end the line above: "closed past the" / "Fitzroy River crossing".)
        guard i >= 2, isWord(i - 1), t[i - 1].key == K.the, !covered[i], !(t[i].nl && t[i - 1].nl), roadFrameBefore(i - 2, clauseStart: true)
        else { return nil }
        var q = i
        while q < t.count && q - i < 3 && (q == i || !t[q].nl) && isWord(q) && cap(q) && !covered[q] && !inSet(.highwayWords, t[q].key)
            && !t[q].bits.contains(.title) && !t[q].flags.contains(.hasDigit)
        { q += 1 }
        guard q > i, q < t.count, !t[q].nl, isWord(q), cap(q), !covered[q], inSet(.highwayWords, t[q].key) else { return nil }
        var e = q + 1
        if e < t.count, !t[e].nl, isWord(e), cap(e), inSet(.highwayWords, t[e].key) { e += 1 }
        guard e >= t.count || t[e].nl || !isWord(e) || !cap(e), !eponymFollows(e), !facilityNameFollows(e) else { return nil }
        // "the Ross River virus", "Ross River fever": a lower-case disease word after it.
        if e < t.count, !t[e].nl, isWord(e), inSet(.eponymFollower, t[e].base) { return nil }
        emit(.address, i, e, priority: 3, score: 0.7, rule: "address-highway-river")
        return e
    }

    /// Token `j` (before the `the` of a road's name) places a road: `on`, `off`, `by`, a place word, a road preposition
    /// (`road_prepositions`: along, across, under, past, ...), the `and` or `or` of a list after a place the rules marked,
    /// or, with `clauseStart`, no word at all (a line start, a colon, comma, semicolon or bracket before `the`).
    @inline(never) func roadFrameBefore(_ j: Int, clauseStart: Bool) -> Bool {
        if isWord(j) {
            if t[j + 1].nl { return false }
            let k = t[j].key
            return k == K.on || k == K.off || k == K.by || inSet(.roadPrepositions, k) || placeContext(j) || placeListGoesOn(j)
        }
        guard clauseStart else { return false }
        return t[j + 1].nl || punct(j, 0x3A) || punct(j, 0x2C) || punct(j, 0x3B) || punct(j, 0x28)
    }

    /// A lower-case named highway, freeway, road or river after a road word and `the` (`highway_words`; session 14):
    /// "late (traffic on the kwinana freeway)", "drove along the bruce highway". One or two lower-case words outside the
    /// ordinary words, function words and street types (so "on the old highway", "on the back road", "on the freeway"
    /// have no name), then the road word, then no eponym follower ("the ross river virus"). Returns the end.
    @inline(never) mutating func lowerNamedRoad(_ i: Int) -> Int? {
        guard i >= 2, !t[i].nl, !t[i - 1].nl, isWord(i - 1), t[i - 1].key == K.the, !covered[i], roadFrameBefore(i - 2, clauseStart: false)
        else { return nil }
        var q = i
        while q < t.count && q - i < 2 && !t[q].nl && isWord(q) && !cap(q) && !covered[q] && t[q].e - t[q].s >= 3
            && !t[q].flags.contains(.hasDigit) && !t[q].bits.contains(.ordinaryWord) && !t[q].bits.contains(.streetType)
            && !t[q].bits.contains(.drugWord) && !inSet(.functionWords, t[q].key) && !inSet(.highwayWords, t[q].key)
        { q += 1 }
        // (The road word is a street type, as ``lowerLineWordMayStartAddress(_:)`` asks of a lower-case line's word.)
        guard q > i, q < t.count, !t[q].nl, isWord(q), !cap(q), t[q].bits.contains(.streetType), inSet(.highwayWords, t[q].key),
            !eponymFollows(q + 1)
        else { return nil }
        let e = q + 1
        if e < t.count, !t[e].nl, isWord(e), inSet(.eponymFollower, t[e].base) { return nil }
        emit(.address, i, e, priority: 3, score: 0.65, rule: "address-highway-river-lower")
        return e
    }

    /// A numbered interstate, US or state highway written with its prefix and a hyphen (`numbered_highway_prefixes`: `I-17`,
    /// `US-385`, `SR-87`, `SH-1`, the prefix in capitals) after a place word, `on`, `off` or another such highway and a
    /// slash, or before a direction of travel (`travel_directions`, session 14): "MVA on I-17", "route via US-385/I-80",
    /// "rollover on SR-87", "SCENE: I-17 southbound". Not a radio-iodine isotope
    /// (`iodine_isotope_numbers`: `I-123`, `I-124`, `I-125`, `I-131`). Returns the end.
    @inline(never) mutating func numberedHighway(_ i: Int) -> Int? {
        guard t[i].e - t[i].s <= 2, i > 0, i + 2 < t.count, !t[i].nl, !covered[i], punct(i + 1, 0x2D), adjacent(i + 1), adjacent(i + 2),
            t[i + 2].kind == .number, t[i + 2].e - t[i + 2].s <= 3, t[i].flags.contains(.allUpper),
            inSet(.numberedHighwayPrefixes, t[i].key)
        else { return nil }
        let afterSlash = t[i - 1].e - t[i - 1].s == 1 && b[t[i - 1].s] == 0x2F && adjacent(i)
            && found.last.map { $0.entity.type == .address && $0.entity.span.end == t[i - 1].s } == true
        // Session 14: or a direction of travel after it, whatever comes before ("collision, I-64 eastbound near ...").
        let direction = i + 3 < t.count && !t[i + 3].nl && isWord(i + 3) && inSet(.travelDirections, t[i + 3].key)
        guard afterSlash || direction || (isWord(i - 1) && (t[i - 1].key == K.on || t[i - 1].key == K.off || placeContext(i - 1)))
        else { return nil }
        // (Only `I` is one letter long: `I-131` is iodine-131, `US-131` a highway.)
        if t[i].e - t[i].s == 1 && inSet(.iodineIsotopeNumbers, t[i + 2].key) { return nil }
        emit(.address, i, i + 3, priority: 3, score: 0.7, rule: "address-numbered-highway")
        return i + 3
    }
}

// Places named by a person or by another place (issue #6, helper `phiplace`, session 14).
extension PHIDetection {
    /// The known place at token `i` is not a frequent given name, an ordinary, stop-listed, eponym, drug or title word
    /// alone (a listed place word such as `Bendigo` may be a stop-listed word), and neither is the other place:
    /// ``placeToPlace(_:)``'s test of both ends.
    @inline(__always) func plainPlace(_ i: Int, _ e: Int) -> Bool {
        let bits = t[i].bits
        if bits.contains(.eponym) || bits.contains(.drugWord) || bits.contains(.title) { return false }
        return e > i + 1 || bits.contains(.placeWord)
            || !(bits.contains(.frequentFirst) || bits.contains(.ordinaryWord) || bits.contains(.stopWord))
    }

    /// A known place (gazetteer) at token `i` before `to` and another known place, ending the clause or before a
    /// lower-case word: "(milk tanker, Show Low to Albuquerque)", "drives Dubbo to Orange and back weekly" (a route).
    /// Not after a capitalised word (a longer name) or a place word (the gazetteer rule reads those), and neither place a
    /// frequent given name or an ordinary word alone ("Austin to Jordan"). The first place is the ADDRESS here; the
    /// second one follows `to`, a place word. Returns the first place's end.
    @inline(never) mutating func placeToPlace(_ i: Int) -> Int? {
        guard !covered[i], !t[i].flags.contains(.allUpper), i == 0 || t[i].nl || !isWord(i - 1) || (!cap(i - 1) && !placeContext(i - 1)),
            let (_, e) = phrase(at: i, kinds: .startsPlace, where: { $0 == .place }), e + 1 < t.count, !t[e].nl, isWord(e),
            t[e].key == K.to, !t[e + 1].nl, cap(e + 1), t[e + 1].ps, !t[e + 1].flags.contains(.allUpper),
            let (_, e2) = phrase(at: e + 1, kinds: .startsPlace, where: { $0 == .place }), plainPlace(i, e), plainPlace(e + 1, e2),
            e2 >= t.count || t[e2].nl || t[e2].kind == .punctuation || (isWord(e2) && !cap(e2) && !eponymFollows(e2))
        else { return nil }
        for q in i..<e where covered[q] { return nil }
        emit(.address, i, e, priority: 2, score: 0.65, rule: "address-place-to-place")
        return e
    }
}

// Named natural and travel places, church parishes (issue #6, helper `phiplace`, session 18).
extension PHIDetection {
    /// A capitalised word that may be part of a named place's name (``namedFeature(_:)``): no title, credential, month,
    /// weekday, drug, state code, determiner, place preposition or travel word, no digits, and in capitals no ordinary word
    /// that is no place.
    @inline(__always) func featureNameWord(_ k: Int) -> Bool {
        guard isWord(k), cap(k), !t[k].flags.contains(.hasDigit) else { return false }
        let bits = t[k].bits
        if bits.contains(.title) || bits.contains(.weakTitle) || bits.contains(.credential) || bits.contains(.drugWord)
            || bits.contains(.stateAbbr) || t[k].rb.contains(.monthName) || t[k].rb.contains(.weekday)
        { return false }
        // (In capitals every word looks like a name: "ARRIVED JANDAKOT AIRPORT" keeps ordinary words out.)
        if t[k].flags.contains(.allUpper) && bits.contains(.ordinaryWord) && !bits.contains(.placeWord) { return false }
        let key = t[k].key
        return !inSet(.determiners, key) && !inSet(.placePrepositions, key) && !inSet(.extraPlacePrepositions, key)
            && !inSet(.functionWords, key)
    }

    /// Nothing after a named place at `e` makes it part of something else: no capitalised word ("Mount Druitt Hospital",
    /// "Rhode Island Hospital", "Lake Macquarie Private Hospital"), no eponym follower, also after one lower-case word
    /// ("Lake Louise score", "Rocky Mountain spotted fever"), no facility name.
    @inline(never) func featureNameEnds(_ e: Int) -> Bool {
        guard e < t.count, !t[e].nl else { return true }
        if isWord(e) && cap(e) { return false }
        if eponymFollows(e) || (isWord(e) && inSet(.eponymFollower, t[e].base)) { return false }
        if isWord(e) && e + 1 < t.count && !t[e + 1].nl && isWord(e + 1) && inSet(.eponymFollower, t[e + 1].base) { return false }
        return true
    }

    /// Session 18: a named natural or travel place (GUIDELINE AD2, "named places that locate the patient"): a capitalised
    /// head word of `feature_heads` (Airport, Cemetery, Island, Lake, Mountain, Reef, Docks, ...) after one to three
    /// capitalised words ("arrive Cairns Airport 0555", "burial at" / "Cycadia Cemetery", "the Moreton Island run",
    /// "Rochester International Airport"), or a capitalised word of `feature_prefixes` (Mount, Mt, Lake) before
    /// one capitalised word ("hiking on Mount Geumjeong", "Lake Titicaca", "fell at Mt. Buller"). The head or prefix
    /// vouches for the place, so no place word is needed before it. Not a state ("Rhode Island"), not a frequent given
    /// name before the head ("Tom Lake"), not a known organisation ("Mount Sinai"), not before a capitalised word, an
    /// eponym follower or a facility's name (``featureNameEnds(_:)``); ALL-CAPS words only in an ALL-CAPS note.
    /// Token `i` is the head or the prefix. Returns the place's end.
    @inline(never) mutating func namedFeature(_ i: Int) -> Int? {
        if t[i].flags.contains(.allUpper) && !capsDoc { return nil }
        // ("Providence Mount St. Vincent", "Dr Lake": a capitalised word before the prefix other than a determiner or a
        // travel word makes it part of another name; `Lake` is also a head: "the Yarralumla Lake loop".)
        // ("headspace Mount Gambier": a word before it that another entity holds names an organisation's branch.)
        if inSet(.featurePrefixes, t[i].key), !(i > 0 && !t[i].nl && covered[i - 1]),
            !(i > 0 && !t[i].nl && isWord(i - 1) && cap(i - 1) && !inSet(.determiners, t[i - 1].key) && !placeContext(i - 1))
        {
            var s = i + 1
            // ("Mt. Buller": the dot of the two-letter abbreviation.)
            if s < t.count, t[i].e - t[i].s == 2, punct(s, 0x2E), adjacent(s) { s += 1 }
            var e = s
            // (One word: a second capitalised word makes it an organisation's name, "Mount Isa Hospital", "Lake Albert
            // Vet", "MOUNT ISA MINES", "Mount Eliza RSL".)
            if e < t.count && !t[e].nl && featureNameWord(e) && !t[e].bits.contains(.streetType)
                && !inSet(.featureHeads, t[e].key) && !inSet(.featurePrefixes, t[e].key)
            { e += 1 }
            if e > s, featureNameEnds(e), !facilityNameFollows(e),
                !(t[i].ps && t[i].rb.contains(.startsOrganization) && knownOrganization(i) != nil)
            {
                emit(.address, i, e, priority: 3, score: 0.7, rule: "address-named-feature")
                return e
            }
        }
        guard inSet(.featureHeads, t[i].key) else { return nil }
        var s = i
        while s > 0 && i - s < 3 && !t[s].nl && featureNameWord(s - 1) && !inSet(.featureHeads, t[s - 1].key) { s -= 1 }
        guard s < i else { return nil }
        // A capitalised word before the name other than a determiner or a travel word makes it part of a longer name.
        if s > 0, !t[s].nl, isWord(s - 1), cap(s - 1), !inSet(.determiners, t[s - 1].key), !placeContext(s - 1) { return nil }
        if s > 0, !t[s].nl, covered[s - 1] { return nil }
        if s == i - 1 && t[s].bits.contains(.frequentFirst) && !t[s].bits.contains(.placeWord) { return nil }
        let e = i + 1
        guard featureNameEnds(e), !facilityNameFollows(e), !stateOrCountry(s, e) else { return nil }
        emit(.address, s, e, priority: 3, score: 0.7, rule: "address-named-feature")
        return e
    }

    /// Session 18: the church before `Parish` (token `i` the word before it): "Sacred Heart Parish", "Christ the King
    /// Parish", "Our Lady of Lourdes Parish", "St. Anthony of Padua Parish", "St Patrick's Parish". Looks back along the
    /// line over capitalised words, `of`, `the` and a saint's dot for a word of `parish_openers`; after a saint word
    /// (`saint_words`) two words or a possessive before `Parish` are needed, so "St. Tammany Parish", "St. Mary Parish"
    /// stay Louisiana's counties. Returns the opener's token: the whole is an organisation (GUIDELINE §6), no county.
    @inline(never) func churchParishStart(_ i: Int) -> Int? {
        var k = i, words = 0
        while k >= 0 && i - k < 7 {
            if isWord(k) {
                let key = t[k].key
                if cap(k) && inSet(.parishOpeners, key) {
                    if !inSet(.saintWords, key) || words >= 2 || t[i].base != t[i].key { return k }
                    return nil
                }
                if key == K.of || key == K.the {
                    if k == i { return nil }
                } else if cap(k) && !t[k].flags.contains(.hasDigit) {
                    words += 1
                } else {
                    return nil
                }
            } else if !(punct(k, 0x2E) && k > 0 && isWord(k - 1) && inSet(.saintWords, t[k - 1].key)) {
                return nil
            }
            if t[k].nl { return nil }
            k -= 1
        }
        return nil
    }
}
