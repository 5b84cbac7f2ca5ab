package dev.waypoint.app.lti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.app.lti.store.JdbcAgsLinks;
import dev.waypoint.core.engine.LearningPaths;
import dev.waypoint.core.identity.Person;
import dev.waypoint.core.lti.AgsRequests;
import dev.waypoint.core.lti.Registration;
import dev.waypoint.core.lti.RegistrationRepository;
import dev.waypoint.core.pathing.LearningPath;
import dev.waypoint.core.readiness.Readiness;
import dev.waypoint.core.store.OutboxRepository.OutboxEntry;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import dev.waypoint.core.taxonomy.Role;
import dev.waypoint.core.writeback.WriteBack;
import dev.waypoint.core.writeback.WriteBackFailure;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Readiness as an AGS score (Assignment and Grade Services 2.0): one line item "Readiness: <role>" per
 * course and role, found by its tag or created once, then a FullyGraded score out of 100 with the path
 * summary as the comment. Planned for every course the person launched Waypoint from with AGS offered.
 * Score timestamps only move forward: Moodle refuses (409) a score not strictly later than the last.
 * The paths come through a supplier because the engine that plans them is itself fed by write-backs.
 */
public class AgsWriteBack implements WriteBack {

    public static final String TARGET = "lti.ags";
    private static final int MAX_PAGES = 20;

    private final JdbcAgsLinks links;
    private final RegistrationRepository registrations;
    private final PlatformServices services;
    private final ActiveTaxonomy taxonomy;
    private final Supplier<LearningPaths> paths;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public AgsWriteBack(JdbcAgsLinks links, RegistrationRepository registrations, PlatformServices services,
                        ActiveTaxonomy taxonomy, Supplier<LearningPaths> paths, Clock clock) {
        this.links = links;
        this.registrations = registrations;
        this.services = services;
        this.taxonomy = taxonomy;
        this.paths = paths;
        this.clock = clock;
    }

    @Override
    public String target() {
        return TARGET;
    }

    @Override
    public List<PlannedWrite> plan(Person person, Readiness readiness) {
        List<JdbcAgsLinks.AgsLink> targets = links.linksOf(person.tenantId(), person.id());
        if (targets.isEmpty()) {
            return List.of();
        }
        String roleName = taxonomy.current().flatMap(t -> t.role(readiness.roleId())).map(Role::name).orElse(readiness.roleId());
        String comment = summary(person, readiness);
        List<PlannedWrite> writes = new ArrayList<>();
        for (JdbcAgsLinks.AgsLink link : targets) {
            Map<String, Object> payload = Map.of("registrationId", link.registrationId(), "lineItemsUrl", link.lineItemsUrl(),
                    "userId", link.ltiUserId(), "roleId", readiness.roleId(), "roleName", roleName,
                    "score", readiness.score(), "comment", comment);
            writes.add(new PlannedWrite(person.tenantId(), String.join("|", "ags", link.registrationId(),
                    link.contextId(), link.ltiUserId(), readiness.roleId()), write(payload)));
        }
        return writes;
    }

    @Override
    public void deliver(OutboxEntry entry) throws WriteBackFailure {
        JsonNode payload = read(entry.payload());
        Registration registration = registrations.findById(payload.path("registrationId").asText())
                .orElseThrow(() -> new WriteBackFailure("registration no longer exists", false));
        String lineItems = payload.path("lineItemsUrl").asText();
        String roleId = payload.path("roleId").asText();
        String userId = payload.path("userId").asText();
        try {
            String token = services.token(registration, List.of(AgsRequests.SCOPE_LINE_ITEM, AgsRequests.SCOPE_SCORE));
            String lineItem = lineItem(registration, token, lineItems, roleId, payload.path("roleName").asText());
            Instant timestamp = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Instant last = links.lastScore(lineItem, userId).orElse(null);
            if (last != null && !timestamp.isAfter(last)) {
                timestamp = last.plusSeconds(1);
            }
            PlatformServices.Answer answer = services.post(registration, AgsRequests.scoresUrl(lineItem), token,
                    AgsRequests.SCORE_TYPE, AgsRequests.score(userId, payload.path("score").asInt(),
                            payload.path("comment").asText(), timestamp));
            if (answer.status() >= 200 && answer.status() < 300) {
                links.scoreSent(lineItem, userId, timestamp);
                return;
            }
            if (answer.status() == 409) {
                links.scoreSent(lineItem, userId, timestamp);
                throw new WriteBackFailure("platform holds a newer score; will send a later timestamp", true);
            }
            if (answer.status() == 404) {
                links.forgetLineItem(registration.id(), lineItems, roleId);
                throw new WriteBackFailure("line item gone; will find or create it again", true);
            }
            if (answer.status() == 401) {
                services.forgetTokens(registration);
            }
            throw new WriteBackFailure("score refused with HTTP " + answer.status(),
                    answer.status() == 401 || answer.status() == 429 || answer.status() >= 500);
        } catch (PlatformServices.ServiceFailure e) {
            throw new WriteBackFailure(e.getMessage(), e.retryable(), e);
        }
    }

    private String lineItem(Registration registration, String token, String lineItems, String roleId, String roleName)
            throws WriteBackFailure {
        var known = links.lineItem(registration.id(), lineItems, roleId);
        if (known.isPresent()) {
            return known.get();
        }
        String page = lineItems;
        for (int i = 0; page != null && i < MAX_PAGES; i++) {
            PlatformServices.Answer answer = services.get(registration, page, token, AgsRequests.LINE_ITEM_CONTAINER_TYPE);
            if (answer.status() != 200 || !answer.body().isArray()) {
                throw new WriteBackFailure("line items answered HTTP " + answer.status(), answer.status() >= 500
                        || answer.status() == 429 || answer.status() == 401);
            }
            List<Map<String, Object>> items = json.convertValue(answer.body(), List.class);
            var found = AgsRequests.find(items, roleId);
            if (found.isPresent()) {
                links.rememberLineItem(registration.id(), lineItems, roleId, found.get(), clock.instant());
                return found.get();
            }
            page = dev.waypoint.core.lti.NrpsPage.read(Map.of(), answer.link()).next();
        }
        PlatformServices.Answer created = services.post(registration, lineItems, token, AgsRequests.LINE_ITEM_TYPE,
                AgsRequests.lineItem(roleId, roleName));
        if ((created.status() != 200 && created.status() != 201) || !created.body().hasNonNull("id")) {
            throw new WriteBackFailure("line item creation answered HTTP " + created.status(),
                    created.status() >= 500 || created.status() == 429 || created.status() == 401);
        }
        String url = created.body().get("id").asText();
        links.rememberLineItem(registration.id(), lineItems, roleId, url, clock.instant());
        return url;
    }

    private String summary(Person person, Readiness readiness) {
        StringBuilder text = new StringBuilder("Readiness " + readiness.score() + "/100 (" + readiness.band() + ").");
        if (!readiness.blockingSkills().isEmpty()) {
            text.append(" Must-have below half: ").append(String.join(", ", readiness.blockingSkills())).append('.');
        }
        try {
            LearningPath path = paths.get().plan(person.tenantId(), person.id(), readiness.roleId());
            String next = path.steps().stream().limit(3).map(step -> step.name() + " by " + step.dueOn())
                    .collect(Collectors.joining("; "));
            if (!next.isEmpty()) {
                text.append(" Next: ").append(next).append(" (").append(path.steps().size()).append(" steps, ")
                        .append(Math.round(path.totalHours())).append(" h).");
            }
        } catch (RuntimeException e) {
            // The score is worth writing even when no path can be planned (e.g. a role without assets).
        }
        return text.toString();
    }

    private String write(Map<String, Object> payload) {
        try {
            return json.writeValueAsString(new java.util.TreeMap<>(payload));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String payload) throws WriteBackFailure {
        try {
            return json.readTree(payload);
        } catch (IOException e) {
            throw new WriteBackFailure("unreadable AGS payload", false, e);
        }
    }
}
