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

/// What the section rules know about a hash of header keys (``TokenizerRules/headerKeys``), one 16-byte slot per key:
/// the first rule whose joined key it is, and whether a longer header continues from it (a word prefix of a joined key:
/// a line whose words so far are no such prefix cannot become a header, so the walk over it stops). Open addressing
/// with linear probes, at most a quarter full; a slot with no facts is empty. The rules' joined keys are kept here too,
/// one after another in one array, for the exact comparison after a hash match (the rules' own arrays lie apart).
///
/// Its stored fields are three arrays and a shift, as those of the ``UInt64Table`` it replaced (session 16), so that
/// ``TokenizerRules`` keeps its size: a module above the tokenizer that an incremental release build does not
/// recompile keeps the struct sizes it inlined (seen in sessions 13 and 16: every PHI command crashed).
struct HeaderKeyTable: Sendable {
    /// Hash and facts interleaved (`slots[2i]`, `slots[2i + 1]`): one cache line per probe.
    private let slots: [UInt64]
    /// Every rule's joined key, one after another: rule r's is `joinedKeyBytes[joinedKeyEnds[r - 1]..<joinedKeyEnds[r]]`
    /// (from 0 for rule 0).
    let joinedKeyBytes: [UInt8]
    let joinedKeyEnds: [Int32]
    private let shift: UInt64
    /// The hash is that of a joined key's bytes before one of its spaces.
    static let continues: UInt64 = 1 << 1

    /// `facts`: hash -> ``continues`` | (first rule + 1) << 32, every value non-zero; `joinedKeys`: each rule's.
    init(_ facts: [UInt64: UInt64], joinedKeys: [[UInt8]]) {
        var bits: UInt64 = 4
        while (1 << bits) < facts.count * 4 { bits += 1 }
        let size = 1 << Int(bits)
        var slots = [UInt64](repeating: 0, count: 2 * size)
        let shift = 64 - bits
        // In ascending hash order, so that the table is the same in every process.
        for (k, v) in facts.sorted(by: { $0.key < $1.key }) {
            precondition(v != 0)
            var i = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots[2 * i + 1] != 0 { i = (i + 1) & (size - 1) }
            slots[2 * i] = k
            slots[2 * i + 1] = v
        }
        self.slots = slots
        self.shift = shift
        var bytes: [UInt8] = [], ends: [Int32] = []
        for key in joinedKeys {
            bytes.append(contentsOf: key)
            ends.append(Int32(bytes.count))
        }
        joinedKeyBytes = bytes
        joinedKeyEnds = ends
    }

    /// The facts of `hash` (0: no header key or word prefix of one has it).
    @inline(__always)
    func facts(_ hash: UInt64) -> UInt64 {
        slots.withUnsafeBufferPointer { s in
            let mask = s.count / 2 - 1
            var i = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while true {
                let v = s[2 &* i &+ 1]
                if v == 0 || s[2 &* i] == hash { return v }
                i = (i &+ 1) & mask
            }
        }
    }

    /// The first rule whose joined key has this hash (from ``facts(_:)``), or -1.
    @inline(__always) static func firstRule(_ facts: UInt64) -> Int { Int(truncatingIfNeeded: facts >> 32) - 1 }

    /// Rule `r`'s joined key is `key`.
    @inline(__always)
    func joinedKey(of r: Int, equals key: [UInt8]) -> Bool {
        let start = r == 0 ? 0 : Int(joinedKeyEnds[r - 1]), end = Int(joinedKeyEnds[r])
        guard end - start == key.count else { return false }
        return joinedKeyBytes.withUnsafeBufferPointer { b in
            key.withUnsafeBufferPointer { k in
                var i = 0
                while i < k.count {
                    if b[start &+ i] != k[i] { return false }
                    i &+= 1
                }
                return true
            }
        }
    }
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
    /// The joined header keys (token keys separated by one space) and their word prefixes, by FNV-1a hash: one probe
    /// per word of a line that may start a header answers both (``HeaderKeyTable``).
    let headerKeys: HeaderKeyTable
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
        var facts: [UInt64: UInt64] = [:]
        var next = [Int32](repeating: -1, count: rules.count)
        for (h, list) in index {
            facts[h, default: 0] |= UInt64(list[0] + 1) << 32
            for (a, b) in zip(list, list.dropFirst()) { next[a] = Int32(b) }
        }
        for rule in rules {
            // Every word prefix of a joined key (the bytes before each of its spaces) continues into a longer header.
            var h = fnvOffset
            for b in rule.joinedKey {
                if b == 0x20 { facts[h, default: 0] |= HeaderKeyTable.continues }
                h = fnv1a(h, b)
            }
        }
        self.headerKeys = HeaderKeyTable(facts, joinedKeys: rules.map(\.joinedKey))
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
