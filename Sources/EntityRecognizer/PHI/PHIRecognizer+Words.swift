import MedTextCore

// Key sets used by the rules of the PHIRecognizer+*.swift extensions.
// Each rule is out of line and behind a one-flag pre-test at its call site (DESIGN.md "PHI").

extension K {
    static let page = wordKey("page")

    static let driveVerbs: Set<UInt64> = Set(["drives", "drove", "driving", "driver", "delivers", "delivered", "delivering", "courier"].map(wordKey))

    /// Prepositions before a known place besides `placeContext`'s own ("a roof plumber around Dubbo").
    static let placePrepositions5: Set<UInt64> = Set(["around", "outside", "towards", "toward", "past", "beyond"].map(wordKey))

    static let townPrepositions: Set<UInt64> = Set(["in", "at", "near"].map(wordKey))

    /// Words that may follow a town ("in Ludhiana since 2019", "at Woodridge on Fridays").
    static let townFollowers: Set<UInt64> = Set(
        ["in", "on", "at", "since", "until", "till", "where", "when", "who", "before", "after", "during", "last", "this",
         "next", "over", "near", "then", "but", "so", "because", "while", "every", "each", "most", "recently", "previously",
         "now", "today", "yesterday"].map(wordKey))

    /// Labels whose value is an organisation ("Facility:", "Practice:").
    static let organizationLabels: Set<UInt64> = Set(
        ["facility", "hospital", "clinic", "practice", "pharmacy", "school", "agency", "organisation", "organization",
         "company", "racf", "snf", "vendor", "supplier", "laboratory", "centre", "center", "college", "university",
         "employer", "workplace", "firm", "business", "venue", "site", "campus"].map(wordKey))

    static let saintWords: Set<UInt64> = Set(["st", "saint", "ste", "sainte"].map(wordKey))

    /// Denominations and congregation words after a saint's name ("St Luke's Lutheran", "St Anne's Parish").
    static let congregationWords: Set<UInt64> = Set(
        ["parish", "church", "lutheran", "anglican", "catholic", "episcopal", "presbyterian", "methodist", "baptist",
         "uniting", "orthodox", "cathedral", "school", "college", "primary", "catholic"].map(wordKey))

    /// Words after a saint's name that make a facility ("St. Joseph Regional", "St Luke's General").
    static let saintFacilityWords: Set<UInt64> = Set(
        ["regional", "general", "memorial", "medical", "community", "mercy", "private", "public", "university", "health",
         "hospital", "healthcare", "infirmary", "district"].map(wordKey))

    /// Words before a slash number that make it a fraction, score or strength ("pain 7/10", "power 4/5").
    static let fractionBefore: Set<UInt64> = Set(
        ["power", "strength", "vision", "va", "acuity", "gcs", "score", "scored", "scores", "of", "over", "ratio", "bp",
         "rated", "rates", "pain", "severity", "nrs", "vas", "grade", "graded", "murmur", "mmt", "reflexes", "reflex",
         "mrc", "apgar", "apgars", "motor", "sensation", "scale", "take", "takes", "taking", "po", "iv", "sc", "im", "sl",
         "pr", "ng", "peg", "inh", "top", "neb", "nebs", "x", "about", "approximately", "only", "half", "was", "is",
         "tab", "tabs", "tablet", "tablets", "cap", "caps", "puff", "puffs", "q", "every", "each", "and", "or", "to", "from",
         "sats", "sat", "spo2", "fio2", "peep", "ie", "i:e", "e", "v", "m", "g", "p", "para", "gravida", "mmse", "moca",
         "phq", "gad", "k10", "audit", "edinburgh", "epds", "pulses", "pulse", "edema", "oedema", "tone", "tenderness",
         "ttp", "strength:", "rom", "abduction", "flexion", "extension", "up", "by", "fraction", "fractions", "marks",
         "points", "stage", "dilated", "effaced", "station", "sleep", "mood", "anxiety", "energy", "appetite", "pupils",
         "pupil", "rv", "ra", "pa", "lv", "la", "ao", "pressure", "pressures", "wedge", "pcwp", "than", "at", "as", "day", "week",
         "cycle", "dose", "fraction", "session"].map(wordKey))

    /// Words after a slash number that make it a fraction, dose or score ("1/2 tab", "3/6 murmur", "2/3 of").
    static let fractionAfter: Set<UInt64> = Set(
        ["tab", "tabs", "tablet", "tablets", "strength", "power", "vision", "dose", "doses", "of", "ago", "hourly", "daily",
         "times", "puffs", "puff", "cap", "caps", "capsule", "capsules", "scoop", "scoops", "cup", "cups", "glass", "bottle",
         "murmur", "pain", "prn", "inch", "inches", "in", "cm", "mm", "way", "pack", "packs", "ppd", "strength", "score",
         "positive", "negative", "nodes", "lymph", "cores", "specimens", "slices", "lobes", "segments", "vessels", "sessions",
         "patients", "cases", "criteria", "points", "beats", "sec", "mmhg", "reflexes", "bilaterally", "throughout",
         "proximally", "distally", "ue", "le", "x", "mane", "nocte", "bd", "tds", "qid", "od", "ns", "nss", "saline",
         "percent", "strength", "flex", "french", "fr", "gauge", "g", "size"].map(wordKey))

    /// Qualifiers of a decade of life ("in her early 80s").
    static let decadeQualifiers: Set<UInt64> = Set(["early", "mid", "late", "mid-"].map(wordKey))

    /// Labels of counts, volumes, lab values and codes before a number that is no year ("EBL 2000", "item 2013").
    static let numberLabels: Set<UInt64> = Set(
        ["ebl", "blood", "loss", "uo", "output", "intake", "input", "total", "balance", "weight", "wt", "count", "plt",
         "platelets", "ferritin", "ck", "bnp", "glucose", "bsl", "kcal", "calories", "calorie", "fluid", "fluids",
         "restriction", "volume", "vol", "dose", "units", "steps", "room", "rm", "bed", "ext", "page", "pager", "no",
         "number", "code", "item", "cpt", "icd", "model", "version", "ver", "lot", "batch", "level", "suite", "box", "po",
         "ward", "unit", "bay", "pod", "floor", "score", "scale", "drain", "drains", "urine", "ua", "sg", "osmolality",
         "osm", "na", "k", "cl", "hco3", "ldh", "alp", "alt", "ast", "ggt", "lipase", "amylase", "wbc", "wcc", "rbc",
         "hb", "hgb", "ptt", "aptt", "fibrinogen", "d-dimer", "troponin", "trop", "psa", "cea", "tsh", "vitamin", "b12",
         "folate", "iron", "igg", "iga", "igm", "ige", "cd4", "load", "copies", "titre", "titer", "mosm", "pco2", "po2",
         "lactate", "cr", "creatinine", "egfr", "urea", "bun", "albumin", "protein", "cholesterol", "ldl", "hdl",
         "triglycerides", "hba1c", "a1c", "insulin", "heparin", "infusion", "rate", "ml", "mls", "cc", "cc's", "mg",
         "mcg", "g", "kg", "lbs", "lb", "grams", "kilojoules", "kj", "pack", "packs", "cost", "price", "fee", "$",
         "amount", "paid", "balance", "invoice", "ref", "reference", "id", "mrn", "ur", "urn", "pin", "postcode", "zip",
         "ajcc", "figo", "edition", "guideline", "guidelines", "criteria", "standard", "hours", "minutes", "cal", "cals", "feet", "ft", "pounds", "calls", "visits", "patients", "beds", "staff", "members", "residents", "population"].map(wordKey))

    /// Reporting verbs after a name that opens a sentence ("Kostopoulos has ...", "Jayden was brought in").
    static let nameVerbs: Set<UInt64> = Set(
        ["is", "was", "has", "had", "reports", "reported", "states", "stated", "denies", "denied", "says", "said", "feels",
         "felt", "presents", "presented", "attended", "arrived", "agreed", "agrees", "declined", "declines", "lives", "works",
         "worked", "complains", "complained", "describes", "described", "notes", "noted", "tells", "told", "remains",
         "continues", "continued", "wishes", "wants", "wanted", "asked", "asks", "understands", "understood", "consented",
         "consents", "ate", "slept", "walked", "mobilised", "mobilized", "tolerated", "tolerating", "appears", "appeared",
         "returned", "returns", "visited", "visits", "rang", "called", "phoned", "would", "will", "did", "does", "can",
         "cannot", "could", "should", "became", "went", "came", "comes", "brought", "requested", "requests", "expressed",
         "admits", "admitted", "endorses", "endorsed", "confirms", "confirmed", "explained", "mentioned", "spent", "enjoys",
         "likes", "loves", "lost", "got", "gets", "took", "takes", "uses", "used", "needs", "needed"].map(wordKey))

    /// Australian state and territory abbreviations: the states a four-digit postcode follows.
    static let auStates: Set<UInt64> = Set(["nsw", "vic", "qld", "sa", "wa", "tas", "nt", "act"].map(wordKey))

    /// Person cues that also introduce products and regimens ("under Provisc", "per Protocol"): no unlisted name after them.
    static let weakPersonCueEnds: Set<UInt64> = Set(["under", "per", "of", "c/o", "called"].map(wordKey))

    /// Auxiliaries among `nameVerbs`: after them only a listed name opens a sentence as a person.
    static let auxiliaryVerbs: Set<UInt64> = Set(
        ["is", "was", "has", "had", "would", "will", "did", "does", "can", "cannot", "could", "should", "remains", "continues",
         "appears", "appeared", "became", "went", "came", "comes", "brought", "returned", "returns", "took", "takes", "uses",
         "used", "needs", "needed", "got", "gets", "lost", "spent", "tolerated", "tolerating", "notes", "noted", "visited",
         "visits", "continued", "admitted"].map(wordKey))

    /// Every word of the session-5 sets tested behind `.verbLabelPlaceWord`.
    static var verbLabelPlaceWords: Set<UInt64> { nameVerbs.union(numberLabels).union(placePrepositions5) }
}
