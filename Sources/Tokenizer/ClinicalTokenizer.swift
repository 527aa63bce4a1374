public import MedTextCore

/// Tokens, sentences and sections for clinical notes. Built once from ``TokenizerRules``;
/// immutable, `Sendable`, and safe to share across tasks. Never fails on any input.
public struct ClinicalTokenizer: Sendable {
    public let rules: TokenizerRules
    public let scanner: Scanner
    public let normalizer: Normalizer
    public let sentenceSplitter: SentenceSplitter
    public let sectionDetector: SectionDetector

    public init(rules: TokenizerRules) {
        self.rules = rules
        self.scanner = Scanner()
        self.normalizer = Normalizer()
        self.sentenceSplitter = SentenceSplitter(rules: rules)
        self.sectionDetector = SectionDetector(rules: rules)
    }

    /// All tokens of `text`, whitespace and newlines included; they cover the text exactly.
    /// - Complexity: O(n) in the text's bytes.
    public func tokenize(_ text: String) -> [Token] { scanner.scan(text) }

    /// Tokens, sentences and sections of a document, as a new ``AnnotatedDocument``.
    /// - Complexity: O(n) in the text's bytes.
    public func analyze(_ document: Document) -> AnnotatedDocument {
        let layers = Self.withBytes(of: document) { analyze(bytes: $0) }
        return AnnotatedDocument(document: document, tokens: layers.tokens, sentences: layers.sentences, sections: layers.sections)
    }

    /// Tokens and sections of a document, without sentences (``AnnotatedDocument/sentences`` is empty): for PHI
    /// detection, whose rules read sections (a social-history section is an occupation context) but no sentence.
    /// - Complexity: O(n) in the text's bytes.
    public func tokensAndSections(_ document: Document) -> AnnotatedDocument {
        Self.withBytes(of: document) { p in
            let tokens = scanner.scan(p)
            let sections = sectionDetector.sections(sectionDetector.headers(tokens: tokens, in: p), tokens: tokens, textLength: p.count)
            return AnnotatedDocument(document: document, tokens: tokens, sections: sections)
        }
    }

    /// `body` over the document's UTF-8 bytes, made contiguous once (a native Swift string always is after
    /// `makeContiguousUTF8`, so the storage is always available).
    private static func withBytes<R>(of document: Document, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var text = document.text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable(body)!
    }

    /// Tokens, sentences and sections of valid UTF-8 bytes.
    public func analyze(bytes p: UnsafeBufferPointer<UInt8>) -> (tokens: [Token], sentences: [Sentence], sections: [Section]) {
        let tokens = scanner.scan(p)
        let headers = sectionDetector.headers(tokens: tokens, in: p)
        let sections = sectionDetector.sections(headers, tokens: tokens, textLength: p.count)
        var forced: [Int] = []
        forced.reserveCapacity(headers.count * 2)
        for h in headers {
            forced.append(h.firstToken)
            if h.aloneOnLine {
                // The body starts a new sentence after a header that stands alone on its line.
                var j = h.endToken
                while j < tokens.count && tokens[j].isSpace { j += 1 }
                if j < tokens.count { forced.append(j) }
            }
        }
        let sentences = sentenceSplitter.split(tokens: tokens, in: p, forcedStarts: forced)
        return (tokens, sentences, sections)
    }

    /// Sentences of `text`.
    public func sentences(_ text: String) -> [Sentence] { analyze(Document(text: text)).sentences }

    /// Sections of `text`.
    public func sections(_ text: String) -> [Section] { analyze(Document(text: text)).sections }
}
