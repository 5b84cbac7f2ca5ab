package dev.waypoint.canvas;

import java.util.List;

/**
 * Where the write-back gets an LTI Advantage access token for Canvas's AGS endpoints (LTI AGS 2.0 §3;
 * obtained by the tool with the client-credentials grant and a private_key_jwt assertion, LTI Security
 * Framework 1.0 §4.1). The LTI part of Waypoint provides it; the adapter only asks.
 */
public interface CanvasAgsTokens {

    String LINE_ITEM_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    String SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";

    /** A bearer token for these scopes on this tenant; throws {@link Unavailable} when none can be had now. */
    String bearerFor(String tenantId, List<String> scopes);

    /** No AGS token now; the write stays in the outbox and is tried again. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }
}
