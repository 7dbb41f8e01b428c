package dev.argus.processor.streams;

import dev.argus.processor.camera.CameraSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a UniFi Protect pure-motion reading waits for the smart detection of the same moment. An
 * unset or empty variable means the default; a value out of range stops the service at start-up
 * with a message naming the variable.
 *
 * @param protectMotionHold {@code ARGUS_CAMERA_PROTECT_MOTION_HOLD}, more than 0 and at most 1
 *     minute (default 3 s)
 */
@ConfigurationProperties("argus.cameras")
public record CameraProperties(Duration protectMotionHold) {

  static final Duration LONGEST_HOLD = Duration.ofMinutes(1);

  public CameraProperties {
    protectMotionHold =
        protectMotionHold != null ? protectMotionHold : CameraSettings.DEFAULT_PROTECT_MOTION_HOLD;
    if (!protectMotionHold.isPositive() || protectMotionHold.compareTo(LONGEST_HOLD) > 0) {
      throw new IllegalArgumentException(
          "ARGUS_CAMERA_PROTECT_MOTION_HOLD must be more than 0 and at most 1m (e.g. 3s), was "
              + protectMotionHold);
    }
  }

  public CameraSettings toSettings() {
    return CameraSettings.defaults().withProtectMotionHold(protectMotionHold);
  }
}
