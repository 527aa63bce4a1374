public import MedTextCore

/// A rule file that could not be compiled. Names the file and line; never holds note text.
public struct TokenizerRuleError: MedTextError, Equatable {
    /// The file the rule came from (as passed to ``TokenizerRules/init(abbreviations:sections:abbreviationsFile:sectionsFile:)``).
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// What is wrong and what to do.
    public var reason: String

    public var code: String { "MT-TOK-001" }
    public var message: String { "\(file):\(line): \(reason)" }
}

/// How an abbreviation's period behaves at a possible sentence end.
public enum AbbreviationKind: String, Sendable, Hashable, CaseIterable {
    /// Precedes a name (`Dr.`): the period never ends a sentence.
    case title
    /// The period does not end a sentence (`e.g.`, `approx.`, `vs.`).
    case nonfinal
    /// The period ends a sentence only when the next word is capitalised (`b.i.d.`, `etc.`).
    case either
}

/// Extra forms in which a section header is recognised (see `lexicons/README.md`).
public struct HeaderForms: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Alone on its line in any case.
    public static let alone = HeaderForms(rawValue: 1 << 0)
    /// At line start followed by text without a colon, with the exact case of the rule.
    public static let inline = HeaderForms(rawValue: 1 << 1)
}

/// One compiled section-header rule.
public struct SectionRule: Sendable, Hashable {
    public var id: String
    public var type: SectionType
    /// The header as written in the rule file.
    public var header: String
    /// Normalized token keys of the header (see ``Normalizer/tokenKey(_:in:)``).
    public var keys: [[UInt8]]
    /// The header's non-space token texts exactly as written (for `inline`'s exact-case test).
    public var surface: [[UInt8]]
    public var forms: HeaderForms
    /// The keys joined by single spaces.
    public var joinedKey: [UInt8]
}

/// FNV-1a, 64 bits: the hash of header keys (built incrementally while scanning a line).
@inline(__always) func fnv1a(_ h: UInt64, _ b: UInt8) -> UInt64 { (h ^ UInt64(b)) &* 0x100_0000_01b3 }
let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325

/// Up to 8 bytes packed into an integer (exact: the bytes are non-zero), or `nil` when longer.
@inline(__always) func packKey(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, skipPeriods: Bool) -> UInt64? {
    var v: UInt64 = 0
    var shift: UInt64 = 0
    for k in range {
        let b = p[k]
        if skipPeriods && b == UInt8(ascii: ".") { continue }
        if shift == 64 { return nil }
        v |= UInt64(lowerASCII(b)) << shift
        shift += 8
    }
    return v
}

/// The tokenizer's rule data, compiled once from the text of
/// `lexicons/data/tokenizer/abbreviations.tsv` and `sections.tsv`.
///
/// This type does no file I/O: the caller (MedTextKit) reads the files and passes
/// their contents. Building fails with a ``TokenizerRuleError`` naming file and line;
/// tokenizing with built rules never fails.
public struct TokenizerRules: Sendable {
    /// Abbreviation key (lower case, periods removed) -> kind.
    public let abbreviations: [[UInt8]: AbbreviationKind]
    public let sectionRules: [SectionRule]
    /// Abbreviation keys of at most 8 bytes, packed into an integer (``packKey(_:)``).
    let packedAbbreviations: UInt64Table
    /// FNV-1a hash of joined header keys (token keys separated by one space) -> first rule index.
    let headerIndex: UInt64Table
    /// The next rule with the same joined key, or -1.
    let nextRuleWithSameKey: [Int32]
    /// The kind of a packed abbreviation key.
    @inline(__always)
    func abbreviationKind(packed: UInt64) -> AbbreviationKind? {
        packedAbbreviations.find(packed).map { AbbreviationKind.allCases[Int($0)] }
    }

    /// Largest number of tokens in a header.
    let maxHeaderTokens: Int
    /// FNV-1a hashes of the keys of the headers' first tokens (a line whose first token is
    /// not one of them cannot start a header).
    let firstTokenHashes: UInt64Table

    /// Compiles rule file contents.
    /// - Parameters:
    ///   - abbreviations: contents of `abbreviations.tsv` (`abbreviation<TAB>kind`).
    ///   - sections: contents of `sections.tsv` (`rule_id<TAB>type<TAB>header<TAB>forms`).
    ///   - abbreviationsFile, sectionsFile: names used in errors.
    /// - Throws: ``TokenizerRuleError``.
    public init(
        abbreviations: String, sections: String,
        abbreviationsFile: String = "abbreviations.tsv", sectionsFile: String = "sections.tsv"
    ) throws {
        let scanner = Scanner()
        var abbr: [[UInt8]: AbbreviationKind] = [:]
        var sawHeader = false
        for (n, line) in Self.lines(abbreviations) {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if !sawHeader {
                sawHeader = true
                guard cols == ["abbreviation", "kind"] else {
                    throw TokenizerRuleError(file: abbreviationsFile, line: n, reason: "expected the header row 'abbreviation<TAB>kind'")
                }
                continue
            }
            guard cols.count == 2 else {
                throw TokenizerRuleError(file: abbreviationsFile, line: n, reason: "expected 2 tab-separated columns, found \(cols.count)")
            }
            guard let kind = AbbreviationKind(rawValue: cols[1]) else {
                throw TokenizerRuleError(file: abbreviationsFile, line: n, reason: "unknown kind '\(cols[1])' (use title, nonfinal or either)")
            }
            let key = Normalizer.abbreviationKey(Array(cols[0].utf8))
            guard !key.isEmpty, cols[0].hasSuffix(".") else {
                throw TokenizerRuleError(file: abbreviationsFile, line: n, reason: "an abbreviation must contain letters and end with a period")
            }
            if let old = abbr[key], old != kind {
                throw TokenizerRuleError(file: abbreviationsFile, line: n, reason: "'\(cols[0])' is listed twice with different kinds")
            }
            abbr[key] = kind
        }
        guard sawHeader else {
            throw TokenizerRuleError(file: abbreviationsFile, line: 1, reason: "file is empty; expected a header row")
        }

        var rules: [SectionRule] = []
        var ids: Set<String> = []
        var index: [UInt64: [Int]] = [:]
        var maxTokens = 0
        var firstHashes: [(UInt64, Int32)] = []
        sawHeader = false
        for (n, line) in Self.lines(sections) {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if !sawHeader {
                sawHeader = true
                guard cols == ["rule_id", "type", "header", "forms"] else {
                    throw TokenizerRuleError(file: sectionsFile, line: n, reason: "expected the header row 'rule_id<TAB>type<TAB>header<TAB>forms'")
                }
                continue
            }
            guard cols.count == 4 else {
                throw TokenizerRuleError(file: sectionsFile, line: n, reason: "expected 4 tab-separated columns, found \(cols.count)")
            }
            let id = cols[0], type = cols[1], header = cols[2]
            guard !id.isEmpty, ids.insert(id).inserted else {
                throw TokenizerRuleError(file: sectionsFile, line: n, reason: "rule_id '\(id)' is empty or not unique")
            }
            guard !type.isEmpty, type.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F }) else {
                throw TokenizerRuleError(file: sectionsFile, line: n, reason: "section type '\(type)' must be lower-case letters and '_'")
            }
            var forms: HeaderForms = []
            for f in cols[3].split(separator: ",") {
                switch f.trimmingSpaces {
                case "alone": forms.insert(.alone)
                case "inline": forms.insert(.inline)
                case "": break
                default:
                    throw TokenizerRuleError(file: sectionsFile, line: n, reason: "unknown form '\(f)' (use alone, inline)")
                }
            }
            let bytes = Array(header.utf8)
            let toks = scanner.scan(bytes).filter { !$0.isSpace }
            guard !toks.isEmpty else {
                throw TokenizerRuleError(file: sectionsFile, line: n, reason: "header is empty")
            }
            let keys = toks.map { tok in Normalizer.tokenKey(tok, in: bytes) }
            let surface = toks.map { Array(bytes[$0.span.range]) }
            let joined = Normalizer.join(keys)
            let ruleIndex = rules.count
            rules.append(SectionRule(id: id, type: SectionType(rawValue: type), header: header, keys: keys, surface: surface, forms: forms, joinedKey: joined))
            index[joined.reduce(fnvOffset, fnv1a), default: []].append(ruleIndex)
            maxTokens = max(maxTokens, toks.count)
            firstHashes.append((keys[0].reduce(fnvOffset, fnv1a), 0))
        }
        guard sawHeader else {
            throw TokenizerRuleError(file: sectionsFile, line: 1, reason: "file is empty; expected a header row")
        }
        self.abbreviations = abbr
        var packed: [(UInt64, Int32)] = []
        let kinds = AbbreviationKind.allCases
        for (k, v) in abbr where k.count <= 8 {
            packed.append((k.withUnsafeBufferPointer { packKey($0, 0..<$0.count, skipPeriods: false)! }, Int32(kinds.firstIndex(of: v)!)))
        }
        self.packedAbbreviations = UInt64Table(packed)
        self.sectionRules = rules
        var firsts: [(UInt64, Int32)] = []
        var next = [Int32](repeating: -1, count: rules.count)
        for (h, list) in index {
            firsts.append((h, Int32(list[0])))
            for (a, b) in zip(list, list.dropFirst()) { next[a] = Int32(b) }
        }
        self.headerIndex = UInt64Table(firsts)
        self.nextRuleWithSameKey = next
        self.maxHeaderTokens = maxTokens
        self.firstTokenHashes = UInt64Table(firstHashes)
    }

    /// Non-empty, non-comment lines with their 1-based numbers.
    private static func lines(_ text: String) -> [(Int, Substring)] {
        var out: [(Int, Substring)] = []
        var n = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            n += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty || line.hasPrefix("#") { continue }
            out.append((n, line))
        }
        return out
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var s = self
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
