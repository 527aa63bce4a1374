public import MedTextCore
import Tokenizer

/// Open-vocabulary negated findings: the words a negation cue governs that the lexicon does not
/// know ("no [rubeosis]", "no [venous beading], no [IRMA]", "[PONV]: nil"). A note's ROS and
/// examination lists name findings of every specialty, and a missed negated finding costs both
/// MEDICAL_CONDITION and NEGATION recall; the lexicon can never list them all.
///
/// A candidate is a run of one to four unmatched words right after a lead word (`no`, `nil`,
/// `without`, `denies`, ...; word class `open_finding_leads`), or after a list separator that
/// continues such a list, or a line-initial run followed by `: nil` / `- no` (class `nil_words`).
/// Its last word must look like a finding: a word of a lexicon concept (after plural and typo
/// variants) or a word with a finding suffix (class `finding_suffixes`: `-osis`, `-itis`,
/// `-algia`, ...), and not a word that never heads a finding (class `open_finding_non_heads`:
/// `known`, `history`, `contacts`, ...). Candidates become DX_NAME / SIGN entities with no
/// concept (score 0.6, rule id `open:negated-finding`) and go through ConText like any other
/// entity; a candidate the context rules do not negate is dropped. So an open finding is only
/// ever reported as negated, and what counts as negated is decided in one place.
struct OpenFindingWords: Sendable {
    let leads: TokenIDSet
    /// Leads of a one-word finding with a lexicon or suffix head only ("not [bilious]").
    let singleLeads: TokenIDSet
    let breaks: TokenIDSet
    let nonHeads: TokenIDSet
    let separators: TokenIDSet
    let nilWords: TokenIDSet
    let headMarks: TokenIDSet  // : -
    let hyphen: UInt32
    /// Lower-case suffix bytes, longest first.
    let suffixes: [[UInt8]]
    /// Lower-case endings of adjectives and participles (class `adjective_endings`).
    let adjectiveEndings: [[UInt8]]

    init(classes: WordClasses, intern: (String) -> UInt32) {
        func set(_ name: WordClasses.Name) -> TokenIDSet { TokenIDSet(classes[name].map(intern).filter { $0 != 0 }) }
        leads = set(.openFindingLeads)
        singleLeads = set(.openFindingSingleLeads)
        breaks = set(.openFindingBreaks)
        nonHeads = set(.openFindingNonHeads)
        separators = set(.openFindingSeparators)
        nilWords = set(.nilWords)
        headMarks = TokenIDSet([intern(":"), intern("-")].filter { $0 != 0 })
        hyphen = intern("-")
        suffixes = classes[.findingSuffixes].map { Array($0.lowercased().utf8) }.sorted { $0.count > $1.count }
        adjectiveEndings = classes[.adjectiveEndings].map { Array($0.lowercased().utf8) }
    }
}

extension Recognizer {
    static let openFindingRuleID = "open:negated-finding"

    /// Candidate open findings (content-token ranges, ascending), none overlapping `ranges`.
    /// `categories[i]` is the category of the entity at `ranges[i]`: a list of negated findings runs
    /// on past conditions ("No alcohol, drugs" is no list of findings), and a site may stand before
    /// an item's head ("no [LUQ] fullness").
    func openFindingCandidates(ranges: [Range<Int>], categories: [EntityCategory], content c: Content, doc: AnnotatedDocument, bytes p: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let n = c.ctxKeys.count
        let w = openWords
        // Cheap exit: most sentences have no lead word at all.
        var anyLead = false
        for k in 0..<n where w.leads.contains(c.ctxKeys[k]) || w.singleLeads.contains(c.ctxKeys[k]) || w.nilWords.contains(c.ctxKeys[k]) {
            anyLead = true
            break
        }
        guard anyLead else { return [] }
        let owner = Self.tokenOwners(ranges, count: n)
        func covered(_ k: Int) -> Bool { owner[k] >= 0 }
        /// The length of the entity starting at `k` (0 when none starts there).
        func coverLength(_ k: Int) -> Int { owner[k] >= 0 && ranges[owner[k]].lowerBound == k ? ranges[owner[k]].count : 0 }
        func isWord(_ k: Int) -> Bool { doc.tokens[c.tokenIndex[k]].kind == .word }
        func adjacent(_ a: Int, _ b: Int) -> Bool {
            doc.tokens[c.tokenIndex[a]].span.end == doc.tokens[c.tokenIndex[b]].span.start
        }
        /// The end of a run of finding words starting at `start` (== start when there is none).
        func run(from start: Int) -> Int {
            var j = start
            var words = 0
            while j < n, !covered(j) {
                if isWord(j) {
                    if w.breaks.contains(c.ctxKeys[j]) || w.leads.contains(c.ctxKeys[j]) || w.nilWords.contains(c.ctxKeys[j])
                        || isAdverb(j) { break }
                    words += 1
                    if words > 4 { return start }
                    j += 1
                } else if c.ctxKeys[j] == w.hyphen, j > start, j + 1 < n, isWord(j + 1), !covered(j + 1),
                          adjacent(j - 1, j), adjacent(j, j + 1) {
                    j += 1  // "honey-colored", "end-organ"
                } else {
                    break
                }
                if c.lineEnd[j - 1] { break }
            }
            return j
        }
        /// "-ally", "-ely", "-ily" words ("completely", "adequately", "readily") end a run; "anomaly",
        /// "early" and "family" do not end so.
        func isAdverb(_ k: Int) -> Bool {
            let t = doc.tokens[c.tokenIndex[k]].span
            guard t.length >= 5 else { return false }
            func at(_ i: Int) -> UInt8 { p[t.end - i] | 0x20 }
            guard at(1) == UInt8(ascii: "y"), at(2) == UInt8(ascii: "l") else { return false }
            let b = at(3)
            return b == UInt8(ascii: "e") || b == UInt8(ascii: "i") || (b == UInt8(ascii: "l") && at(4) == UInt8(ascii: "a"))
        }
        /// A head with an adjective or participle ending ("injected", "surgical", "palpable",
        /// "psychological"): after "no" it modifies something unsaid, it names no finding.
        func isAdjective(_ k: Int) -> Bool {
            let t = doc.tokens[c.tokenIndex[k]].span
            return t.length >= 5 && Self.endsWithAny(t, w.adjectiveEndings, p)
        }
        func findingHead(_ r: Range<Int>, lexiconOnly: Bool = false) -> Bool {
            guard !r.isEmpty else { return false }
            let head = r.upperBound - 1
            guard isWord(head), !w.nonHeads.contains(c.ctxKeys[head]), !w.nonHeads.contains(c.lexKeys[head]) else { return false }
            if !lexiconOnly && isAdjective(head) { return false }
            let key = c.lexKeys[head]
            if Int(key) < lexiconWord.count && lexiconWord[Int(key)] { return true }
            let t = doc.tokens[c.tokenIndex[head]].span
            // A word the dictionary does not know and that is not ordinary English ("rubeosis",
            // "IRMA", "schizonts"): medical vocabulary the lexicon lacks.
            if !lexiconOnly, key == TokenDictionary.unknown, t.length >= 3, t.length <= 32,
               isOrdinaryWord(doc.tokens[c.tokenIndex[head]], p) == false
            {
                return true
            }
            return t.length >= 6 && Self.endsWithAny(t, w.suffixes, p)
        }
        /// The run ends a list item: line end, a separator, sentence punctuation, or the end.
        /// (Letting a break word end it, "no [schizonts] seen", cost precision on the dev notes.)
        /// A number after the run is its value ("strength 5/5", "power 4"): a measurement, not an item.
        func endsItem(_ end: Int) -> Bool {
            end >= n || c.lineEnd[end - 1]
                || !covered(end) && !isWord(end) && doc.tokens[c.tokenIndex[end]].kind != .number
                || w.separators.contains(c.ctxKeys[end])
        }
        /// Whether a one-word item at `item` modifies the head of a later entity of the same list:
        /// "no [cervical], axillary or [inguinal lymphadenopathy]" (the list ends in an entity
        /// of several words, or in words before an entity).
        func sharesLaterHead(_ item: Range<Int>) -> Bool {
            guard item.count == 1 else { return false }
            var t = item.upperBound
            // A lead word starts a list of its own ("no fistula, no skin tags"): no shared head across it.
            while t < n, !c.lineEnd[t - 1], !covered(t), !w.leads.contains(c.ctxKeys[t]),
                  w.separators.contains(c.ctxKeys[t]) || isWord(t) { t += 1 }
            guard t < n, t > item.upperBound, covered(t), !c.lineEnd[t - 1] else { return false }
            // The entity has several words, or words of the last item stand before it ("no
            // [retroperitoneal] or pelvic [lymphadenopathy]").
            return coverLength(t) >= 2 || isWord(t - 1) && !w.separators.contains(c.ctxKeys[t - 1])
        }
        var out: [Range<Int>] = []
        var k = 0
        while k < n {
            let key = c.ctxKeys[k]
            // "X: nil", "X - no": a line-initial run, a mark, a nil word ending the line or clause.
            if w.headMarks.contains(key), k > 0, k + 1 < n, w.nilWords.contains(c.ctxKeys[k + 1]),
               k + 1 == n - 1 || c.lineEnd[k + 1] || !isWord(k + 2)
            {
                var s = k
                while s > 0, !c.lineEnd[s - 1], !covered(s - 1), isWord(s - 1) || c.ctxKeys[s - 1] == w.hyphen { s -= 1 }
                if s < k, s == 0 || c.lineEnd[s - 1], run(from: s) == k, findingHead(s..<k) { out.append(s..<k) }
            }
            if w.singleLeads.contains(key), !covered(k), !c.lineEnd[k], k + 1 < n, run(from: k + 1) == k + 2,
               endsItem(k + 2), findingHead(k + 1..<k + 2, lexiconOnly: true), !sharesLaterHead(k + 1..<k + 2)
            {
                out.append(k + 1..<k + 2)
            }
            guard w.leads.contains(key), !covered(k), !c.lineEnd[k] else { k += 1; continue }
            var j = k + 1
            while j < n {
                // An item the lexicon knows: the list goes on past it to unknown items after a
                // separator ("no [ear pain] or [discharge]", "no psychomotor agitation or
                // [retardation]"); what the context rules make of each item decides, as always.
                if coverLength(j) > 0, categories[owner[j]] == .medicalCondition {
                    let end = j + coverLength(j)
                    guard end + 1 < n, !c.lineEnd[end - 1], w.separators.contains(c.ctxKeys[end]) else { break }
                    j = end + 1
                    if w.leads.contains(c.ctxKeys[j]) { break }
                    continue
                }
                // A site before the item's head on the same line: "no [LUQ] fullness".
                if coverLength(j) > 0, categories[owner[j]] == .anatomy {
                    let end = j + coverLength(j)
                    guard end < n, !c.lineEnd[end - 1], isWord(end) || covered(end), !w.leads.contains(c.ctxKeys[end]) else { break }
                    j = end
                    continue
                }
                let end = run(from: j)
                // Words qualifying a known finding ("nil [perianal] pain or discharge"): the item is
                // the known finding, and the list goes on after it.
                if end > j, end < n, !c.lineEnd[end - 1], coverLength(end) > 0, categories[owner[end]] == .medicalCondition {
                    j = end
                    continue
                }
                guard end > j, endsItem(end), findingHead(j..<end), !sharesLaterHead(j..<end) else { break }
                out.append(j..<end)
                // Another item of the same list: "no tears or holes", "no A, B or C".
                guard end < n, !c.lineEnd[end - 1], w.separators.contains(c.ctxKeys[end]), end + 1 < n else { break }
                j = end + 1
                if w.leads.contains(c.ctxKeys[j]) { break }  // "no A, no B": the next lead starts its own list
            }
            k = max(k + 1, j)
        }
        // Both shapes can find one run; keep each once, in order.
        out.sort { $0.lowerBound < $1.lowerBound }
        var unique: [Range<Int>] = []
        for r in out where unique.last.map({ $0.upperBound <= r.lowerBound }) ?? true { unique.append(r) }
        return unique
    }
}

extension Recognizer {
    /// Whether `span` ends, case-insensitively, with one of `endings` (lower-case bytes) that is
    /// shorter than it.
    static func endsWithAny(_ span: TextSpan, _ endings: [[UInt8]], _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        for e in endings where e.count < span.length {
            var match = true
            for (i, b) in e.enumerated() where p[span.end - e.count + i] | 0x20 != b {
                match = false
                break
            }
            if match { return true }
        }
        return false
    }

    /// Whether a word token is ordinary English by the PHI vocabulary, on its normalized key (the
    /// same key the typo guard asks with); `nil` when there is no such list.
    func isOrdinaryWord(_ token: Token, _ p: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let ordinary = ordinaryWord else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { scratch in
            if let length = Normalizer.writeASCIIKey(token, in: p, to: scratch) {
                return ordinary(UnsafeBufferPointer(rebasing: scratch[..<length]))
            }
            var key: [UInt8] = []
            Normalizer.appendKey(token, in: p, to: &key)
            return key.withUnsafeBufferPointer { ordinary($0) }
        }
    }
}
