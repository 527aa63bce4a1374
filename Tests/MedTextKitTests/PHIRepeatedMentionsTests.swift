import MedTextKit
import Testing

/// Issue #6: every mention of a string found as PHI (GUIDELINE G1: names, places, organisations and identifiers found
/// once with a cue are marked wherever else the note repeats them), and US and Australian street forms (numbered and
/// grid streets, directions, lots, upper-case abbreviations). Negatives: ordinary-word and stop-listed strings in
/// another case, clinical text with ordinals, directions and upper-case `ST`.
@Suite struct PHIRepeatedMentionsTests {
    @Test(arguments: [
        // A place found after a residence word, repeated without context, in another case, with a possessive.
        "Lives in [[Camooweal|ADDRESS]] with her partner. Flights out of [[Camooweal|ADDRESS]] are weekly.",
        "Lives alone in [[Toongabbie|ADDRESS]]. [[Toongabbie|ADDRESS]]'s bus service is poor. [[TOONGABBIE|ADDRESS]] nurse attends.",
        // The town of an address line, named again alone; a short upper-case organisation is also an abbreviation.
        "Address: [[6 Magnolia Ct Apt 12, Mebane NC 27302|ADDRESS]]\nSpecimen received from the PSC in [[Mebane|ADDRESS]]; [[Mebane|ADDRESS]] is 20 minutes away.",
        "Flu shot at [[CVS|ORGANIZATION]] last week. CVS: dual heart sounds, no murmur.",
        // The plural of a detected surname names the family (the `s` outside, as a possessive's); an ordinary-word surname's plural is the word.
        "Name: [[Peter Nguyen|NAME]]\nThe [[Nguyen|NAME]]s were present; the [[NGUYEN|NAME]]S agreed.",
        "Seen with wife [[Rose Bell|NAME]]. Bells ringing in her ears; Roses on the table.",
        // A lower-case name and an identifier repeated without their cues.
        "Wife [[lizzie|NAME]] visiting today. [[lizzie|NAME]] says he slept well.",
        "MRN: [[4471-WCSD|ID]]. Please quote [[4471-WCSD|ID]] on the form.",
        // A stop-listed or ordinary word is not repeated in another case, nor alone ("hope", "Hope is ...").
        "Her daughter [[Hope|NAME]] visited. There is little hope of recovery. Hope is the aim.",
        // A repeated string inside a longer word is another word.
        "Lives in [[Toongabbie|ADDRESS]]. Toongabbie-Smith syndrome was discussed.",
        // Numbered and grid streets, directions, suites in capitals, lots and mail boxes.
        "[[1850 W 21st Pl|ADDRESS]]\n[[Chicago, IL 60608|ADDRESS]]",
        "Vaccines given at [[Walgreens|ORGANIZATION]] on [[W 18th St|ADDRESS]] last week.",
        "Address: [[2890 W 600 S, Hurricane UT|ADDRESS]] (no mail delivery).",
        "cc: Mr [[B. Young|NAME]], [[Lot 7 Old Narrandera Rd, Coolamon NSW 2701|ADDRESS]]",
        "Reply to:\n[[2205 S CHURCH ST STE 300, BURLINGTON NC 27215|ADDRESS]]",
        "HOME ADDRESS (PRIOR): [[216 2ND AVE NE, MAYVILLE, ND 58257|ADDRESS]]",
        // Businesses named by their trade; the same words in clinical text are none.
        "Wheelchair ordered from [[Handi Medical Supply|ORGANIZATION]]. Funeral director: [[Tobin Brothers Funerals|ORGANIZATION]].",
        "Seen by the cardiology consultants today; durable medical equipment ordered; home medical review.",
        // Clinical ordinals, directions and upper-case ST are no streets.
        "ECG at 0300: 2ND DEGREE block; ST depression V4-V6. Took 3 tabs on the [[21st|DATE]].",
        "Pain 3 W 4 N on the chart, ward 4 W 2 S. Gave 2 x 5th dose.",
    ])
    func repeatsAndStreets(_ row: String) { PHIPipelineTests.check(row) }
}
