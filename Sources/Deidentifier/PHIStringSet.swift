import MedTextCore

/// The PHI strings detected in one note, which no text the de-identifier writes (a shifted date, a
/// surrogate) may reproduce: a shifted `Nov 2022` that keeps `2022` must not bring back a year `2022`
/// detected elsewhere in the note, and a surrogate place word must not be a real name of the note.
/// One- and two-digit numbers (ages, days) and month names alone are left out: shifted dates and
/// surrogates write them all the time and they identify nobody. Strings are compared as whole tokens: an
/// edge letter or digit of a match must not touch another letter or digit (`2022` is found in `12/02/2022`,
/// not in `20221`).
struct PHIStringSet {
    /// The strings, one after another (`entries` hold their ranges): one buffer per note, not one array per string.
    private var bytes: [UInt8] = []
    private var entries: [(hash: UInt64, start: Int, end: Int)] = []
    /// The longest string's length in bytes: matches are never longer.
    private(set) var maxLength = 0
    /// Bit `h & 63` and bit `h >> 6 & 63` of every string's hash `h`: most probes of ``reproduced(in:from:next:)``
    /// miss one of them and never compare.
    private var filterLow: UInt64 = 0, filterHigh: UInt64 = 0

    var isEmpty: Bool { entries.isEmpty }

    /// Month names and abbreviations that are no PHI strings alone (`exempt_month_names` of ``DeidWords``).
    private let exemptMonths: Set<String>

    /// - Complexity: O(total length of the spans × distinct strings of the same hash).
    init(text: UnsafeBufferPointer<UInt8>, spans: [TextSpan], exemptMonths: Set<String>) {
        self.exemptMonths = exemptMonths
        for span in spans {
            let s = max(span.start, 0), e = min(span.end, text.count)
            guard s < e else { continue }
            let string = UnsafeBufferPointer(rebasing: text[s..<e])
            guard !exempt(string) else { continue }
            let h = Self.hash(string)
            if contains(h, string) { continue }
            entries.append((h, bytes.count, bytes.count + string.count))
            bytes.append(contentsOf: string)
            filterLow |= 1 << (h & 63)
            filterHigh |= 1 << (h >> 6 & 63)
            maxLength = max(maxLength, string.count)
        }
    }

    func exempt(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        if s.count <= 2 && s.allSatisfy({ $0 &- 0x30 < 10 }) { return true }
        if s.count >= 3 && s.count <= 9 && s.allSatisfy({ ($0 | 0x20) &- 0x61 < 26 }) {
            return exemptMonths.contains(String(decoding: s, as: UTF8.self).lowercased())
        }
        return false
    }

    @inline(__always) static func hash(_ s: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in s { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
        return h
    }

    /// Whether `string`, of hash `h`, is a string of the set.
    @inline(__always) private func contains(_ h: UInt64, _ string: some Collection<UInt8>) -> Bool {
        guard filterLow >> (h & 63) & 1 != 0, filterHigh >> (h >> 6 & 63) & 1 != 0 else { return false }
        for entry in entries where entry.hash == h && entry.end - entry.start == string.count {
            if bytes[entry.start..<entry.end].elementsEqual(string) { return true }
        }
        return false
    }

    /// Whether `out[i..<e]`, of hash `h`, is a string of the set.
    @inline(__always) private func contains(_ h: UInt64, _ out: [UInt8], _ i: Int, _ e: Int) -> Bool { contains(h, out[i..<e]) }

    /// A letter, digit or non-ASCII byte (the test's "word" characters).
    @inline(__always) static func word(_ c: UInt8) -> Bool { c &- 0x30 < 10 || (c | 0x20) &- 0x61 < 26 || c >= 0x80 }

    /// Whether `out[from...]`, the text just written for one span and followed in the output by `next`,
    /// contains a string of the set as a whole token. Bytes before `from` are the output so far (context for
    /// the left edge).
    /// - Complexity: O(m × min(m, maxLength)) for the m bytes written, one table probe per token boundary.
    ///
    /// A match may also start in the text before `from` and end inside the new text: a surrogate organisation that keeps
    /// `Regional Medical Center` after an undetected `Mercy` brings back `Mercy Regional Medical Center` (corpora/phi dev
    /// 446). Such starts are tried at word starts within `maxLength` bytes before `from`.
    func reproduced(in out: [UInt8], from: Int, next: UInt8?) -> Bool {
        guard !entries.isEmpty else { return false }
        let end = out.count
        var i = max(from - maxLength + 1, 0)
        while i < from {
            if (i == 0 || !Self.word(out[i - 1])) && Self.word(out[i]) && matchEnding(in: out, at: i, after: from, next: next) { return true }
            i += 1
        }
        i = max(from, 0)
        while i < end {
            if i > 0 && Self.word(out[i - 1]) && Self.word(out[i]) {
                i += 1
                continue
            }
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            var e = i
            while e < end && e - i < maxLength {
                h = (h ^ UInt64(out[e])) &* 0x100_0000_01b3
                e += 1
                if let after = e < end ? out[e] : next, Self.word(out[e - 1]) && Self.word(after) { continue }
                if contains(h, out, i, e) { return true }
            }
            i += 1
        }
        return false
    }

    /// A string of the set starts at `i` (before `from`) and ends after `from`, as a whole token.
    private func matchEnding(in out: [UInt8], at i: Int, after from: Int, next: UInt8?) -> Bool {
        let end = out.count
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var e = i
        while e < end && e - i < maxLength {
            h = (h ^ UInt64(out[e])) &* 0x100_0000_01b3
            e += 1
            guard e > from else { continue }
            if let after = e < end ? out[e] : next, Self.word(out[e - 1]) && Self.word(after) { continue }
            if contains(h, out, i, e) { return true }
        }
        return false
    }
}
