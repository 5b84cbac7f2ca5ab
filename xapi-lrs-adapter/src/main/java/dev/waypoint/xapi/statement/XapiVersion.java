package dev.waypoint.xapi.statement;

import java.util.Optional;

/**
 * The xAPI versions this receiver speaks (xAPI 1.0.3 Communication §6.2, IEEE 9274.1.1 "xAPI 2.0"):
 * any 1.0.x and 2.0.x. The version a request names decides which statement properties are known
 * (contextAgents and contextGroups exist from 2.0 on) and which version the answer names.
 */
public enum XapiVersion {
    V1_0("1.0.3"),
    V2_0("2.0.0");

    public static final String HEADER = "X-Experience-API-Version";

    private final String latestPatch;

    XapiVersion(String latestPatch) {
        this.latestPatch = latestPatch;
    }

    /** The version answered in {@value #HEADER}: the latest patch of the requested major.minor. */
    public String latestPatch() {
        return latestPatch;
    }

    /** The version a header or a statement's {@code version} names; empty when not one we speak. */
    public static Optional<XapiVersion> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.matches("1\\.0(\\.\\d+)?")) {
            return Optional.of(V1_0);
        }
        if (v.matches("2\\.0(\\.\\d+)?")) {
            return Optional.of(V2_0);
        }
        return Optional.empty();
    }
}
