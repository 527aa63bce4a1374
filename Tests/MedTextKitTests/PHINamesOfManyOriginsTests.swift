import Foundation
import MedTextCore
import MedTextKit
import MedTextTestSupport
import Testing

/// Names of many origins written whole, relatives' ages and short reference codes (issue #6 §3): a name found by the
/// list pair rule takes its third and fourth words and its particles, the curated list covers communities the census
/// and Faker lists miss, a relative's age in brackets and later ages of a list are AGE, and a short capitals-and-digits
/// code after a reference cue is an ID. Each class has negatives: places, organisations, weekdays and credentials after
/// a name; plural relatives and counts; lab names, grades and scores in brackets; codes in lower case or without digits.
@Suite struct PHINamesOfManyOriginsTests {
    /// Long names and particles: Vietnamese family-first names with Van/Thi, Hispanic double surnames, Slavic
    /// patronymics, Arabic `bin`/`al-`/`Al`, particles before the surname.
    @Test(arguments: [
        "[[Hoang Thi Mai|NAME]] is a woman with COPD.",
        "[[NGUYEN THI HOA|NAME]] was reviewed in clinic today.",
        "[[María José García López|NAME]] attended.",
        "[[José Luis Hernández-Sánchez|NAME]] presented.",
        "[[Dmitri Ivanovich Petrov|NAME]] was admitted.",
        "[[Mohammed bin Salman Al-Harbi|NAME]] attended.",
        "[[Khalid Al Mansouri|NAME]] was admitted.",
        "Seen by Dr [[Ahmed al-Rashid|NAME]].",
        "[[Maria de los Angeles Ortiz|NAME]] was seen.",
    ])
    func longNamesAndParticles(_ row: String) { PHIPipelineTests.check(row) }

    /// Curated names of communities the lists cover thinly: Central Desert skin names used as family names, Pacific,
    /// West and East African, Somali, South Sudanese, Slavic, Greek, Italian, Korean and Chinese given names.
    @Test(arguments: [
        "[[Daisy Nangala|NAME]] is the family support worker.",
        "[[Jimmy Jupurrurla|NAME]] was flown in.",
        "[[Losaline Fifita|NAME]] attended with her aunt [[Mele|NAME]].",
        "[[Chukwuemeka Okonkwo|NAME]] attended. [[Oluwaseun Adeyemi|NAME]] presented.",
        "Seen with [[Abdiwali|NAME]] today.",
        "[[Konstantinos Papadopoulos|NAME]] attended. [[Giuseppe Russo|NAME]] was reviewed.",
        "[[Oleksandr Kovalenko|NAME]] presented with dyspnoea.",
        "Patient [[Huang Zhiqiang|NAME]] has type 2 diabetes.",
    ])
    func curatedNames(_ row: String) { PHIPipelineTests.check(row) }

    /// Logins built from a name found in the note, names after a title that is also a word with a surname in no list,
    /// names before a credential with an Irish particle, a surname that is also an eponym after a cue and an unlisted
    /// given name. Ordinary words that end in a found surname, and eponyms with a possessive, stay out.
    @Test(arguments: [
        "Read back by [[A. Mirzoyan|NAME]] (MLS). Caller ID [[amirzoyan|NAME]].",
        "Note by [[Keisha Broussard|NAME]], LPN.\n- [[kbroussard2|NAME]]",
        "Pastor [[Ray Etsitty|NAME]] has offered to organise meals.",
        "Sister [[Mary Okafor|NAME]] visited.",
        "Asked our diabetes educator, [[Sinéad Ó Murchú|NAME]] CDE, to see her.",
        "Seen by [[Sinéad Murphy|NAME]] today.",
        "Seen by [[Anne Ross|NAME]]. Walked across the ward without aids.",
        "Father said he was fine. Murphy's sign negative.",
    ])
    func loginsTitlesAndParticles(_ row: String) { PHIPipelineTests.check(row) }

    /// A name ends before a place, an organisation word, a weekday, a credential or a table gap.
    @Test(arguments: [
        "Seen by Dr [[Sarah Lee|NAME]] Tuesday.",
        "[[Maria Lopez|NAME]], RN",
        "[[John Williams|NAME]] MD reviewed.",
        "[[Peter Nguyen|NAME]]     MRN [[4471229|ID]]",
        "Discussed with [[John Williams|NAME]] in [[March|DATE]].",
        "Parkinson's disease, Bell's palsy, Graves' disease. Commenced on Keppra and Endone.",
    ])
    func namesEnd(_ row: String) { PHIPipelineTests.check(row) }

    /// Ages of relatives in brackets and later ages of a list; counts, grades and plural relatives stay out.
    @Test(arguments: [
        "Son ([[8|AGE]]), daughter ([[5|AGE]]).",
        "Brother ([[49|AGE]]) well; her sister ([[52|AGE]], nurse) helps.",
        "Children aged [[8|AGE]], [[5|AGE]] and [[2|AGE]].",
        "Grandchildren aged [[12|AGE]], [[9|AGE]] and [[4|AGE]] years.",
        "Father died at [[61|AGE]] of an MI.",
        "Brother [[Tomas|NAME]] had colon cancer at [[49|AGE]]. No Lynch testing.",
        "Child: [[Jayden Martin|NAME]], [[4|AGE]] yrs, HRN [[A0774112|ID]]",
        "Age: [[66|AGE]]Y   Sex: M\nAge: [[7|AGE]]yrs.",
        "Mum [[Kylie|NAME]] rang. Took 10 mg at 8. Hb 49.",
        "Sons (2) at home. Children (3) well. Grade (2) ulcer. Power (4) in the right arm.",
        "Took 8, 5 and 2 tablets. Scores 8, 5 and 2.",
    ])
    func ages(_ row: String) { PHIPipelineTests.check(row) }

    /// Short reference codes after booking, confirmation, reference and access cues; lab names, scan codes, groups,
    /// ranges and codes without digits stay out.
    @Test(arguments: [
        "Booking code [[K7Q-22X|ID]] for the portal.",
        "Confirmation code [[7QX2|ID]]",
        "Ref [[AB12C|ID]].",
        "Booking ref: [[XJ4P9|ID]]",
        "Pt ID [[SIP-MR2|ID]]",
        "Lab HbA1c 7.2 today. Order CT2 scan. Group A strep. Reference range 3.5-5.0 mmol/L.",
        "Code blue called. Booking for 2B next week. Access code pending. Confirmation of diagnosis by MRI.",
    ])
    func shortCodes(_ row: String) { PHIPipelineTests.check(row) }

    /// Dates: a capitalised month alone in brackets or before a colon after a test, and an approximate year after `~` or
    /// `c.`; the modal verb, counts and volumes stay out.
    @Test(arguments: [
        "Echo ([[Feb|DATE]]) showed EF 40%.",
        "Echo [[Feb|DATE]]: EF 40%.",
        "Diagnosed ~[[2010|DATE]]. Hysterectomy c. [[1998|DATE]].",
        "He (May) attend. Intake ~2000 mL daily. Walks ~1900 steps a day.",
    ])
    func datesAloneAndApproximate(_ row: String) { PHIPipelineTests.check(row) }

    /// Given names before a bracketed age (the age too), particles in capitals, relatives in capitals, entry signatures on
    /// their own line and logins with two initials; date labels before a bracketed date, credentials after a name and
    /// bullet lists stay out.
    @Test(arguments: [
        "Children with her sister: [[Tyson|NAME]] ([[15|AGE]]), [[Shania|NAME]] ([[12|AGE]]) and [[Jayden|NAME]] ([[8|AGE]]).",
        "Baby [[Nevaeh|NAME]] ([[10|AGE]] months) is well.",
        "PATIENT: [[MARIA DE LOS ANGELES GUTIERREZ-OROZCO|NAME]]\nHPI: PER DAUGHTER-IN-LAW [[YESENIA OROZCO|NAME]] (ON SCENE). MEDS LIST IN PURSE.",
        "next visit [[16/3|DATE]].\n- [[tle|NAME]]\n",
        "note.\n-- [[cosullivan2|NAME]] [[10/14/2025 11:47|DATE]]",
        "Grade (2) ulcer. Tanner (3). Ruby (3) ring.",
        "Impression:\n- UTI\n",
        "Meds:\n- asa\n",
        "Pregnant: 26/40 gestation (EDD [[03/06/2026|DATE]]).",
        "Patient: [[Xiong, Pa Nhia|NAME]]\nPCP: [[Fue Vang|NAME]], PA-C.",
    ])
    func namesAgesAndSignaturesByShape(_ row: String) { PHIPipelineTests.check(row) }

    /// Hyphenated Korean and Chinese given names after a relative or before a listed surname, and a lower-case given name
    /// and surname before a credential; English hyphenated words and reduplications stay out.
    @Test(arguments: [
        "pt asking to go home to wife [[soon-ja|NAME]]; next visit.",
        "Letter to [[Young-jae Shin|NAME]] today.",
        "report given to [[precious ndlovu|NAME]] rn.",
        "shift notes for the ward tonight, all obs done and charted, pt resting in bed with family at the bedside\nrn [[marie-claude jean-baptiste|NAME]] (pager [[4417|PHONE_OR_FAX]])\n- [[mjbaptiste|NAME]]",
        "pt settled overnight and slept well with no issues reported by the night staff at all today\n1500 seen by dr [[patel|NAME]], plan to d/c tmrw.",
        "Her mother-in-law visited. Wife so-so today. Son x-ray normal. He moved to [[Young|ADDRESS]] last year.",
    ])
    func hyphenatedGivenNamesAndLowerCaseSignatures(_ row: String) { PHIPipelineTests.check(row) }
}
