package dev.waypoint.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.FormParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Moodle site of {@code people} learners each enrolled in {@code courses} courses, generated per request
 * from the recorded Moodle 4.5.6 answers (same field names, values varied): participant pages, each
 * person's courses with completion, one badge each, completion status. Courses 0–2 carry the sample
 * taxonomy's idnumbers (SQLF101, DATAVIZ201, STAKE301); the rest are unmapped. Every person has completed
 * SQLF101 and DATAVIZ201; after {@link #changeEveryTenth()} every tenth person has also completed STAKE301.
 */
final class SyntheticMoodle implements ResponseDefinitionTransformerV2 {

    private static final String[] MAPPED = {"SQLF101", "DATAVIZ201", "STAKE301"};

    private final ObjectMapper json = new ObjectMapper();
    private final int people;
    private final int courses;
    private final JsonNode userTemplate;
    private final JsonNode courseTemplate;
    private final JsonNode badgeTemplate;
    private final String completionStatus;
    private volatile boolean tenthChanged;
    final AtomicLong served = new AtomicLong();

    SyntheticMoodle(int people, int courses) {
        this.people = people;
        this.courses = courses;
        this.userTemplate = read("core_enrol_get_enrolled_users.json").get(0);
        this.courseTemplate = read("core_enrol_get_users_courses.json").get(0);
        this.badgeTemplate = read("core_badges_get_user_badges.json").path("badges").get(0);
        this.completionStatus = read("core_completion_get_course_completion_status.json").toString();
    }

    void changeEveryTenth() {
        tenthChanged = true;
    }

    @Override
    public String getName() {
        return "synthetic-moodle";
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        served.incrementAndGet();
        Request request = serveEvent.getRequest();
        String body = switch (param(request, "wsfunction")) {
            case "core_enrol_get_enrolled_users" -> participants(Integer.parseInt(param(request, "options[0][value]")),
                    Integer.parseInt(param(request, "options[1][value]")));
            case "core_enrol_get_users_courses" -> coursesOf(Long.parseLong(param(request, "userid")));
            case "core_badges_get_user_badges" -> badgesOf(Long.parseLong(param(request, "userid")));
            case "core_completion_get_course_completion_status" -> completionStatus;
            default -> "{\"exception\":\"webservice_access_exception\",\"errorcode\":\"accessexception\","
                    + "\"message\":\"Access control exception\"}";
        };
        return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition()).but().withBody(body).build();
    }

    private String participants(int from, int limit) {
        ArrayNode page = json.createArrayNode();
        for (int i = from; i < Math.min(people, from + limit); i++) {
            long id = 1000L + i;
            ObjectNode user = userTemplate.deepCopy();
            user.put("id", id).put("username", "learner" + id).put("idnumber", "L-" + id)
                    .put("email", "learner" + id + "@example.com").put("fullname", "Learner " + id);
            user.remove("enrolledcourses");
            page.add(user);
        }
        return page.toString();
    }

    private String coursesOf(long userId) {
        ArrayNode list = json.createArrayNode();
        for (int k = 0; k < courses; k++) {
            ObjectNode course = courseTemplate.deepCopy();
            String idnumber = k < MAPPED.length ? MAPPED[k] : "BENCH-" + k;
            boolean completed = k < 2 || (k == 2 && tenthChanged && userId % 10 == 0) || (k > 2 && (userId + k) % 7 == 0);
            course.put("id", 100 + k).put("shortname", idnumber).put("fullname", "Course " + idnumber)
                    .put("displayname", "Course " + idnumber).put("idnumber", idnumber)
                    .put("completed", completed).put("progress", completed ? 100 : (int) ((userId * 31 + k) % 100));
            list.add(course);
        }
        return list.toString();
    }

    private String badgesOf(long userId) {
        ObjectNode badge = badgeTemplate.deepCopy();
        badge.put("uniquehash", String.format("%040x", userId)).put("recipientid", userId)
                .put("email", "learner" + userId + "@example.com");
        ObjectNode answer = json.createObjectNode();
        answer.putArray("badges").add(badge);
        answer.putArray("warnings");
        return answer.toString();
    }

    private static String param(Request request, String name) {
        FormParameter p = request.formParameter(name);
        return p == null || !p.isPresent() ? "" : p.firstValue();
    }

    private JsonNode read(String file) {
        try (InputStream in = SyntheticMoodle.class.getResourceAsStream("/moodle-bench/" + file)) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
