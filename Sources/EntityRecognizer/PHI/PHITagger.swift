import MedTextCore

/// The learned PHI tagger (DESIGN.md "Learned PHI tagger"): an averaged-perceptron BIO tagger over the PHI token buffer
/// (``PTok``), greedy left to right with the previous tag as a feature. Its weights are data (`phi/tagger_weights.tsv`,
/// trained on our dev gold by ``PHITaggerTrainer`` through `scripts/phi/train_tagger.sh`); which types it may add and
/// the minimum margin of each are data too (`phi/tagger_types.tsv`). It adds spans the rules missed, below every rule:
/// a rule span always wins an overlap.
///
/// Features are hashed 64-bit keys (a template id mixed with token keys or small codes): no string is built and
/// nothing is allocated per token. Only gated tokens are scored (``PHITaggerModel/gate(_:_:_:_:)``): training and
/// tagging share the feature and gate code, so they cannot disagree.
public struct PHITaggerModel: Sendable, Equatable {
    /// Bump when a feature template, the hashing, the gate or the class set changes: weights trained for another
    /// feature set are rejected at load time.
    public static let featureSetVersion: UInt32 = 2
    /// Most classes a model may have (O plus B-/I- of 15 types).
    static let maxClasses = 32

    /// Class names: `O`, then `B-TYPE`, `I-TYPE` pairs.
    public let classNames: [String]
    /// Feature key -> its class weights (session 20, tagspeed: 8-byte fingerprint slots and sparse weights, ~0.55 MB,
    /// where the session-16 to 19 layout, 16-byte key slots and dense rows of every class, took 2.3 MB and evicted the
    /// rules' tables from the caches).
    let table: PHITaggerTable
    /// Quantised weight = float weight x `scale`.
    public let scale: Float
    /// Per class: the minimum margin (quantised) a span of the class needs to be added, or `Int32.max` when the
    /// class's type is not added (`phi/tagger_types.tsv`). Index 0 (O) is unused.
    let minMargins: [Int32]
    /// Per class: the minimum margin of a one-word span.
    let minMarginsOneWord: [Int32]
    /// Per class: 0 when the repeat layers (``PHIDetection/repeatedMentions(of:sources:)``,
    /// ``PHIRecognizer/repeatedWords(in:of:)``) never read the class's spans, else 1 + the minimum margin, in whole
    /// perceptron units (0-98), a span of the class needs for its other mentions to be found (session 19, helper
    /// `taggerrep`: the `repeat_min_margin` column of `phi/tagger_types.tsv`, ``seedsRepeats(_:)``).
    let repeats: [UInt8]
    /// Per class: the PHI type it tags (`B-NAME`, `I-NAME` -> ``EntityType/name``), nil for O. Derived once from
    /// `classNames` so the recognizer compares typed values, never class-name strings.
    let classTypes: [EntityType?]
    /// Session 18 (helper `taggertype`): the minimum margin (quantised) of a tagger span of class `c` (a B- class) that
    /// retypes or extends a rule span of the type of B- class `r`, at `r * classCount + c`; `Int32.max`: never
    /// (`retype` rows of `phi/tagger_types.tsv`). Empty when no pair may be retyped.
    let retypeMargins: [Int32]

    /// Session 21 (helper `tagspeed`): the class weights of the features of small domains, read by tagging without a
    /// hash or a table probe (``hashedFeatures(_:_:_:prev:shape:into:)``, ``score(_:_:firsts:small:into:)``): rows of
    /// ``maxClasses`` `Int32` (0 past `classCount`), ``smallRowCount`` of them. Rows 0-47: `bias` plus `docStyle` of
    /// (note style, token flags & 0x1E) at `style * 16 + flags >> 1 & 15`; rows 48-79: `prev` of the previous class;
    /// rows 80-123: `lineLength` of (line bits 0-3, length 0-10) at `80 + lines * 11 + length`. Each row is the table's
    /// answer to the very keys ``features(_:_:_:prev:docStyle:shape:into:)`` writes (``PHITaggerTable/weights(_:)``, the
    /// probe tagging made before, fingerprint matches included), summed with wrapping `Int32` adds: the scores are
    /// the same numbers.
    let smallRows: [Int32]
    /// Where each small feature's rows start: 3 note styles x 16 flag values, one row per previous class, 4 line shapes x
    /// 11 lengths (0, 48, 80 and 124 rows in all; derived, so that a new class or style moves them together).
    static let smallStyleRow = 0, smallPrevRow = smallStyleRow + 3 * 16, smallLineRow = smallPrevRow + maxClasses,
               smallRowCount = smallLineRow + 4 * 11

    var classCount: Int { classNames.count }
    /// The number of features with weights.
    public var featureCount: Int { table.featureCount }

    init(classNames: [String], table: PHITaggerTable, scale: Float, minMargins: [Int32],
         minMarginsOneWord: [Int32], repeats: [UInt8], retypeMargins: [Int32] = []) {
        self.classNames = classNames
        self.table = table
        self.scale = scale
        self.minMargins = minMargins
        self.minMarginsOneWord = minMarginsOneWord
        self.repeats = repeats
        classTypes = classNames.map { Self.type(ofClass: $0).map(EntityType.init(rawValue:)) }
        self.retypeMargins = retypeMargins.contains { $0 != Int32.max } ? retypeMargins : []
        smallRows = Self.smallRows(table, classes: classNames.count)
    }

    /// The rows of ``smallRows`` for `table`.
    static func smallRows(_ table: PHITaggerTable, classes: Int) -> [Int32] {
        var rows = [Int32](repeating: 0, count: smallRowCount * maxClasses)
        func add(_ row: Int, _ key: UInt64) {
            for (c, w) in table.weights(key) { rows[row * maxClasses + c] &+= Int32(w) }
        }
        for style in 0..<3 {
            for f in 0..<16 {
                add(smallStyleRow + style * 16 + f, mix(.bias, 0))
                add(smallStyleRow + style * 16 + f, mix(.docStyle, UInt64(style), UInt64(f << 1)))
            }
        }
        for p in 0..<min(classes, smallLineRow - smallPrevRow) { add(smallPrevRow + p, mix(.prev, UInt64(p))) }
        for lines in 0..<4 {
            for length in 0...10 { add(smallLineRow + lines * 11 + length, mix(.lineLength, UInt64(lines), UInt64(length))) }
        }
        return rows
    }

    /// The B- class of `type`, or nil when the model has no class of the type.
    func beginClass(of type: EntityType) -> Int? {
        var c = 1
        while c < classTypes.count { if classTypes[c] == type { return c }; c += 2 }
        return nil
    }

    /// The minimum margin (quantised) of a span of B- class `taggerClass` that retypes or extends a rule span of `type`
    /// (session 18), `Int32.max` when it may not.
    func retypeMargin(from type: EntityType, to taggerClass: Int) -> Int32 {
        guard !retypeMargins.isEmpty, let r = beginClass(of: type) else { return Int32.max }
        return retypeMargins[r * classCount + taggerClass]
    }

    /// Whether a tagger span may retype or extend some rule span of `type` (session 18): the tagger reads the words
    /// of such rule spans too.
    func retypes(from type: EntityType) -> Bool {
        guard !retypeMargins.isEmpty, let r = beginClass(of: type) else { return false }
        for c in 0..<classCount where retypeMargins[r * classCount + c] != Int32.max { return true }
        return false
    }

    /// Whether the repeat layers read the spans of some type.
    var repeatsAny: Bool { repeats.contains { $0 != 0 } }

    /// Whether the repeat layers read spans of `type` that the tagger added.
    func repeats(_ type: EntityType) -> Bool {
        for (c, t) in classTypes.enumerated() where repeats[c] != 0 && t == type { return true }
        return false
    }

    /// Session 19 (helper `taggerrep`): whether the other mentions of `e`, a span the tagger added, are found by the
    /// repeat layers: its type's `repeat` is yes and its margin reaches the type's `repeat_min_margin`. The margin is
    /// read back from the span's score (``PHIDetection/taggerSpans(_:covered:selected:)`` scores a span 0.5 + margin /
    /// 200, below 0.99), to 0.01 units.
    func seedsRepeats(_ e: Entity) -> Bool {
        for (c, t) in classTypes.enumerated() where t == e.type && repeats[c] != 0 {
            return (e.score - 0.5) * 200 >= Float(repeats[c] - 1) - 0.01
        }
        return false
    }

    /// The type a class tags (`B-NAME` -> NAME), nil for O.
    static func type(ofClass name: String) -> String? { name.count > 2 && name.dropFirst(1).hasPrefix("-") ? String(name.dropFirst(2)) : nil }
    /// Whether a class begins a span.
    static func begins(_ name: String) -> Bool { name.hasPrefix("B-") }

    // MARK: weights file

    /// Parses `phi/tagger_weights.tsv` and `phi/tagger_types.tsv`. An empty weights file means no tagger (nil).
    /// - Throws: ``PHIVocabularyError`` when the file is malformed or was trained for another feature set.
    static func parse(weights: String, types: String) throws -> PHITaggerModel? {
        let read = try PHIPerceptron.parse(
            weights, file: "phi/tagger_weights.tsv", model: "tagger", version: featureSetVersion, script: "scripts/phi/train_tagger.sh",
            classes: { classes in
                classes.first == "O" && classes.count <= maxClasses && classes.count % 2 == 1
                    ? nil : "classes must start with O, then B-/I- pairs (at most \(maxClasses))"
            }, stride: PHITaggerTable.rowStride(classes:))
        guard let read else { return nil }
        let classes = read.classes, scale = read.scale
        for k in stride(from: 1, to: classes.count, by: 2) {
            guard classes[k].hasPrefix("B-"), classes[k + 1] == "I-" + classes[k].dropFirst(2) else {
                throw PHIVocabularyError(file: "phi/tagger_weights.tsv", line: 0, detail: "classes must be B-TYPE, I-TYPE pairs")
            }
        }
        var margins = [Int32](repeating: Int32.max, count: classes.count)
        var oneWord = margins
        var repeats = [UInt8](repeating: 0, count: classes.count)
        var typeLine = 0
        var retype = [Int32](repeating: Int32.max, count: classes.count * classes.count)
        for line in types.split(separator: "\n", omittingEmptySubsequences: false) {
            typeLine += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t")
            if cols.first == "retype" {
                // Session 18: `retype RULE_TYPE TAGGER_TYPE MIN_MARGIN`.
                let r = classes.firstIndex(of: "B-" + (cols.count > 1 ? cols[1] : "")), c = classes.firstIndex(of: "B-" + (cols.count > 2 ? cols[2] : ""))
                guard cols.count == 4, let r, let c, let m = Float(cols[3]) else {
                    throw PHIVocabularyError(
                        file: "phi/tagger_types.tsv", line: typeLine, detail: "expected retype, a rule type, a tagger type (both classes of the model) and min_margin")
                }
                retype[r * classes.count + c] = Int32((m * scale).rounded(.up))
                continue
            }
            // Session 19: an optional fifth column, repeat_min_margin (0-98; without it min_margin, at most 98).
            guard cols.count == 4 || cols.count == 5, let m = Float(cols[1]), let m1 = Float(cols[2]), cols[3] == "yes" || cols[3] == "no",
                let rm = cols.count == 5 ? Int(cols[4]) : Int(min(98, m.rounded(.up))), rm >= 0, rm <= 98
            else {
                throw PHIVocabularyError(
                    file: "phi/tagger_types.tsv", line: typeLine,
                    detail: "expected TYPE, min_margin, min_margin_one_word, repeat (yes/no) and optionally repeat_min_margin (0-98)")
            }
            for (c, name) in classes.enumerated() where type(ofClass: name) == String(cols[0]) {
                margins[c] = Int32((m * scale).rounded(.up))
                oneWord[c] = Int32((m1 * scale).rounded(.up))
                repeats[c] = cols[3] == "yes" ? UInt8(rm + 1) : 0
            }
        }
        // The file's class weights (dense rows of `read.stride`), in key order so that the table is the same every time.
        let rows = read.rows.sorted { $0.key < $1.key }.map { key, row in
            let start = Int(row - 1) * read.stride
            let weights = (0..<classes.count).compactMap { c in read.entries[start + c] == 0 ? nil : (class: c, weight: read.entries[start + c]) }
            return (key: key, weights: weights.isEmpty ? [(class: 0, weight: Int16(0))] : weights)
        }
        guard let table = PHITaggerTable(rows: rows, classes: classes.count) else {
            throw PHIVocabularyError(file: "phi/tagger_weights.tsv", line: 0, detail: "the weights do not fit the tagger's table (too many class weights, or fingerprints that collide)")
        }
        return PHITaggerModel(
            classNames: classes, table: table, scale: scale, minMargins: margins, minMarginsOneWord: oneWord, repeats: repeats,
            retypeMargins: retype)
    }

    // MARK: features

    /// Template ids (part of every feature's hash: never renumber, append).
    enum T: UInt64 {
        case bias = 1, word, shape, prefix, suffix, wordM1, wordP1, wordM2, wordP2, shapeM1, shapeP1, prev, prevShape, wordM1Word,
            lineStart, length, bits, capBits, nextBits, ruleBits, prevRuleBits, docStyle, nextLineStart, prevPunct, prevBits,
            // Feature set 2 (session 20, taggercap): `lineLength` replaces `lineStart`, `length` and `nextLineStart`.
            lineLength
    }

    static let outside: UInt64 = 0x3C_73_3E  // "<s>": no token there

    @inline(__always) static func mix(_ t: T, _ a: UInt64, _ b: UInt64 = 0) -> UInt64 { PHIPerceptron.mix(t.rawValue, a, b) }

    /// The word's shape (`Smith` -> `Xxx`, `2065` -> `dd`, `O'Brien` -> `X'Xxx`): letters and digits by class, runs
    /// of two or more written twice, hashed. Bytes of multi-byte letters count as lower case.
    @inline(__always) static func shape(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var last: UInt8 = 0, run = 0
        var k = s
        while k < e {
            let c = b[k]
            k += 1
            let m: UInt8
            if c &- 0x41 < 26 { m = 0x58 } else if c &- 0x61 < 26 { m = 0x78 } else if c &- 0x30 < 10 { m = 0x64 }
            else if c >= 0x80 { if c < 0xC0 { continue }; m = 0x78 } else { m = c }
            if m == last { run += 1; if run > 2 { continue } } else { last = m; run = 1 }
            h = (h ^ UInt64(m)) &* 0x100_0000_01b3
        }
        return h
    }

    /// The lower-cased first (or last) three bytes' key.
    @inline(__always) static func affix(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, suffix: Bool) -> UInt64 {
        let n = min(3, e - s)
        return suffix ? wordKey(b, e - n, e) : wordKey(b, s, s + n)
    }

    /// The vocabulary facts a feature reads (name lists, ordinary word, stop lists, titles, address words).
    @inline(__always) static func bitsCode(_ t: PTok) -> UInt64 {
        UInt64(t.bits.rawValue & 0x3_FFFF) | (t.kind == .word ? 0 : UInt64(t.kind.rawValue + 1) << 20)
    }

    /// Writes the features of token `i` (previous tag `prev`) into `f`; returns how many.
    /// - Complexity: O(1): about 23 hashes, no allocation.
    @inline(__always)
    static func features(_ b: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<PTok>, _ i: Int, prev: Int, docStyle: UInt64,
                         into f: UnsafeMutablePointer<UInt64>) -> Int {
        features(b, t, i, prev: prev, docStyle: docStyle, shape: { j in shape(b, t[j].s, t[j].e) }, into: f)
    }

    /// ``features(_:_:_:prev:docStyle:into:)`` with the shapes of tokens `i - 1 ... i + 1` from `shapeOf` (which must
    /// answer ``shape(_:_:_:)`` of the token), so that tagging computes each token's shape once (``ShapeCache``).
    ///
    /// Feature set 2 (session 20, helper `taggercap`): the line-start, next-line-start and length features (three probes
    /// of keys with 2, 2 and 11 values) are one probe of their product (`lineLength`, 44 values), which can weigh every
    /// combination the three could: two hash probes fewer per scored token, pooled cross-validation unchanged.
    @inline(__always)
    static func features(_ b: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<PTok>, _ i: Int, prev: Int, docStyle: UInt64,
                         shape shapeOf: (Int) -> UInt64, into f: UnsafeMutablePointer<UInt64>) -> Int {
        keys(b, t, i, prev: prev, docStyle: docStyle, small: true, shape: shapeOf, into: f)
    }
    static let maxFeatures = 32

    /// The one list of feature keys behind ``features(_:_:_:prev:docStyle:shape:into:)`` (`small` true: every feature,
    /// in training's order) and ``hashedFeatures(_:_:_:prev:style:shape:into:)`` (`small` false: the same keys in the same
    /// order without the four small-domain ones, `bias`, `prev`, `lineLength` and `docStyle`). Callers pass `small` as a
    /// constant, so each inlined copy keeps only its own branch.
    @inline(__always)
    private static func keys(_ b: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<PTok>, _ i: Int, prev: Int, docStyle: UInt64,
                             small: Bool, shape shapeOf: (Int) -> UInt64, into f: UnsafeMutablePointer<UInt64>) -> Int {
        let n = t.count
        let tok = t[i]
        @inline(__always) func key(_ j: Int) -> UInt64 { j >= 0 && j < n ? t[j].key : outside &+ UInt64(j < 0 ? 0 : 1) }
        @inline(__always) func shp(_ j: Int) -> UInt64 { j >= 0 && j < n ? shapeOf(j) : outside }
        let sh = shapeOf(i)
        let p = UInt64(prev)
        var k = 0
        @inline(__always) func put(_ h: UInt64) { f[k] = h; k += 1 }
        if small { put(mix(.bias, 0)) }
        put(mix(.word, tok.key))
        put(mix(.shape, sh))
        put(mix(.prefix, affix(b, tok.s, tok.e, suffix: false)))
        put(mix(.suffix, affix(b, tok.s, tok.e, suffix: true)))
        put(mix(.wordM1, key(i - 1)))
        put(mix(.wordP1, key(i + 1)))
        put(mix(.wordM2, key(i - 2)))
        put(mix(.wordP2, key(i + 2)))
        put(mix(.shapeM1, shp(i - 1)))
        put(mix(.shapeP1, shp(i + 1)))
        if small { put(mix(.prev, p)) }
        put(mix(.prevShape, p, sh))
        put(mix(.wordM1Word, key(i - 1), tok.key))
        let bits = bitsCode(tok)
        put(mix(.bits, bits))
        if tok.cp { put(mix(.capBits, bits)) }
        put(mix(.nextBits, i + 1 < n ? bitsCode(t[i + 1]) : outside))
        put(mix(.prevBits, i > 0 ? bitsCode(t[i - 1]) : outside))
        put(mix(.ruleBits, UInt64(tok.rb.rawValue)))
        if small { put(mix(.lineLength, (tok.nl ? 1 : 0) | (i + 1 < n && t[i + 1].nl ? 2 : 0), UInt64(min(tok.e - tok.s, 10)))) }
        put(mix(.prevRuleBits, i > 0 && !tok.nl ? UInt64(t[i - 1].rb.rawValue) : outside))
        if small { put(mix(.docStyle, docStyle, UInt64(tok.flags.rawValue & 0x1E))) }
        put(mix(.prevPunct, i > 0 && !tok.nl ? UInt64(t[i - 1].pc) : outside))
        return k
    }

    /// The features of ``features(_:_:_:prev:docStyle:shape:into:)`` that tagging hashes and probes: all but the four of
    /// small domains (`bias`, `docStyle`, `prev`, `lineLength`), whose weights tagging reads from ``smallRows`` at the
    /// offsets `small` returns (session 21, helper `tagspeed`). The same keys as that function's others, from the same
    /// list (``keys(_:_:_:prev:docStyle:small:shape:into:)``), so tagging scores what training learned
    /// (`PHITaggerTests.smallRowsScoreLikeTheHashedFeatures`).
    @inline(__always)
    static func hashedFeatures(_ b: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<PTok>, _ i: Int, prev: Int, style: Int,
                               shape shapeOf: (Int) -> UInt64, into f: UnsafeMutablePointer<UInt64>) -> (count: Int, small: (Int, Int, Int)) {
        let k = keys(b, t, i, prev: prev, docStyle: 0, small: false, shape: shapeOf, into: f)
        let n = t.count
        let tok = t[i]
        let lines = (tok.nl ? 1 : 0) | (i + 1 < n && t[i + 1].nl ? 2 : 0)
        let small = (
            (smallStyleRow + style * 16 + Int(tok.flags.rawValue & 0x1E) >> 1) * maxClasses,
            (smallPrevRow + prev) * maxClasses,
            (smallLineRow + lines * 11 + min(tok.e - tok.s, 10)) * maxClasses)
        return (k, small)
    }

    /// Whether token `i` is scored (else it is O): a capitalised word, a word of a lower-case line or note that is no
    /// ordinary word, or any token after a token tagged other than O. Training asks the same.
    @inline(__always) static func gate(_ t: UnsafeBufferPointer<PTok>, _ i: Int, prevTagged: Bool, lower: Bool) -> Bool {
        let tok = t[i]
        if prevTagged && !tok.nl { return true }
        guard tok.kind == .word else { return false }
        if tok.cp { return true }
        guard lower || tok.ll, tok.flags.contains(.hasLetter) else { return false }
        return !tok.bits.contains(.ordinaryWord) || tok.bits.isName
    }

    /// A document style code: ALL-CAPS note, lower-case note, or mixed.
    @inline(__always) static func docStyle(capsDoc: Bool, lowerDoc: Bool) -> UInt64 { capsDoc ? 1 : lowerDoc ? 2 : 0 }

    /// The shapes of the last tokens asked (direct-mapped on the token index, four slots): a gated token reads the
    /// shapes of itself and both neighbours, so consecutive gated tokens share two of three.
    struct ShapeCache {
        var index: (Int, Int, Int, Int) = (-1, -1, -1, -1)
        var value: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

        @inline(__always) mutating func shape(_ b: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<PTok>, _ j: Int) -> UInt64 {
            switch j & 3 {
            case 0: if index.0 != j { index.0 = j; value.0 = PHITaggerModel.shape(b, t[j].s, t[j].e) }; return value.0
            case 1: if index.1 != j { index.1 = j; value.1 = PHITaggerModel.shape(b, t[j].s, t[j].e) }; return value.1
            case 2: if index.2 != j { index.2 = j; value.2 = PHITaggerModel.shape(b, t[j].s, t[j].e) }; return value.2
            default: if index.3 != j { index.3 = j; value.3 = PHITaggerModel.shape(b, t[j].s, t[j].e) }; return value.3
            }
        }
    }

    /// Adds the weights of features `f[0..<n]` into `scores` (quantised; room for ``maxClasses``: the lanes of classes
    /// no feature weighs, and those past `classCount`, are 0). `firsts` (room for `n`) receives the first probe slot of
    /// every key before any is resolved, so that the table's cache misses overlap; then the byte offsets of the dense
    /// rows found.
    ///
    /// Session 20 (tagspeed): the weights of a feature are one class inline in its slot, two or three `(class, weight)`
    /// entries added one by one, or a dense row (``PHITaggerTable``); the dense rows are added as vectors of 8 lanes,
    /// widened to Int32, in registers (session 19, taggerfast). Wrapping Int32 sums do not depend on order: the scores
    /// are the numbers the all-dense rows of sessions 16-19 gave.
    @inline(__always) func score(_ f: UnsafeMutablePointer<UInt64>, _ n: Int, firsts: UnsafeMutablePointer<UInt64>,
                                 into scores: UnsafeMutablePointer<Int32>) {
        let s = table.slots.buffer
        for j in 0..<n { firsts[j] = table.first(f[j], in: s) }
        scores.update(repeating: 0, count: Self.maxClasses)
        addHashed(f, n, firsts: firsts, into: scores)
    }

    /// ``score(_:_:firsts:into:)`` of the hashed features `f[0..<n]` (``hashedFeatures(_:_:_:prev:style:shape:into:)``)
    /// plus the three rows of ``smallRows`` at the `Int32` offsets `small` (`rows` is its base address): the scores that
    /// call gives all of the token's features (session 21, helper `tagspeed`).
    @inline(__always) func score(_ f: UnsafeMutablePointer<UInt64>, _ n: Int, firsts: UnsafeMutablePointer<UInt64>,
                                 small: (Int, Int, Int), rows: UnsafePointer<Int32>, into scores: UnsafeMutablePointer<Int32>) {
        let s = table.slots.buffer
        for j in 0..<n { firsts[j] = table.first(f[j], in: s) }
        let r = UnsafeRawPointer(rows), out = UnsafeMutableRawPointer(scores)
        let a = r + small.0 * 4, b = r + small.1 * 4, c = r + small.2 * 4
        for v in stride(from: 0, to: Self.maxClasses * 4, by: 32) {
            let x = a.loadUnaligned(fromByteOffset: v, as: SIMD8<Int32>.self) &+ b.loadUnaligned(fromByteOffset: v, as: SIMD8<Int32>.self)
                &+ c.loadUnaligned(fromByteOffset: v, as: SIMD8<Int32>.self)
            out.storeBytes(of: x, toByteOffset: v, as: SIMD8<Int32>.self)
        }
        addHashed(f, n, firsts: firsts, into: scores)
    }

    /// Adds the weights of `f[0..<n]` (their first probe slots in `firsts`) to `scores`.
    @inline(__always) func addHashed(_ f: UnsafeMutablePointer<UInt64>, _ n: Int, firsts: UnsafeMutablePointer<UInt64>,
                                     into scores: UnsafeMutablePointer<Int32>) {
        let s = table.slots.buffer, e = table.entries.buffer.baseAddress
        var m = 0  // dense rows found, their byte offsets in `firsts[0..<m]` (m <= j: a slot is overwritten after it was read)
        for j in 0..<n {
            let p = table.payload(f[j], first: firsts[j], in: s)
            if p == 0 { continue }
            if p & PHITaggerTable.inlineBit != 0 {
                scores[Int(p &>> 16 & 31)] &+= Int32(Int16(truncatingIfNeeded: p))
            } else if p & PHITaggerTable.denseBit != 0 {
                firsts[m] = UInt64(p & (PHITaggerTable.denseBit - 1))
                m &+= 1
            } else {
                // Two or three entries; their classes are below 32 (checked when the table is built or loaded).
                var k = Int(p & 0xF_FFFF)
                let end = k &+ Int(p &>> 20)
                repeat {
                    let x = e.unsafelyUnwrapped[k]
                    scores[Int(x &>> 16 & 31)] &+= Int32(Int16(truncatingIfNeeded: x))
                    k &+= 1
                } while k < end
            }
        }
        if m == 0 { return }
        let r = UnsafeRawPointer(table.rows.buffer.baseAddress.unsafelyUnwrapped), out = UnsafeMutableRawPointer(scores)
        switch table.rowStride {
        case 8: Self.addRows(r, firsts, m, vectors: 1, into: out)
        case 16: Self.addRows(r, firsts, m, vectors: 2, into: out)
        case 24: Self.addRows(r, firsts, m, vectors: 3, into: out)
        default: Self.addRows(r, firsts, m, vectors: 4, into: out)
        }
    }

    /// Adds `m` rows of `vectors` vectors of 8 `Int16` weights (byte offsets `offsets[0..<m]` from `e`) to the 32 `Int32`
    /// scores at `out` (lanes past `vectors * 8` unchanged). Inlined with a constant `vectors`, so each row is 1-4
    /// unaligned loads, widenings and adds.
    @inline(__always) static func addRows(_ e: UnsafeRawPointer, _ offsets: UnsafeMutablePointer<UInt64>, _ m: Int, vectors: Int,
                                          into out: UnsafeMutableRawPointer) {
        var a0 = SIMD8<Int32>(), a1 = SIMD8<Int32>(), a2 = SIMD8<Int32>(), a3 = SIMD8<Int32>()
        for j in 0..<m {
            let r = e + Int(truncatingIfNeeded: offsets[j])
            a0 &+= SIMD8<Int32>(truncatingIfNeeded: r.loadUnaligned(as: SIMD8<Int16>.self))
            if vectors > 1 { a1 &+= SIMD8<Int32>(truncatingIfNeeded: r.loadUnaligned(fromByteOffset: 16, as: SIMD8<Int16>.self)) }
            if vectors > 2 { a2 &+= SIMD8<Int32>(truncatingIfNeeded: r.loadUnaligned(fromByteOffset: 32, as: SIMD8<Int16>.self)) }
            if vectors > 3 { a3 &+= SIMD8<Int32>(truncatingIfNeeded: r.loadUnaligned(fromByteOffset: 48, as: SIMD8<Int16>.self)) }
        }
        @inline(__always) func add(_ a: SIMD8<Int32>, _ at: Int) {
            out.storeBytes(of: out.loadUnaligned(fromByteOffset: at, as: SIMD8<Int32>.self) &+ a, toByteOffset: at, as: SIMD8<Int32>.self)
        }
        add(a0, 0)
        if vectors > 1 { add(a1, 32) }
        if vectors > 2 { add(a2, 64) }
        if vectors > 3 { add(a3, 96) }
    }

    /// ``score(_:_:firsts:into:)`` without a caller's buffer.
    func score(_ f: UnsafeMutablePointer<UInt64>, _ n: Int, into scores: UnsafeMutablePointer<Int32>) {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: Self.maxFeatures) { fs in score(f, n, firsts: fs.baseAddress!, into: scores) }
    }

    /// A span the tagger found: token range, class of its type (the B- class index), weakest margin (quantised).
    struct Span {
        var start: Int
        var end: Int
        var beginClass: Int
        var margin: Int32
    }

    /// How many tokens before a word that may anchor an added span (``anchor(_:lowerDoc:)``) tagging resumes, with the
    /// previous tag O, after a stretch of tokens it skipped (session 17, taggerfast). 6: on the 624 PHI gold notes and the
    /// 4,966 MTSamples reports the output equals tagging every token (4 and 3 changed 1 and 7 notes).
    static let anchorLookBehind = 6

    /// A token that can make a span of the tagger one that ``PHIDetection/taggerSpans(_:)`` adds: a word of two bytes
    /// or more, distinctive (``PHIDetection/taggerDistinctiveWord(_:)``), capitalised or on a lower-case line or note (a
    /// word the gate scores on its own). A span without one is never added.
    @inline(__always) static func anchor(_ x: PTok, lowerDoc: Bool) -> Bool {
        x.kind == .word && x.e - x.s >= 2 && (x.cp || x.ll || lowerDoc) && PHIDetection.taggerDistinctiveWord(x)
    }

    /// Tags the note's tokens greedily; returns the spans of every type (margins not yet applied).
    ///
    /// Only the neighbourhood of anchors is tagged (session 17, taggerfast): when the previous tag is O and the next anchor
    /// (``anchor(_:lowerDoc:)``) outside `covered` lies more than ``anchorLookBehind`` tokens ahead, the tokens up to that
    /// many before it are taken as O unscored. A span there would hold no anchor (never added) or only anchors inside
    /// `covered` (the byte spans the rules selected, sorted: a tagger span overlapping one is dropped). The skipped tokens'
    /// tags could differ from O and reach the resumed tokens through the previous-tag feature; measured: no change.
    func tag(_ b: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<PTok>, capsDoc: Bool, lowerDoc: Bool,
             covered: [TextSpan] = []) -> [Span] {
        var out: [Span] = []
        let style = Self.docStyle(capsDoc: capsDoc, lowerDoc: lowerDoc)
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * Self.maxFeatures) { fb in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: Self.maxClasses) { sb in
              smallRows.withUnsafeBufferPointer { rb in
                let f = fb.baseAddress!, firsts = f + Self.maxFeatures, sc = sb.baseAddress!, rows = rb.baseAddress!
                var prev = 0
                var shapes = ShapeCache()
                var nextAnchor = -1  // the next anchor at or after `i` (t.count: none), once asked
                var c = 0  // the first span of `covered` that may overlap `nextAnchor` or a later token
                var i = 0
                while i < t.count {
                    defer { i += 1 }
                    if prev == 0 {
                        if nextAnchor < i {
                            nextAnchor = i
                            while nextAnchor < t.count {
                                let x = t[nextAnchor]
                                if Self.anchor(x, lowerDoc: lowerDoc) {
                                    while c < covered.count && covered[c].end <= x.s { c += 1 }
                                    if c == covered.count || covered[c].start >= x.e { break }
                                }
                                nextAnchor += 1
                            }
                        }
                        if nextAnchor == t.count { break }
                        if nextAnchor - Self.anchorLookBehind > i { i = nextAnchor - Self.anchorLookBehind }
                        // Session 19 (taggerfast): a token at a line start that the gate does not score on its own is O
                        // whatever the tag before it, so decoding after the last such token before the anchor, with the
                        // previous tag O, tags the rest exactly as decoding from `i` would (the tokens skipped hold no
                        // anchor outside `covered`: a span of theirs is never added).
                        var k = nextAnchor - 1
                        while k >= i {
                            if t[k].nl && !Self.gate(t, k, prevTagged: false, lower: lowerDoc) { i = k + 1; break }
                            k -= 1
                        }
                    }
                    guard Self.gate(t, i, prevTagged: prev != 0, lower: lowerDoc) else {
                        prev = 0
                        continue
                    }
                    let (n, small) = Self.hashedFeatures(b, t, i, prev: prev, style: Int(style), shape: { j in shapes.shape(b, t, j) }, into: f)
                    score(f, n, firsts: firsts, small: small, rows: rows, into: sc)
                    var best = 0
                    for c in 1..<classCount where sc[c] > sc[best] { best = c }
                    prev = best
                    if best == 0 { continue }
                    let margin = sc[best] &- sc[0]
                    // I-X continues a span of X; anything else (B-X, or I-X after another type) starts one.
                    if best % 2 == 0, var last = out.last, last.end == i, last.beginClass == best - 1 {
                        last.end = i + 1
                        last.margin = min(last.margin, margin)
                        out[out.count - 1] = last
                    } else {
                        out.append(Span(start: i, end: i + 1, beginClass: best % 2 == 1 ? best : best - 1, margin: margin))
                    }
                }
              }
            }
        }
        return out
    }
}
