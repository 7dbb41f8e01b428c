package dev.argus.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opt-in: the client against a real UniFi Protect controller, for whoever has one. Skipped unless
 * {@code ARGUS_PROTECT_HOST}, {@code ARGUS_PROTECT_USERNAME} and {@code ARGUS_PROTECT_PASSWORD} are
 * set ({@code ARGUS_PROTECT_PORT} defaults to 443, {@code ARGUS_PROTECT_VERIFY_SSL} to false). It
 * only reads: login, bootstrap, a snapshot of a connected camera, and the updates websocket for up
 * to 30 s (any update at all, or a quiet controller, passes: what matters is that the socket opens
 * with the session and what arrives decodes).
 */
class RealControllerIT {

  private static ProtectEndpoint endpoint;

  @BeforeAll
  static void readEnvironment() {
    String host = System.getenv("ARGUS_PROTECT_HOST");
    String username = System.getenv("ARGUS_PROTECT_USERNAME");
    String password = System.getenv("ARGUS_PROTECT_PASSWORD");
    assumeTrue(
        host != null && username != null && password != null,
        "set ARGUS_PROTECT_HOST, ARGUS_PROTECT_USERNAME and ARGUS_PROTECT_PASSWORD to test a real"
            + " controller");
    String port = System.getenv().getOrDefault("ARGUS_PROTECT_PORT", "443");
    boolean verify = Boolean.parseBoolean(System.getenv("ARGUS_PROTECT_VERIFY_SSL"));
    endpoint = new ProtectEndpoint(host, Integer.parseInt(port), username, password, verify);
  }

  @Test
  void theConnectionTestSucceeds() {
    ProtectTestResult result = ProtectConnectionTest.run(endpoint, Duration.ofSeconds(20));

    assertThat(result.success()).as(result.message()).isTrue();
    assertThat(result.nvrName()).isNotBlank();
    assertThat(result.camerasFound()).isNotNull();
  }

  @Test
  void aConnectedCameraGivesASnapshot() throws Exception {
    try (ProtectClient client = new ProtectClient(endpoint, ProtectTimeouts.defaults())) {
      Bootstrap bootstrap = client.bootstrap();
      ProtectCamera camera =
          bootstrap.cameras().stream()
              .filter(c -> "CONNECTED".equals(c.state()))
              .findFirst()
              .orElse(null);
      assumeTrue(camera != null, "the controller has no connected camera");

      byte[] jpeg = client.snapshot(camera.id(), Instant.now());

      assertThat(ImageIO.read(new ByteArrayInputStream(jpeg))).isNotNull();
    }
  }

  @Test
  void theUpdatesWebsocketOpensAndWhatArrivesDecodes() throws Exception {
    try (ProtectClient client = new ProtectClient(endpoint, ProtectTimeouts.defaults())) {
      Bootstrap bootstrap = client.bootstrap();
      BlockingQueue<ProtectUpdate> updates = new LinkedBlockingQueue<>();
      BlockingQueue<String> closed = new LinkedBlockingQueue<>();
      try (ProtectClient.Subscription subscription =
          client.subscribe(
              bootstrap.lastUpdateId(),
              new ProtectClient.UpdateListener() {
                @Override
                public void onUpdate(ProtectUpdate update) {
                  updates.add(update);
                }

                @Override
                public void onClosed(String reason) {
                  closed.add(reason);
                }
              })) {
        ProtectUpdate first = updates.poll(30, TimeUnit.SECONDS);

        assertThat(closed).isEmpty();
        assertThat(subscription.undecodableMessages()).isZero();
        if (first != null) {
          assertThat(first.action()).isIn("add", "update", "remove");
          assertThat(first.modelKey()).isNotBlank();
        }
      }
    }
  }
}
