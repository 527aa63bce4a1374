import Foundation
import Testing

@Suite(.serialized) struct TerminologyCLITests {
    static let dir: URL = {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("medtext-term-cli-\(getpid())")
        try? FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }()

    /// The default database, built once by `medtext terminology build --out`.
    static let defaultDB: (path: String, result: CLIRunner.Result) = {
        let path = dir.appendingPathComponent("default.sqlite").path
        let r = try! CLIRunner.run(["terminology", "build", "--out", path])
        return (path, r)
    }()

    func json(_ r: CLIRunner.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
    }

    @Test func buildPrintsThePath() {
        #expect(Self.defaultDB.result.status == 0, "\(Self.defaultDB.result.stderr)")
        #expect(String(decoding: Self.defaultDB.result.stdout, as: UTF8.self) == Self.defaultDB.path + "\n")
    }

    @Test(arguments: [("HTN", "I10"), ("acute on chronic systolic heart failure", "I50.23"), ("type 2 diabetes with diabetic neuropathy", "E11.40")])
    func lookupRanksICD10CM(text: String, code: String) throws {
        let r = try CLIRunner.run(["terminology", "lookup", text, "--terminology", Self.defaultDB.path])
        #expect(r.status == 0, "\(r.stderr)")
        let icd = try #require(try json(r)["ICD10CMConcepts"] as? [[String: Any]])
        #expect(icd.first?["Code"] as? String == code)
        #expect(icd.count <= 5)
    }

    @Test func lookupByCode() throws {
        let r = try CLIRunner.run(["terminology", "lookup", "E11.40", "--terminology", Self.defaultDB.path])
        let concepts = try #require(try json(r)["Concepts"] as? [[String: Any]])
        let icd = try #require(concepts.first { $0["System"] as? String == "http://hl7.org/fhir/sid/icd-10-cm" })
        #expect(icd["Billable"] as? Bool == true)
        #expect(icd["Display"] as? String == "Type 2 diabetes mellitus with diabetic neuropathy, unspecified")
    }

    @Test func infoListsSystemsAndSources() throws {
        let r = try CLIRunner.run(["terminology", "info", "--terminology", Self.defaultDB.path])
        #expect(r.status == 0)
        let text = String(decoding: r.stdout, as: UTF8.self)
        #expect(text.contains("ICD10CM  http://hl7.org/fhir/sid/icd-10-cm  edition US (CDC/CMS)  version 2026-04"))
        #expect(text.contains("lexicon  concepts/conditions.tsv"))
        #expect(text.contains("kind: default"))
    }

    @Test func importCustomLexiconAndFailedImportKeepsTheDatabase() throws {
        let site = Self.dir.appendingPathComponent("site.tsv")
        try "id\ttype\tpreferred\tsynonyms\tcodes\tattributes\ncond:pump_failure\tDX_NAME\tpump failure\tPF#abbr,cs\tICD10CM:I50.9\tclass=DIAGNOSIS\n".write(to: site, atomically: true, encoding: .utf8)
        let out = Self.dir.appendingPathComponent("site.sqlite").path
        let r = try CLIRunner.run(["terminology", "import", "--lexicon", site.path, "--no-default-lexicons", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        let l = try CLIRunner.run(["terminology", "lookup", "pump failure", "--terminology", out])
        let concepts = try #require(try json(l)["Concepts"] as? [[String: Any]])
        #expect(concepts.first?["Code"] as? String == "cond:pump_failure")
        let before = try Data(contentsOf: URL(fileURLWithPath: out))
        let bad = Self.dir.appendingPathComponent("bad.tsv")
        try "id\ttype\tpreferred\tsynonyms\tcodes\tattributes\ncond:ok\tDX_NAME\tok\t\t\t\ncond:bad\tDX_NAME\tbad\t\tNOPE:1\t\n".write(to: bad, atomically: true, encoding: .utf8)
        let f = try CLIRunner.run(["terminology", "import", "--lexicon", bad.path, "--out", out])
        #expect(f.status == 65)
        #expect(f.stderr.contains("MT-TERM-005") && f.stderr.contains("bad.tsv:3"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == before)
    }

    @Test func importNeedsASource() throws {
        let r = try CLIRunner.run(["terminology", "import", "--out", Self.dir.appendingPathComponent("x.sqlite").path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--snomed-rf2"))
    }

    @Test func missingDatabaseSaysWhatToDo() throws {
        let r = try CLIRunner.run(["terminology", "info", "--terminology", Self.dir.appendingPathComponent("none.sqlite").path])
        #expect(r.status == 66)
        #expect(r.stderr.contains("MT-TERM-001") && r.stderr.contains("medtext terminology build"))
    }
}

extension TerminologyCLITests {
    @Test func failedImportIntoANewFileLeavesNoFile() throws {
        let bad = Self.dir.appendingPathComponent("bad-new.tsv")
        try "id\ttype\tpreferred\tsynonyms\tcodes\tattributes\ncond:bad\tDX_NAME\tbad\t\tNOPE:1\t\n".write(to: bad, atomically: true, encoding: .utf8)
        let out = Self.dir.appendingPathComponent("never.sqlite")
        let r = try CLIRunner.run(["terminology", "import", "--lexicon", bad.path, "--out", out.path])
        #expect(r.status == 65)
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: Self.dir.path).filter { $0.hasPrefix(".never.sqlite") }
        #expect(leftovers.isEmpty)
    }
}
