public import MedTextCore

extension Recognizer {
    /// TIME_EXPRESSION entities (gold guideline §6): phrases of `context/time_expressions.tsv`
    /// outside other entities and outside medication signatures, and years after "in", "since",
    /// "from" or "until" ("in 2019" → 2019), after "(" or right after the entity they date
    /// ("wrist fracture 2019"), and month names after an event word (`month_lead`: "in January",
    /// "received October", "ceased March"), after "(" or right after the entity they date (the
    /// month of a plan, "next due Feb", has no lead). Leftmost-longest, never overlapping.
    func timeExpressions(
        entities: [Entity], ranges: [Range<Int>], content c: Content, doc: AnnotatedDocument, bytes p: UnsafeBufferPointer<UInt8>
    ) -> [FoundTime] {
        var taken = [Bool](repeating: false, count: c.lexKeys.count)
        for r in ranges { for k in r { taken[k] = true } }
        // Medication attributes (DURATION "5 days") are not time expressions.
        var attributeSpans: [TextSpan] = []
        for n in entities.indices { for a in entities[n].attributes.indices { attributeSpans.append(entities[n].attributes[a].span) } }
        var out: [FoundTime] = []
        /// A one-token time (a year, a month) unless a medication attribute already covers it.
        func addWord(_ k: Int, rule: String) {
            let s = doc.tokens[c.tokenIndex[k]].span
            guard !attributeSpans.contains(where: { $0.overlaps(s) }) else { return }
            out.append(FoundTime(
                entity: Entity(category: .timeExpression, type: .timeExpression, span: s, score: 0.8, evidence: [Evidence(subject: "match", ruleID: rule)]),
                tokens: k..<(k + 1), isDuration: false))
        }
        c.lexKeys.withUnsafeBufferPointer { keys in
            c.ctxKeys.withUnsafeBufferPointer { alts in
                var k = 0
                while k < keys.count {
                    if taken[k] { k += 1; continue }
                    if let m = sigMatch(at: k, kinds: [.time], keys: keys, alternates: alts, limit: keys.count, content: c, doc: doc, bytes: p),
                       !m.tokens.contains(where: { taken[$0] })
                    {
                        let s = span(m.tokens, c, doc)
                        // "time:age" rows ("64 year old") block, never emit; no span crosses a line.
                        let crossesLine = m.tokens.dropLast().contains { c.lineEnd[$0] }
                        let planned = m.term.id == "time:duration"
                            && ((max(0, k - 3)..<k).contains { relationWords.plan.contains(keys[$0]) }
                                || !isEventDuration(m.tokens, content: c, doc: doc, bytes: p))
                        if m.term.id != "time:age", !crossesLine, !planned, !attributeSpans.contains(where: { $0.overlaps(s) }) {
                            out.append(FoundTime(
                                entity: Entity(
                                    category: .timeExpression, type: .timeExpression, span: s, score: 0.85,
                                    evidence: [Evidence(subject: "match", ruleID: "time:" + m.term.id)]),
                                tokens: m.tokens, isDuration: m.term.id == "time:duration"))
                        }
                        k = m.tokens.upperBound
                        continue
                    }
                    // "in 2019", "since 2015".
                    // ... or right after the event it dates ("wrist fracture 2019", "episode 2019").
                    if c.ctxKeys[k] == yearID, k > 0,
                       words.yearLead.contains(keys[k - 1]) || taken[k - 1] || words.yearLeadPunctuation.contains(keys[k - 1]) || keys[k - 1] == words.episode
                    {
                        addWord(k, rule: "time:year")
                    }
                    // A month named as the time of an event: "gout flare in [January]", "ceased [March]",
                    // "flu vaccine received [October]", "(March)", "last [January]".
                    if words.monthNames.contains(keys[k]), k > 0,
                       words.monthLead.contains(keys[k - 1]) || taken[k - 1] || words.yearLeadPunctuation.contains(keys[k - 1])
                    {
                        addWord(k, rule: "time:month")
                    }
                    k += 1
                }
            }
        }
        return out
    }

    /// Whether a bare duration can be the time of an event: its number is a whole number ("38.3
    /// hr" is a temperature then a heart rate), no number follows it ("hr 106"), and it is not
    /// dose timing ("30 min before food").
    func isEventDuration(_ tokens: Range<Int>, content c: Content, doc: AnnotatedDocument, bytes p: UnsafeBufferPointer<UInt8>) -> Bool {
        for k in tokens where doc.tokens[c.tokenIndex[k]].kind == .number {
            let span = doc.tokens[c.tokenIndex[k]].span
            if span.range.contains(where: { p[$0] == UInt8(ascii: ".") }) { return false }
        }
        let after = tokens.upperBound
        guard after < c.lexKeys.count else { return true }
        if doc.tokens[c.tokenIndex[after]].kind == .number { return false }
        if relationWords.doseTiming.contains(c.lexKeys[after]), after + 1 < c.lexKeys.count,
           relationWords.meals.contains(c.lexKeys[after + 1]) || (after + 2 < c.lexKeys.count && relationWords.meals.contains(c.lexKeys[after + 2]))
        {
            return false
        }
        return true
    }
}
