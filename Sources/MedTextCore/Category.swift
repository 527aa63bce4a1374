/// Comprehend Medical's entity categories: a closed set.
public enum EntityCategory: String, Sendable, Hashable, CaseIterable, Codable {
    case medication = "MEDICATION"
    case medicalCondition = "MEDICAL_CONDITION"
    case anatomy = "ANATOMY"
    case testTreatmentProcedure = "TEST_TREATMENT_PROCEDURE"
    case timeExpression = "TIME_EXPRESSION"
    case protectedHealthInformation = "PROTECTED_HEALTH_INFORMATION"
    case behavioralEnvironmentalSocial = "BEHAVIORAL_ENVIRONMENTAL_SOCIAL"
}

/// An entity or attribute type (`GENERIC_NAME`, `DX_NAME`, `DOSAGE`, `NAME`...).
/// An open set, so that sites can add types through data; the ones Comprehend
/// Medical defines are static members.
public struct EntityType: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    // MEDICATION
    public static let brandName: EntityType = "BRAND_NAME"
    public static let genericName: EntityType = "GENERIC_NAME"
    public static let dosage: EntityType = "DOSAGE"
    public static let duration: EntityType = "DURATION"
    public static let form: EntityType = "FORM"
    public static let frequency: EntityType = "FREQUENCY"
    public static let rate: EntityType = "RATE"
    public static let routeOrMode: EntityType = "ROUTE_OR_MODE"
    public static let strength: EntityType = "STRENGTH"
    // MEDICAL_CONDITION
    public static let dxName: EntityType = "DX_NAME"
    public static let acuity: EntityType = "ACUITY"
    public static let quality: EntityType = "QUALITY"
    public static let quantity: EntityType = "QUANTITY"
    // ANATOMY
    public static let systemOrganSite: EntityType = "SYSTEM_ORGAN_SITE"
    public static let direction: EntityType = "DIRECTION"
    // TEST_TREATMENT_PROCEDURE
    public static let testName: EntityType = "TEST_NAME"
    public static let testValue: EntityType = "TEST_VALUE"
    public static let testUnit: EntityType = "TEST_UNIT"
    public static let testUnits: EntityType = "TEST_UNITS"
    public static let procedureName: EntityType = "PROCEDURE_NAME"
    public static let treatmentName: EntityType = "TREATMENT_NAME"
    // TIME_EXPRESSION
    public static let timeExpression: EntityType = "TIME_EXPRESSION"
    public static let date: EntityType = "DATE"
    // BEHAVIORAL_ENVIRONMENTAL_SOCIAL
    public static let allergies: EntityType = "ALLERGIES"
    public static let tobaccoUse: EntityType = "TOBACCO_USE"
    public static let alcoholConsumption: EntityType = "ALCOHOL_CONSUMPTION"
    public static let recDrugUse: EntityType = "REC_DRUG_USE"
    public static let gender: EntityType = "GENDER"
    public static let raceEthnicity: EntityType = "RACE_ETHNICITY"
    public static let amount: EntityType = "AMOUNT"
    public static let usage: EntityType = "USAGE"
    // PROTECTED_HEALTH_INFORMATION
    public static let name: EntityType = "NAME"
    public static let age: EntityType = "AGE"
    public static let address: EntityType = "ADDRESS"
    public static let phoneOrFax: EntityType = "PHONE_OR_FAX"
    public static let email: EntityType = "EMAIL"
    public static let id: EntityType = "ID"
    public static let url: EntityType = "URL"
    public static let profession: EntityType = "PROFESSION"
    public static let ipAddress: EntityType = "IP_ADDRESS"
    public static let organization: EntityType = "ORGANIZATION"
    // A TIME_EXPRESSION linked to the event it dates (Comprehend Medical's relation types).
    public static let timeToDxName: EntityType = "TIME_TO_DX_NAME"
    public static let timeToMedicationName: EntityType = "TIME_TO_MEDICATION_NAME"
    public static let timeToTestName: EntityType = "TIME_TO_TEST_NAME"
    public static let timeToProcedureName: EntityType = "TIME_TO_PROCEDURE_NAME"
    public static let timeToTreatmentName: EntityType = "TIME_TO_TREATMENT_NAME"
}

/// How an attribute relates to its entity (Comprehend Medical's `RelationshipType`).
/// An open set with the service's values as static members.
public struct RelationshipType: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public static let every: RelationshipType = "EVERY"
    public static let withDosage: RelationshipType = "WITH_DOSAGE"
    public static let administeredVia: RelationshipType = "ADMINISTERED_VIA"
    public static let `for`: RelationshipType = "FOR"
    public static let negative: RelationshipType = "NEGATIVE"
    public static let overlap: RelationshipType = "OVERLAP"
    public static let dosage: RelationshipType = "DOSAGE"
    public static let routeOrMode: RelationshipType = "ROUTE_OR_MODE"
    public static let form: RelationshipType = "FORM"
    public static let frequency: RelationshipType = "FREQUENCY"
    public static let duration: RelationshipType = "DURATION"
    public static let strength: RelationshipType = "STRENGTH"
    public static let rate: RelationshipType = "RATE"
    public static let acuity: RelationshipType = "ACUITY"
    public static let testValue: RelationshipType = "TEST_VALUE"
    public static let testUnits: RelationshipType = "TEST_UNITS"
    public static let testUnit: RelationshipType = "TEST_UNIT"
    public static let direction: RelationshipType = "DIRECTION"
    public static let systemOrganSite: RelationshipType = "SYSTEM_ORGAN_SITE"
    public static let amount: RelationshipType = "AMOUNT"
    public static let usage: RelationshipType = "USAGE"
    public static let quality: RelationshipType = "QUALITY"
    public static let quantity: RelationshipType = "QUANTITY"
}

/// Traits of an entity (Comprehend Medical's trait names), as a set.
public struct Traits: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let negation = Traits(rawValue: 1 << 0)
    public static let diagnosis = Traits(rawValue: 1 << 1)
    public static let sign = Traits(rawValue: 1 << 2)
    public static let symptom = Traits(rawValue: 1 << 3)
    public static let pertainsToFamily = Traits(rawValue: 1 << 4)
    public static let hypothetical = Traits(rawValue: 1 << 5)
    public static let lowConfidence = Traits(rawValue: 1 << 6)
    public static let pastHistory = Traits(rawValue: 1 << 7)
    public static let future = Traits(rawValue: 1 << 8)

    /// Each single trait with its Comprehend Medical name, in the service's order.
    public static let named: [(trait: Traits, name: String)] = [
        (.negation, "NEGATION"), (.diagnosis, "DIAGNOSIS"), (.sign, "SIGN"), (.symptom, "SYMPTOM"),
        (.pertainsToFamily, "PERTAINS_TO_FAMILY"), (.hypothetical, "HYPOTHETICAL"),
        (.lowConfidence, "LOW_CONFIDENCE"), (.pastHistory, "PAST_HISTORY"), (.future, "FUTURE"),
    ]

    /// The single trait with this Comprehend Medical name, or `nil`.
    public init?(name: String) {
        guard let hit = Traits.named.first(where: { $0.name == name }) else { return nil }
        self = hit.trait
    }

    /// The Comprehend Medical names of the traits in this set, in the service's order.
    public var names: [String] { Traits.named.filter { contains($0.trait) }.map(\.name) }
}
