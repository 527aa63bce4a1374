// swift-tools-version:6.1
// medtext benchmarks: a separate package so that `swift build` / `swift test` of medtext stay fast.
//   python3 ../scripts/bench/generate_corpus.py --out corpus/synthetic.jsonl
//   swift run -c release TokenizerBenchmark corpus/synthetic.jsonl --expect expected-synthetic.txt
//   python3 ../scripts/batch/generate_docrefs.py --count 2000 --target-bytes 3000 --out corpus/docrefs-3k.ndjson
//   swift run -c release BatchBenchmark corpus/docrefs-3k.ndjson --jobs 1,2
//   python3 ../scripts/terminology/generate_synthetic_rf2.py --out /tmp/medtext-rf2
//   swift run -c release TerminologyBenchmark load-default
//   swift run -c release TerminologyBenchmark import-rf2 /tmp/medtext-rf2 /tmp/medtext-rf2.sqlite
//   swift run -c release TerminologyBenchmark load /tmp/medtext-rf2.sqlite
//   (cd .. && swift build -c release --product medtext)
//   swift run -c release EntityBenchmark corpus/synthetic.jsonl --expect expected-entities-synthetic.txt --cold-start ../.build/release/medtext
import PackageDescription

let package = Package(
    name: "medtext-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "medtext", path: "../")],
    targets: [
        .target(
            name: "BenchSupport",
            dependencies: [.product(name: "MedTextCore", package: "medtext")],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .executableTarget(
            name: "TokenizerBenchmark",
            dependencies: ["BenchSupport", .product(name: "MedTextKit", package: "medtext"), .product(name: "MedTextCore", package: "medtext"), .product(name: "Tokenizer", package: "medtext")],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .executableTarget(
            name: "TerminologyBenchmark",
            dependencies: [
                .product(name: "MedTextKit", package: "medtext"), .product(name: "MedTextCore", package: "medtext"),
                .product(name: "EntityRecognizer", package: "medtext"),
                .product(name: "Tokenizer", package: "medtext"), .product(name: "TerminologyMap", package: "medtext"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .executableTarget(
            name: "PHIBenchmark",
            dependencies: [
                "BenchSupport",
                .product(name: "MedTextKit", package: "medtext"), .product(name: "MedTextCore", package: "medtext"),
                .product(name: "Deidentifier", package: "medtext"), .product(name: "EntityRecognizer", package: "medtext"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .executableTarget(
            name: "BatchBenchmark",
            dependencies: [
                .product(name: "MedTextKit", package: "medtext"), .product(name: "MedTextCore", package: "medtext"),
                .product(name: "FHIRMapper", package: "medtext"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .executableTarget(
            name: "EntityBenchmark",
            dependencies: [
                "BenchSupport", .product(name: "MedTextKit", package: "medtext"), .product(name: "MedTextCore", package: "medtext"),
                .product(name: "EntityRecognizer", package: "medtext"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
