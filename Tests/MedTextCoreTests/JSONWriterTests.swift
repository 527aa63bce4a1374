import Foundation
import MedTextCore
import Testing

@Suite struct JSONWriterTests {
    @Test func compactObjectKeepsKeyOrder() {
        var w = JSONWriter()
        w.beginObject()
        w.field("Id", 0)
        w.field("Text", "chest \"pain\"\n")
        w.field("Score", Float(0.99))
        w.key("Traits")
        w.beginArray()
        w.beginObject(); w.field("Name", "NEGATION"); w.field("Score", Float(1)); w.endObject()
        w.endArray()
        w.key("Empty"); w.beginArray(); w.endArray()
        w.key("Nothing"); w.null()
        w.endObject()
        #expect(w.string == #"{"Id":0,"Text":"chest \"pain\"\n","Score":0.99,"Traits":[{"Name":"NEGATION","Score":1}],"Empty":[],"Nothing":null}"#)
    }

    @Test func prettyOutputParses() throws {
        var w = JSONWriter(indent: 2)
        w.beginObject()
        w.key("a"); w.beginArray(); w.int(1); w.int(2); w.endArray()
        w.field("b", true)
        w.endObject()
        #expect(w.string == "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": true\n}")
    }

    /// Property: any string survives a round trip through JSONSerialization.
    @Test func escapesRoundTrip() throws {
        let samples = ["", "plain", "tab\there", "\u{0}\u{1}\u{1F}", "quote\"back\\slash", "İß😀é\u{301}", "line\u{2028}sep\u{2029}", "\r\n"]
        for s in samples {
            var w = JSONWriter()
            w.beginArray(); w.string(s); w.endArray()
            let parsed = try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String]
            #expect(parsed == [s])
        }
    }

    /// The escaping table: exact bytes for control characters, quotes, backslashes, U+2028/9,
    /// and E2 lead bytes that do not start U+2028/9 (copied as is); Substring writes the same.
    @Test(arguments: [
        ("a\u{0}b\u{1F}c", #""a\u0000b\u001fc""#),
        ("\u{8}\u{C}\n\r\t", #""\b\f\n\r\t""#),
        ("q\"b\\", #""q\"b\\""#),
        ("x\u{2028}y\u{2029}", #""x\u2028y\u2029""#),
        ("\u{2027}\u{202A}\u{20AC}", "\"\u{2027}\u{202A}\u{20AC}\""),
        ("end\u{2028}", #""end\u2028""#),
        ("İß😀é\u{301}", "\"İß😀é\u{301}\""),
    ])
    func escapedBytes(input: String, expected: String) {
        var w = JSONWriter()
        w.string(input)
        #expect(w.string == expected)
        var v = JSONWriter()
        v.string(("<" + input + ">").dropFirst().dropLast())
        #expect(v.string == expected)
    }

    @Test func nonFiniteFloatsBecomeNull() {
        var w = JSONWriter()
        w.beginArray(); w.float(.nan); w.float(.infinity); w.float(2.5); w.double(3); w.endArray()
        #expect(w.string == "[null,null,2.5,3]")
    }
}
