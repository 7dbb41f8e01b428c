package dev.argus.llm.vision;

import dev.argus.llm.client.ProviderType;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Messages API with {@code image} blocks of base64 source, the images before the text as
 * Anthropic's vision guide advises; the answer's {@code text} blocks joined.
 */
record AnthropicVisionWire() implements VisionWire {

  @Override
  public String body(
      ProviderType type, String model, String prompt, List<String> base64Jpegs, int maxTokens) {
    ObjectNode body = JSON.createObjectNode().put("model", model).put("max_tokens", maxTokens);
    ArrayNode content =
        body.putArray("messages").addObject().put("role", "user").putArray("content");
    for (String jpeg : base64Jpegs) {
      content
          .addObject()
          .put("type", "image")
          .putObject("source")
          .put("type", "base64")
          .put("media_type", "image/jpeg")
          .put("data", jpeg);
    }
    content.addObject().put("type", "text").put("text", prompt);
    return JSON.writeValueAsString(body);
  }

  @Override
  public WireAnswer read(JsonNode answer) {
    JsonNode usage = answer.path("usage");
    Integer input = VisionWire.integer(usage.path("input_tokens"));
    Integer output = VisionWire.integer(usage.path("output_tokens"));
    if (!answer.path("content").isArray()) {
      return WireAnswer.without("the answer has no content blocks", input, output);
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode block : answer.path("content")) {
      if ("text".equals(VisionWire.text(block.path("type")))) {
        String piece = VisionWire.text(block.path("text"));
        text.append(piece == null ? "" : piece);
      }
    }
    return WireAnswer.of(text.toString(), input, output);
  }
}
