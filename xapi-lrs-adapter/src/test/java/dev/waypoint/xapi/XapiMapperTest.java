package dev.waypoint.xapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.evidence.LearningSignal;
import dev.waypoint.core.identity.IdentityKind;
import dev.waypoint.core.identity.IdentityRef;
import dev.waypoint.xapi.statement.XapiStatement;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Statements to evidence: verbs, object refs from logstore_xapi IRIs, and actors to identities. */
class XapiMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant STORED = Instant.parse("2026-06-01T00:00:00Z");
    private final XapiMapper mapper = new XapiMapper(
            new XapiProperties(false, 0, List.of("https://moodle.example.com/"), null, null, null, null));

    @Test
    void aLogstoreCourseCompletionIsACourseCompletionOfTheCourseIdnumberByTheMoodleUser() throws Exception {
        LearningSignal signal = signal(Corpus.text("logstore-course-completion.json"));

        assertThat(signal.kind()).isEqualTo(EvidenceKind.COURSE_COMPLETION);
        assertThat(signal.objectRef()).isEqualTo("moodle:course:SQLF101");
        assertThat(signal.identities()).containsExactly(IdentityRef.of(IdentityKind.MOODLE_USER_ID, "5"),
                IdentityRef.of(IdentityKind.XAPI_ACCOUNT, "https://moodle.example.com|5"));
        assertThat(signal.occurredAt()).isEqualTo(Instant.parse("2026-05-20T09:15:00Z"));
        assertThat(signal.externalId()).isEqualTo("00000000-0000-4000-8000-000000000001");
        assertThat(signal.naturalKey()).isEqualTo("xapi:00000000-0000-4000-8000-000000000001");
    }

    @Test
    void aCourseWithoutIdnumberIsReferencedByItsMoodleId() throws Exception {
        ObjectNode statement = read(Corpus.text("logstore-course-completion.json"));
        ((ObjectNode) statement.at("/object/definition/extensions"))
                .remove("https://w3id.org/learning-analytics/learning-management-system/external-id");

        assertThat(signal(statement.toString()).objectRef()).isEqualTo("moodle:course:2");
    }

    @Test
    void aLogstoreModuleCompletionIsAnActivityCompletion() throws Exception {
        LearningSignal signal = signal(Corpus.text("logstore-module-completion.json"));

        assertThat(signal.kind()).isEqualTo(EvidenceKind.ACTIVITY_COMPLETION);
        assertThat(signal.objectRef()).isEqualTo("moodle:activity:SQL-QUIZ-1");
    }

    @Test
    void aLogstoreBadgeAwardIsTheBadgeOfItsId() throws Exception {
        LearningSignal signal = signal(Corpus.text("logstore-badge-award-system.json"));

        assertThat(signal.kind()).isEqualTo(EvidenceKind.BADGE);
        assertThat(signal.objectRef()).isEqualTo("moodle:badge:1");
    }

    @Test
    void aBadgeKnownOnlyByItsHashKeepsTheRawIri() throws Exception {
        ObjectNode statement = read(Corpus.text("logstore-badge-award-system.json"));
        ((ObjectNode) statement.at("/object/definition")).remove("extensions");

        assertThat(signal(statement.toString()).objectRef()).startsWith("https://moodle.example.com/badges/badge.php?hash=");
    }

    @Test
    void theOpenBadgesEarnedVerbOnABadgeIsABadge() throws Exception {
        LearningSignal signal = signal("""
                {"actor":{"mbox":"mailto:Ada@Example.com"},"verb":{"id":"http://specification.openbadges.org/xapi/verbs/earned"},
                 "object":{"id":"https://badges.example.com/b/42","definition":{"type":"http://activitystrea.ms/schema/1.0/badge"}}}""");

        assertThat(signal.kind()).isEqualTo(EvidenceKind.BADGE);
        assertThat(signal.objectRef()).isEqualTo("https://badges.example.com/b/42");
        assertThat(signal.identities()).containsExactly(IdentityRef.of(IdentityKind.EMAIL, "ada@example.com"));
        assertThat(signal.occurredAt()).isEqualTo(STORED);
    }

    @Test
    void passedAndFailedWithAScaledScoreAreAssessments() throws Exception {
        for (String verb : List.of("passed", "failed")) {
            LearningSignal signal = signal(withVerb("http://adlnet.gov/expapi/verbs/" + verb, ",\"result\":{\"score\":{\"scaled\":0.4}}"));
            assertThat(signal.kind()).isEqualTo(EvidenceKind.ASSESSMENT);
            assertThat(signal.scoreScaled()).isEqualTo(0.4);
        }
    }

    @Test
    void passedWithoutAScoreIsAFailureToMapNotSilence() throws Exception {
        assertThat(map(withVerb("http://adlnet.gov/expapi/verbs/passed", ""))).isInstanceOf(XapiMapping.Failure.class);
    }

    @Test
    void masteredIsAnAssessmentAtFullScoreUnlessScored() throws Exception {
        assertThat(signal(withVerb("http://adlnet.gov/expapi/verbs/mastered", "")).scoreScaled()).isEqualTo(1.0);
    }

    @Test
    void achievedOnSomethingThatIsNotABadgeIsAFailureToMap() throws Exception {
        assertThat(map(withVerb("https://w3id.org/xapi/tla/verbs/achieved", ""))).isInstanceOf(XapiMapping.Failure.class);
    }

    @Test
    void experiencedMeansNoEvidence() throws Exception {
        assertThat(map(withVerb("http://adlnet.gov/expapi/verbs/experienced", ""))).isInstanceOf(XapiMapping.NoEvidence.class);
    }

    @Test
    void voidingAndUncompletedAreRevocations() throws Exception {
        XapiMapping voiding = map("""
                {"id":"00000000-0000-4000-8000-000000000002","actor":{"mbox":"mailto:admin@example.com"},
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/voided"},
                 "object":{"objectType":"StatementRef","id":"00000000-0000-4000-8000-000000000001"}}""");
        XapiMapping uncompleted = map(withVerb("http://adlnet.gov/expapi/verbs/uncompleted", ""));

        assertThat(voiding).isEqualTo(new XapiMapping.Void("00000000-0000-4000-8000-000000000001"));
        assertThat(uncompleted).isEqualTo(new XapiMapping.Uncomplete("mbox:mailto:grace@example.com", "https://learn.example.com/x"));
    }

    @Test
    void configuredVerbsOverrideAndIgnoreTheDefaults() throws Exception {
        XapiMapper configured = new XapiMapper(new XapiProperties(false, 0, List.of(), Map.of(
                "http://adlnet.gov/expapi/verbs/experienced", "course_completion",
                "http://adlnet.gov/expapi/verbs/completed", "ignore"), null, null, null));

        assertThat(configured.map("default", statement(withVerb("http://adlnet.gov/expapi/verbs/experienced", "")), STORED, "{}"))
                .isInstanceOf(XapiMapping.Signal.class);
        assertThat(configured.map("default", statement(withVerb("http://adlnet.gov/expapi/verbs/completed", "")), STORED, "{}"))
                .isInstanceOf(XapiMapping.NoEvidence.class);
    }

    @Test
    void otherIdentifiersResolveToTheirKinds() {
        var sha = new XapiStatement.Agent(null, null, null, "EBD31E95054C018B10727CCFFD2EF2EC3A016EE9", null, null);
        var account = new XapiStatement.Agent(null, null, null, null, null, new XapiStatement.Account("https://hr.example.com", "E-7"));
        var moodleUsername = new XapiStatement.Agent(null, null, null, null, null,
                new XapiStatement.Account("https://moodle.example.com", "ada"));

        assertThat(mapper.identities(sha)).containsExactly(IdentityRef.of(IdentityKind.XAPI_MBOX_SHA1, "ebd31e95054c018b10727ccffd2ef2ec3a016ee9"));
        assertThat(mapper.identities(account)).containsExactly(IdentityRef.of(IdentityKind.XAPI_ACCOUNT, "https://hr.example.com|E-7"));
        assertThat(mapper.identities(moodleUsername)).contains(IdentityRef.of(IdentityKind.MOODLE_USERNAME, "ada"));
    }

    private static String withVerb(String verb, String more) {
        return """
                {"id":"00000000-0000-4000-8000-000000000003","actor":{"mbox":"mailto:grace@example.com"},"verb":{"id":"%s"},
                 "object":{"id":"https://learn.example.com/x"},"timestamp":"2026-05-01T00:00:00Z"%s}""".formatted(verb, more);
    }

    private LearningSignal signal(String json) throws Exception {
        XapiMapping mapping = map(json);
        assertThat(mapping).isInstanceOf(XapiMapping.Signal.class);
        return ((XapiMapping.Signal) mapping).signal();
    }

    private XapiMapping map(String json) throws Exception {
        return mapper.map("default", statement(json), STORED, json);
    }

    private static XapiStatement statement(String json) throws Exception {
        ObjectNode node = read(json);
        if (!node.has("id")) {
            node.put("id", "00000000-0000-4000-8000-000000000001");
        }
        return JSON.treeToValue(node, XapiStatement.class);
    }

    private static ObjectNode read(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }
}
