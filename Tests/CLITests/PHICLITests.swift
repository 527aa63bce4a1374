import Foundation
import Testing

@Suite struct PHICLITests {
    static let note = "Name: Mary Citizen  DOB: 04/11/1957  MRN: 12345678\nPh 0412 345 678. Parkinson's disease.\n"

    @Test func detectPHIPrintsTheDetectPHIShape() throws {
        let r = try CLIRunner.run(["detect-phi", "--locale", "en-AU"], stdin: Data(Self.note.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        let entities = try #require(json["Entities"] as? [[String: Any]])
        #expect(entities.map { $0["Type"] as? String } == ["NAME", "DATE", "ID", "PHONE_OR_FAX"])
        #expect(entities.allSatisfy { $0["Category"] as? String == "PROTECTED_HEALTH_INFORMATION" })
        #expect(entities.first?["BeginOffset"] as? Int == 6)
        #expect(json["ModelVersion"] != nil)
    }

    /// `deid --avoid-names FILE`: the surrogate a name gets without the roster is never drawn once it is in the roster;
    /// an unreadable roster is a usage error with its own code.
    @Test func deidAvoidsTheRosterOfRealNames() throws {
        let plain = try CLIRunner.run(["deid", "--mode", "surrogate", "--key", "k"], stdin: Data(Self.note.utf8))
        #expect(plain.status == 0, "\(plain.stderr)")
        let surrogate = try #require(plain.stdoutText.split(separator: "\n").first?.split(separator: " ").dropFirst().first)  // "Name: X Y ..."
        let roster = FileManager.default.temporaryDirectory.appendingPathComponent("phi-roster-\(getpid()).txt")
        try (String(surrogate) + "\n").write(to: roster, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["deid", "--mode", "surrogate", "--key", "k", "--avoid-names", roster.path], stdin: Data(Self.note.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdoutText.contains(String(surrogate)))
        let missing = try CLIRunner.run(["deid", "--avoid-names", "/nonexistent/roster.txt"], stdin: Data(Self.note.utf8))
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("MT-CLI-008"))
    }

    @Test func detectPHINDJSON() throws {
        let input = #"{"id":"a","text":"Seen by Dr Jane Smith."}"# + "\n" + #"{"id":"b","text":"Nothing here."}"# + "\n"
        let r = try CLIRunner.run(["detect-phi", "--ndjson"], stdin: Data(input.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdoutText.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(lines.map { $0["id"] as? String } == ["a", "b"])
        #expect(((lines[0]["result"] as? [String: Any])?["Entities"] as? [Any])?.count == 1)
    }

    /// NDJSON lines are read by the byte-level JSONReader; ids that are not strings or plain
    /// integers take Foundation's reading, so every id prints as before; escapes decode before
    /// offsets are counted (code points).
    @Test func ndjsonIdsAndTextsAfterTheByteReader() throws {
        let lines = [
            #"{"id":"a","text":"Seen by Dr Jane Smith.\nPh 0412 345 678"}"#,
            #"{"id":17,"text":"Nothing here."}"#,
            #"{"id":2.5,"text":"Nothing here."}"#,
            #"{"text":"Nothing here."}"#,
            #"{"id":"x","text":5}"#,
            "not json",
            #"{"id":"\u00e9-\uD83D\uDE00","text":"Caf\u00e9 \uD83D\uDE00 seen by Dr Jane Smith.","id":"last"}"#,
        ]
        let input = Data((lines.joined(separator: "\n") + "\n").utf8)
        func parsed(_ r: CLIRunner.Result) -> [[String: Any]] {
            r.stdoutText.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        }
        let phi = try CLIRunner.run(["detect-phi", "--ndjson", "--locale", "en-AU"], stdin: input)
        #expect(phi.status == 0, "\(phi.stderr)")
        let out = parsed(phi)
        #expect(out.map { $0["id"] as? String } == ["a", "17", "2.5", "4", nil, nil, "last"])
        #expect(out.map { ($0["error"] as? [String: Any])?["code"] as? String } == [nil, nil, nil, nil, "MT-CLI-006", "MT-CLI-006", nil])
        func entities(_ record: [String: Any]) -> [(String, Int, Int)] {
            ((record["result"] as? [String: Any])?["Entities"] as? [[String: Any]] ?? []).map {
                ($0["Type"] as? String ?? "", $0["BeginOffset"] as? Int ?? -1, $0["EndOffset"] as? Int ?? -1)
            }
        }
        // "Seen by Dr Jane Smith.\nPh 0412 345 678": the escaped line break is one code point.
        #expect(entities(out[0]).map { $0.0 } == ["NAME", "PHONE_OR_FAX"])
        #expect(entities(out[0]).last.map { [$0.1, $0.2] } == [26, 38])
        // "Café 😀 seen by Dr Jane Smith.": é and 😀 are one code point each.
        #expect(entities(out[6]).first.map { [$0.1, $0.2] } == [18, 28])

        let entitiesRun = try CLIRunner.run(["detect-entities", "--ndjson"], stdin: input)
        #expect(entitiesRun.status == 0, "\(entitiesRun.stderr)")
        let rows = parsed(entitiesRun)
        #expect(rows.map { $0["id"] as? String } == ["a", "17", "2.5", nil, "x", nil, "last"])
        #expect(rows.map { ($0["error"] as? [String: Any])?["code"] as? String }
            == [nil, nil, nil, "MT-NDJSON-002", "MT-NDJSON-003", "MT-NDJSON-001", nil])
    }

    @Test(arguments: ["redact", "mask", "surrogate"])
    func deidRemovesPHI(_ mode: String) throws {
        let audit = FileManager.default.temporaryDirectory.appendingPathComponent("phi-audit-\(mode)-\(getpid()).jsonl")
        let r = try CLIRunner.run(
            ["deid", "--mode", mode, "--shift-dates", "--key", "k", "--locale", "en-AU", "--audit", audit.path],
            stdin: Data(Self.note.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        for phi in ["Mary", "Citizen", "04/11/1957", "12345678", "0412 345 678"] { #expect(!r.stdoutText.contains(phi)) }
        #expect(r.stdoutText.contains("Parkinson's disease"))
        if mode == "redact" { #expect(r.stdoutText.hasPrefix("Name: [NAME]")) }
        if mode == "mask" { #expect(r.stdoutText.count == Self.note.count - 0 || r.stdoutText.contains("**")) }
        let again = try CLIRunner.run(["deid", "--mode", mode, "--shift-dates", "--key", "k", "--locale", "en-AU"], stdin: Data(Self.note.utf8))
        #expect(again.stdoutText == r.stdoutText)
        let auditText = try String(contentsOf: audit, encoding: .utf8)
        #expect(auditText.contains("\"Type\":\"NAME\"") && auditText.contains("OutputBeginOffset"))
        #expect(!auditText.contains("Mary"))
        try? FileManager.default.removeItem(at: audit)
    }

    /// `--facilities` decides whether facility names are ORGANIZATION (default) or ADDRESS.
    @Test(arguments: [([String](), "ORGANIZATION"), (["--facilities", "organization"], "ORGANIZATION"), (["--facilities", "address"], "ADDRESS")])
    func facilityType(_ extra: [String], _ type: String) throws {
        let note = "Transferred from St Vincent's Hospital overnight.\n"
        let r = try CLIRunner.run(["detect-phi"] + extra, stdin: Data(note.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        let entities = try #require(json["Entities"] as? [[String: Any]])
        #expect(entities.map { $0["Type"] as? String } == [type])
        #expect(entities.first?["Text"] as? String == "St Vincent's Hospital")
        let d = try CLIRunner.run(["deid", "--mode", "redact"] + extra, stdin: Data(note.utf8))
        #expect(d.status == 0, "\(d.stderr)")
        #expect(d.stdoutText == "Transferred from [\(type)] overnight.\n")
    }

    /// Invented organisations: the rules find the second, the shipped learned tagger adds the first and the third (the
    /// flag tests need only one addition, so that retraining the weights does not break them).
    static let taggerNote = "Plan: follow up at Wirrandel Wellness next week.\nReferred to Koorabin Allied Health Collective for hydrotherapy.\nShe volunteers with Marrowbank Community Garden on weekends.\n"

    /// The default of `--phi-tagger` / `--no-phi-tagger` as `--help` states it (argument-parser prints the default flag).
    static func taggerDefault(_ command: String) throws -> Bool {
        let help = try CLIRunner.run([command, "--help"]).stdoutText
        let on = help.contains("(default: --phi-tagger)"), off = help.contains("(default: --no-phi-tagger)")
        #expect(on != off, "--help of \(command) names one default for the tagger flags")
        return on
    }

    /// `--phi-tagger` / `--no-phi-tagger` (helper `taggeron`, session 19) on detect-phi and detect-entities: with the
    /// first the learned tagger's spans (rule id `phi:tagger` under `--explain`) are added, with the second none; no flag
    /// gives exactly the output of the flag `--help` names as the default, and the last of the two flags wins.
    @Test(arguments: ["detect-phi", "detect-entities"])
    func taggerFlagsChooseTheTagger(_ command: String) throws {
        let stdin = Data(Self.taggerNote.utf8)
        let on = try CLIRunner.run([command, "--explain", "--phi-tagger"], stdin: stdin)
        let off = try CLIRunner.run([command, "--explain", "--no-phi-tagger"], stdin: stdin)
        let plain = try CLIRunner.run([command, "--explain"], stdin: stdin)
        #expect(on.status == 0 && off.status == 0 && plain.status == 0, "\(on.stderr)\(off.stderr)\(plain.stderr)")
        #expect(on.stdoutText.contains("\"phi:tagger\""))
        #expect(!off.stdoutText.contains("phi:tagger"))
        #expect(on.stdout != off.stdout)
        #expect(plain.stdout == (try Self.taggerDefault(command) ? on.stdout : off.stdout))
        #expect(try CLIRunner.run([command, "--explain", "--no-phi-tagger", "--phi-tagger"], stdin: stdin).stdout == on.stdout)
        #expect(try CLIRunner.run([command, "--explain", "--phi-tagger", "--no-phi-tagger"], stdin: stdin).stdout == off.stdout)
    }

    /// `deid --phi-tagger` also replaces what the tagger adds; `--no-phi-tagger` replaces only the rules' spans; no flag is
    /// the default `--help` names.
    @Test func deidTaggerFlags() throws {
        let stdin = Data(Self.taggerNote.utf8)
        let on = try CLIRunner.run(["deid", "--mode", "redact", "--phi-tagger"], stdin: stdin)
        let off = try CLIRunner.run(["deid", "--mode", "redact", "--no-phi-tagger"], stdin: stdin)
        let plain = try CLIRunner.run(["deid", "--mode", "redact"], stdin: stdin)
        #expect(on.status == 0 && off.status == 0 && plain.status == 0, "\(on.stderr)\(off.stderr)\(plain.stderr)")
        func replaced(_ text: String) -> Int { text.components(separatedBy: "[ORGANIZATION]").count - 1 }
        #expect(replaced(off.stdoutText) >= 1)  // the rules' organisation
        #expect(replaced(on.stdoutText) > replaced(off.stdoutText))
        #expect(plain.stdoutText == (try Self.taggerDefault("deid") ? on.stdoutText : off.stdoutText))
    }

    @Test func facilitiesRejectsUnknownValues() throws {
        let r = try CLIRunner.run(["detect-phi", "--facilities", "hospital"], stdin: Data("x".utf8))
        #expect(r.status != 0)
        #expect(r.stderr.contains("organization") || r.stderr.contains("address"))
    }

    /// `train-phi-tagger --exclude RANGES --augment N` (helper `taggeracc`, session 17): excluded note numbers are never
    /// read, each surrogate copy of a gold note is one more training note and changes the weights, and a malformed range
    /// is a usage error. Three invented gold notes.
    @Test(arguments: [
        ([String](), 0, "trained on 3 notes (0 of them surrogate copies)"),
        (["--exclude", "2-2"], 0, "trained on 2 notes (0 of them surrogate copies)"),
        (["--exclude", "1,3", "--augment", "1"], 0, "trained on 2 notes (1 of them surrogate copies)"),
        (["--augment", "2"], 0, "trained on 9 notes (6 of them surrogate copies)"),
        (["--exclude", "5-2"], 64, "MT-CLI-008"),
        (["--exclude", "x"], 64, "MT-CLI-008"),
    ])
    func trainTaggerExcludesAndAugments(_ flags: [String], _ status: Int32, _ message: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("phi-train-\(getpid())-\(flags.joined())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let notes = [
            "001-gp-au.txt": "Seen by [[Dr Harriet Vell|NAME]] at [[Wirrandel Wellness|ORGANIZATION]] on [[04/03/2024|DATE]].\n",
            "002-ed-us.txt": "[[Tomas Okonkwo-Reyes|NAME]] lives at [[14 Quillan Street, Marrowby|ADDRESS]].\n",
            "003-letter-au.txt": "Dear [[Dr Penhallow|NAME]], thank you for seeing [[Ivy Dunmarra|NAME]], aged [[58|AGE]].\n",
        ]
        for (name, text) in notes { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let out = dir.appendingPathComponent("w.tsv").path
        let r = try CLIRunner.run(["train-phi-tagger", "--gold", dir.path, "--max-note", "3", "--out", out] + flags)
        #expect(r.status == status, "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        guard status == 0, let k = flags.firstIndex(of: "--augment") else { return }
        var plainFlags = flags
        plainFlags.removeSubrange(k...(k + 1))
        let plain = try CLIRunner.run(["train-phi-tagger", "--gold", dir.path, "--max-note", "3", "--out", out + ".plain"] + plainFlags)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) != String(contentsOfFile: out + ".plain", encoding: .utf8))
    }

    /// `train-phi-tagger --negatives DIR` repeats (helper `taggeracc`, session 19: the entity gold notes and the lexicon
    /// negatives of scripts/phi/tagger_negatives.py): every directory's notes are training notes, and their marked clinical
    /// spans change the weights. One invented gold note, one invented negative note per directory.
    @Test(arguments: [
        (0, "trained on 1 notes (0 of them surrogate copies)"),
        (1, "trained on 2 notes (0 of them surrogate copies)"),
        (2, "trained on 3 notes (0 of them surrogate copies)"),
    ])
    func trainTaggerReadsEveryNegativesDirectory(_ directories: Int, _ message: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("phi-train-neg-\(getpid())-\(directories)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("gold"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "Seen by [[Dr Harriet Vell|NAME]] at [[Wirrandel Wellness|ORGANIZATION]].\n"
            .write(to: dir.appendingPathComponent("gold/001-gp-au.txt"), atomically: true, encoding: .utf8)
        let negatives = ["Started [[Quellatrex|BRAND_NAME]] 20 mg daily.\n", "History of [[Harrowgate syndrome|DX_NAME]].\n"]
        var flags: [String] = []
        for k in 0..<directories {
            let neg = dir.appendingPathComponent("neg\(k)")
            try FileManager.default.createDirectory(at: neg, withIntermediateDirectories: true)
            try negatives[k].write(to: neg.appendingPathComponent("lexneg-0001.txt"), atomically: true, encoding: .utf8)
            flags += ["--negatives", neg.path]
        }
        let out = dir.appendingPathComponent("w.tsv").path
        let r = try CLIRunner.run(["train-phi-tagger", "--gold", dir.appendingPathComponent("gold").path, "--max-note", "1", "--out", out] + flags)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        guard directories > 0 else { return }
        let fewer = try CLIRunner.run(["train-phi-tagger", "--gold", dir.appendingPathComponent("gold").path, "--max-note", "1",
                                       "--out", out + ".fewer"] + flags.dropLast(2))
        #expect(fewer.status == 0, "\(fewer.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) != String(contentsOfFile: out + ".fewer", encoding: .utf8))
    }
}
