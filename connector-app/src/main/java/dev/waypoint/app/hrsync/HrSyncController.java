package dev.waypoint.app.hrsync;

import dev.waypoint.app.api.ApiException;
import dev.waypoint.app.api.FieldProblem;
import dev.waypoint.core.hrsync.HrSyncRun;
import dev.waypoint.core.hrsync.SyncMode;
import dev.waypoint.core.hrsync.jdbc.JdbcHrSyncStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Starting an HR sync now (in the background) and reading the reports of runs. */
@RestController
@RequestMapping(HrSyncController.PATH)
@Tag(name = "HR sync", description = "Verified skills sent to HR: runs and their reports")
public class HrSyncController {

    static final String PATH = "/api/v1/hr-sync/runs";

    private final HrSyncJob job;
    private final JdbcHrSyncStore store;

    public HrSyncController(HrSyncJob job, JdbcHrSyncStore store) {
        this.job = job;
        this.store = store;
    }

    @Operation(summary = "Start the HR sync now",
            description = "Answers 202 as soon as the run of each configured tenant is recorded (an unfinished run "
                    + "is resumed first); the run goes on in the background: follow it at the Location. mode: "
                    + "incremental or full; left out, the schedule's choice. 409 when a run is going on (the "
                    + "problem names it) or nothing is configured.")
    @PostMapping
    public ResponseEntity<Started> start(@RequestParam(required = false) String mode) {
        SyncMode chosen = null;
        if (mode != null) {
            chosen = switch (mode) {
                case "incremental" -> SyncMode.INCREMENTAL;
                case "full" -> SyncMode.FULL;
                default -> throw ApiException.badRequest("mode", "'" + mode + "' is not one of [incremental, full]");
            };
        }
        HrSyncJob.Outcome outcome = job.start("api", chosen);
        return switch (outcome.result()) {
            case LOCKED -> throw running(outcome.reason());
            case NOT_CONFIGURED -> throw new ApiException(HttpStatus.CONFLICT, "HR sync not configured",
                    outcome.reason(), List.of(), Map.of());
            case RAN -> {
                List<RunReport> runs = outcome.runs().stream().map(RunReport::of).toList();
                String location = PATH + "/" + runs.get(0).id();
                yield ResponseEntity.accepted().location(URI.create(location))
                        .body(new Started(runs.get(0).id(), location, runs));
            }
        };
    }

    /** 409 naming the runs going on, so the caller can follow them instead of starting another. */
    private ApiException running(String reason) {
        List<HrSyncRun> running = store.runningRuns();
        String detail = running.isEmpty() ? reason : "HR sync run " + running.get(0).id() + " of tenant "
                + running.get(0).tenantId() + " is " + running.get(0).status().name().toLowerCase(Locale.ROOT);
        return new ApiException(HttpStatus.CONFLICT, "HR sync already running", detail, List.of(),
                Map.of("runningRuns", running.stream().map(r -> PATH + "/" + r.id()).toList()));
    }

    /** What a start answers: the run to follow (the first tenant's) and every run it began. */
    public record Started(String runId, String location, List<RunReport> runs) {
    }

    @Operation(summary = "List a tenant's HR sync runs, newest first")
    @GetMapping
    public List<RunReport> list(@RequestParam(defaultValue = "default") String tenant,
                                @RequestParam(defaultValue = "0") int offset,
                                @RequestParam(defaultValue = "50") int limit) {
        if (offset < 0) {
            throw ApiException.invalid(List.of(new FieldProblem("offset", "must not be negative")));
        }
        if (limit < 1 || limit > 500) {
            throw ApiException.invalid(List.of(new FieldProblem("limit", "must be between 1 and 500")));
        }
        return store.listRuns(tenant, offset, limit).stream().map(RunReport::of).toList();
    }

    @Operation(summary = "One HR sync run's report")
    @GetMapping("/{id}")
    public RunReport one(@PathVariable String id) {
        return store.findRun(id).map(RunReport::of).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "Not found", "no HR sync run " + id, List.of(), Map.of()));
    }

    /** A run as the API shows it: the run's report plus its duration in milliseconds. */
    public record RunReport(String id, String tenantId, String mode, String trigger, String status,
                            String taxonomyVersion, String startedAt, String finishedAt, Long durationMs,
                            HrSyncRun.Counts counts, int peopleWithoutHrId, List<String> peopleWithoutHrIdListed,
                            List<String> errors) {

        public static RunReport of(HrSyncRun run) {
            return new RunReport(run.id(), run.tenantId(), run.mode().wireName(), run.trigger(),
                    run.status().name().toLowerCase(java.util.Locale.ROOT), run.taxonomyVersion(),
                    run.startedAt().toString(), run.finishedAt() == null ? null : run.finishedAt().toString(),
                    run.duration() == null ? null : run.duration().toMillis(), run.counts(), run.withoutHrIdCount(),
                    run.withoutHrId(), run.errors());
        }
    }
}
