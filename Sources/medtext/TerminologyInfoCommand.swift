import ArgumentParser
import Foundation
import MedTextKit
import TerminologyMap

struct TerminologyInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show the code systems, versions, counts and sources of a terminology database."
    )

    @OptionGroup var terminology: TerminologyOption

    func run() throws {
        try runReportingErrors {
            let store = try MedTextTerminology.open(explicit: terminology.url)
            let info = try store.info()
            print("database: \(store.url.path)")
            for key in info.metadata.keys.sorted() { print("\(key): \(info.metadata[key]!)") }
            print("matchable terms: \(info.matchableTerms)")
            print("\ncode systems:")
            for v in info.versions {
                let c = info.counts.first { $0.system == v.system }
                var line = "  \(v.name)  \(v.system.uri)"
                if let e = v.edition { line += "  edition \(e)" }
                if let ver = v.version { line += "  version \(ver)" }
                line += "  concepts \(c?.concepts ?? 0)  terms \(c?.terms ?? 0)"
                print(line)
            }
            print("\nsources:")
            for s in info.sources {
                print("  \(s.kind)  \(s.name)\(s.version.map { "  version \($0)" } ?? "")  rows \(s.rows)  sha256 \(s.sha256)")
            }
        }
    }
}
