extension PHIVocabulary {
    /// Bump when the image layout or the meaning of a stored field changes.
    /// 2: the rules' word sets (`phi/rule_words.tsv`) follow the phrases; 3: every set of ``PHIRuleSet``, in case order;
    /// 4: the frozen phrase index (``PHIPhraseIndex``: table slots, records, keys) follows the word sets, so loading
    /// no longer rebuilds it (session 14: rebuilding it cost a one-note run about 12 ms); 5: the phrases are stored
    /// once, in the index (its records hold each phrase's kind and where its keys lie), no longer also as lists; 6: the
    /// learned tagger (``PHITaggerModel``: presence, feature-set version, scale, class names, margins, table, entries); 7: the
    /// tagger's entries are dense `Int16` class rows (`classCount` per feature; table values are row numbers + 1); 8: the
    /// tagger's retype margins (session 18) follow its repeats; 9: the tagger's rows are ``PHITaggerModel/rowStride(classes:)``
    /// weights long (classes rounded up to a multiple of 8, session 19); 10: the one-word clinical concept terms
    /// (``clinicalTerms``, session 20) follow the word sets; 11: the tagger's weights are a ``PHITaggerTable``
    /// (fingerprint multiplier, 8-byte slots, sparse entries, dense rows; session 20, tagspeed).
    public static let imageFormatVersion: UInt32 = 11
    static let imageMagic: [UInt8] = Array("MTXPHIIM".utf8)

    /// The vocabulary as a flat, little-endian binary image (``BinaryImage``): the key table's
    /// slots, the counts, the rules' word sets and the frozen phrase index (table slots, records, keys). Parsing the
    /// 400,000 lines of name lists and hashing them into the table is most of building a
    /// ``PHIRecognizer``; loading the image is one read and a copy (DESIGN.md "Compiled lexicon images").
    /// - Parameter key: 32 bytes naming the inputs (the facade hashes the PHI files' contents and
    ///   the program's identity).
    public func image(key: [UInt8]) -> [UInt8] {
        var w = ImageWriter()
        w.alignedArray(table.slots)
        w.u64(UInt64(firstNameCount))
        w.u64(UInt64(lastNameCount))
        w.u64(UInt64(professionCount))
        for s in PHIRuleSet.allCases { w.array(ruleWords[s].sorted()) }
        w.array(clinicalTerms.sorted())
        w.alignedArray(phraseIndex.table.slots)
        w.alignedArray(phraseIndex.records)
        w.alignedArray(phraseIndex.keys)
        if let m = tagger {
            w.u8(1)
            w.u32(PHITaggerModel.featureSetVersion)
            w.u32(m.scale.bitPattern)
            w.array(Array(m.classNames.joined(separator: "\t").utf8))
            w.array(m.minMargins)
            w.array(m.minMarginsOneWord)
            w.array(m.repeats)
            w.array(m.retypeMargins)
            w.u64(m.table.multiplier)
            w.alignedArray(m.table.slots)
            w.alignedArray(m.table.entries)
            w.alignedArray(m.table.rows)
        } else {
            w.u8(0)
        }
        return BinaryImage.wrap(w.out, magic: Self.imageMagic, version: Self.imageFormatVersion, key: key)
    }

    /// Loads an image written by ``image(key:)``.
    /// - Throws: ``LexiconImageError`` when the image is truncated, of another format, written for
    ///   other inputs (stale), damaged (checksum) or inconsistent; never traps on bad bytes.
    /// The key table is read in place from `image`'s memory (a mapped file is faulted in only
    /// where lookups land); everything else is copied.
    public init(image: ImageStorage, key: [UInt8]) throws(LexiconImageError) {
        let payload = try BinaryImage.unwrap(image.bytes, magic: Self.imageMagic, version: Self.imageFormatVersion, key: key)
        do throws(ImageReader.Failure) {
            var r = ImageReader(payload, owner: image)
            guard let table = PHIKeyTable(validatingSlots: try r.frozenArray()) else { throw ImageReader.Failure(detail: "key table") }
            let first = try r.int(), last = try r.int(), professions = try r.int()
            var sets: [Set<UInt64>] = []
            for _ in PHIRuleSet.allCases {
                let keys: [UInt64] = try r.array()
                sets.append(Set(keys))
            }
            let ruleWords = PHIRuleWords(sets: sets)
            let clinical: [UInt64] = try r.array()
            guard let indexTable = PHIKeyTable(validatingSlots: try r.frozenArray()),
                let phraseIndex = PHIPhraseIndex(table: indexTable, records: try r.frozenArray(), keys: try r.frozenArray())
            else { throw ImageReader.Failure(detail: "phrase index") }
            var tagger: PHITaggerModel? = nil
            if try r.u8() == 1 {
                guard try r.u32() == PHITaggerModel.featureSetVersion else { throw ImageReader.Failure(detail: "tagger feature set") }
                let scale = Float(bitPattern: try r.u32())
                let names: [UInt8] = try r.array()
                let classes = String(decoding: names, as: UTF8.self).split(separator: "\t").map(String.init)
                let margins: [Int32] = try r.array()
                let oneWord: [Int32] = try r.array()
                let repeats: [UInt8] = try r.array()
                let retype: [Int32] = try r.array()
                let multiplier = try r.u64()
                let slots: FrozenArray<UInt64> = try r.frozenArray()
                let entries: FrozenArray<UInt32> = try r.frozenArray()
                let rows: FrozenArray<Int16> = try r.frozenArray()
                guard margins.count == classes.count, oneWord.count == classes.count, repeats.count == classes.count,
                    retype.isEmpty || retype.count == classes.count * classes.count,
                    classes.count <= PHITaggerModel.maxClasses, classes.first == "O"
                else { throw ImageReader.Failure(detail: "tagger") }
                // Every payload names classes of the model and entries inside `entries` (scoring reads them unchecked), and
                // no key can find another's weights (fingerprints distinct along every probe run).
                guard let table = PHITaggerTable(validating: slots, entries: entries, rows: rows, multiplier: multiplier, classes: classes.count)
                else { throw ImageReader.Failure(detail: "tagger weights") }
                tagger = PHITaggerModel(
                    classNames: classes, table: table, scale: scale, minMargins: margins, minMarginsOneWord: oneWord,
                    repeats: repeats, retypeMargins: retype)
            }
            guard r.remaining == 0 else { throw ImageReader.Failure(detail: "trailing bytes") }
            self.ruleWords = ruleWords
            self.clinicalTerms = Set(clinical)
            self.table = table
            self.shortValues = PHIShortValues(table)
            self.phraseIndex = phraseIndex
            self.firstNameCount = first
            self.lastNameCount = last
            self.professionCount = professions
            self.tagger = tagger
            // `words` (the parse's intermediate map) stays empty: detection reads `table`.
        } catch {
            throw LexiconImageError(kind: .malformed, detail: error.detail)
        }
    }

    /// What detection reads, for comparing a built and a loaded vocabulary in tests.
    func sameDetectionData(as other: PHIVocabulary) -> Bool {
        table == other.table && phraseIndex.same(as: other.phraseIndex)
            && firstNameCount == other.firstNameCount && lastNameCount == other.lastNameCount && professionCount == other.professionCount
            && ruleWords == other.ruleWords && tagger == other.tagger && clinicalTerms == other.clinicalTerms
    }

    static func code(_ kind: PHIPhraseKind) -> (UInt8, UInt8) {
        switch kind {
        case .labelCue(let role): (0, role.rawValue)
        case .beforeCue(let role): (1, role.rawValue)
        case .afterCue(let role): (2, role.rawValue)
        case .signOff: (3, 0)
        case .profession: (4, 0)
        case .facilityAfter: (5, 0)
        case .facilityBefore: (6, 0)
        case .facilityLocation: (7, 0)
        case .postBox: (8, 0)
        case .place: (9, 0)
        case .stateName: (10, 0)
        case .title: (11, 0)
        case .organization(let placeOnly): (12, placeOnly ? 1 : 0)
        }
    }

    @inline(__always) static func kind(_ code: UInt8, _ argument: UInt8) -> PHIPhraseKind? {
        switch code {
        case 0, 1, 2:
            guard let role = PHIPhraseKind.Role(rawValue: argument) else { return nil }
            return code == 0 ? .labelCue(role) : code == 1 ? .beforeCue(role) : .afterCue(role)
        case 3: return .signOff
        case 4: return .profession
        case 5: return .facilityAfter
        case 6: return .facilityBefore
        case 7: return .facilityLocation
        case 8: return .postBox
        case 9: return .place
        case 10: return .stateName
        case 11: return .title
        case 12: return argument <= 1 ? .organization(placeOnly: argument == 1) : nil
        default: return nil
        }
    }
}
