package dev.argus.collector.probe;

import static dev.argus.collector.probe.TargetFixture.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.argus.collector.testing.LoopbackTrap;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The tcp probe against a real listening socket and a closed port on loopback. */
class TcpProbeTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final TcpProbe probe = new TcpProbe();

  @Test
  void upWhenSomethingListens() throws IOException {
    try (var server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      var outcome =
          probe.check(target("tcp", "127.0.0.1:" + server.getLocalPort()).build(), TIMEOUT);

      assertThat(outcome.up()).isTrue();
      assertThat(outcome.responseTimeMillis()).isPositive();
      assertThat(outcome.statusCode()).isNull();
    }
  }

  @Test
  void downWhenThePortIsClosed() throws IOException {
    int port = closedPort();

    var outcome = probe.check(target("tcp", "127.0.0.1:" + port).build(), TIMEOUT);

    assertThat(outcome.up()).isFalse();
    assertThat(outcome.error())
        .isEqualTo("cannot connect to 127.0.0.1:" + port + ": Connection refused");
  }

  @Test
  void aRefusedAddressIsDownAndNeverConnectedTo() throws IOException {
    try (var trap = new LoopbackTrap()) {
      // Given: a connection to 0.0.0.0 reaches the trap on loopback
      trap.connectThroughTheUnspecifiedAddress();
      assertThat(trap.connections()).isEqualTo(1);

      // When
      var unspecified = probe.check(target("tcp", "0.0.0.0:" + trap.port()).build(), TIMEOUT);
      var metadata = probe.check(target("tcp", "[::ffff:169.254.169.254]:80").build(), TIMEOUT);

      // Then
      assertThat(unspecified.up()).isFalse();
      assertThat(unspecified.error()).startsWith("address: 0.0.0.0 is the unspecified address");
      assertThat(metadata.up()).isFalse();
      assertThat(metadata.error())
          .startsWith(
              "address: ::ffff:169.254.169.254 means 169.254.169.254, a cloud metadata address");
      assertThat(trap.connections()).isEqualTo(1);
    }
  }

  @Test
  void acceptsBracketedIpv6AndRefusesAddressesWithoutAPort() {
    assertThat(HostPort.parse("[::1]:22")).isEqualTo(new HostPort("::1", 22));
    assertThat(HostPort.parse("db.example.com:5432"))
        .isEqualTo(new HostPort("db.example.com", 5432));
    assertThatThrownBy(() -> probe.check(target("tcp", "db.example.com").build(), TIMEOUT))
        .hasMessage("tcp address 'db.example.com' is not host:port");
    assertThatThrownBy(() -> HostPort.parse("::1:22"))
        .hasMessage("tcp address '::1:22': write an IPv6 address in brackets, e.g. [::1]:22");
    assertThatThrownBy(() -> HostPort.parse("h:70000"))
        .hasMessage("tcp address 'h:70000': port must be between 1 and 65535");
  }

  private static int closedPort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
