package dev.argus.processor.camera;

import dev.argus.contract.camera.MotionReading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which held Protect motions a new reading of the same camera hides or releases, as a pure function
 * of (held motions, reading). No Kafka, no clock.
 *
 * <p>A Protect controller reports a pure {@code motion} and, a moment later, the smart detection
 * (person, vehicle, ...) or ring of the same moment as another event. Raised as it comes, the
 * motion would be one event too many and its cooldown would hold back the smart detection that says
 * what moved. So a Protect pure motion is held for {@link CameraSettings#protectMotionHold()}:
 *
 * <ul>
 *   <li>a smart detection or ring of the camera whose reading time is within the hold of a held
 *       motion (before or after it) hides it: it is dropped and never started a cooldown;
 *   <li>a later reading of the camera more than the hold newer than a held motion releases it first
 *       (the camera's own time has passed the hold), so readings are judged in their order;
 *   <li>otherwise it is released by the wall clock ({@link #dueByWallClock}), so a lone motion of a
 *       quiet camera does not wait for the next reading.
 * </ul>
 *
 * Released motions go through {@link MotionRules} like any reading (smart types, de-duplication,
 * cooldown).
 */
final class ProtectMotionHold {

  /** What a reading does to the held motions of its camera, oldest first. */
  record Decision(List<HeldMotion> release, List<HeldMotion> hide) {}

  static final Comparator<HeldMotion> OLDEST_FIRST =
      Comparator.comparing((HeldMotion h) -> h.reading().at())
          .thenComparing(h -> h.reading().readingId());

  private final Duration hold;

  ProtectMotionHold(Duration hold) {
    this.hold = hold;
  }

  Decision onReading(List<HeldMotion> held, MotionReading reading) {
    List<HeldMotion> release = new ArrayList<>();
    List<HeldMotion> hide = new ArrayList<>();
    boolean smart = MotionRules.isSmartDetection(reading);
    for (HeldMotion motion : held.stream().sorted(OLDEST_FIRST).toList()) {
      if (motion.reading().readingId().equals(reading.readingId())) {
        continue;
      }
      Instant motionAt = motion.reading().at();
      if (smart && !Duration.between(motionAt, reading.at()).abs().minus(hold).isPositive()) {
        hide.add(motion);
      } else if (reading.at().isAfter(motionAt.plus(hold))) {
        release.add(motion);
      }
    }
    return new Decision(release, hide);
  }

  /** Whether a motion has been held for the whole hold at wall-clock time {@code now}. */
  boolean dueByWallClock(HeldMotion motion, Instant now) {
    return !now.isBefore(motion.heldAt().plus(hold));
  }
}
