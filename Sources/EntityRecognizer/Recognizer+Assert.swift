public import MedTextCore
public import Tokenizer

extension Recognizer {
    /// Context classification for spans another recognizer found (`medtext assert`): each span
    /// gets the traits that medtext's ConText rules and section defaults would give an entity
    /// there, as if it had been matched by the lexicon.
    ///
    /// - A span that coincides exactly with an entity `recognize` finds takes that entity's
    ///   category, type, score, concept ids and the traits of its lexicon term (SIGN, SYMPTOM,
    ///   DIAGNOSIS; NEGATION for a fused negation such as "afebrile");
    ///   any other span is a MEDICAL_CONDITION / DX_NAME with score 1 (the caller vouches for it).
    /// - A span covers the non-space tokens it overlaps; it belongs to the sentence of its
    ///   first token. A span that covers no token gets no context traits.
    /// - Spans must lie inside the text (the facade checks offsets); a span outside it is
    ///   treated as covering no token.
    ///
    /// - Parameters:
    ///   - doc: the analyzed document (tokens, sentences and sections filled by the Tokenizer).
    ///   - spans: the targets, as UTF-8 byte spans into the original text.
    /// - Returns: one entity per span, in the order given.
    /// - Complexity: one `recognize` pass plus O(t log t + n) for t spans over n tokens.
    public func assertTraits(_ doc: AnnotatedDocument, spans: [TextSpan]) -> [Entity] {
        var text = doc.document.text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { p in assertTraits(doc, spans: spans, bytes: p) }!
    }

    func assertTraits(_ doc: AnnotatedDocument, spans: [TextSpan], bytes p: UnsafeBufferPointer<UInt8>) -> [Entity] {
        let own = recognize(doc, bytes: p).entities
        var ownBySpan: [TextSpan: Entity] = [:]
        for e in own where e.category != .protectedHealthInformation && ownBySpan[e.span] == nil { ownBySpan[e.span] = e }

        let c = content(of: doc, bytes: p)
        // Sentence ranges in content indices (the same computation as `recognize`).
        var sentenceOf = [Int](repeating: 0, count: c.tokenIndex.count)
        var sentences: [Range<Int>] = []
        do {
            var k = 0
            for s in doc.sentences {
                let start = k
                while k < c.tokenIndex.count && c.tokenIndex[k] < s.tokens.upperBound {
                    if c.tokenIndex[k] >= s.tokens.lowerBound { sentenceOf[k] = sentences.count }
                    k += 1
                }
                if k > start { sentences.append(start..<k) }
            }
            if sentences.isEmpty && !c.tokenIndex.isEmpty { sentences.append(0..<c.tokenIndex.count) }
            while k < c.tokenIndex.count { sentenceOf[k] = max(0, sentences.count - 1); k += 1 }
        }

        // Each span's content-token range: the non-space tokens it overlaps.
        let tokenSpans = c.tokenIndex.map { doc.tokens[$0].span }
        func tokenRange(_ span: TextSpan) -> Range<Int> {
            var lo = 0, hi = tokenSpans.count
            while lo < hi {  // first token ending after span.start
                let mid = (lo + hi) / 2
                if tokenSpans[mid].end <= span.start { lo = mid + 1 } else { hi = mid }
            }
            var end = lo
            while end < tokenSpans.count && tokenSpans[end].start < span.end { end += 1 }
            return lo..<max(lo, end)
        }

        let classTraits: Traits = [.sign, .symptom, .diagnosis]
        var entities: [Entity] = []
        var ranges: [Range<Int>] = []
        entities.reserveCapacity(spans.count)
        for span in spans {
            var e: Entity
            if let hit = ownBySpan[span] {
                // The matched term's own traits: class traits, and those a term carries by
                // itself (fused negations such as "afebrile"); context and section traits, which
                // have evidence entries, are recomputed below for the caller's span.
                var termTraits = hit.traits
                for ev in hit.evidence where ev.subject != "match" {
                    if let t = Traits(name: ev.subject) { termTraits.subtract(t) }
                }
                e = Entity(category: hit.category, type: hit.type, span: span, score: hit.score,
                           traits: termTraits.union(hit.traits.intersection(classTraits)),
                           evidence: hit.evidence.filter { $0.subject == "match" })
                e.conceptIDs = hit.conceptIDs
            } else {
                e = Entity(category: .medicalCondition, type: .dxName, span: span, score: 1,
                           evidence: [Evidence(subject: "match", ruleID: "assert:target")])
            }
            entities.append(e)
            ranges.append(span.start == span.end ? 0..<0 : tokenRange(span))
        }

        // Context traits, sentence by sentence (as in `recognize`).
        if !sentences.isEmpty {
            var bySentence: [Int: [Int]] = [:]
            for (n, r) in ranges.enumerated() where !r.isEmpty { bySentence[sentenceOf[r.lowerBound], default: []].append(n) }
            c.ctxKeys.withUnsafeBufferPointer { keys in
                for (s, members) in bySentence.sorted(by: { $0.key < $1.key }) {
                    let range = sentences[s]
                    let facts = ContextEngine.TokenFacts(
                        lineEnd: { c.lineEnd[$0] },
                        attachedToNext: { k in
                            let t = c.tokenIndex[k]
                            return t + 1 < doc.tokens.count && !doc.tokens[t + 1].isSpace
                        },
                        exactCase: { r, bytes in matchesExactly(bytes, tokens: r, content: c, doc: doc, bytes: p) })
                    let triggers = context.triggers(in: keys, range: range, facts: facts)
                    if triggers.isEmpty { continue }
                    let targets = members.map { (tokens: ranges[$0], category: entities[$0].category) }
                    let assigned = context.assign(triggers: triggers, sentence: range, targets: targets)
                    for (k, a) in assigned.enumerated() where !a.traits.isEmpty {
                        let n = members[k]
                        entities[n].traits.formUnion(a.traits)
                        for ev in a.evidence {
                            let rule = context.rules[ev.rule]
                            let trig = TextSpan(
                                doc.tokens[c.tokenIndex[ev.tokens.lowerBound]].span.start,
                                doc.tokens[c.tokenIndex[ev.tokens.upperBound - 1]].span.end)
                            for name in rule.traits.names {
                                entities[n].evidence.append(Evidence(subject: name, ruleID: "context:" + rule.id, trigger: trig))
                                entities[n].traitScores[name] = 0.9
                            }
                        }
                    }
                }
            }
        }

        // Section defaults (as in `recognize`).
        if !sectionTraits.isEmpty {
            for n in entities.indices {
                guard let sec = doc.section(containing: entities[n].span.start), let rules = sectionTraits[sec.type] else { continue }
                for rule in rules where rule.appliesTo.isEmpty || rule.appliesTo.contains(entities[n].category) {
                    let new = rule.traits.subtracting(entities[n].traits)
                    guard !new.isEmpty else { continue }
                    entities[n].traits.formUnion(new)
                    for name in new.names {
                        entities[n].evidence.append(Evidence(subject: name, ruleID: "section:" + rule.ruleID, trigger: sec.headerSpan))
                        entities[n].traitScores[name] = 0.85
                    }
                }
            }
        }
        return entities
    }
}
