package dev.waypoint.app.lti;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the LTI tool ({@code waypoint.lti.*}).
 *
 * @param toolUrl                 the tool's public base URL as platforms reach it (login, launch and JWKS URLs derive from it)
 * @param clockSkew               tolerated difference between the platform's clock and ours on exp and iat
 * @param stateLifetime           how long a login may take before its launch arrives
 * @param sessionLifetime         how long a launch's session lasts
 * @param keyRotateEvery          age at which the tool's signing key is replaced
 * @param retiredKeyKept          how long a replaced key is still published
 * @param jwksCacheTtl            how long a platform's key set is cached
 * @param jwksRefreshMinInterval  least time between two fetches of one platform's key set (zero: no limit)
 * @param secureCookies           mark cookies Secure (needed for SameSite=None; off only for plain-http tests)
 * @param maxLaunchBytes          larger launch and login requests are refused before parsing
 */
@ConfigurationProperties("waypoint.lti")
public record LtiProperties(
        @DefaultValue("http://localhost:8080") String toolUrl,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue("10m") Duration stateLifetime,
        @DefaultValue("8h") Duration sessionLifetime,
        @DefaultValue("90d") Duration keyRotateEvery,
        @DefaultValue("2d") Duration retiredKeyKept,
        @DefaultValue("15m") Duration jwksCacheTtl,
        @DefaultValue("30s") Duration jwksRefreshMinInterval,
        @DefaultValue("true") boolean secureCookies,
        @DefaultValue("65536") int maxLaunchBytes,
        @DefaultValue("1h") Duration keyRotationCheckEvery) {
}
