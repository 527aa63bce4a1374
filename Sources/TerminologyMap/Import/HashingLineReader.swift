#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import MedTextCore

/// Reads a text file one line at a time (streaming, constant memory), hashing its bytes with
/// SHA-256 as it goes so the build metadata can record exactly what was imported.
/// Line endings LF and CRLF; a UTF-8 BOM at the start is dropped.
final class HashingLineReader {
    let path: String
    /// Display name for errors (the file name, or the path relative to the import root).
    let displayName: String
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: UnsafeMutablePointer<CChar>?
    private var capacity: Int = 0
    private(set) var lineNumber = 0
    private(set) var bytesRead: Int64 = 0
    private var hasher = SHA256()

    init(path: String, displayName: String? = nil) throws(TerminologyError) {
        self.path = path
        self.displayName = displayName ?? path
        guard let f = fopen(path, "rb") else {
            throw TerminologyError(.unreadableSource, "cannot open the file (\(String(cString: strerror(errno)))); check the path and permissions", file: self.displayName)
        }
        self.file = f
        setvbuf(f, nil, _IOFBF, 1 << 20)
    }

    deinit {
        fclose(file)
        free(buffer)
    }

    /// The next line without its line ending, or nil at end of file.
    func next() -> String? {
        let n = getline(&buffer, &capacity, file)
        guard n >= 0, let buffer else { return nil }
        lineNumber += 1
        bytesRead += Int64(n)
        return buffer.withMemoryRebound(to: UInt8.self, capacity: n) { p in
            hasher.update(UnsafeBufferPointer(start: p, count: n))
            var start = 0
            var end = n
            if end > 0 && p[end - 1] == 0x0A { end -= 1 }
            if end > 0 && p[end - 1] == 0x0D { end -= 1 }
            if lineNumber == 1 && end >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { start = 3 }
            return String(decoding: UnsafeBufferPointer(start: p + start, count: end - start), as: UTF8.self)
        }
    }

    /// Reads the rest of the file (so the hash covers it all) and returns the hex digest.
    func finishHash() -> String {
        while next() != nil {}
        return hasher.finalize().hex
    }

    /// An error about the current line.
    func malformed(_ detail: String) -> TerminologyError {
        TerminologyError(.malformedSource, detail, file: displayName, line: lineNumber)
    }
}

/// Splits a line on a one-byte separator, keeping empty fields.
@inline(__always)
func splitFields(_ line: String, _ separator: Character) -> [Substring] {
    line.split(separator: separator, omittingEmptySubsequences: false)
}

/// Hex SHA-256 of a whole file, read in chunks.
func sha256Hex(ofFile path: String) throws(TerminologyError) -> String {
    guard let h = FileHandle(forReadingAtPath: path) else {
        throw TerminologyError(.unreadableSource, "cannot open the file; check the path and permissions", file: path)
    }
    defer { try? h.close() }
    var hasher = SHA256()
    while true {
        let data = h.readData(ofLength: 1 << 20)
        if data.isEmpty { break }
        data.withUnsafeBytes { hasher.update(UnsafeBufferPointer(start: $0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: $0.count)) }
    }
    return hasher.finalize().hex
}

/// Progress on stderr, only when stderr is a terminal. Never prints term text.
struct ImportProgress {
    let enabled: Bool
    private var lastReport = 0

    init(enabled: Bool? = nil) {
        self.enabled = enabled ?? (isatty(STDERR_FILENO) == 1)
    }

    mutating func rows(_ label: String, _ count: Int) {
        guard enabled, count - lastReport >= 50_000 else { return }
        lastReport = count
        FileHandle.standardError.write(Data("\r\(label): \(count) rows".utf8))
    }

    mutating func done(_ label: String, _ count: Int) {
        lastReport = 0
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\(label): \(count) rows\n".utf8))
    }
}
