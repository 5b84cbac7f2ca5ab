package dev.waypoint.moodle;

import java.util.Optional;

/** The Moodle site each tenant has configured, as a ready client; empty when the tenant has none. */
public interface MoodleSites {

    Optional<MoodleClient> client(String tenantId);
}
