@testable import Deidentifier
import Foundation
import MedTextCore
import MedTextLexicons
import Testing

extension DeidLists {
    static func shippedFile(_ name: String) -> String {
        try! String(contentsOf: MedTextLexicons.bundledDataDirectory.appendingPathComponent("phi/\(name)"), encoding: .utf8)
    }
    /// The shipped `lexicons/data/phi/surrogate_values.tsv` and `holidays.tsv`.
    static let shippedValues = shippedFile("surrogate_values.tsv")
    static let shippedHolidays = shippedFile("holidays.tsv")
    static let shipped = try! DeidLists(surrogateValues: shippedValues, holidays: shippedHolidays)

    /// `text` without the lines whose first two columns are `first` and `second` (or whose first column is `first`
    /// when `second` is nil).
    static func text(_ text: String, without first: String, _ second: String? = nil) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { line in
                let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
                return !(cols.count >= 2 && cols[0] == first && (second == nil || cols[1] == second!))
            }
            .joined(separator: "\n")
    }
}

/// The surrogate value lists and the holiday table are data (`phi/surrogate_values.tsv`, `phi/holidays.tsv`,
/// ``DeidLists``): the files' checks, their contents (with negatives), and that de-identification reads them.
@Suite struct DeidListsTests {
    @Test(arguments: DeidLists.List.allCases)
    func everyListHasShippedValues(_ list: DeidLists.List) {
        #expect(DeidLists.shipped[list].count >= 30)
        #expect(Set(DeidLists.shipped[list]).count == DeidLists.shipped[list].count, "a value listed twice draws twice as often")
    }

    /// Holidays by their words as the shifter passes them (lower case, possessive `s` removed); `day` and `the` are
    /// dropped here too. Negatives: weekdays, months, ordinary words and names of no holiday.
    @Test(arguments: [
        (["christmas"], 12, 25), (["christmas", "eve"], 12, 24), (["xmas"], 12, 25), (["boxing", "day"], 12, 26),
        (["new", "year", "day"], 1, 1), (["new", "years", "eve"], 12, 31), (["anzac", "day"], 4, 25),
        (["the", "fourth", "of", "july"], 7, 4), (["easter", "monday"], 4, 16), (["good", "friday"], 4, 13),
        (["thanksgiving"], 11, 22), (["ramadan"], 11, 17), (["eid", "al", "fitr"], 12, 16), (["diwali"], 11, 14),
        (["lunar", "new", "year"], 1, 24), (["chinese", "new", "year"], 1, 24), (["hanukkah"], 12, 10),
        (["passover"], 4, 8), (["yom", "kippur"], 9, 27), (["rosh", "hashanah"], 9, 18), (["waitangi", "day"], 2, 6),
        (["st", "patrick", "day"], 3, 17), (["melbourne", "cup", "day"], 11, 6), (["king", "birthday"], 6, 11),
        (["monday"], 0, 0), (["march"], 0, 0), (["birthday"], 0, 0), (["new"], 0, 0), (["friday"], 0, 0),
        (["good"], 0, 0), (["eve"], 0, 0), (["day"], 0, 0), (["cup"], 0, 0),
    ] as [([String], Int, Int)])
    func holidaysHaveTheirReferenceDate(_ words: [String], _ month: Int, _ day: Int) {
        let h = DeidLists.shipped.holiday(words)
        #expect(h.map { [$0.month, $0.day] } == (month == 0 ? nil : [month, day]), "\(words)")
    }

    @Test(arguments: [
        ("list\tvalue\tnote\ngiven_names\t\t\n", "surrogate_values.tsv", 2, "expected a list and a value"),
        ("# c\nlist\tvalue\tnote\nnicknames\tBo\t\n", "surrogate_values.tsv", 3, "unknown list 'nicknames'"),
        ("list\tvalue\tnote\ngiven_names\tAlex\t\n", "surrogate_values.tsv", 0, "no value for list 'surnames'"),
    ])
    func malformedValuesAreBuildErrors(_ text: String, _ file: String, _ line: Int, _ detail: String) {
        #expect(throws: DeidListsError(file: file, line: line, detail: detail)) {
            try DeidLists(surrogateValues: text, holidays: DeidLists.shippedHolidays)
        }
    }

    @Test(arguments: [
        ("holiday\tmonth\tday\tnote\nchristmas\t13\t25\t\n", 2, "expected a holiday, a month (1-12) and a day of that month"),
        ("holiday\tmonth\tday\tnote\nchristmas\t2\t30\t\n", 2, "expected a holiday, a month (1-12) and a day of that month"),
        ("holiday\tmonth\tday\tnote\nchristmas\tdec\t25\t\n", 2, "expected a holiday, a month (1-12) and a day of that month"),
        ("holiday\tmonth\tday\tnote\nchristmas\t12\t25\t\nchristmas\t12\t24\t\n", 3, "holiday 'christmas' named twice"),
        ("holiday\tmonth\tday\tnote\n", 0, "no holiday"),
        ("# only a comment\n", 0, "no header"),
    ])
    func malformedHolidaysAreBuildErrors(_ text: String, _ line: Int, _ detail: String) {
        #expect(throws: DeidListsError(file: "holidays.tsv", line: line, detail: detail)) {
            try DeidLists(surrogateValues: DeidLists.shippedValues, holidays: text)
        }
    }

    /// The shifter reads the holiday table: without its row a holiday alone is no longer a date it can write back.
    @Test(arguments: [("Easter", "easter", "4 Jan"), ("Christmas Eve", "christmas eve", "14 Sep"), ("Ramadan", "ramadan", "8 Aug")])
    func theShifterReadsTheHolidayFile(_ written: String, _ row: String, _ shifted: String) throws {
        let withRow = DateShifter(locale: .enAU).shift(Array(written.utf8), days: -101).map { String(decoding: $0, as: UTF8.self) }
        #expect(withRow == shifted)
        let lists = try DeidLists(surrogateValues: DeidLists.shippedValues, holidays: DeidLists.text(DeidLists.shippedHolidays, without: row))
        #expect(DateShifter(locale: .enAU, words: .shipped, lists: lists).shift(Array(written.utf8), days: -101) == nil)
    }

    /// Surrogates come from the lists: every surrogate word of a name, a place word and an occupation is a listed value,
    /// and a list of one value makes every surrogate that value.
    @Test func surrogatesDrawFromTheLists() throws {
        let (text, entities) = marked("Seen by [[Margaret Okonkwo|NAME]], a [[welder|PROFESSION]], at 12 Smith St.")
        let options = DeidOptions(mode: .surrogate, key: Array("lists".utf8))
        let out = Deidentifier(options: options).deidentify(text: text, entities: entities).text
        let words = out.split(whereSeparator: { !$0.isLetter })
        #expect(words.contains { DeidLists.shipped[.givenNames].contains(String($0)) })
        #expect(words.contains { DeidLists.shipped[.surnames].contains(String($0)) })
        #expect(DeidLists.shipped[.professions].contains { out.contains(", a \($0), at") })
        var one = DeidLists.shippedValues
        for list in ["given_names", "surnames", "professions"] { one = DeidLists.text(one, without: list) }
        one += "given_names\tQuilla\t\nsurnames\tVossberg\t\nprofessions\tcooper\t\n"
        let lists = try DeidLists(surrogateValues: one, holidays: DeidLists.shippedHolidays)
        let single = Deidentifier(options: options, words: .shipped, lists: lists).deidentify(text: text, entities: entities).text
        #expect(single == "Seen by Quilla Vossberg, a cooper, at 12 Smith St.")
    }
}
