import ArgumentParser
import Foundation
import MedTextCore
import MedTextKit
import EntityRecognizer

/// Options shared by detect-entities and the infer-* commands.
struct NoteOptions: ParsableArguments {
    @Argument(help: "The note to read; '-' or absent for standard input.")
    var file: String?

    @Option(help: "Offset unit: codepoints (as Comprehend Medical), utf16 or utf8.")
    var offsets: OffsetUnit = .codePoints

    @Flag(help: "Read NDJSON lines of {\"id\": ..., \"text\": ...} and write one {\"id\": ..., \"result\": ...} line per input line.")
    var ndjson = false

    @Flag(help: "Add an Explanation to each entity: the lexicon entry or rule id and trigger span of its match, traits, typo or plural variant; its runner-up candidates; and where each code came from.")
    var explain = false

    @Flag(help: "Indent the JSON output.")
    var pretty = false

    @Flag(help: "Replace invalid UTF-8 with U+FFFD (with a warning) instead of failing.")
    var lenient = false

    @Flag(inversion: .prefixedNo, help: PHICommandSupport.taggerHelp)
    var phiTagger = PHIRecognizer.Options.taggerDefault

    @Option(name: .customLong("terminology"), help: ArgumentHelp("Terminology database (default: $MEDTEXT_TERMINOLOGY, else the built-in one).", valueName: "path"))
    var terminology: String?
}

/// Runs one Comprehend Medical operation over a note or an NDJSON stream.
enum EntityRunner {
    static func run(_ operation: ComprehendMedicalJSON.Operation, options o: NoteOptions, linking: ConceptLinking) throws {
        do {
            let annotator: MedTextAnnotator
            do {
                annotator = try MedTextAnnotator(
                    configuration: MedTextConfiguration(terminologyURL: o.terminology.map { URL(fileURLWithPath: $0) }),
                    phiOptions: PHIRecognizer.Options(tagger: o.phiTagger))
            } catch let e as PipelineBuildError {
                throw e.cliError(exitCode: 70)
            }
            ProcessLifetime.keep(annotator)
            var writer = ComprehendMedicalJSON(offsets: o.offsets, explain: o.explain, indent: o.pretty && !o.ndjson ? 2 : 0)
            if operation == .inferSNOMEDCT, let v = annotator.terminologyVersions.first(where: { $0.system == .snomedCT }) {
                writer.snomedDetails = .init(edition: v.edition ?? "", language: "en", versionDate: v.version ?? "")
            }
            if o.ndjson {
                try NDJSONRunner.run(path: o.file) { id, text in
                    let doc = annotator.annotate(Document(id: id, text: text), linking: linking, explain: o.explain)
                    var w = JSONWriter()
                    writer.write(operation, for: doc, into: &w)
                    return w.bytes
                }
                return
            }
            let (text, diagnostic) = try InputReader(path: o.file, lenient: o.lenient).read()
            if let d = diagnostic { StandardError.write("warning: \(d.code): \(d.message)") }
            let doc = annotator.annotate(Document(id: o.file ?? "-", text: text), linking: linking, explain: o.explain)
            for d in doc.diagnostics { StandardError.write("warning: \(d.code): \(d.message)") }
            var out = writer.response(operation, for: doc)
            out.append(0x0A)
            FileHandle.standardOutput.write(Data(out))
        } catch let e as CLIError {
            StandardError.write(e.description)
            throw ExitCode(e.exitCode)
        }
    }
}

struct DetectEntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect-entities",
        abstract: "Find medications, conditions, anatomy, tests, procedures and PHI (Comprehend Medical DetectEntitiesV2 JSON).",
        discussion: "The default command: `cat note.txt | medtext` runs it.")
    @OptionGroup var options: NoteOptions
    func run() throws { try EntityRunner.run(.detectEntitiesV2, options: options, linking: .none) }
}

struct InferICD10CMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "infer-icd10cm", abstract: "Conditions with ranked ICD-10-CM codes (Comprehend Medical InferICD10CM JSON).")
    @OptionGroup var options: NoteOptions
    func run() throws { try EntityRunner.run(.inferICD10CM, options: options, linking: .rankedIn([.icd10CM])) }
}

struct InferRxNormCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "infer-rxnorm", abstract: "Medications with ranked RxNorm codes (Comprehend Medical InferRxNorm JSON).")
    @OptionGroup var options: NoteOptions
    func run() throws { try EntityRunner.run(.inferRxNorm, options: options, linking: .rankedIn([.rxNorm])) }
}

struct InferSNOMEDCTCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "infer-snomedct",
        abstract: "Conditions, tests and procedures with ranked SNOMED CT codes (Comprehend Medical InferSNOMEDCT JSON).")
    @OptionGroup var options: NoteOptions
    func run() throws { try EntityRunner.run(.inferSNOMEDCT, options: options, linking: .rankedIn([.snomedCT])) }
}
