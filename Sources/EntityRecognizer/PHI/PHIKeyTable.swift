/// A frozen open-addressing hash table from word keys (``wordKey``: FNV-1a of the lower-cased
/// bytes) to 64-bit values, stored as two flat arrays.
///
/// The keys are hashes already, so a slot is one multiply (Fibonacci hashing) instead of a
/// `Hasher` round per lookup; probing is linear over a table at most half full. Built once, then
/// only read: detection asks it once per token (PHI) and once per word start (byte patterns).
/// Key 0 marks an empty slot; the one word whose key would be 0 is simply absent.
struct PHIKeyTable: Sendable, Equatable {
    /// Key and value interleaved (`slots[2i]`, `slots[2i + 1]`): one cache line per probe.
    let slots: FrozenArray<UInt64>  // may lie in a mapped image
    let shift: UInt64
    let mask: Int

    /// The table of an image's slots (``PHIVocabulary/image(key:)``); `nil` when the slot count is
    /// not twice a power of two or no slot is empty (a lookup ends at an empty slot).
    init?(validatingSlots slots: FrozenArray<UInt64>) {
        let capacity = slots.count / 2
        guard capacity >= 16, slots.count == capacity * 2, capacity & (capacity - 1) == 0 else { return nil }
        var empty = false
        var i = 0
        let b = slots.buffer
        while i < b.count {
            if b[i] == 0 { empty = true; break }
            i += 2
        }
        guard empty else { return nil }
        self.slots = slots
        self.shift = UInt64(64 - capacity.trailingZeroBitCount)
        self.mask = capacity - 1
    }

    init(_ entries: [UInt64: UInt64]) {
        var bits: UInt64 = 4
        while (1 << bits) < entries.count * 2 { bits += 1 }
        let capacity = 1 << Int(bits)
        var slots = [UInt64](repeating: 0, count: capacity * 2)
        let shift = 64 - bits, mask = capacity - 1
        for (k, v) in entries where k != 0 {
            var i = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots[2 * i] != 0 && slots[2 * i] != k { i = (i + 1) & mask }
            slots[2 * i] = k
            slots[2 * i + 1] = v
        }
        self.slots = FrozenArray(slots)
        self.shift = shift
        self.mask = mask
    }

    /// The key in the slot where the probe for `key` starts (0 when empty). With ``value(_:first:)`` a caller reads
    /// the first slots of several keys before probing any of them, so that their cache misses overlap (the table is
    /// megabytes, and most probes of a note's words miss every cache).
    @inline(__always)
    func first(_ key: UInt64) -> UInt64 { first(key, in: slots.buffer) }

    /// ``value(_:)`` when `first` is ``first(_:)`` of `key`.
    @inline(__always)
    func value(_ key: UInt64, first: UInt64) -> UInt64 { value(key, first: first, in: slots.buffer) }

    /// ``first(_:)`` with `s` = `slots.buffer`, read once before a loop of probes (``PHIDetection/Prepared``): the
    /// buffer of a ``FrozenArray`` is three dependent loads and a check at every read.
    @inline(__always)
    func first(_ key: UInt64, in s: UnsafeBufferPointer<UInt64>) -> UInt64 {
        s[2 &* Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> shift)]
    }

    /// ``value(_:first:)`` with `s` = `slots.buffer` (``first(_:in:)``).
    @inline(__always)
    func value(_ key: UInt64, first: UInt64, in s: UnsafeBufferPointer<UInt64>) -> UInt64 {
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> shift)
        if first == key { return s[2 &* i &+ 1] }
        if first == 0 { return 0 }
        while true {
            i = (i &+ 1) & mask
            let x = s[2 &* i]
            if x == key { return s[2 &* i &+ 1] }
            if x == 0 { return 0 }
        }
    }

    /// The value stored for `key`, or 0.
    /// - Complexity: O(1) expected.
    @inline(__always)
    func value(_ key: UInt64) -> UInt64 {
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        let s = slots.buffer
        while true {
            let x = s[2 &* i]
            if x == key { return s[2 &* i &+ 1] }
            if x == 0 { return 0 }
            i = (i &+ 1) & mask
        }
    }
}

/// Rule facts about a word that the PHI rules test on every token, stored in the high 32 bits
/// of the vocabulary table's values (the low 32 bits are ``PHIWordBits``), so that one table
/// lookup per token answers every set-membership question.
struct PHIRuleBits: OptionSet, Sendable {
    let rawValue: UInt32
    init(rawValue: UInt32) { self.rawValue = rawValue }
    /// Some vocabulary phrase starts with this word.
    static let phraseStart = PHIRuleBits(rawValue: 1 << 0)
    static let weekday = PHIRuleBits(rawValue: 1 << 1)
    static let holidayFirst = PHIRuleBits(rawValue: 1 << 2)
    static let monthName = PHIRuleBits(rawValue: 1 << 3)
    static let idCue = PHIRuleBits(rawValue: 1 << 4)
    static let kinship = PHIRuleBits(rawValue: 1 << 5)
    static let orgSuffix = PHIRuleBits(rawValue: 1 << 6)
    static let dayMonthCue = PHIRuleBits(rawValue: 1 << 7)
    static let yearCue = PHIRuleBits(rawValue: 1 << 8)
    static let pagerCue = PHIRuleBits(rawValue: 1 << 9)
    static let numberedCue = PHIRuleBits(rawValue: 1 << 10)
    static let employerCue = PHIRuleBits(rawValue: 1 << 11)
    // A vocabulary phrase of this kind starts with the word (bits 12-23, one per kind).
    static let startsTitle = PHIRuleBits(rawValue: 1 << 12)
    static let startsLabelCue = PHIRuleBits(rawValue: 1 << 13)
    static let startsBeforeCue = PHIRuleBits(rawValue: 1 << 14)
    static let startsAfterCue = PHIRuleBits(rawValue: 1 << 15)
    static let startsSignOff = PHIRuleBits(rawValue: 1 << 16)
    static let startsProfession = PHIRuleBits(rawValue: 1 << 17)
    static let startsFacilityAfter = PHIRuleBits(rawValue: 1 << 18)
    static let startsFacilityBefore = PHIRuleBits(rawValue: 1 << 19)
    static let startsFacilityLocation = PHIRuleBits(rawValue: 1 << 20)
    static let startsPostBox = PHIRuleBits(rawValue: 1 << 21)
    static let startsPlace = PHIRuleBits(rawValue: 1 << 22)
    static let startsStateName = PHIRuleBits(rawValue: 1 << 23)
    static let startsOrganization = PHIRuleBits(rawValue: 1 << 24)
    /// In one of the session-3 rule word sets (``PHIRuleWords/auxWords``): a one-bit filter before any `Set` lookup.
    static let auxWord = PHIRuleBits(rawValue: 1 << 25)
    /// Session 4: a label before typist or dictation initials (`typistCues`).
    static let typistCue = PHIRuleBits(rawValue: 1 << 26)
    /// Session 4: a short word that is no initials or a function word that never continues a name in capitals
    /// (`notInitials`, `capsFunctionWords`): frequent words, so they have their own bit, apart from `auxWord`.
    static let shortWord = PHIRuleBits(rawValue: 1 << 27)
    /// Session 4: ordinal words, contact verbs and residence prepositions (``PHIRuleWords/ordinalContactResidenceWords``).
    static let ordinalContactResidenceWord = PHIRuleBits(rawValue: 1 << 28)
    /// Session 5: reporting verbs after a name that opens a sentence (``PHIRuleWords/verbLabelPlaceWords``).
    static let verbLabelPlaceWord = PHIRuleBits(rawValue: 1 << 29)
    /// Session 5: words around a slash number that make it a fraction, score or dose (`fractionBefore`, `fractionAfter`).
    static let fractionWord = PHIRuleBits(rawValue: 1 << 30)
    /// Session 5: organisation labels and saints' titles (`organizationLabels`, `saintWords`), apart from the
    /// frequent verbs of `.verbLabelPlaceWord` so that the organisation rule is asked only on them.
    static let organizationLabel = PHIRuleBits(rawValue: 1 << 31)
    static let startsCue: PHIRuleBits = [.startsLabelCue, .startsBeforeCue, .startsAfterCue, .startsSignOff]

    /// The bit for phrases of `kind`.
    static func starts(_ kind: PHIPhraseKind) -> PHIRuleBits {
        switch kind {
        case .title: .startsTitle
        case .labelCue: .startsLabelCue
        case .beforeCue: .startsBeforeCue
        case .afterCue: .startsAfterCue
        case .signOff: .startsSignOff
        case .profession: .startsProfession
        case .facilityAfter: .startsFacilityAfter
        case .facilityBefore: .startsFacilityBefore
        case .facilityLocation: .startsFacilityLocation
        case .postBox: .startsPostBox
        case .place: .startsPlace
        case .stateName: .startsStateName
        case .organization: .startsOrganization
        }
    }
}

extension PHIRuleBits {
    /// `OptionSet.contains` as one mask test: the generic one stayed an out-of-line call in the large rule functions
    /// (3.6% of PHI detection's instructions).
    @inline(__always) func contains(_ member: PHIRuleBits) -> Bool { rawValue & member.rawValue == member.rawValue }
}

extension PHIWordBits {
    /// `OptionSet.contains` as one mask test (see ``PHIRuleBits/contains(_:)``).
    @inline(__always) func contains(_ member: PHIWordBits) -> Bool { rawValue & member.rawValue == member.rawValue }
}

/// The values of a ``PHIKeyTable`` for the shortest tokens, read once when the table is built or loaded: every
/// one-byte token (punctuation, a digit, an initial) and every two-byte token of ASCII letters and digits (`of`, `Dr`,
/// `12`). These are 60 % of a note's non-space tokens; their values sit in 12 KiB here instead of one probe each of the
/// megabytes-large table. A lookup is the table's own answer for the token's ``wordKey(_:_:_:)``.
struct PHIShortValues: Sendable {
    /// 256 one-byte values, then 36 × 36 two-byte values (digits 0-9, letters 10-35, either case).
    private let values: [UInt64]

    init(_ table: PHIKeyTable) {
        var v = [UInt64](repeating: 0, count: 256 + 36 * 36)
        for c in 0..<256 { v[c] = table.value(wordKeyAppending(wordKeySeed, UInt8(c))) }
        let alnum = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
        for (x, a) in alnum.enumerated() {
            for (y, c) in alnum.enumerated() {
                v[256 + x * 36 + y] = table.value(wordKeyAppending(wordKeyAppending(wordKeySeed, a), c))
            }
        }
        values = v
    }

    /// 0-9 for an ASCII digit, 10-35 for an ASCII letter of either case, else -1.
    @inline(__always) static func slot(_ c: UInt8) -> Int {
        if c &- 0x30 < 10 { return Int(c &- 0x30) }
        let l = (c | 0x20) &- 0x61
        return l < 26 ? Int(l) + 10 : -1
    }

    /// `body` over the values, for ``value(_:_:_:_:)`` in a loop over a note's tokens.
    @inline(__always) func withValues<R>(_ body: (UnsafeBufferPointer<UInt64>) -> R) -> R { values.withUnsafeBufferPointer(body) }

    /// The table's value for the token of bytes `s..<e`, when it is one byte or two ASCII letters or digits; nil for
    /// every other token (probe the table). `v` is ``withValues(_:)``'s buffer.
    @inline(__always) static func value(_ v: UnsafeBufferPointer<UInt64>, _ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> UInt64? {
        if e &- s == 1 { return v[Int(b[s])] }
        guard e &- s == 2 else { return nil }
        let x = slot(b[s]), y = slot(b[s &+ 1])
        guard x >= 0 && y >= 0 else { return nil }
        return v[256 &+ x &* 36 &+ y]
    }

    /// ``value(_:_:_:_:)`` of one token.
    func value(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> UInt64? { withValues { Self.value($0, b, s, e) } }
}
