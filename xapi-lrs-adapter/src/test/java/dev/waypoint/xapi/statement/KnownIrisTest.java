package dev.waypoint.xapi.statement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KnownIrisTest {

    @Test
    void startsOverOnceFullSoItsMemoryStaysBounded() {
        KnownIris known = new KnownIris();
        for (int i = 0; i < KnownIris.LIMIT; i++) {
            known.add("https://learn.example.com/activity/" + i);
        }
        assertThat(known.size()).isEqualTo(KnownIris.LIMIT);

        known.add("https://learn.example.com/one-more");

        assertThat(known.size()).isEqualTo(1);
        assertThat(known.contains("https://learn.example.com/one-more")).isTrue();
        assertThat(known.contains("https://learn.example.com/activity/0")).isFalse();
    }

    @Test
    void keepsNoIriLongerThanTheLimit() {
        KnownIris known = new KnownIris();
        String longIri = "https://learn.example.com/" + "a".repeat(KnownIris.MAX_LENGTH);

        known.add(longIri);

        assertThat(known.contains(longIri)).isFalse();
    }

    @Test
    void aValidIriCheckedBeforeDoesNotLetAnInvalidOneThrough() {
        assertThat(Findings.isIri("https://learn.example.com/a b")).isFalse();
        assertThat(Findings.isIri("https://learn.example.com/a")).isTrue();
        assertThat(Findings.isIri("https://learn.example.com/a")).isTrue();
        assertThat(Findings.isIri("https://learn.example.com/a b")).isFalse();
        assertThat(Findings.isIri("not an iri")).isFalse();
    }
}
