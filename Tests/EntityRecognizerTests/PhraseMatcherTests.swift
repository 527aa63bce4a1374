import EntityRecognizer
import Testing

@Suite struct PhraseMatcherTests {
    /// A whitespace "tokenizer" for matcher tests: the matcher itself only sees ids.
    struct Fixture {
        var dictionary: TokenDictionary
        var matcher: PhraseMatcher
        init(_ phrases: [(String, UInt32)]) {
            var vocab = TokenDictionary.Builder()
            var staged: [([UInt32], UInt32)] = []
            for (phrase, payload) in phrases {
                staged.append((phrase.split(separator: " ").map { vocab.intern(Array($0.utf8)) }, payload))
            }
            var builder = PhraseMatcher.Builder()
            for (ids, payload) in staged { builder.add(ids, payload: payload) }
            dictionary = vocab.build()
            matcher = builder.build()
        }
        func keys(_ text: String) -> [UInt32] { text.split(separator: " ").map { dictionary.id(of: String($0)) } }
        func run(_ text: String) -> [String] {
            let words = text.split(separator: " ")
            return matcher.matches(in: keys(text)).map { m in
                words[m.tokens].joined(separator: " ") + "=" + m.payloads.map(String.init).joined(separator: ",")
            }
        }
    }

    static let lexicon: [(String, UInt32)] = [
        ("chest pain", 1), ("pain", 2), ("chest", 3), ("type 2 diabetes mellitus", 4), ("type 2 diabetes", 5),
        ("diabetes", 6), ("ms", 7), ("ms", 8), ("heart failure", 9), ("acute on chronic heart failure", 10),
    ]

    @Test(arguments: [
        ("pt has chest pain today", ["chest pain=1"]),
        ("chest wall pain", ["chest=3", "pain=2"]),
        ("type 2 diabetes mellitus and diabetes", ["type 2 diabetes mellitus=4", "diabetes=6"]),
        ("type 2 diabetes insipidus", ["type 2 diabetes=5"]),
        ("type 2", []),
        ("spain", []),
        ("ms", ["ms=7,8"]),
        ("acute on chronic heart failure", ["acute on chronic heart failure=10"]),
        ("acute on heart failure", ["heart failure=9"]),
        ("", []),
    ])
    func leftmostLongest(text: String, expected: [String]) {
        let f = Fixture(Self.lexicon)
        #expect(f.run(text) == expected)
    }

    @Test func dictionaryRoundTripsAndRejectsUnknown() {
        var b = TokenDictionary.Builder()
        let words = (0..<5000).map { "w\($0)" }
        let ids = words.map { b.intern(Array($0.utf8)) }
        #expect(b.intern(Array("w42".utf8)) == ids[42])
        let d = b.build()
        #expect(d.count == 5000)
        for (w, id) in zip(words, ids) {
            #expect(d.id(of: w) == id)
            #expect(Array(d.bytes(of: id)) == Array(w.utf8))
        }
        #expect(d.id(of: "nope") == TokenDictionary.unknown)
        #expect(d.id(of: "") == TokenDictionary.unknown)
    }

    @Test func phraseCountAndAllMatches() {
        let f = Fixture(Self.lexicon)
        #expect(f.matcher.phraseCount == 9)
        let keys = f.keys("type 2 diabetes mellitus")
        let all = keys.withUnsafeBufferPointer { f.matcher.allMatches(in: $0, at: 0) }
        #expect(all.map(\.tokens) == [0..<3, 0..<4])
    }
}
