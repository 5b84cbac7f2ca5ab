package dev.waypoint.moodle;

import dev.waypoint.core.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import dev.waypoint.core.engine.IngestOutcome;
import dev.waypoint.core.evidence.LearningSignal;
import dev.waypoint.core.ingest.EvidenceSink;
import dev.waypoint.core.store.PersonRepository;
import dev.waypoint.core.taxonomy.Taxonomy;
import dev.waypoint.moodle.MoodleSyncState.PersonState;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pulls evidence from one Moodle site and puts it on the evidence sink. People come from the courses'
 * participant lists (paged); then, per person, one call for all their courses with completion
 * ({@code core_enrol_get_users_courses}) and one for their badges. When both answers hash as last time
 * the person is done: two calls, no writes. Otherwise only what is new is sent: completion times are
 * fetched only for newly completed courses, activity completion only for the courses the site lists for it,
 * badges are keyed on {@code uniquehash}, and a badge that is gone or expired is withdrawn. Objects the taxonomy does not map are counted, not sent.
 *
 * <p>What a site turns on ({@link MoodleOptions}) joins in: a changed learner of an AGS course is linked to
 * its gradebook before their evidence is sent ({@link MoodleGradebookLinks}), competency ratings are read
 * from learning plans ({@link MoodleCompetencyRatings}) and join the hash, and the badges of a changed
 * person are checked against their hosted assertions ({@link MoodleBadgeAssertions}).
 *
 * <p>A failure on one course or one person is recorded in the report and the sync goes on; that
 * person's hash is not saved, so the next sync looks at them again.
 */
public final class MoodleEvidenceSource {

    private final MoodleMapper mapper = new MoodleMapper();
    private final MoodleBadgeAssertions assertions = new MoodleBadgeAssertions();
    private final MoodleCompetencyRatings ratings = new MoodleCompetencyRatings(new MoodleCompetencyScale());
    private final EvidenceSink sink;
    private final MoodleSyncState state;
    private final PersonRepository people;
    private final Clock clock;
    private final MoodleGradebookLinks gradebooks;

    /**
     * @param people where a Moodle user seen for the first time is linked to a person (id, idnumber,
     *               username, email) even before any evidence, so write-back can reach them; null: only
     *               people with evidence are linked (through the signals)
     */
    public MoodleEvidenceSource(EvidenceSink sink, MoodleSyncState state, PersonRepository people, Clock clock) {
        this(sink, state, people, clock, MoodleGradebookLinks.NONE);
    }

    /** @param gradebooks told which AGS courses a changed person is enrolled in (see {@link MoodleOptions#agsCourseIds()}) */
    public MoodleEvidenceSource(EvidenceSink sink, MoodleSyncState state, PersonRepository people, Clock clock,
                                MoodleGradebookLinks gradebooks) {
        this.sink = sink;
        this.state = state;
        this.people = people;
        this.clock = clock;
        this.gradebooks = gradebooks;
    }

    public MoodleSyncReport sync(String tenantId, MoodleClient client, Taxonomy taxonomy) {
        Instant started = clock.instant();
        long callsBefore = client.httpCalls();
        MoodleSyncTally tally = new MoodleSyncTally();
        Map<Long, JsonNode> users = participants(client, tally);
        Map<Long, PersonState> known = state.all(tenantId);
        long ownUserId = client.site().options().competencyRatings() && !tally.stopped() ? ownUserId(client, tally) : 0;
        ExecutorService workers = Executors.newFixedThreadPool(client.site().concurrency());
        try {
            for (JsonNode user : users.values()) {
                workers.submit(() -> {
                    try {
                        syncPerson(tenantId, client, taxonomy, user, known, ownUserId, tally);
                    } catch (RuntimeException unexpected) {
                        tally.error("user " + user.path("id").asText() + ": " + unexpected);
                    }
                });
            }
        } finally {
            workers.shutdown();
            awaitQuietly(workers);
        }
        return new MoodleSyncReport(tenantId, started, clock.instant(), users.size(), tally.unchanged.get(),
                tally.stored.get(), tally.duplicates.get(), tally.deadLettered.get(), tally.unmapped.get(),
                client.httpCalls() - callsBefore, tally.errors(), tally.warnings());
    }

    private Map<Long, JsonNode> participants(MoodleClient client, MoodleSyncTally tally) {
        Map<Long, JsonNode> users = new LinkedHashMap<>();
        List<Long> courseIds = client.site().courseIds();
        if (courseIds.isEmpty()) {
            courseIds = new ArrayList<>();
            try {
                for (JsonNode course : client.courses()) {
                    if (!"site".equals(course.path("format").asText())) {
                        courseIds.add(course.path("id").asLong());
                    }
                }
            } catch (MoodleError e) {
                tally.stop(e.getMessage());
                return users;
            }
        }
        int pageSize = client.site().pageSize();
        for (long courseId : courseIds) {
            try {
                for (int from = 0; ; from += pageSize) {
                    JsonNode page = client.enrolledUsers(courseId, from, pageSize);
                    page.forEach(u -> users.putIfAbsent(u.path("id").asLong(), u));
                    if (page.size() < pageSize) {
                        break;
                    }
                }
            } catch (MoodleError e) {
                if (siteWide(e)) {
                    tally.stop(e.getMessage());
                    return users;
                }
                tally.error("course " + courseId + ": " + e.getMessage());
            }
        }
        return users;
    }

    /** The web-service user, whose own ratings are Waypoint's write-back and not evidence; -1 when unknown. */
    private static long ownUserId(MoodleClient client, MoodleSyncTally tally) {
        try {
            return client.siteInfo().path("userid").asLong(-1);
        } catch (MoodleError e) {
            tally.error("competency ratings: " + e.getMessage());
            return -1;
        }
    }

    private void syncPerson(String tenantId, MoodleClient client, Taxonomy taxonomy, JsonNode user,
                            Map<Long, PersonState> known, long ownUserId, MoodleSyncTally tally) {
        long userId = user.path("id").asLong();
        if (tally.stopped()) {
            return;
        }
        PersonState before = known.getOrDefault(userId, PersonState.empty());
        JsonNode courses;
        JsonNode badges;
        List<MoodleCompetencyRatings.Rating> rated = List.of();
        try {
            courses = client.usersCourses(userId);
            JsonNode badgeAnswer = client.userBadges(userId);
            badges = badgeAnswer.path("badges");
            MoodleClient.warnings(badgeAnswer).forEach(w -> tally.warning("user " + userId
                    + ": core_badges_get_user_badges warned " + w));
            if (client.site().options().competencyRatings()) {
                rated = ratings.of(client, userId);
            }
        } catch (MoodleError e) {
            if (siteWide(e)) {
                tally.stop(e.getMessage());
            } else {
                tally.error("user " + userId + ": " + e.getMessage());
            }
            return;
        }
        if (people != null && !known.containsKey(userId)) {
            people.resolve(tenantId, mapper.identities(user), mapper.displayName(user));
        }
        MoodleProperties site = client.site();
        String hash = hash(taxonomy.version(), courses, badges, site.activityCourseIds(), site.options().agsCourseIds(), rated);
        if (hash.equals(before.answerHash())) {
            tally.unchanged.incrementAndGet();
            return;
        }
        linkGradebooks(tenantId, site, user, courses);
        boolean clean = true;
        TreeSet<Long> completed = new TreeSet<>(before.completedCourseIds());
        for (JsonNode course : courses) {
            long courseId = course.path("id").asLong();
            if (!course.path("completed").asBoolean(false) || completed.contains(courseId)) {
                continue;
            }
            if (!mapper.mapped(taxonomy, mapper.courseRef(course))) {
                tally.unmapped.incrementAndGet();
                continue;
            }
            try {
                // Without criteria Moodle keeps no completion time (only a manual mark): the sync time stands in.
                Instant at = course.path("completionhascriteria").asBoolean(true)
                        ? mapper.completionTime(client.courseCompletionStatus(courseId, userId)) : null;
                send(mapper.courseCompletion(tenantId, user, course, at == null ? clock.instant() : at), tally);
                completed.add(courseId);
            } catch (MoodleError e) {
                clean = false;
                tally.error("user " + userId + ", course " + courseId + ": " + e.getMessage());
            }
        }
        TreeSet<Long> activities = new TreeSet<>(before.completedActivityIds());
        for (JsonNode course : courses) {
            long courseId = course.path("id").asLong();
            if (!client.site().activityCourseIds().contains(courseId)) {
                continue;
            }
            try {
                for (JsonNode status : client.activitiesCompletionStatus(courseId, userId).path("statuses")) {
                    long cmid = status.path("cmid").asLong();
                    if (!MoodleMapper.activityCompleted(status) || activities.contains(cmid)) {
                        continue;
                    }
                    if (!mapper.mapped(taxonomy, mapper.activityRef(null, cmid))) {
                        tally.unmapped.incrementAndGet();
                        continue;
                    }
                    send(mapper.activityCompletion(tenantId, user, status, taxonomy, clock.instant()), tally);
                    activities.add(cmid);
                }
            } catch (MoodleError e) {
                clean = false;
                tally.error("user " + userId + ", activities of course " + courseId + ": " + e.getMessage());
            }
        }
        TreeSet<String> seenBadges = new TreeSet<>();
        Instant now = clock.instant();
        for (JsonNode badge : badges) {
            String uniquehash = badge.path("uniquehash").asText();
            if (!mapper.mapped(taxonomy, mapper.badgeRef(badge))) {
                tally.unmapped.incrementAndGet();
                continue;
            }
            long expires = badge.path("dateexpire").asLong(0);
            if (expires > 0 && Instant.ofEpochSecond(expires).isBefore(now)) {
                if (before.badgeHashes().contains(uniquehash)) {
                    send(mapper.badgeWithdrawal(tenantId, user, uniquehash, Instant.ofEpochSecond(expires), "expired"), tally);
                }
                continue;
            }
            if (site.options().badgeAssertions()) {
                MoodleBadgeAssertions.Verdict verdict;
                try {
                    verdict = assertions.verify(client, badge, user.path("email").asText(""), now);
                } catch (MoodleError e) {
                    clean = false;
                    tally.error("user " + userId + ", badge " + uniquehash + ": " + e.getMessage());
                    if (before.badgeHashes().contains(uniquehash)) {
                        seenBadges.add(uniquehash);
                    }
                    continue;
                }
                if (verdict.outcome() != MoodleBadgeAssertions.Outcome.VALID) {
                    tally.warning("user " + userId + ", badge " + uniquehash + ": " + verdict.reason());
                    boolean sent = before.badgeHashes().contains(uniquehash);
                    if (verdict.outcome() == MoodleBadgeAssertions.Outcome.MISMATCH) {
                        clean = false; // looked at again next sync, in case the cause is fixed
                        if (sent) {
                            seenBadges.add(uniquehash); // a doubt, not a withdrawal: kept, and named in the report
                        }
                    } else if (sent) {
                        send(mapper.badgeWithdrawal(tenantId, user, uniquehash, now,
                                verdict.outcome() == MoodleBadgeAssertions.Outcome.REVOKED ? "revoked" : "expired"), tally);
                    }
                    continue;
                }
            }
            seenBadges.add(uniquehash);
            if (!before.badgeHashes().contains(uniquehash)) {
                send(mapper.badge(tenantId, user, badge), tally);
            }
        }
        for (String gone : before.badgeHashes()) {
            if (!seenBadges.contains(gone) && badges.findValues("uniquehash").stream().noneMatch(h -> h.asText().equals(gone))) {
                send(mapper.badgeWithdrawal(tenantId, user, gone, now, "revoked"), tally);
            }
        }
        java.util.Set<String> ratingKeys = ratings.record(tenantId, client, taxonomy, user, rated, before.ratingKeys(),
                ownUserId, tally, signal -> send(signal, tally), now);
        clean &= ratingKeys != null;
        state.save(tenantId, userId, new PersonState(clean ? hash : null, completed, seenBadges, activities,
                ratingKeys == null ? before.ratingKeys() : ratingKeys));
    }

    /** Before any evidence is sent, so that the readiness it changes is planned for these gradebooks too. */
    private void linkGradebooks(String tenantId, MoodleProperties site, JsonNode user, JsonNode courses) {
        List<Long> agsCourses = site.options().agsCourseIds();
        if (agsCourses.isEmpty() || people == null || !learner(user)) {
            return;
        }
        List<Long> enrolled = new ArrayList<>();
        courses.forEach(course -> {
            if (agsCourses.contains(course.path("id").asLong())) {
                enrolled.add(course.path("id").asLong());
            }
        });
        if (!enrolled.isEmpty()) {
            String personId = people.resolve(tenantId, mapper.identities(user), mapper.displayName(user)).person().id();
            gradebooks.enrolled(tenantId, site, personId, user.path("id").asLong(), enrolled);
        }
    }

    /** A participant with roles none of which is a student's (a teacher) has no grade to show. */
    private static boolean learner(JsonNode user) {
        JsonNode roles = user.path("roles");
        if (!roles.isArray() || roles.isEmpty()) {
            return true;
        }
        for (JsonNode role : roles) {
            if ("student".equals(role.path("shortname").asText())) {
                return true;
            }
        }
        return false;
    }

    /** A wrong token or a function missing from the service fails every call alike: one error, and stop. */
    private static boolean siteWide(MoodleError e) {
        return e.kind() == MoodleError.Kind.INVALID_TOKEN || e.kind() == MoodleError.Kind.FUNCTION_NOT_ALLOWED;
    }

    private void send(LearningSignal signal, MoodleSyncTally tally) {
        IngestOutcome outcome = sink.accept(signal);
        if (outcome.deadLettered()) {
            tally.deadLettered.incrementAndGet();
        } else if (outcome.stored()) {
            tally.stored.incrementAndGet();
        } else {
            tally.duplicates.incrementAndGet();
        }
    }

    /**
     * The parts of the two answers that can change evidence (progress percentages are left out), and the
     * taxonomy version: a new taxonomy may map what was skipped before, so everyone is looked at once.
     */
    static String hash(String taxonomyVersion, JsonNode courses, JsonNode badges, List<Long> activityCourseIds,
                       List<Long> agsCourseIds, List<MoodleCompetencyRatings.Rating> rated) {
        StringBuilder canonical = new StringBuilder("taxonomy|" + taxonomyVersion + "\n");
        // a course newly listed for AGS must be looked at once, to link its learners' gradebooks
        if (!agsCourseIds.isEmpty()) {
            canonical.append("ags|").append(new TreeSet<>(agsCourseIds)).append('\n');
        }
        List<String> lines = new ArrayList<>();
        // where activities are pulled, progress is how Moodle shows that one more was completed
        courses.forEach(c -> lines.add("c|" + c.path("id").asText() + "|" + c.path("idnumber").asText("")
                + "|" + c.path("completed").asBoolean(false)
                + (activityCourseIds.contains(c.path("id").asLong()) ? "|" + c.path("progress").asText("") : "")));
        badges.forEach(b -> lines.add("b|" + b.path("id").asText() + "|" + b.path("uniquehash").asText()
                + "|" + b.path("dateissued").asText() + "|" + b.path("dateexpire").asText("")));
        rated.forEach(r -> lines.add("r|" + r.key() + "|" + r.proficient() + "|" + r.ratedBy()));
        lines.stream().sorted().forEach(l -> canonical.append(l).append('\n'));
        return Sha256.hex(canonical.toString());
    }

    private static void awaitQuietly(ExecutorService workers) {
        try {
            if (!workers.awaitTermination(6, TimeUnit.HOURS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
