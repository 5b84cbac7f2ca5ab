package dev.waypoint.app.canvas;

import dev.waypoint.canvas.CanvasAgsTokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Until the LTI service token source exists, an AGS write waits in the outbox with a clear reason. */
class LtiServiceTokenPendingTest {

    @Test
    void answersThatNoServiceTokenIsConfiguredYet() {
        assertThatThrownBy(() -> new LtiServiceTokenPending().bearerFor("acme", List.of(CanvasAgsTokens.SCORE_SCOPE)))
                .isInstanceOf(CanvasAgsTokens.Unavailable.class)
                .hasMessageContaining("no LTI Advantage service token source is configured for tenant 'acme'")
                .hasMessageContaining("stays in the outbox");
    }
}
