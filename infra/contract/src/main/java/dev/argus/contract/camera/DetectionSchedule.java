package dev.argus.contract.camera;

import java.util.List;

/**
 * When motion is looked for. Disabled (or null on the camera) means always. Hours are local to
 * {@code timezone} (an IANA zone id, default UTC); an end before the start spans midnight.
 *
 * @param days lower-case three-letter days: {@code mon} … {@code sun}; empty means every day
 * @param startTime {@code HH:mm}
 * @param endTime {@code HH:mm}
 */
public record DetectionSchedule(
    boolean enabled, List<String> days, String startTime, String endTime, String timezone) {

  public DetectionSchedule {
    days = days == null ? List.of() : List.copyOf(days);
  }
}
