import MedTextKit
import Testing

/// Phone, identifier and handle formats of session 16 (issue #6, GUIDELINE §2, §9; helper `phitype`): a clock time after
/// a phone number is no part of it; United Kingdom and New Zealand numbers in their own groupings; an NHS number (mod-11
/// check) after `NHS`; registration numbers after the names of their registers (GMC, NMC, HCPC, NAATI, USDOT); a family
/// number of a genetics service; a handle opening the line after its cue. Each class has rows that must stay out.
@Suite struct PHIFormatsSession16Tests {
    @Test(arguments: [
        "Handoff called to the charge nurse at [[(402) 555-0187|PHONE_OR_FAX]] 17:58, glucose check advised.",
        "Parent called [[(513) 555-0132|PHONE_OR_FAX]] 11:38 with a phone interpreter.",
        "TEL [[402-555-0119|PHONE_OR_FAX]] 9:05 CALLED BACK BY CHARGE RN.",
        // A clock time alone, or after a count, stays out.
        "Obs at 10:30 and 14:45 stable, next set 18:00.",
        "Fluids 250 mL 17:58 then 100 mL 19:00.",
    ])
    func phoneBeforeAClockTime(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        "Rang daughter on [[0412 555 019|PHONE_OR_FAX]] 09:15 to update her.",
        "Acute Medical Unit   Tel [[0113 496 0788|PHONE_OR_FAX]]   ward clerk on days.",
        "UK mobile [[07700 900123|PHONE_OR_FAX]] while she is overseas.",
        "Office [[020 7946 0321|PHONE_OR_FAX]], or the practice on [[(020) 7946 0555|PHONE_OR_FAX]].",
        "his GP in the UK, surgery [[01632 960 555|PHONE_OR_FAX]]",
        "Clinic [[(09) 555 0172|PHONE_OR_FAX]]; rooms [[03 477 0199|PHONE_OR_FAX]].",
        "NZ cell [[021 555 019|PHONE_OR_FAX]] or [[+64 9 555 0172|PHONE_OR_FAX]]",
        // Other groupings and counts stay out.
        "Counts 113 496 412 on three plates.",
        "Scores 0 7 7 0 0 on the five items.",
    ])
    func overseasPhoneFormats(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        "DISCHARGE SUMMARY   NHS No. [[398 259 7919|ID]]   Hospital No. [[J8841199|ID]]",
        "NHS number: [[4925899139|ID]] (verified)",
        // Without `NHS` a 3-3-4 number is a phone number, and `NHS 111` is a service.
        "Ward phone [[943 476 5919|PHONE_OR_FAX]] after hours.",
        "Advised to call NHS 111 if worse overnight.",
    ])
    func nhsNumbers(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        "Signed by the FY2 doctor, GMC [[7123456|ID]]",
        "Staff nurse on duty, NMC [[09A1234E|ID]], witnessed.",
        "Reviewed by the therapist (HCPC [[SL04417|ID]]).",
        "Interview with the mother (Bulgarian interpreter, NAATI [[CPN4XR2QA|ID]], by phone).",
        "Carrier number on the licence (USDOT [[3318205|ID]]) checked.",
        "Cascade sample kits ordered under family number [[FAM-2210-BRO|ID]].",
        // The register's name alone, a truck make, a family history and a family size stay out.
        "Registered with the GMC since training.",
        "Drives a GMC Sierra for work.",
        "Strong family history of bowel cancer.",
        "A family of 4 living in a two-bedroom unit.",
    ])
    func registrationAndFamilyNumbers(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        "DOB [[22/06/1958|DATE]] ([[68|AGE]] M)   Bed 14",
        "Contacts: the patient's partner ([[47|AGE]] F) and her son.",
        "Contacts given prophylaxis: (mother, [[47|AGE]]), (brother, [[15|AGE]]), (girlfriend, [[19|AGE]]).",
        "Family: father alive, [[68|AGE]], heart problems; mother living, [[72|AGE]], type 2 diabetes.",
        "6. Age at vaccination: [[68|AGE]] years",
        "Age at diagnosis: [[52|AGE]]",
        // A molar strength, a count after a relative, a relative's year and gestational age stay out.
        "Saline (3 m) nebuliser given.",
        "Lives with family (mother, 2 sisters).",
        "Contact (mother, [[1990s|DATE]]) noted.",
        "Gestational age at birth: 32 weeks",
        "Mother reports BP 140/90, 72, on the home cuff.",
        "Sister: seen today, 3, of the scheduled visits.",
    ])
    func agesInBracketsAndLabels(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        "24-h recall: black coffee, apple, 1/2 tuna salad, 2 rice cakes.",
        "cellulitis, day 3 IV antibiotics, 1/2 the erythema now.",
        "Required BiPAP 12/6 for 7 hours, then CPAP 10/5 overnight.",
        "Works FIFO 8/6 roster, back on a 14/7 swing next month.",
        // A date word before the value keeps the date.
        "Seen on [[1/2|DATE]] the patient was well.",
        "Bloods [[1/3|DATE]], repeat due.",
    ])
    func fractionsAndSettingsThatAreNoDates(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        "RN at bedside 02:37. Registrar paged 02:38 ([[7719|PHONE_OR_FAX]]), called back 02:41.",
        // A clock time or a count in the bracket stays out.
        "Registrar paged at the end of the round (0240), called back.",
        "Registrar paged (2 times) overnight.",
    ])
    func pagerInABracketAfterPaged(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        "Runs a TikTok account (handle\n[[@rowsfast_99|ID]]) - private.",
        // Without a cue an at-sign word opening a line stays out.
        "Plan reviewed with family.\n@home by 5pm per mother.",
    ])
    func handleOpeningTheNextLine(_ row: String) { PHIPipelineTests.check(row) }
}
