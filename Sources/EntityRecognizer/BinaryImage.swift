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

    /// ``array(_:)`` with the elements aligned to 8 bytes from the start of the payload (which
    /// starts at byte 64 of the image), so a mapped image can be read in place (``FrozenArray``).
    mutating func alignedArray<T: FixedWidthInteger>(_ a: FrozenArray<T>) { alignedArray(a.buffer) }

    mutating func alignedArray<T: FixedWidthInteger>(_ a: UnsafeBufferPointer<T>) {
        u64(UInt64(a.count))
        while out.count % 8 != 0 { out.append(0) }
        #if _endian(little)
        out.append(contentsOf: UnsafeRawBufferPointer(a))
        #else
        for v in a { integer(v) }
        #endif
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
    /// The storage `base` lies in, for arrays read in place; nil: every array is copied.
    private let owner: ImageStorage?

    init(_ base: UnsafeRawBufferPointer, owner: ImageStorage? = nil) {
        self.base = base
        self.owner = owner
    }

    /// What ``ImageWriter/alignedArray(_:)`` wrote: in place in the owner's memory when it is
    /// little-endian and aligned, else copied.
    mutating func frozenArray<T: FixedWidthInteger>() throws(Failure) -> FrozenArray<T> {
        let count = try u64()
        while offset % 8 != 0 {
            guard remaining > 0 else { throw Failure(detail: "truncated") }
            offset += 1
        }
        let size = MemoryLayout<T>.size
        guard count <= UInt64(remaining / size) else { throw Failure(detail: "truncated array") }
        let n = Int(count)
        let raw = try bytes(n * size)
        #if _endian(little)
        if let owner, let start = raw.baseAddress, let ownerStart = owner.bytes.baseAddress,
           Int(bitPattern: start) % MemoryLayout<T>.alignment == 0, start >= ownerStart, start + raw.count <= ownerStart + owner.bytes.count {
            return FrozenArray(owner: owner, offset: start - ownerStart, count: n)
        }
        #endif
        return FrozenArray([T](unsafeUninitializedCapacity: n) { buffer, initialized in
            for k in 0..<n { buffer[k] = T(littleEndian: raw.loadUnaligned(fromByteOffset: k * size, as: T.self)) }
            initialized = n
        })
    }

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

    /// A (start, count) pair of u32 naming bytes of `pool`.
    mutating func slice(of pool: UnsafeBufferPointer<UInt8>) throws(Failure) -> UnsafeBufferPointer<UInt8> {
        let start = Int(try u32()), count = Int(try u32())
        guard start + count <= pool.count else { throw Failure(detail: "string pool") }
        return UnsafeBufferPointer(rebasing: pool[start..<start + count])
    }

    /// The string named by a (start, count) pair in `pool` (UTF-8; invalid bytes repaired).
    mutating func string(in pool: UnsafeBufferPointer<UInt8>) throws(Failure) -> String {
        String(decoding: try slice(of: pool), as: UTF8.self)
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

/// Memory that compiled tables point into: a read-only file mapping of an image (the facade
/// maps it and passes the unmapping as `release`), or a buffer allocated for a table built in
/// memory. Freed when the last table using it goes away.
///
/// `@unchecked Sendable`, audited: the bytes are never written after the owner is created (the
/// mapping is `PROT_READ`; an allocated buffer is filled before it is wrapped), and `release`
/// runs once, in `deinit`, when no table can reach the memory any more.
public final class ImageStorage: @unchecked Sendable {
    public let bytes: UnsafeRawBufferPointer
    private let release: @Sendable (UnsafeRawBufferPointer) -> Void

    public init(bytes: UnsafeRawBufferPointer, release: @escaping @Sendable (UnsafeRawBufferPointer) -> Void) {
        self.bytes = bytes
        self.release = release
    }

    deinit { release(bytes) }

    /// A copy of `bytes` in memory of its own (tests, and images not read from a file).
    public convenience init(copying bytes: [UInt8]) {
        let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, bytes.count), alignment: 16)
        bytes.withUnsafeBytes { if !$0.isEmpty { raw.copyMemory(from: $0) } }
        self.init(bytes: UnsafeRawBufferPointer(rebasing: raw[..<bytes.count])) { UnsafeMutableRawBufferPointer(mutating: $0).deallocate() }
    }
}

/// An immutable array of integers stored in an ``ImageStorage``: either copied from a Swift
/// array (a table built in memory) or pointing straight into a mapped image (no copy: a lookup
/// faults in only the pages it touches, so a 16 MB hash table costs a cold start only the few
/// pages a note's words land on).
struct FrozenArray<T: FixedWidthInteger>: Sendable, Equatable {
    /// One reference, so a value holding tables stays as small to copy as one holding arrays
    /// (the PHI rules copy their state per call: three words here cost 2 % more instructions).
    private let place: Place

    private final class Place: Sendable {
        let owner: ImageStorage
        let offset: Int  // byte offset of element 0 in owner.bytes
        let count: Int

        init(owner: ImageStorage, offset: Int, count: Int) {
            self.owner = owner
            self.offset = offset
            self.count = count
        }
    }

    var count: Int { place.count }

    init(_ array: [T]) {
        let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, array.count * MemoryLayout<T>.stride), alignment: 16)
        array.withUnsafeBytes { if !$0.isEmpty { raw.copyMemory(from: $0) } }
        let owner = ImageStorage(bytes: UnsafeRawBufferPointer(raw)) { UnsafeMutableRawBufferPointer(mutating: $0).deallocate() }
        place = Place(owner: owner, offset: 0, count: array.count)
    }

    /// Elements in place in `owner` (aligned for `T`, in bounds: checked by the reader).
    init(owner: ImageStorage, offset: Int, count: Int) {
        place = Place(owner: owner, offset: offset, count: count)
    }

    @inline(__always)
    var buffer: UnsafeBufferPointer<T> {
        let p = place
        return UnsafeBufferPointer(start: p.owner.bytes.baseAddress.map { ($0 + p.offset).assumingMemoryBound(to: T.self) }, count: p.count)
    }

    @inline(__always)
    subscript(i: Int) -> T {
        precondition(i >= 0 && i < count, "index out of range")
        return buffer[i]
    }

    var array: [T] { Array(buffer) }

    static func == (a: FrozenArray, b: FrozenArray) -> Bool { a.buffer.elementsEqual(b.buffer) }
}
