public import MedTextCore

/// What the FHIR mapper needs from `lexicons/data/sig/`: UCUM codes of units, SNOMED CT and
/// HL7 codes of routes, and the FHIR Timing meaning of frequency and duration phrases.
///
/// Built from the text of the TSV files (the caller reads them; this module does no I/O).
/// Attribute text (`QID PRN`, `1-2 tabs`, `6-monthly`, `5/7`) is re-parsed against these tables,
/// so the mapper needs nothing from the recognizer beyond spans.
public struct FHIRSigTables: Sendable {
    public struct Unit: Sendable, Hashable {
        public var id: String
        public var ucum: String
        public var display: String
        public var kind: String
    }

    public struct Route: Sendable, Hashable {
        public var id: String
        public var preferred: String
        public var snomed: String
        public var hl7: String
    }

    /// One row of frequencies.tsv: a FHIR Timing fragment.
    public struct Frequency: Sendable, Hashable {
        public var id: String
        public var timingCode: String
        public var kind: String
        public var frequency: String
        public var frequencyMax: String
        public var period: String
        public var periodMax: String
        public var periodUnit: String
        public var when: [String]
        public var dayOfWeek: [String]
        public var asNeeded: Bool
        public var count: String
        public var durationUnit: String
    }

    /// A term of a frequency row: literal pieces and `{n}`/`{m}` number slots.
    struct Pattern: Sendable {
        enum Piece: Sendable { case literal([UInt8]), number(Character) }
        var pieces: [Piece]
        var row: Int
    }

    /// The frequency patterns frozen into flat arrays for matching: each pattern is a run of
    /// codes (a byte 0...255 to match literally, ``PatternIndex/slotN`` or ``PatternIndex/slotM``
    /// for a number), and `byFirstByte[b]` lists, in table order, the patterns that can start
    /// at byte `b` (number-first patterns under every digit).
    struct PatternIndex: Sendable {
        static let slotN: Int16 = -1
        static let slotM: Int16 = -2
        var codes: [Int16] = []
        var starts: [Int] = [0]
        var rows: [Int] = []
        var byFirstByte: [[Int32]] = Array(repeating: [], count: 256)

        init() {}

        init(_ patterns: [Pattern]) {
            for p in patterns {
                var codes: [Int16] = []
                for piece in p.pieces {
                    switch piece {
                    case .literal(let lit): codes += lit.map { Int16($0) }
                    case .number(let slot): codes.append(slot == "n" ? Self.slotN : Self.slotM)
                    }
                }
                // An empty pattern would match nowhere useful (and would not advance).
                guard let first = codes.first else { continue }
                let k = Int32(rows.count)
                self.codes += codes
                starts.append(self.codes.count)
                rows.append(p.row)
                if first < 0 {
                    for d in UInt8(ascii: "0")...UInt8(ascii: "9") { byFirstByte[Int(d)].append(k) }
                } else {
                    byFirstByte[Int(first)].append(k)
                }
            }
        }
    }

    var medicationUnits: [String: Unit] = [:]
    var testUnits: [String: Unit] = [:]
    var routes: [String: Route] = [:]
    var frequencies: [Frequency] = []
    var patterns: [Pattern] = []
    var patternIndex = PatternIndex()

    /// Parses the sig files. Any of them may be empty (that table is then empty).
    /// - Throws: ``FHIRMapperError`` naming the file and line of a malformed row.
    public init(units: String, testUnits: String, routes: String, frequencies: String) throws(FHIRMapperError) {
        for row in try Self.rows(units, file: "units.tsv", required: ["id", "ucum", "terms"]) {
            let u = Unit(id: row["id"]!, ucum: row["ucum"]!, display: row["display"] ?? row["ucum"]!, kind: row["kind"] ?? "")
            for t in Self.terms(row["terms"]!) where medicationUnits[Self.unitKey(t)] == nil { medicationUnits[Self.unitKey(t)] = u }
        }
        for row in try Self.rows(testUnits, file: "test_units.tsv", required: ["id", "ucum", "terms"]) {
            let u = Unit(id: row["id"]!, ucum: row["ucum"]!, display: row["ucum"]!, kind: "test")
            for t in Self.terms(row["terms"]!) where self.testUnits[Self.unitKey(t)] == nil { self.testUnits[Self.unitKey(t)] = u }
        }
        for row in try Self.rows(routes, file: "routes.tsv", required: ["id", "preferred", "terms"]) {
            let r = Route(id: row["id"]!, preferred: row["preferred"]!, snomed: row["snomed"] ?? "", hl7: row["hl7"] ?? "")
            for t in Self.terms(row["terms"]!) + [r.preferred] where self.routes[Self.phraseKey(t)] == nil {
                self.routes[Self.phraseKey(t)] = r
            }
        }
        for row in try Self.rows(frequencies, file: "frequencies.tsv", required: ["id", "terms", "kind"]) {
            func list(_ k: String) -> [String] { (row[k] ?? "").split(separator: ",").map { String($0) } }
            let f = Frequency(
                id: row["id"]!, timingCode: row["timing_code"] ?? "", kind: row["kind"]!,
                frequency: row["frequency"] ?? "", frequencyMax: row["frequency_max"] ?? "",
                period: row["period"] ?? "", periodMax: row["period_max"] ?? "", periodUnit: row["period_unit"] ?? "",
                when: list("when"), dayOfWeek: list("day_of_week"), asNeeded: row["as_needed"] == "true",
                count: row["count"] ?? "", durationUnit: row["duration_unit"] ?? "")
            self.frequencies.append(f)
            for t in Self.terms(row["terms"]!) {
                self.patterns.append(Pattern(pieces: Self.pieces(Self.phraseKey(t)), row: self.frequencies.count - 1))
            }
        }
        patternIndex = PatternIndex(patterns)
    }

    // MARK: - Lookups

    /// The unit written as `text` (`mg`, `tabs`, `mmHg`), medication units first unless `test`.
    public func unit(_ text: some StringProtocol, test: Bool = false) -> Unit? {
        let k = Self.unitKey(text)
        guard !k.isEmpty else { return nil }
        return test ? (testUnits[k] ?? medicationUnits[k]) : (medicationUnits[k] ?? testUnits[k])
    }

    /// The route written as `text` (`PO`, `by mouth`, `SC`).
    public func route(_ text: some StringProtocol) -> Route? {
        var k = Self.phraseKey(text)
        if let r = routes[k] { return r }
        while k.hasSuffix(".") { k.removeLast() }
        return routes[k]
    }

    /// A frequency row matched in attribute text, with the numbers its `{n}`/`{m}` slots took.
    public struct FrequencyHit: Sendable, Hashable {
        public var row: Frequency
        public var n: String?
        public var m: String?
    }

    /// The frequency, as-needed and duration phrases in `text`, left to right, longest match first
    /// (`QID PRN` → QID, PRN; `q4-6h prn` → q{n}-{m}h, PRN; `6-monthly` → {n}-monthly).
    public func frequencyHits(in text: some StringProtocol) -> [FrequencyHit] {
        var s = Self.phraseKey(text)
        return s.withUTF8 { frequencyHits(bytes: $0) }
    }

    /// ``frequencyHits(in:)`` over a phrase key's bytes.
    /// - Complexity: O(n · p · l) in the worst case for n bytes and p patterns of length l that
    ///   can start at a byte; in practice a handful of patterns per word start.
    func frequencyHits(bytes s: UnsafeBufferPointer<UInt8>) -> [FrequencyHit] {
        var hits: [FrequencyHit] = []
        let index = patternIndex
        index.codes.withUnsafeBufferPointer { codes in
            var i = 0
            while i < s.count {
                if !Self.isWordByte(s[i]) && !(s[i] >= 0x30 && s[i] <= 0x39) && s[i] != UInt8(ascii: "{") {
                    // Only start at letters or digits.
                    i += 1
                    continue
                }
                // The longest match; among equally long ones the first in table order.
                var bestEnd = -1, bestPattern = -1
                var bestN: Range<Int>? = nil, bestM: Range<Int>? = nil
                for k32 in index.byFirstByte[Int(s[i])] {
                    let k = Int(k32)
                    guard let (end, n, m) = Self.match(codes[index.starts[k]..<index.starts[k + 1]], s, at: i) else { continue }
                    guard end == s.count || !Self.isWordByte(s[end]) || !Self.isWordByte(s[end - 1]) else { continue }
                    if end > bestEnd {
                        (bestEnd, bestPattern, bestN, bestM) = (end, k, n, m)
                    }
                }
                if bestPattern >= 0 {
                    func value(_ r: Range<Int>?) -> String? { r.map { String(decoding: UnsafeBufferPointer(rebasing: s[$0]), as: UTF8.self) } }
                    hits.append(FrequencyHit(row: frequencies[index.rows[bestPattern]], n: value(bestN), m: value(bestM)))
                    i = bestEnd
                } else {
                    // Skip to the next word.
                    while i < s.count && (Self.isWordByte(s[i]) || (s[i] >= 0x30 && s[i] <= 0x39)) { i += 1 }
                    i += 1
                }
            }
        }
        return hits
    }

    /// Matches one pattern's codes at `start`: the end of the match and the ranges its number
    /// slots took.
    @inline(__always)
    static func match(_ codes: Slice<UnsafeBufferPointer<Int16>>, _ s: UnsafeBufferPointer<UInt8>, at start: Int) -> (Int, Range<Int>?, Range<Int>?)? {
        var i = start
        var n: Range<Int>? = nil, m: Range<Int>? = nil
        for c in codes {
            if c >= 0 {
                guard i < s.count, s[i] == UInt8(truncatingIfNeeded: c) else { return nil }
                i += 1
            } else {
                let st = i
                while i < s.count, (s[i] >= 0x30 && s[i] <= 0x39) || (s[i] == UInt8(ascii: ".") && i > st && i + 1 < s.count && s[i + 1] >= 0x30 && s[i + 1] <= 0x39) {
                    i += 1
                }
                guard i > st else { return nil }
                if c == PatternIndex.slotN { n = st..<i } else { m = st..<i }
            }
        }
        return (i, n, m)
    }

    // MARK: - Parsing helpers

    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b >= 0x80
    }

    static func pieces(_ term: String) -> [Pattern.Piece] {
        var out: [Pattern.Piece] = []
        var lit: [UInt8] = []
        let b = Array(term.utf8)
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "{"), i + 2 < b.count, b[i + 2] == UInt8(ascii: "}"), b[i + 1] == UInt8(ascii: "n") || b[i + 1] == UInt8(ascii: "m") {
                if !lit.isEmpty { out.append(.literal(lit)); lit = [] }
                out.append(.number(Character(UnicodeScalar(b[i + 1]))))
                i += 3
            } else {
                lit.append(b[i])
                i += 1
            }
        }
        if !lit.isEmpty { out.append(.literal(lit)) }
        return out
    }

    /// Lower case, whitespace runs collapsed to one space, trimmed. Bytes for ASCII text; the
    /// Unicode path (``phraseKeyUnicode(_:)``) otherwise, with the same result.
    static func phraseKey(_ s: some StringProtocol) -> String {
        let ascii: String? = s.utf8.withContiguousStorageIfAvailable { b -> String? in
            var out = [UInt8]()
            out.reserveCapacity(b.count)
            var space = false
            for c in b {
                guard c < 0x80 else { return nil }
                if c == 0x20 || (c >= 0x09 && c <= 0x0D) {
                    space = !out.isEmpty
                } else {
                    if space { out.append(0x20); space = false }
                    out.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? nil
        return ascii ?? phraseKeyUnicode(s)
    }

    static func phraseKeyUnicode(_ s: some StringProtocol) -> String {
        var out = ""
        var space = false
        for ch in s.lowercased() {
            if ch.isWhitespace {
                space = !out.isEmpty
            } else {
                if space { out.append(" "); space = false }
                out.append(ch)
            }
        }
        return out
    }

    /// Lower case without any whitespace (`mm Hg` = `mmhg`, `mg / mL` = `mg/ml`); µ and μ as u.
    /// Bytes for ASCII text; the Unicode path otherwise, with the same result.
    static func unitKey(_ s: some StringProtocol) -> String {
        let ascii: String? = s.utf8.withContiguousStorageIfAvailable { b -> String? in
            var out = [UInt8]()
            out.reserveCapacity(b.count)
            for c in b {
                guard c < 0x80 else { return nil }
                if c == 0x20 || (c >= 0x09 && c <= 0x0D) { continue }
                out.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
            }
            while out.last == UInt8(ascii: ".") { out.removeLast() }
            return String(decoding: out, as: UTF8.self)
        } ?? nil
        return ascii ?? unitKeyUnicode(s)
    }

    static func unitKeyUnicode(_ s: some StringProtocol) -> String {
        var out = ""
        for ch in s.lowercased() where !ch.isWhitespace {
            if ch == "µ" || ch == "μ" { out.append("u") } else { out.append(ch) }
        }
        while out.hasSuffix(".") { out.removeLast() }
        return out
    }

    /// The surface forms of a `terms` cell, without their `#tags`.
    static func terms(_ cell: String) -> [String] {
        cell.split(separator: "|").compactMap { t in
            let term = t.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            return term.isEmpty ? nil : term
        }
    }

    static func rows(_ text: String, file: String, required: [String]) throws(FHIRMapperError) -> [[String: String]] {
        var header: [String]? = nil
        var out: [[String: String]] = []
        var lineNo = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            var l = Substring(line)
            if l.hasSuffix("\r") { l = l.dropLast() }
            if l.isEmpty || l.hasPrefix("#") { continue }
            let cells = l.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard let h = header else {
                header = cells
                for r in required where !cells.contains(r) {
                    throw FHIRMapperError(code: "MT-FHIR-001", message: "\(file):\(lineNo): header has no column '\(r)'")
                }
                continue
            }
            var row: [String: String] = [:]
            for (k, name) in h.enumerated() where k < cells.count { row[name] = cells[k] }
            for r in required where (row[r] ?? "").isEmpty {
                throw FHIRMapperError(code: "MT-FHIR-001", message: "\(file):\(lineNo): column '\(r)' is empty")
            }
            out.append(row)
        }
        return out
    }
}

/// An error building the FHIR mapper (a malformed sig file). Mapping itself never fails.
public struct FHIRMapperError: MedTextError, Equatable {
    public var code: String
    public var message: String
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}
