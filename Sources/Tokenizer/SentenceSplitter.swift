public import MedTextCore

/// Splits tokens into sentences, for clinical text (see DESIGN.md, "Sentences").
///
/// - `!` and `?` end a sentence; so does `.`, except after an abbreviation of kind `title` or
///   `nonfinal` (`Dr.`, `e.g.`, `approx.`), after a single capital letter (an initial), after a
///   list number at line start (`1.`), or after an abbreviation of kind `either` (`b.i.d.`,
///   `etc.`) unless the next word is capitalised. A period glued to the next character
///   (`x.y`) never ends a sentence. Closing brackets and quotes after the end belong to it.
/// - A newline ends a sentence unless the line clearly continues: the line ends with `,`,
///   `-`, `&`, `/` or a conjunction/preposition (`and`, `with`, `of`, ...), or the next line
///   starts with a lower-case word and this line is long (≥ 70 bytes, i.e. wrapped prose
///   rather than a telegraphic line-per-fact note). A blank line, a bullet or list number
///   at the start of the next line, and a section header always end the sentence.
public struct SentenceSplitter: Sendable {
    public let rules: TokenizerRules

    /// Lines at least this long (in bytes: wrapped prose, not a telegraphic line) may continue on a next line starting in lower case.
    public static let wrappedLineLength = 70

    static let continuationWords: Set<UInt64> = Set(
        [
            "and", "or", "but", "nor", "with", "without", "of", "to", "the", "a", "an", "for", "in", "on", "at", "by",
            "from", "then", "due", "versus", "vs", "as", "per", "than", "into", "over",
            "under", "after", "before", "is", "are", "was", "were", "which", "who", "that", "&",
        ].compactMap { w in Array(w.utf8).withUnsafeBufferPointer { packKey($0, 0..<$0.count, skipPeriods: false) } })

    public init(rules: TokenizerRules) { self.rules = rules }

    /// Sentences of `tokens` (tokens of `p`).
    /// - Parameter forcedStarts: sorted token indices where a sentence must start (section headers).
    /// - Complexity: O(t) in the number of tokens.
    public func split(tokens: [Token], in p: UnsafeBufferPointer<UInt8>, forcedStarts: [Int] = []) -> [Sentence] {
        var out: [Sentence] = []
        out.reserveCapacity(tokens.count / 12 + 1)
        let count = tokens.count
        var first = -1, last = -1
        var forced = 0
        var lineStart = 0
        var i = 0
        while i < count {
            let t = tokens[i]
            switch t.kind {
            case .whitespace:
                i += 1
                continue
            case .newline:
                if first >= 0 && endsAtNewline(i, lastOnLine: last, lineStart: lineStart, tokens: tokens, in: p, forcedStarts: forcedStarts, forced: forced) {
                    out.append(Self.sentence(tokens, first, last))
                    first = -1
                }
                lineStart = t.span.end
                i += 1
                continue
            default:
                break
            }
            while forced < forcedStarts.count && forcedStarts[forced] < i { forced += 1 }
            if forced < forcedStarts.count && forcedStarts[forced] == i && first >= 0 {
                out.append(Self.sentence(tokens, first, last))
                first = -1
            }
            if first < 0 { first = i }
            last = i
            if (t.kind == .punctuation || (t.kind == .word && t.flags.contains(.hasPeriod))) && isEnd(i, tokens: tokens, in: p) {
                var j = i + 1
                while j < count, tokens[j].kind == .punctuation, Self.isCloser(p[tokens[j].span.start]) {
                    last = j
                    j += 1
                }
                out.append(Self.sentence(tokens, first, last))
                first = -1
                i = j
                continue
            }
            i += 1
        }
        if first >= 0 { out.append(Self.sentence(tokens, first, last)) }
        return out
    }

    @inline(__always)
    static func sentence(_ tokens: [Token], _ first: Int, _ last: Int) -> Sentence {
        Sentence(span: TextSpan(tokens[first].span.start, tokens[last].span.end), tokens: first..<(last + 1))
    }

    @inline(__always)
    static func isCloser(_ b: UInt8) -> Bool {
        b == UInt8(ascii: ")") || b == UInt8(ascii: "]") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")
            || b == UInt8(ascii: "}")
    }

    /// True when token `i` ends a sentence by punctuation.
    @inline(__always)
    func isEnd(_ i: Int, tokens: [Token], in p: UnsafeBufferPointer<UInt8>) -> Bool {
        let t = tokens[i]
        let b = p[t.span.start]
        let isPeriodWord = t.kind == .word && t.flags.contains(.hasPeriod) && p[t.span.end - 1] == UInt8(ascii: ".")
        guard (t.kind == .punctuation && (b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")))
            || isPeriodWord
        else { return false }
        // The next token must be a space, a newline, the end, or a closer followed by one of those.
        var j = i + 1
        while j < tokens.count, tokens[j].kind == .punctuation, Self.isCloser(p[tokens[j].span.start]) { j += 1 }
        if j < tokens.count && !tokens[j].isSpace { return false }
        if isPeriodWord {
            return periodAfterAbbreviation(tokens[i], i, tokens: tokens, in: p, default: .either)
        }
        if b != UInt8(ascii: ".") { return true }
        if t.span.length > 1 { return nextIsCapitalised(i, tokens: tokens, in: p) }  // "..."
        guard i > 0 else { return true }
        let prev = tokens[i - 1]
        guard prev.span.end == t.span.start else { return true }
        switch prev.kind {
        case .word:
            if prev.span.length == 1 && isUpperASCII(p[prev.span.start]) { return false }  // an initial
            return periodAfterAbbreviation(prev, i, tokens: tokens, in: p, default: nil)
        case .number:
            return !prev.flags.contains(.lineStart)  // "1." list marker
        default:
            return true
        }
    }

    /// Whether a period after `word` (or ending it) ends the sentence, by the abbreviation list.
    private func periodAfterAbbreviation(
        _ word: Token, _ i: Int, tokens: [Token], in p: UnsafeBufferPointer<UInt8>, default def: AbbreviationKind?
    ) -> Bool {
        let kind: AbbreviationKind?
        if let packed = packKey(p, word.span.range, skipPeriods: true) {
            kind = rules.abbreviationKind(packed: packed)
        } else {
            var key: [UInt8] = []
            for k in word.span.range where p[k] != UInt8(ascii: ".") { key.append(lowerASCII(p[k])) }
            kind = rules.abbreviations[key]
        }
        switch kind ?? def {
        case .title?, .nonfinal?: return false
        case .either?: return nextIsCapitalised(i, tokens: tokens, in: p)
        case nil: return true
        }
    }

    /// True when the next non-space token on the same line is a capitalised word.
    private func nextIsCapitalised(_ i: Int, tokens: [Token], in p: UnsafeBufferPointer<UInt8>) -> Bool {
        var j = i + 1
        while j < tokens.count {
            let t = tokens[j]
            if t.kind == .whitespace || (t.kind == .punctuation && Self.isCloser(p[t.span.start])) { j += 1; continue }
            if t.kind == .newline { return false }
            return t.kind == .word && (t.flags.contains(.titleCase) || t.flags.contains(.allUpper))
        }
        return true
    }

    /// Whether the newline at `i` ends the current sentence.
    private func endsAtNewline(
        _ i: Int, lastOnLine: Int, lineStart: Int, tokens: [Token], in p: UnsafeBufferPointer<UInt8>,
        forcedStarts: [Int], forced: Int
    ) -> Bool {
        var j = i + 1
        while j < tokens.count && tokens[j].kind == .whitespace { j += 1 }
        guard j < tokens.count else { return true }
        let next = tokens[j]
        if next.kind == .newline { return true }  // blank line
        var f = forced
        while f < forcedStarts.count && forcedStarts[f] < j { f += 1 }
        if f < forcedStarts.count && forcedStarts[f] == j { return true }
        if startsListItem(j, tokens: tokens, in: p) { return true }
        // The line itself asks for a continuation.
        let last = tokens[lastOnLine]
        let lb = p[last.span.start]
        if last.kind == .punctuation && (lb == UInt8(ascii: ",") || lb == UInt8(ascii: "-")) { return false }
        if last.kind == .symbol && (lb == UInt8(ascii: "&") || lb == UInt8(ascii: "/") || lb == UInt8(ascii: "+")) { return false }
        if last.kind == .word && last.span.length <= 8 && last.flags.contains(.ascii) {
            if let packed = packKey(p, last.span.range, skipPeriods: false), Self.continuationWords.contains(packed) {
                return false
            }
        }
        // Wrapped prose: a long line followed by a lower-case word.
        if next.kind == .word && isLowerASCII(p[next.span.start]) && tokens[i].span.start - lineStart >= Self.wrappedLineLength
            && !(last.kind == .punctuation && (lb == UInt8(ascii: ".") || lb == UInt8(ascii: ":")))
        {
            return false
        }
        return true
    }

    /// True when token `j` (first on its line) starts a bullet or numbered list item.
    private func startsListItem(_ j: Int, tokens: [Token], in p: UnsafeBufferPointer<UInt8>) -> Bool {
        let t = tokens[j]
        let b = p[t.span.start]
        let followedBySpace = j + 1 < tokens.count && tokens[j + 1].kind == .whitespace
        if t.span.length <= 2 && followedBySpace {
            if t.kind == .punctuation && b == UInt8(ascii: "-") { return true }
            if t.kind == .symbol && (b == UInt8(ascii: "*") || b == UInt8(ascii: "+") || b == UInt8(ascii: ">") || b == UInt8(ascii: "#")) { return true }
        }
        if t.kind == .symbol || t.kind == .punctuation, t.span.length <= 3, b >= 0x80, followedBySpace { return true }  // •, ·, ▪, –
        if (t.kind == .number || (t.kind == .word && t.span.length == 1)), j + 1 < tokens.count {
            let n = tokens[j + 1]
            if n.kind == .punctuation && n.span.length == 1 && (p[n.span.start] == UInt8(ascii: ".") || p[n.span.start] == UInt8(ascii: ")")) {
                return true
            }
        }
        if t.kind == .punctuation && b == UInt8(ascii: "("), j + 2 < tokens.count, tokens[j + 1].kind == .number { return true }
        return false
    }
}
