@testable import EntityRecognizer
import MedTextKit
import Testing

/// ``PHIPhraseIndex`` (session 14) answers every phrase lookup of ``PHIDetection/phrase(at:kinds:where:)`` as the
/// `Dictionary` of phrase lists it is built from did: for every first key the same phrases (keys and kind) in the
/// same order, and nothing for a key no phrase starts with.
@Suite struct PHIPhraseIndexTests {
    @Test func everyPhraseListReadsBackFromTheIndexInOrder() {
        let vocabulary = PHIPipelineTests.pipeline.recognizer.vocabulary
        let index = vocabulary.phraseIndex
        var phrases = 0, wrongRuns = 0, wrongPhrases = 0
        for (first, list) in vocabulary.phrases {
            let v = index.table.value(first)
            guard v & 0xFFFF_FFFF == UInt64(list.count) else {
                wrongRuns += 1
                continue
            }
            let start = Int(v >> 32)
            for (j, p) in list.enumerated() {
                let record = index.records[start + j]
                let offset = Int(record >> 32), n = Int((record >> 16) & 0xFFFF)
                let kind = PHIVocabulary.kind(UInt8(truncatingIfNeeded: record >> 8), UInt8(truncatingIfNeeded: record))
                if Array(index.keys.buffer[offset..<(offset + n)]) != p.keys || kind != p.kind || index.phrases[start + j] != p {
                    wrongPhrases += 1
                }
            }
            phrases += list.count
        }
        #expect(wrongRuns == 0 && wrongPhrases == 0)
        #expect(phrases == index.phrases.count && phrases > 1_000)
    }

    @Test(arguments: ["zzqxv", "pain", "hypertension"])
    func aKeyNoPhraseStartsWithFindsNothing(_ word: String) {
        let vocabulary = PHIPipelineTests.pipeline.recognizer.vocabulary
        let key = wordKey(word)
        #expect(vocabulary.phrases[key] == nil)
        #expect(vocabulary.phraseIndex.table.value(key) == 0)
    }
}
