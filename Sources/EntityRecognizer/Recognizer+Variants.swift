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

    /// Heads that do not swap around "of" ("history of X" is not "X history").
    static let fixedOfHeads: Set<Substring> = [
        "history", "hx", "risk", "absence", "family", "fear", "feeling", "feelings", "sensation", "episode", "episodes",
        "signs", "symptoms", "sign", "symptom", "complication", "complications", "lack", "use", "abuse", "onset", "loss",
        "sense", "shortness", "type", "kind", "presence", "state", "degree", "grade", "stage", "part", "one", "all",
    ]
    static let joinWords: Set<Substring> = ["with", "without", "to", "in", "due", "and", "or", ",", "of", "on", "by", "for", "from", "the", "-", "/", "("]

    /// Common word-order variants of a normalized term (token keys joined by spaces):
    /// "type 2 diabetes mellitus" ↔ "diabetes mellitus type 2", and "fracture of (the) femur" →
    /// "femur fracture" (a head of one or two words, a complement of one to three, no other
    /// preposition or conjunction, and not a head such as "history" whose meaning changes).
    static func wordOrderVariants(_ normalized: String) -> [String] {
        let words = normalized.split(separator: " ")
        guard words.count >= 2 && words.count <= 6 else { return [] }
        var out: [String] = []
        // "type N X" <-> "X type N".
        if let t = words.firstIndex(of: "type"), t + 1 < words.count {
            let n = words[t + 1]
            if ["1", "2", "i", "ii", "1a", "1b"].contains(n) {
                let rest = (words[..<t] + words[(t + 2)...]).filter { $0 != "," }  // "diabetes mellitus, type 1"
                if !rest.isEmpty {
                    if t == 0 { out.append((rest + ["type", n]).joined(separator: " ")) }
                    else if t + 2 == words.count { out.append((["type", n] + rest).joined(separator: " ")) }
                }
            }
        }
        // "X of (the) Y" -> "Y X".
        let ofs = words.indices.filter { words[$0] == "of" }
        if ofs.count == 1, let j = ofs.first {
            let head = words[..<j]
            var complement = words[(j + 1)...]
            if complement.first == "the" { complement = complement.dropFirst() }
            if (1...2).contains(head.count), (1...3).contains(complement.count),
               !head.contains(where: { fixedOfHeads.contains($0) || joinWords.contains($0) }),
               !complement.contains(where: { joinWords.contains($0) })
            {
                out.append((complement + head).joined(separator: " "))
            }
        }
        return out.filter { $0 != normalized }
    }
}
