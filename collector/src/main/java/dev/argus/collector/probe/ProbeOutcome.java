package dev.argus.collector.probe;

import java.time.Instant;

/**
 * What one check of a target found, before it becomes a {@code ProbeResult} with the target's
 * identity and the collector's.
 *
 * @param responseTimeMillis time to the answer or to the failure; null if not measured
 * @param statusCode http: the response status, else null
 * @param error why the check failed; null when up
 * @param certExpiresAt https: when the server certificate expires, else null
 */
public record ProbeOutcome(
    boolean up,
    Double responseTimeMillis,
    Integer statusCode,
    String error,
    Instant certExpiresAt) {

  public ProbeOutcome {
    if (!up && (error == null || error.isBlank())) {
      throw new IllegalArgumentException("a failed check needs an error saying why");
    }
    if (up && error != null) {
      throw new IllegalArgumentException("a passed check has no error");
    }
  }

  public static ProbeOutcome up(double responseTimeMillis) {
    return new ProbeOutcome(true, responseTimeMillis, null, null, null);
  }

  public static ProbeOutcome down(Double responseTimeMillis, String error) {
    return new ProbeOutcome(false, responseTimeMillis, null, error, null);
  }

  /** Milliseconds since {@code startNanos} (a {@link System#nanoTime()} reading). */
  static double millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000.0;
  }
}
