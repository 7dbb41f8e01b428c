package dev.argus.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.argus.contract.testing.UpsdProcess;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Management over the real stack: devices added and removed through the api reach the collector
 * through the config topic with no restart; runtime config pauses the scheduler and a manual
 * trigger still polls; an uptime target that goes down reaches its threshold and shows in {@code
 * /api/v1/alert-status}, acknowledging removes it, recovery clears it, and the seed's own bash
 * client reports both states; a processor killed with SIGKILL is restarted by the stack and the
 * readings flow again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManagementPipelineIT {

  private static final String API_KEY = "it-admin-key-0123456789abcdef0123456789";
  private static final String DEVICE = "ups-managed";

  private final StackApi api = new StackApi(() -> this.stack.apiBaseUrl(), API_KEY);
  private final AtomicInteger targetStatus = new AtomicInteger(200);
  private final List<String> webhookBodies = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream stackOutput = new ByteArrayOutputStream();
  private UpsdProcess upsd;
  private HttpServer website;
  private LocalStack stack;

  @BeforeAll
  void startEverything() throws Exception {
    assumeTrue(
        UpsdProcess.available(),
        "NUT upsd is not installed (argus-test.sh installs nut-server): skipping the end-to-end"
            + " test");
    upsd =
        UpsdProcess.start(
            Path.of("target"),
            new LinkedHashMap<>(
                Map.of(
                    "ups.status", "OL",
                    "battery.charge", "100",
                    "battery.runtime", "3600",
                    "ups.load", "25",
                    "ups.realpower.nominal", "1000",
                    "input.voltage", "230.0")));
    website = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    website.createContext(
        "/",
        exchange -> {
          byte[] body = "argus ok".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(targetStatus.get(), body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    website.createContext(
        "/hook",
        exchange -> {
          webhookBodies.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    website.start();
    var options =
        StackApi.testStack("it-management")
            .pollInterval(Duration.ofSeconds(2))
            .serviceEnvironment(Map.of("API_KEY", API_KEY))
            .build();
    stack = LocalStack.start(options, teeTo(stackOutput));
  }

  /** System.out, and a copy the tests read. */
  private static PrintStream teeTo(ByteArrayOutputStream copy) {
    return new PrintStream(
        new OutputStream() {
          @Override
          public void write(int b) {
            System.out.write(b);
            copy.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            System.out.write(b, off, len);
            copy.write(b, off, len);
          }
        },
        true,
        StandardCharsets.UTF_8);
  }

  @AfterAll
  void stopEverything() {
    if (stack != null) {
      stack.close();
    }
    if (website != null) {
      website.stop(0);
    }
    if (upsd != null) {
      upsd.close();
    }
  }

  @Test
  @Order(0)
  void eachServiceIsLoggedInToTheDatabaseAsItsOwnRole() throws Exception {
    // The api and processor keep pooled connections open; their user names are the roles. The
    // owner's connections (the stack's migration, this test's earlier look) end asynchronously.
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(databaseUsers()).contains("argus_api", "argus_processor");
              assertThat(databaseUsers()).containsOnly("argus_api", "argus_processor", "postgres");
              assertThat(otherOwnerConnections())
                  .as("connections of the owner but this test's")
                  .isZero();
            });
  }

  private int otherOwnerConnections() throws java.sql.SQLException {
    try (var owner = java.sql.DriverManager.getConnection(stack.jdbcUrl(), "postgres", "");
        var st = owner.createStatement();
        var rs =
            st.executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE usename = 'postgres'"
                    + " AND datname = current_database() AND pid <> pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private List<String> databaseUsers() throws java.sql.SQLException {
    try (var owner = java.sql.DriverManager.getConnection(stack.jdbcUrl(), "postgres", "");
        var st = owner.createStatement();
        var rs =
            st.executeQuery(
                "SELECT DISTINCT usename FROM pg_stat_activity WHERE datname ="
                    + " current_database()")) {
      var users = new java.util.ArrayList<String>();
      while (rs.next()) {
        users.add(rs.getString(1));
      }
      return users;
    }
  }

  @Test
  @Order(1)
  void aDeviceAddedThroughTheApiIsPolledWithoutARestart() {
    StackApi.Response created =
        api.send(
            "POST",
            "/api/devices",
            """
            {"id": "%s", "name": "Managed UPS", "type": "ups", "poller": "nut", "host": "127.0.0.1",
             "port": %d, "enabled": true,
             "connection_config": {"ups": "%s", "username": "%s", "password": "%s"}}
            """
                .formatted(
                    DEVICE,
                    upsd.port(),
                    UpsdProcess.UPS_NAME,
                    UpsdProcess.USER,
                    UpsdProcess.PASSWORD));
    assertThat(created.status()).isEqualTo(201);
    assertThat(
            api.send(
                    "POST",
                    "/api/devices",
                    """
                    {"id": "%s", "name": "again", "type": "ups", "poller": "nut", "host": "127.0.0.1", "port": 3493}
                    """
                        .formatted(DEVICE))
                .status())
        .isEqualTo(409);

    JsonNode latest =
        api.awaitJson(
            "/api/snapshots/latest?device_id=" + DEVICE,
            Duration.ofSeconds(60),
            node -> "OL".equals(node.path("ups_status").asString("")));
    assertThat(latest.path("power_watts").asDouble()).isEqualTo(250.0);
    JsonNode device = api.get("/api/devices/" + DEVICE).body();
    assertThat(device.toString()).doesNotContain(UpsdProcess.PASSWORD);
  }

  @Test
  @Order(2)
  void aPausedSchedulerStillPollsOnATrigger() {
    StackApi.Response config =
        api.send(
            "PUT",
            "/api/config",
            """
            {"poll_interval_minutes": 1, "enabled_exporters": ["postgres", "energy"],
             "scanning_disabled": true, "scheduler_paused": true}
            """);
    assertThat(config.status()).isEqualTo(200);
    assertThat(api.get("/api/config").body().path("scheduler_paused").asBoolean()).isTrue();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                api.get("/api/diagnostics")
                    .body()
                    .toString()
                    .contains("\"scheduler_paused\":true"));
    Instant before = latestSnapshotTime();

    StackApi.Response trigger =
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> api.send("POST", "/api/trigger", ""), r -> r.status() == 202);
    assertThat(trigger.body().path("status").asString()).isEqualTo("accepted");

    await().atMost(Duration.ofSeconds(30)).until(() -> latestSnapshotTime().isAfter(before));
    api.awaitJson(
        "/api/trigger/status",
        Duration.ofSeconds(30),
        node -> "idle".equals(node.path("status").asString()));
  }

  @Test
  @Order(3)
  void aDeletedDeviceIsNoLongerPolled() {
    // The scheduler stays paused (test 2): only manual polls run, so nothing else can poll.
    assertThat(api.send("DELETE", "/api/devices/" + DEVICE, null).status()).isEqualTo(204);
    assertThat(api.send("DELETE", "/api/devices/" + DEVICE, null).status()).isEqualTo(404);
    // The collector reports the device gone (its heartbeat counts what it polls)...
    api.awaitJson(
        "/api/diagnostics",
        Duration.ofSeconds(45),
        node -> node.path("totals").path("devices_configured").asInt(-1) == 0);
    Instant afterDelete = latestSnapshotTime();
    // ...so a manual poll now polls nothing, and no snapshot of the device arrives after it.
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> api.send("POST", "/api/trigger", "").status() == 202);
    api.awaitJson(
        "/api/trigger/status",
        Duration.ofSeconds(30),
        node -> "idle".equals(node.path("status").asString()));
    api.awaitJson(
        "/api/diagnostics",
        Duration.ofSeconds(30),
        node -> node.path("totals").path("last_cycle_devices_polled").asInt(-1) == 0);
    await()
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(10))
        .until(() -> latestSnapshotTime().equals(afterDelete));
  }

  @Test
  @Order(4)
  void aFailingTargetAlertsUntilAcknowledgedAndRecovered() throws Exception {
    StackApi.Response target =
        api.send(
            "POST",
            "/api/v1/targets",
            """
            {"name": "Production Server", "type": "http",
             "address": "http://127.0.0.1:%d/health", "check_interval_seconds": 10,
             "failure_threshold": 2}
            """
                .formatted(website.getAddress().getPort()));
    assertThat(target.status()).isEqualTo(201);
    long id = target.body().path("id").asLong();
    assertThat(alertStatus().path("alert").asBoolean()).isFalse();
    StackApi.Response alerts =
        api.send(
            "PUT",
            "/api/alerts",
            """
            {"providers": [{"type": "webhook", "enabled": true, "min_severity": "high",
                            "url": "http://127.0.0.1:%d/hook"}]}
            """
                .formatted(website.getAddress().getPort()));
    assertThat(alerts.status()).as(alerts.body().toString()).isEqualTo(200);
    assertThat(runSeedClient().exitCode()).isZero();

    targetStatus.set(503);
    JsonNode alerting = awaitAlertStatus(node -> node.path("failing_count").asInt() == 1, 90);
    JsonNode failing = alerting.path("failing_targets").get(0);
    assertThat(failing.path("name").asString()).isEqualTo("Production Server");
    assertThat(failing.path("status").asString()).isEqualTo("down");
    assertThat(failing.path("threshold").asInt()).isEqualTo(2);
    assertThat(failing.path("failures").asInt()).isGreaterThanOrEqualTo(2);
    ClientRun alert = runSeedClient();
    assertThat(alert.exitCode()).isEqualTo(1);
    assertThat(alert.output()).contains("ALERT: 1 targets are down", "- Production Server: ");
    // The processor's threshold_reached event went out through the webhook provider.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                webhookBodies.stream()
                    .anyMatch(
                        body ->
                            body.contains("\"event_type\":\"threshold_reached\"")
                                && body.contains("\"subject_id\":\"" + id + "\"")));

    assertThat(api.send("POST", "/api/v1/targets/" + id + "/acknowledge", "").status())
        .isEqualTo(200);
    assertThat(alertStatus().path("alert").asBoolean()).isFalse();

    targetStatus.set(200);
    api.awaitJson(
        "/api/v1/targets/" + id,
        Duration.ofSeconds(60),
        node -> node.toString().contains("\"consecutive_failures\":0"));
    // Down again after recovery: the old acknowledgement no longer silences it.
    targetStatus.set(500);
    awaitAlertStatus(node -> node.path("failing_count").asInt() == 1, 90);
    targetStatus.set(200);
    awaitAlertStatus(node -> !node.path("alert").asBoolean(), 60);
    JsonNode events = api.get("/api/v1/targets/" + id + "/events").body();
    assertThat(events.toString()).contains("threshold_reached", "recovered");
  }

  @Test
  @Order(5)
  void aKilledProcessorIsRestartedAndTheReadingsFlowAgain() {
    // Given a device the collector polls on a trigger (the scheduler is still paused, test 2)
    String device = "ups-after-crash";
    assertThat(
            api.send(
                    "POST",
                    "/api/devices",
                    """
                    {"id": "%s", "name": "Polled after a crash", "type": "ups", "poller": "nut",
                     "host": "127.0.0.1", "port": %d, "enabled": true,
                     "connection_config": {"ups": "%s", "username": "%s", "password": "%s"}}
                    """
                        .formatted(
                            device,
                            upsd.port(),
                            UpsdProcess.UPS_NAME,
                            UpsdProcess.USER,
                            UpsdProcess.PASSWORD))
                .status())
        .isEqualTo(201);
    long killed = stack.pids().get("processor");

    // When the processor dies as under kill -9
    ProcessHandle.of(killed).orElseThrow().destroyForcibly();

    // Then the stack starts it again, and says so
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              long pid = stack.pids().get("processor");
              return pid != killed
                  && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            });
    Instant restarted = Instant.now();
    assertThat(stackOutput.toString(StandardCharsets.UTF_8))
        .contains(
            "! The processor service exited with status 137; restarting it in 1 s (restart 1)");
    // ...and a reading polled after the restart reaches PostgreSQL through the new processor.
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(3))
        .until(
            () -> {
              api.send("POST", "/api/trigger", "");
              return latestSnapshotTime(device).isAfter(restarted);
            });
  }

  private record ClientRun(int exitCode, String output) {}

  private ClientRun runSeedClient() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/jq")) && Files.isExecutable(Path.of("/usr/bin/curl")),
        "curl and jq are needed for the seed's bash client");
    Path script = Path.of("../../api/src/test/resources/alert-status-check.sh");
    assumeTrue(Files.exists(script), "seed client script missing");
    ProcessBuilder builder =
        new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
    builder.environment().put("API_URL", stack.apiBaseUrl() + "/api/v1/alert-status");
    builder.environment().put("API_KEY", API_KEY);
    Process client = builder.start();
    assertThat(client.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new ClientRun(
        client.exitValue(),
        new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private JsonNode alertStatus() {
    StackApi.Response response = api.send("GET", "/api/v1/alert-status", null);
    assertThat(response.status()).isEqualTo(200);
    return response.body();
  }

  private JsonNode awaitAlertStatus(Predicate<JsonNode> ready, int seconds) {
    return await()
        .atMost(Duration.ofSeconds(seconds))
        .pollInterval(Duration.ofSeconds(2))
        .ignoreExceptions()
        .until(this::alertStatus, ready::test);
  }

  private Instant latestSnapshotTime() {
    return latestSnapshotTime(DEVICE);
  }

  private Instant latestSnapshotTime(String device) {
    StackApi.Response latest = api.get("/api/snapshots/latest?device_id=" + device);
    return latest.status() == 200
        ? Instant.parse(latest.body().path("timestamp").asString())
        : Instant.EPOCH;
  }
}
