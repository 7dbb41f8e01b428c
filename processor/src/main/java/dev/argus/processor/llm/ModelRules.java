package dev.argus.processor.llm;

import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.llm.LlmAlertRuleConfig;
import dev.argus.contract.llm.LlmAlertRuleConfig.PerformanceThreshold;
import dev.argus.contract.llm.LlmModelStatus;
import dev.argus.contract.llm.LlmProbeReading;
import dev.argus.contract.llm.LlmStatus;
import dev.argus.processor.llm.LlmAlertEvents.Subject;
import dev.argus.processor.llm.Verdict.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A model's status and its per-model alert rules as a pure function: (previous state, probe,
 * configuration) to (new state, status, events). No Kafka, no clock: time is the probes' own.
 *
 * <ul>
 *   <li>Status is the probe's ({@link LlmProbeReading#status()}); {@code since} moves when it
 *       changes; {@code consecutive_failures} counts {@code down} probes in a row.
 *   <li>{@code any_model_down} (every model) and {@code specific_model_down} ({@code
 *       target_model_id}) are breached by a {@code down} probe and clear on an answered one.
 *   <li>{@code performance_degradation} (every model, or only {@code target_model_id} when it is
 *       set) computes its statistic over the answered probes of the last {@code window_minutes}
 *       (probe time, the newest included) that report the metric; with fewer than {@code
 *       min_samples} it decides nothing. Breached above the threshold, for {@code tps} below it.
 *   <li>One open alert per (rule, model): a breach opens one, a clear closes it ({@code
 *       llm_recovered} with the same alert id), a later breach opens a new one. An open alert whose
 *       rule was deleted, disabled or no longer applies to the model is closed on the model's next
 *       probe (reason in the metadata); disabled and deleted rules open nothing.
 *   <li>A probe not newer than the newest applied is ignored (a duplicate or a late probe).
 * </ul>
 */
final class ModelRules {

  private final int maxSamples;

  ModelRules(int maxSamples) {
    this.maxSamples = maxSamples;
  }

  /**
   * @param previous the model's state, null for a model never seen
   * @return nothing when the probe is ignored
   */
  Optional<ModelOutcome> onReading(ModelState previous, LlmProbeReading reading, LlmConfig config) {
    LlmModelStatus before = previous == null ? null : previous.status();
    Instant at = reading.timestamp();
    if (before != null && !at.isAfter(before.lastCheckedAt())) {
      return Optional.empty();
    }
    LlmModelStatus status = status(before, reading);
    List<ProbeSample> samples = samples(previous, reading, config);
    Map<String, OpenAlert> open =
        new TreeMap<>(previous == null ? Map.of() : previous.openAlerts());
    Subject subject = new Subject(reading.modelId(), reading.modelId(), reading.modelName());
    List<DerivedEvent> events = new ArrayList<>();
    for (Map.Entry<String, OpenAlert> alert : List.copyOf(open.entrySet())) {
      LlmAlertRuleConfig rule = config.rules().get(alert.getKey());
      String reason =
          LlmAlertEvents.closedByRule(rule, rule != null && applies(rule, reading.modelId()));
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
    for (LlmAlertRuleConfig rule : config.enabledRules()) {
      if (!applies(rule, reading.modelId())) {
        continue;
      }
      Verdict verdict = judge(rule, status, samples, reading);
      OpenAlert current = open.get(rule.id());
      if (verdict.decision() == Decision.BREACHED && current == null) {
        OpenAlert alert = LlmAlertEvents.open(rule, subject, at);
        open.put(rule.id(), alert);
        events.add(
            LlmAlertEvents.opened(
                rule.id(), alert, subject, at, verdict.message(), verdict.figures()));
      } else if (verdict.decision() == Decision.CLEAR && current != null) {
        open.remove(rule.id());
        Map<String, Object> figures = new LinkedHashMap<>(verdict.figures());
        figures.put("reason", "recovered");
        events.add(
            LlmAlertEvents.recovered(rule.id(), current, subject, at, verdict.message(), figures));
      }
    }
    return Optional.of(new ModelOutcome(new ModelState(status, open, samples), status, events));
  }

  private static LlmModelStatus status(LlmModelStatus before, LlmProbeReading reading) {
    LlmStatus now = reading.status();
    Instant since = before != null && before.status() == now ? before.since() : reading.timestamp();
    int failures =
        now == LlmStatus.DOWN ? (before == null ? 0 : before.consecutiveFailures()) + 1 : 0;
    return new LlmModelStatus(
        reading.modelId(),
        reading.modelName(),
        reading.displayName(),
        reading.providerId(),
        reading.providerType(),
        now,
        since,
        reading.timestamp(),
        failures,
        reading.ttftMs(),
        reading.latencyMs(),
        error(reading, now));
  }

  private static String error(LlmProbeReading reading, LlmStatus status) {
    if (reading.error() != null) {
      return reading.error();
    }
    return status == LlmStatus.DOWN ? "answered with no output text" : null;
  }

  /**
   * The answered probes inside the longest window of the enabled degradation rules that apply to
   * this model, the newest {@code maxSamples} at most; none while no such rule exists.
   */
  private List<ProbeSample> samples(
      ModelState previous, LlmProbeReading reading, LlmConfig config) {
    Duration longest = Duration.ZERO;
    for (LlmAlertRuleConfig rule : config.enabledRules()) {
      if (LlmAlertRuleConfig.PERFORMANCE_DEGRADATION.equals(rule.ruleType())
          && applies(rule, reading.modelId())) {
        Duration window = Duration.ofMinutes(rule.threshold().windowMinutes());
        longest = window.compareTo(longest) > 0 ? window : longest;
      }
    }
    if (longest.isZero()) {
      return List.of();
    }
    Instant from = reading.timestamp().minus(longest);
    List<ProbeSample> kept = new ArrayList<>();
    if (previous != null) {
      for (ProbeSample sample : previous.samples()) {
        if (!sample.at().isBefore(from)) {
          kept.add(sample);
        }
      }
    }
    if (reading.status() != LlmStatus.DOWN) {
      kept.add(
          new ProbeSample(
              reading.timestamp(), reading.ttftMs(), reading.latencyMs(), reading.tps()));
    }
    return kept.size() <= maxSamples ? kept : kept.subList(kept.size() - maxSamples, kept.size());
  }

  private static boolean applies(LlmAlertRuleConfig rule, String modelId) {
    return switch (rule.ruleType()) {
      case LlmAlertRuleConfig.ANY_MODEL_DOWN -> true;
      case LlmAlertRuleConfig.SPECIFIC_MODEL_DOWN -> rule.targetModelId().equalsIgnoreCase(modelId);
      case LlmAlertRuleConfig.PERFORMANCE_DEGRADATION ->
          rule.targetModelId() == null
              || rule.targetModelId().isBlank()
              || rule.targetModelId().equalsIgnoreCase(modelId);
      default -> false;
    };
  }

  private static Verdict judge(
      LlmAlertRuleConfig rule,
      LlmModelStatus status,
      List<ProbeSample> samples,
      LlmProbeReading reading) {
    String model = name(reading);
    if (LlmAlertRuleConfig.PERFORMANCE_DEGRADATION.equals(rule.ruleType())) {
      return judgePerformance(rule.threshold(), samples, reading.timestamp(), model);
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("status", status.status().wireName());
    if (status.status() != LlmStatus.DOWN) {
      return new Verdict(
          Decision.CLEAR, model + " answers again (" + status.status().wireName() + ")", figures);
    }
    figures.put("consecutive_failures", status.consecutiveFailures());
    figures.put("error", status.lastError());
    if (reading.httpStatus() != null) {
      figures.put("http_status", reading.httpStatus());
    }
    return new Verdict(Decision.BREACHED, model + " is down: " + status.lastError(), figures);
  }

  private static Verdict judgePerformance(
      PerformanceThreshold threshold, List<ProbeSample> samples, Instant at, String model) {
    Instant from = at.minus(Duration.ofMinutes(threshold.windowMinutes()));
    List<Double> values = new ArrayList<>();
    for (ProbeSample sample : samples) {
      Double value = sample.metric(threshold.metric());
      if (!sample.at().isBefore(from) && value != null) {
        values.add(value);
      }
    }
    double[] sorted = Percentiles.sorted(values);
    if (sorted.length == 0 || sorted.length < threshold.minSamples()) {
      return Verdict.undecided();
    }
    double value =
        switch (threshold.statistic()) {
          case "p50" -> Percentiles.of(sorted, 50);
          case "p95" -> Percentiles.of(sorted, 95);
          default -> Percentiles.mean(sorted);
        };
    boolean lowerIsWorse = "tps".equals(threshold.metric());
    boolean breached = lowerIsWorse ? value < threshold.threshold() : value > threshold.threshold();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("metric", threshold.metric());
    figures.put("statistic", threshold.statistic());
    figures.put("value", value);
    figures.put("threshold", threshold.threshold());
    figures.put("window_minutes", threshold.windowMinutes());
    figures.put("samples", sorted.length);
    String measured =
        String.format(
            Locale.ROOT,
            "%s: %s of %s over the last %d min is %.1f (%d samples)",
            model,
            threshold.statistic(),
            threshold.metric(),
            threshold.windowMinutes(),
            value,
            sorted.length);
    String comparison =
        breached
            ? (lowerIsWorse ? ", below" : ", above") + " the threshold "
            : ", within the threshold ";
    return new Verdict(
        breached ? Decision.BREACHED : Decision.CLEAR,
        measured + comparison + format(threshold.threshold()),
        figures);
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String name(LlmProbeReading reading) {
    String name =
        reading.displayName() != null && !reading.displayName().isBlank()
            ? reading.displayName()
            : reading.modelName() != null ? reading.modelName() : reading.modelId();
    return reading.providerType() == null ? name : name + " (" + reading.providerType() + ")";
  }
}
