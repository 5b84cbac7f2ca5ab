package dev.waypoint.app.api;

import dev.waypoint.core.store.OutboxRepository;
import dev.waypoint.core.store.OutboxRepository.OutboxEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.waypoint.core.engine.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The write-back outbox as admins watch it: what is pending, delivered, or parked after failures. */
@RestController
@RequestMapping("/api/v1/write-backs")
@Tag(name = "Write-back", description = "Pending and past writes to the LMS")
public class WriteBackController {

    private static final Set<String> STATUSES = Set.of("pending", "delivered", "parked");

    private final OutboxRepository outbox;
    private final Clock clock;

    public WriteBackController(OutboxRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Operation(summary = "List write-backs by status")
    @GetMapping
    public List<OutboxEntry> list(@RequestParam(defaultValue = "pending") String status,
                                  @RequestParam(defaultValue = "0") int offset,
                                  @RequestParam(defaultValue = "50") int limit) {
        Paging.checkStatus(status, STATUSES);
        Paging.check(offset, limit);
        return outbox.list(status, offset, limit);
    }

    @Operation(summary = "Put a parked write-back back in line",
            description = "For a write the LMS refused until an admin fixed the cause. Only parked rows; 409 otherwise.")
    @PostMapping("/{id}/retry")
    public OutboxEntry retry(@PathVariable long id) {
        OutboxEntry entry = outbox.find(id).orElseThrow(() -> new NotFoundException("write-back", String.valueOf(id)));
        if (!outbox.requeue(id, clock.instant())) {
            throw new ApiException(HttpStatus.CONFLICT, "Not parked",
                    "write-back " + id + " is " + entry.status() + "; only parked write-backs can be retried",
                    List.of(new FieldProblem("id", "write-back " + id + " is " + entry.status())), Map.of());
        }
        return outbox.find(id).orElseThrow();
    }
}
