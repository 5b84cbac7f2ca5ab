package dev.waypoint.core.hrsync;

import java.time.Instant;

/**
 * What HR last received for one skill of one person: the diff of the next run is taken against it.
 * {@code hash} covers every field of the upsert record, so a change HR would see (a new e-mail, new
 * evidence) is sent even when the level stays the same.
 */
public record SentSkill(String personId, String skillId, int level, Instant verifiedAt, String hash) {
}
