import CSHA256

/// A small SHA-256 (FIPS 180-4), so that medtext needs no crypto dependency: build metadata
/// and cache keys (TerminologyMap) and keyed surrogates (HMAC-SHA256, Deidentifier).
/// Checked against the FIPS 180-4 and RFC 4231 test vectors in MedTextCoreTests.
///
/// The state, the pending partial block and the message schedule are stored inline (no array), so hashing a short
/// message allocates nothing but the digest it returns: de-identification draws every surrogate from an HMAC. Blocks are
/// compressed with the x86 SHA extensions when the CPU has them (CSHA256), else in Swift.
public struct SHA256: Sendable {
    private var h = SIMD8<UInt32>(0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
    /// The bytes of the partial block (`pendingCount` of them), in memory order.
    private var pending = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
    private var pendingCount = 0
    private var length: UInt64 = 0

    /// Compress in Swift even on a CPU with SHA extensions (tests compare both paths).
    private var portable = false

    public init() {}

    /// A hasher that never uses the CPU's SHA extensions (for tests of the portable compression).
    init(portable: Bool) { self.portable = portable }

    public mutating func update(_ bytes: some Sequence<UInt8>) {
        if bytes.withContiguousStorageIfAvailable({ update($0) }) != nil { return }
        for b in bytes {
            var byte = b
            withUnsafePointer(to: &byte) { update(UnsafeBufferPointer(start: $0, count: 1)) }
        }
    }

    public mutating func update(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        length &+= UInt64(buffer.count)
        var i = 0
        if pendingCount > 0 {
            let n = min(64 - pendingCount, buffer.count)
            withUnsafeMutableBytes(of: &pending) { $0.baseAddress!.advanced(by: pendingCount).copyMemory(from: base, byteCount: n) }
            pendingCount += n
            i = n
            if pendingCount < 64 { return }
            compressPending()
        }
        let blocks = (buffer.count - i) / 64
        if blocks > 0 {
            compress(UnsafeRawPointer(base + i), blocks: blocks)
            i += blocks * 64
        }
        if i < buffer.count {
            let n = buffer.count - i
            withUnsafeMutableBytes(of: &pending) { $0.baseAddress!.copyMemory(from: base + i, byteCount: n) }
            pendingCount = n
        }
    }

    public mutating func update(_ string: String) {
        var s = string
        s.withUTF8 { update($0) }
    }

    private mutating func compressPending() {
        var block = pending
        withUnsafeBytes(of: &block) { compress($0.baseAddress!, blocks: 1) }
        pendingCount = 0
    }

    public mutating func finalize() -> [UInt8] {
        let words = finalizeWords()
        return [UInt8](unsafeUninitializedCapacity: 32) { out, n in
            for i in 0..<8 {
                let v = words[i]
                out[i * 4] = UInt8(truncatingIfNeeded: v >> 24)
                out[i * 4 + 1] = UInt8(truncatingIfNeeded: v >> 16)
                out[i * 4 + 2] = UInt8(truncatingIfNeeded: v >> 8)
                out[i * 4 + 3] = UInt8(truncatingIfNeeded: v)
            }
            n = 32
        }
    }

    /// The digest as eight big-endian words (word `i` is bytes `4i..<4i+4` of ``finalize()``), without an allocation.
    public mutating func finalizeWords() -> SIMD8<UInt32> {
        let bitLength = length &* 8
        // Padding: 0x80, zeros to 56 mod 64, the bit length big-endian (FIPS 180-4 §5.1.1).
        let count = pendingCount
        withUnsafeMutableBytes(of: &pending) { p in
            p[count] = 0x80
            for j in (count + 1)..<64 { p[j] = 0 }
        }
        if count >= 56 {
            compressPending()
            pending = (0, 0, 0, 0, 0, 0, 0, 0)
        }
        pending.7 = bitLength.bigEndian
        compressPending()
        return h
    }

    /// Absorbs `blocks` blocks of 64 bytes at `data`: with the CPU's SHA extensions when it has them (CSHA256), else here.
    private mutating func compress(_ data: UnsafeRawPointer, blocks: Int) {
        let done = portable ? 0 : withUnsafeMutableBytes(of: &h) { state in
            medtext_sha256_blocks(state.baseAddress!.assumingMemoryBound(to: UInt32.self), data.assumingMemoryBound(to: UInt8.self), blocks)
        }
        guard done == 0 else { return }
        for n in 0..<blocks { compressPortable(data + 64 * n) }
    }

    /// Absorbs 64 bytes at `block` (FIPS 180-4 §6.2.2).
    private mutating func compressPortable(_ block: UnsafeRawPointer) {
        var state = h
        withUnsafeBytes(of: medtext_sha256_k) { constants in
            let k = constants.bindMemory(to: UInt32.self)
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                for t in 0..<16 {
                    w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self))
                }
                for t in 16..<64 {
                    let x = w[t - 15], y = w[t - 2]
                    let s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3)
                    let s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >> 10)
                    w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
                }
                var a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], hh = state[7]
                for t in 0..<64 {
                    let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                    let ch = (e & f) ^ (~e & g)
                    let t1 = hh &+ s1 &+ ch &+ k[t] &+ w[t]
                    let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                    let maj = (a & b) ^ (a & c) ^ (b & c)
                    let t2 = s0 &+ maj
                    hh = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ t2
                }
                state &+= SIMD8(a, b, c, d, e, f, g, hh)
            }
        }
        h = state
    }

    @inline(__always) private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}

extension [UInt8] {
    /// Lower-case hexadecimal.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(count * 2)
        for b in self { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0xF)]) }
        return String(decoding: out, as: UTF8.self)
    }
}

/// HMAC-SHA256 (RFC 2104): keyed hashes for consistent pseudonyms.
public struct HMACSHA256: Sendable {
    /// SHA-256 states after absorbing the padded key XOR ipad / opad (one block each), so that
    /// a MAC of a short message costs two compressions instead of four.
    private let innerState: SHA256
    private let outerState: SHA256

    /// Prepares the padded keys once; reuse the value for many messages.
    public init(key: [UInt8]) {
        var k = key
        if k.count > 64 {
            var h = SHA256()
            h.update(k)
            k = h.finalize()
        }
        k += [UInt8](repeating: 0, count: 64 - k.count)
        var inner = SHA256()
        inner.update(k.map { $0 ^ 0x36 })
        var outer = SHA256()
        outer.update(k.map { $0 ^ 0x5c })
        innerState = inner
        outerState = outer
    }

    /// The 32-byte MAC of `message`.
    public func mac(_ message: some Sequence<UInt8>) -> [UInt8] {
        var inner = innerState
        inner.update(message)
        var outer = outerState
        outer.update(inner.finalize())
        return outer.finalize()
    }

    /// The MAC of `message` as eight big-endian words (word `i` is bytes `4i..<4i+4` of ``mac(_:)-(some Sequence<UInt8>)``),
    /// without an allocation.
    public func macWords(_ message: UnsafeBufferPointer<UInt8>) -> SIMD8<UInt32> {
        var inner = innerState
        inner.update(message)
        var digest = inner.finalizeWords()
        for i in 0..<8 { digest[i] = digest[i].bigEndian }
        var outer = outerState
        withUnsafeBytes(of: &digest) { outer.update($0.bindMemory(to: UInt8.self)) }
        return outer.finalizeWords()
    }

    /// The MAC of a string's UTF-8 bytes.
    public func mac(_ message: String) -> [UInt8] { mac(Array(message.utf8)) }
}
