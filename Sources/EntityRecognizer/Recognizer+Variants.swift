import MedTextCore

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
        // An ordinary word is never corrected: ask that (one table probe) before the typo index (a
        // probe per one-byte deletion), but only for words the index could correct at all.
        return key.withUnsafeBufferPointer { k in
            guard typos.isCandidate(k) else { return TokenDictionary.unknown }
            if let ordinary = ordinaryWord, ordinary(k) { return TokenDictionary.unknown }
            let fixed = typos.correction(of: k, dictionary: dictionary)
            if fixed != TokenDictionary.unknown { c.corrected.append(index) }
            return fixed
        }
    }

    /// The other number forms a vocabulary may hold for a word, most specific first: its plurals
    /// ("abscess" → "abscesses", "stenosis" → "stenoses", "artery" → "arteries", "embolus" →
    /// "emboli", "vertebra" → "vertebrae", "appendix" → "appendices") and its singulars by
    /// ``pluralEndings`` ("changes" → "change", "testes" → "testis" before "test"). Words under
    /// 4 bytes or with non-letters have none.
    static func numberForms(of word: [UInt8]) -> (plurals: [[UInt8]], singulars: [[UInt8]]) {
        guard word.count >= 4, word.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return ([], []) }
        func ends(_ s: String) -> Bool { word.count > s.utf8.count && word.suffix(s.utf8.count).elementsEqual(s.utf8) }
        func swap(_ drop: Int, _ add: String) -> [UInt8] { Array(word.dropLast(drop)) + Array(add.utf8) }
        var plurals: [[UInt8]] = []
        if ends("sis") { plurals.append(swap(2, "es")) }
        if ends("us") { plurals.append(swap(2, "i")) }
        if ends("um") { plurals.append(swap(2, "a")) }
        if ends("a") { plurals.append(swap(0, "e")) }
        if ends("ix") || ends("ex") { plurals.append(swap(2, "ices")) }
        if ends("lf") { plurals.append(swap(1, "ves")) }
        if ends("y"), let before = word.dropLast().last, !"aeiou".utf8.contains(before) {
            plurals.append(swap(1, "ies"))
        } else if ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh") {
            plurals.append(swap(0, "es"))
        } else {
            plurals.append(swap(0, "s"))
        }
        var singulars: [[UInt8]] = []
        let last = word[word.count - 1]
        if last == UInt8(ascii: "s") || last == UInt8(ascii: "i") || last == UInt8(ascii: "a") || last == UInt8(ascii: "e") {
            for (plural, singular) in pluralEndings where word.count >= plural.count + 3 && word.suffix(plural.count).elementsEqual(plural) {
                if plural == [UInt8(ascii: "s")], let before = word.dropLast().last,
                   before == UInt8(ascii: "s") || before == UInt8(ascii: "u") || before == UInt8(ascii: "i") { continue }
                singulars.append(Array(word.dropLast(plural.count)) + singular)
            }
        }
        return (plurals, singulars)
    }

    /// Adds the number variants that reading a note cannot make. ``variant(of:at:content:)``
    /// reads an unknown plural as its singular, but a plural that is itself a vocabulary word
    /// ("abscesses", interned from another term or rule) keeps its own key, and nothing reads a
    /// singular as the plural a lexicon wrote ("vision change" for "vision changes"). So for every
    /// concept term (not abbreviations, case-sensitive terms, misspellings or brand names), the
    /// first plural of its last word that is in the vocabulary is added, and for terms of two or
    /// more words the first singular too (single-word plurals are often lexicalized:
    /// "secondaries", "privates", "testes", "labs"). Variants rank one below the term, with rule
    /// id `~number`: a term spelled that way outranks them.
    static func addNumberVariants(
        _ candidates: [(index: Int, phrase: [UInt32])], to compiled: inout [CompiledTerm],
        builder: inout PhraseMatcher.Builder, vocabulary vocab: TokenDictionary.Builder
    ) {
        var forms: [UInt32: (plural: UInt32?, singular: UInt32?)] = [:]  // last word -> its other forms in the vocabulary
        for (i, phrase) in candidates {
            guard let last = phrase.last else { continue }
            let other: (plural: UInt32?, singular: UInt32?)
            if let known = forms[last] {
                other = known
            } else {
                let t = compiled[i].term
                let lastWord = t.normalized.utf8.split(separator: 0x20).last.map(Array.init) ?? []
                let f = numberForms(of: lastWord)
                func first(_ words: [[UInt8]]) -> UInt32? { words.lazy.compactMap { vocab.id(of: $0) }.first { $0 != last } }
                other = (first(f.plurals), first(f.singulars))
                forms[last] = other
            }
            for form in [other.plural, phrase.count >= 2 ? other.singular : nil] {
                guard let form else { continue }
                var variant = phrase
                variant[variant.count - 1] = form
                var v = compiled[i].term
                v.priority += 1
                v.ruleID += "~number"
                builder.add(variant, payload: UInt32(compiled.count))
                compiled.append(CompiledTerm(term: v, category: compiled[i].category, originalBytes: nil, cueIDs: compiled[i].cueIDs))
            }
        }
    }

    /// Whether a term takes number variants: a condition, anatomy, test, procedure or social
    /// term that is not an abbreviation, a case-sensitive term or a misspelling.
    static func takesNumberVariants(_ t: LexiconTerm, _ category: EntityCategory?) -> Bool {
        guard let category, t.typoTarget, !t.isAbbreviation, !t.caseSensitive else { return false }
        switch category {
        case .medicalCondition, .anatomy, .testTreatmentProcedure, .behavioralEnvironmentalSocial: return true
        default: return false
        }
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
