import Foundation
import MedTextCore
import Testing

/// JSONReader replaces JSONSerialization in the batch decoder, so it must accept and reject the
/// same lines (an invalid line is an `invalid-json` error record) and read the same values.
@Suite struct JSONReaderTests {
    /// JSONSerialization's verdict and value, as a JSONValue (numbers compared by value).
    static func foundation(_ bytes: [UInt8]) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(bytes), options: [])
    }

    /// Whether a JSONReader value equals a JSONSerialization value.
    static func same(_ v: JSONValue, _ f: Any) -> Bool {
        switch v {
        case .null: return f is NSNull
        case .string(let s): return (f as? String) == s
        case .bool(let b):
            guard let n = f as? NSNumber else { return false }
            return n.boolValue == b
        case .number(let t):
            guard let n = f as? NSNumber, let d = Double(t) else { return false }
            return n.doubleValue == d
        case .array(let a):
            guard let fa = f as? [Any], fa.count == a.count else { return false }
            return zip(a, fa).allSatisfy { same($0, $1) }
        case .object(let o):
            guard let fo = f as? [String: Any] else { return false }
            // Duplicate keys: the last one wins in both.
            var last: [String: JSONValue] = [:]
            for m in o { last[m.key] = m.value }
            return last.count == fo.count && last.allSatisfy { k, x in fo[k].map { same(x, $0) } ?? false }
        }
    }

    static let documents: [String] = [
        #"{}"#, #"[]"#, #" {"a":1} "#, #"{"a":[1,2,{"b":null}],"c":true,"d":false}"#,
        #"{"a":"x","a":"y"}"#, #"{"n":-0.5E+3,"m":0,"k":-0,"big":123456789012345678901234567890}"#,
        #"{"n":1e308}"#, #"{"n":1e309}"#, #"{"n":-1e999}"#, #"{"n":1e-400}"#, #"{"n":01}"#, #"{"n":1.}"#,
        #"{"n":.5}"#, #"{"n":+1}"#, #"{"n":-}"#, #"{"n":1e}"#, #"{"n":1E+}"#, #"{"n":0x10}"#, #"{"n":NaN}"#,
        #"{"n":Infinity}"#, #"{"s":"a\/b\\c\"d\n\t\r\b\f"}"#, #"{"s":"\u00e9\u2028\uD83D\uDE00"}"#,
        #"{"s":"\uD83D"}"#, #"{"s":"\uDE00"}"#, #"{"s":"\uD83Dx"}"#, #"{"s":"\uD83D\u0041"}"#, #"{"s":"\u0000"}"#,
        #"{"s":"\x"}"#, #"{"s":"\u12"}"#, #"{"s":"\u12G4"}"#, #"{"s":"unterminated}"#, #"{"a":1,}"#, #"{"a":1"#,
        #"{"a" 1}"#, #"{a:1}"#, #"{'a':1}"#, #"[1,]"#, #"[,1]"#, #"{"a":1}x"#, #"{"a":1},"#, #"{"a":tru}"#,
        #"{"a":nul}"#, #"{"a":True}"#, "{\"a\":\"tab\there\"}", "{\"a\":\"ctl\u{1}\"}", "{\"a\":\"nl\nx\"}",
        "\u{FEFF}{\"a\":1}", "{\"é\":\"ü😀\"}", " \t\r\n{\"a\" : [ 1 , 2 ] }\n ", "", " ", "{", "}", "\"str\"", "12",
        "null", "{\"a\":1}\u{0}", "{\"a\":\"\u{7F}\"}", #"{,}"#, #"[,]"#, #"{"a":1,,}"#, #"[1,,]"#, #"{"a":1 , }"#,
        #"[1, ]"#, #"{"a":[1,],}"#,
    ]

    @Test(arguments: documents)
    func agreesWithJSONSerialization(_ text: String) {
        let bytes = Array(text.utf8)
        let mine = JSONReader.parse(bytes)
        let theirs = Self.foundation(bytes)
        // Top-level fragments: JSONSerialization refuses them without .fragmentsAllowed; the
        // decoder only takes objects, so only objects and arrays need to agree.
        if let mine, case .string = mine { return }
        if let mine, case .number = mine { return }
        if let mine, case .bool = mine { return }
        if let mine, case .null = mine { return }
        #expect((mine == nil) == (theirs == nil), "\(text.debugDescription): JSONReader \(mine == nil ? "rejects" : "accepts")")
        if let mine, let theirs { #expect(Self.same(mine, theirs)) }
    }

    @Test func invalidUTF8IsRejected() {
        for bad: [UInt8] in [[0xFF], [0xC3], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF5, 0x80, 0x80, 0x80]] {
            let bytes = Array(#"{"a":""#.utf8) + bad + Array(#""}"#.utf8)
            #expect(JSONReader.parse(bytes) == nil)
            #expect(Self.foundation(bytes) == nil)
        }
    }

    @Test(arguments: [100, 511, 512, 513, 5000])
    func nestingLimit(_ depth: Int) {
        let bytes = Array(String(repeating: "[", count: depth).utf8) + Array(String(repeating: "]", count: depth).utf8)
        #expect((JSONReader.parse(bytes) == nil) == (Self.foundation(bytes) == nil), "depth \(depth)")
        #expect(JSONReader.parse(bytes) != nil || depth > JSONReader.maximumDepth)
    }

    /// Property: every prefix and every one-byte change of a DocumentReference line gets the same
    /// verdict from both parsers.
    @Test func mutationsAgree() {
        let line = #"{"resourceType":"DocumentReference","id":"d-1","meta":{"versionId":"2","tag":[{"system":"s","code":"c"}]},"n":[1.5e2,-3,true,null],"content":[{"attachment":{"contentType":"text/plain; charset=utf-8","data":"Q2hlc3QgcGFpbi4=\n"}}],"s":"\u00e9\/\uD83D\uDE00"}"#
        let bytes = Array(line.utf8)
        var replacements: [UInt8] = Array("\"\\{}[],:0-.eE+ uxa\u{7F}".utf8)
        replacements.append(0x01)
        var checked = 0
        for i in 0..<bytes.count {
            let prefix = Array(bytes[..<i])
            #expect((JSONReader.parse(prefix) == nil) == (Self.foundation(prefix) == nil), "prefix \(i)")
            for r in replacements where r != bytes[i] {
                var m = bytes
                m[i] = r
                let mine = JSONReader.parse(m)
                let theirs = Self.foundation(m)
                #expect((mine == nil) == (theirs == nil), "byte \(i) -> \(r): \(String(decoding: m, as: UTF8.self))")
                if let mine, let theirs { #expect(Self.same(mine, theirs)) }
                checked += 1
            }
        }
        #expect(checked > 5000)
    }

    /// Strings are scanned eight bytes at a time (SWAR) with a byte loop at the edges: a quote,
    /// backslash, escape, control byte or non-ASCII character at every offset of a long string
    /// (in the escape-free and the unescaping path, and across the end of a word) gets the same
    /// verdict and value from both parsers.
    @Test(arguments: [#"\""#, #"\\"#, #"\n"#, #"\u0041"#, #"\uD83D\uDE00"#, "\u{1}", "\u{1F}", "\u{7F}", "é", "😀", "\"", "\t"])
    func specialsAtEveryOffsetAgree(_ special: String) {
        let plain = "Patient reviewed on the ward today, no concerns raised."
        for prefix in ["", #"a\nb"#] {
            for k in 0...plain.utf8.count {
                let cut = plain.utf8.index(plain.startIndex, offsetBy: k)
                let body = prefix + String(plain[..<cut]) + special + String(plain[cut...])
                let bytes = Array(#"{"id":"n-1","text":""#.utf8) + Array(body.utf8) + Array(#"","z":1}"#.utf8)
                let mine = JSONReader.parse(bytes)
                let theirs = Self.foundation(bytes)
                #expect((mine == nil) == (theirs == nil), "\(special.debugDescription) at \(k) after \(prefix.debugDescription)")
                if let mine, let theirs { #expect(Self.same(mine, theirs)) }
                // Raw quotes, tabs and control bytes end or break the string; the rest is valid.
                #expect((mine == nil) == ["\"", "\t", "\u{1}", "\u{1F}"].contains(special))
            }
        }
    }

    @Test func lastDuplicateKeyWins() {
        let v = JSONReader.parse(Array(#"{"id":"a","id":"b"}"#.utf8))
        #expect(v?["id"] == .string("b"))
        #expect(v?["missing"] == nil)
        #expect(JSONReader.parse(Array(#"{"id":null}"#.utf8))?["id"] == .null)
    }
}
