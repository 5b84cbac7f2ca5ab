package dev.waypoint.core.pathing;

import dev.waypoint.core.taxonomy.LearningAsset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the assets of a path by greedy weighted set cover: again and again, the asset that closes the
 * most weighted gap per hour, where its hours include the prerequisites still to take, until no asset
 * closes anything worth counting. The chosen asset's missing prerequisites are chosen with it, and what
 * they teach counts too. Each choice is applied to the ledger, so the next one sees the gap that is left.
 *
 * <p>A learner page plans on every launch, so the loop works on array indices: string-keyed lookups
 * inside it cost more than the arithmetic they serve.
 */
final class GreedyCover {

    /** Gains below this are rounding noise, not progress. */
    private static final double NOTHING = 1e-9;
    /** Zero-hour assets (a badge already earned elsewhere) still need a finite gain per hour. */
    private static final double MIN_HOURS = 1e-3;

    private final LearningAsset[] assets;
    private final SkillEffect[][] effects;
    private final Map<String, Integer> indexOf;
    private final Prerequisites prerequisites;
    private final int[][] missingBefore;
    private final boolean[] taken;
    private final boolean[] pickedForGain;

    GreedyCover(Map<String, LearningAsset> catalogue, Set<String> completed, GapLedger ledger) {
        int n = catalogue.size();
        assets = catalogue.values().toArray(new LearningAsset[0]);
        effects = new SkillEffect[n][];
        indexOf = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            indexOf.put(assets[i].id(), i);
            effects[i] = ledger.effectsOf(assets[i].teaches(), assets[i].completionKind());
        }
        prerequisites = new Prerequisites(catalogue, completed);
        missingBefore = new int[n][];
        taken = new boolean[n];
        pickedForGain = new boolean[n];
        for (String id : completed) {
            Integer i = indexOf.get(id);
            if (i != null) {
                taken[i] = true;
            }
        }
    }

    /**
     * The assets chosen, each with its missing prerequisites just before it; the ledger is moved along.
     * Call once per plan: the choice marks assets as taken.
     */
    List<LearningAsset> choose(GapLedger ledger) {
        int[] candidates = candidates();
        int live = candidates.length;
        List<LearningAsset> chosen = new ArrayList<>();
        while (true) {
            int best = -1;
            double bestPerHour = 0;
            for (int c = 0; c < live; c++) {
                int i = candidates[c];
                double gain = taken[i] ? 0 : ledger.gainOf(effects[i]);
                if (gain <= NOTHING) {
                    // Scores only rise, so an asset whose skills are all covered never gains again.
                    if (taken[i] || ledger.allCovered(effects[i])) {
                        candidates[c--] = candidates[--live];
                    }
                    continue;
                }
                double hours = assets[i].hours();
                for (int before : missingBefore(i)) {
                    if (!taken[before]) {
                        hours += assets[before].hours();
                    }
                }
                double perHour = gain / Math.max(MIN_HOURS, hours);
                if (best < 0 || perHour > bestPerHour
                        || (perHour == bestPerHour && assets[i].id().compareTo(assets[best].id()) < 0)) {
                    best = i;
                    bestPerHour = perHour;
                }
            }
            if (best < 0) {
                return chosen;
            }
            for (int before : missingBefore(best)) {
                if (!taken[before]) {
                    take(before, ledger, chosen);
                }
            }
            take(best, ledger, chosen);
            pickedForGain[best] = true;
        }
    }

    /** Assets not yet completed that move at least one gap skill; no other asset can ever gain. */
    private int[] candidates() {
        int count = 0;
        int[] candidates = new int[assets.length];
        for (int i = 0; i < assets.length; i++) {
            if (!taken[i] && effects[i].length > 0) {
                candidates[count++] = i;
            }
        }
        return Arrays.copyOf(candidates, count);
    }

    private void take(int i, GapLedger ledger, List<LearningAsset> chosen) {
        taken[i] = true;
        chosen.add(assets[i]);
        ledger.apply(effects[i]);
    }

    private int[] missingBefore(int i) {
        int[] known = missingBefore[i];
        if (known == null) {
            List<LearningAsset> before = prerequisites.missingBefore(assets[i]);
            known = new int[before.size()];
            for (int k = 0; k < known.length; k++) {
                known[k] = indexOf.get(before.get(k).id());
            }
            missingBefore[i] = known;
        }
        return known;
    }

    /** False for an asset that is on the path only because another asset needs it first. */
    boolean pickedForGain(LearningAsset asset) {
        Integer i = indexOf.get(asset.id());
        return i != null && pickedForGain[i];
    }

    /** The effects of an asset of the catalogue, as the ledger computed them. */
    SkillEffect[] effectsOf(LearningAsset asset) {
        Integer i = indexOf.get(asset.id());
        return i == null ? new SkillEffect[0] : effects[i];
    }
}
