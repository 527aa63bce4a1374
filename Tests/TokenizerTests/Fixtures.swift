import Foundation
import MedTextCore
import MedTextLexicons
import Tokenizer

/// The bundled tokenizer rules, compiled once for all tests.
enum Fixtures {
    static func ruleText(_ relativePath: String) -> String {
        let url = MedTextLexicons.bundledDataDirectory.appendingPathComponent(relativePath)
        return try! String(contentsOf: url, encoding: .utf8)
    }

    static let rules: TokenizerRules = try! TokenizerRules(
        abbreviations: ruleText("tokenizer/abbreviations.tsv"), sections: ruleText("tokenizer/sections.tsv"))
    static let tokenizer = ClinicalTokenizer(rules: rules)

    /// The repository root (for corpora/).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text(of document: Document, _ span: TextSpan) -> String { String(document.text(in: span)) }
}
