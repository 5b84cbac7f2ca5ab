package dev.waypoint.benchmarks;

import dev.waypoint.core.evidence.SkillEvidence;
import dev.waypoint.core.readiness.PersonEvidence;
import dev.waypoint.core.readiness.Readiness;
import dev.waypoint.core.readiness.ReadinessCalculator;
import dev.waypoint.core.readiness.ReadinessModel;
import dev.waypoint.core.taxonomy.Role;
import dev.waypoint.core.taxonomy.Skill;
import dev.waypoint.core.taxonomy.Taxonomy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The nightly full recompute: every person against every role, breakdowns built. 10,000 people,
 * 20 roles of 20 requirements, 150 skills, about 40 evidence rows per person. People are spread over the
 * common fork-join pool (both cores), as a recompute job would; one operation is the whole recompute.
 * Target: under 2 s on 2 cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ReadinessRecomputeBenchmark {

    static final int PEOPLE = 10_000;
    static final int ROLES = 20;
    static final int SKILLS = 150;
    static final int REQUIREMENTS_PER_ROLE = 20;
    static final int EVIDENCE_PER_PERSON = 40;

    private Taxonomy taxonomy;
    private List<Role> roles;
    private List<List<SkillEvidence>> evidence;
    private ReadinessCalculator calculator;

    @Setup
    public void generate() {
        SyntheticCatalogue catalogue = new SyntheticCatalogue(20250601L);
        List<Skill> skills = catalogue.skills(SKILLS);
        roles = catalogue.roles(ROLES, REQUIREMENTS_PER_ROLE, SKILLS);
        taxonomy = new Taxonomy("bench-1", skills, List.of(), roles, List.of(), List.of(), List.of(), List.of());
        evidence = new ArrayList<>(PEOPLE);
        for (int p = 0; p < PEOPLE; p++) {
            evidence.add(catalogue.evidence("p" + p, EVIDENCE_PER_PERSON, SKILLS));
        }
        calculator = new ReadinessCalculator(ReadinessModel.defaults());
    }

    /** Returns a checksum of every score and breakdown so that none of the work can be optimised away. */
    @Benchmark
    public long recomputeEveryone() {
        return IntStream.range(0, PEOPLE).parallel().mapToLong(this::recomputePerson).sum();
    }

    private long recomputePerson(int p) {
        String personId = "p" + p;
        PersonEvidence indexed = PersonEvidence.index(evidence.get(p));
        long checksum = 0;
        for (Role role : roles) {
            Readiness r = calculator.compute(personId, role, indexed, taxonomy, SyntheticCatalogue.AS_OF);
            checksum += r.score() * 31L + r.skills().size() + r.blockingSkills().size();
        }
        return checksum;
    }
}
