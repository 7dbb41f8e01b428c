package dev.argus.collector.protect;

import static dev.argus.collector.protect.ProtectFixtures.camera;
import static dev.argus.collector.protect.ProtectFixtures.controller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.contract.camera.CameraConfig;
import dev.argus.contract.camera.ProtectControllerStatus;
import dev.argus.protect.Bootstrap;
import dev.argus.protect.ProtectCamera;
import dev.argus.protect.ProtectDetection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation of sessions with argus.config and what a session publishes, with sessions that
 * connect nowhere ({@link FakeConnector}): the test reports states and detections as the session's
 * thread would.
 */
class ProtectSessionsTest {

  private static final Bootstrap BOOTSTRAP =
      new Bootstrap(
          "nvr-1",
          "Home NVR",
          "4.1.53",
          "upd-42",
          List.of(
              new ProtectCamera(
                  "prot-door", "Door", "UVC G4 Doorbell", "CONNECTED", true, List.of("person")),
              new ProtectCamera(
                  "prot-yard", "Yard", "UVC G4 Bullet", "DISCONNECTED", false, List.of()),
              new ProtectCamera("prot-other", "Other", "UVC G3", "CONNECTED", false, List.of())));

  private final FakeConnector connector = new FakeConnector();
  private final ProtectFixtures.Recorded recorded = new ProtectFixtures.Recorded();
  private final ProtectSessions sessions =
      new ProtectSessions(
          "c1",
          connector,
          ProtectSessions.media("ffmpeg", 640, 320, Clock.systemUTC()),
          recorded,
          recorded,
          ProtectSettings.defaults(),
          Clock.systemUTC());

  private final CameraConfig door = camera("cam-door", "p-1", "prot-door");
  private final CameraConfig yard = camera("cam-yard", "p-1", "prot-yard");
  private final CameraConfig gone = camera("cam-gone", "p-1", "prot-gone");

  @AfterEach
  void stop() {
    sessions.stop();
  }

  @Test
  void anAssignedControllerGetsOneSessionAndOneElsewhereNone() {
    sessions.protectChanged(
        List.of(controller("p-1", "pw"), ProtectFixtures.elsewhere(controller("p-2", "pw"))),
        List.of());

    assertThat(connector.opened).hasSize(1);
    assertThat(connector.opened.getFirst().endpoint().password()).isEqualTo("pw");
    assertThat(sessions.states()).containsOnlyKeys("p-1");
    assertThat(recorded.controllerStates("p-1")).containsExactly("connecting");
    assertThat(recorded.controllerStates("p-2")).isEmpty();
  }

  @Test
  void aSessionRestartsOnlyWhenItsConnectionSettingsChange() {
    var original = controller("p-1", "pw");
    sessions.protectChanged(List.of(original), List.of(door));

    sessions.protectChanged(
        List.of(ProtectFixtures.renamed(original, "Garage NVR")), List.of(door));
    sessions.protectChanged(
        List.of(ProtectFixtures.renamed(original, "Garage NVR")), List.of(door, yard));

    assertThat(connector.opened).hasSize(1);
    assertThat(connector.closed).isEmpty();
    assertThat(sessions.run("p-1").config().name()).isEqualTo("Garage NVR");

    sessions.protectChanged(List.of(controller("p-1", "new password")), List.of(door));

    assertThat(connector.opened).hasSize(2);
    assertThat(connector.opened.getLast().endpoint().password()).isEqualTo("new password");
    assertThat(connector.closed).containsExactly("protect-p-1 pw");
  }

  @Test
  void aDisabledOrDeletedControllerStopsAndIsPublishedStopped() {
    sessions.protectChanged(
        List.of(controller("p-1", "pw"), controller("p-2", "pw")), List.of(door));

    sessions.protectChanged(
        List.of(ProtectFixtures.disabled(controller("p-1", "pw"))), List.of(door));

    assertThat(connector.closed).containsExactlyInAnyOrder("protect-p-1 pw", "protect-p-2 pw");
    assertThat(recorded.controllerStates("p-1"))
        .containsExactly("connecting", "stopped: the controller is disabled");
    assertThat(recorded.controllerStates("p-2"))
        .containsExactly("connecting", "stopped: the controller was deleted");
    assertThat(recorded.cameraStates("cam-door"))
        .last()
        .isEqualTo("offline: the Protect controller is disabled");
  }

  @Test
  void aControllerThatCannotRunIsAnErrorOncePerReason() {
    var unreadable = ProtectFixtures.unreadable(controller("p-1", "pw"), "credentials: wrong key");

    sessions.protectChanged(List.of(unreadable), List.of());
    sessions.protectChanged(List.of(unreadable), List.of(door));

    assertThat(connector.opened).isEmpty();
    assertThat(recorded.controllerStates("p-1")).containsExactly("error: credentials: wrong key");
  }

  @Test
  void aSessionThatCannotStartIsAnErrorAndIsTriedAgainOnTheNextChange() {
    var failing =
        new ProtectSessions(
            "c1",
            (name, endpoint, listener) -> {
              throw new IllegalStateException("no thread left");
            },
            ProtectSessions.media("ffmpeg", 640, 320, Clock.systemUTC()),
            recorded,
            recorded,
            ProtectSettings.defaults(),
            Clock.systemUTC());

    failing.protectChanged(List.of(controller("p-1", "pw")), List.of(door));
    failing.protectChanged(List.of(controller("p-1", "pw")), List.of(door));

    assertThat(failing.states()).isEmpty();
    assertThat(recorded.controllerStates("p-1"))
        .containsExactly(
            "connecting", "error: the session could not be started: no thread left", "connecting");
    failing.stop();
  }

  @Test
  void aConnectedSessionPublishesItsBootstrapAndItsCamerasStates() {
    sessions.protectChanged(List.of(controller("p-1", "pw")), List.of(door, yard, gone));

    connector.last().onState("connected", null, BOOTSTRAP);

    ProtectControllerStatus status = recorded.controllerStatuses.getLast();
    assertThat(status.state()).isEqualTo("connected");
    assertThat(status.collectorId()).isEqualTo("c1");
    assertThat(status.nvrName()).isEqualTo("Home NVR");
    assertThat(status.nvrVersion()).isEqualTo("4.1.53");
    assertThat(status.camerasFound()).isEqualTo(3);
    assertThat(status.lastUpdateId()).isEqualTo("upd-42");
    assertThat(recorded.cameraStates("cam-door"))
        .containsExactly("offline: Protect controller NVR p-1 is connecting", "online");
    assertThat(recorded.cameraStates("cam-yard"))
        .last()
        .isEqualTo("offline: Protect controller NVR p-1 reports it DISCONNECTED");
    assertThat(recorded.cameraStates("cam-gone"))
        .last()
        .isEqualTo("error: Protect controller NVR p-1 has no camera prot-gone");
    assertThat(recorded.cameraStatuses)
        .allSatisfy(s -> assertThat(s.detector()).isEqualTo("protect"));

    connector.last().onState("error", "401 Unauthorized", null);

    assertThat(recorded.controllerStates("p-1")).last().isEqualTo("error: 401 Unauthorized");
    assertThat(recorded.cameraStates("cam-door"))
        .last()
        .isEqualTo("offline: Protect controller NVR p-1 is error (401 Unauthorized)");
  }

  @Test
  void aCameraThatDisconnectsBetweenBootstrapsGoesOfflineAndBackOnline() {
    sessions.protectChanged(List.of(controller("p-1", "pw")), List.of(door));
    connector.last().onState("connected", null, BOOTSTRAP);

    connector
        .last()
        .onCamera(
            new ProtectCamera(
                "prot-door", "Door", "UVC G4 Doorbell", "DISCONNECTED", true, List.of()));
    connector
        .last()
        .onCamera(
            new ProtectCamera(
                "prot-door", "Door", "UVC G4 Doorbell", "CONNECTED", true, List.of()));

    assertThat(recorded.cameraStates("cam-door"))
        .containsExactly(
            "offline: Protect controller NVR p-1 is connecting",
            "online",
            "offline: Protect controller NVR p-1 reports it DISCONNECTED",
            "online");
  }

  @Test
  void aDetectionOfAnArgusCameraIsOneReadingWithTheSnapshotAndOthersAreIgnored() {
    sessions.protectChanged(List.of(controller("p-1", "pw")), List.of(door));
    var listener = connector.last();
    Instant start = Instant.now().minusSeconds(5);

    listener.onDetection(new ProtectDetection("prot-other", "ev-0", "person", 0.9, start, null));
    listener.onDetection(new ProtectDetection("prot-door", "ev-1", "person", 0.8, start, null));
    listener.onDetection(
        new ProtectDetection("prot-door", "ev-1", "person", 0.8, start, start.plusSeconds(3)));
    listener.onDetection(new ProtectDetection("prot-door", "ev-2", "ring", null, start, null));

    await().until(() -> recorded.readings.size() == 2);
    assertThat(recorded.readings)
        .extracting(r -> r.detectionType())
        .containsExactlyInAnyOrder("person", "ring");
    assertThat(recorded.readings)
        .allSatisfy(
            reading -> {
              assertThat(reading.cameraId()).isEqualTo("cam-door");
              assertThat(reading.frames()).hasSize(1);
              assertThat(reading.frames().getFirst().width()).isEqualTo(640);
              assertThat(reading.frames().getFirst().height()).isEqualTo(360);
              assertThat(reading.thumbnail()).isNotEmpty();
            });
    assertThat(sessions.run("p-1").ignoredDetections()).isEqualTo(1);
    assertThat(recorded.controllerStatuses).isNotEmpty();
  }

  @Test
  void aDetectionWhoseMediaFailsIsPublishedWithoutFrames() {
    sessions.protectChanged(List.of(controller("p-1", "pw")), List.of(door));
    connector.snapshotsFail = true;

    connector
        .last()
        .onDetection(
            new ProtectDetection("prot-door", "ev-1", "vehicle", 0.7, Instant.now(), null));

    await().until(() -> recorded.readings.size() == 1);
    assertThat(recorded.readings.getFirst().frames()).isEmpty();
    assertThat(recorded.readings.getFirst().detectionType()).isEqualTo("vehicle");
    assertThat(sessions.run("p-1").mediaFailures()).isEqualTo(1);
  }

  @Test
  void aMultiFrameCameraWhoseClipCannotBeExportedGetsTheSnapshot() {
    var multi = camera("cam-door", "p-1", "prot-door", true, "multi_frame", 5);
    sessions.protectChanged(List.of(controller("p-1", "pw")), List.of(multi));

    connector
        .last()
        .onDetection(
            new ProtectDetection(
                "prot-door", "ev-1", "person", 0.7, Instant.now().minusSeconds(10), null));

    await().until(() -> recorded.readings.size() == 1);
    assertThat(recorded.readings.getFirst().frames()).hasSize(1);
    assertThat(recorded.readings.getFirst().analysisMode()).isEqualTo("multi_frame");
  }

  @Test
  void aStoppedOrDeletedCameraIsPublishedStoppedAndItsDetectionsIgnored() {
    sessions.protectChanged(List.of(controller("p-1", "pw")), List.of(door, yard));
    connector.last().onState("connected", null, BOOTSTRAP);

    sessions.protectChanged(
        List.of(controller("p-1", "pw")),
        List.of(camera("cam-door", "p-1", "prot-door", false, "single_frame", 1)));
    connector
        .last()
        .onDetection(new ProtectDetection("prot-door", "ev-1", "person", 0.8, Instant.now(), null));

    assertThat(recorded.cameraStates("cam-door"))
        .last()
        .isEqualTo("stopped: the camera was stopped");
    assertThat(recorded.cameraStates("cam-yard"))
        .last()
        .isEqualTo("stopped: the camera was deleted");
    assertThat(sessions.run("p-1").ignoredDetections()).isEqualTo(1);
    assertThat(recorded.readings).isEmpty();
  }

  @Test
  void onShutdownTheControllerIsStoppedAndItsCamerasOffline() {
    sessions.protectChanged(List.of(controller("p-1", "pw")), List.of(door));
    connector.last().onState("connected", null, BOOTSTRAP);

    sessions.stop();

    assertThat(connector.closed).hasSize(1);
    assertThat(recorded.controllerStates("p-1")).last().isEqualTo("stopped: collector c1 stopped");
    assertThat(recorded.cameraStates("cam-door")).last().isEqualTo("offline: collector c1 stopped");
  }
}
