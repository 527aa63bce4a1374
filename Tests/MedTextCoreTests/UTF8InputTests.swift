import MedTextCore
import Testing

@Suite struct UTF8InputTests {
    @Test(arguments: [
        ([0x61, 0x62, 0xFF, 0x63] as [UInt8], 2),  // invalid lead byte
        ([0x61, 0xC3] as [UInt8], 1),  // truncated 2-byte sequence at end
        ([0xC0, 0xAF] as [UInt8], 0),  // overlong "/"
        ([0x41, 0xED, 0xA0, 0x80] as [UInt8], 1),  // UTF-16 surrogate encoded in UTF-8
        ([0xF4, 0x90, 0x80, 0x80] as [UInt8], 0),  // above U+10FFFF
        ([0xE2, 0x82, 0x41] as [UInt8], 0),  // bad continuation
        ([0x70, 0x74, 0x20, 0xE2, 0x82, 0xAC, 0x80] as [UInt8], 6),  // stray continuation after a valid scalar
    ])
    func findsFirstInvalidByte(bytes: [UInt8], offset: Int) {
        #expect(UTF8Input.firstInvalidOffset(in: bytes) == offset)
        guard case .failure(let error) = UTF8Input.decode(bytes) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.byteOffset == offset)
        #expect(error.code == "MT-INPUT-001")
        #expect(error.description.contains("byte offset \(offset)"))
    }

    @Test func validInputDecodesAndDropsBOM() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Café 😀".utf8)
        #expect(UTF8Input.firstInvalidOffset(in: bytes) == nil)
        #expect(try UTF8Input.decode(bytes).get() == "Café 😀")
    }

    @Test func lenientReplacesAndReports() {
        let (text, offset) = UTF8Input.decodeLenient([0x6F, 0x6B, 0xFF, 0x21])
        #expect(text == "ok\u{FFFD}!")
        #expect(offset == 2)
    }

    @Test func randomValidStringsHaveNoInvalidOffset() {
        var rng = SplitMix64(seed: 42)
        let alphabet: [Unicode.Scalar] = ["a", "Z", "é", "İ", "ß", "中", "😀", "\u{301}", "\n", " "]
        for _ in 0..<500 {
            var s = ""
            for _ in 0..<Int(rng.next() % 40) { s.unicodeScalars.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            #expect(UTF8Input.firstInvalidOffset(in: Array(s.utf8)) == nil)
        }
    }
}

/// Deterministic random numbers for property tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
