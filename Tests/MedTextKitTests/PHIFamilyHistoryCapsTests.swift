import MedTextKit
import Testing

/// Session 14 (lead): a diagnosis abbreviation after a relative in a family history is the relative's condition, and a
/// field label ends a name written in capitals. Found by `detectedPHINeverSurvives` on a new ALL-CAPS triage note:
/// `FATHER MI AGE 52` became the name `MI AGE`, and redaction's own label `[AGE]` then matched the "name". Rows are our
/// own; relatives' real names in the same frames stay names.
@Suite struct PHIFamilyHistoryCapsTests {
    static let rows = [
        "FHX: FATHER MI AGE [[52|AGE]]. MOTHER CVA AGE [[70|AGE]].",
        "Family history: father MI age [[52|AGE]], brother T2DM, sister MS.",
        "FAMILY HX: MOTHER COPD, FATHER CAD WITH CABG.",
        "FHX: FATHER [[JOHN|NAME]] AGE [[52|AGE]].",
        "SOCIAL: LIVES WITH WIFE [[MARY OKAFOR|NAME]] AGE [[50|AGE]].",
        "PT: [[DWAYNE HOLLOWAY|NAME]] SEX M",
        "Father [[Mi-sook Kim|NAME]] rang the ward.",
        "WIFE [[MI-SOOK KIM|NAME]] AT BEDSIDE.",
    ]

    @Test(arguments: rows)
    func familyHistoryAbbreviationsAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: rows)
    func familyHistoryAbbreviationsUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }
}
