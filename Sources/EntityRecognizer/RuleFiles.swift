public import MedTextCore

/// A rule file that could not be compiled: names the file, line and problem, never note text.
public struct RecognizerRuleError: MedTextError, Equatable {
    public var file: String
    public var line: Int
    public var reason: String
    public var code: String { "MT-REC-001" }
    public var message: String { "\(file):\(line): \(reason); fix the row or remove it" }
}

/// Parsers for the recognizer's rule files in `lexicons/data/context/` (formats documented in
/// lexicons/README.md). Pure: they take file contents, the facade does the reading.
public enum RecognizerRuleFiles {
    /// Rows of a TSV file: (1-based line number, columns by header name). Comment lines
    /// (`#`) and blank lines are skipped; the first other line is the header.
    static func rows(_ contents: String, file: String, required: [String]) throws -> [(Int, [String: Substring])] {
        var header: [String]? = nil
        var out: [(Int, [String: Substring])] = []
        var n = 0
        // Split over bytes (newline, CR, tab and # are ASCII, so pieces are whole scalars): a
        // Character split runs grapheme breaking over every rule file at start-up. The bytes are
        // read through one buffer and each column made once from its offsets: the generic
        // `split` over `String.UTF8View` stepped through the view's index API (about 11,000
        // instructions per line, most of reading the ConText rules at start-up).
        var text = contents
        text.makeContiguousUTF8()
        let u = text.utf8
        func column(_ a: Int, _ b: Int) -> Substring {
            Substring(u[u.index(u.startIndex, offsetBy: a)..<u.index(u.startIndex, offsetBy: b)])
        }
        var cols: [Substring] = []
        try u.withContiguousStorageIfAvailable { p in
            var lineStart = 0
            while lineStart <= p.count {
                var lineEnd = lineStart
                while lineEnd < p.count && p[lineEnd] != 0x0A { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                n += 1
                let end = lineEnd > lineStart && p[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd
                if end == lineStart || p[lineStart] == 0x23 { continue }
                cols.removeAll(keepingCapacity: true)
                var a = lineStart
                for k in lineStart..<end where p[k] == 0x09 {
                    cols.append(column(a, k))
                    a = k + 1
                }
                cols.append(column(a, end))
                guard let h = header else {
                    header = cols.map(String.init)
                    for r in required where !cols.contains(Substring(r)) {
                        throw RecognizerRuleError(file: file, line: n, reason: "header lacks the column '\(r)'")
                    }
                    continue
                }
                var row: [String: Substring] = Dictionary(minimumCapacity: h.count)
                for (i, name) in h.enumerated() { row[name] = i < cols.count ? cols[i] : "" }
                out.append((n, row))
            }
        }
        return out
    }

    static func categories(_ field: Substring, file: String, line: Int) throws -> Set<EntityCategory> {
        if field.isEmpty || field == "ALL" { return [] }
        var out: Set<EntityCategory> = []
        for c in field.split(separator: "|") {
            guard let cat = EntityCategory(rawValue: String(c)) else {
                throw RecognizerRuleError(file: file, line: line, reason: "unknown entity category '\(c)'")
            }
            out.insert(cat)
        }
        return out
    }

    static func traits(_ field: Substring, file: String, line: Int) throws -> Traits {
        var t: Traits = []
        for name in field.split(separator: "|") where !name.isEmpty {
            guard let one = Traits(name: String(name)) else {
                throw RecognizerRuleError(file: file, line: line, reason: "unknown trait '\(name)'")
            }
            t.formUnion(one)
        }
        return t
    }

    /// Parses `context/rules.tsv`.
    public static func contextRules(_ contents: String, file: String = "context/rules.tsv") throws -> [ContextRule] {
        var out: [ContextRule] = []
        var ids = Set<Substring>()
        for (line, row) in try rows(contents, file: file, required: ["id", "literal", "category", "trait", "direction", "max_scope"]) {
            let id = row["id"] ?? ""
            guard !id.isEmpty, ids.insert(id).inserted else {
                throw RecognizerRuleError(file: file, line: line, reason: "missing or duplicate rule id")
            }
            guard let direction = ContextDirection(rawValue: String(row["direction"] ?? "")) else {
                throw RecognizerRuleError(file: file, line: line, reason: "unknown direction '\(row["direction"] ?? "")'")
            }
            let literal = String(row["literal"] ?? "")
            guard !literal.isEmpty else { throw RecognizerRuleError(file: file, line: line, reason: "empty literal") }
            var scope: Int? = nil
            if let s = row["max_scope"], !s.isEmpty {
                guard let v = Int(s), v > 0 else {
                    throw RecognizerRuleError(file: file, line: line, reason: "max_scope must be a positive integer")
                }
                scope = v
            }
            let flags = Set((row["flags"] ?? "").split(separator: "|").map(String.init))
            let terminates = row["terminates"].map { $0 == "ALL" ? [] : Set($0.split(separator: "|").map(String.init)) } ?? []
            out.append(ContextRule(
                id: String(id), phrase: literal, category: String(row["category"] ?? ""),
                traits: try traits(row["trait"] ?? "", file: file, line: line), direction: direction, maxScope: scope,
                appliesTo: try categories(row["applies_to"] ?? "", file: file, line: line),
                requiresLineEnd: flags.contains("line_end"), requiresAttached: flags.contains("attached"),
                caseSensitive: flags.contains("cs"), terminates: terminates, listScope: flags.contains("list"),
                requiresNoTargetBefore: flags.contains("prefix"), isVerb: flags.contains("verb"),
                isAside: flags.contains("aside"), requiresSuffix: flags.contains("suffix")))
        }
        return out
    }

    /// Parses `context/section_traits.tsv`.
    public static func sectionTraits(_ contents: String, file: String = "context/section_traits.tsv") throws -> [SectionTraitRule] {
        try rows(contents, file: file, required: ["id", "section", "trait", "applies_to"]).map { line, row in
            SectionTraitRule(
                section: SectionType(String(row["section"] ?? "")),
                traits: try traits(row["trait"] ?? "", file: file, line: line),
                appliesTo: try categories(row["applies_to"] ?? "", file: file, line: line),
                ruleID: String(row["id"] ?? ""))
        }
    }

    /// A fused negation: a word that is itself a negated finding ("afebrile" = no fever).
    public struct FusedTerm: Sendable, Hashable {
        public var id: String
        public var term: String
        /// The concept code of the finding it negates (e.g. `cond:fever`).
        public var target: String
        public var type: EntityType
        public var traits: Traits
        /// Match only the term's exact case (`case` column `cs`: `NT`, `ND` in examinations).
        public var caseSensitive: Bool = false
        /// Cue words, one of which must be in the sentence for the term to count (`cues` column:
        /// `ND` is non-distended only beside `abdo`/`soft`/`NT`; it is also "not done"). Empty: always.
        public var cues: [String] = []
    }

    /// Parses the NEGATED rows of `context/fused.tsv` (other kinds document words that must
    /// not be treated as negations and need no rule).
    public static func fusedNegations(_ contents: String, file: String = "context/fused.tsv") throws -> [FusedTerm] {
        var out: [FusedTerm] = []
        for (line, row) in try rows(contents, file: file, required: ["id", "term", "kind", "target", "type", "trait"]) {
            guard row["kind"] == "NEGATED", let target = row["target"], !target.isEmpty else { continue }
            let caseField = row["case"] ?? ""
            guard caseField.isEmpty || caseField == "cs" || caseField == "ci" else {
                throw RecognizerRuleError(file: file, line: line, reason: "case must be 'cs' or 'ci'")
            }
            out.append(FusedTerm(
                id: String(row["id"] ?? ""), term: String(row["term"] ?? ""), target: String(target),
                type: EntityType(String(row["type"] ?? "")), traits: try traits(row["trait"] ?? "", file: file, line: line),
                caseSensitive: caseField == "cs",
                cues: (row["cues"] ?? "").split(separator: "|").map(String.init).filter { !$0.isEmpty }))
        }
        return out
    }
}
