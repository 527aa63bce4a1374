public import Foundation
import MedTextCore

/// RF2 constants (SNOMED CT Release File Specification).
enum RF2 {
    static let fsn: Int64 = 900000000000003001
    static let synonym: Int64 = 900000000000013009
    static let isA: Int64 = 116680003
    static let preferred: Int64 = 900000000000548007
    static let entireTermCaseSensitive: Int64 = 900000000000017005
    /// Language reference sets -> dialect bit (en-GB counts as the Commonwealth dialect, like en-AU).
    static let languageRefsets: [Int64: Dialect] = [
        900000000000509007: .enUS, 900000000000508004: .enAU, 32570271000036106: .enAU,
    ]
    /// Map reference sets -> target system.
    static let mapRefsets: [Int64: CodeSystem] = [
        6011000124106: .icd10CM,
        447562003: CodeSystem(uri: "http://hl7.org/fhir/sid/icd-10"),
    ]

    static let conceptHeader = ["id", "effectiveTime", "active", "moduleId", "definitionStatusId"]
    static let descriptionHeader = ["id", "effectiveTime", "active", "moduleId", "conceptId", "languageCode", "typeId", "term", "caseSignificanceId"]
    static let relationshipHeader = ["id", "effectiveTime", "active", "moduleId", "sourceId", "destinationId", "relationshipGroup", "typeId", "characteristicTypeId", "modifierId"]
    static let languageHeader = ["id", "effectiveTime", "active", "moduleId", "refsetId", "referencedComponentId", "acceptabilityId"]
    static let extendedMapHeader = ["id", "effectiveTime", "active", "moduleId", "refsetId", "referencedComponentId", "mapGroup", "mapPriority", "mapRule", "mapAdvice", "mapTarget", "correlationId", "mapCategoryId"]

    /// Semantic tag -> Comprehend Medical entity type for matchable concepts. Other tags
    /// (substance, organism, qualifier value, product, ...) are stored but not matched: drugs
    /// come from RxNorm and the lexicons, where names are curated for notes.
    static func entityType(forTag tag: String) -> String? {
        switch tag {
        case "disorder", "finding": return "DX_NAME"
        case "body structure": return "SYSTEM_ORGAN_SITE"
        case "procedure": return "PROCEDURE_NAME"
        case "regime/therapy": return "TREATMENT_NAME"
        case "observable entity": return "TEST_NAME"
        default: return nil
        }
    }
}

extension TerminologyBuilder {
    /// Imports a SNOMED CT RF2 Snapshot (International, US or AU edition, or an extension):
    /// concepts, descriptions (FSN and synonyms; inactive ones dropped), language reference
    /// sets (en-US, en-GB, en-AU preferred/acceptable -> term type and dialect), is-a
    /// relationships, and the ICD-10-CM (or ICD-10) extended map. `directory` is the release
    /// folder (or its `Snapshot` folder); files are found by their RF2 names.
    ///
    /// Rows are streamed into temporary staging tables (the latest effectiveTime wins when an
    /// id appears twice), then joined into the store with set-based SQL.
    public func importSNOMEDRF2(directory: URL) throws(TerminologyError) {
        let files = try Self.rf2Files(in: directory)
        guard !files.concepts.isEmpty else {
            throw TerminologyError(.unreadableSource, "no sct2_Concept_Snapshot file found; pass the folder of an RF2 release (with Snapshot/Terminology)", file: directory.path)
        }
        let system = try systemID(.snomedCT)
        let edition = Self.rf2Edition(files.concepts.map(\.lastPathComponent))
        let version = Self.rf2Date(files.concepts.last!.lastPathComponent)
        let root = directory.path
        func name(_ u: URL) -> String {
            u.path.hasPrefix(root + "/") ? String(u.path.dropFirst(root.count + 1)) : u.lastPathComponent
        }
        try inTransaction { () throws(TerminologyError) in
            try db.execute("""
                CREATE TEMP TABLE stage_concept(id INTEGER PRIMARY KEY, et INTEGER NOT NULL, active INTEGER NOT NULL);
                CREATE TEMP TABLE stage_desc(id INTEGER PRIMARY KEY, et INTEGER NOT NULL, active INTEGER NOT NULL, concept INTEGER NOT NULL,
                  type INTEGER NOT NULL, term TEXT NOT NULL, norm TEXT NOT NULL, cs INTEGER NOT NULL, tag TEXT);
                CREATE TEMP TABLE stage_lang(description INTEGER NOT NULL, dialect INTEGER NOT NULL, et INTEGER NOT NULL, active INTEGER NOT NULL,
                  preferred INTEGER NOT NULL, PRIMARY KEY (description, dialect));
                CREATE TEMP TABLE stage_rel(id INTEGER PRIMARY KEY, et INTEGER NOT NULL, active INTEGER NOT NULL, source INTEGER NOT NULL, dest INTEGER NOT NULL);
                CREATE TEMP TABLE stage_map(id TEXT PRIMARY KEY, et INTEGER NOT NULL, active INTEGER NOT NULL, refset INTEGER NOT NULL, concept INTEGER NOT NULL,
                  grp INTEGER, prio INTEGER, rule TEXT, advice TEXT, target TEXT NOT NULL);
                """)
            for f in files.concepts { try stageConcepts(f, name(f)) }
            for f in files.descriptions { try stageDescriptions(f, name(f)) }
            for f in files.languages { try stageLanguage(f, name(f)) }
            for f in files.relationships { try stageRelationships(f, name(f)) }
            for f in files.maps { try stageMaps(f, name(f)) }
            try db.execute("CREATE INDEX stage_desc_concept ON stage_desc(concept)")

            // Concepts: display = preferred synonym of the edition's dialect, then the other, then the FSN.
            let first = edition == "AU" ? Dialect.enAU.rawValue : Dialect.enUS.rawValue
            let second = edition == "AU" ? Dialect.enUS.rawValue : Dialect.enAU.rawValue
            try db.cached("""
                INSERT INTO concept(system, code, display, active, category, entity_type)
                SELECT ?1, CAST(sc.id AS TEXT),
                  coalesce(
                    (SELECT d.term FROM stage_desc d JOIN stage_lang l ON l.description = d.id
                      WHERE d.concept = sc.id AND d.active = 1 AND d.type = \(RF2.synonym) AND l.active = 1 AND l.preferred = 1 AND l.dialect = ?2 ORDER BY d.id LIMIT 1),
                    (SELECT d.term FROM stage_desc d JOIN stage_lang l ON l.description = d.id
                      WHERE d.concept = sc.id AND d.active = 1 AND d.type = \(RF2.synonym) AND l.active = 1 AND l.preferred = 1 AND l.dialect = ?3 ORDER BY d.id LIMIT 1),
                    (SELECT d.term FROM stage_desc d WHERE d.concept = sc.id AND d.active = 1 AND d.type = \(RF2.fsn) ORDER BY d.id LIMIT 1),
                    ''),
                  sc.active,
                  (SELECT d.tag FROM stage_desc d WHERE d.concept = sc.id AND d.active = 1 AND d.type = \(RF2.fsn) ORDER BY d.id LIMIT 1),
                  NULL
                FROM stage_concept sc WHERE true ORDER BY sc.id
                ON CONFLICT(system, code) DO UPDATE SET display = excluded.display, active = excluded.active, category = excluded.category
                """).run([.int(system), .int(Int64(first)), .int(Int64(second))])
            // Entity types from semantic tags.
            let tags = ["disorder", "finding", "body structure", "procedure", "regime/therapy", "observable entity"]
            for tag in tags {
                try db.cached("UPDATE concept SET entity_type = ? WHERE system = ? AND category = ?")
                    .run([.text(RF2.entityType(forTag: tag)!), .int(system), .text(tag)])
            }
            // Terms of re-imported concepts are replaced.
            try db.cached("""
                DELETE FROM term WHERE concept IN (SELECT c.id FROM concept c JOIN stage_concept sc ON c.system = ? AND c.code = CAST(sc.id AS TEXT))
                """).run([.int(system)])
            try db.cached("""
                INSERT INTO term(concept, term, norm, type, dialect, case_sensitive, matchable)
                SELECT c.id, d.term, d.norm,
                  CASE WHEN d.type = \(RF2.fsn) THEN \(TermType.fullySpecifiedName.rawValue)
                       WHEN (SELECT max(l.preferred) FROM stage_lang l WHERE l.description = d.id AND l.active = 1) = 1 THEN \(TermType.preferred.rawValue)
                       ELSE \(TermType.synonym.rawValue) END,
                  coalesce(nullif((SELECT sum(l.dialect) FROM stage_lang l WHERE l.description = d.id AND l.active = 1), 0), 3),
                  d.cs,
                  d.type != \(RF2.fsn) AND d.norm != ''
                FROM stage_desc d JOIN concept c ON c.system = ?1 AND c.code = CAST(d.concept AS TEXT)
                WHERE d.active = 1
                ORDER BY d.concept, d.id
                """).run([.int(system)])
            // is-a
            try db.cached("""
                INSERT OR IGNORE INTO is_a(child, parent)
                SELECT c.id, p.id FROM stage_rel r
                JOIN concept c ON c.system = ?1 AND c.code = CAST(r.source AS TEXT)
                JOIN concept p ON p.system = ?1 AND p.code = CAST(r.dest AS TEXT)
                WHERE r.active = 1 ORDER BY r.id
                """).run([.int(system)])
            // Maps
            for (refset, target) in RF2.mapRefsets.sorted(by: { $0.key < $1.key }) {
                let targetID = try systemID(target)
                try db.cached("DELETE FROM concept_map WHERE provenance = ? AND source IN (SELECT c.id FROM concept c JOIN stage_map m ON c.system = ? AND c.code = CAST(m.concept AS TEXT))")
                    .run([.text("SNOMED CT map refset \(refset)"), .int(system)])
                try db.cached("""
                    INSERT INTO concept_map(source, target_system, target_code, relation, map_group, map_priority, map_rule, map_advice, provenance)
                    SELECT c.id, ?2, m.target, 'maps-to', m.grp, m.prio, m.rule, m.advice, ?3
                    FROM stage_map m JOIN concept c ON c.system = ?1 AND c.code = CAST(m.concept AS TEXT)
                    WHERE m.active = 1 AND m.refset = ?4 AND m.target != ''
                    ORDER BY m.concept, m.grp, m.prio, m.id
                    """).run([.int(system), .int(targetID), .text("SNOMED CT map refset \(refset)"), .int(refset)])
            }
            try db.execute("DROP TABLE stage_concept; DROP TABLE stage_desc; DROP TABLE stage_lang; DROP TABLE stage_rel; DROP TABLE stage_map;")
            try setSystemVersion(.snomedCT, edition: edition, version: version, licence: "SNOMED CT: use requires a licence (SNOMED International Affiliate licence or a Member's national licence)")
        }
    }

    struct RF2Files {
        var concepts: [URL] = [], descriptions: [URL] = [], languages: [URL] = [], relationships: [URL] = [], maps: [URL] = []
    }

    static func rf2Files(in directory: URL) throws(TerminologyError) -> RF2Files {
        guard let e = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            throw TerminologyError(.unreadableSource, "cannot read the RF2 folder; check the path", file: directory.path)
        }
        var all: [URL] = []
        for case let u as URL in e where u.pathExtension == "txt" { all.append(u) }
        all.sort { $0.path < $1.path }
        var f = RF2Files()
        for u in all {
            let n = u.lastPathComponent
            if n.hasPrefix("sct2_Concept_Snapshot") { f.concepts.append(u) }
            else if n.hasPrefix("sct2_Description_Snapshot") { f.descriptions.append(u) }
            else if n.hasPrefix("der2_cRefset_LanguageSnapshot") { f.languages.append(u) }
            else if n.hasPrefix("sct2_Relationship_Snapshot") { f.relationships.append(u) }
            else if n.hasPrefix("der2_iisssciRefset_ExtendedMapSnapshot") || n.hasPrefix("der2_iisssccRefset_ExtendedMapSnapshot") { f.maps.append(u) }
        }
        return f
    }

    /// Edition from RF2 file names: `_AU1000036_` -> AU, `_US1000124_` -> US, `_INT_` -> International.
    static func rf2Edition(_ names: [String]) -> String {
        if names.contains(where: { $0.contains("_AU1000036_") }) { return "AU" }
        if names.contains(where: { $0.contains("_US1000124_") }) { return "US" }
        if names.contains(where: { $0.contains("_INT_") }) { return "International" }
        return "unknown"
    }

    /// The release date (YYYYMMDD) at the end of an RF2 file name.
    static func rf2Date(_ name: String) -> String? {
        let stem = name.hasSuffix(".txt") ? String(name.dropLast(4)) : name
        guard let last = stem.split(separator: "_").last, last.count == 8, last.allSatisfy(\.isNumber) else { return nil }
        return String(last)
    }

    private func openRF2(_ url: URL, _ name: String, header: [String]) throws(TerminologyError) -> HashingLineReader {
        let r = try HashingLineReader(path: url.path, displayName: name)
        guard let h = r.next() else { throw r.malformed("the file is empty; an RF2 file starts with its header row") }
        guard splitFields(h, "\t").map(String.init) == header else {
            throw r.malformed("unexpected header; expected the RF2 columns \(header.joined(separator: ", "))")
        }
        return r
    }

    private func rf2Row(_ r: HashingLineReader, _ line: String, count: Int) throws(TerminologyError) -> [Substring] {
        let f = splitFields(line, "\t")
        guard f.count == count else { throw r.malformed("expected \(count) tab-separated fields, found \(f.count)") }
        guard f[1].count == 8, f[1].allSatisfy(\.isNumber) else { throw r.malformed("effectiveTime must be YYYYMMDD") }
        guard f[2] == "0" || f[2] == "1" else { throw r.malformed("active must be 0 or 1") }
        return f
    }

    private func sctid(_ r: HashingLineReader, _ s: Substring, _ column: String) throws(TerminologyError) -> Int64 {
        guard let v = Int64(s), v > 0 else { throw r.malformed("\(column) is not a SNOMED CT identifier") }
        return v
    }

    private func finishFile(_ r: HashingLineReader, kind: String, rows: Int, version: String?) throws(TerminologyError) {
        try recordSource(kind: kind, name: r.displayName, version: version, sha256: r.finishHash(), rows: rows)
        progress.done(r.displayName, rows)
    }

    private func stageConcepts(_ url: URL, _ name: String) throws(TerminologyError) {
        let r = try openRF2(url, name, header: RF2.conceptHeader)
        let stmt = try db.cached("""
            INSERT INTO stage_concept(id, et, active) VALUES (?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET et = excluded.et, active = excluded.active WHERE excluded.et >= stage_concept.et
            """)
        var rows = 0
        while let line = r.next() {
            if line.isEmpty { continue }
            let f = try rf2Row(r, line, count: 5)
            try stmt.run([.int(try sctid(r, f[0], "id")), .int(Int64(f[1])!), .int(f[2] == "1" ? 1 : 0)])
            rows += 1
            progress.rows(name, rows)
        }
        try finishFile(r, kind: "snomed-rf2-concept", rows: rows, version: Self.rf2Date(url.lastPathComponent))
    }

    private func stageDescriptions(_ url: URL, _ name: String) throws(TerminologyError) {
        let r = try openRF2(url, name, header: RF2.descriptionHeader)
        let stmt = try db.cached("""
            INSERT INTO stage_desc(id, et, active, concept, type, term, norm, cs, tag) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET et = excluded.et, active = excluded.active, concept = excluded.concept, type = excluded.type,
              term = excluded.term, norm = excluded.norm, cs = excluded.cs, tag = excluded.tag WHERE excluded.et >= stage_desc.et
            """)
        var rows = 0
        while let line = r.next() {
            if line.isEmpty { continue }
            let f = try rf2Row(r, line, count: 9)
            let type = try sctid(r, f[6], "typeId")
            let term = String(f[7])
            guard !term.isEmpty else { throw r.malformed("the term is empty") }
            var tag: String? = nil
            var text = term
            if type == RF2.fsn, term.hasSuffix(")"), let open = term.lastIndex(of: "(") {
                tag = String(term[term.index(after: open)..<term.index(before: term.endIndex)])
                text = term[..<open].trimmingCharacters(in: .whitespaces)
            }
            let norm = normalizer.normalizedTerm(text)
            try stmt.run([
                .int(try sctid(r, f[0], "id")), .int(Int64(f[1])!), .int(f[2] == "1" ? 1 : 0), .int(try sctid(r, f[4], "conceptId")),
                .int(type), .text(term), .text(norm), SQLiteValue(Int64(f[8]) == RF2.entireTermCaseSensitive), SQLiteValue(tag),
            ])
            rows += 1
            progress.rows(name, rows)
        }
        try finishFile(r, kind: "snomed-rf2-description", rows: rows, version: Self.rf2Date(url.lastPathComponent))
    }

    private func stageLanguage(_ url: URL, _ name: String) throws(TerminologyError) {
        let r = try openRF2(url, name, header: RF2.languageHeader)
        let stmt = try db.cached("""
            INSERT INTO stage_lang(description, dialect, et, active, preferred) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(description, dialect) DO UPDATE SET et = excluded.et, active = excluded.active, preferred = excluded.preferred
              WHERE excluded.et >= stage_lang.et
            """)
        var rows = 0
        while let line = r.next() {
            if line.isEmpty { continue }
            let f = try rf2Row(r, line, count: 7)
            rows += 1
            progress.rows(name, rows)
            guard let dialect = RF2.languageRefsets[try sctid(r, f[4], "refsetId")] else { continue }
            try stmt.run([
                .int(try sctid(r, f[5], "referencedComponentId")), .int(Int64(dialect.rawValue)), .int(Int64(f[1])!),
                .int(f[2] == "1" ? 1 : 0), SQLiteValue(try sctid(r, f[6], "acceptabilityId") == RF2.preferred),
            ])
        }
        try finishFile(r, kind: "snomed-rf2-language", rows: rows, version: Self.rf2Date(url.lastPathComponent))
    }

    private func stageRelationships(_ url: URL, _ name: String) throws(TerminologyError) {
        let r = try openRF2(url, name, header: RF2.relationshipHeader)
        let stmt = try db.cached("""
            INSERT INTO stage_rel(id, et, active, source, dest) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET et = excluded.et, active = excluded.active, source = excluded.source, dest = excluded.dest
              WHERE excluded.et >= stage_rel.et
            """)
        var rows = 0
        while let line = r.next() {
            if line.isEmpty { continue }
            let f = try rf2Row(r, line, count: 10)
            rows += 1
            progress.rows(name, rows)
            guard try sctid(r, f[7], "typeId") == RF2.isA else { continue }
            try stmt.run([.int(try sctid(r, f[0], "id")), .int(Int64(f[1])!), .int(f[2] == "1" ? 1 : 0), .int(try sctid(r, f[4], "sourceId")), .int(try sctid(r, f[5], "destinationId"))])
        }
        try finishFile(r, kind: "snomed-rf2-relationship", rows: rows, version: Self.rf2Date(url.lastPathComponent))
    }

    private func stageMaps(_ url: URL, _ name: String) throws(TerminologyError) {
        let r = try openRF2(url, name, header: RF2.extendedMapHeader)
        let stmt = try db.cached("""
            INSERT INTO stage_map(id, et, active, refset, concept, grp, prio, rule, advice, target) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET et = excluded.et, active = excluded.active, refset = excluded.refset, concept = excluded.concept, grp = excluded.grp,
              prio = excluded.prio, rule = excluded.rule, advice = excluded.advice, target = excluded.target WHERE excluded.et >= stage_map.et
            """)
        var rows = 0
        while let line = r.next() {
            if line.isEmpty { continue }
            let f = try rf2Row(r, line, count: 13)
            rows += 1
            progress.rows(name, rows)
            let refset = try sctid(r, f[4], "refsetId")
            guard RF2.mapRefsets[refset] != nil else { continue }
            guard let group = Int(f[6]), let priority = Int(f[7]) else { throw r.malformed("mapGroup and mapPriority must be integers") }
            try stmt.run([
                .text(String(f[0])), .int(Int64(f[1])!), .int(f[2] == "1" ? 1 : 0), .int(refset), .int(try sctid(r, f[5], "referencedComponentId")),
                .int(Int64(group)), .int(Int64(priority)), .text(String(f[8])), .text(String(f[9])), .text(String(f[10])),
            ])
        }
        try finishFile(r, kind: "snomed-rf2-extended-map", rows: rows, version: Self.rf2Date(url.lastPathComponent))
    }
}
