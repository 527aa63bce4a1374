@testable import MedTextCore
import Testing

/// SHA-256 and HMAC-SHA256 at the lengths where the padding changes shape (55/56 bytes: the length still fits the last
/// block or not; 64: a whole block; 119/120 over two blocks), against Python's `hashlib` / `hmac`. Message byte `i` is
/// `(7i + 3) mod 256`; the key is `key`, or 70 bytes `k` (longer than a block: hashed first) for odd lengths.
@Suite struct SHA256Tests {
    static func message(_ n: Int) -> [UInt8] { (0..<n).map { UInt8((7 * $0 + 3) % 256) } }
    static func key(_ n: Int) -> [UInt8] { n % 2 == 1 ? [UInt8](repeating: 0x6B, count: 70) : Array("key".utf8) }

    static let rows: [(Int, String, String)] = [
        (0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "5d5d139563c95b5967b9bd9a8c9b233a9dedb45072794cd232dc1b74832607d0"),
        (1, "084fed08b978af4d7d196a7446a86b58009e636b611db16211b65a9aadff29c5", "ab720c59c89d896d87745a2be522b02396aecab4e5e353542452447fecaa7b47"),
        (55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b", "602f2c7fc7224a62b949e53327d07de1c8cf6e0545dfa182e76538e9b61e9987"),
        (56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27", "9ef6ab0ea28bae39874b436143538550cab64a5106534b734c7f15d2e7f5f9b7"),
        (63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055", "02d0ead5a6d671a52315210a588cdd5d7a05b16ca61fb6a9cc459fd99a9a1b82"),
        (64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241", "7df726116d4e5d0f53fcab8186781d72e963258f02c648f0f0700f56cf6143fb"),
        (65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e", "42bdf71c931f25fac3e7c81d3ba0c80737d305f1f703333c426334b299d73425"),
        (119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e", "d5d155b10a496922621e3383ab258d3d8adbed23e4da5d63159300c82958ab47"),
        (120, "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5", "ef4e07abcae8b75446aa63e91637a405afc809bb8160fcee1c0c7c03c984cdc0"),
        (200, "2c7e18c942ef065b526a2d4e5546283749cd3ddfb51d8fc71f42717363685f46", "dc28315ad56e5a30f6b2ecf9cf084a9c2473d28dac4bddce72a87c66af5dbb95"),
    ]

    @Test(arguments: rows)
    func digestAtPaddingEdges(n: Int, sha: String, mac: String) {
        let m = Self.message(n)
        var whole = SHA256()
        whole.update(m)
        #expect(whole.finalize().hex == sha)
        // The same bytes fed in uneven pieces (a byte-by-byte sequence, then buffers that straddle block edges).
        var pieces = SHA256()
        pieces.update(m.prefix(3).lazy.map { $0 })
        var rest = Array(m.dropFirst(3))
        rest.withUnsafeMutableBufferPointer { b in
            var i = 0
            while i < b.count {
                let j = min(b.count, i + 37)
                pieces.update(UnsafeBufferPointer(rebasing: b[i..<j]))
                i = j
            }
        }
        #expect(pieces.finalize().hex == sha)
        let hmac = HMACSHA256(key: Self.key(n))
        #expect(hmac.mac(m).hex == mac)
    }

    /// The Swift compression (used where the CPU has no SHA extensions) gives the same digests.
    @Test(arguments: rows)
    func portableCompressionGivesTheSameDigest(n: Int, sha: String, mac: String) {
        var h = SHA256(portable: true)
        h.update(Self.message(n))
        #expect(h.finalize().hex == sha)
    }

    @Test(arguments: rows)
    func macWordsAreTheMacBigEndian(n: Int, sha: String, mac: String) {
        let hmac = HMACSHA256(key: Self.key(n))
        let words = Self.message(n).withUnsafeBufferPointer { hmac.macWords($0) }
        let bytes = (0..<8).flatMap { i in [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: words[i] >> UInt32($0)) } }
        #expect(bytes.hex == mac)
        var h = SHA256()
        h.update(Self.message(n))
        let digest = h.finalizeWords()
        #expect((0..<8).flatMap { i in [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: digest[i] >> UInt32($0)) } }.hex == sha)
    }
}
