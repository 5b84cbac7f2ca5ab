package dev.waypoint.core.hrsync;

/**
 * One planned batch of a run: its number, the idempotency key (run id + batch number, so a resumed run
 * re-sends a batch under the key it had) and the exact JSON body a receiver gets.
 */
public record HrSyncBatch(String runId, int batchNo, String idempotencyKey, State state, int recordCount,
                          int upserts, int removes, String body, String error) {

    /** PENDING until every batch output took it (SENT) or one refused it for good (REJECTED). */
    public enum State { PENDING, SENT, REJECTED }

    public static String idempotencyKey(String runId, int batchNo) {
        return runId + "-" + batchNo;
    }
}
