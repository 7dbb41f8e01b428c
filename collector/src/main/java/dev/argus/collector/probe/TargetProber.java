package dev.argus.collector.probe;

import dev.argus.contract.config.TargetConfig;
import dev.argus.contract.probe.ProbeResult;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks one target with the probe of its type and turns what it found into the {@link ProbeResult}
 * to publish, carrying the target's name, type, threshold, repeat interval and acknowledgement as
 * they were when it was probed. Never throws: a probe that throws, an unknown type or a bad address
 * is a down result with the reason as its error.
 */
public final class TargetProber {

  private static final Logger log = LoggerFactory.getLogger(TargetProber.class);

  private final Map<String, Probe> probes;
  private final String collectorId;
  private final Duration defaultTimeout;
  private final Clock clock;

  TargetProber(
      Map<String, Probe> probes, String collectorId, Duration defaultTimeout, Clock clock) {
    this.probes = Map.copyOf(probes);
    this.collectorId = collectorId;
    this.defaultTimeout = defaultTimeout;
    this.clock = clock;
  }

  /**
   * The probes of every type: the JDK's trust store for TLS, {@code ping} from the PATH, the
   * system's DNS servers.
   */
  public static TargetProber create(ProbeSettings settings, String collectorId, Clock clock) {
    SSLContext verifying;
    try {
      verifying = SSLContext.getDefault();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JDK offers no default TLS context", e);
    }
    var http = new HttpProbe(verifying, settings.maxBodyBytes(), clock);
    return new TargetProber(
        Map.of(
            "http", http,
            "https", http,
            "tcp", new TcpProbe(),
            "ping", new PingProbe("ping"),
            "dns", new DnsProbe("dns:")),
        collectorId,
        settings.defaultTimeout(),
        clock);
  }

  public ProbeResult probe(TargetConfig target) throws InterruptedException {
    var timestamp = clock.instant();
    long start = System.nanoTime();
    ProbeOutcome outcome;
    String type = target.type() == null ? "" : target.type().trim().toLowerCase(Locale.ROOT);
    Probe probe = probes.get(type);
    if (probe == null) {
      outcome =
          ProbeOutcome.down(
              null,
              "unknown target type '" + target.type() + "' (known: http, https, tcp, ping, dns)");
    } else {
      try {
        outcome = probe.check(target, timeout(target));
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        if (!(e instanceof IllegalArgumentException)) {
          log.warn(
              "Target {} ({}): {} probe failed unexpectedly", target.id(), target.name(), type, e);
        }
        outcome =
            ProbeOutcome.down(
                ProbeOutcome.millisSince(start),
                e.getMessage() != null ? e.getMessage() : e.toString());
      }
    }
    return new ProbeResult(
        ProbeResult.SCHEMA_VERSION,
        target.id(),
        target.name(),
        target.type(),
        collectorId,
        timestamp,
        outcome.up(),
        outcome.responseTimeMillis(),
        outcome.statusCode(),
        outcome.error(),
        outcome.certExpiresAt(),
        // The api validates 1-10; a record from an older producer without it gets the default.
        target.failureThreshold() >= 1
            ? target.failureThreshold()
            : TargetConfig.DEFAULT_FAILURE_THRESHOLD,
        target.alertRepeatMinutes(),
        target.acknowledgedAt());
  }

  private Duration timeout(TargetConfig target) {
    Integer seconds = target.timeoutSeconds();
    return seconds == null || seconds <= 0 ? defaultTimeout : Duration.ofSeconds(seconds);
  }
}
