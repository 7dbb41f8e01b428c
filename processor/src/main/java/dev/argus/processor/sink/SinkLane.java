package dev.argus.processor.sink;

import dev.argus.contract.Topics;
import java.util.List;

/**
 * One consumer of the sink: which topics it stores, under which consumer group. Why two lanes:
 * derived events and statuses are few and wanted at once, readings are many and written in large
 * batches; in one consumer an event waited behind a whole batch of snapshots (the benchmark's event
 * latency). Each lane keeps the sink's guarantees on its own (offsets after the commit).
 *
 * <p>Camera records carry frames (up to {@link Topics#CAMERA_MAX_MESSAGE_BYTES} a record), so they
 * have a lane of their own: its consumer fetches such records, and a batch of them delays neither
 * the events nor the readings.
 *
 * @param name used in thread and client names
 * @param largeRecords whether the lane's consumer must fetch records of up to {@link
 *     Topics#CAMERA_MAX_MESSAGE_BYTES}
 */
public record SinkLane(String name, String groupId, List<String> topics, boolean largeRecords) {

  public SinkLane {
    topics = List.copyOf(topics);
  }

  /** A lane of ordinary (small) records. */
  public SinkLane(String name, String groupId, List<String> topics) {
    this(name, groupId, topics, false);
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

  /**
   * Camera status, camera events with their frames and their AI descriptions, and the Protect
   * controllers' status, under the configured group plus {@code -camera}.
   */
  public static SinkLane camera(String groupId) {
    return new SinkLane(
        "sink-camera",
        groupId + "-camera",
        List.of(
            Topics.CAMERA_STATUS.name(),
            Topics.CAMERA_EVENTS.name(),
            Topics.CAMERA_DESCRIPTIONS.name(),
            Topics.PROTECT_STATUS.name()),
        true);
  }

  /** Every lane the service runs, in the order they start. */
  public static List<SinkLane> all(String groupId) {
    return List.of(readings(groupId), events(groupId), camera(groupId));
  }
}
