package dev.argus.llm.client;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Lenient reads of provider JSON: a field of the wrong type reads as absent, never throws. */
final class Json {

  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  /** The parsed document, or null when {@code text} is not JSON. */
  static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JacksonException e) {
      return null;
    }
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static String write(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }

  static String text(JsonNode node) {
    return node != null && node.isString() ? node.stringValue() : null;
  }

  static Integer integer(JsonNode node) {
    return node != null && node.isNumber() ? node.asInt() : null;
  }

  static Long longValue(JsonNode node) {
    return node != null && node.isNumber() ? node.asLong() : null;
  }
}
