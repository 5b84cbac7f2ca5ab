package dev.waypoint.moodle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waypoint.core.evidence.LearningSignal;
import dev.waypoint.core.taxonomy.Taxonomy;

import java.time.Instant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A person's competency ratings as Moodle shows them in their learning plans: the plans
 * ({@code core_competency_list_user_plans}), then each plan's competencies with the user competency
 * ({@code core_competency_list_plan_competencies}: {@code usercompetency} while the plan is active,
 * {@code usercompetencyplan} frozen once it is complete). Moodle 4.5 offers no web-service function that
 * lists every rating of a user at once, so this costs one call plus one per plan.
 *
 * <p>A rating becomes a skill level through the framework's scale: the lowest value the framework marks
 * proficient is level 3 (the taxonomy's "practitioner"), each value above it one more, at most 5. Ratings
 * that are not proficient grant nothing, and ratings the web-service user made itself (Waypoint's own
 * competency write-back) are left out, so a write-back never comes back as evidence.
 */
final class MoodleCompetencyRatings {

    static final int PROFICIENT_LEVEL = 3;

    /** One rating; {@link #key()} changes when the grade does, so an unchanged rating is recognised. */
    record Rating(long competencyId, String idnumber, long frameworkId, int grade, boolean proficient,
                  long ratedAt, long ratedBy) {
        String key() {
            return competencyId + ":" + grade;
        }

        String ref() {
            return "moodle:competency:" + (idnumber == null || idnumber.isBlank() ? Long.toString(competencyId) : idnumber);
        }
    }

    private final MoodleCompetencyScale scales;
    private final MoodleMapper mapper = new MoodleMapper();

    MoodleCompetencyRatings(MoodleCompetencyScale scales) {
        this.scales = scales;
    }

    /** Every rated competency of the user (the latest rating where plans share a competency). */
    List<Rating> of(MoodleClient client, long userId) {
        Map<Long, Rating> byCompetency = new TreeMap<>();
        for (JsonNode plan : client.userPlans(userId)) {
            for (JsonNode item : client.planCompetencies(plan.path("id").asLong())) {
                JsonNode rated = item.has("usercompetency") ? item.get("usercompetency") : item.path("usercompetencyplan");
                if (!rated.path("grade").isNumber()) {
                    continue;
                }
                JsonNode competency = item.path("competency");
                Rating rating = new Rating(competency.path("id").asLong(), competency.path("idnumber").asText(""),
                        competency.path("competencyframeworkid").asLong(), rated.path("grade").asInt(),
                        rated.path("proficiency").asBoolean(false), rated.path("timemodified").asLong(0),
                        rated.path("usermodified").asLong(0));
                byCompetency.merge(rating.competencyId(), rating, (a, b) -> a.ratedAt() >= b.ratedAt() ? a : b);
            }
        }
        return new ArrayList<>(byCompetency.values());
    }

    /**
     * The skill a competency stands for: the site's mapping (skill → idnumber, or → id where the competency
     * has no idnumber), else a taxonomy skill whose id is the idnumber.
     */
    static Optional<String> skillOf(Rating rating, MoodleProperties site, Taxonomy taxonomy) {
        for (Map.Entry<String, String> mapped : site.competencies().entrySet()) {
            if (mapped.getValue().equals(rating.idnumber()) || mapped.getValue().equals(Long.toString(rating.competencyId()))) {
                return Optional.of(mapped.getKey());
            }
        }
        return taxonomy.skills().containsKey(rating.idnumber()) ? Optional.of(rating.idnumber()) : Optional.empty();
    }

    /**
     * Sends the proficient ratings not sent before and withdraws those Moodle no longer shows so; answers the
     * keys now on record, or null when a level could not be read (the person is then looked at again).
     */
    Set<String> record(String tenantId, MoodleClient client, Taxonomy taxonomy, JsonNode user, List<Rating> rated,
                       Set<String> sentBefore, long ownUserId, MoodleSyncTally tally, Consumer<LearningSignal> send,
                       Instant now) {
        TreeSet<String> sent = new TreeSet<>();
        boolean clean = true;
        for (Rating rating : rated) {
            if (!rating.proficient() || rating.ratedBy() == ownUserId) {
                continue;
            }
            Optional<String> skill = skillOf(rating, client.site(), taxonomy);
            if (skill.isEmpty()) {
                tally.unmapped.incrementAndGet();
                continue;
            }
            if (!sentBefore.contains(rating.key())) {
                try {
                    send.accept(mapper.competencyRating(tenantId, user, rating, skill.get(), level(client, rating), now));
                } catch (MoodleError e) {
                    clean = false;
                    tally.error("user " + user.path("id").asText() + ", competency " + rating.competencyId() + ": " + e.getMessage());
                    continue;
                }
            }
            sent.add(rating.key());
        }
        if (!clean) {
            return null;
        }
        for (String gone : sentBefore) {
            if (!sent.contains(gone)) {
                send.accept(mapper.competencyRatingWithdrawal(tenantId, user, gone, now));
            }
        }
        return sent;
    }

    /** The level a proficient rating shows, from the framework's lowest proficient scale value. */
    int level(MoodleClient client, Rating rating) {
        int proficient = scales.framework(client, rating.frameworkId()).proficientGrade();
        return Math.min(5, PROFICIENT_LEVEL + Math.max(0, rating.grade() - proficient));
    }
}
