// The data files in lexicons/data, shipped as a SwiftPM resource bundle so that
// `swift run medtext` and an installed binary (with its .resources folder beside it)
// find them without any flag. This is the only Swift file in lexicons/.
public import Foundation

/// Locates medtext's default lexicon data.
public enum MedTextLexicons {
    /// Environment variable that points to another lexicon data directory
    /// (a folder laid out like `lexicons/data`).
    public static let environmentVariable = "MEDTEXT_LEXICONS"

    /// The lexicon data directory: `$MEDTEXT_LEXICONS` when set, else the bundled copy.
    public static var dataDirectory: URL {
        if let override = ProcessInfo.processInfo.environment[environmentVariable], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        return bundledDataDirectory
    }

    /// The copy of `lexicons/data` bundled with the build.
    public static var bundledDataDirectory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("data", isDirectory: true)
    }

    /// The URL of a file inside the data directory, e.g. `url(for: "tokenizer/abbreviations.txt")`.
    public static func url(for relativePath: String) -> URL {
        dataDirectory.appendingPathComponent(relativePath)
    }
}
