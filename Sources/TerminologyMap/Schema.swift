/// The terminology database schema (documented in DESIGN.md, "Terminology store").
enum Schema {
    /// Bumped whenever the schema or the meaning of a column changes. Stored in `PRAGMA user_version`.
    static let version: Int = 2
    /// `PRAGMA application_id`: "MTXT".
    static let applicationID: Int32 = 0x4D54_5854

    static let create = """
    PRAGMA application_id = \(applicationID);
    PRAGMA user_version = \(version);

    -- One row per code system (FHIR canonical URI). Editions of SNOMED CT share the URI;
    -- `edition` names the module (International, US, AU) of the last import.
    CREATE TABLE code_system (
      id       INTEGER PRIMARY KEY,
      uri      TEXT NOT NULL UNIQUE,
      name     TEXT NOT NULL,
      edition  TEXT,
      version  TEXT,
      licence  TEXT
    );

    -- Concepts of every system. `entity_type` (Comprehend Medical type, e.g. DX_NAME) is set for
    -- concepts whose terms the recognizer may match; `category` is the semantic category
    -- (SNOMED CT semantic tag, RxNorm TTY, ICD-10-CM chapter kind, lexicon class).
    CREATE TABLE concept (
      id           INTEGER PRIMARY KEY,
      system       INTEGER NOT NULL REFERENCES code_system(id),
      code         TEXT NOT NULL,
      display      TEXT NOT NULL,
      active       INTEGER NOT NULL DEFAULT 1,
      category     TEXT,
      entity_type  TEXT,
      billable     INTEGER,
      UNIQUE (system, code)
    );
    CREATE INDEX concept_category ON concept(system, category);

    -- Terms (descriptions). `norm` is the normalized form from the injected TextNormalizing
    -- (the Tokenizer's normalizer), so lexicon terms compare exactly like note text.
    -- type: 0 preferred, 1 synonym, 2 abbreviation, 3 brand, 4 misspelling, 5 lay, 6 fully specified name,
    --       7 inclusion term (ICD-10-CM), 8 description (long code title, not matched)
    -- dialect: bit 1 en-US, bit 2 en-AU (3 = both).
    CREATE TABLE term (
      id              INTEGER PRIMARY KEY,
      concept         INTEGER NOT NULL REFERENCES concept(id),
      term            TEXT NOT NULL,
      norm            TEXT NOT NULL,
      type            INTEGER NOT NULL,
      dialect         INTEGER NOT NULL DEFAULT 3,
      case_sensitive  INTEGER NOT NULL DEFAULT 0,
      matchable       INTEGER NOT NULL DEFAULT 1
    );
    CREATE INDEX term_norm ON term(norm);
    CREATE INDEX term_concept ON term(concept);

    -- medtext lexicon entries (lexicons/data/concepts/*.tsv): the medtext-system concept whose
    -- code is the lexicon id, with its Comprehend Medical type, class and raw attributes.
    -- priority: 0 curated (data/concepts, custom lexicons), 1 extracted (data/sources); the
    -- recognizer prefers lower values when two entries share a term.
    CREATE TABLE lexicon_entry (
      concept      INTEGER PRIMARY KEY REFERENCES concept(id),
      entity_type  TEXT NOT NULL,
      class        TEXT,
      attributes   TEXT NOT NULL DEFAULT '',
      source       TEXT NOT NULL,
      priority     INTEGER NOT NULL DEFAULT 0
    );

    -- Abbreviation senses (lexicons/data/concepts/abbreviations.tsv and custom lexicons):
    -- the abbreviation's term row, its expansion and the context cues that choose this sense.
    CREATE TABLE abbreviation_sense (
      term       INTEGER PRIMARY KEY REFERENCES term(id),
      expansion  TEXT NOT NULL,
      cues       TEXT NOT NULL DEFAULT '',
      is_default INTEGER NOT NULL DEFAULT 0
    );

    -- Links between concepts of different systems. relation: 'equivalent' (lexicon codes),
    -- 'maps-to' (SNOMED CT -> ICD-10-CM extended map, with group/priority/rule/advice),
    -- RxNorm RELA names ('has_ingredient', 'has_tradename', ...), 'member-of' (FHIR ValueSet).
    -- The target is (system, code) so a link may point to a code whose system is not imported.
    CREATE TABLE concept_map (
      id             INTEGER PRIMARY KEY,
      source         INTEGER NOT NULL REFERENCES concept(id),
      target_system  INTEGER NOT NULL REFERENCES code_system(id),
      target_code    TEXT NOT NULL,
      relation       TEXT NOT NULL,
      map_group      INTEGER,
      map_priority   INTEGER,
      map_rule       TEXT,
      map_advice     TEXT,
      provenance     TEXT NOT NULL
    );
    CREATE INDEX concept_map_source ON concept_map(source);
    CREATE INDEX concept_map_target ON concept_map(target_system, target_code);

    -- Hierarchy: SNOMED CT is-a (116680003) from a release, ICD-10-CM tabular nesting.
    CREATE TABLE is_a (
      child   INTEGER NOT NULL REFERENCES concept(id),
      parent  INTEGER NOT NULL REFERENCES concept(id),
      PRIMARY KEY (child, parent)
    ) WITHOUT ROWID;
    CREATE INDEX is_a_parent ON is_a(parent);

    -- Extra attributes (RxNorm RXNSAT, FHIR properties).
    CREATE TABLE concept_attribute (
      concept  INTEGER NOT NULL REFERENCES concept(id),
      name     TEXT NOT NULL,
      value    TEXT NOT NULL
    );
    CREATE INDEX concept_attribute_concept ON concept_attribute(concept);

    -- FHIR ValueSets (imported expansions or enumerated compose) and their members.
    CREATE TABLE value_set (
      id       INTEGER PRIMARY KEY,
      url      TEXT NOT NULL UNIQUE,
      version  TEXT,
      name     TEXT
    );
    CREATE TABLE value_set_member (
      value_set  INTEGER NOT NULL REFERENCES value_set(id),
      concept    INTEGER NOT NULL REFERENCES concept(id),
      PRIMARY KEY (value_set, concept)
    ) WITHOUT ROWID;

    -- What the database was built from.
    CREATE TABLE build_source (
      id       INTEGER PRIMARY KEY,
      kind     TEXT NOT NULL,
      name     TEXT NOT NULL,
      version  TEXT,
      sha256   TEXT NOT NULL,
      rows     INTEGER NOT NULL
    );
    CREATE TABLE metadata (
      key    TEXT PRIMARY KEY,
      value  TEXT NOT NULL
    ) WITHOUT ROWID;

    -- Full-text index over ICD-10-CM code titles and inclusion terms, for ranking.
    CREATE VIRTUAL TABLE icd10cm_fts USING fts5(
      code UNINDEXED, text, kind UNINDEXED, tokenize = 'unicode61 remove_diacritics 2'
    );
    """
}

/// The kind of a term (column `term.type`).
public enum TermType: Int, Sendable, Hashable, Codable, CaseIterable {
    case preferred = 0, synonym, abbreviation, brand, misspelling, lay, fullySpecifiedName, inclusion, description
}

/// The dialects a term belongs to (column `term.dialect`).
public struct Dialect: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let enUS = Dialect(rawValue: 1)
    public static let enAU = Dialect(rawValue: 2)
    public static let both: Dialect = [.enUS, .enAU]
}
