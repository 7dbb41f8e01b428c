package dev.argus.llm.vision;

import dev.argus.llm.client.ProviderType;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Ollama's {@code /api/chat} with {@code stream: false} and the message's {@code images}. */
record OllamaVisionWire() implements VisionWire {

  @Override
  public String body(
      ProviderType type, String model, String prompt, List<String> base64Jpegs, int maxTokens) {
    ObjectNode body = JSON.createObjectNode().put("model", model).put("stream", false);
    ObjectNode message =
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
    ArrayNode images = message.putArray("images");
    base64Jpegs.forEach(images::add);
    body.putObject("options").put("num_predict", maxTokens);
    return JSON.writeValueAsString(body);
  }

  @Override
  public WireAnswer read(JsonNode answer) {
    Integer input = VisionWire.integer(answer.path("prompt_eval_count"));
    Integer output = VisionWire.integer(answer.path("eval_count"));
    String error = VisionWire.text(answer.path("error"));
    if (error != null) {
      return WireAnswer.without(error, input, output);
    }
    return WireAnswer.of(VisionWire.text(answer.path("message").path("content")), input, output);
  }
}
