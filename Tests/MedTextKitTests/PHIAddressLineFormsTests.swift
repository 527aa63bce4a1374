import MedTextKit
import Testing

/// Address lines as rural and highway addresses and form fields write them (issue #6, session 11, helper `phiplace`):
/// numbered roads, rural routes with a box, a rural box on its own line above its town, a state and postcode joined by
/// a full stop or comma, a ZIP in brackets, townships, a town and state code after a label or before a column gap.
/// GUIDELINE §5 (AD1: one span per address line, AD2: a town with its state is one span). Negatives for each:
/// the same words as clinical text, credentials after a name, numbers that are no postcode.
@Suite struct PHIAddressLineFormsTests {
    @Test(arguments: [
        // Numbered roads: the route number is part of the street (AD1).
        "Address: [[1234 County Road 12, Ada, OK 74820|ADDRESS]]",
        "Home: [[88 State Hwy 9, Lamar, CO 81052|ADDRESS]]",
        "Lives at [[4410 Route 66|ADDRESS]] with her son.",
        "ADDRESS: [[5120 FARM ROAD 1960, HUMBLE, TX 77338|ADDRESS]]",
        // Rural routes with a box.
        "Address: [[Rural Route 2, Box 14, Clarion, PA 16214|ADDRESS]]",
        "Mailing: [[Rt 3 Box 118, Belden, MS 38826|ADDRESS]]",
        // A township is a place like a county.
        "She lives in [[Hazle Township|ADDRESS]] with her daughter.",
        // A town and state code after a label, before a full stop: no person with a credential.
        "Patient location verified: [[San Marcos, TX|ADDRESS]].",
        // A column gap ends a form field: "KEARNEY, NE   DISPATCH".
        "BASE: [[KEARNEY, NE|ADDRESS]]   DISPATCH [[308-555-0100|PHONE_OR_FAX]]",
        // A unit's number and letter after a unit word is no age and sex ("Suite 4F" is not a 4-year-old female).
        "Lives at [[136-20 38th Ave, Suite 4F, Flushing, NY 11354|ADDRESS]] with her son, a [[67|AGE]]M.",
        // A ZIP in brackets after the town and state is its own span, the brackets outside.
        "Brought from their home in [[Meridian, ID|ADDRESS]] ([[83642|ADDRESS]]).",
    ])
    func usAddressLines(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        // A rural box on its own line above its town's line: one span per line (AD1).
        "Address: [[HC 61 Box 3127|ADDRESS]]\n         [[Shiprock, NM 87420|ADDRESS]]",
        "Address: [[RR 2 Box 40A|ADDRESS]]\n[[Hartley, IA 51346|ADDRESS]]",
        // A state and its postcode joined by a full stop or a comma.
        "Lives at [[7 Jones Rd, Wodonga, Vic. 3690|ADDRESS]].",
        "Lives at [[40 George St, PARRAMATTA, NSW, 2150|ADDRESS]]",
        "Lives at [[19 Maple Ave, Springfield, IL. 62704|ADDRESS]].",
        // An Australian state abbreviation in title case before its postcode.
        "Lives at [[3 Reef St, Cairns, Qld, 4870|ADDRESS]]; her sister lives at [[8 Hill Rd, Sandy Bay Tas 7005|ADDRESS]].",
        // A rural street's town after `via`, with its state, is the rest of the line.
        "Address: [[Lot 4 Mundic Rd via Kalangadoo SA 5278|ADDRESS]]",
        // An upper-case street whose name is itself a street-type word, in a mixed-case note.
        "Postal:\nADDRESS: [[UNIT 5/22 BEACH RD, MANLY QLD 4179|ADDRESS]]",
    ])
    func addressLinesInBothLocales(_ row: String) {
        PHIPipelineTests.check(row)
        PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline)
    }

    @Test(arguments: [
        // Clinical text with the same words.
        "Take route 2 exit; box 4 of the kit is empty.",
        "Route 2 was blocked by floodwater so she came by air.",
        "Reviewed by Dr [[Patel|NAME]], MD.   Next review in 6 weeks.",
        // A credential after a person's name before a column gap stays the name's.
        "Attending: [[Jordan|NAME]], MD   Pager [[4471|PHONE_OR_FAX]]",
        // A road without a route number, and a number that is a count, not a route.
        "Lives at [[12 Smith Rd|ADDRESS]] 3 doors from the shop.",
        // A rural box line needs its town and state on the next line.
        "Box 14 contains the spare masks.",
        // A law's year after `Act` is no postcode, and no DATE either (GUIDELINE D3; session 17: a year naming an Act).
        "Detained under the Mental Health Act 2014 on review.",
    ])
    func clinicalTextStaysOut(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }
}
