public import EntityRecognizer
public import MedTextCore

/// One target of `medtext assert`: a span the caller's own recognizer found, as a half-open
/// range in the request's offset unit.
public struct AssertTarget: Sendable, Hashable {
    public var beginOffset: Int
    public var endOffset: Int
    public init(beginOffset: Int, endOffset: Int) {
        self.beginOffset = beginOffset
        self.endOffset = endOffset
    }
}

/// Why one target could not be classified. Carries offsets, never note text.
public struct AssertTargetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable code: MT-ASSERT-001 out of range, MT-ASSERT-002 not on a scalar boundary,
    /// MT-ASSERT-003 begin after end.
    public var code: String
    public var message: String
    public var description: String { "\(code): \(message)" }
}

/// The result of `assert` for one target, in target order.
public enum AssertResult: Sendable, Hashable {
    case entity(Entity)
    case error(AssertTargetError)
}

extension MedTextAnnotator {
    /// Context traits (negation, hypothetical, history, family, future, low confidence) for
    /// spans another recognizer found, as ``Recognizer/assertTraits(_:spans:)`` describes.
    /// A bad target becomes an ``AssertResult/error(_:)`` in its place; the others are
    /// classified normally. Never throws because of what the note or targets say.
    /// - Parameters:
    ///   - text: the note.
    ///   - targets: the spans, in `offsets` units (code points, as Comprehend Medical, by default).
    ///   - offsets: the unit of the targets' offsets.
    /// - Returns: one result per target, in target order.
    public func assert(text: String, targets: [AssertTarget], offsets: OffsetUnit = .codePoints) -> [AssertResult] {
        let document = Document(text: text)
        let converter = OffsetConverter(text)
        let bytes = Array(text.utf8)
        var spans: [TextSpan] = []
        var slots: [Result<Int, AssertTargetError>] = []
        let size = offsets == .utf8 ? converter.utf8Count : (offsets == .utf16 ? converter.utf16Count : converter.codePointCount)
        for (i, t) in targets.enumerated() {
            guard t.beginOffset <= t.endOffset else {
                slots.append(.failure(AssertTargetError(
                    code: "MT-ASSERT-003", message: "target \(i): BeginOffset \(t.beginOffset) is after EndOffset \(t.endOffset)")))
                continue
            }
            guard t.beginOffset >= 0, t.endOffset <= size else {
                slots.append(.failure(AssertTargetError(
                    code: "MT-ASSERT-001",
                    message: "target \(i): offsets \(t.beginOffset)..<\(t.endOffset) lie outside the text (0..<\(size) \(offsets.rawValue))")))
                continue
            }
            guard let span = converter.span(from: t.beginOffset..<t.endOffset, in: offsets),
                  Self.onScalarBoundary(span.start, bytes), Self.onScalarBoundary(span.end, bytes) else {
                slots.append(.failure(AssertTargetError(
                    code: "MT-ASSERT-002",
                    message: "target \(i): offsets \(t.beginOffset)..<\(t.endOffset) split a character (\(offsets.rawValue)); send offsets on scalar boundaries")))
                continue
            }
            slots.append(.success(spans.count))
            spans.append(span)
        }
        let entities = spans.isEmpty ? [] : recognizer.assertTraits(pipeline.analyze(document), spans: spans)
        return slots.map {
            switch $0 {
            case .success(let n): return .entity(entities[n])
            case .failure(let e): return .error(e)
            }
        }
    }

    static func onScalarBoundary(_ offset: Int, _ bytes: [UInt8]) -> Bool {
        offset == bytes.count || (offset < bytes.count && bytes[offset] & 0xC0 != 0x80)
    }
}

extension ComprehendMedicalJSON {
    /// Writes the `medtext assert` response: `{"Entities": [...], "ModelVersion": ...}` with
    /// one element per target in target order; `Id` is the target's index. An entity has the
    /// DetectEntitiesV2 entity shape (with empty `Attributes`); a bad target is
    /// `{"Id", "BeginOffset", "EndOffset", "Error": {"Code", "Message"}}` with the caller's offsets.
    public func writeAssert(_ results: [AssertResult], targets: [AssertTarget], text: String, into w: inout JSONWriter) {
        let converter = OffsetConverter(text)
        let document = Document(text: text)
        w.beginObject()
        w.key("Entities")
        w.beginArray()
        for (i, r) in results.enumerated() {
            w.beginObject()
            w.field("Id", i)
            switch r {
            case .entity(let e):
                let range = converter.range(of: e.span, in: offsets)
                w.field("BeginOffset", range.lowerBound)
                w.field("EndOffset", range.upperBound)
                w.field("Text", String(document.text(in: e.span)))
                w.field("Score", e.score)
                w.field("Category", e.category.rawValue)
                w.field("Type", e.type.rawValue)
                w.key("Traits")
                w.beginArray()
                for (t, name) in Traits.named where e.traits.contains(t) {
                    w.beginObject()
                    w.field("Name", name)
                    w.field("Score", e.score(of: t))
                    w.endObject()
                }
                w.endArray()
                w.key("Attributes")
                w.beginArray()
                w.endArray()
                if explain {
                    w.key("Explanation")
                    w.beginArray()
                    for ev in e.evidence {
                        w.beginObject()
                        w.field("For", ev.subject)
                        w.field("Rule", ev.ruleID)
                        if let t = ev.trigger {
                            let tr = converter.range(of: t, in: offsets)
                            w.field("TriggerBeginOffset", tr.lowerBound)
                            w.field("TriggerEndOffset", tr.upperBound)
                        }
                        w.endObject()
                    }
                    w.endArray()
                }
            case .error(let err):
                w.field("BeginOffset", targets[i].beginOffset)
                w.field("EndOffset", targets[i].endOffset)
                w.key("Error")
                w.beginObject()
                w.field("Code", err.code)
                w.field("Message", err.message)
                w.endObject()
            }
            w.endObject()
        }
        w.endArray()
        w.field("ModelVersion", modelVersion)
        w.endObject()
    }
}
