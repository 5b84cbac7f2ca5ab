package dev.waypoint.app.security;

import com.zaxxer.hikari.HikariDataSource;
import dev.waypoint.app.config.WaypointProperties;
import dev.waypoint.core.store.jdbc.JdbcAdminCredentials;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admin token: generated and printed once, kept only as a hash; or chosen through the environment. */
class AdminTokenTest {

    private HikariDataSource database;
    private JdbcAdminCredentials credentials;

    @BeforeEach
    void setUp() {
        database = new HikariDataSource();
        database.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        Flyway.configure().dataSource(database).load().migrate();
        credentials = new JdbcAdminCredentials(JdbcClient.create(database), new DataSourceTransactionManager(database));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void aGeneratedTokenIsPrintedOnceAndStoredOnlyAsAHash() {
        ByteArrayOutputStream firstStart = new ByteArrayOutputStream();
        AdminToken first = new AdminToken(properties(""), credentials, new PrintStream(firstStart, true, StandardCharsets.UTF_8));
        first.afterSingletonsInstantiated();

        Matcher printed = Pattern.compile("(wpt_[A-Za-z0-9_-]{43})").matcher(firstStart.toString(StandardCharsets.UTF_8));
        assertThat(printed.find()).as("a token is printed at the first start").isTrue();
        String token = printed.group(1);
        assertThat(first.accepts(token)).isTrue();
        assertThat(first.accepts(token + "x")).isFalse();
        assertThat(JdbcClient.create(database).sql("SELECT token_hash FROM admin_credential").query(String.class).list())
                .singleElement().isNotEqualTo(token).isEqualTo(JdbcAdminCredentials.hashOf(token));

        ByteArrayOutputStream secondStart = new ByteArrayOutputStream();
        AdminToken second = new AdminToken(properties(""), credentials, new PrintStream(secondStart, true, StandardCharsets.UTF_8));
        second.afterSingletonsInstantiated();
        assertThat(secondStart.toString(StandardCharsets.UTF_8)).doesNotContain("wpt_");
        assertThat(second.accepts(token)).isTrue();
    }

    @Test
    void aConfiguredTokenIsUsedAndNothingIsPrintedOrStored() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        AdminToken token = new AdminToken(properties("a-long-chosen-admin-token"), credentials,
                new PrintStream(console, true, StandardCharsets.UTF_8));
        token.afterSingletonsInstantiated();

        assertThat(console.size()).isZero();
        assertThat(credentials.hasAny()).isFalse();
        assertThat(token.accepts("a-long-chosen-admin-token")).isTrue();
        assertThat(token.accepts("a-long-chosen-admin-tokeN")).isFalse();
        assertThat(token.accepts(null)).isFalse();
    }

    @Test
    void aShortConfiguredTokenStopsTheStart() {
        AdminToken token = new AdminToken(properties("short"), credentials, System.out);

        assertThatThrownBy(token::afterSingletonsInstantiated).hasMessageContaining("WAYPOINT_ADMIN_TOKEN");
    }

    private static WaypointProperties properties(String adminToken) {
        return new WaypointProperties("", adminToken, 1_000_000, null, null);
    }
}
