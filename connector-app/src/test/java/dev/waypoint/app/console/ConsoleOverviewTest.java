package dev.waypoint.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waypoint.app.lti.ToolBrowser.Page;
import dev.waypoint.app.pipeline.EvidenceChannelSink;
import dev.waypoint.app.support.ApiClient.Answer;
import dev.waypoint.app.support.FixedClockConfiguration;
import dev.waypoint.core.engine.IngestOutcome;
import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.evidence.LearningSignal;
import dev.waypoint.core.identity.IdentityKind;
import dev.waypoint.core.identity.IdentityRef;
import dev.waypoint.core.store.OutboxRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The overview shows what the sources, the outbox and the dead letters really hold, and retries and replays. */
class ConsoleOverviewTest extends SignedInConsole {

    @Autowired
    OutboxRepository outbox;
    @Autowired
    EvidenceChannelSink sink;

    @Test
    void showsTheLastMoodleSyncWithItsCounts() {
        Answer site = api.putJson("/api/v1/moodle/sites/console-moodle",
                "{\"baseUrl\":\"" + SOURCES.baseUrl() + "/moodle\",\"token\":\"" + MOODLE_TOKEN + "\"}");
        assertThat(site.status()).as(site.raw()).isEqualTo(200);
        Answer synced = api.postJson("/api/v1/sync/console-moodle", "");
        assertThat(synced.status()).as(synced.raw()).isEqualTo(200);

        String row = row(admin.get("/console").body(), "moodle-console-moodle");

        assertThat(row).contains(SOURCES.baseUrl() + "/moodle", synced.body().path("finishedAt").asText())
                .contains("<td>" + synced.body().path("people").asInt() + "</td>")
                .contains("<td>" + synced.body().path("httpCalls").asLong() + "</td>")
                .doesNotContain("never synced");
    }

    @Test
    void showsEachCanvasAndItsLastSync() {
        assertThat(row(admin.get("/console").body(), "canvas-console-canvas")).contains("never synced");

        Answer synced = api.postJson("/api/v1/canvas/sync?tenant=console-canvas", "");
        assertThat(synced.status()).as(synced.raw()).isEqualTo(200);

        String row = row(admin.get("/console").body(), "canvas-console-canvas");
        assertThat(row).contains(SOURCES.baseUrl() + "/canvas")
                .contains("<td>" + api.get("/api/v1/canvas/tenants/console-canvas").body()
                        .path("lastSync").path("status").asText() + "</td>")
                .contains("<td>" + synced.body().path("courses").asInt() + "</td>")
                .doesNotContain("never synced");
    }

    @Test
    void showsStatementCountsAndThePolledLrs() throws Exception {
        Answer credential = api.postJson("/api/v1/xapi/credentials", "{\"tenant\":\"default\",\"label\":\"console test\"}");
        String basic = Base64.getEncoder().encodeToString((credential.body().path("key").asText() + ":"
                + credential.body().path("secret").asText()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> stored = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/xapi/statements"))
                .header("Authorization", "Basic " + basic).header("X-Experience-API-Version", "1.0.3")
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"id":"%s","actor":{"objectType":"Agent","mbox":"mailto:console@example.com"},
                         "verb":{"id":"http://adlnet.gov/expapi/verbs/experienced"},
                         "object":{"objectType":"Activity","id":"https://example.com/activities/console"},
                         "timestamp":"2026-05-01T00:00:00Z"}""".formatted(UUID.randomUUID()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);

        String page = admin.get("/console").body();

        assertThat(section(page, "xapi-statements")).containsPattern("<th scope=\"row\">default</th>\\s*<td>[1-9]\\d*</td>");
        assertThat(section(page, "xapi-lrs")).contains("company-lrs", SOURCES.baseUrl() + "/lrs/");
    }

    @Test
    void aFailedWriteBackIsListedAndRetriedFromTheConsole() {
        String key = "console-" + UUID.randomUUID();
        outbox.enqueue("default", "moodle", key, "{\"readiness\":41}", "hash-" + key, FixedClockConfiguration.NOW);
        OutboxRepository.OutboxEntry entry = outbox.list("pending", 0, 500).stream()
                .filter(e -> e.writeKey().equals(key)).findFirst().orElseThrow();
        outbox.markFailed(entry.id(), "Moodle said: invalidtoken", FixedClockConfiguration.NOW, true);

        Page before = admin.get("/console");
        assertThat(row(before.body(), "write-back-" + entry.id())).contains(key, "Moodle said: invalidtoken", "Retry");
        assertThat(before.body()).containsPattern("id=\"outbox-parked\">[1-9]\\d*<");

        Page retried = admin.submit("/console/write-backs/" + entry.id() + "/retry", Map.of());

        assertThat(retried.status()).isEqualTo(302);
        assertThat(api.get("/api/v1/write-backs?status=pending&limit=500").raw()).contains(key);
        Page after = admin.get("/console");
        assertThat(after.body()).contains("Write-back " + entry.id() + " is back in line")
                .doesNotContain("id=\"write-back-" + entry.id() + "\"");

        admin.submit("/console/write-backs/" + entry.id() + "/retry", Map.of());
        assertThat(admin.get("/console").body()).contains("only parked write-backs can be retried");
    }

    @Test
    void anOpenDeadLetterIsListedAndReplayedFromTheConsole() {
        IngestOutcome outcome = sink.accept(new LearningSignal("default",
                List.of(IdentityRef.of(IdentityKind.EMAIL, "letter-" + UUID.randomUUID() + "@example.com")), "Dana Letter",
                EvidenceKind.COURSE_COMPLETION, "moodle:course:NOT-IN-TAXONOMY", List.of(),
                FixedClockConfiguration.NOW.minusSeconds(60), null, "moodle", "console:" + UUID.randomUUID(), null, "{}"));
        assertThat(outcome.deadLettered()).isTrue();
        long id = outcome.deadLetterId();

        Page before = admin.get("/console");
        assertThat(row(before.body(), "dead-letter-" + id)).contains("moodle:course:NOT-IN-TAXONOMY", "Replay");
        assertThat(before.body()).containsPattern("id=\"letters-open\">[1-9]\\d*<");

        Page replayed = admin.submit("/console/dead-letters/" + id + "/replay", Map.of());

        assertThat(replayed.status()).isEqualTo(302);
        JsonNode letter = findLetter(id);
        assertThat(letter.path("replayAttempts").asInt()).isEqualTo(1);
        assertThat(admin.get("/console").body()).contains("Dead letter " + id + " failed again");
    }

    private JsonNode findLetter(long id) {
        for (JsonNode letter : api.get("/api/v1/dead-letters?status=open&limit=500").body()) {
            if (letter.path("id").asLong() == id) {
                return letter;
            }
        }
        throw new AssertionError("no open dead letter " + id);
    }

    /** The table row with this id, as rendered. */
    static String row(String page, String id) {
        return between(page, "id=\"" + id + "\"", "</tr>");
    }

    /** The element with this id up to the end of its table. */
    static String section(String page, String id) {
        return between(page, "id=\"" + id + "\"", "</table>");
    }

    private static String between(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as("no " + start + " in the page").isNotNegative();
        return page.substring(from, page.indexOf(end, from));
    }
}
