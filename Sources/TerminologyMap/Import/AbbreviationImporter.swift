public import Foundation
import MedTextCore

extension TerminologyBuilder {
    /// Imports an abbreviation lexicon (`lexicons/data/concepts/abbreviations.tsv`, columns
    /// `abbr, expansion, target, type, case, cues, default, region, note`; one sense per row).
    ///
    /// Each sense becomes an abbreviation term of its target concept, with an
    /// `abbreviation_sense` row (expansion, `|`-separated cue words, default flag). The target is
    /// found by id (`target`), else by the expansion's normalized form among lexicon concepts of
    /// the same type (curated first), else a new medtext concept `abbr:<abbr>:<expansion slug>` is
    /// made so the sense still competes when choosing among senses. Senses of type `NONE`
    /// (e.g. RA = room air) get such a concept with entity type `NONE`: a match that is not an
    /// entity. Import concept lexicons before this file so targets resolve.
    public func importAbbreviations(_ url: URL, name: String? = nil) throws(TerminologyError) {
        let display = name ?? url.lastPathComponent
        let reader = try HashingLineReader(path: url.path, displayName: display)
        let medtext = try systemID(.medtext)
        var rows = 0
        try inTransaction { () throws(TerminologyError) in
            var col: [String: Int] = [:]
            var width = 0
            while let line = reader.next() {
                if line.isEmpty || line.hasPrefix("#") { continue }
                let fields = splitFields(line, "\t").map { $0.trimmingCharacters(in: .whitespaces) }
                if col.isEmpty {
                    for (i, f) in fields.enumerated() { col[f] = i }
                    width = fields.count
                    for required in ["abbr", "expansion", "type"] where col[required] == nil {
                        throw reader.malformed("the header has no `\(required)` column; expected abbr, expansion, target, type, case, cues, default, region, note (see lexicons/README.md)")
                    }
                    continue
                }
                guard fields.count == width else { throw reader.malformed("expected \(width) tab-separated fields as in the header, found \(fields.count)") }
                func field(_ n: String) -> String { col[n].map { fields[$0] } ?? "" }
                let abbr = field("abbr"), expansion = field("expansion"), type = field("type")
                guard !abbr.isEmpty, !expansion.isEmpty else { throw reader.malformed("abbr and expansion must not be empty") }
                guard !type.isEmpty, type.allSatisfy({ $0.isUppercase || $0 == "_" }) else {
                    throw reader.malformed("type must be an entity type such as DX_NAME, or NONE")
                }
                let caseField = field("case")
                guard ["", "ci", "cs"].contains(caseField) else { throw reader.malformed("case must be ci or cs") }
                let defaultField = field("default").lowercased()
                guard ["", "yes", "no"].contains(defaultField) else { throw reader.malformed("default must be yes or no") }
                let dialect: Dialect
                switch field("region").uppercased() {
                case "", "BOTH": dialect = .both
                case "US": dialect = .enUS
                case "AU": dialect = .enAU
                default: throw reader.malformed("region must be US, AU or both")
                }
                let concept = try resolveSense(abbr: abbr, expansion: expansion, target: field("target"), type: type, medtext: medtext)
                let norm = normalizer.normalizedTerm(abbr)
                guard !norm.isEmpty else { throw reader.malformed("the abbreviation normalizes to nothing") }
                let term: Int64
                if let existing = try db.scalarInt("SELECT id FROM term WHERE concept = ? AND norm = ? ORDER BY id LIMIT 1", [.int(concept), .text(norm)]) {
                    term = existing
                } else {
                    term = try insertTerm(concept: concept, term: abbr, type: .abbreviation, dialect: dialect, caseSensitive: caseField == "cs", norm: norm)
                }
                let cues = field("cues").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "|")
                try db.cached("INSERT OR REPLACE INTO abbreviation_sense(term, expansion, cues, is_default) VALUES (?, ?, ?, ?)")
                    .run([.int(term), .text(expansion), .text(cues), SQLiteValue(defaultField != "no")])
                rows += 1
                progress.rows(display, rows)
            }
            guard !col.isEmpty else { throw reader.malformed("the file has no header row") }
            try recordSource(kind: "abbreviations", name: display, version: nil, sha256: reader.finishHash(), rows: rows)
        }
        progress.done(display, rows)
    }

    private func resolveSense(abbr: String, expansion: String, target: String, type: String, medtext: Int64) throws(TerminologyError) -> Int64 {
        if type != "NONE" {
            if !target.isEmpty, let id = try db.scalarInt("SELECT id FROM concept WHERE system = ? AND code = ?", [.int(medtext), .text(target)]) {
                return id
            }
            let norm = normalizer.normalizedTerm(expansion)
            if let id = try db.scalarInt("""
                SELECT t.concept FROM term t JOIN concept c ON c.id = t.concept JOIN lexicon_entry l ON l.concept = c.id
                WHERE t.norm = ? AND c.entity_type = ? ORDER BY l.priority, t.type, t.concept LIMIT 1
                """, [.text(norm), .text(type)]) {
                return id
            }
        }
        // A concept of its own for this sense.
        let slug = String(String.UnicodeScalarView(expansion.lowercased().unicodeScalars.map { ($0.isASCII && (CharacterSet.alphanumerics.contains($0))) ? $0 : "_" }))
        let code = "abbr:\(abbr.lowercased()):\(slug)"
        let id = try upsertConcept(system: medtext, code: code, display: expansion, category: type, entityType: type)
        try db.cached("INSERT OR IGNORE INTO lexicon_entry(concept, entity_type, class, attributes, source, priority) VALUES (?, ?, NULL, '', 'abbreviations', 0)")
            .run([.int(id), .text(type)])
        return id
    }
}
