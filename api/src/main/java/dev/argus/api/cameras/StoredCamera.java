package dev.argus.api.cameras;

import dev.argus.contract.camera.CameraConfig;
import dev.argus.contract.camera.DetectionSchedule;
import dev.argus.contract.camera.DetectionZone;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A row of {@code cameras} with the newest row of {@code camera_status}: {@code credentials} hold
 * envelopes ({@code enc:…}), which only the collectors decrypt.
 *
 * @param status null until the processor stored one
 */
record StoredCamera(
    UUID id,
    CameraSettings settings,
    boolean started,
    Map<String, String> credentials,
    Instant createdAt,
    Instant updatedAt,
    Camera.Status status) {

  static final String PASSWORD = "password";

  /** What clients see: whether a password is stored, never the password. */
  Camera view() {
    CameraSettings s = settings;
    return new Camera(
        id,
        s.name(),
        s.type(),
        s.enabled(),
        started,
        s.rtspUrl(),
        s.transport(),
        s.url(),
        s.snapshotIntervalSeconds(),
        s.devicePath(),
        s.username(),
        credentials.containsKey(PASSWORD),
        s.analysisFps(),
        s.motionSensitivity(),
        s.motionCooldownSeconds(),
        s.zones().stream().map(StoredCamera::zone).toList(),
        schedule(s.schedule()),
        s.analysisMode(),
        s.frameCount(),
        s.smartDetectionTypes(),
        s.promptOverride(),
        s.collector(),
        s.protectControllerId(),
        s.protectCameraId(),
        status,
        createdAt,
        updatedAt);
  }

  /** What collectors get on {@code argus.config}: the password still encrypted. */
  CameraConfig toConfig() {
    CameraSettings s = settings;
    return new CameraConfig(
        id.toString(),
        s.name(),
        s.type(),
        s.enabled(),
        started,
        s.rtspUrl(),
        s.transport(),
        s.url(),
        s.snapshotIntervalSeconds(),
        s.devicePath(),
        s.username(),
        credentials,
        s.analysisFps(),
        s.motionSensitivity(),
        s.motionCooldownSeconds(),
        s.zones(),
        s.schedule(),
        s.analysisMode(),
        s.frameCount(),
        s.smartDetectionTypes(),
        s.promptOverride(),
        s.collector(),
        s.protectControllerId() == null ? null : s.protectControllerId().toString(),
        s.protectCameraId());
  }

  /** The settings as a body, for merging a PUT into (the password is not part of it). */
  CameraRequest toRequest() {
    CameraSettings s = settings;
    return new CameraRequest(
        s.name(),
        s.type(),
        s.enabled(),
        s.rtspUrl(),
        s.transport(),
        s.url(),
        s.snapshotIntervalSeconds(),
        s.devicePath(),
        s.username(),
        null,
        s.analysisFps(),
        s.motionSensitivity(),
        s.motionCooldownSeconds(),
        s.zones().stream().map(StoredCamera::zone).toList(),
        schedule(s.schedule()),
        s.analysisMode(),
        s.frameCount(),
        s.smartDetectionTypes(),
        s.promptOverride(),
        s.collector(),
        s.protectControllerId(),
        s.protectCameraId());
  }

  private static CameraRequest.Zone zone(DetectionZone zone) {
    return new CameraRequest.Zone(
        zone.name(),
        zone.polygon().stream().map(p -> new CameraRequest.Point(p.x(), p.y())).toList(),
        zone.enabled());
  }

  private static CameraRequest.Schedule schedule(DetectionSchedule schedule) {
    return schedule == null
        ? null
        : new CameraRequest.Schedule(
            schedule.enabled(),
            List.copyOf(schedule.days()),
            schedule.startTime(),
            schedule.endTime(),
            schedule.timezone());
  }
}
