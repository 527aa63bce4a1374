import ArgumentParser
import MedTextKit

@main
struct MedText: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "medtext",
        abstract: "Clinical NLP: find medications, conditions, anatomy, tests and PHI in clinical notes.",
        version: MedTextVersion.string,
        subcommands: [
            DetectEntitiesCommand.self, InferICD10CMCommand.self, InferRxNormCommand.self, InferSNOMEDCTCommand.self,
            TokenizeCommand.self, TerminologyCommand.self, BatchCommand.self, DetectPHICommand.self, DeidCommand.self, FHIRCommand.self,
            AssertCommand.self, TrainPHITaggerCommand.self,
        ],
        defaultSubcommand: DetectEntitiesCommand.self
    )
}
