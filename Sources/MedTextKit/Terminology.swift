public import Foundation
public import TerminologyMap
import MedTextLexicons
public import Tokenizer

/// The terminology database for the facade and the CLI, with the Tokenizer's normalizer wired
/// in (TerminologyMap itself takes any `TextNormalizing` and does not import the Tokenizer).
public enum MedTextTerminology {
    /// The normalizer that terms are stored with: the same one that normalizes notes.
    public static var normalizer: Normalizer { Normalizer() }

    /// The database to use: `explicit` (`--terminology PATH`), else `$MEDTEXT_TERMINOLOGY`, else
    /// the default database in the cache folder, built from the bundled lexicons (or
    /// `$MEDTEXT_LEXICONS`) on first use. See `DefaultTerminology`.
    public static func databaseURL(explicit: URL? = nil, lexiconsDirectory: URL? = nil) throws(TerminologyError) -> URL {
        try DefaultTerminology.resolve(
            explicit: explicit, lexiconDirectory: lexiconsDirectory ?? MedTextLexicons.dataDirectory,
            normalizer: normalizer, medtextVersion: MedTextVersion.string)
    }

    /// Opens the database chosen by `databaseURL(explicit:lexiconsDirectory:)`, read-only.
    public static func open(explicit: URL? = nil, lexiconsDirectory: URL? = nil) throws(TerminologyError) -> TerminologyStore {
        try TerminologyStore(url: databaseURL(explicit: explicit, lexiconsDirectory: lexiconsDirectory), normalizer: normalizer)
    }

    /// The cache key of the default database for these lexicons (see `DefaultTerminology.cacheKey`).
    public static func defaultCacheKey(lexiconsDirectory: URL? = nil) -> String {
        DefaultTerminology.cacheKey(lexiconDirectory: lexiconsDirectory ?? MedTextLexicons.dataDirectory, normalizer: normalizer, medtextVersion: MedTextVersion.string)
    }

    /// Builds the default database from the lexicons into `target`, or into the cache when nil.
    @discardableResult
    public static func buildDefault(to target: URL?, lexiconsDirectory: URL? = nil) throws(TerminologyError) -> URL {
        let dir = lexiconsDirectory ?? MedTextLexicons.dataDirectory
        let out = target ?? DefaultTerminology.cacheDirectory.appendingPathComponent("terminology-\(defaultCacheKey(lexiconsDirectory: dir)).sqlite")
        return try DefaultTerminology.build(lexiconDirectory: dir, normalizer: normalizer, target: out, medtextVersion: MedTextVersion.string)
    }
}
