import Foundation
import MedTextCore
import Testing
@testable import TerminologyMap

@Suite struct SQLiteLayerTests {
    @Test func errorsCarryCodeAndSQLButNeverBoundValues() throws {
        let dir = TempDir()
        let db = try SQLiteDatabase(path: dir.file("x.sqlite").path, readOnly: false)
        try db.execute("CREATE TABLE t(k TEXT PRIMARY KEY)")
        let insert = try db.cached("INSERT INTO t(k) VALUES (?)")
        try insert.run([.text("patient John Smith has HIV")])
        let error = #expect(throws: TerminologyError.self) { try insert.run([.text("patient John Smith has HIV")]) }
        #expect(error?.kind == .sqlite)
        #expect(error?.sqliteCode == 1555)  // SQLITE_CONSTRAINT_PRIMARYKEY (extended codes on)
        #expect(error?.sql == "INSERT INTO t(k) VALUES (?)")
        #expect(error?.description.contains("John") == false)
        #expect(error?.description.hasPrefix("MT-TERM-002: ") == true)
    }

    @Test func readOnlyConnectionsRefuseWrites() throws {
        let dir = TempDir()
        let path = dir.file("x.sqlite").path
        try SQLiteDatabase(path: path, readOnly: false).execute("CREATE TABLE t(k TEXT)")
        let ro = try SQLiteDatabase(path: path, readOnly: true)
        let error = #expect(throws: TerminologyError.self) { try ro.execute("INSERT INTO t VALUES ('a')") }
        #expect(error?.sqliteCode.map { $0 & 0xFF } == 8)  // SQLITE_READONLY
        #expect(throws: TerminologyError.self) { _ = try SQLiteDatabase(path: dir.file("missing.sqlite").path, readOnly: true) }
    }

    @Test func cachedStatementsAreReused() throws {
        let dir = TempDir()
        let db = try SQLiteDatabase(path: dir.file("x.sqlite").path, readOnly: false)
        let a = try db.cached("SELECT 1")
        let b = try db.cached("SELECT 1")
        #expect(a === b)
    }

    @Test func sha256KnownAnswers() {
        var h = SHA256()
        h.update("abc")
        #expect(h.finalize().hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        var e = SHA256()
        #expect(e.finalize().hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        var long = SHA256()
        long.update(String(repeating: "a", count: 1000))
        #expect(long.finalize().hex == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func storeIsSafeToShareAcrossTasks() async throws {
        let dir = TempDir()
        let out = dir.file("t.sqlite")
        let b = try TerminologyBuilder(target: out, normalizer: TestNormalizer(), options: BuildOptions(progress: false))
        try b.importLexicon(Fixtures.url("lexicon/concepts.tsv"))
        try b.finish()
        let store = try TerminologyStore(url: out, normalizer: TestNormalizer())
        let ids = try store.matchableTerms().map(\.conceptID)
        let expected = try store.concepts(ids: ids).count
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    var n = 0
                    for _ in 0..<20 {
                        n = try store.concepts(ids: ids).count
                        _ = try store.icd10cmCandidates(for: MentionQuery(text: "heart failure"))
                    }
                    return n
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts == Array(repeating: expected, count: 16))
    }
}

/// Lexicon attributes are parsed without Foundation, with Foundation's trimming of
/// `CharacterSet.whitespaces` (tab and Unicode Zs).
@Suite struct ConceptAttributeParsing {
    @Test(arguments: [
        "", "class=DIAGNOSIS", " class = SIGN ;kind=ingredient", "a=\tb\t;\u{00A0}c\u{2003}=d\u{3000}", "noequals;x=", "=v;k==w", "k=é\u{301} ",
    ])
    func matchesFoundationTrimming(text: String) {
        var expected: [String: String] = [:]
        for pair in text.split(separator: ";") {
            if let eq = pair.firstIndex(of: "=") {
                expected[String(pair[..<eq]).trimmingCharacters(in: .whitespaces)] = String(pair[pair.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
            }
        }
        #expect(TerminologyStore.attributes(text) == expected)
    }
}
