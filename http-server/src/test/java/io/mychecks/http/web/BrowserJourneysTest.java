package io.mychecks.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.mychecks.core.testing.SmtpSink;
import io.mychecks.http.testing.TestApp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Journeys of a new user in a real browser: Debian's Chromium, headless, driven through
 * chromedriver. Screenshots of the main pages at desktop and phone widths, light and dark, land in
 * {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserJourneysTest {
    static final Pattern LINK =
            Pattern.compile("http://localhost:8000(/accounts/check_token/[^/\\s]+/)");
    static final Path SHOTS = Path.of("target", "screenshots");
    SmtpSink sink;
    TestApp t;
    ChromeDriver browser;
    WebDriverWait wait;
    HttpServer receiver;
    final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() throws IOException {
        sink = new SmtpSink();
        Map<String, String> s = new HashMap<>(sink.settings());
        s.put("REGISTRATION_OPEN", "True");
        s.put("INTEGRATIONS_ALLOW_PRIVATE_IPS", "True");
        t = new TestApp(s);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext(
                "/",
                ex -> {
                    received.add(
                            ex.getRequestMethod()
                                    + " "
                                    + ex.getRequestURI()
                                    + " "
                                    + new String(
                                            ex.getRequestBody().readAllBytes(),
                                            StandardCharsets.UTF_8));
                    ex.sendResponseHeaders(200, -1);
                    ex.close();
                });
        receiver.start();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("mychecks.chromium", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1280,900",
                "--lang=en-US");
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(
                                new java.io.File(
                                        System.getProperty(
                                                "mychecks.chromedriver", "/usr/bin/chromedriver")))
                        .usingAnyFreePort()
                        .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
        t.close();
        sink.close();
    }

    @BeforeEach
    void fresh() {
        sink.clear();
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    void open(String path) {
        browser.get(t.url(path));
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void logInByPassword(String email, String password) {
        browser.manage().deleteAllCookies();
        open("/accounts/login/");
        find("#login-email").sendKeys(email);
        find("#login-password").sendKeys(password);
        find("form.card button[type=submit]").click();
        wait.until(ExpectedConditions.titleContains("My Projects"));
    }

    void shoot(String name) throws IOException {
        for (String theme : new String[] {"light", "dark"}) {
            browser.manage().addCookie(new Cookie("mychecks_theme", theme));
            for (int[] size : new int[][] {{1280, 900}, {390, 844}}) {
                browser.manage().window().setSize(new Dimension(size[0], size[1]));
                browser.navigate().refresh();
                find("main");
                // nothing sticks out sideways, at any width
                Object wide =
                        ((JavascriptExecutor) browser)
                                .executeScript(
                                        "var out = [], w = document.documentElement.clientWidth;"
                                                + " document.querySelectorAll('body *').forEach(function (e) {"
                                                + " var r = e.getBoundingClientRect();"
                                                + " if (r.width > 0 && r.right > w + 1 && !e.closest('.table-wrap, pre, dialog:not([open])'))"
                                                + " out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right)); });"
                                                + " if (document.documentElement.scrollWidth > w + 1)"
                                                + " out.push('page ' + document.documentElement.scrollWidth);"
                                                + " return out.slice(0, 5).join(', ');");
                assertThat(wide).as(name + " at " + size[0] + " px").isEqualTo("");
                byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
                Files.write(
                        SHOTS.resolve(
                                name
                                        + "-"
                                        + (size[0] > 600 ? "desktop" : "phone")
                                        + "-"
                                        + theme
                                        + ".png"),
                        png);
            }
        }
        browser.manage().deleteCookieNamed("mychecks_theme");
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.navigate().refresh();
    }

    @Test
    @Order(1)
    void signUpAndLogInThroughTheEmailedLink() throws IOException {
        browser.manage().deleteAllCookies();
        open("/");
        assertThat(browser.getCurrentUrl()).endsWith("/accounts/login/");
        shoot("login");
        browser.findElement(By.linkText("Create an account")).click();
        find("#signup-email").sendKeys("journey@example.org");
        find("form.card button[type=submit]").click();
        wait.until(ExpectedConditions.titleContains("Check your email"));
        Matcher m = LINK.matcher(sink.single().text());
        assertThat(m.find()).isTrue();
        open(m.group(1));
        find("main button[type=submit]").click();
        wait.until(ExpectedConditions.titleContains("My Projects"));
        assertThat(find("main").getText()).contains("My Project");
        shoot("projects");
    }

    @Test
    @Order(2)
    void logInByPasswordCreateACheckAndWatchItsPingArrive() throws Exception {
        t.app.accounts().createSuperuser("owner@example.org", "browser password");
        logInByPassword("owner@example.org", "browser password");
        browser.findElement(By.partialLinkText("My Project")).click();
        wait.until(ExpectedConditions.titleContains("My Project"));
        find("[data-open=add-check]").click();
        find("#add-name").sendKeys("Nightly backup");
        find("#add-tags").sendKeys("prod db");
        browser.findElement(By.cssSelector("#add-check button[type=submit]")).click();
        wait.until(ExpectedConditions.titleContains("Nightly backup"));
        String code =
                browser.getCurrentUrl().replaceAll(".*/checks/([0-9a-f-]{36})/details/", "$1");
        browser.findElement(By.partialLinkText("Checks")).click();
        WebElement status = find("tr[data-code='" + code + "'] [data-status]");
        assertThat(status.getText()).isEqualTo("new");
        ((JavascriptExecutor) browser).executeScript("window.__stayed = true;");
        assertThat(t.get("/ping/" + code).status()).isEqualTo(200);
        new WebDriverWait(browser, Duration.ofSeconds(4))
                .until(
                        ExpectedConditions.textToBe(
                                By.cssSelector("tr[data-code='" + code + "'] [data-status]"),
                                "up"));
        // updated in place, no reload
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__stayed === true;"))
                .isEqualTo(true);
        assertThat(t.get("/ping/" + code + "/fail").status()).isEqualTo(200);
        new WebDriverWait(browser, Duration.ofSeconds(4))
                .until(ExpectedConditions.titleContains("1 down"));
        assertThat(find("tr[data-code='" + code + "'] [data-status]").getText()).isEqualTo("down");
        // a check made elsewhere (here through core, as the API would) shows up without a reload
        var project =
                t.app.checks()
                        .findByCode(t.app.database().dsl(), java.util.UUID.fromString(code))
                        .orElseThrow()
                        .projectId();
        var p = t.app.projects().findById(t.app.database().dsl(), project).orElseThrow();
        t.app.checkService()
                .create(
                        p,
                        io.mychecks.core.manage.CheckSpecParser.parse(
                                new com.fasterxml.jackson.databind.ObjectMapper()
                                        .readTree("{\"name\": \"Arrived later\"}")),
                        false);
        new WebDriverWait(browser, Duration.ofSeconds(4))
                .until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.cssSelector("table.checks"), "Arrived later"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__stayed === true;"))
                .isEqualTo(true);
        shoot("checks");
    }

    @Test
    @Order(3)
    void setACronScheduleThroughTheDialog() throws IOException {
        logInByPassword("owner@example.org", "browser password");
        browser.findElement(By.partialLinkText("My Project")).click();
        find("td.name a").click();
        wait.until(ExpectedConditions.urlContains("/details/"));
        find("[data-open=schedule-dialog]").click();
        WebElement dialog = find("#schedule-dialog");
        dialog.findElement(By.cssSelector("input[name=kind][value=cron]")).click();
        WebElement expr = dialog.findElement(By.cssSelector("#edit-schedule"));
        expr.clear();
        expr.sendKeys("0 3 * * 1-5");
        WebElement tz = dialog.findElement(By.cssSelector("#edit-tz"));
        tz.clear();
        tz.sendKeys("Europe/Riga");
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.cssSelector("#schedule-dialog [data-preview]"), "Next runs"));
        assertThat(dialog.findElement(By.cssSelector("[data-preview]")).getText())
                .contains("03:00 EET");
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve("schedule-dialog-desktop-light.png"), png);
        // a bad expression is flagged as it is typed
        expr.sendKeys(" 99");
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.cssSelector("#schedule-dialog [data-preview]"), "Not a valid"));
        expr.sendKeys(
                org.openqa.selenium.Keys.BACK_SPACE,
                org.openqa.selenium.Keys.BACK_SPACE,
                org.openqa.selenium.Keys.BACK_SPACE);
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("main"), "0 3 * * 1-5"));
        assertThat(find("main").getText()).contains("in Europe/Riga");
        shoot("details");
    }

    @Test
    @Order(4)
    void addAWebhookAndSendATest() throws IOException {
        logInByPassword("owner@example.org", "browser password");
        browser.findElement(By.partialLinkText("My Project")).click();
        browser.findElement(By.linkText("Integrations")).click();
        find("a[href$='/add_webhook/']").click();
        shoot("add-webhook");
        find("#f-name").sendKeys("Ops receiver");
        find("#f-url_down")
                .sendKeys(
                        "http://127.0.0.1:"
                                + receiver.getAddress().getPort()
                                + "/hook?status=$STATUS");
        new org.openqa.selenium.support.ui.Select(find("#f-method_down"))
                .selectByVisibleText("POST");
        find("#f-body_down").sendKeys("$NAME went $STATUS");
        find("form.card button[type=submit]").click();
        wait.until(ExpectedConditions.titleContains("Integrations"));
        WebElement row = find("table.integrations");
        assertThat(row.getText()).contains("Ops receiver");
        browser.findElements(
                        By.xpath(
                                "//tr[contains(., 'Ops receiver')]//button[normalize-space()='Send test']"))
                .get(0)
                .click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("main"), "Test notification sent."));
        assertThat(received)
                .anySatisfy(r -> assertThat(r).startsWith("POST /hook?status=down TEST went down"));
        shoot("integrations");
    }

    @Test
    @Order(5)
    void inviteAReadOnlyMemberWhoCannotEdit() throws IOException {
        logInByPassword("owner@example.org", "browser password");
        browser.findElement(By.partialLinkText("My Project")).click();
        browser.findElement(By.linkText("Settings")).click();
        find("#invite-email").sendKeys("reader@example.org");
        new org.openqa.selenium.support.ui.Select(find("#invite-role")).selectByValue("r");
        find(".invite-form button[type=submit]").click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("main"), "Invitation sent."));
        assertThat(find("main").getText()).contains("reader@example.org").contains("Read-only");
        shoot("settings");
        Matcher m = LINK.matcher(sink.single().text());
        assertThat(m.find()).isTrue();
        browser.manage().deleteAllCookies();
        open(m.group(1));
        find("main button[type=submit]").click();
        wait.until(ExpectedConditions.titleContains("My Projects"));
        browser.findElement(By.partialLinkText("My Project")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.checks")));
        assertThat(browser.findElements(By.cssSelector("[data-open=add-check]"))).isEmpty();
        assertThat(browser.findElements(By.xpath("//button[normalize-space()='Pause']"))).isEmpty();
        find("td.name a").click();
        wait.until(ExpectedConditions.urlContains("/details/"));
        assertThat(browser.findElements(By.cssSelector("[data-open=schedule-dialog]"))).isEmpty();
        open("/accounts/profile/");
        find("#new-password").sendKeys("reader password");
        find("#new-password2").sendKeys("reader password");
        find("#new-password2").submit();
        // a password change first asks for a mailed code (sudo mode)
        wait.until(ExpectedConditions.titleContains("Confirm it is you"));
        shoot("sudo");
        sink.clear();
        find("main form button[type=submit]").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sudo-code")));
        Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher(sink.single().text());
        assertThat(code.find()).isTrue();
        find("#sudo-code").sendKeys(code.group(1));
        find("#sudo-code").submit();
        wait.until(ExpectedConditions.titleContains("Account"));
        find("#new-password").sendKeys("reader password");
        find("#new-password2").sendKeys("reader password");
        find("#new-password2").submit();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("main"), "Password saved."));
        shoot("profile");
    }

    @Test
    @Order(6)
    void tvDashboardShowsAProjectByItsReadOnlyKey() throws IOException {
        logInByPassword("owner@example.org", "browser password");
        browser.findElement(By.partialLinkText("My Project")).click();
        browser.findElement(By.linkText("Settings")).click();
        find("form:has(input[value=api_key_readonly]) button").click();
        String key = find("#new-key").getText();
        assertThat(key).startsWith("hcr_");
        browser.findElement(By.linkText("Badges")).click();
        find("table");
        shoot("badges");
        open("/docs/cron/");
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.cssSelector("[data-preview]"), "Next runs"));
        shoot("docs-cron");
        browser.manage().deleteAllCookies();
        open("/tv/#" + key + "=Production");
        new WebDriverWait(browser, Duration.ofSeconds(8))
                .until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.cssSelector("[data-tv-grid]"), "Nightly backup"));
        assertThat(find("[data-tv-grid]").getText()).contains("Production").contains("down");
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve("tv-desktop-light.png"), png);
    }

    @Test
    @Order(7)
    void logOut() {
        logInByPassword("owner@example.org", "browser password");
        find("details.menu summary").click();
        find("details.menu button.link-button").click();
        wait.until(ExpectedConditions.urlContains("/accounts/login/"));
        open("/");
        assertThat(browser.getCurrentUrl()).endsWith("/accounts/login/");
    }
}
