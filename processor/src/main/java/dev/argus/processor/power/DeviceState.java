package dev.argus.processor.power;

import java.time.Instant;

/**
 * What the power rules remember about one device between readings, kept in the topology's {@value
 * PowerEventsTopology#DEVICE_STATE_STORE} store (JSON, key: device id).
 *
 * <p>It has two halves because failed polls carry no measurements: a failed poll updates only
 * {@link Liveness}, never {@link Power}, so an outage of the poller does not re-arm or fire the
 * measurement rules.
 */
public record DeviceState(Liveness liveness, Power power) {

  /**
   * Whether the device answers.
   *
   * @param lastReadingAt event time of the newest reading applied (older ones are ignored)
   * @param lastReceivedAt wall-clock time the newest reading was processed, for silence detection
   * @param pollIntervalSeconds the device's poll interval as its collector reported it
   * @param consecutiveFailedPolls failed polls since the last successful one
   * @param lastError the error of the newest reading, null after a successful one
   * @param offline whether {@code device_offline} was sent and {@code device_online} not yet
   * @param offlineSince when the device was declared offline
   */
  public record Liveness(
      Instant lastReadingAt,
      Instant lastReceivedAt,
      long pollIntervalSeconds,
      int consecutiveFailedPolls,
      String lastError,
      boolean offline,
      Instant offlineSince) {}

  /**
   * What the measurement rules have seen; each flag means "the event was sent and is not re-armed
   * yet", which is what makes every rule fire once per episode.
   *
   * @param lastSnapshotAt event time of the newest successful reading, null before the first one
   * @param upsStatus the last known status flags, e.g. {@code "OB DISCHRG"}
   * @param onBatterySince when the current outage began, null while on line power
   * @param batteryLow a {@code battery_low} episode is open
   * @param shutdownInitiated {@code shutdown_initiated} was sent in the current outage
   * @param loadAboveLimit a load {@code threshold_crossed} is open
   * @param temperatureAboveLimit a temperature {@code threshold_crossed} is open
   */
  public record Power(
      Instant lastSnapshotAt,
      String upsStatus,
      Instant onBatterySince,
      boolean batteryLow,
      boolean shutdownInitiated,
      boolean loadAboveLimit,
      boolean temperatureAboveLimit) {

    static final Power UNKNOWN = new Power(null, null, null, false, false, false, false);
  }
}
