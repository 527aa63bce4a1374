import EntityRecognizer
import Testing

@Suite struct TypoIndexTests {
    static let words = ["amlodipine", "lisinopril", "pneumonia", "hypertension", "hearing", "hearings", "bleeding",
                        "fracture", "fractures", "asthma", "gout", "tremor", "tumour", "tumor",
                        "stitching", "measurin", "stiffle", "keratosis", "doppler", "endoscopy"]

    struct Fixture {
        var dictionary: TokenDictionary
        var index: TypoIndex
        init(_ words: [String], extra: [String] = []) {
            var vocab = TokenDictionary.Builder()
            let ids = words.map { vocab.intern(Array($0.utf8)) }
            for w in extra { vocab.intern(Array(w.utf8)) }
            dictionary = vocab.build()
            index = TypoIndex(words: ids, dictionary: dictionary)
        }
        func correct(_ token: String) -> String? {
            let bytes = Array(token.utf8)
            let id = bytes.withUnsafeBufferPointer { index.correction(of: $0, dictionary: dictionary) }
            return id == TokenDictionary.unknown ? nil : String(decoding: dictionary.bytes(of: id), as: UTF8.self)
        }
    }

    @Test(arguments: [
        ("amlodipne", "amlodipine"),  // deletion inside
        ("amlodipin", "amlodipine"),  // deletion at the end
        ("amlodipiine", "amlodipine"),  // insertion (doubled letter)
        ("lisinoprol", "lisinopril"),  // substitution
        ("pnuemonia", "pneumonia"),  // transposition
        ("hypertenion", "hypertension"),
        ("hypretension", "hypertension"),
        ("bleedign", "bleeding"),
        ("asthmaa", "asthma"),
        ("astma", "asthma"),  // shortest eligible token: minimum word length 6, minus one
        ("dopplers", "doppler"),  // plural the lexicon lacks
        ("stitchin", "stitching"),
        ("bleedng", "bleeding"),
    ])
    func corrects(typo: String, word: String) {
        #expect(Fixture(Self.words).correct(typo) == word)
    }

    @Test(arguments: [
        "wearing",  // first letter differs from "hearing"
        "switching",  // second letter differs from "stitching"
        "measuring",  // an "-ing" word is never corrected ("measurin")
        "stiffly",  // nor an "-ly" word ("stiffle")
        "endoscope",  // a different last letter names a different thing (the instrument)
        "bleedding",  // even when the lexicon word has the same ending
        "pnuemonia".replacingOccurrences(of: "pn", with: "np"),  // first two letters swapped: not corrected
        "haerinks",  // two edits
        "tumxr",  // too short to be eligible
        "fractured",  // one edit from "fracture" and from "fractures": ambiguous, never guessed
        "gouty",  // target "gout" is shorter than the minimum word length
        "Amlodipne",  // keys are lower case: upper-case bytes are not eligible
        "amlodip1ne",  // digits are not eligible
        "pneumonia",  // an exact word is not a typo (the caller only asks for unknown tokens)
    ])
    func rejects(token: String) {
        #expect(Fixture(Self.words).correct(token) == nil)
    }

    @Test func ambiguityBetweenTwoWordsIsNotGuessed() {
        let f = Fixture(["treatment", "treatments", "treatmint"])
        #expect(f.correct("traetments") == "treatments")
        #expect(f.correct("treatmenst") == nil)  // one edit from "treatments" (swap) and "treatment" (extra s)
        #expect(f.correct("treatmen") == "treatment")
        #expect(f.correct("treatmant") == nil)  // treatment and treatmint are both one substitution away
    }

    @Test func onlyIndexedWordsAreTargets() {
        let f = Fixture(["amlodipine"], extra: ["lisinopril"])
        #expect(f.correct("amlodipne") == "amlodipine")
        #expect(f.correct("lisinoprl") == nil)
        #expect(f.index.wordCount == 1)
    }
}

extension TypoIndexTests {
    @Test func tiesWithinOneGroupAreNotAmbiguous() {
        var vocab = TokenDictionary.Builder()
        let a = vocab.intern(Array("amlodipine".utf8)), b = vocab.intern(Array("amlodipene".utf8))
        let c = vocab.intern(Array("bearing".utf8)), d = vocab.intern(Array("hearing".utf8)), e = vocab.intern(Array("tearing".utf8))
        let dictionary = vocab.build()
        let index = TypoIndex(words: [a, b, c, d, e], dictionary: dictionary, groups: [a: 7, b: 7, c: 1, e: 2])
        func fix(_ s: String) -> UInt32 { Array(s.utf8).withUnsafeBufferPointer { index.correction(of: $0, dictionary: dictionary) } }
        #expect(fix("amlodipne") == min(a, b))  // both name concept 7
        #expect(fix("tearign") == e)
        #expect(fix("bearign") == c)
        #expect(fix("hearin") == d)
        #expect(fix("hearng") == d)
        #expect(fix("bearin") == c)
    }
}
