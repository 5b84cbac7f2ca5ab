package dev.waypoint.core.writeback;

import dev.waypoint.core.identity.Person;
import dev.waypoint.core.readiness.Readiness;
import dev.waypoint.core.store.OutboxRepository.OutboxEntry;

import java.util.List;

/**
 * The port an LMS adapter implements to write results back (an AGS score, a Moodle profile field, a
 * Canvas module). Writing is split in two so nothing is lost: {@link #plan} turns a changed readiness
 * into outbox rows inside Waypoint; {@link #deliver} later sends one row to the LMS, and is retried
 * from the outbox until the LMS accepts it.
 */
public interface WriteBack {

    /** The outbox target this write-back owns, e.g. {@code moodle.profile-field}. */
    String target();

    /** The writes a changed readiness calls for; empty when this LMS has nothing to show for it. */
    List<PlannedWrite> plan(Person person, Readiness readiness);

    /** Sends one write to the LMS; throws {@link WriteBackFailure} when the LMS did not accept it. */
    void deliver(OutboxEntry entry) throws WriteBackFailure;

    /**
     * One write to queue.
     *
     * @param writeKey where the value goes (the same key is overwritten, e.g. "person/role"); a new value
     *                 for a pending key replaces the old one
     */
    record PlannedWrite(String tenantId, String writeKey, String payload) {
    }
}
