package dev.waypoint.core.pathing;

import dev.waypoint.core.readiness.Readiness;
import dev.waypoint.core.readiness.ReadinessModel;
import dev.waypoint.core.taxonomy.LearningAsset;
import dev.waypoint.core.taxonomy.Milestone;
import dev.waypoint.core.taxonomy.RoleBlueprint;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Plans a dated learning path that closes a person's gap for a role.
 *
 * <p>The gap is every required skill scoring below the model's gap threshold, each weighing
 * w_s · (1 − S_s). Assets are chosen by greedy weighted set cover: the asset closing the most weighted
 * gap per hour (its own hours plus those of its prerequisites still to take) first, until no asset closes
 * anything worth counting. A skill counts as covered once it reaches the threshold. Missing
 * prerequisites join the path, everything is put in prerequisite order, then the blueprint's
 * non-learning milestones (applied project, endorsement, peer review…) follow, and each step is dated
 * from the person's weekly hours. Each step reports the gap it closes when taken in path order.
 *
 * <p>Stateless and thread-safe.
 */
public final class PathPlanner {

    private final ReadinessModel model;

    public PathPlanner(ReadinessModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    public LearningPath plan(PathRequest request) {
        GapLedger start = GapLedger.of(request.role(), request.readiness(), model);
        GreedyCover cover = new GreedyCover(request.taxonomy().assets(), request.completedAssetIds(), start);
        List<LearningAsset> chosen = cover.choose(start.copy());
        List<LearningAsset> ordered = AssetOrder.of(chosen, request.blueprint());

        GapLedger ledger = start.copy();
        List<PathStep> steps = new ArrayList<>(ordered.size() + 4);
        LocalDate cursor = request.startsOn();
        double totalHours = 0;
        for (LearningAsset asset : ordered) {
            List<GapClosure> closes = ledger.apply(cover.effectsOf(asset));
            LocalDate due = cursor.plusDays(daysFor(asset.hours(), request.weeklyHours()));
            steps.add(new PathStep(steps.size() + 1, PathStep.StepType.ASSET, asset.id(), asset.name(),
                    asset.completionKind().wireName(), asset.hours(), cursor, due, closes,
                    closes.isEmpty() && !cover.pickedForGain(asset)));
            cursor = due;
            totalHours += asset.hours();
        }
        for (Milestone milestone : milestonesStillOpen(request.blueprint(), request.readiness(), ordered)) {
            List<GapClosure> closes = ledger.apply(
                    ledger.effectsAtTarget(milestone.skillIds(), milestone.evidenceKind()));
            LocalDate due = max(cursor, request.startsOn().plusDays(milestone.dueDays()));
            steps.add(new PathStep(steps.size() + 1, PathStep.StepType.MILESTONE, milestone.id(), milestone.name(),
                    milestone.evidenceKind().wireName(), 0, cursor, due, closes, false));
            cursor = due;
        }
        RoleBlueprint blueprint = request.blueprint();
        return new LearningPath(request.personId(), request.role().id(), blueprint == null ? null : blueprint.id(),
                request.startsOn(), request.weeklyHours(), steps, totalHours, ledger.remaining());
    }

    /**
     * The blueprint's milestones that need more than learning, in blueprint order, leaving out those the
     * person has already met (evidence of the milestone's kind on every one of its skills) and those an
     * asset already on the path serves (one of the milestone's assets, of the milestone's kind: the
     * dataset project the path schedules is the project milestone, not a second one after it).
     */
    private static List<Milestone> milestonesStillOpen(RoleBlueprint blueprint, Readiness readiness,
                                                       List<LearningAsset> onPath) {
        if (blueprint == null) {
            return List.of();
        }
        Map<String, Set<String>> kindsShown = new HashMap<>();
        for (Readiness.SkillScore skill : readiness.skills()) {
            Set<String> kinds = new HashSet<>();
            skill.evidence().forEach(e -> kinds.add(e.kind()));
            kindsShown.put(skill.skillId(), kinds);
        }
        List<Milestone> open = new ArrayList<>();
        for (Milestone milestone : blueprint.milestones()) {
            if (milestone.evidenceKind().isLearning()) {
                continue;
            }
            String kind = milestone.evidenceKind().wireName();
            boolean met = !milestone.skillIds().isEmpty() && milestone.skillIds().stream()
                    .allMatch(s -> kindsShown.getOrDefault(s, Set.of()).contains(kind));
            boolean servedByPath = onPath.stream().anyMatch(asset -> asset.completionKind() == milestone.evidenceKind()
                    && milestone.assetIds().contains(asset.id()));
            if (!met && !servedByPath) {
                open.add(milestone);
            }
        }
        return open;
    }

    /** Calendar days an asset takes at the person's pace; the epsilon keeps 7.000000001 from becoming 8. */
    private static long daysFor(double hours, double weeklyHours) {
        return Math.max(0, (long) Math.ceil(hours / weeklyHours * 7 - 1e-9));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
