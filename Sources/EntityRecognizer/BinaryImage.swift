/// The container of medtext's compiled images (``CompiledLexicon``, ``PHIVocabulary``): a
/// 64-byte header, then the payload.
///
/// Header, little-endian: magic (8 bytes, names the kind of image), format version (4),
/// byte-order mark `0x01020304` (4), payload length (8), ``checksum(_:)`` of the payload (8),
/// key (32 bytes naming the inputs the payload was compiled from). ``unwrap(_:magic:version:key:)``
/// checks each in turn, so a truncated, foreign, stale or damaged image is an error value,
/// never a trap or a wrong answer.
enum BinaryImage {
    static let headerSize = 64

    static func wrap(_ payload: [UInt8], magic: [UInt8], version: UInt32, key: [UInt8]) -> [UInt8] {
        precondition(magic.count == 8 && key.count == 32, "an image has an 8-byte magic and a 32-byte key")
        var header = ImageWriter()
        header.bytes(magic)
        header.u32(version)
        header.u32(0x0102_0304)
        header.u64(UInt64(payload.count))
        header.u64(payload.withUnsafeBytes { checksum($0) })
        header.bytes(key)
        return header.out + payload
    }

    /// The payload of a checked image.
    static func unwrap(_ image: UnsafeRawBufferPointer, magic: [UInt8], version expected: UInt32, key: [UInt8]) throws(LexiconImageError) -> UnsafeRawBufferPointer {
        let h = headerSize
        guard image.count >= h else { throw LexiconImageError(kind: .truncated, detail: "\(image.count) bytes, shorter than the header") }
        guard image.prefix(8).elementsEqual(magic) else { throw LexiconImageError(kind: .format, detail: "not an image of this kind") }
        func field<T: FixedWidthInteger>(_ offset: Int, _: T.Type) -> T { T(littleEndian: image.loadUnaligned(fromByteOffset: offset, as: T.self)) }
        let version = field(8, UInt32.self)
        guard version == expected else {
            throw LexiconImageError(kind: .format, detail: "format version \(version), this program reads \(expected)")
        }
        guard field(12, UInt32.self) == 0x0102_0304 else { throw LexiconImageError(kind: .format, detail: "byte order") }
        let length = field(16, UInt64.self)
        let sum = field(24, UInt64.self)
        guard image[32..<64].elementsEqual(key) else { throw LexiconImageError(kind: .stale, detail: "compiled from other inputs") }
        guard UInt64(image.count - h) == length else {
            throw LexiconImageError(kind: .truncated, detail: "payload of \(image.count - h) bytes, header says \(length)")
        }
        let payload = UnsafeRawBufferPointer(rebasing: image[h...])
        guard checksum(payload) == sum else { throw LexiconImageError(kind: .checksum, detail: "payload checksum mismatch") }
        return payload
    }

    /// A 64-bit checksum of `bytes` (four multiply-rotate lanes over 8-byte words, as xxHash64
    /// mixes them): fast enough to check megabytes on every load, and any damaged byte changes it
    /// with overwhelming probability. Not a cryptographic hash.
    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let p1: UInt64 = 0x9E37_79B1_85EB_CA87, p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        let p3: UInt64 = 0x1656_67B1_9E37_79F9, p4: UInt64 = 0x85EB_CA77_C2B2_AE63
        @inline(__always) func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
            let a = acc &+ input &* p2
            return ((a << 31) | (a >> 33)) &* p1
        }
        let n = bytes.count
        var v1 = p1 &+ p2, v2 = p2, v3: UInt64 = 0, v4 = 0 &- p1
        var i = 0
        while i + 32 <= n {
            v1 = round(v1, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian)
            v2 = round(v2, bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self).littleEndian)
            v3 = round(v3, bytes.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self).littleEndian)
            v4 = round(v4, bytes.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self).littleEndian)
            i += 32
        }
        var h = ((v1 << 1) | (v1 >> 63)) &+ ((v2 << 7) | (v2 >> 57)) &+ ((v3 << 12) | (v3 >> 52)) &+ ((v4 << 18) | (v4 >> 46))
        h = h &+ UInt64(n)
        while i < n {
            h ^= UInt64(bytes[i]) &* p4
            h = ((h << 11) | (h >> 53)) &* p1
            i += 1
        }
        h ^= h >> 33
        h = h &* p2
        h ^= h >> 29
        h = h &* p3
        h ^= h >> 32
        return h
    }
}

/// A 64-bit checksum of `bytes` (``BinaryImage/checksum(_:)``), for keying images on the
/// contents of their source files without a slower cryptographic hash.
public func imageChecksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 { BinaryImage.checksum(bytes) }

/// Appends little-endian integers and length-prefixed arrays to a byte buffer.
struct ImageWriter {
    var out: [UInt8] = []

    mutating func u8(_ v: UInt8) { out.append(v) }
    mutating func u16(_ v: UInt16) { integer(v) }
    mutating func u32(_ v: UInt32) { integer(v) }
    mutating func u64(_ v: UInt64) { integer(v) }
    mutating func i64(_ v: Int64) { integer(v) }
    mutating func bytes(_ b: [UInt8]) { out.append(contentsOf: b) }

    mutating func integer<T: FixedWidthInteger>(_ v: T) {
        withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) }
    }

    /// Element count (u64), then the elements, little-endian.
    mutating func array<T: FixedWidthInteger>(_ a: [T]) {
        u64(UInt64(a.count))
        #if _endian(little)
        a.withUnsafeBytes { out.append(contentsOf: $0) }
        #else
        for v in a { integer(v) }
        #endif
    }
}

/// Reads what ``ImageWriter`` wrote, checking every length against the bytes left.
struct ImageReader {
    struct Failure: Error {
        var detail: String
    }

    private let base: UnsafeRawBufferPointer
    private var offset = 0

    init(_ base: UnsafeRawBufferPointer) { self.base = base }

    var remaining: Int { base.count - offset }

    mutating func integer<T: FixedWidthInteger>(_: T.Type) throws(Failure) -> T {
        let size = MemoryLayout<T>.size
        guard remaining >= size else { throw Failure(detail: "truncated") }
        let v = T(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: T.self))
        offset += size
        return v
    }

    mutating func u8() throws(Failure) -> UInt8 { try integer(UInt8.self) }
    mutating func u16() throws(Failure) -> UInt16 { try integer(UInt16.self) }
    mutating func u32() throws(Failure) -> UInt32 { try integer(UInt32.self) }
    mutating func u64() throws(Failure) -> UInt64 { try integer(UInt64.self) }
    mutating func i64() throws(Failure) -> Int64 { try integer(Int64.self) }

    /// A u64 that must fit a non-negative `Int` no larger than the image.
    mutating func int() throws(Failure) -> Int {
        let v = try u64()
        guard v <= UInt64(base.count) else { throw Failure(detail: "count out of range") }
        return Int(v)
    }

    mutating func bytes(_ n: Int) throws(Failure) -> UnsafeRawBufferPointer {
        guard n >= 0, remaining >= n else { throw Failure(detail: "truncated") }
        defer { offset += n }
        return UnsafeRawBufferPointer(rebasing: base[offset..<offset + n])
    }

    mutating func array<T: FixedWidthInteger>() throws(Failure) -> [T] {
        let count = try u64()
        let size = MemoryLayout<T>.size
        guard count <= UInt64(remaining / size) else { throw Failure(detail: "truncated array") }
        let n = Int(count)
        let raw = try bytes(n * size)
        return [T](unsafeUninitializedCapacity: n) { buffer, initialized in
            #if _endian(little)
            if n > 0 { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: raw) }
            #else
            for k in 0..<n { buffer[k] = T(littleEndian: raw.loadUnaligned(fromByteOffset: k * size, as: T.self)) }
            #endif
            initialized = n
        }
    }
}
