import MedTextCore

extension PHIDetection {
    /// The rule id of the tagger's spans (`--explain` shows it).
    static let taggerRuleID = "phi:tagger"

    /// Adds the learned tagger's spans (``PHITaggerModel/tag(_:_:capsDoc:lowerDoc:)``) of the types it may add, whose
    /// weakest token's margin over O reaches the type's minimum (`phi/tagger_types.tsv`), as candidates of priority 0
    /// (below every rule) with the rule id `phi:tagger`. A span is trimmed to word edges; a piece of a hyphenated
    /// compound, and a NAME, ORGANIZATION or ADDRESS that is a state or country alone or holds no distinctive word
    /// (only ordinary words, stop-listed, eponym, drug, title or credential words, abbreviations, single letters) are
    /// not added, nor an instrument, device or test (``taggerDeviceName(_:_:_:)``). A one-word span needs the type's
    /// one-word margin. `covered`: the byte spans of the entities the rules selected, sorted (a span overlapping one is
    /// dropped later, so the tagger skips the words only they could anchor, ``PHITaggerModel/tag(_:_:capsDoc:lowerDoc:covered:)``).
    ///
    /// Session 18 (helper `taggertype`): a span overlapping entities the rules selected (`selected`, in text order) is
    /// instead a candidate to retype or extend them (``taggerRetypeCandidate(_:_:_:_:)``), emitted with
    /// ``taggerRetypePriority`` and the rule id `phi:tagger-retype` (``PHIRecognizer/applyTaggerRetypes(_:to:)``
    /// replaces them).
    mutating func taggerSpans(_ model: PHITaggerModel, covered: [TextSpan] = [], selected: [Entity] = []) {
        let spans = model.tag(b, t, capsDoc: capsDoc, lowerDoc: lowerDoc, covered: covered)
        for span in spans {
            var i = span.start
            let e = span.end
            while i < e && t[i].kind != .word && t[i].kind != .number { i += 1 }
            guard i < e, let modelType = model.classTypes[span.beginClass] else { continue }
            var type = modelType
            let retype = taggerRetypeCandidate(model, span, TextSpan(t[i].s, t[e - 1].e), selected)
            if retype == false || (retype == nil && span.margin < model.minMargins[span.beginClass]) { continue }
            // Words joined by a hyphen count as one (`Gore-Tex`, `Ray-Tec` are one word).
            var words = 0
            for k in i..<e where (t[k].kind == .word || t[k].kind == .number) && !(k > i + 1 && punct(k - 1, 0x2D) && adjacent(k) && adjacent(k - 1)) {
                words += 1
            }
            guard retype != nil || words > 1 || span.margin >= model.minMarginsOneWord[span.beginClass] else { continue }
            // A piece of a hyphenated compound (`Charcot-Marie-Tooth`, `Port-A-Cath`, `Endo-GIA`) is no name of its own.
            if i > 1 && punct(i - 1, 0x2D) && adjacent(i) && adjacent(i - 1) && isWord(i - 2) { continue }
            if e + 1 < t.count && punct(e, 0x2D) && adjacent(e) && adjacent(e + 1) { continue }
            if type == .name || type == .organization || type == .address {
                // A state, territory or country alone is never PHI (GUIDELINE §0), nor one after a compass word
                // (`Eastern Germany`, `northern Queensland`: a region).
                if stateOrCountry(i, e) || (e - i >= 2 && taggerCompassWord(i) && stateOrCountry(i + 1, e)) { continue }
                // At least one distinctive word: two letters or more, and not an ordinary word in no name list, a
                // stop-listed, eponym, drug, title or credential word (`THE END OF THE`, `Spine Conference`, `Dr. K,
                // M.D.`, `Dr. Y tomorrow`, `Global Assessment of Functioning` are no PHI).
                var distinctive = false
                for k in i..<e where t[k].kind == .word && t[k].e - t[k].s >= 2 && Self.taggerDistinctiveWord(t[k]) {
                    distinctive = true
                    break
                }
                guard distinctive else { continue }
                // A drug, device or clinical term of the concept lexicons (helper `taggerguard`, session 20): `Temodar`,
                // `Yaz`; an organisation or place that starts with one (`Tussionex Pennkinetic`).
                if isWord(i), vocab.clinicalTerms.contains(t[i].base), words == 1 || type != .name { continue }
                // An instrument, device or test named after a person, place or maker (helper `taggerprec`).
                if taggerDeviceName(i, e, type) { continue }
                // A person's name alone needs more than a capital (helper `taggerguard`, session 20).
                if type == .name, taggerNotAName(i, e, oneWord: words == 1) { continue }
                // A diet, programme, test, instrument or product by its frame (helper `taggerfp`, session 21); additions only.
                if retype == nil, taggerNamesAThing(i, e, type) { continue }
                // A named day (`Martin Luther King Day`, `Harmony Day`: a date the rules read, not an organisation).
                if e < t.count, !t[e].nl, cap(e), t[e].key == AgeKeys.day { continue }
                if type == .organization, taggerPlaceHead(i, e) {
                    // A retype was checked for the tagger's own type (session 18): a place is no retype of its pair.
                    if retype == true { continue }
                    type = .address
                }
            }
            // A job title never ends in an instrument (helper `taggerguard`, session 20: `Kerrison rongeur`, `Potts scissors`).
            if type == .profession, eponymFollows(e) || (isWord(e - 1) && taggerDeviceNoun(e - 1)) { continue }
            // The score grows with the margin (0.5 at margin 0, 0.99 from margin 98): `--explain` shows it.
            let margin = Float(span.margin) / model.scale
            emit(type == .organization ? options.facilityType : type, i, e, priority: retype == true ? Self.taggerRetypePriority : 0,
                 score: min(0.99, 0.5 + margin / 200), rule: retype == true ? "tagger-retype" : "tagger")
        }
    }

    /// The priority that marks a tagger candidate retyping or extending rule spans (additions have 0).
    static let taggerRetypePriority = 1

    /// Session 18 (helper `taggertype`): whether the tagger's span `span` (byte extent `bytes`) overlaps entities the
    /// rules selected (`selected`, in text order; nil: none, an addition), and if so whether it may replace them (true)
    /// or is dropped (false). It may when it overlaps one entity only, contains it and is longer (an extension: `Bartlett
    /// Regional` NAME inside `Bartlett Regional Hospital`, `Coonamble` ADDRESS inside `Coonamble Multi Purpose Service`),
    /// and its margin reaches that of the pair (the rule's type -> the tagger's type, `retype` rows of
    /// `phi/tagger_types.tsv`; a pair without a row never). A span of the same extent never retypes: in cross-validation
    /// the rules' type was right more often than the tagger's there (DESIGN.md "Tagger spans that extend rule spans").
    func taggerRetypeCandidate(_ model: PHITaggerModel, _ span: PHITaggerModel.Span, _ bytes: TextSpan, _ selected: [Entity]) -> Bool? {
        let lo = selected.firstIndex(endingAfter: bytes.start)
        guard lo < selected.count, selected[lo].span.start < bytes.end else { return nil }
        guard !model.retypeMargins.isEmpty else { return false }
        let x = selected[lo]
        if lo + 1 < selected.count && selected[lo + 1].span.start < bytes.end { return false }
        return bytes.contains(x.span) && bytes != x.span && span.margin >= model.retypeMargin(from: x.type, to: span.beginClass)
    }

    /// Session 16 (helper `taggerprec`): the tagger's span `i..<e` names an instrument, a device or a test, not PHI.
    /// An eponym follower after it (`Santa Barbara tube`, `Midas Rex drill`); for a place or an organisation, any
    /// lower-case word after it on its line that is no function word, town follower or area word (`the Mayfield
    /// headrest`, `Kerrison punches`, `Richards essential shaver`, `LigaSure Atlas device`: the place rule's test for an
    /// eponymous device, ``placeAfterArticle(_:)``); for an organisation, an eponym follower among its later words
    /// (`Wechsler Adult Intelligence Scale`, `Trail Making Test`, `OsteoMed Screw Fixation System`).
    ///
    /// Session 18 (helper `taggerdef`): a size unit after a number starts a catheter or tube (`6 French Judkins`, `14 Fr
    /// Foley`: `tagger_size_units`); for a place or an organisation, up to two model words (capitalised words, letters,
    /// numbers; no acronym: `Rainier Beach JV team`) may stand between it and the lower-case word (`Epimed Tun L catheter`, `the
    /// Zimmer NexGen total knee system`); for an organisation, `A of B` whose head `A` is no organisation, service or
    /// place noun names a part of the body or an eponymous structure (`Hood of Hamate`, `Arcade of Struthers`).
    @inline(never) func taggerDeviceName(_ i: Int, _ e: Int, _ type: EntityType) -> Bool {
        if eponymFollows(e) { return true }
        if i > 0, isWord(i), t[i - 1].kind == .number, !t[i].nl, inSet(.taggerSizeUnits, t[i].key) { return true }
        if type != .name {
            var n = e
            while n < e + 2, n < t.count, !t[n].nl,
                t[n].kind == .number || (cap(n) && !(t[n].flags.contains(.allUpper) && t[n].e - t[n].s >= 2))
            {
                n += 1
            }
            if n < t.count, !t[n].nl, isWord(n), !cap(n), !inSet(.functionWords, t[n].key),
                !inSet(.townFollowers, t[n].key), !inSet(.regionFollowers, t[n].key)
            {
                return true
            }
        }
        if type == .organization {
            for k in (i + 1)..<e where isWord(k) && inSet(.eponymFollower, t[k].base) { return true }
            if e - i == 3, isWord(i + 1), t[i + 1].key == K.of, !t[i].rb.contains(.orgSuffix), !inSet(.placeOfNouns, t[i].key),
                !inSet(.ofOrgHeads, t[i].key), !inSet(.genericServiceWords, t[i].key), !inSet(.placeFeatureNouns, t[i].key)
            {
                return true
            }
        }
        return false
    }

    /// Session 20 (helper `taggerguard`): the tagger's NAME `i..<e` is no person's name. Read on the tagger's additions to
    /// the 4,966 MTSamples reports with every margin at 0 (351 one-word NAMEs, nearly all false) and on held-out dev blocks:
    /// - any NAME before a device noun: up to three lower-case words on its line, none a function word, a verb that follows
    ///   names or a person follower, the last an eponym follower or a `tagger_device_nouns` word, singular or plural
    ///   (`Hank dilators`, `Greenwood bipolar forceps`, `Erich arch bars`, `Langston pigtail catheter`: instruments);
    /// - any NAME before a capitalised device or procedure noun (`Keller Bunionectomy`) or before `et al` (a cited author);
    /// - a NAME of one word that is an acronym: all capitals in a note that is not in capitals, on a line with a lower-case
    ///   word (`TED stockings`, `JC PEG tube`, `TIVA`, `GINA`), or a language (`Navajo`);
    /// - a NAME of one word that holds no given name of the name lists: every right one-word addition of the held-out
    ///   blocks was a given name (`Tina`, `Sione`, `pino`), the false ones were surnames used as eponyms (`Kerrison`,
    ///   `Esterman`, `Rood`) and brand or clinical words in no list (`Coban`, `Dermabond`, `Nonsignificant`);
    /// - a NAME of one word whose word the note also writes in lower case, on a line that does not read as lower case
    ///   (`Silk ties` and `silk sutures`, `Dura` and `dura`): an ordinary word at a sentence start, not a name.
    @inline(never) func taggerNotAName(_ i: Int, _ e: Int, oneWord: Bool) -> Bool {
        var n = e, words = 0
        while n < t.count, words < 3, !t[n].nl {
            if punct(n, 0x2D), adjacent(n), adjacent(n + 1), isWord(n + 1) { n += 1; continue }  // self-retaining
            // A capitalised first word only as a device or procedure noun (`Keller Bunionectomy`).
            if n == e, cap(n), isWord(n) { if taggerDeviceNoun(n) { return true } else { break } }
            guard isWord(n), !cap(n), !inSet(.functionWords, t[n].key), !inSet(.nameVerbs, t[n].key),
                !inSet(.personFollowers, t[n].key)
            else { break }
            if taggerDeviceNoun(n) { return true }
            words += 1
            n += 1
        }
        // A cited author (`as described by Rowland, et al`).
        let et = e < t.count && punct(e, 0x2C) ? e + 1 : e
        if et + 1 < t.count, !t[et].nl, isWord(et), isWord(et + 1), t[et].key == K.et, t[et + 1].key == K.al { return true }
        guard oneWord else { return false }
        if t[i].flags.contains(.allUpper), t[i].e - t[i].s >= 2, !capsDoc, taggerLineHasLowerCase(i) { return true }
        // A language (`English; Navajo is her first language`).
        if isWord(i), inSet(.languages, t[i].key) { return true }
        var given = false
        for k in i..<e where isWord(k) && t[k].bits.contains(.firstName) {
            given = true
            break
        }
        guard given else { return true }
        if !lowerDoc, cap(i), !t[i].ll {
            let key = t[i].key
            for k in 0..<t.count where t[k].key == key && isWord(k) && !cap(k) && !t[k].ll { return true }
        }
        return false
    }

    /// Session 21 (helper `taggerfp`): the tagger's addition `i..<e` (a NAME, ORGANIZATION or ADDRESS) names a thing, not
    /// PHI. Read on the tagger's false additions to the 4,966 MTSamples reports (session 21: 47 of 116), by frame:
    /// - its last word is a lower-case device noun (`TED hose`: ``taggerDeviceNoun(_:)``) or, in any case, a diet,
    ///   programme, test or instrument head (`tagger_thing_heads`: `Atkin's Diet`, `Overeaters Anonymous`, `Western Aphasia
    ///   Battery`);
    /// - a surgical handling verb and `with` stand before it, up to two lower-case words between (`grasped with Ochsner`,
    ///   `clamped with curved Ochsner`, `cemented with Cobalt G.`: `tagger_handling_verbs`); before a NAME the verb alone
    ///   does (`using a Cosgrove Galloway`);
    /// - a device noun and `was` or `is` stand before it (`The tube used was Santa Barbara`);
    /// - a label of implants or devices and its colon stand before it (`IMPLANT: Sofamor Danek`: `tagger_device_labels`);
    /// - it is one word (a leading article aside) starting with a medical combining form (`Thoracoport`, `The Endoshears`:
    ///   `tagger_device_prefixes`);
    /// - an anatomical structure noun and `of` stand before it (`arcade of Struthers`: `tagger_structure_nouns`);
    /// - a NAME right after a device noun, a capitalised maker's word between or not (`#10 blade Bard Parker`);
    /// - a NAME ending in the pronoun `I` before a lower-case word (`Hence I felt`).
    /// A title before the span stops every look back (`Dr` is a person's). Only neighbouring tokens are read: no scan of the note.
    @inline(never) func taggerNamesAThing(_ i: Int, _ e: Int, _ type: EntityType) -> Bool {
        var last = e - 1
        while last > i && !isWord(last) { last -= 1 }
        if last > i, inSet(.taggerThingHeads, t[last].key) || (!cap(last) && taggerDeviceNoun(last)) { return true }
        if type == .name, last > i, t[last].e - t[last].s == 1, b[t[last].s] == 0x49, last == e - 1, isWord(e), !t[e].nl, !cap(e) {
            return true  // `Hence I felt`
        }
        // One word, a leading article aside, that starts with a medical combining form.
        var first = i
        if e - i == 2, isWord(i), t[i].key == K.the { first = i + 1 }
        if e - first == 1, isWord(first) {
            let s = t[first].s, n = t[first].e - s
            var len = 4
            while len <= 7 && len + 3 <= n {
                if inSet(.taggerDevicePrefixes, wordKey(b, s, s + len)) { return true }
                len += 1
            }
        }
        guard i > 0, !t[i].nl else { return false }
        let p = i - 1
        // A label of implants or devices, its colon and commas.
        var k = p, colon = false
        while k > 0, !isWord(k), t[k].kind != .number, punct(k, 0x3A) || punct(k, 0x2C) {
            if punct(k, 0x3A) { colon = true }
            if t[k].nl { break }
            k -= 1
        }
        if colon, isWord(k), inSet(.taggerDeviceLabels, t[k].key) { return true }
        guard isWord(p) else { return false }
        if t[p].bits.contains(.title) { return false }
        // `<structure> of <eponym>`.
        if t[p].key == K.of, p > 0, !t[p].nl, isWord(p - 1), !cap(p - 1), inSet(.taggerStructureNouns, t[p - 1].key) { return true }
        // `<device noun> was <product>`, `<device noun> used was <product>`.
        if t[p].key == K.was || t[p].key == K.is {
            var d = p - 1
            if isWord(d), !t[p].nl, t[d].key == K.used { d -= 1 }
            if isWord(d), !t[d + 1].nl, taggerDeviceNoun(d) { return true }  // `Tube used was`: any case
        }
        // A handling verb and `with`, up to two lower-case words between; before a NAME the verb alone.
        k = p
        var between = 0
        while isWord(k), !cap(k), between <= 2 {
            let key = t[k].key
            if key == K.with {
                if isWord(k - 1), !t[k].nl, inSet(.taggerHandlingVerbs, t[k - 1].key) { return true }
                break
            }
            if type == .name, inSet(.taggerHandlingVerbs, key) { return true }
            if inSet(.functionWords, key) && !inSet(.determiners, key) { break }
            if t[k].nl { break }
            between += 1
            k -= 1
        }
        // A NAME after a device noun, a capitalised maker's word between or not (`blade Bard Parker`).
        if type == .name {
            var d = p
            if cap(d), !t[d].nl { d -= 1 }
            if isWord(d), !cap(d), taggerDeviceNoun(d) { return true }
        }
        return false
    }

    /// Session 20 (helper `taggerguard`): token n is an eponym follower or a device noun (`tagger_device_nouns`), or the
    /// plural of one (`rongeurs`, `dilators`, `bars`), or a procedure by its ending (`tagger_procedure_endings`: `Dor
    /// fundoplication`, `Kelman phacoemulsification`).
    @inline(never) func taggerDeviceNoun(_ n: Int) -> Bool {
        let key = t[n].key
        if inSet(.eponymFollower, key) || inSet(.taggerDeviceNouns, key) { return true }
        let s = t[n].s, e = t[n].e
        if e - s >= 4, b[e - 1] | 0x20 == 0x73, b[e - 2] | 0x20 != 0x73 {
            let singular = wordKey(b, s, e - 1)
            if inSet(.eponymFollower, singular) || inSet(.taggerDeviceNouns, singular) { return true }
        }
        var len = 4
        while len <= 9 && e - s > len + 2 {
            if inSet(.taggerProcedureEndings, wordKey(b, e - len, e)) { return true }
            len += 1
        }
        return false
    }

    /// Session 20 (helper `taggerguard`): the line of token i holds a word with a lower-case letter (a word in capitals
    /// there is an acronym in prose, `JC PEG tube 70`; on a line all in capitals it may be a name).
    @inline(never) func taggerLineHasLowerCase(_ i: Int) -> Bool {
        var k = i
        while k > 0 && !t[k].nl { k -= 1 }
        while k < t.count {
            if k != i, isWord(k), !t[k].flags.contains(.allUpper), t[k].flags.contains(.hasLetter) || b[t[k].s] | 0x20 &- 0x61 < 26 { return true }
            k += 1
            if k < t.count, t[k].nl { break }
        }
        return false
    }

    /// Session 18 (helper `taggerdef`): token i is a compass word before a place (`Eastern`, `northern`, `South`).
    @inline(__always) func taggerCompassWord(_ i: Int) -> Bool {
        isWord(i) && (t[i].bits.contains(.direction) || inSet(.regionAdjectives, t[i].key))
    }

    /// Session 18 (helper `taggerdef`): the tagger's organisation `i..<e` ends with a place word (`Rainier Valley`,
    /// `Pelican Creek`, `Sacred Valley`: a town word that is no compass word), so it is a place.
    @inline(never) func taggerPlaceHead(_ i: Int, _ e: Int) -> Bool {
        e - i >= 2 && isWord(e - 1) && !t[e - 1].bits.contains(.direction) && inSet(.townWords, t[e - 1].key)
    }

    /// A word that can make a span of the tagger a name: in no ordinary-word list (even as a name: `Rose`, `Baker`, `End`
    /// are ordinary words too), no stop-listed, eponym, drug, title or credential word, and no abbreviation with inner
    /// periods (`M.D.`).
    @inline(__always) static func taggerDistinctiveWord(_ tok: PTok) -> Bool {
        !tok.flags.contains(.hasPeriod) && tok.bits.isDisjoint(with: [.ordinaryWord, .stopWord, .eponym, .drugWord, .title, .credential])
    }
}
