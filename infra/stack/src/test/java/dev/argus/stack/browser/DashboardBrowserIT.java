package dev.argus.stack.browser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.argus.stack.LocalStack;
import dev.argus.stack.StackOptions;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The web dashboard in a real browser (Debian's headless Chromium through Selenium) against the
 * local stack with its demo fleet, started by the same launcher as {@code ./argus-start.sh}: a
 * person signs in with the first admin's password (from the file the ready banner names), sees the
 * demo UPSes, targets, models and camera on the overview, watches a target's alert arrive live over
 * {@code /ws}, creates an API key (shown once, and it works) and revokes it (and it stops working),
 * changes a runtime setting (and the api has it), follows a benchmark started on the page to its
 * percentiles over the run's WebSocket, adds a webhook alert provider whose test arrives at a
 * loopback server, and signs out. Every step saves a screenshot under {@code target/screenshots}.
 * One stack and one browser for the class: the tests run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

  private static final Duration PAGE = Duration.ofSeconds(30);
  private static final String FAILING_TARGET = "Browser IT closed port";
  private static final Pattern TTFT = Pattern.compile("TTFT [\\d,]+ ms");

  private final HttpClient http = HttpClient.newHttpClient();
  private LocalStack stack;
  private Path dataDir;
  private Browser browser;

  @BeforeAll
  void startEverything() throws Exception {
    assumeTrue(Browser.missing().isEmpty(), Browser.missing().orElse(""));
    dataDir = Path.of("target", "it-browser").toAbsolutePath();
    // Distinct free ports; the demo's Ollama endpoint listens on the LLM port + 1, so that one too.
    int llmPort = freePortPair();
    Set<Integer> taken = new HashSet<>(Set.of(llmPort, llmPort + 1));
    StackOptions options =
        StackOptions.builder(Path.of("../..").toAbsolutePath().normalize(), dataDir)
            .reset(true)
            .apiPort(freePort(taken))
            .kafkaPort(freePort(taken))
            .controllerPort(freePort(taken))
            .dbPort(freePort(taken))
            .externalDatabase(null, null, null)
            .demoFleet(true)
            .demoNutPort(freePort(taken))
            .demoLlmPort(llmPort)
            .demoCameraPort(freePort(taken))
            .durableDatabase(false)
            .build();
    stack = LocalStack.start(options, System.out);
    browser =
        Browser.start(
            Path.of("target", "chromium-profile"),
            Path.of("target", "screenshots").toAbsolutePath());
  }

  @AfterAll
  void stopEverything() {
    if (browser != null) {
      browser.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void aPersonSignsInWithTheFirstAdminsPassword() throws IOException {
    browser.open(stack.apiBaseUrl() + "/");
    WebElement username = browser.element(By.id("signin-username"));
    browser.screenshot("01-sign-in");

    username.sendKeys("admin");
    browser.element(By.id("signin-password")).sendKeys(firstAdminPassword());
    browser.element(By.cssSelector("form button[type=submit]")).click();

    browser.await(
        PAGE,
        "the header to name the signed-in admin",
        d -> d.findElement(By.id("whoami")).getText().contains("admin"));
    assertThat(browser.driver().getCurrentUrl()).doesNotContain("signin");
  }

  @Test
  @Order(2)
  void theOverviewShowsTheDemoFleet() {
    browser.open(stack.apiBaseUrl() + "/#/");

    // The demo's own names, as the api reports them: a page that shows nothing fails here.
    String overview =
        browser.awaitMainShows(
            Duration.ofSeconds(90),
            "ups-office",
            "ups-rack-a",
            "Battery",
            "Argus API",
            "Kafka broker",
            "sim-fast",
            "Demo yard");
    assertThat(overview).containsPattern("Battery \\d+ %");
    // The models' first probes come a little after the start; the page refreshes on its own.
    browser.awaitMain(
        Duration.ofSeconds(120),
        "a model's measured TTFT and a target's response time",
        text -> TTFT.matcher(text).find() && text.contains("up\nhttp"));
    browser.await(
        PAGE,
        "the live feed to connect",
        d -> "live".equals(d.findElement(By.id("live-state")).getAttribute("data-state")));
    browser.fullPageScreenshot("02-overview");
  }

  @Test
  @Order(3)
  void anAlertAppearsLiveOnTheTimeline() throws Exception {
    browser.open(stack.apiBaseUrl() + "/#/timeline");
    browser.awaitMainShows(PAGE, "events");
    assertThat(browser.mainText()).doesNotContain(FAILING_TARGET);

    // A target at a closed port goes down at its first failed check; the page is not reloaded.
    HttpResponse<String> created =
        adminRequest(
            "POST",
            "/api/v1/targets",
            """
            {"name": "%s", "type": "tcp", "address": "127.0.0.1:%d",
             "check_interval_seconds": 10, "failure_threshold": 1}\
            """
                .formatted(FAILING_TARGET, freePort()));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    WebElement entry =
        browser.await(
            Duration.ofSeconds(120),
            "a live timeline entry for the failing target",
            d ->
                d.findElements(By.cssSelector("#main li[data-domain=target]")).stream()
                    .filter(li -> li.getText().contains(FAILING_TARGET))
                    .filter(li -> li.getText().contains("live"))
                    .findFirst()
                    .orElse(null));
    assertThat(entry.getText()).contains("high");
    // The alert also counts in the navigation's unread badge until the notifications are read.
    WebElement badge = browser.element(By.id("unread"));
    assertThat(Integer.parseInt(badge.getText().strip())).isPositive();
    browser.fullPageScreenshot("03-timeline-live");
  }

  @Test
  @Order(4)
  void anAdminCreatesAKeyThatWorksAndRevokesIt() throws Exception {
    browser.open(stack.apiBaseUrl() + "/#/settings");
    browser.element(By.id("nk-name")).sendKeys("browser-it");
    browser.element(By.xpath("//button[normalize-space()='Create key']")).click();

    String key = browser.element(By.id("new-key")).getText().strip();
    assertThat(key).hasSizeGreaterThan(20);
    assertThat(withKey(key, "/api/v1/alert-status").statusCode()).isEqualTo(200);
    browser.await(
        PAGE,
        "the new key in the list",
        d -> keyRow(d).map(r -> r.getText().contains("active")).orElse(false));
    browser.screenshot("04-key-created");

    // Revoking asks once more: the first click arms the button, the second revokes.
    for (String label : new String[] {"Revoke", "Confirm revoke"}) {
      browser.await(
          PAGE,
          "the key's " + label + " button",
          d ->
              keyRow(d)
                  .map(r -> r.findElement(By.className("danger")))
                  .filter(b -> b.getText().startsWith(label))
                  .map(
                      b -> {
                        b.click();
                        return true;
                      })
                  .orElse(false));
    }
    browser.await(PAGE, "the key shown revoked", d -> keyRow(d).isEmpty() && revokedShown(d));

    assertThat(withKey(key, "/api/v1/alert-status").statusCode()).isEqualTo(401);
    browser.screenshot("05-key-revoked");
  }

  @Test
  @Order(5)
  void anAdminChangesARuntimeSetting() throws Exception {
    browser.open(stack.apiBaseUrl() + "/#/settings");
    WebElement loadLimit = browser.element(By.id("cfg-load_limit_pct"));
    loadLimit.clear();
    loadLimit.sendKeys("85");
    browser.element(By.xpath("//button[normalize-space()='Save configuration']")).click();

    browser.awaitMainShows(PAGE, "Saved: load_limit_pct.");
    String config = adminRequest("GET", "/api/config", null).body();
    assertThat(config).contains("\"load_limit_pct\":85");
    browser.screenshot("06-setting-saved");
  }

  @Test
  @Order(6)
  void everyFieldHasALabelAndThePhoneLayoutDoesNotScrollSideways() {
    browser.open(stack.apiBaseUrl() + "/#/settings");
    browser.awaitMainShows(PAGE, "Create a key", "Save configuration");
    Object unlabelled =
        browser.script(
            "return [...document.querySelectorAll('main input, main select, main textarea')]"
                + ".filter(e => !e.labels?.length && !e.getAttribute('aria-label')"
                + " && !e.getAttribute('aria-labelledby')).map(e => e.outerHTML);");
    assertThat((List<?>) unlabelled).isEmpty();

    browser.resize(390, 844);
    try {
      browser.open(stack.apiBaseUrl() + "/#/");
      browser.awaitMainShows(PAGE, "ups-office", "Argus API");
      Number overflow =
          (Number)
              browser.script(
                  "return document.documentElement.scrollWidth -"
                      + " document.documentElement.clientWidth;");
      assertThat(overflow.intValue()).as("sideways scroll at 390 px").isLessThanOrEqualTo(0);
      browser.fullPageScreenshot("07-phone-overview");
    } finally {
      browser.resize(1280, 1000);
    }
  }

  @Test
  @Order(7)
  void theDomainPagesShowTheirData() {
    browser.open(stack.apiBaseUrl() + "/#/power");
    browser.awaitMainShows(PAGE, "ups-office", "Energy per day", "kWh");
    browser.element(By.cssSelector("#main .uplot"));
    browser.fullPageScreenshot("08-power");

    browser.open(stack.apiBaseUrl() + "/#/models");
    browser.awaitMainShows(PAGE, "sim-fast", "Benchmark results", "p95");
    browser.fullPageScreenshot("09-models");

    browser.open(stack.apiBaseUrl() + "/#/cameras");
    browser.awaitMainShows(Duration.ofSeconds(120), "Demo yard", "motion");
    browser.await(
        PAGE,
        "an event thumbnail",
        d ->
            d.findElements(By.cssSelector("#main .event-card img")).stream()
                .anyMatch(WebElement::isDisplayed));
    // The AI's description follows its event (over /ws as event.updated when it comes later).
    browser.awaitMainShows(Duration.ofSeconds(120), "[simulated]");
    browser.fullPageScreenshot("10-cameras");
  }

  @Test
  @Order(8)
  void aBenchmarkStartedOnThePageReportsItsProgressLiveAndItsPercentiles() {
    browser.open(stack.apiBaseUrl() + "/#/models");
    browser.awaitMainShows(PAGE, "Run a benchmark");
    // One quick model: uncheck the others.
    for (WebElement box : browser.driver().findElements(By.cssSelector("#main fieldset input"))) {
      String label = box.findElement(By.xpath("./parent::label")).getText();
      if (box.isSelected() != label.startsWith("sim-fast (ollama)")) {
        box.click();
      }
    }
    browser.element(By.xpath("//button[normalize-space()='Start']")).click();

    // The page is not reloaded: only the run's WebSocket can tell it the run finished.
    browser.await(
        Duration.ofSeconds(120),
        "the run's progress to reach its end",
        d ->
            d.getCurrentUrl().matches(".*#/models/[^/]+/[0-9a-f-]{36}$")
                && browser.mainText().matches("(?s).*Dashboard run .*completed.*"));
    String run = browser.awaitMainShows(PAGE, "Time to first token (ms)", "p50", "p95", "p99");
    assertThat(run).containsPattern("(\\d+) of \\1 done");
    browser.fullPageScreenshot("11-benchmark");
  }

  @Test
  @Order(9)
  void theNotificationsPageListsTheAlertThatArrivedLive() {
    browser.open(stack.apiBaseUrl() + "/#/notifications");
    browser.awaitMainShows(
        PAGE, "Arrived while you were here", "Model and camera alerts", FAILING_TARGET);
    browser.fullPageScreenshot("12-notifications");
  }

  @Test
  @Order(10)
  void anAdminAddsAWebhookProviderAndItsTestArrives() throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hook.createContext(
        "/hook",
        exchange -> {
          received.add(new String(exchange.getRequestBody().readAllBytes(), UTF_8));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    hook.start();
    try {
      browser.open(stack.apiBaseUrl() + "/#/settings");
      browser.element(By.id("np-name")).sendKeys("browser-it-hook");
      browser
          .element(By.id("np-url"))
          .sendKeys("http://127.0.0.1:" + hook.getAddress().getPort() + "/hook");
      browser.element(By.xpath("//button[normalize-space()='Add provider']")).click();
      browser.awaitMainShows(PAGE, "Alert providers saved.", "browser-it-hook");

      browser.element(By.xpath("//button[normalize-space()='Send a test notification']")).click();
      browser.awaitMainShows(PAGE, "browser-it-hook (webhook)", "sent");
      await("the test notification at the webhook").atMost(PAGE).until(() -> !received.isEmpty());
      browser.fullPageScreenshot("13-alert-provider-test");
    } finally {
      hook.stop(0);
    }
  }

  @Test
  @Order(11)
  void signingOutEndsTheSession() {
    browser.open(stack.apiBaseUrl() + "/#/");
    browser.element(By.id("sign-out")).click();
    browser.element(By.id("signin-username"));

    browser.open(stack.apiBaseUrl() + "/#/power");
    browser.element(By.id("signin-username"));
    assertThat(browser.mainText()).doesNotContain("ups-office");
    Object me = browser.script("return fetch('/api/v1/auth/me').then(r => r.status);");
    assertThat(((Number) me).intValue()).as("GET /api/v1/auth/me after signing out").isEqualTo(401);
  }

  private static Optional<WebElement> keyRow(WebDriver d) {
    return d.findElements(By.cssSelector("#main [data-key='browser-it']")).stream()
        .findFirst()
        .map(actions -> actions.findElement(By.xpath("./ancestor::tr")));
  }

  private static boolean revokedShown(WebDriver d) {
    return d.findElements(By.cssSelector("#main tr")).stream()
        .anyMatch(r -> r.getText().contains("browser-it") && r.getText().contains("revoked"));
  }

  /**
   * The first admin's password, from the file the ready banner names ({@code <data
   * dir>/admin-password}, where the stack tells the api to write it).
   */
  private String firstAdminPassword() throws IOException {
    Path file = dataDir.resolve("admin-password");
    await("the first admin's password file")
        .atMost(Duration.ofSeconds(30))
        .until(() -> Files.isRegularFile(file));
    return Files.readString(file).strip();
  }

  private HttpResponse<String> adminRequest(String method, String path, String json)
      throws Exception {
    String key = Files.readString(dataDir.resolve("api-key")).strip();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(stack.apiBaseUrl() + path))
            .header("X-Api-Key", key)
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> withKey(String key, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(stack.apiBaseUrl() + path))
            .header("X-Api-Key", key)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A free port whose next port is free too: the demo's Ollama endpoint listens on port + 1. */
  private static int freePortPair() throws IOException {
    while (true) {
      try (ServerSocket first = new ServerSocket(0);
          ServerSocket second = new ServerSocket(first.getLocalPort() + 1)) {
        return first.getLocalPort();
      } catch (BindException taken) {
        // The next one was taken: try another pair.
      }
    }
  }

  /** A free port not in {@code taken}, which it joins. */
  private static int freePort(Set<Integer> taken) throws IOException {
    int port;
    do {
      port = freePort();
    } while (!taken.add(port));
    return port;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
