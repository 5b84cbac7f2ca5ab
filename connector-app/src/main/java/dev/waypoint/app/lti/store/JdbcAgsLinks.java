package dev.waypoint.app.lti.store;

import dev.waypoint.core.store.jdbc.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where scores go ({@code lti_ags_link}), the line items Waypoint made ({@code lti_line_item}) and the
 * last score timestamp per line item and user ({@code lti_score_sent}).
 */
public class JdbcAgsLinks {

    private final JdbcClient jdbc;

    public JdbcAgsLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Remembers the context's line-items URL for this person; a later launch updates it. True when it is new. */
    public boolean link(String registrationId, String contextId, String personId, String tenantId, String ltiUserId,
                     String lineItemsUrl, Instant now) {
        int updated = jdbc.sql("UPDATE lti_ags_link SET line_items_url = :url, lti_user_id = :user, updated_at = :now "
                        + "WHERE registration_id = :reg AND context_id = :context AND person_id = :person")
                .param("url", lineItemsUrl).param("user", ltiUserId).param("now", SqlTime.param(now))
                .param("reg", registrationId).param("context", contextId).param("person", personId).update();
        if (updated > 0) {
            return false;
        }
        return jdbc.sql("INSERT INTO lti_ags_link (registration_id, context_id, person_id, tenant_id, lti_user_id, "
                        + "line_items_url, updated_at) VALUES (:reg, :context, :person, :tenant, :user, :url, :now) "
                        + "ON CONFLICT DO NOTHING")
                    .param("reg", registrationId).param("context", contextId).param("person", personId)
                    .param("tenant", tenantId).param("user", ltiUserId).param("url", lineItemsUrl)
                    .param("now", SqlTime.param(now)).update() == 1;
    }

    public List<AgsLink> linksOf(String tenantId, String personId) {
        return jdbc.sql("SELECT registration_id, context_id, lti_user_id, line_items_url FROM lti_ags_link "
                        + "WHERE tenant_id = :tenant AND person_id = :person ORDER BY registration_id, context_id")
                .param("tenant", tenantId).param("person", personId)
                .query((rs, n) -> new AgsLink(rs.getString("registration_id"), rs.getString("context_id"),
                        rs.getString("lti_user_id"), rs.getString("line_items_url")))
                .list();
    }

    public Optional<String> lineItem(String registrationId, String lineItemsUrl, String roleId) {
        return jdbc.sql("SELECT line_item_url FROM lti_line_item WHERE registration_id = :reg AND line_items_url = :url "
                        + "AND role_id = :role")
                .param("reg", registrationId).param("url", lineItemsUrl).param("role", roleId)
                .query(String.class).optional();
    }

    public void rememberLineItem(String registrationId, String lineItemsUrl, String roleId, String lineItemUrl, Instant now) {
        jdbc.sql("INSERT INTO lti_line_item (registration_id, line_items_url, role_id, line_item_url, created_at) "
                        + "VALUES (:reg, :url, :role, :item, :now) ON CONFLICT DO NOTHING")
                .param("reg", registrationId).param("url", lineItemsUrl).param("role", roleId).param("item", lineItemUrl)
                .param("now", SqlTime.param(now)).update();
    }

    public void forgetLineItem(String registrationId, String lineItemsUrl, String roleId) {
        jdbc.sql("DELETE FROM lti_line_item WHERE registration_id = :reg AND line_items_url = :url AND role_id = :role")
                .param("reg", registrationId).param("url", lineItemsUrl).param("role", roleId).update();
    }

    public Optional<Instant> lastScore(String lineItemUrl, String ltiUserId) {
        return jdbc.sql("SELECT sent_at FROM lti_score_sent WHERE line_item_url = :item AND lti_user_id = :user")
                .param("item", lineItemUrl).param("user", ltiUserId)
                .query((rs, n) -> SqlTime.read(rs, "sent_at")).optional();
    }

    public void scoreSent(String lineItemUrl, String ltiUserId, Instant at) {
        int updated = jdbc.sql("UPDATE lti_score_sent SET sent_at = :at WHERE line_item_url = :item AND lti_user_id = :user")
                .param("at", SqlTime.param(at)).param("item", lineItemUrl).param("user", ltiUserId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO lti_score_sent (line_item_url, lti_user_id, sent_at) VALUES (:item, :user, :at) "
                        + "ON CONFLICT DO NOTHING")
                    .param("item", lineItemUrl).param("user", ltiUserId).param("at", SqlTime.param(at)).update();
        }
    }

    public record AgsLink(String registrationId, String contextId, String ltiUserId, String lineItemsUrl) {
    }
}
