package dev.waypoint.canvas;

/** A Live Event that cannot be accepted as sent: the field at fault and why. Nothing of it is stored. */
public class CanvasLiveEventRejected extends RuntimeException {

    private final String field;

    public CanvasLiveEventRejected(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
