import MedTextCore
import MedTextTestSupport
import Testing

@Suite struct MarkedTextTests {
    @Test func parsesFlatMarkers() {
        let m = MarkedText("Pt [[denies|NEG]] [[chest pain|DX_NAME|NEGATION]].")
        #expect(m.text == "Pt denies chest pain.")
        #expect(m.marks.map(\.text) == ["denies", "chest pain"])
        #expect(m.marks[1].labels == ["DX_NAME", "NEGATION"])
        #expect(m.marks[0].span == TextSpan(3, 9))
    }

    @Test func parsesNestedMarkers() {
        let m = MarkedText("[[[[left|DIRECTION]] knee pain|DX_NAME]]")
        #expect(m.text == "left knee pain")
        #expect(m.marks.count == 2)
        #expect(m.marks[0].text == "left knee pain")
        #expect(m.marks[0].labels == ["DX_NAME"])
        #expect(m.marks[1].span == TextSpan(0, 4))
    }

    @Test func marksWithoutLabelsAndNonASCII() {
        let m = MarkedText("Café [[anämie]] ok")
        #expect(m.text == "Café anämie ok")
        #expect(m.marks[0].labels.isEmpty)
        let doc = Document(text: m.text)
        #expect(doc.text(in: m.marks[0].span) == "anämie")
    }
}
