package dev.waypoint.core.identity;

/**
 * How an LTI subject is kept as an identity. A {@code sub} is unique only within its issuer (LTI Core 1.3
 * §5.3.6, OpenID Connect Core §2), so the value of an {@link IdentityKind#LTI_SUB} identity is
 * {@code <issuer>#<sub>}; services that address the user (AGS {@code userId}, NRPS) need the bare sub back.
 * An issuer is a URL without a fragment, so the first {@code #} is the separator.
 */
public final class LtiSubject {

    private LtiSubject() {
    }

    public static String key(String issuer, String sub) {
        return issuer + "#" + sub;
    }

    /** The bare {@code sub} of an identity value; a value without an issuer is already bare. */
    public static String subOf(String identityValue) {
        int separator = identityValue.indexOf('#');
        return separator < 0 ? identityValue : identityValue.substring(separator + 1);
    }
}
