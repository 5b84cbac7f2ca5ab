package dev.waypoint.core.lti;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * Where a platform's public keys come from (LTI Security Framework 1.0 §6.3 "Key set URL"): a cached
 * key set per registration that is fetched again once when a token names a key it does not hold.
 */
public interface PlatformKeys {

    JWKSource<SecurityContext> of(Registration registration);
}
