package dev.waypoint.app.lti;

import dev.waypoint.core.RandomTokens;
import dev.waypoint.app.lti.store.JdbcAgsLinks;
import dev.waypoint.app.lti.store.JdbcLtiSessions;
import dev.waypoint.core.identity.Person;
import dev.waypoint.core.lti.AgsRequests;
import dev.waypoint.core.writeback.WriteBackDispatcher;
import org.springframework.beans.factory.ObjectProvider;
import dev.waypoint.core.identity.IdentityKind;
import dev.waypoint.core.identity.IdentityRef;
import dev.waypoint.core.identity.LtiSubject;
import dev.waypoint.core.lti.LaunchMessage;
import dev.waypoint.core.store.PersonRepository;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a validated launch into a session bound to (tenant, person, context, roles). The person is
 * resolved through the identity map with the LTI subject, written {@code <issuer>#<sub>} because a sub
 * is unique only within its platform and one tenant may one day hold several platforms, and the
 * e-mail when the platform shares it (so evidence from Moodle web services or xAPI lands on the same person).
 */
@Component
public class LaunchSessions {


    private final PersonRepository people;
    private final JdbcLtiSessions sessions;
    private final JdbcAgsLinks agsLinks;
    private final ObjectProvider<WriteBackDispatcher> writeBack;
    private final ObjectProvider<LearnerPages> learnerPages;
    private final LtiProperties properties;
    private final Clock clock;

    public LaunchSessions(PersonRepository people, JdbcLtiSessions sessions, JdbcAgsLinks agsLinks,
                          ObjectProvider<WriteBackDispatcher> writeBack, ObjectProvider<LearnerPages> learnerPages,
                          LtiProperties properties, Clock clock) {
        this.people = people;
        this.sessions = sessions;
        this.agsLinks = agsLinks;
        this.writeBack = writeBack;
        this.learnerPages = learnerPages;
        this.properties = properties;
        this.clock = clock;
    }

    public LtiSession open(LaunchMessage launch) {
        String tenantId = launch.registration().tenantId();
        List<IdentityRef> identities = new ArrayList<>();
        identities.add(IdentityRef.of(IdentityKind.LTI_SUB, subjectKey(launch.registration().issuer(), launch.subject())));
        if (launch.email() != null) {
            identities.add(IdentityRef.of(IdentityKind.EMAIL, launch.email()));
        }
        String personId = known(tenantId, identities, launch.name())
                .orElseGet(() -> people.resolve(tenantId, identities, launch.name()).person().id());
        LtiSession session = new LtiSession(RandomTokens.urlSafe(32),
                launch.registration().id(), tenantId, personId, launch.contextId(), launch.contextTitle(),
                launch.roles(), launch.teaches(), launch.membershipsUrl(),
                clock.instant().plus(properties.sessionLifetime()));
        sessions.save(session, clock.instant());
        if (!session.instructor() && launch.contextId() != null && launch.agsLineItems() != null
                && launch.agsScopes().contains(AgsRequests.SCOPE_LINE_ITEM) && launch.agsScopes().contains(AgsRequests.SCOPE_SCORE)) {
            boolean firstInCourse = agsLinks.link(launch.registration().id(), launch.contextId(), personId, tenantId,
                    launch.subject(), launch.agsLineItems(), clock.instant());
            // The course now shows the learner's readiness as a grade: queue what they have today. Later
            // launches need not: every changed score is queued by the recompute that changed it.
            WriteBackDispatcher dispatcher = writeBack.getIfAvailable();
            if (firstInCourse && dispatcher != null) {
                Person person = people.find(tenantId, personId).orElseThrow();
                learnerPages.getObject().scores(tenantId, personId).forEach(r -> dispatcher.enqueue(person, r));
            }
        }
        return session;
    }

    /**
     * The person every identity of this launch already names, read without the resolution's transaction
     * and row lock: after their first launch this is every launch of a learner. Anything new to link or
     * a name to fill goes through {@link PersonRepository#resolve}.
     */
    private Optional<String> known(String tenantId, List<IdentityRef> identities, String name) {
        return people.holder(tenantId, identities.get(0))
                .filter(holder -> holder.displayName() != null || name == null)
                .filter(holder -> holder.identities().containsAll(identities))
                .map(PersonRepository.Holder::personId);
    }

    public Optional<LtiSession> find(String id) {
        return id == null ? Optional.empty() : sessions.find(id, clock.instant());
    }

    public List<String> learnersOf(LtiSession session) {
        return session.contextId() == null ? List.of() : sessions.learnersOf(session.registrationId(), session.contextId());
    }

    public static String subjectKey(String issuer, String sub) {
        return LtiSubject.key(issuer, sub);
    }
}
