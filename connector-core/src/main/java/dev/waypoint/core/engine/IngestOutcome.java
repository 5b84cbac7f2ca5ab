package dev.waypoint.core.engine;

import dev.waypoint.core.evidence.Evidence;
import dev.waypoint.core.identity.Person;
import dev.waypoint.core.readiness.Readiness;

import java.util.List;

/**
 * What became of one signal: the evidence (newly stored, or the one already stored under the same
 * natural key), the person it belongs to, and the readiness scores that changed because of it.
 * A dead-lettered signal carries the letter id and the reason instead.
 */
public record IngestOutcome(Evidence evidence, boolean stored, Person person, boolean personCreated,
                            List<Readiness> changedReadiness, Long deadLetterId, String deadLetterReason) {

    public IngestOutcome {
        changedReadiness = changedReadiness == null ? List.of() : List.copyOf(changedReadiness);
    }

    public static IngestOutcome of(Evidence evidence, boolean stored, Person person, boolean personCreated) {
        return new IngestOutcome(evidence, stored, person, personCreated, List.of(), null, null);
    }

    public static IngestOutcome deadLettered(long letterId, String reason) {
        return new IngestOutcome(null, false, null, false, List.of(), letterId, reason);
    }

    public IngestOutcome withChangedReadiness(List<Readiness> changed) {
        return new IngestOutcome(evidence, stored, person, personCreated, changed, deadLetterId, deadLetterReason);
    }

    public boolean deadLettered() {
        return deadLetterId != null;
    }
}
