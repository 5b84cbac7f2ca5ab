package dev.waypoint.app.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waypoint.core.store.TenantRepository;
import dev.waypoint.xapi.store.JdbcStatementStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input at the statement resource: each refusal a 4xx with an error body naming the problem and nothing
 * stored; the whole statement corpus sent over HTTP; and malformed JSON thrown at it without a 500 escaping.
 */
@XapiServerTest
class XapiBadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    TenantRepository tenants;
    @Autowired
    JdbcStatementStore store;

    private String tenant;
    private LrsClient lrs;
    private final String good = XapiStatementResourceTest.statement(null, "https://learn.example.com/good");

    @BeforeEach
    void setUp() {
        tenant = "t-" + UUID.randomUUID();
        tenants.ensure(tenant, "Test tenant");
        lrs = LrsClient.withNewCredential(port, tenant);
    }

    @Test
    void refusesAMissingVersionHeader() {
        assertRefused(lrs.header("X-Experience-API-Version", null).post(good), 400, "X-Experience-API-Version");
    }

    @Test
    void refusesAnUnknownVersion() {
        assertRefused(lrs.header("X-Experience-API-Version", "0.95").post(good), 400, "0.95");
        assertRefused(lrs.header("X-Experience-API-Version", "3.0.0").post(good), 400, "not supported");
    }

    @Test
    void refusesAWrongContentType() {
        assertRefused(lrs.header("Content-Type", "text/plain").post(good), 415, "application/json");
        assertRefused(lrs.header("Content-Type", "multipart/mixed; boundary=x").post(good), 415, "multipart");
    }

    @Test
    void refusesABodyOverTheLimit() {
        StringBuilder big = new StringBuilder("[");
        for (int i = 0; big.length() < 210_000; i++) {
            big.append(i == 0 ? "" : ",").append(XapiStatementResourceTest.statement(null, "https://learn.example.com/big-" + i));
        }
        assertRefused(lrs.post(big.append("]").toString()), 413, "limit");
    }

    @Test
    void refusesWhatIsNotJson() {
        assertRefused(lrs.post("{\"actor\": "), 400, "not JSON");
        assertRefused(lrs.post("<statement/>"), 400, "not JSON");
        assertRefused(lrs.post(good + " trailing"), 400, "not JSON");
        assertRefused(lrs.post(""), 400, "empty");
        assertRefused(lrs.post("[]"), 400, "no statements");
        assertRefused(lrs.post("\"a string\""), 400, "violation");
    }

    @Test
    void refusesWrongCredentials() {
        assertRefused(lrs.header("Authorization", null).post(good), 401, "Basic");
        assertRefused(lrs.basic("xk_unknown", "secret").post(good), 401, "unknown credential");
        assertRefused(lrs.header("Authorization", "Basic !!!").post(good), 401, "base64");
        assertRefused(lrs.header("Authorization", "Bearer whatever").post(good), 401, "Basic");
    }

    @Test
    void refusesTheSameIdTwiceInOneBatch() {
        String id = UUID.randomUUID().toString();
        LrsClient.Answer answer = lrs.post("[" + XapiStatementResourceTest.statement(id, "https://learn.example.com/1") + ","
                + XapiStatementResourceTest.statement(id, "https://learn.example.com/2") + "]");

        assertRefused(answer, 400, "twice");
        assertThat(answer.body().path("violations").get(0).path("path").asText()).isEqualTo("$[1].id");
    }

    @Test
    void everyInvalidStatementOfTheCorpusIsRefusedOverHttpAtItsPath() throws Exception {
        JsonNode corpus = JSON.readTree(LrsClient.resource("invalid-statements.json"));
        int repaired = 0;
        for (JsonNode entry : corpus) {
            LrsClient.Answer answer = lrs.header("X-Experience-API-Version", entry.path("version").asText())
                    .post(entry.path("statement").toString());
            if (entry.path("rule").asText().contains("strict")) {
                // Invalid xAPI, but this server is lenient with logstore_xapi's quirks (see LogstoreCompatibilityTest).
                assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
                repaired++;
                continue;
            }
            assertThat(answer.status()).as(entry.path("rule").asText() + ": " + answer.raw()).isEqualTo(400);
            List<String> paths = new ArrayList<>();
            answer.body().path("violations").forEach(v -> paths.add(v.path("path").asText()));
            // Over HTTP an array is a batch: its first element is then the statement at fault.
            String expected = entry.path("statement").isArray() ? "$[0]" : entry.path("path").asText();
            assertThat(paths).as(entry.path("rule").asText()).contains(expected);
        }
        assertThat(repaired).isEqualTo(1);
        assertThat(store.count(tenant)).isEqualTo(repaired);
    }

    @Test
    void everyValidStatementOfTheCorpusIsStoredOverHttp() throws Exception {
        JsonNode corpus = JSON.readTree(LrsClient.resource("valid-statements.json"));
        for (JsonNode entry : corpus) {
            ObjectNode statement = (ObjectNode) entry.path("statement").deepCopy();
            if (statement.has("id")) {
                statement.put("id", UUID.randomUUID().toString()); // the corpus reuses ids across different statements
            }
            LrsClient.Answer answer = lrs.header("X-Experience-API-Version", entry.path("version").asText()).post(statement.toString());
            assertThat(answer.status()).as(entry.path("name").asText() + ": " + answer.raw()).isEqualTo(200);
        }
        assertThat(store.count(tenant)).isEqualTo(corpus.size());
    }

    @Test
    void malformedJsonNeverGetsA5xx() {
        Random random = new Random(20260601L);
        byte[] seed = ("[" + good + "," + LrsClient.resource("logstore-course-completion.json") + "]").getBytes(StandardCharsets.UTF_8);
        List<Integer> statuses = new ArrayList<>();
        for (int round = 0; round < 300; round++) {
            byte[] mutated = mutate(seed, random);
            LrsClient.Answer answer = lrs.post(mutated);
            statuses.add(answer.status());
            assertThat(answer.status()).as("round %d: %s", round, new String(mutated, StandardCharsets.UTF_8)).isLessThan(500);
            if (answer.status() >= 400) {
                assertThat(answer.body().path("message").asText()).isNotBlank();
            }
        }
        assertThat(statuses).contains(400);
    }

    /** Flips, drops, duplicates or inserts bytes (quotes, brackets, controls, invalid UTF-8) at random places. */
    private static byte[] mutate(byte[] seed, Random random) {
        byte[] tokens = "{}[]\",:\\\u0000\n truefalsenull-0.e+9".getBytes(StandardCharsets.UTF_8);
        List<Byte> bytes = new ArrayList<>();
        for (byte b : seed) {
            bytes.add(b);
        }
        int edits = 1 + random.nextInt(6);
        for (int e = 0; e < edits && !bytes.isEmpty(); e++) {
            int at = random.nextInt(bytes.size());
            switch (random.nextInt(5)) {
                case 0 -> bytes.remove(at);
                case 1 -> bytes.set(at, tokens[random.nextInt(tokens.length)]);
                case 2 -> bytes.add(at, tokens[random.nextInt(tokens.length)]);
                case 3 -> bytes.add(at, (byte) (0x80 + random.nextInt(0x80)));
                default -> bytes.subList(at, Math.min(bytes.size(), at + 1 + random.nextInt(40))).clear();
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }

    private void assertRefused(LrsClient.Answer answer, int status, String mentions) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.body().path("error").asBoolean()).as(answer.raw()).isTrue();
        assertThat(answer.raw()).contains(mentions);
        assertThat(answer.version()).isNotNull();
        assertThat(store.count(tenant)).isZero();
    }
}
