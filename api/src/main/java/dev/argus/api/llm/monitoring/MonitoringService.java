package dev.argus.api.llm.monitoring;

import dev.argus.api.llm.LlmCatalog;
import dev.argus.api.system.JsonInputErrors;
import dev.argus.api.system.outbox.ConfigOutbox;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.config.ConfigKeys;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The global monitoring settings and manual runs. A change is written and published as {@link
 * dev.argus.contract.llm.LlmMonitoringConfig} under {@code llm-monitoring} in one transaction; the
 * collectors and the processor apply it as it arrives, and the scheduler reads the interval from
 * the table at every check, so nothing needs a restart.
 */
@Service
class MonitoringService {

  private static final Set<String> FIELDS =
      Set.of(
          "enabled",
          "interval_minutes",
          "prompt_pack",
          "ttft_threshold_ms",
          "latency_threshold_ms",
          "probe_max_tokens",
          "probe_timeout_seconds",
          "concurrency_per_provider");

  private final MonitoringConfigRepository config;
  private final MonitoringRuns runs;
  private final ConfigOutbox outbox;
  private final TransactionTemplate transactions;
  private final Validator validator;
  private final LlmCatalog catalog;
  private final JsonMapper json;

  MonitoringService(
      MonitoringConfigRepository config,
      MonitoringRuns runs,
      ConfigOutbox outbox,
      TransactionTemplate transactions,
      Validator validator,
      LlmCatalog catalog,
      JsonMapper json) {
    this.config = config;
    this.runs = runs;
    this.outbox = outbox;
    this.transactions = transactions;
    this.validator = validator;
    this.catalog = catalog;
    this.json = json;
  }

  MonitoringSettings settings() {
    return config.load();
  }

  MonitoringSettings patch(JsonNode patch) {
    if (patch == null || !patch.isObject()) {
      throw unprocessable("a PATCH body must be a JSON object of the fields to change");
    }
    List<String> problems = new ArrayList<>();
    patch
        .propertyNames()
        .forEach(
            name -> {
              if (!FIELDS.contains(name)) {
                problems.add(
                    name
                        + " cannot be changed; the fields are "
                        + String.join(", ", FIELDS.stream().sorted().toList()));
              }
            });
    requireValid(problems);
    return transactions.execute(
        tx -> {
          ObjectNode merged = json.valueToTree(config.lock().toRequest());
          merged.setAll((ObjectNode) patch);
          MonitoringSettingsRequest settings = read(merged);
          List<String> invalid =
              new ArrayList<>(
                  validator.validate(settings).stream()
                      .map(ConstraintViolation::getMessage)
                      .toList());
          if (settings.promptPack() != null && !catalog.isPromptPack(settings.promptPack())) {
            invalid.add(
                "prompt_pack must be one of "
                    + String.join(", ", catalog.promptPacks())
                    + ", got '"
                    + settings.promptPack()
                    + "'");
          }
          requireValid(invalid);
          config.update(settings);
          MonitoringSettings updated = config.load();
          outbox.append(ConfigKeys.LLM_MONITORING, ConfigEntry.of(updated.toConfig()));
          return updated;
        });
  }

  /** Queues a run of every model enabled for monitoring, whether or not monitoring is enabled. */
  RunQueued run() {
    return transactions.execute(
        tx -> {
          config.lock();
          String runId = runs.enqueue(MonitoringRuns.MANUAL);
          long models = config.monitoredModels();
          return new RunQueued(
              runId,
              "queued",
              models == 0
                  ? "Monitoring run queued, but no model is enabled for monitoring (PATCH"
                      + " /api/v1/models/{id} with enabled_for_monitoring: true)."
                  : "Monitoring run queued for "
                      + models
                      + " model(s); results carry run_id "
                      + runId
                      + ".");
        });
  }

  private MonitoringSettingsRequest read(ObjectNode merged) {
    try {
      return json.treeToValue(merged, MonitoringSettingsRequest.class);
    } catch (JacksonException e) {
      throw unprocessable(
          JsonInputErrors.detail(e)
              .orElse("a field has the wrong type: " + e.getOriginalMessage()));
    }
  }

  private static void requireValid(List<String> problems) {
    if (!problems.isEmpty()) {
      throw unprocessable(String.join("; ", problems.stream().distinct().sorted().toList()));
    }
  }

  private static ResponseStatusException unprocessable(String detail) {
    return new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, detail);
  }
}
