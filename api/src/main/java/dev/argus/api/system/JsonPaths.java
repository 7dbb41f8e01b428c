package dev.argus.api.system;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;

/**
 * Names a place in a JSON body the way clients write it: {@code connection_config.snmp.community},
 * {@code [2].name} (an item of a top-level list), or {@code request body} for the whole document.
 */
final class JsonPaths {

  static final String WHOLE_BODY = "request body";

  private JsonPaths() {}

  /** The path of a parser's current position. */
  static String of(TokenStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.addFirst("[" + c.getCurrentIndex() + "]");
      } else if (c.currentName() != null) {
        parts.addFirst("." + c.currentName());
      }
    }
    return join(parts);
  }

  /** The path a databind exception carries (the properties and indexes it was raised under). */
  static String of(List<JacksonException.Reference> references) {
    Deque<String> parts = new ArrayDeque<>();
    for (JacksonException.Reference reference : references) {
      if (reference.getPropertyName() != null) {
        parts.addLast("." + reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        parts.addLast("[" + reference.getIndex() + "]");
      }
    }
    return join(parts);
  }

  private static String join(Deque<String> parts) {
    String path = String.join("", parts);
    if (path.isEmpty()) {
      return WHOLE_BODY;
    }
    return path.startsWith(".") ? path.substring(1) : path;
  }
}
