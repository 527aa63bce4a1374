public import MedTextCore

/// Keyed, format-keeping fake values. Every choice comes from HMAC-SHA256(key, type | value),
/// so the same value gets the same surrogate in every note and every run with the same key,
/// and nothing about the original can be read back without the key.
struct Surrogates {
    let hmac: HMACSHA256
    /// The value lists the choices index (``DeidLists``, `phi/surrogate_values.tsv`): given names and surnames (none is an
    /// ordinary English word, a month, a place, an eponym, a disease acronym or an organisation, so a surrogate reads
    /// as a name and only a name), place words, occupations.
    let lists: DeidLists
    /// Lower-cased name words of the note's real names, which a surrogate name must not be.
    var avoid: Set<String> = []
    /// Non-zero when an earlier draw reproduced a PHI string of the note: every stream is then keyed on it too.
    var salt: UInt8 = 0
    /// Lower-cased words that a name of the note uses as a given name (`Peter` in `Peter Nguyen`, `NGUYEN, Peter`): alone
    /// (`Peter rang`) they get the given-name surrogate of the full name, not a surname (one person, one surrogate).
    var givenWords: Set<String> = []
    /// `keep_words` of ``DeidWords``: what an address or organisation surrogate keeps as written.
    var keepWords: Set<String> = []
    /// Numbers 0-999 written as whole tokens in the note (bit n set for n), which a surrogate age must not be: a new
    /// age equal to another age or count of the note (`son 24` -> `28` beside `daughter 28`) would read as that
    /// person's and brings a real value back into the output.
    var noteNumbers: NoteNumbers = NoteNumbers()

    /// A bit set of the numbers 0-999 written alone (not inside a longer number or word) in a text.
    struct NoteNumbers: Sendable {
        private var bits = [UInt64](repeating: 0, count: 16)

        init() {}

        /// - Complexity: O(n) in the text's bytes.
        init(_ b: UnsafeBufferPointer<UInt8>) {
            guard let base = UnsafeRawPointer(b.baseAddress) else { return }
            var i = 0
            while i < b.count {
                guard b[i] &- 0x30 < 10 else {
                    i += 1
                    // Eight bytes at a time to the next digit (most of a note has none): a byte is a digit when its high
                    // bit is clear, it is 0x30 or more and under 0x3A (each sum stays inside its byte).
                    while i + 8 <= b.count {
                        let x = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                        let low = x & 0x7F7F_7F7F_7F7F_7F7F
                        let digits = (low &+ 0x5050_5050_5050_5050) & ~(low &+ 0x4646_4646_4646_4646) & ~x & 0x8080_8080_8080_8080
                        if digits != 0 {
                            i += digits.trailingZeroBitCount >> 3
                            break
                        }
                        i += 8
                    }
                    continue
                }
                var j = i, v = 0
                while j < b.count && b[j] &- 0x30 < 10 {
                    v = v * 10 + Int(b[j] &- 0x30)
                    if v > 999 { v = 1000 }
                    j += 1
                }
                let before = i > 0 ? b[i - 1] : 0x20, after = j < b.count ? b[j] : 0x20
                if v < 1000 && !Surrogates.isAlpha(before) && !Surrogates.isAlpha(after) { bits[v >> 6] |= 1 << UInt64(v & 63) }
                i = j
            }
        }

        func contains(_ v: Int) -> Bool { v >= 0 && v < 1000 && bits[v >> 6] & (1 << UInt64(v & 63)) != 0 }
    }

    /// Adds the lower-cased words (two letters or more) of a name to `words`.
    static func nameWords(_ name: [UInt8], into words: inout Set<String>) {
        name.withUnsafeBufferPointer { nameWords($0, into: &words) }
    }

    /// Adds the lower-cased words (two letters or more) of a name (bytes of a note, not copied) to `words`. An ASCII
    /// word is lowered on its bytes (what `lowercased()` does to it) and makes one string, not two.
    static func nameWords(_ name: UnsafeBufferPointer<UInt8>, into words: inout Set<String>) {
        var i = 0
        while i < name.count {
            guard isAlpha(name[i]) || name[i] >= 0x80 else {
                i += 1
                continue
            }
            var j = i + 1
            var ascii = name[i] < 0x80
            while j < name.count && (isAlpha(name[j]) || name[j] >= 0x80) {
                if name[j] >= 0x80 { ascii = false }
                j += 1
            }
            if j - i >= 2 {
                let word = UnsafeBufferPointer(rebasing: name[i..<j])
                if ascii {
                    words.insert(String(unsafeUninitializedCapacity: j - i) { out in
                        for k in 0..<word.count { out[k] = word[k] &- 0x41 < 26 ? word[k] | 0x20 : word[k] }
                        return word.count
                    })
                } else {
                    words.insert(String(decoding: word, as: UTF8.self).lowercased())
                }
            }
            i = j
        }
    }

    /// A stream of pseudo-random numbers keyed on `label` (and the key).
    struct Stream {
        /// The current MAC as eight big-endian words: each draw reads the next one.
        var block: SIMD8<UInt32>
        /// The next word of `block` (8: the block is used up).
        var pos = 0
        var counter: UInt8 = 0
        let hmac: HMACSHA256
        let label: [UInt8]

        init(hmac: HMACSHA256, label: [UInt8]) {
            self.hmac = hmac
            self.label = label
            self.block = label.withUnsafeBufferPointer { hmac.macWords($0) }
        }

        mutating func next(_ bound: Int) -> Int {
            if pos == 8 {
                counter &+= 1
                block = (label + [counter]).withUnsafeBufferPointer { hmac.macWords($0) }
                pos = 0
            }
            let v = block[pos]
            pos += 1
            return Int(v % UInt32(bound))
        }
    }

    /// The stream of `type | value` (spaces, hyphens, full stops and brackets left out, ASCII capitals lowered), with
    /// `| salt` after a collision.
    func stream(_ type: String, _ value: [UInt8]) -> Stream {
        var label: [UInt8] = []
        label.reserveCapacity(type.utf8.count + value.count + 3)
        label.append(contentsOf: type.utf8)
        label.append(0x7C)
        for c in value where c != 0x20 && c != 0x2D && c != 0x2E && c != 0x28 && c != 0x29 { label.append(c &- 0x41 < 26 ? c | 0x20 : c) }
        if salt != 0 {
            label.append(0x7C)
            label.append(salt)
        }
        return Stream(hmac: hmac, label: label)
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
    @inline(__always) static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 }

    /// The surrogate of one span and the rule id.
    func surrogate(_ original: [UInt8], entity: Entity) -> ([UInt8], String) {
        let rule = entity.evidence.first?.ruleID ?? ""
        switch entity.type {
        case .name: return (name(original), "surrogate-name")
        case .phoneOrFax: return (phone(original), "surrogate-phone")
        case .email: return (email(original), "surrogate-email")
        case .url: return (url(original), "surrogate-url")
        case .ipAddress: return (ip(original), "surrogate-ip")
        case .age: return (age(original), "surrogate-age")
        case .id: return identifier(original, rule: rule)
        case .address, .organization: return (address(original), "surrogate-address")
        case .profession: return (pick(.professions, original, type: "profession", like: original), "surrogate-profession")
        default: return (digitsAndLetters(original, type: entity.type), "surrogate-generic")
        }
    }

    /// Every digit and letter replaced by a keyed one of the same kind and case; the rest kept.
    func digitsAndLetters(_ original: [UInt8], type: EntityType) -> [UInt8] {
        var s = stream("chars-" + type.rawValue, original)
        var out = original.map { c -> UInt8 in
            if Self.isDigit(c) { return 0x30 + UInt8(s.next(10)) }
            if c &- 0x41 < 26 { return 0x41 + UInt8(s.next(26)) }
            if c &- 0x61 < 26 { return 0x61 + UInt8(s.next(26)) }
            return c
        }
        if out == original, let k = out.lastIndex(where: Self.isDigit) { out[k] = 0x30 + (out[k] - 0x30 + 1) % 10 }
        return out
    }

    // MARK: names

    func name(_ original: [UInt8]) -> [UInt8] {
        let words = Self.nameWordRanges(original)
        guard !words.isEmpty else { return digitsAndLetters(original, type: .name) }
        var out = original
        for (n, r) in words.enumerated().reversed() {
            let w = Array(original[r])
            let repl: [UInt8]
            if w.count == 1 {
                var s = stream("initial", w)
                var c = 0x41 + UInt8(s.next(26))
                if c == w[0] & ~0x20 { c = 0x41 + (c - 0x41 + 1) % 26 }
                repl = [w[0] &- 0x61 < 26 ? c | 0x20 : c]
            } else {
                let surname = Self.isSurname(n, words, original)
                    && !(words.count == 1 && givenWords.contains(String(decoding: w, as: UTF8.self).lowercased()))
                repl = surname
                    ? pick(.surnames, w, type: "surname", like: w)
                    : pick(.givenNames, w, type: "given", like: w)
            }
            out.replaceSubrange(r, with: repl)
        }
        return out
    }

    /// Adds the lower-cased given-name words (two letters or more) of a name of two words or more to `words`.
    static func givenNameWords(_ name: [UInt8], into words: inout Set<String>) {
        let ranges = nameWordRanges(name)
        guard ranges.count >= 2 else { return }
        for (n, r) in ranges.enumerated() where r.count >= 2 && !isSurname(n, ranges, name) {
            words.insert(String(decoding: name[r], as: UTF8.self).lowercased())
        }
    }

    /// "Smith, John": the word before the comma is the surname; otherwise the last word (and the words hyphenated to it).
    static func isSurname(_ n: Int, _ words: [Range<Int>], _ original: [UInt8]) -> Bool {
        if let c = original.firstIndex(of: 0x2C) { return words[n].upperBound <= c }
        return n == words.count - 1 || (n + 1 < words.count && original[words[n].upperBound] == 0x2D)
    }

    /// The words of a name: letters with inner apostrophes (hyphens and commas separate them).
    static func nameWordRanges(_ original: [UInt8]) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var i = 0
        while i < original.count {
            if Self.isAlpha(original[i]) || original[i] >= 0x80 {
                var j = i + 1
                while j < original.count
                    && (Self.isAlpha(original[j]) || original[j] >= 0x80 || (original[j] == 0x27 && j + 1 < original.count && Self.isAlpha(original[j + 1])))
                { j += 1 }
                words.append(i..<j)
                i = j
            } else {
                i += 1
            }
        }
        return words
    }

    /// A keyed choice from `list`, never equal to `value`, in the case style of `like`.
    func pick(_ list: DeidLists.List, _ value: [UInt8], type: String, like: [UInt8]) -> [UInt8] {
        let values = lists[list], lowered = lists.lowered(list)
        var s = stream(type, value)
        let lower = String(decoding: value, as: UTF8.self).lowercased()
        var k = s.next(values.count)
        var tries = 0
        while (lowered[k] == lower || avoid.contains(lowered[k])) && tries < values.count {
            k = (k + 1) % values.count
            tries += 1
        }
        return DateShifter.applyCase(Array(values[k].utf8), like: like)
    }

    // MARK: numbers

    /// Same grouping and punctuation; country code, trunk prefix and area/mobile prefix kept;
    /// US numbers use the fictional 555-01XX range.
    func phone(_ original: [UInt8]) -> [UInt8] {
        let digitPositions = original.indices.filter { Self.isDigit(original[$0]) }
        let digits = digitPositions.map { original[$0] - 0x30 }
        var s = stream("phone", original)
        var new = digits.map { _ in UInt8(s.next(10)) }
        let plus = original.first == 0x2B
        var keep = 0
        var nanpStart: Int? = nil
        if plus {
            if digits.first == 1 { keep = 1; nanpStart = 1 } else if digits.starts(with: [6, 1]) { keep = 3 } else { keep = min(3, digits.count) }
        } else if digits.first == 0 {
            keep = 2  // 04.., 02..
        } else if digits.count == 10 && digits.first == 1 && (digits[1] == 3 || digits[1] == 8) {
            keep = 4  // 1300 / 1800
        } else if digits.count == 6 && digits.first == 1 {
            keep = 2  // 13 XX XX
        } else if digits.count == 11 && digits.first == 1 {
            keep = 1
            nanpStart = 1
        } else if digits.count == 10 {
            nanpStart = 0
        } else if digits.count == 7 {
            new[0] = 5; new[1] = 5; new[2] = 5
            if new.count > 4 { new[3] = 0; new[4] = 1 }
        }
        for k in 0..<min(keep, digits.count) { new[k] = digits[k] }
        if let n = nanpStart, digits.count >= n + 10 {
            new[n] = 2 + UInt8(s.next(8))  // area code starts 2-9
            new[n + 3] = 5; new[n + 4] = 5; new[n + 5] = 5  // exchange 555
            new[n + 6] = 0; new[n + 7] = 1  // line 01XX: reserved for fiction
        }
        if new == digits, let last = new.indices.last { new[last] = (new[last] + 1) % 10 }
        var out = original
        for (k, p) in digitPositions.enumerated() { out[p] = 0x30 + new[k] }
        return out
    }

    func age(_ original: [UInt8]) -> [UInt8] {
        guard let s = original.firstIndex(where: Self.isDigit) else { return original }
        var e = s
        while e < original.count && Self.isDigit(original[e]) { e += 1 }
        let v = original[s..<e].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        var st = stream("age", original)
        var nv: Int
        if v >= 90 {
            nv = 90 + st.next(10)
            if nv == v { nv = v == 99 ? 90 : v + 1 }
            // Not a number written elsewhere in the note (the next value of 90-99, the original excluded).
            var tries = 0
            while noteNumbers.contains(nv) && tries < 10 {
                nv = nv == 99 ? 90 : nv + 1
                if nv == v { nv = nv == 99 ? 90 : nv + 1 }
                tries += 1
            }
        } else {
            let delta = st.next(4) + 1
            nv = v - delta >= 1 && (st.next(2) == 0 || v + delta >= 90) ? v - delta : v + delta
            if nv >= 90 { nv = max(1, v - delta) }
            if nv == v { nv = v + 1 }
            // Not a number written elsewhere in the note: the nearest of v-4...v+4 (never v, never below 1 or 90 and
            // over) that is not, keyed order kept; if all are, the first draw stands.
            if noteNumbers.contains(nv) {
                for d in [delta, 1, 2, 3, 4].flatMap({ [v - $0, v + $0] }) where d >= 1 && d < 90 && d != v && !noteNumbers.contains(d) {
                    nv = d
                    break
                }
            }
        }
        var out = original
        out.replaceSubrange(s..<e, with: Array(String(nv).utf8))
        return out
    }

    func ip(_ original: [UInt8]) -> [UInt8] {
        var s = stream("ip", original)
        return Array("192.0.2.\(s.next(254) + 1)".utf8)  // TEST-NET-1 (RFC 5737)
    }

    func email(_ original: [UInt8]) -> [UInt8] {
        var s = stream("email", original)
        let first = lists[.givenNames][s.next(lists[.givenNames].count)].lowercased()
        let last = lists[.surnames][s.next(lists[.surnames].count)].lowercased()
        let au = String(decoding: original, as: UTF8.self).lowercased().hasSuffix(".au")
        return Array("\(first).\(last)@example.\(au ? "com.au" : "com")".utf8)
    }

    func url(_ original: [UInt8]) -> [UInt8] {
        let text = String(decoding: original, as: UTF8.self)
        let scheme = text.lowercased().hasPrefix("https://") ? "https://" : (text.lowercased().hasPrefix("http://") ? "http://" : "")
        let www = text.lowercased().hasPrefix("\(scheme)www.")
        let au = text.lowercased().contains(".au")
        var s = stream("url", original)
        let word = lists[.placeWords][s.next(lists[.placeWords].count)].lowercased()
        let path = text.dropFirst(scheme.count).contains("/") ? "/p\(s.next(100_000))" : ""
        return Array("\(scheme)\(www ? "www." : "")\(word)-example.\(au ? "org.au" : "org")\(path)".utf8)
    }

    // MARK: identifiers

    func identifier(_ original: [UInt8], rule: String) -> ([UInt8], String) {
        let digitPositions = original.indices.filter { Self.isDigit(original[$0]) }
        let digits = digitPositions.map { Int(original[$0] - 0x30) }
        var s = stream("id", original)
        var new: [Int]? = nil
        var kind = "generic"
        if rule.hasSuffix("medicare") || (rule.isEmpty && (digits.count == 10 || digits.count == 11) && Self.medicareValid(digits)) {
            for _ in 0..<8 {
                var d = [2 + s.next(5)] + (0..<7).map { _ in s.next(10) }
                d.append(Self.medicareCheck(d))
                if digits.count >= 10 { d.append(1 + s.next(9)) }
                if digits.count == 11 { d.append(1 + s.next(9)) }
                if d != digits { new = Array(d.prefix(digits.count)); break }
            }
            kind = "medicare"
        } else if digits.count == 16 && digits.starts(with: [8, 0, 0, 3, 6]) {
            for _ in 0..<8 {
                var d = Array(digits.prefix(6)) + (0..<9).map { _ in s.next(10) }
                d.append(Self.luhnCheck(d))
                if d != digits { new = d; break }
            }
            kind = "hi-luhn"
        } else if rule.hasSuffix("abn") && digits.count == 11 {
            for _ in 0..<8 {
                let tail = (0..<9).map { _ in s.next(10) }
                for lead in 10...99 {
                    let d = [lead / 10, lead % 10] + tail
                    if Self.abnValid(d) && d != digits { new = d; break }
                }
                if new != nil { break }
            }
            kind = "abn"
        } else if rule.hasSuffix("ssn") && digits.count == 9 {
            var area = 100 + s.next(566)
            if area == 666 { area = 667 }
            let d = [area / 100, area / 10 % 10, area % 10, 1 + s.next(9), s.next(10), 1 + s.next(9)] + (0..<3).map { _ in s.next(10) }
            new = d == digits ? d.map { ($0 + 1) % 10 } : d
            kind = "ssn"
        }
        guard let nd = new else { return (digitsAndLetters(original, type: .id), "surrogate-id") }
        var out = original
        for (k, p) in digitPositions.enumerated() { out[p] = 0x30 + UInt8(nd[k]) }
        return (out, "surrogate-id-" + kind)
    }

    static func medicareCheck(_ d: [Int]) -> Int {
        let w = [1, 3, 7, 9, 1, 3, 7, 9]
        return zip(d.prefix(8), w).reduce(0) { $0 + $1.0 * $1.1 } % 10
    }

    static func medicareValid(_ d: [Int]) -> Bool {
        d.count >= 9 && (2...6).contains(d[0]) && medicareCheck(d) == d[8]
    }

    /// The Luhn check digit for `d` (the digits before it).
    static func luhnCheck(_ d: [Int]) -> Int {
        var sum = 0
        for (k, v) in d.reversed().enumerated() {
            var x = v
            if k % 2 == 0 { x *= 2; if x > 9 { x -= 9 } }
            sum += x
        }
        return (10 - sum % 10) % 10
    }

    static func luhnValid(_ d: [Int]) -> Bool { !d.isEmpty && luhnCheck(Array(d.dropLast())) == d.last! }

    static func abnValid(_ d: [Int]) -> Bool {
        guard d.count == 11, d[0] > 0 else { return false }
        let w = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19]
        var x = d
        x[0] -= 1
        return zip(x, w).reduce(0) { $0 + $1.0 * $1.1 } % 89 == 0
    }

    // MARK: addresses

    /// Numbers re-drawn (same length), street types, unit words, states and facility words kept,
    /// other words replaced by keyed place words.
    func address(_ original: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(original.count + 8)
        var i = 0
        var s = stream("address", original)
        while i < original.count {
            let c = original[i]
            if Self.isDigit(c) {
                var j = i
                while j < original.count && Self.isDigit(original[j]) { j += 1 }
                for k in i..<j { out.append(k == i ? 0x31 + UInt8(s.next(9)) : 0x30 + UInt8(s.next(10))) }
                if Array(out.suffix(j - i)) == Array(original[i..<j]) { out[out.count - 1] = 0x30 + (out[out.count - 1] - 0x30 + 1) % 10 }
                i = j
            } else if Self.isAlpha(c) || c >= 0x80 {
                var j = i
                while j < original.count
                    && (Self.isAlpha(original[j]) || original[j] >= 0x80 || (original[j] == 0x27 && j + 1 < original.count && Self.isAlpha(original[j + 1])))
                { j += 1 }
                let w = Array(original[i..<j])
                let lower = String(decoding: w, as: UTF8.self).lowercased()
                if keepWords.contains(lower) || (w.count <= 3 && w.allSatisfy { $0 &- 0x41 < 26 }) || w.count == 1 {
                    out.append(contentsOf: w)
                } else {
                    out.append(contentsOf: pick(.placeWords, w, type: "place", like: w))
                }
                i = j
            } else {
                out.append(c)
                i += 1
            }
        }
        if out == original, let s0 = original.firstIndex(where: Self.isAlpha) {
            // Only kept words ("Children's Hospital"): the first word becomes a keyed place name.
            var e0 = s0
            while e0 < original.count && (Self.isAlpha(original[e0]) || original[e0] == 0x27) { e0 += 1 }
            out.replaceSubrange(s0..<e0, with: pick(.placeWords, original, type: "place", like: Array(original[s0..<e0])))
        }
        return out
    }
}
