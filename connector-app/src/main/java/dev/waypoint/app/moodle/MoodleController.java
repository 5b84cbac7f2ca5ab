package dev.waypoint.app.moodle;

import dev.waypoint.app.api.ApiException;
import dev.waypoint.app.api.FieldProblem;
import dev.waypoint.core.engine.NotFoundException;
import dev.waypoint.core.store.TenantRepository;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import dev.waypoint.core.taxonomy.Role;
import dev.waypoint.core.taxonomy.Taxonomy;
import dev.waypoint.moodle.MoodleCompetencyFrameworks;
import dev.waypoint.moodle.MoodleError;
import dev.waypoint.moodle.MoodleOptions;
import dev.waypoint.moodle.MoodleProperties;
import dev.waypoint.moodle.MoodleSiteCheck;
import dev.waypoint.moodle.MoodleSyncReport;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The admin API of the Moodle adapter: a tenant's site settings (checked against the site before they
 * are saved; the token is write-only), syncing on demand, and the last syncs with their counts and errors.
 */
@RestController
public class MoodleController {

    private final JdbcMoodleSites sites;
    private final MoodleSyncRuns runs;
    private final TenantRepository tenants;
    private final ActiveTaxonomy taxonomy;

    public MoodleController(JdbcMoodleSites sites, MoodleSyncRuns runs, TenantRepository tenants, ActiveTaxonomy taxonomy) {
        this.sites = sites;
        this.runs = runs;
        this.tenants = tenants;
        this.taxonomy = taxonomy;
    }

    @PutMapping("/api/v1/moodle/sites/{tenant}")
    public SiteView save(@PathVariable String tenant, @RequestBody SiteBody body) {
        MoodleProperties site = validate(body);
        MoodleSiteCheck.SiteReport report;
        try {
            report = new MoodleSiteCheck().check(sites.newClient(site.withCalls(1, Duration.ofSeconds(15), 1)));
        } catch (MoodleError e) {
            String field = switch (e.kind()) {
                case INVALID_TOKEN, FUNCTION_NOT_ALLOWED -> "token";
                default -> "baseUrl";
            };
            throw ApiException.invalid(field, "the site check failed: " + e.getMessage());
        }
        tenants.ensure(tenant, tenant);
        sites.save(tenant, site);
        return SiteView.of(tenant, site, report.siteName(), report.release(), report.missingFunctions());
    }

    @GetMapping("/api/v1/moodle/sites/{tenant}")
    public SiteView get(@PathVariable String tenant) {
        MoodleProperties site = sites.find(tenant).orElseThrow(() -> new NotFoundException("moodle site", tenant));
        return SiteView.of(tenant, site, null, null, List.of());
    }

    /** Creates the role's skills as a Moodle competency framework and maps them for competency ratings. */
    @PostMapping("/api/v1/moodle/sites/{tenant}/competency-framework")
    public FrameworkView createFramework(@PathVariable String tenant, @RequestBody FrameworkBody body) {
        if (body.role() == null || body.role().isBlank()) {
            throw ApiException.invalid("role", "is required: the id of a role of the taxonomy");
        }
        Taxonomy current = taxonomy.require();
        Role role = current.role(body.role()).orElseThrow(() -> ApiException.invalid("role",
                "no role '" + body.role() + "' in taxonomy " + current.version()));
        MoodleProperties site = sites.find(tenant).orElseThrow(() -> new NotFoundException("moodle site", tenant));
        if (site.competencyFrameworkId() != null) {
            throw new ApiException(HttpStatus.CONFLICT, "Framework already mapped", "the site already rates "
                    + "competencies of framework " + site.competencyFrameworkId() + "; change the mapping with PUT",
                    List.of(), Map.of());
        }
        MoodleCompetencyFrameworks.Created created;
        try {
            created = new MoodleCompetencyFrameworks().create(sites.client(tenant).orElseThrow(), role, current);
        } catch (MoodleError e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "Moodle refused", e.getMessage(), List.of(), Map.of());
        }
        sites.save(tenant, site.withCompetencies(created.frameworkId(), created.competencies()));
        return new FrameworkView(tenant, role.id(), created.frameworkId(), created.competencies());
    }

    @PostMapping("/api/v1/sync/{tenant}")
    public MoodleSyncReport sync(@PathVariable String tenant) {
        return runs.syncNow(tenant).orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "Sync running",
                "a sync of " + tenant + " is already running; its report will be under GET /api/v1/sync/" + tenant,
                List.of(), Map.of()));
    }

    @GetMapping("/api/v1/sync/{tenant}")
    public SyncStatus status(@PathVariable String tenant) {
        if (sites.find(tenant).isEmpty()) {
            throw new NotFoundException("moodle site", tenant);
        }
        List<MoodleSyncReport> recent = runs.recent(tenant, 10);
        return new SyncStatus(tenant, recent.isEmpty() ? null : recent.get(0), recent);
    }

    private static MoodleProperties validate(SiteBody body) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body.baseUrl() == null || body.baseUrl().isBlank()) {
            problems.add(new FieldProblem("baseUrl", "is required: the site root, e.g. https://moodle.example.com"));
        } else {
            try {
                URI uri = URI.create(body.baseUrl().trim());
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    problems.add(new FieldProblem("baseUrl", "must be an http(s) URL with a host"));
                }
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("baseUrl", "is not a URL"));
            }
        }
        if (body.token() == null || body.token().isBlank()) {
            problems.add(new FieldProblem("token", "is required: a web-service token of the Waypoint service"));
        }
        if (body.concurrency() != null && (body.concurrency() < 1 || body.concurrency() > 64)) {
            problems.add(new FieldProblem("concurrency", "must be between 1 and 64"));
        }
        if (body.pageSize() != null && (body.pageSize() < 1 || body.pageSize() > 5000)) {
            problems.add(new FieldProblem("pageSize", "must be between 1 and 5000"));
        }
        if (body.syncEveryMinutes() != null && body.syncEveryMinutes() < 5) {
            problems.add(new FieldProblem("syncEveryMinutes", "must be at least 5"));
        }
        if (body.callTimeoutSeconds() != null && (body.callTimeoutSeconds() < 1 || body.callTimeoutSeconds() > 300)) {
            problems.add(new FieldProblem("callTimeoutSeconds", "must be between 1 and 300"));
        }
        if (body.agsCourseIds() != null && body.agsCourseIds().stream().anyMatch(id -> id == null || id < 1)) {
            problems.add(new FieldProblem("agsCourseIds", "must hold Moodle course ids (positive numbers)"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return new MoodleProperties(body.baseUrl().trim(), body.token().trim(), body.courseIds(), body.activityCourseIds(),
                body.pageSize() == null ? 0 : body.pageSize(), body.concurrency() == null ? 0 : body.concurrency(),
                body.callTimeoutSeconds() == null ? null : Duration.ofSeconds(body.callTimeoutSeconds()), 0,
                body.profileField() == null ? "readiness" : body.profileField(), body.competencyFrameworkId(),
                body.competencies(), body.syncEveryMinutes() == null ? null : Duration.ofMinutes(body.syncEveryMinutes()),
                new MoodleOptions(body.agsCourseIds(), Boolean.TRUE.equals(body.competencyRatings()),
                        Boolean.TRUE.equals(body.learningPlans()), Boolean.TRUE.equals(body.badgeAssertions())));
    }

    /** What an admin sends; {@code profileField} "" turns the profile write-back off. */
    public record SiteBody(String baseUrl, String token, List<Long> courseIds, List<Long> activityCourseIds, Integer pageSize, Integer concurrency,
                           Long callTimeoutSeconds, String profileField, Long competencyFrameworkId,
                           Map<String, String> competencies, Long syncEveryMinutes, List<Long> agsCourseIds,
                           Boolean competencyRatings, Boolean learningPlans, Boolean badgeAssertions) {
    }

    /** The site as shown: the token masked, and what the site check found. */
    public record SiteView(String tenant, String baseUrl, String token, List<Long> courseIds,
                           List<Long> activityCourseIds, int concurrency,
                           String profileField, Long competencyFrameworkId, Map<String, String> competencies,
                           Long syncEveryMinutes, MoodleOptions options, String siteName, String release,
                           List<String> missingFunctions) {
        static SiteView of(String tenant, MoodleProperties site, String siteName, String release, List<String> missing) {
            return new SiteView(tenant, site.baseUrl(), site.maskedToken(), site.courseIds(), site.activityCourseIds(),
                    site.concurrency(),
                    site.profileField(), site.competencyFrameworkId(), site.competencies(),
                    site.syncEvery() == null ? null : site.syncEvery().toMinutes(), site.options(), siteName, release, missing);
        }
    }

    public record FrameworkBody(String role) {
    }

    public record FrameworkView(String tenant, String role, long frameworkId, Map<String, String> competencies) {
    }

    public record SyncStatus(String tenant, MoodleSyncReport last, List<MoodleSyncReport> recent) {
    }
}
