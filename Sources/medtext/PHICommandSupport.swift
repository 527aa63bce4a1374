public import ArgumentParser
import Foundation
import MedTextCore
import MedTextKit
import EntityRecognizer
public import Deidentifier

extension DateLocale: ExpressibleByArgument {}
extension DeidMode: ExpressibleByArgument {}

/// How facility and organisation names (`St Vincent's Hospital`, `Westside Medical Group`) are
/// reported: `organization` (the extended ORGANIZATION type, the default, as corpora/phi's
/// guideline asks) or `address` (as Amazon Comprehend Medical does).
enum FacilityReporting: String, CaseIterable, ExpressibleByArgument {
    case organization, address

    var type: EntityType { self == .address ? .address : .organization }
}

/// Shared by detect-phi and deid: builds the PHI pipeline and walks NDJSON input.
enum PHICommandSupport {
    /// The help of `--phi-tagger` / `--no-phi-tagger` (detect-phi, deid and the entity commands); argument-parser adds
    /// which of the two is the default (``PHIRecognizer/Options/taggerDefault``).
    static let taggerHelp = ArgumentHelp(
        "Add (or, with --no-phi-tagger, leave out) the spans of the learned PHI tagger (phi/tagger_weights.tsv) that no rule found: higher recall (held-out test 0.963 -> 0.970), slower (about 1.2x detection CPU), a few more false names, organisations and places on real reports.")
    /// `locale` decides the date conventions of detection too: en-AU notes use the duration notation `5/7`, `3/12`,
    /// `4/24` (five days, three months, four-hourly), which US writers do not (``PHIRecognizer/Options/dayMonthDurations``).
    /// `tagger`: add the learned tagger's spans (``PHIRecognizer/Options/tagger``; `--phi-tagger` / `--no-phi-tagger`,
    /// default ``PHIRecognizer/Options/taggerDefault``).
    static func pipeline(facilities: FacilityReporting = .organization, locale: DateLocale = .enUS, tagger: Bool = PHIRecognizer.Options.taggerDefault) throws -> PHIPipeline {
        do {
            return try PHIPipeline(
                options: PHIRecognizer.Options(facilityType: facilities.type, dayMonthDurations: locale == .enAU, tagger: tagger))
        } catch let e as PipelineBuildError {
            throw e.cliError(exitCode: 70)
        } catch {
            throw CLIError(code: "MT-CLI-003", message: "could not build the PHI pipeline", exitCode: 70)
        }
    }

    /// One NDJSON record: `{"id": ..., "text": ..., "patient_id"?: ...}`.
    struct Record {
        var id: String
        var text: String
        var patient: String?
    }

    /// Calls `body` for every record of the NDJSON input (file or stdin); a bad line becomes an
    /// error line on stdout (`{"id", "error"}`) and processing continues.
    static func eachRecord(path: String?, _ body: (Record) -> [UInt8]) throws {
        let reader: LineReader
        do {
            reader = try LineReader(path: path ?? "-")
        } catch {
            throw CLIError(code: "MT-CLI-001", message: "cannot read \(path ?? "-"): no such file, or not readable", exitCode: 66)
        }
        let out = FileHandle.standardOutput
        var lineNumber = 0
        var buffer: [UInt8] = []
        while true {
            let next: InputLine?
            do { next = try reader.next() } catch {
                throw CLIError(code: "MT-CLI-004", message: "read error in \(path ?? "standard input") after line \(lineNumber)", exitCode: 74)
            }
            guard let line = next else { break }
            lineNumber += 1
            switch line {
            case .tooLong:
                buffer += errorLine(id: nil, "MT-CLI-005", "line \(lineNumber) is too long")
            case .line(let bytes):
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                guard let record = record(bytes, lineNumber: lineNumber) else {
                    buffer += errorLine(id: nil, "MT-CLI-006", "line \(lineNumber) is not a JSON object with a \"text\" string")
                    continue
                }
                buffer += body(record)
                buffer.append(0x0A)
            }
            if buffer.count > 1 << 16 {
                out.write(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        out.write(Data(buffer))
    }

    /// The record of one NDJSON line, or nil when it is not a JSON object with a `text` string.
    /// The id is the `id` member (a number as Foundation prints it), or the line number without one.
    static func record(_ bytes: [UInt8], lineNumber: Int) -> Record? {
        if let fast = NDJSONRunner.FastLine(bytes) {
            guard let text = fast.string("text") else { return nil }
            let id: String
            switch fast.id {
            case .found(let s): id = s
            case .missing: id = String(lineNumber)
            }
            return Record(id: id, text: text, patient: fast.string("patient_id") ?? fast.string("subject"))
        }
        // Foundation's reading, for the lines the byte reader leaves to it (NDJSONRunner.FastLine).
        guard let obj = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
            let text = obj["text"] as? String
        else { return nil }
        let id = (obj["id"] as? String) ?? (obj["id"].map { "\($0)" } ?? String(lineNumber))
        let patient = (obj["patient_id"] as? String) ?? (obj["subject"] as? String)
        return Record(id: id, text: text, patient: patient)
    }

    static func errorLine(id: String?, _ code: String, _ message: String) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        if let id { w.field("id", id) } else { w.key("id"); w.null() }
        w.key("error")
        w.beginObject()
        w.field("code", code)
        w.field("message", message)
        w.endObject()
        w.endObject()
        return w.bytes + [0x0A]
    }
}
