package dev.waypoint.moodle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.evidence.LearningSignal;
import dev.waypoint.core.evidence.NaturalKey;
import dev.waypoint.core.identity.IdentityKind;
import dev.waypoint.core.identity.IdentityRef;
import dev.waypoint.core.taxonomy.EvidenceRule;
import dev.waypoint.core.taxonomy.Taxonomy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Moodle's JSON to Waypoint's words: a Moodle user to the identities that link them to a person, a course
 * or badge to the taxonomy's LMS ref ({@code moodle:course:<idnumber, else id>}, {@code moodle:badge:<id>},
 * {@code moodle:activity:<idnumber, else cmid>}), and completions and badges to learning signals.
 * Moodle times are Unix seconds.
 */
public final class MoodleMapper {

    public static final String SOURCE = "moodle";

    /** Every identity the user record carries: id, idnumber, username, email (blank ones left out). */
    public List<IdentityRef> identities(JsonNode user) {
        List<IdentityRef> ids = new ArrayList<>();
        ids.add(IdentityRef.of(IdentityKind.MOODLE_USER_ID, user.path("id").asText()));
        addIfPresent(ids, IdentityKind.MOODLE_IDNUMBER, user.path("idnumber").asText(""));
        addIfPresent(ids, IdentityKind.MOODLE_USERNAME, user.path("username").asText(""));
        addIfPresent(ids, IdentityKind.EMAIL, user.path("email").asText(""));
        return ids;
    }

    private static void addIfPresent(List<IdentityRef> ids, IdentityKind kind, String value) {
        if (!value.isBlank()) {
            ids.add(IdentityRef.of(kind, value));
        }
    }

    public String displayName(JsonNode user) {
        String full = user.path("fullname").asText("");
        return full.isBlank() ? null : full;
    }

    public String courseRef(JsonNode course) {
        return "moodle:course:" + idnumberOrId(course.path("idnumber").asText(""), course.path("id").asText());
    }

    public String badgeRef(JsonNode badge) {
        return "moodle:badge:" + badge.path("id").asText();
    }

    public String activityRef(String idnumber, long cmid) {
        return "moodle:activity:" + idnumberOrId(idnumber == null ? "" : idnumber, Long.toString(cmid));
    }

    private static String idnumberOrId(String idnumber, String id) {
        return idnumber.isBlank() ? id : idnumber.trim();
    }

    /** True when the taxonomy turns a signal on this ref into evidence (an asset or a rule names it). */
    public boolean mapped(Taxonomy taxonomy, String ref) {
        if (taxonomy.assetByLmsRef(ref).isPresent()) {
            return true;
        }
        for (EvidenceRule rule : taxonomy.rules()) {
            if (ref.equals(rule.objectRef())) {
                return true;
            }
        }
        return false;
    }

    /**
     * When the course was completed: the latest {@code timecompleted} of its criteria (the status answer
     * carries no overall time); null when Moodle shows none.
     */
    public Instant completionTime(JsonNode completionStatus) {
        long latest = 0;
        for (JsonNode criterion : completionStatus.path("completionstatus").path("completions")) {
            if (criterion.path("complete").asBoolean(false)) {
                latest = Math.max(latest, criterion.path("timecompleted").asLong(0));
            }
        }
        return latest > 0 ? Instant.ofEpochSecond(latest) : null;
    }

    public LearningSignal courseCompletion(String tenantId, JsonNode user, JsonNode course, Instant completedAt) {
        return new LearningSignal(tenantId, identities(user), displayName(user), EvidenceKind.COURSE_COMPLETION,
                courseRef(course), List.of(), completedAt, null, SOURCE,
                courseCompletionId(course.path("id").asLong(), user.path("id").asLong()), null,
                compact(course, "id", "idnumber", "shortname", "completed", "progress"));
    }

    /**
     * A completed activity ({@code state} 1 complete or 2 complete-pass; 3 complete-fail is not), as the
     * completion kind of the asset it is (an activity asset may be an applied project), dated by its
     * {@code timecompleted}.
     */
    public LearningSignal activityCompletion(String tenantId, JsonNode user, JsonNode status, Taxonomy taxonomy,
                                             Instant fallback) {
        long cmid = status.path("cmid").asLong();
        String ref = activityRef(null, cmid);
        EvidenceKind kind = taxonomy.assetByLmsRef(ref).map(a -> a.completionKind()).orElse(EvidenceKind.ACTIVITY_COMPLETION);
        long completed = status.path("timecompleted").asLong(0);
        return new LearningSignal(tenantId, identities(user), displayName(user), kind, ref, List.of(),
                completed > 0 ? Instant.ofEpochSecond(completed) : fallback, null, SOURCE,
                "activity-completion:" + cmid + ":" + user.path("id").asLong(), null,
                compact(status, "cmid", "modname", "instance", "state", "timecompleted"));
    }

    public static boolean activityCompleted(JsonNode status) {
        int state = status.path("state").asInt(0);
        return state == 1 || state == 2;
    }

    /** Keyed on {@code uniquehash}: one issued badge, whatever else changes on the record. */
    public LearningSignal badge(String tenantId, JsonNode user, JsonNode badge) {
        return new LearningSignal(tenantId, identities(user), displayName(user), EvidenceKind.BADGE,
                badgeRef(badge), List.of(), Instant.ofEpochSecond(badge.path("dateissued").asLong()), null, SOURCE,
                badgeId(badge.path("uniquehash").asText()), null,
                compact(badge, "id", "name", "uniquehash", "dateissued", "dateexpire", "issuername"));
    }

    /** Withdraws a badge Moodle no longer shows (revoked) or that has expired. */
    public LearningSignal badgeWithdrawal(String tenantId, JsonNode user, String uniquehash, Instant at, String why) {
        return new LearningSignal(tenantId, identities(user), displayName(user), EvidenceKind.REVOCATION, null,
                List.of(), at, null, SOURCE, "badge-" + why + ":" + uniquehash,
                NaturalKey.of(SOURCE, badgeId(uniquehash)), "{\"uniquehash\":\"" + uniquehash + "\"}");
    }

    /** A proficient competency rating, as an assessment of the skill the competency stands for. */
    public LearningSignal competencyRating(String tenantId, JsonNode user, MoodleCompetencyRatings.Rating rating,
                                           String skillId, int level, Instant fallback) {
        return new LearningSignal(tenantId, identities(user), displayName(user), EvidenceKind.ASSESSMENT, rating.ref(),
                List.of(new dev.waypoint.core.taxonomy.SkillGrant(skillId, level)),
                rating.ratedAt() > 0 ? Instant.ofEpochSecond(rating.ratedAt()) : fallback, null, SOURCE,
                competencyRatingId(rating.key(), user.path("id").asLong()), null,
                "{\"competencyid\":" + rating.competencyId() + ",\"grade\":" + rating.grade() + ",\"proficiency\":"
                        + rating.proficient() + ",\"timemodified\":" + rating.ratedAt() + "}");
    }

    /** Withdraws a rating Moodle no longer shows at that grade (changed, or no longer proficient). */
    public LearningSignal competencyRatingWithdrawal(String tenantId, JsonNode user, String ratingKey, Instant at) {
        return new LearningSignal(tenantId, identities(user), displayName(user), EvidenceKind.REVOCATION, null,
                List.of(), at, null, SOURCE, "competency-rating-withdrawn:" + ratingKey + ":" + user.path("id").asLong(),
                NaturalKey.of(SOURCE, competencyRatingId(ratingKey, user.path("id").asLong())),
                "{\"rating\":\"" + ratingKey + "\"}");
    }

    static String competencyRatingId(String ratingKey, long userId) {
        return "competency-rating:" + ratingKey + ":" + userId;
    }

    static String courseCompletionId(long courseId, long userId) {
        return "course-completion:" + courseId + ":" + userId;
    }

    static String badgeId(String uniquehash) {
        return "badge:" + uniquehash;
    }

    private static String compact(JsonNode node, String... fields) {
        com.fasterxml.jackson.databind.node.ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (String f : fields) {
            if (node.has(f)) {
                out.set(f, node.get(f));
            }
        }
        return out.toString();
    }
}
