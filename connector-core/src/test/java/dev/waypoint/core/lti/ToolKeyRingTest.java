package dev.waypoint.core.lti;

import com.nimbusds.jose.jwk.JWK;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ToolKeyRingTest {

    private Instant now = Instant.parse("2026-06-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final MemoryKeys store = new MemoryKeys();
    private final ToolKeyRing ring = new ToolKeyRing(store, clock, Duration.ofDays(90), Duration.ofDays(2));

    @Test
    void makesAKeyOnFirstUseAndPublishesOnlyItsPublicPart() {
        String kid = ring.signingKey().getKeyID();

        assertThat(ring.signingKey().getKeyID()).isEqualTo(kid);
        assertThat(ring.publicKeys().getKeys()).extracting(JWK::getKeyID).containsExactly(kid);
        assertThat(ring.publicKeys().getKeys()).noneMatch(JWK::isPrivate);
    }

    @Test
    void keepsTheSigningKeyUntilItIsDue() {
        String kid = ring.signingKey().getKeyID();
        now = now.plus(Duration.ofDays(89));

        assertThat(ring.rotateIfDue()).isFalse();
        assertThat(ring.signingKey().getKeyID()).isEqualTo(kid);
    }

    @Test
    void rotatesADueKeyAndStillPublishesTheOldOneForAWhile() {
        String old = ring.signingKey().getKeyID();
        now = now.plus(Duration.ofDays(90));

        assertThat(ring.rotateIfDue()).isTrue();
        String current = ring.signingKey().getKeyID();
        assertThat(current).isNotEqualTo(old);
        assertThat(ring.publicKeys().getKeys()).extracting(JWK::getKeyID).containsExactlyInAnyOrder(old, current);

        now = now.plus(Duration.ofDays(1));
        ring.rotateIfDue();
        assertThat(ring.publicKeys().getKeys()).extracting(JWK::getKeyID).contains(old);

        now = now.plus(Duration.ofDays(1));
        ring.rotateIfDue();
        assertThat(ring.publicKeys().getKeys()).extracting(JWK::getKeyID).containsExactly(current);
        assertThat(ring.signingKey().getKeyID()).isEqualTo(current);
    }

    private static final class MemoryKeys implements ToolKeyStore {
        private final List<ToolKey> keys = new ArrayList<>();

        @Override
        public List<ToolKey> all() {
            return keys.stream().sorted(Comparator.comparing(ToolKey::createdAt).reversed()).toList();
        }

        @Override
        public void add(ToolKey key) {
            keys.add(key);
        }

        @Override
        public void retire(String kid, Instant at) {
            keys.replaceAll(k -> k.kid().equals(kid) ? new ToolKey(k.kid(), k.privateJwk(), k.createdAt(), at) : k);
        }

        @Override
        public void delete(String kid) {
            keys.removeIf(k -> k.kid().equals(kid));
        }
    }
}
