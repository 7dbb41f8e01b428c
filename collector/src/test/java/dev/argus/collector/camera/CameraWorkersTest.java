package dev.argus.collector.camera;

import static dev.argus.collector.camera.Cameras.camera;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.argus.collector.testing.SyntheticCamera;
import dev.argus.collector.testing.SyntheticCamera.Scene;
import dev.argus.contract.camera.CameraConfig;
import dev.argus.contract.camera.DetectionSchedule;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reconciliation of the workers with the cameras of argus.config, as collector "c1". */
class CameraWorkersTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final SyntheticCamera source = new SyntheticCamera(Scene.STILL);
  private final RecordingReadings readings = new RecordingReadings();
  private final CameraWorkers workers =
      new CameraWorkers("c1", source, readings, CameraSettings.defaults(), Clock.systemUTC());

  @AfterEach
  void stop() {
    workers.stop();
  }

  private void online(String id) {
    await().atMost(PATIENCE).until(() -> readings.states(id).contains("online"));
  }

  @Test
  void runsAWorkerForEachCameraThatRunsHere() {
    workers.camerasChanged(
        List.of(
            camera("mine").collector("c1").desired(),
            camera("anyones").desired(),
            camera("theirs").collector("c2").desired(),
            camera("paused").started(false).desired(),
            camera("off").enabled(false).desired()));

    online("mine");
    online("anyones");
    assertThat(workers.states()).containsOnlyKeys("anyones", "mine");
    assertThat(source.opens())
        .extracting(o -> o.spec().url())
        .containsExactlyInAnyOrder("rtsp://127.0.0.1:8554/mine", "rtsp://127.0.0.1:8554/anyones");
    assertThat(readings.states("theirs")).isEmpty();
    assertThat(readings.states("paused")).isEmpty();
  }

  @Test
  void aProtectCameraGetsNoWorkerAndNoStatusFromTheWorkers() {
    var protect = new DesiredCamera(protectCamera("door"), true, null, null);

    workers.camerasChanged(List.of(protect, camera("rtsp").desired()));
    online("rtsp");

    assertThat(workers.states()).containsOnlyKeys("rtsp");
    assertThat(source.opens()).hasSize(1);
    assertThat(readings.states("door")).isEmpty();
  }

  private static CameraConfig protectCamera(String id) {
    CameraConfig rtsp = camera(id).config();
    return new CameraConfig(
        id,
        rtsp.name(),
        CameraSourceSpecs.PROTECT,
        true,
        true,
        null,
        null,
        null,
        null,
        null,
        null,
        Map.of(),
        rtsp.analysisFps(),
        rtsp.motionSensitivity(),
        rtsp.motionCooldownSeconds(),
        List.of(),
        null,
        "single_frame",
        1,
        List.of(),
        null,
        null,
        "protect-controller-1",
        "protect-camera-1");
  }

  @Test
  void aStoppedDisabledOrDeletedCameraStopsItsWorkerAndIsReportedStopped() {
    workers.camerasChanged(
        List.of(camera("a").desired(), camera("b").desired(), camera("c").desired()));
    online("a");
    online("b");
    online("c");

    workers.camerasChanged(
        List.of(camera("a").started(false).desired(), camera("b").enabled(false).desired()));

    assertThat(workers.states()).isEmpty();
    assertThat(readings.states("a")).containsExactly("online", "stopped: the camera was stopped");
    assertThat(readings.states("b")).containsExactly("online", "stopped: the camera is disabled");
    assertThat(readings.states("c")).containsExactly("online", "stopped: the camera was deleted");

    // told again, nothing more is said
    workers.camerasChanged(List.of(camera("a").started(false).desired()));
    assertThat(readings.states("a")).hasSize(2);
  }

  @Test
  void aCameraAssignedToAnotherCollectorStopsSilently() {
    workers.camerasChanged(List.of(camera("moved").desired()));
    online("moved");

    workers.camerasChanged(List.of(camera("moved").collector("c2").desired()));

    assertThat(workers.states()).isEmpty();
    assertThat(readings.states("moved")).containsExactly("online");
  }

  @Test
  void aChangedSourceOrAHigherFpsRestartsTheWorker() {
    workers.camerasChanged(List.of(camera("gate").desired()));
    online("gate");
    CameraWorker first = workers.worker("gate");

    workers.camerasChanged(List.of(camera("gate").url("rtsp://127.0.0.1:8554/gate2").desired()));

    CameraWorker second = workers.worker("gate");
    assertThat(second).isNotSameAs(first);
    await().atMost(PATIENCE).until(() -> source.opens().size() == 2);
    assertThat(source.opens())
        .extracting(o -> o.spec().url())
        .containsExactly("rtsp://127.0.0.1:8554/gate", "rtsp://127.0.0.1:8554/gate2");

    workers.camerasChanged(
        List.of(camera("gate").url("rtsp://127.0.0.1:8554/gate2").fps(20).desired()));

    assertThat(workers.worker("gate")).isNotSameAs(second);
    await().atMost(PATIENCE).until(() -> source.opens().size() == 3);
    assertThat(source.opens().getLast().fps()).isEqualTo(20);
  }

  @Test
  void analysisSettingsApplyWithoutAReconnect() {
    workers.camerasChanged(List.of(camera("yard").desired()));
    online("yard");
    CameraWorker worker = workers.worker("yard");

    var schedule = new DetectionSchedule(true, List.of("sat"), "08:00", "20:00", "Europe/Paris");
    workers.camerasChanged(
        List.of(
            camera("yard")
                .sensitivity("high")
                .cooldown(5)
                .fps(2)
                .multiFrame(4)
                .schedule(schedule)
                .desired()));

    assertThat(workers.worker("yard")).isSameAs(worker);
    assertThat(worker.camera().motionSensitivity()).isEqualTo("high");
    assertThat(worker.camera().motionCooldownSeconds()).isEqualTo(5);
    assertThat(worker.camera().analysisFps()).isEqualTo(2);
    assertThat(worker.camera().frameCount()).isEqualTo(4);
    assertThat(worker.camera().schedule()).isEqualTo(schedule);
    assertThat(source.opens()).hasSize(1);
  }

  @Test
  void aCameraThatCannotRunIsReportedInErrorOnceAndRunsWhenMended() {
    var noPassword =
        new DesiredCamera(
            camera("locked").config(),
            true,
            null,
            "credentials: the secret of camera:locked:password cannot be decrypted with key 'k2'");
    var badSchedule =
        camera("night").schedule(new DetectionSchedule(true, List.of(), "late", "06:00", null));

    workers.camerasChanged(List.of(noPassword, badSchedule.desired()));
    workers.camerasChanged(List.of(noPassword, badSchedule.desired()));

    assertThat(workers.states()).isEmpty();
    assertThat(readings.states("locked"))
        .containsExactly(
            "error: credentials: the secret of camera:locked:password cannot be decrypted with key"
                + " 'k2'");
    assertThat(readings.states("night"))
        .containsExactly("error: schedule.start_time must be HH:mm, e.g. 22:30, was 'late'");

    workers.camerasChanged(List.of(camera("locked").desired(), camera("night").desired()));

    online("locked");
    online("night");

    // a camera in error that is then stopped is reported stopped
    workers.camerasChanged(List.of(noPassword));
    workers.camerasChanged(
        List.of(new DesiredCamera(camera("locked").started(false).config(), true, null, null)));
    assertThat(readings.states("locked")).last().isEqualTo("stopped: the camera was stopped");
  }

  @Test
  void onShutdownEveryCameraIsReportedOffline() {
    workers.start();
    workers.camerasChanged(List.of(camera("a").desired()));
    online("a");

    workers.stop();

    assertThat(workers.isRunning()).isFalse();
    assertThat(readings.states("a")).containsExactly("online", "offline: collector c1 stopped");
    // after the stop, changes start nothing
    workers.camerasChanged(List.of(camera("b").desired()));
    assertThat(workers.states()).isEqualTo(Map.of());
  }
}
