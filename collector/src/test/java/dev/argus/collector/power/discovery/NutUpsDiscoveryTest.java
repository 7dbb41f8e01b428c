package dev.argus.collector.power.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.collector.nut.NutClientSettings;
import dev.argus.collector.power.device.NutDevice;
import dev.argus.collector.testing.FakeNutServer;
import dev.argus.collector.testing.LoopbackTrap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Discovery against a NUT server on loopback that lists two UPSes. */
class NutUpsDiscoveryTest {

  private static final String TWO_UPSES =
      "BEGIN LIST UPS\nUPS rack1 \"Rack 1\"\nUPS rack2 \"Rack 2\"\nEND LIST UPS\n";

  private final NutUpsDiscovery discovery =
      new NutUpsDiscovery(
          NutClientSettings.withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2)));

  @Test
  void turnsEveryListedUpsIntoADeviceNamedLikeItUnlessTheIdIsTaken() throws Exception {
    try (var server =
        FakeNutServer.scripted(
            Map.of(
                "USERNAME mon",
                "OK\n",
                "PASSWORD pw",
                "OK\n",
                "LIST UPS",
                TWO_UPSES,
                "LOGOUT",
                "OK Goodbye\n"))) {
      var nut = new NutServer(server.host(), server.port(), "mon", "pw");

      List<NutDevice> found = discovery.discover(nut, List.of("rack1"));

      assertThat(found)
          .containsExactly(
              new NutDevice(
                  "rack2", null, server.host(), server.port(), "rack2", "mon", "pw", "ups", true));
      assertThat(server.requests())
          .containsExactly("USERNAME mon", "PASSWORD pw", "LIST UPS", "LOGOUT");
    }
  }

  @Test
  void keepsTheUpsesListedLastWhileTheServerCannotBeAsked() throws Exception {
    // Given a server that listed two UPSes, then went away
    NutServer nut;
    try (var server =
        FakeNutServer.scripted(Map.of("LIST UPS", TWO_UPSES, "LOGOUT", "OK Goodbye\n"))) {
      nut = new NutServer(server.host(), server.port(), null, null);
      assertThat(discovery.discover(nut, List.of())).hasSize(2);
    }

    // When
    List<NutDevice> found = discovery.discover(nut, List.of());

    // Then their polls fail and say why, instead of the UPSes vanishing
    assertThat(found).extracting(NutDevice::id).containsExactly("rack1", "rack2");
  }

  @Test
  void findsNothingOnAServerNeverReached() throws Exception {
    try (var server = FakeNutServer.scripted(Map.of())) {
      assertThat(
              discovery.discover(
                  new NutServer(server.host(), server.port(), null, null), List.of()))
          .isEmpty();
    }
  }

  @Test
  void neverConnectsToARefusedNutHost() throws Exception {
    try (var trap = new LoopbackTrap()) {
      trap.connectThroughTheUnspecifiedAddress();

      List<NutDevice> found =
          discovery.discover(new NutServer("0.0.0.0", trap.port(), null, null), List.of());

      assertThat(found).isEmpty();
      assertThat(trap.connections()).isEqualTo(1);
    }
  }
}
