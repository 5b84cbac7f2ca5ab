package dev.waypoint.canvas;

import dev.waypoint.core.evidence.LearningSignal;

import java.util.Optional;

/**
 * One Live Event as read: its id (for de-duplication), its name, and the signal it carries, or why it
 * carries none (progress short of completion is acknowledged and not evidence).
 */
public record CanvasLiveEvent(String eventId, String eventName, Optional<LearningSignal> signal, String ignoredBecause) {
}
