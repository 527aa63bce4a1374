public import Foundation
import MedTextCore

extension TerminologyBuilder {
    /// Imports a concept lexicon in the common format of `lexicons/README.md` (the default
    /// lexicons and site-specific custom lexicons share it). Streams the file in one
    /// transaction. An id already defined in this build is an error; an id present in the
    /// database being extended is replaced (site overrides).
    ///
    /// `priority` is recorded for the recognizer: 0 curated, 1 extracted sources (lower wins
    /// when two entries share a term).
    ///
    /// - Complexity: O(rows); memory independent of the file size.
    public func importLexicon(_ url: URL, name: String? = nil, priority: Int = 0) throws(TerminologyError) {
        let display = name ?? url.lastPathComponent
        let reader = try HashingLineReader(path: url.path, displayName: display)
        let medtext = try systemID(.medtext)
        var rows = 0
        try inTransaction { () throws(TerminologyError) in
            var header: [String]? = nil
            var col: [String: Int] = [:]
            while let line = reader.next() {
                if line.isEmpty || line.hasPrefix("#") { continue }
                let fields = splitFields(line, "\t").map(String.init)
                guard let h = header else {
                    header = fields
                    for (i, f) in fields.enumerated() { col[f] = i }
                    for required in ["id", "type", "preferred"] where col[required] == nil {
                        throw reader.malformed("the header has no `\(required)` column; expected id, type, preferred, synonyms, codes, attributes (see lexicons/README.md)")
                    }
                    continue
                }
                guard fields.count == h.count else {
                    throw reader.malformed("expected \(h.count) tab-separated fields as in the header, found \(fields.count)")
                }
                func field(_ n: String) -> String { col[n].map { fields[$0].trimmingCharacters(in: .whitespaces) } ?? "" }
                let id = field("id")
                let type = field("type")
                let preferred = field("preferred")
                guard !id.isEmpty, !id.contains(" ") else { throw reader.malformed("empty id or id with a space; ids look like `cond:type_2_diabetes_mellitus`") }
                guard !type.isEmpty, type.allSatisfy({ $0.isUppercase || $0 == "_" }) else {
                    throw reader.malformed("the type must be a Comprehend Medical entity type such as DX_NAME or GENERIC_NAME")
                }
                guard !preferred.isEmpty else { throw reader.malformed("the preferred term is empty") }
                if let other = lexiconIDsThisBuild[id] {
                    throw reader.malformed("the id is already defined in \(other); ids must be unique across concept files")
                }
                lexiconIDsThisBuild[id] = "\(display):\(reader.lineNumber)"
                let attributes = field("attributes")
                var attrs: [(String, String)] = []
                for pair in attributes.split(separator: ";") where !pair.trimmingCharacters(in: .whitespaces).isEmpty {
                    guard let eq = pair.firstIndex(of: "=") else {
                        throw reader.malformed("attribute without `=`; attributes are `key=value` pairs separated by `;`")
                    }
                    attrs.append((pair[..<eq].trimmingCharacters(in: .whitespaces), pair[pair.index(after: eq)...].trimmingCharacters(in: .whitespaces)))
                }
                let cls = attrs.first { $0.0 == "class" }?.1 ?? attrs.first { $0.0 == "kind" }?.1
                // Replace an entry present in the database being extended.
                if let old = try db.scalarInt("SELECT id FROM concept WHERE system = ? AND code = ?", [.int(medtext), .text(id)]) {
                    try db.cached("DELETE FROM abbreviation_sense WHERE term IN (SELECT id FROM term WHERE concept = ?)").run([.int(old)])
                    try db.cached("DELETE FROM term WHERE concept = ?").run([.int(old)])
                    try db.cached("DELETE FROM concept_map WHERE source = ?").run([.int(old)])
                }
                let concept = try upsertConcept(system: medtext, code: id, display: preferred, category: cls ?? type, entityType: type)
                try db.cached("INSERT OR REPLACE INTO lexicon_entry(concept, entity_type, class, attributes, source, priority) VALUES (?, ?, ?, ?, ?, ?)")
                    .run([.int(concept), .text(type), SQLiteValue(cls), .text(attributes), .text(display), .int(Int64(priority))])
                // Terms: preferred first, then synonyms in file order; one row per distinct normalized form.
                var seen: Set<String> = []
                let prefNorm = normalizer.normalizedTerm(preferred)
                seen.insert(prefNorm)
                try insertTerm(concept: concept, term: preferred, type: .preferred, norm: prefNorm)
                for raw in field("synonyms").split(separator: "|") {
                    let parsed = try LexiconTerm(raw, reader: reader)
                    guard !parsed.text.isEmpty else { continue }
                    let norm = normalizer.normalizedTerm(parsed.text)
                    let key = (parsed.caseSensitive ? "cs:" + parsed.text : norm)
                    guard !norm.isEmpty, seen.insert(key).inserted else { continue }
                    var ttype = parsed.type
                    if ttype == .synonym && type == "BRAND_NAME" { ttype = .brand }
                    try insertTerm(concept: concept, term: parsed.text, type: ttype, dialect: parsed.dialect, caseSensitive: parsed.caseSensitive, norm: norm)
                }
                // Codes in other systems.
                for item in field("codes").split(separator: "|") {
                    let s = item.trimmingCharacters(in: .whitespaces)
                    guard !s.isEmpty else { continue }
                    guard let colon = s.firstIndex(of: ":"), let system = CodeSystemNames.system(named: String(s[..<colon])) else {
                        throw reader.malformed("a code must be SYSTEM:code with SYSTEM one of SNOMED, ICD10CM, RXNORM, UNII, LOINC, DRUGBANK, HPO")
                    }
                    let code = String(s[s.index(after: colon)...])
                    guard !code.isEmpty else { throw reader.malformed("empty code after the system name") }
                    try insertMap(source: concept, targetSystem: try systemID(system), targetCode: code, relation: "equivalent", provenance: "lexicon:\(display)")
                }
                // Links to other lexicon entries.
                for (key, value) in attrs {
                    let relation: String
                    switch key {
                    case "ingredients": relation = "has_ingredient"
                    case "classes": relation = "member_of_class"
                    default: continue
                    }
                    for target in value.split(separator: ",") where !target.isEmpty {
                        try insertMap(source: concept, targetSystem: medtext, targetCode: target.trimmingCharacters(in: .whitespaces), relation: relation, provenance: "lexicon:\(display)")
                    }
                }
                rows += 1
                progress.rows(display, rows)
            }
            guard header != nil else { throw reader.malformed("the file has no header row") }
            try recordSource(kind: "lexicon", name: display, version: nil, sha256: reader.finishHash(), rows: rows)
        }
        progress.done(display, rows)
    }
}

/// One term of a `synonyms` column: text with optional `#tag,tag` suffix.
struct LexiconTerm {
    var text: String
    var type: TermType = .synonym
    var dialect: Dialect = .both
    var caseSensitive = false

    init(_ raw: Substring, reader: HashingLineReader) throws(TerminologyError) {
        var body = raw.trimmingCharacters(in: .whitespaces)
        if let hash = body.lastIndex(of: "#") {
            let tags = body[body.index(after: hash)...].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            body = String(body[..<hash]).trimmingCharacters(in: .whitespaces)
            for tag in tags {
                switch tag {
                case "abbr": type = .abbreviation
                case "lay": type = .lay
                case "misspelling": type = .misspelling
                case "au": dialect = .enAU
                case "us": dialect = .enUS
                case "cs": caseSensitive = true
                case "": continue
                default:
                    throw reader.malformed("unknown term tag `\(tag)`; tags are abbr, lay, misspelling, au, us, cs")
                }
            }
        }
        text = body
    }
}
