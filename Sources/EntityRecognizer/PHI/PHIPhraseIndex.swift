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
        // First keys in ascending order, so the records are the same in every process and match the order in which an
        // image stores the phrase lists (``PHIVocabulary/image(key:)`` writes this index after them).
        for first in lists.keys.sorted() {
            let list = lists[first]!
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

    /// An index read back from an image (format 5): the stored table, records and keys; the phrases are made from the
    /// records and keys (an image stores each phrase once, in the index). `nil` when a record points outside `keys`,
    /// has no key or an unknown kind, a table entry points outside `records`, or a record of a table entry's run does
    /// not start with that entry's key, so a bad image never leads a lookup out of bounds or to a wrong phrase.
    init?(table: PHIKeyTable, records: FrozenArray<UInt64>, keys: FrozenArray<UInt64>) {
        let rb = records.buffer, kb = keys.buffer
        var phrases: [PHIPhrase] = []
        phrases.reserveCapacity(rb.count)
        for record in rb {
            let offset = Int(truncatingIfNeeded: record >> 32), n = Int(truncatingIfNeeded: (record >> 16) & 0xFFFF)
            guard n >= 1, offset <= kb.count - n,
                let kind = PHIVocabulary.kind(UInt8(truncatingIfNeeded: record >> 8), UInt8(truncatingIfNeeded: record))
            else { return nil }
            phrases.append(PHIPhrase(keys: Array(kb[offset..<(offset + n)]), kind: kind))
        }
        let sb = table.slots.buffer
        var runs = 0
        var i = 0
        while i + 1 < sb.count {
            if sb[i] != 0 {
                let first = Int(truncatingIfNeeded: sb[i + 1] >> 32), count = Int(truncatingIfNeeded: sb[i + 1] & 0xFFFF_FFFF)
                guard count >= 1, first <= rb.count, count <= rb.count - first else { return nil }
                for r in first..<(first + count) where phrases[r].keys[0] != sb[i] { return nil }
                runs += count
            }
            i += 2
        }
        // Every record belongs to one run (the runs do not overlap: each record's first key names its one run).
        guard runs == rb.count else { return nil }
        self.table = table
        self.records = records
        self.keys = keys
        self.phrases = phrases
    }

    /// The phrases that start with the word of key `first`, longest first (none when no phrase does).
    func phrases(startingWith first: UInt64) -> ArraySlice<PHIPhrase> {
        let v = table.value(first)
        let start = Int(truncatingIfNeeded: v >> 32)
        return phrases[start..<(start + Int(truncatingIfNeeded: v & 0xFFFF_FFFF))]
    }

    /// What the index holds, for comparing a built and a loaded vocabulary.
    func same(as other: PHIPhraseIndex) -> Bool {
        table == other.table && records == other.records && keys == other.keys && phrases == other.phrases
    }
}
