package dev.argus.collector.protect;

import dev.argus.contract.camera.CameraConfig;
import dev.argus.contract.camera.DetectedObject;
import dev.argus.contract.camera.DetectionTypes;
import dev.argus.contract.camera.MotionReading;
import dev.argus.protect.ProtectDetection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A controller's detection as a {@link MotionReading} of the Argus camera it belongs to.
 *
 * <ul>
 *   <li><b>Reading id</b>: a name-based UUID of the controller and the controller's event id and
 *       type (or, for a detection without an event id, the camera, type and start): an update the
 *       controller delivers again, or a session that reconnects and reads it again, gives the same
 *       reading, which the processor derives the same event from.
 *   <li><b>Type</b>: the detection's ({@code motion}, {@code person}, {@code vehicle}, {@code
 *       animal}, {@code package}, {@code ring}); source and detector {@code protect}.
 *   <li><b>Objects</b>: one {@link DetectedObject} of the smart type with the controller's score
 *       for person, vehicle, animal and package; none for motion and a ring, which name no object.
 *   <li><b>Score</b>: the controller's confidence when it gives one, else 0. A reading's score is
 *       the share of changed pixels on the RTSP path; the controller measures none, and 0 says "not
 *       measured" rather than claiming a certainty it did not state.
 *   <li>The camera's analysis mode, cooldown, smart detection types and prompt travel with it, as
 *       on the RTSP path, so the processor needs no other input.
 * </ul>
 */
final class DetectionReadings {

  /** A reading from a controller, as opposed to the frame difference ({@code motion}). */
  static final String SOURCE = "protect";

  /** The types a controller's smart detection names an object for. */
  static final Set<String> SMART_TYPES =
      Set.of(
          DetectionTypes.PERSON,
          DetectionTypes.VEHICLE,
          DetectionTypes.ANIMAL,
          DetectionTypes.PACKAGE);

  private DetectionReadings() {}

  static String readingId(String controllerId, ProtectDetection detection) {
    String name =
        detection.eventId() != null && !detection.eventId().isBlank()
            ? "protect:" + controllerId + ":event:" + detection.eventId() + ":" + type(detection)
            : "protect:"
                + controllerId
                + ":camera:"
                + detection.cameraId()
                + ":"
                + type(detection)
                + ":"
                + detection.start().toEpochMilli();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  static String type(ProtectDetection detection) {
    return detection.type() == null
        ? DetectionTypes.MOTION
        : detection.type().trim().toLowerCase(Locale.ROOT);
  }

  static MotionReading reading(
      String controllerId,
      ProtectDetection detection,
      CameraConfig camera,
      String collectorId,
      DetectionMedia.Media media) {
    String type = type(detection);
    List<DetectedObject> objects =
        SMART_TYPES.contains(type)
            ? List.of(new DetectedObject(type, detection.score(), null))
            : List.of();
    return new MotionReading(
        readingId(controllerId, detection),
        camera.id(),
        camera.name(),
        collectorId,
        detection.start(),
        SOURCE,
        type,
        detection.score() == null ? 0 : detection.score(),
        null,
        media.frames(),
        media.thumbnail(),
        camera.analysisMode(),
        camera.motionCooldownSeconds(),
        camera.smartDetectionTypes(),
        camera.promptOverride(),
        objects,
        DetectionTypes.DETECTOR_PROTECT);
  }
}
