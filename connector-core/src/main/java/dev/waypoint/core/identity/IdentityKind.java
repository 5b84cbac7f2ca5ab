package dev.waypoint.core.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of identity a person can carry. {@link #strength()} orders them: when a signal carries
 * several identities that resolve to different people, the person holding the strongest wins and the
 * others are merged into it.
 */
public enum IdentityKind {
    HR_EMPLOYEE_ID("hr_employee_id", 100),
    LTI_SUB("lti_sub", 80),
    MOODLE_USER_ID("moodle_user_id", 80),
    MOODLE_IDNUMBER("moodle_idnumber", 70),
    MOODLE_USERNAME("moodle_username", 60),
    CANVAS_USER_ID("canvas_user_id", 80),
    CANVAS_SIS_USER_ID("canvas_sis_user_id", 70),
    CANVAS_LOGIN("canvas_login", 60),
    XAPI_ACCOUNT("xapi_account", 50),
    EMAIL("email", 40),
    XAPI_MBOX_SHA1("xapi_mbox_sha1sum", 30),
    XAPI_OPENID("xapi_openid", 30);

    private final String wireName;
    private final int strength;

    IdentityKind(String wireName, int strength) {
        this.wireName = wireName;
        this.strength = strength;
    }

    public String wireName() {
        return wireName;
    }

    public int strength() {
        return strength;
    }

    public static Optional<IdentityKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
