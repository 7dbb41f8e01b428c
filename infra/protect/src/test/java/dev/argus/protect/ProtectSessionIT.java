package dev.argus.protect;

import static dev.argus.protect.testing.LoopbackProtectController.DOORBELL;
import static dev.argus.protect.testing.LoopbackProtectController.FRONT_CAMERA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.argus.protect.testing.LoopbackProtectController;
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

/**
 * A session against the loopback controller: the scripted sequence becomes detections in order, and
 * the session comes back after the socket drops, after a silence longer than the receive timeout,
 * and after the cookie expired. Backoff and receive timeout are shortened for the test.
 */
class ProtectSessionIT {

  private static final List<Duration> QUICK_BACKOFF =
      List.of(Duration.ofMillis(100), Duration.ofMillis(200));

  private LoopbackProtectController controller;
  private ProtectClient client;
  private ProtectSession session;
  private final Recorder recorder = new Recorder();

  @BeforeEach
  void startController() throws Exception {
    controller = LoopbackProtectController.start();
  }

  @AfterEach
  void stop() {
    if (session != null) {
      session.close();
    }
    if (client != null) {
      client.close();
    }
    controller.close();
  }

  private void startSession(Duration receive) {
    ProtectTimeouts timeouts =
        new ProtectTimeouts(
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), receive);
    client = new ProtectClient(controller.endpoint(), timeouts);
    session = new ProtectSession("loopback", client, timeouts, QUICK_BACKOFF, recorder);
    session.start();
  }

  @Test
  void theScriptedSequenceArrivesAsDetectionsInOrder() throws Exception {
    startSession(Duration.ofSeconds(60));
    assertThat(recorder.nextState()).isEqualTo("connecting");
    assertThat(recorder.nextState()).isEqualTo("connected");
    assertThat(session.cameras()).hasSize(3);
    assertThat(controller.awaitSubscription(1, Duration.ofSeconds(10))).isTrue();

    List<String> ids = controller.playMotionPersonRing(FRONT_CAMERA, DOORBELL);

    List<ProtectDetection> detections = recorder.detections(5);
    assertThat(detections)
        .extracting(d -> d.type() + " " + d.eventId() + " " + (d.end() == null ? "start" : "end"))
        .containsExactly(
            "motion " + ids.get(0) + " start",
            "person " + ids.get(1) + " start",
            "person " + ids.get(1) + " end",
            "motion " + ids.get(0) + " end",
            "ring " + ids.get(2) + " end");
    assertThat(detections).allSatisfy(d -> assertThat(d.start()).isNotNull());
    assertThat(detections.get(1).cameraId()).isEqualTo(FRONT_CAMERA);
    assertThat(detections.get(1).score()).isEqualTo(0.87);
    assertThat(detections.get(4).cameraId()).isEqualTo(DOORBELL);
    assertThat(session.lastUpdateId()).isEqualTo(controller.lastUpdateId());
  }

  @Test
  void aDroppedSocketIsReconnectedAndLaterEventsArrive() throws Exception {
    startSession(Duration.ofSeconds(60));
    assertThat(recorder.nextState()).isEqualTo("connecting");
    assertThat(recorder.nextState()).isEqualTo("connected");
    assertThat(controller.awaitSubscription(1, Duration.ofSeconds(10))).isTrue();
    controller.startMotion(FRONT_CAMERA);
    assertThat(recorder.detections(1)).extracting(ProtectDetection::type).containsExactly("motion");

    controller.dropUpdates();

    assertThat(recorder.nextState())
        .isEqualTo("connecting: connection lost (the socket closed without a close frame)");
    assertThat(recorder.nextState()).isEqualTo("connected");
    assertThat(controller.awaitSubscription(2, Duration.ofSeconds(10))).isTrue();
    String ring = controller.ring(DOORBELL);
    assertThat(recorder.detections(1))
        .extracting(d -> d.type() + " " + d.eventId())
        .containsExactly("ring " + ring);
  }

  @Test
  void aSilentSocketIsReconnectedAfterTheReceiveTimeout() throws Exception {
    startSession(Duration.ofSeconds(2));
    assertThat(recorder.nextState()).isEqualTo("connecting");
    assertThat(recorder.nextState()).isEqualTo("connected");
    assertThat(controller.awaitSubscription(1, Duration.ofSeconds(10))).isTrue();

    controller.goSilent();
    controller.startMotion(FRONT_CAMERA);

    assertThat(recorder.nextState()).isEqualTo("connecting: silent for 2 s");
    assertThat(recorder.nextState()).isEqualTo("connected");
    assertThat(controller.awaitSubscription(2, Duration.ofSeconds(10))).isTrue();
    assertThat(recorder.detections.poll()).as("nothing was sent on the silent socket").isNull();
  }

  @Test
  void anExpiredCookieIsRenewedOnReconnect() throws Exception {
    startSession(Duration.ofSeconds(60));
    assertThat(recorder.nextState()).isEqualTo("connecting");
    assertThat(recorder.nextState()).isEqualTo("connected");
    assertThat(controller.awaitSubscription(1, Duration.ofSeconds(10))).isTrue();
    int logins = controller.logins();

    controller.expireSessions();
    controller.dropUpdates();

    assertThat(recorder.nextState()).startsWith("connecting: ");
    assertThat(recorder.nextState()).isEqualTo("connected");
    assertThat(controller.logins()).isEqualTo(logins + 1);
  }

  @Test
  void aRefusedLoginIsAnErrorAndItIsTriedAgain() throws Exception {
    ProtectTimeouts timeouts = ProtectTimeouts.defaults();
    client = new ProtectClient(controller.endpoint("wrong-password"), timeouts);
    session = new ProtectSession("refused", client, timeouts, QUICK_BACKOFF, recorder);
    session.start();

    assertThat(recorder.nextState()).isEqualTo("connecting");
    assertThat(recorder.nextState())
        .isEqualTo("error: login refused: 401 Unauthorized (check the user name and password)");
    assertThat(recorder.nextState()).startsWith("connecting: login refused");
    assertThat(recorder.nextState()).startsWith("error: login refused");
  }

  @Test
  void aCameraThatDisconnectsIsReported() throws Exception {
    startSession(Duration.ofSeconds(60));
    assertThat(recorder.nextState()).isEqualTo("connecting");
    assertThat(recorder.nextState()).isEqualTo("connected");
    assertThat(controller.awaitSubscription(1, Duration.ofSeconds(10))).isTrue();

    controller.send("update", "camera", FRONT_CAMERA, Map.of("state", "DISCONNECTED"));

    ProtectCamera changed = recorder.cameras.poll(10, TimeUnit.SECONDS);
    assertThat(changed).isNotNull();
    assertThat(changed.id()).isEqualTo(FRONT_CAMERA);
    assertThat(changed.state()).isEqualTo("DISCONNECTED");
    assertThat(session.cameras()).contains(changed);
  }

  @Test
  void closeStopsTheSessionAndItsSocket() throws Exception {
    startSession(Duration.ofSeconds(60));
    assertThat(recorder.nextState()).isEqualTo("connecting");
    assertThat(recorder.nextState()).isEqualTo("connected");
    assertThat(controller.awaitSubscription(1, Duration.ofSeconds(10))).isTrue();

    session.close();

    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("protect-session-loopback"));
    controller.startMotion(FRONT_CAMERA);
    assertThat(recorder.states.poll(500, TimeUnit.MILLISECONDS)).isNull();
    assertThat(recorder.detections.poll()).isNull();
  }

  /** What the session reported, for the test's thread. */
  static final class Recorder implements ProtectSession.Listener {
    final BlockingQueue<String> states = new LinkedBlockingQueue<>();
    final BlockingQueue<ProtectDetection> detections = new LinkedBlockingQueue<>();
    final BlockingQueue<ProtectCamera> cameras = new LinkedBlockingQueue<>();

    @Override
    public void onState(String state, String reason, Bootstrap bootstrap) {
      if (state.equals(ProtectSession.CONNECTED)) {
        assertThat(bootstrap).isNotNull();
      }
      states.add(reason == null ? state : state + ": " + reason);
    }

    @Override
    public void onDetection(ProtectDetection detection) {
      detections.add(detection);
    }

    @Override
    public void onCamera(ProtectCamera camera) {
      cameras.add(camera);
    }

    String nextState() throws InterruptedException {
      String state = states.poll(20, TimeUnit.SECONDS);
      assertThat(state).as("a state within 20 s").isNotNull();
      return state;
    }

    List<ProtectDetection> detections(int count) throws InterruptedException {
      List<ProtectDetection> out = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ProtectDetection detection = detections.poll(10, TimeUnit.SECONDS);
        assertThat(detection).as("detection %d of %d within 10 s", i + 1, count).isNotNull();
        out.add(detection);
      }
      return out;
    }
  }
}
