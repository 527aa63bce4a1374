import MedTextKit
import Testing

/// Session 6 (issue #6, helper `deid`): the GeoNames gazetteer (towns and suburbs after a place word), organisations
/// without a facility word (organisations.tsv), organisation suffixes and facility cues, saints' names after a
/// place preposition, a town written straight after an organisation's name, and month-name dates with a two-digit
/// year. Negatives: clinical phrases that share a word with a suffix or a state code, generic facility words, state
/// agencies, payers, clinical abbreviations that are also hospital abbreviations.
@Suite struct PHIPlacesOrganisationsTests {
    @Test(arguments: [
        // GeoNames places after a place word.
        "a retired [[cane farmer|PROFESSION]] from [[Cooroy|ADDRESS]]; her late husband was a [[mail carrier|PROFESSION]] in [[Bisbee|ADDRESS]].",
        "Her mother lives in [[Grove City|ADDRESS]] and works in [[Key Largo|ADDRESS]] in winter.",
        "Son flying in from [[Amman|ADDRESS]]; he arrived from [[Shenyang|ADDRESS]] in [[1989|DATE]].",
        // Ordinary words, article phrases and clinical abbreviations are no places.
        "NEXUS and Canadian CT head rules negative. Pain in Reading. Seen at the junction of the two vessels.",
        // A town straight after the name is inside it; after a comma it is its own ADDRESS.
        "Born at [[Mercy Hospital Springfield|ORGANIZATION]]; echo at [[WakeMed Raleigh Campus|ORGANIZATION]].",
        "Seen at [[Northern Hospital Epping|ORGANIZATION]] - Emergency Department",
        "Lab: [[Quest Diagnostics|ORGANIZATION]], [[Middleton|ADDRESS]]",
        // Known organisations without a facility word.
        "A home health aide with [[Addus HomeCare|ORGANIZATION]]; home oxygen from [[Lincare|ORGANIZATION]].",
        "Studies marine biology at [[UTAS|ORGANIZATION]]; consults to [[Austal|ORGANIZATION]]; CT read by [[vRad|ORGANIZATION]].",
        // Organisation suffixes: clubs, holdings, parishes; a county's emergency service is a government service whose
        // county is an ADDRESS (GUIDELINE §6, decision of session 10).
        "Arrival via [[Miami-Dade|ADDRESS]] Fire Rescue; landlord [[Midtown Property Holdings|ORGANIZATION]] not responding.",
        "She plays netball for the [[Mypolonga Football Club|ORGANIZATION]] and banks with [[Traditional Credit Union|ORGANIZATION]].",
        // Not organisations: clinical phrases ending in a word that is also a suffix.
        "Delayed Union of the fracture. Otitis Media on the left. Reactive Airways Disease. Stainless Steel plate.",
        // Generic facility words, state agencies and payers stay out (GUIDELINE §0, §6).
        "Call the Medical Centre tomorrow. Arrived by Ambulance Victoria. Overseas cover: Allianz Care (OSHC).",
        "PRIVATE HEALTH: NIB HOSPITAL ONLY  MBR [[40018276|ID]]",
        "No PAH on echo. FSH raised. Father was a POW.",
        "Retrieved by the [[Royal Flying Doctor Service|ORGANIZATION]] to [[Alice Springs Hospital|ORGANIZATION]].",
        // Saints' names after a place preposition, lower case included; a listed place alone stays a place.
        "pt transferred back from [[st. luke's|ORGANIZATION]] overnight; chaplain from [[st anne's parish|ORGANIZATION]].",
        "Attends meetings at [[St. Procopius|ORGANIZATION]]. Referred to [[St Vincents|ORGANIZATION]] for review.",
        "Chaplain from [[St. John's Lutheran|ORGANIZATION]] visited. She lives in [[St Kilda|ADDRESS]].",
        // Store numbers are inside the name; a place set off by brackets or commas; place-only names after a label.
        "Scripts to [[CVS Pharmacy #8821|ORGANIZATION]], [[Pittsburg|ADDRESS]]; son [[Peter|NAME]] (by phone, [[Brisbane|ADDRESS]]).",
        "Daughter lives west ([[Point Cook|ADDRESS]]); AF (Dr [[Chua|NAME]], cardiologist, [[Midland|ADDRESS]]).",
        "Pharmacy: [[CVS|ORGANIZATION]] on [[Piedmont Ave|ADDRESS]]. Clinic: Cardiology",
        // Eponyms after "of", device makers, wards and a given name set off by commas are not places or organisations.
        "Dissected to the node of Cloquet and the arcade of Struthers. Aortic valve replaced with a St. Jude mechanical valve.",
        "Baby went to Newborn Nursery. Meds: Lasix, Coumadin, Jackson. A native of [[Bisbee|ADDRESS]].",
        // Month and two-digit year.
        "DOB [[Nov-57|DATE]]. dob [[nov-34|DATE]]   mrn [[0058813|ID]]",
    ])
    func placesAndOrganisations(_ row: String) { PHIPipelineTests.check(row) }
}
