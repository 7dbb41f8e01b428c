package dev.argus.processor.camera;

import dev.argus.contract.camera.CameraEvent;
import dev.argus.contract.camera.DetectedObject;
import dev.argus.contract.camera.DetectionTypes;
import dev.argus.contract.camera.MotionReading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which motion readings become camera events, as a pure function of (camera state, reading). No
 * Kafka, no clock: time is the readings' own.
 *
 * <ul>
 *   <li>Smart types, for a reading with a detector's objects: when the reading's {@code
 *       smart_detection_types} is not empty, objects whose label (the detection type: person,
 *       vehicle, animal, package, ring) is not in it are dropped; when none remain the reading
 *       raises nothing. The event keeps the remaining objects, and its {@code detection_type} is
 *       the most specific of their labels ({@link DetectionTypes#ALL} order; the reading's own type
 *       when none is a known type). A ring keeps its type: a press is not an object.
 *   <li>Smart types, for a reading without objects (no detector, or it found nothing): a reading
 *       whose {@code detection_type} is a smart type not in the list raises nothing. Plain {@code
 *       motion} always passes: the AI decides later what it was.
 *   <li>De-duplication: a reading whose id raised one of the camera's last {@link
 *       CameraSettings#rememberedReadings()} events raises nothing.
 *   <li>Cooldown: no event within the reading's {@code motion_cooldown_seconds} after the camera's
 *       last event, judged on reading time. A reading older than the last event raises nothing
 *       either (it is late, or a replay).
 * </ul>
 *
 * <p>Only readings that raise an event change the state. That is enough to recognise any reading
 * seen again: one that was held back by the cooldown stays held back, because its own time and
 * cooldown do not change and the last event only moves forward; one that raised an event is older
 * than the last event or, with a cooldown of zero, remembered by id.
 */
public final class MotionRules {

  /** The detection type of plain frame difference, which every camera reports. */
  static final String MOTION = DetectionTypes.MOTION;

  /** The source of a Protect controller's readings ({@link MotionReading#source}). */
  static final String SOURCE_PROTECT = "protect";

  private static final Logger log = LoggerFactory.getLogger(MotionRules.class);

  private final int rememberedReadings;

  public MotionRules(CameraSettings settings) {
    this.rememberedReadings = settings.rememberedReadings();
  }

  /**
   * Applies one reading.
   *
   * @param previous the camera's state, null for a camera that has raised no event yet
   * @return the event and the new state; nothing when the reading raises no event
   */
  public Optional<MotionOutcome> onReading(MotionState previous, MotionReading reading) {
    Optional<Typed> typed = typed(reading);
    if (typed.isEmpty()) {
      log.debug(
          "Camera {}: {} {} is not among the smart detection types {}",
          reading.cameraId(),
          detectionType(reading),
          reading.objects(),
          reading.smartDetectionTypes());
      return Optional.empty();
    }
    if (previous != null) {
      if (previous.recentReadingIds().contains(reading.readingId())) {
        log.debug("Camera {}: reading {} seen again", reading.cameraId(), reading.readingId());
        return Optional.empty();
      }
      if (coolingDown(previous.lastEventAt(), reading)) {
        return Optional.empty();
      }
    }
    var state = new MotionState(reading.at(), remember(previous, reading.readingId()));
    return Optional.of(new MotionOutcome(state, event(reading, typed.get())));
  }

  /** What a reading is once the smart types filtered it: its type and the objects that remain. */
  private record Typed(String type, List<DetectedObject> objects) {}

  private static Optional<Typed> typed(MotionReading reading) {
    String type = detectionType(reading);
    List<String> smartTypes = reading.smartDetectionTypes();
    List<DetectedObject> kept =
        reading.objects().stream().filter(o -> wanted(label(o), smartTypes)).toList();
    if (reading.objects().isEmpty() || DetectionTypes.RING.equals(type)) {
      return wanted(type, smartTypes) ? Optional.of(new Typed(type, kept)) : Optional.empty();
    }
    if (kept.isEmpty()) {
      return Optional.empty();
    }
    String mostSpecific =
        DetectionTypes.ALL.stream()
            .filter(t -> !MOTION.equals(t))
            .filter(t -> kept.stream().anyMatch(o -> t.equals(label(o))))
            .findFirst()
            .orElse(type);
    return Optional.of(new Typed(mostSpecific, kept));
  }

  /** An object's label as a detection type; an object without one is plain motion. */
  private static String label(DetectedObject object) {
    String label = object.label();
    return label == null || label.isBlank() ? MOTION : label.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether a reading is a Protect controller's plain motion, which a smart detection of the same
   * moment usually follows: no objects and no smart type.
   */
  static boolean isProtectMotion(MotionReading reading) {
    return SOURCE_PROTECT.equalsIgnoreCase(String.valueOf(reading.source()))
        && MOTION.equals(detectionType(reading))
        && reading.objects().isEmpty();
  }

  /** Whether a reading names what moved (a smart type, a ring, or a detector's objects). */
  static boolean isSmartDetection(MotionReading reading) {
    return !MOTION.equals(detectionType(reading)) || !reading.objects().isEmpty();
  }

  private static boolean wanted(String type, List<String> smartTypes) {
    if (MOTION.equals(type) || smartTypes.isEmpty()) {
      return true;
    }
    return smartTypes.stream().anyMatch(type::equalsIgnoreCase);
  }

  private static boolean coolingDown(Instant lastEventAt, MotionReading reading) {
    if (lastEventAt == null) {
      return false;
    }
    // A cooldown of zero still holds back a reading older than the last event.
    Instant cooledDownAt = lastEventAt.plusSeconds(Math.max(0, reading.motionCooldownSeconds()));
    return reading.at().isBefore(cooledDownAt);
  }

  private List<String> remember(MotionState previous, String readingId) {
    List<String> ids = new ArrayList<>(previous == null ? List.of() : previous.recentReadingIds());
    ids.add(readingId);
    return ids.size() <= rememberedReadings
        ? ids
        : ids.subList(ids.size() - rememberedReadings, ids.size());
  }

  private static String detectionType(MotionReading reading) {
    String type = reading.detectionType();
    return type == null || type.isBlank() ? MOTION : type.toLowerCase(Locale.ROOT);
  }

  private static CameraEvent event(MotionReading reading, Typed typed) {
    return new CameraEvent(
        CameraEvent.idFor(reading.readingId()),
        reading.readingId(),
        reading.cameraId(),
        reading.cameraName(),
        reading.at(),
        reading.source() == null || reading.source().isBlank() ? MOTION : reading.source(),
        typed.type(),
        reading.score(),
        reading.box(),
        reading.frames(),
        reading.thumbnail(),
        reading.analysisMode(),
        reading.promptOverride(),
        reading.smartDetectionTypes(),
        typed.objects(),
        reading.detector());
  }
}
