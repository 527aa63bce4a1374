import MedTextCore

/// The word sets of the PHI rules, one case per `set` of `phi/rule_words.tsv` (rules as data, issue #6).
///
/// A set's name in the file is its case name in snake case (`monthNames` is `month_names`). Rules name a set by
/// its case, so a misspelt set is a compile error; building the vocabulary fails (`MT-PHI-001`) on a set name in
/// the file that no case has and on a case with no row in the file, so the file and the rules cannot drift apart.
/// What each set means is written above its rows in the file.
enum PHIRuleSet: Int, CaseIterable, Sendable {
    case eponymFollower, placeSuffix, durationDateCue, instrumentCue, kinship, genericOrgWords, sentenceOpeners
    case monthNames, monthAloneCues, organizationPrepositions, suffixCues, placePrepositions, genericServiceWords
    case yearCues, pluralTitles, holidayFirst, holidayLast, holidayAlone, clockCues, timeWords, dateLabels, pagerCues
    case weekdays, dayMonthCues, idCues, idFillers, notProfessions, extraPagerCues, quantityUnits, extensionCues
    case notOccupationAfter, pluralKin, nameParticles, lotWords, numberedCues, workVerbs, functionWords, ageUnits
    case turnedWords, afterTurned, agedWords, countyWords, approxWords, personCues, residencePrepositions
    case residenceWords, agencies, clinicalStateCodes, placeOfNouns, payerLabels, townWords, contactVerbs, mayCues
    case wardWords, capsFunctionWords, ordinalWords, namingCueEnds, typistCues, notInitials, handoverWords, birthCues
    case ordinalCues, ordinalNouns, familyFirmWords, roomWords, capsBreakWords, lowerFacilityFillers, lowerUnsafeCues
    case employerPrepositions, possessives, orgSuffixes, occupationCues, roleWords, driveVerbs, extraPlacePrepositions
    case townPrepositions, townFollowers, organizationLabels, saintWords, congregationWords, saintFacilityWords
    case fractionBefore, fractionAfter, decadeQualifiers, numberLabels, nameVerbs, auStates, weakPersonCueEnds
    case auxiliaryVerbs, weakTitles, streetDirections, skippedStreetAbbreviations, unitExpansions, modalNames, personFollowers
    case cardWords, rankWords, partsOfDay, determiners, yearParts, holidayPrepositions, studyWords

    /// The set's name in `rule_words.tsv`.
    var fileName: String {
        var out = ""
        for c in String(describing: self).unicodeScalars {
            if c.properties.isUppercase {
                out += "_" + String(c).lowercased()
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// The case of each file name.
    static let byFileName: [String: PHIRuleSet] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.fileName, $0) })
}

/// The rules' word sets read from `phi/rule_words.tsv` (columns `set`, `word`, `note`), keyed by ``wordKey``.
///
/// A lookup is an array index by the set's case and one `Set` probe, as the `static let` sets it replaces were;
/// the sets that rules ask on every token are also packed into ``PHIRuleBits`` of the vocabulary's key table, so
/// that the `Set` is asked only after the one-bit pre-test matched.
struct PHIRuleWords: Sendable, Equatable {
    private var sets = [Set<UInt64>](repeating: [], count: PHIRuleSet.allCases.count)

    subscript(_ s: PHIRuleSet) -> Set<UInt64> {
        @inline(__always) get { sets[s.rawValue] }
        set { sets[s.rawValue] = newValue }
    }

    /// Parses the file's rows.
    /// - Throws: ``PHIVocabularyError`` naming the line of a set no ``PHIRuleSet`` case has, or naming a case
    ///   that has no row.
    init(tsv text: String) throws {
        for (n, cols) in try PHIVocabulary.rows(text, file: "rule_words.tsv", columns: 2) {
            guard let s = PHIRuleSet.byFileName[String(cols[0])] else {
                throw PHIVocabularyError(file: "rule_words.tsv", line: n, detail: "unknown set '\(cols[0])'")
            }
            sets[s.rawValue].insert(PHIVocabulary.key(cols[1]))
        }
        if let missing = PHIRuleSet.allCases.first(where: { sets[$0.rawValue].isEmpty }) {
            throw PHIVocabularyError(file: "rule_words.tsv", line: 0, detail: "no word for set '\(missing.fileName)'")
        }
    }

    init() {}

    /// Every word of the sets that per-token rules ask behind ``PHIRuleBits/auxWord`` (and the single words
    /// `the`, `law`, `family`, `household`, `age`, `and` those rules compare with).
    var auxWords: Set<UInt64> {
        var u = self[.pluralKin].union(self[.ageUnits]).union(self[.turnedWords]).union(self[.agedWords])
        u.formUnion(self[.extraPagerCues])
        u.formUnion(self[.countyWords])
        u.formUnion(self[.nameParticles])
        u.formUnion(self[.quantityUnits])
        u.formUnion(self[.familyFirmWords])
        u.formUnion(self[.notOccupationAfter])
        u.formUnion([K.the, K.law, K.family, K.household, K.age, K.and])
        u.formUnion(self[.eponymFollower])
        return u
    }

    /// Every word tested behind ``PHIRuleBits/ordinalContactResidenceWord``.
    var ordinalContactResidenceWords: Set<UInt64> {
        self[.ordinalWords].union(self[.contactVerbs]).union(self[.residencePrepositions])
    }

    /// Every word tested behind ``PHIRuleBits/verbLabelPlaceWord``.
    var verbLabelPlaceWords: Set<UInt64> {
        self[.nameVerbs].union(self[.numberLabels]).union(self[.extraPlacePrepositions])
    }
}
