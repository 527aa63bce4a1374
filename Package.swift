// swift-tools-version:6.1
import PackageDescription

// medtext: clinical NLP engine. See DESIGN.md for the architecture.
//
// Module graph (stages talk through MedTextCore values only; the one allowed
// cross-stage import is EntityRecognizer -> Tokenizer):
//
//   MedTextCore            value types, no I/O
//   CSHA256                SHA-256 blocks with the x86 SHA extensions (MedTextCore's SHA256 falls back to Swift)
//   CICU                   tiny C shim over ICU (ICU headers never meet Foundation)
//   CSQLite                SQLite as a system library
//   Tokenizer              normalization, tokens, sentences, sections
//   TerminologyMap         SQLite terminology store, importers, lookup
//   Deidentifier           redact / mask / surrogate / date shift over PHI spans (MedTextCore only)
//   FHIRMapper             annotated document -> FHIR R4 resources (pure)
//   MedTextLexicons        the data in lexicons/ as a resource bundle
//   MedTextKit             the facade users import
//   medtext                the CLI

let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "medtext",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "MedTextKit", targets: ["MedTextKit"]),
        .library(name: "MedTextCore", targets: ["MedTextCore"]),
        .library(name: "Tokenizer", targets: ["Tokenizer"]),
        .library(name: "EntityRecognizer", targets: ["EntityRecognizer"]),
        .library(name: "TerminologyMap", targets: ["TerminologyMap"]),
        .library(name: "Deidentifier", targets: ["Deidentifier"]),
        .library(name: "FHIRMapper", targets: ["FHIRMapper"]),
        .executable(name: "medtext", targets: ["medtext"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "MedTextCore", dependencies: ["CSHA256"], swiftSettings: swiftSettings),
        // SHA-256 block compression with the x86 SHA extensions (MedTextCore's `SHA256` falls back to Swift without them).
        .target(name: "CSHA256"),
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata")]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .target(name: "Tokenizer", dependencies: ["MedTextCore", "CICU"], swiftSettings: swiftSettings),
        .target(name: "EntityRecognizer", dependencies: ["MedTextCore", "Tokenizer"], swiftSettings: swiftSettings),
        // De-identification (redact, mask, surrogate, date shift) as pure functions over PHI spans.
        .target(name: "Deidentifier", dependencies: ["MedTextCore"], swiftSettings: swiftSettings),
        .target(
            name: "MedTextLexicons",
            path: "lexicons",
            exclude: ["README.md", "NOTICE", "seed"],
            sources: ["MedTextLexicons.swift"],
            resources: [.copy("data")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TerminologyMap",
            dependencies: ["MedTextCore", "CSQLite"],
            swiftSettings: swiftSettings
        ),
        .target(name: "FHIRMapper", dependencies: ["MedTextCore"], swiftSettings: swiftSettings),
        .target(
            name: "MedTextKit",
            dependencies: ["MedTextCore", "Tokenizer", "MedTextLexicons", "CZlib", "TerminologyMap", "EntityRecognizer", "Deidentifier", "FHIRMapper"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "medtext",
            dependencies: ["MedTextKit", "TerminologyMap", "Deidentifier", "EntityRecognizer", "FHIRMapper", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),
        .target(name: "MedTextTestSupport", dependencies: ["MedTextCore"], swiftSettings: swiftSettings),

        .testTarget(name: "MedTextCoreTests", dependencies: ["MedTextCore", "MedTextTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "TokenizerTests",
            dependencies: ["Tokenizer", "MedTextCore", "MedTextLexicons", "MedTextTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["medtext", "MedTextKit", "MedTextCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FHIRMapperTests",
            dependencies: ["FHIRMapper", "MedTextCore", "MedTextKit", "MedTextLexicons", "MedTextTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MedTextKitTests",
            dependencies: ["MedTextKit", "MedTextTestSupport", "Deidentifier", "MedTextCore", "FHIRMapper", "EntityRecognizer", "TerminologyMap", "MedTextLexicons"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EntityRecognizerTests",
            dependencies: ["EntityRecognizer", "Tokenizer", "MedTextLexicons", "MedTextTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DeidentifierTests",
            dependencies: ["Deidentifier", "MedTextCore", "MedTextTestSupport", "MedTextLexicons"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TerminologyMapTests",
            dependencies: ["TerminologyMap", "MedTextCore", "MedTextLexicons", "Tokenizer"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
    ]
)
