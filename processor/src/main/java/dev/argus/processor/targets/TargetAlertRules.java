package dev.argus.processor.targets;

import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.events.TargetEventType;
import dev.argus.contract.probe.ProbeResult;
import dev.argus.contract.probe.TargetStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The uptime-target streak rules as a pure function: (previous state, probe result) to (new state,
 * status, events). No Kafka, no clock: time is the results' own.
 *
 * <ul>
 *   <li>A failed check extends the streak (or starts one); a passed check ends it.
 *   <li>{@code threshold_reached} when the failures in a row reach the result's {@code
 *       failure_threshold}, once per streak. The threshold travels with each result, so one lowered
 *       while the target fails fires on the next failed result.
 *   <li>{@code recovered} when a target that was alerting passes a check.
 *   <li>{@code alert_repeat} on a failed check while alerting, when the streak is not acknowledged
 *       ({@code acknowledged_at} null or before the streak began) and the repeat interval has
 *       passed since the last alert. The interval is the result's {@code alert_repeat_minutes}, the
 *       settings' default when that is null; zero means never.
 *   <li>A result not newer than the last one applied is ignored (a duplicate or a late result), so
 *       it can neither count a failure twice nor reopen a streak that is over.
 * </ul>
 */
public final class TargetAlertRules {

  private static final Logger log = LoggerFactory.getLogger(TargetAlertRules.class);
  private static final String UP = "up";
  private static final String DOWN = "down";

  private final Duration defaultAlertRepeat;

  public TargetAlertRules(TargetAlertSettings settings) {
    this.defaultAlertRepeat = settings.defaultAlertRepeat();
  }

  /**
   * Applies one result.
   *
   * @param previous the target's state, null for a target never seen
   * @return nothing when the result is ignored
   */
  public Optional<TargetOutcome> onResult(TargetState previous, ProbeResult result) {
    Instant at = result.timestamp();
    if (previous != null && !at.isAfter(previous.lastCheckedAt())) {
      log.debug(
          "Ignoring result of target {} at {}: not newer than {}",
          result.targetId(),
          at,
          previous.lastCheckedAt());
      return Optional.empty();
    }
    TargetState before = previous != null ? previous : new TargetState(null, 0, null, false, null);
    if (result.up()) {
      return Optional.of(onSuccess(before, result));
    }
    return Optional.of(onFailure(before, result));
  }

  private TargetOutcome onSuccess(TargetState before, ProbeResult result) {
    List<DerivedEvent> events = List.of();
    if (before.alerting()) {
      Map<String, Object> metadata = metadata(result, before.consecutiveFailures());
      metadata.put("down_seconds", secondsBetween(before.streakStartedAt(), result.timestamp()));
      events = List.of(event(result, TargetEventType.RECOVERED, metadata));
    }
    var state = new TargetState(result.timestamp(), 0, null, false, null);
    return new TargetOutcome(state, status(result, state), events);
  }

  private TargetOutcome onFailure(TargetState before, ProbeResult result) {
    Instant at = result.timestamp();
    int failures = before.consecutiveFailures() + 1;
    Instant streakStartedAt = before.consecutiveFailures() == 0 ? at : before.streakStartedAt();
    boolean alerting = before.alerting();
    Instant lastAlertAt = before.lastAlertAt();
    List<DerivedEvent> events = List.of();
    if (!alerting && failures >= result.failureThreshold()) {
      events =
          List.of(event(result, TargetEventType.THRESHOLD_REACHED, metadata(result, failures)));
      alerting = true;
      lastAlertAt = at;
    } else if (alerting
        && !acknowledged(result, streakStartedAt)
        && repeatDue(result, lastAlertAt)) {
      events = List.of(event(result, TargetEventType.ALERT_REPEAT, metadata(result, failures)));
      lastAlertAt = at;
    }
    var state = new TargetState(at, failures, streakStartedAt, alerting, lastAlertAt);
    return new TargetOutcome(state, status(result, state), events);
  }

  /** An acknowledgement silences the streak it was given in, not the ones after it. */
  private static boolean acknowledged(ProbeResult result, Instant streakStartedAt) {
    Instant acknowledgedAt = result.acknowledgedAt();
    return acknowledgedAt != null && !acknowledgedAt.isBefore(streakStartedAt);
  }

  private boolean repeatDue(ProbeResult result, Instant lastAlertAt) {
    Duration interval =
        result.alertRepeatMinutes() != null
            ? Duration.ofMinutes(Math.max(0, result.alertRepeatMinutes()))
            : defaultAlertRepeat;
    if (interval.isZero() || lastAlertAt == null) {
      return false;
    }
    return !result.timestamp().isBefore(lastAlertAt.plus(interval));
  }

  private static TargetStatus status(ProbeResult result, TargetState state) {
    return new TargetStatus(
        result.targetId(),
        result.targetName(),
        result.up() ? UP : DOWN,
        state.consecutiveFailures(),
        result.failureThreshold(),
        state.alerting(),
        state.streakStartedAt(),
        result.timestamp(),
        result.responseTimeMillis(),
        result.statusCode(),
        result.error(),
        result.certExpiresAt());
  }

  private static Map<String, Object> metadata(ProbeResult result, int failures) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("target_name", result.targetName());
    metadata.put("failures", failures);
    metadata.put("threshold", result.failureThreshold());
    metadata.put("error", result.error());
    metadata.put("response_time_ms", result.responseTimeMillis());
    return metadata;
  }

  private static DerivedEvent event(
      ProbeResult result, TargetEventType type, Map<String, Object> metadata) {
    return DerivedEvent.target(result.targetId(), type, result.timestamp(), metadata);
  }

  private static Long secondsBetween(Instant from, Instant to) {
    return from == null ? null : Math.max(0, Duration.between(from, to).toSeconds());
  }
}
