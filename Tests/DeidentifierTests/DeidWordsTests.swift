@testable import Deidentifier
import Foundation
import MedTextCore
import MedTextLexicons
import Testing

extension DeidWords {
    /// The shipped `lexicons/data/phi/deid_words.tsv`.
    static let shippedText = try! String(
        contentsOf: MedTextLexicons.bundledDataDirectory.appendingPathComponent("phi/deid_words.tsv"), encoding: .utf8)
    static let shipped = try! DeidWords(tsv: shippedText)

    /// The shipped file without the row (`set`, `word`).
    static func shippedText(without set: WordSet, word: String) -> String {
        shippedText.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { line in
                let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
                return !(cols.count >= 2 && cols[0] == set.fileName && cols[1] == word)
            }
            .joined(separator: "\n")
    }
}

extension Deidentifier {
    /// A de-identifier with the shipped word sets (what `PHIPipeline.deidentifier(options:)` builds).
    init(options: DeidOptions) { self.init(options: options, words: .shipped, lists: .shipped) }
    /// A de-identifier with `words` and the shipped value lists.
    init(options: DeidOptions, words: DeidWords) { self.init(options: options, words: words, lists: .shipped) }
}

extension DateShifter {
    /// A shifter with the shipped word sets.
    init(locale: DateLocale) { self.init(locale: locale, words: .shipped, lists: .shipped) }
    /// A shifter with `words` and the shipped holidays.
    init(locale: DateLocale, words: DeidWords) { self.init(locale: locale, words: words, lists: .shipped) }
}

/// The de-identifier's word sets are data (`phi/deid_words.tsv`, ``DeidWords``): the file's checks, the sets'
/// contents (with negatives), and that the rules read them (removing one word changes the output).
@Suite struct DeidWordsTests {
    @Test(arguments: DeidWords.WordSet.allCases)
    func everySetHasShippedWords(_ set: DeidWords.WordSet) {
        #expect(!DeidWords.shipped[set].isEmpty)
    }

    @Test(arguments: [
        (DeidWords.WordSet.keepWords, "st", true), (.keepWords, "hospital", true), (.keepWords, "queensland", true),
        (.keepWords, "smith", false), (.keepWords, "oakwood", false),
        (.monthQualifiers, "mid", true), (.monthQualifiers, "early", true), (.monthQualifiers, "last", false),
        (.ordinalSuffixes, "th", true), (.ordinalSuffixes, "nd", true), (.ordinalSuffixes, "x", false),
        (.exemptMonthNames, "sept", true), (.exemptMonthNames, "may", true), (.exemptMonthNames, "monday", false),
    ])
    func shippedSetsHoldTheirWords(_ row: (DeidWords.WordSet, String, Bool)) {
        #expect(DeidWords.shipped[row.0].contains(row.1) == row.2)
    }

    @Test(arguments: [
        ("set\tword\tnote\nkeep_word\tst\t\n", 2, "unknown set 'keep_word'"),
        ("set\tword\tnote\nkeep_words\n", 2, "expected a set and a word"),
        ("# comment\nset\tword\tnote\nkeep_words\t\t\n", 3, "expected a set and a word"),
    ])
    func badRowsAreErrorsNamingTheLine(_ row: (String, Int, String)) {
        #expect {
            try DeidWords(tsv: row.0)
        } throws: { error in
            guard let e = error as? DeidWordsError else { return false }
            return e.line == row.1 && e.detail.contains(row.2) && e.code == "MT-DEID-001"
        }
    }

    @Test func aSetWithoutRowsIsAnError() {
        let text = "set\tword\tnote\nkeep_words\tst\t\nmonth_qualifiers\tmid\t\nordinal_suffixes\tth\t\n"
        #expect(throws: DeidWordsError(line: 0, detail: "no word for set 'exempt_month_names'")) { try DeidWords(tsv: text) }
    }

    /// Each set is read where its literal was: without `mid` a qualified month is no longer moved by months; without
    /// `st` the street type is no longer kept by an address surrogate.
    @Test func removingAWordChangesWhatTheRulesDo() throws {
        let withoutMid = try DeidWords(tsv: DeidWords.shippedText(without: .monthQualifiers, word: "mid"))
        #expect(DateShifter(locale: .enAU).shift(Array("mid-Dec".utf8), days: -139) != nil)
        #expect(DateShifter(locale: .enAU, words: withoutMid).shift(Array("mid-Dec".utf8), days: -139) == nil)
        let withoutTh = try DeidWords(tsv: DeidWords.shippedText(without: .ordinalSuffixes, word: "th"))
        #expect(DateShifter(locale: .enAU).shift(Array("the 14th".utf8), days: -139) != nil)
        #expect(DateShifter(locale: .enAU, words: withoutTh).shift(Array("the 14th".utf8), days: -139) == nil)
        let note = marked("Lives at [[12 Smith St|ADDRESS]].")
        let options = DeidOptions(mode: .surrogate, key: Array("k".utf8))
        let kept = Deidentifier(options: options).deidentify(text: note.text, entities: note.entities).text
        let withoutSt = try DeidWords(tsv: DeidWords.shippedText(without: .keepWords, word: "st"))
        let notKept = Deidentifier(options: options, words: withoutSt).deidentify(text: note.text, entities: note.entities).text
        #expect(kept.hasSuffix(" St."))
        #expect(kept != notKept)
    }
}
