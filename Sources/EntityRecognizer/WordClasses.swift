public import MedTextCore
import Tokenizer

/// The cue words of the recognizer's attribute, relation, allergy, time and infection-test rules,
/// by class: the rows of `lexicons/data/context/word_classes.tsv` (rules as data; format in
/// lexicons/README.md). Parsed by ``RecognizerRuleFiles/wordClasses(_:file:)``, which insists on
/// every class of ``Name`` and no other.
public struct WordClasses: Sendable, Equatable {
    /// Every class the rules test; the raw value is the `class` column.
    public enum Name: String, CaseIterable, Sendable {
        case durationLead = "duration_lead", rateLead = "rate_lead", valueLead = "value_lead"
        case comparators, qualitative
        case numberWords = "number_words", rangeJoin = "range_join", limitCues = "limit_cues"
        case doseJoin = "dose_join", previousDoseCues = "previous_dose_cues"
        case infectionWords = "infection_words", testNouns = "test_nouns", testResults = "test_results"
        case resultJoins = "result_joins", phraseEnd = "phrase_end"
        case sitePrepositions = "site_prepositions", siteFillers = "site_fillers", acuity
        case allergyCues = "allergy_cues", allergyHeadings = "allergy_headings", allergyClasses = "allergy_classes", nilWords = "nil_words"
        case listSeparators = "list_separators", clauseSeparators = "clause_separators"
        case testLeads = "test_leads", testLeadFillers = "test_lead_fillers", causeLeads = "cause_leads"
        case settingDeterminers = "setting_determiners", negativeAnswers = "negative_answers"
        case positiveAnswers = "positive_answers"
        case yearLead = "year_lead", yearLeadPunctuation = "year_lead_punctuation"
        case timeOf = "time_of", clauseBreak = "clause_break", plan, indication
        case indicationPairs = "indication_pairs", doseTiming = "dose_timing", meals
        case listGapStops = "list_gap_stops"
        case openFindingLeads = "open_finding_leads", openFindingBreaks = "open_finding_breaks"
        case openFindingNonHeads = "open_finding_non_heads", openFindingSeparators = "open_finding_separators"
        case openFindingSingleLeads = "open_finding_single_leads", findingSuffixes = "finding_suffixes"
        case adjectiveEndings = "adjective_endings"
        case listHeadingCues = "list_heading_cues", listHeadingPairs = "list_heading_pairs", bullets
        case toleranceCues = "tolerance_cues", timeDeictics = "time_deictics", severity, supplementTests = "supplement_tests"
        case drugLevelNouns = "drug_level_nouns", drugScreenResults = "drug_screen_results"
        case statusWords = "status_words", statusPairs = "status_pairs", planCurrentCues = "plan_current_cues"
        case planConditionalCues = "plan_conditional_cues", planDoneCues = "plan_done_cues", replacementCues = "replacement_cues"
        case doseStepLead = "dose_step_lead", patchForms = "patch_forms", bareDoses = "bare_doses", courseLead = "course_lead", sigDenominators = "sig_denominators", flowDrugs = "flow_drugs", productFormTails = "product_form_tails"
        case imagingModalities = "imaging_modalities", siteJoins = "site_joins", siteCompoundHeads = "site_compound_heads"
        case resultListLabels = "result_list_labels", qualitativePairs = "qualitative_pairs"
        case bodySystemHeadings = "body_system_headings", monthNames = "month_names", monthLead = "month_lead"
    }

    var words: [Name: [String]]

    /// No cue words at all: every attribute and relation rule that tests a class finds none
    /// (for recognizers built by hand in tests of other stages).
    public init() { words = [:] }

    init(_ words: [Name: [String]]) { self.words = words }

    /// The words of `name`, in file order.
    public subscript(name: Name) -> [String] { words[name] ?? [] }
}

extension RecognizerRuleFiles {
    /// Parses `context/word_classes.tsv`. A class may span several rows; an unknown class, an
    /// empty row, a word that normalizes to several tokens (`non-reactive` is `non - reactive`:
    /// the rules test one token), a `*_pairs` word that is not `first+second`, or a class
    /// without any row is an error naming the file and line.
    public static func wordClasses(_ contents: String, file: String = "context/word_classes.tsv") throws -> WordClasses {
        let normalizer = Normalizer()
        var out: [WordClasses.Name: [String]] = [:]
        for (line, row) in try rows(contents, file: file, required: ["class", "words"]) {
            let field = row["class"] ?? ""
            guard let name = WordClasses.Name(rawValue: String(field)) else {
                throw RecognizerRuleError(file: file, line: line, reason: "unknown word class '\(field)'")
            }
            let words = (row["words"] ?? "").split(separator: " ").map(String.init)
            guard !words.isEmpty else { throw RecognizerRuleError(file: file, line: line, reason: "no words") }
            for w in words {
                let pieces = name.rawValue.hasSuffix("_pairs") ? w.split(separator: "+", omittingEmptySubsequences: false) : [Substring(w)]
                if name.rawValue.hasSuffix("_pairs") && (pieces.count != 2 || pieces.contains(where: \.isEmpty)) {
                    throw RecognizerRuleError(file: file, line: line, reason: "'\(w)' is not a pair written first+second")
                }
                for p in pieces where normalizer.normalizedTerm(String(p)).split(separator: " ").count != 1 {
                    throw RecognizerRuleError(file: file, line: line, reason: "'\(p)' is not one token (it normalizes to '\(normalizer.normalizedTerm(String(p)))')")
                }
            }
            out[name, default: []] += words
        }
        for name in WordClasses.Name.allCases where out[name] == nil {
            throw RecognizerRuleError(file: file, line: 0, reason: "the word class '\(name.rawValue)' has no row")
        }
        return WordClasses(out)
    }
}
