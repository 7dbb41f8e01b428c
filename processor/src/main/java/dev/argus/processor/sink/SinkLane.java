package dev.argus.processor.sink;

import dev.argus.contract.Topics;
import java.util.List;

/**
 * One consumer of the sink: which topics it stores, under which consumer group. Why two lanes:
 * derived events and statuses are few and wanted at once, readings are many and written in large
 * batches; in one consumer an event waited behind a whole batch of snapshots (the benchmark's event
 * latency). Each lane keeps the sink's guarantees on its own (offsets after the commit).
 *
 * @param name used in thread and client names
 */
public record SinkLane(String name, String groupId, List<String> topics) {

  public SinkLane {
    topics = List.copyOf(topics);
  }

  /**
   * The high-volume readings (power, probes, LLM probes, benchmark events) and energy totals, under
   * the configured group.
   */
  public static SinkLane readings(String groupId) {
    return new SinkLane(
        "sink-readings",
        groupId,
        List.of(
            Topics.READINGS_POWER.name(),
            Topics.READINGS_PROBE.name(),
            Topics.ENERGY.name(),
            Topics.READINGS_LLM.name(),
            Topics.LLM_BENCHMARK.name()));
  }

  /**
   * Derived events (LLM alerts among them), current statuses and benchmark statistics, under the
   * configured group plus {@code -events}.
   */
  public static SinkLane events(String groupId) {
    return new SinkLane(
        "sink-events",
        groupId + "-events",
        List.of(
            Topics.EVENTS.name(),
            Topics.TARGET_STATUS.name(),
            Topics.COLLECTOR_STATUS.name(),
            Topics.LLM_STATUS.name(),
            Topics.LLM_BENCHMARK_STATS.name()));
  }
}
