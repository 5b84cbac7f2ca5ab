package dev.waypoint.xapi;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of the xAPI receiver and the LRS pollers ({@code waypoint.xapi.*}).
 *
 * @param strict       refuse logstore_xapi's known deviations (context.instructor "System") instead of repairing them
 * @param maxBodyBytes the largest request body accepted (413 above it)
 * @param moodleSites  the wwwroot of each Moodle site whose statements arrive here: their account names are
 *                     Moodle user ids, their course, module and badge IRIs become {@code moodle:...} refs
 * @param verbs        verb IRI → what it means here (an evidence kind wire name, "completion", "revocation",
 *                     "void"); merged over {@link XapiVerbs#DEFAULTS}, a value of "ignore" removes a default
 * @param sweepEvery   how often statements stored but not yet offered to the evidence pipeline are picked up
 * @param sweepGrace   how old such a statement must be before the sweep takes it from the immediate hand-off
 * @param lrs          external LRSs to poll
 */
public record XapiProperties(boolean strict, long maxBodyBytes, List<String> moodleSites, Map<String, String> verbs,
                             Duration sweepEvery, Duration sweepGrace, List<Lrs> lrs) {

    public XapiProperties {
        maxBodyBytes = maxBodyBytes <= 0 ? 2_000_000 : maxBodyBytes;
        moodleSites = moodleSites == null ? List.of() : moodleSites.stream().map(XapiProperties::withoutSlash).toList();
        Map<String, String> merged = new LinkedHashMap<>(XapiVerbs.DEFAULTS);
        if (verbs != null) {
            verbs.forEach((verb, meaning) -> {
                if ("ignore".equals(meaning)) {
                    merged.remove(verb);
                } else {
                    merged.put(verb, meaning);
                }
            });
        }
        verbs = Map.copyOf(merged);
        sweepEvery = sweepEvery == null ? Duration.ofSeconds(30) : sweepEvery;
        sweepGrace = sweepGrace == null ? Duration.ofSeconds(10) : sweepGrace;
        lrs = lrs == null ? List.of() : List.copyOf(lrs);
    }

    public static XapiProperties defaults() {
        return new XapiProperties(false, 0, null, null, null, null, null);
    }

    public boolean isMoodleSite(String homePage) {
        return homePage != null && moodleSites.contains(withoutSlash(homePage));
    }

    /**
     * One external LRS to pull statements from.
     *
     * @param name      the watermark's name; keep it stable across restarts
     * @param tenant    the tenant the statements belong to
     * @param endpoint  the LRS's xAPI base, e.g. {@code https://lrs.example.com/xapi/}
     * @param pageLimit the {@code limit} asked per page
     * @param writeBack  also send this tenant's readiness to this LRS, as statements (see {@link XapiWriteBack})
     * @param poll       pull statements from this LRS (true unless said otherwise; an LRS may be for write-back only)
     */
    public record Lrs(String name, String tenant, String endpoint, String key, String secret, Duration pollEvery,
                      int pageLimit, String version, boolean writeBack, Boolean poll) {

        public Lrs {
            pollEvery = pollEvery == null ? Duration.ofMinutes(1) : pollEvery;
            pageLimit = pageLimit <= 0 ? 500 : pageLimit;
            version = version == null ? "1.0.3" : version;
            poll = poll == null || poll;
        }

        public boolean polled() {
            return poll;
        }

        @Override
        public String toString() {
            return "Lrs[name=" + name + ", tenant=" + tenant + ", endpoint=" + endpoint + "]";
        }
    }

    static String withoutSlash(String site) {
        String s = site.trim();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
