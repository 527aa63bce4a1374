public import MedTextCore

/// Trains the weights of ``PHITaggerModel`` (an averaged perceptron, ``PHIPerceptron``) from gold notes, deterministically: the notes are
/// visited in an order shuffled by a seeded SplitMix64, for a fixed number of epochs, with the same feature and gate
/// code as tagging; the file written lists the features in key order. Training the same notes twice gives the same
/// bytes (`scripts/phi/train_tagger.sh` reproduces the committed `phi/tagger_weights.tsv`).
public struct PHITaggerTrainer: Sendable {
    public struct Settings: Sendable, Hashable {
        public var epochs = 5
        public var seed: UInt64 = 1
        /// Class weights whose absolute value is below this (in perceptron units) are not written.
        public var prune: Float = 0.5
        public init(epochs: Int = 5, seed: UInt64 = 1, prune: Float = 0.5) {
            self.epochs = epochs
            self.seed = seed
            self.prune = prune
        }
    }

    struct Note: Sendable {
        var bytes: [UInt8]
        var tokens: [PTok]
        var capsDoc: Bool
        var lowerDoc: Bool
        /// Per token: the gold type of the span it lies in ("" for none) and whether it is the span's first token.
        var types: [String]
        var begins: [Bool]
        /// Per token: whether the perceptron learns from it (all tokens of a PHI gold note; only the tokens inside the
        /// clinical entity spans of a negative note).
        var learn: [Bool]
    }

    public let vocabulary: PHIVocabulary
    public let settings: Settings
    var notes: [Note] = []

    public init(vocabulary: PHIVocabulary, settings: Settings = Settings()) {
        self.vocabulary = vocabulary
        self.settings = settings
    }

    /// The number of notes added.
    public var noteCount: Int { notes.count }

    /// Adds one gold note: `document` must carry the tokenizer's tokens; `gold` holds its PHI spans (UTF-8 byte
    /// offsets) and their types (`NAME`, `ORGANIZATION`, ...).
    public mutating func add(_ document: AnnotatedDocument, gold: [(span: TextSpan, type: String)]) {
        add(document, gold: gold, learnOnly: nil)
    }

    /// Adds a note of hard negatives: a note of the entity gold corpus whose clinical entity spans (drug, brand, test,
    /// procedure, diagnosis and body-site names: `spans`) are no PHI. The perceptron learns O at the tokens inside them
    /// and nothing elsewhere (the rest of the note was not annotated for PHI).
    public mutating func addNegatives(_ document: AnnotatedDocument, spans: [TextSpan]) {
        add(document, gold: [], learnOnly: spans)
    }

    mutating func add(_ document: AnnotatedDocument, gold: [(span: TextSpan, type: String)], learnOnly: [TextSpan]?) {
        var text = document.document.text
        let bytes = Array(text.utf8)
        let (tokens, caps, lower) = text.withUTF8 { b in
            let p = PHIDetection.Prepared(b: b, tokens: document.tokens, vocab: vocabulary)
            return (p.tokens, p.capsDoc, p.lowerDoc)
        }
        var types = [String](repeating: "", count: tokens.count)
        var begins = [Bool](repeating: false, count: tokens.count)
        for g in gold.sorted(by: { $0.span < $1.span }) {
            var first = true
            for (k, tok) in tokens.enumerated() where tok.s < g.span.end && tok.e > g.span.start && types[k].isEmpty {
                types[k] = g.type
                begins[k] = first
                first = false
            }
        }
        var learn = [Bool](repeating: learnOnly == nil, count: tokens.count)
        for s in learnOnly ?? [] {
            for (k, tok) in tokens.enumerated() where tok.s < s.end && tok.e > s.start { learn[k] = true }
        }
        notes.append(Note(bytes: bytes, tokens: tokens, capsDoc: caps, lowerDoc: lower, types: types, begins: begins, learn: learn))
    }

    /// Trains and returns the weights file (`phi/tagger_weights.tsv`).
    /// - Complexity: O(epochs x tokens x features).
    public func train() -> String {
        let typeNames = Set(notes.flatMap { $0.types }).subtracting([""]).sorted()
        var classNames = ["O"]
        for t in typeNames { classNames += ["B-" + t, "I-" + t] }
        precondition(classNames.count <= PHITaggerModel.maxClasses, "too many PHI types for the tagger")
        let c = classNames.count
        var classOf: [String: Int] = [:]
        for (k, t) in typeNames.enumerated() { classOf[t] = 2 * k + 1 }
        let labels: [[Int32]] = notes.map { note in
            note.types.indices.map { k in note.types[k].isEmpty ? 0 : Int32(classOf[note.types[k]]! + (note.begins[k] ? 0 : 1)) }
        }

        var perceptron = PHIPerceptron(classCount: c)
        var rng = SplitMix64(state: settings.seed)
        var order = Array(notes.indices)
        let f = UnsafeMutablePointer<UInt64>.allocate(capacity: PHITaggerModel.maxFeatures)
        defer { f.deallocate() }
        var scores = [Float](repeating: 0, count: c)
        var rows = [Int](repeating: -1, count: PHITaggerModel.maxFeatures)
        for _ in 0..<settings.epochs {
            rng.shuffle(&order)
            for ni in order {
                let note = notes[ni]
                let gold = labels[ni]
                note.bytes.withUnsafeBufferPointer { b in
                    note.tokens.withUnsafeBufferPointer { t in
                        let style = PHITaggerModel.docStyle(capsDoc: note.capsDoc, lowerDoc: note.lowerDoc)
                        var prev = 0
                        for i in 0..<t.count {
                            guard PHITaggerModel.gate(t, i, prevTagged: prev != 0, lower: note.lowerDoc) else {
                                prev = 0
                                continue
                            }
                            guard note.learn[i] else {
                                prev = Int(gold[i])
                                continue
                            }
                            let m = PHITaggerModel.features(b, t, i, prev: prev, docStyle: style, into: f)
                            let truth = Int(gold[i])
                            let guess = perceptron.predict(f, m, rows: &rows, scores: &scores)
                            perceptron.update(f, m, rows: rows, truth: truth, guess: guess)
                            prev = truth
                        }
                    }
                }
            }
        }
        return perceptron.weightsFile(
            comments: [
                "medtext PHI tagger weights: averaged perceptron trained by `medtext train-phi-tagger` (scripts/phi/train_tagger.sh).",
                "Generated: do not edit. Rows: hex feature key, then class:weight (weight = perceptron weight x scale).",
                "notes \(notes.count), epochs \(settings.epochs), seed \(settings.seed), prune \(settings.prune)",
            ], version: PHITaggerModel.featureSetVersion, classNames: classNames, prune: settings.prune)
    }

    /// A gold note (corpora/phi/FORMAT.md: `[[surface|TYPE]]`, `[[surface|ID|kind=mrn]]`; markers may nest, as in
    /// corpora/gold) as its plain text and spans (UTF-8 byte offsets) with their first label. Returns nil when a marker
    /// is unbalanced.
    public static func parseGold(_ marked: String) -> (text: String, spans: [(span: TextSpan, type: String)])? {
        let src = Array(marked.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(src.count)
        var spans: [(span: TextSpan, type: String)] = []
        var open: [Int] = []
        var i = 0
        while i < src.count {
            if i + 1 < src.count && src[i] == 0x5B && src[i + 1] == 0x5B {
                open.append(out.count)
                i += 2
                continue
            }
            if i + 1 < src.count && src[i] == 0x5D && src[i + 1] == 0x5D, let o = open.popLast() {
                var type = ""
                if let bar = out[o...].firstIndex(of: 0x7C) {
                    let labels = String(decoding: out[(bar + 1)...], as: UTF8.self)
                    out.removeSubrange(bar...)
                    type = labels.split(separator: "|", omittingEmptySubsequences: false).first.map(String.init) ?? ""
                }
                spans.append((TextSpan(o, out.count), type))
                i += 2
                continue
            }
            out.append(src[i])
            i += 1
        }
        guard open.isEmpty else { return nil }
        return (String(decoding: out, as: UTF8.self), spans.sorted { $0.span < $1.span })
    }
}
