package dev.argus.collector.kafka;

import dev.argus.collector.llm.LlmResults;
import dev.argus.collector.metrics.PollCount;
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
  private final PollCount polls;

  public LlmResultsPublisher(
      TopicPublisher<String, LlmProbeReading> readings,
      TopicPublisher<String, BenchmarkEvent> benchmarkEvents,
      PollCount polls) {
    this.readings = readings;
    this.benchmarkEvents = benchmarkEvents;
    this.polls = polls;
  }

  @Override
  public void probeReading(LlmProbeReading reading) {
    polls.add("llm", reading.success());
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
