package dev.waypoint.app.api;

import dev.waypoint.core.store.OutboxRepository;
import dev.waypoint.core.store.OutboxRepository.OutboxEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

/** The write-back outbox as admins watch it: what is pending, delivered, or parked after failures. */
@RestController
@RequestMapping("/api/v1/write-backs")
@Tag(name = "Write-back", description = "Pending and past writes to the LMS")
public class WriteBackController {

    private static final Set<String> STATUSES = Set.of("pending", "delivered", "parked");

    private final OutboxRepository outbox;

    public WriteBackController(OutboxRepository outbox) {
        this.outbox = outbox;
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
}
