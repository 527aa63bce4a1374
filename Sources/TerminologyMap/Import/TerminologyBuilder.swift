#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import Foundation
public import MedTextCore

/// Options for building or extending a terminology database.
public struct BuildOptions: Sendable {
    /// Progress lines on stderr: nil = only when stderr is a terminal.
    public var progress: Bool?
    /// Recorded as `metadata.built_at`. nil = now, unless `deterministic` (then omitted,
    /// or `SOURCE_DATE_EPOCH` when set), so that the same input gives a byte-identical file.
    public var buildTime: Date?
    /// Omit the wall-clock build time (see `buildTime`).
    public var deterministic: Bool
    /// The medtext version recorded in the metadata.
    public var medtextVersion: String

    public init(progress: Bool? = nil, buildTime: Date? = nil, deterministic: Bool = false, medtextVersion: String = "unknown") {
        self.progress = progress
        self.buildTime = buildTime
        self.deterministic = deterministic
        self.medtextVersion = medtextVersion
    }
}

/// Builds or extends a terminology database.
///
/// Everything is written into a temporary file beside the target (a copy of the target when
/// extending one). Each importer runs in one transaction; `finish()` closes the file and
/// atomically renames it over the target. If an import throws, or `finish()` is never called,
/// the temporary file is removed and the target is untouched.
///
/// Not `Sendable`: one builder is used by one thread.
public final class TerminologyBuilder {
    public let target: URL
    let tempPath: String
    var db: SQLiteDatabase!
    let normalizer: any TextNormalizing
    let options: BuildOptions
    var progress: ImportProgress
    private var finished = false
    private var systemIDs: [String: Int64] = [:]
    /// Lexicon ids defined during this build, with the file that defined them.
    var lexiconIDsThisBuild: [String: String] = [:]

    /// Opens a builder for `target`. With `extendExisting` and an existing target, the new
    /// content is added to a copy of it; otherwise the database starts empty.
    public init(target: URL, normalizer: any TextNormalizing, extendExisting: Bool = true, options: BuildOptions = BuildOptions()) throws(TerminologyError) {
        self.target = target
        self.normalizer = normalizer
        self.options = options
        self.progress = ImportProgress(enabled: options.progress)
        let dir = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw TerminologyError(.replaceFailed, "cannot create the output directory; check permissions", file: dir.path)
        }
        self.tempPath = dir.appendingPathComponent(".\(target.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        let fm = FileManager.default
        let extending = extendExisting && fm.fileExists(atPath: target.path)
        if extending {
            // Check the schema before copying so a foreign file is refused, not damaged.
            _ = try TerminologyStore.checkSchema(SQLiteDatabase(path: target.path, readOnly: true))
            do { try fm.copyItem(atPath: target.path, toPath: tempPath) } catch {
                throw TerminologyError(.replaceFailed, "cannot copy the existing database to a temporary file; check free space and permissions", file: target.path)
            }
        }
        do {
            db = try SQLiteDatabase(path: tempPath, readOnly: false)
            try db.execute("PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = FILE; PRAGMA foreign_keys = OFF;")
            if !extending { try db.execute(Schema.create) }
            try loadSystems()
        } catch {
            db = nil
            unlink(tempPath)
            throw error
        }
    }

    deinit {
        if !finished {
            db = nil
            unlink(tempPath)
        }
    }

    private func loadSystems() throws(TerminologyError) {
        let stmt = try db.prepare("SELECT id, uri FROM code_system")
        while try stmt.step() { systemIDs[stmt.text(1)] = stmt.int64(0) }
    }

    /// The row id of a code system, creating it (with a short name) on first use.
    func systemID(_ system: CodeSystem) throws(TerminologyError) -> Int64 {
        if let id = systemIDs[system.uri] { return id }
        let stmt = try db.cached("INSERT INTO code_system(uri, name) VALUES (?, ?) RETURNING id")
        try stmt.bind([.text(system.uri), .text(CodeSystemNames.name(of: system))])
        _ = try stmt.step()
        let id = stmt.int64(0)
        stmt.reset()
        systemIDs[system.uri] = id
        return id
    }

    func setSystemVersion(_ system: CodeSystem, edition: String?, version: String?, licence: String?) throws(TerminologyError) {
        let id = try systemID(system)
        try db.cached("UPDATE code_system SET edition = coalesce(?, edition), version = coalesce(?, version), licence = coalesce(?, licence) WHERE id = ?")
            .run([SQLiteValue(edition), SQLiteValue(version), SQLiteValue(licence), .int(id)])
    }

    func recordSource(kind: String, name: String, version: String?, sha256: String, rows: Int) throws(TerminologyError) {
        try db.cached("INSERT INTO build_source(kind, name, version, sha256, rows) VALUES (?, ?, ?, ?, ?)")
            .run([.text(kind), .text(name), SQLiteValue(version), .text(sha256), .int(Int64(rows))])
    }

    /// Inserts or updates a concept and returns its row id.
    @discardableResult
    func upsertConcept(system: Int64, code: String, display: String, active: Bool = true, category: String? = nil, entityType: String? = nil, billable: Bool? = nil) throws(TerminologyError) -> Int64 {
        let stmt = try db.cached("""
            INSERT INTO concept(system, code, display, active, category, entity_type, billable) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(system, code) DO UPDATE SET display = excluded.display, active = excluded.active,
              category = coalesce(excluded.category, category), entity_type = coalesce(excluded.entity_type, entity_type),
              billable = coalesce(excluded.billable, billable)
            RETURNING id
            """)
        try stmt.bind([.int(system), .text(code), .text(display), SQLiteValue(active), SQLiteValue(category), SQLiteValue(entityType), billable.map { SQLiteValue($0) } ?? .null])
        _ = try stmt.step()
        let id = stmt.int64(0)
        stmt.reset()
        return id
    }

    @discardableResult
    func insertTerm(concept: Int64, term: String, type: TermType, dialect: Dialect = .both, caseSensitive: Bool = false, matchable: Bool = true, norm: String? = nil) throws(TerminologyError) -> Int64 {
        let n = norm ?? normalizer.normalizedTerm(term)
        try db.cached("INSERT INTO term(concept, term, norm, type, dialect, case_sensitive, matchable) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .run([.int(concept), .text(term), .text(n), .int(Int64(type.rawValue)), .int(Int64(dialect.rawValue)), SQLiteValue(caseSensitive), SQLiteValue(matchable)])
        return db.lastInsertRowID
    }

    func insertMap(source: Int64, targetSystem: Int64, targetCode: String, relation: String, group: Int? = nil, priority: Int? = nil, rule: String? = nil, advice: String? = nil, provenance: String) throws(TerminologyError) {
        try db.cached("INSERT INTO concept_map(source, target_system, target_code, relation, map_group, map_priority, map_rule, map_advice, provenance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .run([.int(source), .int(targetSystem), .text(targetCode), .text(relation), SQLiteValue(group), SQLiteValue(priority), SQLiteValue(rule), SQLiteValue(advice), .text(provenance)])
    }

    func setMetadata(_ key: String, _ value: String) throws(TerminologyError) {
        try db.cached("INSERT INTO metadata(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
            .run([.text(key), .text(value)])
    }

    /// Runs one importer in a transaction.
    func inTransaction(_ body: () throws(TerminologyError) -> Void) throws(TerminologyError) {
        try db.transaction(body)
    }

    /// Writes the metadata, closes the temporary file and atomically replaces the target.
    /// - Returns: the target URL.
    @discardableResult
    public func finish() throws(TerminologyError) -> URL {
        precondition(!finished, "finish() called twice")
        try db.transaction { () throws(TerminologyError) in
            try setMetadata("schema_version", String(Schema.version))
            try setMetadata("medtext_version", options.medtextVersion)
            try setMetadata("normalizer_fingerprint", normalizerFingerprint(normalizer))
            if let time = resolvedBuildTime() { try setMetadata("built_at", time) }
        }
        try db.execute("ANALYZE")
        db = nil  // closes the connection
        // Flush the file before the rename so a crash cannot leave a renamed, empty file.
        let fd = open(tempPath, O_RDONLY)
        if fd >= 0 { fsync(fd); close(fd) }
        guard rename(tempPath, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(tempPath)
            finished = true
            throw TerminologyError(.replaceFailed, "cannot move the new database into place (\(reason)); the previous file is unchanged", file: target.path)
        }
        finished = true
        return target
    }

    private func resolvedBuildTime() -> String? {
        let formatter = ISO8601DateFormatter()
        if let t = options.buildTime { return formatter.string(from: t) }
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let s = TimeInterval(epoch) {
            return formatter.string(from: Date(timeIntervalSince1970: s))
        }
        return options.deterministic ? nil : formatter.string(from: Date())
    }
}

/// A fingerprint of a normalizer's behaviour: the SHA-256 of its output on fixed probe terms.
/// Stored in the database and part of the default database's cache key, so a changed
/// normalizer triggers a rebuild.
public func normalizerFingerprint(_ normalizer: any TextNormalizing) -> String {
    let probes = [
        "Type 2 Diabetes Mellitus", "Crohn's disease", "NON-SMALL-CELL lung cancer", "Anaemia", "Œdème",
        "İstanbul", "Sjögren syndrome", "q4h", "HbA1c", "non‑small cell", "co-amoxiclav 500/125", "ＡＢＣ", "straße",
        "acute-on-chronic", "T2DM", "1-0-1", "N/V/D", "Parkinson’s", "beta-blocker", "eGFR",
    ]
    var h = SHA256()
    for p in probes { h.update(normalizer.normalizedTerm(p)); h.update([0]) }
    return h.finalize().hex
}

/// Short names of code systems, as used in lexicon `codes` columns and in `code_system.name`.
public enum CodeSystemNames {
    static let table: [(String, CodeSystem)] = [
        ("SNOMED", .snomedCT), ("ICD10CM", .icd10CM), ("RXNORM", .rxNorm), ("UNII", .unii), ("LOINC", .loinc),
        ("DRUGBANK", .drugBank), ("HPO", .hpo), ("UCUM", .ucum), ("MEDTEXT", .medtext),
        ("HL7ROUTE", .hl7RouteOfAdministration), ("HL7FORM", .hl7OrderableDrugForm), ("HL7TIMING", .hl7TimingAbbreviation),
        ("ICD10", CodeSystem(uri: "http://hl7.org/fhir/sid/icd-10")),
    ]

    /// The system for a short name (`SNOMED`, `ICD10CM`, ...), case-insensitive.
    public static func system(named name: String) -> CodeSystem? {
        let upper = name.uppercased()
        return table.first { $0.0 == upper }?.1
    }

    /// The short name of a system, or its URI when it has none.
    public static func name(of system: CodeSystem) -> String {
        table.first { $0.1 == system }?.0 ?? system.uri
    }
}
