/// The learned tagger's weights as the decoder reads them (session 20, helper `tagspeed`): a small open-addressing table
/// of 8-byte slots from a feature key's 32-bit fingerprint to its class weights; the weights of a feature of two or three
/// classes as sparse `(class, weight)` entries, of more classes as a dense row (the frequent features: bias, previous tag,
/// line start weigh most classes). DESIGN.md "The tagger's weights in 0.55 MB (helper `tagspeed`,
/// session 20)".
///
/// Before, a feature was a 16-byte slot (its 64-bit key and a row number) in a table of 65,536 slots (1 MiB) and a dense
/// row of 24 `Int16` weights (48 bytes, ~1.2 MB for 25,000 features, most of them zeros: 80 % of the features weigh one
/// or two classes). Those 2.3 MB evicted the rules' tables from this machine's 1 MiB L2 cache: most of the tagger's cost
/// was the rules running slower. Now a slot is 8 bytes (the fingerprint in the high half, the payload in the low half),
/// a feature of one class keeps its weight in the payload, one of two or three classes points at its entries (4 bytes a
/// class), and only the ~2,700 features of more classes keep a dense row: about 0.6 MB in all, and one cache line a
/// feature of one class.
///
/// The slot index is the high bits of `key &* 0x9E37_79B9_7F4A_7C15` scaled to the slot count; the fingerprint is the high 32
/// bits of `key &* multiplier`, and `multiplier` is chosen when the table is built so that no two keys of the table
/// share a fingerprint: a key of the table is always found in its own slot (an image is checked again when loaded:
/// no run of occupied slots holds a fingerprint twice, ``init(validating:entries:multiplier:classes:)``). A key that is
/// NOT in the table matches a slot of its probe chain only if its fingerprint equals that slot's, about one lookup in
/// 10^9 (32 bits over ~2 slots a probe); it then reads that feature's weights (a small change to one token's scores).
/// Measured: output identical to the 64-bit keys on every PHI gold note and the MTSamples reports.
struct PHITaggerTable: Sendable, Equatable {
    /// `fingerprint << 32 | payload`; 0: empty. A payload is never 0: bit 31 set: one class inline (class in bits
    /// 16-20, its `Int16` weight in bits 0-15); bit 30 set: a dense row, the payload's bits 0-29 its byte offset in
    /// `rows`; else `count << 20 | start`: `count` (2 or more) entries of `entries` from `start`.
    let slots: FrozenArray<UInt64>  // may lie in a mapped image
    /// Per listed class of a feature of two or three classes: `class << 16 | weight` (the `Int16` weight's bits).
    let entries: FrozenArray<UInt32>
    /// The dense rows of the features of ``denseFrom`` classes or more: ``rowStride`` `Int16` weights each (0 for the
    /// classes the feature does not list), added as vectors of 8 lanes.
    let rows: FrozenArray<Int16>
    /// Weights in a dense row: the class count rounded up to a multiple of 8 (24 for the shipped 23 classes).
    let rowStride: Int
    /// Odd; the high 32 bits of `key &* multiplier` are the key's fingerprint.
    let multiplier: UInt64

    static let inlineBit: UInt32 = 1 << 31
    static let denseBit: UInt32 = 1 << 30
    /// Features of this many classes or more keep a dense row (fewer: sparse entries). A sparse entry costs about five
    /// instructions, a dense row of three vectors about nine: the frequent features weigh many classes.
    static let denseFrom = 4
    /// The dense row length for `classes` classes: rounded up to a multiple of 8, so that a row is 1-4 whole vectors.
    @inline(__always) static func rowStride(classes: Int) -> Int { (classes + 7) & ~7 }
    /// Most entries a table may hold (a payload's `start` has 20 bits).
    static let maxEntries = 1 << 20
    /// The first fingerprint multiplier tried; the next ones add 2^33 + 2.
    static let firstMultiplier: UInt64 = 0xBF58_476D_1CE4_E5B9

    /// The slot count of a table of `n` features: load factor at most 5/8 (an absent key's probe reads ~3.6 slots,
    /// within one or two cache lines), a multiple of 8, at least 16.
    static func capacity(features n: Int) -> Int { max(16, ((n * 8 + 4) / 5 + 7) & ~7) }

    /// The slot where the probe for `key` starts in a table of `capacity` slots.
    @inline(__always) static func home(_ key: UInt64, _ capacity: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15).multipliedFullWidth(by: UInt64(truncatingIfNeeded: capacity)).high)
    }

    /// The fingerprint of `key` under `multiplier`, in the high half of a slot (the low half 0).
    @inline(__always) static func fingerprint(_ key: UInt64, _ multiplier: UInt64) -> UInt64 { (key &* multiplier) & 0xFFFF_FFFF_0000_0000 }

    /// A table of `rows` (feature key, its listed `(class, weight)` pairs, at least one, classes below `classes` <= 32),
    /// or nil when it would hold more than ``maxEntries`` entries or 2^29 bytes of rows, or no multiplier among the first
    /// 64 separates the fingerprints.
    init?(rows: [(key: UInt64, weights: [(class: Int, weight: Int16)])], classes: Int) {
        precondition(classes >= 1 && classes <= 32)
        let stride = Self.rowStride(classes: classes)
        var entries: [UInt32] = []
        var dense: [Int16] = []
        var payloads: [UInt32] = []
        payloads.reserveCapacity(rows.count)
        for row in rows {
            precondition(!row.weights.isEmpty && row.weights.allSatisfy { $0.class >= 0 && $0.class < classes })
            @inline(__always) func entry(_ cw: (class: Int, weight: Int16)) -> UInt32 { UInt32(cw.class) << 16 | UInt32(UInt16(bitPattern: cw.weight)) }
            if row.weights.count == 1 {
                payloads.append(Self.inlineBit | entry(row.weights[0]))
            } else if row.weights.count >= Self.denseFrom {
                guard (dense.count + stride) * 2 < 1 << 30 else { return nil }
                payloads.append(Self.denseBit | UInt32(dense.count * 2))
                let start = dense.count
                dense += repeatElement(0, count: stride)
                for (c, w) in row.weights { dense[start + c] = w }
            } else {
                guard entries.count + row.weights.count <= Self.maxEntries else { return nil }
                payloads.append(UInt32(row.weights.count) << 20 | UInt32(entries.count))
                entries += row.weights.map(entry)
            }
        }
        let capacity = Self.capacity(features: rows.count)
        var multiplier = Self.firstMultiplier
        for _ in 0..<64 {
            var fingerprints = Set<UInt32>(minimumCapacity: rows.count)
            if rows.allSatisfy({ fingerprints.insert(UInt32(truncatingIfNeeded: Self.fingerprint($0.key, multiplier) >> 32)).inserted }) { break }
            multiplier &+= (1 << 33) + 2
        }
        var slots = [UInt64](repeating: 0, count: capacity)
        var seen = Set<UInt32>(minimumCapacity: rows.count)
        for (row, payload) in zip(rows, payloads) {
            let fp = Self.fingerprint(row.key, multiplier)
            guard seen.insert(UInt32(truncatingIfNeeded: fp >> 32)).inserted else { return nil }
            var i = Self.home(row.key, capacity)
            while slots[i] != 0 { i = i + 1 == capacity ? 0 : i + 1 }
            slots[i] = fp | UInt64(payload)
        }
        self.slots = FrozenArray(slots)
        self.entries = FrozenArray(entries)
        self.rows = FrozenArray(dense)
        self.rowStride = stride
        self.multiplier = multiplier
    }

    /// The table of an image's arrays (``PHIVocabulary/image(key:)``), or nil when it is inconsistent: the slot count is
    /// not ``capacity(features:)`` of the features it holds, the multiplier is even, a run of occupied slots holds a
    /// fingerprint twice (a key could then find another key's weights), a payload names a class at or above `classes`,
    /// entries outside `entries` or a row outside `rows`, an entry's class is out of range, or `rows` is no whole
    /// number of rows.
    /// - Complexity: O(slots + the squares of the runs' lengths): runs are short at load factor 5/8.
    init?(validating slots: FrozenArray<UInt64>, entries: FrozenArray<UInt32>, rows: FrozenArray<Int16>, multiplier: UInt64, classes: Int) {
        let s = slots.buffer, e = entries.buffer
        let stride = Self.rowStride(classes: classes)
        guard multiplier & 1 == 1, classes >= 1, classes <= 32, rows.count % stride == 0, let empty = s.firstIndex(of: 0) else { return nil }
        for x in e where Int(x >> 16) >= classes { return nil }
        var features = 0
        let n = s.count
        @inline(__always) func next(_ i: Int) -> Int { i + 1 == n ? 0 : i + 1 }
        // Walk once around from an empty slot, so that no run of occupied slots wraps unseen.
        var run = empty  // the empty slot before the current run
        var i = empty
        for _ in 0..<n {
            i = next(i)
            let x = s[i]
            if x == 0 { run = i; continue }
            features += 1
            let p = UInt32(truncatingIfNeeded: x)
            if p & Self.inlineBit != 0 {
                guard p >> 21 == Self.inlineBit >> 21, Int(p >> 16 & 31) < classes else { return nil }
            } else if p & Self.denseBit != 0 {
                let offset = Int(p & (Self.denseBit - 1))
                guard offset % (2 * stride) == 0, offset / 2 + stride <= rows.count else { return nil }
            } else {
                let start = Int(p & 0xF_FFFF), count = Int(p >> 20)
                guard count >= 2, start + count <= e.count else { return nil }
            }
            var j = next(run)
            while j != i {
                if s[j] >> 32 == x >> 32 { return nil }
                j = next(j)
            }
        }
        guard s.count == Self.capacity(features: features) else { return nil }
        self.slots = slots
        self.entries = entries
        self.rows = rows
        self.rowStride = stride
        self.multiplier = multiplier
    }

    /// The number of features.
    var featureCount: Int { slots.buffer.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } }

    /// The slot where the probe for `key` starts. With ``payload(_:first:in:)`` a caller reads the first slots of
    /// several keys before resolving any, so that their cache misses overlap.
    @inline(__always) func first(_ key: UInt64, in s: UnsafeBufferPointer<UInt64>) -> UInt64 {
        s[Self.home(key, s.count)]
    }

    /// The payload of `key` (0: absent) when `first` is ``first(_:in:)`` of it; `s` is `slots.buffer`.
    @inline(__always) func payload(_ key: UInt64, first: UInt64, in s: UnsafeBufferPointer<UInt64>) -> UInt32 {
        let want = Self.fingerprint(key, multiplier)
        var x = first
        if x == 0 { return 0 }
        if x & 0xFFFF_FFFF_0000_0000 == want { return UInt32(truncatingIfNeeded: x) }
        let n = s.count
        var i = Self.home(key, n)
        while true {
            i &+= 1
            if i == n { i = 0 }
            x = s[i]
            if x == 0 { return 0 }
            if x & 0xFFFF_FFFF_0000_0000 == want { return UInt32(truncatingIfNeeded: x) }
        }
    }

    /// The payload of `key`, or 0.
    func payload(_ key: UInt64) -> UInt32 {
        let s = slots.buffer
        return payload(key, first: first(key, in: s), in: s)
    }

    /// The `(class, weight)` pairs of `key` (empty when absent), in the order the table holds them.
    func weights(_ key: UInt64) -> [(class: Int, weight: Int16)] {
        let p = payload(key)
        if p == 0 { return [] }
        @inline(__always) func pair(_ x: UInt32) -> (class: Int, weight: Int16) { (Int(x >> 16 & 31), Int16(truncatingIfNeeded: x)) }
        if p & Self.inlineBit != 0 { return [pair(p)] }
        if p & Self.denseBit != 0 {
            let r = rows.buffer, start = Int(p & (Self.denseBit - 1)) / 2
            return (0..<rowStride).compactMap { r[start + $0] == 0 ? nil : ($0, r[start + $0]) }
        }
        let e = entries.buffer, start = Int(p & 0xF_FFFF)
        return (start..<start + Int(p >> 20)).map { pair(e[$0]) }
    }
}
