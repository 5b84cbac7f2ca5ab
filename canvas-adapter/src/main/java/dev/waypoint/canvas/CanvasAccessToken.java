package dev.waypoint.canvas;

/**
 * Where the bearer token for Canvas REST calls comes from: a fixed token an admin generated, or a
 * developer key's OAuth2 tokens that are refreshed before they expire ({@link CanvasOAuthToken}).
 */
public interface CanvasAccessToken {

    /** The token to send now. */
    String bearer();

    /**
     * Canvas answered 401 to {@code rejected}: get a new token if this source can. Answers true when the
     * call is worth trying once more.
     */
    boolean renewAfterRejection(String rejected);

    /** A token an admin pasted; it cannot be renewed. */
    static CanvasAccessToken fixed(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the Canvas access token is empty");
        }
        return new CanvasAccessToken() {
            @Override
            public String bearer() {
                return token;
            }

            @Override
            public boolean renewAfterRejection(String rejected) {
                return false;
            }

            @Override
            public String toString() {
                return "fixed Canvas token (hidden)";
            }
        };
    }
}
