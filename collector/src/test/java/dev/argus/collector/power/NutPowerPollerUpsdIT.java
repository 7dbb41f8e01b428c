package dev.argus.collector.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.argus.collector.nut.NutClient;
import dev.argus.collector.nut.NutClientSettings;
import dev.argus.collector.nut.UpsInfo;
import dev.argus.collector.power.device.NutDevice;
import dev.argus.contract.power.PowerReading;
import dev.argus.contract.testing.UpsdProcess;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The NUT client, mapper and poller against a real upsd with a dummy-ups driver. */
class NutPowerPollerUpsdIT {

  private static UpsdProcess upsd;

  private final NutClientSettings settings =
      NutClientSettings.withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(5));
  private final NutPowerPoller poller =
      new NutPowerPoller(settings, new NutVariablesMapper(), "collector-it", 5, Clock.systemUTC());

  @BeforeAll
  static void startUpsd() {
    assumeTrue(UpsdProcess.available(), "NUT (nut-server) is not installed");
    upsd =
        UpsdProcess.start(
            Path.of("target"),
            Map.ofEntries(
                Map.entry("ups.status", "OL"),
                Map.entry("battery.charge", "100"),
                Map.entry("battery.charge.low", "20"),
                Map.entry("battery.runtime", "3600"),
                Map.entry("ups.load", "25"),
                Map.entry("ups.realpower.nominal", "900"),
                Map.entry("input.voltage", "230.5"),
                Map.entry("output.voltage", "229.0"),
                Map.entry("input.frequency", "50.0"),
                Map.entry("ups.temperature", "31.5"),
                Map.entry("ups.firmware", "FW 1.2"),
                Map.entry("ups.serial", "SN-42")));
  }

  @AfterAll
  static void stopUpsd() {
    if (upsd != null) {
      upsd.close();
    }
  }

  private NutDevice sim(String id) {
    return NutDevice.of(
        id,
        "Sim UPS",
        upsd.host(),
        upsd.port(),
        UpsdProcess.UPS_NAME,
        UpsdProcess.USER,
        UpsdProcess.PASSWORD,
        null,
        true);
  }

  @Test
  void listsTheUpsAndItsVariablesAfterLoggingIn() throws Exception {
    try (var client = NutClient.connect(upsd.host(), upsd.port(), settings)) {
      client.authenticate(UpsdProcess.USER, UpsdProcess.PASSWORD);

      List<UpsInfo> upses = client.listUps();
      Map<String, String> variables = client.listVariables(UpsdProcess.UPS_NAME);
      client.logout();

      assertThat(upses).extracting(UpsInfo::name).containsExactly("sim");
      assertThat(upses.getFirst().description()).isEqualTo("Argus test UPS");
      assertThat(variables)
          .containsEntry("ups.status", "OL")
          .containsEntry("battery.charge", "100");
    }
  }

  @Test
  void mapsTheVariablesIntoAPowerReading() {
    List<PowerReading> readings = poller.poll(sim("ups-sim"));

    assertThat(readings)
        .singleElement()
        .satisfies(
            reading -> {
              assertThat(reading.error()).isNull();
              assertThat(reading.deviceId()).isEqualTo("ups-sim");
              assertThat(reading.deviceName()).isEqualTo("Sim UPS");
              assertThat(reading.upsStatus()).isEqualTo("OL");
              assertThat(reading.batteryPercent()).isEqualTo(100.0);
              assertThat(reading.batteryLowPercent()).isEqualTo(20.0);
              assertThat(reading.runtimeSeconds()).isEqualTo(3600.0);
              assertThat(reading.loadPercent()).isEqualTo(25.0);
              assertThat(reading.powerWatts()).isEqualTo(225.0);
              assertThat(reading.voltage()).isEqualTo(230.5);
              assertThat(reading.outputVoltage()).isEqualTo(229.0);
              assertThat(reading.inputFrequency()).isEqualTo(50.0);
              assertThat(reading.temperatureC()).isEqualTo(31.5);
              assertThat(reading.metadata().firmware()).isEqualTo("FW 1.2");
              assertThat(reading.metadata().serial()).isEqualTo("SN-42");
              // dummy-ups reports itself as the device's maker and model.
              assertThat(reading.metadata().manufacturer()).isNotBlank();
              assertThat(reading.collectorId()).isEqualTo("collector-it");
              assertThat(reading.pollIntervalSeconds()).isEqualTo(5);
            });
  }

  @Test
  void discoversTheUpsWhenNoneIsNamed() {
    var server = NutDevice.of("site", null, upsd.host(), upsd.port(), null, null, null, null, true);

    List<PowerReading> readings = poller.poll(server);

    assertThat(readings)
        .singleElement()
        .satisfies(
            reading -> {
              assertThat(reading.deviceId()).isEqualTo("site-sim");
              assertThat(reading.deviceName()).isEqualTo("Argus test UPS");
              assertThat(reading.upsStatus()).isEqualTo("OL");
            });
  }

  @Test
  void reportsAnUnknownUpsWithItsNutErrorCode() {
    var wrong =
        NutDevice.of("ups-x", null, upsd.host(), upsd.port(), "nosuchups", null, null, null, true);

    assertThat(poller.poll(wrong))
        .singleElement()
        .extracting(PowerReading::error)
        .asString()
        .startsWith("ERR UNKNOWN-UPS");
  }

  @Test
  void seesTheUpsGoOnBattery() {
    // Given
    assertThat(poller.poll(sim("ups-sim")).getFirst().upsStatus()).isEqualTo("OL");

    // When the mains fail
    upsd.setVariables(Map.of("ups.status", "OB DISCHRG", "battery.charge", "93"));

    // Then a later poll sees it (the driver re-reads its file every few seconds)
    try {
      await()
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                PowerReading reading = poller.poll(sim("ups-sim")).getFirst();
                assertThat(reading.upsStatus()).isEqualTo("OB DISCHRG");
                assertThat(reading.batteryPercent()).isEqualTo(93.0);
              });
    } finally {
      // The other tests share this upsd: wait until it is back on line.
      upsd.setVariables(Map.of("ups.status", "OL", "battery.charge", "100"));
      await()
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> "OL".equals(poller.poll(sim("ups-sim")).getFirst().upsStatus()));
    }
  }
}
