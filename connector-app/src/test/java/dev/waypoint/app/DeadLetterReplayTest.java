package dev.waypoint.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waypoint.app.pipeline.EvidenceChannelSink;
import dev.waypoint.app.support.ApiClient;
import dev.waypoint.app.support.SampleTaxonomy;
import dev.waypoint.app.support.ApiClient.Answer;
import dev.waypoint.app.support.FixedClockConfiguration;
import dev.waypoint.app.support.ServerTest;
import dev.waypoint.core.engine.IngestOutcome;
import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.evidence.LearningSignal;
import dev.waypoint.core.identity.IdentityKind;
import dev.waypoint.core.identity.IdentityRef;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A source's signal that the taxonomy cannot map is kept as a dead letter, not lost and not thrown;
 * once an admin maps the object, replaying the letter stores the evidence.
 */
@ServerTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:waypoint-dead-letter-test;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class DeadLetterReplayTest {

    @LocalServerPort
    int port;

    @Autowired
    EvidenceChannelSink sink;

    @Test
    void anUnmappedSignalIsKeptAndReplayedOnceMapped() {
        ApiClient api = new ApiClient(port);
        LearningSignal signal = new LearningSignal("default", List.of(IdentityRef.of(IdentityKind.MOODLE_USER_ID, "3"),
                IdentityRef.of(IdentityKind.EMAIL, "alice@example.com")), "Alice Example", EvidenceKind.COURSE_COMPLETION,
                "moodle:course:DATA-ETHICS", List.of(), FixedClockConfiguration.NOW.minusSeconds(3600), null,
                "moodle", "course-completion:3:9", null, "{\"courseid\":9,\"userid\":3}");

        IngestOutcome outcome = sink.accept(signal);

        assertThat(outcome.deadLettered()).isTrue();
        assertThat(outcome.deadLetterReason()).contains("moodle:course:DATA-ETHICS");
        JsonNode open = api.get("/api/v1/dead-letters").body();
        assertThat(open.toString()).contains("moodle:course:DATA-ETHICS", "course-completion:3:9");

        Answer stillUnmapped = api.postJson("/api/v1/dead-letters/" + outcome.deadLetterId() + "/replay", "");
        assertThat(stillUnmapped.status()).isEqualTo(200);
        assertThat(stillUnmapped.body().path("status").asText()).isEqualTo("open");
        assertThat(stillUnmapped.body().path("replayAttempts").asInt()).isEqualTo(1);

        String taxonomy = SampleTaxonomy.withCourse("2025.2-with-data-ethics", "data-ethics", "Data Ethics",
                "moodle:course:DATA-ETHICS", "communication", 2, 4);
        Answer loaded = api.post("/api/v1/taxonomy", taxonomy, "application/yaml");
        assertThat(loaded.status()).as(loaded.raw()).isEqualTo(201);

        Answer replayed = api.postJson("/api/v1/dead-letters/" + outcome.deadLetterId() + "/replay", "");
        assertThat(replayed.body().path("status").asText()).isEqualTo("replayed");
        assertThat(api.get("/api/v1/dead-letters").body().toString()).doesNotContain("course-completion:3:9");
        JsonNode people = api.get("/api/v1/people?limit=500").body();
        assertThat(people.toString()).contains("alice@example.com");
        String personId = people.path("items").get(0).path("id").asText();
        assertThat(api.get("/api/v1/people/" + personId + "/evidence").body().toString())
                .contains("moodle:course:DATA-ETHICS", "\"skillId\":\"communication\"");
    }

}
