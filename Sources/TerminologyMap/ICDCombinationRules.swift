public import MedTextCore

/// Document-level ICD-10-CM rules that the ranking of one mention cannot see
/// (`lexicons/data/icd/combinations.tsv`, DESIGN.md "ICD-10-CM combination codes"):
///
/// - **Combination codes.** A diagnosis whose top code starts with one of a rule's `mention`
///   prefixes takes the rule's combination `code` when another affirmed diagnosis of the note has
///   a top code starting with one of its `cue` prefixes (or an affirmed entity of the note is
///   written as one of its `cue` words). `link` says how the two must be joined: `note` (anywhere
///   in the note: the ICD-10-CM "with" presumption, e.g. a neuropathy in a diabetic's note) or
///   `stated` (on the same line, joined by a link word such as "with", "due to", "secondary
///   to", the rule of the gold guideline §9: "T2DM with CKD" → E11.22).
/// - **Trimester.** A pregnancy code (chapter O) whose title names a trimester takes the sibling
///   of the trimester the note's gestational age falls in (`33+4/40`, `28/40`, `GA 33+4`,
///   `24 weeks gestation`; the first one written): before 14 weeks first, before 28 second,
///   else third.
public struct ICDCombinationRules: Sendable, Hashable {
    public struct Rule: Sendable, Hashable {
        public enum Link: String, Sendable, Hashable { case note, stated }
        public var id: String
        public var mention: [String]
        public var cueCodes: [String]
        public var cueWords: [String]
        public var link: Link
        public var code: String
    }

    /// One diagnosis of a note as the rules see it.
    public struct Mention: Sendable, Hashable {
        public var span: TextSpan
        /// Its best ICD-10-CM code after ranking, if any.
        public var topCode: String?
        /// Not negated, hypothetical, uncertain or a relative's.
        public var affirmed: Bool
        public init(span: TextSpan, topCode: String?, affirmed: Bool) {
            self.span = span
            self.topCode = topCode
            self.affirmed = affirmed
        }
    }

    public var rules: [Rule]
    /// Words that join a condition and the one it is stated to be linked with.
    public var linkWords: Set<String>

    public init(rules: [Rule] = [], linkWords: Set<String> = []) {
        self.rules = rules
        self.linkWords = linkWords
    }

    /// Parses `icd/combinations.tsv`: rows `id`, `mention`, `cue`, `link`, `code`, `note`;
    /// `mention` and `cue` are comma-separated (`icd:` code prefixes or `word:` phrases in the
    /// cue); a row with id `links` lists the link words in its `cue` column.
    public static func parse(_ contents: String, file: String = "icd/combinations.tsv") throws(TerminologyError) -> ICDCombinationRules {
        var out = ICDCombinationRules()
        var header: [Substring] = []
        for (n, raw) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            if header.isEmpty { header = cols; continue }
            func col(_ name: String) -> String {
                guard let i = header.firstIndex(of: Substring(name)), i < cols.count else { return "" }
                return String(cols[i]).trimmingSpaces
            }
            func list(_ s: String) -> [String] { s.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty } }
            let id = col("id")
            if id == "links" {
                out.linkWords.formUnion(list(col("cue")).map { $0.lowercased() })
                continue
            }
            guard let link = Rule.Link(rawValue: col("link")), !col("code").isEmpty, !list(col("mention")).isEmpty else {
                throw TerminologyError(.malformedSource, "a rule needs mention, link (note or stated) and code", file: file, line: n + 1)
            }
            var codes: [String] = []
            var words: [String] = []
            for cue in list(col("cue")) {
                if cue.hasPrefix("icd:") { codes.append(String(cue.dropFirst(4))) } else if cue.hasPrefix("word:") { words.append(String(cue.dropFirst(5)).lowercased()) } else {
                    throw TerminologyError(.malformedSource, "a cue is icd:CODE or word:PHRASE", file: file, line: n + 1)
                }
            }
            out.rules.append(Rule(id: id, mention: list(col("mention")), cueCodes: codes, cueWords: words, link: link, code: col("code")))
        }
        return out
    }

    /// For each diagnosis, the combination code that replaces its top code, or nil.
    /// `entityTexts` are the lower-cased texts of the note's affirmed entities of any category
    /// (for `word:` cues); `text` is the note.
    /// - Complexity: O(mentions × rules × mentions) comparisons of short strings.
    public func combinations(for mentions: [Mention], entityTexts: Set<String>, text: String) -> [String?] {
        let bytes = Array(text.utf8)  // once per note: `near` and `stated` read windows of it
        return mentions.enumerated().map { i, m -> String? in
            // A negated, uncertain or relative's diagnosis is not coded as a combination.
            guard let top = m.topCode, m.affirmed else { return nil }
            for rule in rules where rule.mention.contains(where: { top.hasPrefix($0) }) && top != rule.code {
                switch rule.link {
                case .note: if rule.cueWords.contains(where: { entityTexts.contains($0) }) { return rule.code }
                case .stated: if rule.cueWords.contains(where: { near($0, m.span, in: bytes) }) { return rule.code }
                }
                for (j, other) in mentions.enumerated() where j != i && other.affirmed {
                    guard let c = other.topCode, rule.cueCodes.contains(where: { c.hasPrefix($0) }) else { continue }
                    if rule.link == .note || stated(m.span, other.span, in: bytes) { return rule.code }
                }
            }
            return nil
        }
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
        return before.contains(phrase) || after.contains(phrase)
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
    fileprivate var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
