/// A code system, identified by its canonical URI (as FHIR uses it).
public struct CodeSystem: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The canonical URI, e.g. `http://snomed.info/sct`.
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(uri: String) { self.rawValue = uri }
    public var uri: String { rawValue }
    public var description: String { rawValue }

    public static let snomedCT = CodeSystem(uri: "http://snomed.info/sct")
    public static let icd10CM = CodeSystem(uri: "http://hl7.org/fhir/sid/icd-10-cm")
    public static let rxNorm = CodeSystem(uri: "http://www.nlm.nih.gov/research/umls/rxnorm")
    public static let loinc = CodeSystem(uri: "http://loinc.org")
    public static let unii = CodeSystem(uri: "http://fdasis.nlm.nih.gov")
    public static let ucum = CodeSystem(uri: "http://unitsofmeasure.org")
    public static let drugBank = CodeSystem(uri: "http://www.drugbank.ca")
    public static let hpo = CodeSystem(uri: "http://purl.obolibrary.org/obo/hp.owl")
    public static let hl7RouteOfAdministration = CodeSystem(uri: "http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration")
    public static let hl7OrderableDrugForm = CodeSystem(uri: "http://terminology.hl7.org/CodeSystem/v3-orderableDrugForm")
    public static let hl7TimingAbbreviation = CodeSystem(uri: "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation")
    /// medtext's own lexicon entries (curated concepts that have no verified external code yet).
    public static let medtext = CodeSystem(uri: "https://medtext.dev/fhir/CodeSystem/lexicon")
}

/// One coded concept attached to an entity, with a ranking score in [0, 1].
public struct ConceptCode: Hashable, Sendable, Codable {
    public var system: CodeSystem
    public var code: String
    public var display: String
    public var score: Float

    public init(system: CodeSystem, code: String, display: String, score: Float = 1) {
        self.system = system
        self.code = code
        self.display = display
        self.score = score
    }
}
