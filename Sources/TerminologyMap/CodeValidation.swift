/// Form checks for codes (the same rules as scripts/lexicons/codecheck.py).
public enum CodeValidation {
    private static let d: [[Int]] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ]
    private static let p: [[Int]] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ]

    /// Whether `digits` (all ASCII digits) passes the Verhoeff check.
    public static func verhoeff(_ digits: String) -> Bool {
        var c = 0
        for (i, ch) in digits.reversed().enumerated() {
            guard let v = ch.wholeNumberValue, ch.isASCII else { return false }
            c = d[c][p[i % 8][v]]
        }
        return c == 0
    }

    /// SNOMED CT identifier: 6-18 digits, no leading zero, partition 00/01/02/10/11/12, Verhoeff digit.
    public static func snomedCT(_ id: String) -> Bool {
        let u = Array(id.utf8)
        guard (6...18).contains(u.count), u[0] != UInt8(ascii: "0"), u.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        let partition = String(decoding: u[(u.count - 3)..<(u.count - 1)], as: UTF8.self)
        guard ["00", "01", "02", "10", "11", "12"].contains(partition) else { return false }
        return verhoeff(id)
    }

    /// LOINC code: 1-7 digits, hyphen, mod-10 check digit.
    public static func loinc(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...7).contains(parts[0].count), parts[1].count == 1,
              parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), let check = parts[1].first?.wholeNumberValue else { return false }
        var total = 0
        for (i, ch) in parts[0].reversed().enumerated() {
            var v = ch.wholeNumberValue!
            if i % 2 == 0 { v *= 2; if v > 9 { v = v / 10 + v % 10 } }
            total += v
        }
        return (10 - total % 10) % 10 == check
    }

    /// RxNorm concept unique identifier: 1-9 digits, no leading zero.
    public static func rxcui(_ code: String) -> Bool {
        (1...9).contains(code.count) && code.first != "0" && code.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// FDA UNII: 10 characters, digits and capital letters.
    public static func unii(_ code: String) -> Bool {
        code.count == 10 && code.allSatisfy { $0.isASCII && ($0.isNumber || $0.isUppercase) }
    }

    /// ICD-10-CM code form (existence needs the table): letter, digit, alphanumeric, then optional dot and 1-4 alphanumerics.
    public static func icd10CMForm(_ code: String) -> Bool {
        let u = Array(code)
        guard u.count >= 3, u[0].isASCII, u[0].isUppercase, u[1].isNumber, u[2].isASCII, (u[2].isNumber || u[2].isUppercase) else { return false }
        if u.count == 3 { return true }
        guard u[3] == ".", (5...8).contains(u.count) else { return false }
        return u[4...].allSatisfy { $0.isASCII && ($0.isNumber || $0.isUppercase) }
    }

    /// HPO id: `HP:` and 7 digits.
    public static func hpo(_ code: String) -> Bool {
        code.hasPrefix("HP:") && code.count == 10 && code.dropFirst(3).allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// DrugBank id: `DB` and 5 digits.
    public static func drugBank(_ code: String) -> Bool {
        code.hasPrefix("DB") && code.count == 7 && code.dropFirst(2).allSatisfy { $0.isASCII && $0.isNumber }
    }
}
