package dev.waypoint.app.canvas;

import dev.waypoint.app.support.ApiClient;
import dev.waypoint.app.support.ApiClient.Answer;
import dev.waypoint.app.support.FixedClockConfiguration;
import dev.waypoint.app.support.ServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.waypoint.canvas.CanvasApiBodies.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One sync per tenant across the cluster (JdbcLockRegistry over INT_LOCK), and the "graded since"
 * watermark kept in the database so a restart neither reads everything again nor skips a window.
 */
@ServerTest
class CanvasSyncLockAndWatermarkTest extends CanvasServer {

    @LocalServerPort
    int port;
    @Autowired
    CanvasTenants tenants;
    @Autowired
    JdbcCanvasSyncRuns runs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager txManager;
    @Autowired
    Clock clock;

    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        canvasWithTwoCourses();
    }

    /** Course 210's enrollments answer slowly, so a sync holds the lock long enough for a second trigger. */
    private void slowCanvas() {
        CANVAS.stubFor(get(urlPathEqualTo("/api/v1/courses/210/enrollments")).atPriority(1)
                .willReturn(okJson(body("enrollments-210.json")).withFixedDelay(1500)));
    }

    private void awaitSyncUnderWay() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (CANVAS.findAll(getRequestedFor(urlPathEqualTo("/api/v1/courses/210/enrollments"))).isEmpty()) {
            assertThat(System.nanoTime()).as("the first sync reached Canvas").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private long runsOf(String tenant) {
        return jdbc.sql("SELECT COUNT(*) FROM canvas_sync_run WHERE tenant_id = ?").param(tenant).query(Long.class).single();
    }

    @Test
    void twoSyncTriggersAtOnceMakeOneSyncAndTheSecondIsTold() throws Exception {
        slowCanvas();
        long before = runsOf("default");

        CompletableFuture<Answer> first = CompletableFuture.supplyAsync(() -> api.postJson("/api/v1/canvas/sync?tenant=default", ""));
        awaitSyncUnderWay();
        Answer second = api.postJson("/api/v1/canvas/sync?tenant=default", "");

        assertThat(second.status()).as(second.raw()).isEqualTo(409);
        assertThat(second.errors()).contains("already running");
        assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(runsOf("default")).isEqualTo(before + 1);
        CANVAS.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/courses/210/enrollments")));
        assertThat(api.postJson("/api/v1/canvas/sync?tenant=default", "").status()).as("the lock was let go").isEqualTo(200);
    }

    @Test
    void anotherNodesScheduledTriggerDuringASyncReadsNothing() throws Exception {
        slowCanvas();
        DefaultLockRepository otherNodesLocks = new DefaultLockRepository(dataSource);
        otherNodesLocks.setRegion("waypoint-canvas-sync");
        otherNodesLocks.setTransactionManager(txManager);
        otherNodesLocks.afterPropertiesSet();
        otherNodesLocks.afterSingletonsInstantiated();
        CanvasSyncJob otherNode = new CanvasSyncJob(tenants, runs, new JdbcLockRegistry(otherNodesLocks), Duration.ofMinutes(10), clock);

        CompletableFuture<Answer> first = CompletableFuture.supplyAsync(() -> api.postJson("/api/v1/canvas/sync?tenant=default", ""));
        awaitSyncUnderWay();
        CanvasSyncJob.Outcome other = otherNode.run("default", "scheduled");

        assertThat(other.result()).isEqualTo(CanvasSyncJob.Result.LOCKED);
        assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        CANVAS.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/courses/210/enrollments")));
    }

    @Test
    void theWatermarkOutlivesTheProcessAndTheNextSyncReadsFromItLessTheOverlap() {
        assertThat(api.postJson("/api/v1/canvas/sync?tenant=default", "").status()).isEqualTo(200);

        // what a restarted node sees: only the database in common
        JdbcCanvasWatermarks afterRestart = new JdbcCanvasWatermarks(jdbc);
        assertThat(afterRestart.lastPassStarted("default", "205")).contains(FixedClockConfiguration.NOW);

        CANVAS.resetRequests();
        api.postJson("/api/v1/canvas/sync?tenant=default", "");
        CANVAS.verify(getRequestedFor(urlPathEqualTo("/api/v1/courses/205/students/submissions"))
                .withQueryParam("graded_since", equalTo("2026-05-31T23:55:00Z")));
    }

    @Test
    void aWatermarkNeverMovesBack() {
        JdbcCanvasWatermarks watermarks = new JdbcCanvasWatermarks(jdbc);
        watermarks.passSucceeded("watermark-test", "1", Instant.parse("2026-05-02T00:00:00Z"));
        watermarks.passSucceeded("watermark-test", "1", Instant.parse("2026-05-01T00:00:00Z"));

        assertThat(watermarks.lastPassStarted("watermark-test", "1")).contains(Instant.parse("2026-05-02T00:00:00Z"));
        assertThat(watermarks.gradedSince("watermark-test", "1")).isEqualTo(Instant.parse("2026-05-01T23:55:00Z"));
        assertThat(watermarks.lastPassStarted("watermark-test", "2")).isEmpty();
    }
}
