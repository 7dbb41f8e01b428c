package dev.argus.processor.sink;

import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.llm.BenchmarkEvent;
import dev.argus.contract.llm.BenchmarkStatistics;
import dev.argus.contract.llm.LlmModelStatus;
import dev.argus.contract.llm.LlmProbeReading;
import java.util.List;

/**
 * A poll's LLM records, decoded and sorted by destination.
 *
 * @param probes monitoring probes (to {@code llm_probe_results})
 * @param statuses to {@code llm_model_status}
 * @param benchmarkEvents to {@code llm_benchmark_results} (results) and {@code
 *     llm_benchmark_progress} (all)
 * @param statistics to {@code llm_benchmark_statistics}
 * @param alertEvents events of source {@code llm} (to {@code llm_alerts})
 */
record LlmRecords(
    List<LlmProbeReading> probes,
    List<LlmModelStatus> statuses,
    List<BenchmarkEvent> benchmarkEvents,
    List<BenchmarkStatistics> statistics,
    List<DerivedEvent> alertEvents) {

  LlmRecords {
    probes = List.copyOf(probes);
    statuses = List.copyOf(statuses);
    benchmarkEvents = List.copyOf(benchmarkEvents);
    statistics = List.copyOf(statistics);
    alertEvents = List.copyOf(alertEvents);
  }

  static LlmRecords none() {
    return new LlmRecords(List.of(), List.of(), List.of(), List.of(), List.of());
  }
}
