import ArgumentParser
import Foundation
import MedTextCore
import MedTextKit
import Deidentifier
import EntityRecognizer

struct DetectPHICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect-phi",
        abstract: "Print the protected health information of a note as a Comprehend Medical DetectPHI response.",
        discussion: """
            Reads FILE (or standard input when FILE is absent or '-'), which must be UTF-8.
            Types: NAME, AGE, DATE, ADDRESS, PHONE_OR_FAX, EMAIL, ID, URL, PROFESSION, and the extended
            IP_ADDRESS and ORGANIZATION (facility and organisation names; --facilities address reports them
            as ADDRESS, as Comprehend Medical does). Offsets are Unicode code points unless --offsets says otherwise.
            With --ndjson, every input line is {"id": ..., "text": ...} and every output line {"id": ..., "result": ...}.
            """
    )

    @Argument(help: "The note (or NDJSON file) to read; '-' or absent for standard input.")
    var file: String?

    @Flag(help: "Read lines of {\"id\",\"text\"} and write lines of {\"id\",\"result\"}.")
    var ndjson = false

    @Option(help: "Date convention, en-US (MM/DD) or en-AU (DD/MM and the duration notation 5/7, 3/12, 4/24, read as durations, not dates).")
    var locale: DateLocale = .enUS

    @Option(help: ArgumentHelp(
        "How facility and organisation names are reported: organization (extended ORGANIZATION type) or address (ADDRESS, as Comprehend Medical does).",
        valueName: "organization|address"))
    var facilities: FacilityReporting = .organization

    @Option(help: "Offset unit: utf8, utf16 or codepoints.")
    var offsets: OffsetUnit = .codePoints

    @Flag(help: "Add an Explanation list (rule ids) to every entity.")
    var explain = false

    @Flag(help: "Replace invalid UTF-8 with U+FFFD (with a warning) instead of failing.")
    var lenient = false

    @Flag(inversion: .prefixedNo, help: PHICommandSupport.taggerHelp)
    var phiTagger = PHIRecognizer.Options.taggerDefault

    func run() throws {
        do {
            let pipeline = try PHICommandSupport.pipeline(facilities: facilities, locale: locale, tagger: phiTagger)
            if ndjson {
                let json = ComprehendMedicalJSON(offsets: offsets, explain: explain)
                try PHICommandSupport.eachRecord(path: file) { record in
                    let doc = pipeline.detect(Document(id: record.id, text: record.text))
                    var w = JSONWriter(reserve: record.text.utf8.count * 4 + 256)
                    w.beginObject()
                    w.field("id", record.id)
                    w.key("result")
                    json.write(.detectPHI, for: doc, into: &w)
                    w.endObject()
                    return w.bytes
                }
                return
            }
            let (text, diagnostic) = try InputReader(path: file, lenient: lenient).read()
            if let d = diagnostic { StandardError.write("warning: \(d.code): \(d.message)") }
            let doc = pipeline.detect(Document(id: file ?? "-", text: text))
            let json = ComprehendMedicalJSON(offsets: offsets, explain: explain, indent: 2)
            FileHandle.standardOutput.write(Data(json.response(.detectPHI, for: doc) + [0x0A]))
        } catch let e as CLIError {
            StandardError.write(e.description)
            throw ExitCode(e.exitCode)
        }
    }
}
