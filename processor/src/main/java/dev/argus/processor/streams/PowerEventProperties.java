package dev.argus.processor.streams;

import dev.argus.contract.Topics;
import dev.argus.processor.power.PowerEventSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The power rules' thresholds, from the environment variables the seed documents. An unset or empty
 * variable means the seed's default; a value out of range stops the service at start-up with a
 * message naming the variable.
 *
 * @param shutdownBatteryFloorPct {@code SHUTDOWN_BATTERY_FLOOR_PCT}, 0..100
 * @param deviceOfflineMissedPolls {@code DEVICE_OFFLINE_MISSED_POLLS}, 1..1000
 * @param batteryLowDefaultPct {@code BATTERY_LOW_DEFAULT_PCT}, 0..100
 * @param loadLimitPct {@code LOAD_LIMIT_PCT}, above 0 and at most 200
 * @param temperatureLimitC {@code TEMPERATURE_LIMIT_C}, -60..150
 * @param silenceCheckInterval {@code ARGUS_SILENCE_CHECK_INTERVAL}, 1 s..1 h
 */
@ConfigurationProperties("argus.power-events")
public record PowerEventProperties(
    Double shutdownBatteryFloorPct,
    Integer deviceOfflineMissedPolls,
    Double batteryLowDefaultPct,
    Double loadLimitPct,
    Double temperatureLimitC,
    Duration silenceCheckInterval) {

  public PowerEventProperties {
    shutdownBatteryFloorPct =
        orDefault(shutdownBatteryFloorPct, PowerEventSettings.DEFAULT_SHUTDOWN_BATTERY_FLOOR_PCT);
    deviceOfflineMissedPolls =
        deviceOfflineMissedPolls != null
            ? deviceOfflineMissedPolls
            : PowerEventSettings.DEFAULT_DEVICE_OFFLINE_MISSED_POLLS;
    batteryLowDefaultPct =
        orDefault(batteryLowDefaultPct, PowerEventSettings.DEFAULT_BATTERY_LOW_PCT);
    loadLimitPct = orDefault(loadLimitPct, PowerEventSettings.DEFAULT_LOAD_LIMIT_PCT);
    temperatureLimitC =
        orDefault(temperatureLimitC, PowerEventSettings.DEFAULT_TEMPERATURE_LIMIT_C);
    silenceCheckInterval =
        silenceCheckInterval != null
            ? silenceCheckInterval
            : PowerEventSettings.DEFAULT_SILENCE_CHECK_INTERVAL;

    requireBetween("SHUTDOWN_BATTERY_FLOOR_PCT", shutdownBatteryFloorPct, 0, 100);
    requireBetween("BATTERY_LOW_DEFAULT_PCT", batteryLowDefaultPct, 0, 100);
    requireBetween("TEMPERATURE_LIMIT_C", temperatureLimitC, -60, 150);
    if (!(loadLimitPct > 0 && loadLimitPct <= 200)) {
      throw new IllegalArgumentException(
          "LOAD_LIMIT_PCT must be above 0 and at most 200, was " + loadLimitPct);
    }
    if (deviceOfflineMissedPolls < 1 || deviceOfflineMissedPolls > 1000) {
      throw new IllegalArgumentException(
          "DEVICE_OFFLINE_MISSED_POLLS must be between 1 and 1000, was "
              + deviceOfflineMissedPolls);
    }
    if (silenceCheckInterval.compareTo(Duration.ofSeconds(1)) < 0
        || silenceCheckInterval.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException(
          "ARGUS_SILENCE_CHECK_INTERVAL must be between 1s and 1h, was " + silenceCheckInterval);
    }
  }

  public PowerEventSettings toSettings() {
    return new PowerEventSettings(
        Topics.READINGS_POWER,
        Topics.EVENTS,
        Topics.CONFIG,
        shutdownBatteryFloorPct,
        deviceOfflineMissedPolls,
        batteryLowDefaultPct,
        loadLimitPct,
        temperatureLimitC,
        silenceCheckInterval);
  }

  private static Double orDefault(Double value, double fallback) {
    return value != null ? value : fallback;
  }

  private static void requireBetween(String variable, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          variable + " must be between " + min + " and " + max + ", was " + value);
    }
  }
}
