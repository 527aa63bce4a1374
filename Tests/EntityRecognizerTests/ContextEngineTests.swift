import EntityRecognizer
import MedTextCore
import MedTextTestSupport
import Testing

@Suite struct ContextEngineTests {
    static let rules: [ContextRule] = [
        ContextRule(id: "neg-1", phrase: "denies", category: "NEGATED_EXISTENCE", traits: .negation, direction: .forward),
        ContextRule(id: "neg-2", phrase: "no", category: "NEGATED_EXISTENCE", traits: .negation, direction: .forward, maxScope: 6),
        ContextRule(id: "neg-3", phrase: "none", category: "NEGATED_EXISTENCE", traits: .negation, direction: .backward, maxScope: 4),
        ContextRule(id: "neg-4", phrase: ": no", category: "NEGATED_EXISTENCE", traits: .negation, direction: .backward, maxScope: 5, requiresLineEnd: true),
        ContextRule(id: "pse-1", phrase: "no increase in", category: "PSEUDO", traits: [], direction: .pseudo),
        ContextRule(id: "ter-1", phrase: "but", category: "TERMINATE", traits: [], direction: .terminate),
        ContextRule(id: "hyp-1", phrase: "return if", category: "HYPOTHETICAL", traits: .hypothetical, direction: .forward),
        ContextRule(id: "pos-1", phrase: "possible", category: "POSSIBLE_EXISTENCE", traits: .lowConfidence, direction: .forward, maxScope: 3),
        ContextRule(id: "fam-1", phrase: "mother", category: "FAMILY", traits: .pertainsToFamily, direction: .bidirectional, maxScope: 5,
                    appliesTo: [.medicalCondition]),
        ContextRule(id: "neg-5", phrase: ": nil", category: "NEGATED_EXISTENCE", traits: .negation, direction: .backward, maxScope: 3,
                    requiresLineEnd: true, listScope: true),
        ContextRule(id: "neg-6", phrase: "excluded", category: "NEGATED_EXISTENCE", traits: .negation, direction: .backward, maxScope: 6),
        ContextRule(id: "pse-2", phrase: "no change in", category: "PSEUDO", traits: [], direction: .pseudo),
        ContextRule(id: "ter-2", phrase: ", with", category: "TERMINATE", traits: [], direction: .terminate,
                    terminates: ["NEGATED_EXISTENCE"]),
        ContextRule(id: "neg-7", phrase: "not", category: "NEGATED_EXISTENCE", traits: .negation, direction: .forward, maxScope: 4),
        ContextRule(id: "neg-8", phrase: "(-)", category: "NEGATED_EXISTENCE", traits: .negation, direction: .backward, maxScope: 2),
        ContextRule(id: "neg-9", phrase: "(-)", category: "NEGATED_EXISTENCE", traits: .negation, direction: .forward, maxScope: 4,
                    requiresNoTargetBefore: true),
        ContextRule(id: "ter-3", phrase: "(+)", category: "TERMINATE", traits: [], direction: .terminate,
                    terminates: ["NEGATED_EXISTENCE"]),
    ]

    /// Runs the engine over a whitespace-tokenized, one-sentence text whose targets are marked
    /// `[[...]]`; returns each target's trait names, in order.
    func run(_ marked: String) -> [[String]] {
        let m = MarkedText(marked)
        // Whitespace tokens with their byte spans.
        var tokens: [(String, TextSpan)] = []
        var start: Int? = nil
        let bytes = Array(m.text.utf8)
        for i in 0...bytes.count {
            let isSpace = i == bytes.count || bytes[i] == 0x20 || bytes[i] == 0x0A
            if isSpace, let s = start {
                tokens.append((String(decoding: bytes[s..<i], as: UTF8.self), TextSpan(s, i)))
                start = nil
            } else if !isSpace && start == nil {
                start = i
            }
        }
        var vocab = TokenDictionary.Builder()
        let phrases = Self.rules.map { $0.phrase.split(separator: " ").map { vocab.intern(Array($0.utf8)) } }
        let dict = vocab.build()
        let engine = ContextEngine(rules: Self.rules, phrases: phrases)
        let keys = tokens.map { dict.id(of: $0.0.lowercased()) }
        let lineEnds: (Int) -> Bool = { i in
            i == tokens.count - 1 || bytes[tokens[i].1.end..<tokens[i + 1].1.start].contains(0x0A)
        }
        let targets = m.marks.map { mark -> (tokens: Range<Int>, category: EntityCategory) in
            let first = tokens.firstIndex { $0.1.start >= mark.span.start }!
            let last = tokens.lastIndex { $0.1.end <= mark.span.end }!
            return (first..<(last + 1), mark.labels.first == "MED" ? .medication : .medicalCondition)
        }
        // A trigger may not end inside a target that starts after its first token.
        let crosses: (Range<Int>) -> Bool = { t in targets.contains { t.lowerBound < $0.tokens.lowerBound && $0.tokens.lowerBound < t.upperBound && $0.tokens.upperBound > t.upperBound } }
        // Targets marked FUSED are negated findings whose own words hold the trigger ("not tachycardic").
        let fused = zip(m.marks, targets).filter { $0.0.labels.contains("FUSED") }.map(\.1.tokens)
        let overlaps: (Range<Int>) -> Bool = { t in fused.contains { $0.overlaps(t) } }
        let follows: (Int) -> Bool = { k in targets.contains { $0.tokens.upperBound == k } }
        let facts = ContextEngine.TokenFacts(lineEnd: lineEnds, crossesTarget: crosses, overlapsTarget: overlaps, followsTarget: follows)
        let found = keys.withUnsafeBufferPointer { engine.triggers(in: $0, range: 0..<keys.count, facts: facts) }
        let separators: Set<String> = [",", ";", "or", "and"]
        return engine.assign(triggers: found, sentence: 0..<keys.count, targets: targets,
                             separators: { separators.contains(tokens[$0].0) },
                             clauseBreaks: { tokens[$0].0 == "," || tokens[$0].0 == ";" }).map { $0.traits.names }
    }

    @Test(arguments: [
        ("pt denies [[chest pain]] and [[sob]]", [["NEGATION"], ["NEGATION"]]),
        ("[[chest pain]] , denies [[sob]]", [[], ["NEGATION"]]),
        ("no [[fever]] but [[cough]]", [["NEGATION"], []]),
        ("no increase in [[pain]]", [[]]),
        ("no a b c d e f [[rash]]", [[]]),  // beyond max scope 6
        ("[[fever]] : none", [["NEGATION"]]),
        ("[[blood transfusion]] : no", [["NEGATION"]]),
        ("[[allergies]] : no known [[drug allergy]]", [[], ["NEGATION"]]),  // ": no" not at line end
        ("return if [[fever]] or [[vomiting]]", [["HYPOTHETICAL"], ["HYPOTHETICAL"]]),
        ("possible [[pneumonia]] , denies [[cough]]", [["LOW_CONFIDENCE"], ["NEGATION"]]),
        ("mother had [[breast cancer]]", [["PERTAINS_TO_FAMILY"]]),
        ("[[breast cancer]] in mother", [["PERTAINS_TO_FAMILY"]]),
        ("mother takes [[aspirin|MED]]", [[]]),  // family rule applies to conditions only
        ("denies [[chest pain]] , possible [[flu]]", [["NEGATION"], ["LOW_CONFIDENCE"]]),  // other category across a clause break stops scope
        ("no possible [[flu]]", [["NEGATION", "LOW_CONFIDENCE"]]),  // ...but not right after the trigger
        ("no a b c d [[fever]] , [[rash]] or [[itch]]", [["NEGATION"], ["NEGATION"], ["NEGATION"]]),  // a list runs past max scope
        ("no a b c d e [[abdominal pain]] or [[back pain]]", [["NEGATION"], ["NEGATION"]]),  // ...also when the limit falls inside an item
        // a backward list rule runs back through a list; other backward rules stop at a comma
        ("[[weight loss]] , [[night pain]] , [[fever]] : nil", [["NEGATION"], ["NEGATION"], ["NEGATION"]]),
        ("[[fever]] x y [[rash]] : nil", [[], ["NEGATION"]]),  // not a list: only max scope
        ("[[chest pain]] , [[tachycardia]] , [[pe]] excluded", [[], [], ["NEGATION"]]),
        ("[[chest pain]] and [[pe]] excluded", [["NEGATION"], ["NEGATION"]]),
        // a trigger never ends inside a target; the shorter trigger at its start is used
        ("no change in [[pain]]", [[]]),  // the pseudo-trigger still hides "no"
        ("no [[change in bowel habit]]", [["NEGATION"]]),
        // a multi-token terminator for one category
        ("denies [[calf pain]] , with new [[ankle swelling]]", [["NEGATION"], []]),
        // a trigger inside a fused negation negates nothing else; inside an affirmed term it still does
        ("[[not tachycardic|FUSED]] , [[febrile]]", [[], []]),
        ("[[not eating]] , [[febrile]]", [[], ["NEGATION"]]),
        // a `prefix` trigger counts only where no target ends right before it: '(-)' is read
        // forward before findings and backward after one; '(+)' ends a negation
        ("(-) [[fever]] , (-) [[weight loss]] , (+) [[fatigue]]", [["NEGATION"], ["NEGATION"], []]),
        ("[[fever]] (-) , [[cough]] (+)", [["NEGATION"], []]),
    ])
    func traits(marked: String, expected: [[String]]) {
        #expect(run(marked) == expected)
    }
}
