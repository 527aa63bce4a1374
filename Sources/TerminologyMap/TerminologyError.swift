public import MedTextCore

/// The one error type of TerminologyMap. Each case carries the facts a user needs to act
/// (file and line, SQLite result code and statement) and never the text of a term or a note:
/// bound arguments are not recorded, and import errors name the line, not its content.
public struct TerminologyError: MedTextError, Equatable {
    /// What went wrong, with a stable code (`MT-TERM-nnn`) users can search for.
    public enum Kind: String, Sendable, Equatable {
        /// SQLite refused to open the database file.
        case openFailed = "MT-TERM-001"
        /// A statement failed (carries the SQLite result code and the SQL text).
        case sqlite = "MT-TERM-002"
        /// The file is not a medtext terminology database, or its schema is of another version.
        case incompatibleSchema = "MT-TERM-003"
        /// An input file of an import could not be read.
        case unreadableSource = "MT-TERM-004"
        /// An input file of an import is malformed at a given line.
        case malformedSource = "MT-TERM-005"
        /// The finished import could not replace the target file.
        case replaceFailed = "MT-TERM-006"
        /// The default database could not be located or built.
        case defaultDatabase = "MT-TERM-007"
        /// An argument given to the API is invalid (e.g. an unknown code system name).
        case invalidArgument = "MT-TERM-008"
    }

    public var kind: Kind
    /// A sentence describing the problem and what to do. Never contains term or note text.
    public var detail: String
    /// The file involved, if any.
    public var file: String?
    /// The 1-based line of `file`, if known.
    public var line: Int?
    /// The SQLite primary or extended result code, for `.sqlite` and `.openFailed`.
    public var sqliteCode: Int32?
    /// The SQL statement text (with `?` placeholders, never bound values), for `.sqlite`.
    public var sql: String?

    public init(_ kind: Kind, _ detail: String, file: String? = nil, line: Int? = nil, sqliteCode: Int32? = nil, sql: String? = nil) {
        self.kind = kind
        self.detail = detail
        self.file = file
        self.line = line
        self.sqliteCode = sqliteCode
        self.sql = sql
    }

    public var code: String { kind.rawValue }

    public var message: String {
        var s = ""
        if let file {
            s += file
            if let line { s += ":\(line)" }
            s += ": "
        }
        s += detail
        if let sqliteCode { s += " (SQLite result code \(sqliteCode))" }
        if let sql { s += " [SQL: \(sql)]" }
        return s
    }
}
