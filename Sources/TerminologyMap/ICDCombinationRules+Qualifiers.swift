public import MedTextCore

extension ICDCombinationRules {
    /// Qualifier words written beside a diagnosis that fill an axis its ICD-10-CM code leaves
    /// unspecified (`lexicons/data/icd/qualifiers.tsv`, DESIGN.md "ICD-10-CM classes from the Index
    /// and the Tabular"): the side, stage or severity of a subcategory whose last characters encode
    /// them ("POAG both eyes, severe" H40.1190 → H40.1133 "Primary open-angle glaucoma, bilateral,
    /// severe stage"; "Dry AMD right eye, intermediate stage" → H35.3112). A code is filled only
    /// when every word its title adds is written in the diagnosis's clause, and the only words it
    /// drops are those of the unspecified axis, so a qualifier of another condition, or a code that
    /// says more than the note, is never taken.
    public struct Qualifiers: Sendable, Hashable {
        /// Title words of the unspecified axis ("unspecified", "eye", "stage").
        public var axis: Set<String>
        /// Title words not compared ("with", "of", "stage").
        public var minor: Set<String>
        /// Words that end a clause read away from the diagnosis ("and", "no").
        public var ends: Set<String>

        /// 7th character (`D`, `G`, `K`, `P`, `S`) → phrases that ask for it in a fracture's or
        /// injury's clause (`encounter_X` rows): "routine healing at 6/52 post ORIF" → D.
        /// The more specific characters (G, K, P, S) are tried before D.
        public var encounters: [(character: Character, phrases: [String])]

        public init(axis: Set<String> = [], minor: Set<String> = [], ends: Set<String> = [], encounters: [(character: Character, phrases: [String])] = []) {
            self.axis = axis
            self.minor = minor
            self.ends = ends
            self.encounters = encounters
        }

        public static func == (a: Qualifiers, b: Qualifiers) -> Bool {
            a.axis == b.axis && a.minor == b.minor && a.ends == b.ends
                && a.encounters.map { "\($0.character)" + $0.phrases.joined(separator: ",") } == b.encounters.map { "\($0.character)" + $0.phrases.joined(separator: ",") }
        }

        public func hash(into h: inout Hasher) {
            h.combine(axis)
            h.combine(minor)
            h.combine(ends)
            for e in encounters { h.combine(e.character); h.combine(e.phrases) }
        }

        /// The code for the encounter the clause documents: an initial-encounter code (7th
        /// character `A`) with `D`, `G`, `K`, `P` or `S` when a phrase of that character is written
        /// in `clause` (more specific characters first); nil otherwise. `exists` says whether the
        /// table has the code.
        public func encounterCode(for code: String, clause: [String], exists: (String) -> Bool) -> String? {
            guard code.hasSuffix("A"), code.utf8.filter({ $0 != UInt8(ascii: ".") }).count == 7, !encounters.isEmpty else { return nil }
            let text = " " + clause.joined(separator: " ") + " "
            let order = encounters.sorted { ($0.character == "D" ? 1 : 0) < ($1.character == "D" ? 1 : 0) }
            for e in order where e.phrases.contains(where: { text.contains(" " + $0 + " ") }) {
                let candidate = String(code.dropLast()) + String(e.character)
                if exists(candidate) { return candidate }
            }
            return nil
        }

        public var isEmpty: Bool { axis.isEmpty }

        /// Parses rows `kind` (`axis`, `minor`, `ends`) and `words` (comma-separated, lower case).
        public static func parse(_ contents: String, file: String = "icd/qualifiers.tsv") throws(TerminologyError) -> Qualifiers {
            var out = Qualifiers()
            for row in ICDTableRow.rows(contents) {
                let words = Set(row.list("words").map { $0.lowercased() })
                switch row.field("kind") {
                case "axis" where !words.isEmpty: out.axis.formUnion(words)
                case "minor": out.minor.formUnion(words)
                case "ends": out.ends.formUnion(words)
                case let kind where kind.hasPrefix("encounter_") && kind.count == 11 && !words.isEmpty:
                    out.encounters.append((character: kind.last!, phrases: row.list("words").map { $0.lowercased() }))
                default: throw TerminologyError(.malformedSource, "a row is axis, minor, ends or encounter_X, with its words", file: file, line: row.line)
                }
            }
            return out
        }

        /// Lower-case words of a title or text, letters and digits only, a plural `s` dropped
        /// from words of five letters or more ("eyes" → "eye" is four: kept by `side words`).
        public static func words(_ text: String) -> [String] {
            text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { w in
                w.count >= 5 && w.hasSuffix("s") && !w.hasSuffix("ss") && !w.hasSuffix("is") && !w.hasSuffix("us") ? String(w.dropLast()) : String(w)
            }
        }

        /// The words of the clause around `span`, in reading order (those before it, then those
        /// after it): back and forward at most `limit` words, never
        /// past a line break, `;`, a sentence's full stop, another diagnosis (`others`) or, read
        /// toward another condition, an `ends` word.
        /// - Complexity: O(length of the words read).
        public func clause(around span: TextSpan, in bytes: [UInt8], others: [TextSpan], limit: Int = 6) -> [String] {
            guard span.end <= bytes.count else { return [] }
            func isWordByte(_ c: UInt8) -> Bool { c >= 0x80 || (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || c >= 0x30 && c <= 0x39 || c == UInt8(ascii: "/") || c == UInt8(ascii: "-") }
            func stops(_ c: UInt8, next: UInt8?) -> Bool {
                c == 0x0A || c == 0x0D || c == UInt8(ascii: ";") || c == UInt8(ascii: "|") || (c == UInt8(ascii: ".") && (next == nil || next == 0x20 || next == 0x0A))
            }
            var out: [String] = []
            var before: [String] = []
            // Forward.
            var k = span.end, n = 0
            forward: while k < bytes.count, n < limit {
                while k < bytes.count, !isWordByte(bytes[k]) {
                    if stops(bytes[k], next: k + 1 < bytes.count ? bytes[k + 1] : nil) { break forward }
                    // A comma opens the next list item: it is another condition's ("POAG, severe
                    // anxiety") when a diagnosis starts in it before the next comma.
                    if bytes[k] == UInt8(ascii: ",") {
                        var j = k + 1
                        while j < bytes.count, bytes[j] != UInt8(ascii: ","), !stops(bytes[j], next: j + 1 < bytes.count ? bytes[j + 1] : nil) { j += 1 }
                        let item = k..<j
                        if others.contains(where: { item.contains($0.start) }) { break forward }
                    }
                    k += 1
                }
                if others.contains(where: { $0.start <= k && k < $0.end }) { break }
                let s = k
                while k < bytes.count, isWordByte(bytes[k]) { k += 1 }
                if k == s { break }
                let w = String(decoding: bytes[s..<k], as: UTF8.self).lowercased()
                if ends.contains(w) { break }
                out.append(w)
                n += 1
            }
            // Backward.
            k = span.start
            n = 0
            backward: while k > 0, n < limit {
                while k > 0, !isWordByte(bytes[k - 1]) {
                    if stops(bytes[k - 1], next: bytes[k]) { break backward }
                    // The list item before a comma is another condition's when a diagnosis ends in it.
                    if bytes[k - 1] == UInt8(ascii: ",") {
                        var j = k - 1
                        while j > 0, bytes[j - 1] != UInt8(ascii: ","), !stops(bytes[j - 1], next: bytes[j]) { j -= 1 }
                        let item = j..<(k - 1)
                        if others.contains(where: { $0.end > item.lowerBound && $0.end <= item.upperBound }) { break backward }
                    }
                    k -= 1
                }
                if others.contains(where: { $0.start < k && k <= $0.end }) { break }
                let e = k
                while k > 0, isWordByte(bytes[k - 1]) { k -= 1 }
                if k == e { break }
                let w = String(decoding: bytes[k..<e], as: UTF8.self).lowercased()
                if ends.contains(w) { break }
                before.append(w)
                n += 1
            }
            return before.reversed() + out
        }

        /// The code among `candidates` (codes of `code`'s subcategory, with titles) that fills the
        /// unspecified axis of `title` with words of `said` only, or nil (none, or two equally good).
        public func filled(code: String, title: String, candidates: [(code: String, display: String)], said: Set<String>) -> String? {
            let own = Set(Self.words(title))
            guard own.contains("unspecified") else { return nil }
            var best: (code: String, added: Int)? = nil
            var tied = false
            for c in candidates where c.code != code {
                let theirs = Set(Self.words(c.display))
                guard own.subtracting(theirs).isSubset(of: axis) else { continue }
                let added = theirs.subtracting(own).subtracting(minor)
                guard !added.isEmpty, added.isSubset(of: said) else { continue }
                if let b = best, b.added == added.count { tied = true; continue }
                if best == nil || added.count > best!.added { best = (c.code, added.count); tied = false }
            }
            return tied ? nil : best?.code
        }

        /// The subcategory prefix whose codes differ from `code` only in its side, stage or
        /// severity: the code without its last two characters when it has three or more after the
        /// dot, else without its last one.
        public static func subcategory(of code: String) -> String {
            guard let dot = code.firstIndex(of: ".") else { return code }
            let after = code.distance(from: dot, to: code.endIndex) - 1
            return String(code.dropLast(after >= 3 ? 2 : 1))
        }
    }
}
