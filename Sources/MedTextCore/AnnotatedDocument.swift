/// A note after the pipeline: the document and every layer found in it.
/// Produced by a stage as a new value; no stage mutates a shared document.
public struct AnnotatedDocument: Sendable {
    public var document: Document
    public var tokens: [Token]
    public var sentences: [Sentence]
    public var sections: [Section]
    public var entities: [Entity]
    /// Attributes found in the note that no entity claimed (Comprehend Medical's `UnmappedAttributes`).
    public var unmappedAttributes: [Attribute]
    public var diagnostics: [Diagnostic]

    public init(
        document: Document, tokens: [Token] = [], sentences: [Sentence] = [], sections: [Section] = [],
        entities: [Entity] = [], unmappedAttributes: [Attribute] = [], diagnostics: [Diagnostic] = []
    ) {
        self.document = document
        self.tokens = tokens
        self.sentences = sentences
        self.sections = sections
        self.entities = entities
        self.unmappedAttributes = unmappedAttributes
        self.diagnostics = diagnostics
    }

    /// The section that contains `offset`, if any.
    /// - Complexity: O(log n) in the number of sections.
    public func section(containing offset: Int) -> Section? { Section.containing(offset, in: sections) }
}

extension Section {
    /// The section of `sections` (in text order, not overlapping) that contains `offset`, if any.
    /// - Complexity: O(log n) in the number of sections.
    public static func containing(_ offset: Int, in sections: [Section]) -> Section? {
        let lo = sections.firstIndex(endingAfter: offset)
        return lo < sections.count && sections[lo].span.contains(offset) ? sections[lo] : nil
    }
}

/// A warning or error about a document that did not stop processing
/// (e.g. invalid UTF-8 repaired). Carries a stable code and facts, never note text.
public struct Diagnostic: Hashable, Sendable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable { case warning, error }
    public var severity: Severity
    /// Stable, searchable code, e.g. `MT-INPUT-001`.
    public var code: String
    /// What happened and what to do, without note text.
    public var message: String
    /// Byte offset in the input the diagnostic is about, if any.
    public var offset: Int?

    public init(severity: Severity, code: String, message: String, offset: Int? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.offset = offset
    }
}

/// The errors medtext modules throw conform to this: a stable code users can search
/// for and a message that says what to do. Messages never contain note text or PHI.
public protocol MedTextError: Error, CustomStringConvertible, Sendable {
    /// Stable code, e.g. `MT-TERM-012`.
    var code: String { get }
    /// Human-readable explanation with the facts to act on (file, line, rule id...).
    var message: String { get }
}

extension MedTextError {
    public var description: String { "\(code): \(message)" }
}
