package dev.argus.llm.vision;

import java.time.Instant;

/**
 * A provider's state as the chain sees it.
 *
 * @param state {@code ok}, {@code failing} (its last call failed) or {@code circuit_open}
 * @param lastError the last failure's reason, null when none
 */
public record ProviderHealth(
    String providerId, String state, String lastError, Instant lastCallAt) {}
