@testable import EntityRecognizer
import Foundation
import MedTextCore
import MedTextKit
import MedTextTestSupport
import Testing

/// The PHI rule families skip the tokens at which none of their rules can start
/// (``PHIDetection/addressRulesMayStart(_:)``, ``PHIDetection/cueRulesMayStart(_:)``,
/// ``PHIDetection/professionMayStart(_:)``, ``PHIDetection/tokenPatternsMayStart(_:)``,
/// ``PHIDetection/unlabelledNameMayStart(_:)``). The filter only changes which positions are tried, never what is
/// found: detection with and without it must be identical. A rule added to a family that starts at a token its
/// start set leaves out fails here. With the filters on, the token-pattern, cue, profession, address and unlabelled-name
/// passes walk start lists made once per note (``PHIDetection/StartLists``, session 14), so the dev-notes test covers
/// that dispatch too.
@Suite struct PHIStartFilterTests {
    /// The pipeline's recognizer with the start filters off.
    static func unfiltered(_ pipeline: PHIPipeline) -> PHIRecognizer {
        var options = pipeline.recognizer.options
        options.startFilters = false
        return PHIRecognizer(vocabulary: pipeline.recognizer.vocabulary, options: options)
    }

    static let unfilteredAU = unfiltered(PHIPipelineTests.pipeline)
    static let unfilteredUS = unfiltered(PHIPipelineTests.usPipeline)

    /// One row per kind of start the address and organisation rules declare: a capitalised word, a digit, a
    /// vocabulary phrase in lower case, a work verb, `for` before a sports team, a lower-case employer cue and
    /// organisation label, a lower-case note. Each row's span is found with the filter, and the filter changes nothing.
    @Test(arguments: [
        "She lives at [[12 Smith Street, Springfield|ADDRESS]] with her son.",
        "Seen in clinic, lives in [[Emeryville|ADDRESS]] with her son.",
        "He works for [[Qantas|ORGANIZATION]] as a [[pilot|PROFESSION]].",
        "She plays netball for [[Western Districts|ORGANIZATION]] on weekends.",
        "Social history: employer: [[Snap-on Incorporated|ORGANIZATION]] since [[2019|DATE]].",
        "transferred from facility: [[Swedish Ballard Campus|ORGANIZATION]] yesterday.",
        "Her mother was born at [[flinders medical centre|ORGANIZATION]] in [[1950|DATE]].",
        "pt settled overnight, obs stable, tolerating diet and fluids, mobilising with frame, family visited, daughter drove "
            + "her from [[karratha|ADDRESS]] yesterday for review as planned.",
        // Session 12: the name-cue rules (`cueRulesMayStart`): a title, a plural title, a label phrase, a relative, an
        // in-law, `the` before a family name; and the profession rules (`professionMayStart`): a listed profession
        // phrase and an occupation cue.
        "Dr [[Harriet Okafor|NAME]] reviewed her.",
        "Mr and Mrs [[Pettersen|NAME]] attended with their son.",
        "Patient: [[Jonathan Whitcombe|NAME]]",
        "Her daughter [[Melissa|NAME]] visits daily.",
        "Her mother-in-law [[Gwen|NAME]] helps with meals.",
        "Seen with the [[Okonkwo|NAME]] family today.",
        "She is a retired [[schoolteacher|PROFESSION]].",
        "He works as a [[poultry line supervisor|PROFESSION]] at night.",
        // The token patterns (`tokenPatternsMayStart`): a word after `by` (a login), a word opening with a digit, a
        // weekday, a holiday, IPv6 after a space (a digit and a hex letter first), a number.
        "Reviewed by [[jmorrison|NAME]] this morning.",
        "Her [[93|AGE]]rd birthday is next week.",
        "Seen on [[Friday 20th|DATE]] for review.",
        "She has not worked since [[Christmas Eve|DATE]] this year.",
        "Logged in from [[2001:db8::1|IP_ADDRESS]] at the clinic.",
        "Logged in from [[fe80::1|IP_ADDRESS]] at the clinic.",
        "Stopped smoking in the [[1990s|DATE]].",
        // The unlabelled names (`unlabelledNameMayStart`): a lower-case word before a credential, a dash signature
        // after a non-word, an initial, a capitalised given name.
        "given to [[crystal|NAME]] rn at 0800 as charted",
        "Obs stable overnight, reviewed by team.\n- [[tk|NAME]]",
        "Results faxed; copy to [[A. Pillai|NAME]].",
        "Over the weekend [[Lena Okafor|NAME]] and her sister were present.",
        // Session 13: a word of a lower-case line in a mixed-case note starts an address rule only before a street type,
        // a state code and number or a comma, as a possessive or as a military base's first word
        // (`lowerLineWordMayStartAddress`); a dash signature after an em dash (`dashByte`).
        "Reviewed in clinic today.\nlabs done at [[labcorp|ORGANIZATION]] on [[sherman ave|ADDRESS]] this week",
        "Reviewed in clinic today.\nson lives in [[toowoomba qld 4350|ADDRESS]] with family",
        "Reviewed in clinic today.\nmoved here from [[millbrook, il|ADDRESS]].",
        "Reviewed in clinic today.\nhas family back in [[sydney|ADDRESS]]'s west now",
        "Reviewed in clinic today.\nwas deployed at [[fort bliss|ORGANIZATION]] for two years",
        "Obs stable overnight, reviewed by team.\n\u{2014} [[tk|NAME]]",
        // Session 14, dispatch by token class: a number runs only the number-led blocks of the address family
        // (`numberLedAddress`: a numbered branch, a lot or box line; a word led by a digit, a military unit); a
        // capitalised word and a lower-case word run their own copies of the family's blocks; a name found with a cue
        // is found again at a later capitalised mention (the name mask tested before `propagatedName`).
        "He is a member of [[VFW Post 292|ORGANIZATION]] and volunteers there.",
        "Lives at [[Lot 42, Barunga Community, via Katherine NT 0852|ADDRESS]] with family.",
        "He served with the [[1st Cavalry Division|ORGANIZATION]] in Iraq.",
        "Dr [[Harriet Okafor|NAME]] reviewed her. Copy of letter to [[Okafor|NAME]] and the GP.",
    ])
    func eachStartKindStillFindsItsSpan(_ row: String) {
        let m = MarkedText(row)
        let doc = PHIPipelineTests.pipeline.detect(Document(text: m.text))
        let got = doc.entities.map { "\(doc.document.text(in: $0.span))|\($0.type.rawValue)" }
        #expect(got == m.marks.map { "\($0.text)|\($0.labels.first ?? "")" })
        // `detect` finds no sections; both recognisers ask the section detector as detection does.
        #expect(Self.unfilteredAU.recognize(doc, sections: PHIPipelineTests.pipeline.pipeline.tokenizer.sectionDetector) == doc.entities)
    }

    /// Every dev note of both gold corpora (the held-out test splits stay unread), in both locales: the same
    /// entities with and without the start filters.
    @Test(arguments: ["en-AU", "en-US"])
    func devNotesDetectTheSameWithoutTheFilter(_ locale: String) throws {
        let (pipeline, unfiltered) = locale == "en-AU"
            ? (PHIPipelineTests.pipeline, Self.unfilteredAU) : (PHIPipelineTests.usPipeline, Self.unfilteredUS)
        var notes = 0, entities = 0
        for (name, m) in try Self.devNotes() {
            let doc = pipeline.detect(Document(text: m.text))
            #expect(unfiltered.recognize(doc, sections: pipeline.pipeline.tokenizer.sectionDetector) == doc.entities, "\(name)")
            notes += 1
            entities += doc.entities.count
        }
        #expect(notes >= 300 && entities >= 5_000)
    }

    /// Every dev note of both gold corpora (the held-out test splits stay unread): its corpus and file name, its text.
    static func devNotes() throws -> [(String, MarkedText)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var notes: [(String, MarkedText)] = []
        for corpus in ["corpora/phi/dev", "corpora/gold/dev"] {
            let dir = root.appendingPathComponent(corpus)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).filter({ $0.hasSuffix(".txt") }).sorted() {
                notes.append(("\(corpus)/\(name)", MarkedText(try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8))))
            }
        }
        return notes
    }

    /// `body` with each dev note's name, tokens and a fresh detection over them (the rules not run), with `options`.
    static func eachDevNoteDetection(options: PHIRecognizer.Options,
                                     _ body: (String, UnsafeBufferPointer<PTok>, PHIDetection) -> Void) throws {
        let pipeline = PHIPipelineTests.pipeline
        let vocabulary = pipeline.recognizer.vocabulary
        for (name, m) in try devNotes() {
            let doc = pipeline.detect(Document(text: m.text))
            var text = doc.document.text
            text.withUTF8 { b in
                let prepared = PHIDetection.Prepared(b: b, tokens: doc.tokens, vocab: vocabulary)
                prepared.tokens.withUnsafeBufferPointer { t in
                    body(name, t, PHIDetection(b: b, t: t, prepared: prepared, vocab: vocabulary, options: options, doc: doc,
                                               sectionDetector: pipeline.pipeline.tokenizer.sectionDetector))
                }
            }
        }
    }

    /// The token-pattern, cue, profession, address and unlabelled-name passes visit only their start lists
    /// (``PHIDetection/StartLists``, made in one walk before the rules run): for every dev note of both gold corpora each
    /// list holds exactly the tokens where its family's filter holds, in token order; with the professions off their list
    /// is empty.
    @Test(arguments: [true, false])
    func startListsHoldExactlyTheTokensOfTheirFilters(_ professions: Bool) throws {
        var options = PHIPipelineTests.pipeline.recognizer.options
        options.professions = professions
        var notes = 0, listed = 0
        try Self.eachDevNoteDetection(options: options) { name, t, d in
            let lists = PHIDetection.StartLists(d)
            defer { lists.deallocate() }
            let all = 0..<t.count
            let want: [(PHIDetection.StartLists.Family, [Int])] = [
                (.tokenPatterns, all.filter { d.tokenPatternsMayStart($0) }),
                (.cueRules, all.filter { d.cueRulesMayStart($0) }),
                (.profession, professions ? all.filter { d.professionMayStart($0) } : []),
                (.address, all.filter { d.addressRulesMayStart($0) }),
                (.unlabelledName, all.filter { d.unlabelledNameMayStart($0) }),
            ]
            for (family, indices) in want {
                #expect(lists.indices[lists.range(family)].map { Int($0) } == indices, "\(name) \(family)")
                listed += indices.count
            }
            notes += 1
        }
        #expect(notes >= 300 && listed >= 20_000)
    }

    /// ``PHIDetection/stateMaySoonFollow(_:)`` remembers how far it read (session 16): asked at every token in order, at
    /// every capitalised word in order (as the address pass asks), and in an order that jumps back and forth, it answers
    /// as the plain test of the five-token window (``PHIDetection/stateLike(_:)`` at one of tokens i...i + 4) on every
    /// dev note of both gold corpora.
    @Test func stateMaySoonFollowAnswersAsItsWindow() throws {
        var notes = 0, asked = 0, yes = 0
        try Self.eachDevNoteDetection(options: PHIPipelineTests.pipeline.recognizer.options) { name, t, fresh in
            let window = (0..<t.count).map { i in (i...min(i + 4, t.count - 1)).contains { fresh.stateLike($0) } }
            let all = Array(0..<t.count)
            let capitalised = all.filter { t[$0].cp }
            // Back and forth: each index, then the one three before it.
            let jumping = all.flatMap { [$0, max($0 - 3, 0)] }
            for order in [all, capitalised, jumping] {
                var d = fresh
                for i in order {
                    let answer = d.stateMaySoonFollow(i)
                    #expect(answer == window[i], "\(name) token \(i)")
                    asked += 1
                    if answer { yes += 1 }
                }
            }
            notes += 1
        }
        #expect(notes >= 300 && asked >= 100_000 && yes >= 1_000)
    }
}
