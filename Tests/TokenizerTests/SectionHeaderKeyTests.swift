import MedTextCore
import Testing
@testable import Tokenizer

/// The section rules' one table of header-key hashes (``HeaderKeyTable``, session 16): the word prefixes that let the
/// walk over a line stop early, and the rules of each joined key.
@Suite struct SectionHeaderKeyTests {
    static let rules = Fixtures.rules

    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 { bytes.reduce(fnvOffset, fnv1a) }

    /// Every rule is reachable from its joined key's hash, every word prefix of a joined key continues, every first-token
    /// key passes the line prefilter, and the flat joined keys are the rules' own.
    @Test func everyRuleKeyPrefixAndFirstKeyIsInTheTable() {
        for (r, rule) in Self.rules.sectionRules.enumerated() {
            let facts = Self.rules.headerKeys.facts(Self.hash(rule.joinedKey))
            var chain: [Int] = []
            var x = HeaderKeyTable.firstRule(facts)
            while x >= 0 {
                chain.append(x)
                x = Int(Self.rules.nextRuleWithSameKey[x])
            }
            #expect(chain.contains(r), "\(rule.id)")
            #expect(chain.allSatisfy { Self.rules.sectionRules[$0].joinedKey == rule.joinedKey }, "\(rule.id)")
            #expect(Self.rules.firstTokenHashes.find(Self.hash(rule.keys[0])) != nil, "\(rule.id)")
            for (i, b) in rule.joinedKey.enumerated() where b == 0x20 {
                #expect(Self.rules.headerKeys.facts(Self.hash(rule.joinedKey[..<i])) & HeaderKeyTable.continues != 0, "\(rule.id)")
            }
            let keys = Self.rules.headerKeys, start = r == 0 ? 0 : Int(keys.joinedKeyEnds[r - 1])
            #expect(Array(keys.joinedKeyBytes[start..<Int(keys.joinedKeyEnds[r])]) == rule.joinedKey, "\(rule.id)")
            #expect(keys.joinedKey(of: r, equals: rule.joinedKey) && !keys.joinedKey(of: r, equals: rule.joinedKey + [0x20]), "\(rule.id)")
        }
    }

    /// Words that begin no header leave the table empty-handed (no word prefix, no rule), so a line of them stops
    /// after its first word.
    @Test(arguments: ["the", "patient reports", "zzqx", "history of the patient"])
    func wordsOfNoHeaderAreNotInTheTable(_ words: String) {
        #expect(Self.rules.headerKeys.facts(Self.hash(Array(words.utf8))) == 0)
    }

    /// Every header of `sections.tsv`, written with a colon on its own line, starts a section of its rule (the first
    /// rule with the same words): the multi-word headers are found through their prefixes' `continues` facts, and
    /// the longest header wins over a shorter one that its words begin with.
    @Test func everyHeaderWithAColonStartsItsSection() {
        for rule in Self.rules.sectionRules {
            let text = "\(rule.header):\nbody text here\n"
            let sections = Fixtures.tokenizer.analyze(Document(text: text)).sections
            let first = Self.rules.sectionRules.first { $0.joinedKey == rule.joinedKey }!
            #expect(sections.first?.ruleID == first.id, "\(rule.id)")
            #expect(sections.first?.headerSpan == TextSpan(0, rule.header.utf8.count + 1), "\(rule.id)")
        }
    }
}
