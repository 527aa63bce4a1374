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
        for (n, raw) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if header.isEmpty { header = fields; continue }
            out.append(ICDTableRow(line: n + 1, header: header, fields: fields))
        }
        return out
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
        s.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }
}
