public import MedTextCore

/// A recognised section header, in token indices.
struct HeaderMatch: Sendable, Hashable {
    /// First token of the header line's header (a markdown `#` or `**` included).
    var firstToken: Int
    /// One past the header's last token (the colon, dash or closing `**` included).
    var endToken: Int
    /// True when nothing but spaces follows the header on its line.
    var aloneOnLine: Bool
    /// Index into ``TokenizerRules/sectionRules``.
    var rule: Int
    /// True for the colon (or dash) form.
    var colon: Bool = false
    /// True when every letter of the header is upper case.
    var allCaps: Bool = false
}

/// The section headers of one line of a note (``SectionDetector/lineHeaders(containing:tokens:in:)``).
public struct LineHeaders: Sendable, Hashable {
    /// The line's bytes, its line break included.
    public let bytes: Range<Int>
    /// The line's headers, in text order (``Section/headerSpan`` of the sections they start).
    public let spans: [TextSpan]

    public init(bytes: Range<Int>, spans: [TextSpan]) {
        self.bytes = bytes
        self.spans = spans
    }

    /// The header span that holds byte `offset` of this line: the `headerSpan` of the section that contains `offset`
    /// when that span contains it (the section's header is the last one starting at or before `offset`, and a header
    /// on an earlier line ends before this line starts), else nil.
    public func headerSpan(containing offset: Int) -> TextSpan? {
        guard let h = spans.last(where: { $0.start <= offset }), h.contains(offset) else { return nil }
        return h
    }
}

/// Finds section headers at line starts, with the rules of `sections.tsv`.
///
/// A header is recognised at the start of a line (after an optional markdown `#`…`######`
/// and/or `**`) when the line's first tokens, keyed like every token (case-folded), equal a
/// rule's header and one of these forms holds:
/// - colon: the header is followed by `:` (or `:-`, or ` - `);
/// - alone: nothing follows on the line, and the rule has `alone`, or the header is in ALL
///   CAPS, or the line is a markdown heading;
/// - inline: text follows without a colon, the rule has `inline`, and the header's case is
///   exactly the rule's (`O/E afebrile`, `Ix FBC`).
/// The longest matching header wins. Unknown headers do not start sections (so exam
/// subheadings such as `HEENT:` stay inside their section).
public struct SectionDetector: Sendable {
    public let rules: TokenizerRules

    public init(rules: TokenizerRules) { self.rules = rules }

    /// Sections of a tokenized text. Text before the first header (when it holds any
    /// non-space token) is a section of type ``SectionType/unknown`` without a header.
    /// - Complexity: O(t) in the number of tokens.
    public func detect(tokens: [Token], in p: UnsafeBufferPointer<UInt8>) -> [Section] {
        sections(headers(tokens: tokens, in: p), tokens: tokens, textLength: p.count)
    }

    func sections(_ headers: [HeaderMatch], tokens: [Token], textLength: Int) -> [Section] {
        var out: [Section] = []
        out.reserveCapacity(headers.count + 1)
        let firstHeaderStart = headers.first.map { tokens[$0.firstToken].span.start } ?? textLength
        if let firstText = tokens.firstIndex(where: { !$0.isSpace }), tokens[firstText].span.start < firstHeaderStart {
            out.append(Section(type: .unknown, span: TextSpan(0, firstHeaderStart)))
        }
        for (n, h) in headers.enumerated() {
            let start = tokens[h.firstToken].span.start
            let end = n + 1 < headers.count ? tokens[headers[n + 1].firstToken].span.start : textLength
            let rule = rules.sectionRules[h.rule]
            out.append(
                Section(
                    type: rule.type, span: TextSpan(start, end),
                    headerSpan: TextSpan(start, tokens[h.endToken - 1].span.end), ruleID: rule.id))
        }
        return out
    }

    func headers(tokens: [Token], in p: UnsafeBufferPointer<UInt8>) -> [HeaderMatch] {
        headers(tokens: tokens, in: p, from: 0, to: tokens.count)
    }

    /// The headers whose first token lies in `from..<to`, found as ``headers(tokens:in:)`` finds them when `from` is the
    /// first token of a line (a header never reaches past its line, so a line's headers do not depend on the lines
    /// before it).
    func headers(tokens: [Token], in p: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> [HeaderMatch] {
        var out: [HeaderMatch] = []
        var key: [UInt8] = []
        key.reserveCapacity(64)
        let count = to
        var i = from
        while i < count {
            let t = tokens[i]
            let midLine = !t.flags.contains(.lineStart)
            var afterComma = false
            if midLine {
                // Mid-line, a capitalised colon header starts a section after a sentence-ending
                // period ("...SOB. Hx: HTN"), and an ALL-CAPS one after a comma (text whose line
                // breaks were flattened to commas: "...allergies.,MEDICATIONS: ,").
                guard t.kind == .word, isUpperASCII(p[t.span.start]), i >= 1 else { i += 1; continue }
                let q = tokens[i - 1].kind == .whitespace ? i - 2 : i - 1
                guard q >= 0, tokens[q].kind == .punctuation, tokens[q].span.length == 1 else { i += 1; continue }
                let b = p[tokens[q].span.start]
                guard b == UInt8(ascii: ".") || b == UInt8(ascii: ",") else { i += 1; continue }
                guard b == UInt8(ascii: ",") || q == i - 2 else { i += 1; continue }
                afterComma = b == UInt8(ascii: ",")
            }
            if let h = header(at: i, tokens: tokens, in: p, key: &key), !midLine || (h.colon && (!afterComma || h.allCaps)) {
                out.append(h)
                i = h.endToken
            } else {
                i += 1
            }
        }
        return out
    }

    /// The headers of the line that holds byte `offset` (``LineHeaders``): what PHI detection asks of sections (is a
    /// token inside a header?) without finding every section of the note. Reads only that line's tokens.
    /// - Complexity: O(l) in the tokens of the line, plus O(log t) to find it.
    public func lineHeaders(containing offset: Int, tokens: [Token], in p: UnsafeBufferPointer<UInt8>) -> LineHeaders {
        let lo = tokens.firstIndex(endingAfter: offset)
        guard lo < tokens.count, offset >= 0 else { return LineHeaders(bytes: offset..<offset, spans: []) }
        var a = lo
        while a > 0 && tokens[a - 1].kind != .newline { a -= 1 }
        var z = lo
        while z < tokens.count && tokens[z].kind != .newline { z += 1 }
        let end = z < tokens.count ? tokens[z].span.end : p.count
        let spans = headers(tokens: tokens, in: p, from: a, to: z).map {
            TextSpan(tokens[$0.firstToken].span.start, tokens[$0.endToken - 1].span.end)
        }
        return LineHeaders(bytes: tokens[a].span.start..<end, spans: spans)
    }

    /// The type of the last header that starts at or before byte `offset` (the type of the section that holds
    /// `offset`, which that header starts), or nil when none does (the offset lies in the note's leading text, an
    /// ``SectionType/unknown`` section, or before any text). Reads the offset's line, then the lines before it one by
    /// one, and stops at the first that holds such a header (a header never leaves its line): PHI detection asks this
    /// at a few job titles, where finding every section of the note was most of the cost.
    /// - Complexity: O(l) in the tokens from the header's line to the offset's, plus O(log t) to find the offset.
    public func headerType(atOrBefore offset: Int, tokens: [Token], in p: UnsafeBufferPointer<UInt8>) -> SectionType? {
        let lo = tokens.firstIndex(endingAfter: offset)
        guard offset >= 0 else { return nil }
        // Tokens a..<z are a line (z its line break or the end): first the line holding `offset` (the last line for an
        // offset past the end), then each line before it.
        var z = lo
        while z < tokens.count && tokens[z].kind != .newline { z += 1 }
        while true {
            var a = z
            while a > 0 && tokens[a - 1].kind != .newline { a -= 1 }
            if let h = headers(tokens: tokens, in: p, from: a, to: z).last(where: { tokens[$0.firstToken].span.start <= offset }) {
                return rules.sectionRules[h.rule].type
            }
            if a == 0 { return nil }
            z = a - 1
        }
    }

    @inline(__always)
    private func isSymbolRun(_ t: Token, _ byte: UInt8, maxLength: Int, in p: UnsafeBufferPointer<UInt8>) -> Bool {
        t.kind == .symbol && t.span.length <= maxLength && p[t.span.start] == byte
            && p[t.span.end - 1] == byte
    }

    private func header(at first: Int, tokens: [Token], in p: UnsafeBufferPointer<UInt8>, key: inout [UInt8]) -> HeaderMatch? {
        let count = tokens.count
        var k = first
        var markdown = false
        // Markdown heading marker "# " and bold "**".
        if isSymbolRun(tokens[k], UInt8(ascii: "#"), maxLength: 6, in: p), k + 2 < count, tokens[k + 1].kind == .whitespace {
            markdown = true
            k += 2
        }
        if k < count, isSymbolRun(tokens[k], UInt8(ascii: "*"), maxLength: 2, in: p), tokens[k].span.length == 2 {
            k += 1
            if k < count, tokens[k].kind == .whitespace { k += 1 }
        }
        guard k < count else { return nil }
        let t0 = tokens[k]
        guard t0.kind == .word || t0.kind == .punctuation else { return nil }
        // Prefilter: the first token's key must be the first key of some header. ASCII tokens
        // are hashed in place (their key is their lower-cased bytes without '.' and '\'').
        if t0.flags.contains(.ascii) {
            var h = fnvOffset
            for q in t0.span.range {
                let b = p[q]
                if t0.kind == .word && (b == UInt8(ascii: ".") || b == UInt8(ascii: "'")) { continue }
                h = fnv1a(h, lowerASCII(b))
            }
            guard rules.firstTokenHashes.find(h) != nil else { return nil }
        } else {
            return nil  // header rules are ASCII
        }

        key.removeAll(keepingCapacity: true)
        var best: HeaderMatch?
        var j = k
        var words = 0
        var hash = fnvOffset
        var hashed = 0
        while j < count && words < rules.maxHeaderTokens {
            let t = tokens[j]
            if t.kind == .newline { break }
            if t.kind == .whitespace { j += 1; continue }
            if t.kind == .punctuation && p[t.span.start] == UInt8(ascii: ":") { break }
            if words > 0 { key.append(0x20) }
            Normalizer.appendKey(t, in: p, to: &key)
            while hashed < key.count { hash = fnv1a(hash, key[hashed]); hashed += 1 }
            words += 1
            j += 1
            // One probe answers both: which rules have this joined key, and whether any longer header starts with it.
            let facts = rules.headerKeys.facts(hash)
            var r = HeaderKeyTable.firstRule(facts)
            while r >= 0 {
                if rules.headerKeys.joinedKey(of: r, equals: key),
                    let m = validate(rule: r, phrase: k..<j, lineFirst: first, markdown: markdown, tokens: tokens, in: p)
                {
                    best = m
                    break
                }
                r = Int(rules.nextRuleWithSameKey[r])
            }
            // No header's words start with these: no longer match is possible on this line.
            if facts & HeaderKeyTable.continues == 0 { break }
        }
        return best
    }

    /// Checks the form of a phrase match and returns the header's extent.
    private func validate(
        rule r: Int, phrase: Range<Int>, lineFirst: Int, markdown: Bool, tokens: [Token], in p: UnsafeBufferPointer<UInt8>
    ) -> HeaderMatch? {
        let forms = rules.sectionRules[r].forms
        let count = tokens.count
        var allCaps = false
        for w in phrase where tokens[w].flags.contains(.hasLetter) {
            allCaps = tokens[w].flags.contains(.allUpper)
            if !allCaps { break }
        }
        var j = phrase.upperBound
        // Skip a closing "**".
        func skipSpaces(_ j: inout Int) { while j < count && tokens[j].kind == .whitespace { j += 1 } }
        var end = phrase.upperBound
        var s = j
        skipSpaces(&s)
        if s < count, isSymbolRun(tokens[s], UInt8(ascii: "*"), maxLength: 2, in: p), tokens[s].span.length == 2 {
            j = s + 1
            end = j
            s = j
            skipSpaces(&s)
        }
        func restAlone(_ from: Int) -> Bool {
            var x = from
            skipSpaces(&x)
            return x >= count || tokens[x].kind == .newline
        }
        // A parenthesised qualifier between the header and its colon: "Medications (per RACF
        // chart):", "Allergies (reactions):". Only on the same line, at most 12 tokens.
        if s < count, tokens[s].kind == .punctuation, p[tokens[s].span.start] == UInt8(ascii: "(") {
            var x = s + 1
            var n = 0
            while x < count, n < 24, tokens[x].kind != .newline,
                  !(tokens[x].kind == .punctuation && p[tokens[x].span.start] == UInt8(ascii: ")"))
            {
                x += 1
                n += 1
            }
            if x < count, tokens[x].kind == .punctuation, p[tokens[x].span.start] == UInt8(ascii: ")") {
                var y = x + 1
                skipSpaces(&y)
                if y < count, tokens[y].kind == .punctuation, p[tokens[y].span.start] == UInt8(ascii: ":") {
                    return HeaderMatch(firstToken: lineFirst, endToken: y + 1, aloneOnLine: restAlone(y + 1), rule: r, colon: true, allCaps: allCaps)
                }
            }
        }
        if s < count, tokens[s].kind == .punctuation {
            let b = p[tokens[s].span.start]
            if b == UInt8(ascii: ":") {
                end = s + 1
                // ":-" and a closing "**" after the colon belong to the header.
                if end < count, tokens[end].kind == .punctuation, p[tokens[end].span.start] == UInt8(ascii: "-") { end += 1 }
                if end < count, isSymbolRun(tokens[end], UInt8(ascii: "*"), maxLength: 2, in: p) { end += 1 }
                return HeaderMatch(firstToken: lineFirst, endToken: end, aloneOnLine: restAlone(end), rule: r, colon: true, allCaps: allCaps)
            }
            if b == UInt8(ascii: "-"), s > phrase.upperBound, s + 1 < count, tokens[s + 1].kind == .whitespace {
                return HeaderMatch(firstToken: lineFirst, endToken: s + 1, aloneOnLine: restAlone(s + 1), rule: r, colon: true, allCaps: allCaps)
            }
        }
        if s >= count || tokens[s].kind == .newline {
            if forms.contains(.alone) || markdown || allCaps {
                return HeaderMatch(firstToken: lineFirst, endToken: end, aloneOnLine: true, rule: r)
            }
            return nil
        }
        if forms.contains(.inline), tokens[phrase.upperBound].kind == .whitespace {
            // Exact case: the phrase's non-space tokens equal the rule's surface tokens.
            let surface = rules.sectionRules[r].surface
            var n = 0
            for w in phrase where !tokens[w].isSpace {
                guard n < surface.count, p[tokens[w].span.range].elementsEqual(surface[n]) else { return nil }
                n += 1
            }
            if n == surface.count { return HeaderMatch(firstToken: lineFirst, endToken: end, aloneOnLine: false, rule: r) }
        }
        return nil
    }
}
