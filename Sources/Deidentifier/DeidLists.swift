/// The ordered value lists de-identification draws from, as data, not Swift literals: the facade (`PHIPipeline`) reads
/// the files, ``Deidentifier`` stays pure.
///
/// - `lexicons/data/phi/surrogate_values.tsv` (columns `list`, `value`, `note`): the surrogate given names, surnames,
///   place words (addresses, organisations, URLs) and occupations. A keyed choice is an index into a list, so the
///   order of the rows is part of the output: a list only grows at its end.
/// - `lexicons/data/phi/holidays.tsv` (columns `holiday`, `month`, `day`, `note`): named holidays (GUIDELINE D4) and
///   their month and day in the reference year 2001, which the date shifter moves when a holiday is written without
///   a year (`Christmas` → `8 Aug`).
public struct DeidLists: Sendable, Equatable {
    /// The lists of `surrogate_values.tsv`, one case per `list` value (``fileName``).
    public enum List: Int, CaseIterable, Sendable {
        case givenNames, surnames, placeWords, professions

        /// The list's name in the file.
        public var fileName: String {
            switch self {
            case .givenNames: "given_names"
            case .surnames: "surnames"
            case .placeWords: "place_words"
            case .professions: "professions"
            }
        }
    }

    private var lists = [[String]](repeating: [], count: List.allCases.count)
    /// `lists` lower-cased, computed once (a surrogate draw compares its candidates in lower case).
    private var loweredLists = [[String]](repeating: [], count: List.allCases.count)
    /// Holiday words joined by one space → (month, day) in 2001.
    private var holidays: [String: Holiday] = [:]

    /// A holiday's month and day in the reference year 2001.
    public struct Holiday: Sendable, Equatable {
        public var month: Int
        public var day: Int
    }

    /// The values of `list`, in file order.
    /// - Complexity: O(1).
    public subscript(_ list: List) -> [String] { lists[list.rawValue] }

    /// The values of `list` lower-cased (`String.lowercased()`), in file order.
    /// - Complexity: O(1).
    func lowered(_ list: List) -> [String] { loweredLists[list.rawValue] }

    /// The month and day (in 2001) of the holiday named by `words` (lower case, possessive `s`, `day` and `the`
    /// already removed by the caller or removed here), nil for a name the file does not hold.
    /// - Complexity: O(k) in the words' length.
    public func holiday(_ words: [String]) -> Holiday? {
        holidays[words.filter { $0 != "day" && $0 != "the" }.joined(separator: " ")]
    }

    /// The number of holiday names.
    public var holidayCount: Int { holidays.count }

    /// No values at all (for tests of the error paths).
    public init() {}

    /// Parses both files: `#` lines are comments, the first other line of each is its header.
    /// - Throws: ``DeidListsError`` naming the file and line of a malformed row (no value, an unknown list, a month or
    ///   day out of range, a holiday named twice), or naming a list or file without rows.
    public init(surrogateValues: String, holidays holidayText: String) throws(DeidListsError) {
        for (n, cols) in try Self.rows(surrogateValues, file: "surrogate_values.tsv") {
            guard cols.count >= 2, !cols[1].isEmpty else { throw DeidListsError(file: "surrogate_values.tsv", line: n, detail: "expected a list and a value") }
            guard let list = List.allCases.first(where: { $0.fileName == cols[0] }) else {
                throw DeidListsError(file: "surrogate_values.tsv", line: n, detail: "unknown list '\(cols[0])'")
            }
            lists[list.rawValue].append(String(cols[1]))
        }
        if let missing = List.allCases.first(where: { lists[$0.rawValue].isEmpty }) {
            throw DeidListsError(file: "surrogate_values.tsv", line: 0, detail: "no value for list '\(missing.fileName)'")
        }
        loweredLists = lists.map { $0.map { $0.lowercased() } }
        for (n, cols) in try Self.rows(holidayText, file: "holidays.tsv") {
            guard cols.count >= 3, !cols[0].isEmpty, let m = Int(cols[1]), let d = Int(cols[2]), (1...12).contains(m),
                (1...Self.daysIn2001[m - 1]).contains(d)
            else {
                throw DeidListsError(file: "holidays.tsv", line: n, detail: "expected a holiday, a month (1-12) and a day of that month")
            }
            let name = cols[0].lowercased().split(separator: " ").joined(separator: " ")
            guard holidays[name] == nil else { throw DeidListsError(file: "holidays.tsv", line: n, detail: "holiday '\(name)' named twice") }
            holidays[name] = Holiday(month: m, day: d)
        }
        if holidays.isEmpty { throw DeidListsError(file: "holidays.tsv", line: 0, detail: "no holiday") }
    }

    static let daysIn2001 = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    /// The rows after the header, with their 1-based line numbers, split at tabs.
    private static func rows(_ text: String, file: String) throws(DeidListsError) -> [(Int, [Substring])] {
        let table = DeidTable(text)
        if !table.hasHeader { throw DeidListsError(file: file, line: 0, detail: "no header") }
        return table.rows
    }
}

/// The rows of one of the de-identification data files (`deid_words.tsv`, `surrogate_values.tsv`,
/// `holidays.tsv`): `#` lines and blank lines are skipped, the first other line is the header, and each row
/// after it is split at tabs and kept with its 1-based line number.
struct DeidTable {
    var rows: [(Int, [Substring])] = []
    var hasHeader = false

    init(_ text: String) {
        var n = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            n += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            if !hasHeader {
                hasHeader = true
                continue
            }
            rows.append((n, line.split(separator: "\t", omittingEmptySubsequences: false)))
        }
    }
}

/// A malformed `surrogate_values.tsv` or `holidays.tsv` (stable code `MT-DEID-002`); the message names the file and line
/// and never holds note text.
public struct DeidListsError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: String { "MT-DEID-002" }
    public var file: String
    /// 1-based line of the row, 0 for a list or file without rows.
    public var line: Int
    public var detail: String
    public var description: String {
        "\(code): \(file)\(line > 0 ? " line \(line)" : ""): \(detail) (surrogate_values.tsv columns: list, value, note; lists: \(DeidLists.List.allCases.map(\.fileName).joined(separator: ", ")); holidays.tsv columns: holiday, month, day, note)"
    }
}
