import ArgumentParser
import FHIRMapper
import Foundation
import MedTextCore
import MedTextKit

/// `medtext fhir [FILE]`: a note → FHIR R4 resources (transaction or collection Bundle, or NDJSON).
struct FHIRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fhir",
        abstract: "Map a note to FHIR R4 resources: Condition, MedicationStatement, FamilyMemberHistory, AllergyIntolerance, Observation, Procedure and a Provenance.",
        discussion: """
            Resource ids are UUID v5 of the DocumentReference id and version, the span and the code, so the \
            same input gives byte-identical output and re-ingesting a transaction Bundle (PUT Type/id) creates \
            no duplicates. Every resource carries the derivation-reference extension (offset and length in code \
            points of the note text) and the source's meta.security and meta.tag.
            """)

    enum BundleKind: String, ExpressibleByArgument, CaseIterable {
        case transaction, collection, ndjson
    }

    @Argument(help: "The notes to read; '-' or none for standard input. Several files need --out.")
    var files: [String] = []

    @Option(help: ArgumentHelp("The subject, e.g. Patient/123. Without it, required subject elements carry data-absent-reason 'unknown'.", valueName: "Type/id"))
    var subject: String?

    @Option(help: ArgumentHelp("The encounter, e.g. Encounter/9.", valueName: "Encounter/id"))
    var encounter: String?

    @Option(help: ArgumentHelp("The source DocumentReference, DocumentReference/abc or DocumentReference/abc/_history/2 (default: a UUID v5 of the note text).", valueName: "reference"))
    var document: String?

    @Option(help: "Output: transaction (PUT Type/id), collection, or ndjson (one resource per line, grouped by type).")
    var bundle: BundleKind = .transaction

    @Option(help: ArgumentHelp("Write into this folder instead of standard output: <note name>.json per note for bundles, <ResourceType>.ndjson for ndjson.", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("Keep mentions that are left out by default, flagged with a meta.tag: hypothetical, future (comma-separated).", valueName: "list"))
    var include: String?

    @Option(help: ArgumentHelp("A security label to copy onto every resource, as system|code (repeatable).", valueName: "system|code"))
    var security: [String] = []

    @Option(help: ArgumentHelp("A tag to copy onto every resource, as system|code (repeatable).", valueName: "system|code"))
    var tag: [String] = []

    @Option(help: ArgumentHelp("recordedDate and Provenance.recorded, an instant such as 2026-11-29T10:00:00Z (default: $SOURCE_DATE_EPOCH, else the file's modification time, else now).", valueName: "instant"))
    var recorded: String?

    @Option(name: .customLong("terminology"), help: ArgumentHelp("Terminology database (default: $MEDTEXT_TERMINOLOGY, else the built-in one).", valueName: "path"))
    var terminology: String?

    @Flag(help: "Indent the JSON output (bundles only).")
    var pretty = false

    @Flag(help: "Replace invalid UTF-8 with U+FFFD (with a warning) instead of failing.")
    var lenient = false

    func run() throws {
        do {
            try execute()
        } catch let e as CLIError {
            StandardError.write(e.description)
            throw ExitCode(e.exitCode)
        }
    }

    static func usage(_ message: String) -> CLIError { CLIError(code: "MT-CLI-010", message: message, exitCode: 64) }

    static func codings(_ values: [String], option: String) throws(CLIError) -> [MapperCoding] {
        try values.map { v throws(CLIError) -> MapperCoding in
            guard let bar = v.lastIndex(of: "|"), bar != v.startIndex, v.index(after: bar) != v.endIndex else {
                throw usage("--\(option) must be system|code, e.g. http://terminology.hl7.org/CodeSystem/v3-Confidentiality|R")
            }
            return MapperCoding(system: String(v[..<bar]), code: String(v[v.index(after: bar)...]))
        }
    }

    static func instant(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }

    func execute() throws(CLIError) {
        if let s = subject, !FHIRFormat.isRelativeReference(s) { throw Self.usage("--subject must be a reference such as Patient/123") }
        if let e = encounter, !FHIRFormat.isRelativeReference(e) || !e.hasPrefix("Encounter/") {
            throw Self.usage("--encounter must be a reference such as Encounter/9")
        }
        var include: FHIRInclude = []
        for item in (self.include ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            switch item {
            case "hypothetical": include.insert(.hypothetical)
            case "future": include.insert(.future)
            default: throw Self.usage("--include takes hypothetical and/or future, not '\(item)'")
            }
        }
        if files.count > 1, out == nil { throw Self.usage("several notes need --out DIR") }
        if files.count > 1, document != nil { throw Self.usage("--document names one note; with several notes each gets a UUID v5 of its text") }
        let security = try Self.codings(self.security, option: "security")
        let tags = try Self.codings(self.tag, option: "tag")
        if let r = recorded, !(FHIRFormat.isDateTime(r) && r.contains("T")) {
            throw Self.usage("--recorded must be an instant such as 2026-11-29T10:00:00Z")
        }
        if subject == nil { StandardError.write("warning: MT-FHIR-002: no --subject; subject references carry data-absent-reason 'unknown'") }
        let fhir: MedTextFHIR
        do {
            let annotator = try MedTextAnnotator(configuration: MedTextConfiguration(terminologyURL: terminology.map { URL(fileURLWithPath: $0) }))
            ProcessLifetime.keep(annotator)
            fhir = try MedTextFHIR(annotator: annotator)
        } catch let e as PipelineBuildError {
            throw e.cliError(exitCode: 70)
        } catch {
            throw CLIError(code: "MT-FHIR-003", message: "cannot build the pipeline", exitCode: 70)
        }
        if let dir = out {
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            } catch {
                throw CLIError(code: "MT-IO-003", message: "cannot create \(dir)", exitCode: 74)
            }
        }
        var ndjsonGroups: [(String, [UInt8])] = []
        for file in files.isEmpty ? ["-"] : files {
            let (bytes, groups) = try convert(file: file, fhir: fhir, security: security, tags: tags, include: include)
            if let dir = out {
                if bundle == .ndjson {
                    for (type, b) in groups {
                        if let k = ndjsonGroups.firstIndex(where: { $0.0 == type }) { ndjsonGroups[k].1 += b } else { ndjsonGroups.append((type, b)) }
                    }
                } else {
                    let name = URL(fileURLWithPath: file == "-" ? "stdin" : file).deletingPathExtension().lastPathComponent + ".json"
                    try write(bytes, to: URL(fileURLWithPath: dir).appendingPathComponent(name))
                }
            } else {
                FileHandle.standardOutput.write(Data(bytes))
            }
        }
        if let dir = out, bundle == .ndjson {
            let order = FHIRBundle.typeOrder
            for (type, b) in ndjsonGroups.sorted(by: { (order.firstIndex(of: $0.0) ?? 99, $0.0) < (order.firstIndex(of: $1.0) ?? 99, $1.0) }) {
                try write(b, to: URL(fileURLWithPath: dir).appendingPathComponent(type + ".ndjson"))
            }
        }
    }

    func write(_ bytes: [UInt8], to url: URL) throws(CLIError) {
        do {
            try Data(bytes).write(to: url)
        } catch {
            throw CLIError(code: "MT-IO-003", message: "cannot write \(url.path)", exitCode: 74)
        }
    }

    /// One note → its output bytes (a bundle, or NDJSON lines) and its NDJSON groups.
    func convert(file: String, fhir: MedTextFHIR, security: [MapperCoding], tags: [MapperCoding], include: FHIRInclude) throws(CLIError) -> ([UInt8], [(resourceType: String, bytes: [UInt8])]) {
        var recordedAt = recorded
        if recordedAt == nil {
            if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let secs = TimeInterval(epoch) {
                recordedAt = Self.instant(Date(timeIntervalSince1970: secs))
            } else if file != "-", let attrs = try? FileManager.default.attributesOfItem(atPath: file), let m = attrs[.modificationDate] as? Date {
                recordedAt = Self.instant(Date(timeIntervalSince1970: m.timeIntervalSince1970.rounded(.down)))
            } else {
                recordedAt = Self.instant(Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)))
            }
        }
        let (text, diagnostic) = try InputReader(path: file, lenient: lenient).read()
        if let d = diagnostic { StandardError.write("warning: \(d.code): \(d.message)") }
        let docRef: DocumentReferenceID
        if let d = document {
            guard let parsed = DocumentReferenceID(reference: d) else {
                throw Self.usage("--document must be DocumentReference/<id> or DocumentReference/<id>/_history/<version>")
            }
            docRef = parsed
        } else {
            docRef = DocumentReferenceID(id: NameBasedUUID.v5(namespace: FHIRMapper.idNamespace, name: "text|" + text))
        }
        let context = FHIRContext(
            subject: subject, encounter: encounter, document: docRef, security: security, tags: tags, recorded: recordedAt,
            medtextVersion: MedTextVersion.string, terminologyVersions: fhir.terminologyVersions, include: include)
        let doc = fhir.annotator.annotate(Document(id: docRef.id, text: text), linking: .linked, phi: false)
        for d in doc.diagnostics { StandardError.write("warning: \(d.code): \(d.message)") }
        let mapping = fhir.mapper.map(doc, context: context)
        let groups = FHIRBundle.ndjson(mapping.all)
        switch bundle {
        case .transaction, .collection:
            var bytes = FHIRBundle.bundleJSON(mapping, kind: bundle == .transaction ? .transaction : .collection, context: context, indent: pretty ? 2 : 0)
            bytes.append(0x0A)
            return (bytes, groups)
        case .ndjson:
            return (groups.flatMap(\.bytes), groups)
        }
    }
}
