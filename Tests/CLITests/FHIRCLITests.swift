import Foundation
import Testing

/// `medtext fhir` argument checks (they fail before the pipeline is built, so they are fast).
/// The mapping itself is tested in FHIRMapperTests; scripts/fhir/validate_corpus.sh runs the
/// command over the corpus, validates the output and checks that two runs are byte-identical.
@Suite struct FHIRCLITests {
    @Test(arguments: [
        ["fhir", "--subject", "123"],
        ["fhir", "--encounter", "Patient/1"],
        ["fhir", "--include", "maybe"],
        ["fhir", "--recorded", "yesterday"],
        ["fhir", "--security", "nocode"],
        ["fhir", "a.txt", "b.txt"],
    ])
    func usageErrors(arguments: [String]) throws {
        let r = try CLIRunner.run(arguments, stdin: Data("note".utf8))
        #expect(r.status == 64)
        #expect(r.stderr.contains("MT-CLI-010"))
        #expect(r.stdout.isEmpty)
    }
}
