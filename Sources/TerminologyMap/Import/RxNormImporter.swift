public import Foundation
import MedTextCore

enum RRF {
    /// RxNorm term types imported (RXNCONSO SAB=RXNORM).
    static let termTypes: [String] = ["IN", "PIN", "MIN", "BN", "SCD", "SBD", "SCDF", "SBDF", "GPCK", "BPCK"]
    /// The display of a concept comes from its first TTY in this order.
    static func rank(_ tty: String) -> Int { termTypes.firstIndex(of: tty) ?? 99 }
    static func entityType(_ tty: String) -> String? {
        switch tty {
        case "IN", "PIN", "MIN": return "GENERIC_NAME"
        case "BN": return "BRAND_NAME"
        default: return nil  // products (SCD, SBD, ...) are ranking targets, not matched names
        }
    }
    static let consoFields = 19  // 18 columns + the trailing `|`
    static let relFields = 17
    static let satFields = 14
}

extension TerminologyBuilder {
    /// Imports RxNorm RRF files from `directory` (the release's `rrf` folder or its parent):
    /// `RXNCONSO.RRF` rows with SAB=RXNORM and TTY IN, PIN, MIN, BN, SCD, SBD, SCDF, SBDF,
    /// GPCK, BPCK (suppressed rows dropped); `RXNREL.RRF` relationships between imported
    /// concepts (stored as "RXCUI2 RELA RXCUI1", as RxNorm documents: RELA is the relationship
    /// of the second concept to the first); and, when present, `RXNSAT.RRF` attributes
    /// named `RXN_*` (strength, availability...). Ingredients and brand names are matchable.
    public func importRxNorm(directory: URL) throws(TerminologyError) {
        func find(_ name: String) -> URL? {
            for candidate in [directory.appendingPathComponent(name), directory.appendingPathComponent("rrf/\(name)")]
            where FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            return nil
        }
        guard let conso = find("RXNCONSO.RRF") else {
            throw TerminologyError(.unreadableSource, "no RXNCONSO.RRF found; pass the RxNorm release folder (with rrf/RXNCONSO.RRF)", file: directory.path)
        }
        let system = try systemID(.rxNorm)
        let version = Self.rxnormVersion(directory)
        try inTransaction { () throws(TerminologyError) in
            // Concepts: stage atoms, then one concept per RXCUI with the display of its best TTY.
            try db.execute("""
                CREATE TEMP TABLE stage_rx(rxcui TEXT NOT NULL, tty TEXT NOT NULL, rank INTEGER NOT NULL, str TEXT NOT NULL, norm TEXT NOT NULL, ord INTEGER NOT NULL);
                """)
            let r = try HashingLineReader(path: conso.path, displayName: "RXNCONSO.RRF")
            let stage = try db.cached("INSERT INTO stage_rx(rxcui, tty, rank, str, norm, ord) VALUES (?, ?, ?, ?, ?, ?)")
            var rows = 0
            while let line = r.next() {
                if line.isEmpty { continue }
                let f = splitFields(line, "|")
                guard f.count == RRF.consoFields else { throw r.malformed("expected 18 |-terminated fields (RXNCONSO), found \(f.count - 1)") }
                rows += 1
                progress.rows("RXNCONSO.RRF", rows)
                guard f[11] == "RXNORM", RRF.termTypes.contains(String(f[12])), f[16] != "O", f[16] != "Y" else { continue }
                guard !f[0].isEmpty, f[0].allSatisfy(\.isNumber) else { throw r.malformed("RXCUI must be numeric") }
                let str = String(f[14])
                guard !str.isEmpty else { throw r.malformed("STR is empty") }
                try stage.run([.text(String(f[0])), .text(String(f[12])), .int(Int64(RRF.rank(String(f[12])))), .text(str), .text(normalizer.normalizedTerm(str)), .int(Int64(rows))])
            }
            try db.execute("CREATE INDEX stage_rx_cui ON stage_rx(rxcui, rank, ord)")
            try db.cached("""
                INSERT INTO concept(system, code, display, active, category, entity_type)
                SELECT ?1, s.rxcui,
                  (SELECT str FROM stage_rx t WHERE t.rxcui = s.rxcui ORDER BY rank, ord LIMIT 1),
                  1,
                  (SELECT tty FROM stage_rx t WHERE t.rxcui = s.rxcui ORDER BY rank, ord LIMIT 1),
                  NULL
                FROM (SELECT DISTINCT rxcui FROM stage_rx) s WHERE true ORDER BY CAST(s.rxcui AS INTEGER)
                ON CONFLICT(system, code) DO UPDATE SET display = excluded.display, active = 1, category = excluded.category
                """).run([.int(system)])
            for tty in ["IN", "PIN", "MIN", "BN"] {
                try db.cached("UPDATE concept SET entity_type = ? WHERE system = ? AND category = ?").run([.text(RRF.entityType(tty)!), .int(system), .text(tty)])
            }
            try db.cached("DELETE FROM term WHERE concept IN (SELECT id FROM concept WHERE system = ? AND code IN (SELECT rxcui FROM stage_rx))").run([.int(system)])
            try db.cached("""
                INSERT INTO term(concept, term, norm, type, dialect, case_sensitive, matchable)
                SELECT c.id, s.str, s.norm, CASE WHEN s.tty = 'BN' THEN \(TermType.brand.rawValue) ELSE \(TermType.preferred.rawValue) END, 3, 0,
                  s.tty IN ('IN', 'PIN', 'MIN', 'BN')
                FROM stage_rx s JOIN concept c ON c.system = ?1 AND c.code = s.rxcui
                ORDER BY s.ord
                """).run([.int(system)])
            try recordSource(kind: "rxnorm-rxnconso", name: "RXNCONSO.RRF", version: version, sha256: r.finishHash(), rows: rows)
            progress.done("RXNCONSO.RRF", rows)

            if let rel = find("RXNREL.RRF") {
                let r = try HashingLineReader(path: rel.path, displayName: "RXNREL.RRF")
                try db.cached("DELETE FROM concept_map WHERE provenance = 'RxNorm RXNREL' AND source IN (SELECT c.id FROM concept c WHERE c.system = ?1 AND c.code IN (SELECT rxcui FROM stage_rx))").run([.int(system)])
                let insert = try db.cached("""
                    INSERT INTO concept_map(source, target_system, target_code, relation, provenance)
                    SELECT c.id, ?1, ?3, ?4, 'RxNorm RXNREL' FROM concept c WHERE c.system = ?1 AND c.code = ?2
                      AND EXISTS (SELECT 1 FROM concept t WHERE t.system = ?1 AND t.code = ?3)
                    """)
                var rows = 0
                while let line = r.next() {
                    if line.isEmpty { continue }
                    let f = splitFields(line, "|")
                    guard f.count == RRF.relFields else { throw r.malformed("expected 16 |-terminated fields (RXNREL), found \(f.count - 1)") }
                    rows += 1
                    progress.rows("RXNREL.RRF", rows)
                    guard f[10] == "RXNORM", f[2] == "CUI", f[6] == "CUI", !f[7].isEmpty, f[14] != "O", f[14] != "Y" else { continue }
                    try insert.run([.int(system), .text(String(f[4])), .text(String(f[0])), .text(String(f[7]))])
                }
                try recordSource(kind: "rxnorm-rxnrel", name: "RXNREL.RRF", version: version, sha256: r.finishHash(), rows: rows)
                progress.done("RXNREL.RRF", rows)
            }
            if let sat = find("RXNSAT.RRF") {
                let r = try HashingLineReader(path: sat.path, displayName: "RXNSAT.RRF")
                let insert = try db.cached("""
                    INSERT INTO concept_attribute(concept, name, value)
                    SELECT id, ?3, ?4 FROM concept WHERE system = ?1 AND code = ?2
                    """)
                var rows = 0
                while let line = r.next() {
                    if line.isEmpty { continue }
                    let f = splitFields(line, "|")
                    guard f.count == RRF.satFields else { throw r.malformed("expected 13 |-terminated fields (RXNSAT), found \(f.count - 1)") }
                    rows += 1
                    progress.rows("RXNSAT.RRF", rows)
                    guard f[9] == "RXNORM", f[8].hasPrefix("RXN_"), f[11] != "O", f[11] != "Y" else { continue }
                    try insert.run([.int(system), .text(String(f[0])), .text(String(f[8])), .text(String(f[10]))])
                }
                try recordSource(kind: "rxnorm-rxnsat", name: "RXNSAT.RRF", version: version, sha256: r.finishHash(), rows: rows)
                progress.done("RXNSAT.RRF", rows)
            }
            try db.execute("DROP TABLE stage_rx")
            try setSystemVersion(.rxNorm, edition: "US (NLM)", version: version, licence: "RxNorm: NLM; SAB=RXNORM content is free to use (UMLS licence terms apply to other sources)")
        }
    }

    /// `RxNorm_full_01062025` -> "2025-01-06" (RxNorm names releases MMDDYYYY).
    static func rxnormVersion(_ directory: URL) -> String? {
        for component in directory.pathComponents.reversed() {
            for part in component.split(whereSeparator: { !$0.isNumber }) where part.count == 8 {
                let s = Array(part)
                return "\(String(s[4..<8]))-\(String(s[0..<2]))-\(String(s[2..<4]))"
            }
        }
        return nil
    }
}
