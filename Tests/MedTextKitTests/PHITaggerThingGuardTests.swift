import MedTextCore
import Testing

@testable import EntityRecognizer

extension PHITaggerTests {
    /// ``capitalRunsVocabulary`` with every capitalised run a NAME, and the lower-case words `hose` and `quill` and the
    /// pronoun `I` continuing one (session 21, helper `taggerfp`), so that the guards of
    /// ``PHIDetection/taggerNamesAThing(_:_:_:)`` alone decide what is added.
    static let capitalRunNamesVocabulary: PHIVocabulary = {
        func h(_ x: UInt64) -> String { String(x, radix: 16) }
        let extra = ["hose", "quill", "i"].map { "\(h(PHITaggerModel.mix(.word, wordKey($0))))\t2:20000" }
        var v = vocabulary
        v.tagger = try! PHITaggerModel.parse(
            weights: capitalRunsWeights.replacingOccurrences(of: "ORGANIZATION", with: "NAME") + extra.joined(separator: "\n") + "\n",
            types: "NAME\t0\t0\tno\n")
        return v
    }()

    /// Things by their frame (session 21, helper `taggerfp`; the tagger's false additions to the MTSamples reports: `TED
    /// hose`, `Hence I felt`, `using a Cosgrove Galloway`, `cemented with Cobalt G.`, `#10 blade Bard Parker`): each guard
    /// beside a control row where a name in a similar frame stays a NAME. Only the tagger's spans are compared.
    @Test(arguments: [
        // A lower-case device noun ends the span; another lower-case word does not.
        "we applied thigh-high Wirrandel hose today.",
        "we met [[Wirrandel quill|NAME]] today.",
        // The pronoun `I` before a lower-case verb; a final letter before punctuation is an initial.
        "Hence I felt it best to wait.",
        "we met [[Wirrandel I|NAME]], today.",
        // A handling verb and `with`, or (for a NAME) the verb alone, up to two words between.
        "we cemented with Quenby Tarrow today.",
        "annuloplasty using a Quenby Tarrow band.",
        "we dilated with [[Quenby Tarrow|NAME]] today.",
        "we spoke with a [[Quenby Tarrow|NAME]] today.",
    ])
    func taggerThingNameRows(_ row: String) {
        Self.expectTaggerSpans(row, Self.capitalRunNamesVocabulary)
    }

    /// One-word NAMEs (``capitalNamesVocabulary``): a device noun before, a maker's word between or not; a handling verb
    /// and `with`.
    @Test(arguments: [
        "we cut with a #10 blade Bard Hank today.",
        "the drain Hank was removed.",
        "we dilated with [[Hank|NAME]] and went home.",
        "the fascia was closed with Hank assisting.",
    ])
    func taggerThingOneWordNameRows(_ row: String) {
        Self.expectTaggerSpans(row, Self.capitalNamesVocabulary)
    }

    /// Organisations and places (``capitalRunsVocabulary``: every capitalised run an ORGANIZATION): programme and diet
    /// heads, handling verbs, a device noun and `was`, a device label, a medical combining form, a structure and `of`.
    @Test(arguments: [
        "we toured [[Wirrandel Quenby|ORGANIZATION]] last spring.",
        "we toured Wirrandel Anonymous last spring.",
        "she tried the Wirrandel Diet for a month.",
        // Handling verbs and `with`; other verbs keep the span.
        "the fascia was grasped with Quenby on both sides.",
        "the ligaments were clamped with curved Quenby and cut.",
        "the ligaments were dilated with [[Quenby|ORGANIZATION]] and cut.",
        // A device noun and `was`; another noun keeps the span.
        "The tube used was Quenby Tarrow.",
        "The referrer was [[Quenby Tarrow|ORGANIZATION]].",
        // A device label and its colon; another label keeps the span.
        "IMPLANT: , Quenby Tarrow (Medtronic) titanium system.",
        "EMPLOYER: , [[Quenby Tarrow|ORGANIZATION]] (retail).",
        // One word starting with a medical combining form, an article before it or not; `Endara` does not start with one.
        "we then placed the Thoracoquill.",
        "The Endoquill and cautery were placed.",
        "we toured [[Endara|ORGANIZATION]] today.",
        // A structure noun and `of`; another noun keeps the span.
        "we dissected up to the arcade of Quenby.",
        "we toured the edge of [[Quenby|ORGANIZATION]] last spring.",
    ])
    func taggerThingOrganisationRows(_ row: String) {
        Self.expectTaggerSpans(row, Self.capitalRunsVocabulary)
    }
}
