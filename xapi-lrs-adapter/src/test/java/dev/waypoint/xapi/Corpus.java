package dev.waypoint.xapi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads a statement file of src/test/resources/corpus. */
final class Corpus {

    private Corpus() {
    }

    static String text(String name) {
        try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
