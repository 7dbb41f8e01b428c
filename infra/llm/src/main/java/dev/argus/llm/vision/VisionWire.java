package dev.argus.llm.vision;

import dev.argus.llm.client.ProviderType;
import dev.argus.llm.client.WireProtocol;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One protocol's non-streamed vision request: the body carrying the prompt and the images, and the
 * reading of the answer's text and usage. Where and with which headers it goes is the client's
 * ({@link dev.argus.llm.client.ProviderClient#send}), the same as for its probes.
 */
sealed interface VisionWire
    permits OpenAiVisionWire, AnthropicVisionWire, GeminiVisionWire, OllamaVisionWire {

  JsonMapper JSON = JsonMapper.builder().build();

  /**
   * @param base64Jpegs the frames in time order, base64 without a data-URL prefix
   */
  String body(
      ProviderType type, String model, String prompt, List<String> base64Jpegs, int maxTokens);

  /** The answer's text and usage, or why the document holds none. */
  WireAnswer read(JsonNode answer);

  static VisionWire of(WireProtocol protocol) {
    return switch (protocol) {
      case OPENAI -> new OpenAiVisionWire(false);
      case AZURE_OPENAI -> new OpenAiVisionWire(true);
      case ANTHROPIC -> new AnthropicVisionWire();
      case GEMINI -> new GeminiVisionWire();
      case OLLAMA -> new OllamaVisionWire();
    };
  }

  /** The parsed body, or null when it is not a JSON object. */
  static JsonNode parse(String body) {
    try {
      JsonNode node = body == null ? null : JSON.readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (JacksonException e) {
      return null;
    }
  }

  static Integer integer(JsonNode node) {
    return node != null && node.isNumber() ? node.asInt() : null;
  }

  static String text(JsonNode node) {
    return node != null && node.isString() ? node.stringValue() : null;
  }

  /**
   * What an answer document said: its text, or the reason there is none.
   *
   * @param text the model's words, null when {@code problem} says why there are none
   */
  record WireAnswer(String text, Integer inputTokens, Integer outputTokens, String problem) {

    static WireAnswer of(String text, Integer inputTokens, Integer outputTokens) {
      if (text == null || text.isBlank()) {
        return new WireAnswer(null, inputTokens, outputTokens, "the answer holds no text");
      }
      return new WireAnswer(text, inputTokens, outputTokens, null);
    }

    static WireAnswer without(String problem, Integer inputTokens, Integer outputTokens) {
      return new WireAnswer(null, inputTokens, outputTokens, problem);
    }
  }
}
