public import MedTextCore

extension Recognizer {
    /// Attaches qualifiers to the entities they qualify (gold guideline rules C1–C2, A1):
    /// - a DIRECTION right before a condition, site, test or procedure becomes its DIRECTION
    ///   attribute; an unattached DIRECTION is dropped;
    /// - a site right before a condition ("right lower lobe pneumonia"), or after it behind a
    ///   preposition ("pain in the left knee"), or earlier in the same clause of a finding
    ///   ("Abdomen soft, non-tender") becomes the condition's SYSTEM_ORGAN_SITE attribute, with
    ///   its own DIRECTION; a site written as a heading ("Chest: crackles") stays an entity;
    /// - an acuity word right before a condition becomes its ACUITY attribute.
    /// Works on lexicon entities in text order with their content-token ranges; returns the
    /// surviving entities and ranges.
    func attachQualifiers(
        _ ents: inout [Entity], ranges: inout [Range<Int>], content c: Content, doc: AnnotatedDocument,
        sentenceOf: [Int]
    ) {
        // In place: the caller's array is not copied (each entity holds several arrays).
        var removed = [Bool](repeating: false, count: ents.count)
        let n = ents.count
        func adjacent(_ a: Int, _ b: Int) -> Bool { ranges[a].upperBound == ranges[b].lowerBound }
        func isSite(_ i: Int) -> Bool { ents[i].category == .anatomy && ents[i].type == .systemOrganSite }
        func isDirection(_ i: Int) -> Bool { ents[i].type == .direction }
        func qualifiable(_ i: Int) -> Bool {
            ents[i].category == .medicalCondition || ents[i].category == .testTreatmentProcedure || isSite(i)
        }
        func attribute(from i: Int, _ type: EntityType, _ rel: RelationshipType) -> Attribute {
            Attribute(type: type, category: ents[i].category == .medicalCondition ? .medicalCondition : .anatomy,
                      span: ents[i].span, score: ents[i].score, relationshipType: rel, relationshipScore: 0.85)
        }
        // 1. Acuity words (matched as DX_NAME? no: they are in the acuity list) are handled in
        //    `acuityAttributes`; here directions and sites.
        for i in 0..<n where isDirection(i) {
            removed[i] = true
            if i + 1 < n, adjacent(i, i + 1), qualifiable(i + 1) {
                ents[i + 1].attributes.append(attribute(from: i, .direction, .direction))
            } else if i + 1 < n, ents[i + 1].category == .medicalCondition, ranges[i].upperBound + 1 == ranges[i + 1].lowerBound,
                      words.severity.contains(c.lexKeys[ranges[i].upperBound])
            {
                // A severity word between the side and the condition: "L mild nuclear
                // sclerosis", "Right moderate NPDR".
                ents[i + 1].attributes.append(attribute(from: i, .direction, .direction))
            } else if i > 0, adjacent(i - 1, i), ents[i - 1].category == .medicalCondition, !isDirection(i - 1),
                      !c.lineEnd[ranges[i - 1].upperBound - 1]
            {
                // Post-posed side: "Colles fracture left", "otitis media right".
                ents[i - 1].attributes.append(attribute(from: i, .direction, .direction))
            }
        }
        for i in 0..<n where isSite(i) && !removed[i] {
            let end = ranges[i].upperBound
            // A1: a heading ("Chest:") stays an entity.
            if end < c.lexKeys.count, c.lexKeys[end] == words.colon { continue }
            var target: Int? = nil
            if i + 1 < n, !removed[i + 1], adjacent(i, i + 1), ents[i + 1].category == .medicalCondition {
                target = i + 1
            } else if let prev = (0..<i).last(where: { !removed[$0] }), ents[prev].category == .medicalCondition,
                      sentenceOf[ranges[prev].lowerBound] == sentenceOf[ranges[i].lowerBound]
            {
                // "pain in the (left) knee": up to 3 linking words between, the first a preposition.
                // "cellulitis lt lower leg", "skin tear R forearm", "OA both knees": the site
                // right after the condition on the same line, only sides between.
                let gap = ranges[prev].upperBound..<ranges[i].lowerBound
                // The closure captures only what it reads: capturing `self` (for `words`) copied the whole
                // recognizer into its context (a retain and release per stored table) for every site checked.
                let rangesNow = ranges, entsNow = ents, siteFillers = words.siteFillers, lexKeys = c.lexKeys
                let linking: (Int) -> Bool = { siteFillers.contains(lexKeys[$0]) || Self.isDirectionToken($0, ranges: rangesNow, ents: entsNow) }
                if (1...3).contains(gap.count), words.sitePrepositions.contains(c.lexKeys[gap.lowerBound]),
                   gap.dropFirst().allSatisfy(linking)
                {
                    target = prev
                } else if gap.count <= 2, gap.allSatisfy(linking), !(ranges[prev].upperBound - 1..<ranges[i].lowerBound).contains(where: { c.lineEnd[$0] }) {
                    target = prev
                } else if (1...3).contains(gap.count), c.lexKeys[gap.lowerBound] == words.comma, gap.dropFirst().allSatisfy(linking),
                          !(ranges[prev].upperBound - 1..<ranges[i].lowerBound).contains(where: { c.lineEnd[$0] }),
                          end >= c.lexKeys.count || c.lineEnd[end - 1] || words.phraseEnd.contains(c.lexKeys[end])
                {
                    // An appositive site and side: "otitis media, right ear, with viral URI",
                    // "fracture, left wrist." (the site closes the phrase).
                    target = prev
                }
            }
            if target == nil, i + 1 < n, !removed[i + 1], ents[i + 1].category == .medicalCondition,
               sentenceOf[ranges[i + 1].lowerBound] == sentenceOf[ranges[i].lowerBound],
               ranges[i + 1].lowerBound - end <= 3,
               !(end..<ranges[i + 1].lowerBound).contains(where: { c.lexKeys[$0] == words.colon })
            {
                target = i + 1  // "Abdomen soft, non-tender"
            }
            guard let t = target else { continue }
            var a = attribute(from: i, .systemOrganSite, .systemOrganSite)
            a.category = .anatomy
            ents[t].attributes.append(a)
            // The site's own direction goes to the condition too ("left knee pain").
            for d in ents[i].attributes where d.type == .direction {
                ents[t].attributes.append(d)
            }
            removed[i] = true
        }
        for i in 0..<n where !removed[i] && ents[i].attributes.count > 1 { ents[i].attributes.sort { $0.span < $1.span } }
        if removed.contains(true) {
            var k = 0
            ents.removeAll { _ in defer { k += 1 }; return removed[k] }
            k = 0
            ranges.removeAll { _ in defer { k += 1 }; return removed[k] }
        }
    }

    private static func isDirectionToken(_ k: Int, ranges: [Range<Int>], ents: [Entity]) -> Bool {
        for (i, r) in ranges.enumerated() where r.contains(k) { return ents[i].type == .direction }
        return false
    }

    /// ACUITY attributes: "acute", "chronic", "acute on chronic", "subacute"... right before a
    /// condition (when not already part of the condition's own term).
    func acuityAttributes(_ entities: inout [Entity], ranges: [Range<Int>], content c: Content, doc: AnnotatedDocument) {
        for (i, r) in ranges.enumerated() where entities[i].category == .medicalCondition && r.lowerBound > 0 {
            var k = r.lowerBound
            while k > 0 && words.acuity.contains(c.lexKeys[k - 1]) { k -= 1 }
            // "acute on chronic"
            if k >= 2, c.lexKeys[k - 1] == words.on, words.acuity.contains(c.lexKeys[k - 2]) { k -= 2; while k > 0 && words.acuity.contains(c.lexKeys[k - 1]) { k -= 1 } }
            guard k < r.lowerBound else { continue }
            if i > 0 && ranges[i - 1].upperBound > k { continue }
            let span = TextSpan(doc.tokens[c.tokenIndex[k]].span.start, doc.tokens[c.tokenIndex[r.lowerBound - 1]].span.end)
            entities[i].attributes.append(Attribute(
                type: .acuity, category: .medicalCondition, span: span, score: 0.9, relationshipType: .acuity, relationshipScore: 0.9))
            entities[i].attributes.sort { $0.span < $1.span }
        }
    }
}
