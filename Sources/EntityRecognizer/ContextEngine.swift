public import MedTextCore

/// What a ConText trigger does to the entities in its scope.
public enum ContextDirection: String, Sendable, Hashable, CaseIterable {
    /// Modifies entities after the trigger ("denies [chest pain]").
    case forward = "FORWARD"
    /// Modifies entities before the trigger ("[fever]: none").
    case backward = "BACKWARD"
    /// Modifies entities on both sides.
    case bidirectional = "BIDIRECTIONAL"
    /// Ends the scope of other triggers ("but", "however").
    case terminate = "TERMINATE"
    /// Looks like a trigger but is not ("no increase in", "gram negative"); it only blocks
    /// the shorter triggers inside it.
    case pseudo = "PSEUDO"
}

/// One ConText rule, parsed from `lexicons/data/context/` at load time.
public struct ContextRule: Sendable, Hashable {
    /// Stable rule id, reported by `--explain`.
    public var id: String
    /// The trigger phrase (tokenized and normalized like notes).
    public var phrase: String
    /// The ConText category name (NEGATED_EXISTENCE, HISTORICAL, ...), for explanations.
    public var category: String
    /// The traits the rule sets on entities in its scope (empty for pseudo/terminate rules).
    public var traits: Traits
    public var direction: ContextDirection
    /// The most tokens (not counting whitespace) the scope reaches; `nil` for the whole sentence.
    public var maxScope: Int?
    /// Entity categories the rule applies to; empty means all.
    public var appliesTo: Set<EntityCategory>
    /// The trigger only counts when it is the last token of its line ("Blood transfusion: No").
    public var requiresLineEnd: Bool
    /// The trigger only counts when it touches the next token with no space ("?PE").
    public var requiresAttached: Bool
    /// The trigger only counts when the note's text has the phrase's exact case ("MGM").
    public var caseSensitive: Bool
    /// TERMINATE rules: the categories whose scopes the phrase ends; empty means all.
    public var terminates: Set<String>
    /// The `list` flag: a backward scope also runs back through a list of targets separated only
    /// by list separators ("weight loss, night pain, fevers: none"). Forward scopes always run on
    /// through such a list.
    public var listScope: Bool
    /// The `prefix` flag: the trigger only counts when no target ends right before it, so a sign
    /// written before findings ("(-) fever, (-) weight loss") is not also read after one ("fever
    /// (-), cough (+)", which the phrase's backward rule covers).
    public var requiresNoTargetBefore: Bool
    /// The `verb` flag (TERMINATE rules): the phrase is a verb ("has", "complaining of", "found to
    /// have"); right after a negation trigger it is the negated verb ("no longer has headaches",
    /// "is not complaining of pain") and does not end that trigger's scope.
    public var isVerb: Bool
    /// The `aside` flag (TERMINATE rules, `(`): the phrase opens an aside. It ends a forward scope
    /// only when a target starts within its first three tokens and the aside is no list (a list
    /// in brackets elaborates the negated head: "No B symptoms ([fevers], [night sweats])") ("CT without contrast ([AKI])", "no
    /// opioid (codeine allergy, [pain] controlled)"), so a measurement in brackets inside a list does
    /// not ("no wall thickening (2 mm) or [pericholecystic fluid]"); it ends a backward scope only
    /// when a target lies between it and the trigger ("[flu vaccine] (FluMist not given)"), not for a
    /// bare post-posed cue ("[fish oil] (not taking)").
    public var isAside: Bool = false
    /// The `suffix` flag: the trigger only counts when it touches the token before it, no word
    /// follows it directly and no answer follows it on its line, so a question mark written after a
    /// finding ("[Anaphylaxis]? Ate peanuts", "tramadol - [seizure]?") is read backward, while
    /// "?PE" and "cough ?pneumonia" keep the forward reading (the `attached` rule) and a question
    /// answered on its line ("Fever? Yes.", "Any chest pain? No fever.") is no uncertainty.
    public var requiresSuffix: Bool = false

    public init(
        id: String, phrase: String, category: String, traits: Traits, direction: ContextDirection,
        maxScope: Int? = nil, appliesTo: Set<EntityCategory> = [], requiresLineEnd: Bool = false,
        requiresAttached: Bool = false, caseSensitive: Bool = false, terminates: Set<String> = [],
        listScope: Bool = false, requiresNoTargetBefore: Bool = false, isVerb: Bool = false, isAside: Bool = false,
        requiresSuffix: Bool = false
    ) {
        self.id = id
        self.phrase = phrase
        self.category = category
        self.traits = traits
        self.direction = direction
        self.maxScope = maxScope
        self.appliesTo = appliesTo
        self.requiresLineEnd = requiresLineEnd
        self.requiresAttached = requiresAttached
        self.caseSensitive = caseSensitive
        self.terminates = terminates
        self.listScope = listScope
        self.requiresNoTargetBefore = requiresNoTargetBefore
        self.isVerb = isVerb
        self.isAside = isAside
        self.requiresSuffix = requiresSuffix
    }
}

/// A trigger found in a sentence: a rule and the token range (indices into the key array).
public struct ContextTrigger: Sendable, Hashable {
    public var rule: Int
    public var tokens: Range<Int>
}

/// The result of context for one target: the traits and the triggers that set them.
public struct ContextAssignment: Sendable, Hashable {
    public var traits: Traits = []
    /// (rule index, trigger token range) for each trait set, for explanations.
    public var evidence: [(rule: Int, tokens: Range<Int>)] = []

    public static func == (a: ContextAssignment, b: ContextAssignment) -> Bool {
        a.traits == b.traits && a.evidence.map(\.rule) == b.evidence.map(\.rule)
            && a.evidence.map(\.tokens) == b.evidence.map(\.tokens)
    }
    public func hash(into h: inout Hasher) {
        h.combine(traits)
        for e in evidence {
            h.combine(e.rule)
            h.combine(e.tokens)
        }
    }
}

/// ConText over token-id sequences: finds triggers with a compiled phrase matcher
/// (leftmost-longest, so a pseudo-trigger such as "no increase in" hides the "no" inside it),
/// computes each trigger's scope within the sentence, and gives every target whose first token
/// lies in a scope the rule's traits.
///
/// Scope rules (documented in DESIGN.md):
/// - a forward scope runs from the trigger's end to the sentence end, at most `maxScope` tokens,
///   and on through a list of targets separated only by list separators;
/// - a backward scope runs from the sentence start (at most `maxScope` tokens back) to the trigger,
///   and, for `list` rules, back through a list of targets separated only by list separators;
///   other backward scopes stop at the last comma or semicolon before the trigger;
/// - a trigger match never ends inside a target that starts after its first token (the shorter
///   trigger at the same start is used instead);
/// - a scope stops at a TERMINATE trigger, and at a trigger of another category in its path;
/// - a target that overlaps a trigger is not modified by it.
public struct ContextEngine: Sendable {
    public let rules: [ContextRule]
    let matcher: PhraseMatcher
    /// Per rule: the phrase's bytes without spaces, what a case-sensitive trigger must equal.
    let exactBytes: [[UInt8]]
    /// Per rule, the fields the matching and scope loops read, without the rule's strings and
    /// sets (reading a `ContextRule` out of `rules` copies it: a retain per string and set).
    let compact: [CompactRule]
    /// Whether rule `o` ends the scope of rules of category `c`:
    /// `stopsTable[o * categoryCount + c]` (``stops(_:for:)``, computed once).
    let stopsTable: [Bool]
    let categoryCount: Int
    /// Per rule: `"context:" + id` and its traits' names, the evidence an entity gets from it.
    let evidenceRuleIDs: [String]
    let traitNames: [[String]]

    struct CompactRule: Sendable {
        var traits: Traits
        var direction: ContextDirection
        /// -1 for no limit (the whole sentence).
        var maxScope: Int
        /// ``EntityCategory/contextBit`` of each category the rule applies to; 0 means all.
        var appliesTo: UInt16
        var category: Int
        var requiresLineEnd: Bool
        var requiresAttached: Bool
        var caseSensitive: Bool
        var listScope: Bool
        var requiresNoTargetBefore: Bool
        var isVerb: Bool
        var isAside: Bool
        var requiresSuffix: Bool

        func applies(to category: EntityCategory) -> Bool { appliesTo == 0 || appliesTo & category.contextBit != 0 }
    }

    /// - Parameters:
    ///   - rules: the rules, in file order.
    ///   - phrases: each rule's phrase as token ids (same order as `rules`); empty arrays are skipped.
    public init(rules: [ContextRule], phrases: [[UInt32]]) {
        precondition(rules.count == phrases.count, "one phrase per rule")
        var b = PhraseMatcher.Builder()
        for (i, p) in phrases.enumerated() where !p.isEmpty && !p.contains(TokenDictionary.unknown) {
            b.add(p, payload: UInt32(i))
        }
        self.rules = rules
        self.matcher = b.build()
        self.exactBytes = rules.map { Array($0.phrase.utf8.filter { $0 != 0x20 }) }
        var categories: [String: Int] = [:]
        for r in rules where categories[r.category] == nil { categories[r.category] = categories.count }
        self.categoryCount = max(1, categories.count)
        self.compact = rules.map { r in
            CompactRule(
                traits: r.traits, direction: r.direction, maxScope: r.maxScope ?? -1,
                appliesTo: r.appliesTo.reduce(0) { $0 | $1.contextBit }, category: categories[r.category]!,
                requiresLineEnd: r.requiresLineEnd, requiresAttached: r.requiresAttached, caseSensitive: r.caseSensitive,
                listScope: r.listScope, requiresNoTargetBefore: r.requiresNoTargetBefore, isVerb: r.isVerb, isAside: r.isAside,
                requiresSuffix: r.requiresSuffix)
        }
        var table = [Bool](repeating: false, count: rules.count * categoryCount)
        let names = categories.sorted { $0.value < $1.value }.map(\.key)
        for (o, other) in rules.enumerated() {
            for (c, name) in names.enumerated() { table[o * categoryCount + c] = Self.stops(other, forCategory: name) }
        }
        self.stopsTable = table
        self.evidenceRuleIDs = rules.map { "context:" + $0.id }
        self.traitNames = rules.map { $0.traits.names }
    }

    /// Facts about the note's tokens that some rules test, by key index.
    public struct TokenFacts {
        /// Whether the token is the last of its line.
        public var lineEnd: (Int) -> Bool
        /// Whether the token touches the next token (no space between).
        public var attachedToNext: (Int) -> Bool
        /// Whether the tokens in the range, spaces removed, equal the bytes exactly.
        public var exactCase: (Range<Int>, [UInt8]) -> Bool
        /// Whether a trigger over the range would end inside a target that starts within it
        /// after its first token ("no [change in bowel habit]", "no [use of accessory muscles]"):
        /// such a match is not taken, and a shorter trigger at the same start is tried ("no").
        public var crossesTarget: (Range<Int>) -> Bool
        /// Whether the range overlaps a target that is itself a negated finding ("[Not
        /// tachycardic]"): such a trigger is part of the target's own words and is dropped, so it
        /// modifies nothing else.
        public var overlapsTarget: (Range<Int>) -> Bool
        /// Whether a target ends right before the token (its last token is the one before).
        public var followsTarget: (Int) -> Bool
        /// Whether the token touches the token before it (no space between), for `suffix` rules.
        public var attachedToPrevious: (Int) -> Bool
        /// Whether something continues after the token, for `suffix` rules: a word right after it
        /// (no space between), or an answer after it on its line ("Fever? Yes.").
        public var continuesAfter: (Int) -> Bool

        public init(
            lineEnd: @escaping (Int) -> Bool, attachedToNext: @escaping (Int) -> Bool = { _ in true },
            exactCase: @escaping (Range<Int>, [UInt8]) -> Bool = { _, _ in true },
            crossesTarget: @escaping (Range<Int>) -> Bool = { _ in false },
            overlapsTarget: @escaping (Range<Int>) -> Bool = { _ in false },
            followsTarget: @escaping (Int) -> Bool = { _ in false },
            attachedToPrevious: @escaping (Int) -> Bool = { _ in false },
            continuesAfter: @escaping (Int) -> Bool = { _ in false }
        ) {
            self.lineEnd = lineEnd
            self.attachedToNext = attachedToNext
            self.exactCase = exactCase
            self.crossesTarget = crossesTarget
            self.overlapsTarget = overlapsTarget
            self.followsTarget = followsTarget
            self.attachedToPrevious = attachedToPrevious
            self.continuesAfter = continuesAfter
        }
    }

    /// Convenience for callers that only know line ends.
    public func triggers(in keys: UnsafeBufferPointer<UInt32>, range: Range<Int>, lineEnds: @escaping (Int) -> Bool) -> [ContextTrigger] {
        triggers(in: keys, range: range, facts: TokenFacts(lineEnd: lineEnds))
    }

    /// Triggers in `keys[range]`, leftmost-longest. When one phrase belongs to several rules,
    /// each rule yields a trigger.
    public func triggers(in keys: UnsafeBufferPointer<UInt32>, range: Range<Int>, facts: TokenFacts) -> [ContextTrigger] {
        var out: [ContextTrigger] = []
        var hits: [PhraseMatcher.Hit] = []
        triggers(in: keys, range: range, facts: facts, into: &out, hits: &hits)
        return out
    }

    /// ``triggers(in:range:facts:)`` written into `out` (emptied first), with `hits` as the
    /// matcher's scratch: callers that look at many sentences reuse both arrays.
    func triggers(
        in keys: UnsafeBufferPointer<UInt32>, range: Range<Int>, facts: TokenFacts, into out: inout [ContextTrigger],
        hits: inout [PhraseMatcher.Hit]
    ) {
        out.removeAll(keepingCapacity: true)
        var i = range.lowerBound
        let slice = UnsafeBufferPointer(rebasing: keys[..<range.upperBound])
        while i < range.upperBound {
            guard matcher.startsPhrase(slice[i]) else {
                i += 1
                continue
            }
            // Longest candidate first; fall back to shorter ones when a line-end rule does not fit.
            matcher.hits(in: slice, at: i, into: &hits)
            var taken: Range<Int>? = nil
            for h in hits.reversed() {
                let tokens = i..<h.end
                let last = h.end - 1
                if tokens.count > 1 && facts.crossesTarget(tokens) { continue }
                let before = out.count
                for pi in matcher.payloadRange(of: h.node) {
                    let p = Int(matcher.payload(at: pi))
                    let r = compact[p]
                    if r.requiresLineEnd && !facts.lineEnd(last) { continue }
                    if r.requiresAttached && !facts.attachedToNext(last) { continue }
                    if r.caseSensitive && !facts.exactCase(tokens, exactBytes[p]) { continue }
                    if r.requiresNoTargetBefore && facts.followsTarget(i) { continue }
                    if r.requiresSuffix && (!facts.attachedToPrevious(i) || facts.continuesAfter(last)) { continue }
                    out.append(ContextTrigger(rule: p, tokens: tokens))
                }
                if out.count == before { continue }
                // A trigger inside a target's words is consumed by it (but still blocks the
                // shorter triggers it contains).
                if facts.overlapsTarget(tokens) { out.removeSubrange(before...) }
                taken = tokens
                break
            }
            i = taken?.upperBound ?? (i + 1)
        }
    }

    /// Assigns traits to targets (token ranges, with their categories) inside one sentence.
    /// - Parameters:
    ///   - triggers: from ``triggers(in:range:lineEnds:)`` for the same sentence.
    ///   - sentence: the sentence's key index range.
    ///   - targets: each target's key index range and category.
    public func assign(
        triggers: [ContextTrigger], sentence: Range<Int>, targets: [(tokens: Range<Int>, category: EntityCategory)],
        separators: (Int) -> Bool = { _ in false }, clauseBreaks: (Int) -> Bool = { _ in false },
        listWords: (Int) -> Bool = { _ in false }, listGapSeparators: ((Int) -> Bool)? = nil,
        closesAside: (Int) -> Bool = { _ in false }
    ) -> [ContextAssignment] {
        var result = Array(repeating: ContextAssignment(), count: targets.count)
        for trig in triggers {
            let rule = compact[trig.rule]
            if rule.direction == .pseudo || rule.direction == .terminate { continue }
            // Forward scopes catch targets that start inside them; backward scopes catch
            // targets that overlap them (a backward trigger follows the target).
            var forward: Range<Int>? = nil, backward: Range<Int>? = nil
            if rule.direction == .forward || rule.direction == .bidirectional {
                var end = sentence.upperBound
                if rule.maxScope >= 0 { end = min(end, trig.tokens.upperBound + rule.maxScope) }
                // The limit may fall inside a target that starts in scope ("denies ..., abdominal
                // [pain] or back pain"): the scope ends after that target, so the list below runs on.
                for t in targets where t.tokens.lowerBound >= trig.tokens.upperBound && t.tokens.lowerBound < end && t.tokens.upperBound > end {
                    end = min(sentence.upperBound, t.tokens.upperBound)
                }
                // A list that starts in scope runs on: "no fever, neck stiffness, weakness or numbness".
                while end > trig.tokens.upperBound,
                      let next = targets.filter({ $0.tokens.lowerBound >= end && $0.tokens.lowerBound < sentence.upperBound })
                          .min(by: { $0.tokens.lowerBound < $1.tokens.lowerBound })
                {
                    var gapStart = end
                    while gapStart > trig.tokens.upperBound && separators(gapStart - 1) { gapStart -= 1 }
                    let gap = gapStart..<next.tokens.lowerBound
                    guard next.tokens.upperBound > end else { break }
                    if !gap.isEmpty && gap.allSatisfy(separators) {
                        end = next.tokens.upperBound
                        continue
                    }
                    // A list trigger's list also runs over items medtext does not name and over the
                    // modifiers of the next item ("denies ..., PND, orthopnea, TIA's, [stroke]",
                    // "no fractures, arthritis or other [joint pains]", "any nausea, any [vomiting]").
                    guard rule.listScope else { break }
                    var anchor = trig.tokens.upperBound
                    for t in targets where t.tokens.lowerBound >= trig.tokens.upperBound && t.tokens.upperBound <= end {
                        anchor = max(anchor, t.tokens.upperBound)
                    }
                    let listGap = anchor..<next.tokens.lowerBound, afterItem = anchor > trig.tokens.upperBound
                    let isGap = if let listGapSeparators {
                        Self.isListGap(listGap, afterItem: afterItem, separators: listGapSeparators, listWords: listWords)
                    } else {
                        Self.isListGap(listGap, afterItem: afterItem, separators: separators, listWords: listWords)
                    }
                    guard isGap else { break }
                    end = next.tokens.upperBound
                }
                for other in triggers where other.tokens.lowerBound >= trig.tokens.upperBound && other.tokens.lowerBound < end {
                    // A trigger of another category ends the scope only across a clause break:
                    // "denies pain, possible flu" (ends), "no prior surgery" (does not).
                    let clauseBreak = (trig.tokens.upperBound..<other.tokens.lowerBound).contains { separators($0) }
                    // A `verb` terminator right after a negation trigger is the negated verb, not a new
                    // clause: "no longer [has] headaches", "is not [complaining of] pain".
                    let terminates = compact[other.rule].direction == .terminate
                    if terminates && compact[other.rule].isVerb && other.tokens.lowerBound == trig.tokens.upperBound
                        && rule.traits.contains(.negation) { continue }
                    if terminates && compact[other.rule].isAside {
                        // An aside that lists items elaborates the negated head ("No B symptoms
                        // ([fevers], [night sweats], ...)"): the negation runs on into it.
                        var k = other.tokens.upperBound, isList = false
                        while k < sentence.upperBound && !closesAside(k) {
                            if separators(k) { isList = true; break }
                            k += 1
                        }
                        if isList || !targets.contains(where: {
                            $0.tokens.lowerBound >= other.tokens.upperBound && $0.tokens.lowerBound < other.tokens.upperBound + 3
                        }) { continue }
                    }
                    if stops(other, category: rule.category) && (terminates || clauseBreak) {
                        end = other.tokens.lowerBound
                        break
                    }
                }
                forward = trig.tokens.upperBound..<max(trig.tokens.upperBound, end)
            }
            if rule.direction == .backward || rule.direction == .bidirectional {
                var start = sentence.lowerBound
                if rule.maxScope >= 0 { start = max(start, trig.tokens.lowerBound - rule.maxScope) }
                // A list that ends in scope runs back: "weight loss, night pain, fevers: none".
                if rule.listScope, start > sentence.lowerBound,
                   var first = targets.filter({ $0.tokens.upperBound > start && $0.tokens.upperBound <= trig.tokens.lowerBound })
                       .map(\.tokens.lowerBound).min()
                {
                    while let prev = targets.filter({ $0.tokens.upperBound <= first && $0.tokens.lowerBound >= sentence.lowerBound })
                        .max(by: { $0.tokens.upperBound < $1.tokens.upperBound })
                    {
                        let gap = prev.tokens.upperBound..<first
                        guard !gap.isEmpty, gap.allSatisfy(separators) else { break }
                        first = prev.tokens.lowerBound
                    }
                    start = min(start, first)
                } else if !rule.listScope {
                    // Otherwise a backward trigger only reaches back to the last comma or
                    // semicolon: "chest pain, tachycardia, PE excluded" negates PE alone.
                    var k = trig.tokens.lowerBound - 1
                    while k >= start {
                        if clauseBreaks(k) { start = k + 1; break }
                        k -= 1
                    }
                }
                for other in triggers.reversed() where other.tokens.upperBound <= trig.tokens.lowerBound && other.tokens.upperBound > start {
                    // An aside ends a backward scope only when it holds the trigger's own subject:
                    // "[flu vaccine] (FluMist not given)" stops at "(", "[fish oil] (not taking)" does not.
                    if compact[other.rule].isAside && !targets.contains(where: {
                        $0.tokens.lowerBound >= other.tokens.upperBound && $0.tokens.upperBound <= trig.tokens.lowerBound
                    }) { continue }
                    let clauseBreak = (other.tokens.upperBound..<trig.tokens.lowerBound).contains { separators($0) }
                    if stops(other, category: rule.category) && (compact[other.rule].direction == .terminate || clauseBreak) {
                        start = other.tokens.upperBound
                        break
                    }
                }
                backward = min(start, trig.tokens.lowerBound)..<trig.tokens.lowerBound
            }
            for (t, target) in targets.enumerated() {
                if !rule.applies(to: target.category) { continue }
                if target.tokens.overlaps(trig.tokens) { continue }
                let inForward = forward?.contains(target.tokens.lowerBound) ?? false
                let inBackward = backward.map { $0.overlaps(target.tokens) } ?? false
                guard inForward || inBackward else { continue }
                if !result[t].traits.isSuperset(of: rule.traits) {
                    result[t].traits.formUnion(rule.traits)
                    result[t].evidence.append((trig.rule, trig.tokens))
                }
            }
        }
        return result
    }

    /// Whether the tokens between a list item (or a list trigger) and the next target continue
    /// the list: only separators and list words (no verb, pronoun, preposition, number or line
    /// end: ``Recognizer`` decides), in items of at most three words between separators, at most
    /// six words in all, with at least one separator, which comes first after an item. So "...,
    /// PND, orthopnea, TIA's, [stroke]" and "no fractures or other [joint pains]" run on, and "no
    /// fever, patient is [comfortable]" or "no fever and he has [pain]" do not.
    static func isListGap(
        _ gap: Range<Int>, afterItem: Bool, separators: (Int) -> Bool, listWords: (Int) -> Bool
    ) -> Bool {
        guard !gap.isEmpty else { return false }
        if afterItem && !separators(gap.lowerBound) { return false }
        var run = 0, words = 0, seps = 0
        for k in gap {
            if separators(k) {
                seps += 1
                run = 0
            } else if listWords(k) {
                run += 1
                words += 1
                if run > 3 || words > 6 { return false }
            } else {
                return false
            }
        }
        return seps > 0
    }

    /// Whether `other` ends the scope of a rule of (interned) category `category`.
    @inline(__always)
    private func stops(_ other: ContextTrigger, category: Int) -> Bool { stopsTable[other.rule * categoryCount + category] }

    /// Whether rule `o` ends the scope of rules of category `category`.
    private static func stops(_ o: ContextRule, forCategory category: String) -> Bool {
        if o.direction == .terminate { return o.terminates.isEmpty || o.terminates.contains(category) }
        if o.direction == .pseudo { return false }
        return o.category != category
    }
}

extension EntityCategory {
    /// One bit per category, for rule category masks.
    @inline(__always)
    var contextBit: UInt16 {
        switch self {
        case .medication: 1 << 0
        case .medicalCondition: 1 << 1
        case .anatomy: 1 << 2
        case .testTreatmentProcedure: 1 << 3
        case .timeExpression: 1 << 4
        case .protectedHealthInformation: 1 << 5
        case .behavioralEnvironmentalSocial: 1 << 6
        }
    }
}
