package dev.argus.contract.config;

import java.util.List;

/**
 * Runtime settings edited through {@code GET/PUT /api/config}, published under {@link
 * ConfigKeys#RUNTIME}. Collectors apply the polling fields and the processor the thresholds, on
 * their next cycle and without a restart. A null threshold means "the service's own default" (from
 * its environment), so an unset field never overrides an operator's deployment setting.
 *
 * @param pollIntervalMinutes 1-10080
 * @param enabledExporters e.g. {@code postgres}, {@code energy}, {@code prometheus}
 * @param scanningDisabled true stops discovery of the UPSes served by {@code nutHost}
 * @param schedulerPaused true stops scheduled polls (a manual trigger still polls)
 * @param nutPassword never returned by the api; carried here for the collectors only
 */
public record RuntimeConfig(
    int pollIntervalMinutes,
    List<String> enabledExporters,
    boolean scanningDisabled,
    boolean schedulerPaused,
    String nutHost,
    Integer nutPort,
    String nutUsername,
    String nutPassword,
    Integer deviceOfflineMissedPolls,
    Double shutdownBatteryFloorPct,
    Double loadLimitPct,
    Double temperatureLimitC) {

  public static final int MIN_POLL_INTERVAL_MINUTES = 1;
  public static final int MAX_POLL_INTERVAL_MINUTES = 10_080;

  public RuntimeConfig {
    if (pollIntervalMinutes < MIN_POLL_INTERVAL_MINUTES
        || pollIntervalMinutes > MAX_POLL_INTERVAL_MINUTES) {
      throw new IllegalArgumentException(
          "poll_interval_minutes must be between 1 and 10080, was " + pollIntervalMinutes);
    }
    enabledExporters = enabledExporters == null ? List.of() : List.copyOf(enabledExporters);
  }

  /** What a fresh installation starts with (the seed's defaults). */
  public static RuntimeConfig defaults() {
    return new RuntimeConfig(
        5,
        List.of("postgres", "energy"),
        false,
        false,
        null,
        3493,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** The same settings with another {@code nut_password} (its encrypted or decrypted form). */
  public RuntimeConfig withNutPassword(String password) {
    return new RuntimeConfig(
        pollIntervalMinutes,
        enabledExporters,
        scanningDisabled,
        schedulerPaused,
        nutHost,
        nutPort,
        nutUsername,
        password,
        deviceOfflineMissedPolls,
        shutdownBatteryFloorPct,
        loadLimitPct,
        temperatureLimitC);
  }

  public boolean exporterEnabled(String exporter) {
    return enabledExporters.contains(exporter);
  }
}
