public import MedTextCore

/// A FHIR Coding (system, code, display) as copied from the source's `meta.security` / `meta.tag`.
public struct FHIRCoding: Sendable, Hashable {
    public var system: String?
    public var code: String?
    public var display: String?
    public var version: String?

    public init(system: String?, code: String?, display: String? = nil, version: String? = nil) {
        self.system = system
        self.code = code
        self.display = display
        self.version = version
    }

    var value: FHIRValue {
        obj(["system": str(system), "version": str(version), "code": str(code), "display": str(display)])
    }
}

/// A reference to the source DocumentReference: `DocumentReference/abc` or
/// `DocumentReference/abc/_history/2`.
public struct DocumentReferenceID: Sendable, Hashable {
    public var id: String
    public var version: String?

    public init(id: String, version: String? = nil) {
        self.id = id
        self.version = version
    }

    /// Parses `DocumentReference/abc[/_history/2]` (or a bare `abc`); nil when malformed.
    public init?(reference: String) {
        var parts = reference.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.first == "DocumentReference" { parts.removeFirst() }
        guard let id = parts.first, FHIRFormat.isID(id) else { return nil }
        if parts.count == 1 {
            self.init(id: id)
        } else if parts.count == 3, parts[1] == "_history", FHIRFormat.isID(parts[2]) {
            self.init(id: id, version: parts[2])
        } else {
            return nil
        }
    }

    /// `DocumentReference/abc/_history/2`, or `DocumentReference/abc` without a version.
    public var reference: String {
        "DocumentReference/\(id)" + (version.map { "/_history/\($0)" } ?? "")
    }
}

/// Which otherwise-excluded mentions to keep (flagged with a `meta.tag`).
public struct FHIRInclude: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Conditional and possible mentions (return precautions, PRN reasons as Conditions...).
    public static let hypothetical = FHIRInclude(rawValue: 1)
    /// Planned tests, procedures and new medications.
    public static let future = FHIRInclude(rawValue: 2)
}

/// A terminology and its version, for Provenance and `Coding.version`.
public struct FHIRTerminologyVersion: Sendable, Hashable {
    public var system: String
    public var name: String
    public var version: String?

    public init(system: String, name: String, version: String?) {
        self.system = system
        self.name = name
        self.version = version
    }
}

/// One attachment of a DocumentReference whose text is part of the annotated note (batch
/// processing joins several `content[]` attachments into one text).
public struct FHIRAttachmentSegment: Sendable, Hashable {
    /// FHIRPath of the attachment, e.g. `DocumentReference.content[1].attachment`.
    public var path: String
    /// Where its text lies in the annotated note (UTF-8 bytes).
    public var span: TextSpan

    public init(path: String, span: TextSpan) {
        self.path = path
        self.span = span
    }
}

/// Everything about the source a mapping needs besides the annotated note.
public struct FHIRContext: Sendable {
    /// `Patient/123` (or `Group/...`). When nil, required subject elements carry a
    /// `data-absent-reason` extension (`unknown`) instead of an invented Patient.
    public var subject: String?
    /// `Encounter/9`, optional.
    public var encounter: String?
    /// The source DocumentReference (id and version).
    public var document: DocumentReferenceID
    public var security: [FHIRCoding]
    public var tags: [FHIRCoding]
    /// FHIR dateTime of `recordedDate` / `dateAsserted` / `Provenance.recorded` (an instant is
    /// required there: give seconds and a time zone). Nil leaves the optional dates out and
    /// Provenance out (its `recorded` is required).
    public var recorded: String?
    public var medtextVersion: String
    public var terminologyVersions: [FHIRTerminologyVersion]
    public var include: FHIRInclude
    /// When the note joins several attachments: derivation-reference offsets are then relative to
    /// the attachment containing the mention, named by a `path` sub-extension. Empty: offsets
    /// are relative to the whole note text.
    public var attachments: [FHIRAttachmentSegment] = []

    public init(
        subject: String? = nil, encounter: String? = nil, document: DocumentReferenceID,
        security: [FHIRCoding] = [], tags: [FHIRCoding] = [], recorded: String? = nil,
        medtextVersion: String, terminologyVersions: [FHIRTerminologyVersion] = [], include: FHIRInclude = []
    ) {
        self.subject = subject
        self.encounter = encounter
        self.document = document
        self.security = security
        self.tags = tags
        self.recorded = recorded
        self.medtextVersion = medtextVersion
        self.terminologyVersions = terminologyVersions
        self.include = include
    }
}

/// FHIR R4 primitive formats (http://hl7.org/fhir/R4/datatypes.html), checked without regex.
public enum FHIRFormat {
    /// `[A-Za-z0-9\-\.]{1,64}`
    public static func isID(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= 64
            && s.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x2E }
    }

    /// A relative literal reference `Type/id` (optionally `/_history/vid`).
    public static func isRelativeReference(_ s: String) -> Bool {
        let p = s.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard p.count == 2 || (p.count == 4 && p[2] == "_history" && isID(p[3])) else { return false }
        guard let first = p[0].unicodeScalars.first, first.properties.isUppercase,
            p[0].unicodeScalars.allSatisfy({ $0.properties.isAlphabetic && $0.isASCII })
        else { return false }
        return isID(p[1])
    }

    /// A FHIR dateTime: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss(.s+)?(Z|±hh:mm).
    public static func isDateTime(_ s: String) -> Bool {
        let b = Array(s.utf8)
        func digits(_ r: Range<Int>) -> Bool { r.upperBound <= b.count && b[r].allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        guard digits(0..<4) else { return false }
        if b.count == 4 { return true }
        guard b.count >= 7, b[4] == 0x2D, digits(5..<7) else { return false }
        if b.count == 7 { return true }
        guard b.count >= 10, b[7] == 0x2D, digits(8..<10) else { return false }
        if b.count == 10 { return true }
        guard b.count >= 20, b[10] == UInt8(ascii: "T"), digits(11..<13), b[13] == 0x3A, digits(14..<16), b[16] == 0x3A, digits(17..<19) else { return false }
        var i = 19
        if b[i] == UInt8(ascii: ".") {
            i += 1
            let st = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            guard i > st else { return false }
        }
        if i == b.count - 1 { return b[i] == UInt8(ascii: "Z") }
        return b.count - i == 6 && (b[i] == 0x2B || b[i] == 0x2D) && digits(i + 1..<i + 3) && b[i + 3] == 0x3A && digits(i + 4..<i + 6)
    }
}
