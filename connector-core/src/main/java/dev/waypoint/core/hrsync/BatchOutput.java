package dev.waypoint.core.hrsync;

/**
 * A receiver that takes the run batch by batch (the HR endpoint). It must treat the batch's idempotency
 * key as the identity of the batch: a resumed run sends a batch that may already have arrived again
 * under the same key.
 */
public interface BatchOutput {

    String name();

    /**
     * @return accepted, or refused for good with the receiver's reason (not retried in this run)
     * @throws OutputUnavailableException when the receiver cannot be reached now (the run stops and resumes later)
     */
    Delivery deliver(String tenantId, HrSyncBatch batch) throws OutputUnavailableException;

    /** The receiver's answer to one batch. */
    record Delivery(boolean accepted, String reason) {
        public static final Delivery ACCEPTED = new Delivery(true, null);

        public static Delivery refused(String reason) {
            return new Delivery(false, reason);
        }
    }
}
