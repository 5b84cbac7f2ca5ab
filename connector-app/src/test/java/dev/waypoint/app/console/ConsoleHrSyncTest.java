package dev.waypoint.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waypoint.app.lti.ToolBrowser.Page;
import dev.waypoint.app.support.ApiClient.Answer;
import dev.waypoint.app.support.OtherNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.Lock;

import static dev.waypoint.app.console.ConsoleOverviewTest.row;
import static org.assertj.core.api.Assertions.assertThat;

/** HR sync runs in the console: run now, the list with each run's report, one run with the people lacking an HR id. */
class ConsoleHrSyncTest extends SignedInConsole {

    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager tx;


    @Test
    void runNowStartsARunThatIsListedWithItsReportAndThePeopleWithoutHrId() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        verifiedSql("[{\"kind\":\"email\",\"value\":\"hr-" + tag + "@example.com\"},{\"kind\":\"hr_employee_id\",\"value\":\"E-" + tag + "\"}]",
                "Hana Registered " + tag);
        String unidentified = verifiedSql("[{\"kind\":\"email\",\"value\":\"nohr-" + tag + "@example.com\"}]",
                "Noor Unlisted " + tag);
        admin.get("/console/hr-sync");

        Page ran = admin.submit("/console/hr-sync/runs", Map.of());

        assertThat(ran.status()).isEqualTo(302);
        JsonNode begun = api.get("/api/v1/hr-sync/runs?tenant=default&limit=1").body().get(0);
        assertThat(begun.path("trigger").asText()).isEqualTo("console");
        String runId = begun.path("id").asText();
        assertThat(admin.get("/console/hr-sync").body()).contains("HR sync started. default: run " + runId);
        JsonNode latest = finished(runId);
        assertThat(latest.path("status").asText()).isEqualTo("succeeded");
        Page list = admin.get("/console/hr-sync");
        assertThat(row(list.body(), "run-" + runId))
                .contains(latest.path("startedAt").asText(), ">" + latest.path("status").asText() + "<")
                .contains("<td>" + latest.path("counts").path("peopleSent").asInt() + "</td>")
                .contains("<td>" + latest.path("peopleWithoutHrId").asInt() + "</td>");
        assertThat(latest.path("peopleWithoutHrIdListed").toString()).contains(unidentified);

        Page detail = admin.get("/console/hr-sync/runs/" + runId);

        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body())
                .contains("id=\"people-seen\">" + latest.path("counts").path("peopleSeen").asInt() + "<")
                .contains("id=\"people-sent\">" + latest.path("counts").path("peopleSent").asInt() + "<")
                .contains("Noor Unlisted " + tag, unidentified)
                .doesNotContain("Hana Registered " + tag);
    }

    @Test
    void whileAnotherNodeHoldsTheSyncLockRunNowStartsNothingAndSaysWhy() {
        int runsBefore = api.get("/api/v1/hr-sync/runs?tenant=default&limit=500").body().size();
        Lock otherNode = OtherNode.locks(dataSource, tx, "waypoint-hr-sync").obtain("waypoint-hr-sync");
        assertThat(otherNode.tryLock()).isTrue();
        try {
            admin.get("/console/hr-sync");

            Page refused = admin.submit("/console/hr-sync/runs", Map.of());

            assertThat(refused.status()).isEqualTo(302);
            assertThat(admin.get("/console/hr-sync").body()).contains("Not started: another node is running the HR sync.");
            assertThat(api.get("/api/v1/hr-sync/runs?tenant=default&limit=500").body().size()).isEqualTo(runsBefore);
        } finally {
            otherNode.unlock();
        }
    }

    @Test
    void anUnknownRunIsNotFound() {
        assertThat(admin.get("/console/hr-sync/runs/no-such-run").status()).isEqualTo(404);
    }

    /** A person with SQL verified at level 3: learning, an applied project and an endorsement, through the API. */
    private String verifiedSql(String identities, String name) {
        String personId = null;
        for (String kind : new String[]{"course_completion", "applied_project", "manager_endorsement"}) {
            Answer stored = api.postJson("/api/v1/evidence", """
                    {"identities":%s,"displayName":"%s","kind":"%s","skills":[{"skill":"sql","level":3}],
                     "occurredAt":"2026-05-01T00:00:00Z","source":"console-test","externalId":"%s"}"""
                    .formatted(identities, name, kind, UUID.randomUUID()));
            assertThat(stored.status()).as(stored.raw()).isIn(200, 201, 202);
            personId = stored.body().path("personId").asText(personId);
        }
        return personId;
    }

    /** The run's report once it ended: the console starts it in the background. */
    private JsonNode finished(String runId) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        JsonNode report = api.get("/api/v1/hr-sync/runs/" + runId).body();
        while (java.util.List.of("planning", "delivering").contains(report.path("status").asText())
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            report = api.get("/api/v1/hr-sync/runs/" + runId).body();
        }
        return report;
    }
}
