import MedTextKit
import Testing

/// Towns whose one-word name is also an ordinary word or a given name (`places_residence_only.tsv`, generated from
/// GeoNames by scripts/lexicons/src_geonames.py: Cary, Kyle, Juba, Keren, Millicent): ADDRESS only right after a
/// home-town verb or noun and its preposition (GUIDELINE §5: a town anywhere in the world). Negatives: the same words
/// as people after other verbs, before a possessive or a street type, nations and institutions after a home-town verb.
@Suite struct PHIResidenceTownsTests {
    @Test(arguments: [
        "Son is a [[software engineer|PROFESSION]] at [[SAS Institute|ORGANIZATION]]; he lives in [[Cary|ADDRESS]] with his wife.",
        "She grew up in [[Juba|ADDRESS]] and moved back to [[Millicent|ADDRESS]] last year.",
        "First two children were born in [[Keren|ADDRESS]].",
        // Wrapped text: the town opens the next line.
        "They farm sheep at their property near [[Millicent|ADDRESS]]. Children born in\n[[Keren|ADDRESS]] ([[2017|DATE]]).",
    ])
    func townsAfterAHomeTownVerb(_ row: String) { PHIPipelineTests.check(row) }

    @Test(arguments: [
        // The same words as people.
        "He moved in with [[Kyle|NAME]] last year. A message came from [[Kyle|NAME]]. Spoke to [[Frances|NAME]].",
        // A street, a nation, an institution or a generic word after a home-town verb.
        "He moved to [[Cary Street|ADDRESS]]. She lives in Hope.",
        "She moved to England and then moved to University accommodation.",
    ])
    func wordsAndPeopleStayOut(_ row: String) { PHIPipelineTests.check(row) }
}
