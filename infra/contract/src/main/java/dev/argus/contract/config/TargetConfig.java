package dev.argus.contract.config;

import java.time.Instant;
import java.util.List;

/**
 * An uptime target as managed through {@code /api/v1/targets}, published under {@link
 * ConfigKeys#target}. Collectors probe it; the probe results carry the threshold and the
 * acknowledgement time so that the processor needs no other view of the configuration.
 *
 * @param type {@code http}, {@code https}, {@code tcp}, {@code ping} or {@code dns}
 * @param address URL for http/https, {@code host:port} for tcp, host for ping and dns
 * @param checkIntervalSeconds 10-3600, default 60
 * @param failureThreshold 1-10, default 3
 * @param expectedStatusCodes http: accepted status codes; empty means 200-399
 * @param keyword http: the body must contain it, when set
 * @param followRedirects http: follow redirects (default true)
 * @param verifyTls https: verify the certificate chain and host name (default true)
 * @param certExpiryWarningDays https: a certificate expiring sooner than this fails the check
 * @param dnsRecordType dns: A, AAAA, CNAME, MX, TXT, NS (default A)
 * @param dnsExpected dns: a value the answer must contain, when set
 * @param timeoutSeconds per-check timeout (default 10)
 * @param alertRepeatMinutes how often {@code alert_repeat} repeats while down; null for the
 *     processor's default, 0 for never
 * @param acknowledgedAt when an operator acknowledged the current failure; silences the target
 *     until it recovers
 * @param collectorId the collector that probes this target; null lets every collector that accepts
 *     unassigned targets probe it (and a record written before the field existed reads as null)
 */
public record TargetConfig(
    long id,
    String name,
    String type,
    String address,
    int checkIntervalSeconds,
    int failureThreshold,
    boolean enabled,
    String site,
    List<Integer> expectedStatusCodes,
    String keyword,
    Boolean followRedirects,
    Boolean verifyTls,
    Integer certExpiryWarningDays,
    String dnsRecordType,
    String dnsExpected,
    Integer timeoutSeconds,
    Integer alertRepeatMinutes,
    Instant acknowledgedAt,
    String collectorId) {

  public static final int DEFAULT_INTERVAL_SECONDS = 60;
  public static final int DEFAULT_FAILURE_THRESHOLD = 3;

  public TargetConfig {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name is required");
    }
    expectedStatusCodes =
        expectedStatusCodes == null ? List.of() : List.copyOf(expectedStatusCodes);
  }
}
