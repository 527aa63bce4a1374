public import MedTextCore

/// Finds pattern-shaped PHI in a note's bytes: dates (US and Australian forms, with times),
/// ages, phone and fax numbers (US and Australian), email addresses, URLs, IP addresses, and
/// identifiers (cue-labelled MRN/UR/account/licence numbers; SSN, Medicare, IHI/HPI, ABN, TFN,
/// NPI, DEA, MBI with their check digits).
///
/// Names, addresses, professions and facilities need vocabulary and are found elsewhere.
/// A single left-to-right scan over UTF-8 bytes; it allocates only for its results.
/// Matches never start inside a word and never overlap.
public struct PHIPatternRecognizer: Sendable {
    /// The word lists the scanner reads (ID-cue fillers, URL top-level domains).
    public let words: PHIScanWords

    /// A scanner reading `words` (``PHIVocabulary/scanWords`` gives the shipped lists of `phi/rule_words.tsv`).
    public init(words: PHIScanWords) { self.words = words }

    /// The PHI entities found in `text`, in text order.
    public func recognize(_ text: String) -> [Entity] {
        var t = text
        return t.withUTF8 { buf in
            var scanner = PHIScan(b: buf, words: words)
            scanner.run()
            return scanner.found
        }
    }
}

// MARK: - Byte classes

@inline(__always) func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
@inline(__always) func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 }
@inline(__always) func isAlnum(_ c: UInt8) -> Bool { isDigit(c) || isAlpha(c) }
@inline(__always) func lower(_ c: UInt8) -> UInt8 { isAlpha(c) ? c | 0x20 : c }

/// The key of the empty word (FNV-1a offset basis); ``wordKey(_:_:_:)`` extends it byte by byte.
let wordKeySeed: UInt64 = 0xcbf2_9ce4_8422_2325

/// `h` extended by one more byte of the word, lower-cased: `wordKey("abc") == wordKey("ab")` extended by `c`.
/// Rules that build a key from other bytes than a token's (initials, a plural ending) use this, never their own hash.
@inline(__always) func wordKeyAppending(_ h: UInt64, _ c: UInt8) -> UInt64 { (h ^ UInt64(lower(c))) &* 0x100_0000_01b3 }

/// FNV-1a over lower-cased ASCII bytes: a cheap key for cue-word lookups.
@inline(__always)
func wordKey(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> UInt64 {
    var h = wordKeySeed
    var i = s
    while i < e {
        h = wordKeyAppending(h, b[i])
        i += 1
    }
    return h
}

/// ``lower(_:)`` of every byte value, for ``wordKey(_:_:_:lower:)`` (written once, then only read).
nonisolated(unsafe) let wordKeyLowerTable: UnsafePointer<UInt8> = {
    let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    for c in 0..<256 { p[c] = lower(UInt8(c)) }
    return UnsafePointer(p)
}()

/// ``wordKey(_:_:_:)`` of a non-empty token (`s < e`) with `lower` = ``wordKeyLowerTable``, read once before a loop
/// over many tokens: one table load per byte instead of the letter test and a select, and a pointer walk (session 19,
/// speedA: 13 instructions a byte in `PHIDetection.Prepared`'s loop, with its bound spilled to the stack, -> 7).
@inline(__always)
func wordKey(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, lower: UnsafePointer<UInt8>) -> UInt64 {
    var h = wordKeySeed
    var p = b.baseAddress.unsafelyUnwrapped + s
    let end = p + (e - s)
    repeat {
        h = (h ^ UInt64(lower[Int(p.pointee)])) &* 0x100_0000_01b3
        p += 1
    } while p < end
    return h
}

func wordKey(_ s: String) -> UInt64 {
    var str = s
    return str.withUTF8 { wordKey($0, 0, $0.count) }
}

enum Cue: Sendable {
    case id  // the rule id names the cue word ("id-cue-mrn")
    case dateWord
    case phoneWord
    case ageWord
}

/// The ID cue words of the byte scanner (``Cue/id``).
let scanIdCueWords: [String] = [
        "mrn", "ur", "urn", "umrn", "medicare", "ssn", "npi", "dea", "ihi", "dva", "abn", "acn", "tfn", "acct", "account",
        "licence", "license", "lic", "serial", "device", "id", "record", "chart", "mbi", "passport", "member", "policy",
        "claim", "provider", "hpi", "hpii", "hpio", "medicaid", "insurance", "pin", "identifier", "episode", "visit",
        "encounter", "accession", "specimen", "lab", "registration", "rego", "plate", "vin", "uid", "ref", "reference",
        "case", "file", "dob-id", "nhi", "crn", "centrelink", "pension", "concession", "healthcare", "hcc",
        // Session 5: incident, job, flight and event numbers; hospital record numbers.
        "incident", "job", "flight", "hrn",
        // Secure-messaging addresses of Australian practices ("HealthLink EDI: kalafmed", "via HealthLink deewhyfm").
        "healthlink", "edi",
]

let cueTable: [UInt64: Cue] = {
    var t: [UInt64: Cue] = [:]
    for w in scanIdCueWords {
        t[wordKey(w)] = .id
    }
    for w in scanDateCueWords { t[wordKey(w)] = .dateWord }
    for w in scanPhoneCueWords { t[wordKey(w)] = .phoneWord }
    for w in scanAgeCueWords { t[wordKey(w)] = .ageWord }
    return t
}()

/// The date, phone and age cue words of the byte scanner (``Cue/dateWord``, ``Cue/phoneWord``, ``Cue/ageWord``).
let scanDateCueWords = ["on", "since", "dated", "from", "until", "till", "by", "date", "dob", "d.o.b", "born", "admitted",
                        "discharged", "seen", "in", "of", "before", "after", "due", "expires", "expiry", "exp"]
let scanPhoneCueWords = ["ph", "phone", "tel", "telephone", "mob", "mobile", "cell", "fax", "pager", "contact", "call", "home",
                         "work", "wk", "hm", "m", "p", "f", "t", "bh", "ah"]
let scanAgeCueWords = ["aged", "age"]

/// Month names and abbreviations → month number.
/// Month names and abbreviations, January first.
let scanMonthNames: [[String]] = [
    ["january", "jan"], ["february", "feb"], ["march", "mar"], ["april", "apr"], ["may"], ["june", "jun"],
    ["july", "jul"], ["august", "aug"], ["september", "sep", "sept"], ["october", "oct"], ["november", "nov"],
    ["december", "dec"],
]

let monthTable: [UInt64: Int] = {
    var t: [UInt64: Int] = [:]
    for (i, list) in scanMonthNames.enumerated() { for n in list { t[wordKey(n)] = i + 1 } }
    return t
}()

/// Which words can be a month name or an ID cue (``scanMonthNames``, ``scanIdCueWords``), by their first two letters and their
/// length: the byte scanner's word pattern asks the table (``PHIScanWords/table``) only for such words. One `UInt16`
/// per pair of first letters (`aa` ... `zz`, either case), bit `min(length, 15)`; a word shorter than two letters or
/// not starting with two ASCII letters is always asked. Every listed word passes; most other words (`the`, `and`,
/// `patient`) do not, and skip the hash and the probe.
struct PHIScanWordFilter: Sendable {
    private let masks: [UInt16]

    init(words: [String] = scanMonthNames.flatMap { $0 } + scanIdCueWords) {
        var m = [UInt16](repeating: 0, count: 26 * 26)
        for w in words {
            let u = Array(w.utf8)
            guard u.count >= 2, isAlpha(u[0]), isAlpha(u[1]) else { continue }
            m[Int((u[0] | 0x20) &- 0x61) * 26 + Int((u[1] | 0x20) &- 0x61)] |= 1 << min(u.count, 15)
        }
        masks = m
    }

    /// Whether the word of ASCII letters `b[s..<e]` may be a listed word (false only when it cannot be one).
    @inline(__always) func mayHold(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard e - s >= 2 else { return true }
        let x = (b[s] | 0x20) &- 0x61, y = (b[s + 1] | 0x20) &- 0x61
        guard x < 26 && y < 26 else { return true }
        return masks.withUnsafeBufferPointer { $0[Int(x) * 26 + Int(y)] } & (1 << min(e - s, 15)) != 0
    }
}

/// `cueTable`, `monthTable` and the URL top-level domains `tlds` as one flat table (one lookup per word start):
/// bits 0-3 month number, bit 4 date word, 5 phone word, 6 age word, 7 ID cue, 8 URL TLD.
func scanTable(tlds: Set<UInt64>) -> PHIKeyTable {
    var t: [UInt64: UInt64] = [:]
    for (k, m) in monthTable { t[k, default: 0] |= UInt64(m) }
    for (k, c) in cueTable {
        switch c {
        case .dateWord: t[k, default: 0] |= 1 << 4
        case .phoneWord: t[k, default: 0] |= 1 << 5
        case .ageWord: t[k, default: 0] |= 1 << 6
        case .id: t[k, default: 0] |= 1 << 7
        }
    }
    for k in tlds { t[k, default: 0] |= 1 << 8 }
    return PHIKeyTable(t)
}

@inline(__always) func scanCue(_ v: UInt64) -> Cue? {
    if v & (1 << 7) != 0 { return .id }
    if v & (1 << 4) != 0 { return .dateWord }
    if v & (1 << 5) != 0 { return .phoneWord }
    if v & (1 << 6) != 0 { return .ageWord }
    return nil
}

/// The word lists of the byte scanner, as data (`phi/rule_words.tsv` sets `scan_id_fillers` and
/// `url_top_level_domains`, read into ``PHIVocabulary/scanWords``):
/// - ID-cue fillers: words skipped between an ID cue and its value (`MRN no. 123`, `Medicare card number ...`,
///   `DVA gold card ...`, `access code ...`);
/// - top-level domains: the last label of a host written without a scheme or `www` (`riverside-gp.example.com.au`).
///
/// Built once with the vocabulary, immutable; a lookup is one probe of a frozen table.
public struct PHIScanWords: Sendable {
    /// Month names and cue words of the scanner with the top-level domains (``scanTable(tlds:)``).
    let table: PHIKeyTable
    /// The fillers, value 1 per key; the stop words, value 2 per key.
    let idFillers: PHIKeyTable
    /// The words that may be a month or an ID cue, for the word pattern's lookup.
    let wordFilter = PHIScanWordFilter()
    /// The words that may be a cue of any kind (``cueTable``), for the lookup of the word before a number
    /// (``PHIScan/previousCue(_:)``).
    let cueFilter = PHIScanWordFilter(words: scanIdCueWords + scanDateCueWords + scanPhoneCueWords + scanAgeCueWords)

    /// The lists from their words (lower case).
    public init(idFillers: some Sequence<String>, idStops: [String] = [], topLevelDomains: some Sequence<String>) {
        self.init(idFillerKeys: Set(idFillers.map(wordKey)), idStopKeys: Set(idStops.map(wordKey)), tldKeys: Set(topLevelDomains.map(wordKey)))
    }

    init(idFillerKeys: Set<UInt64>, idStopKeys: Set<UInt64>, tldKeys: Set<UInt64>) {
        table = scanTable(tlds: tldKeys)
        var f: [UInt64: UInt64] = [:]
        for k in idStopKeys { f[k] = 2 }
        for k in idFillerKeys { f[k] = 1 }
        idFillers = PHIKeyTable(f)
    }

    /// The lists of the rule words' sets.
    init(_ words: PHIRuleWords) {
        self.init(idFillerKeys: words[.scanIdFillers], idStopKeys: words[.scanIdStops], tldKeys: words[.urlTopLevelDomains])
    }
}

/// Word keys the byte scanner compares against.
/// Each key is the literal ``wordKey(_:)`` of the word in its comment (session 15, as ``K``): a `static let` cost a
/// lazy-global check (`swift_once`) at every read; `PHIWordKeyLiteralTests` recomputes every literal from its word.
enum PK {
    @inline(__always) static var ext: UInt64 { 0xc3120f18f0704ad4 }  // "ext"
    @inline(__always) static var extn: UInt64 { 0xe7fa61608ecefa0e }  // "extn"
    @inline(__always) static var x: UInt64 { 0xaf63f54c86021707 }  // "x"
    @inline(__always) static var extensionWord: UInt64 { 0x1f82d98c5190e81a }  // "extension"
    @inline(__always) static var http: UInt64 { 0x8874a3cc15dc8285 }  // "http"
    @inline(__always) static var https: UInt64 { 0xbab549c925b28802 }  // "https"
    @inline(__always) static var ftp: UInt64 { 0xdc938418febf3e65 }  // "ftp"
    @inline(__always) static var www: UInt64 { 0x5e63e419483e75ec }  // "www"
    @inline(__always) static var date: UInt64 { 0x855b516730a34339 }  // "date"
    @inline(__always) static var dob: UInt64 { 0xcaaf3e18f4747e02 }  // "dob"
    @inline(__always) static var healthlink: UInt64 { 0x3be49d5f65cb4da3 }  // "healthlink"
    @inline(__always) static var edi: UInt64 { 0xc2cdfc18f0365dbf }  // "edi"
    @inline(__always) static var ending: UInt64 { 0xba075a8a47144f76 }  // "ending"
    @inline(__always) static var inWord: UInt64 { 0x08b73807b55c4bbe }  // "in"
    @inline(__always) static var no: UInt64 { 0x08b35907b5589afa }  // "no"
    @inline(__always) static var nhs: UInt64 { 0x2149d11925802398 }  // "nhs"
}

/// Word keys of the age patterns.
/// Each key is the literal ``wordKey(_:)`` of the word in its comment (session 15, as ``K``): a `static let` cost a
/// lazy-global check (`swift_once`) at every read; `PHIWordKeyLiteralTests` recomputes every literal from its word.
enum AgeKeys {
    @inline(__always) static var yo: UInt64 { 0x08ed5907b58a1341 }  // "yo"
    @inline(__always) static var yof: UInt64 { 0xb5616f19799e8b45 }  // "yof"
    @inline(__always) static var yom: UInt64 { 0xb5617419799e93c4 }  // "yom"
    @inline(__always) static var y: UInt64 { 0xaf63f44c86021554 }  // "y"
    @inline(__always) static var year: UInt64 { 0x7c64634977425edc }  // "year"
    @inline(__always) static var years: UInt64 { 0xa0f364d5a5c6e35d }  // "years"
    @inline(__always) static var yr: UInt64 { 0x08ed4407b589ef92 }  // "yr"
    @inline(__always) static var yrs: UInt64 { 0xb51a7a1979629b53 }  // "yrs"
    @inline(__always) static var old: UInt64 { 0x1a0fad1921d08076 }  // "old"
    @inline(__always) static var m: UInt64 { 0xaf63e04c8601f358 }  // "m"
    @inline(__always) static var f: UInt64 { 0xaf63db4c8601ead9 }  // "f"
    @inline(__always) static var month: UInt64 { 0xf4bdc3936faf56a5 }  // "month"
    @inline(__always) static var months: UInt64 { 0x8dca2986c6f08da2 }  // "months"
    @inline(__always) static var week: UInt64 { 0x3d80fff619edbfbd }  // "week"
    @inline(__always) static var weeks: UInt64 { 0x6ff2bd2e0efceb0a }  // "weeks"
    @inline(__always) static var day: UInt64 { 0xca8d3918f4578f1d }  // "day"
    @inline(__always) static var days: UInt64 { 0x8587736730c8b7ea }  // "days"
    @inline(__always) static var sex: UInt64 { 0x823b93195ce22287 }  // "sex"
    @inline(__always) static var since: UInt64 { 0x2b827d4f5e0ada9d }  // "since"
}

// MARK: - Scanner

struct PHIScan {
    let b: UnsafeBufferPointer<UInt8>
    /// Month names, cue words and top-level domains (``PHIScanWords/table``).
    let scanTable: PHIKeyTable
    let idFillers: PHIKeyTable
    let wordFilter: PHIScanWordFilter
    let cueFilter: PHIScanWordFilter
    var found: [Entity] = []
    var n: Int { b.count }

    init(b: UnsafeBufferPointer<UInt8>, words: PHIScanWords) {
        self.b = b
        scanTable = words.table
        idFillers = words.idFillers
        wordFilter = words.wordFilter
        cueFilter = words.cueFilter
    }

    @inline(__always) func at(_ i: Int) -> UInt8 { i < n && i >= 0 ? b[i] : 0 }

    /// True when position `i` does not continue a word (ASCII alnum or any non-ASCII byte).
    @inline(__always) func boundaryBefore(_ i: Int) -> Bool {
        i == 0 || (b[i - 1] < 0x80 && !isAlnum(b[i - 1]))
    }

    @inline(__always) func boundaryAfter(_ i: Int) -> Bool {
        i >= n || (b[i] < 0x80 && !isAlnum(b[i]))
    }

    func digitRun(_ i: Int) -> Int {
        var j = i
        while j < n && isDigit(b[j]) { j += 1 }
        return j
    }

    func alphaRun(_ i: Int) -> Int {
        var j = i
        while j < n && isAlpha(b[j]) { j += 1 }
        return j
    }

    func value(_ s: Int, _ e: Int) -> Int {
        var v = 0
        for k in s..<e { v = v * 10 + Int(b[k] - 0x30) }
        return v
    }

    mutating func emit(_ type: EntityType, _ s: Int, _ e: Int, score: Float, rule: String) {
        found.append(
            Entity(
                category: .protectedHealthInformation, type: type, span: TextSpan(s, e), score: score,
                evidence: [Evidence(subject: "match", ruleID: "phi:" + rule)]))
    }

    /// The previous word (ASCII letters/dots) before `i`, skipping spaces and `:#-`, as a cue.
    func previousCue(_ i: Int) -> Cue? {
        var j = i - 1
        while j >= 0 && (b[j] == 0x20 || b[j] == 0x3A || b[j] == 0x23 || b[j] == 0x2D || b[j] == 0x09) { j -= 1 }
        let e = j + 1
        while j >= 0 && (isAlpha(b[j]) || b[j] == 0x2E) { j -= 1 }
        let s = j + 1
        guard s < e else { return nil }
        var end = e
        while end > s && b[end - 1] == 0x2E { end -= 1 }  // "d.o.b." → "d.o.b"
        // A word that cannot be a cue (`the`, `patient`: first two letters and length of no cue word) is not hashed.
        guard cueFilter.mayHold(b, s, end) else { return nil }
        return scanCue(scanTable.value(wordKey(b, s, end)))
    }

    /// Session 14: `no.` or `#` right before `i` (spaces or a colon between) after a word of three or more letters that is
    /// no phone word (`examiner no. 3309154177`, `Claim # 4105550123`; not `Phone no.`, `Ph #`, `Mob no.`, `son's no.`).
    @inline(never) func numberLabelBefore(_ i: Int) -> Bool {
        var j = i - 1
        while j >= 0 && (b[j] == 0x20 || b[j] == 0x3A) { j -= 1 }
        guard j >= 0 else { return false }
        if b[j] == 0x23 {
            j -= 1
        } else {
            if b[j] == 0x2E { j -= 1 }
            let e = j + 1
            while j >= 0 && isAlpha(b[j]) { j -= 1 }
            guard j + 1 < e, boundaryBefore(j + 1) else { return false }
            let k = wordKey(b, j + 1, e)
            guard k == PK.no else { return false }
        }
        while j >= 0 && b[j] == 0x20 { j -= 1 }
        let e = j + 1
        while j >= 0 && (isAlpha(b[j]) || b[j] == 0x2E) { j -= 1 }
        var end = e
        while end > j + 1 && b[end - 1] == 0x2E { end -= 1 }
        guard end - (j + 1) >= 3, j < 0 || b[j] == 0x20 || b[j] == 0x0A || b[j] == 0x09 || b[j] == 0x28 else { return false }
        if case .phoneWord? = scanCue(scanTable.value(wordKey(b, j + 1, end))) { return false }
        return true
    }

    /// The cue of the word before a preposition (`at`, `on`) before `i` (`phone at 555-0107`), nil otherwise.
    func cueBeforePreposition(_ i: Int) -> Cue? {
        var j = i - 1
        while j >= 0 && b[j] == 0x20 { j -= 1 }
        guard j >= 1, lower(b[j - 1]) == 0x61 && lower(b[j]) == 0x74 || lower(b[j - 1]) == 0x6F && lower(b[j]) == 0x6E, j < 2 || b[j - 2] == 0x20 else {
            return nil
        }
        return previousCue(j - 1)
    }

    /// Session 17 (speedB): `boundary` is ``boundaryBefore(_:)`` of `i`, carried from the byte just read instead of read
    /// again at every byte: after an ASCII byte that is no letter or digit it holds, after a letter, a digit or a
    /// non-ASCII byte it does not, and after a pattern's end it is read from the text. A skipped word or number ends
    /// at an ASCII byte that is no letter or digit (``tokenEnd(from:)``, ``skipToken(_:)``), which nothing can start at
    /// (the byte before it continues the word), so the walk goes on after that byte. The same positions are tried as
    /// with the test at every byte (`PHIScanBoundaryTests` compares the two walks' findings).
    mutating func run() {
        var i = 0
        var boundary = true
        while i < n {
            let c = b[i]
            if c >= 0x80 || !boundary {
                boundary = c < 0x80 && !isAlnum(c)
                i += 1
                continue
            }
            if isDigit(c) {
                if let e = numberPattern(i) {
                    i = e
                    boundary = i < n && boundaryBefore(i)
                    continue
                }
                i = skipToken(i) + 1
                boundary = true
                continue
            }
            if (c == 0x2B || c == 0x28) && isDigit(at(i + 1)) {  // "+61 ..." or "(02) ..."
                if let e = phone(i, cue: previousCue(i)) {
                    i = e
                    boundary = i < n && boundaryBefore(i)
                    continue
                }
                i += 1
                boundary = true
                continue
            }
            if isAlpha(c) {
                // The word's letters are read once: its end is handed to the word pattern, and the skip goes on from it.
                let we = alphaRun(i)
                if wordMayMatch(i, wordEnd: we), let e = wordPattern(i, wordEnd: we) {
                    i = e
                    boundary = i < n && boundaryBefore(i)
                    continue
                }
                i = tokenEnd(from: we) + 1
                boundary = true
                continue
            }
            i += 1
            boundary = true
        }
    }

    /// Whether ``wordPattern(_:wordEnd:)`` can find anything at the word of ASCII letters `b[i..<we]`: a byte after it that
    /// an e-mail address, URL or domain continues with, two letters (a letter-led identifier), or a word that may be a
    /// month name or an ID cue (``PHIScanWordFilter``). For any other word (most of them) `wordPattern` reads nothing else
    /// and finds nothing, so it is not called (session 16, speedC: the call was a tenth of its samples).
    @inline(__always) func wordMayMatch(_ i: Int, wordEnd we: Int) -> Bool {
        let next = at(we)
        return isDigit(next) || next == 0x40 || next == 0x2E || next == 0x2D || next == 0x5F || next == 0x2B || next == 0x25
            || next == 0x3A || we - i == 2 || wordFilter.mayHold(b, i, we)
    }

    /// Skips the rest of an alphanumeric token.
    func skipToken(_ i: Int) -> Int {
        var j = i
        while j < n && (isAlnum(b[j]) || b[j] >= 0x80) { j += 1 }
        return max(j, i + 1)
    }

    /// ``skipToken(_:)`` of a token whose bytes before `j` (at least its first) are ASCII letters already read: the end
    /// of its run of alphanumeric and non-ASCII bytes, from `j`.
    @inline(__always) func tokenEnd(from j: Int) -> Int {
        var j = j
        while j < n && (isAlnum(b[j]) || b[j] >= 0x80) { j += 1 }
        return j
    }

    // MARK: digit-led patterns

    mutating func numberPattern(_ i: Int) -> Int? {
        // The number's first run of digits and the byte after it, read once (session 16, speedC): each pattern below
        // is tried only where its own first test can pass (a run of its length, its separator after it); the others
        // would each read the run again and return nil.
        let d = digitRun(i)
        let len = d - i, c = at(d)
        let date: Int?
        if len == 4 {
            date = c == 0x2D || c == 0x2F || c == 0x2E ? isoDate(i) : nil
        } else if len <= 2 {
            date = (c == 0x2F || c == 0x2D || c == 0x2E ? numericDate(i) : nil)
                ?? (c == 0x20 || c == 0x2D || c == 0x2F || isAlpha(c) ? dayMonthNameDate(i) : nil)
        } else {
            date = nil
        }
        if let e = date {
            let end = timeSuffix(e) ?? e
            emit(.date, i, end, score: 0.95, rule: "date")
            return end
        }
        if len == 3 && c == 0x2D, let e = ssn(i) { return e }
        if len <= 3 && c == 0x2E, let e = ipv4(i) {
            emit(.ipAddress, i, e, score: 0.95, rule: "ipv4")
            return e
        }
        // Only a chain of digit groups, or one group of 9, 10, 11 or 16 digits, can be a checksummed identifier.
        if (c == 0x20 && isDigit(at(d + 1))) || len == 9 || len == 10 || len == 11 || len == 16, let e = checksummedID(i) { return e }
        // The cue word before the number (a hash and a table probe) only for the patterns that read it.
        let cue = previousCue(i)
        if len <= 3, let e = age(i, cue: cue) { return e }
        if len <= 2 && (c == 0x2F || c == 0x2D), let e = monthYear(i, cue: cue) {
            emit(.date, i, e, score: 0.85, rule: "date-month-year")
            return e
        }
        if let e = phone(i, cue: cue) { return e }
        return nil
    }

    /// 2025-02-14, 2025/02/14, 20250214 is not taken (too ambiguous).
    func isoDate(_ i: Int) -> Int? {
        let y = digitRun(i)
        guard y - i == 4, at(y) == 0x2D || at(y) == 0x2F || at(y) == 0x2E, isDigit(at(y + 1)) else { return nil }
        let sep = at(y)
        let m = digitRun(y + 1)
        guard (1...2).contains(m - y - 1), at(m) == sep, isDigit(at(m + 1)) else { return nil }
        let d = digitRun(m + 1)
        guard (1...2).contains(d - m - 1), boundaryAfter(d) || at(d) == 0x54 else { return nil }
        let year = value(i, y), month = value(y + 1, m), day = value(m + 1, d)
        guard (1800...2199).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        return d
    }

    /// 04/11/1957, 11/4/57, 4.11.1957, 11-04-1957 (day and month in either order).
    func numericDate(_ i: Int) -> Int? {
        let a = digitRun(i)
        guard (1...2).contains(a - i) else { return nil }
        let sep = at(a)
        guard sep == 0x2F || sep == 0x2D || sep == 0x2E, isDigit(at(a + 1)) else { return nil }
        let m = digitRun(a + 1)
        guard (1...2).contains(m - a - 1), at(m) == sep, isDigit(at(m + 1)) else { return nil }
        let y = digitRun(m + 1)
        guard y - m - 1 == 2 || y - m - 1 == 4, boundaryAfter(y) else { return nil }
        // "4.11.1957." is a date at the end of a sentence, but "1.2.3.4" is not.
        if sep == 0x2E && at(y) == 0x2E && isDigit(at(y + 1)) { return nil }
        let p = value(i, a), q = value(a + 1, m)
        guard (1...31).contains(p), (1...31).contains(q), p <= 12 || q <= 12 else { return nil }
        if y - m - 1 == 4 && !(1800...2199).contains(value(m + 1, y)) { return nil }
        return y
    }

    /// 11 April 2025, 11th April 2025, 11-Apr-1957, 11 Apr, 3rd of May 2024.
    func dayMonthNameDate(_ i: Int) -> Int? {
        let d = digitRun(i)
        guard (1...2).contains(d - i), (1...31).contains(value(i, d)) else { return nil }
        var j = d
        // Ordinal suffix.
        let sfx = alphaRun(j)
        if sfx - j == 2 {
            let s0 = lower(b[j]), s1 = lower(b[j + 1])
            if (s0 == 0x73 && s1 == 0x74) || (s0 == 0x6E && s1 == 0x64) || (s0 == 0x72 && s1 == 0x64) || (s0 == 0x74 && s1 == 0x68) {
                j = sfx
            }
        }
        guard at(j) == 0x20 || at(j) == 0x2D || at(j) == 0x2F else { return nil }
        j += 1
        // Optional "of ".
        if lower(at(j)) == 0x6F && lower(at(j + 1)) == 0x66 && at(j + 2) == 0x20 { j += 3 }
        let me = alphaRun(j)
        // A word that cannot be a month name (``PHIScanWordFilter``: every month name passes) is not hashed.
        guard me > j, wordFilter.mayHold(b, j, me) else { return nil }
        let month = Int(scanTable.value(wordKey(b, j, me)) & 0xF)
        guard month > 0 else { return nil }
        var end = me
        if at(end) == 0x2E && (me - j == 3 || (me - j == 4 && month == 9)) { end += 1 }  // "Apr.", "Sept."
        // "may" only as a month when capitalised or followed by a year.
        let yearStart: Int? = {
            var k = end
            if at(k) == 0x2C { k += 1 }
            guard at(k) == 0x20 || at(k) == 0x2D || at(k) == 0x2F else { return nil }
            k += 1
            // Session 5: an apostrophe year ("3 March '25").
            if at(k) == 0x27 && isDigit(at(k + 1)) && isDigit(at(k + 2)) && boundaryAfter(k + 3) { return k + 1 }
            let ye = digitRun(k)
            return (ye - k == 4 || ye - k == 2) && boundaryAfter(ye) ? k : nil
        }()
        if month == 5 && b[j] != 0x4D && yearStart == nil { return nil }
        if let ys = yearStart { return digitRun(ys) }
        return boundaryAfter(end) ? end : nil
    }

    /// 04/2025, or 7/22 after a date cue ("since 7/22").
    func monthYear(_ i: Int, cue: Cue?) -> Int? {
        let m = digitRun(i)
        guard (1...2).contains(m - i), at(m) == 0x2F || at(m) == 0x2D, isDigit(at(m + 1)) else { return nil }
        let y = digitRun(m + 1)
        guard boundaryAfter(y), at(y) != 0x2F, (1...12).contains(value(i, m)) else { return nil }
        if y - m - 1 == 4, (1900...2199).contains(value(m + 1, y)) { return y }
        // "booster in 6-12 months", "review in 10/12 weeks": a range of counts before a unit of time is no month/year.
        if y - m - 1 == 2, case .dateWord? = cue, !durationUnitAfter(y), !(at(m + 1) == 0x31 && at(m + 2) == 0x30 && scoreOutOfTenNear(i, y)) {
            return y
        }
        return nil
    }

    /// Session 17 (phitype): `pain (3/10 from 6/10)`, `pre 4/10, during 7/10, post 3/10`: another score out of ten (one
    /// or two digits up to 10, `/10`, no third part) within 40 bytes of the value `i..<y` on its line makes `6/10` after a
    /// date word a score in a run, not June 2010.
    @inline(never) func scoreOutOfTenNear(_ i: Int, _ y: Int) -> Bool {
        // A score at s (its first digit after a non-digit), or nil.
        func score(_ s: Int) -> Bool {
            guard s > 0, isDigit(at(s)), !isDigit(at(s - 1)), at(s - 1) != 0x2F, at(s) != 0x30 else { return false }
            let d = digitRun(s)
            guard d - s <= 2, value(s, d) <= 10, at(d) == 0x2F, at(d + 1) == 0x31, at(d + 2) == 0x30 else { return false }
            let x = at(d + 3)
            return !isDigit(x) && x != 0x2F && x != 0x2D
        }
        var j = i - 1
        while j >= 1 && j >= i - 40 && b[j] != 0x0A {
            if score(j) { return true }
            j -= 1
        }
        j = y
        while j < n && j <= y + 40 && b[j] != 0x0A {
            if score(j) { return true }
            j += 1
        }
        return false
    }

    /// A unit of time (`day`, `week`, `month`, `year`, `hour`, `wk`, `mo`, `yr`, `hr`, any ending) after one space at j.
    func durationUnitAfter(_ j: Int) -> Bool {
        guard at(j) == 0x20 else { return false }
        let a = lower(at(j + 1)), c = lower(at(j + 2)), d = lower(at(j + 3))
        switch (a, c) {
        case (0x64, 0x61): return d == 0x79  // day
        case (0x77, 0x65): return d == 0x65  // week
        case (0x77, 0x6B): return !isAlpha(d) || d == 0x73  // wk, wks
        case (0x6D, 0x6F): return d == 0x6E || !isAlpha(d) || d == 0x73  // month, mo, mos
        case (0x79, 0x65): return d == 0x61  // year
        case (0x79, 0x72): return !isAlpha(d) || d == 0x73  // yr, yrs
        case (0x68, 0x6F): return d == 0x75  // hour
        case (0x68, 0x72): return !isAlpha(d) || d == 0x73  // hr, hrs
        default: return false
        }
    }

    /// Optional time after a date: " 14:30", "T14:30:00Z", " at 2:30 pm", " 1430 hrs".
    func timeSuffix(_ e: Int) -> Int? {
        var j = e
        if at(j) == 0x54 { j += 1 } else if at(j) == 0x20 || at(j) == 0x2C {
            j += 1
            if at(j) == 0x20 { j += 1 }
            if lower(at(j)) == 0x61 && lower(at(j + 1)) == 0x74 && at(j + 2) == 0x20 { j += 3 }  // "at "
            // "9/14/25 @ 23:58": `@` joins a time like `at` (GUIDELINE D2, decision of session 10).
            else if at(j) == 0x40 && at(j + 1) == 0x20 { j += 2 } else if at(j) == 0x40 && isDigit(at(j + 1)) { j += 1 }
        } else {
            return nil
        }
        let h = digitRun(j)
        if h - j == 4 && at(h) == 0x20 && lower(at(h + 1)) == 0x68 && lower(at(h + 2)) == 0x72 {  // "1430 hrs"
            var k = h + 3
            if lower(at(k)) == 0x73 { k += 1 }
            return boundaryAfter(k) && value(j, j + 2) < 24 ? k : nil
        }
        // "0830hrs", "1430h" (GUIDELINE D2: `[03/06/25 0830hrs]`).
        if h - j == 4 && lower(at(h)) == 0x68 && value(j, j + 2) < 24 && value(j + 2, h) < 60 {
            var k = h + 1
            if lower(at(k)) == 0x72 && lower(at(k + 1)) == 0x73 { k += 2 } else if lower(at(k)) == 0x72 { k += 1 }
            if boundaryAfter(k) { return k }
        }
        // "11-APR-2025  1415": a bare 24-hour time straight after the date (not a "1900-0700" shift range).
        if h - j == 4 && value(j, j + 2) < 24 && value(j + 2, h) < 60 && boundaryAfter(h) && at(h) != 0x2D && at(h) != 0x2F
            && (at(h) != 0x2E || !isDigit(at(h + 1))) && at(h) != 0x3A
        {
            return h
        }
        // Session 5: "2.30 pm" (a dotted time only with am/pm after it).
        let dottedTime: Bool = {
            guard at(h) == 0x2E, isDigit(at(h + 1)), isDigit(at(h + 2)) else { return false }
            var p = h + 3
            if at(p) == 0x20 { p += 1 }
            return (lower(at(p)) == 0x61 || lower(at(p)) == 0x70) && (lower(at(p + 1)) == 0x6D || (at(p + 1) == 0x2E && lower(at(p + 2)) == 0x6D))
        }()
        guard (1...2).contains(h - j), at(h) == 0x3A || dottedTime, value(j, h) < 24 else { return nil }
        let m = digitRun(h + 1)
        guard m - h - 1 == 2 else { return nil }
        var k = m
        if at(k) == 0x3A, digitRun(k + 1) - k - 1 == 2 { k = digitRun(k + 1) }
        if at(k) == 0x2E && isDigit(at(k + 1)) { k = digitRun(k + 1) }  // fractional seconds
        if at(k) == 0x5A { k += 1 }  // Z
        else if lower(at(k)) == 0x68 && (boundaryAfter(k + 1) || (lower(at(k + 1)) == 0x72 && (boundaryAfter(k + 2) || (lower(at(k + 2)) == 0x73 && boundaryAfter(k + 3))))) {
            // "14:30h", "14:30hrs"
            k += lower(at(k + 1)) != 0x72 ? 1 : lower(at(k + 2)) == 0x73 ? 3 : 2
            return k
        }
        else if (at(k) == 0x2B || at(k) == 0x2D), digitRun(k + 1) - k - 1 == 2, at(k + 3) == 0x3A { k = digitRun(k + 4) }
        // am/pm
        var p = k
        if at(p) == 0x20 { p += 1 }
        let a0 = lower(at(p))
        if a0 == 0x61 || a0 == 0x70 {
            var q = p + 1
            let dotted = at(q) == 0x2E
            if dotted { q += 1 }
            if lower(at(q)) == 0x6D {
                q += 1
                // "p.m." keeps its last dot; "10:15am." ends a sentence.
                if at(q) == 0x2E && dotted { q += 1 }
                if boundaryAfter(q) || at(q - 1) == 0x2E { k = q }
            }
        }
        return boundaryAfter(k) || at(k - 1) == 0x2E ? k : nil
    }

    mutating func ssn(_ i: Int) -> Int? {
        let a = digitRun(i)
        guard a - i == 3, at(a) == 0x2D else { return nil }
        let g = digitRun(a + 1)
        guard g - a - 1 == 2, at(g) == 0x2D else { return nil }
        let s = digitRun(g + 1)
        guard s - g - 1 == 4, boundaryAfter(s) else { return nil }
        let digits = String(decoding: [b[i], b[i + 1], b[i + 2], b[a + 1], b[a + 2]] + Array(b[(g + 1)..<s]), as: UTF8.self)
        guard IdentifierChecksums.usSSN(digits) else { return nil }
        emit(.id, i, s, score: 0.95, rule: "id-ssn")
        return s
    }

    func ipv4(_ i: Int) -> Int? {
        var j = i
        for part in 0..<4 {
            let e = digitRun(j)
            guard (1...3).contains(e - j), value(j, e) <= 255 else { return nil }
            j = e
            if part < 3 {
                guard at(j) == 0x2E, isDigit(at(j + 1)) else { return nil }
                j += 1
            }
        }
        return boundaryAfter(j) && !(at(j) == 0x2E && isDigit(at(j + 1))) ? j : nil
    }

    /// Digit groups (single spaces between) forming a Medicare, IHI/HPI or ABN number.
    mutating func checksummedID(_ i: Int) -> Int? {
        // Count the digits of the group chain first: only 10, 11 or 16 can be an ID here.
        var count = 0, k = i, g = 0
        while g < 6 {
            let e = digitRun(k)
            count += e - k
            g += 1
            if at(e) == 0x20 && isDigit(at(e + 1)) && count <= 16 { k = e + 1 } else { break }
        }
        guard count == 9 || count == 10 || count == 11 || count == 16 else { return nil }
        var digits: [UInt8] = []
        var j = i
        var end = i
        var groups = 0
        while true {
            let e = digitRun(j)
            guard e > j else { break }
            digits.append(contentsOf: b[j..<e])
            groups += 1
            end = e
            if digits.count > 16 { return nil }
            if at(e) == 0x20 && isDigit(at(e + 1)) && groups < 6 { j = e + 1 } else { break }
        }
        guard boundaryAfter(end) else { return nil }
        let s = String(decoding: digits, as: UTF8.self)
        // Try the longest reading first, then drop trailing groups.
        switch digits.count {
        case 9:
            // A TFN written in three groups of three ("123 456 782") with a valid check digit.
            if groups == 3 && end - i == 11 && IdentifierChecksums.australianTFN(s) {
                emit(.id, i, end, score: 0.9, rule: "id-tfn")
                return end
            }
        case 16:
            let r = IdentifierChecksums.australianHealthcareIdentifier(s)
            if r.valid {
                emit(.id, i, end, score: 0.99, rule: "id-" + r.kind.lowercased())
                return end
            }
        case 11:
            if IdentifierChecksums.australianABN(s) && groups == 4 {
                emit(.id, i, end, score: 0.9, rule: "id-abn")
                return end
            }
            if IdentifierChecksums.australianMedicare(s) && groups >= 2 {
                emit(.id, i, end, score: 0.95, rule: "id-medicare")
                return end
            }
        case 10:
            // Session 16: "NHS No. 428 987 5114": a United Kingdom NHS number (3-3-4 or bare, mod-11 check) after `NHS`.
            if (groups == 3 || groups == 1) && nhsCueBefore(i) && IdentifierChecksums.nhsNumber(s) {
                emit(.id, i, end, score: 0.95, rule: "id-nhs")
                return end
            }
            if IdentifierChecksums.australianMedicare(s) && (groups >= 2 || b[i] != 0x30) {
                // Bare 10-digit Medicare numbers are IDs only when grouped or not phone-like.
                if groups >= 2 || !(isPhoneLike10(digits)) {
                    emit(.id, i, end, score: 0.9, rule: "id-medicare")
                    return end
                }
            }
        default: break
        }
        return nil
    }

    /// Session 16: whether `NHS` ends before `i`, maybe with `no.`, `number` or `#`/`:` between (`NHS No. `, `NHS number: `).
    @inline(never) func nhsCueBefore(_ i: Int) -> Bool {
        var j = i - 1
        while j >= 0 && (b[j] == 0x20 || b[j] == 0x3A || b[j] == 0x23 || b[j] == 0x2E) { j -= 1 }
        var e = j + 1
        while j >= 0 && isAlpha(b[j]) { j -= 1 }
        var k = wordKey(b, j + 1, e)
        if k == PK.no || k == K.number {
            while j >= 0 && b[j] == 0x20 { j -= 1 }
            e = j + 1
            while j >= 0 && isAlpha(b[j]) { j -= 1 }
            k = wordKey(b, j + 1, e)
        }
        return e - j - 1 == 3 && (j < 0 || !isAlnum(b[j])) && k == PK.nhs
    }

    func isPhoneLike10(_ d: [UInt8]) -> Bool {
        d[0] == 0x30 || (d[0] >= 0x32 && d[3] >= 0x32)
    }

    /// "67 yo", "67yo", "67 y.o.", "67 y/o", "67-year-old", "67 year old", "67 yrs old", "67M", "67 F", "aged 67".
    mutating func age(_ i: Int, cue: Cue?) -> Int? {
        let d = digitRun(i)
        guard (1...3).contains(d - i) else { return nil }
        let years = value(i, d)
        guard years <= 125 else { return nil }
        // Session 17 (phiA): "testing from age 18-25", "age 40-75 with diabetes", "bruises 2-4 days old": a number joined by a
        // hyphen to another number is a range of ages (GUIDELINE A: a population's ages are not AGE) or an estimate.
        if (at(i - 1) == 0x2D && isDigit(at(i - 2))) || (at(d) == 0x2D && isDigit(at(d + 1))) { return nil }
        // Session 15: "Chronological age: 4;11": years;months after an age label is one span.
        if case .ageWord? = cue, at(d) == 0x3B, years <= 21, isDigit(at(d + 1)) {
            let m = digitRun(d + 1)
            if m - (d + 1) <= 2, value(d + 1, m) < 12, boundaryAfter(m), at(m) != 0x3B {
                emitAge(i, m, years)
                return m
            }
        }
        if case .ageWord? = cue, boundaryAfter(d), at(d) != 0x2E || !isDigit(at(d + 1)) {
            emitAge(i, d, years)
            return d
        }
        // "Age: 66Y   Sex: M", "Age: 7yrs": a year unit written onto the number after an age label (GUIDELINE A1: the
        // number only).
        if case .ageWord? = cue, at(d) | 0x20 == 0x79 {
            let w = alphaRun(d)
            let u = wordKey(b, d, w)
            if boundaryAfter(w), u == AgeKeys.y || u == AgeKeys.yr || u == AgeKeys.yrs || u == AgeKeys.yo || u == AgeKeys.years {
                emitAge(i, d, years)
                return w
            }
        }
        var j = d
        if at(j) == 0x20 || at(j) == 0x2D { j += 1 }
        let w = alphaRun(j)
        guard w > j else {
            return nil
        }
        // Every word read below (`yo`, `years`, `m`, `f`, `months`, `weeks`, `days`) starts with y, m, f, w or d and has at
        // most six letters: any other word after the number is not hashed.
        let w0 = b[j] | 0x20
        guard w - j <= 6, w0 == 0x79 || w0 == 0x6D || w0 == 0x66 || w0 == 0x77 || w0 == 0x64 else { return nil }
        let word = wordKey(b, j, w)
        var end: Int? = nil
        if word == AgeKeys.yo || word == AgeKeys.yof || word == AgeKeys.yom {
            end = w
        } else if at(i - 1) == 0x28 && at(w) == 0x29
            && (word == AgeKeys.y || word == AgeKeys.yo
                || ((word == AgeKeys.yr || word == AgeKeys.yrs || word == AgeKeys.years) && !letterBeforeBracket(i - 1)))
        {
            // "(35 y)", "(35 yrs)" after a date of birth; session 17: not "retired postal carrier (32 years)", the years of a job.
            end = w
        } else if at(i - 1) == 0x28 && (word == AgeKeys.y || word == AgeKeys.yo)
            && (at(w) == 0x2C || (at(w) == 0x20 && (at(w + 1) == 0x4D || at(w + 1) == 0x46) && (at(w + 2) == 0x29 || at(w + 2) == 0x2C)))
        {
            end = w  // Session 17 (phiA): "DOB 12/05/1983 (42 y F)", "Jayden (25 y, haul-truck operator)"
        } else if word == AgeKeys.y, at(w) == 0x2E || at(w) == 0x2F, lower(at(w + 1)) == 0x6F {
            end = at(w + 2) == 0x2E ? w + 3 : w + 2
        } else if word == AgeKeys.year || word == AgeKeys.years || word == AgeKeys.yr || word == AgeKeys.yrs
            || word == AgeKeys.month || word == AgeKeys.months || word == AgeKeys.week || word == AgeKeys.weeks
            || word == AgeKeys.day || word == AgeKeys.days
        {
            // must be followed by "old"
            var k = w
            if at(k) == 0x20 || at(k) == 0x2D { k += 1 }
            let o = alphaRun(k)
            if wordKey(b, k, o) == AgeKeys.old { end = o }
        } else if (word == AgeKeys.m || word == AgeKeys.f) && j == d + 1 && w == j + 1 && at(i - 1) == 0x28 && at(w) == 0x29
            && b[j] &- 0x41 < 26
        {
            end = w  // Session 16: "DOB 22/06/1958 (68 M)": a bracket of the age, a space and a capital sex letter
        } else if (word == AgeKeys.m || word == AgeKeys.f) && j == d && w == d + 1 && boundaryAfter(w)
            // "fell ~2m from", "a 3m drop": a lower-case m after a small number is metres.
            && !(b[d] == 0x6D && (years < 10 || at(i - 1) == 0x7E))
        {
            // "67M" / "67F" directly attached, as in "67M with chest pain".
            end = w
        }
        guard let e = end, boundaryAfter(e) || at(e - 1) == 0x2E else { return nil }
        emitAge(i, e, years)
        return e
    }

    /// Session 17: the last byte before the bracket at `p`, spaces skipped, is an ASCII letter (`carrier (32 years)`).
    @inline(never) func letterBeforeBracket(_ p: Int) -> Bool {
        var q = p - 1
        while q >= 0 && b[q] == 0x20 { q -= 1 }
        return q >= 0 && isAlpha(b[q])
    }

    mutating func emitAge(_ s: Int, _ e: Int, _ years: Int) {
        var entity = Entity(
            category: .protectedHealthInformation, type: .age, span: TextSpan(s, e), score: 0.95,
            evidence: [Evidence(subject: "match", ruleID: "phi:age")])
        if years > 89 { entity.evidence.append(Evidence(subject: "AGE_OVER_89", ruleID: "phi:age-over-89")) }
        found.append(entity)
    }

    /// US and Australian phone and fax numbers, international numbers with a + prefix,
    /// with an optional extension.
    mutating func phone(_ i: Int, cue: Cue?) -> Int? {
        // Cheap pre-check: a phone number has at least 6 digits within its first 20 bytes.
        var seen = 0, q = i
        while q < n && q < i + 20 && seen < 6 {
            let c = b[q]
            if isDigit(c) { seen += 1 } else if !(c == 0x20 || c == 0x2D || c == 0x2E || c == 0x28 || c == 0x29 || c == 0x2B) { break }
            q += 1
        }
        guard seen >= 6 else { return nil }
        var digits: [UInt8] = []
        var groups: [Int] = []
        var j = i
        var end = i
        let plus = at(i) == 0x2B
        if plus { j += 1 }
        var sawParen = false
        while j < n {
            let c = b[j]
            if isDigit(c) {
                let e = digitRun(j)
                digits.append(contentsOf: b[j..<e])
                groups.append(e - j)
                j = e
                end = e
                if at(j) == 0x29 && sawParen {
                    j += 1
                    end = j
                    sawParen = false
                    if isDigit(at(j)) { continue }  // "(02)55501234", "+61 (0)2 5550 1234"
                }
                if digits.count > 15 { return nil }
                // Separator: one of " ", "-", ".", or ") ".
                // A bracket continues the number only as an area code after a short first group ("+1 (555) ...",
                // "1 (800) ..."), never later ("1300 552 019 (24 H)").
                if (at(j) == 0x20 || at(j) == 0x2D || at(j) == 0x2E) && (isDigit(at(j + 1)) || (at(j + 1) == 0x28 && groups.count == 1 && groups[0] <= 3)) {
                    // Session 16: "called (402) 555-0150 17:58": a clock time after a space ends the number.
                    if at(j) == 0x20 && groups.count >= 2 && clockTimeAt(j + 1) { break }
                    j += 1
                    continue
                }
                if (at(j) == 0x2D || at(j) == 0x2E) && at(j + 1) == 0x20 && isDigit(at(j + 2)) { j += 2; continue }
                break
            } else if c == 0x28 && !sawParen && isDigit(at(j + 1)) && at(digitRun(j + 1)) == 0x29 {
                // An area code in brackets is closed right after its digits ("(02) ..."); session 16: "LIP-3DLAB-02
                // (10.42.18.77)" is a name's number and an IP address, no telephone number.
                sawParen = true
                j += 1
            } else {
                break
            }
        }
        guard !digits.isEmpty, boundaryAfter(end) || at(end) == 0x29 else { return nil }
        if at(end) == 0x29 && !(end > i && b[end - 1] == 0x29) { }
        let d = digits
        var ok = false
        if plus {
            ok = (d.count >= 8 && d.count <= 15) && groups.count >= 2
        } else if d.count == 10 && d[0] == 0x30 && [0x32, 0x33, 0x34, 0x37, 0x38].contains(d[1]) {
            ok = true  // Australian landline (0X XXXX XXXX) or mobile (04XX XXX XXX)
        } else if d.count == 10 && d[0] == 0x31 && (d[1] == 0x33 || d[1] == 0x38) && d[2] == 0x30 && d[3] == 0x30 {
            ok = true  // 1300 / 1800
        } else if d.count == 6 && d[0] == 0x31 && d[1] == 0x33 && groups.count == 3 {
            ok = true  // 13 XX XX
        } else if d.count == 10 && d[0] >= 0x32 && (groups.count >= 2 || d[3] >= 0x32) && !(groups.count >= 2 && groups[0] != 3) {
            // ("250308-7712", an event or case number, has no phone grouping.)
            // NANP: 3-3-4 grouped, or ten bare digits with a valid exchange code.
            // Session 14: ten bare digits after `no.` or `#` of a label that is no phone word ("examiner no.
            // 3309154177") are the label's identifier, left to the identifier rules.
            ok = groups.count >= 2 || !numberLabelBefore(i)
        } else if d.count == 11 && d[0] == 0x31 && d[1] >= 0x32 && d[4] >= 0x32 {
            ok = groups.count >= 2
        } else if d.count == 8 && groups.count == 2 && groups[0] == 4 && groups[1] == 4 {
            // Australian local number without area code, e.g. "9876 5432", only with a phone cue.
            if case .phoneWord? = cue { ok = true }
        } else if d.count == 11 && d[0] == 0x30 && [0x31, 0x32, 0x33, 0x37, 0x38].contains(d[1]) && groups.count >= 2
            && (3...5).contains(groups[0]) && !groups.contains(where: { $0 < 3 })
        {
            ok = true  // Session 16: United Kingdom, trunk 0 and ten digits ("0113 496 0412", "020 7946 0958", "07700 900417")
        } else if d.count == 9 && d[0] == 0x30 && (groups == [2, 3, 4] && [0x33, 0x34, 0x36, 0x37, 0x39].contains(d[1])
            || groups == [3, 3, 3] && d[1] == 0x32)
        {
            ok = true  // Session 16: New Zealand landline "(09) 555 0123", "03 477 0123" and mobile "021 555 012"
        } else if d.count == 7 && groups == [3, 4] {
            if case .phoneWord? = cue { ok = true }  // US local "555-1234"
            // "by phone at 555-0107": a phone word before a preposition before the number.
            else if case .phoneWord? = cueBeforePreposition(i) { ok = true }
        }
        guard ok else { return nil }
        // Every group but a leading country code or area code should have at least 2 digits.
        if !plus && groups.dropFirst().contains(where: { $0 < 2 }) && groups.count > 2 { return nil }
        var e = end
        // Extension: " ext 123", " ext. 123", " x123", " extn 12".
        var k = e
        if at(k) == 0x20 { k += 1 }
        let w = alphaRun(k)
        let key = wordKey(b, k, w)
        if key == PK.ext || key == PK.extn || key == PK.x || key == PK.extensionWord {
            var v = w
            if at(v) == 0x2E { v += 1 }
            if at(v) == 0x20 { v += 1 }
            let de = digitRun(v)
            if (1...6).contains(de - v) && boundaryAfter(de) { e = de }
        }
        emit(.phoneOrFax, i, e, score: 0.9, rule: plus ? "phone-intl" : "phone")
        return e
    }

    /// Session 16: whether a clock time of one or two digits, a colon and two digits starts at `j` (`17:58`).
    @inline(never) func clockTimeAt(_ j: Int) -> Bool {
        let h = digitRun(j)
        guard (1...2).contains(h - j), at(h) == 0x3A, value(j, h) < 24 else { return false }
        let m = digitRun(h + 1)
        return m - h - 1 == 2 && value(h + 1, m) < 60
    }

    // MARK: letter-led patterns

    /// The letter-led patterns at `i`, whose run of ASCII letters ends at `we` (``alphaRun(_:)``).
    mutating func wordPattern(_ i: Int, wordEnd we: Int) -> Int? {
        // Email or URL or domain: scan the label/local-part characters. Most words end in a
        // space or punctuation that no e-mail address, URL or domain can continue with.
        let next = at(we)
        if isDigit(next) || next == 0x40 || next == 0x2E || next == 0x2D || next == 0x5F || next == 0x2B || next == 0x25
            || next == 0x3A, let e = emailOrURL(i, wordEnd: we)
        {
            return e
        }
        // Only the month bits and the ID-cue bit of the table's value are read here: a word that cannot be a month or an
        // ID cue (most words) is not hashed or looked up.
        let v = wordFilter.mayHold(b, i, we) ? scanTable.value(wordKey(b, i, we)) : 0
        let month = Int(v & 0xF)
        if month > 0, let e = monthNameDate(i, wordEnd: we, month: month) {
            let end = timeSuffix(e) ?? e
            emit(.date, i, end, score: 0.95, rule: "date-month-name")
            return end
        }
        if v & (1 << 7) != 0, let e = cuedIdentifier(i, wordEnd: we) { return e }
        // Only a word of two letters leads an identifier (``letterLedIdentifier(_:wordEnd:)``): the others skip its scan.
        if we - i == 2, let e = letterLedIdentifier(i, wordEnd: we) { return e }
        return nil
    }

    /// April 11, 1957; Apr 11 1957; Feb 2025; February 2025; Sept. 3rd, 2024.
    func monthNameDate(_ i: Int, wordEnd: Int, month: Int) -> Int? {
        var j = wordEnd
        if at(j) == 0x2E { j += 1 }
        guard at(j) == 0x20 || at(j) == 0x2D || at(j) == 0x2C else { return nil }
        if at(j) == 0x2C { j += 1 }
        if at(j) == 0x20 || at(j) == 0x2D { j += 1 }
        // "Jan '24".
        if at(j) == 0x27 && digitRun(j + 1) == j + 3 && boundaryAfter(j + 3) && !(month == 5 && b[i] != 0x4D) { return j + 3 }
        let d = digitRun(j)
        // "May" the verb: only as a month when capitalised.
        if month == 5 && b[i] != 0x4D { return nil }
        if d - j == 4 {
            return boundaryAfter(d) && (1800...2199).contains(value(j, d)) ? d : nil  // "Feb 2025"
        }
        // Session 6: "Nov-57", "DOB Nov 57", "Mar 99": a two-digit number that is no day is the year.
        if d - j == 2, value(j, d) > 31, boundaryAfter(d), at(d) != 0x25, !(at(d) == 0x2E && isDigit(at(d + 1))) { return d }
        guard (1...2).contains(d - j), (1...31).contains(value(j, d)) else { return nil }
        var k = d
        let sfx = alphaRun(k)
        if sfx - k == 2 { k = sfx }  // 3rd, 11th
        var y = k
        if at(y) == 0x2C { y += 1 }
        if at(y) == 0x20 || at(y) == 0x2D {
            let ye = digitRun(y + 1)
            if ye - y - 1 == 4 && boundaryAfter(ye) { return ye }
            if ye - y - 1 == 2 && boundaryAfter(ye) && at(y) == 0x2D { return ye }
        }
        return boundaryAfter(k) ? k : nil
    }

    /// "MRN: 12345678", "UR No. 123456", "Medicare number 2123 45670 1", "Acct # AB-12345".
    mutating func cuedIdentifier(_ i: Int, wordEnd: Int) -> Int? {
        // "Meridian, ID 83642", "Boise, ID (83704)": `ID` in capitals after a comma is Idaho's state code, and the
        // five-digit number after it its ZIP (an address), never an identifier.
        if wordEnd - i == 2, b[i] == 0x49, b[i + 1] == 0x44, idahoZIP(i, wordEnd: wordEnd) { return nil }
        var j = wordEnd
        // Skip fillers: spaces, ':', '#', '.', '-', "no", "number", "num", "nbr", "card", "is", "(", ")".
        var fillers = 0
        var lastFiller: UInt64 = 0
        while j < n && fillers < 6 {
            let c = b[j]
            // "Centrelink CRN (mother) 419 502 773K": a bracketed aside of words between the cue and its value.
            if c == 0x28 && j > wordEnd, let close = asideEnd(j) {
                j = close
                fillers += 1
                continue
            }
            if c == 0x20 || c == 0x3A || c == 0x23 || c == 0x2E || c == 0x2D || c == 0x09 || c == 0x28 || c == 0x29 {
                j += 1
                continue
            }
            if isAlpha(c) {
                let e = alphaRun(j)
                let k = wordKey(b, j, e)
                // "last visit Oct 2025", "Specimen Jan 12 2024": a month name and a year or day after the cue is a
                // date (the date scanner takes it), never an identifier.
                let month = Int(scanTable.value(k) & 0xF)
                if month > 0, monthNameDate(j, wordEnd: e, month: month) != nil { return nil }
                let filler = idFillers.value(k)
                // "Account ending in 0918": `in` after the filler `ending` belongs to it.
                if filler == 1 || (filler == 2 && k == PK.inWord && lastFiller == PK.ending) {
                    lastFiller = k
                    j = e
                    fillers += 1
                    continue
                }
                // "episode was 1989", "pin in 1990", "visit was 238.9 pounds": a lower-case verb or preposition between
                // the cue and a number means the cue names no identifier.
                if filler == 2 && b[j] &- 0x61 < 26 { return nil }
                // Session 6: "Specimen date 20250304", "Lab DOB 14031958": a date label after the cue dates the value.
                if k == PK.date || k == PK.dob { return nil }
                // A second cue or a letter suffix before the digits: "Centrelink CRN 123 ...",
                // "HPI-O 8003 ...", "DVA Gold Card QX...". A state before a letter-led licence: "license: MO K118402273".
                if (e - j <= 4 && at(e) == 0x20 && isDigit(at(e + 1)) && !isDigit(at(j - 1)))
                    || (e - j == 2 && b[j] &- 0x41 < 26 && b[j + 1] &- 0x41 < 26 && at(e) == 0x20 && at(e + 1) &- 0x41 < 26
                        // "Lic. CA A 154420": a state before a letter and digits written apart.
                        && (isDigit(at(e + 2)) || (at(e + 2) == 0x20 && isDigit(at(e + 3)))))
                    || (e - j <= 5 && at(e) == 0x20 && isAlpha(at(e + 1)) && scanTable.value(k) & (1 << 7) != 0)
                {
                    j = e
                    fillers += 1
                    continue
                }
            }
            break
        }
        guard j < n, j > wordEnd else { return nil }
        // "HealthLink EDI: kalafmed": a secure-messaging address is a lower-case word of five to sixteen letters and digits.
        if (wordEnd - i == 10 || wordEnd - i == 3) && lower(b[i]) != 0x6D, wordKey(b, i, wordEnd) == PK.healthlink || wordKey(b, i, wordEnd) == PK.edi {
            var e = j
            while e < n && isAlnum(b[e]) { e += 1 }
            guard (5...16).contains(e - j), boundaryAfter(e), b[j] &- 0x61 < 26 else { return nil }
            emit(.id, j, e, score: 0.8, rule: "id-cue-secure-messaging")
            return e
        }
        // Session 5: "closed case (Feb-Mar 2023", "record Nov 2024": a month name after the cue starts a date.
        if isAlpha(b[j]) && !isDigit(at(alphaRun(j))) && scanTable.value(wordKey(b, j, alphaRun(j))) & 0xF != 0 { return nil }
        // "Address on file: 1618 W Farragut Ave": "on file" is no record cue.
        if wordEnd - i == 4 && lower(b[i]) == 0x66 && lower(b[i + 1]) == 0x69, i >= 3, lower(at(i - 3)) == 0x6F, lower(at(i - 2)) == 0x6E, at(i - 1) == 0x20 {
            return nil
        }
        // "Visit: 3/7/2025 9:20 AM": a date after the cue is a date, not an identifier.
        if isDigit(b[j]), isoDate(j) != nil || numericDate(j) != nil { return nil }
        // "Next visit 3/24 1 PM": a day and month after the cue is a date too.
        if isDigit(b[j]) {
            let a = digitRun(j)
            // Session 15: "monitoring visit 02-Dec-2026", "prior visit here 11/2024", "first episode 2019", "incident 2021":
            // a day, month name and year, a month/year, or a year of 1900-2039 after nothing but spaces (no `#`, `:` or
            // `no.`; "Incident #2021" stays an identifier) dates an event.
            if datedCueValue(j, a, afterSpacesFrom: wordEnd) { return nil }
            if (1...2).contains(a - j), at(a) == 0x2F, isDigit(at(a + 1)) {
                let c = digitRun(a + 1)
                let p = value(j, a), q = value(a + 1, c)
                if (1...2).contains(c - a - 1), boundaryAfter(c), at(c) != 0x2F, (1...31).contains(p), (1...31).contains(q), p <= 12 || q <= 12 {
                    return nil
                }
            }
        }
        // The value: an alphanumeric token with at least one digit (and inner '-', '/'),
        // optionally followed by more digit groups separated by single spaces.
        let s = j
        var e = j
        var digitCount = 0
        while e < n && (isAlnum(b[e]) || ((b[e] == 0x2D || b[e] == 0x2F) && isAlnum(at(e + 1)))) {
            if isDigit(b[e]) { digitCount += 1 }
            e += 1
        }
        // "Case manager 1300 647 552", "provider services 800-555-0123": a word after the cue is no value; only a
        // letter prefix of at most three capitals may stand apart from the digits ("A 154420").
        if digitCount == 0 && (e - s > 3 || !b[s..<e].allSatisfy({ $0 &- 0x41 < 26 })) { return nil }
        while at(e) == 0x20 && isDigit(at(e + 1)) {
            var g = digitRun(e + 1)
            if isAlpha(at(g)) && boundaryAfter(g + 1) { g += 1 }  // "123 456 789A"
            guard boundaryAfter(g) else { break }
            digitCount += g - e - 1
            e = g
        }
        // "2123 45670 1/2", "3145 78028 1-2": a card reference number after the number.
        if digitCount >= 9, at(e) == 0x2F || at(e) == 0x2D, isDigit(at(e + 1)), !isDigit(at(e + 2)), boundaryAfter(e + 2) { e += 2 }
        guard digitCount >= 3, e - s >= 4 || digitCount >= 3 else { return nil }
        // Session 6: "nurse visit 18-19 Oct": a day or day range before a month name is a date.
        if e - s <= 5, at(e) == 0x20, isAlpha(at(e + 1)), scanTable.value(wordKey(b, e + 1, alphaRun(e + 1))) & 0xF != 0 { return nil }
        // Dates after "DOB"-like cues are not IDs; "record" etc. must still carry digits.
        emit(.id, s, e, score: 0.95, rule: "id-cue-" + String(decoding: b[i..<wordEnd].map(lower), as: UTF8.self))
        return e
    }

    /// Session 15: the digits `b[j..<a]` after an ID cue ending at `cueEnd` start a date: `02-Dec-2026` (day, month name,
    /// year), `11/2024` (month/year), or a lone year of 1900-2039 when only spaces stand between the cue and it.
    @inline(never) func datedCueValue(_ j: Int, _ a: Int, afterSpacesFrom cueEnd: Int) -> Bool {
        if (1...2).contains(a - j), at(a) == 0x2D, isAlpha(at(a + 1)) {
            let we = alphaRun(a + 1)
            if scanTable.value(wordKey(b, a + 1, we)) & 0xF != 0, at(we) == 0x2D, digitRun(we + 1) == we + 5, boundaryAfter(we + 5) { return true }
        }
        if (1...2).contains(a - j), at(a) == 0x2F, (1...12).contains(value(j, a)), digitRun(a + 1) == a + 5,
            (1900...2099).contains(value(a + 1, a + 5)), boundaryAfter(a + 5), !(at(a + 5) == 0x2F && isDigit(at(a + 6)))
        {
            return true
        }
        guard a - j == 4, (1900...2039).contains(value(j, a)), boundaryAfter(a) else { return false }
        // Not a year that starts a longer value ("2019-0042", "2019/884163", "2019.5", "2019 4410").
        let c = at(a)
        if (c == 0x2D || c == 0x2F || c == 0x2E || c == 0x20) && isDigit(at(a + 1)) { return false }
        for k in cueEnd..<j where b[k] != 0x20 { return false }
        return true
    }

    /// The index after the `)` of a bracketed aside starting at `open` that holds one to three words of letters and at
    /// most one number of one or two digits after a word, on the line: `(mother)`, `(primary card holder)`, `(last 4)`;
    /// nil otherwise.
    func asideEnd(_ open: Int) -> Int? {
        var k = open + 1
        var words = 0
        var numbers = 0
        while k < n && k - open <= 32 {
            let c = b[k]
            if c == 0x29 { return words > 0 && words <= 3 ? k + 1 : nil }
            if isAlpha(c) {
                words += 1
                k = alphaRun(k)
                continue
            }
            if isDigit(c) {
                let e = digitRun(k)
                numbers += 1
                guard words > 0, numbers == 1, e - k <= 2 else { return nil }
                k = e
                continue
            }
            if c != 0x20 && c != 0x2D && c != 0x27 { return nil }
            k += 1
        }
        return nil
    }

    /// `, ID 83642`, `, ID (83642)`, `, ID 83642-1234`: the capital `ID` at `i` follows a comma and a word on its line
    /// and is followed by an Idaho ZIP code (five digits from 83200 to 83899, maybe `-` and four more), so `Smith, ID
    /// 55321` stays an identifier.
    func idahoZIP(_ i: Int, wordEnd: Int) -> Bool {
        guard at(i - 1) == 0x20, at(i - 2) == 0x2C, isAlpha(at(i - 3)) else { return false }
        var j = wordEnd
        guard at(j) == 0x20 else { return false }
        j += 1
        if at(j) == 0x28 { j += 1 }
        let e = digitRun(j)
        guard e - j == 5, (832...838).contains(value(j, j + 3)) else { return false }
        if at(e) == 0x2D, digitRun(e + 1) - e - 1 == 4 { return boundaryAfter(e + 5) }
        return boundaryAfter(e)
    }

    /// Letter-led identifiers with a checkable form: DEA numbers and US MBIs.
    mutating func letterLedIdentifier(_ i: Int, wordEnd: Int) -> Int? {
        var e = i
        while e < n && isAlnum(b[e]) { e += 1 }
        guard boundaryAfter(e) else { return nil }
        let len = e - i
        if len == 9, wordEnd - i == 2 {
            let s = String(decoding: b[i..<e], as: UTF8.self)
            if IdentifierChecksums.usDEA(s), b[i] < 0x61 {
                emit(.id, i, e, score: 0.9, rule: "id-dea")
                return e
            }
        }
        return nil
    }

    /// Emails (local@domain.tld), URLs (scheme://..., www....) and bare domains with a known TLD.
    /// `we` is the end of the run of ASCII letters from `i` (``alphaRun(_:)``, read once by ``wordPattern(_:wordEnd:)``).
    mutating func emailOrURL(_ i: Int, wordEnd we: Int) -> Int? {
        // A word before a colon is a URL only as a scheme and `://`, and a word before a dot that no letter or digit
        // follows ("pain.", "Label:", most of the calls) reads no local part, host or domain: nothing below can match,
        // so the word is not hashed.
        let next = at(we)
        if next == 0x3A && !(at(we + 1) == 0x2F && at(we + 2) == 0x2F) { return nil }
        if next == 0x2E && !isAlnum(at(we + 1)) { return nil }
        // Scheme URLs. The word is hashed only when it can be a scheme (`http`, `https`, `ftp`: three to five letters before
        // `://`) or `www` (three letters).
        let key = we - i == 3 || (next == 0x3A && we - i <= 5) ? wordKey(b, i, we) : 0
        if (key == PK.http || key == PK.https || key == PK.ftp) && at(we) == 0x3A && at(we + 1) == 0x2F
            && at(we + 2) == 0x2F
        {
            let e = urlEnd(we + 3)
            if e > we + 3 {
                emit(.url, i, e, score: 0.99, rule: "url")
                return e
            }
        }
        // local-part / host characters.
        var j = i
        // The dots between labels: the first, the last and how many (no array per call).
        var firstDot = -1, lastDot = -1, dots = 0
        while j < n {
            let c = b[j]
            if isAlnum(c) || c == 0x2D || c == 0x5F || c == 0x2B || c == 0x25 {
                j += 1
            } else if c == 0x2E && isAlnum(at(j + 1)) {
                if dots == 0 { firstDot = j }
                lastDot = j
                dots += 1
                j += 1
            } else {
                break
            }
        }
        if at(j) == 0x40 {  // '@'
            var k = j + 1
            var labels = 0
            var lastLabelStart = k
            while k < n {
                let ls = k
                while k < n && (isAlnum(b[k]) || b[k] == 0x2D) { k += 1 }
                guard k > ls else { break }
                labels += 1
                lastLabelStart = ls
                if at(k) == 0x2E && isAlnum(at(k + 1)) { k += 1 } else { break }
            }
            if labels >= 2 && alphaRun(lastLabelStart) == k && k - lastLabelStart >= 2 {
                emit(.email, i, k, score: 0.99, rule: "email")
                return k
            }
            return nil
        }
        // www.example.com or example.com.au
        if dots > 0 {
            let lastLabel = lastDot + 1
            let tld = wordKey(b, lastLabel, j)
            let isWWW = key == PK.www && firstDot == we
            if isWWW || (scanTable.value(tld) & (1 << 8) != 0 && alphaRun(lastLabel) == j && !isAbbreviationLike(i, j)) {
                let e = at(j) == 0x2F ? urlEnd(j) : j
                emit(.url, i, e, score: isWWW ? 0.99 : 0.85, rule: "url-domain")
                return e
            }
        }
        return nil
    }

    /// "e.g.", "i.v.", "b.i.d." look like domains; a real domain label has at least 2 letters
    /// before its first dot and is not all one-letter labels.
    func isAbbreviationLike(_ s: Int, _ e: Int) -> Bool {
        var longest = 0, cur = 0
        for k in s..<e {
            if b[k] == 0x2E { longest = max(longest, cur); cur = 0 } else { cur += 1 }
        }
        longest = max(longest, cur)
        return longest < 3
    }

    /// The end of a URL body: up to whitespace, trimming trailing punctuation and an unmatched ')'.
    func urlEnd(_ s: Int) -> Int {
        var e = s
        var parens = 0
        while e < n {
            let c = b[e]
            if c <= 0x20 || c == 0x22 || c == 0x3C || c == 0x3E || c >= 0x80 { break }
            if c == 0x28 { parens += 1 }
            if c == 0x29 {
                if parens == 0 { break }
                parens -= 1
            }
            e += 1
        }
        while e > s, [0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x27].contains(b[e - 1]) { e -= 1 }
        return e
    }
}
