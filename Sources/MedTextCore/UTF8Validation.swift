/// Decoding input bytes into a `String` with a precise report of invalid UTF-8.
public enum UTF8Input {
    /// The byte offset of the first invalid UTF-8 sequence in `bytes`, or `nil` when valid.
    /// Rejects overlong forms, surrogates and code points above U+10FFFF, as `String(validating:)` does.
    /// - Complexity: O(n)
    public static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let need: Int
            var cp: UInt32
            let minimum: UInt32
            if b & 0xE0 == 0xC0 { need = 1; cp = UInt32(b & 0x1F); minimum = 0x80 }
            else if b & 0xF0 == 0xE0 { need = 2; cp = UInt32(b & 0x0F); minimum = 0x800 }
            else if b & 0xF8 == 0xF0 { need = 3; cp = UInt32(b & 0x07); minimum = 0x10000 }
            else { return i }
            if i + need >= n { return i }
            for k in 1...need {
                let c = bytes[i + k]
                if c & 0xC0 != 0x80 { return i }
                cp = (cp << 6) | UInt32(c & 0x3F)
            }
            if cp < minimum || cp > 0x10FFFF || (0xD800...0xDFFF).contains(cp) { return i }
            i += need + 1
        }
        return nil
    }

    /// Decodes `bytes` strictly. Returns the string, or the offset of the first invalid byte.
    public static func decode(_ bytes: [UInt8]) -> Result<String, InvalidUTF8> {
        if let s = String(validating: bytes, as: UTF8.self) { return .success(stripBOM(s)) }
        let off = firstInvalidOffset(in: bytes) ?? 0
        return .failure(InvalidUTF8(byteOffset: off))
    }

    /// Decodes `bytes`, replacing invalid sequences with U+FFFD. Returns the string and
    /// the offset of the first invalid byte, if there was one.
    public static func decodeLenient(_ bytes: [UInt8]) -> (text: String, firstInvalidOffset: Int?) {
        if let s = String(validating: bytes, as: UTF8.self) { return (stripBOM(s), nil) }
        return (stripBOM(String(decoding: bytes, as: UTF8.self)), firstInvalidOffset(in: bytes))
    }

    /// Removes one leading byte-order mark.
    /// Works on scalars: a BOM followed by a combining mark forms one `Character`, and
    /// dropping that character would also drop the mark.
    public static func stripBOM(_ s: String) -> String {
        guard s.unicodeScalars.first == "\u{FEFF}" else { return s }
        return String(s.unicodeScalars.dropFirst())
    }
}

/// Input that is not valid UTF-8; names the byte offset, never the bytes.
public struct InvalidUTF8: MedTextError, Equatable {
    public var byteOffset: Int
    public init(byteOffset: Int) { self.byteOffset = byteOffset }
    public var code: String { "MT-INPUT-001" }
    public var message: String {
        "input is not valid UTF-8 at byte offset \(byteOffset); convert it to UTF-8 or pass --lenient to replace invalid bytes with U+FFFD"
    }
}
