package dev.argus.llm.vision;

import dev.argus.llm.client.ProviderType;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code generateContent} with {@code inline_data} parts; the first candidate's text parts joined,
 * thought parts left out; output tokens with the thinking Gemini bills as output.
 */
record GeminiVisionWire() implements VisionWire {

  @Override
  public String body(
      ProviderType type, String model, String prompt, List<String> base64Jpegs, int maxTokens) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode parts = body.putArray("contents").addObject().put("role", "user").putArray("parts");
    for (String jpeg : base64Jpegs) {
      parts.addObject().putObject("inline_data").put("mime_type", "image/jpeg").put("data", jpeg);
    }
    parts.addObject().put("text", prompt);
    body.putObject("generationConfig").put("maxOutputTokens", maxTokens);
    return JSON.writeValueAsString(body);
  }

  @Override
  public WireAnswer read(JsonNode answer) {
    JsonNode usage = answer.path("usageMetadata");
    Integer input = VisionWire.integer(usage.path("promptTokenCount"));
    Integer candidates = VisionWire.integer(usage.path("candidatesTokenCount"));
    Integer thoughts = VisionWire.integer(usage.path("thoughtsTokenCount"));
    Integer output =
        candidates == null && thoughts == null
            ? null
            : (candidates == null ? 0 : candidates) + (thoughts == null ? 0 : thoughts);
    String blocked = VisionWire.text(answer.path("promptFeedback").path("blockReason"));
    if (blocked != null) {
      return WireAnswer.without("Gemini blocked the prompt (" + blocked + ")", input, output);
    }
    JsonNode candidate = answer.path("candidates").path(0);
    if (candidate.isMissingNode()) {
      return WireAnswer.without("the answer has no candidates", input, output);
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode part : candidate.path("content").path("parts")) {
      String piece = VisionWire.text(part.path("text"));
      if (piece != null && !part.path("thought").asBoolean(false)) {
        text.append(piece);
      }
    }
    if (text.isEmpty() && VisionWire.text(candidate.path("finishReason")) != null) {
      return WireAnswer.without(
          "the answer holds no text (finishReason "
              + VisionWire.text(candidate.path("finishReason"))
              + ")",
          input,
          output);
    }
    return WireAnswer.of(text.toString(), input, output);
  }
}
