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

    @Test func nonFiniteFloatsBecomeNull() {
        var w = JSONWriter()
        w.beginArray(); w.float(.nan); w.float(.infinity); w.float(2.5); w.double(3); w.endArray()
        #expect(w.string == "[null,null,2.5,3]")
    }
}
