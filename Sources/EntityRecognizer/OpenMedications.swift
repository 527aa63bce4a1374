public import MedTextCore

/// Open-vocabulary medications: a drug the lexicon lacks, recognised by its signature. A word
/// nobody knows (not in the recognizer's dictionary as a lexicon word, not ordinary English)
/// (nor a dose-form or device word of `sig/forms.tsv`: `Genuair` after a brand is its FORM)
/// followed by a number, a strength or dose unit (`mg`, `mcg`, `units`, ...; not a test unit such
/// as `g/L`) and, within five tokens on the same line, a frequency or route (`daily`, `BD`, `PO`,
/// `nocte`, ...) names a medication: `Xarelto 20 mg daily` in a list whose brand is new to us.
/// The signature vocabulary is `lexicons/data/sig/` (no new word lists). Reported as BRAND_NAME
/// when capitalised (`Coversyl`), else GENERIC_NAME, with no concept (score 0.6, rule id
/// `open:medication-with-sig`); attributes attach as for any medication. A word right after a
/// number or unit on its line is part of an earlier signature (`0.5% isobaric 2.8 mL`), not a drug.
extension Recognizer {
    static let openMedicationRuleID = "open:medication-with-sig"

    func openMedicationCandidates(ranges: [Range<Int>], content c: Content, doc: AnnotatedDocument, bytes p: UnsafeBufferPointer<UInt8>) -> [(Range<Int>, EntityType)] {
        let n = c.ctxKeys.count
        guard n >= 4, ordinaryWord != nil else { return [] }
        func kinds(_ k: Int) -> SigKinds {
            var s: SigKinds = []
            for key in [c.lexKeys[k], c.ctxKeys[k]] where Int(key) < sigStartKinds.count { s.formUnion(sigStartKinds[Int(key)]) }
            return s
        }
        var out: [(Range<Int>, EntityType)] = []
        var owner: [Int]? = nil  // built at the first candidate: most notes have none
        var k = 0
        while k + 2 < n {
            // Cheapest tests first: a number after a word, then a dose unit.
            guard c.ctxKeys[k + 1] == numberID, doc.tokens[c.tokenIndex[k]].kind == .word, !c.lineEnd[k], !c.lineEnd[k + 1],
                  !kinds(k + 2).isDisjoint(with: [.strengthUnit, .doseUnit])
            else { k += 1; continue }
            if owner == nil { owner = Self.tokenOwners(ranges, count: n) }
            let t = doc.tokens[c.tokenIndex[k]].span
            let key = c.lexKeys[k]
            guard owner![k] < 0, t.length >= 4, t.length <= 32, p[t.start] >= 0x41,
                  !(Int(key) < lexiconWord.count && lexiconWord[Int(key)]),
                  k + 3 >= n || c.ctxKeys[k + 3] != words.slash  // "g/L", "mg/L": a test unit
            else { k += 1; continue }
            // Letters only ("O2Sat", "D3" are not drug names), not a past tense or participle
            // ("totaled"), not ordinary English.
            let letters = p[t.range].allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
            let pastTense = t.length > 4 && p[t.end - 2] | 0x20 == 0x65 && p[t.end - 1] | 0x20 == 0x64
            // A dose form or device word (`Genuair`, `Turbuhaler`, `Respimat`) is the FORM of the drug before it.
            guard letters, !pastTense, !kinds(k).contains(.form), isOrdinaryWord(doc.tokens[c.tokenIndex[k]], p) == false
            else { k += 1; continue }
            // A word right after a number or unit on its line continues an earlier drug's
            // signature (`bupivacaine 0.5% isobaric 2.8 mL intrathecal`), it names no new drug.
            if k > 0, !c.lineEnd[k - 1], c.ctxKeys[k - 1] == numberID || !kinds(k - 1).isDisjoint(with: [.strengthUnit, .doseUnit]) {
                k += 1; continue
            }
            var signed = false
            var j = k + 3
            while j < n && j <= k + 7 {
                if !kinds(j).isDisjoint(with: [.frequency, .route]) { signed = true; break }
                if c.lineEnd[j] { break }
                j += 1
            }
            if signed {
                let capitalised = p[t.start] <= 0x5A && t.length > 1 && p[t.start + 1] >= 0x61
                out.append((k..<k + 1, capitalised ? .brandName : .genericName))
            }
            k += 3
        }
        return out
    }
}
