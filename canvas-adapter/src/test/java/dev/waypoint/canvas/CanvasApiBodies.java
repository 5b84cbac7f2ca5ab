package dev.waypoint.canvas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Canvas answers the stubs serve, all kept under {@code src/test/resources/canvas-api/} (the README
 * there names the documented endpoint each stands for), so a field Canvas spells differently is
 * corrected in one place.
 */
public final class CanvasApiBodies {

    private CanvasApiBodies() {
    }

    public static String body(String name) {
        try (InputStream in = CanvasApiBodies.class.getResourceAsStream("/canvas-api/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no Canvas stub body canvas-api/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
