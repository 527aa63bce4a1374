// swift-tools-version:6.1
// An ingestion hook built on MedTextKit: not part of medtext's own build or tests.
//
//   cd Examples/IngestionHook
//   swift run -c release IngestionHook INPUT_DIR OUTPUT_DIR [--concurrency N]
import PackageDescription

let package = Package(
    name: "medtext-ingestion-hook-example",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "medtext", path: "../..")],
    targets: [
        .executableTarget(
            name: "IngestionHook",
            dependencies: [.product(name: "MedTextKit", package: "medtext"), .product(name: "MedTextCore", package: "medtext")],
            swiftSettings: [.swiftLanguageMode(.v6)]
        )
    ]
)
