package dev.waypoint.xapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.core.engine.UnmappedSignalException;
import dev.waypoint.core.ingest.DeadLetterReplay;
import dev.waypoint.core.ingest.EvidenceSink;
import dev.waypoint.core.store.DeadLetterRepository.DeadLetter;
import dev.waypoint.xapi.statement.XapiVersion;
import dev.waypoint.xapi.store.JdbcStatementStore;
import dev.waypoint.xapi.store.StatementRow;

import java.util.List;

/**
 * Replays dead letters of type {@value XapiEvidenceSource#DEAD_LETTER_TYPE}: the raw statement is mapped again
 * with the verb rules, Moodle sites and taxonomy of today. A statement already in our store (it was acknowledged,
 * then could not be mapped) is replayed from its stored row; one an LRS poll refused as invalid was never stored,
 * so it goes through validation and the store first, as a pulled statement would. Evidence is keyed on the
 * statement id, so a second replay stores nothing new.
 */
public final class XapiDeadLetterReplay implements DeadLetterReplay {

    private final JdbcStatementStore store;
    private final StatementIntake intake;
    private final XapiEvidenceSource source;
    private final ObjectMapper json;

    public XapiDeadLetterReplay(JdbcStatementStore store, StatementIntake intake, XapiEvidenceSource source, ObjectMapper json) {
        this.store = store;
        this.intake = intake;
        this.source = source;
        this.json = json;
    }

    @Override
    public String payloadType() {
        return XapiEvidenceSource.DEAD_LETTER_TYPE;
    }

    @Override
    public void replay(DeadLetter letter, EvidenceSink strict) {
        JsonNode statement = read(letter.payload());
        String id = statement.path("id").asText("").toLowerCase();
        StatementRow row = id.isEmpty() ? null : store.find(letter.tenantId(), id).orElse(null);
        if (row == null) {
            row = storeFirst(letter, statement);
        }
        source.replay(row, strict);
    }

    private StatementRow storeFirst(DeadLetter letter, JsonNode statement) {
        XapiVersion version = XapiVersion.parse(statement.path("version").asText(null)).orElse(XapiVersion.V1_0);
        IntakeResult result = intake.pulled(letter.tenantId(), "dead-letter:" + letter.id(), version, List.of(statement));
        if (result instanceof IntakeResult.Refused refused) {
            throw new UnmappedSignalException(refused.error() + " " + refused.violations());
        }
        String storedId = ((IntakeResult.Accepted) result).ids().get(0);
        return store.find(letter.tenantId(), storedId).orElseThrow(
                () -> new IllegalStateException("statement " + storedId + " was accepted but is not in the store"));
    }

    private JsonNode read(String payload) {
        try {
            JsonNode node = json.readTree(payload);
            if (node == null || !node.isObject()) {
                throw new UnmappedSignalException("the letter holds no xAPI statement (a JSON object)");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new UnmappedSignalException("the letter holds no readable xAPI statement: " + e.getOriginalMessage());
        }
    }
}
