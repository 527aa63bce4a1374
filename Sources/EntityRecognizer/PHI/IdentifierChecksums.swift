/// Check-digit and format validators for US, Australian and United Kingdom identifiers. Each takes the
/// identifier's characters with separators (spaces, hyphens) already removed.
/// Reimplemented from the published algorithms; every function is pure.
public enum IdentifierChecksums {
    @inline(__always)
    static func digits(_ s: some StringProtocol) -> [Int]? {
        var out: [Int] = []
        out.reserveCapacity(s.utf8.count)
        for b in s.utf8 {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            out.append(Int(b - 0x30))
        }
        return out
    }

    /// The Luhn (mod 10) check over all digits, check digit last.
    public static func luhn(_ s: some StringProtocol) -> Bool {
        guard let d = digits(s), d.count >= 2 else { return false }
        var sum = 0
        for (i, v) in d.reversed().enumerated() {
            if i % 2 == 1 {
                let x = v * 2
                sum += x > 9 ? x - 9 : x
            } else {
                sum += v
            }
        }
        return sum % 10 == 0
    }

    /// Australian Medicare card number: 10 digits (or 11 with the individual reference number),
    /// first digit 2–6, digit 9 = (weights 1,3,7,9,1,3,7,9 over digits 1–8) mod 10.
    public static func australianMedicare(_ s: some StringProtocol) -> Bool {
        guard let d = digits(s), d.count == 10 || d.count == 11, (2...6).contains(d[0]) else { return false }
        let w = [1, 3, 7, 9, 1, 3, 7, 9]
        let sum = zip(d.prefix(8), w).reduce(0) { $0 + $1.0 * $1.1 }
        return sum % 10 == d[8] && d[9] != 0
    }

    /// Australian Individual Healthcare Identifier (and HPI-I / HPI-O): 16 digits,
    /// prefix 800360 (IHI), 800361 (HPI-I) or 800362 (HPI-O), Luhn check.
    public static func australianHealthcareIdentifier(_ s: some StringProtocol) -> (valid: Bool, kind: String) {
        guard let d = digits(s), d.count == 16 else { return (false, "") }
        let prefix = d.prefix(6).map(String.init).joined()
        let kind: String
        switch prefix {
        case "800360": kind = "IHI"
        case "800361": kind = "HPI-I"
        case "800362": kind = "HPI-O"
        default: return (false, "")
        }
        return (luhn(s), kind)
    }

    /// Australian Tax File Number: 9 digits, weights 1,4,3,7,5,8,6,9,10, sum mod 11 == 0
    /// (8-digit legacy TFNs: weights 10,7,8,4,6,3,5,1).
    public static func australianTFN(_ s: some StringProtocol) -> Bool {
        guard let d = digits(s) else { return false }
        let w: [Int]
        switch d.count {
        case 9: w = [1, 4, 3, 7, 5, 8, 6, 9, 10]
        case 8: w = [10, 7, 8, 4, 6, 3, 5, 1]
        default: return false
        }
        return zip(d, w).reduce(0) { $0 + $1.0 * $1.1 } % 11 == 0
    }

    /// Australian Business Number: 11 digits; subtract 1 from the first digit, weights
    /// 10,1,3,5,7,9,11,13,15,17,19, sum mod 89 == 0.
    public static func australianABN(_ s: some StringProtocol) -> Bool {
        guard var d = digits(s), d.count == 11, d[0] > 0 else { return false }
        d[0] -= 1
        let w = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19]
        return zip(d, w).reduce(0) { $0 + $1.0 * $1.1 } % 89 == 0
    }

    /// US National Provider Identifier: 10 digits, Luhn over "80840" + the number.
    public static func usNPI(_ s: some StringProtocol) -> Bool {
        guard let d = digits(s), d.count == 10, d[0] == 1 || d[0] == 2 else { return false }
        return luhn("80840" + s)
    }

    /// US DEA registration number: 2 letters + 7 digits;
    /// (d1 + d3 + d5) + 2 × (d2 + d4 + d6) ends in d7.
    public static func usDEA(_ s: some StringProtocol) -> Bool {
        let u = Array(s.utf8)
        guard u.count == 9 else { return false }
        func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
        guard isLetter(u[0]), isLetter(u[1]) || u[1] == 0x39, let d = digits(s.dropFirst(2)) else { return false }
        let sum = (d[0] + d[2] + d[4]) + 2 * (d[1] + d[3] + d[5])
        return sum % 10 == d[6]
    }

    /// NHS number (England, Wales, Isle of Man): 10 digits; weights 10 ... 2 over digits 1-9, check = 11 - (sum mod 11),
    /// 11 becomes 0 and 10 is never issued; the check is digit 10.
    public static func nhsNumber(_ s: some StringProtocol) -> Bool {
        guard let d = digits(s), d.count == 10 else { return false }
        var sum = 0
        for k in 0..<9 { sum += d[k] * (10 - k) }
        let check = (11 - sum % 11) % 11
        return check != 10 && check == d[9]
    }

    /// US Social Security Number: 9 digits; area not 000, 666 or 900–999; group not 00; serial not 0000.
    public static func usSSN(_ s: some StringProtocol) -> Bool {
        guard let d = digits(s), d.count == 9 else { return false }
        let area = d[0] * 100 + d[1] * 10 + d[2]
        let group = d[3] * 10 + d[4]
        let serial = d[5] * 1000 + d[6] * 100 + d[7] * 10 + d[8]
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
    }

    /// US Medicare Beneficiary Identifier: 11 characters, pattern C A AN N A AN N A A N N
    /// (C: 1–9, N: 0–9, A: letters except S L O I B Z, AN: either).
    public static func usMBI(_ s: some StringProtocol) -> Bool {
        let u = Array(s.uppercased().utf8)
        guard u.count == 11 else { return false }
        func n(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        func a(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A && !Array("SLOIBZ".utf8).contains(b) }
        func an(_ b: UInt8) -> Bool { n(b) || a(b) }
        let pattern: [(UInt8) -> Bool] = [{ $0 >= 0x31 && $0 <= 0x39 }, a, an, n, a, an, n, a, a, n, n]
        return zip(u, pattern).allSatisfy { $1($0) }
    }
}
