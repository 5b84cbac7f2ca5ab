package dev.waypoint.xapi;

import dev.waypoint.core.evidence.LearningSignal;

/** What one stored statement means for the evidence pipeline (see {@link XapiMapper}). */
public sealed interface XapiMapping {

    /** Evidence: put the signal on the evidence channel. */
    record Signal(LearningSignal signal) implements XapiMapping {
    }

    /** A statement kept as a statement only ("experienced", "attempted", ...): nothing to do, nothing wrong. */
    record NoEvidence(String why) implements XapiMapping {
    }

    /** A verb that should have meant evidence but the statement does not say enough: a dead letter. */
    record Failure(String reason) implements XapiMapping {
    }

    /** A voiding statement: withdraw the evidence of {@code statementId}, if it gave any. */
    record Void(String statementId) implements XapiMapping {
    }

    /** An 'uncompleted': withdraw the actor's latest completion of the same object. */
    record Uncomplete(String actorKey, String objectId) implements XapiMapping {
    }
}
