package dev.argus.api.targets;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/alert-status}, exactly the alert seed's: {@code {"alert",
 * "failing_targets", "failing_count", "timestamp"}}, the timestamp with microseconds and a {@code
 * +00:00} offset as in the seed's examples.
 */
@JsonPropertyOrder({"alert", "failing_targets", "failing_count", "timestamp"})
record AlertStatus(
    @JsonProperty("alert") boolean alert,
    @JsonProperty("failing_targets") List<FailingTarget> failingTargets,
    @JsonProperty("failing_count") int failingCount,
    @JsonProperty("timestamp") String timestamp) {

  private static final DateTimeFormatter SEED_TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");

  static AlertStatus of(List<FailingTarget> failing, Instant now) {
    return new AlertStatus(
        !failing.isEmpty(),
        failing,
        failing.size(),
        SEED_TIMESTAMP.format(now.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC)));
  }

  /** A target at or past its failure threshold; {@code status} is always {@code down}. */
  @JsonPropertyOrder({"name", "status", "failures", "threshold"})
  record FailingTarget(
      @JsonProperty("name") String name,
      @JsonProperty("status") String status,
      @JsonProperty("failures") int failures,
      @JsonProperty("threshold") int threshold) {}
}
