package dev.waypoint.xapi.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.core.Sha256;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content hash is stored with every statement and derives the ids of statements sent without one, so its
 * canonical text must stay what it was when those hashes were made: keys sorted, keys and strings as Jackson's
 * serialiser writes them, numbers by value. The expected values were made by the first implementation (which
 * went through Jackson's serialiser for every key and string); a change of canonical form fails here.
 */
class StatementFingerprintTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyCorpusStatementHashesAsItAlwaysHas() throws IOException {
        StringBuilder hashes = new StringBuilder();
        int statements = 0;
        for (String file : List.of("valid-statements.json", "invalid-statements.json")) {
            for (JsonNode c : read(file)) {
                if (c.path("statement").isObject()) {
                    hashes.append(StatementFingerprint.contentHash(c.path("statement"))).append('\n');
                    statements++;
                }
            }
        }
        for (String file : List.of("logstore-batch-30.json", "logstore-course-completion.json",
                "logstore-module-completion.json", "logstore-badge-award-system.json")) {
            JsonNode root = read(file);
            for (JsonNode statement : root.isArray() ? root : List.of(root)) {
                hashes.append(StatementFingerprint.contentHash(statement)).append('\n');
                statements++;
            }
        }

        assertThat(statements).isEqualTo(255);
        assertThat(Sha256.hex(hashes.toString())).isEqualTo("d52090c8892dd8479019b62efb431a51587c75960dc41627b4b8631e36197d8c");
    }

    @Test
    void stringsThatNeedEscapingHashAsJacksonWritesThem() throws IOException {
        JsonNode statement = JSON.readTree("""
                {"actor":{"mbox":"mailto:a@example.com","name":"Zoë \\"Q\\" \\\\ \\u0001\\t\\n\\u2028 😀 </script>"},
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/passed"},"object":{"id":"http://example.com/a"},
                 "result":{"score":{"scaled":0.50,"raw":50,"min":0,"max":100,"big":123456789012345678901234567890}},
                 "timestamp":"2026-06-01T10:00:00Z","flag":true,"none":null,"list":[1,-2,3.0e0]}""");

        assertThat(StatementFingerprint.contentHash(statement)).isEqualTo("cea3ad7e859197859a2411b158721cff7af6ac5b5dba1568cc334e6cc4b59db5");
    }

    @Test
    void theSameScoreWrittenDifferentlyIsTheSameContent() throws IOException {
        String template = """
                {"actor":{"mbox":"mailto:a@example.com"},"verb":{"id":"http://adlnet.gov/expapi/verbs/passed"},
                 "object":{"id":"http://example.com/a"},"result":{"score":{"scaled":%s,"raw":%s}}}""";

        assertThat(StatementFingerprint.contentHash(JSON.readTree(template.formatted("1", "80"))))
                .isEqualTo(StatementFingerprint.contentHash(JSON.readTree(template.formatted("1.0", "8e1"))))
                .isNotEqualTo(StatementFingerprint.contentHash(JSON.readTree(template.formatted("1", "81"))));
    }

    private static JsonNode read(String name) throws IOException {
        try (InputStream in = StatementFingerprintTest.class.getResourceAsStream("/corpus/" + name)) {
            return JSON.readTree(in);
        }
    }
}
