import MedTextCore
@testable import MedTextKit
import Testing

/// speedB session 19: the repeat layer's mentions join the detected entities by one merge, in the order
/// `(entities + repeats).sorted { $0.span < $1.span }` gives (an entity before a repeat on equal spans).
struct PHIDeidMergeTests {
    static func list(_ spans: [(Int, Int)], _ rule: String) -> [Entity] {
        spans.map {
            Entity(category: .protectedHealthInformation, type: .name, span: TextSpan($0.0, $0.1),
                   evidence: [Evidence(subject: "match", ruleID: rule)])
        }
    }

    @Test(arguments: [
        ([(0, 4), (10, 14), (30, 40)], [(5, 9), (20, 25), (50, 55)]),
        ([(10, 14)], [(0, 3), (5, 8)]),
        ([(0, 3), (5, 8)], [(10, 14)]),
        ([(5, 9)], [(5, 9)]),
        // Same start: the longer span first (``TextSpan`` `<`); the second row is out of order and falls back to the sort.
        ([(5, 12), (5, 9)], [(5, 10)]),
        ([(5, 9), (5, 12)], [(5, 10)]),
        ([(10, 14), (0, 4)], [(5, 9)]),
        ([(0, 4)], [(20, 25), (5, 9)]),
    ] as [([(Int, Int)], [(Int, Int)])])
    func mergeIsTheSortedConcatenation(entities: [(Int, Int)], repeats: [(Int, Int)]) {
        let e = Self.list(entities, "phi:rule"), r = Self.list(repeats, "phi:deid-repeat-word")
        let merged = PHIPipeline.merged(e, r)
        let reference = (e + r).sorted { $0.span < $1.span }
        #expect(merged.map(\.span) == reference.map(\.span))
        #expect(merged.map { $0.evidence.first?.ruleID } == reference.map { $0.evidence.first?.ruleID })
        #expect(merged.count == e.count + r.count)
    }
}
