package dev.waypoint.app;

import dev.waypoint.app.support.ApiClient;
import dev.waypoint.app.support.SampleTaxonomy;
import dev.waypoint.app.support.ApiClient.Answer;
import dev.waypoint.app.support.ServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;


import static org.assertj.core.api.Assertions.assertThat;

/** Loading a taxonomy over the API: a valid one goes into force, an invalid one changes nothing. */
@ServerTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:waypoint-taxonomy-test;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class TaxonomyApiTest {

    @LocalServerPort
    int port;

    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void aValidTaxonomyBecomesTheOneInForce() {
        String yaml = SampleTaxonomy.yaml().replaceFirst("(?m)^version: .*$", "version: 2026.2-test");

        Answer loaded = api.post("/api/v1/taxonomy?fileName=career.yaml", yaml, "application/yaml");

        assertThat(loaded.status()).as(loaded.raw()).isEqualTo(201);
        assertThat(loaded.body().path("version").asText()).isEqualTo("2026.2-test");
        assertThat(api.get("/api/v1/taxonomy").body().path("version").asText()).isEqualTo("2026.2-test");
        assertThat(api.get("/api/v1/taxonomy/versions").body().toString()).contains("2026.2-test", "2025.1-sample");
    }

    @Test
    void anInvalidTaxonomyIsReportedLineByLineAndChangesNothing() {
        String before = api.get("/api/v1/taxonomy").body().path("version").asText();
        String yaml = SampleTaxonomy.yaml().replaceFirst("(?m)^version: .*$", "version: broken")
                .replace("{skill: sql, level: 4, weight: 3, must_have: true}", "{skill: sqll, level: 9, weight: 3, must_have: true}");

        Answer answer = api.post("/api/v1/taxonomy?fileName=career.yaml", yaml, "application/yaml");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("problems").toString()).contains("sqll", "career.yaml", "\"line\":");
        assertThat(answer.body().path("problems").size()).isGreaterThanOrEqualTo(2);
        assertThat(api.get("/api/v1/taxonomy").body().path("version").asText()).isEqualTo(before);
    }

    @Test
    void malformedYamlIsAProblemNotAnError() {
        Answer answer = api.post("/api/v1/taxonomy", "version: x\nskills: [\n  - {id: a", "application/yaml");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().path("problems").get(0).path("line").asInt()).isPositive();
    }

    @Test
    void anEmptyOrOversizedBodyIsRefused() {
        assertThat(api.post("/api/v1/taxonomy", "", "application/yaml").status()).isEqualTo(400);

        Answer large = api.post("/api/v1/taxonomy", "#".repeat(200_001), "application/yaml");
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.errors()).contains("larger than 200000 bytes");
    }

    @Test
    void aCasePackageLoadsAsATaxonomyAndABrokenOneIsReported() {
        String casePackage = """
                {"CFDocument": {"identifier": "doc-1", "uri": "https://case.example.com/doc-1", "title": "Data",
                                "version": "2026.1-case"},
                 "CFItems": [
                   {"identifier": "dom", "fullStatement": "Data analytics", "humanCodingScheme": "DA"},
                   {"identifier": "sql", "fullStatement": "Queries data with SQL", "humanCodingScheme": "DA-SQL"}],
                 "CFAssociations": [
                   {"identifier": "a1", "associationType": "isChildOf", "originNodeURI": {"identifier": "dom"},
                    "destinationNodeURI": {"identifier": "doc-1"}},
                   {"identifier": "a2", "associationType": "isChildOf", "originNodeURI": {"identifier": "sql"},
                    "destinationNodeURI": {"identifier": "dom"}}]}
                """;

        Answer loaded = api.postJson("/api/v1/taxonomy?fileName=data.json", casePackage);
        assertThat(loaded.status()).as(loaded.raw()).isEqualTo(201);
        assertThat(loaded.body().path("version").asText()).isEqualTo("2026.1-case");
        assertThat(loaded.body().path("skills").asInt()).isEqualTo(2);

        Answer broken = api.postJson("/api/v1/taxonomy?fileName=data.json", "{\"CFItems\": [");
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.body().path("problems").toString()).contains("data.json");
    }

}
