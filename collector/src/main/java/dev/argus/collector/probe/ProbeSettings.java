package dev.argus.collector.probe;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How uptime targets are probed ({@code argus.probe.*}), validated when bound.
 *
 * @param maxInFlight {@code ARGUS_PROBE_MAX_IN_FLIGHT}: probes running at once; more due probes
 *     wait for a free slot
 * @param defaultTimeout {@code ARGUS_PROBE_DEFAULT_TIMEOUT}: for targets without {@code
 *     timeout_seconds}
 * @param maxBodySize {@code ARGUS_PROBE_MAX_BODY_SIZE}: how much of an http response body is read
 *     for the keyword check
 */
@ConfigurationProperties("argus.probe")
public record ProbeSettings(Integer maxInFlight, Duration defaultTimeout, DataSize maxBodySize) {

  public ProbeSettings {
    maxInFlight = maxInFlight == null ? 256 : maxInFlight;
    defaultTimeout = defaultTimeout == null ? Duration.ofSeconds(10) : defaultTimeout;
    maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
    if (maxInFlight < 1 || maxInFlight > 100_000) {
      throw new IllegalArgumentException(
          "argus.probe.max-in-flight (ARGUS_PROBE_MAX_IN_FLIGHT) must be between 1 and 100000, was "
              + maxInFlight);
    }
    if (defaultTimeout.isNegative() || defaultTimeout.isZero()) {
      throw new IllegalArgumentException(
          "argus.probe.default-timeout (ARGUS_PROBE_DEFAULT_TIMEOUT) must be positive, was "
              + defaultTimeout);
    }
    if (maxBodySize.toBytes() < 1 || maxBodySize.toBytes() > DataSize.ofMegabytes(64).toBytes()) {
      throw new IllegalArgumentException(
          "argus.probe.max-body-size (ARGUS_PROBE_MAX_BODY_SIZE) must be between 1B and 64MB, was "
              + maxBodySize);
    }
  }

  public int maxBodyBytes() {
    return (int) maxBodySize.toBytes();
  }
}
