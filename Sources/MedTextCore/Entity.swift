/// Where a decision came from, for `--explain`: the lexicon entry or rule id, and the
/// span of the text that triggered it. Never holds note text.
public struct Evidence: Hashable, Sendable, Codable {
    /// What the evidence is for: `"match"`, a trait name, a code, or an attribute type.
    public var subject: String
    /// The lexicon entry or rule id that produced it (e.g. `context:neg-pre-0012`).
    public var ruleID: String
    /// The span of the trigger (e.g. the word "denies"), if any.
    public var trigger: TextSpan?

    public init(subject: String, ruleID: String, trigger: TextSpan? = nil) {
        self.subject = subject
        self.ruleID = ruleID
        self.trigger = trigger
    }
}

/// An attribute attached to an entity (a medication's STRENGTH, a condition's ACUITY...).
public struct Attribute: Hashable, Sendable {
    public var type: EntityType
    public var category: EntityCategory
    public var span: TextSpan
    public var score: Float
    public var relationshipType: RelationshipType?
    public var relationshipScore: Float
    public var traits: Traits
    public var concepts: [ConceptCode]

    public init(
        type: EntityType, category: EntityCategory, span: TextSpan, score: Float = 1,
        relationshipType: RelationshipType? = nil, relationshipScore: Float = 1,
        traits: Traits = [], concepts: [ConceptCode] = []
    ) {
        self.type = type
        self.category = category
        self.span = span
        self.score = score
        self.relationshipType = relationshipType
        self.relationshipScore = relationshipScore
        self.traits = traits
        self.concepts = concepts
    }
}

/// An entity found in a note. Holds spans, never copies of the note's text; the
/// text of an entity is `document.text(in: entity.span)`.
public struct Entity: Hashable, Sendable {
    public var category: EntityCategory
    public var type: EntityType
    public var span: TextSpan
    /// Detection confidence in [0, 1].
    public var score: Float
    public var traits: Traits
    /// Confidence of each trait in `traits`, in [0, 1]; missing entries mean `score`.
    public var traitScores: [String: Float]
    public var attributes: [Attribute]
    /// Linked concepts, best first, across code systems.
    public var concepts: [ConceptCode]
    /// Why this entity, its traits and codes exist (filled when explaining).
    public var evidence: [Evidence]
    /// Terminology-store concept row ids the entity was matched to (opaque outside the
    /// store); the facade resolves them into `concepts`.
    public var conceptIDs: [Int64] = []

    public init(
        category: EntityCategory, type: EntityType, span: TextSpan, score: Float = 1,
        traits: Traits = [], traitScores: [String: Float] = [:], attributes: [Attribute] = [],
        concepts: [ConceptCode] = [], evidence: [Evidence] = []
    ) {
        self.category = category
        self.type = type
        self.span = span
        self.score = score
        self.traits = traits
        self.traitScores = traitScores
        self.attributes = attributes
        self.concepts = concepts
        self.evidence = evidence
    }

    /// The score of one trait of this entity.
    public func score(of trait: Traits) -> Float {
        guard let name = trait.names.first else { return score }
        return traitScores[name] ?? score
    }
}
