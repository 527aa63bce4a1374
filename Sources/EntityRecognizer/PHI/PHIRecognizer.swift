public import MedTextCore
public import Tokenizer

/// Finds PHI in an analyzed note (tokens, sentences, sections): everything
/// ``PHIPatternRecognizer`` finds (dates, ages, phones, emails, URLs, IP addresses, IDs), plus
/// person NAMEs (with cues, name-list pairs, initials, hyphenated and apostrophe names, ALL-CAPS
/// and lower-case notes), ADDRESSes (streets with numbers and street types, units, PO boxes,
/// city/suburb + state + ZIP/postcode, US and AU), PROFESSIONs and facility names.
///
/// Facility and organisation names (`St Vincent's Hospital`, `Northside Medical Centre`) are
/// reported under the extended type ``EntityType/organization`` by default (as the PHI gold
/// corpus's guideline, corpora/phi/GUIDELINE.md §6, asks); set ``Options/facilityType`` to
/// ``EntityType/address`` for strict Comprehend Medical types (the service reports some
/// facility names as ADDRESS).
///
/// Works on the token structure with hash lookups (one dictionary lookup per word token).
/// Spans never overlap: candidates are ranked by rule strength, then length, then position,
/// and taken greedily, so the result is deterministic.
public struct PHIRecognizer: Sendable {
    public struct Options: Sendable, Hashable {
        /// The type facility names are reported as: ``EntityType/organization`` (default) or
        /// ``EntityType/address``.
        public var facilityType: EntityType = .organization
        /// Report occupations (PROFESSION).
        public var professions = true
        /// Read the Commonwealth (Australian, British) duration notation: `x 5/7` five days, `3/12` three months,
        /// `2/52` two weeks, `4/24` four hours (`2/24` two-hourly). With it, a day/month ending in /7, /12 or /24 is
        /// a duration unless a date word comes before it (`on 3/12`). US writers do not use the notation, so for
        /// notes written in the US (`--locale en-US` on the command line) it is off and `blood culture 2/7`,
        /// `clinic 3/12`, `last A1c 8/24` are dates (a month/year in the last case).
        public var dayMonthDurations = true
        /// Skip the positions at which no rule of a family can start (``PHIDetection/addressRulesMayStart(_:)``).
        /// Only for tests: detection with and without the filter must be identical.
        var startFilters = true
        /// Add the spans of the learned PHI tagger (``PHITaggerModel``) that no rule span overlaps, for the types of
        /// `phi/tagger_types.tsv` (DESIGN.md "Learned PHI tagger"). Off by default (opt-in, ``taggerDefault``): with it,
        /// recall on the held-out PHI test split rises 0.963 -> 0.970 at precision 0.978 -> 0.976 (session 21, recall-first
        /// margins), but detection costs about 1.2x the CPU and adds name, organisation and place false positives on
        /// real reports (about 8 of its 75 additions on the 4,966 MTSamples reports; DESIGN.md "Session 21 figures").
        /// Off: exactly the rules' output.
        public var tagger = Options.taggerDefault
        /// Whether ``tagger`` is on when a caller does not say: the one line that decides the default of the library,
        /// of `medtext detect-phi`, `deid` and the entity commands (`--phi-tagger` / `--no-phi-tagger` override it) and
        /// of the benchmarks. Tests and measurements that pin one configuration say `tagger:` explicitly
        /// (``rulesOnly``), so flipping this changes only what "default" means (DESIGN.md, helper `taggeron`).
        public static let taggerDefault = false
        /// The rules alone (tagger off) with every other option at its default, whatever ``taggerDefault`` is.
        public static let rulesOnly = Options(tagger: false)
        public init(facilityType: EntityType = .organization, professions: Bool = true, dayMonthDurations: Bool = true, tagger: Bool = Options.taggerDefault) {
            self.facilityType = facilityType
            self.professions = professions
            self.dayMonthDurations = dayMonthDurations
            self.tagger = tagger
        }
    }

    public let vocabulary: PHIVocabulary
    public let options: Options
    let patterns: PHIPatternRecognizer

    public init(vocabulary: PHIVocabulary, options: Options = Options()) {
        self.vocabulary = vocabulary
        self.options = options
        patterns = PHIPatternRecognizer(words: vocabulary.scanWords)
    }

    /// The PHI entities of `doc` (category PROTECTED_HEALTH_INFORMATION), in text order,
    /// never overlapping. `doc` must carry the tokenizer's tokens.
    /// - Complexity: O(n) in the number of tokens, plus the pattern scan over the bytes.
    public func recognize(_ doc: AnnotatedDocument) -> [Entity] { recognize(doc, sectionDetector: nil) }

    /// ``recognize(_:)`` of a note that carries only its tokens (no sections): the few rules that ask about sections
    /// (is a token inside a header? in a social-history section?) ask `sections`, which reads only the token's line
    /// for the first question and finds the note's sections once, on the first ask, for the second. The same entities
    /// as ``recognize(_:)`` of the note with its sections (``PHIPipeline`` detects this way: most notes never ask).
    public func recognize(_ doc: AnnotatedDocument, sections: SectionDetector) -> [Entity] { recognize(doc, sectionDetector: sections) }

    private func recognize(_ doc: AnnotatedDocument, sectionDetector: SectionDetector?) -> [Entity] {
        var text = doc.document.text
        var candidates: [Candidate] = []
        var selected: [Entity] = []
        text.withUTF8 { buf in
            for var e in patterns.recognize(doc.document.text) {
                if e.type == .age {
                    // The number only (corpora/phi/GUIDELINE.md A1): "[67]-year-old", "[67]M".
                    var k = e.span.start
                    while k < e.span.end && buf[k] &- 0x30 < 10 { k += 1 }
                    // Session 15: years;months after an age label ("Chronological age: 4;11") is one span.
                    if k < e.span.end && buf[k] == 0x3B { k = e.span.end }
                    // "Suite 4F", "Apt 12M": a unit's number and letter after a unit word, not an age and sex.
                    if k < e.span.end && Self.unitWordBefore(buf, e.span.start, vocabulary) { continue }
                    if k > e.span.start { e.span = TextSpan(e.span.start, k) }
                } else if e.type == .id && e.span.length <= 5 && Self.itemServiceFollows(buf, e.span.end, vocabulary.ruleWords) {
                    continue  // "Reason for visit: 715 health check": an MBS item number, no ID (GUIDELINE §9).
                } else if e.type == .date {
                    if Self.readsAsDuration(buf, e.span, vocabulary, notation: options.dayMonthDurations) { continue }
                    e.span = TextSpan(Self.weekdayStart(buf, e.span.start, vocabulary.ruleWords), e.span.end)
                }
                candidates.append(Candidate(entity: e, priority: 5))
            }
            // The token records hold 32-bit offsets (`PTok`): a text of 4 GiB or more keeps the byte scanner's spans only.
            guard buf.count <= Self.maxTokenRuleBytes else {
                selected = Self.resolve(candidates)
                return
            }
            let prepared = PHIDetection.Prepared(b: buf, tokens: doc.tokens, vocab: vocabulary)
            prepared.tokens.withUnsafeBufferPointer { t in
                var d = PHIDetection(b: buf, t: t, prepared: prepared, vocab: vocabulary, options: options, doc: doc,
                                     sectionDetector: sectionDetector)
                d.run()
                candidates.append(contentsOf: d.found)
                // The accreditation number of a laboratory is no ID, whichever rule read it (GUIDELINE §9, decision of
                // session 11).
                candidates.removeAll { $0.entity.type == .id && Self.nonIdentifierLabelBefore(buf, $0.entity.span.start, vocabulary.ruleWords) }
                selected = Self.resolve(candidates)
                // Every other mention of a selected name, place, organisation or identifier (GUIDELINE G1).
                let repeats = d.repeatedMentions(of: selected)
                if !repeats.isEmpty { selected = (selected + repeats).sorted { $0.span < $1.span } }
                // The learned tagger's spans, kept apart: they are added after the rules and their repeats, where they
                // overlap none of them (a rule span always wins, DESIGN.md "Learned PHI tagger"). It runs after them so
                // that it skips the words only the selected spans could anchor (session 17, taggerfast).
                var tagged: [Candidate] = []
                if options.tagger, let model = vocabulary.tagger {
                    let before = d.found.count
                    // Session 18: the words of rule spans the tagger may retype or extend are tagged too.
                    let fixed = model.retypeMargins.isEmpty ? selected : selected.filter { !model.retypes(from: $0.type) }
                    d.taggerSpans(model, covered: fixed.map(\.span).sorted(), selected: model.retypeMargins.isEmpty ? [] : selected)
                    tagged = Array(d.found[before...])
                    d.found.removeSubrange(before...)
                }
                if tagged.contains(where: { $0.priority == PHIDetection.taggerRetypePriority }) {
                    selected = Self.applyTaggerRetypes(tagged.filter { $0.priority == PHIDetection.taggerRetypePriority }, to: selected)
                    tagged.removeAll { $0.priority == PHIDetection.taggerRetypePriority }
                }
                if !tagged.isEmpty {
                    let added = Self.resolve(tagged).filter { !Self.overlapsAny(selected, $0.span) }
                    if !added.isEmpty {
                        selected = (selected + added).sorted { $0.span < $1.span }
                        // Other mentions of the tagger's spans, for the types `phi/tagger_types.tsv` marks `repeat`, of
                        // the spans whose margin reaches the type's `repeat_min_margin` (session 19, helper
                        // `taggerrep`). Only they are sources (the rules' repeats were found above); a mention
                        // overlapping any selected entity is left to it, so a repeat never overrides a rule span.
                        if let model = vocabulary.tagger, model.repeatsAny {
                            let seeds = added.filter { model.seedsRepeats($0) }
                            let more = seeds.isEmpty ? [] : d.repeatedMentions(of: selected, sources: seeds)
                            if !more.isEmpty { selected = (selected + more).sorted { $0.span < $1.span } }
                        }
                    }
                }
            }
        }
        return selected
    }

    /// The longest text (in UTF-8 bytes) whose tokens the token rules read: `PTok` holds byte offsets in 32 bits.
    static let maxTokenRuleBytes = Int(UInt32.max)

    /// Session 18 (helper `taggertype`): the tagger's spans that extend rule spans
    /// (``PHIDetection/taggerRetypeCandidate(_:_:_:_:)``) replace the one selected entity they overlap, when they still
    /// contain it and are longer after emitting (a possessive trimmed, a store number added), overlap no other retype,
    /// and are still the tagger's (not the place emitting made of an emergency service's name).
    static func applyTaggerRetypes(_ retypes: [Candidate], to selected: [Entity]) -> [Entity] {
        var out = selected
        for r in resolve(retypes) where r.evidence.first?.ruleID == "phi:tagger-retype" {
            let over = out.indices.filter { out[$0].span.overlaps(r.span) }
            guard over.count == 1, r.span.contains(out[over[0]].span), r.span != out[over[0]].span else { continue }
            out[over[0]] = r
        }
        return out
    }

    /// A unit word (`Suite`, `Apt`, `Unit`, `Ste.`, `#`-less) written just before byte `start`, after spaces.
    static func unitWordBefore(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ vocabulary: PHIVocabulary) -> Bool {
        var j = start - 1
        guard j >= 0, b[j] == 0x20 else { return false }
        while j >= 0 && b[j] == 0x20 { j -= 1 }
        if j >= 0 && b[j] == 0x2E { j -= 1 }
        let e = j + 1
        while j >= 0 && isAlpha(b[j]) { j -= 1 }
        let s = j + 1
        guard e - s >= 2, j < 0 || !isAlnum(b[j]) else { return false }
        return vocabulary.bits(wordKey(b, s, e)).contains(.unitWord)
    }

    /// The value at byte `start` is labelled by an accreditation word (`accreditation_words`: `CLIA 05D0987654`, `CAP #
    /// 7190344`, `NATA Accreditation No. 2719`, `CLIA ID: 05D0642871`): walking back on its line over spaces, `#`, `:`,
    /// `.`, `/` and `-`, at most three words, over identifier fillers (`id_fillers`: `No.`, `Number`, `ID`) and
    /// accreditation qualifiers (`accreditation_qualifiers`: `Accreditation`, `Certificate`), an accreditation body
    /// (`accreditation_words`). What follows is no identifier of a patient, clinician, record or device. Any other word
    /// or character ends the walk (`NATA accredited. Lab no. 25-1234` keeps its accession number, `Accreditation No.
    /// AP-20417` of a pharmacist is an ID).
    static func nonIdentifierLabelBefore(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ words: PHIRuleWords) -> Bool {
        var j = start - 1
        var n = 0
        while j >= 0 && n < 3 {
            let c = b[j]
            if c == 0x20 || c == 0x23 || c == 0x3A || c == 0x2E || c == 0x2F || c == 0x2D || c == 0x09 {
                j -= 1
                continue
            }
            guard isAlpha(c) else { return false }
            let e = j + 1
            while j >= 0 && isAlpha(b[j]) { j -= 1 }
            if j >= 0 && isAlnum(b[j]) { return false }
            let key = wordKey(b, j + 1, e)
            if words.contains(.accreditationWords, key) { return true }
            guard words.contains(.idFillers, key) || words.contains(.accreditationQualifiers, key) else { return false }
            n += 1
        }
        return false
    }

    /// The start of a weekday written just before a date (`Tuesday 3 June 2025`, `Mon, 17/2`).
    static func weekdayStart(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ words: PHIRuleWords) -> Int {
        var j = start - 1
        if j >= 0 && b[j] == 0x20 { j -= 1 } else { return start }
        if j >= 0 && b[j] == 0x2C { j -= 1 }
        if j >= 0 && b[j] == 0x2E { j -= 1 }
        let e = j + 1
        while j >= 0 && isAlpha(b[j]) { j -= 1 }
        let s = j + 1
        guard e - s >= 3, j < 0 || !isAlnum(b[j]), words.contains(.weekdays, wordKey(b, s, e)) else { return start }
        return s
    }

    /// `2/52`, `3/12`, `5/7`: weeks, months and days written as fractions, not dates.
    static func isDuration(_ b: UnsafeBufferPointer<UInt8>, _ span: TextSpan, _ vocabulary: PHIVocabulary) -> Bool {
        guard span.length >= 3 && span.length <= 5 else { return false }
        var slash = -1
        for k in span.start..<span.end {
            if b[k] == 0x2F { if slash >= 0 { return false }; slash = k } else if b[k] &- 0x30 >= 10 { return false }
        }
        guard slash > span.start, slash - span.start <= 2 else { return false }
        // The part after the slash is 52, 12 or 7 (read in place: no array per date).
        let n = span.end - slash - 1
        let weeks = n == 2 && b[slash + 1] == 0x35 && b[slash + 2] == 0x32
        guard weeks || (n == 2 && b[slash + 1] == 0x31 && b[slash + 2] == 0x32) || (n == 1 && b[slash + 1] == 0x37) else { return false }
        // Session 6: "reviewed on 3/12", "dated 1/7", "until 2/12": after a word that dates what follows, a day and
        // month (no month reads /52).
        return weeks || !datePrepositionBefore(b, span.start, vocabulary.ruleWords)
    }

    /// The day/month `span` is a duration: in the Commonwealth notation when `notation` (``Options/dayMonthDurations``)
    /// is on; without it (US writers) only after a duration preposition (`repeat in 3/12`, `x 5/7`). `24/7` (round the
    /// clock) is never a date.
    static func readsAsDuration(_ b: UnsafeBufferPointer<UInt8>, _ span: TextSpan, _ vocabulary: PHIVocabulary, notation: Bool) -> Bool {
        if span.length == 4 && b[span.start] == 0x32 && b[span.start + 1] == 0x34 && b[span.start + 2] == 0x2F && b[span.start + 3] == 0x37 {
            return true
        }
        guard isDuration(b, span, vocabulary) else { return false }
        return notation || durationPrepositionBefore(b, span.start, vocabulary.ruleWords)
    }

    /// The word before byte `start` on its line is a duration preposition (`duration_prepositions`: `in`, `x`, `over`).
    static func durationPrepositionBefore(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ words: PHIRuleWords) -> Bool {
        var j = start - 1
        while j >= 0 && b[j] == 0x20 { j -= 1 }
        let e = j + 1
        while j >= 0 && isAlpha(b[j]) { j -= 1 }
        guard e > j + 1, e - j - 1 <= 8 else { return false }
        return words.contains(.durationPrepositions, wordKey(b, j + 1, e))
    }

    /// The word before byte `start` (spaces skipped, same line) is one that dates what follows (the
    /// `duration_date_cue` set of `phi/rule_words.tsv`).
    static func datePrepositionBefore(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ words: PHIRuleWords) -> Bool {
        var j = start - 1
        guard j >= 0, b[j] == 0x20 else { return false }
        while j >= 0 && b[j] == 0x20 { j -= 1 }
        let e = j + 1
        while j >= 0 && isAlpha(b[j]) { j -= 1 }
        let s = j + 1
        guard e - s >= 2, e - s <= 6, j < 0 || !isAlnum(b[j]) else { return false }
        return words.contains(.durationDateCue, wordKey(b, s, e))
    }

    /// Some span of `sorted` (sorted by start, non-overlapping) overlaps `span`.
    static func overlapsAny(_ sorted: [Entity], _ span: TextSpan) -> Bool {
        let lo = sorted.firstIndex(endingAfter: span.start)
        return lo < sorted.count && sorted[lo].span.start < span.end
    }

    /// Greedy selection by priority, then length, then earlier start; spans never overlap.
    /// Session 16 (speedC): the candidates are read in place (the comparator bound two whole candidates per comparison, an
    /// entity's five arrays retained and released each time), and the selected ones are put in text order as indices
    /// before their entities are copied out once (no second array of entities, sorted and copied again).
    static func resolve(_ candidates: [Candidate]) -> [Entity] {
        candidates.withUnsafeBufferPointer { c in
            let order = c.indices.sorted { a, b in
                let px = c[a].priority, py = c[b].priority
                if px != py { return px > py }
                let x = c[a].entity.span, y = c[b].entity.span
                if x.length != y.length { return x.length > y.length }
                if x.start != y.start { return x.start < y.start }
                return a < b
            }
            var taken: [TextSpan] = []  // sorted by start
            var picked: [Int] = []
            for i in order {
                let s = c[i].entity.span
                guard !s.isEmpty else { continue }
                // First taken span ending after s.start.
                var lo = 0, hi = taken.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if taken[mid].end <= s.start { lo = mid + 1 } else { hi = mid }
                }
                if lo < taken.count && taken[lo].start < s.end { continue }
                taken.insert(s, at: lo)
                picked.insert(i, at: lo)
            }
            // `picked` is in the order of `taken`: by start, and the selected spans never overlap, so this is text order.
            return picked.map { c[$0].entity }
        }
    }
}

struct Candidate: Sendable {
    var entity: Entity
    var priority: Int
}

/// A non-space token with what PHI detection needs about it.
///
/// 40 bytes (session 20, prepspeed; 56 before): the byte offsets are held in 32 bits and the fields are declared widest
/// first, so that no padding lies between them. Every rule walks these records, and the learned tagger's tables compete
/// with them for the same cache. A note is far shorter than 4 GiB; a longer text's offsets would wrap, so
/// ``PHIRecognizer`` leaves the token rules out for one (``PHIRecognizer/maxTokenRuleBytes``).
struct PTok {
    /// Key of the whole token (for phrases).
    var key: UInt64
    /// Key without a possessive `'s` (for word lists).
    var base: UInt64
    /// The token's first byte and the byte after it, as offsets into the note (``s`` and ``e`` read them as `Int`).
    private var s32: UInt32
    private var e32: UInt32
    var bits: PHIWordBits
    /// Rule-set memberships of `key` (weekday, month, cue words...).
    var rb: PHIRuleBits = []
    var flags: TokenFlags
    var kind: TokenKind
    /// A line break lies between the previous non-space token and this one.
    var nl: Bool
    /// Some vocabulary phrase starts with this token.
    var ps: Bool = false
    /// The token's line reads as lower case (``PHIDetection/Prepared/markLowerLines(_:)``): the rules whose structure is
    /// strong enough (street, town + state + postcode, facility suffix, a name after a strong cue) read it as in a
    /// lower-case note, even when the rest of the note is typed in mixed case.
    var ll: Bool = false
    /// Capitalised word (``PHIDetection/cap(_:)``): a word whose first byte is A-Z or a non-ASCII lead byte (É, Ø),
    /// with a letter and no digit. Computed once here; the rules ask it at most tokens, several times each.
    var cp: Bool = false
    /// The token's only byte when it is one byte long, else 0 (``PHIDetection/punct(_:_:)`` compares it).
    var pc: UInt8 = 0

    /// The token's first byte (an offset into the note).
    @inline(__always) var s: Int { Int(s32) }
    /// The byte after the token's last.
    @inline(__always) var e: Int { Int(e32) }

    @inline(__always)
    init(s: Int, e: Int, kind: TokenKind, flags: TokenFlags, key: UInt64, base: UInt64, bits: PHIWordBits, rb: PHIRuleBits, nl: Bool) {
        self.key = key
        self.base = base
        s32 = UInt32(truncatingIfNeeded: s)
        e32 = UInt32(truncatingIfNeeded: e)
        self.bits = bits
        self.rb = rb
        self.flags = flags
        self.kind = kind
        self.nl = nl
    }
}

/// What a detection reads and never changes, behind one reference. The rules are `mutating` methods of
/// ``PHIDetection`` that call many non-mutating helpers; each such call copied the whole struct (282 bytes with
/// these fields inline, a `memcpy` per call, 7% of PHI detection's instructions). With them here the struct is a
/// reference and six arrays.
final class PHIDetectionInput {
    let b: UnsafeBufferPointer<UInt8>
    /// The note's non-space tokens (``PHIDetection/Prepared/tokens``, borrowed for the detection's lifetime). A
    /// buffer, not an `Array`: the large rule functions called the `Array<PTok>` accessors out of line (`count` and
    /// the subscript were 13% of PHI detection's instructions, and each element read copied the 56-byte token).
    let t: UnsafeBufferPointer<PTok>
    let vocab: PHIVocabulary
    let options: PHIRecognizer.Options
    let doc: AnnotatedDocument
    /// Most letters are upper case (an ALL-CAPS note).
    let capsDoc: Bool
    /// Almost no capitalised words (a lower-case nursing note).
    let lowerDoc: Bool
    /// Nil when `doc.sections` are the note's sections; else `doc` carries no sections and the detector reads the lines
    /// the rules ask about (``headerSpan(containing:)``, ``inSocialHistory(_:)``).
    let sectionDetector: SectionDetector?
    /// The headers of the line asked last (``headerSpan(containing:)``; the rules ask in text order).
    private var line = LineHeaders(bytes: 0..<0, spans: [])

    init(b: UnsafeBufferPointer<UInt8>, t: UnsafeBufferPointer<PTok>, vocab: PHIVocabulary, options: PHIRecognizer.Options,
         doc: AnnotatedDocument, capsDoc: Bool, lowerDoc: Bool, sectionDetector: SectionDetector?) {
        self.b = b
        self.t = t
        self.vocab = vocab
        self.options = options
        self.doc = doc
        self.capsDoc = capsDoc
        self.lowerDoc = lowerDoc
        self.sectionDetector = sectionDetector
    }

    /// The `headerSpan` of the section that contains byte `offset`, when that span contains it (the byte lies in a
    /// section header).
    func headerSpan(containing offset: Int) -> TextSpan? {
        guard let detector = sectionDetector else {
            guard let h = doc.section(containing: offset)?.headerSpan, h.contains(offset) else { return nil }
            return h
        }
        if !line.bytes.contains(offset) { line = detector.lineHeaders(containing: offset, tokens: doc.tokens, in: b) }
        return line.headerSpan(containing: offset)
    }

    /// Byte `offset` lies in a social-history section.
    func inSocialHistory(_ offset: Int) -> Bool {
        guard let detector = sectionDetector else { return doc.section(containing: offset)?.type == .socialHistory }
        // The section holding `offset` is the last header's at or before it (or the untitled leading text).
        return detector.headerType(atOrBefore: offset, tokens: doc.tokens, in: b) == .socialHistory
    }
}

/// A fact of a token's class known when a rule family's blocks are called (session 14, dispatch by token class): the
/// blocks are generic over it, so that each class gets its own compiled copy with the fact constant and the blocks that
/// cannot start there drop out.
protocol TokenClassFact {
    static var yes: Bool { get }
}

/// The token opens with a capital (``PHIDetection/addressRules(_:)``: `PTok.cp`; ``PHIDetection/unlabelledName(_:)``:
/// ``PHIDetection/upperInitial(_:)``).
enum Capitalised: TokenClassFact {
    @inline(__always) static var yes: Bool { true }
}

/// The token does not open with a capital.
enum NotCapitalised: TokenClassFact {
    @inline(__always) static var yes: Bool { false }
}

/// The token is a number (``PHIDetection/tokenPatterns(_:)``: `kind == .number`).
enum NumberToken: TokenClassFact {
    @inline(__always) static var yes: Bool { true }
}

/// The token is not a number.
enum NotNumberToken: TokenClassFact {
    @inline(__always) static var yes: Bool { false }
}

struct PHIDetection {
    let input: PHIDetectionInput
    @inline(__always) var b: UnsafeBufferPointer<UInt8> { input.b }
    @inline(__always) var t: UnsafeBufferPointer<PTok> { input.t }
    @inline(__always) var vocab: PHIVocabulary { input.vocab }
    @inline(__always) var options: PHIRecognizer.Options { input.options }
    @inline(__always) var doc: AnnotatedDocument { input.doc }
    @inline(__always) var capsDoc: Bool { input.capsDoc }
    @inline(__always) var lowerDoc: Bool { input.lowerDoc }
    /// Token i is read as lower-case text: the note is lower case or the token's line is (`PTok.ll`). Only rules with a
    /// strong structure ask this; the weak ones (bare names, given names alone) keep asking `lowerDoc`.
    @inline(__always) func lowerAt(_ i: Int) -> Bool { lowerDoc || (i >= 0 && i < t.count && t[i].ll) }
    /// A lower-case word after a strong person cue (a relative, `seen by`, `spoke with`) may be a name: in a lower-case
    /// note any listed name; in a lower-case line of a mixed-case note a listed given name or a frequent surname
    /// (`son ernesto rang`; `re carer payment` stays a word, `payment` being only a rare census surname).
    @inline(__always) func lowerCuedName(_ j: Int) -> Bool {
        lowerDoc || (j >= 0 && j < t.count && t[j].ll && (t[j].bits.contains(.firstName) || t[j].bits.contains(.frequentLast)))
    }
    var found: [Candidate] = []
    /// Token indices already inside a strong NAME/ADDRESS (skip them in later rules).
    var covered: [Bool] = []
    /// Token indices inside some NAME candidate (the second propagation pass skips them).
    var named: [Bool] = []
    /// Token index just after each NAME candidate (for ages written after names).
    var nameEnds: [Int] = []
    /// Keys of words of names found with strong evidence (propagated to other mentions).
    var nameKeys: [UInt64] = []
    /// One bit per `nameKeys` key (bit `key & 63`), set as keys are added and never cleared: a word whose bit is clear
    /// is no name key, tested before the linear `nameKeys.contains` (``propagatedName(_:)`` asks it at most words).
    var nameMask: UInt64 = 0
    /// Session 14: keys of lower-case initials written before the bracketed name they stand for ("jk (jess kowalski, rn)"):
    /// their other entry sign-offs are that person (``signedInitialsRepeats()``).
    var signedInitials: [UInt64] = []
    /// Token ends of the organisations found (for the towns written after them).
    var orgEnds: [Int] = []
    /// Session 16 (speedB): what ``stateMaySoonFollow(_:)`` has read so far: no state-like token among tokens
    /// `stateScanFrom..<stateScanTo`, and token `stateScanTo` is one when `stateScanHit`.
    var stateScanFrom = 0, stateScanTo = 0, stateScanHit = false

    /// The per-token facts of a note, computed once before the rules run.
    struct Prepared {
        var tokens: [PTok] = []
        /// Most letters are upper case (an ALL-CAPS note).
        var capsDoc = false
        /// Almost no capitalised words (a lower-case nursing note).
        var lowerDoc = false

        /// `tokens` and `vocab` are borrowed (`__shared`): an initializer takes its arguments owned by default, which
        /// copied the vocabulary (a retain of each of its references) and destroyed the copy at every note.
        init(b: UnsafeBufferPointer<UInt8>, tokens: __shared [Token], vocab: __shared PHIVocabulary) {
            var t: [PTok] = []
            var nl = true
            var words = 0, upper = 0, title = 0
            // Two passes. The vocabulary table is large (megabytes, most probes miss every cache), so the probes are
            // made in a second, short loop over the tokens: with no hashing of bytes between them, the processor keeps
            // several probes in flight instead of waiting for each in turn (the probe was about half of this function's
            // samples when it followed each token's hash).
            // The lines that read as lower case (``markLowerLines``), judged in the same pass: their tokens are marked
            // (`ll`) as each line ends, and the marks are cleared again in a caps or lower-case note (session 19, speedA:
            // no array of line ranges, which grew by appends in most notes).
            var lines = LowerLines()
            var anyLower = false
            let table = vocab.table
            let lowerTable = wordKeyLowerTable
            // One- and two-byte tokens (60 % of them) take their value from the small table of short values; the
            // indices of the others are kept for the probes of the second loop. Both are written in place, at most one
            // element per token (an append per token, with its uniqueness and capacity checks, was a tenth of this
            // loop). The indices are scratch memory of this initializer (session 20, rulespeed): an `Array` made with
            // `init(unsafeUninitializedCapacity:)` is allocated by the standard library's unspecialised code, which looks
            // up the storage class's generic metadata at every call (about 500 instructions more than the allocation).
            let probedBuffer = UnsafeMutableBufferPointer<Int32>.allocate(capacity: tokens.count)
            defer { probedBuffer.deallocate() }
            var np = 0
            t = [PTok](unsafeUninitializedCapacity: tokens.count) { tokenBuffer, tokenCount in
                var n = 0
                vocab.shortValues.withValues { short in
                    tokens.withUnsafeBufferPointer { toks in
                        for tok in toks {
                            if tok.kind == .newline {
                                nl = true
                                continue
                            }
                            if tok.kind == .whitespace { continue }
                            // Counts and lengths in wrapping arithmetic: none can overflow (at most one count per token,
                            // lengths of spans of the text), so the loop needs no overflow check and branch for them.
                            let s = tok.span.start, e = tok.span.end
                            if tok.kind == .word && e &- s >= 2 && tok.flags.contains(.hasLetter) {
                                words &+= 1
                                if tok.flags.contains(.allUpper) { upper &+= 1 }
                                if tok.flags.contains(.titleCase) { title &+= 1 }
                            }
                            if nl, let line = lines.lineStarts(at: n) {
                                anyLower = true
                                for k in line { (tokenBuffer.baseAddress! + k).pointee.ll = true }
                            }
                            lines.count(kind: tok.kind, flags: tok.flags, s: s, e: e, b)
                            let key = wordKey(b, s, e, lower: lowerTable)
                            var pt = PTok(s: s, e: e, kind: tok.kind, flags: tok.flags, key: key, base: key, bits: [], rb: [], nl: nl)
                            // Token facts for `cap` and `punct` (session 12, speedB): one read of the first byte per token.
                            let c0 = b[s]
                            pt.cp = tok.kind == .word && (c0 &- 0x41 < 26 || c0 >= 0xC3) && tok.flags.contains(.hasLetter)
                                && !tok.flags.contains(.hasDigit)
                            if e &- s == 1 { pt.pc = c0 }
                            if let value = PHIShortValues.value(short, b, s, e) {
                                Self.settle(&pt, value, b, table)
                            } else {
                                (probedBuffer.baseAddress! + np).initialize(to: Int32(truncatingIfNeeded: n))
                                np &+= 1
                            }
                            (tokenBuffer.baseAddress! + n).initialize(to: pt)
                            n &+= 1
                            nl = false
                        }
                    }
                }
                if let line = lines.lineStarts(at: n) {
                    anyLower = true
                    for k in line { (tokenBuffer.baseAddress! + k).pointee.ll = true }
                }
                tokenCount = n
            }
            // The table's slots are read through one buffer for the whole loop (session 19, speedA).
            let slots = table.slots.buffer
            t.withUnsafeMutableBufferPointer { p in
                let probed = UnsafeBufferPointer(rebasing: probedBuffer[0..<np])
                // Eight tokens at a time: the first slots of their probes are read together (eight misses in
                // flight), then each token is probed from its first slot.
                var firsts: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
                var g = 0
                while g < probed.count {
                    let m = min(8, probed.count &- g)
                    withUnsafeMutableBytes(of: &firsts) { f in
                        for j in 0..<m {
                            f.storeBytes(of: table.first(p[Int(probed[g &+ j])].key, in: slots), toByteOffset: j &* 8, as: UInt64.self)
                        }
                    }
                    for j in 0..<m {
                        let k = Int(probed[g &+ j])
                        let first = withUnsafeBytes(of: &firsts) { $0.load(fromByteOffset: j &* 8, as: UInt64.self) }
                        Self.settle(&p[k], table.value(p[k].key, first: first, in: slots), b, table)
                    }
                    g &+= m
                }
            }
            if words >= 20 {
                capsDoc = upper * 10 >= words * 6
                lowerDoc = !capsDoc && title * 100 <= words * 2
            }
            // A caps or lower-case note has no per-line marks (the rules ask `lowerDoc` or `capsDoc` there).
            if (capsDoc || lowerDoc) && anyLower {
                t.withUnsafeMutableBufferPointer { p in
                    for k in p.indices { p[k].ll = false }
                }
            }
            self.tokens = t
        }

        /// Sets the vocabulary facts of `pt` from `value`, the table's value for its key (``PHIKeyTable/value(_:)``).
        @inline(__always)
        static func settle(_ pt: inout PTok, _ value: UInt64, _ b: UnsafeBufferPointer<UInt8>, _ table: PHIKeyTable) {
            let s = pt.s, e = pt.e, kind = pt.kind
            let rb = PHIRuleBits(rawValue: UInt32(truncatingIfNeeded: value >> 32))
            pt.rb = rb
            pt.ps = kind != .number && rb.contains(.phraseStart)
            guard kind == .word else { return }
            var be = e
            if e - s > 3 && b[e - 1] | 0x20 == 0x73 && b[e - 2] == 0x27 { be = e - 2 }  // possessive 's
            else if e - s > 5 && b[e - 1] | 0x20 == 0x73 && b[e - 2] == 0x99 && b[e - 4] == 0xE2 { be = e - 4 }  // ’s
            var bits: PHIWordBits
            if be != e {
                let base = wordKey(b, s, be)
                pt.base = base
                bits = PHIWordBits(rawValue: UInt32(truncatingIfNeeded: table.value(base)))
            } else {
                bits = PHIWordBits(rawValue: UInt32(truncatingIfNeeded: value))
            }
            // O'Brien, D'Souza: a capital, an apostrophe and a capitalised rest.
            if e - s >= 4 && b[s + 1] == 0x27 && b[s] &- 0x41 < 26 && b[s + 2] &- 0x41 < 26 { bits.insert(.lastName) }
            pt.bits = bits
        }

        /// The lower-case lines of a note (``markLowerLines(_:_:)``'s test), found while the tokens are prepared: the
        /// counts of the current line grow token by token, and each line is judged when the next one starts. (A second
        /// walk over all tokens for this was about 2 % of PHI detection.)
        struct LowerLines {
            /// The first token of the current line.
            var start = 0
            var nlower = 0, nupper = 0, ntitle = 0
            var opener = true

            /// A line starts at token `k` (or the tokens end there): judges the line that ends before it, and returns
            /// its tokens when it reads as lower case.
            @inline(__always) mutating func lineStarts(at k: Int) -> Range<Int>? {
                let line: Range<Int>? = k > start && nlower >= 2 && ntitle == 0 && nupper <= nlower ? start..<k : nil
                start = k
                nlower = 0
                nupper = 0
                ntitle = 0
                opener = true
                return line
            }

            /// Counts a non-space token of the current line.
            @inline(__always) mutating func count(kind: TokenKind, flags: TokenFlags, s: Int, e: Int, _ b: UnsafeBufferPointer<UInt8>) {
                if kind == .word && flags.contains(.hasLetter) {
                    if e &- s >= 2 {
                        if flags.contains(.allUpper) { nupper &+= 1 }
                        else if flags.contains(.titleCase) || b[s] &- 0x41 < 26 || b[s] >= 0xC3 { if !opener { ntitle &+= 1 } }
                        else if b[s] &- 0x61 < 26 { nlower &+= 1 }
                    }
                    opener = false
                } else if kind == .punctuation && e &- s == 1 {
                    let c = b[s]
                    // . : ; ? ! ( [ " -
                    if c == 0x2E || c == 0x3A || c == 0x3B || c == 0x3F || c == 0x21 || c == 0x28 || c == 0x5B || c == 0x22 || c == 0x2D {
                        opener = true
                    }
                }
            }
        }

        /// Marks the tokens of lower-case lines (`ll`): a nurse's addendum in a typed note (`addr: 22 mackerel st,
        /// bayview heights qld 4868`, `seen by dr kaur`). A line is lower case when at least two of its words start with
        /// a lower-case letter and none is capitalised except where any text capitalises a word: the line's first word
        /// and the first word after a sentence end, a colon, a semicolon, an opening bracket or quote, or a dash. ALL-CAPS
        /// words (`BP`, `ED`) are ignored unless they outnumber the lower-case words.
        static func markLowerLines(_ t: UnsafeMutableBufferPointer<PTok>, _ b: UnsafeBufferPointer<UInt8>) {
            var a = 0
            while a < t.count {
                var z = a + 1
                while z < t.count && !t[z].nl { z += 1 }
                var lower = 0, upper = 0, title = 0
                var opener = true
                for k in a..<z {
                    let tok = t[k]
                    if tok.kind == .word && tok.flags.contains(.hasLetter) {
                        if tok.e - tok.s >= 2 {
                            if tok.flags.contains(.allUpper) { upper += 1 }
                            else if tok.flags.contains(.titleCase) || b[tok.s] &- 0x41 < 26 || b[tok.s] >= 0xC3 { if !opener { title += 1 } }
                            else if b[tok.s] &- 0x61 < 26 { lower += 1 }
                        }
                        opener = false
                    } else if tok.kind == .punctuation && tok.e - tok.s == 1 {
                        let c = b[tok.s]
                        // . : ; ? ! ( [ " -
                        if c == 0x2E || c == 0x3A || c == 0x3B || c == 0x3F || c == 0x21 || c == 0x28 || c == 0x5B || c == 0x22 || c == 0x2D {
                            opener = true
                        }
                    }
                }
                if lower >= 2 && title == 0 && upper <= lower {
                    for k in a..<z { t[k].ll = true }
                }
                a = z
            }
        }
    }

    /// `t` must be `prepared.tokens`' buffer, valid while the detection runs.
    init(b: UnsafeBufferPointer<UInt8>, t: UnsafeBufferPointer<PTok>, prepared: Prepared, vocab: PHIVocabulary,
         options: PHIRecognizer.Options, doc: AnnotatedDocument, sectionDetector: SectionDetector? = nil) {
        input = PHIDetectionInput(b: b, t: t, vocab: vocab, options: options, doc: doc, capsDoc: prepared.capsDoc,
                                  lowerDoc: prepared.lowerDoc, sectionDetector: sectionDetector)
        covered = Array(repeating: false, count: t.count)
        named = covered
    }

    // MARK: token predicates

    @inline(__always) func isWord(_ i: Int) -> Bool { i >= 0 && i < t.count && t[i].kind == .word }
    @inline(__always) func upperInitial(_ i: Int) -> Bool {
        let c = b[t[i].s]
        return c &- 0x41 < 26 || c >= 0xC3  // A-Z, or a non-ASCII letter (É, Ø, ...)
    }
    /// Capitalised: Title case, mixed (McDonald, O'Brien), or ALL CAPS.
    /// The same test as `isWord(i) && upperInitial(i) && hasLetter && !hasDigit`, read from the token fact `PTok.cp`.
    @inline(__always) func cap(_ i: Int) -> Bool {
        i >= 0 && i < t.count && t[i].cp
    }
    /// Token i is the one byte `c` (never 0): `PTok.pc`.
    @inline(__always) func punct(_ i: Int, _ c: UInt8) -> Bool {
        i >= 0 && i < t.count && t[i].pc == c
    }
    /// Whether the rules' word set `s` (`phi/rule_words.tsv`) holds `key`.
    @inline(__always) func inSet(_ s: PHIRuleSet, _ key: UInt64) -> Bool { vocab.ruleWords.contains(s, key) }

    /// Single letter (an initial): `J` or `J.` as one token.
    func initial(_ i: Int) -> Bool {
        guard isWord(i), upperInitial(i) else { return false }
        let len = t[i].e - t[i].s
        return len == 1 || (len == 2 && b[t[i].s + 1] == 0x2E)
    }
    /// Token i follows token i-1 on the same line (adjacent or after spaces).
    @inline(__always) func adjacentOrSpace(_ i: Int) -> Bool { i > 0 && i < t.count && !t[i].nl }
    /// No space between token i-1 and i.
    @inline(__always) func adjacent(_ i: Int) -> Bool { i > 0 && i < t.count && t[i - 1].e == t[i].s }

    /// Could token i be (part of) a person's name? `strong`: a title or label precedes.
    func nameWord(_ i: Int, strong: Bool, first: Bool) -> Bool {
        guard isWord(i), !t[i].flags.contains(.hasDigit), t[i].e - t[i].s >= 2 else { return false }
        let bits = t[i].bits
        if bits.contains(.credential) && t[i].flags.contains(.allUpper) { return false }
        if bits.contains(.title) && !bits.isName { return false }
        // "MS Contin", "Ms Lyrica": a stop-listed drug brand is no name word even after a title, unless it is a frequent
        // surname.
        if bits.contains(.drugWord) && !bits.contains(.frequentLast) { return false }
        let isCap = cap(i)
        if !isCap {
            // Lower-case notes: a listed name that is not an ordinary word, after a cue.
            guard strong || lowerDoc, bits.isName, !bits.contains(.ordinaryWord), !bits.contains(.stopWord) else {
                return false
            }
            // "daughter maria elena rang": a verb that follows a person (`person_followers`, `name_verbs`) ends the name,
            // even when a name list has it.
            return first || !(inSet(.personFollowers, t[i].key) || inSet(.nameVerbs, t[i].key))
        }
        // "per ROI dated", "BCBS of Tennessee  BIN": a short acronym in a mixed-case note is no name without a cue.
        if !capsDoc && !strong && t[i].flags.contains(.allUpper) && t[i].e - t[i].s <= 3 { return false }
        if capsDoc || t[i].flags.contains(.allUpper) {
            // Upper case says nothing: ask the lists. "DR O'NEILL ON WARD ROUND": a function word that is also a
            // listed surname (On, In, To) never continues a name in capitals.
            if t[i].rb.contains(.shortWord) && inSet(.capsFunctionWords, t[i].key) { return false }
            if bits.isName && !(bits.contains(.stopWord) && !strong) { return !(t[i].rb.contains(.verbLabelPlaceWord) && capsReportingVerb(i)) }
            return strong && !bits.contains(.ordinaryWord) && !bits.contains(.stateAbbr) && !(t[i].rb.contains(.verbLabelPlaceWord) && capsReportingVerb(i))
        }
        if bits.isName { return strong || !bits.contains(.stopWord) }
        if bits.contains(.ordinaryWord) || bits.contains(.stopWord) { return false }
        return strong || !first
    }

    /// Session 14: "FHX: FATHER MI AGE 52", "mother CVA": a diagnosis abbreviation written in capitals after a relative
    /// word is the relative's condition, not a name ("wife Mi rang" in mixed case stays a name).
    @inline(__always) func historyAbbreviation(_ j: Int) -> Bool {
        j < t.count && (capsDoc || t[j].flags.contains(.allUpper)) && isWord(j) && inSet(.historyAbbreviations, t[j].key)
    }

    /// The end (exclusive token index) of a name starting at `i`, or nil.
    func nameRun(_ i: Int, strong: Bool, maxWords: Int = 4, sameLine: Bool = true) -> Int? {
        var j = i
        var words = 0, initials = 0
        while j < t.count && words + initials < maxWords + 2 {
            if j > i && sameLine && t[j].nl { break }
            // Session 5: a gap of three or more spaces ends a name in header and table lines
            // ("RANGIHUNA-BROWN      Given names:", "Fatima Zahra Bennani   PharmD:").
            if j > i && t[j].s - t[j - 1].e >= 3 && !t[j].nl { break }
            if initial(j) && words + initials < maxWords {
                var k = j + 1
                if punct(k, 0x2E) && adjacent(k) { k += 1 }
                // "Dr. X.  He was given", "Dr. X. All questions": a pronoun or function word after an initial's full stop
                // opens the next sentence (He, An and No are also surnames).
                let sentenceAfter = k > j + 1 && k < t.count && cap(k) && !t[k].flags.contains(.allUpper)
                    && ((t[k].rb.contains(.shortWord) && inSet(.capsFunctionWords, t[k].key)) || (words == 0 && initialEndsSentence(k)))
                if k < t.count && !t[k].nl && !sentenceAfter && (initial(k) || nameWord(k, strong: strong || initials > 0, first: false)
                    || (isWord(k) && !cap(k) && t[k].rb.contains(.auxWord) && inSet(.nameParticles, t[k].key) && k + 1 < t.count
                        && !t[k + 1].nl && (cap(k + 1) || inSet(.nameParticles, t[k + 1].key))))
                {
                    j = k
                    initials += 1
                    continue
                }
                // A trailing initial after a name (`Smith J`) only in label lines.
                if words > 0 && strong && (k >= t.count || t[k].nl || punct(k, 0x2C)) {
                    j = k
                    initials += 1
                }
                break
            }
            // "T. van der Merwe": lower-case particles between name words.
            // "MARIA DE LOS ANGELES GUTIERREZ-OROZCO": in capitals the particles are capitals too.
            let capsName = capsDoc || (j > i && t[j].flags.contains(.allUpper) && t[j - 1].flags.contains(.allUpper))
            if words + initials > 0 && isWord(j) && (!cap(j) || capsName) && t[j].rb.contains(.auxWord) && inSet(.nameParticles, t[j].key) {
                var k = j
                while k < t.count && !t[k].nl && isWord(k) && (!cap(k) || capsName) && inSet(.nameParticles, t[k].key) && k - j < 3 { k += 1 }
                // "grandson luca di stefano": in a lower-case note the name after the particle is lower case too.
                if k < t.count && !t[k].nl && (cap(k) || lowerAt(k)) && nameWord(k, strong: true, first: false) {
                    j = k
                    continue
                }
                // "Ahmed al-Rashid", "Omar el-Sayed": a particle joined to the surname by a hyphen.
                if let e = hyphenParticleSurname(k) {
                    j = e
                    words += 1
                    continue
                }
                break
            }
            // `Graham "Gus" Atherton`: a quoted nickname between given name and surname.
            if words > 0 && punct(j, 0x22) && j + 3 < t.count && adjacent(j + 1) && cap(j + 1) && punct(j + 2, 0x22) && adjacent(j + 2)
                && !t[j + 3].nl && cap(j + 3) && nameWord(j + 3, strong: true, first: false)
            {
                j += 3
                continue
            }
            // `Anastasia (Tasia) Liapis`, `William (Bill) Harrington`: a bracketed nickname between given name and surname
            // stays in the name's span like a quoted one (GUIDELINE N2); a listed given name, never an acronym or a role
            // (`Anika (SW) Jones`), and a capitalised surname after it.
            if words > 0 && punct(j, 0x28) && bracketedNicknameInside(j) {
                j += 3
                continue
            }
            // "mum Kylie rang": in a mixed-case note a lower-case word never continues a capitalised name (particles,
            // taken above, aside).
            if words > 0 && !lowerDoc && !capsDoc && isWord(j) && !cap(j) && cap(i) { break }
            // "PER DAUGHTER-IN-LAW YESENIA OROZCO": a kinship word opening the run is the relation, not a name.
            if words == 0 && initials == 0 && t[j].rb.contains(.kinship) && (capsDoc || t[j].flags.contains(.allUpper) || (punct(j + 1, 0x2D) && adjacent(j + 1))) {
                break
            }
            // Session 14: "FATHER JOHN AGE 52", "PT: MARY KELLY SEX F": in capitals a field label (a listed surname too)
            // ends the name.
            if words > 0 && (capsDoc || t[j].flags.contains(.allUpper)) && isWord(j) && inSet(.capsNameStopLabels, t[j].key) { break }
            guard words < maxWords, nameWord(j, strong: strong, first: words == 0 && initials == 0) else { break }
            j += 1
            words += 1
            // Hyphenated: Nguyen-Smith.
            if punct(j, 0x2D) && adjacent(j) && adjacent(j + 1) && j + 1 < t.count
                && (cap(j + 1) || (isWord(j + 1) && cap(j - 1) && !t[j + 1].flags.contains(.hasDigit)
                    && (t[j + 1].e - t[j + 1].s <= 3 || (t[j + 1].e - t[j + 1].s == 4 && !t[j + 1].bits.contains(.ordinaryWord)))))
                && !t[j + 1].flags.contains(.hasDigit)
            {
                j += 2
            }
        }
        return words > 0 ? j : nil
    }

    /// Session 13: after an initial's full stop, the capitalised word k opens a new sentence when two spaces separate it
    /// (`temperature 98.6 degrees F.  Pulse oximetry`, `by Dr. X.  Her symptoms`) or when it is an ordinary word in no
    /// name list (`prescribed by A. General Practitioner`).
    @inline(never) func initialEndsSentence(_ k: Int) -> Bool {
        if t[k].s - t[k - 1].e >= 2 { return true }
        let bits = t[k].bits
        return bits.contains(.ordinaryWord) && !bits.isName && !bits.contains(.stopWord)
    }

    // MARK: emit

    @inline(never) mutating func emit(_ type: EntityType, _ i: Int, _ end: Int, priority: Int, score: Float, rule: String) {
        guard end > i else { return }
        // Session 6: "Overseas cover: Allianz Care", "PRIVATE HEALTH: NIB HOSPITAL": a payer named after an insurance
        // label is no organisation (GUIDELINE §0); its member number stays an ID.
        if type == options.facilityType && type != .address && payerLabelBefore(i) { return }
        // "NSW Ambulance", "QAS CRITICAL CARE": a government-run service is no organisation (GUIDELINE §6).
        if type == options.facilityType && type != .address && governmentService(i, end) { return }
        // "Mill Park Police Station", "Miami-Dade Fire Rescue": a locality's emergency service is no organisation, its
        // town is an ADDRESS (GUIDELINE §6).
        if type == options.facilityType && type != .address, let pe = emergencyServiceStart(i, end) {
            if pe > i, localityName(i, pe) { emit(.address, i, pe, priority: priority, score: score, rule: "address-emergency-service") }
            return
        }
        // "King County District Court", "Townsville Magistrates Court": a court of law is government-run, no organisation;
        // its town or county is an ADDRESS, a state is nothing (GUIDELINE §6, session 12). Named as an employer
        // ("Employer: retired (Adams County Circuit Court)", "works at the ... Court") it is the workplace, an organisation.
        if type == options.facilityType && type != .address, let pe = lawCourtStart(i, end), !employerCueBefore(i) {
            if pe > i, localityName(i, pe), !stateOrCountry(i, pe) { emit(.address, i, pe, priority: priority, score: score, rule: "address-law-court") }
            return
        }
        var e = end
        // Do not end on punctuation other than an initial's period.
        while e > i + 1 && t[e - 1].kind == .punctuation && !(b[t[e - 1].s] == 0x2E && initial(e - 2)) { e -= 1 }
        guard e > i else { return }
        // Session 6: a store number is part of the organisation's name ("CVS Pharmacy #8821", "walgreens #4417").
        if type == options.facilityType && type != .address && e + 1 < t.count && punct(e, 0x23) && !t[e].nl
            && t[e + 1].kind == .number && adjacent(e + 1) && !covered[e + 1]
        { e += 2 }
        // "Noah's appointment": the possessive is outside a name (GUIDELINE N3).
        var end = t[e - 1].e
        if type == .name && t[e - 1].base != t[e - 1].key && t[e - 1].kind == .word {
            end -= b[end - 1] | 0x20 == 0x73 && b[end - 2] == 0x27 ? 2 : 4
        }
        found.append(
            Candidate(
                entity: Entity(
                    category: .protectedHealthInformation, type: type, span: TextSpan(t[i].s, end), score: score,
                    evidence: [Evidence(subject: "match", ruleID: "phi:" + rule)]),
                priority: priority))
        if priority >= 3 { for k in i..<e { covered[k] = true } }
        if type == options.facilityType && type != .address { orgEnds.append(e) }
    }

    /// Session 16: token `k` separates two names of a letterhead or an address line: a spaced dash, a bar or a comma.
    @inline(__always) func departmentSeparator(_ k: Int) -> Bool {
        punct(k, 0x2C) || punct(k, 0x7C) || (punct(k, 0x2D) && !adjacent(k) && k + 1 < t.count && !adjacent(k + 1))
    }

    /// Session 16: the capitalised words `s..<e` (two at least) describe a department or a kind of service only: every word
    /// is a generic organisation, service or specialty word, an organisation's ending, or an ordinary word that is no
    /// listed name or place, with `of`, `and`, `the`, `&` between ("Women's and Children's Services", "Familial Cancer
    /// Centre", "DEPARTMENT OF HYPERBARIC MEDICINE"; not "Sunshine Coast Hospital", "Mercy Hospital").
    @inline(never) func descriptiveName(_ s: Int, _ e: Int) -> Bool {
        var words = 0
        for k in s..<e {
            guard isWord(k) else {
                if punct(k, 0x26) || (punct(k, 0x2D) && adjacent(k)) { continue }
                return false
            }
            let key = t[k].key, base = t[k].base, bits = t[k].bits
            if key == K.of || key == K.and || key == K.the { continue }
            guard cap(k), !t[k].flags.contains(.hasDigit) else { return false }
            // (A listed name that is also an ordinary word describes: "Family", "Sports"; a town's name that is also a word
            // does not: "Hurricane Middle School".)
            if (bits.isName && !bits.contains(.ordinaryWord)) || bits.contains(.placeWord) || bits.contains(.stateAbbr)
                || bits.contains(.residenceTown)
                || (t[k].ps && phrase(at: k, kinds: .startsPlace, where: { $0 == .place }) != nil)
            { return false }
            let generic = inSet(.genericOrgWords, base) || inSet(.genericServiceWords, base) || inSet(.specialtyWords, base)
                || t[k].rb.contains(.orgSuffix) || bits.contains(.ordinaryWord) || specialtyEnding(k)
            guard generic else { return false }
            words += 1
        }
        return words >= 2
    }

    /// Session 16: "Sunshine Hospital - Women's and Children's Services", "Amputee Clinic, Gold Coast University Hospital",
    /// "FIONA STANLEY HOSPITAL - DEPARTMENT OF HYPERBARIC MEDICINE": of two organisations found side by side on a line,
    /// separated by a spaced dash, a bar or a comma, the second named by descriptive words only (``descriptiveName(_:_:)``)
    /// is a department of the first, and so is the first before a comma, and no name (GUIDELINE O2: a department before
    /// or after the name is outside). One walk over the organisations found, after the address rules.
    @inline(never) mutating func departmentsBesideOrganisations() {
        var orgs: [(c: Int, s: Int, e: Int)] = []
        for (n, c) in found.enumerated() where c.entity.type == options.facilityType && c.entity.type != .address {
            orgs.append((n, c.entity.span.start, c.entity.span.end))
        }
        guard orgs.count >= 2 else { return }
        orgs.sort { $0.s < $1.s }
        var drop: [Int] = []
        var k = 0
        var prev: (c: Int, s: Int, e: Int, ts: Int, te: Int)? = nil
        for o in orgs {
            // The tokens of the organisation: the first starting at its start, the end after the last inside it.
            while k < t.count && t[k].s < o.s { k += 1 }
            guard k < t.count, t[k].s == o.s else { prev = nil; continue }
            var te = k
            while te < t.count && t[te].e <= o.e { te += 1 }
            defer { prev = (o.c, o.s, o.e, k, te) }
            guard let p = prev, p.te + 1 == k, !t[k].nl, !t[p.te].nl, departmentSeparator(p.te) else { continue }
            let after = descriptiveName(k, te), before = descriptiveName(p.ts, p.te)
            if after && !before {
                drop.append(o.c)
            } else if before && !after && punct(p.te, 0x2C) {
                // (Only before a comma: "East Metropolitan Health Service - Midland Community Mental Health Service" is
                // an operator before its facility.)
                drop.append(p.c)
            }
        }
        guard !drop.isEmpty else { return }
        drop.sort()
        for n in drop.reversed() { found.remove(at: n) }
    }

    /// An employer label or a work verb stands at most five tokens before token `i` on its line (`Employer: retired
    /// (Adams County Circuit Court)`, `works as a clerk at the ...`).
    @inline(never) func employerCueBefore(_ i: Int) -> Bool {
        var j = i - 1
        while j >= 0 && i - j <= 5 && !t[j + 1].nl {
            if isWord(j) && (t[j].rb.contains(.employerCue) || inSet(.workVerbs, t[j].key)) { return true }
            j -= 1
        }
        return false
    }

    /// An insurance label ends right before token `i` on its line: `Insurance:`, `cover:`, `Health fund -`, `Private
    /// health:`, `Payer:`.
    @inline(never) func payerLabelBefore(_ i: Int) -> Bool {
        // One or two punctuation tokens (the label's colon or dash) on the same line, then the label word.
        var j = i - 1
        while j >= 0 && i - j <= 2 && !t[j + 1].nl && t[j].kind == .punctuation { j -= 1 }
        guard j >= 0, j < i - 1, !t[j + 1].nl, isWord(j) else { return false }
        let k = t[j].key
        if inSet(.payerLabels, k) { return true }
        return k == K.health && j > 0 && isWord(j - 1) && t[j - 1].key == K.`private`
    }

    @inline(never) mutating func emitName(_ i: Int, _ end: Int, priority: Int, score: Float, rule: String) {
        emit(.name, i, end, priority: priority, score: score, rule: rule)
        nameEnds.append(end)
        for k in i..<min(end, t.count) { named[k] = true }
        for k in i..<end where isWord(k) && !initial(k)
            && ((!t[k].bits.contains(.eponym) && (!t[k].bits.contains(.stopWord)
                || (priority >= 3 && (stopListedGivenName(k) || lowerStopListedGivenName(k)))))
                // Session 14: an eponym given name found before its surname ("Lauren Okafor" ... "Lauren is").
                || (priority >= 2 && k + 1 < end && eponymGivenName(k)))
            && !(t[k].bits.contains(.ordinaryWord) && !t[k].bits.isName)
            // Function words that are also listed surnames (In, On, To) are never propagated.
            && !(t[k].rb.contains(.shortWord) && inSet(.capsFunctionWords, t[k].key))
        {
            if !nameKeys.contains(t[k].base) {
                nameKeys.append(t[k].base)
                nameMask |= 1 << (t[k].base & 63)
            }
        }
    }

    /// The longest vocabulary phrase starting at token i, with its end.
    /// Reads the frozen index (``PHIPhraseIndex``): a probe, then the records of the key's phrases in list order.
    func phrase(at i: Int, kinds: PHIRuleBits, where accept: (PHIPhraseKind) -> Bool) -> (PHIPhrase, Int)? {
        guard t[i].ps, !t[i].rb.isDisjoint(with: kinds) else { return nil }
        // The index's fields are read in place (a copy of the index would retain its four references).
        let v = vocab.phraseIndex.table.value(t[i].key)
        guard v != 0 else { return nil }
        let records = vocab.phraseIndex.records.buffer, keys = vocab.phraseIndex.keys.buffer
        let first = Int(truncatingIfNeeded: v >> 32)
        for r in first..<(first + Int(truncatingIfNeeded: v & 0xFFFF_FFFF)) {
            let record = records[r]
            guard let kind = PHIVocabulary.kind(UInt8(truncatingIfNeeded: record >> 8), UInt8(truncatingIfNeeded: record)), accept(kind)
            else { continue }
            let n = Int(truncatingIfNeeded: (record >> 16) & 0xFFFF)
            guard i + n <= t.count else { continue }
            let offset = Int(truncatingIfNeeded: record >> 32)
            var ok = true
            var k = 1
            while k < n {
                if t[i + k].key != keys[offset + k] || t[i + k].nl {
                    ok = false
                    break
                }
                k += 1
            }
            if ok { return (vocab.phraseIndex.phrases[r], i + n) }
        }
        return nil
    }

    // MARK: driver

    mutating func run() {
        let starts = StartLists(self)
        defer { starts.deallocate() }
        tokenPatternsPass(starts)
        cueRulesPass(starts)
        // Address and facility rules.
        addressRulesPass(starts)
        // Session 13: a letterhead or contact line's organisation above or before a street address.
        organisationsBeforeStreetAddresses()
        // Session 16: a department beside an organisation on a letterhead or address line.
        if orgEnds.count >= 2 { departmentsBesideOrganisations() }
        // Session 5: a town after an organisation ("Chemist Warehouse Bankstown", "Clinic, Biggera Waters").
        if orgEnds.count > 0 { placesAfterOrganizations() }
        // Unlabelled first + last name pairs and propagation of names found with cues.
        unlabelledNamePass(starts)
        if !nameKeys.isEmpty { propagateBack() }
        if !signedInitials.isEmpty { signedInitialsRepeats() }
        if !nameEnds.isEmpty { namesJoinedByAnd() }
        if nameEnds.count > 0 {
            initialsOfKnownNames()
            idsAfterNames()
            loginsOfKnownNames()
        }
        nicknamesAfterNames()
        agesAfterNames()
        if options.professions { professionPass(starts) }
    }

    // One function per rule family's walk over the tokens, each with its start filter inlined: with the five walks in
    // `run` the optimizer called the two largest filters (`addressRulesMayStart`, `tokenPatternsMayStart`) out of line
    // at every token.

    // Session 14 (speedC): the token-pattern, cue and profession families are dispatched by their start lists
    // (``StartLists``): each pass visits only the tokens its filter lets through, found in one walk before the rules run.
    // With `Options.startFilters` off they walk every token, as before (the reference of `PHIStartFilterTests`).

    @inline(never) mutating func tokenPatternsPass(_ starts: StartLists) {
        Self.walk(&self, startsOf: starts, .tokenPatterns, skipCovered: false) { d, i in d.tokenPatterns(i) }
    }

    @inline(never) mutating func cueRulesPass(_ starts: StartLists) {
        Self.walk(&self, startsOf: starts, .cueRules, skipCovered: false) { d, i in d.cueRules(i) }
    }

    // Session 14 (speedB): the address and unlabelled-name families too walk their start lists
    // (``walk(_:startsOf:_:skipCovered:_:)``).

    @inline(never) mutating func addressRulesPass(_ starts: StartLists) {
        Self.walk(&self, startsOf: starts, .address, skipCovered: true) { d, i in d.addressRules(i) }
    }

    @inline(never) mutating func unlabelledNamePass(_ starts: StartLists) {
        Self.walk(&self, startsOf: starts, .unlabelledName, skipCovered: true) { d, i in d.unlabelledName(i) }
    }

    @inline(never) mutating func professionPass(_ starts: StartLists) {
        Self.walk(&self, startsOf: starts, .profession, skipCovered: true) { d, i in d.profession(i) }
    }

    /// The walk every rule family shares: from the first token, try the family's rule (behind its start filter) at
    /// each token not yet covered (when `skipCovered`), and continue after the span it found or at the next token.
    /// Always inlined, so each family's pass above is one specialised loop with its filter inlined.
    @inline(__always) static func walk(_ d: inout PHIDetection, skipCovered: Bool, _ step: (inout PHIDetection, Int) -> Int?) {
        var i = 0
        while i < d.t.count {
            if !(skipCovered && d.covered[i]), let e = step(&d, i) {
                i = e
                continue
            }
            i += 1
        }
    }

    /// The walk over the start list of `family` with the start filters on, over every token with them off (the reference
    /// of `PHIStartFilterTests`).
    @inline(__always) static func walk(_ d: inout PHIDetection, startsOf starts: StartLists, _ family: StartLists.Family,
                                       skipCovered: Bool, _ step: (inout PHIDetection, Int) -> Int?) {
        if d.options.startFilters {
            walk(&d, over: starts, family, skipCovered: skipCovered, step)
        } else {
            walk(&d, skipCovered: skipCovered, step)
        }
    }

    /// The same walk over the start list of `family` only: the indices in the list at or after the current position, in
    /// order. A token outside the list is one whose family filter fails, where ``walk(_:skipCovered:_:)`` tries
    /// nothing and moves on, so both walks call the rule at the same tokens in the same order.
    @inline(__always) static func walk(_ d: inout PHIDetection, over starts: StartLists, _ family: StartLists.Family, skipCovered: Bool,
                                       _ step: (inout PHIDetection, Int) -> Int?) {
        let list = UnsafeBufferPointer(rebasing: starts.indices[starts.range(family)])
        var i = 0
        for k32 in list {
            let k = Int(k32)
            if k < i { continue }  // inside the span the rule found at an earlier start
            i = k
            if !(skipCovered && d.covered[k]), let e = step(&d, k) {
                i = e
                continue
            }
            i = k + 1
        }
    }

    /// The token indices where the token-pattern, cue, profession, address and unlabelled-name families can start (their
    /// `MayStart` filters), found in one walk over the tokens before the rules run: each token is read once for the five
    /// filters, and each family's pass visits only its list (session 14, speedC for the first three: the three walks over
    /// every token were 3.1 % of the CLI's samples; speedB for the address and name families, whose two walks and filters
    /// were 4.3 %). The filters read only the tokens, never what the rules find, so the lists hold for the whole run.
    struct StartLists {
        enum Family: Int { case tokenPatterns = 0, cueRules = 1, profession = 2, address = 3, unlabelledName = 4 }
        /// The five lists one after another, each in token order. Memory of the detection's run, freed by
        /// ``deallocate()`` when the rules are done (session 20, rulespeed: an `[Int32]` made with
        /// `init(unsafeUninitializedCapacity:)` was allocated by the standard library's unspecialised code, which looks up
        /// the storage class's generic metadata at every call).
        private(set) var indices = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
        /// Where each list ends in `indices`.
        var ends: (Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0)

        @inline(__always) func range(_ f: Family) -> Range<Int> {
            switch f {
            case .tokenPatterns: return 0..<ends.0
            case .cueRules: return ends.0..<ends.1
            case .profession: return ends.1..<ends.2
            case .address: return ends.2..<ends.3
            case .unlabelledName: return ends.3..<ends.4
            }
        }

        /// The lists of `d`'s tokens, borrowed (`__shared`: an initializer's argument is owned by default, which copied
        /// the detection and destroyed the copy at every note). Call ``deallocate()`` when done with them.
        init(_ d: __shared PHIDetection) {
            let n = d.t.count
            guard d.options.startFilters, n > 0 else { return }
            let professions = d.options.professions
            // One walk, five lists: each written at its own fifth of the storage, then the last four are moved down.
            let buf = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 5 * n)
            let base = buf.baseAddress!
            var np = 0, nc = 0, nf = 0, na = 0, nn = 0
            for i in 0..<n {
                if d.tokenPatternsMayStart(i) { (base + np).initialize(to: Int32(truncatingIfNeeded: i)); np += 1 }
                if d.cueRulesMayStart(i) { (base + n + nc).initialize(to: Int32(truncatingIfNeeded: i)); nc += 1 }
                if professions && d.professionMayStart(i) { (base + 2 * n + nf).initialize(to: Int32(truncatingIfNeeded: i)); nf += 1 }
                if d.addressRulesMayStart(i) { (base + 3 * n + na).initialize(to: Int32(truncatingIfNeeded: i)); na += 1 }
                if d.unlabelledNameMayStart(i) { (base + 4 * n + nn).initialize(to: Int32(truncatingIfNeeded: i)); nn += 1 }
            }
            (base + np).moveInitialize(from: base + n, count: nc)
            (base + np + nc).moveInitialize(from: base + 2 * n, count: nf)
            (base + np + nc + nf).moveInitialize(from: base + 3 * n, count: na)
            (base + np + nc + nf + na).moveInitialize(from: base + 4 * n, count: nn)
            ends = (np, np + nc, np + nc + nf, np + nc + nf + na, np + nc + nf + na + nn)
            indices = UnsafeMutableBufferPointer(start: base, count: ends.4)
        }

        /// Frees the lists' memory; they must not be read afterwards.
        func deallocate() {
            indices.baseAddress?.deallocate()
        }
    }


    /// Names found later in the note (a name pair, a cue) also mark their earlier mentions ("Noah's appointment"
    /// ... "Noah Tsosie, DOB ..."): a second walk over the tokens, for words outside the ordinary-word list.
    @inline(never) mutating func propagateBack() {
        var mask: UInt64 = 0
        for k in nameKeys { mask |= 1 << (k & 63) }
        var i = 0
        while i < t.count {
            if mask >> (t[i].base & 63) & 1 != 0, !covered[i], !named[i], isWord(i), cap(i) || lowerDoc, !t[i].bits.contains(.ordinaryWord),
                t[i].e - t[i].s >= 3, let e = propagatedName(i)
            {
                i = e
                continue
            }
            i += 1
        }
    }

    // MARK: ages written next to names

    /// Emits an AGE for the number only (GUIDELINE A1) at token k.
    @inline(never) mutating func emitAgeToken(_ k: Int, rule: String) {
        let s = t[k].s
        var e = s
        while e < t[k].e && b[e] &- 0x30 < 10 { e += 1 }
        guard e > s else { return }
        found.append(
            Candidate(
                entity: Entity(
                    category: .protectedHealthInformation, type: .age, span: TextSpan(s, e), score: 0.75,
                    evidence: [Evidence(subject: "match", ruleID: "phi:" + rule)]),
                priority: 4))
    }

    /// A plausible age in years at token k (1 to 3 digits, at most 120), not part of a ratio or decimal.
    func ageNumber(_ k: Int, sentenceEnd: Bool = false) -> Bool {
        guard k < t.count, t[k].kind == .number, t[k].e - t[k].s <= 3, !t[k].nl else { return false }
        let v = intValue(k)
        guard v >= 0 && v <= 120 else { return false }
        // `sentenceEnd`: a full stop after the number ends the sentence ("aged 4 and 6."), unless a digit follows.
        let decimal = punct(k + 1, 0x2E) && (!sentenceEnd || (k + 2 < t.count && adjacent(k + 2) && t[k + 2].kind == .number))
        if k + 1 < t.count && adjacent(k + 1) && (punct(k + 1, 0x2F) || decimal || punct(k + 1, 0x3A)) { return false }
        return true
    }

    /// True when token k closes a short aside: `,` `;` `.` `)` or the end of the line.
    func asideEnd(_ k: Int) -> Bool {
        k >= t.count || t[k].nl || punct(k, 0x2C) || punct(k, 0x3B) || punct(k, 0x29)
            || (punct(k, 0x2E) && !(k + 1 < t.count && adjacent(k + 1) && t[k + 1].kind == .number))
    }

    /// What may follow the number of a bracketed age after a name, at token k: `)`, `,` (`Noreen (86, widowed)`), `;`
    /// (`Jason (36; works as a concreter)`, session 13), or an age unit and one of `)` `,` (`Nevaeh (10 months)`).
    func bracketedAgeCloses(_ k: Int) -> Bool {
        guard k < t.count, !t[k].nl else { return false }
        if punct(k, 0x29) || punct(k, 0x3B) || (punct(k, 0x2C) && intValue(k - 1) < 120) { return true }
        return k + 1 < t.count && isWord(k) && inSet(.ageUnits, t[k].key) && (punct(k + 1, 0x29) || punct(k + 1, 0x2C))
    }

    /// Session 13: in a table row, the age column after a name ending before token e (a gap of two spaces or more
    /// after it): at most one other field (an MRN or UR number) between, then a number of one to three digits up to
    /// 120 standing alone between gaps or at the line end, written under a heading `Age` on one of the 40 lines above
    /// (the heading's first letter within one column of the number's). The number's token, or nil.
    @inline(never) func ageColumnAfterName(_ e: Int) -> Int? {
        var k = e
        // One field of joined tokens with a digit (`L208831`, `2088312`, `MRN-0045`) before the age.
        if k < t.count && !t[k].nl && !(t[k].kind == .number && t[k].e - t[k].s <= 3) {
            var z = k
            while z + 1 < t.count && z - k < 4 && !t[z + 1].nl && adjacent(z + 1) { z += 1 }
            var digit = false
            for q in k...z where t[q].kind == .number || t[q].flags.contains(.hasDigit) { digit = true }
            guard digit, t[z].e - t[k].s >= 4, z + 1 < t.count, !t[z + 1].nl, t[z + 1].s - t[z].e >= 2 else { return nil }
            k = z + 1
        }
        guard k < t.count, !t[k].nl, t[k].kind == .number, t[k].e - t[k].s <= 3, intValue(k) <= 120,
            k + 1 >= t.count || t[k + 1].nl || t[k + 1].s - t[k].e >= 2
        else { return nil }
        // The number's column, then the heading's on the lines above.
        var ls = t[k].s
        while ls > 0 && b[ls - 1] != 0x0A { ls -= 1 }
        let col = t[k].s - ls
        var j = e - 1
        var lines = 0
        while j >= 0 && lines <= 40 {
            if t[j].nl { lines += 1 }
            if t[j].key == K.age && isWord(j) && j < e - 1 {
                var hs = t[j].s
                while hs > 0 && b[hs - 1] != 0x0A { hs -= 1 }
                let hc = t[j].s - hs
                if hc >= col - 1 && hc <= col + 1 && hs < ls { return k }
            }
            j -= 1
        }
        return nil
    }

    /// Ages after a name: `Harper, 4, attends`, `Noreen (86)`, `Oliver, now 6,`, `YUSUF MARANGONI  24 M`.
    mutating func agesAfterNames() {
        for n in nameEnds where n < t.count {
            var e = n
            // `Grandson "Manny" (19)`, `Brodie Kowalski ("Bro"), 29,`: after a quoted nickname and its bracket.
            if punct(e, 0x22) && !t[e].nl && e >= 2 && adjacent(e) {
                e += 1
                if e < t.count && punct(e, 0x29) && !t[e].nl { e += 1 }
            }
            guard e < t.count else { continue }
            // "Granddaughter Emily\n(15) also helps", "Werner\n(81, a retired toolmaker)", "Nyibol\n(4 months)": a bracketed age
            // may open the next line.
            if t[e].nl && !(punct(e, 0x28) && e + 2 < t.count && ageNumber(e + 1) && bracketedAgeCloses(e + 2)) { continue }
            // Session 13: "Gregory Allan Mundy   L208831  71   NSTEMI": a number under an `Age` column heading.
            if t[e].s - t[e - 1].e >= 2, let k = ageColumnAfterName(e) {
                emitAgeToken(k, rule: "age-column")
                continue
            }
            if punct(e, 0x2C) {
                var k = e + 1
                let now = k < t.count && t[k].key == K.now
                if now { k += 1 }
                // Session 13: "Nyirahabimana Esperance, about 70, remains": an approximate age.
                else if k + 1 < t.count && !t[k].nl && isWord(k) && inSet(.approxWords, t[k].key) { k += 1 }
                // "Jayden Martin, 4 yrs, HRN ...", "Lachlan Mitchell, 22 months (DOB ...)": an age unit after the number.
                // Session 13: "Luz, 11 months: no MMR": or a colon.
                let unit = k + 2 < t.count && !t[k + 1].nl && isWord(k + 1) && inSet(.ageUnits, t[k + 1].key)
                    && (asideEnd(k + 2) || punct(k + 2, 0x28) || punct(k + 2, 0x3A))
                // "(Hazel, now 3)": after `now` the bracket may close.
                // Session 14: "(husband Ernesto Delgado, 66)": or when the name stands inside an aside that the bracket closes.
                // Session 20: "Your mother Eleni Papadakis, 61: no cancer", "Father, Sung-ho, 48: told of": a colon joined to
                // the age opens the relative's entry in a family-history list (not a clock time: no digit after it).
                if !now && !unit && colonAfterListAge(k) {
                    emitAgeToken(k, rule: "age-after-name")
                    continue
                }
                if ageNumber(k) && (!punct(k + 1, 0x29) || now || bracketOpenBefore(n))
                    // "Mr Giuseppe Russo, 87     UR C449021": a header field ends at a wide gap.
                    // Session 13: "Divine Iradukunda, 4 (born in camp)": an aside in brackets after the age.
                    && (asideEnd(k + 1) || unit || (k + 1 < t.count && t[k + 1].s - t[k].e >= 3)
                        // Session 15: "- son Patrick Ishimwe, 16 - enrolled at ...": a spaced dash before the next words.
                        || (punct(k + 1, 0x2D) && !adjacent(k + 1) && k + 2 < t.count && !t[k + 2].nl && isWord(k + 2) && !adjacent(k + 2))
                        || (punct(k + 1, 0x28) && !adjacent(k + 1) && intValue(k) < 120))
                { emitAgeToken(k, rule: "age-after-name") }
            } else if t[e].key == K.was && ageNumber(e + 1, sentenceEnd: true) && e + 2 < t.count && !t[e + 2].nl && punct(e + 2, 0x2E) && asideEnd(e + 2) {
                // "since Hemi was 19.": a name's age then, closing the sentence.
                emitAgeToken(e + 1, rule: "age-after-name")
            } else if t[e].key == K.is && ageNumber(e + 1) && e + 2 < t.count && !t[e + 2].nl
                // "Mrs Ianello is 84 and lives alone": the number alone after `is`, before `and` or a clause end.
                && (t[e + 2].key == K.and || punct(e + 2, 0x2C) || punct(e + 2, 0x3B) || (punct(e + 2, 0x2E) && asideEnd(e + 2)))
            {
                emitAgeToken(e + 1, rule: "age-after-name")
            } else if punct(e, 0x28) && ageNumber(e + 1) && bracketedAgeCloses(e + 2) {
                emitAgeToken(e + 1, rule: "age-after-name")
            } else if ageNumber(e), e + 1 < t.count, !t[e + 1].nl, isWord(e + 1), t[e + 1].e - t[e + 1].s == 1,
                t[e + 1].key == AgeKeys.m || t[e + 1].key == AgeKeys.f,
                e + 2 >= t.count || t[e + 2].nl || !isWord(e + 2) || t[e + 2].flags.contains(.allUpper)
            {
                emitAgeToken(e, rule: "age-after-name")
            }
        }
    }

    /// A nickname in quotes right after a name: `Marcus ("Moose")`, `Marcus "Moose"`.
    @inline(never) mutating func nicknamesAfterNames() {
        for e in nameEnds where e + 2 < t.count && !t[e].nl {
            var k = e
            let bracket = punct(k, 0x28)
            if bracket { k += 1 }
            // "TRAN, Van Minh (prefers "Vinnie")", "(aka "Moose")": up to two naming words before the quote in brackets.
            if bracket, isWord(k), inSet(.nicknameCues, t[k].key) {
                k += 1
                if isWord(k), inSet(.nicknameCues, t[k].key) { k += 1 }
                if k >= t.count || t[k].nl { continue }
            }
            // `cook, beverley anne ("bev")`: in a lower-case note the quoted nickname is lower case too.
            guard punct(k, 0x22), k + 2 < t.count, adjacent(k + 1),
                cap(k + 1) || (lowerDoc && isWord(k + 1) && t[k + 1].e - t[k + 1].s >= 2 && !t[k + 1].flags.contains(.hasDigit)),
                !t[k + 1].bits.contains(.title),
                punct(k + 2, 0x22), adjacent(k + 2), !bracket || punct(k + 3, 0x29),
                // `Raymond "Ray" Kowalczyk`: a nickname inside the name stays in the name's span.
                // `guadalupe "lupe" delacruz`: in a lower-case note a word right after the quote continues the name.
                bracket || k + 3 >= t.count || t[k + 3].nl || (!cap(k + 3) && !(lowerDoc && isWord(k + 3) && t[k + 3].s - t[k + 2].e <= 1))
                    // Session 5: `Adebayo, Olufunmilayo "Funmi"    MRN`: a header field after a wide gap.
                    || t[k + 3].s - t[k + 2].e >= 2 || t[k + 3].flags.contains(.allUpper)
            else { continue }
            emitName(k + 1, k + 2, priority: 3, score: 0.7, rule: "name-nickname")
        }
        // Session 5: "anau, elizabeth (lizzie)", "Olufunmilayo (Funmi)": a listed given name in brackets after a name.
        for e in nameEnds where e + 2 < t.count && !t[e].nl && punct(e, 0x28) && isWord(e + 1) && punct(e + 2, 0x29) && !covered[e + 1] {
            let bits = t[e + 1].bits
            if bits.contains(.firstName) && !bits.contains(.ordinaryWord) && !bits.contains(.stopWord) && (cap(e + 1) || lowerDoc || !cap(e - 1)) {
                emitName(e + 1, e + 2, priority: 3, score: 0.7, rule: "name-nickname")
            }
        }
    }

    /// A relative's age at an event in the same sentence: "her sister had breast cancer at 48;".
    func relativeAgeAt(_ i: Int) -> Bool {
        // "brother had colon cancer at 49. No ...": the full stop ends the sentence.
        guard i > 0, t[i - 1].key == K.at, ageNumber(i, sentenceEnd: true), t[i].e - t[i].s == 2 else { return false }
        // "died at 59 (1988)": a death at an age needs no relative nearby.
        if i >= 2, isWord(i - 2), inSet(.deathWords, t[i - 2].key), !t[i - 1].nl, !t[i].nl,
            asideEnd(i + 1) || punct(i + 1, 0x28) || (i + 1 < t.count && !t[i + 1].nl && (t[i + 1].key == K.of || t[i + 1].key == K.`in` || t[i + 1].key == K.and))
        { return true }
        // Session 6: "had prostate cancer at 61 (treated at ...)": a bracket after the age ends it too.
        // "father died at 61 of an MI": `of` and the cause after the age.
        guard asideEnd(i + 1) || punct(i + 1, 0x28)
            || (i + 1 < t.count && !t[i + 1].nl && (t[i + 1].key == K.and || t[i + 1].key == AgeKeys.years || t[i + 1].key == K.of
                // Session 15: "father MI at 54 in Can Tho": where it happened after the age.
                || (t[i + 1].key == K.`in` && i + 2 < t.count && !t[i + 2].nl && cap(i + 2))))
        else { return false }
        var j = i - 2
        var n = 0
        while j >= 0 && n < 16 {
            // "Grandfather: colon cancer at 52": a relative's own label line.
            if punct(j, 0x3A) && j > 0 && !t[j].nl && inSet(.kinship, t[j - 1].base) { return true }
            if punct(j, 0x2E) || punct(j, 0x3A) { return false }
            if inSet(.kinship, t[j].base) { return true }
            j -= 1
            n += 1
        }
        return false
    }

    // MARK: token patterns the byte scanner leaves out

    /// Years alone after a date word (`since 2015`, `(dx 2011)`), day/month after a weekday or
    /// date word (`Mon 17/2`, `on 28/1`), weekday + ordinal (`friday 20th`), pager and extension
    /// numbers (`page 4411`), and IDs after further cues (`Prescriber No. 2287345`, `Lic. PSY.071-008812`).
    /// Tokens where a rule of ``tokenPatterns(_:)`` can start: a number; a symbol; the punctuation `(` `'` `#`; a token
    /// with a digit, in capitals, or with one of the rule bits month, weekday, ordinal/contact/residence word, holiday,
    /// ID cue or numbered cue; a possessive (a holiday's `'s`); a word opening with a hex digit after a space (IPv6);
    /// a word after `by` or before a credential (a login). Every block of `tokenPatterns` tests one of these first; a
    /// block added there that starts elsewhere must add its start here (`PHIStartFilterTests` compares the dev notes
    /// with and without this filter).
    @inline(__always) func tokenPatternsMayStart(_ i: Int) -> Bool {
        let tok = t[i]
        if tok.kind == .number || tok.kind == .symbol || tok.flags.contains(.hasDigit) || tok.flags.contains(.allUpper)
            || tok.rb.contains(.monthName)
        { return true }
        if tok.kind != .word { return tok.pc == 0x28 || tok.pc == 0x27 || tok.pc == 0x23 }
        if tok.rb.contains(.weekday) || tok.rb.contains(.ordinalContactResidenceWord) || tok.rb.contains(.holidayFirst)
            || tok.rb.contains(.idCue) || tok.rb.contains(.numberedCue) || tok.base != tok.key || tok.key == K.no
        { return true }
        let c0 = b[tok.s]
        if c0 &- 0x30 < 10 || (((c0 | 0x20) &- 0x61 < 6 || c0 == 0x3A) && (i == 0 || !adjacent(i)) && ipv6MayStart(tok.s)) { return true }
        return i > 0 && (t[i - 1].key == K.by || (i + 1 < t.count && !t[i + 1].nl && t[i + 1].bits.contains(.credential)))
    }

    /// Every block of the token-pattern family at token i, in order; dispatched by the token's class (session 15,
    /// speedC): a number runs its own compiled copy of ``tokenPatternsBlocks(_:_:_:)`` with `number` constant, so the
    /// blocks that need a word, a symbol or punctuation drop out of it, and every other token runs a copy without the
    /// number-led blocks. The same blocks in the same order: the class only makes their first test a constant.
    mutating func tokenPatterns(_ i: Int) -> Int? {
        let tok = t[i]
        if tok.kind == .number { return tokenPatternsBlocks(i, tok, NumberToken.self) }
        return tokenPatternsBlocks(i, tok, NotNumberToken.self)
    }

    /// The blocks of ``tokenPatterns(_:)`` at token i (`tok`, its token). `C.yes` is `tok.kind == .number`; `word` is
    /// `isWord(i)`, and `!number && tok.cp` and `!number && tok.pc == c` are `cap(i)` and `punct(i, c)` (a number is
    /// never capitalised and never one of the punctuation bytes asked).
    @inline(never) mutating func tokenPatternsBlocks<C: TokenClassFact>(_ i: Int, _ tok: PTok, _: C.Type) -> Int? {
        let number = C.yes, word = !number && tok.kind == .word
        // An IPv6 address opens with a hex digit (`ipv6` finds no colon after any other first byte).
        let c0 = b[tok.s]
        if (number || word) && (c0 &- 0x30 < 10 || (c0 | 0x20) &- 0x61 < 6 || c0 == 0x3A) && (i == 0 || !adjacent(i)),
            ipv6MayStart(tok.s), let e = ipv6(i)
        { return e }
        if tok.kind == .symbol && b[tok.s] == 0x40, let e = messagingHandle(i) { return e }
        // Session 17 (phitype): a handle without its `@` (`handle nt_ryno88`, `username izzy.rows.10`): at the first
        // digit, after a `_` or a dotted word, or before a `_`.
        if i > 1 && !t[i].nl && (number || (word && tok.flags.contains(.hasDigit)))
            && ((adjacent(i) && (punct(i - 1, 0x5F) || (punct(i - 1, 0x2E) && adjacent(i - 1) && isWord(i - 2))))
                || (i + 1 < t.count && adjacent(i + 1) && punct(i + 1, 0x5F))),
            let e = bareHandle(i)
        { return e }
        if (number || tok.flags.contains(.allUpper) || tok.flags.contains(.hasDigit)) && i > 0 && isWord(i - 1) && !t[i].nl
            && !adjacent(i), let e = belongingsCode(i)
        { return e }
        // One cheap test on the token decides whether any session-3 pattern can start here.
        if number || tok.rb.contains(.monthName) || tok.flags.contains(.hasDigit)
            || (tok.flags.contains(.allUpper) && ((i + 1 < t.count && adjacent(i + 1)) || (i > 0 && t[i - 1].key == K.by))),
            let e = extraPatternsEarly(i, tok, C.self)
        { return e }
        if number && tok.e - tok.s == 8, let e = compactBirthDate(i) { return e }
        // "in the 1990s", "since the late 1970s", "the 1950's": a decade dates an event like a year (GUIDELINE D4,
        // decision of session 10); the `s` is inside.
        if number && tok.e - tok.s == 4 && i + 1 < t.count && adjacent(i + 1), let e = decade(i) {
            emit(.date, i, e, priority: 4, score: 0.75, rule: "date-decade")
            return e
        }
        if number && tok.e - tok.s == 4 && i > 0 {
            let v = intValue(i)
            let prev = t[i - 1].key
            // "2008." ends a sentence; "2008.5" and "2008/09" are not years alone.
            let fraction = i + 2 < t.count && (punct(i + 1, 0x2F) || punct(i + 1, 0x2E)) && adjacent(i + 1) && adjacent(i + 2)
                && t[i + 2].kind == .number
            // A postcode after a state ("NSW 2067") or a clock time ("approx 2030 tonight") is no year.
            // Session 5: only an Australian state takes a four-digit postcode ("MI 2018" is a myocardial infarction).
            // Session 11: in lower-case text after a town ("coogee nsw 2034").
            let postcode = t[i - 1].bits.contains(.stateAbbr) && inSet(.auStates, prev)
                && (t[i - 1].flags.contains(.allUpper) || (lowerAt(i - 1) && i >= 2 && isWord(i - 2) && !t[i - 1].nl))
            let clock = (i + 1 < t.count && !t[i + 1].nl && inSet(.timeWords, t[i + 1].key))
                || (inSet(.clockCues, prev) && v < 1960 && v % 100 < 60 && !yearEventBefore(i - 1))
            let hyphenCue = i >= 2 && punct(i - 1, 0x2D) && adjacent(i) && adjacent(i - 1) && t[i - 2].rb.contains(.yearCue)
            // "started 2000 units", "commenced 2000mg": a dose, not a year.
            let dose = i + 1 < t.count && !t[i + 1].nl && t[i + 1].rb.contains(.auxWord) && inSet(.quantityUnits, t[i + 1].key)
            // Session 5: a count, lab value or code after its label ("Plt 1950,", "Room 2014,", "item 2013") is no year.
            let counted = t[i - 1].rb.contains(.verbLabelPlaceWord) && inSet(.numberLabels, prev)
                // "FARM ROAD 1960", "Route 1920": a route number after a numbered road's type.
                || (isWord(i - 1) && !t[i].nl && inSet(.numberedRoadTypes, prev))
            if (1900...2099).contains(v) && !fraction && !postcode && !clock && !dose && !counted
                && (t[i - 1].rb.contains(.yearCue) || hyphenCue || (punct(i - 1, 0x28) && punct(i + 1, 0x29)) || yearByShape(i)
                    || yearInRangeOrList(i, v) || yearAfterWord(i, v) || approximateYear(i))
                && !yearNamesStandard(i)
            {
                // "(1998-2019)", "1972–1989": a hyphenated range of two years is one DATE (GUIDELINE D4, decision of
                // session 12), like a financial year; the second year must pass the same clock and dose tests.
                if let e = yearRangeEnd(i, v) {
                    emit(.date, i, e, priority: 4, score: 0.8, rule: "date-year-range")
                    return e
                }
                emit(.date, i, i + 1, priority: 4, score: 0.8, rule: "date-year")
                return i + 1
            }
        }
        // Session 15: onset ages, an insurance form's age label, years;months; a child's name bracketed before an age.
        if number && i >= 2 {
            if let e = agesInOnsetAndLabelFrames(i) { return e }
            if punct(i - 1, 0x2C) || t[i - 1].key == K.now || inSet(.agedWords, t[i - 1].key) { bracketedNameBeforeAge(i) }
        }
        if number && relativeAgeAt(i) {
            emitAgeToken(i, rule: "age-relative-at")
            return i + 1
        }
        if number && i > 1 && !t[i].nl && (punct(i - 1, 0x28) || punct(i - 1, 0x2C) || t[i - 1].key == K.and
            || (punct(i - 1, 0x2E) && !adjacent(i)) || (isWord(i - 1) && inSet(.deathWords, t[i - 1].key))), let a = ageAfterRelativeOrList(i) {
            emitAgeToken(i, rule: a)
            return i + 1
        }

        // "(24 today)" after a date of birth.
        if number && punct(i - 1, 0x28) && ageNumber(i) && i + 1 < t.count && t[i + 1].key == K.today && !t[i + 1].nl {
            emitAgeToken(i, rule: "age-today")
            return i + 1
        }
        // "her 93rd birthday".
        if word && b[tok.s] &- 0x30 < 10 && tok.e - tok.s <= 5 && i + 1 < t.count && t[i + 1].key == K.birthday && !t[i + 1].nl {
            var k = tok.s
            while k < tok.e && b[k] &- 0x30 < 10 { k += 1 }
            if k - tok.s <= 3 && tok.e - k == 2 {
                emitAgeToken(i, rule: "age-birthday")
                return i + 1
            }
        }
        // "in '19": an abbreviated year after a year cue.
        if (!number && tok.pc == 0x27) && i > 0 && t[i - 1].rb.contains(.yearCue) && !adjacent(i) && i + 1 < t.count && adjacent(i + 1)
            && t[i + 1].kind == .number && t[i + 1].e - t[i + 1].s == 2 && (i + 2 >= t.count || !adjacent(i + 2) || t[i + 2].kind == .punctuation)
        {
            emit(.date, i, i + 2, priority: 4, score: 0.7, rule: "date-year-short")
            return i + 2
        }
        // "paged dr tipene on 4418": a pager number after a paging verb and `on`.
        // Session 16: "Dr X paged 02:38 (7719)": the pager number alone in a bracket after the paging verb.
        if number && i > 0 && (t[i - 1].key == K.on || punct(i - 1, 0x28)) && pagerAfterPagedOn(i) {
            emit(.phoneOrFax, i, i + 1, priority: 4, score: 0.7, rule: "phone-paged-on")
            return i + 1
        }
        // "RA lead BBK 40217 V": a device serial in spaced groups.
        if tok.flags.contains(.allUpper) && i + 1 < t.count && t[i + 1].kind == .number && !adjacent(i + 1), let e = spacedSerial(i) {
            // Priority of the byte scanner's cued IDs, so that "serial PJN 882143 S" is one span, not its digits.
            emit(.id, i, e, priority: 5, score: 0.7, rule: "id-spaced-serial")
            return e
        }
        if number && i > 0 && !t[i].nl && (2...5).contains(tok.e - tok.s), let cue = pagerCueBefore(i),
            (4...5).contains(tok.e - tok.s) || ((2...3).contains(tok.e - tok.s) && inSet(.extensionCues, t[cue].key) && t[cue].key != K.x
                // Session 11: "lumbar extension 20 degrees", "extension 15 with pain": the word written out before two
                // or three digits is a movement, not a telephone extension (`ext 12` stays one).
                && t[cue].key != IdentifierKeys.extensionWord)
                // Session 5: "pager 418)": three digits after a pager word, closing its aside.
                || (tok.e - tok.s == 3 && !inSet(.extensionCues, t[cue].key) && t[cue].key != K.page && (i + 1 >= t.count || t[i + 1].nl || punct(i + 1, 0x29) || punct(i + 1, 0x2C))),
            i + 1 >= t.count || t[i + 1].nl || !t[i + 1].rb.contains(.auxWord) || !inSet(.quantityUnits, t[i + 1].key)
        {
            emit(.phoneOrFax, i, i + 1, priority: 4, score: 0.8, rule: "phone-pager")
            return i + 1
        }
        if word && tok.rb.contains(.weekday) {
            var j = i + 1
            if punct(j, 0x2C) { j += 1 }
            // Session 5: "on Thursday the 16th".
            if j + 1 < t.count, t[j].key == K.the, !t[j + 1].nl, ordinalDay(j + 1) { j += 1 }
            guard j < t.count, !t[j].nl else { return nil }
            // "friday 20th"
            if isWord(j) && t[j].flags.contains(.hasDigit) && b[t[j].s] &- 0x30 < 10 {
                let len = t[j].e - t[j].s
                if len >= 3 && len <= 4 {
                    emit(.date, i, j + 1, priority: 4, score: 0.8, rule: "date-weekday-ordinal")
                    return j + 1
                }
            }
            // "Mon 17/2"; a date found by the byte scanner starting here takes the weekday too.
            if let e = dayMonth(j) {
                emit(.date, i, e, priority: 4, score: 0.85, rule: "date-weekday")
                return e
            }
            return nil
        }
        if word && tok.rb.contains(.ordinalContactResidenceWord), let e = ordinalWordDate(i) { return e }
        // Named holidays: "Independence Day", "Christmas Eve", "New Year's Day", "Good Friday".
        if word && (tok.rb.contains(.holidayFirst) || (tok.base != tok.key && inSet(.holidayFirst, tok.base)))
            && ((!number && tok.cp) || lowerDoc
                // "has not worked since xmas", "over christmas": a lower-case holiday after a date preposition.
                || (i > 0 && !t[i].nl && inSet(.holidayAlone, tok.key) && inSet(.holidayPrepositions, t[i - 1].key))
                || lowerHolidayPair(i))
        {
            var j = i + 1
            // "Lunar New Year", "Chinese New Year's Day": a qualifier before New Year is one holiday with it.
            let qualifier = inSet(.newYearQualifiers, t[i].key)
            let qualifiedNewYear = qualifier && j + 1 < t.count && !t[j].nl && t[j].key == K.new && cap(j) && adjacentOrSpace(j + 1)
                && t[j + 1].base == K.year
            if qualifiedNewYear { j += 2 }
            if t[i].key == K.new && j < t.count && adjacentOrSpace(j) && t[j].base == K.year { j += 1 }
            while j < t.count && adjacent(j) && (punct(j, 0x27) || t[j].key == K.s || t[j].key == K.apostropheS) { j += 1 }
            var end = -1
            if qualifier && !qualifiedNewYear {
                // "Chinese medicine": a qualifier without New Year is no holiday.
            } else if j < t.count && !t[j].nl && isWord(j) && (cap(j) || !(!number && tok.cp)) && inSet(.holidayLast, t[j].key) && j > i
                && (t[i].key != K.new || j > i + 1)
            {
                end = j + 1
            } else if inSet(.holidayAlone, t[i].key) {
                end = i + 1
            } else if (t[i].key == K.new && j > i + 1 && cap(i + 1)) || qualifiedNewYear {
                // "since New Year", "over New Year's".
                end = j
            }
            if end > 0 && holidayNamesADatedEvent(end) { return end }
            if end > 0 {
                // "Christmas 2024".
                if end < t.count && !t[end].nl && t[end].kind == .number && t[end].e - t[end].s == 4 && (1900...2099).contains(intValue(end)) {
                    end += 1
                }
                // "Three Kings Day": the number word is part of the holiday's name.
                let start = i > 0 && !t[i].nl && tok.key == DateKeys.kings && t[i - 1].key == DateKeys.three ? i - 1 : i
                emit(.date, start, end, priority: 4, score: 0.75, rule: "date-holiday")
                return end
            }
        }
        if tok.flags.contains(.hasDigit) || (number && punct(i + 1, 0x2F)), let e = extraPatternsLate(i, tok, C.self) { return e }
        // "nsg note 2/9 0715": a day/month followed by a 24-hour time.
        if number, let e = dayMonth(i), e < t.count, !t[e].nl, t[e].kind == .number, t[e].e - t[e].s == 4,
            intValue(e) % 100 < 60, intValue(e) / 100 < 24, e + 1 >= t.count || !adjacent(e + 1) || t[e + 1].kind == .punctuation,
            !durationNotation(TextSpan(t[i].s, t[e - 1].e))
        {
            emit(.date, i, e + 1, priority: 4, score: 0.7, rule: "date-day-month-time")
            return e + 1
        }
        if number && (tok.nl || (i > 0 && t[i - 1].rb.contains(.dayMonthCue)) || punct(i + 3, 0x3A) || clockBefore(i)
            || (i >= 2 && punct(i - 1, 0x3A) && inSet(.dateLabels, t[i - 2].key))),
            let e = dayMonth(i), !durationNotation(TextSpan(t[i].s, t[e - 1].e)),
            // Session 5: "4/22 Fosters Rd": a unit and street number, not a date.
            !streetFollows(e),
            // Session 17: "pain (3/10 from 7/10)": a score in a run of scores out of ten, even after a date word.
            !(intValue(i + 2) == 10 && outOfTenRun(i))
        {
            emit(.date, i, e, priority: 4, score: 0.75, rule: "date-day-month")
            return e
        }
        if tok.rb.contains(.monthName), word, let e = monthPairOrMonthOfYear(i) {
            emit(.date, i, e, priority: 5, score: 0.75, rule: "date-month-pair")
            return e
        }
        if word && i > 0 && tok.rb.contains(.monthName)
            && (((!number && tok.cp) && !capsDoc) || (tok.e - tok.s >= 4 && tok.key != K.may && tok.key != K.march) || lowerMonthAbbreviationAfterCue(i))
        {
            // "mid-January", "early-March": the qualifier and hyphen are inside.
            let hyphenated = i >= 2 && punct(i - 1, 0x2D) && adjacent(i) && adjacent(i - 1)
                && (t[i - 2].key == K.mid || t[i - 2].key == K.early || t[i - 2].key == K.late)
            // "In May she fell", "last May": the capitalised month after a date preposition, never the modal verb.
            let mayMonth = tok.key == K.may && (!number && tok.cp) && !capsDoc && !t[i].nl && inSet(.mayCues, t[i - 1].key)
            // Session 6: "next review Feb.", "appt March": a capitalised month after a date label.
            let labelled = (!number && tok.cp) && !capsDoc && monthAfterDateLabel(i)
            // "Echo (Feb) showed", "Echo Feb: EF 40%": a capitalised month alone in brackets or before a colon.
            let set = (!number && tok.cp) && !capsDoc && tok.key != K.may && !t[i].nl
                && ((punct(i - 1, 0x28) && (punct(i + 1, 0x29) || monthOpensBracketList(i)))
                    || (isWord(i - 1) && punct(i + 1, 0x3A) && !adjacent(i)))
            if (hyphenated || labelled || set || inSet(.monthAloneCues, t[i - 1].key) || monthAfterMonthPair(i) || monthEndingAClause(i)
                || lowerOrLastMonth(i))
                && (i + 1 >= t.count || t[i + 1].nl || t[i + 1].kind == .punctuation
                    || (t[i + 1].kind == .word && (tok.key != K.may || mayMonth) && tok.e - tok.s >= 3))
            {
                // "review early March" (GUIDELINE D1 keeps a qualifier): early, mid and late are inside.
                let qualified = !hyphenated && !t[i].nl && (t[i - 1].key == K.mid || t[i - 1].key == K.early || t[i - 1].key == K.late)
                emit(.date, hyphenated ? i - 2 : qualified ? i - 1 : i, i + 1, priority: 4, score: 0.7, rule: "date-month")
                return i + 1
            }
        }
        // "(2731672X)", "(1025471644)": a bracketed code after a name.
        if (!number && tok.pc == 0x28) && i > 0 && isWord(i - 1) && cap(i - 1) {
            var e = i + 1
            var digits = 0, letters = 0
            while e < t.count && (e == i + 1 || adjacent(e)) && !punct(e, 0x29) && (t[e].kind != .whitespace) {
                for c in t[e].s..<t[e].e { if b[c] &- 0x30 < 10 { digits += 1 } else if isAlpha(b[c]) { letters += 1 } }
                e += 1
            }
            // "(150-400)", "(3.5-5.0)": a reference range, not a code.
            let range = e == i + 4 && t[i + 1].kind == .number && punct(i + 2, 0x2D) && t[i + 3].kind == .number
            // "LICSW (x6-3305)": an extension after a clinician's name is a phone number (GUIDELINE §7).
            let ext = e > i + 1 && letters == 1 && b[t[i + 1].s] | 0x20 == 0x78 && t[i + 1].s + 1 < b.count && b[t[i + 1].s + 1] &- 0x30 < 10
            if ext && punct(e, 0x29) && digits >= 4 && digits <= 7 {
                emit(.phoneOrFax, i + 1, e, priority: 4, score: 0.7, rule: "phone-bracketed-extension")
                return e + 1
            } else if !range && punct(e, 0x29) && e > i + 1 && adjacent(i + 1) && (digits >= 6 || (digits >= 5 && letters > 0)) {
                emit(.id, i + 1, e, priority: 4, score: 0.75, rule: "id-bracketed")
                return e + 1
            }
        }
        // "by jmorrison": a user name made of an initial and a surname; "visit - lmorales rn", "- tbrennan lpn covering": an
        // entry signature, the same login after a dash or at a line start and before a credential.
        if word && i > 0 && (t[i - 1].key == K.by
                || (i + 1 < t.count && !t[i + 1].nl && t[i + 1].bits.contains(.credential) && (t[i].nl || punct(i - 1, 0x2D))))
            && !(!number && tok.cp) && t[i].e - t[i].s >= 6 && !t[i].bits.contains(.ordinaryWord) && !t[i].bits.isName
            && !verbForm(i)
            && !t[i].flags.contains(.hasDigit), vocab.bits(wordKey(b, t[i].s + 1, t[i].e)).contains(.lastName)
        {
            emit(.name, i, i + 1, priority: 3, score: 0.7, rule: "name-username")
            return i + 1
        }
        // "DL" is a driver's licence only in capitals and on its own ("TN DL 118304592", not "ng/dL").
        // "MR#: 0088231": the title word Mr as a record-number cue.
        let mrNumber = tok.key == K.mr && tok.flags.contains(.allUpper) && punct(i + 1, 0x23) && adjacent(i + 1)
        if word && ((tok.rb.contains(.idCue) && !(tok.key == K.dl && (!tok.flags.contains(.allUpper) || adjacent(i))))
            || (tok.rb.contains(.numberedCue) && numberedCue(i)) || mrNumber
            || (tok.flags.contains(.allUpper) && !capsDoc && tok.e - tok.s >= 2 && tok.e - tok.s <= 5 && acronymNumberedCue(i))
            || (tok.key == K.no && labelNumberMark(i)))
        {
            // "Meridian, ID 83642": Idaho's state code before its ZIP (an address), not an ID cue.
            if tok.e - tok.s == 2 && b[tok.s] == 0x49 && b[tok.s + 1] == 0x44 && idahoZIPAfter(i) { return nil }
            var j = i + 1
            var fillers = 0
            while j < t.count && !t[j].nl && fillers < 5
                && (t[j].kind == .punctuation || inSet(.idFillers, t[j].key) || punct(j, 0x23)
                    // Session 5: a state before the value ("DL# TX 30418826", "Driver's licence (WA): 6184207").
                    || (t[j].bits.contains(.stateAbbr) && t[j].flags.contains(.allUpper) && j + 1 < t.count
                        && (t[j + 1].kind == .number || punct(j + 1, 0x29))))
            {
                j += 1
                fillers += 1
            }
            guard j < t.count, !t[j].nl || wrappedValue(j, fillers: fillers),
                t[j].flags.contains(.hasDigit) || t[j].kind == .number || (isWord(j) && t[j].flags.contains(.allUpper))
            else { return nil }
            // "Next visit 3/24 1 PM": a day/month after a cue is a date, left to the date rules.
            // Session 6: after any cue ("nmmc lab 11/18)"): IDs are not written as a calendar day and month.
            if dayMonth(j) != nil { return nil }
            // Session 15: "first episode 2019 while at university", "one incident 2021.": a year of 1900-2039 right after
            // the cue, with no mark between ("Incident #2021" stays an identifier) and no digits after ("2019-0042",
            // "2019 4410"), dates an event.
            if j == i + 1 && t[j].kind == .number && t[j].e - t[j].s == 4 && (1900...2039).contains(intValue(j))
                && !(j + 1 < t.count && !t[j + 1].nl && t[j + 1].kind == .number)
                && !(j + 2 < t.count && adjacent(j + 1) && t[j + 1].kind == .punctuation && !t[j + 2].nl && t[j + 2].kind == .number
                    && adjacent(j + 2))
            { return nil }
            // Session 13: "(anaphylaxis per patient, 1990s)": a decade after a cue dates an event.
            if t[j].kind == .number && t[j].e - t[j].s == 4 && j + 1 < t.count && adjacent(j + 1) && decade(j) != nil { return nil }
            // "UNIT # W0417 26 118833 Z": a blood-unit donation number, written with spaces, is one value.
            if let d = donationNumber(j) {
                emit(.id, j, d, priority: 4, score: 0.85, rule: "id-cue-extra")
                return d
            }
            // The value: adjacent tokens up to the next space.
            var e = j + 1
            // A closing bracket ends the value ("(lab scientist, staff code RD417)." held the bracket and lost the code).
            while e < t.count && adjacent(e) && !(t[e].kind == .punctuation && (e + 1 >= t.count || !adjacent(e + 1)))
                && !punct(e, 0x2C) && !punct(e, 0x3B) && !punct(e, 0x29)
            { e += 1 }
            // "participant no. 431 882 019": groups of three or four digits separated by single spaces.
            if e == j + 1 && t[j].kind == .number && (3...4).contains(t[j].e - t[j].s) {
                while e + 0 < t.count && t[e].kind == .number && !t[e].nl && t[e].s == t[e - 1].e + 1 && (3...4).contains(t[e].e - t[e].s)
                    && (e + 1 >= t.count || !adjacent(e + 1) || t[e + 1].kind == .punctuation)
                { e += 1 }
                // "Health Care Card 123 456 789K": a last group of three digits and a letter.
                if e > j + 1, e < t.count, !t[e].nl, t[e].s == t[e - 1].e + 1, isWord(e), t[e].e - t[e].s == 4,
                    t[e].flags.contains(.hasDigit), isAlpha(b[t[e].e - 1]), b[t[e].s] &- 0x30 < 10, b[t[e].s + 2] &- 0x30 < 10
                { e += 1 } else if e > j + 1, e + 1 < t.count, !t[e].nl, t[e].s == t[e - 1].e + 1, t[e].kind == .number, t[e].e - t[e].s == 3,
                    adjacent(e + 1), isWord(e + 1), t[e + 1].e - t[e + 1].s == 1,
                    e + 2 >= t.count || !adjacent(e + 2) || t[e + 2].kind == .punctuation
                { e += 2 }
            }
            var digits = 0
            for k in j..<e { for c in t[k].s..<t[k].e where b[c] &- 0x30 < 10 { digits += 1 } }
            guard digits >= 4 || (tok.key != K.no && shortCode(i, j, e)) else { return nil }
            // MBS items before their service and clock times in a run log are no IDs.
            if itemServiceAfter(e) || clockAfterPatientCue(i, j, e) || afterAssetWord(j) { return nil }
            // "Acc# 25-331209" is an accession number; "Acc 2025" is not.
            // Session 14: "(ACC 26-276-01847)": a dashed value of eight or more digits is an accession number without a mark.
            if tok.key == K.acc && !(punct(i + 1, 0x23) || punct(i + 1, 0x3A) || (i + 1 < t.count && inSet(.idFillers, t[i + 1].key)))
                && !(digits >= 8 && e > j + 1)
            { return nil }
            emit(.id, j, e, priority: 4, score: 0.85, rule: "id-cue-extra")
            return e
        }
        if number || (!number && tok.pc == 0x23), let e = laterTokenPatterns(i) { return e }
        return nil
    }

    /// Session 13: "I notify VicRoads; licence no.\n   048 215 773": a cue and its `no.` ending a wrapped line, the value
    /// (a number of three or more digits) opening the next line after one line break.
    @inline(never) func wrappedValue(_ j: Int, fillers: Int) -> Bool {
        guard fillers >= 1, t[j].kind == .number, t[j].e - t[j].s >= 3, j > 0 else { return false }
        // The line before is prose that wrapped (60 bytes or more), not a form's label line.
        var s = j - 1
        while s > 0 && !t[s].nl { s -= 1 }
        guard t[j - 1].e - t[s].s >= 60 else { return false }
        var n = 0
        for c in t[j - 1].e..<t[j].s where b[c] == 0x0A { n += 1 }
        return n == 1
    }

    /// Whether token i is written only with the Roman-numeral capitals I, V and X ("II", "IV").
    @inline(__always) func romanNumeral(_ i: Int) -> Bool {
        for c in t[i].s..<t[i].e where b[c] != 0x49 && b[c] != 0x56 && b[c] != 0x58 { return false }
        return true
    }

    /// Whether word i can be the town of "Town, ST": not one or two capitals in a mixed-case note ("lungs, GI, GU",
    /// "III, IV, VI", "36.0C,MS" are lists of abbreviations), and not a name before a state code that is also a
    /// credential ("Dr. Y, MD", "Smith, DC").
    @inline(never) func cityBeforeState(_ i: Int) -> Bool {
        let len = t[i].e - t[i].s
        if len == 1 { return false }
        if len == 2 && t[i].flags.contains(.allUpper) && !capsDoc && !t[i].bits.contains(.placeWord) { return false }
        // Session 14: "Rooming: Kayla Brooks, MA", "Chaperone: Maddie Osterhout, MA": a given name and a word that is no
        // known place before `MA` (a medical assistant) are a person and a credential, not a town and a state.
        // Session 18: the same before any credential or degree that is also a state code (`degree_state_codes`: MA, MS;
        // "Exercise physiologist: Kendra Lindqvist, MS, ACSM-CEP", "Lakshmi Varadarajan, MD, fax ...").
        if i > 0 && !t[i].nl && cap(i - 1) && t[i - 1].bits.contains(.firstName) && !t[i].bits.contains(.placeWord)
            && !t[i - 1].bits.contains(.placeWord)
            && (inSet(.degreeStateCodes, t[i + 2].key) || t[i + 2].bits.contains(.credential))
        { return false }
        if t[i + 2].bits.contains(.credential) && !t[i].bits.contains(.placeWord)
            && (t[i].bits.isName || (i > 0 && t[i - 1].bits.contains(.title)) || (i > 1 && punct(i - 1, 0x2E) && t[i - 2].bits.contains(.title)))
        { return false }
        return true
    }

    /// The pager or extension cue before number token i ("pager 4127", "pgr #4127", "ext. 2231", "x204"), or nil.
    @inline(never) func pagerCueBefore(_ i: Int) -> Int? {
        var j = i - 1
        if j > 0 && (punct(j, 0x2E) || punct(j, 0x23) || punct(j, 0x3A)) { j -= 1 }
        guard j >= 0, isWord(j), t[j].rb.contains(.pagerCue) || (t[j].rb.contains(.auxWord) && inSet(.extraPagerCues, t[j].key)) else { return nil }
        // "x 5/7", "3 x 1000": the multiplication sign is no extension.
        if t[j].key == K.x && (j == 0 || t[j - 1].kind == .number || i + 1 < t.count && adjacent(i + 1) && punct(i + 1, 0x2F)) { return nil }
        return j
    }

    /// Session-3 token patterns tried before the older ones (financial years, month and day ranges, ages in
    /// context, capital+digit codes); kept out of line so `tokenPatterns` stays small enough to be optimised whole.
    @inline(never) mutating func extraPatternsEarly<C: TokenClassFact>(_ i: Int, _ tok: PTok, _: C.Type) -> Int? {
        let number = C.yes, word = !number && tok.kind == .word
        // "2025/26", "2024-25": a financial or school year.
        if number && tok.e - tok.s == 4 && i + 2 < t.count && (punct(i + 1, 0x2F) || punct(i + 1, 0x2D))
            && adjacent(i + 1) && adjacent(i + 2) && t[i + 2].kind == .number && t[i + 2].e - t[i + 2].s == 2
            && (i + 3 >= t.count || !adjacent(i + 3) || t[i + 3].kind == .punctuation && !punct(i + 3, 0x2F) && !punct(i + 3, 0x2D))
        {
            let v = intValue(i)
            // Session 5: a range of years too ("the RAN (1967-71)").
            if (1900...2099).contains(v) && intValue(i + 2) > v % 100 && intValue(i + 2) - v % 100 <= 60 {
                emit(.date, i, i + 3, priority: 4, score: 0.75, rule: "date-financial-year")
                return i + 3
            }
        }
        // "Jun-Aug 2024", "Nov-Dec": a range of months (taken whole, over the scanner's "Aug 2024").
        if word && tok.rb.contains(.monthName) && ((!number && tok.cp) || tok.e - tok.s >= 3) && tok.key != K.may
            && i + 2 < t.count && punct(i + 1, 0x2D) && adjacent(i + 1) && adjacent(i + 2) && isWord(i + 2) && t[i + 2].rb.contains(.monthName)
        {
            var end = i + 3
            if end < t.count && !t[end].nl && t[end].kind == .number && t[end].e - t[end].s == 4 && (1900...2099).contains(intValue(end)) {
                end += 1
            }
            emit(.date, i, end, priority: 5, score: 0.75, rule: "date-month-range")
            return end
        }
        // "2/3-5/3", "3/2-3/5": a range of two day/months that share the day or the month.
        if number && punct(i + 1, 0x2F) && (i == 0 || !adjacent(i)), let e1 = dayMonth(i), punct(e1, 0x2D), adjacent(e1), adjacent(e1 + 1),
            let e2 = dayMonth(e1 + 1), e2 >= t.count || !adjacent(e2) || t[e2].kind == .punctuation
        {
            let a = intValue(i), c = intValue(i + 2), x = intValue(e1 + 1), z = intValue(e1 + 3)
            // Not two proper fractions ("Grade 1/4-2/4 pulses", "1/2-3/4 tab").
            if !(a < c && x < z && c <= 8 && z <= 8), (c == z && x > a && c <= 12) || (a == x && z > c && a <= 12) || crossMonthRange(i, e2, a, c, x, z) {
                emit(.date, i, e2, priority: 5, score: 0.75, rule: "date-day-month-range")
                return e2
            }
        }
        // "07/2023-10/2025": a range of two month/year values, taken whole.
        if number && punct(i + 1, 0x2F) && (i == 0 || !adjacent(i) || punct(i - 1, 0x28)), let e = monthYearRange(i) {
            emit(.date, i, e, priority: 5, score: 0.8, rule: "date-month-year-range")
            return e
        }
        // "school 17-19/11/25": a range of days before a numeric date, taken whole.
        if number && punct(i + 1, 0x2D) && (i == 0 || !adjacent(i) || punct(i - 1, 0x28)), let e = dayRangeNumericDate(i) {
            emit(.date, i, e, priority: 5, score: 0.75, rule: "date-day-range-numeric")
            return e
        }
        // "March 3-5, 2025", "3-5 June 2025": a range of days in one month, taken whole.
        if (tok.rb.contains(.monthName) || (number && punct(i + 1, 0x2D))), let e = dayRangeDate(i) {
            emit(.date, i, e, priority: 5, score: 0.8, rule: "date-day-range")
            return e
        }
        // "a 6/12 old boy": an age in months, weeks or days in the fraction notation.
        if number, punct(i + 1, 0x2F), let a = fractionAge(i) {
            emitAgeToken(i, rule: a)
            return i + 3
        }
        // Ages the byte scanner leaves out: "42 years of age", "turned 50 last week", "aged 4 and 6".
        if number, (i + 1 < t.count && t[i + 1].rb.contains(.auxWord)) || (i > 0 && t[i - 1].rb.contains(.auxWord)),
            ageNumber(i) || (punct(i + 1, 0x2E) && ageNumber(i, sentenceEnd: true)), let a = ageInContext(i)
        {
            emitAgeToken(i, rule: a)
            return i + 1
        }
        // "Report printed ... by mrodriguez3": a login with digits after "by".
        // Session 15: "LAST EDIT: 06/14/2026 04:31 BY SPETTIGREW": a login in capitals after `BY` ending the line.
        if word && i > 0 && t[i - 1].e - t[i - 1].s == 2 && t[i - 1].key == K.by
            && ((!(!number && tok.cp) && tok.flags.contains(.hasDigit))
                || (tok.flags.contains(.allUpper) && t[i - 1].flags.contains(.allUpper) && (i + 1 >= t.count || t[i + 1].nl))),
            let e = loginAfterUserCue(i, afterCue: true)
        {
            return e
        }
        // "via Medical Objects (NBMED-QLD-4471)": a secure-messaging address after the service's name.
        if tok.flags.contains(.allUpper) && i + 1 < t.count && adjacent(i + 1) && punct(i + 1, 0x2D), let e = messagingAddress(i) {
            emit(.id, i, e, priority: 4, score: 0.7, rule: "id-messaging-address")
            return e
        }
        // "W0417 26 118833 Z": a blood-unit donation number without a cue.
        if word && tok.e - tok.s == 1 && i + 1 < t.count && t[i + 1].kind == .number && adjacent(i + 1), let e = donationNumber(i) {
            emit(.id, i, e, priority: 4, score: 0.8, rule: "id-donation-number")
            return e
        }
        // "RQ7720314", "MO-22931847", "RAD-25-0091847": a code of capitals and at least five digits; also right after an
        // opening bracket ("Prior biopsy (S22-18830, March 2022)").
        if (word || number) && (i == 0 || !adjacent(i) || punct(i - 1, 0x28))
            && ((tok.flags.contains(.hasDigit) && tok.flags.contains(.hasLetter))
                || (i + 1 < t.count && adjacent(i + 1) && (punct(i + 1, 0x2D) || (number && isWord(i + 1))
                    // "RQ7720314", "A218-604-337": the tokenizer splits capitals from the digits after them.
                    || (word && tok.flags.contains(.allUpper) && t[i + 1].kind == .number)))),
            compactDateEnd(i) == nil, let e = alphanumericCode(i), !obstetricShorthand(i, e), !afterAssetWord(i)
        {
            emit(.id, i, e, priority: 4, score: 0.6, rule: "id-code")
            return e
        }
        return nil
    }

    /// Session-3 token patterns tried after the holiday rule (ordinal days, compact dates, day/month before a time).
    @inline(never) mutating func extraPatternsLate<C: TokenClassFact>(_ i: Int, _ tok: PTok, _: C.Type) -> Int? {
        let number = C.yes, word = !number && tok.kind == .word
        // "since the fall on the 14th": an ordinal day after "on the".
        if word, i >= 2, tok.flags.contains(.hasDigit), (t[i - 1].key == K.the && t[i - 2].key == K.on) || t[i - 1].rb.contains(.dayMonthCue), ordinalDay(i),
            i + 1 >= t.count || t[i + 1].nl || t[i + 1].kind == .punctuation || t[i + 1].key == K.at
        {
            emit(.date, i, i + 1, priority: 4, score: 0.7, rule: "date-ordinal-day")
            return i + 1
        }
        if word, i >= 2, tok.e - tok.s <= 4, tok.e - tok.s >= 3, isAlpha(b[tok.e - 1]), t[i - 1].e - t[i - 1].s == 3,
            let e = ordinalDayAfterThe(i)
        { return e }
        if number, punct(i + 1, 0x2F), let e = dayMonthAfterRangeOrWeek(i) { return e }
        // "01FEB1958", "3MAR25": day, month abbreviation and year in one token.
        if word || number, b[tok.s] &- 0x30 < 10, i == 0 || !adjacent(i),
            (tok.flags.contains(.hasLetter) && tok.flags.contains(.hasDigit)) || (number && i + 1 < t.count && adjacent(i + 1) && isWord(i + 1)),
            let e = compactDateEnd(i)
        {
            emit(.date, i, e, priority: 4, score: 0.8, rule: "date-compact")
            return e
        }
        // "foley d/c'd 3/11 @ 0600", "(21/3)": a day/month before a clock time or alone in brackets.
        if number, punct(i + 1, 0x2F), let e = dayMonth(i), !durationNotation(TextSpan(t[i].s, t[e - 1].e)),
            (e + 1 < t.count && !t[e].nl && (punct(e, 0x40) || t[e].key == K.at) && (t[e + 1].kind == .number || t[e + 1].flags.contains(.hasDigit)))
                || (punct(i - 1, 0x28) && punct(e, 0x29))
        {
            emit(.date, i, e, priority: 4, score: 0.7, rule: "date-day-month")
            return e
        }
        return nil
    }

    /// "(1998-2019)", "2017, 2021": a year in a range or a list of years (each year its own DATE).
    /// End of a year range `1998-2019` / `1972–1989` starting at the year token i (a later year at most 80 years on,
    /// joined by a hyphen or en dash without spaces, no clock word or unit after it), or nil.
    @inline(never) func yearRangeEnd(_ i: Int, _ v: Int) -> Int? {
        guard i + 2 < t.count, punct(i + 1, 0x2D) || enDash(i + 1), adjacent(i + 1), adjacent(i + 2), t[i + 2].kind == .number,
            t[i + 2].e - t[i + 2].s == 4
        else { return nil }
        let w = intValue(i + 2)
        guard w > v, w <= 2099, w - v <= 80 else { return nil }
        let e = i + 3
        if e < t.count && adjacent(e) && (t[e].kind != .punctuation || punct(e, 0x2D) || punct(e, 0x2F)) { return nil }
        if e < t.count && !t[e].nl && isWord(e) && (inSet(.timeWords, t[e].key)
            || (t[e].rb.contains(.auxWord) && inSet(.quantityUnits, t[e].key)))
        { return nil }
        return e
    }

    @inline(never) func yearInRangeOrList(_ i: Int, _ v: Int) -> Bool {
        // "(1998-2019)", "2017, 2021": a year range or list, each year its own DATE.
        // An en dash joins a range as a hyphen does ("1972–1989").
        let rangeStart = i + 2 < t.count && (punct(i + 1, 0x2D) || enDash(i + 1)) && adjacent(i + 1) && adjacent(i + 2) && t[i + 2].kind == .number
            && t[i + 2].e - t[i + 2].s == 4 && intValue(i + 2) > v && intValue(i + 2) <= 2099
            && (i + 3 >= t.count || !adjacent(i + 3) || t[i + 3].kind == .punctuation && !punct(i + 3, 0x2D) && !punct(i + 3, 0x2F))
        let rangeEnd = i >= 2 && (punct(i - 1, 0x2D) || enDash(i - 1)) && adjacent(i) && adjacent(i - 1) && t[i - 2].kind == .number
            && t[i - 2].e - t[i - 2].s == 4 && (1900...2099).contains(intValue(i - 2)) && intValue(i - 2) < v
        let listed = i >= 2 && punct(i - 1, 0x2C) && t[i - 2].kind == .number && t[i - 2].e - t[i - 2].s == 4
            && (1900...2099).contains(intValue(i - 2)) && (i + 1 >= t.count || t[i + 1].kind == .punctuation || t[i + 1].nl)
        return rangeStart || rangeEnd || listed
    }

    /// "Hospital No:", "Reg. No.", "Unit number": a word that labels an identifier only with "no"/"number"/"#".
    func numberedCue(_ i: Int) -> Bool {
        guard t[i].rb.contains(.numberedCue) else { return false }
        var j = i + 1
        if punct(j, 0x2E) && adjacent(j) { j += 1 }
        return j < t.count && !t[j].nl && (t[j].key == K.no || t[j].key == K.number || punct(j, 0x23))
    }

    /// Session 15: "Subject no.: 0213-0047", "Voyage No. CD4419", "registry no. 2026/884163": the mark `no.` or `No:` (token
    /// i) after any word of three or more letters labels that word's number, an identifier when the value has four or
    /// more digits (checked by the caller), like a listed numbered cue. Not after a count, code or lot label
    /// (`number_labels`: `Room no.`, `Item no.`, `Model no.`), an accreditation body, a telephone or pager word (`Mobile
    /// no.` is a telephone number), or a listed cue (its own rule decided).
    @inline(never) func labelNumberMark(_ i: Int) -> Bool {
        guard i > 0, i + 2 < t.count, !t[i].nl, !adjacent(i), punct(i + 1, 0x2E) || punct(i + 1, 0x3A), adjacent(i + 1), isWord(i - 1)
        else { return false }
        let w = t[i - 1]
        guard w.e - w.s >= 3, !w.flags.contains(.hasDigit), !w.rb.contains(.idCue), !w.rb.contains(.numberedCue), !w.rb.contains(.pagerCue)
        else { return false }
        let k = w.key
        if inSet(.numberLabels, k) || inSet(.accreditationWords, k) || inSet(.lotWords, k) { return false }
        if case .phoneWord? = cueTable[k] { return false }
        return true
    }

    /// Session 14: "AACP no. 2331", "KBA No. 88412", "JP no. 4471": an acronym of two to five capitals in a mixed-case
    /// note, then `no.`, `No:` or `#`, labels a registration, membership or licence number like a listed numbered cue.
    /// Not an accreditation body (`NATA No.`, GUIDELINE §9), a count or code label (`ICD`, `CPT`) or a lot word.
    @inline(never) func acronymNumberedCue(_ i: Int) -> Bool {
        guard isWord(i), !romanNumeral(i) else { return false }
        var j = i + 1
        if punct(j, 0x2E) && adjacent(j) { j += 1 }
        guard j + 1 < t.count, !t[j].nl,
            punct(j, 0x23) || (t[j].key == K.no && (punct(j + 1, 0x2E) || punct(j + 1, 0x3A)) && adjacent(j + 1))
        else { return false }
        let key = t[i].key
        return !inSet(.accreditationWords, key) && !inSet(.numberLabels, key) && !inSet(.lotWords, key)
    }

    /// A lower-case word ending like a verb form or adverb ("by drilling", "by mouth" is ordinary anyway).
    @inline(never) func verbForm(_ i: Int) -> Bool {
        let e = t[i].e
        guard e - t[i].s >= 4 else { return false }
        let a = b[e - 3] | 0x20, c = b[e - 2] | 0x20, d = b[e - 1] | 0x20
        return (a == 0x69 && c == 0x6E && d == 0x67) || (c == 0x65 && d == 0x64) || (c == 0x6C && d == 0x79)
    }

    /// End of "March 3-5, 2025" or "3-5 June 2025" starting at token i, or nil.
    @inline(never) func dayRangeDate(_ i: Int) -> Int? {
        if isWord(i), t[i].rb.contains(.monthName), cap(i) || t[i].e - t[i].s >= 4, t[i].key != K.may || cap(i), i + 3 < t.count,
            !t[i + 1].nl, dayRange(i + 1)
        {
            return yearAfter(i + 4) ?? i + 4
        }
        if t[i].kind == .number, i == 0 || !adjacent(i) || punct(i - 1, 0x28), dayRange(i), i + 3 < t.count, !t[i + 3].nl, isWord(i + 3),
            t[i + 3].rb.contains(.monthName), t[i + 3].key != K.may || cap(i + 3)
        {
            return yearAfter(i + 4) ?? i + 4
        }
        return nil
    }

    /// A day of the month (1-31, one or two digits) at token k.
    @inline(never) func dayNumber(_ k: Int) -> Bool { k < t.count && t[k].kind == .number && t[k].e - t[k].s <= 2 && (1...31).contains(intValue(k)) }

    /// "3-5": two days, the second later, joined by a hyphen without spaces.
    @inline(never) func dayRange(_ k: Int) -> Bool {
        dayNumber(k) && punct(k + 1, 0x2D) && adjacent(k + 1) && adjacent(k + 2) && dayNumber(k + 2) && intValue(k + 2) > intValue(k)
    }

    /// The end of ", 2025" or " 2025" at token k, or nil.
    @inline(never) func yearAfter(_ k: Int) -> Int? {
        var y = k
        if punct(y, 0x2C) { y += 1 }
        guard y < t.count, !t[y].nl, t[y].kind == .number, t[y].e - t[y].s == 4, (1900...2099).contains(intValue(y)) else { return nil }
        return y + 1
    }

    /// The rule id for an age at number token i that the scanner leaves out, or nil.
    @inline(never) func ageInContext(_ i: Int) -> String? {
        // "42 years of age", "18 months of age".
        if i + 3 < t.count, !t[i + 1].nl, inSet(.ageUnits, t[i + 1].key), t[i + 2].key == K.of, t[i + 3].key == K.age,
            i == 0 || !(punct(i - 1, 0x2F) && adjacent(i))
        { return "age-of-age" }
        // "turned 50 last week", "turns 65 in May".
        if i > 0, inSet(.turnedWords, t[i - 1].key), i + 1 >= t.count || t[i + 1].nl || t[i + 1].kind == .punctuation
            || inSet(.afterTurned, t[i + 1].key)
        { return "age-turned" }
        // "aged 4 and 6": the second age of a pair.
        if i >= 3, t[i - 1].key == K.and, t[i - 2].kind == .number, inSet(.agedWords, t[i - 3].key) { return "age-pair" }
        // "(ages 8, 5 and 2)": the first age of a list; a population's range stays out ("ages 18-65").
        if i >= 1, inSet(.agedWords, t[i - 1].key), i + 2 < t.count, !t[i + 1].nl, punct(i + 1, 0x2C) || t[i + 1].key == K.and,
            ageNumber(i + 2, sentenceEnd: true)
        { return "age-list" }
        return nil
    }

    /// `14th`, `3rd`: an ordinal day of the month.
    @inline(never) func ordinalDay(_ i: Int) -> Bool {
        let s = t[i].s, e = t[i].e
        guard e - s >= 3, e - s <= 4 else { return false }
        var k = s
        var v = 0
        while k < e && b[k] &- 0x30 < 10 { v = v * 10 + Int(b[k] &- 0x30); k += 1 }
        guard k > s, e - k == 2, (1...31).contains(v) else { return false }
        let a = b[k] | 0x20, c = b[k + 1] | 0x20
        return (a == 0x73 && c == 0x74) || (a == 0x6E && c == 0x64) || (a == 0x72 && c == 0x64) || (a == 0x74 && c == 0x68)
    }

    /// The token end of a `01FEB1958` / `3MAR25` date starting at token i (one or two digits, a three-letter
    /// month, two or four digits, however the tokenizer split it), or nil.
    @inline(never) func compactDateEnd(_ i: Int) -> Int? {
        var e = i + 1
        while e < t.count && adjacent(e) && (isWord(e) || t[e].kind == .number) { e += 1 }
        guard compactDate(t[i].s, t[e - 1].e) else { return nil }
        return e
    }

    func compactDate(_ i: Int) -> Bool { compactDate(t[i].s, t[i].e) }

    /// `01FEB1958`, `3MAR25` in bytes s..<e.
    @inline(never) func compactDate(_ s: Int, _ e: Int) -> Bool {
        var k = s
        while k < e && b[k] &- 0x30 < 10 { k += 1 }
        guard (1...2).contains(k - s), e - k >= 5, isAlpha(b[k]), isAlpha(b[k + 1]), isAlpha(b[k + 2]) else { return false }
        guard inSet(.monthNames, wordKey(b, k, k + 3)) else { return false }
        var d = k + 3
        while d < e && b[d] &- 0x30 < 10 { d += 1 }
        guard d == e, e - (k + 3) == 2 || e - (k + 3) == 4 else { return false }
        var day = 0
        for c in s..<k { day = day * 10 + Int(b[c] &- 0x30) }
        return (1...31).contains(day)
    }

    /// A 24-hour clock time right before token i on the same line ("at ~2330 7/3").
    @inline(never) func clockBefore(_ i: Int) -> Bool {
        guard i > 0, !t[i].nl, t[i - 1].kind == .number, t[i - 1].e - t[i - 1].s == 4, !adjacent(i) else { return false }
        let v = intValue(i - 1)
        return v / 100 < 24 && v % 100 < 60 && (i < 2 || !punct(i - 2, 0x2D))
    }

    /// End of an identifier-shaped code starting at token i: one run without spaces of capitals, digits and
    /// inner hyphens, with at least five digits and one capital and no lower-case letter ("RQ7720314",
    /// "MO-22931847"); never after "lot"/"batch" (GUIDELINE §9) or in a decimal, a date or a range.
    @inline(never) func alphanumericCode(_ i: Int) -> Int? {
        guard t[i].flags.contains(.hasDigit) || t[i].kind == .number || t[i].flags.contains(.allUpper) else { return nil }
        var e = i
        var digits = 0, upper = 0
        while e < t.count && (e == i || adjacent(e)) {
            if t[e].kind == .punctuation {
                guard punct(e, 0x2D), e + 1 < t.count, adjacent(e + 1), t[e + 1].kind != .punctuation else { break }
                e += 1
                continue
            }
            guard t[e].kind == .word || t[e].kind == .number else { return nil }
            for c in t[e].s..<t[e].e {
                let x = b[c]
                if x &- 0x30 < 10 { digits += 1 } else if x &- 0x41 < 26 { upper += 1 } else { return nil }
            }
            e += 1
        }
        guard digits >= 5, upper >= 1, upper <= 8, e < t.count ? !adjacent(e) || t[e].kind == .punctuation && !punct(e, 0x2F) : true else { return nil }
        if i > 0, isWord(i - 1), inSet(.lotWords, t[i - 1].key) { return nil }
        if i > 1, punct(i - 1, 0x3A) || punct(i - 1, 0x23), isWord(i - 2), inSet(.lotWords, t[i - 2].key) { return nil }
        // "Enrolled in clinical trial C40502": a study's protocol number identifies no person.
        if i > 0, isWord(i - 1), inSet(.studyWords, t[i - 1].key) { return nil }
        // Session 14: "ClinicalTrials.gov NCT06622158": a trial's registry number (NCT and eight digits) identifies a study.
        if digits == 8 && upper == 3 && t[i].e - t[i].s == 3 && b[t[i].s] == 0x4E && b[t[i].s + 1] == 0x43 && b[t[i].s + 2] == 0x54 { return nil }
        return e
    }

    /// A year between a word or bracket and a clause end: "Tetanus last 2016.", "(DECEASED 2011)".
    func yearByShape(_ i: Int) -> Bool {
        guard i > 0, !t[i].nl else { return false }
        // Session 13: "(criminal damaging, 2022)": after a word and a comma, closing the bracket.
        if punct(i - 1, 0x2C) { return i >= 2 && isWord(i - 2) && punct(i + 1, 0x29) && adjacent(i + 1) }
        // Session 13: "(triple therapy) 2021,", "weekly x 12) 2024.": after a closing bracket and a space, as after a word.
        guard isWord(i - 1) || punct(i - 1, 0x28) || (punct(i - 1, 0x29) && !adjacent(i)) else { return false }
        if i + 1 >= t.count || t[i + 1].nl { return true }
        // Session 13: "grommets (2013 and 2015, ...)": the first of two years joined by `and`/`or` in a bracket.
        if punct(i - 1, 0x28), i + 2 < t.count, isWord(i + 1), t[i + 1].key == K.and || t[i + 1].key == K.or, !t[i + 2].nl,
            t[i + 2].kind == .number, t[i + 2].e - t[i + 2].s == 4, (1900...2099).contains(intValue(i + 2))
        { return true }
        let n = t[i + 1]
        guard n.kind == .punctuation, n.e - n.s == 1 else { return false }
        let c = b[n.s]
        if c == 0x2E && i + 2 < t.count && adjacent(i + 2) && t[i + 2].kind == .number { return false }
        return c == 0x2E || c == 0x2C || c == 0x3B || c == 0x29
    }

    /// IPv6 (`2001:db8::1`, with an optional `:port`-free form): hex groups and at least two colons,
    /// with `::` or seven colons.
    /// ``ipv6(_:)`` reads hex digits and colons from byte `s` and needs two colons: its first two bytes are each a hex
    /// digit or a colon (`fe80:`, `2001:`, `::1`). Most words and numbers fail at the second byte (`and`, `daily`,
    /// `120/80`, `7.5`); two byte tests, no loop, so that the start filters stay inline.
    @inline(__always) func ipv6MayStart(_ s: Int) -> Bool {
        guard s + 1 < b.count else { return false }
        let c = b[s + 1]
        return c == 0x3A || c &- 0x30 < 10 || (c | 0x20) &- 0x61 < 6
    }

    mutating func ipv6(_ i: Int) -> Int? {
        var k = t[i].s
        var colons = 0, double = false, hexRun = 0
        while k < b.count {
            let c = b[k]
            if c &- 0x30 < 10 || (c | 0x20) &- 0x61 < 6 {
                hexRun += 1
                if hexRun > 4 { return nil }
            } else if c == 0x3A {
                if k > t[i].s && b[k - 1] == 0x3A { double = true }
                colons += 1
                hexRun = 0
            } else {
                break
            }
            k += 1
        }
        while k > t[i].s && b[k - 1] == 0x3A && !(k >= 2 && b[k - 2] == 0x3A) { k -= 1; colons -= 1 }
        guard colons >= 2, double || colons == 7, k - t[i].s >= 6, k >= b.count || !isAlpha(b[k]) else { return nil }
        var e = i
        while e < t.count && t[e].e <= k { e += 1 }
        guard e > i, t[e - 1].e == k else { return nil }
        emit(.ipAddress, i, e, priority: 5, score: 0.9, rule: "ipv6")
        return e
    }

    /// The value of an all-digit token, or -1.
    func intValue(_ i: Int) -> Int {
        var v = 0
        for k in t[i].s..<t[i].e {
            let d = b[k] &- 0x30
            guard d < 10 else { return -1 }
            v = v * 10 + Int(d)
        }
        return v
    }

    /// `17/2`, `28/01`: a day and a month (either order), without a year.
    func dayMonth(_ j: Int) -> Int? {
        guard j + 2 < t.count, t[j].kind == .number, punct(j + 1, 0x2F), adjacent(j + 1), adjacent(j + 2), t[j + 2].kind == .number,
            t[j].e - t[j].s <= 2, t[j + 2].e - t[j + 2].s <= 2
        else { return nil }
        if j + 3 < t.count && adjacent(j + 3) && (punct(j + 3, 0x2F) || t[j + 3].kind == .number) { return nil }
        let a = intValue(j), c = intValue(j + 2)
        guard (1...31).contains(a), (1...31).contains(c), a <= 12 || c <= 12 else { return nil }
        return j + 3
    }

    // MARK: names with cues

    /// Tokens where a rule of ``cueRules(_:)`` can start: a title or weak title, a listed given name, a vocabulary
    /// phrase start (label, before, after and sign-off cues, multi-word titles), a typist cue, a relative (`kinship`) or
    /// a word of the `auxWord` sets (in-laws, `the`, plural relatives, extra cues). Every block of `cueRules` tests one
    /// of these first and the function ends with `guard t[i].ps`; a block added there that starts elsewhere must add
    /// its start here (`PHIStartFilterTests` compares the dev notes with and without this filter).
    @inline(__always) func cueRulesMayStart(_ i: Int) -> Bool {
        let tok = t[i]
        return tok.ps || tok.bits.contains(.title) || tok.bits.contains(.weakTitle) || tok.bits.contains(.firstName)
            || tok.rb.contains(.typistCue) || tok.rb.contains(.kinship) || tok.rb.contains(.auxWord)
    }

    mutating func cueRules(_ i: Int) -> Int? {
        let bits = t[i].bits
        // Titles: Dr Smith, Mrs. O'Brien, Prof J. Nguyen-Smith.
        if bits.contains(.title) || bits.contains(.weakTitle) || t[i].ps {
            var j = i + 1
            var isTitle = bits.contains(.title) || bits.contains(.weakTitle)
            let weak = bits.contains(.weakTitle) && !bits.contains(.title)
            if let (p, e) = phrase(at: i, kinds: .startsTitle, where: { $0 == .title }), p.keys.count > 1 {
                j = e
                isTitle = true
            }
            // Session 14: "ClinicalTrials.gov NCT05512094": the last label of a domain name is no title (`Gov`).
            if isTitle && !(i > 0 && adjacent(i) && punct(i - 1, 0x2E)) && (cap(i) || lowerAt(i) || capsDoc || (j == i + 1 && t[i].e - t[i].s <= 3)
                || (j < t.count && cap(j) && t[j].bits.contains(.firstName) && !t[j].bits.contains(.stopWord)))
            {
                if punct(j, 0x2E) && adjacent(j) { j += 1 }
                if j < t.count && (!t[j].nl || (softBreak(j) && cap(j) && !bits.contains(.credential) && !t[i].flags.contains(.allUpper)
                    && !punct(j + 1, 0x3A))), let e = nameRun(j, strong: !weak) {
                    let ok = !weak || (t[j].bits.isName && cap(j)
                        && (!t[j].bits.contains(.ordinaryWord) || t[j].bits.contains(.frequentFirst)
                            || (j + 1 < t.count && !t[j + 1].nl && cap(j + 1) && t[j + 1].bits.isName
                                && !t[j + 1].bits.contains(.ordinaryWord))))
                    // "Dr" before a capitalised street word is a street type ("12 Smith Dr"): handled by order.
                    if ok {
                        emitName(j, e, priority: 3, score: 0.95, rule: "name-title")
                        // "Drs Achebe and Lindgren", "Mr and Mrs Pettersen" handled by the second title.
                        if inSet(.pluralTitles, t[i].key), e + 1 < t.count, t[e].key == K.and || punct(e, 0x26), !t[e + 1].nl,
                            cap(e + 1), let e2 = nameRun(e + 1, strong: true)
                        {
                            emitName(e + 1, e2, priority: 3, score: 0.9, rule: "name-title")
                            return e2
                        }
                        return e
                    }
                } else if weak, let e = weakTitleGivenUnlistedSurname(j) {
                    emitName(j, e, priority: 3, score: 0.85, rule: "name-title")
                    return e
                } else if !weak, j < t.count, !t[j].nl, isWord(j), !cap(j), !capsDoc, t[j].e - t[j].s >= 3,
                    !t[j].flags.contains(.hasDigit),
                    // "dr smith aware": an ordinary or stop-listed word only when it is a frequent surname, not a room
                    // word ("dr ward round"), a month or an eponym's instrument or sign ("smith fracture").
                    (!t[j].bits.contains(.ordinaryWord) && !t[j].bits.contains(.stopWord))
                        || (t[j].bits.contains(.frequentLast) && !verbForm(j) && !t[j].rb.contains(.monthName) && !eponymFollows(j + 1)
                            && !inSet(.wardWords, t[j].key)),
                    !t[j].bits.contains(.drugWord), !t[j].bits.contains(.credential), !t[j].bits.contains(.title)
                {
                    // "paged dr okonjo": after a title, a lower-case word outside the ordinary-word and stop lists.
                    // "dr mary-rose pillai": a hyphenated given name and a listed surname after it.
                    var e = j + 1
                    if punct(e, 0x2D) && adjacent(e) && e + 1 < t.count && adjacent(e + 1) && isWord(e + 1) && !cap(e + 1)
                        && !t[e + 1].flags.contains(.hasDigit)
                    {
                        e += 2
                        if e < t.count, !t[e].nl, isWord(e), !cap(e), t[e].bits.contains(.lastName), !t[e].bits.contains(.ordinaryWord),
                            !t[e].bits.contains(.stopWord), !t[e].bits.contains(.credential)
                        { e += 1 }
                    }
                    emitName(j, e, priority: 3, score: 0.8, rule: "name-title")
                    return e
                }
            }
        }
        if t[i].rb.contains(.typistCue), isWord(i), let e = typistInitials(i) { return e }
        if t[i].rb.contains(.kinship) || t[i].rb.contains(.auxWord) || t[i].bits.contains(.firstName), let e = extraNameCues(i) { return e }
        // "wife lan visiting": a lower-case given name that is also a word, before a person-shaped follower.
        if t[i].rb.contains(.kinship), let end = kinshipLowerWordName(i) { return end }
        // "wife soon-ja", "son Min-jun Park": a hyphenated Korean or Chinese given name after a relative.
        if t[i].rb.contains(.kinship), i + 3 < t.count, !t[i + 1].nl, punct(i + 2, 0x2D), let end = hyphenatedGivenNameRun(i + 1) {
            emitName(i + 1, end, priority: 3, score: 0.8, rule: "name-cue-relative")
            return end
        }
        if t[i].rb.contains(.kinship) || (t[i].rb.contains(.auxWord) && inLaw(i)), !t[i].ps || phrase(at: i, kinds: .startsCue, where: { _ in true }) == nil, i + 1 < t.count, !t[i + 1].nl, cap(i + 1) || lowerGivenName(i + 1),
            !(t[i + 1].bits.contains(.ordinaryWord) && !t[i + 1].bits.isName), !t[i + 1].bits.contains(.title),
            // Session 14: "FHX: FATHER MI AGE 52", "mother CVA": a diagnosis abbreviation in capitals after a relative is
            // the relative's condition ("wife Mi rang" in mixed case stays a name).
            !historyAbbreviation(i + 1),
            // "wife jenny rang": a lower-case given name in a mixed-case note is one word.
            let end = cap(i + 1) || lowerCuedName(i + 1) ? nameRun(i + 1, strong: true, maxWords: 3) : i + 2
        {
            emitName(i + 1, end, priority: 3, score: 0.8, rule: "name-cue-relative")
            return end
        }
        guard t[i].ps else { return nil }
        // Label, before, sign-off and after cues.
        if let (p, e) = phrase(at: i, kinds: .startsCue, where: {
            switch $0 {
            case .labelCue, .beforeCue, .signOff, .afterCue: true
            default: false
            }
        }) {
            switch p.kind {
            case .labelCue(let role):
                guard punct(e - 1, 0x3A) else { return nil }
                return labelName(e, role: role)
            case .beforeCue(let role):
                var j = e
                if punct(j, 0x3A) { j += 1 }
                // Session 14: "Partner (gestational carrier for transfer): Lauren Okafor-Briggs": a bracketed aside between
                // a relative cue and the colon of its label.
                if role == .relative, punct(j, 0x28), let c = asideBeforeColon(j) { return labelName(c, role: role) }
                // Session 6: `preferred name "Les"`: an opening quote before the name.
                if punct(j, 0x22) && j + 1 < t.count && adjacent(j + 1) { j += 1 }
                guard j < t.count, !t[j].nl || role == .relative || softBreak(j) else { return nil }
                if t[i].key == K.dear, let end = nameRun(j, strong: true) {
                    emitName(j, end, priority: 3, score: 0.9, rule: "name-salutation")
                    return end
                }
                // A title handles itself.
                if t[j].bits.contains(.title) { return nil }
                // Session 12: "pastor bro. king": a kinship word or another cue after a role is no name.
                if role == .clinician && (t[j].rb.contains(.kinship) || (t[j].ps && phrase(at: j, kinds: .startsCue, where: { _ in true }) != nil)) {
                    return nil
                }
                // Kinship words ("wife Maureen", "brother oskar"): any listed or unknown name.
                if role == .relative {
                    // "His wife, Simone, is ...", "Daughter (Marisol) present", "Her husband is Raymond.":
                    // one name set off by commas or brackets, or after "is"/"was" at a clause end.
                    if j + 2 < t.count && !t[j + 1].nl && cap(j + 1) && !t[j + 1].bits.contains(.stopWord)
                        && !t[j + 1].bits.contains(.title) && !(t[j + 1].bits.contains(.ordinaryWord) && !t[j + 1].bits.contains(.firstName))
                        // "(son, EPOA)": an acronym in a mixed-case note is a role, not a name.
                        && (capsDoc || !t[j + 1].flags.contains(.allUpper))
                        && ((punct(j, 0x2C) && punct(j + 2, 0x2C)) || (punct(j, 0x28) && punct(j + 2, 0x29))
                            || ((t[j].key == K.is || t[j].key == K.was) && t[j + 1].bits.contains(.firstName) && asideEnd(j + 2)))
                    {
                        emitName(j + 1, j + 2, priority: 3, score: 0.8, rule: "name-cue-relative")
                        return j + 2
                    }
                    // "His neighbor, Stan Hill, will drive him": a two- or three-word name between commas.
                    if punct(j, 0x2C), j + 2 < t.count, !t[j + 1].nl, cap(j + 1), t[j + 1].bits.contains(.firstName),
                        !t[j + 1].bits.contains(.stopWord), let end = nameRun(j + 1, strong: true, maxWords: 3), end >= j + 3,
                        punct(end, 0x2C) || asideEnd(end)
                    {
                        emitName(j + 1, end, priority: 3, score: 0.8, rule: "name-cue-relative")
                        return end
                    }
                    let bj = t[j].bits
                    // "the Aboriginal Interpreter Service", "Carers Support Group": a capitalised cue inside a run of
                    // capitalised words (after an ordinary word that is no possessive) is part of a proper name.
                    if cap(i) && i > 0 && cueInsideProperName(i) { return nil }
                    // "daughter may and grandson tanner (16)": in a lower-case note a stop-listed given name takes this path too.
                    if !cap(j), !(lowerCuedName(j) && bj.isName && !bj.contains(.ordinaryWord) && !bj.contains(.stopWord)), !lowerGivenName(j),
                        let end = lowerWordGivenName(j)
                    {
                        emitName(j, end, priority: 3, score: 0.7, rule: "name-cue-relative-lower")
                        return end
                    }
                    guard cap(j) || (lowerCuedName(j) && bj.isName && !bj.contains(.ordinaryWord)) || lowerGivenName(j),
                        !(bj.contains(.ordinaryWord) && !bj.isName), !bj.contains(.drugWord), !historyAbbreviation(j),
                        // Session 14: "son Thomas Kennedy": an eponym given name before a surname.
                        !bj.contains(.eponym) || (bj.contains(.firstName) && roleGivenSurname(j) != nil)
                            || (t[j].base == t[j].key && (asideEnd(j + 1) || (punct(j + 1, 0x28) && ageNumber(j + 2))
                            // Session 6: "son Graham lives in Whyalla": a lower-case word that is no eponym's follower.
                            || (j + 1 < t.count && !t[j + 1].nl && isWord(j + 1) && !cap(j + 1) && !eponymFollows(j + 1)))),
                        let end = cap(j) || lowerCuedName(j) ? nameRun(j, strong: true, maxWords: 3) : j + 1
                    else { return nil }
                    emitName(j, end, priority: 3, score: 0.85, rule: "name-cue-relative")
                    return end
                }
                // "prefers to be called lily", "goes by Rusty": a naming cue vouches for a stop-listed given name.
                if role == .patient, let last = p.keys.last, inSet(.namingCueEnds, last), namingCueName(j) {
                    let end = nameRun(j, strong: true, maxWords: 2) ?? (j + 1)
                    emitName(j, end, priority: 3, score: 0.8, rule: "name-cue-patient")
                    return end
                }
                // "social worker joy to call", "hha precious:": a lower-case given name that is also a word after a role;
                // not after a cue that also introduces complaints and regimens ("c/o abdo pain", "per protocol").
                if role == .clinician, !cap(j), let last = p.keys.last, !inSet(.weakPersonCueEnds, last),
                    let end = roleLowerWordName(i, j)
                { return end }
                // "d/w Grace at reception": a stop-listed given name after a clinician cue, before a lower-case word.
                if role == .clinician, stopListedGivenName(j), !t[j].bits.contains(.ordinaryWord), j + 1 < t.count, !t[j + 1].nl, !cap(j + 1),
                    isWord(j + 1) || punct(j + 1, 0x2C)
                {
                    emitName(j, j + 1, priority: 3, score: 0.75, rule: "name-cue-clinician")
                    return j + 1
                }
                // Session 12: "AIN Faith Ogunleye", "nurse unit manager Georgia Tan", "PASTOR GRACE ENGEBRETSON": after a
                // role, a given name that is also a word or a place before a capitalised surname.
                if role == .clinician, cap(j), !t[j].bits.isDisjoint(with: [.stopWord, .ordinaryWord, .placeWord]), let end = roleGivenSurname(j, givenSurname: true) {
                    emitName(j, end, priority: 3, score: 0.8, rule: "name-cue-role")
                    return end
                }
                // Session 13: "spoke to kirsty at the pharmacy", "discussed with tamsin": in a lower-case line of a mixed-case note a
                // listed given name after a clinician cue that is no weak cue (`per`, `called`) reads as in a lower-case note.
                let lowerLine = !cap(j) && !lowerDoc && role == .clinician && t[j].bits.contains(.firstName)
                    && !inSet(.weakPersonCueEnds, p.keys[p.keys.count - 1])
                guard cap(j) || lowerCuedName(j), t[j].bits.isName, !t[j].bits.contains(.stopWord) || cap(j + 1),
                    let end = nameRun(j, strong: lowerLine, maxWords: lowerLine ? 3 : 4)
                else {
                    // Session 6: a login after "user" ("user jtrinh", "user rvasquez2").
                    // "signed kmaxwell2 rn": a login with digits or before a credential after any person cue.
                    // Session 15: "LOGIN: SPETTIGREW": in capitals after a login cue.
                    if !upperInitial(j) || t[j].flags.contains(.allUpper), let end = loginAfterUserCue(j, afterCue: true) { return end }
                    // Session 6: initials before a surname ("seen by J.P. Walsh", "examined by JP Walsh").
                    if upperInitial(j), let end = initialsNameAfterCue(j) {
                        emitName(j, end, priority: 3, score: 0.8, rule: "name-cue-initials")
                        return end
                    }
                    // Session 5: an unlisted capitalised name ("spoke to Ngaire", "verified by Juhani Korhonen").
                    if !inSet(.weakPersonCueEnds, p.keys[p.keys.count - 1]), let end = unlistedNameAfterCue(j) {
                        emitName(j, end, priority: 3, score: 0.75, rule: "name-cue-unlisted")
                        return end
                    }
                    return nil
                }
                if !(end - j >= 2 || !t[j].bits.contains(.ordinaryWord)) { return nil }
                // Session 12: "under Russian occupation", "per Polish guidelines": a language or nationality word alone
                // is no surname.
                if end == j + 1 && inSet(.languages, t[j].key) { return nil }
                // Session 6: "contact Janelle Price", "Health Worker Tyson Bell": after a cue, a listed surname that is
                // also a word or an eponym belongs to the given name.
                let full = end == j + 1 ? cueSurnameEnd(end) : end
                emitName(j, full, priority: 3, score: 0.85, rule: "name-cue-" + roleName(role))
                return full
            case .signOff:
                var j = e
                if punct(j, 0x2C) || punct(j, 0x2D) { j += 1 }
                guard j < t.count else { return nil }
                if t[j].bits.contains(.title) || t[j].bits.contains(.weakTitle) { return nil }
                guard let end = nameRun(j, strong: true) else { return signOffInitials(j) }
                // "Thanks, Niamh": on the same line only when the name ends the line; without the comma
                // ("Thanks Kiri") only when the sign-off also starts the line.
                let endsLine = end >= t.count || t[end].nl || (punct(end, 0x2E) && (end + 1 >= t.count || t[end + 1].nl))
                if !t[j].nl && !((punct(e, 0x2C) || punct(e - 1, 0x2C) || punct(e, 0x2D) || t[i].nl || i == 0) && endsLine) {
                    return nil
                }
                emitName(j, end, priority: 3, score: 0.9, rule: "name-signoff")
                return end
            case .afterCue:
                // "Baltimore, MD 21229", "Bethlehem, PA 18015": a state code before a ZIP ends an address, it is no
                // credential after a name.
                if t[i].bits.contains(.stateAbbr), t[i].flags.contains(.allUpper), e < t.count, !t[e].nl, t[e].kind == .number,
                    t[e].e - t[e].s == 5
                { return nil }
                // "(NOK)" after a name: look back.
                // "Stage II", "Grade III", "Type II": a suffix after one ordinary word is a classification; so it is
                // after one eponym ("Tanner III male", "Denver II normal", session 12).
                // Session 12: "NYHA Class III", "Tanner Stage IV": after a classification word it is the class, whatever
                // comes before the word.
                if let s = nameBefore(i),
                    !(inSet(.suffixCues, t[i].key) && s + 1 >= i - (punct(i - 1, 0x2C) ? 1 : 0)
                        && (t[s].bits.contains(.ordinaryWord) || t[s].bits.contains(.eponym))),
                    !(inSet(.suffixCues, t[i].key) && isWord(i - 1) && inSet(.classificationWords, t[i - 1].key)),
                    afterCueNamesPerson(i, s)
                {
                    emitName(s, i, priority: 3, score: 0.85, rule: "name-after-cue")
                    // "Ahmed and Fatima (parents)": the first name of a pair.
                    if s >= 2, t[s - 1].key == K.and || punct(s - 1, 0x26), !t[s].nl, let s2 = nameBefore(s - 1), s2 < s - 1 {
                        emitName(s2, s - 1, priority: 3, score: 0.8, rule: "name-after-cue")
                    }
                }
                return e
            default:
                return nil
            }
        }
        return nil
    }

    /// Session 12: whether the after cue at i (a credential or suffix) makes the words from s a person's name. Not
    /// `do` as a verb (`Parents do smoke`, `HOW DO I KNOW`: the credential D.O. is written in capitals, and in capitals
    /// after a comma); not a Roman numeral after anything but a given name and a surname (`Denver II`, `See Denver
    /// II`: a test, a stage, a class); not a lone known town before a state code that is also a credential
    /// (`Hagerstown, MD`, `Erie, PA`: an address; `Dr. Erie, MD` keeps its title).
    @inline(never) func afterCueNamesPerson(_ i: Int, _ s: Int) -> Bool {
        let comma = punct(i - 1, 0x2C)
        if t[i].key == K.do {
            guard t[i].flags.contains(.allUpper) else { return false }
            if (capsDoc || t[i - 1].flags.contains(.allUpper)) && !comma { return false }
        }
        if romanNumeral(i) && !(i - s >= 2 && t[s].bits.contains(.firstName) && !t[s].bits.contains(.ordinaryWord)) { return false }
        if comma, s == i - 2, t[i].bits.contains(.stateAbbr), !(s > 0 && (t[s - 1].bits.contains(.title) || punct(s - 1, 0x2E))),
            t[s].ps, phrase(at: s, kinds: .startsPlace, where: { _ in true }) != nil
        { return false }
        return true
    }

    /// Session 12: after a role cue, a listed given name at j that is also a word or a place (`Faith`, `Georgia`, `GRACE`)
    /// and a surname written in the same case on the same line: a listed surname that is no stop-listed word, title,
    /// credential or street type (`Tan`), or a word in no list (`Ogunleye`); a hyphenated second part joins it. Not
    /// before an organisation, facility or street word (`Georgia Tech`, `Grace Hospital`). The end, or nil.
    @inline(never) func roleGivenSurname(_ j: Int, givenSurname: Bool = false) -> Int? {
        guard j + 1 < t.count, isWord(j), !t[j + 1].nl, isWord(j + 1), cap(j + 1), t[j].e - t[j].s >= 3, t[j + 1].e - t[j + 1].s >= 2,
            t[j].flags.contains(.allUpper) == t[j + 1].flags.contains(.allUpper), !t[j + 1].flags.contains(.hasDigit), adjacent(j + 1) || t[j + 1].s - t[j].e == 1
        else { return nil }
        let g = t[j].bits
        // Session 14: a frequent given name held as an eponym (`nurse Kelly Tran`) when it is written as a name.
        guard g.contains(.firstName), g.isDisjoint(with: [.drugWord, .title, .weakTitle, .credential]), !g.contains(.eponym) || eponymGivenName(j),
            !t[j].rb.contains(.monthName), !t[j].rb.contains(.weekday)
        else { return nil }
        let s = t[j + 1].bits
        guard s.isDisjoint(with: [.stopWord, .title, .weakTitle, .credential, .streetType, .unitWord, .stateAbbr, .drugWord, .eponym]),
            s.contains(.lastName) || (!s.isName && !s.contains(.ordinaryWord) && !s.contains(.placeWord) && t[j + 1].e - t[j + 1].s >= 3)
                // Session 15: "case manager Brooke Tamati": after a role cue the surname may be a listed given name only.
                || (givenSurname && s.contains(.firstName) && !s.contains(.ordinaryWord) && !s.contains(.placeWord) && t[j + 1].e - t[j + 1].s >= 3),
            !t[j + 1].rb.contains(.monthName), !t[j + 1].rb.contains(.weekday)
        else { return nil }
        // Session 14: after an eponym given name, never a service or an organisation's word (`Allen Police`).
        if g.contains(.eponym) && (t[j + 1].rb.contains(.orgSuffix)
            || inSet(.emergencyServices, t[j + 1].key) || inSet(.governmentServiceWords, t[j + 1].key))
        { return nil }
        var end = j + 2
        if punct(end, 0x2D), adjacent(end), end + 1 < t.count, adjacent(end + 1), isWord(end + 1), cap(end + 1), !t[end + 1].flags.contains(.hasDigit) {
            end += 2
        }
        if end < t.count, !t[end].nl, isWord(end) {
            if t[end].bits.contains(.streetType) || t[end].rb.contains(.orgSuffix) { return nil }
            if t[end].ps, phrase(at: end, kinds: [.startsFacilityAfter, .startsOrganization], where: { _ in true }) != nil { return nil }
        }
        if t[j].ps, phrase(at: j, kinds: [.startsPlace, .startsOrganization], where: { _ in true }).map({ $0.1 > j + 1 }) == true { return nil }
        return end
    }

    /// "daughter-in-law Priya": the last token of a hyphenated in-law word.
    @inline(never) func inLaw(_ i: Int) -> Bool {
        i >= 4 && t[i].key == K.law && punct(i - 1, 0x2D) && adjacent(i) && adjacent(i - 1) && t[i - 2].key == K.in
            && punct(i - 3, 0x2D) && adjacent(i - 2) && adjacent(i - 3) && t[i - 4].rb.contains(.kinship)
    }

    /// A relative's given name set off after a kinship word: "His girlfriend, Shayla, is due", "Mother (Brenda, 58)".
    @inline(never) mutating func kinshipAside(_ i: Int) -> Int? {
        guard t[i].rb.contains(.kinship) || (t[i].rb.contains(.auxWord) && inLaw(i)), i + 2 < t.count, punct(i + 1, 0x2C) || punct(i + 1, 0x28), !t[i + 2].nl,
            cap(i + 2) || lowerGivenName(i + 2), t[i + 2].bits.contains(.firstName) || !t[i + 2].bits.contains(.ordinaryWord),
            // "(son, EPOA)": an acronym in a mixed-case note is a role, not a name.
            capsDoc || !t[i + 2].flags.contains(.allUpper),
            !t[i + 2].bits.contains(.stopWord), !t[i + 2].bits.contains(.title), !t[i + 2].bits.contains(.drugWord),
            let end = nameRun(i + 2, strong: true, maxWords: 3)
        else { return nil }
        let closes = punct(i + 1, 0x28) ? (punct(end, 0x29) || punct(end, 0x2C)) : (punct(end, 0x2C) || asideEnd(end))
        guard closes else { return nil }
        emitName(i + 2, end, priority: 3, score: 0.8, rule: "name-cue-relative")
        if punct(i + 1, 0x28) && punct(end, 0x2C) && ageNumber(end + 1) && punct(end + 2, 0x29) {
            emitAgeToken(end + 1, rule: "age-after-name")
            return end + 2
        }
        return end
    }

    /// Given names after a plural kinship word: "two friends, Zac and Ellie", "daughters Amy and Jess".
    @inline(never) mutating func pluralKinNames(_ i: Int) -> Int? {
        guard isWord(i), inSet(.pluralKin, t[i].key) else { return nil }
        var j = i + 1
        if punct(j, 0x2C) || punct(j, 0x3A) || punct(j, 0x28) { j += 1 }
        var names: [(Int, Int)] = []
        var ages: [Int] = []
        while j < t.count && !t[j].nl && names.count < 6 {
            guard cap(j) || lowerGivenName(j), t[j].bits.contains(.firstName) || !t[j].bits.contains(.ordinaryWord),
                !t[j].bits.contains(.stopWord), !t[j].bits.contains(.title), let end = nameRun(j, strong: true, maxWords: 3)
            else { break }
            names.append((j, end))
            j = end
            // "Children Kahu (7) and Manaia (4)": an age in brackets after each name.
            if punct(j, 0x28) && ageNumber(j + 1) && punct(j + 2, 0x29) { j += 3 }
            // Session 6: "children (Kai 12, Leia 9)": an age right after each name.
            // Session 20: "Kids: Isaac 17, Matilda 14.": or the sentence end after the last.
            else if j + 1 < t.count && !t[j].nl && ageNumber(j, sentenceEnd: true) && t[j].e - t[j].s <= 2
                && (punct(j + 1, 0x2C) || punct(j + 1, 0x29) || t[j + 1].key == K.and || punct(j + 1, 0x26)
                    || ((punct(j + 1, 0x2E) || punct(j + 1, 0x3B)) && asideEnd(j + 1)))
            {
                ages.append(j)
                j += 1
            }
            if punct(j, 0x2C) && j + 1 < t.count && t[j + 1].key == K.and { j += 2 }
            else if punct(j, 0x2C) || (isWord(j) && t[j].key == K.and) || punct(j, 0x26) { j += 1 }
            else { break }
        }
        guard names.count >= 2 else { return nil }
        for (s, e) in names { emitName(s, e, priority: 3, score: 0.75, rule: "name-cue-relatives") }
        for k in ages { emitAgeToken(k, rule: "age-after-relative") }
        return names.last!.1
    }

    /// Session-3 name cues (relatives set off by commas or brackets, "the Nguyen family", a given name with
    /// ", his case manager", plural relatives before a list of names), out of line to keep `cueRules` small.
    @inline(never) mutating func extraNameCues(_ i: Int) -> Int? {
        if t[i].rb.contains(.kinship) || t[i].rb.contains(.auxWord), let e = kinshipAside(i) { return e }
        // "The Nguyen family visited": a surname between "the" and "family".
        if t[i].rb.contains(.auxWord), t[i].key == K.the, i + 2 < t.count, !t[i + 1].nl, cap(i + 1), t[i + 1].bits.contains(.lastName),
            !t[i + 1].bits.contains(.stopWord), !t[i + 1].bits.contains(.eponym), t[i + 2].key == K.family || t[i + 2].key == K.household
        {
            emitName(i + 1, i + 2, priority: 3, score: 0.75, rule: "name-family")
            return i + 2
        }
        // "Pt seen with Jason, his case manager": a given name, a comma and a possessive role or relation.
        if cap(i), t[i].bits.contains(.firstName), !t[i].bits.contains(.ordinaryWord), !t[i].bits.contains(.stopWord),
            !t[i].bits.contains(.title), !covered[i], let end = nameRun(i, strong: true, maxWords: 3), end + 2 < t.count,
            punct(end, 0x2C), !t[end + 1].nl, inSet(.possessives, t[end + 1].key) || t[end + 1].key == K.the,
            t[end + 2].rb.contains(.kinship) || inSet(.roleWords, t[end + 2].key)
                || (t[end + 2].ps && phrase(at: end + 2, kinds: .startsProfession, where: { $0 == .profession }) != nil)
        {
            emitName(i, end, priority: 3, score: 0.75, rule: "name-appositive-role")
            return end
        }
        if t[i].rb.contains(.auxWord), let e = pluralKinNames(i) { return e }
        return nil
    }

    /// Session-3 address and organisation rules (counties, family firms), out of line to keep `addressRules` small.
    @inline(never) mutating func extraAddressRules(_ i: Int) -> Int? {
        // "Cook County", "Orleans Parish": a county.
        if i + 1 < t.count, t[i + 1].rb.contains(.auxWord), cap(i), !t[i].bits.contains(.title), !t[i + 1].nl, cap(i + 1),
            inSet(.countyWords, t[i + 1].key),
            !inSet(.genericOrgWords, t[i].key),
            // Session 14: "Sacred Heart Croatian Catholic Parish", "Maronite Parish": a church's parish, no county.
            !inSet(.congregationWords, t[i].key)
        {
            // Session 18: "Sacred Heart Parish", "St. Gerard Majella Parish": a church's parish is an organisation.
            if inSet(.congregationWords, t[i + 1].key), let s = churchParishStart(i) {
                emit(options.facilityType, s, i + 2, priority: 3, score: 0.7, rule: "organization-church-parish")
                return i + 2
            }
            emit(.address, i, i + 2, priority: 3, score: 0.75, rule: "address-county")
            return i + 2
        }
        // "Pettigrew & Sons Roofing", "Smith Bros": a family business.
        if i + 2 < t.count, t[i + 2].rb.contains(.auxWord), cap(i), !covered[i], punct(i + 1, 0x26) || t[i + 1].key == K.and,
            !t[i + 2].nl, cap(i + 2), inSet(.familyFirmWords, t[i + 2].key)
        {
            var s = i
            while s > 0 && !t[s].nl && cap(s - 1) && !t[s - 1].bits.contains(.title) && !inSet(.capsBreakWords, t[s - 1].key)
                && !inSet(.genericOrgWords, t[s - 1].key) && i - s < 3 { s -= 1 }
            var e = i + 3
            while e < t.count && !t[e].nl && cap(e) && e - i < 7 { e += 1 }
            emit(options.facilityType, s, e, priority: 3, score: 0.7, rule: "organization-family-firm")
            return e
        }
        return nil
    }

    /// An occupation phrase starts at token e on the same line ("HIGH SCHOOL LIBRARIAN").
    @inline(never) func occupationStarts(_ e: Int) -> Bool {
        e < t.count && !t[e].nl && t[e].ps && phrase(at: e, kinds: .startsProfession, where: { $0 == .profession }) != nil
    }

    /// The end of a known place at token k that closes its clause ("ST. LUKE'S EPISCOPAL, HOUSTON"), or nil.
    @inline(never) func knownPlaceAfterComma(_ k: Int) -> Int? {
        // Session 15: the place may open the next line when the comma ends the line above ("CABG AT MERCY MEDICAL CENTER,"
        // / "CEDAR RAPIDS (LIMA-LAD)": wrapped text).
        guard k < t.count, !t[k].nl || (k > 0 && punct(k - 1, 0x2C) && !t[k - 1].nl), cap(k) || lowerAt(k), t[k].ps, let (_, pe) = phrase(at: k, kinds: .startsPlace, where: { $0 == .place }),
            // (Session 11: or a branch's store number, "Chemmart Drummoyne #2214".)
            pe >= t.count || t[pe].nl || t[pe].kind == .punctuation || punct(pe, 0x23)
        else { return nil }
        return pe
    }

    /// A lower-case given name right after a kinship word in a note that is not ALL CAPS ("grandson mateo",
    /// "sister carmen"): listed as a first name, not an ordinary, stop-listed, drug or eponym word.
    @inline(never) func lowerGivenName(_ k: Int) -> Bool {
        guard !capsDoc, isWord(k), !cap(k), t[k].e - t[k].s >= 3, !t[k].flags.contains(.hasDigit) else { return false }
        let bits = t[k].bits
        return bits.contains(.firstName) && !bits.contains(.ordinaryWord) && !bits.contains(.stopWord) && !bits.contains(.drugWord)
            && !bits.contains(.eponym) && !bits.contains(.title)
    }

    func roleName(_ r: PHIPhraseKind.Role) -> String {
        switch r {
        case .patient: "patient"
        case .clinician: "clinician"
        case .relative: "relative"
        }
    }

    /// The name after a `Label:` on the same line (titles skipped; `Smith, John` kept whole).
    mutating func labelName(_ start: Int, role: PHIPhraseKind.Role) -> Int? {
        var j = start
        guard j < t.count, !t[j].nl else { return nil }
        if t[j].bits.contains(.title) || t[j].bits.contains(.weakTitle) {
            j += 1
            if punct(j, 0x2E) { j += 1 }
        }
        guard j < t.count, !t[j].nl else { return nil }
        // `Preferred name: "Pepe"`: an opening quote before a name of one to three words that a closing quote ends
        // (`CC: "I can't sleep and ..."` is a quoted complaint, not a name).
        if punct(j, 0x22) && j + 2 < t.count && adjacent(j + 1) && !t[j + 1].nl {
            var q = j + 2
            while q < t.count && q <= j + 4 && !t[q].nl && isWord(q) { q += 1 }
            if punct(q, 0x22) && adjacent(q) && !t[q].nl { j += 1 }
        }
        // Session 11: "cc: Chemmart Drummoyne #2214": a known organisation after the label is no person.
        if j == start, t[j].rb.contains(.startsOrganization), knownOrganization(j) != nil { return nil }
        // "Verified: NA", "Checked: nil": a short value, not a name.
        if t[j].rb.contains(.shortWord) && inSet(.notInitials, t[j].key) && (j + 1 >= t.count || t[j + 1].nl || !isWord(j + 1)) { return nil }
        // Session 5: "client: anau, elizabeth" in a lower-case note: an unknown surname, a comma and a listed given name.
        if isWord(j), !cap(j), !t[j].bits.contains(.ordinaryWord), t[j].e - t[j].s >= 3, punct(j + 1, 0x2C), j + 2 < t.count,
            !t[j + 2].nl, isWord(j + 2), t[j + 2].bits.contains(.firstName), !t[j + 2].bits.contains(.ordinaryWord)
        {
            var end = j + 3
            while end < t.count && !t[end].nl && end - j < 5 && isWord(end) && t[end].bits.contains(.firstName) && !t[end].bits.contains(.ordinaryWord) { end += 1 }
            emitName(j, end, priority: 3, score: 0.8, rule: "name-label-" + roleName(role))
            return end
        }
        // Session 12: "pt: rodriguez-pena, maria del carmen", "res: park, ji-woo": a hyphenated surname, particles between
        // given names, a hyphenated given name (after which a listed surname that is also a word may stand).
        if isWord(j), !cap(j), let end = lowerInvertedName(j) {
            emitName(j, end, priority: 3, score: 0.8, rule: "name-label-" + roleName(role))
            return end
        }
        // "Patient location verified: San Marcos, TX.": a known place and its state code (not a credential) closing the
        // clause is the address rules' locality, not a person with a post-nominal.
        if let pe = placeBeforeStateCode(j) { _ = pe; return nil }
        // "Interpreter: Dari": a language after a label is no name.
        if isWord(j) && inSet(.languages, t[j].key) && (j + 1 >= t.count || t[j + 1].nl || !isWord(j + 1) || !cap(j + 1)) { return nil }
        guard var end = nameRun(j, strong: true) ?? ordinaryGivenBeforeSurname(j) else {
            // A user name after a staff label: "Tech: bjameson", "Entered by: kwong2"-style logins without digits.
            let len = t[j].e - t[j].s
            if role == .clinician, isWord(j), !cap(j), (5...14).contains(len), !t[j].flags.contains(.hasDigit),
                !t[j].bits.contains(.ordinaryWord), !t[j].bits.isName, vocab.bits(wordKey(b, t[j].s + 1, t[j].e)).contains(.lastName),
                j + 1 >= t.count || t[j + 1].nl || !isWord(j + 1) || cap(j + 1)
            {
                emit(.name, j, j + 1, priority: 3, score: 0.6, rule: "name-username")
                return j + 1
            }
            // Typist initials: "Transcribed: ltw", "Typed by: KJM".
            if role == .clinician, isWord(j), (2...4).contains(len), !t[j].flags.contains(.hasDigit),
                t[j].flags.contains(.allUpper) || !t[j].flags.contains(.titleCase), !t[j].bits.contains(.ordinaryWord),
                !t[j].bits.contains(.stopWord), !t[j].bits.contains(.credential), j + 1 >= t.count || t[j + 1].nl || !isWord(j + 1)
            {
                emit(.name, j, j + 1, priority: 3, score: 0.6, rule: "name-initials")
                return j + 1
            }
            return nil
        }
        // "Smith, John" / "SMITH, John A": a one-word surname, then given names.
        // Session 5: a hyphenated surname too ("Pt: AL-SAADI, Mohammed Hussein").
        if end == j + 1 || (end == j + 3 && punct(j + 1, 0x2D)), punct(end, 0x2C), end + 1 < t.count, !t[end + 1].nl, t[end + 1].bits.contains(.firstName),
            let e2 = nameRun(end + 1, strong: true, maxWords: 3)
        {
            end = e2
        } else if end == j + 1, punct(end, 0x2C), let e2 = surnameInitialBeforeRole(j) {
            // "CREW: KOWALCZYK, T. (PARAMEDIC)": a surname, its initial and a bracketed role.
            end = e2
        } else if role != .clinician, end - j <= 3, punct(end, 0x2C), let e2 = invertedGivenNames(end + 1) {
            // Session 12: "Patient: Pérez Cárdenas, Yoandri", "LEIATAUA, FALANIKO": given names no list holds.
            end = e2
        } else if punct(end, 0x2D), adjacent(end), end + 1 < t.count, adjacent(end + 1), isWord(end + 1), !t[end + 1].flags.contains(.hasDigit),
            t[end + 1].e - t[end + 1].s >= 2
        {
            // Session 12: "Client: LAU Kwok-wing": a hyphenated given name after the family name.
            end += 2
        }
        // "Parents: Hannah and Josh Whitlam".
        if end + 1 < t.count, isWord(end), t[end].key == K.and || punct(end, 0x26), !t[end + 1].nl, cap(end + 1),
            t[end + 1].bits.contains(.firstName), let e2 = nameRun(end + 1, strong: true)
        {
            emitName(j, end, priority: 3, score: 0.95, rule: "name-label-" + roleName(role))
            emitName(end + 1, e2, priority: 3, score: 0.9, rule: "name-label-" + roleName(role))
            return e2
        }
        emitName(j, end, priority: 3, score: 0.95, rule: "name-label-" + roleName(role))
        return end
    }

    /// The degree before credential i written as a two-letter upper-case state code between commas (`Hannah Oduya, MS,
    /// CGC`, `Priya Raman, MA, CCC-SLP`): its index, where the name before it ends; else nil.
    @inline(never) func degreeBeforeCredential(_ i: Int) -> Int? {
        let d = i - 2
        guard d >= 1, punct(i - 1, 0x2C), !t[i - 1].nl, !t[d].nl, isWord(d), t[d].e - t[d].s == 2, t[d].flags.contains(.allUpper),
            t[d].bits.contains(.stateAbbr), punct(d - 1, 0x2C)
        else { return nil }
        return d
    }

    /// Session 12: the given names after `Label: SURNAME,` when no list holds them (`Pérez Cárdenas, Yoandri`,
    /// `LEIATAUA, FALANIKO ("Frank")`, `Tuipulotu, Sione-Vaha`): up to three capitalised words and their hyphenated
    /// parts that are no ordinary word (a listed given name may be one), no title, credential, month, drug or known
    /// place, and that end the field: at the line end, a bracket, a comma, a semicolon, a quote or a gap of two spaces. The end, or nil.
    @inline(never) func invertedGivenNames(_ k: Int) -> Int? {
        var e = k
        while e < t.count, e - k < 5, !t[e].nl, isWord(e), cap(e), t[e].e - t[e].s >= 2, !t[e].flags.contains(.hasDigit) {
            let bits = t[e].bits
            if e > k && t[e].s - t[e - 1].e >= 2 { break }
            guard !bits.contains(.ordinaryWord) || bits.contains(.firstName),
                !bits.contains(.title), !bits.contains(.weakTitle), !bits.contains(.credential), !bits.contains(.drugWord),
                !bits.contains(.eponym), !t[e].rb.contains(.monthName), !t[e].rb.contains(.weekday), !punct(e + 1, 0x3A),
                // "Contact: Dilcia Ayala, Madera": a town after the name is its address.
                !bits.contains(.placeWord), !(t[e].ps && phrase(at: e, kinds: .startsPlace, where: { _ in true }) != nil)
            else { return nil }
            e += 1
            if punct(e, 0x2D), adjacent(e), e + 1 < t.count, adjacent(e + 1), isWord(e + 1), !t[e + 1].flags.contains(.hasDigit) { e += 2 }
        }
        guard e > k else { return nil }
        guard e >= t.count || t[e].nl || punct(e, 0x28) || punct(e, 0x2C) || punct(e, 0x3B) || punct(e, 0x22)
            || t[e].s - t[e - 1].e >= 2
        else { return nil }
        return e
    }

    /// Session 12: a lower-case `surname, given names` after a label whose surname is hyphenated or whose given name is
    /// hyphenated (`rodriguez-pena, maria del carmen`, `park, ji-woo`): the surname is a listed surname or no ordinary
    /// word, each part at least two letters; given names are listed given names (no ordinary word), hyphenated given
    /// names, and particles between them. The end, or nil.
    @inline(never) func lowerInvertedName(_ j: Int) -> Int? {
        var c = j + 1
        let hyphenated = punct(c, 0x2D) && adjacent(c) && c + 1 < t.count && adjacent(c + 1) && isWord(c + 1) && !cap(c + 1)
            && t[c + 1].e - t[c + 1].s >= 2
        if hyphenated { c += 2 }
        guard punct(c, 0x2C), c + 1 < t.count, !t[c + 1].nl, isWord(c + 1), !t[j].flags.contains(.hasDigit), t[j].e - t[j].s >= 2 else { return nil }
        let given = hyphenatedGivenName(c + 1)
        guard hyphenated || given != nil else { return nil }
        guard t[j].bits.contains(.lastName) || !t[j].bits.contains(.ordinaryWord), !t[j].bits.contains(.title), !t[j].bits.contains(.credential)
        else { return nil }
        var e = c + 1
        while e < t.count, !t[e].nl, e - c < 6, isWord(e), !cap(e) {
            if let h = hyphenatedGivenName(e) { e = h; continue }
            let bits = t[e].bits
            if bits.contains(.firstName) && !bits.contains(.ordinaryWord) && !bits.contains(.stopWord) { e += 1; continue }
            // "maria del carmen": a particle between two given names.
            if e > c + 1, inSet(.nameParticles, t[e].key), e + 1 < t.count, !t[e + 1].nl, isWord(e + 1), t[e + 1].bits.contains(.firstName),
                !t[e + 1].bits.contains(.ordinaryWord)
            { e += 2; continue }
            break
        }
        guard e > c + 1 else { return nil }
        return e
    }

    /// The first two letters (lower case) of a word of `military_base_heads` or `military_base_prefixes`: fo, ft, ca,
    /// ai, na, jo.
    /// Session 14: the first two letters of `university`, `universidad`, `college`, `institute` (`of_org_heads`).
    @inline(__always) func ofHeadLetters(_ a: UInt8, _ c: UInt8) -> Bool {
        (a == 0x75 || a == 0x69) ? c == 0x6E : a == 0x63 && c == 0x6F
    }

    /// Session 14: "University of Northern Vermont", "University of Texas Medical Branch", "College of Nursing": a
    /// capitalised head (`of_org_heads`), `of`, an optional `the` and one to five capitalised words: one ORGANIZATION
    /// (GUIDELINE §6, schools and universities). Before, the words after `of` were read as a person (`Northern
    /// Vermont`), a street (`Texas Medical Branch`) or a place (`Vermont`). Not in an all-capitals note.
    @inline(never) mutating func organisationOfName(_ i: Int) -> Int? {
        guard cap(i), !capsDoc, !t[i].flags.contains(.allUpper), inSet(.ofOrgHeads, t[i].key), i + 2 < t.count, !t[i + 1].nl,
            t[i + 1].key == K.of,
            // A capitalised word before the head belongs to a longer name the other rules read ("Baylor College of Medicine").
            t[i].nl || i == 0 || !(isWord(i - 1) && cap(i - 1)) || t[i - 1].key == K.the
        else { return nil }
        var e = i + 2
        if e < t.count && !t[e].nl && t[e].key == K.the { e += 1 }
        var end = -1
        while e < t.count && e - i <= 7 && !t[e].nl && isWord(e) && cap(e) && !t[e].bits.contains(.title)
            && !t[e].rb.contains(.monthName)
        {
            e += 1
            end = e
        }
        guard end > 0 else { return nil }
        for q in i..<end where covered[q] { return nil }
        emit(options.facilityType, i, end, priority: 3, score: 0.7, rule: "organization-head-of-name")
        return end
    }

    /// Session 14: the first two letters of a congregation's leading word (`congregation_leads`: iglesia, igreja, parroquia,
    /// capilla, masjid, gurdwara, ministerio), tested before the set lookup.
    @inline(__always) func congregationLeadLetters(_ a: UInt8, _ c: UInt8) -> Bool {
        switch a {
        case 0x69: c == 0x67
        case 0x70, 0x63: c == 0x61
        case 0x6D: c == 0x61 || c == 0x69
        case 0x67: c == 0x75
        default: false
        }
    }

    /// Session 14: "Iglesia Bautista Gracia y Verdad", "iglesia bautista emanuel" (a lower-case line), "Masjid Al-Noor",
    /// "Parroquia San José": a congregation's leading word (`congregation_leads`) and one to five capitalised words (lower
    /// case in a lower-case line), with Spanish, Portuguese and Arabic joining words between them (`y`, `de`, `del`, `la`,
    /// `da`, `do`, `al`, `el`): one ORGANIZATION (GUIDELINE §6, a named church or mosque). The given names and surnames in
    /// it (`Bautista`, `Gracia`, `Emanuel`) were read as a person.
    @inline(never) mutating func congregationAfterLead(_ i: Int) -> Int? {
        guard (cap(i) || lowerAt(i)) && !capsDoc, inSet(.congregationLeads, t[i].key) else { return nil }
        let lower = !cap(i)
        var e = i + 1, end = -1
        while e < t.count && e - i <= 8 && !t[e].nl && !covered[e] {
            if isWord(e) && (lower ? lowerAt(e) && !t[e].bits.contains(.ordinaryWord) && !verbForm(e) : cap(e))
                && !t[e].bits.contains(.title) && !t[e].rb.contains(.monthName) && !inSet(.functionWords, t[e].key)
            {
                e += 1
                end = e
                // "Masjid Al-Noor": a hyphen inside the name.
                if punct(e, 0x2D), adjacent(e), e + 1 < t.count, adjacent(e + 1), isWord(e + 1) { e += 2; end = e }
            } else if isWord(e) && !cap(e) && end > 0 && inSet(.congregationJoiners, t[e].key) {
                e += 1
            } else {
                break
            }
        }
        guard end > i + 1 else { return nil }
        for q in i..<end where covered[q] { return nil }
        emit(options.facilityType, i, end, priority: 3, score: 0.7, rule: "organization-congregation-lead")
        return end
    }

    @inline(__always) func militaryBaseLetters(_ a: UInt8, _ c: UInt8) -> Bool {
        switch a {
        case 0x66: c == 0x6F || c == 0x74
        case 0x63: c == 0x61 || c == 0x6F
        case 0x6E: c == 0x61
        case 0x6C: c == 0x73
        case 0x61: c == 0x69
        case 0x6A: c == 0x6F
        default: false
        }
    }

    /// A name ending just before token i (credentials, `(NOK)`), on the same line.
    func nameBefore(_ i: Int) -> Int? {
        var j = i - 1
        if punct(j, 0x2C) { j -= 1 }
        var s = -1
        var words = 0
        while j >= 0 && words < 4 {
            if punct(j, 0x2E) && j > 0 && initial(j - 1) {
                j -= 1
                continue
            }
            // Session 5: "Grace Villanueva-Park, MD": a hyphen inside a surname.
            if punct(j, 0x2D) && j > 0 && words > 0 && adjacent(j) && adjacent(j + 1) && cap(j - 1) && !t[j].nl {
                j -= 1
                continue
            }
            // "Rang Bronwyn (daughter)": a contact verb at the sentence start is not part of the name.
            if t[j].rb.contains(.ordinalContactResidenceWord) && inSet(.contactVerbs, t[j].key) { break }
            if initial(j) || (cap(j) && nameWord(j, strong: true, first: false)) {
                s = j
                if !initial(j) { words += 1 }
                if t[j].nl { break }
                j -= 1
                continue
            }
            break
        }
        guard s >= 0, words > 0 else { return nil }
        // "ED RN", "ICU RN": a unit or abbreviation alone before a credential is no name.
        if words == 1, t[s].rb.contains(.shortWord), inSet(.notInitials, t[s].key) { return nil }
        // At least one word that is a listed name or not an ordinary word.
        var ok = false
        for k in s..<i where isWord(k) && (t[k].bits.isName || !t[k].bits.contains(.ordinaryWord)) && !initial(k) {
            ok = true
        }
        return ok ? s : nil
    }

    // MARK: unlabelled names

    /// Words where a rule of ``unlabelledName(_:)`` can start: a word opening with a capital (A-Z or a non-ASCII
    /// letter); any word of a lower-case note; a one-letter word (an initial); a listed given name, frequent given name
    /// or credential; a word after a dash (a dash signature); a word before a credential (or a comma and one). In
    /// a mixed-case note most lower-case words are none of these. A block added to `unlabelledName` that starts
    /// elsewhere must add its start here (`PHIStartFilterTests` compares the dev notes with and without this filter).
    /// The first byte of a dash token that ``dashSignature(_:)`` reads: `-`, `--`, or an en or em dash (UTF-8 E2 80 93/94).
    @inline(__always) func dashByte(_ c: UInt8) -> Bool { c == 0x2D || c == 0xE2 }

    /// ``upperInitial(_:)`` of word i, read from the token's facts when they decide it: a word with a letter and no digit
    /// opens with a capital exactly when it is capitalised (`PTok.cp`); only other words read their first byte.
    @inline(__always) func opensWithCapital(_ i: Int) -> Bool {
        let tok = t[i]
        if tok.flags.rawValue & (TokenFlags.hasLetter.rawValue | TokenFlags.hasDigit.rawValue) == TokenFlags.hasLetter.rawValue { return tok.cp }
        return upperInitial(i)
    }

    /// (Session 16: the tests of the token itself inline, the tests of its neighbours out of line: in the start lists'
    /// walk the whole filter had become an out-of-line call at every token, punctuation and numbers included.)
    @inline(__always) func unlabelledNameMayStart(_ i: Int) -> Bool {
        let tok = t[i]
        guard tok.kind == .word else { return false }
        if lowerDoc || tok.e - tok.s == 1 || opensWithCapital(i) || tok.bits.contains(.firstName) || tok.bits.contains(.frequentFirst)
            || tok.bits.contains(.credential)
        { return true }
        return unlabelledNameMayStartByNeighbours(i)
    }

    /// The rest of ``unlabelledNameMayStart(_:)`` for word i: a dash before it, a credential after it (or after a comma),
    /// or a bracket after a short word.
    @inline(never) func unlabelledNameMayStartByNeighbours(_ i: Int) -> Bool {
        let tok = t[i]
        if i > 1 && t[i - 1].kind != .word && dashByte(b[t[i - 1].s]) { return true }
        return i + 1 < t.count && (credentialAt(i + 1) || (punct(i + 1, 0x2C) && i + 2 < t.count && credentialAt(i + 2))
            || (tok.e - tok.s <= 3 && punct(i + 1, 0x28)))
    }

    /// The blocks of the unlabelled-name family at token i, dispatched by its class (session 14): a word opening with a
    /// capital (``upperInitial(_:)``) and any other word each run their own copy of ``unlabelledNameBlocks(_:_:upper:)``,
    /// compiled with `upper` constant, so that neither tests the other's blocks.
    mutating func unlabelledName(_ i: Int) -> Int? {
        guard isWord(i) else { return nil }
        let tok = t[i]
        return opensWithCapital(i) ? unlabelledNameBlocks(i, tok, Capitalised.self) : unlabelledNameBlocks(i, tok, NotCapitalised.self)
    }

    /// Every block of the unlabelled-name family at word i (`tok`), in order. `C.yes` is ``upperInitial(_:)`` (so a
    /// capitalised word, ``cap(_:)``, is `upper && tok.cp`): the function is specialised for each class, so `upper` is a
    /// constant in each copy.
    @inline(never) mutating func unlabelledNameBlocks<C: TokenClassFact>(_ i: Int, _ tok: PTok, _: C.Type) -> Int? {
        let upper = C.yes
        // Session 14: "jk (jess kowalski, rn)", "- dm (daniel mahoney)": initials before the bracketed name they stand for.
        if tok.e - tok.s <= 3, punct(i + 1, 0x28), let e = initialsBeforeTheirName(i) { return e }
        // Session 5 (one out-of-line call for capitalised words): "WHITFIELD, Karen", "AK/jm dictated", "(Marisol)",
        // "(KLM 1/28/25)", a name opening a sentence before a reporting verb.
        if upper, let e = unlistedNames(i) { return e }
        // Session 5: "- tk", "- dgreenberg" ending a line sign an entry.
        // (The test of the token before comes first: most words follow a word, and `dateStampAt` is an out-of-line call.)
        // Session 13: or before a bracket ("- kt (katie tran)").
        if i > 1 && t[i - 1].kind != .word && dashByte(b[t[i - 1].s]) && (i + 1 >= t.count || t[i + 1].nl || dateStampAt(i + 1) || punct(i + 1, 0x28)),
            let e = dashSignature(i)
        { return e }
        // Session 4: initials or a lower-case given name before a credential ("KT EN", "given to crystal rn").
        if i + 1 < t.count, credentialAt(i + 1) || (punct(i + 1, 0x2C) && i + 2 < t.count && credentialAt(i + 2)) {
            if let e = initialsBeforeCredential(i) { return e }
            if let e = lowerNameBeforeCredential(i) { return e }
            if lowerAt(i), let e = signatureLineWordName(i) { return e }
        }
        // Credentials after a name: "John Smith, MD", "J Smith FRACP".
        if tok.bits.contains(.credential) && upper && tok.e - tok.s >= 2 && !capsDoc
            && (tok.flags.contains(.allUpper) || !tok.flags.contains(.titleCase)),
            // "Hannah Oduya, MS, CGC": a degree written as a state code before the credential belongs to the chain.
            case let c = degreeBeforeCredential(i) ?? i,
            let s = nameBefore(c), !covered[s], s < c,
            // "ED RN", "ICU RN": a unit or abbreviation before a credential is no name.
            !(s + 1 >= c - (punct(c - 1, 0x2C) ? 1 : 0) && t[s].rb.contains(.shortWord) && inSet(.notInitials, t[s].key)),
            // "Stage IV", "Level II", "Denver II", "Tanner IV": a Roman numeral is a generational suffix only after a
            // given name and a surname ("John Smith III").
            !romanNumeral(i) || (c - s >= 2 && t[s].bits.contains(.firstName) && !t[s].bits.contains(.ordinaryWord)
                // Session 12: "Tanner Stage IV", "Fontaine Stage II": never after a classification word.
                && !(isWord(i - 1) && inSet(.classificationWords, t[i - 1].key))),
            afterCueNamesPerson(c, s)
        {
            var ok = true
            for k in s..<c where covered[k] { ok = false }
            if ok {
                emitName(s, punct(c - 1, 0x2C) ? c - 1 : c, priority: 2, score: 0.85, rule: "name-credential")
                return i + 1
            }
        }
        // (`propagatedName` asks the name mask first: tested here, before the out-of-line call.)
        if nameMask >> (tok.base & 63) & 1 != 0, let e = propagatedName(i) { return e }
        // Initial + surname: "j. ramsay", "A. Pillai", "K. ABERNATHY".
        if tok.e - tok.s == 1, initial(i) || (lowerAt(i) && isAlpha(b[tok.s])), punct(i + 1, 0x2E), adjacent(i + 1), i + 2 < t.count, !t[i + 2].nl, !covered[i + 2],
            // Session 5: "weaned to home O2 2 L. Home oxygen": a unit after a number.
            !(i > 0 && !tok.nl && t[i - 1].kind == .number),
            isWord(i + 2), t[i + 2].e - t[i + 2].s >= 2, !t[i + 2].flags.contains(.hasDigit),
            // "Sex: M. Age: 67": between two labels' colons, a letter and the word before the next colon are a field's
            // value and the next label, no name ("rn d. holloway: soc visit" keeps its name).
            !(i + 3 < t.count && punct(i + 3, 0x3A) && adjacent(i + 3) && i > 0 && punct(i - 1, 0x3A))
        {
            let lb = t[i + 2].bits
            // "k. tran rn": a credential after it vouches for an ordinary-looking surname.
            // "- k. cook, rn": a comma may stand between the surname and the credential.
            let c3 = punct(i + 3, 0x2C) ? i + 4 : i + 3
            let credentialAfter = c3 < t.count && !t[c3].nl && isWord(c3) && t[c3].bits.contains(.credential)
            // "D. QUIÑONEZ (CCP)", "L. Brennan (RN)": a bracketed credential right after the surname, as in crew lists.
            let bracketedCredential = punct(i + 3, 0x28) && i + 4 < t.count && !t[i + 4].nl && isWord(i + 4) && t[i + 4].bits.contains(.credential)
            // "by MLT J. Oduya": an unlisted capitalised surname after a handover word or a role abbreviation; in
            // capitals too when a credential follows ("T. HALVORSEN (CCP)").
            // "R. OYELARAN / S. BÖHM": the next entry of a list of names.
            let listAfterName = i >= 2 && !tok.nl && (punct(i - 1, 0x2F) || punct(i - 1, 0x2C) || punct(i - 1, 0x3B)) && named[i - 2]
            let unlisted = cap(i + 2) && !lb.isName && !lb.contains(.ordinaryWord) && !lb.contains(.stopWord) && !lb.contains(.drugWord)
                && !lb.contains(.placeWord) && !lb.contains(.credential) && !lb.contains(.title)
                && ((!t[i + 2].flags.contains(.allUpper) && i > 0 && !tok.nl
                    && (inSet(.handoverWords, t[i - 1].key) || t[i - 1].key == K.by || (t[i - 1].flags.contains(.allUpper) && isWord(i - 1))))
                    || bracketedCredential || listAfterName)
            if t[i + 2].rb.contains(.shortWord) && inSet(.notInitials, t[i + 2].key) && !credentialAfter {
                // "Binet A. No B symptoms": a function word after an initial is no surname.
            } else if unlisted || (lb.contains(.lastName) && !lb.contains(.eponym) && !lb.contains(.drugWord) && !lb.contains(.title)
                && (credentialAfter || ((cap(i + 2) || !lb.contains(.ordinaryWord)) && !(lb.contains(.ordinaryWord) && !cap(i + 2))))
                // "A. Left heart catheterization", "D. Both lungs", "B. Lung": a lettered list item before an ordinary word
                // that is a rare surname; a frequent surname ("J. Green") or a credential after it still names a person.
                && (credentialAfter || !lb.contains(.ordinaryWord) || lb.contains(.frequentLast) || !(tok.nl || i == 0 || punct(i - 1, 0x2C) || punct(i - 1, 0x3A))))
                // Session 13: "degrees F. Pulse oximetry", "by Dr. X.  Her symptoms": the word opens the next sentence.
                && (credentialAfter || !cap(i + 2) || !initialEndsSentence(i + 2))
            {
                var end = i + 3
                if punct(end, 0x2D) && adjacent(end) && cap(end + 1) && adjacent(end + 1) { end += 2 }
                // Session 6: "B. K. Singh": earlier initials belong to the name.
                var s = i
                while s >= 2 && !t[s].nl && punct(s - 1, 0x2E) && adjacent(s - 1) && initial(s - 2) && !covered[s - 2] && !covered[s - 1] { s -= 2 }
                emitName(s, end, priority: 2, score: 0.75, rule: "name-initial-surname")
                return end
            }
        }
        // Lower-case notes: "pt giulia kaur".
        if lowerDoc, !(upper && tok.cp), tok.bits.contains(.firstName), !tok.bits.contains(.ordinaryWord),
            !tok.bits.contains(.stopWord), i + 1 < t.count, !t[i + 1].nl, isWord(i + 1), !cap(i + 1),
            t[i + 1].bits.contains(.lastName), !t[i + 1].bits.contains(.ordinaryWord), !t[i + 1].bits.contains(.stopWord)
        {
            // "marie-claude jean-baptiste": hyphenated parts on either side belong to the name.
            var s = i, e = i + 2
            if i >= 2 && punct(i - 1, 0x2D) && adjacent(i) && adjacent(i - 1) && isWord(i - 2) && !cap(i - 2) && !covered[i - 2]
                && !t[i - 2].bits.contains(.ordinaryWord)
            { s = i - 2 }
            if punct(e, 0x2D) && adjacent(e) && e + 1 < t.count && adjacent(e + 1) && isWord(e + 1) && !cap(e + 1)
                && !t[e + 1].flags.contains(.hasDigit)
            { e += 2 }
            emitName(s, e, priority: 2, score: 0.7, rule: "name-pair-lower")
            return e
        }
        // `His boss Graham "Gus" Pilcher`, `KEITH "SPUD" MURPHY`: a quoted nickname between given name and surname.
        if tok.bits.contains(.firstName), punct(i + 1, 0x22), let e = givenQuotedNicknameSurname(i) {
            emitName(i, e, priority: 2, score: 0.8, rule: "name-quoted-nickname-inside")
            return e
        }
        // A given name alone mid-sentence: "breakup with Kayla in January", "you and Dana".
        if tok.bits.contains(.frequentFirst), let e = givenNameAlone(i) {
            emitName(i, e, priority: 1, score: 0.6, rule: "name-given-alone")
            return e
        }
        // First name + last name from the lists: "John Smith", "Mary J. Nguyen".
        let bits = tok.bits
        // "Jean-Paul Dubois", "Mary-Rose attended": two listed given names joined by a hyphen.
        if bits.contains(.firstName), punct(i + 1, 0x2D), let e = hyphenatedListedGivenName(i) {
            // "ZHANG, Wei-Ling": after a surname found with its comma, the inverted name is one span (GUIDELINE N2).
            if i >= 2, !t[i - 1].nl, !tok.nl, punct(i - 1, 0x2C), adjacent(i - 1), named[i - 2], cap(i - 2) {
                emitName(i - 2, e, priority: 3, score: 0.8, rule: "name-hyphenated-given")
            } else {
                emitName(i, e, priority: 2, score: 0.75, rule: "name-hyphenated-given")
            }
            return e
        }
        if bits.contains(.stopWord) && bits.contains(.firstName), let e = stopFirstPair(i) { return e }
        // Session 14: "Curtis Olanrewaju, peer support specialist": an eponym given name before a surname.
        if upper && tok.cp, bits.contains(.eponym) && bits.contains(.frequentFirst), !covered[i], let e = eponymGivenSurname(i) {
            emitName(i, e, priority: 2, score: 0.7, rule: "name-eponym-given-surname")
            return e
        }
        guard (upper && tok.cp), bits.contains(.firstName), !bits.contains(.stopWord), !bits.contains(.title),
            // "Mary-Anne Street": the second half of a hyphenated word starts no pair.
            !(i >= 2 && punct(i - 1, 0x2D) && adjacent(i) && adjacent(i - 1) && isWord(i - 2)),
            !bits.contains(.commonName) || bits.contains(.frequentFirst),
            !bits.contains(.ordinaryWord) || bits.contains(.frequentFirst)
        else { return nil }
        var j = i + 1
        if j < t.count && t[j].nl { return nil }
        if initial(j) {
            j += 1
            if punct(j, 0x2E) { j += 1 }
        }
        // "Mohammed bin Salman", "Maria de los Angeles Ortiz": particles before the surname.
        // "Pieter van der Berg", "Ahmed bin Khalid": any listed given name that is no word (the particles and the
        // capitalised surname that nameTail asks for after them are the evidence).
        if j < t.count, !t[j].nl, !covered[j], isWord(j), !cap(j), t[j].rb.contains(.auxWord),
            !bits.contains(.ordinaryWord), !capsDoc, !lowerDoc, inSet(.nameParticles, t[j].key)
        {
            let end = nameTail(j)
            guard end > j + 1 else { return nil }
            emitName(i, end, priority: 2, score: 0.75, rule: "name-pair-particle")
            return end
        }
        guard j < t.count, !t[j].nl, cap(j), !covered[j] else { return nil }
        let lb = t[j].bits
        // A stop-listed surname (Thompson, Graves) counts after a frequent, unambiguous first name.
        let strongFirst = bits.contains(.frequentFirst) && !bits.contains(.ordinaryWord) && !bits.contains(.commonName)
        let unknownSurname = strongFirst && !capsDoc && !lb.contains(.ordinaryWord) && !lb.isName
            && !lb.contains(.streetType) && !lb.contains(.stateAbbr) && !t[j].flags.contains(.allUpper)
        guard lb.contains(.lastName) || (lb.contains(.firstName) && !lb.contains(.ordinaryWord)) || unknownSurname,
            !lb.contains(.stopWord) || (strongFirst && lb.contains(.lastName) && !lb.contains(.drugWord)),
            !lb.contains(.title), !lb.contains(.credential) || !t[j].flags.contains(.allUpper)
        else { return nil }
        // Both ordinary words ("Will Grant") need one side to be a frequent name and not ordinary.
        if bits.contains(.ordinaryWord) && lb.contains(.ordinaryWord) { return nil }
        if capsDoc && (bits.contains(.ordinaryWord) || lb.contains(.ordinaryWord)) { return nil }
        // "Murray Bridge", "Glen Innes": a known place, not a person.
        if tok.ps, let (_, pe) = phrase(at: i, kinds: .startsPlace, where: { $0 == .place }), pe > j { return nil }
        // Session 12: "born and raised in North Carolina", "West Virginia": a two-word state name is no person (GUIDELINE §0).
        if tok.ps, let (_, pe) = phrase(at: i, kinds: .startsStateName, where: { $0 == .stateName }), pe > j { return nil }
        // Session 6: "Keilor Downs", "Western Missouri": a place-name ending or a state is no surname.
        if pairSurnameIsPlace(j) { return nil }
        // Session 14: "KBA No. 88412", "NATA No: 2719": `No` before its mark or a number labels an identifier.
        if t[j].key == K.no && j + 1 < t.count && (punct(j + 1, 0x2E) || punct(j + 1, 0x3A) || t[j + 1].kind == .number) { return nil }
        var end = j + 1
        if punct(end, 0x2D) && adjacent(end) && cap(end + 1) && adjacent(end + 1) { end += 2 }
        end = nameTail(end)
        emitName(i, end, priority: 2, score: 0.8, rule: "name-pair")
        return end
    }

    /// A frequent given name standing alone inside a sentence of a mixed-case note: capitalised, not the
    /// first word of a line or sentence, listed as a frequent first name, and outside the ordinary-word, stop
    /// (drugs, eponyms, places, months), title and surname-only lists; the next word is not capitalised (a name
    /// pair or an organisation is left to its own rule).
    @inline(never) func givenNameAlone(_ i: Int) -> Int? {
        let bits = t[i].bits
        guard bits.contains(.frequentFirst), !capsDoc, !lowerDoc, cap(i), !t[i].flags.contains(.allUpper), !t[i].nl, i > 0, !covered[i]
        else { return nil }
        guard bits.contains(.firstName), bits.contains(.frequentFirst), !bits.contains(.ordinaryWord), !bits.contains(.stopWord),
            !bits.contains(.title), !bits.contains(.commonName), !bits.contains(.drugWord), !bits.contains(.eponym),
            !bits.contains(.placeWord), !bits.contains(.credential), t[i].e - t[i].s >= 3
        else { return nil }
        // Sentence starts and headings say nothing.
        if punct(i - 1, 0x2E) || punct(i - 1, 0x3A) || punct(i - 1, 0x21) || punct(i - 1, 0x3F) || punct(i - 1, 0x2D) { return nil }
        // "Santa Barbara": part of a capitalised phrase; "Amanda 10 mg", "Warren, Michigan": a dose or a place.
        if cap(i - 1) && !t[i - 1].bits.contains(.title) { return nil }
        if i + 1 < t.count && !t[i + 1].nl && t[i + 1].kind == .number { return nil }
        if i + 2 < t.count && punct(i + 1, 0x2C) && !t[i + 2].nl
            && (isStateAt(i + 2) || (t[i + 2].ps && phrase(at: i + 2, kinds: .startsStateName, where: { $0 == .stateName }) != nil))
        { return nil }
        if i + 1 < t.count && !t[i + 1].nl && (cap(i + 1) || punct(i + 1, 0x2D) && adjacent(i + 1)) { return nil }
        if i + 1 < t.count && !t[i + 1].nl && adjacent(i + 1) && (punct(i + 1, 0x2F) || t[i + 1].kind == .number) { return nil }
        if eponymFollows(i + 1) { return nil }
        if t[i].ps, phrase(at: i, kinds: [.startsPlace, .startsOrganization, .startsFacilityAfter, .startsProfession], where: { _ in true }) != nil {
            return nil
        }
        return i + 1
    }

    /// A name seen with a cue elsewhere in the note.
    @inline(never) mutating func propagatedName(_ i: Int) -> Int? {
        guard !nameKeys.isEmpty, isWord(i), cap(i) || lowerDoc, nameMask >> (t[i].base & 63) & 1 != 0, nameKeys.contains(t[i].base) else { return nil }
        // "Xiong, Pa Nhia" ... "Fue Vang, PA-C": a short capitals word in a mixed-case note is an acronym or credential.
        if !capsDoc && t[i].flags.contains(.allUpper) && t[i].e - t[i].s <= 3 && (t[i].bits.contains(.credential)
            || (t[i].rb.contains(.shortWord) && inSet(.notInitials, t[i].key)) || (punct(i + 1, 0x2D) && adjacent(i + 1)))
        { return nil }
        // Session 4: a stop-listed given name ("Harmony") is propagated only where it cannot be the word.
        if t[i].bits.contains(.stopWord) && !stopNameMentionOK(i) && !lowerStopNameMentionOK(i) && !eponymGivenMentionOK(i) { return nil }
        var j = i + 1
        while j < t.count && !t[j].nl && !covered[j] && (nameKeys.contains(t[j].base) && (cap(j) || lowerDoc))
            && (!t[j].bits.contains(.stopWord) || stopListedGivenName(j))
        { j += 1 }
        // "Wei-Ling": a hyphenated name found before is one span again.
        while j + 1 < t.count && punct(j, 0x2D) && adjacent(j) && adjacent(j + 1) && !covered[j + 1] && nameKeys.contains(t[j + 1].base)
            && (cap(j + 1) || lowerDoc)
        { j += 2 }
        var s = i
        if s > 0 && initial(s - 1) && !covered[s - 1] { s -= 1 }
        emitName(s, j, priority: 2, score: 0.8, rule: "name-propagated")
        return j
    }

    // MARK: addresses and facilities

    /// Whether some block of ``addressRules(_:)`` can start at token i: every block needs the token capitalised
    /// (``cap(_:)``), a digit first, a vocabulary phrase starting at it (`ps`), one of the cue bits below, a work verb,
    /// `for` or `with` (a sports team after them), or a lower-case note or line (`lowerAt`). Most lower-case words and
    /// punctuation of a note are none of these, and the twenty blocks are not tried there. A block added to
    /// `addressRules` that starts elsewhere must add its start here; `PHIStartFilterTests` runs the dev notes with
    /// and without this filter and fails on any difference.
    @inline(__always) func addressRulesMayStart(_ i: Int) -> Bool {
        let tok = t[i]
        // Every block that can start at a token other than a word tests `isWord`, `cap` or a number first, or needs a
        // phrase start: punctuation of a lower-case line (a tenth of a note's tokens) starts none.
        guard tok.kind == .word else { return tok.kind == .number || tok.ps }
        // (Session 14: for a word `ps` is the phrase-start bit, tested in one mask with the cue bits; the first byte is read
        // only when the word has a digit.)
        if tok.cp || tok.rb.rawValue & (PHIRuleBits.phraseStart.rawValue | PHIRuleBits.organizationLabel.rawValue
            | PHIRuleBits.employerCue.rawValue) != 0 || (tok.flags.contains(.hasDigit) && b[tok.s] &- 0x30 < 10)
            || tok.key == K.for || tok.key == K.with || (vocab.ruleWords.mayContain(.workVerbs, tok.key) && inSet(.workVerbs, tok.key))
        { return true }
        guard lowerAt(i) else { return false }
        return lowerDoc || lowerLineWordMayStartAddress(i)
    }

    /// A word of a lower-case line of a mixed-case note (`ll`) that is not capitalised, not a phrase start, not a cue
    /// word of the test before: the blocks of ``addressRules(_:)`` that read such a word need a military base's first
    /// letters (`fort`, `camp`), capitals (a ship prefix with a digit), a possessive, a comma after it (`springfield,
    /// il`), a street type one or two words on (``lowerStreetName(_:)``), a state code and number soon after
    /// (``stateCodeSoon(_:)``), or a comma or bracket before it (``affiliationAfterPerson(_:)``). Most words of such
    /// lines (half the tokens of a typed note) have none of these.
    /// (Session 14: out of line, so that the test before stays small enough to be inlined where the start lists are made.)
    @inline(never) func lowerLineWordMayStartAddress(_ i: Int) -> Bool {
        let tok = t[i]
        // (Session 14: the tests of tokens first, then the text's bytes, then the window ahead.)
        return tok.flags.contains(.allUpper) || tok.base != tok.key || punct(i + 1, 0x2C) || streetTypeAfter(i)
            // Session 14: `iglesia`, `igreja` lead a congregation's name (``congregationAfterLead(_:)``).
            || (tok.e - tok.s >= 6 && b[tok.s] | 0x20 == 0x69 && b[tok.s + 1] | 0x20 == 0x67)
            // `affiliationAfterPerson` (session 13, phiorg): an organisation after a person's name and a comma or bracket.
            || punct(i - 1, 0x2C) || punct(i - 1, 0x28)
            || (tok.e - tok.s >= 2 && tok.e - tok.s <= 5 && militaryBaseLetters(b[tok.s] | 0x20, b[tok.s + 1] | 0x20))
            || stateCodeSoon(i)
    }

    /// The blocks of the address family, dispatched by the class of token i (session 14): a number starts only the
    /// street and numbered-unit block (``numberLedAddress(_:_:)``: every other block needs a word or a phrase start, and a
    /// number starts no phrase); a capitalised word (`PTok.cp`) and every other token run the blocks of
    /// ``addressRulesBlocks(_:_:capital:)``, one copy compiled for each, so that the copy for capitalised words skips the
    /// blocks of lower-case words and the other copy the blocks of capitalised words without testing them. The rules are
    /// the same code; with `Options.startFilters` off every token runs all the blocks (`PHIStartFilterTests` compares).
    mutating func addressRules(_ i: Int) -> Int? {
        let tok = t[i]
        if tok.cp { return addressRulesBlocks(i, tok, Capitalised.self) }
        if tok.kind == .number && options.startFilters { return numberLedAddress(i, tok) }
        return addressRulesBlocks(i, tok, NotCapitalised.self)
    }

    /// A street address, numbered branch or unit, or lot or box line at a number or a word led by a digit (`12A`).
    @inline(__always) mutating func numberLedAddress(_ i: Int, _ tok: PTok) -> Int? {
        // Street address: number (5/12, 12A) + street words + street type.
        guard tok.kind == .number || (tok.kind == .word && b[tok.s] &- 0x30 < 10 && tok.e - tok.s <= 6) else { return nil }
        // Session 11: "Roofers Local 123", "VFW Post 292"; "1st Cavalry Division".
        if tok.kind == .number, i > 1, cap(i - 1), let e = numberedBranch(i) { return e }
        if tok.kind == .word, let e = militaryUnit(i) { return e }
        if let e = streetAddress(i) { return e }
        // "Lot 42, Barunga Community, via Katherine NT 0852", "HC 61 Box 3127, Shiprock, NM 87420".
        if tok.kind == .number, i > 0, !tok.nl, isWord(i - 1), let e = lotOrBoxLine(i) { return e }
        return nil
    }

    /// Every block of the address family at token i (`tok`, its token), in order. `C.yes` is `tok.cp`: the function is
    /// specialised for each class, so `capital` is a constant in each copy.
    @inline(never) mutating func addressRulesBlocks<C: TokenClassFact>(_ i: Int, _ tok: PTok, _: C.Type) -> Int? {
        let capital = C.yes
        let word = tok.kind == .word
        let lower = lowerDoc || tok.ll
        // Session 4: an unlisted town after a residence or travel cue ("lives in Emeryville", "originally from Rotorua").
        if i >= 2, t[i - 1].rb.contains(.ordinalContactResidenceWord), capital, !tok.flags.contains(.allUpper) {
            if tok.bits.rawValue == 0, let e = unlistedPlace(i) { return e }
            // "lives in Cary", "born in Keren", "moved to Millicent": a town named by a word or a given name.
            if tok.bits.contains(.residenceTown), let e = residenceTown(i) { return e }
            // Session 5: after "in", "at", "near" without a residence word ("Appendicectomy 2011 in Ludhiana."); a word
            // listed only as a surname may be a town ("a grocery in Dearborn (...)").
            if tok.bits.rawValue == 0 || tok.bits == .lastName, let e = unlistedPlaceAfterPreposition(i) { return e }
        }
        // Session 12: "stationed at Camp Lejeune", "deployed at fort bliss", "at Air Station Miami" (the first two letters
        // of fort, ft, camp, air, naval, joint before the set lookup).
        if tok.e - tok.s >= 2, tok.e - tok.s <= 5, word, militaryBaseLetters(b[tok.s] | 0x20, b[tok.s + 1] | 0x20), let e = militaryBase(i) {
            return e
        }
        // Session 16: "Lackland AFB", "Kandahar Airfield": a base's name before its tail word.
        if capital, i > 0, tok.e - tok.s == 3 || tok.e - tok.s == 8, b[tok.s] | 0x20 == 0x61, cap(i - 1), !tok.nl, word,
            let e = militaryBaseBeforeTail(i)
        { return e }
        // Session 14: "University of Northern Vermont", "Institute of Health Sciences": a head, `of` and a capitalised name.
        if capital, tok.e - tok.s >= 7, tok.e - tok.s <= 11, word, ofHeadLetters(b[tok.s] | 0x20, b[tok.s + 1] | 0x20), let e = organisationOfName(i) {
            return e
        }
        // Session 14: "Iglesia Bautista Gracia y Verdad", "Masjid Al-Noor": a congregation named after its leading word.
        if capital || lower, tok.e - tok.s >= 6, tok.e - tok.s <= 10, word, congregationLeadLetters(b[tok.s] | 0x20, b[tok.s + 1] | 0x20),
            let e = congregationAfterLead(i)
        { return e }
        // Session 5: "Facility: Swedish Ballard Campus", "St. Joseph Regional".
        if tok.rb.contains(.organizationLabel), word, let e = organizationAfterLabel(i) { return e }
        // Street address: number (5/12, 12A) + street words + street type.
        // (A capitalised word never starts with a digit.)
        if !capital, let e = numberLedAddress(i, tok) { return e }
        // Session 15: "a barista at Bean Counter Coffee on 8th Avenue", "lives off 21st St": a numbered street without a
        // house number after `on`, `off` or a place word (``streetAfterOrganization(_:)`` reads the street).
        // (`on` may end the line above: "a shift lead at Desert Bloom Coffee on" / "4th Avenue, 5:30 AM-2 PM".)
        if !capital, word, i > 0, tok.flags.contains(.hasDigit), isWord(i - 1), streetOrdinal(i),
            placeContext(i - 1) || t[i - 1].key == K.on || t[i - 1].key == K.off, !covered[i],
            let e = streetAfterOrganization(i, wrapped: tok.nl && !t[i - 1].nl)
        {
            emit(.address, i, e, priority: 3, score: 0.7, rule: "address-numbered-street")
            return e
        }
        // "scanned in a 1.5 Tesla magnet": a known organisation's name after a number is a unit.
        if tok.ps, tok.rb.contains(.startsOrganization), !(i > 0 && !tok.nl && t[i - 1].kind == .number), let e = knownOrganization(i) {
            // Session 13: "a part-time DoorDash driver", "former FedEx package handler": a known company before an
            // occupation is part of the PROFESSION (GUIDELINE PR1), no organisation of its own.
            if let pe = occupationAfterCompany(i, e) {
                emit(.profession, i, pe, priority: 3, score: 0.7, rule: "profession-after-company")
                return pe
            }
            emit(options.facilityType, i, e, priority: 3, score: 0.7, rule: "organization-known")
            // "Quest Diagnostics, Middleton", "Henry Ford Hospital, Detroit campus": a known place after the organisation
            // and a comma is its own ADDRESS (GUIDELINE O3), as after a facility word.
            let l0 = e + 1
            if punct(e, 0x2C), l0 < t.count, !t[l0].nl, cap(l0), let l = locality(e, allowNewline: false), l > l0 {
                emit(.address, l0, l, priority: 3, score: 0.8, rule: "address-after-facility")
                return l
            }
            if punct(e, 0x2C), let pe = knownPlaceAfterComma(e + 1) {
                emit(.address, e + 1, pe, priority: 3, score: 0.75, rule: "address-after-facility")
                return pe
            }
            return e
        }
        if tok.ps {
            // PO Box 123.
            if let (_, e) = phrase(at: i, kinds: .startsPostBox, where: { $0 == .postBox }), e < t.count, t[e].kind == .number {
                var end = e + 1
                // "RMB 1420 Riddoch Highway, Naracoorte SA 5271": a rural mail-box number before its road.
                if let se = roadAfterBoxNumber(end) { end = se }
                if let l = locality(end, allowNewline: false) { end = l }
                emit(.address, i, end, priority: 3, score: 0.9, rule: "address-pobox")
                return end
            }
            // Facility names: Westmead Hospital, St Vincent's Hospital, Northside Medical Centre.
            // (Session 16: the phrase before the header test: `inHeaderWords` finds the token's section, at a capitalised
            // phrase start that is mostly no facility name; both tests only read.)
            if capital, let (_, e) = phrase(at: i, kinds: .startsFacilityAfter, where: { $0 == .facilityAfter }), !inHeaderWords(i),
                // A colon right after the cue makes it a label ("Hospital: Westmead"), unless the colon ends its line
                // (session 21: "... surgery on 24 November at Raleigh Eye Surgery Center:" introducing what follows; the
                // name's start must then follow a place preposition, tested below).
                !(punct(e, 0x3A) && adjacent(e) && !(e + 1 >= t.count || t[e + 1].nl)),
                // Session 12: "Controlled Oral Word Association": a test's name; "CMV and AFB cultures": a test noun after
                // a cue written as an acronym makes it a laboratory test, not a base.
                !(i > 0 && !tok.nl && isWord(i - 1) && inSet(.testNameWords, t[i - 1].key)),
                !(t[e - 1].flags.contains(.allUpper) && !capsDoc && eponymFollows(e)),
                // "HIGH SCHOOL LIBRARIAN", "Hospital Pharmacist": the facility word describes an occupation.
                !occupationStarts(e),
                let s = facilityStart(i),
                !(punct(e, 0x3A) && adjacent(e) && !facilityAfterPlacePreposition(s)),
                // Session 13: "a sophomore at High School": a cue alone names no facility.
                !facilityCueAlone(s, e)
            {
                // "Hospital, Sydney": the place after the name is its own ADDRESS (GUIDELINE O1).
                emit(options.facilityType, s, e, priority: 3, score: 0.85, rule: "facility")
                // Without the comma the place is part of the name ("Mercy Hospital Janesville").
                let l0 = e + 1
                if punct(e, 0x2C), l0 < t.count, !t[l0].nl, cap(l0), let l = locality(e, allowNewline: false), l > l0 {
                    emit(.address, l0, l, priority: 3, score: 0.8, rule: "address-after-facility")
                    return l
                }
                if punct(e, 0x2C), let pe = knownPlaceAfterComma(l0) {
                    emit(.address, l0, pe, priority: 3, score: 0.75, rule: "address-after-facility")
                    return pe
                }
                return e
            }
        }
        // Lower-case facility names after a place word: "born at flinders medical centre", "a tech at ashford hospital".
        // (Session 18, phiorg: in a lower-case line a service head that is an everyday word elsewhere, `lower_service_heads`,
        // ends a name whose words hold one outside the ordinary-word list or start with a known place: "gp bloods, tml
        // pathology", "ct booked at kalora imaging"; "had pathology", "the radiology" stay words.)
        if word, !capital, !capsDoc, tok.ps,
            let (_, e) = phrase(at: i, kinds: .startsFacilityAfter, where: { $0 == .facilityAfter }),
            e > i + 1 || !inSet(.lowerUnsafeCues, tok.key) || (lowerAt(i) && inSet(.lowerServiceHeads, tok.key)),
            !(phrase(at: i, kinds: .startsProfession, where: { $0 == .profession }).map { $0.1 > e } ?? false),
            let s = lowerFacilityStart(i),
            e > i + 1 || !inSet(.lowerUnsafeCues, tok.key) || lowerServiceName(s, i)
        {
            emit(options.facilityType, s, e, priority: 3, score: 0.7, rule: "facility-lower")
            if punct(e, 0x2C), let pe = knownPlaceAfterComma(e + 1) {
                emit(.address, e + 1, pe, priority: 3, score: 0.75, rule: "address-after-facility")
                return pe
            }
            return e
        }
        // Employers after a work cue: "works for Incat", "employed by Qantas", "worked at Allis-Chalmers".
        if word, vocab.ruleWords.mayContain(.workVerbs, tok.key), inSet(.workVerbs, tok.key), i + 1 < t.count, !t[i + 1].nl {
            // Session 12: "worked 31 years at Ravenswood Precision Stamping", "works nights at Toyota Mississippi": a
            // duration or a shift (`work_fillers`, numbers) may come between the verb and its preposition.
            var p = i + 1
            while p < t.count && p - i <= 3 && !t[p].nl && (t[p].kind == .number || (isWord(p) && inSet(.workFillers, t[p].key))
                || (punct(p, 0x2D) && adjacent(p)))
            { p += 1 }
            // Session 13: "works nights at toyota mississippi": in lower case, `lowerEmployerRun`.
            if p < t.count, !t[p].nl, isWord(p), inSet(.employerPrepositions, t[p].key),
                let e = employerRun(p + 1, after: t[p].key) ?? lowerEmployerRun(p + 1)
            {
                emit(options.facilityType, employerStart(p + 1), e, priority: 3, score: 0.7, rule: "organization-works-at")
                return e
            }
        }
        // Session 11: "USS Harold E. Stassen", "HMAS Stirling": a ship after its prefix.
        if tok.flags.contains(.allUpper), word, vocab.ruleWords.mayContain(.shipPrefixes, tok.key), inSet(.shipPrefixes, tok.key),
            let e = militaryUnit(i)
        { return e }
        // Session 11: "plays netball for Western Districts", "plays for Souths Juniors": a sports club or team.
        if word, tok.key == K.for || tok.key == K.with, let e = sportsTeam(i) { return e }
        // Session 14: "Whitlatch v. Summit Freight Carriers, Inc.", "HARTWELL, OKONJO & BRANDT, LLP": a legal form written
        // after a comma ends the company's name before the comma.
        if tok.rb.contains(.orgSuffix), capital, i >= 2, punct(i - 1, 0x2C), !tok.nl, word, let le = legalSuffixEnd(i),
            let s = legalNameStart(i - 1)
        {
            emit(options.facilityType, s, le, priority: 3, score: 0.75, rule: "organization-legal-form")
            return le
        }
        if tok.rb.contains(.orgSuffix) && capital && !inHeaderWords(i)
            && !(i + 1 < t.count && !t[i + 1].nl && cap(i + 1) && t[i + 1].bits.contains(.ordinaryWord))
            // Session 12: "PAST MEDICAL/SURGICAL/SOCIAL HISTORY:": a word joined by a slash to the next is a heading's list.
            && !(punct(i + 1, 0x2F) && adjacent(i + 1)),
            let s = facilityStart(i), plainNounOrganization(s, i),
            // Session 13: "PLAN OF CARE:", "Goals of Care": a clinical phrase.
            !ordinaryNounOfSuffix(s, i)
        {
            var end = i + 1
            if punct(end, 0x2E) && adjacent(end) { end += 1 }
            emit(options.facilityType, s, end, priority: 3, score: 0.75, rule: "organization")
            return end
        }
        // "Employer: Snap-on Incorporated", "Employer for WorkCover: Peel Valley Shearing Contractors".
        if tok.rb.contains(.employerCue), word {
            var j = i + 1
            while j < t.count && j - i <= 4 && !t[j].nl && !punct(j, 0x3A) { j += 1 }
            if punct(j, 0x3A), j + 1 < t.count, !t[j + 1].nl, cap(j + 1), !t[j + 1].bits.contains(.title) {
                var e = j + 1
                while e < t.count && e - j <= 6 && !t[e].nl && !punct(e, 0x28) && !punct(e, 0x2C) && !punct(e, 0x3B)
                    && !(t[e].kind == .number) && !(isWord(e) && t[e].rb.contains(.idCue) && t[e].flags.contains(.allUpper))
                    // "School District - Hurricane Middle School": a spaced dash separates two names.
                    && (cap(e) || (punct(e, 0x2D) && adjacent(e)) || punct(e, 0x26) || (isWord(e) && adjacent(e) && punct(e - 1, 0x2D))
                        || (isWord(e) && (t[e].key == K.of || t[e].key == K.and)))
                { e += 1 }
                var covered = false
                for k in (j + 1)..<e where self.covered[k] { covered = true }
                if e > j + 1 && !covered {
                    emit(options.facilityType, j + 1, e, priority: 3, score: 0.7, rule: "organization-employer")
                    return e
                }
            }
        }
        // A street written alone on its line above the line of its town ("Ryrie St" / "Geelong VIC 3220").
        if capital, tok.nl || i == 0, let e = streetLineAboveLocality(i) { return e }
        // City/suburb + state + postcode: "Parramatta NSW 2150", "Springfield, IL 62704".
        if capital, !tok.bits.contains(.title), stateMaySoonFollow(i), let e = locality(i, allowNewline: false, standalone: true) {
            emit(.address, i, e, priority: 3, score: 0.85, rule: "address-locality")
            return bracketedPostcode(e) ?? e
        }
        // "son lives in toowoomba qld 4350", "moved from springfield, il 62704": the same in lower-case text.
        if !capital, word, lower, stateCodeSoon(i), let e = lowerLocality(i) {
            emit(.address, i, e, priority: 3, score: 0.8, rule: "address-locality-lower")
            return e
        }
        if capital, i + 1 < t.count && (t[i + 1].rb.contains(.auxWord) || (i + 2 < t.count && t[i + 2].rb.contains(.auxWord))),
            let e = extraAddressRules(i)
        { return e }
        // "Bethlehem, PA": a capitalised word, a comma and a USPS state code.
        if i + 2 < t.count, punct(i + 1, 0x2C),
            capital || (lower && word && i > 0 && placeContext(i - 1) && !tok.bits.contains(.ordinaryWord)),
            isStateAt(i + 2) || (lowerAt(i + 2) && isWord(i + 2) && t[i + 2].bits.contains(.stateAbbr)
                && (i + 3 >= t.count || t[i + 3].nl || t[i + 3].kind == .punctuation)),
            t[i + 2].e - t[i + 2].s == 2, !t[i + 2].nl,
            // "Rania, ID #31108": a state code before `#` is an identifier's label.
            !(i + 3 < t.count && punct(i + 3, 0x23)),
            // "J. Mahoney, PA(ASCP)", "K. Osei, MT(ASCP)": a code joined to a bracket is a credential and its board.
            !(i + 3 < t.count && punct(i + 3, 0x28) && adjacent(i + 3)),
            // "Hannah Oduya, MS, CGC": a code before a comma and a credential is a degree (session 12).
            !credentialAfterComma(i + 3),
            !tok.bits.contains(.ordinaryWord) || tok.bits.contains(.placeWord) || tok.flags.contains(.allUpper),
            !capsWordBeforeWordStateCode(i),
            cityBeforeState(i),
            i + 3 >= t.count || t[i + 3].nl || t[i + 3].kind == .punctuation
                // "BASE: KEARNEY, NE   DISPATCH ...": a column gap ends the field (a credential such as MD stays a name's).
                || (t[i + 3].s - t[i + 2].e >= 3 && !t[i + 2].bits.contains(.credential))
                // Session 5: "lives in Gary, IN and drives": after a place preposition any word may follow.
                || (i > 0 && !tok.nl && isWord(i - 1) && inSet(.placePrepositions, t[i - 1].key) && !cap(i + 3))
        {
            emit(.address, i, i + 3, priority: 3, score: 0.75, rule: "address-city-state")
            return bracketedPostcode(i + 3) ?? i + 3
        }
        // "labs at labcorp on sherman ave": a lower-case street name in a lower-case note or line.
        if lower, i > 0, word, !capital, streetTypeAfter(i),
            placeContext(i - 1) || (isWord(i - 1) && (t[i - 1].key == K.on || t[i - 1].key == K.off)),
            let e = lowerStreetName(i)
        { return e }
        // Session 18: "arrive Cairns Airport", "burial at Cycadia Cemetery", "hiking on Mount Geumjeong" (GUIDELINE AD2).
        if capital, inSet(.featureHeads, tok.key) || inSet(.featurePrefixes, tok.key), let e = namedFeature(i) { return e }
        // Session 13: "rolled his car on the Bruce Highway", "found by the Murray River", "MVA on I-17" (GUIDELINE §5).
        if capital, i >= 2, isWord(i - 1), t[i - 1].key == K.the, let e = namedRoadOrRiver(i) { return e }
        // Session 14: "traffic on the kwinana freeway": the same in lower case.
        if !capital, lower, i >= 2, word, isWord(i - 1), t[i - 1].key == K.the, streetTypeAfter(i), let e = lowerNamedRoad(i) { return e }
        if capital, tok.e - tok.s <= 2, tok.flags.contains(.allUpper), punct(i + 1, 0x2D), let e = numberedHighway(i) { return e }
        // A street without a number after a place word: "fall on Cavill Ave", "Walgreens on W 18th St".
        if capital, i > 0, placeContext(i - 1) || (isWord(i - 1) && (t[i - 1].key == K.on || t[i - 1].key == K.off)) {
            // A rural property or locality named with a property word: "a stockman at Mount Doreen Station", "a ringer on
            // Barkly Downs station".
            if let e = propertyName(i) { return e }
            var k = i
            while k < t.count && k - i < 4 && (cap(k) || (k > i && streetOrdinal(k))) && !t[k].nl && !t[k].bits.contains(.streetType) { k += 1 }
            // A street type as the whole name before another street type: "on Station St", "on Park Ave".
            if k == i, i + 1 < t.count, !t[i + 1].nl, cap(i + 1), t[i + 1].bits.contains(.streetType) { k = i + 1 }
            var facility = false
            for q in i...min(k, t.count - 1) where phrase(at: q, kinds: .startsFacilityAfter, where: { $0 == .facilityAfter }) != nil { facility = true }
            // "ON WARD ROUND", "on Bed Rest": a ward word starts no street name.
            if !facility, k > i, k < t.count, !t[k].nl, cap(k), t[k].bits.contains(.streetType), !t[k].flags.contains(.allUpper) || capsDoc,
                !inSet(.wardWords, tok.key),
                // Session 15: "Station: Nurses Station", "at Railway Station": a service's station is no street.
                !(inSet(.serviceStationWords, t[k - 1].key) && inSet(.propertyWords, t[k].key)),
                // Session 12: "served in Naval Reserve", "on Project Access", "to Medical Center's": a street type that is a
                // plain noun needs a name, a place or an unlisted word before it.
                !(inSet(.nounStreetTypes, t[k].base) && !distinctiveBefore(i, k)),
                // "Letter to GP Dr Wiremu Ngata-Hollis": a title before a capitalised word is no street type.
                !(t[k].bits.contains(.title) && k + 1 < t.count && !t[k + 1].nl && cap(k + 1) && !t[k + 1].bits.contains(.streetType))
            {
                var end = k + 1
                if punct(end, 0x2E) && adjacent(end) { end += 1 }
                emit(.address, i, end, priority: 3, score: 0.75, rule: "address-street-name")
                return end
            }
        }
        // "at SSCA Dandenong", "(headspace Meadowbrook)": a name ending in a known town after an organisation preposition
        // (GUIDELINE O3: the town written without a comma is part of the organisation's name).
        if capital, !capsDoc, i > 0, !tok.nl, !covered[i],
            punct(i - 1, 0x28) || (isWord(i - 1) && !cap(i - 1) && vocab.ruleWords.mayContain(.organizationPrepositions, t[i - 1].key)
                && inSet(.organizationPrepositions, t[i - 1].key)),
            let e = organisationEndingInTown(i)
        { return e }
        // "lives in the Kimberley", "grew up in the Riverina": a known place or region after a place word and `the`.
        if tok.ps, capital, !capsDoc, i > 1, t[i - 1].key == K.the, !t[i - 1].nl, placeContext(i - 2), let e = placeAfterArticle(i) {
            return e
        }
        // Session 12: "(Dandenong campus)", "the Nightcliff jetty", "Hearing Australia, Moorooka centre": a known place
        // before a lower-case word of a site it names.
        // Session 14: "(milk tanker, Show Low to Albuquerque)": a known place before `to` and another one.
        if tok.rb.contains(.startsPlace), capital, !lowerDoc,
            let e = placeBeforeFeatureNoun(i) ?? placeBeforeEmergencyService(i) ?? placeToPlace(i) ?? placeBeforeStay(i)
        { return e }
        // Known places after a place word: "lives in Parramatta", "from Springfield", "back in karratha".
        if capital || lower || (!capsDoc && !tok.bits.contains(.ordinaryWord) && !tok.bits.isName), i > 0, tok.ps,
            capsDoc || !tok.flags.contains(.allUpper) || tok.e - tok.s > 4,
            let (_, e) = phrase(at: i, kinds: .startsPlace, where: { $0 == .place }),
            // In a lower-case line of a mixed-case note a place that is one ordinary word ("sent to mobile") stays a word;
            // a name of two words ("in garden city", "from thursday island") is a place.
            capital || lowerDoc || e > i + 1 || !tok.bits.contains(.ordinaryWord),
            placeContext(i - 1) || placeListGoesOn(i - 1) || bornBefore(i - 1), !eponymFollows(e),
            // "cardiac rehab at Duluth Family YMCA", "at Perth Murugan Temple": the town starts an organisation's name,
            // which the facility rules find at its cue word (GUIDELINE O3).
            !facilityNameFollows(e),
            // Session 6: "the node of Cloquet", "the arcade of Struthers": after "of", a one-word place needs a place
            // noun before it ("a native of Bisbee", "the outskirts of Tulsa", "City of Sydney").
            // Session 14: or a person's name ("his brother, Stan Kowal of Kiama").
            !(e == i + 1 && t[i - 1].key == K.of && !tok.bits.contains(.placeWord) && !(i >= 2 && inSet(.placeOfNouns, t[i - 2].key))
                && !personBeforeOf(i - 1)),
            // "to Young-jae Shin": a place word joined by a hyphen to a given-name syllable is a hyphenated given name.
            !(punct(e, 0x2D) && hyphenatedGivenName(e - 1) != nil)
        {
            // Session 17: "at Tacoma General", "from College Station ISD": a head after the town makes it an organisation.
            if let oe = townOrganisationTail(e) {
                emit(options.facilityType, i, oe, priority: 3, score: 0.6, rule: "organization-town-tail")
                return oe
            }
            emit(.address, i, e, priority: 2, score: 0.7, rule: "address-place")
            return e
        }
        // Session 6: a known place set off by a bracket or comma ("(Point Cook)", "(by phone, Brisbane)", "Dr Chua,
        // cardiologist, Midland).", "Kroger Pharmacy #713, Richmond - ...").
        if tok.ps, tok.rb.contains(.startsPlace), i > 0, punct(i - 1, 0x28) || punct(i - 1, 0x2C), let e = placeSetOff(i) { return e }
        // "from Zahlé, Lebanon", "Place of birth: Treviso, Italy": a town before a comma and its country.
        if capital, !tok.bits.contains(.title), punct(i + 1, 0x2C) || punct(i + 2, 0x2C) || punct(i + 3, 0x2C), let e = placeBeforeCountry(i) {
            return e
        }
        // "(Sgt K. Whiteley, Browns Plains station)": a property or locality word after a bracket or comma.
        if capital, i > 0, punct(i - 1, 0x28) || punct(i - 1, 0x2C), let e = propertyName(i) { return e }
        // "in Melbourne's west", "lives in Sydney's inner west": a known place with a possessive.
        if tok.base != tok.key, word, capital || lower, i > 0, placeContext(i - 1), let e = possessivePlace(i) { return e }
        // Session 13: "Dietitian: Tui Rawiri, APD, Plate & Purpose", "case manager Troy Ellery (Coastal Pathways AOD
        // Service)": an organisation written after a person's name and a comma or bracket.
        if i > 1, !tok.nl, word, capital || lower, punct(i - 1, 0x2C) || punct(i - 1, 0x28), !covered[i], let e = affiliationAfterPerson(i) {
            return e
        }
        // Session 18: "Dr Lin Xiaoming (upper GI surgeon, JHH)": an acronym closing a person's bracketed role.
        if capital, i > 3, word, punct(i - 1, 0x2C), tok.bits.rawValue == 0, !tok.nl, !covered[i], let e = acronymAfterBracketedRole(i) {
            return e
        }
        // Session 15: "copy pushed to Benefis PACS", "TO LGH ED": a coined word or acronym before one of its departments.
        if capital, word, tok.bits.rawValue == 0, !tok.ps, tok.base == tok.key, let e = organisationBeforeDepartment(i) { return e }
        return nil
    }

    /// End of a known organisation (organisations.tsv) starting at token i, or nil: capitalised as a name (or in
    /// lower case when its first word is not an ordinary word), or for names that are also ordinary or clinical
    /// words (`CVS`, `Quest`) only right after a place or employer preposition.
    /// End of an occupation that starts inside or right after the known organisation i..<e on its line and ends at or
    /// after e ("DoorDash driver", "FedEx package handler"), or nil. Not after a work preposition ("works at FedEx"),
    /// where the company is the employer.
    @inline(never) func occupationAfterCompany(_ i: Int, _ e: Int) -> Int? {
        guard e < t.count, !(i > 0 && !t[i].nl && isWord(i - 1) && inSet(.employerPrepositions, t[i - 1].key)) else { return nil }
        for k in (i + 1)...e where !t[k].nl && isWord(k) && t[k].ps {
            if let (_, pe) = phrase(at: k, kinds: .startsProfession, where: { $0 == .profession }), pe >= e, pe > k {
                // "the Gidgee Healing Aboriginal Health Worker", "its liaison officer Tyson Bell": a care or claim role
                // (`care_role_heads`) or a role before a person's name is the care team's (GUIDELINE PR2); the
                // organisation keeps its type.
                if inSet(.careRoleHeads, t[pe - 1].key) || (pe < t.count && !t[pe].nl && isWord(pe) && cap(pe)) { return nil }
                return pe
            }
        }
        return nil
    }

    @inline(never) func knownOrganization(_ i: Int) -> Int? {
        guard let (p, e) = phrase(at: i, kinds: .startsOrganization, where: { if case .organization = $0 { true } else { false } }),
            case .organization(let placeOnly) = p.kind
        else { return nil }
        if e < t.count && adjacent(e) && (isWord(e) || t[e].kind == .number) { return nil }
        // "curved Ochsner clamps", "Epworth Sleepiness Scale": an eponymous instrument, method or score.
        if eponymFollows(e) { return nil }
        let preposition = i > 0 && !t[i].nl && (inSet(.organizationPrepositions, t[i - 1].key) || punct(i - 1, 0x40))
        if placeOnly {
            let place = i > 0 && !t[i].nl && (inSet(.placePrepositions, t[i - 1].key) || punct(i - 1, 0x40))
            // Session 5: "drives for UPS", "works with Amazon": an employer after a work verb and its preposition.
            let employer = i > 1 && !t[i].nl && (inSet(.employerPrepositions, t[i - 1].key) || t[i - 1].key == K.with)
                && (inSet(.workVerbs, t[i - 2].key) || inSet(.driveVerbs, t[i - 2].key))
            // Session 6: after an organisation label ("Pharmacy: CVS on Piedmont Ave", "Lab: Quest"), capitalised.
            let labelled = i > 1 && !t[i].nl && !t[i - 1].nl && punct(i - 1, 0x3A) && isWord(i - 2)
                && (inSet(.organizationLabels, t[i - 2].key) || t[i - 2].key == K.lab) && cap(i)
            return place || employer || labelled || placeOnlyOrganizationContext(i, e) ? e : nil
        }
        var capital = true
        for k in i..<e where isWord(k) && !cap(k) && t[k].key != K.of && t[k].key != K.and { capital = false }
        if capital || preposition { return e }
        let bits = t[i].bits
        return !capsDoc && !bits.contains(.ordinaryWord) && !bits.contains(.stopWord) ? e : nil
    }

    /// Token e starts an instrument, method, score or sign named after someone ("clamps", "technique", "scale").
    @inline(never) func eponymFollows(_ e: Int) -> Bool {
        guard e < t.count, !t[e].nl, isWord(e) else { return false }
        return ((t[e].rb.contains(.auxWord) || t[e].base != t[e].key) && inSet(.eponymFollower, t[e].base))
            || (e + 1 < t.count && punct(e, 0x2D) && inSet(.eponymFollower, t[e + 1].base))
    }

    /// Token i lies in a section header ("PAST MEDICAL HISTORY:").
    func inHeader(_ i: Int) -> Bool { input.headerSpan(containing: t[i].s) != nil }

    /// Session 14: token i lies among a section header's own words, not in the bracketed qualifier the section detector
    /// takes into the header (`Labs (04/02/2026, Summit Reference Laboratory, accession ...):` names a laboratory).
    @inline(never) func inHeaderWords(_ i: Int) -> Bool {
        guard let h = input.headerSpan(containing: t[i].s) else { return false }
        var j = i - 1
        while j >= 0 && t[j].s >= h.start && !t[j + 1].nl {
            if punct(j, 0x28) { return false }
            j -= 1
        }
        return true
    }

    /// ``lowerStreetName(_:)`` ends at a street type at token i + 1 or i + 2 (a cheap test before its place context).
    @inline(__always) func streetTypeAfter(_ i: Int) -> Bool {
        (i + 1 < t.count && t[i + 1].bits.contains(.streetType)) || (i + 2 < t.count && t[i + 2].bits.contains(.streetType))
    }

    /// Whether ``locality(_:allowNewline:standalone:)`` standing alone at token i can find its state: at most three town
    /// words and a comma, so the state is read at one of tokens i...i + 4, and only at a state code (`stateAbbr`: upper
    /// case or ``lowerStateAt(_:)``), a three-letter capitalised word (``titleStateAt(_:)``) or the start of a state
    /// name's phrase. Most capitalised words have none of these after them.
    /// (Session 16: the address pass asks it at most capitalised words, mostly a few tokens apart, so the windows overlap:
    /// the scan remembers how far it read (`stateScanFrom`, `stateScanTo`, `stateScanHit`) and reads each token once
    /// while the questions move forward; a question before what it read starts a new scan. The same answer.)
    @inline(__always) mutating func stateMaySoonFollow(_ i: Int) -> Bool {
        if i < stateScanFrom || i > stateScanTo {
            stateScanFrom = i
            stateScanTo = i
            stateScanHit = false
        }
        // No state-like token among tokens i..<stateScanTo: read on to i + 4 unless one was found.
        if !stateScanHit {
            var m = stateScanTo
            while m < t.count && m <= i + 4 {
                if stateLike(m) {
                    stateScanHit = true
                    break
                }
                m += 1
            }
            stateScanTo = m
        }
        return stateScanHit && stateScanTo <= i + 4
    }

    /// A state code (`stateAbbr`), a capitalised three-letter word or the start of a state name's phrase at token m
    /// (``stateMaySoonFollow(_:)``).
    @inline(__always) func stateLike(_ m: Int) -> Bool {
        let tok = t[m]
        return tok.bits.contains(.stateAbbr) || (tok.cp && tok.e - tok.s == 3) || (tok.ps && tok.rb.contains(.startsStateName))
    }

    /// (Session 16: the token's kind inline, the rest out of line: the address rules ask it before most capitalised words,
    /// and the token before them is often punctuation.)
    @inline(__always) func placeContext(_ j: Int) -> Bool {
        guard j >= 0, j < t.count, t[j].kind == .word || t[j].pc == 0x3A else { return false }
        return placeContextOfWordOrColon(j)
    }

    /// ``placeContext(_:)`` at a word or a colon.
    @inline(never) func placeContextOfWordOrColon(_ j: Int) -> Bool {
        // "Place of birth: Ballarat", "Suburb: Toowoomba": a place label and its colon.
        if punct(j, 0x3A) { return placeLabelBefore(j) }
        guard isWord(j) else { return false }
        let k = t[j].key
        if cap(j) && !capsDoc {
            // Session 13: an itinerary line's travel verb opening its line or clause ("- Depart Chicago Feb 14",
            // "Transit through Kigoma"): a capitalised travel word of `extra_place_prepositions` there.
            return (j == 0 || t[j].nl || t[j - 1].kind == .punctuation) && !t[j].flags.contains(.allUpper)
                && t[j].rb.contains(.verbLabelPlaceWord) && inSet(.extraPlacePrepositions, k)
        }
        return k == K.in || k == K.at || k == K.from || k == K.near || k == K.to || k == K.of || k == K.via
            || (t[j].rb.contains(.verbLabelPlaceWord) && inSet(.extraPlacePrepositions, k))
    }

    /// Start of a lower-case facility name ending before the facility cue at `cueIndex`: one to four lower-case
    /// words, at least one of them a name, a place or a word outside the ordinary-word list, right after a place
    /// preposition (`at`, `to`, `from`, `in`, `of`, `via`). Generic words ("the local hospital", "pain clinic") never qualify.
    /// Session 18 (phiorg): the lower-case name from `s` before the service head at `cueIndex` ("tml pathology") holds a
    /// word outside the ordinary-word list that is no name, or starts with a known place ("box hill radiology"); ordinary
    /// words and given names alone ("his pathology", "ann radiology") name none.
    @inline(never) func lowerServiceName(_ s: Int, _ cueIndex: Int) -> Bool {
        if phrase(at: s, kinds: .startsPlace, where: { $0 == .place }) != nil { return true }
        for k in s..<cueIndex where isWord(k) && !t[k].bits.contains(.ordinaryWord) && !t[k].bits.isName && t[k].e - t[k].s >= 3 {
            return true
        }
        return false
    }

    func lowerFacilityStart(_ cueIndex: Int) -> Int? {
        var j = cueIndex - 1
        var s = cueIndex
        var distinctive = 0, unlisted = 0
        // "box hill hospital": a known place right before the cue names the facility, whatever its words are.
        var placeStart = cueIndex
        for q in stride(from: cueIndex - 1, through: max(cueIndex - 3, 0), by: -1) where isWord(q) && !cap(q) && t[q].ps {
            if let (_, pe) = phrase(at: q, kinds: .startsPlace, where: { $0 == .place }), pe == cueIndex { placeStart = q }
        }
        while j >= 0 && !t[j + 1].nl && cueIndex - j <= 4 && isWord(j) && !cap(j) {
            let k = t[j].key
            if inSet(.employerPrepositions, k) || k == K.of || k == K.in || k == K.to || k == K.from || k == K.via || k == K.the { break }
            // "fracture clinic and pain clinic": a facility word that ends before this one ends the name.
            if t[j].rb.contains(.startsFacilityAfter), let (_, pe) = phrase(at: j, kinds: .startsFacilityAfter, where: { $0 == .facilityAfter }),
                pe <= cueIndex
            { break }
            if j >= placeStart {
                distinctive += 1
                s = j
                j -= 1
                continue
            }
            let bits = t[j].bits
            if bits.contains(.drugWord) || bits.contains(.eponym) || bits.contains(.stopWord) || inSet(.functionWords, k) { return nil }
            // "our clinic", "a nursing home", "her nursing home": articles and possessives are not names.
            if (inSet(.genericOrgWords, k) || inSet(.possessives, k)) && !inSet(.lowerFacilityFillers, k) { return nil }
            if !bits.contains(.ordinaryWord) || bits.isName || bits.contains(.placeWord) || t[j].rb.contains(.startsFacilityBefore) {
                distinctive += 1
                if !bits.contains(.ordinaryWord) { unlisted += 1 }
            } else if !inSet(.lowerFacilityFillers, k) {
                // Every other word must be a facility-name filler: "his left foot surgery", "a good dental" are not names.
                return nil
            }
            s = j
            j -= 1
        }
        guard distinctive > 0, s < cueIndex else { return nil }
        // "ward 5 west nursing notes - box hill hospital", "referrer: monash medical centre": at a line start, after a
        // label's colon or a spaced dash, when a word of the name is outside the ordinary-word list or the name starts
        // with a known place ("pain clinic", "- dental clinic" stay out).
        // (Session 14: also after an opening bracket or a comma: "(dx 2011, fremantle hospital)", "(pinehurst cardiology
        // associates, 910-...)".)
        if s == 0 || t[s].nl || (punct(s - 1, 0x3A) && adjacent(s - 1)) || (punct(s - 1, 0x2D) && !adjacent(s - 1) && !adjacent(s))
            || punct(s - 1, 0x28) || punct(s - 1, 0x2C)
        {
            // ("splint, f/u clinic": an abbreviation written with a slash is no name.)
            for q in t[s].s..<t[s].e where b[q] == 0x2F { return nil }
            return unlisted > 0 || phrase(at: s, kinds: .startsPlace, where: { $0 == .place }) != nil ? s : nil
        }
        guard s > 0, isWord(s - 1) else { return nil }
        var p = s - 1
        // "does the books for the mypolonga football club": an article between the preposition and the name, when a
        // word of the name is outside the ordinary-word list ("the local football club", "at the other hospital" stay out).
        if t[p].key == K.the, unlisted > 0, p > 0, !t[p].nl, isWord(p - 1) { p -= 1 }
        let k = t[p].key
        guard inSet(.employerPrepositions, k) || k == K.of || k == K.in || k == K.to || k == K.from || k == K.via else { return nil }
        return s
    }

    /// End of a capitalised employer name starting at token i ("Incat", "Allis-Chalmers", "Johnson & Johnson"), or nil.
    /// First token of the employer name that ``employerRun(_:after:)`` found from token i (after `the`).
    @inline(__always) func employerStart(_ i: Int) -> Int { isWord(i) && t[i].key == K.the && !(cap(i) && capsDoc) ? i + 1 : i }

    func employerRun(_ i0: Int, after preposition: UInt64) -> Int? {
        // Session 12: "a crane operator at the Port of Brisbane": `the` stays outside; the name after it must hold two
        // words or a word outside the ordinary-word list ("works for the Council" stays out).
        var i = i0
        let article = i + 1 < t.count && !t[i].nl && isWord(i) && t[i].key == K.the && !(cap(i) && capsDoc)
        if article { i += 1 }
        guard i < t.count, !t[i].nl, cap(i), !t[i].bits.contains(.title), !covered[i],
            !inSet(.monthNames, t[i].key), !inSet(.weekdays, t[i].key), K.the != t[i].key
        else { return nil }
        var e = i
        var words = 0
        while e < t.count && !t[e].nl && words < 5 {
            if cap(e) && !covered[e] && !(capsDoc && (inSet(.employerPrepositions, t[e].key) || t[e].key == K.in)) {
                words += 1
                e += 1
                continue
            }
            // "Allis-Chalmers", "Johnson & Johnson", "Bank of Queensland".
            if (punct(e, 0x2D) && adjacent(e) && e + 1 < t.count && adjacent(e + 1) && cap(e + 1))
                || ((punct(e, 0x26) || (isWord(e) && (t[e].key == K.of || t[e].key == K.and))) && e + 1 < t.count && !t[e + 1].nl && cap(e + 1))
            {
                e += 1
                continue
            }
            break
        }
        guard words > 0 else { return nil }
        // "works at Willowbank Station": a rural property is a place (ADDRESS, propertyName), not an employer.
        if isWord(e - 1), e - 1 > i, inSet(.propertyWords, t[e - 1].key) { return nil }
        // "a coal miner at Kurri Kurri": a known place is an ADDRESS.
        if let (_, pe) = phrase(at: i, kinds: .startsPlace, where: { $0 == .place }), pe >= e { return nil }
        if article && e == i + 1 && (t[i].bits.contains(.ordinaryWord) || t[i].bits.isName) { return nil }
        // "a teacher at the Yeelanna school", "a nurse with the Smith family": after `the`, a lower-case noun after the
        // capitals makes them its modifier.
        if article, e < t.count, !t[e].nl, isWord(e), !cap(e), !inSet(.functionWords, t[e].key), !inSet(.employerPrepositions, t[e].key),
            !inSet(.placePrepositions, t[e].key), t[e].key != K.in, t[e].key != K.on, t[e].key != K.from
        { return nil }
        // "fisheries officer with the NT Government", "a signalman with State Rail": a government body is no organisation
        // (GUIDELINE §6); the frames of session 12 (`the`, words that are not a person's) leave them out.
        var relaxed = article
        // "works for Kylie Chen", "works with Tom": people, not employers.
        if preposition != K.at {
            var allNames = true
            for k in i..<e where isWord(k) && !(t[k].bits.isName || t[k].bits.contains(.ordinaryWord)) { allNames = false }
            // Session 12: a person's name of two or more words starts with a given name or a kinship word; words that do
            // not ("a taxi driver with Swan Taxis", "an analyst for Saab Australia", "a truck driver for Southwest
            // Freight Lines") name a company.
            if allNames && e > i + 1 && !t[i].bits.contains(.firstName) && !t[i].rb.contains(.kinship) && !t[i].bits.contains(.title)
                // ("RAIL WORKER WITH INFERIOR STEMI": not in capitals.)
                && !capsDoc && !t[i].flags.contains(.allUpper)
            {
                allNames = false
                relaxed = true
            }
            // Session 11: "worked for Peabody in Harlan County": after `for`, a lone word listed only as a surname is a
            // company named after its founder ("works for Kylie", "works for Kylie Chen" stay people).
            if allNames && !(preposition == K.for && e == i + 1 && t[i].bits == .lastName) { return nil }
        }
        if relaxed {
            for k in i..<e where isWord(k) && inSet(.publicBodyWords, t[k].key) { return nil }
        }
        // Session 12: "works for the Pain Service", "worked for Hospital Center", "the Social Security Administration":
        // generic service, specialty, government and facility words alone name no employer.
        var distinctive = false
        for k in i..<e where isWord(k) && t[k].key != K.of && t[k].key != K.and && !(t[k].rb.contains(.startsFacilityAfter) && t[k].bits.contains(.ordinaryWord))
            && !inSet(.genericOrgWords, t[k].key) && !inSet(.genericServiceWords, t[k].key) && !inSet(.specialtyWords, t[k].key)
            && !inSet(.governmentServiceWords, t[k].key) && !inSet(.publicBodyWords, t[k].key)
        { distinctive = true }
        if !distinctive { return nil }
        // A lone known place or ordinary word ("works at Parramatta", "works for Dad") is not an employer.
        if words == 1 && e == i + 1 {
            let bits = t[i].bits
            if bits.contains(.placeWord) || (bits.contains(.ordinaryWord) && !t[i].flags.contains(.allUpper)) || bits.contains(.stateAbbr)
                || inSet(.countries, t[i].key)
            { return nil }
        }
        return e
    }

    /// Session 12: a word of tokens i..<k is a listed name, a place word or outside the ordinary-word list (a military
    /// branch's word is none: "Naval Reserve").
    @inline(never) func distinctiveBefore(_ i: Int, _ k: Int) -> Bool {
        for q in i..<k where isWord(q) && !inSet(.militaryBranchWords, t[q].key) {
            let bits = t[q].bits
            if !bits.contains(.ordinaryWord) || bits.isName || bits.contains(.placeWord) { return true }
        }
        return false
    }

    /// Start token of a facility name ending with the facility cue at `cueIndex`, or nil.
    /// Tokens j-2, j-1 before `of` at j read as a person: a capitalised given name (not a place, title or ordinary
    /// word) and a capitalised surname-like word that is no place or organisation word.
    @inline(never) func personBeforeOf(_ j: Int) -> Bool {
        guard j >= 2, !t[j].nl, !t[j - 1].nl, isWord(j - 1), isWord(j - 2), cap(j - 1), cap(j - 2) else { return false }
        let g = t[j - 2].bits, f = t[j - 1].bits
        guard g.contains(.firstName), !g.contains(.placeWord), !g.contains(.title), !g.contains(.ordinaryWord), !t[j - 2].ps else { return false }
        return !f.contains(.placeWord) && !f.contains(.title) && !f.contains(.ordinaryWord) && !t[j - 1].ps
    }

    func facilityStart(_ cueIndex: Int) -> Int? {
        var j = cueIndex - 1
        var s = cueIndex
        var proper = 0
        while j >= 0 && !t[j + 1].nl && cueIndex - j <= 6 {
            // "Los Lunas, NM     Medical unit": a column gap (three spaces or a tab) separates two fields of a form.
            if t[j + 1].s - t[j].e >= 3 || b[t[j].e] == 0x09 { break }
            if cap(j) || t[j].kind == .number {
                if t[j].bits.contains(.title) && !t[j].ps { break }
                // "SENT GALLBLADDER TO PATHOLOGY": a preposition never sits inside a name before its cue word.
                if isWord(j) && (inSet(.employerPrepositions, t[j].key) || inSet(.capsBreakWords, t[j].key)) {
                    // Session 14: "Rosewood Drop-In Center": joined by a hyphen to the word before, it makes one compound
                    // word of the name, which counts as no proper word ("Walk-In Clinic" alone names nothing).
                    // ("DAUGHTER-IN-LAW": a compound that goes on after the preposition is no such word.)
                    if j >= 2, punct(j - 1, 0x2D), adjacent(j - 1), adjacent(j), isWord(j - 2), cap(j - 2), !t[j - 1].nl,
                        !(punct(j + 1, 0x2D) && adjacent(j + 1))
                    {
                        s = j - 2
                        j -= 3
                        continue
                    }
                    break
                }
                let ordinary = inSet(.genericOrgWords, t[j].key) || inSet(.genericServiceWords, t[j].key) || inSet(.specialtyWords, t[j].key)
                    || (t[j].bits.contains(.ordinaryWord) && !t[j].bits.isName && !t[j].bits.contains(.placeWord)
                        && inSet(.sentenceOpeners, t[j].key))
                // (Session 12: "from Hospital Emergency Department": a generic service word that can open a facility name
                // is no proper word either.)
                if (!ordinary && t[j].e - t[j].s >= 2 && !(t[j].e - t[j].s == 3 && b[t[j].s + 1] == 0x2F))
                    || (t[j].rb.contains(.startsFacilityBefore) && !inSet(.genericServiceWords, t[j].key))
                { proper += 1 }
                // A capitalised sentence-opening ordinary word ("Admitted") ends the walk.
                if ordinary && (t[j].nl || j == 0 || punct(j - 1, 0x2E)) && proper == 0 { break }
                s = j
                j -= 1
                continue
            }
            // "Mercy Regional Medical Center and Southwest Orthopedic Group": `and` or `&` after a facility word joins two
            // names, not two words of one ("Women's and Children's Hospital").
            if (punct(j, 0x26) || (isWord(j) && t[j].key == K.and)) && j > 0 && t[j - 1].rb.contains(.startsFacilityAfter),
                let (_, pe) = phrase(at: j - 1, kinds: .startsFacilityAfter, where: { $0 == .facilityAfter }), pe == j
            { break }
            // Session 13: "case manager Tobias Ferrante of Southeast Healthcare Services": a given name and a surname
            // before `of` are the person who works there, no part of the organisation's name.
            if isWord(j) && t[j].key == K.of && personBeforeOf(j) { break }
            // "of", "the", "&" inside a name: "Hospital of St John", "Sisters of Charity".
            if isWord(j) && (t[j].key == K.of || t[j].key == K.and) && j > 0 && cap(j - 1) {
                j -= 1
                continue
            }
            if (punct(j, 0x26) || (punct(j, 0x2D) && adjacent(j) && adjacent(j + 1))) && j > 0 && cap(j - 1) {
                j -= 1
                continue
            }
            // "St. Brendan's".
            if punct(j, 0x2E) && adjacent(j) && j > 0 && isWord(j - 1) && t[j - 1].rb.contains(.startsFacilityBefore) {
                j -= 1
                continue
            }
            break
        }
        // "MRN 88-310-442   ROOM 412B   LAKEVIEW SKILLED NURSING": numbers and room words are not part of the name.
        var p = cueIndex - 1
        // ("Kogarah Bay Family Medical": a room word counts only before a number or code, as in "Bay 4".)
        while p >= s && !(t[p].kind == .number || (isWord(p) && b[t[p].s] &- 0x30 < 10))
            && !(inSet(.roomWords, t[p].key) && p + 1 < cueIndex && t[p + 1].flags.contains(.hasDigit))
            && !(p > 0 && adjacent(p) && t[p - 1].kind == .number)
        { p -= 1 }
        if p >= s {
            s = p + 1
            proper = 0
            for q in s..<cueIndex where cap(q) && t[q].e - t[q].s >= 2 && !inSet(.genericOrgWords, t[q].key) && !inSet(.genericServiceWords, t[q].key)
                && !inSet(.specialtyWords, t[q].key) { proper += 1 }
        }
        return proper > 0 && s < cueIndex ? s : nil
    }

    /// A street address starting at number token i; returns its end.
    mutating func streetAddress(_ i: Int) -> Int? {
        // "Start 14:02 PT": the minutes of a clock time; "... vic 3218   keysafe at side gate": a postcode after a state.
        if i > 0, !t[i].nl, (punct(i - 1, 0x3A) && adjacent(i) && i > 1 && t[i - 2].kind == .number)
            || (t[i].kind == .number && (t[i].e - t[i].s == 4 || t[i].e - t[i].s == 5) && isWord(i - 1) && t[i - 1].bits.contains(.stateAbbr)
                && (t[i - 1].flags.contains(.allUpper) || lowerAt(i - 1)) && !inSet(.functionWords, t[i - 1].key)
                && !inSet(.townFollowers, t[i - 1].key) && i > 1 && isWord(i - 2) && !t[i - 1].nl)
        { return nil }
        // Session 15: "AT SCENE 0641  AT PT", "0110 CNA FOUND PT": a number with a leading zero is a clock time, and "ETT
        // 7.5 PLACED BY DR" a decimal measure; no house number is written either way.
        if t[i].kind == .number, t[i].e - t[i].s >= 2, b[t[i].s] == 0x30 || b[t[i].s..<t[i].e].contains(0x2E) { return nil }
        var j = i + 1
        // 5/12 Smith St, 12-14 Smith St, 7/15-17 Pacific Hwy.
        if (punct(j, 0x2F) || punct(j, 0x2D)) && adjacent(j) && j + 1 < t.count && t[j + 1].kind == .number && adjacent(j + 1) {
            j += 2
            if punct(j, 0x2D) && punct(j - 2, 0x2F) && adjacent(j) && j + 1 < t.count && t[j + 1].kind == .number && adjacent(j + 1) { j += 2 }
        }
        // 12A (number + letter).
        if j < t.count && isWord(j) && adjacent(j) && t[j].e - t[j].s == 1 { j += 1 }
        var lastType = -1
        var k = j
        var words = 0
        // "2890 W 600 S": a grid address (Utah, Idaho) is a direction, a number and a direction.
        // (Session 16: a grid street opens with a one-letter word, tested before the out-of-line call.)
        if j < t.count, t[j].e - t[j].s == 1, let g = gridStreet(j) { lastType = g - 1; k = g; words = 5 }
        while k < t.count && words < 5 && !t[k].nl {
            // "1850 W 21st Pl", "216 2ND AVE NE": numbered streets.
            let ok = cap(k) || (lowerAt(k) && isWord(k) && !t[k].flags.contains(.hasDigit)) || (words <= 1 && streetOrdinal(k))
            guard ok else { break }
            // "1500 seen by dr patel": in a lower-case note, `by` or a handover word before `dr` is a person cue, not a
            // street name.
            if lowerAt(k) && !cap(k) && (t[k].key == K.by || inSet(.handoverWords, t[k].key)) { break }
            // "1915 rec'd pt from er": in a lower-case note `pt` is the patient, not a Point; a wide column gap ends the
            // street ("14:02 PT   End").
            if lowerAt(k) && t[k].key == K.pt { break }
            // "2 cm on lower leg", "1 x walk", "2 puffs prn via spacer": in lower-case text a function word, a unit or a
            // one-letter word (other than a direction) is no part of a street name.
            if lowerAt(k) && !cap(k) && isWord(k)
                && (inSet(.functionWords, t[k].key) || inSet(.quantityUnits, t[k].key)
                    || (t[k].e - t[k].s == 1 && !t[k].bits.contains(.direction)))
            { break }
            if k > j && t[k].s - t[k - 1].e >= 3 { break }
            // Session 15: "CATH 2021 AT FORT SANDERS", "ACETAMINOPHEN 650 MG PR AT 0225", "1205 ASKING HOW HE IS": in an
            // ALL-CAPS word a function word, a place preposition or a unit ends the street name as in lower-case text
            // (`THE` may open it: "12 THE ESPLANADE").
            if t[k].flags.contains(.allUpper), isWord(k), t[k].e - t[k].s >= 2,
                inSet(.functionWords, t[k].key) || inSet(.placePrepositions, t[k].key) || inSet(.quantityUnits, t[k].key),
                !(k == j && t[k].key == K.the)
            { break }
            // An upper-case abbreviated type (`ST`, `RD`) in a mixed-case note only after an upper-case street name
            // ("2205 S CHURCH ST STE 300").
            if t[k].bits.contains(.streetType) && words > 0
                && (capsDoc || lowerDoc || (t[k].ll && !t[k].flags.contains(.allUpper)) || !t[k].flags.contains(.allUpper) || t[k].e - t[k].s > 3
                    || (t[k - 1].flags.contains(.allUpper) && t[k - 1].e - t[k - 1].s >= 3
                        // "UNIT 5/22 BEACH RD": a long street-type word may be the whole name before the type.
                        && (!t[k - 1].bits.contains(.streetType) || (k - 1 == j && t[k - 1].e - t[k - 1].s >= 4))))
            {
                // Session 15: "PAIN 8/10 WOKE PT FROM SLEEP": an upper-case `PT` with words after it is the patient; as a
                // Point it ends its street (a comma, a line end or a direction after it).
                if !(t[k].key == K.pt && t[k].flags.contains(.allUpper) && k + 1 < t.count && !t[k + 1].nl && isWord(k + 1)
                    && !t[k + 1].bits.contains(.direction))
                { lastType = k }
            }
            words += 1
            k += 1
            if punct(k, 0x2E) && adjacent(k) && (lastType == k - 1 || (words == 1 && t[k - 1].bits.contains(.direction))) { k += 1 }
        }
        // "4410 Route 66", "12 Highway 1": a numbered road's type as the whole name before its number.
        var routeEnd = lastType > j ? routeNumberEnd(lastType) : nil
        if lastType <= j, cap(j), let r = routeNumberEnd(j) { lastType = j; routeEnd = r }
        guard lastType > j || routeEnd != nil else { return nil }
        // "10:45  ward round": a room word is no street name.
        if inSet(.wardWords, t[j].key), lastType == j + 1 { return nil }
        // "2ND DEGREE block": in lower-case text a lower-case street type must end the street (``lowerStreetEnds(_:)``).
        if !cap(lastType), lowerAt(lastType), !lowerStreetEnds(lastType) { return nil }
        var end = lastType + 1
        if punct(end, 0x2E) && adjacent(end) { end += 1 }
        // "1234 County Road 12, Ada, OK 74820": the route number is part of the street.
        if let r = routeEnd { end = r }
        if end < t.count && !t[end].nl && t[end].bits.contains(.direction) && (cap(end) || lowerAt(end)) { end += 1 }
        // "1618 W Farragut Ave #2": a unit number after a hash.
        if punct(end, 0x23), end + 1 < t.count, adjacent(end + 1), !t[end].nl, t[end + 1].kind == .number || t[end + 1].flags.contains(.hasDigit) {
            end += 2
            while end < t.count && adjacent(end) && (isWord(end) || t[end].kind == .number) { end += 1 }
        }
        // "55 Example Street, 4th Floor, Boston": an ordinal floor or level (`floor_words`).
        do {
            var f = end
            if punct(f, 0x2C) { f += 1 }
            if f + 1 < t.count, !t[f].nl, !t[f + 1].nl, streetOrdinal(f), isWord(f + 1), inSet(.floorWords, t[f + 1].key) { end = f + 2 }
        }
        // Unit after the street: "Apt 4B", "Unit 3".
        var u = end
        if punct(u, 0x2C) { u += 1 }
        var v = u + 1
        if punct(v, 0x2E) && adjacent(v) { v += 1 }
        if u < t.count && !t[u].nl && t[u].bits.contains(.unitWord) && v < t.count && !t[v].nl
            && (t[v].kind == .number || t[v].flags.contains(.hasDigit) || (isWord(v) && t[v].e - t[v].s == 1 && upperInitial(v)))
        {
            end = v + 1
            while end < t.count && adjacent(end) && (isWord(end) || t[end].kind == .number) { end += 1 }  // "3B"
            // A second unit ("Apt 4B, Bldg C") before the locality.
            var w = end
            if punct(w, 0x2C) { w += 1 }
            var x = w + 1
            if punct(x, 0x2E) && adjacent(x) { x += 1 }
            if w < t.count && !t[w].nl && t[w].bits.contains(.unitWord) && x < t.count && !t[x].nl
                && (t[x].kind == .number || t[x].flags.contains(.hasDigit) || (isWord(x) && t[x].e - t[x].s == 1 && upperInitial(x)))
            {
                end = x + 1
            }
        }
        // Unit before: "Unit 5, 12 Smith St", "Apt 3 / 12 ...".
        var s = i
        if i >= 2 && t[i - 1].kind == .number && t[i - 2].bits.contains(.unitWord) { s = i - 2 }
        // "Lot 7 Old Narrandera Rd", "RMB 412 Kelly Rd", "RSD 1420 Bagot Rd": a lot or mail-box number is the house number.
        else if i >= 1 && !t[i].nl && (t[i - 1].bits.contains(.unitWord) && cap(i - 1) || ruralBoxWord(i - 1)) { s = i - 1 }
        else if i >= 3 && punct(i - 1, 0x2C) && (t[i - 2].kind == .number || t[i - 2].flags.contains(.hasDigit))
            && t[i - 3].bits.contains(.unitWord)
        {
            s = i - 3
        }
        // "Unit 3B 88 Beach Road"; "Suite 3, Level 1, 20 Railway Pde", "Shop 5, 101 Brunswick St": more units before.
        while let u = unitBefore(s) { s = u }
        let streetEnd = end
        if let l = locality(end, allowNewline: false) ?? localityAfterVia(end) { end = l }
        // A locality that overlaps a strong name is left to it; the street alone is still an address.
        for c in streetEnd..<end where covered[c] { end = streetEnd }
        for c in s..<end where covered[c] { return nil }
        emit(.address, s, end, priority: 3, score: 0.9, rule: "address-street")
        return end
    }

    /// In lower-case text, whether the lower-case street type at `k` ends a street: a type of `lower_street_types`
    /// before a clause end, a comma, a direction, a unit or a word of `function_words` / `town_followers` (`lives at 22
    /// mackerel street with wife`; not `3 leads st depression`), or any street type before a locality that carries its
    /// state (`5 example ct, golden grove sa 5125`; not `1 x walk`, `1st degree av block`).
    @inline(never) func lowerStreetEnds(_ k: Int) -> Bool {
        var e = k + 1
        if inSet(.lowerStreetTypes, t[k].key) && (e >= t.count || t[e].nl || t[e].kind == .punctuation) { return true }
        if punct(e, 0x2E) && adjacent(e) { e += 1 }
        if inSet(.lowerStreetTypes, t[k].key) {
            if e >= t.count || t[e].nl || t[e].kind == .punctuation { return true }
            if isWord(e) && (t[e].bits.contains(.direction) || t[e].bits.contains(.unitWord) || inSet(.functionWords, t[e].key)
                || inSet(.townFollowers, t[e].key) || inSet(.handoverWords, t[e].key))
            { return true }
        }
        guard let l = locality(e, allowNewline: false) else { return false }
        for q in e..<l where isStateAt(q) || lowerStateAt(q) { return true }
        return false
    }

    /// A locality after token `start` (`, Parramatta NSW 2150`, `Springfield, IL 62704`):
    /// returns its end. `standalone`: it starts at `start` itself and needs a postcode or a
    /// listed place before the state.
    func locality(_ start: Int, allowNewline: Bool, standalone: Bool = false) -> Int? {
        var j = start
        if !standalone {
            if punct(j, 0x2C) { j += 1 }
            guard j < t.count, allowNewline || !t[j].nl else { return nil }
        }
        // Up to 3 capitalised words (the city or suburb).
        let cityStart = j
        var k = j
        // (In a lower-case note the town is lower-case too: "9 autumn st, geelong west vic 3218".)
        while k < t.count && k - cityStart < 3 && (cap(k) || (lowerAt(k) && isWord(k) && !t[k].flags.contains(.hasDigit)))
            && (k == cityStart || !t[k].nl) && !isStateAt(k) && !lowerStateAt(k) && !titleStateAt(k)
        {
            k += 1
            // "St. Paul, MN 55101", "Mt. Barker SA 5251": an abbreviated first word keeps its full stop.
            if k == cityStart + 1, punct(k, 0x2E), adjacent(k), inSet(.townAbbreviations, t[cityStart].key), k + 1 < t.count, !t[k + 1].nl, cap(k + 1) { k += 1 }
        }
        // Allow a state right after the street (no city).
        guard k > cityStart || !standalone else { return nil }
        var m = k
        if punct(m, 0x2C) { m += 1 }
        guard m < t.count, !t[m].nl || m == cityStart else { return nil }
        var stateEnd = -1
        if (t[m].bits.contains(.stateAbbr) && t[m].flags.contains(.allUpper)) || lowerStateAt(m) || titleStateAt(m) { stateEnd = m + 1 }
        else if let (_, e) = phrase(at: m, kinds: .startsStateName, where: { $0 == .stateName }), cap(m) { stateEnd = e }
        var end = -1
        if stateEnd > 0 {
            end = stateEnd
            // "Wodonga, Vic. 3690", "Springfield, Ill. 62704", "PARRAMATTA, NSW, 2150": a full stop or a comma between the
            // state and its postcode.
            if let p = postcodeAfterPunctuation(end) { end = p }
            if end < t.count && !t[end].nl && t[end].kind == .number {
                let len = t[end].e - t[end].s
                if len == 4 || len == 5 {
                    end += 1
                    // ZIP+4.
                    if punct(end, 0x2D) && adjacent(end) && end + 1 < t.count && t[end + 1].kind == .number && t[end + 1].e - t[end + 1].s == 4 {
                        end += 2
                    }
                } else if standalone { return nil }
            } else if standalone {
                // Without a postcode, only a listed place: "Springfield, IL".
                guard k > cityStart, phrase(at: cityStart, kinds: .startsPlace, where: { $0 == .place }) != nil else { return nil }
                // "Rania, ID #31108": a state code before `#` is an identifier's label.
                if end < t.count && punct(end, 0x23) { return nil }
                // "Priya Raman, MA, CCC-SLP": a state code before a comma and a credential is a degree (session 12).
                if credentialAfterComma(end) { return nil }
                // "Canadian CT head", "Lebanon MS": without a comma, a state code that is also a clinical
                // abbreviation (CT, MS, PA, MD, ...) is the abbreviation.
                if m == k && stateEnd == m + 1 && inSet(.clinicalStateCodes, t[m].key) { return nil }
            }
            if k == cityStart && !standalone && stateEnd == m + 1 && t[m].e - t[m].s == 2 && end == stateEnd {
                return nil  // a lone 2-letter state after a street needs a postcode
            }
        } else if k > cityStart && m < t.count && t[m].kind == .number && t[m].e - t[m].s == 4 && !standalone
            // Session 15: "..., VIA STEMI LINE 0656": without a state a number with a leading zero is a clock time.
            && b[t[m].s] != 0x30
        {
            end = m + 1  // "Parramatta 2150" after a street
        } else if !standalone && k > cityStart, phrase(at: cityStart, kinds: .startsPlace, where: { $0 == .place }) != nil {
            end = k
        }
        return end > start ? end : nil
    }

    /// Token k is a comma followed on its line by a credential (`Hannah Oduya, MS, CGC`, `Priya Raman, MA, CCC-SLP`): the
    /// two-letter code before the comma is then a degree (MS, MA, PA), no state.
    @inline(__always) func credentialAfterComma(_ k: Int) -> Bool {
        k + 1 < t.count && punct(k, 0x2C) && !t[k + 1].nl && isWord(k + 1) && t[k + 1].bits.contains(.credential)
    }

    /// A state code followed by a number within the four tokens after `i` (the cheap pre-test of ``lowerLocality(_:)``,
    /// which would otherwise run at every lower-case word of a lower-case line).
    @inline(__always) func stateCodeSoon(_ i: Int) -> Bool {
        var k = i + 1
        while k < t.count && k <= i + 4 {
            if t[k].nl { return false }
            if t[k].bits.contains(.stateAbbr) && k + 1 < t.count && t[k + 1].kind == .number { return true }
            k += 1
        }
        return false
    }

    /// A lower-case town, state and postcode starting at token `i` (`toowoomba qld 4350`, `bayview heights qld 4868`,
    /// `springfield, il 62704`): one to three words after a clause boundary (line start, punctuation, a preposition or
    /// a residence word), none of them a function word, a preposition or a word with digits, then an Australian state
    /// and four digits or a US state and a five-digit ZIP. Returns the end.
    @inline(never) func lowerLocality(_ i: Int) -> Int? {
        guard i == 0 || t[i].nl || t[i - 1].kind == .punctuation
            || (isWord(i - 1) && (placeContext(i - 1) || inSet(.functionWords, t[i - 1].key) || inSet(.placePrepositions, t[i - 1].key)
                || t[i - 1].rb.contains(.ordinalContactResidenceWord)))
        else { return nil }
        var k = i
        while k < t.count && k - i < 3 && (k == i || !t[k].nl) && isWord(k) && !lowerStateAt(k) {
            if t[k].flags.contains(.hasDigit) || inSet(.functionWords, t[k].key) || inSet(.placePrepositions, t[k].key)
                || inSet(.handoverWords, t[k].key) || t[k].e - t[k].s < 2
            { return nil }
            k += 1
        }
        var m = k
        if punct(m, 0x2C) { m += 1 }
        guard k > i, m + 1 < t.count, !t[m].nl, lowerStateAt(m) else { return nil }
        let digits = t[m + 1].e - t[m + 1].s
        guard inSet(.auStates, t[m].key) ? digits == 4 : digits == 5 else { return nil }
        return locality(i, allowNewline: false, standalone: true)
    }

    /// The token of a postcode or ZIP written after a full stop or comma at token `k` ("Vic. 3690", "NSW, 2150") that
    /// ends its clause, or nil: the caller reads the postcode there.
    @inline(never) func postcodeAfterPunctuation(_ k: Int) -> Int? {
        guard punct(k, 0x2E) || punct(k, 0x2C), k + 1 < t.count, !t[k].nl, !t[k + 1].nl, t[k + 1].kind == .number,
            t[k + 1].e - t[k + 1].s == 4 || t[k + 1].e - t[k + 1].s == 5
        else { return nil }
        let a = k + 2
        guard a >= t.count || t[a].nl || (t[a].kind == .punctuation && !punct(a, 0x2F) && !punct(a, 0x3A) && !(punct(a, 0x2E) && a + 1 < t.count && t[a + 1].kind == .number && adjacent(a + 1)))
        else { return nil }
        return k + 1
    }

    /// "Lot 4 Mundic Rd via Kalangadoo SA 5278": a rural street's town after `via` (the town it is reached from), with
    /// its state, is the rest of the address line. Returns its end, or nil.
    @inline(never) func localityAfterVia(_ k: Int) -> Int? {
        var j = k
        if punct(j, 0x2C) { j += 1 }
        guard j + 1 < t.count, isWord(j), t[j].key == K.via, !t[j].nl, !t[j + 1].nl,
            let l = locality(j + 1, allowNewline: false, standalone: true)
        else { return nil }
        for q in (j + 1)..<l where isStateAt(q) || lowerStateAt(q) { return l }
        return nil
    }

    /// A postcode or ZIP in brackets right after a town and its state at token `k` ("Meridian, ID (83642)", "Moe VIC
    /// (3825)"): emitted as its own ADDRESS, the brackets outside (GUIDELINE G3). Returns the end of the closing bracket.
    @inline(never) mutating func bracketedPostcode(_ k: Int) -> Int? {
        guard punct(k, 0x28), k + 2 < t.count, !t[k].nl, !t[k + 1].nl, adjacent(k + 1), t[k + 1].kind == .number,
            t[k + 1].e - t[k + 1].s == 4 || t[k + 1].e - t[k + 1].s == 5, punct(k + 2, 0x29), adjacent(k + 2), isStateAt(k - 1) || lowerStateAt(k - 1)
        else { return nil }
        emit(.address, k + 1, k + 2, priority: 3, score: 0.75, rule: "address-bracketed-postcode")
        return k + 3
    }

    /// The end of a known place followed by a comma and a state code that is not a credential, closing its clause or
    /// field, at token `j` ("San Marcos, TX.", "Meridian, ID (83642)"), or nil.
    @inline(never) func placeBeforeStateCode(_ j: Int) -> Int? {
        guard j < t.count, cap(j), t[j].ps, let (_, pe) = phrase(at: j, kinds: .startsPlace, where: { $0 == .place }),
            punct(pe, 0x2C), pe + 1 < t.count, !t[pe + 1].nl, isStateAt(pe + 1), t[pe + 1].e - t[pe + 1].s == 2,
            !t[pe + 1].bits.contains(.credential)
        else { return nil }
        let a = pe + 2
        guard a >= t.count || t[a].nl || t[a].kind == .punctuation || t[a].kind == .number || t[a].s - t[a - 1].e >= 3 else { return nil }
        return pe
    }

    /// An Australian state abbreviation written in title case before its postcode ("Wodonga Vic 3690", "Cairns, Qld.
    /// 4870", "Hobart, Tas, 7000"): three letters of `au_states` other than `Act` (`Mental Health Act 2014` is a law);
    /// without the postcode `Tas` stays a word.
    @inline(never) func titleStateAt(_ k: Int) -> Bool {
        guard k + 1 < t.count, isWord(k), t[k].e - t[k].s == 3, cap(k), !t[k].flags.contains(.allUpper), inSet(.auStates, t[k].key),
            t[k].key != K.act,
            !t[k + 1].nl
        else { return false }
        if t[k + 1].kind == .number { return t[k + 1].e - t[k + 1].s == 4 }
        return postcodeAfterPunctuation(k + 1).map { t[$0].e - t[$0].s == 4 } ?? false
    }

    func isStateAt(_ k: Int) -> Bool {
        (t[k].bits.contains(.stateAbbr) && t[k].flags.contains(.allUpper))
    }

    /// In a lower-case note or line, a state code in lower case before a postcode or ZIP ("geelong west vic 3218", "belden ms
    /// 38826"); without the postcode `in`, `or`, `me` stay words.
    @inline(never) func lowerStateAt(_ k: Int) -> Bool {
        guard lowerAt(k), k + 1 < t.count, isWord(k), t[k].bits.contains(.stateAbbr), !t[k + 1].nl, t[k + 1].kind == .number else { return false }
        let n = t[k + 1].e - t[k + 1].s
        return n == 4 || n == 5
    }

    // MARK: professions

    /// Tokens where ``profession(_:)`` can start: an `auxWord` (the occupation-phrase cues) or a vocabulary phrase start
    /// (the listed professions). `PHIStartFilterTests` compares the dev notes with and without this filter.
    @inline(__always) func professionMayStart(_ i: Int) -> Bool {
        t[i].ps || t[i].rb.contains(.auxWord)
    }

    mutating func profession(_ i: Int) -> Int? {
        // "works nights as a poultry line supervisor", "Occupation: warehouse team leader": a job title after its cue.
        if t[i].rb.contains(.auxWord), isWord(i), inSet(.occupationPhraseCues, t[i].key), let e = occupationNounPhrase(i) { return e }
        guard isWord(i), t[i].ps,
            let (_, e) = phrase(at: i, kinds: .startsProfession, where: { $0 == .profession })
        else { return nil }
        for k in i..<e where covered[k] { return nil }
        if e == i + 1 && inSet(.notProfessions, t[i].key) { return nil }
        // "husband kevin cook mob ...", "pt: cook, beverley anne", "hope cook-delaney": a one-word occupation joined to a
        // name found around it is a surname.
        if e == i + 1 && !capsDoc && ((i > 0 && named[i - 1] && !t[i].nl && isWord(i - 1))
            || (punct(e, 0x2D) && adjacent(e)) || (punct(e, 0x2C) && e + 1 < t.count && !t[e + 1].nl && named[e + 1]))
        { return nil }
        // "imam Muhamed Hasić visited", "school nurse Grace Sailor": a role word right before a person found in the note is
        // that person's role (GUIDELINE PR2), as a title would be.
        if e < t.count && !t[e].nl && named[e] { return nil }
        // Session 17 (phiA): "FLIGHT NURSE: JODIE PRENTICE", "Certifying scientist: Pernille Gundersen", "GP: Dr Varghese": a
        // role before a colon and a person found in the note (or a title) labels that person's role (GUIDELINE PR2).
        if e + 1 < t.count && punct(e, 0x3A) && !t[e].nl && !t[e + 1].nl
            && (named[e + 1] || t[e + 1].bits.contains(.title) || t[e + 1].bits.contains(.weakTitle))
        { return nil }
        // Session 13: "cam walker fitted by orthotist dylan prescott", "podiatrist: tegan kowalski": in a lower-case line a
        // listed given name and a listed surname, neither an ordinary or stop-listed word, after a role (and its colon).
        if !cap(i) && !capsDoc, let ne = lowerNameAfterRole(e) {
            emitName(ne.0, ne.1, priority: 3, score: 0.75, rule: "name-after-role")
            return ne.1
        }
        // "PILOT R. WEBER", "pharmacist T. Hossain": a role before an initial and a surname names that person.
        if e + 2 < t.count, !t[e].nl, initial(e), !covered[e], let ne = initialsNameAfterCue(e) {
            emitName(e, ne, priority: 3, score: 0.75, rule: "name-after-role")
            return ne
        }
        // "by K. Dimitriou, scientist.", "Travis Gunderson, claims adjuster,", "D. Nakamura-Price (scientist)": a care or
        // claim role (`care_role_heads`) set right after a person's name, without an article, is that person's role in the
        // note (GUIDELINE PR2); other occupations there stay ("Mr Ashok Patel, taxi driver", "Rafael Mendes, actuary"),
        // and so does one in apposition with an article ("her brother, a nurse,").
        if inSet(.careRoleHeads, t[e - 1].key) {
            // "R. Delacroix (lab scientist)": up to two modifier words between the bracket and the listed role.
            var p = i - 1
            // An article or a verb before the role makes it an apposition ("Kalia Xiong, a registered nurse at ...").
            while p > 0 && i - p <= 2 && isWord(p) && !t[p + 1].nl && !named[p] && !inSet(.occupationPhraseEnds, t[p].key)
                && t[p].key != K.is && t[p].key != K.was
            { p -= 1 }
            if p >= 1 && (punct(p, 0x2C) || punct(p, 0x28)) && !t[p + 1].nl && !t[p].nl && named[p - 1] { return nil }
        }
        // "his teacher Ms Kelly", "his pastor, rev. Okonkwo": a person's role towards the patient.
        if i > 0 && inSet(.possessives, t[i - 1].key) { return nil }
        // Capitalised words are titles and headings ("Principal Diagnosis") unless an occupation cue precedes.
        if cap(i) && !capsDoc && !occupationContext(i) { return nil }
        // Words that are also clinical roles ("nurse", "consultant") need an occupation context.
        let roleLike = !t[i].rb.isDisjoint(with: [.startsLabelCue, .startsBeforeCue])
        if roleLike || inSet(.roleWords, t[i].key) {
            guard !careTeamReference(i), occupationContext(i) else { return nil }
        } else if e > i + 1 && inSet(.roleWords, t[e - 1].key) && careTeamReference(i) {
            // Session 13: "according to the emergency room physician", "with the housing officer": a longer role after `the`.
            return nil
        }
        // Session 13: "Normal tanner I": a Roman numeral after an eponym makes it a stage ("Process Technician I" stays).
        if e == i + 1 && t[i].bits.contains(.eponym) && e < t.count && !t[e].nl && romanNumeral(e) { return nil }
        // "a barista course", "teacher Mrs Hollis", "asthma educator Kylie": a course, or a role label before a person.
        if e < t.count && !t[e].nl && isWord(e) && inSet(.notOccupationAfter, t[e].key) { return nil }
        if e < t.count && !t[e].nl && (t[e].bits.contains(.title) || t[e].bits.contains(.weakTitle)) && cap(e) { return nil }
        // "school nurse Grace Sailor": a stop-listed given name before a capitalised surname is a person too.
        if e < t.count && !t[e].nl && cap(e) && t[e].bits.contains(.firstName)
            && ((!t[e].bits.contains(.ordinaryWord) && !t[e].bits.contains(.stopWord))
                || (stopListedGivenName(e) && e + 1 < t.count && !t[e + 1].nl && cap(e + 1) && t[e + 1].bits.contains(.lastName)))
            && !covered[e], let ne = nameRun(e, strong: true, maxWords: 3)
        {
            emitName(e, ne, priority: 3, score: 0.75, rule: "name-after-role")
            return ne
        }
        emit(.profession, i, e, priority: 1, score: 0.8, rule: "profession")
        return employerAfterOccupation(e) ?? e
    }

    /// "ex boilermaker at Incat", "a cleaner for Spotless": the employer named by `at`/`for`/`with` right after an
    /// occupation that ends before token `end`. Emits the organisation and returns its end, or nil when none follows.
    mutating func employerAfterOccupation(_ end: Int) -> Int? {
        // Session 14: "retired wharfie (Port of Brisbane, 31 years)", "textile mill spinner (burlington mills)".
        if end + 1 < t.count, punct(end, 0x28), !t[end].nl, !t[end + 1].nl, let o = bracketedEmployer(end + 1) {
            emit(options.facilityType, employerStart(end + 1), o, priority: 3, score: 0.65, rule: "organization-after-profession")
            return o
        }
        // Session 11: also `from` ("a retired machinist from Nabisco"; places, people and countries stay out, employerRun).
        guard end + 1 < t.count, !t[end].nl, isWord(end), t[end].key == K.at || t[end].key == K.for || t[end].key == K.with || t[end].key == K.from,
            let o = employerRun(end + 1, after: t[end].key) ?? lowerEmployerRun(end + 1)
        else { return nil }
        emit(options.facilityType, employerStart(end + 1), o, priority: 3, score: 0.65, rule: "organization-after-profession")
        return o
    }

    /// Session 14: an employer in a bracket right after an occupation (`retired wharfie (Port of Brisbane, 31 years)`,
    /// `spinner (burlington mills)`): the end of a capitalised or lower-case name starting at token k that closes the
    /// bracket or is followed by a comma and a number (its years), or nil. A word of it must be a place or lie outside the
    /// ordinary-word list; a lone name or place, an acronym of up to four letters (`(FIFO)`) and ordinary words alone
    /// (`(Night Shift)`, `(retired)`) stay out.
    @inline(never) func bracketedEmployer(_ k: Int) -> Int? {
        guard let o = employerRun(k, after: K.at) ?? lowerEmployerRun(k), o < t.count, !t[o].nl,
            punct(o, 0x29) || (punct(o, 0x2C) && o + 1 < t.count && !t[o + 1].nl && t[o + 1].kind == .number)
        else { return nil }
        let s = employerStart(k)
        guard o > s else { return nil }
        if o - s == 1 {
            let bits = t[s].bits
            if bits.contains(.ordinaryWord) || bits.isName || bits.contains(.placeWord) || (t[s].flags.contains(.allUpper) && t[s].e - t[s].s <= 4) {
                return nil
            }
            return o
        }
        for q in s..<o where isWord(q) && (!t[q].bits.contains(.ordinaryWord) || t[q].bits.contains(.placeWord)) { return o }
        return nil
    }

    /// Session 13: after a role ending before token e (and a colon), in a line that reads as lower case, a lower-case listed
    /// given name and a listed surname (maybe hyphenated or with an apostrophe, `o'driscoll`), neither an ordinary,
    /// stop-listed, drug or place word: the name's start and end, or nil.
    @inline(never) func lowerNameAfterRole(_ e: Int) -> (Int, Int)? {
        var j = e
        if punct(j, 0x3A) { j += 1 }
        guard j + 1 < t.count, !t[j].nl, !t[j + 1].nl, isWord(j), isWord(j + 1), !cap(j), !cap(j + 1), t[j].ll, t[j].e - t[j].s >= 3,
            t[j + 1].e - t[j + 1].s >= 3, !t[j].flags.contains(.hasDigit), !t[j + 1].flags.contains(.hasDigit)
        else { return nil }
        let g = t[j].bits, f = t[j + 1].bits
        let bad: PHIWordBits = [.ordinaryWord, .stopWord, .drugWord, .placeWord, .title, .credential, .eponym]
        guard g.contains(.firstName), f.contains(.lastName), g.isDisjoint(with: bad), f.isDisjoint(with: bad),
            !inSet(.personFollowers, t[j + 1].key), !covered[j], !covered[j + 1]
        else { return nil }
        var end = j + 2
        if punct(end, 0x2D) && adjacent(end) && end + 1 < t.count && adjacent(end + 1) && isWord(end + 1) && !cap(end + 1)
            && !t[end + 1].flags.contains(.hasDigit)
        { end += 2 }
        return (j, end)
    }

    /// Session 13: a role word at i that names one of the people caring for the patient, not anyone's occupation
    /// (GUIDELINE PR2): after `the` (`according to the emergency room physician`, `given to the physicist`, `The doctor
    /// further stated`; not `as the`), a possessive (`his former physician`) or `per` (`manage as per surgeon`), with at
    /// most two words between; an article, `as`, `is` or `was` on the way back ends the search.
    func careTeamReference(_ i: Int) -> Bool {
        var j = i - 1
        while j >= 0 && i - j <= 3 && !t[j + 1].nl && isWord(j) {
            let k = t[j].key
            if k == K.a || k == K.an || k == K.as || k == K.is || k == K.was { return false }
            if k == K.the { return !(j > 0 && !t[j].nl && t[j - 1].key == K.as) }
            if k == K.per || inSet(.possessives, k) { return true }
            j -= 1
        }
        return false
    }

    /// Session 17 (phiA): an occupation at token `i` in apposition to a relative or contact, in or after a bracket that
    /// follows them, after `a`/`an` and maybe after their age: `Daughter (a respiratory therapist at ...)`, `Eleni (24), a
    /// nurse at`, `Jaylen (19, a Marine at ...)`. A `kinship` word must stand before the bracket in its clause
    /// (``kinshipEarlierInClause(_:)``).
    @inline(never) func relativeApposition(_ i: Int) -> Bool {
        // "daughter Gillian (carer, lives in Taroona)": a carer or companion word is the relative's role, not a job.
        if t[i].rb.contains(.kinship) { return false }
        // An article before the occupation: "her sister (52, nurse)" leaves a bare role word out (a nursing title).
        var j = i - 1
        guard j >= 1, isWord(j), t[j].key == K.a || t[j].key == K.an else { return false }
        j -= 1
        guard j >= 1, !t[j + 1].nl, !t[j].nl else { return false }
        if punct(j, 0x2C) {
            j -= 1
            if j >= 1 && punct(j, 0x29) && !t[j].nl { j -= 1 }
            guard j >= 1, ageNumber(j) else { return false }
            j -= 1
        }
        guard j >= 1, punct(j, 0x28), !t[j].nl else { return false }
        return kinshipEarlierInClause(j - 1)
    }

    func occupationContext(_ i: Int) -> Bool {
        if i >= 2 && (t[i - 1].key == K.a || t[i - 1].key == K.an) && (t[i - 2].key == K.`is` || t[i - 2].key == K.was) { return true }
        // An apposition after a person: "son Marco (a paramedic with ...)", "her brother, a nurse,".
        if i >= 3 && (t[i - 1].key == K.a || t[i - 1].key == K.an) && (punct(i - 2, 0x28) || punct(i - 2, 0x2C)) && cap(i - 3)
            && named[i - 3]
        { return true }
        if relativeApposition(i) { return true }
        if input.inSocialHistory(t[i].s) { return true }
        // "this 74 yo midwife", "a 52-year-old teacher": an age right before.
        if i >= 1 && (t[i - 1].key == AgeKeys.yo || t[i - 1].key == AgeKeys.old || t[i - 1].key == K.yearOld) { return true }
        if i >= 2 && punct(i - 1, 0x2E) && adjacent(i - 1) && (t[i - 2].key == K.yDotO || t[i - 2].key == AgeKeys.yo) { return true }
        var j = i - 1
        var n = 0
        while j >= 0 && n < 5 && !t[j + 1].nl {
            // "as her primary care physician has suggested": a possessive before the role makes it the patient's carer.
            if inSet(.possessives, t[j].key) { return false }
            // "as well as primary care physician", "such as a dentist": `as` of a comparison is no occupation cue.
            if inSet(.occupationCues, t[j].key)
                && !(t[j].key == K.as && ((j > 0 && inSet(.comparisonBeforeAs, t[j - 1].key)) || inSet(.comparisonBeforeAs, t[j + 1].key)))
            { return true }
            j -= 1
            n += 1
        }
        return false
    }
}

/// Single word keys the rules compare with; the rules' word sets are data (``PHIRuleSet``, `phi/rule_words.tsv`).
/// Each key is the literal ``wordKey(_:)`` of the word in its comment (session 12): a `static let` computed at first use
/// cost a lazy-global check (`swift_once`) at every read in the rules' loops. `PHIWordKeyLiteralTests` recomputes every
/// literal from its word; a key added here must be added there.
enum K {
    @inline(__always) static var a: UInt64 { 0xaf63dc4c8601ec8c }  // "a"
    @inline(__always) static var an: UInt64 { 0x089c3807b5458406 }  // "an"
    @inline(__always) static var `is`: UInt64 { 0x08b74507b55c61d5 }  // "is"
    @inline(__always) static var was: UInt64 { 0x5eade819487cb532 }  // "was"
    @inline(__always) static var up: UInt64 { 0x08c43a07b566d980 }  // "up"
    @inline(__always) static var follow: UInt64 { 0x676eba7cb64eac10 }  // "follow"
    @inline(__always) static var he: UInt64 { 0x08ba5307b55eaf76 }  // "he"
    @inline(__always) static var she: UInt64 { 0x8245aa195cea9e21 }  // "she"
    @inline(__always) static var user: UInt64 { 0x7d6780e4032b48f2 }  // "user"
    @inline(__always) static var username: UInt64 { 0x94a644b5e0880579 }  // "username"
    @inline(__always) static var dear: UInt64 { 0xa5bc106742556ed1 }  // "dear"
    @inline(__always) static var by: UInt64 { 0x08a64b07b54df8d4 }  // "by"
    @inline(__always) static var on: UInt64 { 0x08b05807b5566370 }  // "on"
    @inline(__always) static var off: UInt64 { 0x1a249b1921e2bdea }  // "off"
    @inline(__always) static var march: UInt64 { 0x9092e9a4e1895990 }  // "march"
    @inline(__always) static var early: UInt64 { 0x7f3359536a80d41c }  // "early"
    @inline(__always) static var late: UInt64 { 0x044cf1ad90502801 }  // "late"
    @inline(__always) static var `in`: UInt64 { 0x08b73807b55c4bbe }  // "in"
    @inline(__always) static var at: UInt64 { 0x089c4e07b545a968 }  // "at"
    @inline(__always) static var from: UInt64 { 0x7f845078d7a5c0b5 }  // "from"
    @inline(__always) static var near: UInt64 { 0xe58664baa06e228f }  // "near"
    @inline(__always) static var to: UInt64 { 0x08c83907b56ac0a4 }  // "to"
    @inline(__always) static var of: UInt64 { 0x08b06007b5567108 }  // "of"
    @inline(__always) static var and: UInt64 { 0xe6f79719051ff286 }  // "and"
    @inline(__always) static var with: UInt64 { 0xa66b06f655a0c2e9 }  // "with"
    @inline(__always) static var or: UInt64 { 0x08b05407b5565ca4 }  // "or"
    @inline(__always) static var yearOld: UInt64 { 0xb11a7f5dec7e2fd4 }  // "year-old"
    @inline(__always) static var yDotO: UInt64 { 0xb63776197a545213 }  // "y.o"
    @inline(__always) static var may: UInt64 { 0x080f5019176d1e46 }  // "may"
    @inline(__always) static var mid: UInt64 { 0x07f43d1917563645 }  // "mid"
    @inline(__always) static var now: UInt64 { 0x215ad519258e9d97 }  // "now"
    @inline(__always) static var who: UInt64 { 0x5ec5fc194891690f }  // "who"
    @inline(__always) static var patient: UInt64 { 0x1a5072758fdfbf3e }  // "patient"
    @inline(__always) static var today: UInt64 { 0xa411597d0674521e }  // "today"
    @inline(__always) static var birthday: UInt64 { 0x6efdf25a0133bc4c }  // "birthday"
    @inline(__always) static var new: UInt64 { 0x2138d5192571b731 }  // "new"
    @inline(__always) static var year: UInt64 { 0x7c64634977425edc }  // "year"
    @inline(__always) static var s: UInt64 { 0xaf63ee4c86020b22 }  // "s"
    @inline(__always) static var apostropheS: UInt64 { 0x07bb4507b485d7af }  // "'s"
    @inline(__always) static var no: UInt64 { 0x08b35907b5589afa }  // "no"
    @inline(__always) static var last: UInt64 { 0x0456d2ad905847d9 }  // "last"
    @inline(__always) static var number: UInt64 { 0x8031a80d73f6ebe0 }  // "number"
    @inline(__always) static var pain: UInt64 { 0x0369310deb88ae95 }  // "pain"
    @inline(__always) static var fob: UInt64 { 0xdcb26818fed9bf60 }  // "fob"
    @inline(__always) static var dl: UInt64 { 0x08915c07b53bb9ad }  // "dl"
    @inline(__always) static var x: UInt64 { 0xaf63f54c86021707 }  // "x"
    @inline(__always) static var mr: UInt64 { 0x08a94c07b550305e }  // "mr"
    @inline(__always) static var law: UInt64 { 0x126583191dc1cb6b }  // "law"
    @inline(__always) static var visit: UInt64 { 0x4544f751f0e763bc }  // "visit"
    @inline(__always) static var employer: UInt64 { 0x3a131f10c0211ee4 }  // "employer"
    @inline(__always) static var workplace: UInt64 { 0xaae175adbaa65333 }  // "workplace"
    @inline(__always) static var family: UInt64 { 0xf62eed6a1a23f069 }  // "family"
    @inline(__always) static var household: UInt64 { 0x351ec05e8db2f43a }  // "household"
    @inline(__always) static var the: UInt64 { 0x56f5c9194461d57c }  // "the"
    @inline(__always) static var via: UInt64 { 0x68e8f7194eba5d73 }  // "via"
    @inline(__always) static var `for`: UInt64 { 0xdcb27818fed9da90 }  // "for"
    @inline(__always) static var `as`: UInt64 { 0x089c5507b545b54d }  // "as"
    @inline(__always) static var age: UInt64 { 0xe715b4190539215c }  // "age"
    @inline(__always) static var birth: UInt64 { 0xa4f196c3e1cdea3e }  // "birth"
    @inline(__always) static var en: UInt64 { 0x088e3807b53946aa }  // "en"
    @inline(__always) static var retired: UInt64 { 0x112eaa508e1c8456 }  // "retired"
    @inline(__always) static var former: UInt64 { 0x64cd628eeff3227c }  // "former"
    @inline(__always) static var per: UInt64 { 0x77bc7219566a8ee4 }  // "per"
    @inline(__always) static var week: UInt64 { 0x3d80fff619edbfbd }  // "week"
    @inline(__always) static var acc: UInt64 { 0xe723ca190545841a }  // "acc"
    @inline(__always) static var comes: UInt64 { 0x6d62898e1de40276 }  // "comes"
    @inline(__always) static var came: UInt64 { 0xb5135d90e8393d8b }  // "came"
    @inline(__always) static var health: UInt64 { 0x7f69d4b5288ba9cf }  // "health"
    @inline(__always) static var `private`: UInt64 { 0xc5a11c2dd9ab8cec }  // "private"
    @inline(__always) static var lab: UInt64 { 0x126596191dc1ebb4 }  // "lab"
    @inline(__always) static var pt: UInt64 { 0x08d55407b57578e1 }  // "pt"
    @inline(__always) static var box: UInt64 { 0x004d2e191349e4f2 }  // "box"
    @inline(__always) static var lot: UInt64 { 0x125080191daf6a48 }  // "lot"
    @inline(__always) static var rural: UInt64 { 0x9da5606a47f75e3b }  // "rural"
    @inline(__always) static var act: UInt64 { 0xe723b5190545606b }  // "act"
    @inline(__always) static var court: UInt64 { 0xb1a1e28e443fd5a8 }  // "court"
    @inline(__always) static var courts: UInt64 { 0x15e9d2bdf8786321 }  // "courts"
    @inline(__always) static var station: UInt64 { 0x2a13e1f055644df3 }  // "station"
    @inline(__always) static var base: UInt64 { 0x9a7ce19baa54c278 }  // "base"
    @inline(__always) static var et: UInt64 { 0x088e3e07b53950dc }  // "et"
    @inline(__always) static var al: UInt64 { 0x089c3607b54580a0 }  // "al"
    @inline(__always) static var born: UInt64 { 0xcd1ed09bc6a19abe }  // "born"
    @inline(__always) static var `do`: UInt64 { 0x08915907b53bb494 }  // "do"
    @inline(__always) static var school: UInt64 { 0xcc3fbeffa766c129 }  // "school"
    @inline(__always) static var home: UInt64 { 0x402d1bcc7e6f9d6e }  // "home"
    @inline(__always) static var used: UInt64 { 0x7d678ae4032b59f0 }  // "used"
}
