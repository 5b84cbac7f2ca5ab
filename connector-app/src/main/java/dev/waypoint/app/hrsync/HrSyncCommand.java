package dev.waypoint.app.hrsync;

import dev.waypoint.app.WaypointApplication;
import dev.waypoint.core.hrsync.HrSyncRun;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar waypoint.jar hr-sync --once [--full|--incremental] [--spring options]}: one sync
 * without listening on any port, then exit 0 when every tenant's run succeeded, otherwise 1 (a run failed or
 * stopped), 2 (bad arguments or no configuration), 3 (another node holds the lock), with a one-line reason.
 */
public final class HrSyncCommand {

    public static final String NAME = "hr-sync";

    private HrSyncCommand() {
    }

    public static boolean requested(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    public static int run(String[] args, PrintStream out) {
        List<String> own = Arrays.stream(args).skip(1).filter(a -> !a.startsWith("--spring.") && !a.startsWith("--waypoint.")
                && !a.startsWith("--logging.")).toList();
        if (!own.contains("--once") || !own.stream().allMatch(a -> a.equals("--once") || a.equals("--full")
                || a.equals("--incremental"))) {
            out.println("hr-sync: usage: hr-sync --once [--full|--incremental]");
            return 2;
        }
        dev.waypoint.core.hrsync.SyncMode mode = own.contains("--full") ? dev.waypoint.core.hrsync.SyncMode.FULL
                : own.contains("--incremental") ? dev.waypoint.core.hrsync.SyncMode.INCREMENTAL : null;
        SpringApplication app = new SpringApplication(WaypointApplication.class);
        // The admin security chain needs a servlet context to be built, so the context stays a web one, but
        // server.port=-1 keeps the embedded server from listening: nothing is served by the one-shot process,
        // which may well run beside the server itself. The nightly schedule must not fire in it either. Both
        // go first among the property sources: application.yml's server.port and cron would beat defaults.
        app.setWebApplicationType(WebApplicationType.SERVLET);
        app.addInitializers(context -> context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("hr-sync --once", Map.of("waypoint.hr-sync.cron", "-", "server.port", "-1"))));
        String[] springArgs = Arrays.stream(args).skip(1).filter(a -> !own.contains(a)).toArray(String[]::new);
        try (ConfigurableApplicationContext context = app.run(springArgs)) {
            HrSyncJob.Outcome outcome = context.getBean(HrSyncJob.class).runNow("command-line", mode);
            return report(outcome, out);
        } catch (RuntimeException e) {
            out.println("hr-sync: failed: " + e.getMessage());
            return 1;
        }
    }

    private static int report(HrSyncJob.Outcome outcome, PrintStream out) {
        switch (outcome.result()) {
            case LOCKED -> {
                out.println("hr-sync: not run: " + outcome.reason());
                return 3;
            }
            case NOT_CONFIGURED -> {
                out.println("hr-sync: not run: " + outcome.reason());
                return 2;
            }
            default -> {
                for (HrSyncRun run : outcome.runs()) {
                    if (!outcome.succeeded()) {
                        if (run.status() != dev.waypoint.core.hrsync.RunStatus.SUCCEEDED) {
                            out.println("hr-sync: tenant " + run.tenantId() + " run " + run.id() + " "
                                    + run.status().name().toLowerCase() + ": "
                                    + (run.errors().isEmpty() ? "see the run report" : run.errors().get(run.errors().size() - 1)));
                            return 1;
                        }
                    }
                }
                HrSyncRun.Counts total = outcome.runs().stream().map(HrSyncRun::counts)
                        .reduce(HrSyncRun.Counts.NONE, (a, b) -> new HrSyncRun.Counts(a.peopleSeen() + b.peopleSeen(),
                                a.peopleSent() + b.peopleSent(), a.skillsUpserted() + b.skillsUpserted(),
                                a.skillsRemoved() + b.skillsRemoved(), a.batchesTotal() + b.batchesTotal(),
                                a.batchesSent() + b.batchesSent(), a.batchesFailed() + b.batchesFailed()));
                out.println("hr-sync: succeeded: " + outcome.runs().size() + " tenant(s), " + total.skillsUpserted()
                        + " upserted, " + total.skillsRemoved() + " removed, " + total.batchesTotal() + " batches");
                return 0;
            }
        }
    }
}
