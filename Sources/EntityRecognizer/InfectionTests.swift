public import MedTextCore

extension Recognizer {
    /// A named infection reported with a laboratory result is a test of it, not a condition
    /// (guideline §5, as the gold annotates it): `[C. diff] [neg]`, `[influenza] neg, [COVID] neg`,
    /// `[Hep C serology] [negative]`, `[C. diff toxin] [not detected]`, `HIV, syphilis,
    /// [hepatitis B]: all nonreactive`. A condition entity with an infection word (``AttributeWords/infectionWords``)
    /// becomes a TEST_NAME when what follows it on its line, over test nouns (`serology`, `PCR`,
    /// `toxin`, `swab`...), list joins and other such infections, is a result word (`neg`,
    /// `negative`, `-ve`, `positive`, `nonreactive`, `detected`, `not detected`). The test nouns
    /// right after the name join its span. It keeps no condition traits and no concept (a disorder
    /// code is not the test's code), so its result is read as a TEST_VALUE and it is never negated
    /// (rule T1). ROS items such as `Fever: neg` are not infections and stay negated conditions.
    func infectionTests(_ entities: inout [Entity], ranges: inout [Range<Int>], content c: Content, doc: AnnotatedDocument) {
        let keys = c.lexKeys
        func isInfection(_ n: Int) -> Bool {
            entities[n].category == .medicalCondition && ranges[n].contains { words.infectionWords.contains(keys[$0]) }
        }
        // Most notes name no infection: nothing is allocated for them.
        guard entities.indices.contains(where: isInfection) else { return }
        let owner = Self.tokenOwners(ranges, count: keys.count)
        for n in entities.indices where isInfection(n) {
            let r = ranges[n]
            var k = r.upperBound
            var steps = 0
            var isResult = false
            while k < keys.count && steps < 10 {
                let key = keys[k]
                if words.testResults.contains(key) || (key == words.not && k + 1 < keys.count && keys[k + 1] == words.detected) {
                    isResult = true
                    break
                }
                if owner[k] >= 0 {
                    guard isInfection(owner[k]) else { break }
                    k = ranges[owner[k]].upperBound
                } else if words.testNouns.contains(key) || words.resultJoins.contains(key) {
                    k += 1
                } else {
                    break
                }
                if c.lineEnd[k - 1] { break }
                steps += 1
            }
            guard isResult else { continue }
            // The test nouns right after the name are part of it ("Hep C serology", "C. diff toxin").
            var end = r.upperBound
            while end < keys.count, owner[end] < 0, words.testNouns.contains(keys[end]), !c.lineEnd[end - 1] { end += 1 }
            ranges[n] = r.lowerBound..<end
            Self.retypeAsTestName(&entities[n], span: span(ranges[n], c, doc), rule: "infection-test")
        }
    }
}
