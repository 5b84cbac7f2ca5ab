package dev.waypoint.moodle;

import java.util.Map;
import java.util.Set;

/**
 * What the last sync saw of each Moodle user of a tenant, so that an unchanged person costs no writes:
 * a hash of their courses-and-badges answer, the courses and activities (by cmid) already recorded as
 * completed, the badges already recorded (by {@code uniquehash}), which also tells a revoked badge
 * from a new one, and the competency ratings already recorded.
 */
public interface MoodleSyncState {

    /** Every known user of the tenant, by Moodle user id (read once per sync, not once per person). */
    Map<Long, PersonState> all(String tenantId);

    void save(String tenantId, long moodleUserId, PersonState state);

    /**
     * @param answerHash null when the last pass had errors, so the next sync looks again
     * @param ratingKeys the proficient competency ratings already sent ({@code <competency id>:<grade>})
     */
    record PersonState(String answerHash, Set<Long> completedCourseIds, Set<String> badgeHashes,
                       Set<Long> completedActivityIds, Set<String> ratingKeys) {
        public PersonState {
            completedCourseIds = Set.copyOf(completedCourseIds);
            badgeHashes = Set.copyOf(badgeHashes);
            completedActivityIds = completedActivityIds == null ? Set.of() : Set.copyOf(completedActivityIds);
            ratingKeys = ratingKeys == null ? Set.of() : Set.copyOf(ratingKeys);
        }

        public PersonState(String answerHash, Set<Long> completedCourseIds, Set<String> badgeHashes,
                           Set<Long> completedActivityIds) {
            this(answerHash, completedCourseIds, badgeHashes, completedActivityIds, Set.of());
        }

        public static PersonState empty() {
            return new PersonState(null, Set.of(), Set.of(), Set.of(), Set.of());
        }
    }

    /** Kept in memory: for tests and the benchmark. */
    final class InMemory implements MoodleSyncState {
        private final Map<String, Map<Long, PersonState>> byTenant = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public Map<Long, PersonState> all(String tenantId) {
            return Map.copyOf(byTenant.getOrDefault(tenantId, Map.of()));
        }

        @Override
        public void save(String tenantId, long moodleUserId, PersonState state) {
            byTenant.computeIfAbsent(tenantId, t -> new java.util.concurrent.ConcurrentHashMap<>()).put(moodleUserId, state);
        }
    }
}
