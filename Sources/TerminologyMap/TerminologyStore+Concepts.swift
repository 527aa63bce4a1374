public import MedTextCore

/// A code linked to a concept (a lexicon entry's codes, a SNOMED CT -> ICD-10-CM map row,
/// an RxNorm relationship), with where the link came from.
public struct LinkedCode: Sendable, Hashable {
    /// The target code. Its display comes from the target concept when its system is imported,
    /// else from the source concept.
    public var code: ConceptCode
    /// `equivalent`, `maps-to`, an RxNorm RELA, `has_ingredient`, `member_of_class`, ...
    public var relation: String
    public var mapGroup: Int?
    public var mapPriority: Int?
    public var mapRule: String?
    public var mapAdvice: String?
    /// The file, refset or release that stated the link.
    public var provenance: String
}

/// Everything the recognizer and the outputs need about one concept.
public struct ConceptDetails: Sendable, Hashable {
    /// Row id in this database file (what `MatchableTerm.conceptID` refers to).
    public var id: Int64
    /// The concept's own code (for lexicon entries: system `CodeSystem.medtext`, code = lexicon id).
    public var code: ConceptCode
    public var active: Bool
    /// Semantic category: SNOMED CT semantic tag, RxNorm TTY, lexicon class.
    public var category: String?
    public var entityType: EntityType?
    /// ICD-10-CM: whether the code is billable (a leaf). nil for other systems.
    public var billable: Bool?
    /// Lexicon entries: `class=`/`kind=` attribute.
    public var lexiconClass: String?
    /// Lexicon entries: all `key=value` attributes.
    public var attributes: [String: String]
    /// Linked codes, in database order.
    public var links: [LinkedCode]

    /// The concept's own code and its equivalent/mapped codes in `system`.
    public func codes(in system: CodeSystem) -> [ConceptCode] {
        var out: [ConceptCode] = []
        if code.system == system { out.append(code) }
        for l in links where l.code.system == system && (l.relation == "equivalent" || l.relation == "maps-to") && !out.contains(l.code) {
            out.append(l.code)
        }
        return out
    }
}

extension TerminologyStore {
    /// Details for many concepts at once: two queries whatever the number of ids.
    /// Unknown ids are absent from the result.
    ///
    /// - Complexity: O(ids × log concepts).
    public func concepts(ids: [Int64]) throws(TerminologyError) -> [Int64: ConceptDetails] {
        guard !ids.isEmpty else { return [:] }
        let json = "[" + ids.map(String.init).joined(separator: ",") + "]"
        return try withDatabase { db throws(TerminologyError) in
            var out: [Int64: ConceptDetails] = [:]
            let stmt = try db.cached("""
                SELECT c.id, s.uri, c.code, c.display, c.active, c.category, c.entity_type, c.billable, l.class, l.attributes
                FROM concept c JOIN code_system s ON s.id = c.system LEFT JOIN lexicon_entry l ON l.concept = c.id
                WHERE c.id IN (SELECT value FROM json_each(?))
                """)
            try stmt.bind([.text(json)])
            while try stmt.step() {
                let attributes = Self.attributes(stmt.text(9))
                let id = stmt.int64(0)
                out[id] = ConceptDetails(
                    id: id,
                    code: ConceptCode(system: CodeSystem(uri: stmt.text(1)), code: stmt.text(2), display: stmt.text(3)),
                    active: stmt.int(4) != 0, category: stmt.optionalText(5), entityType: stmt.optionalText(6).map { EntityType(rawValue: $0) },
                    billable: stmt.optionalInt(7).map { $0 != 0 }, lexiconClass: stmt.optionalText(8), attributes: attributes, links: [])
            }
            stmt.reset()
            let links = try db.cached("""
                SELECT m.source, s.uri, m.target_code, tc.display, m.relation, m.map_group, m.map_priority, m.map_rule, m.map_advice, m.provenance
                FROM concept_map m JOIN code_system s ON s.id = m.target_system
                LEFT JOIN concept tc ON tc.system = m.target_system AND tc.code = m.target_code
                WHERE m.source IN (SELECT value FROM json_each(?))
                ORDER BY m.source, m.id
                """)
            try links.bind([.text(json)])
            while try links.step() {
                let source = links.int64(0)
                guard out[source] != nil else { continue }
                let display = links.optionalText(3) ?? out[source]!.code.display
                out[source]!.links.append(LinkedCode(
                    code: ConceptCode(system: CodeSystem(uri: links.text(1)), code: links.text(2), display: display),
                    relation: links.text(4), mapGroup: links.optionalInt(5), mapPriority: links.optionalInt(6),
                    mapRule: links.optionalText(7), mapAdvice: links.optionalText(8), provenance: links.text(9)))
            }
            links.reset()
            return out
        }
    }

    /// `key=value;key=value` lexicon attributes, keys and values trimmed of horizontal white
    /// space (tab and Unicode `Zs`, as Foundation's `CharacterSet.whitespaces`), without Foundation.
    static func attributes(_ text: String) -> [String: String] {
        guard !text.isEmpty else { return [:] }
        func trimmed(_ s: Substring) -> String {
            func space(_ u: Unicode.Scalar) -> Bool { u == "\t" || u.properties.generalCategory == .spaceSeparator }
            let scalars = s.unicodeScalars
            guard let first = scalars.firstIndex(where: { !space($0) }) else { return "" }
            let last = scalars.lastIndex(where: { !space($0) })!
            return String(scalars[first...last])
        }
        var out: [String: String] = [:]
        for pair in text.split(separator: ";") {
            if let eq = pair.firstIndex(of: "=") {
                out[trimmed(pair[..<eq])] = trimmed(pair[pair.index(after: eq)...])
            }
        }
        return out
    }

    /// The row id of a concept by system and code.
    public func conceptID(system: CodeSystem, code: String) throws(TerminologyError) -> Int64? {
        try withDatabase { db throws(TerminologyError) in
            try db.scalarInt("SELECT c.id FROM concept c JOIN code_system s ON s.id = c.system WHERE s.uri = ? AND c.code = ?", [.text(system.uri), .text(code)])
        }
    }

    /// Concept ids whose terms normalize exactly like `text` (any system), best term type first.
    public func conceptIDs(matching text: String) throws(TerminologyError) -> [Int64] {
        let norm = normalizer.normalizedTerm(text)
        return try withDatabase { db throws(TerminologyError) in
            let stmt = try db.cached("SELECT concept, min(type) FROM term WHERE norm = ? GROUP BY concept ORDER BY min(type), concept LIMIT 50")
            try stmt.bind([.text(norm)])
            var out: [Int64] = []
            while try stmt.step() { out.append(stmt.int64(0)) }
            stmt.reset()
            return out
        }
    }

    /// Concept ids with this code in any system (for `medtext terminology lookup CODE`).
    public func conceptIDs(code: String) throws(TerminologyError) -> [Int64] {
        try withDatabase { db throws(TerminologyError) in
            let stmt = try db.cached("SELECT id FROM concept WHERE code = ? ORDER BY system, id")
            try stmt.bind([.text(code)])
            var out: [Int64] = []
            while try stmt.step() { out.append(stmt.int64(0)) }
            stmt.reset()
            return out
        }
    }
}

// MARK: - Versions and info

/// The version of one code system in the database (as Comprehend Medical's `SNOMEDCTDetails`).
public struct TerminologyVersion: Sendable, Hashable, Codable {
    public var system: CodeSystem
    public var name: String
    public var edition: String?
    public var version: String?
    public var licence: String?
}

/// One input the database was built from.
public struct BuildSource: Sendable, Hashable, Codable {
    public var kind: String
    public var name: String
    public var version: String?
    public var sha256: String
    public var rows: Int
}

/// A summary of a terminology database (`medtext terminology info`).
public struct TerminologyInfo: Sendable, Hashable {
    public var versions: [TerminologyVersion]
    /// Concepts and terms per system URI.
    public var counts: [(system: CodeSystem, concepts: Int, terms: Int)]
    public var matchableTerms: Int
    public var sources: [BuildSource]
    public var metadata: [String: String]

    public static func == (a: Self, b: Self) -> Bool {
        a.versions == b.versions && a.sources == b.sources && a.metadata == b.metadata && a.matchableTerms == b.matchableTerms
            && a.counts.map { "\($0.system.uri) \($0.concepts) \($0.terms)" } == b.counts.map { "\($0.system.uri) \($0.concepts) \($0.terms)" }
    }
    public func hash(into h: inout Hasher) { h.combine(versions); h.combine(sources); h.combine(matchableTerms) }
}

extension TerminologyStore {
    /// Code systems with their editions and versions, ordered by name.
    public func versions() throws(TerminologyError) -> [TerminologyVersion] {
        try withDatabase { db throws(TerminologyError) in
            let stmt = try db.cached("SELECT uri, name, edition, version, licence FROM code_system ORDER BY name")
            var out: [TerminologyVersion] = []
            while try stmt.step() {
                out.append(TerminologyVersion(system: CodeSystem(uri: stmt.text(0)), name: stmt.text(1), edition: stmt.optionalText(2), version: stmt.optionalText(3), licence: stmt.optionalText(4)))
            }
            return out
        }
    }

    /// Versions, counts, sources and metadata.
    public func info() throws(TerminologyError) -> TerminologyInfo {
        let versions = try versions()
        return try withDatabase { db throws(TerminologyError) in
            var counts: [(system: CodeSystem, concepts: Int, terms: Int)] = []
            let c = try db.cached("""
                SELECT s.uri, (SELECT count(*) FROM concept c WHERE c.system = s.id),
                       (SELECT count(*) FROM term t JOIN concept c ON c.id = t.concept WHERE c.system = s.id)
                FROM code_system s ORDER BY s.name
                """)
            while try c.step() { counts.append((CodeSystem(uri: c.text(0)), c.int(1), c.int(2))) }
            let matchable = Int(try db.scalarInt("SELECT count(*) FROM term t JOIN concept c ON c.id = t.concept WHERE t.matchable = 1 AND c.active = 1 AND c.entity_type IS NOT NULL") ?? 0)
            var sources: [BuildSource] = []
            let s = try db.cached("SELECT kind, name, version, sha256, rows FROM build_source ORDER BY id")
            while try s.step() { sources.append(BuildSource(kind: s.text(0), name: s.text(1), version: s.optionalText(2), sha256: s.text(3), rows: s.int(4))) }
            var metadata: [String: String] = [:]
            let m = try db.cached("SELECT key, value FROM metadata")
            while try m.step() { metadata[m.text(0)] = m.text(1) }
            return TerminologyInfo(versions: versions, counts: counts, matchableTerms: matchable, sources: sources, metadata: metadata)
        }
    }
}

extension TerminologyStore {
    /// Billable ICD-10-CM codes that start with `prefix` and are as long as `length` characters (any length when nil),
    /// with their titles, in code order: the codes of one subcategory that differ from a code
    /// only in its last characters (its side, stage or severity).
    /// - Complexity: one indexed range query.
    public func icd10cmBillableCodes(prefix: String, length: Int?) throws(TerminologyError) -> [(code: String, display: String)] {
        try withDatabase { db throws(TerminologyError) in
            let stmt = try db.cached("""
                SELECT c.code, c.display FROM concept c JOIN code_system s ON s.id = c.system
                WHERE s.uri = ? AND c.code >= ? AND c.code < ? AND (?4 = 0 OR length(c.code) = ?4) AND c.billable = 1 ORDER BY c.code
                """)
            try stmt.bind([.text(CodeSystem.icd10CM.uri), .text(prefix), .text(prefix + "~"), .int(Int64(length ?? 0))])
            var out: [(code: String, display: String)] = []
            while try stmt.step() { out.append((stmt.text(0), stmt.text(1))) }
            stmt.reset()
            return out
        }
    }
}
