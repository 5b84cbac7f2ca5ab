package dev.waypoint.app.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.core.engine.IngestOutcome;
import dev.waypoint.core.engine.NotFoundException;
import dev.waypoint.core.engine.ReadinessRecompute;
import dev.waypoint.core.evidence.LearningSignal;
import dev.waypoint.core.ingest.DeadLetterReplay;
import dev.waypoint.core.store.DeadLetterRepository;
import dev.waypoint.core.store.DeadLetterRepository.DeadLetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps what the evidence flow could not process, whole, and replays it on an admin's word. Two kinds
 * of letter: a signal that failed before it was stored ({@value #SIGNAL}), and a recompute that failed
 * after its evidence was stored ({@value #RECOMPUTE}) — replaying the signal then would find a
 * duplicate and recompute nothing, so the recompute is kept on its own. Letters of any other type
 * are replayed by the {@link DeadLetterReplay} a source registered for that type.
 */
@Component
public class DeadLetters {

    static final String SIGNAL = "signal";
    static final String RECOMPUTE = "recompute";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final DeadLetterRepository letters;
    private final EvidenceSubmission submission;
    private final ReadinessRecompute recompute;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, DeadLetterReplay> sourceReplays;

    public DeadLetters(DeadLetterRepository letters, EvidenceSubmission submission, ReadinessRecompute recompute,
                       ObjectMapper json, Clock clock, List<DeadLetterReplay> sourceReplays) {
        this.letters = letters;
        this.submission = submission;
        this.recompute = recompute;
        this.json = json;
        this.clock = clock;
        this.sourceReplays = sourceReplays.stream().collect(Collectors.toMap(DeadLetterReplay::payloadType, Function.identity()));
    }

    /** Called by the error flow: keeps the failed message and answers the source that it was kept. */
    IngestOutcome keep(MessagingException failure) {
        Message<?> failed = failure.getFailedMessage();
        Object payload = failed == null ? null : failed.getPayload();
        String reason = reason(failure);
        long id;
        if (payload instanceof LearningSignal signal) {
            id = letters.record(signal.tenantId(), signal.sourceSystem(), SIGNAL, write(signal), reason);
        } else if (payload instanceof IngestOutcome outcome && outcome.person() != null) {
            id = letters.record(outcome.person().tenantId(), outcome.evidence().sourceSystem(), RECOMPUTE,
                    write(Map.of("tenantId", outcome.person().tenantId(), "personId", outcome.person().id())), reason);
        } else {
            id = letters.record(null, "unknown", "unknown", String.valueOf(payload), reason);
        }
        log.warn("evidence pipeline: kept dead letter #{}: {}", id, reason);
        return IngestOutcome.deadLettered(id, reason);
    }

    /** Replays one letter through the flow; answers the letter as it stands afterwards. */
    public DeadLetter replay(long id) {
        DeadLetter letter = letters.find(id).orElseThrow(() -> new NotFoundException("dead letter", String.valueOf(id)));
        try {
            if (SIGNAL.equals(letter.payloadType())) {
                resubmit(json.readValue(letter.payload(), LearningSignal.class));
            } else if (RECOMPUTE.equals(letter.payloadType())) {
                Map<?, ?> target = json.readValue(letter.payload(), Map.class);
                recompute.recompute((String) target.get("tenantId"), (String) target.get("personId"));
            } else if (sourceReplays.containsKey(letter.payloadType())) {
                sourceReplays.get(letter.payloadType()).replay(letter, this::resubmit);
            } else {
                throw new IllegalStateException("a letter of type '" + letter.payloadType() + "' cannot be replayed");
            }
            letters.markReplayed(id, clock.instant());
        } catch (Exception e) {
            letters.markReplayFailed(id, reason(e), clock.instant());
        }
        return letters.find(id).orElseThrow();
    }

    /** The evidence is maybe stored already, by the try that failed at the recompute: recompute it then. */
    private IngestOutcome resubmit(LearningSignal signal) {
        IngestOutcome outcome = submission.submit(signal);
        if (!outcome.stored() && outcome.person() != null) {
            recompute.recompute(outcome.person().tenantId(), outcome.person().id());
        }
        return outcome;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a dead letter", e);
        }
    }

    /** The innermost message, which names the real problem rather than the flow's wrapping. */
    static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
