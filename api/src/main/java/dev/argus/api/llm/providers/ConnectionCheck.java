package dev.argus.api.llm.providers;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.argus.llm.client.ConnectionTest;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import java.util.Objects;

/**
 * The answer of a connection test: {@code success: false} with the provider's own error when it
 * failed (refused, timed out, 401, no models listed, the probe failed), never an HTTP error.
 */
@Schema(name = "ConnectionTest")
record ConnectionCheck(
    @JsonProperty("success") boolean success,
    @JsonProperty("message") String message,
    @JsonProperty("details") Details details) {

  static ConnectionCheck of(ConnectionTest test) {
    return new ConnectionCheck(test.success(), test.message(), Details.of(test.details()));
  }

  /** A test that could not start: the stored provider cannot be reached as it is. */
  static ConnectionCheck notStarted(String message) {
    return new ConnectionCheck(
        false, message, new Details(0.0, 0, null, null, null, null, null, null, null, message));
  }

  /**
   * What the test measured.
   *
   * @param latencyMs the probe's end-to-end latency, or the time until the failure
   * @param modelsFound how many models the provider listed (every page)
   * @param modelTested the listed model the probe tried (never a hard-coded id)
   */
  @Schema(name = "ConnectionTestDetails")
  record Details(
      @JsonProperty("latency_ms") double latencyMs,
      @JsonProperty("models_found") int modelsFound,
      @Schema(nullable = true) @JsonProperty("model_tested") String modelTested,
      @Schema(nullable = true, description = "Time to read the model list") @JsonProperty("list_ms")
          Double listMs,
      @Schema(nullable = true, description = "Time to the probe's first token")
          @JsonProperty("ttft_ms")
          Double ttftMs,
      @Schema(nullable = true, description = "The provider's HTTP status, when it answered")
          @JsonProperty("http_status")
          Integer httpStatus,
      @Schema(nullable = true) @JsonProperty("output_tokens") Integer outputTokens,
      @Schema(nullable = true, description = "usage or chunks") @JsonProperty("token_source")
          String tokenSource,
      @Schema(nullable = true) @JsonProperty("finish_reason") String finishReason,
      @Schema(nullable = true, description = "The provider's own error, on a failed probe")
          @JsonProperty("error")
          String error) {

    static Details of(Map<String, Object> details) {
      return new Details(
          Objects.requireNonNullElse(number(details.get("latency_ms")), 0.0),
          details.get("models_found") instanceof Number n ? n.intValue() : 0,
          text(details.get("model_tested")),
          number(details.get("list_ms")),
          number(details.get("ttft_ms")),
          whole(details.get("http_status")),
          whole(details.get("output_tokens")),
          text(details.get("token_source")),
          text(details.get("finish_reason")),
          text(details.get("error")));
    }

    private static Double number(Object value) {
      return value instanceof Number n ? n.doubleValue() : null;
    }

    private static Integer whole(Object value) {
      return value instanceof Number n ? n.intValue() : null;
    }

    private static String text(Object value) {
      return value == null ? null : value.toString();
    }
  }
}
