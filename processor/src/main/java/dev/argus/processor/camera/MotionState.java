package dev.argus.processor.camera;

import java.time.Instant;
import java.util.List;

/**
 * What the motion rules remember about one camera between readings, kept in the topology's {@value
 * CameraTopology#MOTION_STATE_STORE} store (JSON, key: camera id).
 *
 * @param lastEventAt the reading time of the newest event raised; the cooldown runs from it
 * @param recentReadingIds the ids of the readings that raised the newest events, oldest first, at
 *     most {@link CameraSettings#rememberedReadings()}
 */
public record MotionState(Instant lastEventAt, List<String> recentReadingIds) {

  public MotionState {
    recentReadingIds = recentReadingIds == null ? List.of() : List.copyOf(recentReadingIds);
  }
}
