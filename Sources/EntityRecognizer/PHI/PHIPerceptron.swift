/// The averaged perceptron the learned PHI models share (DESIGN.md "A learned retyper of rule spans", helper `retype`,
/// session 20): the weights and the running totals that average them, the update, quantisation to `Int16` with one
/// scale, the weights file (TSV) written and read back, and the seeded visit order (``SplitMix64``).
/// ``PHITaggerTrainer`` and ``PHIRetyperTrainer`` train with it; ``PHITaggerModel`` and ``PHIRetyperModel`` read their
/// files with ``parse(_:file:model:version:script:classes:)``. Features are hashed 64-bit keys; a class row is the
/// weights of one key for every class.
struct PHIPerceptron {
    let classCount: Int
    /// Feature key -> row number.
    private var index: [UInt64: Int] = [:]
    private var w: [Float] = []
    /// Per weight: its sum over the steps up to `stamp`, so that the average costs nothing per step.
    private var total: [Double] = []
    private var stamp: [Int] = []
    /// Examples seen (the averaging clock).
    private(set) var steps = 0

    init(classCount: Int) {
        self.classCount = classCount
    }

    /// The key of a feature: template id `template` mixed with one or two values (never 0, the key tables' empty slot).
    @inline(__always) static func mix(_ template: UInt64, _ a: UInt64, _ b: UInt64 = 0) -> UInt64 {
        var h = (template &* 0x9E37_79B9_7F4A_7C15) ^ a
        h = (h ^ (h &>> 31)) &* 0xBF58_476D_1CE4_E5B9
        h ^= b
        h = (h ^ (h &>> 29)) &* 0x94D0_49BB_1331_11EB
        h ^= h &>> 32
        return h == 0 ? 1 : h
    }

    /// Scores the features `f[0..<m]` into `scores` (`classCount` long), keeping each feature's row (-1: none) in
    /// `rows`, counts the example, and returns the best class (the first of equal scores).
    mutating func predict(_ f: UnsafePointer<UInt64>, _ m: Int, rows: UnsafeMutablePointer<Int>, scores: UnsafeMutablePointer<Float>) -> Int {
        let c = classCount
        for k in 0..<c { scores[k] = 0 }
        for j in 0..<m {
            rows[j] = index[f[j]] ?? -1
            if rows[j] >= 0 { for k in 0..<c { scores[k] += w[rows[j] * c + k] } }
        }
        var guess = 0
        for k in 1..<c where scores[k] > scores[guess] { guess = k }
        steps += 1
        return guess
    }

    /// The perceptron update after ``predict(_:_:rows:scores:)`` guessed `guess` for an example of class `truth`:
    /// +1 to the truth's weight and -1 to the guess's of every feature (a new key gets a row).
    mutating func update(_ f: UnsafePointer<UInt64>, _ m: Int, rows: UnsafePointer<Int>, truth: Int, guess: Int) {
        guard guess != truth else { return }
        let c = classCount
        for j in 0..<m {
            var r = rows[j]
            if r < 0 {
                // A feature seen twice in one example's list keeps one row.
                if let known = index[f[j]] { r = known } else {
                    r = index.count
                    index[f[j]] = r
                    w.append(contentsOf: repeatElement(0, count: c))
                    total.append(contentsOf: repeatElement(0, count: c))
                    stamp.append(contentsOf: repeatElement(0, count: c))
                }
            }
            for (k, d) in [truth: Float(1), guess: Float(-1)] as KeyValuePairs<Int, Float> {
                let x = r * c + k
                total[x] += Double(steps - stamp[x]) * Double(w[x])
                stamp[x] = steps
                w[x] += d
            }
        }
    }

    /// The weights file: `comments` as `#` lines, the `version`, `classes` and `scale` rows, then one row per feature in
    /// key order: the key in 16 hex digits and its `class:weight` items, the averaged weights quantised with one scale
    /// (the largest fits an `Int16`, at most 1000), weights below `prune` (perceptron units) left out.
    func weightsFile(comments: [String], version: UInt32, classNames: [String], prune: Float) -> String {
        precondition(classNames.count == classCount)
        let c = classCount
        var avg = [Float](repeating: 0, count: w.count)
        var maxAbs: Float = 0
        if steps > 0 {
            for x in w.indices {
                avg[x] = Float((total[x] + Double(steps - stamp[x]) * Double(w[x])) / Double(steps))
                maxAbs = max(maxAbs, abs(avg[x]))
            }
        }
        let scale = maxAbs > 0 ? min(1000, (32767 / maxAbs).rounded(.down)) : 1000
        var out = comments.map { "# " + $0 + "\n" }.joined()
        out += "version\t\(version)\n"
        out += "classes\t" + classNames.joined(separator: "\t") + "\n"
        out += "scale\t\(Int(scale))\n"
        for (key, r) in index.sorted(by: { $0.key < $1.key }) {
            var items: [String] = []
            for k in 0..<c {
                let v = avg[r * c + k]
                guard abs(v) >= prune else { continue }
                let q = Int16(clamping: Int((v * scale).rounded()))
                if q != 0 { items.append("\(k):\(q)") }
            }
            guard !items.isEmpty else { continue }
            let hex = String(key, radix: 16)
            out += String(repeating: "0", count: 16 - hex.count) + hex + "\t" + items.joined(separator: " ") + "\n"
        }
        return out
    }

    /// A weights file read back: class names, scale, and per feature key its row number + 1 in `entries`, whose rows are
    /// `stride` weights long (the classes, then zeros).
    struct Weights {
        var classes: [String]
        var scale: Float
        var rows: [UInt64: UInt64]
        var entries: [Int16]
        var stride: Int
    }

    /// Reads a weights file written by ``weightsFile(comments:version:classNames:prune:)``; nil when it holds nothing
    /// but comments (no model). `classes` checks the class row (an error detail, or nil when it is fine); `stride` gives
    /// a row's length for a number of classes. Errors name `file`, and a file of another feature set than `version`
    /// names `script`, which retrains `model`.
    /// - Throws: ``PHIVocabularyError`` when the file is malformed or of another feature set.
    static func parse(_ text: String, file: String, model: String, version want: UInt32, script: String,
                      classes check: ([String]) -> String?, stride: (Int) -> Int) throws -> Weights? {
        var classes: [String] = []
        var scale: Float = 0
        var version: UInt32? = nil
        var map: [UInt64: UInt64] = [:]
        var entries: [Int16] = []
        var lineNo = 0
        var sawAny = false
        var rowLength = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            sawAny = true
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            switch cols[0] {
            case "version":
                guard cols.count == 2, let v = UInt32(cols[1]) else { throw PHIVocabularyError(file: file, line: lineNo, detail: "bad version row") }
                guard v == want else {
                    throw PHIVocabularyError(
                        file: file, line: lineNo,
                        detail: "weights trained for \(model) feature set \(v), this program reads feature set \(want); retrain with \(script)")
                }
                version = v
            case "classes":
                guard entries.isEmpty else { throw PHIVocabularyError(file: file, line: lineNo, detail: "classes row after the weights") }
                classes = cols.dropFirst().map(String.init)
                if let detail = check(classes) { throw PHIVocabularyError(file: file, line: lineNo, detail: detail) }
                rowLength = stride(classes.count)
            case "scale":
                guard cols.count == 2, let s = Float(cols[1]), s > 0 else { throw PHIVocabularyError(file: file, line: lineNo, detail: "bad scale row") }
                scale = s
            default:
                guard version != nil, !classes.isEmpty, scale > 0 else {
                    throw PHIVocabularyError(file: file, line: lineNo, detail: "version, classes and scale rows must come before the weights")
                }
                guard cols.count == 2, let key = UInt64(cols[0], radix: 16), key != 0 else {
                    throw PHIVocabularyError(file: file, line: lineNo, detail: "expected a hex feature key and its class weights")
                }
                let start = entries.count
                entries.append(contentsOf: repeatElement(0, count: rowLength))
                var n = 0
                for item in cols[1].split(separator: " ") {
                    let kv = item.split(separator: ":")
                    guard kv.count == 2, let c = Int(kv[0]), c >= 0, c < classes.count, let w = Int16(kv[1]) else {
                        throw PHIVocabularyError(file: file, line: lineNo, detail: "bad class weight")
                    }
                    guard entries[start + c] == 0 else { throw PHIVocabularyError(file: file, line: lineNo, detail: "class listed twice") }
                    entries[start + c] = w
                    n += 1
                }
                guard n > 0, n < 1 << 16 else { throw PHIVocabularyError(file: file, line: lineNo, detail: "no class weights") }
                guard map[key] == nil else { throw PHIVocabularyError(file: file, line: lineNo, detail: "feature key listed twice") }
                map[key] = UInt64(start / rowLength + 1)
            }
        }
        guard sawAny else { return nil }
        guard version != nil, !classes.isEmpty, scale > 0 else {
            throw PHIVocabularyError(file: file, line: lineNo, detail: "missing version, classes or scale row")
        }
        return Weights(classes: classes, scale: scale, rows: map, entries: entries, stride: rowLength)
    }
}

/// SplitMix64: a small seeded generator of our own, so the visit order of training never depends on the platform.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z &>> 31)
    }

    /// Shuffles `order` (Fisher-Yates, from the last element down): the visit order of one training epoch.
    mutating func shuffle(_ order: inout [Int]) {
        guard order.count > 1 else { return }
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            order.swapAt(i, j)
        }
    }
}
