/// The kind of a note section. An open set: sites may add their own section types
/// through `lexicons/`; the common ones are static members.
public struct SectionType: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    /// Text before the first recognised header.
    public static let unknown: SectionType = "unknown"
    public static let chiefComplaint: SectionType = "chief_complaint"
    public static let historyOfPresentIllness: SectionType = "history_of_present_illness"
    public static let pastMedicalHistory: SectionType = "past_medical_history"
    public static let pastSurgicalHistory: SectionType = "past_surgical_history"
    public static let familyHistory: SectionType = "family_history"
    public static let socialHistory: SectionType = "social_history"
    public static let medications: SectionType = "medications"
    public static let admissionMedications: SectionType = "admission_medications"
    public static let dischargeMedications: SectionType = "discharge_medications"
    public static let allergies: SectionType = "allergies"
    public static let reviewOfSystems: SectionType = "review_of_systems"
    public static let physicalExam: SectionType = "physical_exam"
    public static let vitalSigns: SectionType = "vital_signs"
    public static let labs: SectionType = "labs"
    public static let imaging: SectionType = "imaging"
    public static let assessment: SectionType = "assessment"
    public static let plan: SectionType = "plan"
    public static let assessmentAndPlan: SectionType = "assessment_and_plan"
    public static let impression: SectionType = "impression"
    public static let hospitalCourse: SectionType = "hospital_course"
    public static let diagnoses: SectionType = "diagnoses"
    public static let procedures: SectionType = "procedures"
    public static let dischargeInstructions: SectionType = "discharge_instructions"
    public static let followUp: SectionType = "follow_up"
    public static let problemList: SectionType = "problem_list"
    public static let immunizations: SectionType = "immunizations"
    public static let investigations: SectionType = "investigations"
    public static let management: SectionType = "management"
    public static let treatment: SectionType = "treatment"
    public static let reasonForReferral: SectionType = "reason_for_referral"
}

/// A section of a note: its type, the whole span (header included) and the header's span.
public struct Section: Sendable, Hashable {
    public var type: SectionType
    /// From the header (or the start of the text) to the start of the next section.
    public var span: TextSpan
    /// The header text, e.g. `PMHx:`; `nil` for the leading untitled section.
    public var headerSpan: TextSpan?
    /// The rule in `lexicons/` that recognised the header, for `--explain`.
    public var ruleID: String?

    public init(type: SectionType, span: TextSpan, headerSpan: TextSpan? = nil, ruleID: String? = nil) {
        self.type = type
        self.span = span
        self.headerSpan = headerSpan
        self.ruleID = ruleID
    }

    /// The span after the header.
    public var bodySpan: TextSpan { TextSpan(headerSpan?.end ?? span.start, span.end) }
}
