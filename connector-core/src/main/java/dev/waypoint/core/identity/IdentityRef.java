package dev.waypoint.core.identity;

import java.util.Locale;
import java.util.Objects;

/**
 * One identity of a person as a source names it. Values are normalised so that the same identity
 * always has the same spelling: e-mail addresses are lower-cased, everything is trimmed. Identities
 * are scoped by tenant where they are stored, not here.
 */
public record IdentityRef(IdentityKind kind, String value) {

    public IdentityRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        value = value.trim();
        if (kind == IdentityKind.EMAIL) {
            value = value.toLowerCase(Locale.ROOT);
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("identity value for " + kind + " is empty");
        }
    }

    public static IdentityRef of(IdentityKind kind, String value) {
        return new IdentityRef(kind, value);
    }
}
