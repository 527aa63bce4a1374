import MedTextCore

// Dates and ages beyond the core date shapes: compact dates of birth, ordinal days, day/month pairs after words and
// in ranges or lists, years after any word, month pairs, ages written around birth cues and pronouns.
// Each rule is out of line and behind a one-flag pre-test at its call site (DESIGN.md "PHI").

/// Single word keys of the date rules of this file.
/// Each key is the literal ``wordKey(_:)`` of the word in its comment (session 15, as ``K``): a `static let` cost a
/// lazy-global check (`swift_once`) at every read; `PHIWordKeyLiteralTests` recomputes every literal from its word.
enum DateKeys {
    @inline(__always) static var kings: UInt64 { 0x8e49878dc25c8aff }  // "kings"
    @inline(__always) static var three: UInt64 { 0x5a73f1720ca645a3 }  // "three"
}

extension PHIDetection {
    /// The day/month `span` reads as a duration in the Commonwealth notation (`3/12`, `5/7`, `2/52`), when the
    /// options read that notation (``PHIRecognizer/Options/dayMonthDurations``).
    /// Without that notation (US writers) a slash value after a duration preposition (`repeat in 3/12`, `x 5/7`) is
    /// still read as a duration, and `24/7` (round the clock) is never a date.
    @inline(__always) func durationNotation(_ span: TextSpan) -> Bool {
        PHIRecognizer.readsAsDuration(b, span, vocab, notation: options.dayMonthDurations)
    }

    /// `07/2023-10/2025`, `11/2025-12/2025`: a range of two month/year values is one DATE (GUIDELINE D4, decision of
    /// session 10), like a financial year.
    @inline(never) func monthYearRange(_ i: Int) -> Int? {
        func monthYear(_ k: Int) -> Bool {
            k + 2 < t.count && t[k].kind == .number && t[k].e - t[k].s <= 2 && (1...12).contains(intValue(k)) && punct(k + 1, 0x2F)
                && adjacent(k + 1) && adjacent(k + 2) && t[k + 2].kind == .number && t[k + 2].e - t[k + 2].s == 4
                && (1900...2099).contains(intValue(k + 2))
        }
        guard monthYear(i), i + 6 < t.count, punct(i + 3, 0x2D) || (t[i + 3].kind == .punctuation && b[t[i + 3].s] == 0xE2),
            adjacent(i + 3), adjacent(i + 4), monthYear(i + 4)
        else { return nil }
        let e = i + 7
        guard e >= t.count || !adjacent(e) || (t[e].kind == .punctuation && !punct(e, 0x2F) && !punct(e, 0x2D)) else { return nil }
        return e
    }

    /// `school 17-19/11/25`, `off work 3-5/6/2025`: a range of days written before a numeric day/month/year: one DATE with
    /// the date after it (GUIDELINE D1: a range inside one month is one span), so redaction leaves no `17-`.
    @inline(never) func dayRangeNumericDate(_ i: Int) -> Int? {
        guard dayRange(i), i + 4 < t.count, punct(i + 3, 0x2F), adjacent(i + 3), adjacent(i + 4), t[i + 4].kind == .number,
            t[i + 4].e - t[i + 4].s <= 2, (1...12).contains(intValue(i + 4))
        else { return nil }
        var e = i + 5
        if e + 1 < t.count && punct(e, 0x2F) && adjacent(e) && adjacent(e + 1) && t[e + 1].kind == .number
            && (t[e + 1].e - t[e + 1].s == 2 || t[e + 1].e - t[e + 1].s == 4)
        { e += 2 }
        // Not a fraction or a score run on ("1-2/10 pain"): the range is followed by a space, a line end or punctuation.
        if e < t.count && adjacent(e) && !(t[e].kind == .punctuation && !punct(e, 0x2F) && !punct(e, 0x2D)) { return nil }
        // Only with a year: "1-2/10" is a pain range, "3-4/5" a power grade.
        return e == i + 7 ? e : nil
    }

    /// `in December and January`, `Oct or Nov`: a month name alone after `and`/`or` that follows a month name (GUIDELINE
    /// D4: a month alone that dates an event): the second month of the pair. Capitalised, or lower case in a lower-case note.
    /// Session 17 (phitype): also after a comma in a bracketed list of up to three months (`this year (June, August)`,
    /// `(February, June, now)`), and after a month and its year (`(Feb 2026, April)`).
    @inline(never) func monthAfterMonthPair(_ i: Int) -> Bool {
        guard i >= 2, isWord(i), t[i].rb.contains(.monthName), t[i].key != K.may, cap(i) || lowerDoc, !t[i].nl,
            t[i - 1].key == K.and || t[i - 1].key == K.or || punct(i - 1, 0x2C)
        else { return false }
        var m = i - 2
        if punct(i - 1, 0x2C) && t[m].kind == .number && t[m].e - t[m].s == 4 && m >= 1 && !t[m].nl { m -= 1 }
        guard isWord(m), t[m].rb.contains(.monthName), t[m].key != K.may else { return false }
        if punct(i - 1, 0x2C) {
            // A listed month must be capitalised like the one before it, and the list of at most three months must open
            // a bracket: a recited run of months (`"December, November, September, ..."`, a cognitive test) dates nothing.
            guard cap(m) == cap(i) else { return false }
            var hops = 0
            while hops < 2 && m >= 2 && punct(m - 1, 0x2C) && isWord(m - 2) && t[m - 2].rb.contains(.monthName) && !t[m].nl {
                m -= 2
                hops += 1
            }
            guard m >= 1, punct(m - 1, 0x28) else { return false }
        }
        // "Oct and Nov 2025" is taken whole by the month-range and month-year shapes; here the month stands alone.
        return !(i + 1 < t.count && !t[i + 1].nl && t[i + 1].kind == .number)
    }
    /// `DOB: 14031958`, `DOB 19580314`: a date of birth written without separators (day-month-year,
    /// month-day-year or year-month-day, whichever is a valid date).
    @inline(never) mutating func compactBirthDate(_ i: Int) -> Int? {
        guard t[i].kind == .number, t[i].e - t[i].s == 8, i > 0, !t[i].nl else { return nil }
        var j = i - 1
        if punct(j, 0x3A) || punct(j, 0x2D) { j -= 1 }
        guard j >= 0, isWord(j) else { return nil }
        // Session 6: after another date label ("Specimen date 20250304", "Collected: 20250304") only year-month-day.
        let birth = inSet(.birthCues, t[j].key)
        guard birth || inSet(.dateLabels, t[j].key) else { return nil }
        guard i + 1 >= t.count || !adjacent(i + 1) || t[i + 1].kind == .punctuation else { return nil }
        var d: [Int] = []
        for c in t[i].s..<t[i].e { d.append(Int(b[c] &- 0x30)) }
        func n(_ a: Int, _ l: Int) -> Int { var v = 0; for k in a..<(a + l) { v = v * 10 + d[k] }; return v }
        let year4 = n(4, 4), yearFirst = n(0, 4)
        let dmy = (1900...2099).contains(year4) && (1...31).contains(n(0, 2)) && (1...12).contains(n(2, 2))
        let mdy = (1900...2099).contains(year4) && (1...12).contains(n(0, 2)) && (1...31).contains(n(2, 2))
        let ymd = (1900...2099).contains(yearFirst) && (1...12).contains(n(4, 2)) && (1...31).contains(n(6, 2))
        guard ymd || (birth && (dmy || mdy)) else { return nil }
        emit(.date, i, i + 1, priority: 4, score: 0.75, rule: birth ? "date-compact-birth" : "date-compact")
        return i + 1
    }

    /// "Cath on the\n16th showed", "starting the 12th": an ordinal day after "the" and a date cue, across a
    /// wrapped line, unless a noun follows that makes it a count ("on the 3rd day", "the 5th floor").
    @inline(never) mutating func ordinalDayAfterThe(_ i: Int) -> Int? {
        guard isWord(i), i >= 2, t[i - 1].key == K.the, !covered[i], ordinalDay(i),
            t[i - 2].key == K.on || t[i - 2].rb.contains(.dayMonthCue) || inSet(.ordinalCues, t[i - 2].key)
        else { return nil }
        if t[i - 1].nl && !softBreak(i - 1) { return nil }
        if t[i].nl && !softBreak(i) { return nil }
        if i + 1 < t.count && !t[i + 1].nl && isWord(i + 1) && inSet(.ordinalNouns, t[i + 1].key) { return nil }
        if i + 1 < t.count && !t[i + 1].nl && (t[i + 1].rb.contains(.monthName) || punct(i + 1, 0x2D)) { return nil }
        emit(.date, i, i + 1, priority: 4, score: 0.65, rule: "date-ordinal-day")
        return i + 1
    }

    /// "28/2 - 3/3", "3/14 to 3/17", "week of 10/3": the second day/month of a range between two dates (its own
    /// DATE, GUIDELINE D1) and a day/month after "week of".
    @inline(never) mutating func dayMonthAfterRangeOrWeek(_ i: Int) -> Int? {
        guard t[i].kind == .number, i >= 2, !t[i].nl, let e = dayMonth(i) else { return nil }
        var ok = false
        if (punct(i - 1, 0x2D) && !adjacent(i)) || t[i - 1].key == K.to {
            // The token before the dash ends a day/month or a full date.
            let k = i - 2
            ok = k >= 2 && t[k].kind == .number && punct(k - 1, 0x2F) && t[k - 2].kind == .number && !t[i - 1].nl
            // ... and a date rule took it ("Ratio 3/4 to 1/2" stays out).
            if ok {
                ok = false
                for c in found.reversed() where c.entity.type == .date && c.entity.span.end == t[k].e {
                    ok = true
                    break
                }
            }
        } else if t[i - 1].key == K.of && t[i - 2].key == K.week {
            ok = true
        } else if inSet(.approxWords, t[i - 1].key) {
            // "(approx 18/03)": an approximate date only in brackets ("approximately 8/10 in severity" is a score).
            ok = punct(e, 0x29) && i >= 2 && (punct(i - 2, 0x28) || (i >= 3 && punct(i - 3, 0x28)))
        }
        guard ok, !durationNotation(TextSpan(t[i].s, t[e - 1].e)) else { return nil }
        emit(.date, i, e, priority: 4, score: 0.7, rule: "date-day-month-range-end")
        return e
    }

    /// "the fourteenth of March", "Fourth of July", "first of June 2025": an ordinal word, "of" (optional) and a
    /// month name (and a year).
    @inline(never) mutating func ordinalWordDate(_ i: Int) -> Int? {
        guard isWord(i), inSet(.ordinalWords, t[i].key), i + 1 < t.count, !t[i + 1].nl else { return nil }
        var j = i + 1
        let of = t[j].key == K.of
        if of { j += 1 }
        guard j < t.count, !t[j].nl, isWord(j), t[j].rb.contains(.monthName), t[j].key != K.may || cap(j) else { return nil }
        var e = j + 1
        if punct(e, 0x2C) && e + 1 < t.count && t[e + 1].kind == .number && t[e + 1].e - t[e + 1].s == 4 { e += 1 }
        let year = e < t.count && !t[e].nl && t[e].kind == .number && t[e].e - t[e].s == 4 && (1900...2099).contains(intValue(e))
        if year { e += 1 } else if e > j + 1 { e -= 1 }
        // "first May then June": without "of", only before a year.
        guard of || year else { return nil }
        // "the" stays outside, as before an ordinal day ("on the [[14th]]").
        emit(.date, i, e, priority: 5, score: 0.7, rule: "date-ordinal-word")
        return e
    }

    /// A year after any word or label, not only after a year cue: `MI 2018, stented`, `CABG x3 2015;`, `Pap smear
    /// 2021 normal`, `Tetanus booster: 2017`. Clock times (`at 2015`, `2000 obs stable` at a line start), counts and
    /// lab values after their label (`EBL 2000`, `Plt 1950`), and numbers before a unit stay out. Years from 1900
    /// to 2039 only.
    @inline(never) func yearAfterWord(_ i: Int, _ v: Int) -> Bool {
        guard v <= 2039, i > 0, !t[i].nl || wrappedSentence(i), !streetFollows(i + 1) else { return false }  // "ADDRESS: 1908 QUARRY PKWY"
        var w = i - 1
        if punct(w, 0x3A) { w -= 1 }
        // "Married Ron (d. 2011)", "(b. 1950)": born and died, abbreviated; "Semester 1 2026", "Term 4 2025": a year
        // after a numbered part of the school or financial year.
        if w >= 1 && punct(w, 0x2E) && adjacent(w) && isWord(w - 1) && t[w - 1].e - t[w - 1].s == 1
            && (b[t[w - 1].s] | 0x20 == 0x62 || b[t[w - 1].s] | 0x20 == 0x64) && (w < 2 || punct(w - 2, 0x28) || punct(w - 2, 0x2C))
        { return true }
        if w >= 1 && t[w].kind == .number && t[w].e - t[w].s == 1 && isWord(w - 1) && inSet(.yearParts, t[w - 1].key)
            && !(i + 1 < t.count && !t[i + 1].nl && t[i + 1].kind == .number)
        { return true }
        // "CABG x3 2015": a multiplier before the year.
        if w >= 1 && t[w].kind == .number && adjacent(w) && t[w - 1].key == K.x { w -= 1 }
        // Session 15: "tetanus up to date (2022 booster)", "(2016 clinic letter)": a year opening a bracket before a
        // lower-case word that is no verb form ("(1945 settled)" is a clock time) and no unit (tested below).
        let opensBracket = w >= 0 && punct(w, 0x28) && adjacent(i) && i + 1 < t.count && !t[i + 1].nl && isWord(i + 1) && !cap(i + 1)
            && !t[i + 1].flags.contains(.hasDigit) && !verbForm(i + 1)
        // Session 15: "concussions: one, 2019, in junior hockey", "Bagram, 2011 at FOB Salerno": a year after a word and a
        // comma, before a comma, semicolon or bracket, or before `at`/`in` and a capitalised name.
        if !opensBracket && w >= 1 && punct(w, 0x2C) && !t[w].nl && isWord(w - 1) && !t[w - 1].flags.contains(.hasDigit)
            && i + 1 < t.count && !t[i + 1].nl
            && (punct(i + 1, 0x2C) || punct(i + 1, 0x3B) || punct(i + 1, 0x29)
                || ((t[i + 1].key == K.at || t[i + 1].key == K.in) && i + 2 < t.count && !t[i + 2].nl && cap(i + 2)))
        { w -= 1 }
        guard opensBracket || (w >= 0 && isWord(w)) else { return false }
        if !opensBracket {
            if t[w].rb.contains(.verbLabelPlaceWord) && inSet(.numberLabels, t[w].key) { return false }
            if inSet(.clockCues, t[w].key) || inSet(.timeWords, t[w].key) { return false }
        }
        // The next word is no unit, time word or clock separator ("2015 hrs", "2000 mL", "1930-2000").
        if i + 1 < t.count && !t[i + 1].nl {
            let n = t[i + 1]
            if isWord(i + 1) && (inSet(.timeWords, n.key) || (n.rb.contains(.auxWord) && inSet(.quantityUnits, n.key))
                || (n.rb.contains(.verbLabelPlaceWord) && inSet(.numberLabels, n.key)))
            { return false }
            // Decades ("the 1980s", "1950's") and compounds ("a 2000-calorie plan").
            if adjacent(i + 1) && (isWord(i + 1) || punct(i + 1, 0x27) || (punct(i + 1, 0x2D) && i + 2 < t.count && isWord(i + 2))) { return false }
            if adjacent(i + 1) && (punct(i + 1, 0x2D) || punct(i + 1, 0x3A) || punct(i + 1, 0x2F) || punct(i + 1, 0x2E)) && i + 2 < t.count
                && t[i + 2].kind == .number
            { return false }
            if n.kind == .number { return false }
        }
        return true
    }

    /// `1990s`, `1950's` at number token i: a decade of 1900-2090 with its `s`; the end, or nil. Not before a hyphen
    /// or another word character (`1990s-era` is still a decade; `2000s3` is no word).
    @inline(never) func decade(_ i: Int) -> Int? {
        let v = intValue(i)
        guard (1900...2090).contains(v), v % 10 == 0 else { return nil }
        var e = i + 1
        if punct(e, 0x27) && e + 1 < t.count && adjacent(e + 1) { e += 1 }
        guard e < t.count, isWord(e), t[e].e - t[e].s == 1, b[t[e].s] | 0x20 == 0x73 else {
            // "'s" as one token.
            guard t[i + 1].key == K.apostropheS else { return nil }
            return i + 2
        }
        e += 1
        if e < t.count && adjacent(e) && !(t[e].kind == .punctuation) { return nil }
        return e
    }

    /// `the Christmas bazaar on 12 Dec`: the holiday ending before token k names an event (`holiday_event_nouns`) that
    /// carries its own date within the next six tokens of the line (a number or a month name), so the holiday is part of
    /// the event's name, not a DATE (GUIDELINE D4, decision of session 10). Without a date (`the Christmas party`) it stays.
    @inline(never) func holidayNamesADatedEvent(_ k: Int) -> Bool {
        guard k < t.count, !t[k].nl, isWord(k), inSet(.holidayEventNouns, t[k].base) else { return false }
        var j = k + 1
        while j < t.count && j <= k + 6 && !t[j].nl {
            if t[j].kind == .number || (isWord(j) && t[j].rb.contains(.monthName) && t[j].key != K.may) { return true }
            if punct(j, 0x2E) || punct(j, 0x3B) { return false }
            j += 1
        }
        return false
    }

    /// Token i starts a line that continues a wrapped sentence: the line before ends in a lower-case word (no full stop,
    /// colon or label) and a lower-case word or closing punctuation follows on this line (`Last colonoscopy was` /
    /// `2014 at Fiona Stanley`). Lists, headers and address lines start otherwise.
    @inline(never) func wrappedSentence(_ i: Int) -> Bool {
        guard i > 0, isWord(i - 1), !cap(i - 1), !t[i - 1].flags.contains(.hasDigit), i + 1 < t.count, !t[i + 1].nl else { return false }
        // One line break, no blank line between ("cna ro" / "" / "1915 rec'd pt" is a log entry's clock time).
        var breaks = 0
        for c in t[i - 1].e..<t[i].s where b[c] == 0x0A { breaks += 1 }
        guard breaks == 1 else { return false }
        let n = t[i + 1]
        if isWord(i + 1) {
            let k = n.key
            return !cap(i + 1) && !adjacent(i + 1)
                && (k == K.at || k == K.in || k == K.on || k == K.and || k == K.with || k == K.to || k == K.for || k == K.by)
        }
        return n.kind == .punctuation && (punct(i + 1, 0x2E) || punct(i + 1, 0x2C) || punct(i + 1, 0x3B) || punct(i + 1, 0x29))
    }

    /// `EGD 1/27.`, `bed avail 12/18`, `last a1c there 8/24`, `dictated 13/3, typed 14/3`: a day/month (or month/year)
    /// after any word, when neither the word before nor the word after makes it a fraction, score, dose, strength or
    /// interval (`pain 7/10`, `power 4/5`, `1/2 tab`, `PO 4/24 PRN`, `2/3 of`, `3/6 murmur`); durations (`/7`, `/12`,
    /// `/52`) stay out as before.
    @inline(never) func dayMonthAfterWord(_ i: Int) -> Int? {
        // After a word, a comma or bracket ("visited yesterday evening, 10/13.", "(pulmonology) 9/30;") or a clock time
        // ("PHONE 06:30 17/5", "ETA 8/10 01:40" is taken with its time by the date-time rule).
        guard i > 0 else { return nil }
        let prevOK = isWord(i - 1) || punct(i - 1, 0x2C) || punct(i - 1, 0x29) || (t[i - 1].kind == .number && punct(i - 2, 0x3A) && adjacent(i - 1))
            // Session 14: "22/09    29/09    06/10": the next column of a row of dates.
            || (t[i - 1].kind == .number && punct(i - 2, 0x2F) && dateEndsAt(t[i - 1].e))
            // Session 14: "(22/03, order no. ...)": a zero-padded day/month after an opening bracket.
            || (punct(i - 1, 0x28) && i + 2 < t.count && (zeroPadded(i) || zeroPadded(i + 2)))
        guard !t[i].nl, prevOK, !adjacent(i) || punct(i - 1, 0x28), let e = dayMonth(i),
            !durationNotation(TextSpan(t[i].s, t[e - 1].e)), !streetFollows(e)
        else { return nil }
        // Session 14: "missed 20/03 dose", "(22/03, order no. ...)": a day or month written with a leading zero is a date,
        // whatever word is around it (scores, doses and counts are not zero-padded).
        if (zeroPadded(i) || zeroPadded(i + 2)) && !(e < t.count && !t[e].nl && adjacent(e) && t[e].kind != .punctuation) { return e }
        if outOfTenRun(i) { return nil }
        // Session 6: "seen 14/3, 21/3 and 28/3": the next day/month of a list of dates; "follow up 1/5".
        if (dateListBefore(i) || followUpBefore(i)) && !(e < t.count && adjacent(e) && t[e].kind != .punctuation) { return e }
        if isWord(i - 1) && t[i - 1].flags.contains(.hasDigit) { return nil }  // "5mg 4/24", "x2 1/2"
        // Without the duration notation (US writers), a /7 or /12 value after an article or possessive is a size or a part
        // ("the 10/12 subxiphoid port"), not a date.
        if !options.dayMonthDurations && isWord(i - 1) && inSet(.determiners, t[i - 1].key)
            && PHIRecognizer.isDuration(b, TextSpan(t[i].s, t[e - 1].e), vocab)
        { return nil }
        // Scores and grades: equal parts ("Pupils 3/3", "5/5"), out of 4, 5, 6 or 10 ("2/4 pulses", "4/5 power", "3/6
        // murmur", "pain 7/10"); and no calendar day in either reading ("RV 31/9").
        let a = intValue(i), c = intValue(i + 2)
        // "repositioned 2/24": two-hourly in the duration notation (off for US writers: "last a1c there 8/24").
        if a == c || ((c == 4 || c == 5 || c == 6) && a <= c) || (c == 24 && options.dayMonthDurations) { return nil }
        // After a comma or bracket a score is as likely as a date ("5/5 proximally, 5/4 @ elbow", "pain, 6/10 for");
        // session 6: a day after a comma is more than ten out of ten ("Mackay Radiology, 13/10."); "5/4 at the elbow" stays out.
        // A clock time before the day/month is no such context ("BY PHONE 06:30 17/5").
        if !isWord(i - 1) && t[i - 1].kind != .number && (c == 4 || c == 5 || c == 6 || c == 10) && (a <= c || c != 10) { return nil }
        let monthDays = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        if !((c <= 12 && a <= monthDays[c - 1]) || (a <= 12 && c <= monthDays[a - 1])) { return nil }
        // "on the evening of 27/2", "the night of 3/4": `of` after a part of the day dates what follows.
        if i >= 2 && t[i - 1].key == K.of && isWord(i - 2) && inSet(.partsOfDay, t[i - 2].key) { return e }
        if (t[i - 1].rb.contains(.fractionWord) && inSet(.fractionBefore, t[i - 1].key))
            || (t[i - 1].rb.contains(.verbLabelPlaceWord) && inSet(.numberLabels, t[i - 1].key))
        { return nil }
        if isWord(i - 1) && t[i - 1].e - t[i - 1].s == 1 { return nil }  // "x 1/2", "a 1/2"
        // Session 16: "apple, 1/2 tuna salad", "day 3 fluclox IV, 1/2 the erythema": a half, third or quarter before a
        // lower-case word is a fraction; a date word before it (`on 1/2 the ...`) is read by the date-word rule.
        if a == 1 && (2...4).contains(c) && e < t.count && !t[e].nl && isWord(e) && b[t[e].s] &- 0x61 < 26
            && !t[i - 1].rb.contains(.dayMonthCue)
        { return nil }
        // Session 14: "chest pain along the seatbelt line 6/10", "Pain with debridement 4/10": a score out of ten after
        // the word `pain` earlier in the clause (at most eight tokens, no sentence or clause end between).
        // A date word right before keeps the date ("pain since 4/10", "pain worse on 2/10").
        if c == 10 && a <= 10 && !t[i - 1].rb.contains(.yearCue) && t[i - 1].key != K.on && painEarlierInClause(i) { return nil }
        if e < t.count && !t[e].nl {
            if adjacent(e) && !(t[e].kind == .punctuation && (punct(e, 0x2E) || punct(e, 0x2C) || punct(e, 0x3B) || punct(e, 0x29) || punct(e, 0x3A))) {
                return nil
            }
            if isWord(e) && ((t[e].rb.contains(.fractionWord) && inSet(.fractionAfter, t[e].key))
                || (t[e].rb.contains(.auxWord) && inSet(.quantityUnits, t[e].key)))
            { return nil }
            if punct(e, 0x2B) || punct(e, 0x25) { return nil }
        }
        return e
    }

    /// Session 14: number token k has two digits and a leading zero (`03`, `09`).
    @inline(__always) func zeroPadded(_ k: Int) -> Bool { t[k].e - t[k].s == 2 && b[t[k].s] == 0x30 }

    /// Session 14: a DATE found just before ends at byte `end` (the previous column of a row of dates).
    @inline(never) func dateEndsAt(_ end: Int) -> Bool {
        for c in found.reversed().prefix(4) where c.entity.type == .date && c.entity.span.end == end { return true }
        return false
    }

    /// Session 14: the word `pain` at most eight tokens before token i on its line, with no `.`, `;`, `:` or `,` between.
    @inline(never) func painEarlierInClause(_ i: Int) -> Bool {
        var k = i - 1
        var n = 0
        while k >= 0 && n < 8 {
            if t[k].kind == .punctuation && (punct(k, 0x2E) || punct(k, 0x3B) || punct(k, 0x3A) || punct(k, 0x2C)) { return false }
            if t[k].key == K.pain { return true }
            if t[k].nl { return false }
            k -= 1
            n += 1
        }
        return false
    }

    /// Ages in header and aside shapes (GUIDELINE A1, the number only): `38Y / F`, `F 27 y`, `in his 70s`,
    /// `DOB 30 Jul 2009 (15)`. The rule id, or nil.
    @inline(never) func ageShape(_ i: Int) -> String? {
        guard ageNumber(i), i + 1 < t.count else { return nil }
        let n = t[i + 1]
        // "38Y / F", "27 y UR", "F 27 y": a y or Y right after the number, then a slash, a sex letter, a capitalised
        // field or the line end.
        if isWord(i + 1), !n.nl, n.e - n.s == 1, b[n.s] | 0x20 == 0x79 {
            let sexBefore = i > 0 && !t[i].nl && isWord(i - 1) && t[i - 1].e - t[i - 1].s == 1 && (t[i - 1].key == AgeKeys.m || t[i - 1].key == AgeKeys.f)
            let k = i + 2
            let fieldAfter = k >= t.count || t[k].nl || punct(k, 0x2F) || punct(k, 0x2C) || punct(k, 0x29)
                || (isWord(k) && t[k].flags.contains(.allUpper))
            // Session 18 (phiage): "Donor: 34 y M": a sex letter after; "Mother 31 y,", "Selin Demirci, 34 y,": a relative
            // or a person found in the note right before the number.
            let personBefore = i >= 1 && !t[i].nl
                && ((isWord(i - 1) && inSet(.kinship, t[i - 1].base)) || (i >= 2 && punct(i - 1, 0x2C) && named[i - 2]))
            if fieldAfter && (sexBefore || b[n.s] == 0x59 || punct(k, 0x2F) || sexLetter(k) || personBefore) {
                return "age-header"
            }
        }
        // "DOB 09/10/1949   75 yrs", "DOB / AGE   09-02-1987 / 38": an age after a date of birth on the same line.
        // Session 18 (phiage): not the days of a gestation written as a fraction (`GA at birth 28 2/7 weeks`).
        if (isWord(i + 1) && !n.nl && inSet(.ageUnits, n.key) && !(punct(i - 1, 0x2F) && adjacent(i)))
            || (punct(i - 1, 0x2F) && !adjacent(i) && i >= 2 && t[i - 2].kind == .number)
        {
            if birthCueBefore(i - 1, within: 12) { return "age-after-birth-date" }
        }
        // "in his 70s", "in her early 80s": a decade of life after a possessive.
        if isWord(i + 1), adjacent(i + 1), n.e - n.s == 1, b[n.s] | 0x20 == 0x73, t[i].e - t[i].s == 2, b[t[i].s + 1] == 0x30, i >= 2 {
            var k = i - 1
            if isWord(k) && (inSet(.decadeQualifiers, t[k].key)) { k -= 1 }
            if k >= 1, isWord(k), inSet(.possessives, t[k].key), t[k - 1].key == K.in { return "age-decade" }
        }
        // "DOB 30 Jul 2009 (15)": a bracketed number after a date of birth on the same line.
        if punct(i - 1, 0x28), punct(i + 1, 0x29), i >= 2, t[i - 2].kind == .number || t[i - 2].rb.contains(.monthName) {
            if birthCueBefore(i - 2, within: 10) { return "age-after-birth-date" }
        }
        return nil
    }

    /// Whether a date-of-birth cue (`DOB`, `born`, ...) stands among the `within` tokens before
    /// `start` on its line (an age after a date of birth: `DOB 09/10/1949   75 yrs`).
    func birthCueBefore(_ start: Int, within: Int) -> Bool {
        var k = start
        var steps = 0
        while k > 0 && !t[k].nl && steps < within {
            k -= 1
            steps += 1
            if isWord(k) && inSet(.birthCues, t[k].key) { return true }
        }
        return false
    }

    /// `June/July`, `Jun-Jul` (a month pair) and `March of 2022` (a month of a year): one DATE.
    @inline(never) func monthPairOrMonthOfYear(_ i: Int) -> Int? {
        guard i + 2 < t.count, !t[i + 1].nl, cap(i) || capsDoc || t[i].e - t[i].s >= 4 else { return nil }
        if (punct(i + 1, 0x2F)) && adjacent(i + 1) && adjacent(i + 2) && t[i + 2].rb.contains(.monthName) && isWord(i + 2) {
            // "April/May 2025": the year belongs to the pair.
            return yearAfter(i + 3) ?? i + 3
        }
        if t[i + 1].key == K.of, t[i + 2].kind == .number, t[i + 2].e - t[i + 2].s == 4, !t[i + 2].nl, (1900...2099).contains(intValue(i + 2)),
            t[i].key != K.may || cap(i)
        {
            return i + 3
        }
        return nil
    }

    /// "He is 58, ...": ``pronounAge(_:)`` after "is"/"was", emitted as AGE.
    @inline(never) mutating func pronounAgeAt(_ i: Int) -> Int? {
        guard t[i - 1].key == K.is || t[i - 1].key == K.was, pronounAge(i) else { return nil }
        emitAgeToken(i, rule: "age-pronoun")
        return i + 1
    }

    /// Token i follows "and", "or", "&" or a comma right after a DATE this walk emitted ("14/3, 21/3 and 28/3").
    @inline(never) func dateListBefore(_ i: Int) -> Bool {
        guard i >= 2, !t[i].nl else { return false }
        let k = i - 1
        guard punct(k, 0x2C) || punct(k, 0x26) || t[k].key == K.and || t[k].key == K.or, !t[k].nl else { return false }
        let end = t[k - 1].e
        for c in found.reversed().prefix(4) where c.entity.type == .date && c.entity.span.end == end { return true }
        return false
    }

    /// "He is 58, a bus operator", "She was 84 and ...": a number of years after "he/she is/was" that ends the
    /// clause (a comma, full stop, semicolon or "and" follows; "He is 5 days post-op" stays out).
    @inline(never) func pronounAge(_ i: Int) -> Bool {
        guard !t[i].nl, !t[i - 1].nl, t[i].e - t[i].s <= 3, t[i - 2].key == K.he || t[i - 2].key == K.she else { return false }
        let v = intValue(i)
        guard (2...115).contains(v) else { return false }
        guard i + 1 < t.count, !t[i + 1].nl, !adjacent(i + 1) || t[i + 1].kind == .punctuation else { return i + 1 >= t.count }
        return punct(i + 1, 0x2C) || (punct(i + 1, 0x2E) && (i + 2 >= t.count || !adjacent(i + 2))) || punct(i + 1, 0x3B)
            || t[i + 1].key == K.and
    }

    /// "follow up 1/5", "Follow-up 1/5": token i - 1 is "up" after "follow" (a hyphen between allowed).
    @inline(never) func followUpBefore(_ i: Int) -> Bool {
        guard i > 1, !t[i].nl, !t[i - 1].nl, t[i - 1].key == K.up else { return false }
        if t[i - 2].key == K.follow { return true }
        return i > 2 && punct(i - 2, 0x2D) && t[i - 3].key == K.follow
    }

    /// "next review Feb.": the month at token i follows a date label on its line (not "May").
    /// Session 13: "the australia day long weekend", "over boxing day": a lower-case holiday word and its lower-case `day`
    /// or `eve` (`holiday_last`, no weekday: "a good sunday") in a mixed-case note. Not `new` (its own test) and not
    /// `good` ("a good day").
    @inline(never) func lowerHolidayPair(_ i: Int) -> Bool {
        guard !cap(i), t[i].key != K.new, i + 1 < t.count, !t[i + 1].nl, isWord(i + 1), !cap(i + 1),
            !t[i + 1].rb.contains(.weekday), inSet(.holidayLast, t[i + 1].key)
        else { return false }
        let s = t[i].s
        return !(t[i].e - s == 4 && b[s] | 0x20 == 0x67 && b[s + 1] | 0x20 == 0x6F && b[s + 2] | 0x20 == 0x6F && b[s + 3] | 0x20 == 0x64)
    }

    /// Session 13: "weight down since jan.", "off work until nov": a three-letter lower-case month after a month cue
    /// (`month_alone_cues`), ending the clause.
    @inline(never) func lowerMonthAbbreviationAfterCue(_ i: Int) -> Bool {
        t[i].e - t[i].s == 3 && !cap(i) && t[i].key != K.may && !t[i].nl && isWord(i - 1) && inSet(.monthAloneCues, t[i - 1].key)
            && clauseEndAfter(i)
    }

    /// Session 13: "retinal photos September (Dr ...)", "gout (last flare June)", "respite in place Nov.", "met via an app,
    /// January, in ...": a capitalised month after a lower-case word or a comma on its line, before a clause end or a
    /// bracket, dates an event (GUIDELINE D4). Not the months that are also given names (April, June, August, Jan; May
    /// has its own test), not in capitals and not in an ALL-CAPS note.
    @inline(never) func monthEndingAClause(_ i: Int) -> Bool {
        // ("fields and OCT.", "from MAR,": capitals are a test or a record, no month.)
        guard cap(i), !capsDoc, !t[i].flags.contains(.allUpper), !t[i].nl, t[i].key != K.may, !monthAlsoGivenName(i),
            (isWord(i - 1) && !cap(i - 1) && !t[i - 1].flags.contains(.hasDigit)) || punct(i - 1, 0x2C)
        else { return false }
        // "naming the months backwards: December, November, September": a list of months dates nothing.
        if punct(i - 1, 0x2C) && ((i >= 2 && t[i - 2].rb.contains(.monthName)) || (punct(i + 1, 0x2C) && i + 2 < t.count && t[i + 2].rb.contains(.monthName))) {
            return false
        }
        return clauseEndAfter(i) || (punct(i + 1, 0x28) && !adjacent(i + 1))
    }

    /// Session 15: "contact resumed october, first visit", "metformin (started by gp august)": a full month name in lower
    /// case after a lower-case word, before a clause end or a closing bracket, dates an event (GUIDELINE D4); in an
    /// all-lower-case note not the months that are also given names. Not `may` or `march` (verbs), not in an ALL-CAPS
    /// note. And "gout (last flare June)", "last worked June for ...": a month that is also a given name two words after
    /// `last`, when no capitalised word follows ("last saw June Baxter" is a person).
    @inline(never) func lowerOrLastMonth(_ i: Int) -> Bool {
        guard i >= 2, !t[i].nl, !capsDoc, t[i].key != K.may, t[i].key != K.march, isWord(i - 1), !cap(i - 1),
            !t[i - 1].flags.contains(.hasDigit)
        else { return false }
        if !cap(i) {
            guard t[i].e - t[i].s >= 4, !(lowerDoc && monthAlsoGivenName(i)) else { return false }
            return clauseEndAfter(i)
        }
        guard monthAlsoGivenName(i), !t[i].flags.contains(.allUpper), !t[i - 1].nl, t[i - 2].key == K.last else { return false }
        return !(i + 1 < t.count && !t[i + 1].nl && isWord(i + 1) && cap(i + 1))
    }

    /// The token after i ends a clause: a line end, the text's end, or `.`, `,`, `;`, `)` straight after it (not a
    /// decimal point or an abbreviation's full stop before a number: "Nov. 3").
    @inline(__always) func clauseEndAfter(_ i: Int) -> Bool {
        let k = i + 1
        if k >= t.count || t[k].nl { return true }
        guard adjacent(k), punct(k, 0x2E) || punct(k, 0x2C) || punct(k, 0x3B) || punct(k, 0x29) else { return false }
        return k + 1 >= t.count || t[k + 1].nl || t[k + 1].kind != .number
    }

    /// April, June, August and Jan are given names as often as months.
    @inline(__always) func monthAlsoGivenName(_ i: Int) -> Bool {
        let s = t[i].s, n = t[i].e - s
        let a = b[s] | 0x20, c = b[s + 1] | 0x20
        return (n == 5 && a == 0x61 && c == 0x70) || (n == 4 && a == 0x6A && c == 0x75 && b[s + 2] | 0x20 == 0x6E)
            || (n == 6 && a == 0x61 && c == 0x75) || (n == 3 && a == 0x6A && c == 0x61)
    }

    @inline(never) func monthAfterDateLabel(_ i: Int) -> Bool {
        t[i].key != K.may && !t[i].nl && inSet(.dateLabels, t[i - 1].key)
    }

    /// "24/12-2/1", "28/2-3/3", "12/28-1/3": two day/months in different months read in one order (day first or month
    /// first), the second one to three months after the first (over the new year too), form one range (GUIDELINE D1).
    /// Not after a fraction or dose word, before a unit, or when both halves are proper fractions (`1/2-3/4 tab`,
    /// `1/4-3/8 inch`).
    @inline(never) func crossMonthRange(_ i: Int, _ e2: Int, _ a: Int, _ c: Int, _ x: Int, _ z: Int) -> Bool {
        if a < c && x < z && c <= 8 && z <= 8 { return false }
        if i > 0 && !t[i].nl && inSet(.fractionBefore, t[i - 1].key) { return false }
        if e2 < t.count && !t[e2].nl && inSet(.fractionAfter, t[e2].key) { return false }
        func forward(_ d1: Int, _ m1: Int, _ d2: Int, _ m2: Int) -> Bool {
            guard (1...31).contains(d1), (1...12).contains(m1), (1...31).contains(d2), (1...12).contains(m2), m1 != m2 else { return false }
            return (1...3).contains((m2 - m1 + 12) % 12)
        }
        return forward(a, c, x, z) || forward(c, a, z, x)
    }
}

extension PHIDetection {
    /// "Diagnosed ~2010.", "c. 2010,": a year (the caller checked 1900-2099) right after `~` or `c.` and before a clause
    /// end, so that an approximate count (`~2000 mL`, `~1900 steps`) stays out.
    @inline(never) func approximateYear(_ i: Int) -> Bool {
        guard i >= 1, !t[i].nl, i + 1 >= t.count || t[i + 1].nl || t[i + 1].kind == .punctuation else { return false }
        if punct(i - 1, 0x7E) && adjacent(i) { return true }
        return i >= 2 && punct(i - 1, 0x2E) && adjacent(i - 1) && !t[i - 1].nl && isWord(i - 2) && t[i - 2].e - t[i - 2].s == 1
            && b[t[i - 2].s] | 0x20 == 0x63 && (i < 3 || t[i - 2].nl || !adjacent(i - 2))
    }
}

extension PHIDetection {
    /// An en dash (U+2013) token at `k`.
    @inline(__always) func enDash(_ k: Int) -> Bool {
        k >= 0 && k < t.count && t[k].e - t[k].s == 3 && b[t[k].s] == 0xE2 && b[t[k].s + 1] == 0x80 && b[t[k].s + 2] == 0x93
    }

    /// "born in the year of the dog, around 1934": a life event (`year_event_words`) earlier in the clause before the
    /// approximation cue at `cue` makes the number after it a year, not a clock time (`settled around 1930` stays a
    /// time only without such a word: `became agitated around 1930`). Looks back at most twelve tokens on the line and
    /// stops at a full stop, semicolon or colon.
    @inline(never) func yearEventBefore(_ cue: Int) -> Bool {
        var k = cue - 1
        var n = 0
        while k >= 0 && n < 12 {
            if punct(k, 0x2E) || punct(k, 0x3B) || punct(k, 0x3A) { return false }
            if isWord(k) && (inSet(.yearEventWords, t[k].key) || inSet(.yearEventWords, t[k].base)) { return true }
            if t[k].nl { return false }
            k -= 1
            n += 1
        }
        return false
    }
}


// MARK: session 17 (phitype): standards' years, bracketed month lists, bare handles, belongings codes

extension PHIDetection {
    /// Session 17 (phitype): `this year (June, August)`, `(February, June, now)`: a capitalised month right after an
    /// opening bracket and before a comma is a DATE when the list goes on with another month or a year.
    @inline(never) func monthOpensBracketList(_ i: Int) -> Bool {
        guard i + 2 < t.count, punct(i + 1, 0x2C), !t[i + 2].nl else { return false }
        let n = t[i + 2]
        return (n.kind == .word && n.rb.contains(.monthName) && n.key != K.may && cap(i + 2))
            || (n.kind == .number && n.e - n.s == 4 && (1900...2039).contains(intValue(i + 2)))
    }

    /// Session 17 (phitype): a year that names an Act or the edition of a standard, guideline or criteria set is no
    /// DATE (GUIDELINE D3: `a year used as a model or standard name`): `Coroners Act 2009 (NSW)`, `MENTAL HEALTH ACT
    /// 2014`; an acronym before the year and a standard word (`standard_words`) within four tokens after it
    /// (`AASM 2012 respiratory rules`, `WHO 2021 reference values`, `ACG 2025 Crohn's guideline`); a capitalised
    /// standard word within three words before it (`ADA Standards of Care 2026`, `Beers Criteria 2023`).
    @inline(never) func yearNamesStandard(_ i: Int) -> Bool {
        guard i >= 2, !t[i].nl else { return false }
        let p = i - 1
        guard isWord(p) else { return false }
        // "Act" capitalised after a capitalised word ("Coroners Act"), or all lower case in a lower-case note.
        if t[p].key == K.act && !t[p].nl && isWord(p - 1) && ((cap(p) && cap(p - 1)) || lowerDoc) { return true }
        // An acronym in a mixed-case note ("AASM", "WHO", "ACG") and a standard word after the year.
        let len = t[p].e - t[p].s
        if t[p].flags.contains(.allUpper) && !capsDoc && (2...6).contains(len) && !t[p].flags.contains(.hasDigit) {
            var k = i + 1
            var n = 0
            while k < t.count && !t[k].nl && n < 4 {
                if isWord(k) && inSet(.standardWords, t[k].key) { return true }
                k += 1
                n += 1
            }
        }
        // A capitalised standard word up to three words before the year, on its line.
        var k = p
        var n = 0
        while k >= 0 && n < 3 {
            if isWord(k) && (cap(k) || capsDoc) && inSet(.standardWords, t[k].key) { return true }
            if t[k].nl || !(isWord(k)) { break }
            k -= 1
            n += 1
        }
        return false
    }

    /// Session 17 (phitype): `app handle given for notification: benjy_nc88`, `(handle nt_ryno88)`, `username
    /// izzy.rows.10`: a user name written without its `@` after a handle cue (`handle_cues`) earlier on the line is an
    /// ID like an `@` handle (GUIDELINE §2). Called at the first token with a digit; the value is the run of letters,
    /// digits, `_` and inner `.` around it, after a space, with a `_` or `.` inside (a plain login such as `username
    /// pdlamini2` stays with the login rules), three to thirty characters, and not the local part of an e-mail.
    @inline(never) mutating func bareHandle(_ i: Int) -> Int? {
        func part(_ k: Int) -> Bool { isWord(k) || t[k].kind == .number || punct(k, 0x5F) || punct(k, 0x2E) }
        // The start: back over adjacent parts (none of them with a digit: this is the first digit of the value).
        var s = i
        while s > 0 && adjacent(s) && part(s - 1) && !t[s - 1].flags.contains(.hasDigit) && t[s - 1].kind != .number { s -= 1 }
        guard s > 0, !adjacent(s), isWord(s) || s == i, !punct(s, 0x2E), !punct(s, 0x5F) else { return nil }
        var e = i + 1
        while e < t.count && adjacent(e) && !t[e].nl && part(e)
            && !(punct(e, 0x2E) && (e + 1 >= t.count || !adjacent(e + 1) || !(isWord(e + 1) || t[e + 1].kind == .number)))
        { e += 1 }
        guard !(e < t.count && adjacent(e) && (punct(e, 0x40) || t[e].kind == .symbol || punct(e, 0x2F) || punct(e, 0x2D))) else { return nil }
        var marks = false, letters = 0, len = 0
        for k in s..<e {
            len += t[k].e - t[k].s
            if punct(k, 0x5F) || punct(k, 0x2E) { marks = true }
            if isWord(k) { letters += 1 }
        }
        // A login without a mark (`username pdlamini2`) is left to the login rules (a clinician's NAME).
        guard (3...30).contains(len), marks, letters > 0 else { return nil }
        guard handleCueBefore(s, wrapped: false) else { return nil }
        emit(.id, s, e, priority: 4, score: 0.7, rule: "id-bare-handle")
        return e
    }

    /// Session 17 (phitype): `property bag WH-0977`, `belongings bag MH-0612`, `BAG TAG CUN-VB-0391`, `bag 448172`: a
    /// code right after a bag or tag word (`bag_tag_words`) numbers the patient's belongings: ID (GUIDELINE §9,
    /// decision of session 13). The code is capitals (any case in a lower-case note), digits and inner hyphens, with
    /// three or more digits and a capital or a hyphen, or five or more digits alone; not before a unit (`bag 1000 mL`).
    @inline(never) mutating func belongingsCode(_ i: Int) -> Int? {
        // An asset tag of ward equipment is no ID (GUIDELINE §9, decision of session 10): `drug trolley asset tag AT-20417`.
        guard inSet(.bagTagWords, t[i - 1].key), !afterAssetWord(i) else { return nil }
        var e = i
        var digits = 0, letters = 0, hyphens = 0
        while e < t.count && (e == i || adjacent(e)) && !t[e].nl {
            if t[e].kind == .number || isWord(e) {
                if isWord(e) && !t[e].flags.contains(.allUpper) && !t[e].flags.contains(.hasDigit) && !lowerDoc { return nil }
                for c in t[e].s..<t[e].e { if b[c] &- 0x30 < 10 { digits += 1 } else { letters += 1 } }
            } else if punct(e, 0x2D) && e + 1 < t.count && adjacent(e + 1) && (isWord(e + 1) || t[e + 1].kind == .number) {
                hyphens += 1
            } else { break }
            e += 1
        }
        guard digits >= 3, (letters + hyphens > 0) || digits >= 5, letters <= 8 else { return nil }
        if letters > 0 && !(b[t[i].s] &- 0x41 < 26 || b[t[i].s] &- 0x30 < 10 || lowerDoc) { return nil }
        if e < t.count && adjacent(e) && !(t[e].kind == .punctuation && (e + 1 >= t.count || !adjacent(e + 1))) { return nil }
        if e < t.count && !t[e].nl && isWord(e) && t[e].rb.contains(.auxWord) && inSet(.quantityUnits, t[e].key) { return nil }
        emit(.id, i, e, priority: 4, score: 0.7, rule: "id-belongings-code")
        return e
    }
}

extension PHIDetection {
    /// Session 17 (phitype): `PSFS: working at chairside 3/10, lifting 2/10`, `less pain (3/10 from 6/10)`, `pre 4/10,
    /// during 7/10`: a value out of ten at token i (`a/10`, a at most 10, no year after it) with another such value within
    /// twelve tokens on its line is a score in a run of scores, not a day of October or the tenth of a month. Not after
    /// `on` or a date label (`on 3/10`, `Date: 7/10`), and not zero-padded (`03/10`: scores are not zero-padded).
    @inline(never) func outOfTenRun(_ i: Int) -> Bool {
        func tenth(_ k: Int) -> Bool {
            k >= 0 && k + 2 < t.count && t[k].kind == .number && t[k].e - t[k].s <= 2 && b[t[k].s] != 0x30 && intValue(k) <= 10
                && punct(k + 1, 0x2F) && adjacent(k + 1) && adjacent(k + 2) && t[k + 2].kind == .number && t[k + 2].e - t[k + 2].s == 2
                && intValue(k + 2) == 10 && !(k + 3 < t.count && adjacent(k + 3) && (punct(k + 3, 0x2F) || punct(k + 3, 0x2D)))
        }
        guard tenth(i), i > 0, t[i - 1].key != K.on, !(isWord(i - 1) && inSet(.dateLabels, t[i - 1].key)), !punct(i - 1, 0x3A) else { return false }
        // Back: up to twelve tokens before the value, on its line.
        var k = i - 1
        var n = 0
        while k >= 2 && n < 12 && !t[k + 1].nl {
            if tenth(k - 2) { return true }
            k -= 1
            n += 1
        }
        // Forward: up to twelve tokens after the value, on its line.
        k = i + 3
        n = 0
        while k < t.count && n < 12 && !t[k].nl {
            if tenth(k) { return true }
            k += 1
            n += 1
        }
        return false
    }
}
