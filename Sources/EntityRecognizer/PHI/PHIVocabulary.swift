public import MedTextCore
import Tokenizer

/// Facts about one word that PHI detection tests: name lists, stop lists, titles, address words.
/// Keyed by ``wordKey`` of the lower-cased word (a possessive `'s` removed).
struct PHIWordBits: OptionSet, Sendable, Hashable {
    let rawValue: UInt32
    init(rawValue: UInt32) { self.rawValue = rawValue }

    static let firstName = PHIWordBits(rawValue: 1 << 0)
    static let lastName = PHIWordBits(rawValue: 1 << 1)
    /// A census name that is also an ordinary word (`may`, `will`, `brown`).
    static let commonName = PHIWordBits(rawValue: 1 << 2)
    /// In the non-name whitelist (an English or medical word).
    static let ordinaryWord = PHIWordBits(rawValue: 1 << 3)
    /// Stop list: disease/sign/test eponym (Parkinson, Crohn, Bell).
    static let eponym = PHIWordBits(rawValue: 1 << 4)
    /// Stop list: common word, calendar, clinical word, drug or place: never a name on weak evidence.
    static let stopWord = PHIWordBits(rawValue: 1 << 5)
    /// A title that marks a following name (Dr, Mrs, Prof, Sister).
    static let title = PHIWordBits(rawValue: 1 << 6)
    /// A title that is also an ordinary word (Miss, Father, Major): the name must be in a name list.
    static let weakTitle = PHIWordBits(rawValue: 1 << 7)
    /// A post-nominal credential (MD, FRACP, RN) or suffix (Jr, III).
    static let credential = PHIWordBits(rawValue: 1 << 8)
    /// A street type, full or abbreviated (Street, St, Rd, Cres).
    static let streetType = PHIWordBits(rawValue: 1 << 9)
    /// A unit word (Unit, Apt, Suite, Level).
    static let unitWord = PHIWordBits(rawValue: 1 << 10)
    /// A US or Australian state/territory abbreviation (NSW, VIC, IL).
    static let stateAbbr = PHIWordBits(rawValue: 1 << 11)
    /// A census first name held by at least 0.05% of one sex (common enough to trust alone).
    static let frequentFirst = PHIWordBits(rawValue: 1 << 12)
    /// A census last name held by at least 0.01% of people.
    static let frequentLast = PHIWordBits(rawValue: 1 << 13)
    /// A place name from the stop list (Sydney, Victoria): a place before a name.
    static let placeWord = PHIWordBits(rawValue: 1 << 14)
    /// A compass direction (N, North, NE) that may sit inside a street name.
    static let direction = PHIWordBits(rawValue: 1 << 15)
    /// A drug name from the stop list.
    static let drugWord = PHIWordBits(rawValue: 1 << 16)

    static let anyName: PHIWordBits = [.firstName, .lastName]
    /// In a first-name or a last-name list (`contains(.anyName)` would need both).
    var isName: Bool { !isDisjoint(with: .anyName) }
}

/// What a multi-token phrase of the vocabulary means.
enum PHIPhraseKind: Sendable, Hashable {
    enum Role: UInt8, Sendable { case patient, clinician, relative }
    /// `Name:`: the name follows the colon on the same line.
    case labelCue(Role)
    /// `seen by`, `wife`: the name follows.
    case beforeCue(Role)
    /// `(NOK)`: the name precedes.
    case afterCue(Role)
    /// `Regards,`: the name is on the next non-empty line.
    case signOff
    case profession
    /// `Hospital`, `Medical Centre`: ends a facility name.
    case facilityAfter
    /// `St`, `Royal`: may start a facility name.
    case facilityBefore
    /// `Ward 7B`-style internal location words.
    case facilityLocation
    /// `PO Box`, `Locked Bag`.
    case postBox
    case place
    /// A full state name (`New South Wales`, `Illinois`).
    case stateName
    /// A multi-word title (`Assoc Prof`, `Nurse Practitioner`).
    case title
    /// A known organisation without a facility word (`Clinpath`, `Walmart`); `placeOnly`: only after a
    /// place or employer preposition (`at CVS`), because the name is also an ordinary or clinical word.
    case organization(placeOnly: Bool)
}

struct PHIPhrase: Sendable, Hashable {
    var keys: [UInt64]
    var kind: PHIPhraseKind
}

/// Word sets of the PHI rules read from `phi/rule_words.tsv` (session 6: rules as data; columns `set`, `word`, `note`).
/// Each set is asked only inside a rule that already matched on cheaper tests, never on every token.
struct PHIRuleWords: Sendable, Equatable {
    /// `eponym_follower`: after an eponym, an instrument, method, score, sign or table ("Ochsner clamps").
    var eponymFollowers: Set<UInt64> = []
    /// `place_suffix`: words that end place names and are rarely surnames ("Keilor Downs").
    var placeSuffixes: Set<UInt64> = []
    /// `duration_date_cue`: before them `3/12`, `1/7` is a day and month, not a duration ("seen on 3/12").
    var durationDateCues: Set<UInt64> = []
    /// `instrument_cue`: before an instrument's brand no name pair starts ("#10 blade Bard Parker").
    var instrumentCues: Set<UInt64> = []

    /// The file's set names, in image order.
    static let setNames = ["eponym_follower", "place_suffix", "duration_date_cue", "instrument_cue"]

    subscript(set k: Int) -> Set<UInt64> {
        get { [eponymFollowers, placeSuffixes, durationDateCues, instrumentCues][k] }
        set {
            switch k {
            case 0: eponymFollowers = newValue
            case 1: placeSuffixes = newValue
            case 2: durationDateCues = newValue
            default: instrumentCues = newValue
            }
        }
    }
}

/// The raw contents of the PHI vocabulary files (see lexicons/README.md for every column).
/// The facade reads the files; everything here is parsed by pure functions.
public struct PHIVocabularyFiles: Sendable {
    public var censusFirstNames = ""
    public var censusLastNames = ""
    public var philterFirstNames = ""
    public var philterLastNames = ""
    public var whitelist = ""
    public var nameStoplist = ""
    public var titles = ""
    public var nameCues = ""
    public var professions = ""
    public var facilityCues = ""
    public var addressTerms = ""
    public var streetAbbreviations = ""
    public var regions = ""
    public var places = ""
    public var placesCurated = ""
    /// GeoNames towns and suburbs (generated by scripts/lexicons/src_geonames.py).
    public var placesGeonames = ""
    public var organisations = ""
    /// Session 6: given and family names of many languages (Faker's person providers, extracted) and the
    /// communities those lists cover thinly (curated: Vietnamese, Chinese, Arabic, Greek, Maori, Pacific, ...).
    public var worldNames = ""
    public var curatedNames = ""
    /// Session 6: word sets of the rules (`phi/rule_words.tsv`).
    public var ruleWords = ""

    public init() {}

    /// Fills every field by reading its path relative to the lexicon data directory
    /// (`phi/census-first-names.tsv`, ...) with `read`.
    public static func load(_ read: (String) throws -> String) rethrows -> PHIVocabularyFiles {
        var f = PHIVocabularyFiles()
        f.censusFirstNames = try read("phi/census-first-names.tsv")
        f.censusLastNames = try read("phi/census-last-names.tsv")
        f.philterFirstNames = try read("phi/philter-first-names.txt")
        f.philterLastNames = try read("phi/philter-last-names.txt")
        f.whitelist = try read("phi/philter-whitelist.txt")
        f.nameStoplist = try read("phi/name_stoplist.tsv")
        f.titles = try read("phi/titles.tsv")
        f.nameCues = try read("phi/name_cues.tsv")
        f.professions = try read("phi/professions.tsv")
        f.facilityCues = try read("phi/facility_cues.tsv")
        f.addressTerms = try read("phi/address-terms.tsv")
        f.streetAbbreviations = try read("phi/street_abbreviations.tsv")
        f.regions = try read("phi/regions.tsv")
        f.places = try read("phi/places.tsv")
        f.placesCurated = try read("phi/places_curated.tsv")
        f.placesGeonames = try read("phi/places_geonames.tsv")
        f.organisations = try read("phi/organisations.tsv")
        f.worldNames = try read("phi/world-names.tsv")
        f.curatedNames = try read("phi/names_curated.tsv")
        f.ruleWords = try read("phi/rule_words.tsv")
        return f
    }
}

/// A failure parsing a PHI vocabulary file (a missing column); never raised while detecting.
public struct PHIVocabularyError: MedTextError {
    public var file: String
    public var line: Int
    public var detail: String
    public var code: String { "MT-PHI-001" }
    public var message: String { "\(file):\(line): \(detail); fix the file or restore it from lexicons/data/phi" }
}

/// The PHI vocabulary, parsed once into hash tables keyed by lower-cased word keys.
/// Immutable and `Sendable`; share one value between all detectors.
public struct PHIVocabulary: Sendable {
    var words: [UInt64: PHIWordBits] = [:]
    /// Phrases by the key of their first token, longest first.
    var phrases: [UInt64: [PHIPhrase]] = [:]
    /// The first word of a multi-token phrase of any kind (to skip lookups quickly).
    var phraseStarts: Set<UInt64> = []
    /// `words` and `phraseStarts` (and the rule sets of ``PHIRuleBits``) as one flat table:
    /// low 32 bits ``PHIWordBits``, high 32 bits ``PHIRuleBits``.
    var table = PHIKeyTable([:])
    /// Session 6: the rules' word sets from `phi/rule_words.tsv`.
    var ruleWords = PHIRuleWords()
    /// Counts, for reports and tests.
    public internal(set) var firstNameCount = 0
    public internal(set) var lastNameCount = 0
    public internal(set) var professionCount = 0

    /// Parses the vocabulary files.
    /// - Throws: ``PHIVocabularyError`` when a table lacks a column it needs.
    public init(files f: PHIVocabularyFiles) throws {
        let scanner = Scanner()
        var words: [UInt64: PHIWordBits] = [:]
        // At most one word per line of the word files: no rehashing while filling.
        words.reserveCapacity(
            [f.whitelist, f.censusFirstNames, f.censusLastNames, f.philterFirstNames, f.philterLastNames, f.nameStoplist,
             f.worldNames, f.curatedNames]
                .reduce(0) { n, text in n + text.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } } + 4096)
        func add(_ word: Substring, _ bits: PHIWordBits) {
            words[Self.key(word), default: []].formUnion(bits)
        }
        var phraseList: [PHIPhrase] = []
        func addPhrase(_ text: Substring, _ kind: PHIPhraseKind) {
            let s = String(text)
            let toks = scanner.scan(s).filter { !$0.isSpace }
            guard !toks.isEmpty else { return }
            var keys: [UInt64] = []
            var str = s
            str.withUTF8 { b in
                for t in toks { keys.append(wordKey(b, t.span.start, t.span.end)) }
            }
            phraseList.append(PHIPhrase(keys: keys, kind: kind))
        }

        // The five big word files (about 400,000 lines) are read over their bytes, as
        // ``lines(_:)`` and ``rows(_:file:columns:)`` would split them, without a Substring per
        // line or column (cold start, DESIGN.md "Entity recognition performance").
        func addKey(_ key: UInt64, _ bits: PHIWordBits) { words[key, default: []].formUnion(bits) }
        // Whitelist: ordinary words.
        Self.forEachLine(f.whitelist) { b in addKey(wordKey(b, 0, b.count), .ordinaryWord) }
        // Census first names: name, sex, percent, common_word.
        var firstCount = 0, lastCount = 0
        try Self.forEachRow(f.censusFirstNames, file: "census-first-names.tsv", columns: 4) { b, cols in
            var bits: PHIWordBits = .firstName
            if Self.equals(b, cols[3], "yes") { bits.insert(.commonName) }
            if let p = Self.double(b, cols[2]), p >= 0.05 { bits.insert(.frequentFirst) }
            addKey(wordKey(b, cols[0].lowerBound, cols[0].upperBound), bits)
            firstCount += 1
        }
        try Self.forEachRow(f.censusLastNames, file: "census-last-names.tsv", columns: 3) { b, cols in
            var bits: PHIWordBits = .lastName
            if Self.equals(b, cols[2], "yes") { bits.insert(.commonName) }
            if let p = Self.double(b, cols[1]), p >= 0.01 { bits.insert(.frequentLast) }
            addKey(wordKey(b, cols[0].lowerBound, cols[0].upperBound), bits)
            lastCount += 1
        }
        Self.forEachLine(f.philterFirstNames) { b in
            addKey(wordKey(b, 0, b.count), .firstName)
            firstCount += 1
        }
        Self.forEachLine(f.philterLastNames) { b in
            addKey(wordKey(b, 0, b.count), .lastName)
            lastCount += 1
        }
        // Session 6: names of many languages (name, kind, locales; no ordinary words), as the philter lists: listed, not
        // frequent.
        try Self.forEachRow(f.worldNames, file: "world-names.tsv", columns: 2) { b, cols in
            let first = Self.equals(b, cols[1], "first")
            addKey(wordKey(b, cols[0].lowerBound, cols[0].upperBound), first ? .firstName : .lastName)
            if first { firstCount += 1 } else { lastCount += 1 }
        }
        // Curated names (name, kind, origin, common_word, note): common in their communities, so trusted like frequent
        // census names ("with Fatima, Omar and Yusuf", "Xiaoming Chen").
        try Self.forEachRow(f.curatedNames, file: "names_curated.tsv", columns: 4) { b, cols in
            let first = Self.equals(b, cols[1], "first")
            var bits: PHIWordBits = first ? [.firstName, .frequentFirst] : [.lastName, .frequentLast]
            if Self.equals(b, cols[3], "yes") { bits.insert(.commonName) }
            addKey(wordKey(b, cols[0].lowerBound, cols[0].upperBound), bits)
            if first { firstCount += 1 } else { lastCount += 1 }
        }
        // Stop list.
        for (_, cols) in try Self.rows(f.nameStoplist, file: "name_stoplist.tsv", columns: 2) {
            switch cols[1] {
            case "eponym": add(cols[0], [.eponym, .stopWord])
            case "place": add(cols[0], [.stopWord, .placeWord])
            case "drug": add(cols[0], [.stopWord, .drugWord])
            default: add(cols[0], .stopWord)
            }
        }
        // Titles.
        let weakTitles: Set<String> = [
            "miss", "master", "father", "mother", "brother", "sister", "major", "general", "private", "officer", "chief",
            "deputy", "count", "king", "queen", "prince", "princess", "lord", "lady", "elder", "canon", "president",
            "minister", "judge", "justice", "captain", "commander", "nurse", "midwife", "trooper", "gunner", "sapper",
            "seaman", "airman", "craftsman", "marshal", "sheriff", "pastor", "chaplain", "deacon", "bishop", "duke",
            "baron", "dame", "sir", "governor", "mayor", "senator", "representative", "ambassador", "doctor",
        ]
        for (_, cols) in try Self.rows(f.titles, file: "titles.tsv", columns: 2) {
            let t = cols[0].hasSuffix(".") ? cols[0].dropLast() : cols[0]
            switch cols[1] {
            case "credential", "suffix":
                // Two-letter credentials that are also words or initials are handled by case in the detector.
                add(t, .credential)
            default:
                if t.contains(" ") || t.contains("/") {
                    addPhrase(t, .title)
                } else {
                    add(t, weakTitles.contains(t.lowercased()) ? .weakTitle : .title)
                }
            }
        }
        // Name cues.
        for (_, cols) in try Self.rows(f.nameCues, file: "name_cues.tsv", columns: 3) {
            let role: PHIPhraseKind.Role =
                switch cols[2] {
                case "patient": .patient
                case "relative": .relative
                default: .clinician
                }
            switch cols[1] {
            case "label": addPhrase(cols[0], .labelCue(role))
            case "before": addPhrase(cols[0], .beforeCue(role))
            case "after": addPhrase(cols[0], .afterCue(role))
            case "sign_off": addPhrase(cols[0], .signOff)
            default: break
            }
        }
        // Professions.
        var professions = 0
        for (_, cols) in try Self.rows(f.professions, file: "professions.tsv", columns: 1) {
            addPhrase(cols[0], .profession)
            professions += 1
        }
        // Facility cues.
        for (_, cols) in try Self.rows(f.facilityCues, file: "facility_cues.tsv", columns: 3) {
            switch (cols[1], cols[2]) {
            case ("after", "location"): addPhrase(cols[0], .facilityLocation)
            case ("after", _): addPhrase(cols[0], .facilityAfter)
            case ("before", _): addPhrase(cols[0], .facilityBefore)
            default: break
            }
        }
        // Address words.
        for (_, cols) in try Self.rows(f.addressTerms, file: "address-terms.tsv", columns: 2) {
            switch cols[1] {
            case "street_type": add(cols[0], .streetType)
            case "unit": add(cols[0].hasSuffix(".") ? cols[0].dropLast() : cols[0], .unitWord)
            default: break
            }
        }
        let directions: Set<String> = ["n", "s", "e", "w", "ne", "nw", "se", "sw", "nth", "sth", "north", "south", "east", "west"]
        for (_, cols) in try Self.rows(f.streetAbbreviations, file: "street_abbreviations.tsv", columns: 2) {
            let a = cols[0].hasSuffix(".") ? cols[0].dropLast() : cols[0]
            let exp = cols[1].lowercased()
            if ["rr", "hc", "rms", "rsd", "cmb"].contains(a.lowercased()) { continue }  // RR: respiratory rate
            if a.contains(" ") || a.contains(".") {
                addPhrase(a, .postBox)
            } else if exp.contains("box") || exp.contains("bag") || exp.contains("mail") || exp.contains("delivery")
                || exp.contains("rural route") || exp.contains("highway contract")
            {
                addPhrase(a, .postBox)
            } else if directions.contains(a.lowercased()) {
                add(a, .direction)
            } else if ["apartment", "unit", "suite", "floor", "level", "building", "room", "shop", "lot"].contains(exp) {
                add(a, .unitWord)
            } else {
                add(a, .streetType)
            }
        }
        for d in ["north", "south", "east", "west"] { add(Substring(d), .direction) }
        // Regions: country, kind, abbr, name.
        for (_, cols) in try Self.rows(f.regions, file: "regions.tsv", columns: 4) {
            add(cols[2], .stateAbbr)
            addPhrase(cols[3], .stateName)
        }
        // Places.
        for (_, cols) in try Self.rows(f.places, file: "places.tsv", columns: 2) where cols[1] == "US" || cols[1] == "AU" {
            addPhrase(cols[0], .place)
        }
        for (_, cols) in try Self.rows(f.placesCurated, file: "places_curated.tsv", columns: 4) {
            addPhrase(cols[2], .place)
        }
        // GeoNames places (one row per place and state: the same name is added once).
        var seenPlaces = Set<Substring>()
        for (_, cols) in try Self.rows(f.placesGeonames, file: "places_geonames.tsv", columns: 4) where seenPlaces.insert(cols[0]).inserted {
            addPhrase(cols[0], .place)
        }
        // Known organisations: name, region, kind, context.
        for (_, cols) in try Self.rows(f.organisations, file: "organisations.tsv", columns: 4) {
            addPhrase(cols[0], .organization(placeOnly: cols[3] == "place"))
        }

        // Session 6: the rules' word sets (set, word, note).
        var ruleWords = PHIRuleWords()
        for (n, cols) in try Self.rows(f.ruleWords, file: "rule_words.tsv", columns: 2) {
            guard let k = PHIRuleWords.setNames.firstIndex(where: { $0 == cols[0] }) else {
                throw PHIVocabularyError(file: "rule_words.tsv", line: n, detail: "unknown set '\(cols[0])'")
            }
            ruleWords[set: k].insert(Self.key(cols[1]))
        }
        self.ruleWords = ruleWords

        // Index phrases by first key, longest first.
        var index: [UInt64: [PHIPhrase]] = [:]
        for p in phraseList { index[p.keys[0], default: []].append(p) }
        for k in index.keys { index[k]!.sort { $0.keys.count > $1.keys.count } }
        self.words = words
        self.phrases = index
        self.phraseStarts = Set(index.keys)
        var packed: [UInt64: UInt64] = [:]
        packed.reserveCapacity(words.count + index.count)
        for (k, v) in words { packed[k] = UInt64(v.rawValue) }
        func mark(_ keys: some Sequence<UInt64>, _ r: PHIRuleBits) {
            for k in keys { packed[k, default: 0] |= UInt64(r.rawValue) << 32 }
        }
        mark(index.keys, .phraseStart)
        for (k, list) in index {
            var r: PHIRuleBits = []
            for p in list { r.insert(.starts(p.kind)) }
            packed[k, default: 0] |= UInt64(r.rawValue) << 32
        }
        mark(K.weekdays, .weekday)
        mark(K.holidayFirst, .holidayFirst)
        mark(K.monthNames, .monthName)
        mark(K.idCues, .idCue)
        mark(K.kinship, .kinship)
        mark(K.orgSuffixes, .orgSuffix)
        mark(K.dayMonthCues, .dayMonthCue)
        mark(K.yearCues, .yearCue)
        mark(K.pagerCues, .pagerCue)
        mark(K.numberedCues, .numberedCue)
        mark([K.employer, K.workplace], .employerCue)
        mark(K.auxWords.union(ruleWords.eponymFollowers), .auxWord)
        mark(K.typistCues, .typistCue)
        mark(K.notInitials.union(K.capsFunctionWords), .shortWord)
        mark(K.ordinalContactResidenceWords, .ordinalContactResidenceWord)
        mark(K.verbLabelPlaceWords, .verbLabelPlaceWord)
        mark(K.fractionBefore.union(K.fractionAfter), .fractionWord)
        mark(K.organizationLabels.union(K.saintWords), .organizationLabel)
        self.table = PHIKeyTable(packed)
        self.firstNameCount = firstCount
        self.lastNameCount = lastCount
        self.professionCount = professions
    }

    /// The key of a word: lower-cased, a final possessive `'s` removed.
    static func key(_ w: Substring) -> UInt64 {
        // The substring's own bytes when contiguous (always for file text): no String copy.
        if let k = w.utf8.withContiguousStorageIfAvailable({ wordKey($0, 0, $0.count) }) { return k }
        var s = String(w)
        return s.withUTF8 { wordKey($0, 0, $0.count) }
    }

    func bits(_ key: UInt64) -> PHIWordBits { PHIWordBits(rawValue: UInt32(truncatingIfNeeded: table.value(key))) }

    /// Non-comment, non-empty lines, trimmed.
    static func lines(_ text: String) -> [Substring] {
        // Split on bytes (a Character split runs grapheme breaking over megabytes of names);
        // "\n", "\r" and "#" are ASCII, so every piece starts and ends on a scalar boundary.
        text.utf8.split(separator: 0x0A, omittingEmptySubsequences: true).compactMap { bytes in
            let l = bytes.last == 0x0D ? Substring(bytes.dropLast()) : Substring(bytes)
            return l.utf8.isEmpty || l.utf8.first == 0x23 ? nil : l
        }
    }

    /// ``lines(_:)`` over bytes: calls `body` with each non-comment, non-empty line (a final
    /// `\r` removed), allocating nothing.
    static func forEachLine(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        var text = text
        try text.withUTF8 { all in
            var start = 0
            while start < all.count {
                var end = start
                while end < all.count && all[end] != 0x0A { end += 1 }
                var e = end
                if e > start && all[e - 1] == 0x0D { e -= 1 }
                if e > start && all[start] != 0x23 { try body(UnsafeBufferPointer(rebasing: all[start..<e])) }
                start = end + 1
            }
        }
    }

    /// ``rows(_:file:columns:)`` over bytes: calls `body` with each data row's line bytes and
    /// its tab-separated columns as byte ranges (at least `columns` of them).
    static func forEachRow(
        _ text: String, file: String, columns: Int, _ body: (UnsafeBufferPointer<UInt8>, [Range<Int>]) throws -> Void
    ) throws {
        var text = text
        try text.withUTF8 { all in
            var sawHeader = false
            var n = 0
            var cols: [Range<Int>] = []
            var start = 0
            // As `split(omittingEmptySubsequences: false)`: a piece after the last newline too.
            while start <= all.count {
                var end = start
                while end < all.count && all[end] != 0x0A { end += 1 }
                n += 1
                var e = end
                if e > start && all[e - 1] == 0x0D { e -= 1 }
                defer { start = end + 1 }
                if e == start || all[start] == 0x23 { continue }
                if !sawHeader {
                    sawHeader = true
                    continue
                }
                let line = UnsafeBufferPointer(rebasing: all[start..<e])
                cols.removeAll(keepingCapacity: true)
                var c = 0
                for k in 0..<line.count where line[k] == 0x09 {
                    cols.append(c..<k)
                    c = k + 1
                }
                cols.append(c..<line.count)
                guard cols.count >= columns else {
                    throw PHIVocabularyError(file: file, line: n, detail: "expected at least \(columns) tab-separated columns")
                }
                try body(line, cols)
            }
        }
    }

    /// Whether the bytes in `r` spell `s`.
    static func equals(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ s: StaticString) -> Bool {
        guard r.count == s.utf8CodeUnitCount else { return false }
        let p = s.utf8Start
        for k in 0..<r.count where b[r.lowerBound + k] != p[k] { return false }
        return true
    }

    /// `Double(column)`.
    static func double(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Double? {
        Double(String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self))
    }

    /// Data rows of a TSV (comments and the header row skipped), with their line numbers.
    static func rows(_ text: String, file: String, columns: Int) throws -> [(Int, [Substring])] {
        var out: [(Int, [Substring])] = []
        var sawHeader = false
        var n = 0
        for bytes in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            n += 1
            let lb = bytes.last == 0x0D ? bytes.dropLast() : bytes[...]
            if lb.isEmpty || lb.first == 0x23 { continue }
            if !sawHeader {
                sawHeader = true
                continue
            }
            // Byte splits (see `lines`): tab is ASCII, so columns are whole scalars.
            let cols = lb.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) }
            guard cols.count >= columns else {
                throw PHIVocabularyError(file: file, line: n, detail: "expected at least \(columns) tab-separated columns")
            }
            out.append((n, cols))
        }
        return out
    }
}
