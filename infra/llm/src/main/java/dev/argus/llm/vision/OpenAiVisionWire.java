package dev.argus.llm.vision;

import dev.argus.llm.client.ProviderType;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chat completions with {@code image_url} content parts holding data URLs, as OpenAI, xAI, Azure
 * and the OpenAI-compatible servers (vLLM, llama.cpp, LM Studio, Groq, ...) take them. Azure names
 * the model in the path (its deployment), so the body leaves it out.
 */
record OpenAiVisionWire(boolean azure) implements VisionWire {

  @Override
  public String body(
      ProviderType type, String model, String prompt, List<String> base64Jpegs, int maxTokens) {
    ObjectNode body = JSON.createObjectNode();
    if (!azure) {
      body.put("model", model);
    }
    ArrayNode content =
        body.putArray("messages").addObject().put("role", "user").putArray("content");
    content.addObject().put("type", "text").put("text", prompt);
    for (String jpeg : base64Jpegs) {
      content
          .addObject()
          .put("type", "image_url")
          .putObject("image_url")
          .put("url", "data:image/jpeg;base64," + jpeg);
    }
    body.put(type.sendsMaxCompletionTokens() ? "max_completion_tokens" : "max_tokens", maxTokens);
    return JSON.writeValueAsString(body);
  }

  @Override
  public WireAnswer read(JsonNode answer) {
    JsonNode usage = answer.path("usage");
    Integer input = VisionWire.integer(usage.path("prompt_tokens"));
    Integer output = VisionWire.integer(usage.path("completion_tokens"));
    JsonNode message = answer.path("choices").path(0).path("message");
    if (message.isMissingNode()) {
      return WireAnswer.without("the answer has no choices[0].message", input, output);
    }
    JsonNode content = message.path("content");
    String text = VisionWire.text(content);
    if (content.isArray()) {
      // Some compatible servers answer with content parts, as requests send them.
      StringBuilder joined = new StringBuilder();
      for (JsonNode part : content) {
        String piece = VisionWire.text(part.path("text"));
        joined.append(piece == null ? "" : piece);
      }
      text = joined.toString();
    }
    String refusal = VisionWire.text(message.path("refusal"));
    if ((text == null || text.isBlank()) && refusal != null) {
      return WireAnswer.without("the model refused: " + refusal, input, output);
    }
    return WireAnswer.of(text, input, output);
  }
}
