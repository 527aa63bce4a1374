import MedTextKit
import Testing

/// PHI in lower-case lines of mixed-case notes (issue #6, session 11): a nurse's lower-case addendum in a typed note
/// is read like a lower-case note by the rules whose structure is strong enough: number + street words + street type,
/// town + state + postcode, rural route + box, names after strong cues, initials + surname before a credential. The
/// weak rules (bare names) stay away, and in lower-case text a street type that is also an ordinary word or a clinical
/// abbreviation ends a street only before a locality with its state.
@Suite struct PHILowerCaseLinesTests {
    @Test(arguments: [
        // A street with its town, state and postcode; a four-digit postcode after a lower-case state is no year.
        "Reviewed in clinic. Plan as below.\naddr: [[7 banksia street, morwell vic 3840|ADDRESS]]",
        "Reviewed in clinic. Plan as below.\nhome: [[3 wren court, leichhardt nsw 2040|ADDRESS]]",
        "Reviewed in clinic. Plan as below.\nnew address [[9/120 jetty esplanade, urangan qld 4655|ADDRESS]]",
        // A street without a locality, ended by a clause word or the sentence.
        "Reviewed in clinic. Plan as below.\nlives at [[41 quarry road|ADDRESS]] with her husband.",
        // A town, state and postcode alone after a place word or a comma; a town of two ordinary words after a place word.
        "Seen today. Plan as below.\nson moved to [[ballarat east vic 3350|ADDRESS]] last year.",
        "Seen today. Plan as below.\nnephew visiting from [[thursday island|ADDRESS]] this week.",
    ])
    func australianAddressesInLowerCaseLines(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        // A street type that is also a clinical abbreviation (`ln`, `ct`, `dr`) before a locality with its state.
        "Seen today. Plan as below.\nhome: [[4410 n. juniper hollow ln, tucson az 85741|ADDRESS]]",
        // A rural route, its box and the locality.
        "Seen today. Plan as below.\nmail goes to [[rr 3 box 42, tupelo ms 38801|ADDRESS]]",
        "Seen today. Plan as below.\naddress: [[rt 2 box 7, pontotoc ms 38863|ADDRESS]] (gravel road)",
        // A town, a comma, a state and a ZIP.
        "Seen today. Plan as below.\ndaughter lives in [[lubbock, tx 79401|ADDRESS]] and calls weekly.",
    ])
    func usAddressesInLowerCaseLines(_ row: String) { PHIPipelineTests.check(row, in: PHIPipelineTests.usPipeline) }

    @Test(arguments: [
        // An initial and a surname before a credential on a signature line.
        "Reviewed in clinic. Plan as below.\n- [[m. castellano|NAME]], rn",
        // Given names after a relative; a verb after the name is no part of it.
        "Reviewed in clinic. Plan as below.\ndaughter [[maria elena|NAME]] rang, son [[tomas|NAME]] visiting.",
    ])
    func namesInLowerCaseLines(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        // Numbers before units, counts and clinical abbreviations that are also street types (walk, via, av, st, ct).
        "Reviewed in clinic. Plan as below.\n1 x walk around the ward with frame, 2 puffs prn via spacer",
        "Reviewed in clinic. Plan as below.\necg: 3 leads st depression, 1st degree av block, 2 cm on lower leg",
        "Reviewed in clinic. Plan as below.\nlives alone in 2 storey house with 14 steps to front door",
        "Reviewed in clinic. Plan as below.\nct in 2 weeks ct chest, 3 way catheter insitu, on bed rest",
        "ECG: 2ND DEGREE block, 3 mm ST depression in v4. Took 3 tabs.",
        // `in` before a year is no state code and its ZIP.
        "Reviewed in clinic. Plan as below.\nadmitted in [[2019|DATE]] with chest pain, seen in ed in [[2021|DATE]]",
        // A rare census surname after a role word in a lower-case line of a typed note stays a word.
        "Reviewed in clinic. Plan as below.\nre carer payment for her, son will call.",
        // A time zone after a clock time in a lower-case line.
        "Seen at 4 PM CT by telehealth.",
        // A street type that is a word after a preposition or a date (`in a row`, `22/02 at club`), a town that is one
        // ordinary word (`mobile`).
        "Reviewed in clinic. Plan as below.\nbruises 1-1.5 cm in a row, was 48 on [[22/02|DATE]] at club.",
        "Reviewed in clinic. Plan as below.\nscripts sent to mobile as tokens, reception poor at the house.",
    ])
    func clinicalLowerCaseLinesStayClear(_ row: String) { PHIPipelineTests.check(row) }
}
