package dev.waypoint.core.pathing;

/**
 * What one step does to one gap skill, in the terms of the noisy-OR: the step multiplies what is not
 * yet shown, Π(1 − q), by {@code notShown} and raises the ceiling to at least {@code levelFactor}.
 *
 * @param skill the skill's index in its {@link GapLedger}
 */
record SkillEffect(int skill, double notShown, double levelFactor) {
}
