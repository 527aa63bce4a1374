import ArgumentParser
import Foundation
import MedTextCore
import MedTextKit
import Deidentifier
import EntityRecognizer

struct DeidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deid",
        abstract: "De-identify a note: redact, mask or replace its PHI with consistent surrogates.",
        discussion: """
            Reads FILE (or standard input when FILE is absent or '-'), which must be UTF-8, and writes the
            de-identified text. --mode redact writes [NAME], [DATE], ...; mask writes one '*' per character;
            surrogate writes realistic fake values that keep the format (phones stay phones of the same
            country, Medicare numbers and IHIs keep valid check digits, dates are shifted).
            --shift-dates moves every date by a per-patient number of days (intervals preserved, written in
            the original format). With --key, surrogates and shifts are the same across notes and runs; the
            patient is --patient-id, else the NDJSON record's "patient_id", else the note's subject (the name
            after a patient label, or the MRN). Without --key a random key is used for this run only.
            --avoid-names FILE lists real names (a roster) that no surrogate may use, so a surrogate never equals
            a real person of another note; the note's own detected PHI is always avoided.
            --audit FILE writes one JSON line per note listing what was replaced (type, original and output
            offsets in code points, rule), without the original text unless --audit-include-text.
            """
    )

    @Argument(help: "The note (or NDJSON file) to read; '-' or absent for standard input.")
    var file: String?

    @Option(help: "redact, mask or surrogate.")
    var mode: DeidMode = .redact

    @Flag(help: "Shift dates by a per-patient offset instead of replacing them.")
    var shiftDates = false

    @Option(help: "Secret for consistent surrogates and date shifts (or set MEDTEXT_DEID_KEY).")
    var key: String?

    @Option(help: "The patient these notes belong to (decides the date shift).")
    var patientId: String?

    @Option(help: ArgumentHelp(
        "How facility and organisation names are reported: organization (extended ORGANIZATION type) or address (ADDRESS, as Comprehend Medical does).",
        valueName: "organization|address"))
    var facilities: FacilityReporting = .organization

    @Option(help: "Date convention for numeric dates: en-US (MM/DD) or en-AU (DD/MM).")
    var locale: DateLocale = .enUS

    @Option(help: ArgumentHelp(
        "A file of real names (one per line, e.g. a patient and staff roster) that surrogates must never use.",
        valueName: "file"))
    var avoidNames: String?

    @Option(help: "Write the audit of replacements to this file (JSON lines).")
    var audit: String?

    @Flag(help: "Include the original text of each replaced span in the audit (it is PHI).")
    var auditIncludeText = false

    @Flag(help: "Read lines of {\"id\",\"text\"[,\"patient_id\"]} and write lines of {\"id\",\"text\"}.")
    var ndjson = false

    @Flag(help: "Replace invalid UTF-8 with U+FFFD (with a warning) instead of failing.")
    var lenient = false

    @Flag(inversion: .prefixedNo, help: PHICommandSupport.taggerHelp)
    var phiTagger = PHIRecognizer.Options.taggerDefault

    func run() throws {
        do {
            let pipeline = try PHICommandSupport.pipeline(facilities: facilities, locale: locale, tagger: phiTagger)
            let secret = key ?? ProcessInfo.processInfo.environment["MEDTEXT_DEID_KEY"]
            var options = DeidOptions(mode: mode, shiftDates: shiftDates, key: secret.map { Array($0.utf8) }, patientID: patientId, locale: locale)
            if let path = avoidNames {
                guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                    throw CLIError(code: "MT-CLI-008", message: "cannot read the names file \(path) (UTF-8 text, one name per line)", exitCode: 66)
                }
                options.avoidWords = Deidentifier.nameWords(text)
            }
            let deid = pipeline.deidentifier(options: options)
            var auditHandle: FileHandle? = nil
            if let path = audit {
                guard FileManager.default.createFile(atPath: path, contents: nil), let h = FileHandle(forWritingAtPath: path) else {
                    throw CLIError(code: "MT-CLI-007", message: "cannot write the audit file \(path)", exitCode: 73)
                }
                auditHandle = h
            }
            defer { try? auditHandle?.close() }
            if ndjson {
                try PHICommandSupport.eachRecord(path: file) { record in
                    let document = Document(id: record.id, text: record.text)
                    let (_, result) = pipeline.deidentify(document, with: deid, patient: record.patient)
                    if let h = auditHandle { h.write(Data(auditLine(id: record.id, original: document.text, result: result))) }
                    var w = JSONWriter(reserve: result.text.utf8.count + 64)
                    w.beginObject()
                    w.field("id", record.id)
                    w.field("text", result.text)
                    w.endObject()
                    return w.bytes
                }
                return
            }
            let (text, diagnostic) = try InputReader(path: file, lenient: lenient).read()
            if let d = diagnostic { StandardError.write("warning: \(d.code): \(d.message)") }
            let document = Document(id: file ?? "-", text: text)
            let (_, result) = pipeline.deidentify(document, with: deid)
            if let h = auditHandle { h.write(Data(auditLine(id: document.id, original: document.text, result: result))) }
            FileHandle.standardOutput.write(Data(result.text.utf8))
        } catch let e as CLIError {
            StandardError.write(e.description)
            throw ExitCode(e.exitCode)
        }
    }

    /// `{"id", "Replacements": [{"Type","BeginOffset","EndOffset","OutputBeginOffset","OutputEndOffset","Rule"[,"Text"]}]}`.
    func auditLine(id: String, original: String, result: DeidResult) -> [UInt8] {
        let inConv = OffsetConverter(original)
        let outConv = OffsetConverter(result.text)
        var w = JSONWriter()
        w.beginObject()
        w.field("id", id)
        w.key("Replacements")
        w.beginArray()
        for r in result.replacements {
            w.beginObject()
            w.field("Type", r.type.rawValue)
            w.field("BeginOffset", inConv.codePointOffset(ofUTF8: r.original.start))
            w.field("EndOffset", inConv.codePointOffset(ofUTF8: r.original.end))
            w.field("OutputBeginOffset", outConv.codePointOffset(ofUTF8: r.output.start))
            w.field("OutputEndOffset", outConv.codePointOffset(ofUTF8: r.output.end))
            w.field("Rule", r.rule)
            if auditIncludeText { w.field("Text", String(Document(text: original).text(in: r.original))) }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes + [0x0A]
    }
}
