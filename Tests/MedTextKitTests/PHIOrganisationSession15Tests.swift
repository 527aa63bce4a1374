import MedTextKit
import Testing

/// Organisation rules of session 15 (issue #6, helper `phiorg`). Rows are our own invented text; each class keeps
/// negative rows for the confounders a real note has next to it.
@Suite struct PHIOrganisationSession15Tests {
    /// Head nouns of businesses and services that are plain nouns (`org_suffixes` and `plain_noun_org_suffixes`: a
    /// caterer, a shearing team, a medication review or assessment service, a studio, a smokehouse, a processor, a
    /// supplier, a dentistry, a community hub, a crematorium) end an organisation's name after a distinctive word. The
    /// same nouns after ordinary words alone are no name (`Medical Supply`, `Stainless Steel`, `Clinical Research`).
    @Test(arguments: [
        "Return to work plan agreed with [[Tullamarine Inflight Catering|ORGANIZATION]] and her supervisor.",
        "Pre-employment medical by [[Kimberley Occupational Assessments|ORGANIZATION]] in [[Broome|ADDRESS]] was normal.",
        "Dose review by [[Derwent Medication Reviews|ORGANIZATION]] last month.",
        "Crown made by [[Marrickville Ceramics Studio|ORGANIZATION]] this week.",
        "He runs his own team, [[Tooraweenah Shearing|ORGANIZATION]], out of [[Dubbo|ADDRESS]].",
        "WORKS AS A [[PACKER|PROFESSION]] AT [[WARRIGAL FRESH PRODUCE|ORGANIZATION]].",
        "Retired [[smelter hand|PROFESSION]], 30 years at [[Kurri Kurri Aluminium|ORGANIZATION]].",
        "Plans to attend the playgroup at [[Craigieburn Community Hub|ORGANIZATION]] on Tuesdays.",
        "Ashes held at [[Mount Ainslie Crematorium|ORGANIZATION]].",
        "Wound care supplies from Medical Supply room.",
        "Stainless Steel wire was used.",
        "Clinical Research nurse attended.",
        "Seen in Community Hub clinic.",
    ])
    func businessHeadNounsAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: [
        "She is a [[waitress|PROFESSION]] at [[Buford Highway Smokehouse|ORGANIZATION]] on weekends.",
        "Works the line at [[Cedar Rapids Pork Processing|ORGANIZATION]] on second shift.",
        "Dental care at [[Kenwood Family Dentistry|ORGANIZATION]] since [[2019|DATE]].",
        "Bought feed at [[Okemah Feed & Supply|ORGANIZATION]] last week.",
        "HE WORKED 30 YEARS AT [[MUSKEGON PRECISION STAMPING|ORGANIZATION]].",
        "Booked a trip with [[Ozark Trails Tours|ORGANIZATION]] for June.",
        "Coordinator from [[Keystone Care Navigators|ORGANIZATION]] called.",
        "Protocol approved by [[Piedmont Vaccine Research|ORGANIZATION]] last year.",
        "Stainless Steel sutures removed.",
        "Medical Supply delivered a walker.",
        "Family Dentistry is recommended.",
        "The Catering staff brought lunch.",
    ])
    func businessHeadNounsUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// A hospital or laboratory named by a coined word or an acronym that no list holds, right before one of its
    /// departments (`department_heads`), directly or after one lower-case word. Not a remote community's clinic (a word
    /// in title case straight before `clinic`), a person's clinic after a title, a coined specialty, a facility's own
    /// capitalised name (left to the facility rules), or an ordinary or medical word.
    @Test(arguments: [
        "Copy of imaging pushed to [[Quorrandale|ORGANIZATION]] PACS.",
        "Handover given to the [[Wirrabena|ORGANIZATION]] trauma bay nurse.",
        "Review booked at [[WRMH|ORGANIZATION]] eye clinic next month.",
        "HANDOVER PHONED TO [[BRMH|ORGANIZATION]] ED AT 0400.",
        "Seen at the Kalkaringi clinic on Tuesday.",
        "Seen in the NeuroOncology clinic.",
        "Bloods taken in the Haematology lab.",
        "Reviewed at [[Quorrandale Clinic|ORGANIZATION]] today.",
    ])
    func departmentAfterOrganisationAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: [
        "Handed over in the [[Yarrowmere|ORGANIZATION]] trauma bay by the flight crew.",
        "Ophthalmology consult pending at [[UNWH|ORGANIZATION]] eye clinic.",
        "Labs drawn in the ED this morning.",
        "Seen in Psychogeriatrics clinic.",
    ])
    func departmentAfterOrganisationUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    /// Known organisations without a facility word (`organisations.tsv`, session 15): US organ procurement organisations,
    /// blood centres and air medical services, AU pathology providers. Their words in lower case as ordinary words stay out.
    @Test(arguments: [
        "Donor referral called to [[LifeGift|ORGANIZATION]] at 0300.",
        "Units crossmatched by [[Vitalant|ORGANIZATION]] overnight.",
        "Flown by [[Boston MedFlight|ORGANIZATION]] to the trauma center.",
        "He donates plasma at [[OneBlood|ORGANIZATION]] monthly.",
        "Quality and blood assurance checks done.",
    ])
    func knownHealthServicesUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        "Bloods collected by [[Clinipath|ORGANIZATION]] on Monday.",
        "Histology from [[Mater Pathology|ORGANIZATION]] is pending.",
        "Pathology north of the river was closed.",
    ])
    func knownHealthServicesAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    /// A department or kind of service named only by descriptive words and a facility word is no organisation's name
    /// (`generic_service_words`: nutrition, oral, device, remote, critical, ground, troop, site); a distinctive word before
    /// them still makes one.
    @Test(arguments: [
        "Pacemaker check in the Device Clinic on Monday.",
        "Referred to Nutrition Services for advice.",
        "Transported by GROUND AMBULANCE TO ED.",
        "Follow-up at the Remote Clinic next week.",
        "Referred to Oral Health for extractions.",
        "Seen at [[Coondarra Remote Clinic|ORGANIZATION]].",
    ])
    func departmentKindsAU(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.pipeline) }

    @Test(arguments: [
        "Admitted to a Critical Access Hospital in the county.",
        "Seen at Troop Medical Clinic on post.",
        "Seen at [[Harlan Device Clinic|ORGANIZATION]].",
    ])
    func departmentKindsUS(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }
}
