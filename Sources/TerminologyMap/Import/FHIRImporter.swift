public import Foundation
import MedTextCore

extension TerminologyBuilder {
    /// Imports a FHIR R4 CodeSystem (concepts with designations; nested concepts become is-a;
    /// `inactive`/`status=retired` properties make a concept inactive) or ValueSet (its
    /// `expansion.contains`, else the concepts enumerated in `compose.include`), recording the
    /// ValueSet's members. Concepts get `entityType` when given (then their displays and
    /// designations are matchable), else they are stored for lookups only.
    ///
    /// A FHIR resource is one JSON value, so the file is parsed whole (published CodeSystems and
    /// expansions are a few MB at most); everything else about the import is as for the others.
    public func importFHIR(_ url: URL, entityType: String? = nil, name: String? = nil) throws(TerminologyError) {
        let display = name ?? url.lastPathComponent
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw TerminologyError(.unreadableSource, "cannot read the FHIR JSON file; check the path", file: display)
        }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw TerminologyError(.malformedSource, "invalid JSON (\(Self.jsonErrorSummary(error))); a FHIR R4 CodeSystem or ValueSet is expected",
                                   file: display, line: Self.jsonErrorLine(error, data))
        }
        guard let resource = object as? [String: Any], let type = resource["resourceType"] as? String else {
            throw TerminologyError(.malformedSource, "not a FHIR resource (no resourceType)", file: display, line: 1)
        }
        var importer = FHIRImport(builder: self, file: display, data: data, entityType: entityType)
        try inTransaction { () throws(TerminologyError) in
            switch type {
            case "CodeSystem": try importer.codeSystem(resource)
            case "ValueSet": try importer.valueSet(resource)
            default:
                throw TerminologyError(.malformedSource, "resourceType \(type) is not supported; pass a CodeSystem or ValueSet", file: display, line: 1)
            }
            try recordSource(kind: "fhir-\(type)", name: display, version: resource["version"] as? String, sha256: { var h = SHA256(); data.withUnsafeBytes { h.update(UnsafeBufferPointer(start: $0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: $0.count)) }; return h.finalize().hex }(), rows: importer.count)
        }
        progress.done(display, importer.count)
    }

    static func jsonErrorSummary(_ error: any Error) -> String {
        let ns = error as NSError
        return (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? "parse error"
    }

    /// The 1-based line of a JSON parse error, from the byte index Foundation reports.
    static func jsonErrorLine(_ error: any Error, _ data: Data) -> Int? {
        let ns = error as NSError
        var index = ns.userInfo["NSJSONSerializationErrorIndex"] as? Int
        if index == nil, let text = ns.userInfo[NSDebugDescriptionErrorKey] as? String, let r = text.range(of: "character ") {
            index = Int(text[r.upperBound...].prefix { $0.isNumber })
        }
        guard let index else { return nil }
        return data.prefix(index).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }
}

struct FHIRImport {
    let builder: TerminologyBuilder
    let file: String
    let data: Data
    let entityType: String?
    var count = 0

    init(builder: TerminologyBuilder, file: String, data: Data, entityType: String?) {
        self.builder = builder
        self.file = file
        self.data = data
        self.entityType = entityType
    }

    /// Best-effort line of the first occurrence of `"code": "<code>"` (for errors).
    func line(ofCode code: String?) -> Int? {
        guard let code, let needle = "\"\(code)\"".data(using: .utf8), let r = data.range(of: needle) else { return nil }
        return data[..<r.lowerBound].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    func fail(_ detail: String, code: String? = nil) -> TerminologyError {
        TerminologyError(.malformedSource, detail, file: file, line: line(ofCode: code))
    }

    mutating func codeSystem(_ r: [String: Any]) throws(TerminologyError) {
        guard let url = r["url"] as? String, !url.isEmpty else { throw fail("the CodeSystem has no url (its canonical URI)") }
        let system = CodeSystem(uri: url)
        let sid = try builder.systemID(system)
        try builder.setSystemVersion(system, edition: (r["title"] as? String) ?? (r["name"] as? String), version: r["version"] as? String, licence: r["copyright"] as? String)
        try concepts(r["concept"] as? [[String: Any]] ?? [], system: sid, parent: nil, valueSet: nil)
    }

    mutating func valueSet(_ r: [String: Any]) throws(TerminologyError) {
        guard let url = r["url"] as? String, !url.isEmpty else { throw fail("the ValueSet has no url") }
        let db = builder.db!
        try db.cached("INSERT INTO value_set(url, version, name) VALUES (?, ?, ?) ON CONFLICT(url) DO UPDATE SET version = excluded.version, name = excluded.name")
            .run([.text(url), SQLiteValue(r["version"] as? String), SQLiteValue(r["name"] as? String)])
        let vs = try db.scalarInt("SELECT id FROM value_set WHERE url = ?", [.text(url)])!
        try db.cached("DELETE FROM value_set_member WHERE value_set = ?").run([.int(vs)])
        if let expansion = r["expansion"] as? [String: Any] {
            try contains(expansion["contains"] as? [[String: Any]] ?? [], valueSet: vs)
        } else if let compose = r["compose"] as? [String: Any] {
            for include in compose["include"] as? [[String: Any]] ?? [] {
                guard let s = include["system"] as? String else { continue }
                let sid = try builder.systemID(CodeSystem(uri: s))
                if let v = include["version"] as? String { try builder.setSystemVersion(CodeSystem(uri: s), edition: nil, version: v, licence: nil) }
                try concepts(include["concept"] as? [[String: Any]] ?? [], system: sid, parent: nil, valueSet: vs)
            }
        } else {
            throw fail("the ValueSet has neither an expansion nor an enumerated compose; expand it first (e.g. $expand on a terminology server)")
        }
    }

    private mutating func contains(_ items: [[String: Any]], valueSet: Int64) throws(TerminologyError) {
        for item in items {
            if let code = item["code"] as? String {
                guard let s = item["system"] as? String else { throw fail("an expansion entry has a code but no system", code: code) }
                let sid = try builder.systemID(CodeSystem(uri: s))
                if let v = item["version"] as? String { try builder.setSystemVersion(CodeSystem(uri: s), edition: nil, version: v, licence: nil) }
                let active = (item["inactive"] as? Bool) != true
                try concept(code: code, display: item["display"] as? String, designations: item["designation"] as? [[String: Any]] ?? [], active: active, system: sid, parent: nil, valueSet: valueSet)
            }
            try contains(item["contains"] as? [[String: Any]] ?? [], valueSet: valueSet)
        }
    }

    private mutating func concepts(_ items: [[String: Any]], system: Int64, parent: Int64?, valueSet: Int64?) throws(TerminologyError) {
        for item in items {
            guard let code = item["code"] as? String, !code.isEmpty else { throw fail("a concept has no code", code: item["display"] as? String) }
            var active = true
            for p in item["property"] as? [[String: Any]] ?? [] {
                if p["code"] as? String == "inactive", p["valueBoolean"] as? Bool == true { active = false }
                if p["code"] as? String == "status", let v = p["valueCode"] as? String, v == "retired" || v == "inactive" { active = false }
            }
            let id = try concept(code: code, display: item["display"] as? String, designations: item["designation"] as? [[String: Any]] ?? [], active: active, system: system, parent: parent, valueSet: valueSet)
            try concepts(item["concept"] as? [[String: Any]] ?? [], system: system, parent: id, valueSet: valueSet)
        }
    }

    @discardableResult
    private mutating func concept(code: String, display: String?, designations: [[String: Any]], active: Bool, system: Int64, parent: Int64?, valueSet: Int64?) throws(TerminologyError) -> Int64 {
        let db = builder.db!
        let shown = display ?? code
        let id = try builder.upsertConcept(system: system, code: code, display: shown, active: active, entityType: entityType)
        try db.cached("DELETE FROM term WHERE concept = ?").run([.int(id)])
        let matchable = entityType != nil
        if display != nil { try builder.insertTerm(concept: id, term: shown, type: .preferred, matchable: matchable) }
        for d in designations {
            guard let value = d["value"] as? String, !value.isEmpty, value != shown else { continue }
            let language = (d["language"] as? String) ?? "en"
            guard language.hasPrefix("en") else { continue }
            let dialect: Dialect = language == "en-US" ? .enUS : (language == "en-AU" || language == "en-GB" ? .enAU : .both)
            let use = (d["use"] as? [String: Any])?["code"] as? String
            let isFSN = use == "900000000000003001"
            try builder.insertTerm(concept: id, term: value, type: isFSN ? .fullySpecifiedName : .synonym, dialect: dialect, matchable: matchable && !isFSN)
        }
        if let parent {
            try db.cached("INSERT OR IGNORE INTO is_a(child, parent) VALUES (?, ?)").run([.int(id), .int(parent)])
        }
        if let valueSet {
            try db.cached("INSERT OR IGNORE INTO value_set_member(value_set, concept) VALUES (?, ?)").run([.int(valueSet), .int(id)])
        }
        count += 1
        builder.progress.rows(file, count)
        return id
    }
}
