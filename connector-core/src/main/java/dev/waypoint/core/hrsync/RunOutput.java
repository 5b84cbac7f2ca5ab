package dev.waypoint.core.hrsync;

import java.util.function.Consumer;

/**
 * A receiver that takes a whole run at once (files, SFTP): called after every batch was planned, with
 * every batch of the run in order. Writing must be all or nothing and may be repeated for a resumed run.
 */
public interface RunOutput {

    String name();

    void write(HrSyncRun run, Batches batches) throws OutputUnavailableException;

    /** The batches of a run, streamed from storage so that a large run never sits in memory at once. */
    interface Batches {
        void forEach(Consumer<HrSyncBatch> batch);
    }
}
