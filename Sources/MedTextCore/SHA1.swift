/// SHA-1 (FIPS 180-4), for name-based UUIDs (RFC 9562 version 5) only: deterministic resource
/// ids in FHIR output. SHA-1 is broken for collision resistance; never use it for security.
public struct SHA1: Sendable {
    private var h: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0)
    private var block: [UInt8] = []
    private var length: UInt64 = 0

    public init() { block.reserveCapacity(64) }

    /// Adds bytes to the message.
    /// - Complexity: O(n)
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buf in
            var i = 0
            while i < buf.count {
                let take = min(64 - block.count, buf.count - i)
                block.append(contentsOf: UnsafeBufferPointer(rebasing: buf[i..<(i + take)]))
                i += take
                if block.count == 64 {
                    compress()
                    block.removeAll(keepingCapacity: true)
                }
            }
            length &+= UInt64(buf.count)
        }
        if done != nil { return }
        for b in bytes {
            block.append(b)
            length &+= 1
            if block.count == 64 {
                compress()
                block.removeAll(keepingCapacity: true)
            }
        }
    }

    /// The 20-byte digest. The hasher is consumed.
    public consuming func finalize() -> [UInt8] {
        let bitLength = length &* 8
        block.append(0x80)
        if block.count > 56 {
            while block.count < 64 { block.append(0) }
            compress()
            block.removeAll(keepingCapacity: true)
        }
        while block.count < 56 { block.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { block.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        compress()
        var out: [UInt8] = []
        out.reserveCapacity(20)
        for word in [h.0, h.1, h.2, h.3, h.4] {
            out.append(UInt8(truncatingIfNeeded: word >> 24))
            out.append(UInt8(truncatingIfNeeded: word >> 16))
            out.append(UInt8(truncatingIfNeeded: word >> 8))
            out.append(UInt8(truncatingIfNeeded: word))
        }
        return out
    }

    /// The digest of `bytes`.
    public static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var s = SHA1()
        s.update(bytes)
        return s.finalize()
    }

    private mutating func compress() {
        block.withUnsafeBufferPointer { Self.compress($0.baseAddress!, &h) }
    }

    typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32)

    /// The digest words of the concatenation of `a` and `b`, without heap allocation (resource
    /// ids hash a namespace and a short name per resource).
    static func digest(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> State {
        var h: State = (0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { blk in
            let block = blk.baseAddress!
            var fill = 0
            func feed(_ part: UnsafeBufferPointer<UInt8>) {
                var i = 0
                while i < part.count {
                    let take = min(64 - fill, part.count - i)
                    (block + fill).update(from: part.baseAddress! + i, count: take)
                    fill += take
                    i += take
                    if fill == 64 {
                        compress(UnsafePointer(block), &h)
                        fill = 0
                    }
                }
            }
            feed(a)
            feed(b)
            let bitLength = UInt64(a.count + b.count) &* 8
            block[fill] = 0x80
            fill += 1
            if fill > 56 {
                (block + fill).update(repeating: 0, count: 64 - fill)
                compress(UnsafePointer(block), &h)
                fill = 0
            }
            (block + fill).update(repeating: 0, count: 56 - fill)
            for k in 0..<8 { block[56 + k] = UInt8(truncatingIfNeeded: bitLength >> UInt64(56 - 8 * k)) }
            compress(UnsafePointer(block), &h)
        }
        return h
    }

    /// One 64-byte block into the state.
    static func compress(_ blk: UnsafePointer<UInt8>, _ h: inout State) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { w in
            for i in 0..<16 {
                w[i] = UInt32(blk[4 * i]) << 24 | UInt32(blk[4 * i + 1]) << 16 | UInt32(blk[4 * i + 2]) << 8 | UInt32(blk[4 * i + 3])
            }
            for i in 16..<80 {
                let x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]
                w[i] = (x << 1) | (x >> 31)
            }
            var (a, b, c, d, e) = h
            for i in 0..<80 {
                let f: UInt32, k: UInt32
                switch i {
                case 0..<20: f = (b & c) | (~b & d); k = 0x5A827999
                case 20..<40: f = b ^ c ^ d; k = 0x6ED9EBA1
                case 40..<60: f = (b & c) | (b & d) | (c & d); k = 0x8F1BBCDC
                default: f = b ^ c ^ d; k = 0xCA62C1D6
                }
                let t = ((a << 5) | (a >> 27)) &+ f &+ e &+ k &+ w[i]
                e = d
                d = c
                c = (b << 30) | (b >> 2)
                b = a
                a = t
            }
            h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e)
        }
    }
}

/// Name-based UUIDs (RFC 9562 §5.5, version 5: SHA-1 of a namespace UUID and a name).
public enum NameBasedUUID {
    /// The RFC 9562 URL namespace, `6ba7b811-9dad-11d1-80b4-00c04fd430c8`.
    public static let urlNamespace: [UInt8] = [
        0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
    ]

    /// The lower-case UUID string of version 5 for `name` in `namespace` (16 bytes).
    public static func v5(namespace: [UInt8], name: String) -> String {
        var name = name
        let h = name.withUTF8 { n in namespace.withUnsafeBufferPointer { SHA1.digest($0, n) } }
        // The first 16 bytes of the digest, big-endian, with the version and variant bits set.
        return String(unsafeUninitializedCapacity: 36) { out in
            let hex: StaticString = "0123456789abcdef"
            func word(_ j: Int) -> UInt32 {
                switch j {
                case 0: h.0
                case 1: h.1
                case 2: h.2
                default: h.3
                }
            }
            var k = 0
            hex.withUTF8Buffer { hex in
                for i in 0..<16 {
                    var d = UInt8(truncatingIfNeeded: word(i >> 2) >> UInt32(24 - 8 * (i & 3)))
                    if i == 6 { d = (d & 0x0F) | 0x50 }
                    if i == 8 { d = (d & 0x3F) | 0x80 }
                    if i == 4 || i == 6 || i == 8 || i == 10 {
                        out[k] = UInt8(ascii: "-")
                        k += 1
                    }
                    out[k] = hex[Int(d >> 4)]
                    out[k + 1] = hex[Int(d & 0x0F)]
                    k += 2
                }
            }
            return k
        }
    }

    /// The 16 bytes of a UUID string (`xxxxxxxx-xxxx-...`), or nil when it is not one.
    public static func bytes(of uuid: String) -> [UInt8]? {
        let hex = uuid.filter { $0 != "-" }
        guard hex.count == 32 else { return nil }
        var out: [UInt8] = []
        var it = hex.makeIterator()
        while let hi = it.next(), let lo = it.next() {
            guard let v = UInt8(String([hi, lo]), radix: 16) else { return nil }
            out.append(v)
        }
        return out
    }
}
