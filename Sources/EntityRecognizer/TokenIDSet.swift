/// A set of interned token ids (dense, small) as a bit map: `contains` is one load and a
/// shift, where `Set<UInt32>` hashed every probe with SipHash.
struct TokenIDSet: Sendable {
    private let bits: [UInt64]

    init<S: Sequence>(_ ids: S) where S.Element == UInt32 {
        var bits: [UInt64] = []
        for id in ids {
            let w = Int(id >> 6)
            if w >= bits.count { bits += [UInt64](repeating: 0, count: w + 1 - bits.count) }
            bits[w] |= 1 << UInt64(id & 63)
        }
        self.bits = bits
    }

    @inline(__always)
    func contains(_ id: UInt32) -> Bool {
        let w = Int(id >> 6)
        return w < bits.count && bits[w] & (1 << UInt64(id & 63)) != 0
    }
}
