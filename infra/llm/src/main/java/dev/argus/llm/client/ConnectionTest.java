package dev.argus.llm.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The answer of {@code POST /providers/test-connection} and {@code /providers/{id}/test}. A failure
 * is {@code success: false} with the provider's own error in {@code message}.
 *
 * @param details {@code latency_ms} (the probe's end-to-end latency, or the time to the failure),
 *     {@code models_found}, {@code model_tested}, {@code list_ms}, and when a probe ran {@code
 *     ttft_ms}, {@code output_tokens}, {@code token_source}, {@code http_status}
 */
public record ConnectionTest(
    @JsonProperty("success") boolean success,
    @JsonProperty("message") String message,
    @JsonProperty("details") Map<String, Object> details) {}
