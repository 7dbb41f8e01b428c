package dev.argus.collector.probe;

import static dev.argus.collector.probe.TargetFixture.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.contract.probe.ProbeResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Turning a check into the published result, whatever the probe does. */
class TargetProberTest {

  private static final Instant NOW = Instant.parse("2025-05-01T12:00:00Z");
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(7);

  private final AtomicReference<Duration> timeoutSeen = new AtomicReference<>();
  private final TargetProber prober =
      new TargetProber(
          Map.of(
              "tcp", new TcpProbe(),
              "broken",
                  (target, timeout) -> {
                    throw new IllegalStateException("probe exploded");
                  },
              "recording",
                  (target, timeout) -> {
                    timeoutSeen.set(timeout);
                    return ProbeOutcome.up(1.5);
                  }),
          "collector-1",
          DEFAULT_TIMEOUT,
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void theResultCarriesTheTargetAsKnownAtProbeTime() throws Exception {
    try (var server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      var acknowledged = Instant.parse("2025-05-01T11:00:00Z");
      var target =
          target("tcp", "127.0.0.1:" + server.getLocalPort())
              .id(42)
              .name("Database")
              .failureThreshold(5)
              .alertRepeatMinutes(30)
              .acknowledgedAt(acknowledged)
              .build();

      ProbeResult result = prober.probe(target);

      assertThat(result.schemaVersion()).isEqualTo(ProbeResult.SCHEMA_VERSION);
      assertThat(result.key()).isEqualTo("42");
      assertThat(result.targetName()).isEqualTo("Database");
      assertThat(result.targetType()).isEqualTo("tcp");
      assertThat(result.collectorId()).isEqualTo("collector-1");
      assertThat(result.timestamp()).isEqualTo(NOW);
      assertThat(result.up()).isTrue();
      assertThat(result.error()).isNull();
      assertThat(result.responseTimeMillis()).isPositive();
      assertThat(result.failureThreshold()).isEqualTo(5);
      assertThat(result.alertRepeatMinutes()).isEqualTo(30);
      assertThat(result.acknowledgedAt()).isEqualTo(acknowledged);
    }
  }

  @Test
  void aProbeThatThrowsIsADownResultWithTheMessage() throws Exception {
    ProbeResult result = prober.probe(target("broken", "x").build());

    assertThat(result.up()).isFalse();
    assertThat(result.error()).isEqualTo("probe exploded");
    assertThat(result.failureThreshold()).isEqualTo(3);
  }

  @Test
  void aBadAddressIsADownResultSayingWhatIsWrong() throws Exception {
    ProbeResult result = prober.probe(target("tcp", "no-port-here").build());

    assertThat(result.up()).isFalse();
    assertThat(result.error()).isEqualTo("tcp address 'no-port-here' is not host:port");
  }

  @Test
  void anUnknownTypeIsADownResult() throws Exception {
    ProbeResult result = prober.probe(target("gopher", "x").build());

    assertThat(result.up()).isFalse();
    assertThat(result.error())
        .isEqualTo("unknown target type 'gopher' (known: http, https, tcp, ping, dns)");
  }

  @Test
  void usesTheTargetsTimeoutOrTheDefault() throws Exception {
    prober.probe(target("recording", "x").timeoutSeconds(3).build());
    assertThat(timeoutSeen.get()).isEqualTo(Duration.ofSeconds(3));

    prober.probe(target("recording", "x").timeoutSeconds(null).build());
    assertThat(timeoutSeen.get()).isEqualTo(DEFAULT_TIMEOUT);
  }

  @Test
  void theProductionProbersKnowEveryType() throws Exception {
    var production =
        TargetProber.create(new ProbeSettings(null, null, null), "c", Clock.systemUTC());
    try (var server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      assertThat(production.probe(target("tcp", "127.0.0.1:" + server.getLocalPort()).build()).up())
          .isTrue();
    }
    assertThat(production.probe(target("dns", "localhost").build()).up()).isTrue();
    assertThat(production.probe(target("http", "http://127.0.0.1:" + closedPort()).build()).error())
        .startsWith("cannot connect to 127.0.0.1:");
  }

  private static int closedPort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
