package dev.waypoint.app.lti;

import java.time.Instant;
import java.util.List;

/**
 * What a launch established: who (tenant, person), where (context) and as what (roles). A learner sees
 * only their own data, an instructor only their context's learners.
 */
public record LtiSession(String id, String registrationId, String tenantId, String personId, String contextId,
                         String contextTitle, List<String> roles, boolean instructor, String membershipsUrl,
                         Instant expiresAt) {

    public LtiSession {
        roles = List.copyOf(roles);
    }
}
