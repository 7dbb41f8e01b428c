package dev.argus.processor.streams;

import dev.argus.contract.Topics;
import dev.argus.processor.targets.TargetAlertSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How uptime-target alerts repeat. An unset or empty variable means the default; a value out of
 * range stops the service at start-up with a message naming the variable.
 *
 * @param alertRepeat {@code ARGUS_TARGET_ALERT_REPEAT}, 0 (never) to 7 days (default 60 min): how
 *     often a target that is still down, unacknowledged and without its own {@code
 *     alert_repeat_minutes} raises {@code alert_repeat}
 */
@ConfigurationProperties("argus.targets")
public record TargetAlertProperties(Duration alertRepeat) {

  static final Duration LONGEST_ALERT_REPEAT = Duration.ofDays(7);

  public TargetAlertProperties {
    alertRepeat = alertRepeat != null ? alertRepeat : TargetAlertSettings.DEFAULT_ALERT_REPEAT;
    if (alertRepeat.isNegative() || alertRepeat.compareTo(LONGEST_ALERT_REPEAT) > 0) {
      throw new IllegalArgumentException(
          "ARGUS_TARGET_ALERT_REPEAT must be between 0 (never) and 7d (e.g. 60m), was "
              + alertRepeat);
    }
  }

  public TargetAlertSettings toSettings() {
    return new TargetAlertSettings(
        Topics.READINGS_PROBE, Topics.TARGET_STATUS, Topics.EVENTS, alertRepeat);
  }
}
