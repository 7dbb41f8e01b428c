package dev.argus.processor.camera;

import dev.argus.contract.camera.CameraEventType;
import dev.argus.contract.camera.CameraState;
import dev.argus.contract.camera.CameraStatus;
import dev.argus.contract.events.DerivedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camera availability events as a pure function of (camera state, status). No Kafka, no clock.
 *
 * <ul>
 *   <li>{@code camera_offline} when a camera reports {@code offline} or {@code error} and no {@code
 *       camera_offline} is open: after {@code online}, for a camera first seen offline, or after
 *       {@code stopped}. Going from offline to error (or back) raises nothing more.
 *   <li>{@code camera_online} when a camera with an open {@code camera_offline} reports {@code
 *       online}; metadata also has {@code down_seconds}.
 *   <li>{@code stopped} raises nothing and leaves an open {@code camera_offline} open, so the
 *       camera coming back later still says so.
 *   <li>A status older than the newest applied one, or with a state this version does not know, is
 *       ignored. The periodic statuses repeat the state and raise nothing.
 * </ul>
 *
 * <p>Event ids are name-based UUIDs of (source, camera, type, time), the scheme of the other
 * sources, so a replay yields the same ids. Metadata: {@code camera_name}, {@code state}, {@code
 * reason}, {@code collector_id}.
 */
public final class CameraStatusRules {

  private static final Logger log = LoggerFactory.getLogger(CameraStatusRules.class);

  /**
   * Applies one status.
   *
   * @param previous the camera's state, null for a camera never seen
   * @return nothing when the status is ignored
   */
  public Optional<CameraStatusOutcome> onStatus(CameraStatusState previous, CameraStatus status) {
    if (previous != null && status.at().isBefore(previous.at())) {
      log.debug(
          "Ignoring status of camera {} at {}: older than {}",
          status.cameraId(),
          status.at(),
          previous.at());
      return Optional.empty();
    }
    Optional<CameraState> state = state(status.state());
    if (state.isEmpty()) {
      log.warn("Ignoring status of camera {}: unknown state {}", status.cameraId(), status.state());
      return Optional.empty();
    }
    Instant offlineSince = previous == null ? null : previous.offlineSince();
    List<DerivedEvent> events = List.of();
    switch (state.get()) {
      case ONLINE -> {
        if (offlineSince != null) {
          Map<String, Object> metadata = metadata(status);
          metadata.put("down_seconds", Duration.between(offlineSince, status.at()).toSeconds());
          events = List.of(event(status, CameraEventType.CAMERA_ONLINE, metadata));
          offlineSince = null;
        }
      }
      case OFFLINE, ERROR -> {
        if (offlineSince == null) {
          events = List.of(event(status, CameraEventType.CAMERA_OFFLINE, metadata(status)));
          offlineSince = status.at();
        }
      }
      case STOPPED -> {
        // Deliberate: no alert, and an open one stays open.
      }
    }
    var next = new CameraStatusState(state.get().wireName(), status.at(), offlineSince);
    return Optional.of(new CameraStatusOutcome(next, events));
  }

  private static Optional<CameraState> state(String wireName) {
    try {
      return Optional.of(CameraState.valueOf(wireName.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Map<String, Object> metadata(CameraStatus status) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("camera_name", status.cameraName());
    metadata.put("state", status.state());
    metadata.put("reason", status.reason());
    metadata.put("collector_id", status.collectorId());
    return metadata;
  }

  private static DerivedEvent event(
      CameraStatus status, CameraEventType type, Map<String, Object> metadata) {
    String name =
        String.join(
            "\u0000",
            DerivedEvent.SOURCE_CAMERA,
            status.cameraId(),
            type.wireName(),
            "",
            status.at().toString());
    return new DerivedEvent(
        DerivedEvent.SCHEMA_VERSION,
        UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString(),
        DerivedEvent.SOURCE_CAMERA,
        status.cameraId(),
        type.wireName(),
        type.severity(),
        status.at(),
        metadata);
  }
}
