package dev.argus.collector.llm;

import dev.argus.collector.llm.LlmFleet.Thresholds;
import dev.argus.contract.llm.LlmModelConfig;
import dev.argus.contract.llm.LlmProbeReading;
import dev.argus.llm.client.ProbeMeasurement;
import java.time.Clock;
import java.util.UUID;

/**
 * Makes {@link LlmProbeReading}s: from a measurement, or a failed one for a request that could not
 * be made (unknown model, unusable or missing provider). Each gets a fresh random {@code
 * reading_id}, the sink's idempotency key.
 */
final class ProbeReadings {

  private final String collectorId;
  private final Clock clock;

  ProbeReadings(String collectorId, Clock clock) {
    this.collectorId = collectorId;
    this.clock = clock;
  }

  /** What {@code measurement} of {@code model} found, with the thresholds of the time. */
  LlmProbeReading measured(
      String runId,
      Integer iteration,
      LlmModelConfig model,
      LlmProvider provider,
      Thresholds thresholds,
      ProbeMeasurement measurement) {
    return new LlmProbeReading(
        LlmProbeReading.SCHEMA_VERSION,
        UUID.randomUUID().toString(),
        runId,
        model.id(),
        model.modelId(),
        model.displayName(),
        provider.id(),
        provider.type(),
        collectorId,
        measurement.startedAt() != null ? measurement.startedAt() : clock.instant(),
        iteration,
        measurement.success(),
        measurement.error(),
        measurement.httpStatus(),
        measurement.ttftMs(),
        measurement.ttfoMs(),
        measurement.latencyMs(),
        measurement.tpotMs(),
        measurement.tps(),
        measurement.outputTokens(),
        measurement.inputTokens(),
        measurement.reasoningTokens(),
        measurement.tokenSource() == null ? null : measurement.tokenSource().id(),
        (int) Math.min(Integer.MAX_VALUE, measurement.outputChars()),
        measurement.truncated(),
        measurement.finishReason(),
        thresholds.ttftMs(),
        thresholds.latencyMs());
  }

  /**
   * A request that was not made, and why.
   *
   * @param modelUuid the model's UUID as the job named it
   * @param model the model, or null when {@code argus.config} does not know it
   * @param provider its provider, or null when unknown
   */
  LlmProbeReading notMade(
      String runId,
      Integer iteration,
      String modelUuid,
      LlmModelConfig model,
      LlmProvider provider,
      Thresholds thresholds,
      String error) {
    return new LlmProbeReading(
        LlmProbeReading.SCHEMA_VERSION,
        UUID.randomUUID().toString(),
        runId,
        modelUuid,
        model == null ? null : model.modelId(),
        model == null ? null : model.displayName(),
        provider != null ? provider.id() : model == null ? null : model.providerId(),
        provider == null ? null : provider.type(),
        collectorId,
        clock.instant(),
        iteration,
        false,
        error,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        0,
        false,
        null,
        thresholds.ttftMs(),
        thresholds.latencyMs());
  }
}
