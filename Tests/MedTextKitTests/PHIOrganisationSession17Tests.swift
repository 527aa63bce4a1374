import MedTextKit
import Testing

/// Organisation and place rules of session 17 (issue #6, helper `phiB`). Rows are our own invented text; each class keeps
/// negative rows for the confounders a real note has next to it.
@Suite struct PHIOrganisationSession17Tests {
    /// A service or department named only by its clinical kind (`specialty_words` + sports, occupational, fetal,
    /// maxillofacial, skin, cancer, injury, chronic, urgent, elective, diabetic, student, employee, workplace, spiritual,
    /// specialty, dental, rural, perinatal, forensic, ...) is no organisation, in a heading, in capitals or in a sentence;
    /// a distinctive word before the same words still makes a name (GUIDELINE O2: a department is outside).
    @Test(arguments: [
        "Seen today in Sports Medicine for a knee review.",
        "SPORTS INJURY CLINIC\nReview of left ankle sprain.",
        "Referred on to Oral and Maxillofacial Surgery for the fracture.",
        "Letter from Occupational Medicine about return to work.",
        "Maternal-Fetal Medicine will scan her at 28 weeks.",
        "CHRONIC CARE CLINIC - FOLLOW-UP",
        "Employee Health cleared her for duty.",
        "Spiritual Care visited the family this afternoon.",
        "Dispensed by Specialty Pharmacy on discharge.",
        "Diabetic Limb Preservation Clinic review in two weeks.",
        "Followed by [[Coastline Sports Medicine|ORGANIZATION]] since the injury.",
        "Cleared to dive by [[Harbour Point Occupational Health|ORGANIZATION]].",
        "Transferred to [[Wattlebrook Cancer Centre|ORGANIZATION]] for radiotherapy.",
    ])
    func descriptiveServicesUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        "Reviewed in the Dental Health Service clinic this week.",
        "Workplace Health asked for a fitness certificate.",
        "Booked with [[Karingal Family Dental|ORGANIZATION]] for an extraction.",
    ])
    func descriptiveServicesAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    /// A known town followed by a hospital's name word (`hospital_name_tails`: General, Regional, Memorial, Methodist,
    /// Baptist, ...) or by an unlisted acronym of two to four capitals, at the end of its clause, is one ORGANIZATION with
    /// the town (GUIDELINE O3); a state or country code, a department (`ED`, `ICU`), `CBD` or a word that goes on keep the
    /// town an ADDRESS.
    @Test(arguments: [
        "She was transferred from [[Tacoma General|ORGANIZATION]] yesterday.",
        "Echo done at [[Spokane Regional|ORGANIZATION]], report attached.",
        "CT at [[Houston Methodist|ORGANIZATION]] in [[March|DATE]] was normal.",
        "His son is at [[Tulsa ISD|ORGANIZATION]] this year and plays baseball.",
        "Vaccines given at [[Fresno EOC|ORGANIZATION]].",
        "Moved to [[Dallas, TX|ADDRESS]] with her sister.",
        "She lives in [[Tacoma|ADDRESS]] near her son.",
        "Admitted at [[Tacoma|ADDRESS]] ED overnight.",
        "Works in [[Denver|ADDRESS]] CBD, near the station.",
        "Brought in by officers from [[Sacramento|ADDRESS]] PD at 0200.",
    ])
    func townOrganisationsUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        "Discharged from [[Bendigo Regional|ORGANIZATION]] on the weekend.",
        "Reviewed at [[Blacktown CMH|ORGANIZATION]] by her case manager.",
        "Lives alone in [[Dubbo NSW|ADDRESS]] since her husband died.",
        "Works in [[Sydney|ADDRESS]] CBD, catches the train.",
        "Her daughter flew over from [[Auckland|ADDRESS]] NZ last week.",
    ])
    func townOrganisationsAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    /// Head nouns of businesses and services (`org_suffixes` and `plain_noun_org_suffixes`, so a distinctive word must come
    /// before them): imaging, prosthetics, orthotics, pedorthics, locums, playgroup, ISD, express, rangers, management.
    /// Descriptive words before them alone name a kind, no organisation (`Weight Management`, `Pain Management`).
    @Test(arguments: [
        "MRI done at [[Kessler Ridge Imaging|ORGANIZATION]] last week.",
        "New insoles from [[Stride Lane Pedorthics|ORGANIZATION]] fitted today.",
        "Socket review with [[Limbcraft Prosthetics|ORGANIZATION]] booked.",
        "Her son started at [[Cedar Bluff ISD|ORGANIZATION]] this fall.",
        "Parcel delivered by [[Tarrow Express|ORGANIZATION]] this morning.",
        "Referred to Chronic Disease Management for review.",
        "Weight Management discussed with the patient.",
    ])
    func businessHeadNounsUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        "Invoices go to [[Quandong Plan Management|ORGANIZATION]] each month.",
        "Locum cover from [[Kirrawee Locums|ORGANIZATION]] over [[Christmas|DATE]].",
        "She goes to [[Yarrabee Playgroup|ORGANIZATION]] on Tuesdays with her mother.",
        "He works with the [[Yirrkala Sea Rangers|ORGANIZATION]] on country.",
        "Seen by Pain Management on the ward.",
    ])
    func businessHeadNounsAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }
}
