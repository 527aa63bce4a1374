import CSQLite
import Foundation

/// SQLITE_TRANSIENT: SQLite copies bound text/blobs before `bind` returns.
let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// One SQLite connection over the C API.
///
/// Not `Sendable`: a connection is used by one thread at a time. Importers own theirs;
/// `TerminologyStore` guards its read-only connection with a lock (the module's one
/// audited `@unchecked Sendable`). Errors carry the result code and the SQL text with
/// `?` placeholders, never bound values (which may be term text).
final class SQLiteDatabase {
    let handle: OpaquePointer
    let path: String
    let readOnly: Bool
    private var statementCache: [String: SQLiteStatement] = [:]

    /// Opens `path`. Read-only connections never create the file.
    init(path: String, readOnly: Bool) throws(TerminologyError) {
        var db: OpaquePointer?
        let flags = readOnly
            ? (SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX)
            : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX)
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let msg = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let db { sqlite3_close_v2(db) }
            throw TerminologyError(
                .openFailed,
                "cannot open the terminology database (\(msg)); check that the file exists and is readable, or rebuild it with `medtext terminology build`",
                file: path, sqliteCode: rc)
        }
        self.handle = db
        self.path = path
        self.readOnly = readOnly
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, 5000)
    }

    deinit {
        for stmt in statementCache.values { stmt.finalize() }
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    func error(_ rc: Int32, sql: String?) -> TerminologyError {
        let msg = String(cString: sqlite3_errmsg(handle))
        return TerminologyError(
            .sqlite,
            "SQLite error: \(msg); if the database is damaged or from another medtext version, rebuild it",
            file: path, sqliteCode: rc, sql: sql)
    }

    /// Runs one or more statements without arguments (schema, pragmas, bulk SQL).
    func execute(_ sql: String) throws(TerminologyError) {
        let rc = sqlite3_exec(handle, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw error(rc, sql: sql) }
    }

    /// A new, uncached prepared statement.
    func prepare(_ sql: String) throws(TerminologyError) -> SQLiteStatement {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw error(rc, sql: sql) }
        return SQLiteStatement(handle: stmt, sql: sql, database: self)
    }

    /// A prepared statement from this connection's cache (prepared on first use), reset and
    /// with its bindings cleared. Use for hot queries.
    func cached(_ sql: String) throws(TerminologyError) -> SQLiteStatement {
        if let stmt = statementCache[sql] {
            stmt.reset()
            return stmt
        }
        let stmt = try prepare(sql)
        statementCache[sql] = stmt
        return stmt
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`, rolling back on error.
    func transaction<T>(_ body: () throws(TerminologyError) -> T) throws(TerminologyError) -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            _ = sqlite3_exec(handle, "ROLLBACK", nil, nil, nil)
            throw error
        }
    }

    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    var changes: Int { Int(sqlite3_changes(handle)) }

    /// The single integer result of a query (or nil for no row / NULL).
    func scalarInt(_ sql: String, _ args: [SQLiteValue] = []) throws(TerminologyError) -> Int64? {
        let stmt = try cached(sql)
        try stmt.bind(args)
        guard try stmt.step() else { return nil }
        return stmt.isNull(0) ? nil : stmt.int64(0)
    }

    /// The single text result of a query (or nil for no row / NULL).
    func scalarText(_ sql: String, _ args: [SQLiteValue] = []) throws(TerminologyError) -> String? {
        let stmt = try cached(sql)
        try stmt.bind(args)
        guard try stmt.step() else { return nil }
        return stmt.isNull(0) ? nil : stmt.text(0)
    }

    /// Registers a deterministic one-argument SQL function implemented in Swift.
    func registerFunction(_ name: String, _ body: @escaping (String) -> String) throws(TerminologyError) {
        final class Box { let f: (String) -> String; init(_ f: @escaping (String) -> String) { self.f = f } }
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        let rc = sqlite3_create_function_v2(
            handle, name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, box,
            { ctx, _, argv in
                guard let ctx, let argv, let arg = argv[0] else { return }
                let box = Unmanaged<Box>.fromOpaque(sqlite3_user_data(ctx)).takeUnretainedValue()
                guard let p = sqlite3_value_text(arg) else { sqlite3_result_null(ctx); return }
                let n = Int(sqlite3_value_bytes(arg))
                let s = String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
                sqlite3_result_text(ctx, box.f(s), -1, sqliteTransient)
            },
            nil, nil,
            { p in if let p { Unmanaged<AnyObject>.fromOpaque(p).release() } })
        guard rc == SQLITE_OK else { throw error(rc, sql: "create function \(name)") }
    }
}

/// A value bound to a statement parameter.
enum SQLiteValue: Sendable {
    case null
    case int(Int64)
    case double(Double)
    case text(String)

    init(_ s: String?) { self = s.map(SQLiteValue.text) ?? .null }
    init(_ i: Int?) { self = i.map { .int(Int64($0)) } ?? .null }
    init(_ i: Int64?) { self = i.map { .int($0) } ?? .null }
    init(_ b: Bool) { self = .int(b ? 1 : 0) }
}

/// A prepared statement of a `SQLiteDatabase`.
final class SQLiteStatement {
    let handle: OpaquePointer
    let sql: String
    unowned let database: SQLiteDatabase
    private var finalized = false

    init(handle: OpaquePointer, sql: String, database: SQLiteDatabase) {
        self.handle = handle
        self.sql = sql
        self.database = database
    }

    deinit { finalize() }

    func finalize() {
        if !finalized { sqlite3_finalize(handle); finalized = true }
    }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func bind(_ values: [SQLiteValue]) throws(TerminologyError) {
        sqlite3_reset(handle)
        for (i, v) in values.enumerated() {
            let idx = Int32(i + 1)
            let rc: Int32
            switch v {
            case .null: rc = sqlite3_bind_null(handle, idx)
            case .int(let x): rc = sqlite3_bind_int64(handle, idx, x)
            case .double(let x): rc = sqlite3_bind_double(handle, idx, x)
            case .text(let s): rc = sqlite3_bind_text(handle, idx, s, -1, sqliteTransient)
            }
            guard rc == SQLITE_OK else { throw database.error(rc, sql: sql) }
        }
    }

    /// Steps once: true when a row is available, false when done.
    func step() throws(TerminologyError) -> Bool {
        let rc = sqlite3_step(handle)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        let err = database.error(rc, sql: sql)
        sqlite3_reset(handle)
        throw err
    }

    /// Binds, runs to completion and resets (for INSERT/UPDATE/DELETE).
    func run(_ values: [SQLiteValue]) throws(TerminologyError) {
        try bind(values)
        while try step() {}
        sqlite3_reset(handle)
    }

    func isNull(_ col: Int32) -> Bool { sqlite3_column_type(handle, col) == SQLITE_NULL }
    func int64(_ col: Int32) -> Int64 { sqlite3_column_int64(handle, col) }
    func int(_ col: Int32) -> Int { Int(sqlite3_column_int64(handle, col)) }
    func double(_ col: Int32) -> Double { sqlite3_column_double(handle, col) }
    func text(_ col: Int32) -> String {
        guard let p = sqlite3_column_text(handle, col) else { return "" }
        let n = Int(sqlite3_column_bytes(handle, col))
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }
    func optionalText(_ col: Int32) -> String? { isNull(col) ? nil : text(col) }
    func optionalInt(_ col: Int32) -> Int? { isNull(col) ? nil : int(col) }
}
