package dev.argus.api.ai;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Iterator;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

/** The body of {@code POST /api/v1/ai/refine-prompt}. */
@Schema(name = "AiRefinePromptRequest")
record RefinePromptRequest(
    @Schema(description = "The prompt to improve", requiredMode = Schema.RequiredMode.REQUIRED)
        @JsonProperty("prompt")
        String prompt,
    @Schema(
            description = "What is wrong with its descriptions",
            requiredMode = Schema.RequiredMode.REQUIRED)
        @JsonProperty("feedback")
        String feedback,
    @Schema(nullable = true, description = "An llm_models id to use instead of the chain")
        @JsonProperty("model_id")
        String modelId) {

  private static final Set<String> FIELDS = Set.of("prompt", "feedback", "model_id");

  static RefinePromptRequest of(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw invalid("the body must be a JSON object with prompt and feedback");
    }
    for (Iterator<String> names = body.propertyNames().iterator(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw invalid("unknown field " + name + "; send prompt, feedback and model_id");
      }
    }
    return new RefinePromptRequest(
        required(body, "prompt"), required(body, "feedback"), optional(body, "model_id"));
  }

  private static String required(JsonNode body, String field) {
    String value = RequestFields.optionalText(optional(body, field), field);
    if (value == null) {
      throw invalid(field + " is required and must not be blank");
    }
    return value;
  }

  private static String optional(JsonNode body, String field) {
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
