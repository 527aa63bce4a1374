public import MedTextCore

/// Token ids the relation rules test (bit maps, like ``AttributeWords``).
struct RelationWords: Sendable {
    /// Words that make a time belong to the event after it ("2 days of confusion").
    let timeOf: TokenIDSet
    /// Clause breaks: a time on the far side of one does not date the event.
    let clauseBreak: TokenIDSet
    /// Plans and follow-up: a time near these is not the time of an event ("follow up in 2 weeks").
    let plan: TokenIDSet
    /// One-token indication cues ("prn", "for", "if", a table bar).
    let indication: TokenIDSet
    /// Two-token indication cues ("as needed", "when required", "to treat"), and their first words.
    let indicationPairs: Set<[UInt32]>
    let indicationPairStarts: TokenIDSet
    /// Dose timing: "before"/"after" followed by a meal word ("30 min before food").
    let doseTiming: TokenIDSet
    let meals: TokenIDSet
    /// A field separator of a `drug - sig - indication` list item.
    let dash: UInt32

    init(classes: WordClasses, intern: (String) -> UInt32) {
        func set(_ name: WordClasses.Name) -> TokenIDSet { TokenIDSet(classes[name].map(intern).filter { $0 != 0 }) }
        timeOf = set(.timeOf)
        clauseBreak = set(.clauseBreak)
        plan = set(.plan)
        indication = set(.indication)
        doseTiming = set(.doseTiming)
        meals = set(.meals)
        var pairs = Set<[UInt32]>()
        for pair in classes[.indicationPairs] {
            let words = pair.split(separator: "+", omittingEmptySubsequences: false)
            guard words.count == 2 else { continue }  // the parser admits only `first+second`
            let x = intern(String(words[0])), y = intern(String(words[1]))
            if x != 0 && y != 0 { pairs.insert([x, y]) }
        }
        indicationPairs = pairs
        indicationPairStarts = TokenIDSet(pairs.map { $0[0] })
        dash = intern("-")
    }
}

/// A time expression found in a note, before relations: its entity, its content tokens, and
/// whether it is a bare duration ("4 days"), which is kept only when it dates an event.
struct FoundTime: Sendable {
    var entity: Entity
    var tokens: Range<Int>
    var isDuration: Bool
}

extension Recognizer {
    /// The TIME_TO_* type for a time dating an entity of `type`, or nil when such an entity is
    /// never timed.
    static func timeRelation(for type: EntityType) -> EntityType? {
        switch type {
        case .dxName: return .timeToDxName
        case .genericName, .brandName: return .timeToMedicationName
        case .testName: return .timeToTestName
        case .procedureName: return .timeToProcedureName
        case .treatmentName: return .timeToTreatmentName
        default: return nil
        }
    }

    /// True when a line ends between the last token before the gap `from..<to` and the first
    /// token after it (content-token indices).
    private func crossesLine(_ from: Int, _ to: Int, _ c: Content) -> Bool {
        (max(0, from - 1)..<max(0, to - 1)).contains { c.lineEnd[$0] }
    }

    /// Links each time expression to the event it dates (gold guideline Rule TI1): the nearest
    /// timeable entity in the same sentence and line, before it ("chest pain 2 hours ago",
    /// "fever for 2 days", "MI in 2019", "started metformin 2 weeks ago") or after it ("3 days
    /// ago developed fever", "2 days of confusion"), with no clause break between and not in a
    /// plan ("follow up in 2 weeks"). A linked time's type becomes TIME_TO_*, and the entity
    /// gets it as an attribute with relationship OVERLAP.
    func linkTimes(
        _ entities: inout [Entity], ranges: [Range<Int>], times: inout [FoundTime],
        content c: Content, sentenceOf: [Int]
    ) {
        guard !times.isEmpty else { return }
        let w = relationWords
        var keep = [Bool](repeating: true, count: times.count)
        defer {
            var n = 0
            times.removeAll { _ in defer { n += 1 }; return !keep[n] }
        }
        // Per content token, the latest plan or follow-up word at or before it on its line
        // (one pass, so a note written as one long line costs no more than any other).
        var lastPlan = [Int?](repeating: nil, count: c.lexKeys.count)
        var latest: Int? = nil
        for k in c.lexKeys.indices {
            if k > 0 && c.lineEnd[k - 1] { latest = nil }
            if w.plan.contains(c.lexKeys[k]) { latest = k }
            lastPlan[k] = latest
        }
        // Timeable entities by sentence, so each time looks only at its own sentence's entities:
        // (sentence, entity) pairs sorted by sentence, entity order kept within one.
        var timeable: [(sentence: Int, entity: Int)] = []
        for n in entities.indices where !ranges[n].isEmpty && Self.timeRelation(for: entities[n].type) != nil {
            timeable.append((sentenceOf[ranges[n].lowerBound], n))
        }
        timeable.sort { $0.sentence < $1.sentence || ($0.sentence == $1.sentence && $0.entity < $1.entity) }
        for t in times.indices {
            let tr = times[t].tokens
            guard !tr.isEmpty else { continue }
            let s = sentenceOf[tr.lowerBound]
            // A bare duration ("4 days", "x 1/52") is a time expression only when it dates an event.
            let isDuration = times[t].isDuration
            if isDuration { keep[t] = false }
            // A plan or follow-up before the time (within three tokens; for a bare duration,
            // anywhere earlier on its line): not an event's time.
            if tr.lowerBound > 0, let plan = lastPlan[tr.lowerBound - 1], isDuration || tr.lowerBound - plan <= 3 { continue }
            func gapIsClean(_ from: Int, _ to: Int) -> Bool {
                !crossesLine(from, to, c) && !(from..<to).contains { w.clauseBreak.contains(c.lexKeys[$0]) || w.plan.contains(c.lexKeys[$0]) }
            }
            var before: (entity: Int, gap: Int)? = nil
            var after: (entity: Int, gap: Int)? = nil
            var lo = 0, hi = timeable.count  // the sentence's first timeable entity
            while lo < hi {
                let mid = (lo + hi) / 2
                if timeable[mid].sentence < s { lo = mid + 1 } else { hi = mid }
            }
            for j in lo..<timeable.count {
                if timeable[j].sentence != s { break }
                let n = timeable[j].entity
                let r = ranges[n]
                if r.upperBound <= tr.lowerBound {
                    let gap = tr.lowerBound - r.upperBound
                    if gap <= 6, before.map({ gap < $0.gap }) ?? true, gapIsClean(r.upperBound, tr.lowerBound) { before = (n, gap) }
                } else if r.lowerBound >= tr.upperBound {
                    let gap = r.lowerBound - tr.upperBound
                    if gap <= 4, after.map({ gap < $0.gap }) ?? true, gapIsClean(tr.upperBound, r.lowerBound) { after = (n, gap) }
                }
            }
            var owner: Int? = nil
            let ofFollows = tr.upperBound < c.lexKeys.count && w.timeOf.contains(c.lexKeys[tr.upperBound])
            if let a = after, ofFollows {
                owner = a.entity  // "2 days of confusion"
            } else if let b = before {
                // A list separator right before the time, with an event right after it: the time
                // opens the next clause ("cough, 3 days ago developed fever").
                let separated = b.gap > 0 && words.listSeparators.contains(c.lexKeys[tr.lowerBound - 1])
                if separated, let a = after, a.gap <= 2 { owner = a.entity } else { owner = b.entity }
            } else if let a = after {
                owner = a.entity
            }
            guard let n = owner, let relation = Self.timeRelation(for: entities[n].type) else { continue }
            keep[t] = true
            times[t].entity.type = relation
            entities[n].attributes.append(Attribute(
                type: relation, category: .timeExpression, span: times[t].entity.span, score: times[t].entity.score,
                relationshipType: .overlap, relationshipScore: 0.8))
            times[t].entity.evidence.append(Evidence(subject: relation.rawValue, ruleID: "relation:time", trigger: entities[n].span))
        }
    }

    /// Links medications to their indications (gold guideline Rule M4): a condition written
    /// after the medication on its own line, before the next medication and the end of the
    /// clause, right after a cue ("PRN pain", "as needed for wheeze", "metoprolol for AF", a
    /// table's reason column, the last field of `drug - sig - indication`). The cue must follow
    /// the medication's signature closely (its attributes, numbers and punctuation do not
    /// count), and coordinated conditions after one cue are all linked ("PRN pain or fever").
    /// The medication gets each condition as a DX_NAME attribute with relationship FOR; the
    /// condition stays an entity.
    func linkIndications(_ entities: inout [Entity], ranges: [Range<Int>], content c: Content, doc: AnnotatedDocument) {
        let w = relationWords
        let meds = entities.indices.filter { entities[$0].category == .medication && !ranges[$0].isEmpty }
            .sorted { ranges[$0].lowerBound < ranges[$1].lowerBound }
        guard !meds.isEmpty else { return }
        var conditionAt = [Int](repeating: -1, count: c.lexKeys.count)  // first content token -> entity (-1: none)
        for n in entities.indices where entities[n].type == .dxName && !ranges[n].isEmpty { conditionAt[ranges[n].lowerBound] = n }
        for (i, m) in meds.enumerated() {
            // "Coversyl (perindopril)": the alias in brackets shares the first drug's line and links nothing itself.
            if i > 0, ranges[m].lowerBound >= 1, c.lexKeys[ranges[m].lowerBound - 1] == words.openParen,
               ranges[meds[i - 1]].upperBound == ranges[m].lowerBound - 1 { continue }
            var next = i + 1
            while next < meds.count, ranges[meds[next]].lowerBound >= 1, c.lexKeys[ranges[meds[next]].lowerBound - 1] == words.openParen,
                  ranges[meds[next]].lowerBound - 1 == ranges[meds[next - 1]].upperBound { next += 1 }
            let limit = next < meds.count ? ranges[meds[next]].lowerBound : c.lexKeys.count
            let attributeSpans = entities[m].attributes.map(\.span)
            var cue: Int? = nil
            var dashes = 0
            var words = 0  // tokens before the first cue that are not signature, number or punctuation
            var k = ranges[m].upperBound
            if c.lineEnd[k - 1] { continue }  // the medication ends its line
            var wordsSinceCue = 0
            while k < limit {
                let key = c.lexKeys[k]
                let token = doc.tokens[c.tokenIndex[k]]
                if w.clauseBreak.contains(key) { break }
                if conditionAt[k] >= 0, let from = cue, k - from <= 3, !entities[conditionAt[k]].traits.contains(.negation) {
                    let n = conditionAt[k]
                    entities[m].attributes.append(Attribute(
                        type: .dxName, category: .medicalCondition, span: entities[n].span, score: entities[n].score,
                        relationshipType: .for, relationshipScore: 0.8, traits: entities[n].traits))
                    entities[m].evidence.append(Evidence(subject: "FOR", ruleID: "relation:indication", trigger: entities[n].span))
                    k = ranges[n].upperBound
                    // A coordinated condition may follow ("pain or fever", "HTN/hyperlipidaemia").
                    cue = k < limit && self.words.listSeparators.contains(c.lexKeys[k]) ? k + 1 : nil
                    if c.lineEnd[k - 1] { break }
                    continue
                }
                let inSignature = attributeSpans.contains { $0.contains(token.span) }
                if w.indication.contains(key) {
                    cue = k + 1
                    wordsSinceCue = 0
                } else if k + 1 < limit, w.indicationPairStarts.contains(key), w.indicationPairs.contains([key, c.lexKeys[k + 1]]) {
                    cue = k + 2
                    wordsSinceCue = 0
                    k += 1
                } else if key == w.dash {
                    dashes += 1
                    if dashes == 2 { cue = k + 1; wordsSinceCue = 0 }
                } else if cue == nil && !inSignature && self.words.listSeparators.contains(key) && key != self.words.slash {
                    break  // "consider eplerenone, TEER for MR": the list moves on to another item
                } else if token.kind == .word && !inSignature {
                    if cue == nil {
                        words += 1
                        if words > 2 { break }
                    } else {
                        wordsSinceCue += 1
                        if wordsSinceCue > 4 { break }
                    }
                }
                if c.lineEnd[k] { break }
                k += 1
            }
        }
    }
}
