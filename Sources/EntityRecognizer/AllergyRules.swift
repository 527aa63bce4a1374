public import MedTextCore

extension Recognizer {
    /// Allergy statements (gold guideline §7): a medication or drug class named as an allergen
    /// is not a medication but a BEHAVIORAL_ENVIRONMENTAL_SOCIAL / ALLERGIES entity. An allergen
    /// is a medication inside an Allergies section, or in the same sentence as an allergy cue
    /// before it ("allergic to penicillin", "Allergies: penicillin, codeine") or right after it
    /// ("penicillin allergy"). The heading word in "Allergies: nil" is itself the (negated)
    /// ALLERGIES entity. An allergy list that has begun ends at a blank line: `Allergies:
    /// lisinopril (angioedema)` followed by an empty line and a medication table or list leaves
    /// the table's drugs medications (the sectioner keeps the section to the next known heading).
    func applyAllergyRules(
        _ entities: inout [Entity], ranges: inout [Range<Int>], content c: Content, doc: AnnotatedDocument,
        bytes p: UnsafeBufferPointer<UInt8>, sentences: [Range<Int>], sentenceOf: [Int]
    ) {
        var previousAllergen: Int? = nil  // content index where the last allergen ended
        for (n, r) in ranges.enumerated() where entities[n].category == .medication {
            let s = sentences.isEmpty ? 0..<c.lexKeys.count : sentences[sentenceOf[r.lowerBound]]
            // A drug named as tolerated ("tolerated cefazolin", "(tolerates hydromorphone)") is
            // taken, not an allergen, even inside an allergy statement.
            if (max(s.lowerBound, r.lowerBound - 2)..<r.lowerBound).contains(where: { words.toleranceCues.contains(c.lexKeys[$0]) }) {
                continue
            }
            var allergen = false
            if let section = doc.section(containing: entities[n].span.start), section.type == .allergies {
                let headerEnd = section.headerSpan?.end ?? section.span.start
                allergen = !startsLabelledLine(before: r.lowerBound, after: headerEnd, content: c, doc: doc)
                    && !listEnded(before: r.lowerBound, after: headerEnd, content: c, doc: doc)
            }
            if !allergen {
                // A cue a few tokens before ("allergic to penicillin", "Allergies: penicillin"),
                // in the same clause: a semicolon or a closing parenthesis ends the statement
                // ("Spironolactone not used (ADR); eplerenone can be considered").
                var k = r.lowerBound - 1
                while k >= max(s.lowerBound, r.lowerBound - 5) {
                    if c.lexKeys[k] == words.semicolon || c.lexKeys[k] == words.closeParen { break }
                    if words.allergyCues.contains(c.lexKeys[k]) && !namesOtherCondition(k, entities: entities, ranges: ranges, content: c) {
                        allergen = true
                        break
                    }
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
        // "Allergies: nil" / "Allergy: none known": the heading word carries the statement. When
        // the statement is an entity of its own ("Allergies: NKDA", "Allergies: No known drug
        // allergies"), that entity is the (negated) ALLERGIES and the heading is not annotated
        // again (gold guideline §7).
        var added: [(Entity, Range<Int>)] = []
        for k in 0..<c.lexKeys.count where words.allergyHeadings.contains(c.lexKeys[k]) {
            guard k + 2 < c.lexKeys.count, c.lexKeys[k + 1] == words.colon, words.nilWords.contains(c.lexKeys[k + 2]) else { continue }
            if ranges.contains(where: { $0.contains(k) }) { continue }
            // "Allergies/ADRs: nil": the statement's heading is the first of the pair.
            let head = k >= 2 && c.lexKeys[k - 1] == words.slash && words.allergyHeadings.contains(c.lexKeys[k - 2])
                && !ranges.contains(where: { $0.contains(k - 2) }) ? k - 2 : k
            if ranges.indices.contains(where: { i in
                entities[i].type == .allergies && ranges[i].lowerBound >= k + 2 && ranges[i].lowerBound <= k + 4
                    && !(k + 2..<ranges[i].lowerBound).contains(where: { c.lineEnd[$0] })
            }) { continue }
            let span = doc.tokens[c.tokenIndex[head]].span
            // The nil word after the colon states that there are none: NEGATION whatever
            // follows it ("Allergies: None.", "ALLERGIES: NIL", "Allergies: none known").
            added.append((Entity(
                category: .behavioralEnvironmentalSocial, type: .allergies, span: span, score: 0.85, traits: .negation,
                evidence: [Evidence(subject: "match", ruleID: "rule:allergy-heading"),
                           Evidence(subject: "NEGATION", ruleID: "rule:allergy-heading", trigger: doc.tokens[c.tokenIndex[k + 2]].span)]),
                head..<(head + 1)))
        }
        guard !added.isEmpty else { return }
        var all = Array(zip(entities, ranges)) + added
        all.sort { $0.1.lowerBound < $1.1.lowerBound }
        entities = all.map(\.0)
        ranges = all.map(\.1)
    }

    /// Whether the allergy cue at content token `k` is inside a longer condition name: one that
    /// is not an allergy at all ("allergic rhinitis": a drug written after "cetirizine for allergic
    /// rhinitis," is taken) or one that already names its allergen ("peanut allergy - EpiPen
    /// refilled"). A reaction followed by its agent still counts ("allergic reaction to
    /// penicillin", "drug allergy: penicillin").
    func namesOtherCondition(_ k: Int, entities: [Entity], ranges: [Range<Int>], content c: Content) -> Bool {
        guard let i = ranges.firstIndex(where: { $0.contains(k) }), entities[i].category == .medicalCondition else { return false }
        let r = ranges[i]
        guard r.count > 1 else { return false }
        return !(r.upperBound < c.lexKeys.count && (c.lexKeys[r.upperBound] == words.to || c.lexKeys[r.upperBound] == words.colon))
    }

    /// Whether the allergy list that starts after `headerEnd` has ended before content token `k`:
    /// a blank line lies between (the list was a paragraph: "Allergies: lisinopril (angioedema).",
    /// blank line, then a medication table), or `k`'s line is a table row ("| Entresto 24-26 mg |").
    func listEnded(before k: Int, after headerEnd: Int, content c: Content, doc: AnnotatedDocument) -> Bool {
        var start = k
        while start > 0, !c.lineEnd[start - 1] { start -= 1 }
        if doc.document.text(in: doc.tokens[c.tokenIndex[start]].span) == "|" { return true }
        var j = start - 1
        while j >= 0, doc.tokens[c.tokenIndex[j]].span.end > headerEnd {
            if c.lineEnd[j] {
                let gap = doc.document.text(in: TextSpan(doc.tokens[c.tokenIndex[j]].span.end, doc.tokens[c.tokenIndex[j + 1]].span.start))
                if gap.utf8.count(where: { $0 == 0x0A }) >= 2 { return true }
            }
            j -= 1
        }
        return false
    }

    /// Whether a line after the Allergies heading's line and up to content token `k` opens
    /// with a label of its own ("Vaccines: ...", "Issues for PCP: (1) fish oil ..."; on `k`'s
    /// line, before `k`): a heading the sectioner does not know, which ends the allergy list.
    /// A label that heads another allergy list ("ADRs: ...") keeps it; so does a line whose
    /// label is the allergen itself ("Codeine: nausea": `k` is before the colon).
    func startsLabelledLine(before k: Int, after headerEnd: Int, content c: Content, doc: AnnotatedDocument) -> Bool {
        var end = k  // the labelled part of the line being examined ends before `end`
        var start = k
        while true {
            while start > 0, !c.lineEnd[start - 1] { start -= 1 }
            guard doc.tokens[c.tokenIndex[start]].span.start >= headerEnd else { return false }
            if !words.allergyHeadings.contains(c.lexKeys[start]) {
                var j = start
                while j < end, j < start + 5 {
                    if c.lexKeys[j] == words.colon {
                        if j > start { return true }
                        break
                    }
                    guard doc.tokens[c.tokenIndex[j]].kind == .word else { break }
                    j += 1
                }
            }
            guard start > 0 else { return false }
            start -= 1
            end = start + 1
        }
    }
}

extension Recognizer {
    /// A negated allergy condition is a negated allergy statement (gold guideline §7, §8): "No
    /// latex allergy", "nil drug allergies", "denies food allergies" state that the patient has no
    /// allergy, which Comprehend Medical reports as BEHAVIORAL_ENVIRONMENTAL_SOCIAL / ALLERGIES
    /// with NEGATION, not as an absent disease. The entity is a condition of two or more tokens
    /// ending in an allergy noun (word class `allergy_headings`) that ConText negated; its span
    /// becomes the allergen before the noun ("No [latex] allergy"), or stays whole when the words
    /// before it name a class of allergens (word class `allergy_classes`: "No [drug allergies]").
    /// An affirmed allergy condition ("peanut allergy") stays a condition, as the gold has it.
    func negatedAllergyStatements(_ entities: inout [Entity], ranges: inout [Range<Int>], content c: Content, doc: AnnotatedDocument) {
        for i in entities.indices where entities[i].category == .medicalCondition && entities[i].traits.contains(.negation) {
            let r = ranges[i]
            guard r.count >= 2, words.allergyHeadings.contains(c.lexKeys[r.upperBound - 1]) else { continue }
            let allergen = r.lowerBound..<(r.upperBound - 1)
            let isClass = allergen.contains { words.allergyClasses.contains(c.lexKeys[$0]) }
            if !isClass {
                ranges[i] = allergen
                entities[i].span = span(allergen, c, doc)
            }
            entities[i].category = .behavioralEnvironmentalSocial
            entities[i].type = .allergies
            entities[i].traits.subtract([.sign, .symptom, .diagnosis])
            entities[i].attributes = []
            entities[i].evidence.append(Evidence(subject: "ALLERGIES", ruleID: "rule:negated-allergy"))
        }
    }
}
