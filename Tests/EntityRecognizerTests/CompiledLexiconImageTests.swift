@testable import EntityRecognizer
import Foundation
import MedTextCore
import MedTextLexicons
import Testing
import Tokenizer

/// Compiled-lexicon and PHI-vocabulary images: a loaded image is the same value as the compiled
/// one, a recognizer built from it behaves the same, and a damaged, stale, truncated or foreign
/// image is an error value (never a trap, never a wrong lexicon).
@Suite struct CompiledLexiconImageTests {
    static let key = [UInt8](repeating: 7, count: 32)

    static let terms: [LexiconTerm] = {
        let n = Normalizer()
        func term(_ id: Int64, _ text: String, _ type: EntityType, cs: Bool = false, abbr: Bool = false, cues: [String] = [],
                  isDefault: Bool = true, traits: Traits = [], priority: Int = 0, typo: Bool = true) -> LexiconTerm {
            var t = LexiconTerm(conceptID: id, normalized: n.normalizedTerm(text), original: cs ? text : nil, type: type, caseSensitive: cs,
                                isAbbreviation: abbr, cues: cues, isDefaultSense: isDefault, traits: traits, priority: priority,
                                ruleID: "test:\(id)")
            t.typoTarget = typo
            return t
        }
        return [
            LexiconTerm(conceptID: -1, normalized: n.normalizedTerm("pressure areas intact"), type: "NONE", priority: -1, ruleID: "stopterm:2"),
            term(1, "chest pain", .dxName, traits: .symptom),
            term(2, "pneumonia", .dxName, traits: .diagnosis),
            term(3, "fracture of femur", .dxName, traits: .diagnosis),
            term(4, "type 2 diabetes mellitus", .dxName, traits: .diagnosis),
            term(5, "multiple sclerosis", .dxName, traits: .diagnosis),
            term(5, "MS", .dxName, cs: true, abbr: true, cues: ["relapsing", "neurology"], isDefault: false, traits: .diagnosis),
            term(6, "MS", .dxName, cs: true, abbr: true, cues: ["murmur", "mitral valve"], isDefault: false, traits: .diagnosis),
            term(7, "metformin", .genericName),
            term(8, "Glucophage", .brandName, typo: false),
            term(9, "hypertension", .dxName, traits: .diagnosis),
            term(10, "high blood pressure", .dxName, traits: .diagnosis, priority: 1),
            term(11, "afebrile", .dxName, traits: [.sign, .negation], priority: -1),
            term(12, "ED", .dxName, abbr: true, cues: ["erectile"], isDefault: false),
            term(13, "ED", "NONE", abbr: true, isDefault: true),
            term(14, "smoker", .tobaccoUse, priority: -1),
            term(15, "appendectomy", .procedureName),
            term(16, "evacuation of hematoma", .procedureName),
            term(17, "left knee", .systemOrganSite),
            term(18, "lung abscess", .dxName, traits: .diagnosis),  // "abscesses" is a word of a ConText rule only
        ]
    }()

    static let lexicon = recognizer(nil).compiledLexicon

    static func load(_ bytes: [UInt8], key: [UInt8] = key) throws(LexiconImageError) -> CompiledLexicon {
        try CompiledLexicon(image: ImageStorage(copying: bytes), key: key)
    }

    /// The image with `body` applied to its payload and the header's checksum recomputed: a
    /// change the checksum cannot see, so only validation stands between it and the recognizer.
    static func resealed(_ image: [UInt8], _ body: (inout [UInt8]) -> Void) -> [UInt8] {
        var payload = Array(image[64...])
        body(&payload)
        var out = Array(image[..<64])
        let sum = payload.withUnsafeBytes { imageChecksum($0) }
        withUnsafeBytes(of: sum.littleEndian) { out.replaceSubrange(24..<32, with: $0) }
        return out + payload
    }

    @Test func roundTripGivesTheSameCompiledLexicon() throws {
        let image = Self.lexicon.image(key: Self.key)
        let loaded = try Self.load(image)
        #expect(loaded == Self.lexicon)
        #expect(loaded.termCount == Self.lexicon.termCount && loaded.termCount > Self.terms.count)  // word-order variants included
        #expect(loaded.conceptIDs == Array(1...18))
        // Number variants whose plural comes from a rule phrase are part of the lexicon.
        #expect(loaded.terms.contains { $0.term.ruleID == "test:18~number" })
        // Deterministic: the same lexicon gives the same bytes.
        #expect(Self.recognizer(nil).compiledLexicon.image(key: Self.key) == image)
        #expect(loaded.image(key: Self.key) == image)
    }

    static let tokenizer: ClinicalTokenizer = {
        let dir = MedTextLexicons.bundledDataDirectory
        let abbr = try! String(contentsOf: dir.appendingPathComponent("tokenizer/abbreviations.tsv"), encoding: .utf8)
        let sec = try! String(contentsOf: dir.appendingPathComponent("tokenizer/sections.tsv"), encoding: .utf8)
        return ClinicalTokenizer(rules: try! TokenizerRules(abbreviations: abbr, sections: sec))
    }()

    static let rules = [
        ContextRule(id: "neg.f.no", phrase: "no", category: "NEGATED_EXISTENCE", traits: .negation, direction: .forward, maxScope: 5),
        ContextRule(id: "hist.f.in_year", phrase: "in <YEAR>", category: "HISTORICAL", traits: .pastHistory, direction: .backward, maxScope: 6),
        ContextRule(id: "neg.f.no_abscesses", phrase: "without abscesses", category: "NEGATED_EXISTENCE", traits: .negation, direction: .forward, maxScope: 5),
    ]
    static let sig = [SigTerm(phrase: "{n} mg", kind: .strengthUnit, id: "u1"), SigTerm(phrase: "bd", kind: .frequency, id: "f1")]

    static func recognizer(_ lexicon: CompiledLexicon?, rules: [ContextRule] = rules) -> Recognizer {
        var r = RecognizerResources(terms: terms, contextRules: rules, sectionTraits: [], sig: sig, wordClasses: .shipped)
        r.compiledLexicon = lexicon
        return Recognizer(resources: r)
    }

    @Test func recognizerFromAnImageEqualsTheCompiledOne() throws {
        let compiled = Self.recognizer(nil)
        let loaded = Self.recognizer(try Self.load(Self.lexicon.image(key: Self.key)))
        #expect(loaded.dictionary == compiled.dictionary)
        #expect(loaded.lexicon == compiled.lexicon)
        #expect(loaded.terms == compiled.terms)
        #expect(loaded.typos == compiled.typos)
        #expect(loaded.lexiconWord == compiled.lexiconWord)
        #expect(loaded.fixedChoice == compiled.fixedChoice)
        #expect(loaded.numberID == compiled.numberID && loaded.yearID == compiled.yearID)
        #expect(loaded.sigMatcher == compiled.sigMatcher && loaded.context.matcher == compiled.context.matcher)
        #expect(loaded.imageMatchesRules && compiled.imageMatchesRules)
    }

    @Test func anImageForOtherRulesIsNoticed() throws {
        let image = try Self.load(Self.lexicon.image(key: Self.key))
        let more = Self.rules + [ContextRule(id: "neg.f.ruled_out", phrase: "ruled out", category: "NEGATED_EXISTENCE", traits: .negation, direction: .backward, maxScope: 5)]
        #expect(!Self.recognizer(image, rules: more).imageMatchesRules)  // "ruled" and "out" are not in the image
        #expect(Self.recognizer(image, rules: Array(Self.rules.prefix(1))).imageMatchesRules)  // fewer rules: the key must catch it
    }

    @Test(arguments: [
        "Chest pain, no pneumonia. Femur fracture in 2019. Metformin 500 mg bd.",
        "Hx of MS (relapsing, seen by neurology). Afebrile. Smoker. Pressure areas intact.",
        "Type 1 diabetes mellitus and diabetes mellitus type 2; hematoma evacuation; hypertenshun; pnuemonia; Glucophag.",
        "ED visit for left knee pain. MS on echo with mitral valve murmur.",
        "CT chest: lung abscesses, right lower lobe; without abscesses elsewhere. Lung abscess drained.",
    ])
    func recognizersBuiltBothWaysGiveTheSameEntities(text: String) throws {
        let doc = Self.tokenizer.analyze(Document(text: text))
        let compiled = Self.recognizer(nil).recognize(doc, explain: true)
        let loaded = Self.recognizer(try Self.load(Self.lexicon.image(key: Self.key))).recognize(doc, explain: true)
        #expect(!compiled.entities.isEmpty)
        #expect(loaded.entities == compiled.entities)
    }

    @Test func staleForeignTruncatedAndDamagedImagesAreRejected() {
        let image = Self.lexicon.image(key: Self.key)
        func kind(_ bytes: [UInt8], key: [UInt8] = Self.key) -> LexiconImageError.Kind? {
            do {
                _ = try Self.load(bytes, key: key)
                return nil
            } catch {
                return error.kind
            }
        }
        #expect(kind(image, key: [UInt8](repeating: 8, count: 32)) == .stale)
        #expect(kind(Array(image.prefix(40))) == .truncated)
        #expect(kind(Array(image.dropLast())) == .truncated)
        #expect(kind(image + [0]) == .truncated)
        var magic = image
        magic[0] ^= 1
        #expect(kind(magic) == .format)
        var version = image
        version[8] &+= 1
        #expect(kind(version) == .format)
        for position in [64, 64 + image.count / 3, image.count / 2, image.count - 1] {
            var damaged = image
            damaged[position] ^= 0x10
            #expect(kind(damaged) == .checksum, "a damaged byte at \(position) must fail the checksum")
        }
        // The PHI vocabulary's image is another kind: not loadable as a lexicon.
        #expect(kind(PHIVocabulary.empty.image(key: Self.key)) == .format)
    }

    @Test func inconsistentContentBehindAValidChecksumIsMalformedNotATrap() {
        let image = Self.lexicon.image(key: Self.key)
        // Every byte position of the payload, changed in turn with the checksum recomputed: each
        // load either fails with `.malformed` or gives a lexicon (a change validation cannot tell
        // from data, such as a concept id); none may trap. Positions are sampled to keep it quick
        // (MEDTEXT_FUZZ_ALL=1 changes every byte).
        var malformed = 0
        for position in stride(from: 0, to: image.count - 64, by: ProcessInfo.processInfo.environment["MEDTEXT_FUZZ_ALL"] == nil ? max(1, (image.count - 64) / 1500) : 1) {
            let changed = Self.resealed(image) { $0[position] ^= 0xA5 }
            let started = Date()
            defer { #expect(Date().timeIntervalSince(started) < 2, "byte \(position): a damaged count must not drive a huge allocation") }
            do {
                let lexicon = try Self.load(changed)
                _ = Self.recognizer(lexicon)  // compiling the rest of the recognizer over it must not trap either
            } catch {
                #expect(error.kind == .malformed)
                malformed += 1
            }
        }
        #expect(malformed > 0)
        #expect((try? Self.load(Self.resealed(image) { $0.removeLast() })) == nil)
    }

    @Test func validatingInitializersRejectOutOfRangeTables() {
        #expect(TokenDictionary(validatingPool: [0x61], starts: [0, 0, 1]) != nil)
        #expect(TokenDictionary(validatingPool: [0x61], starts: [0, 0, 2]) == nil)
        #expect(TokenDictionary(validatingPool: [0x61, 0x62], starts: [0, 0, 2, 1, 2]) == nil)
        // One phrase [1, 2]: root -> node 1 -> node 2 with payload 0.
        func trie(_ labels: [UInt32], _ targets: [Int32], payloads: [UInt32] = [0], limit: Int = 1) -> PhraseMatcher? {
            PhraseMatcher(validatingEdgeStart: [0, 1, 2, 2], edgeLabel: labels, edgeTarget: targets, payloadStart: [0, 0, 0, 1],
                          payloads: payloads, maxDepth: 2, phraseCount: 1, payloadLimit: limit, labelLimit: 2)
        }
        #expect(trie([1, 2], [1, 2]) != nil)
        #expect(trie([1, 2], [1, 3]) == nil)  // target past the last node
        #expect(trie([1, 2], [1, 0]) == nil)  // an edge back to the root
        #expect(trie([1, 2], [1, 2], payloads: [1]) == nil)  // payload past the terms
        #expect(trie([1, 0xFFFF_FFF0], [1, 2]) == nil)  // a label past the dictionary (would size the root table)
        #expect(PhraseMatcher(validatingEdgeStart: [0, 2, 2, 2], edgeLabel: [2, 1], edgeTarget: [1, 2], payloadStart: [0, 0, 1, 1],
                              payloads: [0], maxDepth: 1, phraseCount: 1, payloadLimit: 1, labelLimit: 2) == nil)  // labels out of order
        let full = FrozenArray([UInt64](repeating: 1, count: 16))
        #expect(TypoIndex(validatingKeys: full, ids: FrozenArray([UInt32](repeating: 1, count: 16)), groups: [:], wordCount: 1, minimumWordLength: 6, wordLimit: 5) == nil)
        #expect(PHIKeyTable(validatingSlots: full) == nil)  // no empty slot: a miss would never end
        #expect(PHIKeyTable(validatingSlots: FrozenArray([UInt64](repeating: 0, count: 24))) == nil)  // not a power of two
    }

    /// A rule word set the recognizer does not know is a build error naming the file and line.
    @Test func unknownRuleWordSetIsABuildError() {
        var files = PHIVocabularyFiles()
        files.ruleWords = PHIRuleWords.shippedText + "no_such_set\tword\t\n"
        #expect(throws: PHIVocabularyError.self) { try PHIVocabulary(files: files) }
    }

    @Test func phiVocabularyRoundTrip() throws {
        var files = PHIVocabularyFiles()
        files.censusFirstNames = "name\tsex\tpercent\tcommon_word\nmary\tF\t2.6\tno\nmay\tF\t0.1\tyes\n"
        files.censusLastNames = "name\tpercent\tcommon_word\nsmith\t0.8\tno\nbrown\t0.5\tyes\n"
        files.philterFirstNames = "noah\nolivia\n"
        files.philterLastNames = "nguyen\n"
        files.whitelist = "chest\npain\nendoscope\n"
        files.nameStoplist = "name\tkind\nparkinson\teponym\nsydney\tplace\n"
        files.titles = "title\tkind\nDr\ttitle\nMiss\ttitle\nAssoc Prof\ttitle\nMD\tcredential\n"
        files.nameCues = "cue\tposition\trole\nName:\tlabel\tpatient\nseen by\tbefore\tclinician\n(NOK)\tafter\trelative\nRegards,\tsign_off\tclinician\n"
        files.professions = "profession\nnurse practitioner\nplumber\n"
        files.facilityCues = "cue\tposition\tkind\nHospital\tafter\tfacility\nRoyal\tbefore\tfacility\nWard\tafter\tlocation\n"
        files.addressTerms = "term\tkind\nStreet\tstreet_type\nUnit\tunit\n"
        files.streetAbbreviations = "abbr\texpansion\nSt\tStreet\nPO Box\tPost Office Box\n"
        files.regions = "country\tkind\tabbr\tname\nAU\tstate\tNSW\tNew South Wales\n"
        files.places = "name\tcountry\nSpringfield\tUS\n"
        files.placesCurated = "a\tb\tname\td\nx\ty\tWagga Wagga\tz\n"
        files.organisations = "name\tregion\tkind\tcontext\nClinpath\tAU\tlab\tany\nCVS\tUS\tpharmacy\tplace\n"
        files.worldNames = "name\tkind\tlocales\nxiaoming\tfirst\tzh_CN\n"
        files.curatedNames = "name\tkind\torigin\tcommon_word\tnote\nanh\tfirst\tvietnamese\t\t\n"
        files.ruleWords = PHIRuleWords.shippedText
        let built = try PHIVocabulary(files: files)
        #expect(built.ruleWords == PHIRuleWords.shipped)
        let image = built.image(key: Self.key)
        let loaded = try PHIVocabulary(image: ImageStorage(copying: image), key: Self.key)
        #expect(loaded.sameDetectionData(as: built))
        #expect(loaded.image(key: Self.key) == image)
        #expect(loaded.firstNameCount == built.firstNameCount && loaded.professionCount == 2)
        let text = "Name: Mary Smith\nSeen by Dr Noah Nguyen, MD at Royal Springfield Hospital, 12 Main Street, Wagga Wagga NSW.\nRegards,\nOlivia Brown"
        let doc = Self.tokenizer.analyze(Document(text: text))
        let a = PHIRecognizer(vocabulary: built).recognize(doc)
        #expect(!a.isEmpty)
        #expect(PHIRecognizer(vocabulary: loaded).recognize(doc) == a)
        var damaged = image
        damaged[image.count - 3] ^= 1
        #expect(throws: LexiconImageError.self) { try PHIVocabulary(image: ImageStorage(copying: damaged), key: Self.key) }
        // Changes behind a recomputed checksum: malformed, or a vocabulary detection runs on.
        for position in stride(from: 0, to: image.count - 64, by: max(1, (image.count - 64) / 400)) {
            let changed = Self.resealed(image) { $0[position] ^= 0xA5 }
            do {
                let v = try PHIVocabulary(image: ImageStorage(copying: changed), key: Self.key)
                _ = PHIRecognizer(vocabulary: v).recognize(doc)
            } catch {
                #expect(error.kind == .malformed)
            }
        }
        #expect(throws: LexiconImageError.self) { try PHIVocabulary(image: ImageStorage(copying: image), key: [UInt8](repeating: 0, count: 32)) }
        #expect(throws: LexiconImageError.self) { try PHIVocabulary(image: ImageStorage(copying: Self.lexicon.image(key: Self.key)), key: Self.key) }
    }
}

extension PHIVocabulary {
    /// A vocabulary of empty files (for image-kind tests).
    static var empty: PHIVocabulary {
        var f = PHIVocabularyFiles()
        f.censusFirstNames = "name\tsex\tpercent\tcommon_word\n"
        f.censusLastNames = "name\tpercent\tcommon_word\n"
        f.ruleWords = PHIRuleWords.shippedText
        return try! PHIVocabulary(files: f)
    }
}
