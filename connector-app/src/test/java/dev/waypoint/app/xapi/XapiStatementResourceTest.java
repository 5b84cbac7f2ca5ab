package dev.waypoint.app.xapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waypoint.app.support.ApiClient;
import dev.waypoint.core.store.TenantRepository;
import dev.waypoint.xapi.store.JdbcStatementStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The statement resource's rules over real HTTP: answers, ids, idempotency, conflicts, atomic batches, auth. */
@XapiServerTest
class XapiStatementResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    TenantRepository tenants;
    @Autowired
    JdbcStatementStore store;
    @Autowired
    MeterRegistry meters;

    private String tenant;
    private LrsClient lrs;

    @BeforeEach
    void setUp() {
        tenant = "t-" + UUID.randomUUID();
        tenants.ensure(tenant, "Test tenant");
        lrs = LrsClient.withNewCredential(port, tenant);
    }

    @Test
    void aboutNamesTheVersionsSpokenWithoutCredentials() {
        LrsClient.Answer about = lrs.header("Authorization", null).get("/xapi/about");

        assertThat(about.status()).isEqualTo(200);
        assertThat(about.body().path("version").toString()).contains("1.0.3", "2.0.0");
        assertThat(about.version()).isNotNull();
    }

    @Test
    void postOfOneStatementAnswersItsIdInAnArray() {
        String id = UUID.randomUUID().toString();
        LrsClient.Answer answer = lrs.post(statement(id, "https://learn.example.com/a"));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.version()).isEqualTo("1.0.3");
        assertThat(answer.body().get(0).asText()).isEqualTo(id);
        assertThat(store.find(tenant, id)).hasValueSatisfying(row -> {
            assertThat(row.authority()).startsWith("xk_");
            assertThat(row.rawJson()).contains(id);
        });
    }

    @Test
    void otherMethodsOnTheStatementResourceAnswer405WithAnXapiErrorBody() {
        LrsClient.Answer answer = lrs.send("DELETE", "/xapi/statements", null);

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.body().path("error").asBoolean()).isTrue();
        assertThat(answer.body().path("message").asText()).contains("DELETE", "POST or PUT");
        assertThat(answer.version()).isEqualTo("1.0.3");
    }

    @Test
    void theRequestMetricNamesTheStatementResource() {
        assertThat(lrs.post(statement(null, "https://learn.example.com/metric")).status()).isEqualTo(200);

        // The metric is recorded as the request ends, which may be just after the client has its answer.
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(meters.find("http.server.requests").tag("uri", "/xapi/statements").tag("method", "POST").timers())
                        .isNotEmpty());
    }

    @Test
    void postOfABatchAnswersTheIdsInOrderGivingIdsToThoseWithout() {
        String first = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();
        String batch = "[" + statement(first, "https://learn.example.com/1") + ","
                + statement(null, "https://learn.example.com/2") + "," + statement(third, "https://learn.example.com/3") + "]";

        LrsClient.Answer answer = lrs.post(batch);

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.body()).hasSize(3);
        assertThat(answer.body().get(0).asText()).isEqualTo(first);
        assertThat(UUID.fromString(answer.body().get(1).asText())).isNotNull();
        assertThat(answer.body().get(2).asText()).isEqualTo(third);
        assertThat(store.count(tenant)).isEqualTo(3);
    }

    @Test
    void theSameStatementAgainChangesNothing() {
        String id = UUID.randomUUID().toString();
        String body = statement(id, "https://learn.example.com/a");
        lrs.post(body);
        String storedBefore = store.find(tenant, id).orElseThrow().rawJson();

        LrsClient.Answer again = lrs.post(body);
        LrsClient.Answer put = lrs.put(id, body);

        assertThat(again.status()).isEqualTo(200);
        assertThat(put.status()).isEqualTo(204);
        assertThat(store.count(tenant)).isEqualTo(1);
        assertThat(store.find(tenant, id).orElseThrow().rawJson()).isEqualTo(storedBefore);
    }

    @Test
    void aKnownIdWithOtherContentIsAConflictAndStoresNothing() {
        String id = UUID.randomUUID().toString();
        lrs.post(statement(id, "https://learn.example.com/a"));
        String fresh = UUID.randomUUID().toString();

        LrsClient.Answer conflict = lrs.post("[" + statement(fresh, "https://learn.example.com/x") + ","
                + statement(id, "https://learn.example.com/other") + "]");
        LrsClient.Answer putConflict = lrs.put(id, statement(id, "https://learn.example.com/other"));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body().path("violations").get(0).path("path").asText()).isEqualTo("$[1].id");
        assertThat(putConflict.status()).isEqualTo(409);
        assertThat(store.find(tenant, fresh)).isEmpty();
        assertThat(store.count(tenant)).isEqualTo(1);
    }

    @Test
    void oneInvalidStatementRejectsTheWholeBatch() {
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < 29; i++) {
            statements.add(statement(null, "https://learn.example.com/ok-" + i));
        }
        statements.add(17, statement(null, "not an iri"));

        LrsClient.Answer answer = lrs.post("[" + String.join(",", statements) + "]");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("violations").get(0).path("path").asText()).isEqualTo("$[17].object.id");
        assertThat(store.count(tenant)).isZero();
    }

    @Test
    void putStoresUnderTheGivenIdAndAnswers204() {
        String id = UUID.randomUUID().toString();
        LrsClient.Answer put = lrs.put(id, statement(null, "https://learn.example.com/put"));

        assertThat(put.status()).isEqualTo(204);
        assertThat(store.find(tenant, id)).isPresent();
    }

    @Test
    void putRefusesABodyWhoseIdIsNotTheParameter() {
        String id = UUID.randomUUID().toString();
        LrsClient.Answer put = lrs.put(id, statement(UUID.randomUUID().toString(), "https://learn.example.com/put"));
        LrsClient.Answer noParameter = lrs.send("PUT", "/xapi/statements", statement(null, "https://learn.example.com/p").getBytes());

        assertThat(put.status()).isEqualTo(400);
        assertThat(put.body().path("violations").get(0).path("path").asText()).isEqualTo("$.id");
        assertThat(noParameter.status()).isEqualTo(400);
        assertThat(store.count(tenant)).isZero();
    }

    @Test
    void aVoidingStatementMarksItsTargetVoided() {
        String target = UUID.randomUUID().toString();
        lrs.post(statement(target, "https://learn.example.com/a"));

        LrsClient.Answer voiding = lrs.post("""
                {"actor":{"mbox":"mailto:admin@example.com"},"verb":{"id":"http://adlnet.gov/expapi/verbs/voided"},
                 "object":{"objectType":"StatementRef","id":"%s"}}""".formatted(target));

        assertThat(voiding.status()).isEqualTo(200);
        assertThat(store.isVoided(tenant, target)).isTrue();
    }

    @Test
    void statementsOfOneTenantAreNotAnothersConflicts() {
        String id = UUID.randomUUID().toString();
        String other = "t-" + UUID.randomUUID();
        tenants.ensure(other, "Other tenant");
        LrsClient otherLrs = LrsClient.withNewCredential(port, other);

        assertThat(lrs.post(statement(id, "https://learn.example.com/a")).status()).isEqualTo(200);
        assertThat(otherLrs.post(statement(id, "https://learn.example.com/b")).status()).isEqualTo(200);
        assertThat(store.count(tenant)).isEqualTo(1);
        assertThat(store.count(other)).isEqualTo(1);
    }

    @Test
    void credentialsAreCreatedByAdminsAndTheirSecretsNeverListed() {
        ApiClient admin = new ApiClient(port);
        ApiClient.Answer created = admin.postJson("/api/v1/xapi/credentials", "{\"tenant\":\"" + tenant + "\",\"label\":\"Moodle\"}");
        ApiClient.Answer listed = admin.get("/api/v1/xapi/credentials");
        ApiClient.Answer unauthenticated = admin.withToken(null).postJson("/api/v1/xapi/credentials", "{\"label\":\"x\"}");
        ApiClient.Answer unknownTenant = admin.postJson("/api/v1/xapi/credentials", "{\"tenant\":\"nope\",\"label\":\"x\"}");

        assertThat(created.status()).isEqualTo(201);
        String secret = created.body().path("secret").asText();
        assertThat(secret).hasSize(64);
        assertThat(listed.raw()).contains(created.body().path("key").asText()).doesNotContain(secret);
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unknownTenant.status()).isEqualTo(422);
    }

    @Test
    void aRevokedCredentialNoLongerAuthenticates() {
        ApiClient admin = new ApiClient(port);
        ApiClient.Answer created = admin.postJson("/api/v1/xapi/credentials", "{\"tenant\":\"" + tenant + "\",\"label\":\"Old\"}");
        LrsClient old = lrs.basic(created.body().path("key").asText(), created.body().path("secret").asText());
        assertThat(old.post(statement(null, "https://learn.example.com/r")).status()).isEqualTo(200);

        LrsClient.Answer revoked = lrs.header("Authorization", "Bearer " + ApiClient.ADMIN_TOKEN)
                .send("DELETE", "/api/v1/xapi/credentials/" + created.body().path("key").asText(), null);

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(old.post(statement(null, "https://learn.example.com/r2")).status()).isEqualTo(401);
    }

    static String statement(String id, String objectId) {
        ObjectNode s = JSON.createObjectNode();
        if (id != null) {
            s.put("id", id);
        }
        s.putObject("actor").put("mbox", "mailto:learner@example.com");
        s.putObject("verb").put("id", "http://adlnet.gov/expapi/verbs/experienced");
        s.putObject("object").put("id", objectId);
        s.put("timestamp", "2026-05-01T10:00:00Z");
        return s.toString();
    }
}
