package dev.waypoint.benchmarks;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.waypoint.core.engine.IngestOutcome;
import dev.waypoint.core.evidence.LearningSignal;
import dev.waypoint.core.ingest.EvidenceSink;
import dev.waypoint.core.taxonomy.Taxonomy;
import dev.waypoint.core.taxonomy.TaxonomyLoadResult;
import dev.waypoint.core.taxonomy.TaxonomyYamlLoader;
import dev.waypoint.moodle.MoodleClient;
import dev.waypoint.moodle.MoodleEvidenceSource;
import dev.waypoint.moodle.MoodleProperties;
import dev.waypoint.moodle.MoodleSyncReport;
import dev.waypoint.moodle.MoodleSyncState;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Load harness for the Moodle sync: {@code people} learners × {@code courses} courses served by a WireMock
 * Moodle on 127.0.0.1 with a fixed latency per call, synced three times with the adapter's default
 * concurrency limit: a first full sync, an unchanged re-sync, and a re-sync after every tenth person
 * completed one more mapped course. Prints wall time and HTTP calls per person for each. The evidence
 * sink only counts (no database), so the figures are the adapter's and Moodle's share of a sync.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.waypoint.benchmarks.MoodleSyncLoad
 * [people=10000] [courses=20] [latencyMs=20] [concurrency=8]} from the repository root.
 */
public final class MoodleSyncLoad {

    private MoodleSyncLoad() {
    }

    public static void main(String[] args) throws Exception {
        int people = bounded(args, 0, 10_000, 100_000);
        int courses = bounded(args, 1, 20, 200);
        int latencyMs = bounded(args, 2, 20, 5_000);
        int concurrency = bounded(args, 3, MoodleProperties.DEFAULT_CONCURRENCY, 64);

        SyntheticMoodle site = new SyntheticMoodle(people, courses);
        WireMockServer moodle = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(Math.max(20, concurrency * 3)).asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(Math.max(10, concurrency * 2)).disableRequestJournal()
                .extensions(site));
        moodle.start();
        try {
            moodle.stubFor(post(urlPathEqualTo("/webservice/rest/server.php")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withFixedDelay(latencyMs)
                    .withTransformers(site.getName())));
            List<Long> courseIds = new ArrayList<>();
            for (int k = 0; k < courses; k++) {
                courseIds.add(100L + k);
            }
            MoodleProperties properties = MoodleProperties.of("http://127.0.0.1:" + moodle.port(), "bench-token-0000000000000000")
                    .withCourseIds(courseIds).withCalls(concurrency, Duration.ofSeconds(30), 4);
            MoodleClient client = new MoodleClient(properties);
            CountingSink sink = new CountingSink();
            MoodleEvidenceSource source = new MoodleEvidenceSource(sink, new MoodleSyncState.InMemory(), null, Clock.systemUTC());
            Taxonomy taxonomy = sampleTaxonomy();

            System.out.printf("Moodle sync: %d people x %d courses, %d ms per call, concurrency %d%n",
                    people, courses, latencyMs, concurrency);
            run("first full sync", source, client, taxonomy, sink);
            run("unchanged re-sync", source, client, taxonomy, sink);
            site.changeEveryTenth();
            run("re-sync, 10% changed", source, client, taxonomy, sink);
        } finally {
            moodle.stop();
        }
    }

    private static void run(String what, MoodleEvidenceSource source, MoodleClient client, Taxonomy taxonomy,
                            CountingSink sink) {
        long signalsBefore = sink.signals.get();
        long started = System.nanoTime();
        MoodleSyncReport report = source.sync("bench", client, taxonomy);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%-22s wall %7.1f s  calls %7d  calls/person %.3f  unchanged %6d  signals %7d  unmapped %7d  errors %d%n",
                what, seconds, report.httpCalls(), (double) report.httpCalls() / report.people(), report.unchanged(),
                sink.signals.get() - signalsBefore, report.skippedUnmapped(), report.errors().size());
        report.errors().stream().limit(3).forEach(e -> System.out.println("  error: " + e));
    }

    private static Taxonomy sampleTaxonomy() throws Exception {
        Path file = Path.of("samples", "taxonomy", "waypoint-sample.yaml");
        try (InputStream in = Files.newInputStream(file)) {
            TaxonomyLoadResult result = new TaxonomyYamlLoader().load(file.toString(), in);
            if (!result.ok()) {
                throw new IllegalStateException(result.problems().toString());
            }
            return result.taxonomy();
        }
    }

    private static int bounded(String[] args, int index, int fallback, int max) {
        int value = args.length > index ? Integer.parseInt(args[index]) : fallback;
        if (value < 1 || value > max) {
            throw new IllegalArgumentException("argument " + index + " must be between 1 and " + max);
        }
        return value;
    }

    /** Counts signals; answers "stored" so the source goes on as with a real store. */
    private static final class CountingSink implements EvidenceSink {
        final AtomicLong signals = new AtomicLong();

        @Override
        public IngestOutcome accept(LearningSignal signal) {
            signals.incrementAndGet();
            return IngestOutcome.of(null, true, null, false);
        }
    }
}
