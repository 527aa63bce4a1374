public import MedTextCore

/// Text with inline span markers, so that tests never count offsets by hand.
///
/// `"Pt [[denies|NEG]] [[chest pain|DX_NAME|NEGATION]]."` becomes the text
/// `"Pt denies chest pain."` with two marks. Markers nest:
/// `"[[[[left|DIRECTION]] knee pain|DX_NAME]]"`. A marker without `|` has no labels.
/// The labels of a marker are everything after its last top-level `|`.
public struct MarkedText: Sendable {
    public struct Mark: Sendable, Hashable {
        /// UTF-8 span in `text`.
        public var span: TextSpan
        /// The marked text.
        public var text: String
        /// Labels after `|`, in order.
        public var labels: [String]
    }

    /// The text with every marker removed.
    public var text: String
    /// The marks, ordered by start (outer before inner at the same start).
    public var marks: [Mark]

    /// Parses inline markers. Traps on unbalanced markers: a broken fixture is a test bug.
    public init(_ marked: String) {
        var out: [UInt8] = []
        var stack: [Int] = []
        var marks: [Mark] = []
        let src = Array(marked.utf8)
        var i = 0
        while i < src.count {
            if i + 1 < src.count && src[i] == UInt8(ascii: "[") && src[i + 1] == UInt8(ascii: "[") {
                stack.append(out.count)
                i += 2
                continue
            }
            if i + 1 < src.count && src[i] == UInt8(ascii: "]") && src[i + 1] == UInt8(ascii: "]"), let open = stack.popLast() {
                var labels: [String] = []
                if let bar = out[open...].lastIndex(of: UInt8(ascii: "|")) {
                    let labelText = String(decoding: out[(bar + 1)...], as: UTF8.self)
                    labels = labelText.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                    // Everything after the first top-level bar is labels.
                    if let firstBar = out[open..<bar].firstIndex(of: UInt8(ascii: "|")) {
                        let all = String(decoding: out[(firstBar + 1)...], as: UTF8.self)
                        labels = all.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                        out.removeSubrange(firstBar...)
                    } else {
                        out.removeSubrange(bar...)
                    }
                }
                let span = TextSpan(open, out.count)
                marks.append(Mark(span: span, text: String(decoding: out[open..<out.count], as: UTF8.self), labels: labels))
                i += 2
                continue
            }
            out.append(src[i])
            i += 1
        }
        precondition(stack.isEmpty, "unbalanced [[ in marked test text")
        self.text = String(decoding: out, as: UTF8.self)
        self.marks = marks.sorted { $0.span < $1.span }
    }

    /// The spans of the marks that carry `label`.
    public func spans(labelled label: String) -> [TextSpan] {
        marks.filter { $0.labels.contains(label) }.map(\.span)
    }
}
