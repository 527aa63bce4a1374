public import MedTextCore
public import EntityRecognizer
public import Deidentifier
public import Foundation

/// PHI detection and de-identification: built once (tokenizer rules and the PHI vocabulary
/// loaded), then used for any number of notes from any number of tasks. Never throws while
/// detecting or de-identifying.
public struct PHIPipeline: Sendable {
    public let pipeline: MedTextPipeline
    public let recognizer: PHIRecognizer
    /// Whether the vocabulary was loaded from its compiled image (else parsed from `phi/`).
    public let vocabularyFromImage: Bool
    /// The word sets of de-identification (`phi/deid_words.tsv`), for ``deidentifier(options:)``.
    public let deidWords: DeidWords
    /// The surrogate values and holidays of de-identification (`phi/surrogate_values.tsv`, `phi/holidays.tsv`), for
    /// ``deidentifier(options:)``.
    public let deidLists: DeidLists

    /// Builds the tokenizer and loads `phi/*` from the lexicon data directory.
    /// - Throws: ``PipelineBuildError``.
    public init(configuration: MedTextConfiguration = MedTextConfiguration(), options: PHIRecognizer.Options = .init()) throws {
        self.pipeline = try MedTextPipeline(configuration: configuration)
        let dir = configuration.lexiconsDirectory
        // The files' bytes, in the order the vocabulary reads them; they key the vocabulary's
        // image, which (when present and valid) is loaded instead of parsing them.
        var contents: [String: Data] = [:]
        var key = SHA256()
        key.update("medtext PHI vocabulary image \(PHIVocabulary.imageFormatVersion)\nmedtext=\(MedTextVersion.string)\nprogram=\(LexiconImageCache.programIdentity)\n")
        _ = try PHIVocabularyFiles.load { relative in
            let url = dir.appendingPathComponent(relative)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw PipelineBuildError(reason: .unreadableFile, path: url.path, detail: "file missing, unreadable or not UTF-8")
            }
            contents[relative] = data
            key.update("\(relative)\t\(data.count)\t\(data.withUnsafeBytes { imageChecksum($0) })\n")
            return ""
        }
        let cache = configuration.lexiconImageDirectory.map { LexiconImageCache(directory: $0, kind: "phi", key: key.finalize()) }
        let vocabulary: PHIVocabulary
        switch cache?.load({ image throws(LexiconImageError) in try PHIVocabulary(image: image, key: cache!.key) }) {
        case .success(let loaded)?:
            vocabulary = loaded
            vocabularyFromImage = true
        default:
            vocabularyFromImage = false
            let files = try PHIVocabularyFiles.load { relative in
                guard let text = String(validating: contents[relative]!, as: UTF8.self) else {
                    throw PipelineBuildError(
                        reason: .unreadableFile, path: dir.appendingPathComponent(relative).path, detail: "file missing, unreadable or not UTF-8")
                }
                return text
            }
            do {
                vocabulary = try PHIVocabulary(files: files)
            } catch let e as PHIVocabularyError {
                throw PipelineBuildError(reason: .invalidRules, path: e.file, detail: e.message)
            }
            cache?.save(bytes: vocabulary.image(key: cache!.key))
        }
        self.recognizer = PHIRecognizer(vocabulary: vocabulary, options: options)
        (deidWords, deidLists) = try Self.deidData(lexicons: dir)
    }

    /// The de-identifier's word sets and surrogate lists (`phi/deid_words.tsv`, `phi/surrogate_values.tsv`,
    /// `phi/holidays.tsv`) read from the lexicons directory `dir`; `medtext train-phi-tagger --augment` reads them here
    /// too, without building the PHI vocabulary.
    public static func deidData(lexicons dir: URL) throws(PipelineBuildError) -> (DeidWords, DeidLists) {
        func text(_ relative: String) throws(PipelineBuildError) -> String {
            let url = dir.appendingPathComponent(relative)
            guard let data = FileManager.default.contents(atPath: url.path), let text = String(validating: data, as: UTF8.self) else {
                throw PipelineBuildError(reason: .unreadableFile, path: url.path, detail: "file missing, unreadable or not UTF-8")
            }
            return text
        }
        let (wordsText, valuesText, holidaysText) = (try text("phi/deid_words.tsv"), try text("phi/surrogate_values.tsv"), try text("phi/holidays.tsv"))
        let words: DeidWords
        do {
            words = try DeidWords(tsv: wordsText)
        } catch {
            throw PipelineBuildError(reason: .invalidRules, path: dir.appendingPathComponent("phi/deid_words.tsv").path, detail: error.description)
        }
        do {
            return (words, try DeidLists(surrogateValues: valuesText, holidays: holidaysText))
        } catch {
            throw PipelineBuildError(reason: .invalidRules, path: dir.appendingPathComponent("phi/\(error.file)").path, detail: error.description)
        }
    }

    /// A de-identifier with `options` and this pipeline's word sets.
    public func deidentifier(options: DeidOptions) -> Deidentifier { Deidentifier(options: options, words: deidWords, lists: deidLists) }

    /// The note's tokens, with its PHI as entities (category PROTECTED_HEALTH_INFORMATION). Sentences and sections are
    /// not computed (the document's `sentences` and `sections` are empty): no PHI rule reads a sentence, and the few
    /// that ask about sections ask the section detector for the token's line (``PHIRecognizer/recognize(_:sections:)``;
    /// finding every header of every note was about 6 % of detection). ``MedTextPipeline/analyze(_:)`` gives them.
    /// - Complexity: O(n) in the text's bytes.
    public func detect(_ document: Document) -> AnnotatedDocument {
        var doc = AnnotatedDocument(document: document, tokens: pipeline.tokenizer.tokenize(document.text))
        doc.entities = recognizer.recognize(doc, sections: pipeline.tokenizer.sectionDetector)
        return doc
    }

    /// Who the note is about, for per-patient date shifts: the name after a patient label
    /// (`Name:`, `Patient:`), else the first record number (MRN/UR), else nil.
    public func subject(of doc: AnnotatedDocument) -> String? {
        func normalized(_ e: Entity) -> String {
            let text = doc.document.text(in: e.span)
            guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
                return text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
            }
            // ASCII (the usual case): the same words, lower-cased and joined by one space, on bytes.
            var out: [UInt8] = []
            out.reserveCapacity(text.utf8.count)
            var gap = false
            for c in text.utf8 {
                let l = c &- 0x41 < 26 ? c | 0x20 : c
                guard l &- 0x61 < 26 || l &- 0x30 < 10 else {
                    gap = true
                    continue
                }
                if gap && !out.isEmpty { out.append(0x20) }
                gap = false
                out.append(l)
            }
            return String(decoding: out, as: UTF8.self)
        }
        if let e = doc.entities.first(where: { $0.evidence.contains { $0.ruleID == "phi:name-label-patient" } }) {
            return "name:" + normalized(e)
        }
        if let e = doc.entities.first(where: {
            $0.type == .id && $0.evidence.contains { ["phi:id-cue-mrn", "phi:id-cue-ur", "phi:id-cue-urn", "phi:id-cue-umrn"].contains($0.ruleID) }
        }) {
            return "id:" + normalized(e)
        }
        return nil
    }

    /// `entities` and `repeats` as one list in the order of their spans, as `(entities + repeats).sorted { $0.span <
    /// $1.span }` gives it (on equal spans an entity before a repeat), by one merge when both are in order (the repeat
    /// layer's mentions are, and detection's spans are): no sort of the note's entities again.
    /// - Complexity: O(n + m) when both are in order, else O((n + m) log(n + m)).
    static func merged(_ entities: [Entity], _ repeats: [Entity]) -> [Entity] {
        guard entities.isInSpanOrder, repeats.isInSpanOrder else { return (entities + repeats).sorted { $0.span < $1.span } }
        var out: [Entity] = []
        out.reserveCapacity(entities.count + repeats.count)
        var i = 0, j = 0
        while i < entities.count || j < repeats.count {
            if j == repeats.count || (i < entities.count && !(repeats[j].span < entities[i].span)) {
                out.append(entities[i])
                i += 1
            } else {
                out.append(repeats[j])
                j += 1
            }
        }
        return out
    }

    /// Detects PHI in `document` and de-identifies it, with the other mentions of the distinctive words of its detected
    /// names, places and organisations (``PHIRecognizer/repeatedWords(in:of:)``). `patient` (e.g. from an NDJSON record)
    /// overrides the note's detected subject; ``DeidOptions/patientID`` overrides both.
    public func deidentify(_ document: Document, with deidentifier: Deidentifier, patient: String? = nil) -> (
        detected: AnnotatedDocument, result: DeidResult
    ) {
        let doc = detect(document)
        let who = patient ?? subject(of: doc) ?? document.id
        // Other mentions of the distinctive words of detected names, places and organisations are replaced too (the
        // de-identification repeat layer); `detected` stays what the rules found.
        let repeats = recognizer.repeatedWords(in: document.text, of: doc.entities)
        let entities = repeats.isEmpty ? doc.entities : Self.merged(doc.entities, repeats)
        let result = deidentifier.deidentify(text: document.text, entities: entities, patient: who)
        return (doc, result)
    }
}
