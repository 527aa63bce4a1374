import MedTextKit
import Testing

/// Places and organisations in forms the gazetteer and facility rules missed (issue #6, ADDRESS and ORGANIZATION
/// recall): rural properties named with a property word, place labels on forms, known places with a possessive,
/// saints' names as towns after a residence word, a street alone on its line above its town, practices named by two
/// fields joined by `&`, lower-case facility names after `the`, and two names on a label line split by a spaced dash.
/// Negatives: services named like properties, generic and ordinary-word facilities, countries after place labels,
/// eponyms and drugs.
@Suite struct PHIPlaceFormsTests {
    @Test(arguments: [
        // Rural properties and localities named with a property word (an ADDRESS, not an employer).
        "He worked as a [[stockman|PROFESSION]] at [[Mount Doreen Station|ADDRESS]] when young.",
        "Partner is a [[ringer|PROFESSION]] on [[Barkly Downs|ADDRESS]] station. Grew up on [[Willowbank Station|ADDRESS]].",
        "Brought in by police ([[Browns Plains|ADDRESS]] station) overnight.",
        // Services and ordinary words before the property word are no properties.
        "Left at the Fire Station. Lives on a farm. Taken to the Police Station.",
        "Police: Sen Const [[B. Karagiannis|NAME]], [[Mill Park|ADDRESS]] Police Station",
        // Place labels before a known place; a country after them stays out (GUIDELINE §0).
        "Place of birth: [[Ballarat|ADDRESS]]   Country of birth: Vietnam",
        "Suburb: [[Toowoomba|ADDRESS]]. Birthplace: [[Bendigo|ADDRESS]]. Town of birth: [[Mildura|ADDRESS]]",
        // A known place with a possessive: the possessive is outside the span.
        "Daughter in [[Melbourne|ADDRESS]]'s west is pregnant; son lives in [[Sydney|ADDRESS]]'s inner west.",
        // Eponyms with a possessive are no places.
        "History of Parkinson's disease and Addison's disease; seen in Crohn's clinic.",
        // A saint's name alone after a residence word is a town; after other prepositions an organisation.
        "Son lives in [[St. Paul|ADDRESS]]. Transferred back from [[St. Luke's|ORGANIZATION]] overnight.",
        // A street alone on its line above a line with its town (letterheads).
        "[[University Hospital Geelong|ORGANIZATION]]\n[[Ryrie St|ADDRESS]]\n[[Geelong VIC 3220|ADDRESS]]\n",
        "Attends the men's shed on [[Station St|ADDRESS]] on Tuesdays.",
        // A line that only looks like a street ("Ward Rd" is not above a town) stays out.
        "Nursing notes\nWard Round\nPlan: review.",
        // Practices named by two fields joined by "&".
        "TELEHEALTH CONSULTATION - [[Hobart Sleep & Respiratory|ORGANIZATION]]",
        "[[Riverina Heart & Vascular|ORGANIZATION]]\nPhysio at [[Ventura Spine & Sport|ORGANIZATION]] last year.",
        // Generic specialty pairs without a name before them stay out.
        "Referred to Heart & Vascular clinic. Seen by Sleep & Respiratory team.",
        // Lower-case facility names after "the" when a word is outside the ordinary-word list.
        "still does the books for the [[mypolonga football club|ORGANIZATION]].",
        "plays for the local football club. a chest tube was placed at the other hospital.",
        // A state code before a ZIP ends an address line; it is no credential after a name (`Baltimore, MD`).
        "Hospital, [[900 S. Caton Ave, Baltimore, MD 21229|ADDRESS]]",
        "Lives at [[1602 Wilkens Ave Apt 2R, Baltimore MD 21223|ADDRESS]].",
        "Seen by [[Jane Smith|NAME]], MD 2 weeks ago. Signed: [[Anne Lee|NAME]], PA",
        // Mobile-home park spaces and trailers are units.
        "home at [[4410 E. Superstition Blvd, Space 27, Apache Junction, AZ 85119|ADDRESS]]; three steps",
        "ADDRESS: [[2214 W. MARCH LN, SPC 41, STOCKTON, CA 95207|ADDRESS]]",
        "There is no space 2 cm from the margin. Space 4 was clear.",
        // A town before a comma and its country; the country stays out (GUIDELINE §0).
        "Returned from [[Zahlé|ADDRESS]], Lebanon, where he visited. Place of birth: [[Treviso|ADDRESS]], Italy",
        "Mother lives in [[Christchurch|ADDRESS]], New Zealand; brother in [[Kandy|ADDRESS]], Sri Lanka.",
        // Countries, ordinary words and organisations before a country are no towns.
        "Moved to England, UK in [[2001|DATE]]. Cooks at Home, New Zealand style.",
        // Lower-case facilities at a line start, after a label's colon or a spaced dash, when a word is unlisted or the
        // name is a known place; generic clinics stay out.
        "ward 5 west nursing notes - [[box hill hospital|ORGANIZATION]]\nreferrer: [[monash medical centre|ORGANIZATION]] team",
        "plan: pain clinic review. - dental clinic\nfracture clinic f/u",
        // A spaced dash separates two names after an employer label.
        "Employer: [[Washington County School District|ORGANIZATION]] - [[Hurricane Middle School|ORGANIZATION]], position: cafeteria",
    ])
    func placeForms(_ row: String) { PHIPipelineTests.check(row) }
}
