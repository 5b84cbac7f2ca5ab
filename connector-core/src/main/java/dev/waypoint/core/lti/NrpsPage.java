package dev.waypoint.core.lti;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One page of a Names and Role Provisioning Services 2.0 membership answer (§2.2 "Membership container",
 * media type {@code application/vnd.ims.lti-nrps.v2.membershipcontainer+json}; §2.4.2 paging with a
 * {@code Link: <…>; rel="next"} header). Roles come as short names ("Learner") or full URIs.
 */
public record NrpsPage(List<Member> members, String next) {

    public static final String MEDIA_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    public static final String SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    public NrpsPage {
        members = List.copyOf(members);
    }

    @SuppressWarnings("unchecked")
    public static NrpsPage read(Map<String, Object> body, String linkHeader) {
        List<Member> members = new ArrayList<>();
        Object raw = body.get("members");
        if (raw instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> member && member.get("user_id") != null) {
                    Map<String, Object> m = (Map<String, Object>) member;
                    List<String> roles = m.get("roles") instanceof List<?> r ? r.stream().map(String::valueOf).toList() : List.of();
                    members.add(new Member(String.valueOf(m.get("user_id")), text(m.get("name")), text(m.get("email")),
                            roles, text(m.get("status")) == null ? "Active" : text(m.get("status"))));
                }
            }
        }
        return new NrpsPage(members, next(linkHeader));
    }

    static String next(String linkHeader) {
        if (linkHeader == null) {
            return null;
        }
        for (String part : linkHeader.split(",")) {
            Matcher matcher = NEXT.matcher(part.trim());
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return null;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    public record Member(String userId, String name, String email, List<String> roles, String status) {

        /** A learner by the short name or the full LIS URI (LTI Core §A.2.2). */
        public boolean learns() {
            return "Active".equals(status) && roles.stream().anyMatch(role -> role.equals("Learner")
                    || role.endsWith("membership#Learner"));
        }
    }
}
