package dev.waypoint.core.taxonomy;

import dev.waypoint.core.evidence.EvidenceKind;
import dev.waypoint.core.verification.VerificationPolicy;
import dev.waypoint.core.verification.VerificationStep;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a blueprint's {@code verification} list into a policy. A step is either a name ({@code learning},
 * {@code applied_project}, {@code manager_endorsement}, or any evidence kind such as {@code peer_review})
 * or a map {@code {step, kinds, level_must_meet_target}} for a step of the blueprint's own.
 */
final class VerificationReader {

    static final List<String> STEP_FIELDS = List.of("step", "kinds", "level_must_meet_target");

    private static final Map<String, VerificationStep> STANDARD_STEPS = Map.of(
            VerificationPolicy.LEARNING.name(), VerificationPolicy.LEARNING,
            VerificationPolicy.APPLIED_PROJECT.name(), VerificationPolicy.APPLIED_PROJECT,
            VerificationPolicy.MANAGER_ENDORSEMENT.name(), VerificationPolicy.MANAGER_ENDORSEMENT);

    private VerificationReader() {
    }

    /** The policy, or null (the default policy applies) when the list has no usable step. */
    static VerificationPolicy read(YamlValue list) {
        List<VerificationStep> steps = new ArrayList<>();
        List<YamlValue> items = list.items();
        for (YamlValue item : items) {
            VerificationStep step = item.isMap() ? fromMap(item.object()) : fromName(item);
            if (step != null) {
                steps.add(step);
            }
        }
        if (list.isList() && items.isEmpty()) {
            list.problem("'verification' needs at least one step; leave it out to use the default"
                    + " (learning, applied_project, manager_endorsement)");
        }
        return steps.isEmpty() ? null : new VerificationPolicy(steps);
    }

    private static VerificationStep fromName(YamlValue item) {
        String name = item.text();
        if (name == null) {
            return null;
        }
        Optional<VerificationStep> known = known(name);
        if (known.isEmpty()) {
            item.problem("unknown verification step '" + name + "'" + SimilarNames.hint(name, knownNames())
                    + "; use learning, applied_project, manager_endorsement, an evidence kind,"
                    + " or a map {step, kinds}");
        }
        return known.orElse(null);
    }

    private static VerificationStep fromMap(YamlObject fields) {
        fields.allowOnly(STEP_FIELDS);
        String name = fields.requiredText("step");
        if (name == null) {
            return null;
        }
        Optional<VerificationStep> known = known(name);
        Set<EvidenceKind> kinds = EnumSet.noneOf(EvidenceKind.class);
        YamlValue kindsValue = known.isPresent() ? fields.field("kinds").orElse(null) : fields.required("kinds");
        if (kindsValue != null) {
            List<YamlValue> kindItems = kindsValue.items();
            for (YamlValue kindValue : kindItems) {
                EvidenceKind kind = EvidenceKinds.read(kindValue);
                if (kind != null) {
                    kinds.add(kind);
                }
            }
            if (kindsValue.isList() && kindItems.isEmpty()) {
                kindsValue.problem("'kinds' needs at least one evidence kind");
            }
        } else if (known.isPresent()) {
            kinds.addAll(known.get().acceptedKinds());
        }
        boolean levelMustMeet = fields.bool("level_must_meet_target",
                known.map(VerificationStep::levelMustMeetTarget).orElse(false));
        return kinds.isEmpty() ? null : new VerificationStep(name, kinds, levelMustMeet);
    }

    /** A standard step by its name, or a one-kind step named after an evidence kind. */
    private static Optional<VerificationStep> known(String name) {
        if (STANDARD_STEPS.containsKey(name)) {
            return Optional.of(STANDARD_STEPS.get(name));
        }
        return EvidenceKind.fromWireName(name)
                .filter(kind -> kind != EvidenceKind.REVOCATION)
                .map(kind -> new VerificationStep(name, EnumSet.of(kind), kind.isLearning()));
    }

    private static List<String> knownNames() {
        List<String> names = new ArrayList<>(STANDARD_STEPS.keySet());
        names.addAll(EvidenceKinds.usableWireNames());
        return names;
    }
}
