package dev.waypoint.xapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.core.engine.IngestOutcome;
import dev.waypoint.core.engine.UnmappedSignalException;
import dev.waypoint.core.ingest.EvidenceSink;
import dev.waypoint.core.store.DeadLetterRepository;
import dev.waypoint.xapi.statement.XapiStatement;
import dev.waypoint.xapi.store.JdbcStatementStore;
import dev.waypoint.xapi.store.StatementRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Hands stored statements to the evidence pipeline. Statements are acknowledged once stored; this runs after
 * (right after the answer, and again from the sweep for whatever is still unmapped), so it must be safe to run
 * twice on the same statement: the evidence is keyed on the statement id and the core stores a natural key once.
 * A statement is marked mapped only after its outcome is settled (evidence stored, nothing to do, or a dead
 * letter kept), so a crash in between leaves it for the next sweep rather than losing it.
 *
 * <p>The sink is the pipeline's strict entry (it throws): a statement the taxonomy cannot map yet is kept as a
 * dead letter of type {@value #DEAD_LETTER_TYPE} holding the raw statement, so a replay maps the statement again
 * with the rules of the day (see {@link XapiDeadLetterReplay}); any other failure leaves it to the sweep, up to
 * {@value #MAPPING_ATTEMPTS} failures, after which it too becomes such a dead letter, with the last fault as its
 * reason: a fault that never passes must not be retried for ever, nor hold back the statements behind it.
 */
public final class XapiEvidenceSource {

    public static final String DEAD_LETTER_TYPE = "xapi_statement";
    /** Failed hand-offs before a statement is set aside as a dead letter (the sweep runs every 30 s by default). */
    static final int MAPPING_ATTEMPTS = 10;
    private static final Logger log = LoggerFactory.getLogger(XapiEvidenceSource.class);

    private final JdbcStatementStore store;
    private final XapiMapper mapper;
    private final EvidenceSink sink;
    private final DeadLetterRepository deadLetters;
    private final ObjectMapper json;
    private final Clock clock;

    public XapiEvidenceSource(JdbcStatementStore store, XapiMapper mapper, EvidenceSink sink,
                              DeadLetterRepository deadLetters, ObjectMapper json, Clock clock) {
        this.store = store;
        this.mapper = mapper;
        this.sink = sink;
        this.deadLetters = deadLetters;
        this.json = json;
        this.clock = clock;
    }

    /** Offers the given statements of one tenant; answers how many were settled. */
    public int offer(String tenantId, List<String> statementIds) {
        return offerRows(store.find(tenantId, statementIds));
    }

    /** Offers statements stored more than {@code grace} ago and still unmapped (after a crash, or a full hand-off queue). */
    public int sweep(java.time.Duration grace, int limit) {
        return offerRows(store.unmapped(clock.instant().minus(grace), limit));
    }

    private int offerRows(List<StatementRow> rows) {
        int settled = 0;
        for (StatementRow row : rows) {
            try {
                settle(row);
                store.markMapped(row.tenantId(), row.statementId());
                settled++;
            } catch (RuntimeException e) {
                if (setAside(row, e)) {
                    settled++;
                }
            }
        }
        return settled;
    }

    /**
     * Counts a failed hand-off and, at the limit, keeps the statement as a dead letter and marks it mapped;
     * answers whether it did. Otherwise the statement stays unmapped and the sweep tries again: nothing
     * acknowledged is dropped, and if the database itself is the fault, not even the count is written.
     */
    private boolean setAside(StatementRow row, RuntimeException fault) {
        try {
            int attempts = store.countFailedMapping(row.tenantId(), row.statementId());
            if (attempts < MAPPING_ATTEMPTS) {
                log.warn("xapi: statement {} of tenant {} not yet handed on (attempt {} of {}): {}", row.statementId(),
                        row.tenantId(), attempts, MAPPING_ATTEMPTS, fault.toString());
                return false;
            }
            deadLetter(row, "not handed on after " + attempts + " attempts; last fault: " + fault);
            store.markMapped(row.tenantId(), row.statementId());
            return true;
        } catch (RuntimeException e) {
            log.warn("xapi: statement {} of tenant {} not yet handed on: {} (and its attempt was not counted: {})",
                    row.statementId(), row.tenantId(), fault.toString(), e.toString());
            return false;
        }
    }

    private void settle(StatementRow row) {
        try {
            settle(row, sink);
        } catch (UnmappedSignalException e) {
            deadLetter(row, e.getMessage());
        }
    }

    /**
     * Replays one stored statement onto {@code strict} with today's mapping and marks it mapped; throws
     * {@link UnmappedSignalException} when it still does not map (the caller keeps the letter open).
     */
    public void replay(StatementRow row, EvidenceSink strict) {
        settle(row, strict);
        store.markMapped(row.tenantId(), row.statementId());
    }

    private void settle(StatementRow row, EvidenceSink target) {
        XapiStatement statement = read(row.rawJson());
        XapiMapping mapping = mapper.map(row.tenantId(), statement, row.storedAt(), row.rawJson());
        if (mapping instanceof XapiMapping.Signal signal) {
            if (!store.isVoided(row.tenantId(), row.statementId())) { // voided before it was handed on: it never counts
                report(row, target.accept(signal.signal()));
            }
        } else if (mapping instanceof XapiMapping.Failure failure) {
            throw new UnmappedSignalException(failure.reason());
        } else if (mapping instanceof XapiMapping.Void v) {
            store.find(row.tenantId(), v.statementId().toLowerCase()).ifPresent(voided -> revoke(row, statement, voided, target));
        } else if (mapping instanceof XapiMapping.Uncomplete u) {
            Optional<StatementRow> completion = store.latest(row.tenantId(), u.actorKey(), XapiVerbs.COMPLETED, u.objectId());
            completion.ifPresent(completed -> revoke(row, statement, completed, target));
        }
        // XapiMapping.NoEvidence: stored as a statement, nothing more to do.
    }

    private void revoke(StatementRow row, XapiStatement revoking, StatementRow targetRow, EvidenceSink target) {
        XapiStatement revoked = read(targetRow.rawJson());
        if (!(mapper.map(targetRow.tenantId(), revoked, targetRow.storedAt(), targetRow.rawJson()) instanceof XapiMapping.Signal)) {
            return; // the target gave no evidence, so there is nothing to withdraw
        }
        report(row, target.accept(mapper.revocation(row.tenantId(), revoking, row.storedAt(), revoked, row.rawJson())));
    }

    private void report(StatementRow row, IngestOutcome outcome) {
        if (outcome.deadLettered()) {
            log.info("xapi: statement {} kept as dead letter #{}: {}", row.statementId(), outcome.deadLetterId(), outcome.deadLetterReason());
        }
    }

    private void deadLetter(StatementRow row, String reason) {
        long id = deadLetters.record(row.tenantId(), XapiMapper.SOURCE, DEAD_LETTER_TYPE, row.rawJson(), reason);
        log.info("xapi: statement {} kept as dead letter #{}: {}", row.statementId(), id, reason);
    }

    private XapiStatement read(String raw) {
        try {
            return json.readValue(raw, XapiStatement.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored statement no longer reads: " + e.getOriginalMessage(), e);
        }
    }
}
