package dev.argus.collector.llm;

import dev.argus.contract.llm.BenchmarkEvent;
import dev.argus.contract.llm.LlmProbeReading;

/**
 * Where measurements go: the wiring publishes them to {@code argus.readings.llm} (key: model UUID)
 * and {@code argus.llm.benchmark} (key: run UUID). Called from many probe threads at once.
 */
public interface LlmResults {

  void probeReading(LlmProbeReading reading);

  void benchmarkEvent(BenchmarkEvent event);

  /**
   * Returns when everything handed over so far is delivered (or failed): a job's offset is
   * committed only after, so the job's results are not lost with a collector that stops then.
   */
  void flush();
}
