package dev.waypoint.app.hrsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.waypoint.app.support.ApiClient;
import dev.waypoint.app.support.OtherNode;
import dev.waypoint.app.support.ServerTest;
import dev.waypoint.core.evidence.Evidence;
import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.hrsync.SyncMode;
import dev.waypoint.core.identity.IdentityKind;
import dev.waypoint.core.identity.IdentityRef;
import dev.waypoint.core.store.EvidenceRepository;
import dev.waypoint.core.store.PersonRepository;
import dev.waypoint.core.taxonomy.SkillGrant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Lock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HR sync inside the running server: started over the API, sent to a WireMock HR endpoint and to a
 * directory, reported, and kept to one node at a time by the database lock.
 */
@ServerTest
class HrSyncServerTest {

    private static final String SECRET = "server-test-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LOCK_TTL = Duration.ofSeconds(2);
    private static final WireMockServer HR = new WireMockServer(options().dynamicPort());
    private static final Path FILES;

    static {
        HR.start();
        try {
            FILES = Files.createTempDirectory("hr-sync-files");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void hrSync(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:hr-sync-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        registry.add("waypoint.hr-sync.batch-size", () -> "2");
        registry.add("waypoint.hr-sync.cron", () -> "-");
        registry.add("waypoint.hr-sync.lock-ttl", () -> LOCK_TTL.toMillis() + "ms");
        registry.add("waypoint.hr-sync.tenants.default.http.url", () -> HR.baseUrl() + "/hr/skills");
        registry.add("waypoint.hr-sync.tenants.default.http.secret", () -> SECRET);
        registry.add("waypoint.hr-sync.tenants.default.http.first-backoff", () -> "10ms");
        registry.add("waypoint.hr-sync.tenants.default.http.timeout", () -> "6s");
        registry.add("waypoint.hr-sync.tenants.default.http.max-attempts", () -> "2");
        registry.add("waypoint.hr-sync.tenants.default.files.directory", FILES::toString);
    }

    @AfterAll
    static void stopHr() {
        HR.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    PersonRepository people;
    @Autowired
    EvidenceRepository evidence;
    @Autowired
    HrSyncJob job;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager tx;

    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        HR.resetAll();
        HR.stubFor(post("/hr/skills").willReturn(aResponse().withStatus(200)));
        seedOnce();
    }

    private void seedOnce() {
        if (people.findByIdentity("default", IdentityRef.of(IdentityKind.HR_EMPLOYEE_ID, "E1")).isPresent()) {
            return;
        }
        for (int i = 1; i <= 3; i++) {
            verified(person("E" + i, "p" + i + "@example.com"), "sql");
        }
        verified(person(null, "nohr@example.com"), "sql");
    }

    private String person(String hrId, String email) {
        List<IdentityRef> ids = new ArrayList<>(List.of(IdentityRef.of(IdentityKind.EMAIL, email)));
        if (hrId != null) {
            ids.add(IdentityRef.of(IdentityKind.HR_EMPLOYEE_ID, hrId));
        }
        return people.resolve("default", ids, email).person().id();
    }

    private void verified(String personId, String skill) {
        Instant at = Instant.parse("2026-05-01T00:00:00Z");
        for (EvidenceKind kind : List.of(EvidenceKind.COURSE_COMPLETION, EvidenceKind.APPLIED_PROJECT,
                EvidenceKind.MANAGER_ENDORSEMENT)) {
            String key = personId + "-" + kind.wireName();
            evidence.insertIfAbsent(new Evidence(null, "default", personId, kind, List.of(new SkillGrant(skill, 3)), at,
                    "test", key, "test:" + key, null, null, null, null, null));
        }
    }

    private static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void runsOnDemandSendsSignedBatchesWritesFilesAndKeepsTheReport() throws Exception {
        HttpResponse<String> started = postForLocation("/api/v1/hr-sync/runs?mode=full");

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode accepted = JSON.readTree(started.body());
        String runId = accepted.path("runId").asText();
        assertThat(started.headers().firstValue("Location")).hasValue("/api/v1/hr-sync/runs/" + runId);
        assertThat(accepted.path("location").asText()).isEqualTo("/api/v1/hr-sync/runs/" + runId);
        assertThat(accepted.path("runs").get(0).path("status").asText()).isIn("planning", "delivering", "succeeded");

        JsonNode report = finished(runId);
        assertThat(report.path("status").asText()).isEqualTo("succeeded");
        assertThat(report.path("mode").asText()).isEqualTo("full");
        assertThat(report.path("counts").path("skillsUpserted").asInt()).isEqualTo(3);
        assertThat(report.path("counts").path("batchesTotal").asInt()).isEqualTo(2);
        assertThat(report.path("peopleWithoutHrId").asInt()).isEqualTo(1);
        assertThat(report.path("durationMs").isNumber()).isTrue();

        List<LoggedRequest> requests = HR.findAll(postRequestedFor(urlEqualTo("/hr/skills")));
        assertThat(requests).extracting(r -> r.getHeader("Idempotency-Key")).containsExactly(runId + "-1", runId + "-2");
        for (LoggedRequest r : requests) {
            assertThat(r.getHeader("X-Waypoint-Signature")).isEqualTo(hmac(r.getBody()));
        }
        // people go in person-id order, so which batch holds whom is not fixed
        String sent = requests.get(0).getBodyAsString() + requests.get(1).getBodyAsString();
        assertThat(sent).contains("\"hrEmployeeId\":\"E1\"", "\"hrEmployeeId\":\"E2\"", "\"hrEmployeeId\":\"E3\"",
                "\"action\":\"upsert\"");
        assertThat(sent).doesNotContain("nohr@example.com");

        RunFiles names = RunFiles.of(new ApiRun(runId).asRun());
        assertThat(Files.readAllLines(FILES.resolve(names.jsonLines()))).hasSize(3);
        assertThat(Files.exists(FILES.resolve(names.manifest()))).isTrue();

        ApiClient.Answer listed = api.get("/api/v1/hr-sync/runs");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().findValuesAsText("id")).contains(runId);
        assertThat(api.get("/api/v1/hr-sync/runs/" + runId).body().path("status").asText()).isEqualTo("succeeded");
        assertThat(api.get("/api/v1/hr-sync/runs/no-such-run").status()).isEqualTo(404);
    }

    @Test
    void refusedBatchIsReportedAndTheOthersStillGo() {
        HR.stubFor(post("/hr/skills").withHeader("Idempotency-Key", matching(".*-1$"))
                .willReturn(aResponse().withStatus(422).withBody("unknown employee E1")));

        ApiClient.Answer started = api.postJson("/api/v1/hr-sync/runs?mode=full", "");

        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        JsonNode report = finished(started.body().path("runId").asText());
        assertThat(report.path("status").asText()).isEqualTo("partial");
        assertThat(report.path("counts").path("batchesFailed").asInt()).isEqualTo(1);
        assertThat(report.path("counts").path("batchesSent").asInt()).isEqualTo(1);
        assertThat(report.path("errors").toString()).contains("HTTP 422", "unknown employee E1");
        assertThat(HR.findAll(postRequestedFor(urlEqualTo("/hr/skills")))).hasSize(2);
    }

    @Test
    void aSlowEndpointIsRetriedReportedAndTheRunResumesUnderTheSameKeys() {
        HR.stubFor(post("/hr/skills").willReturn(aResponse().withStatus(200).withFixedDelay(7_000)));

        ApiClient.Answer started = api.postJson("/api/v1/hr-sync/runs?mode=full", "");
        String runId = started.body().path("runId").asText();
        JsonNode stopped = finished(runId);

        assertThat(stopped.path("status").asText()).isEqualTo("interrupted");
        assertThat(stopped.path("errors").toString()).contains("did not answer batch 1", "after 2 attempts");
        assertThat(HR.findAll(postRequestedFor(urlEqualTo("/hr/skills")))).as("retried once, then stopped").hasSize(2);

        HR.resetAll();
        HR.stubFor(post("/hr/skills").willReturn(aResponse().withStatus(200)));
        ApiClient.Answer again = api.postJson("/api/v1/hr-sync/runs", "");

        assertThat(again.body().path("runId").asText()).as("the stopped run is resumed, not a new one").isEqualTo(runId);
        assertThat(finished(runId).path("status").asText()).isEqualTo("succeeded");
        assertThat(HR.findAll(postRequestedFor(urlEqualTo("/hr/skills")))).extracting(r -> r.getHeader("Idempotency-Key"))
                .containsExactly(runId + "-1", runId + "-2");
    }

    @Test
    void refusesAnUnknownMode() {
        ApiClient.Answer answer = api.postJson("/api/v1/hr-sync/runs?mode=weekly", "");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.raw()).contains("mode");
    }

    @Test
    void anotherNodeHoldingTheLockMeansConflict() {
        Lock otherNode = otherNodeLocks().obtain(HrSyncJob.LOCK_KEY);
        assertThat(otherNode.tryLock()).isTrue();
        try {
            ApiClient.Answer answer = api.postJson("/api/v1/hr-sync/runs", "");
            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.raw()).contains("another node");
        } finally {
            otherNode.unlock();
        }
        ApiClient.Answer after = api.postJson("/api/v1/hr-sync/runs", "");
        assertThat(after.status()).isEqualTo(202);
        finished(after.body().path("runId").asText());
    }

    @Test
    void aSecondStartWhileOneRunsIsAConflictNamingTheRunningRun() {
        HR.stubFor(post("/hr/skills").willReturn(aResponse().withStatus(200).withFixedDelay(700)));
        ApiClient.Answer first = api.postJson("/api/v1/hr-sync/runs?mode=full", "");
        assertThat(first.status()).as(first.raw()).isEqualTo(202);
        String runId = first.body().path("runId").asText();

        ApiClient.Answer second = api.postJson("/api/v1/hr-sync/runs?mode=full", "");

        assertThat(second.status()).as(second.raw()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.body().path("detail").asText()).contains(runId);
        assertThat(second.body().path("runningRuns").toString()).contains("/api/v1/hr-sync/runs/" + runId);
        assertThat(finished(runId).path("status").asText()).isEqualTo("succeeded");
        // the refused start left no run of its own behind
        assertThat(api.get("/api/v1/hr-sync/runs").body().findValuesAsText("status")).doesNotContain("planning");
    }

    @Test
    void twoNodesStartingAtOnceRunItOnce() throws Exception {
        HR.stubFor(post("/hr/skills").willReturn(aResponse().withStatus(200).withFixedDelay(700)));
        HrSyncJob secondNode = new HrSyncJob(runnerOf(job), outputsOf(job), propertiesOf(job), taxonomyOf(job),
                otherNodeLocks(), java.time.Clock.systemUTC(), HrSyncJob.startThreads());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<HrSyncJob.Outcome> a = nodes.submit(() -> {
                go.await();
                return job.runNow("node-a", SyncMode.FULL);
            });
            Future<HrSyncJob.Outcome> b = nodes.submit(() -> {
                go.await();
                return secondNode.runNow("node-b", SyncMode.FULL);
            });
            go.countDown();
            List<HrSyncJob.Result> results = List.of(a.get().result(), b.get().result());
            assertThat(results).containsExactlyInAnyOrder(HrSyncJob.Result.RAN, HrSyncJob.Result.LOCKED);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(HR.findAll(postRequestedFor(urlEqualTo("/hr/skills")))).hasSize(2);
    }

    @Test
    void aLockLeftByADeadNodeExpiresAfterItsTimeToLive() throws Exception {
        Lock deadNode = otherNodeLocks().obtain(HrSyncJob.LOCK_KEY);
        assertThat(deadNode.tryLock()).isTrue();
        // the node dies holding it: nobody unlocks or renews it

        assertThat(job.runNow("test", SyncMode.INCREMENTAL).result()).isEqualTo(HrSyncJob.Result.LOCKED);
        Thread.sleep(LOCK_TTL.toMillis() + 300);
        assertThat(job.runNow("test", SyncMode.INCREMENTAL).result()).isEqualTo(HrSyncJob.Result.RAN);
    }

    @Test
    void theLockIsRenewedWhileARunOutlivesItsTimeToLive() throws Exception {
        // two batches of 1.2 s each: the run holds the lock longer than its 2 s time to live
        HR.stubFor(post("/hr/skills").willReturn(aResponse().withStatus(200).withFixedDelay(1_200)));
        long start = System.nanoTime();
        ApiClient.Answer started = api.postJson("/api/v1/hr-sync/runs?mode=full", "");
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        String runId = started.body().path("runId").asText();
        JdbcLockRegistry otherNode = otherNodeLocks();

        List<String> takenWhileRunning = new ArrayList<>();
        int tries = 0;
        while (running(runId)) {
            Lock lock = otherNode.obtain(HrSyncJob.LOCK_KEY);
            if (lock.tryLock()) {
                lock.unlock();
                // the run records its end before it lets go: taken while still running means the lock lapsed
                if (running(runId)) {
                    takenWhileRunning.add("try " + tries);
                }
            }
            tries++;
            Thread.sleep(100);
        }

        JsonNode report = finished(runId);
        assertThat(report.path("status").asText()).isEqualTo("succeeded");
        // the server's clock is fixed, so the run's own duration says nothing here
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(LOCK_TTL);
        assertThat(tries).isGreaterThan(10);
        assertThat(takenWhileRunning).isEmpty();
    }

    private boolean running(String runId) {
        return List.of("planning", "delivering").contains(api.get("/api/v1/hr-sync/runs/" + runId).body()
                .path("status").asText());
    }

    /** Polls the run's report until it ended: the API runs it in the background. */
    private JsonNode finished(String runId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode report = api.get("/api/v1/hr-sync/runs/" + runId).body();
            if (!List.of("planning", "delivering").contains(report.path("status").asText())
                    || System.nanoTime() > deadline) {
                return report;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A POST read with its headers (the shared client keeps only status and body). */
    private HttpResponse<String> postForLocation(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + ApiClient.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JdbcLockRegistry otherNodeLocks() {
        return OtherNode.locks(dataSource, tx, "waypoint-hr-sync", LOCK_TTL);
    }

    private static dev.waypoint.core.hrsync.HrSyncRunner runnerOf(HrSyncJob job) {
        return field(job, "runner");
    }

    private static HrSyncOutputs outputsOf(HrSyncJob job) {
        return field(job, "outputs");
    }

    private static HrSyncProperties propertiesOf(HrSyncJob job) {
        return field(job, "properties");
    }

    private static dev.waypoint.core.taxonomy.ActiveTaxonomy taxonomyOf(HrSyncJob job) {
        return field(job, "taxonomy");
    }

    @SuppressWarnings("unchecked")
    private static <T> T field(Object target, String name) {
        try {
            var f = target.getClass().getDeclaredField(name);
            f.setAccessible(true);
            return (T) f.get(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Just enough of a run to name its files. */
    private record ApiRun(String id) {
        dev.waypoint.core.hrsync.HrSyncRun asRun() {
            return new dev.waypoint.core.hrsync.HrSyncRun(id, "default", SyncMode.FULL, "api",
                    dev.waypoint.core.hrsync.RunStatus.SUCCEEDED, null, Instant.EPOCH, null,
                    dev.waypoint.core.hrsync.HrSyncRun.Counts.NONE, 0, List.of(), List.of());
        }
    }
}
