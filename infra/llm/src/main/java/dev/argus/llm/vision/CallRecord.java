package dev.argus.llm.vision;

/**
 * One call to a provider, successful or not, for the usage log and the cost caps.
 *
 * @param costUsd null when the call failed or the model has no price
 * @param error null when it succeeded
 */
public record CallRecord(
    String providerId,
    String provider,
    String model,
    boolean success,
    Integer inputTokens,
    Integer outputTokens,
    Double costUsd,
    long latencyMs,
    String error) {}
