package dev.argus.processor.power;

import dev.argus.contract.Topic;
import dev.argus.contract.Topics;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.RuntimeConfig;
import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.power.PowerReading;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@link PowerEventsTopology} needs to know: its topics and the thresholds of the rules. Plain
 * data, so the topology can be built and tested without Spring or a broker; the service fills it
 * from {@code streams.PowerEventProperties}. The thresholds here are the environment's; the runtime
 * configuration on {@code config} may override them while the topology runs ({@link #withRuntime}).
 *
 * @param config the compacted configuration topic, whose {@code runtime} entry overrides thresholds
 * @param shutdownBatteryFloorPct on battery at or below this charge, {@code shutdown_initiated}
 * @param deviceOfflineMissedPolls this many failed polls in a row (or this many poll intervals of
 *     silence) make a device offline
 * @param defaultBatteryLowPct the low-battery threshold for devices that do not report their own
 * @param loadLimitPct load above this is a {@code threshold_crossed}
 * @param temperatureLimitC temperature above this is a {@code threshold_crossed}
 * @param silenceCheckInterval how often (wall-clock) the state is scanned for silent devices
 */
public record PowerEventSettings(
    Topic<String, PowerReading> readings,
    Topic<String, DerivedEvent> events,
    Topic<String, ConfigEntry> config,
    double shutdownBatteryFloorPct,
    int deviceOfflineMissedPolls,
    double defaultBatteryLowPct,
    double loadLimitPct,
    double temperatureLimitC,
    Duration silenceCheckInterval) {

  public static final double DEFAULT_SHUTDOWN_BATTERY_FLOOR_PCT = 10;
  public static final int DEFAULT_DEVICE_OFFLINE_MISSED_POLLS = 3;
  public static final double DEFAULT_BATTERY_LOW_PCT = 20;
  public static final double DEFAULT_LOAD_LIMIT_PCT = 90;
  public static final double DEFAULT_TEMPERATURE_LIMIT_C = 40;
  public static final Duration DEFAULT_SILENCE_CHECK_INTERVAL = Duration.ofSeconds(10);

  public PowerEventSettings {
    Objects.requireNonNull(readings, "readings topic is required");
    Objects.requireNonNull(events, "events topic is required");
    Objects.requireNonNull(config, "config topic is required");
    if (deviceOfflineMissedPolls < 1) {
      throw new IllegalArgumentException(
          "deviceOfflineMissedPolls must be at least 1, was " + deviceOfflineMissedPolls);
    }
    if (silenceCheckInterval == null
        || silenceCheckInterval.isNegative()
        || silenceCheckInterval.isZero()) {
      throw new IllegalArgumentException(
          "silenceCheckInterval must be positive, was " + silenceCheckInterval);
    }
  }

  /** The seed's defaults on the catalog's topics. */
  public static PowerEventSettings defaults() {
    return new PowerEventSettings(
        Topics.READINGS_POWER,
        Topics.EVENTS,
        Topics.CONFIG,
        DEFAULT_SHUTDOWN_BATTERY_FLOOR_PCT,
        DEFAULT_DEVICE_OFFLINE_MISSED_POLLS,
        DEFAULT_BATTERY_LOW_PCT,
        DEFAULT_LOAD_LIMIT_PCT,
        DEFAULT_TEMPERATURE_LIMIT_C,
        DEFAULT_SILENCE_CHECK_INTERVAL);
  }

  /**
   * These settings with the thresholds the runtime configuration sets. A null field keeps the
   * environment's value, and so does a value out of the range the environment variable accepts (see
   * {@code streams.PowerEventProperties}): the api validates it, but a bad record must not stop the
   * rules.
   *
   * @param runtime the runtime configuration, null when there is none
   */
  public PowerEventSettings withRuntime(RuntimeConfig runtime) {
    if (runtime == null) {
      return this;
    }
    return new PowerEventSettings(
        readings,
        events,
        config,
        within(runtime.shutdownBatteryFloorPct(), 0, 100, shutdownBatteryFloorPct),
        runtime.deviceOfflineMissedPolls() != null
                && runtime.deviceOfflineMissedPolls() >= 1
                && runtime.deviceOfflineMissedPolls() <= 1000
            ? runtime.deviceOfflineMissedPolls()
            : deviceOfflineMissedPolls,
        defaultBatteryLowPct,
        runtime.loadLimitPct() != null && runtime.loadLimitPct() > 0
            ? within(runtime.loadLimitPct(), 0, 200, loadLimitPct)
            : loadLimitPct,
        within(runtime.temperatureLimitC(), -60, 150, temperatureLimitC),
        silenceCheckInterval);
  }

  private static double within(Double value, double min, double max, double fallback) {
    return value != null && value >= min && value <= max ? value : fallback;
  }
}
