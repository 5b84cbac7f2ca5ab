package dev.waypoint.core.lti;

import java.time.Instant;
import java.util.List;

/** Storage of the tool's keys (LTI Security Framework 1.0 §6.1 "RSA key", §6.2 "Key rotation"). */
public interface ToolKeyStore {

    /** Newest first. */
    List<ToolKey> all();

    void add(ToolKey key);

    void retire(String kid, Instant at);

    void delete(String kid);
}
