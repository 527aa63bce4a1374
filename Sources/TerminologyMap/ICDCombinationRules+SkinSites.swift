public import MedTextCore

extension ICDCombinationRules {
    /// The body site written beside a skin neoplasm, for the ICD-10-CM categories that code it by
    /// site (`lexicons/data/icd/skin_sites.tsv`; Index, Neoplasm Table "skin, by site"): "BCC L nasal
    /// ala" C44.91 → C44.311 "Basal cell carcinoma of skin of nose"; "melanoma of the back" C43.9 →
    /// C43.59 "Malignant melanoma of other part of trunk"; "SCC R dorsum of hand" → C44.622.
    public struct SkinSites: Sendable, Hashable {
        /// Code categories coded by skin site (`C43`, `C44`, `D03`, `D04`, `D22`).
        public var categories: [String]
        /// Lower-case word or two-word phrase → the title phrases of its site, in preference order
        /// (`nasal` → `nose`, then `other parts of face` where the category has no nose code).
        public var words: [String: [String]]

        public init(categories: [String] = [], words: [String: [String]] = [:]) {
            self.categories = categories
            self.words = words
        }

        public var isEmpty: Bool { categories.isEmpty || words.isEmpty }

        /// Parses rows `kind` (`categories` with `codes`, or `site` with `phrases` and `words`).
        public static func parse(_ contents: String, file: String = "icd/skin_sites.tsv") throws(TerminologyError) -> SkinSites {
            var out = SkinSites()
            for row in ICDTableRow.rows(contents) {
                switch row.field("kind") {
                case "categories" where !row.list("codes").isEmpty: out.categories += row.list("codes")
                case "site" where !row.list("phrases").isEmpty && !row.list("words").isEmpty:
                    let phrases = row.list("phrases").map { $0.lowercased() }
                    for w in row.list("words") { out.words[w.lowercased()] = phrases }
                default: throw TerminologyError(.malformedSource, "a row is categories (codes) or a site (phrases and words)", file: file, line: row.line)
                }
            }
            return out
        }

        /// Whether `code` is in a category coded by skin site.
        public func applies(to code: String) -> Bool { categories.contains { code.hasPrefix($0) } }

        /// The site phrases of the first word or two-word phrase of `words` that names a site, or
        /// nil when none does or two different sites are written.
        public func site(in words: [String]) -> [String]? {
            var found: [String]? = nil
            var k = 0
            while k < words.count {
                var hit: [String]? = nil
                if k + 1 < words.count, let p = self.words[words[k] + " " + words[k + 1]] { hit = p; k += 1 } else if let p = self.words[words[k]] { hit = p }
                if let hit {
                    if let f = found, f != hit { return nil }
                    found = hit
                }
                k += 1
            }
            return found
        }

        /// The code of `candidates` (the codes of `code`'s category, with titles) whose title starts
        /// with the morphology of `title` (its words before " of " or ",") and names the first of
        /// `phrases` any candidate names, with `side` when one is written (else the unspecified
        /// side, or none); nil when `title` already names the site or no single code fits.
        public func code(for code: String, title: String, phrases: [String], side: String?, candidates: [(code: String, display: String)]) -> String? {
            let t = title.lowercased()
            guard !phrases.contains(where: { t.contains($0) }) else { return nil }
            let morphology = Self.morphology(t)
            guard !morphology.isEmpty else { return nil }
            let sameKind = candidates.filter { $0.display.lowercased().hasPrefix(morphology + " ") }
            for phrase in phrases {
                let named = sameKind.filter { $0.display.lowercased().contains(" " + phrase) }
                guard !named.isEmpty else { continue }
                let sides = ["right", "left"]
                let chosen: [(code: String, display: String)]
                let sided = named.contains { c in
                    let w = c.display.lowercased().split(whereSeparator: { !$0.isLetter })
                    return w.contains("right") || w.contains("left")
                }
                // A site with no sided codes (the nose, the trunk) ignores the side written.
                if let side, sides.contains(side), sided {
                    chosen = named.filter { $0.display.lowercased().split(separator: " ").contains(Substring(side)) }
                } else {
                    chosen = named.filter { c in
                        let w = c.display.lowercased().split(whereSeparator: { !$0.isLetter })
                        return !w.contains("right") && !w.contains("left")
                    }
                }
                return chosen.count == 1 ? chosen[0].code : nil
            }
            return nil
        }

        /// The morphology words of a title: before " of " or "," ("basal cell carcinoma",
        /// "malignant melanoma", "melanoma in situ").
        static func morphology(_ title: String) -> String {
            var end = title.endIndex
            if let r = title.range(of: " of ") { end = r.lowerBound }
            if let c = title.firstIndex(of: ","), c < end { end = c }
            return String(title[..<end]).trimmingSpaces
        }
    }
}
