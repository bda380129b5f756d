package dev.entrasync.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.examples.support.DemoCloud;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal in real headless Chromium (Debian's chromium and chromium-driver): log in, add a credential, connect a
 * tenant through the simulated consent page, consent and import discovered GDAP customers, sync, watch the
 * job, read the company's pages and findings (acknowledge and mute one), and save screenshots to {@code target/screenshots/}. Runs whenever Chromium
 * is installed; with {@code CI=true} a missing Chromium fails the test.
 */
class WebHostBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path profile;

    private WebHost host;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(installed, "Chromium and chromedriver are not installed");
        }
        assertThat(installed)
                .as("CI needs Debian's chromium and chromium-driver (.ci/run installs them)")
                .isTrue();
        host = WebHost.builder()
                .port(0)
                .jdbcUrl("jdbc:h2:mem:portal-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .adminPassword(PortalClient.PASSWORD)
                .start();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1280,1400",
                        "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        // the jobs page reloads itself while jobs run: an element read during a reload is retried
        wait = (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(WebDriverException.class);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void onboardsAndSyncsACompanyEndToEnd() throws Exception {
        browser.get(host.url());
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        type("password", "not the password");
        open(By.id("log-in"));
        assertThat(text("main")).contains("Wrong password");
        type("password", PortalClient.PASSWORD);
        open(By.id("log-in"));
        assertThat(text("main")).contains("No companies yet");

        open(By.linkText("Credentials"));
        type("secret", DemoCloud.SECRET);
        type("expires", LocalDate.now(ZoneOffset.UTC).plusDays(45).toString());
        open(By.id("save-credential"));
        assertThat(text("main"))
                .contains("northwind")
                .contains(DemoCloud.CLIENT_ID)
                .contains("in 44 days");

        assertThat(text("#credential-check")).contains("Saved northwind, but Microsoft refused a token");

        // Fabrikam's administrator declines first: no company is left behind; the retry connects exactly one
        open(By.linkText("Connect a tenant"));
        type("company", "Fabrikam Ltd");
        new Select(browser.findElement(By.id("administrator"))).selectByVisibleText("an administrator declines");
        open(By.id("go-consent"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("message")));
        assertThat(text("main")).contains("Consent not completed");
        save("consent-declined.png");
        browser.get(host.url());
        assertThat(text("main")).contains("No companies yet");
        open(By.linkText("Connect a tenant"));
        type("company", "Fabrikam Ltd");
        new Select(browser.findElement(By.id("administrator"))).selectByVisibleText("Fabrikam approves");
        open(By.id("go-consent"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verified")));
        assertThat(browser.getCurrentUrl()).contains("/consent/status/");
        assertThat(text("main")).contains(host.simulation().fabrikam().id()).contains("Fabrikam Ltd is connected");
        // the status page is for whoever consented: no navigation; the partner goes back to the portal
        assertThat(browser.findElements(By.linkText("Discovered tenants"))).isEmpty();
        browser.get(host.url());
        assertThat(browser.findElements(By.linkText("Fabrikam Ltd"))).hasSize(1);

        browser.get(host.url() + "/discover");
        // The partner's own tenant has not consented yet: the token is refused, and the page says how to fix it.
        assertThat(text("main")).contains("AADSTS700016").contains("Your own tenant must grant consent first");
        open(By.id("consent-home"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verified")));
        browser.get(host.url() + "/discover");
        assertThat(text("main")).contains("Contoso").contains("NOT_CONSENTED");
        open(By.id("consent-" + host.simulation().contoso().id()));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verified")));
        browser.get(host.url() + "/discover");
        browser.findElement(By.id("pick-" + host.simulation().contoso().id())).click();
        open(By.id("import-selected"));
        assertThat(text("main")).contains("Contoso").contains("Fabrikam Ltd").contains("never synced");

        open(By.linkText("Contoso"));
        open(By.id("sync-now"));
        wait.until(d -> d.getCurrentUrl().endsWith("/jobs") && text("#jobs").contains("SUCCEEDED"));
        browser.get(host.url() + "/jobs");
        assertThat(browser.findElements(By.id("live"))).isEmpty();
        assertThat(text("#jobs"))
                .contains("Contoso")
                .contains(dev.entrasync.Dataset.values().length + "/" + dev.entrasync.Dataset.values().length);
        open(By.linkText("Contoso"));

        assertThat(text("main"))
                .contains("Users\n1260")
                .contains("SUCCEEDED")
                .contains("User principal name")
                .contains("@contoso.com");
        assertThat(text("#range")).isEqualTo("1–50 of 1260");
        save("company-users.png");
        open(By.id("next"));
        assertThat(text("#range")).isEqualTo("51–100 of 1260");
        assertThat(text("#page-of")).isEqualTo("Page 2 of 26");
        save("company-users-page-2.png");
        type("q", "<b>' OR '1'='1");
        open(By.id("search-go"));
        assertThat(text("#empty")).isEqualTo("Nothing matches “<b>' OR '1'='1”.");

        open(By.id("tab-groups"));
        StringBuilder kinds = new StringBuilder();
        browser.findElements(By.className("group-kind"))
                .forEach(k -> kinds.append(k.getText()).append('\n'));
        save("company-groups.png");
        if (!browser.findElements(By.id("next")).isEmpty()) {
            open(By.id("next"));
            browser.findElements(By.className("group-kind"))
                    .forEach(k -> kinds.append(k.getText()).append('\n'));
        }
        assertThat(kinds.toString().lines().distinct())
                .contains("Microsoft 365", "Security", "Mail-enabled security", "Distribution");
        open(By.id("tab-secure_scores"));
        WebElement chart = browser.findElement(By.id("score-chart"));
        assertThat(chart.findElements(By.tagName("polyline"))).hasSize(1);
        save("company-secure-score.png");

        // the company's findings, acknowledged and muted with the page's own buttons, and the fleet overview
        open(By.id("findings-link"));
        assertThat(text("h1")).isEqualTo("Findings: Contoso");
        assertThat(text("#finding-global-admin-count"))
                .startsWith("HIGH")
                .contains("Fix: Assign a second Global Administrator");
        open(By.id("acknowledge-global-admin-count"));
        assertThat(text("#finding-global-admin-count")).contains("Acknowledged");
        open(By.id("mute-unassigned-licenses"));
        assertThat(text("#finding-unassigned-licenses")).contains("Muted");
        assertThat(browser.findElements(By.id("unmute-unassigned-licenses"))).hasSize(1);
        save("company-findings.png");
        open(By.linkText("Findings"));
        assertThat(text("#fleet")).contains("Contoso").contains("Fabrikam Ltd (never synced: no findings yet)");
        assertThat(text("#fleet-findings")).contains("Fewer than two or more than four Global Administrators");
        save("fleet-findings.png");

        // disconnect and purge asks first, on its own page
        open(By.linkText("Companies"));
        String contosoDelete = browser.findElements(By.cssSelector("button[id^=delete-]"))
                .get(1)
                .getAttribute("id");
        new Select(browser.findElement(By.xpath("//button[@id='" + contosoDelete + "']/../select")))
                .selectByVisibleText("purge synced data");
        open(By.id(contosoDelete));
        assertThat(text("h1")).isEqualTo("Disconnect and purge?");
        assertThat(text("#confirm-text")).contains("Contoso").contains("cannot be undone");
        save("purge-confirmation.png");
        open(By.id("cancel-delete"));
        assertThat(text("main")).contains(host.simulation().contoso().id());
        new Select(browser.findElement(By.xpath("//button[@id='" + contosoDelete + "']/../select")))
                .selectByVisibleText("purge synced data");
        open(By.id(contosoDelete));
        open(By.id("confirm-delete"));
        assertThat(text("main")).doesNotContain(host.simulation().contoso().id());

        open(By.linkText("Companies"));
        String fabrikam = browser.findElements(By.cssSelector("button[id^=delete-]"))
                .get(0)
                .getAttribute("id");
        open(By.id(fabrikam));
        open(By.id("confirm-delete"));
        assertThat(text("main")).contains("not connected");

        open(By.id("logout"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.get(host.url() + "/jobs");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
    }

    /** Clicks something that loads another page, and waits until the old page is gone. */
    private void open(By target) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        wait.until(ExpectedConditions.stalenessOf(page));
    }

    private void type(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private void save(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
