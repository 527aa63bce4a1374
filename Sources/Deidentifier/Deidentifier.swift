public import MedTextCore

/// How PHI is replaced.
public enum DeidMode: String, Sendable, Hashable, CaseIterable {
    /// `[NAME]`, `[DATE]`, ...: the type in brackets.
    case redact
    /// `*` for every Unicode scalar, so offsets in characters are unchanged.
    case mask
    /// Realistic fake values that keep the format (and check digits) of the original.
    case surrogate
}

/// Decides the order of day and month in all-numeric dates (`04/11/1957`) when the values
/// allow both readings. Detection is the same in both locales; only date shifting needs it.
public enum DateLocale: String, Sendable, Hashable, CaseIterable {
    /// Month first: 04/11/1957 is April 11.
    case enUS = "en-US"
    /// Day first: 04/11/1957 is 4 November.
    case enAU = "en-AU"
}

/// Options of a de-identification run.
public struct DeidOptions: Sendable {
    public var mode: DeidMode
    /// Move dates by a per-patient number of days (intervals preserved) instead of replacing them.
    /// Dates are always shifted in ``DeidMode/surrogate`` mode.
    public var shiftDates: Bool
    /// The secret behind surrogates and date shifts: the same key gives the same surrogate for
    /// the same value (and the same shift for the same patient) in every note and every run.
    public var key: [UInt8]
    /// The patient whose notes these are (for the date shift); overrides the one passed per note.
    public var patientID: String?
    public var locale: DateLocale
    /// Words (lower case) a surrogate name, place or profession must never be: real names known to the caller
    /// (a patient or staff roster, the names of every note of a batch), so that a surrogate cannot equal a real
    /// person of another note. The note's own detected PHI words are always avoided as well.
    public var avoidWords: Set<String> = []

    /// - Parameter key: the secret; `nil` draws a random key, so surrogates are consistent
    ///   within this value's lifetime only.
    public init(
        mode: DeidMode = .redact, shiftDates: Bool = false, key: [UInt8]? = nil, patientID: String? = nil,
        locale: DateLocale = .enUS
    ) {
        self.mode = mode
        self.shiftDates = shiftDates
        if let key {
            self.key = key
        } else {
            var g = SystemRandomNumberGenerator()
            self.key = (0..<32).map { _ in UInt8.random(in: 0...255, using: &g) }
        }
        self.patientID = patientID
        self.locale = locale
    }
}

/// One replaced span, for the audit: never the original text.
public struct Replacement: Sendable, Hashable {
    public var type: EntityType
    /// UTF-8 span in the input text.
    public var original: TextSpan
    /// UTF-8 span in the output text.
    public var output: TextSpan
    /// The rule that produced the replacement (`redact`, `mask`, `surrogate-name`, `shift-date`...).
    public var rule: String

    public init(type: EntityType, original: TextSpan, output: TextSpan, rule: String) {
        self.type = type
        self.original = original
        self.output = output
        self.rule = rule
    }
}

/// The de-identified text and what was replaced.
public struct DeidResult: Sendable {
    public var text: String
    public var replacements: [Replacement]
}

/// De-identification as pure functions over (text, PHI entities, options): redact, mask,
/// surrogate, date shifting, with keyed (HMAC-SHA256) consistency. Built once; `Sendable`.
public struct Deidentifier: Sendable {
    public let options: DeidOptions
    /// The word sets it reads (`phi/deid_words.tsv`; `PHIPipeline.deidWords` holds the shipped file's).
    public let words: DeidWords
    /// The surrogate values and holidays it reads (`phi/surrogate_values.tsv`, `phi/holidays.tsv`; `PHIPipeline.deidLists`
    /// holds the shipped files').
    public let lists: DeidLists
    let hmac: HMACSHA256

    public init(options: DeidOptions, words: DeidWords, lists: DeidLists) {
        self.options = options
        self.words = words
        self.lists = lists
        self.hmac = HMACSHA256(key: options.key)
    }

    /// The lower-cased words (two letters or more) of `names` (any text: a roster, one name per line), for
    /// ``DeidOptions/avoidWords``.
    public static func nameWords(_ names: String) -> Set<String> {
        var words: Set<String> = []
        Surrogates.nameWords(Array(names.utf8), into: &words)
        return words
    }

    /// The date shift in days for `patient` (negative: dates move back), in -364...-1.
    /// - Complexity: O(length of the patient id).
    public func dateShiftDays(patient: String) -> Int {
        var message = Array("date-shift|".utf8)
        message.append(contentsOf: patient.lowercased().utf8)
        let v = message.withUnsafeBufferPointer { hmac.macWords($0) }[0]
        return -(Int(v % 364) + 1)
    }

    /// De-identifies `text`. `entities` are PHI spans (UTF-8, into `text`); overlapping ones are
    /// dropped in favour of the earlier, longer one. `patient` identifies the note's patient for
    /// the date shift when ``DeidOptions/patientID`` is not set.
    /// - Complexity: O(n) in the text's bytes plus the replaced spans.
    public func deidentify(text: String, entities: [Entity], patient: String? = nil) -> DeidResult {
        // Callers pass the spans in order (``PHIPipeline/deidentify`` does): the sort is then skipped, not redone.
        let sorted = entities.isInSpanOrder ? entities : entities.sorted { $0.span < $1.span }
        // The shift (one HMAC) is computed only for a note with a date to move.
        let movesDates = (options.shiftDates || options.mode == .surrogate) && sorted.contains(where: { $0.type == .date })
        let shift = movesDates ? dateShiftDays(patient: options.patientID ?? patient ?? "") : 0
        var src = text
        return src.withUTF8 { b -> DeidResult in
            var out: [UInt8] = []
            out.reserveCapacity(b.count + b.count / 8)
            var reps: [Replacement] = []
            reps.reserveCapacity(sorted.count)
            var pos = 0
            // Surrogate names and place words never repeat a real word of this note's PHI ("Samira" must not become
            // "Okafor" when Dr Okafor is in the note): the keyed choice moves to the next list entry on such a collision.
            var avoid: Set<String> = options.avoidWords
            // Words the note's names use as given names: alone, they keep the full name's given-name surrogate.
            var given: Set<String> = []
            // Numbers written alone in the note, which a surrogate age must not reproduce (surrogate mode only).
            // (Only an age surrogate reads them: without an AGE span the walk over the note is skipped.)
            let noteNumbers = options.mode == .surrogate && sorted.contains(where: { $0.type == .age }) ? Surrogates.NoteNumbers(b) : Surrogates.NoteNumbers()
            if options.mode == .surrogate {
                for e in sorted where e.type != .date {
                    let s = max(e.span.start, 0), end = min(e.span.end, b.count)
                    guard s < end else { continue }
                    let bytes = UnsafeBufferPointer(rebasing: b[s..<end])
                    Surrogates.nameWords(bytes, into: &avoid)
                    if e.type == .name { Surrogates.givenNameWords(Array(bytes), into: &given) }
                }
            }
            // Nothing written (a shifted date, a surrogate) may reproduce a PHI string detected in the note: a
            // shifted `Nov 2022` -> `Aug 2022` must not bring back a year `2022` detected alone elsewhere.
            let generates = options.shiftDates || options.mode == .surrogate
            let detected = generates ? PHIStringSet(text: b, spans: sorted.map(\.span), exemptMonths: words[.exemptMonthNames])
                : PHIStringSet(text: b, spans: [], exemptMonths: [])
            for e in sorted {
                let s = max(e.span.start, 0), end = min(e.span.end, b.count)
                guard s >= pos, s < end else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[pos..<s]))
                let original = UnsafeBufferPointer(rebasing: b[s..<end])
                let outStart = out.count
                let next: UInt8? = end < b.count ? b[end] : nil
                var rule = replace(original, entity: e, shift: shift, avoid: avoid, given: given, noteNumbers: noteNumbers, into: &out)
                // On a reproduction: a date is written as if it could not be shifted (redacted, masked, or digits and
                // letters redrawn), a surrogate is redrawn; after four tries the span is redacted.
                var attempt = 1
                while generates && rule != "redact" && rule != "mask" && detected.reproduced(in: out, from: outStart, next: next) {
                    out.removeSubrange(outStart...)
                    if attempt > 4 {
                        Self.writeRedaction(e.type, into: &out)
                        rule = "redact"
                    } else {
                        rule = replace(original, entity: e, shift: shift, avoid: avoid, given: given, noteNumbers: noteNumbers, attempt: attempt, into: &out)
                    }
                    attempt += 1
                }
                if attempt > 1 { rule += "-after-collision" }
                reps.append(Replacement(type: e.type, original: TextSpan(s, end), output: TextSpan(outStart, out.count), rule: rule))
                pos = end
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[pos..<b.count]))
            return DeidResult(text: String(decoding: out, as: UTF8.self), replacements: reps)
        }
    }

    /// Writes the replacement of one span; returns its rule id. `attempt` > 0 redraws after the first output
    /// reproduced a PHI string of the note: dates are then not shifted and surrogates are drawn with a salt.
    func replace(
        _ original: UnsafeBufferPointer<UInt8>, entity: Entity, shift: Int, avoid: Set<String> = [], given: Set<String> = [],
        noteNumbers: Surrogates.NoteNumbers = .init(), attempt: Int = 0, into out: inout [UInt8]
    ) -> String {
        if entity.type == .date && (options.shiftDates || options.mode == .surrogate) {
            if attempt == 0, let shifted = DateShifter(locale: options.locale, words: words, lists: lists).shift(Array(original), days: shift) {
                out.append(contentsOf: shifted)
                return "shift-date"
            }
            if options.mode == .surrogate {
                // A redraw: a realistic date one to eleven years earlier, keyed on the value (intervals to the
                // note's other dates are not kept for this one; the audit rule says so).
                let surrogates = Surrogates(hmac: hmac, lists: lists, salt: UInt8(attempt), keepWords: words[.keepWords])
                if attempt > 0 {
                    var st = surrogates.stream("date-redraw", Array(original))
                    if let redrawn = DateShifter(locale: options.locale, words: words, lists: lists).shift(Array(original), days: -(366 + st.next(3650))) {
                        out.append(contentsOf: redrawn)
                        return "surrogate-date-redraw"
                    }
                }
                out.append(contentsOf: surrogates.digitsAndLetters(Array(original), type: entity.type))
                return "surrogate-date-digits"
            }
        }
        switch options.mode {
        case .redact:
            Self.writeRedaction(entity.type, into: &out)
            return "redact"
        case .mask:
            var i = 0
            while i < original.count {
                if !UTF8.isContinuation(original[i]) { out.append(0x2A) }
                i += 1
            }
            return "mask"
        case .surrogate:
            var surrogates = Surrogates(hmac: hmac, lists: lists, avoid: avoid, salt: UInt8(attempt), givenWords: given, keepWords: words[.keepWords])
            surrogates.noteNumbers = noteNumbers
            let (bytes, rule) = surrogates.surrogate(Array(original), entity: entity)
            out.append(contentsOf: bytes)
            return rule
        }
    }

    /// `[TYPE]`.
    static func writeRedaction(_ type: EntityType, into out: inout [UInt8]) {
        out.append(0x5B)
        out.append(contentsOf: type.rawValue.utf8)
        out.append(0x5D)
    }
}
