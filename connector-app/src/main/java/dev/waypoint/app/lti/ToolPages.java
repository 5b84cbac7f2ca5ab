package dev.waypoint.app.lti;

import dev.waypoint.core.readiness.Readiness;
import dev.waypoint.core.store.PersonRepository;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses and fills the page a session sees: a learner their own readiness and path, an instructor
 * the learners of their course (those who launched in it, and the course roster when the platform
 * offers Names and Role Provisioning).
 */
@Component
public class ToolPages {

    private final LearnerPages learners;
    private final LaunchSessions sessions;
    private final PersonRepository people;
    private final CourseRoster roster;

    public ToolPages(LearnerPages learners, LaunchSessions sessions, PersonRepository people, CourseRoster roster) {
        this.learners = learners;
        this.sessions = sessions;
        this.people = people;
        this.roster = roster;
    }

    public String render(LtiSession session, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        if (session.instructor()) {
            model.addAttribute("course", session.contextTitle());
            model.addAttribute("learners", course(session));
            return "lti/instructor";
        }
        return learners.view(session.tenantId(), session.personId(), session.contextTitle())
                .map(view -> {
                    model.addAttribute("view", view);
                    return "lti/learner";
                })
                .orElseGet(() -> {
                    response.setStatus(503);
                    model.addAttribute("reason", "NOT_READY");
                    model.addAttribute("description", "no taxonomy is loaded yet; ask your administrator");
                    return "lti/refused";
                });
    }

    private List<CourseLearner> course(LtiSession session) {
        List<String> personIds = new ArrayList<>(sessions.learnersOf(session));
        for (String personId : roster.learners(session)) {
            if (!personIds.contains(personId)) {
                personIds.add(personId);
            }
        }
        List<CourseLearner> rows = new ArrayList<>();
        for (String personId : personIds) {
            people.find(session.tenantId(), personId).ifPresent(person -> {
                List<Readiness> scores = learners.scores(session.tenantId(), personId);
                rows.add(new CourseLearner(person.displayName() == null ? personId : person.displayName(), scores));
            });
        }
        return rows;
    }

    public record CourseLearner(String name, List<Readiness> scores) {
    }
}
