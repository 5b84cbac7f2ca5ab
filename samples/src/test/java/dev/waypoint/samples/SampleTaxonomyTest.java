package dev.waypoint.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.taxonomy.CareerTrack;
import dev.waypoint.core.taxonomy.CompetencyFramework;
import dev.waypoint.core.taxonomy.LearningAsset;
import dev.waypoint.core.taxonomy.Milestone;
import dev.waypoint.core.taxonomy.Role;
import dev.waypoint.core.taxonomy.RoleBlueprint;
import dev.waypoint.core.taxonomy.SkillRequirement;
import dev.waypoint.core.taxonomy.Taxonomy;
import dev.waypoint.core.taxonomy.TaxonomyLoadResult;
import dev.waypoint.core.taxonomy.TaxonomyYamlLoader;
import dev.waypoint.core.verification.VerificationStep;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample taxonomy as the server finds it, on the classpath: it loads without a single problem and
 * holds what the demo and other modules' tests rely on.
 */
class SampleTaxonomyTest {

    static final String RESOURCE = "samples/taxonomy/waypoint-sample.yaml";

    private static Taxonomy taxonomy;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream yaml = SampleTaxonomyTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            assertThat(yaml).as(RESOURCE + " on the classpath").isNotNull();
            TaxonomyLoadResult result = new TaxonomyYamlLoader().load("waypoint-sample.yaml", yaml);
            assertThat(result.problems()).isEmpty();
            taxonomy = result.taxonomy();
        }
    }

    @Test
    void holdsTheFourTracksWithTheirLaddersInOrder() {
        assertThat(ladder("engineering")).containsExactly("ic1", "ic2", "ic3", "ic4", "staff", "principal");
        assertThat(ladder("product")).containsExactly("associate-pm", "pm", "senior-pm", "group-pm", "director");
        assertThat(ladder("operations"))
                .containsExactly("coordinator", "specialist", "senior-specialist", "manager", "director");
        assertThat(ladder("analytics")).containsExactly("analyst", "senior-analyst");
        assertThat(taxonomy.role("engineering.staff")).map(Role::rank).contains(5);
    }

    @Test
    void givesEveryTrackLateralMovesThatLandOnOtherTracks() {
        for (CareerTrack track : taxonomy.tracks().values()) {
            assertThat(track.lateralMoves()).as(track.id()).isNotEmpty().allSatisfy(move ->
                    assertThat(taxonomy.role(move.toRoleId())).get().extracting(Role::trackId).isNotEqualTo(track.id()));
        }
        assertThat(taxonomy.lateralMoves("engineering.ic3")).extracting(Role::id).contains("product.pm");
        assertThat(taxonomy.lateralMoves("operations.specialist")).extracting(Role::id).contains("product.associate-pm");
        assertThat(taxonomy.lateralMoves("product.pm")).extracting(Role::id).contains("operations.manager");
    }

    @Test
    void hasARealisticSkillSetWithHalfLivesOnFastMovingTechnicalSkills() {
        assertThat(taxonomy.skills()).hasSizeBetween(30, 40).containsKeys("programming", "system-design", "testing",
                "code-review", "sql", "data-visualization", "domain-modeling", "etl", "roadmapping",
                "product-analytics", "stakeholder-management", "communication", "mentoring",
                "incident-management", "process-improvement");
        assertThat(List.of("programming", "sql", "cloud-infrastructure", "etl", "product-analytics"))
                .allSatisfy(id -> assertThat(taxonomy.skill(id).orElseThrow().decays()).as(id).isTrue());
        assertThat(taxonomy.skill("communication").orElseThrow().crossFunctional()).isTrue();
    }

    @Test
    void asksMoreOfEachLevelThanOfTheOneBelow() {
        for (CareerTrack track : taxonomy.tracks().values()) {
            double below = 0;
            for (String roleId : track.roleIds()) {
                Role role = taxonomy.role(roleId).orElseThrow();
                assertThat(role.requirements()).as(roleId).isNotEmpty();
                assertThat(role.requirements()).as(roleId + " must-haves").anyMatch(SkillRequirement::mustHave);
                double demand = role.requirements().stream().mapToDouble(r -> r.targetLevel() * r.weight()).sum();
                assertThat(demand).as("weighted targets of " + roleId).isGreaterThan(below);
                below = demand;
            }
        }
    }

    @Test
    void mergesTheSeniorEngineerFrameworkIntoEngineeringIc3() {
        CompetencyFramework framework = taxonomy.frameworks().stream()
                .filter(f -> f.roleId().equals("engineering.ic3")).findFirst().orElseThrow();
        assertThat(framework.name()).isEqualTo("Senior Engineer");
        assertThat(framework.competencies()).extracting(CompetencyFramework.Competency::id)
                .containsExactly("technical-excellence", "communication", "impact");

        Map<String, SkillRequirement> ic3 = bySkill(taxonomy.role("engineering.ic3").orElseThrow());
        for (CompetencyFramework.Competency competency : framework.competencies()) {
            for (SkillRequirement asked : competency.requirements()) {
                SkillRequirement merged = ic3.get(asked.skillId());
                assertThat(merged).as(asked.skillId()).isNotNull();
                assertThat(merged.targetLevel()).isGreaterThanOrEqualTo(asked.targetLevel());
                assertThat(merged.weight()).isGreaterThanOrEqualTo(asked.weight());
            }
        }
    }

    @Test
    void leadsProductManagersFromLevelOneToTwoThroughCoursesACapstoneAndAnEndorsement() {
        RoleBlueprint blueprint = taxonomy.blueprint("product.associate-pm", "product.pm").orElseThrow();

        assertThat(blueprint.name()).isEqualTo("Product Manager I → II");
        assertThat(blueprint.milestones()).extracting(Milestone::evidenceKind).containsExactly(
                EvidenceKind.COURSE_COMPLETION, EvidenceKind.APPLIED_PROJECT, EvidenceKind.MANAGER_ENDORSEMENT);
        assertThat(blueprint.milestones()).allSatisfy(milestone -> assertThat(milestone.skillIds())
                .containsExactlyInAnyOrder("roadmapping", "product-analytics", "stakeholder-management"));
        assertThat(blueprint.milestones()).extracting(Milestone::dueDays).isSorted();
    }

    @Test
    void leadsAnalystsToSeniorThroughBadgesAProjectAndAPeerReview() {
        RoleBlueprint blueprint = taxonomy.blueprint("analytics.analyst", "analytics.senior-analyst").orElseThrow();

        assertThat(blueprint.name()).isEqualTo("Data Analyst → Senior Analyst");
        assertThat(blueprint.milestones()).extracting(Milestone::evidenceKind).containsExactly(
                EvidenceKind.BADGE, EvidenceKind.APPLIED_PROJECT, EvidenceKind.PEER_REVIEW);
        assertThat(blueprint.milestones().get(2).skillIds())
                .containsExactlyInAnyOrder("sql", "data-visualization", "domain-modeling");
        List<VerificationStep> steps = blueprint.verification().steps();
        assertThat(steps.get(steps.size() - 1).acceptedKinds()).containsExactly(EvidenceKind.PEER_REVIEW);
    }

    @Test
    void pointsAtTheCoursesAndBadgesOfTheRecordedMoodleSite() {
        assertThat(assetAt("moodle:course:SQLF101").name()).isEqualTo("SQL Fundamentals");
        assertThat(assetAt("moodle:course:DATAVIZ201").name()).isEqualTo("Data Visualization");
        assertThat(assetAt("moodle:course:STAKE301").name()).isEqualTo("Stakeholder Management");
        assertThat(assetAt("moodle:badge:1").type()).isEqualTo(LearningAsset.AssetType.BADGE);
        assertThat(assetAt("moodle:badge:1").name()).startsWith("SQL Certified");
        assertThat(assetAt("moodle:badge:2").name()).startsWith("Data Storyteller");
        assertThat(taxonomy.rules()).anyMatch(rule -> rule.objectRef().equals("moodle:badge:1"))
                .anyMatch(rule -> rule.objectRef().equals("moodle:badge:2"))
                .anyMatch(rule -> rule.kind() == EvidenceKind.ASSESSMENT && rule.minScore() != null);
    }

    @Test
    void hasEnoughAssetsWithPrerequisiteChainsForInterestingPaths() {
        assertThat(taxonomy.assets()).hasSizeGreaterThanOrEqualTo(25);
        assertThat(taxonomy.assets().values()).allSatisfy(asset -> assertThat(asset.hours()).isPositive());
        Map<String, Integer> depth = new HashMap<>();
        int deepest = taxonomy.assets().keySet().stream().mapToInt(id -> chainLength(id, depth)).max().orElse(0);
        assertThat(deepest).as("longest prerequisite chain").isGreaterThanOrEqualTo(3);
    }

    private static List<String> ladder(String trackId) {
        return taxonomy.tracks().get(trackId).roleIds().stream()
                .map(roleId -> roleId.substring(trackId.length() + 1)).toList();
    }

    private static Map<String, SkillRequirement> bySkill(Role role) {
        Map<String, SkillRequirement> bySkill = new HashMap<>();
        role.requirements().forEach(requirement -> bySkill.put(requirement.skillId(), requirement));
        return bySkill;
    }

    private static LearningAsset assetAt(String lmsRef) {
        return taxonomy.assetByLmsRef(lmsRef).orElseThrow(() -> new AssertionError("no asset at " + lmsRef));
    }

    private static int chainLength(String assetId, Map<String, Integer> memo) {
        Integer known = memo.get(assetId);
        if (known != null) {
            return known;
        }
        int length = 1 + taxonomy.assets().get(assetId).prerequisiteIds().stream()
                .mapToInt(prerequisite -> chainLength(prerequisite, memo)).max().orElse(0);
        memo.put(assetId, length);
        return length;
    }
}
