package dev.argus.contract.llm;

import java.time.Instant;

/**
 * A model's current state, derived by the processor from its probe readings and published to the
 * compacted {@code argus.llm.status} (key: model UUID).
 *
 * @param since when the model entered {@code status}
 * @param consecutiveFailures probes in a row that were {@code down}
 */
public record LlmModelStatus(
    String modelId,
    String modelName,
    String displayName,
    String providerId,
    String providerType,
    LlmStatus status,
    Instant since,
    Instant lastCheckedAt,
    int consecutiveFailures,
    Double ttftMs,
    Double latencyMs,
    String lastError) {}
