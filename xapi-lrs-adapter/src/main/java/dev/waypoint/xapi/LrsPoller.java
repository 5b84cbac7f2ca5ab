package dev.waypoint.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.core.store.DeadLetterRepository;
import dev.waypoint.xapi.statement.XapiVersion;
import dev.waypoint.xapi.store.JdbcPollWatermarks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pulls statements from one external LRS into our statement store and on to the evidence pipeline. A round asks
 * for what was stored after the watermark, oldest first, follows {@code more} links, and stops at the first
 * statement stored after the LRS's {@code X-Experience-API-Consistent-Through} (the LRS may still be filling in
 * before that point; the next round takes it). The watermark advances after each page is stored, so a restart
 * resumes from the last page it finished; a page taken twice is recognised by its statement ids.
 */
public final class LrsPoller {

    private static final Logger log = LoggerFactory.getLogger(LrsPoller.class);

    private final XapiProperties.Lrs lrs;
    private final XapiClient client;
    private final StatementIntake intake;
    private final XapiEvidenceSource evidence;
    private final JdbcPollWatermarks watermarks;
    private final DeadLetterRepository deadLetters;
    private final ObjectMapper json;
    private final Clock clock;

    public LrsPoller(XapiProperties.Lrs lrs, XapiClient client, StatementIntake intake, XapiEvidenceSource evidence,
                     JdbcPollWatermarks watermarks, DeadLetterRepository deadLetters, ObjectMapper json, Clock clock) {
        this.lrs = lrs;
        this.client = client;
        this.intake = intake;
        this.evidence = evidence;
        this.watermarks = watermarks;
        this.deadLetters = deadLetters;
        this.json = json;
        this.clock = clock;
    }

    public String name() {
        return lrs.name();
    }

    /** One round; answers how many statements it took. LRS faults propagate after the client's retries. */
    public int poll() {
        XapiClient.Page page = client.first(watermarks.since(lrs.name()).orElse(null));
        String consistentThrough = page.consistentThrough();
        int taken = 0;
        while (true) {
            List<JsonNode> usable = new ArrayList<>();
            String lastStored = null;
            boolean pastConsistency = false;
            for (JsonNode statement : page.statements()) {
                String stored = statement.path("stored").asText(null);
                if (after(stored, consistentThrough)) {
                    pastConsistency = true;
                    break;
                }
                usable.add(statement);
                if (stored != null) {
                    lastStored = stored;
                }
            }
            if (!usable.isEmpty()) {
                store(usable, versionOf(page));
            }
            if (lastStored != null) {
                watermarks.advance(lrs.name(), lrs.tenant(), lastStored, clock.instant());
            }
            taken += usable.size();
            if (pastConsistency || page.more() == null || page.statements().isEmpty()) {
                return taken;
            }
            page = client.next(page.more());
        }
    }

    private void store(List<JsonNode> statements, XapiVersion version) {
        String authority = "lrs:" + lrs.name();
        IntakeResult result = intake.pulled(lrs.tenant(), authority, version, statements);
        if (result instanceof IntakeResult.Accepted accepted) {
            evidence.offer(lrs.tenant(), accepted.newlyStored());
            return;
        }
        // One bad statement must not hold back the good ones another LRS already accepted: take them one by one.
        for (JsonNode statement : statements) {
            IntakeResult one = intake.pulled(lrs.tenant(), authority, version, List.of(statement));
            if (one instanceof IntakeResult.Accepted accepted) {
                evidence.offer(lrs.tenant(), accepted.newlyStored());
            } else {
                IntakeResult.Refused refused = (IntakeResult.Refused) one;
                long id = deadLetters.record(lrs.tenant(), XapiMapper.SOURCE, XapiEvidenceSource.DEAD_LETTER_TYPE,
                        write(statement), refused.error() + " " + refused.violations());
                log.warn("xapi: statement from LRS {} kept as dead letter #{}: {}", lrs.name(), id, refused.error());
            }
        }
    }

    private XapiVersion versionOf(XapiClient.Page page) {
        return XapiVersion.parse(page.version()).or(() -> XapiVersion.parse(lrs.version())).orElse(XapiVersion.V1_0);
    }

    private static boolean after(String stored, String consistentThrough) {
        if (stored == null || consistentThrough == null) {
            return false;
        }
        try {
            return OffsetDateTime.parse(stored).isAfter(OffsetDateTime.parse(consistentThrough));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private String write(JsonNode statement) {
        try {
            return json.writeValueAsString(statement);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return statement.toString();
        }
    }
}
