import Foundation
import Testing

/// `medtext batch` through the built binary.
@Suite(.serialized) struct BatchCLITests {
    static let notes = [
        "Patient with asthma and hypertension. Salbutamol 100 mcg inhaled PRN.",
        "No chest pain. Denies fever. Metformin 500 mg PO BID for type 2 diabetes mellitus.",
        "Known atrial fibrillation on apixaban 5 mg BID. Mild ankle oedema.",
        "Cough and shortness of breath for 3 days; chest X-ray ordered to rule out pneumonia.",
    ]

    /// `count` DocumentReference lines (every 7th one bad), with blank lines in between.
    static func input(count: Int) -> String {
        var lines: [String] = []
        for i in 1...count {
            let text = notes[i % notes.count] + " Visit \(i)."
            let data = Data(text.utf8).base64EncodedString()
            switch i % 7 {
            case 0: lines.append("{\"resourceType\":\"DocumentReference\",\"id\":\"d\(i)\",\"content\":[{\"attachment\":{\"contentType\":\"text/plain\",\"data\":\"***\"}}]}")
            case 3: lines.append("{\"resourceType\":\"Patient\",\"id\":\"d\(i)\"}")
            case 5: lines.append("{not json")
            default: lines.append("{\"resourceType\":\"DocumentReference\",\"id\":\"d\(i)\",\"content\":[{\"attachment\":{\"contentType\":\"text/plain; charset=utf-8\",\"data\":\"\(data)\"}}]}")
            }
            if i % 10 == 0 { lines.append("") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("medtext-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func gzip(_ url: URL) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["gzip", "-kf", url.path]
        try p.run()
        p.waitUntilExit()
    }

    static let bigInput = input(count: 120)

    @Test func envelopeIsOneLinePerNonBlankLineAndIdenticalForAnyJobs() throws {
        let stdin = Data(Self.bigInput.utf8)
        let nonBlank = Self.bigInput.split(separator: "\n").count
        var outputs: [Data] = []
        for jobs in [1, 2, 8] {
            let r = try CLIRunner.run(["batch", "--emit", "envelope", "--jobs", "\(jobs)"], stdin: stdin)
            #expect(r.status == 0, "\(r.stderr)")
            let lines = r.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(lines.count == nonBlank)
            for l in lines { #expect((try? JSONSerialization.jsonObject(with: Data(l.utf8))) != nil) }
            #expect(r.stderr.contains("read \(nonBlank) = annotated"))
            outputs.append(r.stdout)
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0] == outputs[2])
        // Envelope lines come in input order.
        let lines = String(decoding: outputs[0], as: UTF8.self).split(separator: "\n")
        let numbers = lines.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["line"] as? Int }
        #expect(numbers == numbers.sorted())
    }

    @Test func resourcesAreIdenticalForAnyJobs() throws {
        let stdin = Data(Self.bigInput.utf8)
        let a = try CLIRunner.run(["batch", "--jobs", "1", "--write-back"], stdin: stdin)
        let b = try CLIRunner.run(["batch", "--jobs", "8", "--write-back"], stdin: stdin)
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        #expect(!a.stdout.isEmpty)
    }

    @Test func firstLineNumbersAShard() throws {
        let r = try CLIRunner.run(["batch", "--emit", "envelope", "--first-line", "101"], stdin: Data(Self.input(count: 3).utf8))
        let numbers = r.stdoutText.split(separator: "\n").compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["line"] as? Int }
        #expect(numbers == [101, 102, 103])
    }

    @Test func emptyStdinGivesNothing() throws {
        let r = try CLIRunner.run(["batch", "--emit", "envelope"], stdin: Data())
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
    }

    @Test func strictFailsOnBadRecordsOnly() throws {
        let stdin = Data(Self.input(count: 8).utf8)
        #expect(try CLIRunner.run(["batch"], stdin: stdin).status == 0)
        #expect(try CLIRunner.run(["batch", "--strict"], stdin: stdin).status == 65)
        let good = Data(Self.input(count: 2).utf8)
        #expect(try CLIRunner.run(["batch", "--strict"], stdin: good).status == 0)
    }

    @Test func fhirIsTheDefaultFormat() throws {
        let r = try CLIRunner.run(["batch"], stdin: Data(Self.input(count: 4).utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let types = r.stdoutText.split(separator: "\n").compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["resourceType"] as? String }
        #expect(types.contains("Condition"))
        #expect(types.contains("MedicationStatement"))
        #expect(types.contains("OperationOutcome"))
        #expect(!types.contains("DocumentReference"))
    }

    @Test func unreadableInputIsFatal() throws {
        let r = try CLIRunner.run(["batch", "/nonexistent/in.ndjson"])
        #expect(r.status == 66)
        #expect(r.stderr.contains("/nonexistent/in.ndjson"))
    }

    @Test func gzipFilesAndDirectoriesMatchStdin() throws {
        let dir = try Self.tempDir()
        let text = Self.input(count: 30)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = lines[..<20].joined(separator: "\n") + "\n"
        let second = lines[20...].joined(separator: "\n")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let a = dir.appendingPathComponent("a.ndjson"), b = dir.appendingPathComponent("sub/b.ndjson")
        try Data(first.utf8).write(to: a)
        try Data(second.utf8).write(to: b)
        try Self.gzip(b)
        try FileManager.default.removeItem(at: b)
        try Data("ignored".utf8).write(to: dir.appendingPathComponent("notes.txt"))
        let fromStdin = try CLIRunner.run(["batch"], stdin: Data(text.utf8))
        let fromDir = try CLIRunner.run(["batch", dir.path])
        #expect(fromDir.status == 0, "\(fromDir.stderr)")
        // Only OperationOutcomes name their source file; compare the results of good documents.
        let okLines = { (d: Data) in String(decoding: d, as: UTF8.self).split(separator: "\n").filter { !$0.contains("OperationOutcome") } }
        #expect(okLines(fromDir.stdout) == okLines(fromStdin.stdout))
        #expect(fromDir.stderr.contains("read 30 = "))
    }

    @Test func resumeFinishesAnInterruptedRunExactly() throws {
        let dir = try Self.tempDir()
        let input = dir.appendingPathComponent("in.ndjson")
        let text = Self.input(count: 60)
        try Data(text.utf8).write(to: input)
        let full = dir.appendingPathComponent("full"), resumed = dir.appendingPathComponent("resumed")
        #expect(try CLIRunner.run(["batch", "--write-back", "--out", full.path, input.path]).status == 0)

        // An "interrupted" run: only the first 25 lines had arrived, then a record was
        // half-written after the last checkpoint.
        try Data((text.split(separator: "\n", omittingEmptySubsequences: false)[..<25].joined(separator: "\n") + "\n").utf8).write(to: input)
        #expect(try CLIRunner.run(["batch", "--write-back", "--out", resumed.path, input.path]).status == 0)
        try Data(text.utf8).write(to: input)
        let cm = resumed.appendingPathComponent("Condition.ndjson")
        let h = try FileHandle(forWritingTo: cm)
        h.seekToEndOfFile()
        h.write(Data("{\"id\":\"d99\",\"resu".utf8))
        try h.close()

        // Without --resume the directory is refused; with it the run completes.
        #expect(try CLIRunner.run(["batch", "--out", resumed.path, input.path]).status == 64)
        let r = try CLIRunner.run(["batch", "--write-back", "--resume", "--out", resumed.path, input.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("skipped"))
        let names = try FileManager.default.contentsOfDirectory(atPath: full.path).filter { $0.hasSuffix(".ndjson") && !$0.hasPrefix(".") }
        #expect(names.contains("Condition.ndjson"))
        #expect(names.contains("DocumentReference.ndjson"))
        #expect(Set(names) == Set(try FileManager.default.contentsOfDirectory(atPath: resumed.path).filter { $0.hasSuffix(".ndjson") && !$0.hasPrefix(".") }))
        for name in names {
            let lines = { (u: URL) in Set(String(decoding: (try? Data(contentsOf: u.appendingPathComponent(name))) ?? Data(), as: UTF8.self).split(separator: "\n")) }
            let a = lines(full), b = lines(resumed)
            #expect(!a.isEmpty)
            #expect(a.symmetricDifference(b).count == 0, "\(name): \(a.subtracting(b).count) missing, \(b.subtracting(a).count) extra")
            let count = String(decoding: try Data(contentsOf: resumed.appendingPathComponent(name)), as: UTF8.self).split(separator: "\n").count
            #expect(count == a.count, "\(name): no record written twice")
        }
    }

    @Test func latin1AndBOMNotesAreAnnotated() throws {
        let latin1 = Data([0x46, 0x65, 0x76, 0x65, 0x72, 0x20, 0x61, 0x74, 0x20, 0x63, 0x61, 0x66, 0xE9, 0x2E]).base64EncodedString()  // "Fever at café."
        let bom = Data([0xEF, 0xBB, 0xBF] + Array("Fever.".utf8)).base64EncodedString()
        let stdin = """
            {"resourceType":"DocumentReference","id":"l1","content":[{"attachment":{"contentType":"text/plain; charset=ISO-8859-1","data":"\(latin1)"}}]}
            {"resourceType":"DocumentReference","id":"b1","content":[{"attachment":{"contentType":"text/plain; charset=utf-8","data":"\(bom)"}}]}

            """
        let r = try CLIRunner.run(["batch", "--format", "cm", "--emit", "envelope"], stdin: Data(stdin.utf8))
        let lines = r.stdoutText.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(lines.map { $0["status"] as? String } == ["ok", "ok"])
        let fever = lines.map { (($0["result"] as? [String: Any])?["Entities"] as? [[String: Any]])?.first { $0["Text"] as? String == "Fever" }?["BeginOffset"] as? Int }
        #expect(fever == [0, 0])
    }
}
