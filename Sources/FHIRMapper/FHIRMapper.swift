public import MedTextCore

/// One generated FHIR resource: its type, its deterministic id and its JSON.
public struct FHIRResource: Sendable, Hashable {
    public var resourceType: String
    public var id: String
    /// The whole resource (an object with `resourceType` and `id` first).
    public var json: FHIRValue

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
    /// The subject, or a Reference carrying data-absent-reason `unknown` (never an invented Patient).
    let subjectRequired: FHIRValue
    /// `{"reference": <encounter>}` when there is one.
    let encounterReference: FHIRValue?
    /// The source's `meta.security` and `meta.tag` codings.
    let securityValues: [FHIRValue]
    let tagValues: [FHIRValue]
    /// `{"url":"reference","valueReference":…}`: the first derivation-reference sub-extension.
    let derivationReferenceSub: FHIRValue
    /// `Coding.version` per code system, from the terminology versions.
    let versions: [CodeSystem: String]
    /// The recorded time as a FHIR string, when given.
    let recordedValue: FHIRValue?
    /// `[{"detail":[<documentReference>]}]` (Condition.evidence).
    let evidence: FHIRValue
    /// `[<documentReference>]` (derivedFrom).
    let derivedFrom: FHIRValue
    /// `meta` of a resource without assertion flags (nil when the source has no labels or tags).
    let plainMeta: FHIRValue?

    init(mapper: FHIRMapper, doc: AnnotatedDocument, context: FHIRContext) {
        self.mapper = mapper
        self.doc = doc
        self.ctx = context
        self.conv = OffsetConverter(doc.document.text)
        self.lowerText = Array(doc.document.text.utf8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let docRef = obj(["reference": .string(context.document.reference)])
        self.documentReference = docRef
        self.subjectRequired = context.subject.map { obj(["reference": .string($0)]) }
            ?? obj(["extension": .array([obj(["url": .string(FHIRMapper.URI.dataAbsentReason), "valueCode": .string("unknown")])])])
        self.encounterReference = context.encounter.map { obj(["reference": .string($0)]) }
        self.securityValues = context.security.map(\.value)
        self.tagValues = context.tags.map(\.value)
        self.derivationReferenceSub = obj(["url": .string("reference"), "valueReference": docRef])
        var versions: [CodeSystem: String] = [:]
        for t in context.terminologyVersions.reversed() {
            // The first entry of a system wins, as a linear search would find it.
            versions[CodeSystem(uri: t.system)] = t.version ?? ""
        }
        self.versions = versions
        self.recordedValue = str(context.recorded)
        self.evidence = .array([obj(["detail": .array([docRef])])])
        self.derivedFrom = .array([docRef])
        let meta = obj(["security": .array(securityValues), "tag": .array(tagValues)])
        if case .object(let o) = meta, !o.members.isEmpty { plainMeta = meta } else { plainMeta = nil }
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

    func lower(_ span: TextSpan) -> String {
        let s = span.clamped(to: TextSpan(0, lowerText.count))
        return String(decoding: lowerText[s.range], as: UTF8.self)
    }

    /// The sentence containing `offset`, else its line.
    func sentenceSpan(_ offset: Int) -> TextSpan {
        var lo = 0, hi = doc.sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if doc.sentences[mid].span.end <= offset { lo = mid + 1 } else { hi = mid }
        }
        if lo < doc.sentences.count, doc.sentences[lo].span.contains(offset) { return doc.sentences[lo].span }
        var s = offset, e = offset
        while s > 0, lowerText[s - 1] != 0x0A { s -= 1 }
        while e < lowerText.count, lowerText[e] != 0x0A { e += 1 }
        return TextSpan(s, e)
    }

    /// Whether any of `words` occurs as a whole word (or word prefix when it ends with `*`) in
    /// `span`; the first of `words` that does. Words are those of ``words(in:)``; a phrase
    /// (`no longer`) matches consecutive words.
    func mentions(_ words: [String], in span: TextSpan) -> String? {
        guard let ranges = asciiWordRanges(span) else { return Self.mentions(words, inWords: Self.words(lower(span))) }
        return lowerText.withUnsafeBufferPointer { b -> String? in
            func equal(_ r: Range<Int>, _ w: some Collection<UInt8>) -> Bool {
                r.count == w.count && UnsafeBufferPointer(rebasing: b[r]).elementsEqual(w)
            }
            for w in words {
                let u = w.utf8
                if u.last == UInt8(ascii: "*") {
                    let p = u.dropLast()
                    if ranges.contains(where: { $0.count >= p.count && UnsafeBufferPointer(rebasing: b[$0.lowerBound..<($0.lowerBound + p.count)]).elementsEqual(p) }) { return w }
                } else if u.contains(0x20) {
                    let parts = u.split(separator: 0x20)
                    guard !parts.isEmpty, ranges.count >= parts.count else { continue }
                    for k in 0...(ranges.count - parts.count) where parts.indices.allSatisfy({ equal(ranges[k + $0], parts[$0]) }) { return w }
                } else if ranges.contains(where: { equal($0, u) }) {
                    return w
                }
            }
            return nil
        }
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

    func coding(_ c: ConceptCode) -> FHIRValue {
        obj(["system": .string(c.system.uri), "version": str(version(of: c.system)), "code": .string(c.code), "display": str(c.display)])
    }

    func codeable(_ e: Entity, systems: [CodeSystem], text: String? = nil) -> FHIRValue {
        var codings: [FHIRValue] = []
        for s in systems {
            for c in e.concepts where c.system == s && !c.code.isEmpty { codings.append(coding(c)) }
        }
        return obj(["coding": .array(codings), "text": str(text ?? self.text(e.span))])
    }

    static func fixed(_ system: String, _ code: String, _ display: String? = nil) -> FHIRValue {
        obj(["coding": .array([obj(["system": .string(system), "code": .string(code), "display": str(display)])])])
    }

    func reference(_ r: String?) -> FHIRValue? { r.map { obj(["reference": .string($0)]) } }

    /// resourceType, id, meta (source security labels and tags, plus assertion flags) and the
    /// derivation-reference extension pointing at the span.
    func header(_ type: String, _ e: Entity, flags: [String], primaryCode: String) -> (String, [FHIRObject.Member]) {
        let off = conv.codePointOffset(ofUTF8: e.span.start)
        let len = conv.codePointOffset(ofUTF8: e.span.end) - off
        let id = FHIRMapper.resourceID(document: ctx.document, resourceType: type, offset: off, length: len, code: primaryCode)
        var m: [FHIRObject.Member] = [.init(key: "resourceType", value: .string(type)), .init(key: "id", value: .string(id))]
        if flags.isEmpty {
            if let plainMeta { m.append(.init(key: "meta", value: plainMeta)) }
        } else {
            let tags = tagValues + flags.map { obj(["system": .string(FHIRMapper.URI.assertionTags), "code": .string($0)]) }
            let meta = obj(["security": .array(securityValues), "tag": .array(tags)])
            if case .object(let o) = meta, !o.members.isEmpty { m.append(.init(key: "meta", value: meta)) }
        }
        var subs = [derivationReferenceSub]
        var relative = off
        if let seg = ctx.attachments.first(where: { $0.span.contains(e.span.start) }) {
            subs.append(obj(["url": .string("path"), "valueString": .string(seg.path)]))
            relative = off - conv.codePointOffset(ofUTF8: seg.span.start)
        }
        subs.append(obj(["url": .string("offset"), "valueInteger": .integer(relative)]))
        subs.append(obj(["url": .string("length"), "valueInteger": .integer(len)]))
        let ext = obj(["url": .string(FHIRMapper.URI.derivationReference), "extension": .array(subs)])
        m.append(.init(key: "extension", value: .array([ext])))
        return (id, m)
    }

    func primaryCode(_ e: Entity, _ systems: [CodeSystem]) -> String {
        for s in systems {
            if let c = e.concepts.first(where: { $0.system == s && !$0.code.isEmpty }) { return "\(s.uri)|\(c.code)" }
        }
        return ""
    }

    static func resource(_ type: String, _ id: String, _ head: [FHIRObject.Member], _ body: FHIRValue) -> FHIRResource {
        var o = FHIRObject(head)
        if case .object(let b) = body { o.members += b.members }
        return FHIRResource(resourceType: type, id: id, json: .object(o))
    }

    // MARK: - Severity and body site

    static let severityCodes: [(word: String, code: String, display: String)] = [
        ("severe", "24484000", "Severe"), ("moderate", "6736007", "Moderate"), ("mild", "255604002", "Mild"),
    ]

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
            for (w, code, display) in Self.severityCodes where mentions([w, w == "severe" ? "severely" : w], in: sp) != nil {
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
    func bodySites(_ e: Entity) -> [FHIRValue] {
        let dirs = e.attributes.filter { $0.type == .direction }
        let sites = e.attributes.filter { $0.type == .systemOrganSite }
        let side = dirs.lazy.compactMap { Self.laterality[self.lower($0.span).trimmingCharacters(in: ". ")] }.first
        let dirText = dirs.map { text($0.span) }.joined(separator: " ")
        if sites.isEmpty {
            guard let side, !dirs.isEmpty else { return [] }
            return [obj(["coding": .array([obj(["system": .string(CodeSystem.snomedCT.uri), "code": .string(side.code), "display": .string(side.display)])]), "text": .string(dirText)])]
        }
        return sites.map { site in
            var codings: [FHIRValue] = []
            if let c = site.concepts.first(where: { $0.system == .snomedCT }) {
                codings.append(coding(c))
                if let side { codings.append(obj(["system": .string(CodeSystem.snomedCT.uri), "code": .string("\(c.code):272741003=\(side.code)")])) }
            }
            let t = dirs.isEmpty ? text(site.span) : dirText + " " + text(site.span)
            return obj(["coding": .array(codings), "text": .string(t)])
        }
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
