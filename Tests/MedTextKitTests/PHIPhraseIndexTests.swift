@testable import EntityRecognizer
import MedTextKit
import Testing

/// ``PHIPhraseIndex`` (session 14) answers every phrase lookup of ``PHIDetection/phrase(at:kinds:where:)``; since
/// session 15 it is the only place the vocabulary holds its phrases (an image stores them once, in the index). Every
/// first key's run of records reads back as its phrases (keys and kind), each starting with that key, longest first;
/// a key no phrase starts with finds nothing; an index read back from an image's arrays is refused when a record or a
/// run is inconsistent.
@Suite struct PHIPhraseIndexTests {
    @Test func everyRunReadsBackAsItsPhrasesLongestFirst() {
        let index = PHIPipelineTests.pipeline.recognizer.vocabulary.phraseIndex
        var phrases = 0, wrongRuns = 0, wrongPhrases = 0
        let slots = index.table.slots.buffer
        for s in stride(from: 0, to: slots.count, by: 2) where slots[s] != 0 {
            let first = slots[s], v = slots[s + 1]
            let start = Int(v >> 32), count = Int(v & 0xFFFF_FFFF)
            let run = index.phrases(startingWith: first)
            if run.count != count || run.startIndex != start { wrongRuns += 1 }
            var previousLength = Int.max
            for (j, p) in run.enumerated() {
                let record = index.records[start + j]
                let offset = Int(record >> 32), n = Int((record >> 16) & 0xFFFF)
                let kind = PHIVocabulary.kind(UInt8(truncatingIfNeeded: record >> 8), UInt8(truncatingIfNeeded: record))
                if Array(index.keys.buffer[offset..<(offset + n)]) != p.keys || kind != p.kind || p.keys.first != first
                    || p.keys.count > previousLength
                {
                    wrongPhrases += 1
                }
                previousLength = p.keys.count
            }
            phrases += count
        }
        #expect(wrongRuns == 0 && wrongPhrases == 0)
        #expect(phrases == index.phrases.count && phrases > 1_000)
    }

    @Test(arguments: ["zzqxv", "pain", "hypertension"])
    func aKeyNoPhraseStartsWithFindsNothing(_ word: String) {
        let index = PHIPipelineTests.pipeline.recognizer.vocabulary.phraseIndex
        let key = wordKey(word)
        #expect(index.phrases(startingWith: key).isEmpty)
        #expect(index.table.value(key) == 0)
    }

    /// The arrays an image stores read back into the same index; a damaged array is refused.
    enum Damage: CaseIterable, Sendable {
        case none, keysOutOfRange, unknownKind, noKeys, runOfAnotherKey, runOutOfRange
    }

    @Test(arguments: Damage.allCases)
    func anIndexReadFromItsArraysIsCheckedRecordByRecord(_ damage: Damage) {
        let a = PHIPhrase(keys: [wordKey("royal"), wordKey("park")], kind: .place)
        let b = PHIPhrase(keys: [wordKey("royal")], kind: .title)
        let c = PHIPhrase(keys: [wordKey("mount"), wordKey("isa")], kind: .organization(placeOnly: true))
        let built = PHIPhraseIndex([wordKey("royal"): [a, b], wordKey("mount"): [c]])
        var records = Array(built.records.buffer), keys = Array(built.keys.buffer)
        var slots = Array(built.table.slots.buffer)
        switch damage {
        case .none: break
        case .keysOutOfRange: records[0] = UInt64(keys.count) << 32 | records[0] & 0xFFFF_FFFF
        case .unknownKind: records[1] = records[1] & ~0xFF00 | 0x7F00
        case .noKeys: records[2] &= ~0xFFFF_0000
        case .runOfAnotherKey: keys[0] = wordKey("other")
        case .runOutOfRange:
            let s = stride(from: 0, to: slots.count, by: 2).first { slots[$0] != 0 }!
            slots[s + 1] = UInt64(records.count) << 32 | 1
        }
        let read = PHIKeyTable(validatingSlots: FrozenArray(slots)).flatMap {
            PHIPhraseIndex(table: $0, records: FrozenArray(records), keys: FrozenArray(keys))
        }
        if damage == .none {
            #expect(read.map { $0.same(as: built) } == true)
            #expect(read.map { Array($0.phrases(startingWith: wordKey("royal"))) } == [a, b])
        } else {
            #expect(read == nil)
        }
    }
}
