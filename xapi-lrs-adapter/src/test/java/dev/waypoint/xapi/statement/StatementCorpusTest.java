package dev.waypoint.xapi.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statement corpus (src/test/resources/corpus): every valid statement passes with no violation, and
 * every invalid one is refused with a violation at the path of the rule it breaks.
 */
class StatementCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final StatementValidator validator = new StatementValidator();

    @Test
    void theCorpusIsAsLargeAsPromised() throws IOException {
        assertThat(corpus("valid-statements.json").size()).isGreaterThanOrEqualTo(50);
        assertThat(corpus("invalid-statements.json").size()).isGreaterThanOrEqualTo(100);
        List<String> logstore = new ArrayList<>();
        corpus("valid-statements.json").forEach(c -> {
            if (c.path("source").asText().contains("logstore_xapi")) {
                logstore.add(c.path("name").asText());
            }
        });
        assertThat(logstore).contains("logstore_xapi course completion", "logstore_xapi module completion",
                "logstore_xapi badge award by a teacher");
    }

    @TestFactory
    Stream<DynamicTest> everyValidStatementPasses() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : corpus("valid-statements.json")) {
            tests.add(DynamicTest.dynamicTest(c.path("name").asText(), () -> {
                XapiVersion version = XapiVersion.parse(c.path("version").asText()).orElseThrow();
                assertThat(validator.validate(c.path("statement"), "$", version)).isEmpty();
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyInvalidStatementIsRefusedAtThePathOfItsRule() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : corpus("invalid-statements.json")) {
            tests.add(DynamicTest.dynamicTest(c.path("rule").asText(), () -> {
                XapiVersion version = XapiVersion.parse(c.path("version").asText()).orElseThrow();
                List<Violation> violations = validator.validate(c.path("statement"), "$", version);
                assertThat(violations).as(c.path("rule").asText())
                        .extracting(Violation::path).contains(c.path("path").asText());
            }));
        }
        return tests.stream();
    }

    @Test
    void reportsEveryViolationNotJustTheFirst() throws IOException {
        JsonNode statement = JSON.readTree("""
                {"id":"nope","actor":{"mbox":"grace@example.com"},"verb":{"id":"passed"},
                 "object":{"id":"https://learn.example.com/a"},"result":{"score":{"scaled":2}},"timestamp":"today"}
                """);

        List<Violation> violations = validator.validate(statement, "$[4]", XapiVersion.V1_0);

        assertThat(violations).extracting(Violation::path).containsExactlyInAnyOrder(
                "$[4].id", "$[4].actor.mbox", "$[4].verb.id", "$[4].result.score.scaled", "$[4].timestamp");
    }

    static JsonNode corpus(String name) throws IOException {
        try (InputStream in = StatementCorpusTest.class.getResourceAsStream("/corpus/" + name)) {
            return JSON.readTree(in);
        }
    }
}
