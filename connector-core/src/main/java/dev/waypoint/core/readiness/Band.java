package dev.waypoint.core.readiness;

/** Readiness bands as learners and managers see them. Thresholds come from {@link ReadinessModel}. */
public enum Band {
    READY("ready"), NEARLY("nearly"), DEVELOPING("developing");

    private final String wireName;

    Band(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
