@testable import EntityRecognizer
import Foundation
import MedTextCore
import MedTextKit
import MedTextTestSupport
import Testing

/// The per-token facts of PHI detection (``PHIDetection/Prepared``) are computed in one pass over the tokens, with the
/// vocabulary probes in a second, short loop and the lower-case lines judged while the tokens are counted (session 12,
/// helper `speedA`). These tests compare them with the plain definitions: one table probe per token and
/// ``PHIDetection/Prepared/markLowerLines(_:_:)`` over the finished tokens. `PHIPipeline.detect` tokenizes only (no
/// sentences or sections); the last test checks that no PHI rule misses them.
@Suite struct PHIPreparedTokensTests {
    static var vocabulary: PHIVocabulary { PHIPipelineTests.pipeline.recognizer.vocabulary }

    /// The prepared tokens of `text`, and the same tokens with `ll` set by `markLowerLines` instead (when the note is
    /// neither ALL CAPS nor lower case, as in detection).
    static func prepared(_ text: String) -> (PHIDetection.Prepared, [PTok]) {
        var text = text
        let tokens = PHIPipelineTests.pipeline.pipeline.tokenizer.tokenize(text)
        return text.withUTF8 { b in
            let p = PHIDetection.Prepared(b: b, tokens: tokens, vocab: vocabulary)
            var reference = p.tokens
            for k in reference.indices { reference[k].ll = false }
            if !p.capsDoc && !p.lowerDoc { reference.withUnsafeMutableBufferPointer { PHIDetection.Prepared.markLowerLines($0, b) } }
            return (p, reference)
        }
    }

    /// Whether every prepared token carries what one probe of its own key (and of its key without a possessive) gives.
    static func probesAgree(_ text: String) -> Bool {
        var text = text
        let (p, _) = prepared(text)
        let table = vocabulary.table
        return text.withUTF8 { b in
            p.tokens.allSatisfy { tok in
                let value = table.value(wordKey(b, tok.s, tok.e))
                guard tok.key == wordKey(b, tok.s, tok.e), tok.rb.rawValue == UInt32(truncatingIfNeeded: value >> 32),
                    tok.ps == (tok.kind != .number && tok.rb.contains(.phraseStart))
                else { return false }
                guard tok.kind == .word else { return tok.bits.rawValue == 0 && tok.base == tok.key }
                let possessive = tok.e - tok.s > 3 && b[tok.e - 1] | 0x20 == 0x73 && b[tok.e - 2] == 0x27
                let curly = !possessive && tok.e - tok.s > 5 && b[tok.e - 1] | 0x20 == 0x73 && b[tok.e - 2] == 0x99 && b[tok.e - 4] == 0xE2
                guard tok.base == wordKey(b, tok.s, tok.e - (possessive ? 2 : curly ? 4 : 0)) else { return false }
                var bits = PHIWordBits(rawValue: UInt32(truncatingIfNeeded: table.value(tok.base)))
                if tok.e - tok.s >= 4 && b[tok.s + 1] == 0x27 && b[tok.s] &- 0x41 < 26 && b[tok.s + 2] &- 0x41 < 26 { bits.insert(.lastName) }
                return tok.bits == bits
            }
        }
    }

    /// Rows of mixed-case notes (under twenty words: neither ALL CAPS nor lower case) with and without lower-case
    /// lines, a possessive (`'s`, `’s`), an apostrophe surname, numbers and punctuation; `lowerLines` are the lines
    /// (from 0) whose tokens are marked `ll`. A line is lower case with two lower-case words and no capitalised word
    /// except after an opener (line start, `.`, `:`, `;`, `(`, `"`, `-`).
    @Test(arguments: [
        ("Seen by Dr Kaur today.\naddr: 22 mackerel st, bayview heights qld 4868\nPlan: review in 2/52.", [1, 2]),
        ("Seen by Dr Kaur today.\nseen by dr kaur, BP ok, pt well\nPlan as below.", [1, 2]),
        ("Seen by Dr Kaur today.\nseen by Dr Kaur in clinic\nPlan as below.", [2]),
        ("Mrs O'Brien's daughter rang. Mary’s husband and Nguyen's GP. Phone 0412 345 678.", []),
        ("Reviewed.\nno complaints. (daughter here) - obs stable: afebrile; \"happy\"\nThe end.", [1]),
    ])
    func preparedTokensMatchTheirDefinitions(_ text: String, lowerLines: [Int]) {
        let (p, reference) = Self.prepared(text)
        #expect(p.tokens.map(\.ll) == reference.map(\.ll))
        var line = -1
        var marked: [Int] = []
        for tok in p.tokens {
            if tok.nl { line += 1 }
            if tok.ll && marked.last != line { marked.append(line) }
        }
        #expect(marked == lowerLines)
        #expect(Self.probesAgree(text))
    }

    /// Session 20 (prepspeed): a token record is 40 bytes, its byte offsets held in 32 bits, and they read back as
    /// written up to the longest text the token rules read (``PHIRecognizer/maxTokenRuleBytes``). The prepared tokens'
    /// offsets are the tokenizer's non-space tokens'.
    @Test(arguments: [0, 1, 4_095, 65_536, Int(Int32.max), PHIRecognizer.maxTokenRuleBytes - 1, PHIRecognizer.maxTokenRuleBytes])
    func tokenRecordsHoldTheirOffsets(_ offset: Int) {
        #expect(MemoryLayout<PTok>.stride == 40)
        #expect(PHIRecognizer.maxTokenRuleBytes == Int(UInt32.max))
        let tok = PTok(s: offset / 2, e: offset, kind: .word, flags: [.hasLetter], key: 1, base: 2, bits: [], rb: [], nl: true)
        #expect(tok.s == offset / 2 && tok.e == offset && tok.key == 1 && tok.base == 2 && tok.kind == .word && tok.nl)
        let text = "Seen by Dr Kaur today.\n  addr: 22 mackerel st,\tbayview qld 4868 ( Mary’s GP )"
        let (p, _) = Self.prepared(text)
        let tokens = PHIPipelineTests.pipeline.pipeline.tokenizer.tokenize(text).filter { !$0.isSpace }
        #expect(p.tokens.map { TextSpan($0.s, $0.e) } == tokens.map(\.span))
        #expect(p.tokens.map(\.kind) == tokens.map(\.kind) && p.tokens.map(\.flags) == tokens.map(\.flags))
    }

    /// The small table of one- and two-byte token values (``PHIShortValues``) answers as the vocabulary table does, for
    /// every one-byte token and every pair of ASCII letters and digits in either case, as typed: rows by first byte kind.
    @Test(arguments: ["0123456789", "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"])
    func shortValuesAgreeWithTheTable(_ firsts: String) {
        let vocabulary = Self.vocabulary
        let seconds = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
        var checked = 0, nonzero = 0
        for a in firsts.utf8 {
            for c in [nil] + seconds.map(Optional.some) {
                let bytes: [UInt8] = c.map { [a, $0] } ?? [a]
                bytes.withUnsafeBufferPointer { b in
                    let expected = vocabulary.table.value(wordKey(b, 0, b.count))
                    #expect(vocabulary.shortValues.value(b, 0, b.count) == expected, "\(bytes)")
                    if expected != 0 { nonzero += 1 }
                }
                checked += 1
            }
        }
        #expect(checked == firsts.utf8.count * 63 && nonzero > 0)
        // Every one-byte token, and longer or non-alphanumeric two-byte tokens go to the table.
        for byte in 0...255 {
            [UInt8(byte)].withUnsafeBufferPointer { b in
                #expect(vocabulary.shortValues.value(b, 0, 1) == vocabulary.table.value(wordKey(b, 0, 1)), "\(byte)")
            }
        }
        Array("a.abc".utf8).withUnsafeBufferPointer { b in
            #expect(vocabulary.shortValues.value(b, 0, 2) == nil && vocabulary.shortValues.value(b, 2, 5) == nil)
        }
    }

    /// Every dev note of both gold corpora (the test splits stay unread): the same per-token facts as the definitions,
    /// and the same PHI whether or not the note's sentences and sections were found before detection.
    @Test func devNotesPrepareAsDefinedAndNeedNoSentences() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let pipeline = PHIPipelineTests.pipeline
        var notes = 0, marked = 0
        for corpus in ["corpora/phi/dev", "corpora/gold/dev"] {
            let dir = root.appendingPathComponent(corpus)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).filter({ $0.hasSuffix(".txt") }).sorted() {
                let m = MarkedText(try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8))
                let (p, reference) = Self.prepared(m.text)
                #expect(p.tokens.map(\.ll) == reference.map(\.ll), "\(corpus)/\(name)")
                #expect(Self.probesAgree(m.text), "\(corpus)/\(name)")
                let document = Document(text: m.text)
                let analyzed = pipeline.pipeline.analyze(document)
                #expect(pipeline.detect(document).entities == pipeline.recognizer.recognize(analyzed), "\(corpus)/\(name)")
                notes += 1
                marked += p.tokens.filter(\.ll).count
            }
        }
        #expect(notes >= 300 && marked > 0)
    }
}
