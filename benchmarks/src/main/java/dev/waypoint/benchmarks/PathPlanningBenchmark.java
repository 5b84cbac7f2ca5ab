package dev.waypoint.benchmarks;

import dev.waypoint.core.evidence.SkillEvidence;
import dev.waypoint.core.pathing.LearningPath;
import dev.waypoint.core.pathing.PathPlanner;
import dev.waypoint.core.pathing.PathRequest;
import dev.waypoint.core.readiness.Readiness;
import dev.waypoint.core.readiness.ReadinessCalculator;
import dev.waypoint.core.readiness.ReadinessModel;
import dev.waypoint.core.taxonomy.LearningAsset;
import dev.waypoint.core.taxonomy.Role;
import dev.waypoint.core.taxonomy.RoleBlueprint;
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

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Planning one person's path as a learner page needs it: 500 learning assets (a third with a
 * prerequisite, so chains form), a target role of 30 required skills among 150, a blueprint with
 * learning, project and endorsement milestones, about 40 evidence rows and a few completed assets.
 * Target: under 1 ms per plan.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class PathPlanningBenchmark {

    static final int SKILLS = 150;
    static final int ASSETS = 500;
    static final int REQUIRED_SKILLS = 30;

    private PathPlanner planner;
    private PathRequest request;

    @Setup
    public void generate() {
        SyntheticCatalogue catalogue = new SyntheticCatalogue(20250602L);
        List<Skill> skills = catalogue.skills(SKILLS);
        Role role = catalogue.roles(1, REQUIRED_SKILLS, SKILLS).get(0);
        List<LearningAsset> assets = catalogue.assets(ASSETS, SKILLS, role);
        RoleBlueprint blueprint = catalogue.blueprint(role, assets);
        Taxonomy taxonomy = new Taxonomy("bench-1", skills, List.of(), List.of(role), List.of(), List.of(blueprint),
                assets, List.of());
        List<SkillEvidence> evidence = catalogue.evidence("p1", 40, SKILLS);
        ReadinessModel model = ReadinessModel.defaults();
        Readiness readiness = new ReadinessCalculator(model).compute("p1", role, evidence, taxonomy,
                SyntheticCatalogue.AS_OF);
        Set<String> completed = Set.of(SyntheticCatalogue.assetId(3), SyntheticCatalogue.assetId(17),
                SyntheticCatalogue.assetId(42));
        planner = new PathPlanner(model);
        request = new PathRequest("p1", role, readiness, taxonomy, blueprint, completed, 4.0,
                LocalDate.of(2025, 6, 2));
    }

    @Benchmark
    public LearningPath planOnePerson() {
        return planner.plan(request);
    }
}
