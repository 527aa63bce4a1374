/// One-edit typo tolerance against the lexicon vocabulary (a symmetric-delete index, as in
/// SymSpell): every lexicon word of at least ``minimumWordLength`` bytes is indexed under its own
/// hash and the hash of each one-byte deletion of it. A token that is not in the vocabulary is
/// looked up under itself and its own one-byte deletions; every word found that way is checked
/// with an exact one-edit test (insertion, deletion, substitution or transposition of adjacent
/// bytes), and the token is corrected only when exactly one word remains, or when every word
/// that remains belongs to the same group (words that only ever name one concept, such as
/// "amlodipine" and its curated misspelling "amlodipene": the lowest id among them is taken).
///
/// Safeguards, because a note's ordinary words are not in the lexicon vocabulary: the token
/// must be at least `minimumWordLength - 1` lowercase ASCII letters, it must share its first
/// two letters with the word (typists rarely miss the first letters, and it keeps "wearing"
/// from becoming "hearing" and "switching" from becoming "stitching"), a token ending in
/// "ing", "ly" or "ed" is never corrected ("washing" is not "wasting"), a change of the last
/// letter alone is not a typo ("endoscope" is not "endoscopy"), and ties between two words are
/// never broken by guessing. The recognizer also leaves ordinary English words uncorrected.
///
/// Built once, immutable and shareable. Looking up allocates nothing.
public struct TypoIndex: Sendable, Equatable {
    /// Words shorter than this are never targets (short words have too many one-edit neighbours).
    public let minimumWordLength: Int

    let keys: FrozenArray<UInt64>  // open addressing over (variant hash, word) entries; 0 = empty slot
    let ids: FrozenArray<UInt32>  // the word of each occupied slot (both may lie in a mapped image)
    let mask: Int
    let groups: [UInt32: Int64]  // word id -> group (absent: a group of its own)

    /// Number of indexed words.
    public let wordCount: Int

    /// Indexes `words` (token ids of `dictionary`). `groups` maps words to a group id (≥ 0);
    /// ties between words of the same group are not ambiguous.
    public init(words: some Sequence<UInt32>, dictionary: TokenDictionary, groups: [UInt32: Int64] = [:], minimumWordLength: Int = 6) {
        self.minimumWordLength = minimumWordLength
        self.groups = groups
        // Eligible words, each once (no sort: the table's answers do not depend on insertion order).
        var seen = [Bool](repeating: false, count: dictionary.count + 1)
        var eligible: [UInt32] = []
        var entries = 0
        for id in words where Int(id) < seen.count && !seen[Int(id)] {
            seen[Int(id)] = true
            let word = dictionary.bytes(of: id)
            guard word.count >= minimumWordLength, word.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { continue }
            eligible.append(id)
            entries += word.count + 1
        }
        wordCount = eligible.count
        // Every (variant hash, word) pair is one slot of an open-addressing table at most half full;
        // a lookup walks the probe run of its hash and takes every slot with that hash.
        var capacity = 16
        while capacity < entries * 2 { capacity <<= 1 }
        let mask = capacity - 1
        var keys = [UInt64](repeating: 0, count: capacity)
        var ids = [UInt32](repeating: 0, count: capacity)
        var buffer: [UInt8] = []
        for id in eligible {
            buffer.removeAll(keepingCapacity: true)
            buffer.append(contentsOf: dictionary.bytes(of: id))
            buffer.withUnsafeBufferPointer { b in
                for skip in -1..<b.count {
                    // Deleting either of two equal adjacent letters gives the same variant: index it once.
                    if skip > 0 && b[skip] == b[skip - 1] { continue }
                    let h = TypoIndex.hash(b, skipping: skip)
                    var slot = Int(truncatingIfNeeded: h) & mask
                    while keys[slot] != 0 { slot = (slot + 1) & mask }
                    keys[slot] = h
                    ids[slot] = id
                }
            }
        }
        self.keys = FrozenArray(keys)
        self.ids = FrozenArray(ids)
        self.mask = mask
    }

    /// The index of an image's arrays (see ``CompiledLexicon``); `nil` when they are inconsistent
    /// (a table size that is not a power of two, or a word id past `wordLimit`).
    init?(validatingKeys keys: FrozenArray<UInt64>, ids: FrozenArray<UInt32>, groups: [UInt32: Int64], wordCount: Int, minimumWordLength: Int, wordLimit: Int) {
        guard keys.count == ids.count, keys.count >= 16, keys.count & (keys.count - 1) == 0, wordCount >= 0, minimumWordLength >= 2 else { return nil }
        for id in ids.buffer where Int(id) > wordLimit { return nil }
        guard keys.buffer.contains(0) else { return nil }  // a lookup ends at an empty slot
        self.keys = keys
        self.ids = ids
        self.mask = keys.count - 1
        self.groups = groups
        self.wordCount = wordCount
        self.minimumWordLength = minimumWordLength
    }

    /// FNV-1a over `bytes` without the byte at `skipping` (-1: none); never 0.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, skipping: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in 0..<bytes.count where k != skipping {
            h ^= UInt64(bytes[k])
            h &*= 0x100_0000_01b3
        }
        h ^= h >> 31
        return h == 0 ? 1 : h
    }

    /// The one word of the index within one edit of `token`, or ``TokenDictionary/unknown`` when
    /// there is none, or more than one, or the token is not eligible (see the type's safeguards).
    public func correction(of token: UnsafeBufferPointer<UInt8>, dictionary: TokenDictionary) -> UInt32 {
        guard isCandidate(token) else { return TokenDictionary.unknown }
        // Slots are masked to the table size, which equals both buffers' count.
        let keys = self.keys.buffer, ids = self.ids.buffer
        var found = TokenDictionary.unknown
        for skip in -1..<token.count {
            if skip > 0 && token[skip] == token[skip - 1] { continue }
            let h = TypoIndex.hash(token, skipping: skip)
            var slot = Int(truncatingIfNeeded: h) & mask
            while keys[slot] != 0 {
                defer { slot = (slot + 1) & mask }
                guard keys[slot] == h else { continue }
                let id = ids[slot]
                if id == found { continue }
                let word = dictionary.bytes(of: id)
                guard word.count >= 2, word[word.startIndex] == token[0], word[word.startIndex + 1] == token[1],
                      TypoIndex.withinOneEdit(token, word), !TypoIndex.differsInLastByteOnly(token, word) else { continue }
                if found != TokenDictionary.unknown {
                    guard let g = groups[id], groups[found] == g else { return TokenDictionary.unknown }  // ambiguous
                    found = min(found, id)
                } else {
                    found = id
                }
            }
        }
        return found
    }

    /// Whether `token` passes the safeguards that need no lookup (length, lower-case ASCII letters,
    /// no inflected ending): ``correction(of:dictionary:)`` is ``TokenDictionary/unknown`` for every
    /// other token. Cheap, so callers can test it before costlier guards of their own.
    public func isCandidate(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        guard wordCount > 0, token.count >= minimumWordLength - 1, token.count <= 40 else { return false }
        for b in token where b < 0x61 || b > 0x7A { return false }
        return !TypoIndex.isInflected(token)
    }

    /// English inflections: an ordinary word with one of these endings is too often one edit from
    /// a lexicon word ("measuring"/"measurin", "washing"/"wasting", "stiffly"/"stiffle"), so a
    /// token with such an ending is never corrected.
    static let inflections: [[UInt8]] = ["ing", "ly", "ed"].map { Array($0.utf8) }

    static func isInflected(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        inflections.contains { suffix in token.count > suffix.count && token.suffix(suffix.count).elementsEqual(suffix) }
    }

    /// True when `a` and `b` have the same length and differ only in their last byte: a change of
    /// ending ("endoscope"/"endoscopy", "craniotome"/"craniotomy", "glottic"/"glottis"), which
    /// names a different thing more often than it is a slip of the finger.
    static func differsInLastByteOnly(_ a: UnsafeBufferPointer<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        guard a.count == b.count, a.count > 1 else { return false }
        return a.dropLast().elementsEqual(b.dropLast())
    }

    /// True when `a` and `b` differ by exactly one insertion, deletion, substitution or
    /// transposition of two adjacent bytes (optimal string alignment distance 1).
    static func withinOneEdit(_ a: UnsafeBufferPointer<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        let la = a.count, lb = b.count
        guard abs(la - lb) <= 1 else { return false }
        let base = b.startIndex
        var i = 0
        while i < min(la, lb) && a[i] == b[base + i] { i += 1 }
        if i == min(la, lb) { return la != lb }
        func tailEqual(_ ia: Int, _ ib: Int) -> Bool {
            guard la - ia == lb - ib else { return false }
            var x = ia, y = ib
            while x < la {
                if a[x] != b[base + y] { return false }
                x += 1
                y += 1
            }
            return true
        }
        if la == lb {
            if tailEqual(i + 1, i + 1) { return true }  // substitution
            return i + 1 < la && a[i] == b[base + i + 1] && a[i + 1] == b[base + i] && tailEqual(i + 2, i + 2)  // transposition
        }
        return la > lb ? tailEqual(i + 1, i) : tailEqual(i, i + 1)  // extra byte in a / in b
    }
}
