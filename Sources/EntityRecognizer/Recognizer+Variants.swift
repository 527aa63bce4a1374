extension Recognizer {
    /// Singular forms of an English or Latin plural, most specific ending first:
    /// (plural ending, singular ending). "arteries" → "artery", "stenoses" → "stenosis",
    /// "appendices" → "appendix", "vertebrae" → "vertebra", "emboli" → "embolus",
    /// "diverticula" → "diverticulum", "abscesses" → "abscess", "hernias" → "hernia".
    static let pluralEndings: [(plural: [UInt8], singular: [UInt8])] = [
        ("ies", "y"), ("oses", "osis"), ("ses", "sis"), ("ices", "ix"), ("ices", "ex"), ("ae", "a"), ("i", "us"),
        ("a", "um"), ("es", ""), ("s", ""),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// The lexicon key for a token that is not in the vocabulary (`key`, at least 4 bytes): the
    /// singular of a plural that is a lexicon word, else the one lexicon word one edit away
    /// (``TypoIndex``) unless the token is an ordinary word, else ``TokenDictionary/unknown``.
    /// Records which kind of variant it used in `c`.
    func variant(of key: inout [UInt8], at index: Int, content c: inout Content) -> UInt32 {
        if let last = key.last, last == UInt8(ascii: "s") || last == UInt8(ascii: "i") || last == UInt8(ascii: "a") || last == UInt8(ascii: "e") {
            let count = key.count
            for (plural, singular) in Self.pluralEndings where count >= plural.count + 3 && key.suffix(plural.count).elementsEqual(plural) {
                // "-ss", "-us", "-is" words are singular already ("abscess", "status", "pelvis").
                if plural == [UInt8(ascii: "s")], let before = key.dropLast().last,
                   before == UInt8(ascii: "s") || before == UInt8(ascii: "u") || before == UInt8(ascii: "i") { continue }
                key.removeLast(plural.count)
                key.append(contentsOf: singular)
                let id = key.withUnsafeBufferPointer { dictionary.id(of: $0) }
                key.removeLast(singular.count)
                key.append(contentsOf: plural)
                if id != TokenDictionary.unknown && lexiconWord[Int(id)] {
                    c.singular.append(index)
                    return id
                }
            }
        }
        guard key.count >= typos.minimumWordLength - 1 else { return TokenDictionary.unknown }
        let fixed = key.withUnsafeBufferPointer { typos.correction(of: $0, dictionary: dictionary) }
        guard fixed != TokenDictionary.unknown else { return fixed }
        if let ordinary = ordinaryWord, key.withUnsafeBufferPointer({ ordinary($0) }) { return TokenDictionary.unknown }
        c.corrected.append(index)
        return fixed
    }
}
