public import FHIRMapper
public import Foundation
public import MedTextCore

/// The part of the combined note text that came from one `content[]` attachment.
public struct AttachmentSegment: Sendable, Hashable {
    /// Index of the `content` entry in the DocumentReference.
    public var contentIndex: Int
    /// Where the attachment's text lies in ``DocumentReferenceNote/document``'s text (UTF-8 bytes).
    public var span: TextSpan
    /// The attachment's media type, lowercased, without parameters (`text/plain`, `text/markdown`).
    public var mediaType: String

    public init(contentIndex: Int, span: TextSpan, mediaType: String) {
        self.contentIndex = contentIndex
        self.span = span
        self.mediaType = mediaType
    }
}

/// A FHIR R4 DocumentReference decoded for annotation: identity, security labels, context,
/// and the note text from its inline attachments.
///
/// Several `content` entries: in FHIR each entry is usually another rendition of the same
/// document (a PDF and a plain-text copy). medtext takes every entry it can read (inline
/// `data`, `text/plain` or `text/markdown`), drops entries whose text is identical to one
/// already taken (the same note twice), and joins the rest in `content` order, separated by a
/// blank line (`"\n\n"`). ``segments`` records which byte range came from which entry, so that
/// an entity's offset maps back to its attachment. Entries medtext cannot read are skipped
/// with a warning diagnostic when at least one entry was read; otherwise the first entry's
/// failure is the document's failure.
public struct DocumentReferenceNote: Sendable {
    public var id: String?
    public var versionID: String?
    public var security: [FHIRCoding]
    public var tags: [FHIRCoding]
    /// `subject.reference`, e.g. `Patient/123`.
    public var subject: String?
    /// `context.encounter[0].reference`, e.g. `Encounter/9`.
    public var encounter: String?
    /// `date` (when the reference was created), as written.
    public var date: String?
    /// The note: `id` is the DocumentReference id (empty when it has none), `text` the
    /// decoded attachments.
    public var document: Document
    public var segments: [AttachmentSegment]
    /// Warnings about skipped attachments (index and reason, never text).
    public var diagnostics: [Diagnostic]

    /// `DocumentReference/<id>` plus `/_history/<versionID>` when the version is known.
    public var reference: String {
        var r = "DocumentReference/" + (id ?? "")
        if let versionID { r += "/_history/" + versionID }
        return r
    }

    /// The segment that contains byte `offset` of the combined text.
    public func segment(containing offset: Int) -> AttachmentSegment? {
        segments.first { $0.span.start <= offset && offset < $0.span.end }
    }
}

/// Why a line of batch input could not be annotated. Each reason has a stable code, a FHIR
/// `issue.code`, and a name used in summaries.
public struct DocumentReferenceFailure: Error, Sendable, Hashable {
    public enum Reason: String, Sendable, CaseIterable, Comparable {
        case invalidJSON = "invalid-json"
        case wrongResourceType = "wrong-resource-type"
        case invalidResource = "invalid-resource"
        case noAttachment = "no-attachment"
        case attachmentURLOnly = "attachment-url-only"
        case badBase64 = "bad-base64"
        case unsupportedContentType = "unsupported-content-type"
        case undecodableText = "undecodable-text"
        case emptyText = "empty-text"
        case tooLarge = "too-large"

        public static func < (a: Reason, b: Reason) -> Bool { a.code < b.code }

        /// Stable code users can search for.
        public var code: String {
            switch self {
            case .invalidJSON: "MT-BATCH-001"
            case .wrongResourceType: "MT-BATCH-002"
            case .noAttachment: "MT-BATCH-003"
            case .attachmentURLOnly: "MT-BATCH-004"
            case .badBase64: "MT-BATCH-005"
            case .unsupportedContentType: "MT-BATCH-006"
            case .emptyText: "MT-BATCH-007"
            case .tooLarge: "MT-BATCH-008"
            case .undecodableText: "MT-BATCH-009"
            case .invalidResource: "MT-BATCH-010"
            }
        }

        /// The FHIR `OperationOutcome.issue.code` (value set issue-type).
        public var issueType: String {
            switch self {
            case .invalidJSON, .invalidResource: "structure"
            case .wrongResourceType, .badBase64, .undecodableText: "invalid"
            case .noAttachment, .emptyText: "required"
            case .attachmentURLOnly, .unsupportedContentType: "not-supported"
            case .tooLarge: "too-long"
            }
        }
    }

    public var reason: Reason
    /// The document id when it could be read.
    public var id: String?
    /// What is wrong and what to do; never note text.
    public var detail: String
    /// FHIRPath of the offending element, e.g. `DocumentReference.content[0].attachment.data`.
    public var expression: String?

    public init(_ reason: Reason, id: String? = nil, detail: String, expression: String? = nil) {
        self.reason = reason
        self.id = id
        self.detail = detail
        self.expression = expression
    }
}

/// Decodes DocumentReference JSON lines. Pure and `Sendable`: one decoder serves every worker.
public struct DocumentReferenceDecoder: Sendable {
    /// Default maximum size of a note's decoded text: 4 MiB (a long discharge summary is
    /// under 100 KB; anything far larger is almost always a mis-filed binary).
    public static let defaultMaxNoteBytes = 4 << 20

    /// Notes whose decoded text (all attachments together) exceeds this many bytes fail with
    /// ``DocumentReferenceFailure/Reason/tooLarge``.
    public var maxNoteBytes: Int

    public init(maxNoteBytes: Int = DocumentReferenceDecoder.defaultMaxNoteBytes) {
        self.maxNoteBytes = maxNoteBytes
    }

    /// Decodes one NDJSON line.
    public func decode(_ line: [UInt8]) -> Result<DocumentReferenceNote, DocumentReferenceFailure> {
        guard let object = Self.jsonObject(line) else {
            return .failure(.init(.invalidJSON, id: JSONScan.leadingString(line, key: "id"), detail: "the line is not a JSON object"))
        }
        return decode(json: object)
    }

    /// Parses a JSON object (``JSONReader``: accepts and rejects what `JSONSerialization` does),
    /// or nil when the line is not valid JSON or not an object.
    static func jsonObject(_ line: [UInt8]) -> JSONValue? {
        guard let v = JSONReader.parse(line), v.isObject else { return nil }
        return v
    }

    /// Decodes an object parsed by `JSONSerialization` (converted to a ``JSONValue``).
    public func decode(object: [String: Any]) -> Result<DocumentReferenceNote, DocumentReferenceFailure> {
        decode(json: Self.jsonValue(object))
    }

    /// A `JSONSerialization` value as a ``JSONValue`` (numbers and booleans keep only their kind,
    /// which is all decoding looks at).
    static func jsonValue(_ v: Any) -> JSONValue {
        switch v {
        case let s as String: return .string(s)
        case let d as [String: Any]: return .object(d.map { (key: $0.key, value: jsonValue($0.value)) })
        case let a as [Any]: return .array(a.map(jsonValue))
        case is NSNull: return .null
        default: return .number("0")
        }
    }

    /// Decodes a parsed JSON object.
    public func decode(json object: JSONValue) -> Result<DocumentReferenceNote, DocumentReferenceFailure> {
        let id = object["id"]?.stringValue
        guard let type = object["resourceType"]?.stringValue else {
            return .failure(.init(.wrongResourceType, id: id, detail: "no resourceType; expected DocumentReference", expression: "resourceType"))
        }
        guard type == "DocumentReference" else {
            return .failure(.init(.wrongResourceType, id: id, detail: "resourceType is \(Self.safeToken(type)); expected DocumentReference", expression: "resourceType"))
        }
        if object["id"] != nil && id == nil {
            return .failure(.init(.invalidResource, detail: "id is not a string", expression: "DocumentReference.id"))
        }
        var note = DocumentReferenceNote(
            id: id, versionID: nil, security: [], tags: [], subject: nil, encounter: nil, date: nil,
            document: Document(id: id ?? "", text: ""), segments: [], diagnostics: [])
        if let meta = object["meta"] {
            guard meta.isObject else {
                return .failure(.init(.invalidResource, id: id, detail: "meta is not an object", expression: "DocumentReference.meta"))
            }
            note.versionID = meta["versionId"]?.stringValue
            switch (Self.codings(meta["security"]), Self.codings(meta["tag"])) {
            case (.some(let s), .some(let t)):
                note.security = s
                note.tags = t
            case (nil, _):
                return .failure(.init(.invalidResource, id: id, detail: "meta.security is not a list of Codings", expression: "DocumentReference.meta.security"))
            case (_, nil):
                return .failure(.init(.invalidResource, id: id, detail: "meta.tag is not a list of Codings", expression: "DocumentReference.meta.tag"))
            }
        }
        note.subject = object["subject"]?["reference"]?.stringValue
        if let enc = object["context"]?["encounter"]?.arrayValue {
            note.encounter = enc.first?["reference"]?.stringValue
        }
        note.date = object["date"]?.stringValue

        guard let content = object["content"]?.arrayValue, !content.isEmpty else {
            return .failure(.init(.noAttachment, id: id, detail: "no content[].attachment; nothing to annotate", expression: "DocumentReference.content"))
        }
        var texts: [(index: Int, mediaType: String, text: String)] = []
        var firstFailure: DocumentReferenceFailure? = nil
        var skipped: [Diagnostic] = []
        var total = 0
        for (i, entry) in content.enumerated() {
            switch attachmentText(entry, index: i, id: id, budget: maxNoteBytes - total) {
            case .success(let (mediaType, text)):
                if texts.contains(where: { $0.text == text }) { continue }
                texts.append((i, mediaType, text))
                total += text.utf8.count + 2
            case .failure(let f):
                if f.reason == .tooLarge { return .failure(f) }
                if firstFailure == nil { firstFailure = f }
                skipped.append(Diagnostic(severity: .warning, code: f.reason.code, message: "content[\(i)] skipped: \(f.detail)"))
            }
        }
        guard !texts.isEmpty else { return .failure(firstFailure!) }
        var combined = ""
        combined.reserveCapacity(total)
        for t in texts {
            if !combined.isEmpty { combined += "\n\n" }
            let start = combined.utf8.count
            combined += t.text
            note.segments.append(AttachmentSegment(contentIndex: t.index, span: TextSpan(start, combined.utf8.count), mediaType: t.mediaType))
        }
        if combined.utf8.count > maxNoteBytes {
            return .failure(.init(.tooLarge, id: id, detail: "the note text is \(combined.utf8.count) bytes, over the \(maxNoteBytes)-byte limit (raise it with --max-note-bytes)", expression: "DocumentReference.content"))
        }
        note.document = Document(id: id ?? "", text: combined)
        note.diagnostics = skipped
        return .success(note)
    }

    /// The text of `content[index].attachment`.
    func attachmentText(_ entry: JSONValue, index i: Int, id: String?, budget: Int) -> Result<(String, String), DocumentReferenceFailure> {
        let path = "DocumentReference.content[\(i)].attachment"
        guard let attachment = entry["attachment"], attachment.isObject else {
            return .failure(.init(.noAttachment, id: id, detail: "content[\(i)] has no attachment", expression: "DocumentReference.content[\(i)]"))
        }
        guard let dataValue = attachment["data"] else {
            if attachment["url"] != nil {
                return .failure(.init(.attachmentURLOnly, id: id, detail: "content[\(i)].attachment has a url but no inline data; fetch the Binary and inline it as data", expression: path + ".url"))
            }
            return .failure(.init(.noAttachment, id: id, detail: "content[\(i)].attachment has no data", expression: path))
        }
        guard let data = dataValue.stringValue else {
            return .failure(.init(.badBase64, id: id, detail: "content[\(i)].attachment.data is not a string", expression: path + ".data"))
        }
        guard let contentType = attachment["contentType"]?.stringValue else {
            return .failure(.init(.unsupportedContentType, id: id, detail: "content[\(i)].attachment has no contentType; expected text/plain or text/markdown", expression: path + ".contentType"))
        }
        let parsed = ContentType(contentType)
        guard parsed.mediaType == "text/plain" || parsed.mediaType == "text/markdown" else {
            return .failure(.init(.unsupportedContentType, id: id, detail: "content[\(i)] is \(Self.safeToken(parsed.mediaType)); medtext reads text/plain and text/markdown", expression: path + ".contentType"))
        }
        guard let charset = parsed.textCharset else {
            return .failure(.init(.unsupportedContentType, id: id, detail: "content[\(i)] declares charset \(Self.safeToken(parsed.charset ?? "")); medtext reads UTF-8, ISO-8859-1 and US-ASCII", expression: path + ".contentType"))
        }
        // Refuse before decoding: base64 is 4/3 the size of its data.
        if data.utf8.count / 4 * 3 > budget + 3 {
            return .failure(.init(.tooLarge, id: id, detail: "content[\(i)] holds about \(data.utf8.count / 4 * 3) bytes, over the \(maxNoteBytes)-byte limit (raise it with --max-note-bytes)", expression: path + ".data"))
        }
        let bytes: [UInt8]
        switch Base64.decode(data) {
        case .success(let b): bytes = b
        case .failure(let e):
            return .failure(.init(.badBase64, id: id, detail: "content[\(i)].attachment.data is not valid base64 (at character \(e.offset))", expression: path + ".data"))
        }
        guard let text = charset.decode(bytes) else {
            return .failure(.init(.undecodableText, id: id, detail: "content[\(i)] is not valid \(charset.name); declare its charset in contentType", expression: path + ".data"))
        }
        if text.utf8.count > budget {
            return .failure(.init(.tooLarge, id: id, detail: "content[\(i)] is \(text.utf8.count) bytes, over the \(maxNoteBytes)-byte limit (raise it with --max-note-bytes)", expression: path + ".data"))
        }
        if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .failure(.init(.emptyText, id: id, detail: "content[\(i)] decodes to empty text", expression: path + ".data"))
        }
        return .success((parsed.mediaType, text))
    }

    /// A token from the input that is safe to echo in a message: short, printable ASCII only.
    /// (resourceType and media types are not note text, but input is untrusted.)
    static func safeToken(_ s: String) -> String {
        let cleaned = String(s.unicodeScalars.prefix(40).map { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F ? Character($0) : "?" })
        return "\"" + cleaned + "\""
    }

    static func codings(_ v: JSONValue?) -> [FHIRCoding]? {
        guard let v else { return [] }
        guard let list = v.arrayValue else { return nil }
        var out: [FHIRCoding] = []
        for o in list {
            guard o.isObject else { return nil }
            out.append(FHIRCoding(system: o["system"]?.stringValue, code: o["code"]?.stringValue, display: o["display"]?.stringValue, version: o["version"]?.stringValue))
        }
        return out
    }
}

/// A parsed `contentType`: media type and charset parameter.
struct ContentType {
    var mediaType: String
    var charset: String?

    init(_ s: String) {
        (mediaType, charset) = s.utf8.allSatisfy({ $0 < 0x80 }) ? Self.parseASCII(s) : Self.parseUnicode(s)
    }

    static func parseASCII(_ s: String) -> (String, String?) {
        // ASCII (every real content type): the same trimming (space, tab) and lowercasing
        // without Foundation's bridging, by indices over the bytes.
        var s = s
        return s.withUTF8 { b -> (String, String?) in
            func trimmed(_ r: Range<Int>) -> Range<Int> {
                var lo = r.lowerBound, hi = r.upperBound
                while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
                while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 }
                return lo..<hi
            }
            func lower(_ r: Range<Int>) -> String {
                String(unsafeUninitializedCapacity: r.count) { out in
                    for (k, i) in r.enumerated() { out[k] = b[i] >= 0x41 && b[i] <= 0x5A ? b[i] | 0x20 : b[i] }
                    return r.count
                }
            }
            // Parts between semicolons (empty ones kept, as split(omittingEmptySubsequences: false)).
            var parts: [Range<Int>] = []
            var start = 0
            for i in 0..<b.count where b[i] == UInt8(ascii: ";") {
                parts.append(start..<i)
                start = i + 1
            }
            parts.append(start..<b.count)
            let mediaType = lower(trimmed(parts[0]))
            var charset: String? = nil
            for p in parts.dropFirst() {
                // split(separator: "=", maxSplits: 1) omitting empty pieces: two non-empty pieces
                // around the first "=" that has something after it.
                var lo = p.lowerBound
                while lo < p.upperBound, b[lo] == UInt8(ascii: "=") { lo += 1 }
                guard let eq = (lo..<p.upperBound).first(where: { b[$0] == UInt8(ascii: "=") }), eq + 1 < p.upperBound else { continue }
                guard lower(trimmed(lo..<eq)) == "charset" else { continue }
                var value = trimmed((eq + 1)..<p.upperBound)
                if value.count >= 2, b[value.lowerBound] == UInt8(ascii: "\""), b[value.upperBound - 1] == UInt8(ascii: "\"") {
                    value = (value.lowerBound + 1)..<(value.upperBound - 1)
                }
                charset = lower(value)
            }
            return (mediaType, charset)
        }
    }

    /// The general path (non-ASCII input): Foundation's whitespace set and Unicode lowercasing.
    static func parseUnicode(_ s: String) -> (String, String?) {
        let parts = s.split(separator: ";", omittingEmptySubsequences: false)
        let mediaType = parts.first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        var charset: String? = nil
        for p in parts.dropFirst() {
            let kv = p.split(separator: "=", maxSplits: 1)
            guard kv.count == 2, kv[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            var value = kv[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            charset = value.lowercased()
        }
        return (mediaType, charset)
    }

    /// The charset to decode with (UTF-8 when none is declared), or nil when unsupported.
    var textCharset: TextCharset? {
        guard let charset else { return .utf8 }
        switch charset {
        case "utf-8", "utf8": return .utf8
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "iso-ir-100", "cp819", "ibm819", "iso_8859-1:1987":
            return .latin1
        case "us-ascii", "ascii", "iso646-us", "ansi_x3.4-1968", "us": return .ascii
        default: return nil
        }
    }
}

/// The charsets medtext decodes attachments from.
enum TextCharset {
    case utf8, latin1, ascii

    var name: String {
        switch self {
        case .utf8: "UTF-8"
        case .latin1: "ISO-8859-1"
        case .ascii: "US-ASCII"
        }
    }

    /// The text, or nil when the bytes are not valid in this charset. A UTF-8 byte-order mark
    /// is removed (with or without a BOM, offsets refer to the text after it).
    func decode(_ bytes: [UInt8]) -> String? {
        switch self {
        case .utf8:
            guard let s = String(validating: bytes, as: UTF8.self) else { return nil }
            return UTF8Input.stripBOM(s)
        case .ascii:
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        case .latin1:
            // Every byte is the code point of the same value.
            var out = String()
            out.reserveCapacity(bytes.count + bytes.count / 8)
            out.unicodeScalars.append(contentsOf: bytes.lazy.map { Unicode.Scalar($0) })
            return out
        }
    }
}

/// Strict base64 (RFC 4648 standard alphabet); ASCII whitespace is ignored, as in FHIR's
/// base64Binary. Padding is optional at the very end.
enum Base64 {
    static let table: [UInt8] = {
        var t = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() { t[Int(c)] = UInt8(i) }
        for c in [0x20, 0x09, 0x0A, 0x0D] as [UInt8] { t[Int(c)] = 0xFE }
        return t
    }()

    struct InvalidCharacter: Error { var offset: Int }

    /// The decoded bytes, or the character offset of the first invalid character.
    static func decode(_ s: String) -> Result<[UInt8], Base64.InvalidCharacter> {
        var s = s
        return s.withUTF8 { src -> Result<[UInt8], Base64.InvalidCharacter> in
            var out = [UInt8]()
            out.reserveCapacity(src.count / 4 * 3 + 3)
            var acc: UInt32 = 0
            var n = 0
            var padding = 0
            for (i, c) in src.enumerated() {
                let v = table[Int(c)]
                if v == 0xFE { continue }
                if c == UInt8(ascii: "=") {
                    padding += 1
                    if padding > 2 || n < 2 { return .failure(InvalidCharacter(offset: i)) }
                    continue
                }
                if v == 0xFF || padding > 0 { return .failure(InvalidCharacter(offset: i)) }
                acc = (acc << 6) | UInt32(v)
                n += 1
                if n == 4 {
                    out.append(UInt8(truncatingIfNeeded: acc >> 16))
                    out.append(UInt8(truncatingIfNeeded: acc >> 8))
                    out.append(UInt8(truncatingIfNeeded: acc))
                    acc = 0
                    n = 0
                }
            }
            switch n {
            case 0: if padding != 0 { return .failure(InvalidCharacter(offset: src.count)) }
            case 1: return .failure(InvalidCharacter(offset: src.count))
            case 2:
                if padding != 0 && padding != 2 { return .failure(InvalidCharacter(offset: src.count)) }
                out.append(UInt8(truncatingIfNeeded: acc >> 4))
            default:
                if padding > 1 { return .failure(InvalidCharacter(offset: src.count)) }
                out.append(UInt8(truncatingIfNeeded: acc >> 10))
                out.append(UInt8(truncatingIfNeeded: acc >> 2))
            }
            return .success(out)
        }
    }
}
