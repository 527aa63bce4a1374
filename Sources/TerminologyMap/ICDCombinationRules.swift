public import MedTextCore

/// Document-level ICD-10-CM rules that the ranking of one mention cannot see
/// (`lexicons/data/icd/combinations.tsv`, DESIGN.md "ICD-10-CM combination codes"):
///
/// - **Combination codes.** A diagnosis whose top code starts with one of a rule's `mention`
///   prefixes takes the rule's combination `code` when another affirmed diagnosis of the note has
///   a top code starting with one of its `cue` prefixes (or an affirmed entity of the note is
///   written as one of its `cue` words). `link` says how the two must be joined: `note` (anywhere
///   in the note: the ICD-10-CM "with" presumption, e.g. a neuropathy in a diabetic's note),
///   `current` (the same presumption for a cue that is an episode rather than a standing
///   condition: the cue diagnosis must also be current, not past history; "previous GI bleed
///   2019" says nothing about today's ulcer) or `stated` (on the same line, joined by a link word
///   such as "with", "due to", "secondary to", the rule of the gold guideline §9: "T2DM with
///   CKD" → E11.22).
/// - **Documented type.** A rule whose `code` ends in `*` replaces the mention's `mention` prefix
///   by the code's (`E11` → `E10*`: "diabetic retinopathy" in a note that documents type 1
///   diabetes is E10.319, not the default type 2 E11.319; Official Guidelines I.C.4.a.2 make type 2
///   the default only when the type is not documented). These rules run first, so the other rules
///   see the retyped codes. `unless` words written in the mention itself ("T2DM", "type 2") keep it;
///   `cue_names` words must be written in the cue diagnosis ("T1DM", "type 1": a bare "diabetic"
///   ranked E10.9 documents no type).
/// - **Same condition, more specific elsewhere.** A rule whose `code` is `@` gives the mention the
///   code of its cue: a bare "AF" (I48.91) in a note that documents "paroxysmal AF" (I48.0) is that
///   AF; "CKD" (N18.9) beside "CKD stage 4" is N18.4. Only for classifications of one standing
///   condition (type, stage), never for episodes (an exacerbation is not every mention's). These
///   rules run last, on the codes the other rules gave.
/// - **Trimester.** A pregnancy code (chapter O) whose title names a trimester takes the sibling
///   of the trimester the note's gestational age falls in (`33+4/40`, `28/40`, `GA 33+4`,
///   `24 weeks gestation`; the first one written): before 14 weeks first, before 28 second,
///   else third.
public struct ICDCombinationRules: Sendable, Hashable {
    public struct Rule: Sendable, Hashable {
        public enum Link: String, Sendable, Hashable { case note, current, stated, presumed }
        public var id: String
        public var mention: [String]
        public var cueCodes: [String]
        public var cueWords: [String]
        public var link: Link
        public var code: String
        /// Words of the mention's own text that keep the rule from applying ("2", "t2dm").
        public var unless: [String] = []
        /// When not empty, a cue diagnosis counts only if its own text has one of these words
        /// ("1", "t1dm": the cue of a documented type names that type).
        public var cueNames: [String] = []
        /// `presumed` rows only: code prefixes of which another affirmed diagnosis must be in the
        /// note too (`also` column): hypertension with heart failure *and* chronic kidney disease
        /// is I13 (Official Guidelines I.C.9.a.3). A disease mention offered such a joint code
        /// takes it in place of the codes of rows that need one of the two parts only.
        public var also: [String] = []
        /// A rule whose code ends in `*`: the mention's prefix is replaced by the code's.
        public var retypes: Bool { code.hasSuffix("*") }
        /// A rule whose code is `@`: the mention takes the cue diagnosis's code.
        public var takesCueCode: Bool { code == "@" }
    }

    /// One diagnosis of a note as the rules see it.
    public struct Mention: Sendable, Hashable {
        public var span: TextSpan
        /// Its best ICD-10-CM code after ranking, if any.
        public var topCode: String?
        /// Not negated, hypothetical, uncertain or a relative's.
        public var affirmed: Bool
        /// Not past history: a condition of this encounter (episodes written in a past-history
        /// section or as "previous ..." are not).
        public var current: Bool
        /// The lower-cased words of the mention's own text (for `unless`).
        public var words: Set<String>
        public init(span: TextSpan, topCode: String?, affirmed: Bool, current: Bool = true, text: String = "") {
            self.span = span
            self.topCode = topCode
            self.affirmed = affirmed
            self.current = current
            self.words = Set(text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
        }
    }

    public var rules: [Rule]
    /// Words that join a condition and the one it is stated to be linked with.
    public var linkWords: Set<String>
    /// Words that, written just before a `word:` cue, deny it ("no exacerbation this year").
    public var negators: Set<String> = []
    /// The note-level pass of Rule I1 (one code per condition per note), ``SameCondition``.
    public var sameCondition: SameCondition

    public init(rules: [Rule] = [], linkWords: Set<String> = [], sameCondition: SameCondition = SameCondition()) {
        self.rules = rules
        self.linkWords = linkWords
        self.sameCondition = sameCondition
    }

    /// A code a document-level rule gives one diagnosis: the rule's id and, when the code came
    /// from another diagnosis of the note, that diagnosis's index (for `--explain`).
    public struct Assignment: Sendable, Hashable {
        public var code: String
        public var ruleID: String
        public var source: Int?
        public init(code: String, ruleID: String, source: Int? = nil) {
            self.code = code
            self.ruleID = ruleID
            self.source = source
        }
    }

    /// Parses `icd/combinations.tsv`: rows `id`, `mention`, `cue`, `link`, `code`, `note`;
    /// `mention` and `cue` are comma-separated (`icd:` code prefixes or `word:` phrases in the
    /// cue); a row with id `links` lists the link words in its `cue` column.
    public static func parse(_ contents: String, file: String = "icd/combinations.tsv") throws(TerminologyError) -> ICDCombinationRules {
        var out = ICDCombinationRules()
        for row in ICDTableRow.rows(contents) {
            let col = row.field, list = ICDTableRow.items
            let id = col("id")
            if id == "links" {
                out.linkWords.formUnion(list(col("cue")).map { $0.lowercased() })
                continue
            }
            if id == "negators" {
                out.negators.formUnion(list(col("cue")).map { $0.lowercased() })
                continue
            }
            guard let link = Rule.Link(rawValue: col("link")), !col("code").isEmpty, !list(col("mention")).isEmpty else {
                throw TerminologyError(.malformedSource, "a rule needs mention, link (note, current, stated or presumed) and code", file: file, line: row.line)
            }
            var codes: [String] = []
            var words: [String] = []
            for cue in list(col("cue")) {
                if cue.hasPrefix("icd:") { codes.append(String(cue.dropFirst(4))) } else if cue.hasPrefix("word:") { words.append(String(cue.dropFirst(5)).lowercased()) } else {
                    throw TerminologyError(.malformedSource, "a cue is icd:CODE or word:PHRASE", file: file, line: row.line)
                }
            }
            var also: [String] = []
            for cue in list(col("also")) {
                guard cue.hasPrefix("icd:"), link == .presumed else {
                    throw TerminologyError(.malformedSource, "`also` lists icd:CODE cues, on presumed rows only", file: file, line: row.line)
                }
                also.append(String(cue.dropFirst(4)))
            }
            out.rules.append(Rule(id: id, mention: list(col("mention")), cueCodes: codes, cueWords: words, link: link, code: col("code"),
                                  unless: list(col("unless")).map { $0.lowercased() }, cueNames: list(col("cue_names")).map { $0.lowercased() }, also: also))
        }
        return out
    }

    /// For each diagnosis, the combination code that replaces its top code, or nil.
    /// `entityTexts` are the lower-cased texts of the note's affirmed entities of any category
    /// (for `word:` cues); `text` is the note.
    /// - Complexity: O(mentions × rules × mentions) comparisons of short strings.
    public func combinations(for mentions: [Mention], entityTexts: Set<String>, text: String) -> [String?] {
        assignments(for: mentions, entityTexts: entityTexts, text: text).map { $0?.code }
    }

    /// For each diagnosis, the code the document-level rules give it (or nil), with the rule and
    /// the diagnosis that supplied it: first the rows of `combinations.tsv` (retyping, combination
    /// codes, `@` rows), then, when `title` gives ICD-10-CM titles, Rule I1's note-level pass
    /// (``SameCondition``) over the codes they leave.
    /// - Complexity: O(mentions² × rules) comparisons of short strings; `title` is asked once per
    ///   distinct code and ancestor.
    public func assignments(for mentions: [Mention], entityTexts: Set<String>, text: String, title: ((String) -> String?)? = nil) -> [Assignment?] {
        let bytes = Array(text.utf8)  // once per note: `near` and `stated` read windows of it
        // Retyping rules first, each in file order on the code the ones before it left (the
        // documented type of diabetes, then the severity of its retinopathy): the other rules see
        // the retyped codes as their cues.
        var seen = mentions
        var retyped: [Assignment?] = Array(repeating: nil, count: mentions.count)
        for rule in rules where rule.retypes {
            let current = seen
            for i in mentions.indices {
                // A retyped code the table lacks (when titles are given) is no code.
                if let a = combination(for: i, in: current, rules: [rule], entityTexts: entityTexts, bytes: bytes), title?(a.code) != nil || title == nil {
                    retyped[i] = Assignment(code: a.code, ruleID: retyped[i].map { $0.ruleID + "+" } .map { $0 + a.ruleID } ?? a.ruleID, source: a.source ?? retyped[i]?.source)
                    seen[i].topCode = a.code
                }
            }
        }
        let combining = rules.filter { !$0.retypes && !$0.takesCueCode && $0.link != .presumed }
        var result = seen.indices.map { i in
            combination(for: i, in: seen, rules: combining, entityTexts: entityTexts, bytes: bytes) ?? retyped[i]
        }
        // Then a condition documented as the same condition in another category ("depression" in a
        // note that documents recurrent major depression) takes that mention's final code.
        var final = seen
        for i in final.indices { if let a = result[i] { final[i].topCode = a.code } }
        let taking = rules.filter(\.takesCueCode)
        if !taking.isEmpty {
            let taken = final.indices.map { i in combination(for: i, in: final, rules: taking, entityTexts: entityTexts, bytes: bytes) }
            for i in final.indices { if let a = taken[i] { result[i] = a; final[i].topCode = a.code } }
        }
        // Last, Rule I1: every mention of one condition carries the most specific code the note
        // gives it. `presumed` rows offer the disease mention a combination code at the place of
        // each complication mention, among the codes the note gives it.
        if let title {
            var offered: [Int: [SameCondition.Offer]] = [:]
            var joint: Set<Int> = []  // mentions offered a code of a row with an `also` part
            for rule in rules where rule.link == .presumed {
                for (i, m) in final.enumerated() where m.affirmed && m.words.isDisjoint(with: rule.unless) {
                    guard let top = m.topCode, top != rule.code, rule.mention.contains(where: { top.hasPrefix($0) }) else { continue }
                    if !rule.also.isEmpty {
                        let both = final.indices.contains { j in
                            j != i && final[j].affirmed && final[j].topCode.map { c in rule.also.contains { c.hasPrefix($0) } } == true
                        }
                        guard both else { continue }
                    } else if joint.contains(i) {
                        continue  // the joint code of both parts already offered wins over a single part's
                    }
                    for (j, other) in final.enumerated() where j != i && other.affirmed {
                        guard let c = other.topCode, rule.cueCodes.contains(where: { c.hasPrefix($0) }) else { continue }
                        if !rule.cueNames.isEmpty && other.words.isDisjoint(with: rule.cueNames) { continue }
                        offered[i, default: []].append(SameCondition.Offer(code: rule.code, source: j, ruleID: rule.id))
                        if !rule.also.isEmpty { joint.insert(i) }
                    }
                }
            }
            let noted = sameCondition.assignments(for: final, bytes: bytes, title: title, ownCodes: mentions.map(\.topCode), offered: offered)
            for i in final.indices { if let a = noted[i] { result[i] = a } }
        }
        return result
    }

    /// The first rule's code that holds for mention `i`, or nil.
    func combination(for i: Int, in mentions: [Mention], rules: [Rule], entityTexts: Set<String>, bytes: [UInt8]) -> Assignment? {
        let m = mentions[i]
        // A negated, uncertain or relative's diagnosis is not coded as a combination.
        guard let top = m.topCode, m.affirmed else { return nil }
        for rule in rules where top != rule.code && m.words.isDisjoint(with: rule.unless) {
            guard let prefix = rule.mention.first(where: { top.hasPrefix($0) }) else { continue }
            let code = rule.retypes ? String(rule.code.dropLast()) + top.dropFirst(prefix.count) : rule.code
            switch rule.link {
            case .presumed: continue  // offered to Rule I1's note-level pass instead
            case .note, .current: if rule.cueWords.contains(where: { entityTexts.contains($0) }) { return Assignment(code: code, ruleID: rule.id) }
            // A one-word cue may also be written in the mention itself ("hypercapnic respiratory failure").
            case .stated: if rule.cueWords.contains(where: { m.words.contains($0) || near($0, m.span, in: bytes) }) { return Assignment(code: code, ruleID: rule.id) }
            }
            for (j, other) in mentions.enumerated() where j != i && other.affirmed && (other.current || rule.link != .current) {
                guard let c = other.topCode, rule.cueCodes.contains(where: { c.hasPrefix($0) }) else { continue }
                if !rule.cueNames.isEmpty && other.words.isDisjoint(with: rule.cueNames) { continue }
                // `@`: the same condition documented more specifically elsewhere takes its code.
                if rule.link != .stated || stated(m.span, other.span, in: bytes) {
                    return Assignment(code: rule.takesCueCode ? c : code, ruleID: rule.id, source: j)
                }
            }
        }
        return nil
    }

    /// Whether two mentions are joined on one line by a link word with at most four other words
    /// between them ("T2DM with peripheral neuropathy", "CKD 3 secondary to diabetes").
    func stated(_ a: TextSpan, _ b: TextSpan, in bytes: [UInt8]) -> Bool {
        let (first, second) = a.start < b.start ? (a, b) : (b, a)
        guard first.end <= second.start else { return false }
        let between = String(decoding: bytes[first.end..<second.start], as: UTF8.self)
        if between.contains(where: \.isNewline) || between.contains(";") || between.contains(".") { return false }
        let words = between.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" || $0 == "-" })
        return words.count <= 5 && words.contains { linkWords.contains(String($0)) }
    }

    /// Whether `phrase` (lower case) is written on the mention's line, ending at most 30 bytes
    /// before it or starting at most 40 bytes after it ("T2DM, poorly controlled", "poorly
    /// controlled type 2 diabetes").
    func near(_ phrase: String, _ span: TextSpan, in bytes: [UInt8]) -> Bool {
        var lo = span.start, hi = span.end
        while lo > 0, span.start - lo < 30 + phrase.utf8.count, bytes[lo - 1] != 0x0A { lo -= 1 }
        while hi < bytes.count, hi - span.end < 40 + phrase.utf8.count, bytes[hi] != 0x0A { hi += 1 }
        let before = String(decoding: bytes[lo..<span.start], as: UTF8.self).lowercased()
        let after = String(decoding: bytes[span.end..<hi], as: UTF8.self).lowercased()
        return written(phrase, in: before) || written(phrase, in: after)
    }

    /// Whether `phrase` is written in `window` as whole words and not denied by a negator among
    /// the two words before it ("no exacerbation", "nil exacerbations" is no cue "exacerbation").
    func written(_ phrase: String, in window: String) -> Bool {
        var from = window.startIndex
        while let r = window.range(of: phrase, range: from..<window.endIndex) {
            from = r.upperBound
            func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }
            if r.lowerBound > window.startIndex, let p = phrase.first, isWordCharacter(p), isWordCharacter(window[window.index(before: r.lowerBound)]) { continue }
            if r.upperBound < window.endIndex, let l = phrase.last, isWordCharacter(l), isWordCharacter(window[r.upperBound]) { continue }
            let lead = window[..<r.lowerBound].split(whereSeparator: { !$0.isLetter }).suffix(2)
            if lead.contains(where: { negators.contains(String($0)) }) { continue }
            return true
        }
        return false
    }

    /// The trimester (1, 2 or 3) of the first gestational age written in `text`, or nil.
    public static func trimester(in text: String) -> Int? {
        let b = Array(text.utf8)
        func digits(at i: Int) -> (value: Int, end: Int)? {
            var j = i, v = 0
            while j < b.count, j - i < 2, b[j] >= 0x30, b[j] <= 0x39 { v = v * 10 + Int(b[j] - 0x30); j += 1 }
            return j > i && (j == b.count || !(b[j] >= 0x30 && b[j] <= 0x39)) ? (v, j) : nil
        }
        func weeks(_ w: Int) -> Int? { (4...44).contains(w) ? (w < 14 ? 1 : w < 28 ? 2 : 3) : nil }
        var i = 0
        while i < b.count {
            let startsWord = i == 0 || !(b[i - 1] >= 0x30 && b[i - 1] <= 0x39) && b[i - 1] != UInt8(ascii: "/") && b[i - 1] != UInt8(ascii: ".")
            if startsWord, let (w, e) = digits(at: i) {
                var k = e
                // "33+4/40"
                if k + 1 < b.count, b[k] == UInt8(ascii: "+"), let (_, e2) = digits(at: k + 1) { k = e2 }
                if k + 3 <= b.count, b[k] == UInt8(ascii: "/"), b[k + 1] == UInt8(ascii: "4"), b[k + 2] == UInt8(ascii: "0"),
                   k + 3 == b.count || !(b[k + 3] >= 0x30 && b[k + 3] <= 0x39), let t = weeks(w)
                {
                    return t
                }
                // "24 weeks gestation", "24/40 gestation", "24 weeks pregnant", "24wks gestation"
                var r = k
                while r < b.count, b[r] == UInt8(ascii: " ") { r += 1 }
                // Every unit below starts with "w": no string is made for other numbers.
                guard r < b.count, b[r] | 0x20 == UInt8(ascii: "w") else {
                    i = max(e, i + 1)
                    continue
                }
                let rest = String(decoding: b[r..<min(b.count, r + 40)], as: UTF8.self).lowercased()
                for unit in ["weeks gestation", "weeks' gestation", "week gestation", "wks gestation", "weeks pregnant", "wks pregnant", "weeks of gestation", "weeks gestational"] where rest.hasPrefix(unit) {
                    if let t = weeks(w) { return t }
                }
                i = max(e, i + 1)
                continue
            }
            i += 1
        }
        return nil
    }

    /// The ordinal word of a trimester in ICD-10-CM titles.
    public static func trimesterWord(_ t: Int) -> String { ["first", "second", "third"][max(0, min(2, t - 1))] }
}

extension StringProtocol {
    var trimmingSpaces: String {
        // ASCII text (every row of the ICD tables) trims space bytes: the Character walk from both
        // ends, through two reversed views, was most of reading the tables at start-up. Other text
        // keeps the Character walk (a space before a combining mark is one Character with it).
        let u = utf8
        if !u.contains(where: { $0 >= 0x80 }) {
            var s = u.startIndex
            while s < u.endIndex && u[s] == 0x20 { s = u.index(after: s) }
            var e = s, k = s  // e: just after the last byte that is no space
            while k < u.endIndex {
                let next = u.index(after: k)
                if u[k] != 0x20 { e = next }
                k = next
            }
            return String(decoding: u[s..<e], as: UTF8.self)
        }
        return String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
