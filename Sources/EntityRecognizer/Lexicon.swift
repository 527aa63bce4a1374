public import MedTextCore

/// One matchable term, as the facade loads it from the terminology store. The recognizer
/// does not import TerminologyMap: it takes these values.
public struct LexiconTerm: Sendable, Hashable {
    /// The concept the term names (a terminology-store row id; opaque to the recognizer).
    public var conceptID: Int64
    /// The term normalized by the Tokenizer's `Normalizer.normalizedTerm` (token keys joined
    /// by single spaces).
    public var normalized: String
    /// The term as written, for case-sensitive terms ("MS", "PE").
    public var original: String?
    public var type: EntityType
    /// Match only when the note's tokens equal `original` exactly (case included).
    public var caseSensitive: Bool
    /// The term is an abbreviation (ambiguous senses are chosen by cues).
    public var isAbbreviation: Bool
    /// For abbreviation senses: words whose presence nearby selects this sense.
    public var cues: [String]
    /// For abbreviation senses: the sense used when no cue of any sense is present.
    public var isDefaultSense: Bool
    /// Traits every match of this term carries: SIGN/SYMPTOM/DIAGNOSIS for conditions, and
    /// NEGATION for fused negations ("afebrile").
    public var traits: Traits
    /// Lower wins when two concepts share a term (curated lexicons before generated sources).
    public var priority: Int
    /// Lexicon entry id or code, for `--explain`.
    public var ruleID: String
    /// Whether the term's words are targets of one-edit typo correction (``TypoIndex``). Off for
    /// misspellings (they are typos already) and brand names (short coined words that ordinary
    /// words are often one edit from: "measuring"/"Measurin").
    public var typoTarget: Bool = true

    public init(
        conceptID: Int64, normalized: String, original: String? = nil, type: EntityType, caseSensitive: Bool = false,
        isAbbreviation: Bool = false, cues: [String] = [], isDefaultSense: Bool = true, traits: Traits = [],
        priority: Int = 0, ruleID: String = ""
    ) {
        self.conceptID = conceptID
        self.normalized = normalized
        self.original = original
        self.type = type
        self.caseSensitive = caseSensitive
        self.isAbbreviation = isAbbreviation
        self.cues = cues
        self.isDefaultSense = isDefaultSense
        self.traits = traits
        self.priority = priority
        self.ruleID = ruleID
    }
}

extension EntityType {
    /// The category of an entity type that a lexicon term names, or `nil` for types that are
    /// recognized elsewhere (medication-signature attributes, PHI) or mean "no entity" (`NONE`).
    public var lexiconCategory: EntityCategory? {
        switch self {
        case .dxName: return .medicalCondition
        case .genericName, .brandName: return .medication
        case .systemOrganSite: return .anatomy
        case .testName, .procedureName, .treatmentName: return .testTreatmentProcedure
        case .direction: return .anatomy
        case .allergies, .tobaccoUse, .alcoholConsumption, .recDrugUse, .gender, .raceEthnicity:
            return .behavioralEnvironmentalSocial
        default: return nil
        }
    }
}
