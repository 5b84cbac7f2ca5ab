package dev.waypoint.app.canvas;

import dev.waypoint.canvas.CanvasAgsTokens;

import java.util.List;

/**
 * The AGS token source until the LTI service token (client credentials with a private_key_jwt assertion,
 * LTI Security Framework 1.0 §4.1) is provided by the LTI part of Waypoint: it has no token, so every
 * AGS write fails as retryable and waits in the outbox, to be delivered once a real source replaces this
 * bean (any other {@link CanvasAgsTokens} bean does).
 */
public class LtiServiceTokenPending implements CanvasAgsTokens {

    @Override
    public String bearerFor(String tenantId, List<String> scopes) {
        throw new Unavailable("no LTI Advantage service token source is configured for tenant '" + tenantId
                + "' yet (needed for Canvas AGS scores); the write stays in the outbox and is retried");
    }
}
