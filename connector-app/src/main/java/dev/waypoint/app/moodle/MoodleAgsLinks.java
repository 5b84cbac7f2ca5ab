package dev.waypoint.app.moodle;

import dev.waypoint.app.lti.LearnerPages;
import dev.waypoint.app.lti.store.JdbcAgsLinks;
import dev.waypoint.core.identity.Person;
import dev.waypoint.core.lti.Registration;
import dev.waypoint.core.lti.RegistrationRepository;
import dev.waypoint.core.store.PersonRepository;
import dev.waypoint.core.writeback.WriteBackDispatcher;
import dev.waypoint.moodle.MoodleGradebookLinks;
import dev.waypoint.moodle.MoodleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Gives synced Moodle learners the same AGS links a launch gives (LTI AGS 2.0 §3.1 "lineitems" endpoint),
 * so that {@code AgsWriteBack} scores them without a second AGS client. Moodle's line-items container of a
 * course is {@code <site>/mod/lti/services.php/<course id>/lineitems?type_id=<deployment id>} (the deployment
 * id is the tool type id) and the AGS {@code userId} is the Moodle user id, which is also Moodle's LTI
 * {@code sub}. The registration is the tenant's active one whose issuer is the site's base URL.
 */
public class MoodleAgsLinks implements MoodleGradebookLinks {

    private static final Logger log = LoggerFactory.getLogger(MoodleAgsLinks.class);

    private final RegistrationRepository registrations;
    private final JdbcAgsLinks links;
    private final PersonRepository people;
    private final ObjectProvider<WriteBackDispatcher> writeBack;
    private final ObjectProvider<LearnerPages> learnerPages;
    private final Clock clock;

    public MoodleAgsLinks(RegistrationRepository registrations, JdbcAgsLinks links, PersonRepository people,
                          ObjectProvider<WriteBackDispatcher> writeBack, ObjectProvider<LearnerPages> learnerPages,
                          Clock clock) {
        this.registrations = registrations;
        this.links = links;
        this.people = people;
        this.writeBack = writeBack;
        this.learnerPages = learnerPages;
        this.clock = clock;
    }

    @Override
    public void enrolled(String tenantId, MoodleProperties site, String personId, long moodleUserId, List<Long> courseIds) {
        Optional<Registration> registration = registrationOf(tenantId, site.baseUrl());
        if (registration.isEmpty()) {
            return;
        }
        List<String> deployments = registrations.deployments(registration.get().id());
        if (deployments.size() != 1) {
            log.warn("moodle site {} of tenant {}: registration {} has {} deployments, so the tool type id of the "
                            + "AGS line items is unknown; readiness grades wait for a launch", site.baseUrl(), tenantId,
                    registration.get().id(), deployments.size());
            return;
        }
        for (long courseId : courseIds) {
            links.link(registration.get().id(), Long.toString(courseId), personId, tenantId, Long.toString(moodleUserId),
                    lineItemsUrl(site.baseUrl(), courseId, deployments.get(0)), clock.instant());
        }
        // The gradebook now shows readiness: queue what the person has today, as a first launch does.
        WriteBackDispatcher dispatcher = writeBack.getIfAvailable();
        Optional<Person> person = people.find(tenantId, personId);
        if (dispatcher != null && person.isPresent()) {
            learnerPages.getObject().scores(tenantId, personId).forEach(r -> dispatcher.enqueue(person.get(), r));
        }
    }

    static String lineItemsUrl(String baseUrl, long courseId, String deploymentId) {
        return baseUrl + "/mod/lti/services.php/" + courseId + "/lineitems?type_id="
                + java.net.URLEncoder.encode(deploymentId, java.nio.charset.StandardCharsets.UTF_8);
    }

    private Optional<Registration> registrationOf(String tenantId, String baseUrl) {
        List<Registration> matching = registrations.list().stream()
                .filter(r -> r.active() && r.tenantId().equals(tenantId) && sameSite(r.issuer(), baseUrl))
                .toList();
        if (matching.size() > 1) {
            log.warn("tenant {} has {} active LTI registrations for {}; AGS grades of synced learners use the first",
                    tenantId, matching.size(), baseUrl);
        }
        return matching.stream().findFirst();
    }

    /** Moodle's issuer is its wwwroot, which is what an admin gives as the base URL. */
    private static boolean sameSite(String issuer, String baseUrl) {
        String a = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return a.equalsIgnoreCase(baseUrl);
    }
}
