public import MedTextCore

/// Why a compiled image (a lexicon or a PHI vocabulary) was not loaded. Never fatal: the caller compiles the lexicon
/// from its terms instead (and may write a fresh image).
public struct LexiconImageError: MedTextError, Equatable {
    public enum Kind: String, Sendable {
        /// No image was written for these inputs yet (or it could not be read).
        case missing
        /// Shorter than its header or its recorded length: a partial write or a truncated copy.
        case truncated
        /// Not a medtext lexicon image, or one written by another format version.
        case format
        /// Compiled from other inputs (terms, rule files, normalizer or program): stale.
        case stale
        /// The payload's checksum does not match: the file was damaged after it was written.
        case checksum
        /// The checksum matched but the content is inconsistent (a bug in the writer).
        case malformed
    }

    public var kind: Kind
    public var detail: String

    public init(kind: Kind, detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public var code: String { "MT-REC-002" }
    public var message: String { "compiled image not used (\(kind.rawValue): \(detail)); it is rebuilt from its sources" }
}

extension CompiledLexicon {
    /// Bump when the image layout or the meaning of a compiled field changes.
    public static let imageFormatVersion: UInt32 = 1
    static let imageMagic: [UInt8] = Array("MTXLEXIM".utf8)

    /// The lexicon as a flat, little-endian binary image (``BinaryImage``: a header with the
    /// format version, the 32-byte `key` naming the inputs it was compiled from and a checksum),
    /// whose payload holds the arrays of the token
    /// dictionary, the trie, the typo index and the compiled terms (strings in one pool).
    /// - Parameter key: 32 bytes identifying the inputs (the facade uses a SHA-256 of the
    ///   terminology's identity, the rule files' contents and the program's identity).
    /// - Complexity: O(size of the lexicon)
    public func image(key: [UInt8]) -> [UInt8] {
        precondition(key.count == 32, "an image key is 32 bytes")
        var w = ImageWriter()
        w.u32(numberID)
        w.u32(yearID)
        w.array(dictionary.pool)
        w.array(dictionary.starts)
        w.array(matcher.edgeStart)
        w.array(matcher.edgeLabel)
        w.array(matcher.edgeTarget)
        w.array(matcher.payloadStart)
        w.array(matcher.payloads)
        w.u64(UInt64(matcher.maxDepth))
        w.u64(UInt64(matcher.phraseCount))
        w.array(lexiconWords)
        w.alignedArray(typos.keys)
        w.alignedArray(typos.ids)
        let groups = typos.groups.sorted { $0.key < $1.key }
        w.array(groups.map(\.key))
        w.array(groups.map(\.value))
        w.u64(UInt64(typos.wordCount))
        w.u64(UInt64(typos.minimumWordLength))
        // Terms: a table of distinct entity types, a string pool, then one record per term.
        var typeIndex: [EntityType: UInt32] = [:]
        var types: [EntityType] = []
        var pool: [UInt8] = []
        var records = ImageWriter()
        func string(_ s: String) {
            records.u32(UInt32(pool.count))
            records.u32(UInt32(s.utf8.count))
            pool.append(contentsOf: s.utf8)
        }
        for t in terms {
            let term = t.term
            let type: UInt32
            if let i = typeIndex[term.type] {
                type = i
            } else {
                type = UInt32(types.count)
                typeIndex[term.type] = type
                types.append(term.type)
            }
            records.i64(term.conceptID)
            records.i64(Int64(term.priority))
            records.u16(term.traits.rawValue)
            var flags: UInt8 = 0
            if term.caseSensitive { flags |= 1 }
            if term.isAbbreviation { flags |= 2 }
            if term.isDefaultSense { flags |= 4 }
            if term.typoTarget { flags |= 8 }
            if term.original != nil { flags |= 16 }
            if t.originalBytes != nil { flags |= 32 }
            records.u8(flags)
            records.u8(t.category.flatMap { c in EntityCategory.allCases.firstIndex(of: c).map(UInt8.init) } ?? 0xFF)
            records.u32(type)
            string(term.normalized)
            if let o = term.original { string(o) }
            string(term.ruleID)
            records.u32(UInt32(term.cues.count))
            for c in term.cues { string(c) }
            if let b = t.originalBytes {
                records.u32(UInt32(pool.count))
                records.u32(UInt32(b.count))
                pool.append(contentsOf: b)
            }
            records.u32(UInt32(t.cueIDs.count))
            for ids in t.cueIDs { records.array(ids) }
        }
        w.u64(UInt64(types.count))
        for t in types {
            w.u32(UInt32(t.rawValue.utf8.count))
            w.bytes(Array(t.rawValue.utf8))
        }
        w.array(pool)
        w.u64(UInt64(terms.count))
        w.bytes(records.out)
        return BinaryImage.wrap(w.out, magic: Self.imageMagic, version: Self.imageFormatVersion, key: key)
    }

    /// Loads an image written by ``image(key:)``.
    /// - Throws: ``LexiconImageError`` when the image is truncated, of another format, written
    ///   for another `key` (stale), damaged (checksum) or inconsistent; never traps on bad bytes.
    /// - Complexity: O(image size)
    ///
    /// The typo index's table is read in place from `image`'s memory; everything else is copied.
    public init(image: ImageStorage, key: [UInt8]) throws(LexiconImageError) {
        let payload = try BinaryImage.unwrap(image.bytes, magic: Self.imageMagic, version: Self.imageFormatVersion, key: key)
        do {
            self = try Self.decode(payload, owner: image)
        } catch {
            throw LexiconImageError(kind: .malformed, detail: error.detail)
        }
    }

    private static func decode(_ payload: UnsafeRawBufferPointer, owner: ImageStorage) throws(ImageReader.Failure) -> CompiledLexicon {
        var r = ImageReader(payload, owner: owner)
        let numberID = try r.u32(), yearID = try r.u32()
        guard let dictionary = TokenDictionary(validatingPool: try r.array(), starts: try r.array()) else {
            throw ImageReader.Failure(detail: "token dictionary")
        }
        guard numberID >= 1, yearID >= 1, Int(numberID) <= dictionary.count, Int(yearID) <= dictionary.count else {
            throw ImageReader.Failure(detail: "placeholder ids")
        }
        let edgeStart: [Int32] = try r.array(), edgeLabel: [UInt32] = try r.array(), edgeTarget: [Int32] = try r.array()
        let payloadStart: [Int32] = try r.array(), payloads: [UInt32] = try r.array()
        let maxDepth = try r.int(), phraseCount = try r.int()
        let lexiconWords: [UInt32] = try r.array()
        let typoKeys: FrozenArray<UInt64> = try r.frozenArray(), typoIDs: FrozenArray<UInt32> = try r.frozenArray()
        let groupWords: [UInt32] = try r.array(), groupIDs: [Int64] = try r.array()
        let wordCount = try r.int(), minimumWordLength = try r.int()
        guard groupWords.count == groupIDs.count else { throw ImageReader.Failure(detail: "typo groups") }
        var groups: [UInt32: Int64] = [:]
        groups.reserveCapacity(groupWords.count)
        for (w, g) in zip(groupWords, groupIDs) { groups[w] = g }
        guard let typos = TypoIndex(
            validatingKeys: typoKeys, ids: typoIDs, groups: groups, wordCount: wordCount, minimumWordLength: minimumWordLength,
            wordLimit: dictionary.count)
        else { throw ImageReader.Failure(detail: "typo index") }
        for w in lexiconWords where w == 0 || Int(w) > dictionary.count { throw ImageReader.Failure(detail: "lexicon words") }

        var types: [EntityType] = []
        let typeCount = try r.int()
        guard typeCount <= 1 << 16 else { throw ImageReader.Failure(detail: "entity types") }
        for _ in 0..<typeCount {
            let n = Int(try r.u32())
            types.append(EntityType(rawValue: String(decoding: try r.bytes(n), as: UTF8.self)))
        }
        // A term's category follows from its type, as when compiling: checked, not trusted.
        let typeCategories = types.map(\.lexiconCategory)
        // The string pool is read in place (it lives in the image until decoding ends).
        let poolCount = try r.int()
        let pool = try r.bytes(poolCount).bindMemory(to: UInt8.self)
        let termCount = try r.int()
        guard termCount <= payload.count else { throw ImageReader.Failure(detail: "term count") }
        var terms: [Recognizer.CompiledTerm] = []
        terms.reserveCapacity(termCount)
        let categories = EntityCategory.allCases
        for _ in 0..<termCount {
            let conceptID = try r.i64(), priority = try r.i64()
            let traits = Traits(rawValue: try r.u16())
            let flags = try r.u8(), category = try r.u8()
            let type = Int(try r.u32())
            guard type < types.count, category == 0xFF ? typeCategories[type] == nil : Int(category) < categories.count && categories[Int(category)] == typeCategories[type]
            else { throw ImageReader.Failure(detail: "term") }
            let normalized = try r.string(in: pool)
            let original = flags & 16 != 0 ? try r.string(in: pool) : nil
            let ruleID = try r.string(in: pool)
            let cueCount = Int(try r.u32())
            var cues: [String] = []
            if cueCount > 0 {
                guard cueCount <= r.remaining else { throw ImageReader.Failure(detail: "cues") }
                for _ in 0..<cueCount { cues.append(try r.string(in: pool)) }
            }
            let originalBytes = flags & 32 != 0 ? Array(try r.slice(of: pool)) : nil
            let cueIDCount = Int(try r.u32())
            var cueIDs: [[UInt32]] = []
            if cueIDCount > 0 {
                guard cueIDCount <= r.remaining else { throw ImageReader.Failure(detail: "cue ids") }
                for _ in 0..<cueIDCount {
                    let ids: [UInt32] = try r.array()
                    guard !ids.isEmpty else { throw ImageReader.Failure(detail: "cue ids") }
                    for id in ids where id == 0 || Int(id) > dictionary.count { throw ImageReader.Failure(detail: "cue ids") }
                    cueIDs.append(ids)
                }
            }
            var term = LexiconTerm(
                conceptID: conceptID, normalized: normalized, original: original, type: types[type], caseSensitive: flags & 1 != 0,
                isAbbreviation: flags & 2 != 0, cues: cues, isDefaultSense: flags & 4 != 0, traits: traits, priority: Int(priority),
                ruleID: ruleID)
            term.typoTarget = flags & 8 != 0
            terms.append(Recognizer.CompiledTerm(
                term: term, category: typeCategories[type], originalBytes: originalBytes, cueIDs: cueIDs))
        }
        guard r.remaining == 0 else { throw ImageReader.Failure(detail: "trailing bytes") }
        guard let matcher = PhraseMatcher(
            validatingEdgeStart: edgeStart, edgeLabel: edgeLabel, edgeTarget: edgeTarget, payloadStart: payloadStart, payloads: payloads,
            maxDepth: maxDepth, phraseCount: phraseCount, payloadLimit: terms.count, labelLimit: dictionary.count)
        else { throw ImageReader.Failure(detail: "phrase trie") }
        return CompiledLexicon(
            dictionary: dictionary, numberID: numberID, yearID: yearID, matcher: matcher, terms: terms, lexiconWords: lexiconWords,
            typos: typos)
    }
}
