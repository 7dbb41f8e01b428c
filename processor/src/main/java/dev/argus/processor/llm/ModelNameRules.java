package dev.argus.processor.llm;

import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.llm.LlmAlertRuleConfig;
import dev.argus.contract.llm.LlmProbeReading;
import dev.argus.contract.llm.LlmStatus;
import dev.argus.processor.llm.LlmAlertEvents.Subject;
import dev.argus.processor.llm.ModelNameState.Seen;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code model_unavailable_everywhere} as a pure function of (state of one provider model id,
 * probe, configuration). The rule's {@code target_model_name} is matched exactly against the
 * provider's model id (never as a substring). The models that serve it are those of the
 * configuration with that model id, enabled for monitoring, whose provider is not disabled.
 *
 * <ul>
 *   <li>Breached when every serving model's newest probe was {@code down} (a model not probed yet
 *       is not down, so the rule waits for it); clear when any serving model's newest probe
 *       answered, or no model serves the id any more.
 *   <li>One open alert per (rule, model id), subject the model id; recovery and rule deletion close
 *       it as in {@link ModelRules}.
 *   <li>A probe not newer than the newest applied for its model is ignored.
 * </ul>
 */
final class ModelNameRules {

  Optional<ModelNameOutcome> onReading(
      ModelNameState previous, LlmProbeReading reading, LlmConfig config) {
    String name = reading.modelName();
    Instant at = reading.timestamp();
    Map<String, Seen> seen = new TreeMap<>(previous == null ? Map.of() : previous.models());
    Seen last = seen.get(reading.modelId());
    if (last != null && !at.isAfter(last.at())) {
      return Optional.empty();
    }
    seen.put(reading.modelId(), new Seen(reading.status(), at));
    Map<String, OpenAlert> open =
        new TreeMap<>(previous == null ? Map.of() : previous.openAlerts());
    Subject subject = new Subject(name, null, name);
    List<DerivedEvent> events = new ArrayList<>();
    for (Map.Entry<String, OpenAlert> alert : List.copyOf(open.entrySet())) {
      LlmAlertRuleConfig rule = config.rules().get(alert.getKey());
      String reason = LlmAlertEvents.closedByRule(rule, rule != null && applies(rule, name));
      if (reason != null) {
        open.remove(alert.getKey());
        events.add(
            LlmAlertEvents.recovered(
                alert.getKey(),
                alert.getValue(),
                subject,
                at,
                LlmAlertEvents.closedByRuleMessage(alert.getValue(), reason),
                Map.of("reason", reason)));
      }
    }
    List<String> serving = config.servingModels(name);
    boolean allDown =
        !serving.isEmpty()
            && serving.stream()
                .allMatch(id -> seen.get(id) != null && seen.get(id).status() == LlmStatus.DOWN);
    boolean answering =
        serving.isEmpty()
            || serving.stream()
                .anyMatch(id -> seen.get(id) != null && seen.get(id).status() != LlmStatus.DOWN);
    for (LlmAlertRuleConfig rule : config.enabledRules()) {
      if (!applies(rule, name)) {
        continue;
      }
      OpenAlert current = open.get(rule.id());
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("model_ids", serving);
      figures.put("providers_down", countDown(serving, seen));
      figures.put("providers_serving", serving.size());
      if (allDown && current == null) {
        OpenAlert alert = LlmAlertEvents.open(rule, subject, at);
        open.put(rule.id(), alert);
        String message =
            name + " is down on every provider that serves it (" + serving.size() + ")";
        events.add(LlmAlertEvents.opened(rule.id(), alert, subject, at, message, figures));
      } else if (answering && current != null) {
        open.remove(rule.id());
        figures.put("reason", "recovered");
        String message = name + " answers again on at least one provider";
        events.add(LlmAlertEvents.recovered(rule.id(), current, subject, at, message, figures));
      }
    }
    return Optional.of(new ModelNameOutcome(new ModelNameState(seen, open), events));
  }

  private static boolean applies(LlmAlertRuleConfig rule, String modelName) {
    return LlmAlertRuleConfig.MODEL_UNAVAILABLE_EVERYWHERE.equals(rule.ruleType())
        && rule.targetModelName().equals(modelName);
  }

  private static long countDown(List<String> serving, Map<String, Seen> seen) {
    return serving.stream()
        .filter(id -> seen.get(id) != null && seen.get(id).status() == LlmStatus.DOWN)
        .count();
  }
}
