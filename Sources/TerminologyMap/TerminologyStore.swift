public import Foundation
public import MedTextCore

/// A read-only terminology database: matchable terms for the recognizer, concept details,
/// ranked code candidates and version information.
///
/// Thread safety: this is the module's one audited `@unchecked Sendable`. A SQLite connection
/// and its cached prepared statements must not be used by two threads at once, so every access
/// goes through `withDatabase`, which gives the caller exclusive use of one connection: the
/// main connection while it holds `lock`, or, when another thread holds it, a spare connection
/// checked out of `spare` (guarded by `poolLock`; opened on demand, at most one per core) and
/// returned afterwards. Concurrent annotators therefore look concepts up in parallel instead of
/// queueing on one lock. Every connection is read-only (`SQLITE_OPEN_READONLY`, `query_only`);
/// the only other mutable state is the memo of ranked ICD-10-CM candidates (`rankedICD`) and
/// of ICD-10-CM title words (`icdTitleWords`), guarded by `memoLock`, pure functions of the
/// read-only database and the query or code.
public final class TerminologyStore: @unchecked Sendable {
    public let url: URL
    let normalizer: any TextNormalizing
    let lock = NSLock()
    private let database: SQLiteDatabase
    private let poolLock = NSLock()
    /// Idle spare connections (guarded by `poolLock`).
    private var spare: [SQLiteDatabase] = []
    /// Spare connections opened so far (guarded by `poolLock`).
    private var spareOpened = 0
    /// At most this many spare connections: one per core beyond the first, at most 15.
    static let maxSpare = min(15, max(0, ProcessInfo.processInfo.activeProcessorCount - 1))
    private let memoLock = NSLock()
    /// Ranked ICD-10-CM candidates by query (guarded by `memoLock`): the same mention with the
    /// same qualifiers recurs within a note ("HTN" in the history and the plan) and across the
    /// notes of a batch (about 2.4 mentions per distinct query on the gold corpus), and ranking
    /// one costs several FTS5 and hierarchy queries.
    private var rankedICD: [MentionQuery: [ConceptCode]] = [:]
    /// Memo entries kept at most; the memo is emptied when it is full (bounded memory).
    static let maxRankedICD = 16_384
    /// Title words of ICD-10-CM codes by code (guarded by `memoLock`; nil: no such code): every
    /// ranking reads the titles of hundreds of candidate codes, and the same codes (a category's
    /// descendants, FTS5 hits of common words) come back for most mentions.
    private var icdTitleWords: [String: ICDTitleWords?] = [:]
    /// Title-word entries kept at most (about a fifth of ICD-10-CM); emptied when full.
    static let maxICDTitleWords = 20_000

    /// Opens `url` read-only and checks that it is a medtext terminology database of this schema.
    public init(url: URL, normalizer: any TextNormalizing) throws(TerminologyError) {
        self.url = url
        self.normalizer = normalizer
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw TerminologyError(.openFailed, "no terminology database at this path; build one with `medtext terminology build` or `medtext terminology import`", file: url.path)
        }
        database = try Self.open(url)
    }

    /// A read-only connection to a checked database.
    static func open(_ url: URL) throws(TerminologyError) -> SQLiteDatabase {
        let db = try SQLiteDatabase(path: url.path, readOnly: true)
        try checkSchema(db)
        try db.execute("PRAGMA cache_size = -65536; PRAGMA query_only = 1;")
        return db
    }

    @discardableResult
    static func checkSchema(_ db: SQLiteDatabase) throws(TerminologyError) -> Int {
        let app = (try? db.scalarInt("PRAGMA application_id")) ?? 0
        let version = (try? db.scalarInt("PRAGMA user_version")) ?? 0
        guard Int32(truncatingIfNeeded: app) == Schema.applicationID else {
            throw TerminologyError(.incompatibleSchema, "this file is not a medtext terminology database; pass a database built by `medtext terminology build` or `import`", file: db.path)
        }
        guard version == Int64(Schema.version) else {
            throw TerminologyError(.incompatibleSchema, "the database has schema version \(version) but this medtext reads version \(Schema.version); rebuild it with this medtext", file: db.path)
        }
        return Int(version)
    }

    /// Runs `body` with exclusive use of a connection: the main one when it is free, else a
    /// spare one (opened on first need), else (all spares busy, or one cannot be opened) the main
    /// one after waiting for it.
    func withDatabase<T>(_ body: (SQLiteDatabase) throws(TerminologyError) -> T) throws(TerminologyError) -> T {
        if !lock.try() {
            if let db = checkOutSpare() {
                defer { checkIn(db) }
                return try body(db)
            }
            lock.lock()
        }
        defer { lock.unlock() }
        return try body(database)
    }

    private func checkOutSpare() -> SQLiteDatabase? {
        poolLock.lock()
        defer { poolLock.unlock() }
        if let db = spare.popLast() { return db }
        guard spareOpened < Self.maxSpare, let db = try? Self.open(url) else { return nil }
        spareOpened += 1
        return db
    }

    /// The memoized ranking for `query`, if any.
    func memoizedICD(_ query: MentionQuery) -> [ConceptCode]? {
        memoLock.lock()
        defer { memoLock.unlock() }
        return rankedICD[query]
    }

    /// Remembers the ranking for `query`.
    func memoizeICD(_ query: MentionQuery, _ codes: [ConceptCode]) {
        memoLock.lock()
        defer { memoLock.unlock() }
        if rankedICD.count >= Self.maxRankedICD { rankedICD.removeAll(keepingCapacity: true) }
        rankedICD[query] = codes
    }

    /// The memoized title words of `code`: `.some(nil)` when the code is known to be absent.
    func memoizedTitleWords(_ code: String) -> ICDTitleWords?? {
        memoLock.lock()
        defer { memoLock.unlock() }
        return icdTitleWords[code]
    }

    /// Remembers the title words of `code` (nil: no such code).
    func memoizeTitleWords(_ code: String, _ words: ICDTitleWords?) {
        memoLock.lock()
        defer { memoLock.unlock() }
        if icdTitleWords.count >= Self.maxICDTitleWords { icdTitleWords.removeAll(keepingCapacity: true) }
        icdTitleWords[code] = .some(words)
    }

    private func checkIn(_ db: SQLiteDatabase) {
        poolLock.lock()
        spare.append(db)
        poolLock.unlock()
    }
}

// MARK: - Matchable terms

/// One term the recognizer may match, as loaded for building the compiled matcher.
public struct MatchableTerm: Sendable, Hashable {
    /// The concept row id (`ConceptDetails.id`), stable within one database file.
    public var conceptID: Int64
    /// The term's normalized form (the injected normalizer's `normalizedTerm`).
    public var normalized: String
    /// The original term; only loaded for case-sensitive terms (nil otherwise, to save memory).
    public var original: String?
    public var entityType: EntityType
    public var termType: TermType
    public var dialect: Dialect
    public var caseSensitive: Bool
    /// Source rank for tie-breaks between concepts sharing a term: 0 curated lexicon,
    /// 1 extracted lexicon source (data/sources), 2 imported terminology (SNOMED CT, RxNorm, FHIR).
    public var priority: Int
    /// The concept's code (a lexicon id such as `cond:hypertension`, or a SNOMED CT id): for explanations.
    public var code: String
    /// Lexicon entries: the `class=`/`kind=` attribute (DIAGNOSIS, SIGN, SYMPTOM, ingredient...).
    public var lexiconClass: String?
    /// Abbreviation senses: the words near the abbreviation that select this sense.
    public var cues: [String]
    /// Abbreviation senses: whether this is the sense used when no cue is present
    /// (true for every term that is not an abbreviation sense).
    public var isDefaultSense: Bool
    /// Abbreviation senses: the expansion ("pulmonary embolism").
    public var expansion: String?

    /// Whether the term is an abbreviation or acronym.
    public var isAbbreviation: Bool { termType == .abbreviation || expansion != nil }
}

extension TerminologyStore {
    /// Streams every matchable term (active concepts with an entity type) to `body`, in one
    /// query, ordered by term row id (deterministic).
    ///
    /// - Complexity: O(terms); memory is O(1) beyond what `body` keeps.
    public func forEachMatchableTerm(_ body: (MatchableTerm) throws -> Void) throws {
        lock.lock()
        defer { lock.unlock() }
        let stmt = try database.cached("""
            SELECT t.concept, t.norm, CASE WHEN t.case_sensitive THEN t.term END, c.entity_type, t.type, t.dialect, t.case_sensitive,
                   coalesce(l.priority, 2), c.code, l.class, a.cues, coalesce(a.is_default, 1), a.expansion
            FROM term t JOIN concept c ON c.id = t.concept LEFT JOIN lexicon_entry l ON l.concept = t.concept
            LEFT JOIN abbreviation_sense a ON a.term = t.id
            WHERE t.matchable = 1 AND c.active = 1 AND c.entity_type IS NOT NULL
            ORDER BY t.id
            """)
        defer { stmt.reset() }
        // Entity types repeat: intern them so each row does not allocate a new String.
        var types: [String: EntityType] = [:]
        while try stmt.step() {
            let raw = stmt.text(3)
            let type: EntityType
            if let t = types[raw] { type = t } else { type = EntityType(raw); types[raw] = type }
            try body(MatchableTerm(
                conceptID: stmt.int64(0), normalized: stmt.text(1), original: stmt.optionalText(2),
                entityType: type, termType: TermType(rawValue: stmt.int(4)) ?? .synonym,
                dialect: Dialect(rawValue: stmt.int(5)), caseSensitive: stmt.int(6) != 0, priority: stmt.int(7),
                code: stmt.text(8), lexiconClass: stmt.optionalText(9),
                cues: stmt.isNull(10) ? [] : stmt.text(10).split(separator: "|").map(String.init),
                isDefaultSense: stmt.int(11) != 0, expansion: stmt.optionalText(12)))
        }
    }

    /// All matchable terms in one array (see `forEachMatchableTerm`).
    public func matchableTerms() throws(TerminologyError) -> [MatchableTerm] {
        var out: [MatchableTerm] = []
        out.reserveCapacity(try withDatabase { db throws(TerminologyError) in Int(try db.scalarInt("SELECT count(*) FROM term WHERE matchable = 1") ?? 0) })
        do { try forEachMatchableTerm { out.append($0) } } catch let e as TerminologyError { throw e } catch { fatalError("unreachable: \(error)") }
        return out
    }
}
