public import MedTextCore

extension Recognizer {
    /// Allergy statements (gold guideline §7): a medication or drug class named as an allergen
    /// is not a medication but a BEHAVIORAL_ENVIRONMENTAL_SOCIAL / ALLERGIES entity. An allergen
    /// is a medication inside an Allergies section, or in the same sentence as an allergy cue
    /// before it ("allergic to penicillin", "Allergies: penicillin, codeine") or right after it
    /// ("penicillin allergy"). The heading word in "Allergies: nil" is itself the (negated)
    /// ALLERGIES entity.
    func applyAllergyRules(
        _ entities: inout [Entity], ranges: inout [Range<Int>], content c: Content, doc: AnnotatedDocument,
        sentences: [Range<Int>], sentenceOf: [Int]
    ) {
        var previousAllergen: Int? = nil  // content index where the last allergen ended
        for (n, r) in ranges.enumerated() where entities[n].category == .medication {
            let s = sentences.isEmpty ? 0..<c.lexKeys.count : sentences[sentenceOf[r.lowerBound]]
            var allergen = doc.section(containing: entities[n].span.start)?.type == .allergies
            if !allergen {
                // A cue a few tokens before ("allergic to penicillin", "Allergies: penicillin").
                var k = r.lowerBound - 1
                while k >= max(s.lowerBound, r.lowerBound - 5) {
                    if words.allergyCues.contains(c.lexKeys[k]) { allergen = true; break }
                    k -= 1
                }
                // Right after ("penicillin allergy").
                if !allergen, r.upperBound < s.upperBound, words.allergyCues.contains(c.lexKeys[r.upperBound]) { allergen = true }
                // A list continuing from an allergen: only list separators between.
                if !allergen, let prev = previousAllergen, prev <= r.lowerBound, prev >= s.lowerBound,
                   (prev..<r.lowerBound).allSatisfy({ words.listSeparators.contains(c.lexKeys[$0]) })
                {
                    allergen = true
                }
            }
            guard allergen else { continue }
            previousAllergen = r.upperBound
            entities[n].category = .behavioralEnvironmentalSocial
            entities[n].type = .allergies
            entities[n].attributes = []
            entities[n].evidence.append(Evidence(subject: "ALLERGIES", ruleID: "rule:allergen"))
        }
        // "Allergies: nil" / "Allergy: none known": the heading word carries the statement.
        var added: [(Entity, Range<Int>)] = []
        for k in 0..<c.lexKeys.count where words.allergyHeadings.contains(c.lexKeys[k]) {
            guard k + 2 < c.lexKeys.count, c.lexKeys[k + 1] == words.colon, words.nilWords.contains(c.lexKeys[k + 2]) else { continue }
            if ranges.contains(where: { $0.contains(k) }) { continue }
            let span = doc.tokens[c.tokenIndex[k]].span
            added.append((Entity(
                category: .behavioralEnvironmentalSocial, type: .allergies, span: span, score: 0.85,
                evidence: [Evidence(subject: "match", ruleID: "rule:allergy-heading")]), k..<(k + 1)))
        }
        guard !added.isEmpty else { return }
        var all = Array(zip(entities, ranges)) + added
        all.sort { $0.1.lowerBound < $1.1.lowerBound }
        entities = all.map(\.0)
        ranges = all.map(\.1)
    }
}
