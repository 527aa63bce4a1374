public import EntityRecognizer
public import Foundation
public import MedTextCore
public import TerminologyMap
public import Tokenizer

/// How much concept linking to do for each entity.
public enum ConceptLinking: Sendable, Hashable {
    /// No codes (fastest; DetectEntitiesV2 reports none).
    case none
    /// The codes the lexicon links to each matched concept (one batched lookup per document).
    case linked
    /// Ranked candidates per entity in the given code systems (of ICD-10-CM, SNOMED CT, RxNorm),
    /// as the Infer* operations report them. Costs a few indexed queries per entity and system,
    /// so an operation asks only for the system it prints.
    case rankedIn(Set<CodeSystem>)

    /// Ranked candidates in all three systems.
    public static let ranked = ConceptLinking.rankedIn([.icd10CM, .snomedCT, .rxNorm])
}

/// medtext's entity pipeline: tokenizer, compiled entity recognizer and terminology store,
/// built once and used for any number of notes from any number of tasks. Annotating never
/// throws because of what a note says.
public struct MedTextAnnotator: Sendable {
    public let pipeline: MedTextPipeline
    public let recognizer: Recognizer
    /// PHI detection (names, addresses, professions, organizations and the pattern types), whose
    /// entities `annotate` reports as PROTECTED_HEALTH_INFORMATION, as DetectEntitiesV2 does.
    public let phi: PHIPipeline
    public let terminology: TerminologyStore
    /// Where the terminology came from and its versions, for outputs and provenance.
    public let terminologyVersions: [TerminologyVersion]
    /// The linked codes (``linkedCodes(_:)``) of every matchable concept, loaded at build time
    /// when `MedTextConfiguration.preloadConcepts` is set (immutable; `nil` otherwise).
    let preloadedCodes: [Int64: [ConceptCode]]?
    /// Whether the recognizer's lexicon came from a compiled-lexicon image or was compiled.
    public let lexiconOrigin: LexiconOrigin
    /// Document-level ICD-10-CM rules applied after ranking (`icd/combinations.tsv`).
    let icdRules: ICDCombinationRules
    /// Sides written beside a diagnosis (`icd/sides.tsv`).
    let icdSides: ICDCombinationRules.Sides
    /// Qualifier words that fill an unspecified axis of a code (`icd/qualifiers.tsv`).
    let icdQualifiers: ICDCombinationRules.Qualifiers
    /// Body sites of skin neoplasms (`icd/skin_sites.tsv`).
    let icdSkinSites: ICDCombinationRules.SkinSites

    /// Where ``MedTextAnnotator`` got its compiled lexicon (DESIGN.md "Compiled lexicon images").
    public enum LexiconOrigin: Sendable, Equatable {
        /// Loaded from the image written for exactly these inputs.
        case image
        /// Compiled from the terminology's terms: images are off or could not be keyed (`nil`),
        /// or the image was missing, stale or damaged (the reason); a fresh one was written.
        case compiled(imageUnusable: LexiconImageError?)
    }

    /// Builds the annotator: tokenizer rules, the terminology database (the default one is
    /// built on first use), every matchable term compiled into the recognizer, ConText rules,
    /// fused negations and section defaults.
    /// - Throws: ``PipelineBuildError`` naming the file that failed.
    /// `phiOptions`: the PHI detector's options (``PHIRecognizer/Options``; e.g. `tagger: true` to add the learned tagger's spans).
    public init(configuration: MedTextConfiguration = MedTextConfiguration(), phiOptions: PHIRecognizer.Options = .init()) throws {
        pipeline = try MedTextPipeline(configuration: configuration)
        // The PHI vocabulary (megabytes of name lists) loads on a second thread while this one
        // opens the terminology and compiles the recognizer: the two share nothing, and the
        // result is the same value either way (cold start, DESIGN.md "Entity recognition performance").
        let phiBuild = BackgroundBuild { try PHIPipeline(configuration: configuration, options: phiOptions) }
        let store: TerminologyStore
        do {
            store = try MedTextTerminology.open(explicit: configuration.terminologyURL, lexiconsDirectory: configuration.lexiconsDirectory)
            terminologyVersions = try store.versions()
        } catch {
            throw PipelineBuildError(reason: .terminology, path: configuration.terminologyURL?.path ?? "(default)", detail: error.description)
        }
        terminology = store
        let dir = configuration.lexiconsDirectory
        // The compiled lexicon's image (when one was written for exactly these inputs) loads on a
        // third thread while this one parses the rule files.
        var imageCache: LexiconImageCache? = nil
        if let imageDirectory = configuration.lexiconImageDirectory,
           let key = try? LexiconImageCache.key(store: store, lexiconsDirectory: dir) {
            imageCache = LexiconImageCache(directory: imageDirectory, key: key)
        }
        let imageLoad = imageCache.map { cache in BackgroundBuild { cache.load() } }
        let icdRulesURL = dir.appendingPathComponent("icd/combinations.tsv")
        let sameConditionURL = dir.appendingPathComponent("icd/same_condition.tsv")
        var failing = icdRulesURL
        do {
            var rules = FileManager.default.fileExists(atPath: icdRulesURL.path)
                ? try ICDCombinationRules.parse(try MedTextPipeline.read(icdRulesURL), file: icdRulesURL.path) : ICDCombinationRules()
            failing = sameConditionURL
            if FileManager.default.fileExists(atPath: sameConditionURL.path) {
                rules.sameCondition = try ICDCombinationRules.SameCondition.parse(try MedTextPipeline.read(sameConditionURL), file: sameConditionURL.path)
            }
            icdRules = rules
            let sidesURL = dir.appendingPathComponent("icd/sides.tsv")
            failing = sidesURL
            icdSides = FileManager.default.fileExists(atPath: sidesURL.path)
                ? try ICDCombinationRules.Sides.parse(try MedTextPipeline.read(sidesURL), file: sidesURL.path) : ICDCombinationRules.Sides()
            let skinSitesURL = dir.appendingPathComponent("icd/skin_sites.tsv")
            failing = skinSitesURL
            icdSkinSites = FileManager.default.fileExists(atPath: skinSitesURL.path)
                ? try ICDCombinationRules.SkinSites.parse(try MedTextPipeline.read(skinSitesURL), file: skinSitesURL.path) : ICDCombinationRules.SkinSites()
            let qualifiersURL = dir.appendingPathComponent("icd/qualifiers.tsv")
            failing = qualifiersURL
            icdQualifiers = FileManager.default.fileExists(atPath: qualifiersURL.path)
                ? try ICDCombinationRules.Qualifiers.parse(try MedTextPipeline.read(qualifiersURL), file: qualifiersURL.path) : ICDCombinationRules.Qualifiers()
        } catch let e as TerminologyError {
            throw PipelineBuildError(reason: .invalidRules, path: failing.path, detail: e.description)
        }
        let rulesURL = dir.appendingPathComponent("context/rules.tsv")
        let sectionsURL = dir.appendingPathComponent("context/section_traits.tsv")
        let contextRules: [ContextRule]
        let sectionTraits: [SectionTraitRule]
        let wordClasses: WordClasses
        var sig: [SigTerm] = []
        do {
            func sigFile(_ name: String) throws -> (String, String) {
                let u = dir.appendingPathComponent("sig/" + name)
                return (try MedTextPipeline.read(u), u.path)
            }
            let units = try sigFile("units.tsv")
            sig += try RecognizerRuleFiles.units(units.0, file: units.1)
            let testUnits = try sigFile("test_units.tsv")
            sig += try RecognizerRuleFiles.sigTerms(testUnits.0, kind: .testUnit, file: testUnits.1)
            let routes = try sigFile("routes.tsv")
            sig += try RecognizerRuleFiles.sigTerms(routes.0, kind: .route, file: routes.1)
            let forms = try sigFile("forms.tsv")
            sig += try RecognizerRuleFiles.sigTerms(forms.0, kind: .form, file: forms.1)
            let freqs = try sigFile("frequencies.tsv")
            sig += try RecognizerRuleFiles.frequencies(freqs.0, file: freqs.1)
            let timeURL = dir.appendingPathComponent("context/time_expressions.tsv")
            sig += try RecognizerRuleFiles.sigTerms(try MedTextPipeline.read(timeURL), kind: .time, file: timeURL.path)
            contextRules = try RecognizerRuleFiles.contextRules(try MedTextPipeline.read(rulesURL), file: rulesURL.path)
            sectionTraits = try RecognizerRuleFiles.sectionTraits(try MedTextPipeline.read(sectionsURL), file: sectionsURL.path)
            let classesURL = dir.appendingPathComponent("context/word_classes.tsv")
            wordClasses = try RecognizerRuleFiles.wordClasses(try MedTextPipeline.read(classesURL), file: classesURL.path)
        } catch let e as RecognizerRuleError {
            throw PipelineBuildError(reason: .invalidRules, path: e.file, detail: e.description)
        }
        // The recognizer over its compiled lexicon's image, else compiled from the terminology's
        // terms (and the image written for the next start).
        var resources = RecognizerResources(terms: [], contextRules: contextRules, sectionTraits: sectionTraits, sig: sig)
        resources.phiPatterns = false
        resources.wordClasses = wordClasses
        // The typo guard asks the PHI vocabulary, but only while recognizing, never while
        // compiling: the recognizer compiles while the vocabulary is still loading.
        resources.ordinaryWord = { [phiBuild] in phiBuild.finished.recognizer.vocabulary.isOrdinaryWord($0) }
        var whyCompiled: LexiconImageError? = nil
        var fromImage: Recognizer? = nil
        switch try imageLoad?.value() {
        case .success(let image)?:
            resources.compiledLexicon = image
            let r = Recognizer(resources: resources)
            if r.imageMatchesRules { fromImage = r } else { whyCompiled = LexiconImageError(kind: .stale, detail: "the rules name tokens the image lacks") }
        case .failure(let why)?:
            whyCompiled = why
        case nil:
            break
        }
        let built: Recognizer
        if let fromImage {
            built = fromImage
            lexiconOrigin = .image
        } else {
            resources.compiledLexicon = nil
            resources.terms = try Self.lexiconTerms(store: store, lexiconsDirectory: dir)
            built = Recognizer(resources: resources)
            lexiconOrigin = .compiled(imageUnusable: whyCompiled)
            imageCache?.save(built.compiledLexicon)
        }
        if configuration.preloadConcepts {
            do {
                preloadedCodes = try store.concepts(ids: built.lexiconConceptIDs).mapValues(Self.linkedCodes)
            } catch {
                throw PipelineBuildError(reason: .terminology, path: store.url.path, detail: "\(error)")
            }
        } else {
            preloadedCodes = nil
        }
        let phiPipeline = try phiBuild.value()
        phi = phiPipeline
        // Now that the vocabulary is here, the typo guard reads it directly: through `finished` every
        // call copied the whole PHI pipeline (a retain and release per stored reference), and the guard
        // runs for unknown words of every note. Same answers.
        let vocabulary = phiPipeline.recognizer.vocabulary
        recognizer = built.withOrdinaryWord { vocabulary.isOrdinaryWord($0) }
    }

    /// The terms the lexicon is compiled from: the stop terms (`context/stopterms.tsv`), every
    /// matchable term of `store`, and the fused negations (`context/fused.tsv`) of concepts it holds.
    /// - Throws: ``PipelineBuildError`` naming the file that failed.
    static func lexiconTerms(store: TerminologyStore, lexiconsDirectory dir: URL) throws -> [LexiconTerm] {
        let fusedURL = dir.appendingPathComponent("context/fused.tsv")
        let fused: [RecognizerRuleFiles.FusedTerm]
        do {
            fused = try RecognizerRuleFiles.fusedNegations(try MedTextPipeline.read(fusedURL), file: fusedURL.path)
        } catch let e as RecognizerRuleError {
            throw PipelineBuildError(reason: .invalidRules, path: e.file, detail: e.description)
        }
        var terms: [LexiconTerm] = []
        let stopURL = dir.appendingPathComponent("context/stopterms.tsv")
        do {
            for (line, raw) in try MedTextPipeline.read(stopURL).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let cols = raw.split(separator: "\t", omittingEmptySubsequences: false)
                guard line > 0, !raw.hasPrefix("#"), let term = cols.first, !term.isEmpty, term != "term" else { continue }
                terms.append(LexiconTerm(
                    conceptID: -1, normalized: MedTextTerminology.normalizer.normalizedTerm(String(term)), type: "NONE",
                    priority: -1, ruleID: "stopterm:\(line + 1)"))
            }
        } catch {
            throw PipelineBuildError(reason: .unreadableFile, path: stopURL.path, detail: "\(error)")
        }
        do {
            try store.forEachMatchableTerm { t in
                // Short abbreviations from generated sources ("RA" in HPO) are too ambiguous
                // without the curated senses and cues of abbreviations.tsv.
                if t.priority >= 1 && t.isAbbreviation && t.normalized.utf8.count <= 4 { return }
                var term = LexiconTerm(
                    conceptID: t.conceptID, normalized: t.normalized, original: t.original, type: t.entityType,
                    caseSensitive: t.caseSensitive, isAbbreviation: t.isAbbreviation, cues: t.cues,
                    isDefaultSense: t.isDefaultSense, traits: Self.classTraits(type: t.entityType, lexiconClass: t.lexiconClass),
                    // Social-history terms ("smoker") win over a condition with the same name.
                    priority: t.entityType.lexiconCategory == .behavioralEnvironmentalSocial ? t.priority - 1 : t.priority,
                    ruleID: "lexicon:" + t.code)
                term.typoTarget = t.termType != .misspelling && t.termType != .brand && t.entityType != .brandName
                terms.append(term)
            }
            // Fused negations ("afebrile"): terms of the finding they negate, with its traits.
            // Priority -1: a fused negation wins over a lexicon term spelled the same (a
            // "non-tender" finding concept must not hide the negation).
            let normalizer = MedTextTerminology.normalizer
            var targets: [String: Int64] = [:]
            for f in fused where targets[f.target] == nil {
                if let id = try store.conceptID(system: .medtext, code: f.target) { targets[f.target] = id }
            }
            let details = try store.concepts(ids: Array(Set(targets.values)).sorted())
            for f in fused {
                guard let id = targets[f.target] else { continue }
                let cls = Self.classTraits(type: f.type, lexiconClass: details[id]?.lexiconClass)
                // A case-sensitive or cue-only row ("NT", "ND") is matched like an abbreviation sense:
                // exact case, and only with one of its cue words in the sentence.
                terms.append(LexiconTerm(
                    conceptID: id, normalized: normalizer.normalizedTerm(f.term), original: f.caseSensitive ? f.term : nil,
                    type: f.type, caseSensitive: f.caseSensitive, isAbbreviation: f.caseSensitive || !f.cues.isEmpty,
                    cues: f.cues, isDefaultSense: f.cues.isEmpty,
                    traits: cls.union(f.traits), priority: -1, ruleID: "context:" + f.id))
            }
        } catch {
            throw PipelineBuildError(reason: .terminology, path: store.url.path, detail: "\(error)")
        }
        return terms
    }

    /// SIGN/SYMPTOM/DIAGNOSIS for a condition from its lexicon class (DIAGNOSIS when unknown).
    static func classTraits(type: EntityType, lexiconClass: String?) -> Traits {
        // Social-history entries: "non-smoker", "NKDA" are negated; "ex-smoker" is past history.
        if lexiconClass == "negated" { return .negation }
        if lexiconClass == "past" { return .pastHistory }
        guard type == .dxName else { return [] }
        switch lexiconClass?.uppercased() {
        case "SIGN": return .sign
        case "SYMPTOM": return .symptom
        default: return .diagnosis
        }
    }

    /// Tokens, sentences, sections and entities of a note, with codes as `linking` asks.
    ///
    /// With `explain`, entities also carry their runner-up candidates and the source of each
    /// code as evidence (``Evidence``), for `--explain`. With `phi: false` the PHI detector does
    /// not run and no PROTECTED_HEALTH_INFORMATION entities are reported: for outputs that carry
    /// none (FHIR resources), where it would be about a third of the work; no other entity
    /// depends on it.
    public func annotate(_ document: Document, linking: ConceptLinking = .linked, explain: Bool = false, phi detectPHI: Bool = true) -> AnnotatedDocument {
        let analyzed = pipeline.analyze(document)
        var doc = recognizer.recognize(analyzed, explain: explain)
        if detectPHI { doc.entities.append(contentsOf: phi.recognizer.recognize(analyzed)) }
        doc.entities.sort { $0.span < $1.span }
        switch linking {
        case .none: break
        case .linked: link(&doc)
        case .rankedIn(let systems): rank(&doc, in: systems, explain: explain)
        }
        if explain { explainCodes(&doc, linking: linking) }
        return doc
    }

    /// The code systems whose linked codes entities carry, in output order.
    static let linkedSystems: [CodeSystem] = [.snomedCT, .icd10CM, .rxNorm, .unii, .loinc, .drugBank, .hpo]

    /// Fills `concepts` from the lexicon links of each entity's matched concepts: one batched
    /// lookup per document. A lookup failure leaves the codes empty and adds a diagnostic.
    /// A concept's codes in ``linkedSystems`` order: its own code and its equivalent/mapped codes.
    static func linkedCodes(_ d: ConceptDetails) -> [ConceptCode] {
        var out: [ConceptCode] = []
        for system in linkedSystems { out += d.codes(in: system) }
        return out
    }

    func link(_ doc: inout AnnotatedDocument) {
        // Codes of the concepts the preload does not hold (all of them without a preload) come
        // from the database, in one query pair for the document.
        // As before the preload: nothing changes when no entity has a concept; otherwise every
        // entity's codes are replaced (none for an entity without concepts).
        guard doc.entities.contains(where: { !$0.conceptIDs.isEmpty }) else { return }
        var missing = Set<Int64>()
        for n in doc.entities.indices {
            for id in doc.entities[n].conceptIDs where preloadedCodes?[id] == nil { missing.insert(id) }
        }
        var fetched: [Int64: [ConceptCode]] = [:]
        if !missing.isEmpty {
            do {
                fetched = try terminology.concepts(ids: missing.sorted()).mapValues(Self.linkedCodes)
            } catch {
                doc.diagnostics.append(Diagnostic(severity: .warning, code: error.code, message: "concept lookup failed; entities carry no codes"))
                return
            }
        }
        for n in doc.entities.indices {
            var codes: [ConceptCode] = []
            let score = doc.entities[n].score
            for id in doc.entities[n].conceptIDs {
                guard let list = preloadedCodes?[id] ?? fetched[id] else { continue }
                for var c in list where !codes.contains(where: { $0.system == c.system && $0.code == c.code }) {
                    c.score = score
                    codes.append(c)
                }
            }
            doc.entities[n].concepts = codes
        }
    }

    /// Evidence for each code: a linked code comes from the lexicon entry the entity matched; a
    /// ranked code gives its rank among the candidates (the others are its runners-up).
    func explainCodes(_ doc: inout AnnotatedDocument, linking: ConceptLinking) {
        for n in doc.entities.indices where !doc.entities[n].concepts.isEmpty {
            let matchRule = doc.entities[n].evidence.first { $0.subject == "match" }?.ruleID ?? ""
            var rank: [CodeSystem: Int] = [:]
            for c in doc.entities[n].concepts {
                let subject = "\(c.system.rawValue)|\(c.code)"  // FHIR token form: system|code
                switch linking {
                case .rankedIn:
                    let r = rank[c.system, default: 0] + 1
                    rank[c.system] = r
                    doc.entities[n].evidence.append(Evidence(subject: subject, ruleID: "rank:\(r)"))
                default:
                    doc.entities[n].evidence.append(Evidence(subject: subject, ruleID: matchRule))
                }
            }
        }
    }

    /// Ranked candidates per entity in `systems`, as the Infer* operations report them.
    func rank(_ doc: inout AnnotatedDocument, in systems: Set<CodeSystem>, explain: Bool = false) {
        let icd = systems.contains(.icd10CM), snomed = systems.contains(.snomedCT), rxNorm = systems.contains(.rxNorm)
        var injuryContext: (bytes: [UInt8], spans: [TextSpan])? = nil  // made for the first injury without its site
        for n in doc.entities.indices {
            let e = doc.entities[n]
            let query = MentionQuery(
                text: String(doc.document.text(in: e.span)),
                // A time that dates the mention ("Alzheimer's dementia | last night") says
                // nothing about which code it is.
                context: e.attributes.filter { $0.category != .timeExpression }.map { String(doc.document.text(in: $0.span)) },
                conceptIDs: e.conceptIDs)
            do {
                switch e.category {
                case .medicalCondition where e.type == .dxName:
                    var codes = try icd ? terminology.icd10cmCandidates(for: query) : []
                    // An injury written without its site (coded to an unspecified body region,
                    // T14) takes the site words of its clause as context ("Left mandibular angle
                    // fracture", "fractures of L 6th and 7th ribs"): a code by site wins only then.
                    if codes.first?.code.hasPrefix("T14.") == true, !icdQualifiers.isEmpty {
                        if injuryContext == nil {
                            injuryContext = (Array(doc.document.text.utf8), doc.entities.filter { $0.category == .medicalCondition }.map(\.span))
                        }
                        let clause = icdQualifiers.clause(around: e.span, in: injuryContext!.bytes, others: injuryContext!.spans.filter { $0 != e.span })
                        if !clause.isEmpty {
                            let sited = MentionQuery(text: query.text, context: query.context + clause, conceptIDs: query.conceptIDs)
                            let ranked = try terminology.icd10cmCandidates(for: sited)
                            if let top = ranked.first, top.code.hasPrefix("S") { codes = ranked }
                        }
                    }
                    doc.entities[n].concepts = try codes + (snomed ? terminology.snomedCandidates(for: query) : [])
                case .medication where rxNorm:
                    doc.entities[n].concepts = try terminology.rxNormCandidates(for: query)
                case .testTreatmentProcedure where snomed, .anatomy where snomed:
                    doc.entities[n].concepts = try terminology.snomedCandidates(for: query)
                default:
                    break
                }
            } catch {
                doc.diagnostics.append(Diagnostic(severity: .warning, code: error.code, message: "code ranking failed for one entity; it carries no codes"))
            }
        }
        if icd { applyICDRules(&doc, explain: explain) }
    }

    /// Combination codes, Rule I1's one code per condition per note and pregnancy trimesters
    /// (``ICDCombinationRules``): what a coder reads from the rest of the note, applied to the
    /// ranked ICD-10-CM codes of each diagnosis. The code a rule gives goes first; the mention's
    /// own candidates follow it. With `explain`, the code's evidence names the rule and, when
    /// another diagnosis supplied the code, that diagnosis's span as the trigger.
    func applyICDRules(_ doc: inout AnnotatedDocument, explain: Bool = false) {
        let notAffirmed: Traits = [.negation, .hypothetical, .pertainsToFamily, .lowConfidence]
        let dx = doc.entities.indices.filter { doc.entities[$0].category == .medicalCondition && doc.entities[$0].type == .dxName }
        guard !dx.isEmpty else { return }
        let text = doc.document.text
        var mentions = dx.map { n in
            ICDCombinationRules.Mention(
                span: doc.entities[n].span, topCode: doc.entities[n].concepts.first { $0.system == .icd10CM }?.code,
                affirmed: doc.entities[n].traits.isDisjoint(with: notAffirmed),
                current: !doc.entities[n].traits.contains(.pastHistory),
                text: String(doc.document.text(in: doc.entities[n].span)))
        }
        var texts: Set<String> = []
        for e in doc.entities where e.traits.isDisjoint(with: notAffirmed) && e.category != .protectedHealthInformation {
            texts.insert(doc.document.text(in: e.span).lowercased())
        }
        // A side written right beside a diagnosis whose code leaves the side unspecified selects
        // the sided sibling, before the note-level rules carry it to the condition's other mentions.
        var sided: [String?] = Array(repeating: nil, count: dx.count)
        let bytes = Array(text.utf8)
        if !icdSides.words.isEmpty {
            for i in mentions.indices where mentions[i].affirmed {
                guard let top = mentions[i].topCode, !top.hasPrefix("S"), !top.hasPrefix("T"),
                      let side = icdSides.side(beside: mentions[i].span, in: bytes), let sibling = sideSibling(of: top, side: side) else { continue }
                sided[i] = sibling
                mentions[i].topCode = sibling
            }
        }
        // Side, stage or severity words in the diagnosis's clause fill the axis its code leaves
        // unspecified ("POAG both eyes, severe" → H40.1133), before Rule I1 carries the code on.
        var qualified: [String?] = Array(repeating: nil, count: dx.count)
        if !icdQualifiers.isEmpty {
            let spans = mentions.map(\.span)
            for i in mentions.indices where mentions[i].affirmed {
                guard let top = mentions[i].topCode, !top.hasPrefix("S"), !top.hasPrefix("T"),
                      let title = icdDisplay(top), title.lowercased().contains("unspecified") else { continue }
                let others = spans.indices.filter { $0 != i }.map { spans[$0] }
                let clause = icdQualifiers.clause(around: mentions[i].span, in: bytes, others: others)
                let own = ICDCombinationRules.Qualifiers.words(String(doc.document.text(in: mentions[i].span)))
                let written = clause + own
                var said = Set(written.flatMap { ICDCombinationRules.Qualifiers.words($0) })
                for (k, w) in written.enumerated() {
                    if let side = icdSides.words[w] { said.insert(side) }
                    if k + 1 < written.count, let side = icdSides.words[w + " " + written[k + 1]] { said.insert(side) }
                }
                let subcategory = ICDCombinationRules.Qualifiers.subcategory(of: top)
                guard let candidates = try? terminology.icd10cmBillableCodes(prefix: subcategory, length: top.count),
                      let code = icdQualifiers.filled(code: top, title: title, candidates: candidates, said: said) else { continue }
                qualified[i] = code
                mentions[i].topCode = code
            }
        }
        // A fracture or injury coded for its initial encounter takes the 7th character of the
        // encounter its clause documents ("healing ... routine healing at 6/52 post ORIF" → D).
        // The cue may be a diagnosis of its own ("with malunion"): the clause reads through them.
        if !icdQualifiers.encounters.isEmpty {
            var reader = icdQualifiers
            reader.ends.remove("with")
            for i in mentions.indices where mentions[i].affirmed {
                guard let top = mentions[i].topCode, top.hasSuffix("A") else { continue }
                let clause = reader.clause(around: mentions[i].span, in: bytes, others: [], limit: 8)
                // Healing, delayed healing, nonunion and malunion are characters of fracture codes only
                // ("2cm healing abrasion" in a cellulitis note is no follow-up); a sequela is any injury's.
                let fits = { (code: String) -> Bool in
                    guard let t = self.icdDisplay(code)?.lowercased() else { return false }
                    return code.hasSuffix("S") || t.contains("fracture")
                }
                guard let code = icdQualifiers.encounterCode(for: top, clause: clause, exists: fits) else { continue }
                qualified[i] = code
                mentions[i].topCode = code
            }
        }
        // A skin neoplasm takes the code of the site written beside it ("BCC L nasal ala" C44.311).
        if !icdSkinSites.isEmpty {
            let spans = mentions.map(\.span)
            for i in mentions.indices where mentions[i].affirmed {
                guard let top = mentions[i].topCode, icdSkinSites.applies(to: top), let title = icdDisplay(top) else { continue }
                let others = spans.indices.filter { $0 != i }.map { spans[$0] }
                let clause = icdQualifiers.clause(around: mentions[i].span, in: bytes, others: others, limit: 8)
                let own = ICDCombinationRules.Qualifiers.words(String(doc.document.text(in: mentions[i].span)))
                guard let phrases = icdSkinSites.site(in: own + clause) else { continue }
                let side = clause.lazy.compactMap { self.icdSides.words[$0] }.first { $0 != "bilateral" }
                guard let candidates = try? terminology.icd10cmBillableCodes(prefix: String(top.prefix(3)), length: nil),
                      let code = icdSkinSites.code(for: top, title: title, phrases: phrases, side: side, candidates: candidates) else { continue }
                qualified[i] = code
                mentions[i].topCode = code
            }
        }
        // Titles of the note's codes and their ancestors, each looked up once (Rule I1's stems).
        var titles: [String: String?] = [:]
        let combos = icdRules.assignments(for: mentions, entityTexts: texts, text: text, title: { code in
            if let t = titles[code] { return t }
            let t = icdDisplay(code)
            titles[code] = t
            return t
        })
        // The gestational age is looked for only in notes with a pregnancy code.
        let trimester = mentions.contains { $0.topCode?.hasPrefix("O") == true } || combos.contains { $0?.code.hasPrefix("O") == true }
            ? ICDCombinationRules.trimester(in: text) : nil
        for (i, n) in dx.enumerated() {
            var replacement: String? = combos[i]?.code ?? qualified[i] ?? sided[i]
            var ruleID = combos[i]?.ruleID ?? qualified[i].map { _ in "qualifier" } ?? sided[i].map { _ in "side" }
            if let t = trimester, let top = replacement ?? mentions[i].topCode, top.hasPrefix("O"), let sibling = trimesterSibling(of: top, trimester: t) {
                replacement = sibling
                ruleID = (ruleID.map { $0 + "+" } ?? "") + "trimester"
            }
            guard let code = replacement, let display = icdDisplay(code) else { continue }
            promote(&doc.entities[n], code: code, display: display)
            if explain, let ruleID {
                let trigger = combos[i]?.source.map { mentions[$0].span }
                doc.entities[n].evidence.append(Evidence(subject: "\(CodeSystem.icd10CM.rawValue)|\(code)", ruleID: "icd-rule:" + ruleID, trigger: trigger))
            }
        }
    }


    /// Puts `code` first among the entity's ICD-10-CM codes (scored at least as the former first).
    func promote(_ e: inout Entity, code: String, display: String) {
        let score = e.concepts.first { $0.system == .icd10CM }?.score ?? 0.9
        e.concepts.removeAll { $0.system == .icd10CM && $0.code == code }
        let at = e.concepts.firstIndex { $0.system == .icd10CM } ?? 0
        e.concepts.insert(ConceptCode(system: .icd10CM, code: code, display: display, score: max(score, 0.9)), at: at)
    }

    /// The ICD-10-CM title of a code or category, or nil when the table lacks it.
    func icdDisplay(_ code: String) -> String? {
        guard let id = try? terminology.conceptID(system: .icd10CM, code: code),
              let d = try? terminology.concepts(ids: [id])[id]
        else { return nil }
        return d.code.display
    }

    /// The sibling of a code whose title leaves the side unspecified ("..., unspecified eye") that
    /// names `side` instead ("..., right eye", "..., bilateral"): same code but for its last
    /// character, its title the same but for the side.
    func sideSibling(of code: String, side: String) -> String? {
        guard let title = icdDisplay(code)?.lowercased(), let u = title.range(of: "unspecified", options: .backwards) else { return nil }
        let wanted: (String) -> Bool
        if side == "bilateral" {
            // "..., unspecified eye" → "..., bilateral"
            var end = u.upperBound
            while end < title.endIndex, title[end] == " " { end = title.index(after: end) }
            while end < title.endIndex, title[end].isLetter { end = title.index(after: end) }
            let expected = String(title[..<u.lowerBound]) + "bilateral" + String(title[end...])
            wanted = { $0 == expected }
        } else {
            let expected = title.replacingCharacters(in: u, with: side)
            wanted = { $0 == expected }
        }
        return sibling(of: code, titled: wanted)
    }

    /// The first other code that differs from `code` only in its last character (0-9) and whose
    /// lower-cased title satisfies `titled`: the sibling that names a trimester or a side.
    func sibling(of code: String, titled: (String) -> Bool) -> String? {
        let stem = String(code.dropLast())
        for d in "0123456789" {
            let sibling = stem + String(d)
            if sibling != code, let t = icdDisplay(sibling)?.lowercased(), titled(t) { return sibling }
        }
        return nil
    }

    /// The sibling of a pregnancy code whose title names `trimester` ("..., third trimester"),
    /// when the code's own title names a trimester (same code but for its last character).
    func trimesterSibling(of code: String, trimester: Int) -> String? {
        guard let title = icdDisplay(code)?.lowercased(), title.contains("trimester") else { return nil }
        let word = ICDCombinationRules.trimesterWord(trimester) + " trimester"
        if title.contains(word) { return nil }
        return sibling(of: code) { $0.contains(word) }
    }
}

/// A value built on a background thread, collected with ``value()`` (which waits for it and
/// rethrows its error). Used to overlap independent parts of building the annotator.
final class BackgroundBuild<T: Sendable>: @unchecked Sendable {
    // Written once by the worker before `done` is signalled, read only after waiting on it.
    private var result: Result<T, any Error>?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () throws -> T) {
        Thread.detachNewThread { [self] in
            result = Result { try work() }
            done.signal()
        }
    }

    func value() throws -> T {
        done.wait()
        done.signal()  // later calls return at once
        return try result!.get()
    }

    /// The built value, for code that runs only after ``value()`` returned it (closures stored
    /// in the annotator, which exists only once its initializer has collected the value).
    var finished: T {
        // `value()` has returned, so the worker's write happened before this read.
        guard case .success(let v)? = result else { preconditionFailure("BackgroundBuild.finished before value()") }
        return v
    }
}
