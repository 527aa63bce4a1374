public import MedTextCore

/// What the recognizer knows about a mention when asking for ranked codes.
public struct MentionQuery: Sendable, Hashable {
    /// The mention as written ("acute on chronic systolic heart failure", "HTN", "metformin").
    public var text: String
    /// Words and phrases around it that qualify it: acuity ("acute on chronic"), laterality
    /// ("left"), body site ("knee"), linked conditions ("with diabetic neuropathy", "due to
    /// alcohol", "secondary to"), medication strength and form ("500 mg", "tablet").
    public var context: [String]
    /// Concepts the recognizer matched for the mention (`MatchableTerm.conceptID`). When empty,
    /// the mention text is looked up by its normalized form.
    public var conceptIDs: [Int64]

    public init(text: String, context: [String] = [], conceptIDs: [Int64] = []) {
        self.text = text
        self.context = context
        self.conceptIDs = conceptIDs
    }
}

/// Ranking of ICD-10-CM codes for a condition mention (Comprehend Medical's `ICD10CMConcepts`).
///
/// Candidates: the ICD-10-CM codes linked to the matched concepts (lexicon codes, SNOMED CT
/// maps) and their descendants, plus full-text hits over code titles and inclusion terms for
/// the mention, its concepts' preferred terms and its context. Each candidate's title and
/// inclusion terms are compared with the query words (stop words dropped, light stemming,
/// words in parentheses and "unspecified"/"NOS"/"other"/"mellitus" optional):
/// `match = 0.55 × coverage (query words found) + 0.45 × precision (required title words that
/// the query has)` (× 0.95 for inclusion terms, × 0.9 for "Other ..." titles the query does not
/// ask for; the word after "unspecified" is optional); `score = 0.87 × best match (× 0.9 when
/// not billable) + 0.08 for a code linked to the matched concept (0.04 for its descendants)
/// + 0.03 for billable codes`, at most 0.98. When the query says nothing beyond the matched
/// concepts' preferred terms, their linked codes count as near-exact matches (0.95). An ICD-10-CM concept matched by its own title
/// is a plain candidate (no link bonus). Query words that no candidate contains
/// (e.g. the abbreviation "HTN" itself) are ignored. So the most specific code whose every
/// required word is in the mention or context wins ("type 2 diabetes with diabetic
/// neuropathy" → E11.40), and an unmentioned specific ("without complications", "combined")
/// costs precision. Ties: billable first, then code order.
enum ICDRanking {
    static let stopWords: Set<String> = ["a", "an", "the", "of", "in", "on", "and", "or", "to", "for", "by", "at", "as", "with", "due", "from", "into", "is", "was", "has", "had", "s"]
    static let laterality: Set<String> = ["left", "right", "bilateral", "unilateral"]
    static let sideAbbreviations: [String: String] = [
        "l": "left", "lt": "left", "left": "left", "r": "right", "rt": "right", "right": "right",
        "b / l": "bilateral", "bilat": "bilateral", "bil": "bilateral", "both": "bilateral", "bilateral": "bilateral",
    ]
    static let optionalWords: Set<String> = ["unspecified", "nos", "other", "mellitus", "specified", "classified", "elsewhere", "site", "without", "complication", "uncomplicated"]

    /// Words of a text for comparison: the normalizer's tokens, letters/digits only, stemmed.
    static func words(_ normalized: String, keepParenthesized: Bool = true) -> (required: [String], optional: [String]) {
        var required: [String] = []
        var optional: [String] = []
        var depth = 0
        var afterUnspecified = false
        var withoutRun = false
        var pendingNon = false
        for raw in normalized.split(separator: " ") {
            if raw == "(" || raw == "[" { depth += 1; continue }
            if raw == ")" || raw == "]" { depth = max(0, depth - 1); continue }
            if raw == "," || raw == ";" { afterUnspecified = false; withoutRun = false; continue }
            // Split further on punctuation the normalizer kept inside a token.
            for piece in raw.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
                // ICD-10-CM titles write the prefix "non" joined ("nonproliferative",
                // "nontraumatic", "nonpressure"); notes write it apart or hyphenated.
                if piece == "non" { pendingNon = true; continue }
                let w = stem(pendingNon ? "non" + piece : String(piece))
                pendingNon = false
                if w.isEmpty || stopWords.contains(w) { continue }
                // "unspecified organism", "unspecified site", "without complications": what is
                // unspecified or absent need not be said.
                if w == "with" { withoutRun = false }
                if w == "without" || w == "not" { withoutRun = true }
                if depth > 0 || optionalWords.contains(w) || afterUnspecified || withoutRun {
                    optional.append(w)
                } else {
                    required.append(w)
                }
                afterUnspecified = (w == "unspecified")
            }
        }
        return (required, optional)
    }

    /// Words of an ICD-10-CM title. For 7th-character codes the extension ("initial encounter
    /// for closed fracture", "sequela") after the last comma is optional: notes rarely say it.
    static func titleWords(_ normalized: String, code: String) -> (required: [String], optional: [String]) {
        guard isSeventhCharacterCode(code), let r = normalized.range(of: " , ", options: .backwards) else { return words(normalized) }
        let head = words(String(normalized[..<r.lowerBound]))
        let tail = words(String(normalized[r.upperBound...]))
        return (head.required, head.optional + tail.required + tail.optional)
    }

    static func isSeventhCharacterCode(_ code: String) -> Bool {
        code.utf8.filter { $0 != UInt8(ascii: ".") }.count == 7
    }

    /// Light stemming plus folds applied to both query and titles: Australian/British spellings
    /// (ae, oe -> e; -our -> -or: haemorrhage, oedema, tumour) and a few clinical synonyms.
    static func stem(_ word: String) -> String {
        var w = word
        if w.count > 3 && w.hasSuffix("s") && !w.hasSuffix("ss") && !w.hasSuffix("us") && !w.hasSuffix("is") { w.removeLast() }
        if w.contains("ae") { w = w.replacingOccurrences(of: "ae", with: "e") }
        if w.contains("oe") { w = w.replacingOccurrences(of: "oe", with: "e") }
        if w.count > 4 && w.hasSuffix("our") { w = String(w.dropLast(3)) + "or" }
        return synonyms[w] ?? w
    }

    static let synonyms: [String: String] = [
        "bleeding": "hemorrhage", "bleed": "hemorrhage", "haemorrhage": "hemorrhage",
        // Body-site spellings that titles use differently from notes ("cellulitis of left lower
        // limb", "lower extremity", "pressure ulcer of sacral region").
        "leg": "limb", "extremity": "limb", "extremitie": "limb", "sacrum": "sacral",
        // Adjective and noun forms of the same organ or thing ("renal cyst" is "cyst of kidney",
        // "gallbladder calculi" are "calculus of gallbladder", "laceration of palm" is of the hand).
        "renal": "kidney", "hepatic": "liver", "ureteric": "ureter", "ureteral": "ureter",
        "calculi": "calculus", "stone": "calculus", "palm": "hand", "palmar": "hand", "thenar": "hand",
        // Titles say "malignant neoplasm", notes "cancer" or "Ca".
        "ca": "malignant", "cancer": "malignant", "carcinoma": "malignant",
        // "osseous metastases" are of bone.
        "osseous": "bone", "bony": "bone",
        // Notes name a bone by its adjective, titles by its noun ("mandibular angle fracture" is a
        // "fracture of angle of mandible", "femoral neck fracture" of the "neck of femur").
        "mandibular": "mandible", "femoral": "femur", "radial": "radius", "ulnar": "ulna", "tibial": "tibia",
        "fibular": "fibula", "humeral": "humerus", "clavicular": "clavicle", "scapular": "scapula",
        "patellar": "patella", "calcaneal": "calcaneus", "sternal": "sternum", "vertebral": "vertebra",
    ]
    /// The organ a side is written with ("right ear", "left eye"): with a side it adds nothing.
    static let sideOrgans: Set<String> = ["eye", "ear", "side"]

    /// The side words of a title.
    static func sides(of title: String) -> Set<String> {
        laterality.intersection(title.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
    }

    /// Whether two titles say the same but for their side ("..., unspecified eye" and "..., right
    /// eye"; "Otitis media, unspecified, unspecified ear" and "..., right ear").
    static func sameButSide(_ a: String, _ b: String) -> Bool {
        let ignored: Set<Substring> = ["unspecified", "eye", "eyes", "ear", "ears", "side", "right", "left", "bilateral", "unilateral"]
        func words(_ t: String) -> [Substring] { t.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).filter { !ignored.contains($0) } }
        return words(a) == words(b)
    }

    /// The word a mention is about: the last word before "of" ("fracture of left hip" →
    /// fracture) or else its last word ("renal cyst" → cyst), stemmed; nil for a mention whose
    /// last word is a number or a stop word.
    static func headWord(_ normalized: String) -> String? {
        let parts = normalized.split(separator: " ").map(String.init)
        let before = parts.firstIndex(of: "of").map { Array(parts[..<$0]) } ?? parts
        for raw in before.reversed() {
            guard raw.allSatisfy(\.isLetter) else { continue }
            let w = stem(raw)
            if stopWords.contains(w) || optionalWords.contains(w) { continue }
            return w
        }
        return nil
    }
}

extension TerminologyStore {
    /// Ranked ICD-10-CM codes for a condition mention, best first (at most `limit`).
    ///
    /// - Complexity: a fixed number of indexed queries plus up to ten FTS5 queries per distinct
    ///   query; a query seen before (same text, qualifiers and concepts) is answered from a memo.
    public func icd10cmCandidates(for query: MentionQuery, limit: Int = 5) throws(TerminologyError) -> [ConceptCode] {
        if let memo = memoizedICD(query) { return Array(memo.prefix(limit)) }
        let ranked = try rankICD10CM(query)
        memoizeICD(query, ranked)
        return Array(ranked.prefix(limit))
    }

    /// Every ranked ICD-10-CM candidate of `query`, best first (`icd10cmCandidates` memoizes it).
    func rankICD10CM(_ query: MentionQuery) throws(TerminologyError) -> [ConceptCode] {
        var conceptIDs = query.conceptIDs
        if conceptIDs.isEmpty { conceptIDs = try self.conceptIDs(matching: query.text) }
        let details = try concepts(ids: conceptIDs)
        // Query words: mention, context, preferred terms of the matched concepts.
        var queryText = [query.text] + query.context
        var linked: [String] = []
        var direct: [String] = []
        for id in conceptIDs {
            guard let d = details[id] else { continue }
            // An ICD-10-CM concept matched by its own title is a candidate like any other, not a link.
            if d.code.system == .icd10CM { direct.append(d.code.code); continue }
            queryText.append(d.code.display)
            for c in d.codes(in: .icd10CM) where !linked.contains(c.code) { linked.append(c.code) }
        }
        var q: [String] = []
        var conceptWords: Set<String> = []
        var mentionWords: Set<String> = []  // words of the mention and its concepts (not the context)
        var saidWords: Set<String> = []  // words of the mention and its context (not the concepts' terms)
        for (i, t) in queryText.enumerated() {
            let norm = normalizer.normalizedTerm(t)
            let isContext = i > 0 && i <= query.context.count
            // A context item that is only a side abbreviation ("L", "Rt", "B/L") names the side.
            let w = isContext ? (ICDRanking.sideAbbreviations[norm].map { (required: [$0], optional: [String]()) } ?? ICDRanking.words(norm)) : ICDRanking.words(norm)
            for x in w.required + w.optional where !q.contains(x) { q.append(x) }
            if i > query.context.count { conceptWords.formUnion(w.required + w.optional) }
            if !isContext { mentionWords.formUnion(w.required) }
            if i <= query.context.count { saidWords.formUnion(w.required + w.optional) }
        }
        guard !q.isEmpty || !linked.isEmpty || !direct.isEmpty else { return [] }
        let noContext = query.context.isEmpty
        let mentionNormalized = normalizer.normalizedTerm(query.text)

        return try withDatabase { db throws(TerminologyError) -> [ConceptCode] in
            guard let icd = try db.scalarInt("SELECT id FROM code_system WHERE uri = ?", [.text(CodeSystem.icd10CM.uri)]) else { return [] }
            var candidates: [String: Double] = [:]  // code -> link bonus
            var order: [String] = []
            func add(_ code: String, _ bonus: Double) {
                if let b = candidates[code] { candidates[code] = max(b, bonus) } else { candidates[code] = bonus; order.append(code) }
            }
            for code in linked {
                add(code, 0.08)
                let desc = try db.cached("""
                    WITH RECURSIVE sub(id, depth) AS (
                      SELECT id, 0 FROM concept WHERE system = ?1 AND code = ?2
                      UNION SELECT i.child, sub.depth + 1 FROM is_a i JOIN sub ON i.parent = sub.id WHERE sub.depth < 4)
                    SELECT c.code FROM sub JOIN concept c ON c.id = sub.id WHERE sub.depth > 0 ORDER BY c.code LIMIT 400
                    """)
                try desc.bind([.int(icd), .text(code)])
                while try desc.step() { add(desc.text(0), 0.04) }
                desc.reset()
                // Its relatives: the linked code is often the "unspecified" one and the context
                // names a sibling ("left", "with ...").
                let relatives = try db.cached("""
                    WITH RECURSIVE up(id, depth) AS (
                      SELECT id, 0 FROM concept WHERE system = ?1 AND code = ?2
                      UNION SELECT i.parent, up.depth + 1 FROM is_a i JOIN up ON i.child = up.id WHERE up.depth < 2),
                    top(id) AS (SELECT id FROM up ORDER BY depth DESC LIMIT 1),
                    sub(id, depth) AS (
                      SELECT id, 0 FROM top
                      UNION SELECT i.child, sub.depth + 1 FROM is_a i JOIN sub ON i.parent = sub.id WHERE sub.depth < 3)
                    SELECT c.code FROM sub JOIN concept c ON c.id = sub.id ORDER BY c.code LIMIT 400
                    """)
                try relatives.bind([.int(icd), .text(code)])
                while try relatives.step() { add(relatives.text(0), 0.02) }
                relatives.reset()
            }
            for code in direct { add(code, 0) }
            if !q.isEmpty {
                // FTS5, most specific first: all query words (as prefixes of their stems), then all
                // but one (so one word spelled differently from the title, "femoral" vs "femur",
                // does not lose the code), then any word.
                let words = q.filter { $0.allSatisfy { $0.isLetter || $0.isNumber } }.map { "\"\($0)\"*" }
                var queries: [String] = []
                if words.count > 1 {
                    queries.append(words.joined(separator: " AND "))
                    if words.count > 2 {
                        for skip in words.indices { queries.append(words.enumerated().filter { $0.offset != skip }.map(\.element).joined(separator: " AND ")) }
                    }
                }
                if !words.isEmpty { queries.append(words.joined(separator: " OR ")) }
                let fts = try db.cached("SELECT code FROM icd10cm_fts WHERE icd10cm_fts MATCH ? ORDER BY bm25(icd10cm_fts), code LIMIT 80")
                for match in queries.prefix(10) {
                    try fts.bind([.text(match)])
                    while try fts.step() { add(fts.text(0), 0) }
                    fts.reset()
                }
            }
            // Variants (title and inclusion terms) of every candidate.
            struct Candidate { var code: String; var display: String; var billable: Bool; var variants: [ICDTitleWords.Variant]; var bonus: Double }
            var list: [Candidate] = []
            var vocabulary: Set<String> = []
            for code in order {
                guard let words = try titleWords(of: code, system: icd, in: db) else { continue }
                for v in words.variants {
                    vocabulary.formUnion(v.required)
                    vocabulary.formUnion(v.optional)
                }
                list.append(Candidate(code: code, display: words.display, billable: words.billable, variants: words.variants, bonus: candidates[code] ?? 0))
            }
            let effective = q.filter { vocabulary.contains($0) }
            let query = Set(effective.isEmpty ? q : effective)
            // When the mention and its context say nothing beyond the matched concepts' preferred
            // terms, the curated code of the concept (what a coder gives the bare mention) is
            // taken as a near-exact match.
            // A mention without qualifiers is a curated synonym of its concept ("inferior STEMI"),
            // so the same holds when the context is empty.
            // A side adds nothing when the curated code's category has no sided codes at all
            // ("L ureteric colic" is N20.1 whatever the side; "R hip fracture" is not bare).
            // The same holds when the curated code has a sibling that names the side (same code but
            // its last character: "otitis media, unspecified ear" → "..., right ear"; the laterality
            // step below promotes it), or has no sided code near it: none of its own length under its
            // parent ("cataract right eye" stays H26.9, "Unspecified cataract", though traumatic
            // cataracts H26.1- are sided; "R hip fracture" S72.009A is not bare: S72.001A is near).
            // Injuries (S, T) keep the stricter test: no sided code in the category at all.
            let extra = query.subtracting(conceptWords)
            // The mention matched its concept as a whole term: its words are the concept's too.
            let sideExtra = extra.subtracting(mentionWords)
            let extraSides = sideExtra.intersection(ICDRanking.laterality)
            func sides(_ c: Candidate) -> Set<String> { ICDRanking.sides(of: c.display) }
            let sideOnly = !extraSides.isEmpty && sideExtra.isSubset(of: ICDRanking.laterality.union(ICDRanking.sideOrgans)) && !linked.isEmpty
                && linked.allSatisfy { code in
                    if code.hasPrefix("S") || code.hasPrefix("T") {
                        return !list.contains { c in c.code.prefix(3) == code.prefix(3) && !sides(c).isEmpty }
                    }
                    guard let own = list.first(where: { $0.code == code }) else { return false }
                    let counterpart = list.contains { c in
                        c.code != code && c.code.count == code.count && sides(c) == extraSides && ICDRanking.sameButSide(c.display, own.display)
                    }
                    let nearSided = list.contains { c in c.code.count == code.count && c.code.hasPrefix(code.dropLast(2)) && !sides(c).isEmpty }
                    return counterpart || !nearSided
                }
            let bareMention = !conceptWords.isEmpty && (extra.isEmpty || sideOnly || noContext && !linked.isEmpty)
            // The condition itself must be in the title: a code that names only the context's
            // site and side ("fracture of left lower leg" for "cellulitis lt lower leg") loses.
            let named = mentionWords.intersection(query)
            // And what the mention is about: "renal cyst" is a cyst, so a code naming the kidney
            // but not a cyst ("injury of left renal artery") loses to one that names both. Only a
            // head some candidate has counts ("HTN" names no title word).
            let head = ICDRanking.headWord(mentionNormalized).flatMap { h in
                vocabulary.contains(where: { $0.contains(h) }) ? h : nil
            }
            // Coverage is mostly of what the note said: the concepts' preferred terms help find
            // candidates but are synonyms, not more information ("systolic heart failure" is
            // not less covered by I50.23 because the concept is also "heart failure with
            // reduced ejection fraction").
            let said = saidWords.intersection(query)
            func coverage(_ all: Set<String>) -> Double {
                guard !query.isEmpty else { return 0 }
                let full = Double(query.filter { all.contains($0) }.count) / Double(query.count)
                guard !said.isEmpty else { return full }
                return 0.75 * Double(said.filter { all.contains($0) }.count) / Double(said.count) + 0.25 * full
            }
            let queryLaterality = query.intersection(ICDRanking.laterality)
            var scored: [(ConceptCode, Bool)] = []
            // A category that matches well hands its match to its default billable descendant:
            // the one with the fewest required title words (the "unspecified"/"without" code).
            var inherited: [String: (Double, String)] = [:]  // code -> (match, display)
            var seen = Set(list.map(\.code))
            // How well one title or inclusion term fits what was said; `residual` also lets a
            // residual "Other ..." title lose to the code that names what was said.
            func match(_ v: ICDTitleWords.Variant, residual: Bool) -> Double {
                let all = Set(v.required).union(v.optional)
                let covered = coverage(all)
                let req = Set(v.required)
                let precision = req.isEmpty ? 0 : Double(req.filter { query.contains($0) }.count) / Double(req.count)
                let other = residual && all.contains("other") && !query.contains("other") ? 0.9 : 1.0
                var offTopic = !named.isEmpty && named.isDisjoint(with: all) ? 0.6 : 1.0
                if let head, !all.contains(where: { $0.contains(head) }) { offTopic *= 0.8 }
                // A carcinoma in situ is a different disease: only when the note says so
                // ("invasive ductal carcinoma of the left breast" is C50.912, not D05.92).
                if all.contains("situ") && !query.contains("situ") { offTopic *= 0.85 }
                // Likewise a stress or pathological fracture (M84.3-, M84.4-): a fracture not said to
                // be one is traumatic (Index "Fracture, traumatic"; the S codes by site).
                if all.contains("fracture") {
                    for kind in ["stress", "pathological"] where all.contains(kind) && !query.contains(kind) { offTopic *= 0.85 }
                }
                return (0.55 * covered + 0.45 * precision) * v.weight * other * offTopic
            }
            let categoryMatches = list.filter { !$0.billable }.map { c -> (Candidate, Double) in
                (c, c.variants.map { match($0, residual: false) }.max() ?? 0)
            }.sorted { $0.1 > $1.1 }.prefix(8)
            let children = try db.cached("""
                WITH RECURSIVE sub(id, depth) AS (
                  SELECT id, 0 FROM concept WHERE system = ?1 AND code = ?2
                  UNION SELECT i.child, sub.depth + 1 FROM is_a i JOIN sub ON i.parent = sub.id WHERE sub.depth < 3)
                SELECT c.code, c.display, t.norm FROM concept c JOIN term t ON t.concept = c.id
                WHERE c.id IN (SELECT id FROM sub WHERE depth > 0) AND c.billable = 1 AND t.type = \(TermType.description.rawValue)
                ORDER BY c.code
                """)
            // `c.id IN (...)` rather than `sub JOIN concept`: with the join, SQLite builds a Bloom
            // filter over the whole concept table on every run (about 15 ms, most of infer-icd10cm's
            // time); the IN list looks the few descendants up by rowid (under 1 ms). The rows are
            // the same (a descendant reached by two paths now comes once) and sorted by code; the
            // choice below keeps a code and its display, so it does not depend on row order within
            // one code.
            for (cat, match) in categoryMatches where match > 0.5 {
                try children.bind([.int(icd), .text(cat.code)])
                var best: (code: String, display: String, required: Int)? = nil
                while try children.step() {
                    let code = children.text(0)
                    // Fewest required words; among 7th-character codes the initial encounter (A).
                    let n = ICDRanking.titleWords(children.text(2), code: code).required.count * 2
                        + (ICDRanking.isSeventhCharacterCode(code) && !code.hasSuffix("A") ? 1 : 0)
                    if best == nil || n < best!.required { best = (code, children.text(1), n) }
                }
                children.reset()
                if let b = best, (inherited[b.code]?.0 ?? 0) < match { inherited[b.code] = (match * 0.99, b.display) }
            }
            for (code, value) in inherited.sorted(by: { $0.key < $1.key }) where !seen.contains(code) {
                seen.insert(code)
                list.append(Candidate(code: code, display: value.1, billable: true, variants: [], bonus: candidates[code] ?? 0))
            }
            for c in list {
                var best = inherited[c.code]?.0 ?? 0.0
                for v in c.variants { best = max(best, match(v, residual: true)) }
                // Categories and subcategories (not billable) rank below the codes under them.
                // The note names a side and this code has none: a sided sibling fits better.
                if !queryLaterality.isEmpty {
                    let sides = c.variants.isEmpty
                        ? Set(ICDRanking.words(normalizer.normalizedTerm(c.display)).required)
                        : Set(c.variants.flatMap { $0.required + $0.optional })
                    if sides.isDisjoint(with: ICDRanking.laterality) { best *= 0.85 }
                }
                let initial = ICDRanking.isSeventhCharacterCode(c.code) && c.code.hasSuffix("A") ? 0.01 : 0
                if bareMention && c.bonus >= 0.08 { best = max(best, 0.95) }
                let score = min(1, 0.87 * best * (c.billable ? 1 : 0.9) + c.bonus + (c.billable ? 0.03 : 0) + initial)
                scored.append((ConceptCode(system: .icd10CM, code: c.code, display: c.display, score: Float((score * 10000).rounded() / 10000)), c.billable))
            }
            // Laterality: when the note names a side, a linked code that names none ("nuclear
            // cataract, unspecified eye") gives its place to its sibling that names that side
            // ("L mild nuclear sclerosis" → H25.12): same code but for the last character.
            if !queryLaterality.isEmpty {
                for (li, l) in scored.enumerated() where linked.contains(l.0.code) {
                    let title = l.0.display.lowercased()
                    guard !ICDRanking.laterality.contains(where: { title.contains($0) }) else { continue }
                    let stem = l.0.code.dropLast()
                    for si in scored.indices where si != li {
                        let c = scored[si].0
                        // The sibling in the last character, or a code of the subcategory whose title is
                        // the same but for the side ("..., unspecified eye, stage unspecified" →
                        // "..., right eye, stage unspecified").
                        guard c.code.count == l.0.code.count,
                              c.code.dropLast() == stem || c.code.hasPrefix(l.0.code.dropLast(2)) && ICDRanking.sameButSide(c.display, l.0.display) else { continue }
                        let t = c.display.lowercased()
                        let words = Set(t.split(whereSeparator: { !$0.isLetter }).map(String.init))
                        guard queryLaterality.isSubset(of: words), words.intersection(ICDRanking.laterality) == queryLaterality else { continue }
                        if scored[si].0.score <= l.0.score { scored[si].0.score = min(1, l.0.score + 0.0001) }
                    }
                }
            }
            scored.sort { a, b in
                if a.0.score != b.0.score { return a.0.score > b.0.score }
                if a.1 != b.1 { return a.1 }
                return a.0.code < b.0.code
            }
            return scored.prefix(Self.rankedICDKept).map(\.0)
        }
    }

    /// How many ranked ICD-10-CM candidates are kept per query (the largest `limit` asked for).
    static let rankedICDKept = 16

    /// The title, billable flag and the words of every description, inclusion and synonym term
    /// of one ICD-10-CM code (nil when the table has no such code), memoized per code.
    func titleWords(of code: String, system icd: Int64, in db: SQLiteDatabase) throws(TerminologyError) -> ICDTitleWords? {
        if let memo = memoizedTitleWords(code) { return memo }
        let stmt = try db.cached("""
            SELECT c.display, coalesce(c.billable, 0), t.norm, t.type FROM concept c JOIN term t ON t.concept = c.id
            WHERE c.system = ? AND c.code = ? AND t.type IN (\(TermType.description.rawValue), \(TermType.inclusion.rawValue), \(TermType.synonym.rawValue))
            ORDER BY t.id
            """)
        try stmt.bind([.int(icd), .text(code)])
        var words: ICDTitleWords? = nil
        while try stmt.step() {
            if words == nil { words = ICDTitleWords(display: stmt.text(0), billable: stmt.int(1) != 0, variants: []) }
            let w = ICDRanking.titleWords(stmt.text(2), code: code)
            words!.variants.append(.init(required: w.required, optional: w.optional, weight: stmt.int(3) == TermType.inclusion.rawValue ? 0.95 : 1.0))
        }
        stmt.reset()
        memoizeTitleWords(code, words)
        return words
    }

    /// Ranked SNOMED CT concepts for a mention (Comprehend Medical's `SNOMEDCTConcepts`):
    /// codes linked to the matched concepts first (score 1 for the first, then 0.9...), then,
    /// when a SNOMED CT release is imported, concepts whose terms equal the mention (0.95 for a
    /// preferred term, 0.85 for a synonym).
    public func snomedCandidates(for query: MentionQuery, limit: Int = 5) throws(TerminologyError) -> [ConceptCode] {
        try codesFromLinksAndTerms(query, system: .snomedCT, limit: limit)
    }

    /// Ranked RxNorm concepts for a medication mention (Comprehend Medical's `RxNormConcepts`).
    /// With an RxNorm release imported and strength/form words in the context, clinical and
    /// branded drugs (SCD, SBD, packs) containing the ingredient are ranked by how many of those
    /// words their names contain (a full strength + form match scores above the ingredient);
    /// otherwise the ingredient or brand codes linked to the matched concepts.
    public func rxNormCandidates(for query: MentionQuery, limit: Int = 5) throws(TerminologyError) -> [ConceptCode] {
        var base = try codesFromLinksAndTerms(query, system: .rxNorm, limit: limit)
        let contextWords = query.context.flatMap { ICDRanking.words(normalizer.normalizedTerm($0)).required }
        guard !contextWords.isEmpty, !base.isEmpty else { return base }
        let products: [ConceptCode] = try withDatabase { db throws(TerminologyError) -> [ConceptCode] in
            guard let rx = try db.scalarInt("SELECT id FROM code_system WHERE uri = ?", [.text(CodeSystem.rxNorm.uri)]) else { return [] }
            var out: [(ConceptCode, Double)] = []
            let stmt = try db.cached("""
                SELECT code, display FROM concept WHERE system = ?1 AND category IN ('SCD', 'SBD', 'GPCK', 'BPCK') AND active = 1
                  AND lower(display) LIKE '%' || lower(?2) || '%' ORDER BY CAST(code AS INTEGER) LIMIT 2000
                """)
            for ingredient in base.prefix(2) {
                try stmt.bind([.int(rx), .text(ingredient.display)])
                while try stmt.step() {
                    let words = Set(ICDRanking.words(normalizer.normalizedTerm(stmt.text(1))).required)
                    let hits = contextWords.filter { words.contains($0) }.count
                    guard hits > 0 else { continue }
                    let score = 0.6 + 0.4 * Double(hits) / Double(contextWords.count)
                    out.append((ConceptCode(system: .rxNorm, code: stmt.text(0), display: stmt.text(1), score: Float((score * 10000).rounded() / 10000)), score))
                }
                stmt.reset()
            }
            out.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.code < $1.0.code }
            return out.map(\.0)
        }
        base = base.map { var c = $0; c.score = min(c.score, 0.8); return c }
        var merged: [ConceptCode] = []
        for c in (products + base).sorted(by: { $0.score > $1.score }) where !merged.contains(where: { $0.code == c.code }) { merged.append(c) }
        return Array(merged.prefix(limit))
    }

    private func codesFromLinksAndTerms(_ query: MentionQuery, system: CodeSystem, limit: Int) throws(TerminologyError) -> [ConceptCode] {
        var ids = query.conceptIDs
        if ids.isEmpty { ids = try conceptIDs(matching: query.text) }
        let details = try concepts(ids: ids)
        var out: [ConceptCode] = []
        var next: Float = 1
        for id in ids {
            guard let d = details[id] else { continue }
            for var c in d.codes(in: system) where !out.contains(where: { $0.code == c.code }) {
                c.score = next
                next = max(0.5, next - 0.1)
                out.append(c)
            }
        }
        // Direct term matches in the imported release.
        let norm = normalizer.normalizedTerm(query.text)
        let direct: [ConceptCode] = try withDatabase { db throws(TerminologyError) -> [ConceptCode] in
            let stmt = try db.cached("""
                SELECT c.code, c.display, min(t.type) FROM term t JOIN concept c ON c.id = t.concept JOIN code_system s ON s.id = c.system
                WHERE t.norm = ? AND s.uri = ? AND c.active = 1 AND t.type != \(TermType.fullySpecifiedName.rawValue)
                GROUP BY c.id ORDER BY min(t.type), c.code LIMIT 20
                """)
            try stmt.bind([.text(norm), .text(system.uri)])
            var r: [ConceptCode] = []
            while try stmt.step() {
                r.append(ConceptCode(system: system, code: stmt.text(0), display: stmt.text(1), score: stmt.int(2) == TermType.preferred.rawValue ? 0.95 : 0.85))
            }
            stmt.reset()
            return r
        }
        for c in direct where !out.contains(where: { $0.code == c.code }) { out.append(c) }
        out.sort { $0.score > $1.score }
        return Array(out.prefix(limit))
    }
}

/// One ICD-10-CM code as the ranking reads it: its title, whether it is billable, and the
/// required and optional words of each of its terms (inclusion terms weigh a little less).
struct ICDTitleWords: Sendable {
    struct Variant: Sendable {
        var required: [String]
        var optional: [String]
        var weight: Double
    }
    var display: String
    var billable: Bool
    var variants: [Variant]
}
