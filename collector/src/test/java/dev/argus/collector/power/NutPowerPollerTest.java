package dev.argus.collector.power;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.collector.nut.NutClientSettings;
import dev.argus.collector.power.device.NutDevice;
import dev.argus.collector.testing.FakeNutServer;
import dev.argus.collector.testing.LoopbackTrap;
import dev.argus.contract.power.PowerReading;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The poller against real TCP servers on loopback playing upsd. */
class NutPowerPollerTest {

  private static final Instant NOW = Instant.parse("2026-05-27T10:00:00Z");
  private static final String TWO_UPSES =
      "BEGIN LIST UPS\nUPS ups1 \"Rack UPS\"\nUPS ups2 \"Closet UPS\"\nEND LIST UPS\n";

  private final NutPowerPoller poller =
      new NutPowerPoller(
          NutClientSettings.withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500)),
          new NutVariablesMapper(),
          "collector-1",
          60,
          Clock.fixed(NOW, ZoneOffset.UTC));

  private static NutDevice device(FakeNutServer server, String id, String ups) {
    return NutDevice.of(id, null, server.host(), server.port(), ups, null, null, null, true);
  }

  @Test
  void readsANamedUpsAfterLoggingInAndLogsOut() throws Exception {
    // Given
    try (var server =
        FakeNutServer.scripted(
            Map.of(
                "USERNAME monitor", "OK\n",
                "PASSWORD secret", "OK\n",
                "LIST VAR sim",
                    "BEGIN LIST VAR sim\n"
                        + "VAR sim ups.status \"OL\"\n"
                        + "VAR sim battery.charge \"88\"\n"
                        + "END LIST VAR sim\n",
                "LOGOUT", "OK Goodbye\n"))) {
      var device =
          NutDevice.of(
              "ups-main",
              "Main",
              server.host(),
              server.port(),
              "sim",
              "monitor",
              "secret",
              null,
              true);

      // When
      List<PowerReading> readings = poller.poll(device);

      // Then
      assertThat(readings)
          .singleElement()
          .satisfies(
              reading -> {
                assertThat(reading.succeeded()).isTrue();
                assertThat(reading.deviceId()).isEqualTo("ups-main");
                assertThat(reading.deviceName()).isEqualTo("Main");
                assertThat(reading.upsStatus()).isEqualTo("OL");
                assertThat(reading.batteryPercent()).isEqualTo(88.0);
                assertThat(reading.collectorId()).isEqualTo("collector-1");
                assertThat(reading.pollIntervalSeconds()).isEqualTo(60);
                assertThat(reading.timestamp()).isEqualTo(NOW);
              });
      assertThat(server.requests())
          .containsExactly("USERNAME monitor", "PASSWORD secret", "LIST VAR sim", "LOGOUT");
    }
  }

  @Test
  void pollsEveryListedUpsAndFailsOnlyTheOneThatAnswersErr() throws Exception {
    // Given a server with two UPSes, the second of which lost its driver
    try (var server =
        FakeNutServer.scripted(
            Map.of(
                "LIST UPS", TWO_UPSES,
                "LIST VAR ups1",
                    "BEGIN LIST VAR ups1\nVAR ups1 ups.status \"OB DISCHRG\"\nEND LIST VAR ups1\n",
                "LIST VAR ups2", "ERR DATA-STALE\n",
                "LOGOUT", "OK Goodbye\n"))) {

      // When
      List<PowerReading> readings = poller.poll(device(server, "site", null));

      // Then
      assertThat(readings)
          .extracting(PowerReading::deviceId)
          .containsExactly("site-ups1", "site-ups2");
      assertThat(readings.get(0).upsStatus()).isEqualTo("OB DISCHRG");
      assertThat(readings.get(0).deviceName()).isEqualTo("Rack UPS");
      assertThat(readings.get(1).succeeded()).isFalse();
      assertThat(readings.get(1).error()).isEqualTo("ERR DATA-STALE (in answer to LIST VAR ups2)");
      assertThat(readings.get(1).deviceName()).isEqualTo("Closet UPS");
    }
  }

  @Test
  void failsTheUpsesNotReadYetWhenTheConnectionBreaks() throws Exception {
    // Given a server that closes the connection while listing the first of its two UPSes
    try (var server =
        FakeNutServer.start(
            (requests, out) -> {
              requests.readLine();
              out.write(TWO_UPSES.getBytes(StandardCharsets.US_ASCII));
              requests.readLine();
              out.write("BEGIN LIST VAR ups1\n".getBytes(StandardCharsets.US_ASCII));
              out.flush();
            })) {

      // When
      List<PowerReading> readings = poller.poll(device(server, "site", null));

      // Then
      assertThat(readings)
          .extracting(PowerReading::deviceId)
          .containsExactly("site-ups1", "site-ups2");
      assertThat(readings)
          .allSatisfy(
              reading ->
                  assertThat(reading.error())
                      .isEqualTo(
                          "connection closed before 'END LIST VAR ups1' in the answer to LIST VAR"
                              + " ups1"));
    }
  }

  @Test
  void aDeviceAtARefusedAddressIsAFailedPollAndNeverConnectedTo() throws Exception {
    try (var trap = new LoopbackTrap()) {
      // Given: a connection to 0.0.0.0 reaches the trap on loopback
      trap.connectThroughTheUnspecifiedAddress();

      // When
      List<PowerReading> unspecified =
          poller.poll(
              NutDevice.of("ups-0", null, "0.0.0.0", trap.port(), "ups", null, null, null, true));
      List<PowerReading> metadata =
          poller.poll(
              NutDevice.of("ups-m", null, "2852039166", 3493, "ups", null, null, null, true));

      // Then
      assertThat(unspecified)
          .singleElement()
          .satisfies(
              reading ->
                  assertThat(reading.error())
                      .startsWith(
                          "host: 0.0.0.0 is the unspecified address; Argus does not connect to"));
      assertThat(metadata)
          .singleElement()
          .satisfies(
              reading ->
                  assertThat(reading.error())
                      .startsWith(
                          "host: 2852039166 means 169.254.169.254, a cloud metadata address"));
      assertThat(trap.connections()).isEqualTo(1);
    }
  }

  @Test
  void reportsAnUnreachableServerUnderTheDeviceIdBeforeItsUpsesAreKnown() throws Exception {
    int closedPort = closedPort();
    var device = NutDevice.of("site", null, "127.0.0.1", closedPort, null, null, null, null, true);

    List<PowerReading> readings = poller.poll(device);

    assertThat(readings)
        .singleElement()
        .satisfies(
            reading -> {
              assertThat(reading.deviceId()).isEqualTo("site");
              assertThat(reading.error())
                  .isEqualTo(
                      "connection refused by 127.0.0.1:"
                          + closedPort
                          + " (is upsd running and listening there?)");
              assertThat(reading.host()).isEqualTo("127.0.0.1");
              assertThat(reading.port()).isEqualTo(closedPort);
              assertThat(reading.poller()).isEqualTo("nut");
              assertThat(reading.powerWatts()).isNull();
            });
  }

  @Test
  void reportsAnUnreachableServerForEveryUpsItListedBefore() throws Exception {
    // Given a server that listed two UPSes on the first poll and is gone on the second
    var server =
        FakeNutServer.scripted(
            Map.of(
                "LIST UPS", TWO_UPSES,
                "LIST VAR ups1", "BEGIN LIST VAR ups1\nEND LIST VAR ups1\n",
                "LIST VAR ups2", "BEGIN LIST VAR ups2\nEND LIST VAR ups2\n",
                "LOGOUT", "OK Goodbye\n"));
    var device = device(server, null, null);
    assertThat(poller.poll(device)).allMatch(PowerReading::succeeded);
    server.close();

    // When
    List<PowerReading> readings = poller.poll(device);

    // Then
    String hostId = server.host();
    assertThat(readings)
        .extracting(PowerReading::deviceId)
        .containsExactly(hostId + "-ups1", hostId + "-ups2");
    assertThat(readings)
        .allSatisfy(reading -> assertThat(reading.error()).startsWith("connection refused by"));
  }

  @Test
  void reportsAServerWithoutUpsesAsAFailedPoll() throws Exception {
    try (var server =
        FakeNutServer.scripted(Map.of("LIST UPS", "BEGIN LIST UPS\nEND LIST UPS\n"))) {
      List<PowerReading> readings = poller.poll(device(server, "empty", null));

      assertThat(readings)
          .singleElement()
          .satisfies(
              reading -> {
                assertThat(reading.deviceId()).isEqualTo("empty");
                assertThat(reading.error()).contains("serves no UPS");
              });
    }
  }

  @Test
  void reportsRefusedCredentialsAsAFailedPoll() throws Exception {
    try (var server =
        FakeNutServer.scripted(
            Map.of("USERNAME monitor", "OK\n", "PASSWORD wrong", "ERR ACCESS-DENIED\n"))) {
      var device =
          NutDevice.of(
              "ups-main",
              null,
              server.host(),
              server.port(),
              "sim",
              "monitor",
              "wrong",
              null,
              true);

      List<PowerReading> readings = poller.poll(device);

      assertThat(readings)
          .singleElement()
          .satisfies(
              reading -> {
                assertThat(reading.error()).isEqualTo("ERR ACCESS-DENIED (in answer to PASSWORD)");
                assertThat(reading.error()).doesNotContain("wrong");
              });
    }
  }

  private static int closedPort() throws Exception {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
