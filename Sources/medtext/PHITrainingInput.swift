import Foundation
import MedTextCore
import MedTextKit
import EntityRecognizer

/// What the PHI training commands (`train-phi-tagger`, `train-phi-retyper`) read: the pipeline, the PHI vocabulary
/// without the trained model's own files, and the gold notes of a range of note numbers.
struct PHITrainingInput {
    let configuration: MedTextConfiguration
    let pipeline: MedTextPipeline
    let vocabulary: PHIVocabulary

    /// The pipeline and the PHI vocabulary, the files `phi/<ownFiles>*` read as empty: training never reads the weights
    /// it replaces (they may be of another feature set).
    init(ownFiles: String) throws {
        configuration = MedTextConfiguration()
        do {
            pipeline = try MedTextPipeline(configuration: configuration)
            let dir = configuration.lexiconsDirectory
            let files = try PHIVocabularyFiles.load { relative in
                if relative.hasPrefix("phi/" + ownFiles) { return "" }
                return try Self.read(dir.appendingPathComponent(relative).path)
            }
            vocabulary = try PHIVocabulary(files: files)
        } catch let e as PipelineBuildError {
            throw e.cliError(exitCode: 70)
        } catch let e as PHIVocabularyError {
            throw CLIError(code: e.code, message: e.message, exitCode: 70)
        }
    }

    /// A gold note (corpora/phi/FORMAT.md markers) as its file name, plain text and spans.
    struct GoldNote {
        var name: String
        var text: String
        var spans: [(span: TextSpan, type: String)]
    }

    /// The gold notes `NNN-*.txt` (three or four digits) of `dir` whose number lies in `min...max` and in none of the
    /// ranges `exclude` (`701-740,750`), in note-number order (file-name order for names of the same number).
    /// The note number a gold file name starts with (`0981-x.txt` and `981-x.txt` alike), nil when it has none.
    static func noteNumber(_ name: String) -> Int? {
        let digits = name.prefix(while: { $0.isASCII && $0.isNumber })
        return digits.isEmpty || digits.count > 6 ? nil : Int(digits)
    }

    /// Note-number order, then file-name order: `999-*` before `1000-*` (plain string order would put `1000-*` between
    /// `099-*` and `100-*`, which would change the training order of every note once four-digit numbers exist).
    static func noteOrder(_ a: String, _ b: String) -> Bool {
        let na = noteNumber(a) ?? Int.max, nb = noteNumber(b) ?? Int.max
        return na != nb ? na < nb : a < b
    }

    static func goldNotes(_ dir: String, min: Int, max: Int, exclude: String) throws -> [GoldNote] {
        let excluded = try ranges(exclude)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else {
            throw CLIError(code: "MT-CLI-001", message: "cannot read \(dir): no such directory, or not readable", exitCode: 66)
        }
        var notes: [GoldNote] = []
        for name in names.sorted(by: Self.noteOrder) where name.hasSuffix(".txt") {
            guard let number = noteNumber(name), number >= min, number <= max, !excluded.contains(where: { $0.contains(number) }) else { continue }
            let path = (dir as NSString).appendingPathComponent(name)
            guard let note = PHITaggerTrainer.parseGold(try read(path)) else {
                throw CLIError(code: "MT-CLI-007", message: "\(path): unbalanced [[ ]] markers", exitCode: 65)
            }
            notes.append(GoldNote(name: name, text: note.text, spans: note.spans))
        }
        guard !notes.isEmpty else {
            throw CLIError(code: "MT-CLI-008", message: "no gold notes numbered \(min)...\(max) in \(dir)", exitCode: 65)
        }
        return notes
    }

    /// A file's text.
    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(validating: data, as: UTF8.self) else {
            throw CLIError(code: "MT-CLI-001", message: "cannot read \(path) as UTF-8", exitCode: 66)
        }
        return text
    }

    /// `701-740,750` as closed ranges.
    static func ranges(_ text: String) throws -> [ClosedRange<Int>] {
        try text.split(separator: ",").map { part in
            let ends = part.split(separator: "-", omittingEmptySubsequences: false)
            guard ends.count <= 2, let lo = Int(ends[0]), let hi = Int(ends.last!), lo <= hi else {
                throw CLIError(code: "MT-CLI-008", message: "--exclude: expected ranges like 701-740, got '\(part)'", exitCode: 64)
            }
            return lo...hi
        }
    }
}
