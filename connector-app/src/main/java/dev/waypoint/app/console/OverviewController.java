package dev.waypoint.app.console;

import dev.waypoint.app.api.ApiException;
import dev.waypoint.app.api.WriteBackController;
import dev.waypoint.app.pipeline.DeadLetters;
import dev.waypoint.core.engine.NotFoundException;
import dev.waypoint.core.store.DeadLetterRepository.DeadLetter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's overview: sync health per source, the write-back outbox and the dead letters, with the
 * retry and replay the admin API offers. A retry goes through the API's own write-back controller so the
 * rule "only parked rows" lives in one place.
 */
@Controller
class OverviewController {

    private final SyncHealth health;
    private final WriteBackController writeBacks;
    private final DeadLetters deadLetters;

    OverviewController(SyncHealth health, WriteBackController writeBacks, DeadLetters deadLetters) {
        this.health = health;
        this.writeBacks = writeBacks;
        this.deadLetters = deadLetters;
    }

    @GetMapping({"/console", "/console/"})
    String overview(Model model) {
        model.addAttribute("overview", health.overview());
        model.addAttribute("listed", SyncHealth.LISTED);
        return "console/overview";
    }

    @PostMapping("/console/write-backs/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes flash) {
        try {
            writeBacks.retry(id);
            flash.addFlashAttribute("notice", "Write-back " + id + " is back in line and will be sent shortly.");
        } catch (ApiException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        } catch (NotFoundException e) {
            flash.addFlashAttribute("problem", "There is no write-back " + id + ".");
        }
        return "redirect:/console#write-backs";
    }

    @PostMapping("/console/dead-letters/{id}/replay")
    String replay(@PathVariable long id, RedirectAttributes flash) {
        try {
            DeadLetter letter = deadLetters.replay(id);
            if ("replayed".equals(letter.status())) {
                flash.addFlashAttribute("notice", "Dead letter " + id + " was replayed and processed.");
            } else {
                flash.addFlashAttribute("problem", "Dead letter " + id + " failed again: " + letter.error());
            }
        } catch (NotFoundException e) {
            flash.addFlashAttribute("problem", "There is no dead letter " + id + ".");
        }
        return "redirect:/console#dead-letters";
    }
}
