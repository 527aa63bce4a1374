import ArgumentParser
import Foundation
import MedTextCore
import MedTextKit
import TerminologyMap

struct TerminologyLookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Look up a term or a code: concepts, their codes and ranked candidates (JSON).",
        discussion: """
            TEXT is matched by its normalized form (like note text); a code (E11.9, 44054006,
            cond:hypertension) is found in any system. Candidates are ranked as in the infer-*
            commands: ICD-10-CM, SNOMED CT and RxNorm, top 5 each, with scores.
            """
    )

    @Argument(help: "A term (\"type 2 diabetes\") or a code (E11.40).")
    var query: String

    @Option(help: ArgumentHelp("Context words that qualify the mention (repeatable): acute, left, 'with diabetic neuropathy', '500 mg tablet'.", valueName: "text"))
    var context: [String] = []

    @OptionGroup var terminology: TerminologyOption

    func run() throws {
        try runReportingErrors {
            let store = try MedTextTerminology.open(explicit: terminology.url)
            var ids = try store.conceptIDs(matching: query)
            let byCode = try store.conceptIDs(code: query)
            for id in byCode where !ids.contains(id) { ids.append(id) }
            let details = try store.concepts(ids: ids)
            var w = JSONWriter(indent: 2)
            w.beginObject()
            w.field("Query", query)
            w.key("Concepts")
            w.beginArray()
            for id in ids {
                guard let d = details[id] else { continue }
                w.beginObject()
                w.field("System", d.code.system.uri)
                w.field("Code", d.code.code)
                w.field("Display", d.code.display)
                if let t = d.entityType { w.field("Type", t.rawValue) }
                if let c = d.lexiconClass ?? d.category { w.field("Category", c) }
                if let b = d.billable { w.field("Billable", b) }
                w.field("Active", d.active)
                w.key("Links")
                w.beginArray()
                for l in d.links {
                    w.beginObject()
                    w.field("Relation", l.relation)
                    w.field("System", l.code.system.uri)
                    w.field("Code", l.code.code)
                    w.field("Display", l.code.display)
                    w.endObject()
                }
                w.endArray()
                w.endObject()
            }
            w.endArray()
            let mention = MentionQuery(text: query, context: context, conceptIDs: byCode.isEmpty ? ids : [])
            let lists: [(String, [ConceptCode])] = [
                ("ICD10CMConcepts", try store.icd10cmCandidates(for: mention)),
                ("SNOMEDCTConcepts", try store.snomedCandidates(for: mention)),
                ("RxNormConcepts", try store.rxNormCandidates(for: mention)),
            ]
            for (name, list) in lists {
                w.key(name)
                w.beginArray()
                for c in list {
                    w.beginObject()
                    w.field("Code", c.code)
                    w.field("Description", c.display)
                    w.field("Score", c.score)
                    w.endObject()
                }
                w.endArray()
            }
            w.endObject()
            print(w.string)
        }
    }
}
