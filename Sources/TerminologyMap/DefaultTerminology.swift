#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import Foundation
public import MedTextCore

/// The default terminology database, built from medtext's lexicon data (`lexicons/data`).
///
/// Where it lives: without `--terminology PATH` or `MEDTEXT_TERMINOLOGY`, medtext builds it on
/// first use into a cache folder and reuses it: `$MEDTEXT_CACHE_DIR`, else
/// `$XDG_CACHE_HOME/medtext`, else `~/.cache/medtext` (macOS: `~/Library/Caches/medtext`), file
/// `terminology-<key>.sqlite`. The key hashes the schema version, the normalizer's fingerprint,
/// the medtext version and every input file's relative path, size and modification time, so
/// changed lexicons (or a changed normalizer) give a new file; beyond the three most recently built,
/// older cached files are removed
/// after a successful build. The database itself records each input's SHA-256.
public enum DefaultTerminology {
    /// Selects a terminology database instead of the default one.
    public static let environmentVariable = "MEDTEXT_TERMINOLOGY"
    /// How many default databases the cache folder keeps (most recently built first).
    public static let keptDatabases = 3
    /// Overrides the cache folder.
    public static let cacheEnvironmentVariable = "MEDTEXT_CACHE_DIR"

    /// One input of the default database, in build order.
    public struct Input: Sendable, Hashable {
        public enum Kind: String, Sendable { case icd10cmTabular, fhir, conceptLexicon, sourceLexicon, abbreviations }
        public var kind: Kind
        public var url: URL
        /// Path relative to the lexicon data folder (recorded as the source name).
        public var name: String
    }

    /// The inputs found in a lexicon data folder, in the fixed build order: ICD-10-CM tabular
    /// XML (`sources/icd10cm/*.xml`), FHIR CodeSystems/ValueSets (`sources/hl7/*.json`), curated
    /// concept files (`concepts/*.tsv` in the common format), extracted concept files
    /// (`sources/*.tsv` in the common format), then `concepts/abbreviations.tsv`. Files are
    /// sorted by name within each group.
    public static func inputs(lexiconDirectory: URL) -> [Input] {
        let fm = FileManager.default
        func list(_ sub: String, _ ext: String) -> [URL] {
            let dir = lexiconDirectory.appendingPathComponent(sub)
            let names = (try? fm.contentsOfDirectory(atPath: dir.path)) ?? []
            return names.filter { $0.hasSuffix(".\(ext)") && !$0.hasPrefix(".") }.sorted().map { dir.appendingPathComponent($0) }
        }
        var out: [Input] = []
        for u in list("sources/icd10cm", "xml") { out.append(Input(kind: .icd10cmTabular, url: u, name: "sources/icd10cm/\(u.lastPathComponent)")) }
        for u in list("sources/hl7", "json") { out.append(Input(kind: .fhir, url: u, name: "sources/hl7/\(u.lastPathComponent)")) }
        var abbreviations: Input? = nil
        for u in list("concepts", "tsv") {
            if u.lastPathComponent == "abbreviations.tsv" {
                abbreviations = Input(kind: .abbreviations, url: u, name: "concepts/abbreviations.tsv")
            } else if isCommonFormat(u) {
                out.append(Input(kind: .conceptLexicon, url: u, name: "concepts/\(u.lastPathComponent)"))
            }
        }
        for u in list("sources", "tsv") where isCommonFormat(u) {
            out.append(Input(kind: .sourceLexicon, url: u, name: "sources/\(u.lastPathComponent)"))
        }
        if let abbreviations { out.append(abbreviations) }
        return out
    }

    /// Whether a TSV file's header (first non-comment line) is the common concept format.
    static func isCommonFormat(_ url: URL) -> Bool {
        guard let r = try? HashingLineReader(path: url.path) else { return false }
        while let line = r.next() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            return line.hasPrefix("id\ttype\tpreferred")
        }
        return false
    }

    /// Builds the default database from `lexiconDirectory` into `target` (replaced atomically).
    /// Deterministic: the same inputs, normalizer and medtext version give a byte-identical
    /// file (no wall-clock time is recorded unless `SOURCE_DATE_EPOCH` is set).
    @discardableResult
    public static func build(lexiconDirectory: URL, normalizer: any TextNormalizing, target: URL, medtextVersion: String, progress: Bool? = nil) throws(TerminologyError) -> URL {
        let inputs = inputs(lexiconDirectory: lexiconDirectory)
        guard !inputs.isEmpty else {
            throw TerminologyError(.defaultDatabase, "no lexicon data found; set MEDTEXT_LEXICONS to a folder laid out like lexicons/data", file: lexiconDirectory.path)
        }
        let builder = try TerminologyBuilder(target: target, normalizer: normalizer, extendExisting: false,
                                             options: BuildOptions(progress: progress, deterministic: true, medtextVersion: medtextVersion))
        for input in inputs {
            switch input.kind {
            case .icd10cmTabular: try builder.importICD10CMTabular(input.url, name: input.name)
            case .fhir: try builder.importFHIR(input.url, name: input.name)
            case .conceptLexicon: try builder.importLexicon(input.url, name: input.name, priority: 0)
            case .sourceLexicon: try builder.importLexicon(input.url, name: input.name, priority: 1)
            case .abbreviations: try builder.importAbbreviations(input.url, name: input.name)
            }
        }
        try builder.inTransaction { () throws(TerminologyError) in
            try builder.setMetadata("kind", "default")
            try builder.setMetadata("lexicon_key", cacheKey(lexiconDirectory: lexiconDirectory, normalizer: normalizer, medtextVersion: medtextVersion))
        }
        return try builder.finish()
    }

    /// The cache key of the default database for these inputs (hex, 16 characters).
    public static func cacheKey(lexiconDirectory: URL, normalizer: any TextNormalizing, medtextVersion: String) -> String {
        var h = SHA256()
        h.update("schema=\(Schema.version);medtext=\(medtextVersion);normalizer=\(normalizerFingerprint(normalizer))\n")
        for input in inputs(lexiconDirectory: lexiconDirectory) {
            var st = stat()
            let ok = stat(input.url.path, &st) == 0
            #if canImport(Darwin)
            let mtime = ok ? Int(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int(st.st_mtimespec.tv_nsec) : 0
            #else
            let mtime = ok ? Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec) : 0
            #endif
            h.update("\(input.kind.rawValue)\t\(input.name)\t\(ok ? Int(st.st_size) : -1)\t\(mtime)\n")
        }
        return String(h.finalize().hex.prefix(16))
    }

    /// The cache folder for default databases.
    public static var cacheDirectory: URL {
        let env = ProcessInfo.processInfo.environment
        if let dir = env[cacheEnvironmentVariable], !dir.isEmpty { return URL(fileURLWithPath: dir, isDirectory: true) }
        if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty { return URL(fileURLWithPath: xdg).appendingPathComponent("medtext", isDirectory: true) }
        let home = FileManager.default.homeDirectoryForCurrentUser
        #if canImport(Darwin)
        return home.appendingPathComponent("Library/Caches/medtext", isDirectory: true)
        #else
        return home.appendingPathComponent(".cache/medtext", isDirectory: true)
        #endif
    }

    /// The database to use: `explicit` (from `--terminology`), else `$MEDTEXT_TERMINOLOGY`,
    /// else the cached default database, built first if missing.
    /// `cacheDirectory` overrides `DefaultTerminology.cacheDirectory` (for tests and embedders).
    public static func resolve(explicit: URL? = nil, lexiconDirectory: URL, normalizer: any TextNormalizing, medtextVersion: String, progress: Bool? = nil, cacheDirectory: URL? = nil) throws(TerminologyError) -> URL {
        if let explicit { return explicit }
        if let env = ProcessInfo.processInfo.environment[environmentVariable], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        let key = cacheKey(lexiconDirectory: lexiconDirectory, normalizer: normalizer, medtextVersion: medtextVersion)
        let dir = cacheDirectory ?? Self.cacheDirectory
        let target = dir.appendingPathComponent("terminology-\(key).sqlite")
        if FileManager.default.fileExists(atPath: target.path) { return target }
        do {
            try build(lexiconDirectory: lexiconDirectory, normalizer: normalizer, target: target, medtextVersion: medtextVersion, progress: progress)
        } catch where error.kind == .replaceFailed || error.kind == .openFailed || (error.kind == .sqlite && !FileManager.default.isWritableFile(atPath: dir.path)) {
            throw TerminologyError(.defaultDatabase, "cannot write the default terminology database to the cache folder; set MEDTEXT_CACHE_DIR to a writable folder or pass --terminology PATH", file: dir.path)
        }
        // Keep the most recently built default databases, remove the rest. Several are kept
        // because different medtext builds (a CLI, a benchmark, several checkouts) copy the
        // lexicons with different modification times and so use different keys: removing all
        // others made them rebuild on alternate runs.
        let fm = FileManager.default
        let cached = ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { $0.hasPrefix("terminology-") && $0.hasSuffix(".sqlite") && $0 != target.lastPathComponent }
            .map { name -> (String, Date) in
                let date = (try? fm.attributesOfItem(atPath: dir.appendingPathComponent(name).path)[.modificationDate] as? Date) ?? .distantPast
                return (name, date ?? .distantPast)
            }
            .sorted { $0.1 > $1.1 }
        for (name, _) in cached.dropFirst(keptDatabases - 1) { unlink(dir.appendingPathComponent(name).path) }
        return target
    }
}
