package dev.waypoint.core.lti;

import java.util.List;
import java.util.Optional;

/**
 * The platforms Waypoint is registered with and their deployments (LTI Core 1.3 §3.1.3 "Deployment").
 */
public interface RegistrationRepository {

    Optional<Registration> find(String issuer, String clientId);

    Optional<Registration> findById(String id);

    /** True when any registration has this issuer: tells "unknown platform" from "unknown client". */
    boolean knowsIssuer(String issuer);

    List<Registration> list();

    /** Stores a new registration; refuses (IllegalStateException) a second one with the same issuer and client. */
    Registration save(Registration registration);

    void activate(String registrationId, boolean active);

    boolean hasDeployment(String registrationId, String deploymentId);

    /**
     * The registrations of this issuer that hold this deployment id: one lookup tells a launch's known
     * deployment from a first-seen one and from one that belongs to another client of the same issuer
     * (Canvas cloud: one issuer, a client id per customer, deployment ids unique across customers).
     */
    List<String> deploymentHolders(String issuer, String deploymentId);

    /** Records a deployment; true when it was new. Canvas sends no deployment id at registration. */
    boolean recordDeployment(String registrationId, String deploymentId);

    List<String> deployments(String registrationId);
}
