package dev.argus.api.ai;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Iterator;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

/** The body of {@code POST /api/v1/events/{id}/reanalyse}; both fields optional. */
@Schema(name = "EventReanalyseRequest")
record ReanalyseRequest(
    @Schema(nullable = true, description = "An llm_models id to use instead of the chain")
        @JsonProperty("provider_model_id")
        String providerModelId,
    @Schema(nullable = true, description = "Instead of the camera's or the default prompt")
        @JsonProperty("prompt")
        String prompt) {

  private static final Set<String> FIELDS = Set.of("provider_model_id", "prompt");

  static ReanalyseRequest of(JsonNode body) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      return new ReanalyseRequest(null, null);
    }
    if (!body.isObject()) {
      throw invalid("the body must be a JSON object (provider_model_id, prompt) or empty");
    }
    for (Iterator<String> names = body.propertyNames().iterator(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw invalid("unknown field " + name + "; send provider_model_id and prompt");
      }
    }
    return new ReanalyseRequest(text(body, "provider_model_id"), text(body, "prompt"));
  }

  UUID modelId() {
    return RequestFields.uuid(providerModelId, "provider_model_id");
  }

  String promptOverride() {
    return RequestFields.optionalText(prompt, "prompt");
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw invalid(field + " must be a string");
    }
    return value.asString();
  }

  private static ResponseStatusException invalid(String detail) {
    return new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, detail);
  }
}
