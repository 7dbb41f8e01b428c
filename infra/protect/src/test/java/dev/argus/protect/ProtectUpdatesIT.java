package dev.argus.protect;

import static dev.argus.protect.testing.LoopbackProtectController.DOORBELL;
import static dev.argus.protect.testing.LoopbackProtectController.FRONT_CAMERA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.protect.testing.LoopbackProtectController;
import dev.argus.protect.testing.LoopbackProtectController.Compression;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The updates websocket of the loopback controller, over TLS: deflated and plain frames. */
class ProtectUpdatesIT {

  private static final ProtectTimeouts TIMEOUTS =
      new ProtectTimeouts(
          Duration.ofSeconds(5),
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          Duration.ofSeconds(60));

  private LoopbackProtectController controller;
  private ProtectClient client;

  @BeforeEach
  void start() throws Exception {
    controller = LoopbackProtectController.start();
    client = new ProtectClient(controller.endpoint(), TIMEOUTS);
  }

  @AfterEach
  void stop() {
    client.close();
    controller.close();
  }

  @Test
  void deflatedAndPlainMessagesArriveInOrder() throws Exception {
    Bootstrap bootstrap = client.bootstrap();
    Collector updates = new Collector();
    try (ProtectClient.Subscription subscription =
        client.subscribe(bootstrap.lastUpdateId(), updates)) {
      assertThat(controller.awaitSubscription(1, Duration.ofSeconds(10))).isTrue();
      assertThat(controller.subscribedFrom()).isEqualTo(bootstrap.lastUpdateId());

      controller.setCompression(Compression.DEFLATED);
      ProtectUpdate deflated =
          controller.send("update", "camera", FRONT_CAMERA, Map.of("isMotionDetected", true));
      controller.setCompression(Compression.PLAIN);
      ProtectUpdate plain =
          controller.send("update", "camera", FRONT_CAMERA, Map.of("isMotionDetected", false));
      ProtectUpdate chosen =
          controller.send(
              "update", "camera", FRONT_CAMERA, Map.of("lastMotion", 1_733_000_000_000L), true);

      assertThat(updates.next()).isEqualTo(deflated);
      assertThat(updates.next()).isEqualTo(plain);
      assertThat(updates.next()).isEqualTo(chosen);
      assertThat(subscription.undecodableMessages()).isZero();
    }
  }

  @Test
  void theScriptedSequenceArrivesAsTheControllerSendsIt() throws Exception {
    Bootstrap bootstrap = client.bootstrap();
    Collector updates = new Collector();
    try (ProtectClient.Subscription subscription =
        client.subscribe(bootstrap.lastUpdateId(), updates)) {
      assertThat(controller.awaitSubscription(1, Duration.ofSeconds(10))).isTrue();

      List<String> ids = controller.playMotionPersonRing(FRONT_CAMERA, DOORBELL);

      List<String> seen = new ArrayList<>();
      for (int i = 0; i < 9; i++) {
        ProtectUpdate update = updates.next();
        seen.add(update.action() + " " + update.modelKey() + " " + update.id());
      }
      assertThat(seen)
          .containsExactly(
              "add event " + ids.get(0),
              "update camera " + FRONT_CAMERA,
              "add event " + ids.get(1),
              "update camera " + FRONT_CAMERA,
              "update event " + ids.get(1),
              "update camera " + FRONT_CAMERA,
              "update event " + ids.get(0),
              "update camera " + FRONT_CAMERA,
              "add event " + ids.get(2));
    }
  }

  @Test
  void anExpiredCookieIsRenewedBeforeTheWebsocketOpens() throws Exception {
    Bootstrap bootstrap = client.bootstrap();
    int logins = controller.logins();
    controller.expireSessions();

    Collector updates = new Collector();
    try (ProtectClient.Subscription subscription =
        client.subscribe(bootstrap.lastUpdateId(), updates)) {
      assertThat(controller.awaitSubscription(1, Duration.ofSeconds(10))).isTrue();
      ProtectUpdate sent = controller.send("update", "nvr", "n", Map.of("uptime", 1));

      assertThat(updates.next()).isEqualTo(sent);
      assertThat(controller.logins()).isEqualTo(logins + 1);
    }
  }

  @Test
  void aDroppedSocketIsReportedClosed() throws Exception {
    Bootstrap bootstrap = client.bootstrap();
    Collector updates = new Collector();
    try (ProtectClient.Subscription subscription =
        client.subscribe(bootstrap.lastUpdateId(), updates)) {
      assertThat(controller.awaitSubscription(1, Duration.ofSeconds(10))).isTrue();

      controller.dropUpdates();

      String reason = updates.closed.poll(10, TimeUnit.SECONDS);
      assertThat(reason).isEqualTo("connection lost (the socket closed without a close frame)");
    }
  }

  @Test
  void anUndecodableMessageIsSkippedAndCounted() throws Exception {
    Bootstrap bootstrap = client.bootstrap();
    Collector updates = new Collector();
    try (ProtectClient.Subscription subscription =
        client.subscribe(bootstrap.lastUpdateId(), updates)) {
      assertThat(controller.awaitSubscription(1, Duration.ofSeconds(10))).isTrue();

      controller.sendRaw(new byte[] {1, 1, 0, 0, 0, 0, 0, 99});
      ProtectUpdate after = controller.send("update", "nvr", "n", Map.of("uptime", 2));

      assertThat(updates.next()).isEqualTo(after);
      assertThat(subscription.undecodableMessages()).isEqualTo(1);
      assertThat(updates.closed).isEmpty();
    }
  }

  @Test
  void aStreamOfGarbageEndsTheSocket() throws Exception {
    Bootstrap bootstrap = client.bootstrap();
    Collector updates = new Collector();
    try (ProtectClient.Subscription subscription =
        client.subscribe(bootstrap.lastUpdateId(), updates)) {
      assertThat(controller.awaitSubscription(1, Duration.ofSeconds(10))).isTrue();

      for (int i = 0; i < 5; i++) {
        controller.sendRaw("<html>not the protocol</html>".getBytes(StandardCharsets.UTF_8));
      }

      assertThat(updates.closed.poll(10, TimeUnit.SECONDS))
          .startsWith("5 undecodable update messages in a row (last: the updates stream sent");
      assertThat(subscription.undecodableMessages()).isEqualTo(5);
      assertThat(updates.updates).isEmpty();
    }
  }

  /** Collects a subscription's updates for the test's thread. */
  static final class Collector implements ProtectClient.UpdateListener {
    final BlockingQueue<ProtectUpdate> updates = new LinkedBlockingQueue<>();
    final BlockingQueue<String> closed = new LinkedBlockingQueue<>();

    @Override
    public void onUpdate(ProtectUpdate update) {
      updates.add(update);
    }

    @Override
    public void onClosed(String reason) {
      closed.add(reason);
    }

    ProtectUpdate next() throws InterruptedException {
      ProtectUpdate update = updates.poll(10, TimeUnit.SECONDS);
      assertThat(update).as("an update within 10 s").isNotNull();
      return update;
    }
  }
}
