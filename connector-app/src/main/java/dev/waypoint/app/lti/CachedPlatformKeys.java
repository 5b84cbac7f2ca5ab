package dev.waypoint.app.lti;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import dev.waypoint.core.lti.PlatformKeys;
import dev.waypoint.core.lti.Registration;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each platform's key set through Nimbus's {@link JWKSourceBuilder}: cached for {@code jwksCacheTtl},
 * fetched again once when a token names a kid the cached set lacks (how platforms roll keys), with at
 * most one fetch per {@code jwksRefreshMinInterval} so forged kids cannot make us hammer the platform.
 */
public class CachedPlatformKeys implements PlatformKeys {

    private final Map<String, JWKSource<SecurityContext>> sources = new ConcurrentHashMap<>();
    private final LtiProperties properties;

    public CachedPlatformKeys(LtiProperties properties) {
        this.properties = properties;
    }

    @Override
    public JWKSource<SecurityContext> of(Registration registration) {
        return sources.computeIfAbsent(registration.id() + " " + registration.jwksUri(), key -> build(registration));
    }

    private JWKSource<SecurityContext> build(Registration registration) {
        URL url;
        try {
            url = new URL(registration.jwksUri());
        } catch (MalformedURLException e) {
            throw new IllegalStateException("registration " + registration.id() + " has no valid JWKS URL", e);
        }
        long ttl = properties.jwksCacheTtl().toMillis();
        JWKSourceBuilder<SecurityContext> builder = JWKSourceBuilder.<SecurityContext>create(url,
                        new DefaultResourceRetriever(3000, 3000, 512 * 1024))
                .cache(ttl, 5000)
                .retrying(false)
                .outageTolerant(false);
        long minInterval = properties.jwksRefreshMinInterval().toMillis();
        builder = minInterval > 0 ? builder.rateLimited(minInterval) : builder.rateLimited(false);
        return builder.build();
    }

    /** Drops the cached sets, e.g. after a registration's JWKS URL changed. */
    public void forget() {
        sources.clear();
    }
}
