package dev.waypoint.app.console;

import dev.waypoint.app.hrsync.HrSyncJob;
import dev.waypoint.app.hrsync.HrSyncProperties;
import dev.waypoint.core.hrsync.HrSyncRun;
import dev.waypoint.core.hrsync.jdbc.JdbcHrSyncStore;
import dev.waypoint.core.identity.Person;
import dev.waypoint.core.store.PersonRepository;
import dev.waypoint.core.store.TenantRepository;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The HR sync runs in the console: a tenant's runs with their reports, one run's detail with the people
 * left out for want of an HR id, and "run now", which starts the same job as {@code POST /api/v1/hr-sync/runs}.
 */
@Controller
class HrSyncRunsController {

    static final int PAGE = 50;

    private final HrSyncJob job;
    private final JdbcHrSyncStore store;
    private final HrSyncProperties properties;
    private final PersonRepository people;

    HrSyncRunsController(HrSyncJob job, JdbcHrSyncStore store, HrSyncProperties properties, PersonRepository people) {
        this.job = job;
        this.store = store;
        this.properties = properties;
        this.people = people;
    }

    @GetMapping("/console/hr-sync")
    String runs(@RequestParam(defaultValue = TenantRepository.DEFAULT_TENANT) String tenant,
                @RequestParam(defaultValue = "0") int offset, Model model) {
        int from = Math.max(0, offset);
        List<RunSummary> runs = store.listRuns(tenant, from, PAGE + 1).stream().map(RunSummary::of).toList();
        TreeSet<String> tenants = new TreeSet<>(properties.tenants().keySet());
        tenants.add(tenant);
        model.addAttribute("tenant", tenant);
        model.addAttribute("tenants", tenants);
        model.addAttribute("configured", !properties.tenants().isEmpty());
        model.addAttribute("runs", runs.size() > PAGE ? runs.subList(0, PAGE) : runs);
        model.addAttribute("offset", from);
        model.addAttribute("previous", from > 0 ? Math.max(0, from - PAGE) : null);
        model.addAttribute("next", runs.size() > PAGE ? from + PAGE : null);
        return "console/hr-sync";
    }

    @GetMapping("/console/hr-sync/runs/{id}")
    String run(@PathVariable String id, Model model) {
        HrSyncRun run = store.findRun(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no HR sync run " + id));
        List<Unidentified> withoutHrId = new ArrayList<>();
        for (String personId : run.withoutHrId()) {
            withoutHrId.add(new Unidentified(personId,
                    people.find(run.tenantId(), personId).map(Person::displayName).orElse(null)));
        }
        model.addAttribute("run", RunSummary.of(run));
        model.addAttribute("withoutHrId", withoutHrId);
        return "console/hr-sync-run";
    }

    @PostMapping("/console/hr-sync/runs")
    String runNow(RedirectAttributes flash) {
        // in the background, as over the API: a long run must not keep the admin's page loading
        HrSyncJob.Outcome outcome = job.start("console", null);
        switch (outcome.result()) {
            case RAN -> {
                List<String> begun = outcome.runs().stream().map(r -> r.tenantId() + ": run " + r.id()).toList();
                flash.addFlashAttribute("notice", "HR sync started. " + String.join("; ", begun)
                        + ". Refresh to follow it.");
            }
            case LOCKED -> flash.addFlashAttribute("problem", "Not started: " + outcome.reason() + ".");
            case NOT_CONFIGURED -> flash.addFlashAttribute("problem", "Not started: " + outcome.reason()
                    + ". Configure waypoint.hr-sync.tenants (see docs/hr-sync-format.md).");
        }
        return "redirect:/console/hr-sync";
    }

    /** A person the run could not send: their id, and their name when known. */
    public record Unidentified(String personId, String displayName) {
    }
}
