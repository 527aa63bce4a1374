/// Moves a date written in any of the forms the PHI recognizer finds by a number of days and
/// writes it back in the same form: `04/11/1957`, `11/4/57`, `2025-02-14T10:30`,
/// `11-Apr-1957`, `April 11, 1957`, `11th April 2025`, `Feb 2025`, `04/2025`, `7/22`.
/// Every character outside the day, month and year fields (separators, times, case) is kept.
/// Dates without a day move by whole months (at least one), years alone by whole years (at least one), so
/// they always change.
struct DateShifter {
    let locale: DateLocale
    /// `month_qualifiers` and `ordinal_suffixes` of ``DeidWords``.
    let words: DeidWords
    /// The holidays of ``DeidLists`` (`phi/holidays.tsv`).
    let lists: DeidLists

    static let monthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ]

    private enum Field { case year, month, day }
    private struct Part {
        var range: Range<Int>
        var field: Field
        var isName = false
    }

    /// The shifted date, or nil when `text` is not a date this shifter understands.
    func shift(_ text: [UInt8], days: Int) -> [UInt8]? {
        // Split into runs of digits, letters and other bytes.
        var runs: [(Range<Int>, Character)] = []  // "d" digits, "a" letters, "o" other
        var i = 0
        while i < text.count {
            let c = text[i]
            let kind: Character = c &- 0x30 < 10 ? "d" : ((c | 0x20) &- 0x61 < 26 ? "a" : "o")
            var j = i + 1
            if kind != "o" {
                while j < text.count {
                    let d = text[j]
                    let k: Character = d &- 0x30 < 10 ? "d" : ((d | 0x20) &- 0x61 < 26 ? "a" : "o")
                    if k != kind { break }
                    j += 1
                }
            }
            runs.append((i..<j, kind))
            i = j
        }
        func value(_ r: Range<Int>) -> Int { r.reduce(0) { $0 * 10 + Int(text[$1] - 0x30) } }
        func monthOf(_ r: Range<Int>) -> Int? {
            let w = String(decoding: text[r], as: UTF8.self).lowercased()
            guard w.count >= 3 else { return nil }
            for (k, name) in Self.monthNames.enumerated() where name.hasPrefix(w) || (w == "sept" && k == 8) { return k + 1 }
            return nil
        }
        // The first few significant runs decide the form. A weekday before the date ("Tue 3/6", "Friday, August
        // 15, 2025") is set aside and moved by the same number of days (modulo 7) once the rest is shifted.
        var sig = runs.filter { $0.1 != "o" }
        guard !sig.isEmpty else { return nil }
        var weekday: (range: Range<Int>, index: Int)?
        if sig.count >= 2, sig[0].1 == "a", let w = Self.weekdayIndex(Array(text[sig[0].0])) {
            weekday = (sig[0].0, w)
            sig.removeFirst()
        }
        // A year alone, or with words that are no month ("2022", "mid-2022", "Christmas 2024"): year precision,
        // so it moves by whole years, at least one, as month-only dates move by whole months.
        let digitRuns = sig.filter { $0.1 == "d" }
        // Session 6: forms that have no single day/month/year reading: holidays, ranges, ordinal days alone.
        if weekday == nil, let special = shiftSpecial(text, sig: sig, days: days) { return special }
        if weekday == nil, digitRuns.count == 1, digitRuns[0].0.count == 4, !sig.contains(where: { $0.1 == "a" && monthOf($0.0) != nil }) {
            let y = value(digitRuns[0].0)
            guard (1800...2199).contains(y) else { return nil }
            let years = max(1, (abs(days) + 182) / 365) * (days < 0 ? -1 : 1)
            var out = text
            out.replaceSubrange(digitRuns[0].0, with: Array(String(y + years).utf8))
            return out
        }
        var parts: [Part] = []
        let r0 = sig[0]
        let alphaRuns = sig.filter { $0.1 == "a" }
        if digitRuns.isEmpty {
            // A month alone, maybe qualified ("June", "mid-Dec", "early March"): month precision.
            let months = alphaRuns.filter { monthOf($0.0) != nil }
            guard weekday == nil, months.count == 1,
                alphaRuns.allSatisfy({ monthOf($0.0) != nil || words[.monthQualifiers].contains(String(decoding: text[$0.0], as: UTF8.self).lowercased()) })
            else { return nil }
            parts = [Part(range: months[0].0, field: .month, isName: true)]
        } else if sig.count == 2, r0.1 == "d", sig[1].1 == "d", r0.0.count <= 2, sig[1].0.count == 1 || value(r0.0) > 12 {
            // A day and month without a year ("12/3", "9/9", "14/03"), in the locale's order unless a value decides.
            let a = value(r0.0), b = value(sig[1].0)
            let dayFirst: Bool = a > 12 ? true : (b > 12 ? false : locale == .enAU)
            parts = [Part(range: r0.0, field: dayFirst ? .day : .month), Part(range: sig[1].0, field: dayFirst ? .month : .day)]
        } else if r0.1 == "d" {
            let len0 = r0.0.count
            if len0 == 4, sig.count >= 3, sig[1].1 == "d", sig[2].1 == "d" {
                parts = [Part(range: r0.0, field: .year), Part(range: sig[1].0, field: .month), Part(range: sig[2].0, field: .day)]
            } else if sig.count >= 3, sig[1].1 == "d", sig[2].1 == "d", [2, 4].contains(sig[2].0.count), len0 <= 2 {
                let a = value(r0.0), b = value(sig[1].0)
                let dayFirst: Bool = a > 12 ? true : (b > 12 ? false : locale == .enAU)
                parts = [
                    Part(range: r0.0, field: dayFirst ? .day : .month), Part(range: sig[1].0, field: dayFirst ? .month : .day),
                    Part(range: sig[2].0, field: .year),
                ]
            } else if sig.count >= 2, sig[1].1 == "d", len0 <= 2, [2, 4].contains(sig[1].0.count) {
                parts = [Part(range: r0.0, field: .month), Part(range: sig[1].0, field: .year)]  // 04/2025, 7/22
            } else if len0 <= 2 {
                // 11 April 2025, 11th April, 3rd of May 2024, 11-Apr-57.
                var k = 1
                if k < sig.count, sig[k].1 == "a", ["st", "nd", "rd", "th"].contains(String(decoding: text[sig[k].0], as: UTF8.self).lowercased()) { k += 1 }
                if k < sig.count, sig[k].1 == "a", String(decoding: text[sig[k].0], as: UTF8.self).lowercased() == "of" { k += 1 }
                guard k < sig.count, sig[k].1 == "a", monthOf(sig[k].0) != nil else { return nil }
                parts = [Part(range: r0.0, field: .day), Part(range: sig[k].0, field: .month, isName: true)]
                if k + 1 < sig.count, sig[k + 1].1 == "d", [2, 4].contains(sig[k + 1].0.count) {
                    parts.append(Part(range: sig[k + 1].0, field: .year))
                }
            } else {
                return nil
            }
        } else {
            // April 11, 1957; Apr 11 1957; Feb 2025; Sept. 3rd, 2024.
            guard monthOf(r0.0) != nil, sig.count >= 2, sig[1].1 == "d" else { return nil }
            parts = [Part(range: r0.0, field: .month, isName: true)]
            // "Nov-57", "Mar-24", "nov/34": a month name, a dash or slash and two digits, nothing after: month and year.
            let sep = r0.0.upperBound
            let monthYear = sig.count == 2 && sig[1].0.count == 2
                && ((sig[1].0.lowerBound == sep + 1 && (text[sep] == 0x2D || text[sep] == 0x2F || text[sep] == 0x27)) || value(sig[1].0) > 31)
            if sig[1].0.count == 4 || monthYear {
                parts.append(Part(range: sig[1].0, field: .year))
            } else {
                parts.append(Part(range: sig[1].0, field: .day))
                var k = 2
                if k < sig.count, sig[k].1 == "a", sig[k].0.count == 2 { k += 1 }
                if k < sig.count, sig[k].1 == "d", [2, 4].contains(sig[k].0.count) { parts.append(Part(range: sig[k].0, field: .year)) }
            }
        }
        // Read the values.
        var y: Int?, m = 0, d: Int?
        var yearWidth = 4
        for p in parts {
            switch p.field {
            case .year:
                yearWidth = p.range.count
                let v = value(p.range)
                y = yearWidth == 2 ? (v <= 30 ? 2000 + v : 1900 + v) : v
            case .month: m = p.isName ? (monthOf(p.range) ?? 0) : value(p.range)
            case .day: d = value(p.range)
            }
        }
        guard (1...12).contains(m), weekday == nil || d != nil else { return nil }
        var ny = y ?? 2001, nm = m, nd = d ?? 15
        if let day = d {
            let refYear = y ?? (m == 2 && day == 29 ? 2000 : 2001)
            guard (1...Self.daysIn(m, refYear)).contains(day) else { return nil }
            let shifted = Self.civil(Self.daysFromCivil(refYear, m, day) + days)
            (ny, nm, nd) = (shifted.y, shifted.m, shifted.d)
            if y == nil && nm == 2 && nd == 29 { nd = 28 }
        } else {
            // Month precision: move by whole months, at least one.
            let months = max(1, (abs(days) + 15) / 30) * (days < 0 ? -1 : 1)
            let total = (y ?? 2001) * 12 + (m - 1) + months
            ny = total / 12
            nm = total % 12 + 1
        }
        // Write back, field by field.
        var out = text
        for p in parts.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            let original = Array(text[p.range])
            var repl: [UInt8]
            switch p.field {
            case .year: repl = Array(String(yearWidth == 2 ? ny % 100 : ny).utf8)
                while repl.count < yearWidth { repl.insert(0x30, at: 0) }
            case .month:
                if p.isName {
                    let full = Self.monthNames[nm - 1]
                    let origLower = String(decoding: original, as: UTF8.self).lowercased()
                    var name = Self.monthNames.contains(origLower) ? full : String(full.prefix(origLower == "sept" ? 4 : 3))
                    if origLower == "sept" && nm != 9 { name = String(full.prefix(3)) }
                    repl = Self.applyCase(Array(name.utf8), like: original)
                } else {
                    repl = Array(String(nm).utf8)
                    if original.count == 2 && repl.count == 1 { repl.insert(0x30, at: 0) }
                }
            case .day:
                repl = Array(String(nd).utf8)
                if original.count == 2 && repl.count == 1 { repl.insert(0x30, at: 0) }
                // Ordinal suffix right after the day.
                let after = p.range.upperBound
                if after + 1 < text.count + 0, after + 2 <= text.count {
                    let sfx = String(decoding: text[after..<(after + 2)], as: UTF8.self).lowercased()
                    if ["st", "nd", "rd", "th"].contains(sfx) && (after + 2 == text.count || (text[after + 2] | 0x20) &- 0x61 >= 26) {
                        let newSfx = Self.ordinal(nd)
                        out.replaceSubrange(after..<(after + 2), with: Self.applyCase(Array(newSfx.utf8), like: Array(text[after..<(after + 2)])))
                    }
                }
            }
            out.replaceSubrange(p.range, with: repl)
        }
        if let w = weekday {
            // Before every part, so its range is still valid. Full names stay full, abbreviations become three letters.
            let index = ((w.index + days) % 7 + 7) % 7
            let original = Array(text[w.range])
            let full = Self.weekdays[index]
            let name = Self.weekdays.contains(String(decoding: original, as: UTF8.self).lowercased()) ? full : String(full.prefix(3))
            out.replaceSubrange(w.range, with: Self.applyCase(Array(name.utf8), like: original))
        }
        return out
    }

    /// Holidays, month ranges, day ranges inside one month and ordinal days alone: `.some(shifted)`, or `.some(nil)`
    /// for a form read but not writable after the shift (a day range the shift splits over two months); nil for
    /// anything else.
    private func shiftSpecial(_ text: [UInt8], sig: [(Range<Int>, Character)], days: Int) -> [UInt8]?? {
        func word(_ r: Range<Int>) -> String { String(decoding: text[r], as: UTF8.self).lowercased() }
        func value(_ r: Range<Int>) -> Int { r.reduce(0) { $0 * 10 + Int(text[$1] - 0x30) } }
        func monthOf(_ r: Range<Int>) -> Int? {
            let w = word(r)
            guard w.count >= 3 else { return nil }
            for (k, name) in Self.monthNames.enumerated() where name.hasPrefix(w) || (w == "sept" && k == 8) { return k + 1 }
            return nil
        }
        let alpha = sig.filter { $0.1 == "a" }
        let digits = sig.filter { $0.1 == "d" }
        // A named holiday without a year ("Christmas", "Boxing Day", "Independence Day", "Easter"): written as the
        // shifted day and month ("30 Nov" in en-AU, "Nov 30" in en-US), in the holiday's case. With a year
        // ("Christmas 2024") the year alone moves (year precision, below).
        if digits.isEmpty, !alpha.isEmpty, let h = lists.holiday(alpha.map { word($0.0) }.filter { $0 != "s" }) {
            let (ny, nm, nd) = Self.civil(Self.daysFromCivil(2001, h.month, h.day) + days)
            _ = ny
            let month = String(Self.monthNames[nm - 1].prefix(1).uppercased() + Self.monthNames[nm - 1].dropFirst().prefix(2))
            let written = locale == .enAU ? "\(nd) \(month)" : "\(month) \(nd)"
            let like = Array(text[alpha[0].0])
            let allUpper = alpha.allSatisfy { r in text[r.0].allSatisfy { $0 &- 0x41 < 26 } } && like.count > 1
            let lowerAll = text[alpha[0].0].first.map { $0 &- 0x61 < 26 } ?? false
            var out = Array(written.utf8)
            if allUpper { out = out.map { $0 &- 0x61 < 26 ? $0 & ~0x20 : $0 } } else if lowerAll { out = out.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 } }
            return out
        }
        // Month ranges ("Jun-Aug 2024", "June/July", "Dec 2024-Jan 2025"): every month moves by the same whole months.
        let months = alpha.filter { monthOf($0.0) != nil }
        if months.count >= 2, alpha.allSatisfy({ monthOf($0.0) != nil || words[.monthQualifiers].contains(word($0.0)) }),
            digits.allSatisfy({ $0.0.count == 4 }), let firstMonth = months.first, sig.first.map({ $0.0 == firstMonth.0 || $0.1 == "a" }) ?? false
        {
            let shiftMonths = max(1, (abs(days) + 15) / 30) * (days < 0 ? -1 : 1)
            // The year of each month: the first year written after it (else 2001, unused).
            var edits: [(Range<Int>, [UInt8])] = []
            for (k, run) in sig.enumerated() where run.1 == "a" {
                guard let m = monthOf(run.0) else { continue }
                let yRun = sig[(k + 1)...].first { $0.1 == "d" }
                let y = yRun.map { value($0.0) } ?? 2001
                guard (1800...2199).contains(y) else { return nil }
                let total = y * 12 + (m - 1) + shiftMonths
                let (ny, nm) = (total / 12, total % 12 + 1)
                let original = Array(text[run.0])
                let lower = word(run.0)
                var name = Self.monthNames.contains(lower) ? Self.monthNames[nm - 1] : String(Self.monthNames[nm - 1].prefix(3))
                if lower == "sept" && nm == 9 { name = "sept" }
                edits.append((run.0, Self.applyCase(Array(name.utf8), like: original)))
                // The year right after this month (with only non-month words between) is this month's year.
                if k + 1 < sig.count, sig[k + 1].1 == "d" { edits.append((sig[k + 1].0, Array(String(ny).utf8))) }
            }
            var out = text
            for (r, repl) in edits.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) { out.replaceSubrange(r, with: repl) }
            return out
        }
        // A day range inside one month ("3-5 June", "18-19 Oct 2025", "March 3-5, 2025"): both days move; the range
        // is written back only when it stays inside one month.
        if months.count == 1, alpha.count == 1, digits.count == 2 || digits.count == 3 {
            let dayRuns = digits.prefix(2)
            let yearRun = digits.count == 3 ? digits[2] : nil
            guard dayRuns.allSatisfy({ $0.0.count <= 2 }), yearRun.map({ $0.0.count == 4 }) ?? true else { return nil }
            // Days next to each other, the month before both or after both.
            let mRange = months[0].0
            guard (mRange.upperBound <= dayRuns.first!.0.lowerBound || mRange.lowerBound >= dayRuns.last!.0.upperBound),
                (yearRun?.0.lowerBound ?? Int.max) > max(mRange.upperBound, dayRuns.last!.0.upperBound)
            else { return nil }
            let between = text[dayRuns.first!.0.upperBound..<dayRuns.last!.0.lowerBound]
            guard between.allSatisfy({ $0 == 0x2D || $0 == 0x20 || $0 >= 0x80 }) else { return nil }
            guard let m = monthOf(mRange) else { return nil }
            let y = yearRun.map { value($0.0) } ?? 2001
            let d1 = value(dayRuns.first!.0), d2 = value(dayRuns.last!.0)
            guard d1 >= 1, d1 < d2, d2 <= Self.daysIn(m, y) else { return nil }
            let a = Self.civil(Self.daysFromCivil(y, m, d1) + days), z = Self.civil(Self.daysFromCivil(y, m, d2) + days)
            guard a.m == z.m, a.y == z.y else { return .some(nil) }
            let lower = word(mRange)
            let name = Self.monthNames.contains(lower) ? Self.monthNames[a.m - 1] : String(Self.monthNames[a.m - 1].prefix(3))
            var edits: [(Range<Int>, [UInt8])] = [
                (mRange, Self.applyCase(Array(name.utf8), like: Array(text[mRange]))),
                (dayRuns.first!.0, Self.padded(a.d, like: dayRuns.first!.0.count)),
                (dayRuns.last!.0, Self.padded(z.d, like: dayRuns.last!.0.count)),
            ]
            if let yr = yearRun { edits.append((yr.0, Array(String(a.y).utf8))) }
            var out = text
            for (r, repl) in edits.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) { out.replaceSubrange(r, with: repl) }
            return out
        }
        // An ordinal day alone ("12th", "the 3rd"): the month is not written, so the day moves inside a 31-day
        // reference month (intervals between days of one month are kept unless the shift crosses its end).
        if digits.count == 1, digits[0].0.count <= 2, alpha.count == 1 || (alpha.count == 2 && word(alpha[0].0) == "the"),
            let sfx = alpha.last, words[.ordinalSuffixes].contains(word(sfx.0)), sfx.0.lowerBound == digits[0].0.upperBound
        {
            let d = value(digits[0].0)
            guard (1...31).contains(d) else { return nil }
            let nd = ((d - 1 + days) % 31 + 31) % 31 + 1
            var out = text
            out.replaceSubrange(sfx.0, with: Self.applyCase(Array(Self.ordinal(nd).utf8), like: Array(text[sfx.0])))
            out.replaceSubrange(digits[0].0, with: Array(String(nd).utf8))
            return out
        }
        return nil
    }

    static func padded(_ v: Int, like width: Int) -> [UInt8] {
        var r = Array(String(v).utf8)
        while r.count < width { r.insert(0x30, at: 0) }
        return r
    }

    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// 0 for Monday ... 6 for Sunday: full names, three-letter abbreviations, `tues`, `weds`, `thur`, `thurs`.
    static func weekdayIndex(_ word: [UInt8]) -> Int? {
        let w = String(decoding: word, as: UTF8.self).lowercased()
        guard w.count >= 3 else { return nil }
        for (k, name) in weekdays.enumerated() where name == w || String(name.prefix(3)) == w { return k }
        switch w {
        case "tues": return 1
        case "weds": return 2
        case "thur", "thurs": return 3
        default: return nil
        }
    }

    static func ordinal(_ d: Int) -> String {
        if (11...13).contains(d % 100) { return "th" }
        switch d % 10 {
        case 1: return "st"
        case 2: return "nd"
        case 3: return "rd"
        default: return "th"
        }
    }

    /// `word` in the case style of `like`: ALL CAPS, Title or lower.
    static func applyCase(_ word: [UInt8], like: [UInt8]) -> [UInt8] {
        // The first letter of `like`, its number of letters and whether all are capitals, in one pass.
        var first: UInt8? = nil
        var letters = 0, upper = 0
        for c in like where (c | 0x20) &- 0x61 < 26 {
            if first == nil { first = c }
            letters += 1
            if c &- 0x41 < 26 { upper += 1 }
        }
        guard let first else { return word }
        let allUpper = letters > 1 && upper == letters
        let capitalFirst = first &- 0x41 < 26
        return [UInt8](unsafeUninitializedCapacity: word.count) { out, n in
            for (i, c) in word.enumerated() {
                if (c | 0x20) &- 0x61 >= 26 {
                    out[i] = c
                } else if allUpper || (i == 0 && capitalFirst) {
                    out[i] = c & ~0x20
                } else {
                    out[i] = c | 0x20
                }
            }
            n = word.count
        }
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    static func daysIn(_ m: Int, _ y: Int) -> Int {
        [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    }

    /// Days since 1970-01-01 (H. Hinnant's algorithm, proleptic Gregorian).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(_ z0: Int) -> (y: Int, m: Int, d: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
