@testable import EntityRecognizer
import Foundation
import MedTextCore
import MedTextLexicons
import Testing
import Tokenizer

extension PHIRuleWords {
    /// The shipped `lexicons/data/phi/rule_words.tsv`.
    static let shippedText = try! String(
        contentsOf: MedTextLexicons.bundledDataDirectory.appendingPathComponent("phi/rule_words.tsv"), encoding: .utf8)
    static let shipped = try! PHIRuleWords(tsv: shippedText)
    /// Every set, in case order.
    var allSets: [Set<UInt64>] { PHIRuleSet.allCases.map { self[$0] } }

    /// The shipped file without the rows of `set`, or without one row (`set`, `word`).
    static func shippedText(without set: PHIRuleSet, word: String? = nil) -> String {
        shippedText.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { line in
                let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
                return !(cols.count >= 2 && cols[0] == set.fileName && (word == nil || cols[1] == word!))
            }
            .joined(separator: "\n")
    }
}

/// The PHI rules' word sets are data (`phi/rule_words.tsv`, ``PHIRuleSet``): the file's checks, the sets' contents,
/// and proof that detection reads its words from the file.
@Suite struct PHIRuleWordsTests {
    /// Every case has a snake-case file name that maps back to it (the names come from the case names, so a build
    /// without reflection metadata would fail here, not in the field) and at least one shipped word.
    /// Session 14: `mayContain` (the pre-test before the probe) never says no to a key of the set, for every shipped set;
    /// for a small set (`work_verbs`, `organization_prepositions`) most of a list of ordinary words are turned away
    /// without a probe.
    @Test(arguments: PHIRuleSet.allCases)
    func mayContainHoldsForEveryKeyOfTheSet(set: PHIRuleSet) {
        let words = PHIRuleWords.shipped
        #expect(words[set].allSatisfy { words.mayContain(set, $0) }, "\(set.fileName)")
    }

    /// Session 18 (speedB): the frozen table (`contains`, one allocation read through a pointer) answers as the set does,
    /// for every shipped set's own keys, every other set's keys and keys of no set; and a set holding the key 0 (which
    /// marks empty slots) finds it while the other sets do not.
    @Test(arguments: PHIRuleSet.allCases)
    func frozenTableAnswersAsTheSet(set: PHIRuleSet) {
        let words = PHIRuleWords.shipped
        var probes = Set<UInt64>()
        for other in PHIRuleSet.allCases { probes.formUnion(words[other]) }
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(set.rawValue + 1)
        for _ in 0..<500 {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17
            probes.insert(x)
        }
        let wrong = probes.filter { words.contains(set, $0) != words[set].contains($0) }
        #expect(wrong.isEmpty, "\(set.fileName): \(wrong.count) of \(probes.count) keys answered wrong")
        #expect(!words.contains(set, 0) || words[set].contains(0))
    }

    @Test(arguments: [0, 3, PHIRuleSet.allCases.count - 1])
    func frozenTableFindsTheZeroKeyOnlyInItsSet(index: Int) {
        var sets = PHIRuleWords.shipped.allSets
        sets[index].insert(0)
        let words = PHIRuleWords(sets: sets)
        for s in PHIRuleSet.allCases {
            #expect(words.contains(s, 0) == (s.rawValue == index), "\(s.fileName)")
            #expect(words[s].allSatisfy { words.contains(s, $0) }, "\(s.fileName)")
        }
    }

    @Test(arguments: [PHIRuleSet.workVerbs, .organizationPrepositions])
    func mayContainTurnsAwayMostOtherWords(set: PHIRuleSet) {
        let words = PHIRuleWords.shipped
        let others = ["patient", "pain", "daily", "denies", "history", "tablet", "review", "blood", "pressure", "chest", "the",
                      "was", "and", "with", "left", "right", "normal", "plan", "follow", "clinic", "nurse", "given", "noted",
                      "stable", "mild", "today", "week", "month", "year", "also"].map { PHIVocabulary.key($0[...]) }.filter { !words[set].contains($0) }
        let passed = others.filter { words.mayContain(set, $0) }.count
        #expect(others.count >= 20 && passed * 3 <= others.count, "\(set.fileName): \(passed) of \(others.count)")
    }

    @Test(arguments: PHIRuleSet.allCases)
    func everySetHasAFileNameAndShippedWords(set: PHIRuleSet) {
        #expect(PHIRuleSet.byFileName[set.fileName] == set)
        #expect(set.fileName.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" }, "\(set.fileName)")
        #expect(!PHIRuleWords.shipped[set].isEmpty, "\(set.fileName)")
    }

    @Test(arguments: [
        (PHIRuleSet.kinship, "wife", true), (.kinship, "daughter-in-law", true), (.kinship, "aspirin", false),
        (.monthNames, "sept", true), (.monthNames, "mon", false), (.weekdays, "thurs", true), (.weekdays, "march", false),
        (.idCues, "mrn", true), (.idCues, "metformin", false), (.orgSuffixes, "pty", true),
        // Not organisation endings: a delayed union, otitis media.
        (.orgSuffixes, "union", false), (.orgSuffixes, "media", false),
        (.quantityUnits, "mg", true), (.quantityUnits, "pager", false), (.nameParticles, "van", true), (.nameParticles, "mr", false),
        (.weakTitles, "miss", true), (.weakTitles, "dr", false), (.streetDirections, "ne", true), (.streetDirections, "st", false),
        (.skippedStreetAbbreviations, "rr", true), (.skippedStreetAbbreviations, "rd", false),
        (.unitExpansions, "apartment", true), (.unitExpansions, "street", false),
        (.eponymFollower, "clamps", true), (.eponymFollower, "parkinson", false),
        (.birthCues, "d.o.b.", true), (.genericServiceWords, "centre's", true), (.genericServiceWords, "centre", false),
        // The byte scanner's lists: ID-cue fillers and URL top-level domains.
        (.scanIdFillers, "gold", true), (.scanIdFillers, "code", true), (.scanIdFillers, "mrn", false),
        (.urlTopLevelDomains, "com", true), (.urlTopLevelDomains, "au", true), (.urlTopLevelDomains, "exe", false),
        (.urlTopLevelDomains, "txt", false),
        // Place forms: property words, services before them, place labels.
        (.propertyWords, "station", true), (.propertyWords, "hospital", false), (.serviceStationWords, "police", true),
        (.serviceStationWords, "doreen", false), (.placeLabels, "birthplace", true), (.placeLabels, "country", false),
    ])
    func shippedSetsHoldTheirWords(set: PHIRuleSet, word: String, member: Bool) {
        #expect(PHIRuleWords.shipped[set].contains(wordKey(word)) == member, "\(set.fileName) \(word)")
    }

    @Test(arguments: [
        ("set\tword\tnote\nno_such_set\tword\t\n", 2, "unknown set 'no_such_set'"),
        ("set\tword\tnote\nKinship\twife\t\n", 2, "unknown set 'Kinship'"),  // names are case-sensitive
        ("set\tword\tnote\nkinship\n", 2, "columns"),
    ])
    func badRowsAreBuildErrorsNamingTheLine(text: String, line: Int, detail: String) {
        #expect {
            _ = try PHIRuleWords(tsv: text)
        } throws: { error in
            guard let e = error as? PHIVocabularyError else { return false }
            return e.file == "rule_words.tsv" && e.line == line && e.detail.contains(detail) && e.code == "MT-PHI-001"
        }
    }

    /// A set the rules read but the file lacks is a build error naming the set, so the file and the rules cannot drift.
    @Test(arguments: [PHIRuleSet.kinship, .eponymFollower, .unitExpansions, .auxiliaryVerbs])
    func aSetWithoutRowsIsABuildError(set: PHIRuleSet) {
        #expect {
            _ = try PHIRuleWords(tsv: PHIRuleWords.shippedText(without: set))
        } throws: { error in
            (error as? PHIVocabularyError)?.detail.contains("'\(set.fileName)'") == true
        }
    }

    /// Detection follows the file: with one word removed from one set (nothing else changed) the span that word's
    /// rule found is no longer found; the shipped file finds it. Names and places are unlisted (`Qorvath`), so only
    /// the rule word decides.
    @Test(arguments: [
        ("Lives with flatmate Zed Qorvath.", PHIRuleSet.kinship, "flatmate", "NAME:Zed Qorvath"),
        ("Seen Thurs 4/3 in clinic.", .weekdays, "thurs", "DATE:Thurs 4/3"),
        ("Grew up on Qorvath Homestead.", .propertyWords, "homestead", "ADDRESS:Qorvath Homestead"),
    ])
    func detectionReadsItsWordsFromTheFile(text: String, set: PHIRuleSet, word: String, span: String) throws {
        let tokenizer = CompiledLexiconImageTests.tokenizer
        func found(_ ruleWords: String) throws -> [String] {
            var files = PHIVocabularyFiles()
            files.censusFirstNames = "name\tsex\tpercent\tcommon_word\nmary\tF\t2.6\tno\n"
            files.censusLastNames = "name\tpercent\tcommon_word\nsmith\t0.8\tno\n"
            files.ruleWords = ruleWords
            let doc = tokenizer.analyze(Document(text: text))
            return PHIRecognizer(vocabulary: try PHIVocabulary(files: files), options: .rulesOnly).recognize(doc)
                .map { "\($0.type.rawValue):" + String(decoding: Array(text.utf8)[$0.span.start..<$0.span.end], as: UTF8.self) }
        }
        let without = PHIRuleWords.shippedText(without: set, word: word)
        #expect(try PHIRuleWords(tsv: without)[set].count == PHIRuleWords.shipped[set].count - 1)
        #expect(try found(PHIRuleWords.shippedText) == [span])
        #expect(try found(without) == [])
    }

    /// The byte scanner follows the file too: without one filler the ID after it is no longer found, without one
    /// top-level domain the host written without a scheme is no longer a URL.
    @Test(arguments: [
        ("DVA gold card QX417726", PHIRuleSet.scanIdFillers, "gold", "ID:QX417726"),
        ("Portal: qorvath-gp.example.com.au today", .urlTopLevelDomains, "au", "URL:qorvath-gp.example.com.au"),
    ])
    func scannerReadsItsWordsFromTheFile(text: String, set: PHIRuleSet, word: String, span: String) throws {
        func found(_ ruleWords: String) throws -> [String] {
            PHIPatternRecognizer(words: PHIScanWords(try PHIRuleWords(tsv: ruleWords))).recognize(text)
                .map { "\($0.type.rawValue):" + String(decoding: Array(text.utf8)[$0.span.start..<$0.span.end], as: UTF8.self) }
        }
        #expect(try found(PHIRuleWords.shippedText) == [span])
        #expect(try found(PHIRuleWords.shippedText(without: set, word: word)) == [])
    }
}
