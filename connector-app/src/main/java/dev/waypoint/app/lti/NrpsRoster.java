package dev.waypoint.app.lti;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.core.identity.IdentityKind;
import dev.waypoint.core.identity.IdentityRef;
import dev.waypoint.core.lti.NrpsPage;
import dev.waypoint.core.lti.Registration;
import dev.waypoint.core.lti.RegistrationRepository;
import dev.waypoint.core.store.PersonRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The course roster through Names and Role Provisioning Services 2.0: every page of the context's
 * memberships (following {@code Link rel="next"}), its active learners resolved to people of the
 * tenant by LTI subject and e-mail. A roster that cannot be read leaves the course view with the
 * learners who launched, and a log line.
 */
public class NrpsRoster implements CourseRoster {

    private static final Logger log = LoggerFactory.getLogger(NrpsRoster.class);
    private static final int MAX_PAGES = 50;

    private final PlatformServices services;
    private final RegistrationRepository registrations;
    private final PersonRepository people;
    private final ObjectMapper json = new ObjectMapper();

    public NrpsRoster(PlatformServices services, RegistrationRepository registrations, PersonRepository people) {
        this.services = services;
        this.registrations = registrations;
        this.people = people;
    }

    @Override
    public List<String> learners(LtiSession session) {
        if (session.membershipsUrl() == null) {
            return List.of();
        }
        Registration registration = registrations.findById(session.registrationId()).orElse(null);
        if (registration == null || registration.tokenEndpoint() == null) {
            return List.of();
        }
        try {
            List<String> personIds = new ArrayList<>();
            for (NrpsPage.Member member : members(registration, session.membershipsUrl())) {
                if (member.learns()) {
                    List<IdentityRef> identities = new ArrayList<>();
                    identities.add(IdentityRef.of(IdentityKind.LTI_SUB,
                            LaunchSessions.subjectKey(registration.issuer(), member.userId())));
                    if (member.email() != null && !member.email().isBlank()) {
                        identities.add(IdentityRef.of(IdentityKind.EMAIL, member.email()));
                    }
                    personIds.add(people.resolve(session.tenantId(), identities, member.name()).person().id());
                }
            }
            return personIds;
        } catch (RuntimeException e) {
            log.warn("course roster of registration {} not read: {}", registration.id(), e.getMessage());
            return List.of();
        }
    }

    @SuppressWarnings("unchecked")
    List<NrpsPage.Member> members(Registration registration, String url) {
        String token = services.token(registration, List.of(NrpsPage.SCOPE));
        List<NrpsPage.Member> members = new ArrayList<>();
        String page = url;
        for (int i = 0; page != null && i < MAX_PAGES; i++) {
            PlatformServices.Answer answer = services.get(registration, page, token, NrpsPage.MEDIA_TYPE);
            if (answer.status() != 200) {
                throw new PlatformServices.ServiceFailure("memberships answered HTTP " + answer.status(), true);
            }
            NrpsPage read = NrpsPage.read(json.convertValue(answer.body(), Map.class), answer.link());
            members.addAll(read.members());
            page = read.next();
        }
        return members;
    }
}
