public import MedTextCore

/// What a medication-signature or test-result phrase is.
public enum SigKind: Sendable, Hashable {
    /// A unit after a number. `strength`: mass, volume, concentration (500 mg); `dose`: a count of
    /// dose units (2 puffs, 20 units); `rate`: per time (100 mL/hr, 2 L/min).
    case strengthUnit, doseUnit, rateUnit
    case route
    case form
    case frequency
    case duration
    /// A unit of a test result (mmHg, %, g/L).
    case testUnit
    /// A relative time or a duration of a clinical event ("3 days ago", "yesterday").
    case time
}

/// One phrase of the signature vocabulary (`lexicons/data/sig/*.tsv`). `{n}` and `{m}` stand
/// for any number token.
public struct SigTerm: Sendable, Hashable {
    public var phrase: String
    public var kind: SigKind
    public var caseSensitive: Bool
    public var id: String

    public init(phrase: String, kind: SigKind, caseSensitive: Bool = false, id: String) {
        self.phrase = phrase
        self.kind = kind
        self.caseSensitive = caseSensitive
        self.id = id
    }
}

extension RecognizerRuleFiles {
    /// Terms of a `terms` field: `a|b#abbr,cs|c#au` → (term, exact). Dotted abbreviations
    /// (`o.n.`, `a.c.`) must match exactly as written: normalization drops their periods, and
    /// `o.n.` would otherwise match every "on".
    static func terms(_ field: Substring) -> [(String, Bool)] {
        field.split(separator: "|").compactMap { raw in
            let parts = raw.split(separator: "#", maxSplits: 1)
            guard let t = parts.first, !t.isEmpty else { return nil }
            let tags = parts.count > 1 ? parts[1].split(separator: ",") : []
            return (String(t), tags.contains("cs") || (t.contains(".") && t.contains(where: \.isLetter)))
        }
    }

    /// Parses `sig/units.tsv`: mass, volume, amount, ratio, concentration and weight- or
    /// BSA-based doses are strength units, and so is "IU" (`unit:intl_units`: "vitamin D
    /// 1000 IU", "Anti-D 625 IU"); counts and the word "units" (`unit:iu`, which Comprehend
    /// Medical treats as a dose count: "insulin 20 units") are dose units; rates and flows are
    /// rate units.
    public static func units(_ contents: String, file: String = "sig/units.tsv") throws -> [SigTerm] {
        var out: [SigTerm] = []
        for (line, row) in try rows(contents, file: file, required: ["id", "kind", "terms"]) {
            let id = String(row["id"] ?? "")
            let kind = row["kind"] ?? ""
            let sig: SigKind
            if kind.contains("rate") || kind == "flow" {
                sig = .rateUnit
            } else if kind == "count" || id == "unit:iu" || id == "unit:kiu" || id.hasPrefix("unit:miu") {
                // Exact ids: "units/mL" (unit:iu_per_ml) is a concentration, "units/kg" a
                // weight-based strength.
                sig = .doseUnit
            } else if ["mass", "volume", "amount", "ratio", "concentration"].contains(kind) || kind.contains("dose") {
                sig = .strengthUnit
            } else {
                throw RecognizerRuleError(file: file, line: line, reason: "unknown unit kind '\(kind)'")
            }
            for (t, cs) in terms(row["terms"] ?? "") {
                // "mg daily" is a strength and a frequency in notes, not one unit.
                if t.hasSuffix(" daily") || t.hasSuffix(" per day") || t.hasSuffix(" a day") { continue }
                out.append(SigTerm(phrase: t, kind: sig, caseSensitive: cs, id: id))
            }
        }
        return out
    }

    /// Parses a file with `id` and `terms` columns (`sig/routes.tsv`, `sig/forms.tsv`,
    /// `sig/test_units.tsv`) into terms of one kind.
    public static func sigTerms(_ contents: String, kind: SigKind, file: String) throws -> [SigTerm] {
        try rows(contents, file: file, required: ["id", "terms"]).flatMap { _, row in
            terms(row["terms"] ?? "").map { SigTerm(phrase: $0.0, kind: kind, caseSensitive: $0.1, id: String(row["id"] ?? "")) }
        }
    }

    /// Parses `sig/frequencies.tsv`: rows of kind `duration` are durations, the rest frequencies.
    public static func frequencies(_ contents: String, file: String = "sig/frequencies.tsv") throws -> [SigTerm] {
        try rows(contents, file: file, required: ["id", "terms", "kind"]).flatMap { _, row in
            let kind: SigKind = row["kind"] == "duration" ? .duration : .frequency
            return terms(row["terms"] ?? "").map { SigTerm(phrase: $0.0, kind: kind, caseSensitive: $0.1, id: String(row["id"] ?? "")) }
        }
    }
}
