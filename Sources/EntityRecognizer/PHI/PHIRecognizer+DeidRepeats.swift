public import MedTextCore

// The de-identification repeat layer (issue #6 §3: no gold PHI string survives `deid`). Detection marks every other
// mention of a whole detected string (PHIRecognizer+Repeats.swift); a word of a detected name, place or organisation
// that the note writes again on its own or inside an undetected longer name ("St Vincent's Private Hospital
// Toowoomba" after "Range Medical Centre, Toowoomba"; "Nightcliff" after "Nightcliff Pharmacy") is not a detected
// string, so it survived de-identification. Here such words are replaced too. Only de-identification reads this layer:
// detect-phi reports what the rules found, and over-replacing a distinctive word costs a reader of the de-identified
// note little, while leaving it can identify the patient (DESIGN.md "PHI", "The de-identification repeat layer").

extension PHIRecognizer {
    /// Whether a word of a detected span is distinctive enough that every other mention of it is the same PHI: four
    /// or more letters (three written as a name: `Mount Isa`), and none of the vocabulary's ordinary, stop-listed (but
    /// for towns), eponym, drug, title, credential, street,
    /// unit, state or direction words, nor a census name that is also an ordinary word (`May`, `Will`, `Brown`).
    func distinctiveWord(_ key: UInt64) -> Bool {
        let excluded: PHIWordBits = [
            .ordinaryWord, .eponym, .drugWord, .title, .weakTitle, .credential, .streetType, .unitWord, .stateAbbr, .direction,
            .commonName,
        ]
        let bits = vocabulary.bits(key)
        // The stop list holds towns too (`Toowoomba`, `Geelong`): a town of a detected place is the place wherever else
        // the note names it; the stop list's other words (calendar, clinical words) are not.
        return bits.isDisjoint(with: excluded) && (!bits.contains(.stopWord) || bits.contains(.placeWord))
    }

    /// The other mentions, outside every entity of `entities`, of the distinctive words (``distinctiveWord(_:)``) of the
    /// NAME, ADDRESS and ORGANIZATION entities of `entities` (spans into `text`), as entities of the type of the first
    /// span that holds the word (rule `phi:deid-repeat-word`). Words are runs of letters (non-ASCII bytes count as
    /// letters, so `Petrović` is one word) compared case-insensitively; a possessive or a hyphen after a mention stays
    /// outside it. For de-identification only (``PHIPipeline/deidentify``); `recognize` does not report them.
    /// - Complexity: O(n) in the text's bytes plus the letters of the entities.
    public func repeatedWords(in text: String, of entities: [Entity]) -> [Entity] {
        var text = text
        return text.withUTF8 { b -> [Entity] in
            @inline(__always) func letter(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 || c >= 0x80 }
            // `Isa`, `Ayr`: a three-letter word counts written as a name is (a capital and two lower-case letters), in the
            // span and in the mention; in capitals it is an abbreviation (`CVS`, `AMR`).
            @inline(__always) func titleCase3(_ s: Int) -> Bool { b[s] &- 0x41 < 26 && b[s + 1] &- 0x61 < 26 && b[s + 2] &- 0x61 < 26 }
            var words: [UInt64: EntityType] = [:]
            // One bit per first letter and one per length (63: 63 letters or more) of the words: a word of the note whose
            // first letter or length no distinctive word has is skipped before it is hashed.
            @inline(__always) func firstBit(_ c: UInt8) -> UInt64 { 1 << UInt64(c < 0x80 ? (c | 0x20) &- 0x61 : 32 + (c & 31)) }
            var firsts: UInt64 = 0, lengths: UInt64 = 0
            let tagger = options.tagger ? vocabulary.tagger : nil
            for e in entities where e.type == .name || e.type == .address || e.type == .organization {
                // Spans the learned tagger added count only for the types `phi/tagger_types.tsv` marks `repeat`, at
                // the type's `repeat_min_margin` (session 19).
                if let tagger, e.evidence.first?.ruleID == PHIDetection.taggerRuleID, !tagger.seedsRepeats(e) { continue }
                var k = max(e.span.start, 0)
                let end = min(e.span.end, b.count)
                while k < end {
                    guard letter(b[k]) else {
                        k += 1
                        continue
                    }
                    let s = k
                    while k < end && letter(b[k]) { k += 1 }
                    // A word cut by the span's edge or written against digits is no whole word.
                    if k - s < 3 || (k - s == 3 && !titleCase3(s)) || (s > 0 && b[s - 1] &- 0x30 < 10) || (k < b.count && (letter(b[k]) || b[k] &- 0x30 < 10)) { continue }
                    let key = wordKey(b, s, k)
                    if words[key] == nil && distinctiveWord(key) {
                        words[key] = e.type
                        firsts |= firstBit(b[s])
                        lengths |= 1 << UInt64(min(k - s, 63))
                    }
                }
            }
            guard !words.isEmpty else { return [] }
            // One bit per key (its low six bits): most words of the note miss the mask, and only the others are looked
            // up in `words` (a `Dictionary` lookup hashes the key again, and this walk sees every word of the note).
            var mask: UInt64 = 0
            for key in words.keys { mask |= 1 << (key & 63) }
            var out: [Entity] = []
            var next = 0
            var k = 0
            while k < b.count {
                guard letter(b[k]) else {
                    k += 1
                    continue
                }
                let s = k
                k += 1
                while k < b.count && letter(b[k]) { k += 1 }
                guard firsts & firstBit(b[s]) != 0, lengths >> UInt64(min(k - s, 63)) & 1 != 0 else { continue }
                let key = wordKey(b, s, k)
                guard mask >> (key & 63) & 1 != 0, k - s >= 4 || (k - s == 3 && titleCase3(s)), s == 0 || b[s - 1] &- 0x30 >= 10,
                    k == b.count || b[k] &- 0x30 >= 10, let type = words[key]
                else { continue }
                while next < entities.count && entities[next].span.end <= s { next += 1 }
                var covered = false
                var q = next
                while q < entities.count && entities[q].span.start < k {
                    if entities[q].span.end > s { covered = true; break }
                    q += 1
                }
                if covered { continue }
                out.append(
                    Entity(
                        category: .protectedHealthInformation, type: type, span: TextSpan(s, k), score: 0.6,
                        evidence: [Evidence(subject: "match", ruleID: "phi:deid-repeat-word")]))
            }
            return out
        }
    }
}
