/// One data row of a tab-separated table under `lexicons/data/icd/` (`combinations.tsv`,
/// `same_condition.tsv`, `sides.tsv`): blank lines and `#` comments are skipped, and the first
/// other line names the columns.
struct ICDTableRow {
    /// The row's line number in the file (1-based), for error messages.
    let line: Int
    /// The column names of the table.
    let header: [Substring]
    /// The row's fields, as written.
    let fields: [Substring]

    /// The data rows of `contents`, in file order.
    static func rows(_ contents: String) -> [ICDTableRow] {
        var out: [ICDTableRow] = []
        var header: [Substring] = []
        for (n, raw) in lines(contents).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty || line.hasPrefix("#") { continue }
            // A tab is a control character, so it is a Character of its own: splitting the bytes
            // gives the same fields as splitting the Characters, without grapheme breaking.
            let fields = line.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) }
            if header.isEmpty { header = fields; continue }
            out.append(ICDTableRow(line: n + 1, header: header, fields: fields))
        }
        return out
    }

    /// `contents.split(separator: "\n", omittingEmptySubsequences: false)`. A line feed is a
    /// Character of its own except in CR LF (one Character, which that split never splits at), so
    /// text without a CR splits over its bytes (the Character split ran grapheme breaking over
    /// every table at start-up); text with a CR keeps the Character split.
    static func lines(_ contents: String) -> [Substring] {
        guard !contents.utf8.contains(0x0D) else { return contents.split(separator: "\n", omittingEmptySubsequences: false) }
        return contents.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// The field of column `name`, trimmed; empty when the table or the row lacks it.
    func field(_ name: String) -> String {
        guard let i = header.firstIndex(of: Substring(name)), i < fields.count else { return "" }
        return String(fields[i]).trimmingSpaces
    }

    /// The comma-separated items of column `name`, trimmed, empty items dropped.
    func list(_ name: String) -> [String] { Self.items(field(name)) }

    /// The comma-separated items of `s`, trimmed, empty items dropped.
    static func items(_ s: String) -> [String] {
        // ASCII text splits its bytes (a comma before a combining mark is one Character with it,
        // so other text keeps the Character split).
        if !s.utf8.contains(where: { $0 >= 0x80 }) {
            return s.utf8.split(separator: 0x2C).map { Substring($0).trimmingSpaces }.filter { !$0.isEmpty }
        }
        return s.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }
}
