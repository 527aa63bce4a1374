@testable import EntityRecognizer
import Foundation
import MedTextCore
import MedTextKit
import MedTextTestSupport
import Testing

/// The learned PHI tagger (helper `tagger`, session 16; DESIGN.md "Learned PHI tagger"): stable hashed features, a
/// deterministic trainer that learns, committed weights of the current feature set, spans below every rule, and the
/// option off giving exactly the rules' output. Rows are our own invented text.
@Suite struct PHITaggerTests {
    static let pipeline = PHIPipelineTests.pipeline
    static let vocabulary = pipeline.recognizer.vocabulary
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Golden hashes of a few features: a silent change of the mixing, a template id or the word key fails here (then
    /// bump ``PHITaggerModel/featureSetVersion`` and retrain with scripts/phi/train_tagger.sh).
    @Test(arguments: [
        (PHITaggerModel.T.bias, UInt64(0), UInt64(0), UInt64(0x581d_94c1_8672_8deb)),
        (PHITaggerModel.T.word, wordKey("smith"), UInt64(0), UInt64(0x5a78_8952_ddea_abdc)),
        (PHITaggerModel.T.prevShape, UInt64(15), UInt64(0xd29a_d21a_1aff_1aef), UInt64(0x2e53_4a26_2835_ecd9)),
        // Feature set 2 (session 20, helper `taggercap`): a 4-byte word at a line start, the next token on its line.
        (PHITaggerModel.T.lineLength, UInt64(1), UInt64(4), UInt64(0x1f93_a0f9_5271_41ca)),
    ])
    func featureHashesAreStable(_ template: PHITaggerModel.T, _ a: UInt64, _ b: UInt64, _ want: UInt64) {
        #expect(PHITaggerModel.mix(template, a, b) == want)
    }

    /// Shapes: letters by case, digits, runs of two or more written twice.
    @Test(arguments: [("Smith", "Jones", true), ("Smith", "Xxx", true), ("2065", "1999", true), ("O'Brien", "D'Arcy", true),
                      ("Smith", "SMITH", false), ("Smith", "smith", false), ("2065", "20", true), ("2065", "2", false)])
    func shapes(_ a: String, _ b: String, _ same: Bool) {
        func shape(_ s: String) -> UInt64 { var x = s; return x.withUTF8 { PHITaggerModel.shape($0, 0, $0.count) } }
        #expect((shape(a) == shape(b)) == same)
    }

    /// A small invented corpus: organisation and person names in frames the tagger can learn.
    static func inventedCorpus() -> [String] {
        let orgs = ["Quorrabee Wellness", "Tindal Bay Physio", "Marrowind Care", "Yallock Health Hub", "Pelbury Rehab", "Karrawong Allied"]
        let people = ["Zelko Barisic", "Anouk Teerling", "Ravi Menon", "Hollis Quade", "Ines Vukovic", "Tomasz Rybka"]
        var notes: [String] = []
        for (k, o) in orgs.enumerated() {
            let p = people[k]
            notes.append("Plan: follow up at [[\(o)|ORGANIZATION]] next week.\nDiscussed with [[\(p)|NAME]] on the ward.\nBP 120/80, afebrile.\n")
            notes.append("Referred to [[\(o)|ORGANIZATION]] for review.\nCarer [[\(p)|NAME]] present. Pain settled.\n")
            // Feature set 2 (session 20): ordinary capitalised words at line starts, as every note has (with only the
            // two frames above, the model trained here tagged `Dissected` at a line start an organisation).
            notes.append("Sutured and dressed.\nMobilising with frame.\nTolerating diet. Reviewed again today.\n")
        }
        return notes
    }

    static func trainer(_ notes: [String], epochs: Int = 5) -> PHITaggerTrainer {
        var trainer = PHITaggerTrainer(vocabulary: vocabulary, settings: .init(epochs: epochs, seed: 7, prune: 0))
        for marked in notes {
            let note = PHITaggerTrainer.parseGold(marked)!
            trainer.add(pipeline.pipeline.tokenizer.tokensAndSections(Document(text: note.text)), gold: note.spans)
        }
        return trainer
    }

    /// Training twice gives the same bytes; the model learned from the invented corpus tags a new organisation in a
    /// frame it saw, and the recognizer adds it as a `phi:tagger` span.
    @Test func trainingIsDeterministicAndLearns() throws {
        let notes = Self.inventedCorpus()
        let a = Self.trainer(notes).train(), b = Self.trainer(notes).train()
        #expect(a == b)
        #expect(a.contains("\nversion\t\(PHITaggerModel.featureSetVersion)\n"))
        let model = try #require(try PHITaggerModel.parse(weights: a, types: "ORGANIZATION\t0\t0\tno\nNAME\t0\t0\tno\n"))
        #expect(model.classNames == ["O", "B-NAME", "I-NAME", "B-ORGANIZATION", "I-ORGANIZATION"])
        var vocabulary = Self.vocabulary
        vocabulary.tagger = model
        let text = "Plan: follow up at Wirrandel Wellness next week."
        let doc = Self.pipeline.pipeline.tokenizer.tokensAndSections(Document(text: text))
        let found = PHIRecognizer(vocabulary: vocabulary, options: .init(tagger: true)).recognize(doc)
        #expect(found.contains { doc.document.text(in: $0.span) == "Wirrandel Wellness" && $0.type == .organization
            && $0.evidence.contains { $0.ruleID == "phi:tagger" } })
        // The parser's gold spans are UTF-8 byte offsets of the plain text.
        let g = try #require(PHITaggerTrainer.parseGold("Dr [[Zoë Nguyễn|NAME]] at [[Ōtaki Clinic|ORGANIZATION]]."))
        #expect(g.text == "Dr Zoë Nguyễn at Ōtaki Clinic.")
        #expect(g.spans.map { String(decoding: Array(g.text.utf8)[$0.span.start..<$0.span.end], as: UTF8.self) } == ["Zoë Nguyễn", "Ōtaki Clinic"])
        #expect(g.spans.map(\.type) == ["NAME", "ORGANIZATION"])
        #expect(PHITaggerTrainer.parseGold("[[open|NAME] no close") == nil)
    }

    /// A vocabulary whose tagger was trained on the invented corpus (NAME and ORGANIZATION added at any margin).
    static let trainedVocabulary: PHIVocabulary = {
        var v = vocabulary
        v.tagger = try! PHITaggerModel.parse(weights: trainer(inventedCorpus()).train(), types: "ORGANIZATION\t0\t0\tno\nNAME\t0\t1000\tno\n")
        return v
    }()

    /// The committed weights file is of this program's feature set and loads (the shipped vocabulary has a tagger); weights of another
    /// feature set are rejected with a message that names the file and the fix, never note text; the image keeps a model.
    @Test func weightsOfTheFeatureSetLoadAndOthersAreRejected() throws {
        let url = Self.root.appendingPathComponent("lexicons/data/phi/tagger_weights.tsv")
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(Self.vocabulary.tagger != nil && committed.contains("\nversion\t\(PHITaggerModel.featureSetVersion)\n"))
        #expect(try Data(contentsOf: url).count <= 3_000_000)
        let text = Self.trainer(Self.inventedCorpus()).train()
        let stale = text.replacingOccurrences(of: "\nversion\t\(PHITaggerModel.featureSetVersion)\n", with: "\nversion\t999\n")
        #expect {
            _ = try PHITaggerModel.parse(weights: stale, types: "")
        } throws: { error in
            guard let e = error as? PHIVocabularyError else { return false }
            return e.file == "phi/tagger_weights.tsv" && e.message.contains("feature set 999") && e.message.contains("train_tagger.sh")
        }
        let model = try #require(Self.trainedVocabulary.tagger)
        let key = [UInt8](repeating: 7, count: 32)
        let loaded = try PHIVocabulary(image: ImageStorage(copying: Self.trainedVocabulary.image(key: key)), key: key)
        #expect(loaded.tagger == model)
    }

    /// An organisation no rule reads (a coined name before `Wellness`) that the tagger adds, in both locales; and rows it
    /// must not add to: eponyms, drug and device names, section words, a hyphenated brand (`Gore-Tex` counts as one word,
    /// and a one-word NAME is never added).
    @Test(arguments: [
        "Plan: follow up at [[Wirrandel Wellness|ORGANIZATION]] next week.",
        "Plan: Parkinson disease reviewed, continue Sinemet.",
        "Ted hose applied, Kerrison rongeurs used.",
        "ASSESSMENT: Stable. PLAN: Continue.",
        "Mayfield headrest applied and Gore-Tex graft placed.",
        "Dissected with Metzenbaum scissors and Bovie cautery.",
        // taggerprec: invented instruments and tests the trained tagger marked before its device guard.
        "His head was secured to the Hallworth headrest and the Thornbury punches were used.",
        "Testing included the Brennard Memory Scale and the Colmar Naming Test.",
        "The fracture was fixed with two screws from the Dunmore Fixation System.",
        // taggeracc (session 17): test batteries and instruments ending in a word the rules now read as an eponym
        // follower (`battery`, `pegboard`, `aspirator`); the retrained tagger marked these before.
        "Language testing used the Kelvane Aphasia Battery and the Dorrigo Pegboard.",
        "Tumour debulked with the Corvath Ultrasonic Aspirator.",
    ])
    func taggerRows(_ row: String) {
        let m = MarkedText(row)
        for recognizer in [PHIRecognizer(vocabulary: Self.trainedVocabulary, options: .init(tagger: true)), PHIRecognizer(vocabulary: Self.trainedVocabulary, options: .init(dayMonthDurations: false, tagger: true))] {
            let r = Self.foundAndMarked(m, recognizer)
            #expect(r.found == r.marked, "in: \(row)")
        }
    }

    /// The `text|TYPE` of every entity `recognizer` finds in the marked row's text (of those `keep` accepts), and of
    /// every mark of the row.
    /// The tagger's spans (rule id `phi:tagger`) found in `row` by a recognizer of `vocabulary` with the tagger on are
    /// the spans marked in it (the guard-row tests of hand-set models).
    static func expectTaggerSpans(_ row: String, _ vocabulary: PHIVocabulary, sourceLocation: SourceLocation = #_sourceLocation) {
        let r = foundAndMarked(MarkedText(row), PHIRecognizer(vocabulary: vocabulary, options: .init(tagger: true))) {
            $0.evidence.contains { $0.ruleID == PHIDetection.taggerRuleID }
        }
        #expect(r.found == r.marked, "in: \(row)", sourceLocation: sourceLocation)
    }

    static func foundAndMarked(_ m: MarkedText, _ recognizer: PHIRecognizer, keep: (Entity) -> Bool = { _ in true })
        -> (found: [String], marked: [String])
    {
        let doc = pipeline.pipeline.tokenizer.tokensAndSections(Document(text: m.text))
        return (recognizer.recognize(doc).filter(keep).map { "\(doc.document.text(in: $0.span))|\($0.type.rawValue)" },
                m.marks.map { "\($0.text)|\($0.labels.first ?? "")" })
    }

    /// The option off gives the rules alone: the organisation the tagger adds is not found.
    @Test func optionOffGivesTheRulesAlone() throws {
        let doc = Self.pipeline.pipeline.tokenizer.tokensAndSections(Document(text: "Plan: follow up at Wirrandel Wellness next week."))
        #expect(PHIRecognizer(vocabulary: Self.trainedVocabulary, options: .init(tagger: false)).recognize(doc).isEmpty)
        #expect(PHIRecognizer(vocabulary: Self.trainedVocabulary, options: .rulesOnly).recognize(doc).isEmpty)
        #expect(PHIRecognizer(vocabulary: Self.trainedVocabulary, options: .init(tagger: true)).recognize(doc).map { $0.evidence.first?.ruleID } == ["phi:tagger"])
    }

    /// The default (``PHIRecognizer/Options/taggerDefault``, helper `taggeron`, session 19) is one constant: every way
    /// of not saying `tagger:` (`Options()`, the memberwise init without it, a recognizer or pipeline built without
    /// options) gives it, and the output is that of the option stated explicitly. `rulesOnly` is off whatever the
    /// default, with every other option at its default.
    @Test func taggerDefaultIsOneConstant() throws {
        let d = PHIRecognizer.Options.taggerDefault
        #expect(PHIRecognizer.Options().tagger == d)
        #expect(PHIRecognizer.Options(facilityType: .address, professions: false, dayMonthDurations: false).tagger == d)
        #expect(PHIRecognizer(vocabulary: Self.trainedVocabulary).options.tagger == d)
        #expect(try PHIPipeline().recognizer.options.tagger == d)
        #expect(PHIRecognizer.Options.rulesOnly == PHIRecognizer.Options(tagger: false))
        #expect(PHIRecognizer.Options.rulesOnly.facilityType == PHIRecognizer.Options().facilityType)
        #expect(PHIRecognizer.Options.rulesOnly.dayMonthDurations == PHIRecognizer.Options().dayMonthDurations)
        let doc = Self.pipeline.pipeline.tokenizer.tokensAndSections(Document(text: "Plan: follow up at Wirrandel Wellness next week."))
        let byDefault = PHIRecognizer(vocabulary: Self.trainedVocabulary).recognize(doc)
        #expect(byDefault == PHIRecognizer(vocabulary: Self.trainedVocabulary, options: .init(tagger: d)).recognize(doc))
        #expect(byDefault.isEmpty == !d)  // the hand-trained model adds the organisation exactly when the tagger is on
    }

    /// Every dev note numbered up to 660 of the PHI corpus (the tagger's training notes; later notes and the test split
    /// stay unread).
    static func devNotes() throws -> [(String, MarkedText)] {
        try PHIStartFilterTests.devNotes().filter { name, _ in
            name.hasPrefix("corpora/phi/dev/") && (Int(name.dropFirst("corpora/phi/dev/".count).prefix(while: \.isNumber)) ?? 9999) <= 660
        }
    }

    /// Tagger spans of the shipped model never overlap a rule span and replace one only by extending it (session 18,
    /// `retype` rows of `phi/tagger_types.tsv`): with the tagger, every entity of the rules-only output is still there
    /// or lies inside a longer `phi:tagger-retype` entity of a pair with a row, and every added entity overlaps none of
    /// them. With the option off the output is exactly that of a vocabulary without a tagger.
    @Test func taggerSpansNeverOverlapAndReplaceRuleSpansOnlyByExtending() throws {
        var options = Self.pipeline.recognizer.options
        options.tagger = false
        let rulesOnly = PHIRecognizer(vocabulary: Self.vocabulary, options: options)
        options.tagger = true
        let withTagger = PHIRecognizer(vocabulary: Self.vocabulary, options: options)
        options.tagger = false
        var noTagger = Self.vocabulary
        noTagger.tagger = nil
        let noModel = PHIRecognizer(vocabulary: noTagger, options: Self.pipeline.recognizer.options)
        var added = 0, notes = 0
        for (name, m) in try Self.devNotes() {
            let doc = Self.pipeline.pipeline.tokenizer.tokensAndSections(Document(text: m.text))
            let rules = rulesOnly.recognize(doc)
            let all = withTagger.recognize(doc)
            #expect(noModel.recognize(doc) == rules, "\(name)")
            let ruleSpans = Set(rules.map(\.span))
            let retyped = all.filter { $0.evidence.contains { $0.ruleID == "phi:tagger-retype" } }
            let model = try #require(Self.vocabulary.tagger)
            let extra = all.filter { !ruleSpans.contains($0.span) && !retyped.contains($0) }
            #expect(rules.allSatisfy { r in all.contains(r) || retyped.contains { x in
                x.span.contains(r.span) && x.span != r.span && model.retypeMargin(from: r.type, to: model.beginClass(of: x.type)!) != Int32.max } }, "\(name)")
            #expect(extra.allSatisfy { x in !rules.contains { $0.span.overlaps(x.span) } }, "\(name)")
            added += extra.count
            notes += 1
        }
        #expect(notes >= 400 && added > 0)
    }

    /// Session 18 (helper `taggertype`): a tagger span that contains one rule span and is longer replaces it, with the
    /// tagger's type, when the pair (rule type -> tagger type) has a `retype` row in `phi/tagger_types.tsv` and the span's
    /// margin reaches it: `Anouk Teerling` NAME -> `Anouk Teerling Allied` ORGANIZATION, `Coonamble` ADDRESS ->
    /// `Coonamble Multi Purpose Service` ORGANIZATION. Never without a row, for another pair, below the row's margin, or
    /// for a span of the same extent (the rules' type stays). A hand-written model tags an ORGANIZATION from the word
    /// `start` to the line end, or to just before the word `stop`. Rows: marked text, retype rows, start, stop.
    @Test(arguments: [
        ("Reviewed by [[Anouk Teerling Allied|ORGANIZATION]]", "retype\tNAME\tORGANIZATION\t10\n", "Anouk", ""),
        ("seen at [[Coonamble Multi Purpose Service|ORGANIZATION]]", "retype\tADDRESS\tORGANIZATION\t10\n", "Coonamble", ""),
        ("Reviewed by [[Anouk Teerling|NAME]] Allied", "", "Anouk", ""),
        ("Reviewed by [[Anouk Teerling|NAME]] Allied", "retype\tADDRESS\tORGANIZATION\t10\n", "Anouk", ""),
        ("Reviewed by [[Anouk Teerling|NAME]] Allied", "retype\tNAME\tORGANIZATION\t2000\n", "Anouk", ""),
        ("Reviewed by [[Anouk Teerling|NAME]] Allied", "retype\tNAME\tORGANIZATION\t10\n", "Anouk", "Allied"),
        ("seen at [[Coonamble|ADDRESS]] Multi Purpose Service", "retype\tADDRESS\tORGANIZATION\t10\n", "Coonamble", "Multi"),
    ])
    func taggerExtendsRuleSpansByPair(_ row: String, _ retype: String, _ start: String, _ stop: String) throws {
        let m = MarkedText(row)
        let doc = Self.pipeline.pipeline.tokenizer.tokensAndSections(Document(text: m.text))
        var text = m.text
        let keys: [String: UInt64] = text.withUTF8 { buf in
            let prepared = PHIDetection.Prepared(b: buf, tokens: doc.tokens, vocab: Self.vocabulary)
            var k: [String: UInt64] = [:]
            for tok in prepared.tokens { k[String(decoding: buf[tok.s..<tok.e], as: UTF8.self)] = tok.key }
            return k
        }
        func hex(_ t: PHITaggerModel.T, _ a: UInt64) -> String { String(PHITaggerModel.mix(t, a), radix: 16) }
        var weights = "version\t\(PHITaggerModel.featureSetVersion)\nclasses\tO\tB-NAME\tI-NAME\tB-ADDRESS\tI-ADDRESS\tB-ORGANIZATION\tI-ORGANIZATION\nscale\t1\n"
        weights += "\(hex(.bias, 0))\t0:100\n\(hex(.word, try #require(keys[start])))\t5:1000\n\(hex(.prev, 5))\t6:1000\n\(hex(.prev, 6))\t6:1000\n"
        if !stop.isEmpty { weights += "\(hex(.word, try #require(keys[stop])))\t0:5000\n" }
        let model = try #require(try PHITaggerModel.parse(weights: weights, types: "NAME\t0\t1000\tno\nADDRESS\t0\t0\tno\nORGANIZATION\t0\t0\tno\n" + retype))
        var vocabulary = Self.vocabulary
        vocabulary.tagger = model
        let got = PHIRecognizer(vocabulary: vocabulary, options: .init(tagger: true)).recognize(doc)
        #expect(got.map { "\(doc.document.text(in: $0.span))|\($0.type.rawValue)" } == m.marks.map { "\($0.text)|\($0.labels.first ?? "")" }, "in: \(row)")
        #expect(got.allSatisfy { ($0.evidence.first?.ruleID == "phi:tagger-retype") == ($0.type == .organization) })
        // The retype margins survive the image; a retype row naming a type the model lacks, or short, is rejected.
        let key = [UInt8](repeating: 3, count: 32)
        #expect(try PHIVocabulary(image: ImageStorage(copying: vocabulary.image(key: key)), key: key).tagger == model)
        for bad in ["retype\tNAME\tDATE\t5\n", "retype\tNAME\tORGANIZATION\n", "retype\tNAME\tORGANIZATION\tx\n"] {
            #expect(throws: PHIVocabularyError.self) { _ = try PHITaggerModel.parse(weights: weights, types: bad) }
        }
    }

    /// Session 17 (helper `taggerfast`): the tagger scores only the neighbourhood of anchors (distinctive words that
    /// can make an added span) outside the rules' selected spans. With a model that tags every scored token a NAME, a
    /// note without an anchor gets no span, one with an anchor only spans from ``PHITaggerModel/anchorLookBehind`` tokens
    /// before it, and the same note with the anchor's words covered by a rule span none.
    @Test func tagsOnlyNearAnchorsOutsideRuleSpans() throws {
        let head = "version\t\(PHITaggerModel.featureSetVersion)\nclasses\tO\tB-NAME\tI-NAME\nscale\t100\n"
        let bias = String(PHITaggerModel.mix(.bias, 0), radix: 16)
        let model = try #require(try PHITaggerModel.parse(weights: head + "\(bias)\t1:1000\n", types: "NAME\t0\t0\tno\n"))
        func tag(_ text: String, covering cover: String? = nil) -> (spans: [PHITaggerModel.Span], anchors: [Int]) {
            let doc = Self.pipeline.pipeline.tokenizer.tokensAndSections(Document(text: text))
            var covered: [TextSpan] = []
            if let cover, let r = text.range(of: cover) {
                let s = text[..<r.lowerBound].utf8.count
                covered = [TextSpan(s, s + cover.utf8.count)]
            }
            var bytes = text
            return bytes.withUTF8 { buf in
                let prepared = PHIDetection.Prepared(b: buf, tokens: doc.tokens, vocab: Self.vocabulary)
                return prepared.tokens.withUnsafeBufferPointer { t in
                    let anchors = (0..<t.count).filter { PHITaggerModel.anchor(t[$0], lowerDoc: false) }
                    return (model.tag(buf, t, capsDoc: false, lowerDoc: false, covered: covered), anchors)
                }
            }
        }
        let plain = "The Patient Was Seen Today. She Will Return Next Week. The Plan Is The Same."
        let none = tag(plain)
        #expect(none.anchors.isEmpty && none.spans.isEmpty)
        let anchored = tag(plain + " Her Neighbour Wirrandel Quenby Came Too.")
        let first = try #require(anchored.anchors.first)
        #expect(!anchored.spans.isEmpty)
        #expect(anchored.spans.allSatisfy { $0.start >= first - PHITaggerModel.anchorLookBehind })
        #expect(anchored.spans.contains { $0.start <= first && first < $0.end })
        #expect(tag(plain + " Her Neighbour Wirrandel Quenby Came Too.", covering: "Her Neighbour Wirrandel Quenby Came Too").spans.isEmpty)
    }

    /// Class weights (helper `taggerspeed`, session 16; sparse since session 20, `tagspeed`): scoring adds, per feature,
    /// the weight of every class the weights file lists for it (absent classes 0), whatever the row order; a class listed
    /// twice in a row, a key listed twice or a classes row after the weights is rejected; an image table whose payloads
    /// point past the entries or name a class the model lacks is rejected.
    @Test func denseRowsScoreTheFileWeights() throws {
        let head = "version\t\(PHITaggerModel.featureSetVersion)\nclasses\tO\tB-NAME\tI-NAME\tB-AGE\tI-AGE\nscale\t100\n"
        let a: UInt64 = 0x1234, b: UInt64 = 0xABCDEF, c: UInt64 = 0xC0FFEE, absent: UInt64 = 0x77
        let text = head + "1234\t4:-7 1:300\nabcdef\t0:-32768 2:32767 1:-5\nc0ffee\t3:4 0:1 1:2 2:3\n"
        let m = try #require(try PHITaggerModel.parse(weights: text, types: "NAME\t0\t0\tno\n"))
        #expect(m.featureCount == 3)
        #expect(m.table.weights(c).map { [$0.class, Int($0.weight)] } == [[0, 1], [1, 2], [2, 3], [3, 4]])  // a dense row
        #expect(m.table.weights(a).sorted { $0.class < $1.class }.map { [$0.class, Int($0.weight)] } == [[1, 300], [4, -7]])
        #expect(m.table.weights(absent).isEmpty)
        var f: [UInt64] = [a, absent, b, c, a]
        var scores = [Int32](repeating: 99, count: PHITaggerModel.maxClasses)
        f.withUnsafeMutableBufferPointer { fp in scores.withUnsafeMutableBufferPointer { m.score(fp.baseAddress!, 5, into: $0.baseAddress!) } }
        // Feature a twice (O 0, B-NAME 300, B-AGE 0, I-AGE -7), b and c once, the absent key nothing.
        let expected: [Int32] = [-32767, 597, 32770, 4, -14]
        #expect(Array(scores[0..<5]) == expected)
        for bad in [head + "1234\t1:3 1:4\n", head + "1234\t1:3\n1234\t2:4\n", head + "1234\t1:3\nclasses\tO\tB-AGE\tI-AGE\n"] {
            #expect(throws: PHIVocabularyError.self) { _ = try PHITaggerModel.parse(weights: bad, types: "") }
        }
        // The loaded table is checked: as built it passes; a class past the model's, or entries cut short, fail.
        let t = m.table
        #expect(PHITaggerTable(validating: t.slots, entries: t.entries, rows: t.rows, multiplier: t.multiplier, classes: 5) == t)
        #expect(PHITaggerTable(validating: t.slots, entries: t.entries, rows: t.rows, multiplier: t.multiplier, classes: 4) == nil)
        #expect(PHITaggerTable(validating: t.slots, entries: FrozenArray(Array(t.entries.buffer.dropLast())), rows: t.rows, multiplier: t.multiplier, classes: 5) == nil)
        #expect(PHITaggerTable(validating: t.slots, entries: t.entries, rows: t.rows, multiplier: t.multiplier &+ 1, classes: 5) == nil)
        #expect(PHITaggerTable(validating: t.slots, entries: t.entries, rows: FrozenArray(Array(t.rows.buffer.dropLast(8))), multiplier: t.multiplier, classes: 5) == nil)
    }

    /// Fingerprint slots (session 20, `tagspeed`): a table keeps 32-bit fingerprints of the 64-bit feature keys, so two
    /// keys of one table must never share one. Keys built to collide under the first multiplier make the builder take
    /// another, and both keep their own weights; a loaded table in which a run of occupied slots holds a fingerprint twice
    /// is rejected; a key that is not in the table reads nothing.
    @Test(arguments: [UInt64(0x1234), 0xDEAD_BEEF_0BAD_F00D, 1])
    func fingerprintsNeverCollideInATable(_ a: UInt64) throws {
        // The inverse of the (odd) first multiplier modulo 2^64: (a + inv) * m = a * m + 1, the same high 32 bits.
        let m = PHITaggerTable.firstMultiplier
        var inv = m
        for _ in 0..<6 { inv = inv &* (2 &- m &* inv) }
        #expect(inv &* m == 1)
        let b = a &+ inv
        #expect(a != b && PHITaggerTable.fingerprint(a, m) == PHITaggerTable.fingerprint(b, m))
        let t = try #require(PHITaggerTable(rows: [(a, [(1, 5)]), (b, [(2, -3), (0, 9)]), (0x77, [(3, 1)])], classes: 4))
        #expect(t.multiplier != m && t.multiplier & 1 == 1)
        #expect(PHITaggerTable.fingerprint(a, t.multiplier) != PHITaggerTable.fingerprint(b, t.multiplier))
        #expect(t.weights(a).map { [$0.class, Int($0.weight)] } == [[1, 5]])
        #expect(t.weights(b).map { [$0.class, Int($0.weight)] } == [[2, -3], [0, 9]])
        #expect(t.weights(0x78).isEmpty && t.featureCount == 3)
        #expect(PHITaggerTable(validating: t.slots, entries: t.entries, rows: t.rows, multiplier: t.multiplier, classes: 4) == t)
        // A loaded table of three features (16 slots): two slots of one run sharing a fingerprint are rejected, also
        // when the run wraps past the last slot; slots of different runs may share one.
        func slots(_ placed: [(Int, UInt64)]) -> FrozenArray<UInt64> {
            var s = [UInt64](repeating: 0, count: PHITaggerTable.capacity(features: 3))
            for (k, (i, fp)) in placed.enumerated() { s[i] = fp << 32 | UInt64(PHITaggerTable.inlineBit | UInt32(k) << 16 | 7) }
            return FrozenArray(s)
        }
        func loads(_ placed: [(Int, UInt64)]) -> Bool {
            PHITaggerTable(validating: slots(placed), entries: FrozenArray([]), rows: FrozenArray([]), multiplier: t.multiplier, classes: 4) != nil
        }
        #expect(PHITaggerTable.capacity(features: 3) == 16)
        #expect(loads([(5, 0xA1), (6, 0xB2), (9, 0xA1)]))
        #expect(!loads([(5, 0xA1), (6, 0xA1), (9, 0xC3)]))
        #expect(!loads([(4, 0xA1), (5, 0xB2), (6, 0xA1)]))
        #expect(loads([(15, 0xA1), (0, 0xB2), (3, 0xC3)]))
        #expect(!loads([(15, 0xA1), (0, 0xA1), (3, 0xC3)]))
        #expect(PHITaggerTable(validating: slots([(5, 0xA1), (6, 0xB2), (9, 0xC3)]), entries: FrozenArray([]), rows: FrozenArray([]), multiplier: t.multiplier, classes: 2) == nil)  // class 2 of 2
        #expect(PHITaggerTable(validating: FrozenArray(Array(slots([(5, 0xA1)]).buffer) + [UInt64](repeating: 0, count: 16)), entries: FrozenArray([]), rows: FrozenArray([]), multiplier: t.multiplier, classes: 4) == nil)  // 32 slots for 1 feature
    }

    /// Class weights stored sparse (session 20, helper `tagspeed`; session 19 `taggerfast` padded dense rows): for every
    /// number of classes (the shipped model's 23 among them) and features of one class (inline in the slot) or many
    /// (entries), scoring equals adding each listed class weight one by one with wrapping Int32 sums, the lanes past the
    /// classes stay 0, and the table holds one entry per listed weight of the features of two classes or more.
    @Test(arguments: [(3, 8), (7, 8), (9, 16), (17, 24), (23, 24), (25, 32), (31, 32)])
    func paddedRowsScoreLikeTheirWeightsOneByOne(_ classCount: Int, _ lanes: Int) throws {
        var classes = ["O"]
        for k in 0..<(classCount / 2) { classes += ["B-T\(k)", "I-T\(k)"] }
        var text = "version\t\(PHITaggerModel.featureSetVersion)\nclasses\t\(classes.joined(separator: "\t"))\nscale\t100\n"
        var rng = UInt64(classCount) &* 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 { rng = rng &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407; return rng >> 17 }
        var weights: [UInt64: [Int: Int16]] = [:]
        for key in UInt64(1)...40 {
            var row: [Int: Int16] = [:]
            for c in 0..<classCount where next() % 3 != 0 { row[c] = Int16(truncatingIfNeeded: next()) }
            if row.isEmpty { row[Int(next() % UInt64(classCount))] = 32767 }
            if key % 5 == 0 { row = [Int(next() % UInt64(classCount)): Int16(truncatingIfNeeded: next())] }  // one class: inline
            weights[key] = row
            text += String(key, radix: 16) + "\t" + row.keys.sorted().map { "\($0):\(row[$0]!)" }.joined(separator: " ") + "\n"
        }
        let m = try #require(try PHITaggerModel.parse(weights: text, types: ""))
        #expect(lanes >= classCount && lanes <= PHITaggerModel.maxClasses)
        // One class inline, two or three as entries, more as dense rows of `lanes` weights.
        let sparse = weights.values.filter { $0.count > 1 && $0.count < PHITaggerTable.denseFrom }, dense = weights.values.filter { $0.count >= PHITaggerTable.denseFrom }
        #expect(m.featureCount == 40 && m.table.entries.count == sparse.reduce(0) { $0 + $1.count })
        #expect(m.table.rowStride == lanes && m.table.rows.count == dense.count * lanes)
        #expect(weights.values.contains { $0.count == 1 } && (classCount < PHITaggerTable.denseFrom || !dense.isEmpty))
        // Features with repeats and absent keys (41..45), 25 at a time like a token's.
        for round in 0..<8 {
            var f = (0..<25).map { _ in 1 + next() % 45 }
            if round == 0 { f = Array(repeating: 7, count: 25) }  // one row 25 times: the largest sums
            var want = [Int32](repeating: 0, count: PHITaggerModel.maxClasses)
            for k in f { for (c, w) in weights[k] ?? [:] { want[c] &+= Int32(w) } }
            var scores = [Int32](repeating: 99, count: PHITaggerModel.maxClasses)
            f.withUnsafeMutableBufferPointer { fp in scores.withUnsafeMutableBufferPointer { m.score(fp.baseAddress!, fp.count, into: $0.baseAddress!) } }
            #expect(scores == want)
        }
    }
}

extension PHITaggerTests {
    /// A hand-set model (session 18, helper `taggerdef`): every run of capitalised words is an ORGANIZATION (a title-case
    /// word begins or continues one, `of` continues one; lower-case and all-capitals words, numbers, punctuation and `Day`
    /// are O), so that the guards of ``PHIDetection/taggerSpans(_:covered:)`` alone decide what is added.
    static let capitalRunsVocabulary: PHIVocabulary = {
        var v = vocabulary
        v.tagger = try! PHITaggerModel.parse(weights: capitalRunsWeights, types: "ORGANIZATION\t0\t0\tno\n")
        return v
    }()

    /// The weights file of ``capitalRunsVocabulary``'s model.
    static let capitalRunsWeights: String = {
        func h(_ x: UInt64) -> String { String(x, radix: 16) }
        let rows = [
            "\(h(PHITaggerModel.mix(.docStyle, 0, 0x14)))\t1:1000",
            "\(h(PHITaggerModel.mix(.prev, 1)))\t2:3000", "\(h(PHITaggerModel.mix(.prev, 2)))\t2:3000",
            "\(h(PHITaggerModel.mix(.docStyle, 0, 0x10)))\t0:10000", "\(h(PHITaggerModel.mix(.docStyle, 0, 0x12)))\t0:10000",
            "\(h(PHITaggerModel.mix(.docStyle, 0, 0x08)))\t0:10000", "\(h(PHITaggerModel.mix(.docStyle, 0, 0)))\t0:10000",
            "\(h(PHITaggerModel.mix(.word, wordKey("of"))))\t2:20000", "\(h(PHITaggerModel.mix(.word, wordKey("day"))))\t0:20000",
        ]
        return "version\t\(PHITaggerModel.featureSetVersion)\nclasses\tO\tB-ORGANIZATION\tI-ORGANIZATION\nscale\t100\n" + rows.joined(separator: "\n") + "\n"
    }()

    /// Guards on the tagger's spans (session 18, helper `taggerdef`; MTSamples false additions `Eastern Germany`, `Hood of
    /// Hamate`, `6 French Judkins`, `Martin Luther King Day`, `The Zimmer NexGen total knee system`, `Epimed Tun L
    /// catheter`): with ``capitalRunsVocabulary`` every capitalised run is a candidate, so each row pair shows the span
    /// added and the guard that drops it (or retypes it: an organisation ending in a town word is a place). Only the
    /// tagger's spans are compared.
    @Test(arguments: [
        "we toured [[Wirrandel Quenby|ORGANIZATION]] last spring.",
        // A compass word before a state or country is a region.
        "they moved to [[Eastern Quenby|ORGANIZATION]] last spring.",
        "they moved to Eastern Germany last spring.",
        "they moved to Southern Tasmania last spring.",
        // `A of B` is an organisation only with an organisation, service or place noun as its head.
        "we toured the [[Church of Quenby|ORGANIZATION]] today.",
        "we toured the [[Port of Quenby|ORGANIZATION]] today.",
        "we palpated the Hood of Hamate today.",
        "the Arcade of Struthers was released.",
        // A size unit after a number starts a catheter or tube.
        "used a 14 [[Tarrow Quenby|ORGANIZATION]] today.",
        "used a 14 French Quenby today.",
        "used 6 French Judkins today.",
        // A named day.
        "remembered [[Quenby Tarrow|ORGANIZATION]] last year.",
        "remembered Quenby Tarrow Day last year.",
        // Model words (capitalised, letters, numbers; no acronym) before the lower-case device noun.
        "a Wirrandel Quenby 5 catheter was placed.",
        "the Zimmer NexGen total knee system was used.",
        "joined the [[Wirrandel Quenby|ORGANIZATION]] JV squad.",
        // An organisation ending in a town word is a place.
        "liked [[Quenby Valley|ADDRESS]] last year.",
        "liked [[Quenby Creek|ADDRESS]] last year.",
    ])
    func taggerGuardRows(_ row: String) {
        Self.expectTaggerSpans(row, Self.capitalRunsVocabulary)
    }
}

extension PHITaggerTests {
    /// A hand-set model (session 20, helper `taggerguard`): every title-case or all-capitals word is a one-word NAME of
    /// its own (lower-case words, numbers and punctuation are O; `Bunionectomy` is O), so that the NAME guards of
    /// ``PHIDetection/taggerNotAName(_:_:oneWord:)`` alone decide what is added.
    static let capitalNamesVocabulary: PHIVocabulary = {
        func h(_ x: UInt64) -> String { String(x, radix: 16) }
        let rows = [
            "\(h(PHITaggerModel.mix(.docStyle, 0, 0x14)))\t1:1000", "\(h(PHITaggerModel.mix(.docStyle, 0, 0x12)))\t1:1000",
            "\(h(PHITaggerModel.mix(.docStyle, 0, 0x10)))\t0:10000", "\(h(PHITaggerModel.mix(.docStyle, 0, 0x08)))\t0:10000",
            "\(h(PHITaggerModel.mix(.docStyle, 0, 0)))\t0:10000",
            "\(h(PHITaggerModel.mix(.word, wordKey("bunionectomy"))))\t0:20000",
        ]
        var v = vocabulary
        v.tagger = try! PHITaggerModel.parse(
            weights: "version\t\(PHITaggerModel.featureSetVersion)\nclasses\tO\tB-NAME\tI-NAME\nscale\t100\n" + rows.joined(separator: "\n") + "\n",
            types: "NAME\t0\t0\tno\n")
        return v
    }()

    /// NAME guards (session 20, helper `taggerguard`; the tagger's one-word NAMEs on the MTSamples reports at margin 0:
    /// `Hank dilators`, `Greenwood bipolar forceps`, `Dor fundoplication`, `Keller Bunionectomy`, `described by Rowland, et
    /// al`, `JC PEG tube`, `Coban`, `Silk ties` beside `silk sutures`, `Navajo`): with ``capitalNamesVocabulary`` every
    /// capitalised word is a candidate, so each guard is shown beside a control row that keeps the name. Only the tagger's
    /// spans are compared.
    @Test(arguments: [
        "we dilated with [[Hank|NAME]] today.",
        // An instrument, device or procedure noun after it, up to three lower-case words later, singular or plural.
        "we dilated with Hank dilators today.",
        "we used Hank bipolar forceps today.",
        "we placed Hank self-retaining pins today.",
        "we did a Hank fundoplication today.",
        "we did a Hank Bunionectomy today.",
        // ... but not past a verb that follows names or a function word.
        "we dilated with [[Hank|NAME]] via the tube today.",
        "[[Hank|NAME]] and the tube were fine.",
        // A cited author.
        "as described by Hank, et al, the graft held.",
        "as described by [[Hank|NAME]], the graft held.",
        // An acronym in prose; capitals on a line of capitals may be a name.
        "we gave TINA today.",
        "we met her today and she was well.\nMET [[TINA|NAME]] AT NOON\n",
        // No given name of the name lists.
        "we applied Coban today.",
        // The note writes the word in lower case too.
        "Silk was cut by Dr Quenby. The silk held.",
        "[[Silk|NAME]] was cut by Dr Quenby. The cord held.",
        // A language.
        "she speaks Navajo at home.",
    ])
    func taggerNameGuardRows(_ row: String) {
        Self.expectTaggerSpans(row, Self.capitalNamesVocabulary)
    }
}

extension PHITaggerTests {
    /// ``capitalRunsVocabulary`` with every capitalised run a PROFESSION (session 20, helper `taggerguard`).
    static let capitalProfessionsVocabulary: PHIVocabulary = {
        var v = vocabulary
        v.tagger = try! PHITaggerModel.parse(
            weights: capitalRunsWeights.replacingOccurrences(of: "ORGANIZATION", with: "PROFESSION"), types: "PROFESSION\t0\t0\tno\n")
        return v
    }()

    /// Clinical concept terms and job titles (session 20, helper `taggerguard`; MTSamples additions at margin 0:
    /// `Temodar`, `Trizivir` as places, `Tussionex Pennkinetic` as an organisation, `Kerrison rongeur` and `Potts scissors`
    /// as job titles): a one-word span that is a one-word name of the concept lexicons, or an organisation or place that
    /// starts with one, is not added; a job title is not added before or ending in an instrument noun.
    @Test(arguments: [
        ("we toured [[Wirrandel Quenby|ORGANIZATION]].", false),
        ("we toured [[Quenby|ORGANIZATION]].", false),
        ("we started Temodar.", false),
        ("we started Tussionex Quenby.", false),
        ("we hired the [[Quenby|PROFESSION]].", true),
        ("we used the Kerrison rongeur.", true),
        ("we used the Quenby scissors.", true),
    ])
    func taggerClinicalTermAndTitleRows(_ row: String, _ profession: Bool) {
        Self.expectTaggerSpans(row, profession ? Self.capitalProfessionsVocabulary : Self.capitalRunsVocabulary)
    }

    /// The one-word names of concept files (preferred and synonyms; no spaces, hyphens or digits) are the clinical terms.
    @Test func clinicalTermsAreOneWordConceptNames() {
        let file = "# comment\nid\ttype\tpreferred\tsynonyms\nbrand:t\tBRAND_NAME\tTemodar\tTemo Dar|Temodal\ncond:x\tDX_NAME\tStickler syndrome\tGore-Tex|B12\n"
        let terms = PHIVocabulary.clinicalTerms([file])
        #expect(terms == [PHIVocabulary.key("Temodar"), PHIVocabulary.key("Temodal")])
        #expect(Self.vocabulary.clinicalTerms.contains(PHIVocabulary.key("Temodar")))
    }
}

extension PHITaggerTests {
    /// Feature set 2 (session 20, helper `taggercap`): one `lineLength` feature (line start, next token at a line start,
    /// length capped at 10) replaces the three features it crosses, so a scored token has two features fewer and none of
    /// the retired templates.
    @Test(arguments: [
        ("Seen by Quenby today.", "Quenby", UInt64(0), UInt64(6)),
        ("Quenby was seen today.", "Quenby", 1, 6),
        ("Seen by Quenby\nthe next day.", "Quenby", 2, 6),
        ("Seen today.\nQuenby\nagain.", "Quenby", 3, 6),
        ("Seen by Wirrandelquenbyson today.", "Wirrandelquenbyson", 0, 10),
    ])
    func lineLengthCrossesLineStartsAndLength(_ text: String, _ word: String, _ lines: UInt64, _ length: UInt64) throws {
        let doc = Self.pipeline.pipeline.tokenizer.tokensAndSections(Document(text: text))
        var bytes = text
        let features: [UInt64]? = bytes.withUTF8 { buf in
            let prepared = PHIDetection.Prepared(b: buf, tokens: doc.tokens, vocab: Self.vocabulary)
            return prepared.tokens.withUnsafeBufferPointer { t -> [UInt64]? in
                guard let i = (0..<t.count).first(where: { String(decoding: buf[t[$0].s..<t[$0].e], as: UTF8.self) == word }) else { return nil }
                let f = UnsafeMutablePointer<UInt64>.allocate(capacity: PHITaggerModel.maxFeatures)
                defer { f.deallocate() }
                let n = PHITaggerModel.features(buf, t, i, prev: 0, docStyle: 0, into: f)
                return Array(UnsafeBufferPointer(start: f, count: n))
            }
        }
        let f = try #require(features, "word not found in: \(text)")
        #expect(f.filter { $0 == PHITaggerModel.mix(.lineLength, lines, length) }.count == 1, "in: \(text)")
        for retired in [PHITaggerModel.mix(.lineStart, lines & 1), PHITaggerModel.mix(.length, length), PHITaggerModel.mix(.nextLineStart, lines >> 1)] {
            #expect(!f.contains(retired), "in: \(text)")
        }
        // A capitalised word: 23 features (22 without the capitalised-word bits).
        #expect(f.count == 23, "in: \(text)")
    }
}

extension PHITaggerTests {
    /// Session 21 (helper `tagspeed`): tagging reads the four features of small domains (`bias`, `docStyle`, `prev`,
    /// `lineLength`) from precomputed rows instead of hashing and probing them. For every token of these invented notes,
    /// every previous class and every note style, the hashed features plus the three rows score exactly what all the
    /// training features (``PHITaggerModel/features(_:_:_:prev:docStyle:into:)``) score through the table; and the hashed
    /// features are those training features minus the four.
    @Test(arguments: [
        "Seen by Quenby Wirrandel today at Harbourview Clinic, 14 Tarrant St Dunmore.\nPlan: review in 2 weeks.",
        "PATIENT: OSKAR VELLENHAM\nDOB 03/04/1961\nMRN 4471-22\nSEEN WITH HIS SISTER MARGUERITE.",
        "pt seen w/ daughter kelsey rowntree, lives in coorabel. ph 0412 555 019\n\nno acute issues",
        "É. Ødegaard-Brønn (Hon.) — O'Tierney & Sons, Unit 4F/22; ✓ x",
        "",
    ])
    func smallRowsScoreLikeTheHashedFeatures(_ text: String) throws {
        let m = try #require(Self.vocabulary.tagger)
        let doc = Self.pipeline.pipeline.tokenizer.tokensAndSections(Document(text: text))
        var bytes = text
        var compared = 0, mismatches = 0, featureMismatches = 0
        bytes.withUTF8 { buf in
            let prepared = PHIDetection.Prepared(b: buf, tokens: doc.tokens, vocab: Self.vocabulary)
            prepared.tokens.withUnsafeBufferPointer { t in
                let f = UnsafeMutablePointer<UInt64>.allocate(capacity: 2 * PHITaggerModel.maxFeatures)
                let g = UnsafeMutablePointer<UInt64>.allocate(capacity: 2 * PHITaggerModel.maxFeatures)
                let full = UnsafeMutablePointer<Int32>.allocate(capacity: PHITaggerModel.maxClasses)
                let fast = UnsafeMutablePointer<Int32>.allocate(capacity: PHITaggerModel.maxClasses)
                defer { f.deallocate(); g.deallocate(); full.deallocate(); fast.deallocate() }
                for i in 0..<t.count {
                    for style in 0..<3 {
                        for prev in 0..<m.classCount {
                            let n = PHITaggerModel.features(buf, t, i, prev: prev, docStyle: UInt64(style), into: f)
                            m.score(f, n, into: full)
                            let (k, small) = PHITaggerModel.hashedFeatures(
                                buf, t, i, prev: prev, style: style, shape: { PHITaggerModel.shape(buf, t[$0].s, t[$0].e) }, into: g)
                            let smallKeys: Set<UInt64> = [
                                PHITaggerModel.mix(.bias, 0), PHITaggerModel.mix(.prev, UInt64(prev)),
                                PHITaggerModel.mix(.docStyle, UInt64(style), UInt64(t[i].flags.rawValue & 0x1E)),
                                PHITaggerModel.mix(
                                    .lineLength, (t[i].nl ? 1 : 0) | (i + 1 < t.count && t[i + 1].nl ? 2 : 0), UInt64(min(t[i].e - t[i].s, 10))),
                            ]
                            let fullKeys = Array(UnsafeBufferPointer(start: f, count: n))
                            if Array(UnsafeBufferPointer(start: g, count: k)) != fullKeys.filter({ !smallKeys.contains($0) }) || k != n - 4 {
                                featureMismatches += 1
                            }
                            m.smallRows.withUnsafeBufferPointer { rows in
                                m.score(g, k, firsts: g + PHITaggerModel.maxFeatures, small: small, rows: rows.baseAddress!, into: fast)
                            }
                            if Array(UnsafeBufferPointer(start: full, count: PHITaggerModel.maxClasses))
                                != Array(UnsafeBufferPointer(start: fast, count: PHITaggerModel.maxClasses)) { mismatches += 1 }
                            compared += 1
                        }
                    }
                }
            }
        }
        #expect(mismatches == 0)
        #expect(featureMismatches == 0)
        #expect(text.isEmpty ? compared == 0 : compared > 0)
    }

    /// The rows of the small features hold the table's weights: a row differs from zero exactly where the table weighs
    /// its key (control: the bias row of a style is the bias's weights plus that style's own).
    @Test func smallRowsHoldTheTableWeights() throws {
        let m = try #require(Self.vocabulary.tagger)
        func row(_ r: Int) -> [Int32] { Array(m.smallRows[r * PHITaggerModel.maxClasses..<(r + 1) * PHITaggerModel.maxClasses]) }
        func weights(_ key: UInt64) -> [Int32] {
            var w = [Int32](repeating: 0, count: PHITaggerModel.maxClasses)
            for (c, x) in m.table.weights(key) { w[c] &+= Int32(x) }
            return w
        }
        #expect(m.smallRows.count == PHITaggerModel.smallRowCount * PHITaggerModel.maxClasses)
        #expect(weights(PHITaggerModel.mix(.bias, 0)).contains { $0 != 0 })
        for p in 0..<m.classCount { #expect(row(PHITaggerModel.smallPrevRow + p) == weights(PHITaggerModel.mix(.prev, UInt64(p)))) }
        let style = weights(PHITaggerModel.mix(.docStyle, 1, 2)), bias = weights(PHITaggerModel.mix(.bias, 0))
        #expect(row(PHITaggerModel.smallStyleRow + 16 + 1) == zip(bias, style).map { $0 &+ $1 })
        #expect(row(PHITaggerModel.smallLineRow + 2 * 11 + 7) == weights(PHITaggerModel.mix(.lineLength, 2, 7)))
        #expect(row(PHITaggerModel.smallPrevRow + m.classCount) == [Int32](repeating: 0, count: PHITaggerModel.maxClasses))
    }
}
