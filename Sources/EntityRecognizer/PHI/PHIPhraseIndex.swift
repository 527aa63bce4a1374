/// The vocabulary's phrases (``PHIVocabulary/phrases``) frozen for ``PHIDetection/phrase(at:kinds:where:)``, which the
/// cue, profession, name, place and organisation rules ask at most phrase starts. The `Dictionary` of phrase lists
/// cost a SipHash round per lookup and a retain and release of the list and of every phrase's key array the loop
/// looked at (session 14, speedC: about 2 % of `detect-phi` samples with its callers' reference counting); here a
/// lookup is one ``PHIKeyTable`` probe and reads of two flat arrays, and only a match touches a ``PHIPhrase``.
/// Built from `phrases` wherever that is set (parsing the files, loading the image); the order of each first key's
/// phrases (longest first) is kept, so every lookup answers as the lists did.
struct PHIPhraseIndex: Sendable {
    /// First key -> (index of its first record << 32) | its record count; 0 when no phrase starts with the key.
    let table: PHIKeyTable
    /// One per phrase, each first key's phrases together and in list order: the offset of its keys in `keys` (bits
    /// 32-63), its key count (bits 16-31) and its kind's code and argument (bits 8-15 and 0-7, ``PHIVocabulary/code(_:)``).
    let records: FrozenArray<UInt64>
    /// The phrases' keys, each phrase's one after another.
    let keys: FrozenArray<UInt64>
    /// The phrases in record order: what a match returns.
    let phrases: [PHIPhrase]

    init(_ lists: [UInt64: [PHIPhrase]]) {
        var table: [UInt64: UInt64] = [:]
        table.reserveCapacity(lists.count)
        var records: [UInt64] = [], keys: [UInt64] = [], phrases: [PHIPhrase] = []
        for (first, list) in lists {
            table[first] = UInt64(records.count) << 32 | UInt64(list.count)
            for p in list {
                let (code, argument) = PHIVocabulary.code(p.kind)
                records.append(UInt64(keys.count) << 32 | UInt64(p.keys.count) << 16 | UInt64(code) << 8 | UInt64(argument))
                keys.append(contentsOf: p.keys)
                phrases.append(p)
            }
        }
        self.table = PHIKeyTable(table)
        self.records = FrozenArray(records)
        self.keys = FrozenArray(keys)
        self.phrases = phrases
    }
}
