import Foundation
import MedTextKit
import Testing

@Suite(.serialized) struct TokenizeCLITests {
    static let example = "Pt c/o CP x2d, denies SOB. Hx: HTN, DM2.\n"

    func decode(_ r: CLIRunner.Result) throws -> TokenizeOutput {
        try JSONDecoder().decode(TokenizeOutput.self, from: r.stdout)
    }

    @Test func tokenizesTheIssueExample() throws {
        let r = try CLIRunner.run(["tokenize"], stdin: Data(Self.example.utf8))
        #expect(r.status == 0)
        let out = try decode(r)
        #expect(out.offsets == "codepoints")
        #expect(out.tokens.map(\.text) == ["Pt", "c/o", "CP", "x", "2", "d", ",", "denies", "SOB", ".", "Hx", ":", "HTN", ",", "DM2", "."])
        let scalars = Array(Self.example.unicodeScalars)
        for t in out.tokens { #expect(String(String.UnicodeScalarView(scalars[t.begin..<t.end])) == t.text) }
        #expect(out.sentences.map(\.text) == ["Pt c/o CP x2d, denies SOB.", "Hx: HTN, DM2."])
        #expect(out.sentences.map(\.begin) == [0, 27])
        #expect(out.sections.map(\.type) == ["unknown", "history_of_present_illness"])
        #expect(out.sections.last?.header == "Hx:")
    }

    @Test func stdinDashAndFileAgree() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("medtext-cli-\(UUID().uuidString).txt")
        try Data(Self.example.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let a = try CLIRunner.run(["tokenize", url.path])
        let b = try CLIRunner.run(["tokenize", "-"], stdin: Data(Self.example.utf8))
        #expect(a.status == 0 && b.status == 0)
        #expect(a.stdout == b.stdout)
    }

    @Test(arguments: [("utf8", 7, 9), ("utf16", 4, 6), ("codepoints", 3, 5)])
    func offsetUnits(_ unit: String, _ begin: Int, _ end: Int) throws {
        // "é😀 ok" -> the token "ok" starts after é (2 bytes, 1 unit, 1 cp), 😀 (4 bytes, 2 units, 1 cp), space.
        let r = try CLIRunner.run(["tokenize", "--offsets", unit], stdin: Data("é😀 ok".utf8))
        #expect(r.status == 0)
        let ok = try decode(r).tokens.first { $0.text == "ok" }
        #expect(ok?.begin == begin && ok?.end == end)
    }

    @Test func invalidUTF8FailsWithTheByteOffset() throws {
        let bytes: [UInt8] = Array("Pt ok ".utf8) + [0xFF] + Array(" secret".utf8)
        let r = try CLIRunner.run(["tokenize"], stdin: Data(bytes))
        #expect(r.status != 0)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("MT-INPUT-001") && r.stderr.contains("byte offset 6"))
        #expect(!r.stderr.contains("secret"))
    }

    @Test func lenientReplacesAndWarns() throws {
        let bytes: [UInt8] = Array("Pt ok ".utf8) + [0xC3] + Array(" fine".utf8)
        let r = try CLIRunner.run(["tokenize", "--lenient"], stdin: Data(bytes))
        #expect(r.status == 0)
        #expect(r.stderr.contains("warning") && r.stderr.contains("offset 6"))
        let out = try decode(r)
        #expect(out.tokens.map(\.text).contains("\u{FFFD}"))
        #expect(out.tokens.last?.text == "fine")
    }

    @Test func missingFileIsAnError() throws {
        let r = try CLIRunner.run(["tokenize", "/nonexistent/medtext-note.txt"])
        #expect(r.status == 66)
        #expect(r.stderr.contains("MT-CLI-001"))
    }

    @Test func badOffsetUnitIsAUsageError() throws {
        let r = try CLIRunner.run(["tokenize", "--offsets", "bytes"], stdin: Data("x".utf8))
        #expect(r.status == 64)
    }

    @Test func helpAndVersion() throws {
        let h = try CLIRunner.run(["--help"])
        #expect(h.status == 0 && h.stdoutText.contains("tokenize"))
        let th = try CLIRunner.run(["tokenize", "--help"])
        #expect(th.status == 0 && th.stdoutText.contains("--offsets") && th.stdoutText.contains("--lenient"))
        let v = try CLIRunner.run(["--version"])
        #expect(v.status == 0 && v.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines) == MedTextVersion.string)
    }

    @Test func includeSpaceListsEveryToken() throws {
        let r = try CLIRunner.run(["tokenize", "--include-space"], stdin: Data("a b\n".utf8))
        #expect(try decode(r).tokens.map(\.kind) == ["word", "whitespace", "word", "newline"])
    }
}
