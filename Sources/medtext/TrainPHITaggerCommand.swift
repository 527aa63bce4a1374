import ArgumentParser
import Foundation
import MedTextCore
import MedTextKit
import EntityRecognizer

/// Developer command: trains the learned PHI tagger's weights (`phi/tagger_weights.tsv`) from PHI gold notes
/// (`scripts/phi/train_tagger.sh` runs it with the committed settings).
struct TrainPHITaggerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-phi-tagger",
        abstract: "Train the learned PHI tagger's weights from PHI gold notes (developers; see scripts/phi/train_tagger.sh).",
        discussion: """
            Reads the gold notes NNN-*.txt of --gold whose number lies in --min-note...--max-note (corpora/phi/FORMAT.md
            markers), trains an averaged-perceptron BIO tagger over the PHI detector's tokens (seeded, deterministic) and
            writes the weights file. Train on dev notes only: never on held-out notes.
            """
    )

    @Option(help: ArgumentHelp("Directory of PHI gold notes (e.g. corpora/phi/dev).", valueName: "dir"))
    var gold: String

    @Option(help: "Lowest note number to train on.")
    var minNote = 1

    @Option(help: "Highest note number to train on.")
    var maxNote = 660

    @Option(help: "Training passes over the notes.")
    var epochs = 5

    @Option(help: "Seed of the note order.")
    var seed: UInt64 = 1

    @Option(help: "Class weights below this absolute value (perceptron units) are not written.")
    var prune: Float = 0.5

    @Option(help: ArgumentHelp(
        "Directory of entity gold notes (e.g. corpora/gold/dev) whose clinical entity spans are learnt as no PHI (hard negatives).",
        valueName: "dir"))
    var negatives: String?

    @Option(help: "Entity types of --negatives whose spans are learnt as no PHI (comma-separated).")
    var negativeTypes = "DX_NAME,TEST_NAME,GENERIC_NAME,BRAND_NAME,PROCEDURE_NAME,TREATMENT_NAME,SYSTEM_ORGAN_SITE"

    @Option(help: ArgumentHelp("The weights file to write.", valueName: "path"))
    var out: String

    func run() throws {
        do {
            // The vocabulary without the tagger's own files: training never reads the weights it replaces (they may
            // be of another feature set).
            let configuration = MedTextConfiguration()
            let pipeline: MedTextPipeline
            let vocabulary: PHIVocabulary
            do {
                pipeline = try MedTextPipeline(configuration: configuration)
                let dir = configuration.lexiconsDirectory
                let files = try PHIVocabularyFiles.load { relative in
                    if relative.hasPrefix("phi/tagger_") { return "" }
                    let path = dir.appendingPathComponent(relative).path
                    guard let data = FileManager.default.contents(atPath: path), let text = String(validating: data, as: UTF8.self) else {
                        throw CLIError(code: "MT-CLI-001", message: "cannot read \(path) as UTF-8", exitCode: 66)
                    }
                    return text
                }
                vocabulary = try PHIVocabulary(files: files)
            } catch let e as PipelineBuildError {
                throw e.cliError(exitCode: 70)
            } catch let e as PHIVocabularyError {
                throw CLIError(code: e.code, message: e.message, exitCode: 70)
            }
            var trainer = PHITaggerTrainer(vocabulary: vocabulary, settings: .init(epochs: epochs, seed: seed, prune: prune))
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: gold) else {
                throw CLIError(code: "MT-CLI-001", message: "cannot read \(gold): no such directory, or not readable", exitCode: 66)
            }
            for name in names.sorted() where name.hasSuffix(".txt") {
                guard let number = Int(name.prefix(3)), number >= minNote, number <= maxNote else { continue }
                let path = (gold as NSString).appendingPathComponent(name)
                guard let data = FileManager.default.contents(atPath: path), let marked = String(validating: data, as: UTF8.self) else {
                    throw CLIError(code: "MT-CLI-001", message: "cannot read \(path) as UTF-8", exitCode: 66)
                }
                guard let note = PHITaggerTrainer.parseGold(marked) else {
                    throw CLIError(code: "MT-CLI-007", message: "\(path): unbalanced [[ ]] markers", exitCode: 65)
                }
                let doc = pipeline.tokenizer.tokensAndSections(Document(id: name, text: note.text))
                trainer.add(doc, gold: note.spans)
            }
            if let negatives {
                let types = Set(negativeTypes.split(separator: ",").map(String.init))
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: negatives) else {
                    throw CLIError(code: "MT-CLI-001", message: "cannot read \(negatives): no such directory, or not readable", exitCode: 66)
                }
                for name in names.sorted() where name.hasSuffix(".txt") {
                    let path = (negatives as NSString).appendingPathComponent(name)
                    guard let data = FileManager.default.contents(atPath: path), let marked = String(validating: data, as: UTF8.self),
                        let note = PHITaggerTrainer.parseGold(marked)
                    else {
                        throw CLIError(code: "MT-CLI-007", message: "\(path): unreadable or unbalanced [[ ]] markers", exitCode: 65)
                    }
                    let doc = pipeline.tokenizer.tokensAndSections(Document(id: name, text: note.text))
                    trainer.addNegatives(doc, spans: note.spans.filter { types.contains($0.type) }.map(\.span))
                }
            }
            guard trainer.noteCount > 0 else {
                throw CLIError(code: "MT-CLI-008", message: "no gold notes numbered \(minNote)...\(maxNote) in \(gold)", exitCode: 65)
            }
            let weights = trainer.train()
            guard FileManager.default.createFile(atPath: out, contents: Data(weights.utf8)) else {
                throw CLIError(code: "MT-CLI-009", message: "cannot write \(out)", exitCode: 73)
            }
            StandardError.write("trained on \(trainer.noteCount) notes; wrote \(out)")
        } catch let e as CLIError {
            StandardError.write(e.description)
            throw ExitCode(e.exitCode)
        }
    }
}
