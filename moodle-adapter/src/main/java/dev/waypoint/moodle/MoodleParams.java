package dev.waypoint.moodle;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The form parameters of one web-service call, in Moodle's PHP-array spelling: a list {@code values}
 * travels as {@code values[0]=a&values[1]=b}, a structure as {@code users[0][customfields][0][type]=...}.
 * Insertion order is kept so requests are reproducible (and easy to match in tests).
 */
public final class MoodleParams {

    private final Map<String, String> values = new LinkedHashMap<>();

    public static MoodleParams none() {
        return new MoodleParams();
    }

    public MoodleParams add(String name, Object value) {
        values.put(name, String.valueOf(value));
        return this;
    }

    /** {@code name[0]=a, name[1]=b, ...}. */
    public MoodleParams list(String name, List<?> items) {
        for (int i = 0; i < items.size(); i++) {
            values.put(name + "[" + i + "]", String.valueOf(items.get(i)));
        }
        return this;
    }

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }
}
