public import Tokenizer

/// The lexicon half of a compiled ``Recognizer`` (``Recognizer/compiledLexicon``): the token
/// dictionary, the phrase trie of every matchable term with its word-order and number variants,
/// the compiled terms and the typo index. It is the expensive half of building a recognizer
/// (about 50,000 terms), so it can be saved as a binary image and loaded instead of compiled
/// (``image(key:)``, ``init(image:key:)``; the facade keeps images in its cache folder, DESIGN.md
/// "Compiled lexicon images"). Built once, immutable, shareable.
///
/// It depends on the terms and, through the token ids and the number variants, on every phrase
/// the recognizer interns (ConText, signature and time rules, attribute words): an image is
/// valid only for the same terms, rule files and program, which its key names. A recognizer
/// built over it resumes its dictionary (``TokenDictionary/Builder/init(resuming:)``), so every
/// token id, trie node and term index is the one a recognizer compiled from the terms has.
public struct CompiledLexicon: Sendable, Equatable {
    /// The tokens of the terms (and of their cue words); ids 1 and 2 are the number and year placeholders.
    let dictionary: TokenDictionary
    let numberID: UInt32
    let yearID: UInt32
    let matcher: PhraseMatcher
    let terms: [Recognizer.CompiledTerm]
    /// Words of concept terms (targets of plural and typo variants), in first-use order.
    let lexiconWords: [UInt32]
    let typos: TypoIndex

    /// Number of compiled terms (lexicon terms and their word-order variants).
    public var termCount: Int { terms.count }
    /// Number of distinct matchable phrases.
    public var phraseCount: Int { matcher.phraseCount }

    /// The concept ids the terms name (stop terms, which name none, excluded), ascending.
    public var conceptIDs: [Int64] {
        Array(Set(terms.lazy.map(\.term.conceptID).filter { $0 >= 0 })).sorted()
    }

    /// The parts, as an image holds them (``init(image:)`` validates them first).
    init(
        dictionary: TokenDictionary, numberID: UInt32, yearID: UInt32, matcher: PhraseMatcher,
        terms: [Recognizer.CompiledTerm], lexiconWords: [UInt32], typos: TypoIndex
    ) {
        self.dictionary = dictionary
        self.numberID = numberID
        self.yearID = yearID
        self.matcher = matcher
        self.terms = terms
        self.lexiconWords = lexiconWords
        self.typos = typos
    }
}

extension Recognizer {
    /// This recognizer's lexicon half, to save as an image (``CompiledLexicon/image(key:)``).
    public var compiledLexicon: CompiledLexicon {
        CompiledLexicon(dictionary: dictionary, numberID: numberID, yearID: yearID, matcher: lexicon, terms: terms, lexiconWords: lexiconWords, typos: typos)
    }

    /// The concept ids the lexicon's terms name (stop terms, which name none, excluded), ascending.
    public var lexiconConceptIDs: [Int64] { compiledLexicon.conceptIDs }
}
