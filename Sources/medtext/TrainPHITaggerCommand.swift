import ArgumentParser
import Foundation
import MedTextCore
import MedTextKit
import EntityRecognizer
import Deidentifier

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

    @Option(help: ArgumentHelp(
        "Note numbers never trained on, as comma-separated ranges (e.g. 701-740: a fresh check kept unseen).", valueName: "ranges"))
    var exclude = ""

    @Option(help: ArgumentHelp(
        "Surrogate copies per gold note: each copy has every gold PHI span replaced by a keyed surrogate of its type (medtext deid --mode surrogate, key medtext-tagger-augment-N), so the tagger learns contexts rather than the notes' values.",
        valueName: "n"))
    var augment = 0

    @Option(help: "Training passes over the notes.")
    var epochs = 5

    @Option(help: "Seed of the note order.")
    var seed: UInt64 = 1

    @Option(help: "Class weights below this absolute value (perceptron units) are not written.")
    var prune: Float = 0.5

    @Option(help: ArgumentHelp(
        "Directory of entity gold notes (e.g. corpora/gold/dev) whose clinical entity spans are learnt as no PHI (hard negatives); repeat for several directories (scripts/phi/train_tagger.sh adds the lexicon negatives of scripts/phi/tagger_negatives.py).",
        valueName: "dir"))
    var negatives: [String] = []

    @Option(help: "Entity types of --negatives whose spans are learnt as no PHI (comma-separated).")
    var negativeTypes = "DX_NAME,TEST_NAME,GENERIC_NAME,BRAND_NAME,PROCEDURE_NAME,TREATMENT_NAME,SYSTEM_ORGAN_SITE"

    @Option(help: ArgumentHelp("The weights file to write.", valueName: "path"))
    var out: String

    func run() throws {
        do {
            let input = try PHITrainingInput(ownFiles: "tagger_")
            let (configuration, pipeline, vocabulary) = (input.configuration, input.pipeline, input.vocabulary)
            let notes = try PHITrainingInput.goldNotes(gold, min: minNote, max: maxNote, exclude: exclude)
            guard augment >= 0 && augment <= 10 else { throw CLIError(code: "MT-CLI-008", message: "--augment must be 0...10", exitCode: 64) }
            var deidentifiers: [(Deidentifier, Deidentifier)] = []
            if augment > 0 {
                let words: DeidWords, lists: DeidLists
                do {
                    (words, lists) = try PHIPipeline.deidData(lexicons: configuration.lexiconsDirectory)
                } catch {
                    throw error.cliError(exitCode: 70)
                }
                for copy in 1...augment {
                    let key = Array("medtext-tagger-augment-\(copy)".utf8)
                    deidentifiers.append((
                        Deidentifier(options: DeidOptions(mode: .surrogate, key: key, locale: .enUS), words: words, lists: lists),
                        Deidentifier(options: DeidOptions(mode: .surrogate, key: key, locale: .enAU), words: words, lists: lists)))
                }
            }
            var copies = 0
            var trainer = PHITaggerTrainer(vocabulary: vocabulary, settings: .init(epochs: epochs, seed: seed, prune: prune))
            for note in notes {
                let name = note.name
                let doc = pipeline.tokenizer.tokensAndSections(Document(id: name, text: note.text))
                trainer.add(doc, gold: note.spans)
                for (us, au) in deidentifiers {
                    let deid = name.contains("-au") ? au : us
                    let entities = note.spans.map {
                        Entity(category: .protectedHealthInformation, type: EntityType(rawValue: $0.type), span: $0.span)
                    }
                    let result = deid.deidentify(text: note.text, entities: entities, patient: name)
                    // A copy whose every span got a surrogate (none redacted after collisions, none dropped as nested).
                    guard result.replacements.count == note.spans.count,
                        result.replacements.allSatisfy({ !$0.rule.hasPrefix("redact") && !$0.rule.hasPrefix("mask") })
                    else { continue }
                    let copyDoc = pipeline.tokenizer.tokensAndSections(Document(id: name, text: result.text))
                    trainer.add(copyDoc, gold: result.replacements.map { ($0.output, $0.type.rawValue) })
                    copies += 1
                }
            }
            for negatives in negatives {
                let types = Set(negativeTypes.split(separator: ",").map(String.init))
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: negatives) else {
                    throw CLIError(code: "MT-CLI-001", message: "cannot read \(negatives): no such directory, or not readable", exitCode: 66)
                }
                for name in names.sorted() where name.hasSuffix(".txt") {
                    let path = (negatives as NSString).appendingPathComponent(name)
                    guard let note = PHITaggerTrainer.parseGold(try PHITrainingInput.read(path)) else {
                        throw CLIError(code: "MT-CLI-007", message: "\(path): unreadable or unbalanced [[ ]] markers", exitCode: 65)
                    }
                    let doc = pipeline.tokenizer.tokensAndSections(Document(id: name, text: note.text))
                    trainer.addNegatives(doc, spans: note.spans.filter { types.contains($0.type) }.map(\.span))
                }
            }
            let weights = trainer.train()
            guard FileManager.default.createFile(atPath: out, contents: Data(weights.utf8)) else {
                throw CLIError(code: "MT-CLI-009", message: "cannot write \(out)", exitCode: 73)
            }
            StandardError.write("trained on \(trainer.noteCount) notes (\(copies) of them surrogate copies); wrote \(out)")
        } catch let e as CLIError {
            StandardError.write(e.description)
            throw ExitCode(e.exitCode)
        }
    }
}
