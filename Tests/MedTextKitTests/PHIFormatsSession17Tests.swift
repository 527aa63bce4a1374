import MedTextKit
import Testing

/// Date and identifier classes of session 17 (issue #6, GUIDELINE D3, D4, §2, §9; helper `phitype`): a year that names
/// an Act or the edition of a standard is no DATE; months listed in brackets are DATEs; a handle written without its
/// `@` after a handle cue and a code after a belongings bag or tag are IDs. Each class has rows that must stay out.
@Suite struct PHIFormatsSession17Tests {
    @Test(arguments: [
        "Request for a medical report under section 53, Coroners Act 2009 (NSW).",
        "Treatment order under the Mental Health and Wellbeing Act 2022, section 143.",
        "Renewal sought under the Guardianship Act 1987 before the tribunal.",
        "Apnoea scored with AASM 2012 respiratory rules; morphology by WHO 2021 reference values.",
        "Biologic supported by the ACG 2025 Crohn's guideline.",
        "Statin advised per the Standards of Care 2026 at this visit.",
        // A year after an Act's name that dates an event, and years after other acronyms, stay DATEs.
        "Detained under the Act in [[2019|DATE]] and again since [[2021|DATE]].",
        "CABG in [[2015|DATE]]; AASM-accredited sleep study in [[2012|DATE]].",
        "Seen at the clinic in [[2024|DATE]] for the staging scan.",
    ])
    func yearsOfActsAndStandards(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        "PSFS: working at chairside 3/10, lifting 2/10, sleeping 4/10.",
        "Reports less pain (3/10 from 6/10 on admission), sleeping better.",
        "Pain pre 4/10, during 7/10 (peak at the donor site), post 3/10 after the dressing.",
        "NPRS 6/10 at rest.",
        // A date word before each value, or a zero-padded day, keeps the dates.
        "Reviewed on [[3/10|DATE]] and again on [[7/10|DATE]] by the team.",
        "Dressing changed [[03/10|DATE]], pain 4/10 today.",
    ])
    func scoresOutOfTenInARun(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        "Two exacerbations this year ([[June|DATE]], [[August|DATE]]); now stable on the puffer.",
        "Three ED visits this year ([[February|DATE]], [[June|DATE]], now) for wheeze.",
        "Falls x2 this year ([[Feb 2026|DATE]], [[April|DATE]]); no fracture.",
        // Lists without a month, and a month word that is no month, stay out.
        "Medications (metformin, gliclazide, aspirin) reviewed with the pharmacist.",
        "Walks (with frame, slowly) to the bathroom.",
        "Named the months backwards: December, November, September, October, June.",
    ])
    func monthsListedInBrackets(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        "App handle given for notification: [[benjy_nc88|ID]] - client will message through the app.",
        "Casual partner met through a dating app (handle [[nt_ryno88|ID]]); no phone number.",
        "Contact code given; app handle [[tropicdiver_88|ID]] for the follow-up message.",
        "Tracks intake on an app (gamertag style username [[skyrunner.07|ID]]).",
        // A count, a suture size and an e-mail after the cue words stay out.
        "Scrolls Instagram 2 hours a day.",
        "Threads 4-0 nylon sutures removed at day 10.",
        "Username unknown; e-mail [[k.nguyen88@example.com|EMAIL]] for the portal.",
    ])
    func handlesWithoutAt(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        "Property: wallet and phone; property bag [[WH-0977|ID]] held in the office.",
        "Eyeglasses stayed at the facility. Belongings bag [[MH-0612|ID]].",
        "Belt knife sent with brother, property list signed - bag [[PV-B-2286|ID]].",
        "Valuables listed, bag tag [[448172|ID]] given to the husband.",
        // Fluid bags, devices and short counts stay out.
        "Normal saline bag 1000 mL hung at the start of the shift.",
        "Ambu bag and suction at the bedside.",
        "Colostomy bag 57 mm changed by the stomal therapist.",
        "Second bag 2 of 3 running.",
        "Infusion pump asset tag BT-4471 sent to biomedical engineering.",
    ])
    func belongingsBagAndTagCodes(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        "Plasma sample shipped on dry ice, airbill [[7719 4410 2286|ID]].",
        "Visa medical worksheet: TRN: [[EGO4KQ2WZ8|ID]] checked against the passport.",
        "Records sent by courier, consignment no. [[CN4471920|ID]].",
        // The cue words without a value stay out.
        "Waybill not yet issued by the courier.",
        "Consignment of 2 boxes received at the lab.",
    ])
    func identifiersAfterCourierAndVisaCues(_ row: String) { PHIPipelineTests.check(row) }
}
