import MedTextKit
import Testing

/// Organisation rules of session 18 (issue #6, helper `phiorg`). Rows are our own invented text; each class keeps
/// negative rows for the confounders a real note has next to it.
@Suite struct PHIOrganisationSession18Tests {
    /// In a lower-case line a service head that is an everyday word elsewhere (`lower_service_heads`: pathology,
    /// radiology, imaging, diagnostics, healthcare, labs, ...) ends an organisation's name when a word of the name is
    /// outside the ordinary-word list and no person's name, or the name starts with a known place; the head alone, a
    /// possessive, ordinary words or a test's abbreviation before it stay words. Capitalised and ALL-CAPS forms were
    /// found before and still are.
    @Test(arguments: [
        "pt settled overnight, bloods collected 0600 and sent to [[kalora pathology|ORGANIZATION]], gp aware.",
        "ct abdo booked for friday at [[ozvista imaging|ORGANIZATION]], pt and daughter aware.",
        "seen today. gp bloods last week, [[quandrel pathology|ORGANIZATION]] - hb 101, ferritin low.",
        "Seen in clinic today.\nbloods and urine sent to [[kalora pathology|ORGANIZATION]] this am, pt aware and happy with plan.",
        "Bloods sent to [[Kalora Pathology|ORGANIZATION]] this morning.",
        "pt settled overnight, bloods sent to pathology at 0600, gp aware.",
        "wound swab sent, chasing pathology for the result, pt aware.",
        "pt states her pathology results went to the wrong gp, will chase.",
        "pt settled, reviewed her imaging with the family, no change, plan as before.",
        "ecg nsr, cxr imaging clear, fbc pathology normal, plan home.",
        "pt for ct, usg imaging and opg dental this week per gp.",
    ])
    func lowerServiceHeadsAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: [
        "pt ambulating in hall, labs drawn this am by [[quelltron diagnostics|ORGANIZATION]], results pending.",
        "mri brain done [[11/2|DATE]] at [[vantrex radiology|ORGANIZATION]], report faxed to pcp.",
        "BLOODS SENT TO [[KALORA PATHOLOGY|ORGANIZATION]] TODAY, RESULTS PENDING.",
        "pt ambulating in hall, labs drawn this am, sent to the lab, results pending.",
        "- mri imaging booked for next week, pt aware and agrees.",
    ])
    func lowerServiceHeadsUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// An unlisted acronym of three to five capitals closing the bracket after a person's name, behind a comma and a
    /// role or specialty, names the person's hospital or service (GUIDELINE O2); a relative's bracket, credentials, ward
    /// and unit acronyms, roles and training grades written as acronyms stay out.
    @Test(arguments: [
        "Attendees: Dr. [[Marisol Quintero|NAME]] (interventional radiologist, [[NWMC|ORGANIZATION]]); Dr. [[Paul Haugen|NAME]] (surgical oncology, [[NWMC|ORGANIZATION]]).",
        "Reviewed with [[Tobias Renner|NAME]], MD (hepatology, chair, [[KRVH|ORGANIZATION]]) at the conference.",
        "Seen with Dr. [[Ann Lee|NAME]] (cardiologist, ICU) on rounds.",
        "Contact: [[Mary Jones|NAME]] (daughter, NOK), lives nearby.",
        "Dr [[Ann Lee|NAME]] (neurologist, MRI) reviewed.",
    ])
    func acronymAfterBracketedRoleUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        "Present: Dr [[Tessa Wilkins|NAME]] (colorectal surgeon, chair, [[BWKH|ORGANIZATION]]) and Dr [[Raj Menon|NAME]] (radiologist, [[BWKH|ORGANIZATION]]).",
        "Dr [[Lina Okoro|NAME]] (medical oncologist, [[TCCS|ORGANIZATION]]) will see her next week.",
        "DISCUSSED WITH DR [[TOM PRICE|NAME]] (ANAESTHETIST, [[WDHS|ORGANIZATION]]) BEFORE THEATRE.",
        "Discussed with Dr [[Tom Price|NAME]] (anaesthetist, FANZCA) before theatre.",
        "[[Jo Ellis|NAME]] (nurse, CNC) will phone the family.",
        "Dr [[Sam Hill|NAME]] (surgical registrar, RMO) reviewed.",
        "Dr [[Sam Hill|NAME]] (surgeon, PGY3) reviewed.",
        "Dr [[Sam Hill|NAME]] (geriatrician, ACAT) reviewed.",
    ])
    func acronymAfterBracketedRoleAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }
}
