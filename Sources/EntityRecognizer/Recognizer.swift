public import MedTextCore
public import Tokenizer

/// Traits a section gives to the entities inside it ("Family History" → PERTAINS_TO_FAMILY),
/// parsed from `lexicons/data/context/section_traits.tsv`.
public struct SectionTraitRule: Sendable, Hashable {
    public var section: SectionType
    public var traits: Traits
    /// Entity categories it applies to; empty means all.
    public var appliesTo: Set<EntityCategory>
    public var ruleID: String

    public init(section: SectionType, traits: Traits, appliesTo: Set<EntityCategory>, ruleID: String) {
        self.section = section
        self.traits = traits
        self.appliesTo = appliesTo
        self.ruleID = ruleID
    }
}

/// Everything the recognizer is compiled from, as parsed values (the facade loads them).
public struct RecognizerResources: Sendable {
    public var terms: [LexiconTerm]
    public var contextRules: [ContextRule]
    public var sectionTraits: [SectionTraitRule]
    /// Medication-signature and test-result vocabulary (units, routes, forms, frequencies, durations).
    public var sig: [SigTerm]
    /// The cue words of the attribute and relation rules (`context/word_classes.tsv`); empty by
    /// default, which turns those cues off.
    public var wordClasses = WordClasses()
    /// Ordinary English and medical words (lower-case key bytes), which typo tolerance never
    /// corrects; `nil`: no such list (every unknown word is a candidate).
    public var ordinaryWord: (@Sendable (UnsafeBufferPointer<UInt8>) -> Bool)? = nil
    /// Whether `recognize` adds the pattern-shaped PHI of ``PHIPatternRecognizer`` (callers with
    /// the full ``PHIRecognizer`` turn this off and add its entities themselves).
    public var phiPatterns: Bool = true
    /// The word lists the PHI byte scanner reads when ``phiPatterns`` is on (``PHIVocabulary/scanWords``, from
    /// `phi/rule_words.tsv`); without them ID cues need punctuation before their value (`MRN: 123`) and URLs a
    /// scheme or `www`.
    public var phiScanWords = PHIScanWords(idFillers: [], topLevelDomains: [])
    /// The lexicon already compiled (loaded from an image, see ``CompiledLexicon``): `terms` is
    /// then ignored.
    public var compiledLexicon: CompiledLexicon? = nil

    public init(terms: [LexiconTerm], contextRules: [ContextRule], sectionTraits: [SectionTraitRule], sig: [SigTerm] = [], wordClasses: WordClasses = WordClasses()) {
        self.terms = terms
        self.contextRules = contextRules
        self.sectionTraits = sectionTraits
        self.sig = sig
        self.wordClasses = wordClasses
    }
}

/// The entity recognizer: a compiled lexicon matcher over interned token ids, ConText
/// traits, section defaults and PHI patterns. Built once, immutable, shareable across
/// threads. Recognizing never fails.
///
/// Overlap policy: lexicon matches are leftmost-longest over the note's non-space tokens;
/// when several concepts share the matched phrase, case-sensitive terms must match the note's
/// exact case, abbreviation senses are chosen by their cue words in the same sentence (else
/// the default sense; an ambiguous abbreviation without a default is dropped), and remaining
/// ties go to the lowest `priority`, then the lowest concept id.
public struct Recognizer: Sendable {
    struct CompiledTerm: Sendable, Equatable {
        var term: LexiconTerm
        /// `nil` for a blocker: a sense that is not an entity ("ED" = emergency department), or a
        /// stop term; when chosen it consumes its tokens and emits nothing.
        var category: EntityCategory?
        var originalBytes: [UInt8]?
        var cueIDs: [[UInt32]]
    }

    let dictionary: TokenDictionary
    /// One-edit corrections of unknown tokens to lexicon words (see ``TypoIndex``).
    let typos: TypoIndex
    private(set) var ordinaryWord: (@Sendable (UnsafeBufferPointer<UInt8>) -> Bool)?
    /// Per token id: a word of a concept term (target of plural and typo variants).
    let lexiconWord: [Bool]
    /// The same words in first-use order (what ``compiledLexicon`` saves).
    let lexiconWords: [UInt32]
    /// False when built over a ``RecognizerResources/compiledLexicon`` whose dictionary lacked a
    /// token of the rules (an image compiled for other rule files): do not use this recognizer,
    /// compile one from the terms.
    public let imageMatchesRules: Bool
    let lexicon: PhraseMatcher
    let terms: [CompiledTerm]
    /// Per lexicon trie node: the term ``choose(_:tokens:content:doc:bytes:sentence:)`` picks
    /// whatever the note says (no payload is case-sensitive or an abbreviation), or -1 when the
    /// choice depends on the note (or the node ends no phrase). Most matches take this one load
    /// instead of reading every candidate's compiled term.
    let fixedChoice: [Int32]
    /// First token ids of every abbreviation cue phrase: ``Content/cueStarts`` lists the note's
    /// tokens with one of these keys, so cue lookups visit those instead of every sentence token.
    let cueStartWords: TokenIDSet
    let context: ContextEngine
    let sectionTraits: [SectionType: [CompiledSectionRule]]

    /// A section default as the per-entity loop reads it: categories as a bit mask and the
    /// evidence rule id built once.
    struct CompiledSectionRule: Sendable {
        var traits: Traits
        /// ``EntityCategory/contextBit`` of each category it applies to; 0 means all.
        var appliesTo: UInt16
        /// `"section:" + ruleID`.
        var evidenceRuleID: String
    }
    let numberID: UInt32
    let yearID: UInt32
    let phi: PHIPatternRecognizer
    let phiPatterns: Bool
    let sigMatcher: PhraseMatcher
    let sigTerms: [SigTerm]
    /// Per signature term: its kind as a bit, and for case-sensitive terms the phrase's bytes
    /// without spaces (what the note must equal).
    let sigKinds: [SigKinds]
    let sigExactBytes: [[UInt8]?]
    /// Per token id: the kinds of the signature phrases that start with it (``sigMatch`` skips a
    /// token whose key and alternate key start no phrase of the wanted kinds without walking).
    let sigStartKinds: [SigKinds]
    let signatureWords: TokenIDSet
    /// One-token signature words that are written only in one case (`CR`, `CD` release forms), by
    /// key: an abbreviation in another case ("Cr 1.4" creatinine) is not the signature word.
    let caseSensitiveSignatureWords: [UInt32: [[UInt8]]]
    /// Token ids that attribute rules test ("for", "x", "@", "<", qualitative results...).
    let words: AttributeWords
    /// Token ids the relation rules (TIME_TO_*, FOR) test.
    let relationWords: RelationWords
    /// Token ids and suffixes of open-vocabulary negated findings (``openFindingCandidates``).
    let openWords: OpenFindingWords

    /// Number of distinct matchable phrases.
    public var phraseCount: Int { lexicon.phraseCount }
    /// Number of context rules compiled.
    public var contextRuleCount: Int { context.rules.count }

    /// The same recognizer with another ordinary-word test (``RecognizerResources/ordinaryWord``),
    /// for a caller whose word list became ready after compiling: the test is read only while
    /// recognizing, so the result equals a recognizer built with `test` from the start.
    public func withOrdinaryWord(_ test: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Bool) -> Recognizer {
        var r = self
        r.ordinaryWord = test
        return r
    }

    public init(resources: RecognizerResources) {
        let normalizer = Normalizer()
        // With a compiled lexicon (an image), its dictionary already holds every token this
        // initializer interns, with the same ids (the image is keyed on the rule files and the
        // program), so the term loop and the number variants are skipped and every rule phrase
        // below finds its ids; without one, everything is compiled here.
        let image = resources.compiledLexicon
        var vocab = image.map { TokenDictionary.Builder(resuming: $0.dictionary) } ?? TokenDictionary.Builder()
        numberID = vocab.intern(Array("\u{1}num".utf8))
        yearID = vocab.intern(Array("\u{1}year".utf8))
        func ids(_ normalized: String) -> [UInt32] {
            normalized.utf8.split(separator: 0x20).map { vocab.intern($0) }
        }
        var builder = PhraseMatcher.Builder()
        var compiled: [CompiledTerm] = image?.terms ?? []
        if image == nil { compiled.reserveCapacity(resources.terms.count) }
        var lexiconWords: [UInt32] = image?.lexiconWords ?? []
        var wordConcept: [UInt32: Int64] = [:]  // the one concept whose terms use the word, or -1
        var numberCandidates: [(index: Int, phrase: [UInt32])] = []  // terms that take number variants
        for term in image == nil ? resources.terms : [] {
            let category = term.type.lexiconCategory
            let phrase = ids(term.normalized)
            guard !phrase.isEmpty else { continue }
            // Typo targets: words of concept terms, never of abbreviations or blockers.
            if category != nil && term.typoTarget && !term.isAbbreviation && !term.caseSensitive {
                for w in phrase {
                    if let g = wordConcept[w] {
                        if g != term.conceptID { wordConcept[w] = -1 }
                    } else {
                        wordConcept[w] = term.conceptID
                        lexiconWords.append(w)
                    }
                }
            }
            let cues = term.cues.map { ids(normalizer.normalizedTerm($0)) }.filter { !$0.isEmpty }
            let original = term.caseSensitive ? term.original.map { Array($0.utf8.filter { $0 != 0x20 }) } : nil
            builder.add(phrase, payload: UInt32(compiled.count))
            if Self.takesNumberVariants(term, category) { numberCandidates.append((compiled.count, phrase)) }
            compiled.append(CompiledTerm(term: term, category: category, originalBytes: original, cueIDs: cues))
            // Word-order variants of curated condition and procedure terms ("diabetes mellitus
            // type 2", "femur fracture"): one rank below the term, with their own rule id.
            if (term.type == .dxName || term.type == .procedureName) && term.priority == 0 && !term.isAbbreviation && !term.caseSensitive {
                for variant in Self.wordOrderVariants(term.normalized) {
                    var v = term
                    v.priority += 1
                    v.ruleID += "~order"
                    builder.add(ids(variant), payload: UInt32(compiled.count))
                    compiled.append(CompiledTerm(term: v, category: category, originalBytes: nil, cueIDs: cues))
                }
            }
        }
        var phrases: [[UInt32]] = []
        for rule in resources.contextRules {
            var p: [UInt32] = []
            for piece in rule.phrase.split(separator: " ") {
                switch piece {
                case "<NUM>": p.append(numberID)
                case "<YEAR>": p.append(yearID)
                default: p.append(contentsOf: ids(normalizer.normalizedTerm(String(piece))))
                }
            }
            phrases.append(p)
        }
        var sigBuilder = PhraseMatcher.Builder()
        var sigKept: [SigTerm] = []
        var startKinds: [SigKinds] = []
        for t in resources.sig {
            var p: [UInt32] = []
            var spaced = ""
            var rest = Substring(t.phrase)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                spaced += rest[..<open] + " " + rest[open...close] + " "
                rest = rest[rest.index(after: close)...]
            }
            spaced += rest
            for piece in spaced.split(separator: " ") {
                if piece == "{n}" || piece == "{m}" { p.append(numberID) } else { p.append(contentsOf: ids(normalizer.normalizedTerm(String(piece)))) }
            }
            guard !p.isEmpty else { continue }
            sigBuilder.add(p, payload: UInt32(sigKept.count))
            sigKept.append(t)
            let first = Int(p[0])
            if first >= startKinds.count { startKinds += [SigKinds](repeating: [], count: first + 1 - startKinds.count) }
            startKinds[first].formUnion(SigKinds(t.kind))
        }
        sigStartKinds = startKinds
        sigMatcher = sigBuilder.build()
        sigTerms = sigKept
        sigKinds = sigKept.map { SigKinds($0.kind) }
        sigExactBytes = sigKept.map { $0.caseSensitive ? Array($0.phrase.utf8.filter { $0 != 0x20 }) : nil }
        // One-token signature words ("inh", "hrs", "neb"): an abbreviation with the same key is
        // read as the signature word, not as a concept ("2 puffs inh" is not isoniazid).
        var sigWords = Set<UInt32>()
        var exactSigWords: [UInt32: [[UInt8]]] = [:]
        for t in sigKept where !t.phrase.contains("{") {
            let k = ids(normalizer.normalizedTerm(t.phrase))
            guard k.count == 1 else { continue }
            if t.caseSensitive { exactSigWords[k[0], default: []].append(Array(t.phrase.utf8.filter { $0 != 0x20 })) } else { sigWords.insert(k[0]) }
        }
        for k in sigWords { exactSigWords[k] = nil }  // written in any case somewhere: always the signature word
        signatureWords = TokenIDSet(sigWords.union(exactSigWords.keys))
        caseSensitiveSignatureWords = exactSigWords
        words = AttributeWords(classes: resources.wordClasses, intern: { ids(normalizer.normalizedTerm($0)).first ?? 0 })
        relationWords = RelationWords(classes: resources.wordClasses, intern: { ids(normalizer.normalizedTerm($0)).first ?? 0 })
        openWords = OpenFindingWords(classes: resources.wordClasses, intern: { ids(normalizer.normalizedTerm($0)).first ?? 0 })
        if image == nil { Self.addNumberVariants(numberCandidates, to: &compiled, builder: &builder, vocabulary: vocab) }
        // A rule phrase with a token the image lacks means the image was compiled for other rules
        // (its key should have prevented that): the caller recompiles from the terms.
        imageMatchesRules = image == nil || vocab.addedSinceResuming == 0
        dictionary = vocab.build()
        typos = image?.typos ?? TypoIndex(words: lexiconWords, dictionary: dictionary, groups: wordConcept.filter { $0.value >= 0 })
        var isLexiconWord = [Bool](repeating: false, count: dictionary.count + 1)
        for w in lexiconWords { isLexiconWord[Int(w)] = true }
        lexiconWord = isLexiconWord
        ordinaryWord = resources.ordinaryWord
        lexicon = image?.matcher ?? builder.build()
        terms = compiled
        self.lexiconWords = lexiconWords
        fixedChoice = Self.fixedChoices(lexicon, compiled)
        cueStartWords = TokenIDSet(compiled.flatMap { $0.cueIDs.map { $0[0] } })
        context = ContextEngine(rules: resources.contextRules, phrases: phrases)
        sectionTraits = Dictionary(grouping: resources.sectionTraits, by: \.section).mapValues { rules in
            rules.map {
                CompiledSectionRule(traits: $0.traits, appliesTo: $0.appliesTo.reduce(0) { $0 | $1.contextBit }, evidenceRuleID: "section:" + $0.ruleID)
            }
        }
        phiPatterns = resources.phiPatterns
        phi = PHIPatternRecognizer(words: resources.phiScanWords)
    }

    /// Per-document working state: the non-space tokens and their keys.
    struct Content {
        var tokenIndex: [Int] = []  // content index -> index in doc.tokens
        var lexKeys: [UInt32] = []
        var ctxKeys: [UInt32] = []
        var lineEnd: [Bool] = []
        /// Content indices whose lexicon key is a one-edit typo correction (ascending).
        var corrected: [Int] = []
        /// Content indices whose lexicon key is the singular of a plural the lexicon lacks (ascending).
        var singular: [Int] = []
        /// Content indices whose lexicon key starts an abbreviation cue (``cueStartWords``; ascending).
        var cueStarts: [Int] = []
    }

    func content(of doc: AnnotatedDocument, bytes p: UnsafeBufferPointer<UInt8>) -> Content {
        var c = Content()
        let n = doc.tokens.count
        // Sized for every token, written through pointers and trimmed at the end: no growth or
        // uniqueness check per token. ASCII tokens are keyed in a stack buffer; the key array is
        // filled only for non-ASCII tokens and for unknown words (plural and typo variants).
        var tokenIndex = [Int](repeating: 0, count: n)
        var lexKeys = [UInt32](repeating: 0, count: n)
        var ctxKeys = [UInt32](repeating: 0, count: n)
        var lineEnd = [Bool](repeating: false, count: n)
        var m = 0
        var key: [UInt8] = []
        key.reserveCapacity(64)
        // One pass: a content token ends its line when the next token that is not horizontal
        // whitespace is a newline, or there is none.
        var open = false  // the last content token has no newline after it yet
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { scratch in
            doc.tokens.withUnsafeBufferPointer { tokens in
                tokenIndex.withUnsafeMutableBufferPointer { ti in
                    lexKeys.withUnsafeMutableBufferPointer { lk in
                        ctxKeys.withUnsafeMutableBufferPointer { ck in
                            lineEnd.withUnsafeMutableBufferPointer { le in
                                for i in 0..<tokens.count {
                                    let t = tokens[i]
                                    if t.kind == .whitespace { continue }
                                    if t.kind == .newline {
                                        open = false
                                        continue
                                    }
                                    if open { le[m - 1] = false }
                                    open = true
                                    let id: UInt32
                                    let keyLength: Int
                                    if let length = Normalizer.writeASCIIKey(t, in: p, to: scratch) {
                                        let written = UnsafeBufferPointer(rebasing: scratch[..<length])
                                        id = dictionary.id(of: written)
                                        keyLength = length
                                        if id == TokenDictionary.unknown && t.kind == .word && length >= 4 {
                                            key.removeAll(keepingCapacity: true)
                                            key.append(contentsOf: written)
                                        }
                                    } else {
                                        key.removeAll(keepingCapacity: true)
                                        Normalizer.appendKey(t, in: p, to: &key)
                                        id = key.withUnsafeBufferPointer { dictionary.id(of: $0) }
                                        keyLength = key.count
                                    }
                                    ti[m] = i
                                    if id == TokenDictionary.unknown && t.kind == .word && keyLength >= 4 {
                                        lk[m] = variant(of: &key, at: m, content: &c)
                                    } else {
                                        lk[m] = id
                                    }
                                    if cueStartWords.contains(lk[m]) { c.cueStarts.append(m) }
                                    if t.kind == .number {
                                        let isYear = t.span.length == 4 && p[t.span.start] >= 0x31 && p[t.span.start] <= 0x32
                                            && (p[t.span.start] == 0x31 ? p[t.span.start + 1] == 0x39 : p[t.span.start + 1] == 0x30)
                                            && (t.span.start + 2..<t.span.end).allSatisfy { p[$0] >= 0x30 && p[$0] <= 0x39 }  // not "19.5"
                                        ck[m] = isYear ? yearID : numberID
                                    } else {
                                        ck[m] = id
                                    }
                                    le[m] = true  // until a later content token on the same line says otherwise
                                    m += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        tokenIndex.removeLast(n - m)
        lexKeys.removeLast(n - m)
        ctxKeys.removeLast(n - m)
        lineEnd.removeLast(n - m)
        c.tokenIndex = tokenIndex
        c.lexKeys = lexKeys
        c.ctxKeys = ctxKeys
        c.lineEnd = lineEnd
        return c
    }

    /// Entities of an analyzed document (tokens, sentences and sections filled by the
    /// Tokenizer), as a new value.
    ///
    /// With `explain`, each entity's evidence also lists its runner-up candidates (subject
    /// `runner-up`): the other concepts the same words could name, and the shorter phrases at
    /// the same start that would have matched, each with its lexicon entry and span.
    public func recognize(_ doc: AnnotatedDocument, explain: Bool = false) -> AnnotatedDocument {
        var text = doc.document.text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { p in recognize(doc, bytes: p, explain: explain) }!
    }

    func recognize(_ doc: AnnotatedDocument, bytes p: UnsafeBufferPointer<UInt8>, explain: Bool = false) -> AnnotatedDocument {
        let c = content(of: doc, bytes: p)
        let (sentences, sentenceOf) = sentenceLayout(doc, content: c)

        var found: [(tokens: Range<Int>, term: Int)] = []
        var runnerUps: [[(tokens: Range<Int>, term: Int)]] = []  // per found match, when explaining
        c.lexKeys.withUnsafeBufferPointer { keys in
            var hits: [PhraseMatcher.Hit] = []
            hits.reserveCapacity(8)
            var i = 0
            while i < keys.count {
                var best: (Range<Int>, Int)? = nil
                var others: [(tokens: Range<Int>, term: Int)] = []
                if lexicon.startsPhrase(keys[i]) {
                    let sentence = sentences.isEmpty ? 0..<keys.count : sentences[sentenceOf[i]]
                    lexicon.hits(in: keys, at: i, into: &hits)
                    for h in hits.reversed() {
                        let tokens = i..<h.end
                        if crossesItemBreak(tokens, content: c, doc: doc, bytes: p) { continue }
                        let payloads = lexicon.payloadRange(of: h.node)
                        if let (_, chosen) = best {
                            // Explaining: shorter phrases at the same start that would have matched.
                            if let t = choose(node: h.node, payloads, tokens: tokens, content: c, doc: doc, bytes: p, sentence: sentence),
                               typoAllowed(term: t, tokens: tokens, content: c), terms[t].category != nil,
                               terms[t].term.conceptID != terms[chosen].term.conceptID
                            {
                                others.append((tokens, t))
                            }
                            continue
                        }
                        if let t = choose(node: h.node, payloads, tokens: tokens, content: c, doc: doc, bytes: p, sentence: sentence),
                           typoAllowed(term: t, tokens: tokens, content: c)
                        {
                            best = (tokens, t)
                            guard explain else { break }
                            // Other concepts named by the same words.
                            var seen: Set<Int64> = [terms[t].term.conceptID]
                            for pi in payloads {
                                let pl = Int(lexicon.payload(at: pi))
                                guard terms[pl].category != nil, seen.insert(terms[pl].term.conceptID).inserted else { continue }
                                if let orig = terms[pl].originalBytes, !matchesExactly(orig, tokens: tokens, content: c, doc: doc, bytes: p) { continue }
                                others.append((tokens, pl))
                            }
                        }
                    }
                }
                if let (r, t) = best {
                    found.append((r, t))
                    if explain { runnerUps.append(others) }
                    i = r.upperBound
                } else {
                    i += 1
                }
            }
        }

        var entities: [Entity] = []
        entities.reserveCapacity(found.count)
        if explain {
            var n = 0
            runnerUps.removeAll { _ in defer { n += 1 }; return terms[found[n].term].category == nil }
        }
        found.removeAll { terms[$0.term].category == nil }  // blockers emit nothing
        // A drug-class word that is its section's heading (`Vaccines:`) or states a status (`Vaccines up to
        // date`, `vaccines UTD`) names no medication (GUIDELINE §2, G4 counts drugs named in a heading, not
        // the heading word of an immunisation record).
        if found.contains(where: { terms[$0.term].category == .medication && terms[$0.term].term.ruleID.hasPrefix(Self.classRulePrefix) }) {
            var keep = [Bool](repeating: true, count: found.count)
            for (n, (r, t)) in found.enumerated()
            where terms[t].category == .medication && terms[t].term.ruleID.hasPrefix(Self.classRulePrefix)
                && isClassStatusOrHeading(r, content: c, doc: doc, bytes: p)
            {
                keep[n] = false
            }
            var n = 0
            found.removeAll { _ in defer { n += 1 }; return !keep[n] }
            if explain { n = 0; runnerUps.removeAll { _ in defer { n += 1 }; return !keep[n] } }
        }
        for (index, (r, t)) in found.enumerated() {
            let span = TextSpan(doc.tokens[c.tokenIndex[r.lowerBound]].span.start, doc.tokens[c.tokenIndex[r.upperBound - 1]].span.end)
            var score: Float = terms[t].term.isAbbreviation ? 0.8 : 0.95
            if terms[t].term.priority > 0 { score -= 0.05 }
            var e = Entity(
                category: terms[t].category!, type: terms[t].term.type, span: span, score: score, traits: terms[t].term.traits,
                evidence: [Evidence(subject: "match", ruleID: terms[t].term.ruleID)])
            for k in c.singular where r.contains(k) {
                e.evidence.append(Evidence(
                    subject: "variant", ruleID: "plural:" + String(decoding: dictionary.bytes(of: c.lexKeys[k]), as: UTF8.self),
                    trigger: doc.tokens[c.tokenIndex[k]].span))
            }
            for k in c.corrected where r.contains(k) {
                e.score = min(e.score, 0.7)
                e.evidence.append(Evidence(
                    subject: "typo", ruleID: "typo:" + String(decoding: dictionary.bytes(of: c.lexKeys[k]), as: UTF8.self),
                    trigger: doc.tokens[c.tokenIndex[k]].span))
            }
            e.conceptIDs = [terms[t].term.conceptID]
            if explain {
                for o in runnerUps[index] {
                    e.evidence.append(Evidence(subject: "runner-up", ruleID: terms[o.term].term.ruleID, trigger: self.span(o.tokens, c, doc)))
                }
            }
            entities.append(e)
        }

        // Qualifiers (direction, site, acuity), then medication signatures and test results.
        var ranges = found.map(\.tokens)
        bodySystemHeadings(&entities, ranges: &ranges, content: c, doc: doc)
        attachQualifiers(&entities, ranges: &ranges, content: c, doc: doc, sentenceOf: sentenceOf)
        acuityAttributes(&entities, ranges: ranges, content: c, doc: doc)
        applyAllergyRules(&entities, ranges: &ranges, content: c, doc: doc, bytes: p, sentences: sentences, sentenceOf: sentenceOf)
        infectionTests(&entities, ranges: &ranges, content: c, doc: doc)
        drugLevelTests(&entities, ranges: &ranges, content: c, doc: doc)
        imagingSiteCompounds(&entities, ranges: &ranges, content: c, doc: doc)
        // One entry per entity: the allergy rules may have added heading entities ("Allergies: nil"),
        // so `found` is rebuilt from `ranges` (zipping with the old indices dropped the last
        // entities of the note from the context pass).
        found = ranges.map { ($0, 0) }
        // Open-vocabulary medications (OpenMedications.swift): before the attributes attach.
        for (r, type) in openMedicationCandidates(ranges: ranges, content: c, doc: doc, bytes: p) {
            entities.append(Entity(
                category: .medication, type: type, span: span(r, c, doc), score: 0.6, traits: [],
                evidence: [Evidence(subject: "match", ruleID: Self.openMedicationRuleID)]))
            ranges.append(r)
            found.append((r, 0))
        }
        attachAttributes(&entities, ranges: ranges, content: c, doc: doc, bytes: p,
                         sentences: sentences, sentenceOf: sentenceOf)
        // Sites read as a drug's route or form, or modifying another noun, and result-list labels are no
        // entities (SiteRules.swift, ListLabels.swift).
        var dropped = siteEntitiesKept(entities, ranges: ranges, content: c)
        markResultListLabels(entities, ranges: ranges, content: c, keep: &dropped)
        if let keep = dropped {
            var n = 0
            entities.removeAll { _ in defer { n += 1 }; return !keep[n] }
            n = 0
            ranges.removeAll { _ in defer { n += 1 }; return !keep[n] }
            n = 0
            found.removeAll { _ in defer { n += 1 }; return !keep[n] }
        }
        var times = timeExpressions(entities: entities, ranges: ranges, content: c, doc: doc, bytes: p)

        // Open-vocabulary negated findings: candidates join the entities for ConText, and those
        // it does not negate leave again (OpenFindings.swift).
        let openStart = entities.count
        let contextRanges = found.map(\.tokens)
        let open = openFindingCandidates(ranges: ranges, categories: entities.map(\.category), content: c, doc: doc, bytes: p)
        for r in open {
            entities.append(Entity(
                category: .medicalCondition, type: .dxName, span: span(r, c, doc), score: 0.6, traits: .sign,
                evidence: [Evidence(subject: "match", ruleID: Self.openFindingRuleID)]))
            ranges.append(r)
        }
        applyContext(&entities, ranges: open.isEmpty ? contextRanges : contextRanges + open,
                     content: c, doc: doc, bytes: p, sentences: sentences, sentenceOf: sentenceOf)
        applySectionDefaults(&entities, doc: doc, ranges: ranges, content: c, sentences: sentences, sentenceOf: sentenceOf)
        if !open.isEmpty {
            var k = entities.count
            while k > openStart {
                k -= 1
                if !entities[k].traits.contains(.negation) || entities[k].traits.contains(.pertainsToFamily) {
                    entities.remove(at: k)
                    ranges.remove(at: k)
                }
            }
        }
        negatedAllergyStatements(&entities, ranges: &ranges, content: c, doc: doc)
        // Relations: times to the events they date, medications to their indications.
        linkTimes(&entities, ranges: ranges, times: &times, content: c, sentenceOf: sentenceOf)
        linkIndications(&entities, ranges: ranges, content: c, doc: doc)

        // Time expressions and PHI patterns (no context traits).
        entities.append(contentsOf: times.map(\.entity))
        if phiPatterns { entities.append(contentsOf: phi.recognize(doc.document.text)) }
        entities.sort { $0.span < $1.span }
        var out = doc
        out.entities = entities
        return out
    }

    /// Sentence ranges in content-token indices, and each content token's sentence.
    /// A document without sentences is one sentence.
    func sentenceLayout(_ doc: AnnotatedDocument, content c: Content) -> (sentences: [Range<Int>], sentenceOf: [Int]) {
        var sentenceOf = [Int](repeating: 0, count: c.tokenIndex.count)
        var sentences: [Range<Int>] = []
        var k = 0
        for s in doc.sentences {
            let start = k
            while k < c.tokenIndex.count && c.tokenIndex[k] < s.tokens.upperBound {
                if c.tokenIndex[k] >= s.tokens.lowerBound { sentenceOf[k] = sentences.count }
                k += 1
            }
            if k > start { sentences.append(start..<k) }
        }
        if sentences.isEmpty && !c.tokenIndex.isEmpty { sentences.append(0..<c.tokenIndex.count) }
        // Tokens outside any sentence (should not happen) belong to the last one.
        while k < c.tokenIndex.count { sentenceOf[k] = max(0, sentences.count - 1); k += 1 }
        return (sentences, sentenceOf)
    }

    /// ConText traits, sentence by sentence, for entities at the given content-token ranges
    /// (an empty range gets none), with their rule ids and trigger spans as evidence.
    func applyContext(
        _ entities: inout [Entity], ranges: [Range<Int>], content c: Content, doc: AnnotatedDocument,
        bytes p: UnsafeBufferPointer<UInt8>, sentences: [Range<Int>], sentenceOf: [Int]
    ) {
        guard !sentences.isEmpty else { return }
        // A question answered in the next sentence ("Any auras? None.") is one context sentence, and
        // so is a negated heading with the bulleted lines under it ("Denies:\n- fever\n- chills").
        let (sentences, sentenceOf) = contextSentences(sentences, sentenceOf: sentenceOf, keys: c.lexKeys, lineEnd: c.lineEnd)
        // Entity indices grouped by sentence (ascending), each group in entity order.
        var bySentence: [(sentence: Int, entity: Int)] = []
        bySentence.reserveCapacity(ranges.count)
        for (n, r) in ranges.enumerated() where !r.isEmpty { bySentence.append((sentenceOf[r.lowerBound], n)) }
        bySentence.sort { $0.sentence < $1.sentence || ($0.sentence == $1.sentence && $0.entity < $1.entity) }
        // Per content token: the furthest end of a target starting there (-1: none), so a trigger
        // phrase never swallows the start of a target ("no [change in bowel habit]").
        var targetEnd = [Int32](repeating: -1, count: c.tokenIndex.count)
        // Tokens of fused negations ("[Not tachycardic]", "[non-tender]"): a trigger inside one was
        // used by it and negates nothing else. Affirmed terms that start with a negation word
        // ("[no appetite]", "[not eating]") keep the trigger for the list after them.
        var inTarget = [Bool](repeating: false, count: c.tokenIndex.count)
        // Per content token: whether a target ends right before it (for `prefix` triggers).
        var endsBefore = [Bool](repeating: false, count: c.tokenIndex.count + 1)
        for (n, r) in ranges.enumerated() where !r.isEmpty {
            endsBefore[r.upperBound] = true
            targetEnd[r.lowerBound] = max(targetEnd[r.lowerBound], Int32(r.upperBound))
            if entities[n].traits.contains(.negation) { for k in r { inTarget[k] = true } }
        }
        let answers = (negative: words.negativeAnswers, positive: words.positiveAnswers)
        let facts = ContextEngine.TokenFacts(
            // A column break (a tab, or three or more spaces before more text on the line) ends a
            // field like a line end: "Fever: none   Chest pain - no   Palpitations: N" is a
            // checklist written across the line.
            lineEnd: { k in c.lineEnd[k] || Self.columnBreak(after: c.tokenIndex[k], tokens: doc.tokens, bytes: p) },
            attachedToNext: { k in
                let t = c.tokenIndex[k]
                return t + 1 < doc.tokens.count && !doc.tokens[t + 1].isSpace
            },
            exactCase: { r, bytes in Self.matchesExactly(bytes, tokens: r, content: c, doc: doc, bytes: p) },
            crossesTarget: { t in
                var k = t.lowerBound + 1
                while k < t.upperBound {
                    if Int(targetEnd[k]) > t.upperBound { return true }
                    k += 1
                }
                return false
            },
            overlapsTarget: { t in t.contains { inTarget[$0] } },
            followsTarget: { k in endsBefore[k] },
            attachedToPrevious: { k in
                let t = c.tokenIndex[k]
                return t > 0 && !doc.tokens[t - 1].isSpace
            },
            continuesAfter: { k in
                let t = c.tokenIndex[k]
                if t + 1 < doc.tokens.count && doc.tokens[t + 1].kind == .word { return true }
                // A question answered on its line ("Fever? Yes.", "Any chest pain? No fever.") is a
                // question, not an uncertain finding.
                return k + 1 < c.lexKeys.count && !c.lineEnd[k]
                    && (answers.negative.contains(c.lexKeys[k + 1]) || answers.positive.contains(c.lexKeys[k + 1]))
            })
        // Captured by the closures below instead of `self` (capturing `self` copied the whole
        // recognizer, a retain per stored array, for every sentence).
        let separators = words.listSeparators
        let clauseSeparators = words.clauseSeparators
        let gapStops = words.listGapStops
        let semicolon = words.semicolon
        let closeParen = words.closeParen
        let bullets = words.bullets
        let lexKeys = c.lexKeys
        let lineEnds = c.lineEnd
        let tokenIndex = c.tokenIndex
        let docTokens = doc.tokens
        // Scratch arrays reused from sentence to sentence.
        var members: [Int] = []
        var triggers: [ContextTrigger] = []
        var hits: [PhraseMatcher.Hit] = []
        var targets: [(tokens: Range<Int>, category: EntityCategory)] = []
        c.ctxKeys.withUnsafeBufferPointer { keys in
            var g = 0
            while g < bySentence.count {
                let s = bySentence[g].sentence
                var groupEnd = g + 1
                while groupEnd < bySentence.count && bySentence[groupEnd].sentence == s { groupEnd += 1 }
                let range = sentences[s]
                context.triggers(in: keys, range: range, facts: facts, into: &triggers, hits: &hits)
                if triggers.isEmpty {
                    g = groupEnd
                    continue
                }
                members.removeAll(keepingCapacity: true)
                targets.removeAll(keepingCapacity: true)
                for j in g..<groupEnd {
                    let n = bySentence[j].entity
                    members.append(n)
                    targets.append((ranges[n], entities[n].category))
                }
                g = groupEnd
                let assigned = context.assign(
                    triggers: triggers, sentence: range, targets: targets,
                    // A bullet that starts a line separates the items of a bulleted list.
                    separators: { k in separators.contains(lexKeys[k]) || (k > 0 && lineEnds[k - 1] && bullets.contains(lexKeys[k])) },
                    clauseBreaks: { clauseSeparators.contains(lexKeys[$0]) },
                    listWords: { k in
                        !lineEnds[k] && !gapStops.contains(lexKeys[k]) && docTokens[tokenIndex[k]].kind == .word
                    },
                    // A semicolon ends a clause, not a list item, when the list runs over unnamed items.
                    listGapSeparators: { k in
                        lexKeys[k] != semicolon
                            && (separators.contains(lexKeys[k]) || (k > 0 && lineEnds[k - 1] && bullets.contains(lexKeys[k])))
                    },
                    closesAside: { lexKeys[$0] == closeParen })
                for (k, var a) in assigned.enumerated() where !a.traits.isEmpty {
                    let n = members[k]
                    // Guideline T1: a test reported with a result was done ("no Q waves, QTc 432",
                    // "PHQ-2 - negative"), and so was a test named as where a finding was sought
                    // ("no fracture on [XR]", "no retention on [bladder scan]"); a negation around
                    // it is about findings, not the test. Guideline §8: a body site is never
                    // negated ("no tenderness over the [knee]": the finding is absent, not the knee).
                    if a.traits.contains(.negation),
                       entities[n].category == .anatomy
                        || (entities[n].type == .testName
                            && (entities[n].attributes.contains(where: { $0.type == .testValue })
                                || followsFindingLead(ranges[members[k]].lowerBound, keys: lexKeys)))
                    {
                        a.traits.remove(.negation)
                        a.evidence.removeAll { context.compact[$0.rule].traits.contains(.negation) }
                        if a.traits.isEmpty { continue }
                    }
                    // GUIDELINE §8 (Allergies, ADRs): the allergen is a current ALLERGIES entity and the
                    // reaction carries the history ("[Penicillin] - rash as a child", "[Bactrim] - rash
                    // 2015"): a history cue near the allergen does not make it PAST_HISTORY.
                    if a.traits.contains(.pastHistory), entities[n].type == .allergies {
                        a.traits.remove(.pastHistory)
                        a.evidence.removeAll { context.compact[$0.rule].traits.contains(.pastHistory) }
                        if a.traits.isEmpty { continue }
                    }
                    // A medication named as the setting or cause of negated findings was taken: "no
                    // nausea with [methotrexate]", "no mood change on [levetiracetam]", "no side
                    // effects from [sertraline]"; so is a condition named with a possessive or
                    // definite article ("no aura with her [migraines]", "no fever with the [rash]").
                    // It keeps NEGATION only from a trigger right before it ("not on [aspirin]",
                    // "never been on [warfarin]": no finding in between).
                    if a.traits.contains(.negation), entities[n].category != .anatomy,
                       let lead = settingLead(before: ranges[n].lowerBound, keys: lexKeys,
                                              determinerRequired: entities[n].category != .medication)
                    {
                        let leadIndex = lead
                        let settingOnly = a.evidence.allSatisfy { ev in
                            guard context.compact[ev.rule].traits.contains(.negation) else { return true }
                            guard ev.tokens.upperBound <= leadIndex else { return false }
                            return targets.contains { t in
                                t.category == .medicalCondition && t.tokens.lowerBound >= ev.tokens.upperBound
                                    && t.tokens.upperBound <= leadIndex
                            }
                        }
                        if settingOnly {
                            a.traits.remove(.negation)
                            a.evidence.removeAll { context.compact[$0.rule].traits.contains(.negation) }
                            if a.traits.isEmpty { continue }
                        }
                    }
                    // Guideline §8 N2: "not taking" / "not on" a drug that the same sentence says was
                    // stopped ("not taking [aspirin] - ceased by cardiology", "Not taking
                    // [amitriptyline] (stopped by GP)") is PAST_HISTORY only: the drug was taken. A
                    // stop cue is a HISTORICAL rule for medications only (`ceased`, `stopped`,
                    // `self-ceased`...); a general one ("no previous [vaccine]") keeps both traits.
                    if a.traits.contains(.negation), a.traits.contains(.pastHistory), entities[n].category == .medication,
                       a.evidence.contains(where: { ev in
                           let r = context.compact[ev.rule]
                           return r.traits.contains(.pastHistory) && r.appliesTo != 0
                               && !r.applies(to: .medicalCondition) && !r.applies(to: .testTreatmentProcedure)
                       })
                    {
                        a.traits.remove(.negation)
                        a.evidence.removeAll { context.compact[$0.rule].traits.contains(.negation) }
                    }
                    entities[n].traits.formUnion(a.traits)
                    for ev in a.evidence {
                        let trig = span(ev.tokens, c, doc)
                        let ruleID = context.evidenceRuleIDs[ev.rule]
                        for name in context.traitNames[ev.rule] {
                            entities[n].evidence.append(Evidence(subject: name, ruleID: ruleID, trigger: trig))
                            entities[n].traitScores[name] = 0.9
                        }
                    }
                }
            }
        }
    }

    /// Whether the content token at `k` follows "on", "by" or "at", optionally with a determiner or
    /// a test qualifier between ("on CT", "on the repeat x-ray", "by bedside ultrasound").
    func followsFindingLead(_ k: Int, keys: [UInt32]) -> Bool {
        var j = k - 1
        var skipped = 0
        while j >= 0 && skipped < 2 && words.testLeadFillers.contains(keys[j]) {
            j -= 1
            skipped += 1
        }
        return j >= 0 && words.testLeads.contains(keys[j])
    }

    /// The content index of the setting preposition ("with", "on", "from"...) right before the
    /// target at `k`, with at most one possessive or definite article between ("with her
    /// [migraines]"); when `determinerRequired`, only with such a word between.
    func settingLead(before k: Int, keys: [UInt32], determinerRequired: Bool) -> Int? {
        var j = k - 1
        var hasDeterminer = false
        if j >= 0 && words.settingDeterminers.contains(keys[j]) {
            hasDeterminer = true
            j -= 1
        }
        guard j >= 0, hasDeterminer || !determinerRequired, words.causeLeads.contains(keys[j]) else { return nil }
        return j
    }

    /// Sentences for the context pass: a sentence ending with "?" and the next one, when that
    /// starts with a negative answer ("Any auras? None.", "Decreased fetal movement? No."), are
    /// one, so the answer's backward trigger ("? none", "? no .") reaches the question's findings;
    /// a line ending in a list heading and a colon ("Denies:", "Negative for:"; word classes
    /// `list_heading_cues`, `list_heading_pairs`) and the bulleted lines right under it (each
    /// starting with a word of class `bullets`) are one, so the heading's list trigger reaches
    /// every item. Returns the input unchanged (no copy) when nothing is joined.
    func contextSentences(
        _ sentences: [Range<Int>], sentenceOf: [Int], keys: [UInt32], lineEnd: [Bool]
    ) -> (sentences: [Range<Int>], sentenceOf: [Int]) {
        guard sentences.count > 1 else { return (sentences, sentenceOf) }
        func answered(_ s: Int) -> Bool {
            let q = sentences[s], a = sentences[s + 1]
            return !q.isEmpty && !a.isEmpty && a.lowerBound == q.upperBound && keys[q.upperBound - 1] == words.questionMark
                && words.negativeAnswers.contains(keys[a.lowerBound])
        }
        /// Whether sentence `s` ends with a list heading and a colon at a line end.
        func heading(_ s: Int) -> Bool {
            let q = sentences[s]
            guard q.count >= 2, keys[q.upperBound - 1] == words.colon, lineEnd[q.upperBound - 1] else { return false }
            let cue = keys[q.upperBound - 2]
            if words.listHeadingCues.contains(cue) { return true }
            return q.count >= 3 && words.listHeadingPairs.contains([keys[q.upperBound - 3], cue])
        }
        /// Whether sentence `s + 1` is a bulleted line right after sentence `s`.
        func bulletAfter(_ s: Int) -> Bool {
            let q = sentences[s], a = sentences[s + 1]
            return !a.isEmpty && a.lowerBound == q.upperBound && lineEnd[q.upperBound - 1] && words.bullets.contains(keys[a.lowerBound])
        }
        guard (0..<(sentences.count - 1)).contains(where: { answered($0) || (heading($0) && bulletAfter($0)) }) else {
            return (sentences, sentenceOf)
        }
        var merged: [Range<Int>] = []
        var newIndex = [Int](repeating: 0, count: sentences.count)
        var s = 0
        while s < sentences.count {
            newIndex[s] = merged.count
            if s + 1 < sentences.count && answered(s) {
                newIndex[s + 1] = merged.count
                merged.append(sentences[s].lowerBound..<sentences[s + 1].upperBound)
                s += 2
            } else if s + 1 < sentences.count && heading(s) && bulletAfter(s) {
                var last = s + 1
                while last + 1 < sentences.count && bulletAfter(last) { last += 1 }
                for t in (s + 1)...last { newIndex[t] = merged.count }
                merged.append(sentences[s].lowerBound..<sentences[last].upperBound)
                s = last + 1
            } else {
                merged.append(sentences[s])
                s += 1
            }
        }
        return (merged, sentenceOf.map { newIndex[$0] })
    }

    /// Section defaults: traits a section gives to the entities in it, unless they already have them.
    ///
    /// A medication in a section whose default is FUTURE (Plan, Mx) is a new, planned drug (GUIDELINE §8)
    /// unless it is a current one: a context trait already places it (negated, past, hypothetical,
    /// uncertain, a relative's), or a word of `plan_current_cues` (`continue`, `cont`, `increase`, `cease`,
    /// `hold`...) stands between it and the start of its line or the medication before it on the line
    /// (`Hold metformin for contrast`: `Hold` governs metformin, not contrast); nor is it when its sentence
    /// (within its line) is conditional or deliberative (`plan_conditional_cues`: `if`, `consider`,
    /// `discuss`: such drugs are hypothetical in the gold) or says it was already given
    /// (`plan_done_cues` after it: `bolus given`). `ranges`, `content` and the sentence layout are needed
    /// for these tests; without them medications get no FUTURE.
    func applySectionDefaults(
        _ entities: inout [Entity], doc: AnnotatedDocument, ranges: [Range<Int>] = [], content c: Content? = nil,
        sentences: [Range<Int>] = [], sentenceOf: [Int] = []
    ) {
        guard !sectionTraits.isEmpty, !doc.sections.isEmpty else { return }
        // Each section's rules, looked up once per section rather than once per entity.
        let bySection = doc.sections.map { sectionTraits[$0.type] }
        // Where each section's defaults stop (computed on first use): a paragraph that opens with a
        // label the sectioner does not know ends a Past History or Family History list.
        var defaultsEnd = [Int](repeating: -1, count: doc.sections.count)
        for n in entities.indices {
            // The section containing the entity's start (as `doc.section(containing:)`).
            let offset = entities[n].span.start
            let lo = doc.sections.firstIndex(endingAfter: offset)
            guard lo < doc.sections.count, doc.sections[lo].span.contains(offset), let rules = bySection[lo] else { continue }
            let sec = doc.sections[lo]
            if defaultsEnd[lo] < 0 { defaultsEnd[lo] = Self.sectionDefaultsEnd(sec, doc: doc) }
            guard offset < defaultsEnd[lo] else { continue }
            for rule in rules where rule.appliesTo == 0 || rule.appliesTo & entities[n].category.contextBit != 0 {
                var new = rule.traits.subtracting(entities[n].traits)
                // A conditional mention in a plan ("CT if headache worsens") is hypothetical,
                // not planned: a HYPOTHETICAL trigger cancels the section's FUTURE default.
                if entities[n].traits.contains(.hypothetical) { new.remove(.future) }
                // A negated entity in a history section is absent, not past ("PMHx: ... No IHD, no
                // CVA"): the corpus gives PAST_HISTORY to negated findings only through their own cue
                // ("no history of", "no prior").
                if new.contains(.pastHistory) && entities[n].traits.contains(.negation) { new.remove(.pastHistory) }
                // A drug named as the replacement of a stopped one is current ("metoprolol - replaced
                // by [carvedilol]", "ceased when [Prolia] started").
                if new.contains(.pastHistory) && entities[n].category == .medication
                    && namedAsReplacement(n, entities: entities, ranges: ranges, content: c)
                {
                    new.remove(.pastHistory)
                }
                // A test reported with a result in a history section is a current measurement
                // ("T2DM (HbA1c 8.4%)", "CKD 3b (eGFR 38)"), as GUIDELINE T1 reads a test with a value.
                // So is one in a plan section ("Plan: ... Deprescribe gliclazide (HbA1c 6.2% on it)",
                // "HbA1c 8.4%, continue current regimen"): a test with a value is not an ordered test.
                if new.contains(.pastHistory) || new.contains(.future), entities[n].type == .testName,
                   entities[n].attributes.contains(where: { $0.type == .testValue })
                {
                    new.remove(.pastHistory)
                    new.remove(.future)
                }
                if new.contains(.future) && entities[n].category == .medication
                    && !isPlannedMedication(n, entities: entities, ranges: ranges, content: c, sentences: sentences, sentenceOf: sentenceOf)
                {
                    new.remove(.future)
                }
                guard !new.isEmpty else { continue }
                entities[n].traits.formUnion(new)
                for (trait, name) in Traits.named where new.contains(trait) {  // `new.names`, without building the array
                    entities[n].evidence.append(Evidence(subject: name, ruleID: rule.evidenceRuleID, trigger: sec.headerSpan))
                    entities[n].traitScores[name] = 0.85
                }
            }
        }
    }

    /// Whether a word of `replacement_cues` ("replaced", "switched", "instead", "when") stands between
    /// medication `n` and the start of its line or the medication before it on the line.
    func namedAsReplacement(_ n: Int, entities: [Entity], ranges: [Range<Int>], content c: Content?) -> Bool {
        guard let c, n < ranges.count, !ranges[n].isEmpty else { return false }
        return lineWordBeforeMedication(n, in: words.replacementCues, entities: entities, ranges: ranges, content: c)
    }

    /// Whether a word of `set` stands between medication `n` and the start of its line or the medication
    /// before it on the line (that medication's words end the look-back).
    func lineWordBeforeMedication(_ n: Int, in set: TokenIDSet, entities: [Entity], ranges: [Range<Int>], content c: Content) -> Bool {
        var stop = -1
        for (m, r) in ranges.enumerated() where m != n && !r.isEmpty && entities[m].category == .medication
            && r.upperBound <= ranges[n].lowerBound && r.upperBound - 1 > stop
        {
            stop = r.upperBound - 1
        }
        var k = ranges[n].lowerBound - 1
        while k > stop && !c.lineEnd[k] {
            if set.contains(c.lexKeys[k]) { return true }
            k -= 1
        }
        return false
    }

    /// Where the default traits of `section` stop (a UTF-8 offset; the section's end when nothing
    /// stops them): at the first paragraph after the section's first content line that opens with a
    /// label the sectioner does not know, a capitalised line start of one to five words and a colon
    /// ("Since last review: sleeping 11 h", "Examination on arrival:", "Inpatient course: ..."), or
    /// with a table row (`| Home medication | Sig |`). Such a paragraph is a new block, so a Family
    /// History, Past History or Allergies list does not run on into the rest of the note; lines
    /// without a blank line before them ("Mother: breast cancer") stay in the section.
    /// - Complexity: O(tokens of the section), once per section that has defaults and entities.
    static func sectionDefaultsEnd(_ section: Section, doc: AnnotatedDocument) -> Int {
        let tokens = doc.tokens
        let start = section.bodySpan.start, end = section.span.end
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].span.start < start { lo = mid + 1 } else { hi = mid }
        }
        var text = doc.document.text
        return text.withUTF8 { p -> Int in
            var i = lo
            var sawContent = false, newlines = 0
            while i < tokens.count && tokens[i].span.start < end {
                let t = tokens[i]
                switch t.kind {
                case .newline: newlines += 1
                case .whitespace: break
                default:
                    if sawContent && newlines >= 2
                        && (isUnknownLabel(at: i, tokens: tokens, bytes: p) || (t.span.end - t.span.start == 1 && p[t.span.start] == UInt8(ascii: "|")))
                    {
                        return t.span.start
                    }
                    sawContent = true
                    newlines = 0
                }
                i += 1
            }
            return end
        }
    }

    /// Whether the line starting at token `i` opens with a label: a capitalised word, at most five
    /// words (with spaces, `/`, `-`, `&` or parentheses between), then a colon.
    static func isUnknownLabel(at i: Int, tokens: [Token], bytes p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard tokens[i].kind == .word, !tokens[i].flags.isDisjoint(with: [.titleCase, .allUpper]) else { return false }
        var words = 0, j = i
        while j < tokens.count && j < i + 16 {
            let t = tokens[j]
            switch t.kind {
            case .word:
                words += 1
                if words > 5 { return false }
            case .whitespace: break
            case .punctuation, .symbol:
                guard t.span.end - t.span.start == 1 else { return false }
                switch p[t.span.start] {
                case UInt8(ascii: ":"): return true
                case UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "&"), UInt8(ascii: "("), UInt8(ascii: ")"): break
                default: return false
                }
            default: return false
            }
            j += 1
        }
        return false
    }

    /// Whether token `t` is followed by a column break: a whitespace run holding a tab or at least
    /// three characters, with more text after it on the line; or two spaces before the next field's
    /// label (a capitalised word and a colon within its first three words: "Fever: N  Chills: N").
    @inline(__always)
    static func columnBreak(after t: Int, tokens: [Token], bytes p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard t + 2 < tokens.count, tokens[t + 1].kind == .whitespace, tokens[t + 2].kind != .newline else { return false }
        let ws = tokens[t + 1].span
        if ws.end - ws.start >= 3 { return true }
        if (ws.start..<ws.end).contains(where: { p[$0] == 0x09 }) { return true }
        guard ws.end - ws.start == 2, tokens[t + 2].kind == .word else { return false }
        let first = p[tokens[t + 2].span.start]
        guard first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z") else { return false }
        var j = t + 3
        var words = 1
        while j < tokens.count && words <= 3 {
            switch tokens[j].kind {
            case .newline: return false
            case .whitespace: break
            case .word: words += 1
            default:
                if tokens[j].span.end - tokens[j].span.start == 1 && p[tokens[j].span.start] == UInt8(ascii: ":") { return true }
                if p[tokens[j].span.start] != UInt8(ascii: "/") && p[tokens[j].span.start] != UInt8(ascii: "-") { return false }
            }
            j += 1
        }
        return false
    }

    /// Whether a phrase runs over a line end into a new item: the next line starts with anything
    /// but a lower-case letter (a list item, a heading, a new sentence), or the line ends with
    /// punctuation. Hard-wrapped prose ("congestive heart⏎failure") still matches.
    /// Whether medication `n` in a Plan-like section is planned rather than current (see
    /// ``applySectionDefaults(_:doc:ranges:content:)``).
    func isPlannedMedication(
        _ n: Int, entities: [Entity], ranges: [Range<Int>], content c: Content?, sentences: [Range<Int>], sentenceOf: [Int]
    ) -> Bool {
        guard let c, n < ranges.count, !ranges[n].isEmpty, ranges[n].lowerBound < sentenceOf.count else { return false }
        let placed: Traits = [.negation, .pastHistory, .hypothetical, .lowConfidence, .pertainsToFamily]
        if !entities[n].traits.intersection(placed).isEmpty { return false }
        // The medication before this one on its line ends the look-back.
        if lineWordBeforeMedication(n, in: words.planCurrentCues, entities: entities, ranges: ranges, content: c) { return false }
        // The sentence of the medication, within its line.
        let sentence = sentenceOf[ranges[n].lowerBound] < sentences.count ? sentences[sentenceOf[ranges[n].lowerBound]] : ranges[n]
        var lo = ranges[n].lowerBound
        while lo > sentence.lowerBound && !c.lineEnd[lo - 1] { lo -= 1 }
        var hi = ranges[n].upperBound - 1
        while hi + 1 < sentence.upperBound && !c.lineEnd[hi] { hi += 1 }
        for k in lo...hi where words.planConditionalCues.contains(c.lexKeys[k]) { return false }
        if ranges[n].upperBound <= hi {
            for k in ranges[n].upperBound...hi where words.planDoneCues.contains(c.lexKeys[k]) { return false }
        }
        return true
    }

    /// Rule ids of drug-class concepts (`class:` rows of medications.tsv).
    static let classRulePrefix = "lexicon:class:"

    /// Whether the class mention at `r` is the header of its section, or is followed on its line by a
    /// status word (word classes `status_words`, `status_pairs`: `up to date`, `UTD`, `current`).
    func isClassStatusOrHeading(_ r: Range<Int>, content c: Content, doc: AnnotatedDocument, bytes p: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = doc.tokens[c.tokenIndex[r.lowerBound]].span.start, last = doc.tokens[c.tokenIndex[r.upperBound - 1]].span.end
        if doc.sections.contains(where: { $0.headerSpan.map { $0.start <= first && last <= $0.end } ?? false }) { return true }
        let k = r.upperBound
        guard k < c.lexKeys.count, !c.lineEnd[k - 1] else { return false }
        // A plural class that opens its line as a label heads a list of its members
        // (`Antimicrobials:` ⏎ `- Vancomycin ...`, `Antibiotics: ceftriaxone day 3`); a singular
        // one is the drug (`OCP: Yaz`).
        if c.lexKeys[k] == words.colon, r.lowerBound == 0 || c.lineEnd[r.lowerBound - 1],
           p[last - 1] | 0x20 == UInt8(ascii: "s")
        {
            return true
        }
        if words.statusWords.contains(c.lexKeys[k]) { return true }
        return k + 1 < c.lexKeys.count && !c.lineEnd[k] && words.statusPairs.contains([c.lexKeys[k], c.lexKeys[k + 1]])
    }

    func crossesItemBreak(_ tokens: Range<Int>, content c: Content, doc: AnnotatedDocument, bytes p: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = tokens.lowerBound
        while k < tokens.upperBound - 1 {
            if c.lineEnd[k] {
                let last = doc.tokens[c.tokenIndex[k]], next = doc.tokens[c.tokenIndex[k + 1]]
                let first = p[next.span.start]
                if last.kind != .word || next.kind != .word || first < 0x61 || first > 0x7A { return true }
            }
            k += 1
        }
        return false
    }

    /// Whether a match may use the typo corrections inside it: never for abbreviations, and a
    /// match of one corrected word only when that word has at least 7 letters.
    func typoAllowed(term t: Int, tokens: Range<Int>, content c: Content) -> Bool {
        guard !c.corrected.isEmpty, c.corrected.contains(where: { tokens.contains($0) }) else { return true }
        if terms[t].term.isAbbreviation { return false }
        if tokens.count == 1 { return dictionary.bytes(of: c.lexKeys[tokens.lowerBound]).count >= 7 }
        return true
    }

    /// ``choose(_:tokens:content:doc:bytes:sentence:)`` for the phrase ending at trie node `node`
    /// (whose payloads are `payloads`), through ``fixedChoice`` when the note cannot change it.
    @inline(__always)
    func choose(
        node: Int, _ payloads: Range<Int>, tokens: Range<Int>, content c: Content, doc: AnnotatedDocument,
        bytes p: UnsafeBufferPointer<UInt8>, sentence: Range<Int>
    ) -> Int? {
        let fixed = fixedChoice[node]
        if fixed >= 0 { return Int(fixed) }
        return choose(payloads, tokens: tokens, content: c, doc: doc, bytes: p, sentence: sentence)
    }

    /// Per trie node, the term `choose` returns for it in every note, or -1. With no
    /// case-sensitive and no abbreviation payload, every payload is admissible and no cue is
    /// read, so `choose` reduces to the first payload with the lowest (priority, concept id):
    /// with one concept that is its lowest priority, with several the priority/id tie-break.
    static func fixedChoices(_ matcher: PhraseMatcher, _ terms: [CompiledTerm]) -> [Int32] {
        var out = [Int32](repeating: -1, count: matcher.nodeCount)
        for node in 0..<matcher.nodeCount {
            let range = matcher.payloadRange(of: node)
            guard !range.isEmpty else { continue }
            var best = -1
            var fixed = true
            for i in range {
                let pl = Int(matcher.payload(at: i))
                let t = terms[pl]
                if t.originalBytes != nil || t.term.isAbbreviation {
                    fixed = false
                    break
                }
                if best < 0 || (t.term.priority, t.term.conceptID) < (terms[best].term.priority, terms[best].term.conceptID) { best = pl }
            }
            if fixed { out[node] = Int32(best) }
        }
        return out
    }

    /// Chooses the term among the payloads of one matched phrase (see the type's overlap policy).
    /// `payloads` indexes the lexicon matcher's payload table.
    func choose(
        _ payloads: Range<Int>, tokens: Range<Int>, content c: Content, doc: AnnotatedDocument,
        bytes p: UnsafeBufferPointer<UInt8>, sentence: Range<Int>
    ) -> Int? {
        // One payload (most phrases): no candidate list.
        if payloads.count == 1 {
            let pl = Int(lexicon.payload(at: payloads.lowerBound))
            guard admissible(pl, tokens: tokens, content: c, doc: doc, bytes: p) else { return nil }
            if terms[pl].term.isAbbreviation && !terms[pl].term.isDefaultSense && terms[pl].term.cues.isEmpty == false {
                return cueHits(terms[pl], sentence: sentence, except: tokens, content: c) > 0 ? pl : nil
            }
            return pl
        }
        var candidates: [Int] = []
        for i in payloads {
            let pl = Int(lexicon.payload(at: i))
            if admissible(pl, tokens: tokens, content: c, doc: doc, bytes: p) { candidates.append(pl) }
        }
        guard !candidates.isEmpty else { return nil }
        if candidates.count == 1 {
            let t = terms[candidates[0]].term
            if t.isAbbreviation && !t.isDefaultSense && t.cues.isEmpty == false {
                return cueHits(terms[candidates[0]], sentence: sentence, except: tokens, content: c) > 0 ? candidates[0] : nil
            }
            return candidates[0]
        }
        let firstConcept = terms[candidates[0]].term.conceptID
        if candidates.allSatisfy({ terms[$0].term.conceptID == firstConcept }) {
            return candidates.min { terms[$0].term.priority < terms[$1].term.priority }
        }
        // Several concepts: abbreviation senses by cues, else default sense, else priority.
        let abbreviations = candidates.filter { terms[$0].term.isAbbreviation }
        if !abbreviations.isEmpty {
            let scored = abbreviations.map { ($0, cueHits(terms[$0], sentence: sentence, except: tokens, content: c)) }
            if let best = scored.max(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 > $1.0) }), best.1 > 0 { return best.0 }
            if let def = abbreviations.first(where: { terms[$0].term.isDefaultSense }) { return def }
            let plain = candidates.filter { !terms[$0].term.isAbbreviation }
            if plain.isEmpty { return nil }
            candidates = plain
        }
        return candidates.min {
            (terms[$0].term.priority, terms[$0].term.conceptID) < (terms[$1].term.priority, terms[$1].term.conceptID)
        }
    }

    /// Whether compiled term `pl` may be chosen for the tokens: a case-sensitive term needs the
    /// note's exact case; a one-token abbreviation that is also a signature word is not a concept.
    @inline(__always)
    func admissible(_ pl: Int, tokens: Range<Int>, content c: Content, doc: AnnotatedDocument, bytes p: UnsafeBufferPointer<UInt8>) -> Bool {
        if let orig = terms[pl].originalBytes, !matchesExactly(orig, tokens: tokens, content: c, doc: doc, bytes: p) { return false }
        if terms[pl].term.isAbbreviation, tokens.count == 1, terms[pl].originalBytes == nil, signatureWords.contains(c.lexKeys[tokens.lowerBound]) {
            // A signature word written only in one case ("CR") leaves the abbreviation in other cases ("Cr 1.4").
            guard let exact = caseSensitiveSignatureWords[c.lexKeys[tokens.lowerBound]] else { return false }
            return !exact.contains { matchesExactly($0, tokens: tokens, content: c, doc: doc, bytes: p) }
        }
        return true
    }

    /// Number of the term's cue phrases present in the sentence (outside the match itself).
    /// A cue can only start at a token whose key starts some cue, so the scan visits
    /// ``Content/cueStarts`` inside the sentence, not every token of it.
    func cueHits(_ t: CompiledTerm, sentence: Range<Int>, except: Range<Int>, content c: Content) -> Int {
        guard !t.cueIDs.isEmpty else { return 0 }
        let starts = c.cueStarts
        var lo = 0, hi = starts.count  // first cue start inside the sentence
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] < sentence.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var hits = 0
        for cue in t.cueIDs {
            var j = lo
            while j < starts.count {
                let k = starts[j]
                if k + cue.count > sentence.upperBound { break }
                if c.lexKeys[k] == cue[0], !(k..<(k + cue.count)).overlaps(except), c.lexKeys[k..<(k + cue.count)].elementsEqual(cue) {
                    hits += 1
                    break
                }
                j += 1
            }
        }
        return hits
    }

    /// True when the note's tokens, with spaces removed, equal `original` byte for byte.
    func matchesExactly(_ original: [UInt8], tokens: Range<Int>, content c: Content, doc: AnnotatedDocument, bytes p: UnsafeBufferPointer<UInt8>) -> Bool {
        Self.matchesExactly(original, tokens: tokens, content: c, doc: doc, bytes: p)
    }

    /// ``matchesExactly(_:tokens:content:doc:bytes:)`` without `self`, for closures.
    static func matchesExactly(_ original: [UInt8], tokens: Range<Int>, content c: Content, doc: AnnotatedDocument, bytes p: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        for ci in tokens {
            let span = doc.tokens[c.tokenIndex[ci]].span
            for b in span.start..<span.end {
                guard k < original.count, p[b] == original[k] else { return false }
                k += 1
            }
        }
        return k == original.count
    }
}
