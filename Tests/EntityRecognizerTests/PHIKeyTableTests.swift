@testable import EntityRecognizer
import MedTextCore
import Testing

/// The flat word-key table behind PHI vocabulary and cue lookups.
@Suite struct PHIKeyTableTests {
    @Test func findsEveryKeyAndNothingElse() {
        var entries: [UInt64: UInt64] = [:]
        var x: UInt64 = 0x1234_5678_9ABC_DEF0
        for n in 0..<5000 {
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            entries[x] = UInt64(n + 1)
        }
        let table = PHIKeyTable(entries)
        for (k, v) in entries { #expect(table.value(k) == v) }
        var misses = 0
        for n in 0..<5000 where table.value(UInt64(n) &* 0x9E37_79B9 &+ 7) != 0 { misses += 1 }
        #expect(misses == 0)
        #expect(PHIKeyTable([:]).value(42) == 0)
        #expect(table.value(wordKey("parkinson")) == 0)
    }

    @Test func monthsAndCuesComeFromOneLookup() {
        let scanTable = PHIScanWords(PHIRuleWords.shipped).table
        #expect(scanTable.value(wordKey("sept")) & 0xF == 9)
        #expect(scanCue(scanTable.value(wordKey("MRN"))) == .id)
        #expect(scanCue(scanTable.value(wordKey("aged"))) == .ageWord)
        #expect(scanTable.value(wordKey("health")) & (1 << 8) != 0)
    }
}

/// The byte scanner's word pattern looks a word up only when its first two letters and length are those of a month
/// name or an ID cue (``PHIScanWordFilter``): every such word passes, in any case; other words are skipped.
@Suite struct PHIScanWordFilterTests {
    static let filter = PHIScanWordFilter()

    static func mayHold(_ word: String) -> Bool {
        Array(word.utf8).withUnsafeBufferPointer { filter.mayHold($0, 0, $0.count) }
    }

    @Test(arguments: scanMonthNames.flatMap { $0 } + scanIdCueWords.filter { $0.utf8.allSatisfy(isAlpha) })
    func everyMonthAndIDCuePasses(_ word: String) {
        #expect(Self.mayHold(word) && Self.mayHold(word.uppercased()) && Self.mayHold(word.prefix(1).uppercased() + word.dropFirst()))
        #expect(PHIScanWords(PHIRuleWords.shipped).table.value(wordKey(word)) & 0x8F != 0)
    }

    /// Words that are no month or ID cue and share no first two letters and length with one; one letter is always asked.
    @Test(arguments: [("the", false), ("and", false), ("patient", false), ("Smith", false), ("Ma", false), ("x", true),
                      ("Mayo", false), ("Mar", true), ("juNE", true), ("Medicares", false)])
    func otherWordsAreSkipped(_ word: String, _ asked: Bool) {
        #expect(Self.mayHold(word) == asked)
    }

    /// Session 15: the cue filter of ``PHIScan/previousCue(_:)`` lets through every word the scanner's table holds as a
    /// cue (ID, date, phone or age word), in any case, so skipping the others changes no answer.
    @Test(arguments: scanIdCueWords + scanDateCueWords + scanPhoneCueWords + scanAgeCueWords)
    func everyCueWordPassesTheCueFilter(_ word: String) {
        let words = PHIScanWords(PHIRuleWords.shipped)
        for w in [word, word.uppercased(), word.prefix(1).uppercased() + word.dropFirst()] {
            #expect(Array(w.utf8).withUnsafeBufferPointer { words.cueFilter.mayHold($0, 0, $0.count) })
        }
        #expect(scanCue(words.table.value(wordKey(word))) != nil)
    }

    /// Words before a number that are no cue: most are skipped before the hash; one letter and a dotted word are asked.
    @Test(arguments: [("the", false), ("patient", false), ("weighs", false), ("scored", false), ("x", true), ("d.o.b", true),
                      ("Phone", true), ("sincere", false), ("Ages", true)])
    func cueFilterSkipsOtherWords(_ word: String, _ asked: Bool) {
        let filter = PHIScanWords(PHIRuleWords.shipped).cueFilter
        #expect(Array(word.utf8).withUnsafeBufferPointer { filter.mayHold($0, 0, $0.count) } == asked)
    }
}

/// Session 15: the byte scanner reads a word's letters once (``PHIScan/alphaRun(_:)``), hands their end to the word
/// pattern and skips the rest of the token from there (``PHIScan/tokenEnd(from:)``), where it used to walk the token
/// again from its first byte (``PHIScan/skipToken(_:)``). At every ASCII letter of these texts both skips end at the same
/// byte.
@Suite struct PHIScanTokenEndTests {
    @Test(arguments: [
        "Seen by Dr Smith on 12/03/2024, MRN A1234567; e-mail j.smith@example.com.au",
        "abc123def 4x4 x-ray O'Brien's café naïve résumé b.i.d. h/o",
        "ZZ9 q4h BP140/90 SpO2 98% pt's Ω-3 a\u{301}b",
        "word",
        "a",
    ])
    func skippingFromTheWordEndAgreesWithSkippingTheToken(_ text: String) {
        Array(text.utf8).withUnsafeBufferPointer { b in
            let scan = PHIScan(b: b, words: PHIScanWords(PHIRuleWords.shipped))
            for i in 0..<b.count where isAlpha(b[i]) {
                #expect(scan.tokenEnd(from: scan.alphaRun(i)) == scan.skipToken(i), "at byte \(i)")
            }
        }
    }

    @Test func randomTextsAgree() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("aZq09 .,-'/@é\n\tx".utf8) + [0xC3, 0xA9]
        for _ in 0..<60 {
            // Bytes from the alphabet; non-ASCII bytes stand alone here, which the skips read as any non-ASCII byte.
            let bytes = (0..<80).map { _ in alphabet.randomElement(using: &rng)! }
            bytes.withUnsafeBufferPointer { b in
                let scan = PHIScan(b: b, words: PHIScanWords(PHIRuleWords.shipped))
                for i in 0..<b.count where isAlpha(b[i]) {
                    #expect(scan.tokenEnd(from: scan.alphaRun(i)) == scan.skipToken(i))
                }
            }
        }
    }
}

/// Session 17: the byte scanner's walk (``PHIScan/run()``) carries whether the byte before it ends a word instead of
/// reading it again at every byte (``PHIScan/boundaryBefore(_:)``), and goes on after the byte that ends a skipped word
/// or number. On rows of every kind of pattern and on random texts it finds what the walk with the test at every byte
/// (the walk before session 17, written out here as the reference) finds.
@Suite struct PHIScanBoundaryTests {
    /// The walk with ``PHIScan/boundaryBefore(_:)`` at every byte.
    static func referenceRun(_ scan: inout PHIScan) {
        var i = 0
        while i < scan.n {
            let c = scan.b[i]
            if c >= 0x80 || !scan.boundaryBefore(i) {
                i += 1
                continue
            }
            if isDigit(c) {
                if let e = scan.numberPattern(i) {
                    i = e
                    continue
                }
                i = scan.skipToken(i)
                continue
            }
            if (c == 0x2B || c == 0x28) && isDigit(scan.at(i + 1)) {
                if let e = scan.phone(i, cue: scan.previousCue(i)) {
                    i = e
                    continue
                }
                i += 1
                continue
            }
            if isAlpha(c) {
                let we = scan.alphaRun(i)
                if scan.wordMayMatch(i, wordEnd: we), let e = scan.wordPattern(i, wordEnd: we) {
                    i = e
                    continue
                }
                i = scan.tokenEnd(from: we)
                continue
            }
            i += 1
        }
    }

    static func bothWalks(_ bytes: [UInt8]) -> (run: [Entity], reference: [Entity]) {
        bytes.withUnsafeBufferPointer { b in
            let words = PHIScanWords(PHIRuleWords.shipped)
            var scan = PHIScan(b: b, words: words)
            scan.run()
            var reference = PHIScan(b: b, words: words)
            referenceRun(&reference)
            return (scan.found, reference.found)
        }
    }

    @Test(arguments: [
        "Seen on 12/03/2024 aged 67, DOB: 04/05/1957; MRN A1234567 and e-mail j.smith@example.com.au or www.example.org",
        "Ph (02) 5550 1234, mob +61 412 555 010, fax: 03 9555 1234; 45yo M, 3-year-old, a 6/12 old, SSN 123-45-6789",
        "IP 192.168.10.4, https://portal.example.com/x?y=1, ID#4471-WCSD, Medicare 2123 45670 1, Jan 2024, 3 March 2025",
        "naïve résumé 12 café 2024-05-01 Ω-3 (03) 9555 0000 pt's x2days BP140/90 q4h",
        "7",
        "",
    ])
    func findsWhatTheBoundaryTestAtEveryByteFinds(_ text: String) {
        let (run, reference) = Self.bothWalks(Array(text.utf8))
        #expect(run == reference)
    }

    @Test func randomTextsFindTheSame() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("aZq09 .,-'/@()+:#\n\tx1234567890".utf8) + [0xC3, 0xA9]
        var found = 0
        for _ in 0..<300 {
            // Random bytes around a date and an age, so that every text holds patterns as well as noise.
            let bytes = (0..<60).map { _ in alphabet.randomElement(using: &rng)! } + Array(" seen 12/03/2024 aged 67 ".utf8)
                + (0..<60).map { _ in alphabet.randomElement(using: &rng)! }
            let (run, reference) = Self.bothWalks(bytes)
            #expect(run == reference)
            found += reference.count
        }
        // Every text holds a date and an age, so the comparison is not of empty lists.
        #expect(found > 0)
    }
}

/// `PHIDetection.Prepared`'s word key (a lower-case table and a pointer walk, session 19) is ``wordKey(_:_:_:)`` for
/// every token: words in any case, digits, punctuation, non-ASCII bytes, every single byte value, and a token in the
/// middle of a longer text.
@Suite struct PHIWordKeyTableTests {
    static func tableKey(_ bytes: [UInt8], _ s: Int, _ e: Int) -> UInt64 {
        bytes.withUnsafeBufferPointer { wordKey($0, s, e, lower: wordKeyLowerTable) }
    }

    static func plainKey(_ bytes: [UInt8], _ s: Int, _ e: Int) -> UInt64 {
        bytes.withUnsafeBufferPointer { wordKey($0, s, e) }
    }

    @Test(arguments: ["a", "Z", "Smith", "SMITH", "o'brien", "D'Souza", "b.i.d.", "SpO2", "2024", "@", "[", "`", "{",
                      "Ærø", "José", "Zoë", "‘quoted’", "x-ray", "AaZz@[`{"])
    func sameKeyAsWordKey(_ word: String) {
        let bytes = Array(word.utf8)
        #expect(Self.tableKey(bytes, 0, bytes.count) == Self.plainKey(bytes, 0, bytes.count))
        #expect(Self.tableKey(bytes, 0, bytes.count) == wordKey(word))
    }

    @Test func everyByteAndEveryPair() {
        for c in 0..<256 {
            #expect(wordKeyLowerTable[c] == lower(UInt8(c)))
            for d in stride(from: 0, to: 256, by: 17) {
                let bytes: [UInt8] = [0x20, UInt8(c), UInt8(d), 0x20]
                #expect(Self.tableKey(bytes, 1, 2) == Self.plainKey(bytes, 1, 2))
                #expect(Self.tableKey(bytes, 1, 3) == Self.plainKey(bytes, 1, 3))
            }
        }
        let text = Array("Seen by Dr KOWALSKI at 10:30".utf8)
        #expect(Self.tableKey(text, 11, 19) == wordKey("kowalski"))
        #expect(Self.tableKey(text, 0, 4) == wordKey("seen"))
    }
}
