@testable import EntityRecognizer
import MedTextCore
import MedTextTestSupport
import Testing

/// Each row marks every PHI span the pattern recognizer must find, with its type;
/// anything unmarked must not be found.
@Suite struct PHIPatternTests {
    /// The scanner with the shipped word lists (`phi/rule_words.tsv`).
    static let scanner = PHIPatternRecognizer(words: PHIScanWords(PHIRuleWords.shipped))

    static func check(_ marked: String) {
        let m = MarkedText(marked)
        let found = PHIPatternTests.scanner.recognize(m.text)
        let got = found.map { "\(m.text.utf8Slice($0.span))|\($0.type.rawValue)" }
        let want = m.marks.map { "\($0.text)|\($0.labels.first ?? "")" }
        #expect(got == want, "in: \(marked)")
    }

    @Test(arguments: [
        "DOB [[04/11/1957|DATE]].",
        "seen [[11/4/57|DATE]] and [[2025-02-14|DATE]]",
        "Admitted [[11-Apr-1957|DATE]] and discharged [[April 11, 1957|DATE]].",
        "Review on [[11th April 2025|DATE]].",
        "Since [[Feb 2025|DATE]], worse since [[3rd of May 2024|DATE]].",
        "Follow up [[2025-02-14T09:30:00Z|DATE]] please",
        "Procedure [[12/03/2024 14:30|DATE]] uneventful",
        "Seen [[14.02.2025|DATE]].",
        "last seen [[04/2025|DATE]]",
        "since [[7/22|DATE]]",
        "BP 140/90, x 5/7, 1/2 tab, 2/52",
        "He may be reviewed. Pain 7/10. Ver 1.2.3",
        "on [[March 3|DATE]] he was well",
        "[[1 Jan 2024|DATE]] and [[Sept. 3rd, 2024|DATE]]",
    ])
    func dates(_ marked: String) { Self.check(marked) }

    @Test(arguments: [
        "Ph [[(02) 9876 5432|PHONE_OR_FAX]] or mob [[0412 345 678|PHONE_OR_FAX]]",
        "Call [[+61 412 345 678|PHONE_OR_FAX]] / [[+61 2 9876 5432|PHONE_OR_FAX]]",
        "Info line [[1300 123 456|PHONE_OR_FAX]] or [[1800 555 123|PHONE_OR_FAX]] or [[13 11 14|PHONE_OR_FAX]]",
        "Tel [[(555) 123-4567|PHONE_OR_FAX]], fax [[555-987-6543|PHONE_OR_FAX]]",
        "pager [[555.234.5678 ext 12|PHONE_OR_FAX]] and [[+1 617 555 0134|PHONE_OR_FAX]]",
        "Phone: [[9876 5432|PHONE_OR_FAX]]",
        "Hb 98 g/L, K 5.8, eGFR 42, 1234 5678 units",
        "contact [[0298765432|PHONE_OR_FAX]]",
    ])
    func phones(_ marked: String) { Self.check(marked) }

    @Test(arguments: [
        "Email [[jane.citizen@example.com.au|EMAIL]].",
        "see [[https://example.org/path?q=1|URL]], or [[www.health.example.gov.au|URL]].",
        "visit [[example.com|URL]] today; e.g. b.i.d. i.v.",
        "(see [[http://example.net/a_(b)|URL]])",
        "server [[192.168.10.24|IP_ADDRESS]] down",
    ])
    func emailsURLsIPs(_ marked: String) { Self.check(marked) }

    @Test(arguments: [
        "MRN: [[12345678|ID]]",
        "UR No. [[A123456|ID]] and Medicare [[2123 45670 1|ID]]",
        "IHI [[8003 6012 3456 7893|ID]]",
        "SSN [[123-45-6789|ID]]",
        "Medicare number [[2123456701|ID]] valid",
        "ABN [[51 824 753 556|ID]]",
        "DEA [[AB1234563|ID]] on file",
        "Account # [[AC-99812|ID]] closed",
        "Lab 5 values normal",
        // Regression (PHI dev 337, session 5): a month name and a year or day after an ID cue word is a date, never
        // an identifier ("visit" was the cue and "Oct" was skipped as a second cue, so "2025" became an ID). A month
        // word before a long number stays a cue's second word.
        "last visit [[Oct 2025|DATE]]; Specimen [[Jan 12 2024|DATE]]; case [[Mar 2023|DATE]]",
        "LAST VISIT [[OCT 2025|DATE]]. Episode [[September 2024|DATE]]. Ref MAR [[12345678|ID]]",
    ])
    func identifiers(_ marked: String) { Self.check(marked) }

    @Test(arguments: [
        "[[67 yo|AGE]] man, a [[67-year-old|AGE]] and [[45yo|AGE]]",
        "[[67M|AGE]] with CP; [[72 y.o.|AGE]] female; [[80 y/o|AGE]]",
        "aged [[91|AGE]], [[34 year old|AGE]], [[3 yrs old|AGE]]",
        "for 5 years, 20 mg, 67 mg",
    ])
    func ages(_ marked: String) { Self.check(marked) }

    /// Session 16 (speedC): the number patterns are tried only where their first test can pass (the run of digits and the
    /// byte after it), the month name after a day and the unit word after an age only for words that can be one, and a
    /// word before `:` or `.` is hashed only when it can be a scheme or `www`; `wordPattern` is called only for a word that
    /// may be a month, an ID cue, two letters or the start of an e-mail address or URL. Each row sits on one side of a gate.
    @Test(arguments: [
        "[[2 weeks old|AGE]] baby, [[5 days old|AGE]] and [[3 months old|AGE]]; [[67F|AGE]], [[40 yof|AGE]], [[9 yr old|AGE]]",
        "for 12 apples, 345 mg, 7 tabs and 3 wks",
        "[[3-Jun-25|DATE]], [[12/Mar/2024|DATE]], [[21st March 2025|DATE]], [[2 of May 2024|DATE]]",
        "[[10.0.0.1|IP_ADDRESS]] and 10.5 mg, 1.2.3, 123-4",
        "given [[123 456 782|ID]], then [[219-09-9999|ID]]",
        "get [[ftp://files.example.org/x|URL]] or [[HTTPS://EXAMPLE.ORG/a|URL]] or [[WWW.example.com|URL]]",
        "Label: value. Plan: rest. http: none; www-site",
        "MRN [[12345678|ID]], seen [[June 2024|DATE]] by Dr Wu",
    ])
    func gatesOfNumberAndWordPatterns(_ marked: String) { Self.check(marked) }

    @Test func ageOverEightyNineIsFlagged() {
        let e = PHIPatternTests.scanner.recognize("a 93-year-old woman").first
        #expect(e?.evidence.contains { $0.subject == "AGE_OVER_89" } == true)
        let y = PHIPatternTests.scanner.recognize("a 63-year-old woman").first
        #expect(y?.evidence.contains { $0.subject == "AGE_OVER_89" } == false)
    }

    @Test func neverCrashesOnOddBytes() {
        for s in ["", "@", "http://", "+", "(", "1", "12/", "12/12/", "Jan", "MRN", "MRN:", "a@b", "www.", "1.2.3.",
                  "😀 04/11/1957 😀", "\u{0}\u{1}99/99/9999", String(repeating: "1 ", count: 1000)]
        {
            _ = PHIPatternTests.scanner.recognize(s)
        }
    }
}

extension String {
    /// The substring of a UTF-8 span (test helper).
    func utf8Slice(_ span: TextSpan) -> String {
        String(decoding: Array(utf8)[span.start..<span.end], as: UTF8.self)
    }
}
