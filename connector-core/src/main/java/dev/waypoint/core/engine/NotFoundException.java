package dev.waypoint.core.engine;

/** Something a caller named does not exist (in their tenant): a person, a role, a dead letter. */
public class NotFoundException extends RuntimeException {

    private final String what;
    private final String id;

    public NotFoundException(String what, String id) {
        super("no " + what + " '" + id + "'");
        this.what = what;
        this.id = id;
    }

    public String what() {
        return what;
    }

    public String id() {
        return id;
    }
}
