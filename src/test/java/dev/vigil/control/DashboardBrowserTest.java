package dev.vigil.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium against a real daemon: it follows saves live, its
 * buttons work, and output shows as text. Skipped where Debian's chromium and chromium-driver are
 * not installed (CI installs them).
 */
class DashboardBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final String CHECK =
      "grep -q bad src/app.txt && { echo 'src/app.txt:1:1: error: bad content'; exit 1; }"
          + " || echo fine";

  @TempDir static Path profile;
  private static ChromeDriverService service;
  private static ChromeDriver browser;

  @RegisterExtension final ApiFixture fx = new ApiFixture();
  @TempDir Path root;
  @TempDir Path state;
  private WebDriverWait wait;

  @BeforeAll
  static void startBrowser() {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium"
            + " chromium-driver)");
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.stop();
    }
  }

  @Test
  void aSaveShowsTheFailureLiveAndTheFixTurnsItGreen() throws Exception {
    Path app = start(ApiFixture.oneStage(CHECK));
    open();
    assertThat(browser.getCurrentUrl()).doesNotContain(fx.token());
    browser.executeScript("window.__marker = 1");

    Files.writeString(app, "bad\n");
    awaitText("last-result-app", "failed");
    assertThat(text("diagnostics-app")).contains("src/app.txt:1:1 error bad content");
    assertThat(text("output-app-check")).contains("src/app.txt:1:1: error: bad content");
    assertThat(text("stage-app-check")).contains("check", "failed", "exit 1");
    assertThat(text("project-app")).contains("src/app.txt changed");

    Files.writeString(app, "fine\n");
    awaitText("last-result-app", "passed");
    assertThat(text("stage-app-check")).contains("check", "passed");
    assertThat(browser.findElements(By.cssSelector("[data-testid='failure-app-check']"))).isEmpty();

    Files.writeString(app, "bad again\n");
    awaitText("last-result-app", "failed");
    assertThat(text("diagnostics-app")).contains("seen 2x this week");
    assertThat(text("last-fix")).contains("last fixed", "in run app-2", "-bad", "+fine");
    assertThat(fx.get("/api/status").body())
        .as("the API carries the last fix too")
        .contains("\"lastFix\":{\"runId\":\"app-2\"");
    awaitText("history", "app-3"); // the history list is fetched after the result is shown
    assertThat(text("history")).contains("app-1", "app-2", "app-3");
    assertThat(browser.executeScript("return window.__marker")).isEqualTo(1L);

    screenshot("target/dashboard.png");
    browser.manage().window().setSize(new Dimension(390, 1000));
    screenshot("target/dashboard-narrow.png");
    browser.manage().window().setSize(new Dimension(1280, 1000));
  }

  @Test
  void buttonsTriggerPauseAndResume() throws Exception {
    Path gate = state.resolve("gate");
    start(
        """
        version: 1
        defaults: {run_on_start: false}
        projects:
          - name: app
            stages:
              - {name: prep, run: "echo ready"}
              - {name: check, run: "until [ -f '%s' ]; do sleep 0.05; done", needs: [prep]}
        """
            .formatted(gate));
    open();
    awaitText("last-result-app", "no run yet");

    click("trigger-app");
    awaitText("project-state-app", "running");
    awaitText("running-app", "app-1 running: check");
    assertThat(text("live-stage-app-prep")).contains("prep", "passed");
    assertThat(text("live-stage-app-check")).contains("check", "running");
    Files.createFile(gate);
    awaitText("last-result-app", "passed");
    assertThat(text("run-id-app")).isEqualTo("app-1");
    awaitText("project-state-app", "watching");

    click("trigger-app");
    awaitText("run-id-app", "app-2");
    assertThat(text("activity")).contains("app-2 started: manual trigger", "app-2 passed");

    click("pause-app");
    awaitText("project-state-app", "paused");
    assertThat(element("pause-app").isDisplayed()).isFalse();

    click("resume-app");
    awaitText("project-state-app", "watching");
    assertThat(element("resume-app").isDisplayed()).isFalse();

    click("trigger-all");
    awaitText("run-id-app", "app-3");
  }

  @Test
  void aCachedStageShowsTheTimeItSaved() throws Exception {
    start(
        """
        version: 1
        defaults: {run_on_start: false}
        projects:
          - name: app
            stages:
              - {name: check, run: "sleep 1.2; echo fine", cache: true}
        """);
    open();
    fx.post("/api/trigger", null);
    awaitText("run-id-app", "app-1");
    awaitText("last-result-app", "passed");
    Path store = state.resolve("cache");
    wait.until(d -> cacheEntries(store) > 0); // stored off the run's path

    fx.post("/api/trigger", null);
    awaitText("run-id-app", "app-2");
    awaitText("stage-app-check", "cached");

    Matcher saved = Pattern.compile("\"savedMs\":(\\d+)").matcher(fx.get("/api/status").body());
    assertThat(saved.find()).as("the record says the time saved").isTrue();
    long savedMs = Long.parseLong(saved.group(1));
    assertThat(savedMs).isGreaterThanOrEqualTo(1_200);
    assertThat(text("stage-app-check"))
        .contains(
            "check cached ("
                + String.format(java.util.Locale.ROOT, "%.1f s", savedMs / 1000.0)
                + " saved)");
  }

  private static long cacheEntries(Path store) {
    try (java.util.stream.Stream<Path> entries = Files.list(store)) {
      return entries.filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}")).count();
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  @Test
  void outputAndDiagnosticsShowAsTextNeverAsMarkup() throws Exception {
    start(
        ApiFixture.oneStage(
            "echo '<img src=x onerror=window.__xss=1>';"
                + " echo 'src/<b>x</b>.txt:2:3: error: <script>window.__xss=2</script>'; exit 1"));
    open();
    fx.post("/api/trigger", null);
    awaitText("last-result-app", "failed");

    assertThat(text("output-app-check")).contains("<img src=x onerror=window.__xss=1>");
    assertThat(browser.executeScript("return typeof window.__xss")).isEqualTo("undefined");
    assertThat(browser.executeScript("return document.querySelectorAll('main img, main b').length"))
        .isEqualTo(0L);
    assertThat(browser.executeScript("return document.querySelectorAll('script').length"))
        .isEqualTo(1L);
  }

  @Test
  void aConfigErrorShowsABannerUntilAGoodConfigIsApplied() throws Exception {
    String good = ApiFixture.oneStage("echo fine");
    start(good);
    open();
    assertThat(element("config-error").isDisplayed()).isFalse();

    Files.writeString(
        root.resolve("vigil.yaml"), "version: 1\nprojects:\n  - name: app\n    stagez: []\n");
    assertThat(fx.post("/api/reload", null).statusCode()).isEqualTo(422);
    wait.until(d -> element("config-error").isDisplayed());
    assertThat(text("config-error")).contains("vigil.yaml", "stagez");

    Files.createDirectories(root.resolve("lib"));
    Files.writeString(
        root.resolve("vigil.yaml"),
        good + "  - {name: lib, root: lib, stages: [{name: build, run: echo built}]}\n");
    assertThat(fx.post("/api/reload", null).statusCode()).isEqualTo(200);
    wait.until(d -> !element("config-error").isDisplayed());
    awaitText("project-lib", "config changed");
  }

  @Test
  void theIndicatorShowsWhenTheStreamDrops() throws Exception {
    start(ApiFixture.oneStage("echo fine"));
    open();
    fx.server.close();
    wait.until(d -> !"open".equals(element("connection").getAttribute("data-state")));
    assertThat(text("connection")).containsAnyOf("reconnecting", "disconnected");
  }

  @Test
  void withoutATokenThePageSaysHowToOpenIt() throws Exception {
    start(ApiFixture.oneStage("echo fine"));
    browser.get(fx.url("/").toString());
    wait = new WebDriverWait(browser, ApiFixture.WAIT);
    wait.until(d -> element("message").isDisplayed());
    assertThat(text("message")).contains("vigil open");
  }

  private Path start(String yaml) throws Exception {
    Path app = root.resolve("src/app.txt");
    Files.createDirectories(app.getParent());
    Files.writeString(app, "fine\n");
    fx.start(root, state, yaml);
    return app;
  }

  /** Opens the dashboard as 'vigil open' would and waits until it is live. */
  private void open() {
    browser.get(fx.server.endpoint().dashboardUrl().toString());
    wait = new WebDriverWait(browser, ApiFixture.WAIT, Duration.ofMillis(100));
    wait.until(d -> "open".equals(element("connection").getAttribute("data-state")));
    wait.until(d -> !d.findElements(By.cssSelector("[data-testid='project-app']")).isEmpty());
  }

  private WebElement element(String testId) {
    return browser.findElement(By.cssSelector("[data-testid='" + testId + "']"));
  }

  /** The element's whole text, shown or not; empty when there is no such element. */
  private String text(String testId) {
    Object text =
        ((JavascriptExecutor) browser)
            .executeScript(
                "const e = document.querySelector(\"[data-testid='\" + arguments[0] + \"']\");"
                    + " return e ? e.textContent : '';",
                testId);
    return String.valueOf(text);
  }

  private void awaitText(String testId, String expected) {
    wait.until(d -> text(testId).contains(expected));
  }

  private void click(String testId) {
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-testid='" + testId + "']")))
        .click();
  }

  private static void screenshot(String file) throws Exception {
    Path target = Path.of(file);
    Files.createDirectories(target.getParent());
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        target,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
