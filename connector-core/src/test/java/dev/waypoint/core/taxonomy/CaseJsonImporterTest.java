package dev.waypoint.core.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

class CaseJsonImporterTest {

    private static final String FILE = "data-analytics.case.json";

    /**
     * The "Data Analytics" framework of the recorded Moodle site as a CASE package: three competencies
     * under one domain, sharing a three-level scale listed out of order and ordered by precedes.
     */
    private static final String DATA_ANALYTICS = """
            {
              "CFDocument": {"identifier": "doc-1", "uri": "https://case.example.com/doc-1", "title": "Data Analytics",
                             "version": "2025.2", "lastChangeDateTime": "2025-03-01T10:00:00+00:00"},
              "CFItems": [
                {"identifier": "dom-1", "fullStatement": "Data analytics", "humanCodingScheme": "DA"},
                {"identifier": "c-sql", "fullStatement": "Queries data with SQL", "abbreviatedStatement": "SQL querying",
                 "humanCodingScheme": "DA-SQL"},
                {"identifier": "c-viz", "fullStatement": "Shows data visually", "abbreviatedStatement": "Data visualisation",
                 "humanCodingScheme": "DA-VIZ"},
                {"identifier": "c-comm", "fullStatement": "Explains findings to stakeholders",
                 "abbreviatedStatement": "Stakeholder communication", "humanCodingScheme": "DA-COMM"},
                {"identifier": "lvl-expert", "fullStatement": "Teaches others", "abbreviatedStatement": "Expert"},
                {"identifier": "lvl-novice", "fullStatement": "Works with guidance", "abbreviatedStatement": "Novice"},
                {"identifier": "lvl-competent", "fullStatement": "Works alone", "abbreviatedStatement": "Competent"}
              ],
              "CFAssociations": [
                {"identifier": "a1", "associationType": "isChildOf", "originNodeURI": {"identifier": "dom-1"},
                 "destinationNodeURI": {"identifier": "doc-1"}},
                {"identifier": "a2", "associationType": "isChildOf", "originNodeURI": {"identifier": "c-sql"},
                 "destinationNodeURI": {"identifier": "dom-1"}},
                {"identifier": "a3", "associationType": "isChildOf", "originNodeURI": {"identifier": "c-viz"},
                 "destinationNodeURI": {"identifier": "dom-1"}},
                {"identifier": "a4", "associationType": "isChildOf", "originNodeURI": {"identifier": "c-comm"},
                 "destinationNodeURI": {"identifier": "dom-1"}},
                {"identifier": "a5", "associationType": "hasSkillLevel", "originNodeURI": {"identifier": "c-sql"},
                 "destinationNodeURI": {"identifier": "lvl-expert"}},
                {"identifier": "a6", "associationType": "hasSkillLevel", "originNodeURI": {"identifier": "c-sql"},
                 "destinationNodeURI": {"identifier": "lvl-novice"}},
                {"identifier": "a7", "associationType": "hasSkillLevel", "originNodeURI": {"identifier": "c-sql"},
                 "destinationNodeURI": {"identifier": "lvl-competent"}},
                {"identifier": "a8", "associationType": "hasSkillLevel", "originNodeURI": {"identifier": "c-viz"},
                 "destinationNodeURI": {"identifier": "lvl-novice"}},
                {"identifier": "a9", "associationType": "hasSkillLevel", "originNodeURI": {"identifier": "c-viz"},
                 "destinationNodeURI": {"identifier": "lvl-expert"}},
                {"identifier": "a10", "associationType": "precedes", "originNodeURI": {"identifier": "lvl-novice"},
                 "destinationNodeURI": {"identifier": "lvl-competent"}},
                {"identifier": "a11", "associationType": "precedes", "originNodeURI": {"identifier": "lvl-competent"},
                 "destinationNodeURI": {"identifier": "lvl-expert"}},
                {"identifier": "a12", "associationType": "exactMatchOf", "originNodeURI": {"identifier": "c-sql"},
                 "destinationNodeURI": {"identifier": "https://elsewhere.example.com/sql"}},
                {"identifier": "a13", "associationType": "ext:alignsWithJob", "originNodeURI": {"identifier": "c-comm"},
                 "destinationNodeURI": {"identifier": "job-77"}}
              ]
            }
            """;

    /** The package with one edit, which must apply exactly once so a test cannot pass on an unedited package. */
    private static String edited(String json, String old, String replacement) {
        assertThat(json.split(Pattern.quote(old), -1)).as("occurrences of %s", old).hasSize(2);
        return json.replace(old, replacement);
    }

    private static TaxonomyLoadResult importing(String json) {
        return new CaseJsonImporter().importPackage(FILE, json);
    }

    private static List<TaxonomyProblem> problemsOf(String json) {
        TaxonomyLoadResult result = importing(json);
        assertThat(result.ok()).as("imported although it should not").isFalse();
        return result.problems();
    }

    @Test
    void importsItemsAsSkillsNamedByTheirCodesWithTheDomainAsFamily() {
        Taxonomy taxonomy = importing(DATA_ANALYTICS).taxonomy();

        assertThat(taxonomy.version()).isEqualTo("2025.2");
        assertThat(taxonomy.skills().values()).extracting(Skill::id, Skill::name, Skill::family).containsExactly(
                tuple("DA", "Data analytics", "DA"),
                tuple("DA-SQL", "SQL querying", "DA"),
                tuple("DA-VIZ", "Data visualisation", "DA"),
                tuple("DA-COMM", "Stakeholder communication", "DA"));
        assertThat(taxonomy.roles()).isEmpty();
        assertThat(taxonomy.assets()).isEmpty();
    }

    @Test
    void numbersLevelsInTheOrderPrecedesGivesNotTheOrderOfTheFile() {
        Taxonomy taxonomy = importing(DATA_ANALYTICS).taxonomy();

        assertThat(taxonomy.skill("DA-SQL").orElseThrow().levelDescriptions()).isEqualTo(Map.of(
                1, "Novice: Works with guidance",
                2, "Competent: Works alone",
                3, "Expert: Teaches others"));
    }

    @Test
    void sharesALevelScaleAcrossCompetenciesAndNumbersEachSkillsOwnLevels() {
        Taxonomy taxonomy = importing(DATA_ANALYTICS).taxonomy();

        assertThat(taxonomy.skill("DA-VIZ").orElseThrow().levelDescriptions()).isEqualTo(Map.of(
                1, "Novice: Works with guidance",
                2, "Expert: Teaches others"));
        assertThat(taxonomy.skill("DA-COMM").orElseThrow().levelDescriptions()).isEmpty();
        assertThat(taxonomy.skills()).doesNotContainKeys("lvl-novice", "lvl-competent", "lvl-expert");
    }

    @Test
    void ordersLevelsBySequenceNumberWhenNothingPrecedes() {
        String json = DATA_ANALYTICS.replace("\"associationType\": \"precedes\"", "\"associationType\": \"isRelatedTo\"");
        json = edited(json, "\"identifier\": \"a5\",", "\"identifier\": \"a5\", \"sequenceNumber\": 3,");
        json = edited(json, "\"identifier\": \"a6\",", "\"identifier\": \"a6\", \"sequenceNumber\": 1,");
        json = edited(json, "\"identifier\": \"a7\",", "\"identifier\": \"a7\", \"sequenceNumber\": 2,");

        Skill sql = importing(json).taxonomy().skill("DA-SQL").orElseThrow();

        assertThat(sql.levelDescriptions()).isEqualTo(Map.of(
                1, "Novice: Works with guidance",
                2, "Competent: Works alone",
                3, "Expert: Teaches others"));
    }

    @Test
    void usesTheCaseIdentifierWhenACodeIsMissingOrShared() {
        String json = edited(edited(DATA_ANALYTICS, "\"humanCodingScheme\": \"DA-VIZ\"", "\"humanCodingScheme\": \"DA-SQL\""),
                ", \"humanCodingScheme\": \"DA\"}", "}");

        Taxonomy taxonomy = importing(json).taxonomy();

        assertThat(taxonomy.skills()).containsOnlyKeys("dom-1", "c-sql", "c-viz", "DA-COMM");
        assertThat(taxonomy.skill("DA-COMM").orElseThrow().family()).isEqualTo("dom-1");
    }

    @Test
    void reportsAnAssociationToAnItemThatIsNotInThePackage() {
        String json = edited(DATA_ANALYTICS, "\"lvl-novice\"}},\n    {\"identifier\": \"a7\"",
                "\"lvl-novise\"}},\n    {\"identifier\": \"a7\"");

        List<TaxonomyProblem> problems = problemsOf(json);

        assertThat(problems).extracting(TaxonomyProblem::path, TaxonomyProblem::message).containsExactly(
                tuple("CFAssociations[5].destinationNodeURI", "the hasSkillLevel association points at 'lvl-novise',"
                        + " which is not an item of this package (did you mean 'lvl-novice'?)"));
        assertThat(problems.get(0).file()).isEqualTo(FILE);
    }

    @Test
    void reportsAnIsChildOfCircle() {
        String json = edited(DATA_ANALYTICS, "{\"identifier\": \"dom-1\"},\n     \"destinationNodeURI\": {\"identifier\": \"doc-1\"}",
                "{\"identifier\": \"dom-1\"},\n     \"destinationNodeURI\": {\"identifier\": \"c-sql\"}");

        List<TaxonomyProblem> problems = problemsOf(json);

        assertThat(problems).singleElement().satisfies(problem -> assertThat(problem.message())
                .startsWith("isChildOf associations go round in a circle through").contains("'dom-1'", "'c-sql'")
                .doesNotContain("'c-viz'"));
    }

    @Test
    void reportsLevelsThatPrecedeEachOtherInACircle() {
        String json = edited(DATA_ANALYTICS, "    {\"identifier\": \"a12\"",
                "    {\"identifier\": \"a14\", \"associationType\": \"precedes\","
                        + " \"originNodeURI\": {\"identifier\": \"lvl-expert\"},"
                        + " \"destinationNodeURI\": {\"identifier\": \"lvl-novice\"}},\n"
                        + "    {\"identifier\": \"a12\"");

        List<TaxonomyProblem> problems = problemsOf(json);

        assertThat(problems).extracting(TaxonomyProblem::path).containsExactly("CFItems[1]");
        assertThat(problems.get(0).message()).contains("'SQL querying' precede each other in a circle");
    }

    @Test
    void reportsACompetencyWithMoreLevelsThanWaypointUses() {
        StringBuilder items = new StringBuilder();
        StringBuilder links = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            items.append(",\n{\"identifier\": \"l").append(i).append("\", \"fullStatement\": \"Level ").append(i).append("\"}");
            links.append(i == 1 ? "" : ",\n").append("{\"identifier\": \"h").append(i)
                    .append("\", \"associationType\": \"hasSkillLevel\", \"originNodeURI\": {\"identifier\": \"s\"},")
                    .append(" \"destinationNodeURI\": {\"identifier\": \"l").append(i).append("\"}}");
        }
        String json = "{\"CFDocument\": {\"identifier\": \"d\", \"title\": \"T\"},\n"
                + "\"CFItems\": [{\"identifier\": \"s\", \"fullStatement\": \"Six-level skill\"}" + items + "],\n"
                + "\"CFAssociations\": [" + links + "]}";

        List<TaxonomyProblem> problems = problemsOf(json);

        assertThat(problems).extracting(TaxonomyProblem::path, TaxonomyProblem::message).containsExactly(
                tuple("CFItems[0]", "'Six-level skill' has 6 skill levels; Waypoint uses levels 1 to 5"));
    }

    @Test
    void reportsMissingFieldsByTheirJsonPath() {
        String json = """
                {"CFDocument": {"title": "No identifier"},
                 "CFItems": [{"identifier": "x"}, {"identifier": "y", "fullStatement": 42}],
                 "CFAssociations": [{"identifier": "a", "originNodeURI": {"identifier": "x"},
                                     "destinationNodeURI": {"identifier": "y"}}]}
                """;

        List<TaxonomyProblem> problems = problemsOf(json);

        assertThat(problems).extracting(TaxonomyProblem::path, TaxonomyProblem::message).containsExactly(
                tuple("CFDocument.identifier", "'identifier' is missing"),
                tuple("CFItems[0].fullStatement", "'fullStatement' is missing"),
                tuple("CFItems[1].fullStatement", "expected text, found number"),
                tuple("CFAssociations[0].associationType", "'associationType' is missing"));
    }

    @Test
    void reportsAFileThatIsNotACasePackage() {
        assertThat(problemsOf("{\"skills\": []}")).extracting(TaxonomyProblem::message)
                .containsExactly("'CFDocument' is missing: this is not a CASE CFPackage");
        assertThat(problemsOf("[1, 2]")).extracting(TaxonomyProblem::message)
                .containsExactly("a CASE package is a JSON object with CFDocument, CFItems and CFAssociations");
    }

    @Test
    void reportsMalformedJsonWithItsLineAndColumn() {
        String json = "{\n  \"CFDocument\": {\"identifier\": \"d\"},\n  \"CFItems\": [\n    {\"identifier\": \"x\",}\n  ]\n}";

        List<TaxonomyProblem> problems = problemsOf(json);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.column()).isEqualTo(24);
            assertThat(problem.message()).startsWith("this is not valid JSON: ");
        });
    }

    @Test
    void reportsARepeatedKeyAndTrailingContentAsBrokenJson() {
        assertThat(problemsOf("{\"CFDocument\": {}, \"CFDocument\": {}}").get(0).message())
                .contains("Duplicate field 'CFDocument'");
        assertThat(problemsOf("{\"CFDocument\": {\"identifier\": \"d\"}} {}").get(0).message())
                .startsWith("this is not valid JSON");
    }

    @Test
    void readsAPackageFromAStream() throws Exception {
        byte[] bytes = DATA_ANALYTICS.getBytes(StandardCharsets.UTF_8);

        TaxonomyLoadResult result = new CaseJsonImporter().importPackage(FILE, new ByteArrayInputStream(bytes));

        assertThat(result.problems()).isEmpty();
        assertThat(result.taxonomy().skills()).hasSize(4);
    }
}
