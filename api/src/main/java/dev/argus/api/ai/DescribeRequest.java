package dev.argus.api.ai;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

/**
 * The JSON body of {@code POST /api/v1/ai/describe}: the image in base64 (a {@code data:} URL
 * prefix is allowed), an optional prompt and an optional llm_models id.
 */
@Schema(name = "AiDescribeRequest")
record DescribeRequest(
    @Schema(
            description = "The image (JPEG, PNG, GIF or BMP), base64",
            requiredMode = Schema.RequiredMode.REQUIRED)
        @JsonProperty("image_base64")
        String imageBase64,
    @Schema(nullable = true, description = "Instead of the default description prompt")
        @JsonProperty("prompt")
        String prompt,
    @Schema(nullable = true, description = "An llm_models id to use instead of the chain")
        @JsonProperty("model_id")
        String modelId) {

  private static final Set<String> FIELDS = Set.of("image_base64", "prompt", "model_id");

  static DescribeRequest of(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw invalid("the body must be a JSON object with image_base64");
    }
    for (Iterator<String> names = body.propertyNames().iterator(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw invalid("unknown field " + name + "; send image_base64, prompt and model_id");
      }
    }
    return new DescribeRequest(
        text(body, "image_base64", true),
        text(body, "prompt", false),
        text(body, "model_id", false));
  }

  /** The decoded image. */
  byte[] image() {
    String encoded = imageBase64;
    int comma = encoded.indexOf(',');
    if (encoded.startsWith("data:") && comma > 0) {
      encoded = encoded.substring(comma + 1);
    }
    try {
      return Base64.getMimeDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw invalid("image_base64 is not valid base64");
    }
  }

  private static String text(JsonNode body, String field, boolean required) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw invalid(field + " is required: the image, base64");
      }
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
