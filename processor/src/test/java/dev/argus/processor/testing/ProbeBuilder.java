package dev.argus.processor.testing;

import dev.argus.contract.probe.ProbeResult;
import java.time.Instant;

/**
 * Builds probe results for tests: a passed HTTP check of target 1 with threshold 3 unless told
 * otherwise.
 *
 * <pre>{@code ProbeBuilder.target(7).at(t).down("timeout").threshold(2).build()}</pre>
 */
public final class ProbeBuilder {

  private final long targetId;
  private String targetName;
  private Instant timestamp = Instant.parse("2026-05-27T10:00:00Z");
  private boolean up = true;
  private Double responseTimeMillis = 42.0;
  private Integer statusCode = 200;
  private String error;
  private Instant certExpiresAt;
  private int failureThreshold = 3;
  private Integer alertRepeatMinutes;
  private Instant acknowledgedAt;
  private String collectorId = "collector-1";

  private ProbeBuilder(long targetId) {
    this.targetId = targetId;
    this.targetName = "Target " + targetId;
  }

  public static ProbeBuilder target(long targetId) {
    return new ProbeBuilder(targetId);
  }

  public ProbeBuilder named(String name) {
    this.targetName = name;
    return this;
  }

  public ProbeBuilder at(Instant timestamp) {
    this.timestamp = timestamp;
    return this;
  }

  /** A failed check: the error, no status code. */
  public ProbeBuilder down(String error) {
    this.up = false;
    this.error = error;
    this.statusCode = null;
    return this;
  }

  public ProbeBuilder statusCode(Integer statusCode) {
    this.statusCode = statusCode;
    return this;
  }

  public ProbeBuilder responseTime(Double millis) {
    this.responseTimeMillis = millis;
    return this;
  }

  public ProbeBuilder certExpiresAt(Instant instant) {
    this.certExpiresAt = instant;
    return this;
  }

  public ProbeBuilder threshold(int failureThreshold) {
    this.failureThreshold = failureThreshold;
    return this;
  }

  public ProbeBuilder repeatMinutes(Integer minutes) {
    this.alertRepeatMinutes = minutes;
    return this;
  }

  public ProbeBuilder acknowledgedAt(Instant instant) {
    this.acknowledgedAt = instant;
    return this;
  }

  public ProbeBuilder collector(String collectorId) {
    this.collectorId = collectorId;
    return this;
  }

  public ProbeResult build() {
    return new ProbeResult(
        ProbeResult.SCHEMA_VERSION,
        targetId,
        targetName,
        "http",
        collectorId,
        timestamp,
        up,
        responseTimeMillis,
        statusCode,
        error,
        certExpiresAt,
        failureThreshold,
        alertRepeatMinutes,
        acknowledgedAt);
  }

  /** Adjusts a builder, e.g. {@code b -> b.threshold(2)}. */
  @FunctionalInterface
  public interface Customizer {
    ProbeBuilder apply(ProbeBuilder builder);
  }
}
