package dev.waypoint.benchmarks;

import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.evidence.SkillEvidence;
import dev.waypoint.core.taxonomy.LearningAsset;
import dev.waypoint.core.taxonomy.LearningAsset.AssetType;
import dev.waypoint.core.taxonomy.Milestone;
import dev.waypoint.core.taxonomy.Role;
import dev.waypoint.core.taxonomy.RoleBlueprint;
import dev.waypoint.core.taxonomy.Skill;
import dev.waypoint.core.taxonomy.SkillGrant;
import dev.waypoint.core.taxonomy.SkillRequirement;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic, organisation-sized data for the benchmarks: skills, roles, learning assets and
 * people's evidence, all drawn from one seeded {@link Random} so that every run measures the same work.
 * The mix of kinds, levels and ages is rough but keeps every branch of the model busy (decaying and
 * non-decaying skills, evidence above and below targets, must-haves that block).
 */
final class SyntheticCatalogue {

    static final Instant AS_OF = Instant.parse("2025-06-01T00:00:00Z");

    private static final EvidenceKind[] KINDS = {
        EvidenceKind.COURSE_COMPLETION, EvidenceKind.COURSE_COMPLETION, EvidenceKind.COURSE_COMPLETION,
        EvidenceKind.ACTIVITY_COMPLETION, EvidenceKind.ACTIVITY_COMPLETION, EvidenceKind.BADGE,
        EvidenceKind.ASSESSMENT, EvidenceKind.APPLIED_PROJECT, EvidenceKind.MANAGER_ENDORSEMENT,
        EvidenceKind.PEER_REVIEW, EvidenceKind.CERTIFICATION, EvidenceKind.SELF_ASSESSMENT,
    };
    private static final AssetType[] ASSET_TYPES = {
        AssetType.COURSE, AssetType.COURSE, AssetType.COURSE, AssetType.ACTIVITY, AssetType.BADGE,
        AssetType.ASSESSMENT, AssetType.CERTIFICATION,
    };

    private final Random random;

    SyntheticCatalogue(long seed) {
        this.random = new Random(seed);
    }

    /** Skills s000…; a third of them fade (half-lives of one to three years). */
    List<Skill> skills(int count) {
        List<Skill> skills = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Double halfLife = random.nextInt(3) == 0 ? 365.0 * (1 + random.nextInt(3)) : null;
            skills.add(new Skill(skillId(i), "Skill " + i, "family" + (i % 10), i % 10 == 0, halfLife, null));
        }
        return skills;
    }

    /** Roles with distinct required skills, targets 2–5, weights 1–3, about one must-have in five. */
    List<Role> roles(int count, int requirementsPerRole, int skillCount) {
        List<Role> roles = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            List<SkillRequirement> requirements = new ArrayList<>(requirementsPerRole);
            for (int s : distinct(requirementsPerRole, skillCount)) {
                requirements.add(new SkillRequirement(skillId(s), 2 + random.nextInt(4), 1 + random.nextInt(3),
                        random.nextInt(5) == 0));
            }
            roles.add(new Role("role" + r, "Role " + r, "track" + (r % 4), 1 + r / 4, requirements));
        }
        return roles;
    }

    /** One person's evidence: about {@code rows} rows (±25 %), up to three years old. */
    List<SkillEvidence> evidence(String personId, int rows, int skillCount) {
        int n = rows * 3 / 4 + random.nextInt(rows / 2 + 1);
        List<SkillEvidence> evidence = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Instant at = AS_OF.minus(Duration.ofHours(random.nextInt(3 * 365 * 24)));
            evidence.add(new SkillEvidence(personId + "-e" + i, skillId(random.nextInt(skillCount)),
                    KINDS[random.nextInt(KINDS.length)], 1 + random.nextInt(5), at));
        }
        return evidence;
    }

    /**
     * Learning assets teaching one to three skills each. Most of the required skills of {@code focus}
     * are taught by several assets; about one asset in three needs an earlier one, which makes chains.
     */
    List<LearningAsset> assets(int count, int skillCount, Role focus) {
        List<LearningAsset> assets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int taught = 1 + random.nextInt(3);
            List<SkillGrant> teaches = new ArrayList<>(taught);
            for (int s : distinct(taught, skillCount)) {
                teaches.add(new SkillGrant(skillId(s), 1 + random.nextInt(5)));
            }
            if (random.nextBoolean()) {
                SkillRequirement r = focus.requirements().get(random.nextInt(focus.requirements().size()));
                teaches.set(0, new SkillGrant(r.skillId(), 1 + random.nextInt(5)));
            }
            List<String> prerequisites = i > 0 && random.nextInt(3) == 0
                    ? List.of(assetId(random.nextInt(i))) : List.of();
            assets.add(new LearningAsset(assetId(i), "Asset " + i, ASSET_TYPES[random.nextInt(ASSET_TYPES.length)],
                    List.of("moodle:course:" + i), dedupe(teaches), 2 + random.nextInt(39), prerequisites, null));
        }
        return assets;
    }

    /** A blueprint towards {@code to}: learning milestones over its skills, then a project and an endorsement. */
    RoleBlueprint blueprint(Role to, List<LearningAsset> assets) {
        List<Milestone> milestones = new ArrayList<>();
        List<SkillRequirement> requirements = to.requirements();
        for (int m = 0; m < 4; m++) {
            List<String> skills = new ArrayList<>();
            for (int i = m; i < requirements.size(); i += 4) {
                skills.add(requirements.get(i).skillId());
            }
            milestones.add(new Milestone("learn" + m, "Learning block " + m, EvidenceKind.COURSE_COMPLETION, skills,
                    List.of(assets.get(random.nextInt(assets.size())).id()), 30 * (m + 1)));
        }
        List<String> core = requirements.stream().limit(5).map(SkillRequirement::skillId).toList();
        milestones.add(new Milestone("project", "Applied project", EvidenceKind.APPLIED_PROJECT, core, List.of(), 180));
        milestones.add(new Milestone("endorse", "Manager endorsement", EvidenceKind.MANAGER_ENDORSEMENT, core,
                List.of(), 210));
        return new RoleBlueprint("to-" + to.id(), "Towards " + to.name(), "role-current", to.id(), milestones, null);
    }

    private Set<Integer> distinct(int count, int bound) {
        Set<Integer> picked = new LinkedHashSet<>();
        while (picked.size() < count) {
            picked.add(random.nextInt(bound));
        }
        return picked;
    }

    private static List<SkillGrant> dedupe(List<SkillGrant> grants) {
        Set<String> seen = new LinkedHashSet<>();
        return grants.stream().filter(g -> seen.add(g.skillId())).toList();
    }

    static String skillId(int i) {
        return String.format("s%03d", i);
    }

    static String assetId(int i) {
        return String.format("a%03d", i);
    }
}
