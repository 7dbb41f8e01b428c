package dev.argus.processor.targets;

import dev.argus.contract.Topic;
import dev.argus.contract.Topics;
import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.probe.ProbeResult;
import dev.argus.contract.probe.TargetStatus;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@link TargetAlertsTopology} needs to know: its topics and the repeat interval for targets
 * that do not set their own. Plain data, so the topology can be built and tested without Spring or
 * a broker; the service fills it from {@code streams.TargetAlertProperties}.
 *
 * @param defaultAlertRepeat how often {@code alert_repeat} repeats for a target whose {@code
 *     alert_repeat_minutes} is null; zero means never
 */
public record TargetAlertSettings(
    Topic<String, ProbeResult> results,
    Topic<String, TargetStatus> statuses,
    Topic<String, DerivedEvent> events,
    Duration defaultAlertRepeat) {

  public static final Duration DEFAULT_ALERT_REPEAT = Duration.ofMinutes(60);

  public TargetAlertSettings {
    Objects.requireNonNull(results, "results topic is required");
    Objects.requireNonNull(statuses, "statuses topic is required");
    Objects.requireNonNull(events, "events topic is required");
    if (defaultAlertRepeat == null || defaultAlertRepeat.isNegative()) {
      throw new IllegalArgumentException(
          "defaultAlertRepeat must be zero (never) or positive, was " + defaultAlertRepeat);
    }
  }

  /** The default repeat interval on the catalog's topics. */
  public static TargetAlertSettings defaults() {
    return new TargetAlertSettings(
        Topics.READINGS_PROBE, Topics.TARGET_STATUS, Topics.EVENTS, DEFAULT_ALERT_REPEAT);
  }
}
