package dev.waypoint.app.console;

import dev.waypoint.app.support.ApiClient;
import dev.waypoint.app.support.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser (Debian's chromium, headless): an admin signs in with the token, registers a
 * platform through the form, sees it listed, and signs out — cookies, CSRF tokens and redirects as a browser does them.
 * A click that submits a form returns before the browser has always followed the answer's redirect, so each one
 * waits for the page it should lead to; a page that never comes fails the wait with the URL the browser is on.
 */
class ConsoleBrowserTest extends ConsoleServer {

    @LocalServerPort
    int port;

    private static final Duration NAVIGATION = Duration.ofSeconds(15);

    private HeadlessChromium chromium;
    private WebDriver driver;

    @BeforeEach
    void startBrowser() throws Exception {
        chromium = new HeadlessChromium();
        driver = chromium.driver();
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void anAdminSignsInRegistersAPlatformAndSeesItListed() {
        String base = "http://localhost:" + port;
        String client = "browser-" + UUID.randomUUID().toString().substring(0, 8);

        driver.get(base + "/console/lti");
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "/console/login");
        driver.findElement(By.id("token")).sendKeys("wrong-token-typed-by-mistake");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        arriveAt(base + "/console/login?refused");
        assertThat(driver.findElement(By.id("refused")).getText()).contains("That is not the admin token");
        assertThat(driver.manage().getCookieNamed("JSESSIONID")).isNull();

        driver.findElement(By.id("token")).clear();
        driver.findElement(By.id("token")).sendKeys(ApiClient.ADMIN_TOKEN);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        arriveAt(base + "/console");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Overview");
        Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");

        driver.findElement(By.linkText("LTI registrations")).click();
        arriveAt(base + "/console/lti");
        driver.findElement(By.id("issuer")).sendKeys("https://moodle.browser.example.com");
        driver.findElement(By.id("clientId")).sendKeys(client);
        driver.findElement(By.id("authorizationEndpoint")).sendKeys("https://moodle.browser.example.com/mod/lti/auth.php");
        driver.findElement(By.id("jwksUri")).sendKeys("https://moodle.browser.example.com/mod/lti/certs.php");
        driver.findElement(By.id("deploymentIds")).sendKeys("4");
        driver.findElement(By.cssSelector("#register button[type=submit]")).click();

        WebElement notice = new WebDriverWait(driver, NAVIGATION)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.notice")));
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "/console/lti");
        assertThat(notice.getText())
                .isEqualTo("Registered https://moodle.browser.example.com (client " + client + ").");
        WebElement row = driver.findElements(By.cssSelector("#registrations tbody tr")).stream()
                .filter(r -> r.getText().contains(client)).findFirst().orElseThrow();
        assertThat(row.findElement(By.tagName("th")).getText()).isEqualTo("https://moodle.browser.example.com");
        assertThat(row.getText()).contains("4", "default", "active");

        driver.findElement(By.cssSelector("header form.signout button")).click();
        arriveAt(base + "/console/login?signed-out");
        driver.get(base + "/console/lti");
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "/console/login");
    }

    private void arriveAt(String url) {
        new WebDriverWait(driver, NAVIGATION).withMessage(() -> "the browser is still on " + driver.getCurrentUrl())
                .until(ExpectedConditions.urlToBe(url));
    }
}
