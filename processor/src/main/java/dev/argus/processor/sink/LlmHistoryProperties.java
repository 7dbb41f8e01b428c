package dev.argus.processor.sink;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long LLM probe history is kept. An unset or empty variable means the default; a value out of
 * range stops the service at start-up with a message naming the variable.
 *
 * @param historyRetention {@code ARGUS_LLM_HISTORY_RETENTION}, 0 (keep everything) or 1 hour to
 *     3650 days (default 90 days): rows of {@code llm_probe_results} older than this are deleted by
 *     the sink every {@link LlmProbeRetention#CHECK_INTERVAL}
 */
@ConfigurationProperties("argus.llm")
public record LlmHistoryProperties(Duration historyRetention) {

  public static final Duration DEFAULT_HISTORY_RETENTION = Duration.ofDays(90);
  static final Duration SHORTEST = Duration.ofHours(1);
  static final Duration LONGEST = Duration.ofDays(3650);

  public LlmHistoryProperties {
    historyRetention = historyRetention != null ? historyRetention : DEFAULT_HISTORY_RETENTION;
    if (!historyRetention.isZero()
        && (historyRetention.compareTo(SHORTEST) < 0 || historyRetention.compareTo(LONGEST) > 0)) {
      throw new IllegalArgumentException(
          "ARGUS_LLM_HISTORY_RETENTION must be 0 (keep everything) or between 1h and 3650d (e.g."
              + " 90d), was "
              + historyRetention);
    }
  }
}
