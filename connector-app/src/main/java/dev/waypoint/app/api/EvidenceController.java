package dev.waypoint.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waypoint.app.pipeline.EvidenceSubmission;
import dev.waypoint.core.engine.IngestOutcome;
import dev.waypoint.core.evidence.LearningSignal;
import dev.waypoint.core.readiness.Readiness;
import dev.waypoint.core.taxonomy.ActiveTaxonomy;
import dev.waypoint.core.taxonomy.SkillGrant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Recording evidence by API: it goes through the same evidence flow as every LMS source. */
@RestController
@RequestMapping("/api/v1/evidence")
@Tag(name = "Evidence", description = "Record facts about people (HR, scripts, endorsements)")
public class EvidenceController {

    private final EvidenceRequests requests;
    private final EvidenceSubmission submission;
    private final ActiveTaxonomy taxonomy;
    private final ObjectMapper json;

    public EvidenceController(EvidenceRequests requests, EvidenceSubmission submission, ActiveTaxonomy taxonomy,
                              ObjectMapper json) {
        this.requests = requests;
        this.submission = submission;
        this.taxonomy = taxonomy;
        this.json = json;
    }

    @Operation(summary = "Record one piece of evidence",
            description = "201 when stored, 200 when the same fact (same natural key) was already stored: "
                    + "replays never count twice. The answer lists the readiness scores that changed.")
    @PostMapping
    public ResponseEntity<Recorded> record(@RequestBody EvidenceRequest request) throws JsonProcessingException {
        String raw = request.payload() == null ? json.writeValueAsString(request) : json.writeValueAsString(request.payload());
        LearningSignal signal = requests.toSignal(request, taxonomy.require(), raw);
        IngestOutcome outcome = submission.submit(signal);
        Recorded body = new Recorded(outcome.evidence().id(), outcome.person().id(), outcome.evidence().naturalKey(),
                !outcome.stored(), outcome.evidence().kind().wireName(), outcome.evidence().grants(),
                outcome.evidence().occurredAt(),
                outcome.changedReadiness().stream().map(ReadinessChange::of).toList());
        return ResponseEntity.status(outcome.stored() ? HttpStatus.CREATED : HttpStatus.OK).body(body);
    }

    /** What was recorded. {@code duplicate} is true when the fact was already stored (nothing changed). */
    public record Recorded(String evidenceId, String personId, String naturalKey, boolean duplicate, String kind,
                           List<SkillGrant> grants, Instant occurredAt, List<ReadinessChange> changedReadiness) {
    }

    /** A readiness score that changed because of the evidence. */
    public record ReadinessChange(String roleId, int score, String band, List<String> blockingSkills) {
        static ReadinessChange of(Readiness r) {
            return new ReadinessChange(r.roleId(), r.score(), r.band().wireName(), r.blockingSkills());
        }
    }
}
