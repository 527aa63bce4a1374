public import MedTextCore

extension Recognizer {
    /// A medication named with its level is the drug-level test, not the drug (GUIDELINE §5, as the
    /// gold annotates therapeutic drug monitoring and toxicology): `[lithium level] 0.8`,
    /// `[Clozapine level] at 300mg`, `[vancomycin trough] 12`, `repeat [APAP level]`. A medication
    /// entity followed on its line by a word of `drug_level_nouns` (level, levels, trough,
    /// concentration) that no other entity holds becomes a TEST_NAME over both words; one followed
    /// by a result word (`drug_screen_results`: `Ethanol negative`, `Salicylate undetectable`) becomes a
    /// TEST_NAME over the drug. The test keeps no traits, attributes or concept (the drug's code is
    /// not the test's), so its value is read as a TEST_VALUE.
    func drugLevelTests(_ entities: inout [Entity], ranges: inout [Range<Int>], content c: Content, doc: AnnotatedDocument) {
        let keys = c.lexKeys
        func isLevelTest(_ n: Int) -> Bool {
            let k = ranges[n].upperBound
            guard entities[n].category == .medication, k < keys.count, !c.lineEnd[k - 1] else { return false }
            return words.drugLevelNouns.contains(keys[k]) || words.drugScreenResults.contains(keys[k])
        }
        // Most notes name no drug level: nothing is allocated for them.
        guard entities.indices.contains(where: isLevelTest) else { return }
        let owner = Self.tokenOwners(ranges, count: keys.count)
        for n in entities.indices where isLevelTest(n) {
            let r = ranges[n]
            let noun = words.drugLevelNouns.contains(keys[r.upperBound])
            guard owner[r.upperBound] < 0 else { continue }
            if noun { ranges[n] = r.lowerBound..<(r.upperBound + 1) }
            Self.retypeAsTestName(&entities[n], span: span(ranges[n], c, doc), rule: "drug-level-test")
        }
    }

    /// Turns an entity into a TEST_NAME over `span` (a drug level, an organism's test): the traits, codes and
    /// attributes of its first reading go, and the rule that retyped it is its evidence.
    static func retypeAsTestName(_ e: inout Entity, span: TextSpan, rule: String) {
        e.span = span
        e.category = .testTreatmentProcedure
        e.type = .testName
        e.traits = []
        e.conceptIDs = []
        e.attributes = []
        e.evidence.append(Evidence(subject: "rule", ruleID: rule))
    }
}
