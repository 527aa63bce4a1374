/// What a token is made of.
public enum TokenKind: UInt8, Sendable, Hashable, CaseIterable, Codable {
    /// Letters, possibly with digits or inner dots/apostrophes (`b.i.d.`, `SpO2`, `O'Brien`).
    case word
    /// Digits, possibly with a decimal point (`2.5`, `.5`).
    case number
    /// Sentence and clause punctuation: `. , ; : ! ? ( ) [ ] { } " '` and dashes.
    case punctuation
    /// Everything else that is visible: `/ % + = < > ° # @ & * ~`, symbols and emoji.
    case symbol
    /// Spaces and tabs.
    case whitespace
    /// A line break (LF, CRLF, CR, NEL, U+2028, U+2029).
    case newline
}

/// Facts about a token's surface that later stages test often.
public struct TokenFlags: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: UInt16
    @inlinable public init(rawValue: UInt16) { self.rawValue = rawValue }
    /// `OptionSet.contains` as one mask test: the generic one stayed an out-of-line call in large rule functions.
    @inlinable @inline(__always) public func contains(_ member: TokenFlags) -> Bool { rawValue & member.rawValue == member.rawValue }
    // The members are computed and @inlinable (not stored `static let`s) so that the
    // tokenizer's hot loop does not call a lazy-global accessor per token.

    /// Every byte is ASCII.
    @inlinable public static var ascii: TokenFlags { TokenFlags(rawValue: 1 << 0) }
    /// Contains at least one letter, and every letter is upper case (`HTN`, `T2DM`).
    @inlinable public static var allUpper: TokenFlags { TokenFlags(rawValue: 1 << 1) }
    /// First letter upper case, the rest lower case (`Smith`).
    @inlinable public static var titleCase: TokenFlags { TokenFlags(rawValue: 1 << 2) }
    /// Contains at least one digit.
    @inlinable public static var hasDigit: TokenFlags { TokenFlags(rawValue: 1 << 3) }
    /// Contains at least one letter.
    @inlinable public static var hasLetter: TokenFlags { TokenFlags(rawValue: 1 << 4) }
    /// Contains an inner period (`b.i.d.`, `e.g.`).
    @inlinable public static var hasPeriod: TokenFlags { TokenFlags(rawValue: 1 << 5) }
    /// Directly preceded by whitespace, a newline, or the start of the text.
    @inlinable public static var spaceBefore: TokenFlags { TokenFlags(rawValue: 1 << 6) }
    /// First non-whitespace token of its line.
    @inlinable public static var lineStart: TokenFlags { TokenFlags(rawValue: 1 << 7) }
}

/// A token: a view into the document by span, never a copy of its text.
public struct Token: Sendable, Hashable {
    public var span: TextSpan
    public var kind: TokenKind
    public var flags: TokenFlags

    @inlinable
    public init(span: TextSpan, kind: TokenKind, flags: TokenFlags = []) {
        self.span = span
        self.kind = kind
        self.flags = flags
    }

    /// True for whitespace and newline tokens.
    @inlinable public var isSpace: Bool { kind == .whitespace || kind == .newline }
}

/// A sentence (or one telegraphic line-per-fact unit) of a document.
public struct Sentence: Sendable, Hashable {
    /// From the first to the last non-space byte of the sentence.
    public var span: TextSpan
    /// Indices into the document's token array (non-space tokens only are guaranteed inside).
    public var tokens: Range<Int>

    @inlinable
    public init(span: TextSpan, tokens: Range<Int>) {
        self.span = span
        self.tokens = tokens
    }
}
