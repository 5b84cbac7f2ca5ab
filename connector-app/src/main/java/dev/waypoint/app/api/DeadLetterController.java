package dev.waypoint.app.api;

import dev.waypoint.app.pipeline.DeadLetters;
import dev.waypoint.core.store.DeadLetterRepository;
import dev.waypoint.core.store.DeadLetterRepository.DeadLetter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

/** What the evidence pipeline could not process, and replaying it once the cause is fixed. */
@RestController
@RequestMapping("/api/v1/dead-letters")
@Tag(name = "Dead letters", description = "Failed evidence, kept whole, replayable")
public class DeadLetterController {

    private static final Set<String> STATUSES = Set.of("open", "replayed");

    private final DeadLetterRepository letters;
    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetterRepository letters, DeadLetters deadLetters) {
        this.letters = letters;
        this.deadLetters = deadLetters;
    }

    @Operation(summary = "List dead letters, newest first")
    @GetMapping
    public List<DeadLetter> list(@RequestParam(defaultValue = "open") String status,
                                 @RequestParam(defaultValue = "0") int offset,
                                 @RequestParam(defaultValue = "50") int limit) {
        Paging.checkStatus(status, STATUSES);
        Paging.check(offset, limit);
        return letters.list(status, offset, limit);
    }

    @Operation(summary = "Replay a dead letter through the evidence flow",
            description = "Answers the letter afterwards: status 'replayed' on success, otherwise still 'open' "
                    + "with the new error and one more replay attempt counted.")
    @PostMapping("/{id}/replay")
    public DeadLetter replay(@PathVariable long id) {
        return deadLetters.replay(id);
    }
}
