package dev.waypoint.app.lti;

import java.net.URI;

/**
 * LTI Client Side postMessages (1EdTech "LTI Client Side postMessages" and "Platform Storage" §4):
 * where a platform offers {@code lti_storage_target}, the login state is also put into the platform's
 * storage with {@code lti.put_data}, and read back at launch with {@code lti.get_data}, so launches work
 * when the browser blocks the tool's third-party cookie. Messages go to the platform's origin only.
 */
final class PlatformStorage {

    private PlatformStorage() {
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
