package dev.waypoint.core.lti;

import java.time.Instant;
import java.util.Optional;

/**
 * Server-side state and nonce store (LTI Security Framework 1.0 §5.1.3 step 9: the nonce is single use).
 * {@link #take} marks the state used atomically, so two launches with the same state and nonce
 * cannot both succeed, even on two nodes sharing the database.
 */
public interface LoginStateStore {

    void save(LoginState state);

    Taken take(String state, Instant now);

    /** An issued state still unused and unexpired, without taking it (to know its platform before the launch). */
    Optional<LoginState> find(String state, Instant now);

    /** Removes states expired before {@code before}; answers how many. */
    int purge(Instant before);

    /** @param state the stored state when fresh, else null */
    record Taken(Outcome outcome, LoginState state) {
    }

    enum Outcome { FRESH, ALREADY_USED, UNKNOWN }
}
