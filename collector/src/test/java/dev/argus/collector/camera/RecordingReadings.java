package dev.argus.collector.camera;

import dev.argus.contract.camera.CameraStatus;
import dev.argus.contract.camera.MotionReading;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the workers hand over, in order. */
final class RecordingReadings implements CameraReadings {

  final List<CameraStatus> statuses = new CopyOnWriteArrayList<>();
  final List<MotionReading> readings = new CopyOnWriteArrayList<>();

  @Override
  public void status(CameraStatus status) {
    statuses.add(status);
  }

  @Override
  public void motion(MotionReading reading) {
    readings.add(reading);
  }

  List<String> states(String cameraId) {
    return statuses.stream()
        .filter(status -> status.cameraId().equals(cameraId))
        .map(status -> status.state() + (status.reason() == null ? "" : ": " + status.reason()))
        .toList();
  }
}
