package dev.waypoint.core.engine;

/**
 * A signal the taxonomy cannot turn into evidence (an unmapped course, an unknown skill). From the API
 * it is the client's error; from a poller it goes to the dead letters until an admin maps the object
 * and replays it.
 */
public class UnmappedSignalException extends RuntimeException {

    public UnmappedSignalException(String reason) {
        super(reason);
    }
}
