public import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import MedTextCore

extension TerminologyBuilder {
    /// Imports the ICD-10-CM tabular list in the CDC/CMS XML format (`icd10cm_tabular_YYYY.xml`,
    /// also inside the PyPI package simple-icd-10-cm): every `diag` (categories, subcategories,
    /// codes) with its title, its inclusion terms and, where a `sevenChrDef` applies, the
    /// 7th-character expansions (placeholder `X` padding). Leaves are billable. Titles and
    /// inclusion terms go to the FTS index for ranking; they are not matchable terms (the
    /// curated lexicons provide those). The XML is parsed as a stream (SAX).
    public func importICD10CMTabular(_ url: URL, name: String? = nil) throws(TerminologyError) {
        let display = name ?? url.lastPathComponent
        guard let stream = InputStream(url: url), FileManager.default.isReadableFile(atPath: url.path) else {
            throw TerminologyError(.unreadableSource, "cannot open the ICD-10-CM tabular XML; check the path", file: display)
        }
        let sha = try sha256Hex(ofFile: url.path)
        let system = try systemID(.icd10CM)
        var count = 0
        var version: String? = nil
        try inTransaction { () throws(TerminologyError) in
            try db.execute("DELETE FROM icd10cm_fts; CREATE TEMP TABLE IF NOT EXISTS stage_icd_parent(child TEXT NOT NULL, parent TEXT NOT NULL); DELETE FROM stage_icd_parent;")
            let handler = ICD10CMTabularHandler(builder: self, system: system, file: display)
            let parser = XMLParser(stream: stream)
            parser.delegate = handler
            let ok = parser.parse()
            if let e = handler.failure { throw e }
            guard ok else {
                let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "unknown XML error"
                throw TerminologyError(.malformedSource, "invalid XML (\(reason)); is this the CDC ICD-10-CM tabular file?", file: display, line: parser.lineNumber)
            }
            guard handler.sawRoot else {
                throw TerminologyError(.malformedSource, "no ICD10CM.tabular root element; is this the CDC ICD-10-CM tabular file?", file: display, line: 1)
            }
            count = handler.codes
            version = Self.icdVersion(fileName: url.lastPathComponent, element: handler.version)
            try db.cached("""
                INSERT OR IGNORE INTO is_a(child, parent)
                SELECT c.id, p.id FROM stage_icd_parent s
                JOIN concept c ON c.system = ?1 AND c.code = s.child JOIN concept p ON p.system = ?1 AND p.code = s.parent
                """).run([.int(system)])
            try db.execute("DROP TABLE stage_icd_parent")
            try setSystemVersion(.icd10CM, edition: "US (CDC/CMS)", version: version, licence: "Public domain (US Government: CDC NCHS, CMS)")
            try recordSource(kind: "icd10cm-tabular", name: display, version: version, sha256: sha, rows: count)
        }
        progress.done(display, count)
    }

    /// "April-1-2026" in a file name -> "2026-04-01", "2026-04" -> "2026-04"; else the `<version>` element (fiscal year).
    static func icdVersion(fileName: String, element: String?) -> String? {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        for (i, m) in months.enumerated() {
            if let r = fileName.range(of: "\(m)-") {
                let rest = fileName[r.upperBound...].split(whereSeparator: { !$0.isNumber && $0 != "-" }).first ?? ""
                let parts = rest.split(separator: "-")
                if parts.count >= 2, let d = Int(parts[0]), let y = Int(parts[1]) {
                    return String(format: "%04d-%02d-%02d", y, i + 1, d)
                }
            }
        }
        // "...-2026-04.xml" -> "2026-04"
        let digits = fileName.split(whereSeparator: { !$0.isNumber })
        for (i, d) in digits.enumerated() where d.count == 4 && i + 1 < digits.count && digits[i + 1].count == 2 {
            if let m = Int(digits[i + 1]), (1...12).contains(m) { return "\(d)-\(digits[i + 1])" }
        }
        return element.map { "FY\($0)" }
    }

    /// Imports a CMS ICD-10-CM order file (`icd10cm_order_YYYY.txt`, fixed width: order number
    /// 1-5, code 7-13, header/billable flag 15, short title 17-76, long title 78-). Adds codes
    /// missing from the database, updates billable flags, links each code to its nearest
    /// existing ancestor by prefix. Streams line by line.
    public func importICD10CMOrderFile(_ url: URL, name: String? = nil) throws(TerminologyError) {
        let display = name ?? url.lastPathComponent
        let reader = try HashingLineReader(path: url.path, displayName: display)
        let system = try systemID(.icd10CM)
        var rows = 0
        try inTransaction { () throws(TerminologyError) in
            try db.execute("CREATE TEMP TABLE IF NOT EXISTS stage_icd_order(code TEXT PRIMARY KEY, ord INTEGER); DELETE FROM stage_icd_order;")
            while let line = reader.next() {
                if line.isEmpty { continue }
                // Columns count characters (the CMS files are ASCII; a UTF-8 copy stays aligned).
                let u = Array(line.unicodeScalars)
                func cols(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(u[r])) }
                func colsFrom(_ i: Int) -> String { String(String.UnicodeScalarView(u[i...])) }
                guard u.count >= 78, u[5] == " ", u[13] == " ", u[15] == " ", u[76] == " ",
                      let order = Int(cols(0..<5)) else {
                    throw reader.malformed("not an ICD-10-CM order file line (expected order number in columns 1-5, code in 7-13, flag in 15, short title in 17-76, long title from 78)")
                }
                let raw = cols(6..<13).trimmingCharacters(in: .whitespaces)
                guard raw.count >= 3, raw.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                    throw reader.malformed("invalid ICD-10-CM code in columns 7-13")
                }
                let flag = u[14]
                guard flag == "0" || flag == "1" else {
                    throw reader.malformed("the header/billable flag in column 15 must be 0 or 1")
                }
                let code = raw.count > 3 ? String(raw.prefix(3)) + "." + String(raw.dropFirst(3)) : raw
                let long = colsFrom(77).trimmingCharacters(in: .whitespaces)
                let short = cols(16..<76).trimmingCharacters(in: .whitespaces)
                let exists = try db.scalarInt("SELECT id FROM concept WHERE system = ? AND code = ?", [.int(system), .text(code)])
                if let id = exists {
                    try db.cached("UPDATE concept SET billable = ? WHERE id = ?").run([SQLiteValue(flag == "1"), .int(id)])
                } else {
                    let id = try upsertConcept(system: system, code: code, display: long, billable: flag == "1")
                    try insertTerm(concept: id, term: long, type: .description, matchable: false)
                    try db.cached("INSERT INTO icd10cm_fts(code, text, kind) VALUES (?, ?, 'title')").run([.text(code), .text(long)])
                    if short != long && !short.isEmpty {
                        try insertTerm(concept: id, term: short, type: .synonym, matchable: false)
                    }
                }
                try db.cached("INSERT OR REPLACE INTO stage_icd_order(code, ord) VALUES (?, ?)").run([.text(code), .int(Int64(order))])
                rows += 1
                progress.rows(display, rows)
            }
            // Parent by prefix: the longest code in the file that is a proper prefix (ignoring the dot).
            let stmt = try db.prepare("SELECT code FROM stage_icd_order ORDER BY ord")
            var codes: [String] = []
            while try stmt.step() { codes.append(stmt.text(0)) }
            let known = Set(codes)
            for code in codes {
                var p = code
                while p.count > 3 {
                    p.removeLast()
                    if p.hasSuffix(".") { p.removeLast() }
                    if known.contains(p) {
                        try db.cached("""
                            INSERT OR IGNORE INTO is_a(child, parent)
                            SELECT c.id, q.id FROM concept c, concept q WHERE c.system = ?1 AND c.code = ?2 AND q.system = ?1 AND q.code = ?3
                            """).run([.int(system), .text(code), .text(p)])
                        break
                    }
                }
            }
            try db.execute("DROP TABLE stage_icd_order")
            let version = url.lastPathComponent.split(whereSeparator: { !$0.isNumber }).first { $0.count == 4 }.map { "FY\($0)" }
            try setSystemVersion(.icd10CM, edition: "US (CDC/CMS)", version: version, licence: "Public domain (US Government: CDC NCHS, CMS)")
            try recordSource(kind: "icd10cm-order", name: display, version: version, sha256: reader.finishHash(), rows: rows)
        }
        progress.done(display, rows)
    }
}

/// SAX handler for the tabular XML. Keeps only the open `diag` elements on a stack.
final class ICD10CMTabularHandler: NSObject, XMLParserDelegate {
    struct Frame {
        var code: String?
        var title: String?
        var inclusions: [String] = []
        var sevenChr: [(Character, String)]? = nil
        var hasChildren = false
        var line: Int
    }

    let builder: TerminologyBuilder
    let system: Int64
    let file: String
    var failure: TerminologyError?
    var sawRoot = false
    var version: String?
    var codes = 0
    private var elements: [String] = []
    private var frames: [Frame] = []
    private var text = ""
    private var extensionChar: Character?
    private var pendingSevenChr: [(Character, String)] = []

    init(builder: TerminologyBuilder, system: Int64, file: String) {
        self.builder = builder
        self.system = system
        self.file = file
    }

    private func fail(_ parser: XMLParser, _ detail: String) {
        if failure == nil { failure = TerminologyError(.malformedSource, detail, file: file, line: parser.lineNumber) }
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if elements.isEmpty {
            guard name == "ICD10CM.tabular" else { fail(parser, "the root element must be ICD10CM.tabular; is this the CDC ICD-10-CM tabular file?"); return }
            sawRoot = true
        }
        elements.append(name)
        text = ""
        switch name {
        case "diag":
            if !frames.isEmpty { frames[frames.count - 1].hasChildren = true }
            frames.append(Frame(line: parser.lineNumber))
        case "sevenChrDef":
            pendingSevenChr = []
        case "extension":
            guard let c = attributes["char"], c.count == 1 else { fail(parser, "an extension element needs a one-character `char` attribute"); return }
            extensionChar = c.first
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let parent = elements.count >= 2 ? elements[elements.count - 2] : ""
        let grand = elements.count >= 3 ? elements[elements.count - 3] : ""
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch name {
        case "version" where parent == "ICD10CM.tabular":
            version = value
        case "name" where parent == "diag":
            frames[frames.count - 1].code = value
        case "desc" where parent == "diag":
            frames[frames.count - 1].title = value
        case "note" where (parent == "inclusionTerm" || parent == "includes") && grand == "diag":
            frames[frames.count - 1].inclusions.append(value)
        case "extension" where parent == "sevenChrDef":
            if let c = extensionChar { pendingSevenChr.append((c, value)) }
        case "sevenChrDef" where parent == "diag":
            frames[frames.count - 1].sevenChr = pendingSevenChr
        case "diag":
            let frame = frames.removeLast()
            do { try emit(frame, parser: parser) } catch {
                if failure == nil { failure = error }
                parser.abortParsing()
            }
        default: break
        }
        elements.removeLast()
        text = ""
    }

    private func emit(_ f: Frame, parser: XMLParser) throws(TerminologyError) {
        guard let code = f.code, !code.isEmpty, let title = f.title, !title.isEmpty else {
            throw TerminologyError(.malformedSource, "a diag element has no name or desc", file: file, line: f.line)
        }
        guard code.count >= 3, code.count <= 8, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == ".") }) else {
            throw TerminologyError(.malformedSource, "invalid ICD-10-CM code in a diag name", file: file, line: f.line)
        }
        // The nearest sevenChrDef (own or inherited) applies to leaves.
        let seventh = f.sevenChr ?? frames.reversed().lazy.compactMap(\.sevenChr).first
        let leaf = !f.hasChildren
        let expands = leaf && seventh != nil && !(seventh!.isEmpty)
        let id = try builder.upsertConcept(system: system, code: code, display: title, billable: leaf && !expands)
        try addTexts(concept: id, code: code, title: title, inclusions: f.inclusions)
        if let parent = frames.last?.code {
            try builder.db.cached("INSERT INTO stage_icd_parent(child, parent) VALUES (?, ?)").run([.text(code), .text(parent)])
        }
        codes += 1
        if expands, let seventh {
            var base = code.replacingOccurrences(of: ".", with: "")
            while base.count < 6 { base += "X" }
            for (c, meaning) in seventh {
                let full = base + String(c)
                let dotted = String(full.prefix(3)) + "." + String(full.dropFirst(3))
                let t = "\(title), \(meaning)"
                let cid = try builder.upsertConcept(system: system, code: dotted, display: t, billable: true)
                // The base code's inclusion terms apply to each 7th-character code too.
                try addTexts(concept: cid, code: dotted, title: t, inclusions: f.inclusions.map { "\($0), \(meaning)" })
                try builder.db.cached("INSERT INTO stage_icd_parent(child, parent) VALUES (?, ?)").run([.text(dotted), .text(code)])
                codes += 1
            }
        }
        builder.progress.rows(file, codes)
    }

    private func addTexts(concept: Int64, code: String, title: String, inclusions: [String]) throws(TerminologyError) {
        try builder.db.cached("DELETE FROM term WHERE concept = ?").run([.int(concept)])
        try builder.insertTerm(concept: concept, term: title, type: .description, matchable: false)
        try builder.db.cached("INSERT INTO icd10cm_fts(code, text, kind) VALUES (?, ?, 'title')").run([.text(code), .text(title)])
        for inc in inclusions where !inc.isEmpty {
            try builder.insertTerm(concept: concept, term: inc, type: .inclusion, matchable: false)
            try builder.db.cached("INSERT INTO icd10cm_fts(code, text, kind) VALUES (?, ?, 'inclusion')").run([.text(code), .text(inc)])
        }
    }
}
