import Foundation
import MedTextCore
import MedTextLexicons
import Testing
@testable import TerminologyMap

/// Every code in lexicons/data is real (issue 4 §3): SNOMED CT Verhoeff + partition, ICD-10-CM
/// existence in the April 2026 table (and billable in conditions.tsv, whose README says so),
/// RxCUI / LOINC (mod-10) / UNII / HPO / DrugBank form.
@Suite struct LexiconCodeValidityTests {
    @Test(arguments: [("44054006", true), ("44054007", false), ("138875005", true), ("1234", false), ("0138875005", false), ("9100001002", true)])
    func snomedCheck(id: String, valid: Bool) { #expect(CodeValidation.snomedCT(id) == valid) }

    @Test(arguments: [("4548-4", true), ("2345-7", true), ("2345-8", false), ("12345", false), ("8867-4", true)])
    func loincCheck(code: String, valid: Bool) { #expect(CodeValidation.loinc(code) == valid) }

    @Test(arguments: [("E11.40", true), ("I10", true), ("S02.0XXA", true), ("E1140", false), ("e11.9", false), ("E11.", false)])
    func icdForm(code: String, valid: Bool) { #expect(CodeValidation.icd10CMForm(code) == valid) }

    struct Problem: CustomStringConvertible {
        var file: String, line: Int, detail: String
        var description: String { "\(file):\(line): \(detail)" }
    }

    /// The codes of every concept file (common format) under lexicons/data.
    static func conceptFiles() -> [URL] {
        DefaultTerminology.inputs(lexiconDirectory: MedTextLexicons.bundledDataDirectory)
            .filter { $0.kind == .conceptLexicon || $0.kind == .sourceLexicon }.map(\.url)
    }

    @Test func everyLexiconCodeIsReal() throws {
        guard let store = RealDefaultDatabase.store else { return }
        // ICD-10-CM table: code -> billable, from the April 2026 tabular imported into the default database.
        var icd: [String: Bool] = [:]
        try store.withDatabase { db throws(TerminologyError) in
            let s = try db.prepare("SELECT c.code, coalesce(c.billable, 0) FROM concept c JOIN code_system s ON s.id = c.system WHERE s.uri = ?")
            try s.bind([.text(CodeSystem.icd10CM.uri)])
            while try s.step() { icd[s.text(0)] = s.int(1) != 0 }
        }
        #expect(icd.count > 90_000)
        var problems: [Problem] = []
        var checked = 0
        let files = Self.conceptFiles()
        #expect(!files.isEmpty)
        for url in files {
            let requireBillable = url.lastPathComponent == "conditions.tsv"
            let text = try String(contentsOf: url, encoding: .utf8)
            var header: [Substring]? = nil
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if line.isEmpty || line.hasPrefix("#") { continue }
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard let h = header else { header = fields; continue }
                guard let ci = h.firstIndex(of: "codes"), ci < fields.count else { continue }
                for item in fields[ci].split(separator: "|") {
                    guard let colon = item.firstIndex(of: ":") else {
                        problems.append(Problem(file: url.lastPathComponent, line: n + 1, detail: "code without system: \(item)"))
                        continue
                    }
                    let system = String(item[..<colon]), code = String(item[item.index(after: colon)...])
                    checked += 1
                    let ok: Bool
                    switch system {
                    case "SNOMED": ok = CodeValidation.snomedCT(code)
                    case "ICD10CM":
                        if let billable = icd[code] {
                            ok = !requireBillable || billable
                        } else { ok = false }
                    case "RXNORM": ok = CodeValidation.rxcui(code)
                    case "LOINC": ok = CodeValidation.loinc(code)
                    case "UNII": ok = CodeValidation.unii(code)
                    case "HPO": ok = CodeValidation.hpo(code)
                    case "DRUGBANK": ok = CodeValidation.drugBank(code)
                    default: ok = false
                    }
                    if !ok { problems.append(Problem(file: url.lastPathComponent, line: n + 1, detail: "invalid \(system) code \(code)")) }
                }
            }
        }
        #expect(checked > 1000)
        #expect(problems.isEmpty, "\(problems.prefix(50).map(\.description).joined(separator: "\n"))")
    }
}
