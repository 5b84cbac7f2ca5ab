package dev.waypoint.app.lti;

import dev.waypoint.app.support.ApiClient;
import dev.waypoint.app.support.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learner page in a real browser (Debian's chromium, headless): the course page auto-submits the
 * login initiation, the tool redirects to the platform, the platform's form posts the id_token back,
 * and the learner sees their score and their path — cookies, redirects and forms as a browser does them.
 */
@LtiServerTest
class LearnerPageBrowserTest {

    private final int port = LtiServerTest.Port.PORT;
    private PlatformSimulator platform;
    private PlatformPages pages;
    private HeadlessChromium chromium;
    private WebDriver driver;

    @BeforeEach
    void setUp() throws Exception {
        String sub = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        platform = new PlatformSimulator();
        pages = new PlatformPages(platform, "http://localhost:" + port, sub, PlatformSimulator.LEARNER);
        platform.authorizeAt(pages.base() + "/mod/lti/auth.php");
        platform.registerWith(port);

        ApiClient api = new ApiClient(port);
        ApiClient.Answer person = api.postJson("/api/v1/people", """
                {"identities":[{"kind":"email","value":"%s@example.com"}],"displayName":"Carla Chen",
                 "currentRole":"analytics.analyst","weeklyHours":4}""".formatted(sub));
        assertThat(person.status()).as(person.raw()).isEqualTo(201);
        api.postJson("/api/v1/evidence", """
                {"identities":[{"kind":"email","value":"%s@example.com"}],"kind":"course_completion",
                 "object":"moodle:course:SQLF101","occurredAt":"2026-06-01T00:00:00Z","source":"moodle","externalId":"b-%s"}
                """.formatted(sub, sub));

        chromium = new HeadlessChromium();
        driver = chromium.driver();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (pages != null) {
            pages.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aLearnerLaunchedFromTheCourseSeesTheirScoreAndPath() {
        driver.get(pages.base() + "/course/launch");

        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("summary")));
        // the launch answered 303: the frame shows the page's own URL, not the spent form post
        assertThat(driver.getCurrentUrl()).isEqualTo("http://localhost:" + port + "/lti/learner");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("My career path");
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("Carla Chen");

        WebElement seniorScore = driver.findElement(By.cssSelector("#card-role-analytics-senior-analyst a.score"));
        assertThat(seniorScore.getText()).isEqualTo("5");
        assertThat(seniorScore.getAttribute("href")).endsWith("#role-analytics-senior-analyst");

        List<WebElement> steps = driver.findElements(By.cssSelector("#role-analytics-senior-analyst ol.path li.step"));
        assertThat(steps).isNotEmpty();
        assertThat(steps.get(0).findElement(By.className("due")).getText()).matches("2026-\\d\\d-\\d\\d");

        seniorScore.click();
        assertThat(driver.getCurrentUrl()).endsWith("#role-analytics-senior-analyst");
        assertThat(driver.findElement(By.cssSelector("#role-analytics-senior-analyst .explain")).getText())
                .contains("Readiness = round(100");

        driver.navigate().refresh();
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("Carla Chen").doesNotContain("REPLAYED");
    }
}
