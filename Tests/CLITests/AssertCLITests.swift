import Foundation
import Testing

@Suite struct AssertCLITests {
    static func entities(_ data: Data) throws -> [[String: Any]] {
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(json["Entities"] as? [[String: Any]])
    }

    static func traitNames(_ e: [String: Any]) -> [String] {
        (e["Traits"] as? [[String: Any]] ?? []).compactMap { $0["Name"] as? String }
    }

    @Test func assertPrintsEntitiesInTargetOrderWithAnErrorRecord() throws {
        // "Grand-mère" makes code points differ from UTF-8 bytes; offsets below are code points.
        let text = "Grand-mère: no zorbic rash. Mother had glorp disease."
        let input = #"{"Text": "\#(text)", "Targets": [{"BeginOffset": 39, "EndOffset": 52}, {"BeginOffset": 15, "EndOffset": 26}, {"BeginOffset": 40, "EndOffset": 400}]}"#
        let r = try CLIRunner.run(["assert"], stdin: Data(input.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let entities = try Self.entities(r.stdout)
        #expect(entities.count == 3)
        #expect(entities.map { $0["Id"] as? Int } == [0, 1, 2])
        #expect(entities[0]["Text"] as? String == "glorp disease")
        #expect(Self.traitNames(entities[0]).contains("PERTAINS_TO_FAMILY"))
        #expect(entities[0]["Category"] as? String == "MEDICAL_CONDITION")
        #expect(entities[0]["Type"] as? String == "DX_NAME")
        #expect(entities[1]["Text"] as? String == "zorbic rash")
        #expect(entities[1]["BeginOffset"] as? Int == 15)
        #expect(Self.traitNames(entities[1]).contains("NEGATION"))
        let error = try #require(entities[2]["Error"] as? [String: Any])
        #expect(error["Code"] as? String == "MT-ASSERT-001")
        #expect(!(error["Message"] as? String ?? "").contains("glorp"))
        #expect(entities[2]["Text"] == nil)
    }

    @Test func assertNDJSONAndBadRequests() throws {
        let input = #"{"id":"a","Text":"Denies fever.","Targets":[{"BeginOffset":7,"EndOffset":12}]}"# + "\n"
            + #"{"id":"b","Text":"No targets key."}"# + "\n"
        let r = try CLIRunner.run(["assert", "--ndjson"], stdin: Data(input.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdoutText.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(lines.map { $0["id"] as? String } == ["a", "b"])
        let result = try #require(lines[0]["result"] as? [String: Any])
        let first = try #require((result["Entities"] as? [[String: Any]])?.first)
        #expect(Self.traitNames(first).contains("NEGATION"))
        #expect((lines[1]["error"] as? [String: Any])?["code"] as? String == "MT-ASSERT-012")

        let bad = try CLIRunner.run(["assert"], stdin: Data("not json".utf8))
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("MT-ASSERT-010"))
    }
}
