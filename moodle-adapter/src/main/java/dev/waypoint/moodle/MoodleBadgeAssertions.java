package dev.waypoint.moodle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waypoint.core.Sha256;
import okhttp3.HttpUrl;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Checks an issued badge against its Open Badges 2.0 hosted assertion (Open Badges 2.0 §"Hosted
 * verification": the assertion fetched from its {@code id} is the truth): it must name the same issued badge
 * ({@code id} carries {@code b=<uniquehash>}) and the same badge class ({@code badge.id} is
 * {@code /badges/badge_json.php?id=<badge id>}), its recipient must be the Moodle user (§"IdentityObject":
 * {@code sha256$} + SHA-256 of e-mail and {@code salt} when hashed), and it must be neither revoked
 * (Moodle: HTTP 410, {@code revoked: true}) nor past {@code expires}.
 */
final class MoodleBadgeAssertions {

    enum Outcome { VALID, REVOKED, EXPIRED, MISMATCH }

    record Verdict(Outcome outcome, String reason) {
        static final Verdict VALID = new Verdict(Outcome.VALID, "");
    }

    Verdict verify(MoodleClient client, JsonNode badge, String email, Instant now) {
        String uniquehash = badge.path("uniquehash").asText();
        JsonNode assertion = client.hostedAssertion(uniquehash);
        if (assertion.path("revoked").asBoolean(false)) {
            return new Verdict(Outcome.REVOKED, "the hosted assertion says the badge was revoked"
                    + (assertion.hasNonNull("revocationReason") ? ": " + assertion.get("revocationReason").asText() : ""));
        }
        if (!uniquehash.equals(query(assertion.path("id").asText(""), "b"))) {
            return new Verdict(Outcome.MISMATCH, "the hosted assertion is not the one of issued badge " + uniquehash);
        }
        JsonNode badgeClass = assertion.path("badge");
        String classId = badgeClass.isTextual() ? badgeClass.asText() : badgeClass.path("id").asText("");
        if (!badge.path("id").asText().equals(query(classId, "id")) || !classId.contains("/badges/badge_json.php")) {
            return new Verdict(Outcome.MISMATCH, "the hosted assertion names badge class " + classId
                    + ", not badge " + badge.path("id").asText());
        }
        String recipientCheck = recipientMismatch(assertion.path("recipient"), email);
        if (recipientCheck != null) {
            return new Verdict(Outcome.MISMATCH, recipientCheck);
        }
        String expires = assertion.path("expires").asText("");
        if (!expires.isEmpty()) {
            try {
                if (OffsetDateTime.parse(expires).toInstant().isBefore(now)) {
                    return new Verdict(Outcome.EXPIRED, "the hosted assertion expired on " + expires);
                }
            } catch (DateTimeParseException e) {
                return new Verdict(Outcome.MISMATCH, "the hosted assertion's expires '" + expires + "' is not a date");
            }
        }
        return Verdict.VALID;
    }

    /** Null when the recipient is this e-mail; else why not. */
    private static String recipientMismatch(JsonNode recipient, String email) {
        if (email == null || email.isBlank()) {
            return "the Moodle user's e-mail is not visible to the service user, so the recipient cannot be checked "
                    + "(give it moodle/user:viewhiddendetails)";
        }
        if (!"email".equals(recipient.path("type").asText())) {
            return "the hosted assertion's recipient is a " + recipient.path("type").asText("missing") + ", not an e-mail";
        }
        String identity = recipient.path("identity").asText("");
        boolean same = recipient.path("hashed").asBoolean(false)
                ? identity.equalsIgnoreCase("sha256$" + Sha256.hex(email + recipient.path("salt").asText("")))
                : identity.equalsIgnoreCase(email);
        return same ? null : "the hosted assertion was issued to someone else than " + email
                + " (a backpack e-mail differing from the Moodle one also shows this way)";
    }

    private static String query(String url, String name) {
        HttpUrl parsed = HttpUrl.parse(url);
        return parsed == null ? null : parsed.queryParameter(name);
    }
}
