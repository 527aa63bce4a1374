public import MedTextCore

extension ICDCombinationRules {
    /// Rule I1 of the gold guideline (§9, "one code per condition per note"), the note-level pass
    /// after each diagnosis is ranked and the rows of `combinations.tsv` have run
    /// (`lexicons/data/icd/same_condition.tsv`, DESIGN.md "ICD-10-CM: one code per condition per
    /// note"). A coder codes the patient's conditions, not the words: every affirmed mention of one
    /// condition carries the most specific code the note gives it.
    ///
    /// - **Same condition.** Two codes are of one condition when one lies under the other's
    ///   *stem*: the code with its unspecified levels removed (walking up the ICD-10-CM hierarchy
    ///   while a title says `unspecified`, `without complications`, `uncomplicated`: I48.91 →
    ///   I48; N18.30 → N18.3; E11.9 → E11; E11.319 → E11.3). A mention whose code is less
    ///   specific (its stem is a proper prefix of the other code, whose own stem is longer) takes
    ///   the other code: a bare "AF" (I48.91) beside "paroxysmal AF" (I48.0); "CKD" beside "stage
    ///   3b"; "T2DM" (E11.9) beside "mild NPDR" (E11.3293), the combination code on both parts.
    /// - **Several codes.** When the note gives several more specific codes (a diabetes with
    ///   retinopathy and neuropathy), only the most specific ones count, and the mention takes: a
    ///   code of the disease's own state when one is there (`state` rows: with hyperglycaemia,
    ///   hypoglycaemia, ketoacidosis), else the nearest in its sentence or list item, else the
    ///   first in reading order.
    /// - **Who takes part.** Only affirmed mentions (not negated, hypothetical, uncertain or a
    ///   relative's) give or take a code. An `episode` code (an exacerbation) is given only by a
    ///   mention of this encounter, not past history. Codes under a `separate` prefix (symptoms,
    ///   injuries, external causes, factors) are never grouped: two fractures are two conditions.
    public struct SameCondition: Sendable, Hashable {
        /// Lower-case title words of a code that leaves a level unspecified.
        public var generalWords: [String]
        /// Code prefixes never grouped.
        public var separate: [String]
        /// Code prefixes whose codes are episodes: given only by a mention of this encounter.
        public var episodes: [String]
        /// Disease category → the codes that describe the disease's own state, as prefixes or as
        /// suffixes of the category (`.65`).
        public var states: [String: [String]]
        /// Prefix of a code that leaves an axis unspecified in its own category → prefixes of the
        /// categories that specify it (`covers` rows): "Pneumonia, unspecified organism" (J18) and
        /// the pneumonias by organism (J12-J16) are one condition, as are "Sepsis, unspecified
        /// organism" (A41.9) and streptococcal sepsis (A40), "Depression, unspecified" (F32.A) and
        /// recurrent depressive disorder (F33), a fracture or injury of unspecified body region
        /// (T14.8) and the injury codes by site (S). A covered code under a `separate` prefix is
        /// taken only when its title names the mention's own word ("fracture", "laceration").
        public var covers: [String: [String]]

        public init(generalWords: [String] = [], separate: [String] = [], episodes: [String] = [], states: [String: [String]] = [:], covers: [String: [String]] = [:]) {
            self.generalWords = generalWords
            self.separate = separate
            self.episodes = episodes
            self.states = states
            self.covers = covers
        }

        public var isEmpty: Bool { generalWords.isEmpty }

        /// Parses `icd/same_condition.tsv`: rows `kind`, `codes`, `values`, `note`; `kind` is
        /// `general` (values: title words), `separate` or `episode` (codes: prefixes), or `state`
        /// (codes: disease prefixes; values: prefixes of its state codes).
        public static func parse(_ contents: String, file: String = "icd/same_condition.tsv") throws(TerminologyError) -> SameCondition {
            var out = SameCondition()
            for row in ICDTableRow.rows(contents) {
                let list = row.list
                let kind = list("kind").first ?? ""
                let codes = list("codes"), values = list("values")
                switch kind {
                case "general" where !values.isEmpty: out.generalWords += values.map { $0.lowercased() }
                case "separate" where !codes.isEmpty: out.separate += codes
                case "episode" where !codes.isEmpty: out.episodes += codes
                case "state" where !codes.isEmpty && !values.isEmpty: for c in codes { out.states[c, default: []] += values }
                case "covers" where !codes.isEmpty && !values.isEmpty: for c in codes { out.covers[c, default: []] += values }
                default:
                    throw TerminologyError(.malformedSource, "a row is general (values), separate or episode (codes), or state or covers (codes and values)", file: file, line: row.line)
                }
            }
            return out
        }

        /// The code with its unspecified levels removed: its ancestors are walked while the title
        /// says a level is unspecified, never above the three-character category.
        /// An ancestor is walked to only while its title still names what the code's title names
        /// (a word in common, compared on its first five letters): "Gastrointestinal hemorrhage,
        /// unspecified" (K92.2) stops below "Other diseases of digestive system" (K92), whose melena
        /// (K92.1) is another condition; "Unspecified atrial fibrillation" (I48.91) walks to "Atrial
        /// fibrillation and flutter" (I48).
        func stem(_ code: String, title: (String) -> String?) -> String {
            guard let own = title(code)?.lowercased() else { return code }
            let named = Self.contentWords(own, except: generalWords)
            var c = code
            var t = own
            while c.count > 3, generalWords.contains(where: { t.contains($0) }) {
                var parent = c
                parent.removeLast()
                if parent.hasSuffix(".") { parent.removeLast() }
                guard let pt = title(parent)?.lowercased(), !named.isDisjoint(with: Self.contentWords(pt, except: generalWords)) else { break }
                c = parent
                t = pt
            }
            return c
        }

        /// The first five letters of each word of a title that says what the condition is.
        static func contentWords(_ title: String, except general: [String]) -> Set<Substring> {
            let minor: Set<Substring> = ["other", "and", "with", "without", "not", "of", "the", "in", "or", "due", "to", "unspecified", "specified", "type", "classified", "elsewhere", "disease", "diseases", "disorder", "disorders"]
            var out = Set<Substring>()
            for w in title.split(whereSeparator: { !$0.isLetter }) where w.count > 2 && !minor.contains(w) && !general.contains(String(w)) {
                out.insert(w.prefix(5))
            }
            return out
        }

        /// For each mention, the code of the same condition it takes from another mention, or nil.
        /// `mentions` carry their final per-mention codes.
        /// `ownCodes`, when given, are the mentions' codes before any document-level rule: a
        /// mention of past history whose code came from a presumed link to another condition
        /// ("steroid-induced hyperglycaemia 2019" coded E11.65 in a diabetic's note) gives it to no
        /// other mention, as the `current` rows of `combinations.tsv` would not.
        /// A combination code a `presumed` row offers a disease mention, at the place of the
        /// complication mention that presumes it (the ICD-10-CM "with" convention: diabetes and
        /// chronic kidney disease, hypertension and heart failure).
        public struct Offer: Sendable, Hashable {
            public var code: String
            public var source: Int
            public var ruleID: String
            public init(code: String, source: Int, ruleID: String) {
                self.code = code
                self.source = source
                self.ruleID = ruleID
            }
        }

        /// `offered` are combination codes of `presumed` rows, candidates beside the codes of the
        /// same condition.
        public func assignments(for mentions: [Mention], bytes: [UInt8], title: (String) -> String?, ownCodes: [String?]? = nil, offered: [Int: [Offer]] = [:]) -> [Assignment?] {
            var out: [Assignment?] = Array(repeating: nil, count: mentions.count)
            guard !isEmpty, mentions.count > 1 else { return out }
            // Codes that take part, and their stems (asked once per distinct code).
            var stems: [String: String] = [:]
            var taking: [Int] = []
            let coveredPrefixes = covers.values.flatMap { $0 }
            func isSeparate(_ code: String) -> Bool { separate.contains { code.hasPrefix($0) } }
            for (i, m) in mentions.enumerated() {
                guard m.affirmed, let code = m.topCode else { continue }
                // A separate code takes part only through a `covers` row (as the unspecified injury
                // or as an injury by site), never by its stem.
                if isSeparate(code) && !covers.keys.contains(where: { code.hasPrefix($0) }) && !coveredPrefixes.contains(where: { code.hasPrefix($0) }) { continue }
                if stems[code] == nil { stems[code] = stem(code, title: title) }
                taking.append(i)
            }
            guard taking.count > 1 || !offered.isEmpty else { return out }
            /// Whether `b` is a more specific code of `a`'s condition.
            func refines(_ b: String, _ a: String) -> Bool {
                guard b != a, let sa = stems[a], let sb = stems[b] else { return false }
                if covers.contains(where: { key, values in a.hasPrefix(key) && !b.hasPrefix(key) && values.contains { b.hasPrefix($0) } }) { return true }
                if isSeparate(a) || isSeparate(b) { return false }
                return b.hasPrefix(sa) && sb.count > sa.count
            }
            for i in taking {
                let code = mentions[i].topCode!
                var candidates: [Offer] = []
                for j in taking where j != i {
                    let c = mentions[j].topCode!
                    guard refines(c, code) else { continue }
                    // An injury of unspecified region is the same injury only when the site's code
                    // names what the mention names ("fracture" → "Fracture of angle of left mandible").
                    if isSeparate(code) && !names(title(c), mentions[i].words) { continue }
                    if !mentions[j].current {
                        if episodes.contains(where: { c.hasPrefix($0) }) { continue }
                        if let own = ownCodes?[j], own.prefix(3) != c.prefix(3) { continue }
                    }
                    candidates.append(Offer(code: c, source: j, ruleID: "I1:same-condition"))
                }
                // Only the most specific: a code that another candidate refines is not one.
                let all = candidates
                candidates.removeAll { a in all.contains { refines($0.code, a.code) } }
                candidates += offered[i] ?? []
                guard !candidates.isEmpty else { continue }
                let codes = Set(candidates.map(\.code))
                let first = { (list: [Offer]) in list.min { mentions[$0.source].span.start < mentions[$1.source].span.start } }
                let nearest = { (list: [Offer]) in
                    list.min { distance(mentions[$0.source].span, mentions[i].span) < distance(mentions[$1.source].span, mentions[i].span) }
                }
                if codes.count == 1, let o = first(candidates) {
                    out[i] = Assignment(code: o.code, ruleID: o.ruleID, source: o.source)
                    continue
                }
                // The disease's own state, when the note gives one.
                let category = String(code.prefix(3))
                if let suffixes = states[category] {
                    let statePrefixes = suffixes.map { $0.hasPrefix(".") ? category + $0 : $0 }
                    if let o = nearest(candidates.filter { c in statePrefixes.contains { c.code.hasPrefix($0) } }) {
                        out[i] = Assignment(code: o.code, ruleID: "I1:state", source: o.source)
                        continue
                    }
                }
                // The nearest in the mention's sentence or list item, else the first in reading order.
                if let o = nearest(candidates.filter { sameSentence(mentions[$0.source].span, mentions[i].span, in: bytes) }) {
                    out[i] = Assignment(code: o.code, ruleID: "I1:nearest", source: o.source)
                } else if let o = first(candidates) {
                    out[i] = Assignment(code: o.code, ruleID: "I1:first", source: o.source)
                }
            }
            return out
        }

        /// Whether a title contains one of the mention's words of four letters or more (a plural
        /// read as its singular: "fractures" names "fracture").
        func names(_ title: String?, _ words: Set<String>) -> Bool {
            guard let t = title?.lowercased() else { return false }
            let titleWords = Set(t.split(whereSeparator: { !$0.isLetter }).map(String.init))
            return words.contains { w in
                w.count >= 4 && (titleWords.contains(w) || w.hasSuffix("s") && titleWords.contains(String(w.dropLast())))
            }
        }

        func distance(_ a: TextSpan, _ b: TextSpan) -> Int {
            a.start < b.start ? max(0, b.start - a.end) : max(0, a.start - b.end)
        }

        /// Whether nothing between two spans ends a sentence or list item (a line break, `.`, `;`).
        func sameSentence(_ a: TextSpan, _ b: TextSpan, in bytes: [UInt8]) -> Bool {
            let (first, second) = a.start < b.start ? (a, b) : (b, a)
            guard first.end <= second.start, second.start <= bytes.count else { return false }
            for k in first.end..<second.start {
                let c = bytes[k]
                if c == 0x0A || c == 0x0D || c == UInt8(ascii: ";") { return false }
                // A full stop ends a sentence; one inside a number or abbreviation ("1.5", "e.g.") does not.
                if c == UInt8(ascii: "."), k + 1 < second.start, bytes[k + 1] == 0x20 { return false }
            }
            return true
        }
    }
}
