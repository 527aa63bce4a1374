@testable import EntityRecognizer
import MedTextCore
import Testing

/// `PHIRecognizer.resolve` (session 16, speedC: candidates read in place, the selection put in text order as indices)
/// against its definition written plainly.
@Suite struct PHIResolveTests {
    /// The definition: candidates by priority (higher first), then length (longer first), then start (earlier first),
    /// then input order; each is taken unless it is empty or overlaps one taken before; the result in text order.
    static func reference(_ candidates: [Candidate]) -> [Entity] {
        let order = candidates.indices.sorted { a, b in
            let x = candidates[a], y = candidates[b]
            if x.priority != y.priority { return x.priority > y.priority }
            if x.entity.span.length != y.entity.span.length { return x.entity.span.length > y.entity.span.length }
            if x.entity.span.start != y.entity.span.start { return x.entity.span.start < y.entity.span.start }
            return a < b
        }
        var taken: [TextSpan] = []
        var out: [Entity] = []
        for i in order {
            let s = candidates[i].entity.span
            if s.isEmpty || taken.contains(where: { $0.start < s.end && s.start < $0.end }) { continue }
            taken.append(s)
            out.append(candidates[i].entity)
        }
        return out.sorted { $0.span < $1.span }
    }

    /// A candidate of `type` over `start..<end` with a rule id, so that equal spans of different candidates differ.
    static func candidate(_ type: EntityType, _ start: Int, _ end: Int, priority: Int, rule: String) -> Candidate {
        Candidate(
            entity: Entity(category: .protectedHealthInformation, type: type, span: TextSpan(start, end), score: 0.5,
                           evidence: [Evidence(subject: "match", ruleID: "phi:" + rule)]),
            priority: priority)
    }

    @Test func higherPriorityThenLongerThenEarlierThenFirstWins() {
        let c = [
            Self.candidate(.name, 0, 5, priority: 3, rule: "a"),
            Self.candidate(.address, 2, 12, priority: 3, rule: "b"),  // longer, same priority: taken, `a` overlaps it
            Self.candidate(.date, 20, 24, priority: 5, rule: "c"),
            Self.candidate(.name, 18, 30, priority: 2, rule: "d"),  // longer but lower priority than `c`: dropped
            Self.candidate(.id, 40, 44, priority: 1, rule: "e"),
            Self.candidate(.name, 40, 44, priority: 1, rule: "f"),  // same span and priority: the first one wins
            Self.candidate(.name, 50, 50, priority: 9, rule: "g"),  // empty: never taken
        ]
        let got = PHIRecognizer.resolve(c).map { $0.evidence[0].ruleID }
        #expect(got == ["phi:b", "phi:c", "phi:e"])
    }

    @Test(arguments: 0..<40)
    func resolveIsItsDefinition(seed: Int) {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func next(_ n: UInt64) -> Int {
            // SplitMix64.
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % n)
        }
        let types: [EntityType] = [.name, .date, .address, .id]
        let candidates = (0..<next(40)).map { k in
            let s = next(80)
            return Self.candidate(types[next(4)], s, s + next(9), priority: next(5), rule: "r\(k)")
        }
        #expect(PHIRecognizer.resolve(candidates) == Self.reference(candidates))
    }
}
