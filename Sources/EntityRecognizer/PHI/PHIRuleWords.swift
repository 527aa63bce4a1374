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
    case shortCodeCues, hyphenatedGivenSyllables
    case propertyWords, serviceStationWords, placeLabels, scanIdFillers, scanIdStops, urlTopLevelDomains, countries, specialtyWords
    case governmentServiceWords, governmentServiceAbbreviations, legalSuffixes, townAbbreviations, floorWords, regionFollowers
    case newYearQualifiers, yearEventWords, languages, handleCues
    case ruralBoxWords, lowerStreetTypes, numberedRoadTypes, ruralRouteWords
    case plainNounOrgSuffixes, nationalServiceQualifiers, emergencyServices, emergencyServiceFillers, homeTownVerbs, homeTownParticles
    case dottedOrgSuffixes
    case messagingServices, itemServiceHeads, itemServiceTails, durationPrepositions, assetWords, holidayEventNouns
    case surnameFirstFamilyNames, surnameFirstGivenSyllables, nicknameCues, occupationPhraseCues, occupationHeads, occupationPhraseEnds
    case careRoleHeads, deathWords, infantNouns, comparisonBeforeAs
    case sportWords, teamVerbs, numberedBranchWords, shipPrefixes, militaryUnitWords
    case accreditationWords, accreditationQualifiers
    case lawCourtKinds, militaryBaseHeads, militaryBasePrefixes, militaryCues, siteWords
    case classificationWords, productNouns, nounStreetTypes, testNameWords, militaryBranchWords
    case placeFeatureNouns, regionAdjectives, congregationLeads, congregationJoiners, ofOrgHeads
    case workFillers, publicBodyWords
    case highwayWords, numberedHighwayPrefixes, iodineIsotopeNumbers, roadPrepositions, travelDirections
    case historyAbbreviations, capsNameStopLabels
    case fieldPlaceLabels, stayNouns
    case onsetVerbs, onsetObjects, loginCues
    case departmentHeads
    case militaryMemberWords, militaryBaseTails
    case agedOccupationSkips, agedOccupationStops
    case hospitalNameTails, townAcronymStops
    case standardWords, bagTagWords
    case taggerSizeUnits, taggerDeviceNouns, taggerProcedureEndings
    case featureHeads, featurePrefixes, parishOpeners, degreeStateCodes
    case lowerServiceHeads
    case ageEventWords, ageEventFollowers
    case taggerThingHeads, taggerHandlingVerbs, taggerDeviceLabels, taggerDevicePrefixes, taggerStructureNouns

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
/// The sets are kept twice: as `Set<UInt64>` for building (unions into ``PHIRuleBits``, the image, equality) and
/// frozen into one flat open-addressing table for detection (``contains(_:_:)``): the keys are FNV hashes already,
/// so a probe is one multiply (Fibonacci hashing) and a compare, as in ``PHIKeyTable``, instead of a SipHash round
/// of `Set.contains`. The sets that rules ask on every token are also packed into ``PHIRuleBits`` of the
/// vocabulary's key table, so that a set is probed only after the one-bit pre-test matched.
struct PHIRuleWords: Sendable {
    private let sets: [Set<UInt64>]
    /// The frozen sets in one allocation (``Table``), read through `words` without bounds checks or array headers
    /// (session 18, speedB): four words per set, then every set's slots. Set `s`'s words are `4 s` (the offset of its
    /// slots in `words`, and their mask shifted left 32), `4 s + 1` (the probe's right shift, and 1 << 8 when the set
    /// holds the key 0, which marks empty slots) and `4 s + 2`, `4 s + 3` (the filter of ``mayContain(_:_:)``: a bit for
    /// each of the 128 values of a key's top seven bits that some key of the set has, session 14). Each set's slots are
    /// one power-of-two block, at most half full.
    /// (The set's header, filter and slots were three arrays: `contains` was the hottest line of the rules, most of it the
    /// chain of loads through the arrays and their bounds checks before the slot.)
    private let table: Table
    /// `table.words`, held here so that a probe reads it from the vocabulary without going through the table. Never
    /// written through, and valid while `table` (which this value holds) lives.
    nonisolated(unsafe) private let words: UnsafePointer<UInt64>

    /// Owns the allocation behind ``words``; never written after `init`.
    private final class Table: @unchecked Sendable {
        let words: UnsafeMutablePointer<UInt64>
        init(count: Int) {
            words = .allocate(capacity: count)
            words.initialize(repeating: 0, count: count)
        }
        deinit { words.deallocate() }
    }

    /// The words of set `s`.
    subscript(_ s: PHIRuleSet) -> Set<UInt64> { sets[s.rawValue] }

    /// Whether set `s` holds `key`.
    /// - Complexity: O(1) expected.
    @inline(__always)
    func contains(_ s: PHIRuleSet, _ key: UInt64) -> Bool {
        let h = words[4 &* s.rawValue], shift = words[4 &* s.rawValue &+ 1]
        let offset = Int(truncatingIfNeeded: h & 0xFFFF_FFFF), mask = Int(truncatingIfNeeded: h &>> 32)
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> (shift & 63))
        while true {
            let x = words[offset &+ i]
            if x == key { return key != 0 || shift &>> 8 != 0 }
            if x == 0 { return false }
            i = (i &+ 1) & mask
        }
    }

    /// Whether set `s` may hold `key`: false only when no key of the set has `key`'s top seven bits, so a word of no set
    /// is mostly answered by one load and a shift (about one key in eight passes for a set of twenty words).
    @inline(__always)
    func mayContain(_ s: PHIRuleSet, _ key: UInt64) -> Bool {
        words[4 &* s.rawValue &+ 2 &+ Int(truncatingIfNeeded: key &>> 63)] &>> ((key &>> 57) & 63) & 1 != 0
    }

    /// The sets in ``PHIRuleSet`` case order (one per case).
    init(sets: [Set<UInt64>]) {
        precondition(sets.count == PHIRuleSet.allCases.count)
        self.sets = sets
        var capacities: [Int] = []
        var bitsOf: [UInt64] = []
        var total = 4 * sets.count
        for set in sets {
            var bits: UInt64 = 2
            while (1 << bits) < set.count * 2 { bits += 1 }
            capacities.append(1 << Int(bits))
            bitsOf.append(bits)
            total += 1 << Int(bits)
        }
        precondition(total < 1 << 32)
        let table = Table(count: total)
        let w = table.words
        var offset = 4 * sets.count
        for (n, set) in sets.enumerated() {
            let capacity = capacities[n], mask = capacity - 1, shift = 64 - bitsOf[n]
            w[4 * n] = UInt64(offset) | UInt64(mask) << 32
            w[4 * n + 1] = shift | (set.contains(0) ? 1 << 8 : 0)
            for k in set { w[4 * n + 2 + Int(truncatingIfNeeded: k >> 63)] |= 1 << ((k >> 57) & 63) }
            // Sorted, so that the layout does not depend on the set's iteration order.
            for k in set.sorted() where k != 0 {
                var i = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift)
                while w[offset + i] != 0 { i = (i + 1) & mask }
                w[offset + i] = k
            }
            offset += capacity
        }
        self.table = table
        self.words = UnsafePointer(w)
    }

    init() { self.init(sets: Array(repeating: [], count: PHIRuleSet.allCases.count)) }

    /// Parses the file's rows.
    /// - Throws: ``PHIVocabularyError`` naming the line of a set no ``PHIRuleSet`` case has, or naming a case
    ///   that has no row.
    init(tsv text: String) throws {
        var sets = [Set<UInt64>](repeating: [], count: PHIRuleSet.allCases.count)
        for (n, cols) in try PHIVocabulary.rows(text, file: "rule_words.tsv", columns: 2) {
            guard let s = PHIRuleSet.byFileName[String(cols[0])] else {
                throw PHIVocabularyError(file: "rule_words.tsv", line: n, detail: "unknown set '\(cols[0])'")
            }
            sets[s.rawValue].insert(PHIVocabulary.key(cols[1]))
        }
        if let missing = PHIRuleSet.allCases.first(where: { sets[$0.rawValue].isEmpty }) {
            throw PHIVocabularyError(file: "rule_words.tsv", line: 0, detail: "no word for set '\(missing.fileName)'")
        }
        self.init(sets: sets)
    }

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
        u.formUnion(self[.occupationPhraseCues])
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

    static func == (a: PHIRuleWords, b: PHIRuleWords) -> Bool { a.sets == b.sets }
}

extension PHIRuleWords: Equatable {}
