package dev.argus.processor.streams;

import dev.argus.contract.Topics;
import dev.argus.processor.energy.EnergySettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How energy is integrated. An unset or empty variable means the default; a value out of range
 * stops the service at start-up with a message naming the variable.
 *
 * @param maxGap {@code ENERGY_MAX_GAP}, 1 s..24 h (default 15 min): longer intervals between two
 *     readings with power are not integrated
 * @param emitInterval {@code ENERGY_EMIT_INTERVAL}, 0..1 h (default 10 s): how often a device's
 *     running total is published at most; the sink then writes a device's energy rows once per
 *     interval rather than once per reading
 */
@ConfigurationProperties("argus.energy")
public record EnergyProperties(Duration maxGap, Duration emitInterval) {

  public EnergyProperties {
    maxGap = maxGap != null ? maxGap : EnergySettings.DEFAULT_MAX_GAP;
    emitInterval = emitInterval != null ? emitInterval : Duration.ofSeconds(10);
    if (emitInterval.isNegative() || emitInterval.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException(
          "ENERGY_EMIT_INTERVAL must be between 0s and 1h (e.g. 10s), was " + emitInterval);
    }
    if (maxGap.compareTo(Duration.ofSeconds(1)) < 0
        || maxGap.compareTo(EnergySettings.LONGEST_MAX_GAP) > 0) {
      throw new IllegalArgumentException(
          "ENERGY_MAX_GAP must be between 1s and 24h (e.g. 15m), was " + maxGap);
    }
  }

  public EnergySettings toSettings() {
    return new EnergySettings(Topics.READINGS_POWER, Topics.ENERGY, maxGap, emitInterval);
  }
}
