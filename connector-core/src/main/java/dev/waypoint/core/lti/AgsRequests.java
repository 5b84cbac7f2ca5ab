package dev.waypoint.core.lti;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Requests of Assignment and Grade Services 2.0: a line item (§3.2 "Line item service", media type
 * {@code application/vnd.ims.lis.v2.lineitem+json}), a score (§3.4 "Score publish service",
 * {@code application/vnd.ims.lis.v1.score+json}, {@code gradingProgress: FullyGraded} so the platform
 * counts it), and the scores URL of a line item: the path plus {@code /scores}, its query string kept
 * after it (Moodle's line-item URLs carry {@code ?type_id=}).
 */
public final class AgsRequests {

    public static final String LINE_ITEM_TYPE = "application/vnd.ims.lis.v2.lineitem+json";
    public static final String LINE_ITEM_CONTAINER_TYPE = "application/vnd.ims.lis.v2.lineitemcontainer+json";
    public static final String SCORE_TYPE = "application/vnd.ims.lis.v1.score+json";
    public static final String SCOPE_LINE_ITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    public static final String SCOPE_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    public static final int SCORE_MAXIMUM = 100;

    private AgsRequests() {
    }

    /** The tag that marks Waypoint's line item for a role, so a later launch finds it again. */
    public static String tag(String roleId) {
        return "waypoint-readiness:" + roleId;
    }

    public static Map<String, Object> lineItem(String roleId, String roleName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scoreMaximum", SCORE_MAXIMUM);
        body.put("label", "Readiness: " + roleName);
        body.put("tag", tag(roleId));
        body.put("resourceId", roleId);
        return body;
    }

    /** The id of Waypoint's line item for the role among the platform's line items, if there is one. */
    public static Optional<String> find(List<Map<String, Object>> lineItems, String roleId) {
        return lineItems.stream().filter(item -> tag(roleId).equals(item.get("tag"))).map(item -> (String) item.get("id"))
                .findFirst();
    }

    public static Map<String, Object> score(String userId, int score, String comment, Instant timestamp) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", userId);
        body.put("scoreGiven", score);
        body.put("scoreMaximum", SCORE_MAXIMUM);
        body.put("comment", comment);
        body.put("timestamp", timestamp.toString());
        body.put("activityProgress", "Completed");
        body.put("gradingProgress", "FullyGraded");
        return body;
    }

    public static String scoresUrl(String lineItemUrl) {
        URI uri = URI.create(lineItemUrl);
        String path = uri.getRawPath().endsWith("/") ? uri.getRawPath() + "scores" : uri.getRawPath() + "/scores";
        StringBuilder url = new StringBuilder(uri.getScheme()).append("://").append(uri.getRawAuthority()).append(path);
        if (uri.getRawQuery() != null) {
            url.append('?').append(uri.getRawQuery());
        }
        return url.toString();
    }
}
