package dev.argus.contract;

import dev.argus.contract.camera.CameraEvent;
import dev.argus.contract.camera.CameraStatus;
import dev.argus.contract.camera.EventDescription;
import dev.argus.contract.camera.MotionReading;
import dev.argus.contract.camera.ProtectControllerStatus;
import dev.argus.contract.collector.CollectorHeartbeat;
import dev.argus.contract.commands.CollectorCommand;
import dev.argus.contract.config.ConfigEntry;
import dev.argus.contract.energy.EnergyTotal;
import dev.argus.contract.events.DerivedEvent;
import dev.argus.contract.llm.BenchmarkEvent;
import dev.argus.contract.llm.BenchmarkStatistics;
import dev.argus.contract.llm.LlmJob;
import dev.argus.contract.llm.LlmModelStatus;
import dev.argus.contract.llm.LlmProbeReading;
import dev.argus.contract.power.PowerReading;
import dev.argus.contract.probe.ProbeResult;
import dev.argus.contract.probe.TargetStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** The topic catalog: every topic Argus uses, declared once and created at start-up. */
public final class Topics {

  private static final Serde<String> KEY = Serdes.String();

  /** Raw UPS/PDU snapshots, one per poll, including failed polls. Key: device id. */
  public static final Topic<String, PowerReading> READINGS_POWER =
      new Topic<>(
          "argus.readings.power",
          KEY,
          JsonSerde.versioned(
              PowerReading.class, PowerReading::schemaVersion, PowerReading.SCHEMA_VERSION),
          6,
          retention(Duration.ofDays(7)));

  /** Uptime-target check results, one per probe, up or down. Key: target id. */
  public static final Topic<String, ProbeResult> READINGS_PROBE =
      new Topic<>(
          "argus.readings.probe",
          KEY,
          JsonSerde.versioned(
              ProbeResult.class, ProbeResult::schemaVersion, ProbeResult.SCHEMA_VERSION),
          6,
          retention(Duration.ofDays(7)));

  /** Current state per uptime target (streak, alerting); compacted, newest per target stays. */
  public static final Topic<String, TargetStatus> TARGET_STATUS =
      new Topic<>(
          "argus.target.status",
          KEY,
          JsonSerde.of(TargetStatus.class),
          6,
          Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

  /**
   * Desired configuration (devices, targets, runtime settings) published by the api from
   * PostgreSQL, its system of record. Compacted and one partition: reading it from the beginning
   * gives the whole current configuration. Key: {@link dev.argus.contract.config.ConfigKeys}; a
   * deleted device or target is a tombstone.
   */
  public static final Topic<String, ConfigEntry> CONFIG =
      new Topic<>(
          "argus.config",
          KEY,
          JsonSerde.of(ConfigEntry.class),
          1,
          Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

  /** Commands to the collectors (manual poll). Short-lived: a stale command is worthless. */
  public static final Topic<String, CollectorCommand> COMMANDS =
      new Topic<>(
          "argus.commands",
          KEY,
          JsonSerde.of(CollectorCommand.class),
          1,
          retention(Duration.ofHours(1)));

  /** Events derived by the processor: power events (key device id), target events (target id). */
  public static final Topic<String, DerivedEvent> EVENTS =
      new Topic<>(
          "argus.events",
          KEY,
          JsonSerde.versioned(
              DerivedEvent.class, DerivedEvent::schemaVersion, DerivedEvent.SCHEMA_VERSION),
          6,
          retention(Duration.ofDays(30)));

  /** Running energy total per device; compacted so the newest total per device stays. */
  public static final Topic<String, EnergyTotal> ENERGY =
      new Topic<>(
          "argus.energy",
          KEY,
          JsonSerde.versioned(
              EnergyTotal.class, EnergyTotal::schemaVersion, EnergyTotal.SCHEMA_VERSION),
          6,
          Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

  /**
   * Collector heartbeats and last-poll diagnostics; compacted so the newest per collector stays.
   */
  public static final Topic<String, CollectorHeartbeat> COLLECTOR_STATUS =
      new Topic<>(
          "argus.collector.status",
          KEY,
          JsonSerde.versioned(
              CollectorHeartbeat.class,
              CollectorHeartbeat::schemaVersion,
              CollectorHeartbeat.SCHEMA_VERSION),
          1,
          Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

  /** LLM probe measurements, one per request, failed or not. Key: model UUID. */
  public static final Topic<String, LlmProbeReading> READINGS_LLM =
      new Topic<>(
          "argus.readings.llm",
          KEY,
          JsonSerde.versioned(
              LlmProbeReading.class,
              LlmProbeReading::schemaVersion,
              LlmProbeReading.SCHEMA_VERSION),
          6,
          retention(Duration.ofDays(7)));

  /**
   * Work for the collectors: monitoring runs and benchmarks. Read in one shared consumer group, so
   * exactly one collector runs each job. Key: job id.
   */
  public static final Topic<String, LlmJob> LLM_JOBS =
      new Topic<>(
          "argus.llm.jobs", KEY, JsonSerde.of(LlmJob.class), 6, retention(Duration.ofDays(1)));

  /** A benchmark run's progress and results, in order. Key: run UUID. */
  public static final Topic<String, BenchmarkEvent> LLM_BENCHMARK =
      new Topic<>(
          "argus.llm.benchmark",
          KEY,
          JsonSerde.versioned(
              BenchmarkEvent.class, BenchmarkEvent::schemaVersion, BenchmarkEvent.SCHEMA_VERSION),
          6,
          retention(Duration.ofDays(7)));

  /** A benchmark run's statistics; compacted, the newest per run stays. Key: run UUID. */
  public static final Topic<String, BenchmarkStatistics> LLM_BENCHMARK_STATS =
      new Topic<>(
          "argus.llm.benchmark.stats",
          KEY,
          JsonSerde.of(BenchmarkStatistics.class),
          6,
          Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

  /** Current state per model (up, degraded, down); compacted. Key: model UUID. */
  public static final Topic<String, LlmModelStatus> LLM_STATUS =
      new Topic<>(
          "argus.llm.status",
          KEY,
          JsonSerde.of(LlmModelStatus.class),
          6,
          Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

  /**
   * Motion seen by the collectors' camera workers, with the frames captured for it. Frames make
   * these records large: the topic allows {@value #CAMERA_MAX_MESSAGE_BYTES} bytes per record and
   * keeps them one day (the events keep what matters). Key: camera UUID.
   */
  public static final Topic<String, MotionReading> READINGS_CAMERA =
      new Topic<>(
          "argus.readings.camera",
          KEY,
          JsonSerde.of(MotionReading.class),
          6,
          large(retention(Duration.ofDays(1))));

  /** Camera worker status (online, offline, error, stopped; fps); compacted. Key: camera UUID. */
  public static final Topic<String, CameraStatus> CAMERA_STATUS =
      new Topic<>(
          "argus.camera.status",
          KEY,
          JsonSerde.of(CameraStatus.class),
          6,
          Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

  /** Camera events raised by the processor, with their frames. Key: camera UUID. */
  public static final Topic<String, CameraEvent> CAMERA_EVENTS =
      new Topic<>(
          "argus.camera.events",
          KEY,
          JsonSerde.of(CameraEvent.class),
          6,
          large(retention(Duration.ofDays(7))));

  /** AI descriptions of camera events (and re-analyses), joined to events by id. Key: camera. */
  public static final Topic<String, EventDescription> CAMERA_DESCRIPTIONS =
      new Topic<>(
          "argus.camera.descriptions",
          KEY,
          JsonSerde.of(EventDescription.class),
          6,
          retention(Duration.ofDays(7)));

  /** Protect controller sessions' state, newest per controller (compacted). Key: controller. */
  public static final Topic<String, ProtectControllerStatus> PROTECT_STATUS =
      new Topic<>(
          "argus.protect.status",
          KEY,
          JsonSerde.of(ProtectControllerStatus.class),
          3,
          Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

  /**
   * The largest camera record (reading or event with its frames) a topic accepts; producers of
   * those topics set {@code max.request.size} and consumers {@code max.partition.fetch.bytes} to
   * it.
   */
  public static final int CAMERA_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

  /**
   * Records that could not be read (malformed JSON, missing fields), kept with the reason in
   * headers so nothing is silently lost. Raw bytes in, raw bytes out.
   */
  public static final Topic<byte[], byte[]> DEAD_LETTER =
      new Topic<>(
          "argus.deadletter",
          Serdes.ByteArray(),
          Serdes.ByteArray(),
          1,
          retention(Duration.ofDays(14)));

  private Topics() {}

  public static List<Topic<?, ?>> all() {
    return List.of(
        READINGS_POWER,
        READINGS_PROBE,
        EVENTS,
        ENERGY,
        COLLECTOR_STATUS,
        TARGET_STATUS,
        READINGS_LLM,
        LLM_JOBS,
        LLM_BENCHMARK,
        LLM_BENCHMARK_STATS,
        LLM_STATUS,
        READINGS_CAMERA,
        CAMERA_STATUS,
        CAMERA_EVENTS,
        CAMERA_DESCRIPTIONS,
        PROTECT_STATUS,
        CONFIG,
        COMMANDS,
        DEAD_LETTER);
  }

  private static Map<String, String> large(Map<String, String> config) {
    var withSize = new java.util.HashMap<>(config);
    withSize.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(CAMERA_MAX_MESSAGE_BYTES));
    return Map.copyOf(withSize);
  }

  private static Map<String, String> retention(Duration retention) {
    return Map.of(
        TopicConfig.CLEANUP_POLICY_CONFIG,
        TopicConfig.CLEANUP_POLICY_DELETE,
        TopicConfig.RETENTION_MS_CONFIG,
        Long.toString(retention.toMillis()));
  }
}
