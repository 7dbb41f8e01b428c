package dev.argus.processor.llm;

import dev.argus.contract.llm.LlmStatus;
import java.time.Instant;
import java.util.Map;

/**
 * What {@code model_unavailable_everywhere} remembers about one provider model id, kept in the
 * store {@value LlmTopology#MODEL_NAME_STATE_STORE} (JSON, key: the provider's model id).
 *
 * @param models by model UUID: the newest status of each model that reported under this id
 * @param openAlerts by rule id: the alerts open for this model id
 */
record ModelNameState(Map<String, Seen> models, Map<String, OpenAlert> openAlerts) {

  ModelNameState {
    models = models == null ? Map.of() : Map.copyOf(models);
    openAlerts = openAlerts == null ? Map.of() : Map.copyOf(openAlerts);
  }

  /** A model's newest probe: how it answered and when. */
  record Seen(LlmStatus status, Instant at) {}
}
