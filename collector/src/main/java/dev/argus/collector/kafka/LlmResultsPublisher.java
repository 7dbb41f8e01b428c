package dev.argus.collector.kafka;

import dev.argus.collector.llm.LlmResults;
import dev.argus.contract.llm.BenchmarkEvent;
import dev.argus.contract.llm.LlmProbeReading;

/**
 * Publishes LLM measurements: probe readings to {@code argus.readings.llm} (key: model UUID, so a
 * model's readings keep their order) and benchmark events to {@code argus.llm.benchmark} (key: run
 * UUID).
 */
public final class LlmResultsPublisher implements LlmResults {

  private final TopicPublisher<String, LlmProbeReading> readings;
  private final TopicPublisher<String, BenchmarkEvent> benchmarkEvents;

  public LlmResultsPublisher(
      TopicPublisher<String, LlmProbeReading> readings,
      TopicPublisher<String, BenchmarkEvent> benchmarkEvents) {
    this.readings = readings;
    this.benchmarkEvents = benchmarkEvents;
  }

  @Override
  public void probeReading(LlmProbeReading reading) {
    readings.publish(reading.modelId(), reading);
  }

  @Override
  public void benchmarkEvent(BenchmarkEvent event) {
    benchmarkEvents.publish(event.runId(), event);
  }

  @Override
  public void flush() {
    readings.flush();
    benchmarkEvents.flush();
  }
}
