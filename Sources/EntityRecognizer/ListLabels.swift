public import MedTextCore

extension Recognizer {
    /// A generic test-group word written as the label of a list of results (`Labs:`, `Bloods:`,
    /// `Recent bloods:`; word class `result_list_labels`) names no test of its own: the tests are the
    /// list's items (`[[Labs]]: lipase 2,340 U/L, WBC 15.8` annotates lipase and WBC; 1 of 26 such labels
    /// on dev is annotated). Marks such TEST_NAME entities in `keep` (false: drop). The same word
    /// anywhere else stays a test (`bloods sent`, `repeat labs in AM`).
    /// - Complexity: O(entities).
    func markResultListLabels(_ entities: [Entity], ranges: [Range<Int>], content c: Content, keep: inout [Bool]?) {
        let keys = c.lexKeys
        for n in entities.indices where n < ranges.count && entities[n].type == .testName && ranges[n].count == 1 {
            let k = ranges[n].lowerBound
            guard words.resultListLabels.contains(keys[k]), k + 1 < keys.count, !c.lineEnd[k], keys[k + 1] == words.colon else { continue }
            if keep == nil { keep = [Bool](repeating: true, count: entities.count) }
            keep![n] = false
        }
    }
}
