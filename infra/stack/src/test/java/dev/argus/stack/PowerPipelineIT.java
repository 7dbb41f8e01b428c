package dev.argus.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.argus.contract.testing.UpsdProcess;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The walking skeleton end to end, over the real parts: a real NUT {@code upsd} with a dummy-ups
 * driver, the collector polling it, a real KRaft broker, the Kafka Streams processor, PostgreSQL,
 * and the HTTP API, all started by the same launcher as {@code ./argus-start.sh}, with the demo
 * fleet beside the real UPS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PowerPipelineIT {

  private static final String DEVICE = "ups-e2e";

  private final StackApi api = new StackApi(() -> this.stack.apiBaseUrl(), null);
  private UpsdProcess upsd;
  private LocalStack stack;
  private StackOptions options;

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
                    "battery.charge.low", "20",
                    "battery.runtime", "3600",
                    "ups.load", "40",
                    "ups.realpower.nominal", "900",
                    "input.voltage", "230.0",
                    "ups.mfr", "TestCo",
                    "ups.model", "Sim 1500",
                    "ups.serial", "E2E-1")));
    options =
        StackApi.testStack("it-stack")
            .demoFleet(true)
            .extraDevices(
                List.of(
                    "nut://"
                        + UpsdProcess.USER
                        + ":"
                        + UpsdProcess.PASSWORD
                        + "@127.0.0.1:"
                        + upsd.port()
                        + "/"
                        + UpsdProcess.UPS_NAME
                        + "?id="
                        + DEVICE
                        + "&name=E2E%20UPS"))
            .pollInterval(Duration.ofSeconds(1))
            .build();
    stack = LocalStack.start(options, System.out);
  }

  @AfterAll
  void stopEverything() {
    if (stack != null) {
      stack.close();
    }
    if (upsd != null) {
      upsd.close();
    }
  }

  @Test
  @Order(1)
  void aPolledSnapshotComesOutOfTheApi() {
    JsonNode latest =
        api.awaitJson(
            "/api/snapshots/latest?device_id=" + DEVICE,
            Duration.ofSeconds(90),
            node -> node.path("ups_status").asString("").equals("OL"));

    assertThat(latest.path("device_id").asString()).isEqualTo(DEVICE);
    assertThat(latest.path("battery_percent").asDouble()).isEqualTo(100.0);
    assertThat(latest.path("voltage").asDouble()).isEqualTo(230.0);
    assertThat(latest.path("power_watts").asDouble()).isEqualTo(360.0);

    JsonNode device =
        api.awaitJson(
            "/api/devices/" + DEVICE,
            Duration.ofSeconds(30),
            node -> !node.path("last_seen").isNull());
    assertThat(device.path("manufacturer").asString()).isEqualTo("TestCo");
    assertThat(device.path("model").asString()).isEqualTo("Sim 1500");
  }

  @Test
  @Order(2)
  void goingOnBatteryAndBackYieldsOnBatteryThenPowerRestored() {
    upsd.setVariables(
        Map.of("ups.status", "OB DISCHRG", "battery.charge", "80", "input.voltage", "0.0"));

    JsonNode onBattery =
        api.awaitJson(
            "/api/events?device_id=" + DEVICE + "&event_type=on_battery",
            Duration.ofSeconds(60),
            node -> node.path("total").asInt() >= 1);
    JsonNode event = onBattery.path("items").get(0);
    assertThat(event.path("metadata").path("previous_status").asString()).isEqualTo("OL");

    upsd.setVariables(Map.of("ups.status", "OL", "battery.charge", "85", "input.voltage", "230.0"));

    api.awaitJson(
        "/api/events?device_id=" + DEVICE + "&event_type=power_restored",
        Duration.ofSeconds(60),
        node -> node.path("total").asInt() >= 1);
    JsonNode all = api.get("/api/events?device_id=" + DEVICE).body();
    assertThat(all.path("items").findValuesAsString("event_type"))
        .containsSubsequence("power_restored", "on_battery");
  }

  @Test
  @Order(3)
  void downstreamConsumersReadTheDerivedEventsFromKafka() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/kcat")), "kcat is not installed");
    Process kcat =
        new ProcessBuilder(
                "kcat",
                "-b",
                stack.kafkaBootstrap(),
                "-C",
                "-t",
                "argus.events",
                "-o",
                "beginning",
                "-e",
                "-q",
                "-X",
                "isolation.level=read_committed")
            .redirectErrorStream(true)
            .start();
    assertThat(kcat.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String events = new String(kcat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(events)
        .contains("\"subject_id\":\"" + DEVICE + "\"", "\"event_type\":\"on_battery\"");
  }

  @Test
  @Order(4)
  void theDemoFleetProducesEventsOnItsOwn() {
    // The office UPS loses mains 30 s into its scenario.
    api.awaitJson(
        "/api/events?device_id=ups-office&event_type=on_battery",
        Duration.ofSeconds(120),
        node -> node.path("total").asInt() >= 1);
    assertThat(api.get("/api/devices").body().findValuesAsString("id"))
        .contains("ups-office", "ups-rack-a", "ups-rack-b", "ups-lab", DEVICE);
  }

  @Test
  @Order(5)
  void energyIsIntegratedFromThePolledPower() {
    // 360 W (900 W nominal at 40 % load) polled every second.
    JsonNode totals =
        api.awaitJson(
            "/api/energy?device_id=" + DEVICE,
            Duration.ofSeconds(60),
            node -> node.size() == 1 && node.get(0).path("wh_total").asDouble() > 0);
    JsonNode total = totals.get(0);

    assertThat(total.path("currency").asString()).isEqualTo("USD");
    assertThat(total.path("kwh_total").asDouble())
        .isEqualTo(
            Math.round(total.path("wh_total").asDouble()) / 1000.0,
            org.assertj.core.data.Offset.offset(0.001));
    JsonNode daily = api.get("/api/energy/daily?device_id=" + DEVICE).body();
    assertThat(daily.size()).isBetween(1, 2);
  }

  @Test
  @Order(6)
  void aSecondStartKeepsTheDataOfTheFirst() throws Exception {
    int eventsBefore = api.get("/api/events?device_id=" + DEVICE).body().path("total").asInt();
    assertThat(eventsBefore).isGreaterThanOrEqualTo(2);
    stack.close();

    // The same data and ports, kept rather than reset.
    stack = LocalStack.start(options.toBuilder().reset(false).demoFleet(false).build(), System.out);

    assertThat(api.get("/api/events?device_id=" + DEVICE).body().path("total").asInt())
        .isGreaterThanOrEqualTo(eventsBefore);
  }

  @Test
  @Order(7)
  void theFirstAdminSignsInWithThePasswordInTheFileTheBannerNames() throws Exception {
    // Given: the api made the first admin at its first start, its password in the data directory
    Path file = ReadyBanner.adminPasswordFile(options.dataDir());
    String password = Files.readString(file, StandardCharsets.UTF_8).strip();
    assertThat(stack.readyBanner().text(Duration.ZERO))
        .contains("$(cat " + file + ")")
        .doesNotContain(password);
    var browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String token =
        JsonMapper.builder()
            .build()
            .readTree(
                browser
                    .send(
                        HttpRequest.newBuilder(URI.create(stack.apiBaseUrl() + "/api/v1/auth/csrf"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body())
            .path("token")
            .asString();

    // When
    HttpResponse<String> signedIn =
        browser.send(
            HttpRequest.newBuilder(URI.create(stack.apiBaseUrl() + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", token)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\": \"admin\", \"password\": \"" + password + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> me =
        browser.send(
            HttpRequest.newBuilder(URI.create(stack.apiBaseUrl() + "/api/v1/auth/me")).build(),
            HttpResponse.BodyHandlers.ofString());

    // Then
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    assertThat(me.body()).contains("\"username\":\"admin\"", "\"role\":\"admin\"");
  }
}
