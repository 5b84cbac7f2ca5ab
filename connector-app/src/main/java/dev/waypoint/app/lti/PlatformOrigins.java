package dev.waypoint.app.lti;

import dev.waypoint.core.lti.Registration;
import dev.waypoint.core.lti.RegistrationRepository;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The origins allowed to frame the tool's pages (CSP {@code frame-ancestors}): the registered platforms'
 * issuers. Read again at most every few seconds, so a new registration is framable almost at once.
 */
public class PlatformOrigins {

    private static final Duration REFRESH = Duration.ofSeconds(10);

    private final RegistrationRepository registrations;
    private final Clock clock = Clock.systemUTC();
    private volatile String ancestors = "'self'";
    private volatile Instant readAt = Instant.EPOCH;

    public PlatformOrigins(RegistrationRepository registrations) {
        this.registrations = registrations;
    }

    public String frameAncestors() {
        if (readAt.plus(REFRESH).isBefore(clock.instant())) {
            Set<String> origins = new LinkedHashSet<>();
            origins.add("'self'");
            for (Registration registration : registrations.list()) {
                origin(registration.issuer()).ifPresent(origins::add);
                origin(registration.authorizationEndpoint()).ifPresent(origins::add);
            }
            ancestors = String.join(" ", origins);
            readAt = clock.instant();
        }
        return ancestors;
    }

    public void changed() {
        readAt = Instant.EPOCH;
    }

    private static java.util.Optional<String> origin(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
