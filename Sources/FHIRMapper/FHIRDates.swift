import MedTextCore

/// FHIR `dateTime` values for time expressions the note writes as absolute calendar dates.
///
/// Only forms that mean the same in the US and in Australia are read: a year (`2019`), a month
/// and year (`March 2019`, `Mar-2019`, `03/2019`), ISO dates (`2019-03-14`), and dates with the
/// month spelled out (`14 March 2019`, `14th Mar 2019`, `March 14, 2019`). Numeric day/month
/// dates (`3/4/2019`) depend on the locale and relative times (`yesterday`, `3 days ago`) on the
/// note's date, so they stay text. Precision is what the note gave (FHIR allows `YYYY` and
/// `YYYY-MM`).
enum FHIRDates {
    static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
        "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
        "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    /// The FHIR dateTime for `text`, or nil when it is not one of the absolute forms above.
    static func dateTime(_ text: String) -> String? {
        // Words: runs of letters or digits; separators space , . - / are dropped.
        var words: [Substring] = []
        var start: String.Index? = nil
        var hasOther = false
        for i in text.indices {
            let c = text[i]
            if c.isLetter || c.isNumber {
                if start == nil { start = i }
            } else {
                if let s = start { words.append(text[s..<i]); start = nil }
                if !(c == " " || c == "," || c == "." || c == "-" || c == "/") { hasOther = true }
            }
        }
        if let s = start { words.append(text[s...]) }
        guard !hasOther, (1...3).contains(words.count) else { return nil }
        let isoShape = text.utf8.count == 10 && text.utf8.filter { $0 == UInt8(ascii: "-") }.count == 2
        let slash = text.contains("/")

        func year(_ w: Substring) -> Int? {
            guard w.count == 4, let y = Int(w), (1900...2099).contains(y) else { return nil }
            return y
        }
        func month(_ w: Substring) -> Int? { months[w.lowercased()] }
        func day(_ w: Substring) -> Int? {
            var digits = w
            for suffix in ["st", "nd", "rd", "th"] where w.lowercased().hasSuffix(suffix) {
                digits = w.dropLast(2)
            }
            guard (1...2).contains(digits.count), let d = Int(digits), (1...31).contains(d) else { return nil }
            return d
        }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        func date(_ y: Int, _ m: Int, _ d: Int) -> String? {
            let lengths = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            guard d <= lengths[m - 1] else { return nil }
            return "\(y)-\(two(m))-\(two(d))"
        }

        switch words.count {
        case 1:
            return year(words[0]).map { "\($0)" }
        case 2:
            guard let y = year(words[1]) else { return nil }
            if let m = month(words[0]) { return "\(y)-\(two(m))" }
            // "03/2019": a numeric month only with a slash and two digits.
            if slash, words[0].count == 2, let m = Int(words[0]), (1...12).contains(m) { return "\(y)-\(two(m))" }
            return nil
        default:
            if isoShape, let y = year(words[0]), let m = Int(words[1]), words[1].count == 2, (1...12).contains(m),
               words[2].count == 2, let d = Int(words[2])
            {
                return date(y, m, d)
            }
            guard let y = year(words[2]) else { return nil }
            if let d = day(words[0]), let m = month(words[1]) { return date(y, m, d) }  // 14 March 2019
            if let m = month(words[0]), let d = day(words[1]) { return date(y, m, d) }  // March 14, 2019
            return nil
        }
    }
}
