import Foundation
import MedTextKit
import Testing

@Suite struct LineReaderTests {
    static func tempFile(_ bytes: [UInt8], gzip: Bool = false) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("medtext-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let plain = dir.appendingPathComponent("in.ndjson")
        try Data(bytes).write(to: plain)
        guard gzip else { return plain.path }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["gzip", "-k", plain.path]
        try p.run()
        p.waitUntilExit()
        return plain.path + ".gz"
    }

    static func readAll(_ path: String, max: Int = 1 << 20) throws -> [InputLine] {
        let r = try LineReader(path: path, maxLineBytes: max)
        var out: [InputLine] = []
        while let l = try r.next() { out.append(l) }
        return out
    }

    static let sample: [UInt8] = Array("first\r\n\nthird é\n{\"a\":1}".utf8)
    static let expected: [InputLine] = [.line(Array("first".utf8)), .line([]), .line(Array("third é".utf8)), .line(Array("{\"a\":1}".utf8))]

    @Test(arguments: [false, true])
    func readsPlainAndGzip(gzip: Bool) throws {
        let path = try Self.tempFile(Self.sample, gzip: gzip)
        #expect(try Self.readAll(path) == Self.expected)
    }

    @Test func bigInputAcrossBuffers() throws {
        var bytes: [UInt8] = []
        for i in 0..<20000 { bytes.append(contentsOf: Array("line \(i) \(String(repeating: "x", count: i % 97))\n".utf8)) }
        for gz in [false, true] {
            let lines = try Self.readAll(try Self.tempFile(bytes, gzip: gz))
            #expect(lines.count == 20000)
            #expect(lines[12345] == .line(Array("line 12345 \(String(repeating: "x", count: 12345 % 97))".utf8)))
        }
    }

    @Test func tooLongLinesAreSkippedNotKept() throws {
        let bytes = Array("short\n\(String(repeating: "y", count: 5000))\nafter\n".utf8)
        let lines = try Self.readAll(try Self.tempFile(bytes), max: 1000)
        #expect(lines == [.line(Array("short".utf8)), .tooLong(byteCount: 5000), .line(Array("after".utf8))])
    }

    @Test func concatenatedGzipMembers() throws {
        let a = try Data(contentsOf: URL(fileURLWithPath: try Self.tempFile(Array("a\nb\n".utf8), gzip: true)))
        let b = try Data(contentsOf: URL(fileURLWithPath: try Self.tempFile(Array("c\n".utf8), gzip: true)))
        let path = try Self.tempFile(Array(a + b))
        #expect(try Self.readAll(path) == [.line([0x61]), .line([0x62]), .line([0x63])])
    }

    @Test func truncatedGzipFailsWithFileName() throws {
        let gz = try Data(contentsOf: URL(fileURLWithPath: try Self.tempFile(Array(String(repeating: "abc\n", count: 1000).utf8), gzip: true)))
        let path = try Self.tempFile(Array(gz.prefix(gz.count / 2)))
        #expect {
            _ = try Self.readAll(path)
        } throws: { error in
            guard let e = error as? InputError else { return false }
            return e.kind == .gzip && e.message.contains(path)
        }
    }

    @Test func missingFileNamesPath() {
        #expect(throws: InputError.self) { _ = try LineReader(path: "/nonexistent/x.ndjson") }
    }

    @Test func emptyInput() throws {
        #expect(try Self.readAll(try Self.tempFile([])) == [])
    }
}
