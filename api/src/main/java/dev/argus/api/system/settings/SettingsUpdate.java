package dev.argus.api.system.settings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A partial update of the system settings ({@code PUT /api/v1/system/settings}): each field of the
 * body is checked on its own and every problem is named, so a client fixes them all at once. Fields
 * left out keep their value; {@code null} clears a cap or the prompt.
 */
final class SettingsUpdate {

  static final int MAX_RETENTION_DAYS = 3650;
  static final int MAX_COOLDOWN_SECONDS = 86_400;
  static final int MAX_FRAME_COUNT = 10;
  static final int MAX_TIMEOUT_SECONDS = 300;
  static final int MAX_RETRIES = 5;
  static final int MAX_PROMPT_LENGTH = 4000;
  static final int MAX_CHAIN_LENGTH = 20;

  /** numeric(12, 4): the largest cap the column holds. */
  private static final BigDecimal MAX_CAP = new BigDecimal("99999999.9999");

  private static final Set<String> SENSITIVITIES = Set.of("low", "medium", "high");
  private static final Set<String> ANALYSIS_MODES = Set.of("single_frame", "multi_frame");

  /** What GET returns but PUT does not change; a GET-modify-PUT client sends it back. */
  private static final Set<String> READ_ONLY = Set.of("updated_at");

  private static final List<String> FIELDS =
      List.of(
          "event_retention_days",
          "daily_cost_cap_usd",
          "monthly_cost_cap_usd",
          "default_motion_sensitivity",
          "default_motion_cooldown_seconds",
          "default_analysis_mode",
          "default_frame_count",
          "ai_chain",
          "ai_timeout_seconds",
          "ai_max_retries",
          "description_prompt");

  private final JsonNode body;
  private final List<String> problems = new ArrayList<>();
  private final Map<String, Object> columns = new LinkedHashMap<>();

  private SettingsUpdate(JsonNode body) {
    this.body = body;
  }

  /**
   * The columns to set, named as in {@code camera_settings}.
   *
   * @param chainCheck what is wrong with the models of a new AI chain (one message per model that
   *     cannot be in it), empty when they all can
   * @throws InvalidSettingsException naming every invalid field
   */
  static Map<String, Object> columns(JsonNode body, Function<List<UUID>, List<String>> chainCheck) {
    if (body == null || !body.isObject()) {
      throw new InvalidSettingsException(List.of("the body must be a JSON object of settings"));
    }
    return new SettingsUpdate(body).check(chainCheck);
  }

  private Map<String, Object> check(Function<List<UUID>, List<String>> chainCheck) {
    for (String name : body.propertyNames()) {
      if (!FIELDS.contains(name) && !READ_ONLY.contains(name)) {
        problems.add(name + ": unknown setting; the settings are " + String.join(", ", FIELDS));
      }
    }
    integer("event_retention_days", 1, MAX_RETENTION_DAYS);
    cap("daily_cost_cap_usd");
    cap("monthly_cost_cap_usd");
    oneOf("default_motion_sensitivity", SENSITIVITIES, "low, medium or high");
    integer("default_motion_cooldown_seconds", 0, MAX_COOLDOWN_SECONDS);
    oneOf("default_analysis_mode", ANALYSIS_MODES, "single_frame or multi_frame");
    integer("default_frame_count", 1, MAX_FRAME_COUNT);
    chain(chainCheck);
    integer("ai_timeout_seconds", 1, MAX_TIMEOUT_SECONDS);
    integer("ai_max_retries", 0, MAX_RETRIES);
    prompt();
    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(problems);
    }
    return columns;
  }

  private JsonNode present(String name, boolean nullable) {
    JsonNode node = body.get(name);
    if (node == null) {
      return null;
    }
    if (node.isNull()) {
      if (nullable) {
        columns.put(name, null);
      } else {
        problems.add(name + ": must not be null");
      }
      return null;
    }
    return node;
  }

  private void integer(String name, int min, int max) {
    JsonNode node = present(name, false);
    if (node == null) {
      return;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      problems.add(name + ": must be a whole number between " + min + " and " + max);
    } else if (node.intValue() < min || node.intValue() > max) {
      problems.add(name + ": must be between " + min + " and " + max + ", got " + node.intValue());
    } else {
      columns.put(name, node.intValue());
    }
  }

  private void cap(String name) {
    JsonNode node = present(name, true);
    if (node == null) {
      return;
    }
    if (!node.isNumber()) {
      problems.add(name + ": must be a number of US dollars (0 or more), or null for no cap");
      return;
    }
    BigDecimal value = node.decimalValue();
    if (value.signum() < 0 || value.compareTo(MAX_CAP) > 0) {
      problems.add(
          name + ": must be between 0 and " + MAX_CAP.toPlainString() + ", or null for no cap");
    } else {
      columns.put(name, value);
    }
  }

  private void oneOf(String name, Set<String> allowed, String described) {
    JsonNode node = present(name, false);
    if (node == null) {
      return;
    }
    if (!node.isString() || !allowed.contains(node.stringValue())) {
      problems.add(name + ": must be " + described + ", got " + node);
    } else {
      columns.put(name, node.stringValue());
    }
  }

  private void chain(Function<List<UUID>, List<String>> chainCheck) {
    JsonNode node = present("ai_chain", false);
    if (node == null) {
      return;
    }
    if (!node.isArray()) {
      problems.add("ai_chain: must be a list of model ids (UUIDs of GET /api/v1/models)");
      return;
    }
    if (node.size() > MAX_CHAIN_LENGTH) {
      problems.add("ai_chain: at most " + MAX_CHAIN_LENGTH + " models");
      return;
    }
    Set<UUID> chain = new LinkedHashSet<>();
    int before = problems.size();
    for (int i = 0; i < node.size(); i++) {
      JsonNode element = node.get(i);
      UUID id = element.isString() ? uuid(element.stringValue()) : null;
      if (id == null) {
        problems.add("ai_chain[" + i + "]: must be a model id (a UUID), got " + element);
      } else if (!chain.add(id)) {
        problems.add("ai_chain[" + i + "]: model " + id + " is already in the chain");
      }
    }
    if (problems.size() > before) {
      return;
    }
    List<UUID> models = List.copyOf(chain);
    List<String> unusable = chainCheck.apply(models);
    if (unusable.isEmpty()) {
      columns.put("ai_chain", models);
    } else {
      unusable.forEach(problem -> problems.add("ai_chain: " + problem));
    }
  }

  private void prompt() {
    JsonNode node = present("description_prompt", true);
    if (node == null) {
      return;
    }
    if (!node.isString()) {
      problems.add("description_prompt: must be a string, or null for the built-in prompt");
    } else if (node.stringValue().length() > MAX_PROMPT_LENGTH) {
      problems.add(
          "description_prompt: at most "
              + MAX_PROMPT_LENGTH
              + " characters, got "
              + node.stringValue().length());
    } else if (node.stringValue().isBlank()) {
      problems.add("description_prompt: must not be blank; null restores the built-in prompt");
    } else {
      columns.put("description_prompt", node.stringValue());
    }
  }

  private static UUID uuid(String text) {
    try {
      UUID id = UUID.fromString(text);
      // UUID.fromString accepts short groups ("1-1-1-1-1"); only the canonical spelling is an id.
      return id.toString().equalsIgnoreCase(text) ? id : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
