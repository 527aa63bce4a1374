public import MedTextCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One generated FHIR resource: its type, its deterministic id and its JSON.
public struct FHIRResource: Sendable, Hashable {
    public var resourceType: String
    public var id: String
    /// The whole resource as compact JSON (`resourceType` and `id` first): what every output
    /// writes. The mapper writes it directly, without building a value tree.
    public var bytes: [UInt8]

    public init(resourceType: String, id: String, bytes: [UInt8]) {
        self.resourceType = resourceType
        self.id = id
        self.bytes = bytes
    }

    /// A resource from a value tree (serialized compactly).
    public init(resourceType: String, id: String, json: FHIRValue) {
        self.init(resourceType: resourceType, id: id, bytes: JSONOut.bytes(json))
    }

    /// The resource as a value tree, parsed from ``bytes`` (every number as `.decimal`).
    /// - Complexity: O(n) in the size of the resource, with an allocation per element: for
    ///   tests and inspection; outputs use ``bytes``.
    public var json: FHIRValue { FHIRValue(json: bytes) ?? .object(FHIRObject()) }

    /// `Condition/<id>`.
    public var reference: String { "\(resourceType)/\(id)" }
}

/// The resources derived from one document.
public struct FHIRMapping: Sendable {
    /// Clinical resources in text order.
    public var resources: [FHIRResource]
    /// One Provenance for the document (nil when nothing was derived or no recorded time was given).
    public var provenance: FHIRResource?
    /// `resources` followed by the Provenance.
    public var all: [FHIRResource] { resources + (provenance.map { [$0] } ?? []) }
}

/// Annotated document + context → FHIR R4 (4.0.1) resources. Pure and deterministic: the same
/// input gives the same resources, ids and bytes. Mapping never fails. See DESIGN.md
/// "FHIR mapping" for every rule.
public struct FHIRMapper: Sendable {
    public let sig: FHIRSigTables

    /// medtext's own URIs.
    public enum URI {
        public static let assertionTags = "https://medtext.dev/fhir/CodeSystem/assertion"
        public static let derivationReference = "http://hl7.org/fhir/StructureDefinition/derivation-reference"
        public static let dataAbsentReason = "http://hl7.org/fhir/StructureDefinition/data-absent-reason"
        /// The name from which the id namespace is derived (UUID v5 in the URL namespace).
        public static let idNamespaceName = "https://medtext.dev/fhir/id"
    }

    /// The UUID namespace of resource ids: UUID v5 of ``URI/idNamespaceName`` in the URL namespace.
    public static let idNamespace: [UInt8] = NameBasedUUID.bytes(
        of: NameBasedUUID.v5(namespace: NameBasedUUID.urlNamespace, name: URI.idNamespaceName))!

    public init(sig: FHIRSigTables) { self.sig = sig }

    /// The deterministic id of a resource: UUID v5 (SHA-1) over the DocumentReference id and
    /// version, the resource type, the span in code points and the primary code.
    public static func resourceID(document: DocumentReferenceID, resourceType: String, offset: Int, length: Int, code: String) -> String {
        NameBasedUUID.v5(
            namespace: idNamespace,
            name: "\(document.id)|\(document.version ?? "")|\(resourceType)|\(offset)|\(length)|\(code)")
    }

    /// Maps one annotated document.
    /// - Complexity: O(e · (a + s)) for e entities, a attributes each, s entities per sentence.
    public func map(_ doc: AnnotatedDocument, context: FHIRContext) -> FHIRMapping {
        let run = Run(mapper: self, doc: doc, context: context)
        return run.map()
    }
}

/// The state of mapping one document.
final class Run {
    let mapper: FHIRMapper
    let doc: AnnotatedDocument
    let ctx: FHIRContext
    let conv: OffsetConverter
    let lowerText: [UInt8]
    var consumed = Set<Int>()
    var prnReason: [Int: Int] = [:]
    var reactions: [Int: [Int]] = [:]

    // Elements every resource of the document shares, built once per document.
    /// `{"reference":"DocumentReference/<id>[/_history/<v>]"}`.
    let documentReference: FHIRValue
    /// The source's `meta.security` and `meta.tag` codings.
    let securityValues: [FHIRValue]
    let tagValues: [FHIRValue]
    /// `Coding.version` per code system, from the terminology versions.
    let versions: [CodeSystem: String]
    /// The recorded time, when given and not empty.
    let recorded: String?
    /// The same elements serialized, as every resource writes them.
    /// The subject, or a Reference carrying data-absent-reason `unknown` (never an invented Patient).
    let subjectRequiredJSON: [UInt8]
    /// `{"reference": <subject>}` when there is a subject.
    let subjectJSON: [UInt8]?
    /// `{"reference": <encounter>}` when there is one.
    let encounterJSON: [UInt8]?
    /// `meta` of a resource without assertion flags (nil when the source has no labels or tags).
    let plainMetaJSON: [UInt8]?
    /// `[{"detail":[<documentReference>]}]` (Condition.evidence).
    let evidenceJSON: [UInt8]
    /// `[<documentReference>]` (derivedFrom).
    let derivedFromJSON: [UInt8]
    /// `[{"url":"<derivation-reference>","extension":[{"url":"reference","valueReference":<documentReference>}`:
    /// the derivation-reference extension up to its position sub-extensions.
    let extensionPrefix: [UInt8]
    /// `{"system":"<uri>"` plus `,"version":"<v>"` when the terminology has one, per code system.
    var codingPrefixes: [CodeSystem: [UInt8]] = [:]

    init(mapper: FHIRMapper, doc: AnnotatedDocument, context: FHIRContext) {
        self.mapper = mapper
        self.doc = doc
        self.ctx = context
        self.conv = OffsetConverter(doc.document.text)
        self.lowerText = Array(doc.document.text.utf8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let docRef = obj(["reference": .string(context.document.reference)])
        self.documentReference = docRef
        let subjectRequired = context.subject.map { obj(["reference": .string($0)]) }
            ?? obj(["extension": .array([obj(["url": .string(FHIRMapper.URI.dataAbsentReason), "valueCode": .string("unknown")])])])
        self.subjectRequiredJSON = JSONOut.bytes(subjectRequired)
        self.subjectJSON = context.subject.map { JSONOut.bytes(obj(["reference": .string($0)])) }
        self.encounterJSON = context.encounter.map { JSONOut.bytes(obj(["reference": .string($0)])) }
        self.securityValues = context.security.map(\.value)
        self.tagValues = context.tags.map(\.value)
        var versions: [CodeSystem: String] = [:]
        for t in context.terminologyVersions.reversed() {
            // The first entry of a system wins, as a linear search would find it.
            versions[CodeSystem(uri: t.system)] = t.version ?? ""
        }
        self.versions = versions
        self.recorded = context.recorded.flatMap { $0.isEmpty ? nil : $0 }
        self.evidenceJSON = JSONOut.bytes(.array([obj(["detail": .array([docRef])])]))
        self.derivedFromJSON = JSONOut.bytes(.array([docRef]))
        let meta = obj(["security": .array(securityValues), "tag": .array(tagValues)])
        if case .object(let o) = meta, !o.members.isEmpty { plainMetaJSON = JSONOut.bytes(meta) } else { plainMetaJSON = nil }
        var prefix = JSONOut(reserve: 256)
        prefix.appendStatic("[{\"url\":")
        prefix.string(FHIRMapper.URI.derivationReference)
        prefix.appendStatic(",\"extension\":[")
        prefix.value(obj(["url": .string("reference"), "valueReference": docRef]))
        self.extensionPrefix = prefix.bytes
    }

    var sig: FHIRSigTables { mapper.sig }

    // MARK: - Driver

    func map() -> FHIRMapping {
        link()
        var out: [FHIRResource] = []
        var seen = Set<String>()
        for (i, e) in doc.entities.enumerated() where !consumed.contains(i) {
            guard let flags = assertionFlags(e) else { continue }
            let r: FHIRResource?
            switch e.type {
            case .dxName where e.traits.contains(.pertainsToFamily): r = familyHistory(i, flags)
            case .dxName: r = condition(i, flags)
            case .genericName, .brandName: r = medicationStatement(i, flags)
            case .allergies: r = allergy(i, flags)
            case .testName: r = observation(i, flags)
            case .procedureName: r = procedure(i, flags)
            default: r = nil
            }
            if let r, seen.insert(r.reference).inserted { out.append(r) }
        }
        return FHIRMapping(resources: out, provenance: provenance(out))
    }

    /// Links between entities: PRN reasons of medications, reactions of allergies. Linked
    /// conditions are not emitted as Conditions of their own.
    func link() {
        let ents = doc.entities
        for (i, e) in ents.enumerated() {
            if e.category == .medication, e.type == .genericName || e.type == .brandName {
                guard let prn = e.attributes.first(where: { $0.type == .frequency && sig.frequencyHits(in: text($0.span)).contains(where: { $0.row.asNeeded }) })
                else { continue }
                let sentence = sentenceSpan(e.span.start)
                for j in (i + 1)..<ents.count {
                    let c = ents[j]
                    if c.span.start >= sentence.end || c.category == .medication { break }
                    guard c.type == .dxName, c.span.start >= prn.span.end, c.span.start - prn.span.end <= 24 else { continue }
                    prnReason[i] = j
                    consumed.insert(j)
                    break
                }
            } else if e.type == .allergies, !e.traits.contains(.negation) {
                let sentence = sentenceSpan(e.span.start)
                var list: [Int] = []
                for j in (i + 1)..<ents.count {
                    let c = ents[j]
                    if c.span.start >= sentence.end || c.type == .allergies { break }
                    if c.type == .dxName, !c.traits.contains(.negation) {
                        list.append(j)
                        consumed.insert(j)
                    }
                }
                if !list.isEmpty { reactions[i] = list }
            }
        }
    }

    /// Assertion tags for an included entity, or nil when it is left out (hypothetical and future
    /// mentions unless `include` asks for them).
    func assertionFlags(_ e: Entity) -> [String]? {
        var flags: [String] = []
        if e.traits.contains(.hypothetical) {
            guard ctx.include.contains(.hypothetical) else { return nil }
            flags.append("hypothetical")
        }
        if e.traits.contains(.future) {
            guard ctx.include.contains(.future) else { return nil }
            flags.append("future")
        }
        return flags
    }

    // MARK: - Text helpers

    func text(_ span: TextSpan) -> String { String(doc.document.text(in: span)) }

    static let timeToTypes: Set<EntityType> = [.timeToDxName, .timeToMedicationName, .timeToTestName, .timeToProcedureName, .timeToTreatmentName]

    /// When the note dates the event (a `TIME_TO_*` attribute, "chest pain since yesterday",
    /// "appendicectomy 2010"): a FHIR dateTime when the time is an absolute calendar date
    /// (``FHIRDates``), and the note's words.
    func eventTime(_ e: Entity) -> (dateTime: String?, text: String)? {
        guard let a = e.attributes.first(where: { Self.timeToTypes.contains($0.type) }) else { return nil }
        let t = text(a.span)
        if let d = FHIRDates.dateTime(t) { return (d, t) }
        // A duration keeps the word that makes it one: "for 5 years", "x 2 weeks", "since Monday".
        // Look back a few bytes (the longest lead word and a space), never past the condition
        // when the time follows it, nor past the start of the time's sentence.
        let floor = a.span.start >= e.span.end ? e.span.end : sentenceSpan(a.span.start).start
        let before = doc.document.text(in: TextSpan(max(floor, a.span.start - Self.leadLookBack), a.span.start))
        let words = before.split(whereSeparator: { $0 == " " || $0 == "\t" })
        if before.last == " ", let lead = words.last, Self.durationLeads.contains(lead.lowercased()) {
            return (nil, lead + " " + t)
        }
        return (nil, t)
    }

    static let durationLeads: Set<String> = ["for", "x", "×", "since", "over", "within", "from"]
    /// UTF-8 bytes looked back for a lead word: the longest ("within") plus separators.
    static let leadLookBack = 12

    func lower(_ span: TextSpan) -> String {
        let s = span.clamped(to: TextSpan(0, lowerText.count))
        return String(decoding: lowerText[s.range], as: UTF8.self)
    }

    /// The sentence containing `offset`, else its line.
    func sentenceSpan(_ offset: Int) -> TextSpan {
        let lo = doc.sentences.firstIndex(endingAfter: offset)
        if lo < doc.sentences.count, doc.sentences[lo].span.contains(offset) { return doc.sentences[lo].span }
        var s = offset, e = offset
        while s > 0, lowerText[s - 1] != 0x0A { s -= 1 }
        while e < lowerText.count, lowerText[e] != 0x0A { e += 1 }
        return TextSpan(s, e)
    }

    /// Whether any of `cues` occurs as a whole word (or word prefix when it ends with `*`) in
    /// `span`; the first of `cues` that does. Words are those of ``words(in:)``; a phrase
    /// (`no longer`) matches consecutive words.
    func mentions(_ cues: CueList, in span: TextSpan) -> String? {
        guard let ranges = cachedWordRanges(span) else { return Self.mentions(cues.words, inWords: Self.words(lower(span))) }
        return lowerText.withUnsafeBufferPointer { b -> String? in
            @inline(__always)
            func equal(_ r: Range<Int>, _ w: [UInt8]) -> Bool {
                guard r.count == w.count else { return false }
                guard !w.isEmpty else { return true }
                return w.withUnsafeBufferPointer { memcmp(b.baseAddress! + r.lowerBound, $0.baseAddress!, w.count) == 0 }
            }
            for (k, cue) in cues.cues.enumerated() {
                switch cue {
                case .prefix(let p):
                    if ranges.contains(where: { $0.count >= p.count && equal($0.lowerBound..<($0.lowerBound + p.count), p) }) { return cues.words[k] }
                case .phrase(let parts):
                    guard !parts.isEmpty, ranges.count >= parts.count else { continue }
                    for i in 0...(ranges.count - parts.count) where parts.indices.allSatisfy({ equal(ranges[i + $0], parts[$0]) }) { return cues.words[k] }
                case .word(let w):
                    if ranges.contains(where: { equal($0, w) }) { return cues.words[k] }
                }
            }
            return nil
        }
    }

    /// A list of cue words compiled once for ``mentions(_:in:)``: each word's bytes, the stem of
    /// a `*` prefix, or the words of a phrase.
    struct CueList: ExpressibleByArrayLiteral {
        enum Cue {
            case word([UInt8])
            case prefix([UInt8])
            case phrase([[UInt8]])
        }
        let words: [String]
        let cues: [Cue]

        init(_ words: [String]) {
            self.words = words
            cues = words.map { w in
                let u = Array(w.utf8)
                if u.last == UInt8(ascii: "*") { return .prefix(Array(u.dropLast())) }
                if u.contains(0x20) { return .phrase(u.split(separator: 0x20).map { Array($0) }) }
                return .word(u)
            }
        }

        init(arrayLiteral words: String...) { self.init(words) }
    }

    /// ``mentions(_:in:)`` over words already split (the Unicode path).
    static func mentions(_ words: [String], inWords tokens: [String]) -> String? {
        for w in words {
            if w.hasSuffix("*") {
                let p = String(w.dropLast())
                if tokens.contains(where: { $0.hasPrefix(p) }) { return w }
            } else if w.contains(" ") {
                if (" " + tokens.joined(separator: " ") + " ").contains(" " + w + " ") { return w }
            } else if tokens.contains(w) {
                return w
            }
        }
        return nil
    }

    /// The lower-cased words of `span`: maximal runs of letters, digits, `-` and `'`.
    func words(in span: TextSpan) -> [String] {
        guard let ranges = asciiWordRanges(span) else { return Self.words(lower(span)) }
        return ranges.map { String(decoding: lowerText[$0], as: UTF8.self) }
    }

    /// ``asciiWordRanges(_:)`` of the span asked last: status cues look at the same sentence
    /// once per cue list and once per mention in it.
    /// The clinical status of the sentence asked last (``clinicalStatus(_:)``).
    var lastClinicalStatus: (sentence: TextSpan, status: String)? = nil
    private var lastWordRangesSpan = TextSpan(-1, -1)
    private var lastWordRanges: [Range<Int>]? = nil

    func cachedWordRanges(_ span: TextSpan) -> [Range<Int>]? {
        if span == lastWordRangesSpan { return lastWordRanges }
        let r = asciiWordRanges(span)
        lastWordRangesSpan = span
        lastWordRanges = r
        return r
    }

    /// ASCII bytes that belong to a word (letters, digits, `-`, `'`), as ``words(_:)`` decides
    /// for ASCII characters.
    static let asciiWordByte: [Bool] = (0..<128).map { b in
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x27
    }

    /// The byte ranges of the words of `span` in the lower-cased text, or nil when the span
    /// holds a non-ASCII byte (then the Unicode path, ``words(_:)``, decides what a letter is).
    func asciiWordRanges(_ span: TextSpan) -> [Range<Int>]? {
        let s = span.clamped(to: TextSpan(0, lowerText.count))
        return lowerText.withUnsafeBufferPointer { b -> [Range<Int>]? in
            Self.asciiWordByte.withUnsafeBufferPointer { isWord -> [Range<Int>]? in
                var out: [Range<Int>] = []
                var start = -1
                for i in s.range {
                    let c = b[i]
                    guard c < 0x80 else { return nil }
                    if isWord[Int(c)] {
                        if start < 0 { start = i }
                    } else if start >= 0 {
                        out.append(start..<i)
                        start = -1
                    }
                }
                if start >= 0 { out.append(start..<s.end) }
                return out
            }
        }
    }

    static func words(_ s: String) -> [String] {
        var out: [String] = []
        var cur = ""
        for ch in s {
            if ch.isLetter || ch.isNumber || ch == "-" || ch == "'" { cur.append(ch) } else if !cur.isEmpty { out.append(cur); cur = "" }
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    // MARK: - Shared elements

    func version(of system: CodeSystem) -> String? {
        versions[system].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A Coding of a linked concept: system, version (from the terminology), code, display.
    func coding(_ w: inout JSONOut, _ c: ConceptCode) {
        if let prefix = codingPrefixes[c.system] {
            w.raw(prefix)
        } else {
            var p = JSONOut(reserve: 96)
            p.openObject()
            p.member("system", c.system.uri)
            p.optionalMember("version", version(of: c.system))
            codingPrefixes[c.system] = p.bytes
            w.raw(p.bytes)
        }
        w.more = true
        w.member("code", c.code)
        w.optionalMember("display", c.display)
        w.closeObject()
    }

    /// `{"system":…,"code":…[,"display":…]}` for a fixed code.
    static func coding(_ w: inout JSONOut, system: String, code: String, display: String?) {
        w.openObject()
        w.member("system", system)
        w.member("code", code)
        w.optionalMember("display", display)
        w.closeObject()
    }

    /// The members of a CodeableConcept for an entity: `coding` (its codes of `systems`, in that
    /// order; left out when none) and `text` (the note text unless `text` is given; left out when empty).
    func codeableMembers(_ w: inout JSONOut, _ e: Entity, systems: [CodeSystem], text: String? = nil) {
        let m = w.optionalArray("coding")
        for s in systems {
            for c in e.concepts where c.system == s && !c.code.isEmpty {
                w.element()
                coding(&w, c)
            }
        }
        w.end(m)
        if let text {
            w.optionalMember("text", text)
        } else {
            let t = doc.document.text(in: e.span)
            if !t.isEmpty {
                w.key("text")
                w.string(t)
            }
        }
    }

    /// The same CodeableConcept as a value tree (for the parts of a dosage still built as trees).
    func codeableValue(_ e: Entity, systems: [CodeSystem]) -> FHIRValue {
        var codings: [FHIRValue] = []
        for s in systems {
            for c in e.concepts where c.system == s && !c.code.isEmpty {
                codings.append(obj(["system": .string(c.system.uri), "version": str(version(of: c.system)), "code": .string(c.code), "display": str(c.display)]))
            }
        }
        return obj(["coding": .array(codings), "text": str(text(e.span))])
    }

    /// `"key":{CodeableConcept}`, left out when it is empty.
    func codeableMember(_ w: inout JSONOut, _ key: StaticString, _ e: Entity, systems: [CodeSystem]) {
        let m = w.optionalObject(key)
        codeableMembers(&w, e, systems: systems)
        w.end(m)
    }

    /// A CodeableConcept as an array element (`{}` when empty).
    func codeableElement(_ w: inout JSONOut, _ e: Entity, systems: [CodeSystem]) {
        w.element()
        w.openObject()
        codeableMembers(&w, e, systems: systems)
        w.closeObject()
    }

    static func fixed(_ system: String, _ code: String, _ display: String? = nil) -> FHIRValue {
        obj(["coding": .array([obj(["system": .string(system), "code": .string(code), "display": str(display)])])])
    }

    /// Opens a resource and writes resourceType, id, meta (source security labels and tags, plus
    /// assertion flags) and the derivation-reference extension pointing at the span; the caller
    /// writes the body and calls ``finish(_:_:_:)``.
    func header(_ type: String, _ e: Entity, flags: [String], primaryCode: String) -> (String, JSONOut) {
        let off = conv.codePointOffset(ofUTF8: e.span.start)
        let len = conv.codePointOffset(ofUTF8: e.span.end) - off
        let id = FHIRMapper.resourceID(document: ctx.document, resourceType: type, offset: off, length: len, code: primaryCode)
        var w = JSONOut(reserve: 2048)
        w.openObject()
        w.member("resourceType", type)
        w.member("id", id)
        if flags.isEmpty {
            w.member("meta", raw: plainMetaJSON)
        } else {
            let tags = tagValues + flags.map { obj(["system": .string(FHIRMapper.URI.assertionTags), "code": .string($0)]) }
            w.member("meta", obj(["security": .array(securityValues), "tag": .array(tags)]))
        }
        var relative = off
        w.key("extension")
        w.raw(extensionPrefix)
        if let seg = ctx.attachments.first(where: { $0.span.contains(e.span.start) }) {
            w.appendStatic(",{\"url\":\"path\",\"valueString\":")
            w.string(seg.path)
            w.appendStatic("}")
            relative = off - conv.codePointOffset(ofUTF8: seg.span.start)
        }
        w.appendStatic(",{\"url\":\"offset\",\"valueInteger\":")
        w.int(relative)
        w.appendStatic("},{\"url\":\"length\",\"valueInteger\":")
        w.int(len)
        w.appendStatic("}]}]")
        return (id, w)
    }

    func primaryCode(_ e: Entity, _ systems: [CodeSystem]) -> String {
        for s in systems {
            if let c = e.concepts.first(where: { $0.system == s && !$0.code.isEmpty }) { return "\(s.uri)|\(c.code)" }
        }
        return ""
    }

    /// Closes the resource that ``header(_:_:flags:primaryCode:)`` opened.
    static func finish(_ type: String, _ id: String, _ w: inout JSONOut) -> FHIRResource {
        w.closeObject()
        return FHIRResource(resourceType: type, id: id, bytes: w.bytes)
    }

    // MARK: - Severity and body site

    static let severityCodes: [(word: String, code: String, display: String)] = [
        ("severe", "24484000", "Severe"), ("moderate", "6736007", "Moderate"), ("mild", "255604002", "Mild"),
    ]

    /// Each severity word with its adverb (`severe`, `severely`).
    static let severityCues: [CueList] = severityCodes.map { CueList([$0.word, $0.word == "severe" ? "severely" : $0.word]) }

    /// Severity from a QUALITY attribute or the two words before the mention.
    func severity(_ e: Entity) -> (code: String, display: String, word: String)? {
        var spans = e.attributes.filter { $0.type == .quality }.map(\.span)
        var s = e.span.start, words = 0
        while s > 0, words < 3 {
            s -= 1
            if lowerText[s] == 0x20 { words += 1 }
            if lowerText[s] == 0x0A || lowerText[s] == UInt8(ascii: ".") || lowerText[s] == UInt8(ascii: ",") { s += 1; break }
        }
        spans.append(TextSpan(s, e.span.start))
        for sp in spans {
            for (k, (w, code, display)) in Self.severityCodes.enumerated() where mentions(Self.severityCues[k], in: sp) != nil {
                return (code, display, w)
            }
        }
        return nil
    }

    static let laterality: [String: (code: String, display: String)] = [
        "left": ("7771000", "Left"), "l": ("7771000", "Left"), "lt": ("7771000", "Left"), "lhs": ("7771000", "Left"),
        "right": ("24028007", "Right"), "r": ("24028007", "Right"), "rt": ("24028007", "Right"), "rhs": ("24028007", "Right"),
        "bilateral": ("51440002", "Right and left"), "both": ("51440002", "Right and left"), "bilat": ("51440002", "Right and left"),
    ]

    /// bodySite: the SYSTEM_ORGAN_SITE attributes with their DIRECTION. Laterality goes into
    /// the text and, when the site has a SNOMED CT code, a post-coordinated expression
    /// `site:272741003=side`. A DIRECTION alone (site inside the name) gives its laterality qualifier.
    func bodySites(_ w: inout JSONOut, _ e: Entity) {
        let dirs = e.attributes.filter { $0.type == .direction }
        let sites = e.attributes.filter { $0.type == .systemOrganSite }
        let side = dirs.lazy.compactMap { Self.laterality[self.lower($0.span).trimmingCharacters(in: ". ")] }.first
        func dirText() -> String { dirs.map { text($0.span) }.joined(separator: " ") }
        if sites.isEmpty {
            guard let side, !dirs.isEmpty else { return }
            w.key("bodySite")
            w.openArray()
            w.element()
            w.openObject()
            w.key("coding")
            w.openArray()
            w.element()
            Self.coding(&w, system: CodeSystem.snomedCT.uri, code: side.code, display: side.display)
            w.closeArray()
            w.member("text", dirText())
            w.closeObject()
            w.closeArray()
            return
        }
        w.key("bodySite")
        w.openArray()
        for site in sites {
            w.element()
            w.openObject()
            let m = w.optionalArray("coding")
            if let c = site.concepts.first(where: { $0.system == .snomedCT }) {
                w.element()
                coding(&w, c)
                if let side {
                    w.element()
                    Self.coding(&w, system: CodeSystem.snomedCT.uri, code: "\(c.code):272741003=\(side.code)", display: nil)
                }
            }
            w.end(m)
            w.member("text", dirs.isEmpty ? text(site.span) : dirText() + " " + text(site.span))
            w.closeObject()
        }
        w.closeArray()
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
