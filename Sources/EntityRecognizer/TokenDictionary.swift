/// Interns normalized token strings (as UTF-8 bytes) to dense `UInt32` ids.
///
/// Built once by ``TokenDictionary/Builder``, then frozen into flat arrays: an open-addressing
/// hash table over a byte pool. Looking up a token's bytes allocates nothing.
/// Id 0 is reserved for "not in the vocabulary".
public struct TokenDictionary: Sendable, Equatable {
    /// The id of every token that is not in the vocabulary.
    public static let unknown: UInt32 = 0

    let pool: [UInt8]
    let starts: [Int32]  // per id (index id), start in pool; starts[count] = pool.count
    /// Open addressing; 0 = empty, else the id in the low ``idBits`` bits and the top bits of the
    /// token's hash above them (a tag), so a probe that meets another token's slot is rejected
    /// without reading `starts` and `pool` (two dependent loads, usually cache misses).
    private let table: [UInt32]
    private let mask: Int
    /// Bits of a slot that hold the id (enough for `count`); the rest hold the tag.
    private let idBits: Int

    /// Number of distinct tokens (ids are 1...count).
    public var count: Int { starts.count - 2 }

    /// Collects tokens, then freezes them.
    public struct Builder: Sendable {
        fileprivate var pool: [UInt8] = []
        fileprivate var starts: [Int32] = [0, 0]  // id 0 is the empty "unknown" entry
        fileprivate var index: [[UInt8]: UInt32] = [:]
        /// Tokens interned before this builder resumed (``init(resuming:)``), looked up in their
        /// frozen table; `index` holds only the tokens added since.
        fileprivate var base: TokenDictionary?

        public init() {}

        /// A builder that continues `dictionary`: its tokens keep their ids, new tokens get the
        /// next ones, exactly as if every token had been interned into one builder. Costs no
        /// per-token work (the frozen table answers for the old tokens).
        public init(resuming dictionary: TokenDictionary) {
            pool = dictionary.pool
            starts = dictionary.starts
            base = dictionary
        }

        /// The id of `token`, adding it when new.
        /// - Complexity: amortized O(token length)
        @discardableResult
        public mutating func intern<C: Collection>(_ token: C) -> UInt32 where C.Element == UInt8 {
            let key = Array(token)
            if let base {
                let old = base.id(of: key)
                if old != TokenDictionary.unknown { return old }
            }
            if let id = index[key] { return id }
            let id = UInt32(starts.count - 1)
            pool.append(contentsOf: key)
            starts.append(Int32(pool.count))
            index[key] = id
            return id
        }

        /// The id of `token` when already interned.
        public func id<C: Collection>(of token: C) -> UInt32? where C.Element == UInt8 {
            let key = Array(token)
            if let base {
                let old = base.id(of: key)
                if old != TokenDictionary.unknown { return old }
            }
            return index[key]
        }

        /// Tokens added since ``init(resuming:)`` (all of them for a fresh builder).
        public var addedSinceResuming: Int { index.count }

        /// Freezes the vocabulary into an immutable, shareable dictionary (the resumed one itself
        /// when nothing was added: the same value, without rehashing every token).
        public func build() -> TokenDictionary {
            if let base, index.isEmpty { return base }
            return TokenDictionary(pool: pool, starts: starts)
        }
    }

    /// The dictionary of an image's pool and starts (see ``CompiledLexicon``); `nil` when they are
    /// inconsistent (starts descending, not from 0 or not ending at the pool's end).
    init?(validatingPool pool: [UInt8], starts: [Int32]) {
        guard starts.count >= 2, starts[0] == 0, starts[1] == 0, Int(starts[starts.count - 1]) == pool.count else { return nil }
        for i in 1..<(starts.count - 1) where starts[i + 1] < starts[i] { return nil }
        self.init(pool: pool, starts: starts)
    }

    private init(pool: [UInt8], starts: [Int32]) {
        self.pool = pool
        self.starts = starts
        let n = starts.count - 2
        var capacity = 16
        while capacity < n * 2 { capacity <<= 1 }
        var table = [UInt32](repeating: 0, count: capacity)
        let mask = capacity - 1
        let idBits = TokenDictionary.idBits(count: n)
        pool.withUnsafeBufferPointer { p in
            for id in 1...max(1, n) where id <= n {
                let s = Int(starts[id]), e = Int(starts[id + 1])
                let h = TokenDictionary.hash(UnsafeBufferPointer(rebasing: p[s..<e]))
                var slot = Int(truncatingIfNeeded: h) & mask
                while table[slot] != 0 { slot = (slot + 1) & mask }
                table[slot] = UInt32(id) | TokenDictionary.tag(h, idBits: idBits)
            }
        }
        self.table = table
        self.mask = mask
        self.idBits = idBits
    }

    /// Bits needed for ids `1...count` (at least 1, at most 32: then no tag bits are left).
    static func idBits(count: Int) -> Int { max(1, min(32, Int.bitWidth - max(1, count).leadingZeroBitCount)) }

    /// The tag of a hash for a table whose ids take `idBits` bits: the hash's top bits, shifted
    /// above the id (0 when the ids take all 32 bits, so every slot's tag matches).
    @inline(__always)
    static func tag(_ h: UInt64, idBits: Int) -> UInt32 {
        idBits >= 32 ? 0 : UInt32(truncatingIfNeeded: h >> 32) << UInt32(idBits)
    }

    /// FNV-1a over bytes.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h &*= 0x100_0000_01b3
        }
        return h ^ (h >> 29)
    }

    /// The id of a token's normalized bytes, or ``unknown``.
    /// - Complexity: O(token length) expected.
    public func id(of bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let h = TokenDictionary.hash(bytes)
        var slot = Int(truncatingIfNeeded: h) & mask
        let idBits = self.idBits, mask = self.mask
        let tag = TokenDictionary.tag(h, idBits: idBits)
        let idMask: UInt32 = idBits >= 32 ? ~0 : (1 << UInt32(idBits)) &- 1
        // Slots are masked to the table's size; ids in the table index `starts` (built together),
        // so the loads below stay in bounds without per-load checks.
        return table.withUnsafeBufferPointer { tb in
            starts.withUnsafeBufferPointer { st in
                pool.withUnsafeBufferPointer { p in
                    while true {
                        let x = tb[slot]
                        if x == 0 { return TokenDictionary.unknown }
                        if x & ~idMask == tag {
                            let id = x & idMask
                            let s = Int(st[Int(id)]), e = Int(st[Int(id) &+ 1])
                            if e &- s == bytes.count {
                                var k = 0
                                while k < bytes.count && p[s &+ k] == bytes[k] { k &+= 1 }
                                if k == bytes.count { return id }
                            }
                        }
                        slot = (slot &+ 1) & mask
                    }
                }
            }
        }
    }

    /// The id of a token given as an array or string bytes (convenience, allocation-free for arrays).
    public func id(of bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { id(of: $0) }
    }

    /// The id of a token given as a string.
    public func id(of token: String) -> UInt32 {
        var t = token
        return t.withUTF8 { id(of: $0) }
    }

    /// The bytes of an interned token.
    public func bytes(of id: UInt32) -> ArraySlice<UInt8> {
        guard id != 0, Int(id) <= count else { return [] }
        return pool[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])]
    }
}
