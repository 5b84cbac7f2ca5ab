package dev.waypoint.core.taxonomy;

import dev.waypoint.core.evidence.EvidenceKind;

import java.util.List;

/**
 * Something a learner can do in the LMS to gain skills: a course, an activity or a badge.
 *
 * @param lmsRefs       how LMS signals name this asset, for example {@code moodle:course:SQLF101},
 *                      {@code moodle:badge:1} (the badge id), {@code canvas:course:42} or an xAPI activity IRI;
 *                      a signal on one of these refs becomes evidence of {@code teaches}
 * @param completionKind the evidence kind that completing this asset produces
 * @param hours         expected effort; the planner prefers the most gap closed per hour
 * @param prerequisiteIds assets that must come first
 */
public record LearningAsset(String id, String name, AssetType type, List<String> lmsRefs,
                            List<SkillGrant> teaches, double hours, List<String> prerequisiteIds,
                            EvidenceKind completionKind) {

    public LearningAsset {
        lmsRefs = List.copyOf(lmsRefs);
        teaches = List.copyOf(teaches);
        prerequisiteIds = List.copyOf(prerequisiteIds);
        if (completionKind == null) {
            completionKind = type.defaultEvidenceKind();
        }
    }

    /** What kind of LMS object the asset is. */
    public enum AssetType {
        COURSE(EvidenceKind.COURSE_COMPLETION),
        ACTIVITY(EvidenceKind.ACTIVITY_COMPLETION),
        BADGE(EvidenceKind.BADGE),
        ASSESSMENT(EvidenceKind.ASSESSMENT),
        CERTIFICATION(EvidenceKind.CERTIFICATION);

        private final EvidenceKind defaultKind;

        AssetType(EvidenceKind defaultKind) {
            this.defaultKind = defaultKind;
        }

        public EvidenceKind defaultEvidenceKind() {
            return defaultKind;
        }
    }
}
