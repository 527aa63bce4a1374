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
        let (sentences, sentenceOf) = sentenceLayout(doc, content: c)

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

        // Context traits and section defaults, exactly as `recognize` gives them.
        applyContext(&entities, ranges: ranges, content: c, doc: doc, bytes: p, sentences: sentences, sentenceOf: sentenceOf)
        applySectionDefaults(&entities, doc: doc)
        return entities
    }
}
