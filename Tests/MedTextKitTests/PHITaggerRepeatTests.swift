@testable import EntityRecognizer
import Foundation
import MedTextCore
import MedTextKit
import MedTextTestSupport
import Testing

/// Session 19 (helper `taggerrep`): confident spans of the learned tagger seed the repeat layers. A span the tagger
/// added whose margin reaches its type's `repeat_min_margin` (the fifth column of `phi/tagger_types.tsv`, with `repeat`
/// yes) has its other mentions found (``PHIDetection/repeatedMentions(of:sources:)``), a NAME's given name or surname
/// alone too, and de-identification replaces its distinctive words elsewhere (``PHIRecognizer/repeatedWords(in:of:)``:
/// the short form of an organisation). A span below that margin, or of a type marked `repeat` no, seeds nothing. Rows are
/// our own invented text.
@Suite struct PHITaggerRepeatTests {
    static let pipeline = PHIPipelineTests.pipeline
    static let vocabulary = pipeline.recognizer.vocabulary

    /// A hand-set model (scale 1: weights are margins): `Wirrandel` begins an ORGANIZATION and `Quenby` a NAME at margin
    /// `margin` over O (whose bias is 100); the words after them continue the span (margin 900) up to a stop word; a word
    /// two after `seen` is O (so the tagger itself never tags `seen at Wirrandel Wellness`).
    static func model(margin: Int, types: String) throws -> PHIVocabulary {
        func h(_ t: PHITaggerModel.T, _ a: UInt64) -> String { String(PHITaggerModel.mix(t, a), radix: 16) }
        var rows = [
            "\(h(.bias, 0))\t0:100", "\(h(.word, wordKey("wirrandel")))\t3:\(100 + margin)", "\(h(.word, wordKey("quenby")))\t1:\(100 + margin)",
            "\(h(.prev, 1))\t2:1000", "\(h(.prev, 2))\t2:1000", "\(h(.prev, 3))\t4:1000", "\(h(.prev, 4))\t4:1000",
            "\(h(.wordM2, wordKey("seen")))\t0:5000",
        ]
        for stop in ["for", "next", "present", "to", "today"] { rows.append("\(h(.word, wordKey(stop)))\t0:5000") }
        let weights = "version\t\(PHITaggerModel.featureSetVersion)\nclasses\tO\tB-NAME\tI-NAME\tB-ORGANIZATION\tI-ORGANIZATION\nscale\t1\n"
            + rows.joined(separator: "\n") + "\n"
        var v = Self.vocabulary
        v.tagger = try PHITaggerModel.parse(weights: weights, types: types)
        return v
    }

    static let seeding = "NAME\t10\t1000\tyes\t20\nORGANIZATION\t10\t1000\tyes\t20\n"

    /// One-word spans are never added (min_margin_one_word 1000), so a mention alone is never the tagger's own. Rows: marked text (the entities detect-phi reports, or with `deid` those de-identification replaces), the margin
    /// of the tagger's spans, the types file, and whether the de-identification repeat layer's words are included.
    @Test(arguments: [
        // A confident organisation: its other mention is found; below the repeat margin, or with repeat no, it is not.
        ("Plan: follow up at [[Wirrandel Wellness|ORGANIZATION]] next week.\nPlan: seen at [[Wirrandel Wellness|ORGANIZATION]] next week.", 30, seeding, false),
        ("Plan: follow up at [[Wirrandel Wellness|ORGANIZATION]] next week.\nPlan: seen at Wirrandel Wellness next week.", 15, seeding, false),
        ("Plan: follow up at [[Wirrandel Wellness|ORGANIZATION]] next week.\nPlan: seen at Wirrandel Wellness next week.", 30,
         "NAME\t10\t1000\tyes\t20\nORGANIZATION\t10\t1000\tno\n", false),
        // Without the fifth column, repeat yes seeds at min_margin.
        ("Plan: follow up at [[Wirrandel Wellness|ORGANIZATION]] next week.\nPlan: seen at [[Wirrandel Wellness|ORGANIZATION]] next week.", 15,
         "ORGANIZATION\t10\t1000\tyes\n", false),
        // A confident person: the surname and the given name alone are the person.
        ("Plan: follow up with [[Quenby Tarrow|NAME]] next week.\nBP stable, [[Tarrow|NAME]] to call today.", 30, seeding, false),
        ("Plan: follow up with [[Quenby Tarrow|NAME]] next week.\nBP stable, [[Quenby|NAME]] to call today.", 30, seeding, false),
        ("Plan: follow up with [[Quenby Tarrow|NAME]] next week.\nBP stable, Tarrow to call today.", 15, seeding, false),
        // De-identification: the short form of a confident organisation is replaced too, not that of a weak one.
        ("Plan: follow up at [[Wirrandel Wellness|ORGANIZATION]] next week.\nPlan: [[Wirrandel|ORGANIZATION]] to call today.", 30, seeding, true),
        ("Plan: follow up at [[Wirrandel Wellness|ORGANIZATION]] next week.\nPlan: Wirrandel to call today.", 15, seeding, true),
    ])
    func confidentTaggerSpansSeedRepeats(_ row: String, _ margin: Int, _ types: String, _ deid: Bool) throws {
        let m = MarkedText(row)
        let recognizer = PHIRecognizer(vocabulary: try Self.model(margin: margin, types: types), options: .init(tagger: true))
        let doc = Self.pipeline.pipeline.tokenizer.tokensAndSections(Document(text: m.text))
        var found = recognizer.recognize(doc)
        if deid { found = (found + recognizer.repeatedWords(in: m.text, of: found)).sorted { $0.span < $1.span } }
        #expect(found.map { "\(doc.document.text(in: $0.span))|\($0.type.rawValue)" } == m.marks.map { "\($0.text)|\($0.labels.first ?? "")" },
                "in: \(row)")
        // Without the tagger, the rules find none of it.
        #expect(PHIRecognizer(vocabulary: try Self.model(margin: margin, types: types), options: .init(tagger: false)).recognize(doc).isEmpty)
    }

    /// The repeat margin survives the image; a fifth column that is no whole margin of 0-98 is rejected.
    @Test func repeatMarginsLoadAndSurviveTheImage() throws {
        let v = try Self.model(margin: 30, types: Self.seeding)
        let key = [UInt8](repeating: 5, count: 32)
        #expect(try PHIVocabulary(image: ImageStorage(copying: v.image(key: key)), key: key).tagger == v.tagger)
        for bad in ["NAME\t10\t10\tyes\t99\n", "NAME\t10\t10\tyes\tx\n", "NAME\t10\t10\tyes\t-1\n", "NAME\t10\t10\tmaybe\t20\n"] {
            #expect(throws: (any Error).self) { _ = try Self.model(margin: 30, types: bad) }
        }
    }
}
