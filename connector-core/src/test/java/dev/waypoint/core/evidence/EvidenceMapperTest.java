package dev.waypoint.core.evidence;

import dev.waypoint.core.evidence.EvidenceMapper.Mapping;
import dev.waypoint.core.identity.IdentityKind;
import dev.waypoint.core.identity.IdentityRef;
import dev.waypoint.core.taxonomy.EvidenceRule;
import dev.waypoint.core.taxonomy.LearningAsset;
import dev.waypoint.core.taxonomy.LearningAsset.AssetType;
import dev.waypoint.core.taxonomy.Skill;
import dev.waypoint.core.taxonomy.SkillGrant;
import dev.waypoint.core.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceMapperTest {

    private static final Instant WHEN = Instant.parse("2026-03-01T09:00:00Z");

    private final Taxonomy taxonomy = new Taxonomy("t1",
            List.of(skill("sql"), skill("etl"), skill("viz")), List.of(), List.of(), List.of(), List.of(),
            List.of(new LearningAsset("sql-fundamentals", "SQL Fundamentals", AssetType.COURSE,
                    List.of("moodle:course:SQLF101"), List.of(new SkillGrant("sql", 2), new SkillGrant("etl", 1)),
                    10, List.of(), null)),
            List.of(new EvidenceRule("sql-exam", EvidenceKind.ASSESSMENT, "moodle:quiz:7", 0.8,
                    List.of(new SkillGrant("sql", 3)))));

    private final EvidenceMapper mapper = new EvidenceMapper();

    @Test
    void completingAnAssetGrantsWhatItTeaches() {
        Mapping mapping = mapper.map(signal(EvidenceKind.COURSE_COMPLETION, "moodle:course:SQLF101", null, List.of()), taxonomy);

        assertThat(mapping).isEqualTo(new Mapping.Mapped(List.of(new SkillGrant("sql", 2), new SkillGrant("etl", 1))));
    }

    @Test
    void aRuleGrantsOnlyAtOrAboveItsPassMark() {
        assertThat(mapper.map(signal(EvidenceKind.ASSESSMENT, "moodle:quiz:7", 0.85, List.of()), taxonomy))
                .isEqualTo(new Mapping.Mapped(List.of(new SkillGrant("sql", 3))));
        assertThat(mapper.map(signal(EvidenceKind.ASSESSMENT, "moodle:quiz:7", 0.5, List.of()), taxonomy))
                .as("below the rule's min_score: a known object, a fact that grants nothing")
                .isEqualTo(new Mapping.Mapped(List.of()));
    }

    @Test
    void aFailedAssessmentOfACourseGrantsNothingButIsNoDeadLetter() {
        assertThat(mapper.map(signal(EvidenceKind.ASSESSMENT, "moodle:course:SQLF101", 0.3, List.of()), taxonomy))
                .isEqualTo(new Mapping.Mapped(List.of()));
        assertThat(mapper.map(signal(EvidenceKind.ASSESSMENT, "moodle:course:SQLF101", 0.5, List.of()), taxonomy))
                .isEqualTo(new Mapping.Mapped(List.of(new SkillGrant("sql", 2), new SkillGrant("etl", 1))));
        assertThat(new EvidenceMapper(0.8).map(signal(EvidenceKind.ASSESSMENT, "moodle:course:SQLF101", 0.7, List.of()), taxonomy))
                .as("a stricter pass mark").isEqualTo(new Mapping.Mapped(List.of()));
    }

    @Test
    void theHighestLevelWinsWhenTheSignalAndTheAssetBothNameASkill() {
        Mapping mapping = mapper.map(signal(EvidenceKind.COURSE_COMPLETION, "moodle:course:SQLF101", null,
                List.of(new SkillGrant("sql", 1), new SkillGrant("viz", 2))), taxonomy);

        assertThat(((Mapping.Mapped) mapping).grants())
                .containsExactlyInAnyOrder(new SkillGrant("sql", 2), new SkillGrant("viz", 2), new SkillGrant("etl", 1));
    }

    @Test
    void anUnmappedObjectIsNamedInTheReason() {
        Mapping mapping = mapper.map(signal(EvidenceKind.COURSE_COMPLETION, "moodle:course:UNKNOWN", null, List.of()), taxonomy);

        assertThat(mapping).isInstanceOf(Mapping.Unmapped.class);
        assertThat(((Mapping.Unmapped) mapping).reason()).contains("moodle:course:UNKNOWN").contains("t1");
    }

    @Test
    void anUnknownSkillIsRefused() {
        Mapping mapping = mapper.map(signal(EvidenceKind.MANAGER_ENDORSEMENT, null, null, List.of(new SkillGrant("sqll", 2))), taxonomy);

        assertThat(((Mapping.Unmapped) mapping).reason()).contains("unknown skill 'sqll'");
    }

    @Test
    void aRevocationGrantsNothingButMustNameWhatItRevokes() {
        LearningSignal revocation = new LearningSignal("default", List.of(IdentityRef.of(IdentityKind.EMAIL, "a@x.org")), null,
                EvidenceKind.REVOCATION, null, List.of(), WHEN, null, "api", "r1", "api:e1", null);
        LearningSignal bare = new LearningSignal("default", List.of(IdentityRef.of(IdentityKind.EMAIL, "a@x.org")), null,
                EvidenceKind.REVOCATION, null, List.of(), WHEN, null, "api", "r2", null, null);

        assertThat(mapper.map(revocation, taxonomy)).isEqualTo(new Mapping.Mapped(List.of()));
        assertThat(mapper.map(bare, taxonomy)).isInstanceOf(Mapping.Unmapped.class);
    }

    @Test
    void theSameFactWithoutAnIdHasTheSameContentKey() {
        LearningSignal once = signal(EvidenceKind.COURSE_COMPLETION, "moodle:course:SQLF101", null, List.of());
        LearningSignal again = signal(EvidenceKind.COURSE_COMPLETION, "moodle:course:SQLF101", null, List.of());
        LearningSignal later = new LearningSignal(once.tenantId(), once.identities(), null, once.kind(), once.objectRef(),
                List.of(), WHEN.plusSeconds(1), null, once.sourceSystem(), null, null, null);

        assertThat(once.naturalKey()).startsWith("sha256:").isEqualTo(again.naturalKey()).isNotEqualTo(later.naturalKey());
    }

    private static LearningSignal signal(EvidenceKind kind, String object, Double score, List<SkillGrant> grants) {
        return new LearningSignal("default", List.of(IdentityRef.of(IdentityKind.EMAIL, "Alice@Example.com")), "Alice",
                kind, object, grants, WHEN, score, "moodle", null, null, null);
    }

    private static Skill skill(String id) {
        return new Skill(id, id, "data", false, null, null);
    }
}
