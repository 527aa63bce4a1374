import CZlib
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
public import MedTextCore

/// Errors reading input streams. Messages name the file and never contain its content.
public struct InputError: MedTextError, Equatable {
    public enum Kind: String, Sendable { case open = "MT-IO-001", read = "MT-IO-002", gzip = "MT-IO-003" }
    public var kind: Kind
    public var path: String
    public var detail: String
    public var code: String { kind.rawValue }
    public var message: String {
        switch kind {
        case .open: return "cannot open \(path): \(detail); check the path and permissions"
        case .read: return "cannot read \(path): \(detail)"
        case .gzip: return "\(path) is not valid gzip data (\(detail)); decompress it or check that it is complete"
        }
    }
}

/// One line of an input stream.
public enum InputLine: Sendable, Equatable {
    /// The line's bytes, without the line break (LF or CRLF).
    case line([UInt8])
    /// A line longer than the reader's limit: skipped without being kept in memory.
    case tooLong(byteCount: Int)
}

/// Reads lines from a file descriptor, transparently decompressing gzip input (detected by
/// its magic bytes; concatenated gzip members are read in order). Streams with bounded
/// memory: at most one line (up to `maxLineBytes`) plus a fixed buffer is held.
/// Used by one thread at a time.
public final class LineReader {
    private let fd: Int32
    private let ownsDescriptor: Bool
    public let path: String
    public let maxLineBytes: Int

    private var raw = [UInt8](repeating: 0, count: 1 << 16)
    private var rawCount = 0
    private var rawPos = 0
    private var eof = false

    private var gzip: Bool? = nil
    private var stream = z_stream()
    private var inflating = false

    private var out = [UInt8](repeating: 0, count: 1 << 17)
    private var outCount = 0
    private var outPos = 0

    /// Number of lines returned so far (the number of the last line returned, 1-based).
    public private(set) var lineNumber = 0

    /// Opens `path` for reading; `-` means standard input.
    public convenience init(path: String, maxLineBytes: Int = 64 << 20) throws {
        if path == "-" {
            self.init(fileDescriptor: 0, path: "<stdin>", ownsDescriptor: false, maxLineBytes: maxLineBytes)
            return
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InputError(kind: .open, path: path, detail: String(cString: strerror(errno))) }
        self.init(fileDescriptor: fd, path: path, ownsDescriptor: true, maxLineBytes: maxLineBytes)
    }

    public init(fileDescriptor: Int32, path: String, ownsDescriptor: Bool, maxLineBytes: Int = 64 << 20) {
        self.fd = fileDescriptor
        self.path = path
        self.ownsDescriptor = ownsDescriptor
        self.maxLineBytes = maxLineBytes
    }

    deinit {
        if inflating { inflateEnd(&stream) }
        if ownsDescriptor { close(fd) }
    }

    /// Fills the raw buffer; returns false at end of file.
    private func fillRaw() throws -> Bool {
        if eof { return false }
        if rawPos < rawCount { return true }
        while true {
            let n = raw.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError(kind: .read, path: path, detail: String(cString: strerror(errno)))
            }
            rawCount = n
            rawPos = 0
            if n == 0 { eof = true }
            return n > 0
        }
    }

    /// Makes decompressed (or plain) bytes available in `out`; returns false at end of input.
    private func fill() throws -> Bool {
        if outPos < outCount { return true }
        outPos = 0
        outCount = 0
        if gzip == nil {
            guard try fillRaw() else { return false }
            // Need two bytes to detect gzip; a one-byte first read is plain text.
            gzip = rawCount - rawPos >= 2 && raw[rawPos] == 0x1F && raw[rawPos + 1] == 0x8B
            if gzip == true {
                let rc = inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
                guard rc == Z_OK else { throw InputError(kind: .gzip, path: path, detail: "zlib init \(rc)") }
                inflating = true
            }
        }
        if gzip == false {
            guard try fillRaw() else { return false }
            let n = rawCount - rawPos
            if out.count < n { out = [UInt8](repeating: 0, count: n) }
            out.withUnsafeMutableBufferPointer { dst in
                raw.withUnsafeBufferPointer { src in
                    dst.baseAddress!.update(from: src.baseAddress! + rawPos, count: n)
                }
            }
            outCount = n
            rawPos = rawCount
            return true
        }
        // gzip
        while outCount == 0 {
            if rawPos >= rawCount {
                guard try fillRaw() else {
                    if inflating && stream.total_in > 0 && !streamEnded {
                        throw InputError(kind: .gzip, path: path, detail: "unexpected end of data")
                    }
                    return false
                }
            }
            if streamEnded {
                // Another gzip member follows.
                inflateReset(&stream)
                streamEnded = false
            }
            let availIn = rawCount - rawPos
            var produced = 0
            var rc: Int32 = 0
            raw.withUnsafeMutableBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst in
                    stream.next_in = src.baseAddress! + rawPos
                    stream.avail_in = UInt32(availIn)
                    stream.next_out = dst.baseAddress!
                    stream.avail_out = UInt32(dst.count)
                    rc = inflate(&stream, Z_NO_FLUSH)
                    produced = dst.count - Int(stream.avail_out)
                    rawPos = rawCount - Int(stream.avail_in)
                }
            }
            if rc == Z_STREAM_END {
                streamEnded = true
            } else if rc != Z_OK && rc != Z_BUF_ERROR {
                throw InputError(kind: .gzip, path: path, detail: "zlib error \(rc)")
            }
            outCount = produced
        }
        return true
    }

    private var streamEnded = false

    /// The next line, or `nil` at the end of the input. A final line without a line break is returned.
    public func next() throws -> InputLine? {
        var line: [UInt8] = []
        var length = 0
        var sawAny = false
        while true {
            guard try fill() else {
                if !sawAny { return nil }
                break
            }
            sawAny = true
            var foundNewline = false
            out.withUnsafeBufferPointer { buf in
                var j = outPos
                while j < outCount && buf[j] != 0x0A { j += 1 }
                let chunk = j - outPos
                if length + chunk <= maxLineBytes {
                    line.append(contentsOf: UnsafeBufferPointer(rebasing: buf[outPos..<j]))
                }
                length += chunk
                foundNewline = j < outCount
                outPos = foundNewline ? j + 1 : j
            }
            if foundNewline { break }
        }
        lineNumber += 1
        if length > maxLineBytes { return .tooLong(byteCount: length) }
        if line.last == 0x0D { line.removeLast() }
        return .line(line)
    }
}
