public import MedTextCore

/// Where a body-site word is not an ANATOMY entity of its own (GUIDELINE §4, G2: a word is in at
/// most one span, and ANATOMY is a body site that qualifies no condition, test or procedure).
extension Recognizer {
    /// An imaging test and the site written with it as a compound are one TEST_NAME (GUIDELINE §5):
    /// a site right after a test whose last word is an imaging word (`imaging_modalities`), with
    /// further sites joined by `site_joins` (`[CT abdo/pelvis]`, `[XR hands and feet]`, `[US abdo]`,
    /// `[MRI brain]`), or a site right before a test whose first word is one (`[Hand x-rays]`,
    /// `[brain imaging]`). The site entities go; the test keeps its concept. A direction between the
    /// two keeps them apart (`XRAY LEFT WRIST`: the test is the modality, the direction and site are
    /// its attributes), and so does a line end.
    /// - Complexity: O(entities + tokens), and nothing at all for notes without both a test and a site.
    func imagingSiteCompounds(_ entities: inout [Entity], ranges: inout [Range<Int>], content c: Content, doc: AnnotatedDocument) {
        guard entities.contains(where: { $0.type == .testName }),
              entities.contains(where: { $0.category == .anatomy && $0.type == .systemOrganSite })
        else { return }
        let keys = c.lexKeys
        let owner = Self.tokenOwners(ranges, count: keys.count)
        func isSite(_ m: Int) -> Bool { entities[m].category == .anatomy && entities[m].type == .systemOrganSite }
        /// The site entity starting at content index `k`, or nil.
        func site(startingAt k: Int) -> Int? {
            guard k < keys.count, owner[k] >= 0, ranges[owner[k]].lowerBound == k, isSite(owner[k]) else { return nil }
            return owner[k]
        }
        var absorbed: [Int] = []
        for n in entities.indices where entities[n].type == .testName && !ranges[n].isEmpty {
            var r = ranges[n]
            if words.imagingModalities.contains(keys[r.upperBound - 1]), !c.lineEnd[r.upperBound - 1],
               let s = site(startingAt: r.upperBound)
            {
                r = r.lowerBound..<ranges[s].upperBound
                absorbed.append(s)
                while r.upperBound + 1 < keys.count, !c.lineEnd[r.upperBound - 1], !c.lineEnd[r.upperBound],
                      words.siteJoins.contains(keys[r.upperBound]), let s2 = site(startingAt: r.upperBound + 1)
                {
                    r = r.lowerBound..<ranges[s2].upperBound
                    absorbed.append(s2)
                }
            } else if words.imagingModalities.contains(keys[r.lowerBound]), r.lowerBound > 0, !c.lineEnd[r.lowerBound - 1],
                      owner[r.lowerBound - 1] >= 0, isSite(owner[r.lowerBound - 1]),
                      ranges[owner[r.lowerBound - 1]].upperBound == r.lowerBound
            {
                let s = owner[r.lowerBound - 1]
                r = ranges[s].lowerBound..<r.upperBound
                absorbed.append(s)
            }
            if r == ranges[n], words.imagingModalities.contains(keys[r.upperBound - 1]),
               let s = siteAfterImaging(r.upperBound, owner: owner, entities: entities, ranges: ranges, content: c, doc: doc)
            {
                // "XRAY LEFT WRIST", "MRI L knee", "ultrasound of the left kidney": the side and the site
                // are the test's attributes (GUIDELINE §5).
                entities[n].attributes.append(Attribute(
                    type: .systemOrganSite, category: .anatomy, span: entities[s].span, score: entities[s].score,
                    relationshipType: .systemOrganSite, relationshipScore: 0.85))
                entities[n].attributes.append(contentsOf: entities[s].attributes.filter { $0.type == .direction })
                entities[n].attributes.sort { $0.span < $1.span }
                absorbed.append(s)
            }
            if r != ranges[n] {
                ranges[n] = r
                entities[n].span = span(r, c, doc)
                entities[n].evidence.append(Evidence(subject: "rule", ruleID: "imaging-site-compound"))
            }
        }
        guard !absorbed.isEmpty else { return }
        for m in Set(absorbed).sorted(by: >) {
            entities.remove(at: m)
            ranges.remove(at: m)
        }
    }

    /// The site entity that an imaging test at content index `end` is taken of, with only "of", a
    /// determiner and the site's own side between (`XRAY [LEFT] [WRIST]`, `MRI [L] [knee]`,
    /// `ultrasound of the [left] [kidney]`), on the test's line; nil otherwise.
    private func siteAfterImaging(
        _ end: Int, owner: [Int], entities: [Entity], ranges: [Range<Int>], content c: Content, doc: AnnotatedDocument
    ) -> Int? {
        let keys = c.lexKeys
        guard end < keys.count, !c.lineEnd[end - 1] else { return nil }
        var j = end
        if keys[j] == words.of {
            j += 1
            if j < keys.count, words.siteFillers.contains(keys[j]) { j += 1 }
        }
        var k = j
        while k < keys.count, k < j + 3 {
            if owner[k] >= 0 {
                let s = owner[k]
                guard entities[s].category == .anatomy, entities[s].type == .systemOrganSite, ranges[s].lowerBound == k else { return nil }
                // Only the site's own direction words between.
                let sides = entities[s].attributes.filter { $0.type == .direction }.map(\.span)
                let tokensBetween = j..<k
                let allSides = tokensBetween.allSatisfy { t in
                    let sp = span(t..<(t + 1), c, doc)
                    return sides.contains { $0.start <= sp.start && sp.end <= $0.end }
                }
                return allSides ? s : nil
            }
            if c.lineEnd[k] { return nil }
            k += 1
        }
        return nil
    }

    /// Site entities that are read otherwise, as a mask (true: keep). A site inside a medication's
    /// signature attribute is its route or form (`by [mouth]`, `[both eyes]`, `Xalatan [eye] drops`,
    /// `each [nostril]`: GUIDELINE §2 ROUTE_OR_MODE and FORM); a site right before a word of
    /// `site_compound_heads` modifies that noun (`good [eye] contact`, `[bone] health`, `[mouth]
    /// care`, `[hand] washing`, `[knee] flexion 85 degrees`) and names no body site the note is about.
    /// - Complexity: O(entities × attributes of the medications) for the signature check, nothing
    ///   for notes without a site entity.
    func siteEntitiesKept(_ entities: [Entity], ranges: [Range<Int>], content c: Content) -> [Bool]? {
        guard entities.contains(where: { $0.category == .anatomy }) else { return nil }
        let keys = c.lexKeys
        var sigSpans: [TextSpan] = []
        for e in entities where e.category == .medication {
            for a in e.attributes { sigSpans.append(a.span) }
        }
        var keep = [Bool](repeating: true, count: entities.count)
        var dropped = false
        for n in entities.indices where entities[n].category == .anatomy && n < ranges.count && !ranges[n].isEmpty {
            let s = entities[n].span
            let k = ranges[n].upperBound
            if sigSpans.contains(where: { $0.overlaps(s) })
                || (k < keys.count && !c.lineEnd[k - 1] && words.siteCompoundHeads.contains(keys[k]))
            {
                keep[n] = false
                dropped = true
            }
        }
        return dropped ? keep : nil
    }
}

extension Recognizer {
    /// A heading that names a body system or region is an ANATOMY site (GUIDELINE §4 Rule A1):
    /// `CVS:`, `Resp:`, `GI:`, `Neuro:`, `MSK:`, `HEENT:`, `Ext:` label examination and
    /// systems-review findings by the part of the body examined, like `Chest:` and `Abdo:`. A word
    /// of class `body_system_headings` becomes a SYSTEM_ORGAN_SITE entity when it is written as a
    /// heading: right before a colon, at the start of a line (after a bullet) or of a clause (after
    /// `.`, `,`, `;`), with no entity of its own already (the lexicon's sites keep theirs; the
    /// body-system abbreviations are `NONE` senses elsewhere: `CVS exam`, `resp distress`). A number
    /// right after the colon makes the word the label of a vital sign (`Pulse: 80, Resp: 18`), not
    /// a heading. Headings that name no part of the body (`General:`, `Psych:`, `Constitutional:`)
    /// are not in the class. The new entities keep text order in `entities` and `ranges`.
    /// - Complexity: O(tokens) compares, and an insertion per heading found.
    func bodySystemHeadings(_ entities: inout [Entity], ranges: inout [Range<Int>], content c: Content, doc: AnnotatedDocument) {
        let keys = c.lexKeys
        guard keys.count >= 2 else { return }
        var found: [Int] = []
        for k in 0..<(keys.count - 1) where keys[k + 1] == words.colon && words.bodySystemHeadings.contains(keys[k]) {
            let lineStart = k == 0 || c.lineEnd[k - 1]
                || (words.bullets.contains(keys[k - 1]) && (k == 1 || c.lineEnd[k - 2]))
            let clauseStart = k > 0 && !c.lineEnd[k - 1] && words.phraseEnd.contains(keys[k - 1])
            guard lineStart || clauseStart, !c.lineEnd[k] else { continue }
            if k + 2 < keys.count, !c.lineEnd[k + 1], doc.tokens[c.tokenIndex[k + 2]].kind == .number { continue }
            found.append(k)
        }
        guard !found.isEmpty else { return }
        for k in found {
            // Text order: the first entity that does not end at or before the heading.
            let at = ranges.firstIndex { $0.upperBound > k } ?? ranges.count
            if at < ranges.count, ranges[at].lowerBound <= k { continue }  // already an entity
            ranges.insert(k..<(k + 1), at: at)
            entities.insert(Entity(
                category: .anatomy, type: .systemOrganSite, span: span(k..<(k + 1), c, doc), score: 0.8, traits: [],
                evidence: [Evidence(subject: "match", ruleID: "rule:body-system-heading")]), at: at)
        }
    }
}
