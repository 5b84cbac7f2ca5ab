package dev.waypoint.canvas;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.waypoint.canvas.CanvasApiBodies.body;

/** Stubs of the Canvas endpoints a sync reads, for the two kinds of course Canvas has. */
public final class CanvasStubs {

    private CanvasStubs() {
    }

    /** Course 205-like: module requirements, so {@code bulk_user_progress} answers; enrollments on two pages. */
    public static void courseWithRequirements(WireMockServer canvas, String courseId) {
        String enrollments = "/api/v1/courses/" + courseId + "/enrollments";
        canvas.stubFor(get(urlPathEqualTo(enrollments)).withQueryParam("page", equalTo("2")).atPriority(3)
                .willReturn(okJson(body("enrollments-205-page-2.json"))));
        canvas.stubFor(get(urlPathEqualTo(enrollments)).atPriority(4)
                .willReturn(okJson(body("enrollments-205-page-1.json"))
                        .withHeader("Link", "<" + canvas.baseUrl() + enrollments + "?page=2&per_page=2>; rel=\"next\"")));
        canvas.stubFor(get(urlPathEqualTo("/api/v1/courses/" + courseId + "/bulk_user_progress"))
                .willReturn(okJson(body("bulk-user-progress-205.json"))));
        canvas.stubFor(get(urlPathEqualTo("/api/v1/courses/" + courseId + "/students/submissions"))
                .willReturn(okJson(body("submissions-graded-since.json"))));
        String outcomeResults = "/api/v1/courses/" + courseId + "/outcome_results";
        canvas.stubFor(get(urlPathEqualTo(outcomeResults)).withQueryParam("page", equalTo("2")).atPriority(3)
                .willReturn(okJson(body("outcome-results-205-page-2.json"))));
        canvas.stubFor(get(urlPathEqualTo(outcomeResults)).atPriority(4)
                .willReturn(okJson(body("outcome-results-205-page-1.json"))
                        .withHeader("Link", "<" + canvas.baseUrl() + outcomeResults
                                + "?include%5B%5D=outcomes&page=2&per_page=2>; rel=\"next\"")));
        canvas.stubFor(get(urlPathEqualTo("/api/v1/courses/" + courseId + "/outcome_rollups"))
                .willReturn(okJson(body("outcome-rollups-205.json"))));
    }

    /** Course 210-like: no module requirements, so bulk progress is refused (400) and progress is read per user. */
    public static void courseWithoutRequirements(WireMockServer canvas, String courseId) {
        canvas.stubFor(get(urlPathEqualTo("/api/v1/courses/" + courseId + "/enrollments"))
                .willReturn(okJson(body("enrollments-210.json"))));
        canvas.stubFor(get(urlPathEqualTo("/api/v1/courses/" + courseId + "/bulk_user_progress"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(body("bulk-user-progress-not-module-based-400.json"))));
        canvas.stubFor(get(urlPathEqualTo("/api/v1/courses/" + courseId + "/users/101/progress"))
                .willReturn(okJson(body("user-progress-210-101.json"))));
        canvas.stubFor(get(urlPathEqualTo("/api/v1/courses/" + courseId + "/students/submissions")).willReturn(okJson("[]")));
        canvas.stubFor(get(urlPathEqualTo("/api/v1/courses/" + courseId + "/outcome_results"))
                .willReturn(okJson("{\"outcome_results\":[],\"linked\":{}}")));
        canvas.stubFor(get(urlPathEqualTo("/api/v1/courses/" + courseId + "/outcome_rollups"))
                .willReturn(okJson("{\"rollups\":[],\"linked\":{}}")));
    }
}
