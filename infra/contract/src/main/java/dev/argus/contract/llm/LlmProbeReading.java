package dev.argus.contract.llm;

import dev.argus.contract.WireIds;
import java.time.Instant;

/**
 * One streamed request to one model, as measured by a collector: a monitoring probe on {@code
 * argus.readings.llm} (key: model UUID), or a benchmark request inside a {@link BenchmarkEvent}.
 * Every request is published, failed or not. Times are milliseconds from a monotonic clock,
 * measured as {@code infra/llm} defines them (TTFT to the first generated token of any kind, TTFO
 * to the first answer text, latency to the last token, TPOT per output token after the first).
 *
 * <p>The thresholds travel with each reading, as the collector knew them, so that the processor
 * judges {@code up}/{@code degraded}/{@code down} from this topic alone.
 *
 * @param readingId unique per request; the sink's idempotency key
 * @param runId the monitoring run or benchmark it belongs to
 * @param modelId the model's UUID in Argus
 * @param modelName the provider's model id (what {@code model_unavailable_everywhere} matches)
 * @param iteration benchmark: the measured request's number from 1; null for a monitoring probe
 * @param success the request completed without an error
 * @param error the provider's own error, a timeout or a cut stream; null on success
 * @param outputChars characters of answer text (reasoning excluded): 0 means it answered nothing
 * @param tps output tokens per second of decoding: output tokens / (latency − TTFT)
 * @param tokenSource {@code usage} when counts come from the provider, {@code chunks} otherwise
 * @param truncated cut short: the token budget ran out or the stream ended early
 */
public record LlmProbeReading(
    int schemaVersion,
    String readingId,
    String runId,
    String modelId,
    String modelName,
    String displayName,
    String providerId,
    String providerType,
    String collectorId,
    Instant timestamp,
    Integer iteration,
    boolean success,
    String error,
    Integer httpStatus,
    Double ttftMs,
    Double ttfoMs,
    Double latencyMs,
    Double tpotMs,
    Double tps,
    Integer outputTokens,
    Integer inputTokens,
    Integer reasoningTokens,
    String tokenSource,
    int outputChars,
    boolean truncated,
    String finishReason,
    int ttftThresholdMs,
    int latencyThresholdMs) {

  public static final int SCHEMA_VERSION = 1;

  public LlmProbeReading {
    if (readingId == null || readingId.isBlank()) {
      throw new IllegalArgumentException("reading_id is required");
    }
    if (modelId == null || modelId.isBlank()) {
      throw new IllegalArgumentException("model_id is required");
    }
    if (timestamp == null) {
      throw new IllegalArgumentException("timestamp is required");
    }
    WireIds.requireStorable("reading_id", readingId);
    WireIds.requireStorable("model_id", modelId);
  }

  /**
   * {@code down} on an error or an answer with no text; {@code degraded} when it answered but over
   * a latency threshold or cut short; else {@code up}.
   */
  public LlmStatus status() {
    if (!success || outputChars == 0) {
      return LlmStatus.DOWN;
    }
    boolean slow =
        (ttftMs != null && ttftMs > ttftThresholdMs)
            || (latencyMs != null && latencyMs > latencyThresholdMs);
    return slow || truncated ? LlmStatus.DEGRADED : LlmStatus.UP;
  }
}
