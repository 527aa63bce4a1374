import Foundation
import MedTextCore
import MedTextKit
import MedTextTestSupport
import Testing

/// Medication signature shapes end to end: every row of `corpora/sig/shapes.txt` (US and
/// Australian sigs, routes, release forms, units, lists and tables, negatives) is a marked line;
/// the annotator must find exactly its medications and give each exactly its signature attributes
/// (type and span, gold guideline §2, Rules M1/M2).
@Suite struct SigShapeTests {
    /// One marked line of the table.
    struct Row: Sendable, CustomTestStringConvertible {
        var line: Int
        var marked: String
        var testDescription: String { "shapes.txt:\(line)" }
    }

    static let signatureTypes: Set<String> = ["STRENGTH", "DOSAGE", "ROUTE_OR_MODE", "FORM", "FREQUENCY", "DURATION", "RATE"]
    static let medicationTypes: Set<String> = ["GENERIC_NAME", "BRAND_NAME"]

    static let rows: [Row] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("corpora/sig/shapes.txt")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { n, raw in
            let line = String(raw)
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty, !line.hasPrefix("#") else { return nil }
            return Row(line: n + 1, marked: line.replacingOccurrences(of: "\\n", with: "\n"))
        }
    }()

    @Test func tableIsLoadedAndBroad() {
        #expect(Self.rows.count >= 120)
    }

    /// "drug@offset|TYPE|attribute text" for every expected medication and signature attribute.
    static func expected(_ m: MarkedText) -> Set<String> {
        let meds = m.marks.filter { Self.medicationTypes.contains($0.labels.first ?? "") }
        var out: Set<String> = []
        for d in meds { out.insert("\(d.text)@\(d.span.start)|\(d.labels[0])") }
        for a in m.marks where Self.signatureTypes.contains(a.labels.first ?? "") {
            let owner = a.labels.contains("first") ? meds.min { $0.span.start < $1.span.start }
                : a.labels.contains("next") ? meds.filter { $0.span.start >= a.span.end }.min { $0.span.start < $1.span.start }
                : meds.filter { $0.span.end <= a.span.start }.max { $0.span.start < $1.span.start }
            guard let owner else {
                Issue.record("an attribute marker without a medication: \(a.text)")
                continue
            }
            out.insert("\(owner.text)@\(owner.span.start)|\(a.labels[0])|\(a.text)")
        }
        return out
    }

    static func found(_ text: String) -> Set<String> {
        let doc = GoldRuleTests.annotator.annotate(Document(text: text), linking: .none)
        var out: Set<String> = []
        for e in doc.entities where e.category == .medication {
            let name = "\(doc.document.text(in: e.span))@\(e.span.start)"
            out.insert("\(name)|\(e.type.rawValue)")
            for a in e.attributes where Self.signatureTypes.contains(a.type.rawValue) {
                out.insert("\(name)|\(a.type.rawValue)|\(doc.document.text(in: a.span))")
            }
        }
        return out
    }

    @Test(arguments: rows)
    func signature(row: Row) {
        let m = MarkedText(row.marked)
        let want = Self.expected(m)
        let got = Self.found(m.text)
        #expect(got == want, "missing \(want.subtracting(got).sorted()), unexpected \(got.subtracting(want).sorted())")
    }
}
