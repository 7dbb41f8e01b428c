package dev.argus.collector.protect;

import dev.argus.collector.camera.CameraReadings;
import dev.argus.contract.camera.CameraConfig;
import dev.argus.contract.camera.CameraStatus;
import dev.argus.contract.camera.MotionReading;
import dev.argus.contract.camera.ProtectControllerConfig;
import dev.argus.contract.camera.ProtectControllerStatus;
import dev.argus.protect.ProtectEndpoint;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Controllers and Protect cameras as the api publishes them, and what sessions hand over. */
final class ProtectFixtures {

  private ProtectFixtures() {}

  static DesiredController controller(String id, String password) {
    var config =
        new ProtectControllerConfig(
            id, "NVR " + id, "127.0.0.1", 7443, "argus", Map.of(), false, true, null);
    return new DesiredController(
        config, true, new ProtectEndpoint("127.0.0.1", 7443, "argus", password, false), null);
  }

  static DesiredController renamed(DesiredController desired, String name) {
    var c = desired.config();
    return new DesiredController(
        new ProtectControllerConfig(
            c.id(),
            name,
            c.host(),
            c.port(),
            c.username(),
            c.credentials(),
            c.verifySsl(),
            c.enabled(),
            c.collector()),
        desired.assignedHere(),
        desired.endpoint(),
        desired.problem());
  }

  static DesiredController disabled(DesiredController desired) {
    var c = desired.config();
    return new DesiredController(
        new ProtectControllerConfig(
            c.id(),
            c.name(),
            c.host(),
            c.port(),
            c.username(),
            c.credentials(),
            c.verifySsl(),
            false,
            c.collector()),
        true,
        null,
        null);
  }

  static DesiredController elsewhere(DesiredController desired) {
    return new DesiredController(desired.config(), false, null, null);
  }

  static DesiredController unreadable(DesiredController desired, String problem) {
    return new DesiredController(desired.config(), true, null, problem);
  }

  /** A started camera of type protect, single_frame. */
  static CameraConfig camera(String id, String controllerId, String protectCameraId) {
    return camera(id, controllerId, protectCameraId, true, "single_frame", 1);
  }

  static CameraConfig camera(
      String id,
      String controllerId,
      String protectCameraId,
      boolean started,
      String mode,
      int frameCount) {
    return new CameraConfig(
        id,
        "Camera " + id,
        "protect",
        true,
        started,
        null,
        null,
        null,
        null,
        null,
        null,
        Map.of(),
        5,
        "medium",
        45,
        List.of(),
        null,
        mode,
        frameCount,
        List.of("person", "vehicle"),
        "Who is at the door?",
        null,
        controllerId,
        protectCameraId);
  }

  /** Keeps what sessions hand over, in order. */
  static final class Recorded implements CameraReadings, Consumer<ProtectControllerStatus> {

    final List<CameraStatus> cameraStatuses = new CopyOnWriteArrayList<>();
    final List<MotionReading> readings = new CopyOnWriteArrayList<>();
    final List<ProtectControllerStatus> controllerStatuses = new CopyOnWriteArrayList<>();

    @Override
    public void status(CameraStatus status) {
      cameraStatuses.add(status);
    }

    @Override
    public void motion(MotionReading reading) {
      readings.add(reading);
    }

    @Override
    public void accept(ProtectControllerStatus status) {
      controllerStatuses.add(status);
    }

    List<String> controllerStates(String controllerId) {
      return controllerStatuses.stream()
          .filter(status -> status.controllerId().equals(controllerId))
          .map(s -> s.state() + (s.reason() == null ? "" : ": " + s.reason()))
          .toList();
    }

    List<String> cameraStates(String cameraId) {
      return cameraStatuses.stream()
          .filter(status -> status.cameraId().equals(cameraId))
          .map(s -> s.state() + (s.reason() == null ? "" : ": " + s.reason()))
          .toList();
    }
  }
}
