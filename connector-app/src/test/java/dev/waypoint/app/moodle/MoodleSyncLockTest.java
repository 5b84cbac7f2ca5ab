package dev.waypoint.app.moodle;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.app.support.ServerTest;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import dev.waypoint.moodle.MoodleEvidenceSource;
import dev.waypoint.moodle.MoodleSyncReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes (two sync runners, each with its own lock registry, so its own lock-holder id, over the one
 * database) triggered for the same site at the same moment: one syncs, the other declines at once, and
 * the site is read once. After the first finishes, the lock is free again.
 */
@ServerTest
class MoodleSyncLockTest {

    private static final String TENANT = "moodle-lock";
    private static final String TOKEN = "f0e1d2c3b4a5968778695a4b3c2d1e0f";
    private static MoodleSiteStub moodle;

    @LocalServerPort
    int port;
    @Autowired
    JdbcMoodleSites sites;
    @Autowired
    MoodleEvidenceSource source;
    @Autowired
    ActiveTaxonomy taxonomy;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Clock clock;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager tx;

    @BeforeAll
    static void startMoodle() {
        moodle = new MoodleSiteStub(TOKEN);
        moodle.serveSyncAnswers();
        // a slow participants page keeps the first sync running while the second node is triggered
        moodle.server.stubFor(post(urlPathEqualTo("/webservice/rest/server.php"))
                .withFormParam("wsfunction", equalTo("core_enrol_get_enrolled_users"))
                .atPriority(0)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withFixedDelay(1500).withBody(MoodleSiteStub.read("core_enrol_get_enrolled_users.json"))));
    }

    @AfterAll
    static void stopMoodle() {
        moodle.stop();
    }

    @Test
    void twoNodesTriggeredTogetherSyncTheSiteOnce() throws Exception {
        assertThat(MoodleSiteStub.put(port, "/api/v1/moodle/sites/" + TENANT, """
                {"baseUrl":"%s","token":"%s","courseIds":[2],"profileField":""}""".formatted(moodle.base(), TOKEN))
                .status()).isEqualTo(200);
        MoodleSyncRuns nodeA = node();
        MoodleSyncRuns nodeB = node();
        CountDownLatch start = new CountDownLatch(1);

        CompletableFuture<Optional<MoodleSyncReport>> a = CompletableFuture.supplyAsync(() -> await(start, nodeA));
        CompletableFuture<Optional<MoodleSyncReport>> b = CompletableFuture.supplyAsync(() -> await(start, nodeB));
        start.countDown();
        List<Optional<MoodleSyncReport>> outcomes = List.of(a.get(), b.get());

        assertThat(outcomes).filteredOn(Optional::isPresent).hasSize(1);
        assertThat(outcomes).filteredOn(Optional::isEmpty).hasSize(1);
        moodle.server.verify(1, moodle.call("core_enrol_get_enrolled_users"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM moodle_sync_run WHERE tenant_id = ?").param(TENANT)
                .query(Integer.class).single()).isEqualTo(1);

        // the winner let go: the other node syncs next time
        assertThat(nodeB.syncNow(TENANT)).isPresent();
    }

    private MoodleSyncRuns node() {
        return new MoodleSyncRuns(sites, source, taxonomy, jdbc, json, clock,
                MoodleWiring.clusterLocks(dataSource, tx, Duration.ofMinutes(5)));
    }

    private static Optional<MoodleSyncReport> await(CountDownLatch start, MoodleSyncRuns node) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return node.syncNow(TENANT);
    }
}
