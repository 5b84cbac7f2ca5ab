package dev.waypoint.canvas;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.evidence.LearningSignal;
import dev.waypoint.core.identity.IdentityKind;
import dev.waypoint.core.identity.IdentityRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.waypoint.canvas.CanvasApiBodies.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Live Events in Canvas's raw format and in IMS Caliper 1.1, read into signals. */
class CanvasLiveEventsTest {

    private final CanvasLiveEvents events = new CanvasLiveEvents(new ObjectMapper(), new CanvasMapper());

    @Test
    void aRawCourseCompletedIsTheSameCompletionASyncWouldFind() {
        CanvasLiveEvent event = events.read("default", body("live-event-course-completed.json")).get(0);

        LearningSignal signal = event.signal().orElseThrow();
        assertThat(event.eventName()).isEqualTo("course_completed");
        assertThat(event.eventId()).startsWith("raw:");
        assertThat(signal.kind()).isEqualTo(EvidenceKind.COURSE_COMPLETION);
        assertThat(signal.objectRef()).isEqualTo("canvas:course:205");
        assertThat(signal.occurredAt()).isEqualTo(Instant.parse("2026-05-20T19:11:25.218Z"));
        assertThat(signal.externalId()).isEqualTo("course:205:user:101:completed");
        assertThat(signal.identities()).containsExactly(IdentityRef.of(IdentityKind.CANVAS_USER_ID, "101"),
                IdentityRef.of(IdentityKind.CANVAS_SIS_USER_ID, "E-1001"),
                IdentityRef.of(IdentityKind.CANVAS_LOGIN, "ada@example.edu"),
                IdentityRef.of(IdentityKind.EMAIL, "ada.lovelace@example.edu"));
    }

    @Test
    void theSameRawEventDeliveredTwiceHasTheSameIdWhateverTheKeyOrder() {
        String once = body("live-event-course-completed.json");
        String reordered = "{\"body\":" + once.substring(once.indexOf("\"body\":") + 7, once.lastIndexOf('}'))
                .trim() + ",\"metadata\":" + once.substring(once.indexOf("\"metadata\":") + 11, once.indexOf("\"body\":"))
                .trim().replaceAll(",$", "") + "}";

        assertThat(events.read("default", reordered).get(0).eventId())
                .isEqualTo(events.read("default", once).get(0).eventId());
    }

    @Test
    void progressShortOfCompletionIsAcknowledgedButIsNoEvidence() {
        CanvasLiveEvent event = events.read("default", body("live-event-course-progress.json")).get(0);

        assertThat(event.signal()).isEmpty();
        assertThat(event.ignoredBecause()).contains("short of completion");
    }

    @Test
    void aGradeChangeIsEvidenceOfTheStudentNotOfTheTeacherWhoGraded() {
        LearningSignal signal = events.read("default", body("live-event-grade-change.json")).get(0).signal().orElseThrow();

        assertThat(signal.kind()).isEqualTo(EvidenceKind.ASSESSMENT);
        assertThat(signal.objectRef()).isEqualTo("canvas:assignment:1104");
        assertThat(signal.scoreScaled()).isEqualTo(0.9);
        assertThat(signal.identities()).containsExactly(IdentityRef.of(IdentityKind.CANVAS_USER_ID, "101"),
                IdentityRef.of(IdentityKind.CANVAS_SIS_USER_ID, "E-1001"));
    }

    @Test
    void aCaliperGradeEventInAnEnvelopeIsTheSameGradeByItsCaliperId() {
        List<CanvasLiveEvent> read = events.read("default", body("caliper-grade-event.json"));

        assertThat(read).singleElement().satisfies(event -> {
            assertThat(event.eventId()).isEqualTo("urn:uuid:0e2d3b2f-6f0a-4c2e-9d53-1d7e3c1f3a11");
            LearningSignal signal = event.signal().orElseThrow();
            assertThat(signal.objectRef()).isEqualTo("canvas:assignment:1104");
            assertThat(signal.scoreScaled()).isEqualTo(0.9);
            assertThat(signal.identities()).containsExactly(IdentityRef.of(IdentityKind.CANVAS_USER_ID, "101"));
            assertThat(signal.externalId()).isEqualTo("submission:1104:user:101:graded:2026-05-21T09:30:00Z");
        });
    }

    @Test
    void aCaliperCompletionOfACourseIsACourseCompletion() {
        LearningSignal signal = events.read("default", body("caliper-course-completed.json")).get(0).signal().orElseThrow();

        assertThat(signal.objectRef()).isEqualTo("canvas:course:210");
        assertThat(signal.externalId()).isEqualTo("course:210:user:101:completed");
        assertThat(signal.identities()).contains(IdentityRef.of(IdentityKind.CANVAS_LOGIN, "ada@example.edu"));
    }

    @Test
    void anUnsupportedEventIsRefusedNamingTheEventName() {
        String submissionCreated = body("live-event-course-progress.json").replace("\"course_progress\"", "\"submission_created\"");

        assertThatThrownBy(() -> events.read("default", submissionCreated))
                .isInstanceOfSatisfying(CanvasLiveEventRejected.class, e -> {
                    assertThat(e.field()).isEqualTo("metadata.event_name");
                    assertThat(e.getMessage()).contains("submission_created");
                });
    }

    @Test
    void refusesWhatIsNotALiveEvent() {
        assertThatThrownBy(() -> events.read("default", "{not json")).isInstanceOf(CanvasLiveEventRejected.class)
                .extracting("field").isEqualTo("body");
        assertThatThrownBy(() -> events.read("default", "{\"hello\":1}")).isInstanceOf(CanvasLiveEventRejected.class);
        assertThatThrownBy(() -> events.read("default", body("live-event-course-completed.json")
                .replace("\"event_time\": \"2026-05-20T19:11:26.615Z\"", "\"event_time\": \"yesterday\"")))
                .isInstanceOf(CanvasLiveEventRejected.class).extracting("field").isEqualTo("metadata.event_time");
    }

    @Test
    void globalIdsAreReducedToTheLocalIdsOfTheRestApi() {
        assertThat(CanvasLiveEvents.local("21070000000000123")).isEqualTo("123");
        assertThat(CanvasLiveEvents.local("123")).isEqualTo("123");
    }
}
