package dev.argus.api.power;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of manual polls, bound from {@code argus.api.trigger.*}.
 *
 * @param timeout {@code ARGUS_API_TRIGGER_TIMEOUT}: a manual poll that no collector has completed
 *     after this long is marked expired, so a lost command cannot block manual polls for good
 */
@ConfigurationProperties("argus.api.trigger")
public record TriggerProperties(Duration timeout) {

  public TriggerProperties {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "argus.api.trigger.timeout (ARGUS_API_TRIGGER_TIMEOUT) must be a positive duration,"
              + " e.g. 10m; was "
              + timeout);
    }
  }
}
