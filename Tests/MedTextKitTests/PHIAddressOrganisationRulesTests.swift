import MedTextKit
import Testing

/// Places and organisations as corpora/phi GUIDELINE §5 and §6 decide them (issue #6): towns anywhere in the world
/// (GeoNames, smaller foreign places too), regions smaller than a state, one span per address line (floors, units
/// after a hash, abbreviated town names, rural mail boxes before their road), a town written straight after an
/// organisation inside its name (O3), legal forms after a comma inside it, and what is not an organisation:
/// government-run services and generic department names. Negatives: clock times, postcodes and `pt` as street
/// numbers and types, titles as street types, countries, ordinary words, person names.
@Suite struct PHIAddressOrganisationRulesTests {
    @Test(arguments: [
        // Towns anywhere in the world (GUIDELINE §5): smaller foreign cities and towns of close countries.
        "She moved from [[Galway|ADDRESS]] in [[2022|DATE]]; her sister lives in [[Whakatane|ADDRESS]].",
        "Grew up in [[Haiphong|ADDRESS]]; family still in [[Treviso|ADDRESS]].",
        // Countries (also in other languages) and words of notes that are foreign town names stay out.
        "Family hope to visit whanau in Aotearoa over the holidays. Born in Ireland.",
        "Has OSA on CPAP, uses Epsom salts in the bath, played rugby in school.",
        // Regions smaller than a state, with the article inside (GUIDELINE §5: `[the Kimberley]`).
        "Works as a [[ringer|PROFESSION]] in [[the Kimberley|ADDRESS]]; grew up in [[the Riverina|ADDRESS]].",
        "Moved from [[the Pilbara|ADDRESS]] to [[Gippsland|ADDRESS]] last year.",
        // Ordinary words after `the` are no regions.
        "Lives in the valley near the coast; walks in the park.",
    ])
    func townsAndRegions(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        // One span per address line, with a floor, a unit after a hash and an abbreviated town name (GUIDELINE AD1).
        "[[55 Example Street, 4th Floor, Boston, MA 02114|ADDRESS]]\nPhone [[617-555-0101|PHONE_OR_FAX]]",
        "Address on file: [[1618 W Farragut Ave #2, Chicago IL 60640|ADDRESS]]     Cell [[773.555.0149|PHONE_OR_FAX]]",
        "[[Regions Hospital|ORGANIZATION]] - [[640 Jackson St, St. Paul, MN 55101|ADDRESS]]",
        // A rural mail-box number before its road is one address line.
        "[[Naracoorte Health Clinic|ORGANIZATION]]\n[[RMB 1420 Riddoch Highway, Naracoorte SA 5271|ADDRESS]]\n",
        // Units before the street (shops, levels, suites, a unit with a letter), a unit range, rural boxes and lots.
        "Clinic: [[Shop 5, 101 Brunswick St, Fitzroy VIC 3065|ADDRESS]]\nAddress: [[Suite 3, Level 1, 20 Railway Pde, Burwood NSW 2134|ADDRESS]]",
        "Address: [[Unit 3B 88 Beach Road, Sandringham VIC 3191|ADDRESS]]\nAddress: [[7/15-17 Pacific Hwy, Wahroonga NSW 2076|ADDRESS]]",
        "Address: [[RSD 1420 Bagot Rd, Penola SA 5277|ADDRESS]]\nAddress: [[HC 61 Box 3127, Shiprock, NM 87420|ADDRESS]]",
        "Address: [[Lot 42, Barunga Community, via Katherine NT 0852|ADDRESS]]",
        // Clinical abbreviations that are also rural box words, and a medicine's lot number, are no addresses.
        "Lot number 12345 was checked. Pt has RSD and HC 45 cm. RR 18 on room air.",
        // Lower-case notes: a town and state code, a street name after `on` (not a facility or bed rest).
        "[[tues 11/18|DATE]] - visit. pt doing ok, bp 138/82.\nson [[tomas|NAME]] is hcpoa, lives in [[rogers, ar|ADDRESS]]. daughter visits.\nlabs at [[labcorp|ORGANIZATION]] on [[sherman ave|ADDRESS]] next week.\npt will be on bed rest. lives on a farm.\n",
        // Clock times, postcodes and `pt` are no street numbers or types; a title is no street type.
        "Visit date: [[2026-03-09|DATE]]   Start 14:02 PT   End 14:31 PT",
        "community nursing - visit log ([[bolton clarke|ORGANIZATION]], geelong west team)\nclient: [[giuseppina di stefano|NAME]]   dob [[02/05/1931|DATE]]\naddress: [[flat 2, 9 autumn st, geelong west vic 3218|ADDRESS]]   keysafe at side gate (code held in office)\ngp: dr [[fitzgerald|NAME]] at the clinic\n",
        "1915 rec'd pt from er via stretcher, a&ox3.",
        "Letter to GP Dr [[Wiremu Ngata-Hollis|NAME]]. Copy to Dr [[Ana Lolohea|NAME]].",
    ])
    func addressLines(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        // A town written straight after an organisation's name is inside it (GUIDELINE O3) ...
        "He had a colonoscopy at [[Epworth Geelong|ORGANIZATION]] in [[2016|DATE]].",
        // ... after a comma, dash or `in` it is its own ADDRESS.
        "Bloods at [[Clinpath|ORGANIZATION]], [[Murray Bridge|ADDRESS]]. Scan at [[Epworth|ORGANIZATION]] in [[Geelong|ADDRESS]].",
        // A legal form after a comma is part of the name (GUIDELINE O2).
        "[[Greenfield Orthopedic Associates, P.C.|ORGANIZATION]]\n[[800 Example Pkwy, Ste 120|ADDRESS]]",
        "[[PIEDMONT HEART & VASCULAR ASSOCIATES, P.A.|ORGANIZATION]]\n",
        // Government-run services are no organisations (GUIDELINE §6); a private ambulance company is one.
        "Son [[Marco|NAME]] (a [[paramedic|PROFESSION]] with NSW Ambulance) came. Transferred by Ambulance Victoria.",
        "TRANSPORT: QAS CRITICAL CARE\nRETRIEVAL: SAAS retrieval team",
        "Arrived via [[Lifeline Ambulance|ORGANIZATION]] overnight.",
        // A name ending in a known town after an organisation preposition (O3); a place or a person before it is none.
        "Community worker at [[SSCA Dandenong|ORGANIZATION]]. Referred from [[Mount Isa|ADDRESS]] to Dr [[Kim|NAME]].",
        // A town starting an organisation's name before its cue word is inside it (O3); alone after `and` it is a place.
        "Cardiac rehab at [[Duluth Family YMCA|ORGANIZATION]]. Temple at [[Perth Murugan Temple|ORGANIZATION]].",
        "He worked for years in [[Tamworth|ADDRESS]] and [[Gunnedah|ADDRESS]]. Likes bread and butter.",
        // Department and service names are no organisations.
        "SURGICAL PATHOLOGY REPORT\nReview at Memory Clinic in [[March|DATE]]. Seen by Maternal & Child Health nurse.",
        "Final report: Interventional Cardiology, Diagnostic Radiology.",
    ])
    func organisations(_ row: String) { PHIPipelineTests.check(row) }
}
