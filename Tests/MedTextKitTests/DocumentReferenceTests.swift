import Foundation
import FHIRMapper
@testable import MedTextKit
import MedTextCore
import Testing

/// Builds DocumentReference JSON lines for tests.
enum DocRef {
    static func attachment(_ contentType: String?, data: [UInt8]? = nil, rawData: String? = nil, url: String? = nil) -> [String: Any] {
        var a: [String: Any] = [:]
        if let contentType { a["contentType"] = contentType }
        if let data { a["data"] = Data(data).base64EncodedString() }
        if let rawData { a["data"] = rawData }
        if let url { a["url"] = url }
        return ["attachment": a]
    }

    static func line(id: String? = "d1", type: String = "DocumentReference", content: [[String: Any]]?, extra: [String: Any] = [:]) -> [UInt8] {
        var o: [String: Any] = ["resourceType": type]
        if let id { o["id"] = id }
        if let content { o["content"] = content }
        for (k, v) in extra { o[k] = v }
        return Array(try! JSONSerialization.data(withJSONObject: o, options: [.sortedKeys]))
    }

    static func text(_ s: String, _ contentType: String = "text/plain") -> [UInt8] {
        line(content: [attachment(contentType, data: Array(s.utf8))])
    }
}

@Suite struct DocumentReferenceTests {
    let decoder = DocumentReferenceDecoder(maxNoteBytes: 1000)

    struct FailureRow: CustomTestStringConvertible, Sendable {
        var name: String
        var line: [UInt8]
        var reason: DocumentReferenceFailure.Reason
        var id: String?
        var testDescription: String { name }
    }

    static let failureRows: [FailureRow] = [
        FailureRow(name: "invalid JSON", line: Array("{\"resourceType\":\"DocumentReference\",\"id\":\"t1\",\"content\":[".utf8), reason: .invalidJSON, id: "t1"),
        FailureRow(name: "not an object", line: Array("[1,2]".utf8), reason: .invalidJSON, id: nil),
        FailureRow(name: "wrong resourceType", line: DocRef.line(id: "p1", type: "Patient", content: nil), reason: .wrongResourceType, id: "p1"),
        FailureRow(name: "no content", line: DocRef.line(content: nil), reason: .noAttachment, id: "d1"),
        FailureRow(name: "empty content", line: DocRef.line(content: []), reason: .noAttachment, id: "d1"),
        FailureRow(name: "url only", line: DocRef.line(content: [DocRef.attachment("text/plain", url: "Binary/1")]), reason: .attachmentURLOnly, id: "d1"),
        FailureRow(name: "bad base64", line: DocRef.line(content: [DocRef.attachment("text/plain", rawData: "ab*c")]), reason: .badBase64, id: "d1"),
        FailureRow(name: "bad base64 padding", line: DocRef.line(content: [DocRef.attachment("text/plain", rawData: "a===")]), reason: .badBase64, id: "d1"),
        FailureRow(name: "pdf", line: DocRef.line(content: [DocRef.attachment("application/pdf", data: [0x25, 0x50])]), reason: .unsupportedContentType, id: "d1"),
        FailureRow(name: "no contentType", line: DocRef.line(content: [DocRef.attachment(nil, data: [0x41])]), reason: .unsupportedContentType, id: "d1"),
        FailureRow(name: "unknown charset", line: DocRef.line(content: [DocRef.attachment("text/plain; charset=ebcdic", data: [0x41])]), reason: .unsupportedContentType, id: "d1"),
        FailureRow(name: "empty text", line: DocRef.text(" \n\t"), reason: .emptyText, id: "d1"),
        FailureRow(name: "invalid UTF-8", line: DocRef.line(content: [DocRef.attachment("text/plain", data: [0x66, 0xFF, 0x66])]), reason: .undecodableText, id: "d1"),
        FailureRow(name: "non-ASCII in us-ascii", line: DocRef.line(content: [DocRef.attachment("text/plain; charset=us-ascii", data: [0x66, 0xE9])]), reason: .undecodableText, id: "d1"),
        FailureRow(name: "too large", line: DocRef.text(String(repeating: "fever ", count: 200)), reason: .tooLarge, id: "d1"),
        FailureRow(name: "id not a string", line: Array("{\"resourceType\":\"DocumentReference\",\"id\":7,\"content\":[]}".utf8), reason: .invalidResource, id: nil),
    ]

    @Test(arguments: failureRows)
    func failureKinds(_ row: FailureRow) {
        guard case .failure(let f) = decoder.decode(row.line) else {
            Issue.record("expected \(row.reason)")
            return
        }
        #expect(f.reason == row.reason)
        #expect(f.id == row.id)
        #expect(!f.detail.contains("fever"))
    }

    @Test(arguments: [
        ("text/plain", [UInt8]("Fever and cough".utf8), "Fever and cough"),
        ("text/plain; charset=UTF-8", [0xEF, 0xBB, 0xBF] + [UInt8]("Fever é".utf8), "Fever é"),
        ("text/plain;charset=\"utf-8\"", [0xEF, 0xBB, 0xBF] + [UInt8]("x".utf8), "x"),
        ("text/plain; charset=ISO-8859-1", [0x63, 0x61, 0x66, 0xE9], "café"),
        ("text/plain; charset=latin1", [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72], "Müller"),
        ("TEXT/PLAIN; Charset=US-ASCII", [UInt8]("BP 120/80".utf8), "BP 120/80"),
        ("text/markdown", [UInt8]("## Plan\n- rest".utf8), "## Plan\n- rest"),
    ] as [(String, [UInt8], String)])
    func charsets(_ contentType: String, _ data: [UInt8], _ expected: String) throws {
        let note = try decoder.decode(DocRef.line(content: [DocRef.attachment(contentType, data: data)])).get()
        #expect(note.document.text == expected)
        #expect(note.segments.count == 1)
    }

    @Test func metaSubjectEncounterDate() throws {
        let line = DocRef.line(id: "n7", content: [DocRef.attachment("text/plain", data: Array("Asthma.".utf8))], extra: [
            "meta": ["versionId": "3", "security": [["system": "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "code": "R"]],
                     "tag": [["system": "https://example.org/tenant", "code": "t1"]]],
            "subject": ["reference": "Patient/p1"], "context": ["encounter": [["reference": "Encounter/e1"]]], "date": "2026-01-02T03:04:05Z",
        ])
        let note = try decoder.decode(line).get()
        #expect(note.id == "n7")
        #expect(note.versionID == "3")
        #expect(note.reference == "DocumentReference/n7/_history/3")
        #expect(note.security == [FHIRCoding(system: "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", code: "R")])
        #expect(note.tags.map(\.code) == ["t1"])
        #expect(note.subject == "Patient/p1")
        #expect(note.encounter == "Encounter/e1")
        #expect(note.date == "2026-01-02T03:04:05Z")
    }

    @Test func severalContentEntries() throws {
        let line = DocRef.line(content: [
            DocRef.attachment("application/pdf", url: "Binary/9"),
            DocRef.attachment("text/plain", data: Array("First part.".utf8)),
            DocRef.attachment("text/markdown", data: Array("First part.".utf8)),  // same rendition again
            DocRef.attachment("text/plain; charset=iso-8859-1", data: [0x41, 0xE9]),
        ])
        let note = try decoder.decode(line).get()
        #expect(note.document.text == "First part.\n\nAé")
        #expect(note.segments.map(\.contentIndex) == [1, 3])
        #expect(note.segments.map(\.span) == [TextSpan(0, 11), TextSpan(13, 16)])
        #expect(note.segment(containing: 14)?.contentIndex == 3)
        #expect(note.diagnostics.map(\.code) == ["MT-BATCH-004"])
    }

    @Test func base64WithWhitespaceAndPadding() {
        for s in ["Zg==", "Zm8=", "Zm9v", "Zm9v\nYmFy", " Zm 9v "] {
            #expect((try? Base64.decode(s).get()) == Data(base64Encoded: s.filter { !$0.isWhitespace })!.map { $0 })
        }
        for s in ["Z", "Zg=", "Zg==Zg==", "Zm9v=", "@@@@"] {
            #expect((try? Base64.decode(s).get()) == nil, "\(s)")
        }
    }

    @Test func writeBackAddsAndReplacesSummary() throws {
        let raw = Array("{\"resourceType\":\"DocumentReference\",\"id\":\"a\",\"status\":\"current\"}".utf8)
        let summary = Array("{\"url\":\"\(BatchProcessor.summaryExtensionURL)\",\"valueCode\":\"x\"}".utf8)
        let once = try #require(BatchProcessor.writeBack(raw, summary: summary))
        #expect(String(decoding: once, as: UTF8.self) == "{\"resourceType\":\"DocumentReference\",\"extension\":[\(String(decoding: summary, as: UTF8.self))],\"id\":\"a\",\"status\":\"current\"}")
        let twice = try #require(BatchProcessor.writeBack(once, summary: summary))
        #expect(twice == once)
        let other = Array("{\"resourceType\":\"DocumentReference\",\"extension\":[{\"url\":\"http://x\",\"valueString\":\"]\"}],\"id\":\"a\"}".utf8)
        let merged = try #require(BatchProcessor.writeBack(other, summary: summary))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(merged)) as? [String: Any])
        #expect((object["extension"] as? [Any])?.count == 2)
    }

    @Test(arguments: [1, 2, 8])
    func executorKeepsOrder(jobs: Int) async throws {
        var items = Array(0..<500).makeIterator()
        var seen: [Int] = []
        try await OrderedExecutor(jobs: jobs, window: 16).run(
            next: { items.next().map { ($0, 1) } },
            transform: { i in
                // Uneven work so that completions come back out of order.
                var x = 0
                for k in 0..<((i * 7919) % 5000) { x &+= k }
                return (i, x)
            },
            emit: { seen.append($0.0) })
        #expect(seen == Array(0..<500))
    }

    @Test func executorPropagatesReadErrors() async {
        struct Boom: Error {}
        var n = 0
        await #expect(throws: Boom.self) {
            try await OrderedExecutor(jobs: 2).run(
                next: { () throws -> (input: Int, cost: Int)? in
                    n += 1
                    if n == 10 { throw Boom() }
                    return (n, 1)
                },
                transform: { $0 },
                emit: { _ in })
        }
    }
}

/// The ASCII path of content-type parsing gives what the general (Foundation) path gives.
@Suite struct ContentTypeTests {
    @Test(arguments: [
        "text/plain", "TEXT/Plain; charset=UTF-8", " text/markdown ;charset = \"iso-8859-1\" ", "text/plain;charset=", "text/plain; =x",
        "text/plain; charset==x", "text/plain;\tcharset=\"\"", "text/plain; charset=\"", "text/plain;; charset=us-ascii; format=flowed",
        "\ttext/plain\t", "text/plain\r\n", "", ";", "text/plain; CHARSET=Latin1", "application/pdf",
        "text/plain; =charset=utf-8", "text/plain; ==", "text/plain;charset", "text/plain; charset = \"  \" ", "text/plain;charset=a=b",
        "text/plain; x=1; charset=utf-8; charset=latin1", " ; ; ",
    ])
    func asciiPathMatchesGeneralPath(_ s: String) {
        let fast = ContentType.parseASCII(s), general = ContentType.parseUnicode(s)
        #expect(fast.0 == general.0)
        #expect(fast.1 == general.1)
    }
}
