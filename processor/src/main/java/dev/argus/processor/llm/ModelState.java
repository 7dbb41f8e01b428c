package dev.argus.processor.llm;

import dev.argus.contract.llm.LlmModelStatus;
import java.util.List;
import java.util.Map;

/**
 * What the processor remembers about one model between probes, kept in the store {@value
 * LlmTopology#MODEL_STATE_STORE} (JSON, key: model UUID).
 *
 * @param status the status last published; its {@code last_checked_at} is the newest probe applied
 * @param openAlerts by rule id: the alerts open for this model
 * @param samples answered probes inside the longest {@code performance_degradation} window, oldest
 *     first
 */
record ModelState(
    LlmModelStatus status, Map<String, OpenAlert> openAlerts, List<ProbeSample> samples) {

  ModelState {
    openAlerts = openAlerts == null ? Map.of() : Map.copyOf(openAlerts);
    samples = samples == null ? List.of() : List.copyOf(samples);
  }
}
