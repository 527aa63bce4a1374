/// The word sets de-identification reads, as data (`lexicons/data/phi/deid_words.tsv`, columns `set`, `word`,
/// `note`), not Swift literals: the facade (`PHIPipeline`) reads the file, ``Deidentifier`` stays pure.
///
/// - `keep_words`: street types, unit words, facility words and state names that an address or organisation
///   surrogate keeps as written (`12 Smith St` → `47 Oakwood St`, `Children's Hospital` keeps `Hospital`);
/// - `month_qualifiers`: words a month-only date may hold besides month names (`mid`, `early`, `end of`), so the
///   date moves by whole months;
/// - `ordinal_suffixes`: the endings of an ordinal day (`st`, `nd`, `rd`, `th`), rewritten for the shifted day;
/// - `exempt_month_names`: month names and abbreviations that the collision guard (a written span must not bring back
///   another PHI string of the note) does not count as PHI strings when they stand alone.
public struct DeidWords: Sendable, Equatable {
    /// The sets of the file, one case per `set` value (``fileName``).
    public enum WordSet: Int, CaseIterable, Sendable {
        case keepWords, monthQualifiers, ordinalSuffixes, exemptMonthNames

        /// The set's name in the file.
        public var fileName: String {
            switch self {
            case .keepWords: "keep_words"
            case .monthQualifiers: "month_qualifiers"
            case .ordinalSuffixes: "ordinal_suffixes"
            case .exemptMonthNames: "exempt_month_names"
            }
        }
    }

    private var sets = [Set<String>](repeating: [], count: WordSet.allCases.count)

    /// The words of `set` (lower case).
    /// - Complexity: O(1).
    public subscript(_ set: WordSet) -> Set<String> { sets[set.rawValue] }

    /// No words at all (for tests of the error paths; de-identification with it keeps no address words).
    public init() {}

    /// Parses the file's rows: `#` lines are comments, the first other line is the header (`set	word	note`).
    /// - Throws: ``DeidWordsError`` naming the line of a row without a word or with a set no ``WordSet`` has, or
    ///   naming a set without rows.
    public init(tsv text: String) throws(DeidWordsError) {
        for (n, cols) in DeidTable(text).rows {
            guard cols.count >= 2, !cols[1].isEmpty else { throw DeidWordsError(line: n, detail: "expected a set and a word") }
            guard let set = WordSet.allCases.first(where: { $0.fileName == cols[0] }) else {
                throw DeidWordsError(line: n, detail: "unknown set '\(cols[0])'")
            }
            sets[set.rawValue].insert(cols[1].lowercased())
        }
        if let missing = WordSet.allCases.first(where: { sets[$0.rawValue].isEmpty }) {
            throw DeidWordsError(line: 0, detail: "no word for set '\(missing.fileName)'")
        }
    }
}

/// A malformed `deid_words.tsv` (stable code `MT-DEID-001`); the message names the line and never holds note text.
public struct DeidWordsError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: String { "MT-DEID-001" }
    /// 1-based line of the row, 0 for a set without rows.
    public var line: Int
    public var detail: String
    public var description: String {
        "\(code): deid_words.tsv\(line > 0 ? " line \(line)" : ""): \(detail) (columns: set, word, note; sets: \(DeidWords.WordSet.allCases.map(\.fileName).joined(separator: ", ")))"
    }
}
