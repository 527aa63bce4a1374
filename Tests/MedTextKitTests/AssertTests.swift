import MedTextCore
import MedTextKit
import MedTextTestSupport
import Testing

/// `MedTextAnnotator.assert`: context traits for spans another recognizer found.
@Suite struct AssertTests {
    static let annotator = try! MedTextAnnotator()

    /// Marks every `[[...|TRAIT,TRAIT]]` span as a target (labels: expected context traits, or
    /// `-` for none) and checks the traits assert gives them.
    @Test(arguments: [
        "Patient denies [[zorbic flank ache|NEGATION]] today.",
        "No [[blorf syndrome|NEGATION]] and [[wheeze|NEGATION]].",
        "Mother had [[splenic frobnitis|PERTAINS_TO_FAMILY]].",
        "Return if [[qux rash|HYPOTHETICAL]] develops.",
        "History of [[glorp disease|PAST_HISTORY]].",
        "She has [[gribble pain|-]] in the knee.",
        "Patient is [[afebrile|NEGATION]] and [[alert|-]].",
    ])
    func contextTraits(_ marked: String) throws {
        let m = MarkedText(marked)
        let converter = OffsetConverter(m.text)
        let targets = m.marks.map { mark in
            let r = converter.range(of: mark.span, in: .codePoints)
            return AssertTarget(beginOffset: r.lowerBound, endOffset: r.upperBound)
        }
        let results = Self.annotator.assert(text: m.text, targets: targets)
        #expect(results.count == m.marks.count)
        let context: Traits = [.negation, .hypothetical, .pastHistory, .pertainsToFamily, .future, .lowConfidence]
        for (mark, result) in zip(m.marks, results) {
            guard case .entity(let e) = result else { Issue.record("target \(mark.text) failed: \(result)"); continue }
            #expect(e.span == mark.span)
            let want = mark.labels == ["-"] ? [] : mark.labels.flatMap { $0.split(separator: ",") }.map(String.init)
            #expect(e.traits.intersection(context).names == want, "\(mark.text)")
        }
    }

    @Test func unknownSpanIsADiagnosisNameAndKnownSpanKeepsItsClass() throws {
        let m = MarkedText("[[Zorbic ache]] and no [[chest pain]].")
        let converter = OffsetConverter(m.text)
        let targets = m.marks.map {
            let r = converter.range(of: $0.span, in: .codePoints)
            return AssertTarget(beginOffset: r.lowerBound, endOffset: r.upperBound)
        }
        let results = Self.annotator.assert(text: m.text, targets: targets)
        guard case .entity(let unknown) = results[0], case .entity(let known) = results[1] else {
            Issue.record("unexpected \(results)")
            return
        }
        #expect(unknown.category == .medicalCondition && unknown.type == .dxName)
        #expect(unknown.traits.isEmpty)
        #expect(known.category == .medicalCondition)
        #expect(known.traits.contains(.negation))
        #expect(!known.traits.intersection([.sign, .symptom, .diagnosis]).isEmpty)
    }

    @Test func targetOrderIsPreservedAndOverlapsAreAllowed() throws {
        let text = "No cough. Fever present."
        // Out of text order on purpose, plus an overlapping pair.
        let targets = [
            AssertTarget(beginOffset: 10, endOffset: 15),  // Fever
            AssertTarget(beginOffset: 3, endOffset: 8),  // cough
            AssertTarget(beginOffset: 10, endOffset: 23),  // Fever present
        ]
        let results = Self.annotator.assert(text: text, targets: targets)
        let spans = results.compactMap { if case .entity(let e) = $0 { e.span } else { nil } }
        #expect(spans == [TextSpan(10, 15), TextSpan(3, 8), TextSpan(10, 23)])
        let negated = results.map { if case .entity(let e) = $0 { e.traits.contains(.negation) } else { false } }
        #expect(negated == [false, true, false])
    }

    @Test(arguments: [
        (AssertTarget(beginOffset: 0, endOffset: 99), "MT-ASSERT-001"),
        (AssertTarget(beginOffset: -1, endOffset: 2), "MT-ASSERT-001"),
        (AssertTarget(beginOffset: 5, endOffset: 2), "MT-ASSERT-003"),
    ])
    func badTargetBecomesAnErrorRecord(_ bad: AssertTarget, code: String) throws {
        let text = "No secret fever."
        let results = Self.annotator.assert(text: text, targets: [bad, AssertTarget(beginOffset: 10, endOffset: 15)])
        #expect(results.count == 2)
        guard case .error(let e) = results[0] else { Issue.record("expected an error record"); return }
        #expect(e.code == code)
        #expect(!e.message.contains("secret"))
        guard case .entity(let fever) = results[1] else { Issue.record("good target failed"); return }
        #expect(fever.traits.contains(.negation))
    }

    @Test func nonASCIITextWithCodePointOffsets() throws {
        // Two- and four-byte scalars before the target.
        let m = MarkedText("Béatrice 😀 denies [[naïve flank pain]].")
        let converter = OffsetConverter(m.text)
        let r = converter.range(of: m.marks[0].span, in: .codePoints)
        #expect(r.lowerBound != m.marks[0].span.start)  // code points differ from bytes here
        let results = Self.annotator.assert(text: m.text, targets: [AssertTarget(beginOffset: r.lowerBound, endOffset: r.upperBound)])
        guard case .entity(let e) = results[0] else { Issue.record("failed: \(results)"); return }
        #expect(e.span == m.marks[0].span)
        #expect(e.traits.contains(.negation))
        // UTF-16 offsets (the emoji is two units) reach the same span.
        let u = converter.range(of: m.marks[0].span, in: .utf16)
        let viaUTF16 = Self.annotator.assert(text: m.text, targets: [AssertTarget(beginOffset: u.lowerBound, endOffset: u.upperBound)], offsets: .utf16)
        #expect(viaUTF16 == results)
        // A UTF-8 offset inside "é" splits a scalar: an error record, not a crash.
        let split = Self.annotator.assert(text: m.text, targets: [AssertTarget(beginOffset: 2, endOffset: 5)], offsets: .utf8)
        guard case .error(let err) = split[0] else { Issue.record("expected an error"); return }
        #expect(err.code == "MT-ASSERT-002")
    }
}
